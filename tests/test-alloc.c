/* test-alloc.c: no lookup allocates, once warm, in any kind of locale.
   SPDX-License-Identifier: LGPL-2.1-or-later

   The figure 'make bench' reports, kept from regressing: every function
   is called once to warm gettext's caches up, then many times, and the
   heap allocations of the process (counted by tests/count-malloc.c) must
   not move.

   Where glibc's dgettext itself allocates on every call, the library
   must add nothing to what a bare dgettext of the same text costs: in a
   locale for which no catalog exists (C.UTF-8, en_US.UTF-8), and for a
   translation the locale's charset cannot hold (the en dash of the
   Turkish 551 to 553 in ISO-8859-9), whose conversion glibc retries each
   time.  */

#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libintl.h>

#include "smtpstatus.h"
#include "count-malloc.h"
#include "tap.h"

enum { CALLS = 200 };

static const char gmail_reply[] =
  "550-5.1.1 The email account that you tried to reach does not exist.\r\n"
  "550 5.1.1 https://support.example/?p=NoSuchUser - gsmtp\r\n";

static locale_t other;          /* for the _l functions */
static volatile long sink;

/* Every kind of lookup; the basic codes from FIRST_CODE on, so that the
   Latin-5 round can leave out the texts Latin-5 cannot hold.  */
static const int codes[] = { 551, 552, 553, 550, 250, 299, 777, -1 };
enum { CODES = sizeof codes / sizeof codes[0] };

static void
every_lookup (size_t first_code)
{
  int code;
  struct smtp_reply reply;
  for (size_t i = first_code; i < CODES; i++)
    {
      sink += (long) smtp_status_description (codes[i]);
      sink += (long) smtp_status_description_l (codes[i], other);
      sink += (long) smtp_status_name (codes[i]);
      sink += smtp_status_class (codes[i]) + smtp_status_is_known (codes[i]);
    }
  sink += smtp_status_from_name ("mailbox_unavailable", &code);
  sink += (long) smtp_enhanced_description (5, 1, 1);
  sink += (long) smtp_enhanced_description (4, 9, 9);
  sink += (long) smtp_enhanced_description_l (5, 7, 26, other);
  sink += (long) smtp_enhanced_description_str ("4.2.2");
  sink += (long) smtp_enhanced_description_str_l ("5.2.2", other);
  sink += smtp_reply_parse (gmail_reply, sizeof gmail_reply - 1, &reply);
  sink += (long) smtp_reply_explain (&reply);
  sink += (long) smtp_reply_explain_l (&reply, other);
  sink += (long) smtp_outcome_description (smtp_reply_outcome (&reply));
  sink += (long) smtp_reply_result_description (SMTP_REPLY_INCOMPLETE);
  struct smtp_diagnosis d;
  smtp_reply_diagnose (gmail_reply, &reply, &d);
  sink += (long) smtp_diagnosis_explanation (&d);
  sink += (long) smtp_diagnosis_explanation_l (&d, other);
  sink += (long) smtp_reason_description (d.reason);
  sink += (long) smtp_reason_advice_l (d.reason, other);
  sink += (long) smtp_party_description (d.fixer);
  char sentence[256];
  sink += (long) smtp_diagnosis_sentence (sentence, sizeof sentence,
                                          SMTP_STEP_RCPT, "bob@example.org",
                                          &d);
}

static void
check_locale (const char *name, const char *other_name, size_t first_code)
{
  if (setlocale (LC_ALL, name) == NULL)
    tap_bail_out ("a test locale is missing: is LOCPATH set?");
  other = newlocale (LC_ALL_MASK, other_name, (locale_t) 0);
  if (other == (locale_t) 0)
    tap_bail_out ("a test locale is missing: is LOCPATH set?");
  every_lookup (first_code);
  long before = count_malloc_calls ();
  for (int i = 0; i < CALLS; i++)
    every_lookup (first_code);
  tap_is_int (count_malloc_calls () - before, 0,
              "no allocation in %d rounds of every lookup under %s "
              "(and %s through the _l functions)", CALLS, name, other_name);
  freelocale (other);
}

/* Under LOCALE, CODE's description allocates no more than a bare dgettext
   of its English text.  */
static void
no_more_than_dgettext (const char *locale, int code)
{
  if (setlocale (LC_ALL, locale) == NULL)
    tap_bail_out ("a test locale is missing: is LOCPATH set?");
  locale_t c = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  const char *msgid = smtp_status_description_l (code, c);
  freelocale (c);
  sink += (long) smtp_status_description (code);
  long before = count_malloc_calls ();
  for (int i = 0; i < CALLS; i++)
    sink += (long) dgettext (SMTP_STATUS_TEXTDOMAIN, msgid);
  long floor = count_malloc_calls () - before;
  before = count_malloc_calls ();
  for (int i = 0; i < CALLS; i++)
    sink += (long) smtp_status_description (code);
  long ours = count_malloc_calls () - before;
  tap_ok (ours <= floor, "under %s, %d descriptions of %d allocate no more "
          "than %d bare dgettext calls (%ld and %ld)", locale, CALLS, code,
          CALLS, ours, floor);
}

int
main (void)
{
  tap_need_test_locales ();
  /* The counter must count, or the zeros below prove nothing.  */
  long before = count_malloc_calls ();
  void *volatile block = malloc (16);
  free (block);
  tap_is_int (count_malloc_calls () - before, 1, "the counter counts");

  check_locale ("sv_SE.UTF-8", "tr_TR.UTF-8", 0);
  check_locale ("tr_TR.UTF-8", "sv_SE.ISO-8859-1", 0);
  check_locale ("sv_SE.ISO-8859-1", "sv_SE", 0);
  check_locale ("tr_TR.ISO-8859-9", "tr_TR.ISO-8859-9", 3);
  check_locale ("C", "C", 0);
  no_more_than_dgettext ("C.UTF-8", 550);
  no_more_than_dgettext ("tr_TR.ISO-8859-9", 551);
  return tap_done ();
}

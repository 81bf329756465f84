/* test-threads.c: eight threads, each in its own locale through the _l
   functions, each checking every one of its lookups.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Swedish and Turkish in UTF-8 and in their 8-bit charsets, C and
   C.UTF-8 run at once, and no thread may see another's language or
   charset.  The wanted texts are taken before any thread starts, and a
   sample of them is first checked against hand-written strings, so that
   the threads compare with known-good answers.  Built for ThreadSanitizer
   too (see .ci/run).  SMTPSTATUS_THREAD_ROUNDS overrides the 100,000
   lookups per thread, for slow runs under valgrind.  */

#include <config.h>

#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpstatus.h"
#include "tap.h"

#if ENABLE_NLS
# define TRANSLATED(text, english) (text)
#else
# define TRANSLATED(text, english) (english)
#endif

static const char *const locales[] =
{
  "sv_SE.UTF-8", "tr_TR.UTF-8", "C", "sv_SE.ISO-8859-1",
  "tr_TR.ISO-8859-9", "C.UTF-8", "sv_SE", "tr_TR.UTF-8",
};
enum { THREADS = sizeof locales / sizeof locales[0] };

/* The lookups a thread cycles through: each basic code of the table, a
   code it lacks, and three enhanced codes.  */
enum { ENHANCED = 3, MAX_KINDS = 64 };
static const int enhanced[ENHANCED][3] = { { 5, 1, 1 }, { 4, 2, 2 },
                                           { 5, 7, 99 } };
static int codes[MAX_KINDS];
static size_t code_count;

struct worker
{
  pthread_t thread;
  locale_t loc;
  const char *wanted[MAX_KINDS + ENHANCED];
  long rounds;
  long mismatches;
};

static const char *
look_up (size_t kind, locale_t loc)
{
  if (kind < code_count)
    return smtp_status_description_l (codes[kind], loc);
  const int *e = enhanced[kind - code_count];
  return smtp_enhanced_description_l (e[0], e[1], e[2], loc);
}

static void *
work (void *arg)
{
  struct worker *w = arg;
  size_t kinds = code_count + ENHANCED;
  for (long i = 0; i < w->rounds; i++)
    {
      size_t kind = (size_t) i % kinds;
      if (strcmp (look_up (kind, w->loc), w->wanted[kind]) != 0)
        w->mismatches++;
    }
  return NULL;
}

static void
check_known_answers (struct worker *workers)
{
  size_t i550 = 0;
  while (codes[i550] != 550)
    i550++;
  tap_is_str (workers[0].wanted[i550],
              TRANSLATED ("Den definierar vanligtvis en icke-existerande "
                          "e-postadress på fjärrsidan.",
                          "Mailbox unavailable: usually the e-mail address "
                          "does not exist at the remote end."),
              "the wanted text of 550 in sv_SE.UTF-8");
  tap_is_str (workers[1].wanted[code_count],
              TRANSLATED ("Alıcının posta kutusu mevcut değil.",
                          "The recipient's mailbox does not exist."),
              "the wanted text of 5.1.1 in tr_TR.UTF-8");
  tap_is_str (workers[2].wanted[i550], "Mailbox unavailable: usually the "
              "e-mail address does not exist at the remote end.",
              "the wanted text of 550 in C");
  tap_is_str (workers[3].wanted[code_count + 1],
              TRANSLATED ("Mottagarens brevl\xe5" "da \xe4r full.",
                          "The recipient's mailbox is full."),
              "the wanted text of 4.2.2 in sv_SE.ISO-8859-1");
}

int
main (void)
{
  tap_need_test_locales ();
  long rounds = 100000;
  const char *override = getenv ("SMTPSTATUS_THREAD_ROUNDS");
  if (override != NULL && atol (override) > 0)
    rounds = atol (override);

  for (size_t i = 0; i < smtp_status_count () && code_count < MAX_KINDS - 1;
       i++)
    smtp_status_code_at (i, &codes[code_count++]);
  codes[code_count++] = 599;

  static struct worker workers[THREADS];
  for (int t = 0; t < THREADS; t++)
    {
      workers[t].loc = newlocale (LC_ALL_MASK, locales[t], (locale_t) 0);
      if (workers[t].loc == (locale_t) 0)
        tap_bail_out ("a test locale is missing: is LOCPATH set?");
      for (size_t k = 0; k < code_count + ENHANCED; k++)
        workers[t].wanted[k] = look_up (k, workers[t].loc);
      workers[t].rounds = rounds;
    }
  check_known_answers (workers);

  for (int t = 0; t < THREADS; t++)
    if (pthread_create (&workers[t].thread, NULL, work, &workers[t]) != 0)
      tap_bail_out ("pthread_create failed");
  for (int t = 0; t < THREADS; t++)
    pthread_join (workers[t].thread, NULL);

  for (int t = 0; t < THREADS; t++)
    {
      tap_is_int (workers[t].mismatches, 0, "%ld lookups in a %s thread",
                  workers[t].rounds, locales[t]);
      freelocale (workers[t].loc);
    }
  tap_is_str (setlocale (LC_ALL, NULL), "C",
              "the global locale is still C");
  tap_ok (uselocale ((locale_t) 0) == LC_GLOBAL_LOCALE,
          "the main thread is still on the global locale");
  return tap_done ();
}

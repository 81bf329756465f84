/* test-enhanced.c: enhanced status codes, explanations of whole replies
   and what they mean for the client, in English, Swedish and Turkish.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Needs the test locales (LOCPATH) and catalogs (SMTPSTATUS_LOCALEDIR);
   in a build without NLS every text is English.  */

#include <config.h>

#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "smtpstatus.h"
#include "tap.h"

static locale_t
open_locale (const char *name)
{
  locale_t loc = newlocale (LC_ALL_MASK, name, (locale_t) 0);
  if (loc == (locale_t) 0)
    tap_bail_out ("a test locale is missing: is LOCPATH set?");
  return loc;
}

/* The translation where the build has NLS, else the English text.  */
static const char *
nls (const char *translated, const char *english)
{
  return SMTPSTATUS_NLS ? translated : english;
}

static void
test_registry (void)
{
  int known = 0;
  for (int subject = 0; subject <= 999; subject++)
    for (int detail = 0; detail <= 999; detail++)
      known += smtp_enhanced_is_known (subject, detail);
  tap_is_int (known, 81, "the registry has 81 codes");

  static const int last_detail[8] = { 0, 10, 4, 6, 7, 6, 10, 30 };
  bool complete = true, distinct = true, ascii = true;
  const char *texts[81];
  int n = 0;
  for (int subject = 0; subject <= 7; subject++)
    for (int detail = 0; detail <= last_detail[subject]; detail++)
      {
        complete = complete && smtp_enhanced_is_known (subject, detail);
        const char *text = smtp_enhanced_description (5, subject, detail);
        for (const char *p = text; *p; p++)
          ascii = ascii && (unsigned char) *p < 0x80;
        for (int i = 0; i < n; i++)
          distinct = distinct && strcmp (texts[i], text) != 0;
        if (n < 81)
          texts[n++] = text;
      }
  tap_ok (complete, "X.0.0, X.1.0-10, X.2.0-4, X.3.0-6, X.4.0-7, X.5.0-6, "
          "X.6.0-10 and X.7.0-30 are all there");
  tap_ok (distinct, "each has a text of its own");
  tap_ok (ascii, "all English texts are plain ASCII");
  tap_is_int (smtp_enhanced_is_known (1, 11), 0, "X.1.11 is not registered");
  tap_is_int (smtp_enhanced_is_known (7, 31), 0, "X.7.31 is not registered");
  tap_is_int (smtp_enhanced_is_known (8, 0), 0, "X.8.0 is not registered");
  tap_is_int (smtp_enhanced_is_known (-1, 0), 0, "X.-1.0 is not registered");
}

static void
test_english (void)
{
  tap_is_str (smtp_enhanced_description (5, 1, 1),
              "The recipient's mailbox does not exist.", "5.1.1");
  tap_is_str (smtp_enhanced_description (4, 2, 2),
              "The recipient's mailbox is full.", "4.2.2");
  tap_is_str (smtp_enhanced_description (5, 7, 30),
              "The message requires REQUIRETLS, which is not supported "
              "along the way.", "5.7.30");
  tap_is_str (smtp_enhanced_description (2, 0, 0),
              "No further details were given.", "2.0.0");
  tap_is_str (smtp_enhanced_description (5, 1, 99),
              "This concerns an address; the exact reason is not known.",
              "an unregistered detail falls back to its subject");
  tap_is_str (smtp_enhanced_description (4, 9, 1),
              "Unknown temporary failure.",
              "an unregistered subject falls back to the class");
  tap_is_str (smtp_enhanced_description (5, 999, 999),
              "Unknown permanent failure.", "5.999.999");
  tap_is_str (smtp_enhanced_description (3, 1, 1), "Unknown SMTP status code.",
              "class 3 is no enhanced class");
  tap_is_str (smtp_enhanced_description (INT_MIN, INT_MIN, INT_MIN),
              "Unknown SMTP status code.", "INT_MIN everywhere");
  tap_is_str (smtp_enhanced_description (5, INT_MAX, INT_MAX),
              "Unknown permanent failure.", "INT_MAX subject and detail");

  tap_is_str (smtp_enhanced_description_str ("5.1.1"),
              "The recipient's mailbox does not exist.", "\"5.1.1\"");
  tap_is_str (smtp_enhanced_description_str ("4.4.7"),
              "The message expired before it could be delivered.",
              "\"4.4.7\"");
  static const char *const invalid[] =
    { "", "5", "5.1", "5.1.1 ", " 5.1.1", "5.01.1", "5.1.01", "6.1.1",
      "3.1.1", "5.1.1.1", "5.1000.1", "5..1", "5.1.-1", "x.1.1" };
  for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++)
    tap_is_str (smtp_enhanced_description_str (invalid[i]),
                "Unknown SMTP status code.", "\"%s\" is no enhanced code",
                invalid[i]);
}

static void
test_parse (void)
{
  struct smtp_enhanced_status status = { 9, 9, 9 };
  tap_is_int (smtp_enhanced_parse ("2.123.456", 9, &status), 0,
              "2.123.456 parses");
  tap_ok (status.status_class == 2 && status.subject == 123
          && status.detail == 456, "into 2, 123, 456");
  tap_is_int (smtp_enhanced_parse ("5.1.1 and more", 5, &status), 0,
              "only LENGTH bytes are read");
  status = (struct smtp_enhanced_status) { 9, 9, 9 };
  tap_is_int (smtp_enhanced_parse ("5.1.1", 4, &status), -1,
              "a cut code is refused");
  tap_ok (status.status_class == 9, "and *status is left alone");
  tap_is_int (smtp_enhanced_parse ("5.0.0", 5, &status), 0,
              "a lone 0 is no leading zero");
  tap_is_int (smtp_enhanced_parse ("5.00.0", 6, &status), -1,
              "00 has a leading zero");
  tap_is_int (smtp_enhanced_parse (NULL, 0, &status), -1,
              "NULL text of length 0");
  /* A code at the very end of a heap buffer: no byte past it is read.  */
  char *exact = malloc (5);
  memcpy (exact, "4.7.1", 5);
  tap_is_int (smtp_enhanced_parse (exact, 5, &status), 0,
              "a code with no NUL after it");
  free (exact);
}

static const char *
explain (const char *data)
{
  static struct smtp_reply reply;
  if (smtp_reply_parse (data, strlen (data), &reply) != SMTP_REPLY_OK)
    tap_bail_out ("a sample reply does not parse");
  return smtp_reply_explain (&reply);
}

static int
outcome (const char *data)
{
  struct smtp_reply reply;
  if (smtp_reply_parse (data, strlen (data), &reply) != SMTP_REPLY_OK)
    tap_bail_out ("a sample reply does not parse");
  return smtp_reply_outcome (&reply) * 10 + smtp_reply_should_retry (&reply);
}

static void
test_explain_and_outcome (void)
{
  tap_is_str (explain ("550-5.1.1 a\r\n550 5.1.1 b\r\n"),
              "The recipient's mailbox does not exist.",
              "a registered detail is the most specific");
  tap_is_str (explain ("550 5.1.99 x\r\n"),
              "This concerns an address; the exact reason is not known.",
              "an unknown detail gives way to its subject, not to the "
              "basic code's guess");
  tap_is_str (explain ("559 5.1.99 x\r\n"),
              "This concerns an address; the exact reason is not known.",
              "an unknown detail of an unknown code too");
  tap_is_str (explain ("550 5.7.606 Access denied, banned sending IP\r\n"),
              "This concerns security or policy; the exact reason is not "
              "known.", "a vendor's detail: policy, not a missing address");
  tap_is_str (explain ("552-5.7.0 This message was blocked\r\n"
                       "552 5.7.0 x\r\n"),
              "This concerns security or policy; no further details were "
              "given.", "detail 0 of a failure: its subject, not the 552 text");
  tap_is_str (explain ("250 2.0.0 Ok\r\n"),
              "The requested action was taken and completed.",
              "subject 0 says no more than the basic code");
  tap_is_str (explain ("250 2.1.0 Ok\r\n"),
              "The requested action was taken and completed.",
              "nor does detail 0 of a success");
  tap_is_str (explain ("299 2.0.0 Ok\r\n"), "Unknown success reply.",
              "an unknown basic code: its class");
  tap_is_str (explain ("559 x\r\n"), "Unknown permanent failure.",
              "no enhanced code, unknown basic code: the class");
  tap_is_str (explain ("451 4.9.9 x\r\n"),
              "The command was aborted because of an error on the server's "
              "side.", "an unknown subject gives way to the basic code");

  tap_is_int (outcome ("250 2.1.5 Ok\r\n"), 20, "250: success, no retry");
  tap_is_int (outcome ("354 go on\r\n"), 30, "354: intermediate");
  tap_is_int (outcome ("452 4.2.2 full\r\n"), 41,
              "452 4.2.2: temporary, retry");
  tap_is_int (outcome ("421 4.7.0 later\r\n"), 41, "421: temporary, retry");
  tap_is_int (outcome ("550 5.1.1 no\r\n"), 50, "550 5.1.1: permanent");
  tap_is_int (outcome ("554 no\r\n"), 50, "554: permanent");
  tap_is_int (smtp_status_outcome (550, 4), SMTP_OUTCOME_PERMANENT,
              "when the classes disagree the basic code decides");
  tap_is_int (smtp_status_outcome (450, 5), SMTP_OUTCOME_TRANSIENT,
              "either way round");
  tap_is_int (smtp_status_outcome (0, 4), SMTP_OUTCOME_TRANSIENT,
              "the enhanced class counts where the code has none");
  tap_is_int (smtp_status_outcome (-1, 0), SMTP_OUTCOME_UNKNOWN,
              "no class at all");
  tap_is_int (smtp_status_outcome (777, 3), SMTP_OUTCOME_UNKNOWN,
              "3 is no enhanced class");

  tap_is_str (smtp_outcome_description (SMTP_OUTCOME_PERMANENT),
              "permanent failure: sending it again unchanged will not help", "permanent");
  tap_is_str (smtp_outcome_description (SMTP_OUTCOME_TRANSIENT),
              "temporary failure: retrying later may help", "transient");
  tap_is_str (smtp_outcome_description (SMTP_OUTCOME_SUCCESS), "success",
              "success");
  tap_is_str (smtp_outcome_description (SMTP_OUTCOME_INTERMEDIATE),
              "intermediate: the server waits for more", "intermediate");
  tap_is_str (smtp_outcome_description (1), "unknown outcome", "1");
  tap_is_str (smtp_outcome_description (INT_MIN), "unknown outcome",
              "INT_MIN");

  static const struct { int result; const char *text; } results[] =
  {
    { SMTP_REPLY_OK, "The reply is complete and well formed." },
    { SMTP_REPLY_INCOMPLETE, "The reply is incomplete: more lines are to "
      "come." },
    { SMTP_REPLY_BAD_CODE, "A line does not start with a valid reply code." },
    { SMTP_REPLY_CODE_MISMATCH, "The lines of the reply carry different "
      "codes." },
    { SMTP_REPLY_LINE_TOO_LONG, "A line is longer than the 512 bytes SMTP "
      "allows." },
    { SMTP_REPLY_TOO_MANY_LINES, "The reply has more lines than the parser "
      "holds." },
    { -6, "Unknown parse result." },
    { 1, "Unknown parse result." },
  };
  for (size_t i = 0; i < sizeof results / sizeof results[0]; i++)
    tap_is_str (smtp_reply_result_description (results[i].result),
                results[i].text, "text of parse result %d",
                results[i].result);
}

/* The translations, through locale objects and the global locale.  */
static void
test_translations (void)
{
  locale_t sv = open_locale ("sv_SE.UTF-8");
  locale_t tr = open_locale ("tr_TR.UTF-8");
  locale_t latin1 = open_locale ("sv_SE.ISO-8859-1");
  tap_is_str (smtp_enhanced_description_l (5, 1, 1, sv),
              nls ("Mottagarens brevlåda finns inte.",
                   "The recipient's mailbox does not exist."), "5.1.1 in sv");
  tap_is_str (smtp_enhanced_description_l (5, 1, 1, tr),
              nls ("Alıcının posta kutusu mevcut değil.",
                   "The recipient's mailbox does not exist."), "5.1.1 in tr");
  tap_is_str (smtp_enhanced_description_l (4, 2, 2, latin1),
              nls ("Mottagarens brevl\xe5" "da \xe4r full.",
                   "The recipient's mailbox is full."), "4.2.2 in Latin-1");
  tap_is_str (smtp_enhanced_description_str_l ("5.7.1", tr),
              nls ("Teslimata izin verilmedi; mesaj reddedildi.",
                   "Delivery is not authorized; the message was refused."),
              "\"5.7.1\" in tr");
  tap_is_str (smtp_enhanced_description_l (5, 2, 77, sv),
              nls ("Det gäller mottagarens brevlåda; den exakta orsaken är "
                   "okänd.", "This concerns the recipient's mailbox; the "
                   "exact reason is not known."), "5.2.77 in sv");
  tap_is_str (smtp_enhanced_description_l (4, 50, 1, tr),
              nls ("Bilinmeyen geçici hata.", "Unknown temporary failure."),
              "4.50.1 in tr");

  static const char gmail[] =
    "550-5.1.1 The email account that you tried to reach does not exist.\r\n"
    "550 5.1.1 https://support.example/?p=NoSuchUser - gsmtp\r\n";
  struct smtp_reply reply;
  smtp_reply_parse (gmail, sizeof gmail - 1, &reply);
  tap_is_str (smtp_reply_explain_l (&reply, sv),
              nls ("Mottagarens brevlåda finns inte.",
                   "The recipient's mailbox does not exist."),
              "a Gmail reply explained in sv");
  if (setlocale (LC_ALL, "tr_TR.UTF-8") == NULL)
    tap_bail_out ("tr_TR.UTF-8 is missing: is LOCPATH set?");
  tap_is_str (smtp_reply_explain (&reply),
              nls ("Alıcının posta kutusu mevcut değil.",
                   "The recipient's mailbox does not exist."),
              "and in tr through setlocale");
  tap_is_str (smtp_outcome_description (smtp_reply_outcome (&reply)),
              nls ("kalıcı hata: aynısını yeniden göndermek işe yaramaz",
                   "permanent failure: sending it again unchanged will not help"),
              "its outcome in tr");
  tap_is_str (smtp_reply_result_description (SMTP_REPLY_CODE_MISMATCH),
              nls ("Yanıtın satırları farklı kodlar taşıyor.",
                   "The lines of the reply carry different codes."),
              "a parse result in tr");
  setlocale (LC_ALL, "C");
  tap_is_str (smtp_reply_explain (&reply),
              "The recipient's mailbox does not exist.", "and in C");
  freelocale (sv);
  freelocale (tr);
  freelocale (latin1);
}

int
main (void)
{
  tap_need_test_locales ();
  test_registry ();
  test_english ();
  test_parse ();
  test_explain_and_outcome ();
  test_translations ();
  return tap_done ();
}

/* test-table.c: the table, its lookups and the English texts.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Runs in the C locale, as a program that never calls setlocale does, so
   every description is the English msgid.  */

#include <config.h>

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <ctype.h>

#include "smtpstatus.h"
#include "tap.h"

static void
test_enum (void)
{
  tap_is_int (SMTP_STATUS_GENERAL_FAILURE, -1, "GENERAL_FAILURE is -1");
  tap_is_int (SMTP_STATUS_NOT_DEFINED, 0, "NOT_DEFINED is 0");
  tap_is_int (SMTP_STATUS_OK, 250, "OK is 250");
  tap_is_int (SMTP_STATUS_BASE64_RESPONSE, 334, "BASE64_RESPONSE is 334");
  tap_is_int (SMTP_STATUS_MAILBOX_UNAVAILABLE, 550,
              "MAILBOX_UNAVAILABLE is 550");
  tap_is_int (SMTP_STATUS_AUTHENTICATION_MECHANISM_TOO_WEAK, 534,
              "AUTHENTICATION_MECHANISM_TOO_WEAK is 534");
  tap_is_int (SMTP_STATUS_TRANSACTION_FAILED, 554,
              "TRANSACTION_FAILED is 554");
  /* The codes of RFC 5321, 7504, 1985 and 2645 the source tables lack.  */
  tap_is_int (SMTP_STATUS_PENDING_MESSAGES_STARTED, 253,
              "PENDING_MESSAGES_STARTED is 253");
  tap_is_int (SMTP_STATUS_NO_MAIL_WAITING, 453, "NO_MAIL_WAITING is 453");
  tap_is_int (SMTP_STATUS_UNABLE_TO_QUEUE_MESSAGES, 458,
              "UNABLE_TO_QUEUE_MESSAGES is 458");
  tap_is_int (SMTP_STATUS_NODE_NOT_ALLOWED, 459, "NODE_NOT_ALLOWED is 459");
  tap_is_int (SMTP_STATUS_UNABLE_TO_ACCOMMODATE_PARAMETERS, 455,
              "UNABLE_TO_ACCOMMODATE_PARAMETERS is 455");
  tap_is_int (SMTP_STATUS_HOST_DOES_NOT_ACCEPT_MAIL, 521,
              "HOST_DOES_NOT_ACCEPT_MAIL is 521");
  tap_is_int (SMTP_STATUS_PARAMETERS_NOT_RECOGNIZED, 555,
              "PARAMETERS_NOT_RECOGNIZED is 555");
  tap_is_int (SMTP_STATUS_DOMAIN_DOES_NOT_ACCEPT_MAIL, 556,
              "DOMAIN_DOES_NOT_ACCEPT_MAIL is 556");
}

static void
test_walk (void)
{
  /* The 32 entries of the source tables, and 253, 453, 455, 458, 459,
     521, 555 and 556.  */
  tap_is_int ((long) smtp_status_count (), 40, "the table has 40 entries");
  int previous = INT_MIN, code = 12345;
  bool ascending = true, all_known = true;
  for (size_t i = 0; i < smtp_status_count (); i++)
    {
      if (smtp_status_code_at (i, &code) != 0)
        tap_bail_out ("smtp_status_code_at failed inside the table");
      ascending = ascending && code > previous;
      all_known = all_known && smtp_status_is_known (code);
      previous = code;
    }
  tap_ok (ascending, "entries come in strictly ascending order of code");
  tap_ok (all_known, "every entry walked is known");
  smtp_status_code_at (0, &code);
  tap_is_int (code, -1, "the first entry is -1");
  smtp_status_code_at (39, &code);
  tap_is_int (code, 556, "the last entry is 556");
  code = 777;
  tap_is_int (smtp_status_code_at (40, &code), -1,
              "an index past the end is refused");
  tap_is_int (code, 777, "and leaves *code alone");
  tap_is_int (smtp_status_code_at ((size_t) -1, &code), -1,
              "SIZE_MAX is refused");
}

static void
test_names (void)
{
  tap_is_str (smtp_status_name (550), "MailboxUnavailable", "name of 550");
  tap_is_str (smtp_status_name (-1), "GeneralFailure", "name of -1");
  tap_is_str (smtp_status_name (0), "NotDefined", "name of 0");
  tap_is_str (smtp_status_name (250), "Ok", "name of 250");
  tap_is_str (smtp_status_name (534), "AuthenticationMechanismIsToWeak",
              "534 keeps the source's spelling");
  tap_is_str (smtp_status_name (455), "UnableToAccommodateParameters",
              "name of 455");
  tap_is_str (smtp_status_name (521), "HostDoesNotAcceptMail", "name of 521");
  tap_is_str (smtp_status_name (555), "ParametersNotRecognized",
              "name of 555");
  tap_is_str (smtp_status_name (556), "DomainDoesNotAcceptMail",
              "name of 556");
  const int unknown[] = { -5, -2, 1, 200, 299, 457, 520, 557, 599, 600, 777,
                          INT_MIN, INT_MAX };
  for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
    tap_is_str (smtp_status_name (unknown[i]), NULL, "no name for %d",
                unknown[i]);
}

static void
expect_code (const char *name, int wanted)
{
  int code = 12345;
  int result = smtp_status_from_name (name, &code);
  tap_ok (result == 0 && code == wanted, "'%s' names %d (got %d, code %d)",
          name, wanted, result, code);
}

static void
expect_no_code (const char *name)
{
  int code = 12345;
  int result = smtp_status_from_name (name, &code);
  tap_ok (result == -1 && code == 12345,
          "'%s' names nothing and leaves *code alone", name);
}

/* Every spelling the API promises, plus the near misses it must refuse.  */
static void
test_from_name (const char *locale)
{
  printf ("# from_name under %s\n", locale);
  expect_code ("MailboxBusy", 450);
  expect_code ("mailboxbusy", 450);
  expect_code ("MAILBOXBUSY", 450);
  expect_code ("MAILBOX_BUSY", 450);
  expect_code ("mailbox_busy", 450);
  expect_code ("SMTP_STATUS_MAILBOX_BUSY", 450);
  expect_code ("smtp_status_mailbox_busy", 450);
  expect_code ("MailboxUnavailable", 550);
  expect_code ("INSUFFICIENT_STORAGE", 452);
  expect_code ("AuthenticationMechanismIsToWeak", 534);
  expect_code ("AUTHENTICATION_MECHANISM_TOO_WEAK", 534);
  expect_code ("SMTP_STATUS_AUTHENTICATION_MECHANISM_TOO_WEAK", 534);
  expect_code ("GeneralFailure", -1);
  expect_code ("NOT_DEFINED", 0);
  expect_code ("ok", 250);
  expect_code ("Base64Response", 334);
  expect_code ("UnableToAccommodateParameters", 455);
  expect_code ("UNABLE_TO_ACCOMMODATE_PARAMETERS", 455);
  expect_code ("HostDoesNotAcceptMail", 521);
  expect_code ("host_does_not_accept_mail", 521);
  expect_code ("ParametersNotRecognized", 555);
  expect_code ("SMTP_STATUS_PARAMETERS_NOT_RECOGNIZED", 555);
  expect_code ("DomainDoesNotAcceptMail", 556);
  expect_code ("DOMAINDOESNOTACCEPTMAIL", 556);
  expect_code ("smtp_status_domain_does_not_accept_mail", 556);

  expect_no_code ("");
  expect_no_code ("550");
  expect_no_code ("Mailbox");
  expect_no_code ("MailboxBusyX");
  expect_no_code ("MAILBOX_BUSY ");
  expect_no_code ("SMTP_STATUS_");
  expect_no_code ("SMTP_STATUS_MailboxBusy");
  /* Dotted capital I (U+0130) and dotless small i (U+0131) in UTF-8 and
     in ISO-8859-9: what a Turkish case mapping makes of "I" and "i".  */
  expect_no_code ("MA\xc4\xb0LBOX_BUSY");
  expect_no_code ("ma\xc4\xb1lboxbusy");
  expect_no_code ("MA\xddLBOX_BUSY");
  expect_no_code ("ma\xfdlboxbusy");

  int found = smtp_status_from_name ("InsufficientStorage", NULL);
  tap_is_int (found, 0, "a NULL code pointer is allowed");
}

static bool
is_ascii (const char *s)
{
  for (; *s; s++)
    if ((unsigned char) *s >= 0x80)
      return false;
  return true;
}

static void
test_english (void)
{
  tap_is_str (smtp_status_description (550),
              "Mailbox unavailable: usually the e-mail address does not "
              "exist at the remote end.", "English text of 550");
  tap_is_str (smtp_status_description (250),
              "The requested action was taken and completed.",
              "English text of 250");
  tap_is_str (smtp_status_description (534),
              "The authentication mechanism is too weak.",
              "English text of 534");
  tap_is_str (smtp_status_description (-1), "General failure.",
              "English text of -1");
  tap_is_str (smtp_status_description (0), "Status not defined.",
              "English text of 0");
  tap_is_str (smtp_status_description (455),
              "The server understood the options given with the sender or "
              "recipient address, but cannot handle them at the moment. This "
              "is a temporary problem: sending the message again later may "
              "work.", "English text of 455");
  tap_is_str (smtp_status_description (521),
              "The receiving server does not accept mail at all, so the "
              "message cannot be delivered to it. Check that the recipient's "
              "address is right.", "English text of 521");
  tap_is_str (smtp_status_description (555),
              "The server does not recognize or does not support the options "
              "given with the sender or recipient address, so the message was "
              "not accepted. Sending it again unchanged will not help.",
              "English text of 555");
  tap_is_str (smtp_status_description (253),
              "The server has started sending the messages it holds for your "
              "domain (the ETRN command).", "English text of 253");
  tap_is_str (smtp_status_description (453),
              "The server holds no mail for you to collect (the ATRN command "
              "of on-demand mail relay).", "English text of 453");
  tap_is_str (smtp_status_description (458),
              "The server cannot start sending the messages it holds for your "
              "domain at the moment (the ETRN command). Try again later.",
              "English text of 458");
  tap_is_str (smtp_status_description (459),
              "The server does not send the mail it holds for the domain you "
              "named (the ETRN command): that domain may not ask for it.",
              "English text of 459");
  tap_is_str (smtp_status_description (556),
              "The recipient's domain does not accept mail at all, so the "
              "message cannot be delivered. Check that the recipient's "
              "address is right.", "English text of 556");

  size_t count = smtp_status_count ();
  bool plain = true, distinct = true;
  for (size_t i = 0; i < count; i++)
    {
      int a;
      smtp_status_code_at (i, &a);
      const char *text = smtp_status_description (a);
      plain = plain && text != NULL && *text != '\0' && is_ascii (text);
      for (size_t j = i + 1; j < count; j++)
        {
          int b;
          smtp_status_code_at (j, &b);
          distinct = distinct && strcmp (text, smtp_status_description (b));
        }
    }
  tap_ok (plain, "every English text is non-empty plain ASCII");
  tap_ok (distinct, "no two codes share an English text");
}

static void
test_classes_and_fallbacks (void)
{
  static const struct { int code; int class; const char *text; } cases[] =
  {
    { 200, 2, "Unknown success reply." },
    { 299, 2, "Unknown success reply." },
    { 300, 3, "Unknown intermediate reply." },
    { 399, 3, "Unknown intermediate reply." },
    { 499, 4, "Unknown temporary failure." },
    { 400, 4, "Unknown temporary failure." },
    { 557, 5, "Unknown permanent failure." },
    { 599, 5, "Unknown permanent failure." },
    { 199, 0, "Unknown SMTP status code." },
    { 600, 0, "Unknown SMTP status code." },
    { 777, 0, "Unknown SMTP status code." },
    { -5, 0, "Unknown SMTP status code." },
    { 1, 0, "Unknown SMTP status code." },
    { INT_MIN, 0, "Unknown SMTP status code." },
    { INT_MAX, 0, "Unknown SMTP status code." },
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      tap_is_int (smtp_status_class (cases[i].code), cases[i].class,
                  "class of %d", cases[i].code);
      tap_is_int (smtp_status_is_known (cases[i].code), 0,
                  "%d is not known", cases[i].code);
      tap_is_str (smtp_status_description (cases[i].code), cases[i].text,
                  "fallback text of %d", cases[i].code);
    }
  tap_is_int (smtp_status_class (550), 5, "class of 550");
  tap_is_int (smtp_status_class (211), 2, "class of 211");
  tap_is_int (smtp_status_class (354), 3, "class of 354");
  tap_is_int (smtp_status_class (421), 4, "class of 421");
  tap_is_int (smtp_status_class (-1), 0, "-1 has no class");
  tap_is_int (smtp_status_class (0), 0, "0 has no class");
  tap_is_int (smtp_status_is_known (-1), 1, "-1 is known");
  tap_is_int (smtp_status_is_known (0), 1, "0 is known");
  tap_is_int (smtp_status_is_known (554), 1, "554 is known");
  static const struct { int code; int class; } rfc_codes[] =
    { { 253, 2 }, { 453, 4 }, { 455, 4 }, { 458, 4 }, { 459, 4 },
      { 521, 5 }, { 555, 5 }, { 556, 5 } };
  for (size_t i = 0; i < sizeof rfc_codes / sizeof rfc_codes[0]; i++)
    {
      tap_is_int (smtp_status_is_known (rfc_codes[i].code), 1, "%d is known",
                  rfc_codes[i].code);
      tap_is_int (smtp_status_class (rfc_codes[i].code), rfc_codes[i].class,
                  "class of %d", rfc_codes[i].code);
    }
}

/* Whatever int a caller passes, there is a text.  */
static void
test_every_int (void)
{
  long bad = 0;
  for (long code = -1000000; code <= 1000000; code++)
    {
      const char *text = smtp_status_description ((int) code);
      if (text == NULL || *text == '\0')
        bad++;
    }
  static const int extremes[] = { INT_MIN, INT_MIN + 1, INT_MAX - 1,
                                  INT_MAX };
  for (size_t i = 0; i < sizeof extremes / sizeof extremes[0]; i++)
    {
      const char *text = smtp_status_description (extremes[i]);
      if (text == NULL || *text == '\0')
        bad++;
    }
  tap_is_int (bad, 0, "every int from -1,000,000 to 1,000,000, INT_MIN and "
              "INT_MAX has a text that is not empty");
}

int
main (void)
{
  test_enum ();
  test_every_int ();
  test_walk ();
  test_names ();
  test_english ();
  test_classes_and_fallbacks ();
  test_from_name ("C");

  /* In tr_TR.ISO-8859-9 the C library folds 'I' to dotless i (0xFD), so
     a lookup built on tolower or strcasecmp would miss "MAILBOX_BUSY".  */
  if (setlocale (LC_ALL, "tr_TR.ISO-8859-9") == NULL
      || setlocale (LC_ALL, "tr_TR.UTF-8") == NULL)
    {
      /* A machine without localedef: the rest of the test still holds.  */
      tap_ok (true, "Turkish case folding # SKIP no tr_TR test locales");
      return tap_done ();
    }
  setlocale (LC_ALL, "tr_TR.ISO-8859-9");
  tap_is_int (tolower ('I'), 0xFD,
              "precondition: tolower ('I') is a dotless i under "
              "tr_TR.ISO-8859-9");
  test_from_name ("tr_TR.ISO-8859-9");
  setlocale (LC_ALL, "tr_TR.UTF-8");
  test_from_name ("tr_TR.UTF-8");
  return tap_done ();
}

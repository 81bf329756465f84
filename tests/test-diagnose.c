/* test-diagnose.c: what smtp_reply_diagnose makes of replies as real
   servers word them, in English, and the sentence for the UI.  The
   replies are written for this test in the formats the vendors
   document; none is copied from a corpus.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <locale.h>
#include <string.h>

#include "smtpstatus.h"
#include "tap.h"

struct example
{
  const char *wire;
  const char *reason;
  enum smtp_diagnosis_source source;
  enum smtp_party fixer;
  int retry;
  const char *explanation;
};

static const struct example examples[] =
{
  /* Microsoft 365: its code 5.1.10 is "null MX" in the registry.  */
  { "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient bob@contoso.test "
    "not found by SMTP address lookup\r\n",
    "recipient-unknown", SMTP_SOURCE_TEXT, SMTP_PARTY_SENDER, 0,
    "The recipient's address does not exist at the receiving mail "
    "provider." },
  /* Microsoft's edge blocking says 5.4.1, "no answer from host".  */
  { "550 5.4.1 Recipient address rejected: Access denied. "
    "[AM0EUR01FT012.eop-eur01.prod.protection.outlook.test]\r\n",
    "recipient-unknown", SMTP_SOURCE_TEXT, SMTP_PARTY_SENDER, 0,
    "The recipient's address does not exist at the receiving mail "
    "provider." },
  { "550 5.7.606 Access denied, banned sending IP [203.0.113.9]. To request "
    "removal from this list please visit https://sender.office.test\r\n",
    "sender-blocked", SMTP_SOURCE_VENDOR_CODE, SMTP_PARTY_SENDER_PROVIDER, 0,
    "The receiving provider does not accept mail from the IP address of "
    "the server that sent the message." },
  { "550 5.7.509 Access denied, sending domain [EXAMPLE.ORG] does not pass "
    "DMARC verification and has a DMARC policy of reject.\r\n",
    "authentication-failed", SMTP_SOURCE_VENDOR_CODE,
    SMTP_PARTY_SENDER_PROVIDER, 0,
    "The message failed the DMARC check: it cannot be shown to come from "
    "the sender's domain, whose policy asks receivers to refuse such "
    "mail." },
  { "550 5.4.312 Message expired, DNS query failed\r\n",
    "network", SMTP_SOURCE_VENDOR_CODE, SMTP_PARTY_RECIPIENT, 0,
    "The mail server of the recipient's domain could not be found in "
    "DNS." },
  /* Gmail: 552 would be "storage exceeded", 5.7.0 says policy.  */
  { "552-5.7.0 This message was blocked because its content presents a "
    "potential\r\n"
    "552-5.7.0 security issue. Please visit\r\n"
    "552 5.7.0 https://support.google.com/mail/?p=BlockedMessage "
    "q3si12 - gsmtp\r\n",
    "policy", SMTP_SOURCE_TEXT, SMTP_PARTY_RECIPIENT, 0,
    "The message was refused because its content or an attachment may be "
    "a security risk." },
  { "550-5.2.1 The email account that you tried to reach is disabled.\r\n"
    "550 5.2.1  https://support.google.com/mail/?p=DisabledUser "
    "z7si1 - gsmtp\r\n",
    "recipient-disabled", SMTP_SOURCE_TEXT, SMTP_PARTY_RECIPIENT, 0,
    "The recipient's account exists but is disabled or inactive, so it "
    "takes no mail." },
  { "535-5.7.8 Username and Password not accepted. For more information, "
    "go to\r\n"
    "535 5.7.8  https://support.google.com/mail/?p=BadCredentials "
    "a1sm2 - gsmtp\r\n",
    "login-failed", SMTP_SOURCE_TEXT, SMTP_PARTY_SENDER, 0,
    "Logging in to the server failed: the user name or password was not "
    "accepted." },
  /* Yahoo's deferral for the sending IP's reputation.  */
  { "421 4.7.0 [TSS04] Messages from 203.0.113.5 temporarily deferred due "
    "to unexpected volume or user complaints\r\n",
    "sender-blocked", SMTP_SOURCE_TEXT, SMTP_PARTY_SENDER_PROVIDER, 1,
    "The receiving provider distrusts the server that sent the message "
    "because of its poor reputation." },
  /* Postfix with a blocklist, and its other refusals.  */
  { "554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked "
    "using zen.spamhaus.org; https://www.spamhaus.org/query/ip/"
    "198.51.100.7\r\n",
    "sender-blocked", SMTP_SOURCE_TEXT, SMTP_PARTY_SENDER_PROVIDER, 0,
    "The IP address of the server that sent the message is on a "
    "blocklist the receiving server uses." },
  { "450 4.2.0 <bob@example.org>: Recipient address rejected: Greylisted, "
    "see http://postgrey.example.org/help/example.org.html\r\n",
    "try-later", SMTP_SOURCE_TEXT, SMTP_PARTY_NOBODY, 1,
    "The receiving server delays mail from senders it has not seen before "
    "(greylisting); the sending server will try again by itself." },
  { "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown "
    "in virtual alias table\r\n",
    "recipient-unknown", SMTP_SOURCE_TEXT, SMTP_PARTY_SENDER, 0,
    "The recipient's address does not exist at the receiving mail "
    "provider." },
  { "550 5.1.1 USER UNKNOWN\r\n",
    "recipient-unknown", SMTP_SOURCE_TEXT, SMTP_PARTY_SENDER, 0,
    "The recipient's address does not exist at the receiving mail "
    "provider." },
  { "552 5.2.2 <bob@example.org>: Recipient address rejected: Mailbox "
    "full\r\n",
    "mailbox-full", SMTP_SOURCE_TEXT, SMTP_PARTY_RECIPIENT, 0,
    "The recipient's mailbox is full: it has used up its storage space." },
  { "554 5.7.1 <bob@example.org>: Relay access denied\r\n",
    "relay-denied", SMTP_SOURCE_TEXT, SMTP_PARTY_SENDER, 0,
    "The server does not pass mail on to other domains for this sender; "
    "that needs the sender's own provider's server and a login to it." },
  { "452 4.5.3 Error: too many recipients\r\n",
    "rate-limited", SMTP_SOURCE_TEXT, SMTP_PARTY_SENDER, 1,
    "The message went to more recipients than the server allows at once "
    "or in this period." },
  { "552 5.3.4 Message size exceeds fixed limit\r\n",
    "message-too-big", SMTP_SOURCE_TEXT, SMTP_PARTY_SENDER, 0,
    "The message is larger than the receiving server accepts." },
  { "550 5.7.23 The message was rejected because of Sender Policy "
    "Framework violation\r\n",
    "authentication-failed", SMTP_SOURCE_TEXT, SMTP_PARTY_SENDER_PROVIDER, 0,
    "The server that sent the message is not allowed to send mail for the "
    "sender's domain (SPF)." },
  { "550 5.7.1 Message refused: forbidden attachment type\r\n",
    "content-rejected", SMTP_SOURCE_TEXT, SMTP_PARTY_SENDER, 0,
    "The receiving server refused the content of the message." },
  { "556 5.1.10 Domain example.org does not accept mail (null MX)\r\n",
    "domain-unknown", SMTP_SOURCE_TEXT, SMTP_PARTY_SENDER, 0,
    "The recipient's domain or its mail server does not accept mail at "
    "all." },
  /* Words that name no party yield to a code that names the sender.  */
  { "550 5.1.8 No such domain: example.invalid\r\n",
    "sender-rejected", SMTP_SOURCE_CODES, SMTP_PARTY_SENDER, 0,
    "The sender's domain does not exist or cannot accept returned mail "
    "(bounces)." },
  /* Words only count whole: "dspam" and "tube" say nothing of spam or
     UBE, so the codes decide.  */
  { "554 5.7.1 Checked by dspam on a tube\r\n",
    "policy", SMTP_SOURCE_CODES, SMTP_PARTY_RECIPIENT, 0,
    "Delivery is not authorized; the message was refused." },
  /* Codes alone.  */
  { "503 5.5.1 Error: need RCPT command\r\n",
    "protocol", SMTP_SOURCE_CODES, SMTP_PARTY_SENDER_PROVIDER, 0,
    "The command is invalid or not supported here." },
  { "550 Requested action not taken: mailbox unavailable\r\n",
    "recipient-unknown", SMTP_SOURCE_CODES, SMTP_PARTY_SENDER, 0,
    "Mailbox unavailable: usually the e-mail address does not exist at the "
    "remote end." },
  { "451 4.3.0 Temporary lookup failure\r\n",
    "server-error", SMTP_SOURCE_CODES, SMTP_PARTY_RECIPIENT, 1,
    "This concerns the receiving mail system; no further details were "
    "given." },
  /* No failure: words are not looked at.  */
  { "250 2.1.5 Ok, not a user unknown\r\n",
    "none", SMTP_SOURCE_CODES, SMTP_PARTY_NOBODY, 0,
    "The recipient's address is valid." },
  { "354 End data with <CR><LF>.<CR><LF>\r\n",
    "none", SMTP_SOURCE_CODES, SMTP_PARTY_NOBODY, 0,
    "Start the message input and end it with a line holding only a "
    "period. The server is ready to accept the message itself." },
};

static void
check_examples (void)
{
  for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++)
    {
      const struct example *x = &examples[i];
      struct smtp_reply reply;
      int parsed = smtp_reply_parse (x->wire, strlen (x->wire), &reply);
      tap_is_int (parsed, SMTP_REPLY_OK, "example %zu parses", i);
      struct smtp_diagnosis d;
      memset (&d, 0x5a, sizeof d);
      smtp_reply_diagnose (x->wire, &reply, &d);
      tap_is_str (smtp_reason_name (d.reason), x->reason,
                  "example %zu: reason", i);
      tap_is_int (d.source, x->source, "example %zu: source", i);
      tap_is_int (d.fixer, x->fixer, "example %zu: who can fix it", i);
      tap_is_int (d.retry, x->retry, "example %zu: retry", i);
      tap_is_int (d.outcome, smtp_reply_outcome (&reply),
                  "example %zu: outcome", i);
      tap_is_str (smtp_diagnosis_explanation (&d), x->explanation,
                  "example %zu: explanation", i);
      tap_is_int (d.reserved[0] | d.reserved[1] | d.reserved[2]
                  | d.reserved[3], 0, "example %zu: reserved zeroed", i);
    }
}

static const char *const names[] =
{
  "unknown", "none", "recipient-unknown", "recipient-disabled",
  "mailbox-full", "domain-unknown", "sender-blocked", "spam",
  "content-rejected", "authentication-failed", "policy", "sender-rejected",
  "relay-denied", "login-failed", "message-too-big", "rate-limited",
  "try-later", "expired", "network", "server-error", "protocol",
};

static void
check_reasons (void)
{
  size_t count = sizeof names / sizeof names[0];
  for (size_t i = 0; i < count; i++)
    {
      enum smtp_reason reason = (enum smtp_reason) i;
      tap_is_str (smtp_reason_name (reason), names[i], "reason %zu's name",
                  i);
      enum smtp_reason back = SMTP_REASON_NONE;
      tap_ok (smtp_reason_from_name (names[i], &back) == 0 && back == reason,
              "%s is found by its name", names[i]);
      const char *description = smtp_reason_description (reason);
      const char *advice = smtp_reason_advice (reason);
      tap_ok (description[0] >= 'a' && description[0] <= 'z'
              && description[strlen (description) - 1] != '.',
              "%s's description is a phrase in lower case", names[i]);
      tap_ok (advice[0] >= 'A' && advice[0] <= 'Z'
              && advice[strlen (advice) - 1] == '.',
              "%s's advice is sentences", names[i]);
    }
  tap_is_str (smtp_reason_name ((enum smtp_reason) count), "unknown",
              "a value past the enum is unknown");
  tap_is_str (smtp_reason_name ((enum smtp_reason) -1), "unknown",
              "a negative value is unknown");
  enum smtp_reason kept = SMTP_REASON_SPAM;
  tap_is_int (smtp_reason_from_name ("Spam", &kept), -1,
              "names are compared exactly");
  tap_is_int (smtp_reason_from_name ("", &kept), -1, "the empty name");
  tap_is_int (kept, SMTP_REASON_SPAM, "a failed lookup leaves *REASON");
  tap_is_str (smtp_reason_description (SMTP_REASON_RECIPIENT_UNKNOWN),
              "the address does not exist", "recipient-unknown, described");
  tap_is_str (smtp_reason_advice (SMTP_REASON_MESSAGE_TOO_BIG),
              "Send smaller or fewer attachments, or share large files as a "
              "link.", "message-too-big, advice");
  tap_is_str (smtp_party_description (SMTP_PARTY_SENDER), "the sender",
              "the sender");
  tap_is_str (smtp_party_description (SMTP_PARTY_RECIPIENT),
              "the recipient or their mail provider", "the recipient");
  tap_is_str (smtp_party_description ((enum smtp_party) 9), "nobody",
              "a party past the enum");
}

/* Diagnoses WIRE into *D.  */
static void
diagnose (const char *wire, struct smtp_diagnosis *d)
{
  struct smtp_reply reply;
  if (smtp_reply_parse (wire, strlen (wire), &reply) != SMTP_REPLY_OK)
    tap_bail_out ("a sentence's reply does not parse");
  smtp_reply_diagnose (wire, &reply, d);
}

static void
check_sentences (void)
{
  struct smtp_diagnosis d;
  char buffer[512];
  diagnose ("550 5.1.1 <bob@example.org>... User unknown\r\n", &d);
  const char *wanted = "Sending to bob@example.org failed at the "
    "recipient's address (RCPT TO). The recipient's address does not "
    "exist at the receiving mail provider.";
  size_t length = smtp_diagnosis_sentence (buffer, sizeof buffer,
                                           SMTP_STEP_RCPT, "bob@example.org",
                                           &d);
  tap_is_str (buffer, wanted, "a recipient and a step");
  tap_is_int ((long) length, (long) strlen (wanted), "its length");
  tap_is_int ((long) smtp_diagnosis_sentence (NULL, 0, SMTP_STEP_RCPT,
                                              "bob@example.org", &d),
              (long) strlen (wanted), "the length without a buffer");
  char small[16];
  memset (small, 'x', sizeof small);
  length = smtp_diagnosis_sentence (small, sizeof small, SMTP_STEP_RCPT,
                                    "bob@example.org", &d);
  tap_is_str (small, "Sending to bob@", "cut to fit, with its NUL");
  tap_is_int ((long) length, (long) strlen (wanted),
              "a cut sentence's whole length");
  smtp_diagnosis_sentence (buffer, sizeof buffer, SMTP_STEP_UNKNOWN, NULL,
                           &d);
  tap_is_str (buffer, "Sending failed. The recipient's address does not "
              "exist at the receiving mail provider.", "no step, no one");
  smtp_diagnosis_sentence (buffer, sizeof buffer, SMTP_STEP_END_OF_DATA, "",
                           &d);
  tap_is_str (buffer, "Sending failed at the end of the message. The "
              "recipient's address does not exist at the receiving mail "
              "provider.", "an empty recipient is none");
  smtp_diagnosis_sentence (buffer, sizeof buffer, (enum smtp_step) 42,
                           "bob@example.org", &d);
  tap_is_str (buffer, "Sending to bob@example.org failed. The recipient's "
              "address does not exist at the receiving mail provider.",
              "a step past the enum is none");

  diagnose ("421 4.7.0 Try again later, closing connection.\r\n", &d);
  smtp_diagnosis_sentence (buffer, sizeof buffer, SMTP_STEP_CONNECT, NULL,
                           &d);
  tap_is_str (buffer, "Sending is delayed at the connection. The receiving "
              "server cannot take the message now and asks to try again "
              "later.", "a temporary failure");
  diagnose ("250 2.1.5 Ok\r\n", &d);
  smtp_diagnosis_sentence (buffer, sizeof buffer, SMTP_STEP_RCPT,
                           "bob@example.org", &d);
  tap_is_str (buffer, "Sending to bob@example.org got through the recipient's "
              "address (RCPT TO). The recipient's address is valid.",
              "no failure");
  struct smtp_diagnosis blank = { .reason = SMTP_REASON_UNKNOWN };
  tap_is_str (smtp_diagnosis_explanation (&blank), "Unknown SMTP status code.",
              "a diagnosis made by hand without a text");
}

int
main (void)
{
  /* English whatever the caller's environment says.  */
  setlocale (LC_ALL, "C");
  check_examples ();
  check_reasons ();
  check_sentences ();
  return tap_done ();
}

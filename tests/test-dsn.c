/* test-dsn.c: delivery status notifications (RFC 3464) as MTAs write
   them, read by smtp_dsn_parse, smtp_dsn_next_recipient and
   smtp_dsn_explain.  The reports are written for this test in the
   formats of Postfix, Exim, Sendmail, Exchange and Microsoft 365,
   Gmail, qmail with a DSN patch and Amazon SES; none is copied from a
   real bounce.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpstatus.h"
#include "tap.h"

#define UNKNOWN_TEXT \
  "The recipient's address does not exist at the receiving mail provider."

/* Postfix, bouncing a message Gmail refused: Gmail's reply of four
   lines joined into one and folded by Postfix at 4 spaces.  LF.  */
static const char postfix_gmail[] =
  "Reporting-MTA: dns; mail.example.net\n"
  "X-Postfix-Queue-ID: 4Fq2Jd6vXmz9sW1\n"
  "X-Postfix-Sender: rfc822; alice@example.net\n"
  "Arrival-Date: Wed, 25 Nov 2026 10:00:00 +0100 (CET)\n"
  "\n"
  "Final-Recipient: rfc822; bob.nosuch@gmail.com\n"
  "Original-Recipient: rfc822;bob.nosuch@gmail.com\n"
  "Action: failed\n"
  "Status: 5.1.1\n"
  "Remote-MTA: dns; gmail-smtp-in.l.google.com\n"
  "Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to "
  "reach does\n"
  "    not exist. Please try 550-5.1.1 double-checking the recipient's "
  "email\n"
  "    address for typos or 550-5.1.1 unnecessary spaces. For more "
  "information,\n"
  "    go to 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser\n"
  "    q7si1234567ejc.301 - gsmtp\n";

/* Postfix again, delayed by Gmail's rate limit: the words that say so
   ("receiving mail too quickly") match only once the joined reply is
   split back into its lines.  */
static const char postfix_rate[] =
  "Reporting-MTA: dns; mail.example.net\n"
  "X-Postfix-Queue-ID: 4Fq2Jd6vXmz9sW2\n"
  "\n"
  "Final-Recipient: rfc822; busy.bee@gmail.com\n"
  "Action: delayed\n"
  "Status: 4.2.1\n"
  "Remote-MTA: dns; gmail-smtp-in.l.google.com\n"
  "Diagnostic-Code: smtp; 450-4.2.1 The user you are trying to contact is "
  "receiving mail\n"
  "    450-4.2.1 too quickly. Please resend your message at a later time. "
  "If the\n"
  "    450-4.2.1 user is able to receive mail at that time, your message "
  "will be\n"
  "    450-4.2.1 delivered. For more information, go to 450 4.2.1\n"
  "    https://support.google.com/mail/answer/6592 z1si1 - gsmtp\n";

/* Postfix with three recipients: one a remote server refused, one it
   could not reach (delayed, X-Postfix), one local that loops.  Stray
   blank lines, a line of blanks between blocks, no final line end.  */
static const char postfix_three[] =
  "\n\n"
  "Reporting-MTA: dns; mail.example.net\n"
  "X-Postfix-Queue-ID: 7A1B2C3D4E\n"
  "Arrival-Date: Wed, 25 Nov 2026 10:00:00 +0100 (CET)\n"
  "\n"
  "Final-Recipient: rfc822; dave@example.org\n"
  "Action: failed\n"
  "Status: 5.2.2\n"
  "Remote-MTA: dns; mx.example.org\n"
  "Diagnostic-Code: X-Postfix; host mx.example.org[192.0.2.10] said: 552 "
  "5.2.2\n"
  "    <dave@example.org>: Recipient address rejected: Mailbox full (in "
  "reply to\n"
  "    RCPT TO command)\n"
  "\n"
  "\n"
  "Final-Recipient: rfc822; carol@example.com\n"
  "Action: delayed\n"
  "Status: 4.4.1\n"
  "Diagnostic-Code: X-Postfix; connect to mx.example.com[198.51.100.3]:25: "
  "Connection\n"
  "    timed out\n"
  "Will-Retry-Until: Wed, 2 Dec 2026 10:00:00 +0100 (CET)\n"
  "  \t \n"
  "Final-Recipient: rfc822; erin@example.net\n"
  "Action: failed\n"
  "Status: 5.4.6\n"
  "Diagnostic-Code: X-Postfix; mail for example.net loops back to myself";

/* Exim: Status is always 5.0.0, the reply says more.  CRLF.  */
static const char exim[] =
  "Reporting-MTA: dns; smtp.example.net\r\n"
  "\r\n"
  "Action: failed\r\n"
  "Final-Recipient: rfc822;frank@example.org\r\n"
  "Status: 5.0.0\r\n"
  "Remote-MTA: dns; mx1.example.org\r\n"
  "Diagnostic-Code: smtp; 550 5.1.1 <frank@example.org>: Recipient address "
  "rejected: User unknown in local recipient table\r\n";

/* Sendmail keeps only the first line of Gmail's reply; field names and
   types in capitals, and a second DSN with a delayed recipient.  */
static const char sendmail[] =
  "Reporting-MTA: dns; mail.example.net\n"
  "Received-From-MTA: DNS; localhost\n"
  "Arrival-Date: Wed, 25 Nov 2026 10:00:00 +0100\n"
  "\n"
  "Final-Recipient: RFC822; grace.nosuch@gmail.com\n"
  "Action: failed\n"
  "Status: 5.1.1\n"
  "Remote-MTA: DNS; gmail-smtp-in.l.google.com\n"
  "Diagnostic-Code: SMTP; 550-5.1.1 The email account that you tried to "
  "reach does not exist. Please try\n"
  "Last-Attempt-Date: Wed, 25 Nov 2026 10:00:02 +0100\n";

static const char sendmail_delayed[] =
  "Reporting-MTA: dns; mail.example.net\n"
  "Arrival-Date: Wed, 25 Nov 2026 10:00:00 +0100\n"
  "\n"
  "Final-Recipient: RFC822; <heidi@example.org>\n"
  "Action: delayed\n"
  "Status: 4.2.0\n"
  "Remote-MTA: DNS; mx.example.org\n"
  "Diagnostic-Code: SMTP; 450 4.2.0 <heidi@example.org>... Recipient "
  "address rejected: Greylisted, see http://postgrey.example.org/\n"
  "Last-Attempt-Date: Wed, 25 Nov 2026 10:30:00 +0100\n"
  "Will-Retry-Until: Sun, 29 Nov 2026 10:00:00 +0100\n";

/* Microsoft 365: no blanks after the types, an X- field, CRLF.  */
static const char office365[] =
  "Reporting-MTA: dns;AM9PR01MB1234.eurprd01.prod.exchangelabs.test\r\n"
  "Received-From-MTA: dns;AM9PR01MB5678.eurprd01.prod.exchangelabs.test\r\n"
  "Arrival-Date: Wed, 25 Nov 2026 09:00:00 +0000\r\n"
  "\r\n"
  "Final-Recipient: rfc822;ivan@contoso.test\r\n"
  "Action: failed\r\n"
  "Status: 5.1.10\r\n"
  "Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; "
  "Recipient ivan@contoso.test not found by SMTP address lookup\r\n"
  "X-Display-Name: Ivan\r\n"
  "\r\n"
  "Final-Recipient: rfc822;judy@fabrikam.test\r\n"
  "Action: failed\r\n"
  "Status: 5.7.606\r\n"
  "Diagnostic-Code: smtp;550 5.7.606 Access denied, banned sending IP "
  "[203.0.113.9]. To request removal from this list please visit "
  "https://sender.office.test\r\n";

/* Gmail reporting on a remote server's refusal, and a delay in its own
   words with no reply code.  */
static const char gmail[] =
  "Reporting-MTA: dns; googlemail.com\n"
  "Received-From-MTA: dns; alice@gmail.com\n"
  "Arrival-Date: Wed, 25 Nov 2026 01:02:03 -0800 (PST)\n"
  "X-Original-Message-ID: <CAF1=abc@mail.gmail.com>\n"
  "\n"
  "Final-Recipient: rfc822; mallory@example.org\n"
  "Action: failed\n"
  "Status: 5.2.2\n"
  "Remote-MTA: dns; mx.example.org. (192.0.2.25, the server for the domain "
  "example.org.)\n"
  "Diagnostic-Code: smtp; 552 5.2.2 <mallory@example.org>: Recipient "
  "address rejected: Mailbox full\n"
  "Last-Attempt-Date: Wed, 25 Nov 2026 01:02:04 -0800 (PST)\n"
  "\n"
  "Final-Recipient: rfc822; niaj@example.com\n"
  "Action: delayed\n"
  "Status: 4.4.1\n"
  "Diagnostic-Code: smtp; The recipient server did not accept our requests "
  "to connect.\n"
  " Learn more at https://support.google.com/mail/answer/7720 \n"
  " [mx.example.com. 198.51.100.7: timed out]\n"
  "Last-Attempt-Date: Wed, 25 Nov 2026 01:32:04 -0800 (PST)\n"
  "Will-Retry-Until: Thu, 26 Nov 2026 01:02:03 -0800 (PST)\n";

/* qmail with a DSN patch: lower-case names, qmail's own words with the
   code in "(#5.1.1)", and a comment after the Status.  */
static const char qmail[] =
  "reporting-mta: dns; qmail.example.net\n"
  "arrival-date: Wed, 25 Nov 2026 10:00:00 +0000\n"
  "\n"
  "final-recipient: rfc822; olivia@example.org\n"
  "action: FAILED\n"
  "status: 5.0.0 (permanent failure)\n"
  "diagnostic-code: smtp; 550 sorry, no mailbox here by that name. "
  "(#5.1.1)\n";

/* Amazon SES: the fields in its own order.  */
static const char ses[] =
  "Reporting-MTA: dns; a8-30.smtp-out.amazonses.com\n"
  "\n"
  "Action: failed\n"
  "Final-Recipient: rfc822; peggy@example.org\n"
  "Diagnostic-Code: smtp; 550 5.1.1 user unknown\n"
  "Status: 5.1.1\n";

/* AOL: no blank line between the recipients' blocks, nor after the
   per-message fields.  */
static const char run_together[] =
  "Reporting-MTA: dns; relay.example.net\r\n"
  "X-Queue-ID: 1A2B3C\r\n"
  "Final-Recipient: rfc822; quinn@example.org\r\n"
  "Original-Recipient: rfc822;quinn@example.org\r\n"
  "Action: failed\r\n"
  "Status: 5.2.2\r\n"
  "Diagnostic-Code: smtp; 552 5.2.2 <quinn@example.org>... Mailbox Full\r\n"
  "Final-Recipient: rfc822; rupert@example.org\r\n"
  "Original-Recipient: rfc822;rupert@example.org\r\n"
  "Action: failed\r\n"
  "Status: 5.1.1\r\n"
  "Diagnostic-Code: smtp; 550 5.1.1 <rupert@example.org>... User Unknown"
  "\r\n"
  "Original-Recipient: rfc822;sybil@example.org\r\n"
  "Final-Recipient: rfc822; sybil@example.org\r\n"
  "Action: delivered\r\n"
  "Status: 2.0.0\r\n";

/* What the tests expect of one recipient.  */
struct expect
{
  const char *address;
  enum smtp_bounce_action action;
  const char *status;           /* NULL for none */
  int code;
  const char *reason;
  int retry;
  const char *english;
};

/* What the tests expect of one report.  */
struct report
{
  const char *name;
  const char *text;
  const char *reporting_mta;
  size_t count;
  struct expect recipients[3];
};

static const struct report reports[] =
{
  { "Postfix, Gmail's reply joined", postfix_gmail, "dns; mail.example.net",
    1, { { "bob.nosuch@gmail.com", SMTP_ACTION_FAILED, "5.1.1", 550,
           "recipient-unknown", 0, UNKNOWN_TEXT } } },
  { "Postfix, Gmail's rate limit joined", postfix_rate,
    "dns; mail.example.net", 1,
    { { "busy.bee@gmail.com", SMTP_ACTION_DELAYED, "4.2.1", 450,
        "rate-limited", 1,
        "The recipient is getting mail faster than their provider allows, "
        "so new messages are held back." } } },
  { "Postfix, three recipients", postfix_three, "dns; mail.example.net", 3,
    { { "dave@example.org", SMTP_ACTION_FAILED, "5.2.2", 552,
        "mailbox-full", 0,
        "The recipient's mailbox is full: it has used up its storage "
        "space." },
      { "carol@example.com", SMTP_ACTION_DELAYED, "4.4.1", 0, "network", 1,
        "The receiving server could not be reached, or the connection to "
        "it broke down." },
      { "erin@example.net", SMTP_ACTION_FAILED, "5.4.6", 0, "network", 0,
        "The message was caught in a routing loop." } } },
  { "Exim, Status 5.0.0", exim, "dns; smtp.example.net", 1,
    { { "frank@example.org", SMTP_ACTION_FAILED, "5.1.1", 550,
        "recipient-unknown", 0, UNKNOWN_TEXT } } },
  { "Sendmail, the first line only", sendmail, "dns; mail.example.net", 1,
    { { "grace.nosuch@gmail.com", SMTP_ACTION_FAILED, "5.1.1", 550,
        "recipient-unknown", 0, UNKNOWN_TEXT } } },
  { "Sendmail, delayed", sendmail_delayed, "dns; mail.example.net", 1,
    { { "heidi@example.org", SMTP_ACTION_DELAYED, "4.2.0", 450,
        "try-later", 1,
        "The receiving server delays mail from senders it has not seen "
        "before (greylisting); the sending server will try again by "
        "itself." } } },
  { "Microsoft 365", office365,
    "dns;AM9PR01MB1234.eurprd01.prod.exchangelabs.test", 2,
    { { "ivan@contoso.test", SMTP_ACTION_FAILED, "5.1.10", 550,
        "recipient-unknown", 0, UNKNOWN_TEXT },
      { "judy@fabrikam.test", SMTP_ACTION_FAILED, "5.7.606", 550,
        "sender-blocked", 0,
        "The receiving provider does not accept mail from the IP address "
        "of the server that sent the message." } } },
  { "Gmail", gmail, "dns; googlemail.com", 2,
    { { "mallory@example.org", SMTP_ACTION_FAILED, "5.2.2", 552,
        "mailbox-full", 0,
        "The recipient's mailbox is full: it has used up its storage "
        "space." },
      { "niaj@example.com", SMTP_ACTION_DELAYED, "4.4.1", 0, "network", 1,
        "The receiving server did not answer." } } },
  { "qmail", qmail, "dns; qmail.example.net", 1,
    { { "olivia@example.org", SMTP_ACTION_FAILED, "5.1.1", 550,
        "recipient-unknown", 0, UNKNOWN_TEXT } } },
  { "blocks with no blank line between", run_together,
    "dns; relay.example.net", 3,
    { { "quinn@example.org", SMTP_ACTION_FAILED, "5.2.2", 552,
        "mailbox-full", 0,
        "The recipient's mailbox is full: it has used up its storage "
        "space." },
      { "rupert@example.org", SMTP_ACTION_FAILED, "5.1.1", 550,
        "recipient-unknown", 0, UNKNOWN_TEXT },
      { "sybil@example.org", SMTP_ACTION_DELIVERED, "2.0.0", 0, "none", 0,
        "The requested action was taken and completed." } } },
  { "Amazon SES", ses, "dns; a8-30.smtp-out.amazonses.com", 1,
    { { "peggy@example.org", SMTP_ACTION_FAILED, "5.1.1", 550,
        "recipient-unknown", 0, UNKNOWN_TEXT } } },
};

static void
status_string (const struct smtp_bounce_recipient *r, char *s, size_t size)
{
  if (!r->has_status)
    snprintf (s, size, "none");
  else
    snprintf (s, size, "%d.%d.%d", r->status.status_class,
              r->status.subject, r->status.detail);
}

static bool
reserved_zero (const struct smtp_bounce_recipient *r)
{
  return (r->reserved[0] | r->reserved[1] | r->reserved[2] | r->reserved[3]
          | r->diagnosis.reserved[0] | r->diagnosis.reserved[1]
          | r->diagnosis.reserved[2] | r->diagnosis.reserved[3]) == 0;
}

static void
check_recipient (const char *what, const struct smtp_bounce_recipient *r,
                 const struct expect *x)
{
  char status[40];
  status_string (r, status, sizeof status);
  tap_is_str (r->address, x->address, "%s: address", what);
  tap_is_str (smtp_bounce_action_name (r->action),
              smtp_bounce_action_name (x->action), "%s: action", what);
  tap_is_str (status, x->status != NULL ? x->status : "none",
              "%s: status", what);
  tap_is_int (r->code, x->code, "%s: reply code", what);
  tap_is_str (smtp_reason_name (r->diagnosis.reason), x->reason,
              "%s: reason", what);
  tap_is_int (r->diagnosis.retry, x->retry, "%s: retry", what);
  tap_is_str (smtp_diagnosis_explanation (&r->diagnosis), x->english,
              "%s: explanation", what);
  tap_ok (reserved_zero (r), "%s: reserved zeroed", what);
}

static void
check_reports (void)
{
  for (size_t i = 0; i < sizeof reports / sizeof reports[0]; i++)
    {
      const struct report *t = &reports[i];
      size_t size = strlen (t->text), cursor = 99;
      struct smtp_dsn_message m;
      memset (&m, 0x5a, sizeof m);
      tap_is_int (smtp_dsn_parse (t->text, size, &m, &cursor), 0,
                  "%s: parses", t->name);
      tap_ok (m.reporting_mta.offset + m.reporting_mta.length <= size
              && strlen (t->reporting_mta) == m.reporting_mta.length
              && memcmp (t->text + m.reporting_mta.offset, t->reporting_mta,
                         m.reporting_mta.length) == 0,
              "%s: Reporting-MTA", t->name);
      tap_ok ((m.reserved[0] | m.reserved[1] | m.reserved[2]
               | m.reserved[3]) == 0, "%s: reserved zeroed", t->name);
      size_t n = 0;
      struct smtp_dsn_recipient r;
      while (smtp_dsn_next_recipient (t->text, size, &cursor, &r))
        {
          if (n < t->count)
            {
              struct smtp_bounce_recipient out;
              memset (&out, 0x5a, sizeof out);
              smtp_dsn_explain (t->text, &r, &out);
              char what[100];
              snprintf (what, sizeof what, "%s, recipient %zu", t->name, n);
              check_recipient (what, &out, &t->recipients[n]);
            }
          n++;
        }
      tap_is_int ((long) n, (long) t->count, "%s: recipients", t->name);
      tap_is_int ((long) cursor, (long) size, "%s: the cursor at the end",
                  t->name);
      tap_is_int (smtp_dsn_next_recipient (t->text, size, &cursor, &r), 0,
                  "%s: and it stays there", t->name);
    }
}

/* The value of a span as a string, for the tests.  */
static const char *
value (const char *buffer, struct smtp_span span)
{
  static char s[512];
  size_t n = span.length < sizeof s - 1 ? span.length : sizeof s - 1;
  memcpy (s, buffer + span.offset, n);
  s[n] = '\0';
  return s;
}

/* The fields of the blocks: per-message, per-recipient, folded, in any
   case, the first of two, missing.  */
static void
check_fields (void)
{
  static const char dsn[] =
    "reporting-MTA  :   dns; mx.example.net  \r\n"
    "DSN-Gateway: dns; gw.example.net\r\n"
    "Received-From-MTA: dns; client.example.net\r\n"
    "Original-Envelope-Id: 0123abcd\r\n"
    "ARRIVAL-DATE: Wed,\r\n"
    "\t25 Nov 2026 10:00:00 +0000\r\n"
    "Reporting-MTA: dns; second.example.net\r\n"
    "\r\n"
    "Final-Recipient:\r\n"
    "  rfc822;\r\n"
    "  <quinn@example.org>\r\n"
    "Original-Recipient: rfc822; q@example.org\r\n"
    "Action: relayed (to a non-DSN-aware mailer)\r\n"
    "Status: 2.0.0\r\n"
    "Remote-MTA: dns; next.example.org\r\n"
    "Diagnostic-Code: smtp; 250 2.0.0 Ok: queued as 4Fq\r\n"
    "Last-Attempt-Date: Wed, 25 Nov 2026 10:00:01 +0000\r\n"
    "X-Unknown: whatever\r\n"
    " continued\r\n"
    "Will-Retry-Until: Thu, 26 Nov 2026 10:00:00 +0000\r\n";
  size_t size = sizeof dsn - 1, cursor;
  struct smtp_dsn_message m;
  tap_is_int (smtp_dsn_parse (dsn, size, &m, &cursor), 0, "fields: parse");
  tap_is_str (value (dsn, m.reporting_mta), "dns; mx.example.net",
              "fields: the first Reporting-MTA, trimmed, any case");
  tap_is_str (value (dsn, m.dsn_gateway), "dns; gw.example.net",
              "fields: DSN-Gateway");
  tap_is_str (value (dsn, m.received_from_mta), "dns; client.example.net",
              "fields: Received-From-MTA");
  tap_is_str (value (dsn, m.original_envelope_id), "0123abcd",
              "fields: Original-Envelope-Id");
  tap_is_str (value (dsn, m.arrival_date),
              "Wed,\r\n\t25 Nov 2026 10:00:00 +0000",
              "fields: Arrival-Date folded, raw");
  struct smtp_dsn_recipient r;
  tap_is_int (smtp_dsn_next_recipient (dsn, size, &cursor, &r), 1,
              "fields: a recipient");
  tap_is_str (value (dsn, r.final_recipient),
              "rfc822;\r\n  <quinn@example.org>",
              "fields: Final-Recipient starting on a continuation line");
  tap_is_str (value (dsn, r.original_recipient), "rfc822; q@example.org",
              "fields: Original-Recipient");
  tap_is_str (value (dsn, r.action), "relayed (to a non-DSN-aware mailer)",
              "fields: Action");
  tap_is_str (value (dsn, r.status), "2.0.0", "fields: Status");
  tap_is_str (value (dsn, r.remote_mta), "dns; next.example.org",
              "fields: Remote-MTA");
  tap_is_str (value (dsn, r.diagnostic_code),
              "smtp; 250 2.0.0 Ok: queued as 4Fq", "fields: Diagnostic-Code");
  tap_is_str (value (dsn, r.last_attempt_date),
              "Wed, 25 Nov 2026 10:00:01 +0000", "fields: Last-Attempt-Date");
  tap_is_str (value (dsn, r.will_retry_until),
              "Thu, 26 Nov 2026 10:00:00 +0000",
              "fields: Will-Retry-Until after an unknown folded field");
  tap_ok ((r.reserved[0] | r.reserved[1] | r.reserved[2] | r.reserved[3])
          == 0, "fields: reserved zeroed");
  struct smtp_bounce_recipient out;
  smtp_dsn_explain (dsn, &r, &out);
  tap_is_str (out.address, "quinn@example.org",
              "fields: the folded address unfolded");
  tap_is_int (out.action, SMTP_ACTION_RELAYED,
              "fields: the Action's first word");
  tap_is_int (out.code, 250, "fields: relayed, code 250");
  tap_is_str (smtp_reason_name (out.diagnosis.reason), "none",
              "fields: relayed, no failure");
  tap_is_int (out.diagnosis.outcome, SMTP_OUTCOME_SUCCESS,
              "fields: relayed, a success");
  tap_is_int (smtp_dsn_next_recipient (dsn, size, &cursor, &r), 0,
              "fields: one recipient only");
}

/* Explains the only recipient of DSN into *OUT; returns what
   smtp_dsn_parse returned.  */
static int
explain_one (const char *dsn, struct smtp_bounce_recipient *out)
{
  size_t size = strlen (dsn), cursor;
  struct smtp_dsn_message m;
  struct smtp_dsn_recipient r;
  memset (out, 0x5a, sizeof *out);
  if (smtp_dsn_parse (dsn, size, &m, &cursor) != 0)
    return -1;
  if (smtp_dsn_next_recipient (dsn, size, &cursor, &r) != 1)
    return -2;
  smtp_dsn_explain (dsn, &r, out);
  return 0;
}

static const struct
{
  const char *name;
  const char *dsn;
  struct expect x;
} singles[] =
{
  { "no Diagnostic-Code",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; rupert@example.org\nAction: failed\n"
    "Status: 5.1.1\n",
    { "rupert@example.org", SMTP_ACTION_FAILED, "5.1.1", 0,
      "recipient-unknown", 0,
      "The recipient's mailbox does not exist." } },
  { "neither Diagnostic-Code nor Status",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; rupert@example.org\nAction: failed\n",
    { "rupert@example.org", SMTP_ACTION_FAILED, NULL, 0,
      "unknown", 0, "Unknown permanent failure." } },
  { "delayed, nothing else",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; sybil@example.org\nAction: delayed\n",
    { "sybil@example.org", SMTP_ACTION_DELAYED, NULL, 0, "try-later", 1,
      "Unknown temporary failure." } },
  { "a non-SMTP diagnostic, its words",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; trent@example.net\nAction: failed\n"
    "Status: 5.2.2\n"
    "Diagnostic-Code: X-Unix; can't create user output file: disk quota "
    "exceeded\n",
    { "trent@example.net", SMTP_ACTION_FAILED, "5.2.2", 0, "mailbox-full",
      0,
      "The recipient's mailbox is full: it has used up its storage "
      "space." } },
  { "a local delivery program's exit status",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; uma@example.net\nAction: failed\n"
    "Status: 5.0.0\n"
    "Diagnostic-Code: X-Unix; 255\n",
    { "uma@example.net", SMTP_ACTION_FAILED, "5.0.0", 0, "server-error", 0,
      "The receiving server had an internal error." } },
  { "a local delivery program's temporary failure, made final",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; uma@example.net\nAction: failed\n"
    "Status: 4.3.0\n"
    "Diagnostic-Code: x-unix; temporary failure\n",
    { "uma@example.net", SMTP_ACTION_FAILED, "4.3.0", 0, "server-error", 0,
      "The receiving server had an internal error." } },
  { "a local delivery program that does not know the user",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; uma@example.net\nAction: failed\n"
    "Status: 5.0.0\n"
    "Diagnostic-Code: x-unix; procmail: Couldn't create \"/var/mail/uma\"\n"
    "    id: mx.example.net: No such user\n",
    { "uma@example.net", SMTP_ACTION_FAILED, "5.0.0", 0, "server-error", 0,
      "The receiving server had an internal error." } },
  { "a greeting taken back: the failure's code",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; xena@example.org\nAction: failed\n"
    "Status: 5.0.0\n"
    "Diagnostic-Code: smtp; 220-mx.example.org 554 5.7.1 Client host\n"
    "    [192.0.2.9] blocked using zen.spamhaus.example\n",
    { "xena@example.org", SMTP_ACTION_FAILED, "5.7.1", 554, "sender-blocked",
      0, "The IP address of the server that sent the message is on a "
      "blocklist the receiving server uses." } },
  { "a From: header the server refuses",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; yves@example.org\nAction: failed\n"
    "Status: 5.0.0\n"
    "Diagnostic-Code: smtp; 550 5.2.0 <alice@example.com> From: Domain is\n"
    "    invalid. Please provide a valid From:\n",
    { "yves@example.org", SMTP_ACTION_FAILED, "5.2.0", 550, "sender-rejected",
      0, "The receiving server refused the sender's address." } },
  { "a transient status made final: expired",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; vera@example.org\nAction: failed\n"
    "Status: 4.4.1\n"
    "Diagnostic-Code: X-Postfix; connect to mx.example.org[192.0.2.7]:25: "
    "Connection timed out\n",
    { "vera@example.org", SMTP_ACTION_FAILED, "4.4.1", 0, "expired", 0,
      "The receiving server could not be reached, or the connection to it "
      "broke down." } },
  { "the same delayed: network",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; vera@example.org\nAction: delayed\n"
    "Status: 4.4.1\n"
    "Diagnostic-Code: X-Postfix; connect to mx.example.org[192.0.2.7]:25: "
    "Connection timed out\n",
    { "vera@example.org", SMTP_ACTION_DELAYED, "4.4.1", 0, "network", 1,
      "The receiving server could not be reached, or the connection to it "
      "broke down." } },
  { "Action: expired, which RFC 3464 lacks",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; walt@example.org\nAction: expired\n"
    "Diagnostic-Code: smtp; Connection timed out\n",
    { "walt@example.org", SMTP_ACTION_FAILED, NULL, 0, "expired", 0,
      "The receiving server could not be reached, or the connection to it "
      "broke down." } },
  { "Status 5.0.0 and a reply with no enhanced code",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; victor@example.org\nAction: failed\n"
    "Status: 5.0.0\n"
    "Diagnostic-Code: smtp; 550 Requested action not taken: mailbox "
    "unavailable\n",
    { "victor@example.org", SMTP_ACTION_FAILED, "5.0.0", 550,
      "recipient-unknown", 0,
      "Mailbox unavailable: usually the e-mail address does not exist at "
      "the remote end." } },
  { "the reply quoted after \"said:\", no type",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; walter@example.org\nAction: failed\n"
    "Diagnostic-Code: host mx.example.org[192.0.2.1] said: 554 5.7.1 "
    "<walter@example.org>: Relay access denied\n",
    { "walter@example.org", SMTP_ACTION_FAILED, "5.7.1", 554,
      "relay-denied", 0,
      "The server does not pass mail on to other domains for this sender; "
      "that needs the sender's own provider's server and a login to it." } },
  { "a reply with no type, quoted as Exchange does",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; uma@example.org\nAction: failed\n"
    "Status: 5.0.0\n"
    "Diagnostic-Code: Remote Server returned '550 5.1.1 "
    "RESOLVER.ADR.RecipNotFound; not found'\n",
    { "uma@example.org", SMTP_ACTION_FAILED, "5.1.1", 550,
      "recipient-unknown", 0, UNKNOWN_TEXT } },
  { "words that start with an enhanced code and a semicolon",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; uma@example.org\nAction: failed\n"
    "Status: 5.0.0\n"
    "Diagnostic-Code: 5.2.2; over quota\n",
    { "uma@example.org", SMTP_ACTION_FAILED, "5.2.2", 0,
      "mailbox-full", 0,
      "The recipient's mailbox is full: it has used up its storage "
      "space." } },
  { "delayed with a 5xx reply: the action decides",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; xena@example.org\nAction: delayed\n"
    "Status: 4.0.0\n"
    "Diagnostic-Code: smtp; 550 5.1.1 User unknown\n",
    { "xena@example.org", SMTP_ACTION_DELAYED, "4.1.1", 550,
      "recipient-unknown", 1, UNKNOWN_TEXT } },
  { "failed with a 2xx reply: the action decides",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; yves@example.org\nAction: failed\n"
    "Diagnostic-Code: smtp; 250 2.0.0 Ok\n",
    { "yves@example.org", SMTP_ACTION_FAILED, "2.0.0", 250, "unknown", 0,
      "Unknown permanent failure." } },
  { "only Original-Recipient, leniently",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Original-Recipient: rfc822; zoe@example.org\nAction: failed\n"
    "Status: 5.1.1\n",
    { "zoe@example.org", SMTP_ACTION_FAILED, "5.1.1", 0,
      "recipient-unknown", 0,
      "The recipient's mailbox does not exist." } },
  { "no blank line after the per-message fields",
    "Reporting-MTA: dns; mx.example.net\n"
    "Final-Recipient: rfc822; amy@example.org\nAction: failed\n"
    "Status: 5.1.1\n",
    { "amy@example.org", SMTP_ACTION_FAILED, "5.1.1", 0,
      "recipient-unknown", 0,
      "The recipient's mailbox does not exist." } },
  { "an address with no type, an Action in capitals",
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: ben@example.org\nAction: DELIVERED\n"
    "Status: 2.0.0\n",
    { "ben@example.org", SMTP_ACTION_DELIVERED, "2.0.0", 0, "none", 0,
      "The requested action was taken and completed." } },
};

static void
check_singles (void)
{
  for (size_t i = 0; i < sizeof singles / sizeof singles[0]; i++)
    {
      struct smtp_bounce_recipient out;
      tap_is_int (explain_one (singles[i].dsn, &out), 0, "%s: parses",
                  singles[i].name);
      check_recipient (singles[i].name, &out, &singles[i].x);
    }
}

/* What is no DSN with a recipient.  */
static void
check_refused (void)
{
  static const struct
  {
    const char *name, *text;
  } refused[] =
  {
    { "empty input", "" },
    { "blank lines only", "\r\n\n  \n" },
    { "per-message fields only", "Reporting-MTA: dns; mx.example.net\n" },
    { "no Final-Recipient",
      "Reporting-MTA: dns; mx.example.net\n\n"
      "Action: failed\nStatus: 5.1.1\n"
      "Diagnostic-Code: smtp; 550 5.1.1 User unknown\n" },
    { "Final-Recipient only as a continuation",
      "Reporting-MTA: dns; mx.example.net\n\n"
      " Final-Recipient: rfc822; bob@example.org\nAction: failed\n" },
    { "Final-Recipient with no colon",
      "Reporting-MTA: dns; mx.example.net\n\n"
      "Final-Recipient rfc822; bob@example.org\nAction: failed\n" },
  };
  for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
    {
      struct smtp_dsn_message m;
      memset (&m, 0x5a, sizeof m);
      size_t cursor = 12345;
      tap_is_int (smtp_dsn_parse (refused[i].text, strlen (refused[i].text),
                                  &m, &cursor), -1, "%s: -1", refused[i].name);
      struct smtp_dsn_message untouched;
      memset (&untouched, 0x5a, sizeof untouched);
      tap_ok (cursor == 12345 && memcmp (&m, &untouched, sizeof m) == 0,
              "%s: nothing stored", refused[i].name);
    }
  struct smtp_dsn_message m;
  size_t cursor = 0;
  tap_is_int (smtp_dsn_parse (NULL, 0, &m, &cursor), -1,
              "NULL and size 0: -1");
  struct smtp_dsn_recipient r;
  tap_is_int (smtp_dsn_next_recipient (NULL, 0, &cursor, &r), 0,
              "NULL and size 0: no recipient");
  cursor = 1000;
  tap_is_int (smtp_dsn_next_recipient (ses, strlen (ses), &cursor, &r), 0,
              "a cursor past the end: no recipient");
}

/* smtpstatus_bounce_fill's copy of the address: the type, blanks and
   brackets go; a long one is cut at 255 bytes, never inside a UTF-8
   sequence.  */
static void
check_addresses (void)
{
  char dsn[1024];
  struct smtp_bounce_recipient out;
  for (int extra = 0; extra < 4; extra++)
    {
      /* "rfc822; <", 250 - EXTRA + 2 letters, then U+20AC (3 bytes),
         so that the euro sign straddles byte 255 at some EXTRA.  */
      char address[400];
      size_t n = 0;
      for (int i = 0; i < 252 + extra; i++)
        address[n++] = 'a';
      memcpy (address + n, "\xe2\x82\xac@example.org", 15);
      n += 15;
      address[n] = '\0';
      snprintf (dsn, sizeof dsn,
                "Reporting-MTA: dns; mx.example.net\n\n"
                "Final-Recipient: rfc822; <%s>\nAction: failed\n", address);
      explain_one (dsn, &out);
      /* 255 where the euro sign ends by byte 255 or starts after it,
         else the letters alone.  */
      size_t letters = 252 + (size_t) extra;
      size_t want = letters + 3 <= 255 || letters >= 255 ? 255 : letters;
      tap_is_int ((long) strlen (out.address), (long) want,
                  "a long address, %d: cut at %zu bytes", extra, want);
      tap_ok (memcmp (out.address, address, want) == 0,
              "a long address, %d: its start", extra);
    }
  static const struct
  {
    const char *field, *address;
  } forms[] =
  {
    { "rfc822;bob@example.org", "bob@example.org" },
    { "RFC822 ; <bob@example.org> ", "bob@example.org" },
    { "<bob@example.org>", "bob@example.org" },
    { "x-unknown; Bob <bob@example.org>", "bob@example.org" },
    { "rfc822; bob\n @example.org", "bob@example.org" },
    { "rfc822;", "" },
    { "utf-8; j\xc3\xb6rg@b\xc3\xbc" "cher.example", "j\xc3\xb6rg@b\xc3\xbc"
      "cher.example" },
    /* A source route is left off (RFC 5321 section 4.1.2); a file, a
       program and a domain alone are no mailbox, but what the report
       says where it names nothing better.  */
    { "rfc822; @relay.example.net,@mx.example.org:bob@example.org",
      "bob@example.org" },
    { "rfc822;@relay.example.net:bob@mx.example.org", "bob@mx.example.org" },
    { "rfc822; @example.org", "@example.org" },
    { "rfc822; /var/mail/bob", "/var/mail/bob" },
  };
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
    {
      snprintf (dsn, sizeof dsn,
                "Reporting-MTA: dns; mx.example.net\n\n"
                "Final-Recipient: %s\nAction: failed\n", forms[i].field);
      tap_is_int (explain_one (dsn, &out), 0, "address form %zu parses", i);
      tap_is_str (out.address, forms[i].address, "address form %zu", i);
    }

  /* Where the Final-Recipient is no mailbox the sender knows, the
     Original-Recipient is, if it is a mailbox.  */
  static const struct
  {
    const char *final, *original, *address;
  } pairs[] =
  {
    { "rfc822; @relay.example.net:bob@mx.example.org",
      "rfc822; bob@example.org", "bob@example.org" },
    { "rfc822; /var/mail/bob", "rfc822;bob@example.org", "bob@example.org" },
    { "rfc822; @example.org", "rfc822; <bob@example.org>", "bob@example.org" },
    { "rfc822; @relay.example.net:bob@mx.example.org", "rfc822; bob",
      "bob@mx.example.org" },
    { "rfc822; carol@example.org", "rfc822; bob@example.org",
      "carol@example.org" },
  };
  for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
    {
      snprintf (dsn, sizeof dsn,
                "Reporting-MTA: dns; mx.example.net\n\n"
                "Final-Recipient: %s\nOriginal-Recipient: %s\n"
                "Action: failed\n", pairs[i].final, pairs[i].original);
      tap_is_int (explain_one (dsn, &out), 0, "address pair %zu parses", i);
      tap_is_str (out.address, pairs[i].address, "address pair %zu", i);
    }
}

/* Checks what every explanation must keep, whatever the input.  */
static bool
sane (const char *buffer, size_t size, const struct smtp_dsn_recipient *r,
      const struct smtp_bounce_recipient *out)
{
  const struct smtp_span *spans[] =
  {
    &r->final_recipient, &r->original_recipient, &r->action, &r->status,
    &r->remote_mta, &r->diagnostic_code, &r->last_attempt_date,
    &r->will_retry_until,
  };
  for (size_t i = 0; i < sizeof spans / sizeof spans[0]; i++)
    if (spans[i]->offset > size || spans[i]->length > size - spans[i]->offset)
      return false;
  (void) buffer;
  return memchr (out->address, '\0', sizeof out->address) != NULL
         && out->diagnosis.reason <= SMTP_REASON_PROTOCOL
         && out->action <= SMTP_ACTION_EXPANDED
         && (!out->has_status || out->status.status_class == 2
             || out->status.status_class == 4
             || out->status.status_class == 5)
         && (out->code == 0 || (out->code >= 200 && out->code <= 599))
         && out->diagnosis.retry
            == (out->diagnosis.outcome == SMTP_OUTCOME_TRANSIENT)
         && out->diagnosis.english != NULL && reserved_zero (out);
}

/* Every prefix of every report, in a buffer of exactly its size (so
   that a sanitizer or valgrind sees a read past it): parsed, walked and
   explained, each recipient sane.  */
static void
check_prefixes (void)
{
  const char *texts[sizeof reports / sizeof reports[0] + 2];
  size_t count = 0;
  for (size_t i = 0; i < sizeof reports / sizeof reports[0]; i++)
    texts[count++] = reports[i].text;
  texts[count++] = singles[5].dsn;
  texts[count++] = singles[9].dsn;
  for (size_t t = 0; t < count; t++)
    {
      size_t size = strlen (texts[t]), bad = 0, parsed = 0;
      for (size_t cut = 0; cut <= size; cut++)
        {
          char *copy = malloc (cut > 0 ? cut : 1);
          if (copy == NULL)
            tap_bail_out ("out of memory");
          memcpy (copy, texts[t], cut);
          struct smtp_dsn_message m;
          size_t cursor;
          if (smtp_dsn_parse (copy, cut, &m, &cursor) == 0)
            {
              parsed++;
              struct smtp_dsn_recipient r;
              size_t last = cursor;
              while (smtp_dsn_next_recipient (copy, cut, &cursor, &r))
                {
                  struct smtp_bounce_recipient out;
                  memset (&out, 0x5a, sizeof out);
                  smtp_dsn_explain (copy, &r, &out);
                  if (!sane (copy, cut, &r, &out) || cursor <= last
                      || cursor > cut)
                    bad++;
                  last = cursor;
                }
            }
          free (copy);
        }
      tap_is_int ((long) bad, 0, "report %zu: each of its %zu prefixes "
                  "(%zu with a recipient) explained sanely", t, size + 1,
                  parsed);
    }
}

static void
check_action_names (void)
{
  static const char *const names[] =
  {
    "unknown", "failed", "delayed", "delivered", "relayed", "expanded",
  };
  for (int a = 0; a <= SMTP_ACTION_EXPANDED; a++)
    tap_is_str (smtp_bounce_action_name ((enum smtp_bounce_action) a),
                names[a], "the name of action %d", a);
  tap_is_str (smtp_bounce_action_name ((enum smtp_bounce_action) 99),
              "unknown", "a value outside the enum");
  tap_is_str (smtp_bounce_action_name ((enum smtp_bounce_action) -1),
              "unknown", "a negative value");
}

int
main (void)
{
  /* English whatever the caller's environment says.  */
  setlocale (LC_ALL, "C");
  check_reports ();
  check_fields ();
  check_singles ();
  check_refused ();
  check_addresses ();
  check_prefixes ();
  check_action_names ();
  return tap_done ();
}

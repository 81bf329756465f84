/* test-bounce-text.c: smtp_bounce_text_next on the texts of bounces that
   carry no RFC 3464 report, in the layouts Postfix, Exim, qmail,
   Sendmail, Exchange, Office 365, Gmail and others write.  Every text is
   written for this test after the MTA's documented or built-in layout;
   none is copied from a corpus.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpstatus.h"
#include "count-malloc.h"
#include "tap.h"

struct expected
{
  const char *address;
  int code;                     /* 0: none */
  const char *status;           /* "": none */
  const char *reason;
  enum smtp_bounce_action action;
};

#define FAILED SMTP_ACTION_FAILED
#define DELAYED SMTP_ACTION_DELAYED

struct example
{
  const char *name;
  const char *text;
  struct expected r[5];         /* up to the first with a NULL address */
};

static const struct example examples[] =
{
  { "Postfix",
    "This is the mail system at host mail.example.net.\n"
    "\n"
    "I'm sorry to have to inform you that your message could not\n"
    "be delivered to one or more recipients. It's attached below.\n"
    "\n"
    "For further assistance, please send mail to postmaster.\n"
    "\n"
    "If you do so, please include this problem report. You can\n"
    "delete your own text from the attached returned message.\n"
    "\n"
    "                   The mail system\n"
    "\n"
    "<bob@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1\n"
    "    <bob@example.org>: Recipient address rejected: User unknown in "
    "virtual\n"
    "    mailbox table (in reply to RCPT TO command)\n"
    "\n"
    "<carol@example.com> (expanded from <team@example.net>): host\n"
    "    mx1.example.com[198.51.100.7] said: 552-5.2.2 The mailbox is over\n"
    "    quota. 552 5.2.2 Please try again later. (in reply to RCPT TO "
    "command)\n"
    "\n"
    "<dave@example.net>: unknown user: \"dave\"\n"
    "\n"
    "<erin@nowhere.example>: Host or domain name not found. Name service "
    "error\n"
    "    for name=nowhere.example type=A: Host not found\n",
    { { "bob@example.org", 550, "5.1.1", "recipient-unknown", FAILED },
      { "carol@example.com", 552, "5.2.2", "mailbox-full", FAILED },
      { "dave@example.net", 0, "", "recipient-unknown", FAILED },
      { "erin@nowhere.example", 0, "", "domain-unknown", FAILED } } },

  { "Exim",
    "This message was created automatically by mail delivery software.\n"
    "\n"
    "A message that you sent could not be delivered to one or more of its\n"
    "recipients. This is a permanent error. The following address(es) "
    "failed:\n"
    "\n"
    "  bob@example.org\n"
    "    host mx.example.org [192.0.2.1]\n"
    "    SMTP error from remote mail server after RCPT TO:<bob@example.org>:\n"
    "    550 5.1.1 <bob@example.org>: Recipient address rejected: User "
    "unknown\n"
    "  alice@example.com\n"
    "    Unrouteable address\n"
    "  carol@example.net\n"
    "    retry timeout exceeded\n"
    "  dave@nomx.example\n"
    "    all relevant MX records point to non-existent hosts\n"
    "\n"
    "------ This is a copy of the message, including all the headers. "
    "------\n"
    "\n"
    "Return-path: <sender@example.net>\n"
    "To: bob@example.org, erin@example.org\n"
    "Subject: Lunch\n"
    "\n"
    "  erin@example.org\n"
    "    host mx.example.org [192.0.2.1]: 550 5.1.1 a quote, no bounce\n",
    { { "bob@example.org", 550, "5.1.1", "recipient-unknown", FAILED },
      { "alice@example.com", 0, "", "domain-unknown", FAILED },
      { "carol@example.net", 0, "", "expired", FAILED },
      { "dave@nomx.example", 0, "", "domain-unknown", FAILED } } },

  { "Exim, in two languages as Mail.Ru sends it, each recipient once",
    "Your message could not be delivered to these recipients:\n"
    "\n"
    "  bob@example.org\n"
    "    SMTP error from remote mail server after RCPT TO:<bob@example.org>:\n"
    "    host mx.example.org [192.0.2.1]: 550 5.2.1 <bob@example.org>: "
    "Mailbox disabled\n"
    "\n"
    "**********************\n"
    "\n"
    "This message was created automatically by mail delivery software.\n"
    "\n"
    "A message that you sent could not be delivered to one or more of its\n"
    "recipients. This is a permanent error. The following address(es) "
    "failed:\n"
    "\n"
    "  bob@example.org\n"
    "    SMTP error from remote mail server after RCPT TO:<bob@example.org>:\n"
    "    host mx.example.org [192.0.2.1]: 550 5.2.1 <bob@example.org>: "
    "Mailbox disabled\n",
    { { "bob@example.org", 550, "5.2.1", "recipient-disabled", FAILED } } },

  { "Exim's delay warning",
    "This message was created automatically by mail delivery software.\n"
    "A message that you sent has not yet been delivered to one or more of "
    "its\n"
    "recipients after more than 24 hours on the queue on mail.example.net.\n"
    "\n"
    "The message identifier is:     1jA2bC-0004dE-Fg\n"
    "The subject of the message is: Report\n"
    "The date of the message is:    Mon, 02 Mar 2020 10:00:00 +0000\n"
    "\n"
    "The address to which the message has not yet been delivered is:\n"
    "\n"
    "  bob@example.org\n"
    "    host mx.example.org [192.0.2.1]\n"
    "    Delay reason: SMTP error from remote mail server after RCPT "
    "TO:<bob@example.org>:\n"
    "    452 4.2.2 Mailbox over quota\n"
    "\n"
    "No action is required on your part. Delivery attempts will continue "
    "for\n"
    "some time.\n",
    { { "bob@example.org", 452, "4.2.2", "mailbox-full", DELAYED } } },

  { "qmail",
    "Hi. This is the qmail-send program at mail.example.net.\n"
    "I'm afraid I wasn't able to deliver your message to the following "
    "addresses.\n"
    "This is a permanent error; I've given up. Sorry it didn't work out.\n"
    "\n"
    "<bob@example.org>:\n"
    "192.0.2.1 does not like recipient.\n"
    "Remote host said: 550 5.1.1 <bob@example.org>... User unknown\n"
    "Giving up on 192.0.2.1.\n"
    "\n"
    "<alice@example.net>:\n"
    "Sorry, no mailbox here by that name. (#5.1.1)\n"
    "\n"
    "<carol@example.com>:\n"
    "198.51.100.7 failed after I sent the message.\n"
    "Remote host said: 554-5.7.1 Message rejected\n"
    "554-5.7.1 as probable spam\n"
    "554 5.7.1 by the content filter\n"
    "\n"
    "--- Below this line is a copy of the message.\n"
    "\n"
    "Return-Path: <sender@example.net>\n"
    "\n"
    "<dave@example.org>:\n"
    "Sorry, no mailbox here by that name. (#5.1.1)\n",
    { { "bob@example.org", 550, "5.1.1", "recipient-unknown", FAILED },
      { "alice@example.net", 0, "5.1.1", "recipient-unknown", FAILED },
      { "carol@example.com", 554, "5.7.1", "spam", FAILED } } },

  { "Sendmail, its list and transcript naming one recipient",
    "The original message was received at Mon, 2 Mar 2020 10:00:00 +0100\n"
    "from client.example.net [203.0.113.5]\n"
    "\n"
    "   ----- The following addresses had permanent fatal errors -----\n"
    "<bob@example.org>\n"
    "    (reason: 550 5.1.1 <bob@example.org>... User unknown)\n"
    "\n"
    "   ----- Transcript of session follows -----\n"
    "... while talking to mx.example.org.:\n"
    ">>> RCPT To:<bob@example.org>\n"
    "<<< 550 5.1.1 <bob@example.org>... User unknown\n"
    "550 5.1.1 <bob@example.org>... User unknown\n",
    { { "bob@example.org", 550, "5.1.1", "recipient-unknown", FAILED } } },

  { "Sendmail's transcript alone",
    "   ----- Transcript of session follows -----\n"
    "... while talking to mx.example.org.:\n"
    ">>> RCPT To:<alice@example.org>\n"
    "<<< 550 5.2.1 <alice@example.org>... Mailbox disabled\n"
    "550 5.2.1 <alice@example.org>... Mailbox disabled\n"
    "... while talking to mail.example.com.:\n"
    ">>> DATA\n"
    "<<< 552 5.3.4 Message size exceeds fixed limit\n"
    "554 5.0.0 <carol@example.com>... Service unavailable\n"
    "\n"
    "   ----- Unsent message follows -----\n"
    "To: alice@example.org, carol@example.com\n",
    { { "alice@example.org", 550, "5.2.1", "recipient-disabled", FAILED },
      { "carol@example.com", 552, "5.3.4", "message-too-big", FAILED } } },

  { "Sendmail's warning",
    "    **********************************************\n"
    "    **      THIS IS A WARNING MESSAGE ONLY      **\n"
    "    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **\n"
    "    **********************************************\n"
    "\n"
    "The original message was received at Mon, 2 Mar 2020 10:00:00 +0100\n"
    "from client.example.net [203.0.113.5]\n"
    "\n"
    "   ----- The following addresses had transient non-fatal errors -----\n"
    "<bob@example.org>\n"
    "    (reason: 451 4.7.1 Greylisted, please try again later)\n"
    "\n"
    "   ----- Transcript of session follows -----\n"
    "<bob@example.org>... Deferred: 451 4.7.1 Greylisted, please try again "
    "later\n"
    "Warning: message still undelivered after 4 hours\n"
    "Will keep trying until message is 5 days old\n",
    { { "bob@example.org", 451, "4.7.1", "try-later", DELAYED } } },

  { "Sendmail, a failure beside a delay",
    "The original message was received at Mon, 2 Mar 2020 10:00:00 +0100\n"
    "from client.example.net [203.0.113.5]\n"
    "\n"
    "   ----- The following addresses had permanent fatal errors -----\n"
    "<carol@example.com>\n"
    "    (reason: 550 5.1.1 <carol@example.com>... User unknown)\n"
    "\n"
    "   ----- The following addresses had transient non-fatal errors -----\n"
    "<bob@example.org>\n"
    "    (reason: 451 4.7.1 Greylisted, please try again later)\n",
    { { "carol@example.com", 550, "5.1.1", "recipient-unknown", FAILED },
      { "bob@example.org", 451, "4.7.1", "try-later", DELAYED } } },

  { "Exchange 2003",
    "Your message\n"
    "\n"
    "  To:      bob@example.org\n"
    "  Subject: Quarterly figures\n"
    "  Sent:    Mon, 2 Mar 2020 10:00:00 +0100\n"
    "\n"
    "did not reach the following recipient(s):\n"
    "\n"
    "bob@example.org on Mon, 2 Mar 2020 10:00:05 +0100\n"
    "    The e-mail account does not exist at the organization this "
    "message was sent to.\n"
    "    <mail.example.org #5.1.1>\n",
    { { "bob@example.org", 0, "5.1.1", "recipient-unknown", FAILED } } },

  { "Exchange, the older list",
    "Your message did not reach some or all of the intended recipients.\n"
    "\n"
    "      Subject:\tMinutes\n"
    "      Sent:\t3/2/2020 10:00 AM\n"
    "\n"
    "The following recipient(s) cannot be reached:\n"
    "\n"
    "      'dave@example.com' on 3/2/2020 10:05 AM\n"
    "            Could not deliver the message in the time limit "
    "specified.  Please retry or contact your administrator.\n"
    "            <mail.example.net #4.4.7>\n",
    { { "dave@example.com", 0, "4.4.7", "expired", FAILED } } },

  { "Exchange 2010",
    "Delivery has failed to these recipients or groups:\n"
    "\n"
    "bob@example.org\n"
    "The e-mail address you entered couldn't be found. Please check the "
    "recipient's e-mail address and try to resend the message.\n"
    "\n"
    "carol@example.org\n"
    "The recipient's mailbox is full and can't accept messages now.\n"
    "\n"
    "Diagnostic information for administrators:\n"
    "\n"
    "Generating server: mail.example.net\n"
    "\n"
    "bob@example.org\n"
    "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##\n"
    "\n"
    "carol@example.org\n"
    "mx.example.org #552 5.2.2 Mailbox full ##\n"
    "\n"
    "Original message headers:\n"
    "\n"
    "To: <bob@example.org>\n",
    { { "bob@example.org", 550, "5.1.1", "recipient-unknown", FAILED },
      { "carol@example.org", 552, "5.2.2", "mailbox-full", FAILED } } },

  { "Office 365",
    "Your message to bob@example.org couldn't be delivered.\r\n"
    "bob wasn't found at example.org.\r\n"
    "\r\n"
    "Action Required                 Recipient\r\n"
    "Unknown To address\r\n"
    "\r\n"
    "How to Fix It\r\n"
    "The address may be misspelled or may not exist.\r\n"
    "\r\n"
    "Diagnostic information for administrators:\r\n"
    "\r\n"
    "Generating server: AB1CD234.mail.example.net\r\n"
    "\r\n"
    "bob@example.org\r\n"
    "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; "
    "Recipient not found by SMTP address lookup'\r\n"
    "\r\n"
    "Original message headers:\r\n",
    { { "bob@example.org", 550, "5.1.10", "recipient-unknown", FAILED } } },

  { "Gmail",
    "** Address not found **\n"
    "\n"
    "Your message wasn't delivered to bob@example.org because the address "
    "couldn't be found, or is unable to receive mail.\n"
    "\n"
    "Learn more here: https://support.example/mail/answer/1\n"
    "\n"
    "The response from the remote server was:\n"
    "550 5.1.1 The email account that you tried to reach does not exist. "
    "Please check the address. x1si2 - gsmtp\n",
    { { "bob@example.org", 550, "5.1.1", "recipient-unknown", FAILED } } },

  { "Gmail, the older text",
    "Delivery to the following recipient failed permanently:\n"
    "\n"
    "     carol@example.com\n"
    "\n"
    "Technical details of permanent failure:\n"
    "Google tried to deliver your message, but it was rejected by the "
    "server for the recipient domain example.com by mx.example.com. "
    "[198.51.100.7].\n"
    "\n"
    "The error that the other server returned was:\n"
    "552 5.2.2 Mailbox full\n"
    "\n"
    "----- Original message -----\n"
    "\n"
    "To: carol@example.com\n",
    { { "carol@example.com", 552, "5.2.2", "mailbox-full", FAILED } } },

  { "Gmail, no reply",
    "** Message not delivered **\n"
    "\n"
    "There was a problem delivering your message to dave@nowhere.example. "
    "See the technical details below.\n"
    "\n"
    "The response was:\n"
    "DNS Error: Domain name not found\n",
    { { "dave@nowhere.example", 0, "", "domain-unknown", FAILED } } },

  { "DragonFly Mail Agent",
    "This is the DragonFly Mail Agent v0.13 at mail.example.net.\n"
    "\n"
    "There was an error delivering your mail to <bob@example.org>.\n"
    "\n"
    "mx.example.org [192.0.2.1] did not like our RCPT TO:\n"
    "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown\n"
    "\n"
    "Original message follows.\n"
    "\n"
    "To: <bob@example.org>\n",
    { { "bob@example.org", 550, "5.1.1", "recipient-unknown", FAILED } } },

  { "Oracle Messaging Server",
    "This report relates to a message you sent with the following header "
    "fields:\n"
    "\n"
    "  Message-id: <1234.5678@example.net>\n"
    "  From: sender@example.net\n"
    "  To: bob@example.org\n"
    "  Subject: Plans\n"
    "\n"
    "Your message cannot be delivered to the following recipients:\n"
    "\n"
    "  Recipient address: bob@example.org\n"
    "  Reason: Remote SMTP server has rejected address\n"
    "  Diagnostic code: smtp;550 5.1.1 unknown or illegal alias: "
    "bob@example.org\n"
    "  Remote system: dns;mx.example.org (TCP|192.0.2.9|40000|192.0.2.1|25)\n"
    "  Recipient address: carol@example.org\n"
    "  Reason: Remote SMTP server has rejected address\n"
    "  Diagnostic code: smtp;552 5.2.2 mailbox full\n",
    { { "bob@example.org", 550, "5.1.1", "recipient-unknown", FAILED },
      { "carol@example.org", 552, "5.2.2", "mailbox-full", FAILED } } },

  { "addresses in UTF-8, with a sentence's full stop, and too long",
    "<j\xc3\xb6rg@b\xc3\xbc" "cher.example>: host mx.example[192.0.2.1] "
    "said: 550 5.1.1 no such user (in reply to RCPT TO command)\n"
    "\n"
    "<bad\xff@example.org>: host mx.example[192.0.2.1] said: 550 5.1.1 no "
    "such user (in reply to RCPT TO command)\n"
    "\n"
    "<aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.org>: host "
    "mx.example[192.0.2.1] said: 550 5.1.1 no such user\n"
    "\n"
    "Your message wasn't delivered to erin@example.net.\n",
    { { "j\xc3\xb6rg@b\xc3\xbc" "cher.example", 550, "5.1.1",
        "recipient-unknown", FAILED },
      { "erin@example.net", 0, "", "unknown", FAILED } } },

  { "Sendmail's list as Active!Hunter writes it, \">>> address\"",
    "The original message was received at Mon, 2 Nov 2026 10:00:00 +0100\n"
    "from client.example.net\n"
    "\n"
    "  ----- The following addresses had permanent fatal errors -----\n"
    "\n"
    ">>> bob@example.org <bob@example.org>\n"
    "\n"
    "  ----- Transcript of session follows -----\n"
    "550 no mailbox by this name here (#5.1.1)\n"
    "\n"
    ">>> carol@example.org\n"
    "\n"
    "  ----- Transcript of session follows -----\n"
    "552 <carol@example.org>: mailbox over quota\n",
    { { "bob@example.org", 550, "5.1.1", "recipient-unknown", FAILED },
      { "carol@example.org", 552, "", "mailbox-full", FAILED } } },

  { "Postfix's smtpd transcript to the postmaster",
    "Transcript of session follows.\n"
    "\n"
    " Out: 220 mx.example.net ESMTP\n"
    " In:  EHLO client.example.org\n"
    " Out: 250-mx.example.net\n"
    " Out: 250 8BITMIME\n"
    " In:  MAIL FROM:<alice@example.org>\n"
    "     SIZE=1200\n"
    " Out: 250 2.1.0 Ok\n"
    " In:  RCPT TO:<bob@example.net>\n"
    " Out: 550 5.1.1 <bob@example.net>: Recipient address rejected: User "
    "unknown\n"
    " In:  RCPT TO:<carol@example.net> ORCPT=rfc822;carol@example.net\n"
    " Out: 250 2.1.5 Ok\n"
    " In:  DATA\n"
    " Out: 354 End data with <CR><LF>.<CR><LF>\n"
    " Out: 452 4.3.1 Insufficient system storage\n"
    " In:  MAIL FROM:<alice@example.org>\n"
    " Out: 250 2.1.0 Ok\n"
    " In:  RCPT TO:<dave@example.net>\n"
    " Out: 250 2.1.5 Ok\n"
    " In:  DATA\n"
    " Out: 354 End data with <CR><LF>.<CR><LF>\n"
    " Out: 250 2.0.0 Ok: queued as 4ABCD\n"
    " In:  QUIT\n"
    " Out: 221 2.0.0 Bye\n",
    { { "bob@example.net", 550, "5.1.1", "recipient-unknown", FAILED },
      { "carol@example.net", 452, "4.3.1", "server-error", DELAYED } } },

  { "an address alone above a heading and a reply (m-FILTER)",
    "This notice was made by the mail filter on its own.\n"
    "Your mail could not be passed on, for this reason:\n"
    "\n"
    "bob@example.org\n"
    "\n"
    "\n"
    "-------server message\n"
    "550 5.1.1 unknown user <bob@example.org>\n"
    "\n"
    "-------SMTP command\n"
    "RCPT\n"
    "\n"
    "-------original mail info\n"
    "From: alice@example.net\n"
    "To: carol@example.org\n",
    { { "bob@example.org", 550, "5.1.1", "recipient-unknown", FAILED } } },

  { "addresses with their reasons on the same line (Zoho)",
    "This message was created automatically by mail delivery software.\n"
    "A message that you sent could not be delivered to one or more of "
    "its recipients.\n"
    "\n"
    "bob@example.org Invalid Address, ERROR_CODE :550, ERROR_CODE "
    ":No such user here\n"
    "carol@example.net Error, ERROR_CODE :421, ERROR_CODE :, Host not "
    "reachable.\n"
    "\n"
    "erin@example.net is in copy, no reply code follows.\n",
    { { "bob@example.org", 0, "", "recipient-unknown", FAILED },
      { "carol@example.net", 0, "", "network", FAILED } } },

  { "IMail, the reason before the address",
    "Delivery failed 12 attempts: bob@example.org\n"
    "\n"
    "\n"
    "Original message follows.\n"
    "\n"
    "To: bob@example.org\n",
    { { "bob@example.org", 0, "", "unknown", FAILED } } },

  { "a full mailbox, the reason before the address",
    "User's mailbox is full: <bob@example.org>\n"
    "Unable to deliver mail.\n",
    { { "bob@example.org", 0, "", "mailbox-full", FAILED } } },

  { "Exim's addresses incorrectly constructed",
    "This message was created automatically by mail delivery software.\n"
    "\n"
    "A message that you sent contained one or more recipient addresses "
    "that were\n"
    "incorrectly constructed:\n"
    "\n"
    "  Bob Example <bob@example.org>: malformed address: ; missing\n"
    "  carol@example..net: domain missing or malformed\n"
    "  dave@example.net: malformed address: , may not follow "
    "dave@example.net\n"
    "\n"
    "These addresses have been ignored. The other addresses in the "
    "message were\n"
    "syntactically valid and have been passed on for an attempt at "
    "delivery.\n",
    { { "bob@example.org", 0, "", "unknown", FAILED },
      { "dave@example.net", 0, "", "unknown", FAILED } } },

  { "a mailing list that takes posts from its members only (fml)",
    "You are not a member of this mailing list <team@lists.example.org>.\n"
    "\n"
    "To learn how this list works, send a mail with the word\n"
    "\n"
    "\thelp\n"
    "\n"
    "to team-ctl@lists.example.org.\n",
    { { "team@lists.example.org", 0, "", "sender-rejected", FAILED } } },

  { "Amazon SES's notification, JSON on one line",
    "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":"
    "\"Permanent\",\"bounceSubType\":\"General\",\"bouncedRecipients\":"
    "[{\"emailAddress\":\"bob@example.org\",\"action\":\"failed\","
    "\"status\":\"5.1.1\",\"diagnosticCode\":\"smtp; 550 5.1.1 "
    "\\\"bob\\\" unknown\"},{\"status\":\"5.2.2\",\"action\":"
    "\"failed\",\"emailAddress\":\"carol@example.net\","
    "\"diagnosticCode\":\"smtp; 552 5.2.2 mailbox full\"}],"
    "\"reportingMTA\":\"dns; out.example.com\"},\"mail\":{"
    "\"source\":\"alice@example.com\",\"destination\":"
    "[\"bob@example.org\",\"carol@example.net\"]}}\n"
    "\n"
    "--\n"
    "To stop these notifications, write to alice@example.com.\n",
    { { "bob@example.org", 550, "5.1.1", "recipient-unknown", FAILED },
      { "carol@example.net", 552, "5.2.2", "mailbox-full", FAILED } } },

  { "Amazon SES's notification, JSON printed over lines",
    "{\n"
    "  \"notificationType\": \"Bounce\",\n"
    "  \"bounce\": {\n"
    "    \"bounceType\": \"Transient\",\n"
    "    \"bouncedRecipients\": [\n"
    "      {\n"
    "        \"emailAddress\": \"dave@example.org\",\n"
    "        \"action\": \"delayed\",\n"
    "        \"status\": \"4.2.2\",\n"
    "        \"diagnosticCode\": \"smtp; 452 4.2.2 over quota\"\n"
    "      }\n"
    "    ]\n"
    "  },\n"
    "  \"complainedRecipients\": [ { \"emailAddress\": "
    "\"erin@example.org\" } ]\n"
    "}\n",
    { { "dave@example.org", 452, "4.2.2", "mailbox-full", DELAYED } } },

  { .name = "an ordinary mail",
    .text =
    "Hi Bob,\n"
    "\n"
    "thanks for the notes. I forwarded them to the team; Carol's address "
    "is\n"
    "carol@example.com if you need her, and Alice is at\n"
    "\n"
    "  alice@example.org\n"
    "\n"
    "On Monday, Erin <erin@example.net> wrote:\n"
    "> <frank@example.org>: can you check this?\n"
    "> 550 <gina@example.org>... a line that only looks like Sendmail's\n"
    "\n"
    "The server said: 550 maybe.\n"
    "\n"
    "  Frank <frank@example.org>: he will call you\n"
    "gina@example.org has 550 photos of the trip\n"
    "\n"
    "harry@example.org\n"
    "\n"
    "-------shopping list\n"
    "500 paper cups\n"
    "\n"
    "--\n"
    "Dave Example <dave@example.net>\n" },

  { .name = "a mail that quotes a reply",
    .text =
    "Hello,\n"
    "\n"
    "when I write to my colleague the server says:\n"
    "550 5.1.1 <bob@example.org>... User unknown\n"
    "but the address is right. Who is bob@example.org's provider?\n" },

  { .name = "an empty text", .text = "" },
};

enum { EXAMPLES = sizeof examples / sizeof examples[0] };

static size_t
expected_count (const struct example *e)
{
  size_t n = 0;
  while (n < sizeof e->r / sizeof e->r[0] && e->r[n].address != NULL)
    n++;
  return n;
}

static void
format_status (const struct smtp_bounce_recipient *r, char *out, size_t size)
{
  if (r->has_status)
    snprintf (out, size, "%d.%d.%d", r->status.status_class,
              r->status.subject, r->status.detail);
  else
    snprintf (out, size, "%s", "");
}

/* Scans TEXT (SIZE bytes) as the example E says it must read.  */
static void
check_example (const struct example *e, const char *text, size_t size,
               const char *how)
{
  size_t cursor = 0, n = 0, wanted = expected_count (e);
  struct smtp_bounce_recipient r;
  while (smtp_bounce_text_next (text, size, &cursor, &r))
    {
      if (n >= wanted)
        {
          tap_ok (false, "%s%s: no recipient %s", e->name, how, r.address);
          n++;
          continue;
        }
      const struct expected *x = &e->r[n++];
      char status[32];
      format_status (&r, status, sizeof status);
      tap_is_str (r.address, x->address, "%s%s: recipient %zu", e->name,
                  how, n);
      tap_is_int (r.code, x->code, "%s%s: %s: reply code", e->name, how,
                  x->address);
      tap_is_str (status, x->status, "%s%s: %s: status", e->name, how,
                  x->address);
      tap_is_str (smtp_reason_name (r.diagnosis.reason), x->reason,
                  "%s%s: %s: reason", e->name, how, x->address);
      tap_is_int (r.action, x->action, "%s%s: %s: action", e->name, how,
                  x->address);
    }
  tap_is_int ((long) n, (long) wanted, "%s%s: %zu recipients", e->name, how,
              wanted);
  tap_is_int ((long) cursor, (long) size, "%s%s: the cursor ends at the end",
              e->name, how);
  tap_ok (!smtp_bounce_text_next (text, size, &cursor, &r),
          "%s%s: nothing more after the end", e->name, how);
}

/* TEXT with each LF made CRLF, in a buffer of its own; *SIZE its size.  */
static char *
with_crlf (const char *text, size_t *size)
{
  size_t n = 0;
  for (const char *p = text; *p; p++)
    n += *p == '\n' && (p == text || p[-1] != '\r') ? 2 : 1;
  char *out = malloc (n + 1);
  if (out == NULL)
    tap_bail_out ("out of memory");
  char *q = out;
  for (const char *p = text; *p; p++)
    {
      if (*p == '\n' && (p == text || p[-1] != '\r'))
        *q++ = '\r';
      *q++ = *p;
    }
  *size = n;
  return out;
}

/* Every prefix of TEXT, each in a buffer of exactly its size so that a
   read past it shows under a sanitizer or valgrind: the scan ends, its
   cursor moves forward, and each address it gives is in the prefix.  */
static void
check_prefixes (const struct example *e)
{
  size_t size = strlen (e->text);
  bool fine = true;
  for (size_t n = 0; n <= size && fine; n++)
    {
      char *prefix = malloc (n > 0 ? n : 1);
      if (prefix == NULL)
        tap_bail_out ("out of memory");
      memcpy (prefix, e->text, n);
      size_t cursor = 0, before = 0, results = 0;
      struct smtp_bounce_recipient r;
      while (fine && smtp_bounce_text_next (prefix, n, &cursor, &r))
        {
          size_t length = strlen (r.address);
          fine = cursor > before && cursor <= n && length > 0
                 && ++results <= n;
          bool inside = false;
          for (size_t i = 0; fine && !inside && i + length <= n; i++)
            inside = memcmp (prefix + i, r.address, length) == 0;
          fine = fine && inside;
          before = cursor;
        }
      free (prefix);
      if (!fine)
        tap_ok (false, "%s: its first %zu bytes", e->name, n);
    }
  tap_ok (fine, "%s: each of its %zu prefixes is scanned", e->name,
          size + 1);
}

int
main (void)
{
  for (size_t i = 0; i < EXAMPLES; i++)
    {
      const struct example *e = &examples[i];
      check_example (e, e->text, strlen (e->text), "");
      size_t size;
      char *crlf = with_crlf (e->text, &size);
      check_example (e, crlf, size, " (CRLF)");
      free (crlf);
      check_prefixes (e);
    }

  /* A cursor at or past the end, and a NULL buffer of size 0.  */
  struct smtp_bounce_recipient r;
  size_t cursor = strlen (examples[0].text) + 5;
  tap_ok (!smtp_bounce_text_next (examples[0].text, cursor - 5, &cursor, &r),
          "a cursor past the end finds nothing");
  cursor = 0;
  tap_ok (!smtp_bounce_text_next (NULL, 0, &cursor, &r) && cursor == 0,
          "an empty buffer finds nothing");

  /* Scanning allocates nothing.  */
  long before = count_malloc_calls ();
  size_t found = 0;
  for (size_t i = 0; i < EXAMPLES; i++)
    for (cursor = 0; smtp_bounce_text_next (examples[i].text,
                                            strlen (examples[i].text),
                                            &cursor, &r);)
      found++;
  tap_is_int (count_malloc_calls () - before, 0,
              "scanning every text (%zu recipients) allocates nothing",
              found);
  return tap_done ();
}

/* test-reply.c: the reply parser, strict and liberal, on real-format
   replies, on every error it reports, on input cut at every byte and on
   odd bytes in the text.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Every parse runs on a heap copy of exactly the bytes given, so a read
   past the end shows under valgrind or AddressSanitizer.  The samples are
   our own, written in the formats these servers use.  */

#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpstatus.h"
#include "tap.h"

#define LENGTH(array) (sizeof (array) / sizeof (array)[0])

/* Which parsers a check runs: bits for the liberal and the strict one.  */
enum
{
  LIBERAL = 1,
  STRICT = 2,
  BOTH = LIBERAL | STRICT
};

static const char *
mode_name (int mode)
{
  return mode == STRICT ? "strict" : "liberal";
}

/* Parses the first SIZE bytes of DATA from a buffer of exactly SIZE
   bytes, as MODE (LIBERAL or STRICT) says; *COPY gets the buffer, for
   the line offsets to point into.  */
static int
parse_copy (int mode, const char *data, size_t size,
            struct smtp_reply *reply, char **copy)
{
  *copy = malloc (size > 0 ? size : 1);
  if (*copy == NULL)
    tap_bail_out ("out of memory");
  memcpy (*copy, data, size);
  const char *buffer = size > 0 ? *copy : NULL;
  if (mode == STRICT)
    return smtp_reply_parse_flags (buffer, size, SMTP_REPLY_STRICT, reply);
  /* smtp_reply_parse is the liberal parser: both must agree.  */
  struct smtp_reply other;
  int result = smtp_reply_parse_flags (buffer, size, SMTP_REPLY_LIBERAL,
                                       &other);
  int plain = smtp_reply_parse (buffer, size, reply);
  if (plain != result || other.code != reply->code
      || other.has_enhanced != reply->has_enhanced
      || other.enhanced.status_class != reply->enhanced.status_class
      || other.enhanced.subject != reply->enhanced.subject
      || other.enhanced.detail != reply->enhanced.detail
      || other.size != reply->size || other.line_count != reply->line_count)
    tap_bail_out ("smtp_reply_parse is not smtp_reply_parse_flags "
                  "(SMTP_REPLY_LIBERAL)");
  return plain;
}

/* Line INDEX of REPLY, parsed from BUFFER, through the iterator; a line
   past the last is empty, at offset 0.  */
static struct smtp_reply_line
line_at (const char *buffer, const struct smtp_reply *reply, size_t index)
{
  size_t cursor = 0;
  struct smtp_reply_line line = { 0, 0 };
  for (size_t i = 0; i <= index; i++)
    if (!smtp_reply_next_line (buffer, reply, &cursor, &line))
      return (struct smtp_reply_line) { 0, 0 };
  return line;
}

/* How many lines the iterator walks.  */
static size_t
lines_walked (const char *buffer, const struct smtp_reply *reply)
{
  size_t cursor = 0, count = 0;
  struct smtp_reply_line line;
  while (smtp_reply_next_line (buffer, reply, &cursor, &line))
    count++;
  return count;
}

struct sample
{
  const char *server;
  const char *data;
  int code;
  const char *enhanced;          /* "c.s.d", or NULL for none */
  const char *lines[12];         /* each line's text, as the parser gives it */
};

static const struct sample samples[] =
{
  { "Gmail, a multi-line rejection",
    "550-5.1.1 The email account that you tried to reach does not exist.\r\n"
    "550-5.1.1 Please try double-checking the recipient's email address.\r\n"
    "550 5.1.1 https://support.example/?p=NoSuchUser q5si1234567qkb.12 - gsmtp\r\n",
    550, "5.1.1",
    { "The email account that you tried to reach does not exist.",
      "Please try double-checking the recipient's email address.",
      "https://support.example/?p=NoSuchUser q5si1234567qkb.12 - gsmtp" } },
  { "Gmail, an authentication policy rejection",
    "550-5.7.26 Unauthenticated email from example.net is not accepted due\r\n"
    "550-5.7.26 to the domain's DMARC policy. Ask the sender to fix it.\r\n"
    "550 5.7.26 https://support.example/dmarc 5si987qkb.9 - gsmtp\r\n",
    550, "5.7.26",
    { "Unauthenticated email from example.net is not accepted due",
      "to the domain's DMARC policy. Ask the sender to fix it.",
      "https://support.example/dmarc 5si987qkb.9 - gsmtp" } },
  { "Gmail, rate limited",
    "421-4.7.0 Our system has detected an unusual rate of mail from your\r\n"
    "421 4.7.0 address; try again later. 3si44qkb.1 - gsmtp\r\n",
    421, "4.7.0",
    { "Our system has detected an unusual rate of mail from your",
      "address; try again later. 3si44qkb.1 - gsmtp" } },
  { "Postfix, an unknown local user",
    "550 5.1.1 <nobody@example.org>: Recipient address rejected: User "
    "unknown in local recipient table\r\n",
    550, "5.1.1",
    { "<nobody@example.org>: Recipient address rejected: User unknown in "
      "local recipient table" } },
  { "Postfix, greylisting",
    "450 4.2.0 <amy@example.org>: Recipient address rejected: Greylisted "
    "for 300 seconds\r\n",
    450, "4.2.0",
    { "<amy@example.org>: Recipient address rejected: Greylisted for 300 "
      "seconds" } },
  { "Postfix, the answer to EHLO",
    "250-mail.example.org\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n"
    "250-VRFY\r\n250-ETRN\r\n250-STARTTLS\r\n250-ENHANCEDSTATUSCODES\r\n"
    "250-8BITMIME\r\n250-DSN\r\n250 CHUNKING\r\n",
    250, NULL,
    { "mail.example.org", "PIPELINING", "SIZE 10240000", "VRFY", "ETRN",
      "STARTTLS", "ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "CHUNKING" } },
  { "Exim, sender verification (no enhanced codes)",
    "550-Verification failed for <bob@example.com>\r\n"
    "550-Unrouteable address\r\n"
    "550 Sender verify failed\r\n",
    550, NULL,
    { "Verification failed for <bob@example.com>", "Unrouteable address",
      "Sender verify failed" } },
  { "Exim, a greeting",
    "220 mx.example.com ESMTP Exim 4.97 Wed, 25 Nov 2026 10:00:00 +0000\r\n",
    220, NULL,
    { "mx.example.com ESMTP Exim 4.97 Wed, 25 Nov 2026 10:00:00 +0000" } },
  { "Sendmail, a bad address",
    "553 5.1.3 <foo@@nil>... Invalid route address\r\n",
    553, "5.1.3", { "<foo@@nil>... Invalid route address" } },
  { "Sendmail, sender ok",
    "250 2.1.0 <ann@example.org>... Sender ok\r\n",
    250, "2.1.0", { "<ann@example.org>... Sender ok" } },
  { "Sendmail, DATA",
    "354 Enter mail, end with \".\" on a line by itself\r\n",
    354, NULL, { "Enter mail, end with \".\" on a line by itself" } },
  { "Exchange Online, access denied",
    "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) "
    "[AM0PR01MB1234.eurprd01.prod.example.com 2026-11-25T10:00:00.000Z]\r\n",
    550, "5.4.1",
    { "Recipient address rejected: Access denied. AS(201806281) "
      "[AM0PR01MB1234.eurprd01.prod.example.com 2026-11-25T10:00:00.000Z]" } },
  { "Exchange, out of resources",
    "452 4.3.1 Insufficient system resources\r\n",
    452, "4.3.1", { "Insufficient system resources" } },
  { "Exchange, relaying refused",
    "550 5.7.1 Unable to relay\r\n", 550, "5.7.1", { "Unable to relay" } },
  { "a bare code on the last line, LF line ends",
    "250-first\n250\n", 250, NULL, { "first", "" } },
  { "a bare code with CRLF", "221\r\n", 221, NULL, { "" } },
  { "an enhanced code and nothing after it",
    "250 2.0.0\r\n", 250, "2.0.0", { "" } },
};

/* One line of 716 bytes, as Microsoft 365 writes its diagnostics: over
   RFC 5321's 512.  */
#define M365_TEXT \
  "Access denied, the sending domain example.net does not pass DMARC " \
  "verification and has a DMARC policy of reject. To learn more, go to " \
  "https://help.example.com/dmarc-reject and forward this message to " \
  "your email administrator. The recipient's organization has configured " \
  "its tenant to honour the sender's DMARC policy; the message was not " \
  "delivered to any of its recipients. Ask the owner of example.net to " \
  "publish valid SPF and DKIM records for its outgoing servers. " \
  "[DM6PR01MB5678.namprd01.prod.example.com 2026-11-25T10:00:00.000Z " \
  "08DD0C1A2B3C4D5E] [BN8NAM11FT012.eop-nam11.prod.example.com " \
  "2026-11-25T10:00:00.001Z 08DD0C1A2B3C4D5E] " \
  "[CY5PR01CA0004.namprd01.prod.example.com 2026-11-25T10:00:00.002Z]"

/* Replies the liberal parser takes as servers mean them, and the strict
   one refuses or reads otherwise (test_strict_reading).  */
static const struct sample liberal_samples[] =
{
  { "Microsoft 365, a diagnostic longer than 512 bytes",
    "550 5.7.509 " M365_TEXT "\r\n", 550, "5.7.509", { M365_TEXT } },
  { "a code that changes in mid-reply: the last line's counts",
    "550-first\r\n451 second\r\n", 451, NULL, { "first", "second" } },
  { "a code change with enhanced codes: the last line's class wins",
    "550-5.1.1 first\r\n451 4.3.0 second\r\n", 451, "4.3.0",
    { "5.1.1 first", "second" } },
  { "a code change over three lines, LF ends",
    "550-a\n550-b\n250 c\n", 250, NULL, { "a", "b", "c" } },
  { "qmail, the code at the end in (#...)",
    "553 sorry, that domain isn't in my list of allowed rcpthosts "
    "(#5.7.1)\r\n", 553, "5.7.1",
    { "sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)" } },
  { "qmail, a command out of order",
    "503 MAIL first (#5.5.1)\r\n", 503, "5.5.1",
    { "MAIL first (#5.5.1)" } },
  { "Exchange, a relay refusal with the code inside the text",
    "550 Rcpt-To validation failed: relaying not permitted: 5.7.1 Unable "
    "to relay for bob@example.net\r\n", 550, "5.7.1",
    { "Rcpt-To validation failed: relaying not permitted: 5.7.1 Unable to "
      "relay for bob@example.net" } },
  { "the code inside the text of the second line",
    "550-Mailbox unavailable\r\n550 reason: 5.2.1 account disabled\r\n",
    550, "5.2.1",
    { "Mailbox unavailable", "reason: 5.2.1 account disabled" } },
  { "#5.1.1 at the start", "550 #5.1.1 unknown user\r\n", 550, "5.1.1",
    { "unknown user" } },
  { "(#4.2.2) at the start", "452 (#4.2.2) mailbox full\r\n", 452, "4.2.2",
    { "mailbox full" } },
  { "#5.1.1) at the start", "550 #5.1.1) no such user\r\n", 550, "5.1.1",
    { "no such user" } },
  { "#5.1.1 and nothing after it", "550 #5.1.1\r\n", 550, "5.1.1", { "" } },
  { "(#5.1.1) and nothing after it", "550 (#5.1.1)\n", 550, "5.1.1",
    { "" } },
  { "each form on a line of its own",
    "550-#5.1.1 a\r\n550-(#5.1.1) b\r\n550-5.1.1 c\r\n550 #5.1.1) d\r\n",
    550, "5.1.1", { "a", "b", "c", "d" } },
  { "the enhanced code on the first line only",
    "550-5.7.1 Service unavailable, client host blocked\r\n"
    "550 see https://blocklist.example/lookup?ip=192.0.2.1\r\n",
    550, "5.7.1",
    { "Service unavailable, client host blocked",
      "see https://blocklist.example/lookup?ip=192.0.2.1" } },
  { "the enhanced code on the last line only",
    "421-mx.example.org is busy\r\n421 4.3.2 try again later\r\n",
    421, "4.3.2", { "mx.example.org is busy", "try again later" } },
  { "different codes on the lines: the first wins",
    "550-5.1.1 a\r\n550 5.1.2 b\r\n", 550, "5.1.1", { "a", "5.1.2 b" } },
  { "the code of another class, where it is the only one",
    "554 4.4.7 Message expired\r\n", 554, "4.4.7", { "Message expired" } },
  { "a code of the reply's class beats an earlier one of another",
    "550-4.7.1 a\r\n550 5.7.1 b\r\n", 550, "5.7.1", { "4.7.1 a", "b" } },
  { "inside the text, too",
    "550 over quota 4.2.2, then 5.2.2\r\n", 550, "5.2.2",
    { "over quota 4.2.2, then 5.2.2" } },
  { "inside the text, only a code of the reply's class counts",
    "450 try later: 5.2.2 x\r\n", 450, NULL, { "try later: 5.2.2 x" } },
  { "a version number of another class inside the text is no code",
    "554 mx.example.org Exim 4.96.1 says no\r\n", 554, NULL,
    { "mx.example.org Exim 4.96.1 says no" } },
  { "a code at a line's start beats one inside, of any class",
    "550-see 5.7.1 below\r\n550 4.7.1 b\r\n", 550, "4.7.1",
    { "see 5.7.1 below", "b" } },
  { "a greeting with an IP address and a date",
    "220 mx.example.org ESMTP ready on 25.11.2026 at [192.0.2.25]\r\n",
    220, NULL,
    { "mx.example.org ESMTP ready on 25.11.2026 at [192.0.2.25]" } },
  { "two spaces before the code", "550  5.1.1 x\r\n", 550, "5.1.1",
    { " 5.1.1 x" } },
};

static void
check_sample (int mode, const struct sample *s)
{
  struct smtp_reply reply;
  char *copy;
  size_t size = strlen (s->data);
  const char *m = mode_name (mode);
  int result = parse_copy (mode, s->data, size, &reply, &copy);
  tap_is_int (result, SMTP_REPLY_OK, "%s, %s: parses", s->server, m);
  tap_is_int (reply.code, s->code, "%s, %s: code", s->server, m);
  tap_is_int ((long) reply.size, (long) size, "%s, %s: takes every byte",
              s->server, m);
  char enhanced[32] = "none";
  if (reply.has_enhanced)
    snprintf (enhanced, sizeof enhanced, "%d.%d.%d",
              reply.enhanced.status_class, reply.enhanced.subject,
              reply.enhanced.detail);
  tap_is_str (enhanced, s->enhanced != NULL ? s->enhanced : "none",
              "%s, %s: enhanced code", s->server, m);
  size_t lines = 0;
  while (lines < LENGTH (s->lines) && s->lines[lines] != NULL)
    lines++;
  tap_is_int ((long) reply.line_count, (long) lines, "%s, %s: lines",
              s->server, m);
  tap_is_int ((long) lines_walked (copy, &reply), (long) lines,
              "%s, %s: lines walked", s->server, m);
  for (size_t i = 0; i < lines && i < reply.line_count; i++)
    {
      char text[SMTP_REPLY_MAX_LINE_LIBERAL + 1];
      struct smtp_reply_line line = line_at (copy, &reply, i);
      size_t n = line.length < sizeof text - 1 ? line.length
                                               : sizeof text - 1;
      memcpy (text, copy + line.offset, n);
      text[n] = '\0';
      tap_is_str (text, s->lines[i], "%s, %s: text of line %zu", s->server,
                  m, i + 1);
    }
  free (copy);
}

/* Every proper prefix of a valid reply is incomplete, never an error:
   a client reading a socket must be told to wait, not to give up.  */
static void
check_cuts (int mode, const char *what, const char *data, size_t size)
{
  size_t wrong = 0;
  for (size_t cut = 0; cut < size; cut++)
    {
      struct smtp_reply reply;
      char *copy;
      int result = parse_copy (mode, data, cut, &reply, &copy);
      if (result != SMTP_REPLY_INCOMPLETE && wrong++ == 0)
        printf ("# cut at %zu gave %d\n", cut, result);
      free (copy);
    }
  tap_is_int ((long) wrong, 0, "%s, %s: incomplete when cut at each of "
              "%zu bytes", what, mode_name (mode), size);
}

static void
check_every_cut (int mode, const struct sample *s)
{
  check_cuts (mode, s->server, s->data, strlen (s->data));
}

static void
expect_result (int modes, const char *what, const char *data, size_t size,
               int wanted, size_t wanted_offset)
{
  for (int mode = LIBERAL; mode <= STRICT; mode <<= 1)
    if (modes & mode)
      {
        struct smtp_reply reply;
        char *copy;
        int result = parse_copy (mode, data, size, &reply, &copy);
        tap_is_int (result, wanted, "%s, %s: result", what, mode_name (mode));
        tap_is_int ((long) reply.size, (long) wanted_offset, "%s, %s: offset",
                    what, mode_name (mode));
        free (copy);
      }
}

#define EXPECT(modes, what, data, wanted, offset) \
  expect_result (modes, what, data, sizeof data - 1, wanted, offset)

static void
test_errors (void)
{
  EXPECT (BOTH, "empty input", "", SMTP_REPLY_INCOMPLETE, 0);
  EXPECT (BOTH, "a code alone", "250", SMTP_REPLY_INCOMPLETE, 0);
  EXPECT (BOTH, "no line end yet", "250 Ok", SMTP_REPLY_INCOMPLETE, 0);
  EXPECT (BOTH, "a CR but no LF yet", "250 Ok\r", SMTP_REPLY_INCOMPLETE, 0);
  EXPECT (BOTH, "a continuation with nothing after it", "250-a\r\n",
          SMTP_REPLY_INCOMPLETE, 7);
  EXPECT (BOTH, "a continuation and half a code", "250-a\r\n25",
          SMTP_REPLY_INCOMPLETE, 7);

  EXPECT (BOTH, "a letter in the code", "2x0 Ok\r\n", SMTP_REPLY_BAD_CODE, 0);
  EXPECT (BOTH, "a first digit of 1", "199 Ok\r\n", SMTP_REPLY_BAD_CODE, 0);
  EXPECT (BOTH, "a first digit of 6", "600 Ok\r\n", SMTP_REPLY_BAD_CODE, 0);
  EXPECT (BOTH, "a bad first byte is seen at once", "x",
          SMTP_REPLY_BAD_CODE, 0);
  EXPECT (BOTH, "a four-digit code", "2500 Ok\r\n", SMTP_REPLY_BAD_CODE, 0);
  EXPECT (BOTH, "a tab after the code", "250\tOk\r\n", SMTP_REPLY_BAD_CODE,
          0);
  EXPECT (BOTH, "a CR not followed by LF after the code", "250\rOk\r\n",
          SMTP_REPLY_BAD_CODE, 0);
  EXPECT (BOTH, "an empty line", "\r\n", SMTP_REPLY_BAD_CODE, 0);
  EXPECT (BOTH, "leading space", " 250 Ok\r\n", SMTP_REPLY_BAD_CODE, 0);
  EXPECT (BOTH, "a bad second line", "250-a\r\nxyz\r\n",
          SMTP_REPLY_BAD_CODE, 7);
  EXPECT (BOTH, "a bad second line after a code change", "250-a\r\n2x1 b\r\n",
          SMTP_REPLY_BAD_CODE, 7);

  /* RFC 5321 requires one code on every line; the liberal parser takes
     the last, as clients do.  */
  EXPECT (STRICT, "codes that disagree", "250-a\r\n251 b\r\n",
          SMTP_REPLY_CODE_MISMATCH, 7);
  EXPECT (LIBERAL, "codes that disagree", "250-a\r\n251 b\r\n",
          SMTP_REPLY_OK, 14);
  EXPECT (STRICT, "a disagreement is seen as soon as the code is there",
          "250-a\r\n251", SMTP_REPLY_CODE_MISMATCH, 7);
  EXPECT (LIBERAL, "a code change that is not complete yet",
          "250-a\r\n251", SMTP_REPLY_INCOMPLETE, 7);
  EXPECT (STRICT, "a third line that disagrees",
          "550-a\r\n550-b\r\n450 c\r\n", SMTP_REPLY_CODE_MISMATCH, 14);
  EXPECT (LIBERAL, "a third line that disagrees",
          "550-a\r\n550-b\r\n450 c\r\n", SMTP_REPLY_OK, 21);
}

/* A line of LENGTH bytes with its line end, "250 aaa...": with CRLF, or
   a bare LF where LF is set, or with no line end at all where NONE is.  */
static char *
long_line (size_t length, bool lf, bool none)
{
  char *line = malloc (length + 2);
  if (line == NULL)
    tap_bail_out ("out of memory");
  memset (line, 'a', length + 2);
  memcpy (line, "250 ", 4);
  if (!none && lf)
    line[length - 1] = '\n';
  else if (!none)
    memcpy (line + length - 2, "\r\n", 2);
  return line;
}

static void
expect_line (int modes, const char *what, size_t length, bool lf, bool none,
             int wanted, size_t offset)
{
  char *line = long_line (length, lf, none);
  expect_result (modes, what, line, length, wanted, offset);
  free (line);
}

static void
test_line_lengths (void)
{
  /* RFC 5321 4.5.3.1.5: 512 octets including the CRLF.  */
  expect_line (BOTH, "a line of exactly 512 bytes", 512, false, false,
               SMTP_REPLY_OK, 512);
  expect_line (STRICT, "a line of 513 bytes", 513, false, false,
               SMTP_REPLY_LINE_TOO_LONG, 0);
  expect_line (BOTH, "510 bytes and a bare LF", 511, true, false,
               SMTP_REPLY_OK, 511);
  expect_line (STRICT, "511 bytes and a bare LF", 512, true, false,
               SMTP_REPLY_LINE_TOO_LONG, 0);
  expect_line (STRICT, "512 bytes and no line end yet", 512, false, true,
               SMTP_REPLY_LINE_TOO_LONG, 0);
  expect_line (BOTH, "511 bytes and no line end yet", 511, false, true,
               SMTP_REPLY_INCOMPLETE, 0);

  /* The liberal parser's limit, counted the same way.  */
  expect_line (LIBERAL, "a line of 513 bytes", 513, false, false,
               SMTP_REPLY_OK, 513);
  expect_line (LIBERAL, "511 bytes and a bare LF", 512, true, false,
               SMTP_REPLY_OK, 512);
  expect_line (LIBERAL, "512 bytes and no line end yet", 512, false, true,
               SMTP_REPLY_INCOMPLETE, 0);
  expect_line (LIBERAL, "a line of 1000 bytes", 1000, false, false,
               SMTP_REPLY_OK, 1000);
  expect_line (LIBERAL, "a line of exactly 4096 bytes", 4096, false, false,
               SMTP_REPLY_OK, 4096);
  expect_line (LIBERAL, "a line of 4097 bytes", 4097, false, false,
               SMTP_REPLY_LINE_TOO_LONG, 0);
  expect_line (LIBERAL, "4094 bytes and a bare LF", 4095, true, false,
               SMTP_REPLY_OK, 4095);
  expect_line (LIBERAL, "4095 bytes and a bare LF", 4096, true, false,
               SMTP_REPLY_LINE_TOO_LONG, 0);
  expect_line (LIBERAL, "4096 bytes and no line end yet", 4096, false, true,
               SMTP_REPLY_LINE_TOO_LONG, 0);
  expect_line (LIBERAL, "4095 bytes and no line end yet", 4095, false, true,
               SMTP_REPLY_INCOMPLETE, 0);
  expect_line (STRICT, "a line of 4096 bytes", 4096, false, false,
               SMTP_REPLY_LINE_TOO_LONG, 0);

  /* A line too long after one that is not: the offset is its start.  */
  char *data = malloc (8 + 4097);
  if (data == NULL)
    tap_bail_out ("out of memory");
  memcpy (data, "250-ok\r\n", 8);
  char *line = long_line (4097, false, false);
  memcpy (data + 8, line, 4097);
  expect_result (LIBERAL, "a second line of 4097 bytes", data, 8 + 4097,
                 SMTP_REPLY_LINE_TOO_LONG, 8);
  data[8 + 4097 - 3] = '\r';
  data[8 + 4097 - 2] = '\n';
  expect_result (LIBERAL, "a second line of 4096 bytes", data, 8 + 4096,
                 SMTP_REPLY_OK, 8 + 4096);
  expect_result (STRICT, "a second line of 4096 bytes", data, 8 + 4096,
                 SMTP_REPLY_LINE_TOO_LONG, 8);
  free (line);
  free (data);

  /* The longest line, and every prefix of it, on its way in.  */
  line = long_line (4096, false, false);
  memcpy (line + 4, "5.7.1 ", 6);
  check_cuts (LIBERAL, "a line of 4096 bytes", line, 4096);
  struct smtp_reply reply;
  char *copy;
  int result = parse_copy (LIBERAL, line, 4096, &reply, &copy);
  struct smtp_reply_line text = line_at (copy, &reply, 0);
  tap_ok (result == SMTP_REPLY_OK && reply.has_enhanced
          && text.offset == 10 && text.length == 4084,
          "a line of 4096 bytes: its enhanced code and text");
  free (copy);
  free (line);
}

static void
test_line_limit (void)
{
  char data[70 * 8];
  size_t size = 0;
  for (int i = 0; i < 64; i++)
    size += (size_t) sprintf (data + size, "250-%02d\r\n", i);
  size_t last = size;
  size += (size_t) sprintf (data + size, "250 64\r\n");
  expect_result (BOTH, "65 lines", data, size, SMTP_REPLY_TOO_MANY_LINES,
                 last);
  data[last - 8 + 3] = ' ';
  expect_result (BOTH, "64 lines", data, last, SMTP_REPLY_OK, last);
  /* Codes that change do not reset the count.  */
  data[last - 8 + 2] = '1';
  expect_result (LIBERAL, "64 lines, the last with another code", data, last,
                 SMTP_REPLY_OK, last);
  data[last - 8 + 3] = '-';
  data[size - 8 + 2] = '2';
  expect_result (LIBERAL, "65 lines of three codes", data, size,
                 SMTP_REPLY_TOO_MANY_LINES, last);
}

static void
expect_text (int modes, const char *what, const char *data, size_t size,
             const char *text, size_t text_length)
{
  for (int mode = LIBERAL; mode <= STRICT; mode <<= 1)
    if (modes & mode)
      {
        struct smtp_reply reply;
        char *copy;
        int result = parse_copy (mode, data, size, &reply, &copy);
        struct smtp_reply_line line = line_at (copy, &reply, 0);
        tap_ok (result == SMTP_REPLY_OK && reply.line_count == 1
                && line.length == text_length
                && memcmp (copy + line.offset, text, text_length) == 0,
                "%s, %s: the text is kept byte for byte", what,
                mode_name (mode));
        free (copy);
      }
}

#define EXPECT_TEXT(what, data, text) \
  expect_text (BOTH, what, data, sizeof data - 1, text, sizeof text - 1)

static void
test_odd_bytes (void)
{
  EXPECT_TEXT ("a NUL", "250 a\0b\r\n", "a\0b");
  EXPECT_TEXT ("a bare CR", "250 a\rb\r\n", "a\rb");
  EXPECT_TEXT ("two CRs before the LF", "250 ab\r\r\n", "ab\r");
  EXPECT_TEXT ("UTF-8 (RFC 6531)", "250 brevl\xc3\xa5" "da ok\r\n",
               "brevl\xc3\xa5" "da ok");
  EXPECT_TEXT ("bytes that are not UTF-8", "250 \xff\xfe\x80\r\n",
               "\xff\xfe\x80");
  EXPECT_TEXT ("a tab and trailing spaces", "250 a\tb  \r\n", "a\tb  ");
  EXPECT_TEXT ("an LF line end", "250 ok\n", "ok");
  EXPECT_TEXT ("a NUL before a code inside", "550 \0" "5.1.1 x\r\n",
               "\0" "5.1.1 x");
  EXPECT (BOTH, "an LF inside ends the line", "250 a\nb\r\n", SMTP_REPLY_OK,
          6);
}

/* The enhanced code REPLY has, as text: "c.s.d", "none" or the error.  */
static void
expect_enhanced (const char *data, const char *strict, const char *liberal)
{
  for (int mode = LIBERAL; mode <= STRICT; mode <<= 1)
    {
      struct smtp_reply reply;
      char *copy;
      int result = parse_copy (mode, data, strlen (data), &reply, &copy);
      char got[32] = "none";
      if (result == SMTP_REPLY_OK && reply.has_enhanced)
        snprintf (got, sizeof got, "%d.%d.%d", reply.enhanced.status_class,
                  reply.enhanced.subject, reply.enhanced.detail);
      else if (result != SMTP_REPLY_OK)
        snprintf (got, sizeof got, "error %d", result);
      tap_is_str (got, mode == STRICT ? strict : liberal,
                  "%s: enhanced code of \"%.*s\"", mode_name (mode),
                  (int) strcspn (data, "\r"), data);
      free (copy);
    }
}

/* RFC 3463 section 2 and RFC 2034 section 4: what counts as an enhanced
   code, strictly and liberally; anything else stays text.  */
static void
test_enhanced_recognition (void)
{
  expect_enhanced ("250 2.1.5 Ok\r\n", "2.1.5", "2.1.5");
  expect_enhanced ("550 5.123.456 x\r\n", "5.123.456", "5.123.456");
  expect_enhanced ("550 5.0.0\r\n", "5.0.0", "5.0.0");
  expect_enhanced ("550 4.1.1 class disagrees\r\n", "none", "4.1.1");
  expect_enhanced ("250 5.1.1 class disagrees\r\n", "none", "5.1.1");
  expect_enhanced ("354 3.0.0 no class 3\r\n", "none", "none");
  expect_enhanced ("354 2.0.0 go ahead\r\n", "none", "2.0.0");
  expect_enhanced ("550 5.01.1 leading zero\r\n", "none", "none");
  expect_enhanced ("550 5.1.01 leading zero\r\n", "none", "none");
  expect_enhanced ("550 05.1.1 leading zero\r\n", "none", "none");
  expect_enhanced ("550 5.1000.1 four digits\r\n", "none", "none");
  expect_enhanced ("550 5.1.1000 four digits\r\n", "none", "none");
  expect_enhanced ("550 5.1.1x not followed by a space\r\n", "none", "none");
  expect_enhanced ("550 5.1.1.2 four parts\r\n", "none", "none");
  expect_enhanced ("550 5.1 two parts\r\n", "none", "none");
  expect_enhanced ("550 5..1 empty part\r\n", "none", "none");
  expect_enhanced ("550  5.1.1 two spaces\r\n", "none", "5.1.1");
  expect_enhanced ("550 v5.1.1\r\n", "none", "none");
  expect_enhanced ("550-5.1.1 a\r\n550 5.1.2 b\r\n", "none", "5.1.1");
  expect_enhanced ("550-5.1.1 a\r\n550 b\r\n", "none", "5.1.1");
  expect_enhanced ("550-a\r\n550 5.1.1 b\r\n", "none", "5.1.1");
  expect_enhanced ("550-5.1.1 a\r\n550 5.1.1 b\r\n", "5.1.1", "5.1.1");

  /* The other forms, at the start of the text and inside it.  */
  expect_enhanced ("550 #5.1.1 x\r\n", "none", "5.1.1");
  expect_enhanced ("550 (#5.1.1) x\r\n", "none", "5.1.1");
  expect_enhanced ("550 #5.1.1) x\r\n", "none", "5.1.1");
  expect_enhanced ("550 #5.1.1: x\r\n", "none", "5.1.1");
  expect_enhanced ("550 (5.1.1) x\r\n", "none", "5.1.1");
  expect_enhanced ("550 (#5.1.1 x\r\n", "none", "5.1.1");
  expect_enhanced ("550 x (#5.1.1)\r\n", "none", "5.1.1");
  expect_enhanced ("550 x #5.1.1\r\n", "none", "5.1.1");
  expect_enhanced ("550 x: 5.1.1, y\r\n", "none", "5.1.1");
  expect_enhanced ("550 x 5.1.1\r\n", "none", "5.1.1");
  expect_enhanced ("550 x 5.7.606-649 y\r\n", "none", "5.7.606");
  expect_enhanced ("550 x\t5.1.1\ty\r\n", "none", "5.1.1");
  expect_enhanced ("550 x/5.1.1/y\r\n", "none", "5.1.1");

  /* Near misses: numbers that are no enhanced codes.  */
  expect_enhanced ("550 Connection from 192.0.2.1 refused\r\n", "none",
                   "none");
  expect_enhanced ("550 [192.0.2.45] listed\r\n", "none", "none");
  expect_enhanced ("550 blocked: 203.0.113.5\r\n", "none", "none");
  expect_enhanced ("550 2.0.2.1 four parts\r\n", "none", "none");
  expect_enhanced ("550 host 10.5.1.1 refused\r\n", "none", "none");
  expect_enhanced ("550 host 5.1.1.9 refused\r\n", "none", "none");
  expect_enhanced ("550 version 1.2.3\r\n", "none", "none");
  expect_enhanced ("550 version 1.2.3.4\r\n", "none", "none");
  expect_enhanced ("550 x 5.1.1.1 y\r\n", "none", "none");
  expect_enhanced ("550 x x5.1.1 y\r\n", "none", "none");
  expect_enhanced ("550 x x#5.1.1 y\r\n", "none", "none");
  expect_enhanced ("550 x a(#5.1.1) y\r\n", "none", "none");
  expect_enhanced ("550 x 5.1.1x y\r\n", "none", "none");
  expect_enhanced ("550 x 5.01.1 y\r\n", "none", "none");
  expect_enhanced ("550 x 5.1.01 y\r\n", "none", "none");
  expect_enhanced ("550 x 3.1.1 y\r\n", "none", "none");
  expect_enhanced ("550 x 6.1.1 y\r\n", "none", "none");
  expect_enhanced ("550 x 5.1.1234 y\r\n", "none", "none");
  expect_enhanced ("550 x 5.1234.1 y\r\n", "none", "none");
  expect_enhanced ("550 end of a sentence: 5.1.1.\r\n", "none", "none");
  expect_enhanced ("550 on 25.11.2026\r\n", "none", "none");
  expect_enhanced ("550 on 2026.11.25\r\n", "none", "none");
  expect_enhanced ("550 on 5.11.2026\r\n", "none", "none");
  expect_enhanced ("550 x 25.1.1 y\r\n", "none", "none");
  expect_enhanced ("550 x 5.1.\r\n", "none", "none");
  expect_enhanced ("550 x 5.1\r\n", "none", "none");
  /* A near miss does not hide a code after it.  */
  expect_enhanced ("550 from 192.0.2.1: 5.7.1 refused\r\n", "none",
                   "5.7.1");
  expect_enhanced ("550 x5.1.1 then 5.1.2\r\n", "none", "5.1.2");

  /* Where the lines do not agree, their text is left whole.  */
  struct smtp_reply reply;
  char *copy;
  static const char mixed[] = "550-5.1.1 a\r\n550 5.1.2 b\r\n";
  parse_copy (STRICT, mixed, sizeof mixed - 1, &reply, &copy);
  struct smtp_reply_line first = line_at (copy, &reply, 0);
  tap_ok (first.length == 7 && memcmp (copy + first.offset, "5.1.1 a", 7) == 0,
          "strict: mixed enhanced codes stay in the text");
  free (copy);
}

/* The liberal samples, as the strict parser reads them: refused where
   they break its rules, and otherwise without the codes it does not
   look for.  */
static void
test_strict_reading (void)
{
  static const struct { const char *data; int result; const char *enhanced; }
  cases[] =
  {
    { "550 5.7.509 " M365_TEXT "\r\n", SMTP_REPLY_LINE_TOO_LONG, NULL },
    { "550-first\r\n451 second\r\n", SMTP_REPLY_CODE_MISMATCH, NULL },
    { "550 #5.1.1 unknown user\r\n", SMTP_REPLY_OK, NULL },
    { "503 MAIL first (#5.5.1)\r\n", SMTP_REPLY_OK, NULL },
    { "554 4.4.7 Message expired\r\n", SMTP_REPLY_OK, NULL },
    { "550-5.7.1 a\r\n550 b\r\n", SMTP_REPLY_OK, NULL },
    { "550-5.7.1 a\r\n550 5.7.1 b\r\n", SMTP_REPLY_OK, "5.7.1" },
  };
  for (size_t i = 0; i < LENGTH (cases); i++)
    {
      struct smtp_reply reply;
      char *copy;
      size_t size = strlen (cases[i].data);
      int result = parse_copy (STRICT, cases[i].data, size, &reply, &copy);
      char got[32] = "none";
      if (result == SMTP_REPLY_OK && reply.has_enhanced)
        snprintf (got, sizeof got, "%d.%d.%d", reply.enhanced.status_class,
                  reply.enhanced.subject, reply.enhanced.detail);
      tap_ok (result == cases[i].result
              && strcmp (got, cases[i].enhanced != NULL ? cases[i].enhanced
                                                        : "none") == 0,
              "strict: \"%.*s\" gives %d, enhanced %s",
              (int) (strcspn (cases[i].data, "\r") < 40
                     ? strcspn (cases[i].data, "\r") : 40),
              cases[i].data, result,
              got);
      free (copy);
    }

  /* Long enough to break the strict limit, short enough for the
     liberal one, as Microsoft 365's diagnostics are.  */
  size_t m365 = strlen ("550 5.7.509 " M365_TEXT "\r\n");
  tap_is_int ((long) m365, 716, "the Microsoft 365 line has 716 bytes");

  /* The outcome follows the basic code, whatever the enhanced class.  */
  struct smtp_reply reply;
  static const char expired[] = "554 4.4.7 Message expired\r\n";
  smtp_reply_parse (expired, sizeof expired - 1, &reply);
  tap_is_int (smtp_reply_outcome (&reply), SMTP_OUTCOME_PERMANENT,
              "554 4.4.7: permanent, as the basic code says");
  tap_is_int (smtp_reply_should_retry (&reply), 0, "554 4.4.7: no retry");
  static const char later[] = "450 try later: 5.2.2 x\r\n";
  smtp_reply_parse (later, sizeof later - 1, &reply);
  tap_is_int (smtp_reply_should_retry (&reply), 1, "450 with 5.2.2: retry");
}

/* Several replies in one buffer, as a pipelining client reads them.  */
static void
check_pipelining (int mode, const char *stream, size_t size,
                  const int *codes, size_t count_wanted)
{
  char *copy = malloc (size);
  memcpy (copy, stream, size);
  size_t at = 0, count = 0;
  struct smtp_reply reply;
  unsigned flags = mode == STRICT ? SMTP_REPLY_STRICT : SMTP_REPLY_LIBERAL;
  while (at < size
         && smtp_reply_parse_flags (copy + at, size - at, flags, &reply)
            == SMTP_REPLY_OK)
    {
      if (count < count_wanted)
        tap_is_int (reply.code, codes[count], "%s: pipelined reply %zu",
                    mode_name (mode), count + 1);
      count++;
      at += reply.size;
    }
  tap_is_int ((long) count, (long) count_wanted, "%s: %zu replies found one "
              "after another", mode_name (mode), count_wanted);
  tap_is_int ((long) at, (long) size, "%s: and every byte used",
              mode_name (mode));
  free (copy);
}

static void
test_pipelining (void)
{
  static const char stream[] =
    "250 2.1.0 Ok\r\n"
    "250-2.1.5 Ok\r\n250 2.1.5 still Ok\r\n"
    "354 End data with <CR><LF>.<CR><LF>\r\n"
    "250 2.0.0 Ok: queued as 4ABC\r\n";
  static const int codes[] = { 250, 250, 354, 250 };
  check_pipelining (STRICT, stream, sizeof stream - 1, codes, 4);
  check_pipelining (LIBERAL, stream, sizeof stream - 1, codes, 4);
  static const char changing[] =
    "250 2.1.0 Ok\r\n"
    "550-5.1.1 no such user\r\n451 4.3.0 try later\r\n"
    "503 MAIL first (#5.5.1)\r\n";
  static const int changing_codes[] = { 250, 451, 503 };
  check_pipelining (LIBERAL, changing, sizeof changing - 1, changing_codes,
                    3);
}

int
main (void)
{
  for (size_t i = 0; i < LENGTH (samples); i++)
    for (int mode = LIBERAL; mode <= STRICT; mode <<= 1)
      {
        check_sample (mode, &samples[i]);
        check_every_cut (mode, &samples[i]);
      }
  for (size_t i = 0; i < LENGTH (liberal_samples); i++)
    {
      check_sample (LIBERAL, &liberal_samples[i]);
      check_every_cut (LIBERAL, &liberal_samples[i]);
    }
  test_errors ();
  test_line_lengths ();
  test_line_limit ();
  test_odd_bytes ();
  test_enhanced_recognition ();
  test_strict_reading ();
  test_pipelining ();
  return tap_done ();
}

/* test-reply.c: the reply parser on real-format replies, on every error
   it reports, on input cut at every byte and on odd bytes in the text.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Every parse runs on a heap copy of exactly the bytes given, so a read
   past the end shows under valgrind or AddressSanitizer.  The samples are
   our own, written in the formats these servers use.  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpstatus.h"
#include "tap.h"

#define LENGTH(array) (sizeof (array) / sizeof (array)[0])

/* Parses the first SIZE bytes of DATA from a buffer of exactly SIZE
   bytes; *COPY gets the buffer, for the line offsets to point into.  */
static int
parse_copy (const char *data, size_t size, struct smtp_reply *reply,
            char **copy)
{
  *copy = malloc (size > 0 ? size : 1);
  if (*copy == NULL)
    tap_bail_out ("out of memory");
  memcpy (*copy, data, size);
  return smtp_reply_parse (size > 0 ? *copy : NULL, size, reply);
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

static void
check_sample (const struct sample *s)
{
  struct smtp_reply reply;
  char *copy;
  size_t size = strlen (s->data);
  int result = parse_copy (s->data, size, &reply, &copy);
  tap_is_int (result, SMTP_REPLY_OK, "%s: parses", s->server);
  tap_is_int (reply.code, s->code, "%s: code", s->server);
  tap_is_int ((long) reply.size, (long) size, "%s: takes every byte",
              s->server);
  char enhanced[32] = "none";
  if (reply.has_enhanced)
    snprintf (enhanced, sizeof enhanced, "%d.%d.%d",
              reply.enhanced.status_class, reply.enhanced.subject,
              reply.enhanced.detail);
  tap_is_str (enhanced, s->enhanced != NULL ? s->enhanced : "none",
              "%s: enhanced code", s->server);
  size_t lines = 0;
  while (lines < LENGTH (s->lines) && s->lines[lines] != NULL)
    lines++;
  tap_is_int ((long) reply.line_count, (long) lines, "%s: lines",
              s->server);
  tap_is_int ((long) lines_walked (copy, &reply), (long) lines,
              "%s: lines walked", s->server);
  for (size_t i = 0; i < lines && i < reply.line_count; i++)
    {
      char text[600];
      struct smtp_reply_line line = line_at (copy, &reply, i);
      size_t n = line.length < sizeof text - 1 ? line.length
                                               : sizeof text - 1;
      memcpy (text, copy + line.offset, n);
      text[n] = '\0';
      tap_is_str (text, s->lines[i], "%s: text of line %zu", s->server,
                  i + 1);
    }
  free (copy);
}

/* Every proper prefix of a valid reply is incomplete, never an error:
   a client reading a socket must be told to wait, not to give up.  */
static void
check_every_cut (const struct sample *s)
{
  size_t size = strlen (s->data);
  size_t wrong = 0;
  for (size_t cut = 0; cut < size; cut++)
    {
      struct smtp_reply reply;
      char *copy;
      int result = parse_copy (s->data, cut, &reply, &copy);
      if (result != SMTP_REPLY_INCOMPLETE && wrong++ == 0)
        printf ("# cut at %zu gave %d\n", cut, result);
      free (copy);
    }
  tap_is_int ((long) wrong, 0, "%s: incomplete when cut at each of %zu "
              "bytes", s->server, size);
}

static void
expect_result (const char *what, const char *data, size_t size, int wanted,
               size_t wanted_offset)
{
  struct smtp_reply reply;
  char *copy;
  int result = parse_copy (data, size, &reply, &copy);
  tap_is_int (result, wanted, "%s: result", what);
  tap_is_int ((long) reply.size, (long) wanted_offset, "%s: offset", what);
  free (copy);
}

#define EXPECT(what, data, wanted, offset) \
  expect_result (what, data, sizeof data - 1, wanted, offset)

static void
test_errors (void)
{
  EXPECT ("empty input", "", SMTP_REPLY_INCOMPLETE, 0);
  EXPECT ("a code alone", "250", SMTP_REPLY_INCOMPLETE, 0);
  EXPECT ("no line end yet", "250 Ok", SMTP_REPLY_INCOMPLETE, 0);
  EXPECT ("a CR but no LF yet", "250 Ok\r", SMTP_REPLY_INCOMPLETE, 0);
  EXPECT ("a continuation with nothing after it", "250-a\r\n",
          SMTP_REPLY_INCOMPLETE, 7);
  EXPECT ("a continuation and half a code", "250-a\r\n25",
          SMTP_REPLY_INCOMPLETE, 7);

  EXPECT ("a letter in the code", "2x0 Ok\r\n", SMTP_REPLY_BAD_CODE, 0);
  EXPECT ("a first digit of 1", "199 Ok\r\n", SMTP_REPLY_BAD_CODE, 0);
  EXPECT ("a first digit of 6", "600 Ok\r\n", SMTP_REPLY_BAD_CODE, 0);
  EXPECT ("a bad first byte is seen at once", "x", SMTP_REPLY_BAD_CODE, 0);
  EXPECT ("a four-digit code", "2500 Ok\r\n", SMTP_REPLY_BAD_CODE, 0);
  EXPECT ("a tab after the code", "250\tOk\r\n", SMTP_REPLY_BAD_CODE, 0);
  EXPECT ("a CR not followed by LF after the code", "250\rOk\r\n",
          SMTP_REPLY_BAD_CODE, 0);
  EXPECT ("an empty line", "\r\n", SMTP_REPLY_BAD_CODE, 0);
  EXPECT ("leading space", " 250 Ok\r\n", SMTP_REPLY_BAD_CODE, 0);
  EXPECT ("a bad second line", "250-a\r\nxyz\r\n", SMTP_REPLY_BAD_CODE, 7);

  EXPECT ("codes that disagree", "250-a\r\n251 b\r\n",
          SMTP_REPLY_CODE_MISMATCH, 7);
  EXPECT ("a disagreement is seen as soon as the code is there",
          "250-a\r\n251", SMTP_REPLY_CODE_MISMATCH, 7);
  EXPECT ("a third line that disagrees", "550-a\r\n550-b\r\n450 c\r\n",
          SMTP_REPLY_CODE_MISMATCH, 14);

  /* RFC 5321 4.5.3.1.5: 512 octets including the CRLF.  */
  char line[600];
  memset (line, 'a', sizeof line);
  memcpy (line, "250 ", 4);
  memcpy (line + 510, "\r\n", 2);
  expect_result ("a line of exactly 512 bytes", line, 512, SMTP_REPLY_OK,
                 512);
  line[510] = 'a';
  memcpy (line + 511, "\r\n", 2);
  expect_result ("a line of 513 bytes", line, 513, SMTP_REPLY_LINE_TOO_LONG,
                 0);
  line[510] = '\n';
  expect_result ("510 bytes and a bare LF", line, 511, SMTP_REPLY_OK, 511);
  line[510] = 'a';
  line[511] = '\n';
  expect_result ("511 bytes and a bare LF", line, 512,
                 SMTP_REPLY_LINE_TOO_LONG, 0);
  memset (line + 4, 'a', sizeof line - 4);
  expect_result ("512 bytes and no line end yet", line, 512,
                 SMTP_REPLY_LINE_TOO_LONG, 0);
  expect_result ("511 bytes and no line end yet", line, 511,
                 SMTP_REPLY_INCOMPLETE, 0);
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
  expect_result ("65 lines", data, size, SMTP_REPLY_TOO_MANY_LINES, last);
  data[last - 8 + 3] = ' ';
  expect_result ("64 lines", data, last, SMTP_REPLY_OK, last);
}

static void
expect_text (const char *what, const char *data, size_t size,
             const char *text, size_t text_length)
{
  struct smtp_reply reply;
  char *copy;
  int result = parse_copy (data, size, &reply, &copy);
  struct smtp_reply_line line = line_at (copy, &reply, 0);
  tap_ok (result == SMTP_REPLY_OK && reply.line_count == 1
          && line.length == text_length
          && memcmp (copy + line.offset, text, text_length) == 0,
          "%s: the text is kept byte for byte", what);
  free (copy);
}

#define EXPECT_TEXT(what, data, text) \
  expect_text (what, data, sizeof data - 1, text, sizeof text - 1)

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
  EXPECT ("an LF inside ends the line", "250 a\nb\r\n", SMTP_REPLY_OK, 6);
}

static void
expect_enhanced (const char *data, const char *wanted)
{
  struct smtp_reply reply;
  char *copy;
  int result = parse_copy (data, strlen (data), &reply, &copy);
  char got[32] = "none";
  if (result == SMTP_REPLY_OK && reply.has_enhanced)
    snprintf (got, sizeof got, "%d.%d.%d", reply.enhanced.status_class,
              reply.enhanced.subject, reply.enhanced.detail);
  else if (result != SMTP_REPLY_OK)
    snprintf (got, sizeof got, "error %d", result);
  tap_is_str (got, wanted, "enhanced code of \"%.*s\"",
              (int) strcspn (data, "\r"), data);
  free (copy);
}

/* RFC 3463 section 2 and RFC 2034 section 4: what counts as an enhanced
   code; anything else stays text.  */
static void
test_enhanced_recognition (void)
{
  expect_enhanced ("250 2.1.5 Ok\r\n", "2.1.5");
  expect_enhanced ("550 5.123.456 x\r\n", "5.123.456");
  expect_enhanced ("550 5.0.0\r\n", "5.0.0");
  expect_enhanced ("550 4.1.1 class disagrees\r\n", "none");
  expect_enhanced ("250 5.1.1 class disagrees\r\n", "none");
  expect_enhanced ("354 3.0.0 no class 3\r\n", "none");
  expect_enhanced ("550 5.01.1 leading zero\r\n", "none");
  expect_enhanced ("550 5.1.01 leading zero\r\n", "none");
  expect_enhanced ("550 5.1000.1 four digits\r\n", "none");
  expect_enhanced ("550 5.1.1000 four digits\r\n", "none");
  expect_enhanced ("550 5.1.1x not followed by a space\r\n", "none");
  expect_enhanced ("550 5.1.1.2 four parts\r\n", "none");
  expect_enhanced ("550 5.1 two parts\r\n", "none");
  expect_enhanced ("550 5..1 empty part\r\n", "none");
  expect_enhanced ("550  5.1.1 two spaces\r\n", "none");
  expect_enhanced ("550 v5.1.1\r\n", "none");
  expect_enhanced ("550-5.1.1 a\r\n550 5.1.2 b\r\n", "none");
  expect_enhanced ("550-5.1.1 a\r\n550 b\r\n", "none");
  expect_enhanced ("550-a\r\n550 5.1.1 b\r\n", "none");
  expect_enhanced ("550-5.1.1 a\r\n550 5.1.1 b\r\n", "5.1.1");

  /* Where the lines do not agree, their text is left whole.  */
  struct smtp_reply reply;
  char *copy;
  static const char mixed[] = "550-5.1.1 a\r\n550 5.1.2 b\r\n";
  parse_copy (mixed, sizeof mixed - 1, &reply, &copy);
  struct smtp_reply_line first = line_at (copy, &reply, 0);
  tap_ok (first.length == 7 && memcmp (copy + first.offset, "5.1.1 a", 7) == 0,
          "mixed enhanced codes stay in the text");
  free (copy);
}

/* Several replies in one buffer, as a pipelining client reads them.  */
static void
test_pipelining (void)
{
  static const char stream[] =
    "250 2.1.0 Ok\r\n"
    "250-2.1.5 Ok\r\n250 2.1.5 still Ok\r\n"
    "354 End data with <CR><LF>.<CR><LF>\r\n"
    "250 2.0.0 Ok: queued as 4ABC\r\n";
  static const int codes[] = { 250, 250, 354, 250 };
  char *copy = malloc (sizeof stream - 1);
  memcpy (copy, stream, sizeof stream - 1);
  size_t at = 0, count = 0;
  struct smtp_reply reply;
  while (at < sizeof stream - 1
         && smtp_reply_parse (copy + at, sizeof stream - 1 - at, &reply)
            == SMTP_REPLY_OK)
    {
      if (count < LENGTH (codes))
        tap_is_int (reply.code, codes[count], "pipelined reply %zu", count + 1);
      count++;
      at += reply.size;
    }
  tap_is_int ((long) count, 4, "four replies found one after another");
  tap_is_int ((long) at, (long) sizeof stream - 1, "and every byte used");
  free (copy);
}

int
main (void)
{
  for (size_t i = 0; i < LENGTH (samples); i++)
    {
      check_sample (&samples[i]);
      check_every_cut (&samples[i]);
    }
  test_errors ();
  test_line_limit ();
  test_odd_bytes ();
  test_enhanced_recognition ();
  test_pipelining ();
  return tap_done ();
}

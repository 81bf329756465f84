/* reply.c: parsing one SMTP reply, single- or multi-line.
   SPDX-License-Identifier: LGPL-2.1-or-later

   RFC 5321 section 4.2: every line is a three-digit code, then "-" if
   more lines follow, or a space or nothing on the last, then text, then
   CRLF.  The parser also takes a bare LF, reads nothing past the size it
   is given, needs no NUL and allocates nothing, so that a client can run
   it on whatever its socket has delivered so far.  */

#include <config.h>

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "smtpstatus.h"
#include "enhanced.h"

/* One line as scan_line finds it; offsets are from the line's start.  */
struct line
{
  int code;
  bool last;            /* no "-" after the code */
  size_t text_start;
  size_t text_length;
  size_t size;          /* with the line end */
};

static bool
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Reads the line at the start of the SIZE bytes at S, whose code must
   be EXPECTED unless that is 0.  */
static int
scan_line (const char *s, size_t size, int expected, struct line *line)
{
  /* The code: three digits, the first 2 to 5 (RFC 5321 4.2: Reply-code).
     A byte that cannot belong to one is an error as soon as it is seen;
     a short but so far valid line is merely incomplete.  */
  for (size_t i = 0; i < 3; i++)
    {
      if (i == size)
        return SMTP_REPLY_INCOMPLETE;
      if (!is_digit (s[i]) || (i == 0 && (s[0] < '2' || s[0] > '5')))
        return SMTP_REPLY_BAD_CODE;
    }
  int code = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
  if (expected != 0 && code != expected)
    return SMTP_REPLY_CODE_MISMATCH;
  if (size == 3)
    return SMTP_REPLY_INCOMPLETE;
  char separator = s[3];
  if (separator != ' ' && separator != '-' && separator != '\r'
      && separator != '\n')
    return SMTP_REPLY_BAD_CODE;
  if (separator == '\r' && size > 4 && s[4] != '\n')
    return SMTP_REPLY_BAD_CODE;

  /* The line end: LF, with a CR before it taken as part of it.  The line
     may hold SMTP_REPLY_MAX_LINE bytes counting its end as CRLF, so the
     LF of a valid line is among the first SMTP_REPLY_MAX_LINE bytes.  */
  size_t window = size < SMTP_REPLY_MAX_LINE ? size : SMTP_REPLY_MAX_LINE;
  const char *lf = memchr (s + 3, '\n', window - 3);
  if (lf == NULL)
    return size >= SMTP_REPLY_MAX_LINE ? SMTP_REPLY_LINE_TOO_LONG
                                       : SMTP_REPLY_INCOMPLETE;
  size_t content = (size_t) (lf - s);
  if (content > 3 && lf[-1] == '\r')
    content--;
  if (content + 2 > SMTP_REPLY_MAX_LINE)
    return SMTP_REPLY_LINE_TOO_LONG;

  line->code = code;
  line->last = separator != '-';
  line->text_start = content > 3 ? 4 : 3;
  line->text_length = content - line->text_start;
  line->size = (size_t) (lf - s) + 1;
  return SMTP_REPLY_OK;
}

/* Sets the reply's enhanced code if every line starts with the same one,
   of the reply's class (RFC 2034 section 4), and takes it, with the space
   after it, off every line's text.  */
static void
find_enhanced (const char *buffer, struct smtp_reply *reply)
{
  struct smtp_enhanced_status first = { 0, 0, 0 };
  size_t lengths[SMTP_REPLY_MAX_LINES];
  for (size_t i = 0; i < reply->line_count; i++)
    {
      struct smtp_enhanced_status status;
      const struct smtp_reply_line *l = &reply->lines[i];
      lengths[i] = smtpstatus_enhanced_prefix (buffer + l->offset, l->length,
                                               &status);
      if (lengths[i] == 0 || status.status_class != reply->code / 100)
        return;
      if (i == 0)
        first = status;
      else if (status.subject != first.subject
               || status.detail != first.detail)
        return;
    }
  reply->has_enhanced = 1;
  reply->enhanced = first;
  for (size_t i = 0; i < reply->line_count; i++)
    {
      struct smtp_reply_line *l = &reply->lines[i];
      size_t skip = lengths[i] < l->length ? lengths[i] + 1 : lengths[i];
      l->offset += skip;
      l->length -= skip;
    }
}

int
smtp_reply_parse (const char *buffer, size_t size, struct smtp_reply *reply)
{
  reply->code = 0;
  reply->has_enhanced = 0;
  reply->enhanced = (struct smtp_enhanced_status) { 0, 0, 0 };
  reply->size = 0;
  reply->line_count = 0;

  size_t start = 0;
  for (;;)
    {
      struct line line;
      int result = start == size ? SMTP_REPLY_INCOMPLETE
                   : scan_line (buffer + start, size - start, reply->code,
                                &line);
      if (result == SMTP_REPLY_OK && reply->line_count == SMTP_REPLY_MAX_LINES)
        result = SMTP_REPLY_TOO_MANY_LINES;
      if (result != SMTP_REPLY_OK)
        {
          reply->size = start;
          return result;
        }
      reply->code = line.code;
      reply->lines[reply->line_count++] = (struct smtp_reply_line)
        { start + line.text_start, line.text_length };
      start += line.size;
      if (line.last)
        break;
    }
  reply->size = start;
  find_enhanced (buffer, reply);
  return SMTP_REPLY_OK;
}

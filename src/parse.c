/* parse.c: reading enhanced status codes and SMTP replies from text.
   SPDX-License-Identifier: LGPL-2.1-or-later

   RFC 5321 section 4.2: every line of a reply is a three-digit code, then
   "-" if more lines follow, or a space or nothing on the last, then text,
   then CRLF.  The parser also takes a bare LF, reads nothing past the
   size it is given, needs no NUL and allocates nothing, so that a client
   can run it on whatever its socket has delivered so far.  */

#include <config.h>

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "smtpstatus.h"

/* Reads one to three digits, not starting with a 0 unless the 0 stands
   alone, from P (before END); returns where they stop, or NULL.  */
static const char *
read_subcode (const char *p, const char *end, int *value)
{
  int n = 0;
  const char *start = p;
  while (p < end && *p >= '0' && *p <= '9')
    {
      if (p - start == 3)
        return NULL;
      n = n * 10 + (*p++ - '0');
    }
  if (p == start || (p - start > 1 && *start == '0'))
    return NULL;
  *value = n;
  return p;
}

/* Reads the enhanced status code at TEXT (before END), by RFC 3463
   section 2: class "." subject "." detail, the class 2, 4 or 5, subject
   and detail one to three digits without leading zeros.  Returns where
   it stops, or NULL if TEXT does not start with one; fills *STATUS.  */
static const char *
read_enhanced (const char *text, const char *end,
               struct smtp_enhanced_status *status)
{
  if (end - text < 5 || (text[0] != '2' && text[0] != '4' && text[0] != '5')
      || text[1] != '.')
    return NULL;
  int subject, detail;
  const char *p = read_subcode (text + 2, end, &subject);
  if (p == NULL || p == end || *p != '.')
    return NULL;
  p = read_subcode (p + 1, end, &detail);
  if (p == NULL)
    return NULL;
  status->status_class = text[0] - '0';
  status->subject = subject;
  status->detail = detail;
  return p;
}

int
smtp_enhanced_parse (const char *text, size_t length,
                     struct smtp_enhanced_status *status)
{
  /* The shortest code is "2.0.0"; a NULL TEXT has LENGTH 0.  */
  if (length < 5)
    return -1;
  struct smtp_enhanced_status found;
  if (read_enhanced (text, text + length, &found) != text + length)
    return -1;
  *status = found;
  return 0;
}

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
  if (size < 4)
    {
      for (size_t i = 0; i < size; i++)
        if (!is_digit (s[i]) || (i == 0 && (s[0] < '2' || s[0] > '5')))
          return SMTP_REPLY_BAD_CODE;
      if (size < 3)
        return SMTP_REPLY_INCOMPLETE;
    }
  else if ((unsigned char) (s[0] - '2') > 3 || (unsigned char) (s[1] - '0') > 9
           || (unsigned char) (s[2] - '0') > 9)
    return SMTP_REPLY_BAD_CODE;
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

/* Whether TEXT (LENGTH bytes) starts with the PREFIX_LENGTH bytes at
   PREFIX followed by a space or the end: the same enhanced code as the
   first line's.  */
static bool
same_prefix (const char *text, size_t length, const char *prefix,
             size_t prefix_length)
{
  return length >= prefix_length
         && (length == prefix_length || text[prefix_length] == ' ')
         && memcmp (text, prefix, prefix_length) == 0;
}

enum smtp_reply_result
smtp_reply_parse (const char *buffer, size_t size, struct smtp_reply *reply)
{
  *reply = (struct smtp_reply) { .code = 0 };

  /* The enhanced code every line so far starts with, as the length of
     the first line's; 0 once a line has none or another (RFC 2034
     section 4: it must be on every line, and of the reply's class).  */
  size_t prefix = 0;
  const char *first_text = NULL;
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
      const char *text = buffer + start + line.text_start;
      if (reply->line_count == 0)
        {
          reply->code = line.code;
          first_text = text;
          /* An enhanced code ends in a space or with the text.  */
          const char *end = text + line.text_length;
          const char *stop = read_enhanced (text, end, &reply->enhanced);
          prefix = stop != NULL && (stop == end || *stop == ' ')
                   && reply->enhanced.status_class == line.code / 100
                   ? (size_t) (stop - text) : 0;
        }
      else if (prefix != 0
               && !same_prefix (text, line.text_length, first_text, prefix))
        prefix = 0;
      reply->line_count++;
      start += line.size;
      if (line.last)
        break;
    }
  reply->size = start;

  if (prefix == 0)
    reply->enhanced = (struct smtp_enhanced_status) { 0, 0, 0 };
  else
    reply->has_enhanced = 1;
  return SMTP_REPLY_OK;
}

/* The number of digits of N, 0 to 999.  */
static size_t
digits (int n)
{
  return n >= 100 ? 3 : n >= 10 ? 2 : 1;
}

int
smtp_reply_next_line (const char *buffer, const struct smtp_reply *reply,
                      size_t *cursor, struct smtp_reply_line *line)
{
  size_t start = *cursor;
  if (start >= reply->size)
    return 0;
  /* smtp_reply_parse has checked every line through REPLY->size, so each
     has its code and ends in a LF before it.  */
  const char *lf = memchr (buffer + start, '\n', reply->size - start);
  size_t end = (size_t) (lf - buffer);
  if (end > start + 3 && buffer[end - 1] == '\r')
    end--;
  size_t text = end > start + 3 ? start + 4 : start + 3;
  if (reply->has_enhanced)
    {
      /* Every line starts with the same code, written without leading
         zeros: "5.1.1", then a space unless the text ends there.  */
      const struct smtp_enhanced_status *e = &reply->enhanced;
      size_t prefix = 3 + digits (e->subject) + digits (e->detail);
      text += end - text > prefix ? prefix + 1 : prefix;
    }
  *line = (struct smtp_reply_line) { text, end - text };
  *cursor = (size_t) (lf - buffer) + 1;
  return 1;
}

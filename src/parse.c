/* parse.c: reading enhanced status codes and SMTP replies from text.
   SPDX-License-Identifier: LGPL-2.1-or-later

   RFC 5321 section 4.2: every line of a reply is a three-digit code, then
   "-" if more lines follow, or a space or nothing on the last, then text,
   then CRLF.  The parser also takes a bare LF, reads nothing past the
   size it is given, needs no NUL and allocates nothing, so that a client
   can run it on whatever its socket has delivered so far.

   It reads a reply one of two ways (smtpstatus.h has the rules): strict,
   as RFC 5321 and RFC 2034 have it, or liberal, as servers send it, with
   longer lines, a code that changes in mid-reply and enhanced codes
   written in other places and forms.  Both take the same lines; the
   liberal one only refuses less.  */

#include <config.h>

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "smtpstatus.h"
#include "ascii.h"

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

/* Reads the line at the start of the SIZE bytes at S, of at most
   MAX_LINE bytes counting its end as CRLF, whose code must be EXPECTED
   unless that is 0.  */
static int
scan_line (const char *s, size_t size, size_t max_line, int expected,
           struct line *line)
{
  /* The code: three digits, the first 2 to 5 (RFC 5321 4.2: Reply-code).
     A byte that cannot belong to one is an error as soon as it is seen;
     a short but so far valid line is merely incomplete.  */
  if (size < 4)
    {
      for (size_t i = 0; i < size; i++)
        if (!ascii_is_digit (s[i]) || (i == 0 && (s[0] < '2' || s[0] > '5')))
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
     may hold MAX_LINE bytes counting its end as CRLF, so the LF of a
     valid line is among the first MAX_LINE bytes.  */
  size_t window = size < max_line ? size : max_line;
  const char *lf = memchr (s + 3, '\n', window - 3);
  if (lf == NULL)
    return size >= max_line ? SMTP_REPLY_LINE_TOO_LONG
                            : SMTP_REPLY_INCOMPLETE;
  size_t content = (size_t) (lf - s);
  if (content > 3 && lf[-1] == '\r')
    content--;
  if (content + 2 > max_line)
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

/* Reads the enhanced code a line's text (TEXT, before END) starts with,
   the liberal way: written "5.1.1", "#5.1.1", "#5.1.1)" or "(#5.1.1)",
   then a space or the end of the text.  Returns where the token ends
   (after its ")", before the space), or NULL; fills *STATUS.  Strict
   replies carry the first form only, so this finds their codes too.  */
static const char *
read_leading (const char *text, const char *end,
              struct smtp_enhanced_status *status)
{
  const char *p = text;
  bool paren = p < end && *p == '(';
  p += paren;
  bool hash = p < end && *p == '#';
  if (paren && !hash)
    return NULL;
  p += hash;
  struct smtp_enhanced_status found;
  const char *stop = read_enhanced (p, end, &found);
  if (stop == NULL)
    return NULL;
  if (hash && stop < end && *stop == ')')
    stop++;
  else if (paren)
    return NULL;
  if (stop != end && *stop != ' ')
    return NULL;
  *status = found;
  return stop;
}

/* The enhanced codes found so far of one kind (at the start of a line's
   text, or inside it): the first of each class, and which class came
   first.  */
struct candidates
{
  int first_class;                      /* 0 while none is found */
  bool have[6];                         /* by class: 2, 4 and 5 */
  struct smtp_enhanced_status of_class[6];
};

static void
note_candidate (struct candidates *c, const struct smtp_enhanced_status *s)
{
  int k = s->status_class;
  if (c->have[k])
    return;
  c->have[k] = true;
  c->of_class[k] = *s;
  if (c->first_class == 0)
    c->first_class = k;
}

/* The code to take of C for a reply of class REPLY_CLASS (2 to 5): the
   first of that class, else, if ANY_CLASS, the first of all; false if
   there is none.  */
static bool
choose_candidate (const struct candidates *c, int reply_class,
                  bool any_class, struct smtp_enhanced_status *status)
{
  if (c->have[reply_class])
    *status = c->of_class[reply_class];
  else if (any_class && c->first_class != 0)
    *status = c->of_class[c->first_class];
  else
    return false;
  return true;
}

/* Notes the enhanced codes inside TEXT (before END), the first of each
   class: a code as read_enhanced reads it, also written "#5.1.1" or
   "(#5.1.1)", not preceded by an ASCII letter, a digit or a "." (before
   its "#" or "(#" if it has them) and not followed by a letter, a digit
   or a ".".  So "192.0.2.1", "1.2.3.4", "25.11.2026", "5.1.1.1",
   "x5.1.1" and "5.1.1x" hold none.  */
static void
find_inside (const char *text, const char *end, struct candidates *found)
{
  for (const char *p = text; end - p >= 5; p++)
    {
      if ((*p != '2' && *p != '4' && *p != '5') || p[1] != '.')
        continue;
      const char *start = p;
      if (start > text && start[-1] == '#')
        {
          start--;
          if (start > text && start[-1] == '(')
            start--;
        }
      if (start > text && (ascii_is_alnum (start[-1]) || start[-1] == '.'))
        continue;
      struct smtp_enhanced_status status;
      const char *stop = read_enhanced (p, end, &status);
      if (stop == NULL || (stop < end && (ascii_is_alnum (*stop) || *stop == '.')))
        continue;
      note_candidate (found, &status);
      if (found->have[2] && found->have[4] && found->have[5])
        return;
    }
}

enum smtp_reply_result
smtp_reply_parse_flags (const char *buffer, size_t size, unsigned flags,
                        struct smtp_reply *reply)
{
  *reply = (struct smtp_reply) { .code = 0 };
  bool strict = (flags & SMTP_REPLY_STRICT) != 0;
  size_t max_line = strict ? SMTP_REPLY_MAX_LINE
                           : SMTP_REPLY_MAX_LINE_LIBERAL;

  /* Strict: the enhanced code every line so far starts with, as the
     length of the first line's; 0 once a line has none or another (RFC
     2034 section 4: it must be on every line, and of the reply's
     class).  */
  size_t prefix = 0;
  const char *first_text = NULL;
  /* Liberal: the codes that start a line's text, and those inside the
     text, looked for only while no line has started with one.  */
  struct candidates leading, inside;
  if (!strict)
    leading = inside = (struct candidates) { .first_class = 0 };
  size_t start = 0;
  for (;;)
    {
      struct line line;
      int result = start == size ? SMTP_REPLY_INCOMPLETE
                   : scan_line (buffer + start, size - start, max_line,
                                strict ? reply->code : 0, &line);
      if (result == SMTP_REPLY_OK && reply->line_count == SMTP_REPLY_MAX_LINES)
        result = SMTP_REPLY_TOO_MANY_LINES;
      if (result != SMTP_REPLY_OK)
        {
          reply->size = start;
          return result;
        }
      const char *text = buffer + start + line.text_start;
      const char *end = text + line.text_length;
      if (!strict)
        {
          struct smtp_enhanced_status status;
          if (read_leading (text, end, &status) != NULL)
            note_candidate (&leading, &status);
          else if (leading.first_class == 0)
            find_inside (text, end, &inside);
        }
      else if (reply->line_count == 0)
        {
          first_text = text;
          /* An enhanced code ends in a space or with the text.  */
          const char *stop = read_enhanced (text, end, &reply->enhanced);
          prefix = stop != NULL && (stop == end || *stop == ' ')
                   && reply->enhanced.status_class == line.code / 100
                   ? (size_t) (stop - text) : 0;
        }
      else if (prefix != 0
               && !same_prefix (text, line.text_length, first_text, prefix))
        prefix = 0;
      /* Strict, every line has the same code; liberal, the last line's
         is the reply's, as clients act on it.  */
      reply->code = line.code;
      reply->line_count++;
      start += line.size;
      if (line.last)
        break;
    }
  reply->size = start;

  /* A code of another class than the reply's is taken where a line
     starts with it ("554 4.4.7 Message expired"), the server's own
     choice, but not from inside the text, where "Exim 4.96.1" and
     quoted replies of other servers are more likely than a code.  */
  if (!strict)
    reply->has_enhanced
      = choose_candidate (&leading, reply->code / 100, true,
                          &reply->enhanced)
        || choose_candidate (&inside, reply->code / 100, false,
                             &reply->enhanced);
  else if (prefix == 0)
    reply->enhanced = (struct smtp_enhanced_status) { 0, 0, 0 };
  else
    reply->has_enhanced = 1;
  return SMTP_REPLY_OK;
}

enum smtp_reply_result
smtp_reply_parse (const char *buffer, size_t size, struct smtp_reply *reply)
{
  return smtp_reply_parse_flags (buffer, size, SMTP_REPLY_LIBERAL, reply);
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
  /* The reply's enhanced code where it starts the line's text, in any of
     the forms the liberal parser takes, with the one space after it.  A
     strict reply has it on every line, as "5.1.1"; a code inside the
     text, or another code, stays.  */
  struct smtp_enhanced_status found;
  const char *stop = reply->has_enhanced
                     ? read_leading (buffer + text, buffer + end, &found)
                     : NULL;
  if (stop != NULL && found.status_class == reply->enhanced.status_class
      && found.subject == reply->enhanced.subject
      && found.detail == reply->enhanced.detail)
    {
      text = (size_t) (stop - buffer);
      if (text < end)
        text++;
    }
  *line = (struct smtp_reply_line) { text, end - text };
  *cursor = (size_t) (lf - buffer) + 1;
  return 1;
}

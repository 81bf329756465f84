/* fuzz-reply.c: the reply parser, liberal and strict, on any bytes.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <string.h>

#include "smtpstatus.h"
#include "fuzz-check.h"

/* Walks the lines of REPLY, parsed from BUFFER by a parser whose lines
   are at most MAX_LINE bytes; returns how many there are.  Each must be
   inside the reply, after the one before and inside its own line.  */
static size_t
walk (const char *buffer, const struct smtp_reply *reply, size_t max_line)
{
  size_t cursor = 0, lines = 0, past = 0;
  struct smtp_reply_line line;
  while (smtp_reply_next_line (buffer, reply, &cursor, &line))
    {
      CHECK (line.offset >= past && line.offset <= reply->size
             && line.length <= reply->size - line.offset);
      /* A line is a code, a separator, its text and a line end counted
         as CRLF.  */
      CHECK (line.length + 6 <= max_line);
      CHECK (cursor > line.offset + line.length && cursor <= reply->size);
      past = line.offset + line.length;
      lines++;
    }
  CHECK (cursor == reply->size);
  return lines;
}

/* What smtp_reply_diagnose makes of REPLY: a reason of the enum, one
   that agrees with the outcome, and texts and a sentence for any words,
   the sentence the same cut or whole.  */
static void
check_diagnosis (const char *buffer, const struct smtp_reply *reply)
{
  struct smtp_diagnosis d;
  smtp_reply_diagnose (buffer, reply, &d);
  CHECK (d.reason >= SMTP_REASON_UNKNOWN && d.reason <= SMTP_REASON_PROTOCOL);
  CHECK (d.outcome == smtp_reply_outcome (reply));
  CHECK ((d.reason == SMTP_REASON_NONE)
         == (d.outcome == SMTP_OUTCOME_SUCCESS
             || d.outcome == SMTP_OUTCOME_INTERMEDIATE));
  CHECK (d.retry == (d.outcome == SMTP_OUTCOME_TRANSIENT));
  CHECK (d.fixer >= SMTP_PARTY_NOBODY && d.fixer <= SMTP_PARTY_RECIPIENT);
  CHECK (d.source >= SMTP_SOURCE_CODES && d.source <= SMTP_SOURCE_TEXT);
  CHECK (*smtp_diagnosis_explanation (&d) != '\0');
  CHECK (*smtp_reason_advice (d.reason) != '\0');
  enum smtp_reason back;
  CHECK (smtp_reason_from_name (smtp_reason_name (d.reason), &back) == 0
         && back == d.reason);
  char whole[1024], cut[24];
  size_t length = smtp_diagnosis_sentence (whole, sizeof whole,
                                           SMTP_STEP_RCPT, "bob@example.org",
                                           &d);
  CHECK (length < sizeof whole && strlen (whole) == length);
  CHECK (smtp_diagnosis_sentence (cut, sizeof cut, SMTP_STEP_RCPT,
                                  "bob@example.org", &d) == length);
  CHECK (strlen (cut) == sizeof cut - 1
         && memcmp (cut, whole, sizeof cut - 1) == 0);
}

/* The replies at BUFFER one after another, as a pipelining client reads
   them, parsed as FLAGS says.  */
static void
check_replies (const char *buffer, size_t size, unsigned flags)
{
  size_t max_line = flags == SMTP_REPLY_STRICT ? SMTP_REPLY_MAX_LINE
                                               : SMTP_REPLY_MAX_LINE_LIBERAL;
  size_t at = 0;
  while (at < size)
    {
      struct smtp_reply reply;
      int result = smtp_reply_parse_flags (buffer + at, size - at, flags,
                                           &reply);
      CHECK (result <= SMTP_REPLY_OK && result >= SMTP_REPLY_TOO_MANY_LINES);
      CHECK (flags == SMTP_REPLY_STRICT || result != SMTP_REPLY_CODE_MISMATCH);
      CHECK (reply.size <= size - at);
      CHECK (*smtp_reply_result_description (result) != '\0');
      if (result != SMTP_REPLY_OK)
        break;
      CHECK (reply.size > 0);
      CHECK (reply.code >= 200 && reply.code <= 599);
      CHECK (reply.line_count >= 1 && reply.line_count <= SMTP_REPLY_MAX_LINES);
      CHECK (reply.size <= reply.line_count * max_line);
      /* The iterator walks as many lines as the parser counted.  */
      CHECK (walk (buffer + at, &reply, max_line) == reply.line_count);
      if (reply.has_enhanced)
        CHECK ((reply.enhanced.status_class == 2
                || reply.enhanced.status_class == 4
                || reply.enhanced.status_class == 5)
               && reply.enhanced.subject >= 0 && reply.enhanced.subject <= 999
               && reply.enhanced.detail >= 0 && reply.enhanced.detail <= 999);
      /* Only the liberal parser takes a code of another class.  */
      if (reply.has_enhanced && flags == SMTP_REPLY_STRICT)
        CHECK (reply.enhanced.status_class == reply.code / 100);
      CHECK (*smtp_reply_explain (&reply) != '\0');
      CHECK (*smtp_outcome_description (smtp_reply_outcome (&reply)) != '\0');
      CHECK ((int) smtp_reply_outcome (&reply) == reply.code / 100);
      check_diagnosis (buffer + at, &reply);

      /* A reply is whole in itself: its bytes alone parse the same.  */
      struct smtp_reply again;
      CHECK (smtp_reply_parse_flags (buffer + at, reply.size, flags, &again)
             == SMTP_REPLY_OK);
      CHECK (again.size == reply.size && again.code == reply.code
             && again.line_count == reply.line_count
             && again.has_enhanced == reply.has_enhanced);
      at += reply.size;
    }
}

/* What the strict parser takes, the liberal one takes the same; what it
   finds incomplete or malformed for a reason both share, the liberal
   one too, at the same place.  */
static void
check_modes_agree (const char *buffer, size_t size)
{
  struct smtp_reply strict, liberal;
  int s = smtp_reply_parse_flags (buffer, size, SMTP_REPLY_STRICT, &strict);
  int l = smtp_reply_parse_flags (buffer, size, SMTP_REPLY_LIBERAL, &liberal);
  struct smtp_reply plain;
  CHECK (smtp_reply_parse (buffer, size, &plain) == l
         && plain.size == liberal.size && plain.code == liberal.code
         && plain.has_enhanced == liberal.has_enhanced);
  if (s == SMTP_REPLY_CODE_MISMATCH || s == SMTP_REPLY_LINE_TOO_LONG)
    return;
  CHECK (l == s && liberal.size == strict.size);
  if (s != SMTP_REPLY_OK)
    return;
  CHECK (liberal.code == strict.code
         && liberal.line_count == strict.line_count);
  if (!strict.has_enhanced)
    return;
  CHECK (liberal.has_enhanced
         && liberal.enhanced.status_class == strict.enhanced.status_class
         && liberal.enhanced.subject == strict.enhanced.subject
         && liberal.enhanced.detail == strict.enhanced.detail);
  /* The same code, so the same texts.  */
  size_t cs = 0, cl = 0;
  struct smtp_reply_line ls, ll;
  while (smtp_reply_next_line (buffer, &strict, &cs, &ls))
    {
      CHECK (smtp_reply_next_line (buffer, &liberal, &cl, &ll));
      CHECK (ls.offset == ll.offset && ls.length == ll.length);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *buffer = (const char *) data;
  check_replies (buffer, size, SMTP_REPLY_LIBERAL);
  check_replies (buffer, size, SMTP_REPLY_STRICT);
  check_modes_agree (buffer, size);
  return 0;
}

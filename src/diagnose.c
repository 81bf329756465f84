/* diagnose.c: what a reply means, from its words and its codes.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Made from meanings.def (what servers mean by their own codes and
   words), enhanced-codes.def (the registry's reasons) and the basic
   codes' reasons below.  The strings live in one pool indexed by
   offsets, as in codes.c.  */

#include <config.h>

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "smtpstatus.h"
#include "ascii.h"
#include "codes.h"
#include "diagnose.h"
#include "i18n.h"

#define N_(text) text
#define CONCAT_(a, b) a##b
#define CONCAT(a, b) CONCAT_ (a, b)

/* Each match's words are named by the line of meanings.def they are on.  */
static const struct pool
{
#define SMTP_MEANING(id, reason, text) char text_##id[sizeof text];
#define SMTP_MATCH(id, subject, first, last, words) \
  char CONCAT (words_, __LINE__)[sizeof words];
#include "meanings.def"
#undef SMTP_MEANING
#undef SMTP_MATCH
} pool =
{
#define SMTP_MEANING(id, reason, text) text,
#define SMTP_MATCH(id, subject, first, last, words) words,
#include "meanings.def"
#undef SMTP_MEANING
#undef SMTP_MATCH
};

_Static_assert (sizeof pool < USHRT_MAX, "pool offsets must fit");

#define AT(member) offsetof (struct pool, member)

enum meaning_id
{
#define SMTP_MEANING(id, reason, text) MEANING_##id,
#define SMTP_MATCH(id, subject, first, last, words)
#include "meanings.def"
#undef SMTP_MEANING
#undef SMTP_MATCH
  MEANING_COUNT
};

static const struct
{
  unsigned short text;
  unsigned char reason;
} meanings[MEANING_COUNT] =
{
#define SMTP_MEANING(id, reason, text) \
  [MEANING_##id] = { AT (text_##id), SMTP_REASON_##reason },
#define SMTP_MATCH(id, subject, first, last, words)
#include "meanings.def"
#undef SMTP_MEANING
#undef SMTP_MATCH
};

static const struct match
{
  unsigned short words;         /* offset in the pool */
  unsigned char length;         /* of the words, 0 for any text */
  unsigned char meaning;
  short subject;                /* -1 for any code */
  unsigned short first, last;   /* the details the code may have */
} matches[] =
{
#define SMTP_MEANING(id, reason, text)
#define SMTP_MATCH(id, subject, first, last, words) \
  { AT (CONCAT (words_, __LINE__)), sizeof words - 1, MEANING_##id, \
    subject, first, last },
#include "meanings.def"
#undef SMTP_MEANING
#undef SMTP_MATCH
};

/* Checks, at compile time, what the list's readers rely on.  */
#define SMTP_MEANING(id, reason, text)
#define SMTP_MATCH(id, subject, first, last, words) \
  _Static_assert (sizeof words - 1 < UCHAR_MAX, "words too long"); \
  _Static_assert ((subject) >= -1 && (subject) <= 999 && (first) <= (last) \
                  && (last) <= 999, "a code outside RFC 3463's range"); \
  _Static_assert ((subject) >= 0 || sizeof words > 1, \
                  "a match needs a code or words");
#include "meanings.def"
#undef SMTP_MEANING
#undef SMTP_MATCH

/* How much of a reply's text matching reads: real replies say what
   they mean in their first few hundred bytes, and a bound keeps the
   copy on the stack.  */
enum { TEXT_MAX = 4096 };

static bool
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* Copies the text of REPLY in BUFFER into TEXT (TEXT_MAX bytes) as
   matching reads it, and returns its length: the lines joined by a
   space, each run of spaces and tabs one space, letters in lower case.
   Servers break their sentences over lines where they like, and pad
   them ("550 5.2.1  https://..."), and the words of meanings.def must
   match however the reply falls into lines.  */
static size_t
normalize (const char *buffer, const struct smtp_reply *reply, char *text)
{
  size_t length = 0, cursor = 0;
  struct smtp_reply_line line;
  while (smtp_reply_next_line (buffer, reply, &cursor, &line))
    for (size_t i = 0; i <= line.length && length < TEXT_MAX; i++)
      {
        /* The line's end counts as a blank.  */
        char c = i < line.length ? buffer[line.offset + i] : ' ';
        if (is_blank (c))
          {
            if (length > 0 && text[length - 1] != ' ')
              text[length++] = ' ';
          }
        else
          text[length++] = ascii_lower (c);
      }
  return length;
}

/* Whether the LENGTH bytes of WORDS occur in the SIZE bytes of TEXT,
   made by normalize, without a word character of TEXT continuing a word
   character at either end of WORDS.  */
static bool
contains (const char *text, size_t size, const char *words, size_t length)
{
  bool word_start = ascii_is_alnum (words[0]);
  bool word_end = ascii_is_alnum (words[length - 1]);
  char first = ascii_lower (words[0]);
  for (const char *p = text; size - (size_t) (p - text) >= length; p++)
    {
      p = memchr (p, first, size - (size_t) (p - text) - length + 1);
      if (p == NULL)
        return false;
      size_t j = 1;
      while (j < length && p[j] == ascii_lower (words[j]))
        j++;
      if (j == length
          && !(word_start && p > text && ascii_is_alnum (p[-1]))
          && !(word_end && p + length < text + size
               && ascii_is_alnum (p[length])))
        return true;
    }
  return false;
}

/* Whether REASON is about the recipient's side of the address.  */
static bool
about_recipient (enum smtp_reason reason)
{
  return reason == SMTP_REASON_RECIPIENT_UNKNOWN
         || reason == SMTP_REASON_RECIPIENT_DISABLED
         || reason == SMTP_REASON_MAILBOX_FULL
         || reason == SMTP_REASON_DOMAIN_UNKNOWN;
}

/* The first entry of meanings.def that fits REPLY, or NULL.  Words that
   seem to be about the recipient ("No such domain") yield to a
   registered code that names the sender's address (X.1.7, X.1.8): the
   words name no party, the code does.  */
static const struct match *
find_match (const char *buffer, const struct smtp_reply *reply)
{
  char text[TEXT_MAX];
  size_t size = normalize (buffer, reply, text);
  const struct smtp_enhanced_status *e = &reply->enhanced;
  bool sender_code = reply->has_enhanced
                     && smtp_enhanced_is_known (e->subject, e->detail)
                     && smtpstatus_enhanced_reason (e->subject, e->detail)
                        == SMTP_REASON_SENDER_REJECTED;
  for (size_t i = 0; i < sizeof matches / sizeof matches[0]; i++)
    {
      const struct match *m = &matches[i];
      if (m->subject >= 0
          && !(reply->has_enhanced && e->subject == m->subject
               && e->detail >= m->first && e->detail <= m->last))
        continue;
      if (sender_code && m->length != 0
          && about_recipient ((enum smtp_reason) meanings[m->meaning].reason))
        continue;
      if (m->length == 0
          || contains (text, size, (const char *) &pool + m->words,
                       m->length))
        return m;
    }
  return NULL;
}

/* The reason of a failure with basic CODE alone: what RFC 5321, 4954,
   7504 and 1985 give it, and for 550, as the seed table says, the unknown
   address it usually means.  */
static enum smtp_reason
basic_reason (int code)
{
  switch (code)
    {
    case 421: case 450:
      return SMTP_REASON_TRY_LATER;
    case 451: case 452:
      return SMTP_REASON_SERVER_ERROR;
    case 432: case 454: case 530: case 534: case 535: case 538:
      return SMTP_REASON_LOGIN_FAILED;
    case 455: case 500: case 501: case 502: case 503: case 504: case 555:
      return SMTP_REASON_PROTOCOL;
    case 521: case 556:
      return SMTP_REASON_DOMAIN_UNKNOWN;
    case 550: case 553:
      return SMTP_REASON_RECIPIENT_UNKNOWN;
    case 459:
      return SMTP_REASON_POLICY;
    case 551:
      return SMTP_REASON_RECIPIENT_DISABLED;
    case 552:
      return SMTP_REASON_MAILBOX_FULL;
    default:
      return smtp_status_class (code) == 4 ? SMTP_REASON_TRY_LATER
                                          : SMTP_REASON_UNKNOWN;
    }
}

/* The reason of a failed REPLY from its codes: its enhanced code's,
   unless that says nothing more than "a failure" (X.0.x, and X.1.0 or
   X.2.0 that name only an area), then its basic code's.  */
static enum smtp_reason
codes_reason (const struct smtp_reply *reply)
{
  if (reply->has_enhanced)
    {
      enum smtp_reason reason
        = smtpstatus_enhanced_reason (reply->enhanced.subject,
                                      reply->enhanced.detail);
      if (reason != SMTP_REASON_UNKNOWN && reason != SMTP_REASON_NONE)
        return reason;
    }
  return basic_reason (reply->code);
}

void
smtp_reply_diagnose (const char *buffer, const struct smtp_reply *reply,
                     struct smtp_diagnosis *diagnosis)
{
  struct smtp_diagnosis d = { .outcome = smtp_reply_outcome (reply),
                              .english = smtpstatus_reply_msgid (reply) };
  d.retry = d.outcome == SMTP_OUTCOME_TRANSIENT;
  if (d.outcome != SMTP_OUTCOME_TRANSIENT
      && d.outcome != SMTP_OUTCOME_PERMANENT)
    d.reason = SMTP_REASON_NONE;
  else
    {
      const struct match *m = find_match (buffer, reply);
      if (m != NULL)
        {
          d.reason = (enum smtp_reason) meanings[m->meaning].reason;
          d.english = (const char *) &pool + meanings[m->meaning].text;
          d.source = m->length != 0 ? SMTP_SOURCE_TEXT
                                    : SMTP_SOURCE_VENDOR_CODE;
        }
      else
        d.reason = codes_reason (reply);
    }
  d.fixer = smtpstatus_reason_fixer (d.reason);
  *diagnosis = d;
}

const char *
smtpstatus_reason_msgid (enum smtp_reason reason)
{
  for (size_t i = 0; i < MEANING_COUNT; i++)
    if (meanings[i].reason == reason)
      return (const char *) &pool + meanings[i].text;
  return NULL;
}

/* The English explanation of DIAGNOSIS; one a caller made without
   smtp_reply_diagnose may lack it.  */
static const char *
english (const struct smtp_diagnosis *diagnosis)
{
  return diagnosis->english != NULL ? diagnosis->english
                                    : smtpstatus_class_msgid (0);
}

const char *
smtp_diagnosis_explanation (const struct smtp_diagnosis *diagnosis)
{
  return smtpstatus_translate (english (diagnosis));
}

const char *
smtp_diagnosis_explanation_l (const struct smtp_diagnosis *diagnosis,
                              locale_t loc)
{
  return smtpstatus_translate_l (english (diagnosis), loc);
}

/* bounce.c: what a bounce says about one recipient.
   SPDX-License-Identifier: LGPL-2.1-or-later

   MTAs write the remote server's reply into a bounce as it suits them:
   Postfix joins a multi-line reply into one line ("550-5.1.1 The email
   account ... 550-5.1.1 double-checking ... 550 5.1.1 https://..."),
   folded where it likes; Sendmail keeps only its first line; others
   put words before it ("host H said: 550 ...") or give their own words
   and no reply at all ("X-Postfix; connect to ...: Connection timed
   out").  smtpstatus_bounce_fill rebuilds a reply from that, in a buffer
   on the stack, for smtp_reply_parse and smtp_reply_diagnose to read
   as they read a server's.  */

#include <config.h>

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "smtpstatus.h"
#include "ascii.h"
#include "bounce.h"
#include "codes.h"
#include "diagnose.h"

/* The most bytes of a diagnostic that are read, and of the reply rebuilt
   from it, line ends included: as much as smtp_reply_diagnose reads.  */
enum { REPLY_MAX = 4096 };

/* Copies the LENGTH bytes at TEXT into OUT (at most MAX bytes), unfolded:
   each line end, with the blanks around it, becomes one space, and the
   blanks at either end go.  Returns the length.  */
static size_t
unfold (const char *text, size_t length, char *out, size_t max)
{
  size_t n = 0;
  bool pending = false;         /* a space is due before the next byte */
  for (size_t i = 0; i < length && n < max; i++)
    {
      char c = text[i];
      if (c == '\r' || c == '\n')
        {
          while (n > 0 && ascii_is_blank (out[n - 1]))
            n--;
          pending = n > 0;
          while (i + 1 < length && (ascii_is_blank (text[i + 1])
                                    || text[i + 1] == '\r'
                                    || text[i + 1] == '\n'))
            i++;
          continue;
        }
      if (n == 0 && ascii_is_blank (c))
        continue;
      if (pending)
        {
          out[n++] = ' ';
          pending = false;
          if (n == max)
            break;
        }
      out[n++] = c;
    }
  while (n > 0 && ascii_is_blank (out[n - 1]))
    n--;
  return n;
}

/* The length of a type prefix ("rfc822;", "smtp;", "X-Postfix;") at the
   start of the LENGTH bytes at TEXT, with the blanks after it, or 0: a
   letter, then letters, digits, "-", "_" and "." (so that "5.1.1;" is
   none), then ";".  */
static size_t
type_prefix (const char *text, size_t length)
{
  if (length == 0 || !ascii_is_alpha (text[0]))
    return 0;
  size_t i = 0;
  while (i < length && i <= 64
         && (ascii_is_alnum (text[i]) || text[i] == '-' || text[i] == '_'
             || text[i] == '.'))
    i++;
  size_t j = i;
  while (j < length && ascii_is_blank (text[j]))
    j++;
  if (i == 0 || j >= length || text[j] != ';')
    return 0;
  j++;
  while (j < length && ascii_is_blank (text[j]))
    j++;
  return j;
}

/* Whether the type that TEXT starts with, SKIP bytes long with its
   ";", is "X-Unix": RFC 3464's diagnostic of a local delivery program,
   its exit status and perhaps its words.  */
static bool
is_mailer_type (const char *text, size_t skip)
{
  static const char name[] = "x-unix";
  if (skip < sizeof name - 1)
    return false;
  for (size_t i = 0; i < sizeof name - 1; i++)
    if (ascii_lower (text[i]) != name[i])
      return false;
  return skip == sizeof name - 1 || text[sizeof name - 1] == ';'
         || ascii_is_blank (text[sizeof name - 1]);
}

/* Whether the N bytes at P are "550"-like: a reply code 200 to 599.  */
static bool
is_code (const char *p, size_t n)
{
  return n >= 3 && p[0] >= '2' && p[0] <= '5' && ascii_is_digit (p[1])
         && ascii_is_digit (p[2]);
}

/* Whether a reply line starts at P (N bytes left): a code followed by a
   space, a "-" or the end.  */
static bool
starts_reply (const char *p, size_t n)
{
  return is_code (p, n) && (n == 3 || p[3] == ' ' || p[3] == '-');
}

/* Where, after AT in the LENGTH bytes at WORDS, a word is a failure's
   reply code (4xx or 5xx, then a blank or "-"); AT where none is.  */
static size_t
failure_after (const char *words, size_t length, size_t at)
{
  for (size_t i = at + 3; i + 3 <= length; i++)
    if (ascii_is_blank (words[i - 1]) && (words[i] == '4' || words[i] == '5')
        && starts_reply (words + i, length - i))
      return i;
  return at;
}

/* Where, in the LENGTH bytes at TEXT, a server's reply is quoted among
   other words: the first code that starts a reply line and comes after
   a ":" (host H said: 550 ...), a quote ('550 ...'), the word "said" or
   "<<<" (Sendmail's transcript), with blanks between or not.  Returns
   LENGTH where there is none.  */
static size_t
find_reply (const char *text, size_t length)
{
  for (size_t i = 1; i + 3 <= length; i++)
    {
      if (!starts_reply (text + i, length - i))
        continue;
      size_t j = i;
      while (j > 0 && ascii_is_blank (text[j - 1]))
        j--;
      if (j == 0)
        continue;
      char c = text[j - 1];
      if (c == ':' || c == '\'' || c == '"' || c == '<')
        return i;
      if (j >= 4 && ascii_lower (text[j - 4]) == 's'
          && ascii_lower (text[j - 3]) == 'a'
          && ascii_lower (text[j - 2]) == 'i'
          && ascii_lower (text[j - 1]) == 'd'
          && (j == 4 || !ascii_is_alpha (text[j - 5])) && j < i)
        return i;
    }
  return length;
}

/* Writes into OUT (REPLY_MAX bytes) the reply in the LENGTH bytes at
   TEXT, which start with a reply line's code, and returns its length.
   Where the first line continues ("550-"), the text is split into lines
   again at each blank followed by the same code and a "-" (another line
   to come) or a space (the last line, after which no more splits are
   made); the last line written is made a last line.  Each line ends in
   CRLF; no more than SMTP_REPLY_MAX_LINES lines are made.  */
static size_t
rebuild (const char *text, size_t length, char *out)
{
  /* Room for the CRLF of the last line.  */
  size_t room = REPLY_MAX - 2;
  size_t n = 0, line_start = 0, lines = 1;
  bool continued = length > 3 && text[3] == '-';
  for (size_t i = 0; i < length && n < room; i++)
    {
      if (continued && lines < SMTP_REPLY_MAX_LINES && ascii_is_blank (text[i])
          && i + 4 < length && memcmp (text + i + 1, text, 3) == 0
          && (text[i + 4] == '-' || text[i + 4] == ' ')
          && n + 2 <= room)
        {
          /* The blanks before the code end the line.  */
          while (n > line_start && ascii_is_blank (out[n - 1]))
            n--;
          out[n++] = '\r';
          out[n++] = '\n';
          line_start = n;
          lines++;
          continued = text[i + 4] == '-';
          continue;
        }
      out[n++] = text[i];
    }
  /* The line now last must say so: Sendmail's first line of three
     still has its "-".  */
  if (n - line_start > 3 && out[line_start + 3] == '-')
    out[line_start + 3] = ' ';
  out[n++] = '\r';
  out[n++] = '\n';
  return n;
}

/* Reads the status at the start of the LENGTH bytes at TEXT: its first
   token, before a blank, "(" or ";" ("5.0.0 (permanent failure)").  */
static bool
parse_status (const char *text, size_t length,
              struct smtp_enhanced_status *status)
{
  if (text == NULL)
    return false;
  size_t i = 0;
  while (i < length && (ascii_is_blank (text[i]) || text[i] == '\r'
                        || text[i] == '\n'))
    i++;
  size_t start = i;
  while (i < length && !ascii_is_blank (text[i]) && text[i] != '('
         && text[i] != ';' && text[i] != '\r' && text[i] != '\n')
    i++;
  return smtp_enhanced_parse (text + start, i - start, status) == 0;
}

/* How much a code says beyond its class: 0 for X.0.0, 1 for a subject
   or a detail alone, 2 for both.  */
static int
specificity (const struct smtp_enhanced_status *s)
{
  return (s->subject != 0) + (s->detail != 0);
}

/* Copies ADDRESS into OUT (256 bytes): without a type prefix, blanks,
   line ends and other control bytes, and without the angle brackets
   around it; cut where it does not fit, never inside a UTF-8
   sequence.  */
static void
copy_address (const char *address, size_t length, char *out)
{
  size_t n = 0;
  if (address != NULL && length > 0)
    {
      size_t skip = type_prefix (address, length);
      /* "Bob <bob@example.org>" or "<bob@example.org>": what is inside
         the brackets.  */
      const char *p = address + skip, *end = address + length;
      const char *open = memchr (p, '<', (size_t) (end - p));
      if (open != NULL)
        {
          const char *close = memchr (open, '>', (size_t) (end - open));
          if (close != NULL)
            {
              p = open + 1;
              end = close;
            }
        }
      const size_t max = 255;
      for (; p < end; p++)
        {
          unsigned char c = (unsigned char) *p;
          if (c <= ' ' || c == 0x7f || c == '<' || c == '>')
            continue;
          if (n < max)
            out[n++] = (char) c;
          else
            {
              /* The first byte that did not fit: if it continues a
                 UTF-8 sequence, the sequence's start goes too.  */
              if ((c & 0xc0) == 0x80)
                for (int k = 0; k < 3 && n > 0; k++)
                  {
                    unsigned char last = (unsigned char) out[--n];
                    if ((last & 0xc0) != 0x80)
                      break;
                  }
              break;
            }
        }
    }
  memset (out + n, 0, 256 - n);
}

/* The reply code for a reply rebuilt from words alone.  */
static int
synthetic_code (bool has_status, int status_class,
                enum smtp_bounce_action action)
{
  if (has_status)
    return status_class * 100 + 50;
  switch (action)
    {
    case SMTP_ACTION_DELAYED:
      return 450;
    case SMTP_ACTION_DELIVERED: case SMTP_ACTION_RELAYED:
    case SMTP_ACTION_EXPANDED:
      return 250;
    case SMTP_ACTION_FAILED: case SMTP_ACTION_UNKNOWN:
    default:
      return 550;
    }
}

/* Whether REASON says more than that something failed.  */
static bool
says_reason (enum smtp_reason reason)
{
  return reason != SMTP_REASON_UNKNOWN && reason != SMTP_REASON_NONE;
}

/* Writes the decimal digits of V (0 to 999) into OUT; returns how
   many.  */
static size_t
put_number (char *out, int v)
{
  char digits[3];
  size_t k = 0;
  do
    {
      digits[k++] = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v > 0 && k < 3);
  for (size_t i = 0; i < k; i++)
    out[i] = digits[k - 1 - i];
  return k;
}

void
smtpstatus_bounce_fill (const char *address, size_t address_length,
                        const char *status, size_t status_length,
                        const char *diagnostic, size_t diagnostic_length,
                        enum smtp_bounce_action action, bool gave_up,
                        struct smtp_bounce_recipient *out)
{
  memset (out, 0, sizeof *out);
  copy_address (address, address_length, out->address);
  if ((unsigned) action > SMTP_ACTION_EXPANDED)
    action = SMTP_ACTION_UNKNOWN;
  out->action = action;

  struct smtp_enhanced_status given;
  bool has_given = parse_status (status, status_length, &given);

  /* The diagnostic, unfolded, without its type.  */
  char text[REPLY_MAX];
  size_t length = 0;
  if (diagnostic != NULL && diagnostic_length > 0)
    length = unfold (diagnostic, diagnostic_length, text, sizeof text);
  size_t skip = type_prefix (text, length);
  const char *words = text + skip;
  size_t words_length = length - skip;

  /* The server's reply: at the start of the words, or quoted among
     them.  */
  bool mailer = is_mailer_type (text, skip);
  /* A local delivery program's number is its exit status, no reply.  */
  size_t at = mailer ? words_length
              : starts_reply (words, words_length) ? 0
              : find_reply (words, words_length);
  /* A failure whose reply starts with a success, a greeting the server
     took back ("220-mx.example.org 421 4.2.1 Service refused"): the
     failure's code is the reply.  */
  if (at < words_length && (words[at] == '2' || words[at] == '3')
      && (action == SMTP_ACTION_FAILED || action == SMTP_ACTION_DELAYED))
    at = failure_after (words, words_length, at);
  char wire[REPLY_MAX];
  size_t wire_length = 0;
  struct smtp_reply reply;
  bool real = false;
  if (at < words_length)
    {
      wire_length = rebuild (words + at, words_length - at, wire);
      real = smtp_reply_parse (wire, wire_length, &reply) == SMTP_REPLY_OK;
    }

  /* The enhanced code the server gave: its reply's, or where there is
     no reply, the one the words start with ("5.1.1 user unknown",
     "5.2.2: over quota").  */
  struct smtp_enhanced_status said;
  bool has_said = false, lead = false;
  if (real)
    {
      has_said = reply.has_enhanced;
      said = reply.enhanced;
    }
  else
    {
      size_t token = 0;
      while (token < words_length && !ascii_is_blank (words[token])
             && words[token] != ';' && words[token] != ':'
             && words[token] != ',')
        token++;
      has_said = lead = smtp_enhanced_parse (words, token, &said) == 0;
    }

  /* The status trusted: the Status field's, unless the server's code
     says more (5.0.0 against 5.1.1); then the server's subject and
     detail with the Status's class, the reporting MTA's verdict.  */
  struct smtp_enhanced_status trusted = given;
  bool has_trusted = has_given;
  if (has_said && (!has_given || specificity (&said) > specificity (&given)))
    {
      trusted = said;
      if (has_given)
        trusted.status_class = given.status_class;
      has_trusted = true;
    }

  if (!real)
    {
      /* No reply: one made of the words, with the status trusted in
         front of them unless they start with a code, for
         smtp_reply_diagnose to read.  */
      int code = synthetic_code (has_trusted, trusted.status_class, action);
      size_t n = put_number (wire, code);
      if (has_trusted && !lead)
        {
          wire[n++] = ' ';
          n += put_number (wire + n, trusted.status_class);
          wire[n++] = '.';
          n += put_number (wire + n, trusted.subject);
          wire[n++] = '.';
          n += put_number (wire + n, trusted.detail);
        }
      if (words_length > 0)
        {
          wire[n++] = ' ';
          size_t copy = words_length;
          if (copy > REPLY_MAX - 2 - n)
            copy = REPLY_MAX - 2 - n;
          /* unfold left no line end in them.  */
          memcpy (wire + n, words, copy);
          n += copy;
        }
      wire[n++] = '\r';
      wire[n++] = '\n';
      wire_length = n;
      /* Always a reply: a code, a space, a line without a line end in
         it, shorter than a liberal line may be.  */
      smtp_reply_parse (wire, wire_length, &reply);
    }
  else
    out->code = reply.code;

  /* The reply is diagnosed with the status trusted as its enhanced
     code.  */
  if (has_trusted)
    {
      reply.has_enhanced = 1;
      reply.enhanced = trusted;
    }
  out->has_status = has_trusted;
  if (has_trusted)
    out->status = trusted;
  smtp_reply_diagnose (wire, &reply, &out->diagnosis);

  struct smtp_diagnosis *d = &out->diagnosis;
  /* A reply made of the MTA's words has a code of no meaning of its own:
     where no words and no enhanced code said more, what the code alone
     gives (550, "the address is unknown") would be made up.  */
  if (!real && d->source == SMTP_SOURCE_CODES
      && (d->outcome == SMTP_OUTCOME_PERMANENT
          || d->outcome == SMTP_OUTCOME_TRANSIENT)
      && !(has_trusted
           && says_reason (smtpstatus_enhanced_reason (trusted.subject,
                                                       trusted.detail))))
    {
      int status_class = smtp_status_class (reply.code);
      d->reason = status_class == 4 ? SMTP_REASON_TRY_LATER
                                    : SMTP_REASON_UNKNOWN;
      d->english = smtpstatus_class_msgid (status_class);
    }
  /* A failure made final of a transient status, for what passes (the
     network, a server's trouble, "try later"), means the reporting MTA
     retried until it gave up: the message expired.  The explanation
     keeps what held it up.  A routing loop (X.4.6) is found at once,
     not waited out.  */
  bool loop = has_trusted && trusted.subject == 4 && trusted.detail == 6;
  if (action == SMTP_ACTION_FAILED && has_trusted
      && trusted.status_class == 4 && !loop
      && (d->reason == SMTP_REASON_NETWORK
          || d->reason == SMTP_REASON_TRY_LATER
          || d->reason == SMTP_REASON_UNKNOWN
          || d->reason == SMTP_REASON_SERVER_ERROR))
    d->reason = SMTP_REASON_EXPIRED;

  /* "X-Unix; 75": the program that was to store the message in the
     mailbox (procmail, a local delivery agent) failed, and its words, if
     any, say no more: a fault of the receiving system, not of the
     message, whatever the status.  So is such a program that does not
     know the user ("procmail: ... No such user"): the server took the
     address before it ran it.  */
  if (mailer
      && (d->source == SMTP_SOURCE_CODES
          || d->reason == SMTP_REASON_RECIPIENT_UNKNOWN)
      && (d->outcome == SMTP_OUTCOME_PERMANENT
          || d->outcome == SMTP_OUTCOME_TRANSIENT))
    {
      d->reason = SMTP_REASON_SERVER_ERROR;
      d->english = smtpstatus_reason_msgid (SMTP_REASON_SERVER_ERROR);
    }
  /* The reporting MTA's own word that it gave up decides, whatever the
     words it quotes say held the message up.  */
  if (gave_up)
    d->reason = SMTP_REASON_EXPIRED;

  /* The action decides the outcome: the reporting MTA knows whether it
     gave up, still tries or delivered.  */
  switch (action)
    {
    case SMTP_ACTION_FAILED:
      d->outcome = SMTP_OUTCOME_PERMANENT;
      if (d->reason == SMTP_REASON_NONE)
        {
          d->reason = SMTP_REASON_UNKNOWN;
          d->english = smtpstatus_class_msgid (5);
          d->source = SMTP_SOURCE_CODES;
        }
      break;
    case SMTP_ACTION_DELAYED:
      d->outcome = SMTP_OUTCOME_TRANSIENT;
      if (d->reason == SMTP_REASON_NONE)
        {
          d->reason = SMTP_REASON_TRY_LATER;
          d->english = smtpstatus_class_msgid (4);
          d->source = SMTP_SOURCE_CODES;
        }
      break;
    case SMTP_ACTION_DELIVERED: case SMTP_ACTION_RELAYED:
    case SMTP_ACTION_EXPANDED:
      d->outcome = SMTP_OUTCOME_SUCCESS;
      if (d->reason != SMTP_REASON_NONE)
        {
          d->reason = SMTP_REASON_NONE;
          d->english = smtpstatus_class_msgid (2);
          d->source = SMTP_SOURCE_CODES;
        }
      break;
    case SMTP_ACTION_UNKNOWN:
    default:
      break;
    }
  d->retry = d->outcome == SMTP_OUTCOME_TRANSIENT;
  d->fixer = smtpstatus_reason_fixer (d->reason);
}

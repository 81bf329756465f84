/* bounce-text.c: the failed recipients in the human-readable text of a
   bounce that carries no RFC 3464 report.
   SPDX-License-Identifier: LGPL-2.1-or-later

   MTAs that send no message/delivery-status part (and the text part of
   those that do) say which recipient failed, and why, in words and
   layouts of their own.  The scanner reads the decoded text line by line
   and knows these shapes, each learnt from the MTA's documentation or
   source:

   Postfix (bounce(5) templates, the "<address>: reason" lines):
       <bob@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1
           <bob@example.org>: Recipient address rejected: User unknown (in
           reply to RCPT TO command)
       <bob@example.org> (expanded from <list@example.org>): unknown user: "bob"
     the reason runs on in the lines indented below it; a reply in it is
     taken from its code to the end, "(in reply to ... command)" left off.

   qmail, and those that copy its layout (Yahoo!, vpopmail):
       <bob@example.org>:
       192.0.2.1 does not like recipient.
       Remote host said: 550 5.1.1 <bob@example.org>... User unknown
       Giving up on 192.0.2.1.
     the paragraph below the address; "(#5.1.1)" gives a status.

   Exim (and Mail.Ru, which sends Exim's text), an address indented by
   two spaces and the reasons indented further:
         bob@example.org
           host mx.example.org [192.0.2.1]
           SMTP error from remote mail server after RCPT TO:<bob@example.org>:
           550 5.1.1 <bob@example.org>: Recipient address rejected
     or "    retry timeout exceeded", "    Unrouteable address"; below
   "incorrectly constructed:", "  Bob <bob@example.org>: malformed
   address: ...", the address as the header had it and the reason.

   Sendmail: the block of "----- The following addresses had permanent
   fatal errors -----" ("<bob@example.org>" then "    (reason: 550 ...)"),
   the transcript (">>> RCPT To:<bob@example.org>" then "<<< 550 ...") and
   its summary lines ("550 5.1.1 <bob@example.org>... User unknown"),
   where the reply of the "<<<" line just above is the server's own;
   Active!Hunter's ">>> bob@example.org <bob@example.org>" in that list.

   Postfix's smtpd transcript to the postmaster: "In:  RCPT
   TO:<bob@example.org>" and the "Out:" reply that failed it, to RCPT or
   after DATA.

   Exchange and Office 365: the address alone, or "bob@example.org on
   <date>", or "bob@example.org<mailto:...>", in the list under "did not
   reach the following recipient(s)", "The following recipient(s) cannot
   be reached", "Delivery has failed to these recipients or groups", its
   reason in the lines below; where the same address comes again further
   down ("Diagnostic information for administrators") with "Remote Server
   returned '550 5.1.1 ...'" or "#550 5.1.1 ... ##", that reply is taken.
   Also "Your message to bob@example.org couldn't be delivered."

   Gmail: "Delivery to the following recipient failed permanently:" and
   the address indented on a line of its own, or "Your message wasn't
   delivered to bob@example.org because ..." and "There was a problem
   delivering your message to bob@example.org"; the reply under "The
   response from the remote server was:" or "The error that the other
   server returned was:".

   Amazon SES: its notification in JSON, "bouncedRecipients":
   [{"emailAddress":"bob@example.org","status":"5.1.1","diagnosticCode":
   "smtp; 550 ..."}].

   Others that share these shapes come along: DragonFly Mail Agent
   ("There was an error delivering your mail to <...>." and the reply
   under "... did not like our RCPT TO:"), Oracle Messaging Server and
   PMDF ("Recipient address: bob@example.org" and "Diagnostic code:
   smtp;550 ..." below it), IMail ("Unknown user: bob@example.org",
   "Delivery failed 20 attempts: bob@example.org"), m-FILTER (the
   address alone, "-------server message" and the reply below), Zoho
   ("bob@example.org Invalid Address, ERROR_CODE :550, ..."), fml
   ("You are not a member of this mailing list <list@...>."), GMX
   ("\"bob@example.org\":"), MXLogic, Lotus Notes and Domino, 1&1 and
   others with an address alone under an introduction such as "The
   following address failed:".

   Rules and limits.  An address alone on a line counts only below such
   an introduction ("following address", "following recipient", "these
   recipients", "not delivered to", "could not be delivered to one or
   more", "failure reasons", "not yet been delivered", "incorrectly
   constructed") in the first 4 KiB of the text, or where the lines
   indented below it hold a reply, or where a heading that speaks of
   the server's answer and a reply follow it; an address followed by
   words counts below such an introduction where the words hold a reply
   code, and an indented "address: reason" only below one; the other
   shapes count anywhere.  An address is local@domain with no
   space, in ASCII or UTF-8, at most 255 bytes; "<>", quotes and the
   punctuation that ends a sentence are taken off.  Scanning stops at the
   line that starts the copy of the returned message ("------ This is a
   copy of the message", "--- Below this line is a copy of the message.",
   "----- Original message -----", "Original message headers:", "-----
   Unsent message follows -----" and the like).  A recipient is reported
   once: one named again within 16 KiB after it was found (Sendmail's
   summary line after its transcript, Exim's text in two languages) is
   passed over.  Where the text says delivery is only delayed ("has not
   yet been delivered", "has been delayed", "transient non-fatal errors"
   in its first 4 KiB) and speaks of nothing "permanent", the action is
   SMTP_ACTION_DELAYED.  Lines may end in CRLF or LF; words are
   compared as ASCII without regard to case, the
   same in every locale; nothing is read past SIZE and nothing is
   allocated.  Texts quoted with "> " (a forwarded bounce) are not read.  */

#include <config.h>

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "smtpstatus.h"
#include "ascii.h"
#include "bounce.h"

/* How far back from a recipient the scanner looks for the same address
   found before, and how far from the start of the text it looks for an
   introduction and for the words of a delay warning.  */
enum { LOOK_BACK = 16384, HEAD = 4096 };
/* How many lines below a recipient the scanner reads for its reply where
   its own lines hold none, and how many lines its own block may have:
   bounds that keep the work linear in the size of any text.  */
enum { LOOK_AHEAD_LINES = 40, BLOCK_LINES = 64 };

struct text
{
  const char *b;
  size_t size;
  size_t intro;                 /* past the first introduction, or SIZE + 1 */
  bool warning;                 /* a delay warning, no failure */
  size_t transient, permanent;  /* Sendmail's first headings of either list,
                                   or SIZE + 1 */
};

/* One line: [START, NEXT) with its indentation and line end apart.  */
struct line
{
  size_t start;
  size_t text;                  /* the first byte after the indentation */
  size_t end;                   /* past the last byte that is no blank or CR */
  size_t next;                  /* the start of the next line, or SIZE */
  size_t indent;                /* the indentation in columns */
};

/* What a shape found: a recipient and the lines that speak of it.  */
struct found
{
  size_t line;                  /* the start of the line it was found on */
  size_t address, address_length;
  size_t resume;                /* where the next search starts */
  enum { BLOCK_INDENTED, BLOCK_PARAGRAPH, BLOCK_LOOK_AHEAD,
         BLOCK_SENDMAIL, BLOCK_JSON } kind;
  size_t block, block_end;      /* its own lines, or where to look ahead */
  size_t rest;                  /* the sentence's rest, for the fallback; */
  size_t rest_end;              /* the status, for BLOCK_JSON */
  bool sentence;                /* found by a sentence */
  bool delayed;                 /* its own action says "delayed" */
};

/* A blank within a line: a space, a tab, and the CR of a line that ends
   in CRLF, which the text's own words never need.  */
static bool
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r';
}

/* Whether the bytes at P (before END) start with LIT, a lower-case
   ASCII literal, compared without regard to case.  */
static bool
starts_with (const char *p, const char *end, const char *lit)
{
  size_t n = strlen (lit);
  if ((size_t) (end - p) < n)
    return false;
  for (size_t i = 0; i < n; i++)
    if (ascii_lower (p[i]) != lit[i])
      return false;
  return true;
}

/* The first place in [P, END) where LIT occurs (as starts_with compares),
   or NULL.  */
static const char *
find (const char *p, const char *end, const char *lit)
{
  size_t n = strlen (lit);
  for (; (size_t) (end - p) >= n; p++)
    if (ascii_lower (*p) == lit[0] && starts_with (p, end, lit))
      return p;
  return NULL;
}

/* The same, where LIT starts a word of the text (at P, or after a byte
   that is no ASCII letter or digit) if it starts with a letter or digit:
   what the phrases below are looked for with, which skips most of a
   text at once.  */
static const char *
find_word (const char *p, const char *end, const char *lit)
{
  if (!ascii_is_alnum (lit[0]))
    return find (p, end, lit);
  size_t n = strlen (lit);
  for (const char *q = p; (size_t) (end - q) >= n; q++)
    if ((q == p || !ascii_is_alnum (q[-1])) && ascii_lower (*q) == lit[0]
        && starts_with (q, end, lit))
      return q;
  return NULL;
}

/* The phrases looked for, in arrays of their own rather than tables of
   pointers, which would cost the library relocations when it loads.  */
typedef char phrase[40];

/* Whether one of the N phrases of LIST, each starting with a letter or
   a digit, starts a word in [P, END): one pass for them all.  */
static bool
has_phrase (const char *p, const char *end, const phrase *list, size_t n)
{
  for (const char *q = p; q < end; q++)
    if (q == p || !ascii_is_alnum (q[-1]))
      {
        char c = ascii_lower (*q);
        for (size_t i = 0; i < n; i++)
          if (list[i][0] == c && starts_with (q, end, list[i]))
            return true;
      }
  return false;
}

static void
read_line (const struct text *t, size_t pos, struct line *l)
{
  const char *b = t->b;
  const char *nl = memchr (b + pos, '\n', t->size - pos);
  size_t stop = nl != NULL ? (size_t) (nl - b) : t->size;
  l->start = pos;
  l->next = nl != NULL ? stop + 1 : t->size;
  l->indent = 0;
  size_t i = pos;
  for (; i < stop && (b[i] == ' ' || b[i] == '\t'); i++)
    l->indent = b[i] == '\t' ? (l->indent / 8 + 1) * 8 : l->indent + 1;
  l->text = i;
  while (stop > i && is_blank (b[stop - 1]))
    stop--;
  l->end = stop;
}

static bool
is_empty (const struct line *l)
{
  return l->text == l->end;
}

/* The start of the line that POS is in.  */
static size_t
line_start (const struct text *t, size_t pos)
{
  while (pos > 0 && t->b[pos - 1] != '\n')
    pos--;
  return pos;
}

/* The start of the line before the one at POS (POS > 0, a line start).  */
static size_t
previous_line (const struct text *t, size_t pos)
{
  return line_start (t, pos - 1);     /* from the '\n' that ends it */
}

/* Addresses.  */

/* A byte of a local part, ASCII by RFC 5322's atext and '.', or one of
   UTF-8 (RFC 6531).  */
static bool
is_local_byte (unsigned char c)
{
  return ascii_is_alnum ((char) c) || c >= 0x80
         || (c != 0 && strchr ("!#$%&'*+-/=?^_`{|}~.", c));
}

static bool
is_domain_byte (unsigned char c)
{
  return ascii_is_alnum ((char) c) || c == '-' || c == '.' || c >= 0x80;
}

/* Whether the LENGTH bytes at P are well-formed UTF-8.  */
static bool
is_utf8 (const unsigned char *p, size_t length)
{
  size_t i = 0;
  while (i < length)
    {
      unsigned char c = p[i];
      size_t more = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1
                    : c >= 0xe0 && c <= 0xef ? 2
                    : c >= 0xf0 && c <= 0xf4 ? 3 : 4;
      if (more == 4 || length - i - 1 < more)
        return false;
      for (size_t j = 1; j <= more; j++)
        if ((p[i + j] & 0xc0) != 0x80)
          return false;
      i += more + 1;
    }
  return true;
}

/* Reads an address at P (before END): a local part, one "@", a domain of
   labels; the dots and hyphens that end it are left off, as a sentence's
   full stop.  Returns its end, or NULL where P starts none.  */
static const char *
read_address (const char *p, const char *end)
{
  const char *q = p;
  while (q < end && is_local_byte ((unsigned char) *q))
    q++;
  if (q == p || q == end || *q != '@' || *p == '.' || q[-1] == '.')
    return NULL;
  const char *domain = ++q;
  while (q < end && is_domain_byte ((unsigned char) *q))
    q++;
  if (q < end && *q == '@')
    return NULL;
  while (q > domain && (q[-1] == '.' || q[-1] == '-'))
    q--;
  if (q == domain || *domain == '.' || *domain == '-'
      || (size_t) (q - p) > 255 || !is_utf8 ((const unsigned char *) p,
                                              (size_t) (q - p)))
    return NULL;
  for (const char *d = domain; d + 1 < q; d++)
    if (d[0] == '.' && d[1] == '.')
      return NULL;
  return q;
}

static bool
same_address (const char *b, size_t a, size_t a_length, size_t c,
              size_t c_length)
{
  if (a_length != c_length)
    return false;
  for (size_t i = 0; i < a_length; i++)
    if (ascii_lower (b[a + i]) != ascii_lower (b[c + i]))
      return false;
  return true;
}

/* Replies.  */

/* Whether P (before END) starts a basic reply code of a failure: 4xx or
   5xx, three digits, then a blank, "-" or the line's end.  */
static bool
is_failure_code (const char *p, const char *end)
{
  return end - p >= 3 && (p[0] == '4' || p[0] == '5') && ascii_is_digit (p[1])
         && ascii_is_digit (p[2])
         && (end - p == 3 || p[3] == ' ' || p[3] == '-' || p[3] == '\t'
             || p[3] == '\r' || p[3] == '\n');
}

/* Whether P (before END) starts an enhanced status code, "5.1.1", as a
   word.  */
static size_t
enhanced_length (const char *p, const char *end)
{
  struct smtp_enhanced_status s;
  size_t n = 0;
  while (p + n < end && (ascii_is_digit (p[n]) || p[n] == '.') && n < 11)
    n++;
  while (n > 0 && p[n - 1] == '.')
    n--;
  if (n == 0 || smtp_enhanced_parse (p, n, &s) != 0)
    return 0;
  return n;
}

/* The first reply code of a failure in the line L, where a reply starts:
   at the start of its text (after "<<< " or "#"), or after ": ", "'",
   "[", ";" ("Remote host said: 550", "returned '550", "smtp;550"),
   from FROM on.  Returns its offset, or NONE.  */
#define NONE ((size_t) -1)
static size_t
reply_in_line (const struct text *t, const struct line *l, size_t from)
{
  const char *b = t->b, *end = b + l->end;
  size_t i = from > l->text ? from : l->text;
  for (; i < l->end; i++)
    {
      const char *p = b + i;
      if (*p != '4' && *p != '5')
        continue;
      if (!is_failure_code (p, end))
        continue;
      bool at_start = i == l->text
                      || (i == l->text + 4 && starts_with (b + l->text, end,
                                                           "<<< "))
                      || (i == l->text + 1 && b[l->text] == '#');
      char before = i > l->text ? p[-1] : ' ';
      char before2 = i > l->text + 1 ? p[-2] : ' ';
      if (at_start || before == '\'' || before == '[' || before == ';'
          || before == '#' || before == ':'
          || ((before == ' ' || before == '\t')
              && (before2 == ':' || before2 == ';')))
        return i;
    }
  return NONE;
}

/* Whether the line L is one a copy of the returned message starts with.  */
static bool
is_end_marker (const struct text *t, const struct line *l)
{
  const char *b = t->b, *end = b + l->end;
  const char *p = b + l->text;
  while (p < end && (*p == '-' || *p == '=' || *p == '*' || *p == '_'
                     || *p == ' '))
    p++;
  static const phrase starts[] =
    { "original message", "original mail", "returned message",
      "unsent message", "message header", "undelivered message follows" };
  for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++)
    if (starts_with (p, end, starts[i]))
      return true;
  static const phrase anywhere[] =
    { "copy of the message", "copy of your message",
      "header of the original message", "original message follows" };
  return has_phrase (p, end, anywhere, sizeof anywhere / sizeof anywhere[0]);
}

/* Reads the first HEAD bytes of the text for its first introduction and
   for the words of a delay warning.  */
static void
read_head (struct text *t)
{
  static const phrase intros[] =
    { "following address", "following recipient", "these recipients",
      "not delivered to", "could not be delivered to one or more",
      "failure reasons", "not yet been delivered",
      "incorrectly constructed" };
  static const phrase delays[] =
    { "has not yet been delivered", "has been delayed",
      "warning message only", "warning only", "transient non-fatal",
      "still being retried", "will be retried",
      "delivery attempts will continue" };
  /* A text that speaks of a permanent failure too (Sendmail's list of
     "permanent fatal errors" beside its "transient non-fatal errors")
     is no mere warning.  */
  static const phrase permanent[] = { "permanent" };
  bool delay = false, failure = false;
  t->intro = t->transient = t->permanent = t->size + 1;
  size_t limit = t->size < HEAD ? t->size : HEAD;
  struct line l;
  for (size_t pos = 0; pos < limit; pos = l.next)
    {
      read_line (t, pos, &l);
      if (is_end_marker (t, &l))
        break;
      const char *p = t->b + l.text, *end = t->b + l.end;
      if (t->intro > t->size
          && has_phrase (p, end, intros, sizeof intros / sizeof intros[0]))
        t->intro = l.next;
      if (!delay
          && has_phrase (p, end, delays, sizeof delays / sizeof delays[0]))
        delay = true;
      if (!failure && has_phrase (p, end, permanent, 1))
        failure = true;
      if (t->transient > t->size && find (p, end, "transient non-fatal"))
        t->transient = l.start;
      if (t->permanent > t->size && find (p, end, "permanent fatal"))
        t->permanent = l.start;
    }
  t->warning = delay && !failure;
}

/* The shapes.  Each reads the line L and, where it names a recipient,
   fills *F.  */

/* "<bob@example.org>" and what may follow it before the colon:
   " (expanded from <list@example.org>)".  Returns the place after the
   closing '>' or the parenthesis, or 0.  */
static size_t
angle_address (const struct text *t, size_t at, size_t end, size_t *address,
               size_t *length)
{
  const char *b = t->b;
  if (at >= end || b[at] != '<')
    return 0;
  const char *a = read_address (b + at + 1, b + end);
  if (a == NULL || a >= b + end || *a != '>')
    return 0;
  *address = at + 1;
  *length = (size_t) (a - b) - at - 1;
  return (size_t) (a - b) + 1;
}

/* Whether [P, END) holds a reply code of a failure as a word of its
   own: "550", "ERROR_CODE :421,".  */
static bool
holds_code (const char *p, const char *end)
{
  for (const char *q = p; end - q >= 3; q++)
    if ((*q == '4' || *q == '5') && ascii_is_digit (q[1])
        && ascii_is_digit (q[2]) && (q == p || !ascii_is_alnum (q[-1]))
        && (end - q == 3 || (!ascii_is_alnum (q[3]) && q[3] != '.')))
      return true;
  return false;
}

/* The line L as an address alone: "bob@example.org", "<bob@...>",
   "\"bob@...\"", "'bob@...'", "* bob@...", perhaps with a colon, or
   followed by " on <date>" (Exchange), "<mailto:...>" (Office 365) or
   " [words]".  Sets *REST, *REST_END to the words, if any.  */
static bool
bare_address (const struct text *t, const struct line *l, size_t *address,
              size_t *length, size_t *rest, size_t *rest_end)
{
  const char *b = t->b, *end = b + l->end;
  const char *p = b + l->text;
  if (starts_with (p, end, "* "))
    p += 2;
  char close = 0;
  if (p < end && (*p == '<' || *p == '"' || *p == '\''))
    close = *p == '<' ? '>' : *p, p++;
  const char *a = read_address (p, end);
  if (a == NULL)
    return false;
  *address = (size_t) (p - b);
  *length = (size_t) (a - p);
  *rest = *rest_end = l->end;
  p = a;
  if (close != 0)
    {
      if (p == end || *p != close)
        return false;
      p++;
    }
  if (p < end && *p == ':')
    p++;
  if (p == end || starts_with (p, end, "<mailto:")
      || starts_with (p, end, " on "))
    return true;
  if (starts_with (p, end, " [") && end[-1] == ']')
    {
      *rest = (size_t) (p - b) + 2;
      *rest_end = l->end - 1;
      return true;
    }
  /* Below an introduction, the reason on the same line, with its reply
     code: "bob@example.org Invalid Address, ERROR_CODE :550, ..."
     (Zoho).  */
  if (l->start >= t->intro && *p == ' ' && holds_code (p, end))
    {
      *rest = (size_t) (p - b) + 1;
      return true;
    }
  return false;
}

/* Whether the line L is one of Sendmail's transcript: ">>> ...",
   "<<< ...", "... while talking to ...", a heading of it, or a line of its
   summary ("550 5.1.1 <bob@...>... User unknown", "550 example.org
   (smtp)... Host unknown").  */
static bool
is_transcript (const struct text *t, const struct line *l)
{
  const char *b = t->b, *end = b + l->end;
  const char *p = b + l->text;
  return starts_with (p, end, "<<< ") || starts_with (p, end, ">>> ")
         || find_word (p, end, "while talking to ") != NULL
         || find_word (p, end, "transcript of session follows") != NULL
         || (is_failure_code (p, end) && find (p, end, "... ") != NULL);
}

/* Sendmail's summary line: "550 5.1.1 <bob@example.org>... User unknown",
   or without the "<>", below another line of the transcript (elsewhere,
   as the reply a server gave, it names no recipient).  */
static bool
sendmail_summary (const struct text *t, const struct line *l,
                  size_t *address, size_t *length)
{
  const char *b = t->b, *end = b + l->end;
  const char *p = b + l->text;
  if (!is_failure_code (p, end) || end - p < 4 || p[3] != ' '
      || l->start == 0)
    return false;
  struct line above;
  read_line (t, previous_line (t, l->start), &above);
  if (!is_transcript (t, &above))
    return false;
  p += 4;
  size_t n = enhanced_length (p, end);
  if (n > 0 && p + n < end && p[n] == ' ')
    p += n + 1;
  bool angle = p < end && *p == '<';
  const char *a = read_address (p + angle, end);
  if (a == NULL || (angle && (a == end || *a++ != '>'))
      || !starts_with (a, end, "..."))
    return false;
  *address = (size_t) (p - b) + angle;
  *length = (size_t) (a - p) - 2 * angle;
  return true;
}

/* The sentences that name a failed recipient, and what must follow the
   address for it to count ("" for nothing).  */
static const struct
{
  phrase words;
  char after[16];
  bool colon;           /* the address comes after the next ": " */
  bool why;             /* the words before the address are the reason */
} sentences[] =
{
  { "wasn't delivered to ", "", false, false },                 /* Gmail */
  { "wasn\xe2\x80\x99t delivered to ", "", false, false },
  { "was not delivered to ", "", false, false },
  { "problem delivering your message to ", "", false, false },  /* Gmail */
  { "error delivering your mail to ", "", false, false },   /* DragonFly */
  { "error delivering your message to ", "", false, false },
  { "your message to ", " be delivered", false, false },   /* Office 365 */
  { "could not be delivered to: ", "", false, false },
  { "unable to deliver message to: ", "", false, false },
  { "following recipient: ", "", false, false },
  { "rejected recipient ", "", false, false },
  { "unknown user: ", "", false, true },                        /* IMail */
  { "delivery failed ", "", true, true },  /* IMail: "... 20 attempts: " */
  { "mailbox is full: ", "", false, true },
  { "recipient address: ", "", false, false },   /* Oracle, PMDF */
  { "member of this mailing list ", "", false, true },          /* fml */
};

/* A sentence of those above in the line L.  Sets *REST to the words after
   the address.  */
static bool
sentence (const struct text *t, const struct line *l, size_t *address,
          size_t *length, size_t *rest, bool *why)
{
  const char *b = t->b, *end = b + l->end;
  for (size_t i = 0; i < sizeof sentences / sizeof sentences[0]; i++)
    {
      const char *p = b + l->text;
      while ((p = find_word (p, end, sentences[i].words)) != NULL)
        {
          p += strlen (sentences[i].words);
          if (sentences[i].colon)
            {
              /* A few words of the reason first, then the address.  */
              const char *colon = find (p, p + 32 < end ? p + 32 : end,
                                        ": ");
              if (colon == NULL)
                continue;
              p = colon + 2;
            }
          const char *q = p;
          if (q < end && (*q == '<' || *q == '"' || *q == '\''))
            q++;
          const char *a = read_address (q, end);
          if (a == NULL)
            continue;
          const char *r = a;
          if (r < end && (*r == '>' || *r == '"' || *r == '\''))
            r++;
          if (*sentences[i].after != '\0'
              && find (r, r + 24 < end ? r + 24 : end,
                       sentences[i].after) == NULL)
            continue;
          *address = (size_t) (q - b);
          *length = (size_t) (a - q);
          *rest = (size_t) (r - b);
          *why = sentences[i].why;
          return true;
        }
    }
  return false;
}

/* Whether the line L names a recipient in any shape (for where a block
   or a look-ahead stops), and which.  */
static bool
names_recipient (const struct text *t, const struct line *l,
                 size_t *address, size_t *length)
{
  size_t rest, rest_end;
  bool why;
  return angle_address (t, l->text, l->end, address, length) != 0
         || bare_address (t, l, address, length, &rest, &rest_end)
         || sendmail_summary (t, l, address, length)
         || sentence (t, l, address, length, &rest, &why);
}

/* The lines below L indented deeper than it, up to a line that is not:
   returns the end of the last (its NEXT), or L->next with none.  */
static size_t
indented_below (const struct text *t, const struct line *l, size_t *last_end)
{
  size_t pos = l->next;
  *last_end = l->end;
  struct line m;
  for (int i = 0; i < BLOCK_LINES && pos < t->size; i++)
    {
      read_line (t, pos, &m);
      if (is_empty (&m) || m.indent <= l->indent || is_end_marker (t, &m))
        break;
      *last_end = m.end;
      pos = m.next;
    }
  return pos;
}

/* The lines from POS up to an empty one, one that names a recipient
   other than the one at ADDRESS (LENGTH bytes), or the copy of the
   message.  */
static size_t
paragraph (const struct text *t, size_t pos, size_t address, size_t length,
           size_t *last_end)
{
  struct line m;
  size_t a, n;
  for (int i = 0; i < BLOCK_LINES && pos < t->size; i++)
    {
      read_line (t, pos, &m);
      if (is_empty (&m) || is_end_marker (t, &m)
          || (names_recipient (t, &m, &a, &n)
              && !same_address (t->b, a, n, address, length)))
        break;
      *last_end = m.end;
      pos = m.next;
    }
  return pos;
}

/* Whether the lines [FROM, TO) hold a reply, or Exim's "SMTP error".  */
static bool
holds_reply (const struct text *t, size_t from, size_t to)
{
  struct line m;
  for (size_t pos = from; pos < to; pos = m.next)
    {
      read_line (t, pos, &m);
      if (reply_in_line (t, &m, m.text) != NONE
          || find_word (t->b + m.text, t->b + m.end, "smtp error") != NULL)
        return true;
    }
  return false;
}

/* Postfix's smtpd transcript (the "errors from" notice to the
   postmaster): "In:  RCPT TO:<bob@example.org>", and below it the "Out:"
   lines of the server's replies.  A recipient that was refused has its
   reply on the next "Out:" line; one that was taken failed where the
   message then was refused ("Out: 451 4.3.0 Error: queue file write
   error" after DATA), before the client starts another message or
   quits.  Finds the reply that failed the recipient of the line L: its
   text in [*FROM, *TO).  */
static bool
smtpd_transcript (const struct text *t, const struct line *l,
                  size_t *address, size_t *length, size_t *from, size_t *to)
{
  const char *b = t->b, *end = b + l->end;
  const char *p = b + l->text;
  if (!starts_with (p, end, "in:"))
    return false;
  p += 3;
  while (p < end && is_blank (*p))
    p++;
  if (!starts_with (p, end, "rcpt to:"))
    return false;
  p += 8;
  while (p < end && *p == ' ')
    p++;
  if (angle_address (t, (size_t) (p - b), l->end, address, length) == 0)
    return false;
  struct line m;
  size_t pos = l->next;
  for (int i = 0; i < BLOCK_LINES && pos < t->size; i++, pos = m.next)
    {
      read_line (t, pos, &m);
      const char *q = b + m.text, *e = b + m.end;
      if (starts_with (q, e, "in:"))
        {
          for (q += 3; q < e && is_blank (*q); q++)
            ;
          if (starts_with (q, e, "mail") || starts_with (q, e, "rset")
              || starts_with (q, e, "quit"))
            return false;
          continue;
        }
      if (!starts_with (q, e, "out:"))
        {
          if (m.indent > 0 && !is_empty (&m))
            continue;           /* an "In:" line folded */
          return false;
        }
      for (q += 4; q < e && is_blank (*q); q++)
        ;
      if (is_failure_code (q, e))
        {
          *from = (size_t) (q - b);
          *to = m.end;
          return true;
        }
    }
  return false;
}

/* Whether the line L is followed, after a few empty lines, by a heading
   that starts with a rule ("-------server message") or ends with a
   colon and speaks of the server's answer, and a reply on the line
   after it (m-FILTER): where an address alone above them names the
   recipient the reply refused.  */
static bool
reply_below (const struct text *t, const struct line *l)
{
  const char *b = t->b;
  struct line m;
  size_t pos = l->next;
  for (int i = 0; i < 4 && pos < t->size; i++, pos = m.next)
    {
      read_line (t, pos, &m);
      if (!is_empty (&m))
        break;
    }
  static const phrase answer[] =
    { "server", "response", "reply", "error", "reason" };
  if (pos >= t->size || is_empty (&m) || is_end_marker (t, &m)
      || !(b[m.text] == '-' || b[m.text] == '=' || b[m.end - 1] == ':')
      || !has_phrase (b + m.text, b + m.end, answer,
                      sizeof answer / sizeof answer[0]))
    return false;
  if (m.next >= t->size)
    return false;
  read_line (t, m.next, &m);
  return is_failure_code (b + m.text, b + m.end);
}

/* Exim's list of the addresses "incorrectly constructed", below such
   an introduction: "  bob@example.org: malformed address: ..." or
   "  Bob <bob@example.org>: ...", the address as the header gave it,
   indented, and the reason after the colon.  Returns where the reason
   starts, or 0.  */
static size_t
malformed (const struct text *t, const struct line *l, size_t *address,
           size_t *length)
{
  const char *b = t->b, *end = b + l->end;
  const char *p = b + l->text;
  if (p == end || l->indent == 0 || l->start < t->intro || ascii_is_digit (*p))
    return 0;
  const char *colon = find (p, end, ": ");
  if (colon == NULL || colon == p)
    return 0;
  const char *a = read_address (p, colon);
  if (a == colon)
    {
      *address = (size_t) (p - b);
      *length = (size_t) (a - p);
      return (size_t) (colon - b) + 2;
    }
  /* A name or a text before "<bob@example.org>".  */
  if (colon[-1] != '>')
    return 0;
  const char *open = colon - 1;
  while (open > p && *open != '<')
    open--;
  if (angle_address (t, (size_t) (open - b), (size_t) (colon - b), address,
                     length) != (size_t) (colon - b))
    return 0;
  return (size_t) (colon - b) + 2;
}

/* Amazon SES's notification of a bounce, JSON in the text:
   "bouncedRecipients":[{"emailAddress":"bob@example.org","action":
   "failed","status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user
   unknown"}, ...], on one line or printed over several.  */

/* The string value of the member "KEY" (KEY with its quotes, lower
   case) first in [FROM, TO): its bytes without the quotes, escapes left
   as they are, in *START and *END.  */
static bool
json_member (const struct text *t, size_t from, size_t to, const char *key,
             size_t *start, size_t *end)
{
  const char *b = t->b, *stop = b + to;
  const char *p = find (b + from, stop, key);
  if (p == NULL)
    return false;
  p += strlen (key);
  while (p < stop && (is_blank (*p) || *p == '\n'))
    p++;
  if (p == stop || *p++ != ':')
    return false;
  while (p < stop && (is_blank (*p) || *p == '\n'))
    p++;
  if (p == stop || *p++ != '"')
    return false;
  const char *q = p;
  while (q < stop && *q != '"')
    q += *q == '\\' && q + 1 < stop ? 2 : 1;
  if (q >= stop)
    return false;
  *start = (size_t) (p - b);
  *end = (size_t) (q - b);
  return true;
}

/* Where the JSON object around AT (a position in it) starts and ends:
   the '{' before it and the '}' after it, strings skipped on the way
   forward, within a few KiB.  */
static bool
json_object (const struct text *t, size_t at, size_t *start, size_t *end)
{
  const char *b = t->b;
  size_t lo = at > HEAD ? at - HEAD : 0;
  size_t i = at;
  while (i > lo && b[i] != '{')
    i--;
  if (b[i] != '{')
    return false;
  *start = i;
  size_t hi = t->size - at > HEAD ? at + HEAD : t->size;
  for (size_t j = at; j < hi; j++)
    if (b[j] == '"')
      {
        for (j++; j < hi && b[j] != '"'; j++)
          if (b[j] == '\\')
            j++;
      }
    else if (b[j] == '}')
      {
        *end = j;
        return true;
      }
    else if (b[j] == '{')
      return false;
  return false;
}

/* Whether AT is inside the array of "bouncedRecipients" (not
   "complainedRecipients" after it): the last such key within LOOK_BACK
   before AT opened an array that has not closed.  */
static bool
in_bounced (const struct text *t, size_t at)
{
  const char *b = t->b, *key = NULL;
  const char *p = b + (at > LOOK_BACK ? at - LOOK_BACK : 0);
  while ((p = find (p, b + at, "\"bouncedrecipients\"")) != NULL)
    key = p++;
  if (key == NULL)
    return false;
  int depth = 0;
  for (const char *q = key + 19; q < b + at; q++)
    if (*q == '"')
      {
        for (q++; q < b + at && *q != '"'; q++)
          if (*q == '\\')
            q++;
      }
    else if (*q == '[')
      depth++;
    else if (*q == ']' && --depth <= 0)
      return false;
  return depth > 0;
}

static bool
ses_recipient (const struct text *t, const struct line *l, struct found *f)
{
  const char *b = t->b;
  const char *key = find (b + l->start, b + l->end, "\"emailaddress\"");
  if (key == NULL)
    return false;
  size_t at = (size_t) (key - b), start, end, value, value_end;
  if (!in_bounced (t, at)
      || !json_object (t, at, &start, &end)
      || !json_member (t, at, end, "\"emailaddress\"", &value, &value_end)
      || read_address (b + value, b + value_end) != b + value_end)
    return false;
  f->address = value;
  f->address_length = value_end - value;
  f->kind = BLOCK_JSON;
  f->block = f->block_end = 0;
  json_member (t, start, end, "\"diagnosticcode\"", &f->block,
               &f->block_end);
  json_member (t, start, end, "\"status\"", &f->rest, &f->rest_end);
  size_t action, action_end;
  f->delayed = json_member (t, start, end, "\"action\"", &action,
                            &action_end)
               && starts_with (b + action, b + action_end, "delayed");
  f->resume = end + 1;
  return true;
}

/* Tries every shape on the line L.  */
static bool
shape (const struct text *t, const struct line *l, struct found *f)
{
  const char *b = t->b;
  size_t rest, rest_end;
  f->line = l->start;
  f->rest = f->rest_end = 0;
  f->sentence = false;
  f->delayed = false;

  /* Postfix, qmail: "<bob@example.org>: ...", "<bob@...> (expanded
     from <...>): ...".  */
  size_t after = angle_address (t, l->text, l->end, &f->address,
                                &f->address_length);
  if (after != 0)
    {
      size_t p = after;
      if (p < l->end && b[p] == ' ' && p + 1 < l->end && b[p + 1] == '(')
        {
          const char *close = memchr (b + p, ')', l->end - p);
          if (close != NULL)
            p = (size_t) (close - b) + 1;
        }
      if (p < l->end && b[p] == ':')
        {
          p++;
          while (p < l->end && is_blank (b[p]))
            p++;
          if (p < l->end)
            {
              f->kind = BLOCK_INDENTED;
              f->block = p;
              f->resume = indented_below (t, l, &f->block_end);
            }
          else
            {
              f->kind = BLOCK_PARAGRAPH;
              f->block = l->next;
              f->block_end = l->next;
              f->resume = paragraph (t, l->next, f->address,
                                     f->address_length, &f->block_end);
              if (f->block_end < f->block)
                f->block_end = f->block;
            }
          return true;
        }
    }

  /* Sendmail's transcript: ">>> RCPT To:<bob@...>", "<<< 550 ...".  */
  if (starts_with (b + l->text, b + l->end, ">>> rcpt to:"))
    {
      size_t p = l->text + 12;
      while (p < l->end && b[p] == ' ')
        p++;
      struct line m;
      if (angle_address (t, p, l->end, &f->address, &f->address_length)
          != 0 && l->next < t->size)
        {
          read_line (t, l->next, &m);
          if (starts_with (b + m.text, b + m.end, "<<< ")
              && is_failure_code (b + m.text + 4, b + m.end))
            {
              f->kind = BLOCK_SENDMAIL;
              f->block = m.text + 4;
              f->block_end = m.end;
              f->resume = m.next;
              return true;
            }
        }
    }

  /* Sendmail's list of failed addresses in the shape Active!Hunter
     gives it: ">>> bob@example.org <bob@example.org>", the reply in the
     transcript below.  */
  if (starts_with (b + l->text, b + l->end, ">>> "))
    {
      const char *p = b + l->text + 4;
      const char *a = read_address (p, b + l->end);
      size_t inner, inner_length;
      if (a != NULL
          && (a == b + l->end
              || (*a == ' '
                  && angle_address (t, (size_t) (a - b) + 1, l->end, &inner,
                                    &inner_length) == l->end)))
        {
          f->address = (size_t) (p - b);
          f->address_length = (size_t) (a - p);
          f->kind = BLOCK_LOOK_AHEAD;
          f->block = f->block_end = l->next;
          f->resume = l->next;
          return true;
        }
    }

  /* Amazon SES's JSON.  */
  if (ses_recipient (t, l, f))
    return true;

  /* Exim's addresses "incorrectly constructed".  */
  size_t reason = malformed (t, l, &f->address, &f->address_length);
  if (reason != 0)
    {
      f->kind = BLOCK_INDENTED;
      f->block = reason;
      f->resume = indented_below (t, l, &f->block_end);
      return true;
    }

  /* Postfix's smtpd transcript.  */
  if (smtpd_transcript (t, l, &f->address, &f->address_length, &f->block,
                        &f->block_end))
    {
      f->kind = BLOCK_SENDMAIL;
      f->resume = l->next;
      /* A session's 4xx refusal leaves the client to try again: a
         delay, not the end of the message.  */
      f->delayed = t->b[f->block] == '4';
      return true;
    }

  /* Sendmail's summary line, after the "<<<" line with the reply.  */
  if (sendmail_summary (t, l, &f->address, &f->address_length))
    {
      f->kind = BLOCK_SENDMAIL;
      f->block = l->text;
      f->block_end = l->end;
      if (l->start > 0)
        {
          struct line m;
          read_line (t, previous_line (t, l->start), &m);
          if (starts_with (b + m.text, b + m.end, "<<< ")
              && is_failure_code (b + m.text + 4, b + m.end))
            f->block = m.text + 4, f->block_end = m.end;
        }
      f->resume = l->next;
      return true;
    }

  /* Sentences: "Your message wasn't delivered to bob@example.org".  */
  bool why;
  if (sentence (t, l, &f->address, &f->address_length, &rest, &why))
    {
      if (why)
        {
          /* "Unknown user: bob@example.org": the sentence says it
             all.  */
          f->kind = BLOCK_SENDMAIL;
          f->block = l->text;
          f->block_end = l->end;
          f->resume = l->next;
          return true;
        }
      f->kind = BLOCK_LOOK_AHEAD;
      f->block = rest;
      f->block_end = l->end;
      f->rest = rest;
      f->rest_end = l->end;
      f->sentence = true;
      f->resume = l->next;
      return true;
    }

  /* An address alone, below an introduction or above a reply.  */
  if (bare_address (t, l, &f->address, &f->address_length, &rest,
                    &rest_end))
    {
      struct line m = *l;
      bool deeper = false;
      if (l->next < t->size)
        {
          read_line (t, l->next, &m);
          deeper = !is_empty (&m) && m.indent > l->indent
                   && !is_end_marker (t, &m);
        }
      size_t last_end;
      size_t below = deeper ? indented_below (t, l, &last_end) : l->next;
      if (t->intro > l->start
          && !(deeper && holds_reply (t, l->next, below))
          && !(!deeper && reply_below (t, l)))
        return false;
      f->rest = rest;
      f->rest_end = rest_end;
      if (rest < rest_end)
        {
          f->kind = BLOCK_INDENTED;
          f->block = rest;
          f->block_end = deeper ? last_end : rest_end;
          f->resume = below;
        }
      else if (deeper)
        {
          f->kind = BLOCK_INDENTED;
          f->block = m.text;
          f->block_end = last_end;
          f->resume = below;
        }
      else if (l->next < t->size && !is_empty (&m))
        {
          f->kind = BLOCK_PARAGRAPH;
          f->block = l->next;
          f->block_end = l->next;
          f->resume = paragraph (t, l->next, f->address, f->address_length,
                                 &f->block_end);
        }
      else
        {
          f->kind = BLOCK_LOOK_AHEAD;
          f->block = f->block_end = l->next;
          f->resume = l->next;
        }
      return true;
    }
  return false;
}

/* Finds the next recipient whose line starts in [POS, STOP).  */
static bool
find_next (const struct text *t, size_t pos, size_t stop, struct found *f)
{
  struct line l;
  for (; pos < stop; pos = l.next)
    {
      read_line (t, pos, &l);
      if (is_end_marker (t, &l))
        return false;
      if (shape (t, &l, f))
        {
          if (f->resume <= pos)
            f->resume = l.next;
          return true;
        }
    }
  return false;
}

/* Whether the recipient F names was found before, within LOOK_BACK.  */
static bool
seen_before (const struct text *t, const struct found *f)
{
  size_t pos = 0;
  if (f->line > LOOK_BACK)
    {
      const char *nl = memchr (t->b + f->line - LOOK_BACK, '\n', LOOK_BACK);
      pos = nl != NULL ? (size_t) (nl - t->b) + 1 : f->line;
    }
  /* Most addresses do not occur before: then there is nothing to read
     again.  */
  const char *b = t->b, *a = b + f->address;
  bool occurs = false;
  for (size_t i = pos; !occurs && i + f->address_length <= f->line; i++)
    occurs = ascii_lower (b[i]) == ascii_lower (a[0])
             && same_address (b, i, f->address_length, f->address,
                              f->address_length);
  if (!occurs)
    return false;
  struct found g;
  while (pos < f->line && find_next (t, pos, f->line, &g))
    {
      if (same_address (t->b, g.address, g.address_length, f->address,
                        f->address_length))
        return true;
      pos = g.resume;
    }
  return false;
}

/* The diagnostic.  */

struct span
{
  size_t start, end;
};

/* Takes off the blanks at either end of S and a closing bracket that
   has no opening one in it.  */
static void
trim (const struct text *t, struct span *s)
{
  const char *b = t->b;
  while (s->start < s->end && (is_blank (b[s->start]) || b[s->start] == '\n'))
    s->start++;
  while (s->end > s->start && (is_blank (b[s->end - 1])
                               || b[s->end - 1] == '\n'))
    s->end--;
  for (int i = 0; i < 3 && s->end > s->start; i++)
    {
      char c = b[s->end - 1];
      char open = c == ')' ? '(' : c == ']' ? '[' : c == '>' ? '<'
                  : c == '\'' ? '\'' : 0;
      if (open == 0
          || memchr (b + s->start, open, s->end - 1 - s->start) != NULL)
        break;
      s->end--;
      while (s->end > s->start && is_blank (b[s->end - 1]))
        s->end--;
    }
}

/* The reply that starts at AT on the line L: to the closing quote where
   it opened with one, to "##" after "#", to the end of the block END for
   an indented block (without Postfix's "(in reply to ... command)"),
   else its line and those after it that start with a reply code.  */
static struct span
reply_from (const struct text *t, const struct line *l, size_t at,
            bool indented, size_t end)
{
  const char *b = t->b;
  struct span s = { at, l->end };
  char before = at > l->text ? b[at - 1] : 0;
  if (at >= l->text + 9 && starts_with (b + at - 9, b + at, "(reason: "))
    ;                           /* Sendmail's "(reason: 550 ...)" */
  else if (before == '\'')
    {
      for (size_t i = l->end; i > at; i--)
        if (b[i - 1] == '\'')
          {
            s.end = i - 1;
            break;
          }
    }
  else if (before == '#')
    {
      const char *hash = find (b + at, b + l->end, "##");
      if (hash != NULL)
        s.end = (size_t) (hash - b);
    }
  else if (indented)
    {
      s.end = end;
      const char *cut = find (b + at, b + end, "(in reply to ");
      if (cut != NULL)
        s.end = (size_t) (cut - b);
    }
  else
    {
      struct line m;
      size_t pos = l->next;
      for (int i = 0; i < BLOCK_LINES && pos < t->size; i++, pos = m.next)
        {
          read_line (t, pos, &m);
          if (!is_failure_code (b + m.text, b + m.end))
            break;
          s.end = m.end;
        }
    }
  trim (t, &s);
  return s;
}

/* The first reply in the lines [FROM, TO), or an empty span.  */
static struct span
reply_within (const struct text *t, size_t from, size_t to, bool indented)
{
  struct line m;
  /* FROM may be inside a line: read that line from its start.  */
  for (size_t pos = line_start (t, from); pos < to; pos = m.next)
    {
      read_line (t, pos, &m);
      size_t at = reply_in_line (t, &m, from);
      if (at != NONE && at < to)
        return reply_from (t, &m, at, indented, to);
    }
  return (struct span) { 0, 0 };
}

/* Where the same address comes again below F, at the start of a line,
   with a reply in the two lines after it (Exchange's "Diagnostic
   information for administrators"): that reply.  */
static struct span
repeated (const struct text *t, const struct found *f)
{
  const char *b = t->b;
  size_t limit = t->size - f->resume < LOOK_BACK ? t->size
                                                 : f->resume + LOOK_BACK;
  struct line l;
  for (size_t pos = f->resume; pos < limit; pos = l.next)
    {
      read_line (t, pos, &l);
      if (is_end_marker (t, &l))
        break;
      size_t p = l.text;
      if (p < l.end && (b[p] == '<' || b[p] == '"' || b[p] == '\''))
        p++;
      if (l.end - p < f->address_length
          || !same_address (b, p, f->address_length, f->address,
                            f->address_length))
        continue;
      p += f->address_length;
      if (p < l.end && is_domain_byte ((unsigned char) b[p])
          && !(b[p] == '.' && (p + 1 == l.end
                               || !is_domain_byte ((unsigned char) b[p + 1]))))
        continue;
      struct line m = l;
      for (int i = 0; i < 2 && m.next < t->size; i++)
        {
          read_line (t, m.next, &m);
          if (is_empty (&m))
            break;
          size_t at = reply_in_line (t, &m, m.text);
          if (at != NONE)
            return reply_from (t, &m, at, false, m.end);
        }
    }
  return (struct span) { 0, 0 };
}

/* Whether the line L is empty, a heading ("because:") or a rule of
   dashes or equal signs.  */
static bool
is_heading (const struct text *t, const struct line *l)
{
  if (is_empty (l) || t->b[l->end - 1] == ':')
    return true;
  for (size_t i = l->text; i < l->end; i++)
    {
      unsigned char c = (unsigned char) t->b[i];
      if (c >= 0x80 || ascii_is_alnum ((char) c))
        return false;
    }
  return true;
}

/* Below a recipient that has no lines of its own, or a sentence: the
   first reply in the lines that follow, up to another recipient; or
   else the first paragraph under a heading ("because:", "Technical
   details of permanent failure:", "The response was:"), the rest of the
   sentence, the first paragraph, the line above the address (Lotus
   Notes), the sentence itself: the first of these there is.  */
static struct span
look_ahead (const struct text *t, const struct found *f)
{
  const char *b = t->b;
  struct span s = reply_within (t, f->block, f->block_end, false);
  if (s.end > s.start)
    return s;
  struct line l;
  size_t pos = f->resume, a, n;
  struct span first = { 0, 0 }, headed = { 0, 0 };
  bool heading = false;
  for (int i = 0; i < LOOK_AHEAD_LINES && pos < t->size; i++, pos = l.next)
    {
      read_line (t, pos, &l);
      if (is_end_marker (t, &l)
          || (names_recipient (t, &l, &a, &n)
              && !same_address (b, a, n, f->address, f->address_length)))
        break;
      size_t at = reply_in_line (t, &l, l.text);
      if (at != NONE)
        return reply_from (t, &l, at, false, l.end);
      if (is_empty (&l))
        continue;
      if (is_heading (t, &l))
        {
          heading = true;
          continue;
        }
      if (first.end == 0 || (heading && headed.end == 0))
        {
          struct span p = { l.text, l.end };
          paragraph (t, l.next, f->address, f->address_length, &p.end);
          if (first.end == 0)
            first = p;
          if (heading)
            headed = p;
        }
      heading = false;
    }
  if (headed.end > 0)
    return headed;
  if (f->rest < f->rest_end)
    {
      s = (struct span) { f->rest, f->rest_end };
      while (s.start < s.end && b[s.start] != '\0'
             && strchr (".,;: \t", b[s.start]) != NULL)
        s.start++;
      trim (t, &s);
      if (s.end > s.start)
        return s;
    }
  if (first.end > 0)
    return first;
  if (f->line > 0)
    {
      read_line (t, previous_line (t, f->line), &l);
      if (!f->sentence && !is_heading (t, &l) && !is_end_marker (t, &l)
          && l.start >= t->intro)
        return (struct span) { l.text, l.end };
    }
  if (f->sentence)
    {
      /* "Unknown user: bob@example.org": the sentence says it all.  */
      read_line (t, f->line, &l);
      return (struct span) { l.text, l.end };
    }
  return first;
}

/* A status such as qmail's "(#5.1.1)" or Exchange's "<host #5.1.1>" in
   the lines [FROM, TO); empty where there is none.  */
static struct span
hash_status (const struct text *t, size_t from, size_t to)
{
  const char *b = t->b;
  for (size_t i = from; i + 1 < to; i++)
    if (b[i] == '#')
      {
        size_t n = enhanced_length (b + i + 1, b + to);
        if (n > 0)
          return (struct span) { i + 1, i + 1 + n };
      }
  return (struct span) { 0, 0 };
}

/* The line of the block [FROM, TO) that starts with an enhanced code
   and no reply code (GMX: "5.2.2 <bob@...>... Mailbox Full"), to the end
   of the block; its code in *STATUS.  */
static struct span
status_line (const struct text *t, size_t from, size_t to,
             struct span *status)
{
  struct line m;
  /* FROM may be inside a line: read that line from its start.  */
  for (size_t pos = line_start (t, from); pos < to; pos = m.next)
    {
      read_line (t, pos, &m);
      size_t n = enhanced_length (t->b + m.text, t->b + m.end);
      if (n > 0 && m.text + n < m.end && t->b[m.text + n] == ' ')
        {
          *status = (struct span) { m.text, m.text + n };
          struct span s = { m.text, to };
          trim (t, &s);
          return s;
        }
    }
  return (struct span) { 0, 0 };
}

/* Works out the diagnostic and the status of F.  */
static void
diagnose (const struct text *t, const struct found *f, struct span *diag,
          struct span *status)
{
  *status = (struct span) { 0, 0 };
  if (f->kind == BLOCK_LOOK_AHEAD)
    {
      *diag = repeated (t, f);
      if (diag->end == diag->start)
        *diag = look_ahead (t, f);
      *status = hash_status (t, diag->start, diag->end);
      return;
    }
  if (f->kind == BLOCK_SENDMAIL)
    {
      *diag = (struct span) { f->block, f->block_end };
      trim (t, diag);
      return;
    }
  if (f->kind == BLOCK_JSON)
    {
      *diag = (struct span) { f->block, f->block_end };
      *status = (struct span) { f->rest, f->rest_end };
      return;
    }
  bool indented = f->kind == BLOCK_INDENTED;
  *diag = reply_within (t, f->block, f->block_end, indented);
  if (diag->end == diag->start)
    *diag = repeated (t, f);
  if (diag->end == diag->start)
    *diag = status_line (t, f->block, f->block_end, status);
  if (diag->end == diag->start)
    {
      *diag = (struct span) { f->block, f->block_end };
      trim (t, diag);
    }
  if (status->end == status->start)
    *status = hash_status (t, f->block, f->block_end);
}

/* The action for a recipient whose address is at AT: a delay in a
   warning, and in a failure report in a list of delays: below Sendmail's
   heading of "transient non-fatal errors" and not below a heading of
   "permanent fatal errors" that comes after it (both among the first
   HEAD bytes, as read_head found them; looking no further keeps each
   call's work bounded however many recipients the text lists).  */
static enum smtp_bounce_action
action_at (const struct text *t, size_t at)
{
  if (t->warning)
    return SMTP_ACTION_DELAYED;
  if (t->transient > t->size || t->transient > at)
    return SMTP_ACTION_FAILED;
  if (t->permanent <= t->size && t->permanent > t->transient
      && t->permanent < at)
    return SMTP_ACTION_FAILED;
  return SMTP_ACTION_DELAYED;
}

int
smtp_bounce_text_next (const char *buffer, size_t size, size_t *cursor,
                       struct smtp_bounce_recipient *out)
{
  if (buffer == NULL || *cursor >= size)
    return 0;
  struct text t = { .b = buffer, .size = size };
  read_head (&t);
  struct found f;
  size_t pos = *cursor;
  for (;;)
    {
      if (!find_next (&t, pos, size, &f))
        {
          *cursor = size;
          return 0;
        }
      if (!seen_before (&t, &f))
        break;
      pos = f.resume;
    }
  struct span diag, status;
  diagnose (&t, &f, &diag, &status);
  smtpstatus_bounce_fill (buffer + f.address, f.address_length,
                          status.end > status.start ? buffer + status.start
                                                    : NULL,
                          status.end - status.start,
                          diag.end > diag.start ? buffer + diag.start : NULL,
                          diag.end - diag.start,
                          f.delayed ? SMTP_ACTION_DELAYED
                          : action_at (&t, f.address), false, out);
  *cursor = f.resume;
  return 1;
}

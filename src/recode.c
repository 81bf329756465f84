/* recode.c: translations gettext could not convert to the locale's charset.
   SPDX-License-Identifier: LGPL-2.1-or-later

   gettext converts a translation into the charset of LC_CTYPE and
   transliterates what that charset lacks with the locale's own table.
   Where the table has no entry for a character (glibc's tr_TR has none
   for the en dash of 551 to 553), glibc gives up and returns the English
   msgid.  Here such a translation is fetched again in UTF-8 and converted
   with a fallback transliteration of our own.  The results are kept for
   the life of the process, as gettext keeps its own, so callers still
   get a string they need not free.

   One more turn: glibc remembers a translation by msgid and LC_MESSAGES
   name, not by charset, so once the UTF-8 text has been fetched it hands
   that text to later callers in the same locale.  smtpstatus_recoded
   recognises such texts and returns their conversion instead.  */

#include <config.h>

#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <libintl.h>
#include <locale.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "smtpstatus.h"
#include "recode.h"
#include "translate.h"

/* Room for every translation of the table in a few charsets; when it is
   full, further texts come out in English rather than mangled.  */
enum { MAX_TEXTS = 64, ARENA_SIZE = 16384, CODESET_SIZE = 40 };

struct recoded
{
  const char *utf8;             /* the translation as gettext gave it */
  const char *msgid;            /* its English original */
  char codeset[CODESET_SIZE];   /* the charset of TEXT */
  const char *text;             /* UTF8 converted to CODESET */
};

/* All of these belong to whoever holds LOCK.  Fetching a UTF-8 text and
   converting it happen under it too, so that a thread that meets such a
   text in glibc's cache finds its conversion ready.  */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct recoded texts[MAX_TEXTS];
static size_t text_count;
static char arena[ARENA_SIZE];
static size_t arena_used;

static bool
is_utf8 (const char *codeset)
{
  return strcmp (codeset, "UTF-8") == 0;
}

/* What to write for the UTF-8 character at S when the target charset has
   no transliteration for it; *LENGTH gets its length in bytes.  */
static const char *
replacement (const unsigned char *s, size_t left, size_t *length)
{
  static const struct { unsigned codepoint; char ascii[4]; } table[] =
  {
    { 0x00A0, " " }, { 0x2010, "-" }, { 0x2011, "-" }, { 0x2012, "-" },
    { 0x2013, "-" }, { 0x2014, "-" }, { 0x2018, "'" }, { 0x2019, "'" },
    { 0x201C, "\"" }, { 0x201D, "\"" }, { 0x2026, "..." }, { 0x2212, "-" },
  };
  size_t n = s[0] < 0xC0 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
  if (n > left)
    n = left;
  unsigned codepoint = n == 1 ? s[0] : s[0] & (0x7F >> n);
  for (size_t i = 1; i < n; i++)
    codepoint = codepoint << 6 | (s[i] & 0x3F);
  *length = n;
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (table[i].codepoint == codepoint)
      return table[i].ascii;
  return "?";
}

/* Writes at *OUT the replacement for the UTF-8 character at *IN and moves
   both past it; false if *OUT has no room for it.  */
static bool
put_replacement (char **in, size_t *in_left, char **out, size_t *out_left)
{
  size_t skip;
  const char *ascii = replacement ((const unsigned char *) *in, *in_left,
                                   &skip);
  size_t n = strlen (ascii);
  if (n > *out_left)
    return false;
  memcpy (*out, ascii, n);
  *out += n;
  *out_left -= n;
  *in += skip;
  *in_left -= skip;
  return true;
}

/* Converts UTF8 into CODESET at OUT, which has ROOM bytes; returns the
   length written, not counting the final NUL, or -1 on failure.  */
static long
transliterate (const char *utf8, const char *codeset, char *out, size_t room)
{
  if (room == 0)
    return -1;
  char target[CODESET_SIZE + sizeof "//TRANSLIT"];
  snprintf (target, sizeof target, "%s//TRANSLIT", codeset);
  iconv_t cd = iconv_open (target, "UTF-8");
  if (cd == (iconv_t) -1)
    return -1;

  /* iconv takes the input as char ** but does not write through it.  */
  char *in = (char *) utf8;
  char *o = out;
  size_t in_left = strlen (utf8);
  size_t out_left = room - 1;
  bool ok = true;
  while (ok && iconv (cd, &in, &in_left, &o, &out_left) == (size_t) -1)
    ok = errno == EILSEQ && put_replacement (&in, &in_left, &o, &out_left);
  ok = ok && iconv (cd, NULL, NULL, &o, &out_left) != (size_t) -1;
  iconv_close (cd);
  *o = '\0';
  return ok ? (long) (o - out) : -1;
}

static const struct recoded *
find (const char *utf8, const char *codeset)
{
  for (size_t i = 0; i < text_count; i++)
    if (texts[i].utf8 == utf8
        && (codeset == NULL || strcmp (texts[i].codeset, codeset) == 0))
      return &texts[i];
  return NULL;
}

/* UTF8 (the translation of MSGID) in CODESET, converted at most once;
   MSGID if there is no room left.  Called with LOCK held.  */
static const char *
convert_once (const char *utf8, const char *msgid, const char *codeset)
{
  const struct recoded *known = find (utf8, codeset);
  if (known != NULL)
    return known->text;
  if (text_count == MAX_TEXTS || strlen (codeset) >= CODESET_SIZE)
    return msgid;
  char *out = arena + arena_used;
  long length = transliterate (utf8, codeset, out, ARENA_SIZE - arena_used);
  if (length < 0)
    return msgid;
  struct recoded *slot = &texts[text_count++];
  slot->utf8 = utf8;
  slot->msgid = msgid;
  strcpy (slot->codeset, codeset);
  slot->text = out;
  arena_used += (size_t) length + 1;
  return out;
}

/* The translation of MSGID in UTF-8, under the thread's own LC_MESSAGES;
   MSGID if there is none.  */
static const char *
fetch_utf8 (const char *msgid)
{
  locale_t current = uselocale ((locale_t) 0);
  locale_t copy = duplocale (current);
  if (copy == (locale_t) 0)
    return msgid;
  locale_t utf8 = newlocale (LC_CTYPE_MASK, "C.UTF-8", copy);
  if (utf8 == (locale_t) 0)
    {
      freelocale (copy);
      return msgid;
    }
  uselocale (utf8);
  const char *text = dgettext (SMTP_STATUS_TEXTDOMAIN, msgid);
  uselocale (current);
  freelocale (utf8);
  return text;
}

const char *
smtpstatus_recover (const char *msgid)
{
  const char *codeset = nl_langinfo (CODESET);
  /* Nothing can have failed to convert into UTF-8, and with no catalog
     for the language (the header "" has no translation) English is
     the right answer.  */
  if (is_utf8 (codeset) || *dgettext (SMTP_STATUS_TEXTDOMAIN, "") == '\0')
    return msgid;
  pthread_mutex_lock (&lock);
  /* Said before the UTF-8 text enters glibc's cache, so that any thread
     that meets it there knows to look here.  */
  atomic_fetch_or_explicit (&smtpstatus_state, SMTPSTATUS_RECODING,
                            memory_order_release);
  const char *utf8 = fetch_utf8 (msgid);
  const char *text = utf8 == msgid ? msgid
                     : convert_once (utf8, msgid, codeset);
  pthread_mutex_unlock (&lock);
  return text;
}

const char *
smtpstatus_recoded (const char *text)
{
  const char *codeset = nl_langinfo (CODESET);
  if (is_utf8 (codeset))
    return text;
  pthread_mutex_lock (&lock);
  const struct recoded *fetched = find (text, NULL);
  const char *result = fetched == NULL ? text
                       : convert_once (text, fetched->msgid, codeset);
  pthread_mutex_unlock (&lock);
  return result;
}

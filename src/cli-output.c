/* cli-output.c: what the outputs of smtp-status share.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#if ENABLE_NLS
# include <langinfo.h>
# include <libintl.h>
#endif

#include "cli-output.h"

void
complain (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  fflush (stdout);
  fputs ("smtp-status: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
}

/* The length of the well-formed UTF-8 sequence at the start of the bytes
   from P to END (Unicode's table 3-7: no overlong forms, no surrogates,
   nothing above U+10FFFF), or 0 if there is none.  */
static size_t
utf8_sequence (const unsigned char *p, const unsigned char *end)
{
  unsigned char c = p[0], low = 0x80, high = 0xbf;
  size_t n;
  if (c >= 0xc2 && c <= 0xdf)
    n = 2;
  else if (c >= 0xe0 && c <= 0xef)
    {
      n = 3;
      if (c == 0xe0)
        low = 0xa0;
      else if (c == 0xed)
        high = 0x9f;
    }
  else if (c >= 0xf0 && c <= 0xf4)
    {
      n = 4;
      if (c == 0xf0)
        low = 0x90;
      else if (c == 0xf4)
        high = 0x8f;
    }
  else
    return 0;
  if ((size_t) (end - p) < n || p[1] < low || p[1] > high)
    return 0;
  for (size_t i = 2; i < n; i++)
    if (p[i] < 0x80 || p[i] > 0xbf)
      return 0;
  return n;
}

void
json_chars (const char *text, size_t length)
{
  const unsigned char *p = (const unsigned char *) text;
  const unsigned char *end = p + length;
  while (p < end)
    {
      /* A run of printable ASCII that needs no escape, in one write:
         --bounce --json over many messages is mostly that.  */
      const unsigned char *run = p;
      while (p < end && *p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\')
        p++;
      if (p != run)
        fwrite (run, 1, (size_t) (p - run), stdout);
      if (p == end)
        break;
      unsigned char c = *p;
      if (c >= 0x80)
        {
          size_t n = utf8_sequence (p, end);
          if (n == 0)
            fputs ("\xef\xbf\xbd", stdout);
          else
            fwrite (p, 1, n, stdout);
          p += n != 0 ? n : 1;
          continue;
        }
      if (c == '"' || c == '\\')
        {
          putchar ('\\');
          putchar (c);
        }
      else if (c == '\n')
        fputs ("\\n", stdout);
      else if (c == '\r')
        fputs ("\\r", stdout);
      else if (c == '\t')
        fputs ("\\t", stdout);
      else
        printf ("\\u%04x", c);
      p++;
    }
}

void
json_string (const char *text)
{
  if (text == NULL)
    {
      fputs ("null", stdout);
      return;
    }
  putchar ('"');
  json_chars (text, strlen (text));
  putchar ('"');
}

const char *
party_name (enum smtp_party party)
{
  switch (party)
    {
    case SMTP_PARTY_SENDER: return "sender";
    case SMTP_PARTY_SENDER_PROVIDER: return "sender-provider";
    case SMTP_PARTY_RECIPIENT: return "recipient";
    default: return "nobody";
    }
}

void
bind_codeset (bool json, bool utf8)
{
#if ENABLE_NLS
  if (!json)
    return;
  const char *codeset = utf8 ? "UTF-8" : nl_langinfo (CODESET);
  bind_textdomain_codeset (PACKAGE, codeset);
  bind_textdomain_codeset (SMTP_STATUS_TEXTDOMAIN, codeset);
#else
  (void) json, (void) utf8;
#endif
}

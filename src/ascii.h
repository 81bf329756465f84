/* ascii.h: characters by ASCII rules alone, the same in every locale.
   SPDX-License-Identifier: LGPL-2.1-or-later

   The <ctype.h> functions and strcasecmp follow LC_CTYPE: in a Turkish
   locale 'I' does not fold to 'i', so "MAILBOX_BUSY" or "USER UNKNOWN"
   would stop matching.  Names, commands and the words servers write are
   ASCII, so nothing else needs folding.  For the library and the
   program alike: the functions are static inline, no symbol of theirs
   is exported.  */

#ifndef SMTPSTATUS_ASCII_H
#define SMTPSTATUS_ASCII_H

#include <stdbool.h>

static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

static inline bool
ascii_is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static inline bool
ascii_is_alpha (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A space or a tab: what separates the words of a header field or a
   reply.  */
static inline bool
ascii_is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* A letter or a digit: a byte that continues a word.  */
static inline bool
ascii_is_alnum (char c)
{
  return ascii_is_digit (c) || ascii_is_alpha (c);
}

/* Whether the strings A and B are the same but for the case of ASCII
   letters.  */
static inline bool
ascii_equal_ci (const char *a, const char *b)
{
  for (; ascii_lower (*a) == ascii_lower (*b); a++, b++)
    if (*a == '\0')
      return true;
  return false;
}

#endif

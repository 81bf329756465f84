/* names.c: finding an entry by its symbolic name.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdbool.h>
#include <stddef.h>

#include "smtpstatus.h"
#include "codes.h"

/* Case folding by ASCII rules alone: strcasecmp follows LC_CTYPE, and in
   a Turkish locale 'I' does not fold to 'i', so "MAILBOX_BUSY" would stop
   matching.  Names are ASCII, so nothing else needs folding.  */
static char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

static bool
ascii_equal_ci (const char *a, const char *b)
{
  for (; ascii_lower (*a) == ascii_lower (*b); a++, b++)
    if (*a == '\0')
      return true;
  return false;
}

/* S without PREFIX (compared as ascii_equal_ci does), or NULL if S does
   not start with it.  */
static const char *
after_prefix_ci (const char *s, const char *prefix)
{
  for (; *prefix != '\0'; s++, prefix++)
    if (ascii_lower (*s) != ascii_lower (*prefix))
      return NULL;
  return s;
}

int
smtp_status_from_name (const char *name, int *code)
{
  const char *unprefixed = after_prefix_ci (name, "SMTP_STATUS_");
  /* Names and ids start with the same letter, so one test of the first
     letter rules out most entries before any string is compared.  */
  char first = ascii_lower (*name);
  char first_unprefixed = unprefixed != NULL ? ascii_lower (*unprefixed) : 0;
  size_t count = smtp_status_count ();
  for (size_t i = 0; i < count; i++)
    {
      const char *id = smtpstatus_entry_id (i);
      char initial = ascii_lower (*id);
      if ((initial == first
           && (ascii_equal_ci (name, smtpstatus_entry_name (i))
               || ascii_equal_ci (name, id)))
          || (initial == first_unprefixed && ascii_equal_ci (unprefixed, id)))
        {
          int found;
          smtp_status_code_at (i, &found);
          if (code != NULL)
            *code = found;
          return 0;
        }
    }
  return -1;
}

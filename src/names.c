/* names.c: finding an entry by its symbolic name.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdbool.h>
#include <stddef.h>

#include "smtpstatus.h"
#include "ascii.h"
#include "codes.h"

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

/* enhanced-syntax.c: reading an enhanced status code written as text.
   SPDX-License-Identifier: LGPL-2.1-or-later

   RFC 3463 section 2: class "." subject "." detail, the class 2, 4 or 5,
   subject and detail one to three digits, "without leading zero digits",
   and no white space inside.  */

#include <config.h>

#include <stdbool.h>
#include <stddef.h>

#include "smtpstatus.h"
#include "enhanced.h"

/* Reads one to three digits, not starting with a 0 unless the 0 stands
   alone, from *P (before END); moves *P past them.  */
static bool
read_number (const char **p, const char *end, int *value)
{
  const char *s = *p;
  int n = 0;
  size_t digits = 0;
  for (; s < end && *s >= '0' && *s <= '9'; s++)
    {
      if (++digits > 3)
        return false;
      n = n * 10 + (*s - '0');
    }
  if (digits == 0 || (digits > 1 && **p == '0'))
    return false;
  *value = n;
  *p = s;
  return true;
}

/* Reads the code at TEXT (before END); returns where it stops, or NULL if
   TEXT does not start with one.  */
static const char *
read_code (const char *text, const char *end,
           struct smtp_enhanced_status *status)
{
  const char *p = text;
  if (p == end || (*p != '2' && *p != '4' && *p != '5'))
    return NULL;
  int status_class = *p++ - '0';
  int subject, detail;
  if (p == end || *p++ != '.' || !read_number (&p, end, &subject)
      || p == end || *p++ != '.' || !read_number (&p, end, &detail))
    return NULL;
  status->status_class = status_class;
  status->subject = subject;
  status->detail = detail;
  return p;
}

size_t
smtpstatus_enhanced_prefix (const char *text, size_t length,
                            struct smtp_enhanced_status *status)
{
  const char *end = text + length;
  struct smtp_enhanced_status found;
  const char *stop = read_code (text, end, &found);
  if (stop == NULL || (stop != end && *stop != ' '))
    return 0;
  *status = found;
  return (size_t) (stop - text);
}

int
smtp_enhanced_parse (const char *text, size_t length,
                     struct smtp_enhanced_status *status)
{
  if (text == NULL || status == NULL)
    return -1;
  struct smtp_enhanced_status found;
  if (read_code (text, text + length, &found) != text + length)
    return -1;
  *status = found;
  return 0;
}

/* enhanced.h: the enhanced status codes, for the library's other files.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef SMTPSTATUS_ENHANCED_H
#define SMTPSTATUS_ENHANCED_H

#include <stddef.h>

#include "smtpstatus.h"

/* The English text of CLASS.SUBJECT.DETAIL: the detail's, the subject's
   or the class's, as smtp_enhanced_description describes.  */
const char *smtpstatus_enhanced_english (int status_class, int subject,
                                         int detail);

/* The English text of SUBJECT for a detail the registry lacks, or NULL
   if SUBJECT is not registered either.  */
const char *smtpstatus_subject_english (int subject);

/* Whether STATUS_CLASS is one an enhanced code may have (RFC 3463
   section 2: success, persistent temporary or permanent failure).  */
static inline int
smtpstatus_is_enhanced_class (int status_class)
{
  return status_class == 2 || status_class == 4 || status_class == 5;
}

/* Reads one to three digits, not starting with a 0 unless the 0 stands
   alone, from P (before END); returns where they stop, or NULL.  */
static inline const char *
smtpstatus_read_subcode (const char *p, const char *end, int *value)
{
  int n = 0;
  const char *start = p;
  while (p < end && *p >= '0' && *p <= '9')
    {
      if (p - start == 3)
        return NULL;
      n = n * 10 + (*p++ - '0');
    }
  if (p == start || (p - start > 1 && *start == '0'))
    return NULL;
  *value = n;
  return p;
}

/* Reads the enhanced status code at TEXT (before END), by RFC 3463
   section 2: class "." subject "." detail, the class 2, 4 or 5, subject
   and detail one to three digits without leading zeros.  Returns where
   it stops, or NULL if TEXT does not start with one; fills *STATUS.
   Inline, because the reply parser runs it on every reply.  */
static inline const char *
smtpstatus_read_enhanced (const char *text, const char *end,
                          struct smtp_enhanced_status *status)
{
  if (end - text < 5 || (text[0] != '2' && text[0] != '4' && text[0] != '5')
      || text[1] != '.')
    return NULL;
  int subject, detail;
  const char *p = smtpstatus_read_subcode (text + 2, end, &subject);
  if (p == NULL || p == end || *p != '.')
    return NULL;
  p = smtpstatus_read_subcode (p + 1, end, &detail);
  if (p == NULL)
    return NULL;
  status->status_class = text[0] - '0';
  status->subject = subject;
  status->detail = detail;
  return p;
}

#endif

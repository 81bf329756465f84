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

/* The length of the enhanced status code at the start of the LENGTH
   bytes at TEXT, if one is there and is followed by a space or by the
   end of TEXT; 0 if there is none.  Fills *STATUS when there is one.  */
size_t smtpstatus_enhanced_prefix (const char *text, size_t length,
                                   struct smtp_enhanced_status *status);

#endif

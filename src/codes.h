/* codes.h: the English texts of the code tables, for the library's other
   files.  Each is an msgid of the smtpstatus domain, for i18n.h to
   translate.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef SMTPSTATUS_CODES_H
#define SMTPSTATUS_CODES_H

#include <stddef.h>

#include "smtpstatus.h"

/* The text of basic CODE: the entry's, else its reply class's, else the
   "unknown code" text.  */
const char *smtpstatus_code_msgid (int code);

/* The text for a code the table lacks, by reply CLASS (2 to 5; anything
   else gets the "unknown code" text).  */
const char *smtpstatus_class_msgid (int status_class);

/* The text of CLASS.SUBJECT.DETAIL: the detail's, else the subject's,
   else the class's, as smtp_enhanced_description describes.  */
const char *smtpstatus_enhanced_msgid (int status_class, int subject,
                                       int detail);

/* The text of SUBJECT for a detail the registry lacks, or NULL if SUBJECT
   is not registered either.  */
const char *smtpstatus_subject_msgid (int subject);

/* The reason a failure with SUBJECT.DETAIL most likely has: the
   detail's where the registry has it, else the subject's, else
   SMTP_REASON_UNKNOWN.  */
enum smtp_reason smtpstatus_enhanced_reason (int subject, int detail);

/* The source name and the enum suffix ("MAILBOX_BUSY") of entry INDEX,
   which must be below smtp_status_count().  */
const char *smtpstatus_entry_name (size_t index);
const char *smtpstatus_entry_id (size_t index);

#endif

/* table.h: what the table offers the library's other files.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef SMTPSTATUS_TABLE_H
#define SMTPSTATUS_TABLE_H

#include <stddef.h>

/* The English text for CODE: the entry's description, else the text of
   its reply class, else the "unknown code" text.  It is the msgid under
   which the catalogs hold the translation.  Never NULL.  */
const char *smtpstatus_english (int code);

/* The English text for a code the table lacks, by reply CLASS (2 to 5;
   anything else gets the "unknown code" text).  */
const char *smtpstatus_class_english (int status_class);

/* The source name and the enum suffix ("MAILBOX_BUSY") of entry INDEX,
   which must be below smtp_status_count().  */
const char *smtpstatus_name_at (size_t index);
const char *smtpstatus_id_at (size_t index);

#endif

/* diagnose.h: what diagnose.c, reasons.c and explain.c share.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef SMTPSTATUS_DIAGNOSE_H
#define SMTPSTATUS_DIAGNOSE_H

#include "smtpstatus.h"

/* Who can fix a failure of REASON, as reasons.def says.  */
enum smtp_party smtpstatus_reason_fixer (enum smtp_reason reason);

/* The English explanation of REPLY from its codes alone, the text
   smtp_reply_explain translates.  */
const char *smtpstatus_reply_msgid (const struct smtp_reply *reply);

/* The English explanation meanings.def gives first to a reply of
   REASON, or NULL where it gives none.  */
const char *smtpstatus_reason_msgid (enum smtp_reason reason);

#endif

/* i18n.h: translating the library's texts.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef SMTPSTATUS_I18N_H
#define SMTPSTATUS_I18N_H

#include <locale.h>

/* MSGID, an English text of the smtpstatus domain, in the calling
   thread's message locale; MSGID itself where there is no translation.  */
const char *smtpstatus_translate (const char *msgid);

/* The same in locale LOC, leaving the thread's own locale as it was.  */
const char *smtpstatus_translate_l (const char *msgid, locale_t loc);

#endif

/* recode.h: translations gettext could not convert to the locale's charset.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef SMTPSTATUS_RECODE_H
#define SMTPSTATUS_RECODE_H

/* For a MSGID that dgettext handed back untranslated: the translation,
   converted with transliteration into the charset of the thread's locale,
   if the catalog has one that gettext failed to convert; else MSGID.  */
const char *smtpstatus_recover (const char *msgid);

/* TEXT as dgettext returned it, or, if TEXT is a UTF-8 translation that
   smtpstatus_recover fetched and the thread's charset is another, its
   conversion.  Needed only once SMTPSTATUS_RECODING is set.  */
const char *smtpstatus_recoded (const char *text);

#endif

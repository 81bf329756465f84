/* smtpstatus.h: SMTP reply codes as human-readable, localized text.
   SPDX-License-Identifier: LGPL-2.1-or-later

   The strerror() of SMTP: every description comes back in the calling
   thread's message locale, from the library's own gettext domain.  No
   function here changes the process's locale or text domain, allocates
   memory, or keeps state a caller must free.  See smtpstatus(3).  */

#ifndef SMTPSTATUS_H
#define SMTPSTATUS_H

#include <locale.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The gettext domain of the descriptions, for a program that wants them in
   a fixed charset: bind_textdomain_codeset (SMTP_STATUS_TEXTDOMAIN, "UTF-8").  */
#define SMTP_STATUS_TEXTDOMAIN "smtpstatus"

/* One constant per entry of the table, e.g. SMTP_STATUS_MAILBOX_UNAVAILABLE
   = 550.  The list itself is in smtpstatus-codes.def.  */
enum smtp_status_code
{
#define SMTP_STATUS_ENTRY(code, id, name, text) SMTP_STATUS_##id = (code),
#include "smtpstatus-codes.def"
#undef SMTP_STATUS_ENTRY
};

/* The description of CODE in the calling thread's message locale
   (LC_MESSAGES and LANGUAGE, as gettext decides).  A code not in the table
   gets the text of its reply class (2xx to 5xx), anything else a text that
   says the code is unknown.  Never NULL; the string is static and must not
   be modified or freed.  */
const char *smtp_status_description (int code);

#ifdef LC_GLOBAL_LOCALE
/* The same as smtp_status_description, but for the locale LOC (a locale
   object from newlocale, or LC_GLOBAL_LOCALE), like strerror_l.  The
   calling thread's own locale is left as it was.  Declared where the
   system declares locale_t (POSIX 2008: _POSIX_C_SOURCE >= 200809L).  */
const char *smtp_status_description_l (int code, locale_t loc);
#endif

/* The symbolic name of CODE as the source table spells it, for example
   "MailboxUnavailable" for 550; NULL if CODE is not in the table.  */
const char *smtp_status_name (int code);

/* Looks NAME up and stores its code in *CODE (unless CODE is NULL).
   NAME is the source name ("MailboxBusy") or the enum constant's name
   with or without its prefix ("MAILBOX_BUSY", "SMTP_STATUS_MAILBOX_BUSY"),
   compared without regard to case by ASCII rules, so the answer is the
   same in every locale.  Returns 0, or -1 if NAME is unknown or NULL.  */
int smtp_status_from_name (const char *name, int *code);

/* The reply class of CODE: its first digit, 2 to 5, for a code from 200
   to 599, whether the table has it or not; 0 for any other number.  */
int smtp_status_class (int code);

/* 1 if CODE is in the table, 0 otherwise.  */
int smtp_status_is_known (int code);

/* The number of entries in the table.  */
size_t smtp_status_count (void);

/* Stores in *CODE the code of entry INDEX of the table, whose entries are
   in ascending order of code.  Returns 0, or -1 if INDEX is not below
   smtp_status_count().  */
int smtp_status_code_at (size_t index, int *code);

#ifdef __cplusplus
}
#endif

#endif /* SMTPSTATUS_H */

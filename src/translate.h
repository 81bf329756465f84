/* translate.h: the library's one way to translate its texts.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Inline, because every description goes through here and the budget
   for what the library adds to the dgettext call is a few instructions
   ('make bench').  */

#ifndef SMTPSTATUS_TRANSLATE_H
#define SMTPSTATUS_TRANSLATE_H

#include <locale.h>

#include "smtpstatus.h"

#define SMTPSTATUS_HIDDEN __attribute__ ((visibility ("hidden")))

#if ENABLE_NLS
# include <libintl.h>
# include <stdatomic.h>

/* The state of translation, one word so that the common case tests it
   once: SMTPSTATUS_BOUND once the domain is bound, with
   SMTPSTATUS_RECODING once recode.c has converted a text itself.  Set
   with release order.  */
enum { SMTPSTATUS_BOUND = 1, SMTPSTATUS_RECODING = 2 };
extern atomic_uint smtpstatus_state SMTPSTATUS_HIDDEN;

/* The rare cases of smtpstatus_translate: the domain not bound yet, no
   translation, or recode.c at work; TEXT is what dgettext gave.  */
const char *smtpstatus_translate_slowly (const char *text, const char *msgid)
  SMTPSTATUS_HIDDEN;

/* MSGID, an English text of the smtpstatus domain, in the calling
   thread's message locale.  The common case is one dgettext call and
   three tests; the binding is checked after the call, not before, since
   a lookup made before the binding is simply made again.  An empty text
   comes only from a broken catalog (glibc hands out "" for the strings
   of a truncated one): no translation is empty.  */
static inline const char *
smtpstatus_translate (const char *msgid)
{
  const char *text = dgettext (SMTP_STATUS_TEXTDOMAIN, msgid);
  if (text != msgid && *text != '\0'
      && atomic_load_explicit (&smtpstatus_state, memory_order_acquire)
         == SMTPSTATUS_BOUND)
    return text;
  return smtpstatus_translate_slowly (text, msgid);
}

/* The same in locale LOC, leaving the thread's own locale as it was.
   gettext follows the thread's locale, so switching this thread alone,
   as glibc's strerror_l does, leaves every other thread untouched.  */
static inline const char *
smtpstatus_translate_l (const char *msgid, locale_t loc)
{
  locale_t previous = uselocale (loc);
  const char *text = smtpstatus_translate (msgid);
  uselocale (previous);
  return text;
}

#else /* !ENABLE_NLS */

static inline const char *
smtpstatus_translate (const char *msgid)
{
  return msgid;
}

static inline const char *
smtpstatus_translate_l (const char *msgid, locale_t loc)
{
  (void) loc;
  return msgid;
}

#endif

#endif

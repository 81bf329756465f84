/* translate.c: translation the way a library must do it.
   SPDX-License-Identifier: LGPL-2.1-or-later

   The library never calls setlocale() or textdomain(): those belong to the
   program.  It translates with dgettext() in its own domain, which it
   binds once, on first use, so that merely linking it costs nothing.  */

#include <config.h>

#include <locale.h>

#include "smtpstatus.h"
#include "translate.h"

#if ENABLE_NLS
# include <libintl.h>
# include <pthread.h>
# include "localedir.h"
# include "recode.h"

static pthread_once_t domain_bound = PTHREAD_ONCE_INIT;

static void
bind_domain (void)
{
  bindtextdomain (SMTP_STATUS_TEXTDOMAIN, smtpstatus_localedir ());
}

const char *
smtpstatus_translate (const char *msgid)
{
  pthread_once (&domain_bound, bind_domain);
  const char *text = dgettext (SMTP_STATUS_TEXTDOMAIN, msgid);
  return text == msgid ? smtpstatus_recover (msgid) : smtpstatus_recoded (text);
}

const char *
smtpstatus_translate_l (const char *msgid, locale_t loc)
{
  /* gettext follows the thread's locale, so switching this thread alone,
     as glibc's strerror_l does, leaves every other thread untouched.  */
  locale_t previous = uselocale (loc);
  const char *text = smtpstatus_translate (msgid);
  uselocale (previous);
  return text;
}

#else /* !ENABLE_NLS */

const char *
smtpstatus_translate (const char *msgid)
{
  return msgid;
}

const char *
smtpstatus_translate_l (const char *msgid, locale_t loc)
{
  (void) loc;
  return msgid;
}

#endif

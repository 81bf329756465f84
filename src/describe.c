/* describe.c: the descriptions, translated the way a library must.
   SPDX-License-Identifier: LGPL-2.1-or-later

   The library never calls setlocale() or textdomain(): those belong to the
   program.  It translates with dgettext() in its own domain, which it
   binds once, on first use, so that merely linking it costs nothing.  */

#include <config.h>

#include <locale.h>

#include "smtpstatus.h"
#include "table.h"

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

static const char *
translate (const char *msgid)
{
  pthread_once (&domain_bound, bind_domain);
  const char *text = dgettext (SMTP_STATUS_TEXTDOMAIN, msgid);
  return text == msgid ? smtpstatus_recover (msgid) : smtpstatus_recoded (text);
}

#else /* !ENABLE_NLS */

static const char *
translate (const char *msgid)
{
  return msgid;
}

#endif

const char *
smtp_status_description (int code)
{
  return translate (smtpstatus_english (code));
}

const char *
smtp_status_description_l (int code, locale_t loc)
{
#if ENABLE_NLS
  /* gettext follows the thread's locale, so switching this thread alone,
     as glibc's strerror_l does, leaves every other thread untouched.  */
  locale_t previous = uselocale (loc);
  const char *text = translate (smtpstatus_english (code));
  uselocale (previous);
  return text;
#else
  (void) loc;
  return smtpstatus_english (code);
#endif
}

/* i18n.c: translating the library's texts, as the gettext manual says a
   library must: dgettext in its own domain, bound once, lazily, and
   never setlocale() or textdomain(), which belong to the program.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include "i18n.h"

#if ENABLE_NLS
# include <libintl.h>
# include <pthread.h>
# include <stdlib.h>

# include "smtpstatus.h"

static pthread_once_t bound = PTHREAD_ONCE_INIT;

/* The installed catalogs, unless SMTPSTATUS_LOCALEDIR names others: the
   test suite points it at catalogs in the build tree, and a relocated
   install can use it too.  secure_getenv keeps a set-user-ID program
   from being fed someone else's catalogs.  */
static void
bind_domain (void)
{
# ifdef HAVE_SECURE_GETENV
  const char *dir = secure_getenv ("SMTPSTATUS_LOCALEDIR");
# else
  const char *dir = getenv ("SMTPSTATUS_LOCALEDIR");
# endif
  bindtextdomain (SMTP_STATUS_TEXTDOMAIN,
                  dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
}

const char *
smtpstatus_translate (const char *msgid)
{
  /* pthread_once returns only once the domain is bound, so no thread
     looks in gettext's default directory, whatever the others do.  */
  pthread_once (&bound, bind_domain);
  return dgettext (SMTP_STATUS_TEXTDOMAIN, msgid);
}

#else /* !ENABLE_NLS */

const char *
smtpstatus_translate (const char *msgid)
{
  return msgid;
}

#endif

/* gettext follows the thread's locale, so switching this thread alone,
   as glibc's strerror_l does, leaves every other thread untouched.  */
const char *
smtpstatus_translate_l (const char *msgid, locale_t loc)
{
  locale_t previous = uselocale (loc);
  const char *text = smtpstatus_translate (msgid);
  uselocale (previous);
  return text;
}

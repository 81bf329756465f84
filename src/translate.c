/* translate.c: binding the library's text domain.
   SPDX-License-Identifier: LGPL-2.1-or-later

   The library never calls setlocale() or textdomain(): those belong to the
   program.  It translates with dgettext() in its own domain, which it
   binds once, on first use, so that merely linking it costs nothing.  */

#include <config.h>

#include "translate.h"

#if ENABLE_NLS
# include <pthread.h>
# include "catalogs.h"
# include "localedir.h"
# include "recode.h"

atomic_uint smtpstatus_state;

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void
bind_domain (void)
{
  /* A broken catalog could make gettext read past its end (catalogs.c);
     then no catalog is used: "/dev/null" is never a directory.  */
  const char *dir = smtpstatus_localedir ();
  bindtextdomain (SMTP_STATUS_TEXTDOMAIN,
                  smtpstatus_catalogs_sound (dir) ? dir : "/dev/null");
  atomic_fetch_or_explicit (&smtpstatus_state, SMTPSTATUS_BOUND,
                            memory_order_release);
}

const char *
smtpstatus_translate_slowly (const char *text, const char *msgid)
{
  unsigned state = atomic_load_explicit (&smtpstatus_state,
                                         memory_order_acquire);
  if (!(state & SMTPSTATUS_BOUND))
    {
      /* Whatever that lookup found, it was not in our catalogs.  */
      pthread_once (&once, bind_domain);
      text = dgettext (SMTP_STATUS_TEXTDOMAIN, msgid);
      state = atomic_load_explicit (&smtpstatus_state, memory_order_acquire);
    }
  if (*text == '\0')
    return msgid;
  if (text == msgid)
    return smtpstatus_recover (msgid);
  return state & SMTPSTATUS_RECODING ? smtpstatus_recoded (text) : text;
}

#endif

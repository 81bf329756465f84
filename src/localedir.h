/* localedir.h: where the message catalogs are.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef SMTPSTATUS_LOCALEDIR_H
#define SMTPSTATUS_LOCALEDIR_H

#include <stdlib.h>

/* The installed catalogs, unless SMTPSTATUS_LOCALEDIR names others: the
   test suite points it at catalogs in the build tree, and a relocated
   install can use it too.  secure_getenv keeps a set-user-ID program from
   being fed someone else's catalogs.  */
static inline const char *
smtpstatus_localedir (void)
{
#ifdef HAVE_SECURE_GETENV
  const char *dir = secure_getenv ("SMTPSTATUS_LOCALEDIR");
#else
  const char *dir = getenv ("SMTPSTATUS_LOCALEDIR");
#endif
  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

#endif

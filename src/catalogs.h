/* catalogs.h: checking the message catalogs before gettext reads them.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef SMTPSTATUS_CATALOGS_H
#define SMTPSTATUS_CATALOGS_H

#include <stdbool.h>
#include <stddef.h>

/* Whether the SIZE bytes at DATA are safe for gettext: not a .mo file at
   all (gettext ignores those), or one whose tables and strings all lie
   within it, each string ending in a NUL.  */
bool smtpstatus_catalog_sound (const unsigned char *data, size_t size)
  __attribute__ ((visibility ("hidden")));

/* Whether every LL/LC_MESSAGES/smtpstatus.mo under LOCALEDIR is sound.  */
bool smtpstatus_catalogs_sound (const char *localedir)
  __attribute__ ((visibility ("hidden")));

#endif

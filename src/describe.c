/* describe.c: the descriptions of the basic reply codes.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include "smtpstatus.h"
#include "table.h"
#include "translate.h"

const char *
smtp_status_description (int code)
{
  return smtpstatus_translate (smtpstatus_english (code));
}

const char *
smtp_status_description_l (int code, locale_t loc)
{
  return smtpstatus_translate_l (smtpstatus_english (code), loc);
}

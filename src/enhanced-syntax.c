/* enhanced-syntax.c: reading an enhanced status code written as text.
   SPDX-License-Identifier: LGPL-2.1-or-later

   The grammar is in smtpstatus_read_enhanced (enhanced.h), which the
   reply parser uses too.  */

#include <config.h>

#include <stddef.h>

#include "smtpstatus.h"
#include "enhanced.h"

int
smtp_enhanced_parse (const char *text, size_t length,
                     struct smtp_enhanced_status *status)
{
  if (text == NULL || status == NULL)
    return -1;
  struct smtp_enhanced_status found;
  if (smtpstatus_read_enhanced (text, text + length, &found) != text + length)
    return -1;
  *status = found;
  return 0;
}

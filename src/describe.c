/* describe.c: the descriptions of basic and enhanced codes.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Each is the English text codes.c finds, translated by i18n.c.  */

#include <config.h>

#include <string.h>

#include "smtpstatus.h"
#include "codes.h"
#include "i18n.h"

const char *
smtp_status_description (int code)
{
  return smtpstatus_translate (smtpstatus_code_msgid (code));
}

const char *
smtp_status_description_l (int code, locale_t loc)
{
  return smtpstatus_translate_l (smtpstatus_code_msgid (code), loc);
}

const char *
smtp_enhanced_description (int status_class, int subject, int detail)
{
  return smtpstatus_translate (smtpstatus_enhanced_msgid (status_class,
                                                          subject, detail));
}

const char *
smtp_enhanced_description_l (int status_class, int subject, int detail,
                             locale_t loc)
{
  return smtpstatus_translate_l (smtpstatus_enhanced_msgid (status_class,
                                                            subject, detail),
                                 loc);
}

/* The English text for CODE written as "5.1.1".  */
static const char *
msgid_of_string (const char *code)
{
  struct smtp_enhanced_status status;
  if (smtp_enhanced_parse (code, strlen (code), &status) != 0)
    return smtpstatus_class_msgid (0);
  return smtpstatus_enhanced_msgid (status.status_class, status.subject,
                                    status.detail);
}

const char *
smtp_enhanced_description_str (const char *code)
{
  return smtpstatus_translate (msgid_of_string (code));
}

const char *
smtp_enhanced_description_str_l (const char *code, locale_t loc)
{
  return smtpstatus_translate_l (msgid_of_string (code), loc);
}

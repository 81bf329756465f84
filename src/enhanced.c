/* enhanced.c: the table of enhanced status codes and their descriptions.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Made from smtpstatus-enhanced.def and stored as table.c stores the
   basic codes: one struct of char arrays addressed by offsets, so no
   relocations, and a direct index by subject and detail.  */

#include <config.h>

#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "smtpstatus.h"
#include "enhanced.h"
#include "table.h"
#include "translate.h"

#define N_(text) text

static const struct strings
{
#define SMTP_ENHANCED_SUBJECT(subject, text) char subject_##subject[sizeof text];
#define SMTP_ENHANCED_DETAIL(subject, detail, text) \
  char detail_##subject##_##detail[sizeof text];
#include "smtpstatus-enhanced.def"
#undef SMTP_ENHANCED_SUBJECT
#undef SMTP_ENHANCED_DETAIL
} strings =
{
#define SMTP_ENHANCED_SUBJECT(subject, text) text,
#define SMTP_ENHANCED_DETAIL(subject, detail, text) text,
#include "smtpstatus-enhanced.def"
#undef SMTP_ENHANCED_SUBJECT
#undef SMTP_ENHANCED_DETAIL
};

_Static_assert (sizeof strings < USHRT_MAX,
                "string offsets plus one must fit in unsigned short");

/* The subjects and details the index covers; the registry's largest are
   X.7.x and X.x.30.  */
enum { MAX_SUBJECT = 7, MAX_DETAIL = 30 };

#define SMTP_ENHANCED_SUBJECT(subject, text) \
  _Static_assert ((subject) <= MAX_SUBJECT, "subject outside the index");
#define SMTP_ENHANCED_DETAIL(subject, detail, text) \
  _Static_assert ((subject) <= MAX_SUBJECT && (detail) <= MAX_DETAIL, \
                  "detail outside the index");
#include "smtpstatus-enhanced.def"
#undef SMTP_ENHANCED_SUBJECT
#undef SMTP_ENHANCED_DETAIL

/* Offsets of the subject texts; the list has every subject from 0 to
   MAX_SUBJECT.  */
static const unsigned short subject_text[MAX_SUBJECT + 1] =
{
#define SMTP_ENHANCED_SUBJECT(subject, text) \
  [subject] = offsetof (struct strings, subject_##subject),
#define SMTP_ENHANCED_DETAIL(subject, detail, text)
#include "smtpstatus-enhanced.def"
#undef SMTP_ENHANCED_SUBJECT
#undef SMTP_ENHANCED_DETAIL
};

/* Offset of each detail's text plus one, 0 for a code the registry does
   not have; a code listed twice trips -Woverride-init.  */
static const unsigned short detail_text[MAX_SUBJECT + 1][MAX_DETAIL + 1] =
{
#define SMTP_ENHANCED_SUBJECT(subject, text)
#define SMTP_ENHANCED_DETAIL(subject, detail, text) \
  [subject][detail] = offsetof (struct strings, detail_##subject##_##detail) + 1,
#include "smtpstatus-enhanced.def"
#undef SMTP_ENHANCED_SUBJECT
#undef SMTP_ENHANCED_DETAIL
};

static const char *
string_at (unsigned offset)
{
  return (const char *) &strings + offset;
}

static unsigned
detail_offset (int subject, int detail)
{
  if (subject < 0 || subject > MAX_SUBJECT || detail < 0
      || detail > MAX_DETAIL)
    return 0;
  return detail_text[subject][detail];
}

const char *
smtpstatus_subject_english (int subject)
{
  return subject >= 0 && subject <= MAX_SUBJECT
         ? string_at (subject_text[subject]) : NULL;
}

const char *
smtpstatus_enhanced_english (int status_class, int subject, int detail)
{
  if (!smtpstatus_is_enhanced_class (status_class))
    return smtpstatus_class_english (0);
  unsigned offset = detail_offset (subject, detail);
  if (offset != 0)
    return string_at (offset - 1);
  const char *text = smtpstatus_subject_english (subject);
  return text != NULL ? text : smtpstatus_class_english (status_class);
}

int
smtp_enhanced_is_known (int subject, int detail)
{
  return detail_offset (subject, detail) != 0;
}

const char *
smtp_enhanced_description (int status_class, int subject, int detail)
{
  return smtpstatus_translate (smtpstatus_enhanced_english (status_class,
                                                            subject, detail));
}

const char *
smtp_enhanced_description_l (int status_class, int subject, int detail,
                             locale_t loc)
{
  return smtpstatus_translate_l (smtpstatus_enhanced_english (status_class,
                                                              subject,
                                                              detail), loc);
}

/* The English text for CODE written as "5.1.1".  */
static const char *
english_of_string (const char *code)
{
  struct smtp_enhanced_status status;
  if (code == NULL || smtp_enhanced_parse (code, strlen (code), &status) != 0)
    return smtpstatus_class_english (0);
  return smtpstatus_enhanced_english (status.status_class, status.subject,
                                      status.detail);
}

const char *
smtp_enhanced_description_str (const char *code)
{
  return smtpstatus_translate (english_of_string (code));
}

const char *
smtp_enhanced_description_str_l (const char *code, locale_t loc)
{
  return smtpstatus_translate_l (english_of_string (code), loc);
}

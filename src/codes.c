/* codes.c: the tables of basic and enhanced codes, and their lookups.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Made from basic-codes.def and enhanced-codes.def.  Every string lives
   in one struct of char arrays, the pool, and the indexes refer to it by
   offset, as musl's strerror does: a table of pointers would cost a
   relocation per string each time the library is loaded, offsets cost
   none.  A code finds its text through a direct index, in constant
   time.  */

#include <config.h>

#include <limits.h>
#include <stddef.h>

#include "smtpstatus.h"
#include "codes.h"

/* Marks a text for xgettext; it is translated when it is looked up.  */
#define N_(text) text

static const struct pool
{
#define SMTP_STATUS_ENTRY(code, id, name, text) \
  char name_##id[sizeof #name]; \
  char id_##id[sizeof #id]; \
  char text_##id[sizeof text];
#include "basic-codes.def"
#undef SMTP_STATUS_ENTRY
#define SMTP_ENHANCED_SUBJECT(subject, reason, text) char subject_##subject[sizeof text];
#define SMTP_ENHANCED_DETAIL(subject, detail, reason, text) \
  char detail_##subject##_##detail[sizeof text];
#include "enhanced-codes.def"
#undef SMTP_ENHANCED_SUBJECT
#undef SMTP_ENHANCED_DETAIL
  /* Texts for codes the table lacks, by reply class; [0] is for a number
     with no class.  */
  char fallback[6][32];
} pool =
{
#define SMTP_STATUS_ENTRY(code, id, name, text) #name, #id, text,
#include "basic-codes.def"
#undef SMTP_STATUS_ENTRY
#define SMTP_ENHANCED_SUBJECT(subject, reason, text) text,
#define SMTP_ENHANCED_DETAIL(subject, detail, reason, text) text,
#include "enhanced-codes.def"
#undef SMTP_ENHANCED_SUBJECT
#undef SMTP_ENHANCED_DETAIL
  {
    /* TRANSLATORS: for a number that is no SMTP reply code at all.  */
    [0] = N_("Unknown SMTP status code."),
    /* TRANSLATORS: for a code 2xx the table lacks: the server did it.  */
    [2] = N_("Unknown success reply."),
    /* TRANSLATORS: for a code 3xx the table lacks: the server waits for
       more input.  */
    [3] = N_("Unknown intermediate reply."),
    /* TRANSLATORS: for a code 4xx the table lacks: trying later may
       work.  */
    [4] = N_("Unknown temporary failure."),
    /* TRANSLATORS: for a code 5xx the table lacks: retrying will not
       help.  */
    [5] = N_("Unknown permanent failure."),
  },
};

/* Offsets plus one, so that 0 can mean "none" in the indexes.  */
_Static_assert (sizeof pool < USHRT_MAX,
                "pool offsets plus one must fit in unsigned short");

/* The generated enum of smtpstatus.h must say what the list says.  */
#define SMTP_STATUS_ENTRY(code, id, name, text) \
  _Static_assert (SMTP_STATUS_##id == (code), #id " differs in smtpstatus.h");
#include "basic-codes.def"
#undef SMTP_STATUS_ENTRY

#define AT(member) offsetof (struct pool, member)

static const char *
string_at (unsigned offset)
{
  return (const char *) &pool + offset;
}


/* The basic codes.  */

/* An entry as the walk by position (smtp_status_code_at) and the name
   lookup see it.  */
static const struct entry
{
  short code;
  unsigned short name;
  unsigned short id;
} entries[] =
{
#define SMTP_STATUS_ENTRY(code, id, name, text) \
  { (code), AT (name_##id), AT (id_##id) },
#include "basic-codes.def"
#undef SMTP_STATUS_ENTRY
};

enum { ENTRY_COUNT = sizeof entries / sizeof entries[0] };

/* The range the direct indexes cover; every entry must fall inside it.  */
enum { LOWEST_CODE = -1, HIGHEST_CODE = 599,
       CODE_SPAN = HIGHEST_CODE - LOWEST_CODE + 1 };

#define SMTP_STATUS_ENTRY(code, id, name, text) \
  _Static_assert ((code) >= LOWEST_CODE && (code) <= HIGHEST_CODE, \
                  #name " lies outside the index");
#include "basic-codes.def"
#undef SMTP_STATUS_ENTRY

/* By code - LOWEST_CODE: the offset of the entry's text plus one, 0 for a
   code the table lacks.  A code listed twice would initialize an element
   twice, which -Woverride-init (part of -Wextra) reports.  */
static const unsigned short text_by_code[CODE_SPAN] =
{
#define SMTP_STATUS_ENTRY(code, id, name, text) \
  [(code) - LOWEST_CODE] = AT (text_##id) + 1,
#include "basic-codes.def"
#undef SMTP_STATUS_ENTRY
};

/* The same for the entry's name.  */
static const unsigned short name_by_code[CODE_SPAN] =
{
#define SMTP_STATUS_ENTRY(code, id, name, text) \
  [(code) - LOWEST_CODE] = AT (name_##id) + 1,
#include "basic-codes.def"
#undef SMTP_STATUS_ENTRY
};

/* INDEX's element for CODE, 0 outside the range.  */
static unsigned
by_code (const unsigned short *index, int code)
{
  unsigned i = (unsigned) code - (unsigned) LOWEST_CODE;
  return i < CODE_SPAN ? index[i] : 0;
}

const char *
smtpstatus_class_msgid (int status_class)
{
  return pool.fallback[status_class >= 2 && status_class <= 5
                       ? status_class : 0];
}

const char *
smtpstatus_code_msgid (int code)
{
  unsigned text = by_code (text_by_code, code);
  return text != 0 ? string_at (text - 1)
                   : smtpstatus_class_msgid (smtp_status_class (code));
}

const char *
smtpstatus_entry_name (size_t index)
{
  return string_at (entries[index].name);
}

const char *
smtpstatus_entry_id (size_t index)
{
  return string_at (entries[index].id);
}

const char *
smtp_status_name (int code)
{
  unsigned name = by_code (name_by_code, code);
  return name != 0 ? string_at (name - 1) : NULL;
}

int
smtp_status_is_known (int code)
{
  return by_code (name_by_code, code) != 0;
}

int
smtp_status_class (int code)
{
  return code >= 200 && code <= 599 ? code / 100 : 0;
}

size_t
smtp_status_count (void)
{
  return ENTRY_COUNT;
}

int
smtp_status_code_at (size_t index, int *code)
{
  if (index >= ENTRY_COUNT)
    return -1;
  *code = entries[index].code;
  return 0;
}


/* The enhanced codes.  */

/* The subjects and details the index covers; the registry's largest are
   X.7.x and X.x.30.  */
enum { MAX_SUBJECT = 7, MAX_DETAIL = 30 };

#define SMTP_ENHANCED_SUBJECT(subject, reason, text) \
  _Static_assert ((subject) <= MAX_SUBJECT, "subject outside the index");
#define SMTP_ENHANCED_DETAIL(subject, detail, reason, text) \
  _Static_assert ((subject) <= MAX_SUBJECT && (detail) <= MAX_DETAIL, \
                  "detail outside the index");
#include "enhanced-codes.def"
#undef SMTP_ENHANCED_SUBJECT
#undef SMTP_ENHANCED_DETAIL

/* Offsets of the subject texts; the list has every subject from 0 to
   MAX_SUBJECT.  */
static const unsigned short subject_text[MAX_SUBJECT + 1] =
{
#define SMTP_ENHANCED_SUBJECT(subject, reason, text) [subject] = AT (subject_##subject),
#define SMTP_ENHANCED_DETAIL(subject, detail, reason, text)
#include "enhanced-codes.def"
#undef SMTP_ENHANCED_SUBJECT
#undef SMTP_ENHANCED_DETAIL
};

/* Offset of each detail's text plus one, 0 for a code the registry does
   not have; a code listed twice trips -Woverride-init.  */
static const unsigned short detail_text[MAX_SUBJECT + 1][MAX_DETAIL + 1] =
{
#define SMTP_ENHANCED_SUBJECT(subject, reason, text)
#define SMTP_ENHANCED_DETAIL(subject, detail, reason, text) \
  [subject][detail] = AT (detail_##subject##_##detail) + 1,
#include "enhanced-codes.def"
#undef SMTP_ENHANCED_SUBJECT
#undef SMTP_ENHANCED_DETAIL
};

static unsigned
detail_offset (int subject, int detail)
{
  if (subject < 0 || subject > MAX_SUBJECT || detail < 0
      || detail > MAX_DETAIL)
    return 0;
  return detail_text[subject][detail];
}

int
smtp_enhanced_is_known (int subject, int detail)
{
  return detail_offset (subject, detail) != 0;
}

const char *
smtpstatus_subject_msgid (int subject)
{
  return subject >= 0 && subject <= MAX_SUBJECT
         ? string_at (subject_text[subject]) : NULL;
}

const char *
smtpstatus_enhanced_msgid (int status_class, int subject, int detail)
{
  if (status_class != 2 && status_class != 4 && status_class != 5)
    return smtpstatus_class_msgid (0);
  unsigned offset = detail_offset (subject, detail);
  if (offset != 0)
    return string_at (offset - 1);
  const char *text = smtpstatus_subject_msgid (subject);
  return text != NULL ? text : smtpstatus_class_msgid (status_class);
}

/* The reason of each subject, for a detail the registry lacks, and of
   each registered detail (UNKNOWN, 0, where there is none).  */
static const unsigned char subject_reason[MAX_SUBJECT + 1] =
{
#define SMTP_ENHANCED_SUBJECT(subject, reason, text) \
  [subject] = SMTP_REASON_##reason,
#define SMTP_ENHANCED_DETAIL(subject, detail, reason, text)
#include "enhanced-codes.def"
#undef SMTP_ENHANCED_SUBJECT
#undef SMTP_ENHANCED_DETAIL
};

static const unsigned char detail_reason[MAX_SUBJECT + 1][MAX_DETAIL + 1] =
{
#define SMTP_ENHANCED_SUBJECT(subject, reason, text)
#define SMTP_ENHANCED_DETAIL(subject, detail, reason, text) \
  [subject][detail] = SMTP_REASON_##reason,
#include "enhanced-codes.def"
#undef SMTP_ENHANCED_SUBJECT
#undef SMTP_ENHANCED_DETAIL
};

enum smtp_reason
smtpstatus_enhanced_reason (int subject, int detail)
{
  if (subject < 0 || subject > MAX_SUBJECT)
    return SMTP_REASON_UNKNOWN;
  if (detail_offset (subject, detail) != 0)
    return (enum smtp_reason) detail_reason[subject][detail];
  return (enum smtp_reason) subject_reason[subject];
}

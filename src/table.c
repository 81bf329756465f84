/* table.c: the table of codes, the lookups by code and the descriptions.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Everything is made from smtpstatus-codes.def.  The strings live in one
   struct of char arrays and entries refer to them by offset, as musl's
   strerror does: a table of pointers would cost a relocation per string
   each time the library is loaded, offsets cost none.  A code finds its
   text and its name through direct indexes, in constant time.  */

#include <config.h>

#include <limits.h>
#include <stddef.h>

#include "smtpstatus.h"
#include "table.h"
#include "translate.h"

/* Marks a text for xgettext; the translation happens at lookup time.  */
#define N_(text) text

static const struct strings
{
#define SMTP_STATUS_ENTRY(code, id, name, text) \
  char name_##id[sizeof #name]; \
  char id_##id[sizeof #id]; \
  char text_##id[sizeof text];
#include "smtpstatus-codes.def"
#undef SMTP_STATUS_ENTRY
  /* Texts for codes the table lacks, by reply class; [0] is for a number
     with no class.  */
  char fallback[6][32];
} strings =
{
#define SMTP_STATUS_ENTRY(code, id, name, text) #name, #id, text,
#include "smtpstatus-codes.def"
#undef SMTP_STATUS_ENTRY
  {
    /* TRANSLATORS: for a number that is no SMTP reply code at all.  */
    [0] = N_("Unknown SMTP status code"),
    /* TRANSLATORS: for a code 2xx the table lacks: the server did it.  */
    [2] = N_("Unknown success reply"),
    /* TRANSLATORS: for a code 3xx the table lacks: the server waits for
       more input.  */
    [3] = N_("Unknown intermediate reply"),
    /* TRANSLATORS: for a code 4xx the table lacks: trying later may
       work.  */
    [4] = N_("Unknown temporary failure"),
    /* TRANSLATORS: for a code 5xx the table lacks: retrying will not
       help.  */
    [5] = N_("Unknown permanent failure"),
  },
};

/* An entry as the walk by position (smtp_status_code_at) and the name
   lookup see it; descriptions are found through text_by_code.  */
struct entry
{
  short code;
  unsigned short name;
  unsigned short id;
};

static const struct entry entries[] =
{
#define SMTP_STATUS_ENTRY(code, id, name, text) \
  { (code), offsetof (struct strings, name_##id), \
    offsetof (struct strings, id_##id) },
#include "smtpstatus-codes.def"
#undef SMTP_STATUS_ENTRY
};

enum { ENTRY_COUNT = sizeof entries / sizeof entries[0] };

/* The range the direct indexes cover; every entry must fall inside it.  */
enum { LOWEST_CODE = -1, HIGHEST_CODE = 599,
       CODE_SPAN = HIGHEST_CODE - LOWEST_CODE + 1 };

#define SMTP_STATUS_ENTRY(code, id, name, text) \
  _Static_assert ((code) >= LOWEST_CODE && (code) <= HIGHEST_CODE, \
                  #name " lies outside the index");
#include "smtpstatus-codes.def"
#undef SMTP_STATUS_ENTRY

_Static_assert (sizeof strings < USHRT_MAX,
                "offsets plus one must fit in unsigned short");

#define FALLBACK(class) offsetof (struct strings, fallback[class])
#define CODES(first, last) [(first) - LOWEST_CODE ... (last) - LOWEST_CODE]

/* Direct index by code - LOWEST_CODE: the offset of the code's text, the
   entry's or else its class's, so that one load finds any description
   in the range.  The entries override the class texts the ranges (a GNU C
   extension, in gcc and clang) lay down first.  */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
#ifdef __clang__
# pragma clang diagnostic ignored "-Winitializer-overrides"
#endif
static const unsigned short text_by_code[CODE_SPAN] =
{
  CODES (LOWEST_CODE, 199) = FALLBACK (0),
  CODES (200, 299) = FALLBACK (2),
  CODES (300, 399) = FALLBACK (3),
  CODES (400, 499) = FALLBACK (4),
  CODES (500, 599) = FALLBACK (5),
#define SMTP_STATUS_ENTRY(code, id, name, text) \
  [(code) - LOWEST_CODE] = offsetof (struct strings, text_##id),
#include "smtpstatus-codes.def"
#undef SMTP_STATUS_ENTRY
};
#pragma GCC diagnostic pop

/* The offset of the entry's name plus one, 0 for a code the table lacks.
   A code listed twice would initialize an element twice, which
   -Woverride-init (part of -Wextra) reports.  */
static const unsigned short name_by_code[CODE_SPAN] =
{
#define SMTP_STATUS_ENTRY(code, id, name, text) \
  [(code) - LOWEST_CODE] = offsetof (struct strings, name_##id) + 1,
#include "smtpstatus-codes.def"
#undef SMTP_STATUS_ENTRY
};

static const char *
string_at (unsigned offset)
{
  return (const char *) &strings + offset;
}

/* INDEX's element for CODE, or OUTSIDE for a code outside the range.  */
static unsigned
lookup (const unsigned short *index, int code, unsigned outside)
{
  unsigned i = (unsigned) code - (unsigned) LOWEST_CODE;
  return i < CODE_SPAN ? index[i] : outside;
}

static int
reply_class (int code)
{
  return code >= 200 && code <= 599 ? code / 100 : 0;
}

const char *
smtpstatus_class_english (int status_class)
{
  return strings.fallback[status_class >= 2 && status_class <= 5
                          ? status_class : 0];
}

const char *
smtpstatus_english (int code)
{
  return string_at (lookup (text_by_code, code, FALLBACK (0)));
}

/* Here rather than in a file of their own, so that the lookup inlines:
   what the library adds to the gettext call is counted ('make bench').  */
const char *
smtp_status_description (int code)
{
  return smtpstatus_translate (smtpstatus_english (code));
}

const char *
smtp_status_description_l (int code, locale_t loc)
{
  /* The locale first and the lookup after: then fewer values have to
     live across calls, which saves a few instructions per call.  */
  locale_t previous = uselocale (loc);
  const char *text = smtpstatus_translate (smtpstatus_english (code));
  uselocale (previous);
  return text;
}

const char *
smtpstatus_name_at (size_t index)
{
  return string_at (entries[index].name);
}

const char *
smtpstatus_id_at (size_t index)
{
  return string_at (entries[index].id);
}

const char *
smtp_status_name (int code)
{
  unsigned name = lookup (name_by_code, code, 0);
  return name != 0 ? string_at (name - 1) : NULL;
}

int
smtp_status_is_known (int code)
{
  return lookup (name_by_code, code, 0) != 0;
}

int
smtp_status_class (int code)
{
  return reply_class (code);
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

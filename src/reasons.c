/* reasons.c: the reasons' names, descriptions and advice, and who can
   fix each.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Made from reasons.def, with its strings in one pool indexed by
   offsets, as codes.c does, so that the tables cost no relocation.  */

#include <config.h>

#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "smtpstatus.h"
#include "diagnose.h"
#include "i18n.h"

#define N_(text) text

static const struct pool
{
#define SMTP_REASON_ENTRY(id, name, fixer, description, advice) \
  char name_##id[sizeof name]; \
  char description_##id[sizeof description]; \
  char advice_##id[sizeof advice];
#include "reasons.def"
#undef SMTP_REASON_ENTRY
  char party[4][40];
} pool =
{
#define SMTP_REASON_ENTRY(id, name, fixer, description, advice) \
  name, description, advice,
#include "reasons.def"
#undef SMTP_REASON_ENTRY
  {
    /* TRANSLATORS: who can fix a failure: nobody needs to act (it is
       no failure, or only waiting helps).  */
    [SMTP_PARTY_NOBODY] = N_("nobody"),
    /* TRANSLATORS: who can fix a failure: the person who sent the
       mail.  */
    [SMTP_PARTY_SENDER] = N_("the sender"),
    /* TRANSLATORS: who can fix a failure: the sender's mail provider
       (or the sender's IT staff).  */
    [SMTP_PARTY_SENDER_PROVIDER] = N_("the sender's mail provider"),
    /* TRANSLATORS: who can fix a failure: the recipient or the
       recipient's mail provider.  */
    [SMTP_PARTY_RECIPIENT] = N_("the recipient or their mail provider"),
  },
};

_Static_assert (sizeof pool < USHRT_MAX, "pool offsets must fit");

/* The list must be in the order of enum smtp_reason.  */
enum
{
#define SMTP_REASON_ENTRY(id, name, fixer, description, advice) INDEX_##id,
#include "reasons.def"
#undef SMTP_REASON_ENTRY
  REASON_COUNT
};
#define SMTP_REASON_ENTRY(id, name, fixer, description, advice) \
  _Static_assert ((int) INDEX_##id == (int) SMTP_REASON_##id, \
                  #id " out of order");
#include "reasons.def"
#undef SMTP_REASON_ENTRY

#define AT(member) offsetof (struct pool, member)

static const struct
{
  unsigned short name, description, advice;
  unsigned char fixer;
} reasons[REASON_COUNT] =
{
#define SMTP_REASON_ENTRY(id, name, fixer, description, advice) \
  { AT (name_##id), AT (description_##id), AT (advice_##id), \
    SMTP_PARTY_##fixer },
#include "reasons.def"
#undef SMTP_REASON_ENTRY
};

/* REASON as an index, UNKNOWN for a value outside the enum.  */
static size_t
index_of (enum smtp_reason reason)
{
  unsigned i = (unsigned) reason;
  return i < REASON_COUNT ? i : SMTP_REASON_UNKNOWN;
}

static const char *
string_at (unsigned offset)
{
  return (const char *) &pool + offset;
}

const char *
smtp_reason_name (enum smtp_reason reason)
{
  return string_at (reasons[index_of (reason)].name);
}

int
smtp_reason_from_name (const char *name, enum smtp_reason *reason)
{
  for (size_t i = 0; i < REASON_COUNT; i++)
    if (strcmp (name, string_at (reasons[i].name)) == 0)
      {
        *reason = (enum smtp_reason) i;
        return 0;
      }
  return -1;
}

enum smtp_party
smtpstatus_reason_fixer (enum smtp_reason reason)
{
  return (enum smtp_party) reasons[index_of (reason)].fixer;
}

const char *
smtp_reason_description (enum smtp_reason reason)
{
  return smtpstatus_translate (string_at (reasons[index_of (reason)]
                                          .description));
}

const char *
smtp_reason_description_l (enum smtp_reason reason, locale_t loc)
{
  return smtpstatus_translate_l (string_at (reasons[index_of (reason)]
                                            .description), loc);
}

const char *
smtp_reason_advice (enum smtp_reason reason)
{
  return smtpstatus_translate (string_at (reasons[index_of (reason)].advice));
}

const char *
smtp_reason_advice_l (enum smtp_reason reason, locale_t loc)
{
  return smtpstatus_translate_l (string_at (reasons[index_of (reason)]
                                            .advice), loc);
}

/* PARTY's text, the NOBODY one for a value outside the enum.  */
static const char *
party_msgid (enum smtp_party party)
{
  unsigned i = (unsigned) party;
  return pool.party[i <= SMTP_PARTY_RECIPIENT ? i : SMTP_PARTY_NOBODY];
}

const char *
smtp_party_description (enum smtp_party party)
{
  return smtpstatus_translate (party_msgid (party));
}

const char *
smtp_party_description_l (enum smtp_party party, locale_t loc)
{
  return smtpstatus_translate_l (party_msgid (party), loc);
}

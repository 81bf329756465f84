/* sisimai.c: Sisimai's reasons against smtpstatus's (sisimai.h).
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include "sisimai.h"

#include <stdio.h>
#include <string.h>

#include "smtpstatus.h"

#include "measure-util.h"

struct sisimai_reason
{
  const char *sisimai;
  const char *categories[5];            /* ended by NULL */
};

static const struct sisimai_reason sisimai_reasons[] =
{
  { "userunknown", { "recipient-unknown", NULL } },
  { "hasmoved", { "recipient-unknown", "recipient-disabled", NULL } },
  { "suspend", { "recipient-disabled", NULL } },
  { "mailboxfull", { "mailbox-full", NULL } },
  { "exceedlimit", { "message-too-big", "mailbox-full", NULL } },
  { "hostunknown", { "domain-unknown", NULL } },
  { "notaccept", { "domain-unknown", NULL } },
  { "blocked", { "sender-blocked", NULL } },
  { "badreputation", { "sender-blocked", NULL } },
  { "requireptr", { "sender-blocked", NULL } },
  { "spamdetected", { "spam", NULL } },
  { "virusdetected", { "content-rejected", NULL } },
  { "contenterror", { "content-rejected", NULL } },
  { "filtered", { "recipient-unknown", "content-rejected", "policy",
                  "sender-blocked", NULL } },
  { "authfailure", { "authentication-failed", NULL } },
  { "policyviolation", { "policy", NULL } },
  { "securityerror", { "login-failed", "policy", "authentication-failed",
                       NULL } },
  { "rejected", { "sender-rejected", NULL } },
  { "norelaying", { "relay-denied", NULL } },
  { "mesgtoobig", { "message-too-big", NULL } },
  { "speeding", { "rate-limited", NULL } },
  { "toomanyconn", { "rate-limited", NULL } },
  { "onhold", { "try-later", NULL } },
  { "expired", { "expired", NULL } },
  { "networkerror", { "network", "domain-unknown", NULL } },
  { "systemerror", { "server-error", NULL } },
  { "mailererror", { "server-error", NULL } },
  { "systemfull", { "server-error", "mailbox-full", NULL } },
  { "syntaxerror", { "protocol", NULL } },
  { "notcompliantrfc", { "protocol", "policy", NULL } },
  { "failedstarttls", { "network", "protocol", "policy", NULL } },
};

/* The Sisimai reasons the README leaves out of the comparison.  */
static const char *const sisimai_not_compared[] =
{
  "undefined", "delivered", "feedback", "vacation"
};

const char *const *
sisimai_categories (const char *name)
{
  for (size_t i = 0; i < COUNT (sisimai_reasons); i++)
    if (strcmp (sisimai_reasons[i].sisimai, name) == 0)
      return sisimai_reasons[i].categories;
  return NULL;
}

int
sisimai_compared (const char *name)
{
  for (size_t i = 0; i < COUNT (sisimai_not_compared); i++)
    if (strcmp (sisimai_not_compared[i], name) == 0)
      return 0;
  return 1;
}

int
sisimai_agrees (const char *name, const char *category)
{
  const char *const *c = sisimai_categories (name);
  for (; c != NULL && *c != NULL; c++)
    if (strcmp (*c, category) == 0)
      return 1;
  return 0;
}

void
sisimai_show_expected (const char *name)
{
  const char *const *categories = sisimai_categories (name);
  printf ("expected %s (", name);
  for (const char *const *c = categories; c != NULL && *c != NULL; c++)
    printf ("%s%s", c == categories ? "" : " or ", *c);
  putchar (')');
}

void
sisimai_check_table (void)
{
  enum smtp_reason reason;
  for (size_t i = 0; i < COUNT (sisimai_reasons); i++)
    for (const char *const *c = sisimai_reasons[i].categories; *c; c++)
      if (smtp_reason_from_name (*c, &reason) != 0)
        fatal ("tests/sisimai.c names \"%s\", which is no reason of the "
               "library", *c);
}

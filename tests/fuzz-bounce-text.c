/* fuzz-bounce-text.c: the scanner of bounce texts on any bytes.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdbool.h>
#include <string.h>

#include "smtpstatus.h"
#include "fuzz-check.h"

/* How far back the scanner looks for a recipient it found before
   (bounce-text.c): within it, no address is reported twice.  */
enum { LOOK_BACK = 16384, MAX_RESULTS = 64 };

static char
lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

static bool
same_address (const char *a, const char *b)
{
  for (; *a != '\0' && lower (*a) == lower (*b); a++, b++)
    ;
  return *a == '\0' && *b == '\0';
}

/* What one result must be: an address that looks like one and is in
   the text, as it is there; an action the scanner gives; a diagnosis
   that agrees with it.  */
static void
check_result (const char *buffer, size_t size,
              const struct smtp_bounce_recipient *r)
{
  const char *nul = memchr (r->address, '\0', sizeof r->address);
  CHECK (nul != NULL && nul > r->address);
  size_t length = (size_t) (nul - r->address);
  const char *at = memchr (r->address, '@', length);
  CHECK (at != NULL && at > r->address && at < r->address + length - 1
         && memchr (at + 1, '@', length - (size_t) (at + 1 - r->address))
            == NULL);
  for (size_t i = 0; i < length; i++)
    CHECK ((unsigned char) r->address[i] > ' ' && r->address[i] != 0x7f
           && r->address[i] != '<' && r->address[i] != '>');
  bool inside = false;
  for (size_t i = 0; !inside && i + length <= size; i++)
    inside = memcmp (buffer + i, r->address, length) == 0;
  CHECK (inside);

  CHECK (r->action == SMTP_ACTION_FAILED || r->action == SMTP_ACTION_DELAYED);
  const struct smtp_diagnosis *d = &r->diagnosis;
  CHECK (d->outcome == (r->action == SMTP_ACTION_FAILED
                        ? SMTP_OUTCOME_PERMANENT : SMTP_OUTCOME_TRANSIENT));
  CHECK (d->retry == (r->action == SMTP_ACTION_DELAYED));
  CHECK (d->reason != SMTP_REASON_NONE && d->reason >= SMTP_REASON_UNKNOWN
         && d->reason <= SMTP_REASON_PROTOCOL);
  CHECK (d->fixer >= SMTP_PARTY_NOBODY && d->fixer <= SMTP_PARTY_RECIPIENT);
  CHECK (*smtp_diagnosis_explanation (d) != '\0');
  CHECK (r->code == 0 || (r->code >= 200 && r->code <= 599));
  if (r->has_status)
    CHECK ((r->status.status_class == 2 || r->status.status_class == 4
            || r->status.status_class == 5)
           && r->status.subject >= 0 && r->status.subject <= 999
           && r->status.detail >= 0 && r->status.detail <= 999);
  CHECK (strcmp (smtp_bounce_action_name (r->action), "unknown") != 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *buffer = (const char *) data;
  static struct smtp_bounce_recipient results[MAX_RESULTS];
  size_t cursor = 0, count = 0, before = 0;
  struct smtp_bounce_recipient r;
  while (smtp_bounce_text_next (buffer, size, &cursor, &r))
    {
      /* The cursor moves forward and stays in the text.  */
      CHECK (cursor > before && cursor <= size);
      before = cursor;
      check_result (buffer, size, &r);
      if (size <= LOOK_BACK && count < MAX_RESULTS)
        for (size_t i = 0; i < count; i++)
          CHECK (!same_address (results[i].address, r.address));
      if (count < MAX_RESULTS)
        results[count] = r;
      count++;
    }
  CHECK (cursor == size);
  /* Done is done, and the same text reads the same again.  */
  CHECK (!smtp_bounce_text_next (buffer, size, &cursor, &r));
  cursor = 0;
  for (size_t i = 0; i < count && i < MAX_RESULTS; i++)
    {
      CHECK (smtp_bounce_text_next (buffer, size, &cursor, &r));
      CHECK (strcmp (r.address, results[i].address) == 0
             && r.code == results[i].code
             && r.has_status == results[i].has_status
             && r.diagnosis.reason == results[i].diagnosis.reason);
    }
  return 0;
}

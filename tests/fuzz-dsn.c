/* fuzz-dsn.c: the delivery status reader on any bytes: smtp_dsn_parse,
   every recipient smtp_dsn_next_recipient finds, each explained.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <string.h>

#include "smtpstatus.h"
#include "fuzz-check.h"

/* SPAN lies inside the SIZE bytes of the buffer.  */
static void
check_span (struct smtp_span span, size_t size)
{
  CHECK (span.offset <= size && span.length <= size - span.offset);
}

static void
check_status (const struct smtp_enhanced_status *s)
{
  CHECK (s->status_class == 2 || s->status_class == 4
         || s->status_class == 5);
  CHECK (s->subject >= 0 && s->subject <= 999);
  CHECK (s->detail >= 0 && s->detail <= 999);
}

/* What smtp_dsn_explain makes of any recipient: everything set, within
   its range, and agreeing with itself.  */
static void
check_explained (const struct smtp_bounce_recipient *out)
{
  const char *nul = memchr (out->address, '\0', sizeof out->address);
  CHECK (nul != NULL && (size_t) (nul - out->address) < 256);
  /* No byte the copy drops.  */
  for (const char *p = out->address; p < nul; p++)
    CHECK ((unsigned char) *p > ' ' && *p != 0x7f && *p != '<' && *p != '>');
  CHECK (out->action >= SMTP_ACTION_UNKNOWN
         && out->action <= SMTP_ACTION_EXPANDED);
  CHECK (out->has_status == 0 || out->has_status == 1);
  if (out->has_status)
    check_status (&out->status);
  CHECK (out->code == 0 || (out->code >= 200 && out->code <= 599));
  const struct smtp_diagnosis *d = &out->diagnosis;
  CHECK (d->reason >= SMTP_REASON_UNKNOWN && d->reason <= SMTP_REASON_PROTOCOL);
  CHECK (d->fixer >= SMTP_PARTY_NOBODY && d->fixer <= SMTP_PARTY_RECIPIENT);
  CHECK (d->source >= SMTP_SOURCE_CODES && d->source <= SMTP_SOURCE_TEXT);
  CHECK (d->retry == (d->outcome == SMTP_OUTCOME_TRANSIENT));
  CHECK (d->english != NULL && *smtp_diagnosis_explanation (d) != '\0');
  /* The action decides the outcome where it says one.  */
  if (out->action == SMTP_ACTION_FAILED)
    CHECK (d->outcome == SMTP_OUTCOME_PERMANENT
           && d->reason != SMTP_REASON_NONE);
  if (out->action == SMTP_ACTION_DELAYED)
    CHECK (d->outcome == SMTP_OUTCOME_TRANSIENT && d->retry == 1
           && d->reason != SMTP_REASON_NONE);
  if (out->action >= SMTP_ACTION_DELIVERED)
    CHECK (d->outcome == SMTP_OUTCOME_SUCCESS
           && d->reason == SMTP_REASON_NONE);
  CHECK ((out->reserved[0] | out->reserved[1] | out->reserved[2]
          | out->reserved[3] | d->reserved[0] | d->reserved[1]
          | d->reserved[2] | d->reserved[3]) == 0);
  char sentence[1024];
  CHECK (smtp_diagnosis_sentence (sentence, sizeof sentence, SMTP_STEP_RCPT,
                                  out->address, d) < sizeof sentence);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *buffer = (const char *) data;
  struct smtp_dsn_message message;
  size_t cursor = 0;
  if (smtp_dsn_parse (buffer, size, &message, &cursor) != 0)
    {
      /* No recipient for the parser, none for the iterator either,
         which ends at the end.  */
      struct smtp_dsn_recipient r;
      size_t at = 0;
      CHECK (smtp_dsn_next_recipient (buffer, size, &at, &r) == 0
             && at == size);
      return 0;
    }
  check_span (message.reporting_mta, size);
  check_span (message.dsn_gateway, size);
  check_span (message.received_from_mta, size);
  check_span (message.arrival_date, size);
  check_span (message.original_envelope_id, size);
  CHECK ((message.reserved[0] | message.reserved[1] | message.reserved[2]
          | message.reserved[3]) == 0);
  CHECK (cursor <= size);

  /* At least one recipient, each block after the one before.  */
  struct smtp_dsn_recipient r;
  size_t count = 0, last = cursor;
  while (smtp_dsn_next_recipient (buffer, size, &cursor, &r))
    {
      CHECK (cursor > last && cursor <= size);
      last = cursor;
      check_span (r.final_recipient, size);
      check_span (r.original_recipient, size);
      check_span (r.action, size);
      check_span (r.status, size);
      check_span (r.remote_mta, size);
      check_span (r.diagnostic_code, size);
      check_span (r.last_attempt_date, size);
      check_span (r.will_retry_until, size);
      CHECK ((r.reserved[0] | r.reserved[1] | r.reserved[2]
              | r.reserved[3]) == 0);
      struct smtp_bounce_recipient out;
      memset (&out, 0x5a, sizeof out);
      smtp_dsn_explain (buffer, &r, &out);
      check_explained (&out);
      count++;
    }
  CHECK (count >= 1);
  CHECK (cursor == size);
  return 0;
}

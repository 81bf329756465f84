/* bounce.h: what dsn.c and bounce-text.c share.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef SMTPSTATUS_BOUNCE_H
#define SMTPSTATUS_BOUNCE_H

#include <stdbool.h>
#include <stddef.h>

#include "smtpstatus.h"

/* Fills *OUT for one recipient of a bounce from what the bounce says of
   it, each a stretch of text that may be absent (NULL or length 0):
   ADDRESS ("rfc822; <bob@example.org>", "bob@example.org"), STATUS
   ("5.1.1", perhaps with a comment after it), and DIAGNOSTIC, what the
   remote server answered or the MTA's own words ("smtp; 550-5.1.1 ...
   550 5.1.1 ...", "550 5.1.1 <bob@...>... User unknown", "X-Postfix;
   host H said: ...", "Giving up on 192.0.2.1.").  The reply in
   DIAGNOSTIC is rebuilt into lines where an MTA joined them, parsed
   liberally and diagnosed; the status trusted is the more specific of
   STATUS and the reply's enhanced code (an X.0.0 gives way).  GAVE_UP
   says that the bounce itself calls the message expired ("Action:
   expired"): a failure, and its reason.  Copies no more than fits on
   the stack and allocates nothing.  */
void smtpstatus_bounce_fill (const char *address, size_t address_length,
                             const char *status, size_t status_length,
                             const char *diagnostic, size_t diagnostic_length,
                             enum smtp_bounce_action action, bool gave_up,
                             struct smtp_bounce_recipient *out);

#endif

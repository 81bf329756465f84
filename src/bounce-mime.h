/* bounce-mime.h: smtp-status --bounce, which finds the delivery status
   in whole messages through their MIME structure (GMime).
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef SMTP_STATUS_BOUNCE_MIME_H
#define SMTP_STATUS_BOUNCE_MIME_H

#include <stdbool.h>
#include <stddef.h>

/* Explains the bounces in the COUNT files FILES, each one whole message
   (standard input where COUNT is 0, and for a FILE "-"): one line per
   failed or delayed recipient, tab-separated, or with JSON one JSON
   object.  Returns 0 when every message is a bounce, 1 when one is not
   (nothing is printed for it), 2 when a file cannot be read or smtp-status
   was built without GMime; the message is on standard error.  */
int explain_bounces (char *const *files, size_t count, bool json);

/* The lines of smtp-status --help about --bounce: its options, and
   what it prints.  */
void print_bounce_help (void);
void print_bounce_notes (void);

#endif

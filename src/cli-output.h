/* cli-output.h: what the outputs of smtp-status share, whether they
   explain replies (smtp-status.c) or bounces (bounce-mime.c): messages
   on standard error, JSON strings and names, the catalogs' charset.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef SMTP_STATUS_CLI_OUTPUT_H
#define SMTP_STATUS_CLI_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "smtpstatus.h"

/* Prints "smtp-status: " and the message on standard error, after what
   is pending on standard output.  A translation with no arguments to
   format is passed as an argument to "%s", never as FORMAT: a catalog
   checks only the msgids marked c-format, and a stray "%s" in any other
   would make vfprintf read arguments that are not there.  */
#if defined __GNUC__
__attribute__ ((format (printf, 1, 2)))
#endif
void complain (const char *format, ...);

/* Writes the LENGTH bytes at TEXT on standard output as the inside of a
   JSON string (RFC 8259), valid UTF-8 whatever they are: '"' and '\'
   escaped, control characters and DEL as \n, \r, \t or \u00XX, and each
   byte that is not part of a well-formed UTF-8 sequence as U+FFFD.  */
void json_chars (const char *text, size_t length);

/* Writes TEXT as a JSON string, quotes and all, or null where TEXT is
   NULL.  */
void json_string (const char *text);

/* The stable name of PARTY in JSON: "sender", "sender-provider",
   "recipient" or "nobody".  */
const char *party_name (enum smtp_party party);

/* With JSON set, binds the texts of the program and of the library to
   UTF-8, as JSON must be, where UTF8 is set, and back to the locale's
   charset, for a message on standard error, where it is not.  Without
   JSON, the texts stay in the locale's charset: nothing to do.  */
void bind_codeset (bool json, bool utf8);

#endif

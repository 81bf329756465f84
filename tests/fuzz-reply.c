/* fuzz-reply.c: the reply parser on any bytes.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <string.h>

#include "smtpstatus.h"
#include "fuzz-check.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *buffer = (const char *) data;
  size_t at = 0;
  /* Replies one after another, as a pipelining client reads them.  */
  while (at < size)
    {
      struct smtp_reply reply;
      int result = smtp_reply_parse (buffer + at, size - at, &reply);
      CHECK (result <= SMTP_REPLY_OK && result >= SMTP_REPLY_TOO_MANY_LINES);
      CHECK (reply.size <= size - at);
      CHECK (*smtp_reply_result_description (result) != '\0');
      if (result != SMTP_REPLY_OK)
        break;
      CHECK (reply.size > 0);
      CHECK (reply.code >= 200 && reply.code <= 599);
      CHECK (reply.line_count >= 1 && reply.line_count <= SMTP_REPLY_MAX_LINES);
      /* The iterator walks as many lines as the parser counted, each
         inside the reply and after the one before.  */
      size_t cursor = 0, lines = 0, past = 0;
      struct smtp_reply_line line;
      while (smtp_reply_next_line (buffer + at, &reply, &cursor, &line))
        {
          CHECK (line.offset >= past && line.offset <= reply.size
                 && line.length <= reply.size - line.offset);
          past = line.offset + line.length;
          lines++;
        }
      CHECK (lines == reply.line_count && cursor == reply.size);
      if (reply.has_enhanced)
        CHECK (reply.enhanced.status_class == reply.code / 100
               && reply.enhanced.subject >= 0 && reply.enhanced.subject <= 999
               && reply.enhanced.detail >= 0 && reply.enhanced.detail <= 999);
      CHECK (*smtp_reply_explain (&reply) != '\0');
      CHECK (*smtp_outcome_description (smtp_reply_outcome (&reply)) != '\0');
      CHECK ((int) smtp_reply_outcome (&reply) == reply.code / 100);

      /* A reply is whole in itself: its bytes alone parse the same.  */
      struct smtp_reply again;
      CHECK (smtp_reply_parse (buffer + at, reply.size, &again)
             == SMTP_REPLY_OK);
      CHECK (again.size == reply.size && again.code == reply.code
             && again.line_count == reply.line_count
             && again.has_enhanced == reply.has_enhanced);
      at += reply.size;
    }
  return 0;
}

/* dsn.c: reading delivery status notifications (RFC 3464).
   SPDX-License-Identifier: LGPL-2.1-or-later

   The body of a message/delivery-status part is blocks of header fields
   (RFC 5322 section 2.2: "Name: value", continued on lines that start
   with a space or a tab) separated by blank lines: the per-message
   fields first, then one block per recipient.  The reader takes what
   real MTAs write: CRLF or LF, field names in any case and order,
   unknown fields, leading blank lines, several blank lines between
   blocks or none between recipients' blocks, lines of blanks only
   counted as blank, and no line end after the last line.  It never
   reads past the size it is given, needs no NUL and allocates
   nothing.  */

#include <config.h>

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "smtpstatus.h"
#include "ascii.h"
#include "bounce.h"

/* One line of BUFFER: its text from START to END (without the line
   end), and NEXT where the line after it starts.  */
struct line
{
  size_t start, end, next;
};

/* Reads the line at AT, which must be below SIZE.  */
static struct line
read_line (const char *buffer, size_t size, size_t at)
{
  struct line line = { at, size, size };
  const char *lf = memchr (buffer + at, '\n', size - at);
  if (lf != NULL)
    {
      line.end = (size_t) (lf - buffer);
      line.next = line.end + 1;
    }
  if (line.end > at && buffer[line.end - 1] == '\r')
    line.end--;
  return line;
}

/* Whether LINE holds nothing but blanks (a CR counts as one).  */
static bool
is_blank_line (const char *buffer, struct line line)
{
  for (size_t i = line.start; i < line.end; i++)
    if (!ascii_is_blank (buffer[i]) && buffer[i] != '\r')
      return false;
  return true;
}

/* The fields of both kinds of block that the library reads.  */
enum field
{
  FIELD_REPORTING_MTA,
  FIELD_DSN_GATEWAY,
  FIELD_RECEIVED_FROM_MTA,
  FIELD_ARRIVAL_DATE,
  FIELD_ORIGINAL_ENVELOPE_ID,
  FIELD_FINAL_RECIPIENT,
  FIELD_ORIGINAL_RECIPIENT,
  FIELD_ACTION,
  FIELD_STATUS,
  FIELD_REMOTE_MTA,
  FIELD_DIAGNOSTIC_CODE,
  FIELD_LAST_ATTEMPT_DATE,
  FIELD_WILL_RETRY_UNTIL,
  FIELD_COUNT
};

/* Arrays, not pointers: a table of pointers costs a relocation each
   when the library loads (tests/relocations.test).  */
static const char field_names[FIELD_COUNT][24] =
{
  [FIELD_REPORTING_MTA] = "reporting-mta",
  [FIELD_DSN_GATEWAY] = "dsn-gateway",
  [FIELD_RECEIVED_FROM_MTA] = "received-from-mta",
  [FIELD_ARRIVAL_DATE] = "arrival-date",
  [FIELD_ORIGINAL_ENVELOPE_ID] = "original-envelope-id",
  [FIELD_FINAL_RECIPIENT] = "final-recipient",
  [FIELD_ORIGINAL_RECIPIENT] = "original-recipient",
  [FIELD_ACTION] = "action",
  [FIELD_STATUS] = "status",
  [FIELD_REMOTE_MTA] = "remote-mta",
  [FIELD_DIAGNOSTIC_CODE] = "diagnostic-code",
  [FIELD_LAST_ATTEMPT_DATE] = "last-attempt-date",
  [FIELD_WILL_RETRY_UNTIL] = "will-retry-until",
};

/* One block: the fields found, the first of each name, and where the
   block ends (after its last line).  */
struct block
{
  struct smtp_span span[FIELD_COUNT];
  bool present[FIELD_COUNT];
  size_t end;
};

/* The field that the NAME_LENGTH bytes at NAME name, by ASCII rules
   without regard to case, or FIELD_COUNT.  */
static enum field
lookup (const char *name, size_t name_length)
{
  for (int f = 0; f < FIELD_COUNT; f++)
    {
      const char *known = field_names[f];
      size_t i = 0;
      while (i < name_length && known[i] != '\0'
             && ascii_lower (name[i]) == known[i])
        i++;
      if (i == name_length && known[i] == '\0')
        return (enum field) f;
    }
  return FIELD_COUNT;
}

/* The field the line LINE (not a continuation) starts, or FIELD_COUNT
   where it starts none; its colon in *COLON.  */
static enum field
line_field (const char *buffer, struct line line, const char **colon_out)
{
  const char *colon = memchr (buffer + line.start, ':',
                              line.end - line.start);
  *colon_out = colon;
  if (colon == NULL)
    return FIELD_COUNT;
  size_t name_end = (size_t) (colon - buffer);
  while (name_end > line.start && ascii_is_blank (buffer[name_end - 1]))
    name_end--;
  return lookup (buffer + line.start, name_end - line.start);
}

/* Whether LINE names a recipient again, in a field BLOCK has.  */
static bool
names_again (const char *buffer, struct line line, const struct block *block)
{
  const char *colon;
  enum field f = line_field (buffer, line, &colon);
  return (f == FIELD_FINAL_RECIPIENT || f == FIELD_ORIGINAL_RECIPIENT)
         && block->present[f];
}

/* Reads the block whose first line, not blank, starts at AT (below
   SIZE), up to the next blank line or the end of BUFFER, or up to a
   Final-Recipient or Original-Recipient field that the block has
   already: that one starts the next recipient's block (AOL writes the
   blocks with no blank line between them).  A line that starts with a
   blank continues the field before it; one without a colon, or a
   continuation with no field before it, is skipped.  */
static void
read_block (const char *buffer, size_t size, size_t at, struct block *block)
{
  memset (block, 0, sizeof *block);
  enum field current = FIELD_COUNT;     /* the field being continued */
  while (at < size)
    {
      struct line line = read_line (buffer, size, at);
      if (is_blank_line (buffer, line))
        break;
      if (!ascii_is_blank (buffer[line.start])
          && names_again (buffer, line, block))
        break;
      at = line.next;
      if (ascii_is_blank (buffer[line.start]))
        {
          /* A continuation: the value now ends with this line.  */
          if (current != FIELD_COUNT)
            {
              size_t end = line.end;
              while (end > line.start && ascii_is_blank (buffer[end - 1]))
                end--;
              struct smtp_span *s = &block->span[current];
              if (s->length == 0)
                {
                  /* The value starts on this line.  */
                  size_t start = line.start;
                  while (ascii_is_blank (buffer[start]))
                    start++;
                  if (start < end)
                    *s = (struct smtp_span) { start, end - start };
                }
              else if (end > line.start)
                s->length = end - s->offset;
            }
          continue;
        }
      current = FIELD_COUNT;
      const char *colon;
      enum field f = line_field (buffer, line, &colon);
      if (f == FIELD_COUNT || block->present[f])
        continue;
      block->present[f] = true;
      current = f;
      size_t start = (size_t) (colon - buffer) + 1, end = line.end;
      while (start < end && ascii_is_blank (buffer[start]))
        start++;
      while (end > start && ascii_is_blank (buffer[end - 1]))
        end--;
      block->span[f] = (struct smtp_span) { start, end - start };
    }
  block->end = at;
}

/* Moves AT past blank lines; returns it.  */
static size_t
skip_blank_lines (const char *buffer, size_t size, size_t at)
{
  while (at < size)
    {
      struct line line = read_line (buffer, size, at);
      if (!is_blank_line (buffer, line))
        break;
      at = line.next;
    }
  return at;
}

/* Whether BLOCK is a recipient's: it has a Final-Recipient field or,
   leniently, an Original-Recipient field.  */
static bool
is_recipient (const struct block *block)
{
  return block->present[FIELD_FINAL_RECIPIENT]
         || block->present[FIELD_ORIGINAL_RECIPIENT];
}

int
smtp_dsn_next_recipient (const char *buffer, size_t size, size_t *cursor,
                         struct smtp_dsn_recipient *recipient)
{
  size_t at = *cursor;
  if (buffer == NULL || at > size)
    return 0;
  for (;;)
    {
      at = skip_blank_lines (buffer, size, at);
      if (at >= size)
        {
          *cursor = size;
          return 0;
        }
      struct block block;
      read_block (buffer, size, at, &block);
      at = block.end;
      if (!is_recipient (&block))
        continue;
      *recipient = (struct smtp_dsn_recipient)
        {
          .final_recipient = block.span[FIELD_FINAL_RECIPIENT],
          .original_recipient = block.span[FIELD_ORIGINAL_RECIPIENT],
          .action = block.span[FIELD_ACTION],
          .status = block.span[FIELD_STATUS],
          .remote_mta = block.span[FIELD_REMOTE_MTA],
          .diagnostic_code = block.span[FIELD_DIAGNOSTIC_CODE],
          .last_attempt_date = block.span[FIELD_LAST_ATTEMPT_DATE],
          .will_retry_until = block.span[FIELD_WILL_RETRY_UNTIL],
        };
      *cursor = at;
      return 1;
    }
}

int
smtp_dsn_parse (const char *buffer, size_t size,
                struct smtp_dsn_message *message, size_t *cursor)
{
  if (buffer == NULL)
    return -1;
  size_t at = skip_blank_lines (buffer, size, 0);
  if (at >= size)
    return -1;
  struct block block;
  read_block (buffer, size, at, &block);
  /* A first block that names a recipient is one: the MTA left out the
     blank line after the per-message fields, or the fields themselves.
     It is read as both.  */
  size_t first = is_recipient (&block) ? at : block.end;
  size_t probe = first;
  struct smtp_dsn_recipient recipient;
  if (!smtp_dsn_next_recipient (buffer, size, &probe, &recipient))
    return -1;
  *message = (struct smtp_dsn_message)
    {
      .reporting_mta = block.span[FIELD_REPORTING_MTA],
      .dsn_gateway = block.span[FIELD_DSN_GATEWAY],
      .received_from_mta = block.span[FIELD_RECEIVED_FROM_MTA],
      .arrival_date = block.span[FIELD_ARRIVAL_DATE],
      .original_envelope_id = block.span[FIELD_ORIGINAL_ENVELOPE_ID],
    };
  *cursor = first;
  return 0;
}

/* The names by action, as arrays of their own rather than pointers: a
   table of pointers (which a compiler may make of a switch, as clang
   does) needs a relocation for each at load time.  */
static const char action_names[][10] =
{
  [SMTP_ACTION_UNKNOWN] = "unknown",
  [SMTP_ACTION_FAILED] = "failed",
  [SMTP_ACTION_DELAYED] = "delayed",
  [SMTP_ACTION_DELIVERED] = "delivered",
  [SMTP_ACTION_RELAYED] = "relayed",
  [SMTP_ACTION_EXPANDED] = "expanded"
};

const char *
smtp_bounce_action_name (enum smtp_bounce_action action)
{
  if ((unsigned) action > SMTP_ACTION_EXPANDED)
    action = SMTP_ACTION_UNKNOWN;
  return action_names[action];
}

/* Whether the first word of the LENGTH bytes at TEXT, after blanks, is
   NAME (lower case), compared without regard to case by ASCII rules.  */
static bool
is_word (const char *text, size_t length, const char *name)
{
  size_t i = 0;
  while (i < length && (ascii_is_blank (text[i]) || text[i] == '\r'
                        || text[i] == '\n'))
    i++;
  size_t start = i;
  while (i < length && ascii_is_alpha (text[i]))
    i++;
  size_t n = strlen (name);
  if (n != i - start)
    return false;
  size_t j = 0;
  while (j < n && ascii_lower (text[start + j]) == name[j])
    j++;
  return j == n;
}

/* The action the Action field's first word names.  */
static enum smtp_bounce_action
parse_action (const char *text, size_t length)
{
  for (int a = SMTP_ACTION_FAILED; a <= SMTP_ACTION_EXPANDED; a++)
    if (is_word (text, length,
                 smtp_bounce_action_name ((enum smtp_bounce_action) a)))
      return (enum smtp_bounce_action) a;
  return SMTP_ACTION_UNKNOWN;
}

/* The address in the field value SPAN of BUFFER ("rfc822;
   <bob@example.org>"), after its type, blanks and "<", and after a
   source route ("@relay.example.net:bob@example.org", RFC 5321 section
   4.1.2, which a receiver is to ignore): in *START.  Returns whether it
   is a mailbox, local@domain, that came with no route: not a file or a
   program an alias delivered to, nor a domain alone.  */
static bool
mailbox (const char *buffer, const struct smtp_span *span, size_t *start)
{
  const char *p = buffer + span->offset, *end = p + span->length;
  const char *semicolon = memchr (p, ';', span->length);
  const char *at = memchr (p, '@', span->length);
  if (semicolon != NULL && (at == NULL || semicolon < at))
    p = semicolon + 1;
  while (p < end && (ascii_is_blank (*p) || *p == '\r' || *p == '\n'
                     || *p == '<'))
    p++;
  bool route = false;
  if (p < end && *p == '@')
    {
      const char *colon = memchr (p, ':', (size_t) (end - p));
      if (colon != NULL)
        {
          p = colon + 1;
          route = true;
        }
    }
  *start = (size_t) (p - buffer);
  at = memchr (p, '@', (size_t) (end - p));
  return !route && at != NULL && at > p && *p != '/' && *p != '|';
}

void
smtp_dsn_explain (const char *buffer,
                  const struct smtp_dsn_recipient *recipient,
                  struct smtp_bounce_recipient *out)
{
  /* The Final-Recipient; where it is no mailbox the sender would know,
     the Original-Recipient the sender gave, if that is one; else the
     Final-Recipient without its route.  */
  struct smtp_span address = recipient->final_recipient;
  size_t start;
  if (address.length == 0)
    address = recipient->original_recipient;
  else if (!mailbox (buffer, &address, &start))
    {
      size_t original;
      if (recipient->original_recipient.length > 0
          && mailbox (buffer, &recipient->original_recipient, &original))
        address = recipient->original_recipient;
      else if (start > address.offset
               && start < address.offset + address.length
               && buffer[start - 1] == ':')
        {
          address.length -= start - address.offset;
          address.offset = start;
        }
    }
  const struct smtp_span *status = &recipient->status;
  const struct smtp_span *diagnostic = &recipient->diagnostic_code;
  const char *action = buffer + recipient->action.offset;
  size_t action_length = recipient->action.length;
  /* "Action: expired", which some senders (SendGrid) write for a message
     they gave up on, is no action of RFC 3464: a failure, and why.  */
  bool expired = is_word (action, action_length, "expired");
  smtpstatus_bounce_fill (buffer + address.offset, address.length,
                          buffer + status->offset, status->length,
                          buffer + diagnostic->offset, diagnostic->length,
                          expired ? SMTP_ACTION_FAILED
                          : parse_action (action, action_length),
                          expired, out);
}

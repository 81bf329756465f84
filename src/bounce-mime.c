/* bounce-mime.c: smtp-status --bounce.  Reads whole messages, finds the
   delivery status through their MIME structure with GMime, and has the
   library explain each failed or delayed recipient.  Only the program
   links GMime, never libsmtpstatus; built without it, --bounce says so.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#if ENABLE_NLS
# include <libintl.h>
# define _(text) gettext (text)
#else
# define _(text) (text)
#endif

#if HAVE_GMIME
# include <gmime/gmime.h>
#endif

#include "smtpstatus.h"
#include "bounce-mime.h"
#include "cli-output.h"

/* The exit statuses of smtp-status(1).  */
enum
{
  BOUNCE_ALL = 0,       /* every message was a bounce */
  BOUNCE_NOT = 1,       /* a message was not */
  BOUNCE_TROUBLE = 2    /* a file could not be read, or no GMime */
};

void
print_bounce_help (void)
{
  /* TRANSLATORS: keep the option names; align the descriptions in one
     column with those of the other options.  */
  fputs (_("  -b, --bounce      explain the bounces in each FILE, one whole "
           "message\n"
           "                      each (standard input without FILE); with "
           "--json,\n"
           "                      one JSON object per recipient\n"), stdout);
#if !HAVE_GMIME
  fputs (_("                      (this smtp-status was built without GMime: "
           "no --bounce)\n"), stdout);
#endif
}

void
print_bounce_notes (void)
{
  /* TRANSLATORS: keep "-", --bounce and --json.  */
  fputs (_("With --bounce, each failed or delayed recipient gets one line: "
           "the address,\n"
           "the action, the enhanced code or \"-\", the reply code or "
           "\"-\", the reason,\n"
           "the explanation and the advice, separated by tabs; with "
           "--json, a JSON\n"
           "object.  Exit status is 0 if every message was a bounce, 1 if "
           "one was not,\n"
           "and 2 if a FILE could not be read.\n"), stdout);
}

#if !HAVE_GMIME

int
explain_bounces (char *const *files, size_t count, bool json)
{
  (void) files, (void) count, (void) json;
  complain ("%s", _("--bounce is not available: this smtp-status was built "
                    "without GMime 3.0 (install it, e.g. libgmime-3.0-dev, "
                    "and run configure again)"));
  return BOUNCE_TROUBLE;
}

#else /* HAVE_GMIME */

/* How deep the walk goes into multiparts and attached messages; GMime
   has parsed the whole message already, this only bounds the stack.  */
#define MAX_DEPTH 32

/* Writes TEXT as one field of a tab-separated line: a control character
   (a tab or a line end in a bounce's text) as a space, "-" for an empty
   one.  */
static void
tsv_field (const char *text)
{
  if (*text == '\0')
    {
      putchar ('-');
      return;
    }
  for (const char *p = text; *p != '\0'; p++)
    {
      size_t n = strcspn (p, "\001\002\003\004\005\006\007\010\011\012\013"
                          "\014\015\016\017\020\021\022\023\024\025\026"
                          "\027\030\031\032\033\034\035\036\037\177");
      fwrite (p, 1, n, stdout);
      p += n;
      if (*p == '\0')
        break;
      putchar (' ');
    }
}

/* What the walk needs to know of the message being read.  */
struct bounce
{
  const char *file;     /* the FILE operand, NULL for standard input */
  bool json;
  size_t printed;       /* recipients printed for this message */
  GByteArray *body;     /* a part's decoded body, reused */
  GMimeParser *parser;  /* reused from message to message */
  GByteArray *message;  /* the bytes of the message, reused likewise */
  bool daemon_envelope; /* its mbox "From " line names MAILER-DAEMON */
};

/* Prints one recipient, unless it was delivered, relayed or expanded
   and so is no failure.  */
static void
print_recipient (struct bounce *b, const struct smtp_bounce_recipient *r)
{
  if (r->action == SMTP_ACTION_DELIVERED || r->action == SMTP_ACTION_RELAYED
      || r->action == SMTP_ACTION_EXPANDED)
    return;
  b->printed++;
  char status[48] = "";
  if (r->has_status)
    snprintf (status, sizeof status, "%d.%d.%d", r->status.status_class,
              r->status.subject, r->status.detail);
  const struct smtp_diagnosis *d = &r->diagnosis;
  const char *action = smtp_bounce_action_name (r->action);
  const char *reason = smtp_reason_name (d->reason);
  const char *explanation = smtp_diagnosis_explanation (d);
  /* While the server still tries, the advice is to wait, whatever holds
     the message up; the reason's own advice is for when it fails.  */
  const char *advice = smtp_reason_advice (r->action == SMTP_ACTION_DELAYED
                                           ? SMTP_REASON_TRY_LATER
                                           : d->reason);
  if (!b->json)
    {
      tsv_field (r->address);
      printf ("\t%s\t%s\t", action, *status != '\0' ? status : "-");
      if (r->code != 0)
        printf ("%d", r->code);
      else
        putchar ('-');
      printf ("\t%s\t", reason);
      tsv_field (explanation);
      putchar ('\t');
      tsv_field (advice);
      putchar ('\n');
      return;
    }
  fputs ("{\"recipient\": ", stdout);
  json_string (*r->address != '\0' ? r->address : NULL);
  fputs (", \"action\": ", stdout);
  json_string (action);
  fputs (", \"status\": ", stdout);
  json_string (*status != '\0' ? status : NULL);
  if (r->code != 0)
    printf (", \"code\": %d", r->code);
  else
    fputs (", \"code\": null", stdout);
  fputs (", \"reason\": ", stdout);
  json_string (reason);
  fputs (", \"explanation\": ", stdout);
  json_string (explanation);
  fputs (", \"advice\": ", stdout);
  json_string (advice);
  printf (", \"retry\": %s, \"fixer\": \"%s\", \"file\": ",
          d->retry ? "true" : "false", party_name (d->fixer));
  json_string (b->file);
  fputs ("}\n", stdout);
}

/* Decodes the body of PART (its transfer encoding: base64,
   quoted-printable, ...) into B->body; false if it has none.  */
static bool
decode_body (struct bounce *b, GMimePart *part)
{
  GMimeDataWrapper *content = g_mime_part_get_content (part);
  if (content == NULL)
    return false;
  g_byte_array_set_size (b->body, 0);
  GMimeStream *out = g_mime_stream_mem_new_with_byte_array (b->body);
  g_mime_stream_mem_set_owner (GMIME_STREAM_MEM (out), FALSE);
  ssize_t written = g_mime_data_wrapper_write_to_stream (content, out);
  g_object_unref (out);
  return written >= 0;
}

/* The parts of one message, the message itself or one attached to it,
   that may tell of its recipients.  */
struct parts
{
  GPtrArray *reports;   /* message/delivery-status and
                           message/global-delivery-status parts */
  GPtrArray *texts;     /* text/plain parts, and multiparts without parts
                           (whose boundary never comes: all is their
                           prologue) */
  GPtrArray *messages;  /* messages attached (message/rfc822, message/global)
                           other than those a multipart/report returns */
};

/* Sorts the leaves of OBJECT into *P, in the order of the message.
   IN_REPORT: OBJECT is a part of a multipart/report, whose attached
   message is the one that bounced, not the bounce.  */
static void
collect (GMimeObject *object, bool in_report, int depth, struct parts *p)
{
  if (object == NULL || depth > MAX_DEPTH)
    return;
  GMimeContentType *type = g_mime_object_get_content_type (object);
  if (GMIME_IS_MULTIPART (object))
    {
      GMimeMultipart *multipart = GMIME_MULTIPART (object);
      bool report = type != NULL
                    && g_mime_content_type_is_type (type, "multipart",
                                                    "report");
      int count = g_mime_multipart_get_count (multipart);
      if (count == 0 && g_mime_multipart_get_prologue (multipart) != NULL)
        g_ptr_array_add (p->texts, object);
      for (int i = 0; i < count; i++)
        collect (g_mime_multipart_get_part (multipart, i), report, depth + 1,
                 p);
      return;
    }
  if (GMIME_IS_MESSAGE_PART (object))
    {
      GMimeMessage *message
        = g_mime_message_part_get_message (GMIME_MESSAGE_PART (object));
      if (!in_report && message != NULL)
        g_ptr_array_add (p->messages, message);
      return;
    }
  if (!GMIME_IS_PART (object) || type == NULL)
    return;
  if (g_mime_content_type_is_type (type, "message", "delivery-status")
      || g_mime_content_type_is_type (type, "message",
                                      "global-delivery-status"))
    g_ptr_array_add (p->reports, object);
  else if (g_mime_content_type_is_type (type, "text", "plain"))
    g_ptr_array_add (p->texts, object);
}

/* Whether ADDRESS, as the library gives it, is a mailbox: local@domain,
   not a file or a program an alias delivered to ("/var/mail/bob",
   "|/usr/bin/filter") nor a domain alone ("@example.org").  */
static bool
is_mailbox (const char *address)
{
  const char *at = strchr (address, '@');
  return at != NULL && at != address && *address != '/' && *address != '|';
}

/* Adds to ADDRESSES (newly allocated strings) the mailboxes of the
   X-Failed-Recipients field of HEADERS, which Exim and Gmail write into
   their bounces: "bob@example.org, carol@example.net".  */
static void
failed_recipients (GMimeObject *headers, GPtrArray *addresses)
{
  const char *value = g_mime_object_get_header (headers,
                                                "X-Failed-Recipients");
  if (value == NULL)
    return;
  gchar **words = g_strsplit_set (value, ", \t\r\n", -1);
  for (gchar **w = words; *w != NULL; w++)
    {
      gchar *a = *w;
      if (*a == '<')
        a++;
      size_t n = strlen (a);
      if (n > 0 && a[n - 1] == '>')
        a[--n] = '\0';
      if (n > 0 && n < 256 && is_mailbox (a))
        g_ptr_array_add (addresses, g_strdup (a));
    }
  g_strfreev (words);
}

/* The addresses that stand in for the recipients of a report that
   names no mailbox for one (Exim's "save to /var/mail/bob", Sendmail's
   "@example.org"): those of X-Failed-Recipients in HEADERS, else those
   the texts P->texts name.  */
static GPtrArray *
stand_ins (struct bounce *b, GMimeObject *headers, const struct parts *p)
{
  GPtrArray *addresses = g_ptr_array_new_with_free_func (g_free);
  failed_recipients (headers, addresses);
  for (guint i = 0; addresses->len == 0 && i < p->texts->len; i++)
    {
      GMimeObject *text = p->texts->pdata[i];
      if (GMIME_IS_MULTIPART (text) || !decode_body (b, GMIME_PART (text)))
        continue;
      size_t cursor = 0;
      struct smtp_bounce_recipient r;
      while (smtp_bounce_text_next ((const char *) b->body->data,
                                    b->body->len, &cursor, &r))
        if (is_mailbox (r.address))
          g_ptr_array_add (addresses, g_strdup (r.address));
    }
  return addresses;
}

/* Explains the recipients of the delivery status (the body of a
   message/delivery-status part, or a text that has one) in the SIZE
   bytes at DATA; false if it has no recipient block.  Where a recipient
   names no mailbox and P (or NULL) has the parts of a message whose
   header fields are those of HEADERS, the addresses that stand in for
   the report's recipients take their places, if there are as many.
   Each recipient is explained once, before the stand-ins are looked for:
   that may decode another part into the buffer DATA is in.  */
static bool
explain_report (struct bounce *b, const char *data, size_t size,
                GMimeObject *headers, const struct parts *p)
{
  size_t cursor;
  struct smtp_dsn_message fields;
  if (smtp_dsn_parse (data, size, &fields, &cursor) != 0)
    return false;
  GArray *recipients = g_array_new (FALSE, FALSE,
                                    sizeof (struct smtp_bounce_recipient));
  bool lacks_mailbox = false;
  struct smtp_dsn_recipient block;
  while (smtp_dsn_next_recipient (data, size, &cursor, &block))
    {
      struct smtp_bounce_recipient r;
      smtp_dsn_explain (data, &block, &r);
      lacks_mailbox = lacks_mailbox || !is_mailbox (r.address);
      g_array_append_val (recipients, r);
    }
  GPtrArray *others = lacks_mailbox && p != NULL
                      ? stand_ins (b, headers, p) : NULL;
  bool stand_in = others != NULL && others->len == recipients->len;
  for (guint i = 0; i < recipients->len; i++)
    {
      struct smtp_bounce_recipient *r
        = &g_array_index (recipients, struct smtp_bounce_recipient, i);
      if (stand_in && !is_mailbox (r->address))
        g_strlcpy (r->address, others->pdata[i], sizeof r->address);
      print_recipient (b, r);
    }
  if (others != NULL)
    g_ptr_array_free (others, TRUE);
  g_array_free (recipients, TRUE);
  return true;
}

/* The most bytes of a notice's text that are its words for a recipient
   X-Failed-Recipients names: as many as the library reads of a
   diagnostic.  */
enum { NOTICE_MAX = 4096 };

/* Explains, as failed, the recipient ADDRESS, whose failure the
   NOTICE_LENGTH bytes at NOTICE (a text of the bounce that names no
   recipient, or NULL) explain in words: the report a server would give
   with those words as its Diagnostic-Code, their lines folded into one
   field.  */
static void
explain_address (struct bounce *b, const char *address, const char *notice,
                 size_t notice_length)
{
  GString *report = g_string_new (NULL);
  g_string_printf (report, "Final-Recipient: rfc822; %s\nAction: failed\n",
                   address);
  if (notice != NULL && notice_length > 0)
    {
      g_string_append (report, "Diagnostic-Code: X-Notice;");
      const char *p = notice, *end = notice + MIN (notice_length, NOTICE_MAX);
      while (p < end)
        {
          const char *eol = memchr (p, '\n', (size_t) (end - p));
          const char *next = eol != NULL ? eol + 1 : end;
          const char *q = eol != NULL ? eol : end;
          if (q > p && q[-1] == '\r')
            q--;
          /* The returned message starts below a rule ("----- Original
             message -----", "--- Below this line is a copy"): not the
             notice's words.  */
          if (q - p >= 3 && strncmp (p, "---", 3) == 0)
            break;
          /* Each line a continuation of the field; an empty one would
             end the block.  */
          if (q > p)
            {
              g_string_append (report, "\n ");
              g_string_append_len (report, p, q - p);
            }
          p = next;
        }
      g_string_append_c (report, '\n');
    }
  explain_report (b, report->str, report->len, NULL, NULL);
  g_string_free (report, TRUE);
}

/* Explains the recipients the text OBJECT names: a text/plain part's
   decoded body, or the prologue of a multipart whose parts never start.
   A delivery status in the text (a report forwarded as text, or one
   whose MIME boundary is wrong) is read as such; else the text is read
   as the words of a bounce, where SERVER says the message comes from a
   mail server.  */
static void
explain_text (struct bounce *b, GMimeObject *object, bool server)
{
  const char *data;
  size_t size;
  if (GMIME_IS_MULTIPART (object))
    {
      data = g_mime_multipart_get_prologue (GMIME_MULTIPART (object));
      size = strlen (data);
    }
  else if (decode_body (b, GMIME_PART (object)))
    {
      data = (const char *) b->body->data;
      size = b->body->len;
    }
  else
    return;
  if (explain_report (b, data, size, NULL, NULL))
    return;
  /* A person's mail can quote a bounce's words ("The following address
     failed:", a log line): its text is read as a bounce only where the
     message comes from a mail server, or is an Amazon SES notification,
     whose JSON names its bounced recipients.  */
  if (!server
      && g_strstr_len (data, (gssize) size, "\"bouncedRecipients\"") == NULL)
    return;
  size_t cursor = 0;
  struct smtp_bounce_recipient recipient;
  while (smtp_bounce_text_next (data, size, &cursor, &recipient))
    print_recipient (b, &recipient);
}

/* Whether VALUE (a From or Sender field) names a sender that mail
   servers and list managers send their notices as: MAILER-DAEMON,
   postmaster, "Mail Delivery System", a list's -admin or -owner.  */
static bool
names_a_server (const char *value)
{
  static const char *const names[] =
    { "mailer-daemon", "mailerdaemon", "mail-daemon", "postmaster",
      "mail delivery" /* "Mail Delivery System", "... Subsystem" */ };
  static const char *const list_suffixes[] =
    { "-admin@", "-owner@", "-bounces@", "-request@" };
  if (value == NULL)
    return false;
  gchar *lower = g_ascii_strdown (value, -1);
  bool found = false;
  for (size_t i = 0; !found && i < G_N_ELEMENTS (names); i++)
    found = strstr (lower, names[i]) != NULL;
  for (size_t i = 0; !found && i < G_N_ELEMENTS (list_suffixes); i++)
    found = strstr (lower, list_suffixes[i]) != NULL;
  g_free (lower);
  return found;
}

/* Whether the header fields of HEADERS, the message whose body is ROOT,
   show a message of a mail server rather than a person's: a report
   (multipart/report), an X-Failed-Recipients field, the null sender of
   RFC 5321 (Return-Path: <>), a sender such as MAILER-DAEMON or
   postmaster, or, for the message itself, an mbox envelope from
   MAILER-DAEMON.  */
static bool
from_a_server (const struct bounce *b, GMimeObject *root,
               GMimeObject *headers, int depth)
{
  GMimeContentType *type = g_mime_object_get_content_type (root);
  if (type != NULL && g_mime_content_type_is_type (type, "multipart", "report"))
    return true;
  if (g_mime_object_get_header (headers, "X-Failed-Recipients") != NULL)
    return true;
  const char *path = g_mime_object_get_header (headers, "Return-Path");
  if (path != NULL)
    {
      while (*path == ' ' || *path == '\t')
        path++;
      if (strncmp (path, "<>", 2) == 0)
        return true;
    }
  return names_a_server (g_mime_object_get_header (headers, "From"))
         || names_a_server (g_mime_object_get_header (headers, "Sender"))
         || (depth == 0 && b->daemon_envelope);
}

/* Explains the recipients of a message whose body is ROOT and whose
   header fields are those of HEADERS: those of its delivery status
   parts where it has one, else those its text parts name, else those
   its X-Failed-Recipients field names; where it has none of these,
   those of the messages attached to it, the first that has any.  DEPTH
   counts the messages it is attached in.  */
static void
explain_message (struct bounce *b, GMimeObject *root, GMimeObject *headers,
                 int depth)
{
  if (depth > MAX_DEPTH)
    return;
  struct parts p = { g_ptr_array_new (), g_ptr_array_new (),
                     g_ptr_array_new () };
  collect (root, false, depth, &p);

  bool have_report = false;
  for (guint i = 0; i < p.reports->len; i++)
    if (decode_body (b, p.reports->pdata[i])
        && explain_report (b, (const char *) b->body->data, b->body->len,
                           headers, &p))
      have_report = true;
  bool server = !have_report && p.texts->len > 0
                && from_a_server (b, root, headers, depth);
  for (guint i = 0; !have_report && i < p.texts->len; i++)
    explain_text (b, p.texts->pdata[i], server);
  if (!have_report && b->printed == 0)
    {
      /* The message says who failed, if its text does not.  */
      GPtrArray *failed = g_ptr_array_new_with_free_func (g_free);
      failed_recipients (headers, failed);
      /* Its first text, which names nobody, says why in its own words.  */
      gchar *notice = NULL;
      gsize notice_length = 0;
      for (guint i = 0; failed->len > 0 && notice == NULL
                        && i < p.texts->len; i++)
        if (!GMIME_IS_MULTIPART (p.texts->pdata[i])
            && decode_body (b, GMIME_PART (p.texts->pdata[i]))
            && b->body->len > 0)
          {
            notice_length = MIN (b->body->len, NOTICE_MAX);
            notice = g_strndup ((const char *) b->body->data, notice_length);
            notice_length = strlen (notice);
          }
      for (guint i = 0; i < failed->len; i++)
        explain_address (b, failed->pdata[i], notice, notice_length);
      g_free (notice);
      g_ptr_array_free (failed, TRUE);
    }
  for (guint i = 0; !have_report && b->printed == 0 && i < p.messages->len;
       i++)
    explain_message (b, g_mime_message_get_mime_part (p.messages->pdata[i]),
                     GMIME_OBJECT (p.messages->pdata[i]), depth + 1);

  g_ptr_array_free (p.reports, TRUE);
  g_ptr_array_free (p.texts, TRUE);
  g_ptr_array_free (p.messages, TRUE);
}

/* Reads all of FD into *DATA, straight into its storage; 0, or an errno
   value.  */
static int
read_all (int fd, GByteArray *data)
{
  struct stat st;
  guint room = 65536;
  /* A regular file is read in one call, whose bytes, as many as its
     size, are all there is: no call more to see its end.  */
  off_t size = -1;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 0
      && st.st_size < (off_t) G_MAXUINT - 65536)
    {
      size = st.st_size;
      room = (guint) size + 1;
    }
  for (;;)
    {
      guint have = data->len;
      if (room > G_MAXUINT - have)
        return EFBIG;
      g_byte_array_set_size (data, have + room);
      ssize_t n = read (fd, data->data + have, room);
      g_byte_array_set_size (data, have + (n > 0 ? (guint) n : 0));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return errno;
      if (n == 0 || (off_t) n == size)
        return 0;
      size = -1;
      if ((guint) n == room && room < (1u << 24))
        room *= 2;
    }
}

/* Explains the message in NAME ("-" or NULL for standard input); returns
   its exit status.  */
static int
explain_file (struct bounce *b, const char *name)
{
  bool is_stdin = name == NULL || strcmp (name, "-") == 0;
  b->file = is_stdin ? NULL : name;
  b->printed = 0;
  int fd = is_stdin ? STDIN_FILENO : open (name, O_RDONLY);
  int error = fd < 0 ? errno : 0;
  GByteArray *data = b->message;
  g_byte_array_set_size (data, 0);
  if (error == 0)
    error = read_all (fd, data);
  if (!is_stdin && fd >= 0)
    close (fd);
  if (error != 0)
    {
      bind_codeset (b->json, false);
      /* The file as it was named, and what went wrong.  */
      complain ("%s: %s", is_stdin ? _("standard input") : name,
                strerror (error));
      bind_codeset (b->json, true);
      return BOUNCE_TROUBLE;
    }

  /* A message saved from a mailbox may start with its "From " line,
     which is no header.  */
  gint64 start = 0;
  b->daemon_envelope = false;
  if (data->len >= 5 && memcmp (data->data, "From ", 5) == 0)
    {
      b->daemon_envelope = data->len >= 18
                           && g_ascii_strncasecmp ((const char *) data->data
                                                   + 5, "MAILER-DAEMON",
                                                   13) == 0;
      const guint8 *lf = memchr (data->data, '\n', data->len);
      start = lf != NULL ? lf - data->data + 1 : data->len;
    }
  GMimeStream *stream = g_mime_stream_mem_new_with_byte_array (data);
  g_mime_stream_mem_set_owner (GMIME_STREAM_MEM (stream), FALSE);
  g_mime_stream_set_bounds (stream, start, -1);
  g_mime_stream_seek (stream, start, GMIME_STREAM_SEEK_SET);
  /* The message is read as a MIME part: its own headers are only those
     of a part to the walk, and GMime need not parse its addresses and
     dates.  One parser serves every message.  */
  g_mime_parser_init_with_stream (b->parser, stream);
  g_mime_parser_set_format (b->parser, GMIME_FORMAT_MESSAGE);
  GMimeObject *root = g_mime_parser_construct_part (b->parser, NULL);
  if (root != NULL)
    {
      explain_message (b, root, root, 0);
      g_object_unref (root);
    }
  g_object_unref (stream);
  return b->printed != 0 ? BOUNCE_ALL : BOUNCE_NOT;
}

int
explain_bounces (char *const *files, size_t count, bool json)
{
  g_mime_init ();
  bind_codeset (json, true);
  struct bounce b = { .json = json, .body = g_byte_array_new (),
                      .parser = g_mime_parser_new (),
                      .message = g_byte_array_new () };
  int status = BOUNCE_ALL;
  for (size_t i = 0; i < count || (count == 0 && i == 0); i++)
    {
      int s = explain_file (&b, count != 0 ? files[i] : NULL);
      if (s > status)
        status = s;
    }
  g_byte_array_unref (b.body);
  g_object_unref (b.parser);
  g_byte_array_unref (b.message);
  g_mime_shutdown ();
  bind_codeset (json, false);
  return status;
}

#endif /* HAVE_GMIME */

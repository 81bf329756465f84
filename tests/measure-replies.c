/* measure-replies.c: 'make measure', the library on real SMTP replies.
   SPDX-License-Identifier: LGPL-2.1-or-later

   measure-replies [-v] FILE reads FILE, JSON Lines in the form of
   ../shared/realworld/replies.jsonl (its README describes it; that data
   stays outside the repository), parses the first reply of each record
   of kind "reply" with smtp_reply_parse, diagnoses it with
   smtp_reply_diagnose and compares what it finds with the record's
   third-party labels ("gt").  It prints one figure per comparison,
   "name: n/d (p.p%)"; with -v, first a line for each reply that does not
   parse, each disagreement and each contradiction.

   Measuring is not a test: the program exits 0 whatever the figures
   are, 1 when FILE cannot be read or is not what it should be (a
   message names the line), 2 on a usage error.

   It never calls setlocale, so it runs in the C locale and every text of
   the library it prints is English.

   Each line is one JSON value, read by the strict reader of tests/json.h
   (RFC 8259 to the letter, and no object may name a member twice); a
   line may end in CRLF.  Sisimai's reasons are compared with ours as
   tests/sisimai.c maps them.  */

#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpstatus.h"

#include "json.h"
#include "measure-util.h"
#include "sisimai.h"

const char program_name[] = "measure-replies";


/* Contradictions.  A reply contradicts itself when its diagnosis gives
   a reason that its own enhanced code's subject rules out: the reply has
   an enhanced code whose subject S is not 0 (X.0.X says nothing about
   the cause), and S is not among the subjects this table lets the
   diagnosed reason go with.  Some subjects fit a reason only where the
   diagnosis comes from a vendor's own code (diagnosis.source is
   SMTP_SOURCE_VENDOR_CODE): a vendor may say that an address does not
   exist, or that it blocks the sender, with a code of subject 4.  Where
   the diagnosis follows the reply's own words (SMTP_SOURCE_TEXT), a
   reason that does not fit the code is the reply disagreeing with
   itself ("550 5.7.1 User unknown"), not the diagnosis contradicting
   the reply: those are counted apart, as "words against their code".  The reason "unknown" fits every
   subject, and "none" (no failure) every subject but only for a 2xx or
   3xx reply.  The subjects are digits; "*" is every subject, and a
   subject over 9 fits only "*".

   This is the one place to tune the definition.  */
struct subject_fit
{
  const char *reason;                   /* smtp_reason_name's */
  const char *subjects;                 /* the subjects it fits */
  const char *vendor_subjects;          /* and those it fits for a vendor */
  int success_only;                     /* it fits only a 2xx or 3xx reply */
};

static const struct subject_fit subject_fits[] =
{
  { "recipient-unknown", "12", "4", 0 },
  { "recipient-disabled", "12", "", 0 },
  { "mailbox-full", "23", "", 0 },
  { "domain-unknown", "14", "", 0 },
  { "sender-blocked", "7", "4", 0 },
  { "spam", "67", "", 0 },
  { "content-rejected", "67", "", 0 },
  { "authentication-failed", "7", "", 0 },
  { "policy", "1267", "", 0 },
  { "sender-rejected", "17", "", 0 },
  { "relay-denied", "147", "", 0 },
  { "login-failed", "57", "", 0 },
  { "message-too-big", "236", "", 0 },
  { "rate-limited", "457", "", 0 },
  { "try-later", "2347", "", 0 },
  { "expired", "4", "", 0 },
  { "network", "4", "", 0 },
  { "server-error", "34", "", 0 },
  { "protocol", "156", "", 0 },
  { "unknown", "*", "", 0 },
  { "none", "*", "", 1 },
};


static void
bytes_add_byte (struct bytes *b, unsigned char c)
{
  bytes_add (b, &c, 1);
}


/* Base64 (RFC 4648, the standard alphabet), strictly: padded to a
   multiple of 4, no other characters, and the bits the padding leaves
   over 0.  Returns 0 and the bytes in *OUT, or -1.  */
static int
base64_decode (const char *text, size_t length, struct bytes *out)
{
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  bytes_add (out, "", 0);
  if (length % 4 != 0)
    return -1;
  for (size_t i = 0; i < length; i += 4)
    {
      unsigned long group = 0;
      int pad = 0;
      for (int j = 0; j < 4; j++)
        {
          char c = text[i + j];
          const char *at = c ? strchr (alphabet, c) : NULL;
          if (c == '=' && i + 4 == length && j >= 2
              && (pad || j == 3 || text[i + 3] == '='))
            pad++, at = alphabet;
          else if (at == NULL || pad)
            return -1;
          group = group << 6 | (unsigned long) (at - alphabet);
        }
      unsigned char b[3] = { group >> 16, group >> 8 & 0xff, group & 0xff };
      if ((pad == 1 && b[2] != 0) || (pad == 2 && (b[1] != 0 || b[2] != 0)))
        return -1;
      bytes_add (out, b, (size_t) (3 - pad));
    }
  return 0;
}


/* One record of the file, as far as the measure needs it; the strings
   point into the record's JSON value.  */
struct record
{
  const struct json *id;
  int is_reply;
  struct bytes wire;
  struct bytes tags;                    /* "tag,tag", for -v */
  int has_code, code;
  const char *enhanced;                 /* NULL for null */
  int enhanced_in_text;                 /* -1 for null */
  const char *sisimai_reason;           /* NULL for null */
};

static void
read_record (const struct lines *in, const struct json *v, struct record *rec)
{
  const struct json *kind, *gt, *m;

  memset (rec, 0, sizeof *rec);
  if (v->type != JSON_OBJECT)
    lines_fail (in, "the line is no JSON object");
  rec->id = required_member (in, v, "the record", "id");
  if (rec->id->type != JSON_STRING)
    lines_fail (in, "the record: \"id\" must be a string");
  kind = required_member (in, v, "the record", "kind");
  if (json_is_string (kind, "not-a-reply"))
    return;
  if (!json_is_string (kind, "reply"))
    lines_fail (in, "the record: \"kind\" must be \"reply\" or "
                "\"not-a-reply\"");
  rec->is_reply = 1;

  m = required_member (in, v, "the record", "wire_b64");
  if (m->type != JSON_STRING)
    lines_fail (in, "the record: \"wire_b64\" must be a string");
  if (base64_decode (m->text, m->length, &rec->wire) < 0)
    lines_fail (in, "the record: \"wire_b64\" is not base64 (RFC 4648, "
                "padded)");

  m = required_member (in, v, "the record", "tags");
  if (m->type != JSON_ARRAY)
    lines_fail (in, "the record: \"tags\" must be an array");
  bytes_add (&rec->tags, "", 0);
  for (size_t i = 0; i < m->count; i++)
    {
      if (m->elements[i].type != JSON_STRING)
        lines_fail (in, "the record: \"tags\" must hold only strings");
      if (i > 0)
        bytes_add_byte (&rec->tags, ',');
      bytes_add (&rec->tags, m->elements[i].text, m->elements[i].length);
    }

  gt = required_member (in, v, "the record", "gt");
  if (gt->type != JSON_OBJECT)
    lines_fail (in, "the record: \"gt\" must be an object");
  m = required_member (in, gt, "\"gt\"", "code");
  if (m->type == JSON_NUMBER)
    {
      char *end;
      long code;
      errno = 0;
      code = strtol (m->text, &end, 10);
      if (*end != '\0' || errno != 0 || code < 0 || code > INT_MAX)
        lines_fail (in, "\"gt\": \"code\" must be an integer from 0 to %d "
                    "or null", INT_MAX);
      rec->has_code = 1;
      rec->code = (int) code;
    }
  else if (m->type != JSON_NULL)
    lines_fail (in, "\"gt\": \"code\" must be a number or null");
  rec->enhanced = text_member (in, gt, "\"gt\"", "enhanced", 1);
  m = required_member (in, gt, "\"gt\"", "enhanced_in_text");
  if (m->type == JSON_NULL)
    rec->enhanced_in_text = -1;
  else if (m->type == JSON_TRUE || m->type == JSON_FALSE)
    rec->enhanced_in_text = m->type == JSON_TRUE;
  else
    lines_fail (in, "\"gt\": \"enhanced_in_text\" must be true, false or "
                "null");
  rec->sisimai_reason = text_member (in, gt, "\"gt\"", "sisimai_reason", 1);
}


/* Output.  */

/* The start of a line of -v: what it is about, the record's id, its
   tags.  */
static void
show_start (const char *what, const struct record *rec)
{
  printf ("%s ", what);
  show_bytes (rec->id->text, rec->id->length, SIZE_MAX,
              SHOW_ESCAPE_QUOTES);
  if (rec->tags.length > 0)
    printf (" [%s]", rec->tags.data);
  fputs (": ", stdout);
}

static void
show_wire (const struct record *rec)
{
  show_bytes (rec->wire.data, rec->wire.length, SHOWN_BYTES,
              SHOW_IN_QUOTES);
  putchar ('\n');
}

/* A figure on a line of its own.  */
static void
show_figure_line (const char *name, struct figure f)
{
  show_figure (name, f);
  putchar ('\n');
}


/* The measure.  */

static const struct subject_fit *
find_subject_fit (const char *reason)
{
  for (size_t i = 0; i < COUNT (subject_fits); i++)
    if (strcmp (subject_fits[i].reason, reason) == 0)
      return &subject_fits[i];
  return NULL;
}

/* The tables name only reasons the library has, and the contradiction
   table has every one.  */
static void
check_tables (void)
{
  enum smtp_reason reason;
  sisimai_check_table ();
  for (size_t i = 0; i < COUNT (subject_fits); i++)
    if (smtp_reason_from_name (subject_fits[i].reason, &reason) != 0)
      fatal ("subject_fits names \"%s\", which is no reason of the library",
             subject_fits[i].reason);
  for (int r = SMTP_REASON_UNKNOWN; r <= SMTP_REASON_PROTOCOL; r++)
    if (find_subject_fit (smtp_reason_name ((enum smtp_reason) r)) == NULL)
      fatal ("subject_fits has no entry for the reason \"%s\"",
             smtp_reason_name ((enum smtp_reason) r));
}

/* 1 if the diagnosis D of REPLY contradicts the reply's enhanced code, as
   subject_fits says (above).  */
static int
contradicts (const struct smtp_reply *reply, const struct smtp_diagnosis *d)
{
  const char *name = smtp_reason_name (d->reason);
  const struct subject_fit *fit = find_subject_fit (name);
  int subject = reply->enhanced.subject;
  char digit;

  if (fit == NULL)
    fatal ("subject_fits has no entry for the reason \"%s\"", name);
  if (fit->success_only && reply->code / 100 != 2 && reply->code / 100 != 3)
    return 1;
  if (strcmp (fit->subjects, "*") == 0)
    return 0;
  if (subject > 9)
    return 1;
  digit = (char) ('0' + subject);
  if (strchr (fit->subjects, digit) != NULL)
    return 0;
  if (d->source == SMTP_SOURCE_VENDOR_CODE
      && strchr (fit->vendor_subjects, digit) != NULL)
    return 0;
  return 1;
}

/* A short name of RESULT for -v, the same whatever the library's
   sentences for them say.  */
static const char *
result_name (enum smtp_reply_result result)
{
  switch (result)
    {
    case SMTP_REPLY_OK: return "ok";
    case SMTP_REPLY_INCOMPLETE: return "incomplete";
    case SMTP_REPLY_BAD_CODE: return "bad-code";
    case SMTP_REPLY_CODE_MISMATCH: return "code-mismatch";
    case SMTP_REPLY_LINE_TOO_LONG: return "line-too-long";
    case SMTP_REPLY_TOO_MANY_LINES: return "too-many-lines";
    }
  return "unknown-result";
}

struct tally
{
  unsigned long records, not_replies;
  struct figure parsed, code, enhanced, reason, contradictions;
  unsigned long words_against_code;
};

static void
measure_record (const struct record *rec, int verbose, struct tally *t)
{
  struct smtp_reply reply;
  struct smtp_diagnosis diagnosis;
  enum smtp_reply_result result;
  int parsed;
  char ours[32];

  memset (&diagnosis, 0, sizeof diagnosis);
  t->parsed.d++;
  result = smtp_reply_parse (rec->wire.data, rec->wire.length, &reply);
  parsed = result == SMTP_REPLY_OK;
  if (parsed)
    {
      t->parsed.n++;
      smtp_reply_diagnose (rec->wire.data, &reply, &diagnosis);
    }
  else if (verbose)
    {
      show_start ("unparsed", rec);
      printf ("%s: ", result_name (result));
      show_wire (rec);
    }

  if (rec->has_code)
    {
      t->code.d++;
      if (parsed && reply.code == rec->code)
        t->code.n++;
      else if (verbose)
        {
          show_start ("code", rec);
          if (parsed)
            snprintf (ours, sizeof ours, "%d", reply.code);
          printf ("expected %d, ours %s: ", rec->code,
                  parsed ? ours : "unparsed");
          show_wire (rec);
        }
    }

  if (rec->enhanced != NULL && rec->enhanced_in_text == 1)
    {
      t->enhanced.d++;
      if (parsed && reply.has_enhanced)
        snprintf (ours, sizeof ours, "%d.%d.%d",
                  reply.enhanced.status_class, reply.enhanced.subject,
                  reply.enhanced.detail);
      else
        strcpy (ours, parsed ? "none" : "unparsed");
      if (parsed && reply.has_enhanced && strcmp (ours, rec->enhanced) == 0)
        t->enhanced.n++;
      else if (verbose)
        {
          show_start ("enhanced", rec);
          printf ("expected %s, ours %s: ", rec->enhanced, ours);
          show_wire (rec);
        }
    }

  if (rec->sisimai_reason != NULL && sisimai_compared (rec->sisimai_reason))
    {
      const char *name = parsed ? smtp_reason_name (diagnosis.reason)
                                : "unparsed";
      t->reason.d++;
      if (parsed && sisimai_agrees (rec->sisimai_reason, name))
        t->reason.n++;
      else if (verbose)
        {
          show_start ("reason", rec);
          sisimai_show_expected (rec->sisimai_reason);
          printf (", ours %s: ", name);
          show_wire (rec);
        }
    }

  if (parsed && reply.has_enhanced && reply.enhanced.subject != 0)
    {
      t->contradictions.d++;
      if (contradicts (&reply, &diagnosis))
        {
          int words = diagnosis.source == SMTP_SOURCE_TEXT;
          if (words)
            t->words_against_code++;
          else
            t->contradictions.n++;
          if (verbose)
            {
              show_start (words ? "words against their code"
                          : "contradiction", rec);
              printf ("%d.%d.%d%s with reason %s: ",
                      reply.enhanced.status_class, reply.enhanced.subject,
                      reply.enhanced.detail,
                      diagnosis.source == SMTP_SOURCE_VENDOR_CODE
                      ? " (vendor code)" : "",
                      smtp_reason_name (diagnosis.reason));
              show_bytes (rec->wire.data, rec->wire.length, SHOWN_BYTES,
                          SHOW_IN_QUOTES);
              printf (": %s\n", smtp_diagnosis_explanation (&diagnosis));
            }
        }
    }
}

void
usage (FILE *out)
{
  fprintf (out,
           "Usage: %s [-v] FILE\n"
           "Measures smtpstatus on the SMTP replies of FILE, JSON Lines as "
           "in\n../shared/realworld/replies.jsonl.  -v lists every reply "
           "that does not\nparse, every disagreement and every "
           "contradiction before the figures.\n", program_name);
}

int
main (int argc, char **argv)
{
  int verbose = 0;
  int i = 1;
  const char *option, *file;
  struct lines in;
  struct tally t;
  const char *line;
  size_t length;

  while ((option = next_option (argc, argv, &i)) != NULL)
    if (strcmp (option, "-v") == 0)
      verbose = 1;
    else
      other_option (option);
  file = one_operand (argc, argv, i, "FILE");

  check_tables ();
  lines_open (&in, file);

  memset (&t, 0, sizeof t);
  puts ("# smtpstatus on real SMTP replies: the first reply of each record "
        "of kind \"reply\"\n"
        "# reply code agreement: over the replies with a code in gt.code\n"
        "# enhanced code agreement: over those with gt.enhanced where "
        "gt.enhanced_in_text\n"
        "# reason agreement: over those with a gt.sisimai_reason but "
        "undefined,\n"
        "#   delivered, feedback or vacation, as the data's README maps "
        "them\n"
        "# contradictions: over the parsed replies with an enhanced code "
        "of subject S\n"
        "#   other than 0, those whose diagnosed reason does not fit S: "
        "each reason\n"
        "#   fits the subjects tests/measure-replies.c gives it (some only "
        "for a\n"
        "#   vendor's code), \"unknown\" every one, \"none\" only a 2xx or "
        "3xx reply;\n"
        "#   a diagnosis that follows the reply's own words is counted "
        "apart");

  while (lines_next (&in, &line, &length))
    {
      struct json value;
      struct json_error error;
      struct record rec;

      if (json_parse (line, length, &value, &error) < 0)
        {
          /* As for every other allocation here: no place in the file.  */
          if (strcmp (error.message, "out of memory") == 0)
            fatal ("out of memory");
          lines_json_fail (&in, &error);
        }
      read_record (&in, &value, &rec);
      t.records++;
      if (!rec.is_reply)
        t.not_replies++;
      else
        {
          if (rec.sisimai_reason != NULL
              && sisimai_compared (rec.sisimai_reason)
              && sisimai_categories (rec.sisimai_reason) == NULL)
            lines_fail (&in, "\"gt\": \"sisimai_reason\" is \"%s\", which "
                        "the README's table does not have",
                        rec.sisimai_reason);
          measure_record (&rec, verbose, &t);
        }
      free (rec.wire.data);
      free (rec.tags.data);
      json_free (&value);
    }
  lines_close (&in);

  printf ("records: %lu (%lu of kind not-a-reply, left out)\n", t.records,
          t.not_replies);
  show_figure_line ("parsed", t.parsed);
  show_figure_line ("reply code agreement", t.code);
  show_figure_line ("enhanced code agreement", t.enhanced);
  show_figure_line ("reason agreement", t.reason);
  show_figure_line ("contradictions", t.contradictions);
  printf ("words against their code: %lu (the reply's own words, which the "
          "diagnosis follows,\n  give a reason its enhanced code does not "
          "fit)\n", t.words_against_code);
  if (fflush (stdout) != 0 || ferror (stdout))
    fatal ("standard output: %s", strerror (errno));
  return 0;
}

/* smtp-status: describe SMTP reply codes from the command line.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "smtpstatus.h"

#if ENABLE_NLS
# include <langinfo.h>
# include <libintl.h>
# define _(text) gettext (text)
#else
# define _(text) (text)
#endif

/* The exit statuses smtp-status(1) documents.  */
enum
{
  EXIT_UNKNOWN = 1,   /* an operand named no entry of the table */
  EXIT_TROUBLE = 2    /* bad usage, or output could not be written */
};

static const char program_name[] = "smtp-status";

/* Prints a message on stderr.  A translation that has no arguments to
   format is passed as an argument to "%s", never as FORMAT: a catalog
   checks only the msgids marked c-format, and a stray "%s" in any other
   would make vfprintf read arguments that are not there.  */
#if defined __GNUC__
__attribute__ ((format (printf, 1, 2)))
#endif
static void
complain (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  fprintf (stderr, "%s: ", program_name);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
}

static int
usage_error (void)
{
  /* TRANSLATORS: %s is the program's name, smtp-status.  */
  fprintf (stderr, _("Try '%s --help' for more information.\n"),
           program_name);
  return EXIT_TROUBLE;
}

static void
print_help (void)
{
  /* TRANSLATORS: %s is the program's name, smtp-status.  */
  printf (_("Usage: %s [OPTION]... CODE|NAME...\n"), program_name);
  fputs (_("Print the description of each SMTP reply CODE or symbolic NAME\n"
           "in the language of the current locale.\n"), stdout);
  fputs ("\n", stdout);
  /* TRANSLATORS: keep the option names and the step names (connect,
     ehlo, ...); align the descriptions in one column, as here.  */
  fputs (_("  -l, --list        print every known code with its name and "
           "description,\n"
           "                      separated by tabs\n"
           "  -r, --reply       explain the SMTP replies read from standard "
           "input\n"
           "      --json        the same, as one JSON object per reply and "
           "line\n"
           "      --strict      with --reply or --json, take replies only in "
           "the form\n"
           "                      RFC 5321 prescribes, lines of at most 512 "
           "bytes\n"
           "      --step=STEP   with --reply or --json, add a sentence for "
           "the user that\n"
           "                      names STEP, the command the replies "
           "answered: connect,\n"
           "                      ehlo, starttls, auth, mail, rcpt, data or "
           "end-of-data\n"
           "      --recipient=ADDRESS\n"
           "                    with --reply or --json, name ADDRESS in that "
           "sentence\n"
           "  -L, --lang=LANG   describe in language LANG (for example sv "
           "or tr),\n"
           "                      even where no locale for it is installed\n"
           "  -h, --help        display this help and exit\n"
           "  -V, --version     output version information and exit\n"),
         stdout);
  fputs ("\n", stdout);
  /* TRANSLATORS: MailboxUnavailable and MAILBOX_UNAVAILABLE are names
     the program accepts; keep them as they are.  */
  fputs (_("A CODE is a reply code (550) or an enhanced status code (5.1.1).  "
           "A NAME is\n"
           "the symbolic name (MailboxUnavailable) or the name of its "
           "constant\n"
           "(MAILBOX_UNAVAILABLE), in upper or lower case.  Put a negative "
           "CODE\n"
           "after \"--\", as in: smtp-status -- -1\n"), stdout);
  fputs ("\n", stdout);
  /* TRANSLATORS: keep "-", --step, --recipient and --json.  */
  fputs (_("With --reply, each reply gets one line of fields separated by "
           "tabs: its code,\n"
           "its enhanced code or \"-\", the explanation, what it means for "
           "the sender,\n"
           "the reason's name, who can fix it and advice; with --step or "
           "--recipient,\n"
           "then a sentence for the user.  With --json, each reply gets a "
           "JSON object\n"
           "of the same and the reply's text, in UTF-8 whatever the "
           "locale's charset.\n"),
         stdout);
  fputs ("\n", stdout);
  fputs (_("Exit status is 0 if every operand was found and every reply "
           "well formed,\n"
           "1 if an operand was unknown or a reply malformed, and 2 for bad "
           "usage\n"
           "or a read or write error.\n"), stdout);
}

static void
print_version (void)
{
  printf ("%s (%s) %s\n", program_name, PACKAGE_NAME, PACKAGE_VERSION);
  fputs ("Copyright (C) 2026 the smtpstatus authors.\n", stdout);
  fputs (_("License LGPLv2.1+: GNU LGPL version 2.1 or later "
           "<https://gnu.org/licenses/lgpl.html>.\n"
           "This is free software: you are free to change and redistribute "
           "it.\n"
           "There is NO WARRANTY, to the extent permitted by law.\n"),
         stdout);
}

/* Where this program's catalogs are.  SMTPSTATUS_LOCALEDIR, when set and
   not empty, lets the test suite and a relocated install use catalogs
   other than those chosen at build time; the library reads it too, so
   both find the same ones.  secure_getenv, where there is one, keeps the
   caller of a set-user-ID program from feeding in catalogs of its own.  */
static const char *
catalog_dir (void)
{
# ifdef HAVE_SECURE_GETENV
  const char *dir = secure_getenv ("SMTPSTATUS_LOCALEDIR");
# else
  const char *dir = getenv ("SMTPSTATUS_LOCALEDIR");
# endif
  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define ALNUM LOWER "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

/* Steps *P over the part of a language name that starts there with MARK
   (such as "_SE"), if there is one: MARK, then MIN to MAX characters of
   ACCEPT.  False if the part is there but malformed.  */
static bool
skip_name_part (const char **p, char mark, const char *accept, size_t min,
                size_t max)
{
  if (**p != mark)
    return true;
  size_t n = strspn (*p + 1, accept);
  *p += 1 + n;
  return n >= min && n <= max;
}

/* Whether LANG is a list of languages as LANGUAGE takes it, such as sv,
   pt_BR, sv:tr, sr@latin or de_DE.UTF-8: colon-separated names of a
   language (two or three lower-case letters), then optionally a territory
   (_ and two or three letters or digits), a charset (. and a name) and a
   modifier (@ and a name).  gettext makes paths of these names, so
   nothing else gets through: not "..", "sv/", or an empty name.  */
static bool
is_language_list (const char *lang)
{
  const char *p = lang;
  for (;;)
    {
      size_t n = strspn (p, LOWER);
      if (n < 2 || n > 3)
        return false;
      p += n;
      if (!skip_name_part (&p, '_', ALNUM, 2, 3)
          || !skip_name_part (&p, '.', ALNUM "-_", 1, SIZE_MAX)
          || !skip_name_part (&p, '@', ALNUM "-_", 1, SIZE_MAX))
        return false;
      if (*p == '\0')
        return true;
      if (*p++ != ':')
        return false;
    }
}

/* Whether gettext found a catalog of the program's domain for the
   current language: only a catalog has a header, the translation of "".  */
static bool
have_catalog (void)
{
#if ENABLE_NLS
  /* Not a literal, or xgettext would take "" for a message.  */
  static const char header[] = "";
  return *gettext (header) != '\0';
#else
  return false;
#endif
}

/* Whether the language of locale or language list NAME is English, which
   needs no catalog.  */
static bool
is_english (const char *name)
{
  return strncmp (name, "en", 2) == 0
         && (name[2] == '\0' || strchr ("_.@:", name[2]) != NULL);
}

/* The locale name the environment asks for, as setlocale reads it for
   LC_MESSAGES.  */
static const char *
wanted_locale (void)
{
  static const char *const variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
  for (size_t i = 0; i < sizeof variables / sizeof variables[0]; i++)
    {
      const char *value = getenv (variables[i]);
      if (value != NULL && *value != '\0')
        return value;
    }
  return NULL;
}

/* One warning where the user asked for a language that cannot be shown,
   so that English output is not taken for a fault of the program.
   LOCALE_FOUND is what setlocale (LC_ALL, "") said.  */
static void
warn_about_language (const char *lang, bool locale_found)
{
  if (lang != NULL)
    {
      if (is_english (lang))
        return;
      if (!SMTPSTATUS_NLS)
        complain ("%s", _("this smtp-status was built without translations; "
                          "using English"));
      else if (!have_catalog ())
        /* TRANSLATORS: %s is the value given to --lang, such as "de".  */
        complain (_("no translation into '%s' is installed; using English"),
                  lang);
      return;
    }
  if (!SMTPSTATUS_NLS)
    return;
  const char *locale = wanted_locale ();
  if (locale_found || locale == NULL || is_english (locale))
    return;
  /* The language part of a name such as sv_SE.UTF-8, for a hint where
     there is a catalog for it.  */
  char language[4] = "";
  size_t n = strspn (locale, "abcdefghijklmnopqrstuvwxyz");
  if (n >= 2 && n <= 3)
    memcpy (language, locale, n), language[n] = '\0';
  char catalog[4096];
  int length = snprintf (catalog, sizeof catalog, "%s/%s/LC_MESSAGES/%s.mo",
                         catalog_dir (), language, PACKAGE);
  if (*language != '\0' && length > 0 && (size_t) length < sizeof catalog
      && access (catalog, R_OK) == 0)
    /* TRANSLATORS: the first %s is a locale name such as sv_SE.UTF-8,
       the second its language, such as sv, for the --lang option.  */
    complain (_("the locale '%s' is not installed; using English (try "
                "--lang=%s)"), locale, language);
  else
    /* TRANSLATORS: %s is a locale name such as sv_SE.UTF-8.  */
    complain (_("the locale '%s' is not installed; using English"), locale);
}

static void
leave_c_locale (int category)
{
  const char *current = setlocale (category, NULL);
  if (current != NULL
      && (strcmp (current, "C") == 0 || strcmp (current, "POSIX") == 0))
    setlocale (category, "C.UTF-8");
}

/* Makes gettext answer in LANG even where no locale for it is installed.
   gettext ignores LANGUAGE under the C locale, and the C locale's ASCII
   cannot carry most translations; C.UTF-8, present on every current
   glibc system, changes nothing else and lifts both limits.  */
static void
use_language (const char *lang)
{
  setenv ("LANGUAGE", lang, 1);
  leave_c_locale (LC_CTYPE);
  leave_c_locale (LC_MESSAGES);
}

/* Whether ARG is written as a decimal number, with an optional minus.  */
static bool
is_number (const char *arg)
{
  const char *digits = arg + (*arg == '-');
  return *digits != '\0' && digits[strspn (digits, "0123456789")] == '\0';
}

/* Prints the description of the enhanced status code ARG.  */
static int
describe_enhanced (const char *arg)
{
  struct smtp_enhanced_status status;
  if (smtp_enhanced_parse (arg, strlen (arg), &status) != 0)
    {
      /* TRANSLATORS: %s is the operand as it was given, written almost
         like an enhanced status code but not quite, such as 5.1 or
         5.1.1.1.  */
      complain (_("not a valid enhanced status code: %s"), arg);
      return EXIT_UNKNOWN;
    }
  if (!smtp_enhanced_is_known (status.subject, status.detail))
    {
      /* TRANSLATORS: %s is the operand as it was given, a well-formed
         enhanced code that no text describes, such as 5.9.99.  */
      complain (_("unknown enhanced status code: %s"), arg);
      return EXIT_UNKNOWN;
    }
  puts (smtp_enhanced_description (status.status_class, status.subject,
                                   status.detail));
  return EXIT_SUCCESS;
}

/* Prints the description ARG asks for; returns the exit status it earns.  */
static int
describe (const char *arg)
{
  int code;
  /* Names have no dots, so a digit and a dot make an enhanced code.  */
  if (*arg >= '0' && *arg <= '9' && strchr (arg, '.') != NULL)
    return describe_enhanced (arg);
  if (is_number (arg))
    {
      errno = 0;
      long value = strtol (arg, NULL, 10);
      if (errno != 0 || value < INT_MIN || value > INT_MAX
          || !smtp_status_is_known ((int) value))
        {
          /* TRANSLATORS: %s is the operand as it was given, a number that is
             no known reply code, such as 299.  */
          complain (_("unknown SMTP status code: %s"), arg);
          return EXIT_UNKNOWN;
        }
      code = (int) value;
    }
  else if (smtp_status_from_name (arg, &code) != 0)
    {
      /* TRANSLATORS: %s is the operand as it was given, a name that is
         no known code's, such as MailboxFull.  */
      complain (_("unknown SMTP status name: %s"), arg);
      return EXIT_UNKNOWN;
    }
  puts (smtp_status_description (code));
  return EXIT_SUCCESS;
}

static void
list_all (void)
{
  size_t count = smtp_status_count ();
  for (size_t i = 0; i < count; i++)
    {
      int code;
      smtp_status_code_at (i, &code);
      printf ("%d\t%s\t%s\n", code, smtp_status_name (code),
              smtp_status_description (code));
    }
}

/* How --reply and --json print each reply.  */
static struct
{
  bool json;                    /* --json: JSON Lines, not TSV */
  bool sentence;                /* --step or --recipient was given */
  enum smtp_step step;          /* --step, or SMTP_STEP_UNKNOWN */
  const char *recipient;        /* --recipient, or NULL */
} output = { false, false, SMTP_STEP_UNKNOWN, NULL };

/* The steps --step takes, with their synonyms.  */
static const struct
{
  char name[12];
  enum smtp_step step;
} step_names[] =
{
  { "connect", SMTP_STEP_CONNECT },
  { "ehlo", SMTP_STEP_EHLO },
  { "helo", SMTP_STEP_EHLO },
  { "starttls", SMTP_STEP_STARTTLS },
  { "auth", SMTP_STEP_AUTH },
  { "mail", SMTP_STEP_MAIL },
  { "rcpt", SMTP_STEP_RCPT },
  { "data", SMTP_STEP_DATA },
  { "end-of-data", SMTP_STEP_END_OF_DATA },
  { "dot", SMTP_STEP_END_OF_DATA },
};

/* Whether A and B are the same string but for the case of ASCII letters,
   the same in every locale (strcasecmp in a Turkish one would not take
   "MAIL" for "mail").  */
static bool
same_ascii_word (const char *a, const char *b)
{
  for (;; a++, b++)
    {
      char x = *a >= 'A' && *a <= 'Z' ? (char) (*a - 'A' + 'a') : *a;
      char y = *b >= 'A' && *b <= 'Z' ? (char) (*b - 'A' + 'a') : *b;
      if (x != y)
        return false;
      if (x == '\0')
        return true;
    }
}

/* Looks up the step NAME, in upper or lower case; false if it is none.  */
static bool
parse_step (const char *name, enum smtp_step *step)
{
  for (size_t i = 0; i < sizeof step_names / sizeof step_names[0]; i++)
    if (same_ascii_word (name, step_names[i].name))
      {
        *step = step_names[i].step;
        return true;
      }
  return false;
}

/* Whether S has a control character, which no address has (RFC 5321)
   and which would break a line of --reply's output.  */
static bool
has_control_character (const char *s)
{
  for (; *s != '\0'; s++)
    if ((unsigned char) *s < 0x20 || *s == 0x7f)
      return true;
  return false;
}

static void bind_codeset (bool utf8);

static void
out_of_memory (void)
{
  bind_codeset (false);
  complain ("%s", _("memory exhausted"));
  exit (EXIT_TROUBLE);
}

/* The size of the buffer smtp_diagnosis_sentence gets first; a longer
   sentence (a long --recipient) gets one of its own size.  */
enum { SENTENCE_SIZE = 1024 };

/* The sentence for DIAGNOSIS, whole: in BUFFER where it fits, else in
   memory this allocates and stores in *ALLOCATED for the caller to free
   (NULL otherwise).  */
static const char *
diagnosis_sentence (const struct smtp_diagnosis *diagnosis,
                    char buffer[SENTENCE_SIZE], char **allocated)
{
  *allocated = NULL;
  size_t length = smtp_diagnosis_sentence (buffer, SENTENCE_SIZE,
                                           output.step, output.recipient,
                                           diagnosis);
  size_t size = SENTENCE_SIZE;
  while (length >= size)
    {
      free (*allocated);
      if (length == SIZE_MAX)
        out_of_memory ();
      size = length + 1;
      *allocated = malloc (size);
      if (*allocated == NULL)
        out_of_memory ();
      length = smtp_diagnosis_sentence (*allocated, size, output.step,
                                        output.recipient, diagnosis);
    }
  return *allocated != NULL ? *allocated : buffer;
}

/* The length of the well-formed UTF-8 sequence at the start of the bytes
   from P to END (Unicode's table 3-7: no overlong forms, no surrogates,
   nothing above U+10FFFF), or 0 if there is none.  */
static size_t
utf8_sequence (const unsigned char *p, const unsigned char *end)
{
  unsigned char c = p[0], low = 0x80, high = 0xbf;
  size_t n;
  if (c >= 0xc2 && c <= 0xdf)
    n = 2;
  else if (c >= 0xe0 && c <= 0xef)
    {
      n = 3;
      if (c == 0xe0)
        low = 0xa0;
      else if (c == 0xed)
        high = 0x9f;
    }
  else if (c >= 0xf0 && c <= 0xf4)
    {
      n = 4;
      if (c == 0xf0)
        low = 0x90;
      else if (c == 0xf4)
        high = 0x8f;
    }
  else
    return 0;
  if ((size_t) (end - p) < n || p[1] < low || p[1] > high)
    return 0;
  for (size_t i = 2; i < n; i++)
    if (p[i] < 0x80 || p[i] > 0xbf)
      return 0;
  return n;
}

/* Writes the LENGTH bytes at TEXT as the inside of a JSON string (RFC
   8259), valid UTF-8 whatever they are: '"' and '\' escaped, control
   characters and DEL as \n, \r, \t or \u00XX, and each byte that is not
   part of a well-formed UTF-8 sequence as U+FFFD.  */
static void
json_chars (const char *text, size_t length)
{
  const unsigned char *p = (const unsigned char *) text;
  const unsigned char *end = p + length;
  while (p < end)
    {
      unsigned char c = *p;
      if (c >= 0x80)
        {
          size_t n = utf8_sequence (p, end);
          if (n == 0)
            fputs ("\xef\xbf\xbd", stdout);
          else
            fwrite (p, 1, n, stdout);
          p += n != 0 ? n : 1;
          continue;
        }
      if (c == '"' || c == '\\')
        {
          putchar ('\\');
          putchar (c);
        }
      else if (c == '\n')
        fputs ("\\n", stdout);
      else if (c == '\r')
        fputs ("\\r", stdout);
      else if (c == '\t')
        fputs ("\\t", stdout);
      else if (c < 0x20 || c == 0x7f)
        printf ("\\u%04x", c);
      else
        putchar (c);
      p++;
    }
}

/* Writes the member NAME (a plain ASCII name) with the string VALUE, or
   null where VALUE is NULL, after a comma unless FIRST.  */
static void
json_member (const char *name, const char *value, bool first)
{
  printf ("%s\"%s\": ", first ? "{" : ", ", name);
  if (value == NULL)
    {
      fputs ("null", stdout);
      return;
    }
  putchar ('"');
  json_chars (value, strlen (value));
  putchar ('"');
}

/* The reply's text as smtp_reply_next_line gives its lines, joined by
   newlines, as a JSON string.  */
static void
json_reply_text (const char *buffer, const struct smtp_reply *reply)
{
  fputs (", \"text\": \"", stdout);
  size_t cursor = 0;
  struct smtp_reply_line line;
  for (bool first = true; smtp_reply_next_line (buffer, reply, &cursor, &line);
       first = false)
    {
      if (!first)
        fputs ("\\n", stdout);
      json_chars (buffer + line.offset, line.length);
    }
  putchar ('"');
}

/* The stable names --json gives, by the value of the enums.  */
static const char *
outcome_name (enum smtp_outcome outcome)
{
  switch (outcome)
    {
    case SMTP_OUTCOME_SUCCESS: return "success";
    case SMTP_OUTCOME_INTERMEDIATE: return "intermediate";
    case SMTP_OUTCOME_TRANSIENT: return "transient";
    case SMTP_OUTCOME_PERMANENT: return "permanent";
    default: return "unknown";
    }
}

static const char *
party_name (enum smtp_party party)
{
  switch (party)
    {
    case SMTP_PARTY_SENDER: return "sender";
    case SMTP_PARTY_SENDER_PROVIDER: return "sender-provider";
    case SMTP_PARTY_RECIPIENT: return "recipient";
    default: return "nobody";
    }
}

static const char *
source_name (enum smtp_diagnosis_source source)
{
  switch (source)
    {
    case SMTP_SOURCE_VENDOR_CODE: return "vendor-code";
    case SMTP_SOURCE_TEXT: return "text";
    default: return "codes";
    }
}

/* Prints what REPLY, parsed from BUFFER, means: one line of TSV, or with
   --json one JSON object on a line.  */
static void
print_reply (const char *buffer, const struct smtp_reply *reply)
{
  struct smtp_diagnosis diagnosis;
  smtp_reply_diagnose (buffer, reply, &diagnosis);
  char enhanced[16] = "-";
  if (reply->has_enhanced)
    snprintf (enhanced, sizeof enhanced, "%d.%d.%d",
              reply->enhanced.status_class, reply->enhanced.subject,
              reply->enhanced.detail);
  char small[SENTENCE_SIZE], *allocated = NULL;
  const char *sentence = NULL;
  if (output.json || output.sentence)
    sentence = diagnosis_sentence (&diagnosis, small, &allocated);
  if (!output.json)
    {
      printf ("%d\t%s\t%s\t%s\t%s\t%s\t%s", reply->code, enhanced,
              smtp_diagnosis_explanation (&diagnosis),
              smtp_outcome_description (diagnosis.outcome),
              smtp_reason_name (diagnosis.reason),
              smtp_party_description (diagnosis.fixer),
              smtp_reason_advice (diagnosis.reason));
      if (sentence != NULL)
        printf ("\t%s", sentence);
      putchar ('\n');
      free (allocated);
      return;
    }
  printf ("{\"code\": %d", reply->code);
  json_member ("enhanced", reply->has_enhanced ? enhanced : NULL, false);
  json_reply_text (buffer, reply);
  json_member ("explanation", smtp_diagnosis_explanation (&diagnosis), false);
  json_member ("reason", smtp_reason_name (diagnosis.reason), false);
  json_member ("reason_description",
               smtp_reason_description (diagnosis.reason), false);
  json_member ("advice", smtp_reason_advice (diagnosis.reason), false);
  json_member ("fixer", party_name (diagnosis.fixer), false);
  json_member ("fixer_description",
               smtp_party_description (diagnosis.fixer), false);
  json_member ("outcome", outcome_name (diagnosis.outcome), false);
  printf (", \"retry\": %s", diagnosis.retry ? "true" : "false");
  json_member ("source", source_name (diagnosis.source), false);
  json_member ("sentence", sentence, false);
  fputs ("}\n", stdout);
  free (allocated);
}

/* Reports what is wrong at input byte OFFSET, as TEXT says it: with
   --json as an object in the output, else on standard error.  */
static void
report_malformed (size_t offset, const char *text)
{
  if (output.json)
    {
      json_member ("error", text, true);
      printf (", \"offset\": %zu}\n", offset);
    }
  else
    /* TRANSLATORS: %zu counts bytes from the start of the input; %s
       says what is wrong there, in a sentence such as "A line does not
       start with a valid reply code."  */
    complain (_("input byte %zu: %s"), offset, text);
}

/* The length of the empty line at the start of the SIZE bytes at S, or 0
   if it is not one; replies pasted by hand often have them between.  */
static size_t
empty_line (const char *s, size_t size)
{
  if (size >= 1 && s[0] == '\n')
    return 1;
  return size >= 2 && s[0] == '\r' && s[1] == '\n' ? 2 : 0;
}

/* Where --reply stands in its input.  */
struct reader
{
  /* The start of the reply being read, and whatever came after it.  The
     parser takes no more than SMTP_REPLY_MAX_LINES lines of at most
     SMTP_REPLY_MAX_LINE_LIBERAL bytes each (SMTP_REPLY_MAX_LINE with
     --strict) before it decides, so that much and the start of one more
     line are all that waits here, and the other half of the buffer is
     left for reading.  */
  char buffer[2 * SMTP_REPLY_MAX_LINE_LIBERAL * (SMTP_REPLY_MAX_LINES + 1)];
  unsigned flags;       /* SMTP_REPLY_LIBERAL, or SMTP_REPLY_STRICT */
  size_t max_line;      /* the longest line the parser takes */
  size_t have;          /* bytes in BUFFER */
  size_t lines_end;     /* where the last whole line in BUFFER ends */
  size_t offset;        /* the input byte BUFFER starts with */
  bool skipping;        /* inside a malformed line: drop it to its end */
  bool in_run;          /* the last line, empty lines aside, was malformed */
  bool in_tail;         /* in what is left of a reply reported malformed */
  int status;
};

/* What the line at the start of the SIZE bytes at S says of its reply:
   that more lines follow ("250-"), that it is the last ("250 ", "250"),
   or neither, being no reply line; ROLE_UNKNOWN while too few of its
   bytes are there to tell.  */
enum line_role { ROLE_UNKNOWN, ROLE_CONTINUES, ROLE_LAST, ROLE_OTHER };

static enum line_role
line_role (const char *s, size_t size, bool end_of_input)
{
  for (size_t i = 0; i < 3; i++)
    if (i == size)
      return end_of_input ? ROLE_OTHER : ROLE_UNKNOWN;
    else if (s[i] < '0' || s[i] > '9')
      return ROLE_OTHER;
  if (size == 3)
    return end_of_input ? ROLE_LAST : ROLE_UNKNOWN;
  return s[3] == '-' ? ROLE_CONTINUES
         : s[3] == ' ' || s[3] == '\r' || s[3] == '\n' ? ROLE_LAST
         : ROLE_OTHER;
}

/* Explains the replies in R's buffer, reports the malformed lines, and
   drops what it is done with.  It decides on whole lines only, so that
   neither what it prints nor the byte offsets in its messages depend on
   where the reads happened to split the input: on the lines up to the
   buffer's last line end; on all of it at END_OF_INPUT; and on the first
   R->max_line bytes of a line still without its end, which is too long
   whatever comes after.  */
static void
explain_replies (struct reader *r, bool end_of_input)
{
  size_t pos = 0;
  while (pos < r->have)
    {
      if (r->skipping)
        {
          const char *lf = memchr (r->buffer + pos, '\n', r->have - pos);
          pos = lf != NULL ? (size_t) (lf - r->buffer) + 1 : r->have;
          r->skipping = lf == NULL;
          continue;
        }
      if (r->in_tail)
        {
          /* The lines left of a reply already reported belong to it, up
             to its last: dropped with it, not read as replies of their
             own (65 lines of "250-" would otherwise be a new reply and
             a new message every 64).  */
          enum line_role role = line_role (r->buffer + pos, r->have - pos,
                                           end_of_input);
          if (role == ROLE_UNKNOWN)
            break;
          r->in_tail = role == ROLE_CONTINUES;
          if (role != ROLE_OTHER)
            {
              r->skipping = true;
              continue;
            }
        }
      size_t partial = r->have - r->lines_end;
      size_t end = end_of_input ? r->have
                   : partial >= r->max_line
                   ? r->lines_end + r->max_line : r->lines_end;
      if (end <= pos)
        break;
      size_t empty = empty_line (r->buffer + pos, end - pos);
      if (empty != 0)
        {
          pos += empty;
          continue;
        }
      struct smtp_reply reply;
      int result = smtp_reply_parse_flags (r->buffer + pos, end - pos,
                                           r->flags, &reply);
      if (result == SMTP_REPLY_OK)
        {
          print_reply (r->buffer + pos, &reply);
          pos += reply.size;
          r->in_run = false;
          continue;
        }
      if (result == SMTP_REPLY_INCOMPLETE)
        {
          if (end_of_input)
            {
              /* Where the reply the input cut short starts, not where
                 its last line does.  */
              if (output.json)
                {
                  /* TRANSLATORS: what smtp-status --json says of input
                     that ends before the last line of a reply: a
                     sentence, as the library's "The lines of the reply
                     carry different codes." are.  */
                  const char *text = _("The input ended inside a reply.");
                  report_malformed (r->offset + pos, text);
                }
              else
                /* TRANSLATORS: %zu counts bytes from the start of the
                   input, to where the unfinished reply starts.  */
                complain (_("input byte %zu: the input ended inside a "
                            "reply"), r->offset + pos);
              r->status = EXIT_UNKNOWN;
              break;
            }
          if (partial < r->max_line
              && r->lines_end - pos <= r->max_line * SMTP_REPLY_MAX_LINES)
            break;
          /* The parser should have refused a line or a reply this long
             already; the buffer must not fill up even if it did not.  */
          result = partial >= r->max_line ? SMTP_REPLY_LINE_TOO_LONG
                                          : SMTP_REPLY_TOO_MANY_LINES;
          reply.size = r->lines_end - pos;
        }
      /* The malformed line, and any lines of its reply before it, are
         skipped.  A run of malformed lines one after another gets one
         message, about its first: a flood of them must not become a
         flood of messages.  */
      size_t bad = pos + reply.size;
      if (!r->in_run || bad != pos)
        report_malformed (r->offset + bad,
                          smtp_reply_result_description (result));
      r->status = EXIT_UNKNOWN;
      r->in_run = true;
      r->skipping = true;
      /* Unless the offending line was its reply's last, the rest of that
         reply is still to come.  */
      enum line_role role = line_role (r->buffer + bad, r->have - bad, true);
      r->in_tail = role == ROLE_CONTINUES || (bad != pos && role == ROLE_OTHER);
      pos = bad;
    }
  if (end_of_input)
    return;
  memmove (r->buffer, r->buffer + pos, r->have - pos);
  r->have -= pos;
  r->lines_end = r->lines_end > pos ? r->lines_end - pos : 0;
  r->offset += pos;
}

/* With --json, binds the program's and the library's texts to UTF-8, as
   JSON must be, where UTF8 is set; and back to the locale's charset, for
   a message on standard error, where it is not.  */
static void
bind_codeset (bool utf8)
{
#if ENABLE_NLS
  if (!output.json)
    return;
  const char *codeset = utf8 ? "UTF-8" : nl_langinfo (CODESET);
  bind_textdomain_codeset (PACKAGE, codeset);
  bind_textdomain_codeset (SMTP_STATUS_TEXTDOMAIN, codeset);
#else
  (void) utf8;
#endif
}

/* Reads replies from standard input and explains each as soon as it is
   complete, so that it works on a live session too; reads them strictly
   (RFC 5321) where STRICT is set, else as servers send them.  */
static int
explain_input (bool strict)
{
  static struct reader r = { .status = EXIT_SUCCESS };
  r.flags = strict ? SMTP_REPLY_STRICT : SMTP_REPLY_LIBERAL;
  r.max_line = strict ? SMTP_REPLY_MAX_LINE : SMTP_REPLY_MAX_LINE_LIBERAL;
  for (;;)
    {
      ssize_t n = read (STDIN_FILENO, r.buffer + r.have,
                        sizeof r.buffer - r.have);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int error = errno;
          bind_codeset (false);
          /* TRANSLATORS: %s is the system's description of the error, such
             as "Input/output error", in the user's language where the C
             library has one.  */
          complain (_("read error: %s"), strerror (error));
          return EXIT_TROUBLE;
        }
      if (n == 0)
        {
          explain_replies (&r, true);
          return r.status;
        }
      bool new_line = false;
      for (size_t i = r.have + (size_t) n; i > r.have && !new_line; i--)
        if (r.buffer[i - 1] == '\n')
          {
            r.lines_end = i;
            new_line = true;
          }
      r.have += (size_t) n;
      /* Until a line is complete or too long, there is nothing new to
         decide on.  */
      if (new_line || r.skipping
          || r.have - r.lines_end >= r.max_line)
        explain_replies (&r, false);
      /* A live session waits for its peer now: show what it has so far.  */
      fflush (stdout);
    }
}

/* STATUS, unless standard output could not be written in full.  */
static int
finish (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int error = errno;
      bind_codeset (false);
      /* TRANSLATORS: %s is the system's description of the error, such as
         "No space left on device", in the user's language where the C
         library has one.  */
      complain (_("write error: %s"), strerror (error));
      return EXIT_TROUBLE;
    }
  return status;
}

int
main (int argc, char **argv)
{
  static const struct option options[] =
  {
    { "list", no_argument, NULL, 'l' },
    { "reply", no_argument, NULL, 'r' },
    { "json", no_argument, NULL, 'J' },
    { "strict", no_argument, NULL, 'S' },
    { "step", required_argument, NULL, 'T' },
    { "recipient", required_argument, NULL, 'R' },
    { "lang", required_argument, NULL, 'L' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
  };
  bool list = false, reply = false, strict = false, help = false;
  bool version = false, json = false;
  bool bad_option = false;
  const char *lang = NULL, *step = NULL;

  bool locale_found = setlocale (LC_ALL, "") != NULL;
#if ENABLE_NLS
  bindtextdomain (PACKAGE, catalog_dir ());
  textdomain (PACKAGE);
#endif

  /* The options first: --lang must be in place before the first gettext
     call, which glibc would otherwise remember in the old language.  */
  int option;
  while ((option = getopt_long (argc, argv, "lrL:hV", options, NULL)) != -1)
    switch (option)
      {
      case 'l': list = true; break;
      case 'r': reply = true; break;
      case 'J': json = true; break;
      case 'S': strict = true; break;
      case 'T': step = optarg; break;
      case 'R': output.recipient = optarg; break;
      case 'L': lang = optarg; break;
      case 'h': help = true; break;
      case 'V': version = true; break;
      default: bad_option = true; break;
      }
  bool good_lang = lang == NULL || is_language_list (lang);
  if (lang != NULL && good_lang)
    use_language (lang);

  if (bad_option)
    return usage_error ();
  if (!good_lang)
    {
      /* TRANSLATORS: %s is the argument of --lang as it was given.  */
      complain (_("invalid language: '%s'"), lang);
      return usage_error ();
    }
  warn_about_language (lang, locale_found);

  if (help)
    {
      print_help ();
      return finish (EXIT_SUCCESS);
    }
  if (version)
    {
      print_version ();
      return finish (EXIT_SUCCESS);
    }
  if (step != NULL && !parse_step (step, &output.step))
    {
      /* TRANSLATORS: %s is the argument of --step as it was given; keep
         the step names, which are what --step takes.  */
      complain (_("invalid step '%s': use connect, ehlo, starttls, auth, "
                  "mail, rcpt, data or end-of-data"), step);
      return usage_error ();
    }
  if (output.recipient != NULL && has_control_character (output.recipient))
    {
      complain ("%s", _("the address of --recipient must not contain "
                        "control characters"));
      return usage_error ();
    }
  if (list && (reply || json))
    {
      if (json)
        complain ("%s", _("--list and --json cannot be combined"));
      else
        complain ("%s", _("--list and --reply cannot be combined"));
      return usage_error ();
    }
  /* --json reads replies as --reply does, and prints them its own way.  */
  const char *reading = json ? "--json" : "--reply";
  reply = reply || json;
  const char *needs_reply = strict ? "--strict" : step != NULL ? "--step"
                            : output.recipient != NULL ? "--recipient" : NULL;
  if (needs_reply != NULL && !reply)
    {
      /* TRANSLATORS: %s is an option that was given, such as --strict
         or --step.  */
      complain (_("%s works only with --reply or --json"), needs_reply);
      return usage_error ();
    }
  if ((list || reply) && optind < argc)
    {
      /* TRANSLATORS: %s is the option that was given, --list, --reply
         or --json.  */
      complain (_("%s takes no operands"), list ? "--list" : reading);
      return usage_error ();
    }
  if (list)
    {
      list_all ();
      return finish (EXIT_SUCCESS);
    }
  if (reply)
    {
      output.json = json;
      output.sentence = step != NULL || output.recipient != NULL;
      bind_codeset (true);
      return finish (explain_input (strict));
    }
  if (optind == argc)
    {
      complain ("%s", _("missing CODE or NAME operand"));
      return usage_error ();
    }

  int status = EXIT_SUCCESS;
  for (int i = optind; i < argc; i++)
    if (describe (argv[i]) != EXIT_SUCCESS)
      status = EXIT_UNKNOWN;
  return finish (status);
}

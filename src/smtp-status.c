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
  fprintf (stderr, _("Try '%s --help' for more information.\n"),
           program_name);
  return EXIT_TROUBLE;
}

static void
print_help (void)
{
  printf (_("Usage: %s [OPTION]... CODE|NAME...\n"), program_name);
  fputs (_("Print the description of each SMTP reply CODE or symbolic NAME\n"
           "in the language of the current locale.\n"), stdout);
  fputs ("\n", stdout);
  /* TRANSLATORS: keep the option names; align the descriptions in one
     column, as here.  */
  fputs (_("  -l, --list        print every known code with its name and "
           "description,\n"
           "                      separated by tabs\n"
           "  -r, --reply       explain the SMTP replies read from standard "
           "input\n"
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
           "(MAILBOX_UNAVAILABLE), in any case.  Put a negative CODE after "
           "\"--\",\n"
           "as in: smtp-status -- -1\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("With --reply, each reply gets one line: its code, its enhanced "
           "code or \"-\",\n"
           "the explanation, and what it means for the sender, separated "
           "by tabs.\n"), stdout);
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

#if ENABLE_NLS
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
#endif

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
      complain (_("not a valid enhanced status code: %s"), arg);
      return EXIT_UNKNOWN;
    }
  if (!smtp_enhanced_is_known (status.subject, status.detail))
    {
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
          complain (_("unknown SMTP status code: %s"), arg);
          return EXIT_UNKNOWN;
        }
      code = (int) value;
    }
  else if (smtp_status_from_name (arg, &code) != 0)
    {
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

static void
print_reply (const struct smtp_reply *reply)
{
  char enhanced[16] = "-";
  if (reply->has_enhanced)
    snprintf (enhanced, sizeof enhanced, "%d.%d.%d",
              reply->enhanced.status_class, reply->enhanced.subject,
              reply->enhanced.detail);
  printf ("%d\t%s\t%s\t%s\n", reply->code, enhanced, smtp_reply_explain (reply),
          smtp_outcome_description (smtp_reply_outcome (reply)));
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

/* Explains the replies the SIZE bytes at DATA hold, as far as they are
   complete; returns how many bytes it used.  At END_OF_INPUT, a reply
   still incomplete is an error too.  Sets *STATUS on errors.  */
static size_t
explain_replies (const char *data, size_t size, size_t offset,
                 bool end_of_input, int *status)
{
  size_t used = 0;
  while (used < size)
    {
      size_t empty = empty_line (data + used, size - used);
      if (empty != 0)
        {
          used += empty;
          continue;
        }
      struct smtp_reply reply;
      int result = smtp_reply_parse (data + used, size - used, &reply);
      if (result == SMTP_REPLY_OK)
        {
          print_reply (&reply);
          used += reply.size;
          continue;
        }
      if (result == SMTP_REPLY_INCOMPLETE && !end_of_input)
        break;
      /* TRANSLATORS: %zu counts bytes from the start of the input.  */
      complain (_("input byte %zu: %s"), offset + used + reply.size,
                smtp_reply_result_description (result));
      *status = EXIT_UNKNOWN;
      /* Go on after the offending line.  */
      size_t bad = used + reply.size;
      const char *lf = memchr (data + bad, '\n', size - bad);
      used = lf != NULL ? (size_t) (lf - data) + 1 : size;
    }
  return used;
}

/* Reads replies from standard input and explains each as soon as it is
   complete, so that it works on a live session too.  */
static int
explain_input (void)
{
  /* Room for the largest reply the parser takes, and one more read.  */
  static char buffer[2 * SMTP_REPLY_MAX_LINE * SMTP_REPLY_MAX_LINES];
  size_t have = 0, offset = 0;
  int status = EXIT_SUCCESS;
  for (;;)
    {
      ssize_t n = read (STDIN_FILENO, buffer + have, sizeof buffer - have);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          complain (_("read error: %s"), strerror (errno));
          return EXIT_TROUBLE;
        }
      have += (size_t) n;
      size_t used = explain_replies (buffer, have, offset, n == 0, &status);
      memmove (buffer, buffer + used, have - used);
      have -= used;
      offset += used;
      if (n == 0)
        return status;
    }
}

/* STATUS, unless standard output could not be written in full.  */
static int
finish (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      complain (_("write error: %s"), strerror (errno));
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
    { "lang", required_argument, NULL, 'L' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
  };
  bool list = false, reply = false, help = false, version = false;
  bool bad_option = false;
  const char *lang = NULL;

  setlocale (LC_ALL, "");
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
      complain (_("invalid language: '%s'"), lang);
      return usage_error ();
    }

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
  if (list && reply)
    {
      complain ("%s", _("--list and --reply cannot be combined"));
      return usage_error ();
    }
  if ((list || reply) && optind < argc)
    {
      complain (_("%s takes no operands"), list ? "--list" : "--reply");
      return usage_error ();
    }
  if (list)
    {
      list_all ();
      return finish (EXIT_SUCCESS);
    }
  if (reply)
    return finish (explain_input ());
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

/* smtp-status: describe SMTP reply codes from the command line.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpstatus.h"

#if ENABLE_NLS
# include <libintl.h>
# include "localedir.h"
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
           "  -L, --lang=LANG   describe in language LANG (for example sv "
           "or tr),\n"
           "                      even where no locale for it is installed\n"
           "  -h, --help        display this help and exit\n"
           "  -V, --version     output version information and exit\n"),
         stdout);
  fputs ("\n", stdout);
  /* TRANSLATORS: MailboxUnavailable and MAILBOX_UNAVAILABLE are names
     the program accepts; keep them as they are.  */
  fputs (_("A NAME is the symbolic name (MailboxUnavailable) or the name of "
           "its constant\n"
           "(MAILBOX_UNAVAILABLE), in any case.  Put a negative CODE after "
           "\"--\",\n"
           "as in: smtp-status -- -1\n"), stdout);
  fputs ("\n", stdout);
  fputs (_("Exit status is 0 if every operand was found, 1 if one was "
           "unknown,\n"
           "and 2 for bad usage or a write error.\n"), stdout);
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

/* A language list as LANGUAGE takes it ("sv", "pt_BR", "sv:tr"); the
   characters are limited so that it can never name a path.  */
static bool
is_language_list (const char *lang)
{
  return *lang != '\0'
         && lang[strspn (lang, "abcdefghijklmnopqrstuvwxyz"
                               "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                               "0123456789_@.:-")] == '\0';
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

/* Prints the description ARG asks for; returns the exit status it earns.  */
static int
describe (const char *arg)
{
  int code;
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
    { "lang", required_argument, NULL, 'L' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
  };
  bool list = false, help = false, version = false;
  const char *lang = NULL;

  setlocale (LC_ALL, "");
#if ENABLE_NLS
  bindtextdomain (PACKAGE, smtpstatus_localedir ());
  textdomain (PACKAGE);
#endif

  int option;
  while ((option = getopt_long (argc, argv, "lL:hV", options, NULL)) != -1)
    switch (option)
      {
      case 'l': list = true; break;
      case 'L': lang = optarg; break;
      case 'h': help = true; break;
      case 'V': version = true; break;
      default: return usage_error ();
      }

  if (lang != NULL)
    {
      if (!is_language_list (lang))
        {
          complain (_("invalid language: '%s'"), lang);
          return usage_error ();
        }
      use_language (lang);
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
  if (list)
    {
      if (optind < argc)
        {
          complain (_("--list takes no operands"));
          return usage_error ();
        }
      list_all ();
      return finish (EXIT_SUCCESS);
    }
  if (optind == argc)
    {
      complain (_("missing CODE or NAME operand"));
      return usage_error ();
    }

  int status = EXIT_SUCCESS;
  for (int i = optind; i < argc; i++)
    if (describe (argv[i]) != EXIT_SUCCESS)
      status = EXIT_UNKNOWN;
  return finish (status);
}

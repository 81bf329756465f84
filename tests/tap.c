/* tap.c: the TAP output of the tests.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

static int checks, failures;

static bool
report (bool passed, const char *what, va_list args)
{
  printf ("%s %d - ", passed ? "ok" : "not ok", ++checks);
  vprintf (what, args);
  putchar ('\n');
  if (!passed)
    failures++;
  return passed;
}

void
tap_diag_str (const char *label, const char *s)
{
  printf ("#   %s: ", label);
  if (s == NULL)
    {
      puts ("NULL");
      return;
    }
  putchar ('"');
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    if (*p >= 0x20 && *p < 0x7F && *p != '"' && *p != '\\')
      putchar (*p);
    else
      printf ("\\x%02x", *p);
  puts ("\"");
}

bool
tap_ok (bool passed, const char *what, ...)
{
  va_list args;
  va_start (args, what);
  report (passed, what, args);
  va_end (args);
  return passed;
}

bool
tap_is_str (const char *got, const char *wanted, const char *what, ...)
{
  bool passed = got == NULL || wanted == NULL
                ? got == wanted : strcmp (got, wanted) == 0;
  va_list args;
  va_start (args, what);
  report (passed, what, args);
  va_end (args);
  if (!passed)
    {
      tap_diag_str ("got", got);
      tap_diag_str ("wanted", wanted);
    }
  return passed;
}

bool
tap_is_int (long got, long wanted, const char *what, ...)
{
  va_list args;
  va_start (args, what);
  report (got == wanted, what, args);
  va_end (args);
  if (got != wanted)
    printf ("#   got: %ld\n#   wanted: %ld\n", got, wanted);
  return got == wanted;
}

void
tap_need_test_locales (void)
{
  static const char *const names[] =
    { "sv_SE.UTF-8", "sv_SE.ISO-8859-1", "sv_SE", "tr_TR.UTF-8",
      "tr_TR.ISO-8859-9", "C.UTF-8" };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    {
      locale_t loc = newlocale (LC_ALL_MASK, names[i], (locale_t) 0);
      if (loc == (locale_t) 0)
        {
          printf ("1..0 # SKIP no test locale %s: localedef could not make "
                  "it (see tests/local.mk)\n", names[i]);
          fflush (stdout);
          exit (EXIT_SUCCESS);
        }
      freelocale (loc);
    }
}

void
tap_bail_out (const char *why)
{
  printf ("Bail out! %s\n", why);
  fflush (stdout);
  exit (EXIT_FAILURE);
}

int
tap_done (void)
{
  printf ("1..%d\n", checks);
  /* A sanitizer's report at exit ends the process with _exit, which
     would lose what stdout still buffers.  */
  fflush (stdout);
  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

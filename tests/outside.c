/* outside.c: a program of someone else's, built against the installed
   library with nothing but pkg-config (tests/installed.sh does that).
   It prints each entry as code, name and description, tab-separated,
   then the descriptions of three codes the table lacks.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <locale.h>
#include <stdio.h>
#include <smtpstatus.h>

int
main (void)
{
  setlocale (LC_ALL, "");
  for (size_t i = 0; i < smtp_status_count (); i++)
    {
      int code;
      smtp_status_code_at (i, &code);
      printf ("%d\t%s\t%s\n", code, smtp_status_name (code),
              smtp_status_description (code));
    }
  const int unknown[] = { 299, 777, -5 };
  for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
    {
      const char *text = smtp_status_description (unknown[i]);
      printf ("%d\t%s\n", unknown[i], text != NULL ? text : "(null)");
    }
  return 0;
}

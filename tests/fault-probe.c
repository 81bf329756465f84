/* fault-probe.c: one process of tests/faults.test.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Usage: fault-probe english|swedish.  Starts as a program would
   (setlocale (LC_ALL, ""), a text domain of its own), looks texts up
   with whatever catalogs and locale the environment gives, and checks
   that they are the wanted language, never NULL or empty, and that the
   program's locale and text domain are as it left them.  Prints TAP.  */

#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if ENABLE_NLS
# include <libintl.h>
#endif

#include "smtpstatus.h"
#include "tap.h"

static const char english_550[] = "Mailbox unavailable: usually the e-mail "
  "address does not exist at the remote end.";
static const char swedish_550[] = "Den definierar vanligtvis en "
  "icke-existerande e-postadress på fjärrsidan.";

static bool
usable (const char *text)
{
  return text != NULL && *text != '\0';
}

int
main (int argc, char **argv)
{
  if (argc != 2 || (strcmp (argv[1], "english") != 0
                    && strcmp (argv[1], "swedish") != 0))
    tap_bail_out ("usage: fault-probe english|swedish");
  bool swedish = strcmp (argv[1], "swedish") == 0 && SMTPSTATUS_NLS;

  setlocale (LC_ALL, "");
  char locale_before[256];
  snprintf (locale_before, sizeof locale_before, "%s",
            setlocale (LC_ALL, NULL));
#if ENABLE_NLS
  textdomain ("fault-probe");
#endif

  tap_is_str (smtp_status_description (550),
              swedish ? swedish_550 : english_550, "550 in %s", argv[1]);
  tap_is_str (smtp_status_description_l (550, LC_GLOBAL_LOCALE),
              swedish ? swedish_550 : english_550,
              "550 in %s through the _l function", argv[1]);

  bool all_usable = true;
  static const int edges[] = { -1000000, -1, 0, 199, 200, 550, 599, 600,
                               1000000, -2147483647 - 1, 2147483647 };
  for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
    all_usable = all_usable && usable (smtp_status_description (edges[i]))
                 && usable (smtp_enhanced_description (5, 1, edges[i]))
                 && usable (smtp_outcome_description (edges[i]))
                 && usable (smtp_reply_result_description (edges[i]));
  for (int code = -1000; code <= 2000; code++)
    all_usable = all_usable && usable (smtp_status_description (code));
  tap_ok (all_usable, "every text is there and not empty");

  struct smtp_reply reply;
  static const char data[] = "550 5.1.1 no such user\r\n";
  smtp_reply_parse (data, sizeof data - 1, &reply);
  tap_ok (usable (smtp_reply_explain (&reply)), "a reply is explained");

  tap_is_str (setlocale (LC_ALL, NULL), locale_before,
              "the program's locale is as it was");
#if ENABLE_NLS
  tap_is_str (textdomain (NULL), "fault-probe",
              "the program's text domain is as it was");
#endif
  return tap_done ();
}

/* tap.h: just enough of the Test Anything Protocol for these tests.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Each check prints "ok N - what" or "not ok N - what" with what was got
   and what was wanted; tap_done prints the plan and gives the exit
   status.  automake's tap-driver.sh reads the output.  */

#ifndef SMTPSTATUS_TAP_H
#define SMTPSTATUS_TAP_H

#include <stdbool.h>

#if defined __GNUC__
# define TAP_PRINTF(f, a) __attribute__ ((format (printf, f, a)))
#else
# define TAP_PRINTF(f, a)
#endif

bool tap_ok (bool passed, const char *what, ...) TAP_PRINTF (2, 3);
/* Compares strings byte for byte; NULL equals only NULL.  */
bool tap_is_str (const char *got, const char *wanted, const char *what, ...)
  TAP_PRINTF (3, 4);
/* Shows S (or NULL) as a C string in a TAP comment labelled LABEL, so
   that a wrong byte (a UTF-8 text in a Latin-1 locale, say) is visible.  */
void tap_diag_str (const char *label, const char *s);
bool tap_is_int (long got, long wanted, const char *what, ...)
  TAP_PRINTF (3, 4);
/* Skips the whole test, before its first check, unless every locale the
   suite makes with localedef is there (LOCPATH): a machine without
   localedef or its locale sources cannot run it.  */
void tap_need_test_locales (void);
/* Stops the test at once, for a precondition that makes the rest moot.  */
_Noreturn void tap_bail_out (const char *why);
int tap_done (void);

#endif

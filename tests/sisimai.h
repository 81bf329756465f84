/* sisimai.h: Sisimai's reasons and the reason categories of smtpstatus
   that count as the same, for the measuring programs.
   SPDX-License-Identifier: LGPL-2.1-or-later

   The table is the one of the README of ../shared/realworld ("Sisimai's
   reasons and smtp-status's reason categories"): Sisimai's reasons are
   sometimes broader or narrower than one category of ours.  */

#ifndef SMTPSTATUS_TESTS_SISIMAI_H
#define SMTPSTATUS_TESTS_SISIMAI_H

/* The categories (smtp_reason_name's names) that count as the same as
   Sisimai's reason NAME, ended by NULL; NULL where the table has no
   such reason (the reasons sisimai_compared leaves out included).  */
const char *const *sisimai_categories (const char *name);

/* 0 for the reasons the README leaves out of the comparison (undefined,
   delivered, feedback, vacation), 1 for every other name.  */
int sisimai_compared (const char *name);

/* 1 if the category CATEGORY counts as Sisimai's reason NAME.  */
int sisimai_agrees (const char *name, const char *category);

/* Prints "expected NAME (CATEGORY or CATEGORY...)" on standard output,
   for the lines of -v.  */
void sisimai_show_expected (const char *name);

/* Checks that every category the table names is a reason of the library
   (one smtp_reason_name gives); where one is not, exits through fatal
   (tests/measure-util.h), saying which.  */
void sisimai_check_table (void);

#endif /* SMTPSTATUS_TESTS_SISIMAI_H */

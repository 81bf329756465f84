/* measure-util.h: what the measuring programs of 'make measure',
   tests/measure-replies.c and tests/measure-bounces.c, share (and
   tests/sisimai.c, which both link), so that each has only its own
   measure.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Both are small programs that read labelled data, exit with status 1
   and a message on anything wrong with it (out of memory included: a
   measure has no use for half its figures) and print figures and, with
   -v, escaped texts on standard output.  Their messages start with the
   program's name, program_name, which each program defines.  */

#ifndef SMTPSTATUS_TESTS_MEASURE_UTIL_H
#define SMTPSTATUS_TESTS_MEASURE_UTIL_H

#include <stddef.h>
#include <stdio.h>

#include "json.h"

#define COUNT(array) (sizeof (array) / sizeof (array)[0])
#define PRINTF_LIKE(format, first) \
  __attribute__ ((__format__ (__printf__, format, first)))

/* The name of the program, "measure-replies"; each program defines it.  */
extern const char program_name[];

/* The program's usage message, on OUT; each program defines it.  */
void usage (FILE *out);


/* Errors.  */

/* "PROGRAM: MESSAGE" on standard error, after what standard output
   holds, then exit status 1.  */
_Noreturn void fatal (const char *format, ...) PRINTF_LIKE (1, 2);

/* "PROGRAM: MESSAGE" and the usage on standard error, then exit status
   2.  */
_Noreturn void usage_error (const char *format, ...) PRINTF_LIKE (1, 2);

/* realloc for COUNT objects of SIZE bytes each; never NULL (fatal when
   there is no memory, or the product overflows), even for 0 bytes.  */
void *xrealloc (void *p, size_t count, size_t size);


/* The command line: options first, then the operands.  */

/* The option at ARGV[*I], moving *I on; NULL at the first operand (an
   argument that does not start with '-', or "-" alone), after "--"
   (*I then at the argument after it) or at the end.  */
const char *next_option (int argc, char **argv, int *i);

/* An option the program does not take itself: --help writes the usage
   on standard output and exits with status 0; any other is a usage
   error.  */
_Noreturn void other_option (const char *option);

/* The one operand at ARGV[I], called NAME in the messages ("FILE"); a
   usage error where there is none, or more than one.  */
const char *one_operand (int argc, char **argv, int i, const char *name);


/* A growing array of bytes.  DATA is NULL until the first bytes_add
   (even of no bytes: bytes_add (b, "", 0)), and from then on ends in a
   NUL that LENGTH does not count, so that a text without NULs can be
   used as a string.  Free DATA when done.  */
struct bytes
{
  char *data;
  size_t length, size;
};

/* Adds the LENGTH bytes at DATA to B.  */
void bytes_add (struct bytes *b, const void *data, size_t length);


/* Input read line by line: JSON Lines.  */

struct lines
{
  const char *path;                     /* for the messages */
  unsigned long number;                 /* of the line last read, from 1 */
  FILE *file;
  char *buffer;
  size_t size;
};

/* Opens PATH for lines_next (fatal where it cannot).  */
void lines_open (struct lines *in, const char *path);

/* The next line of IN into *LINE and *LENGTH, without its '\n' (a CR
   before it stays); returns 1, or 0 at the end of the file (fatal on an
   error).  The line stays valid until the next call.  */
int lines_next (struct lines *in, const char **line, size_t *length);

/* Closes IN; PATH stays.  */
void lines_close (struct lines *in);

/* "PROGRAM: PATH:LINE: MESSAGE" about the line last read, like
   fatal.  */
_Noreturn void lines_fail (const struct lines *in, const char *format, ...)
  PRINTF_LIKE (2, 3);

/* The member NAME of the object V of the line last read of IN, which
   must be there (lines_fail where not: "WHERE has no member ...").  */
const struct json *required_member (const struct lines *in,
                                    const struct json *v, const char *where,
                                    const char *name);

/* The same for a string without NULs (or null where NULLABLE: then
   NULL), its text.  */
const char *text_member (const struct lines *in, const struct json *v,
                         const char *where, const char *name, int nullable);

/* "PROGRAM: PATH:LINE:COLUMN: MESSAGE" for ERROR, as json_parse
   reported it on the line last read, like fatal.  */
_Noreturn void lines_json_fail (const struct lines *in,
                                const struct json_error *error);


/* Output, on standard output.  */

/* How many bytes of a text a line of -v shows.  */
enum { SHOWN_BYTES = 100 };

/* How show_bytes writes the bytes.  */
enum
{
  SHOW_ESCAPE_QUOTES = 1,               /* '"' as \" too */
  SHOW_IN_QUOTES = 2 | SHOW_ESCAPE_QUOTES   /* as a C string: "..." */
};

/* Up to LIMIT of the LENGTH bytes at DATA, with C's escapes for CR, LF,
   tab, backslash and every byte outside printable ASCII, as FLAGS say
   ("..." after them where there was more).  */
void show_bytes (const void *data, size_t length, size_t limit, int flags);

/* A figure of a measure: N of D.  */
struct figure
{
  unsigned long n, d;
};

/* "NAME: n/d (p.p%)", "(-)" for d = 0, without a line end; the
   percentage is rounded half up in whole numbers, so that it is the same
   on every machine.  */
void show_figure (const char *name, struct figure f);

#endif /* SMTPSTATUS_TESTS_MEASURE_UTIL_H */

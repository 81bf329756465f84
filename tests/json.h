/* json.h: a strict JSON reader for the test programs.
   SPDX-License-Identifier: LGPL-2.1-or-later

   RFC 8259 to the letter, and stricter where a test wants to know: one
   value and nothing after it but white space; no trailing commas, no
   leading zeros, no unescaped control characters, no invalid UTF-8
   (overlong forms, surrogates, code points above U+10FFFF) and no lone
   surrogates escaped as \uD800; no object that names a member twice;
   arrays and objects nested at most JSON_MAX_DEPTH deep.  Every error
   names the byte offset where it was found.  */

#ifndef SMTPSTATUS_TESTS_JSON_H
#define SMTPSTATUS_TESTS_JSON_H

#include <stddef.h>

enum json_type
{
  JSON_NULL, JSON_FALSE, JSON_TRUE, JSON_NUMBER, JSON_STRING, JSON_ARRAY,
  JSON_OBJECT
};

/* The deepest nesting of arrays and objects json_parse takes.  */
#define JSON_MAX_DEPTH 64

/* A value.  */
struct json
{
  enum json_type type;
  /* JSON_STRING: its bytes, escapes decoded, as UTF-8 (they may hold
     NULs: use LENGTH); JSON_NUMBER: its text as written ("-1.5e3").
     NUL-terminated either way; NULL for the other types.  */
  char *text;
  size_t length;
  /* JSON_ARRAY: its COUNT elements; JSON_OBJECT: its COUNT members'
     values, in the order written, with their names in NAMES (each a
     JSON_STRING).  */
  struct json *elements;
  struct json *names;
  size_t count;
};

/* Where and why json_parse failed.  */
struct json_error
{
  size_t offset;        /* the byte where the error was found, from 0 */
  char message[200];    /* in English, such as "a number with a leading
                           zero" */
};

/* Reads the LENGTH bytes at TEXT as one JSON value, surrounded by white
   space at most, into *VALUE.  Returns 0; or -1 with *ERROR filled (if
   ERROR is not NULL) and *VALUE empty (a JSON_NULL with nothing to free).
   Running out of memory is an error too.  */
int json_parse (const char *text, size_t length, struct json *value,
                struct json_error *error);

/* Frees what json_parse allocated for VALUE, and empties it.  */
void json_free (struct json *value);

/* The value of the member NAME of the object VALUE, or NULL if VALUE is
   no object or has no such member.  */
const struct json *json_member (const struct json *value, const char *name);

/* 1 if VALUE is the string STRING (NUL-terminated, so with no NUL of its
   own), 0 otherwise.  */
int json_is_string (const struct json *value, const char *string);

/* Whether the number VALUE is an integer written without a fraction or
   an exponent that fits in a long long: returns 0 and stores it in
   *INTEGER, or -1 (VALUE is no number, or not such an integer).  */
int json_integer (const struct json *value, long long *integer);

/* The number VALUE as a double (as strtod reads its text: in a program
   that has not set LC_NUMERIC, or has set it to "C"); 0 if VALUE is no
   number.  */
double json_number (const struct json *value);

/* The name of TYPE, "null", "string", ...  */
const char *json_type_name (enum json_type type);

#endif /* SMTPSTATUS_TESTS_JSON_H */

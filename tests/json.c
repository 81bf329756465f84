/* json.c: a strict JSON reader for the test programs (json.h).
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include "json.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A growing array of bytes, always NUL-terminated once it has any.  */
struct bytes
{
  unsigned char *data;
  size_t length, size;
};

struct reader
{
  const unsigned char *start, *p, *end;
  int depth;
  int failed;
  struct json_error error;
};

#if defined __GNUC__
__attribute__ ((format (printf, 3, 4)))
#endif
static int
fail (struct reader *r, const unsigned char *at, const char *format, ...)
{
  va_list args;
  if (r->failed)
    return -1;
  r->failed = 1;
  r->error.offset = (size_t) (at - r->start);
  va_start (args, format);
  vsnprintf (r->error.message, sizeof r->error.message, format, args);
  va_end (args);
  return -1;
}

static int
bytes_add (struct reader *r, struct bytes *b, const void *data,
           size_t length)
{
  if (b->size - b->length < length + 1)
    {
      size_t size = b->size ? b->size : 32;
      while (size - b->length < length + 1)
        {
          if (size > SIZE_MAX / 2)
            return fail (r, r->p, "out of memory");
          size *= 2;
        }
      unsigned char *data = realloc (b->data, size);
      if (data == NULL)
        return fail (r, r->p, "out of memory");
      b->data = data;
      b->size = size;
    }
  if (length > 0)
    memcpy (b->data + b->length, data, length);
  b->length += length;
  b->data[b->length] = '\0';
  return 0;
}

static int
bytes_add_byte (struct reader *r, struct bytes *b, unsigned char c)
{
  return bytes_add (r, b, &c, 1);
}

void
json_free (struct json *v)
{
  free (v->text);
  for (size_t i = 0; i < v->count; i++)
    {
      json_free (&v->elements[i]);
      if (v->type == JSON_OBJECT)
        json_free (&v->names[i]);
    }
  free (v->elements);
  free (v->names);
  memset (v, 0, sizeof *v);
  v->type = JSON_NULL;
}

static void
skip_space (struct reader *r)
{
  while (r->p < r->end
         && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

/* A byte as a message shows it.  */
static const char *
show_byte (unsigned char c, char buffer[8])
{
  if (c > 0x20 && c < 0x7f && c != '\'')
    snprintf (buffer, 8, "'%c'", c);
  else
    snprintf (buffer, 8, "0x%02x", c);
  return buffer;
}

static int
hex_value (unsigned char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The 4 hex digits at R->p, after the "\u" at ESCAPE: returns the code
   unit, or -1.  */
static long
read_hex4 (struct reader *r, const unsigned char *escape)
{
  long value = 0;
  for (int i = 0; i < 4; i++)
    {
      int digit = r->p < r->end ? hex_value (*r->p) : -1;
      if (digit < 0)
        return fail (r, escape, "\\u needs 4 hex digits");
      value = value * 16 + digit;
      r->p++;
    }
  return value;
}

static int
utf8_encode (struct reader *r, struct bytes *out, unsigned long cp)
{
  unsigned char b[4];
  size_t n;
  if (cp < 0x80)
    {
      b[0] = (unsigned char) cp;
      n = 1;
    }
  else if (cp < 0x800)
    {
      b[0] = (unsigned char) (0xc0 | cp >> 6);
      n = 2;
    }
  else if (cp < 0x10000)
    {
      b[0] = (unsigned char) (0xe0 | cp >> 12);
      n = 3;
    }
  else
    {
      b[0] = (unsigned char) (0xf0 | cp >> 18);
      n = 4;
    }
  /* The continuation bytes, 6 bits each, the last the lowest.  */
  for (size_t i = n - 1; i > 0; i--, cp >>= 6)
    b[i] = (unsigned char) (0x80 | (cp & 0x3f));
  return bytes_add (r, out, b, n);
}

/* The length of the well-formed UTF-8 sequence at P (Unicode's table
   3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or 0.  */
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

/* The escape after the backslash at ESCAPE, R->p past its letter, into
   OUT.  */
static int
read_unicode_escape (struct reader *r, struct bytes *out,
                     const unsigned char *escape)
{
  long unit = read_hex4 (r, escape);
  if (unit < 0)
    return -1;
  if (unit >= 0xdc00 && unit <= 0xdfff)
    return fail (r, escape, "a low surrogate (\\u%04lX) without a high "
                 "surrogate before it", unit);
  unsigned long cp = (unsigned long) unit;
  if (unit >= 0xd800 && unit <= 0xdbff)
    {
      long low = -1;
      if (r->end - r->p >= 2 && r->p[0] == '\\' && r->p[1] == 'u')
        {
          const unsigned char *second = r->p;
          r->p += 2;
          low = read_hex4 (r, second);
          if (low < 0)
            return -1;
        }
      if (low < 0xdc00 || low > 0xdfff)
        return fail (r, escape, "a high surrogate (\\u%04lX) without a low "
                     "surrogate after it", unit);
      cp = 0x10000 + ((cp - 0xd800) << 10) + (unsigned long) (low - 0xdc00);
    }
  return utf8_encode (r, out, cp);
}

/* The string at R->p, at its opening quote, into OUT.  */
static int
read_string_bytes (struct reader *r, struct bytes *out)
{
  const unsigned char *open = r->p++;
  if (bytes_add (r, out, "", 0) < 0)
    return -1;
  for (;;)
    {
      if (r->p >= r->end)
        return fail (r, open, "a string without its closing quote");
      unsigned char c = *r->p;
      if (c == '"')
        {
          r->p++;
          return 0;
        }
      if (c < 0x20)
        return fail (r, r->p, "a control character (0x%02x) in a string, "
                     "where it must be escaped", c);
      if (c >= 0x80)
        {
          size_t n = utf8_sequence (r->p, r->end);
          if (n == 0)
            return fail (r, r->p, "invalid UTF-8 in a string");
          if (bytes_add (r, out, r->p, n) < 0)
            return -1;
          r->p += n;
          continue;
        }
      if (c != '\\')
        {
          if (bytes_add_byte (r, out, c) < 0)
            return -1;
          r->p++;
          continue;
        }
      const unsigned char *escape = r->p++;
      if (r->p >= r->end)
        return fail (r, open, "a string without its closing quote");
      int status;
      switch (*r->p++)
        {
        case '"': status = bytes_add_byte (r, out, '"'); break;
        case '\\': status = bytes_add_byte (r, out, '\\'); break;
        case '/': status = bytes_add_byte (r, out, '/'); break;
        case 'b': status = bytes_add_byte (r, out, '\b'); break;
        case 'f': status = bytes_add_byte (r, out, '\f'); break;
        case 'n': status = bytes_add_byte (r, out, '\n'); break;
        case 'r': status = bytes_add_byte (r, out, '\r'); break;
        case 't': status = bytes_add_byte (r, out, '\t'); break;
        case 'u': status = read_unicode_escape (r, out, escape); break;
        default:
          {
            char shown[8];
            return fail (r, escape, "an unknown escape: \\ then %s",
                         show_byte (r->p[-1], shown));
          }
        }
      if (status < 0)
        return -1;
    }
}

static int
read_string (struct reader *r, struct json *v)
{
  struct bytes out = { NULL, 0, 0 };
  if (read_string_bytes (r, &out) < 0)
    {
      free (out.data);
      return -1;
    }
  v->type = JSON_STRING;
  v->text = (char *) out.data;
  v->length = out.length;
  return 0;
}

static int
is_digit (unsigned char c)
{
  return c >= '0' && c <= '9';
}

static int
read_number (struct reader *r, struct json *v)
{
  const unsigned char *start = r->p;
  if (*r->p == '-')
    r->p++;
  if (r->p >= r->end || !is_digit (*r->p))
    return fail (r, start, "a number without digits");
  if (*r->p == '0')
    {
      r->p++;
      if (r->p < r->end && is_digit (*r->p))
        return fail (r, start, "a number with a leading zero");
    }
  else
    while (r->p < r->end && is_digit (*r->p))
      r->p++;
  if (r->p < r->end && *r->p == '.')
    {
      r->p++;
      if (r->p >= r->end || !is_digit (*r->p))
        return fail (r, start, "a number without digits after its "
                     "decimal point");
      while (r->p < r->end && is_digit (*r->p))
        r->p++;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !is_digit (*r->p))
        return fail (r, start, "a number without digits in its exponent");
      while (r->p < r->end && is_digit (*r->p))
        r->p++;
    }
  struct bytes text = { NULL, 0, 0 };
  if (bytes_add (r, &text, start, (size_t) (r->p - start)) < 0)
    {
      free (text.data);
      return -1;
    }
  v->type = JSON_NUMBER;
  v->text = (char *) text.data;
  v->length = text.length;
  return 0;
}

static int read_value (struct reader *r, struct json *v);

/* Adds an empty element to V (and an empty name, for an object); NULL
   when out of memory.  */
static struct json *
add_element (struct reader *r, struct json *v, size_t *allocated)
{
  if (v->count == *allocated)
    {
      size_t more = *allocated ? 2 * *allocated : 8;
      if (more > SIZE_MAX / sizeof *v->elements)
        {
          fail (r, r->p, "out of memory");
          return NULL;
        }
      struct json *elements = realloc (v->elements,
                                       more * sizeof *v->elements);
      if (elements == NULL)
        {
          fail (r, r->p, "out of memory");
          return NULL;
        }
      v->elements = elements;
      if (v->type == JSON_OBJECT)
        {
          struct json *names = realloc (v->names, more * sizeof *v->names);
          if (names == NULL)
            {
              fail (r, r->p, "out of memory");
              return NULL;
            }
          v->names = names;
        }
      *allocated = more;
    }
  memset (&v->elements[v->count], 0, sizeof *v->elements);
  if (v->type == JSON_OBJECT)
    memset (&v->names[v->count], 0, sizeof *v->names);
  return &v->elements[v->count++];
}

/* An array or an object, R->p at its opening bracket.  */
static int
read_container (struct reader *r, struct json *v)
{
  int object = *r->p == '{';
  unsigned char close = object ? '}' : ']';
  size_t allocated = 0;
  char shown[8];

  if (++r->depth > JSON_MAX_DEPTH)
    return fail (r, r->p, "arrays and objects nested more than %d deep",
                 JSON_MAX_DEPTH);
  v->type = object ? JSON_OBJECT : JSON_ARRAY;
  r->p++;
  skip_space (r);
  if (r->p < r->end && *r->p == close)
    {
      r->p++;
      r->depth--;
      return 0;
    }
  for (;;)
    {
      struct json *element;
      skip_space (r);
      if (object)
        {
          if (r->p >= r->end)
            return fail (r, r->p, "the text ends inside an object");
          if (*r->p != '"')
            return fail (r, r->p, "expected a member name (a string), "
                         "found %s", show_byte (*r->p, shown));
          const unsigned char *name_at = r->p;
          element = add_element (r, v, &allocated);
          if (element == NULL)
            return -1;
          struct json *name = &v->names[v->count - 1];
          if (read_string (r, name) < 0)
            return -1;
          for (size_t i = 0; i + 1 < v->count; i++)
            if (v->names[i].length == name->length
                && memcmp (v->names[i].text, name->text, name->length) == 0)
              return fail (r, name_at, "the member \"%s\" twice in one "
                           "object", name->text);
          skip_space (r);
          if (r->p >= r->end || *r->p != ':')
            return fail (r, r->p, "expected ':' after a member name");
          r->p++;
        }
      else
        {
          element = add_element (r, v, &allocated);
          if (element == NULL)
            return -1;
        }
      if (read_value (r, element) < 0)
        return -1;
      skip_space (r);
      if (r->p >= r->end)
        return fail (r, r->p, object ? "the text ends inside an object"
                     : "the text ends inside an array");
      if (*r->p == close)
        {
          r->p++;
          r->depth--;
          return 0;
        }
      if (*r->p != ',')
        return fail (r, r->p, "expected ',' or '%c', found %s", close,
                     show_byte (*r->p, shown));
      r->p++;
      skip_space (r);
      if (r->p < r->end && *r->p == close)
        return fail (r, r->p, "a comma before '%c'", close);
    }
}

static int
read_literal (struct reader *r, struct json *v, const char *word,
              enum json_type type)
{
  size_t n = strlen (word);
  if ((size_t) (r->end - r->p) < n || memcmp (r->p, word, n) != 0)
    return fail (r, r->p, "expected a JSON value");
  r->p += n;
  v->type = type;
  return 0;
}

static int
read_value (struct reader *r, struct json *v)
{
  char shown[8];
  skip_space (r);
  if (r->p >= r->end)
    return fail (r, r->p, "expected a JSON value, found the end of the "
                 "text");
  switch (*r->p)
    {
    case '{':
    case '[':
      return read_container (r, v);
    case '"':
      return read_string (r, v);
    case 't':
      return read_literal (r, v, "true", JSON_TRUE);
    case 'f':
      return read_literal (r, v, "false", JSON_FALSE);
    case 'n':
      return read_literal (r, v, "null", JSON_NULL);
    default:
      if (*r->p == '-' || is_digit (*r->p))
        return read_number (r, v);
      return fail (r, r->p, "expected a JSON value, found %s",
                   show_byte (*r->p, shown));
    }
}

int
json_parse (const char *text, size_t length, struct json *value,
            struct json_error *error)
{
  struct reader r;
  memset (&r, 0, sizeof r);
  memset (value, 0, sizeof *value);
  value->type = JSON_NULL;
  r.start = r.p = (const unsigned char *) text;
  r.end = r.start + length;
  if (read_value (&r, value) == 0)
    {
      skip_space (&r);
      if (r.p < r.end)
        fail (&r, r.p, "more after the JSON value");
    }
  if (r.failed)
    {
      json_free (value);
      if (error != NULL)
        *error = r.error;
      return -1;
    }
  return 0;
}

const struct json *
json_member (const struct json *v, const char *name)
{
  if (v->type != JSON_OBJECT)
    return NULL;
  size_t n = strlen (name);
  for (size_t i = 0; i < v->count; i++)
    if (v->names[i].length == n && memcmp (v->names[i].text, name, n) == 0)
      return &v->elements[i];
  return NULL;
}

int
json_is_string (const struct json *v, const char *string)
{
  return v->type == JSON_STRING && v->length == strlen (string)
         && memcmp (v->text, string, v->length) == 0;
}

int
json_integer (const struct json *v, long long *integer)
{
  if (v->type != JSON_NUMBER || strpbrk (v->text, ".eE") != NULL)
    return -1;
  errno = 0;
  long long n = strtoll (v->text, NULL, 10);
  if (errno != 0)
    return -1;
  *integer = n;
  return 0;
}

double
json_number (const struct json *v)
{
  return v->type == JSON_NUMBER ? strtod (v->text, NULL) : 0;
}

const char *
json_type_name (enum json_type type)
{
  static const char *const names[] =
  {
    [JSON_NULL] = "null", [JSON_FALSE] = "false", [JSON_TRUE] = "true",
    [JSON_NUMBER] = "number", [JSON_STRING] = "string",
    [JSON_ARRAY] = "array", [JSON_OBJECT] = "object"
  };
  return (unsigned) type < sizeof names / sizeof names[0] ? names[type]
                                                           : "unknown";
}

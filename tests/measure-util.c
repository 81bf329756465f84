/* measure-util.c: what the measuring programs share (measure-util.h).
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include "measure-util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

/* The start of a message on standard error, after what standard output
   holds so far: "PROGRAM: ".  */
static void
start_message (void)
{
  fflush (stdout);
  fprintf (stderr, "%s: ", program_name);
}

/* The rest of it: FORMAT with ARGS, and the line end.  */
static void
end_message (const char *format, va_list args)
{
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
}

_Noreturn void
fatal (const char *format, ...)
{
  va_list args;
  start_message ();
  va_start (args, format);
  end_message (format, args);
  va_end (args);
  exit (1);
}

_Noreturn void
usage_error (const char *format, ...)
{
  va_list args;
  start_message ();
  va_start (args, format);
  end_message (format, args);
  va_end (args);
  usage (stderr);
  exit (2);
}

void *
xrealloc (void *p, size_t count, size_t size)
{
  if (size != 0 && count > SIZE_MAX / size)
    fatal ("out of memory");
  p = realloc (p, count * size > 0 ? count * size : 1);
  if (p == NULL)
    fatal ("out of memory");
  return p;
}


const char *
next_option (int argc, char **argv, int *i)
{
  if (*i >= argc || argv[*i][0] != '-' || argv[*i][1] == '\0')
    return NULL;
  if (strcmp (argv[*i], "--") == 0)
    {
      ++*i;
      return NULL;
    }
  return argv[(*i)++];
}

_Noreturn void
other_option (const char *option)
{
  if (strcmp (option, "--help") == 0)
    {
      usage (stdout);
      exit (0);
    }
  usage_error ("unknown option: %s", option);
}

const char *
one_operand (int argc, char **argv, int i, const char *name)
{
  if (argc - i == 0)
    usage_error ("missing %s operand", name);
  if (argc - i != 1)
    usage_error ("one %s only", name);
  return argv[i];
}


void
bytes_add (struct bytes *b, const void *data, size_t length)
{
  if (b->size - b->length < length + 1)
    {
      size_t size = b->size ? b->size : 64;
      while (size - b->length < length + 1)
        {
          if (size > SIZE_MAX / 2)
            fatal ("out of memory");
          size *= 2;
        }
      b->data = xrealloc (b->data, size, 1);
      b->size = size;
    }
  memcpy (b->data + b->length, data, length);
  b->length += length;
  b->data[b->length] = '\0';
}


void
lines_open (struct lines *in, const char *path)
{
  memset (in, 0, sizeof *in);
  in->path = path;
  in->file = fopen (path, "rb");
  if (in->file == NULL)
    fatal ("%s: %s", path, strerror (errno));
}

int
lines_next (struct lines *in, const char **line, size_t *length)
{
  ssize_t n;

  errno = 0;
  n = getline (&in->buffer, &in->size, in->file);
  if (n < 0)
    {
      /* getline fails at the end of the file or on an error: ENOMEM sets
         no error indicator of the stream.  */
      if (ferror (in->file) || errno == ENOMEM || errno == EOVERFLOW)
        fatal ("%s: %s", in->path, strerror (errno ? errno : EIO));
      return 0;
    }
  in->number++;
  *line = in->buffer;
  *length = (size_t) n;
  if (*length > 0 && in->buffer[*length - 1] == '\n')
    --*length;
  return 1;
}

void
lines_close (struct lines *in)
{
  free (in->buffer);
  in->buffer = NULL;
  in->size = 0;
  fclose (in->file);
  in->file = NULL;
}

_Noreturn void
lines_fail (const struct lines *in, const char *format, ...)
{
  va_list args;
  start_message ();
  fprintf (stderr, "%s:%lu: ", in->path, in->number);
  va_start (args, format);
  end_message (format, args);
  va_end (args);
  exit (1);
}

const struct json *
required_member (const struct lines *in, const struct json *v,
                 const char *where, const char *name)
{
  const struct json *m = json_member (v, name);
  if (m == NULL)
    lines_fail (in, "%s has no member \"%s\"", where, name);
  return m;
}

const char *
text_member (const struct lines *in, const struct json *v, const char *where,
             const char *name, int nullable)
{
  const struct json *m = required_member (in, v, where, name);
  if (nullable && m->type == JSON_NULL)
    return NULL;
  if (m->type != JSON_STRING)
    lines_fail (in, "%s: \"%s\" must be a string%s", where, name,
                nullable ? " or null" : "");
  if (strlen (m->text) != m->length)
    lines_fail (in, "%s: \"%s\" holds a NUL (\\u0000)", where, name);
  return m->text;
}

_Noreturn void
lines_json_fail (const struct lines *in, const struct json_error *error)
{
  start_message ();
  fprintf (stderr, "%s:%lu:%zu: %s\n", in->path, in->number,
           error->offset + 1, error->message);
  exit (1);
}


void
show_bytes (const void *data, size_t length, size_t limit, int flags)
{
  const unsigned char *p = data;
  size_t n = length < limit ? length : limit;
  int quote = (flags & SHOW_IN_QUOTES) == SHOW_IN_QUOTES;
  if (quote)
    putchar ('"');
  for (size_t i = 0; i < n; i++)
    switch (p[i])
      {
      case '\r': fputs ("\\r", stdout); break;
      case '\n': fputs ("\\n", stdout); break;
      case '\t': fputs ("\\t", stdout); break;
      case '\\': fputs ("\\\\", stdout); break;
      case '"':
        fputs (flags & SHOW_ESCAPE_QUOTES ? "\\\"" : "\"", stdout);
        break;
      default:
        if (p[i] >= 0x20 && p[i] < 0x7f)
          putchar (p[i]);
        else
          printf ("\\x%02x", p[i]);
      }
  if (quote)
    putchar ('"');
  if (n < length)
    fputs ("...", stdout);
}

void
show_figure (const char *name, struct figure f)
{
  printf ("%s: %lu/%lu", name, f.n, f.d);
  if (f.d == 0)
    fputs (" (-)", stdout);
  else
    {
      unsigned long long tenths =
        ((unsigned long long) f.n * 1000 + f.d / 2) / f.d;
      printf (" (%llu.%llu%%)", tenths / 10, tenths % 10);
    }
}

/* json-check: whether standard input is JSON Lines of objects.
   SPDX-License-Identifier: LGPL-2.1-or-later

   json-check [-k NAME,NAME...]... reads standard input and exits 0 if
   every line of it, each ended by a newline, is one JSON object as
   json_parse (json.h) reads it: strictly, valid UTF-8 and all.  No lines
   at all pass.  Each -k gives a list of member names in order; where
   there is any, every object must have exactly the members of one of
   them, in that order.  Otherwise it names the first bad line, its byte
   and what is wrong there on standard error and exits 1; 2 for a usage
   or read error.  A test helper, not a test.  */

#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "json.h"

static const char program[] = "json-check";

/* The lists given with -k.  */
static char **key_lists;
static size_t key_list_count;

/* Whether the members of OBJECT are, in order, the comma-separated names
   of LIST.  */
static bool
has_members (const struct json *object, const char *list)
{
  size_t i = 0;
  for (const char *name = list; ; i++)
    {
      size_t n = strcspn (name, ",");
      if (i == object->count || object->names[i].length != n
          || memcmp (object->names[i].text, name, n) != 0)
        return false;
      if (name[n] == '\0')
        return i + 1 == object->count;
      name += n + 1;
    }
}

/* Checks the line LINE of LENGTH bytes, line number NUMBER; false after
   saying what is wrong.  */
static bool
check_line (const char *line, size_t length, size_t number)
{
  struct json value;
  struct json_error error;
  if (json_parse (line, length, &value, &error) != 0)
    {
      fprintf (stderr, "%s: line %zu, byte %zu: %s\n", program, number,
               error.offset, error.message);
      return false;
    }
  bool good = value.type == JSON_OBJECT;
  if (!good)
    fprintf (stderr, "%s: line %zu: %s, not an object\n", program, number,
             json_type_name (value.type));
  else if (key_list_count > 0)
    {
      good = false;
      for (size_t i = 0; i < key_list_count && !good; i++)
        good = has_members (&value, key_lists[i]);
      if (!good)
        fprintf (stderr, "%s: line %zu: the members are not those of any "
                 "-k list\n", program, number);
    }
  json_free (&value);
  return good;
}

int
main (int argc, char **argv)
{
  int option;
  key_lists = calloc ((size_t) argc, sizeof *key_lists);
  if (key_lists == NULL)
    return 2;
  while ((option = getopt (argc, argv, "k:")) != -1)
    if (option == 'k')
      key_lists[key_list_count++] = optarg;
    else
      {
        fprintf (stderr, "usage: %s [-k NAME,NAME...]... <JSON-LINES\n",
                 program);
        free (key_lists);
        return 2;
      }
  if (optind < argc)
    {
      fprintf (stderr, "%s: no operands: the JSON comes on standard "
               "input\n", program);
      free (key_lists);
      return 2;
    }

  char *text = NULL;
  size_t length = 0, size = 0;
  for (;;)
    {
      if (size - length < 65536)
        {
          size = size ? 2 * size : 65536;
          char *more = realloc (text, size);
          if (more == NULL)
            {
              fprintf (stderr, "%s: out of memory\n", program);
              free (text);
              free (key_lists);
              return 2;
            }
          text = more;
        }
      size_t n = fread (text + length, 1, size - length, stdin);
      length += n;
      if (n == 0)
        break;
    }
  if (ferror (stdin))
    {
      fprintf (stderr, "%s: read error\n", program);
      free (text);
      free (key_lists);
      return 2;
    }

  int status = 0;
  size_t number = 1;
  for (size_t start = 0; start < length && status == 0; number++)
    {
      const char *newline = memchr (text + start, '\n', length - start);
      if (newline == NULL)
        {
          fprintf (stderr, "%s: line %zu: no newline at its end\n", program,
                   number);
          status = 1;
          break;
        }
      size_t end = (size_t) (newline - text);
      if (!check_line (text + start, end - start, number))
        status = 1;
      start = end + 1;
    }
  free (text);
  free (key_lists);
  return status;
}

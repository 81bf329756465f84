/* fuzz-main.c: replays a fuzz target on files, for 'make check'.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Usage: replay FILE...  Runs the target linked in on each file's bytes;
   any broken invariant aborts.  The seed corpora and every input that
   once made a fuzzer crash live in tests/fuzz/TARGET/, so each such
   crash stays a regression test.  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "fuzz-check.h"

int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      FILE *f = fopen (argv[i], "rb");
      if (f == NULL)
        {
          perror (argv[i]);
          return 2;
        }
      static uint8_t data[1 << 20];
      size_t size = fread (data, 1, sizeof data, f);
      fclose (f);
      /* A copy of exactly SIZE bytes, so that an over-read shows.  */
      uint8_t *exact = malloc (size > 0 ? size : 1);
      if (exact == NULL)
        return 2;
      for (size_t j = 0; j < size; j++)
        exact[j] = data[j];
      LLVMFuzzerTestOneInput (exact, size);
      free (exact);
    }
  printf ("%d inputs replayed\n", argc - 1);
  return 0;
}

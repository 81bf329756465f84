/* fuzz-enhanced.c: the enhanced status code syntax and lookups on any
   bytes.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <string.h>

#include "smtpstatus.h"
#include "fuzz-check.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *text = (const char *) data;
  struct smtp_enhanced_status status = { -7, -7, -7 };
  if (smtp_enhanced_parse (text, size, &status) == 0)
    {
      CHECK (status.status_class == 2 || status.status_class == 4
             || status.status_class == 5);
      CHECK (status.subject >= 0 && status.subject <= 999
             && status.detail >= 0 && status.detail <= 999);
      /* A valid code has one spelling: printing it gives the input.  */
      char printed[16];
      int n = snprintf (printed, sizeof printed, "%d.%d.%d",
                        status.status_class, status.subject, status.detail);
      CHECK (n > 0 && (size_t) n == size && memcmp (printed, text, size) == 0);
    }
  else
    CHECK (status.status_class == -7);

  /* The string form wants a NUL; so does a name.  */
  char *copy = malloc (size + 1);
  CHECK (copy != NULL);
  memcpy (copy, text, size);
  copy[size] = '\0';
  CHECK (*smtp_enhanced_description_str (copy) != '\0');
  free (copy);

  /* Any three numbers have a text.  */
  int numbers[3] = { 0, 0, 0 };
  memcpy (numbers, data, size < sizeof numbers ? size : sizeof numbers);
  CHECK (*smtp_enhanced_description (numbers[0], numbers[1], numbers[2])
         != '\0');
  CHECK (smtp_enhanced_is_known (numbers[1], numbers[2]) <= 1);
  CHECK (*smtp_status_description (numbers[0]) != '\0');
  return 0;
}

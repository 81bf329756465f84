/* fuzz-names.c: name lookup on any bytes.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <string.h>

#include "smtpstatus.h"
#include "fuzz-check.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *name = malloc (size + 1);
  CHECK (name != NULL);
  memcpy (name, data, size);
  name[size] = '\0';
  int code = 12345;
  if (smtp_status_from_name (name, &code) == 0)
    {
      /* What was found is an entry, whose own name finds it again.  */
      CHECK (smtp_status_is_known (code));
      const char *canonical = smtp_status_name (code);
      CHECK (canonical != NULL);
      int again = 54321;
      CHECK (smtp_status_from_name (canonical, &again) == 0 && again == code);
      CHECK (*smtp_status_description (code) != '\0');
    }
  else
    CHECK (code == 12345);
  free (name);
  return 0;
}

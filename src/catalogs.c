/* catalogs.c: checking the message catalogs before gettext reads them.
   SPDX-License-Identifier: LGPL-2.1-or-later

   glibc's gettext trusts a .mo file: it takes the offsets and lengths in
   its tables as they are, so a truncated or corrupt catalog makes it read
   past the end of the file, which may crash the program or hand out empty
   strings.  Before the library binds its domain it reads each of its
   catalogs once and checks that every table and string lies within the
   file; if one does not, it binds the domain to no catalogs at all and
   answers in English, which is better than a crash.  */

#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalogs.h"

enum
{
  MO_MAGIC = 0x950412de,
  HEADER_SIZE = 28,
  MAX_CATALOG = 64 << 20      /* a larger file is no catalog of ours */
};

static uint32_t
word_at (const unsigned char *p, bool swapped)
{
  uint32_t w;
  memcpy (&w, p, sizeof w);
  return swapped ? __builtin_bswap32 (w) : w;
}

/* Whether the COUNT (length, offset) pairs at TABLE all describe strings
   within the SIZE bytes at DATA that end in a NUL.  */
static bool
strings_sound (const unsigned char *data, size_t size, uint64_t table,
               uint64_t count, bool swapped)
{
  if (table > size || count > (size - table) / 8)
    return false;
  for (uint64_t i = 0; i < count; i++)
    {
      uint64_t length = word_at (data + table + 8 * i, swapped);
      uint64_t offset = word_at (data + table + 8 * i + 4, swapped);
      if (offset >= size || length >= size - offset
          || data[offset + length] != '\0')
        return false;
    }
  return true;
}

bool
smtpstatus_catalog_sound (const unsigned char *data, size_t size)
{
  if (size < HEADER_SIZE)
    return true;                /* gettext ignores it */
  uint32_t magic = word_at (data, false);
  bool swapped = magic != MO_MAGIC;
  if (swapped && word_at (data, true) != MO_MAGIC)
    return true;                /* not a catalog: gettext ignores it */
  if (word_at (data + 4, swapped) >> 16 > 1)
    return true;                /* a revision gettext refuses */
  uint64_t count = word_at (data + 8, swapped);
  uint64_t originals = word_at (data + 12, swapped);
  uint64_t translations = word_at (data + 16, swapped);
  uint64_t hash_size = word_at (data + 20, swapped);
  uint64_t hash = word_at (data + 24, swapped);
  return strings_sound (data, size, originals, count, swapped)
         && strings_sound (data, size, translations, count, swapped)
         && (hash_size == 0
             || (hash <= size && hash_size <= (size - hash) / 4));
}

/* Whether the catalog at PATH, if there is one, is sound.  */
static bool
file_sound (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return true;                /* no catalog for that language */
  struct stat st;
  bool sound = true;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 0
      && st.st_size <= MAX_CATALOG)
    {
      size_t size = (size_t) st.st_size;
      unsigned char *data = malloc (size);
      size_t have = 0;
      while (data != NULL && have < size)
        {
          ssize_t n = read (fd, data + have, size - have);
          if (n <= 0 && !(n < 0 && errno == EINTR))
            break;
          if (n > 0)
            have += (size_t) n;
        }
      /* A file that cannot be read whole gets the benefit of the doubt
         only if gettext cannot read it either.  */
      sound = data != NULL && have == size
              && smtpstatus_catalog_sound (data, size);
      free (data);
    }
  close (fd);
  return sound;
}

bool
smtpstatus_catalogs_sound (const char *localedir)
{
  DIR *dir = opendir (localedir);
  if (dir == NULL)
    return true;
  bool sound = true;
  struct dirent *entry;
  while (sound && (entry = readdir (dir)) != NULL)
    {
      if (entry->d_name[0] == '.')
        continue;
      char path[PATH_MAX];
      int n = snprintf (path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo",
                        localedir, entry->d_name, PACKAGE);
      if (n > 0 && (size_t) n < sizeof path)
        sound = file_sound (path);
    }
  closedir (dir);
  return sound;
}

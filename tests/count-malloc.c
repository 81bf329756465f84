/* count-malloc.c: a malloc that counts its calls.
   SPDX-License-Identifier: LGPL-2.1-or-later

   A program linked with this file gets its malloc, calloc and realloc,
   which count and then hand over to glibc's; the shared library and
   glibc itself call them too, since the executable's definitions come
   first.  Under AddressSanitizer, whose own malloc must stay in place,
   the sanitizer's allocation hook counts instead.  */

#include <config.h>

#include <stdatomic.h>
#include <stddef.h>

#include "count-malloc.h"

static atomic_long calls;

#if defined __SANITIZE_ADDRESS__ || defined __has_feature
# if defined __SANITIZE_ADDRESS__ || __has_feature (address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif

#ifdef UNDER_ASAN
# include <sanitizer/allocator_interface.h>

static void
count_one (const volatile void *pointer, size_t size)
{
  (void) pointer;
  (void) size;
  atomic_fetch_add (&calls, 1);
}

static void
count_none (const volatile void *pointer)
{
  (void) pointer;
}

__attribute__ ((constructor)) static void
install_hooks (void)
{
  __sanitizer_install_malloc_and_free_hooks (count_one, count_none);
}

#else

extern void *__libc_malloc (size_t);
extern void *__libc_calloc (size_t, size_t);
extern void *__libc_realloc (void *, size_t);
extern void __libc_free (void *);

void *
malloc (size_t size)
{
  atomic_fetch_add (&calls, 1);
  return __libc_malloc (size);
}

void *
calloc (size_t count, size_t size)
{
  atomic_fetch_add (&calls, 1);
  return __libc_calloc (count, size);
}

void *
realloc (void *pointer, size_t size)
{
  atomic_fetch_add (&calls, 1);
  return __libc_realloc (pointer, size);
}

void
free (void *pointer)
{
  __libc_free (pointer);
}

#endif

long
count_malloc_calls (void)
{
  return atomic_load (&calls);
}

/* count-malloc.h: counting heap allocations, for tests and benchmarks.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef SMTPSTATUS_COUNT_MALLOC_H
#define SMTPSTATUS_COUNT_MALLOC_H

/* How many times malloc, calloc or realloc have been called so far, by
   anyone in the process.  */
long count_malloc_calls (void);

#endif

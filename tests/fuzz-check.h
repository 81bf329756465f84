/* fuzz-check.h: what the fuzz targets share.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef SMTPSTATUS_FUZZ_CHECK_H
#define SMTPSTATUS_FUZZ_CHECK_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* An invariant of the library that the input must not break; a broken
   one aborts, which the fuzzer reports as a crash.  */
#define CHECK(condition) ((condition) ? (void) 0 : abort ())

/* The entry point libFuzzer calls, and tests/fuzz-main.c when it replays
   a corpus in 'make check'.  */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#endif

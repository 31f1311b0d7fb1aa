/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* What a fuzz target defines, as libFuzzer calls it; fuzz-replay.c calls the same two
 * functions on the files of a corpus when the compiler has no libFuzzer. */
int LLVMFuzzerInitialize   (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Makes every GLib warning and critical a crash, so that the fuzzer reports it. */
void pl_fuzz_init_glib (void);

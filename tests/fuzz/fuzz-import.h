/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "pl-plan.h"

/* What the import fuzz targets (measurements, books, budget sheets) share: the plan they import
 * into, the checks on their words, and the undo that must give the plan back. */

/* Reads the plan @xml (@length bytes), which must read; *@bytes is the plan as written. */
PlPlan *pl_fuzz_read_plan     (const char *xml, size_t length, GBytes **bytes);
/* The file of an input whose first byte chooses the options: the other bytes, as a new
 * NUL-terminated text of *@length bytes (an import reads text from a file, which ends so). */
char   *pl_fuzz_file_text     (const uint8_t *data, size_t size, gsize *length);
/* @text is a message in words: valid UTF-8, and without "(null)" unless @input_says_null (the
 * file wrote it, and messages quote the file). */
void    pl_fuzz_check_text    (const char *text, gboolean input_says_null);
/* Undoes the import when @applied, which must leave @plan unmodified, then checks that @plan
 * is @before to the byte. */
void    pl_fuzz_check_undone  (PlPlan *plan, GBytes *before, gboolean applied);

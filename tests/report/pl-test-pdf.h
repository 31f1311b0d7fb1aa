/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The output of a poppler tool (pdftotext, pdfinfo, pdfimages) run on @pdf, its arguments
 * (NULL-terminated) placed before the file; pdftotext writes to the output. Fails the test
 * when the tool cannot run or fails. */
char *pl_test_poppler (const char *tool, const char *pdf, ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS

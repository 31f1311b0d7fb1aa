/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new folder under the temporary folder, named after @prefix ("pilote-save" gives
 * "pilote-save-XXXXXX"); fails the test when it cannot be made. */
char   *pl_io_test_temp_dir    (const char *prefix);
/* Removes @dir and everything under it, even what a test made read-only. */
void    pl_io_test_remove_tree (const char *dir);
/* The whole content of @path; fails the test when it cannot be read. */
GBytes *pl_io_test_read_all    (const char *path);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* pilote-cli diff OLD NEW [--json] [--exit-zero]: what changed between two plan files, grouped
 * by the window's pages, with the budget by category before and after (pl-plan-diff.h). Also
 * runs as git's external diff driver, which passes seven arguments (PATH OLD-FILE OLD-HEX
 * OLD-MODE NEW-FILE NEW-HEX NEW-MODE; a side that does not exist is /dev/null, read as a plan
 * with nothing in it). Returns the exit status as diff(1) does: 0 the plans are the same, 1
 * they differ (0 with --exit-zero, as git wants of a driver), 2 trouble: a file that cannot be
 * read or is not a plan, or a wrong command line. */
int pl_cli_diff (int argc, char **argv);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* pilote-cli import-budget PLAN SHEET [--sheet NAME] [--dry-run] [--keep-going]: a budget by
 * months from an XLSX, ODS or CSV sheet (pl-budget-import.h), in the words of the window's
 * preview. Exits as `pilote-cli import`: 0 done, 1 nothing saved (rows skipped, a file that
 * cannot be read or written), 2 a wrong command line, 3 saved with rows left out. */
int pl_cli_import_budget (int argc, char **argv);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* pilote-cli export PLAN --what budget|kpis|campaigns -o FILE.xlsx|FILE.csv: writes the
 * budget, the KPI measurements or the campaigns list as a spreadsheet (pl-sheet-export.h),
 * its format from the file's extension. Returns the exit status: 0 written, 1 the plan cannot
 * be read or the file cannot be written, 2 a wrong command line. */
int pl_cli_export (int argc, char **argv);

G_END_DECLS

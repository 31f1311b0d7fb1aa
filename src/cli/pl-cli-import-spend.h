/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* pilote-cli import-spend PLAN FILE: actual spend from the books (an FEC or a CSV of
 * transactions, pl-spend-import.h) into a plan, with --dry-run; the exit statuses of import. */
int pl_cli_import_spend (int argc, char **argv);

G_END_DECLS

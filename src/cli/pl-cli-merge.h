/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* pilote-cli merge BASE OURS THEIRS -o OUT: the three-way merge of two people's changes to one
 * plan (pl-plan-merge.h), written to OUT with every conflict listed; exit status 0 without
 * conflicts, 1 with (OUT keeps our side of each), 2 on an error. Git's merge driver. */
int pl_cli_merge (int argc, char **argv);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* pilote-cli new [--template NAME --start YYYY-MM --months N --currency CODE --title T] OUT:
 * writes a new plan built from a business model's template (pl-template-file.h); without
 * --template, the default plan (B2B SaaS) as before. `--template list` lists the templates.
 * Exit status 0, 1 when OUT cannot be written, 2 for a wrong command line. */
int pl_cli_new (int argc, char **argv);

G_END_DECLS

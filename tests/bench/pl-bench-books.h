/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The median milliseconds of @runs imports (preview and apply) of an FEC of @entries lines
 * into the example plan (pl-bench-fec.c). */
double pl_bench_fec  (int runs, int entries);
/* The median milliseconds of @runs exports of the 20,000-campaign plan's campaigns list to
 * XLSX (pl-bench-xlsx.c). */
double pl_bench_xlsx (guint runs);

G_END_DECLS

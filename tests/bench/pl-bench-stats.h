/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The median of @n timings (sorts @values in place): what the benchmarks report, since a
 * shared machine makes single runs and means noisy. */
double pl_bench_median (double *values, guint n);

/* A field of /proc/self/status in KiB ("VmRSS", "VmHWM"), or -1 without /proc. */
gint64 pl_bench_status_kib (const char *field);

G_END_DECLS

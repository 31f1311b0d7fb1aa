/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The months the days [@from, @to) cover, for a chart's title: "January to June 2027",
 * "June 2027", "December 2026 to March 2027"; NULL when the range is empty. */
char *pl_chart_period_months (guint32 from, guint32 to);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-chart-style.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* Paints @kpi month by month over the plan's period: the actual as a line with points, the
 * target as a dashed line, a value axis with three labels and the months below. With
 * @sparkline, only the actual line, scaled to the area, for a dashboard tile. Returns a short
 * text summary. */
char *pl_trend_chart_draw (PlPlan             *plan,
                           PlItem             *kpi,
                           gboolean            sparkline,
                           cairo_t            *cr,
                           double              width,
                           double              height,
                           const PlChartStyle *style);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-chart-style.h"
#include "pl-maturity.h"

G_BEGIN_DECLS

/* Paints the maturity of @current as a radar: an axis per dimension of @questionnaire with
 * its title, rings at 25, 50, 75 and 100, the personas' overall bars as dashed rings, the
 * range between respondents as a band, @previous (may be NULL) behind in grey, @current on
 * top. Dimensions nobody rated sit at the centre, their title in grey. Returns a summary. */
char    *pl_radar_chart_draw   (const PlQuestionnaire *questionnaire, const PlMaturity *current,
                                const PlMaturity *previous, cairo_t *cr, double width, double height,
                                const PlChartStyle *style);
/* The summary pl_radar_chart_draw() returns, as its sentences (a new NULL-terminated array),
 * without drawing. */
char   **pl_radar_chart_sentences (const PlQuestionnaire *questionnaire, const PlMaturity *current,
                                   const PlMaturity *previous);
/* Where the vertex of axis @index of @n sits for @score at @width x @height (for tests). */
void     pl_radar_chart_vertex (guint n, guint index, double score, double width, double height,
                                double *x, double *y);
/* The boxes the axis titles take when drawn at @width x @height, one per dimension (a new
 * array of cairo_rectangle_t), measured with @cr's fonts (for tests: they must not overlap). */
GArray  *pl_radar_chart_label_boxes (const PlQuestionnaire *questionnaire, cairo_t *cr, double width,
                                     double height, const PlChartStyle *style);

G_END_DECLS

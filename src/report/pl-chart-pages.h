/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-plan.h"

G_BEGIN_DECLS

/* Charts laid out on paper, one or more pages each: a header (the plan's title, what is
 * printed, the date printed) and a footer (page X of Y, the organisation) on every page, each
 * chart drawn again as vectors at the page's size and keeping its proportions. A timeline
 * too long for a page goes on over the next pages with its time axis and row labels repeated;
 * split, it also shows a few months per page so its dates stay readable. */

typedef struct _PlChartPages PlChartPages;

/* Lays out @charts (catalogue names) of @plan on pages @width x @height points with
 * @margin all round, @title being what the header calls them ("Budget"). */
PlChartPages *pl_chart_pages_new        (PlPlan *plan, const char * const *charts, const char *title,
                                         guint32 today, double width, double height, double margin,
                                         gboolean split_timeline);
void          pl_chart_pages_free       (PlChartPages *pages);
guint         pl_chart_pages_get_n_pages (PlChartPages *pages);
/* Draws page @page whole on @cr (its origin at the paper's corner). */
void          pl_chart_pages_draw_page  (PlChartPages *pages, cairo_t *cr, guint page);
/* Where page @page's chart was drawn (for tests: proportions, no overlap with header or footer). */
void          pl_chart_pages_chart_rect (PlChartPages *pages, guint page, double *x, double *y, double *w, double *h);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlChartPages, pl_chart_pages_free)

G_END_DECLS

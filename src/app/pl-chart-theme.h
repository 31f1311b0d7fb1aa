/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-chart-style.h"

G_BEGIN_DECLS

/* The chart style that suits @widget's theme: the dark style when its text is light. */
const PlChartStyle *pl_chart_theme_for_widget (GtkWidget *widget);

/* Charts are drawn with fixed text sizes; at a larger text scale (200 % for a reader with low
 * vision) the whole chart is zoomed so that its text grows with the window's. */

/* Grows @area's content size by the user's text scale, and again whenever the scale changes;
 * call once, after the size was set. */
void pl_chart_theme_grow_with_text (GtkDrawingArea *area);
/* Keeps the width pl_chart_theme_grow_with_text() gives @area to @most pixels at any scale:
 * for a chart that takes its page's width anyway and must not ask more than a narrow window. */
void pl_chart_theme_limit_width (GtkDrawingArea *area, int most);
/* Zooms @cr by the user's text scale and shrinks *@width and *@height to the size to draw in,
 * from a draw function, before drawing the chart. */
void pl_chart_theme_zoom (cairo_t *cr, int *width, int *height);

G_END_DECLS

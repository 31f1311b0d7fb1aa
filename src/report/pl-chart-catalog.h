/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-chart-style.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* Every chart Pilote draws, by a short name (for the command line and export menus), with
 * the size it reads best at; drawn or written to PNG, SVG or PDF with Cairo and Pango only,
 * so that a program with no display can make them. */

typedef struct {
  const char *name;   /* "chain", "funnel", ... */
  const char *title;  /* marked for translation, to pass through gettext */
} PlChartKind;

/* The charts, in menu order (@n set to their number). */
const PlChartKind *pl_chart_catalog_list   (guint *n);
/* The chart named @name, or NULL. */
const PlChartKind *pl_chart_catalog_lookup (const char *name);
/* The size in points chart @name of @plan reads best at (the KPI chain and the timeline grow
 * with the plan). FALSE with @error when the plan cannot show it (a radar without answers). */
gboolean           pl_chart_catalog_size   (PlPlan *plan, const char *name, double *width, double *height,
                                            GError **error);
/* Draws chart @name of @plan as of @today (a Julian day, for the dashboard's "to date") at
 * @width x @height. Returns its text summary, or NULL with @error. */
char              *pl_chart_catalog_draw   (PlPlan *plan, const char *name, guint32 today, cairo_t *cr,
                                            double width, double height, const PlChartStyle *style,
                                            GError **error);
/* Writes chart @name at its size to @path: PNG (@scale times the pixels, for high-density
 * screens), SVG or PDF by the file's extension. The file is replaced whole or not at all. */
gboolean           pl_chart_catalog_export (PlPlan *plan, const char *name, guint32 today, const char *path,
                                            double scale, GError **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-chart-style.h"
#include "pl-paper.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* Every chart Pilote draws, one row of a table each: its short name (for the command line,
 * the menus' actions and file names), its title, the size it reads best at, how it is drawn,
 * summed up in sentences, shown as a table of figures and cut into printed pages. Drawn or
 * written to PNG, SVG or PDF with Cairo and Pango only, so that a program with no display can
 * make them. Adding a chart is adding a row to the table (pl-chart-catalog.c). */

struct _PlChartKind
{
  const char *name;    /* "chain", "funnel", ... */
  const char *title;   /* marked for translation, to pass through gettext */
  const char *page;    /* the window's page that prints it with its others ("budget"), or NULL */
  double      width;   /* the size in points it reads best at, unless @size says otherwise */
  double      height;
  /* The size for @plan when it grows with the plan; FALSE with @error when @plan cannot show
   * it. NULL: always @width x @height. */
  gboolean  (*size)      (PlPlan *plan, double *width, double *height, GError **error);
  /* Draws it as of @today (a Julian day) at @width x @height; returns its sentences joined
   * (pl_chart_sentences_join()), or NULL with @error. */
  char     *(*draw)      (PlPlan *plan, guint32 today, cairo_t *cr, double width, double height,
                          const PlChartStyle *style, GError **error);
  /* The sentences @draw would sum up in at @width x @height, without drawing; NULL with @error. */
  char    **(*sentences) (PlPlan *plan, guint32 today, double width, double height, const PlChartStyle *style,
                          GError **error);
  /* Appends its table of figures to @rows, the column titles first (pl-chart-rows.h). NULL:
   * the table is its sentences, one a row. */
  void      (*rows)      (PlPlan *plan, guint32 today, GPtrArray *rows);
  /* On paper: appends the pieces it takes in boxes of @width x @height points, FALSE when
   * @plan cannot show it. NULL: one piece, scaled to fit (pl_chart_pieces_add()). */
  gboolean  (*pieces)    (const PlChartKind *kind, PlPlan *plan, PlTimelineLayout **timeline, double width,
                          double height, gboolean split, GArray *pieces);
  /* Draws @piece at its own size from the origin of @cr. NULL: the whole chart, moved so
   * that the piece's part is in view. */
  void      (*draw_piece) (const PlChartPiece *piece, PlPlan *plan, PlTimelineLayout *timeline, guint32 today,
                           const PlChartStyle *style, cairo_t *cr);
};

/* The charts, in menu order (@n set to their number). */
const PlChartKind *pl_chart_catalog_list      (guint *n);
/* The chart named @name, or NULL. */
const PlChartKind *pl_chart_catalog_lookup    (const char *name);
/* The size in points chart @name of @plan reads best at (the KPI chain and the timeline grow
 * with the plan). FALSE with @error when the plan cannot show it (a radar without answers). */
gboolean           pl_chart_catalog_size      (PlPlan *plan, const char *name, double *width, double *height,
                                               GError **error);
/* Draws chart @name of @plan as of @today (a Julian day, for the dashboard's "to date") at
 * @width x @height. Returns its text summary, or NULL with @error. */
char              *pl_chart_catalog_draw      (PlPlan *plan, const char *name, guint32 today, cairo_t *cr,
                                               double width, double height, const PlChartStyle *style,
                                               GError **error);
/* The summary of chart @name at its size, sentence by sentence (a new NULL-terminated array),
 * without drawing it; NULL with @error when the plan cannot show it. */
char             **pl_chart_catalog_sentences (PlPlan *plan, const char *name, guint32 today,
                                               const PlChartStyle *style, GError **error);
/* The figures of chart @name as a table, for people who cannot see it: an array of rows, each
 * a NULL-terminated array of strings, the first row the column titles. A chart without a
 * table of its own gives its summary, a sentence a row (or why the plan cannot show it). */
GPtrArray         *pl_chart_catalog_rows      (PlPlan *plan, const char *name, guint32 today);
typedef enum {
  PL_CHART_PNG,
  PL_CHART_SVG,
  PL_CHART_PDF,
} PlChartFormat;

/* Chart @name at its size as a file's bytes in @format (a PNG of @scale times the pixels), to
 * put on the clipboard; NULL with @error when the plan cannot show it. */
GBytes            *pl_chart_catalog_render    (PlPlan *plan, const char *name, guint32 today, PlChartFormat format,
                                               double scale, GError **error);
/* Writes chart @name at its size to @path: PNG (@scale times the pixels, for high-density
 * screens), SVG or PDF by the file's extension. The file is replaced whole or not at all. */
gboolean           pl_chart_catalog_export    (PlPlan *plan, const char *name, guint32 today, const char *path,
                                               double scale, GError **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-chart-style.h"
#include "pl-plan.h"
#include "pl-timeline-chart.h"

G_BEGIN_DECLS

/* What every printed page shares: its frame (a header with the plan's title, what is
 * printed and the day; a footer with the organisation and the page number), and charts cut
 * to the page: drawn again as vectors in their own proportions, a timeline going on over
 * several pages with its time axis and row labels repeated. */

#define PL_PAPER_HEADER_H 34.0
#define PL_PAPER_FOOTER_H 26.0

/* The logo in the running header fits this box, in points, keeping its proportions: a
 * banner as wide as the box, the plan's title whole beside it. */
#define PL_PAPER_HEADER_LOGO_W 96.0
#define PL_PAPER_HEADER_LOGO_H 14.0
/* A logo is never drawn larger than this many times its size in pixels at 72 dpi: a small
 * image stays small rather than blown up into a blurred square. */
#define PL_PAPER_LOGO_MAX_ENLARGE 2.0

/* Draws the header and footer of page @page (from 0) of @n_pages on paper @width x @height
 * points with @margin all round; @what says what is printed ("Budget"). */
void     pl_paper_draw_frame (cairo_t *cr, PlPlan *plan, const char *what, guint32 today, guint page,
                              guint n_pages, double width, double height, double margin);
/* The same with @logo (or none when NULL) small before the plan's title. */
void     pl_paper_draw_frame_with_logo (cairo_t *cr, PlPlan *plan, cairo_surface_t *logo, const char *what,
                                        guint32 today, guint page, guint n_pages, double width, double height,
                                        double margin);
/* The plan's logo (pl_report_dup_logo()) as an image, or NULL when it has none or its PNG
 * cannot be read. */
cairo_surface_t *pl_paper_logo_new  (PlPlan *plan);
/* The size @logo is drawn at in a box of @max_width x @max_height: its proportions kept, at
 * most PL_PAPER_LOGO_MAX_ENLARGE times its pixel size (0 x 0 with no logo). */
void     pl_paper_logo_size  (cairo_surface_t *logo, double max_width, double max_height, double *width,
                              double *height);
/* Draws @logo at pl_paper_logo_size() in @max_width x @max_height, from @x and centred on
 * the box's height; returns the width it took (0 with no logo). */
double   pl_paper_draw_logo  (cairo_t *cr, cairo_surface_t *logo, double x, double y, double max_width,
                              double max_height);

typedef struct _PlChartKind PlChartKind;  /* pl-chart-catalog.h */

/* One page's share of a chart: all of it, or for the timeline some rows and months. */
typedef struct {
  const PlChartKind *kind;
  double      width, height;   /* the size it is drawn at, in its own units */
  double      scale;           /* units to points */
  double      scroll;          /* timeline: rows scrolled past */
  double      offset;          /* KPI chain: units scrolled across, its whole width being @full */
  double      full;
  guint32     from, to;        /* timeline: the days shown; KPI chain: its layers [from, to) */
} PlChartPiece;

/* Appends to @pieces the pieces chart @kind of @plan takes in boxes of @width x @height
 * points: one for most charts, scaled to fit, or as the chart's own cutting says (the
 * timeline's below, the KPI chain's in pl-chain-paper.h). *@timeline is laid out on first need and kept for
 * drawing. FALSE when the plan cannot show the chart (a radar with no answers). */
gboolean pl_chart_pieces_add (PlPlan *plan, PlTimelineLayout **timeline, const PlChartKind *kind, double width,
                              double height, gboolean split, GArray *pieces);
/* Draws @piece with its top left corner at (@x, @y), clipped to its size. */
void     pl_chart_piece_draw (const PlChartPiece *piece, PlPlan *plan, PlTimelineLayout *timeline, guint32 today,
                              const PlChartStyle *style, cairo_t *cr, double x, double y);

/* The timeline's pieces: it fills the width and goes on over as many boxes as its rows
 * need, a quarter at a time when @split (PlChartKind.pieces). */
gboolean pl_paper_timeline_pieces     (const PlChartKind *kind, PlPlan *plan, PlTimelineLayout **timeline,
                                       double width, double height, gboolean split, GArray *pieces);
/* Draws a piece of the timeline: its rows and days (PlChartKind.draw_piece). */
void     pl_paper_timeline_piece_draw (const PlChartPiece *piece, PlPlan *plan, PlTimelineLayout *timeline,
                                       guint32 today, const PlChartStyle *style, cairo_t *cr);

/* A file Cairo's stream surfaces write into, that replaces the old one whole when closed
 * after a good write, and leaves it as it was otherwise (a full disk loses nothing). */
typedef struct _PlPaperFile PlPaperFile;

/* Opens @path for writing; NULL with @error when it cannot be created. */
PlPaperFile   *pl_paper_file_open  (const char *path, GError **error);
/* The cairo_write_func_t of the stream surfaces, @file being their closure. */
cairo_status_t pl_paper_file_write (void *file, const unsigned char *data, unsigned int length);
/* Frees @file; with @ok and no write error the new file takes the old one's place (FALSE
 * with @error when that fails); without, the old file stays and a write error is reported. */
gboolean       pl_paper_file_close (PlPaperFile *file, gboolean ok, GError **error);

G_END_DECLS

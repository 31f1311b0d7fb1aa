/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-chart-pages"
#include "config.h"

#include "pl-chart-catalog.h"
#include "pl-chart-pages.h"
#include "pl-paper.h"

struct _PlChartPages
{
  PlPlan           *plan;
  char             *title;
  guint32           today;
  double            width, height, margin;
  GArray           *pages;  /* PlChartPiece, one a page */
  PlTimelineLayout *timeline;
};

PlChartPages *
pl_chart_pages_new (PlPlan *plan, const char * const *charts, const char *title, guint32 today, double width,
                    double height, double margin, gboolean split_timeline)
{
  PlChartPages *self = g_new0 (PlChartPages, 1);

  self->plan = g_object_ref (plan);
  self->title = g_strdup (title);
  self->today = today;
  self->width = width;
  self->height = height;
  self->margin = margin;
  self->pages = g_array_new (FALSE, TRUE, sizeof (PlChartPiece));
  for (guint i = 0; charts[i] != NULL; i++)
    /* A chart the plan cannot show (a radar with no answers) has no page. */
    pl_chart_pieces_add (plan, &self->timeline, pl_chart_catalog_lookup (charts[i]), width - 2 * margin,
                         height - 2 * margin - PL_PAPER_HEADER_H - PL_PAPER_FOOTER_H, split_timeline, self->pages);
  return self;
}

void
pl_chart_pages_free (PlChartPages *pages)
{
  if (pages == NULL)
    return;
  g_object_unref (pages->plan);
  g_free (pages->title);
  g_array_unref (pages->pages);
  g_clear_pointer (&pages->timeline, pl_timeline_layout_free);
  g_free (pages);
}

guint
pl_chart_pages_get_n_pages (PlChartPages *pages)
{
  return pages->pages->len;
}

void
pl_chart_pages_chart_rect (PlChartPages *pages, guint page, double *x, double *y, double *w, double *h)
{
  const PlChartPiece *p = &g_array_index (pages->pages, PlChartPiece, page);

  *w = p->width * p->scale;
  *h = p->height * p->scale;
  /* Centred across, from the top: a short chart does not float mid-page. */
  *x = pages->margin + (pages->width - 2 * pages->margin - *w) / 2;
  *y = pages->margin + PL_PAPER_HEADER_H;
}

void
pl_chart_pages_draw_page (PlChartPages *pages, cairo_t *cr, guint page)
{
  double x, y, w, h;

  g_return_if_fail (page < pages->pages->len);
  pl_paper_draw_frame (cr, pages->plan, pages->title, pages->today, page, pages->pages->len, pages->width,
                       pages->height, pages->margin);
  pl_chart_pages_chart_rect (pages, page, &x, &y, &w, &h);
  pl_chart_piece_draw (&g_array_index (pages->pages, PlChartPiece, page), pages->plan, pages->timeline,
                       pages->today, pl_chart_style_light (), cr, x, y);
}

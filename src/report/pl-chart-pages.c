/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-chart-pages"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-calendar.h"
#include "pl-chart-catalog.h"
#include "pl-chart-draw.h"
#include "pl-chart-pages.h"
#include "pl-timeline-chart.h"

#define HEADER_H 34.0
#define FOOTER_H 26.0
/* A split timeline shows a quarter a page: days a few millimetres wide. */
#define SPLIT_MONTHS 3

typedef struct {
  const char *chart;        /* catalogue name */
  double      width, height;  /* the size it is drawn at, in its own units */
  double      scale;        /* units to points */
  double      scroll;       /* timeline: rows scrolled past */
  guint32     from, to;     /* timeline: the days shown */
} Page;

struct _PlChartPages
{
  PlPlan           *plan;
  char             *title;
  guint32           today;
  double            width, height, margin;
  GArray           *pages;  /* Page */
  GStrv             charts;
  PlTimelineLayout *timeline;
};

/* The area under the header and over the footer. */
static void
content_box (PlChartPages *self, double *x, double *y, double *w, double *h)
{
  *x = self->margin;
  *y = self->margin + HEADER_H;
  *w = self->width - 2 * self->margin;
  *h = self->height - 2 * self->margin - HEADER_H - FOOTER_H;
}

static guint32
month_after (guint32 day, guint months)
{
  GDate date;
  g_date_set_julian (&date, day);
  g_date_add_months (&date, months);
  return g_date_get_julian (&date);
}

static void
add_timeline_pages (PlChartPages *self, const char *chart, gboolean split)
{
  double x, y, w, h;
  double chart_w = 1400, scale, rows_h, total;
  guint32 start = pl_plan_get_start (self->plan), end = pl_plan_get_end (self->plan);

  content_box (self, &x, &y, &w, &h);
  if (self->timeline == NULL)
    self->timeline = pl_timeline_layout_new (self->plan, PL_LANES_CHANNEL);
  scale = w / chart_w;
  /* Whole rows a page, under the repeated axis. */
  rows_h = MAX (1, floor ((h / scale - PL_TIMELINE_AXIS_H) / PL_TIMELINE_ROW_H)) * PL_TIMELINE_ROW_H;
  total = pl_timeline_layout_height (self->timeline);
  for (guint32 from = start; from < end; from = split ? month_after (from, SPLIT_MONTHS) : end)
    for (double scroll = 0; scroll < MAX (total, 1); scroll += rows_h)
      {
        Page page = { chart, chart_w, PL_TIMELINE_AXIS_H + rows_h, scale, scroll, from,
                      split ? MIN (month_after (from, SPLIT_MONTHS), end) : end };
        g_array_append_val (self->pages, page);
      }
}

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
  self->charts = g_strdupv ((char **) charts);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  for (guint i = 0; self->charts[i] != NULL; i++)
    {
      const char *chart = self->charts[i];
      double natural_w, natural_h, x, y, w, h;

      if (g_str_equal (chart, "timeline"))
        {
          add_timeline_pages (self, chart, split_timeline);
          continue;
        }
      /* A chart the plan cannot show (a radar with no answers) has no page. */
      if (!pl_chart_catalog_size (plan, chart, &natural_w, &natural_h, NULL))
        continue;
      content_box (self, &x, &y, &w, &h);
      g_array_append_vals (self->pages, &(Page) { chart, natural_w, natural_h, MIN (w / natural_w, h / natural_h), 0, 0, 0 }, 1);
    }
  return self;
}

void
pl_chart_pages_free (PlChartPages *pages)
{
  if (pages == NULL)
    return;
  g_object_unref (pages->plan);
  g_free (pages->title);
  g_strfreev (pages->charts);
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
  const Page *p = &g_array_index (pages->pages, Page, page);
  double cx, cy, cw, ch;

  content_box (pages, &cx, &cy, &cw, &ch);
  *w = p->width * p->scale;
  *h = p->height * p->scale;
  /* Centred across, from the top: a short chart does not float mid-page. */
  *x = cx + (cw - *w) / 2;
  *y = cy;
}

static void
draw_header_footer (PlChartPages *self, cairo_t *cr, guint page)
{
  const PlChartStyle *style = pl_chart_style_light ();
  g_autoptr(PangoLayout) text = pl_chart_text_new (cr, style, 9);
  g_autoptr(PangoLayout) bold = pl_chart_text_new (cr, style, 10);
  double w = self->width - 2 * self->margin;
  g_autofree char *printed = NULL;
  g_autofree char *numbers = NULL;
  const char *organisation = pl_item_get_string (PL_ITEM (pl_plan_get_metadata (self->plan)), PL_METADATA_ORGANISATION);
  GDate date;
  char day[64];

  {
    PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (bold));
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description (bold, font);
    pango_font_description_free (font);
  }
  g_date_set_julian (&date, self->today);
  g_date_strftime (day, sizeof day, "%e %B %Y", &date);
  /* Translators: in a printed page's header: the day it was printed */
  printed = g_strdup_printf (_("Printed %s"), g_strstrip (day));
  pl_chart_set_color (cr, &style->text, 1);
  pl_chart_text (cr, bold, pl_plan_get_title (self->plan), self->margin, self->margin, w * 0.4, PANGO_ALIGN_LEFT);
  pl_chart_set_color (cr, &style->muted, 1);
  pl_chart_text (cr, text, self->title, self->margin + w * 0.3, self->margin + 1, w * 0.4, PANGO_ALIGN_CENTER);
  pl_chart_text (cr, text, printed, self->margin + w * 0.6, self->margin + 1, w * 0.4, PANGO_ALIGN_RIGHT);
  pl_chart_set_color (cr, &style->muted, 0.5);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, self->margin, self->margin + HEADER_H - 12);
  cairo_line_to (cr, self->margin + w, self->margin + HEADER_H - 12);
  cairo_stroke (cr);

  /* Translators: a printed page's number, then how many there are */
  numbers = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  pl_chart_set_color (cr, &style->muted, 1);
  if (organisation != NULL)
    pl_chart_text (cr, text, organisation, self->margin, self->height - self->margin - 12, w * 0.6, PANGO_ALIGN_LEFT);
  pl_chart_text (cr, text, numbers, self->margin + w * 0.6, self->height - self->margin - 12, w * 0.4, PANGO_ALIGN_RIGHT);
}

void
pl_chart_pages_draw_page (PlChartPages *pages, cairo_t *cr, guint page)
{
  const Page *p;
  double x, y, w, h;

  g_return_if_fail (page < pages->pages->len);
  p = &g_array_index (pages->pages, Page, page);
  draw_header_footer (pages, cr, page);
  pl_chart_pages_chart_rect (pages, page, &x, &y, &w, &h);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, p->scale, p->scale);
  if (g_str_equal (p->chart, "timeline"))
    {
      PlTimelineOptions options = { p->from, p->to, pages->today, p->scroll, -1 };
      options.preview_row = options.preview_lane = -1;
      g_free (pl_timeline_chart_draw (pages->plan, pages->timeline, &options, cr, p->width, p->height,
                                      pl_chart_style_light ()));
    }
  else
    g_free (pl_chart_catalog_draw (pages->plan, p->chart, pages->today, cr, p->width, p->height,
                                   pl_chart_style_light (), NULL));
  cairo_restore (cr);
}

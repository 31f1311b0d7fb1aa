/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-radar-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-chart-draw.h"
#include "pl-radar-chart.h"

/* Room around the circle for the titles: they sit outside it, beside their axis. */
#define LABEL_W  118.0
#define LABEL_H  40.0
#define FONT     12.0

static double
radius (double width, double height)
{
  return MAX (10, MIN (width / 2 - LABEL_W - 8, height / 2 - LABEL_H));
}

static double
angle (guint n, guint index)
{
  /* The first axis points up, the others follow clockwise. */
  return -G_PI / 2 + 2 * G_PI * index / MAX (n, 1);
}

void
pl_radar_chart_vertex (guint n, guint index, double score, double width, double height, double *x, double *y)
{
  double r = radius (width, height) * (isnan (score) ? 0 : CLAMP (score, 0, 100)) / 100;

  *x = width / 2 + r * cos (angle (n, index));
  *y = height / 2 + r * sin (angle (n, index));
}

/* The box of axis @index's title: beside the axis end, on the side it points to. */
static cairo_rectangle_t
label_box (PangoLayout *layout, const char *title, guint n, guint index, double width, double height)
{
  double a = angle (n, index), r = radius (width, height) + 10;
  double ax = width / 2 + r * cos (a), ay = height / 2 + r * sin (a);
  cairo_rectangle_t box;
  int w, h;

  pango_layout_set_width (layout, (int) (LABEL_W * PANGO_SCALE));
  pango_layout_set_text (layout, title, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  box.width = w;
  box.height = h;
  /* Right of the circle: start at the axis; left: end at it; top and bottom: centred. */
  if (cos (a) > 0.2)
    box.x = ax;
  else if (cos (a) < -0.2)
    box.x = ax - w;
  else
    box.x = ax - w / 2.0;
  if (sin (a) > 0.2)
    box.y = ay;
  else if (sin (a) < -0.2)
    box.y = ay - h;
  else
    box.y = ay - h / 2.0;
  return box;
}

static PangoLayout *
label_layout (cairo_t *cr, const PlChartStyle *style)
{
  PangoLayout *layout = pl_chart_text_new (cr, style, FONT);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  return layout;
}

GArray *
pl_radar_chart_label_boxes (const PlQuestionnaire *questionnaire, cairo_t *cr, double width, double height,
                            const PlChartStyle *style)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  g_autoptr(PangoLayout) layout = label_layout (cr, style);
  guint n = questionnaire->dimensions->len;

  for (guint i = 0; i < n; i++)
    {
      cairo_rectangle_t box = label_box (layout, ((PlDimension *) questionnaire->dimensions->pdata[i])->title,
                                         n, i, width, height);
      g_array_append_val (boxes, box);
    }
  return boxes;
}

static void
polygon (cairo_t *cr, const double *scores, guint n, double width, double height)
{
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      double x, y;
      pl_radar_chart_vertex (n, i, scores[i], width, height, &x, &y);
      cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

char **
pl_radar_chart_sentences (const PlQuestionnaire *questionnaire, const PlMaturity *current, const PlMaturity *previous)
{
  g_autoptr(GArray) strong = current != NULL ? pl_maturity_order (current, FALSE) : NULL;
  g_autoptr(GArray) weak = current != NULL ? pl_maturity_order (current, TRUE) : NULL;
  g_autoptr(GStrvBuilder) sentences = NULL;
  const PlDimension *strongest, *weakest;
  g_autofree char *overall = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *before = NULL;

  if (current == NULL || strong->len == 0)
    return pl_chart_sentence (g_strdup (_("No answer yet: the radar is empty.")));
  strongest = questionnaire->dimensions->pdata[g_array_index (strong, guint, 0)];
  weakest = questionnaire->dimensions->pdata[g_array_index (weak, guint, 0)];
  sentences = g_strv_builder_new ();
  /* Translators: the overall score, then the persona */
  overall = g_strdup_printf (_("Overall %.0f out of 100: %s."), current->overall,
                             current->persona ? current->persona->name : "");
  g_strv_builder_add (sentences, overall);
  ends = g_strdup_printf (_("Strongest: %s (%.0f); weakest: %s (%.0f)."), strongest->title,
                          current->scores[g_array_index (strong, guint, 0)], weakest->title,
                          current->scores[g_array_index (weak, guint, 0)]);
  g_strv_builder_add (sentences, ends);
  if (previous != NULL && !isnan (previous->overall))
    {
      before = g_strdup_printf (_("The previous round scored %.0f."), previous->overall);
      g_strv_builder_add (sentences, before);
    }
  return g_strv_builder_end (sentences);
}

char *
pl_radar_chart_draw (const PlQuestionnaire *questionnaire, const PlMaturity *current, const PlMaturity *previous,
                     cairo_t *cr, double width, double height, const PlChartStyle *style)
{
  guint n = questionnaire->dimensions->len;
  double cx = width / 2, cy = height / 2, r = radius (width, height);
  g_autoptr(PangoLayout) labels = label_layout (cr, style);
  g_autoptr(PangoLayout) small = pl_chart_text_new (cr, style, 10);
  static const double dash[] = { 4, 4 };
  const PlColor *accent = pl_chart_series_color (style, 0);

  pl_chart_set_color (cr, &style->background, 1);
  cairo_paint (cr);
  /* Rings and axes. */
  cairo_set_line_width (cr, 1);
  for (int ring = 1; ring <= 4; ring++)
    {
      pl_chart_set_color (cr, &style->muted, 0.25);
      cairo_new_path (cr);
      for (guint i = 0; i <= n; i++)
        {
          double x, y;
          pl_radar_chart_vertex (n, i % n, ring * 25, width, height, &x, &y);
          cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
    }
  for (guint i = 0; i < n; i++)
    {
      double x, y;
      pl_radar_chart_vertex (n, i, 100, width, height, &x, &y);
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, x, y);
      cairo_stroke (cr);
    }
  /* The personas' bars, as dashed circles named on the upward axis. */
  for (guint p = 0; p < questionnaire->personas->len; p++)
    {
      const PlPersona *persona = questionnaire->personas->pdata[p];
      double pr = r * persona->min_overall / 100;

      if (persona->min_overall <= 0)
        continue;
      pl_chart_set_color (cr, &style->muted, 0.8);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_arc (cr, cx, cy, pr, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  /* The spread between respondents, then the rounds. */
  if (current != NULL && current->n_respondents > 1)
    {
      pl_chart_set_color (cr, accent, 0.12);
      polygon (cr, current->highest, n, width, height);
      cairo_fill (cr);
      pl_chart_set_color (cr, &style->background, 0.6);
      polygon (cr, current->lowest, n, width, height);
      cairo_fill (cr);
    }
  if (previous != NULL)
    {
      pl_chart_set_color (cr, &style->muted, 0.9);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash, 2, 0);
      polygon (cr, previous->scores, n, width, height);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  if (current != NULL)
    {
      pl_chart_set_color (cr, accent, 0.25);
      polygon (cr, current->scores, n, width, height);
      cairo_fill_preserve (cr);
      pl_chart_set_color (cr, accent, 1);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
      for (guint i = 0; i < n; i++)
        {
          double x, y;
          if (isnan (current->scores[i]))
            continue;
          pl_radar_chart_vertex (n, i, current->scores[i], width, height, &x, &y);
          cairo_arc (cr, x, y, 3.5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
  /* The personas' names over the shapes, on a halo of the background, so that a round's
   * outline never runs through them. */
  for (guint p = 0; p < questionnaire->personas->len; p++)
    {
      const PlPersona *persona = questionnaire->personas->pdata[p];
      double pr = r * persona->min_overall / 100;
      int name_w, name_h;

      if (persona->min_overall <= 0)
        continue;
      pango_layout_set_width (small, -1);
      pango_layout_set_text (small, persona->name, -1);
      pango_layout_get_pixel_size (small, &name_w, &name_h);
      name_w = MIN (name_w, 120);
      pl_chart_set_color (cr, &style->background, 0.85);
      pl_chart_rounded_rect (cr, cx + 2, cy - pr - 13, name_w + 4, name_h, 3);
      cairo_fill (cr);
      pl_chart_set_color (cr, &style->muted, 1);
      pl_chart_text (cr, small, persona->name, cx + 4, cy - pr - 13, 120, PANGO_ALIGN_LEFT);
    }
  for (guint i = 0; i < n; i++)
    {
      const PlDimension *dimension = questionnaire->dimensions->pdata[i];
      cairo_rectangle_t box = label_box (labels, dimension->title, n, i, width, height);
      gboolean rated = current != NULL && !isnan (current->scores[i]);
      double a = angle (n, i);

      pango_layout_set_alignment (labels, cos (a) > 0.2 ? PANGO_ALIGN_LEFT : cos (a) < -0.2 ? PANGO_ALIGN_RIGHT
                                                                                          : PANGO_ALIGN_CENTER);
      pl_chart_set_color (cr, rated ? &style->text : &style->muted, 1);
      cairo_move_to (cr, box.x, box.y);
      pango_cairo_show_layout (cr, labels);
    }

  /* What each shape is, in the bottom-left corner, which the axis titles leave free. */
  {
    PlChartLegendItem items[3];
    guint n_items = 0;
    double legend_w = MIN (220, width / 3);

    if (current != NULL)
      items[n_items++] = (PlChartLegendItem) { _("This round"), accent, 1, PL_CHART_MARK_LINE };
    if (previous != NULL)
      items[n_items++] = (PlChartLegendItem) { _("Previous round"), &style->muted, 0.9, PL_CHART_MARK_DASHED };
    if (current != NULL && current->n_respondents > 1)
      items[n_items++] = (PlChartLegendItem) { _("Range between respondents"), accent, 0.12, PL_CHART_MARK_BAND };
    /* One series needs no key. */
    if (n_items > 1)
      {
        double legend_h = pl_chart_legend_height (style, 10, items, n_items, 0, legend_w);
        pl_chart_legend (cr, small, style, items, n_items, 4, height - legend_h - 4, legend_w);
      }
  }
  return pl_chart_sentences_join (pl_radar_chart_sentences (questionnaire, current, previous));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The campaign timeline: lanes, a row per campaign, bar positions in proportion to the dates,
 * only the rows in view drawn; light and dark PNGs to look at. */
#include <glib.h>
#include <math.h>

#include "pl-chart-draw.h"
#include "pl-test-charts.h"
#include "pl-timeline-chart.h"

#define WIDTH  1400
#define HEIGHT 620

static void
test_example (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlTimelineLayout) layout = pl_timeline_layout_new (plan, PL_LANES_CHANNEL);
  PlTimelineOptions options = { pl_plan_get_start (plan), pl_plan_get_end (plan), pl_plan_month_start (plan, 5) + 14, 0, 2 };
  const PlChartStyle *styles[] = { pl_chart_style_light (), pl_chart_style_dark () };
  const char *names[] = { "timeline-light.png", "timeline-dark.png" };
  double span = (double) (options.to - options.from), plot = WIDTH - PL_TIMELINE_LABEL_W;

  g_assert_cmpuint (layout->rows->len, ==, 13);
  /* Lanes in alphabetical order, rows by start within a lane. */
  for (guint i = 1; i < layout->lanes->len; i++)
    g_assert_cmpint (g_utf8_collate (layout->lanes->pdata[i - 1], layout->lanes->pdata[i]), <, 0);
  for (guint r = 1; r < layout->rows->len; r++)
    {
      const PlTimelineRow *a = &g_array_index (layout->rows, PlTimelineRow, r - 1), *b = &g_array_index (layout->rows, PlTimelineRow, r);
      g_assert_true (a->lane < b->lane || (a->lane == b->lane && a->start <= b->start));
    }
  for (guint s = 0; s < 2; s++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *png = g_test_build_filename (G_TEST_BUILT, names[s], NULL);
      g_autofree char *summary = pl_timeline_chart_draw (plan, layout, &options, cr, WIDTH, HEIGHT, styles[s]);

      cairo_surface_flush (surface);
      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_true (g_str_has_prefix (summary, "13 campaigns in "));
      for (guint r = 0; r < layout->rows->len; r++)
        {
          const PlTimelineRow *row = &g_array_index (layout->rows, PlTimelineRow, r);
          double x, y, w, h;

          if (!pl_timeline_chart_bar_rect (layout, &options, r, WIDTH, HEIGHT, &x, &y, &w, &h))
            continue;
          /* Start and length in proportion to the dates, a day being the plot's width over the period. */
          g_assert_cmpfloat (fabs (x - (PL_TIMELINE_LABEL_W + plot * (row->start - options.from) / span)), <, 1e-6);
          g_assert_cmpfloat (fabs (w - plot * (row->end + 1 - row->start) / span), <, 1e-6);
          /* Rows never share their band. */
          if (r > 0)
            {
              double px, py, pw, ph;
              if (pl_timeline_chart_bar_rect (layout, &options, r - 1, WIDTH, HEIGHT, &px, &py, &pw, &ph))
                g_assert_cmpfloat (py + ph, <=, y);
            }
          g_assert_cmpint (pl_timeline_chart_row_at (layout, &options, WIDTH, HEIGHT, x + 1, y + 1), ==, (int) r);
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  /* A campaign the schedule warns about has a warning sign before its name. */
  {
    g_autoptr(GHashTable) warned = g_hash_table_new (NULL, NULL);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
    cairo_t *cr = cairo_create (surface);
    const PlTimelineRow *first = &g_array_index (layout->rows, PlTimelineRow, 0);
    double top = PL_TIMELINE_AXIS_H + (first->lane + 1) * PL_TIMELINE_ROW_H;
    g_autofree char *summary = NULL;

    options.scroll = 0;
    summary = pl_timeline_chart_draw (plan, layout, &options, cr, WIDTH, HEIGHT, styles[0]);
    cairo_surface_flush (surface);
    g_assert_false (pl_test_charts_pixel_is (surface, 8, top + 17, &styles[0]->warning, &styles[0]->background, 1));
    g_hash_table_add (warned, first->campaign);
    options.warned = warned;
    g_free (pl_timeline_chart_draw (plan, layout, &options, cr, WIDTH, HEIGHT, styles[0]));
    cairo_surface_flush (surface);
    g_assert_true (pl_test_charts_pixel_is (surface, 8, top + 17, &styles[0]->warning, &styles[0]->background, 1));
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static void
add_campaign (PlPlan *plan, const char *id, guint32 start, const char *channel)
{
  g_autoptr(PlItem) item = g_object_new (PL_TYPE_CAMPAIGN, NULL);

  pl_item_set_id (item, id);
  pl_item_set_string (item, PL_CAMPAIGN_NAME, id);
  pl_item_set_julian (item, PL_CAMPAIGN_START, start);
  pl_item_set_julian (item, PL_CAMPAIGN_END, start + 10);
  pl_item_set_string (item, PL_CAMPAIGN_CHANNEL, channel);
  pl_plan_add (plan, item);
}

/* Rows by lane, then start, then the plan's order, whether the dates are close together
 * (counting sort) or spread over centuries (comparison sort); every campaign finds its row. */
static void
test_order (void)
{
  guint32 spreads[] = { 1, 40000 };

  for (guint s = 0; s < G_N_ELEMENTS (spreads); s++)
    {
      g_autoptr(PlPlan) plan = pl_plan_new ();
      g_autoptr(PlTimelineLayout) layout = NULL;
      const char *expected[] = { "e", "a", "c", "f", "d", "b" };
      guint32 base = 740000;

      add_campaign (plan, "a", base + 3 * spreads[s], "Email");
      add_campaign (plan, "b", base + 2 * spreads[s], "Search");
      add_campaign (plan, "c", base + 3 * spreads[s], "Email");
      add_campaign (plan, "d", base + 1 * spreads[s], "Search");
      add_campaign (plan, "e", base + 1 * spreads[s], "Email");
      add_campaign (plan, "f", base + 5 * spreads[s], "Email");
      layout = pl_timeline_layout_new (plan, PL_LANES_CHANNEL);
      g_assert_cmpuint (layout->rows->len, ==, G_N_ELEMENTS (expected));
      g_assert_cmpuint (layout->lane_first->len, ==, 2);
      g_assert_cmpuint (g_array_index (layout->lane_first, guint, 1), ==, 4);
      for (guint r = 0; r < layout->rows->len; r++)
        {
          PlItem *item = g_array_index (layout->rows, PlTimelineRow, r).campaign;
          g_assert_cmpstr (pl_item_get_id (item), ==, expected[r]);
          g_assert_cmpint (pl_timeline_layout_find_row (layout, item), ==, (int) r);
        }
      g_assert_cmpint (pl_timeline_layout_find_row (layout, NULL), ==, -1);
      /* Keeping only some campaigns drops the lanes left empty and renumbers the rest. */
      {
        g_autoptr(GHashTable) keep = g_hash_table_new (NULL, NULL);
        g_hash_table_add (keep, pl_plan_lookup (plan, "d"));
        g_hash_table_add (keep, pl_plan_lookup (plan, "b"));
        pl_timeline_layout_keep (layout, keep);
        g_assert_cmpuint (layout->rows->len, ==, 2);
        g_assert_cmpuint (layout->lanes->len, ==, 1);
        g_assert_cmpstr (layout->lanes->pdata[0], ==, "Search");
        g_assert_cmpuint (g_array_index (layout->lane_first, guint, 0), ==, 0);
        g_assert_cmpuint (g_array_index (layout->rows, PlTimelineRow, 1).lane, ==, 0);
        g_assert_cmpint (pl_timeline_layout_find_row (layout, pl_plan_lookup (plan, "b")), ==, 1);
        g_assert_cmpint (pl_timeline_layout_find_row (layout, pl_plan_lookup (plan, "a")), ==, -1);
      }
    }
}

static void
on_label_cb (const char *text, PlChartLabel kind, gboolean cut, gpointer data)
{
  g_ptr_array_add (data, g_strdup_printf ("%d:%s", kind, text));
}

/* The labels drawn by the timeline of @plan shown from @from to @to as of @today, kind and
 * text ("1:Today"), with its legend. */
static GPtrArray *
labels_drawn (PlPlan *plan, guint32 from, guint32 to, guint32 today)
{
  g_autoptr(PlTimelineLayout) layout = pl_timeline_layout_new (plan, PL_LANES_CHANNEL);
  PlTimelineOptions options = { from, to, today, 0, -1 };
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  options.preview_row = options.preview_lane = -1;
  options.legend = TRUE;
  pl_chart_set_text_hook (on_label_cb, labels);
  g_free (pl_timeline_chart_draw (plan, layout, &options, cr, WIDTH, HEIGHT, pl_chart_style_light ()));
  pl_chart_set_text_hook (NULL, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return labels;
}

static gboolean
has (GPtrArray *labels, PlChartLabel kind, const char *text)
{
  g_autofree char *wanted = g_strdup_printf ("%d:%s", kind, text);
  return g_ptr_array_find_with_equal_func (labels, wanted, g_str_equal, NULL);
}

/* Today is a line named "Today" when its day is shown, and the legend says so; not when the
 * days shown are before or after it. */
static void
test_today (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  guint32 start = pl_plan_get_start (plan), end = pl_plan_get_end (plan), june = pl_plan_month_start (plan, 5) + 14;
  g_autoptr(GPtrArray) shown = labels_drawn (plan, start, end, june);
  g_autoptr(GPtrArray) later = labels_drawn (plan, start, pl_plan_month_start (plan, 3), june);
  g_autoptr(GPtrArray) before = labels_drawn (plan, start, end, start - 30);

  g_assert_true (has (shown, PL_CHART_LABEL_AXIS, "Today"));
  g_assert_true (has (shown, PL_CHART_LABEL_LEGEND, "Today"));
  g_assert_true (has (shown, PL_CHART_LABEL_LEGEND, "Planned"));
  g_assert_true (has (shown, PL_CHART_LABEL_LEGEND, "Review"));
  g_assert_false (has (later, PL_CHART_LABEL_AXIS, "Today"));
  g_assert_false (has (later, PL_CHART_LABEL_LEGEND, "Today"));
  g_assert_false (has (before, PL_CHART_LABEL_AXIS, "Today"));
  /* The rest of the legend stays. */
  g_assert_true (has (later, PL_CHART_LABEL_LEGEND, "Running"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline/example", test_example);
  g_test_add_func ("/timeline/order", test_order);
  g_test_add_func ("/timeline/today", test_today);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar's month view: the grid of weeks, overlapping items in separate rows, bars
 * placed by their days; light and dark PNGs to look at. */
#include <glib.h>
#include <math.h>

#include "pl-enums.h"
#include "pl-month-chart.h"
#include "pl-test-charts.h"

#define WIDTH  1100
#define HEIGHT 640

static void
test_march (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  guint32 march = pl_plan_month_start (plan, 2);
  g_autoptr(GArray) bars = pl_month_chart_bars (plan, march);
  const PlChartStyle *styles[] = { pl_chart_style_light (), pl_chart_style_dark () };
  const char *names[] = { "month-light.png", "month-dark.png" };

  /* March 2027 starts on a Monday and needs five weeks. */
  g_assert_cmpuint (pl_month_chart_weeks (march), ==, 5);
  g_assert_cmpuint (pl_month_chart_weeks (pl_plan_month_start (plan, 1)), ==, 4);
  g_assert_cmpuint (bars->len, >, 20);
  for (guint i = 0; i < bars->len; i++)
    {
      const PlMonthBar *a = &g_array_index (bars, PlMonthBar, i);
      double x, y, w, h;

      pl_month_chart_bar_rect (a, march, 5, WIDTH, HEIGHT, &x, &y, &w, &h);
      /* Placed by its days: a seventh of the width a day. */
      g_assert_cmpfloat (fabs (x - (WIDTH / 7.0 * (a->start - (march + 7 * a->week)) + 2)), <, 1e-9);
      g_assert_cmpfloat (fabs (w - (WIDTH / 7.0 * (a->end - a->start + 1) - 4)), <, 1e-9);
      /* Two items sharing a day of the same week never share a row. */
      for (guint j = i + 1; j < bars->len; j++)
        {
          const PlMonthBar *b = &g_array_index (bars, PlMonthBar, j);
          if (a->week == b->week && a->start <= b->end && b->start <= a->end)
            g_assert_cmpuint (a->lane, !=, b->lane);
        }
    }
  for (guint s = 0; s < 2; s++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *png = g_test_build_filename (G_TEST_BUILT, names[s], NULL);
      /* Light by status, dark by channel. */
      g_autoptr(PlCampaignPaint) paint = pl_campaign_paint_new (plan, s == 0 ? PL_COLOR_BY_STATUS : PL_COLOR_BY_CHANNEL);
      PlMonthOptions options = { march, paint, 0, 0 };
      g_autofree char *summary = pl_month_chart_draw (plan, &options, cr, WIDTH, HEIGHT, styles[s]);

      cairo_surface_flush (surface);
      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_true (g_str_has_prefix (summary, "March 2027: "));
      /* A running campaign's bar is filled with its colour (sampled in its last pixel column,
       * clear of its title). */
      for (guint i = 0; i < bars->len; i++)
        {
          const PlMonthBar *a = &g_array_index (bars, PlMonthBar, i);
          double x, y, w, h;

          if (!PL_IS_CAMPAIGN (a->item) || pl_item_get_int (a->item, PL_CAMPAIGN_STATUS) != PL_STATUS_RUNNING ||
              a->end >= march + 31 || !pl_month_chart_bar_rect (a, march, 5, WIDTH, HEIGHT, &x, &y, &w, &h))
            continue;
          g_assert_true (pl_test_charts_pixel_is (surface, x + w - 2, y + h / 2,
                                                  pl_campaign_paint_color (paint, a->item, styles[s]), &styles[s]->background, 0.85));
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* What is under the pointer: a day, a bar, a day's "+N more" and the items behind it. */
static void
test_hit (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  guint32 march = pl_plan_month_start (plan, 2);
  g_autoptr(GArray) bars = pl_month_chart_bars (plan, march);
  /* Short enough that some days are full. */
  double height = 360;
  double week_h = (height - 24) / 5;
  gboolean seen_more = FALSE;

  g_assert_cmpuint (pl_month_chart_day_at (march, WIDTH, height, 10, 10), ==, 0);
  /* The first cell is Monday 1 March; the third row's Wednesday is the 17th. */
  g_assert_cmpuint (pl_month_chart_day_at (march, WIDTH, height, 5, 24 + 5), ==, march);
  g_assert_cmpuint (pl_month_chart_day_at (march, WIDTH, height, WIDTH / 7.0 * 2.5, 24 + week_h * 2.5), ==, march + 16);
  for (guint i = 0; i < bars->len; i++)
    {
      double x, y, w, h;
      if (pl_month_chart_bar_rect (&g_array_index (bars, PlMonthBar, i), march, 5, WIDTH, height, &x, &y, &w, &h))
        g_assert_cmpint (pl_month_chart_bar_at (bars, march, WIDTH, height, x + w / 2, y + h / 2), ==, (int) i);
    }
  for (guint32 day = march; day < march + 31; day++)
    {
      guint column = (day - march) % 7, week = (day - march) / 7;
      g_autoptr(GPtrArray) items = pl_month_chart_items_on (bars, day);
      guint shown = 0, total = 0;
      guint32 found = 0;

      for (guint i = 0; i < bars->len; i++)
        {
          const PlMonthBar *a = &g_array_index (bars, PlMonthBar, i);
          double x, y, w, h;
          if (a->start <= day && a->end >= day)
            {
              total++;
              shown += pl_month_chart_bar_rect (a, march, 5, WIDTH, height, &x, &y, &w, &h);
            }
        }
      g_assert_cmpuint (items->len, ==, total);
      /* "+N more" sits at the bottom of a day's cell exactly when something is hidden. */
      g_assert_cmpint (pl_month_chart_more_at (bars, march, WIDTH, height, WIDTH / 7.0 * (column + 0.5),
                                               24 + week_h * (week + 1) - 4, &found), ==, shown < total);
      if (shown < total)
        {
          g_assert_cmpuint (found, ==, day);
          seen_more = TRUE;
        }
    }
  g_assert_true (seen_more);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/month/march", test_march);
  g_test_add_func ("/month/hit", test_hit);
  return g_test_run ();
}

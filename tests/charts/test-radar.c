/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The maturity radar: vertices at distances in proportion to the scores, the previous round
 * drawn behind, titles that neither overlap nor leave the surface at 5 to 12 axes. */
#include <glib.h>
#include <math.h>

#include "pl-chart-draw.h"
#include "pl-questionnaire-file.h"
#include "pl-radar-chart.h"
#include "pl-test-charts.h"

#define WIDTH  760
#define HEIGHT 520

static gboolean
intersect (const cairo_rectangle_t *a, const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
test_example (void)
{
  const PlQuestionnaire *questionnaire = pl_questionnaire_get_default ();
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(GPtrArray) rounds = pl_maturity_rounds (plan);
  g_autoptr(PlMaturity) previous = NULL, current = NULL;
  const PlChartStyle *styles[] = { pl_chart_style_light (), pl_chart_style_dark () };
  const char *names[] = { "radar-light.png", "radar-dark.png" };

  g_assert_cmpuint (rounds->len, ==, 2);
  previous = pl_maturity_score_round (questionnaire, plan, rounds->pdata[0]);
  current = pl_maturity_score_round (questionnaire, plan, rounds->pdata[1]);
  for (guint s = 0; s < 2; s++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *png = g_test_build_filename (G_TEST_BUILT, names[s], NULL);
      g_autofree char *summary = pl_radar_chart_draw (questionnaire, current, previous, cr, WIDTH, HEIGHT, styles[s]);
      double cx = WIDTH / 2.0, cy = HEIGHT / 2.0, full_x, full_y, full;

      cairo_surface_flush (surface);
      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_true (g_str_has_prefix (summary, "Overall "));
      g_assert_nonnull (strstr (summary, "The previous round scored "));
      pl_radar_chart_vertex (10, 0, 100, WIDTH, HEIGHT, &full_x, &full_y);
      full = hypot (full_x - cx, full_y - cy);
      for (guint i = 0; i < questionnaire->dimensions->len; i++)
        {
          double x, y;
          pl_radar_chart_vertex (questionnaire->dimensions->len, i, current->scores[i], WIDTH, HEIGHT, &x, &y);
          /* The distance from the centre is the score's share of the full radius... */
          g_assert_cmpfloat (fabs (hypot (x - cx, y - cy) / full - current->scores[i] / 100), <, 1e-9);
          /* ...and the point is drawn there, in the accent colour. */
          g_assert_true (pl_test_charts_pixel_is (surface, x, y, pl_chart_series_color (styles[s], 0), &styles[s]->background, 1));
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_labels (void)
{
  const PlQuestionnaire *full = pl_questionnaire_get_default ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  for (guint n = 5; n <= 12; n++)
    {
      g_autoptr(PlQuestionnaire) questionnaire = pl_questionnaire_new ();
      g_autoptr(GArray) boxes = NULL;

      /* The longest titles first, repeated past ten. */
      for (guint i = 0; i < n; i++)
        {
          PlDimension *dimension = g_new0 (PlDimension, 1);
          g_autoptr(GPtrArray) none = g_ptr_array_new ();
          dimension->id = g_strdup_printf ("d%u", i);
          dimension->title = g_strdup (((PlDimension *) full->dimensions->pdata[(i * 7) % full->dimensions->len])->title);
          dimension->advice = g_strdup ("");
          pl_questionnaire_add_dimension (questionnaire, dimension, none);
        }
      boxes = pl_radar_chart_label_boxes (questionnaire, cr, WIDTH, HEIGHT, pl_chart_style_light ());
      for (guint i = 0; i < n; i++)
        {
          const cairo_rectangle_t *a = &g_array_index (boxes, cairo_rectangle_t, i);
          g_assert_cmpfloat (a->x, >=, 0);
          g_assert_cmpfloat (a->y, >=, 0);
          g_assert_cmpfloat (a->x + a->width, <=, WIDTH);
          g_assert_cmpfloat (a->y + a->height, <=, HEIGHT);
          for (guint j = i + 1; j < n; j++)
            if (intersect (a, &g_array_index (boxes, cairo_rectangle_t, j)))
              g_error ("with %u axes, the titles of axes %u and %u overlap", n, i, j);
        }
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/radar/example", test_example);
  g_test_add_func ("/radar/labels", test_labels);
  return g_test_run ();
}

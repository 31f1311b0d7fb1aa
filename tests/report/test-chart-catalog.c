/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every chart of the catalogue written as PNG (at two scales), SVG and PDF, and read back:
 * the sizes, the kind of file; the refusals (an unknown chart, a name with no known
 * extension, a folder that does not exist, a radar with no answers). */
#include <cairo.h>
#include <glib/gstdio.h>

#include "pl-chart-catalog.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-test-charts.h"

static char *
read_head (const char *path, gsize n)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_strndup (contents, MIN (n, length));
}

static void
test_every_chart (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autofree char *dir = g_dir_make_tmp ("pilote-charts-XXXXXX", NULL);
  guint n;
  const PlChartKind *kinds = pl_chart_catalog_list (&n);
  guint32 today = pl_plan_month_start (plan, 5) + 20;

  g_assert_cmpuint (n, >=, 10);
  for (guint i = 0; i < n; i++)
    {
      double width, height;
      const char *formats[] = { "png", "svg", "pdf" };
      g_autoptr(GError) error = NULL;

      g_assert_true (pl_chart_catalog_lookup (kinds[i].name) == &kinds[i]);
      g_assert_true (pl_chart_catalog_size (plan, kinds[i].name, &width, &height, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (width, >=, 300);
      g_assert_cmpfloat (height, >=, 200);
      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_autofree char *base = g_strdup_printf ("%s.%s", kinds[i].name, formats[f]);
          g_autofree char *path = g_build_filename (dir, base, NULL);
          g_autofree char *head = NULL;

          g_assert_true (pl_chart_catalog_export (plan, kinds[i].name, today, path, 2, &error));
          g_assert_no_error (error);
          head = read_head (path, 400);
          if (f == 0)
            {
              /* Twice the pixels: for a high-density screen or a slide. */
              cairo_surface_t *png = cairo_image_surface_create_from_png (path);
              g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
              g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) (width * 2));
              g_assert_cmpint (cairo_image_surface_get_height (png), ==, (int) (height * 2));
              cairo_surface_destroy (png);
              /* Kept in the build folder to look at. */
              {
                g_autofree char *keep = g_test_build_filename (G_TEST_BUILT, "export", NULL);
                g_autofree char *copy = g_build_filename (keep, base, NULL);
                g_mkdir_with_parents (keep, 0755);
                g_assert_true (pl_chart_catalog_export (plan, kinds[i].name, today, copy, 1, NULL));
              }
            }
          else if (f == 1)
            g_assert_nonnull (strstr (head, "<svg"));
          else
            g_assert_true (g_str_has_prefix (head, "%PDF-"));
          g_unlink (path);
        }
    }
  g_rmdir (dir);
}

static void
test_refusals (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlPlan) empty = pl_plan_new ();
  g_autofree char *dir = g_dir_make_tmp ("pilote-charts-XXXXXX", NULL);
  g_autofree char *keep = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *text = g_build_filename (dir, "chart.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  double width, height;

  g_assert_true (g_file_set_contents (keep, "old", -1, NULL));
  g_assert_false (pl_chart_catalog_export (plan, "pie", 0, keep, 1, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "There is no chart called “pie”.");
  g_clear_error (&error);
  g_assert_false (pl_chart_catalog_export (plan, "funnel", 0, text, 1, &error));
  g_assert_nonnull (strstr (error->message, "does not end in .png, .svg or .pdf"));
  g_clear_error (&error);
  g_assert_false (pl_chart_catalog_export (plan, "funnel", 0, missing, 1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* A plan nobody has assessed has no radar to draw, and says how to get one. */
  g_assert_false (pl_chart_catalog_size (empty, "radar", &width, &height, &error));
  g_assert_nonnull (strstr (error->message, "no maturity self-assessment"));
  g_clear_error (&error);
  g_assert_false (pl_chart_catalog_export (empty, "radar", 0, keep, 1, &error));
  g_clear_error (&error);
  /* Every refusal left the file that was there. */
  g_assert_true (g_file_get_contents (keep, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_unlink (keep);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-catalog/every-chart", test_every_chart);
  g_test_add_func ("/chart-catalog/refusals", test_refusals);
  return g_test_run ();
}

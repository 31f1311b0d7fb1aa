/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <math.h>

#include "pl-plan-file.h"
#include "pl-questionnaire-file.h"
#include "pl-test-charts.h"

PlPlan *
pl_test_charts_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  /* As the programs do at start-up: the report and the catalogue score its maturity rounds. */
  pl_questionnaire_set_source (pl_questionnaire_get_default);
  return plan;
}

PlPlan *
pl_test_charts_load_data (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

gboolean
pl_test_charts_pixel_is (cairo_surface_t *surface, double x, double y, const PlColor *color, const PlColor *under,
                         double alpha)
{
  unsigned char *data;
  int stride;
  guint32 argb;
  double r = color->r * alpha + under->r * (1 - alpha), g = color->g * alpha + under->g * (1 - alpha);
  double b = color->b * alpha + under->b * (1 - alpha);

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  argb = *(guint32 *) (data + (int) y * stride + (int) x * 4);
  return fabs (((argb >> 16) & 0xff) / 255.0 - r) < 0.02 && fabs (((argb >> 8) & 0xff) / 255.0 - g) < 0.02 &&
         fabs ((argb & 0xff) / 255.0 - b) < 0.02;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* No axis label of any chart of the catalogue is ever cut: every chart of the example plan
 * drawn in English and in French, at the size it reads best at and at a narrow window's
 * width, every label it draws recorded from its laid-out text (pl_chart_set_text_hook()). */
#include "config.h"

#include <glib.h>
#include <locale.h>

#include "pl-chart-catalog.h"
#include "pl-chart-draw.h"
#include "pl-i18n.h"
#include "pl-test-charts.h"
#include "pl-trend-chart.h"

/* The width a chart has in the narrowest window. */
#define NARROW_W 360.0

typedef struct {
  const char *chart;
  const char *language;
  double      width;
  guint       axis_labels;
  GString    *cut;
} Labels;

static void
on_label_cb (const char *text, PlChartLabel kind, gboolean cut, gpointer data)
{
  Labels *labels = data;

  if (kind != PL_CHART_LABEL_AXIS)
    return;
  labels->axis_labels++;
  if (cut)
    g_string_append_printf (labels->cut, "  %s (%s, %.0f wide): “%s”\n", labels->chart, labels->language,
                            labels->width, text);
}

/* Draws every chart but the KPI chain (its names are the chain's own tests') at @width x
 * @height, or its natural size when @width is 0; appends the axis labels that were cut. */
static void
draw_all (PlPlan *plan, const char *language, gboolean narrow, GString *cut, guint *axis_labels)
{
  guint n;
  const PlChartKind *kinds = pl_chart_catalog_list (&n);
  GDate today;

  /* The example plan's "today": half its period measured. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, G_DATE_JUNE, 2027);

  for (guint i = 0; i < n; i++)
    {
      Labels labels = { kinds[i].name, language, 0, 0, cut };
      g_autoptr(GError) error = NULL;
      g_autofree char *summary = NULL;
      cairo_surface_t *surface;
      cairo_t *cr;
      double width, height;

      if (g_str_equal (kinds[i].name, "chain"))
        continue;
      g_assert_true (pl_chart_catalog_size (plan, kinds[i].name, &width, &height, &error));
      g_assert_no_error (error);
      if (narrow)
        {
          height = MAX (260, height * NARROW_W / width);
          width = NARROW_W;
        }
      labels.width = width;
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
      cr = cairo_create (surface);
      pl_chart_set_text_hook (on_label_cb, &labels);
      summary = pl_chart_catalog_draw (plan, kinds[i].name, g_date_get_julian (&today), cr, width, height, pl_chart_style_light (), &error);
      pl_chart_set_text_hook (NULL, NULL);
      g_assert_no_error (error);
      g_assert_nonnull (summary);
      if (g_test_verbose ())
        {
          g_autofree char *png = g_strdup_printf ("labels-%s-%s-%s.png", kinds[i].name, language, narrow ? "narrow" : "natural");
          g_autofree char *path = g_test_build_filename (G_TEST_BUILT, png, NULL);
          cairo_surface_write_to_png (surface, path);
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      *axis_labels += labels.axis_labels;
    }
}

static void
test_no_axis_label_cut (void)
{
  /* French first: GLib decides at its first translation whether the program is translated. */
  static const struct { const char *locale, *language; } languages[] = {
    { "fr_FR.UTF-8", "fr" }, { "C.UTF-8", "en" },
  };
  g_autoptr(GString) cut = g_string_new (NULL);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(PlPlan) plan = NULL;
      guint axis_labels = 0;

      g_setenv ("LANGUAGE", languages[l].language, TRUE);
      if (setlocale (LC_ALL, languages[l].locale) == NULL)
        {
          g_test_message ("the %s locale is missing: run tools/install-deps", languages[l].locale);
          g_test_fail ();
          continue;
        }
      plan = pl_test_charts_example ();
      draw_all (plan, languages[l].language, FALSE, cut, &axis_labels);
      draw_all (plan, languages[l].language, TRUE, cut, &axis_labels);
      /* The hook saw the axes: a chart drawing its labels some other way would pass unseen. */
      g_assert_cmpuint (axis_labels, >, 200);
    }
  setlocale (LC_ALL, "C.UTF-8");
  if (cut->len > 0)
    g_test_message ("axis labels cut:\n%s", cut->str);
  g_assert_cmpuint (cut->len, ==, 0);
}

static void
on_legend_cb (const char *text, PlChartLabel kind, gboolean cut, gpointer data)
{
  if (kind == PL_CHART_LABEL_LEGEND)
    g_ptr_array_add (data, g_strdup (text));
}

/* The legend entries chart @name draws at its natural size. */
static GPtrArray *
legend_of (PlPlan *plan, const char *name)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_free);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, G_DATE_JUNE, 2027);
  g_assert_true (pl_chart_catalog_size (plan, name, &width, &height, NULL));
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  pl_chart_set_text_hook (on_legend_cb, entries);
  g_free (pl_chart_catalog_draw (plan, name, g_date_get_julian (&today), cr, width, height, pl_chart_style_light (), NULL));
  pl_chart_set_text_hook (NULL, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return entries;
}

static gboolean
has (GPtrArray *entries, const char *label)
{
  return g_ptr_array_find_with_equal_func (entries, label, g_str_equal, NULL);
}

/* Every chart with more than one series says what each is. */
static void
test_legends (void)
{
  static const struct { const char *chart; const char *labels[7]; } expected[] = {
    { "dashboard", { "Actual", "Plan", "Actual, month by month", "Target" } },
    { "funnel", { "Actual", "Plan" } },
    { "budget", { "Planned", "Spent", "Spent over plan", "Planned to date", "Spent to date" } },
    { "categories", { "Planned", "Spent", "Spent over plan" } },
    { "burn", { "Planned", "Spent to date", "Forecast (80% band)" } },
    { "timeline", { "Planned", "Running", "Completed", "Stopped", "Activity or milestone", "Review", "Today" } },
    { "month", { "Planned", "Running", "Completed", "Stopped", "Activity or milestone", "Review" } },
    { "radar", { "This round", "Previous round" } },
  };
  g_autoptr(PlPlan) plan = pl_test_charts_example ();

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GPtrArray) entries = legend_of (plan, expected[i].chart);

      for (guint l = 0; l < G_N_ELEMENTS (expected[i].labels) && expected[i].labels[l] != NULL; l++)
        if (!has (entries, expected[i].labels[l]))
          g_error ("the %s chart's legend lacks “%s”", expected[i].chart, expected[i].labels[l]);
    }
  {
    /* The month has no today line, so its legend does not name one. */
    g_autoptr(GPtrArray) entries = legend_of (plan, "month");
    g_assert_false (has (entries, "Today"));
  }
  {
    /* The cost of a customer split by category: a key entry a category. */
    g_autoptr(GPtrArray) entries = legend_of (plan, "cac");
    g_assert_cmpuint (entries->len, >=, 2);
  }
  {
    /* The trend (on the KPIs page): the actual, the target and the forecast's band. */
    g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 700, 300);
    cairo_t *cr = cairo_create (surface);

    pl_chart_set_text_hook (on_legend_cb, entries);
    g_free (pl_trend_chart_draw (plan, pl_plan_lookup (plan, "kpi-leads"), FALSE, cr, 700, 300, pl_chart_style_light ()));
    pl_chart_set_text_hook (NULL, NULL);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
    g_assert_true (has (entries, "Actual"));
    g_assert_true (has (entries, "Target"));
    g_assert_true (has (entries, "Forecast, 80% range"));
  }
}

int
main (int argc, char **argv)
{
  pl_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/labels/no-axis-label-cut", test_no_axis_label_cut);
  g_test_add_func ("/charts/labels/legends", test_legends);
  return g_test_run ();
}

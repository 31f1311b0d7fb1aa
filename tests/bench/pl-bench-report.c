/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report benchmark: the full leadership report (every section) laid out and written to
 * a PDF file, for the example plan and for the generated 20,000-campaign plan. Medians of N
 * runs (7 by default), each beside its target (issue 9), then one line:
 *   report-example-ms=A report-20k-ms=B
 * It judges nothing. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "pl-bench-plan.h"
#include "pl-bench-stats.h"
#include "pl-plan-file.h"
#include "pl-questionnaire-file.h"
#include "pl-report.h"

/* The median time of @runs reports of @plan written to @path, layout included. */
static double
report_ms (PlPlan *plan, const char *path, guint runs, guint *pages)
{
  g_autofree double *times = g_new (double, runs);

  for (guint r = 0; r <= runs; r++)
    {
      g_autoptr(PlReport) report = NULL;
      g_autoptr(GError) error = NULL;
      PlReportOptions options;
      gint64 start = g_get_monotonic_time ();

      pl_report_options_init (&options, plan, pl_plan_month_start (plan, 5) + 14);
      report = pl_report_new (plan, &options);
      if (!pl_report_write_pdf (report, path, &error))
        {
          g_printerr ("%s\n", error->message);
          exit (1);
        }
      *pages = pl_report_get_n_pages (report);
      /* The first run warms the font caches and is not counted. */
      if (r > 0)
        times[r - 1] = (g_get_monotonic_time () - start) / 1000.0;
    }
  return pl_bench_median (times, runs);
}

int
main (int argc, char **argv)
{
  guint runs = 7, example_pages, big_pages;
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) example = NULL;
  g_autoptr(PlPlan) big = NULL;
  double example_ms, big_ms;

  if (argc > 2 && g_str_equal (argv[1], "--runs"))
    runs = MAX (1, (guint) atoi (argv[2]));
  /* As pilote-cli does: the report's maturity section scores with the built-in questionnaire. */
  pl_questionnaire_set_source (pl_questionnaire_get_default);
  example = pl_bench_example_plan ();
  dir = g_dir_make_tmp ("pl-bench-report-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  out = g_build_filename (dir, "report.pdf", NULL);
  example_ms = report_ms (example, out, runs, &example_pages);
  big = pl_bench_plan_new ();
  big_ms = report_ms (big, out, runs, &big_pages);
  g_unlink (out);
  g_rmdir (dir);
  g_print ("medians of %u runs:\n", runs);
  g_print ("full report to PDF, example plan (%u pages): %.1f ms (target <= 500 ms)\n", example_pages, example_ms);
  g_print ("full report to PDF, 20,000 campaigns (%u pages): %.1f ms (target <= 3000 ms)\n", big_pages, big_ms);
  g_print ("report-example-ms=%.1f report-20k-ms=%.1f\n", example_ms, big_ms);
  return 0;
}

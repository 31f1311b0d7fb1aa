/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The spreadsheet export benchmark (issue 23): the generated 20,000-campaign plan's campaigns
 * list written as XLSX (pl_sheet_export(), as `pilote-cli export --what campaigns` and the
 * window's Export… do: the table made from the plan's figures, then written by libxlsxwriter),
 * the median of N runs, returned (pl-bench-books.c prints it). It also prints the two halves (making the table, writing the file) and the file's size. It
 * judges nothing: it is not a unit test. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "pl-bench-plan.h"
#include "pl-bench-books.h"
#include "pl-bench-stats.h"
#include "pl-sheet-export.h"

double
pl_bench_xlsx (guint runs)
{
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree double *whole = NULL, *table_ms = NULL, *write_ms = NULL;
  GStatBuf st;

  plan = pl_bench_plan_new ();
  dir = g_dir_make_tmp ("pilote-bench-xlsx-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "campaigns.xlsx", NULL);
  g_print ("generated plan: %u campaigns, %u allocations, %u spend entries\n",
           pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), pl_plan_get_n (plan, PL_COLLECTION_ALLOCATIONS),
           pl_plan_get_n (plan, PL_COLLECTION_SPEND));

  whole = g_new (double, runs);
  table_ms = g_new (double, runs);
  write_ms = g_new (double, runs);
  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time (), made;
      g_autoptr(PlSheetTable) table = NULL;

      /* What pl_sheet_export() does, timed in its two halves. */
      table = pl_sheet_table_new (plan, PL_SHEET_CAMPAIGNS);
      made = g_get_monotonic_time ();
      if (!pl_sheet_table_write (table, PL_SHEET_XLSX, path, &error))
        g_error ("%s", error->message);
      whole[r] = (g_get_monotonic_time () - start) / 1000.0;
      table_ms[r] = (made - start) / 1000.0;
      write_ms[r] = (g_get_monotonic_time () - made) / 1000.0;
    }
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_print ("medians of %u runs: table %.0f ms, writing %.0f ms; the file is %.1f MB; peak memory %.0f MiB "
           "(the plan included)\n", runs, pl_bench_median (table_ms, runs), pl_bench_median (write_ms, runs),
           st.st_size / 1e6, pl_bench_status_kib ("VmHWM") / 1024.0);
  g_unlink (path);
  g_rmdir (dir);
  return pl_bench_median (whole, runs);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tables and grids of the window on the 20,000-campaign plan, each alone in a window
 * under a display (Xvfb): the time from giving it the plan to its first drawn frame, and the
 * time from one edit to the next drawn frame (the frame clock's "after-paint"), medians of N
 * edits (21 by default). The edits are the user's: a budget cell and a KPI's month typed
 * into their grid cells and committed, a campaign renamed while the calendar table (a
 * Campaign drop-down per row) shows. Other pages are not built: this times these widgets,
 * not the window (tests/bench/pl-bench-window.c does). One last line:
 *   table-open-ms=A spend-open-ms=B rename-ms=C budget-open-ms=D budget-edit-ms=E kpis-open-ms=F kpis-edit-ms=G
 * Usage: pl-bench-tables [--runs N] [FILE]; it judges nothing: it is not a unit test. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>

#include "pl-app-resources.h"
#include "pl-bench-plan.h"
#include "pl-bench-stats.h"
#include "pl-budget-grid.h"
#include "pl-cell-editor.h"
#include "pl-cell-grid.h"
#include "pl-measurements-grid.h"
#include "pl-plan-file.h"
#include "pl-record-table.h"
#include "pl-records.h"

static gboolean painted;

static void
on_after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  if (g_getenv ("BENCH_DEBUG")) g_printerr ("after-paint %.1f\n", g_get_monotonic_time () / 1000.0);
  painted = TRUE;
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for @ms milliseconds: the frame clock goes idle between edits. */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Milliseconds from @start until the window has painted a frame (at most 60 s). */
static double
until_painted (gint64 start)
{
  gboolean late = FALSE;
  guint timeout = g_timeout_add_seconds (60, on_timeout_cb, &late);

  painted = FALSE;
  while (!painted && !late)
    g_main_context_iteration (NULL, TRUE);
  if (!late)
    g_source_remove (timeout);
  if (g_getenv ("BENCH_DEBUG")) g_printerr ("until_painted %.1f\n", (g_get_monotonic_time () - start) / 1000.0);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static GtkWindow *
new_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1300, 800);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  g_signal_connect (gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window))), "after-paint",
                    G_CALLBACK (on_after_paint_cb), NULL);
  until_painted (g_get_monotonic_time ());
  settle (100);
  return window;
}

/* The Plan page's calendar table: a Kind, a Campaign and a Repeats drop-down per row. */
static PlRecordTable *
calendar_table (void)
{
  PlRecordTable *table = pl_record_table_new (PL_COLLECTION_CALENDAR, "_Add");

  pl_record_table_add_column (table, PL_ENTRY_KIND, "Kind", FALSE);
  pl_record_table_add_column (table, PL_ENTRY_TITLE, "Title", TRUE);
  pl_record_table_add_column (table, PL_ENTRY_CAMPAIGN, "Campaign", FALSE);
  pl_record_table_add_column (table, PL_ENTRY_START, "Date", FALSE);
  pl_record_table_add_column (table, PL_ENTRY_END, "Until", FALSE);
  pl_record_table_add_column (table, PL_ENTRY_CADENCE, "Repeats", FALSE);
  return table;
}

/* The Budget page's spending table: a Budget line and a Campaign drop-down per row. */
static PlRecordTable *
spend_table (void)
{
  PlRecordTable *table = pl_record_table_new (PL_COLLECTION_SPEND, "_Add Spend");

  pl_record_table_add_column (table, PL_SPEND_DATE, "Date", FALSE);
  pl_record_table_add_column (table, PL_SPEND_AMOUNT, "Amount", FALSE);
  pl_record_table_add_column (table, PL_SPEND_VENDOR, "Vendor", FALSE);
  pl_record_table_add_column (table, PL_SPEND_LINE, "Budget line", TRUE);
  pl_record_table_add_column (table, PL_SPEND_CAMPAIGN, "Campaign", TRUE);
  pl_record_table_add_column (table, PL_SPEND_NOTE, "Note", TRUE);
  pl_record_table_set_fill (table, TRUE);
  return table;
}

/* Milliseconds from giving @table the plan to its first frame. */
static double
open_table (PlPlan *plan, PlRecordTable *table, GtkWindow **window)
{
  gint64 start;

  *window = new_window (GTK_WIDGET (table));
  start = g_get_monotonic_time ();
  pl_record_table_set_plan (table, plan);
  if (g_getenv ("BENCH_DEBUG")) g_printerr ("set_plan done %.1f\n", (g_get_monotonic_time () - start) / 1000.0);
  return until_painted (start);
}

/* Types @text into @cell and commits it, as Enter does; milliseconds to the next frame. */
static double
type_into (GtkWidget *cell, const char *text)
{
  gint64 start = g_get_monotonic_time ();

  pl_cell_editor_start_editing (PL_CELL_EDITOR (cell), text);
  if (!pl_cell_editor_commit (PL_CELL_EDITOR (cell)))
    g_error ("“%s” was refused", text);
  return until_painted (start);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autofree double *times = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  guint runs = 21;
  double table_open, spend_open, rename, budget_open, budget_edit, kpis_open, kpis_edit;
  GtkWindow *window;

  for (int i = 1; i < argc; i++)
    if (g_strcmp0 (argv[i], "--runs") == 0 && i + 1 < argc)
      runs = (guint) MAX (1, atoi (argv[i + 1])), i++;
    else
      path = g_strdup (argv[i]);
  if (!gtk_init_check ())
    {
      fprintf (stderr, "pl-bench-tables: no display; run it under xvfb-run\n");
      return 77;
    }
  (void) pl_app_get_resource ();
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
    gtk_css_provider_load_from_resource (css, "/io/github/pilote/Pilote/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  if (path == NULL)
    {
      dir = g_dir_make_tmp ("pl-bench-tables-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "bench.pilote", NULL);
      if (!pl_bench_plan_write (path, &error))
        g_error ("%s", error->message);
    }
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    plan = pl_plan_load (file, NULL, 0, NULL, &error);
    g_assert_no_error (error);
  }
  times = g_new (double, runs);

  /* The calendar table, then a campaign renamed while it shows (every Campaign drop-down
   * offers that campaign). */
  {
    PlRecordTable *table = calendar_table ();
    GListModel *entries = pl_plan_get_collection (plan, PL_COLLECTION_CALENDAR);
    PlItem *campaign = NULL;

    /* The campaign of the first entry that names one: its row shows it. */
    for (guint i = 0; campaign == NULL && i < g_list_model_get_n_items (entries); i++)
      {
        g_autoptr(PlItem) entry = g_list_model_get_item (entries, i);
        const char *id = pl_item_get_string (entry, PL_ENTRY_CAMPAIGN);

        campaign = id ? pl_plan_lookup (plan, id) : NULL;
      }
    g_assert_nonnull (campaign);

    table_open = open_table (plan, table, &window);
    for (guint r = 0; r < runs; r++)
      {
        g_autofree char *name = g_strdup_printf ("Renamed campaign %u", r);
        gint64 start;

        settle (40);
        start = g_get_monotonic_time ();
        if (!pl_plan_set_string (plan, campaign, PL_CAMPAIGN_NAME, name, &error))
          g_error ("%s", error->message);
        times[r] = until_painted (start);
      }
    rename = pl_bench_median (times, runs);
    gtk_window_destroy (window);
  }
  {
    PlRecordTable *table = spend_table ();

    spend_open = open_table (plan, table, &window);
    gtk_window_destroy (window);
  }

  /* The budget grid: the first line's first month typed into. */
  {
    PlBudgetGrid *grid = pl_budget_grid_new ();
    GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
    g_autoptr(PlItem) line = NULL;
    GtkWidget *cell = NULL;
    gint64 start;

    window = new_window (GTK_WIDGET (grid));
    start = g_get_monotonic_time ();
    pl_budget_grid_set_plan (grid, plan);
    budget_open = until_painted (start);
    settle (200);
    /* The first line on screen: a line of the first category. */
    for (guint i = 0; cell == NULL && i < g_list_model_get_n_items (lines); i++)
      {
        g_set_object (&line, g_list_model_get_item (lines, i));
        cell = pl_budget_grid_get_cell (grid, line, 0);
      }
    g_assert_nonnull (cell);
    for (guint r = 0; r < runs; r++)
      {
        g_autofree char *text = g_strdup_printf ("%u", 1000 + r % 2);

        settle (40);
        times[r] = type_into (cell, text);
      }
    budget_edit = pl_bench_median (times, runs);
    gtk_window_destroy (window);
  }

  /* The measurements grid: the first KPI typed into whose first month takes a value. */
  {
    PlMeasurementsGrid *grid = pl_measurements_grid_new ();
    PlCellGridInterface *iface = PL_CELL_GRID_GET_IFACE (grid);
    GtkWidget *cell = NULL;
    gint64 start;

    window = new_window (GTK_WIDGET (grid));
    start = g_get_monotonic_time ();
    pl_measurements_grid_set_plan (grid, plan);
    kpis_open = until_painted (start);
    settle (200);
    for (guint row = 0; row < iface->get_n_rows (PL_CELL_GRID (grid)); row++)
      {
        GtkWidget *candidate = iface->get_cell (PL_CELL_GRID (grid), row, 0);

        if (candidate != NULL && pl_cell_editor_get_editable (PL_CELL_EDITOR (candidate)))
          {
            cell = candidate;
            break;
          }
      }
    g_assert_nonnull (cell);
    for (guint r = 0; r < runs; r++)
      {
        g_autofree char *text = g_strdup_printf ("%u", 500 + r % 2);

        settle (40);
        times[r] = type_into (cell, text);
      }
    kpis_edit = pl_bench_median (times, runs);
    gtk_window_destroy (window);
  }

  printf ("calendar table opened in %.0f ms, spend table in %.0f ms; a campaign renamed: %.1f ms to the next frame\n",
          table_open, spend_open, rename);
  printf ("budget grid opened in %.0f ms, a cell typed: %.1f ms to the next frame (target 16 ms)\n", budget_open, budget_edit);
  printf ("KPIs grid opened in %.0f ms, a cell typed: %.1f ms to the next frame (target 16 ms)\n", kpis_open, kpis_edit);
  printf ("table-open-ms=%.0f spend-open-ms=%.0f rename-ms=%.1f budget-open-ms=%.0f budget-edit-ms=%.1f kpis-open-ms=%.0f kpis-edit-ms=%.1f\n",
          table_open, spend_open, rename, budget_open, budget_edit, kpis_open, kpis_edit);
  if (dir != NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tables and grids of the window on the 20,000-campaign plan, each alone in a window
 * under a display (Xvfb): the time from giving it the plan to its first drawn frame, and the
 * time from one edit to the next drawn frame (the frame clock's "after-paint"), medians of N
 * edits (21 by default). The edits are the user's: a budget cell and a KPI's month typed
 * into their grid cells and committed, a campaign renamed while the calendar table (a
 * Campaign drop-down per row) shows. Other pages are not built: this times these widgets,
 * not the window (tests/bench/pl-bench-window.c does). One last line:
 *   table-open-ms=A spend-open-ms=B rename-ms=C rename-cpu-ms=.. budget-open-ms=D budget-edit-ms=E
 *   budget-edit-cpu-ms=.. kpis-open-ms=F kpis-edit-ms=G kpis-edit-cpu-ms=..
 * (the -cpu- figures: the main thread's processor time over the same span, which the other
 * programs of a shared machine do not inflate).
 * The Campaigns page too (issue 25): campaigns-open-ms= campaigns-results-ms= campaigns-sort-ms=
 * campaigns-edit-ms= on a line of their own.
 * Usage: pl-bench-tables [--runs N] [--only tables|budget|kpis|campaigns] [FILE] (without FILE it writes
 * the plan first); it judges nothing: it is not a unit test. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "pl-app-resources.h"
#include "pl-bench-plan.h"
#include "pl-bench-stats.h"
#include "pl-budget-grid.h"
#include "pl-campaigns-page.h"
#include "pl-cell-editor.h"
#include "pl-cell-grid.h"
#include "pl-figures.h"
#include "pl-kpi-value.h"
#include "pl-measurements-grid.h"
#include "pl-plan-file.h"
#include "pl-record-table.h"
#include "pl-records.h"

static gboolean painted;
/* The main thread's processor time when until_painted() last returned, against its start: on a
 * shared machine the wall clock also counts the other programs' turns. */
static double cpu_ms;

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static void
on_after_paint_cb (GdkFrameClock *clock, gpointer data)
{
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

/* Milliseconds from @start until the window has painted a frame (at most 60 s); the
 * processor time from @cpu_start in cpu_ms. */
static double
until_painted_cpu (gint64 start, double cpu_start)
{
  gboolean late = FALSE;
  guint timeout = g_timeout_add_seconds (60, on_timeout_cb, &late);

  painted = FALSE;
  while (!painted && !late)
    g_main_context_iteration (NULL, TRUE);
  if (!late)
    g_source_remove (timeout);
  cpu_ms = thread_cpu_ms () - cpu_start;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
until_painted (gint64 start)
{
  return until_painted_cpu (start, thread_cpu_ms ());
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

typedef struct {
  guint       field;
  const char *title;
  gboolean    expand;
} Column;

static PlRecordTable *
new_table (PlCollection collection, const Column *columns, guint n)
{
  PlRecordTable *table = pl_record_table_new (collection, "_Add");

  for (guint i = 0; i < n; i++)
    pl_record_table_add_column (table, columns[i].field, columns[i].title, columns[i].expand);
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
  return until_painted (start);
}

/* Types @text into @cell and commits it, as Enter does; milliseconds to the next frame, the
 * processor's in *@cpu. */
static double
type_into (GtkWidget *cell, const char *text, double *cpu)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = thread_cpu_ms ();
  double wall;

  pl_cell_editor_start_editing (PL_CELL_EDITOR (cell), text);
  if (!pl_cell_editor_commit (PL_CELL_EDITOR (cell)))
    g_error ("“%s” was refused", text);
  wall = until_painted_cpu (start, cpu_start);
  *cpu = cpu_ms;
  return wall;
}

/* Renames @campaign @runs times, each time to the next frame in @times (the processor's in
 * @cpus) and, when @settled is not NULL, until the main loop has nothing left to do (the
 * work that waits for the frame). */
static void
rename_runs (PlPlan *plan, PlItem *campaign, double *times, double *cpus, double *settled, guint runs)
{
  for (guint r = 0; r < runs; r++)
    {
      g_autofree char *name = g_strdup_printf ("Renamed campaign %u", r);
      g_autoptr(GError) error = NULL;
      gint64 start;
      double cpu_start;

      settle (40);
      start = g_get_monotonic_time ();
      cpu_start = thread_cpu_ms ();
      if (!pl_plan_set_string (plan, campaign, PL_CAMPAIGN_NAME, name, &error))
        g_error ("%s", error->message);
      times[r] = until_painted_cpu (start, cpu_start);
      cpus[r] = cpu_ms;
      if (settled == NULL)
        continue;
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      settled[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
}

/* The Plan page's calendar table (a Kind, a Campaign and a Repeats drop-down per row), a
 * campaign renamed while it shows; then the Budget page's spending table. */
static void
bench_tables (PlPlan *plan, double *times, double *cpus, guint runs, double *table_open, double *rename,
              double *rename_cpu, double *spend_open)
{
  static const Column calendar[] = {
    { PL_ENTRY_KIND, "Kind", FALSE }, { PL_ENTRY_TITLE, "Title", TRUE }, { PL_ENTRY_CAMPAIGN, "Campaign", FALSE },
    { PL_ENTRY_START, "Date", FALSE }, { PL_ENTRY_END, "Until", FALSE }, { PL_ENTRY_CADENCE, "Repeats", FALSE },
  };
  static const Column spend[] = {
    { PL_SPEND_DATE, "Date", FALSE }, { PL_SPEND_AMOUNT, "Amount", FALSE }, { PL_SPEND_VENDOR, "Vendor", FALSE },
    { PL_SPEND_LINE, "Budget line", TRUE }, { PL_SPEND_CAMPAIGN, "Campaign", TRUE }, { PL_SPEND_NOTE, "Note", TRUE },
  };
  GListModel *entries = pl_plan_get_collection (plan, PL_COLLECTION_CALENDAR);
  PlRecordTable *table = new_table (PL_COLLECTION_CALENDAR, calendar, G_N_ELEMENTS (calendar));
  PlItem *campaign = NULL;
  GtkWindow *window;

  /* The campaign of the first entry that names one: its row shows it. */
  for (guint i = 0; campaign == NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (entries, i);
      const char *id = pl_item_get_string (entry, PL_ENTRY_CAMPAIGN);

      campaign = id ? pl_plan_lookup (plan, id) : NULL;
    }
  g_assert_nonnull (campaign);
  *table_open = open_table (plan, table, &window);
  rename_runs (plan, campaign, times, cpus, NULL, runs);
  *rename = pl_bench_median (times, runs);
  *rename_cpu = pl_bench_median (cpus, runs);
  gtk_window_destroy (window);

  table = new_table (PL_COLLECTION_SPEND, spend, G_N_ELEMENTS (spend));
  pl_record_table_set_fill (table, TRUE);
  *spend_open = open_table (plan, table, &window);
  gtk_window_destroy (window);
}

/* The budget grid: the first line on screen, its first month typed into. */
static void
bench_budget (PlPlan *plan, double *times, double *cpus, guint runs, double *open, double *edit, double *edit_cpu)
{
  PlBudgetGrid *grid = pl_budget_grid_new ();
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  GtkWindow *window = new_window (GTK_WIDGET (grid));
  GtkWidget *cell = NULL;
  g_autoptr(PlItem) line = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 planned;

  pl_budget_grid_set_plan (grid, plan);
  *open = until_painted (start);
  settle (200);
  for (guint i = 0; cell == NULL && i < g_list_model_get_n_items (lines); i++)
    {
      g_set_object (&line, g_list_model_get_item (lines, i));
      cell = pl_budget_grid_get_cell (grid, line, 0);
    }
  g_assert_nonnull (cell);
  /* Near what the month plans: an amount 10 times off would be warned about, a notice that
   * is no part of an ordinary edit. */
  planned = pl_figures_line_planned (PL_BUDGET_LINE (line), 0) / 100;
  for (guint r = 0; r < runs; r++)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, planned + 1 + r % 2);

      settle (40);
      times[r] = type_into (cell, text, &cpus[r]);
    }
  *edit = pl_bench_median (times, runs);
  *edit_cpu = pl_bench_median (cpus, runs);
  gtk_window_destroy (window);
}

/* The measurements grid: the first KPI on screen whose first month takes a value, typed into. */
static void
bench_kpis (PlPlan *plan, double *times, double *cpus, guint runs, double *open, double *edit, double *edit_cpu)
{
  PlMeasurementsGrid *grid = pl_measurements_grid_new ();
  PlCellGridInterface *iface = PL_CELL_GRID_GET_IFACE (grid);
  GtkWindow *window = new_window (GTK_WIDGET (grid));
  GtkWidget *cell = NULL;
  PlKpi *kpi;
  double value;
  gint64 start = g_get_monotonic_time ();

  pl_measurements_grid_set_plan (grid, plan);
  *open = until_painted (start);
  settle (200);
  for (guint row = 0; cell == NULL && row < iface->get_n_rows (PL_CELL_GRID (grid)); row++)
    {
      GtkWidget *candidate = iface->get_cell (PL_CELL_GRID (grid), row, 0);

      if (candidate != NULL && pl_cell_editor_get_editable (PL_CELL_EDITOR (candidate)))
        cell = candidate;
    }
  g_assert_nonnull (cell);
  kpi = g_object_get_data (G_OBJECT (cell), "kpi");
  if (!pl_kpi_value_parse (kpi, pl_cell_editor_get_text (PL_CELL_EDITOR (cell)), &value, NULL) || isnan (value))
    value = 100;
  for (guint r = 0; r < runs; r++)
    {
      /* Near the month's value, as for the budget. */
      g_autofree char *text = pl_kpi_value_format (kpi, value + 1 + r % 2);

      settle (40);
      times[r] = type_into (cell, text, &cpus[r]);
    }
  *edit = pl_bench_median (times, runs);
  *edit_cpu = pl_bench_median (cpus, runs);
  gtk_window_destroy (window);
}

/* The Campaigns page (issue 25): from giving it the plan to its first frame in its Schedule
 * view, then to its Results view (every campaign's figures, computed once), the list sorted by
 * ROI, and a campaign renamed while the figures show (they are computed again). */
static void
bench_campaigns (PlPlan *plan, double *times, double *cpus, guint runs, double *open, double *results,
                 double *sort, double *edit, double *edit_cpu, double *settled)
{
  GtkWidget *page = g_object_new (PL_TYPE_CAMPAIGNS_PAGE, NULL);
  GtkWindow *window = new_window (page);
  GObject *view_results = gtk_widget_get_template_child (page, PL_TYPE_CAMPAIGNS_PAGE, "view_results");
  GtkColumnView *list = GTK_COLUMN_VIEW (gtk_widget_get_template_child (page, PL_TYPE_CAMPAIGNS_PAGE, "list"));
  g_autoptr(PlItem) campaign = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS), 0);
  g_autofree double *settled_times = g_new (double, runs);
  gint64 start = g_get_monotonic_time ();

  pl_page_set_plan (PL_PAGE (page), plan);
  *open = until_painted (start);
  settle (200);
  /* A page without figures (before issue 25): the opening alone. */
  if (view_results != NULL)
    {
      GListModel *columns = gtk_column_view_get_columns (list);
      g_autoptr(GtkColumnViewColumn) roi = NULL;

      start = g_get_monotonic_time ();
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (view_results), TRUE);
      *results = until_painted (start);
      settle (200);
      roi = g_list_model_get_item (columns, g_list_model_get_n_items (columns) - 1);
      start = g_get_monotonic_time ();
      gtk_column_view_sort_by_column (list, roi, GTK_SORT_DESCENDING);
      *sort = until_painted (start);
      settle (200);
    }
  /* The figures follow the edit once it is drawn: until nothing is left to do. */
  rename_runs (plan, campaign, times, cpus, settled_times, runs);
  *edit = pl_bench_median (times, runs);
  *edit_cpu = pl_bench_median (cpus, runs);
  *settled = pl_bench_median (settled_times, runs);
  gtk_window_destroy (window);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autofree double *times = NULL;
  g_autofree double *cpus = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  const char *only = NULL;
  guint runs = 21;
  double table_open = NAN, spend_open = NAN, rename = NAN, budget_open = NAN, budget_edit = NAN;
  double kpis_open = NAN, kpis_edit = NAN, rename_cpu = NAN, budget_cpu = NAN, kpis_cpu = NAN;
  double campaigns_open = NAN, campaigns_results = NAN, campaigns_sort = NAN, campaigns_edit = NAN, campaigns_cpu = NAN;
  double campaigns_settled = NAN;

  for (int i = 1; i < argc; i++)
    if (g_strcmp0 (argv[i], "--runs") == 0 && i + 1 < argc)
      runs = (guint) MAX (1, atoi (argv[i + 1])), i++;
    else if (g_strcmp0 (argv[i], "--only") == 0 && i + 1 < argc)
      only = argv[++i];
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
  cpus = g_new (double, runs);
  if (only == NULL || g_str_equal (only, "tables"))
    {
      bench_tables (plan, times, cpus, runs, &table_open, &rename, &rename_cpu, &spend_open);
      printf ("calendar table opened in %.0f ms, spend table in %.0f ms; a campaign renamed: %.1f ms to the next frame (%.1f ms of processor)\n",
              table_open, spend_open, rename, rename_cpu);
    }
  if (only == NULL || g_str_equal (only, "budget"))
    {
      bench_budget (plan, times, cpus, runs, &budget_open, &budget_edit, &budget_cpu);
      printf ("budget grid opened in %.0f ms, a cell typed: %.1f ms to the next frame (%.1f ms of processor; target 16 ms)\n",
              budget_open, budget_edit, budget_cpu);
    }
  if (only == NULL || g_str_equal (only, "kpis"))
    {
      bench_kpis (plan, times, cpus, runs, &kpis_open, &kpis_edit, &kpis_cpu);
      printf ("KPIs grid opened in %.0f ms, a cell typed: %.1f ms to the next frame (%.1f ms of processor; target 16 ms)\n",
              kpis_open, kpis_edit, kpis_cpu);
    }
  if (only == NULL || g_str_equal (only, "campaigns"))
    {
      bench_campaigns (plan, times, cpus, runs, &campaigns_open, &campaigns_results, &campaigns_sort, &campaigns_edit,
                       &campaigns_cpu, &campaigns_settled);
      printf ("Campaigns page opened in %.0f ms, its Results view in %.0f ms, sorted by ROI in %.0f ms; a campaign "
              "renamed in the Results view: %.1f ms to the next frame (%.1f ms of processor), %.0f ms until its "
              "figures are made again\n",
              campaigns_open, campaigns_results, campaigns_sort, campaigns_edit, campaigns_cpu, campaigns_settled);
    }
  printf ("campaigns-open-ms=%.0f campaigns-results-ms=%.0f campaigns-sort-ms=%.0f campaigns-edit-ms=%.1f "
          "campaigns-edit-settled-ms=%.0f\n",
          campaigns_open, campaigns_results, campaigns_sort, campaigns_edit, campaigns_settled);
  printf ("table-open-ms=%.0f spend-open-ms=%.0f rename-ms=%.1f rename-cpu-ms=%.1f budget-open-ms=%.0f budget-edit-ms=%.1f "
          "budget-edit-cpu-ms=%.1f kpis-open-ms=%.0f kpis-edit-ms=%.1f kpis-edit-cpu-ms=%.1f\n",
          table_open, spend_open, rename, rename_cpu, budget_open, budget_edit, budget_cpu, kpis_open, kpis_edit, kpis_cpu);
  if (dir != NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  return 0;
}

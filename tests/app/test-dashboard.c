/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Dashboard page on the example plan at 1366x768: the tiles (with the full KPI name in
 * their tooltip) and the campaign needing attention are there, everything fits without
 * scrolling, a change of the plan shows at once, and the row jumps to its campaign. Writes
 * screenshots in the light and the dark theme. */
#include <string.h>

#include "pl-chart-table.h"
#include "pl-dashboard.h"
#include "pl-dashboard-page.h"
#include "pl-calendar.h"
#include "pl-document.h"
#include "pl-enums.h"
#include "pl-test-util.h"

static void
test_dashboard_page (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window;
  GtkWidget *page, *tiles, *attention, *row, *stack;
  guint n_tiles = 0, n_rows = 0;
  graphene_rect_t bounds;

  window = pl_test_open_in_window (path);
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_DASHBOARD_PAGE);
  pl_test_wait_drawn (page);
  stack = pl_test_find_by_id (GTK_WIDGET (window), "page_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "dashboard");

  tiles = pl_test_find_by_id (page, "tiles");
  for (GtkWidget *c = gtk_widget_get_first_child (tiles); c != NULL; c = gtk_widget_get_next_sibling (c))
    n_tiles += GTK_IS_DRAWING_AREA (c);
  g_assert_cmpuint (n_tiles, ==, 8);
  /* The first tile is Leads; its tooltip carries the full name and figures. */
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (gtk_grid_get_child_at (GTK_GRID (tiles), 0, 0)), "Leads, June 2027: 689"));
  attention = pl_test_find_by_id (page, "attention");
  for (GtkWidget *c = gtk_widget_get_first_child (attention); c != NULL; c = gtk_widget_get_next_sibling (c))
    n_rows++;
  /* "Close faster" overspent; the partners programme ends soon. */
  g_assert_cmpuint (n_rows, ==, 2);
  /* By €222.92, said in whole euros as every amount around it (and in the board pack). */
  {
    gboolean seen = FALSE;

    for (GtkWidget *r = gtk_widget_get_first_child (attention); r != NULL; r = gtk_widget_get_next_sibling (r))
      for (GtkWidget *c = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (r))); c != NULL;
           c = gtk_widget_get_next_sibling (c))
        if (GTK_IS_LABEL (c) && strstr (gtk_label_get_text (GTK_LABEL (c)), "over budget") != NULL)
          {
            g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (c)), "223"));
            g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (c)), "222"));
            seen = TRUE;
          }
    g_assert_true (seen);
  }

  /* Everything fits in the page: the last widget ends inside it. */
  g_assert_true (gtk_widget_compute_bounds (attention, page, &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (page));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1366);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 768);
  pl_test_screenshot (GTK_WIDGET (window), "dashboard");

  /* The dark theme: the charts follow. */
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", TRUE, NULL);
  pl_test_wait_drawn (page);
  pl_test_screenshot (GTK_WIDGET (window), "dashboard-dark");
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);
  pl_test_wait_drawn (page);

  /* A longer name for Leads shows on its tile at once, cut, and whole in the tooltip. */
  {
    PlPlan *plan = NULL;
    PlItem *leads;

    g_object_get (page, "plan", &plan, NULL);
    leads = pl_plan_lookup (plan, "kpi-leads");
    g_assert_true (pl_plan_set_string (plan, leads, PL_KPI_NAME,
                                       "Leads from every channel, inbound and outbound, all regions", NULL));
    pl_test_wait_drawn (page);
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (gtk_grid_get_child_at (GTK_GRID (tiles), 0, 0)),
                              "Leads from every channel, inbound and outbound, all regions, June 2027: 689"));
    pl_test_screenshot (GTK_WIDGET (window), "dashboard-long-name");

    /* Six campaigns ending within days: three rows and "and 3 more", still on one screen. */
    {
      GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 3, G_DATE_JULY, 2027);
      for (guint i = 0; i < 6 && i < g_list_model_get_n_items (campaigns); i++)
        {
          g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
          g_assert_true (pl_plan_set_int (plan, campaign, PL_CAMPAIGN_STATUS, PL_STATUS_RUNNING, NULL));
          g_assert_true (pl_plan_set_julian (plan, campaign, PL_CAMPAIGN_END, g_date_get_julian (&date), NULL));
        }
      pl_test_wait_drawn (page);
      n_rows = 0;
      for (GtkWidget *c = gtk_widget_get_first_child (attention); c != NULL; c = gtk_widget_get_next_sibling (c))
        n_rows++;
      g_assert_cmpuint (n_rows, ==, 4);
      g_assert_true (gtk_widget_compute_bounds (attention, page, &bounds));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (page));
      pl_test_screenshot (GTK_WIDGET (window), "dashboard-many");
      /* Back to the one campaign of the example. */
      for (guint i = 0; i < 12; i++)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
      pl_test_wait_drawn (page);
    }
    g_object_unref (plan);
  }

  /* The campaign row opens the campaign. */
  row = gtk_widget_get_first_child (attention);
  g_signal_emit_by_name (attention, "row-activated", row);
  pl_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "campaigns");

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
}

/* Every chart's figures as a table: the column titles first, then rows as wide as them; the
 * chart menu's "Show Data as Table" opens them in a window, focused on the table. */
static void
test_chart_tables (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  const char *charts[] = { "chain", "funnel", "budget", "categories", "burn", "cac", "radar" };
  const char *first[] = { "KPI", "Stage", "Month", "Category", "Month", "Figures", "Figures" };
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels);
  GtkWidget *table = NULL;

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      g_autoptr(GPtrArray) rows = pl_chart_table_rows (plan, charts[c], pl_calendar_today ());
      guint width;

      g_assert_cmpuint (rows->len, >, 1);
      width = g_strv_length (g_ptr_array_index (rows, 0));
      g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==, first[c]);
      for (guint r = 1; r < rows->len; r++)
        g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, r)), ==, width);
    }
  {
    g_autoptr(GPtrArray) rows = pl_chart_table_rows (plan, "chain", pl_calendar_today ());
    gboolean leads = FALSE;

    for (guint r = 1; r < rows->len; r++)
      leads |= g_str_equal (((char **) g_ptr_array_index (rows, r))[0], "Leads");
    g_assert_true (leads);
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-chart-table", "s", "funnel");
  pl_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) shown = g_list_model_get_item (toplevels, i);
      if (shown != GTK_WINDOW (window) && gtk_window_get_transient_for (shown) == GTK_WINDOW (window))
        table = GTK_WIDGET (shown);
    }
  g_assert_nonnull (table);
  pl_test_wait_drawn (table);
  g_assert_nonnull (pl_test_find_widget (table, GTK_TYPE_COLUMN_VIEW));
  pl_test_screenshot (table, "chart-table-funnel");
  gtk_window_destroy (GTK_WINDOW (table));
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
}

/* Copies tests/data/round-numbers.pilote into @dir. */
static char *
copy_reference (const char *dir)
{
  return pl_test_copy_plan (dir, "tests/data/round-numbers.pilote", "round-numbers.pilote");
}

static const char *
cell (GPtrArray *rows, guint row, guint column)
{
  g_assert_cmpuint (row, <, rows->len);
  return ((char **) g_ptr_array_index (rows, row))[column];
}

/* The reference plan of round numbers (worked out in tests/cli/test-cli.c): the window's
 * tiles, the funnel's table and the chain's table say the same figures as the summary. */
static void
test_reference (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = copy_reference (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  g_autoptr(GPtrArray) funnel = pl_chart_table_rows (plan, "funnel", pl_calendar_today ());
  g_autoptr(GPtrArray) chain = pl_chart_table_rows (plan, "chain", pl_calendar_today ());
  static const char *stages[][4] = {
    { "Visitors", "2\u202F000", "2\u202F000", "—" }, { "Leads", "200", "200", "10.0%" }, { "MQL", "50", "50", "25.0%" },
    { "SQL", "20", "20", "40.0%" }, { "New customers", "5", "4", "25.0%" },
  };
  GtkWidget *page, *tiles;

  /* The funnel's table lists the stages its chart draws, on the same months, with the rates. */
  g_assert_cmpuint (funnel->len, ==, 1 + G_N_ELEMENTS (stages));
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    for (guint c = 0; c < 4; c++)
      g_assert_cmpstr (cell (funnel, i + 1, c), ==, stages[i][c]);
  /* The chain's table: February against February's targets, the status by the one rule. */
  for (guint r = 1; r < chain->len; r++)
    if (g_str_equal (cell (chain, r, 0), "Leads"))
      {
        g_assert_cmpstr (cell (chain, r, 1), ==, "80");
        g_assert_cmpstr (cell (chain, r, 2), ==, "100");
        g_assert_cmpstr (cell (chain, r, 3), ==, "Off target");
      }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_DASHBOARD_PAGE);
  pl_test_wait_drawn (page);
  tiles = pl_test_find_by_id (page, "tiles");
  /* Then the year's forecast from two months: February's 80 carried over the ten left (1,000
   * in all), the change of 40 between them as the spread: ±51 the first month, widening. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_grid_get_child_at (GTK_GRID (tiles), 0, 0)), ==,
                   "Leads, February 2027: 80, off target (target 100), down from 120 the month before. "
                   "On course for 236 to 2\u202F152 by the end of December 2027 (80% band; 10 months forecast; "
                   "method: last value carried forward).");
  pl_test_screenshot (GTK_WIDGET (window), "dashboard-reference");
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* The day the dashboard is as of: chosen in the header's calendar, shown on the button, kept
 * for this plan in the user's settings (not in the file), and back to the default with
 * Latest Month Measured. */
static void
test_as_of (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = copy_reference (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pilote.Pilote");
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  g_autoptr(GDateTime) january = g_date_time_new_local (2027, 1, 31, 0, 0, 0);
  g_autoptr(GVariant) dates = NULL;
  g_autofree char *saved = NULL;
  const char *remembered = NULL;
  GtkWidget *page, *button, *calendar, *tiles;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_DASHBOARD_PAGE);
  pl_test_wait_drawn (page);
  button = pl_test_find_by_id (page, "as_of");
  calendar = pl_test_find_by_id (page, "as_of_calendar");
  tiles = pl_test_find_by_id (page, "tiles");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "As of 28 February 2027");

  /* The choice, as the user sees it: a calendar and the way back to the default. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  pl_test_wait_drawn (pl_test_find_by_id (page, "as_of_popover"));
  pl_test_screenshot (pl_test_find_by_id (page, "as_of_popover"), "dashboard-as-of");
  gtk_calendar_select_day (GTK_CALENDAR (calendar), january);
  pl_test_spin ();
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "As of 31 January 2027");
  /* As of January the forecast knows one month: carried over the year, with no band yet. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_grid_get_child_at (GTK_GRID (tiles), 0, 0)), ==,
                   "Leads, January 2027: 120, on target (target 100). On course for 1\u202F440 by the end of "
                   "December 2027 (11 months forecast; method: last value carried forward).");
  dates = g_settings_get_value (settings, "as-of-dates");
  g_assert_true (g_variant_lookup (dates, uri, "&s", &remembered));
  g_assert_cmpstr (remembered, ==, "2027-01-31");
  /* Not in the plan: the file is unchanged and the plan unmodified. */
  g_assert_false (pl_plan_get_modified (plan));

  /* Opened again, the plan is as of the day chosen. */
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  window = pl_test_open_in_window (path);
  plan = pl_document_get_plan (pl_window_get_document (window));
  g_assert_cmpuint (pl_dashboard_get_chosen_as_of (plan), ==, pl_plan_month_start (plan, 1) - 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_DASHBOARD_PAGE);
  pl_test_wait_drawn (page);
  gtk_widget_activate_action (page, "dashboard.as-of-latest", NULL);
  pl_test_spin ();
  g_assert_cmpuint (pl_dashboard_get_chosen_as_of (plan), ==, 0);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (pl_test_find_by_id (page, "as_of"))), ==,
                   "As of 28 February 2027");
  g_clear_pointer (&dates, g_variant_unref);
  dates = g_settings_get_value (settings, "as-of-dates");
  g_assert_false (g_variant_lookup (dates, uri, "&s", &remembered));
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/dashboard/page", test_dashboard_page);
  g_test_add_func ("/dashboard/chart-tables", test_chart_tables);
  g_test_add_func ("/dashboard/reference", test_reference);
  g_test_add_func ("/dashboard/as-of", test_as_of);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* File → Compare With… (issue 24): the example plan open and edited in the window (a campaign
 * renamed, one added, a budget line's planned amount raised), compared with a file holding
 * the example with one more campaign (removed since). The pane lists those changes by page
 * with their marks in words, the budget before and after; activating the renamed campaign
 * selects it on the Campaigns page; the removed one cannot be opened; an edit shows at once;
 * Escape closes the pane; a file that is no plan is said in the pane and changes nothing.
 * Writes screenshots. */
#include <string.h>

#include "pl-compare-panel.h"
#include "pl-money.h"
#include "pl-plan-file.h"
#include "pl-records.h"
#include "pl-report-dialog.h"
#include "pl-test-util.h"

#define RENAMED "Always-on search (EMEA)"

static PlComparePanel *
find_panel (PlWindow *window)
{
  return PL_COMPARE_PANEL (pl_test_find_by_id (GTK_WIDGET (window), "compare_panel"));
}

static void
wait_compared (PlComparePanel *panel)
{
  for (int i = 0; i < 500 && pl_compare_panel_is_loading (panel); i++)
    {
      pl_test_spin ();
      g_usleep (10000);
    }
  g_assert_false (pl_compare_panel_is_loading (panel));
  pl_test_spin ();
}

/* Every label's text in @widget, joined by " | ". */
static void
collect_text (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s%s", out->len ? " | " : "", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static char *
row_text (GtkListBoxRow *row)
{
  GString *out = g_string_new (NULL);

  collect_text (GTK_WIDGET (row), out);
  return g_string_free (out, FALSE);
}

/* The row of the list whose text holds @needle, or NULL. */
static GtkListBoxRow *
find_row (PlComparePanel *panel, const char *needle)
{
  GtkListBox *list = GTK_LIST_BOX (pl_compare_panel_get_list (panel));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      g_autofree char *text = row_text (row);
      if (strstr (text, needle) != NULL)
        return row;
    }
  return NULL;
}

static PlItem *
selected_campaign (PlWindow *window)
{
  GtkWidget *page = pl_test_find_by_id (GTK_WIDGET (window), "campaigns_page");
  GtkColumnView *view = GTK_COLUMN_VIEW (pl_test_find_by_id (page, "list"));
  GtkSelectionModel *model = gtk_column_view_get_model (view);

  return GTK_IS_SINGLE_SELECTION (model) ? gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model)) : NULL;
}

static guint
field (PlItem *item, const char *name)
{
  int index = pl_item_class_find_field (PL_ITEM_GET_CLASS (item), name);

  g_assert_cmpint (index, >=, 0);
  return (guint) index;
}

/* A budget line's planned amount for the first month. */
static gint64
first_month (PlItem *line)
{
  GVariant *amounts = pl_item_get_variant (line, PL_BUDGET_LINE_PLANNED);
  gint64 amount = 0;

  if (amounts != NULL && g_variant_n_children (amounts) > 0)
    g_variant_get_child (amounts, 0, "x", &amount);
  return amount;
}

/* The example plan with one more campaign, saved as @path: the version before. */
static void
write_before (const char *example, const char *path)
{
  g_autoptr(GFile) from = g_file_new_for_path (example);
  g_autoptr(GFile) to = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load (from, NULL, PL_READ_DEFAULT, NULL, &error);
  PlItem *campaign;

  g_assert_no_error (error);
  campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
  pl_item_set_id (campaign, "cmp-dropped");
  pl_item_set_string (campaign, field (campaign, "name"), "Dropped roadshow");
  pl_plan_add (plan, campaign);
  g_object_unref (campaign);
  g_assert_true (pl_plan_save (plan, to, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_compare_panel (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-compare-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *before_path = g_build_filename (dir, "before.pilote", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "notes.pilote", NULL);
  g_autoptr(GFile) before = g_file_new_for_path (before_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  PlWindow *window;
  PlComparePanel *panel;
  PlPlan *plan;
  PlItem *search, *added, *line, *link;
  guint n_results;
  const PlPlanDiff *diff;
  GtkListBoxRow *row;
  g_autofree char *text = NULL;

  write_before (path, before_path);
  window = pl_test_open_in_window (path);
  plan = pl_document_get_plan (pl_window_get_document (window));
  panel = find_panel (window);
  g_assert_nonnull (panel);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));

  /* The edits since the file: a campaign's result (format 1.5), a rename, a new campaign, a
   * budget line's planned amount. */
  link = pl_plan_lookup (plan, "ck-8");
  g_assert_true (PL_IS_CAMPAIGN_KPI (link));
  n_results = pl_series_get_n (pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (link)));
  pl_plan_set_result (plan, PL_CAMPAIGN_KPI (link), pl_plan_month_start (plan, 11), 35, "HubSpot");
  search = pl_plan_lookup (plan, "cmp-search");
  g_assert_nonnull (search);
  g_assert_true (pl_plan_set_string (plan, search, field (search, "name"), RENAMED, NULL));
  added = g_object_new (PL_TYPE_CAMPAIGN, NULL);
  pl_item_set_id (added, "cmp-spring-webinar");
  pl_item_set_string (added, field (added, "name"), "Spring webinar");
  pl_plan_add (plan, added);
  g_object_unref (added);
  line = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_LINES), 0);
  g_assert_true (pl_plan_set_planned (plan, PL_BUDGET_LINE (line), 0, first_month (line) + 500000, NULL));
  g_object_unref (line);

  pl_compare_panel_compare_file (panel, before);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  wait_compared (panel);
  diff = pl_compare_panel_get_diff (panel);
  g_assert_nonnull (diff);
  g_assert_cmpuint (diff->n_added, ==, 1);
  g_assert_cmpuint (diff->n_removed, ==, 1);
  g_assert_cmpuint (diff->n_changed, >=, 2);
  pl_test_wait_drawn (GTK_WIDGET (window));
  pl_test_screenshot (GTK_WIDGET (window), "compare-panel");

  /* Each difference in words, its mark a word too. */
  row = find_row (panel, RENAMED);
  g_assert_nonnull (row);
  text = row_text (row);
  g_assert_nonnull (strstr (text, "Changed"));
  g_assert_nonnull (strstr (text, "Always-on search → " RENAMED));
  g_clear_pointer (&text, g_free);
  row = find_row (panel, "Spring webinar");
  g_assert_nonnull (row);
  text = row_text (row);
  g_assert_nonnull (strstr (text, "Added"));
  g_clear_pointer (&text, g_free);
  row = find_row (panel, "Dropped roadshow");
  g_assert_nonnull (row);
  text = row_text (row);
  g_assert_nonnull (strstr (text, "Removed"));
  g_assert_nonnull (strstr (text, "cannot be opened"));
  /* A removed record is in the other file only: activating it opens nothing. */
  g_assert_false (gtk_list_box_row_get_activatable (row));
  g_clear_pointer (&text, g_free);
  /* A campaign's results: the link by its campaign and KPI, the months summed up. */
  row = find_row (panel, "Campaign “Month-end in five days – webinar series” → Leads");
  g_assert_nonnull (row);
  text = row_text (row);
  {
    g_autofree char *results = g_strdup_printf ("Results: %u month%s → %u month%s (1 added, 0 removed, 0 changed)",
                                                n_results, n_results == 1 ? "" : "s", n_results + 1,
                                                n_results + 1 == 1 ? "" : "s");
    if (strstr (text, results) == NULL)
      g_error ("“%s” is not in “%s”", results, text);
  }
  g_assert_nonnull (strstr (text, "Changed"));
  g_clear_pointer (&text, g_free);
  /* The budget before and after: the whole plan's planned total up by 5,000.00. */
  row = find_row (panel, "Whole plan");
  g_assert_nonnull (row);
  text = row_text (row);
  {
    g_autofree char *amount = pl_money_format (500000, pl_plan_get_currency_exponent (plan), pl_plan_get_currency (plan));
    g_autofree char *delta = g_strdup_printf ("(+%s)", amount);
    g_assert_nonnull (strstr (text, delta));
  }
  g_clear_pointer (&text, g_free);

  /* Activating the renamed campaign selects it on the Campaigns page. */
  row = find_row (panel, RENAMED);
  g_signal_emit_by_name (pl_compare_panel_get_list (panel), "row-activated", row);
  pl_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pl_test_find_by_id (GTK_WIDGET (window), "page_stack"))),
                   ==, "campaigns");
  g_assert_true (selected_campaign (window) == search);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  pl_test_wait_drawn (GTK_WIDGET (window));
  pl_test_screenshot (GTK_WIDGET (window), "compare-opened");
  /* A budget line, which no page selects, opens the page that edits it. */
  row = find_row (panel, "LinkedIn Ads – finance audiences");
  g_assert_nonnull (row);
  g_signal_emit_by_name (pl_compare_panel_get_list (panel), "row-activated", row);
  pl_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pl_test_find_by_id (GTK_WIDGET (window), "page_stack"))),
                   ==, "budget");

  /* Swapped: what changed in the file since the open plan. The campaign added here is
   * removed there, and opens; the one dropped here is added there, and cannot. */
  pl_compare_panel_set_swapped (panel, TRUE);
  pl_test_spin ();
  row = find_row (panel, "Spring webinar");
  text = row_text (row);
  g_assert_nonnull (strstr (text, "Removed"));
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_clear_pointer (&text, g_free);
  row = find_row (panel, "Dropped roadshow");
  text = row_text (row);
  g_assert_nonnull (strstr (text, "Added"));
  g_assert_false (gtk_list_box_row_get_activatable (row));
  g_clear_pointer (&text, g_free);
  pl_test_wait_drawn (GTK_WIDGET (window));
  pl_test_screenshot (GTK_WIDGET (window), "compare-swapped");
  pl_compare_panel_set_swapped (panel, FALSE);
  pl_test_spin ();

  /* An edit undone shows at once: the rename is gone from the list. */
  g_assert_true (pl_plan_undo (plan));  /* the planned amount */
  g_assert_true (pl_plan_undo (plan));  /* the campaign added */
  g_assert_true (pl_plan_undo (plan));  /* the rename */
  g_assert_true (pl_plan_undo (plan));  /* the campaign's result */
  pl_test_wait_ms (600);
  g_assert_null (find_row (panel, RENAMED));
  g_assert_null (find_row (panel, "Spring webinar"));
  g_assert_nonnull (find_row (panel, "Dropped roadshow"));

  /* Escape, the keyboard in the list, closes the pane. */
  row = find_row (panel, "Dropped roadshow");
  pl_test_keys (GTK_WIDGET (row), "Escape");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_null (pl_compare_panel_get_diff (panel));

  /* A file that is no plan: said in the pane; the open plan stays as it was. */
  g_assert_true (g_file_set_contents (bad_path, "Budget notes, not a plan.\n", -1, NULL));
  pl_compare_panel_compare_file (panel, bad);
  wait_compared (panel);
  g_assert_null (pl_compare_panel_get_diff (panel));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_true (pl_window_get_document (window) != NULL && pl_document_get_plan (pl_window_get_document (window)) == plan);
  g_assert_false (pl_plan_get_modified (plan));
  pl_test_wait_drawn (GTK_WIDGET (window));
  pl_test_screenshot (GTK_WIDGET (window), "compare-error");
  /* And refreshed with the right file: back to the comparison. */
  pl_compare_panel_compare_file (panel, before);
  wait_compared (panel);
  g_assert_nonnull (pl_compare_panel_get_diff (panel));
  pl_compare_panel_refresh (panel);
  g_assert_true (pl_compare_panel_is_loading (panel));
  wait_compared (panel);
  g_assert_cmpuint (pl_compare_panel_get_diff (panel)->n_removed, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* The report dialog opened beside a comparison offers it for "Changes since": read in the
 * background, the section ticked and laid out; cleared, the section prints nothing. */
static void
test_report_changes (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-compare-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *before_path = g_build_filename (dir, "before.pilote", NULL);
  g_autoptr(GFile) before = g_file_new_for_path (before_path);
  PlWindow *window;
  PlComparePanel *panel;
  PlReportDialog *dialog;
  int page;

  write_before (path, before_path);
  window = pl_test_open_in_window (path);
  panel = find_panel (window);
  pl_compare_panel_compare_file (panel, before);
  wait_compared (panel);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.report", NULL);
  pl_test_spin ();
  dialog = PL_REPORT_DIALOG (pl_test_find_window (PL_TYPE_REPORT_DIALOG));
  g_assert_nonnull (dialog);
  for (int i = 0; i < 500 && pl_report_dialog_is_reading (dialog); i++)
    {
      pl_test_spin ();
      g_usleep (10000);
    }
  g_assert_false (pl_report_dialog_is_reading (dialog));
  pl_test_wait_ms (100);
  page = pl_report_get_section_page (pl_report_dialog_get_report (dialog), PL_REPORT_CHANGES);
  g_assert_cmpint (page, >=, 0);
  g_assert_cmpuint (pl_report_dialog_get_page (dialog), ==, (guint) page);
  pl_test_wait_drawn (GTK_WIDGET (dialog));
  pl_test_screenshot (GTK_WIDGET (dialog), "compare-report-dialog");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "report.clear-since", NULL);
  pl_test_wait_ms (100);
  g_assert_cmpint (pl_report_get_section_page (pl_report_dialog_get_report (dialog), PL_REPORT_CHANGES), ==, -1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* The longest the main loop went without running a 10 ms timer: how long the window froze. */
typedef struct {
  gint64 last, longest;
} Stall;

static gboolean
on_tick_cb (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();

  stall->longest = MAX (stall->longest, now - stall->last);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

/* A measurement, run when PILOTE_COMPARE_BIG names two big plans ("NEW:OLD", as
 * pl-bench-generate writes them): how long the comparison takes to show, and the longest the
 * window froze meanwhile (the reading is in a worker thread; the comparison and the list are
 * not). */
static void
test_big (void)
{
  const char *pair = g_getenv ("PILOTE_COMPARE_BIG");
  g_auto(GStrv) paths = pair ? g_strsplit (pair, ":", 2) : NULL;
  g_autoptr(GFile) old_file = NULL;
  PlWindow *window;
  PlComparePanel *panel;
  Stall stall = { 0 };
  gint64 start;
  guint tick;

  if (paths == NULL || g_strv_length (paths) != 2)
    {
      g_test_skip ("set PILOTE_COMPARE_BIG=NEW.pilote:OLD.pilote to measure");
      return;
    }
  window = pl_test_open_in_window (paths[0]);
  panel = find_panel (window);
  old_file = g_file_new_for_path (paths[1]);
  pl_test_spin ();
  stall.last = start = g_get_monotonic_time ();
  tick = g_timeout_add (10, on_tick_cb, &stall);
  pl_compare_panel_compare_file (panel, old_file);
  wait_compared (panel);
  pl_test_wait_drawn (GTK_WIDGET (window));
  g_source_remove (tick);
  g_test_message ("compare-big-ms=%" G_GINT64_FORMAT " longest-freeze-ms=%" G_GINT64_FORMAT " changes=%u",
                  (g_get_monotonic_time () - start) / 1000, stall.longest / 1000,
                  pl_compare_panel_get_diff (panel)->records->len);
  pl_test_screenshot (GTK_WIDGET (window), "compare-big");
  /* Listed a hundred at a time: the next hundred on asking. */
  {
    GtkListBox *list = GTK_LIST_BOX (pl_compare_panel_get_list (panel));
    GtkListBoxRow *more = find_row (panel, "Show 100 more changes");
    guint before = 0, after = 0;

    g_assert_nonnull (more);
    while (gtk_list_box_get_row_at_index (list, (int) before) != NULL)
      before++;
    start = g_get_monotonic_time ();
    g_signal_emit_by_name (list, "row-activated", more);
    pl_test_wait_drawn (GTK_WIDGET (window));
    while (gtk_list_box_get_row_at_index (list, (int) after) != NULL)
      after++;
    g_test_message ("show-100-more-ms=%" G_GINT64_FORMAT, (g_get_monotonic_time () - start) / 1000);
    g_assert_cmpuint (after, ==, before + 100);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/compare/panel", test_compare_panel);
  g_test_add_func ("/compare/report", test_report_changes);
  g_test_add_func ("/compare/big", test_big);
  return g_test_run ();
}

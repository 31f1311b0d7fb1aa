/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The budget page on the example plan: typing a month (Enter goes down), totals following,
 * a bad amount refused, undo; the spreading helpers through their dialogs; spend filtered by
 * line and month, a new entry dated in the month shown, a date outside the period refused.
 * Writes screenshots of the three views. */
#include <string.h>

#include "pl-budget-carry.h"
#include "pl-carry-dialog.h"
#include "pl-budget-grid.h"
#include "pl-budget-page.h"
#include "pl-cell-editor.h"
#include "pl-error.h"
#include "pl-field-cell.h"
#include "pl-field-text.h"
#include "pl-grid-view.h"
#include "pl-budget-totals.h"
#include "pl-money.h"
#include "pl-unbudgeted.h"
#include "pl-figures.h"
#include "pl-record-table.h"
#include "pl-test-util.h"
#include "pl-tooltip.h"

static void
test_budget_page (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_BUDGET_PAGE);
  PlBudgetGrid *grid = PL_BUDGET_GRID (pl_test_find_widget (page, PL_TYPE_BUDGET_GRID));
  PlItem *google = pl_plan_lookup (plan, "line-google");
  PlItem *linkedin = pl_plan_lookup (plan, "line-linkedin");
  PlItem *digital = pl_plan_lookup (plan, "cat-digital");
  gint64 march = pl_figures_line_planned (PL_BUDGET_LINE (linkedin), 2);
  gint64 digital_total = pl_figures_category_planned (plan, PL_CATEGORY (digital), -1);
  g_autofree char *total_before = NULL, *total_after = NULL;
  GtkWidget *cell, *dialog;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "budget");
  pl_test_wait_drawn (GTK_WIDGET (grid));
  /* What the Compare pane opens: a line selects itself, an allocation the line it draws on. */
  g_assert_true (pl_page_select_item (PL_PAGE (page), google));
  g_assert_true (pl_budget_grid_get_selected (grid) == google);
  g_assert_true (pl_page_select_item (PL_PAGE (page), pl_plan_lookup (plan, "al-1")));
  g_assert_true (pl_budget_grid_get_selected (grid) ==
                 pl_plan_lookup (plan, pl_item_get_string (pl_plan_lookup (plan, "al-1"), PL_ALLOCATION_LINE)));
  g_assert_false (pl_page_select_item (PL_PAGE (page), pl_plan_lookup (plan, "cmp-search")));
  pl_budget_grid_select (grid, linkedin);
  pl_test_spin ();
  g_assert_true (pl_budget_grid_get_selected (grid) == linkedin);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pl_test_find_by_id (page, "editor_stack"))), ==, "line");

  /* Typing a month: the category's total follows; Enter goes to the line below. */
  total_before = pl_budget_grid_get_total_text (grid, digital, 0);
  cell = pl_budget_grid_get_cell (grid, linkedin, 2);
  g_assert_nonnull (cell);
  gtk_widget_grab_focus (cell);
  pl_cell_editor_start_editing (PL_CELL_EDITOR (cell), "twelve");
  g_assert_false (pl_cell_editor_commit (PL_CELL_EDITOR (cell)));
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_cmpint (pl_figures_line_planned (PL_BUDGET_LINE (linkedin), 2), ==, march);
  pl_cell_editor_cancel (PL_CELL_EDITOR (cell));
  /* Typed as a user does: over the value, Enter to store it and go to the line below. */
  pl_test_keys (cell, "1 2 space 5 0 0 period 5 0 Return");
  pl_test_spin ();
  g_assert_cmpint (pl_figures_line_planned (PL_BUDGET_LINE (linkedin), 2), ==, 1250050);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *below = pl_budget_grid_get_cell (grid, google, 2);
    g_assert_true (focus != NULL && (focus == below || gtk_widget_is_ancestor (focus, below)));
  }
  total_after = pl_budget_grid_get_total_text (grid, digital, 0);
  g_assert_cmpstr (total_before, !=, total_after);
  g_assert_cmpint (pl_figures_category_planned (plan, PL_CATEGORY (digital), -1), ==, digital_total - march + 1250050);
  pl_test_screenshot (GTK_WIDGET (window), "budget-planned");
  pl_plan_undo (plan);
  pl_test_spin ();
  g_assert_cmpint (pl_figures_line_planned (PL_BUDGET_LINE (linkedin), 2), ==, march);

  /* Spread evenly: the dialog refuses a bad total and stays; a good one is one undo. The line
   * form follows the selected cell, which Enter took to the line below: back to LinkedIn. */
  pl_budget_grid_select (grid, linkedin);
  pl_test_spin ();
  gtk_widget_activate_action (page, "budget.spread-evenly", NULL);
  pl_test_spin ();
  dialog = pl_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (pl_test_find_widget (dialog, GTK_TYPE_ENTRY)), "-40");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  pl_test_spin ();
  g_assert_true (pl_test_find_message_dialog () == dialog);
  gtk_editable_set_text (GTK_EDITABLE (pl_test_find_widget (dialog, GTK_TYPE_ENTRY)), "120000");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  pl_test_spin ();
  g_assert_null (pl_test_find_message_dialog ());
  for (int m = 0; m < 12; m++)
    g_assert_cmpint (pl_figures_line_planned (PL_BUDGET_LINE (linkedin), m), ==, 1000000);
  pl_plan_undo (plan);
  pl_test_spin ();
  g_assert_cmpint (pl_figures_line_planned (PL_BUDGET_LINE (linkedin), 2), ==, march);

  /* Scale the category by 10 %, through its dialog. */
  gtk_widget_activate_action (page, "budget.scale-category", NULL);
  pl_test_spin ();
  dialog = pl_test_find_message_dialog ();
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  pl_test_spin ();
  g_assert_cmpint (pl_figures_category_planned (plan, PL_CATEGORY (digital), -1), >, digital_total);
  pl_plan_undo (plan);
  pl_test_spin ();
  g_assert_cmpint (pl_figures_category_planned (plan, PL_CATEGORY (digital), -1), ==, digital_total);
  g_assert_false (pl_plan_get_modified (plan));

  /* An allocation typed as a share of its line; more than the line plans is refused. */
  {
    g_autoptr(PlItem) allocation = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_ALLOCATIONS), 0);
    PlItem *line = pl_plan_lookup (plan, pl_item_get_string (allocation, PL_ALLOCATION_LINE));
    gint64 planned = pl_figures_line_planned (PL_BUDGET_LINE (line), -1);
    GError *error = NULL;

    g_assert_true (pl_field_apply (plan, allocation, PL_ALLOCATION_AMOUNT, "10 %", TRUE, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pl_item_get_int (allocation, PL_ALLOCATION_AMOUNT), ==, (planned + 5) / 10);
    g_assert_false (pl_field_apply (plan, allocation, PL_ALLOCATION_AMOUNT, "120 %", TRUE, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_false (pl_field_apply (plan, allocation, PL_ALLOCATION_AMOUNT, "100 %", TRUE, &error));
    g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    pl_plan_undo (plan);
    pl_test_spin ();
  }

  /* Actual spend: filtered by month; a new entry is dated in that month; outside is refused. */
  gtk_stack_set_visible_child_name (GTK_STACK (pl_test_find_by_id (page, "view_stack")), "spend");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (page, "spend_month")), 3);
  pl_test_spin ();
  {
    guint before = pl_plan_get_n (plan, PL_COLLECTION_SPEND);
    GtkWidget *table = pl_test_find_widget (page, PL_TYPE_RECORD_TABLE);
    GtkWidget *spend_table = NULL;
    g_autoptr(PlItem) entry = NULL;
    GError *error = NULL;

    /* The first record table on the page is the allocations'; the spend table is in spend_box. */
    spend_table = pl_test_find_widget (pl_test_find_by_id (page, "spend_box"), PL_TYPE_RECORD_TABLE);
    g_assert_nonnull (table);
    g_assert_nonnull (spend_table);
    g_signal_emit_by_name (g_object_get_data (G_OBJECT (spend_table), "add-button"), "clicked");
    pl_test_spin ();
    g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_SPEND), ==, before + 1);
    entry = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_SPEND), before);
    g_assert_cmpint (pl_plan_month_index (plan, pl_item_get_julian (entry, PL_SPEND_DATE)), ==, 2);
    g_assert_false (pl_plan_set_julian (plan, entry, PL_SPEND_DATE, pl_plan_get_start (plan) - 10, &error));
    g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    pl_test_screenshot (GTK_WIDGET (window), "budget-spend");
    pl_plan_undo (plan);
    pl_test_spin ();
    g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_SPEND), ==, before);
  }

  /* Categories and lines: add, name, reorder, delete (asked, listing what goes), all undone. */
  gtk_stack_set_visible_child_name (GTK_STACK (pl_test_find_by_id (page, "view_stack")), "plan");
  {
    guint categories = pl_plan_get_n (plan, PL_COLLECTION_CATEGORIES);
    guint n_lines = pl_plan_get_n (plan, PL_COLLECTION_LINES);
    GtkWidget *name;
    PlItem *category, *first, *second;

    gtk_widget_activate_action (page, "budget.add-category", NULL);
    pl_test_spin ();
    g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CATEGORIES), ==, categories + 1);
    category = pl_budget_grid_get_selected (grid);
    g_assert_true (PL_IS_CATEGORY (category));
    name = gtk_grid_get_child_at (GTK_GRID (pl_test_find_by_id (page, "form")), 1, 0);
    gtk_editable_set_text (GTK_EDITABLE (name), "Partnerships");
    g_signal_emit_by_name (name, "activate");
    pl_test_spin ();
    g_assert_cmpstr (pl_item_get_string (category, PL_CATEGORY_NAME), ==, "Partnerships");
    gtk_widget_activate_action (page, "budget.add-line", NULL);
    pl_test_spin ();
    first = pl_budget_grid_get_selected (grid);
    g_assert_true (PL_IS_BUDGET_LINE (first));
    g_assert_cmpstr (pl_item_get_string (first, PL_BUDGET_LINE_CATEGORY), ==, pl_item_get_id (category));
    gtk_widget_activate_action (page, "budget.add-line", NULL);
    pl_test_spin ();
    second = pl_budget_grid_get_selected (grid);
    g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_LINES), ==, n_lines + 2);
    /* Moving the second line up puts it before the first, within the category. */
    gtk_widget_activate_action (page, "budget.move-up", NULL);
    pl_test_spin ();
    {
      GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
      g_autoptr(PlItem) a = g_list_model_get_item (lines, n_lines);
      g_autoptr(PlItem) b = g_list_model_get_item (lines, n_lines + 1);
      g_assert_true (a == second && b == first);
    }
    g_assert_true (pl_budget_grid_get_selected (grid) == second);
    /* Deleting a line with actual spend asks first, naming the spend that goes with it. */
    pl_budget_grid_select (grid, linkedin);
    pl_test_spin ();
    gtk_widget_activate_action (page, "budget.delete", NULL);
    pl_test_spin ();
    dialog = pl_test_find_message_dialog ();
    g_assert_nonnull (dialog);
    pl_test_screenshot (dialog, "budget-delete-line");
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
    pl_test_spin ();
    g_assert_true (pl_plan_lookup (plan, "line-linkedin") == linkedin);
    while (pl_plan_can_undo (plan))
      pl_plan_undo (plan);
    pl_test_spin ();
    g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CATEGORIES), ==, categories);
    g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_LINES), ==, n_lines);
    g_assert_false (pl_plan_get_modified (plan));
  }

  gtk_stack_set_visible_child_name (GTK_STACK (pl_test_find_by_id (page, "view_stack")), "charts");
  pl_test_screenshot (GTK_WIDGET (window), "budget-charts");
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
}

static void
collect (GtkWidget *root, GType type, GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

static PlItem *
add_spend (PlPlan *plan, const char *line, guint month, gint64 amount, PlSpendStatus status, const char *vendor)
{
  g_autoptr(PlItem) entry = g_object_new (PL_TYPE_SPEND, NULL);

  if (line != NULL)
    pl_item_set_string (entry, PL_SPEND_LINE, line);
  pl_item_set_julian (entry, PL_SPEND_DATE, pl_plan_month_start (plan, month) + 4);
  pl_item_set_int (entry, PL_SPEND_AMOUNT, amount);
  pl_item_set_int (entry, PL_SPEND_STATUS, status);
  pl_item_set_string (entry, PL_SPEND_VENDOR, vendor);
  pl_plan_add (plan, entry);
  return entry;
}

/* Clicks the grid's toggle of figure @name, as a user chooses what the months show. */
static void
show_figure (GtkWidget *page, const char *name)
{
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
  GtkWidget *button = NULL;

  collect (pl_test_find_widget (page, PL_TYPE_BUDGET_GRID), GTK_TYPE_TOGGLE_BUTTON, toggles);
  for (guint i = 0; i < toggles->len && button == NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (toggles->pdata[i]), name) == 0)
      button = toggles->pdata[i];
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  pl_test_spin ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
}

/* Committed and unbudgeted spend (issue 23): the grid's views show the same figures as the
 * budget totals, read only; the flag names the spend outside the budget and lists its
 * entries; the status is changed in the spend list as a user changes it. Screenshots of
 * each view at 1280x800 and at a narrow width. */
static void
test_committed (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_BUDGET_PAGE);
  PlBudgetGrid *grid = PL_BUDGET_GRID (pl_test_find_widget (page, PL_TYPE_BUDGET_GRID));
  PlItem *linkedin = pl_plan_lookup (plan, "line-linkedin");
  PlItem *order, *stand, *print;
  guint exponent = pl_plan_get_currency_exponent (plan);
  g_autoptr(PlBudgetTotals) totals = NULL;
  g_autoptr(PlUnbudgeted) unbudgeted = NULL;
  static const char *views[] = { "Planned", "Actual", "Committed", "Remaining" };

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "budget");
  pl_test_wait_drawn (GTK_WIDGET (grid));
  /* An order placed for June, a trade show stand and a print run booked on no line. */
  order = add_spend (plan, "line-linkedin", 5, 1234500, PL_SPEND_COMMITTED, "LinkedIn Ireland");
  stand = add_spend (plan, NULL, 2, 420000, PL_SPEND_ACTUAL, "Trade show stand");
  print = add_spend (plan, NULL, 3, 80000, PL_SPEND_COMMITTED, "Print agency");
  pl_test_spin ();
  totals = pl_budget_totals_new (plan);

  /* The committed view: the order in June, read only; the totals columns the totals'. */
  pl_budget_grid_select (grid, linkedin);
  show_figure (page, "Committed");
  g_assert_cmpint (pl_budget_grid_get_figure (grid), ==, PL_BUDGET_FIGURE_COMMITTED);
  {
    GtkWidget *cell = pl_budget_grid_get_cell (grid, linkedin, 5);
    g_autofree char *june = pl_money_to_display (pl_budget_totals_line_committed (totals, linkedin, 5), exponent);
    g_autofree char *committed = pl_money_to_display (pl_budget_totals_line_committed (totals, linkedin, -1), exponent);
    g_autofree char *remaining = pl_money_to_display (pl_budget_totals_line_remaining (totals, linkedin, -1), exponent);
    g_autofree char *committed_text = pl_budget_grid_get_total_text (grid, linkedin, 2);
    g_autofree char *remaining_text = pl_budget_grid_get_total_text (grid, linkedin, 3);

    g_assert_nonnull (cell);
    g_assert_cmpint (pl_budget_totals_line_committed (totals, linkedin, 5), ==, 1234500);
    g_assert_cmpstr (pl_cell_editor_get_text (PL_CELL_EDITOR (cell)), ==, june);
    g_assert_false (pl_cell_editor_get_editable (PL_CELL_EDITOR (cell)));
    g_assert_cmpstr (committed_text, ==, committed);
    g_assert_cmpstr (remaining_text, ==, remaining);
    /* Typed into, it says where the budget is typed, and nothing changes. */
    {
      guint64 serial = pl_plan_get_serial (plan);
      const char *message;

      gtk_widget_grab_focus (cell);
      pl_test_keys (cell, "Return");
      pl_test_spin ();
      message = pl_grid_notice_get_message (PL_GRID_NOTICE (pl_test_find_widget (GTK_WIDGET (grid), PL_TYPE_GRID_NOTICE)));
      g_assert_nonnull (message);
      g_assert_nonnull (strstr (message, "choose Planned"));
      g_assert_cmpuint (pl_plan_get_serial (plan), ==, serial);
    }
  }
  show_figure (page, "Remaining");
  /* The refusal is settled by the switch. */
  g_assert_null (pl_grid_notice_get_message (PL_GRID_NOTICE (pl_test_find_widget (GTK_WIDGET (grid), PL_TYPE_GRID_NOTICE))));
  {
    GtkWidget *cell = pl_budget_grid_get_cell (grid, linkedin, 5);
    g_autofree char *june = pl_money_to_display (pl_budget_totals_line_remaining (totals, linkedin, 5), exponent);
    g_assert_cmpstr (pl_cell_editor_get_text (PL_CELL_EDITOR (cell)), ==, june);
  }

  /* The flag: the spend on no line, 4,200 + 800, named; its list holds both entries. */
  unbudgeted = pl_unbudgeted_new (plan, totals);
  g_assert_cmpint (unbudgeted->no_line, >=, 500000);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (pl_test_find_by_id (page, "unbudgeted_revealer"))));
  {
    g_autofree char *sentence = pl_unbudgeted_describe (plan, unbudgeted);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (page, "unbudgeted_label"))), ==, sentence);
  }
  /* Budget carried over from Q1 into April: both ends marked, the tooltip says what moved. */
  {
    g_autoptr(GError) carry_error = NULL;
    g_autofree char *april = NULL, *march = NULL;
    GtkWidget *cell;

    g_assert_true (pl_budget_carry (plan, linkedin, 0, 2, 3, 3, PL_CARRY_ONE_MONTH, 100000, pl_plan_month_start (plan, 6),
                                    &carry_error));
    g_assert_no_error (carry_error);
    pl_test_spin ();
    show_figure (page, "Planned");
    april = pl_budget_carry_describe_month (plan, linkedin, 3);
    march = pl_budget_carry_describe_month (plan, linkedin, 2);
    g_assert_nonnull (april);
    cell = pl_budget_grid_get_cell (grid, linkedin, 3);
    g_assert_true (gtk_widget_has_css_class (cell, "carried"));
    g_assert_cmpstr (pl_tooltip_get (cell), ==, april);
    cell = pl_budget_grid_get_cell (grid, linkedin, 2);
    g_assert_true (gtk_widget_has_css_class (cell, march ? "carried" : "budget-total") == (march != NULL));
    g_assert_false (gtk_widget_has_css_class (pl_budget_grid_get_cell (grid, linkedin, 4), "carried"));
    g_test_message ("April: %s; March: %s", april, march);
    /* The Carry Over button opens carry's dialog, over the window. */
    g_assert_true (gtk_widget_is_sensitive (pl_test_find_by_id (page, "carry_button")));
    g_signal_emit_by_name (pl_test_find_by_id (page, "carry_button"), "clicked");
    pl_test_spin ();
    {
      GtkWindow *carry = pl_test_find_window (PL_TYPE_CARRY_DIALOG);
      g_assert_nonnull (carry);
      g_assert_true (gtk_window_get_transient_for (carry) == GTK_WINDOW (window));
      gtk_window_destroy (carry);
      pl_test_spin ();
    }
    /* The line below selected: the marks show on an unselected row in the screenshots. */
    pl_budget_grid_select (grid, pl_plan_lookup (plan, "line-google"));
    pl_test_spin ();
  }
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autofree char *name = g_strdup_printf ("committed-%s", views[v]);
      show_figure (page, views[v]);
      pl_test_screenshot (GTK_WIDGET (window), name);
    }
  gtk_menu_button_popup (GTK_MENU_BUTTON (pl_test_find_by_id (page, "unbudgeted_button")));
  pl_test_spin ();
  {
    GtkWidget *list = pl_test_find_by_id (page, "unbudgeted_grid");
    guint rows = 0;

    for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
      rows++;
    /* A heading, then five cells an entry. */
    g_assert_cmpuint (rows, ==, 5 * (1 + unbudgeted->entries->len));
    pl_test_screenshot (pl_test_find_by_id (page, "unbudgeted_popover"), "committed-flag-list");
  }
  gtk_widget_activate_action (page, "budget.show-no-line", NULL);
  pl_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pl_test_find_by_id (page, "view_stack"))), ==, "spend");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (pl_test_find_by_id (page, "spend_line"))), ==, 1);
  pl_test_wait_drawn (page);

  /* The status, changed in the list as a user does: the print run invoiced. */
  {
    g_autoptr(GPtrArray) cells = g_ptr_array_new ();
    GtkWidget *summary = pl_test_find_by_id (page, "spend_summary");
    guint64 serial = pl_plan_get_serial (plan);
    gboolean changed = FALSE;

    /* The list's total counts what it shows, actual and committed apart. */
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (summary)), ==, "2 entries: 4\u202F200\u00A0EUR actual, 800\u00A0EUR committed");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (page, "spend_status")), 1 + PL_SPEND_COMMITTED);
    pl_test_spin ();
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (summary)), ==, "1 entry: 0\u00A0EUR actual, 800\u00A0EUR committed");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (page, "spend_status")), 0);
    pl_test_spin ();
    collect (pl_test_find_by_id (page, "spend_box"), PL_TYPE_FIELD_CELL, cells);
    for (guint i = 0; i < cells->len && !changed; i++)
      {
        PlFieldCell *cell = g_ptr_array_index (cells, i);
        g_autofree char *text = pl_field_cell_get_text (cell);
        GtkWidget *dropdown;

        if (g_strcmp0 (pl_field_cell_get_field (cell)->name, "status") != 0 || g_strcmp0 (text, "Committed") != 0 ||
            !gtk_widget_get_mapped (GTK_WIDGET (cell)))
          continue;
        dropdown = pl_field_cell_reach (cell);
        pl_test_spin ();
        g_assert_true (GTK_IS_DROP_DOWN (dropdown));
        gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), PL_SPEND_ACTUAL);
        pl_test_spin ();
        changed = TRUE;
      }
    g_assert_true (changed);
    g_assert_cmpuint (pl_plan_get_serial (plan), !=, serial);
    g_assert_true (pl_spend_is_actual (print));
    /* The line column says "Unbudgeted" for spend on no line. */
    for (guint i = 0; i < cells->len; i++)
      if (g_strcmp0 (pl_field_cell_get_field (cells->pdata[i])->name, "line") == 0 && gtk_widget_get_mapped (cells->pdata[i]))
        {
          g_autofree char *text = pl_field_cell_get_text (cells->pdata[i]);
          g_assert_cmpstr (text, ==, "Unbudgeted");
        }
    pl_test_screenshot (GTK_WIDGET (window), "committed-spending");
    pl_plan_undo (plan);
    pl_test_spin ();
    g_assert_false (pl_spend_is_actual (print));

    /* The stand put on a line from its drop-down: budgeted now, the flag says less. */
    {
      g_autofree char *before = g_strdup (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (page, "unbudgeted_label"))));
      gboolean assigned = FALSE;

      for (guint i = 0; i < cells->len && !assigned; i++)
        {
          PlFieldCell *cell = g_ptr_array_index (cells, i);
          GtkWidget *dropdown;

          if (g_strcmp0 (pl_field_cell_get_field (cell)->name, "line") != 0 || !gtk_widget_get_mapped (GTK_WIDGET (cell)))
            continue;
          dropdown = pl_field_cell_reach (cell);
          pl_test_spin ();
          g_assert_true (GTK_IS_DROP_DOWN (dropdown));
          g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
          pl_test_spin ();
          assigned = TRUE;
        }
      g_assert_true (assigned);
      g_assert_true (pl_item_get_string (stand, PL_SPEND_LINE) != NULL || pl_item_get_string (print, PL_SPEND_LINE) != NULL);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (page, "unbudgeted_label"))), !=, before);
      pl_plan_undo (plan);
      pl_test_spin ();
      g_assert_null (pl_item_get_string (stand, PL_SPEND_LINE));
      g_assert_null (pl_item_get_string (print, PL_SPEND_LINE));
    }
  }
  g_assert_true (pl_spend_is_actual (stand));
  g_assert_false (pl_spend_is_actual (order));

  /* Narrow: the switch, the flag and the footer still read. */
  gtk_stack_set_visible_child_name (GTK_STACK (pl_test_find_by_id (page, "view_stack")), "plan");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  pl_test_spin ();
  pl_test_wait_drawn (GTK_WIDGET (window));
  show_figure (page, "Remaining");
  pl_test_screenshot (GTK_WIDGET (window), "committed-narrow");
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
}

/* A record just added is not flagged for what the user has not had a chance to fill yet: its
 * problems show once the user leaves its row (or saves). */
static void
test_fresh_record (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *holder = gtk_window_new ();
  PlRecordTable *table = pl_record_table_new (PL_COLLECTION_ALLOCATIONS, "_Add");
  GtkWidget *problems;
  guint before = pl_plan_get_n (plan, PL_COLLECTION_ALLOCATIONS);
  g_autoptr(PlItem) added = NULL;

  pl_record_table_add_column (table, PL_ALLOCATION_CAMPAIGN, "Campaign", TRUE);
  pl_record_table_set_plan (table, plan);
  gtk_window_set_child (GTK_WINDOW (holder), GTK_WIDGET (table));
  gtk_window_present (GTK_WINDOW (holder));
  pl_test_wait_drawn (GTK_WIDGET (table));
  /* The table's last child lists the problems of its records. */
  problems = gtk_widget_get_last_child (GTK_WIDGET (table));
  g_assert_true (GTK_IS_LABEL (problems));
  g_assert_false (gtk_widget_get_visible (problems));

  g_signal_emit_by_name (g_object_get_data (G_OBJECT (table), "add-button"), "clicked");
  pl_test_spin ();
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_ALLOCATIONS), ==, before + 1);
  added = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_ALLOCATIONS), before);
  g_assert_false (pl_item_field_is_set (added, PL_ALLOCATION_LINE));
  /* Neither its line nor its campaign is chosen, and nothing is said yet. */
  g_assert_false (gtk_widget_get_visible (problems));

  /* Left: now it is. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                                       GTK_COLUMN_VIEW (pl_test_find_widget (GTK_WIDGET (table), GTK_TYPE_COLUMN_VIEW)))),
                                     GTK_INVALID_LIST_POSITION);
  pl_test_spin ();
  g_assert_true (gtk_widget_get_visible (problems));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (problems)), "An unnamed allocation has no budget line."));
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (problems)), pl_item_get_id (added)));
  pl_plan_undo (plan);
  pl_test_spin ();
  g_assert_false (gtk_widget_get_visible (problems));
  gtk_window_destroy (GTK_WINDOW (holder));
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/budget/page", test_budget_page);
  g_test_add_func ("/budget/fresh-record", test_fresh_record);
  g_test_add_func ("/budget/committed", test_committed);
  return g_test_run ();
}

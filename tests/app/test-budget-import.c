/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing a budget through the window: the dialog opened from its action, the LibreOffice
 * workbook read and previewed (new, changed, unchanged lines, how the sheet was read), its
 * second sheet chosen, a broken file said in words, Import as one edit that the window's Undo
 * takes back. Writes screenshots. */
#include <string.h>

#include "pl-budget-import-dialog.h"
#include "pl-test-util.h"

static PlBudgetImportDialog *
find_dialog (void)
{
  return (PlBudgetImportDialog *) pl_test_find_window (PL_TYPE_BUDGET_IMPORT_DIALOG);
}

static GFile *
sheet_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", "sheets", name, NULL);
  return g_file_new_for_path (path);
}

static const char *
summary_text (PlBudgetImportDialog *dialog)
{
  return gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (GTK_WIDGET (dialog), "summary")));
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static gboolean
has_line (PlPlan *plan, const char *name)
{
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      if (g_strcmp0 (pl_item_get_string (line, PL_BUDGET_LINE_NAME), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_budget_import_dialog (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autoptr(GFile) ods = sheet_file ("budget-lo.ods");
  g_autoptr(GFile) truncated = sheet_file ("truncated.xlsx");
  g_autoptr(GFile) openpyxl = sheet_file ("budget-openpyxl.xlsx");
  g_autoptr(GError) error = NULL;
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  PlBudgetImportDialog *dialog;
  GtkWidget *sheet;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-budget", NULL);
  pl_test_spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  /* Nothing to import before a file is chosen. */
  g_assert_false (gtk_widget_is_sensitive (pl_test_find_by_id (GTK_WIDGET (dialog), "import_button")));
  /* A file cut short: said in words, nothing to import. */
  g_assert_false (pl_budget_import_dialog_set_file (dialog, truncated, &error));
  g_assert_nonnull (error);
  pl_test_spin ();
  g_assert_nonnull (strstr (summary_text (dialog), "damaged or incomplete"));
  g_assert_cmpuint (pl_budget_import_dialog_get_n_lines (dialog), ==, 0);
  g_clear_error (&error);

  g_assert_true (pl_budget_import_dialog_set_file (dialog, ods, &error));
  g_assert_no_error (error);
  pl_test_spin ();
  g_assert_cmpuint (pl_budget_import_dialog_get_n_lines (dialog), ==, 6);
  g_assert_cmpuint (pl_budget_import_dialog_get_n_changing (dialog), ==, 3);
  pl_test_screenshot (GTK_WIDGET (dialog), "budget-import-dialog");
  g_assert_cmpstr (summary_text (dialog), ==,
                   "To import: 2 lines new, 1 changed, 3 unchanged, 0 rows skipped. New category: “Partenariats”. "
                   "15 lines of the plan are not in the sheet: they stay as they are. "
                   "1 line’s total in the sheet is not the sum of its months: the months are imported, the total is not.");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (pl_test_find_by_id (GTK_WIDGET (dialog), "import_button"))), ==,
                   "_Import 3 Lines");
  /* How it was read: the header, the categories, the names, the twelve months at once, the
   * total, three subtotals. */
  g_assert_cmpuint (n_children (pl_test_find_by_id (GTK_WIDGET (dialog), "reading")), ==, 1 + 4 + 3);
  /* Two sheets: the choice is offered. */
  sheet = pl_test_find_by_id (GTK_WIDGET (dialog), "sheet");
  g_assert_true (gtk_widget_get_visible (sheet));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sheet), 1);
  pl_test_spin ();
  g_assert_cmpuint (pl_budget_import_dialog_get_n_lines (dialog), ==, 1);
  g_assert_cmpuint (pl_budget_import_dialog_get_n_changing (dialog), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sheet), 0);
  pl_test_spin ();
  g_assert_cmpuint (pl_budget_import_dialog_get_n_lines (dialog), ==, 6);
  /* Nothing changed until Import. */
  g_assert_false (pl_plan_get_modified (plan));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "budget-import.apply", NULL);
  pl_test_spin ();
  g_assert_true (find_dialog () == dialog);
  g_assert_cmpstr (summary_text (dialog), ==,
                   "Imported from budget-lo.ods: 2 lines new, 1 changed, 3 unchanged, 0 rows skipped. "
                   "Undo takes it all back.");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (pl_test_find_by_id (GTK_WIDGET (dialog), "import_button"))), ==, "_Close");
  g_assert_true (has_line (plan, "Salon CFO Paris"));
  g_assert_true (pl_plan_get_modified (plan));
  pl_test_screenshot (GTK_WIDGET (dialog), "budget-import-dialog-done");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  pl_test_spin ();
  g_assert_null (find_dialog ());
  /* One Undo in the window takes the whole import back. */
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Import Budget");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  pl_test_spin ();
  g_assert_false (has_line (plan, "Salon CFO Paris"));
  g_assert_false (pl_plan_get_modified (plan));

  /* Rows that cannot be read are listed first, and the lines that read can still be imported. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-budget", NULL);
  pl_test_spin ();
  dialog = find_dialog ();
  g_assert_true (pl_budget_import_dialog_set_file (dialog, openpyxl, NULL));
  pl_test_spin ();
  g_assert_false (gtk_widget_get_visible (pl_test_find_by_id (GTK_WIDGET (dialog), "sheet")));
  g_assert_nonnull (strstr (summary_text (dialog), "The rows skipped are listed below"));
  {
    GtkWidget *first = gtk_widget_get_first_child (pl_test_find_by_id (GTK_WIDGET (dialog), "reading"));
    GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (first));
    g_assert_true (gtk_widget_has_css_class (label, "problem-text"));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==,
                     "Row 15: “Refund from agency” skipped, “(500)” in February 2027 is negative, and a budget plans no credits.");
  }
  pl_test_screenshot (GTK_WIDGET (dialog), "budget-import-dialog-skipped");
  /* Cancel changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  pl_test_spin ();
  g_assert_null (find_dialog ());
  g_assert_false (pl_plan_get_modified (plan));
  /* The window closes an open dialog with it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-budget", NULL);
  pl_test_spin ();
  g_assert_nonnull (find_dialog ());
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  g_assert_null (find_dialog ());
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/budget-import/dialog", test_budget_import_dialog);
  return g_test_run ();
}

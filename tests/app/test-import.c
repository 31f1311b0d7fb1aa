/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing measurements through the window: the dialog opened by its action, a CSV with
 * bad rows read and previewed, the formats changed until every row reads, Import as one
 * undoable edit. Writes screenshots. */
#include <string.h>

#include "pl-import-dialog.h"
#include "pl-test-util.h"

static PlImportDialog *
find_dialog (void)
{
  return (PlImportDialog *) pl_test_find_window (PL_TYPE_IMPORT_DIALOG);
}

static void
test_import_dialog (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *csv = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "io", "csv", "crm-semicolon.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autofree char *ga4 = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "io", "csv", "ga4-wide.csv", NULL);
  g_autoptr(GFile) ga4_file = g_file_new_for_path (ga4);
  g_autofree char *odd_path = g_build_filename (dir, "odd.csv", NULL);
  g_autoptr(GFile) odd_file = g_file_new_for_path (odd_path);
  g_autoptr(GError) error = NULL;
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  PlImportDialog *dialog;
  GtkWidget *rejected;
  guint n_rejected = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-measurements", NULL);
  pl_test_spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (pl_import_dialog_set_file (dialog, file, &error));
  g_assert_no_error (error);
  pl_test_spin ();
  /* The CRM file's ";" make the decimal comma the guess, and its dates read day first. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (pl_test_find_by_id (GTK_WIDGET (dialog), "decimal"))), ==, 1);
  g_assert_cmpuint (pl_import_dialog_get_n_rejected (dialog), ==, 5);
  /* With the point as decimal separator "230,5" does not read; the user puts the comma back,
   * and says the dates are day first. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (GTK_WIDGET (dialog), "decimal")), 0);
  pl_test_spin ();
  g_assert_cmpuint (pl_import_dialog_get_n_rejected (dialog), ==, 6);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (GTK_WIDGET (dialog), "decimal")), 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (GTK_WIDGET (dialog), "date_format")), 2);
  pl_test_spin ();
  g_assert_cmpuint (pl_import_dialog_get_n_rows (dialog), ==, 3);
  g_assert_cmpuint (pl_import_dialog_get_n_rejected (dialog), ==, 5);
  rejected = pl_test_find_by_id (GTK_WIDGET (dialog), "rejected");
  for (GtkWidget *c = gtk_widget_get_first_child (rejected); c != NULL; c = gtk_widget_get_next_sibling (c))
    n_rejected++;
  g_assert_cmpuint (n_rejected, ==, 5);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (pl_test_find_by_id (GTK_WIDGET (dialog), "import_button"))), ==,
                   "_Import 3 Measurements");
  /* What would change, before anything does: the April values are there already. */
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (GTK_WIDGET (dialog), "summary"))),
                                   "3 values to replace, from 8 rows. 5 rows rejected"));
  /* No percentage in this file: the question is not asked. */
  g_assert_false (gtk_widget_get_visible (pl_test_find_by_id (GTK_WIDGET (dialog), "percent")));
  pl_test_screenshot (GTK_WIDGET (dialog), "import-dialog");
  /* Nothing changed until Import. */
  g_assert_false (pl_plan_get_modified (plan));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  pl_test_spin ();
  /* The dialog says what changed, then closes. */
  g_assert_true (find_dialog () == dialog);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (GTK_WIDGET (dialog), "summary"))), ==,
                   "Imported from crm-semicolon.csv: 0 values added, 3 replaced, 0 unchanged.");
  g_assert_false (gtk_widget_get_visible (pl_test_find_by_id (GTK_WIDGET (dialog), "cancel_button")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (pl_test_find_by_id (GTK_WIDGET (dialog), "import_button"))), ==, "_Close");
  pl_test_screenshot (GTK_WIDGET (dialog), "import-dialog-done");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  pl_test_spin ();
  g_assert_null (find_dialog ());
  g_assert_true (pl_plan_get_modified (plan));
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Import 3 Measurements");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  pl_test_spin ();
  g_assert_false (pl_plan_get_modified (plan));

  /* GA4's wide file: a column per KPI found from the header; "32,500" reads as the comma
   * is guessed as the thousands separator, and not without it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-measurements", NULL);
  pl_test_spin ();
  dialog = find_dialog ();
  g_assert_true (pl_import_dialog_set_file (dialog, ga4_file, NULL));
  pl_test_spin ();
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (pl_test_find_by_id (GTK_WIDGET (dialog), "layout"))), ==, 1);
  g_assert_false (gtk_widget_get_visible (pl_test_find_by_id (GTK_WIDGET (dialog), "kpi_column")));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (pl_test_find_by_id (GTK_WIDGET (dialog), "thousands"))), ==, 1);
  g_assert_cmpuint (pl_import_dialog_get_n_rejected (dialog), ==, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (GTK_WIDGET (dialog), "thousands")), 0);
  pl_test_spin ();
  g_assert_cmpuint (pl_import_dialog_get_n_rejected (dialog), ==, 1);
  g_assert_true (gtk_widget_get_visible (pl_test_find_by_id (GTK_WIDGET (dialog), "rejected_box")));
  rejected = gtk_widget_get_first_child (pl_test_find_by_id (GTK_WIDGET (dialog), "rejected"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (rejected)))), ==,
                   "Row 9: “32,500” is not a number in this file’s format.");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (GTK_WIDGET (dialog), "thousands")), 1);
  pl_test_spin ();
  g_assert_cmpuint (pl_import_dialog_get_n_rejected (dialog), ==, 0);
  g_assert_cmpuint (pl_import_dialog_get_n_rows (dialog), ==, 5);
  g_assert_false (gtk_widget_get_visible (pl_test_find_by_id (GTK_WIDGET (dialog), "rejected_box")));
  pl_test_screenshot (GTK_WIDGET (dialog), "import-dialog-ga4");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  pl_test_spin ();

  /* Headers nothing is guessed from: the columns can still be chosen. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-measurements", NULL);
  pl_test_spin ();
  dialog = find_dialog ();
  g_assert_true (g_file_set_contents (odd_path, "When,What,How many\n2027-06-01,kpi-sql,90\n", -1, NULL));
  g_assert_true (pl_import_dialog_set_file (dialog, odd_file, NULL));
  pl_test_spin ();
  g_assert_cmpuint (pl_import_dialog_get_n_rows (dialog), ==, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (GTK_WIDGET (dialog), "layout")), 0);
  pl_test_spin ();
  g_assert_cmpuint (pl_import_dialog_get_n_rows (dialog), ==, 1);
  g_assert_cmpuint (pl_import_dialog_get_n_rejected (dialog), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  pl_test_spin ();
  g_assert_false (pl_plan_get_modified (plan));

  /* Churn written "20": 20 % or 2,000 %, both far from the plan's 1.6 %. The dialog asks
   * (a choice, not an error) and imports once the user says. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-measurements", NULL);
  pl_test_spin ();
  dialog = find_dialog ();
  g_assert_true (g_file_set_contents (odd_path, "date,kpi,value\n2027-07-01,kpi-churn,20\n", -1, NULL));
  g_assert_true (pl_import_dialog_set_file (dialog, odd_file, NULL));
  pl_test_spin ();
  g_assert_cmpuint (pl_import_dialog_get_n_rows (dialog), ==, 0);
  g_assert_true (gtk_widget_get_visible (pl_test_find_by_id (GTK_WIDGET (dialog), "percent")));
  g_assert_false (gtk_widget_has_css_class (pl_test_find_by_id (GTK_WIDGET (dialog), "summary"), "problem-text"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (GTK_WIDGET (dialog), "summary"))),
                            "Choose how the file writes them under Percentages."));
  pl_test_screenshot (GTK_WIDGET (dialog), "import-dialog-percent");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (GTK_WIDGET (dialog), "percent")), 1);
  pl_test_spin ();
  g_assert_cmpuint (pl_import_dialog_get_n_rows (dialog), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  pl_test_spin ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (GTK_WIDGET (dialog), "summary"))), ==,
                   "Imported from odd.csv: 1 value added, 0 replaced, 0 unchanged.");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  pl_test_spin ();
  g_assert_cmpfloat (pl_series_lookup (pl_kpi_get_measurements (PL_KPI (pl_plan_lookup (plan, "kpi-churn"))),
                                       pl_plan_month_start (plan, 6))->value, ==, 0.2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  pl_test_spin ();
  g_assert_false (pl_plan_get_modified (plan));

  /* Cancel changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-measurements", NULL);
  pl_test_spin ();
  dialog = find_dialog ();
  g_assert_true (pl_import_dialog_set_file (dialog, file, NULL));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  pl_test_spin ();
  g_assert_null (find_dialog ());
  g_assert_false (pl_plan_get_modified (plan));

  /* The window closes an open dialog with it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-measurements", NULL);
  pl_test_spin ();
  g_assert_nonnull (find_dialog ());
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  g_assert_null (find_dialog ());
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/import/dialog", test_import_dialog);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing measurements through the window: the dialog opened by its action, a CSV with
 * bad rows read and previewed, the formats changed until every row reads, Import as one
 * undoable edit. Writes screenshots. */
#include "pl-import-dialog.h"
#include "pl-test-util.h"

static PlImportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (PL_IS_IMPORT_DIALOG (window))
        return PL_IMPORT_DIALOG (window);
    }
  return NULL;
}

static void
test_import_dialog (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pilote-ui-XXXXXX", NULL);
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *csv = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "io", "csv", "crm-semicolon.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
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
  /* The CRM file with the point as decimal separator: "230,5" does not read. */
  g_assert_cmpuint (pl_import_dialog_get_n_rejected (dialog), ==, 6);
  /* Its decimal comma and day-first dates, chosen as a user would. */
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
  pl_test_screenshot (GTK_WIDGET (dialog), "import-dialog");
  /* Nothing changed until Import. */
  g_assert_false (pl_plan_get_modified (plan));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  pl_test_spin ();
  g_assert_null (find_dialog ());
  g_assert_true (pl_plan_get_modified (plan));
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Import 3 Measurements");
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
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/import/dialog", test_import_dialog);
  return g_test_run ();
}

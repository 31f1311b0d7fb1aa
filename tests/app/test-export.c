/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export… (issue 23): opened by its action and Ctrl+E on the example plan, the budget written
 * as XLSX and the campaigns as CSV into the plan's folder, the dialog saying where; a folder
 * that is gone said in plain words, the dialog still open. Writes screenshots. */
#include <string.h>

#include "pl-export-dialog.h"
#include "pl-test-util.h"

static PlExportDialog *
find_dialog (void)
{
  return (PlExportDialog *) pl_test_find_window (PL_TYPE_EXPORT_DIALOG);
}

static void
test_export_dialog (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *xlsx = g_build_filename (dir, "budget.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "campaigns.csv", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no such folder", "kpis.xlsx", NULL);
  g_autoptr(GFile) xlsx_file = g_file_new_for_path (xlsx);
  g_autoptr(GFile) no_extension = g_file_new_for_path (csv);
  g_autoptr(GFile) nowhere_file = g_file_new_for_path (nowhere);
  PlWindow *window = pl_test_open_in_window (path);
  PlExportDialog *dialog;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;

  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (pl_test_app), "win.export");
    g_assert_cmpstr (accels[0], ==, "<Control>e");
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  pl_test_spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_null (pl_export_dialog_get_message (dialog));
  pl_test_wait_drawn (GTK_WIDGET (dialog));
  pl_test_screenshot (GTK_WIDGET (dialog), "export-dialog");

  /* The budget, as an Excel workbook. */
  g_assert_true (pl_export_dialog_export (dialog, xlsx_file));
  g_assert_true (g_file_get_contents (xlsx, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK"));
  expected = g_strdup_printf ("Written to %s", xlsx);
  g_assert_cmpstr (pl_export_dialog_get_message (dialog), ==, expected);
  pl_test_wait_drawn (GTK_WIDGET (dialog));
  pl_test_screenshot (GTK_WIDGET (dialog), "export-dialog-written");

  /* The campaigns as CSV, named without its extension: the format adds it. */
  pl_export_dialog_set_choice (dialog, PL_SHEET_CAMPAIGNS, PL_SHEET_CSV);
  g_clear_pointer (&contents, g_free);
  {
    g_autofree char *bare = g_build_filename (dir, "campaigns", NULL);
    g_autoptr(GFile) bare_file = g_file_new_for_path (bare);
    g_assert_true (pl_export_dialog_export (dialog, bare_file));
  }
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Campaign,Channel,"));

  /* The same name typed again: the chooser asked about "campaigns", not "campaigns.csv", so
   * the file written is kept and the dialog says why. */
  pl_export_dialog_set_choice (dialog, PL_SHEET_BUDGET, PL_SHEET_CSV);
  {
    g_autofree char *bare = g_build_filename (dir, "campaigns", NULL);
    g_autoptr(GFile) bare_file = g_file_new_for_path (bare);
    g_autofree char *kept = NULL;

    g_assert_false (pl_export_dialog_export (dialog, bare_file));
    g_assert_nonnull (strstr (pl_export_dialog_get_message (dialog), "“campaigns.csv” exists already and was left as it is."));
    g_assert_true (g_file_get_contents (csv, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, contents);
  }

  /* A folder that is gone: said in plain words, the dialog open to choose another. */
  pl_export_dialog_set_choice (dialog, PL_SHEET_KPIS, PL_SHEET_XLSX);
  g_assert_false (pl_export_dialog_export (dialog, nowhere_file));
  g_assert_nonnull (strstr (pl_export_dialog_get_message (dialog),
                            "kpis.xlsx: The spreadsheet was not written, because the folder"));
  g_assert_nonnull (strstr (pl_export_dialog_get_message (dialog), "does not exist. Choose another folder."));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  pl_test_wait_drawn (GTK_WIDGET (dialog));
  pl_test_screenshot (GTK_WIDGET (dialog), "export-dialog-error");

  /* Opened again, it is on the choice last written: campaigns, as CSV. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  pl_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  pl_test_spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (pl_test_find_by_id (GTK_WIDGET (dialog), "campaigns"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (pl_test_find_by_id (GTK_WIDGET (dialog), "csv"))));

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  g_assert_null (find_dialog ());
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/export-dialog/export", test_export_dialog);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing spend from the books through the window: the dialog opened by its action, the
 * first quarter's FEC previewed with its proposed rules, a rule's line changed through its
 * drop-down and another left unbudgeted, Import as one undoable edit that keeps the rules,
 * the same file again adding nothing. Writes screenshots. */
#include <string.h>

#include "pl-spend-import-dialog.h"
#include "pl-test-util.h"
#include "pl-record-table.h"
#include "pl-plan-page.h"

static PlSpendImportDialog *
find_dialog (void)
{
  return (PlSpendImportDialog *) pl_test_find_window (PL_TYPE_SPEND_IMPORT_DIALOG);
}

static const char *
summary (PlSpendImportDialog *dialog)
{
  return gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (GTK_WIDGET (dialog), "summary")));
}

static void
test_spend_dialog (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *fec = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", "books", "fec-2027-q1.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fec);
  g_autoptr(GError) error = NULL;
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  guint spend = pl_plan_get_n (plan, PL_COLLECTION_SPEND);
  PlSpendImportDialog *dialog;
  GtkWidget *rules, *row, *dropdown;
  guint n_rules;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-spend", NULL);
  pl_test_spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  pl_test_wait_drawn (GTK_WIDGET (dialog));
  pl_test_screenshot (GTK_WIDGET (dialog), "spend-dialog-empty");
  g_assert_true (pl_spend_import_dialog_set_file (dialog, file, &error));
  g_assert_no_error (error);
  pl_test_spin ();
  g_assert_cmpuint (pl_spend_import_dialog_get_n_entries (dialog), ==, 40);
  g_assert_cmpuint (pl_spend_import_dialog_get_n_rejected (dialog), ==, 0);
  n_rules = pl_spend_import_dialog_get_n_rules (dialog);
  g_assert_cmpuint (n_rules, ==, 7);
  g_assert_true (g_str_has_prefix (summary (dialog),
                                   "318 entries read: 40 to import, 277 left on other accounts, 1 outside the plan’s period."));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (pl_test_find_by_id (GTK_WIDGET (dialog), "import_button"))), ==,
                   "_Import 40 Entries");

  /* The last rule (account 62310000, press insertions) moved to the PR line by its drop-down. */
  rules = pl_test_find_by_id (GTK_WIDGET (dialog), "rules");
  row = gtk_widget_get_last_child (rules);
  dropdown = pl_test_find_widget (row, GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (dropdown);
  {
    GListModel *lines = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
    guint pr = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
      {
        g_autoptr(GtkStringObject) name = g_list_model_get_item (lines, i);
        if (g_str_equal (gtk_string_object_get_string (name), "PR agency retainer"))
          pr = i;
      }
    g_assert_cmpuint (pr, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), pr);
  }
  /* The receptions rule (the fifth) left with no line: its entries become unbudgeted. */
  pl_spend_import_dialog_set_rule_line (dialog, 4, NULL);
  pl_test_spin ();
  g_assert_nonnull (strstr (summary (dialog), " entries no rule maps to a line are unbudgeted spend."));
  pl_test_wait_drawn (GTK_WIDGET (dialog));
  pl_test_screenshot (GTK_WIDGET (dialog), "spend-dialog");
  gtk_notebook_set_current_page (GTK_NOTEBOOK (pl_test_find_by_id (GTK_WIDGET (dialog), "pages")), 1);
  pl_test_wait_drawn (GTK_WIDGET (dialog));
  pl_test_screenshot (GTK_WIDGET (dialog), "spend-dialog-unbudgeted");
  gtk_notebook_set_current_page (GTK_NOTEBOOK (pl_test_find_by_id (GTK_WIDGET (dialog), "pages")), 2);
  pl_test_wait_drawn (GTK_WIDGET (dialog));
  pl_test_screenshot (GTK_WIDGET (dialog), "spend-dialog-left");
  /* Nothing changed until Import. */
  g_assert_false (pl_plan_get_modified (plan));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "spend.apply", NULL);
  pl_test_spin ();
  g_assert_true (find_dialog () == dialog);
  g_assert_true (g_str_has_prefix (summary (dialog), "Imported from fec-2027-q1.txt: 40 entries ("));
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_SPEND), ==, spend + 40);
  /* The rules that name a line are kept: all but the one left with none. */
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_SPEND_RULES), ==, n_rules - 1);
  {
    GListModel *saved = pl_plan_get_collection (plan, PL_COLLECTION_SPEND_RULES);
    g_autoptr(PlItem) last = g_list_model_get_item (saved, n_rules - 2);
    g_assert_cmpstr (pl_item_get_string (last, PL_SPEND_RULE_LINE), ==, "line-pr");
  }
  pl_test_screenshot (GTK_WIDGET (dialog), "spend-dialog-done");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  pl_test_spin ();
  g_assert_null (find_dialog ());

  /* The rules kept are on the Plan page, where a wrong one is corrected for the next import. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "plan");
  pl_test_wait_drawn (GTK_WIDGET (window));
  {
    GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_PLAN_PAGE);
    GtkWidget *table = pl_test_find_widget (pl_test_find_by_id (page, "rules_box"), PL_TYPE_RECORD_TABLE);
    GtkWidget *view = pl_test_find_widget (table, GTK_TYPE_COLUMN_VIEW);

    g_assert_nonnull (view);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)))), ==,
                      n_rules - 1);
    pl_test_wait_drawn (table);
    pl_test_screenshot (table, "spend-rules-plan-page");
  }

  /* The same file again: nothing to import. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-spend", NULL);
  pl_test_spin ();
  dialog = find_dialog ();
  g_assert_true (pl_spend_import_dialog_set_file (dialog, file, NULL));
  g_assert_cmpuint (pl_spend_import_dialog_get_n_entries (dialog), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (pl_test_find_by_id (GTK_WIDGET (dialog), "import_button")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  pl_test_spin ();

  /* One undo takes back the entries and the rules. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  pl_test_spin ();
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_SPEND), ==, spend);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_SPEND_RULES), ==, 0);
  g_assert_false (pl_plan_get_modified (plan));

  /* A bank's CSV: the sign of its amounts is asked, and choosing it reads them again. */
  {
    g_autofree char *bank = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", "books", "bank-2027-03.csv", NULL);
    g_autoptr(GFile) bank_file = g_file_new_for_path (bank);
    GtkWidget *sign;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.import-spend", NULL);
    pl_test_spin ();
    dialog = find_dialog ();
    g_assert_true (pl_spend_import_dialog_set_file (dialog, bank_file, NULL));
    pl_test_spin ();
    sign = pl_test_find_by_id (GTK_WIDGET (dialog), "sign");
    g_assert_true (gtk_widget_get_visible (pl_test_find_by_id (GTK_WIDGET (dialog), "csv_options")));
    g_assert_cmpuint (pl_spend_import_dialog_get_n_entries (dialog), ==, 6);
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (GTK_WIDGET (dialog), "notes"))),
                              "Most amounts are negative"));
    /* No account to go by: a rule per supplier, for the user to give a line. */
    g_assert_cmpuint (pl_spend_import_dialog_get_n_rules (dialog), ==, 4);
    gtk_notebook_set_current_page (GTK_NOTEBOOK (pl_test_find_by_id (GTK_WIDGET (dialog), "pages")), 1);
    pl_test_wait_drawn (GTK_WIDGET (dialog));
    pl_test_screenshot (GTK_WIDGET (dialog), "spend-dialog-bank");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (sign), 1);
    pl_test_spin ();
    g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (GTK_WIDGET (dialog), "notes"))),
                           "Most amounts are negative"));
    gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
    pl_test_spin ();
  }

  /* The window closes an open dialog with it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-spend", NULL);
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
  g_test_add_func ("/spend-import/dialog", test_spend_dialog);
  return g_test_run ();
}

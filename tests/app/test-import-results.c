/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing campaign results through the window (issue 25): the import dialog guesses the
 * campaign column of a HubSpot export, previews each campaign's results with the campaign
 * beside them, lists the names that match no campaign, reads KPI measurements when the user
 * chooses None, and imports the results as one undoable edit that adds the links it needs.
 * Run in English and in French (LANGUAGE=fr); writes screenshots of both. */
#include <string.h>

#include "pl-import-dialog.h"
#include "pl-test-util.h"

static PlImportDialog *
open_dialog (PlWindow *window, const char *fixture)
{
  g_autofree char *csv = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", "results-import", fixture, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  PlImportDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-measurements", NULL);
  pl_test_spin ();
  dialog = (PlImportDialog *) pl_test_find_window (PL_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (pl_import_dialog_set_file (dialog, file, &error));
  g_assert_no_error (error);
  pl_test_spin ();
  return dialog;
}

static GtkDropDown *
campaign_choice (PlImportDialog *dialog)
{
  return GTK_DROP_DOWN (pl_test_find_by_id (GTK_WIDGET (dialog), "campaign_column"));
}

static const char *
summary (PlImportDialog *dialog)
{
  return gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (GTK_WIDGET (dialog), "summary")));
}

static const char *
notes (PlImportDialog *dialog)
{
  return gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (GTK_WIDGET (dialog), "notes")));
}

/* The drop-down choosing the KPI of column @column (0-based) of a file with a column per KPI. */
static GtkDropDown *
kpi_of_column (PlImportDialog *dialog, guint column)
{
  GtkWidget *map = pl_test_find_by_id (GTK_WIDGET (dialog), "kpi_map");
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (map), (int) column);

  g_assert_nonnull (child);
  return GTK_DROP_DOWN (gtk_widget_get_last_child (gtk_flow_box_child_get_child (child)));
}

static void
close_dialog (PlImportDialog *dialog)
{
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  pl_test_spin ();
}

static void
test_campaign_column (void)
{
  const char *language = g_getenv ("LANGUAGE");
  gboolean french = language != NULL && g_str_has_prefix (language, "fr");
  const char *suffix = french ? "-fr" : "";
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_plan (dir, "tests/data/results-import/plan.pilote", "plan.pilote");
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  guint n_links = pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  g_autofree char *shot = NULL;
  PlImportDialog *dialog;
  GtkWidget *unmatched;

  /* HubSpot's report: "Campaign name" is guessed; Sessions and Revenue name KPIs. */
  dialog = open_dialog (window, "hubspot.csv");
  g_assert_cmpuint (gtk_drop_down_get_selected (campaign_choice (dialog)), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (pl_test_find_by_id (GTK_WIDGET (dialog), "layout"))), ==, 1);
  g_assert_cmpuint (pl_import_dialog_get_n_rejected (dialog), ==, 0);
  g_assert_cmpuint (pl_import_dialog_get_n_rows (dialog), ==, 8);
  if (!french)
    {
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (pl_test_find_by_id (GTK_WIDGET (dialog), "import_button"))), ==,
                       "_Import 8 Campaign Results");
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (GTK_WIDGET (dialog), "unmatched"))), ==, "");
      g_assert_cmpstr (summary (dialog), ==, "8 values to add, from 4 rows.");
      g_assert_nonnull (strstr (notes (dialog), "The column “Campaign name” names the campaigns"));
      g_assert_nonnull (strstr (notes (dialog), "Importing attaches campaigns to KPIs they were not attached to"));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Import Campaign Results");
    }
  /* The columns that name KPIs are read as them; HubSpot's own names are the user's to map. */
  g_assert_true (gtk_widget_get_visible (pl_test_find_by_id (GTK_WIDGET (dialog), "kpi_map")));
  g_assert_cmpuint (gtk_drop_down_get_selected (kpi_of_column (dialog, 2)), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (kpi_of_column (dialog, 3)), ==, 0);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (kpi_of_column (dialog, 0))))));
  gtk_drop_down_set_selected (kpi_of_column (dialog, 3), 2);
  gtk_drop_down_set_selected (kpi_of_column (dialog, 5), 4);
  pl_test_spin ();
  g_assert_cmpuint (pl_import_dialog_get_n_rejected (dialog), ==, 0);
  g_assert_cmpuint (pl_import_dialog_get_n_rows (dialog), ==, 16);
  shot = g_strconcat ("import-results-hubspot", suffix, NULL);
  pl_test_screenshot (GTK_WIDGET (dialog), shot);
  {
    /* A hundred campaigns attached to new KPIs make a long note: it stays a few lines, the
     * whole of it in the tooltip, so that the preview under it keeps its room. */
    GtkLabel *label = GTK_LABEL (pl_test_find_by_id (GTK_WIDGET (dialog), "notes"));

    g_assert_cmpint (gtk_label_get_lines (label), >, 0);
    g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_END);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (label)), ==, notes (dialog));
  }

  /* None: the same file read as KPI measurements, two campaigns in one month colliding. */
  gtk_drop_down_set_selected (campaign_choice (dialog), 0);
  pl_test_spin ();
  g_assert_cmpuint (pl_import_dialog_get_n_rejected (dialog), ==, 2);
  if (!french)
    g_assert_null (strstr (notes (dialog), "names the campaigns"));
  gtk_drop_down_set_selected (campaign_choice (dialog), 1);
  pl_test_spin ();
  g_assert_cmpuint (pl_import_dialog_get_n_rejected (dialog), ==, 0);

  /* Import: one step, with the links it needs; undone as one. */
  g_assert_false (pl_plan_get_modified (plan));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  pl_test_spin ();
  g_assert_true (pl_plan_get_modified (plan));
  if (!french)
    g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Import 16 Campaign Results");
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGN_KPIS), ==, n_links + 10);
  close_dialog (dialog);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  pl_test_spin ();
  g_assert_false (pl_plan_get_modified (plan));
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGN_KPIS), ==, n_links);

  /* Names that match no campaign: rejected by row, and listed once above the rows. */
  dialog = open_dialog (window, "unmatched.csv");
  g_assert_cmpuint (gtk_drop_down_get_selected (campaign_choice (dialog)), ==, 1);
  g_assert_cmpuint (pl_import_dialog_get_n_rejected (dialog), ==, 4);
  unmatched = pl_test_find_by_id (GTK_WIDGET (dialog), "unmatched");
  g_assert_true (gtk_widget_get_visible (unmatched));
  /* The name as the file has it, in either language's quotes (“ ” or « »). */
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (unmatched)), "Spring promo"));
  g_clear_pointer (&shot, g_free);
  shot = g_strconcat ("import-results-unmatched", suffix, NULL);
  pl_test_screenshot (GTK_WIDGET (dialog), shot);
  close_dialog (dialog);

  /* The French CRM's shape: ";" and "mars 2027", "Campagne" guessed. */
  dialog = open_dialog (window, "french.csv");
  g_assert_cmpuint (gtk_drop_down_get_selected (campaign_choice (dialog)), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (pl_test_find_by_id (GTK_WIDGET (dialog), "decimal"))), ==, 1);
  g_assert_cmpuint (pl_import_dialog_get_n_rejected (dialog), ==, 0);
  g_assert_cmpuint (pl_import_dialog_get_n_rows (dialog), ==, 3);
  g_clear_pointer (&shot, g_free);
  shot = g_strconcat ("import-results-french", suffix, NULL);
  pl_test_screenshot (GTK_WIDGET (dialog), shot);
  close_dialog (dialog);
  g_assert_false (pl_plan_get_modified (plan));

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/import-results/campaign-column", test_campaign_column);
  return g_test_run ();
}

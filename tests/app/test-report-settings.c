/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the CMO adds to the reports, from the window (issue 22): the report dialog's kind,
 * a section's commentary typed and saved as one undoable edit, a headline figure chosen (and
 * one chosen twice trading places); the logo on the Plan page, a file too big or not a PNG
 * refused with a message and nothing changed; a campaign's next step on the Campaigns page.
 * Writes screenshots. */
#include <glib/gstdio.h>
#include <string.h>

#include "pl-campaigns-page.h"
#include "pl-plan-page.h"
#include "pl-report-dialog.h"
#include "pl-report-settings.h"
#include "pl-test-logo.h"
#include "pl-test-util.h"

static PlReportDialog *
open_dialog (PlWindow *window)
{
  PlReportDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.report", NULL);
  pl_test_spin ();
  dialog = (PlReportDialog *) pl_test_find_window (PL_TYPE_REPORT_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static GtkWidget *
child (gpointer root, const char *id)
{
  GtkWidget *widget = pl_test_find_by_id (GTK_WIDGET (root), id);

  g_assert_nonnull (widget);
  return widget;
}

static GtkListBoxRow *
find_row (PlReportDialog *dialog, PlReportSection section)
{
  GtkListBox *list = GTK_LIST_BOX (child (dialog, "sections"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "section")) == section)
      return row;
  return NULL;
}

static guint
n_rows (PlReportDialog *dialog)
{
  GtkListBox *list = GTK_LIST_BOX (child (dialog, "sections"));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static void
select_section (PlReportDialog *dialog, PlReportSection section)
{
  GtkListBoxRow *row = find_row (dialog, section);

  g_assert_nonnull (row);
  gtk_list_box_select_row (GTK_LIST_BOX (child (dialog, "sections")), row);
  pl_test_spin ();
}

/* Types @text at the end of the commentary, as the keyboard does: one insertion a word. */
static void
type_commentary (PlReportDialog *dialog, const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (child (dialog, "commentary"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GtkTextIter end;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  for (guint i = 0; words[i] != NULL; i++)
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert_interactive (buffer, &end, i > 0 ? " " : "", -1, TRUE);
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert_interactive (buffer, &end, words[i], -1, TRUE);
    }
  pl_test_spin ();
}

static guint
kpi_position (PlPlan *plan, const char *id)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);

  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      if (g_str_equal (pl_item_get_id (kpi), id))
        return i;
    }
  g_assert_not_reached ();
}

static void
assert_headlines (PlPlan *plan, const char *a, const char *b, const char *c)
{
  g_auto(GStrv) ids = pl_report_dup_headlines (plan);
  const char *expected[] = { a, b, c, NULL };

  g_assert_cmpstrv (ids, expected);
}

static void
test_board_pack (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  PlReportDialog *dialog = open_dialog (window);
  GtkDropDown *kind = GTK_DROP_DOWN (child (dialog, "kind"));
  GtkDropDown *headline1 = GTK_DROP_DOWN (child (dialog, "headline1"));
  GtkDropDown *headline2 = GTK_DROP_DOWN (child (dialog, "headline2"));
  GtkLabel *note = GTK_LABEL (child (dialog, "commentary_note"));
  g_autofree char *long_text = NULL;

  /* The full report first: every section listed, no headline figures. */
  g_assert_cmpuint (gtk_drop_down_get_selected (kind), ==, 0);
  g_assert_false (gtk_widget_get_visible (child (dialog, "headlines_box")));
  g_assert_cmpuint (n_rows (dialog), ==, PL_REPORT_N_SECTIONS);

  /* The board pack: its five sections, fixed, and its three figures, the defaults shown. */
  gtk_drop_down_set_selected (kind, 1);
  pl_test_spin ();
  g_assert_cmpuint (n_rows (dialog), ==, 5);
  g_assert_null (find_row (dialog, PL_REPORT_TIMELINE));
  g_assert_false (gtk_widget_get_visible (child (dialog, "move_buttons")));
  g_assert_false (gtk_widget_get_visible (g_object_get_data (G_OBJECT (find_row (dialog, PL_REPORT_BUDGET)), "check")));
  g_assert_true (gtk_widget_get_visible (child (dialog, "headlines_box")));
  g_assert_cmpuint (gtk_drop_down_get_selected (headline1), ==, kpi_position (plan, "kpi-revenue"));
  g_assert_cmpuint (gtk_drop_down_get_selected (headline2), ==, kpi_position (plan, "kpi-cac"));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (child (dialog, "headline3"))), ==,
                    kpi_position (plan, "kpi-ltv-cac"));
  g_assert_false (pl_plan_get_modified (plan));

  /* A commentary typed on the budget, saved when another section is chosen: one edit. */
  select_section (dialog, PL_REPORT_BUDGET);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (dialog, "commentary_label"))), ==, "_Commentary on “Budget against actual”");
  type_commentary (dialog, "Events moved to Q3; the summit came in under budget.");
  g_assert_null (pl_report_get_commentary (plan, "budget"));
  pl_test_screenshot (GTK_WIDGET (dialog), "report-settings-board-pack");
  select_section (dialog, PL_REPORT_SUMMARY);
  g_assert_cmpstr (pl_report_get_commentary (plan, "budget"), ==, "Events moved to Q3; the summit came in under budget.");
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Change the Commentary on “Budget against actual”");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  pl_test_spin ();
  g_assert_null (pl_report_get_commentary (plan, "budget"));
  g_assert_false (pl_plan_get_modified (plan));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  pl_test_spin ();

  /* Too long: refused when saved, with the reason under the text, which stays as typed. */
  long_text = g_strnfill (PL_COMMENTARY_MAX_CHARS + 5, 'x');
  type_commentary (dialog, long_text);
  g_assert_nonnull (strstr (gtk_label_get_label (note), "5 characters too many"));
  select_section (dialog, PL_REPORT_DASHBOARD);
  g_assert_null (pl_report_get_commentary (plan, "summary"));
  g_assert_nonnull (strstr (gtk_label_get_label (note), "at most 1200 characters"));
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Change the Commentary on “Budget against actual”");
  /* Closing is refused too, and the note says what lets it close. */
  gtk_window_close (GTK_WINDOW (dialog));
  pl_test_spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (strstr (gtk_label_get_label (note), "5 characters too many"));
  g_assert_nonnull (strstr (gtk_label_get_label (note), "Shorten it to close, or clear it."));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (dialog, "commentary"))), "", -1);
  select_section (dialog, PL_REPORT_CHAIN);

  /* A headline figure chosen; one already shown elsewhere trades places. */
  gtk_drop_down_set_selected (headline1, kpi_position (plan, "kpi-leads"));
  pl_test_spin ();
  assert_headlines (plan, "kpi-leads", "kpi-cac", "kpi-ltv-cac");
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Change the Headline Figures");
  gtk_drop_down_set_selected (headline2, kpi_position (plan, "kpi-leads"));
  pl_test_spin ();
  assert_headlines (plan, "kpi-cac", "kpi-leads", "kpi-ltv-cac");
  g_assert_cmpuint (gtk_drop_down_get_selected (headline1), ==, kpi_position (plan, "kpi-cac"));

  /* Typed last and the dialog closed: saved all the same. */
  type_commentary (dialog, "Two new inputs feed LTV.");
  gtk_window_close (GTK_WINDOW (dialog));
  pl_test_spin ();
  g_assert_cmpstr (pl_report_get_commentary (plan, "chain"), ==, "Two new inputs feed LTV.");

  /* Opened again, on the kind chosen last (the board pack); back to the full report, the
   * commentary is the plan's. */
  dialog = open_dialog (window);
  kind = GTK_DROP_DOWN (child (dialog, "kind"));
  g_assert_cmpuint (gtk_drop_down_get_selected (kind), ==, 1);
  g_assert_true (gtk_widget_get_visible (child (dialog, "headlines_box")));
  gtk_drop_down_set_selected (kind, 0);
  pl_test_spin ();
  g_assert_cmpuint (n_rows (dialog), ==, PL_REPORT_N_SECTIONS);
  select_section (dialog, PL_REPORT_BUDGET);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (dialog, "commentary")));
    GtkTextIter a, b;
    g_autofree char *text = NULL;
    gtk_text_buffer_get_bounds (buffer, &a, &b);
    text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
    g_assert_cmpstr (text, ==, "Events moved to Q3; the summit came in under budget.");
  }
  pl_test_screenshot (GTK_WIDGET (dialog), "report-settings-full");
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

static void
test_logo (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *big_path = g_build_filename (dir, "big.png", NULL);
  g_autofree char *text_path = g_build_filename (dir, "logo.png", NULL);
  g_autofree char *good_path = g_build_filename (dir, "good.png", NULL);
  g_autofree char *huge_path = g_build_filename (dir, "huge.png", NULL);
  g_autoptr(GBytes) big = pl_test_logo_new_too_big ();
  g_autoptr(GBytes) huge = pl_test_logo_new_sized (100000, 100000);
  g_autoptr(GFile) huge_file = g_file_new_for_path (huge_path);
  g_autoptr(GFile) big_file = g_file_new_for_path (big_path);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GFile) good_file = g_file_new_for_path (good_path);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  PlPlanPage *page;
  GtkLabel *problem;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) logo = NULL;

  g_assert_true (g_file_set_contents (big_path, g_bytes_get_data (big, NULL), (gssize) g_bytes_get_size (big), NULL));
  g_assert_true (g_file_set_contents (huge_path, g_bytes_get_data (huge, NULL), (gssize) g_bytes_get_size (huge), NULL));
  g_assert_true (g_file_set_contents (text_path, "a logo, as text", -1, NULL));
  g_assert_true (g_file_set_contents (good_path, (const char *) pl_test_logo_png, sizeof pl_test_logo_png, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "plan");
  pl_test_spin ();
  page = PL_PLAN_PAGE (pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_PLAN_PAGE));
  problem = GTK_LABEL (child (page, "metadata_problem"));
  g_assert_false (gtk_widget_get_visible (child (page, "logo_frame")));
  g_assert_false (gtk_widget_get_sensitive (child (page, "logo_remove")));

  /* Too big, and not a PNG: a message that says which, and nothing changes. */
  g_assert_false (pl_plan_page_set_logo_file (page, big_file, &error));
  g_assert_cmpstr (error->message, ==, "“big.png” cannot be the logo: The logo is 257 KB; a logo is at most 256 KB, "
                                       "since it travels inside the plan. Save a smaller image and choose it again.");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_cmpstr (gtk_label_get_label (problem), ==, error->message);
  g_clear_error (&error);
  g_assert_false (pl_plan_page_set_logo_file (page, huge_file, &error));
  g_assert_cmpstr (error->message, ==, "“huge.png” cannot be the logo: The logo is 100000 × 100000 pixels; a logo is "
                                       "at most 4096 pixels wide and high. Save a smaller image and choose it again.");
  g_clear_error (&error);
  g_assert_false (pl_plan_page_set_logo_file (page, text_file, &error));
  g_assert_cmpstr (error->message, ==, "“logo.png” cannot be the logo: The logo is not a PNG image. Choose a PNG image.");
  g_assert_cmpstr (gtk_label_get_label (problem), ==, error->message);
  g_clear_error (&error);
  g_assert_null (pl_report_dup_logo (plan));
  g_assert_false (pl_plan_get_modified (plan));

  /* A PNG: in the plan, previewed; removed again, one edit each. */
  g_assert_true (pl_plan_page_set_logo_file (page, good_file, &error));
  g_assert_no_error (error);
  pl_test_spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem)));
  logo = pl_report_dup_logo (plan);
  g_assert_cmpuint (g_bytes_get_size (logo), ==, sizeof pl_test_logo_png);
  g_assert_true (gtk_widget_get_visible (child (page, "logo_frame")));
  g_assert_nonnull (gtk_picture_get_paintable (GTK_PICTURE (child (page, "logo_picture"))));
  g_assert_true (gtk_widget_get_sensitive (child (page, "logo_remove")));
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Change logo");
  g_signal_emit_by_name (child (page, "logo_remove"), "clicked");
  pl_test_spin ();
  g_assert_null (pl_report_dup_logo (plan));
  g_assert_false (gtk_widget_get_visible (child (page, "logo_frame")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  pl_test_spin ();
  g_assert_nonnull (pl_report_dup_logo (plan));
  g_assert_true (gtk_widget_get_visible (child (page, "logo_frame")));
  pl_test_screenshot (GTK_WIDGET (window), "report-settings-logo");

  /* A logo whose header is sound but whose pixels are damaged (a bad copy of the file): the
   * page says so instead of showing an empty frame. */
  {
    guint8 damaged[sizeof pl_test_logo_png];
    g_autoptr(GBytes) bytes = NULL;

    memcpy (damaged, pl_test_logo_png, sizeof damaged);
    damaged[45] ^= 0xff;  /* in the IDAT chunk */
    bytes = g_bytes_new (damaged, sizeof damaged);
    g_assert_true (pl_report_set_logo (plan, bytes, &error));
    g_assert_no_error (error);
    pl_test_spin ();
    g_assert_true (gtk_widget_get_visible (child (page, "logo_frame")));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (page, "logo_state"))), ==,
                     "This logo is damaged: it cannot be shown and is left out of the report. Choose the image again.");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

static void
test_next_step (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page;
  PlItem *campaign = pl_plan_lookup (plan, "cmp-partners");
  GtkTextView *view;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "campaigns");
  pl_test_spin ();
  page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_CAMPAIGNS_PAGE);
  pl_campaigns_page_select (PL_CAMPAIGNS_PAGE (page), campaign);
  pl_test_spin ();
  view = GTK_TEXT_VIEW (child (page, "next_step_text"));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "A new partner manager starts in September.", -1);
  /* Saved when the text is left, as the brief's answers are. */
  gtk_widget_grab_focus (child (page, "name"));
  pl_test_spin ();
  g_assert_cmpstr (pl_item_get_string (campaign, PL_CAMPAIGN_NEXT_STEP), ==, "A new partner manager starts in September.");
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Change what is being done");
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/report-settings/board-pack", test_board_pack);
  g_test_add_func ("/report-settings/logo", test_logo);
  g_test_add_func ("/report-settings/next-step", test_next_step);
  return g_test_run ();
}

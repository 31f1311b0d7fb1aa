/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The leadership report dialog: opened by its action on the example plan, its sections as the
 * plan has them, a section left out and moved (each one undoable edit, Ctrl+Z in the window
 * undoing it), share-safe, the pages turned, the PDF written (and an error said when it cannot
 * be), printed through GTK to a PDF and through its preview, turned pages and all. Writes a
 * screenshot. */
#include <stdio.h>
#include <string.h>

#include "pl-calendar.h"
#include "pl-report-dialog.h"
#include "pl-test-util.h"

static PlReportDialog *
find_dialog (void)
{
  return (PlReportDialog *) pl_test_find_window (PL_TYPE_REPORT_DIALOG);
}

static char *
run (const char *program, const char *path, const char *extra)
{
  const char *argv[] = { program, path, extra, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (extra == NULL)
    argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* The sizes of the PDF's pages, in whole points ("595x842"), from pdfinfo. */
static GPtrArray *
pdf_page_sizes (const char *path)
{
  g_autofree char *head = NULL;
  g_autofree char *info = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *sizes = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (path, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF-"));
  {
    const char *argv[] = { "pdfinfo", "-f", "1", "-l", "9999", path, NULL };
    int status;
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, &info, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double width, height;
      guint page;
      if (sscanf (lines[i], "Page %u size: %lf x %lf", &page, &width, &height) == 3)
        g_ptr_array_add (sizes, g_strdup_printf ("%.0fx%.0f", width, height));
    }
  return sizes;
}

/* The report's own page sizes, in the same words. */
static GPtrArray *
report_page_sizes (PlReport *report)
{
  GPtrArray *sizes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < pl_report_get_n_pages (report); i++)
    {
      double width, height;
      pl_report_get_page_size (report, i, &width, &height);
      g_ptr_array_add (sizes, g_strdup_printf ("%.0fx%.0f", width, height));
    }
  return sizes;
}

static void
assert_same_sizes (GPtrArray *a, GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (a->pdata[i], ==, b->pdata[i]);
}

/* Presses @key as a user would (xdotool through the X server), and lets GTK see it. */
static void
press_key (const char *key)
{
  const char *argv[] = { "xdotool", "key", key, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL));
  for (int i = 0; i < 20; i++)
    {
      pl_test_spin ();
      g_usleep (10000);
    }
}

static GtkListBoxRow *
row_at (PlReportDialog *dialog, int index)
{
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (pl_test_find_by_id (GTK_WIDGET (dialog), "sections")), index);
}

static GtkCheckButton *
row_check (GtkListBoxRow *row)
{
  return GTK_CHECK_BUTTON (gtk_widget_get_first_child (gtk_list_box_row_get_child (row)));
}

static GtkListBoxRow *
find_row (PlReportDialog *dialog, PlReportSection section)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = row_at (dialog, i)) != NULL; i++)
    if (g_str_equal (gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (gtk_list_box_row_get_child (row)))),
                     pl_report_section_title (section)))
      return row;
  g_assert_not_reached ();
}

static const char *
row_title (GtkListBoxRow *row)
{
  /* The check box, then the title (then, for a section with nothing to print yet, a note). */
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_next_sibling (gtk_widget_get_first_child (gtk_list_box_row_get_child (row)))));
}

/* The list shows the plan's sections ticked, in its order, then the others unticked. */
static void
assert_list_matches_plan (PlReportDialog *dialog, PlPlan *plan)
{
  PlReportOptions options;
  guint n = 0;

  pl_report_options_init (&options, plan, pl_calendar_today ());
  for (guint i = 0; i < options.n_sections; i++)
    {
      GtkListBoxRow *row = row_at (dialog, (int) i);
      g_assert_nonnull (row);
      g_assert_cmpstr (row_title (row), ==, pl_report_section_title (options.sections[i]));
      g_assert_true (gtk_check_button_get_active (row_check (row)));
    }
  for (GtkListBoxRow *row; (row = row_at (dialog, (int) (options.n_sections + n))) != NULL; n++)
    g_assert_false (gtk_check_button_get_active (row_check (row)));
  g_assert_cmpuint (options.n_sections + n, ==, PL_REPORT_N_SECTIONS);
  /* The scenarios section says it has nothing to print while the plan has no scenario. */
  for (int i = 0; i < PL_REPORT_N_SECTIONS; i++)
    {
      GtkListBoxRow *row = row_at (dialog, i);
      GtkWidget *last = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));

      if (g_str_equal (row_title (row), pl_report_section_title (PL_REPORT_SCENARIOS)))
        g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (last)), ==,
                         pl_plan_get_n (plan, PL_COLLECTION_SCENARIOS) == 0 ? "None yet" : row_title (row));
    }
}

static char *
saved_sections (PlPlan *plan)
{
  const char * const *saved = pl_item_get_strv (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_REPORT_SECTIONS);
  return saved ? g_strjoinv (",", (char **) saved) : g_strdup ("");
}

static void
test_report_dialog (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no such folder", "report.pdf", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) nowhere_file = g_file_new_for_path (nowhere);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  PlReportDialog *dialog;
  GtkWidget *message;
  guint all_pages, budget_page;
  GtkListBoxRow *row;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (pl_test_app), "win.report");
    g_assert_cmpstr (accels[0], ==, "<Shift><Control>r");
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.report", NULL);
  pl_test_spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  assert_list_matches_plan (dialog, plan);
  all_pages = pl_report_get_n_pages (pl_report_dialog_get_report (dialog));
  /* Short sections share a page (the page-fill rule), so the report is shorter than its
   * list of sections, but still several pages to turn. */
  g_assert_cmpuint (all_pages, >=, 5);
  g_assert_cmpuint (pl_report_dialog_get_page (dialog), ==, 0);
  pl_test_screenshot (GTK_WIDGET (dialog), "report-dialog");

  /* The pages turn, and the counter says where we are. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "report.next-page", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "report.next-page", NULL);
  g_assert_cmpuint (pl_report_dialog_get_page (dialog), ==, 2);
  text = g_strdup_printf ("Page 3 of %u", all_pages);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (GTK_WIDGET (dialog), "page_label"))), ==, text);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "report.previous-page", NULL);
  g_assert_cmpuint (pl_report_dialog_get_page (dialog), ==, 1);
  /* Page Down from the keyboard, with the sections list (which has its own Page Down) focused. */
  gtk_widget_grab_focus (GTK_WIDGET (row_at (dialog, 0)));
  press_key ("Next");
  g_assert_cmpuint (pl_report_dialog_get_page (dialog), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "report.previous-page", NULL);

  /* Selecting a section shows its first page. */
  budget_page = (guint) pl_report_get_section_page (pl_report_dialog_get_report (dialog), PL_REPORT_BUDGET);
  gtk_list_box_select_row (GTK_LIST_BOX (pl_test_find_by_id (GTK_WIDGET (dialog), "sections")),
                           find_row (dialog, PL_REPORT_BUDGET));
  pl_test_spin ();
  g_assert_cmpuint (pl_report_dialog_get_page (dialog), ==, budget_page);

  /* The timeline left out: fewer pages, the plan's sections changed as one undoable edit. */
  g_assert_false (pl_plan_get_modified (plan));
  row = find_row (dialog, PL_REPORT_TIMELINE);
  gtk_check_button_set_active (row_check (row), FALSE);
  pl_test_spin ();
  g_assert_cmpuint (pl_report_get_n_pages (pl_report_dialog_get_report (dialog)), <, all_pages);
  g_assert_cmpint (pl_report_get_section_page (pl_report_dialog_get_report (dialog), PL_REPORT_TIMELINE), ==, -1);
  after = saved_sections (plan);
  g_assert_cmpstr (after, ==, "cover,summary,changes,dashboard,chain,funnel,budget,scenarios,campaigns,maturity,hygiene,notes");
  g_assert_true (pl_plan_get_modified (plan));
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Leave “Campaign timeline” Out of the Report");
  /* Ctrl+Z in the window: every section again, ticked in the list too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  pl_test_spin ();
  g_clear_pointer (&after, g_free);
  after = saved_sections (plan);
  g_assert_cmpstr (after, ==, "");
  g_assert_false (pl_plan_get_modified (plan));
  assert_list_matches_plan (dialog, plan);
  g_assert_cmpuint (pl_report_get_n_pages (pl_report_dialog_get_report (dialog)), ==, all_pages);

  /* The summary moved up with its button, then back down with Alt+Down's action. */
  gtk_list_box_select_row (GTK_LIST_BOX (pl_test_find_by_id (GTK_WIDGET (dialog), "sections")), row_at (dialog, 1));
  g_signal_emit_by_name (pl_test_find_by_id (GTK_WIDGET (dialog), "up_button"), "clicked");
  pl_test_spin ();
  g_clear_pointer (&after, g_free);
  after = saved_sections (plan);
  g_assert_true (g_str_has_prefix (after, "summary,cover,changes,dashboard,"));
  assert_list_matches_plan (dialog, plan);
  g_assert_true (pl_report_get_page_section (pl_report_dialog_get_report (dialog), 0) == PL_REPORT_SUMMARY);
  /* The section moved is shown. */
  g_assert_cmpuint (pl_report_dialog_get_page (dialog), ==, 0);
  g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (pl_test_find_by_id (GTK_WIDGET (dialog), "sections"))) ==
                 row_at (dialog, 0));
  g_assert_false (gtk_widget_is_sensitive (pl_test_find_by_id (GTK_WIDGET (dialog), "up_button")));
  /* Alt+Down on the focused row. */
  gtk_widget_grab_focus (GTK_WIDGET (row_at (dialog, 0)));
  press_key ("alt+Down");
  /* The keyboard moves with the row. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == GTK_WIDGET (row_at (dialog, 1)));
  g_clear_pointer (&after, g_free);
  after = saved_sections (plan);
  g_assert_true (g_str_has_prefix (after, "cover,summary,changes,dashboard,"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  pl_test_spin ();
  g_clear_pointer (&after, g_free);
  after = saved_sections (plan);
  g_assert_true (g_str_has_prefix (after, "summary,cover,"));
  assert_list_matches_plan (dialog, plan);

  /* Share-safe keeps the page on its section, and the PDF says it is share-safe. */
  gtk_list_box_select_row (GTK_LIST_BOX (pl_test_find_by_id (GTK_WIDGET (dialog), "sections")),
                           find_row (dialog, PL_REPORT_CAMPAIGNS));
  pl_test_spin ();
  g_assert_true (pl_report_get_page_section (pl_report_dialog_get_report (dialog), pl_report_dialog_get_page (dialog)) ==
                 PL_REPORT_CAMPAIGNS);
  gtk_switch_set_active (GTK_SWITCH (pl_test_find_by_id (GTK_WIDGET (dialog), "share_safe")), TRUE);
  pl_test_spin ();
  g_assert_true (pl_report_get_page_section (pl_report_dialog_get_report (dialog), pl_report_dialog_get_page (dialog)) ==
                 PL_REPORT_CAMPAIGNS);
  g_assert_true (pl_report_dialog_export (dialog, pdf_file));
  {
    g_autoptr(GPtrArray) sizes = pdf_page_sizes (pdf);
    g_autofree char *pdf_text = run ("pdftotext", pdf, "-");
    g_assert_cmpuint (sizes->len, ==, pl_report_get_n_pages (pl_report_dialog_get_report (dialog)));
    g_assert_nonnull (strstr (pdf_text, "Share-safe edition."));
  }
  g_assert_null (pl_test_find_message_dialog ());

  /* A folder that does not exist: said in a message, the dialog open, the last PDF kept. */
  g_assert_true (g_file_get_contents (pdf, &before, NULL, NULL));
  g_assert_false (pl_report_dialog_export (dialog, nowhere_file));
  pl_test_spin ();
  message = pl_test_find_message_dialog ();
  g_assert_nonnull (message);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (message)) == GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  pl_test_screenshot (message, "report-dialog-error");
  gtk_dialog_response (GTK_DIALOG (message), GTK_RESPONSE_CLOSE);
  pl_test_spin ();
  g_assert_null (pl_test_find_message_dialog ());
  g_assert_nonnull (find_dialog ());

  /* Letter paper changes every page's size. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (GTK_WIDGET (dialog), "paper")), 1);
  pl_test_spin ();
  {
    double width, height;
    pl_report_get_page_size (pl_report_dialog_get_report (dialog), 0, &width, &height);
    g_assert_cmpfloat_with_epsilon (width, 612, 0.5);
    g_assert_cmpfloat_with_epsilon (height, 792, 0.5);
  }

  /* A wide chart's page is turned in the preview too. */
  gtk_list_box_select_row (GTK_LIST_BOX (pl_test_find_by_id (GTK_WIDGET (dialog), "sections")),
                           find_row (dialog, PL_REPORT_DASHBOARD));
  pl_test_spin ();
  {
    double width, height;
    pl_report_get_page_size (pl_report_dialog_get_report (dialog), pl_report_dialog_get_page (dialog), &width, &height);
    g_assert_cmpfloat (width, >, height);
  }
  pl_test_screenshot (GTK_WIDGET (dialog), "report-dialog-landscape");

  /* Escape closes. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  pl_test_spin ();
  g_assert_null (find_dialog ());
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
}

/* GTK's print machinery, to a PDF and through its preview: a page per report page, the wide
 * ones turned. */
static void
test_report_print (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *previewed = g_build_filename (dir, "previewed.pdf", NULL);
  g_autofree char *command = NULL;
  g_autofree char *quoted = g_shell_quote (previewed);
  PlWindow *window = pl_test_open_in_window (path);
  PlReportDialog *dialog;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) sizes = NULL;
  g_autoptr(GPtrArray) preview_sizes = NULL;
  gboolean turned = FALSE;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.report", NULL);
  pl_test_spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  expected = report_page_sizes (pl_report_dialog_get_report (dialog));
  for (guint i = 0; i < expected->len; i++)
    turned |= g_str_equal (expected->pdata[i], "842x595");
  g_assert_true (turned);

  g_assert_true (pl_report_dialog_print (dialog, GTK_PRINT_OPERATION_ACTION_EXPORT, printed, &error));
  g_assert_no_error (error);
  sizes = pdf_page_sizes (printed);
  assert_same_sizes (sizes, expected);

  /* The preview is GTK's: it writes the pages to a PDF and hands it to the previewer, here
   * a copy into the test's folder. */
  command = g_strdup_printf ("cp %%f %s", quoted);
  g_object_set (gtk_settings_get_default (), "gtk-print-preview-command", command, NULL);
  g_assert_true (pl_report_dialog_print (dialog, GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 500 && !g_file_test (previewed, G_FILE_TEST_EXISTS); i++)
    {
      pl_test_spin ();
      g_usleep (10000);
    }
  /* cp may still be writing. */
  g_usleep (200000);
  preview_sizes = pdf_page_sizes (previewed);
  assert_same_sizes (preview_sizes, expected);

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  g_assert_null (find_dialog ());
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/report-dialog/sections", test_report_dialog);
  g_test_add_func ("/report-dialog/print", test_report_print);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window under Xvfb, driven through its actions: open, edit, undo, redo, save,
 * reopen; a bad file; closing with unsaved changes. Writes a screenshot of every page. */
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "pl-application.h"
#include "pl-campaigns-page.h"
#include "pl-enums.h"
#include "pl-field-text.h"
#include "pl-plan-file.h"
#include "pl-plan-page.h"
#include "pl-preferences-window.h"
#include "pl-records.h"
#include "pl-test-util.h"
#include "pl-window.h"

static void
test_edit_undo_save_reopen (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlDocument *document = pl_window_get_document (window);
  PlPlan *plan;
  PlItem *meta;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlPlan) reopened = NULL;

  g_assert_nonnull (document);
  plan = pl_document_get_plan (document);
  meta = PL_ITEM (pl_plan_get_metadata (plan));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "plan.pilote — Pilote");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "plan");
  pl_test_spin ();
  pl_test_screenshot (GTK_WIDGET (window), "plan");
  {
    /* The lower half of the page: team and martech. */
    GtkWidget *scrolled = pl_test_find_widget (pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_PLAN_PAGE), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    pl_test_screenshot (GTK_WIDGET (window), "plan-lower");
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* An edit typed into the Plan page: an undoable command; the title marks the change. */
  pl_test_type_into (GTK_WIDGET (window), "owner", "Hugo Bernard");
  g_assert_cmpstr (pl_item_get_string (meta, PL_METADATA_OWNER), ==, "Hugo Bernard");
  /* A value the model refuses is shown as such and changes nothing. */
  pl_test_type_into (GTK_WIDGET (window), "currency", "E1R");
  g_assert_cmpstr (pl_plan_get_currency (plan), ==, "EUR");
  g_assert_true (gtk_widget_has_css_class (pl_test_find_by_id (GTK_WIDGET (window), "currency"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (pl_test_find_by_id (GTK_WIDGET (window), "currency")), "EUR");
  pl_test_spin ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "*plan.pilote — Pilote");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  pl_test_spin ();
  g_assert_cmpstr (pl_item_get_string (meta, PL_METADATA_OWNER), ==, "Claire Martin");
  g_assert_false (pl_document_get_modified (document));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  pl_test_spin ();
  g_assert_cmpstr (pl_item_get_string (meta, PL_METADATA_OWNER), ==, "Hugo Bernard");

  /* The Campaigns page: select one, edit it, duplicate it, undo. */
  {
    PlCampaignsPage *page = PL_CAMPAIGNS_PAGE (pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_CAMPAIGNS_PAGE));
    PlItem *campaign = pl_plan_lookup (plan, "cmp-summit");
    guint before = pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "campaigns");
    pl_campaigns_page_select (page, campaign);
    pl_test_spin ();
    pl_test_screenshot (GTK_WIDGET (window), "campaigns");
    pl_test_type_into (GTK_WIDGET (page), "channel", "Field event");
    g_assert_cmpstr (pl_item_get_string (campaign, PL_CAMPAIGN_CHANNEL), ==, "Field event");
    /* A date that does not exist is refused where it is typed. */
    pl_test_type_into (GTK_WIDGET (page), "end", "2027-02-30");
    {
      g_autofree char *end = pl_field_format (plan, campaign, PL_CAMPAIGN_END);
      g_assert_cmpstr (end, ==, "2027-03-18");
    }
    g_assert_true (gtk_widget_has_css_class (pl_test_find_by_id (GTK_WIDGET (page), "end"), "error"));
    pl_test_type_into (GTK_WIDGET (page), "end", "2027-03-18");
    gtk_widget_activate_action (GTK_WIDGET (page), "campaigns.duplicate", NULL);
    pl_test_spin ();
    g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), ==, before + 1);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    pl_test_spin ();
    g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), ==, before);
    g_assert_cmpstr (pl_item_get_string (campaign, PL_CAMPAIGN_CHANNEL), ==, "Trade show");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "plan");
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  pl_test_spin ();
  g_assert_false (pl_document_get_modified (document));
  g_assert_null (pl_window_get_error (window));
  reopened = pl_plan_load (file, NULL, PL_READ_SCHEMA, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_item_get_string (PL_ITEM (pl_plan_get_metadata (reopened)), PL_METADATA_OWNER), ==,
                   "Hugo Bernard");

  /* Another program changes the file: saving asks, and Overwrite writes our version. */
  {
    GtkWidget *dialog;
    g_autoptr(PlPlan) after = NULL;

    g_usleep (20000);
    {
      g_autofree char *contents = NULL;
      g_autofree char *changed = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      changed = g_strconcat (contents, "\n", NULL);
      g_assert_true (g_file_set_contents (path, changed, -1, NULL));
    }
    g_assert_true (pl_plan_set_string (plan, meta, PL_METADATA_ORGANISATION, "Northwind", &error));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
    pl_test_spin ();
    dialog = pl_test_find_message_dialog ();
    g_assert_nonnull (dialog);
    pl_test_screenshot (dialog, "changed-on-disk");
    g_assert_true (pl_document_get_modified (document));
    gtk_dialog_response (GTK_DIALOG (dialog), 1);
    pl_test_spin ();
    g_assert_false (pl_document_get_modified (document));
    after = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (pl_item_get_string (PL_ITEM (pl_plan_get_metadata (after)), PL_METADATA_ORGANISATION), ==,
                     "Northwind");
  }

  /* Revert goes back to the file, after asking. */
  g_assert_true (pl_plan_set_string (plan, meta, PL_METADATA_ORGANISATION, "Somebody else", &error));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert", NULL);
  pl_test_spin ();
  gtk_dialog_response (GTK_DIALOG (pl_test_find_message_dialog ()), GTK_RESPONSE_ACCEPT);
  pl_test_spin ();
  document = pl_window_get_document (window);
  plan = pl_document_get_plan (document);
  meta = PL_ITEM (pl_plan_get_metadata (plan));
  g_assert_cmpstr (pl_item_get_string (meta, PL_METADATA_ORGANISATION), ==, "Northwind");
  g_assert_false (pl_document_get_modified (document));

  /* A bad file shows its errors in the window and changes nothing. */
  {
    g_autofree char *bad = g_build_filename (dir, "broken.pilote", NULL);
    g_autoptr(GFile) bad_file = g_file_new_for_path (bad);

    g_assert_true (g_file_set_contents (bad, "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">\n<metadata title=\"x\"\n", -1, NULL));
    pl_window_open_file (window, bad_file);
    pl_test_wait_loaded ();
    g_assert_nonnull (pl_window_get_error (window));
    g_assert_nonnull (strstr (pl_window_get_error (window), "broken.pilote:"));
    g_assert_true (pl_window_get_document (window) == document);
    pl_test_screenshot (GTK_WIDGET (window), "bad-file");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-error", NULL);
  }

  /* Closing with unsaved changes asks first; Cancel keeps everything. */
  g_assert_true (pl_plan_set_string (plan, meta, PL_METADATA_OWNER, "Léa Dubois", &error));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  pl_test_spin ();
  {
    GtkWidget *dialog = pl_test_find_message_dialog ();
    g_assert_nonnull (dialog);
    pl_test_screenshot (dialog, "close-dialog");
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
    pl_test_spin ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
    g_assert_true (pl_document_get_modified (document));
  }
  /* Close without saving: the file keeps the saved version. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  pl_test_spin ();
  gtk_dialog_response (GTK_DIALOG (pl_test_find_message_dialog ()), GTK_RESPONSE_REJECT);
  pl_test_spin ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (pl_test_app)));
  {
    g_autoptr(PlPlan) again = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
    g_assert_cmpstr (pl_item_get_string (PL_ITEM (pl_plan_get_metadata (again)), PL_METADATA_OWNER), ==,
                     "Hugo Bernard");
  }
}

/* Stopping asks why; deleting says what goes with it; both undo in one step. Save As,
 * a drop, and quitting with unsaved changes. */
static void
test_campaigns_and_files (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *other = g_build_filename (dir, "copy.pilote", NULL);
  g_autofree char *text_path = g_build_filename (dir, "notes.txt", NULL);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_CAMPAIGNS_PAGE);
  PlItem *search = pl_plan_lookup (plan, "cmp-search");
  PlItem *summit = pl_plan_lookup (plan, "cmp-summit");
  GtkWidget *dialog;
  guint n = pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS);
  guint links = pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  int width, height;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "campaigns");
  pl_campaigns_page_select (PL_CAMPAIGNS_PAGE (page), search);
  pl_test_spin ();
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (page, "status")), PL_STATUS_STOPPED);
  pl_test_spin ();
  dialog = pl_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (pl_test_find_widget (dialog, GTK_TYPE_ENTRY)), "CPL three times the target");
  pl_test_screenshot (dialog, "stop-reason");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  pl_test_spin ();
  g_assert_cmpint (pl_item_get_int (search, PL_CAMPAIGN_STATUS), ==, PL_STATUS_STOPPED);
  g_assert_cmpstr (pl_item_get_string (search, PL_CAMPAIGN_STOP_REASON), ==, "CPL three times the target");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  pl_test_spin ();
  g_assert_cmpint (pl_item_get_int (search, PL_CAMPAIGN_STATUS), ==, PL_STATUS_RUNNING);
  g_assert_null (pl_item_get_string (search, PL_CAMPAIGN_STOP_REASON));

  pl_campaigns_page_select (PL_CAMPAIGNS_PAGE (page), summit);
  pl_test_spin ();
  gtk_widget_activate_action (page, "campaigns.delete", NULL);
  pl_test_spin ();
  dialog = pl_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  {
    g_autofree char *secondary = NULL;
    g_object_get (dialog, "secondary-text", &secondary, NULL);
    g_assert_nonnull (strstr (secondary, "its link to the KPI “Leads”"));
    g_assert_nonnull (strstr (secondary, "the calendar entry “Finance Transformation Summit (stand B12)”"));
  }
  pl_test_screenshot (dialog, "delete-campaign");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  pl_test_spin ();
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), ==, n - 1);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGN_KPIS), <, links);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  pl_test_spin ();
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), ==, n);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGN_KPIS), ==, links);

  /* Save As: the window now shows the new file. */
  {
    g_autoptr(GFile) target = g_file_new_for_path (other);
    g_autoptr(GError) error = NULL;
    g_autoptr(PlPlan) saved = NULL;

    pl_window_save_as_file (window, target);
    pl_test_spin ();
    g_assert_true (g_file_equal (pl_document_get_file (pl_window_get_document (window)), target));
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "copy.pilote — Pilote");
    saved = pl_plan_load (target, NULL, PL_READ_SCHEMA, NULL, &error);
    g_assert_no_error (error);
  }

  /* A drop: a text file is refused with a word; a plan opens in a window of its own. */
  {
    g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
    g_autoptr(GFile) plan_file = g_file_new_for_path (path);
    GSList *list = g_slist_prepend (NULL, text_file);

    g_assert_true (g_file_set_contents (text_path, "hello", -1, NULL));
    g_assert_false (pl_window_drop_files (window, list));
    g_assert_nonnull (pl_window_get_error (window));
    list = g_slist_prepend (list, plan_file);
    g_assert_true (pl_window_drop_files (window, list));
    pl_test_spin ();
    g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (pl_test_app))), ==, 2);
    g_slist_free (list);
  }

  /* Quit asks about the unsaved window, then closes everything; the size is remembered. */
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_true (pl_plan_set_string (plan, pl_plan_lookup (plan, "cmp-search"), PL_CAMPAIGN_CHANNEL, "Search", NULL));
  g_action_group_activate_action (G_ACTION_GROUP (pl_test_app), "quit", NULL);
  pl_test_spin ();
  dialog = pl_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  pl_test_spin ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (pl_test_app)));
  g_assert_cmpint (g_settings_get_int (pl_application_get_settings (pl_test_app), "window-width"), ==, width);
}

/* Preferences apply at once, and a new plan starts from them. */
static void
test_preferences (void)
{
  GSettings *settings = pl_application_get_settings (pl_test_app);
  PlPreferencesWindow *preferences = pl_preferences_window_new (settings);
  GtkWindow *window;
  PlPlan *plan;
  GDate start;

  gtk_window_present (GTK_WINDOW (preferences));
  pl_test_spin ();
  pl_test_screenshot (GTK_WIDGET (preferences), "preferences");
  g_settings_set_string (settings, "default-currency", "USD");
  g_settings_set_int (settings, "fiscal-start-month", 4);
  window = pl_application_new_plan (pl_test_app, FALSE);
  plan = pl_document_get_plan (pl_window_get_document (PL_WINDOW (window)));
  g_assert_cmpstr (pl_plan_get_currency (plan), ==, "USD");
  g_date_clear (&start, 1);
  g_date_set_julian (&start, pl_plan_get_start (plan));
  g_assert_cmpint (g_date_get_month (&start), ==, 4);
  gtk_window_destroy (window);
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "default-currency");
  g_settings_reset (settings, "fiscal-start-month");
  pl_test_spin ();
}

static void
test_empty_state (void)
{
  GtkWindow *window = pl_application_new_plan (pl_test_app, FALSE);
  PlDocument *document = pl_window_get_document (PL_WINDOW (window));

  pl_test_spin ();
  g_assert_nonnull (document);
  g_assert_null (pl_document_get_file (document));
  g_assert_cmpuint (pl_plan_get_n (pl_document_get_plan (document), PL_COLLECTION_CATEGORIES), ==, 10);
  pl_test_screenshot (GTK_WIDGET (window), "new-plan");
  gtk_window_destroy (window);
  pl_test_spin ();
}

/* A file of a newer minor version opens, with a notice saying so once, in the banner. */
static void
test_newer_minor (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "newer.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlWindow *window;

  g_assert_true (g_file_set_contents (path,
                                      "<?xml version=\"1.0\"?>\n"
                                      "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.7\">\n"
                                      "  <metadata title=\"Later\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
                                      "  <experiments><experiment id=\"e1\"/></experiments>\n"
                                      "</plan>\n", -1, NULL));
  window = pl_test_open_in_window (path);
  pl_test_spin ();
  g_assert_cmpstr (pl_plan_get_title (pl_document_get_plan (pl_window_get_document (window))), ==, "Later");
  g_assert_nonnull (pl_window_get_error (window));
  g_assert_nonnull (strstr (pl_window_get_error (window), "file format 1.7"));
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* A plan holding impossible values opens, so that it can be mended, with a banner saying its
 * figures may be wrong and naming the first problems; a sound plan opens without one. */
static void
test_problems_banner (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *source = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", "round-numbers.pilote", NULL);
  g_autofree char *path = g_build_filename (dir, "impossible.pilote", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) bad = NULL;
  PlWindow *window;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  bad = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (bad, "<measurement period=\"2027-01-01\" value=\"120\"/>",
                                      "<measurement period=\"2027-01-01\" value=\"-120\"/>", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, bad->str, -1, NULL));
  window = pl_test_open_in_window (path);
  g_assert_nonnull (pl_window_get_error (window));
  g_assert_nonnull (strstr (pl_window_get_error (window), "This plan has 1 problem: some figures may be wrong until it is mended"));
  g_assert_nonnull (strstr (pl_window_get_error (window), "“Leads” is a count: it cannot be negative."));
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/window/edit-undo-save-reopen", test_edit_undo_save_reopen);
  g_test_add_func ("/window/new-plan", test_empty_state);
  g_test_add_func ("/window/preferences", test_preferences);
  g_test_add_func ("/window/campaigns-and-files", test_campaigns_and_files);
  g_test_add_func ("/window/newer-minor", test_newer_minor);
  g_test_add_func ("/window/problems-banner", test_problems_banner);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window and the file on disk: plans open in the background and can be cancelled, a bad
 * file never disturbs another window, and a change made by another program (even one that
 * keeps the modification time) is offered, never silently overwritten. */
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sys/stat.h>
#include <fcntl.h>

#include "pl-autosave.h"
#include "pl-plan-file.h"
#include "pl-records.h"
#include "pl-test-util.h"
#include "pl-window.h"

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits for the window's disk check to end; when @check, starts one first. */
static void
wait_disk_check (PlWindow *window, gboolean check)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  if (check)
    pl_window_check_disk (window);
  while (pl_window_is_checking_disk (window) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (pl_window_is_checking_disk (window));
  pl_test_spin ();
}

/* Waits until the file monitor alone (no explicit check) has brought the bar up. */
static void
wait_disk_state (PlWindow *window, PlDiskState state)
{
  gboolean done = FALSE;
  guint limit = g_timeout_add (10000, on_timeout_cb, &done);

  while (!done && pl_window_get_disk_state (window) != state)
    g_main_context_iteration (NULL, TRUE);
  if (!done)
    g_source_remove (limit);
  g_assert_cmpint (pl_window_get_disk_state (window), ==, state);
}

static void
set_owner (PlPlan *plan, const char *owner)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_plan_set_string (plan, PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_OWNER, owner, &error));
  g_assert_no_error (error);
}

static char *
owner_on_disk (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (pl_item_get_string (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_OWNER));
}

/* Another program rewrites the file with a change of the same length, and puts the old
 * modification time back: only the content tells. */
static void
change_keeping_mtime (const char *path, const char *from, const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  struct stat st;
  struct timespec times[2];

  g_assert_cmpuint (strlen (from), ==, strlen (to));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  times[0] = st.st_atim;
  times[1] = st.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
test_changed_elsewhere (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlDocument *document = pl_window_get_document (window);
  g_autofree char *owner = NULL;
  g_autofree char *original_owner = owner_on_disk (path);
  g_autofree char *other = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (original_owner);
  g_assert_cmpint (strlen (original_owner), >=, 3);
  other = g_strdup (original_owner);
  other[0] = other[0] == 'Z' ? 'Y' : 'Z';

  /* Nothing changed: a check finds nothing, and shows no bar. */
  wait_disk_check (window, TRUE);
  g_assert_cmpint (pl_window_get_disk_state (window), ==, PL_DISK_SAME);

  /* Changed keeping the time, nothing unsaved here: offered to reload. */
  change_keeping_mtime (path, original_owner, other);
  wait_disk_check (window, TRUE);
  g_assert_cmpint (pl_window_get_disk_state (window), ==, PL_DISK_CHANGED);
  pl_test_screenshot (GTK_WIDGET (window), "disk-bar-changed");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload-from-disk", NULL);
  pl_test_spin ();
  g_assert_cmpint (pl_window_get_disk_state (window), ==, PL_DISK_SAME);
  g_assert_cmpstr (pl_item_get_string (PL_ITEM (pl_plan_get_metadata (pl_document_get_plan (document))), PL_METADATA_OWNER),
                   ==, other);
  g_assert_false (pl_document_get_modified (document));

  /* Changed again while there are unsaved changes here: the three ways out. Keep Mine, and
   * the next save replaces the other version, having been told. */
  set_owner (pl_document_get_plan (document), "Mine Alone");
  change_keeping_mtime (path, other, original_owner);
  wait_disk_check (window, TRUE);
  g_assert_cmpint (pl_window_get_disk_state (window), ==, PL_DISK_CHANGED);
  pl_test_screenshot (GTK_WIDGET (window), "disk-bar-changed-mine");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-mine", NULL);
  pl_test_spin ();
  g_assert_cmpint (pl_window_get_disk_state (window), ==, PL_DISK_SAME);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  pl_test_spin ();
  g_assert_null (pl_test_find_message_dialog ());
  g_assert_false (pl_document_get_modified (document));
  owner = owner_on_disk (path);
  g_assert_cmpstr (owner, ==, "Mine Alone");

  /* Saving over a change nobody was told of asks first: never a silent overwrite. */
  set_owner (pl_document_get_plan (document), "Mine Again");
  change_keeping_mtime (path, "Mine Alone", "Xine Alone");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  pl_test_spin ();
  {
    GtkWidget *dialog = pl_test_find_message_dialog ();

    g_assert_nonnull (dialog);
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
    pl_test_spin ();
  }
  g_free (owner);
  owner = owner_on_disk (path);
  g_assert_cmpstr (owner, ==, "Xine Alone");
  g_assert_true (pl_document_get_modified (document));

  /* A change the file monitor reports, with no explicit check: the bar comes by itself. */
  wait_disk_check (window, FALSE);
  g_assert_true (pl_document_save (document, NULL, TRUE, &error));
  g_assert_no_error (error);
  wait_disk_check (window, TRUE);
  g_assert_cmpint (pl_window_get_disk_state (window), ==, PL_DISK_SAME);
  g_usleep (20000);
  change_keeping_mtime (path, "Mine Again", "Xine Again");
  wait_disk_state (window, PL_DISK_CHANGED);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload-from-disk", NULL);
  pl_test_spin ();

  /* Deleted: the plan stays open, and Save writes it back. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  wait_disk_state (window, PL_DISK_GONE);
  pl_test_screenshot (GTK_WIDGET (window), "disk-bar-deleted");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  pl_test_spin ();
  g_assert_cmpint (pl_window_get_disk_state (window), ==, PL_DISK_SAME);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_free (owner);
  owner = owner_on_disk (path);
  g_assert_cmpstr (owner, ==, "Xine Again");

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* A file that cannot be read opens in a window of its own with the reason; the window with
 * unsaved changes goes on as it was. Cancelling an opening leaves the window empty. */
static void
test_bad_file_beside_work (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *bad = g_build_filename (dir, "cut-in-transit.pilote", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) good_file = g_file_new_for_path (path);
  PlWindow *window = pl_test_open_in_window (path);
  PlDocument *document = pl_window_get_document (window);
  g_autofree char *contents = NULL;
  gsize length;
  PlWindow *other = NULL;

  set_owner (pl_document_get_plan (document), "Unsaved Work");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (bad, contents, (gssize) (length / 2), NULL));
  pl_application_open_file (pl_test_app, bad_file);
  pl_test_wait_loaded ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (pl_test_app)); l != NULL; l = l->next)
    if (PL_IS_WINDOW (l->data) && l->data != window)
      other = l->data;
  g_assert_nonnull (other);
  g_assert_null (pl_window_get_document (other));
  g_assert_nonnull (pl_window_get_error (other));
  g_assert_nonnull (strstr (pl_window_get_error (other), "cut-in-transit.pilote"));
  g_assert_true (pl_window_get_document (window) == document);
  g_assert_true (pl_document_get_modified (document));

  /* Cancelled at once: nothing arrives later, the window stays empty and can open again. */
  pl_window_open_file (other, good_file);
  g_assert_true (pl_window_is_loading (other));
  gtk_widget_activate_action (GTK_WIDGET (other), "win.cancel-open", NULL);
  g_assert_false (pl_window_is_loading (other));
  {
    gboolean done = FALSE;

    g_timeout_add (1500, on_timeout_cb, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_null (pl_window_get_document (other));
  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

static const char *
organisation_of (PlPlan *plan)
{
  return pl_item_get_string (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_ORGANISATION);
}

/* Text typed into a field and not yet left becomes an edit after a pause in typing (and so is
 * autosaved), and before a save: never saved without, never lost by a close. */
static void
test_typing_kept (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlWindow *window = pl_test_open_in_window (path);
  PlDocument *document = pl_window_get_document (window);
  GtkWidget *entry;
  g_autofree char *typed = NULL;
  gboolean done = FALSE;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "plan");
  pl_test_wait_drawn (GTK_WIDGET (window));
  entry = pl_test_find_by_id (GTK_WIDGET (window), "organisation");
  g_assert_true (GTK_IS_ENTRY (entry));
  pl_test_keys (entry, "End space X");
  pl_test_spin ();
  typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_assert_true (g_str_has_suffix (typed, " X"));
  g_timeout_add (3000, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (organisation_of (pl_document_get_plan (document)), ==, typed);
  g_assert_true (pl_document_get_modified (document));
  /* The caret stayed in the field, at its end, with nothing selected: typing goes on there. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (entry)), ==, g_utf8_strlen (typed, -1));
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), NULL, NULL));
  {
    int position = gtk_editable_get_position (GTK_EDITABLE (entry));

    gtk_editable_insert_text (GTK_EDITABLE (entry), "Y", -1, &position);
  }

  /* Saved at once, without leaving the field: the file has what the field shows. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  pl_test_spin ();
  g_assert_false (pl_document_get_modified (document));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PlPlan) saved = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (g_str_has_suffix (organisation_of (saved), " XY"));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* This program's state folder cannot be made (see main()): the window says that unsaved
 * changes are not kept, once, rather than looking protected. */
static void
test_autosave_failed_said (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlDocument *document = pl_window_get_document (window);

  g_assert_null (pl_window_get_error (window));
  set_owner (pl_document_get_plan (document), "Not Kept");
  pl_autosave_write_now (pl_autosave_attach (document));
  pl_test_spin ();
  g_assert_nonnull (pl_window_get_error (window));
  g_assert_nonnull (strstr (pl_window_get_error (window), "not being kept for recovery"));
  pl_test_screenshot (GTK_WIDGET (window), "autosave-failed");
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* A Save As that fails leaves no trace among the recent plans (the file chooser had put the
 * chosen file there), so that the next start does not open that file. */
static void
test_failed_save_as_forgotten (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *gone = g_build_filename (dir, "gone", "elsewhere.pilote", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (gone);
  g_autofree char *uri = g_file_get_uri (target);
  PlWindow *window = pl_test_open_in_window (path);
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  GtkWidget *dialog;

  GtkRecentData data = { .mime_type = (char *) "application/x-pilote-plan", .app_name = (char *) "pilote",
                         .app_exec = (char *) "pilote %u" };

  g_assert_true (gtk_recent_manager_add_full (recent, uri, &data));
  pl_test_spin ();
  g_assert_true (gtk_recent_manager_has_item (recent, uri));
  pl_window_save_as_file (window, target);
  pl_test_spin ();
  g_assert_false (gtk_recent_manager_has_item (recent, uri));
  dialog = pl_test_find_message_dialog ();
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  /* No recovery folder can be made, neither in the state folder (under a file) nor in the
   * data folder, autosave's second choice (a file stands where its "pilote" folder would):
   * autosave has nowhere to write. */
  g_autofree char *data = pl_test_scratch_dir ("pilote-ui-data-XXXXXX");
  g_autofree char *blocker = g_build_filename (data, "pilote", NULL);

  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_setenv ("XDG_STATE_HOME", "/dev/null/state", TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  pl_test_init (&argc, &argv);
  g_test_add_func ("/file-watch/changed-elsewhere", test_changed_elsewhere);
  g_test_add_func ("/file-watch/bad-file-beside-work", test_bad_file_beside_work);
  g_test_add_func ("/file-watch/typing-kept", test_typing_kept);
  g_test_add_func ("/file-watch/autosave-failed-said", test_autosave_failed_said);
  g_test_add_func ("/file-watch/failed-save-as-forgotten", test_failed_save_as_forgotten);
  {
    int status = g_test_run ();
    g_autofree char *recent = g_build_filename (data, "recently-used.xbel", NULL);

    g_unlink (recent);
    g_unlink (blocker);
    g_rmdir (data);
    return status;
  }
}

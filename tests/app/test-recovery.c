/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Autosave and recovery with a real kill: a second copy of this program (--child) opens
 * plans, edits them, waits for their autosave and is killed with SIGKILL; this one then starts
 * the recovery offer as the next Pilote would, restores and discards, and compares the restored
 * plans with the edited ones byte for byte. */
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <signal.h>
#include <sys/wait.h>

#include "pl-autosave.h"
#include "pl-plan-writer.h"
#include "pl-records.h"
#include "pl-recovery-offer.h"
#include "pl-test-util.h"
#include "pl-window.h"

#define EDITED_OWNER "Owner Before The Crash"
#define UNTITLED_TITLE "Brand launch 2027"

static const char *self_path;

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@flag is set or @seconds pass; returns *@flag. */
static gboolean
wait_for (gboolean *flag, guint seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, on_timeout_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return *flag;
}

static void
on_updated_cb (PlAutosave *autosave, gboolean kept, gboolean *flag)
{
  *flag = TRUE;
}

/* Waits for @autosave to write (or remove) its recovery file. */
static gboolean
wait_updated (PlAutosave *autosave, guint seconds)
{
  gboolean updated = FALSE;
  gulong id = g_signal_connect (autosave, "updated", G_CALLBACK (on_updated_cb), &updated);

  wait_for (&updated, seconds);
  g_signal_handler_disconnect (autosave, id);
  return updated;
}

static char *
recovery_file (PlAutosave *autosave)
{
  g_autofree char *base = g_strconcat (pl_autosave_get_name (autosave), ".pilote", NULL);
  return g_build_filename (pl_recovery_store_get_path (pl_autosave_get_store ()), base, NULL);
}

/* Polls until @path no longer exists (the worker removes it). */
static gboolean
wait_gone (const char *path)
{
  for (int i = 0; i < 200 && g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      pl_test_spin ();
      g_usleep (10000);
    }
  return !g_file_test (path, G_FILE_TEST_EXISTS);
}

/* ---- the child: edits, waits for the autosave, says so, waits to be killed ---- */

static void
child_edit (PlDocument *document, const char *expected_path)
{
  PlPlan *plan = pl_document_get_plan (document);
  PlAutosave *autosave = pl_autosave_attach (document);
  g_autoptr(GBytes) bytes = NULL;

  if (pl_document_get_file (document) != NULL)
    g_assert_true (pl_plan_set_string (plan, PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_OWNER,
                                       EDITED_OWNER, NULL));
  else
    g_assert_true (pl_plan_set_string (plan, PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_TITLE,
                                       UNTITLED_TITLE, NULL));
  g_assert_true (wait_updated (autosave, 30));
  bytes = pl_plan_write_bytes (plan);
  g_assert_true (g_file_set_contents (expected_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

static int
run_child (int argc, char **argv)
{
  /* argv: self --child DIR [--untitled] PLAN... */
  const char *dir = argv[2];
  guint n = 0;

  g_set_application_name ("Pilote");
  gtk_init ();
  pl_test_app = pl_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (pl_test_app), NULL, NULL);
  g_application_hold (G_APPLICATION (pl_test_app));
  for (int i = 3; i < argc; i++)
    {
      g_autofree char *name = g_strdup_printf ("expected-%u.pilote", n++);
      g_autofree char *expected = g_build_filename (dir, name, NULL);
      PlWindow *window;

      if (g_str_equal (argv[i], "--untitled"))
        window = PL_WINDOW (pl_application_new_plan (pl_test_app, FALSE));
      else
        window = pl_test_open_in_window (argv[i]);
      child_edit (pl_window_get_document (window), expected);
    }
  g_print ("ready\n");
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

/* Starts the child on @plans and kills it (-9) once it has autosaved them all. */
static void
edit_and_kill (const char *dir, const char * const *plans)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  GPid pid;
  int out, status;

  g_ptr_array_add (argv, (char *) self_path);
  g_ptr_array_add (argv, (char *) "--child");
  g_ptr_array_add (argv, (char *) dir);
  for (guint i = 0; plans[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) plans[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_async_with_pipes (NULL, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                            NULL, &out, NULL, &error);
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (out);
  g_io_channel_set_close_on_unref (channel, TRUE);
  /* Blocks until the child has written every recovery file (or died trying). */
  g_io_channel_read_line (channel, &line, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready\n");
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_spawn_close_pid (pid);
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

/* The window showing a document whose plan has @title, or NULL. */
static PlWindow *
window_with_title (const char *title)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (pl_test_app)); l != NULL; l = l->next)
    if (PL_IS_WINDOW (l->data) && pl_window_get_document (l->data) != NULL &&
        g_strcmp0 (pl_plan_get_title (pl_document_get_plan (pl_window_get_document (l->data))), title) == 0)
      return l->data;
  return NULL;
}

static PlWindow *
window_with_owner (const char *owner)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (pl_test_app)); l != NULL; l = l->next)
    if (PL_IS_WINDOW (l->data) && pl_window_get_document (l->data) != NULL &&
        g_strcmp0 (pl_item_get_string (PL_ITEM (pl_plan_get_metadata (pl_document_get_plan (pl_window_get_document (l->data)))),
                                       PL_METADATA_OWNER), owner) == 0)
      return l->data;
  return NULL;
}

static void
assert_restored (PlWindow *window, const char *expected_path)
{
  PlDocument *document = pl_window_get_document (window);
  PlPlan *plan = pl_document_get_plan (document);
  g_autoptr(GBytes) expected = read_bytes (expected_path);
  g_autoptr(GBytes) restored = pl_plan_write_bytes (plan);

  g_assert_true (g_bytes_equal (restored, expected));
  g_assert_true (pl_document_get_modified (document));
  g_assert_false (pl_plan_can_undo (plan));
}

static void
close_without_saving (PlWindow *window)
{
  GtkWidget *dialog;

  pl_window_close_then (window, NULL, NULL);
  pl_test_spin ();
  dialog = pl_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  pl_test_spin ();
}

/* Edit a saved plan and an untitled one, kill -9, offer: restore both, byte for byte; saving
 * the first removes its recovery file, closing the second without saving removes its own. */
static void
test_kill_restore (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-recovery-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *expected_saved = g_build_filename (dir, "expected-0.pilote", NULL);
  g_autofree char *expected_untitled = g_build_filename (dir, "expected-1.pilote", NULL);
  const char *plans[] = { path, "--untitled", NULL };
  PlRecoveryOffer *offer;
  PlWindow *saved, *untitled;
  g_autofree char *saved_recovery = NULL;
  g_autofree char *untitled_recovery = NULL;

  edit_and_kill (dir, plans);
  offer = pl_recovery_offer_present (pl_test_app);
  g_assert_nonnull (offer);
  g_assert_cmpuint (pl_recovery_offer_get_n (offer), ==, 2);
  pl_test_screenshot (GTK_WIDGET (offer), "recovery-offer");
  /* Oldest first: the saved plan was edited first. */
  gtk_widget_activate_action (GTK_WIDGET (offer), "offer.restore", "u", 0);
  pl_test_spin ();
  g_assert_cmpuint (pl_recovery_offer_get_n (offer), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (offer), "offer.restore", "u", 1);
  pl_test_spin ();

  saved = window_with_owner (EDITED_OWNER);
  g_assert_nonnull (saved);
  assert_restored (saved, expected_saved);
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_assert_true (g_file_equal (pl_document_get_file (pl_window_get_document (saved)), file));
  }
  g_assert_null (pl_window_get_error (saved));
  untitled = window_with_title (UNTITLED_TITLE);
  g_assert_nonnull (untitled);
  assert_restored (untitled, expected_untitled);
  g_assert_null (pl_document_get_file (pl_window_get_document (untitled)));

  /* The recovery files now belong to this Pilote, as they were written. */
  saved_recovery = recovery_file (pl_autosave_attach (pl_window_get_document (saved)));
  untitled_recovery = recovery_file (pl_autosave_attach (pl_window_get_document (untitled)));
  {
    g_autoptr(GBytes) kept = read_bytes (saved_recovery);
    g_autoptr(GBytes) expected = read_bytes (expected_saved);
    g_assert_true (g_bytes_equal (kept, expected));
  }
  g_assert_true (g_file_test (untitled_recovery, G_FILE_TEST_EXISTS));
  /* Logging out now asks the session to wait. */
  g_assert_cmpstr (pl_autosave_get_inhibit_reason (), ==, "Unsaved changes in 2 plans");

  /* Saved where it was: the recovery file goes. */
  gtk_widget_activate_action (GTK_WIDGET (saved), "win.save", NULL);
  pl_test_spin ();
  g_assert_null (pl_window_get_error (saved));
  g_assert_false (pl_document_get_modified (pl_window_get_document (saved)));
  g_assert_true (wait_gone (saved_recovery));
  g_assert_cmpstr (pl_autosave_get_inhibit_reason (), ==, "Unsaved changes in " UNTITLED_TITLE);
  {
    g_autoptr(GBytes) on_disk = read_bytes (path);
    g_autoptr(GBytes) expected = read_bytes (expected_saved);
    g_assert_true (g_bytes_equal (on_disk, expected));
  }

  /* Closed without saving: the changes are let go, and so is the recovery file. */
  close_without_saving (untitled);
  g_assert_true (wait_gone (untitled_recovery));
  g_assert_null (pl_autosave_get_inhibit_reason ());

  gtk_window_destroy (GTK_WINDOW (saved));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* The plan's file was removed after the crash: restored as a new plan, and said so. */
static void
test_file_removed (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-recovery-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *expected = g_build_filename (dir, "expected-0.pilote", NULL);
  const char *plans[] = { path, NULL };
  PlRecoveryOffer *offer;
  PlWindow *window;

  edit_and_kill (dir, plans);
  g_assert_cmpint (g_unlink (path), ==, 0);
  offer = pl_recovery_offer_present (pl_test_app);
  g_assert_nonnull (offer);
  g_assert_cmpuint (pl_recovery_offer_get_n (offer), ==, 1);
  pl_test_screenshot (GTK_WIDGET (offer), "recovery-offer-removed");
  gtk_widget_activate_action (GTK_WIDGET (offer), "offer.restore", "u", 0);
  pl_test_spin ();
  window = window_with_owner (EDITED_OWNER);
  g_assert_nonnull (window);
  assert_restored (window, expected);
  g_assert_null (pl_document_get_file (pl_window_get_document (window)));
  g_assert_nonnull (pl_window_get_error (window));
  g_assert_true (g_str_has_prefix (pl_window_get_error (window), "“plan.pilote” no longer exists"));
  pl_test_screenshot (GTK_WIDGET (window), "recovery-restored-removed");
  close_without_saving (window);
  pl_test_remove_dir (dir);
}

/* The plan's file was changed by another program after the crash: restored on that file,
 * said so, and saving asks before replacing the other program's version. */
static void
test_file_changed (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-recovery-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *expected = g_build_filename (dir, "expected-0.pilote", NULL);
  const char *plans[] = { path, NULL };
  g_autofree char *contents = NULL;
  g_autofree char *other = NULL;
  PlRecoveryOffer *offer;
  PlWindow *window;
  GtkWidget *dialog;

  edit_and_kill (dir, plans);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  other = g_strconcat (contents, "<!-- changed by another program -->\n", NULL);
  g_assert_true (g_file_set_contents (path, other, -1, NULL));
  offer = pl_recovery_offer_present (pl_test_app);
  g_assert_nonnull (offer);
  gtk_widget_activate_action (GTK_WIDGET (offer), "offer.restore", "u", 0);
  pl_test_spin ();
  window = window_with_owner (EDITED_OWNER);
  g_assert_nonnull (window);
  assert_restored (window, expected);
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_assert_true (g_file_equal (pl_document_get_file (pl_window_get_document (window)), file));
  }
  /* The window's bar says the file changed, as for any change on disk. */
  for (int i = 0; i < 500 && pl_window_is_checking_disk (window); i++)
    {
      pl_test_spin ();
      g_usleep (10000);
    }
  g_assert_cmpint (pl_window_get_disk_state (window), ==, PL_DISK_CHANGED);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  pl_test_spin ();
  dialog = pl_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  pl_test_spin ();
  {
    g_autofree char *on_disk = NULL;
    g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
    g_assert_cmpstr (on_disk, ==, other);
  }
  close_without_saving (window);
  pl_test_remove_dir (dir);
}

/* Cuts every kept plan under @folder (and its session folders) to half its length. */
static void
damage_kept_plans (const char *folder)
{
  g_autoptr(GDir) handle = g_dir_open (folder, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        damage_kept_plans (path);
      else if (g_str_has_suffix (name, ".pilote") && g_file_get_contents (path, &contents, &length, NULL))
        g_assert_true (g_file_set_contents (path, contents, (gssize) (length / 2), NULL));
    }
}

/* A kept plan damaged on disk: Restore says why, in the row, and is not offered again; the
 * plan can still be discarded. */
static void
test_damaged (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-recovery-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *root = pl_recovery_get_root ();
  const char *plans[] = { path, NULL };
  PlRecoveryOffer *offer;

  edit_and_kill (dir, plans);
  damage_kept_plans (root);
  offer = pl_recovery_offer_present (pl_test_app);
  g_assert_nonnull (offer);
  gtk_widget_activate_action (GTK_WIDGET (offer), "offer.restore", "u", 0);
  pl_test_spin ();
  g_assert_null (window_with_owner (EDITED_OWNER));
  g_assert_cmpuint (pl_recovery_offer_get_n (offer), ==, 1);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (offer), "offer.restore", "u", 0) &&
                  window_with_owner (EDITED_OWNER) != NULL);
  pl_test_screenshot (GTK_WIDGET (offer), "recovery-damaged");
  gtk_widget_activate_action (GTK_WIDGET (offer), "offer.discard", "u", 0);
  pl_test_spin ();
  gtk_dialog_response (GTK_DIALOG (pl_test_find_message_dialog ()), GTK_RESPONSE_ACCEPT);
  pl_test_spin ();
  g_assert_null (pl_recovery_offer_present (pl_test_app));
  pl_test_remove_dir (dir);
}

/* Discard in the offer: gone for good, never offered again. */
static void
test_discard (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-recovery-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  const char *plans[] = { path, NULL };
  PlRecoveryOffer *offer;

  edit_and_kill (dir, plans);
  offer = pl_recovery_offer_present (pl_test_app);
  g_assert_nonnull (offer);
  gtk_widget_activate_action (GTK_WIDGET (offer), "offer.discard", "u", 0);
  pl_test_spin ();
  /* Asked once more, since it cannot be undone: Cancel keeps it, Discard lets it go. */
  {
    GtkWidget *dialog = pl_test_find_message_dialog ();

    g_assert_nonnull (dialog);
    pl_test_screenshot (dialog, "recovery-discard");
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
    pl_test_spin ();
    g_assert_cmpuint (pl_recovery_offer_get_n (offer), ==, 1);
    gtk_widget_activate_action (GTK_WIDGET (offer), "offer.discard", "u", 0);
    pl_test_spin ();
    gtk_dialog_response (GTK_DIALOG (pl_test_find_message_dialog ()), GTK_RESPONSE_ACCEPT);
    pl_test_spin ();
  }
  g_assert_null (window_with_owner (EDITED_OWNER));
  g_assert_null (pl_recovery_offer_present (pl_test_app));
  pl_test_remove_dir (dir);
}

/* Nothing changed, or changed and undone: nothing is written; an edit is written once the
 * plan has been quiet, and undone back to the saved plan, removed. */
static void
test_unchanged_not_written (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-recovery-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlDocument *document = pl_window_get_document (window);
  PlPlan *plan = pl_document_get_plan (document);
  PlAutosave *autosave = pl_autosave_attach (document);
  g_autofree char *recovery = recovery_file (autosave);

  /* What the quiet time leads to, without waiting for it. */
  pl_autosave_write_now (autosave);
  pl_test_spin ();
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
  g_assert_null (pl_autosave_get_inhibit_reason ());

  g_assert_true (pl_plan_set_string (plan, PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_OWNER, "Someone", NULL));
  g_assert_true (pl_plan_undo (plan));
  pl_autosave_write_now (autosave);
  pl_test_spin ();
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));

  g_assert_true (pl_plan_set_string (plan, PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_OWNER, "Someone", NULL));
  g_assert_cmpstr (pl_autosave_get_inhibit_reason (), ==, "Unsaved changes in Northwind Analytics – Marketing plan 2027");
  /* Written after the quiet time, not before. */
  g_usleep ((PL_AUTOSAVE_QUIET_MS - 2000) * 1000);
  pl_test_spin ();
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
  g_assert_true (wait_updated (autosave, 10));
  g_assert_true (g_file_test (recovery, G_FILE_TEST_EXISTS));
  /* Never over the plan's own file. */
  {
    g_autoptr(GBytes) on_disk = read_bytes (path);
    g_autoptr(GBytes) kept = read_bytes (recovery);
    g_assert_false (g_bytes_equal (on_disk, kept));
  }
  g_assert_true (pl_plan_undo (plan));
  g_assert_true (wait_gone (recovery));
  g_assert_null (pl_autosave_get_inhibit_reason ());

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_autofree char *state = NULL;
  int result;

  self_path = argv[0];
  if (argc > 2 && g_str_equal (argv[1], "--child"))
    return run_child (argc, argv);
  /* A state folder of this run's own, which the children inherit. */
  state = pl_test_scratch_dir ("pilote-state-XXXXXX");
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  pl_test_init (&argc, &argv);
  g_test_add_func ("/recovery/unchanged-not-written", test_unchanged_not_written);
  g_test_add_func ("/recovery/kill-restore", test_kill_restore);
  g_test_add_func ("/recovery/file-removed", test_file_removed);
  g_test_add_func ("/recovery/file-changed", test_file_changed);
  g_test_add_func ("/recovery/discard", test_discard);
  g_test_add_func ("/recovery/damaged", test_damaged);
  result = g_test_run ();
  pl_test_remove_dir (state);
  return result;
}

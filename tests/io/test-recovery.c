/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The recovery folder: what a running Pilote keeps is never offered, what a killed one left
 * is, byte for byte; discarding and adopting; and the plan written in steps. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pl-io-test-util.h"
#include "pl-plan-file.h"
#include "pl-plan-reader.h"
#include "pl-plan-writer.h"
#include "pl-recovery.h"

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static GBytes *
example_bytes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  return pl_plan_write_bytes (plan);
}

static void
fill_info (PlRecoveryInfo *info, const char *uri, const char *title)
{
  info->uri = g_strdup (uri);
  if (uri != NULL)
    {
      info->stamp.exists = TRUE;
      info->stamp.device = 2049;
      info->stamp.inode = 1234567;
      info->stamp.size = 61234;
      info->stamp.mtime_usec = G_GINT64_CONSTANT (1733390520000001);
      for (guint i = 0; i < sizeof info->stamp.digest; i++)
        info->stamp.digest[i] = (guint8) (i * 37 + 5);
    }
  info->title = g_strdup (title);
  info->time = g_date_time_new_utc (2026, 12, 5, 10, 42, 0);
}

/* Writes the plan in steps of no time at all: the same bytes as in one go. */
static void
test_writer_in_steps (void)
{
  g_autoptr(GBytes) whole = example_bytes ();
  g_autoptr(PlPlan) plan = pl_plan_read_bytes (g_bytes_get_data (whole, NULL), g_bytes_get_size (whole),
                                               "example", PL_READ_DEFAULT, NULL);
  PlPlanWriter *writer = pl_plan_writer_new (plan, 0);
  g_autoptr(GBytes) stepped = NULL;
  guint steps = 1;

  /* A deadline already past: one record per step. */
  while (!pl_plan_writer_step (writer, 1))
    steps++;
  stepped = pl_plan_writer_finish (writer);
  g_assert_cmpuint (steps, >, 20);
  g_assert_true (g_bytes_equal (whole, stepped));
}

static void
test_root_follows_state_home (void)
{
  g_autofree char *root = pl_recovery_get_root ();
  g_autofree char *expected = g_build_filename (g_getenv ("XDG_STATE_HOME"), "pilote", "recovery", NULL);

  g_assert_cmpstr (root, ==, expected);
  g_assert_true (g_file_test (root, G_FILE_TEST_IS_DIR));
}

/* What this process keeps is not offered while the store lives; once it is gone without
 * removing them (as a crash would), the plans are offered, exactly as written. */
static void
test_running_not_offered (void)
{
  g_autofree char *root = pl_io_test_temp_dir ("pilote-recovery");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecoveryStore) store = pl_recovery_store_new (root, &error);
  g_autoptr(GBytes) plan = example_bytes ();
  g_auto(PlRecoveryInfo) info = { 0 };
  g_autoptr(GPtrArray) found = NULL;

  g_assert_no_error (error);
  fill_info (&info, "file:///home/claire/Plan%202027.pilote", "Plan 2027");
  g_assert_true (pl_recovery_store_write (store, "doc-1", plan, &info, &error));
  g_assert_no_error (error);
  found = pl_recovery_find (root);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Removed, nothing left; the folder of the store goes with it. */
  g_assert_true (pl_recovery_store_remove (store, "doc-1", &error));
  g_assert_true (pl_recovery_store_remove (store, "doc-1", &error));
  g_assert_cmpuint (count_entries (pl_recovery_store_get_path (store)), ==, 1);  /* the lock */
  g_clear_object (&store);
  g_assert_cmpuint (count_entries (root), ==, 0);
  pl_io_test_remove_tree (root);
}

/* A child process writes two plans and is killed (-9): both are found, oldest first, with
 * their words and their very bytes; discarding one and adopting the other empties its folder. */
static void
test_killed_found (void)
{
  g_autofree char *root = pl_io_test_temp_dir ("pilote-recovery");
  g_autoptr(GBytes) plan = example_bytes ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecoveryStore) store = NULL;
  g_autoptr(GBytes) read = NULL;
  const PlRecoveryInfo *info;
  int status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      PlRecoveryStore *child_store = pl_recovery_store_new (root, NULL);
      g_auto(PlRecoveryInfo) titled = { 0 };
      g_auto(PlRecoveryInfo) untitled = { 0 };
      g_autoptr(GBytes) small = g_bytes_new_static ("<plan/>\n", 8);

      fill_info (&titled, "file:///home/claire/Plan%202027.pilote", "Plan 2027");
      fill_info (&untitled, NULL, "Brand launch");
      g_date_time_unref (untitled.time);
      untitled.time = g_date_time_new_utc (2026, 12, 5, 9, 0, 0);
      if (child_store == NULL || !pl_recovery_store_write (child_store, "doc-1", plan, &titled, NULL) ||
          !pl_recovery_store_write (child_store, "doc-2", small, &untitled, NULL))
        _exit (1);
      kill (getpid (), SIGKILL);
      _exit (2);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  found = pl_recovery_find (root);
  g_assert_cmpuint (found->len, ==, 2);
  /* Oldest first: the untitled plan, written at 9:00. */
  info = pl_recovered_get_info (found->pdata[0]);
  g_assert_null (info->uri);
  g_assert_false (info->stamp.exists);
  g_assert_cmpstr (info->title, ==, "Brand launch");
  info = pl_recovered_get_info (found->pdata[1]);
  g_assert_cmpstr (info->uri, ==, "file:///home/claire/Plan%202027.pilote");
  {
    PlRecoveryInfo written = { 0 };
    fill_info (&written, info->uri, NULL);
    g_assert_true (info->stamp.exists);
    g_assert_true (pl_file_stamp_equal (&info->stamp, &written.stamp));
    g_assert_cmpmem (&info->stamp, sizeof info->stamp, &written.stamp, sizeof written.stamp);
    pl_recovery_info_clear (&written);
  }
  g_assert_cmpstr (info->title, ==, "Plan 2027");
  g_assert_cmpint (g_date_time_to_unix (info->time), ==, 1796467320);
  read = pl_recovered_read (found->pdata[1], &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, plan));

  /* Another Pilote starting now finds nothing: the folder is claimed by this one. */
  {
    g_autoptr(GPtrArray) again = NULL;
    pid_t other = fork ();
    if (other == 0)
      {
        again = pl_recovery_find (root);
        _exit (again->len == 0 ? 0 : 1);
      }
    g_assert_cmpint (waitpid (other, &status, 0), ==, other);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }

  g_assert_true (pl_recovered_discard (found->pdata[0], &error));
  g_assert_no_error (error);
  store = pl_recovery_store_new (root, &error);
  g_assert_no_error (error);
  g_assert_true (pl_recovered_adopt (found->pdata[1], store, "doc-9", &error));
  g_assert_no_error (error);
  {
    g_autofree char *adopted = g_build_filename (pl_recovery_store_get_path (store), "doc-9.pilote", NULL);
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (adopted, &contents, &length, NULL));
    g_assert_cmpmem (contents, length, g_bytes_get_data (plan, NULL), g_bytes_get_size (plan));
  }
  /* Both handled: the dead folder is gone once the last one is let go; only ours is left. */
  g_clear_pointer (&found, g_ptr_array_unref);
  g_assert_cmpuint (count_entries (root), ==, 1);
  /* Ours, dropped with a plan still in it (a window closed without asking), stays for the
   * next start. */
  g_clear_object (&store);
  found = pl_recovery_find (root);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (pl_recovered_get_info (found->pdata[0])->title, ==, "Plan 2027");
  g_assert_true (pl_recovered_discard (found->pdata[0], NULL));
  g_clear_pointer (&found, g_ptr_array_unref);
  g_assert_cmpuint (count_entries (root), ==, 0);
  pl_io_test_remove_tree (root);
}

/* A half-written pair (a plan without its words, temporary files) is never offered, and
 * goes with its folder. */
static void
test_incomplete_ignored (void)
{
  g_autofree char *root = pl_io_test_temp_dir ("pilote-recovery");
  g_autofree char *session = g_build_filename (root, "session-ABCDEF", NULL);
  g_autofree char *orphan = g_build_filename (session, "doc-1.pilote", NULL);
  g_autofree char *temporary = g_build_filename (session, "doc-1.pilote.X1Y2Z3", NULL);
  g_autofree char *words = g_build_filename (session, "doc-2.recovery", NULL);
  g_autoptr(GPtrArray) found = NULL;

  g_assert_cmpint (g_mkdir (session, 0700), ==, 0);
  g_assert_true (g_file_set_contents (orphan, "<plan/>", -1, NULL));
  g_assert_true (g_file_set_contents (temporary, "<pl", -1, NULL));
  g_assert_true (g_file_set_contents (words, "[Recovery]\nVersion=1\n", -1, NULL));
  found = pl_recovery_find (root);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_false (g_file_test (session, G_FILE_TEST_EXISTS));
  pl_io_test_remove_tree (root);
}

int
main (int argc, char **argv)
{
  g_autofree char *state = NULL;

  g_test_init (&argc, &argv, NULL);
  state = g_dir_make_tmp ("pilote-state-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_add_func ("/recovery/writer-in-steps", test_writer_in_steps);
  g_test_add_func ("/recovery/root-follows-state-home", test_root_follows_state_home);
  g_test_add_func ("/recovery/running-not-offered", test_running_not_offered);
  g_test_add_func ("/recovery/killed-found", test_killed_found);
  g_test_add_func ("/recovery/incomplete-ignored", test_incomplete_ignored);
  {
    int result = g_test_run ();
    pl_io_test_remove_tree (state);
    return result;
  }
}

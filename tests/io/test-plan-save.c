/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving that cannot lose (issue 19): a failed save keeps the file and its backup, a read-only
 * file is not replaced, errors name their cause, what a killed save left is removed, and a
 * change made by another program is seen by the file's content. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pl-io-test-util.h"
#include "pl-error.h"
#include "pl-plan-file.h"
#include "pl-plan-writer.h"

/* Exit status of a child whose check cannot run here (no mount namespace, no tmpfs). */
#define CHILD_SKIP 77

/* A plan of @campaigns campaigns titled @title. */
static PlPlan *
plan_of (const char *title, guint campaigns)
{
  PlPlan *plan = pl_plan_new_default (title);

  for (guint i = 0; i < campaigns; i++)
    {
      g_autoptr(PlItem) campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
      pl_item_set_string (campaign, PL_CAMPAIGN_NAME, "A campaign with a reasonably long name");
      pl_item_set_string (campaign, PL_CAMPAIGN_PROBLEM, "Prospects do not know we exist; this text makes the file big.");
      pl_plan_add (plan, campaign);
    }
  return plan;
}

static gboolean
save_title (const char *path, const char *title, guint campaigns, GError **error)
{
  g_autoptr(PlPlan) plan = plan_of (title, campaigns);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return pl_plan_save (plan, file, NULL, NULL, error);
}

/* Saves "First" then "Second" at @path, so that the file holds the second and FILE~ the first. */
static void
save_twice (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (save_title (path, "First", 0, &error));
  g_assert_true (save_title (path, "Second", 0, &error));
  g_assert_no_error (error);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* Runs @func on @path in a child process; returns its exit status (0: the checks passed). */
static int
in_child (int (*func) (const char *path), const char *path)
{
  pid_t pid = fork ();
  int status = 0;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (func (path));
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* ---- a failed save ---- */

static int
save_beyond_file_size_limit (const char *path)
{
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  struct rlimit limit;

  /* Room for a copy of the small file, not for the big new version. */
  if (g_stat (path, &st) != 0)
    return 10;
  limit.rlim_cur = limit.rlim_max = (rlim_t) st.st_size + 1024;
  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    return 11;
  if (save_title (path, "Third", 400, &error))
    return 12;
  if (!g_error_matches (error, PL_ERROR, PL_ERROR_FILE) || !g_str_has_prefix (error->message, "plan.pilote: "))
    return 13;
  return 0;
}

/* Today's save removed FILE~ and made it a second name of the file before writing: a failed
 * save lost the older backup. */
static void
test_failed_save_keeps_backup (void)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-save");
  g_autofree char *path = g_build_filename (dir, "plan.pilote", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GBytes) file_before = NULL, backup_before = NULL, file_after = NULL, backup_after = NULL;

  save_twice (path);
  file_before = pl_io_test_read_all (path);
  backup_before = pl_io_test_read_all (backup);
  g_assert_false (g_bytes_equal (file_before, backup_before));
  g_assert_cmpint (in_child (save_beyond_file_size_limit, path), ==, 0);
  file_after = pl_io_test_read_all (path);
  backup_after = pl_io_test_read_all (backup);
  g_assert_true (g_bytes_equal (file_before, file_after));
  g_assert_true (g_bytes_equal (backup_before, backup_after));
  g_assert_cmpuint (count_files (dir), ==, 2);
  pl_io_test_remove_tree (dir);
}

/* A real full disk: a 64 KiB tmpfs mounted in a mount namespace of the child's own, so that
 * nothing is left mounted whatever happens. Needs the right to mount (root in most
 * containers); elsewhere the test is skipped and failed-save-keeps-backup still runs. */
static int
save_on_full_tmpfs (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "plan.pilote", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GBytes) file_before = NULL, backup_before = NULL, file_after = NULL, backup_after = NULL;
  g_autoptr(GError) error = NULL;

  if (unshare (CLONE_NEWNS) != 0 || mount ("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("tmpfs", dir, "tmpfs", 0, "size=64k") != 0)
    return CHILD_SKIP;
  save_twice (path);
  file_before = pl_io_test_read_all (path);
  backup_before = pl_io_test_read_all (backup);
  if (save_title (path, "Third", 2000, &error))
    return 20;
  if (!g_error_matches (error, PL_ERROR, PL_ERROR_FILE))
    return 21;
  if (g_strcmp0 (error->message, "plan.pilote: The plan was not saved, because the disk is full. Free some "
                 "space or save it on another disk; the file on disk was left as it was.") != 0)
    {
      g_printerr ("%s\n", error->message);
      return 22;
    }
  file_after = pl_io_test_read_all (path);
  backup_after = pl_io_test_read_all (backup);
  if (!g_bytes_equal (file_before, file_after) || !g_bytes_equal (backup_before, backup_after))
    return 23;
  if (count_files (dir) != 2)
    return 24;
  return 0;
}

static void
test_disk_full (void)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-save");
  int status = in_child (save_on_full_tmpfs, dir);

  pl_io_test_remove_tree (dir);
  if (status == CHILD_SKIP)
    {
      g_test_skip ("no right to mount a small tmpfs in a mount namespace here");
      return;
    }
  g_assert_cmpint (status, ==, 0);
}

/* ---- read-only file and folder, folder gone ---- */

static void
test_read_only_file (void)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-save");
  g_autofree char *path = g_build_filename (dir, "plan.pilote", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GBytes) file_before = NULL, backup_before = NULL, file_after = NULL, backup_after = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  save_twice (path);
  file_before = pl_io_test_read_all (path);
  backup_before = pl_io_test_read_all (backup);
  /* The permission bits say read-only even to root, who could write it anyway. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_false (save_title (path, "Third", 0, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, "plan.pilote: The file is read-only, so the plan was not saved over it. "
                   "Save it under another name.");
  file_after = pl_io_test_read_all (path);
  backup_after = pl_io_test_read_all (backup);
  g_assert_true (g_bytes_equal (file_before, file_after));
  g_assert_true (g_bytes_equal (backup_before, backup_after));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);
  g_assert_cmpuint (count_files (dir), ==, 2);
  pl_io_test_remove_tree (dir);
}

static int
save_in_read_only_folder (const char *path)
{
  struct passwd *nobody = getpwnam ("nobody");
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *expected = NULL;

  /* Root writes in any folder: the check runs as nobody, who owns the file but not the folder. */
  if (geteuid () == 0 && (nobody == NULL || setgid (nobody->pw_gid) != 0 || setuid (nobody->pw_uid) != 0))
    return CHILD_SKIP;
  if (save_title (path, "Third", 0, &error))
    return 30;
  if (!g_error_matches (error, PL_ERROR, PL_ERROR_READ_ONLY))
    return 31;
  expected = g_strdup_printf ("plan.pilote: The plan was not saved, because the folder “%s” is read-only "
                              "(permission denied). Save it in another folder.", folder);
  if (g_strcmp0 (error->message, expected) != 0)
    {
      g_printerr ("%s\n", error->message);
      return 32;
    }
  return 0;
}

/* Today the error blamed the backup copy: the first thing the save wrote. */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-save");
  g_autofree char *path = g_build_filename (dir, "plan.pilote", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GBytes) file_before = NULL, backup_before = NULL, file_after = NULL, backup_after = NULL;
  struct passwd *nobody = getpwnam ("nobody");
  int status;

  save_twice (path);
  file_before = pl_io_test_read_all (path);
  backup_before = pl_io_test_read_all (backup);
  if (geteuid () == 0 && nobody != NULL)
    g_assert_cmpint (chown (path, nobody->pw_uid, nobody->pw_gid), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  status = in_child (save_in_read_only_folder, path);
  g_chmod (dir, 0755);
  file_after = pl_io_test_read_all (path);
  backup_after = pl_io_test_read_all (backup);
  g_assert_true (g_bytes_equal (file_before, file_after));
  g_assert_true (g_bytes_equal (backup_before, backup_after));
  g_assert_cmpuint (count_files (dir), ==, 2);
  pl_io_test_remove_tree (dir);
  if (status == CHILD_SKIP)
    g_test_skip ("running as root with no “nobody” user to drop to");
  else
    g_assert_cmpint (status, ==, 0);
}

static void
test_folder_gone (void)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-save");
  g_autofree char *folder = g_build_filename (dir, "Plans", NULL);
  g_autofree char *path = g_build_filename (folder, "plan.pilote", NULL);
  g_autofree char *expected = g_strdup_printf ("plan.pilote: The plan was not saved, because the folder “%s” "
                                               "no longer exists. Save it in another folder.", folder);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  save_twice (path);
  pl_io_test_remove_tree (folder);
  g_assert_false (save_title (path, "Third", 0, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  pl_io_test_remove_tree (dir);
}

/* ---- changes by another program ---- */

/* Another program rewrites the file in place with the same size and puts its time back: the
 * modification time says nothing changed, the content says otherwise. */
static void
test_changed_keeping_mtime (void)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-save");
  g_autofree char *path = g_build_filename (dir, "plan.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GBytes) theirs = NULL, after = NULL;
  g_autofree char *text = NULL;
  PlFileStamp loaded, touched, changed;
  GStatBuf before, st;
  struct timespec times[2];
  char *at;
  int fd;

  save_twice (path);
  plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, &loaded, &error);
  g_assert_no_error (error);
  g_assert_true (loaded.exists);
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_cmpuint (loaded.size, ==, before.st_size);

  /* Only the time changes: the same content. */
  times[0] = times[1] = before.st_mtim;
  times[1].tv_sec += 5;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  g_assert_true (pl_file_stamp_read (file, &touched, NULL, &error));
  g_assert_true (pl_file_stamp_equal (&loaded, &touched));

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  at = strstr (text, "Second");
  g_assert_nonnull (at);
  memcpy (at, "Secund", 6);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, text, strlen (text)), ==, (gssize) strlen (text));
  close (fd);
  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mtim.tv_sec, ==, before.st_mtim.tv_sec);
  g_assert_cmpint (st.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);
  g_assert_cmpint (st.st_size, ==, before.st_size);
  g_assert_cmpint (st.st_ino, ==, before.st_ino);
  theirs = pl_io_test_read_all (path);

  g_assert_true (pl_file_stamp_read (file, &changed, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pl_file_stamp_equal (&loaded, &changed));
  g_assert_cmpint (changed.mtime_usec, ==, loaded.mtime_usec);

  g_assert_true (pl_plan_set_string (plan, PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_TITLE, "Ours", NULL));
  g_assert_false (pl_plan_save (plan, file, &loaded, NULL, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_CHANGED_ON_DISK);
  g_assert_true (pl_plan_get_modified (plan));
  after = pl_io_test_read_all (path);
  g_assert_true (g_bytes_equal (theirs, after));
  pl_io_test_remove_tree (dir);
}

/* The stamp a save gives is that of the file as it now is, without reading it again; a missing
 * file has a stamp too, and two missing files are the same. */
static void
test_stamps (void)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-save");
  g_autofree char *path = g_build_filename (dir, "plan.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = plan_of ("Stamped", 3);
  g_autoptr(PlPlan) loaded = NULL;
  PlFileStamp missing, other_missing, saved, read, from_load, resaved;

  g_assert_true (pl_file_stamp_read (file, &missing, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (missing.exists);
  g_assert_true (pl_file_stamp_read (file, &other_missing, NULL, &error));
  g_assert_true (pl_file_stamp_equal (&missing, &other_missing));

  g_assert_true (pl_plan_save (plan, file, &missing, &saved, &error));
  g_assert_no_error (error);
  g_assert_true (saved.exists);
  g_assert_true (pl_file_stamp_read (file, &read, NULL, &error));
  g_assert_true (pl_file_stamp_equal (&saved, &read));
  g_assert_cmpint (saved.mtime_usec, ==, read.mtime_usec);
  g_assert_false (pl_file_stamp_equal (&saved, &missing));
  loaded = pl_plan_load (file, NULL, PL_READ_DEFAULT, &from_load, &error);
  g_assert_no_error (error);
  g_assert_true (pl_file_stamp_equal (&saved, &from_load));

  /* A save with the right stamp succeeds and gives the next one; a file that was there and is
   * no more is not a conflict: saving makes it again. */
  g_assert_true (pl_plan_save (plan, file, &saved, &resaved, &error));
  /* The same bytes again, in a new file: the same content, so the same plan on disk. */
  g_assert_true (pl_file_stamp_equal (&saved, &resaved));
  g_assert_true (saved.inode != resaved.inode || saved.device != resaved.device);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (pl_plan_save (plan, file, &resaved, NULL, &error));
  g_assert_no_error (error);
  /* Created where nothing was expected: someone else's file. */
  g_assert_false (pl_plan_save (plan, file, &missing, NULL, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_CHANGED_ON_DISK);
  pl_io_test_remove_tree (dir);
}

/* A window keeps the bytes it read or wrote, as the base of a merge: they are the file's very
 * bytes, and the stamp given with them is theirs. */
static void
test_bytes_kept (void)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-save");
  g_autofree char *path = g_build_filename (dir, "plan.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = plan_of ("Kept", 3);
  g_autoptr(PlPlan) loaded = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  PlFileStamp saved, from_load;

  g_assert_true (pl_plan_save_keeping (plan, file, NULL, &saved, &written, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  on_disk = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (g_bytes_equal (written, on_disk));
  loaded = pl_plan_load_keeping (file, NULL, PL_READ_DEFAULT, &from_load, &read, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (g_bytes_equal (read, on_disk));
  g_assert_true (pl_file_stamp_equal (&saved, &from_load));

  /* A failed read gives no bytes. */
  g_clear_pointer (&read, g_bytes_unref);
  g_assert_true (g_file_set_contents (path, "not a plan", -1, NULL));
  g_clear_object (&loaded);
  loaded = pl_plan_load_keeping (file, NULL, PL_READ_DEFAULT, NULL, &read, &error);
  g_assert_null (loaded);
  g_assert_null (read);
  g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
  pl_io_test_remove_tree (dir);
}

/* ---- what a killed save leaves ---- */

/* The name a save of @path by process @pid on the machine of hash @host gives its temporary
 * file (pl-plan-file.c). */
static char *
temp_of (const char *dir, const char *plan_name, guint32 host, gint64 pid, const char *random)
{
  g_autofree char *leaf = g_strdup_printf (".%s.pilote-%08x-%" G_GINT64_FORMAT "-%s", plan_name, host, pid, random);

  return g_build_filename (dir, leaf, NULL);
}

static void
make_file (const char *path, gint64 age_seconds)
{
  g_assert_true (g_file_set_contents (path, "half a plan", -1, NULL));
  if (age_seconds > 0)
    {
      struct timespec times[2];

      g_assert_cmpint (clock_gettime (CLOCK_REALTIME, &times[0]), ==, 0);
      times[0].tv_sec -= age_seconds;
      times[1] = times[0];
      g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
    }
}

/* A process id that no process has now. */
static pid_t
dead_pid (void)
{
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  return pid;
}

static void
check_stale_temps_removed (gboolean by_open)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-save");
  g_autofree char *path = g_build_filename (dir, "plan.pilote", NULL);
  guint32 here = g_str_hash (g_get_host_name ());
  pid_t gone = dead_pid ();
  /* Left by a killed save here, and by one on another machine an hour ago: removed. */
  g_autofree char *killed = temp_of (dir, "plan.pilote", here, gone, "aB3dE9");
  g_autofree char *old_elsewhere = temp_of (dir, "plan.pilote", here + 1, 4242, "Zz0000");
  /* A save in progress here and on another machine, another plan's, and a look-alike: kept. */
  g_autofree char *running = temp_of (dir, "plan.pilote", here, getpid (), "Qw1234");
  g_autofree char *elsewhere = temp_of (dir, "plan.pilote", here + 1, gone, "Er5678");
  g_autofree char *other_plan = temp_of (dir, "other.pilote", here, gone, "Ty9012");
  g_autofree char *look_alike = g_strconcat (killed, "x", NULL);
  g_autoptr(GError) error = NULL;

  save_twice (path);
  make_file (killed, 0);
  make_file (old_elsewhere, 3600);
  make_file (running, 3);
  make_file (elsewhere, 0);
  make_file (other_plan, 0);
  make_file (look_alike, 0);
  if (by_open)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

      g_assert_no_error (error);
    }
  else
    {
      g_assert_true (save_title (path, "Third", 0, &error));
      g_assert_no_error (error);
    }
  g_assert_false (g_file_test (killed, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_elsewhere, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (running, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (elsewhere, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_plan, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (look_alike, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 6);
  pl_io_test_remove_tree (dir);
}

static void
test_stale_temps_removed_by_save (void)
{
  check_stale_temps_removed (FALSE);
}

static void
test_stale_temps_removed_by_open (void)
{
  check_stale_temps_removed (TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan-save/failed-save-keeps-backup", test_failed_save_keeps_backup);
  g_test_add_func ("/plan-save/disk-full", test_disk_full);
  g_test_add_func ("/plan-save/read-only-file", test_read_only_file);
  g_test_add_func ("/plan-save/read-only-folder", test_read_only_folder);
  g_test_add_func ("/plan-save/folder-gone", test_folder_gone);
  g_test_add_func ("/plan-save/changed-keeping-mtime", test_changed_keeping_mtime);
  g_test_add_func ("/plan-save/stamps", test_stamps);
  g_test_add_func ("/plan-save/bytes-kept", test_bytes_kept);
  g_test_add_func ("/plan-save/stale-temps-removed-by-save", test_stale_temps_removed_by_save);
  g_test_add_func ("/plan-save/stale-temps-removed-by-open", test_stale_temps_removed_by_open);
  return g_test_run ();
}

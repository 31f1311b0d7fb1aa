/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kill -9 while saving (issue 19): a child process saves the benchmark's plan (20,000
 * campaigns) over and over, alternating two versions, and is killed at a random moment of a
 * save, ROUNDS times (100 by default). After each kill the file must hold exactly one of the
 * two versions, byte for byte, and read without error; its backup too; and once the plan has
 * been opened again, no temporary file of ours may remain in the folder.
 *
 * Most of a save is spent writing the XML in memory; the file system work (the temporary file,
 * its flush, the backup and the renames) is a short moment at its end. So odd rounds kill at a
 * moment drawn from the whole of two saves, even rounds at a moment drawn from the file system
 * work: once the temporary file has appeared.
 *
 * Usage: pl-bench-kill-save [--rounds N] [--dir DIR]
 * Prints one line per round, then a summary:
 *   kills=N intact=N old=O new=W temp-left-by-kill=K temp-after-open=0 save-ms=M io-ms=I
 * Exits 0 when every round passed, 1 otherwise. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pl-bench-plan.h"
#include "pl-plan-file.h"
#include "pl-plan-writer.h"

/* Our temporary files for plan.pilote start with this (pl-plan-file.c). */
#define TEMP_PREFIX ".plan.pilote.pilote-"

static guint
count_temps (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, TEMP_PREFIX))
      n++;
  return n;
}

/* 0 when @path holds @a, 1 when it holds @b, -1 otherwise. */
static int
which_version (const char *path, GBytes *a, GBytes *b)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return -1;
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  if (g_bytes_equal (bytes, a))
    return 0;
  if (g_bytes_equal (bytes, b))
    return 1;
  return -1;
}

static G_NORETURN void
save_forever (GFile *file, PlPlan *first, PlPlan *second)
{
  for (guint i = 0;; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!pl_plan_save (i % 2 == 0 ? first : second, file, NULL, NULL, &error))
        {
          fprintf (stderr, "child: %s\n", error->message);
          _exit (2);
        }
    }
}

int
main (int argc, char **argv)
{
  int rounds = 100;
  g_autofree char *dir_option = NULL;
  GOptionEntry entries[] = {
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Number of kills (100)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir_option, "Folder to save in (a new one under /tmp)", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- kill -9 while saving the big plan");
  g_autoptr(GError) error = NULL;
  PlPlan *plans[2];
  GBytes *bytes[2];
  g_autofree char *dir = NULL, *path = NULL, *backup = NULL;
  g_autoptr(GFile) file = NULL;
  guint intact = 0, temp_left = 0, temp_after = 0, failures = 0, olds = 0, news = 0;
  gint64 start;
  double save_ms, write_ms, child_ms, io_ms;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  dir = dir_option ? g_strdup (dir_option) : g_dir_make_tmp ("pilote-kill-XXXXXX", &error);
  if (dir == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "plan.pilote", NULL);
  backup = g_strconcat (path, "~", NULL);
  file = g_file_new_for_path (path);

  plans[0] = pl_bench_plan_new ();
  plans[1] = pl_bench_plan_new ();
  if (!pl_plan_set_string (plans[1], PL_ITEM (pl_plan_get_metadata (plans[1])), PL_METADATA_TITLE,
                           "The second version", &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  start = g_get_monotonic_time ();
  for (int v = 0; v < 2; v++)
    bytes[v] = pl_plan_write_bytes (plans[v]);
  write_ms = (g_get_monotonic_time () - start) / 2000.0;
  g_unlink (path);
  g_unlink (backup);
  start = g_get_monotonic_time ();
  if (!pl_plan_save (plans[0], file, NULL, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  save_ms = (g_get_monotonic_time () - start) / 1000.0;
  {
    /* A save in a forked child is slower than here (copy-on-write of the big plan): the moments
     * of odd rounds are drawn from the time one takes there. */
    pid_t pid;
    int status;

    fflush (stdout);
    start = g_get_monotonic_time ();
    pid = fork ();
    if (pid < 0)
      return 1;
    if (pid == 0)
      _exit (pl_plan_save (plans[0], file, NULL, NULL, NULL) ? 0 : 1);
    waitpid (pid, &status, 0);
    if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
      return 1;
    child_ms = (g_get_monotonic_time () - start) / 1000.0;
  }
  {
    /* How long the file system work of a save lasts: writing, flushing and renaming the bytes. */
    g_autofree char *scratch = g_build_filename (dir, "scratch", NULL);

    start = g_get_monotonic_time ();
    if (!g_file_set_contents_full (scratch, g_bytes_get_data (bytes[0], NULL), (gssize) g_bytes_get_size (bytes[0]),
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0644, &error))
      {
        fprintf (stderr, "%s\n", error->message);
        return 1;
      }
    io_ms = (g_get_monotonic_time () - start) / 1000.0;
    g_unlink (scratch);
  }
  printf ("%s: %.1f MiB, one save %.0f ms of which %.0f ms writing the XML in memory, %.0f ms in a child; "
          "writing and flushing the file %.0f ms\n",
          path, g_bytes_get_size (bytes[0]) / (1024.0 * 1024.0), save_ms, write_ms, child_ms, io_ms);

  for (int round = 1; round <= rounds; round++)
    {
      int before = which_version (path, bytes[0], bytes[1]);
      gint64 delay_us = round % 2 == 1 ? g_random_int_range (0, (gint32) (2 * child_ms * 1000) + 1)
                                       : g_random_int_range (0, (gint32) ((1.5 * io_ms + 50) * 1000));
      gint64 waited_us = 0;
      int status, now, kept;
      guint temps;
      pid_t pid;

      fflush (stdout);
      pid = fork ();
      if (pid < 0)
        return 1;
      if (pid == 0)
        save_forever (file, plans[before == 0 ? 1 : 0], plans[before == 0 ? 0 : 1]);
      if (round % 2 == 0)
        {
          /* The moment the file system work starts: the temporary file appears. */
          start = g_get_monotonic_time ();
          while (count_temps (dir) == 0 && g_get_monotonic_time () - start < 20 * G_USEC_PER_SEC)
            g_usleep (500);
          waited_us = g_get_monotonic_time () - start;
        }
      g_usleep ((gulong) delay_us);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      if (!WIFSIGNALED (status))
        {
          fprintf (stderr, "round %d: the child ended by itself (status %d)\n", round, status);
          failures++;
          continue;
        }
      now = which_version (path, bytes[0], bytes[1]);
      kept = g_file_test (backup, G_FILE_TEST_EXISTS) ? which_version (backup, bytes[0], bytes[1]) : 0;
      temps = count_temps (dir);
      temp_left += temps > 0;
      {
        /* Opening the plan reads it whole and clears what the killed save left. */
        g_autoptr(PlPlan) loaded = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

        if (loaded == NULL)
          {
            fprintf (stderr, "round %d: %s\n", round, error->message);
            g_clear_error (&error);
            now = -1;
          }
      }
      if (count_temps (dir) != 0)
        temp_after++;
      olds += now >= 0 && now == before;
      news += now >= 0 && now != before;
      if (now >= 0 && kept >= 0 && count_temps (dir) == 0)
        intact++;
      else
        failures++;
      printf ("round %3d: killed after %5.0f ms%s: file %s, backup %s, %u temporary file%s left, %u after open\n",
              round, (waited_us + delay_us) / 1000.0, round % 2 == 0 ? " (temporary file + the delay)" : "", now < 0 ? "BROKEN" : now == before ? "old" : "new",
              kept < 0 ? "BROKEN" : "intact", temps, temps == 1 ? "" : "s", count_temps (dir));
    }
  printf ("kills=%d intact=%u old=%u new=%u temp-left-by-kill=%u temp-after-open=%u save-ms=%.0f io-ms=%.0f\n",
          rounds, intact, olds, news, temp_left, temp_after, save_ms, io_ms);
  g_unlink (path);
  g_unlink (backup);
  if (dir_option == NULL)
    g_rmdir (dir);
  for (int v = 0; v < 2; v++)
    {
      g_object_unref (plans[v]);
      g_bytes_unref (bytes[v]);
    }
  return failures == 0 ? 0 : 1;
}

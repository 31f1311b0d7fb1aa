/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Load and save of the big plan against `xmllint --noout --stream` on the same file.
 * Usage: pl-bench-load [--runs N] XMLLINT [FILE]; without FILE the plan is generated.
 * Each figure is the median of N runs; load and save run in a child process so that its peak
 * memory is the plan's alone. Prints the figures, then the ratios on the last line. */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pl-bench-plan.h"
#include "pl-plan-file.h"

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static double
time_xmllint (const char *xmllint, const char *path)
{
  const char *argv[] = { xmllint, "--noout", "--stream", path, NULL };
  g_autoptr(GError) error = NULL;
  int status;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("xmllint: %s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* In a child: load, keep, save; reports both times through the pipe, peak memory by rusage. */
static void
child_load_save (const char *path, const char *out, int fd)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  double times[2];
  gint64 start;

  start = g_get_monotonic_time ();
  plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
  times[0] = (g_get_monotonic_time () - start) / 1000.0;
  if (plan == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      _exit (1);
    }
  start = g_get_monotonic_time ();
  if (!pl_plan_save (plan, target, NULL, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      _exit (1);
    }
  times[1] = (g_get_monotonic_time () - start) / 1000.0;
  if (write (fd, times, sizeof times) != sizeof times)
    _exit (1);
  _exit (0);
}

static void
run_child (const char *path, const char *out, double *load_ms, double *save_ms, double *peak_mib)
{
  int fds[2];
  pid_t pid;
  int status;
  struct rusage usage;
  double times[2];

  if (pipe (fds) != 0)
    g_error ("pipe failed");
  fflush (NULL);
  pid = fork ();
  if (pid == 0)
    {
      close (fds[0]);
      child_load_save (path, out, fds[1]);
    }
  close (fds[1]);
  if (read (fds[0], times, sizeof times) != sizeof times)
    g_error ("the load/save child failed");
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("the load/save child failed");
  *load_ms = times[0];
  *save_ms = times[1];
  *peak_mib = usage.ru_maxrss / 1024.0;
}

int
main (int argc, char **argv)
{
  int runs = 5;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Runs per figure (the median is printed)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("XMLLINT [FILE]");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GArray) lint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) peak = g_array_new (FALSE, FALSE, sizeof (double));
  GStatBuf st;
  double file_mib, lint_ms, load_ms, save_ms, peak_mib;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2 || runs < 1)
    {
      fprintf (stderr, "Usage: %s [--runs N] XMLLINT [FILE]\n", argv[0]);
      return 2;
    }
  dir = g_dir_make_tmp ("pilote-bench-XXXXXX", &error);
  g_assert_no_error (error);
  out = g_build_filename (dir, "saved.pilote", NULL);
  backup = g_strconcat (out, "~", NULL);
  if (argc > 2)
    path = g_strdup (argv[2]);
  else
    {
      g_autoptr(PlPlan) plan = pl_bench_plan_new ();
      g_autoptr(GFile) file = NULL;

      path = g_build_filename (dir, "big.pilote", NULL);
      file = g_file_new_for_path (path);
      if (!pl_plan_save (plan, file, NULL, NULL, &error))
        g_error ("%s", error->message);
    }
  if (g_stat (path, &st) != 0)
    g_error ("%s: cannot read it", path);
  file_mib = st.st_size / (1024.0 * 1024.0);

  for (int i = 0; i < runs; i++)
    {
      double l, s, p, x = time_xmllint (argv[1], path);

      run_child (path, out, &l, &s, &p);
      g_array_append_val (lint, x);
      g_array_append_val (load, l);
      g_array_append_val (save, s);
      g_array_append_val (peak, p);
    }
  lint_ms = median (lint);
  load_ms = median (load);
  save_ms = median (save);
  peak_mib = median (peak);

  printf ("file: %s, %.1f MiB (%d campaigns, %d KPIs, %d measurements)\n", path, file_mib,
          PL_BENCH_CAMPAIGNS, PL_BENCH_KPIS, PL_BENCH_MEASUREMENTS);
  printf ("medians of %d runs\n", runs);
  printf ("xmllint --noout --stream: %8.1f ms\n", lint_ms);
  printf ("load:                     %8.1f ms   (target <= 2x xmllint)\n", load_ms);
  printf ("save:                     %8.1f ms   (target <= load)\n", save_ms);
  printf ("peak memory of load+save: %8.1f MiB  (target <= 4x the file)\n", peak_mib);
  printf ("load/xmllint=%.2f save/load=%.2f peak/file=%.2f\n", load_ms / lint_ms, save_ms / load_ms,
          peak_mib / file_mib);

  g_unlink (out);
  g_unlink (backup);
  if (argc <= 2)
    g_unlink (path);
  g_rmdir (dir);
  return 0;
}

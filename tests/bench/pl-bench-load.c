/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The load/save benchmark: pl_plan_load() and pl_plan_save() of a big plan against
 * `xmllint --noout --stream` on the same file.
 *
 * Usage: pl-bench-load [--runs N] [--xmllint PATH] [FILE]
 * Without FILE, or when FILE does not exist, the benchmark's plan (pl-bench-plan.c) is
 * generated in a temporary folder first. Each figure is the median of N runs (5 by default).
 * Every run spawns this program again in a hidden --child mode, which loads the file, keeps the
 * plan, saves it to a new file in the temporary folder and reports both times and its peak
 * memory (VmHWM: a fresh process, so the figure is one load and one save, nothing else).
 * Prints the file size, the medians and the peak memory, then one last line:
 *   load/xmllint=R1 save/load=R2 peak/file=R3
 * It reports and judges nothing: it exits 0 unless something fails (77, "skipped", when there
 * is no xmllint to compare with). */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "pl-bench-plan.h"
#include "pl-bench-stats.h"
#include "pl-plan-file.h"

#define EXIT_SKIP 77

/* ---- the child: one load and one save ---- */

/* The peak resident memory of this process so far, in KiB. */
static gint64
peak_kib (void)
{
  gint64 hwm = pl_bench_status_kib ("VmHWM");
  struct rusage usage;

  if (hwm >= 0)
    return hwm;
  /* Without /proc: ru_maxrss is in KiB on Linux, but may count what the process was before
   * exec; a fallback only. */
  if (getrusage (RUSAGE_SELF, &usage) == 0)
    return usage.ru_maxrss;
  return -1;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
run_child (const char *path, const char *out)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  PlPlan *plan;
  gint64 start_kib = pl_bench_status_kib ("VmRSS");
  gint64 load_kib, all_kib, start;
  double load_ms, save_ms;

  start = g_get_monotonic_time ();
  plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
  load_ms = ms_since (start);
  if (plan == NULL)
    {
      fprintf (stderr, "pl-bench-load: loading %s failed:\n%s\n", path, error->message);
      return 1;
    }
  load_kib = peak_kib ();

  start = g_get_monotonic_time ();
  if (!pl_plan_save (plan, target, NULL, NULL, &error))
    {
      fprintf (stderr, "pl-bench-load: saving %s failed:\n%s\n", out, error->message);
      return 1;
    }
  save_ms = ms_since (start);
  all_kib = peak_kib ();

  printf ("result %.3f %.3f %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %u %u %u\n",
          load_ms, save_ms, load_kib, all_kib, start_kib,
          pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), pl_plan_get_n (plan, PL_COLLECTION_KPIS),
          pl_bench_plan_count_measurements (plan));
  fflush (stdout);
  /* Freed after the figures are out: freeing is not what is measured. */
  g_object_unref (plan);
  return 0;
}

/* ---- the parent ---- */

typedef struct {
  char *dir;
  char *generated;  /* the plan generated here, or NULL */
  char *out;
  char *backup;
} Temp;

static Temp temp;

static void
clean_up (void)
{
  if (temp.out != NULL)
    {
      g_unlink (temp.out);
      g_unlink (temp.backup);
    }
  if (temp.generated != NULL)
    g_unlink (temp.generated);
  if (temp.dir != NULL)
    g_rmdir (temp.dir);
}

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2) static void
fail (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  fprintf (stderr, "pl-bench-load: ");
  vfprintf (stderr, format, args);
  fprintf (stderr, "\n");
  va_end (args);
  clean_up ();
  exit (1);
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  guint n = values->len;

  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

static double
time_xmllint (const char *xmllint, const char *path)
{
  const char *argv[] = { xmllint, "--noout", "--stream", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;
  int status;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &errors,
                     &status, &error))
    fail ("%s: %s", xmllint, error->message);
  if (!g_spawn_check_wait_status (status, &error))
    fail ("%s --noout --stream %s: %s\n%s", xmllint, path, error->message, errors);
  return ms_since (start);
}

typedef struct {
  double load_ms, save_ms;
  double load_mib, peak_mib, start_mib;
  guint campaigns, kpis, measurements;
} ChildResult;

static void
spawn_child (const char *self, const char *path, const char *out, ChildResult *result)
{
  const char *argv[] = { self, "--child", path, out, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  const char *line;
  gint64 load_kib, peak_kib, start_kib;
  int status;

  /* Each run saves a new file, as the first save of a plan does. */
  g_unlink (out);
  g_unlink (temp.backup);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL, &status, &error))
    fail ("%s: %s", self, error->message);
  if (!g_spawn_check_wait_status (status, &error))
    fail ("the load/save child failed: %s", error->message);
  line = output ? strstr (output, "result ") : NULL;
  if (line == NULL ||
      sscanf (line, "result %lf %lf %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %u %u %u",
              &result->load_ms, &result->save_ms, &load_kib, &peak_kib, &start_kib,
              &result->campaigns, &result->kpis, &result->measurements) != 8)
    fail ("the load/save child gave no figures: %s", output ? output : "");
  result->load_mib = load_kib / 1024.0;
  result->peak_mib = peak_kib / 1024.0;
  result->start_mib = start_kib / 1024.0;
}

/* This program, to run again as the child. */
static char *
find_self (const char *argv0)
{
  char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    return self;
  if (strchr (argv0, G_DIR_SEPARATOR) != NULL)
    return g_canonicalize_filename (argv0, NULL);
  self = g_find_program_in_path (argv0);
  if (self == NULL)
    fail ("cannot find this program to run it again (%s)", argv0);
  return self;
}

/* Reads the file once, so that every run finds it in the page cache. */
static void
warm_cache (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    fail ("%s", error->message);
}

#define APPEND(array, value) G_STMT_START { double v_ = (value); g_array_append_val ((array), v_); } G_STMT_END

int
main (int argc, char **argv)
{
  int runs = 5;
  gboolean child = FALSE;
  g_autofree char *xmllint_option = NULL;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Runs per figure; the median is printed (5)", "N" },
    { "xmllint", 0, 0, G_OPTION_ARG_FILENAME, &xmllint_option, "The xmllint to compare with (from PATH)", "PATH" },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &child, "Load FILE and save it to OUT", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[FILE]");
  g_autoptr(GError) error = NULL;
  g_autofree char *xmllint = NULL;
  g_autofree char *self = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GArray) lint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) peak = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) peak_load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) at_start = g_array_new (FALSE, FALSE, sizeof (double));
  ChildResult first = { 0 };
  GStatBuf st;
  double file_mib, lint_ms, load_ms, save_ms, peak_mib;

  g_option_context_set_summary (context,
    "Measures pl_plan_load() and pl_plan_save() of FILE against xmllint --noout --stream, as the\n"
    "median of N runs. Without FILE, or when it does not exist, the benchmark's plan (20,000\n"
    "campaigns, 300 KPIs, 500,000 measurements) is generated in a temporary folder first.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (child)
    {
      if (argc != 3)
        {
          fprintf (stderr, "Usage: %s --child FILE OUT\n", argv[0]);
          return 2;
        }
      return run_child (argv[1], argv[2]);
    }
  if (argc > 2 || runs < 1)
    {
      fprintf (stderr, "Usage: %s [--runs N] [--xmllint PATH] [FILE]\n", argv[0]);
      return 2;
    }

  xmllint = xmllint_option ? g_strdup (xmllint_option) : g_find_program_in_path ("xmllint");
  if (xmllint == NULL || !g_file_test (xmllint, G_FILE_TEST_IS_EXECUTABLE))
    {
      printf ("SKIP: no xmllint to compare with (install libxml2-utils, or pass --xmllint PATH)\n");
      return EXIT_SKIP;
    }
  self = find_self (argv[0]);

  temp.dir = g_dir_make_tmp ("pilote-bench-XXXXXX", &error);
  if (temp.dir == NULL)
    fail ("%s", error->message);
  temp.out = g_build_filename (temp.dir, "saved.pilote", NULL);
  temp.backup = g_strconcat (temp.out, "~", NULL);
  if (argc == 2 && g_file_test (argv[1], G_FILE_TEST_EXISTS))
    path = g_strdup (argv[1]);
  else
    {
      gint64 start = g_get_monotonic_time ();

      if (argc == 2)
        printf ("%s does not exist; generating the benchmark plan instead\n", argv[1]);
      temp.generated = g_build_filename (temp.dir, "big.pilote", NULL);
      path = g_strdup (temp.generated);
      if (!pl_bench_plan_write (path, &error))
        fail ("generating the plan failed: %s", error->message);
      printf ("generated %s and read it back without error in %.1f s\n", path, ms_since (start) / 1000);
    }
  if (g_stat (path, &st) != 0)
    fail ("%s: %s", path, g_strerror (errno));
  file_mib = st.st_size / (1024.0 * 1024.0);
  warm_cache (path);

  for (int i = 0; i < runs; i++)
    {
      ChildResult result;
      double x = time_xmllint (xmllint, path);

      spawn_child (self, path, temp.out, &result);
      if (i == 0)
        first = result;
      printf ("run %d: xmllint %.1f ms, load %.1f ms, save %.1f ms, peak %.1f MiB (after load %.1f MiB)\n",
              i + 1, x, result.load_ms, result.save_ms, result.peak_mib, result.load_mib);
      fflush (stdout);
      APPEND (lint, x);
      APPEND (load, result.load_ms);
      APPEND (save, result.save_ms);
      APPEND (peak, result.peak_mib);
      APPEND (peak_load, result.load_mib);
      APPEND (at_start, result.start_mib);
    }
  lint_ms = median (lint);
  load_ms = median (load);
  save_ms = median (save);
  peak_mib = median (peak);

  printf ("file: %s\n", path);
  printf ("plan: %u campaigns, %u KPIs, %u measurements\n", first.campaigns, first.kpis, first.measurements);
  printf ("file size: %.1f MiB (%" G_GINT64_FORMAT " bytes)\n", file_mib, (gint64) st.st_size);
  printf ("medians of %d runs:\n", runs);
  printf ("xmllint --noout --stream: %.1f ms\n", lint_ms);
  printf ("load (pl_plan_load): %.1f ms\n", load_ms);
  printf ("save (pl_plan_save): %.1f ms\n", save_ms);
  printf ("peak memory (load, keep, save): %.1f MiB (after load: %.1f MiB; process at start: %.1f MiB)\n",
          peak_mib, median (peak_load), median (at_start));
  printf ("load/xmllint=%.2f save/load=%.2f peak/file=%.2f\n", load_ms / lint_ms, save_ms / load_ms,
          peak_mib / file_mib);
  clean_up ();
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The autosave benchmark (issue 19): the generated 20,000-campaign plan edited, then kept for
 * recovery as a window keeps it (pl_autosave_write_now(): what the quiet time leads to), N runs
 * (5 by default). What matters is how long the main thread is held at a time, measured two
 * ways: the longest slice of writing the autosave ran, and the longest gap between the ticks of
 * a 1 ms timeout at high priority (what a frame waiting to be drawn would have waited), beside
 * the longest gap of the same ticks while nothing runs (what the machine adds). For
 * comparison, the time to write the plan in one go. Ends with one line:
 *   autosave-20k-longest-step-ms=A autosave-20k-longest-step-cpu-ms=B autosave-20k-longest-gap-ms=C
 *   autosave-20k-total-ms=D write-bytes-ms=E
 * (the longest of all runs, then medians). A, C, D and E are on the clock, which on a busy
 * machine also counts other processes' turns; B is the main thread's own processor time, which
 * does not. It judges nothing: it is not a unit test. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "pl-autosave.h"
#include "pl-bench-plan.h"
#include "pl-bench-stats.h"
#include "pl-plan-writer.h"

typedef struct {
  gint64 last;
  gint64 longest;
} Ticker;

static gboolean
on_tick_cb (gpointer data)
{
  Ticker *ticker = data;
  gint64 now = g_get_monotonic_time ();

  if (ticker->last != 0)
    ticker->longest = MAX (ticker->longest, now - ticker->last);
  ticker->last = now;
  return G_SOURCE_CONTINUE;
}

/* The longest gap between ticks while the main loop has nothing else to do for @ms: what the
 * machine itself adds (other processes' turns), to read the gaps below against. */
static double
idle_gap (guint ms)
{
  Ticker ticker = { 0 };
  guint tick_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, on_tick_cb, &ticker, NULL);
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick_id);
  return ticker.longest / 1000.0;
}

static void
on_updated_cb (PlAutosave *autosave, gboolean kept, gboolean *done)
{
  *done = TRUE;
}

static void
wait_updated (PlAutosave *autosave)
{
  gboolean done = FALSE;
  gulong id = g_signal_connect (autosave, "updated", G_CALLBACK (on_updated_cb), &done);

  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (autosave, id);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  guint runs = 5;
  g_autofree char *state = g_dir_make_tmp ("pilote-bench-state-XXXXXX", NULL);
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autofree double *gaps = NULL;
  g_autofree double *totals = NULL;
  g_autofree double *whole = NULL;
  PlAutosave *autosave;
  double longest_gap = 0, idle = 0;
  gint64 longest_step, longest_step_cpu;
  gsize size = 0;

  if (argc > 2 && g_str_equal (argv[1], "--runs"))
    runs = MAX (1, (guint) atoi (argv[2]));
  /* Recovery files go to a folder of this run's own. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  plan = pl_bench_plan_new ();
  g_print ("generated plan: %u campaigns, %u measurements\n",
           pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), pl_bench_plan_count_measurements (plan));
  document = pl_document_new (plan, NULL, NULL);
  autosave = pl_autosave_attach (document);
  gaps = g_new (double, runs);
  totals = g_new (double, runs);
  whole = g_new (double, runs);

  for (guint i = 0; i < runs; i++)
    {
      g_autofree char *owner = g_strdup_printf ("Owner %u", i);
      Ticker ticker = { 0 };
      guint tick_id;
      gint64 start;

      g_assert_true (pl_plan_set_string (plan, PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_OWNER, owner, NULL));
      tick_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, on_tick_cb, &ticker, NULL);
      start = g_get_monotonic_time ();
      pl_autosave_write_now (autosave);
      wait_updated (autosave);
      totals[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_source_remove (tick_id);
      gaps[i] = ticker.longest / 1000.0;
      longest_gap = MAX (longest_gap, gaps[i]);

      start = g_get_monotonic_time ();
      {
        g_autoptr(GBytes) bytes = pl_plan_write_bytes (plan);
        size = g_bytes_get_size (bytes);
      }
      whole[i] = (g_get_monotonic_time () - start) / 1000.0;
      idle = MAX (idle, idle_gap (1000));
      g_print ("run %u: longest gap %.1f ms, autosave written in %.0f ms; in one go the plan takes %.0f ms\n",
               i + 1, gaps[i], totals[i], whole[i]);
    }
  longest_step = pl_autosave_get_longest_step (autosave, &longest_step_cpu);
  g_print ("plan of %.1f MB; longest slice of the autosave: %.1f ms on the clock, %.1f ms of the thread's own time\n",
           size / 1e6, longest_step / 1000.0, longest_step_cpu / 1000.0);
  g_print ("with nothing to do, the longest gap between ticks was %.1f ms\n", idle);
  g_print ("autosave-20k-longest-step-ms=%.1f autosave-20k-longest-step-cpu-ms=%.1f autosave-20k-longest-gap-ms=%.1f "
           "autosave-20k-total-ms=%.0f write-bytes-ms=%.0f\n",
           longest_step / 1000.0, longest_step_cpu / 1000.0, longest_gap, pl_bench_median (totals, runs),
           pl_bench_median (whole, runs));

  pl_autosave_discard (document);
  wait_updated (autosave);
  g_clear_object (&document);
  remove_tree (state);
  return EXIT_SUCCESS;
}

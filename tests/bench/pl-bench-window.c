/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window benchmark (issue 20): how long until a window shows a plan, what one edit costs
 * in a big plan, and what memory the window takes.
 *
 * Usage: pl-bench-window [--runs N] [--runs-big M] [--big FILE]
 * Every figure comes from a fresh process: this program runs itself again in a hidden --child
 * mode, handing it the parent's clock at the spawn, so that a time to a drawn window counts
 * everything a user waits for: starting the process, GTK, the application, reading the file and
 * filling the window, until the first frame is painted with the plan in it.
 * - bare: a GTK 4 window with one label and nothing else (the floor);
 * - example: Pilote opening data/examples/northwind-saas-2027.pilote (the example plan);
 * - big: Pilote opening the generated 20,000-campaign plan (generated in a temporary folder unless
 *   --big names it), then, on the page that shows each, five edits of each kind: a campaign's
 *   name (Campaigns), a month of a budget line (Budget), a KPI's measurement (KPIs). An edit is
 *   timed from the call that makes it until the next frame has been painted (a frame is asked
 *   for right after the edit, so an edit that changes nothing visible costs one frame's work).
 *   Then the process's resident memory.
 * Prints each run, then one last line:
 *   window-example-x=A window-20k-s=B edit-20k-ms=C rss-20k-x=D
 * A: the median example time over the median bare time; B: the median big time minus the
 * median load time of the file alone (pl_plan_load in the child, before the window opens);
 * C: the slowest kind's median edit, to its frame (the line before it gives the work alone, without
 * the wait for the display's next frame); D: resident memory over the file's size. Beside it the
 * issue's targets. It judges nothing: it is a benchmark, not a test. Runs under a display
 * (meson runs it under xvfb-run). */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl-application.h"
#include "pl-bench-plan.h"
#include "pl-bench-stats.h"
#include "pl-i18n.h"
#include "pl-plan-file.h"
#include "pl-window.h"

#define N_EDITS 5

/* ---- the child ---- */

typedef struct {
  gint64       t0;          /* the parent's clock when it spawned this process */
  const char  *path;        /* NULL: the bare window */
  gboolean     edits;
  GtkWindow   *window;
  gboolean     drawn;
  double       drawn_ms;
  guint        paints;      /* frames painted since the window was drawn */
  gint64       frame_start; /* when the frame clock began the last frame's work */
  gint64       frame_end;   /* when it finished painting it */
} Child;

static Child child;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* TRUE when the window shows the plan it was asked to open (not the loading page). */
static gboolean
shows_plan (void)
{
  PlWindow *window;
  PlDocument *document;

  if (child.path == NULL)
    return TRUE;
  window = PL_WINDOW (child.window);
  document = pl_window_get_document (window);
  return !pl_window_is_loading (window) && document != NULL && pl_document_get_file (document) != NULL;
}

static void
on_update_cb (GdkFrameClock *clock, gpointer data)
{
  child.frame_start = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  if (child.drawn)
    {
      child.frame_end = g_get_monotonic_time ();
      child.paints++;
      return;
    }
  if (!shows_plan ())
    return;
  child.drawn = TRUE;
  child.drawn_ms = ms_since (child.t0);
}

static void
on_realize_cb (GtkWidget *window, gpointer data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "update", G_CALLBACK (on_update_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
}

static void
watch_window (GtkWindow *window)
{
  child.window = window;
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), NULL);
}

static void
on_window_added_cb (GtkApplication *app, GtkWindow *window, gpointer data)
{
  watch_window (window);
}

static void
iterate_until (gboolean *flag, guint limit_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) limit_ms * 1000;

  while (!*flag && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for @ms: the page just shown settles, idle work finishes. */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  iterate_until (&done, ms + 60000);
}

/* Paints one more frame and returns when it is painted. */
static void
wait_for_paint (void)
{
  guint before = child.paints;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (child.window));
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (child.paints == before && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

typedef enum { EDIT_NAME, EDIT_BUDGET, EDIT_KPI, N_KINDS } EditKind;

static const char *const kind_pages[N_KINDS] = { "campaigns", "budget", "kpis" };
static const char *const kind_names[N_KINDS] = { "campaign-name", "budget-cell", "kpi-value" };

/* The record of @collection in the middle of the plan (what a user scrolls to), or NULL. */
static PlItem *
middle_record (PlPlan *plan, PlCollection collection)
{
  GListModel *records = pl_plan_get_collection (plan, collection);
  guint n = g_list_model_get_n_items (records);
  g_autoptr(PlItem) item = n ? g_list_model_get_item (records, n / 2) : NULL;

  /* The plan keeps its records alive; a borrowed pointer is enough. */
  return item;
}

/* Makes edit @i of @kind; returns FALSE (with a message) if the plan refuses it. */
static gboolean
edit (PlPlan *plan, EditKind kind, int i)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (kind)
    {
    case EDIT_NAME:
      {
        g_autofree char *name = g_strdup_printf ("Renamed campaign %d", i);
        ok = pl_plan_set_string (plan, middle_record (plan, PL_COLLECTION_CAMPAIGNS), PL_CAMPAIGN_NAME, name, &error);
        break;
      }
    case EDIT_BUDGET:
      ok = pl_plan_set_planned (plan, PL_BUDGET_LINE (middle_record (plan, PL_COLLECTION_LINES)), (guint) i % 12,
                                12345 * 100 + i, &error);
      break;
    case EDIT_KPI:
      pl_plan_set_point (plan, PL_KPI (middle_record (plan, PL_COLLECTION_KPIS)), PL_SERIES_MEASUREMENTS,
                         pl_plan_month_start (plan, (guint) i % 12), 1000 + i, NULL);
      ok = TRUE;
      break;
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    fprintf (stderr, "pl-bench-window: edit %s refused: %s\n", kind_names[kind], error ? error->message : "?");
  return ok;
}

static int
measure_edits (double medians[N_KINDS], double work_medians[N_KINDS])
{
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (PL_WINDOW (child.window)));

  for (int kind = 0; kind < N_KINDS; kind++)
    {
      double times[N_EDITS], work[N_EDITS];

      gtk_widget_activate_action (GTK_WIDGET (child.window), "win.show-page", "s", kind_pages[kind]);
      settle (1500);
      for (int i = 0; i < N_EDITS; i++)
        {
          gint64 start, edited;

          settle (100);
          start = g_get_monotonic_time ();
          if (!edit (plan, (EditKind) kind, i))
            return 1;
          edited = g_get_monotonic_time ();
          wait_for_paint ();
          times[i] = ms_since (start);
          /* The frame clock paints on the display's beat (60 a second under Xvfb): the wall
           * time also holds the wait for the next beat, up to 16.7 ms, which is not work. */
          work[i] = (edited - start + child.frame_end - MAX (child.frame_start, edited)) / 1000.0;
          printf ("edit %s %d: %.1f ms to the frame, %.1f ms of work\n", kind_names[kind], i + 1, times[i], work[i]);
        }
      medians[kind] = pl_bench_median (times, N_EDITS);
      work_medians[kind] = pl_bench_median (work, N_EDITS);
    }
  return 0;
}

static int
run_child_window (void)
{
  g_autoptr(PlApplication) app = NULL;
  g_autoptr(PlPlan) alone = NULL;
  g_autoptr(GError) error = NULL;
  double medians[N_KINDS] = { 0 }, work[N_KINDS] = { 0 };
  g_autoptr(GFile) opened = g_file_new_for_path (child.path);
  double load_ms = 0;
  int status;

  if (child.edits)
    {
      /* The file alone, first, to tell reading from filling the window; the window then reads
       * it again (from the page cache, as the first read left it). */
      g_autoptr(GFile) file = g_file_new_for_path (child.path);
      gint64 start = g_get_monotonic_time ();

      alone = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
      load_ms = ms_since (start);
      if (alone == NULL)
        {
          fprintf (stderr, "pl-bench-window: %s: %s\n", child.path, error->message);
          return 1;
        }
      g_clear_object (&alone);
      /* The window's clock does not count this first load: the window reads the file again. */
      child.t0 += (gint64) (load_ms * 1000);
    }

  pl_i18n_init ();
  g_set_application_name ("Pilote");
  app = pl_application_new (G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);
  /* The application opens the file as `pilote FILE` does; the run ends with the measures. */
  g_application_hold (G_APPLICATION (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_open (G_APPLICATION (app), &opened, 1, "");
  iterate_until (&child.drawn, 1200000);
  if (!child.drawn)
    {
      fprintf (stderr, "pl-bench-window: the window never showed %s\n", child.path);
      return 1;
    }
  status = 0;
  if (child.edits)
    status = measure_edits (medians, work);
  settle (500);
  printf ("result %.1f %.1f %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %.2f %.2f %.2f %.2f %.2f %.2f\n",
          child.drawn_ms, load_ms, pl_bench_status_kib ("VmRSS"), pl_bench_status_kib ("VmHWM"),
          medians[EDIT_NAME], medians[EDIT_BUDGET], medians[EDIT_KPI], work[EDIT_NAME], work[EDIT_BUDGET],
          work[EDIT_KPI]);
  fflush (stdout);
  /* Leave at once: closing would ask about the edits, and freeing is not measured. */
  _exit (status);
}

static int
run_child_bare (void)
{
  GtkWidget *window;

  gtk_init ();
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("A bare GTK 4 window"));
  watch_window (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (&child.drawn, 60000);
  printf ("result %.1f 0 %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " 0 0 0 0 0 0\n", child.drawn_ms,
          pl_bench_status_kib ("VmRSS"), pl_bench_status_kib ("VmHWM"));
  fflush (stdout);
  _exit (child.drawn ? 0 : 1);
}

/* ---- the parent ---- */

typedef struct {
  double drawn_ms, load_ms, rss_mib, hwm_mib;
  double edit_ms[N_KINDS];
  double work_ms[N_KINDS];
} Result;

static char *temp_dir;
static char *generated;

static void
clean_up (void)
{
  g_autofree char *backup = generated ? g_strconcat (generated, "~", NULL) : NULL;

  if (generated != NULL)
    {
      g_unlink (generated);
      g_unlink (backup);
    }
  if (temp_dir != NULL)
    {
      g_autofree char *state = g_build_filename (temp_dir, "state", NULL);
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", temp_dir);

      /* The children's settings, recent files and recovery folders: nothing of the user's. */
      if (system (cmd) != 0)
        fprintf (stderr, "pl-bench-window: could not remove %s\n", temp_dir);
    }
}

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2) static void
fail (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  fprintf (stderr, "pl-bench-window: ");
  vfprintf (stderr, format, args);
  fprintf (stderr, "\n");
  va_end (args);
  clean_up ();
  exit (1);
}

static void
spawn_child (const char *self, const char *mode, const char *path, Result *result)
{
  g_autofree char *t0 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *line;
  gint64 rss_kib, hwm_kib;
  int status;
  const char *argv[] = { self, "--child", mode, NULL, NULL, NULL };
  guint n = 3;

  /* The children write settings, recent files and recovery files under the temporary folder. */
  for (const char *const *v = (const char *const[]) { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME",
                                                      "XDG_CACHE_HOME", NULL }; *v; v++)
    {
      g_autofree char *dir = g_build_filename (temp_dir, *v, NULL);
      env = g_environ_setenv (env, *v, dir, TRUE);
    }
  if (path != NULL)
    argv[n++] = path;
  t0 = g_strdup_printf ("--t0=%" G_GINT64_FORMAT, g_get_monotonic_time ());
  argv[n++] = t0;
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL, &status, &error))
    fail ("%s: %s", self, error->message);
  if (!g_spawn_check_wait_status (status, &error))
    fail ("the %s child failed: %s\n%s", mode, error->message, output ? output : "");
  line = output ? strstr (output, "result ") : NULL;
  if (line == NULL ||
      sscanf (line, "result %lf %lf %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %lf %lf %lf %lf %lf %lf",
              &result->drawn_ms, &result->load_ms, &rss_kib, &hwm_kib, &result->edit_ms[0], &result->edit_ms[1],
              &result->edit_ms[2], &result->work_ms[0], &result->work_ms[1], &result->work_ms[2]) != 10)
    fail ("the %s child gave no figures: %s", mode, output ? output : "");
  result->rss_mib = rss_kib / 1024.0;
  result->hwm_mib = hwm_kib / 1024.0;
  /* The edits, as the child printed them, for whoever reads the log. */
  for (const char *p = output; p && (p = strstr (p, "edit ")) != NULL && p < line; p = strchr (p, '\n'))
    {
      const char *end = strchr (p, '\n');
      printf ("  %.*s\n", (int) (end ? end - p : (long) strlen (p)), p);
    }
}

static char *
find_self (const char *argv0)
{
  char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self == NULL)
    fail ("cannot find this program to run it again (%s)", argv0);
  return self;
}

static double
median_of (Result *results, guint n, gsize offset)
{
  g_autofree double *values = g_new (double, n);

  for (guint i = 0; i < n; i++)
    values[i] = G_STRUCT_MEMBER (double, &results[i], offset);
  return pl_bench_median (values, n);
}

int
main (int argc, char **argv)
{
  int runs = 5, runs_big = 1;
  gboolean is_child = FALSE;
  g_autofree char *mode = NULL;
  g_autofree char *big_option = NULL;
  gint64 t0 = 0;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Runs of the bare and example windows (5)", "N" },
    { "runs-big", 0, 0, G_OPTION_ARG_INT, &runs_big, "Runs of the 20,000-campaign plan (1)", "M" },
    { "big", 0, 0, G_OPTION_ARG_FILENAME, &big_option, "The big plan (default: generated)", "FILE" },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &is_child, "Run one measure", NULL },
    { "t0", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT64, &t0, "The parent's clock at the spawn", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *self = NULL;
  g_autofree char *example = NULL;
  g_autofree Result *bare = NULL, *ex = NULL, *big = NULL;
  const char *big_path;
  const char *root = g_getenv ("PILOTE_SOURCE_ROOT");
  GStatBuf st;
  double bare_ms, example_ms, big_ms, load_ms, edit_ms = 0, work_ms = 0, rss_mib, file_mib;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (is_child)
    {
      /* --child MODE [FILE] --t0=T */
      child.t0 = t0;
      if (argc >= 2 && g_str_equal (argv[1], "bare"))
        return run_child_bare ();
      if (argc == 3 && (g_str_equal (argv[1], "example") || g_str_equal (argv[1], "big")))
        {
          child.path = argv[2];
          child.edits = g_str_equal (argv[1], "big");
          return run_child_window ();
        }
      fprintf (stderr, "Usage: %s --child bare|example FILE|big FILE\n", argv[0]);
      return 2;
    }
  if (runs < 1 || runs_big < 1)
    {
      fprintf (stderr, "Usage: %s [--runs N] [--runs-big M] [--big FILE]\n", argv[0]);
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("SKIP: no display (run it under xvfb-run)\n");
      return 77;
    }
  self = find_self (argv[0]);
  example = g_build_filename (root ? root : ".", "data", "examples", "northwind-saas-2027.pilote", NULL);
  if (!g_file_test (example, G_FILE_TEST_EXISTS))
    fail ("no example plan at %s (set PILOTE_SOURCE_ROOT)", example);
  temp_dir = g_dir_make_tmp ("pilote-bench-window-XXXXXX", &error);
  if (temp_dir == NULL)
    fail ("%s", error->message);
  if (big_option != NULL && g_file_test (big_option, G_FILE_TEST_EXISTS))
    big_path = big_option;
  else
    {
      generated = g_build_filename (temp_dir, "big.pilote", NULL);
      if (!pl_bench_plan_write (generated, &error))
        fail ("generating the plan failed: %s", error->message);
      big_path = generated;
    }
  if (g_stat (big_path, &st) != 0)
    fail ("%s: %s", big_path, g_strerror (errno));
  file_mib = st.st_size / (1024.0 * 1024.0);

  bare = g_new0 (Result, runs);
  ex = g_new0 (Result, runs);
  big = g_new0 (Result, runs_big);
  /* Interleaved, so that a busy moment of the machine weighs on both alike. */
  for (int i = 0; i < runs; i++)
    {
      spawn_child (self, "bare", NULL, &bare[i]);
      spawn_child (self, "example", example, &ex[i]);
      printf ("run %d: bare window %.0f ms, example plan %.0f ms (%.0f MiB)\n", i + 1, bare[i].drawn_ms,
              ex[i].drawn_ms, ex[i].rss_mib);
      fflush (stdout);
    }
  for (int i = 0; i < runs_big; i++)
    {
      spawn_child (self, "big", big_path, &big[i]);
      printf ("run %d: 20,000-campaign plan (%.1f MiB) %.2f s, of which loading the file alone %.2f s; "
              "edits %.1f / %.1f / %.1f ms (%s / %s / %s); resident %.0f MiB (peak %.0f MiB)\n",
              i + 1, file_mib, big[i].drawn_ms / 1000, big[i].load_ms / 1000, big[i].edit_ms[0],
              big[i].edit_ms[1], big[i].edit_ms[2], kind_names[0], kind_names[1], kind_names[2],
              big[i].rss_mib, big[i].hwm_mib);
      fflush (stdout);
    }
  bare_ms = median_of (bare, runs, G_STRUCT_OFFSET (Result, drawn_ms));
  example_ms = median_of (ex, runs, G_STRUCT_OFFSET (Result, drawn_ms));
  big_ms = median_of (big, runs_big, G_STRUCT_OFFSET (Result, drawn_ms));
  load_ms = median_of (big, runs_big, G_STRUCT_OFFSET (Result, load_ms));
  rss_mib = median_of (big, runs_big, G_STRUCT_OFFSET (Result, rss_mib));
  for (int k = 0; k < N_KINDS; k++)
    {
      edit_ms = MAX (edit_ms, median_of (big, runs_big, G_STRUCT_OFFSET (Result, edit_ms) + k * sizeof (double)));
      work_ms = MAX (work_ms, median_of (big, runs_big, G_STRUCT_OFFSET (Result, work_ms) + k * sizeof (double)));
    }

  printf ("medians: bare window %.0f ms, example plan %.0f ms, 20,000-campaign plan %.2f s "
          "(loading the file alone %.2f s), resident %.0f MiB for a %.1f MiB file\n",
          bare_ms, example_ms, big_ms / 1000, load_ms / 1000, rss_mib, file_mib);
  printf ("slowest kind's median edit: %.1f ms to its frame, of which %.1f ms of work (the rest waits for the\n"
          "display's next frame, at most 16.7 ms at 60 frames a second)\n", edit_ms, work_ms);
  printf ("targets (issue 20): window-example-x<=2 window-20k-s<=2 edit-20k-ms<=16 rss-20k-x<=6\n");
  printf ("window-example-x=%.2f window-20k-s=%.2f edit-20k-ms=%.1f rss-20k-x=%.2f\n", example_ms / bare_ms,
          (big_ms - load_ms) / 1000, edit_ms, rss_mib / file_mib);
  clean_up ();
  return 0;
}

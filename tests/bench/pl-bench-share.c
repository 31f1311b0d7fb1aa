/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Comparing and merging plans (issue 24), measured as a user runs them: `pilote-cli diff` and
 * `pilote-cli merge` on versions of the 20,000-campaign plan, loading and writing included,
 * against the time to load one plan, all in one run so that the figures share the machine's mood.
 * Two versions are made from the benchmark's plan, each differing from it in 1,000 records (300
 * campaigns renamed, 200 moved to other dates, 100 removed, 200 added, 100 budget lines' planned
 * amounts and 100 allocations changed), the two sets apart, so that the merge is clean.
 * Medians of N runs (5 by default); the last line is the one the issue names, with its targets:
 *   diff-20k-ms=A merge-20k-ms=B load-ms=L diff/load=X merge/load=Y targets: 2.5 3.5
 * It judges nothing: it is not a unit test. Usage: pl-bench-share [--runs N] [--keep DIR] PILOTE-CLI */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "pl-bench-plan.h"
#include "pl-bench-stats.h"
#include "pl-error.h"
#include "pl-plan-file.h"
#include "pl-plan-validate.h"

#define N_RENAMED   300
#define N_MOVED     200
#define N_REMOVED   100
#define N_ADDED     200
#define N_LINES     100
#define N_ALLOCS    100

/* Makes the version of side @side (0 or 1): each side edits its own records, every other one. */
static void
edit_version (PlPlan *plan, guint side, GHashTable *removed)
{
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  GListModel *allocations = pl_plan_get_collection (plan, PL_COLLECTION_ALLOCATIONS);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);
  guint index = side;

  for (guint i = 0; i < N_RENAMED; i++, index += 2)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, index);
      g_autofree char *name = g_strdup_printf ("%s (v%u)", pl_item_get_string (campaign, PL_CAMPAIGN_NAME), side + 2);

      g_assert_true (pl_plan_set_string (plan, campaign, PL_CAMPAIGN_NAME, name, NULL));
    }
  for (guint i = 0; i < N_MOVED; i++, index += 2)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, index);
      guint32 start = pl_item_get_julian (campaign, PL_CAMPAIGN_START);
      guint32 end = pl_item_get_julian (campaign, PL_CAMPAIGN_END);

      /* A day earlier keeps it inside the fiscal period and its line's months. */
      if (start > pl_plan_get_start (plan) && end > start)
        {
          g_assert_true (pl_plan_set_julian (plan, campaign, PL_CAMPAIGN_START, start - 1, NULL));
        }
      else
        g_assert_true (pl_plan_set_string (plan, campaign, PL_CAMPAIGN_NEXT_STEP, side ? "Call the agency" : "Brief the team", NULL));
    }
  for (guint i = 0; i < N_REMOVED; i++, index += 2)
    g_ptr_array_add (doomed, g_list_model_get_item (campaigns, index));
  /* What both sides remove, named before either removes anything. */
  for (guint i = 0; i < 2 * N_REMOVED; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, index - 2 * N_REMOVED - side + i);
      g_hash_table_add (removed, g_strdup (pl_item_get_id (campaign)));
    }
  for (guint i = 0; i < doomed->len; i++)
    pl_plan_remove (plan, g_ptr_array_index (doomed, i));
  for (guint i = 0; i < N_ADDED; i++)
    {
      g_autoptr(PlItem) campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
      g_autofree char *id = g_strdup_printf ("cmp-side%u-%u", side, i);
      g_autofree char *name = g_strdup_printf ("New campaign %u of side %u", i, side);

      pl_item_set_id (campaign, id);
      pl_item_set_string (campaign, PL_CAMPAIGN_NAME, name);
      pl_plan_add (plan, campaign);
    }
  for (guint i = side; i < 2 * N_LINES && i < g_list_model_get_n_items (lines); i += 2)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      GVariant *amounts = pl_item_get_variant (line, PL_BUDGET_LINE_PLANNED);
      gint64 first = 0;

      if (amounts != NULL && g_variant_n_children (amounts) > 0)
        g_variant_get_child (amounts, 0, "x", &first);
      g_assert_true (pl_plan_set_planned (plan, PL_BUDGET_LINE (line), 0, first + 100 * (side + 1), NULL));
    }
  /* Allocations go down, never up, so that two sides' changes stay within their lines; and
   * none of a campaign either side removed, which would be a conflict. */
  for (guint i = side, done = 0; done < N_ALLOCS && i < g_list_model_get_n_items (allocations); i += 2)
    {
      g_autoptr(PlItem) allocation = g_list_model_get_item (allocations, i);
      gint64 amount = pl_item_get_int (allocation, PL_ALLOCATION_AMOUNT);
      const char *campaign = pl_item_get_string (allocation, PL_ALLOCATION_CAMPAIGN);

      if (amount > 100 && !g_hash_table_contains (removed, campaign))
        {
          g_assert_true (pl_plan_set_int (plan, allocation, PL_ALLOCATION_AMOUNT, amount - 100, NULL));
          done++;
        }
    }
}

/* The versions must be plans a user could save, or the merge would rightly report conflicts. */
static void
check_valid (PlPlan *plan, const char *path)
{
  g_autoptr(GPtrArray) problems = pl_plan_validate (plan);

  for (guint i = 0; i < problems->len; i++)
    {
      PlProblem *problem = g_ptr_array_index (problems, i);

      if (!problem->warning)
        g_error ("%s: %s", path, problem->message);
    }
}

/* Runs the command and returns its time; it must exit with @expected_status. */
static double
run_ms (char **argv, int expected_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != expected_status)
    g_error ("%s %s exited with %d where %d was expected:\n%.2000s%s", argv[0], argv[1],
             WIFEXITED (status) ? WEXITSTATUS (status) : -1, expected_status, out, err);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char **argv)
{
  int runs = 5;
  g_autofree char *keep = NULL;
  GOptionEntry options[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs (the median is reported)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the versions into DIR and keep them (to profile)", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PILOTE-CLI");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL, *ours = NULL, *theirs = NULL, *out = NULL;
  g_autofree double *load = NULL, *diff = NULL, *merge = NULL;
  double load_ms, diff_ms, merge_ms;

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1 || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "usage: pl-bench-share [--runs N] PILOTE-CLI");
      return 2;
    }
  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("pilote-bench-share-XXXXXX", &error);
  g_assert_no_error (error);
  base = g_build_filename (dir, "base.pilote", NULL);
  ours = g_build_filename (dir, "ours.pilote", NULL);
  theirs = g_build_filename (dir, "theirs.pilote", NULL);
  out = g_build_filename (dir, "merged.pilote", NULL);
  {
    g_autoptr(PlPlan) plan = pl_bench_plan_new ();
    g_autoptr(GFile) file = g_file_new_for_path (base);
    const char *paths[] = { ours, theirs };
    g_autoptr(GHashTable) removed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    if (!pl_plan_save (plan, file, NULL, NULL, &error))
      g_error ("%s", error->message);
    for (guint side = 0; side < 2; side++)
      {
        g_autoptr(PlPlan) version = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
        g_autoptr(GFile) to = g_file_new_for_path (paths[side]);

        g_assert_no_error (error);
        edit_version (version, side, removed);
        check_valid (version, paths[side]);
        if (!pl_plan_save (version, to, NULL, NULL, &error))
          g_error ("%s", error->message);
      }
  }

  load = g_new (double, runs);
  diff = g_new (double, runs);
  merge = g_new (double, runs);
  for (int r = 0; r < runs; r++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (base);
      char *diff_argv[] = { argv[1], "diff", base, ours, NULL };
      char *merge_argv[] = { argv[1], "merge", base, ours, theirs, "-o", out, NULL };
      gint64 start = g_get_monotonic_time ();
      g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

      g_assert_no_error (error);
      load[r] = (g_get_monotonic_time () - start) / 1000.0;
      g_clear_object (&plan);
      diff[r] = run_ms (diff_argv, 1);
      merge[r] = run_ms (merge_argv, 0);
      g_print ("run %d: load %.0f ms, diff %.0f ms, merge %.0f ms\n", r + 1, load[r], diff[r], merge[r]);
    }
  load_ms = pl_bench_median (load, runs);
  diff_ms = pl_bench_median (diff, runs);
  merge_ms = pl_bench_median (merge, runs);

  for (const char *const *path = (const char *const[]) { base, ours, theirs, out, NULL }; *path && keep == NULL; path++)
    g_unlink (*path);
  if (keep == NULL)
    g_rmdir (dir);
  g_print ("diff-20k-ms=%.0f merge-20k-ms=%.0f load-ms=%.0f diff/load=%.2f merge/load=%.2f targets: 2.5 3.5\n",
           diff_ms, merge_ms, load_ms, diff_ms / load_ms, merge_ms / load_ms);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's merge with the version on disk (issue 24), on the generated 20,000-campaign
 * plan: the document edits 500 campaigns, another program 500 others and saves. Measured, one
 * run (a merge is rare; the figures are read for their size, not their noise):
 *   - base-mb: the bytes the document keeps as the merge's base, and plan-mb: what one more
 *     copy of the plan read from them holds in memory (the heap in use before and after,
 *     mallinfo2()), the other way to keep a base;
 *   - read-ms: reading the file on disk and the base side by side in worker threads, with the
 *     longest gap of a 1 ms high-priority tick meanwhile (read-gap-ms: what the window felt);
 *   - merge-ms: pl_plan_merge() on the window's thread, and apply-ms: the count of what changed
 *     and pl_plan_update_to(), on the window's thread too.
 * Ends with one line: disk-merge-20k-read-ms=A read-gap-ms=B merge-ms=C apply-ms=D base-mb=E
 * plan-mb=F. It judges nothing: it is not a unit test. */
#include "config.h"

#include <glib/gstdio.h>
#include <malloc.h>

#include "pl-bench-plan.h"
#include "pl-bench-stats.h"
#include "pl-document.h"
#include "pl-plan-reader.h"

#define EDITS 500

typedef struct {
  gint64       last;
  gint64       longest;
  PlDiskMerge *merge;
  GError      *error;
  gboolean     done;
} Wait;

static gboolean
on_tick_cb (gpointer data)
{
  Wait *wait = data;
  gint64 now = g_get_monotonic_time ();

  if (wait->last != 0)
    wait->longest = MAX (wait->longest, now - wait->last);
  wait->last = now;
  return G_SOURCE_CONTINUE;
}

static void
on_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *wait = data;
  gint64 start = g_get_monotonic_time ();

  wait->merge = pl_document_merge_disk_finish (PL_DOCUMENT (source), result, &wait->error);
  /* What finish spent is the merge, not the reading: counted apart. */
  g_object_set_data (source, "merge-us", GINT_TO_POINTER ((int) (g_get_monotonic_time () - start)));
  wait->done = TRUE;
}

/* What malloc has given out and not taken back: the arena's blocks and the mapped ones. */
static size_t
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

/* Renames campaigns @first, @first + 2, ... (@n of them). */
static void
rename_campaigns (PlPlan *plan, guint first, guint n, const char *prefix)
{
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);

  pl_plan_begin_group (plan, "edits");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, first + 2 * i);
      g_autofree char *name = g_strdup_printf ("%s %u", prefix, i);

      g_assert_true (pl_plan_set_string (plan, campaign, PL_CAMPAIGN_NAME, name, NULL));
    }
  pl_plan_end_group (plan);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("pilote-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(PlPlan) copy = NULL;
  g_autoptr(PlDiskMerge) merge = NULL;
  GBytes *base;
  double base_mb;
  Wait wait = { 0 };
  size_t before;
  gint64 start;
  guint tick_id, n_changed = 0;
  double read_ms, merge_ms, apply_ms, plan_mb;

  if (!pl_bench_plan_write (path, &error))
    g_error ("%s", error->message);
  document = pl_document_load (file, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  base = pl_document_get_base (document);
  base_mb = g_bytes_get_size (base) / 1048576.0;

  /* The other way to keep a base: a plan read from the bytes. */
  before = heap_in_use ();
  copy = pl_plan_read_bytes (g_bytes_get_data (base, NULL), g_bytes_get_size (base), "copy", PL_READ_DEFAULT, &error);
  plan_mb = (double) (heap_in_use () - before) / 1048576.0;
  g_clear_object (&copy);

  /* Another program edits other campaigns and saves; the window edits its own. */
  {
    g_autoptr(PlPlan) theirs = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

    rename_campaigns (theirs, 1, EDITS, "Theirs");
    if (!pl_plan_save (theirs, file, NULL, NULL, &error))
      g_error ("%s", error->message);
  }
  rename_campaigns (pl_document_get_plan (document), 0, EDITS, "Ours");

  tick_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, on_tick_cb, &wait, NULL);
  start = g_get_monotonic_time ();
  pl_document_merge_disk_async (document, NULL, on_read_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick_id);
  merge_ms = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (document), "merge-us")) / 1000.0;
  read_ms = (g_get_monotonic_time () - start) / 1000.0 - merge_ms;
  if (wait.merge == NULL)
    g_error ("%s", wait.error->message);
  merge = wait.merge;
  g_assert_cmpuint (pl_disk_merge_get_result (merge)->conflicts->len, ==, 0);

  start = g_get_monotonic_time ();
  if (!pl_document_apply_merge (document, merge, &n_changed, &error))
    g_error ("%s", error->message);
  apply_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_cmpuint (n_changed, ==, EDITS);

  g_print ("disk-merge-20k-read-ms=%.0f read-gap-ms=%.1f merge-ms=%.0f apply-ms=%.0f base-mb=%.1f plan-mb=%.1f\n",
           read_ms, wait.longest / 1000.0, merge_ms, apply_ms, base_mb, plan_mb);
  g_unlink (path);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);
    g_unlink (backup);
  }
  g_rmdir (dir);
  return 0;
}

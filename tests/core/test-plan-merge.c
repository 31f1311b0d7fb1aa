/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The three-way merge of plans (issue 24): each kind of change and of conflict, the rules the
 * result keeps, taking their side, and making one plan another as one undoable edit. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pl-plan-diff.h"
#include "pl-plan-file.h"
#include "pl-plan-merge.h"
#include "pl-plan-validate.h"
#include "pl-plan-writer.h"

static PlPlan *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

/* Two plans hold the same when they write the same file. */
static void
assert_same_plan (PlPlan *a, PlPlan *b)
{
  g_autoptr(GBytes) x = pl_plan_write_bytes (a);
  g_autoptr(GBytes) y = pl_plan_write_bytes (b);

  if (!g_bytes_equal (x, y))
    {
      g_autofree char *sx = g_strndup (g_bytes_get_data (x, NULL), g_bytes_get_size (x));
      g_autofree char *sy = g_strndup (g_bytes_get_data (y, NULL), g_bytes_get_size (y));
      g_auto(GStrv) lx = g_strsplit (sx, "\n", -1);
      g_auto(GStrv) ly = g_strsplit (sy, "\n", -1);

      for (guint i = 0; lx[i] != NULL && ly[i] != NULL; i++)
        if (g_strcmp0 (lx[i], ly[i]) != 0)
          {
            g_printerr ("line %u:\n< %s\n> %s\n", i + 1, lx[i], ly[i]);
            break;
          }
      g_assert_not_reached ();
    }
}

/* No error ours does not have: the example plan has none. */
static void
assert_valid (PlPlan *plan)
{
  g_autoptr(GPtrArray) problems = pl_plan_validate (plan);

  for (guint i = 0; i < problems->len; i++)
    {
      const PlProblem *problem = g_ptr_array_index (problems, i);
      if (!problem->warning)
        g_error ("%s: %s", problem->id ? problem->id : "plan", problem->message);
    }
}

static PlItem *
get (PlPlan *plan, const char *id)
{
  PlItem *item = pl_plan_lookup (plan, id);

  g_assert_nonnull (item);
  return item;
}

static void
set_string (PlPlan *plan, const char *id, guint field, const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_plan_set_string (plan, get (plan, id), field, value, &error));
  g_assert_no_error (error);
}

static const PlMergeConflict *
conflict (PlMergeResult *result, guint index)
{
  g_assert_cmpuint (index, <, result->conflicts->len);
  return g_ptr_array_index (result->conflicts, index);
}

static void
test_unchanged (void)
{
  g_autoptr(PlPlan) base = load_example ();
  g_autoptr(PlPlan) ours = load_example ();
  g_autoptr(PlPlan) theirs = load_example ();
  g_autoptr(PlMergeResult) result = pl_plan_merge (base, ours, theirs);

  g_assert_cmpuint (result->conflicts->len, ==, 0);
  assert_same_plan (result->plan, ours);
  g_assert_false (pl_plan_get_modified (result->plan));
  g_assert_false (pl_plan_can_undo (result->plan));
}

/* Changes to different fields of one record, and to different records, combine. */
static void
test_fields_combine (void)
{
  g_autoptr(PlPlan) base = load_example ();
  g_autoptr(PlPlan) ours = load_example ();
  g_autoptr(PlPlan) theirs = load_example ();
  g_autoptr(PlPlan) both = load_example ();
  g_autoptr(PlMergeResult) result = NULL;

  set_string (ours, "cmp-close-faster", PL_CAMPAIGN_NAME, "Close faster, part 1");
  set_string (theirs, "cmp-close-faster", PL_CAMPAIGN_CHANNEL, "LinkedIn");
  set_string (theirs, "line-seo", PL_BUDGET_LINE_NAME, "SEO agency");
  set_string (both, "cmp-close-faster", PL_CAMPAIGN_NAME, "Close faster, part 1");
  set_string (both, "cmp-close-faster", PL_CAMPAIGN_CHANNEL, "LinkedIn");
  set_string (both, "line-seo", PL_BUDGET_LINE_NAME, "SEO agency");
  result = pl_plan_merge (base, ours, theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 0);
  assert_same_plan (result->plan, both);
  assert_valid (result->plan);
}

static void
test_field_conflict (void)
{
  g_autoptr(PlPlan) base = load_example ();
  g_autoptr(PlPlan) ours = load_example ();
  g_autoptr(PlPlan) theirs = load_example ();
  g_autoptr(PlMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const PlMergeConflict *c;

  set_string (ours, "cmp-close-faster", PL_CAMPAIGN_CHANNEL, "LinkedIn");
  set_string (theirs, "cmp-close-faster", PL_CAMPAIGN_CHANNEL, "Events");
  result = pl_plan_merge (base, ours, theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  c = conflict (result, 0);
  g_assert_cmpint (c->kind, ==, PL_MERGE_CONFLICT_FIELD);
  g_assert_cmpint (c->collection, ==, PL_COLLECTION_CAMPAIGNS);
  g_assert_cmpstr (c->id, ==, "cmp-close-faster");
  g_assert_cmpint (c->field, ==, PL_CAMPAIGN_CHANNEL);
  g_assert_cmpstr (c->ours_text, ==, "LinkedIn");
  g_assert_cmpstr (c->theirs_text, ==, "Events");
  g_assert_cmpstr (c->base_text, ==, "Paid social");
  g_assert_cmpstr (pl_item_get_string (get (result->plan, "cmp-close-faster"), PL_CAMPAIGN_CHANNEL), ==, "LinkedIn");
  text = pl_merge_conflict_describe (c);
  g_assert_cmpstr (text, ==, "Campaign “Close faster – LinkedIn programme”, Channel: yours LinkedIn, "
                             "theirs Events (was Paid social); yours kept");
  g_assert_true (pl_merge_result_take_theirs (result, c, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_item_get_string (get (result->plan, "cmp-close-faster"), PL_CAMPAIGN_CHANNEL), ==, "Events");
}

/* The window's merge: the open plan becomes the result as one edit, and undo takes it back. */
static void
test_update_to (void)
{
  g_autoptr(PlPlan) plan = load_example ();
  g_autoptr(PlPlan) before = load_example ();
  g_autoptr(PlPlan) target = load_example ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  PlItem *campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);

  set_string (target, "cmp-close-faster", PL_CAMPAIGN_NAME, "Renamed");
  pl_plan_remove (target, get (target, "line-translation"));
  pl_item_set_id (campaign, "cmp-new");
  pl_item_set_string (campaign, PL_CAMPAIGN_NAME, "New one");
  pl_plan_insert (target, campaign, 0);
  pl_plan_move (target, get (target, "line-seo"), 0);
  pl_plan_set_point (target, PL_KPI (get (target, "kpi-leads")), PL_SERIES_TARGETS, 2461407, 700, NULL);

  pl_plan_update_to (plan, target, "Merge");
  assert_same_plan (plan, target);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Merge");
  g_assert_true (pl_plan_undo (plan));
  assert_same_plan (plan, before);
  g_assert_false (pl_plan_can_undo (plan));
  g_assert_true (pl_plan_redo (plan));
  assert_same_plan (plan, target);

  /* Nothing to do: no edit. */
  pl_plan_update_to (before, before, "Merge");
  g_assert_false (pl_plan_can_undo (before));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge/unchanged", test_unchanged);
  g_test_add_func ("/merge/fields-combine", test_fields_combine);
  g_test_add_func ("/merge/field-conflict", test_field_conflict);
  g_test_add_func ("/merge/update-to", test_update_to);
  return g_test_run ();
}

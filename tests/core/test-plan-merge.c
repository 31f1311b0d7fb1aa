/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The three-way merge of plans (issue 24): each kind of change and of conflict, the rules the
 * result keeps, taking their side, and making one plan another as one undoable edit. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pl-error.h"
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


static guint32
day (int year, int month, int d)
{
  g_autoptr(GDate) date = g_date_new_dmy (d, month, year);

  return g_date_get_julian (date);
}

static PlItem *
add_record (PlPlan *plan, GType type, const char *id, ...)
{
  PlItem *item = g_object_new (type, NULL);
  const char *name;
  va_list args;

  pl_item_set_id (item, id);
  va_start (args, id);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      int field = pl_item_class_find_field (PL_ITEM_GET_CLASS (item), name);
      const char *value = va_arg (args, const char *);

      g_assert_cmpint (field, >=, 0);
      if (pl_item_get_fields (item, NULL)[field].type == PL_FIELD_MONEY)
        pl_item_set_int (item, field, g_ascii_strtoll (value, NULL, 10) * 100);
      else
        pl_item_set_string (item, field, value);
    }
  va_end (args);
  pl_plan_add (plan, item);
  g_assert_cmpstr (pl_item_get_id (item), ==, id);
  return item;
}

static guint
position_of (PlPlan *plan, const char *id)
{
  PlItem *item = get (plan, id);
  guint position;

  g_assert_true (g_list_store_find (G_LIST_STORE (pl_plan_get_collection (plan, pl_collection_for_type (G_OBJECT_TYPE (item)))),
                                    item, &position));
  return position;
}

static void
set_planned_all (PlPlan *plan, const char *line, gint64 amount)
{
  for (guint m = 0; m < pl_plan_get_months (plan); m++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_true (pl_plan_set_planned (plan, PL_BUDGET_LINE (get (plan, line)), m, amount, &error));
    }
}

static char *
describe (PlMergeResult *result, guint index)
{
  return pl_merge_conflict_describe (conflict (result, index));
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


/* We removed the campaign, they changed it: it stays removed, with a conflict; taking theirs
 * brings it back. */
static void
test_removed_changed (void)
{
  g_autoptr(PlPlan) base = load_example ();
  g_autoptr(PlPlan) ours = load_example ();
  g_autoptr(PlPlan) theirs = load_example ();
  g_autoptr(PlMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  pl_plan_remove (ours, get (ours, "cmp-partners"));
  set_string (theirs, "cmp-partners", PL_CAMPAIGN_NAME, "ERP partners");
  result = pl_plan_merge (base, ours, theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  g_assert_cmpint (conflict (result, 0)->kind, ==, PL_MERGE_CONFLICT_REMOVED_CHANGED);
  g_assert_cmpstr (conflict (result, 0)->id, ==, "cmp-partners");
  g_assert_null (conflict (result, 0)->ours_text);
  g_assert_null (pl_plan_lookup (result->plan, "cmp-partners"));
  text = describe (result, 0);
  g_assert_cmpstr (text, ==, "Campaign “ERP partners”: you removed it, they changed it; it stays removed");
  assert_valid (result->plan);

  g_assert_true (pl_merge_result_take_theirs (result, conflict (result, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_item_get_string (get (result->plan, "cmp-partners"), PL_CAMPAIGN_NAME), ==, "ERP partners");
  g_assert_cmpuint (position_of (result->plan, "cmp-partners"), ==, position_of (theirs, "cmp-partners"));
  assert_valid (result->plan);
}

/* We changed the campaign, they removed it: ours is kept, and with it what their removal took
 * (its allocations and KPI links, the references to it). */
static void
test_changed_removed (void)
{
  g_autoptr(PlPlan) base = load_example ();
  g_autoptr(PlPlan) ours = load_example ();
  g_autoptr(PlPlan) theirs = load_example ();
  g_autoptr(PlMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  set_string (ours, "cmp-close-faster", PL_CAMPAIGN_NAME, "Close faster");
  pl_plan_remove (theirs, get (theirs, "cmp-close-faster"));
  g_assert_null (pl_plan_lookup (theirs, "al-1"));
  result = pl_plan_merge (base, ours, theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  g_assert_cmpint (conflict (result, 0)->kind, ==, PL_MERGE_CONFLICT_CHANGED_REMOVED);
  g_assert_null (conflict (result, 0)->theirs_text);
  text = describe (result, 0);
  g_assert_cmpstr (text, ==, "Campaign “Close faster”: you changed it, they removed it; yours kept");
  assert_same_plan (result->plan, ours);

  g_assert_true (pl_merge_result_take_theirs (result, conflict (result, 0), &error));
  g_assert_no_error (error);
  assert_same_plan (result->plan, theirs);
}

/* Both added a record with one ID: the same is one record, different values are conflicts
 * with no value before. */
static void
test_added_both (void)
{
  g_autoptr(PlPlan) base = load_example ();
  g_autoptr(PlPlan) ours = load_example ();
  g_autoptr(PlPlan) theirs = load_example ();
  g_autoptr(PlMergeResult) result = NULL;
  g_autofree char *text = NULL;

  add_record (ours, PL_TYPE_MEMBER, "mem-new", "name", "Zoé", "role", "Analyst", NULL);
  add_record (theirs, PL_TYPE_MEMBER, "mem-new", "name", "Zoé", "role", "Analyst", NULL);
  add_record (ours, PL_TYPE_SEGMENT, "seg-new", "name", "Banks", NULL);
  add_record (theirs, PL_TYPE_SEGMENT, "seg-new", "name", "Insurers", NULL);
  result = pl_plan_merge (base, ours, theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  g_assert_cmpint (conflict (result, 0)->kind, ==, PL_MERGE_CONFLICT_FIELD);
  g_assert_null (conflict (result, 0)->base_text);
  text = describe (result, 0);
  g_assert_cmpstr (text, ==, "Segment “Banks”, Name: yours Banks, theirs Insurers (added on both sides); yours kept");
  assert_same_plan (result->plan, ours);
}

/* Records added on both sides are all kept; theirs come after the record before them in
 * theirs, and after ours where both added after the same record. */
static void
test_added_order (void)
{
  g_autoptr(PlPlan) base = load_example ();
  g_autoptr(PlPlan) ours = load_example ();
  g_autoptr(PlPlan) theirs = load_example ();
  g_autoptr(PlPlan) both = load_example ();
  g_autoptr(PlMergeResult) result = NULL;
  PlItem *item;

  add_record (ours, PL_TYPE_TOOL, "tool-ours", "name", "Ours", NULL);
  add_record (theirs, PL_TYPE_TOOL, "tool-theirs", "name", "Theirs", NULL);
  item = g_object_new (PL_TYPE_TOOL, NULL);
  pl_item_set_id (item, "tool-first");
  pl_item_set_string (item, PL_TOOL_NAME, "First");
  pl_plan_insert (theirs, item, 0);
  add_record (both, PL_TYPE_TOOL, "tool-ours", "name", "Ours", NULL);
  add_record (both, PL_TYPE_TOOL, "tool-theirs", "name", "Theirs", NULL);
  item = g_object_new (PL_TYPE_TOOL, NULL);
  pl_item_set_id (item, "tool-first");
  pl_item_set_string (item, PL_TOOL_NAME, "First");
  pl_plan_insert (both, item, 0);
  result = pl_plan_merge (base, ours, theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 0);
  assert_same_plan (result->plan, both);
  g_assert_cmpuint (position_of (result->plan, "tool-first"), ==, 0);
}

/* A KPI's targets and measurements merge period by period. */
static void
test_series (void)
{
  g_autoptr(PlPlan) base = load_example ();
  g_autoptr(PlPlan) ours = load_example ();
  g_autoptr(PlPlan) theirs = load_example ();
  g_autoptr(PlPlan) both = load_example ();
  g_autoptr(PlMergeResult) result = NULL;
  g_autofree char *text = NULL;
  PlKpi *kpi;

  pl_plan_set_point (ours, PL_KPI (get (ours, "kpi-leads")), PL_SERIES_TARGETS, day (2027, 1, 1), 700, NULL);
  pl_plan_set_point (theirs, PL_KPI (get (theirs, "kpi-leads")), PL_SERIES_TARGETS, day (2027, 2, 1), 800, NULL);
  pl_plan_set_point (theirs, PL_KPI (get (theirs, "kpi-leads")), PL_SERIES_TARGETS, day (2027, 12, 1), NAN, NULL);
  pl_plan_set_point (ours, PL_KPI (get (ours, "kpi-leads")), PL_SERIES_MEASUREMENTS, day (2027, 3, 1), 810, "CRM");
  pl_plan_set_point (theirs, PL_KPI (get (theirs, "kpi-leads")), PL_SERIES_MEASUREMENTS, day (2027, 3, 1), 820, "CRM");
  pl_plan_set_point (both, PL_KPI (get (both, "kpi-leads")), PL_SERIES_TARGETS, day (2027, 1, 1), 700, NULL);
  pl_plan_set_point (both, PL_KPI (get (both, "kpi-leads")), PL_SERIES_TARGETS, day (2027, 2, 1), 800, NULL);
  pl_plan_set_point (both, PL_KPI (get (both, "kpi-leads")), PL_SERIES_TARGETS, day (2027, 12, 1), NAN, NULL);
  pl_plan_set_point (both, PL_KPI (get (both, "kpi-leads")), PL_SERIES_MEASUREMENTS, day (2027, 3, 1), 810, "CRM");
  result = pl_plan_merge (base, ours, theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  g_assert_cmpint (conflict (result, 0)->field, ==, PL_DIFF_FIELD_MEASUREMENTS);
  g_assert_cmpuint (conflict (result, 0)->period, ==, day (2027, 3, 1));
  text = describe (result, 0);
  g_assert_cmpstr (text, ==, "KPI “Leads”, Measurement for March 2027: yours 810, theirs 820 (was 876); yours kept");
  assert_same_plan (result->plan, both);

  g_assert_true (pl_merge_result_take_theirs (result, conflict (result, 0), NULL));
  kpi = PL_KPI (get (result->plan, "kpi-leads"));
  g_assert_cmpfloat (pl_series_lookup (pl_kpi_get_measurements (kpi), day (2027, 3, 1))->value, ==, 820);
}

/* Allocations beyond a line's amount: each side's change alone is fine, together they break
 * the rule; the line keeps our amounts and the case is listed. */
static void
test_rule_allocations (void)
{
  g_autoptr(PlPlan) base = load_example ();
  g_autoptr(PlPlan) ours = load_example ();
  g_autoptr(PlPlan) theirs = load_example ();
  g_autoptr(PlMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const PlMergeConflict *c;

  add_record (ours, PL_TYPE_ALLOCATION, "al-new", "line", "line-linkedin", "campaign", "cmp-search", "amount", "40000", NULL);
  set_planned_all (theirs, "line-linkedin", 1500000);
  assert_valid (ours);
  assert_valid (theirs);
  result = pl_plan_merge (base, ours, theirs);
  assert_valid (result->plan);
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  c = conflict (result, 0);
  g_assert_cmpint (c->kind, ==, PL_MERGE_CONFLICT_RULE);
  g_assert_nonnull (c->reason);
  assert_same_plan (result->plan, ours);
  g_assert_false (pl_merge_result_take_theirs (result, c, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  assert_same_plan (result->plan, ours);
}

/* They removed a segment; we added a campaign for it: the segment stays, as ours. */
static void
test_rule_removed_reference (void)
{
  g_autoptr(PlPlan) base = load_example ();
  g_autoptr(PlPlan) ours = load_example ();
  g_autoptr(PlPlan) theirs = load_example ();
  g_autoptr(PlMergeResult) result = NULL;
  g_autofree char *text = NULL;

  add_record (ours, PL_TYPE_CAMPAIGN, "cmp-new", "name", "Partner days", "segment", "seg-partners", NULL);
  pl_plan_remove (theirs, get (theirs, "seg-partners"));
  result = pl_plan_merge (base, ours, theirs);
  assert_valid (result->plan);
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  g_assert_cmpint (conflict (result, 0)->kind, ==, PL_MERGE_CONFLICT_RULE);
  g_assert_cmpstr (conflict (result, 0)->id, ==, "cmp-new");
  text = describe (result, 0);
  g_assert_true (g_str_has_prefix (text, "Campaign “Partner days”: your changes and theirs together break a rule ("));
  g_assert_nonnull (pl_plan_lookup (result->plan, "seg-partners"));
  /* The rest of their removal stands: the other campaign no longer names the segment. */
  g_assert_null (pl_item_get_string (get (result->plan, "cmp-partners"), PL_CAMPAIGN_SEGMENT));
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
  g_test_add_func ("/merge/removed-changed", test_removed_changed);
  g_test_add_func ("/merge/changed-removed", test_changed_removed);
  g_test_add_func ("/merge/added-both", test_added_both);
  g_test_add_func ("/merge/added-order", test_added_order);
  g_test_add_func ("/merge/series", test_series);
  g_test_add_func ("/merge/rule-allocations", test_rule_allocations);
  g_test_add_func ("/merge/rule-removed-reference", test_rule_removed_reference);
  g_test_add_func ("/merge/update-to", test_update_to);
  return g_test_run ();
}

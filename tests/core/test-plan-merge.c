/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The three-way merge of plans (issue 24): each kind of change and of conflict, the rules the
 * result keeps, taking their side, and making one plan another as one undoable edit. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pl-calendar.h"
#include "pl-error.h"
#include "pl-fiscal-period.h"
#include "pl-plan-diff.h"
#include "pl-plan-file.h"
#include "pl-plan-merge.h"
#include "pl-plan-reader.h"
#include "pl-plan-validate.h"
#include "pl-plan-writer.h"
#include "pl-report-settings.h"
#include "pl-scenario.h"

/* The plan of the file @path, relative to the tests' directory. */
static PlPlan *
load_test_plan (const char *path)
{
  g_autofree char *full = g_test_build_filename (G_TEST_DIST, path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (full);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static PlPlan *
load_example (void)
{
  return load_test_plan ("../data/examples/northwind-saas-2027.pilote");
}

/* The example plan three times, as the version both started from and the two edited ones,
 * and a fourth for the edits made one after the other. */
typedef struct {
  PlPlan *base, *ours, *theirs, *both;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->base = load_example ();
  f->ours = load_example ();
  f->theirs = load_example ();
  f->both = load_example ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->base);
  g_clear_object (&f->ours);
  g_clear_object (&f->theirs);
  g_clear_object (&f->both);
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

/* What a plan writes, to check later that it did not change. */
static GBytes *
snapshot (PlPlan *plan)
{
  return pl_plan_write_bytes (plan);
}

static void
assert_unchanged (PlPlan *plan, GBytes *before)
{
  g_autoptr(GBytes) now = pl_plan_write_bytes (plan);

  g_assert_true (g_bytes_equal (now, before));
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
  /* The plan holds it. */
  g_object_unref (item);
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
test_unchanged (Fixture *f, gconstpointer data)
{
  PlPlan *base = f->base, *ours = f->ours, *theirs = f->theirs;
  g_autoptr(PlMergeResult) result = pl_plan_merge (base, ours, theirs);

  g_assert_cmpuint (result->conflicts->len, ==, 0);
  assert_same_plan (result->plan, ours);
  g_assert_false (pl_plan_get_modified (result->plan));
  g_assert_false (pl_plan_can_undo (result->plan));
}

/* Changes to different fields of one record, and to different records, combine. */
static void
test_fields_combine (Fixture *f, gconstpointer data)
{
  PlPlan *base = f->base, *ours = f->ours, *theirs = f->theirs, *both = f->both;
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
test_field_conflict (Fixture *f, gconstpointer data)
{
  PlPlan *base = f->base, *ours = f->ours, *theirs = f->theirs;
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
  g_assert_cmpstr (text, ==, "Campaign “Close faster – LinkedIn programme”, Channel: yours “LinkedIn”, "
                             "theirs “Events” (was “Paid social”); yours kept");
  g_assert_true (pl_merge_result_take_theirs (result, c, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_item_get_string (get (result->plan, "cmp-close-faster"), PL_CAMPAIGN_CHANNEL), ==, "Events");
}


/* We removed the campaign, they changed it: it stays removed, with a conflict; taking theirs
 * brings it back. */
static void
test_removed_changed (Fixture *f, gconstpointer data)
{
  PlPlan *base = f->base, *ours = f->ours, *theirs = f->theirs;
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
test_changed_removed (Fixture *f, gconstpointer data)
{
  PlPlan *base = f->base, *ours = f->ours, *theirs = f->theirs;
  g_autoptr(PlMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_autoptr(GBytes) ours_bytes = NULL;
  g_autoptr(GBytes) theirs_bytes = NULL;

  set_string (ours, "cmp-close-faster", PL_CAMPAIGN_NAME, "Close faster");
  pl_plan_remove (theirs, get (theirs, "cmp-close-faster"));
  g_assert_null (pl_plan_lookup (theirs, "al-1"));
  ours_bytes = snapshot (ours);
  theirs_bytes = snapshot (theirs);
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
  /* The result shares the records neither changed: taking theirs edits neither side. */
  assert_unchanged (ours, ours_bytes);
  assert_unchanged (theirs, theirs_bytes);
}

/* They removed a campaign and its calendar entry (as the window's delete does); we renamed the
 * campaign: ours kept, with its entry, though the entry's campaign is optional. */
static void
test_changed_removed_entry (Fixture *f, gconstpointer data)
{
  g_autoptr(PlMergeResult) result = NULL;

  set_string (f->ours, "cmp-benchmark", PL_CAMPAIGN_NAME, "Benchmark Report 2027");
  pl_plan_remove (f->theirs, get (f->theirs, "ent-benchmark-pub"));
  pl_plan_remove (f->theirs, get (f->theirs, "cmp-benchmark"));
  result = pl_plan_merge (f->base, f->ours, f->theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  g_assert_cmpint (conflict (result, 0)->kind, ==, PL_MERGE_CONFLICT_CHANGED_REMOVED);
  assert_same_plan (result->plan, f->ours);
}

/* Both added a record with one ID: the same is one record, different values are conflicts
 * with no value before. */
static void
test_added_both (Fixture *f, gconstpointer data)
{
  PlPlan *base = f->base, *ours = f->ours, *theirs = f->theirs;
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
  g_assert_cmpstr (text, ==, "Segment “Banks”, Name: yours “Banks”, theirs “Insurers” (added on both sides); yours kept");
  assert_same_plan (result->plan, ours);
}

/* Records added on both sides are all kept; theirs come after the record before them in
 * theirs, and after ours where both added after the same record. */
static void
test_added_order (Fixture *f, gconstpointer data)
{
  PlPlan *base = f->base, *ours = f->ours, *theirs = f->theirs, *both = f->both;
  g_autoptr(PlMergeResult) result = NULL;
  PlItem *item;

  add_record (ours, PL_TYPE_TOOL, "tool-ours", "name", "Ours", NULL);
  add_record (theirs, PL_TYPE_TOOL, "tool-theirs", "name", "Theirs", NULL);
  item = g_object_new (PL_TYPE_TOOL, NULL);
  pl_item_set_id (item, "tool-first");
  pl_item_set_string (item, PL_TOOL_NAME, "First");
  pl_plan_insert (theirs, item, 0);
  g_object_unref (item);
  add_record (both, PL_TYPE_TOOL, "tool-ours", "name", "Ours", NULL);
  add_record (both, PL_TYPE_TOOL, "tool-theirs", "name", "Theirs", NULL);
  item = g_object_new (PL_TYPE_TOOL, NULL);
  pl_item_set_id (item, "tool-first");
  pl_item_set_string (item, PL_TOOL_NAME, "First");
  pl_plan_insert (both, item, 0);
  g_object_unref (item);
  result = pl_plan_merge (base, ours, theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 0);
  assert_same_plan (result->plan, both);
  g_assert_cmpuint (position_of (result->plan, "tool-first"), ==, 0);
}

/* A KPI's targets and measurements merge period by period. */
static void
test_series (Fixture *f, gconstpointer data)
{
  PlPlan *base = f->base, *ours = f->ours, *theirs = f->theirs, *both = f->both;
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

/* A result set without an edit, as the version both started from holds it. */
static void
put_result (PlPlan *plan, const char *link, guint32 julian, double value)
{
  pl_series_set (pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (get (plan, link))), julian, value, "HubSpot");
}

static double
result_of (PlPlan *plan, const char *link, guint32 julian)
{
  const PlPoint *point = pl_series_lookup (pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (get (plan, link))), julian);

  return point != NULL ? point->value : NAN;
}

/* A campaign's results on a KPI merge month by month, as a KPI's measurements: months added on
 * each side are both kept, one month changed both ways is a conflict in words, with both values
 * in the KPI's unit, and taking theirs takes that month alone. */
static void
test_results (Fixture *f, gconstpointer data)
{
  PlPlan *base = f->base, *ours = f->ours, *theirs = f->theirs, *both = f->both;
  PlPlan *plans[] = { base, ours, theirs, both };
  g_autoptr(PlMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const PlMergeConflict *c;

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    put_result (plans[i], "ck-3", day (2027, 10, 1), 100);
  pl_plan_set_result (ours, PL_CAMPAIGN_KPI (get (ours, "ck-3")), day (2027, 11, 1), 150, "HubSpot");
  pl_plan_set_result (theirs, PL_CAMPAIGN_KPI (get (theirs, "ck-3")), day (2027, 12, 1), 170, "HubSpot");
  pl_plan_set_result (ours, PL_CAMPAIGN_KPI (get (ours, "ck-3")), day (2027, 10, 1), 120, "HubSpot");
  pl_plan_set_result (theirs, PL_CAMPAIGN_KPI (get (theirs, "ck-3")), day (2027, 10, 1), 130, "HubSpot");
  /* Theirs alone on another link: taken whole. */
  pl_plan_set_result (theirs, PL_CAMPAIGN_KPI (get (theirs, "ck-1")), day (2027, 12, 1), 40, "Salesforce");
  pl_plan_set_result (both, PL_CAMPAIGN_KPI (get (both, "ck-3")), day (2027, 11, 1), 150, "HubSpot");
  pl_plan_set_result (both, PL_CAMPAIGN_KPI (get (both, "ck-3")), day (2027, 12, 1), 170, "HubSpot");
  pl_plan_set_result (both, PL_CAMPAIGN_KPI (get (both, "ck-3")), day (2027, 10, 1), 120, "HubSpot");
  pl_plan_set_result (both, PL_CAMPAIGN_KPI (get (both, "ck-1")), day (2027, 12, 1), 40, "Salesforce");

  result = pl_plan_merge (base, ours, theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  c = conflict (result, 0);
  g_assert_cmpint (c->kind, ==, PL_MERGE_CONFLICT_FIELD);
  g_assert_cmpint (c->collection, ==, PL_COLLECTION_CAMPAIGN_KPIS);
  g_assert_cmpstr (c->id, ==, "ck-3");
  g_assert_cmpstr (c->name, ==, "Always-on search → Leads");
  g_assert_cmpint (c->field, ==, PL_DIFF_FIELD_RESULTS);
  g_assert_cmpuint (c->period, ==, day (2027, 10, 1));
  g_assert_cmpstr (c->label, ==, "Result for October 2027");
  text = describe (result, 0);
  g_assert_cmpstr (text, ==, "Campaign “Always-on search” → Leads, Result for October 2027: yours 120, theirs 130 "
                             "(was 100); yours kept");
  assert_same_plan (result->plan, both);
  assert_valid (result->plan);

  g_assert_true (pl_merge_result_take_theirs (result, c, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (result_of (result->plan, "ck-3", day (2027, 10, 1)), ==, 130);
  g_assert_cmpfloat (result_of (result->plan, "ck-3", day (2027, 11, 1)), ==, 150);
  g_assert_cmpfloat (result_of (result->plan, "ck-3", day (2027, 12, 1)), ==, 170);
  /* The result shares ours' record no more: ours keeps its own month. */
  g_assert_cmpfloat (result_of (ours, "ck-3", day (2027, 10, 1)), ==, 120);
  /* Undone, the month is ours again. */
  g_assert_true (pl_plan_undo (result->plan));
  assert_same_plan (result->plan, both);
}

/* A link removed on one side and given results on the other follows the rule of every record:
 * removed by us, changed by them, it stays removed (theirs can be taken, results and all);
 * given results by us, removed by them, ours is kept. */
static void
test_results_removed (Fixture *f, gconstpointer data)
{
  PlPlan *base = f->base, *ours = f->ours, *theirs = f->theirs;
  g_autoptr(PlMergeResult) result = NULL;
  g_autoptr(PlMergeResult) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *back_text = NULL;

  pl_plan_remove (ours, get (ours, "ck-8"));
  pl_plan_set_result (theirs, PL_CAMPAIGN_KPI (get (theirs, "ck-8")), day (2027, 11, 1), 90, "HubSpot");
  result = pl_plan_merge (base, ours, theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  g_assert_cmpint (conflict (result, 0)->kind, ==, PL_MERGE_CONFLICT_REMOVED_CHANGED);
  text = describe (result, 0);
  g_assert_cmpstr (text, ==, "Campaign “Month-end in five days – webinar series” → Leads: you removed it, "
                             "they changed it; it stays removed");
  g_assert_null (pl_plan_lookup (result->plan, "ck-8"));
  g_assert_true (pl_merge_result_take_theirs (result, conflict (result, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (result_of (result->plan, "ck-8", day (2027, 11, 1)), ==, 90);
  assert_valid (result->plan);

  /* The other way round: our results keep the link they removed. */
  back = pl_plan_merge (base, theirs, ours);
  g_assert_cmpuint (back->conflicts->len, ==, 1);
  g_assert_cmpint (conflict (back, 0)->kind, ==, PL_MERGE_CONFLICT_CHANGED_REMOVED);
  back_text = describe (back, 0);
  g_assert_cmpstr (back_text, ==, "Campaign “Month-end in five days – webinar series” → Leads: you changed it, "
                                  "they removed it; yours kept");
  g_assert_cmpfloat (result_of (back->plan, "ck-8", day (2027, 11, 1)), ==, 90);
}

/* Allocations beyond a line's amount: each side's change alone is fine, together they break
 * the rule; the line keeps our amounts and the case is listed. */
static void
test_rule_allocations (Fixture *f, gconstpointer data)
{
  PlPlan *base = f->base, *ours = f->ours, *theirs = f->theirs;
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
test_rule_removed_reference (Fixture *f, gconstpointer data)
{
  PlPlan *base = f->base, *ours = f->ours, *theirs = f->theirs;
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
  g_assert_true (g_str_has_prefix (text, "Campaign “Partner days”: yours kept, as your changes and theirs together break a rule: "));
  g_assert_nonnull (pl_plan_lookup (result->plan, "seg-partners"));
  /* The rest of their removal stands: the other campaign no longer names the segment. */
  g_assert_null (pl_item_get_string (get (result->plan, "cmp-partners"), PL_CAMPAIGN_SEGMENT));
}


/* What a newer version wrote, kept without being known, merges as text. */
#define NEWER_PLAN \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.4\">\n" \
  "  <metadata title=\"Unknown\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n" \
  "  <segments>\n" \
  "    <segment id=\"seg-1\" name=\"Banks\"%s>%s</segment>\n" \
  "    <segment id=\"seg-2\" name=\"Insurers\"/>\n" \
  "  </segments>\n" \
  "</plan>\n"

static PlPlan *
read_newer (const char *attribute, const char *child)
{
  g_autofree char *text = g_strdup_printf (NEWER_PLAN, attribute, child);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_read_bytes (text, strlen (text), "newer.pilote", PL_READ_DEFAULT, &error);

  g_assert_no_error (error);
  return plan;
}

static void
test_unknown_elements (void)
{
  g_autoptr(PlPlan) base = read_newer ("", "");
  g_autoptr(PlPlan) ours = read_newer ("", "<tier xmlns=\"urn:x\">gold</tier>");
  g_autoptr(PlPlan) theirs = read_newer (" risk=\"low\"", "");
  g_autoptr(PlPlan) theirs2 = read_newer ("", "<tier xmlns=\"urn:x\">silver</tier>");
  g_autoptr(PlMergeResult) result = NULL;
  g_autoptr(PlMergeResult) conflicting = NULL;
  g_autofree char *text = NULL;

  /* One side added an element, the other an attribute: as a whole, both changed the record's
   * unknown part, differently. */
  result = pl_plan_merge (base, ours, theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  g_assert_cmpint (conflict (result, 0)->field, ==, PL_DIFF_FIELD_EXTRAS);
  /* Only one side changed it: theirs is taken. */
  g_clear_pointer (&result, pl_merge_result_free);
  result = pl_plan_merge (base, base, ours);
  g_assert_cmpuint (result->conflicts->len, ==, 0);
  assert_same_plan (result->plan, ours);

  conflicting = pl_plan_merge (base, ours, theirs2);
  g_assert_cmpuint (conflicting->conflicts->len, ==, 1);
  text = describe (conflicting, 0);
  g_assert_cmpstr (text, ==, "Segment “Banks”, Unknown elements: yours <tier xmlns=\"urn:x\">gold</tier>, "
                             "theirs <tier xmlns=\"urn:x\">silver</tier> (was none); yours kept");
  g_assert_true (pl_merge_result_take_theirs (conflicting, conflict (conflicting, 0), NULL));
  assert_same_plan (conflicting->plan, theirs2);

  /* The unknown part of a record is set, and undone, with the rest of the window's merge. */
  {
    g_autoptr(GBytes) before = snapshot (ours);

    pl_plan_update_to (ours, conflicting->plan, "Merge");
    assert_same_plan (ours, theirs2);
    g_assert_true (pl_plan_undo (ours));
    assert_unchanged (ours, before);
  }
}

/* The plan's settings are one record; an empty list on one side takes its additions. */
static void
test_settings_and_empty (void)
{
  g_autoptr(PlPlan) base = pl_plan_new_default ("Plan");
  g_autoptr(PlPlan) ours = pl_plan_new_default ("Plan");
  g_autoptr(PlPlan) theirs = pl_plan_new_default ("Plan");
  g_autoptr(PlPlan) both = pl_plan_new_default ("Plan");
  g_autoptr(PlMergeResult) result = NULL;
  g_autofree char *text = NULL;
  PlItem *meta;

  meta = PL_ITEM (pl_plan_get_metadata (ours));
  g_assert_true (pl_plan_set_string (ours, meta, PL_METADATA_OWNER, "Ana", NULL));
  g_assert_true (pl_plan_set_string (ours, meta, PL_METADATA_TITLE, "Plan 2027", NULL));
  meta = PL_ITEM (pl_plan_get_metadata (theirs));
  g_assert_true (pl_plan_set_string (theirs, meta, PL_METADATA_ORGANISATION, "Northwind", NULL));
  g_assert_true (pl_plan_set_string (theirs, meta, PL_METADATA_TITLE, "Plan for 2027", NULL));
  add_record (theirs, PL_TYPE_MEMBER, "mem-1", "name", "Bo", NULL);
  meta = PL_ITEM (pl_plan_get_metadata (both));
  g_assert_true (pl_plan_set_string (both, meta, PL_METADATA_OWNER, "Ana", NULL));
  g_assert_true (pl_plan_set_string (both, meta, PL_METADATA_TITLE, "Plan 2027", NULL));
  g_assert_true (pl_plan_set_string (both, meta, PL_METADATA_ORGANISATION, "Northwind", NULL));
  add_record (both, PL_TYPE_MEMBER, "mem-1", "name", "Bo", NULL);
  result = pl_plan_merge (base, ours, theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  g_assert_cmpint (conflict (result, 0)->collection, ==, PL_COLLECTION_NONE);
  g_assert_null (conflict (result, 0)->id);
  text = describe (result, 0);
  g_assert_cmpstr (text, ==, "The plan’s settings, Title: yours “Plan 2027”, theirs “Plan for 2027” (was “Plan”); yours kept");
  assert_same_plan (result->plan, both);
}

/* Two people's edits to the example plan that do not conflict: the merge is the plan with
 * both edits made. */
typedef void (*Edit) (PlPlan *plan);

static void
edit_first (PlPlan *plan)
{
  PlItem *kpi = get (plan, "kpi-mql");

  set_string (plan, "cmp-search", PL_CAMPAIGN_NAME, "Search, all year");
  set_string (plan, "line-video", PL_BUDGET_LINE_CATEGORY, "cat-creative");
  set_planned_all (plan, "line-linkedin", 1800000);
  pl_plan_set_point (plan, PL_KPI (kpi), PL_SERIES_TARGETS, day (2027, 6, 1), 333, NULL);
  pl_plan_remove (plan, get (plan, "ent-plan-approved"));
  add_record (plan, PL_TYPE_CAMPAIGN, "cmp-first", "name", "Roadshow", "segment", "seg-enterprise", NULL);
  add_record (plan, PL_TYPE_ALLOCATION, "al-first", "line", "line-linkedin", "campaign", "cmp-first", "amount", "1000", NULL);
  pl_plan_move (plan, get (plan, "tool-hubspot"), 3);
}

static void
edit_second (PlPlan *plan)
{
  PlItem *kpi = get (plan, "kpi-leads");

  set_string (plan, "cmp-close-faster", PL_CAMPAIGN_CHANNEL, "LinkedIn");
  set_string (plan, "seg-partners", PL_SEGMENT_NAME, "Partners");
  pl_plan_set_point (plan, PL_KPI (kpi), PL_SERIES_MEASUREMENTS, day (2027, 11, 1), 900, "CRM");
  pl_plan_remove (plan, get (plan, "cmp-retargeting"));
  add_record (plan, PL_TYPE_CAMPAIGN, "cmp-second", "name", "Webinar series", NULL);
  add_record (plan, PL_TYPE_MEMBER, "mem-second", "name", "Lou", "role", "Intern", NULL);
  /* Only they move records in this list: their order is taken. */
  pl_plan_move (plan, get (plan, "seg-partners"), 0);
  g_assert_true (pl_plan_set_string (plan, PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_NOTES, "Reviewed", NULL));
}

static void
test_two_people (Fixture *f, gconstpointer data)
{
  PlPlan *base = f->base, *ours = f->ours, *theirs = f->theirs, *both = f->both;
  g_autoptr(PlPlan) window = load_example ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(PlMergeResult) result = NULL;
  g_autoptr(PlMergeResult) reverse = NULL;

  edit_first (ours);
  edit_second (theirs);
  edit_first (both);
  edit_second (both);
  result = pl_plan_merge (base, ours, theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 0);
  assert_same_plan (result->plan, both);
  assert_valid (result->plan);

  g_assert_cmpuint (position_of (result->plan, "seg-partners"), ==, 0);
  g_assert_cmpuint (position_of (result->plan, "tool-hubspot"), ==, 3);

  /* The other way round, the records are the same; where both added, ours come first. */
  reverse = pl_plan_merge (base, theirs, ours);
  g_assert_cmpuint (reverse->conflicts->len, ==, 0);
  assert_valid (reverse->plan);
  for (int c = 0; c < PL_N_COLLECTIONS; c++)
    g_assert_cmpuint (pl_plan_get_n (reverse->plan, c), ==, pl_plan_get_n (both, c));

  /* The window's merge: its plan (ours) becomes the result, in one step undone at once. */
  edit_first (window);
  before = snapshot (window);
  pl_plan_update_to (window, result->plan, "Merge");
  assert_same_plan (window, both);
  g_assert_true (pl_plan_undo (window));
  assert_unchanged (window, before);
}


/* ---- compound fields, part by part ---- */

/* Each test below has ours and theirs change different parts of one field, and one part both
 * ways: the parts combine, that part conflicts (ours kept), and taking theirs takes that part
 * alone. @both is the plan with ours' side of the conflict, then made theirs. */

static gint64
planned (PlPlan *plan, const char *line, guint month)
{
  gsize n;
  const gint64 *amounts = g_variant_get_fixed_array (pl_item_get_variant (get (plan, line), PL_BUDGET_LINE_PLANNED), &n,
                                                     sizeof (gint64));

  g_assert_cmpuint (month, <, n);
  return amounts[month];
}

static void
set_month (PlPlan *plan, const char *line, guint month, gint64 amount)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_plan_set_planned (plan, PL_BUDGET_LINE (get (plan, line)), month, amount, &error));
  g_assert_no_error (error);
}

static void
set_strv (PlPlan *plan, const char *id, guint field, const char * const *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_plan_set_strv (plan, get (plan, id), field, value, &error));
  g_assert_no_error (error);
}

/* Merges, expects one conflict (returned) and the result to be @both. */
static const PlMergeConflict *
merge_one_conflict (Fixture *f, PlMergeResult **result)
{
  *result = pl_plan_merge (f->base, f->ours, f->theirs);
  g_assert_cmpuint ((*result)->conflicts->len, ==, 1);
  g_assert_cmpint (conflict (*result, 0)->kind, ==, PL_MERGE_CONFLICT_FIELD);
  assert_same_plan ((*result)->plan, f->both);
  assert_valid ((*result)->plan);
  return conflict (*result, 0);
}

static void
take_theirs_ok (PlMergeResult *result, const PlMergeConflict *c)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_merge_result_take_theirs (result, c, &error));
  g_assert_no_error (error);
}

/* The CFO trims April, the CMO raises March and May: all kept; both changed April. */
static void
test_parts_amounts (Fixture *f, gconstpointer data)
{
  g_autoptr(PlMergeResult) result = NULL;
  g_autofree char *text = NULL;
  const PlMergeConflict *c;

  set_month (f->ours, "line-webinars", 3, 150000);
  set_month (f->ours, "line-webinars", 2, 300000);
  set_month (f->theirs, "line-webinars", 3, 250000);
  set_month (f->theirs, "line-webinars", 4, 220000);
  set_month (f->both, "line-webinars", 3, 150000);
  set_month (f->both, "line-webinars", 2, 300000);
  set_month (f->both, "line-webinars", 4, 220000);
  c = merge_one_conflict (f, &result);
  g_assert_cmpint (c->field, ==, PL_BUDGET_LINE_PLANNED);
  g_assert_cmpuint (c->period, ==, day (2027, 4, 1));
  g_assert_null (c->part);
  g_assert_cmpstr (c->label, ==, "Planned for April 2027");
  text = pl_merge_conflict_describe (c);
  /* The amounts grouped as the locale groups them (a narrow no-break space in C.UTF-8). */
  g_assert_cmpstr (text, ==, "Budget line “Webinar production”, Planned for April 2027: yours 1\u202f500.00, "
                             "theirs 2\u202f500.00 (was 2\u202f000.00); yours kept");
  /* One amount per month of the period, as the reader makes them. */
  g_assert_cmpuint (g_variant_n_children (pl_item_get_variant (get (result->plan, "line-webinars"), PL_BUDGET_LINE_PLANNED)),
                    ==, 12);
  take_theirs_ok (result, c);
  set_month (f->both, "line-webinars", 3, 250000);
  assert_same_plan (result->plan, f->both);
  g_assert_cmpint (planned (result->plan, "line-webinars", 2), ==, 300000);
}

/* @plan as it reads back from its file. */
static PlPlan *
reread (PlPlan *plan)
{
  g_autoptr(GBytes) bytes = pl_plan_write_bytes (plan);
  PlPlan *copy = pl_plan_read_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "plan.pilote",
                                     PL_READ_DEFAULT, NULL);

  g_assert_nonnull (copy);
  return copy;
}

/* They moved the fiscal period a month on (the amounts keep their places: the file's months
 * move with it) and raised its third month; we trimmed the second: both kept, each in its
 * place, and a conflict names the month as the result's period does. */
static void
test_parts_amounts_period (void)
{
  g_autoptr(PlPlan) base = load_test_plan ("data/merge/base.pilote");
  g_autoptr(PlPlan) ours = load_test_plan ("data/merge/base.pilote");
  g_autoptr(PlPlan) moved = load_test_plan ("data/merge/base.pilote");
  g_autoptr(PlPlan) both = load_test_plan ("data/merge/base.pilote");
  g_autoptr(PlPlan) theirs = NULL;
  g_autoptr(PlMergeResult) result = NULL;
  g_autoptr(PlMergeResult) again = NULL;

  g_assert_true (pl_fiscal_period_set (moved, day (2027, 2, 1), 12, NULL));
  set_month (moved, "line-ads", 2, 300000);
  theirs = reread (moved);
  set_month (ours, "line-ads", 1, 400000);
  g_assert_true (pl_fiscal_period_set (both, day (2027, 2, 1), 12, NULL));
  set_month (both, "line-ads", 2, 300000);
  set_month (both, "line-ads", 1, 400000);
  result = pl_plan_merge (base, ours, theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 0);
  assert_same_plan (result->plan, both);
  assert_valid (result->plan);

  set_month (ours, "line-ads", 2, 200000);
  again = pl_plan_merge (base, ours, theirs);
  g_assert_cmpuint (again->conflicts->len, ==, 1);
  g_assert_cmpstr (conflict (again, 0)->label, ==, "Planned for April 2027");
  g_assert_cmpuint (conflict (again, 0)->period, ==, day (2027, 4, 1));
}

/* A month trimmed by one and an allocation raised by the other break the allocations rule
 * together: that stays a broken rule, the records involved ours. */
static void
test_parts_amounts_rule (Fixture *f, gconstpointer data)
{
  g_autoptr(PlMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean rule = FALSE;

  /* Webinar production: 2,000.00 a month, 10,000.00 allocated. */
  set_month (f->ours, "line-webinars", 3, 0);
  set_month (f->ours, "line-webinars", 4, 0);
  set_month (f->theirs, "line-webinars", 2, 300000);
  g_assert_true (pl_plan_set_int (f->theirs, get (f->theirs, "al-7"), PL_ALLOCATION_AMOUNT, 2300000, &error));
  g_assert_no_error (error);
  assert_valid (f->ours);
  assert_valid (f->theirs);
  result = pl_plan_merge (f->base, f->ours, f->theirs);
  assert_valid (result->plan);
  for (guint i = 0; i < result->conflicts->len; i++)
    rule |= conflict (result, i)->kind == PL_MERGE_CONFLICT_RULE;
  g_assert_true (rule);
  g_assert_cmpint (planned (result->plan, "line-webinars", 3), ==, 0);
  g_assert_cmpint (pl_item_get_int (get (result->plan, "al-7"), PL_ALLOCATION_AMOUNT), ==, 1000000);
}

/* The commentary of the leadership report, section by section. */
static void
test_parts_commentary (Fixture *f, gconstpointer data)
{
  PlPlan *plans[] = { f->base, f->ours, f->theirs, f->both };
  g_autoptr(PlMergeResult) result = NULL;
  g_autofree char *text = NULL;
  const PlMergeConflict *c;

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    g_assert_true (pl_report_set_commentary (plans[i], "summary", "On track.", NULL));
  g_assert_true (pl_report_set_commentary (f->ours, "budget", "April trimmed.", NULL));
  g_assert_true (pl_report_set_commentary (f->ours, "kpis", "Ahead of plan.", NULL));
  g_assert_true (pl_report_set_commentary (f->theirs, "campaigns", "Webinars work.", NULL));
  g_assert_true (pl_report_set_commentary (f->theirs, "kpis", "Behind plan.", NULL));
  g_assert_true (pl_report_set_commentary (f->theirs, "summary", NULL, NULL));
  g_assert_true (pl_report_set_commentary (f->both, "budget", "April trimmed.", NULL));
  g_assert_true (pl_report_set_commentary (f->both, "kpis", "Ahead of plan.", NULL));
  g_assert_true (pl_report_set_commentary (f->both, "campaigns", "Webinars work.", NULL));
  g_assert_true (pl_report_set_commentary (f->both, "summary", NULL, NULL));
  c = merge_one_conflict (f, &result);
  g_assert_cmpint (c->collection, ==, PL_COLLECTION_NONE);
  g_assert_cmpint (c->field, ==, PL_METADATA_COMMENTARY);
  g_assert_cmpstr (c->part, ==, "kpis");
  text = pl_merge_conflict_describe (c);
  g_assert_cmpstr (text, ==, "The plan’s settings, Report commentary, “kpis”: yours “Ahead of plan.”, "
                             "theirs “Behind plan.” (was none); yours kept");
  take_theirs_ok (result, c);
  g_assert_true (pl_report_set_commentary (f->both, "kpis", "Behind plan.", NULL));
  assert_same_plan (result->plan, f->both);
}

static GVariant *
assumptions (double cpl, double lead_to_mql, double mql_to_sql)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssd)"));
  /* Out of order: the model sorts them. */
  if (!isnan (mql_to_sql))
    g_variant_builder_add (&builder, "(ssd)", "driver", "mql-to-sql", mql_to_sql);
  if (!isnan (lead_to_mql))
    g_variant_builder_add (&builder, "(ssd)", "driver", "lead-to-mql", lead_to_mql);
  if (!isnan (cpl))
    g_variant_builder_add (&builder, "(ssd)", "driver", "cpl", cpl);
  return pl_scenario_sort_assumptions (g_variant_builder_end (&builder));
}

static void
set_assumptions (PlPlan *plan, GVariant *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_plan_set_variant (plan, get (plan, "sc-merge"), PL_SCENARIO_ASSUMPTIONS, value, &error));
  g_assert_no_error (error);
}

/* A scenario's assumptions, by kind and key. */
static void
test_parts_assumptions (Fixture *f, gconstpointer data)
{
  PlPlan *plans[] = { f->base, f->ours, f->theirs, f->both };
  g_autoptr(PlMergeResult) result = NULL;
  g_autofree char *text = NULL;
  const PlMergeConflict *c;

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      add_record (plans[i], PL_TYPE_SCENARIO, "sc-merge", "name", "Cautious", NULL);
      set_assumptions (plans[i], assumptions (120, 0.3, 0.4));
    }
  set_assumptions (f->ours, assumptions (110, 0.3, 0.45));
  set_assumptions (f->theirs, assumptions (120, 0.35, 0.5));
  set_assumptions (f->both, assumptions (110, 0.35, 0.45));
  c = merge_one_conflict (f, &result);
  g_assert_cmpstr (c->part, ==, "mql-to-sql");
  text = pl_merge_conflict_describe (c);
  g_assert_cmpstr (text, ==, "Scenario “Cautious”, Assumptions, “mql-to-sql”: yours 0.45, theirs 0.5 (was 0.4); "
                             "yours kept");
  take_theirs_ok (result, c);
  set_assumptions (f->both, assumptions (110, 0.35, 0.5));
  assert_same_plan (result->plan, f->both);
  /* One removed by theirs goes. */
  {
    g_autoptr(PlMergeResult) again = NULL;

    set_assumptions (f->theirs, assumptions (120, NAN, 0.4));
    set_assumptions (f->both, assumptions (110, NAN, 0.45));
    again = pl_plan_merge (f->base, f->ours, f->theirs);
    g_assert_cmpuint (again->conflicts->len, ==, 0);
    assert_same_plan (again->plan, f->both);
  }
}

static void
set_answer (PlPlan *plan, const char *question, int value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_plan_set_answer (plan, PL_ASSESSMENT (get (plan, "as-2026")), question, value, &error));
  g_assert_no_error (error);
}

/* An assessment's answers, question by question. */
static void
test_parts_answers (Fixture *f, gconstpointer data)
{
  g_autoptr(PlMergeResult) result = NULL;
  g_autofree char *text = NULL;
  const PlMergeConflict *c;

  set_answer (f->ours, "q-align-business-goals", 4);
  set_answer (f->ours, "q-data-quality", 3);
  set_answer (f->theirs, "q-align-fast-decisions", 5);
  set_answer (f->theirs, "q-data-quality", 1);
  set_answer (f->theirs, "q-benchmark-peers", -1);
  set_answer (f->both, "q-align-business-goals", 4);
  set_answer (f->both, "q-data-quality", 3);
  set_answer (f->both, "q-align-fast-decisions", 5);
  set_answer (f->both, "q-benchmark-peers", -1);
  c = merge_one_conflict (f, &result);
  g_assert_cmpstr (c->part, ==, "q-data-quality");
  text = pl_merge_conflict_describe (c);
  g_assert_cmpstr (text, ==, "Assessment “as-2026”, Answers, “q-data-quality”: yours 3, theirs 1 (was 2); yours kept");
  take_theirs_ok (result, c);
  set_answer (f->both, "q-data-quality", 1);
  assert_same_plan (result->plan, f->both);
}

/* A calendar entry's skipped occurrences (a set) and moved ones (by their own date). */
static void
test_parts_occurrences (Fixture *f, gconstpointer data)
{
  static const char *ours_skip[] = { "2027-08-28", "2027-09-28", NULL };
  static const char *theirs_skip[] = { "2027-08-28", "2027-10-28", NULL };
  static const char *both_skip[] = { "2027-08-28", "2027-09-28", "2027-10-28", NULL };
  static const char *ours_move[] = { "2027-11-28 2027-11-26", "2027-12-28 2027-12-16", NULL };
  static const char *theirs_move[] = { "2027-06-28 2027-06-25", "2027-11-28 2027-11-29", NULL };
  static const char *both_move[] = { "2027-06-28 2027-06-25", "2027-11-28 2027-11-26", NULL };
  static const char *after_move[] = { "2027-06-28 2027-06-25", "2027-11-28 2027-11-29", NULL };
  g_autoptr(PlMergeResult) result = NULL;
  g_autofree char *text = NULL;
  const PlMergeConflict *c;

  set_strv (f->ours, "ent-monthly", PL_ENTRY_SKIP, ours_skip);
  set_strv (f->theirs, "ent-monthly", PL_ENTRY_SKIP, theirs_skip);
  set_strv (f->both, "ent-monthly", PL_ENTRY_SKIP, both_skip);
  /* Theirs no longer moves December's review. */
  set_strv (f->ours, "ent-monthly", PL_ENTRY_MOVE, ours_move);
  set_strv (f->theirs, "ent-monthly", PL_ENTRY_MOVE, theirs_move);
  set_strv (f->both, "ent-monthly", PL_ENTRY_MOVE, both_move);
  c = merge_one_conflict (f, &result);
  g_assert_cmpint (c->field, ==, PL_ENTRY_MOVE);
  g_assert_cmpstr (c->part, ==, "2027-11-28");
  text = pl_merge_conflict_describe (c);
  g_assert_cmpstr (text, ==, "Calendar entry “Monthly marketing review with the CFO and VP Sales”, Moved occurrences, "
                             "28 Nov 2027: yours 26 Nov 2027, theirs 29 Nov 2027 (was none); yours kept");
  take_theirs_ok (result, c);
  set_strv (f->both, "ent-monthly", PL_ENTRY_MOVE, after_move);
  assert_same_plan (result->plan, f->both);
}

/* Budget carried over: a set of moves, each held in the planned amounts of its months. Moves
 * of different months combine; a move theirs made across a month both changed stays out, with
 * all its months. */
static void
test_parts_carried (Fixture *f, gconstpointer data)
{
  static const char *ours_carried[] = { "2027-01 2027-01 2027-02 2027-02 500.00", NULL };
  static const char *theirs_carried[] = { "2027-07 2027-07 2027-08 2027-08 300.00", NULL };
  static const char *both_carried[] = { "2027-01 2027-01 2027-02 2027-02 500.00",
                                        "2027-07 2027-07 2027-08 2027-08 300.00", NULL };
  static const char *tied[] = { "2027-03 2027-03 2027-04 2027-04 500.00", NULL };
  g_autofree char *text = NULL;
  g_autoptr(PlMergeResult) result = NULL;
  g_autoptr(PlMergeResult) again = NULL;

  set_month (f->ours, "line-webinars", 0, 150000);
  set_month (f->ours, "line-webinars", 1, 250000);
  set_strv (f->ours, "line-webinars", PL_BUDGET_LINE_CARRIED, ours_carried);
  set_month (f->theirs, "line-webinars", 6, 170000);
  set_month (f->theirs, "line-webinars", 7, 230000);
  set_strv (f->theirs, "line-webinars", PL_BUDGET_LINE_CARRIED, theirs_carried);
  set_month (f->both, "line-webinars", 0, 150000);
  set_month (f->both, "line-webinars", 1, 250000);
  set_month (f->both, "line-webinars", 6, 170000);
  set_month (f->both, "line-webinars", 7, 230000);
  set_strv (f->both, "line-webinars", PL_BUDGET_LINE_CARRIED, both_carried);
  result = pl_plan_merge (f->base, f->ours, f->theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 0);
  assert_same_plan (result->plan, f->both);
  assert_valid (result->plan);

  /* They carry March into April; we changed March: neither April nor the move is taken. */
  set_month (f->ours, "line-webinars", 2, 260000);
  set_month (f->theirs, "line-webinars", 2, 150000);
  set_month (f->theirs, "line-webinars", 3, 250000);
  set_strv (f->theirs, "line-webinars", PL_BUDGET_LINE_CARRIED, tied);
  again = pl_plan_merge (f->base, f->ours, f->theirs);
  assert_valid (again->plan);
  g_assert_cmpuint (again->conflicts->len, ==, 3);
  g_assert_cmpuint (conflict (again, 0)->period, ==, day (2027, 3, 1));
  g_assert_cmpuint (conflict (again, 1)->period, ==, day (2027, 4, 1));
  g_assert_cmpint (conflict (again, 2)->field, ==, PL_BUDGET_LINE_CARRIED);
  g_assert_cmpstr (conflict (again, 2)->part, ==, tied[0]);
  text = pl_merge_conflict_describe (conflict (again, 2));
  g_assert_cmpstr (text, ==, "Budget line “Webinar production”, Carried over: yours none, theirs 500\u00a0EUR carried "
                             "from March 2027 into April 2027 (was none); yours kept");
  g_assert_cmpint (planned (again->plan, "line-webinars", 2), ==, 260000);
  g_assert_cmpint (planned (again->plan, "line-webinars", 3), ==, 200000);
  /* Our January move stays, and their July months, which we did not touch. */
  g_assert_cmpint (planned (again->plan, "line-webinars", 0), ==, 150000);
  g_assert_cmpint (planned (again->plan, "line-webinars", 6), ==, 170000);
  g_assert_cmpstrv (pl_item_get_strv (get (again->plan, "line-webinars"), PL_BUDGET_LINE_CARRIED), ours_carried);
}

/* Random edits of the example plan, each a user's: whatever two people do, the merge breaks no
 * rule ours keeps, taking their side of any conflict neither, and neither side changes. */
static void
random_edit (PlPlan *plan, GRand *rand)
{
  PlCollection collection = g_rand_int_range (rand, 0, PL_N_COLLECTIONS);
  guint n = pl_plan_get_n (plan, collection);
  /* A few records each, so that the two sides meet. */
  g_autoptr(PlItem) item = n > 0 ? g_list_model_get_item (pl_plan_get_collection (plan, collection),
                                                          g_rand_int_range (rand, 0, MIN (n, 3))) : NULL;
  g_autoptr(PlItem) line = pl_plan_get_n (plan, PL_COLLECTION_LINES) > 0
    ? g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_LINES),
                             g_rand_int_range (rand, 0, MIN (pl_plan_get_n (plan, PL_COLLECTION_LINES), 3)))
    : NULL;
  g_autoptr(PlItem) campaign = pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS) > 0
    ? g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS),
                             g_rand_int_range (rand, 0, MIN (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), 3)))
    : NULL;
  g_autoptr(PlItem) kpi = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_KPIS),
                                                 g_rand_int_range (rand, 0, 3));

  switch (g_rand_int_range (rand, 0, 7))
    {
    case 0:
      if (item != NULL)
        pl_plan_remove (plan, item);
      break;
    case 1:
      if (item != NULL)
        {
          guint n_fields;
          const PlField *fields = pl_item_get_fields (item, &n_fields);
          guint f = g_rand_int_range (rand, 0, n_fields);
          g_autofree char *text = g_strdup_printf ("Text %u", g_rand_int_range (rand, 0, 3));

          if (fields[f].type == PL_FIELD_STRING || fields[f].type == PL_FIELD_TEXT)
            pl_plan_set_string (plan, item, f, text, NULL);
        }
      break;
    case 2:
      if (line != NULL)
        pl_plan_set_planned (plan, PL_BUDGET_LINE (line), g_rand_int_range (rand, 0, 12),
                             g_rand_int_range (rand, 0, 3000000), NULL);
      break;
    case 3:
      if (line != NULL && campaign != NULL)
        {
          g_autofree char *id = g_strdup_printf ("al-r%u", g_rand_int (rand));
          PlItem *allocation = g_object_new (PL_TYPE_ALLOCATION, NULL);

          pl_item_set_id (allocation, id);
          pl_item_set_string (allocation, PL_ALLOCATION_LINE, pl_item_get_id (line));
          pl_item_set_string (allocation, PL_ALLOCATION_CAMPAIGN, pl_item_get_id (campaign));
          pl_plan_add (plan, allocation);
          /* An allocation the line cannot pay is refused, as the window refuses it. */
          if (!pl_plan_set_int (plan, allocation, PL_ALLOCATION_AMOUNT, g_rand_int_range (rand, 1, 8000000), NULL))
            pl_plan_undo (plan);
          g_object_unref (allocation);
        }
      break;
    case 4:
      /* A KPI's target or measurement, or a campaign's result on one of the first links. */
      if (g_rand_int_range (rand, 0, 3) == 0 && pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGN_KPIS) > 0)
        {
          g_autoptr(PlItem) link = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS),
                                                          g_rand_int_range (rand, 0, MIN (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGN_KPIS), 3)));
          int value = g_rand_int_range (rand, -1, 3);

          pl_plan_set_result (plan, PL_CAMPAIGN_KPI (link), day (2027, g_rand_int_range (rand, 1, 13), 1),
                              value < 0 ? NAN : value, NULL);
        }
      else
        pl_plan_set_point (plan, PL_KPI (kpi), g_rand_boolean (rand) ? PL_SERIES_TARGETS : PL_SERIES_MEASUREMENTS,
                           day (2027, g_rand_int_range (rand, 1, 13), 1), g_rand_int_range (rand, 0, 3), NULL);
      break;
    case 5:
      {
        g_autofree char *id = g_strdup_printf ("cmp-r%u", g_rand_int (rand));
        g_autoptr(PlItem) segment = pl_plan_get_n (plan, PL_COLLECTION_SEGMENTS) > 0
          ? g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_SEGMENTS), 0) : NULL;
        PlItem *added = g_object_new (PL_TYPE_CAMPAIGN, NULL);

        pl_item_set_id (added, id);
        pl_item_set_string (added, PL_CAMPAIGN_NAME, id);
        if (segment != NULL)
          pl_item_set_string (added, PL_CAMPAIGN_SEGMENT, pl_item_get_id (segment));
        pl_plan_insert (plan, added, 0);
        g_object_unref (added);
      }
      break;
    default:
      if (item != NULL)
        pl_plan_move (plan, item, 0);
      break;
    }
}

/* The errors of @plan @ours does not have. */
static guint
count_new_errors (PlPlan *plan, PlPlan *ours)
{
  g_autoptr(GPtrArray) mine = pl_plan_validate (plan);
  g_autoptr(GPtrArray) theirs = pl_plan_validate (ours);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  for (guint i = 0; i < theirs->len; i++)
    {
      const PlProblem *problem = g_ptr_array_index (theirs, i);
      g_hash_table_add (known, g_strconcat (problem->id ? problem->id : "", "\n", problem->message, NULL));
    }
  for (guint i = 0; i < mine->len; i++)
    {
      const PlProblem *problem = g_ptr_array_index (mine, i);
      g_autofree char *key = g_strconcat (problem->id ? problem->id : "", "\n", problem->message, NULL);

      if (!problem->warning && !g_hash_table_contains (known, key))
        {
          g_printerr ("%s\n", key);
          n++;
        }
    }
  return n;
}

typedef void (*RandomEdit) (PlPlan *plan, GRand *rand);

/* Forty rounds of two people's random @edit of the example plan, merged; the kinds of conflict
 * met counted in @kinds. */
static void
merge_random (RandomEdit edit, guint32 seed, guint kinds[PL_MERGE_CONFLICT_RULE + 1])
{
  g_autoptr(PlPlan) example = load_example ();
  g_autoptr(GBytes) bytes = pl_plan_write_bytes (example);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint round = 0; round < 40; round++)
    {
      PlPlan *plans[3];
      g_autoptr(PlMergeResult) result = NULL;
      g_autoptr(GBytes) ours_bytes = NULL;
      g_autoptr(GBytes) theirs_bytes = NULL;

      for (guint i = 0; i < 3; i++)
        plans[i] = pl_plan_read_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "example.pilote",
                                       PL_READ_DEFAULT, NULL);
      for (guint e = 0; e < 6; e++)
        {
          edit (plans[1], rand);
          edit (plans[2], rand);
        }
      ours_bytes = snapshot (plans[1]);
      theirs_bytes = snapshot (plans[2]);
      result = pl_plan_merge (plans[0], plans[1], plans[2]);
      g_assert_cmpuint (count_new_errors (result->plan, plans[1]), ==, 0);
      for (guint c = 0; c < result->conflicts->len; c++)
        {
          g_autofree char *text = describe (result, c);

          g_assert_nonnull (text);
          kinds[conflict (result, c)->kind]++;
          pl_merge_result_take_theirs (result, conflict (result, c), NULL);
          g_assert_cmpuint (count_new_errors (result->plan, plans[1]), ==, 0);
        }
      assert_unchanged (plans[1], ours_bytes);
      assert_unchanged (plans[2], theirs_bytes);
      /* The window applies it to its plan, ours, as one edit that undo takes back. */
      pl_plan_update_to (plans[1], result->plan, "Merge");
      assert_same_plan (plans[1], result->plan);
      if (pl_plan_can_undo (plans[1]) && g_strcmp0 (pl_plan_get_undo_label (plans[1]), "Merge") == 0)
        {
          pl_plan_undo (plans[1]);
          assert_unchanged (plans[1], ours_bytes);
        }
      for (guint i = 0; i < 3; i++)
        g_object_unref (plans[i]);
    }
}

static void
test_random (void)
{
  guint kinds[PL_MERGE_CONFLICT_RULE + 1] = { 0 };

  merge_random (random_edit, 26, kinds);
  g_test_message ("conflicts: %u field, %u removed/changed, %u changed/removed, %u rule",
                  kinds[PL_MERGE_CONFLICT_FIELD], kinds[PL_MERGE_CONFLICT_REMOVED_CHANGED],
                  kinds[PL_MERGE_CONFLICT_CHANGED_REMOVED], kinds[PL_MERGE_CONFLICT_RULE]);
  /* The seed gives every kind. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    g_assert_cmpuint (kinds[k], >, 0);
}

/* A random edit of a part of a compound field: a month of a budget line, a section's
 * commentary, an answer, a skipped occurrence. */
static void
random_part_edit (PlPlan *plan, GRand *rand)
{
  static const char *lines[] = { "line-webinars", "line-summit", "line-linkedin" };
  static const char *sections[] = { "summary", "budget", "kpis" };
  static const char *questions[] = { "q-align-business-goals", "q-data-quality", "q-new-question" };
  g_autofree char *text = g_strdup_printf ("Note %u", g_rand_int_range (rand, 0, 3));

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      pl_plan_set_planned (plan, PL_BUDGET_LINE (get (plan, lines[g_rand_int_range (rand, 0, 3)])),
                           g_rand_int_range (rand, 0, 4), g_rand_int_range (rand, 0, 3) * 1000000, NULL);
      break;
    case 1:
      pl_report_set_commentary (plan, sections[g_rand_int_range (rand, 0, 3)], g_rand_boolean (rand) ? text : NULL, NULL);
      break;
    case 2:
      pl_plan_set_answer (plan, PL_ASSESSMENT (get (plan, "as-2026")), questions[g_rand_int_range (rand, 0, 3)],
                          g_rand_int_range (rand, -1, 6), NULL);
      break;
    default:
      {
        g_auto(GStrv) skip = pl_calendar_skip_occurrence (get (plan, "ent-monthly"),
                                                          day (2027, g_rand_int_range (rand, 1, 13), 28));

        pl_plan_set_strv (plan, get (plan, "ent-monthly"), PL_ENTRY_SKIP, (const char * const *) skip, NULL);
      }
      break;
    }
}

/* The same with parts of compound fields, which meet more often: conflicts on parts, each
 * taken back one part at a time, and rules the months break with the allocations. */
static void
test_random_parts (void)
{
  guint kinds[PL_MERGE_CONFLICT_RULE + 1] = { 0 };

  merge_random (random_part_edit, 25, kinds);
  g_test_message ("conflicts: %u field, %u rule", kinds[PL_MERGE_CONFLICT_FIELD], kinds[PL_MERGE_CONFLICT_RULE]);
  g_assert_cmpuint (kinds[PL_MERGE_CONFLICT_FIELD], >, 0);
  g_assert_cmpuint (kinds[PL_MERGE_CONFLICT_RULE], >, 0);
}

/* They removed a campaign, with its allocation and KPI links; we gave it another allocation:
 * the campaign comes back as ours, with what their removal took along. */
static void
test_rule_taken_along (Fixture *f, gconstpointer data)
{
  g_autoptr(PlMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;

  add_record (f->ours, PL_TYPE_ALLOCATION, "al-new", "line", "line-google", "campaign", "cmp-close-faster",
              "amount", "10", NULL);
  pl_plan_remove (f->theirs, get (f->theirs, "cmp-close-faster"));
  g_assert_null (pl_plan_lookup (f->theirs, "ck-1"));
  result = pl_plan_merge (f->base, f->ours, f->theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  g_assert_cmpint (conflict (result, 0)->kind, ==, PL_MERGE_CONFLICT_RULE);
  assert_same_plan (result->plan, f->ours);
  /* Their side breaks the rule again: refused, and nothing changes. */
  g_assert_false (pl_merge_result_take_theirs (result, conflict (result, 0), &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  assert_same_plan (result->plan, f->ours);
}

/* The window's merge: the open plan becomes the result as one edit, and undo takes it back. */
static void
test_update_to (void)
{
  g_autoptr(PlPlan) plan = load_example ();
  g_autoptr(PlPlan) before = load_example ();
  g_autoptr(PlPlan) target = load_example ();
  g_autoptr(PlItem) campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);

  set_string (target, "cmp-close-faster", PL_CAMPAIGN_NAME, "Renamed");
  pl_plan_remove (target, get (target, "line-translation"));
  pl_item_set_id (campaign, "cmp-new");
  pl_item_set_string (campaign, PL_CAMPAIGN_NAME, "New one");
  pl_plan_insert (target, campaign, 0);
  pl_plan_move (target, get (target, "line-seo"), 0);
  pl_plan_set_point (target, PL_KPI (get (target, "kpi-leads")), PL_SERIES_TARGETS, 2461407, 700, NULL);
  /* A campaign's result too, through the same undoable edit. */
  pl_plan_set_result (target, PL_CAMPAIGN_KPI (get (target, "ck-1")), day (2027, 12, 1), 42, "HubSpot");
  pl_plan_set_result (target, PL_CAMPAIGN_KPI (get (target, "ck-3")), day (2027, 11, 1), 7, NULL);

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
  g_test_add ("/merge/unchanged", Fixture, NULL, fixture_set_up, test_unchanged, fixture_tear_down);
  g_test_add ("/merge/fields-combine", Fixture, NULL, fixture_set_up, test_fields_combine, fixture_tear_down);
  g_test_add ("/merge/field-conflict", Fixture, NULL, fixture_set_up, test_field_conflict, fixture_tear_down);
  g_test_add ("/merge/removed-changed", Fixture, NULL, fixture_set_up, test_removed_changed, fixture_tear_down);
  g_test_add ("/merge/changed-removed", Fixture, NULL, fixture_set_up, test_changed_removed, fixture_tear_down);
  g_test_add ("/merge/changed-removed-entry", Fixture, NULL, fixture_set_up, test_changed_removed_entry,
              fixture_tear_down);
  g_test_add ("/merge/added-both", Fixture, NULL, fixture_set_up, test_added_both, fixture_tear_down);
  g_test_add ("/merge/added-order", Fixture, NULL, fixture_set_up, test_added_order, fixture_tear_down);
  g_test_add ("/merge/series", Fixture, NULL, fixture_set_up, test_series, fixture_tear_down);
  g_test_add ("/merge/results", Fixture, NULL, fixture_set_up, test_results, fixture_tear_down);
  g_test_add ("/merge/results-removed", Fixture, NULL, fixture_set_up, test_results_removed, fixture_tear_down);
  g_test_add ("/merge/rule-allocations", Fixture, NULL, fixture_set_up, test_rule_allocations, fixture_tear_down);
  g_test_add ("/merge/rule-removed-reference", Fixture, NULL, fixture_set_up, test_rule_removed_reference, fixture_tear_down);
  g_test_add ("/merge/rule-taken-along", Fixture, NULL, fixture_set_up, test_rule_taken_along, fixture_tear_down);
  g_test_add_func ("/merge/unknown-elements", test_unknown_elements);
  g_test_add_func ("/merge/settings-and-empty", test_settings_and_empty);
  g_test_add ("/merge/two-people", Fixture, NULL, fixture_set_up, test_two_people, fixture_tear_down);
  g_test_add ("/merge/parts/amounts", Fixture, NULL, fixture_set_up, test_parts_amounts, fixture_tear_down);
  g_test_add_func ("/merge/parts/amounts-period", test_parts_amounts_period);
  g_test_add ("/merge/parts/amounts-rule", Fixture, NULL, fixture_set_up, test_parts_amounts_rule, fixture_tear_down);
  g_test_add ("/merge/parts/commentary", Fixture, NULL, fixture_set_up, test_parts_commentary, fixture_tear_down);
  g_test_add ("/merge/parts/assumptions", Fixture, NULL, fixture_set_up, test_parts_assumptions, fixture_tear_down);
  g_test_add ("/merge/parts/answers", Fixture, NULL, fixture_set_up, test_parts_answers, fixture_tear_down);
  g_test_add ("/merge/parts/occurrences", Fixture, NULL, fixture_set_up, test_parts_occurrences, fixture_tear_down);
  g_test_add ("/merge/parts/carried", Fixture, NULL, fixture_set_up, test_parts_carried, fixture_tear_down);
  g_test_add_func ("/merge/random", test_random);
  g_test_add_func ("/merge/random-parts", test_random_parts);
  g_test_add_func ("/merge/update-to", test_update_to);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Comparing two plans (issue 24): each kind of change is found once, matched by ID, in the
 * words and values the user reads, grouped by page; the example plan against itself is empty. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "pl-budget-totals.h"
#include "pl-enums.h"
#include "pl-i18n.h"
#include "pl-plan-diff.h"
#include "pl-plan-file.h"
#include "pl-plan-reader.h"

static PlPlan *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static PlPlan *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  return load (path);
}

static PlPlan *
load_data (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", "diff", name, NULL);
  return load (path);
}

static const PlRecordChange *
find_record (const PlPlanDiff *diff, const char *id)
{
  for (guint i = 0; i < diff->records->len; i++)
    {
      const PlRecordChange *change = g_ptr_array_index (diff->records, i);
      if (g_strcmp0 (change->id, id) == 0)
        return change;
    }
  return NULL;
}

static const PlFieldChange *
find_field (const PlRecordChange *change, const char *name)
{
  for (guint i = 0; i < change->fields->len; i++)
    {
      const PlFieldChange *field = g_ptr_array_index (change->fields, i);
      if (strcmp (field->name, name) == 0)
        return field;
    }
  return NULL;
}

static void
dump (const PlPlanDiff *diff)
{
  for (guint i = 0; i < diff->records->len; i++)
    {
      g_autofree char *text = pl_record_change_describe (g_ptr_array_index (diff->records, i));
      g_test_message ("%s", text);
    }
}

static void
test_example_same (void)
{
  g_autoptr(PlPlan) a = load_example ();
  g_autoptr(PlPlan) b = load_example ();
  g_autoptr(PlPlanDiff) diff = pl_plan_diff (a, b);
  g_autoptr(PlPlanDiff) self = pl_plan_diff (a, a);
  g_autofree char *summary = pl_plan_diff_summary (diff);

  dump (diff);
  g_assert_true (pl_plan_diff_is_empty (diff));
  g_assert_true (pl_plan_diff_is_empty (self));
  g_assert_cmpuint (diff->n_added + diff->n_removed + diff->n_changed, ==, 0);
  g_assert_cmpstr (summary, ==, "The plans are the same.");
}

static void
test_default_same (void)
{
  g_autoptr(PlPlan) a = pl_plan_new_default ("Plan");
  g_autoptr(PlPlanDiff) diff = pl_plan_diff (a, a);

  g_assert_true (pl_plan_diff_is_empty (diff));
}

/* A rename is one change of the record, not a removal and an addition. */
static void
test_renamed (void)
{
  g_autoptr(PlPlan) a = load_example ();
  g_autoptr(PlPlan) b = load_example ();
  PlItem *campaign = pl_plan_lookup (b, "cmp-search");
  g_autoptr(PlPlanDiff) diff = NULL;
  const PlRecordChange *change;
  const PlFieldChange *field;
  g_autofree char *text = NULL;

  pl_item_set_string (campaign, PL_CAMPAIGN_NAME, "Search – always on");
  diff = pl_plan_diff (a, b);
  dump (diff);
  g_assert_cmpuint (diff->records->len, ==, 1);
  g_assert_cmpuint (diff->n_changed, ==, 1);
  g_assert_cmpuint (diff->n_added + diff->n_removed, ==, 0);
  change = find_record (diff, "cmp-search");
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, PL_DIFF_CHANGED);
  g_assert_cmpint (change->page, ==, PL_DIFF_PAGE_CAMPAIGNS);
  g_assert_cmpint (change->collection, ==, PL_COLLECTION_CAMPAIGNS);
  g_assert_cmpstr (change->name, ==, "Search – always on");
  g_assert_cmpstr (change->noun, ==, "campaign");
  g_assert_true (change->old_item == pl_plan_lookup (a, "cmp-search"));
  g_assert_true (change->new_item == campaign);
  g_assert_cmpuint (change->fields->len, ==, 1);
  field = find_field (change, "name");
  g_assert_cmpint (field->field, ==, PL_CAMPAIGN_NAME);
  g_assert_cmpstr (field->label, ==, "Name");
  g_assert_cmpstr (field->new_text, ==, "Search – always on");
  g_assert_true (pl_plan_diff_is_empty (diff) == FALSE);
  g_assert_cmpuint (diff->budget->len, ==, 0);
  text = pl_record_change_describe (change);
  g_assert_cmpstr (text, ==, "Campaign “Search – always on”: Name: Always-on search → Search – always on");
}

/* Added and removed records, where they stand; a budget line moved to another category is a
 * change of its category, by name, and the budget by category shows the move. */
static void
test_added_removed_moved (void)
{
  g_autoptr(PlPlan) a = load_example ();
  g_autoptr(PlPlan) b = load_example ();
  PlItem *line = pl_plan_lookup (b, "line-webinars");
  PlItem *campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
  g_autoptr(PlPlanDiff) diff = NULL;
  const PlRecordChange *change;
  const PlFieldChange *field;
  g_autofree char *added = NULL, *removed = NULL;
  guint n_budget;

  pl_item_set_id (campaign, "cmp-new");
  pl_item_set_string (campaign, PL_CAMPAIGN_NAME, "Spring webinar");
  pl_plan_add (b, campaign);
  g_object_unref (campaign);
  pl_plan_remove (b, pl_plan_lookup (b, "cmp-seo-hub"));
  pl_item_set_string (line, PL_BUDGET_LINE_CATEGORY, "cat-digital");

  diff = pl_plan_diff (a, b);
  dump (diff);
  change = find_record (diff, "cmp-new");
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, PL_DIFF_ADDED);
  g_assert_null (change->old_item);
  added = pl_record_change_describe (change);
  g_assert_cmpstr (added, ==, "Campaign “Spring webinar” added");
  change = find_record (diff, "cmp-seo-hub");
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, PL_DIFF_REMOVED);
  g_assert_null (change->new_item);
  g_assert_cmpstr (change->name, ==, pl_item_get_display_name (change->old_item));
  removed = pl_record_change_describe (change);
  g_assert_true (g_str_has_suffix (removed, "” removed"));

  change = find_record (diff, "line-webinars");
  g_assert_nonnull (change);
  g_assert_cmpint (change->page, ==, PL_DIFF_PAGE_BUDGET);
  field = find_field (change, "category");
  g_assert_nonnull (field);
  g_assert_cmpstr (field->old_text, ==, "Event management");
  g_assert_cmpstr (field->new_text, ==, "Digital marketing");

  /* Grouped by page: campaigns before the budget. */
  for (guint i = 1; i < diff->records->len; i++)
    g_assert_cmpint (((PlRecordChange *) diff->records->pdata[i - 1])->page, <=,
                     ((PlRecordChange *) diff->records->pdata[i])->page);

  /* Events lost the line, digital gained it; the whole plan kept its total. */
  n_budget = diff->budget->len;
  g_assert_cmpuint (n_budget, ==, 2);
  {
    const PlBudgetChange *digital = g_ptr_array_index (diff->budget, 0);
    const PlBudgetChange *events = g_ptr_array_index (diff->budget, 1);
    g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (b);

    g_assert_cmpstr (digital->category_id, ==, "cat-digital");
    g_assert_cmpstr (events->category_id, ==, "cat-events");
    g_assert_cmpint (digital->new_planned - digital->old_planned, ==, events->old_planned - events->new_planned);
    g_assert_cmpint (digital->new_planned, ==, pl_budget_totals_planned (totals, pl_plan_lookup (b, "cat-digital"), -1));
  }
}

static const PlFieldChange *
find_field_of (const PlPlanDiff *diff, const char *id, const char *name)
{
  const PlRecordChange *change = find_record (diff, id);

  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, PL_DIFF_CHANGED);
  return find_field (change, name);
}

static const PlFieldChange *
find_target (const PlRecordChange *change, const char *label)
{
  for (guint i = 0; i < change->fields->len; i++)
    {
      const PlFieldChange *field = g_ptr_array_index (change->fields, i);
      if (field->field == PL_DIFF_FIELD_TARGETS && strcmp (field->label, label) == 0)
        return field;
    }
  return NULL;
}

/* The pair of tests/data/diff: every kind of change at once, each found once. */
static void
test_pair (void)
{
  g_autoptr(PlPlan) a = load_data ("base.pilote");
  g_autoptr(PlPlan) b = load_data ("changed.pilote");
  g_autoptr(PlPlanDiff) diff = pl_plan_diff (a, b);
  g_autofree char *summary = pl_plan_diff_summary (diff);
  const PlRecordChange *change;
  const PlFieldChange *field;
  static const char *order[] = {
    NULL, "mem-cara", "cmp-webinar", "cmp-search", "cmp-summit", "cmp-launch", "cat-content",
    "line-webinars", "line-summit", "al-2", "sp-3", "kpi-leads",
  };

  dump (diff);
  g_assert_cmpstr (summary, ==, "4 records added, 2 records removed, 6 records changed.");
  g_assert_cmpuint (diff->records->len, ==, G_N_ELEMENTS (order));
  /* By page, then in the new plan's order, a removed record where it stood. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (((PlRecordChange *) diff->records->pdata[i])->id, ==, order[i]);

  /* The plan's settings: one record, on the Plan page. */
  change = g_ptr_array_index (diff->records, 0);
  g_assert_cmpint (change->collection, ==, PL_COLLECTION_NONE);
  g_assert_cmpint (change->page, ==, PL_DIFF_PAGE_PLAN);
  field = find_field (change, "title");
  g_assert_cmpstr (field->old_text, ==, "Acme – Marketing plan 2027");
  g_assert_cmpstr (field->new_text, ==, "Acme – Marketing plan 2027 (CFO review)");

  /* Targets one per period, in the KPI's unit; measurements summed up. */
  change = find_record (diff, "kpi-leads");
  g_assert_cmpint (change->page, ==, PL_DIFF_PAGE_KPIS);
  field = find_target (change, "Target for March 2027");
  g_assert_nonnull (field);
  g_assert_cmpstr (field->old_text, ==, "450");
  g_assert_cmpstr (field->new_text, ==, "480");
  field = find_target (change, "Target for April 2027");
  g_assert_nonnull (field);
  g_assert_cmpstr (field->old_text, ==, "");
  g_assert_cmpstr (field->new_text, ==, "500");
  g_assert_null (find_target (change, "Target for January 2027"));
  field = find_field (change, "measurements");
  g_assert_cmpint (field->field, ==, PL_DIFF_FIELD_MEASUREMENTS);
  g_assert_cmpstr (field->old_text, ==, "2 values");
  g_assert_cmpstr (field->new_text, ==, "3 values (1 added, 0 removed, 1 changed)");

  /* Moved between categories, by name; the option by its label; the amounts by their total. */
  field = find_field_of (diff, "line-webinars", "category");
  g_assert_cmpstr (field->old_text, ==, "Events");
  g_assert_cmpstr (field->new_text, ==, "Digital marketing");
  field = find_field_of (diff, "line-webinars", "approval");
  g_assert_cmpstr (field->old_text, ==, "Draft");
  g_assert_cmpstr (field->new_text, ==, "Approved");
  field = find_field_of (diff, "line-webinars", "planned");
  g_assert_cmpstr (field->label, ==, "Planned amounts");
  g_assert_cmpstr (field->old_text, ==, "5\u202f000.00");
  g_assert_cmpstr (field->new_text, ==, "6\u202f500.00");
  field = find_field_of (diff, "al-2", "amount");
  g_assert_cmpstr (field->new_text, ==, "6\u202f500.00");

  /* Renamed: one change; reordered: the one record that changed place, not those it shifted. */
  field = find_field_of (diff, "cmp-search", "name");
  g_assert_cmpstr (field->new_text, ==, "Search – always on");
  g_assert_null (find_field_of (diff, "cmp-search", "position"));
  field = find_field_of (diff, "cmp-webinar", "position");
  g_assert_cmpint (field->field, ==, PL_DIFF_FIELD_POSITION);
  g_assert_cmpstr (field->old_text, ==, "2");
  g_assert_cmpstr (field->new_text, ==, "1");

  /* The budget by category as the budget page sums it, then the whole plan. */
  g_assert_cmpuint (diff->budget->len, ==, 3);
  {
    const PlBudgetChange *digital = g_ptr_array_index (diff->budget, 0);
    const PlBudgetChange *events = g_ptr_array_index (diff->budget, 1);
    const PlBudgetChange *whole = g_ptr_array_index (diff->budget, 2);

    g_assert_cmpstr (digital->name, ==, "Digital marketing");
    g_assert_cmpint (digital->old_planned, ==, 3200000);
    g_assert_cmpint (digital->new_planned, ==, 3850000);
    g_assert_cmpint (digital->old_actual, ==, 1995000);
    g_assert_cmpint (digital->new_actual, ==, 2115000);
    g_assert_cmpstr (events->category_id, ==, "cat-events");
    g_assert_cmpint (events->old_planned, ==, 3500000);
    g_assert_cmpint (events->new_planned, ==, 0);
    g_assert_null (whole->category_id);
    g_assert_cmpstr (whole->name, ==, "Whole plan");
    g_assert_cmpint (whole->old_planned, ==, 6700000);
    g_assert_cmpint (whole->new_planned, ==, 3850000);
  }

  /* The other way round: additions and removals swap. */
  {
    g_autoptr(PlPlanDiff) back = pl_plan_diff (b, a);

    g_assert_cmpuint (back->n_added, ==, diff->n_removed);
    g_assert_cmpuint (back->n_removed, ==, diff->n_added);
    /* Of two records that swapped places either one moved: here the renamed one, which is a
     * change already. */
    g_assert_cmpuint (back->n_changed, ==, diff->n_changed - 1);
  }
}

/* What a newer version wrote and this one does not know is compared as text: on a record, and
 * at the root, on the side that has it. */
static void
test_unknown_elements (void)
{
  g_autoptr(PlPlan) a = load_data ("base.pilote");
  g_autoptr(PlPlan) b = load_data ("newer.pilote");
  g_autoptr(PlPlanDiff) diff = pl_plan_diff (a, b);
  g_autoptr(PlPlanDiff) same = pl_plan_diff (b, b);
  const PlFieldChange *field;
  const PlRecordChange *settings;

  dump (diff);
  g_assert_true (pl_plan_diff_is_empty (same));
  g_assert_cmpuint (diff->n_changed, ==, 2);
  g_assert_cmpuint (diff->n_added + diff->n_removed, ==, 0);
  field = find_field_of (diff, "cmp-search", "extras");
  g_assert_cmpint (field->field, ==, PL_DIFF_FIELD_EXTRAS);
  g_assert_cmpstr (field->old_text, ==, "");
  g_assert_nonnull (strstr (field->new_text, "priority=\"high\""));
  g_assert_nonnull (strstr (field->new_text, "12000</audience-size>"));
  settings = g_ptr_array_index (diff->records, 0);
  g_assert_cmpint (settings->collection, ==, PL_COLLECTION_NONE);
  field = find_field (settings, "extras");
  g_assert_nonnull (field);
  g_assert_cmpstr (field->label, ==, "Unknown elements in <plan>");
  g_assert_nonnull (strstr (field->new_text, "<partners"));
}

/* Planned amounts moved between months keep their total: the months that changed show it. */
static void
test_amounts_moved (void)
{
  g_autoptr(PlPlan) a = load_data ("base.pilote");
  g_autoptr(PlPlan) b = load_data ("base.pilote");
  PlItem *line = pl_plan_lookup (b, "line-webinars");
  gint64 amounts[12] = { 0, 0, 200000, 300000 };
  g_autoptr(PlPlanDiff) diff = NULL;
  const PlFieldChange *field;

  pl_item_set_variant (line, PL_BUDGET_LINE_PLANNED,
                       g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, amounts, 12, sizeof (gint64)));
  diff = pl_plan_diff (a, b);
  dump (diff);
  field = find_field_of (diff, "line-webinars", "planned");
  g_assert_cmpstr (field->old_text, ==, "March 2027 5\u202f000.00; April 2027 0.00");
  g_assert_cmpstr (field->new_text, ==, "March 2027 2\u202f000.00; April 2027 3\u202f000.00");
  /* The category's total did not change: no budget line in the table. */
  g_assert_cmpuint (diff->budget->len, ==, 0);
}

/* Each kind of value as the user reads it: a yes or no, a day with its month's name, a month,
 * a number grouped. */
static void
test_reading_texts (void)
{
  g_autoptr(PlPlan) a = load_data ("base.pilote");
  g_autoptr(PlPlan) b = load_data ("base.pilote");
  PlItem *metadata = PL_ITEM (pl_plan_get_metadata (b));
  GDate day;
  g_autoptr(PlPlanDiff) diff = NULL;
  const PlFieldChange *field;
  const PlRecordChange *settings;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 31, G_DATE_JANUARY, 2028);
  pl_item_set_int (pl_plan_lookup (b, "kpi-leads"), PL_KPI_DASHBOARD, FALSE);
  pl_item_set_julian (pl_plan_lookup (b, "cmp-search"), PL_CAMPAIGN_END, g_date_get_julian (&day));
  pl_item_set_string (pl_plan_lookup (b, "cmp-search"), PL_CAMPAIGN_OWNER, NULL);
  g_date_set_dmy (&day, 1, G_DATE_APRIL, 2027);
  pl_item_set_julian (metadata, PL_METADATA_START, g_date_get_julian (&day));
  pl_item_set_int (metadata, PL_METADATA_MONTHS, 1200);
  pl_item_set_strv (metadata, PL_METADATA_HEADLINES, (const char *[]) { "kpi-leads", "kpi-gone", NULL });
  diff = pl_plan_diff (a, b);
  dump (diff);

  field = find_field_of (diff, "kpi-leads", "dashboard");
  g_assert_cmpstr (field->old_text, ==, "Yes");
  g_assert_cmpstr (field->new_text, ==, "No");
  field = find_field_of (diff, "cmp-search", "end");
  g_assert_cmpstr (field->label, ==, "End date");
  g_assert_cmpstr (field->old_text, ==, "31 Dec 2027");
  g_assert_cmpstr (field->new_text, ==, "31 Jan 2028");
  field = find_field_of (diff, "cmp-search", "owner");
  g_assert_cmpstr (field->old_text, ==, "Ben Okafor");
  g_assert_cmpstr (field->new_text, ==, "");
  settings = g_ptr_array_index (diff->records, 0);
  g_assert_null (settings->id);
  field = find_field (settings, "start");
  g_assert_cmpstr (field->old_text, ==, "January 2027");
  g_assert_cmpstr (field->new_text, ==, "April 2027");
  field = find_field (settings, "months");
  g_assert_cmpstr (field->new_text, ==, "1\u202f200");
  /* The board pack's headline figures: KPIs by their names, not their IDs. */
  field = find_field (settings, "headline");
  g_assert_cmpstr (field->old_text, ==, "");
  g_assert_cmpstr (field->new_text, ==, "Leads; kpi-gone");
}

/* Two answers of thirty changed, one unanswered: the answers that differ, each with its score,
 * not thirty pairs in GVariant's notation. */
static void
test_answers (void)
{
  g_autoptr(PlPlan) a = load_example ();
  g_autoptr(PlPlan) b = load_example ();
  PlItem *round = pl_plan_lookup (b, "as-2027");
  GVariant *answers = pl_item_get_variant (round, PL_ASSESSMENT_ANSWERS);
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a(sy)"));
  g_autoptr(PlPlanDiff) diff = NULL;
  const PlFieldChange *field;

  for (gsize i = 0; i < g_variant_n_children (answers); i++)
    {
      const char *id;
      guchar score;

      g_variant_get_child (answers, i, "(&sy)", &id, &score);
      if (strcmp (id, "q-models-mix") == 0)
        continue;
      if (strcmp (id, "q-data-quality") == 0)
        score = 1;
      g_variant_builder_add (&builder, "(sy)", id, score);
    }
  g_variant_builder_add (&builder, "(sy)", "q-zz-new", 4);
  pl_item_set_variant (round, PL_ASSESSMENT_ANSWERS, g_variant_builder_end (&builder));
  diff = pl_plan_diff (a, b);
  dump (diff);
  field = find_field_of (diff, "as-2027", "answers");
  g_assert_cmpstr (field->old_text, ==, "q-data-quality 3; q-models-mix 2; q-zz-new —");
  g_assert_cmpstr (field->new_text, ==, "q-data-quality 1; q-models-mix —; q-zz-new 4");
}

/* A record put first shifts every other one down a place: that is one addition, not a move of
 * each; a record moved to the end is one move. */
static void
test_reordered (void)
{
  g_autoptr(PlPlan) a = load_example ();
  g_autoptr(PlPlan) b = load_example ();
  PlItem *campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
  PlItem *first = g_list_model_get_item (pl_plan_get_collection (b, PL_COLLECTION_CAMPAIGNS), 0);
  g_autoptr(PlPlanDiff) diff = NULL;
  const PlRecordChange *change;
  const PlFieldChange *field;
  guint n = pl_plan_get_n (b, PL_COLLECTION_CAMPAIGNS);

  pl_item_set_string (campaign, PL_CAMPAIGN_NAME, "Top of the list");
  pl_plan_insert (b, campaign, 0);
  g_object_unref (campaign);
  pl_plan_move (b, first, n);
  diff = pl_plan_diff (a, b);
  dump (diff);
  g_assert_cmpuint (diff->n_added, ==, 1);
  g_assert_cmpuint (diff->n_changed, ==, 1);
  g_assert_cmpuint (diff->n_removed, ==, 0);
  change = g_ptr_array_index (diff->records, 0);
  g_assert_cmpint (change->kind, ==, PL_DIFF_ADDED);
  change = find_record (diff, pl_item_get_id (first));
  field = find_field (change, "position");
  g_assert_cmpstr (field->old_text, ==, "1");
  g_assert_cmpstr (field->new_text, ==, "14");
  g_object_unref (first);
}

/* A collection empty on one side: all added, or all removed. */
static void
test_empty_side (void)
{
  g_autoptr(PlPlan) a = pl_plan_new ();
  g_autoptr(PlPlan) b = load_data ("base.pilote");
  g_autoptr(PlPlanDiff) diff = pl_plan_diff (a, b);
  g_autoptr(PlPlanDiff) back = pl_plan_diff (b, a);
  guint n = 0;

  for (PlCollection c = 0; c < PL_N_COLLECTIONS; c++)
    n += pl_plan_get_n (b, c);
  g_assert_cmpuint (diff->n_added, ==, n);
  g_assert_cmpuint (diff->n_removed, ==, 0);
  g_assert_cmpuint (back->n_removed, ==, n);
  g_assert_cmpuint (back->n_added, ==, 0);
}

/* Numbers in the user's locale: French groups by a narrow no-break space and puts a comma. */
static void
test_french (void)
{
  g_autoptr(PlPlan) a = NULL;
  g_autoptr(PlPlan) b = NULL;
  g_autoptr(PlPlanDiff) diff = NULL;
  const PlFieldChange *field;
  g_autofree char *summary = NULL;

  g_setenv ("LANGUAGE", "fr", TRUE);
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is missing: run tools/install-deps");
      return;
    }
  a = load_data ("base.pilote");
  b = load_data ("changed.pilote");
  {
    PlItem *metadata = PL_ITEM (pl_plan_get_metadata (b));
    GVariant *commentary = g_variant_new_parsed ("[('budget', 'Sous le plan'), ('summary', 'Bien')]");

    pl_item_set_strv (metadata, PL_METADATA_HEADLINES, (const char *[]) { "kpi-leads", "kpi-gone", NULL });
    pl_item_set_variant (metadata, PL_METADATA_COMMENTARY, commentary);
  }
  diff = pl_plan_diff (a, b);
  /* Lists and pairs as French writes them: a narrow no-break space before ";" and ":". */
  field = find_field_of (diff, NULL, "headline");
  g_assert_cmpstr (field->new_text, ==, "Leads\u202f; kpi-gone");
  field = find_field_of (diff, NULL, "commentary");
  g_assert_cmpstr (field->new_text, ==, "budget\u202f: Sous le plan\u202f; summary\u202f: Bien");
  field = find_field_of (diff, "line-webinars", "planned");
  g_assert_cmpstr (field->old_text, ==, "5\u202f000,00");
  g_assert_cmpstr (field->new_text, ==, "6\u202f500,00");
  field = find_field_of (diff, "line-webinars", "approval");
  g_assert_cmpstr (field->new_text, ==, "Approuvé");
  summary = pl_plan_diff_summary (diff);
  g_assert_cmpstr (summary, ==, "4 éléments ajoutés, 2 éléments supprimés, 6 éléments modifiés.");
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
}

/* A campaign's results on a KPI (format 1.5) are summed up as a KPI's measurements, the link
 * named by its campaign and its KPI; the campaign's code is a field as any other. */
static void
test_results (void)
{
  g_autoptr(PlPlan) a = load_data ("results-base.pilote");
  g_autoptr(PlPlan) b = load_data ("results-changed.pilote");
  g_autoptr(PlPlanDiff) diff = pl_plan_diff (a, b);
  g_autoptr(PlPlanDiff) same = pl_plan_diff (a, a);
  const PlRecordChange *change;
  const PlFieldChange *field;
  g_autofree char *heading = NULL, *text = NULL, *moved = NULL, *added = NULL, *code = NULL;

  dump (diff);
  g_assert_true (pl_plan_diff_is_empty (same));
  g_assert_cmpuint (diff->n_changed, ==, 5);
  g_assert_cmpuint (diff->n_added + diff->n_removed, ==, 0);

  change = find_record (diff, "ck-webinar-leads");
  g_assert_nonnull (change);
  g_assert_cmpint (change->page, ==, PL_DIFF_PAGE_CAMPAIGNS);
  g_assert_cmpint (change->collection, ==, PL_COLLECTION_CAMPAIGN_KPIS);
  g_assert_cmpstr (change->name, ==, "Spring webinar → Leads");
  g_assert_cmpuint (change->fields->len, ==, 1);
  field = find_field (change, "results");
  g_assert_cmpint (field->field, ==, PL_DIFF_FIELD_RESULTS);
  g_assert_cmpstr (field->label, ==, "Results");
  g_assert_cmpstr (field->old_text, ==, "3 months");
  g_assert_cmpstr (field->new_text, ==, "4 months (1 added, 0 removed, 1 changed)");
  heading = pl_record_change_heading (change);
  g_assert_cmpstr (heading, ==, "Campaign “Spring webinar” → Leads");
  text = pl_record_change_describe (change);
  g_assert_cmpstr (text, ==, "Campaign “Spring webinar” → Leads: Results: 3 months → 4 months "
                             "(1 added, 0 removed, 1 changed)");

  /* A month moved is one removed and one added; a first result on a link. */
  moved = pl_record_change_describe (find_record (diff, "ck-search-leads"));
  g_assert_cmpstr (moved, ==, "Campaign “Always-on search” → Leads: Results: 1 month → 1 month "
                              "(1 added, 1 removed, 0 changed)");
  added = pl_record_change_describe (find_record (diff, "ck-webinar-bookings"));
  g_assert_cmpstr (added, ==, "Campaign “Spring webinar” → New bookings: Results: 0 months → 1 month "
                              "(1 added, 0 removed, 0 changed)");

  /* The code, changed and set. */
  field = find_field_of (diff, "cmp-webinar", "code");
  g_assert_cmpint (field->field, ==, PL_CAMPAIGN_CODE);
  g_assert_cmpstr (field->old_text, ==, "spring-webinar-2027");
  g_assert_cmpstr (field->new_text, ==, "spring-webinars-2027");
  code = pl_record_change_describe (find_record (diff, "cmp-search"));
  g_assert_cmpstr (code, ==, "Campaign “Always-on search”: Campaign code: — → search-always-on");
}

int
main (int argc, char **argv)
{
  pl_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  /* First: GLib decides at its first translation whether the program is translated. */
  g_test_add_func ("/plan-diff/french", test_french);
  g_test_add_func ("/plan-diff/pair", test_pair);
  g_test_add_func ("/plan-diff/results", test_results);
  g_test_add_func ("/plan-diff/unknown-elements", test_unknown_elements);
  g_test_add_func ("/plan-diff/empty-side", test_empty_side);
  g_test_add_func ("/plan-diff/amounts-moved", test_amounts_moved);
  g_test_add_func ("/plan-diff/reading-texts", test_reading_texts);
  g_test_add_func ("/plan-diff/reordered", test_reordered);
  g_test_add_func ("/plan-diff/answers", test_answers);
  g_test_add_func ("/plan-diff/example-same", test_example_same);
  g_test_add_func ("/plan-diff/default-same", test_default_same);
  g_test_add_func ("/plan-diff/renamed", test_renamed);
  g_test_add_func ("/plan-diff/added-removed-moved", test_added_removed_moved);
  return g_test_run ();
}

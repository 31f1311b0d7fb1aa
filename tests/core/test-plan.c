/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The model's rules: IDs, edits refused with a reason, undo and redo, the modified state. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pl-budget-totals.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-figures.h"
#include "pl-money.h"
#include "pl-plan.h"
#include "pl-plan-validate.h"
#include "pl-plan-state.h"

static PlItem *
add_campaign (PlPlan *plan, const char *name)
{
  PlItem *campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);

  pl_item_set_string (campaign, PL_CAMPAIGN_NAME, name);
  pl_plan_add (plan, campaign);
  g_object_unref (campaign);
  return campaign;
}

static void
test_default_plan (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default ("Plan 2027");

  g_assert_cmpstr (pl_plan_get_title (plan), ==, "Plan 2027");
  g_assert_cmpstr (pl_plan_get_currency (plan), ==, "EUR");
  g_assert_cmpuint (pl_plan_get_months (plan), ==, 12);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CATEGORIES), ==, 10);
  g_assert_nonnull (pl_plan_lookup (plan, "kpi-leads"));
  g_assert_true (PL_IS_KPI (pl_plan_lookup (plan, "kpi-ltv-cac")));
  g_assert_false (pl_plan_get_modified (plan));
  g_assert_false (pl_plan_can_undo (plan));
}

static void
test_ids (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *a = add_campaign (plan, "A");
  PlItem *b = add_campaign (plan, "B");
  g_autoptr(PlItem) c = g_object_new (PL_TYPE_CAMPAIGN, NULL);

  g_assert_nonnull (pl_item_get_id (a));
  g_assert_cmpstr (pl_item_get_id (a), !=, pl_item_get_id (b));
  g_assert_true (pl_plan_lookup (plan, pl_item_get_id (a)) == a);
  /* A record arriving with an ID already taken gets a fresh one. */
  pl_item_set_id (c, pl_item_get_id (a));
  pl_item_set_string (c, PL_CAMPAIGN_NAME, "C");
  pl_plan_add (plan, c);
  g_assert_cmpstr (pl_item_get_id (c), !=, pl_item_get_id (a));
  g_assert_true (pl_plan_lookup (plan, pl_item_get_id (a)) == a);
}

static void
test_refused_edits (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  PlItem *campaign = add_campaign (plan, "Webinars");
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (plan));
  g_autoptr(PlItem) tool = g_object_new (PL_TYPE_TOOL, NULL);
  g_autoptr(GError) error = NULL;
  guint64 serial;

  pl_item_set_string (tool, PL_TOOL_NAME, "CRM");
  pl_plan_add (plan, tool);
  serial = pl_plan_get_serial (plan);

  g_assert_false (pl_plan_set_string (plan, campaign, PL_CAMPAIGN_NAME, "   ", &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "Every campaign needs a name.");
  g_clear_error (&error);

  g_assert_false (pl_plan_set_string (plan, campaign, PL_CAMPAIGN_SEGMENT, "seg-none", &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A reference to a record of the wrong kind is refused too. */
  g_assert_false (pl_plan_set_string (plan, campaign, PL_CAMPAIGN_OWNER, "kpi-leads", &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (pl_plan_set_int (plan, tool, PL_TOOL_COST, -100, &error));
  g_assert_cmpstr (error->message, ==, "The annual cost of the martech tool “CRM” cannot be negative.");
  g_clear_error (&error);

  g_assert_false (pl_plan_set_int (plan, meta, PL_METADATA_MONTHS, 7, &error));
  g_clear_error (&error);
  g_assert_false (pl_plan_set_string (plan, meta, PL_METADATA_CURRENCY, "euro", &error));
  g_clear_error (&error);
  g_assert_false (pl_plan_set_int (plan, campaign, PL_CAMPAIGN_STATUS, 42, &error));
  g_clear_error (&error);

  /* Nothing refused changed the plan or the undo stack. */
  g_assert_cmpuint (pl_plan_get_serial (plan), ==, serial);
  g_assert_cmpstr (pl_item_get_string (campaign, PL_CAMPAIGN_NAME), ==, "Webinars");
  g_assert_cmpint (pl_item_get_int (meta, PL_METADATA_MONTHS), ==, 12);
}

static void
test_chain_loop_refused (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  g_autoptr(PlItem) link = g_object_new (PL_TYPE_KPI_LINK, NULL);
  g_autoptr(GError) error = NULL;

  pl_item_set_string (link, PL_KPI_LINK_UPSTREAM, "kpi-leads");
  pl_item_set_string (link, PL_KPI_LINK_DOWNSTREAM, "kpi-mql");
  pl_plan_add (plan, link);
  /* revenue is downstream of leads: revenue -> leads would close a loop. */
  g_assert_true (pl_plan_set_string (plan, link, PL_KPI_LINK_DOWNSTREAM, "kpi-sql", &error));
  g_assert_false (pl_plan_set_string (plan, link, PL_KPI_LINK_UPSTREAM, "kpi-revenue", &error));
  g_assert_cmpstr (error->message, ==, "This link would make a loop in the KPI chain.");
}

/* A plan restored from a recovery file: modified from the start, and undo never makes it
 * look saved; saving it does. */
static void
test_mark_unsaved (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (plan));

  pl_plan_mark_unsaved (plan);
  g_assert_true (pl_plan_get_modified (plan));
  g_assert_false (pl_plan_can_undo (plan));
  g_assert_true (pl_plan_set_string (plan, meta, PL_METADATA_TITLE, "Plan A", NULL));
  g_assert_true (pl_plan_undo (plan));
  g_assert_true (pl_plan_get_modified (plan));
  pl_plan_mark_saved (plan);
  g_assert_false (pl_plan_get_modified (plan));
}

static void
test_undo_redo_modified (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (plan));
  PlItem *campaign;

  g_assert_false (pl_plan_get_modified (plan));
  g_assert_true (pl_plan_set_string (plan, meta, PL_METADATA_TITLE, "Plan A", NULL));
  g_assert_true (pl_plan_get_modified (plan));
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Change title");
  pl_plan_mark_saved (plan);
  g_assert_false (pl_plan_get_modified (plan));

  g_assert_true (pl_plan_set_string (plan, meta, PL_METADATA_TITLE, "Plan B", NULL));
  g_assert_true (pl_plan_get_modified (plan));
  g_assert_true (pl_plan_undo (plan));
  /* Back to the saved state: not modified. */
  g_assert_false (pl_plan_get_modified (plan));
  g_assert_cmpstr (pl_plan_get_title (plan), ==, "Plan A");
  g_assert_true (pl_plan_undo (plan));
  g_assert_true (pl_plan_get_modified (plan));
  g_assert_cmpstr (pl_plan_get_title (plan), ==, "Untitled plan");
  g_assert_false (pl_plan_undo (plan));
  g_assert_true (pl_plan_redo (plan));
  g_assert_false (pl_plan_get_modified (plan));
  g_assert_true (pl_plan_redo (plan));
  g_assert_cmpstr (pl_plan_get_title (plan), ==, "Plan B");

  /* Setting the same value records nothing. */
  g_assert_true (pl_plan_set_string (plan, meta, PL_METADATA_TITLE, "Plan B", NULL));
  g_assert_true (pl_plan_undo (plan));
  g_assert_cmpstr (pl_plan_get_title (plan), ==, "Plan A");

  /* A new edit after an undo drops the redo stack; the saved state cannot come back. */
  campaign = add_campaign (plan, "X");
  g_assert_false (pl_plan_can_redo (plan));
  g_assert_true (pl_plan_undo (plan));
  g_assert_null (pl_plan_lookup (plan, pl_item_get_id (campaign)) );
  g_assert_false (pl_plan_get_modified (plan));
}

static void
test_remove_cascades (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  PlItem *campaign = add_campaign (plan, "Trade show");
  g_autoptr(PlItem) link = g_object_new (PL_TYPE_CAMPAIGN_KPI, NULL);
  g_autoptr(PlItem) entry = g_object_new (PL_TYPE_ENTRY, NULL);
  g_autoptr(GPtrArray) refs = NULL;
  const char *campaign_id = pl_item_get_id (campaign);
  g_autofree char *id = g_strdup (campaign_id);

  pl_item_set_string (link, PL_CAMPAIGN_KPI_CAMPAIGN, campaign_id);
  pl_item_set_string (link, PL_CAMPAIGN_KPI_KPI, "kpi-leads");
  pl_plan_add (plan, link);
  pl_item_set_string (entry, PL_ENTRY_TITLE, "Stand build");
  pl_item_set_string (entry, PL_ENTRY_CAMPAIGN, campaign_id);
  pl_item_set_julian (entry, PL_ENTRY_START, pl_plan_get_start (plan));
  pl_plan_add (plan, entry);

  refs = pl_plan_find_references (plan, campaign);
  g_assert_cmpuint (refs->len, ==, 2);

  pl_plan_remove (plan, campaign);
  /* The KPI link cannot exist without its campaign; the calendar entry only loses it. */
  g_assert_null (pl_plan_lookup (plan, id));
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGN_KPIS), ==, 0);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CALENDAR), ==, 1);
  g_assert_null (pl_item_get_string (entry, PL_ENTRY_CAMPAIGN));
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Remove");

  /* One undo restores all three. */
  g_assert_true (pl_plan_undo (plan));
  g_assert_true (pl_plan_lookup (plan, id) == campaign);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGN_KPIS), ==, 1);
  g_assert_cmpstr (pl_item_get_string (entry, PL_ENTRY_CAMPAIGN), ==, id);
}

static void
test_move_and_group (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *a = add_campaign (plan, "A");
  PlItem *b = add_campaign (plan, "B");
  GListModel *list = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  g_autoptr(PlItem) first = NULL;

  pl_plan_move (plan, b, 0);
  first = g_list_model_get_item (list, 0);
  g_assert_true (first == b);
  g_clear_object (&first);

  pl_plan_begin_group (plan, "Rename both");
  g_assert_true (pl_plan_set_string (plan, a, PL_CAMPAIGN_NAME, "A2", NULL));
  g_assert_true (pl_plan_set_string (plan, b, PL_CAMPAIGN_NAME, "B2", NULL));
  pl_plan_end_group (plan);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Rename both");
  g_assert_true (pl_plan_undo (plan));
  g_assert_cmpstr (pl_item_get_string (a, PL_CAMPAIGN_NAME), ==, "A");
  g_assert_cmpstr (pl_item_get_string (b, PL_CAMPAIGN_NAME), ==, "B");
  g_assert_true (pl_plan_undo (plan));
  first = g_list_model_get_item (list, 0);
  g_assert_true (first == a);
}

static void
record_change_cb (PlPlan *plan, PlChangeMask change, gpointer data)
{
  *(PlChangeMask *) data = change;
}

/* "changed" says which collections an edit touched, so views can ignore the others. */
static void
test_change_mask (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  PlItem *a = add_campaign (plan, "A");
  PlKpi *leads = PL_KPI (pl_plan_lookup (plan, "kpi-leads"));
  PlChangeMask change = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (record_change_cb), &change);
  g_assert_true (pl_plan_set_string (plan, a, PL_CAMPAIGN_NAME, "A2", NULL));
  g_assert_cmpuint (change, ==, pl_change_for_collection (PL_COLLECTION_CAMPAIGNS));
  g_assert_true (pl_plan_set_string (plan, PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_TITLE,
                                     "Plan B", NULL));
  g_assert_cmpuint (change, ==, PL_CHANGE_METADATA);

  pl_plan_begin_group (plan, "Both");
  g_assert_true (pl_plan_set_string (plan, a, PL_CAMPAIGN_NAME, "A3", NULL));
  pl_plan_set_point (plan, leads, PL_SERIES_TARGETS, pl_plan_get_start (plan), 10, NULL);
  pl_plan_end_group (plan);
  g_assert_cmpuint (change, ==, pl_change_for_collection (PL_COLLECTION_CAMPAIGNS) |
                                pl_change_for_collection (PL_COLLECTION_KPIS));

  /* Undo says again what it touched, and only that. */
  change = 0;
  g_assert_true (pl_plan_undo (plan));
  g_assert_cmpuint (change, ==, pl_change_for_collection (PL_COLLECTION_CAMPAIGNS) |
                                pl_change_for_collection (PL_COLLECTION_KPIS));
  pl_plan_remove (plan, a);
  g_assert_true (change & pl_change_for_collection (PL_COLLECTION_CAMPAIGNS));
  g_assert_false (change & PL_CHANGE_METADATA);
}

/* A group ended by cancelling it takes back what it did: a refused second edit undoes the
 * first, and the plan is as before, undo and redo stacks, modified state and all. */
static void
test_cancel_group (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  PlItem *a = add_campaign (plan, "A");
  PlKpi *leads = PL_KPI (pl_plan_lookup (plan, "kpi-leads"));
  g_autoptr(PlItem) b = g_object_new (PL_TYPE_CAMPAIGN, NULL);
  g_autoptr(GError) error = NULL;
  PlChangeMask change = 0;
  PlPlanState state;

  pl_plan_mark_saved (plan);
  /* Something to redo, which a cancelled group must not throw away. */
  g_assert_true (pl_plan_set_string (plan, a, PL_CAMPAIGN_CHANNEL, "Events", NULL));
  g_assert_true (pl_plan_undo (plan));

  pl_plan_state_begin (&state, plan);
  pl_plan_begin_group (plan, "Rename and add");
  g_assert_true (pl_plan_set_string (plan, a, PL_CAMPAIGN_NAME, "A2", NULL));
  pl_item_set_string (b, PL_CAMPAIGN_NAME, "B");
  pl_plan_add (plan, b);
  pl_plan_set_point (plan, leads, PL_SERIES_TARGETS, pl_plan_get_start (plan), 10, NULL);
  g_assert_false (pl_plan_set_string (plan, a, PL_CAMPAIGN_NAME, " ", &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  pl_plan_cancel_group (plan);
  pl_plan_state_assert_unchanged (&state);
  g_assert_cmpstr (pl_item_get_string (a, PL_CAMPAIGN_NAME), ==, "A");
  g_assert_null (pl_plan_lookup (plan, pl_item_get_id (b)));
  g_assert_cmpstr (pl_plan_get_redo_label (plan), ==, "Change channel");

  /* The next edit says what it touched, not what the cancelled group did. */
  g_signal_connect (plan, "changed", G_CALLBACK (record_change_cb), &change);
  g_assert_true (pl_plan_set_string (plan, a, PL_CAMPAIGN_NAME, "A3", NULL));
  g_assert_cmpuint (change, ==, pl_change_for_collection (PL_COLLECTION_CAMPAIGNS));
  g_assert_true (pl_plan_undo (plan));
  g_assert_false (pl_plan_get_modified (plan));

  /* pl_plan_finish_group() keeps or cancels as told, and says which. */
  pl_plan_state_begin (&state, plan);
  pl_plan_begin_group (plan, "Kept?");
  g_assert_true (pl_plan_set_string (plan, a, PL_CAMPAIGN_NAME, "A4", NULL));
  g_assert_false (pl_plan_finish_group (plan, FALSE));
  pl_plan_state_assert_unchanged (&state);
  pl_plan_begin_group (plan, "Kept");
  g_assert_true (pl_plan_set_string (plan, a, PL_CAMPAIGN_NAME, "A4", NULL));
  g_assert_true (pl_plan_finish_group (plan, TRUE));
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Kept");
  g_assert_true (pl_plan_get_modified (plan));
}

/* Cancelling a group inside another takes back only the inner one's edits; the outer group
 * still makes one step, and "changed" names only what that step changed. */
static void
test_cancel_nested_group (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  PlItem *a = add_campaign (plan, "A");
  PlItem *b = add_campaign (plan, "B");
  PlKpi *leads = PL_KPI (pl_plan_lookup (plan, "kpi-leads"));
  PlChangeMask change = 0;
  guint32 start = pl_plan_get_start (plan);

  pl_plan_mark_saved (plan);
  g_signal_connect (plan, "changed", G_CALLBACK (record_change_cb), &change);
  pl_plan_begin_group (plan, "Outer");
  g_assert_true (pl_plan_set_string (plan, a, PL_CAMPAIGN_NAME, "A2", NULL));
  pl_plan_begin_group (plan, "Inner");
  pl_plan_set_point (plan, leads, PL_SERIES_TARGETS, start, 10, NULL);
  g_assert_true (pl_plan_set_string (plan, b, PL_CAMPAIGN_NAME, "B2", NULL));
  pl_plan_cancel_group (plan);
  g_assert_cmpuint (change, ==, 0);
  g_assert_false (pl_plan_can_undo (plan));
  g_assert_cmpstr (pl_item_get_string (b, PL_CAMPAIGN_NAME), ==, "B");
  g_assert_null (pl_series_lookup (pl_kpi_get_targets (leads), start));
  /* An empty inner group cancelled is nothing at all. */
  pl_plan_begin_group (plan, "Empty");
  pl_plan_cancel_group (plan);
  pl_plan_end_group (plan);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Outer");
  g_assert_cmpstr (pl_item_get_string (a, PL_CAMPAIGN_NAME), ==, "A2");
  g_assert_cmpuint (change, ==, pl_change_for_collection (PL_COLLECTION_CAMPAIGNS));
  g_assert_true (pl_plan_undo (plan));
  g_assert_cmpstr (pl_item_get_string (a, PL_CAMPAIGN_NAME), ==, "A");
  g_assert_false (pl_plan_get_modified (plan));
}

static void
test_planned_answers_points (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  g_autoptr(PlItem) line = g_object_new (PL_TYPE_BUDGET_LINE, NULL);
  g_autoptr(PlItem) assessment = g_object_new (PL_TYPE_ASSESSMENT, NULL);
  PlKpi *leads = PL_KPI (pl_plan_lookup (plan, "kpi-leads"));
  g_autoptr(GError) error = NULL;
  GVariant *answers;
  gsize n;
  const gint64 *amounts;

  pl_item_set_string (line, PL_BUDGET_LINE_CATEGORY, "cat-digital");
  pl_item_set_string (line, PL_BUDGET_LINE_NAME, "Search ads");
  pl_plan_add (plan, line);
  g_assert_true (pl_plan_set_planned (plan, PL_BUDGET_LINE (line), 2, 150000, NULL));
  amounts = g_variant_get_fixed_array (pl_item_get_variant (line, PL_BUDGET_LINE_PLANNED), &n, sizeof (gint64));
  g_assert_cmpuint (n, ==, 12);
  g_assert_cmpint (amounts[2], ==, 150000);
  g_assert_false (pl_plan_set_planned (plan, PL_BUDGET_LINE (line), 12, 1, &error));
  g_clear_error (&error);
  g_assert_false (pl_plan_set_planned (plan, PL_BUDGET_LINE (line), 1, -5, &error));
  g_clear_error (&error);

  pl_item_set_julian (assessment, PL_ASSESSMENT_DATE, pl_plan_get_start (plan));
  pl_plan_add (plan, assessment);
  g_assert_true (pl_plan_set_answer (plan, PL_ASSESSMENT (assessment), "q-b", 4, NULL));
  g_assert_true (pl_plan_set_answer (plan, PL_ASSESSMENT (assessment), "q-a", 0, NULL));
  g_assert_true (pl_plan_set_answer (plan, PL_ASSESSMENT (assessment), "q-c", 5, NULL));
  g_assert_true (pl_plan_set_answer (plan, PL_ASSESSMENT (assessment), "q-c", -1, NULL));
  g_assert_false (pl_plan_set_answer (plan, PL_ASSESSMENT (assessment), "q-c", 6, &error));
  answers = pl_item_get_variant (assessment, PL_ASSESSMENT_ANSWERS);
  {
    g_autofree char *printed = g_variant_print (answers, FALSE);
    g_assert_cmpstr (printed, ==, "[('q-a', 0x00), ('q-b', 0x04)]");
  }

  pl_plan_set_point (plan, leads, PL_SERIES_MEASUREMENTS, pl_plan_get_start (plan), 420, "CRM");
  g_assert_cmpfloat (pl_series_lookup (pl_kpi_get_measurements (leads), pl_plan_get_start (plan))->value, ==, 420);
  g_assert_true (pl_plan_undo (plan));
  g_assert_null (pl_series_lookup (pl_kpi_get_measurements (leads), pl_plan_get_start (plan)));
}

static void
test_month_index (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (plan));
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_APRIL, 2027);
  g_assert_true (pl_plan_set_julian (plan, meta, PL_METADATA_START, g_date_get_julian (&date), NULL));
  g_assert_true (pl_plan_set_int (plan, meta, PL_METADATA_MONTHS, 6, NULL));
  g_date_set_dmy (&date, 30, G_DATE_SEPTEMBER, 2027);
  g_assert_cmpint (pl_plan_month_index (plan, g_date_get_julian (&date)), ==, 5);
  g_date_set_dmy (&date, 1, G_DATE_OCTOBER, 2027);
  g_assert_cmpint (pl_plan_month_index (plan, g_date_get_julian (&date)), ==, -1);
  g_assert_cmpuint (pl_plan_get_end (plan), ==, g_date_get_julian (&date));
  g_date_set_dmy (&date, 31, G_DATE_MARCH, 2027);
  g_assert_cmpint (pl_plan_month_index (plan, g_date_get_julian (&date)), ==, -1);
}

/* Spend outside the fiscal period is refused with the period in the message; nothing changes. */
static void
test_spend_outside_period (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlItem) entry = g_object_new (PL_TYPE_SPEND, NULL);
  g_autoptr(GError) error = NULL;
  guint32 start = pl_plan_get_start (plan);

  pl_plan_add (plan, entry);
  g_assert_true (pl_plan_set_julian (plan, entry, PL_SPEND_DATE, start + 3, &error));
  g_assert_no_error (error);
  g_assert_false (pl_plan_set_julian (plan, entry, PL_SPEND_DATE, start - 1, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "The spend of "));
  g_assert_nonnull (strstr (error->message, " is outside the fiscal period, which runs from "));
  g_clear_error (&error);
  g_assert_false (pl_plan_set_julian (plan, entry, PL_SPEND_DATE, pl_plan_get_end (plan), &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpuint (pl_item_get_julian (entry, PL_SPEND_DATE), ==, start + 3);
}

/* A line cannot allocate more than it plans; lowering is always allowed. */
static void
test_allocation_limit (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlItem) category = g_object_new (PL_TYPE_CATEGORY, NULL);
  g_autoptr(PlItem) line = g_object_new (PL_TYPE_BUDGET_LINE, NULL);
  g_autoptr(PlItem) campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
  g_autoptr(PlItem) first = g_object_new (PL_TYPE_ALLOCATION, NULL);
  g_autoptr(PlItem) second = g_object_new (PL_TYPE_ALLOCATION, NULL);
  g_autoptr(GError) error = NULL;

  pl_item_set_string (category, PL_CATEGORY_NAME, "Paid");
  pl_plan_add (plan, category);
  pl_item_set_string (line, PL_BUDGET_LINE_NAME, "Search ads");
  pl_item_set_string (line, PL_BUDGET_LINE_CATEGORY, pl_item_get_id (category));
  pl_plan_add (plan, line);
  g_assert_true (pl_plan_set_planned (plan, PL_BUDGET_LINE (line), 0, 100000, NULL));
  pl_item_set_string (campaign, PL_CAMPAIGN_NAME, "Spring");
  pl_plan_add (plan, campaign);
  for (guint i = 0; i < 2; i++)
    {
      PlItem *allocation = i == 0 ? first : second;
      pl_item_set_string (allocation, PL_ALLOCATION_LINE, pl_item_get_id (line));
      pl_item_set_string (allocation, PL_ALLOCATION_CAMPAIGN, pl_item_get_id (campaign));
      pl_plan_add (plan, allocation);
    }
  g_assert_true (pl_plan_set_int (plan, first, PL_ALLOCATION_AMOUNT, 70000, &error));
  g_assert_false (pl_plan_set_int (plan, second, PL_ALLOCATION_AMOUNT, 30001, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "The budget line “Search ads” plans 1000.00 EUR in all: its allocations to campaigns cannot add up to 1000.01 EUR.");
  g_clear_error (&error);
  g_assert_true (pl_plan_set_int (plan, second, PL_ALLOCATION_AMOUNT, 30000, &error));
  /* Planned cut below the allocations: a validation problem, and lowering stays possible. */
  g_assert_true (pl_plan_set_planned (plan, PL_BUDGET_LINE (line), 0, 50000, NULL));
  g_assert_true (pl_plan_set_int (plan, first, PL_ALLOCATION_AMOUNT, 20000, &error));
  g_assert_no_error (error);
}

/* Every choice a drop-down offers has a name for the user, not the file's nick. */
static void
test_enum_labels (void)
{
  GType types[] = { PL_TYPE_HORIZON, PL_TYPE_APPROVAL, PL_TYPE_CAMPAIGN_STATUS, PL_TYPE_ENTRY_KIND,
                    PL_TYPE_CADENCE, PL_TYPE_UNIT, PL_TYPE_DIRECTION, PL_TYPE_LAYER, PL_TYPE_STAGE,
                    PL_TYPE_FREQUENCY, PL_TYPE_AGGREGATE };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (types[t]);
      for (guint i = 0; i < klass->n_values; i++)
        g_assert_cmpstr (pl_enum_get_label (types[t], klass->values[i].value), !=, "");
    }
  g_assert_cmpstr (pl_enum_get_label (PL_TYPE_UNIT, PL_UNIT_CURRENCY), ==, "Money");
  g_assert_cmpstr (pl_enum_get_label (PL_TYPE_UNIT, 99), ==, "");
}

/* The record being filled in: marked, named by its ID once added, and settled by saving. */
static void
test_filling (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlItem) campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
  guint notified = 0;

  g_signal_connect_swapped (plan, "notify::filling", G_CALLBACK (g_atomic_int_inc), &notified);
  pl_plan_set_filling (plan, campaign);
  pl_plan_add (plan, campaign);
  g_assert_true (pl_plan_is_filling (plan, pl_item_get_id (campaign)));
  g_assert_false (pl_plan_is_filling (plan, "other"));
  g_assert_false (pl_plan_is_filling (plan, NULL));
  pl_plan_mark_saved (plan);
  g_assert_false (pl_plan_is_filling (plan, pl_item_get_id (campaign)));
  g_assert_cmpuint (notified, ==, 2);
}

/* An amount above a trillion of the plan's currency is refused in words; twelve just
 * below it add up exactly. */
static void
test_money_limit (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlItem) line = g_object_new (PL_TYPE_BUDGET_LINE, NULL);
  g_autoptr(GError) error = NULL;
  gint64 cents = G_GINT64_CONSTANT (100000000000000);   /* a trillion euros */

  pl_item_set_string (line, PL_BUDGET_LINE_NAME, "Ads");
  pl_plan_add (plan, line);
  g_assert_cmpstr (pl_plan_get_currency (plan), ==, "EUR");
  g_assert_cmpint (pl_money_max (2), ==, cents);
  g_assert_false (pl_plan_set_planned (plan, PL_BUDGET_LINE (line), 0, cents + 1, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "the most a plan holds"));
  g_assert_nonnull (strstr (error->message, "000 EUR"));
  g_clear_error (&error);
  for (guint m = 0; m < 12; m++)
    g_assert_true (pl_plan_set_planned (plan, PL_BUDGET_LINE (line), m, cents - 1 - m, NULL));
  g_assert_cmpint (pl_figures_planned (plan, -1), ==, 12 * cents - 78);

  /* As a cell of the budget grid takes it: typed with grouping and a sign, then set. */
  {
    gint64 typed = 0;

    g_assert_true (pl_money_parse_typed ("1 000 000 000 000,01 €", 2, &typed, NULL));
    g_assert_cmpint (typed, ==, cents + 1);
    g_assert_false (pl_plan_set_planned (plan, PL_BUDGET_LINE (line), 3, typed, &error));
    g_assert_nonnull (strstr (error->message, "The amount planned for"));
    g_assert_nonnull (strstr (error->message, "the most a plan holds"));
    g_clear_error (&error);
  }
  /* A spend above it, as a file would bring it (the reader refuses it the same way): validate
   * says so in words. */
  {
    g_autoptr(PlItem) spend = g_object_new (PL_TYPE_SPEND, NULL);
    g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GPtrArray) problems = NULL;
    gboolean found = FALSE;

    pl_item_set_id (spend, "spend-1");
    pl_item_set_string (spend, PL_SPEND_LINE, pl_item_get_id (line));
    pl_item_set_julian (spend, PL_SPEND_DATE, pl_plan_get_start (plan) + 3);
    pl_item_set_int (spend, PL_SPEND_AMOUNT, cents * 2);
    g_ptr_array_add (loaded, g_object_ref (spend));
    pl_plan_append_loaded (plan, PL_COLLECTION_SPEND, loaded);
    problems = pl_plan_validate (plan);
    for (guint i = 0; i < problems->len; i++)
      {
        const PlProblem *problem = g_ptr_array_index (problems, i);

        found |= strstr (problem->message, "the most a plan holds") != NULL;
      }
    g_assert_true (found);
    g_assert_false (pl_plan_set_int (plan, spend, PL_SPEND_AMOUNT, cents + 1, &error));
    g_assert_nonnull (strstr (error->message, "the most a plan holds"));
    g_clear_error (&error);
  }

  /* In yen (no decimals) the limit is a trillion yen, not a trillion hundredths; in
   * dinars (three decimals) a trillion dinars. */
  for (guint c = 0; c < 2; c++)
    {
      g_autoptr(PlPlan) other = pl_plan_new ();
      g_autoptr(PlItem) ads = g_object_new (PL_TYPE_BUDGET_LINE, NULL);
      gint64 max = c == 0 ? G_GINT64_CONSTANT (1000000000000) : G_GINT64_CONSTANT (1000000000000000);

      g_assert_true (pl_plan_set_string (other, PL_ITEM (pl_plan_get_metadata (other)), PL_METADATA_CURRENCY,
                                         c == 0 ? "JPY" : "KWD", NULL));
      pl_item_set_string (ads, PL_BUDGET_LINE_NAME, "Ads");
      pl_plan_add (other, ads);
      g_assert_cmpint (pl_money_max (pl_plan_get_currency_exponent (other)), ==, max);
      g_assert_true (pl_plan_set_planned (other, PL_BUDGET_LINE (ads), 0, max, NULL));
      g_assert_false (pl_plan_set_planned (other, PL_BUDGET_LINE (ads), 0, max + 1, &error));
      g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
      g_clear_error (&error);
    }
}

/* Amounts at the limit, many enough to pass 2^63 in all: every total that would wrap round
 * is not available (PL_MONEY_OVERFLOW, a NAN figure), never negative. */
static void
test_money_overflow (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) spends = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PlBudgetTotals) totals = NULL;
  gint64 cents = pl_money_max (2);
  g_autofree gint64 *months = g_new (gint64, 12);
  PlBasis period = pl_basis_period (plan);
  /* 8,000 lines of twelve months at a trillion euros: 9.6 x 10^19 cents. */
  const guint n_lines = 8000;

  for (guint m = 0; m < 12; m++)
    months[m] = cents;
  for (guint i = 0; i < n_lines; i++)
    {
      PlItem *line = g_object_new (PL_TYPE_BUDGET_LINE, NULL);
      PlItem *spend = g_object_new (PL_TYPE_SPEND, NULL);
      char id[32];

      g_snprintf (id, sizeof id, "l%u", i);
      pl_item_set_id (line, id);
      pl_item_set_string (line, PL_BUDGET_LINE_NAME, id);
      pl_item_set_variant (line, PL_BUDGET_LINE_PLANNED,
                           g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, months, 12, sizeof (gint64)));
      g_ptr_array_add (lines, line);
      g_snprintf (id, sizeof id, "s%u", i);
      pl_item_set_id (spend, id);
      g_snprintf (id, sizeof id, "l%u", i);
      pl_item_set_string (spend, PL_SPEND_LINE, id);
      pl_item_set_julian (spend, PL_SPEND_DATE, pl_plan_get_start (plan) + 40);
      pl_item_set_int (spend, PL_SPEND_AMOUNT, cents);
      g_ptr_array_add (spends, spend);
    }
  /* As the reader adds them: every one of them is allowed. */
  pl_plan_append_loaded (plan, PL_COLLECTION_LINES, lines);
  pl_plan_append_loaded (plan, PL_COLLECTION_SPEND, spends);

  /* One month of every line still fits: 8 x 10^17. */
  g_assert_cmpint (pl_figures_planned (plan, 0), ==, (gint64) n_lines * cents);
  g_assert_cmpint (pl_figures_planned (plan, -1), ==, PL_MONEY_OVERFLOW);
  g_assert_cmpint (pl_figures_actual (plan, -1), ==, (gint64) n_lines * cents);
  g_assert_cmpint (pl_figures_variance (pl_figures_planned (plan, -1), 0), ==, PL_MONEY_OVERFLOW);
  g_assert_true (isnan (pl_figures_percent_used (pl_figures_planned (plan, -1), 1)));
  g_assert_true (isnan (pl_figures_get (plan, PL_FIGURE_PLANNED, &period).value));
  totals = pl_budget_totals_new (plan);
  g_assert_cmpint (pl_budget_totals_planned (totals, NULL, 0), ==, (gint64) n_lines * cents);
  g_assert_cmpint (pl_budget_totals_planned (totals, NULL, -1), ==, PL_MONEY_OVERFLOW);
  g_assert_cmpint (pl_money_sum (G_MAXINT64 - 1, 1), ==, PL_MONEY_OVERFLOW);
  g_assert_cmpint (pl_money_sum (G_MININT64 + 1, -1), ==, PL_MONEY_OVERFLOW);
  g_assert_cmpint (pl_money_sum (PL_MONEY_OVERFLOW, -5), ==, PL_MONEY_OVERFLOW);
  g_assert_cmpint (pl_money_sum (cents, cents), ==, 2 * cents);
  g_assert_cmpint (pl_money_difference (0, cents), ==, -cents);
  g_assert_cmpint (pl_money_from_major (1e30, 2), ==, PL_MONEY_OVERFLOW);
  g_assert_cmpint (pl_money_from_major (12.345, 2), ==, 1235);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan/default", test_default_plan);
  g_test_add_func ("/plan/money-overflow", test_money_overflow);
  g_test_add_func ("/plan/ids", test_ids);
  g_test_add_func ("/plan/refused-edits", test_refused_edits);
  g_test_add_func ("/plan/chain-loop-refused", test_chain_loop_refused);
  g_test_add_func ("/plan/undo-redo-modified", test_undo_redo_modified);
  g_test_add_func ("/plan/mark-unsaved", test_mark_unsaved);
  g_test_add_func ("/plan/remove-cascades", test_remove_cascades);
  g_test_add_func ("/plan/move-and-group", test_move_and_group);
  g_test_add_func ("/plan/change-mask", test_change_mask);
  g_test_add_func ("/plan/cancel-group", test_cancel_group);
  g_test_add_func ("/plan/cancel-nested-group", test_cancel_nested_group);
  g_test_add_func ("/plan/planned-answers-points", test_planned_answers_points);
  g_test_add_func ("/plan/month-index", test_month_index);
  g_test_add_func ("/plan/enum-labels", test_enum_labels);
  g_test_add_func ("/plan/spend-outside-period", test_spend_outside_period);
  g_test_add_func ("/plan/allocation-limit", test_allocation_limit);
  g_test_add_func ("/plan/filling", test_filling);
  g_test_add_func ("/plan/money-limit", test_money_limit);
  return g_test_run ();
}

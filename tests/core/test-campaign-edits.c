/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding, duplicating and stopping a campaign: each one undoable step, and a refused value
 * leaves the plan exactly as before (records, undo and redo, modified state, no "changed"). */
#include "config.h"

#include "pl-campaign-edits.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-plan-state.h"

static PlItem *
add (PlPlan *plan, GType type, const char *id)
{
  g_autoptr(PlItem) item = g_object_new (type, NULL);

  pl_item_set_id (item, id);
  pl_plan_add (plan, item);
  return item;
}

static PlItem *
campaign (PlPlan *plan, const char *id, const char *name)
{
  PlItem *item = add (plan, PL_TYPE_CAMPAIGN, id);

  pl_item_set_string (item, PL_CAMPAIGN_NAME, name);
  pl_item_set_string (item, PL_CAMPAIGN_CHANNEL, "Webinars");
  pl_item_set_int (item, PL_CAMPAIGN_STATUS, PL_STATUS_RUNNING);
  pl_item_set_julian (item, PL_CAMPAIGN_START, 740000);
  pl_item_set_julian (item, PL_CAMPAIGN_END, 740030);
  return item;
}

static PlItem *
link_kpi (PlPlan *plan, const char *id, PlItem *to, const char *kpi, double contribution)
{
  PlItem *link = add (plan, PL_TYPE_CAMPAIGN_KPI, id);

  pl_item_set_string (link, PL_CAMPAIGN_KPI_CAMPAIGN, pl_item_get_id (to));
  pl_item_set_string (link, PL_CAMPAIGN_KPI_KPI, kpi);
  pl_item_set_double (link, PL_CAMPAIGN_KPI_CONTRIBUTION, contribution);
  return link;
}

static void
test_add (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *like = campaign (plan, "c1", "Spring webinars");
  PlCampaignDraft draft = { "Partner webinar", 740060, 740050, like, PL_CAMPAIGN_CHANNEL, FALSE };
  PlItem *added;

  pl_plan_mark_saved (plan);
  /* Drawn right to left: the dates come in either order. */
  added = pl_campaign_add (plan, &draft, NULL);
  g_assert_true (PL_IS_CAMPAIGN (added));
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), ==, 2);
  g_assert_cmpstr (pl_item_get_string (added, PL_CAMPAIGN_NAME), ==, "Partner webinar");
  g_assert_cmpstr (pl_item_get_string (added, PL_CAMPAIGN_CHANNEL), ==, "Webinars");
  g_assert_cmpint (pl_item_get_int (added, PL_CAMPAIGN_STATUS), ==, PL_STATUS_PLANNED);
  g_assert_cmpuint (pl_item_get_julian (added, PL_CAMPAIGN_START), ==, 740050);
  g_assert_cmpuint (pl_item_get_julian (added, PL_CAMPAIGN_END), ==, 740060);
  g_assert_nonnull (pl_item_get_id (added));
  g_assert_false (pl_plan_is_filling (plan, pl_item_get_id (added)));
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Add a Campaign");
  pl_plan_undo (plan);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), ==, 1);
  g_assert_false (pl_plan_get_modified (plan));

  /* A status lane gives its status; a blank name gets a default one. */
  draft = (PlCampaignDraft) { " ", 740001, 740001, like, PL_CAMPAIGN_STATUS, FALSE };
  added = pl_campaign_add (plan, &draft, NULL);
  g_assert_cmpint (pl_item_get_int (added, PL_CAMPAIGN_STATUS), ==, PL_STATUS_RUNNING);
  g_assert_cmpstr (pl_item_get_string (added, PL_CAMPAIGN_NAME), ==, "New campaign");
  g_assert_null (pl_item_get_string (added, PL_CAMPAIGN_CHANNEL));
}

static void
check_filling_cb (PlPlan *plan, PlChangeMask change, gpointer data)
{
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  g_autoptr(PlItem) last = g_list_model_get_item (campaigns, g_list_model_get_n_items (campaigns) - 1);

  *(gboolean *) data = pl_plan_is_filling (plan, pl_item_get_id (last));
}

/* The campaigns page's "New campaign": no dates, and being filled in before any view hears
 * of it, so that no list calls it "without dates" while the user types. */
static void
test_add_filling (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlCampaignDraft draft = { .filling = TRUE };
  gboolean filling_when_told = FALSE;
  PlItem *added;

  g_signal_connect (plan, "changed", G_CALLBACK (check_filling_cb), &filling_when_told);
  added = pl_campaign_add (plan, &draft, NULL);
  g_assert_cmpstr (pl_item_get_string (added, PL_CAMPAIGN_NAME), ==, "New campaign");
  g_assert_cmpuint (pl_item_get_julian (added, PL_CAMPAIGN_START), ==, 0);
  g_assert_cmpuint (pl_item_get_julian (added, PL_CAMPAIGN_END), ==, 0);
  g_assert_true (pl_plan_is_filling (plan, pl_item_get_id (added)));
  g_assert_true (filling_when_told);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Add a Campaign");
}

/* The lane's campaign names a segment the plan does not have (a file edited by hand): the
 * campaign is not added, and not half added. */
static void
test_add_refused (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *like = campaign (plan, "c1", "Spring webinars");
  PlCampaignDraft draft = { "Partner webinar", 740050, 740060, like, PL_CAMPAIGN_SEGMENT, TRUE };
  g_autoptr(GError) error = NULL;
  PlPlanState state;

  pl_item_set_string (like, PL_CAMPAIGN_SEGMENT, "seg-gone");
  pl_plan_mark_saved (plan);
  pl_plan_state_begin (&state, plan);
  g_assert_null (pl_campaign_add (plan, &draft, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The segment “seg-gone” does not exist in this plan.");
  pl_plan_state_assert_unchanged (&state);
  g_assert_false (pl_plan_get_modified (plan));
  g_assert_null (pl_plan_lookup (plan, "cmp-2"));
  {
    g_autoptr(PlItem) filling = NULL;
    g_object_get (plan, "filling", &filling, NULL);
    g_assert_null (filling);
  }
}

static void
test_duplicate (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  PlItem *source = campaign (plan, "c1", "Spring webinars");
  PlItem *other = campaign (plan, "c2", "Trade show");
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  PlItem *copy;
  guint n_links;

  pl_item_set_int (source, PL_CAMPAIGN_STATUS, PL_STATUS_STOPPED);
  pl_item_set_string (source, PL_CAMPAIGN_STOP_REASON, "Too few leads");
  pl_item_set_string (source, PL_CAMPAIGN_PROBLEM, "Nobody knows us");
  link_kpi (plan, "ck1", source, "kpi-leads", 120);
  link_kpi (plan, "ck2", other, "kpi-leads", 30);
  link_kpi (plan, "ck3", source, "kpi-mql", 40);
  n_links = g_list_model_get_n_items (links);
  pl_plan_mark_saved (plan);

  copy = pl_campaign_duplicate (plan, source, NULL);
  g_assert_true (PL_IS_CAMPAIGN (copy));
  g_assert_cmpstr (pl_item_get_string (copy, PL_CAMPAIGN_NAME), ==, "Spring webinars (copy)");
  g_assert_cmpstr (pl_item_get_string (copy, PL_CAMPAIGN_CHANNEL), ==, "Webinars");
  g_assert_cmpstr (pl_item_get_string (copy, PL_CAMPAIGN_PROBLEM), ==, "Nobody knows us");
  g_assert_cmpuint (pl_item_get_julian (copy, PL_CAMPAIGN_START), ==, 740000);
  g_assert_cmpuint (pl_item_get_julian (copy, PL_CAMPAIGN_END), ==, 740030);
  /* A copy starts over. */
  g_assert_cmpint (pl_item_get_int (copy, PL_CAMPAIGN_STATUS), ==, PL_STATUS_PLANNED);
  g_assert_null (pl_item_get_string (copy, PL_CAMPAIGN_STOP_REASON));
  /* Linked to the source's KPIs, with the same contributions; the other campaign's link stays its own. */
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, n_links + 2);
  for (guint i = n_links; i < n_links + 2; i++)
    {
      g_autoptr(PlItem) twin = g_list_model_get_item (links, i);

      g_assert_cmpstr (pl_item_get_string (twin, PL_CAMPAIGN_KPI_CAMPAIGN), ==, pl_item_get_id (copy));
      g_assert_cmpstr (pl_item_get_string (twin, PL_CAMPAIGN_KPI_KPI), ==, i == n_links ? "kpi-leads" : "kpi-mql");
      g_assert_cmpfloat (pl_item_get_double (twin, PL_CAMPAIGN_KPI_CONTRIBUTION), ==, i == n_links ? 120 : 40);
    }
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Duplicate the Campaign");
  /* One undo takes the copy and its links back. */
  g_assert_true (pl_plan_undo (plan));
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, n_links);
  g_assert_false (pl_plan_get_modified (plan));
}

/* A link of the source names a KPI the plan no longer has: refused when the copy and its
 * first link are already in, and both go back. */
static void
test_duplicate_refused (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  PlItem *source = campaign (plan, "c1", "Spring webinars");
  PlItem *owned = campaign (plan, "c2", "Trade show");
  g_autoptr(GError) error = NULL;
  PlPlanState state;

  link_kpi (plan, "ck1", source, "kpi-leads", 120);
  link_kpi (plan, "ck2", source, "kpi-gone", 40);
  pl_item_set_string (owned, PL_CAMPAIGN_OWNER, "mem-gone");
  pl_plan_mark_saved (plan);
  /* Something to redo, which a refused duplicate must leave. */
  g_assert_true (pl_plan_set_string (plan, source, PL_CAMPAIGN_CHANNEL, "Events", NULL));
  g_assert_true (pl_plan_undo (plan));

  pl_plan_state_begin (&state, plan);
  g_assert_null (pl_campaign_duplicate (plan, source, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The KPI “kpi-gone” does not exist in this plan.");
  pl_plan_state_assert_unchanged (&state);
  g_clear_error (&error);

  /* The campaign's own field refused: the same. */
  pl_plan_state_begin (&state, plan);
  g_assert_null (pl_campaign_duplicate (plan, owned, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  pl_plan_state_assert_unchanged (&state);
  g_assert_false (pl_plan_get_modified (plan));
  g_assert_true (pl_plan_can_redo (plan));
}

static void
test_stop (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *item = campaign (plan, "c1", "Spring webinars");
  g_autoptr(GError) error = NULL;
  PlPlanState state;

  pl_plan_mark_saved (plan);
  pl_plan_state_begin (&state, plan);
  g_assert_false (pl_campaign_stop (plan, item, "  ", &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  pl_plan_state_assert_unchanged (&state);

  g_assert_true (pl_campaign_stop (plan, item, " The cost per lead stayed too high ", NULL));
  g_assert_cmpint (pl_item_get_int (item, PL_CAMPAIGN_STATUS), ==, PL_STATUS_STOPPED);
  g_assert_cmpstr (pl_item_get_string (item, PL_CAMPAIGN_STOP_REASON), ==, "The cost per lead stayed too high");
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Stop the Campaign");
  /* The status and its reason: one decision, one undo. */
  g_assert_true (pl_plan_undo (plan));
  g_assert_cmpint (pl_item_get_int (item, PL_CAMPAIGN_STATUS), ==, PL_STATUS_RUNNING);
  g_assert_null (pl_item_get_string (item, PL_CAMPAIGN_STOP_REASON));
  g_assert_false (pl_plan_get_modified (plan));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/campaign-edits/add", test_add);
  g_test_add_func ("/campaign-edits/add-filling", test_add_filling);
  g_test_add_func ("/campaign-edits/add-refused", test_add_refused);
  g_test_add_func ("/campaign-edits/duplicate", test_duplicate);
  g_test_add_func ("/campaign-edits/duplicate-refused", test_duplicate_refused);
  g_test_add_func ("/campaign-edits/stop", test_stop);
  return g_test_run ();
}

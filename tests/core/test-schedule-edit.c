/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar's edits of campaign dates: moving, moving one end (a campaign keeps a day),
 * adding a campaign in a lane; each one undoable edit. */
#include "config.h"

#include "pl-enums.h"
#include "pl-schedule-edit.h"

static PlItem *
campaign (PlPlan *plan, guint32 start, guint32 end)
{
  g_autoptr(PlItem) item = g_object_new (PL_TYPE_CAMPAIGN, NULL);

  pl_item_set_id (item, "c1");
  pl_item_set_string (item, PL_CAMPAIGN_NAME, "Spring webinars");
  pl_item_set_string (item, PL_CAMPAIGN_CHANNEL, "Webinars");
  pl_item_set_int (item, PL_CAMPAIGN_STATUS, PL_STATUS_RUNNING);
  pl_item_set_julian (item, PL_CAMPAIGN_START, start);
  pl_item_set_julian (item, PL_CAMPAIGN_END, end);
  pl_plan_add (plan, item);
  pl_plan_mark_saved (plan);
  return item;
}

static void
test_shift (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *item = campaign (plan, 740000, 740030);

  pl_schedule_shift_campaign (plan, item, 7, TRUE, TRUE);
  g_assert_cmpuint (pl_item_get_julian (item, PL_CAMPAIGN_START), ==, 740007);
  g_assert_cmpuint (pl_item_get_julian (item, PL_CAMPAIGN_END), ==, 740037);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Move the Campaign");
  /* Both dates come back with one undo. */
  pl_plan_undo (plan);
  g_assert_cmpuint (pl_item_get_julian (item, PL_CAMPAIGN_START), ==, 740000);
  g_assert_cmpuint (pl_item_get_julian (item, PL_CAMPAIGN_END), ==, 740030);
  g_assert_false (pl_plan_get_modified (plan));

  /* The end dragged before the start stops on the start: one day is left. */
  pl_schedule_shift_campaign (plan, item, -100, FALSE, TRUE);
  g_assert_cmpuint (pl_item_get_julian (item, PL_CAMPAIGN_END), ==, 740000);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Change the Campaign’s Dates");
  pl_plan_undo (plan);
  pl_schedule_shift_campaign (plan, item, 45, TRUE, FALSE);
  g_assert_cmpuint (pl_item_get_julian (item, PL_CAMPAIGN_START), ==, 740030);
  g_assert_cmpuint (pl_item_get_julian (item, PL_CAMPAIGN_END), ==, 740030);
  pl_plan_undo (plan);
  /* Nothing to do is no edit. */
  pl_schedule_shift_campaign (plan, item, 0, TRUE, TRUE);
  g_assert_false (pl_plan_get_modified (plan));
}

static void
test_add (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *like = campaign (plan, 740000, 740030);
  PlItem *added;

  /* Drawn right to left: the dates come in either order. */
  added = pl_schedule_add_campaign (plan, "Partner webinar", 740060, 740050, like, PL_CAMPAIGN_CHANNEL);
  g_assert_true (PL_IS_CAMPAIGN (added));
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), ==, 2);
  g_assert_cmpstr (pl_item_get_string (added, PL_CAMPAIGN_NAME), ==, "Partner webinar");
  g_assert_cmpstr (pl_item_get_string (added, PL_CAMPAIGN_CHANNEL), ==, "Webinars");
  g_assert_cmpint (pl_item_get_int (added, PL_CAMPAIGN_STATUS), ==, PL_STATUS_PLANNED);
  g_assert_cmpuint (pl_item_get_julian (added, PL_CAMPAIGN_START), ==, 740050);
  g_assert_cmpuint (pl_item_get_julian (added, PL_CAMPAIGN_END), ==, 740060);
  g_assert_nonnull (pl_item_get_id (added));
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Add a Campaign");
  pl_plan_undo (plan);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), ==, 1);
  g_assert_false (pl_plan_get_modified (plan));

  /* A status lane gives its status; an empty name gets a default one. */
  added = pl_schedule_add_campaign (plan, "", 740001, 740001, like, PL_CAMPAIGN_STATUS);
  g_assert_cmpint (pl_item_get_int (added, PL_CAMPAIGN_STATUS), ==, PL_STATUS_RUNNING);
  g_assert_cmpstr (pl_item_get_string (added, PL_CAMPAIGN_NAME), ==, "New campaign");
  g_assert_null (pl_item_get_string (added, PL_CAMPAIGN_CHANNEL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schedule-edit/shift", test_shift);
  g_test_add_func ("/schedule-edit/add", test_add);
  return g_test_run ();
}

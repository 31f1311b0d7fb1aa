/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar's edits of campaign dates: moving, moving one end (a campaign keeps a day);
 * each one undoable edit. (Adding a campaign in a lane: test-campaign-edits.c.) */
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schedule-edit/shift", test_shift);
  return g_test_run ();
}

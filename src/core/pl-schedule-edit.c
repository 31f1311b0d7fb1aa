/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-schedule-edit.h"

void
pl_schedule_shift_campaign (PlPlan *plan, PlItem *campaign, int days, gboolean start, gboolean end)
{
  guint32 from, to;

  g_return_if_fail (PL_IS_PLAN (plan) && PL_IS_CAMPAIGN (campaign));
  from = pl_item_get_julian (campaign, PL_CAMPAIGN_START);
  to = pl_item_get_julian (campaign, PL_CAMPAIGN_END);
  if (from == 0 || days == 0 || (!start && !end))
    return;
  if (to == 0)
    to = from;
  if (start && !end)
    from = (guint32) MIN ((gint64) from + days, (gint64) to);
  else if (end && !start)
    to = (guint32) MAX ((gint64) to + days, (gint64) from);
  else
    {
      from += days;
      to += days;
    }
  /* Dates that stay valid days of the calendar cannot be refused. */
  pl_plan_begin_group (plan, start && end ? _("Move the Campaign") : _("Change the Campaign’s Dates"));
  pl_plan_set_julian (plan, campaign, PL_CAMPAIGN_START, from, NULL);
  pl_plan_set_julian (plan, campaign, PL_CAMPAIGN_END, to, NULL);
  pl_plan_end_group (plan);
}

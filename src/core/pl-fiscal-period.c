/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-fiscal-period"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-fiscal-period.h"

gboolean
pl_fiscal_period_set (PlPlan *plan, guint32 start, guint months, GError **error)
{
  PlItem *metadata;

  g_return_val_if_fail (PL_IS_PLAN (plan), FALSE);
  metadata = PL_ITEM (pl_plan_get_metadata (plan));
  pl_plan_begin_group (plan, _("Change the Fiscal Period"));
  /* A length refused after the start was taken: the start goes back too. */
  return pl_plan_finish_group (plan, pl_plan_set_julian (plan, metadata, PL_METADATA_START, start, error) &&
                                     pl_plan_set_int (plan, metadata, PL_METADATA_MONTHS, months, error));
}

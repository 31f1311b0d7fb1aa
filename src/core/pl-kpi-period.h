/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* What a KPI's frequency means: the KPI holds one value per period of its frequency, dated on
 * the period's first day. A week starts on Monday whatever the locale (ISO 8601, as exports
 * write weeks), a month on its 1st, a quarter on the first day of a quarter of the plan's year
 * (a plan from April has April to June as its first). The figures add a KPI's values within
 * each month of the plan, so a weekly value counts in the month of its Monday. */

/* The first day of the period of @kpi's frequency that holds @julian. */
guint32 pl_kpi_period_start (PlPlan *plan, PlItem *kpi, guint32 julian);
/* The first day of the period after the one that holds @julian (an exclusive end). */
guint32 pl_kpi_period_next  (PlPlan *plan, PlItem *kpi, guint32 julian);

G_END_DECLS

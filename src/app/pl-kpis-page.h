/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-page.h"
#include "pl-target-popover.h"

G_BEGIN_DECLS

#define PL_TYPE_KPIS_PAGE (pl_kpis_page_get_type ())
G_DECLARE_FINAL_TYPE (PlKpisPage, pl_kpis_page, PL, KPIS_PAGE, PlPage)

/* The KPIs of the plan: a list and an editor for the selected one (definition, targets,
 * measurements, linked campaigns), and the measurements grid of every KPI by period. */

/* Selects @kpi in the list and shows its editor. */
void pl_kpis_page_select (PlKpisPage *self, PlItem *kpi);
/* The "Set target for the period…" popover of the view shown (for tests). */
PlTargetPopover *pl_kpis_page_get_target_popover (PlKpisPage *self);

G_END_DECLS

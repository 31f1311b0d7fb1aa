/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_TARGET_POPOVER (pl_target_popover_get_type ())
G_DECLARE_FINAL_TYPE (PlTargetPopover, pl_target_popover, PL, TARGET_POPOVER, GtkPopover)

/* "Set target for the period…": a KPI's target over the period or a quarter, typed once and
 * spread over its months by the way it chooses (pl-kpi-target-spread.h). The KPI's current
 * target over the span is the default; a preview says what each month gets, and why when the
 * method fell back. Enter or the button sets it (one undoable edit); a refusal is said there. */

PlTargetPopover *pl_target_popover_new    (void);
/* Fills the fields for @kpi (before a menu button shows the popover). */
void             pl_target_popover_prepare (PlTargetPopover *self, PlPlan *plan, PlKpi *kpi);
/* Asks for @kpi's target, pointing at @where of the popover's parent. */
void             pl_target_popover_ask    (PlTargetPopover *self, PlPlan *plan, PlKpi *kpi,
                                           const GdkRectangle *where);
/* Chooses the span: 0 the whole period, 1 to 4 a quarter (for tests and keyboard users). */
void             pl_target_popover_set_span (PlTargetPopover *self, guint span);
/* Sets the target as typed so far; FALSE with the reason shown when it is refused. */
gboolean         pl_target_popover_apply  (PlTargetPopover *self);

G_END_DECLS

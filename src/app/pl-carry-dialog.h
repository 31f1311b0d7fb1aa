/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_CARRY_DIALOG (pl_carry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlCarryDialog, pl_carry_dialog, PL, CARRY_DIALOG, GtkWindow)

/* Carries budget over (pl-budget-carry.h), modal on @parent: the user picks the budget line
 * (@line_or_NULL chosen first, else the first line), a month or quarter that has ended
 * (pl_budget_carry_as_of()), reads what it left unspent, types the amount (all of it at
 * first; what does not read or cannot be carried is said under it and Carry Over is off),
 * picks the months it goes into (evenly over the rest of the quarter or of the year, or all
 * into one month), reads the months before and after, and Carry Over makes it one edit of
 * the plan, which the window's Undo takes back, and closes. */
GtkWidget *pl_carry_dialog_new (GtkWindow *parent, PlPlan *plan, PlItem *line_or_NULL);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

/* Asks, in a dialog over @parent's window, whether to delete @item, listing in words what
 * goes or is unlinked with it; deletes it from @plan (one undoable edit) if the user agrees. */
void pl_delete_dialog_present (GtkWidget *parent, PlPlan *plan, PlItem *item);

G_END_DECLS

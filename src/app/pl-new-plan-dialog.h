/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-application.h"

G_BEGIN_DECLS

#define PL_TYPE_NEW_PLAN_DIALOG (pl_new_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlNewPlanDialog, pl_new_plan_dialog, PL, NEW_PLAN_DIALOG, GtkWindow)

/* New Plan, modal on @parent (NULL: on its own): the user types the title (focused first) and
 * the organisation, picks the fiscal period's first month and length, the currency (the
 * preferences' at first) and the business model, each with a line on what it is; Enter (or
 * Create) builds the plan from that model's template (pl-template-file.h) and opens it in a
 * window of @app, Escape (or Cancel) closes without a plan. A value that is not acceptable is
 * said under the fields, and nothing is made. */
GtkWidget *pl_new_plan_dialog_new (PlApplication *app, GtkWindow *parent);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"
#include "pl-plan-diff.h"

G_BEGIN_DECLS

#define PL_TYPE_COMPARE_PANEL (pl_compare_panel_get_type ())
G_DECLARE_FINAL_TYPE (PlComparePanel, pl_compare_panel, PL, COMPARE_PANEL, GtkWidget)

/* The window's Compare With… pane (issue 24): what changed in the open plan since another
 * plan file, grouped by the window's pages, and the budget by category before and after.
 * The open plan is the new side, the chosen file the old one: "changes since that file"
 * (the "swapped" property turns it round).
 * Activating a difference opens its record through the window's win.show-item action. */

/* The open plan, compared with the chosen file (NULL: none; the pane then closes). */
void        pl_compare_panel_set_plan      (PlComparePanel *self, PlPlan *plan);
/* Asks for a plan file with a file chooser, then compares with it (pl_compare_panel_compare_file()). */
void        pl_compare_panel_choose_file   (PlComparePanel *self);
/* Shows the pane and reads @file in a worker thread, then lists the differences; a file that
 * cannot be read is said in the pane, and the open plan is left as it was. */
void        pl_compare_panel_compare_file  (PlComparePanel *self, GFile *file);
/* Reads the compared file again and compares anew (the open plan or the file changed). */
void        pl_compare_panel_refresh       (PlComparePanel *self);
/* Hides the pane and forgets the comparison. */
void        pl_compare_panel_close         (PlComparePanel *self);
/* FALSE (the default): the open plan is the new side, "changes since the file"; TRUE: the
 * file is, "changes in the file since the open plan". Compares again at once. */
void        pl_compare_panel_set_swapped   (PlComparePanel *self, gboolean swapped);
gboolean    pl_compare_panel_get_swapped   (PlComparePanel *self);
/* TRUE while the compared file is being read. */
gboolean    pl_compare_panel_is_loading    (PlComparePanel *self);
/* The comparison shown, or NULL (none yet, being read, or the file could not be read). */
const PlPlanDiff *pl_compare_panel_get_diff (PlComparePanel *self);
/* The file compared with, or NULL. */
GFile      *pl_compare_panel_get_file      (PlComparePanel *self);
/* The list of differences (a GtkListBox), for tests and the window's keyboard focus. */
GtkWidget  *pl_compare_panel_get_list      (PlComparePanel *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

/* One field of a record, editable: an entry checked as it is typed and committed on Enter
 * or when left, a drop-down for references and choices, a check button for yes/no. Every
 * change is an undoable edit of the plan. Used by tables and forms alike. */

/* Returns a new editing widget suited to @field (an entry has a frame when @framed). */
GtkWidget *pl_field_editor_new        (const PlField *field, gboolean framed);
/* Shows @field of @item and makes the widget's changes edits of @plan; a NULL @item
 * unbinds (committing what was typed). */
void       pl_field_editor_bind       (GtkWidget *editor, PlPlan *plan, PlItem *item, guint field);
/* Shows the bound field's current value again. */
void       pl_field_editor_refresh    (GtkWidget *editor);
/* Marks the editor as holding a value that does not fit (@error), or clears the mark. */
void       pl_field_editor_show_error (GtkWidget *editor, const GError *error);

G_END_DECLS

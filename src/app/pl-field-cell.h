/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_FIELD_CELL (pl_field_cell_get_type ())
G_DECLARE_FINAL_TYPE (PlFieldCell, pl_field_cell, PL, FIELD_CELL, GtkWidget)

/* One field of a record in a table's row. It shows the value as its editor shows it (a flat
 * text field, a drop-down's button) and becomes that editor (pl-field-editor.h) when the user
 * reaches it: the pointer over a text field, a click, the keyboard focus. A table's column
 * view binds a few hundred rows however few show (GTK 4.8 keeps 200), and an editor costs
 * many times what showing a value does: a drop-down, with its popover and list, 5 ms. Once
 * made, the editor stays, bound to whichever record the row shows. */
PlFieldCell *pl_field_cell_new         (const PlField *field);
/* Shows @field of @item and makes changes edits of @plan; a NULL @item unbinds (committing
 * what was typed). */
void         pl_field_cell_bind        (PlFieldCell *self, PlPlan *plan, PlItem *item, guint field);
/* Names the cell for a screen reader (already translated), the editor too once made. */
void         pl_field_cell_set_name    (PlFieldCell *self, const char *name);
/* Marks the value with the warning look and @tip in its tooltip; NULL clears the mark. */
void         pl_field_cell_set_warning (PlFieldCell *self, const char *tip);
/* Makes the editor if it is not made yet and returns it. */
GtkWidget   *pl_field_cell_reach       (PlFieldCell *self);
/* The editor, or NULL while the cell only shows its value. */
GtkWidget   *pl_field_cell_get_editor  (PlFieldCell *self);
/* The field the cell shows. */
const PlField *pl_field_cell_get_field (PlFieldCell *self);
/* The text the cell shows (for tests). */
char        *pl_field_cell_get_text    (PlFieldCell *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PL_TYPE_CELL_EDITOR (pl_cell_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlCellEditor, pl_cell_editor, PL, CELL_EDITOR, GtkWidget)

/* One cell of a spreadsheet-like grid, typed into as in a spreadsheet. It knows nothing of
 * rows, plans or how its grid is built: the grid shows a value in it, and hears back through
 * signals.
 *
 * Selected (focused) but not editing, it shows its value: a printable key starts editing with
 * that key replacing the value; Enter, F2 or a double-click edits the value with the caret at
 * its end; arrows, Tab and Shift+Tab emit "move" (Shift+arrows with extend TRUE), Ctrl+C
 * "copy", Ctrl+V "paste". Editing, it draws a frame: Escape puts the value back, Enter (down),
 * Tab (right), Up and Down commit then move; Left and Right do too when the editing began by
 * typing over the value, and move the caret when it began with Enter, F2 or a double-click.
 *
 * Signals:
 *  - "commit" (const char *text) -> gboolean: the grid stores @text and returns TRUE, or
 *    refuses it (returns FALSE, after pl_cell_editor_set_error()) and the cell stays editing.
 *  - "move" (int rows, int columns, gboolean extend) -> gboolean: the grid selects the
 *    neighbour cell and returns TRUE, or FALSE at its edge (then Tab leaves the grid).
 *  - "selected" (gboolean extend): the cell was clicked (extend: with Shift) or focused.
 *  - "copy", "paste": Ctrl+C, Ctrl+V on the selected cell. */
PlCellEditor *pl_cell_editor_new            (void);
/* Shows @text as the cell's value. While the cell is being edited what is typed stays; the
 * value shows when the editing ends. */
void          pl_cell_editor_set_text       (PlCellEditor *self, const char *text);
/* The value shown (not what is being typed). */
const char   *pl_cell_editor_get_text       (PlCellEditor *self);
/* A read-only cell is selected and copied, never edited: a key on it rings the bell and
 * emits "commit" with NULL text, so the grid can say why. */
void          pl_cell_editor_set_editable   (PlCellEditor *self, gboolean editable);
gboolean      pl_cell_editor_get_editable   (PlCellEditor *self);
/* Starts editing: @replacement replaces the value (a typed key, or "") or, NULL, the value is
 * kept with the caret at its end. The keyboard focus goes into the cell. */
void          pl_cell_editor_start_editing  (PlCellEditor *self, const char *replacement);
gboolean      pl_cell_editor_is_editing     (PlCellEditor *self);
/* What is being typed, or NULL when not editing. */
const char   *pl_cell_editor_get_edit_text  (PlCellEditor *self);
/* Ends the editing by emitting "commit"; TRUE when the grid took the text (or nothing was
 * being edited). */
gboolean      pl_cell_editor_commit         (PlCellEditor *self);
/* Ends the editing and shows the value as it was. */
void          pl_cell_editor_cancel         (PlCellEditor *self);
/* Marks what is typed as refused, @message in the tooltip; NULL clears the mark. */
void          pl_cell_editor_set_error      (PlCellEditor *self, const char *message);
/* Marks the cell as part of the selected block of cells. */
void          pl_cell_editor_set_in_block   (PlCellEditor *self, gboolean in_block);

G_END_DECLS

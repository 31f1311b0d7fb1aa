/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-cell-grid"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-cell-grid.h"
#include "pl-grid-view.h"

G_DEFINE_INTERFACE (PlCellGrid, pl_cell_grid, GTK_TYPE_WIDGET)

/* What every grid keeps of its cursor, attached to the grid: an interface has no fields. */
typedef struct
{
  guint    cursor_row, cursor_column;
  guint    anchor_row, anchor_column;
  gboolean moving;         /* the grid moves the focus itself: the cells' focus is its doing */
  gboolean focus_pending;  /* the cursor's cell is off screen: focus it when it is bound */
} State;

static void
pl_cell_grid_default_init (PlCellGridInterface *iface)
{
}

static State *
get_state (PlCellGrid *self)
{
  static GQuark quark;
  State *state;

  if (quark == 0)
    quark = g_quark_from_static_string ("pl-cell-grid-state");
  state = g_object_get_qdata (G_OBJECT (self), quark);
  if (state == NULL)
    {
      state = g_new0 (State, 1);
      g_object_set_qdata_full (G_OBJECT (self), quark, state, g_free);
    }
  return state;
}

static gboolean
in_block (State *state, guint row, guint column)
{
  guint top = MIN (state->anchor_row, state->cursor_row), bottom = MAX (state->anchor_row, state->cursor_row);
  guint left = MIN (state->anchor_column, state->cursor_column), right = MAX (state->anchor_column, state->cursor_column);

  return (top != bottom || left != right) && row >= top && row <= bottom && column >= left && column <= right;
}

/* Marks the bound cells in the block (the block's cells off screen are marked when bound). */
static void
refresh_block (PlCellGrid *self)
{
  PlCellGridInterface *iface = PL_CELL_GRID_GET_IFACE (self);
  State *state = get_state (self);
  guint rows = iface->get_n_rows (self), columns = iface->get_n_columns (self);
  guint top = MIN (state->anchor_row, state->cursor_row), bottom = MAX (state->anchor_row, state->cursor_row);
  guint left = MIN (state->anchor_column, state->cursor_column), right = MAX (state->anchor_column, state->cursor_column);
  static GQuark marked;

  if (marked == 0)
    marked = g_quark_from_static_string ("pl-cell-grid-marked");
  /* Clear the marks of the last block, then mark this one: only bound cells are reached. */
  {
    GPtrArray *before = g_object_get_qdata (G_OBJECT (self), marked);
    for (guint i = 0; before != NULL && i < before->len; i++)
      pl_cell_editor_set_in_block (g_ptr_array_index (before, i), FALSE);
  }
  {
    GPtrArray *now = g_ptr_array_new_with_free_func (g_object_unref);
    if (top != bottom || left != right)
      for (guint r = top; r <= bottom && r < rows; r++)
        for (guint c = left; c <= right && c < columns; c++)
          {
            GtkWidget *cell = iface->get_cell (self, r, c);
            if (cell != NULL)
              {
                pl_cell_editor_set_in_block (PL_CELL_EDITOR (cell), TRUE);
                g_ptr_array_add (now, g_object_ref (cell));
              }
          }
    g_object_set_qdata_full (G_OBJECT (self), marked, now, (GDestroyNotify) g_ptr_array_unref);
  }
}

/* Moves the cursor to (@row, @column), the anchor with it unless @extend, and tells the grid. */
static void
set_cursor (PlCellGrid *self, guint row, guint column, gboolean extend)
{
  PlCellGridInterface *iface = PL_CELL_GRID_GET_IFACE (self);
  State *state = get_state (self);

  state->cursor_row = row;
  state->cursor_column = column;
  if (!extend)
    {
      state->anchor_row = row;
      state->anchor_column = column;
    }
  if (iface->cursor_moved != NULL)
    {
      state->moving = TRUE;
      iface->cursor_moved (self, row, column);
      state->moving = FALSE;
    }
  refresh_block (self);
}

/* The grid's scrolled window: the first under it (the grid's rows scroll, not the grid). */
static GtkScrolledWindow *
find_scrolled (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = GTK_IS_SCROLLED_WINDOW (child) ? GTK_SCROLLED_WINDOW (child) : find_scrolled (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Gives @cell the keyboard focus as the grid's own move (its "selected" is not a click), and
 * scrolls it whole into view. */
static void
focus_cell (PlCellGrid *self, GtkWidget *cell)
{
  State *state = get_state (self);
  GtkScrolledWindow *scrolled = find_scrolled (GTK_WIDGET (self));

  state->focus_pending = FALSE;
  state->moving = TRUE;
  gtk_widget_grab_focus (cell);
  state->moving = FALSE;
  if (scrolled != NULL)
    pl_grid_view_reveal (scrolled, cell);
}

/* ---- the cells' signals ---- */

static void
on_cell_selected_cb (PlCellEditor *cell, gboolean extend, PlCellGrid *self)
{
  State *state = get_state (self);
  guint row, column;

  if (state->moving || !PL_CELL_GRID_GET_IFACE (self)->locate (self, GTK_WIDGET (cell), &row, &column))
    return;
  set_cursor (self, row, column, extend);
}

static gboolean
on_cell_move_cb (PlCellEditor *cell, int rows, int columns, gboolean extend, PlCellGrid *self)
{
  PlCellGridInterface *iface = PL_CELL_GRID_GET_IFACE (self);
  State *state = get_state (self);
  int last_row = (int) iface->get_n_rows (self) - 1, last_column = (int) iface->get_n_columns (self) - 1;
  guint from_row, from_column;
  int row, column;

  /* From the block's moving corner when Shift stretches it, else from the cell itself. */
  if (extend)
    {
      from_row = state->cursor_row;
      from_column = state->cursor_column;
    }
  else if (!iface->locate (self, GTK_WIDGET (cell), &from_row, &from_column))
    return FALSE;
  row = (int) from_row;
  column = CLAMP ((int) from_column + columns, 0, MAX (last_column, 0));
  if (rows != 0)
    {
      int next = row + rows;

      /* Over the rows that are not stops (totals), unless a block stretches over them. */
      while (!extend && iface->is_stop != NULL && next >= 0 && next <= last_row && !iface->is_stop (self, (guint) next))
        next += rows;
      if (next >= 0 && next <= last_row)
        row = next;
    }
  if (row == (int) from_row && column == (int) from_column)
    return FALSE;
  pl_cell_grid_select (self, (guint) row, (guint) column, extend);
  return TRUE;
}

static void
on_cell_copy_cb (PlCellEditor *cell, PlCellGrid *self)
{
  PlCellGridInterface *iface = PL_CELL_GRID_GET_IFACE (self);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *text = NULL;
  guint top, left, bottom, right;

  pl_cell_grid_get_block (self, &top, &left, &bottom, &right);
  for (guint r = top; r <= bottom && r < iface->get_n_rows (self); r++)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint c = left; c <= right && c < iface->get_n_columns (self); c++)
        {
          g_autofree char *value = iface->copy_cell (self, r, c);
          g_strv_builder_add (builder, value);
        }
      g_ptr_array_add (rows, g_strv_builder_end (builder));
    }
  text = pl_grid_format_block (rows);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

/* Reads every cell of @rows for the grid at (@top, @left), then stores them as one step;
 * refused whole, saying why, at the first cell that is not right. */
static gboolean
paste (PlCellGrid *self, guint top, guint left, GPtrArray *rows)
{
  PlCellGridInterface *iface = PL_CELL_GRID_GET_IFACE (self);
  g_autoptr(GError) error = NULL;
  guint width = 0;

  for (guint r = 0; r < rows->len; r++)
    width = MAX (width, g_strv_length (g_ptr_array_index (rows, r)));
  if (top + rows->len > iface->get_n_rows (self) || left + width > iface->get_n_columns (self))
    {
      g_autofree char *message = g_strdup_printf (
        /* Translators: the rows and columns of a block pasted into a grid */
        _("The pasted block has %u rows and %u columns: from the selected cell it does not fit in the grid. Nothing was pasted."),
        rows->len, width);
      iface->refuse (self, message);
      return FALSE;
    }
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        if (!iface->check_cell (self, top + r, left + c, cells[c], &error))
          {
            g_autofree char *cell = iface->describe_cell (self, top + r, left + c);
            /* Translators: a cell of a grid ("Leads, March 2027"), then why it cannot take
             * what was pasted into it */
            g_autofree char *message = g_strdup_printf (_("%s: %s Nothing was pasted."), cell, error->message);

            iface->refuse (self, message);
            return FALSE;
          }
    }
  if (!iface->store_block (self, top, left, rows, &error))
    {
      iface->refuse (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
on_clipboard_text_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(PlCellGrid) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_autoptr(GPtrArray) rows = NULL;
  guint top, left, bottom, right, width = 0;

  if (text == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        PL_CELL_GRID_GET_IFACE (self)->refuse (self, _("The clipboard holds no text to paste."));
      return;
    }
  /* Nothing copied: nothing to paste (not an empty cell over the selected one). */
  if (*text == '\0')
    return;
  rows = pl_grid_parse_block (text);
  pl_cell_grid_get_block (self, &top, &left, &bottom, &right);
  if (!paste (self, top, left, rows))
    return;
  for (guint r = 0; r < rows->len; r++)
    width = MAX (width, g_strv_length (g_ptr_array_index (rows, r)));
  /* The pasted cells become the selected block, as in a spreadsheet. */
  for (guint r = 0; r < rows->len; r++)
    width = MAX (width, g_strv_length (g_ptr_array_index (rows, r)));
  {
    State *state = get_state (self);
    state->anchor_row = top;
    state->anchor_column = left;
  }
  pl_cell_grid_select (self, top + rows->len - 1, left + MAX (width, 1) - 1, TRUE);
}

static void
on_cell_paste_cb (PlCellEditor *cell, PlCellGrid *self)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL, on_clipboard_text_cb,
                                 g_object_ref (self));
}

static gboolean
focus_pending_cb (gpointer data)
{
  g_autoptr(PlCellGrid) self = data;
  State *state = get_state (self);
  GtkWidget *cell;

  if (!state->focus_pending)
    return G_SOURCE_REMOVE;
  cell = PL_CELL_GRID_GET_IFACE (self)->get_cell (self, state->cursor_row, state->cursor_column);
  if (cell != NULL)
    focus_cell (self, cell);
  return G_SOURCE_REMOVE;
}

/* ---- public API ---- */

void
pl_cell_grid_add_cell (PlCellGrid *self, PlCellEditor *cell)
{
  g_return_if_fail (PL_IS_CELL_GRID (self));
  g_return_if_fail (PL_IS_CELL_EDITOR (cell));
  g_signal_connect_object (cell, "move", G_CALLBACK (on_cell_move_cb), self, 0);
  g_signal_connect_object (cell, "selected", G_CALLBACK (on_cell_selected_cb), self, 0);
  g_signal_connect_object (cell, "copy", G_CALLBACK (on_cell_copy_cb), self, 0);
  g_signal_connect_object (cell, "paste", G_CALLBACK (on_cell_paste_cb), self, 0);
}

void
pl_cell_grid_cell_bound (PlCellGrid *self, PlCellEditor *cell)
{
  State *state;
  guint row, column;

  g_return_if_fail (PL_IS_CELL_GRID (self));
  state = get_state (self);
  if (!PL_CELL_GRID_GET_IFACE (self)->locate (self, GTK_WIDGET (cell), &row, &column))
    return;
  pl_cell_editor_set_in_block (cell, in_block (state, row, column));
  /* The cursor went to a row that was off screen: its cell has come. Focused once the
   * binding is over, not in the middle of it. */
  if (state->focus_pending && row == state->cursor_row && column == state->cursor_column)
    g_idle_add (focus_pending_cb, g_object_ref (self));
}

void
pl_cell_grid_select (PlCellGrid *self, guint row, guint column, gboolean extend)
{
  PlCellGridInterface *iface;
  State *state;
  GtkWidget *cell;

  g_return_if_fail (PL_IS_CELL_GRID (self));
  iface = PL_CELL_GRID_GET_IFACE (self);
  state = get_state (self);
  set_cursor (self, row, column, extend);
  cell = iface->get_cell (self, row, column);
  if (cell != NULL)
    focus_cell (self, cell);
  else
    {
      GtkScrolledWindow *scrolled = find_scrolled (GTK_WIDGET (self));

      /* Off screen: scrolled to, and focused when its row is bound. */
      state->focus_pending = TRUE;
      if (scrolled != NULL)
        pl_grid_view_scroll_to (scrolled, row, iface->get_n_rows (self));
    }
}

void
pl_cell_grid_place_row (PlCellGrid *self, guint row)
{
  State *state;

  g_return_if_fail (PL_IS_CELL_GRID (self));
  state = get_state (self);
  if (state->moving)
    return;
  state->cursor_row = state->anchor_row = row;
  state->anchor_column = state->cursor_column;
  refresh_block (self);
}

void
pl_cell_grid_get_cursor (PlCellGrid *self, guint *row, guint *column)
{
  State *state;

  g_return_if_fail (PL_IS_CELL_GRID (self));
  state = get_state (self);
  *row = state->cursor_row;
  *column = state->cursor_column;
}

void
pl_cell_grid_get_block (PlCellGrid *self, guint *top, guint *left, guint *bottom, guint *right)
{
  State *state;

  g_return_if_fail (PL_IS_CELL_GRID (self));
  state = get_state (self);
  *top = MIN (state->anchor_row, state->cursor_row);
  *bottom = MAX (state->anchor_row, state->cursor_row);
  *left = MIN (state->anchor_column, state->cursor_column);
  *right = MAX (state->anchor_column, state->cursor_column);
}

void
pl_cell_grid_reset (PlCellGrid *self)
{
  State *state;

  g_return_if_fail (PL_IS_CELL_GRID (self));
  state = get_state (self);
  memset (state, 0, sizeof *state);
  g_object_set_qdata (G_OBJECT (self), g_quark_from_static_string ("pl-cell-grid-marked"), NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-cell-editor"
#include "config.h"

#include "pl-cell-editor.h"
#include "pl-tooltip.h"

struct _PlCellEditor
{
  GtkWidget  parent_instance;

  /* Children: the value as shown, and the text typed while editing (one visible at a time). */
  GtkInscription *label;  /* its text changes redraw the cell alone: no layout of the grid */
  GtkText   *text;

  char      *value;
  gboolean   editable;
  gboolean   editing;
  /* The editing began by typing over the value: Left and Right leave the cell, as in a
   * spreadsheet, rather than move the caret. */
  gboolean   typed_over;
  gboolean   clicking;    /* a click is focusing the cell: it says itself whether Shift was down */
  gboolean   committing;  /* "commit" is running: a focus change it causes does not commit again */
};

G_DEFINE_FINAL_TYPE (PlCellEditor, pl_cell_editor, GTK_TYPE_WIDGET)

enum {
  SIGNAL_COMMIT,
  SIGNAL_MOVE,
  SIGNAL_SELECTED,
  SIGNAL_COPY,
  SIGNAL_PASTE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- editing ---- */

/* The text typed into, made when the cell is first edited: a grid binds a few thousand
 * cells, and most are never typed into. */
static GtkText *
ensure_text (PlCellEditor *self)
{
  if (self->text != NULL)
    return self->text;
  self->text = GTK_TEXT (gtk_text_new ());
  gtk_editable_set_alignment (GTK_EDITABLE (self->text), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->text), 4);
  /* Undo is the plan's (Ctrl+Z reaches the window), not the text's own. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->text), FALSE);
  gtk_widget_set_opacity (GTK_WIDGET (self->text), 0);
  gtk_widget_set_can_target (GTK_WIDGET (self->text), FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->text), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_parent (GTK_WIDGET (self->text), GTK_WIDGET (self));
  /* Typed into, the cell is still named by its row and month (the grid names the cell). */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->text), GTK_ACCESSIBLE_RELATION_LABELLED_BY, self, NULL, -1);
  return self->text;
}

static void
show_editing (PlCellEditor *self, gboolean editing)
{
  self->editing = editing;
  /* Both stay in place and only one is seen: showing or hiding one would have the grid
   * measure the whole column again (GTK 4.8 lays out every cell of a column whose cell asks
   * for a new size), for a cell whose size does not change. The text hidden takes neither
   * the pointer, the keyboard (pl_cell_editor_focus()) nor a screen reader's attention. */
  gtk_widget_set_opacity (GTK_WIDGET (self->text), editing ? 1 : 0);
  gtk_widget_set_can_target (GTK_WIDGET (self->text), editing);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->text), GTK_ACCESSIBLE_STATE_HIDDEN, !editing, -1);
  gtk_widget_set_opacity (GTK_WIDGET (self->label), editing ? 0 : 1);
  if (editing)
    gtk_widget_add_css_class (GTK_WIDGET (self), "editing");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "editing");
}

static void
end_editing (PlCellEditor *self)
{
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (self->text));

  show_editing (self, FALSE);
  gtk_inscription_set_text (self->label, self->value ? self->value : "");
  /* The cell stays selected: the keyboard goes on from it. */
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
refuse_read_only (PlCellEditor *self)
{
  gboolean handled = FALSE;

  gtk_widget_error_bell (GTK_WIDGET (self));
  /* NULL text: the grid says why this cell is not typed into. */
  g_signal_emit (self, signals[SIGNAL_COMMIT], 0, NULL, &handled);
}

/* Asks the grid to select the cell @rows down and @columns right; FALSE when there is none
 * (the grid's edge). */
static gboolean
move (PlCellEditor *self, int rows, int columns, gboolean extend)
{
  gboolean moved = FALSE;

  g_signal_emit (self, signals[SIGNAL_MOVE], 0, rows, columns, extend, &moved);
  return moved;
}

/* Returns FALSE when the grid has no cell that way, so that Tab leaves the grid rather than
 * trap the keyboard in it. */
static gboolean
commit_and_move (PlCellEditor *self, int rows, int columns)
{
  if (!pl_cell_editor_commit (self))
    return TRUE;
  return move (self, rows, columns, FALSE);
}

/* ---- callbacks ---- */

static gboolean
on_key_pressed_cb (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state,
                   PlCellEditor *self)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  gboolean command = (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0;
  gunichar c;

  if (self->editing)
    {
      switch (keyval)
        {
        case GDK_KEY_Escape:
          pl_cell_editor_cancel (self);
          return TRUE;
        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
        case GDK_KEY_ISO_Enter:
          commit_and_move (self, shift ? -1 : 1, 0);
          return TRUE;
        case GDK_KEY_Tab:
        case GDK_KEY_KP_Tab:
          return commit_and_move (self, 0, shift ? -1 : 1);
        case GDK_KEY_ISO_Left_Tab:
          return commit_and_move (self, 0, -1);
        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
          commit_and_move (self, -1, 0);
          return TRUE;
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          commit_and_move (self, 1, 0);
          return TRUE;
        case GDK_KEY_Left:
        case GDK_KEY_KP_Left:
        case GDK_KEY_Right:
        case GDK_KEY_KP_Right:
          if (!self->typed_over || shift)
            return FALSE;
          commit_and_move (self, 0, keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1);
          return TRUE;
        default:
          return FALSE;
        }
    }

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_F2:
      if (command)
        return FALSE;
      if (self->editable)
        pl_cell_editor_start_editing (self, NULL);
      else
        refuse_read_only (self);
      return TRUE;
    case GDK_KEY_BackSpace:
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if (command)
        return FALSE;
      /* As a spreadsheet does: the value goes, and what is typed next replaces it. */
      if (self->editable)
        pl_cell_editor_start_editing (self, "");
      else
        refuse_read_only (self);
      return TRUE;
    /* Arrows stop at the grid's edge, as a spreadsheet's do. */
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move (self, -1, 0, shift);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move (self, 1, 0, shift);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move (self, 0, -1, shift);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move (self, 0, 1, shift);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (command)
        return FALSE;
      return move (self, 0, keyval == GDK_KEY_ISO_Left_Tab || shift ? -1 : 1, FALSE);
    default:
      break;
    }

  if ((state & GDK_CONTROL_MASK) != 0 && (state & (GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0)
    {
      if (keyval == GDK_KEY_c || keyval == GDK_KEY_C || keyval == GDK_KEY_Insert)
        {
          g_signal_emit (self, signals[SIGNAL_COPY], 0);
          return TRUE;
        }
      if (keyval == GDK_KEY_v || keyval == GDK_KEY_V)
        {
          g_signal_emit (self, signals[SIGNAL_PASTE], 0);
          return TRUE;
        }
      return FALSE;
    }
  if (command)
    return FALSE;
  c = gdk_keyval_to_unicode (keyval);
  if (c == 0 || !g_unichar_isprint (c))
    return FALSE;
  if (self->editable)
    {
      char utf8[8] = { 0 };

      g_unichar_to_utf8 (c, utf8);
      pl_cell_editor_start_editing (self, utf8);
      self->typed_over = TRUE;
    }
  else
    refuse_read_only (self);
  return TRUE;
}

static void
on_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, PlCellEditor *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (self->editing)
    return;
  /* The click is the cell's: the row under it would otherwise take the focus for itself. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->clicking = TRUE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->clicking = FALSE;
  g_signal_emit (self, signals[SIGNAL_SELECTED], 0, (state & GDK_SHIFT_MASK) != 0);
  if (n_press == 2)
    {
      if (self->editable)
        pl_cell_editor_start_editing (self, NULL);
      else
        refuse_read_only (self);
    }
}

static void
on_focus_enter_cb (GtkEventControllerFocus *focus, PlCellEditor *self)
{
  if (!self->clicking && !self->editing)
    g_signal_emit (self, signals[SIGNAL_SELECTED], 0, FALSE);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *focus, PlCellEditor *self)
{
  /* Clicking elsewhere keeps what was typed, as a spreadsheet does; a value the grid refuses
   * is dropped (the grid has said why) and the old one stays. */
  if (self->editing && !self->committing && !pl_cell_editor_commit (self))
    pl_cell_editor_cancel (self);
}

/* ---- GtkWidget ---- */

static gboolean
pl_cell_editor_grab_focus (GtkWidget *widget)
{
  PlCellEditor *self = PL_CELL_EDITOR (widget);

  /* Focused again while editing (the window given back the focus, the grid moving to the
   * cell): the caret stays where it was, nothing gets selected for the next key to replace. */
  if (self->editing)
    return gtk_text_grab_focus_without_selecting (self->text);
  return GTK_WIDGET_CLASS (pl_cell_editor_parent_class)->grab_focus (widget);
}

/* Not editing, the cell is one stop of the keyboard: its hidden text is none. */
static gboolean
pl_cell_editor_focus (GtkWidget *widget, GtkDirectionType direction)
{
  PlCellEditor *self = PL_CELL_EDITOR (widget);

  if (self->editing)
    return GTK_WIDGET_CLASS (pl_cell_editor_parent_class)->focus (widget, direction);
  if (gtk_widget_is_focus (widget))
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

/* ---- GObject ---- */

static void
pl_cell_editor_dispose (GObject *object)
{
  PlCellEditor *self = PL_CELL_EDITOR (object);

  if (self->label != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->label));
  if (self->text != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->text));
  self->label = NULL;
  self->text = NULL;
  G_OBJECT_CLASS (pl_cell_editor_parent_class)->dispose (object);
}

static void
pl_cell_editor_finalize (GObject *object)
{
  PlCellEditor *self = PL_CELL_EDITOR (object);

  g_free (self->value);
  G_OBJECT_CLASS (pl_cell_editor_parent_class)->finalize (object);
}

static void
pl_cell_editor_class_init (PlCellEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_cell_editor_dispose;
  object_class->finalize = pl_cell_editor_finalize;

  signals[SIGNAL_COMMIT] = g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         g_signal_accumulator_first_wins, NULL, NULL,
                                         G_TYPE_BOOLEAN, 1, G_TYPE_STRING);
  signals[SIGNAL_MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       g_signal_accumulator_first_wins, NULL, NULL,
                                       G_TYPE_BOOLEAN, 3, G_TYPE_INT, G_TYPE_INT, G_TYPE_BOOLEAN);
  signals[SIGNAL_SELECTED] = g_signal_new ("selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                           NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals[SIGNAL_COPY] = g_signal_new ("copy", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);
  signals[SIGNAL_PASTE] = g_signal_new ("paste", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);

  widget_class->grab_focus = pl_cell_editor_grab_focus;
  widget_class->focus = pl_cell_editor_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "celleditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
pl_cell_editor_init (PlCellEditor *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->editable = TRUE;
  /* An inscription asks the same size whatever its text: a value typed redraws its cell, it
   * does not make the grid measure its rows again. */
  self->label = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  gtk_inscription_set_xalign (self->label, 1.0);
  gtk_inscription_set_text_overflow (self->label, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  /* Capture: the keys that end the editing are the cell's before the text's. */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/* ---- public API ---- */

PlCellEditor *
pl_cell_editor_new (void)
{
  return g_object_new (PL_TYPE_CELL_EDITOR, NULL);
}

void
pl_cell_editor_set_text (PlCellEditor *self, const char *text)
{
  g_return_if_fail (PL_IS_CELL_EDITOR (self));
  if (g_strcmp0 (self->value, text) == 0)
    return;
  g_free (self->value);
  self->value = g_strdup (text);
  if (!self->editing)
    gtk_inscription_set_text (self->label, text ? text : "");
}

const char *
pl_cell_editor_get_text (PlCellEditor *self)
{
  g_return_val_if_fail (PL_IS_CELL_EDITOR (self), NULL);
  return self->value ? self->value : "";
}

void
pl_cell_editor_set_editable (PlCellEditor *self, gboolean editable)
{
  g_return_if_fail (PL_IS_CELL_EDITOR (self));
  self->editable = editable;
  if (!editable && self->editing)
    pl_cell_editor_cancel (self);
}

gboolean
pl_cell_editor_get_editable (PlCellEditor *self)
{
  g_return_val_if_fail (PL_IS_CELL_EDITOR (self), FALSE);
  return self->editable;
}

void
pl_cell_editor_start_editing (PlCellEditor *self, const char *replacement)
{
  const char *start = replacement ? replacement : pl_cell_editor_get_text (self);

  g_return_if_fail (PL_IS_CELL_EDITOR (self));
  if (!self->editable)
    return;
  self->typed_over = FALSE;
  pl_cell_editor_set_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (ensure_text (self)), start);
  show_editing (self, TRUE);
  /* The caret after the last character, nothing selected: what is typed is added. */
  gtk_editable_set_position (GTK_EDITABLE (self->text), -1);
  gtk_text_grab_focus_without_selecting (self->text);
}

gboolean
pl_cell_editor_is_editing (PlCellEditor *self)
{
  g_return_val_if_fail (PL_IS_CELL_EDITOR (self), FALSE);
  return self->editing;
}

const char *
pl_cell_editor_get_edit_text (PlCellEditor *self)
{
  g_return_val_if_fail (PL_IS_CELL_EDITOR (self), NULL);
  return self->editing ? gtk_editable_get_text (GTK_EDITABLE (self->text)) : NULL;
}

gboolean
pl_cell_editor_commit (PlCellEditor *self)
{
  g_autofree char *typed = NULL;
  gboolean accepted = FALSE;

  g_return_val_if_fail (PL_IS_CELL_EDITOR (self), FALSE);
  if (!self->editing || self->committing)
    return TRUE;
  typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text)));
  /* Unchanged: nothing to store, and no step to undo. */
  if (g_strcmp0 (typed, pl_cell_editor_get_text (self)) == 0)
    accepted = TRUE;
  else
    {
      self->committing = TRUE;
      g_signal_emit (self, signals[SIGNAL_COMMIT], 0, typed, &accepted);
      self->committing = FALSE;
    }
  if (accepted)
    {
      pl_cell_editor_set_error (self, NULL);
      end_editing (self);
    }
  return accepted;
}

void
pl_cell_editor_cancel (PlCellEditor *self)
{
  g_return_if_fail (PL_IS_CELL_EDITOR (self));
  if (!self->editing)
    return;
  pl_cell_editor_set_error (self, NULL);
  end_editing (self);
}

void
pl_cell_editor_set_error (PlCellEditor *self, const char *message)
{
  g_return_if_fail (PL_IS_CELL_EDITOR (self));
  /* The error shows in the tooltip over the grid's own (pl_tooltip_set()), until cleared. */
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  pl_tooltip_set_error (GTK_WIDGET (self), message);
}

void
pl_cell_editor_set_in_block (PlCellEditor *self, gboolean in_block)
{
  g_return_if_fail (PL_IS_CELL_EDITOR (self));
  if (in_block)
    gtk_widget_add_css_class (GTK_WIDGET (self), "in-block");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "in-block");
}

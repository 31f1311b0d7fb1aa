/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-field-cell"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-a11y.h"
#include "pl-choice-list.h"
#include "pl-enums.h"
#include "pl-field-cell.h"
#include "pl-field-editor.h"
#include "pl-field-text.h"
#include "pl-tooltip.h"

/* ---- the faces: a value shown as its editor shows it, by the theme's own rules ---- */

/* A flat text field's look: the theme's "entry" node (its padding, height and colours), the
 * value in it. */
#define PL_TYPE_ENTRY_FACE (pl_entry_face_get_type ())
G_DECLARE_FINAL_TYPE (PlEntryFace, pl_entry_face, PL, ENTRY_FACE, GtkWidget)

struct _PlEntryFace
{
  GtkWidget  parent_instance;
  GtkWidget *text;
};

G_DEFINE_FINAL_TYPE (PlEntryFace, pl_entry_face, GTK_TYPE_WIDGET)

static void
pl_entry_face_dispose (GObject *object)
{
  g_clear_pointer (&PL_ENTRY_FACE (object)->text, gtk_widget_unparent);
  G_OBJECT_CLASS (pl_entry_face_parent_class)->dispose (object);
}

static void
pl_entry_face_class_init (PlEntryFaceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pl_entry_face_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "entry");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_TEXT_BOX);
}

static void
pl_entry_face_init (PlEntryFace *self)
{
  /* An inscription asks no width of its text, as an entry's text scrolls in its cell. */
  self->text = gtk_inscription_new (NULL);
  gtk_widget_set_parent (self->text, GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");
}

/* A drop-down's look: the theme's "dropdown" node, its button, the choice and the arrow. */
#define PL_TYPE_DROP_DOWN_FACE (pl_drop_down_face_get_type ())
G_DECLARE_FINAL_TYPE (PlDropDownFace, pl_drop_down_face, PL, DROP_DOWN_FACE, GtkWidget)

struct _PlDropDownFace
{
  GtkWidget  parent_instance;
  GtkWidget *button;
  GtkWidget *label;
};

G_DEFINE_FINAL_TYPE (PlDropDownFace, pl_drop_down_face, GTK_TYPE_WIDGET)

static void
pl_drop_down_face_dispose (GObject *object)
{
  g_clear_pointer (&PL_DROP_DOWN_FACE (object)->button, gtk_widget_unparent);
  G_OBJECT_CLASS (pl_drop_down_face_parent_class)->dispose (object);
}

static void
pl_drop_down_face_class_init (PlDropDownFaceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pl_drop_down_face_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "dropdown");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_COMBO_BOX);
}

static void
pl_drop_down_face_init (PlDropDownFace *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");

  self->button = gtk_toggle_button_new ();
  /* The cell takes the focus and hands it to the real drop-down it becomes. */
  gtk_widget_set_focusable (self->button, FALSE);
  gtk_widget_set_focus_on_click (self->button, FALSE);
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_button_set_child (GTK_BUTTON (self->button), box);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
}

/* ---- PlFieldCell ---- */

struct _PlFieldCell
{
  GtkWidget      parent_instance;

  const PlField *field;   /* the record class's table, which lives as long as the program */
  PlPlan        *plan;
  PlItem        *item;
  PlItem        *target;  /* the record a reference shows, followed for its name */
  guint          index;   /* the field's position in its record's table */
  char          *name;    /* for a screen reader */
  char          *warning; /* the warning's tooltip, or NULL */
  GtkWidget     *face;    /* the value shown, until the editor is made */
  GtkWidget     *editor;
};

G_DEFINE_FINAL_TYPE (PlFieldCell, pl_field_cell, GTK_TYPE_WIDGET)

static gboolean
is_choice (const PlField *field)
{
  return field->type == PL_FIELD_REF || field->type == PL_FIELD_ENUM;
}

/* The record @self's reference names, or NULL (none, or gone). */
static PlItem *
find_target (PlFieldCell *self)
{
  const char *id = self->item && self->plan ? pl_item_get_string (self->item, self->index) : NULL;
  PlItem *target = id ? pl_plan_lookup (self->plan, id) : NULL;

  return target != NULL && pl_collection_for_type (G_OBJECT_TYPE (target)) == self->field->ref ? target : NULL;
}

/* The text the face shows, as the editor would show it. */
static char *
face_text (PlFieldCell *self)
{
  if (self->item == NULL || self->plan == NULL)
    return g_strdup ("");
  if (self->field->type == PL_FIELD_REF)
    {
      PlItem *target = find_target (self);

      /* A reference to no record, or to one that is gone, as the drop-down shows it. */
      return g_strdup (target ? pl_choice_get_text (target) : pl_choice_list_none_text (self->field->ref));
    }
  if (self->field->type == PL_FIELD_ENUM)
    return g_strdup (pl_enum_get_label (self->field->enum_type (), (int) pl_item_get_int (self->item, self->index)));
  return pl_field_format (self->plan, self->item, self->index);
}

static void refresh_face (PlFieldCell *self);

static void
on_target_changed_cb (PlFieldCell *self)
{
  refresh_face (self);
}

/* Follows the record a reference shows, so that renaming it shows at once. */
static void
follow_target (PlFieldCell *self, PlItem *target)
{
  if (self->target == target)
    return;
  if (self->target != NULL)
    g_signal_handlers_disconnect_by_func (self->target, on_target_changed_cb, self);
  g_set_object (&self->target, target);
  if (target != NULL)
    g_signal_connect_swapped (target, "notify", G_CALLBACK (on_target_changed_cb), self);
}

static void
refresh_face (PlFieldCell *self)
{
  g_autofree char *text = NULL;

  if (self->face == NULL)
    return;
  if (self->field->type == PL_FIELD_REF)
    follow_target (self, find_target (self));
  text = face_text (self);
  if (PL_IS_DROP_DOWN_FACE (self->face))
    {
      gtk_label_set_label (GTK_LABEL (PL_DROP_DOWN_FACE (self->face)->label), text);
      pl_tooltip_set (PL_DROP_DOWN_FACE (self->face)->label, text);
    }
  else
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (PL_ENTRY_FACE (self->face)->text), text);
      /* As the text field does: a long text scrolls out of a narrow cell, the pointer reads it. */
      pl_tooltip_set (self->face, g_utf8_strlen (text, -1) > 24 ? text : NULL);
    }
}

static void
on_field_changed_cb (PlFieldCell *self)
{
  refresh_face (self);
}

/* The look and the name of the cell that do not depend on which widget shows it. (The
 * warning's tooltip is the cell's own: GTK looks up from the widget under the pointer, and
 * the editor keeps its own tooltips for what it has to say.) */
static void
dress (PlFieldCell *self, GtkWidget *widget)
{
  if (self->name != NULL)
    pl_a11y_label (widget, self->name);
  if (self->warning != NULL)
    gtk_widget_add_css_class (widget, "warning");
  else
    gtk_widget_remove_css_class (widget, "warning");
}

/* Opens the drop-down @editor has just become, once it has a place on screen for its
 * popover to point at. */
static gboolean
open_when_placed_cb (GtkWidget *editor, GdkFrameClock *clock, gpointer data)
{
  if (gtk_widget_get_width (editor) == 0)
    return G_SOURCE_CONTINUE;
  for (GtkWidget *child = gtk_widget_get_first_child (editor); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      {
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), TRUE);
        break;
      }
  return G_SOURCE_REMOVE;
}

static void
on_face_clicked_cb (PlFieldCell *self)
{
  GtkWidget *editor = pl_field_cell_reach (self);

  /* A click on the drop-down's look opens the drop-down itself. */
  gtk_widget_grab_focus (editor);
  gtk_widget_add_tick_callback (editor, open_when_placed_cb, NULL, NULL);
}

static void
on_pointer_enter_cb (GtkEventControllerMotion *motion, double x, double y, PlFieldCell *self)
{
  /* Over a text field: the real one is there before the click, which places the caret. */
  if (self->editor == NULL && !is_choice (self->field))
    pl_field_cell_reach (self);
}

/* ---- GtkWidget ---- */

static gboolean
pl_field_cell_focus (GtkWidget *widget, GtkDirectionType direction)
{
  PlFieldCell *self = PL_FIELD_CELL (widget);

  /* Reached with Tab: the editor takes the focus, as it did when it was always there. */
  return gtk_widget_child_focus (pl_field_cell_reach (self), direction);
}

static gboolean
pl_field_cell_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (pl_field_cell_reach (PL_FIELD_CELL (widget)));
}

/* ---- GObject ---- */

static void
pl_field_cell_dispose (GObject *object)
{
  PlFieldCell *self = PL_FIELD_CELL (object);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  follow_target (self, NULL);
  g_clear_object (&self->item);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->face, gtk_widget_unparent);
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  G_OBJECT_CLASS (pl_field_cell_parent_class)->dispose (object);
}

static void
pl_field_cell_finalize (GObject *object)
{
  PlFieldCell *self = PL_FIELD_CELL (object);

  g_free (self->name);
  g_free (self->warning);
  G_OBJECT_CLASS (pl_field_cell_parent_class)->finalize (object);
}

static void
pl_field_cell_class_init (PlFieldCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_field_cell_dispose;
  object_class->finalize = pl_field_cell_finalize;
  widget_class->focus = pl_field_cell_focus;
  widget_class->grab_focus = pl_field_cell_grab_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fieldcell");
}

static void
pl_field_cell_init (PlFieldCell *self)
{
}

/* ---- public API ---- */

PlFieldCell *
pl_field_cell_new (const PlField *field)
{
  PlFieldCell *self;

  g_return_val_if_fail (field != NULL, NULL);
  self = g_object_new (PL_TYPE_FIELD_CELL, NULL);
  self->field = field;
  if (field->type == PL_FIELD_BOOL)
    /* A check box costs what showing it would. */
    pl_field_cell_reach (self);
  else if (is_choice (field))
    {
      self->face = g_object_new (PL_TYPE_DROP_DOWN_FACE, NULL);
      g_signal_connect_swapped (PL_DROP_DOWN_FACE (self->face)->button, "clicked", G_CALLBACK (on_face_clicked_cb), self);
    }
  else
    {
      GtkEventController *motion = gtk_event_controller_motion_new ();

      self->face = g_object_new (PL_TYPE_ENTRY_FACE, NULL);
      /* Figures line up on the right, as the text field aligns them. */
      if (field->type == PL_FIELD_MONEY || field->type == PL_FIELD_INT || field->type == PL_FIELD_DOUBLE)
        gtk_inscription_set_xalign (GTK_INSCRIPTION (PL_ENTRY_FACE (self->face)->text), 1.0);
      g_signal_connect (motion, "enter", G_CALLBACK (on_pointer_enter_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self), motion);
    }
  if (self->face != NULL)
    gtk_widget_set_parent (self->face, GTK_WIDGET (self));
  return self;
}

void
pl_field_cell_bind (PlFieldCell *self, PlPlan *plan, PlItem *item, guint field)
{
  g_return_if_fail (PL_IS_FIELD_CELL (self));
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  follow_target (self, NULL);
  g_set_object (&self->plan, plan);
  g_set_object (&self->item, item);
  self->index = field;
  if (self->editor != NULL)
    pl_field_editor_bind (self->editor, plan, item, field);
  if (item == NULL || plan == NULL || self->face == NULL)
    return;
  {
    g_autofree char *signal = g_strconcat ("notify::", self->field->name, NULL);
    g_signal_connect_swapped (item, signal, G_CALLBACK (on_field_changed_cb), self);
  }
  refresh_face (self);
}

void
pl_field_cell_set_name (PlFieldCell *self, const char *name)
{
  g_return_if_fail (PL_IS_FIELD_CELL (self));
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  if (self->face != NULL)
    {
      pl_a11y_label (self->face, name);
      if (PL_IS_DROP_DOWN_FACE (self->face))
        pl_a11y_label (PL_DROP_DOWN_FACE (self->face)->button, name);
    }
  if (self->editor != NULL)
    pl_a11y_label (self->editor, name);
}

void
pl_field_cell_set_warning (PlFieldCell *self, const char *tip)
{
  g_return_if_fail (PL_IS_FIELD_CELL (self));
  if (g_strcmp0 (self->warning, tip) == 0)
    return;
  g_free (self->warning);
  self->warning = g_strdup (tip);
  pl_tooltip_set (GTK_WIDGET (self), tip);
  dress (self, self->face != NULL ? self->face : self->editor);
}

GtkWidget *
pl_field_cell_reach (PlFieldCell *self)
{
  g_return_val_if_fail (PL_IS_FIELD_CELL (self), NULL);
  if (self->editor != NULL)
    return self->editor;
  self->editor = pl_field_editor_new (self->field, FALSE);
  dress (self, self->editor);
  follow_target (self, NULL);
  if (self->item != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->item, self);
      pl_field_editor_bind (self->editor, self->plan, self->item, self->index);
    }
  g_clear_pointer (&self->face, gtk_widget_unparent);
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
  return self->editor;
}

const PlField *
pl_field_cell_get_field (PlFieldCell *self)
{
  g_return_val_if_fail (PL_IS_FIELD_CELL (self), NULL);
  return self->field;
}

GtkWidget *
pl_field_cell_get_editor (PlFieldCell *self)
{
  g_return_val_if_fail (PL_IS_FIELD_CELL (self), NULL);
  return self->editor;
}

char *
pl_field_cell_get_text (PlFieldCell *self)
{
  g_return_val_if_fail (PL_IS_FIELD_CELL (self), NULL);
  if (self->editor == NULL)
    return face_text (self);
  if (GTK_IS_EDITABLE (self->editor))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));
  return face_text (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-empty-state"
#include "config.h"

#include "pl-empty-state.h"

struct _PlEmptyState
{
  GtkWidget  parent_instance;

  GtkLabel  *title;
  GtkLabel  *description;
  GtkButton *button;
  GtkButton *second;
};

G_DEFINE_FINAL_TYPE (PlEmptyState, pl_empty_state, GTK_TYPE_WIDGET)

static void
pl_empty_state_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), PL_TYPE_EMPTY_STATE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pl_empty_state_parent_class)->dispose (object);
}

static void
pl_empty_state_class_init (PlEmptyStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_empty_state_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-empty-state.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PlEmptyState, title);
  gtk_widget_class_bind_template_child (widget_class, PlEmptyState, description);
  gtk_widget_class_bind_template_child (widget_class, PlEmptyState, button);
  gtk_widget_class_bind_template_child (widget_class, PlEmptyState, second);
}

static void
pl_empty_state_init (PlEmptyState *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PlEmptyState *
pl_empty_state_new (const char *title, const char *description, const char *action_label, const char *action)
{
  PlEmptyState *self = g_object_new (PL_TYPE_EMPTY_STATE, NULL);

  g_return_val_if_fail (title != NULL && description != NULL && action_label != NULL && action != NULL, self);
  gtk_label_set_label (self->title, title);
  gtk_label_set_label (self->description, description);
  gtk_button_set_label (self->button, action_label);
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (self->button), action);
  /* A screen reader reaching the button hears what the page is for, not only the verb. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return self;
}

void
pl_empty_state_set_second (PlEmptyState *self, const char *label, const char *action)
{
  g_return_if_fail (PL_IS_EMPTY_STATE (self));
  gtk_button_set_label (self->second, label);
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (self->second), action);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->second), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_label (self->description), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->second), TRUE);
}

const char *
pl_empty_state_get_title (PlEmptyState *self)
{
  g_return_val_if_fail (PL_IS_EMPTY_STATE (self), NULL);
  return gtk_label_get_label (self->title);
}

const char *
pl_empty_state_get_description (PlEmptyState *self)
{
  g_return_val_if_fail (PL_IS_EMPTY_STATE (self), NULL);
  return gtk_label_get_label (self->description);
}

GtkButton *
pl_empty_state_get_button (PlEmptyState *self)
{
  g_return_val_if_fail (PL_IS_EMPTY_STATE (self), NULL);
  return self->button;
}

GtkButton *
pl_empty_state_get_second (PlEmptyState *self)
{
  g_return_val_if_fail (PL_IS_EMPTY_STATE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->second)) ? self->second : NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pl-a11y.h"

/* Marks an inner button named by pl_a11y_label() or pl_a11y_labelled_by(), which the walk of
 * pl_a11y_name_inner_buttons() leaves as it is. */
#define NAMED "pl-a11y-named"

/* The button a GtkDropDown or a GtkMenuButton is built around, or NULL. GTK 4.8 gives it no
 * name of its own (a screen reader reads "GtkToggleButton"), and it is what takes the focus. */
static GtkWidget *
inner_button (GtkWidget *widget)
{
  GtkWidget *child;

  if (!GTK_IS_DROP_DOWN (widget) && !GTK_IS_MENU_BUTTON (widget))
    return NULL;
  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      return child;
  return NULL;
}

void
pl_a11y_label (GtkWidget *widget, const char *label)
{
  GtkWidget *button = inner_button (widget);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (button != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (button), NAMED, GINT_TO_POINTER (TRUE));
    }
}

void
pl_a11y_labelled_by (GtkWidget *widget, GtkWidget *label)
{
  GtkWidget *button = inner_button (widget);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  if (button != NULL)
    {
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      g_object_set_data (G_OBJECT (button), NAMED, GINT_TO_POINTER (TRUE));
    }
}

/* Two passes: the owners' own labels first, then the visible labels, which win. */
static void
name_inner_buttons (GtkWidget *widget, gboolean by_mnemonic)
{
  GtkWidget *child;
  GtkWidget *button = NULL;

  if (by_mnemonic && GTK_IS_LABEL (widget) && gtk_label_get_mnemonic_widget (GTK_LABEL (widget)) != NULL)
    button = inner_button (gtk_label_get_mnemonic_widget (GTK_LABEL (widget)));
  else if (!by_mnemonic)
    button = inner_button (widget);
  if (button != NULL && g_object_get_data (G_OBJECT (button), NAMED) == NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY, widget, NULL, -1);
  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    name_inner_buttons (child, by_mnemonic);
}

void
pl_a11y_name_inner_buttons (GtkWidget *root)
{
  name_inner_buttons (root, FALSE);
  name_inner_buttons (root, TRUE);
}

double
pl_a11y_text_scale (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi = 0;

  if (settings != NULL)
    g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  /* gtk-xft-dpi is in 1024ths of a dot per inch; -1 or 0 when nobody set it. */
  return dpi > 0 ? MAX (1.0, dpi / (96.0 * 1024)) : 1.0;
}

void
pl_a11y_grow_panes (GtkWidget *root)
{
  double scale = pl_a11y_text_scale ();

  if (scale == 1.0)
    return;
  if (GTK_IS_PANED (root) && gtk_paned_get_position (GTK_PANED (root)) > 0)
    {
      GtkWidget *start = gtk_paned_get_start_child (GTK_PANED (root));
      int width;

      if (pl_a11y_large_text ())
        {
          /* A list beside an editor needs twice a narrow window: the list goes above, as
           * tall as a dozen rows, and the page scrolls down to the editor. */
          gtk_orientable_set_orientation (GTK_ORIENTABLE (root), GTK_ORIENTATION_VERTICAL);
          gtk_widget_set_size_request (start, -1, (int) (260 * scale));
          gtk_paned_set_position (GTK_PANED (root), (int) (260 * scale));
          gtk_paned_set_shrink_start_child (GTK_PANED (root), FALSE);
        }
      else
        {
          /* The list's least width too: the divider cannot leave it less. */
          gtk_widget_get_size_request (start, &width, NULL);
          if (width > 0)
            gtk_widget_set_size_request (start, (int) (width * scale), -1);
          gtk_paned_set_position (GTK_PANED (root), (int) (gtk_paned_get_position (GTK_PANED (root)) * scale));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    pl_a11y_grow_panes (child);
}

static void
stack_center_boxes (GtkWidget *root)
{
  if (GTK_IS_CENTER_BOX (root))
    {
      GtkCenterBox *box = GTK_CENTER_BOX (root);
      GtkWidget *parts[] = { gtk_center_box_get_start_widget (box), gtk_center_box_get_center_widget (box),
                             gtk_center_box_get_end_widget (box) };

      /* Centring the middle widget needs twice the wider end beside it; one above the
       * other, a title, a switcher and a button fit a page half as wide. */
      gtk_orientable_set_orientation (GTK_ORIENTABLE (box), GTK_ORIENTATION_VERTICAL);
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        if (parts[i] != NULL)
          {
            gtk_widget_set_halign (parts[i], GTK_ALIGN_START);
            gtk_widget_set_margin_bottom (parts[i], 6);
          }
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    stack_center_boxes (child);
}

void
pl_a11y_stack_headers (GtkWidget *root)
{
  if (pl_a11y_large_text ())
    stack_center_boxes (root);
}

static void
on_text_scale_cb (GtkSettings *settings, GParamSpec *pspec, GtkWidget *widget)
{
  PlA11yLargeTextFunc func = g_object_get_data (G_OBJECT (widget), "pl-large-text-func");

  if (func == NULL || !pl_a11y_large_text ())
    return;
  /* Once: what was laid out for large text stays. */
  g_object_set_data (G_OBJECT (widget), "pl-large-text-func", NULL);
  g_signal_handlers_disconnect_by_func (settings, on_text_scale_cb, widget);
  func (widget);
}

void
pl_a11y_when_large_text (GtkWidget *widget, PlA11yLargeTextFunc func)
{
  g_return_if_fail (GTK_IS_WIDGET (widget) && func != NULL);
  if (pl_a11y_large_text ())
    {
      func (widget);
      return;
    }
  g_object_set_data (G_OBJECT (widget), "pl-large-text-func", func);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi", G_CALLBACK (on_text_scale_cb),
                           widget, 0);
}

gboolean
pl_a11y_large_text (void)
{
  return pl_a11y_text_scale () >= 1.5;
}

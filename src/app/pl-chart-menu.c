/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-chart-menu"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-chart-catalog.h"
#include "pl-chart-menu.h"
#include "pl-error.h"

GMenu *
pl_chart_menu_new (const char *chart)
{
  GMenu *menu = g_menu_new ();
  const char *formats[] = { "png", "svg", "pdf" };
  /* Translators: menu items of a chart */
  const char *labels[] = { N_("Export as _PNG…"), N_("Export as _SVG…"), N_("Export as P_DF…") };

  /* The actions look the chart up by name in the catalogue: a name it lacks is a slip here. */
  g_return_val_if_fail (pl_chart_catalog_lookup (chart) != NULL, menu);
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Copy"), NULL);
    g_menu_item_set_action_and_target (item, "win.copy-chart", "s", chart);
    /* Shown beside the item; pl_chart_menu_add_copy_key() makes it work. */
    g_menu_item_set_attribute (item, "accel", "s", "<Control>c");
    g_menu_append_item (menu, item);
  }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(labels[i]), NULL);
      g_menu_item_set_action_and_target (item, "win.export-chart", "(ss)", chart, formats[i]);
      g_menu_append_item (menu, item);
    }
  g_menu_append (menu, _("_Print…"), "win.print");
  {
    /* The figures a screen reader (or anyone wanting the numbers) reads cell by cell. */
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Show Data as _Table"), NULL);
    g_menu_item_set_action_and_target (item, "win.show-chart-table", "s", chart);
    g_menu_append_item (menu, item);
  }
  return menu;
}

void
pl_chart_menu_add_copy_key (GtkWidget *area, const char *chart)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcut *copy = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_c, GDK_CONTROL_MASK),
                                        gtk_named_action_new ("win.copy-chart"));

  gtk_shortcut_set_arguments (copy, g_variant_new_string (chart));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), copy);
  gtk_widget_add_controller (area, shortcuts);
}

gboolean
pl_chart_menu_copy (GdkClipboard *clipboard, PlPlan *plan, const char *chart, guint32 today, double scale,
                    GError **error)
{
  g_autoptr(GBytes) png = pl_chart_catalog_render (plan, chart, today, PL_CHART_PNG, scale, error);
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkContentProvider) content = NULL;

  if (png == NULL)
    return FALSE;
  svg = pl_chart_catalog_render (plan, chart, today, PL_CHART_SVG, 1, error);
  texture = gdk_texture_new_from_bytes (png, error);
  if (svg == NULL || texture == NULL)
    return FALSE;
  /* The PNG's own bytes first: a texture would be encoded again, slower and without the
   * PNG's compression. Then the texture for the programs that ask for one, and the SVG, which
   * a presentation scales without blur. */
  content = gdk_content_provider_new_union ((GdkContentProvider *[]) {
                                              gdk_content_provider_new_for_bytes ("image/png", png),
                                              gdk_content_provider_new_typed (GDK_TYPE_TEXTURE, texture),
                                              gdk_content_provider_new_for_bytes ("image/svg+xml", svg),
                                            }, 3);
  if (!gdk_clipboard_set_content (clipboard, content))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("The clipboard did not take the chart: try again, or export it to a file."));
      return FALSE;
    }
  return TRUE;
}

static void
popup_at (GtkWidget *area, double x, double y)
{
  GtkPopover *popover = g_object_get_data (G_OBJECT (area), "chart-menu");
  GdkRectangle where = { (int) x, (int) y, 1, 1 };

  gtk_popover_set_pointing_to (popover, &where);
  gtk_popover_popup (popover);
}

static void
on_pressed_cb (GtkGestureClick *click, int n_press, double x, double y, GtkWidget *area)
{
  popup_at (area, x, y);
}

static void
on_long_pressed_cb (GtkGestureLongPress *press, double x, double y, GtkWidget *area)
{
  popup_at (area, x, y);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state, GtkWidget *area)
{
  if (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK)))
    {
      popup_at (area, gtk_widget_get_width (area) / 2.0, gtk_widget_get_height (area) / 2.0);
      return TRUE;
    }
  return FALSE;
}

static void
on_destroy_cb (GtkWidget *area, GtkWidget *popover)
{
  gtk_widget_unparent (popover);
}

void
pl_chart_menu_attach (GtkWidget *area, const char *chart)
{
  g_autoptr(GMenu) menu = pl_chart_menu_new (chart);
  GtkWidget *popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *press = gtk_gesture_long_press_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  /* The menu opens on Shift+F10 or the Menu key too, so the chart must be able to take the
   * focus (and show it): a keyboard user reaches its export and its table that way. */
  gtk_widget_set_focusable (area, TRUE);
  gtk_widget_add_css_class (area, "chart");
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  gtk_widget_set_parent (popover, area);
  g_object_set_data (G_OBJECT (area), "chart-menu", popover);
  g_signal_connect (area, "destroy", G_CALLBACK (on_destroy_cb), popover);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), area);
  gtk_widget_add_controller (area, GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (press), TRUE);
  g_signal_connect (press, "pressed", G_CALLBACK (on_long_pressed_cb), area);
  gtk_widget_add_controller (area, GTK_EVENT_CONTROLLER (press));
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), area);
  gtk_widget_add_controller (area, key);
  pl_chart_menu_add_copy_key (area, chart);
}

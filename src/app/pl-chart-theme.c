/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-a11y.h"
#include "pl-chart-theme.h"

const PlChartStyle *
pl_chart_theme_for_widget (GtkWidget *widget)
{
  GdkRGBA color;
  g_autofree char *theme = NULL;
  gboolean light_text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), pl_chart_style_light ());
  /* The text colour says which variant the theme is in, whatever set it (the user's
   * preference, a high-contrast theme, the application). */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  light_text = 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue > 0.5;
  g_object_get (gtk_widget_get_settings (widget), "gtk-theme-name", &theme, NULL);
  /* GNOME's high-contrast setting picks "HighContrast" (dark when the dark style is preferred);
   * GTK's own names for it are "Default-hc" and "Default-hc-dark". */
  if (theme != NULL && (g_str_has_prefix (theme, "HighContrast") || strstr (theme, "-hc") != NULL))
    return pl_chart_style_high_contrast (light_text);
  return light_text ? pl_chart_style_dark () : pl_chart_style_light ();
}

/* The chart's size for the text scale of now, from the size its template gave it. */
static void
grow (GtkDrawingArea *area)
{
  double scale = pl_a11y_text_scale ();
  int width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "pl-base-width"));
  int height = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "pl-base-height"));
  int most = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "pl-most-width"));

  if (height > 0)
    gtk_drawing_area_set_content_height (area, (int) (height * scale));

  if (width > 0)
    gtk_drawing_area_set_content_width (area, most > 0 ? MIN ((int) (width * scale), most) : (int) (width * scale));
}

void
pl_chart_theme_limit_width (GtkDrawingArea *area, int most)
{
  g_return_if_fail (GTK_IS_DRAWING_AREA (area));
  g_object_set_data (G_OBJECT (area), "pl-most-width", GINT_TO_POINTER (most));
  grow (area);
}

void
pl_chart_theme_grow_with_text (GtkDrawingArea *area)
{
  g_return_if_fail (GTK_IS_DRAWING_AREA (area));
  g_object_set_data (G_OBJECT (area), "pl-base-width", GINT_TO_POINTER (gtk_drawing_area_get_content_width (area)));
  g_object_set_data (G_OBJECT (area), "pl-base-height", GINT_TO_POINTER (gtk_drawing_area_get_content_height (area)));
  grow (area);
  /* The text scale changed with the window open (Large Text switched on or off). */
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi", G_CALLBACK (grow), area,
                           G_CONNECT_SWAPPED);
}

void
pl_chart_theme_zoom (cairo_t *cr, int *width, int *height)
{
  double scale = pl_a11y_text_scale ();

  if (scale == 1.0)
    return;
  cairo_scale (cr, scale, scale);
  *width = (int) (*width / scale);
  *height = (int) (*height / scale);
}

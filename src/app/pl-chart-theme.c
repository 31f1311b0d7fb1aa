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

void
pl_chart_theme_grow_with_text (GtkDrawingArea *area)
{
  double scale = pl_a11y_text_scale ();

  g_return_if_fail (GTK_IS_DRAWING_AREA (area));
  if (gtk_drawing_area_get_content_height (area) > 0)
    gtk_drawing_area_set_content_height (area, (int) (gtk_drawing_area_get_content_height (area) * scale));
  if (gtk_drawing_area_get_content_width (area) > 0)
    gtk_drawing_area_set_content_width (area, (int) (gtk_drawing_area_get_content_width (area) * scale));
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

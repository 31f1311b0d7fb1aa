/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-chart-theme.h"

const PlChartStyle *
pl_chart_theme_for_widget (GtkWidget *widget)
{
  GdkRGBA color;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), pl_chart_style_light ());
  /* The text colour says which variant the theme is in, whatever set it (the user's
   * preference, a high-contrast theme, the application). */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  return 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue > 0.5
         ? pl_chart_style_dark () : pl_chart_style_light ();
}

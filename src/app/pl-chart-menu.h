/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

/* The menu of a chart on screen, on right-click, a long press or Shift+F10: copy it to the
 * clipboard (win.copy-chart, Ctrl+C on the chart too), export it as PNG, SVG or PDF
 * (win.export-chart), print the page (win.print), or show its figures as a table
 * (win.show-chart-table). */

/* Gives @area the menu of catalogue chart @chart. */
void pl_chart_menu_attach (GtkWidget *area, const char *chart);
/* The menu's items, for a widget that puts them in a menu of its own (the timeline's). */
GMenu *pl_chart_menu_new (const char *chart);

/* Ctrl+C on @area copies catalogue chart @chart (win.copy-chart); pl_chart_menu_attach() does
 * it, a widget with a menu of its own calls it. */
void pl_chart_menu_add_copy_key (GtkWidget *area, const char *chart);
/* Puts chart @chart of @plan as of @today (a Julian day) on @clipboard, drawn through the
 * catalogue at its natural size, for a presentation: as image/png (@scale times the pixels,
 * also as a GdkTexture) and image/svg+xml. FALSE with @error when the plan cannot show it. */
gboolean pl_chart_menu_copy (GdkClipboard *clipboard, PlPlan *plan, const char *chart, guint32 today,
                             double scale, GError **error);

G_END_DECLS

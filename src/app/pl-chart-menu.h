/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The menu of a chart on screen, on right-click, a long press or Shift+F10: export it as
 * PNG, SVG or PDF (win.export-chart), print the page (win.print), or show its figures as a
 * table (win.show-chart-table). */

/* Gives @area the menu of catalogue chart @chart. */
void pl_chart_menu_attach (GtkWidget *area, const char *chart);
/* The menu's items, for a widget that puts them in a menu of its own (the timeline's). */
GMenu *pl_chart_menu_new (const char *chart);

G_END_DECLS

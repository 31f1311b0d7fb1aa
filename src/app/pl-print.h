/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

/* Printing a page's charts through GTK's print dialog and its preview: the layout is the
 * report layer's (pl-chart-pages.h), the page setup and print settings are remembered in
 * @settings ("page-setup", "print-settings") from one print to the next. */

/* The charts the page @page_name prints (catalogue names), or NULL when it has none. */
const char * const *pl_print_charts_of_page (const char *page_name);
/* Prints @charts of @plan, the header calling them @title. With @export_to set, writes the
 * pages to that PDF file without a dialog (as a test does). FALSE with @error on failure;
 * a cancelled dialog is not an error. */
gboolean pl_print_charts (GtkWindow *parent, GSettings *settings, PlPlan *plan, const char * const *charts,
                          const char *title, const char *export_to, GError **error);

G_END_DECLS

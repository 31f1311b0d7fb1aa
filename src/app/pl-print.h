/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

/* Printing a page's charts through GTK's print dialog and its preview: the layout is the
 * report layer's (pl-chart-pages.h), the page setup and print settings are remembered in
 * @settings ("page-setup", "print-settings") from one print to the next. */

/* The charts the page @page_name prints (catalogue names, PlChartKind.page), or NULL when it has none. */
const char * const *pl_print_charts_of_page (const char *page_name);
/* Prints @charts of @plan, the header calling them @title. With @export_to set, writes the
 * pages to that PDF file without a dialog (as a test does). FALSE with @error on failure;
 * a cancelled dialog is not an error. */
gboolean pl_print_charts (GtkWindow *parent, GSettings *settings, PlPlan *plan, const char * const *charts,
                          const char *title, const char *export_to, GError **error);

/* A print operation named @job_name with the page setup and print settings last used, as
 * remembered in @settings (A4 portrait with GTK's margins the first time). */
GtkPrintOperation *pl_print_operation_new (GSettings *settings, const char *job_name);
/* Pilote's own boolean print choice @key ("pilote-split-timeline") as last remembered. */
gboolean pl_print_get_choice (GSettings *settings, const char *key);
/* Runs @operation with @action; when the user prints, remembers its page setup and print
 * settings in @settings, with @choices (booleans named "pilote-…", read at the end; may be
 * NULL) beside them and the other choices kept. FALSE with @error on failure; a cancelled
 * dialog is not an error. */
gboolean pl_print_operation_run (GtkPrintOperation *operation, GtkPrintOperationAction action, GtkWindow *parent,
                                 GSettings *settings, GVariantDict *choices, GError **error);

G_END_DECLS

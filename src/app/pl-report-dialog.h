/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"
#include "pl-report.h"

G_BEGIN_DECLS

#define PL_TYPE_REPORT_DIALOG (pl_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlReportDialog, pl_report_dialog, PL, REPORT_DIALOG, GtkWindow)

/* The leadership report of @plan, modal on @parent: its sections chosen and ordered (saved in
 * the plan, each change one undoable edit), share-safe, paper and timeline options, a live
 * preview of the pages, Export PDF… and Print… (page setup and settings kept in @settings). */
PlReportDialog *pl_report_dialog_new        (GtkWindow *parent, PlPlan *plan, GSettings *settings);
/* Writes the report as shown to @file (what Export PDF… does once a file is chosen). On
 * failure says why in a message over the dialog, which stays open, and returns FALSE. */
gboolean        pl_report_dialog_export     (PlReportDialog *self, GFile *file);
/* Prints the report as shown with @action: GTK's print dialog, its preview, or with
 * @export_to the pages written to that PDF. FALSE with @error on failure. */
gboolean        pl_report_dialog_print      (PlReportDialog *self, GtkPrintOperationAction action,
                                             const char *export_to, GError **error);
/* The report as shown, laid out with every change made so far; owned by the dialog. */
PlReport       *pl_report_dialog_get_report (PlReportDialog *self);
/* The page the preview shows (0-based). */
guint           pl_report_dialog_get_page   (PlReportDialog *self);
/* Reads @file in the background and makes the "Changes since" section from what changed in
 * the plan since it, ticking the section (what Choose a Plan… does once a file is chosen);
 * a file that cannot be read is said under the button. */
void            pl_report_dialog_compare_with (PlReportDialog *self, GFile *file);
/* TRUE while the plan to compare with is being read. */
gboolean        pl_report_dialog_is_reading (PlReportDialog *self);

G_END_DECLS

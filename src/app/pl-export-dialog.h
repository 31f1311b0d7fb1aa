/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"
#include "pl-sheet-export.h"

G_BEGIN_DECLS

#define PL_TYPE_EXPORT_DIALOG (pl_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlExportDialog, pl_export_dialog, PL, EXPORT_DIALOG, GtkWindow)

/* Export… (win.export): the budget, the KPI measurements or the campaigns of @plan to an XLSX
 * or CSV file (pl-sheet-export.h), modal on @parent. Export… asks for the file, offered in
 * @folder (the plan's, or NULL), then says where it was written, or in plain words why not.
 * It opens on the choice last exported, kept in @settings. */
PlExportDialog *pl_export_dialog_new         (GtkWindow *parent, PlPlan *plan, GFile *folder, GSettings *settings);
/* Chooses what and in which format, as the radio buttons do. */
void            pl_export_dialog_set_choice  (PlExportDialog *self, PlSheetWhat what, PlSheetFormat format);
/* Writes the choice to @file (what Export… does once a file is chosen); a name without .xlsx
 * or .csv gets the format's. Returns whether it was written; either way the dialog says so. */
gboolean        pl_export_dialog_export      (PlExportDialog *self, GFile *file);
/* What the dialog says of the last export, or NULL before any. */
const char     *pl_export_dialog_get_message (PlExportDialog *self);

G_END_DECLS

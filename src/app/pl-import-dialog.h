/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_IMPORT_DIALOG (pl_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlImportDialog, pl_import_dialog, PL, IMPORT_DIALOG, GtkWindow)

/* Imports KPI measurements from a CSV file into @plan, or with a campaign column (guessed
 * from the header, or chosen) the campaigns' results: the user picks the file, the columns
 * (each column's KPI in a file with a column per KPI) and the formats, reads a preview of
 * every value that would be added or replaced, every rejected row with its reason and the
 * campaign names that match none, and nothing changes until Import (one undoable edit); then
 * the dialog says how many values were added and replaced, and closes. */
PlImportDialog *pl_import_dialog_new      (GtkWindow *parent, PlPlan *plan);
/* Reads @file as the dialog's file (what Choose File… does); FALSE with @error when it
 * cannot be read at all. */
gboolean        pl_import_dialog_set_file (PlImportDialog *self, GFile *file, GError **error);
/* The number of measurements Import would apply and of rows rejected (for tests). */
guint           pl_import_dialog_get_n_rows     (PlImportDialog *self);
guint           pl_import_dialog_get_n_rejected (PlImportDialog *self);

G_END_DECLS

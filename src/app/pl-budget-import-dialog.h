/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_BUDGET_IMPORT_DIALOG (pl_budget_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlBudgetImportDialog, pl_budget_import_dialog, PL, BUDGET_IMPORT_DIALOG, GtkWindow)

/* Imports a budget by months from an XLSX, ODS or CSV sheet into @plan (pl-budget-import.h):
 * the user picks the file and, in a workbook of several, the sheet; reads which lines are new,
 * changed (old → new per month) or unchanged, and how every column and row was read, with the
 * rows skipped and why; nothing changes until Import (one undoable edit); then the dialog says
 * what changed, and closes. */
PlBudgetImportDialog *pl_budget_import_dialog_new      (GtkWindow *parent, PlPlan *plan);
/* Reads @file as the dialog's file (what Choose File… does), its first sheet; FALSE with
 * @error when it cannot be read as a spreadsheet at all (the dialog says it too). */
gboolean              pl_budget_import_dialog_set_file (PlBudgetImportDialog *self, GFile *file, GError **error);
/* The lines of the preview, and the lines Import would add or change (for tests). */
guint                 pl_budget_import_dialog_get_n_lines    (PlBudgetImportDialog *self);
guint                 pl_budget_import_dialog_get_n_changing (PlBudgetImportDialog *self);

G_END_DECLS

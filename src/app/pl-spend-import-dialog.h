/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_SPEND_IMPORT_DIALOG (pl_spend_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlSpendImportDialog, pl_spend_import_dialog, PL, SPEND_IMPORT_DIALOG, GtkWindow)

/* Imports actual spend from the books into @plan (pl-spend-import.h): the user picks an FEC or
 * a CSV of transactions, reads what would be added by line and month, the unbudgeted entries,
 * what is left out and the rejected rows, and sets the line of each proposed mapping rule;
 * nothing changes until Import (one undoable edit, the rules that name a line saved with it);
 * then the dialog says what was imported, and closes. */
PlSpendImportDialog *pl_spend_import_dialog_new      (GtkWindow *parent, PlPlan *plan);
/* Reads @file as the dialog's file (what Choose File… does); FALSE with @error when it cannot
 * be read at all. */
gboolean             pl_spend_import_dialog_set_file (PlSpendImportDialog *self, GFile *file, GError **error);
/* Sets the line of proposed rule @index (NULL: none, unbudgeted), as its drop-down does. */
void                 pl_spend_import_dialog_set_rule_line (PlSpendImportDialog *self, guint index, const char *line_id);
/* The entries Import would add, the proposed rules and the rows rejected (for tests). */
guint                pl_spend_import_dialog_get_n_entries  (PlSpendImportDialog *self);
guint                pl_spend_import_dialog_get_n_rules    (PlSpendImportDialog *self);
guint                pl_spend_import_dialog_get_n_rejected (PlSpendImportDialog *self);

G_END_DECLS

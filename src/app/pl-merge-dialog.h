/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-document.h"

G_BEGIN_DECLS

#define PL_TYPE_MERGE_DIALOG (pl_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlMergeDialog, pl_merge_dialog, PL, MERGE_DIALOG, GtkWindow)

/* Lists the conflicts of @merge (taken) for the user to choose from, modal on @parent: each
 * with its record, its field, the value both sides started from, and ours and theirs to pick,
 * ours at first. Choosing theirs takes it in the merge at once (pl_merge_result_take_theirs());
 * a choice the plan's rules refuse goes back to ours and says why under it. Merge emits
 * "apply", for the window to apply pl_merge_dialog_get_merge(); Cancel or Escape closes it and
 * nothing is merged. */
GtkWidget   *pl_merge_dialog_new       (GtkWindow *parent, const char *plan_title, PlDiskMerge *merge);
PlDiskMerge *pl_merge_dialog_get_merge (PlMergeDialog *self);
/* How many conflicts keep theirs (the others keep ours). */
guint        pl_merge_dialog_count_theirs (PlMergeDialog *self);
/* Chooses theirs (or ours) for the @index-th conflict, as clicking it does; FALSE when the
 * rules refuse theirs (the row then says why). */
gboolean     pl_merge_dialog_choose    (PlMergeDialog *self, guint index, gboolean theirs);

/* Chooses theirs (where the rules allow it) or ours for every conflict: Take All Theirs and
 * Keep All Yours. */
void         pl_merge_dialog_choose_all (PlMergeDialog *self, gboolean theirs);

G_END_DECLS

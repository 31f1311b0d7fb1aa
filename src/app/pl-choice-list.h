/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_CHOICE_LIST (pl_choice_list_get_type ())
G_DECLARE_FINAL_TYPE (PlChoiceList, pl_choice_list, PL, CHOICE_LIST, GObject)

/* The choices of a reference field as a list model: "None" (a GtkStringObject) first, then
 * every record of the collection it names (PlItems), following the collection as records are
 * added, removed or renamed. One per plan and collection, shared by every drop-down offering
 * them: a table of 6,000 rows choosing among 20,000 campaigns holds one list, not 6,000
 * copies, and nothing is copied again on an edit. */

/* The shared list of @collection's records in @plan; borrowed, the plan keeps it. */
PlChoiceList *pl_choice_list_for       (PlPlan *plan, PlCollection collection);
/* What the first choice, no record, says for @collection: "None", or "Unbudgeted" for a
 * budget line (spend on no line is outside the budget). */
const char   *pl_choice_list_none_text (PlCollection collection);
/* The position of record @id (NULL or "": "None", position 0); GTK_INVALID_LIST_POSITION
 * when @id names no record of the collection. */
guint         pl_choice_list_find      (PlChoiceList *self, const char *id);
/* The ID of the record at @position, "" for "None", or NULL past the end. */
const char   *pl_choice_list_get_id    (PlChoiceList *self, guint position);

/* TRUE while the list tells of records added or removed: a drop-down whose selection moves
 * then (its record removed) did not move by the user's choice. */
gboolean      pl_choice_list_is_changing (PlChoiceList *self);

/* What a choice shows: a record's display name, or the text of a GtkStringObject. */
const char   *pl_choice_get_text       (gpointer choice);
/* The labels of @enum_type's values, in their order, as a list shared by every drop-down
 * offering them; borrowed, kept for the life of the program. */
GListModel   *pl_choice_list_for_enum  (GType enum_type);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_RECORD_TABLE (pl_record_table_get_type ())
G_DECLARE_FINAL_TYPE (PlRecordTable, pl_record_table, PL, RECORD_TABLE, GtkWidget)

/* Called to fill a read-only column computed from the plan (e.g. a member's KPIs). */
typedef char *(*PlRecordTableDerive) (PlPlan *plan, PlItem *item);

/* An editable table of one collection of the plan: a column per field, cells that check
 * what is typed and commit it as an undoable edit, Add and Remove buttons, and the model's
 * validation problems for these records underneath. */
PlRecordTable *pl_record_table_new          (PlCollection collection, const char *add_label);
/* Adds a column editing @field, titled @title. */
void           pl_record_table_add_column   (PlRecordTable *self, guint field, const char *title,
                                             gboolean expand);
/* Adds a read-only column computed by @derive, again whenever the collections in @depends
 * (or the table's own) change. */
void           pl_record_table_add_derived  (PlRecordTable *self, const char *title,
                                             PlRecordTableDerive derive, PlChangeMask depends);
/* The same, in a column of @width pixels (at the normal text size) that leaves the rest of
 * the table's width to its text columns: a figure, a status. */
void           pl_record_table_add_derived_fixed (PlRecordTable *self, const char *title,
                                                  PlRecordTableDerive derive, PlChangeMask depends,
                                                  int width);
/* Marks the cells of a date @field that fall within @days of today (contracts ending). */
void           pl_record_table_set_soon     (PlRecordTable *self, guint field, int days);
/* Shows only the records whose reference @field is @id (the KPIs of one campaign); new
 * records get @id. Call before pl_record_table_set_plan(). */
void           pl_record_table_set_filter   (PlRecordTable *self, guint field, const char *id);
/* Shows only the records @func accepts; call pl_record_table_refilter() when what it
 * depends on changes. Call before pl_record_table_set_plan(). */
void           pl_record_table_set_filter_func (PlRecordTable *self, GtkCustomFilterFunc func,
                                                gpointer data);
void           pl_record_table_refilter     (PlRecordTable *self);
/* Called to fill in a new record before it is added (a date, a default line). */
typedef void (*PlRecordTablePrepare) (PlPlan *plan, PlItem *item, gpointer data);
void           pl_record_table_set_prepare  (PlRecordTable *self, PlRecordTablePrepare prepare,
                                             gpointer data);
/* Lets the table grow to fill the height it is given, instead of its natural height. */
void           pl_record_table_set_fill     (PlRecordTable *self, gboolean fill);
/* Makes the Add button the suggested action while the table is empty: the first record of a
 * page that has no empty state of its own (the Plan page's objectives). */
void           pl_record_table_set_suggest_first (PlRecordTable *self, gboolean suggest);
/* Gives the focus to the cell of @field of @item when its row first shows (a record about to
 * be added: the user types its value next). */
void           pl_record_table_focus_when_shown (PlRecordTable *self, PlItem *item, int field);
void           pl_record_table_set_plan     (PlRecordTable *self, PlPlan *plan);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pl-records.h"

G_BEGIN_DECLS

#define PL_TYPE_PLAN (pl_plan_get_type ())
G_DECLARE_FINAL_TYPE (PlPlan, pl_plan, PL, PLAN, GObject)

/* What one "changed" emission touched: a bit per collection, and one for the metadata. */
typedef guint PlChangeMask;
#define PL_CHANGE_METADATA (1u << PL_N_COLLECTIONS)
#define PL_CHANGE_ALL      ((PL_CHANGE_METADATA << 1) - 1)

/* The bit of @collection in a PlChangeMask (PL_COLLECTION_NONE: the metadata). */
PlChangeMask   pl_change_for_collection    (PlCollection collection);

/* The XML element that holds the records of @collection ("campaigns"). */
const char    *pl_collection_get_container (PlCollection collection);
/* The XML element of one record of @collection ("campaign"). */
const char    *pl_collection_get_element   (PlCollection collection);
GType          pl_collection_get_item_type (PlCollection collection);
/* The collection records of @type live in, or PL_COLLECTION_NONE. */
PlCollection   pl_collection_for_type      (GType type);

/* Returns an empty plan: this year (next year from October), 12 months, EUR, no records. */
PlPlan        *pl_plan_new                 (void);
/* Returns a plan to start from: the default budget categories and a standard KPI chain. */
PlPlan        *pl_plan_new_default         (const char *title);

PlMetadata    *pl_plan_get_metadata        (PlPlan *self);
/* A live GListModel of the records of @collection; owned by the plan. */
GListModel    *pl_plan_get_collection      (PlPlan *self, PlCollection collection);
guint          pl_plan_get_n               (PlPlan *self, PlCollection collection);
/* Returns the record with @id, or NULL. */
PlItem        *pl_plan_lookup              (PlPlan *self, const char *id);
/* Returns a fresh ID starting with @prefix ("cmp-3"). */
char          *pl_plan_make_id             (PlPlan *self, const char *prefix);

/* Convenience accessors for the metadata. */
const char    *pl_plan_get_title           (PlPlan *self);
const char    *pl_plan_get_currency        (PlPlan *self);
guint          pl_plan_get_currency_exponent (PlPlan *self);
/* The first day of the fiscal period, as a Julian day. */
guint32        pl_plan_get_start           (PlPlan *self);
guint          pl_plan_get_months          (PlPlan *self);
/* The first day after the fiscal period, as a Julian day. */
guint32        pl_plan_get_end             (PlPlan *self);
/* Returns the index (0-based) of the period's month holding @julian, or -1 when outside. */
int            pl_plan_month_index         (PlPlan *self, guint32 julian);
/* Returns the Julian day of the first day of month @index of the period. */
guint32        pl_plan_month_start         (PlPlan *self, guint index);

/* Undoable edits. Each returns FALSE with @error, and changes nothing, when the value
 * is not acceptable for the field (an empty required text, a negative amount...). */
gboolean       pl_plan_set_string          (PlPlan *self, PlItem *item, guint field,
                                            const char *value, GError **error);
gboolean       pl_plan_set_int             (PlPlan *self, PlItem *item, guint field,
                                            gint64 value, GError **error);
gboolean       pl_plan_set_double          (PlPlan *self, PlItem *item, guint field,
                                            double value, GError **error);
gboolean       pl_plan_set_julian          (PlPlan *self, PlItem *item, guint field,
                                            guint32 julian, GError **error);
gboolean       pl_plan_set_strv            (PlPlan *self, PlItem *item, guint field,
                                            const char * const *value, GError **error);
gboolean       pl_plan_set_variant         (PlPlan *self, PlItem *item, guint field,
                                            GVariant *value, GError **error);
/* Sets @field of @item to its value in @from, a record of the same type. */
gboolean       pl_plan_copy_field          (PlPlan *self, PlItem *item, guint field, PlItem *from,
                                            GError **error);
/* Sets the planned amount of month @month (0-based) of a budget line. */
gboolean       pl_plan_set_planned         (PlPlan *self, PlBudgetLine *line, guint month,
                                            gint64 amount, GError **error);
/* Sets the answer (1 to 5, or 0 for "I don't know") to @question; -1 removes it. */
gboolean       pl_plan_set_answer          (PlPlan *self, PlAssessment *assessment,
                                            const char *question, int value, GError **error);
/* Sets or, with a NAN @value, removes a KPI's target or measurement for a period. */
void           pl_plan_set_point           (PlPlan *self, PlKpi *kpi, PlSeriesKind kind,
                                            guint32 julian, double value, const char *source);
/* Sets or, with a NAN @value, removes what the campaign of @link brought to its KPI in the
 * month starting on @julian (a month's first day). */
void           pl_plan_set_result          (PlPlan *self, PlCampaignKpi *link, guint32 julian,
                                            double value, const char *source);

/* Adds @item at the end of its collection, giving it an ID when it has none. */
void           pl_plan_add                 (PlPlan *self, PlItem *item);
/* Adds @items (records of @collection, taken) at its end as one edit, giving each an ID when it
 * has none or one the plan holds: what an import of a hundred thousand records uses, as adding
 * them one by one would make their undo search the collection once per record. */
void           pl_plan_add_all             (PlPlan *self, PlCollection collection, GPtrArray *items);
/* Inserts @item at @position of its collection. */
void           pl_plan_insert              (PlPlan *self, PlItem *item, guint position);
/* Removes @item; records that cannot exist without it go too, and optional references
 * to it are cleared, all in one undoable step. */
void           pl_plan_remove              (PlPlan *self, PlItem *item);
/* Returns the records that refer to @item (a new array of borrowed records). */
GPtrArray     *pl_plan_find_references     (PlPlan *self, PlItem *item);
/* Moves @item to @position within its collection. */
void           pl_plan_move                (PlPlan *self, PlItem *item, guint position);

/* Edits between these two calls become one undoable step named @label. Groups nest: the
 * outermost one is the step, and "changed" is emitted once, when it ends. */
void           pl_plan_begin_group         (PlPlan *self, const char *label);
void           pl_plan_end_group           (PlPlan *self);
/* Ends the innermost group by reverting the edits made since it began, instead of recording
 * them: a refused edit takes back the ones before it. No undo step, no "changed", and the
 * modified state, undo and redo are as before the group. */
void           pl_plan_cancel_group        (PlPlan *self);
/* Ends the innermost group as pl_plan_end_group() when @keep, as pl_plan_cancel_group()
 * otherwise; returns @keep, so that an edit can end with `return pl_plan_finish_group (plan, ok);`. */
gboolean       pl_plan_finish_group        (PlPlan *self, gboolean keep);

gboolean       pl_plan_can_undo            (PlPlan *self);
gboolean       pl_plan_can_redo            (PlPlan *self);
/* The label of the step undo would revert, or NULL. */
const char    *pl_plan_get_undo_label      (PlPlan *self);
const char    *pl_plan_get_redo_label      (PlPlan *self);
gboolean       pl_plan_undo                (PlPlan *self);
gboolean       pl_plan_redo                (PlPlan *self);
/* TRUE when the plan differs from the state last marked saved (undo back to it: FALSE). */
gboolean       pl_plan_get_modified        (PlPlan *self);
void           pl_plan_mark_saved          (PlPlan *self);
/* Marks the plan as differing from every saved state, whatever undo does (a plan restored
 * from a recovery file: what is on disk is older). */
void           pl_plan_mark_unsaved        (PlPlan *self);
/* Grows by one on every change, so views can cache what they derive. */
guint64        pl_plan_get_serial          (PlPlan *self);
/* Grows whenever a record of @collection is added, removed or edited (PL_COLLECTION_NONE:
 * the metadata), so that what depends on a few collections is made again only for them. */
guint64        pl_plan_get_collection_serial (PlPlan *self, PlCollection collection);

/* Marks @item as the record just added that the user is still filling in (NULL: none), so
 * that the lists of problems (hygiene, the schedule's warnings) leave it alone until the
 * user has had a chance to fill it; notifies "filling". */
void           pl_plan_set_filling         (PlPlan *self, PlItem *item);
/* TRUE when the record with @id is the one being filled in. */
gboolean       pl_plan_is_filling          (PlPlan *self, const char *id);
/* A number that changes whenever any of the @n @collections changes (their serials only
 * grow, so their sum does too): what a derived figure remembers to know it is still true. */
guint64        pl_plan_get_collections_serial (PlPlan *self, const PlCollection *collections, guint n);
/* For the reader: appends a record without undo. The record keeps its ID. */
void           pl_plan_append_loaded       (PlPlan *self, PlCollection collection, GPtrArray *items);
/* What the reader did not understand at the root, and in each collection's container. */
PlExtras      *pl_plan_get_extras          (PlPlan *self);
PlExtras      *pl_plan_get_container_extras (PlPlan *self, PlCollection collection);

G_END_DECLS

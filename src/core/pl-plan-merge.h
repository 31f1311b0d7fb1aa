/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A three-way merge of two people's changes to one plan (issue 24), at the level of records and
 * fields: changes to different records, or to different fields of one record, combine; a field
 * changed both ways to different values, or a record removed on one side and changed on the
 * other, is a conflict, and the result keeps our side of it. The result always passes
 * pl_plan_validate() without errors: when changes that do not conflict field by field break a
 * rule together (allocations beyond a line's amount, a reference to a record the other side
 * removed), the records involved keep our side and the case is listed as a conflict too.
 * Compound fields are merged part by part, with a conflict only where both changed one part
 * differently: planned amounts by month, commentary by section, assumptions by kind and key,
 * answers by question, an entry's skipped and moved occurrences by date, a budget line's moves
 * carried over as a set (taken with the months they move: see pl-plan-merge.c); the report's
 * sections and headlines, ordered lists, whole.
 * Records are matched by their IDs. The order of each list is ours, their additions after the
 * record they follow in theirs (after ours where both added there); where only they moved
 * records of a list, it is theirs, ours' additions after the record they follow in ours.
 * Used by `pilote-cli merge` (and so git's merge driver) and by the window when the plan's file
 * was changed by someone else while it has unsaved changes. */

#include "pl-plan.h"

G_BEGIN_DECLS

typedef enum {
  PL_MERGE_CONFLICT_FIELD,           /* both changed the field, to different values */
  PL_MERGE_CONFLICT_REMOVED_CHANGED, /* we removed the record, they changed it */
  PL_MERGE_CONFLICT_CHANGED_REMOVED, /* we changed the record, they removed it */
  PL_MERGE_CONFLICT_RULE,            /* both sides' changes together break a rule of the plan */
} PlMergeConflictKind;

/* The pseudo fields of pl-plan-diff.h (PL_DIFF_FIELD_TARGETS with a period, ...) are used in
 * PlMergeConflict.field too; -100 means the record as a whole. */
#define PL_MERGE_FIELD_RECORD (-100)

typedef struct {
  PlMergeConflictKind kind;
  PlCollection collection;   /* PL_COLLECTION_NONE: the plan's settings */
  char        *id;           /* the record's ID; NULL for the plan's settings */
  char        *name;         /* what the user calls the record; a campaign's link to a KPI:
                              * "Spring webinar → Leads" */
  int          field;        /* the field's index, a PL_DIFF_FIELD_*, or PL_MERGE_FIELD_RECORD */
  guint32      period;       /* PL_DIFF_FIELD_TARGETS, _MEASUREMENTS and _RESULTS: the period's
                              * first day (the three are merged period by period, a campaign's
                              * results month by month); planned amounts (merged
                              * month by month): the month's first day; else 0 */
  char        *label;        /* the field in words, translated ("Planned"); NULL for a record */
  char        *base_text;    /* the values in the user's locale, as pl-plan-diff.h shows them;
                              * "" for unset, NULL where the record does not exist on that side */
  char        *ours_text;
  char        *theirs_text;
  char        *reason;       /* PL_MERGE_CONFLICT_RULE: the rule broken, in words; else NULL */
  char        *part;         /* the part of a field merged part by part (above): the report
                              * section, the question's ID, the assumption's key, the
                              * occurrence's date, the move carried over; else NULL (a
                              * month of planned amounts is @period) */
} PlMergeConflict;

typedef struct {
  PlPlan    *plan;       /* the merged plan (a new plan, not modified, no undo history). It
                          * shares with @ours and @theirs the records only one side changed, so
                          * as not to copy a big plan: edit it only through
                          * pl_merge_result_take_theirs(), and apply it with pl_plan_update_to(). */
  GPtrArray *conflicts;  /* of PlMergeConflict, in the plan's order of collections and records */
  PlPlan    *base;       /* references to the three plans merged */
  PlPlan    *ours;
  PlPlan    *theirs;
} PlMergeResult;

/* Merges the changes from @base to @theirs into @ours. Never fails for plans that were read
 * (the three need not validate; the result validates as well as @ours does). */
PlMergeResult *pl_plan_merge               (PlPlan *base, PlPlan *ours, PlPlan *theirs);
void           pl_merge_result_free        (PlMergeResult *result);
/* Sets the conflict's record, field or part of a field (one month, one section) in the result
 * to their side instead of ours. Returns FALSE with @error, and changes nothing, when taking it
 * would break a rule of the plan (the message says which, in words). */
gboolean       pl_merge_result_take_theirs (PlMergeResult *result, const PlMergeConflict *conflict,
                                            GError **error);
/* One line in words for a conflict: "Campaign “Spring webinar”, Budget: yours 12,000.00,
 * theirs 15,000.00 (was 10,000.00); yours kept". */
char          *pl_merge_conflict_describe  (const PlMergeConflict *conflict);

/* Makes @plan hold what @target holds (records, fields, order, targets, measurements, campaign
 * results), as one
 * undoable edit named @label; nothing happens when they are already the same. What the window's
 * merge applies, so that Undo takes the whole merge back. */
void           pl_plan_update_to           (PlPlan *plan, PlPlan *target, const char *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlMergeResult, pl_merge_result_free)

G_END_DECLS

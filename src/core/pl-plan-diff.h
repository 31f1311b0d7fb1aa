/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What changed between two versions of a plan, in the terms a CMO reads (issue 24): records
 * added and removed, fields changed with their old and new values in the user's locale, targets
 * changed, and the budget by category before and after. Records are matched by their IDs, so a
 * renamed campaign is one change. What the reader kept without knowing it (PlExtras) is compared
 * as text. One comparison feeds `pilote-cli diff`, the window's Compare panel and the report's
 * "Changes since" section, so that the three never disagree. */

#include "pl-plan.h"

G_BEGIN_DECLS

typedef enum {
  PL_DIFF_ADDED,
  PL_DIFF_REMOVED,
  PL_DIFF_CHANGED,
} PlDiffKind;

/* The window's pages, in their order; what a difference is grouped under. */
typedef enum {
  PL_DIFF_PAGE_PLAN,        /* settings (metadata), members, segments, objectives, playbook,
                             * tools, spending rules */
  PL_DIFF_PAGE_CAMPAIGNS,   /* campaigns and what they are expected to bring (campaign KPIs) */
  PL_DIFF_PAGE_BUDGET,      /* categories, lines, allocations, spend */
  PL_DIFF_PAGE_CALENDAR,    /* calendar entries */
  PL_DIFF_PAGE_KPIS,        /* KPIs (with their targets and measurements) and the chain's links */
  PL_DIFF_PAGE_ASSESSMENT,  /* assessment rounds */
  PL_DIFF_PAGE_PLANNING,    /* scenarios */
  PL_DIFF_N_PAGES,
} PlDiffPage;

/* Changes that are not one of the record's own fields, in PlFieldChange.field. */
#define PL_DIFF_FIELD_TARGETS      (-1)  /* a KPI's targets: one change per period */
#define PL_DIFF_FIELD_MEASUREMENTS (-2)  /* a KPI's measurements: one change summing them up */
#define PL_DIFF_FIELD_EXTRAS       (-3)  /* what the reader kept but does not know, as XML text */
#define PL_DIFF_FIELD_POSITION     (-4)  /* the record's place in its list (old and new 1-based),
                                         * only for the records that moved, not those they
                                         * shifted (a longest run keeping its order stays) */
#define PL_DIFF_FIELD_RESULTS      (-5)  /* a campaign's results on one KPI (format 1.5, issue 25):
                                         * one change summing them up, as measurements */

typedef struct {
  int      field;     /* index in the record's fields (pl_item_get_fields()), or PL_DIFF_FIELD_* */
  const char *name;   /* the field's XML name ("planned", "targets", "extras", "position") */
  char    *label;     /* what the user calls it, translated ("Planned", "Target for March 2027") */
  char    *old_text;  /* the value in the user's locale as the window shows it; "" when unset.
                       * A reference shows the record it names ("Events"), a budget line's
                       * planned amounts their total, a KPI target its value in the KPI's unit. */
  char    *new_text;
  guint32  period;    /* PL_DIFF_FIELD_TARGETS: the period's first day (Julian); else 0 */
} PlFieldChange;

typedef struct {
  PlDiffKind   kind;
  PlDiffPage   page;
  PlCollection collection;  /* PL_COLLECTION_NONE: the plan's own settings (PlMetadata), and
                             * the root's and containers' unknown elements, as
                             * PL_DIFF_FIELD_EXTRAS changes labelled with their element
                             * ("Unknown elements in <campaigns>") */
  char        *id;          /* NULL for the metadata */
  char        *name;        /* what the user calls it: the new name, or the old for a removal */
  char        *noun;        /* "campaign", "budget line" (translated) */
  char        *heading;     /* pl_record_change_heading(): the record in words */
  PlItem      *old_item;    /* the record in the old plan (a reference), NULL when added */
  PlItem      *new_item;    /* the record in the new plan (a reference), NULL when removed */
  GPtrArray   *fields;      /* of PlFieldChange, in the record's field order; empty unless CHANGED */
} PlRecordChange;

/* The budget of one category (or of the whole plan, category NULL) before and after. Only
 * categories whose planned or actual total differs are listed. */
typedef struct {
  char   *category_id;      /* NULL: the whole plan */
  char   *name;             /* the category's name, "Whole plan" for the total (translated) */
  gint64  old_planned;      /* minor units of the plan's currency (of the new plan) */
  gint64  new_planned;
  gint64  old_actual;
  gint64  new_actual;
} PlBudgetChange;

typedef struct {
  PlPlan    *old_plan;      /* references */
  PlPlan    *new_plan;
  GPtrArray *records;       /* of PlRecordChange: by page, then in the new plan's order of
                             * collections and records (removed records where they stood) */
  GPtrArray *budget;        /* of PlBudgetChange: changed categories in the new plan's order,
                             * those the new plan no longer has after them, then the whole
                             * plan's total when it changed (always last) */
  guint      n_added;
  guint      n_removed;
  guint      n_changed;
} PlPlanDiff;

/* Compares two plans; never fails. */
PlPlanDiff  *pl_plan_diff              (PlPlan *old_plan, PlPlan *new_plan);
void         pl_plan_diff_free         (PlPlanDiff *diff);
/* TRUE when the two plans hold the same records, values, targets and unknown elements. */
gboolean     pl_plan_diff_is_empty     (const PlPlanDiff *diff);
/* The page's name in the window and in `pilote-cli diff --json` ("budget"), not translated. */
const char  *pl_diff_page_get_key      (PlDiffPage page);
/* The page's title as the window's sidebar says it, translated ("Budget"). */
const char  *pl_diff_page_get_title    (PlDiffPage page);
PlDiffPage   pl_diff_page_for_collection (PlCollection collection);
/* One line in words for a change, as the CLI, the panel and the report print it:
 * "Campaign “Spring webinar” added", "Budget line “Events”: Planned 12,000.00 → 15,000.00". */
char        *pl_record_change_describe (const PlRecordChange *change);
/* The record a change is about, in words: "Campaign “Spring webinar”", "Plan settings"; a
 * campaign's link to a KPI by both: "Campaign “Spring webinar” → Leads". */
char        *pl_record_change_heading  (const PlRecordChange *change);
/* One field's change in words: "Planned amounts: 12,000.00 → 15,000.00" ("—" for no value). */
char        *pl_field_change_describe  (const PlFieldChange *change);
/* The counts in words: "3 added, 1 removed, 7 changed", or "The plans are the same." */
char        *pl_plan_diff_summary      (const PlPlanDiff *diff);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlPlanDiff, pl_plan_diff_free)

G_END_DECLS

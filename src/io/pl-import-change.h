/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* What an import would change, before anything does: every value it would add and every one it
 * would replace, the old beside the new. Plain data shared by every import (KPI measurements
 * today; budgets, spend and campaign results later), so that `--dry-run` and the import dialogs
 * list the same things in the same words. */
typedef struct {
  PlItem  *item;       /* the record that holds the value (a KPI), borrowed from the plan */
  guint32  period;     /* the first day of the value's period (Julian day) */
  guint32  period_end; /* the first day after it */
  double   value;      /* the new value, as stored (a percentage as a fraction) */
  double   previous;   /* what the plan holds for the period now, NAN when the value is added */
  guint    n_previous; /* stored values it replaces (more than one when some sat off the period's first day) */
  gboolean off_period_start; /* a value it replaces sits on another day than the period's first */
  guint    row;        /* the line of the file it comes from (the first, when rows were combined) */
  guint    n_rows;     /* the rows combined into it (daily rows into a monthly KPI) */
  PlItem  *campaign;   /* a campaign's result on the KPI @item (monthly), NULL for a KPI's own value */
  PlItem  *link;       /* the campaign's PlCampaignKpi link to @item, NULL when the import adds it */
} PlImportChange;

typedef struct {
  guint added;         /* values for periods that had none */
  guint replaced;      /* values that change a stored one */
  guint unchanged;     /* values the plan holds already (importing the same file again) */
} PlImportCounts;

/* Whether @change leaves the plan as it is: the same one value, on the period's first day. */
gboolean  pl_import_change_is_unchanged (const PlImportChange *change);
/* Counts the changes of @changes (an array of PlImportChange) by kind. */
PlImportCounts pl_import_changes_count  (GArray *changes);
/* "3 values added, 2 replaced, 1 unchanged": what an import did or would do, for its final message. */
char     *pl_import_counts_text         (const PlImportCounts *counts);
/* The period of @change in words, as its record's frequency names it ("January 2027", "week of
 * 4 Jan 2027", "quarter from 1 Apr 2027"). */
char     *pl_import_change_period_text  (PlPlan *plan, const PlImportChange *change);
/* What @change is a value of: the KPI's name ("Leads"), or the campaign and the KPI
 * ("Spring webinar → Leads"). */
char     *pl_import_change_label        (const PlImportChange *change);
/* One line for a list of changes: "Leads, January 2027: 585 → 600" or "…: 600 (added)";
 * a campaign's result: "Spring webinar → Leads, March 2027: 40 → 55". */
char     *pl_import_change_describe     (PlPlan *plan, const PlImportChange *change);
/* The old and new values of @change in the record's unit; the old one is "" when added. */
char     *pl_import_change_format_value (const PlImportChange *change, gboolean previous);

G_END_DECLS

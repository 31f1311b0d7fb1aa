/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan-diff.h"
#include "pl-report-text.h"

G_BEGIN_DECLS

/* The leadership report's "Changes since" section (issue 24), made from the same comparison
 * as `pilote-cli diff` and the window's Compare pane: how many records were added, removed
 * and changed, the budget by category before and after (in whole units of the currency, as
 * the report's budget), and the main changes by page. In
 * share-safe mode no amount appears: the budget as shares of each side's total, and money
 * values of changed fields withheld. */

/* Changes listed for a page before "and N more". */
#define PL_REPORT_CHANGES_PER_PAGE 12

typedef struct {
  char              *title;     /* "Changes since “plan-v3.pilote”" (plain text) */
  char              *subtitle;  /* the counts (markup) */
  PlReportTableText *budget;    /* the categories whose budget changed, and the whole plan's
                                 * total last; NULL when the budget did not change */
  GPtrArray         *pages;     /* of PlReportTableText, one a page with changes, in the
                                 * window's order: its subtitle the page's title */
} PlReportChanges;

/* What happened to a record in one word, as the report and the Compare pane mark it: "Added". */
const char      *pl_report_changes_kind_word (PlDiffKind kind);

/* The section's text from @diff (its new plan is the report's plan), the old plan called
 * @since (a file's name). */
PlReportChanges *pl_report_changes_new  (const PlPlanDiff *diff, const char *since, gboolean share_safe);
void             pl_report_changes_free (PlReportChanges *changes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlReportChanges, pl_report_changes_free)

G_END_DECLS

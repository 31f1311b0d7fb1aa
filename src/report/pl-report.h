/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-plan.h"
#include "pl-plan-diff.h"

G_BEGIN_DECLS

/* The leadership report: a document of chosen sections, in the plan's order, laid out on
 * paper with Cairo and Pango only (pilote-cli makes it with no display). Sections that open
 * with a page-wide chart (the dashboard, the KPI chain, the timeline) start a landscape page;
 * the others start a page, or follow the section before on its page when it has room (the
 * full report only: the board pack gives each section its page). In
 * share-safe mode no amount of money appears anywhere: each is shown as a share of a total. */

typedef enum {
  PL_REPORT_COVER,
  PL_REPORT_SUMMARY,
  PL_REPORT_CHANGES,        /* only when the options carry a comparison (changes) */
  PL_REPORT_DASHBOARD,
  PL_REPORT_CHAIN,
  PL_REPORT_FUNNEL,
  PL_REPORT_BUDGET,
  PL_REPORT_SCENARIOS,      /* only when the plan has scenarios */
  PL_REPORT_TIMELINE,
  PL_REPORT_CAMPAIGNS,
  PL_REPORT_MATURITY,
  PL_REPORT_HYGIENE,
  PL_REPORT_NOTES,
  PL_REPORT_N_SECTIONS
} PlReportSection;

/* Plans with more campaigns show these many, by spend, and the rest summed. */
#define PL_REPORT_TOP_CAMPAIGNS 40

/* The full report, or the board pack: at most PL_REPORT_BOARD_PACK_PAGES pages in a fixed
 * order (the summary with the commentary and the headline figures, the dashboard, the budget
 * against plan with its forecast, the KPI chain on one page, the campaigns needing attention
 * with what is being done about them and, where the page has room, the campaigns ranked by
 * return on investment); its sections ignore @sections. */
typedef enum {
  PL_REPORT_KIND_FULL,
  PL_REPORT_KIND_BOARD_PACK,
} PlReportKind;

#define PL_REPORT_BOARD_PACK_PAGES 5

typedef struct {
  PlReportKind    kind;
  PlReportSection sections[PL_REPORT_N_SECTIONS];  /* in the order shown */
  guint           n_sections;
  gboolean        share_safe;
  double          width, height;   /* the paper upright, in points */
  double          margin;          /* all round, in points */
  gboolean        split_timeline;  /* a quarter a page rather than fitted to the width */
  guint32         today;           /* the day the report is printed (Julian) */
  guint32         as_of;           /* the day its figures are for: the plan's chosen day, or
                                    * pl_dashboard_as_of() for @today */
  const PlPlanDiff *changes;       /* the plan compared with an earlier one (its new side is
                                    * the report's plan), for "Changes since"; NULL: none.
                                    * Not owned: it must outlive the report. */
  const char      *changes_since;  /* the earlier plan's name (its file's), not owned */
} PlReportOptions;

/* The section's name in files and on the command line ("summary"). */
const char *pl_report_section_name       (PlReportSection section);
/* The section's title, translated ("Executive summary"). */
const char *pl_report_section_title      (PlReportSection section);
/* Finds the section called @name; FALSE when there is none. */
gboolean    pl_report_section_from_name  (const char *name, PlReportSection *section);

/* Fills @options for @plan: its saved sections (every section when it has none), A4, the
 * margins of a printed report, as of @today. */
void        pl_report_options_init       (PlReportOptions *options, PlPlan *plan, guint32 today);
/* Sets the sections from a comma-separated list of names ("cover,summary,budget"); FALSE
 * with @error, leaving @options, on an unknown or repeated name or an empty list. */
gboolean    pl_report_options_parse_sections (PlReportOptions *options, const char *list, GError **error);
/* The sections' names in order, for pl_plan_set_strv() (a new NULL-terminated array). */
char      **pl_report_options_dup_section_names (const PlReportOptions *options);
/* Gives the report the "Changes since" section made from @diff, the earlier plan called
 * @since (both kept as references): added after the summary (or first) when the sections
 * do not name it already. */
void        pl_report_options_set_changes (PlReportOptions *options, const PlPlanDiff *diff, const char *since);
/* Sets the paper by name: "a4" or "letter"; FALSE with @error for another. */
gboolean    pl_report_options_set_paper  (PlReportOptions *options, const char *name, GError **error);

typedef struct _PlReport PlReport;

/* Lays out the report of @plan; @plan must not change while the report lives. */
PlReport   *pl_report_new                (PlPlan *plan, const PlReportOptions *options);
void        pl_report_free               (PlReport *report);
guint       pl_report_get_n_pages        (PlReport *report);
/* The size of page @page in points: the paper upright, or turned for a wide chart. */
void        pl_report_get_page_size      (PlReport *report, guint page, double *width, double *height);
/* The section page @page opens with (the one its running header names). */
PlReportSection pl_report_get_page_section (PlReport *report, guint page);
/* The page @section starts on, or -1 when the report does not have it. */
int         pl_report_get_section_page   (PlReport *report, PlReportSection section);
/* How full page @page is, from 0 to 1: the height its content takes over the height a page
 * offers between its header and its footer (for tests of the page-fill rule: no page under a
 * third full but a section's last, and that one at least a quarter full). */
double      pl_report_get_page_fill      (PlReport *report, guint page);
/* TRUE when a section ends on page @page: the page-fill rule holds it to a quarter full
 * rather than a third. */
gboolean    pl_report_page_ends_section  (PlReport *report, guint page);
/* Draws page @page whole on @cr, its origin at the paper's corner, in points. */
void        pl_report_draw_page          (PlReport *report, cairo_t *cr, guint page);
/* Writes the report as a PDF to @path: text that can be selected and searched, the fonts
 * embedded, the title, author, subject and creation date, and a bookmark per section. The
 * file is replaced whole or not at all. */
gboolean    pl_report_write_pdf          (PlReport *report, const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlReport, pl_report_free)

G_END_DECLS

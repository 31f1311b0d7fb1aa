/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "pl-figures.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* What the leadership report says, section by section, as Pango markup: the tables and the
 * plain sentences around them, in the user's locale. pl-report.c lays them out. In
 * share-safe mode no amount of money is written: each becomes a share of a total. */

#define PL_REPORT_MAX_COLUMNS 8

/* How a table's columns share the width. */
typedef struct {
  guint          n_columns;
  double         widths[PL_REPORT_MAX_COLUMNS];  /* fractions of the width, summing to 1 */
  PangoAlignment align[PL_REPORT_MAX_COLUMNS];
  gboolean       whole[PL_REPORT_MAX_COLUMNS];   /* the user's own words: wrapped, never cut */
} PlReportTable;

void pl_report_table_free (PlReportTable *table);

/* A section's text: a subtitle, paragraphs before and after, and a table between. */
typedef struct {
  char          *subtitle;       /* markup, or NULL */
  GPtrArray     *before;         /* markup paragraphs */
  PlReportTable *table;          /* the columns; NULL once taken */
  char         **header;         /* markup a column; NULL once taken */
  GPtrArray     *rows;           /* char ** (NULL-terminated markup a column) */
  gboolean       last_is_total;  /* the last row sums the others */
  GPtrArray     *after;          /* markup paragraphs */
} PlReportTableText;

void               pl_report_table_text_free (PlReportTableText *text);
/* A table of columns: (header, width, alignment) for each, NULL after the last. */
PlReportTableText *pl_report_table_text_new  (const char *first_header, ...) G_GNUC_NULL_TERMINATED;
/* Adds a row of plain texts (escaped here; NULL shows a dash), one a column. */
void               pl_report_table_text_add_row (PlReportTableText *self, ...);

/* The key figures to date, their status and change since the month before, and the sentences
 * a CEO reads in a minute. */
PlReportTableText *pl_report_summary_table   (PlPlan *plan, guint32 today, gboolean share_safe);
/* The funnel's stages to date against their targets, and each one's conversion from the
 * stage above against the planned conversion: what the dashboard's funnel does not say. */
PlReportTableText *pl_report_funnel_table    (PlPlan *plan, guint32 today);
/* Each budget category: planned for the period and to date, spent to date, used, variance. */
PlReportTableText *pl_report_budget_table    (PlPlan *plan, guint32 today, gboolean share_safe);
/* The campaigns with the most spend (PL_REPORT_TOP_CAMPAIGNS), the rest summed: status,
 * dates, allocated, spent and ROI, and what each brought on each of its KPIs against what
 * it was expected to bring: every figure from pl-campaign-results.h over the ranking
 * chart's basis as of @today (pl_campaign_ranking_basis()), as the Campaigns page and
 * `pilote-cli summary --json` give them. Share-safe: money as shares (of all campaigns'
 * allocation and spend; a money result as a share of its KPI's target or of what was
 * expected). */
PlReportTableText *pl_report_campaigns_table (PlPlan *plan, guint32 today, gboolean share_safe);
/* The plan's scenarios (Base, then each saved one, as of @today) over the period: spend,
 * leads, customers, revenue, CAC and LTV:CAC; money as shares of Base's when @share_safe. */
PlReportTableText *pl_report_scenarios_table (PlPlan *plan, guint32 today, gboolean share_safe);
/* The latest self-assessment round against the one before, by dimension, with the persona. */
PlReportTableText *pl_report_maturity_table  (PlPlan *plan);
/* The metric hygiene findings, at most @max of them. */
PlReportTableText *pl_report_hygiene_table   (PlPlan *plan, guint max);

/* A headline figure of the board pack: a KPI's value to date and its basis. */
typedef struct {
  char        *label;   /* the KPI's name */
  char        *value;   /* "€1,386,600"; in share-safe mode a money KPI's is a share of its target */
  char        *basis;   /* "to date against a target of €1,382,808 (January to June 2027)" */
  PlKpiStatus  status;
} PlReportHeadline;

void       pl_report_headline_free   (PlReportHeadline *headline);
/* The board pack's headline figures (pl_report_dup_headlines()) as of @today: a new array
 * of PlReportHeadline, read by pl_figures_kpi() on the summary's basis. */
GPtrArray *pl_report_headlines       (PlPlan *plan, guint32 today, gboolean share_safe);
/* The campaigns that need attention, as the dashboard lists them, with why and what is being
 * done about each (its PL_CAMPAIGN_NEXT_STEP, or a word that nothing is recorded). */
PlReportTableText *pl_report_attention_table (PlPlan *plan, guint32 today, gboolean share_safe);

/* @text with every amount of money in it (a currency sign or code beside a number: "€530k",
 * "12 000 EUR") replaced by a mark that says it was withheld: for the user's own words
 * (the notes) in a share-safe report. */
char       *pl_report_text_withhold_amounts (PlPlan *plan, const char *text);
/* At most @n campaigns with the most actual spend, then the most allocated (borrowed records). */
GPtrArray  *pl_report_top_campaigns         (PlPlan *plan, guint n);

/* The cover's lines, plain text. */
char       *pl_report_text_period           (PlPlan *plan);
char       *pl_report_text_as_of            (PlPlan *plan, guint32 today);
char       *pl_report_text_prepared         (const char *owner, guint32 today);
/* "Maturity: <persona> · 62 / 100", or NULL without a self-assessment. */
char       *pl_report_text_persona_badge    (PlPlan *plan);
/* What the cover of a share-safe report says (markup). */
const char *pl_report_text_share_safe_notice (void);
/* The PDF's subject. */
char       *pl_report_text_subject          (PlPlan *plan, guint32 today, gboolean share_safe);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlReportTableText, pl_report_table_text_free)

G_END_DECLS

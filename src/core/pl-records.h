/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The records of a plan, in file order.
 * Each record is a PlItem; the enum under it indexes its fields (pl-records.c). */

#include "pl-item.h"
#include "pl-series.h"

G_BEGIN_DECLS

#define PL_TYPE_METADATA (pl_metadata_get_type ())
G_DECLARE_FINAL_TYPE (PlMetadata, pl_metadata, PL, METADATA, PlItem)
enum {
  PL_METADATA_TITLE,
  PL_METADATA_ORGANISATION,
  PL_METADATA_OWNER,
  PL_METADATA_CURRENCY,
  PL_METADATA_START,
  PL_METADATA_MONTHS,
  PL_METADATA_NOTES,
  PL_METADATA_REPORT_SECTIONS,  /* the leadership report's sections, in order (pl-report.h) */
  /* What the CMO adds to the reports (pl-report-settings.h, format 1.3): */
  PL_METADATA_COMMENTARY,       /* PL_FIELD_SECTION_TEXTS: the commentary of each section */
  PL_METADATA_HEADLINES,        /* the board pack's headline figures, KPI IDs in order */
  PL_METADATA_LOGO,             /* PL_FIELD_BYTES: the organisation's logo, a PNG image */
};

#define PL_TYPE_MEMBER (pl_member_get_type ())
G_DECLARE_FINAL_TYPE (PlMember, pl_member, PL, MEMBER, PlItem)
enum {
  PL_MEMBER_NAME,
  PL_MEMBER_ROLE,
};

#define PL_TYPE_SEGMENT (pl_segment_get_type ())
G_DECLARE_FINAL_TYPE (PlSegment, pl_segment, PL, SEGMENT, PlItem)
enum {
  PL_SEGMENT_NAME,
  PL_SEGMENT_DESCRIPTION,
  PL_SEGMENT_PROFILE,
  PL_SEGMENT_STAGE,
};

#define PL_TYPE_KPI_LINK (pl_kpi_link_get_type ())
G_DECLARE_FINAL_TYPE (PlKpiLink, pl_kpi_link, PL, KPI_LINK, PlItem)
enum {
  PL_KPI_LINK_UPSTREAM,
  PL_KPI_LINK_DOWNSTREAM,
};

#define PL_TYPE_OBJECTIVE (pl_objective_get_type ())
G_DECLARE_FINAL_TYPE (PlObjective, pl_objective, PL, OBJECTIVE, PlItem)
enum {
  PL_OBJECTIVE_STATEMENT,
  PL_OBJECTIVE_KPI,
  PL_OBJECTIVE_TARGET,
  PL_OBJECTIVE_DUE,
};

/* A named set of driver assumptions (issue 21, pl-scenario.h). */
#define PL_TYPE_SCENARIO (pl_scenario_get_type ())
G_DECLARE_FINAL_TYPE (PlScenario, pl_scenario, PL, SCENARIO, PlItem)
enum {
  PL_SCENARIO_NAME,
  PL_SCENARIO_WINDOW,       /* months of history the other drivers come from */
  PL_SCENARIO_NOTE,
  PL_SCENARIO_ASSUMPTIONS,  /* PL_FIELD_ASSUMPTIONS */
};

#define PL_TYPE_PLAY (pl_play_get_type ())
G_DECLARE_FINAL_TYPE (PlPlay, pl_play, PL, PLAY, PlItem)
enum {
  PL_PLAY_SEGMENT,
  PL_PLAY_CHANNEL,
  PL_PLAY_TIMING,
  PL_PLAY_SEQUENCE,
  PL_PLAY_MESSAGE,
};

#define PL_TYPE_TOOL (pl_tool_get_type ())
G_DECLARE_FINAL_TYPE (PlTool, pl_tool, PL, TOOL, PlItem)
enum {
  PL_TOOL_NAME,
  PL_TOOL_PURPOSE,
  PL_TOOL_COST,
  PL_TOOL_CONTRACT_END,
};

#define PL_TYPE_CATEGORY (pl_category_get_type ())
G_DECLARE_FINAL_TYPE (PlCategory, pl_category, PL, CATEGORY, PlItem)
enum {
  PL_CATEGORY_NAME,
  PL_CATEGORY_ACQUISITION,
};

#define PL_TYPE_BUDGET_LINE (pl_budget_line_get_type ())
G_DECLARE_FINAL_TYPE (PlBudgetLine, pl_budget_line, PL, BUDGET_LINE, PlItem)
enum {
  PL_BUDGET_LINE_CATEGORY,
  PL_BUDGET_LINE_NAME,
  PL_BUDGET_LINE_HORIZON,
  PL_BUDGET_LINE_APPROVAL,
  PL_BUDGET_LINE_PLANNED,
  PL_BUDGET_LINE_JUSTIFICATION,
  /* Format 1.4: budget carried over (pl-budget-carry.h), PL_FIELD_STRV, one move per string:
   * "FROM-FIRST FROM-LAST TO-FIRST TO-LAST AMOUNT" ("2027-01 2027-03 2027-04 2027-06 12000.00"),
   * the months as in the file, the amount in the file's money form. The planned amounts already
   * hold the move; these say where it came from ("12,000 carried from Q1"). */
  PL_BUDGET_LINE_CARRIED,
};

#define PL_TYPE_CAMPAIGN (pl_campaign_get_type ())
G_DECLARE_FINAL_TYPE (PlCampaign, pl_campaign, PL, CAMPAIGN, PlItem)
enum {
  PL_CAMPAIGN_NAME,
  PL_CAMPAIGN_CHANNEL,
  PL_CAMPAIGN_SEGMENT,
  PL_CAMPAIGN_OWNER,
  PL_CAMPAIGN_START,
  PL_CAMPAIGN_END,
  PL_CAMPAIGN_STATUS,
  PL_CAMPAIGN_STOP_REASON,
  PL_CAMPAIGN_PROBLEM,
  PL_CAMPAIGN_SUCCESS,
  PL_CAMPAIGN_AUDIENCE,
  PL_CAMPAIGN_INACTION,
  PL_CAMPAIGN_ADVANTAGE,
  PL_CAMPAIGN_NEXT_STEP,  /* free text: what is being done about it (issue 22, format 1.3) */
  /* Format 1.5: the code a CRM or an analytics tool knows the campaign by (a UTM campaign, a
   * Salesforce campaign ID), so that an export's rows find it when the names differ. */
  PL_CAMPAIGN_CODE,
};

#define PL_TYPE_CAMPAIGN_KPI (pl_campaign_kpi_get_type ())
G_DECLARE_FINAL_TYPE (PlCampaignKpi, pl_campaign_kpi, PL, CAMPAIGN_KPI, PlItem)
enum {
  PL_CAMPAIGN_KPI_CAMPAIGN,
  PL_CAMPAIGN_KPI_KPI,
  PL_CAMPAIGN_KPI_CONTRIBUTION,
};

/* What the campaign actually brought to the KPI, one point per month (format 1.5, issue 25);
 * owned by the link. In the KPI's unit, as its measurements are. */
PlSeries *pl_campaign_kpi_get_results (PlCampaignKpi *self);

#define PL_TYPE_ALLOCATION (pl_allocation_get_type ())
G_DECLARE_FINAL_TYPE (PlAllocation, pl_allocation, PL, ALLOCATION, PlItem)
enum {
  PL_ALLOCATION_LINE,
  PL_ALLOCATION_CAMPAIGN,
  PL_ALLOCATION_AMOUNT,
};

#define PL_TYPE_SPEND (pl_spend_get_type ())
G_DECLARE_FINAL_TYPE (PlSpend, pl_spend, PL, SPEND, PlItem)
enum {
  PL_SPEND_LINE,
  PL_SPEND_DATE,
  PL_SPEND_AMOUNT,
  PL_SPEND_VENDOR,
  PL_SPEND_NOTE,
  PL_SPEND_CAMPAIGN,  /* optional: the one campaign this spend is for */
  /* Format 1.4 (issue 23): */
  PL_SPEND_STATUS,    /* PlSpendStatus: actual (an invoice, the default) or committed (an order) */
  PL_SPEND_ACCOUNT,   /* the ledger account it was booked on ("6231"), for imported spend */
  PL_SPEND_SOURCE,    /* what an import knows it by, so that importing again never counts it
                       * twice (pl-spend-import.h); NULL for spend typed in */
};
/* PL_SPEND_LINE is optional since 1.4: spend no budget line covers is unbudgeted. A negative
 * amount (1.4) is a credit: a refund or a reversal, which reduces the spend. */

/* True when @spend is actual spend (an invoice), the only spend "used", CPL, CAC and ROI count. */
gboolean pl_spend_is_actual (PlItem *spend);

/* A rule that maps ledger entries or bank transactions to a budget line (and optionally a
 * campaign) when spend is imported; kept in the plan and reused at every import. Format 1.4. */
#define PL_TYPE_SPEND_RULE (pl_spend_rule_get_type ())
G_DECLARE_FINAL_TYPE (PlSpendRule, pl_spend_rule, PL, SPEND_RULE, PlItem)
enum {
  PL_SPEND_RULE_MATCH,     /* PlSpendMatch: what it looks at */
  PL_SPEND_RULE_PATTERN,   /* an account prefix ("6231", "622"), or a supplier's or a label's
                            * words, matched without regard to case or accents */
  PL_SPEND_RULE_LINE,      /* optional: the line it maps to; none: taken in, as unbudgeted */
  PL_SPEND_RULE_CAMPAIGN,  /* optional */
};

#define PL_TYPE_ENTRY (pl_entry_get_type ())
G_DECLARE_FINAL_TYPE (PlEntry, pl_entry, PL, ENTRY, PlItem)
enum {
  PL_ENTRY_KIND,
  PL_ENTRY_TITLE,
  PL_ENTRY_CAMPAIGN,
  PL_ENTRY_START,
  PL_ENTRY_END,
  PL_ENTRY_CADENCE,
  PL_ENTRY_NOTE,
  PL_ENTRY_SKIP,   /* occurrences that do not happen: "2027-03-28" (pl-calendar.h) */
  PL_ENTRY_MOVE,   /* occurrences held on another day: "2027-04-28 2027-05-03" */
};

#define PL_TYPE_ASSESSMENT (pl_assessment_get_type ())
G_DECLARE_FINAL_TYPE (PlAssessment, pl_assessment, PL, ASSESSMENT, PlItem)
enum {
  PL_ASSESSMENT_ROUND,
  PL_ASSESSMENT_DATE,
  PL_ASSESSMENT_RESPONDENT,
  PL_ASSESSMENT_ANSWERS,
};

#define PL_TYPE_KPI (pl_kpi_get_type ())
G_DECLARE_FINAL_TYPE (PlKpi, pl_kpi, PL, KPI, PlItem)
enum {
  PL_KPI_NAME,
  PL_KPI_UNIT,
  PL_KPI_DIRECTION,
  PL_KPI_LAYER,
  PL_KPI_STAGE,
  PL_KPI_AGGREGATE,
  PL_KPI_OWNER,
  PL_KPI_FREQUENCY,
  PL_KPI_DASHBOARD,
  PL_KPI_FORMULA,
  PL_KPI_DESCRIPTION,
};

/* A KPI's targets and measurements; owned by the KPI. */
PlSeries *pl_kpi_get_targets      (PlKpi *self);
PlSeries *pl_kpi_get_measurements (PlKpi *self);

/* The series @kind of @item (a KPI's targets or measurements, a PlCampaignKpi's results), or
 * NULL when @item has no such series. */
PlSeries *pl_item_get_series      (PlItem *item, PlSeriesKind kind);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-enums"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-enums.h"

G_DEFINE_ENUM_TYPE (PlHorizon, pl_horizon,
  G_DEFINE_ENUM_VALUE (PL_HORIZON_SHORT, "short"),
  G_DEFINE_ENUM_VALUE (PL_HORIZON_LONG, "long"))

G_DEFINE_ENUM_TYPE (PlApproval, pl_approval,
  G_DEFINE_ENUM_VALUE (PL_APPROVAL_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (PL_APPROVAL_SUBMITTED, "submitted"),
  G_DEFINE_ENUM_VALUE (PL_APPROVAL_APPROVED, "approved"))

G_DEFINE_ENUM_TYPE (PlCampaignStatus, pl_campaign_status,
  G_DEFINE_ENUM_VALUE (PL_STATUS_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (PL_STATUS_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (PL_STATUS_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (PL_STATUS_STOPPED, "stopped"))

G_DEFINE_ENUM_TYPE (PlEntryKind, pl_entry_kind,
  G_DEFINE_ENUM_VALUE (PL_ENTRY_MILESTONE, "milestone"),
  G_DEFINE_ENUM_VALUE (PL_ENTRY_ACTIVITY, "activity"),
  G_DEFINE_ENUM_VALUE (PL_ENTRY_REVIEW, "review"))

G_DEFINE_ENUM_TYPE (PlCadence, pl_cadence,
  G_DEFINE_ENUM_VALUE (PL_CADENCE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (PL_CADENCE_WEEKLY, "weekly"),
  G_DEFINE_ENUM_VALUE (PL_CADENCE_MONTHLY, "monthly"),
  G_DEFINE_ENUM_VALUE (PL_CADENCE_QUARTERLY, "quarterly"),
  G_DEFINE_ENUM_VALUE (PL_CADENCE_YEARLY, "yearly"),
  G_DEFINE_ENUM_VALUE (PL_CADENCE_END_OF_CAMPAIGN, "end-of-campaign"))

G_DEFINE_ENUM_TYPE (PlUnit, pl_unit,
  G_DEFINE_ENUM_VALUE (PL_UNIT_COUNT, "count"),
  G_DEFINE_ENUM_VALUE (PL_UNIT_CURRENCY, "currency"),
  G_DEFINE_ENUM_VALUE (PL_UNIT_PERCENT, "percent"),
  G_DEFINE_ENUM_VALUE (PL_UNIT_RATIO, "ratio"),
  G_DEFINE_ENUM_VALUE (PL_UNIT_DAYS, "days"))

G_DEFINE_ENUM_TYPE (PlDirection, pl_direction,
  G_DEFINE_ENUM_VALUE (PL_DIRECTION_HIGHER, "higher"),
  G_DEFINE_ENUM_VALUE (PL_DIRECTION_LOWER, "lower"))

G_DEFINE_ENUM_TYPE (PlLayer, pl_layer,
  G_DEFINE_ENUM_VALUE (PL_LAYER_ACTIVITY, "activity"),
  G_DEFINE_ENUM_VALUE (PL_LAYER_FUNNEL, "funnel"),
  G_DEFINE_ENUM_VALUE (PL_LAYER_BUSINESS, "business"))

G_DEFINE_ENUM_TYPE (PlStage, pl_stage,
  G_DEFINE_ENUM_VALUE (PL_STAGE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (PL_STAGE_SPEND, "spend"),
  G_DEFINE_ENUM_VALUE (PL_STAGE_IMPRESSIONS, "impressions"),
  G_DEFINE_ENUM_VALUE (PL_STAGE_VISITORS, "visitors"),
  G_DEFINE_ENUM_VALUE (PL_STAGE_LEADS, "leads"),
  G_DEFINE_ENUM_VALUE (PL_STAGE_MQL, "mql"),
  G_DEFINE_ENUM_VALUE (PL_STAGE_SQL, "sql"),
  G_DEFINE_ENUM_VALUE (PL_STAGE_OPPORTUNITIES, "opportunities"),
  G_DEFINE_ENUM_VALUE (PL_STAGE_NEW_CUSTOMERS, "new-customers"),
  G_DEFINE_ENUM_VALUE (PL_STAGE_CUSTOMERS, "customers"),
  G_DEFINE_ENUM_VALUE (PL_STAGE_REVENUE, "revenue"),
  G_DEFINE_ENUM_VALUE (PL_STAGE_MRR, "mrr"),
  G_DEFINE_ENUM_VALUE (PL_STAGE_CHURN, "churn"),
  G_DEFINE_ENUM_VALUE (PL_STAGE_MARGIN, "margin"))

G_DEFINE_ENUM_TYPE (PlFrequency, pl_frequency,
  G_DEFINE_ENUM_VALUE (PL_FREQUENCY_MONTHLY, "monthly"),
  G_DEFINE_ENUM_VALUE (PL_FREQUENCY_WEEKLY, "weekly"),
  G_DEFINE_ENUM_VALUE (PL_FREQUENCY_QUARTERLY, "quarterly"))

G_DEFINE_ENUM_TYPE (PlAggregate, pl_aggregate,
  G_DEFINE_ENUM_VALUE (PL_AGGREGATE_SUM, "sum"),
  G_DEFINE_ENUM_VALUE (PL_AGGREGATE_LAST, "last"),
  G_DEFINE_ENUM_VALUE (PL_AGGREGATE_MEAN, "mean"))

G_DEFINE_ENUM_TYPE (PlSpendStatus, pl_spend_status,
  G_DEFINE_ENUM_VALUE (PL_SPEND_ACTUAL, "actual"),
  G_DEFINE_ENUM_VALUE (PL_SPEND_COMMITTED, "committed"))

G_DEFINE_ENUM_TYPE (PlSpendMatch, pl_spend_match,
  G_DEFINE_ENUM_VALUE (PL_SPEND_MATCH_ACCOUNT, "account"),
  G_DEFINE_ENUM_VALUE (PL_SPEND_MATCH_SUPPLIER, "supplier"),
  G_DEFINE_ENUM_VALUE (PL_SPEND_MATCH_LABEL, "label"))

int
pl_enum_from_nick (GType enum_type, const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return v ? v->value : -1;
}

const char *
pl_enum_to_nick (GType enum_type, int value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v ? v->value_nick : NULL;
}

/* What the user reads for each value; the nicks are the file's words, not theirs. */
/* A context where the same English word takes another form in a translation (a French
 * campaign is "Terminée", a budget line's amount "Prévu"). */
static const struct { GType (*type) (void); int value; const char *label; const char *context; } labels[] = {
  { pl_horizon_get_type, PL_HORIZON_SHORT, N_("Short term") },
  { pl_horizon_get_type, PL_HORIZON_LONG, N_("Long term") },
  { pl_approval_get_type, PL_APPROVAL_DRAFT, N_("Draft") },
  { pl_approval_get_type, PL_APPROVAL_SUBMITTED, N_("Submitted") },
  { pl_approval_get_type, PL_APPROVAL_APPROVED, N_("Approved") },
  { pl_campaign_status_get_type, PL_STATUS_PLANNED, NC_("campaign status", "Planned"), "campaign status" },
  { pl_campaign_status_get_type, PL_STATUS_RUNNING, NC_("campaign status", "Running"), "campaign status" },
  { pl_campaign_status_get_type, PL_STATUS_COMPLETED, NC_("campaign status", "Completed"), "campaign status" },
  { pl_campaign_status_get_type, PL_STATUS_STOPPED, NC_("campaign status", "Stopped"), "campaign status" },
  { pl_entry_kind_get_type, PL_ENTRY_MILESTONE, N_("Milestone") },
  { pl_entry_kind_get_type, PL_ENTRY_ACTIVITY, N_("Activity") },
  { pl_entry_kind_get_type, PL_ENTRY_REVIEW, N_("Review") },
  { pl_cadence_get_type, PL_CADENCE_NONE, N_("Once") },
  { pl_cadence_get_type, PL_CADENCE_WEEKLY, N_("Weekly") },
  { pl_cadence_get_type, PL_CADENCE_MONTHLY, N_("Monthly") },
  { pl_cadence_get_type, PL_CADENCE_QUARTERLY, N_("Quarterly") },
  { pl_cadence_get_type, PL_CADENCE_YEARLY, N_("Yearly") },
  { pl_cadence_get_type, PL_CADENCE_END_OF_CAMPAIGN, N_("At the end of the campaign") },
  { pl_unit_get_type, PL_UNIT_COUNT, N_("Count") },
  { pl_unit_get_type, PL_UNIT_CURRENCY, N_("Money") },
  { pl_unit_get_type, PL_UNIT_PERCENT, N_("Percentage") },
  { pl_unit_get_type, PL_UNIT_RATIO, N_("Ratio") },
  { pl_unit_get_type, PL_UNIT_DAYS, N_("Days") },
  { pl_direction_get_type, PL_DIRECTION_HIGHER, N_("Higher") },
  { pl_direction_get_type, PL_DIRECTION_LOWER, N_("Lower") },
  { pl_layer_get_type, PL_LAYER_ACTIVITY, N_("Activity") },
  { pl_layer_get_type, PL_LAYER_FUNNEL, N_("Funnel") },
  { pl_layer_get_type, PL_LAYER_BUSINESS, NC_("KPI layer", "Business"), "KPI layer" },
  { pl_stage_get_type, PL_STAGE_NONE, NC_("funnel stage", "None"), "funnel stage" },
  { pl_stage_get_type, PL_STAGE_SPEND, N_("Spend") },
  { pl_stage_get_type, PL_STAGE_IMPRESSIONS, N_("Impressions") },
  { pl_stage_get_type, PL_STAGE_VISITORS, N_("Visitors") },
  { pl_stage_get_type, PL_STAGE_LEADS, N_("Leads") },
  { pl_stage_get_type, PL_STAGE_MQL, N_("Marketing qualified leads") },
  { pl_stage_get_type, PL_STAGE_SQL, N_("Sales qualified leads") },
  { pl_stage_get_type, PL_STAGE_OPPORTUNITIES, N_("Opportunities") },
  { pl_stage_get_type, PL_STAGE_NEW_CUSTOMERS, N_("New customers") },
  { pl_stage_get_type, PL_STAGE_CUSTOMERS, N_("Customers") },
  { pl_stage_get_type, PL_STAGE_REVENUE, N_("Revenue") },
  { pl_stage_get_type, PL_STAGE_MRR, N_("Monthly recurring revenue") },
  { pl_stage_get_type, PL_STAGE_CHURN, N_("Churn") },
  { pl_stage_get_type, PL_STAGE_MARGIN, N_("Margin") },
  { pl_frequency_get_type, PL_FREQUENCY_MONTHLY, N_("Monthly") },
  { pl_frequency_get_type, PL_FREQUENCY_WEEKLY, N_("Weekly") },
  { pl_frequency_get_type, PL_FREQUENCY_QUARTERLY, N_("Quarterly") },
  { pl_aggregate_get_type, PL_AGGREGATE_SUM, N_("Adding them up") },
  { pl_aggregate_get_type, PL_AGGREGATE_LAST, N_("Keeping the last") },
  { pl_aggregate_get_type, PL_AGGREGATE_MEAN, N_("Averaging them") },
  { pl_spend_status_get_type, PL_SPEND_ACTUAL, NC_("spend status", "Actual"), "spend status" },
  { pl_spend_status_get_type, PL_SPEND_COMMITTED, NC_("spend status", "Committed"), "spend status" },
  { pl_spend_match_get_type, PL_SPEND_MATCH_ACCOUNT, N_("Account") },
  { pl_spend_match_get_type, PL_SPEND_MATCH_SUPPLIER, N_("Supplier") },
  { pl_spend_match_get_type, PL_SPEND_MATCH_LABEL, N_("Label") },
};

const char *
pl_enum_get_label (GType enum_type, int value)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (labels[i].value == value && labels[i].type () == enum_type)
      return labels[i].context ? g_dpgettext2 (GETTEXT_PACKAGE, labels[i].context, labels[i].label) : _(labels[i].label);
  return "";
}

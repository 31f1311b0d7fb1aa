/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-enums"
#include "config.h"

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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-records"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-drivers.h"
#include "pl-enums.h"
#include "pl-records.h"

/* Every record but the KPI is only its field table. */
#define PL_DEFINE_RECORD(TypeName, type_name, element)                              \
  struct _##TypeName { PlItem parent_instance; };                                     \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, PL_TYPE_ITEM)                            \
  static void type_name##_class_init (TypeName##Class *klass)                       \
  {                                                                                   \
    pl_item_class_set_fields (PL_ITEM_CLASS (klass), element, type_name##_fields,   \
                              G_N_ELEMENTS (type_name##_fields));                   \
  }                                                                                   \
  static void type_name##_init (TypeName *self) { }

static const PlField pl_metadata_fields[] = {
  { "title", PL_FIELD_STRING, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("title"), 0 },
  { "organisation", PL_FIELD_STRING, 0, NULL, PL_COLLECTION_NONE, N_("organisation"), 0 },
  { "owner", PL_FIELD_STRING, 0, NULL, PL_COLLECTION_NONE, N_("owner"), 0 },
  { "currency", PL_FIELD_STRING, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("currency"), 0 },
  { "start", PL_FIELD_MONTH, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("start of the fiscal period"), 0 },
  { "months", PL_FIELD_INT, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("length of the fiscal period"), 12 },
  { "notes", PL_FIELD_TEXT, 0, NULL, PL_COLLECTION_NONE, N_("notes"), 0 },
  { "report-section", PL_FIELD_STRV, 0, NULL, PL_COLLECTION_NONE, N_("report sections"), 0 },
  /* Format 1.3: the logo last, since it is by far the longest. */
  { "commentary", PL_FIELD_SECTION_TEXTS, 0, NULL, PL_COLLECTION_NONE, N_("report commentary"), 0 },
  { "headline", PL_FIELD_STRV, 0, NULL, PL_COLLECTION_NONE, N_("headline figures"), 0 },
  { "logo", PL_FIELD_BYTES, 0, NULL, PL_COLLECTION_NONE, N_("logo"), 0 },
};
PL_DEFINE_RECORD (PlMetadata, pl_metadata, "metadata")

static const PlField pl_member_fields[] = {
  { "name", PL_FIELD_STRING, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("name"), 0 },
  { "role", PL_FIELD_STRING, 0, NULL, PL_COLLECTION_NONE, N_("role"), 0 },
};
PL_DEFINE_RECORD (PlMember, pl_member, "member")

static const PlField pl_segment_fields[] = {
  { "name", PL_FIELD_STRING, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("name"), 0 },
  { "description", PL_FIELD_TEXT, 0, NULL, PL_COLLECTION_NONE, N_("description"), 0 },
  { "profile", PL_FIELD_TEXT, 0, NULL, PL_COLLECTION_NONE, N_("ideal customer profile"), 0 },
  { "stage", PL_FIELD_STRV, 0, NULL, PL_COLLECTION_NONE, N_("journey stages"), 0 },
};
PL_DEFINE_RECORD (PlSegment, pl_segment, "segment")

static const PlField pl_kpi_link_fields[] = {
  { "upstream", PL_FIELD_REF, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_KPIS, N_("upstream KPI"), 0 },
  { "downstream", PL_FIELD_REF, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_KPIS, N_("downstream KPI"), 0 },
};
PL_DEFINE_RECORD (PlKpiLink, pl_kpi_link, "kpi-link")

static const PlField pl_objective_fields[] = {
  { "statement", PL_FIELD_TEXT, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("statement"), 0 },
  { "kpi", PL_FIELD_REF, 0, NULL, PL_COLLECTION_KPIS, N_("KPI"), 0 },
  { "target", PL_FIELD_DOUBLE, 0, NULL, PL_COLLECTION_NONE, N_("target"), 0 },
  { "due", PL_FIELD_DATE, 0, NULL, PL_COLLECTION_NONE, N_("due date"), 0 },
};
PL_DEFINE_RECORD (PlObjective, pl_objective, "objective")

static const PlField pl_scenario_fields[] = {
  { "name", PL_FIELD_STRING, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("name"), 0 },
  { "window", PL_FIELD_INT, 0, NULL, PL_COLLECTION_NONE, N_("history window"), PL_DRIVERS_DEFAULT_WINDOW },
  { "note", PL_FIELD_TEXT, 0, NULL, PL_COLLECTION_NONE, N_("note"), 0 },
  { "assume", PL_FIELD_ASSUMPTIONS, 0, NULL, PL_COLLECTION_NONE, N_("assumptions"), 0 },
};
PL_DEFINE_RECORD (PlScenario, pl_scenario, "scenario")

static const PlField pl_play_fields[] = {
  { "segment", PL_FIELD_REF, 0, NULL, PL_COLLECTION_SEGMENTS, N_("segment"), 0 },
  { "channel", PL_FIELD_STRING, 0, NULL, PL_COLLECTION_NONE, N_("channel"), 0 },
  { "timing", PL_FIELD_STRING, 0, NULL, PL_COLLECTION_NONE, N_("timing"), 0 },
  { "sequence", PL_FIELD_INT, 0, NULL, PL_COLLECTION_NONE, N_("sequence"), 0 },
  { "message", PL_FIELD_TEXT, 0, NULL, PL_COLLECTION_NONE, N_("message"), 0 },
};
PL_DEFINE_RECORD (PlPlay, pl_play, "play")

static const PlField pl_tool_fields[] = {
  { "name", PL_FIELD_STRING, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("name"), 0 },
  { "purpose", PL_FIELD_STRING, 0, NULL, PL_COLLECTION_NONE, N_("purpose"), 0 },
  { "cost", PL_FIELD_MONEY, 0, NULL, PL_COLLECTION_NONE, N_("annual cost"), 0 },
  { "contract-end", PL_FIELD_DATE, 0, NULL, PL_COLLECTION_NONE, N_("contract end date"), 0 },
};
PL_DEFINE_RECORD (PlTool, pl_tool, "tool")

static const PlField pl_category_fields[] = {
  { "name", PL_FIELD_STRING, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("name"), 0 },
  { "acquisition", PL_FIELD_BOOL, 0, NULL, PL_COLLECTION_NONE, N_("counts in the acquisition cost"), TRUE },
};
PL_DEFINE_RECORD (PlCategory, pl_category, "category")

static const PlField pl_budget_line_fields[] = {
  { "category", PL_FIELD_REF, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_CATEGORIES, N_("category"), 0 },
  { "name", PL_FIELD_STRING, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("name"), 0 },
  { "horizon", PL_FIELD_ENUM, 0, pl_horizon_get_type, PL_COLLECTION_NONE, N_("horizon"), 0 },
  { "approval", PL_FIELD_ENUM, 0, pl_approval_get_type, PL_COLLECTION_NONE, N_("approval"), 0 },
  { "planned", PL_FIELD_AMOUNTS, 0, NULL, PL_COLLECTION_NONE, N_("planned amounts"), 0 },
  { "justification", PL_FIELD_TEXT, 0, NULL, PL_COLLECTION_NONE, N_("justification"), 0 },
  /* Format 1.4. */
  { "carried", PL_FIELD_STRV, 0, NULL, PL_COLLECTION_NONE, N_("carried over"), 0 },
};
PL_DEFINE_RECORD (PlBudgetLine, pl_budget_line, "line")

static const PlField pl_campaign_fields[] = {
  { "name", PL_FIELD_STRING, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("name"), 0 },
  { "channel", PL_FIELD_STRING, 0, NULL, PL_COLLECTION_NONE, N_("channel"), 0 },
  { "segment", PL_FIELD_REF, 0, NULL, PL_COLLECTION_SEGMENTS, N_("segment"), 0 },
  { "owner", PL_FIELD_REF, 0, NULL, PL_COLLECTION_MEMBERS, N_("owner"), 0 },
  { "start", PL_FIELD_DATE, 0, NULL, PL_COLLECTION_NONE, N_("start date"), 0 },
  { "end", PL_FIELD_DATE, 0, NULL, PL_COLLECTION_NONE, N_("end date"), 0 },
  { "status", PL_FIELD_ENUM, 0, pl_campaign_status_get_type, PL_COLLECTION_NONE, N_("status"), 0 },
  { "stop-reason", PL_FIELD_TEXT, 0, NULL, PL_COLLECTION_NONE, N_("reason for stopping"), 0 },
  { "problem", PL_FIELD_TEXT, 0, NULL, PL_COLLECTION_NONE, N_("problem to solve"), 0 },
  { "success", PL_FIELD_TEXT, 0, NULL, PL_COLLECTION_NONE, N_("measure of success"), 0 },
  { "audience", PL_FIELD_TEXT, 0, NULL, PL_COLLECTION_NONE, N_("for whom it matters"), 0 },
  { "inaction", PL_FIELD_TEXT, 0, NULL, PL_COLLECTION_NONE, N_("cost of inaction"), 0 },
  { "advantage", PL_FIELD_TEXT, 0, NULL, PL_COLLECTION_NONE, N_("our advantage"), 0 },
  /* Format 1.3. */
  { "next-step", PL_FIELD_TEXT, 0, NULL, PL_COLLECTION_NONE, N_("what is being done"), 0 },
  /* Format 1.5. */
  { "code", PL_FIELD_STRING, 0, NULL, PL_COLLECTION_NONE, N_("campaign code"), 0 },
};
PL_DEFINE_RECORD (PlCampaign, pl_campaign, "campaign")

static const PlField pl_campaign_kpi_fields[] = {
  { "campaign", PL_FIELD_REF, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_CAMPAIGNS, N_("campaign"), 0 },
  { "kpi", PL_FIELD_REF, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_KPIS, N_("KPI"), 0 },
  { "contribution", PL_FIELD_DOUBLE, 0, NULL, PL_COLLECTION_NONE, N_("expected contribution"), 0 },
};

struct _PlCampaignKpi
{
  PlItem    parent_instance;
  PlSeries *results;
};

G_DEFINE_FINAL_TYPE (PlCampaignKpi, pl_campaign_kpi, PL_TYPE_ITEM)

static void
pl_campaign_kpi_finalize (GObject *object)
{
  pl_series_free (PL_CAMPAIGN_KPI (object)->results);
  G_OBJECT_CLASS (pl_campaign_kpi_parent_class)->finalize (object);
}

static void
pl_campaign_kpi_class_init (PlCampaignKpiClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_campaign_kpi_finalize;
  pl_item_class_set_fields (PL_ITEM_CLASS (klass), "campaign-kpi", pl_campaign_kpi_fields,
                            G_N_ELEMENTS (pl_campaign_kpi_fields));
}

static void
pl_campaign_kpi_init (PlCampaignKpi *self)
{
  self->results = pl_series_new ();
}

PlSeries *
pl_campaign_kpi_get_results (PlCampaignKpi *self)
{
  g_return_val_if_fail (PL_IS_CAMPAIGN_KPI (self), NULL);
  return self->results;
}

static const PlField pl_allocation_fields[] = {
  { "line", PL_FIELD_REF, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_LINES, N_("budget line"), 0 },
  { "campaign", PL_FIELD_REF, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_CAMPAIGNS, N_("campaign"), 0 },
  { "amount", PL_FIELD_MONEY, 0, NULL, PL_COLLECTION_NONE, N_("amount"), 0 },
};
PL_DEFINE_RECORD (PlAllocation, pl_allocation, "allocation")

static const PlField pl_spend_fields[] = {
  /* Optional since 1.4: spend no line covers is unbudgeted. */
  { "line", PL_FIELD_REF, 0, NULL, PL_COLLECTION_LINES, N_("budget line"), 0 },
  { "date", PL_FIELD_DATE, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("date"), 0 },
  { "amount", PL_FIELD_MONEY, 0, NULL, PL_COLLECTION_NONE, N_("amount"), 0 },
  { "vendor", PL_FIELD_STRING, 0, NULL, PL_COLLECTION_NONE, N_("vendor"), 0 },
  { "note", PL_FIELD_TEXT, 0, NULL, PL_COLLECTION_NONE, N_("note"), 0 },
  /* Format 1.1: spend booked for one campaign counts for it alone. */
  { "campaign", PL_FIELD_REF, 0, NULL, PL_COLLECTION_CAMPAIGNS, N_("campaign"), 0 },
  /* Format 1.4. */
  { "status", PL_FIELD_ENUM, PL_FIELD_OMIT_DEFAULT, pl_spend_status_get_type, PL_COLLECTION_NONE, N_("status"), PL_SPEND_ACTUAL },
  { "account", PL_FIELD_STRING, 0, NULL, PL_COLLECTION_NONE, N_("account"), 0 },
  { "source", PL_FIELD_STRING, 0, NULL, PL_COLLECTION_NONE, N_("source"), 0 },
};
PL_DEFINE_RECORD (PlSpend, pl_spend, "spend")

gboolean
pl_spend_is_actual (PlItem *spend)
{
  return pl_item_get_int (spend, PL_SPEND_STATUS) == PL_SPEND_ACTUAL;
}

static const PlField pl_spend_rule_fields[] = {
  { "match", PL_FIELD_ENUM, PL_FIELD_OMIT_DEFAULT, pl_spend_match_get_type, PL_COLLECTION_NONE, N_("what it matches"), PL_SPEND_MATCH_ACCOUNT },
  { "pattern", PL_FIELD_STRING, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("pattern"), 0 },
  { "line", PL_FIELD_REF, 0, NULL, PL_COLLECTION_LINES, N_("budget line"), 0 },
  { "campaign", PL_FIELD_REF, 0, NULL, PL_COLLECTION_CAMPAIGNS, N_("campaign"), 0 },
};
PL_DEFINE_RECORD (PlSpendRule, pl_spend_rule, "spend-rule")

static const PlField pl_entry_fields[] = {
  { "kind", PL_FIELD_ENUM, 0, pl_entry_kind_get_type, PL_COLLECTION_NONE, N_("kind"), 0 },
  { "title", PL_FIELD_STRING, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("title"), 0 },
  { "campaign", PL_FIELD_REF, 0, NULL, PL_COLLECTION_CAMPAIGNS, N_("campaign"), 0 },
  { "start", PL_FIELD_DATE, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("date"), 0 },
  { "end", PL_FIELD_DATE, 0, NULL, PL_COLLECTION_NONE, N_("end date"), 0 },
  { "cadence", PL_FIELD_ENUM, 0, pl_cadence_get_type, PL_COLLECTION_NONE, N_("cadence"), 0 },
  { "note", PL_FIELD_TEXT, 0, NULL, PL_COLLECTION_NONE, N_("note"), 0 },
  /* Last, so that the indexes above keep their values. */
  { "skip", PL_FIELD_STRV, 0, NULL, PL_COLLECTION_NONE, N_("skipped occurrences"), 0 },
  { "move", PL_FIELD_STRV, 0, NULL, PL_COLLECTION_NONE, N_("moved occurrences"), 0 },
};
PL_DEFINE_RECORD (PlEntry, pl_entry, "entry")

static const PlField pl_assessment_fields[] = {
  { "round", PL_FIELD_STRING, 0, NULL, PL_COLLECTION_NONE, N_("round"), 0 },
  { "date", PL_FIELD_DATE, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("date"), 0 },
  { "respondent", PL_FIELD_STRING, 0, NULL, PL_COLLECTION_NONE, N_("respondent"), 0 },
  { "answers", PL_FIELD_ANSWERS, 0, NULL, PL_COLLECTION_NONE, N_("answers"), 0 },
};
PL_DEFINE_RECORD (PlAssessment, pl_assessment, "assessment")

static const PlField pl_kpi_fields[] = {
  { "name", PL_FIELD_STRING, PL_FIELD_REQUIRED, NULL, PL_COLLECTION_NONE, N_("name"), 0 },
  { "unit", PL_FIELD_ENUM, 0, pl_unit_get_type, PL_COLLECTION_NONE, N_("unit"), 0 },
  { "direction", PL_FIELD_ENUM, 0, pl_direction_get_type, PL_COLLECTION_NONE, N_("direction"), 0 },
  { "layer", PL_FIELD_ENUM, 0, pl_layer_get_type, PL_COLLECTION_NONE, N_("layer"), 0 },
  { "stage", PL_FIELD_ENUM, 0, pl_stage_get_type, PL_COLLECTION_NONE, N_("funnel stage"), 0 },
  { "aggregate", PL_FIELD_ENUM, 0, pl_aggregate_get_type, PL_COLLECTION_NONE, N_("aggregation"), 0 },
  { "owner", PL_FIELD_REF, 0, NULL, PL_COLLECTION_MEMBERS, N_("owner"), 0 },
  { "frequency", PL_FIELD_ENUM, 0, pl_frequency_get_type, PL_COLLECTION_NONE, N_("reporting frequency"), 0 },
  { "dashboard", PL_FIELD_BOOL, 0, NULL, PL_COLLECTION_NONE, N_("leadership dashboard setting"), 0 },
  { "formula", PL_FIELD_STRING, 0, NULL, PL_COLLECTION_NONE, N_("formula"), 0 },
  { "description", PL_FIELD_TEXT, 0, NULL, PL_COLLECTION_NONE, N_("description"), 0 },
};

struct _PlKpi
{
  PlItem    parent_instance;
  PlSeries *targets;
  PlSeries *measurements;
};

G_DEFINE_FINAL_TYPE (PlKpi, pl_kpi, PL_TYPE_ITEM)

static void
pl_kpi_finalize (GObject *object)
{
  PlKpi *self = PL_KPI (object);

  pl_series_free (self->targets);
  pl_series_free (self->measurements);
  G_OBJECT_CLASS (pl_kpi_parent_class)->finalize (object);
}

static void
pl_kpi_class_init (PlKpiClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_kpi_finalize;
  pl_item_class_set_fields (PL_ITEM_CLASS (klass), "kpi", pl_kpi_fields,
                            G_N_ELEMENTS (pl_kpi_fields));
}

static void
pl_kpi_init (PlKpi *self)
{
  self->targets = pl_series_new ();
  self->measurements = pl_series_new ();
}

PlSeries *
pl_kpi_get_targets (PlKpi *self)
{
  g_return_val_if_fail (PL_IS_KPI (self), NULL);
  return self->targets;
}

PlSeries *
pl_kpi_get_measurements (PlKpi *self)
{
  g_return_val_if_fail (PL_IS_KPI (self), NULL);
  return self->measurements;
}

PlSeries *
pl_item_get_series (PlItem *item, PlSeriesKind kind)
{
  if (PL_IS_KPI (item) && kind == PL_SERIES_TARGETS)
    return PL_KPI (item)->targets;
  if (PL_IS_KPI (item) && kind == PL_SERIES_MEASUREMENTS)
    return PL_KPI (item)->measurements;
  if (PL_IS_CAMPAIGN_KPI (item) && kind == PL_SERIES_RESULTS)
    return PL_CAMPAIGN_KPI (item)->results;
  return NULL;
}

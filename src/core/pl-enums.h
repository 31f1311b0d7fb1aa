/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The XML nick of each value is what plan files hold: never rename one. */

typedef enum { PL_HORIZON_SHORT, PL_HORIZON_LONG } PlHorizon;
typedef enum { PL_APPROVAL_DRAFT, PL_APPROVAL_SUBMITTED, PL_APPROVAL_APPROVED } PlApproval;
typedef enum {
  PL_STATUS_PLANNED, PL_STATUS_RUNNING, PL_STATUS_COMPLETED, PL_STATUS_STOPPED
} PlCampaignStatus;
typedef enum { PL_ENTRY_MILESTONE, PL_ENTRY_ACTIVITY, PL_ENTRY_REVIEW } PlEntryKind;
typedef enum {
  PL_CADENCE_NONE, PL_CADENCE_WEEKLY, PL_CADENCE_MONTHLY, PL_CADENCE_QUARTERLY,
  PL_CADENCE_YEARLY, PL_CADENCE_END_OF_CAMPAIGN
} PlCadence;
typedef enum {
  PL_UNIT_COUNT, PL_UNIT_CURRENCY, PL_UNIT_PERCENT, PL_UNIT_RATIO, PL_UNIT_DAYS
} PlUnit;
typedef enum { PL_DIRECTION_HIGHER, PL_DIRECTION_LOWER } PlDirection;
typedef enum { PL_LAYER_ACTIVITY, PL_LAYER_FUNNEL, PL_LAYER_BUSINESS } PlLayer;
/* What a KPI counts, so that core can find the figures DOMAIN.md defines. */
typedef enum {
  PL_STAGE_NONE, PL_STAGE_SPEND, PL_STAGE_IMPRESSIONS, PL_STAGE_VISITORS, PL_STAGE_LEADS,
  PL_STAGE_MQL, PL_STAGE_SQL, PL_STAGE_OPPORTUNITIES, PL_STAGE_NEW_CUSTOMERS,
  PL_STAGE_CUSTOMERS, PL_STAGE_REVENUE, PL_STAGE_MRR, PL_STAGE_CHURN, PL_STAGE_MARGIN,
  PL_N_STAGES
} PlStage;
typedef enum { PL_FREQUENCY_MONTHLY, PL_FREQUENCY_WEEKLY, PL_FREQUENCY_QUARTERLY } PlFrequency;
/* How a KPI's values over several periods make one figure. */
typedef enum { PL_AGGREGATE_SUM, PL_AGGREGATE_LAST, PL_AGGREGATE_MEAN } PlAggregate;
/* A spend record is an invoice (actual, what "used", CPL, CAC and ROI count) or a purchase
 * order not yet invoiced (committed: it holds budget but has not been spent). Format 1.4. */
typedef enum { PL_SPEND_ACTUAL, PL_SPEND_COMMITTED } PlSpendStatus;
/* What a spend rule (PlSpendRule) looks at in a ledger entry or transaction. */
typedef enum { PL_SPEND_MATCH_ACCOUNT, PL_SPEND_MATCH_SUPPLIER, PL_SPEND_MATCH_LABEL } PlSpendMatch;

#define PL_TYPE_HORIZON (pl_horizon_get_type ())
#define PL_TYPE_APPROVAL (pl_approval_get_type ())
#define PL_TYPE_CAMPAIGN_STATUS (pl_campaign_status_get_type ())
#define PL_TYPE_ENTRY_KIND (pl_entry_kind_get_type ())
#define PL_TYPE_CADENCE (pl_cadence_get_type ())
#define PL_TYPE_UNIT (pl_unit_get_type ())
#define PL_TYPE_DIRECTION (pl_direction_get_type ())
#define PL_TYPE_LAYER (pl_layer_get_type ())
#define PL_TYPE_STAGE (pl_stage_get_type ())
#define PL_TYPE_FREQUENCY (pl_frequency_get_type ())
#define PL_TYPE_AGGREGATE (pl_aggregate_get_type ())
#define PL_TYPE_SPEND_STATUS (pl_spend_status_get_type ())
#define PL_TYPE_SPEND_MATCH (pl_spend_match_get_type ())

GType pl_horizon_get_type (void);
GType pl_approval_get_type (void);
GType pl_campaign_status_get_type (void);
GType pl_entry_kind_get_type (void);
GType pl_cadence_get_type (void);
GType pl_unit_get_type (void);
GType pl_direction_get_type (void);
GType pl_layer_get_type (void);
GType pl_stage_get_type (void);
GType pl_frequency_get_type (void);
GType pl_aggregate_get_type (void);
GType pl_spend_status_get_type (void);
GType pl_spend_match_get_type (void);

/* The translated name the user reads for @value of @enum_type ("Money", "Funnel"). */
const char *pl_enum_get_label (GType enum_type, int value);
/* Returns the value whose nick is @nick, or -1. */
int         pl_enum_from_nick (GType enum_type, const char *nick);
/* Returns the nick of @value (static string), or NULL when out of range. */
const char *pl_enum_to_nick   (GType enum_type, int value);

G_END_DECLS

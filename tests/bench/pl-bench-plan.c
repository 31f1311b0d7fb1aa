/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The benchmark's plan: a large company's marketing plan for 2027, built with the model API.
 *
 * - 40 team members, 12 segments, 48 plays, 25 tools, the 10 default categories;
 * - 300 KPIs: the 16 of the default chain and 284 regional ones (18 measured metrics for each
 *   of 15 regions, and a derived KPI with a formula for 14 of them): 280 measured KPIs and 20
 *   with formulas. Every measured KPI has history: one in seven is reported monthly (240
 *   months), the others weekly (about 2,040 weeks, periods on Mondays), 500,000 measurements
 *   in all, ending with the fiscal year; each KPI has its 2027 targets per period;
 * - 20,000 campaigns with names, channel, segment, owner, dates, status and brief texts,
 *   30,000-odd campaign-KPI links, 240 budget lines, 8,000 allocations, 6,000 spend entries,
 *   calendar entries, objectives and two self-assessments.
 * Everything comes from one GRand with a fixed seed, so every run gives the same bytes. */
#include "config.h"

#include <stdlib.h>

#include <math.h>
#include <string.h>

#include "pl-bench-plan.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-objective-progress.h"
#include "pl-plan-file.h"
#include "pl-plan-validate.h"
#include "pl-plan-writer.h"

#define SEED          20270101
#define YEAR          2027
#define N_MEMBERS     40
#define N_SEGMENTS    12
#define N_REGIONS     15
#define N_LINES       240
#define N_ALLOCATIONS_EVERY 5   /* 2 campaigns in 5 get an allocation */
#define N_SPEND       6000
#define MONTHLY_EVERY 7         /* one measured KPI in 7 is monthly */
#define MONTHLY_HISTORY 240     /* months of history of a monthly KPI */

typedef struct {
  PlPlan    *plan;
  GRand     *rand;
  guint32    start;   /* first day of the fiscal year */
  guint32    end;     /* first day after it */
  GPtrArray *measured; /* borrowed PlKpi, in file order */
  GPtrArray *kpi_ids;  /* IDs of measured KPIs campaigns can link to (borrowed) */
  gint64    *line_left; /* what each budget line has left to allocate, in cents */
} Builder;

/* ---- small helpers ---- */

static guint
pick (Builder *b, guint n)
{
  return (guint) g_rand_int_range (b->rand, 0, (gint32) n);
}

#define PICK(b, array) ((array)[pick ((b), G_N_ELEMENTS (array))])

static gboolean
chance (Builder *b, double p)
{
  return g_rand_double (b->rand) < p;
}

static double
round_to (double value, int decimals)
{
  double scale = pow (10, decimals);
  /* + 0.0 turns -0 into 0 */
  return round (value * scale) / scale + 0.0;
}

static guint32
julian_dmy (guint day, guint month, guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* The first day of the month @months before the month of @julian. */
static guint32
months_before (guint32 julian, guint months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_set_day (&date, 1);
  g_date_subtract_months (&date, months);
  return g_date_get_julian (&date);
}

static void
add (Builder *b, PlItem *item)
{
  pl_plan_add (b->plan, item);
  g_object_unref (item);
}

static PlItem *
new_item (GType type, const char *format, ...) G_GNUC_PRINTF (2, 3);

static PlItem *
new_item (GType type, const char *format, ...)
{
  PlItem *item = g_object_new (type, NULL);
  g_autofree char *id = NULL;
  va_list args;

  va_start (args, format);
  id = g_strdup_vprintf (format, args);
  va_end (args);
  pl_item_set_id (item, id);
  return item;
}

/* ---- word lists ---- */

static const char *first_names[] = {
  "Claire", "Hugo", "Julia", "Sofia", "Thomas", "Léa", "Amir", "Inès", "Marc", "Chloé",
  "Jonas", "Elena", "Mateo", "Aïcha", "Lukas", "Nora", "Pedro", "Zoé", "Ravi", "Ingrid",
};
static const char *last_names[] = {
  "Martin", "Bernard", "Schmidt", "Rossi", "Nguyen", "Dubois", "Haddad", "Moreau", "Lefèvre",
  "García", "Jansen", "Kowalski", "O’Brien", "Lindqvist", "Ferreira", "Novak", "Yılmaz", "Okafor",
};
static const char *roles[] = {
  "Demand Generation Manager", "Paid Media Specialist", "Content Lead", "SEO Manager",
  "Marketing Operations Analyst", "Field Marketing Manager", "Product Marketing Manager",
  "Customer Marketing Manager", "Partner Marketing Manager", "Brand & Creative Lead",
  "Regional Marketing Director", "Events Coordinator",
};

static const struct { const char *slug, *name; } regions[N_REGIONS] = {
  { "fr", "France" }, { "dach", "DACH" }, { "uki", "UK & Ireland" }, { "benelux", "Benelux" },
  { "nordics", "Nordics" }, { "iberia", "Iberia" }, { "it", "Italy" }, { "na", "North America" },
  { "latam", "Latin America" }, { "apac", "Asia-Pacific" }, { "anz", "Australia & NZ" },
  { "mea", "Middle East & Africa" }, { "cee", "Central & Eastern Europe" }, { "jp", "Japan" },
  { "in", "India" },
};

/* The regional metrics; the chain links them in this order where it makes sense. */
typedef struct {
  const char *slug, *name;
  PlUnit unit;
  PlDirection direction;
  PlLayer layer;
  PlStage stage;
  PlAggregate aggregate;
  double low, high;  /* the range of a weekly value at the start of the history */
  int decimals;
} Metric;

static const Metric metrics[] = {
  { "spend", "Media spend", PL_UNIT_CURRENCY, PL_DIRECTION_LOWER, PL_LAYER_ACTIVITY, PL_STAGE_SPEND, PL_AGGREGATE_SUM, 2000, 60000, 2 },
  { "impressions", "Ad impressions", PL_UNIT_COUNT, PL_DIRECTION_HIGHER, PL_LAYER_ACTIVITY, PL_STAGE_IMPRESSIONS, PL_AGGREGATE_SUM, 50000, 2000000, 0 },
  { "sessions", "Website sessions", PL_UNIT_COUNT, PL_DIRECTION_HIGHER, PL_LAYER_ACTIVITY, PL_STAGE_VISITORS, PL_AGGREGATE_SUM, 2000, 80000, 0 },
  { "open-rate", "Email open rate", PL_UNIT_PERCENT, PL_DIRECTION_HIGHER, PL_LAYER_ACTIVITY, PL_STAGE_NONE, PL_AGGREGATE_MEAN, 0.12, 0.45, 4 },
  { "ctr", "Paid click-through rate", PL_UNIT_PERCENT, PL_DIRECTION_HIGHER, PL_LAYER_ACTIVITY, PL_STAGE_NONE, PL_AGGREGATE_MEAN, 0.004, 0.03, 4 },
  { "leads", "Leads", PL_UNIT_COUNT, PL_DIRECTION_HIGHER, PL_LAYER_FUNNEL, PL_STAGE_LEADS, PL_AGGREGATE_SUM, 40, 900, 0 },
  { "mql", "Marketing qualified leads", PL_UNIT_COUNT, PL_DIRECTION_HIGHER, PL_LAYER_FUNNEL, PL_STAGE_MQL, PL_AGGREGATE_SUM, 15, 300, 0 },
  { "sql", "Sales qualified leads", PL_UNIT_COUNT, PL_DIRECTION_HIGHER, PL_LAYER_FUNNEL, PL_STAGE_SQL, PL_AGGREGATE_SUM, 5, 120, 0 },
  { "opportunities", "Opportunities", PL_UNIT_COUNT, PL_DIRECTION_HIGHER, PL_LAYER_FUNNEL, PL_STAGE_OPPORTUNITIES, PL_AGGREGATE_SUM, 3, 60, 0 },
  { "pipeline", "Pipeline created", PL_UNIT_CURRENCY, PL_DIRECTION_HIGHER, PL_LAYER_FUNNEL, PL_STAGE_NONE, PL_AGGREGATE_SUM, 20000, 900000, 2 },
  { "win-rate", "Win rate", PL_UNIT_PERCENT, PL_DIRECTION_HIGHER, PL_LAYER_FUNNEL, PL_STAGE_NONE, PL_AGGREGATE_MEAN, 0.12, 0.35, 4 },
  { "new-customers", "New customers", PL_UNIT_COUNT, PL_DIRECTION_HIGHER, PL_LAYER_BUSINESS, PL_STAGE_NEW_CUSTOMERS, PL_AGGREGATE_SUM, 1, 25, 0 },
  { "revenue", "New revenue", PL_UNIT_CURRENCY, PL_DIRECTION_HIGHER, PL_LAYER_BUSINESS, PL_STAGE_REVENUE, PL_AGGREGATE_SUM, 5000, 400000, 2 },
  { "customers", "Paying customers", PL_UNIT_COUNT, PL_DIRECTION_HIGHER, PL_LAYER_BUSINESS, PL_STAGE_CUSTOMERS, PL_AGGREGATE_LAST, 100, 6000, 0 },
  { "churn", "Customer churn rate", PL_UNIT_PERCENT, PL_DIRECTION_LOWER, PL_LAYER_BUSINESS, PL_STAGE_CHURN, PL_AGGREGATE_MEAN, 0.005, 0.04, 4 },
  { "cycle", "Sales cycle length", PL_UNIT_DAYS, PL_DIRECTION_LOWER, PL_LAYER_BUSINESS, PL_STAGE_NONE, PL_AGGREGATE_MEAN, 20, 140, 1 },
  { "roas", "Return on ad spend", PL_UNIT_RATIO, PL_DIRECTION_HIGHER, PL_LAYER_BUSINESS, PL_STAGE_NONE, PL_AGGREGATE_MEAN, 0.8, 7, 2 },
  { "nps", "Net promoter score", PL_UNIT_COUNT, PL_DIRECTION_HIGHER, PL_LAYER_BUSINESS, PL_STAGE_NONE, PL_AGGREGATE_MEAN, -10, 60, 0 },
};
#define N_METRICS G_N_ELEMENTS (metrics)

/* Upstream -> downstream, by metric slug, within a region. */
static const char *metric_links[][2] = {
  { "spend", "impressions" }, { "impressions", "ctr" }, { "impressions", "sessions" },
  { "sessions", "leads" }, { "open-rate", "leads" }, { "ctr", "sessions" }, { "leads", "mql" },
  { "mql", "sql" }, { "sql", "opportunities" }, { "opportunities", "pipeline" },
  { "opportunities", "win-rate" }, { "win-rate", "new-customers" }, { "pipeline", "new-customers" },
  { "new-customers", "revenue" }, { "new-customers", "customers" }, { "churn", "customers" },
  { "cycle", "new-customers" }, { "revenue", "roas" }, { "spend", "roas" }, { "customers", "nps" },
};

/* The derived regional KPIs, one per region (they take turns). */
static const struct { const char *slug, *name, *up, *down; PlUnit unit; PlDirection direction; } derived[] = {
  { "cpl", "Cost per lead", "spend", "leads", PL_UNIT_CURRENCY, PL_DIRECTION_LOWER },
  { "lead-to-customer", "Lead-to-customer rate", "new-customers", "leads", PL_UNIT_PERCENT, PL_DIRECTION_HIGHER },
  { "cac", "Customer acquisition cost", "spend", "new-customers", PL_UNIT_CURRENCY, PL_DIRECTION_LOWER },
  { "mql-rate", "Lead-to-MQL rate", "mql", "leads", PL_UNIT_PERCENT, PL_DIRECTION_HIGHER },
};

static const char *sources[] = {
  "HubSpot", "Salesforce", "Google Analytics 4", "LinkedIn Campaign Manager", "Google Ads",
  "Stripe", "Finance (ledger)", "Looker", "Mixpanel", NULL,
};

static const char *channels[] = {
  "LinkedIn Ads", "Google Ads", "Webinar", "Email", "SEO", "Events", "Trade show", "Partners",
  "Content", "Direct mail", "Podcast", "Review sites",
};

static const char *themes[] = {
  "Close faster", "Budget season", "Forecasting launch", "CFO roundtable", "Year-end close",
  "ERP migration", "Spring webinar series", "Customer stories", "Partner enablement",
  "Product tour", "Free trial push", "Win-back", "Upsell to multi-entity", "Security review kit",
  "Benchmark report 2027", "Summer school", "Retargeting", "Brand awareness",
  "Newsletter relaunch", "Podcast season", "Field dinners", "Booth & demo days",
  "Analyst briefing", "Review sites push", "Community meetup", "Pricing page test",
  "Referral programme", "ABM pilot", "Cash-flow clinic", "Audit readiness",
};

static const char *personas[] = {
  "CFOs of mid-market companies", "Heads of FP&A", "Finance controllers", "Group accountants",
  "VP Finance in multi-entity groups", "Finance teams of scale-ups", "ERP implementation partners",
  "Outsourced-finance firms", "Budget owners outside finance", "Procurement and IT reviewers",
};
static const char *pains[] = {
  "close the month in spreadsheets and lose a week every month",
  "rebuild the budget by hand each autumn",
  "cannot see cash three months ahead",
  "wait for IT to get the numbers they need",
  "consolidate twelve entities with copy and paste",
  "do not know we exist",
  "compare us with a legacy planning tool up for renewal",
  "answer the same board questions every quarter with a new file",
  "worry about audit trails in shared workbooks",
  "are stuck with a tool nobody outside finance opens",
  "spend their evenings reconciling “final_v7.xlsx” versions",
  "have a forecast that is out of date the day it is shown",
};
static const char *consequences[] = {
  "so decisions are taken on last quarter’s figures",
  "and the board gets the forecast late",
  "which costs them two analysts’ time",
  "and budget owners stop trusting the numbers",
  "so every renewal turns into a price discussion",
  "which we can show in a 20-minute demo",
  "and <b>nobody</b> owns the model",
  "so errors of 5 to 10 % go unnoticed",
};
static const char *success_metrics[] = {
  "leads", "MQLs", "SQLs", "demo requests", "trial sign-ups", "registrations", "opportunities",
  "meetings booked",
};
static const char *advantages[] = {
  "We are the only vendor with native connectors for the four ERPs our segment uses.",
  "Our customer stories come from companies of exactly their size & sector.",
  "Implementation takes three weeks, not three months: partners can show it.",
  "The forecasting module ships in May; competitors announce theirs for 2028.",
  "Our finance community has 4,000 members who answer each other’s questions.",
  "Prices are public and per entity, so there is no surprise at procurement.",
};
static const char *inactions[] = {
  "The segment keeps buying the incumbent and the renewal window closes for three years.",
  "Competitors own the search results for “month-end close software”.",
  "Sales misses its pipeline target for the quarter by about 15 %.",
  "Partners recommend whichever tool pays the best referral fee.",
  "The launch goes unnoticed outside the existing customer base.",
};
static const char *stop_reasons[] = {
  "Cost per lead three times the target after four weeks.",
  "The partner withdrew from the co-marketing agreement.",
  "The event was cancelled by the organiser.",
  "Leads did not match the segment: 80 % were students & consultants.",
  "Budget moved to the forecasting launch by the CMO.",
};
static const char *vendors[] = {
  "LinkedIn", "Google", "Meta", "Eventbrite", "Salon Finance & Gestion", "Agence Bleu Ciel",
  "Freelance writer", "Printful", "Zoom", "G2", "Capterra", "Podcast network", "Hotel Lutetia",
};

/* ---- records ---- */

static void
add_metadata (Builder *b)
{
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (b->plan));

  pl_item_set_string (meta, PL_METADATA_TITLE, "Northwind Group – Global marketing plan 2027 (benchmark)");
  pl_item_set_string (meta, PL_METADATA_ORGANISATION, "Northwind Group SE");
  pl_item_set_string (meta, PL_METADATA_OWNER, "Claire Martin");
  pl_item_set_string (meta, PL_METADATA_CURRENCY, "EUR");
  pl_item_set_julian (meta, PL_METADATA_START, julian_dmy (1, 1, YEAR));
  pl_item_set_int (meta, PL_METADATA_MONTHS, 12);
  pl_item_set_string (meta, PL_METADATA_NOTES,
                      "The benchmark plan of Pilote: 20,000 campaigns in 15 regions, 300 KPIs with "
                      "their weekly or monthly history, budget lines, allocations and spending.\n"
                      "Generated by tests/bench; every run gives the same file.");
  b->start = pl_plan_get_start (b->plan);
  b->end = pl_plan_get_end (b->plan);
}

static void
add_members (Builder *b)
{
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      PlItem *member = new_item (PL_TYPE_MEMBER, "mem-%u", i + 1);
      g_autofree char *name = g_strdup_printf ("%s %s", first_names[i % G_N_ELEMENTS (first_names)],
                                               last_names[(i * 7) % G_N_ELEMENTS (last_names)]);

      pl_item_set_string (member, PL_MEMBER_NAME, name);
      pl_item_set_string (member, PL_MEMBER_ROLE, roles[i % G_N_ELEMENTS (roles)]);
      add (b, member);
    }
}

static void
add_segments (Builder *b)
{
  static const char *sizes[] = { "Small businesses", "Mid-market", "Enterprise", "Public sector" };
  static const char *verticals[] = { "finance teams", "SaaS companies", "retail groups" };
  static const char *stages[] = {
    "Feels the month-end pain", "Researches tools", "Trial and proof of value",
    "Business case and procurement", "Onboarding", "Expansion to new entities",
  };

  for (guint i = 0; i < N_SEGMENTS; i++)
    {
      PlItem *segment = new_item (PL_TYPE_SEGMENT, "seg-%u", i + 1);
      g_autofree char *name = g_strdup_printf ("%s %s", sizes[i % G_N_ELEMENTS (sizes)],
                                               verticals[i / G_N_ELEMENTS (sizes)]);
      g_autofree char *description = g_strdup_printf (
        "%s whose %s still plan in spreadsheets; %u%% of last year’s new customers.", name,
        i % 2 ? "controllers" : "finance team", 3 + pick (b, 20));
      g_autofree char *profile = g_strdup_printf (
        "CFO or Head of FP&A at a company of %u to %u employees, %u to %u people in finance, "
        "an ERP such as NetSuite, Sage or Microsoft Dynamics, a month-end close longer than %u "
        "working days.", 50 * (i + 1), 500 * (i + 1), 2 + i % 4, 8 + i, 5 + pick (b, 6));
      const char *segment_stages[G_N_ELEMENTS (stages) + 1] = { NULL };
      guint n = 4 + i % 3;

      for (guint s = 0; s < n; s++)
        segment_stages[s] = stages[s];
      pl_item_set_string (segment, PL_SEGMENT_NAME, name);
      pl_item_set_string (segment, PL_SEGMENT_DESCRIPTION, description);
      pl_item_set_string (segment, PL_SEGMENT_PROFILE, profile);
      pl_item_set_strv (segment, PL_SEGMENT_STAGE, segment_stages);
      add (b, segment);
    }
}

/* A value of @metric at @t (0 at the start of the history, 1 at its end), for a period of
 * @days days. */
static double
metric_value (Builder *b, const Metric *metric, double level, double t, guint32 julian, guint days)
{
  double season = 1 + 0.15 * sin (2 * G_PI * (julian % 365) / 365.0);
  double noise = 1 + g_rand_double_range (b->rand, -0.12, 0.12);
  double value;

  if (metric->aggregate == PL_AGGREGATE_SUM)
    value = level * (0.35 + 0.65 * t) * season * noise * days / 7.0;
  else if (metric->unit == PL_UNIT_COUNT && metric->aggregate == PL_AGGREGATE_LAST)
    value = level * (0.2 + 0.8 * t) * noise;
  else
    value = level * season * noise;
  return round_to (value, metric->decimals);
}

static void
set_history (Builder *b, PlKpi *kpi, const Metric *metric, gboolean monthly, guint n)
{
  PlSeries *measurements = pl_kpi_get_measurements (kpi);
  PlSeries *targets = pl_kpi_get_targets (kpi);
  double level = g_rand_double_range (b->rand, metric->low, metric->high);
  const char *source = PICK (b, sources);
  guint32 julian;

  if (monthly)
    {
      guint32 last = months_before (b->end - 1, 0);
      for (guint i = 0; i < n; i++)
        {
          GDate date;
          guint32 next;

          julian = months_before (last, n - 1 - i);
          g_date_clear (&date, 1);
          g_date_set_julian (&date, julian);
          next = julian + g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date));
          pl_series_set (measurements, julian,
                         metric_value (b, metric, level, (double) i / n, julian, next - julian),
                         i % 97 == 0 ? "Manual correction" : source);
        }
      for (guint m = 0; m < pl_plan_get_months (b->plan); m++)
        {
          julian = pl_plan_month_start (b->plan, m);
          pl_series_set (targets, julian, round_to (metric_value (b, metric, level, 1.1, julian, 30), metric->decimals), NULL);
        }
    }
  else
    {
      GDate date;
      guint32 last_monday;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, b->end - 1);
      last_monday = b->end - 1 - (g_date_get_weekday (&date) - G_DATE_MONDAY);
      for (guint i = 0; i < n; i++)
        {
          julian = last_monday - 7 * (n - 1 - i);
          pl_series_set (measurements, julian, metric_value (b, metric, level, (double) i / n, julian, 7),
                         i % 97 == 0 ? "Manual correction" : source);
        }
      for (julian = last_monday; julian >= b->start; julian -= 7)
        ;
      for (julian += 7; julian < b->end; julian += 7)
        pl_series_set (targets, julian, metric_value (b, metric, level, 1.1, julian, 7), NULL);
    }
}

static const Metric *
metric_for_stage (PlStage stage, PlUnit unit)
{
  for (guint m = 0; m < N_METRICS; m++)
    if (metrics[m].stage == stage && metrics[m].unit == unit)
      return &metrics[m];
  for (guint m = 0; m < N_METRICS; m++)
    if (metrics[m].unit == unit)
      return &metrics[m];
  return &metrics[0];
}

static void
set_formula_targets (Builder *b, PlKpi *kpi, double low, double high, int decimals)
{
  for (guint m = 0; m < pl_plan_get_months (b->plan); m++)
    pl_series_set (pl_kpi_get_targets (kpi), pl_plan_month_start (b->plan, m),
                   round_to (g_rand_double_range (b->rand, low, high), decimals), NULL);
}

static void
add_kpis (Builder *b)
{
  GListModel *defaults = pl_plan_get_collection (b->plan, PL_COLLECTION_KPIS);
  guint n_default = g_list_model_get_n_items (defaults);
  guint n_regional = PL_BENCH_KPIS - n_default;
  guint link = pl_plan_get_n (b->plan, PL_COLLECTION_KPI_LINKS);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  guint n_monthly = 0, n_weekly, per_week, extra, weekly_index = 0;

  /* The default chain: owners, descriptions and history for the measured ones. */
  for (guint i = 0; i < n_default; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (defaults, i);
      g_autofree char *description = g_strdup_printf (
        "Group-wide %s, all regions together; reviewed every month by the leadership team.",
        pl_item_get_string (kpi, PL_KPI_NAME));

      pl_item_set_string (kpi, PL_KPI_OWNER, "mem-1");
      pl_item_set_int (kpi, PL_KPI_DASHBOARD, TRUE);
      pl_item_set_string (kpi, PL_KPI_DESCRIPTION, description);
      g_ptr_array_add (all, kpi);
    }

  /* The regional KPIs: 18 measured metrics per region, then one derived KPI. */
  for (guint r = 0, added = 0; added < n_regional; r++)
    {
      for (guint m = 0; m < N_METRICS && added < n_regional; m++, added++)
        {
          const Metric *metric = &metrics[m];
          PlItem *kpi = new_item (PL_TYPE_KPI, "kpi-%s-%s", metric->slug, regions[r].slug);
          g_autofree char *name = g_strdup_printf ("%s – %s", metric->name, regions[r].name);
          g_autofree char *description = g_strdup_printf (
            "%s in %s, from %s; history imported from the data warehouse.", metric->name,
            regions[r].name, metric->unit == PL_UNIT_CURRENCY ? "the ledger" : "the CRM and analytics");

          pl_item_set_string (kpi, PL_KPI_NAME, name);
          pl_item_set_int (kpi, PL_KPI_UNIT, metric->unit);
          pl_item_set_int (kpi, PL_KPI_DIRECTION, metric->direction);
          pl_item_set_int (kpi, PL_KPI_LAYER, metric->layer);
          pl_item_set_int (kpi, PL_KPI_STAGE, metric->stage);
          pl_item_set_int (kpi, PL_KPI_AGGREGATE, metric->aggregate);
          pl_item_set_int (kpi, PL_KPI_DASHBOARD, m == 5 || m == 12);
          if (chance (b, 0.9))
            {
              g_autofree char *owner = g_strdup_printf ("mem-%u", 1 + pick (b, N_MEMBERS));
              pl_item_set_string (kpi, PL_KPI_OWNER, owner);
            }
          if (chance (b, 0.6))
            pl_item_set_string (kpi, PL_KPI_DESCRIPTION, description);
          g_ptr_array_add (all, kpi);
          add (b, kpi);
        }
      if (added < n_regional)
        {
          guint d = r % G_N_ELEMENTS (derived);
          PlItem *kpi = new_item (PL_TYPE_KPI, "kpi-%s-%s", derived[d].slug, regions[r].slug);
          g_autofree char *name = g_strdup_printf ("%s – %s", derived[d].name, regions[r].name);
          g_autofree char *formula = g_strdup_printf ("kpi-%s-%s / kpi-%s-%s", derived[d].up, regions[r].slug,
                                                      derived[d].down, regions[r].slug);

          pl_item_set_string (kpi, PL_KPI_NAME, name);
          pl_item_set_int (kpi, PL_KPI_UNIT, derived[d].unit);
          pl_item_set_int (kpi, PL_KPI_DIRECTION, derived[d].direction);
          pl_item_set_int (kpi, PL_KPI_LAYER, PL_LAYER_FUNNEL);
          pl_item_set_int (kpi, PL_KPI_AGGREGATE, PL_AGGREGATE_MEAN);
          pl_item_set_string (kpi, PL_KPI_FORMULA, formula);
          g_ptr_array_add (all, kpi);
          add (b, kpi);
          added++;
        }
    }
  g_assert (pl_plan_get_n (b->plan, PL_COLLECTION_KPIS) == PL_BENCH_KPIS);

  /* History: measured KPIs only, one in seven monthly, the rest weekly. */
  for (guint i = 0; i < all->len; i++)
    {
      PlItem *kpi = g_ptr_array_index (all, i);
      const char *formula = pl_item_get_string (kpi, PL_KPI_FORMULA);

      if (formula != NULL && *formula != '\0')
        continue;
      if (b->measured->len % MONTHLY_EVERY == 0)
        n_monthly++;
      g_ptr_array_add (b->measured, kpi);
    }
  n_weekly = b->measured->len - n_monthly;
  per_week = (PL_BENCH_MEASUREMENTS - n_monthly * MONTHLY_HISTORY) / n_weekly;
  extra = (PL_BENCH_MEASUREMENTS - n_monthly * MONTHLY_HISTORY) % n_weekly;
  for (guint i = 0; i < b->measured->len; i++)
    {
      PlItem *kpi = g_ptr_array_index (b->measured, i);
      gboolean monthly = i % MONTHLY_EVERY == 0;
      const char *slug = pl_item_get_id (kpi) + strlen ("kpi-");
      const Metric *metric = NULL;
      guint n;

      for (guint m = 0; m < N_METRICS && metric == NULL; m++)
        if (g_str_has_prefix (slug, metrics[m].slug) && slug[strlen (metrics[m].slug)] == '-')
          metric = &metrics[m];
      if (metric == NULL)
        metric = metric_for_stage ((PlStage) pl_item_get_int (kpi, PL_KPI_STAGE),
                                   (PlUnit) pl_item_get_int (kpi, PL_KPI_UNIT));
      if (monthly)
        n = MONTHLY_HISTORY;
      else
        n = per_week + (weekly_index++ < extra ? 1 : 0);
      pl_item_set_int (kpi, PL_KPI_FREQUENCY, monthly ? PL_FREQUENCY_MONTHLY : PL_FREQUENCY_WEEKLY);
      set_history (b, PL_KPI (kpi), metric, monthly, n);
      if (metric->stage != PL_STAGE_NONE || metric->unit == PL_UNIT_COUNT)
        g_ptr_array_add (b->kpi_ids, (gpointer) pl_item_get_id (kpi));
    }
  for (guint i = 0; i < all->len; i++)
    {
      PlItem *kpi = g_ptr_array_index (all, i);
      const char *formula = pl_item_get_string (kpi, PL_KPI_FORMULA);

      if (formula == NULL || *formula == '\0')
        continue;
      if (pl_item_get_int (kpi, PL_KPI_UNIT) == PL_UNIT_PERCENT)
        set_formula_targets (b, PL_KPI (kpi), 0.05, 0.4, 4);
      else if (pl_item_get_int (kpi, PL_KPI_UNIT) == PL_UNIT_RATIO)
        set_formula_targets (b, PL_KPI (kpi), 2, 5, 2);
      else
        set_formula_targets (b, PL_KPI (kpi), 80, 4000, 2);
    }

  /* The regional chains, and each region feeding the group-wide KPIs. */
  for (guint r = 0; r < N_REGIONS; r++)
    {
      for (guint l = 0; l < G_N_ELEMENTS (metric_links) + G_N_ELEMENTS (derived) * 2 + 2; l++)
        {
          g_autofree char *up = NULL;
          g_autofree char *down = NULL;
          PlItem *item;

          if (l < G_N_ELEMENTS (metric_links))
            {
              up = g_strdup_printf ("kpi-%s-%s", metric_links[l][0], regions[r].slug);
              down = g_strdup_printf ("kpi-%s-%s", metric_links[l][1], regions[r].slug);
            }
          else if (l < G_N_ELEMENTS (metric_links) + G_N_ELEMENTS (derived) * 2)
            {
              guint d = (l - G_N_ELEMENTS (metric_links)) / 2;
              gboolean first = (l - G_N_ELEMENTS (metric_links)) % 2 == 0;

              up = g_strdup_printf ("kpi-%s-%s", first ? derived[d].up : derived[d].down, regions[r].slug);
              down = g_strdup_printf ("kpi-%s-%s", derived[d].slug, regions[r].slug);
            }
          else
            {
              const char *which = l % 2 ? "leads" : "new-customers";
              up = g_strdup_printf ("kpi-%s-%s", which, regions[r].slug);
              down = g_strdup_printf ("kpi-%s", which);
            }
          if (pl_plan_lookup (b->plan, up) == NULL || pl_plan_lookup (b->plan, down) == NULL)
            continue;
          item = new_item (PL_TYPE_KPI_LINK, "lnk-%u", ++link);
          pl_item_set_string (item, PL_KPI_LINK_UPSTREAM, up);
          pl_item_set_string (item, PL_KPI_LINK_DOWNSTREAM, down);
          add (b, item);
        }
    }
}

static void
add_objectives (Builder *b)
{
  static const guint quarter_ends[] = { 31, 30, 30, 31 };

  for (guint i = 0; i < 20; i++)
    {
      PlItem *objective = new_item (PL_TYPE_OBJECTIVE, "obj-%u", i + 1);
      const char *region = regions[i % N_REGIONS].slug;
      g_autofree char *kpi = g_strdup_printf ("kpi-%s-%s", i % 2 ? "revenue" : "new-customers", region);
      g_autofree char *statement = g_strdup_printf (
        "Grow %s in %s by %u %% over 2026 while keeping the cost of acquisition flat.",
        i % 2 ? "new revenue" : "new customers", regions[i % N_REGIONS].name, 10 + pick (b, 30));

      pl_item_set_string (objective, PL_OBJECTIVE_STATEMENT, statement);
      pl_item_set_string (objective, PL_OBJECTIVE_KPI, kpi);
      pl_item_set_double (objective, PL_OBJECTIVE_TARGET, i % 2 ? 100000.0 * (1 + pick (b, 90)) : 10 * (1 + pick (b, 60)));
      pl_item_set_julian (objective, PL_OBJECTIVE_DUE, julian_dmy (quarter_ends[i % 4], 3 * (i % 4) + 3, YEAR));
      add (b, objective);
    }
}

static void
add_playbook (Builder *b)
{
  for (guint i = 0; i < 48; i++)
    {
      PlItem *play = new_item (PL_TYPE_PLAY, "gtm-%u", i + 1);
      g_autofree char *segment = g_strdup_printf ("seg-%u", 1 + i % N_SEGMENTS);
      g_autofree char *timing = g_strdup_printf ("Q%u", 1 + i / 12);
      const char *persona = PICK (b, personas);
      const char *pain = PICK (b, pains);
      const char *theme = PICK (b, themes);
      g_autofree char *message = g_strdup_printf (
        "%s: %s. Lead with the %s and a customer story from the same sector.", persona, pain, theme);

      pl_item_set_string (play, PL_PLAY_SEGMENT, segment);
      pl_item_set_string (play, PL_PLAY_CHANNEL, channels[i % G_N_ELEMENTS (channels)]);
      pl_item_set_string (play, PL_PLAY_TIMING, timing);
      pl_item_set_int (play, PL_PLAY_SEQUENCE, 1 + i % 12);
      pl_item_set_string (play, PL_PLAY_MESSAGE, message);
      add (b, play);
    }
}

static void
add_tools (Builder *b)
{
  static const struct { const char *name, *purpose; } tools[] = {
    { "HubSpot", "Marketing automation" }, { "Salesforce", "CRM" },
    { "Google Analytics 4", "Web analytics" }, { "Looker", "Dashboards" },
    { "Mixpanel", "Product analytics" }, { "Hotjar", "Session recordings" },
    { "Semrush", "SEO research" }, { "Contentful", "Headless CMS" }, { "Zoom Webinars", "Webinars" },
    { "Gong", "Call recordings" }, { "6sense", "Account-based marketing" },
    { "Canva", "Design" }, { "Figma", "Design" }, { "Asana", "Project management" },
    { "Slack", "Team chat" }, { "Segment", "Customer data platform" },
    { "Clearbit", "Enrichment" }, { "Unbounce", "Landing pages" }, { "Vidyard", "Video hosting" },
    { "G2", "Review site" }, { "Bizzabo", "Event management" }, { "Outreach", "Sales engagement" },
    { "Lusha", "Contact data" }, { "Typeform", "Forms and surveys" }, { "Airtable", "Databases" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      PlItem *tool = new_item (PL_TYPE_TOOL, "tool-%u", i + 1);

      pl_item_set_string (tool, PL_TOOL_NAME, tools[i].name);
      pl_item_set_string (tool, PL_TOOL_PURPOSE, tools[i].purpose);
      pl_item_set_int (tool, PL_TOOL_COST, 100 * (gint64) (1200 + pick (b, 60000)));
      pl_item_set_julian (tool, PL_TOOL_CONTRACT_END, b->start + pick (b, 700));
      add (b, tool);
    }
}

static void
add_lines (Builder *b)
{
  GListModel *categories = pl_plan_get_collection (b->plan, PL_COLLECTION_CATEGORIES);
  guint n_categories = g_list_model_get_n_items (categories);
  guint months = pl_plan_get_months (b->plan);

  b->line_left = g_new0 (gint64, N_LINES);
  for (guint i = 0; i < N_LINES; i++)
    {
      PlItem *line = new_item (PL_TYPE_BUDGET_LINE, "line-%u", i + 1);
      g_autoptr(PlItem) category = g_list_model_get_item (categories, i % n_categories);
      g_autofree char *name = g_strdup_printf ("%s – %s", channels[i % G_N_ELEMENTS (channels)],
                                               regions[i % N_REGIONS].name);
      guint increase = 5 + pick (b, 20);
      const char *theme = PICK (b, themes);
      g_autofree char *justification = g_strdup_printf (
        "Planned from 2026 actuals (%s) plus %u %% for the %s; approved by the regional director.",
        regions[i % N_REGIONS].name, increase, theme);
      g_autofree gint64 *amounts = g_new0 (gint64, months);
      gint64 base = 100 * (gint64) (2000 + pick (b, 58000));

      for (guint m = 0; m < months; m++)
        {
          if (chance (b, 0.1))
            continue;
          amounts[m] = base + 100 * (gint64) pick (b, 5000) * (m % 3 == 2 ? 2 : 1);
          b->line_left[i] += amounts[m];
        }
      pl_item_set_string (line, PL_BUDGET_LINE_CATEGORY, pl_item_get_id (category));
      pl_item_set_string (line, PL_BUDGET_LINE_NAME, name);
      pl_item_set_int (line, PL_BUDGET_LINE_HORIZON, i % 5 == 4 ? PL_HORIZON_LONG : PL_HORIZON_SHORT);
      pl_item_set_int (line, PL_BUDGET_LINE_APPROVAL, i % 7 == 0 ? PL_APPROVAL_SUBMITTED : PL_APPROVAL_APPROVED);
      pl_item_set_variant (line, PL_BUDGET_LINE_PLANNED,
                           g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, amounts, months, sizeof (gint64)));
      if (chance (b, 0.7))
        pl_item_set_string (line, PL_BUDGET_LINE_JUSTIFICATION, justification);
      add (b, line);
    }
}

/* Draws in a fixed order: arguments of a call are evaluated in an order C leaves open. */
static char *
campaign_problem (Builder *b)
{
  const char *persona = PICK (b, personas);
  const char *pain = PICK (b, pains);
  const char *consequence = PICK (b, consequences);

  return g_strdup_printf ("%s %s, %s.", persona, pain, consequence);
}

static char *
campaign_success (Builder *b)
{
  guint n1 = 50 + pick (b, 900);
  const char *what1 = PICK (b, success_metrics);
  guint n2 = 10 + pick (b, 200);
  const char *what2 = PICK (b, success_metrics);
  guint cpl = 60 + pick (b, 300);

  return g_strdup_printf ("%u %s and %u %s by the end of the campaign, at a cost per lead under €%u.",
                          n1, what1, n2, what2, cpl);
}

static char *
campaign_audience (Builder *b, guint region)
{
  const char *persona = PICK (b, personas);
  gboolean pipeline = chance (b, 0.5);

  return g_strdup_printf ("%s in %s, %s.", persona, regions[region].name,
                          pipeline ? "existing pipeline first" : "new accounts only");
}

static void
add_campaigns (Builder *b)
{
  guint32 today = julian_dmy (1, 7, YEAR); /* the plan as it stands at mid-year */
  guint link = 0, allocation = 0;

  for (guint c = 0; c < PL_BENCH_CAMPAIGNS; c++)
    {
      PlItem *campaign = new_item (PL_TYPE_CAMPAIGN, "cmp-%u", c + 1);
      const char *channel = PICK (b, channels);
      const char *theme = PICK (b, themes);
      guint region = pick (b, N_REGIONS);
      guint32 start = b->start + pick (b, 340);
      guint32 length = 7 + pick (b, 90); /* not inside MIN(), which evaluates twice */
      guint32 end = MIN (start + length, b->end - 1);
      guint quarter = (guint) pl_plan_month_index (b->plan, start) / 3 + 1;
      g_autofree char *name = NULL;
      g_autofree char *owner = g_strdup_printf ("mem-%u", 1 + pick (b, N_MEMBERS));
      g_autofree char *segment = g_strdup_printf ("seg-%u", 1 + pick (b, N_SEGMENTS));
      g_autofree char *problem = campaign_problem (b);
      g_autofree char *success = campaign_success (b);
      g_autofree char *audience = campaign_audience (b, region);
      PlCampaignStatus status;

      if (c % 9 == 0)
        name = g_strdup_printf ("%s – %s (%s, Q%u wave %u)", theme, regions[region].name, channel, quarter, 1 + c % 4);
      else
        name = g_strdup_printf ("%s – %s (%s, Q%u)", theme, regions[region].name, channel, quarter);
      if (start > today)
        status = PL_STATUS_PLANNED;
      else if (end >= today)
        status = chance (b, 0.05) ? PL_STATUS_STOPPED : PL_STATUS_RUNNING;
      else
        status = chance (b, 0.1) ? PL_STATUS_STOPPED : PL_STATUS_COMPLETED;

      pl_item_set_string (campaign, PL_CAMPAIGN_NAME, name);
      pl_item_set_string (campaign, PL_CAMPAIGN_CHANNEL, channel);
      if (chance (b, 0.85))
        pl_item_set_string (campaign, PL_CAMPAIGN_SEGMENT, segment);
      pl_item_set_string (campaign, PL_CAMPAIGN_OWNER, owner);
      pl_item_set_julian (campaign, PL_CAMPAIGN_START, start);
      pl_item_set_julian (campaign, PL_CAMPAIGN_END, end);
      pl_item_set_int (campaign, PL_CAMPAIGN_STATUS, status);
      if (status == PL_STATUS_STOPPED)
        pl_item_set_string (campaign, PL_CAMPAIGN_STOP_REASON, PICK (b, stop_reasons));
      pl_item_set_string (campaign, PL_CAMPAIGN_PROBLEM, problem);
      pl_item_set_string (campaign, PL_CAMPAIGN_SUCCESS, success);
      pl_item_set_string (campaign, PL_CAMPAIGN_AUDIENCE, audience);
      if (chance (b, 0.7))
        pl_item_set_string (campaign, PL_CAMPAIGN_INACTION, PICK (b, inactions));
      if (chance (b, 0.6))
        pl_item_set_string (campaign, PL_CAMPAIGN_ADVANTAGE, PICK (b, advantages));
      add (b, campaign);

      /* One or two KPIs it contributes to. */
      for (guint k = 0, n = 1 + (chance (b, 0.5) ? 1 : 0); k < n; k++)
        {
          PlItem *ck = new_item (PL_TYPE_CAMPAIGN_KPI, "ck-%u", ++link);
          g_autofree char *campaign_id = g_strdup_printf ("cmp-%u", c + 1);

          pl_item_set_string (ck, PL_CAMPAIGN_KPI_CAMPAIGN, campaign_id);
          pl_item_set_string (ck, PL_CAMPAIGN_KPI_KPI,
                              g_ptr_array_index (b->kpi_ids, (c * 7 + k * 13) % b->kpi_ids->len));
          pl_item_set_double (ck, PL_CAMPAIGN_KPI_CONTRIBUTION, 5 * (1 + pick (b, 100)));
          add (b, ck);
        }
    }

  /* Allocations from the budget lines, never more than a line plans. */
  for (guint c = 0; c < PL_BENCH_CAMPAIGNS; c++)
    {
      guint l = pick (b, N_LINES);
      gint64 amount = 100 * (gint64) (500 + pick (b, 14500));
      g_autofree char *line_id = NULL;
      g_autofree char *campaign_id = NULL;
      PlItem *item;

      if (c % N_ALLOCATIONS_EVERY >= 2)
        continue;
      for (guint tries = 0; b->line_left[l] < amount && tries < N_LINES; tries++)
        l = (l + 1) % N_LINES;
      if (b->line_left[l] < amount)
        continue;
      b->line_left[l] -= amount;
      line_id = g_strdup_printf ("line-%u", l + 1);
      campaign_id = g_strdup_printf ("cmp-%u", c + 1);
      item = new_item (PL_TYPE_ALLOCATION, "al-%u", ++allocation);
      pl_item_set_string (item, PL_ALLOCATION_LINE, line_id);
      pl_item_set_string (item, PL_ALLOCATION_CAMPAIGN, campaign_id);
      pl_item_set_int (item, PL_ALLOCATION_AMOUNT, amount);
      add (b, item);
    }
}

static void
add_spending (Builder *b)
{
  guint32 today = julian_dmy (1, 7, YEAR);

  for (guint i = 0; i < N_SPEND; i++)
    {
      PlItem *spend = new_item (PL_TYPE_SPEND, "sp-%u", i + 1);
      g_autofree char *line = g_strdup_printf ("line-%u", 1 + pick (b, N_LINES));

      pl_item_set_string (spend, PL_SPEND_LINE, line);
      pl_item_set_julian (spend, PL_SPEND_DATE, b->start + pick (b, today - b->start));
      pl_item_set_int (spend, PL_SPEND_AMOUNT, 5000 + (gint64) pick (b, 2500000));
      pl_item_set_string (spend, PL_SPEND_VENDOR, PICK (b, vendors));
      if (i % 3 == 0)
        {
          g_autofree char *note = g_strdup_printf ("Invoice %u-%05u; %s.", YEAR, i + 1,
                                                   chance (b, 0.5) ? "paid by card" : "paid on 30 days");
          pl_item_set_string (spend, PL_SPEND_NOTE, note);
        }
      add (b, spend);
    }
}

static void
add_calendar (Builder *b)
{
  guint n = 0;

  for (guint m = 0; m < pl_plan_get_months (b->plan); m++)
    {
      PlItem *entry = new_item (PL_TYPE_ENTRY, "ent-%u", ++n);
      pl_item_set_int (entry, PL_ENTRY_KIND, PL_ENTRY_REVIEW);
      pl_item_set_string (entry, PL_ENTRY_TITLE, "Monthly marketing review");
      pl_item_set_julian (entry, PL_ENTRY_START, pl_plan_month_start (b->plan, m) + 27);
      pl_item_set_string (entry, PL_ENTRY_NOTE, "Actuals against targets by region; decisions on stopped campaigns.");
      add (b, entry);
    }
  for (guint i = 0; i < 300; i++)
    {
      PlItem *entry = new_item (PL_TYPE_ENTRY, "ent-%u", ++n);
      g_autofree char *campaign_id = g_strdup_printf ("cmp-%u", 1 + i * 61);
      PlItem *campaign = pl_plan_lookup (b->plan, campaign_id);
      g_autofree char *title = g_strdup_printf ("Launch: %s", pl_item_get_string (campaign, PL_CAMPAIGN_NAME));

      pl_item_set_int (entry, PL_ENTRY_KIND, i % 3 == 0 ? PL_ENTRY_ACTIVITY : PL_ENTRY_MILESTONE);
      pl_item_set_string (entry, PL_ENTRY_TITLE, title);
      pl_item_set_string (entry, PL_ENTRY_CAMPAIGN, campaign_id);
      pl_item_set_julian (entry, PL_ENTRY_START, pl_item_get_julian (campaign, PL_CAMPAIGN_START));
      if (i % 3 == 0)
        {
          pl_item_set_julian (entry, PL_ENTRY_END, pl_item_get_julian (campaign, PL_CAMPAIGN_END));
          pl_item_set_int (entry, PL_ENTRY_CADENCE, PL_CADENCE_END_OF_CAMPAIGN);
        }
      add (b, entry);
    }
}

static void
add_assessments (Builder *b)
{
  static const char *questions[] = {
    "q-align-business-goals", "q-align-fast-decisions", "q-align-leadership-metrics",
    "q-benchmark-internal", "q-benchmark-peers", "q-benchmark-practices", "q-data-quality",
    "q-data-single-source", "q-data-strategic-use", "q-linked-chain-reviewed",
    "q-linked-indicators", "q-linked-revenue", "q-models-attribution", "q-models-mix",
    "q-models-predictive", "q-ops-metrics", "q-ops-processes", "q-ops-technology",
    "q-performance-dashboard", "q-performance-reviews", "q-performance-targets",
    "q-planning-portfolio", "q-planning-scenarios", "q-planning-strategic",
    "q-reporting-analytics", "q-reporting-campaigns", "q-reporting-stop", "q-view-contribution",
    "q-view-not-agency", "q-view-seat-at-table",
  };

  for (guint a = 0; a < 2; a++)
    {
      PlItem *assessment = new_item (PL_TYPE_ASSESSMENT, "as-%u", a + 1);
      g_autofree char *round = g_strdup_printf ("%u", YEAR - 1 + a);
      GVariantBuilder answers;

      g_variant_builder_init (&answers, G_VARIANT_TYPE ("a(sy)"));
      for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
        g_variant_builder_add (&answers, "(sy)", questions[q], (guchar) pick (b, 6));
      pl_item_set_string (assessment, PL_ASSESSMENT_ROUND, round);
      pl_item_set_julian (assessment, PL_ASSESSMENT_DATE, julian_dmy (15, 1, YEAR - 1 + a));
      pl_item_set_string (assessment, PL_ASSESSMENT_RESPONDENT, "Claire Martin");
      pl_item_set_variant (assessment, PL_ASSESSMENT_ANSWERS, g_variant_builder_end (&answers));
      add (b, assessment);
    }
}

PlPlan *
pl_bench_plan_new (void)
{
  Builder b = { 0 };

  b.plan = pl_plan_new_default (NULL);
  b.rand = g_rand_new_with_seed (SEED);
  b.measured = g_ptr_array_new ();
  b.kpi_ids = g_ptr_array_new ();

  pl_plan_begin_group (b.plan, "Benchmark plan");
  add_metadata (&b);
  add_members (&b);
  add_segments (&b);
  add_kpis (&b);
  add_objectives (&b);
  add_playbook (&b);
  add_tools (&b);
  add_lines (&b);
  add_campaigns (&b);
  add_spending (&b);
  add_calendar (&b);
  add_assessments (&b);
  pl_plan_end_group (b.plan);
  /* An objective's target is its KPI's (issue 22): the plan in memory says what a read of its
   * file would, or the file would not be written back the same. */
  g_ptr_array_unref (pl_objectives_reconcile (b.plan));
  pl_plan_mark_saved (b.plan);

  g_assert (pl_bench_plan_count_measurements (b.plan) == PL_BENCH_MEASUREMENTS);
  g_assert (pl_plan_get_n (b.plan, PL_COLLECTION_CAMPAIGNS) == PL_BENCH_CAMPAIGNS);
  g_rand_free (b.rand);
  g_ptr_array_unref (b.measured);
  g_ptr_array_unref (b.kpi_ids);
  g_free (b.line_left);
  return b.plan;
}

guint
pl_bench_plan_count_measurements (PlPlan *plan)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlKpi) kpi = g_list_model_get_item (kpis, i);
      n += pl_series_get_n (pl_kpi_get_measurements (kpi));
    }
  return n;
}

gboolean
pl_bench_plan_write (const char *path, GError **error)
{
  g_autoptr(PlPlan) plan = pl_bench_plan_new ();
  g_autoptr(PlPlan) loaded = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!pl_plan_save (plan, file, NULL, NULL, error))
    return FALSE;
  loaded = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, error);
  if (loaded == NULL)
    return FALSE;

  problems = pl_plan_validate (loaded);
  /* Random funnels put a stage above the one before it now and then: a warning, not an error. */
  for (guint i = problems->len; i-- > 0;)
    if (((PlProblem *) g_ptr_array_index (problems, i))->warning)
      g_ptr_array_remove_index (problems, i);
  if (problems->len > 0)
    {
      PlProblem *first = g_ptr_array_index (problems, 0);
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, "%s: %u problems, the first at line %u: %s",
                   path, problems->len, first->line, first->message);
      return FALSE;
    }
  for (int c = 0; c < PL_N_COLLECTIONS; c++)
    if (pl_plan_get_n (loaded, c) != pl_plan_get_n (plan, c))
      {
        g_set_error (error, PL_ERROR, PL_ERROR_FILE, "%s: <%s> holds %u records where %u were saved",
                     path, pl_collection_get_container (c), pl_plan_get_n (loaded, c), pl_plan_get_n (plan, c));
        return FALSE;
      }
  if (pl_bench_plan_count_measurements (loaded) != PL_BENCH_MEASUREMENTS)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, "%s: %u measurements read where %u were saved",
                   path, pl_bench_plan_count_measurements (loaded), PL_BENCH_MEASUREMENTS);
      return FALSE;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  again = pl_plan_write_bytes (loaded);
  if (g_bytes_get_size (again) != length || memcmp (g_bytes_get_data (again, NULL), contents, length) != 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, "%s: the plan read back is not written back the same", path);
      return FALSE;
    }
  return TRUE;
}

PlPlan *
pl_bench_example_plan (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT") ? g_getenv ("PILOTE_SOURCE_ROOT") : ".",
                                            "data", "examples", "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  if (plan == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      exit (1);
    }
  return plan;
}

PlPlan *
pl_bench_calendar_plan_new (guint n)
{
  PlPlan *plan = pl_plan_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  guint32 start = pl_plan_get_start (plan), days = pl_plan_get_end (plan) - start;

  for (guint i = 0; i < n; i++)
    {
      PlItem *entry = g_object_new (PL_TYPE_ENTRY, NULL);
      guint32 day = start + (i * 7919u) % (days - 10);
      char id[32], title[64];

      g_snprintf (id, sizeof id, "entry-%u", i);
      g_snprintf (title, sizeof title, "Entry %u of the calendar", i);
      pl_item_set_id (entry, id);
      pl_item_set_string (entry, PL_ENTRY_TITLE, title);
      pl_item_set_julian (entry, PL_ENTRY_START, day);
      if (i % 10 == 0)
        {
          GDate date;
          char skip[16];
          const char *skips[] = { skip, NULL };

          g_date_clear (&date, 1);
          g_date_set_julian (&date, day + 7);
          g_date_strftime (skip, sizeof skip, "%Y-%m-%d", &date);
          pl_item_set_int (entry, PL_ENTRY_KIND, PL_ENTRY_REVIEW);
          pl_item_set_int (entry, PL_ENTRY_CADENCE, PL_CADENCE_WEEKLY);
          pl_item_set_strv (entry, PL_ENTRY_SKIP, skips);
        }
      else
        {
          pl_item_set_int (entry, PL_ENTRY_KIND, i % 2 ? PL_ENTRY_ACTIVITY : PL_ENTRY_MILESTONE);
          pl_item_set_julian (entry, PL_ENTRY_END, day + i % 5);
          pl_item_set_string (entry, PL_ENTRY_NOTE, "Agenda, owners and the deck to bring.");
        }
      g_ptr_array_add (entries, entry);
    }
  pl_plan_append_loaded (plan, PL_COLLECTION_CALENDAR, entries);
  return plan;
}

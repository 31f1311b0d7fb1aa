/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-cli"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-cli-assessment.h"
#include "pl-cli-output.h"
#include "pl-cli-summary.h"
#include "pl-campaign-results.h"
#include "pl-dashboard.h"
#include "pl-date-text.h"
#include "pl-enums.h"
#include "pl-figures.h"
#include "pl-kpi-value.h"
#include "pl-money.h"
#include "pl-plan-validate.h"
#include "pl-unbudgeted.h"

/* The funnel the summary walks, top to bottom, and its conversions between neighbours. */
static const PlStage chain_stages[] = {
  PL_STAGE_SPEND, PL_STAGE_VISITORS, PL_STAGE_LEADS, PL_STAGE_MQL, PL_STAGE_SQL,
  PL_STAGE_NEW_CUSTOMERS, PL_STAGE_REVENUE, PL_STAGE_CUSTOMERS, PL_STAGE_MRR, PL_STAGE_CHURN,
  PL_STAGE_MARGIN,
};
static const PlStage funnel_stages[] = {
  PL_STAGE_VISITORS, PL_STAGE_LEADS, PL_STAGE_MQL, PL_STAGE_SQL, PL_STAGE_NEW_CUSTOMERS,
};
static const PlFigureKind headline[] = {
  PL_FIGURE_SPEND, PL_FIGURE_CPL, PL_FIGURE_CAC, PL_FIGURE_ARPU, PL_FIGURE_MARGIN, PL_FIGURE_LTV,
  PL_FIGURE_LTV_CAC, PL_FIGURE_ROI, PL_FIGURE_USED, PL_FIGURE_USED_OF_PERIOD,
};

/* The bases of the dashboard for the same day, so that the summary, the window and the
 * report give the same figures: the KPIs over the months measured, the spend to the day. */
typedef struct {
  PlPlan  *plan;
  guint32  as_of;
  gboolean before;     /* as_of is before the period */
  PlBasis  to_date;    /* the KPIs' figures: the period's start to the end of the month shown */
  PlBasis  last;       /* the month shown: the last measured on or before as_of */
  PlBasis  spend;      /* spend against budget: the period's start to as_of, the day included */
} Bases;

static void
bases_init (Bases *bases, PlPlan *plan, guint32 as_of)
{
  PlDashboardBases dashboard;

  pl_dashboard_bases (plan, as_of, &dashboard);
  bases->plan = plan;
  bases->as_of = as_of;
  bases->before = dashboard.before_period;
  bases->to_date = dashboard.measured_basis;
  bases->last = dashboard.shown;
  bases->spend = pl_basis_to_date (plan, as_of);
}

static double
major (PlPlan *plan, gint64 amount)
{
  if (amount == PL_MONEY_OVERFLOW)
    return NAN;
  return (double) amount / pow (10, pl_plan_get_currency_exponent (plan));
}

static const char *
stage_nick (PlStage stage)
{
  GEnumClass *klass = g_type_class_peek (PL_TYPE_STAGE);
  GEnumValue *value;

  if (klass == NULL)
    klass = g_type_class_ref (PL_TYPE_STAGE);
  value = g_enum_get_value (klass, stage);
  return value ? value->value_nick : "none";
}

/* The problems of @plan that are not mere doubts (validate's errors, not its warnings). */
static guint
count_errors (PlPlan *plan)
{
  g_autoptr(GPtrArray) problems = pl_plan_validate (plan);
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    n += !((PlProblem *) g_ptr_array_index (problems, i))->warning;
  return n;
}

/* ---- text ---- */

static char *
month_name (guint32 julian)
{
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), 1, 0, 0, 0);
  /* Translators: a month and year, as in "January 2027"; see strftime(3) */
  return g_date_time_format (time, _("%B %Y"));
}

/* Money in major units with its digits grouped as the rest of the summary groups them
 * (pl_number_localise(): "888 017.31", also in the C locale) and always its cents, so that a
 * column lines up under a header that names the currency. */
static char *
money_text (PlPlan *plan, gint64 amount)
{
  g_autofree char *plain = NULL;

  /* A sum too large to hold: not a wrapped number. */
  if (amount == PL_MONEY_OVERFLOW)
    return g_strdup (_("n/a"));
  plain = pl_money_to_string (amount, pl_plan_get_currency_exponent (plan));
  return pl_number_localise (plain, TRUE);
}

static char *
percent_text (double fraction)
{
  return isnan (fraction) ? g_strdup (_("n/a")) : pl_percent_format (fraction * 100, 1);
}

/* A plan-wide figure as the summary writes it. */
static char *
figure_text (PlPlan *plan, PlFigureKind kind, const PlFigure *figure)
{
  guint exponent = pl_plan_get_currency_exponent (plan);

  if (isnan (figure->value))
    return g_strdup (_("n/a"));
  switch (kind)
    {
    case PL_FIGURE_LTV_CAC:
      return pl_ratio_format (figure->value, 1);
    case PL_FIGURE_ROI:
    case PL_FIGURE_USED:
    case PL_FIGURE_USED_OF_PERIOD:
    case PL_FIGURE_MARGIN:
      return percent_text (figure->value);
    case PL_FIGURE_SPEND:
    case PL_FIGURE_ACQUISITION_SPEND:
    case PL_FIGURE_PLANNED:
    case PL_FIGURE_CPL:
    case PL_FIGURE_CAC:
    case PL_FIGURE_ARPU:
    case PL_FIGURE_LTV:
    case PL_N_FIGURES:
    default:
      return pl_money_format (pl_money_from_major (figure->value, exponent), exponent, pl_plan_get_currency (plan));
    }
}

static void
budget_row (GString *out, PlPlan *plan, const char *label, PlCategory *category, const Bases *bases)
{
  PlBasis period = pl_basis_period (plan);
  gint64 planned, planned_to_date, actual;
  double used;
  g_autofree char *p = NULL, *d = NULL, *a = NULL, *u = NULL;
  gboolean known;

  pl_figures_category_on (plan, category, &period, &planned, NULL, NULL);
  known = pl_figures_category_on (plan, category, &bases->spend, &planned_to_date, &actual, &used);
  p = money_text (plan, planned);
  d = money_text (plan, planned_to_date);
  /* Without spending records a category's spend is not known: a dash, never 0. */
  a = known ? money_text (plan, actual) : g_strdup ("–");
  u = known ? percent_text (used) : g_strdup ("–");
  g_string_append (out, "  ");
  pl_cli_cell (out, label, 34, FALSE);
  pl_cli_cell (out, p, 19, TRUE);
  pl_cli_cell (out, d, 19, TRUE);
  pl_cli_cell (out, a, 19, TRUE);
  pl_cli_cell (out, u, 10, TRUE);
  g_string_append_c (out, '\n');
}

/* The orders not yet invoiced and the spend outside the budget, as the Budget page and the
 * report say them: over the whole period. */
static void
committed_and_unbudgeted (GString *out, PlPlan *plan)
{
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  g_autoptr(PlUnbudgeted) unbudgeted = pl_unbudgeted_new (plan, totals);
  g_autofree char *flag = pl_unbudgeted_describe (plan, unbudgeted);
  gint64 committed = pl_budget_totals_committed (totals, NULL, -1);

  if (committed != 0)
    {
      guint exponent = pl_plan_get_currency_exponent (plan);
      g_autofree char *c = pl_money_format (committed, exponent, pl_plan_get_currency (plan));
      g_autofree char *r = pl_money_format (pl_budget_totals_remaining (totals, NULL, -1), exponent, pl_plan_get_currency (plan));
      /* Translators: the summary's committed spend over the period, then what remains of the plan */
      g_string_append_printf (out, _("  Committed: %s of orders not yet invoiced (not counted as spent); %s of the "
                                     "period’s plan remains.\n"), c, r);
    }
  if (flag != NULL)
    g_string_append_printf (out, "  %s\n", flag);
}

static void
budget (GString *out, const Bases *bases)
{
  PlPlan *plan = bases->plan;
  GListModel *categories = pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES);
  g_autofree char *until = pl_basis_describe (plan, &bases->spend);
  g_autofree char *day = pl_date_text (bases->as_of, PL_DATE_LONG);
  PlFigure used = pl_figures_get (plan, PL_FIGURE_USED, &bases->spend);
  PlFigure of_period = pl_figures_get (plan, PL_FIGURE_USED_OF_PERIOD, &bases->spend);
  PlFigure spend = pl_figures_get (plan, PL_FIGURE_SPEND, &bases->spend);

  g_string_append_printf (out, _("Budget (%s)\n"), pl_plan_get_currency (plan));
  g_string_append (out, "  ");
  pl_cli_cell (out, _("Category"), 34, FALSE);
  /* Translators: column headers of the budget summary; keep them short (16 characters) */
  pl_cli_cell (out, _("Planned, period"), 19, TRUE);
  pl_cli_cell (out, _("Planned to date"), 19, TRUE);
  pl_cli_cell (out, _("Spent to date"), 19, TRUE);
  /* Translators: column header, the spend to date as a share of the plan to the same date */
  pl_cli_cell (out, _("Used"), 10, TRUE);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(PlCategory) category = g_list_model_get_item (categories, i);
      budget_row (out, plan, pl_item_get_string (PL_ITEM (category), PL_CATEGORY_NAME), category, bases);
    }
  /* Spend on no line, before the total that counts it, so that the rows add up (issue 23). */
  if (pl_figures_spend_source (plan) == PL_SPEND_FROM_RECORDS &&
      pl_unbudgeted_actual_between (plan, bases->spend.from, bases->spend.to) != 0)
    {
      g_autofree char *a = money_text (plan, pl_unbudgeted_actual_between (plan, bases->spend.from, bases->spend.to));

      g_string_append (out, "  ");
      pl_cli_cell (out, _("Unbudgeted (no line)"), 34, FALSE);
      pl_cli_cell (out, "–", 19, TRUE);
      pl_cli_cell (out, "–", 19, TRUE);
      pl_cli_cell (out, a, 19, TRUE);
      pl_cli_cell (out, "–", 10, TRUE);
      g_string_append_c (out, '\n');
    }
  budget_row (out, plan, _("Total"), NULL, bases);
  if (bases->before)
    {
      PlBasis period = pl_basis_period (plan);
      PlFigure recorded = pl_figures_get (plan, PL_FIGURE_SPEND, &period);
      g_autofree char *amount = figure_text (plan, PL_FIGURE_SPEND, &recorded);
      g_string_append_printf (out, _("  The period has not started on %s: nothing is measured yet. Spend already "
                                     "recorded for the period: %s.\n"), day, amount);
    }
  else
    {
      g_autofree char *u = figure_text (plan, PL_FIGURE_USED, &used);
      g_autofree char *s = figure_text (plan, PL_FIGURE_USED_OF_PERIOD, &of_period);
      /* Translators: "Used 83.3 %: spend to date (January to June 2027) against the plan to 30 June 2027; 41.7 % of the whole period's budget" */
      g_string_append_printf (out, _("  Used %s: the spend to date (%s) against the plan to %s; %s of the whole "
                                     "period’s budget is spent.\n"), u, until, day, s);
    }
  switch (pl_figures_spend_source (plan))
    {
    case PL_SPEND_FROM_KPI:
      {
        g_autofree char *amount = figure_text (plan, PL_FIGURE_SPEND, &spend);
        PlKpi *kpi = pl_figures_kpi_for_stage (plan, PL_STAGE_SPEND);
        g_string_append_printf (out, _("  The plan has no spending records: spend comes from the KPI “%s” (%s to "
                                       "date); by category it is not known.\n"),
                                pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME), amount);
      }
      break;
    case PL_SPEND_NONE:
      g_string_append (out, _("  No spend is recorded: the plan has neither spending records nor a spend KPI.\n"));
      break;
    case PL_SPEND_FROM_RECORDS:
    default:
      committed_and_unbudgeted (out, plan);
      break;
    }
}

/* The order of the summary's campaigns: by ROI where it is known, best first; then by cost
 * per result, cheapest first; the others are left out. */
static int
by_return (gconstpointer a, gconstpointer b)
{
  const PlCampaignFigures *x = *(const PlCampaignFigures **) a, *y = *(const PlCampaignFigures **) b;

  if (isnan (x->roi.value) != isnan (y->roi.value))
    return isnan (x->roi.value) ? 1 : -1;
  if (!isnan (x->roi.value) && x->roi.value != y->roi.value)
    return x->roi.value > y->roi.value ? -1 : 1;
  if (x->cost_per_result.value != y->cost_per_result.value)
    return x->cost_per_result.value < y->cost_per_result.value ? -1 : 1;
  return 0;
}

#define SUMMARY_CAMPAIGNS 5

/* The campaigns with the best return over the KPIs' basis: what the CEO asks first. */
static void
campaign_returns (GString *out, const Bases *bases)
{
  PlPlan *plan = bases->plan;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GPtrArray) ranked = g_ptr_array_new ();
  g_autofree char *until = NULL;

  if (bases->before)
    return;
  all = pl_campaign_figures_all (plan, &bases->to_date);
  for (guint i = 0; i < all->len; i++)
    {
      PlCampaignFigures *f = &g_array_index (all, PlCampaignFigures, i);
      if (!isnan (f->roi.value) || !isnan (f->cost_per_result.value))
        g_ptr_array_add (ranked, f);
    }
  if (ranked->len == 0)
    return;
  g_ptr_array_sort (ranked, by_return);
  until = pl_basis_describe (plan, &bases->to_date);
  g_string_append (out, "  ");
  /* Translators: the heading of the summary's best campaigns, "Best return, January to June 2027 (EUR)" */
  {
    g_autofree char *heading = g_strdup_printf (_("Best return, %s (%s)"), until, pl_plan_get_currency (plan));
    pl_cli_cell (out, heading, 40, FALSE);
  }
  /* Translators: column headers of the summary's campaigns; keep them short */
  /* Two spaces before each column: a long result must not run into the figure before it. */
  g_string_append (out, "  ");
  pl_cli_cell (out, _("Spent"), 12, TRUE);
  g_string_append (out, "  ");
  pl_cli_cell (out, _("Main result"), 30, TRUE);
  g_string_append (out, "  ");
  pl_cli_cell (out, _("Cost per result"), 15, TRUE);
  g_string_append (out, "  ");
  pl_cli_cell (out, _("ROI"), 8, TRUE);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < MIN (ranked->len, SUMMARY_CAMPAIGNS); i++)
    {
      const PlCampaignFigures *f = ranked->pdata[i];
      g_autofree char *spent = money_text (plan, f->spent);
      g_autofree char *value = f->main_kpi != NULL ? pl_cli_kpi_text (plan, f->main_kpi, f->main_result.value)
                                                   : g_strdup (_("n/a"));
      g_autofree char *result = f->main_kpi != NULL
        /* Translators: a campaign's main result and its KPI, "4 New customers" */
        ? g_strdup_printf (_("%s %s"), value, pl_item_get_display_name (PL_ITEM (f->main_kpi)))
        : g_strdup (value);
      g_autofree char *cost = isnan (f->cost_per_result.value)
        ? g_strdup (_("n/a"))
        : money_text (plan, pl_money_from_major (f->cost_per_result.value, pl_plan_get_currency_exponent (plan)));
      g_autofree char *roi = percent_text (f->roi.value);

      g_string_append (out, "  ");
      pl_cli_cell (out, pl_item_get_display_name (PL_ITEM (f->campaign)), 40, FALSE);
      g_string_append (out, "  ");
      pl_cli_cell (out, spent, 12, TRUE);
      g_string_append (out, "  ");
      pl_cli_cell (out, result, 30, TRUE);
      g_string_append (out, "  ");
      pl_cli_cell (out, cost, 15, TRUE);
      g_string_append (out, "  ");
      pl_cli_cell (out, roi, 8, TRUE);
      g_string_append_c (out, '\n');
    }
  if (ranked->len > SUMMARY_CAMPAIGNS)
    g_string_append_printf (out, ngettext ("  and %u more campaign with a return or a cost per result "
                                           "(pilote-cli summary --json lists every one)\n",
                                           "  and %u more campaigns with a return or a cost per result "
                                           "(pilote-cli summary --json lists every one)\n",
                                           ranked->len - SUMMARY_CAMPAIGNS),
                            ranked->len - SUMMARY_CAMPAIGNS);
}

static void
campaigns (GString *out, const Bases *bases)
{
  PlPlan *plan = bases->plan;
  GListModel *list = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  guint n = g_list_model_get_n_items (list);
  guint by_status[4] = { 0 };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (list, i);
      by_status[pl_item_get_int (campaign, PL_CAMPAIGN_STATUS) & 3]++;
    }
  g_string_append_printf (out, ngettext ("%u campaign: ", "%u campaigns: ", n), n);
  g_string_append_printf (out, _("%u planned, %u running, %u completed, %u stopped\n"),
                          by_status[PL_STATUS_PLANNED], by_status[PL_STATUS_RUNNING],
                          by_status[PL_STATUS_COMPLETED], by_status[PL_STATUS_STOPPED]);
  campaign_returns (out, bases);
}

static void
kpi_row (GString *out, const Bases *bases, PlKpi *kpi)
{
  PlPlan *plan = bases->plan;
  PlFigure last = pl_figures_kpi (plan, kpi, PL_SERIES_MEASUREMENTS, &bases->last);
  PlFigure total = pl_figures_kpi (plan, kpi, PL_SERIES_MEASUREMENTS, &bases->to_date);
  PlFigure target = pl_figures_kpi (plan, kpi, PL_SERIES_TARGETS, &bases->to_date);
  PlKpiStatus status = pl_figures_kpi_status_on (plan, kpi, &bases->to_date);
  g_autofree char *l = pl_cli_kpi_text (plan, kpi, last.value);
  g_autofree char *t = pl_cli_kpi_text (plan, kpi, total.value);
  g_autofree char *g = pl_cli_kpi_text (plan, kpi, target.value);

  g_string_append (out, "  ");
  pl_cli_cell (out, pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME), 30, FALSE);
  pl_cli_cell (out, l, 16, TRUE);
  pl_cli_cell (out, t, 16, TRUE);
  pl_cli_cell (out, g, 16, TRUE);
  g_string_append (out, "  ");
  g_string_append (out, pl_kpi_status_describe (status));
  g_string_append_c (out, '\n');
}

static void
headline_figures (GString *out, const Bases *bases)
{
  PlPlan *plan = bases->plan;
  static const PlFigureKind shown[] = { PL_FIGURE_CPL, PL_FIGURE_CAC, PL_FIGURE_ARPU, PL_FIGURE_LTV };
  /* The acronyms the profession uses in both languages. */
  static const char *acronyms[] = { "CPL", "CAC", "ARPU", "LTV" };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  PlFigure ratio = pl_figures_get (plan, PL_FIGURE_LTV_CAC, &bases->to_date);
  PlFigure roi = pl_figures_get (plan, PL_FIGURE_ROI, &bases->to_date);
  PlKpi *revenue = pl_figures_kpi_for_stage (plan, PL_STAGE_REVENUE);
  g_autofree char *ratio_text = figure_text (plan, PL_FIGURE_LTV_CAC, &ratio);
  g_autofree char *roi_text = figure_text (plan, PL_FIGURE_ROI, &roi);
  g_autofree char *joined = NULL;
  gboolean plan_target;
  double ratio_target;

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      PlFigure figure = pl_figures_get (plan, shown[i], &bases->to_date);
      g_autofree char *value = figure_text (plan, shown[i], &figure);
      g_autofree char *why = pl_figure_reason (plan, &figure);

      g_ptr_array_add (parts, g_strdup_printf ("%s %s", acronyms[i], value));
      if (why != NULL)
        /* Translators: a figure not available and why: "CAC: new customers are zero in January 2027" */
        g_ptr_array_add (reasons, g_strdup_printf (_("%s: %s"), pl_figure_kind_name (shown[i]), why));
    }
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (" · ", (char **) parts->pdata);
  g_string_append_printf (out, "  %s\n", joined);
  /* Against the plan's own target when its LTV:CAC KPI sets one, the health line as context;
   * else the health line: the report's and the dashboard's rule. */
  ratio_target = pl_figures_ltv_cac_target (plan, &bases->to_date, &plan_target);
  if (!isnan (ratio.value) && plan_target)
    {
      g_autofree char *target = pl_ratio_format (ratio_target, 2);
      g_autofree char *word = g_utf8_strdown (pl_kpi_status_describe (pl_figures_status (ratio.value, ratio_target,
                                                                                          PL_DIRECTION_HIGHER)), -1);
      /* Translators: the summary's LTV:CAC against the plan's target: "LTV:CAC 3.4× against a target of 3.45×: close to target (healthy from 3×)" */
      g_string_append_printf (out, _("  LTV:CAC %s against a target of %s: %s (healthy from 3×)\n"), ratio_text, target, word);
    }
  else
    g_string_append_printf (out, _("  LTV:CAC %s (%s)\n"), ratio_text,
                            isnan (ratio.value) ? _("not available")
                            : ratio.value >= PL_LTV_CAC_HEALTHY ? _("healthy, at or above 3×")
                            : _("below the 3× health line"));
  if (revenue != NULL)
    /* Translators: ROI, then the revenue KPI it is computed from */
    g_string_append_printf (out, _("  ROI %s: revenue of “%s” less spend, over spend\n"), roi_text,
                            pl_item_get_string (PL_ITEM (revenue), PL_KPI_NAME));
  else
    g_string_append_printf (out, _("  ROI %s: the plan has no revenue KPI\n"), roi_text);
  if (pl_figures_margin_assumed (plan, &bases->to_date))
    g_string_append (out, _("  No gross margin is measured, so LTV assumes a margin of 100%.\n"));
  for (guint i = 0; i < reasons->len; i++)
    g_string_append_printf (out, _("  Not available: %s.\n"), (char *) g_ptr_array_index (reasons, i));
}

static void
chain (GString *out, const Bases *bases)
{
  PlPlan *plan = bases->plan;
  g_autofree char *until = pl_basis_describe (plan, &bases->to_date);
  g_autofree char *month = pl_basis_describe (plan, &bases->last);
  g_autoptr(GPtrArray) conversions = g_ptr_array_new_with_free_func (g_free);

  if (bases->before)
    {
      g_string_append (out, _("KPI chain: the period has not started, nothing is measured yet.\n"));
      return;
    }
  /* Translators: the basis of the KPI figures, "January to June 2027" */
  g_string_append_printf (out, _("KPI chain, %s\n"), until);
  g_string_append (out, "  ");
  pl_cli_cell (out, _("KPI"), 30, FALSE);
  pl_cli_cell (out, month, 16, TRUE);
  /* Translators: column headers, the period to date and its target; keep them short */
  pl_cli_cell (out, _("To date"), 16, TRUE);
  pl_cli_cell (out, _("Target to date"), 16, TRUE);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (chain_stages); i++)
    {
      PlKpi *kpi = pl_figures_kpi_for_stage (plan, chain_stages[i]);
      if (kpi != NULL)
        kpi_row (out, bases, kpi);
    }
  for (guint i = 0; i + 1 < G_N_ELEMENTS (funnel_stages); i++)
    {
      PlFigure rate = pl_figures_get_conversion (plan, funnel_stages[i], funnel_stages[i + 1], &bases->to_date);
      g_ptr_array_add (conversions, percent_text (rate.value));
    }
  g_string_append_printf (out, _("  Conversion: visitor → lead %s, lead → MQL %s, MQL → SQL %s, SQL → customer %s\n"),
                          (char *) conversions->pdata[0], (char *) conversions->pdata[1],
                          (char *) conversions->pdata[2], (char *) conversions->pdata[3]);
  headline_figures (out, bases);
}

char *
pl_cli_summary (PlPlan *plan, guint32 as_of)
{
  GString *out = g_string_new (NULL);
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (plan));
  const char *organisation = pl_item_get_string (meta, PL_METADATA_ORGANISATION);
  const char *owner = pl_item_get_string (meta, PL_METADATA_OWNER);
  g_autofree char *first = month_name (pl_plan_get_start (plan));
  g_autofree char *last = month_name (pl_plan_month_start (plan, pl_plan_get_months (plan) - 1));
  g_autofree char *day = pl_date_text (as_of, PL_DATE_LONG);
  Bases bases;

  bases_init (&bases, plan, as_of);
  g_string_append (out, pl_plan_get_title (plan));
  if (organisation != NULL)
    g_string_append_printf (out, " — %s", organisation);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, ngettext ("Period: %s to %s (%u month)\n", "Period: %s to %s (%u months)\n",
                                         pl_plan_get_months (plan)),
                          first, last, pl_plan_get_months (plan));
  if (owner != NULL)
    g_string_append_printf (out, _("Owner: %s\n"), owner);
  /* Translators: the day every figure of the summary is for */
  g_string_append_printf (out, _("Figures as of %s\n"), day);
  {
    guint errors = count_errors (plan);
    if (errors > 0)
      /* A figure computed from an impossible value (negative leads, a churn of 200 %) is no figure. */
      g_string_append_printf (out, ngettext ("The plan has %u problem (pilote-cli validate lists it): the figures "
                                             "below may be wrong.\n",
                                             "The plan has %u problems (pilote-cli validate lists them): the figures "
                                             "below may be wrong.\n", errors), errors);
  }
  g_string_append_c (out, '\n');
  budget (out, &bases);
  g_string_append_c (out, '\n');
  campaigns (out, &bases);
  g_string_append_c (out, '\n');
  chain (out, &bases);
  {
    g_autofree char *maturity = pl_cli_assessment_line (plan);
    if (maturity != NULL)
      {
        g_string_append_c (out, '\n');
        g_string_append (out, maturity);
      }
  }
  return g_string_free (out, FALSE);
}

/* ---- JSON ---- */

/* A figure and @reason, why it is missing (NULL when it is not). */
static void
json_figure_because (GString *out, PlPlan *plan, const PlFigure *figure, const char *reason)
{
  g_string_append (out, "{\"value\": ");
  pl_cli_json_number (out, figure->value);
  g_string_append (out, ", \"basis\": ");
  pl_cli_json_basis (out, plan, &figure->basis);
  g_string_append (out, ", \"missing\": ");
  pl_cli_json_string (out, figure->missing == PL_MISSING_NONE ? NULL : pl_missing_key (figure->missing));
  g_string_append (out, ", \"reason\": ");
  pl_cli_json_string (out, reason);
  g_string_append_c (out, '}');
}

static void
json_figure (GString *out, PlPlan *plan, const PlFigure *figure)
{
  g_autofree char *reason = pl_figure_reason (plan, figure);

  json_figure_because (out, plan, figure, reason);
}

static void
json_budget (GString *out, const Bases *bases)
{
  PlPlan *plan = bases->plan;
  GListModel *categories = pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES);
  PlBasis period = pl_basis_period (plan);
  guint n = g_list_model_get_n_items (categories);

  g_string_append (out, "[");
  for (guint i = 0; i <= n; i++)
    {
      g_autoptr(PlCategory) category = i < n ? g_list_model_get_item (categories, i) : NULL;
      gint64 planned, planned_to_date, actual;
      double used;
      gboolean known;

      pl_figures_category_on (plan, category, &period, &planned, NULL, NULL);
      known = pl_figures_category_on (plan, category, &bases->spend, &planned_to_date, &actual, &used);
      g_string_append (out, i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ");
      pl_cli_json_string (out, category ? pl_item_get_id (PL_ITEM (category)) : NULL);
      g_string_append (out, ", \"name\": ");
      pl_cli_json_string (out, category ? pl_item_get_string (PL_ITEM (category), PL_CATEGORY_NAME) : _("Total"));
      g_string_append (out, ", \"planned\": ");
      pl_cli_json_number (out, major (plan, planned));
      g_string_append (out, ", \"planned_to_date\": ");
      pl_cli_json_number (out, major (plan, planned_to_date));
      g_string_append (out, ", \"spent_to_date\": ");
      pl_cli_json_number (out, known ? major (plan, actual) : NAN);
      g_string_append (out, ", \"used\": ");
      pl_cli_json_number (out, used);
      g_string_append (out, "}");
    }
  g_string_append (out, "\n  ]");
}

static void
json_kpis (GString *out, const Bases *bases)
{
  PlPlan *plan = bases->plan;
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);

  g_string_append (out, "[");
  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n; i++)
    {
      g_autoptr(PlKpi) kpi = g_list_model_get_item (kpis, i);
      PlFigure last = pl_figures_kpi (plan, kpi, PL_SERIES_MEASUREMENTS, &bases->last);
      PlFigure total = pl_figures_kpi (plan, kpi, PL_SERIES_MEASUREMENTS, &bases->to_date);
      PlFigure target = pl_figures_kpi (plan, kpi, PL_SERIES_TARGETS, &bases->to_date);

      g_string_append (out, i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ");
      pl_cli_json_string (out, pl_item_get_id (PL_ITEM (kpi)));
      g_string_append (out, ", \"name\": ");
      pl_cli_json_string (out, pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME));
      g_string_append (out, ", \"stage\": ");
      pl_cli_json_string (out, stage_nick (pl_item_get_int (PL_ITEM (kpi), PL_KPI_STAGE)));
      g_string_append (out, ",\n     \"month\": ");
      json_figure (out, plan, &last);
      g_string_append (out, ",\n     \"to_date\": ");
      json_figure (out, plan, &total);
      g_string_append (out, ",\n     \"target_to_date\": ");
      json_figure (out, plan, &target);
      g_string_append (out, ",\n     \"status\": ");
      pl_cli_json_string (out, pl_kpi_status_key (pl_figures_kpi_status_on (plan, kpi, &bases->to_date)));
      g_string_append (out, "}");
    }
  g_string_append (out, "\n  ]");
}

/* A campaign's figure as json_figure() writes a plan-wide one, its reason in the campaign's words. */
static void
json_campaign_figure (GString *out, PlPlan *plan, const PlCampaignFigures *figures, const PlFigure *figure)
{
  g_autofree char *reason = pl_campaign_figure_reason (plan, figures, figure);

  json_figure_because (out, plan, figure, reason);
}

/* Every campaign's figures over the KPIs' basis (doc/summary-json.md, issue 25). */
static void
json_campaign_figures (GString *out, const Bases *bases)
{
  PlPlan *plan = bases->plan;
  g_autoptr(GArray) all = pl_campaign_figures_all (plan, &bases->to_date);
  static const struct { const char *key; gsize offset; } rows[] = {
    { "cost_per_result", G_STRUCT_OFFSET (PlCampaignFigures, cost_per_result) },
    { "leads", G_STRUCT_OFFSET (PlCampaignFigures, leads) },
    { "customers", G_STRUCT_OFFSET (PlCampaignFigures, customers) },
    { "cost_per_lead", G_STRUCT_OFFSET (PlCampaignFigures, cost_per_lead) },
    { "cost_per_customer", G_STRUCT_OFFSET (PlCampaignFigures, cost_per_customer) },
    { "pipeline", G_STRUCT_OFFSET (PlCampaignFigures, pipeline) },
    { "revenue", G_STRUCT_OFFSET (PlCampaignFigures, revenue) },
    { "roi", G_STRUCT_OFFSET (PlCampaignFigures, roi) },
  };

  g_string_append (out, "[");
  for (guint i = 0; i < all->len; i++)
    {
      const PlCampaignFigures *f = &g_array_index (all, PlCampaignFigures, i);

      g_string_append (out, i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ");
      pl_cli_json_string (out, pl_item_get_id (PL_ITEM (f->campaign)));
      g_string_append (out, ", \"name\": ");
      pl_cli_json_string (out, pl_item_get_display_name (PL_ITEM (f->campaign)));
      g_string_append (out, ", \"basis\": ");
      pl_cli_json_basis (out, plan, &f->basis);
      g_string_append (out, ",\n     \"budget\": ");
      pl_cli_json_number (out, major (plan, f->budget));
      g_string_append (out, ", \"spent\": ");
      pl_cli_json_number (out, f->spent_major);
      g_string_append (out, ",\n     \"main_result\": {\"kpi\": ");
      pl_cli_json_string (out, f->main_kpi != NULL ? pl_item_get_id (PL_ITEM (f->main_kpi)) : NULL);
      g_string_append (out, ", \"value\": ");
      json_campaign_figure (out, plan, f, &f->main_result);
      g_string_append (out, ", \"expected\": ");
      pl_cli_json_number (out, f->main_expected);
      g_string_append (out, ", \"against\": ");
      pl_cli_json_number (out, f->main_against);
      g_string_append (out, "}");
      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        {
          g_string_append (out, ",\n     ");
          pl_cli_json_string (out, rows[r].key);
          g_string_append (out, ": ");
          json_campaign_figure (out, plan, f, G_STRUCT_MEMBER_P (f, rows[r].offset));
        }
      g_string_append (out, "}");
    }
  g_string_append (out, all->len > 0 ? "\n  ]" : "]");
}

/* How much of each additive KPI the campaigns explain, for the KPIs campaigns have results on. */
static void
json_kpi_attribution (GString *out, const Bases *bases)
{
  PlPlan *plan = bases->plan;
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  gboolean first = TRUE;

  g_string_append (out, "[");
  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n; i++)
    {
      g_autoptr(PlKpi) kpi = g_list_model_get_item (kpis, i);
      PlFigure total = pl_figures_kpi (plan, kpi, PL_SERIES_MEASUREMENTS, &bases->to_date);
      PlKpiAttribution attribution;
      g_autofree char *sentence = NULL;

      pl_kpi_attribution_get (plan, kpi, &bases->to_date, &attribution);
      if (!attribution.additive || attribution.n_campaigns == 0)
        continue;
      sentence = pl_kpi_attribution_describe (plan, &attribution);
      g_string_append (out, first ? "\n    {\"kpi\": " : ",\n    {\"kpi\": ");
      first = FALSE;
      pl_cli_json_string (out, pl_item_get_id (PL_ITEM (kpi)));
      g_string_append (out, ", \"name\": ");
      pl_cli_json_string (out, pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME));
      g_string_append (out, ",\n     \"total\": ");
      json_figure (out, plan, &total);
      g_string_append (out, ",\n     \"attributed\": ");
      pl_cli_json_number (out, attribution.attributed);
      g_string_append (out, ", \"unexplained\": ");
      pl_cli_json_number (out, attribution.unexplained);
      g_string_append (out, ", \"over\": ");
      pl_cli_json_number (out, attribution.over);
      g_string_append_printf (out, ", \"campaigns\": %u, \"sentence\": ", attribution.n_campaigns);
      pl_cli_json_string (out, sentence);
      g_string_append (out, "}");
    }
  g_string_append (out, first ? "]" : "\n  ]");
}

char *
pl_cli_summary_json (PlPlan *plan, guint32 as_of)
{
  GString *out = g_string_new ("{");
  PlBasis period = pl_basis_period (plan);
  GListModel *list = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  guint by_status[4] = { 0 };
  static const char *sources[] = { "none", "records", "kpi" };
  PlKpi *revenue = pl_figures_kpi_for_stage (plan, PL_STAGE_REVENUE);
  Bases bases;
  gboolean first = TRUE;

  bases_init (&bases, plan, as_of);
  pl_cli_json_key (out, "format", TRUE);
  g_string_append (out, "1");
  pl_cli_json_key (out, "title", FALSE);
  pl_cli_json_string (out, pl_plan_get_title (plan));
  pl_cli_json_key (out, "currency", FALSE);
  pl_cli_json_string (out, pl_plan_get_currency (plan));
  pl_cli_json_key (out, "period", FALSE);
  pl_cli_json_basis (out, plan, &period);
  pl_cli_json_key (out, "as_of", FALSE);
  pl_cli_json_day (out, as_of);
  pl_cli_json_key (out, "before_period", FALSE);
  g_string_append (out, bases.before ? "true" : "false");
  pl_cli_json_key (out, "to_date", FALSE);
  pl_cli_json_basis (out, plan, &bases.to_date);
  pl_cli_json_key (out, "month", FALSE);
  pl_cli_json_basis (out, plan, &bases.last);
  pl_cli_json_key (out, "budget_to_date", FALSE);
  pl_cli_json_basis (out, plan, &bases.spend);
  pl_cli_json_key (out, "problems", FALSE);
  g_string_append_printf (out, "%u", count_errors (plan));
  pl_cli_json_key (out, "spend_source", FALSE);
  pl_cli_json_string (out, sources[pl_figures_spend_source (plan)]);

  pl_cli_json_key (out, "figures", FALSE);
  g_string_append (out, "{");
  for (guint i = 0; i < G_N_ELEMENTS (headline); i++)
    {
      /* Spend and what is used of the budget are to the day; the KPIs' figures over months. */
      gboolean budget = headline[i] == PL_FIGURE_SPEND || headline[i] == PL_FIGURE_USED ||
                        headline[i] == PL_FIGURE_USED_OF_PERIOD;
      PlFigure figure = pl_figures_get (plan, headline[i], budget ? &bases.spend : &bases.to_date);
      g_string_append (out, first ? "\n    " : ",\n    ");
      first = FALSE;
      pl_cli_json_string (out, pl_figure_kind_key (headline[i]));
      g_string_append (out, ": ");
      json_figure (out, plan, &figure);
    }
  g_string_append (out, "\n  }");
  pl_cli_json_key (out, "margin_assumed", FALSE);
  g_string_append (out, pl_figures_margin_assumed (plan, &bases.to_date) ? "true" : "false");
  pl_cli_json_key (out, "roi_revenue_kpi", FALSE);
  pl_cli_json_string (out, revenue ? pl_item_get_id (PL_ITEM (revenue)) : NULL);

  pl_cli_json_key (out, "conversions", FALSE);
  g_string_append (out, "[");
  for (guint i = 0; i + 1 < G_N_ELEMENTS (funnel_stages); i++)
    {
      PlFigure rate = pl_figures_get_conversion (plan, funnel_stages[i], funnel_stages[i + 1], &bases.to_date);
      g_string_append (out, i == 0 ? "\n    {\"from\": " : ",\n    {\"from\": ");
      pl_cli_json_string (out, stage_nick (funnel_stages[i]));
      g_string_append (out, ", \"to\": ");
      pl_cli_json_string (out, stage_nick (funnel_stages[i + 1]));
      g_string_append (out, ", \"rate\": ");
      json_figure (out, plan, &rate);
      g_string_append (out, "}");
    }
  g_string_append (out, "\n  ]");

  pl_cli_json_key (out, "budget", FALSE);
  json_budget (out, &bases);
  pl_cli_json_key (out, "kpis", FALSE);
  json_kpis (out, &bases);

  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (list, i);
      by_status[pl_item_get_int (campaign, PL_CAMPAIGN_STATUS) & 3]++;
    }
  pl_cli_json_key (out, "campaigns", FALSE);
  g_string_append_printf (out, "{\"total\": %u, \"planned\": %u, \"running\": %u, \"completed\": %u, \"stopped\": %u}",
                          g_list_model_get_n_items (list), by_status[PL_STATUS_PLANNED], by_status[PL_STATUS_RUNNING],
                          by_status[PL_STATUS_COMPLETED], by_status[PL_STATUS_STOPPED]);
  /* "campaigns" holds the counts since format 1: the figures of each campaign have a key of their own. */
  pl_cli_json_key (out, "campaign_figures", FALSE);
  json_campaign_figures (out, &bases);
  pl_cli_json_key (out, "kpi_attribution", FALSE);
  json_kpi_attribution (out, &bases);
  g_string_append (out, "\n}\n");
  return g_string_free (out, FALSE);
}

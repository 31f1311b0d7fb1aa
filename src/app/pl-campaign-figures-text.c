/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-campaign-figures-text"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-calendar.h"
#include "pl-campaign-figures-text.h"
#include "pl-dashboard.h"
#include "pl-kpi-value.h"
#include "pl-money.h"

PlBasis
pl_campaign_figures_basis (PlPlan *plan)
{
  PlDashboardBases bases;

  pl_dashboard_bases (plan, pl_dashboard_resolve_as_of (plan, pl_calendar_today ()), &bases);
  return bases.measured_basis;
}

char *
pl_campaign_figures_caption (PlPlan *plan, const PlBasis *basis)
{
  g_autofree char *span = NULL;

  if (basis->to <= basis->from)
    return g_strdup (_("Figures to date: the period has not started"));
  span = pl_basis_describe (plan, basis);
  /* Translators: the months the campaigns' figures cover, "January to June 2027" */
  return g_strdup_printf (_("Figures to date: %s"), span);
}

char *
pl_campaign_kpi_word (PlKpi *kpi)
{
  const char *name = pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME);
  gunichar first, second;
  const char *next;

  if (name == NULL || *name == '\0')
    return g_strdup ("");
  first = g_utf8_get_char (name);
  next = g_utf8_next_char (name);
  second = *next ? g_utf8_get_char (next) : 0;
  /* An acronym ("SQL", "MQL") keeps its capitals; a word in a sentence does not. */
  if (g_unichar_isupper (first) && (second == 0 || g_unichar_islower (second)))
    {
      char buffer[8];
      int n = g_unichar_to_utf8 (g_unichar_tolower (first), buffer);
      return g_strdup_printf ("%.*s%s", n, buffer, next);
    }
  return g_strdup (name);
}

/* @amount with the plan's currency, or bare (@bare: in a column whose title names it). */
static char *
amount_text (PlPlan *plan, gint64 amount, gboolean bare)
{
  guint exponent = pl_plan_get_currency_exponent (plan);

  return bare ? pl_money_to_display (amount, exponent) : pl_money_format (amount, exponent, pl_plan_get_currency (plan));
}

static char *
cost_money (PlPlan *plan, double major, gboolean bare)
{
  /* "€42" rather than "€41.87" from ten up: a cost per result is read, not audited. */
  if (fabs (major) >= 10)
    major = round (major);
  return amount_text (plan, pl_money_from_major (major, pl_plan_get_currency_exponent (plan)), bare);
}

static char *
money_text (PlPlan *plan, double major)
{
  return cost_money (plan, major, FALSE);
}

/* @amount (minor units) to the whole currency unit: "€111,540" rather than "€111,539.87" in a
 * column of budgets, where cents would only widen it. */
static char *
whole_money (PlPlan *plan, gint64 amount, gboolean bare)
{
  gint64 unit = 1;

  for (guint i = 0; i < pl_plan_get_currency_exponent (plan); i++)
    unit *= 10;
  if (amount != PL_MONEY_OVERFLOW && unit > 1)
    amount = (amount >= 0 ? amount + unit / 2 : amount - unit / 2) / unit * unit;
  return amount_text (plan, amount, bare);
}

char *
pl_campaign_whole_amount (PlPlan *plan, gint64 amount, gboolean bare)
{
  return whole_money (plan, amount, bare);
}

/* "€42 per lead", by the stage of the KPI the cost is per: the cell's tooltip. */
static char *
cost_text (PlPlan *plan, const PlCampaignFigures *figures)
{
  g_autofree char *amount = money_text (plan, figures->cost_per_result.value);
  g_autofree char *word = NULL;

  switch (figures->main_kpi ? pl_item_get_int (PL_ITEM (figures->main_kpi), PL_KPI_STAGE) : PL_STAGE_NONE)
    {
    /* Translators: a cost per result, "€42 per lead" */
    case PL_STAGE_LEADS: return g_strdup_printf (_("%s per lead"), amount);
    /* Translators: a cost per result, "€42 per MQL" */
    case PL_STAGE_MQL: return g_strdup_printf (_("%s per MQL"), amount);
    /* Translators: a cost per result, "€42 per SQL" */
    case PL_STAGE_SQL: return g_strdup_printf (_("%s per SQL"), amount);
    /* Translators: a cost per result, "€420 per opportunity" */
    case PL_STAGE_OPPORTUNITIES: return g_strdup_printf (_("%s per opportunity"), amount);
    /* Translators: a cost per result, "€4,200 per customer" */
    case PL_STAGE_NEW_CUSTOMERS: return g_strdup_printf (_("%s per customer"), amount);
    /* Translators: a cost per result, "€0.42 per visitor" */
    case PL_STAGE_VISITORS: return g_strdup_printf (_("%s per visitor"), amount);
    default:
      if (figures->main_kpi == NULL)
        return g_strdup (amount);
      word = pl_campaign_kpi_word (figures->main_kpi);
      /* Translators: a cost per result of another KPI, "€12 per “webinar sign-ups”" */
      return g_strdup_printf (_("%s per “%s”"), amount, word);
    }
}

/* What @count of @kpi's results are called in a cell: "leads", "customers", by its stage;
 * else its name as a word. */
static char *
result_word (PlKpi *kpi, double count)
{
  gulong n = isfinite (count) && count >= 0 && count < G_MAXULONG ? (gulong) round (count) : 2;

  switch (pl_item_get_int (PL_ITEM (kpi), PL_KPI_STAGE))
    {
    case PL_STAGE_LEADS: return g_strdup (ngettext ("lead", "leads", n));
    /* Acronyms, as the funnel names them, without a plural. */
    case PL_STAGE_MQL: return g_strdup (_("MQL"));
    case PL_STAGE_SQL: return g_strdup (_("SQL"));
    case PL_STAGE_OPPORTUNITIES:
      /* Pipeline is an amount, not a count of opportunities. */
      if (pl_item_get_int (PL_ITEM (kpi), PL_KPI_UNIT) != PL_UNIT_COUNT)
        break;
      return g_strdup (ngettext ("opportunity", "opportunities", n));
    case PL_STAGE_NEW_CUSTOMERS: return g_strdup (ngettext ("customer", "customers", n));
    case PL_STAGE_VISITORS: return g_strdup (ngettext ("visitor", "visitors", n));
    default:
      break;
    }
  return pl_campaign_kpi_word (kpi);
}

/* "410 / 600 leads", "410 leads" without an expected contribution; the share of what was
 * expected ("68 %") goes in the tooltip, so that the column stays narrow. */
static char *
result_text (const PlCampaignFigures *figures)
{
  g_autofree char *result = pl_kpi_value_format (figures->main_kpi, figures->main_result.value);
  g_autofree char *word = result_word (figures->main_kpi, isnan (figures->main_expected) ? figures->main_result.value
                                                                                         : figures->main_expected);
  g_autofree char *expected = NULL;

  if (isnan (figures->main_expected))
    /* Translators: a campaign's result on its main KPI, "410 leads" */
    return g_strdup_printf (_("%s %s"), result, word);
  expected = pl_kpi_value_format (figures->main_kpi, figures->main_expected);
  /* Translators: a campaign's result against what it was expected to bring, "410 / 600 leads" */
  return g_strdup_printf (_("%s / %s %s"), result, expected, word);
}

/* "68 % of the 600 leads expected, on “Leads”". */
static char *
result_tooltip (const PlCampaignFigures *figures)
{
  const char *name = pl_item_get_string (PL_ITEM (figures->main_kpi), PL_KPI_NAME);
  g_autofree char *word = result_word (figures->main_kpi, figures->main_expected);
  g_autofree char *expected = NULL, *share = NULL;

  if (isnan (figures->main_expected) || isnan (figures->main_against))
    /* Translators: the KPI a campaign's main result is on */
    return g_strdup_printf (_("Its result on “%s”; no contribution is expected of it there"), name);
  expected = pl_kpi_value_format (figures->main_kpi, figures->main_expected);
  share = pl_percent_format (figures->main_against * 100, 0);
  /* Translators: the share of what was expected, what was expected ("600 leads"), the KPI */
  return g_strdup_printf (_("%s of the %s %s expected, on “%s”"), share, expected, word, name);
}

/* The figure behind @column, or NULL for the amounts (budget, spent). */
static const PlFigure *
column_figure (const PlCampaignFigures *figures, PlCampaignColumn column)
{
  switch (column)
    {
    case PL_CAMPAIGN_COLUMN_RESULT: return &figures->main_result;
    case PL_CAMPAIGN_COLUMN_COST: return &figures->cost_per_result;
    case PL_CAMPAIGN_COLUMN_ROI: return &figures->roi;
    case PL_CAMPAIGN_COLUMN_BUDGET:
    case PL_CAMPAIGN_COLUMN_SPENT:
    case PL_N_CAMPAIGN_COLUMNS:
    default: return NULL;
    }
}

static char *
column_text (PlPlan *plan, const PlCampaignFigures *figures, PlCampaignColumn column, gboolean bare, char **tooltip)
{
  const PlFigure *figure = column_figure (figures, column);
  g_autofree char *why = NULL;
  char *text;

  if (tooltip != NULL)
    *tooltip = NULL;
  switch (column)
    {
    case PL_CAMPAIGN_COLUMN_BUDGET:
      if (figures->budget == 0)
        {
          if (tooltip != NULL)
            *tooltip = g_strdup (_("No budget line is allocated to this campaign yet (see the Budget page)."));
          return g_strdup ("–");
        }
      if (tooltip != NULL && bare)
        *tooltip = amount_text (plan, figures->budget, FALSE);
      return whole_money (plan, figures->budget, bare);
    case PL_CAMPAIGN_COLUMN_SPENT:
      if (tooltip != NULL && bare)
        *tooltip = amount_text (plan, figures->spent, FALSE);
      return whole_money (plan, figures->spent, bare);
    case PL_CAMPAIGN_COLUMN_RESULT:
    case PL_CAMPAIGN_COLUMN_COST:
    case PL_CAMPAIGN_COLUMN_ROI:
    case PL_N_CAMPAIGN_COLUMNS:
    default:
      break;
    }
  if (figure == NULL || isnan (figure->value) || (column != PL_CAMPAIGN_COLUMN_ROI && figures->main_kpi == NULL))
    {
      why = figure != NULL ? pl_campaign_figure_reason (plan, figures, figure) : NULL;
      if (column == PL_CAMPAIGN_COLUMN_RESULT && figures->main_kpi != NULL && !isnan (figures->main_expected))
        {
          g_autofree char *word = result_word (figures->main_kpi, figures->main_expected);
          g_autofree char *expected = pl_kpi_value_format (figures->main_kpi, figures->main_expected);
          /* Translators: why there is no result, then what the campaign is expected to bring, "600 leads" */
          g_autofree char *more = g_strdup_printf (_("%s. Expected: %s %s."), why ? why : _("No results typed or imported yet"),
                                                   expected, word);
          g_free (why);
          why = g_steal_pointer (&more);
        }
      if (tooltip != NULL)
        *tooltip = g_steal_pointer (&why);
      return g_strdup ("–");
    }
  switch (column)
    {
    case PL_CAMPAIGN_COLUMN_RESULT:
      text = result_text (figures);
      if (tooltip != NULL)
        *tooltip = result_tooltip (figures);
      return text;
    case PL_CAMPAIGN_COLUMN_COST:
      /* The unit is the result's, in the column beside it; the tooltip names it. */
      if (tooltip != NULL)
        *tooltip = cost_text (plan, figures);
      return cost_money (plan, figures->cost_per_result.value, bare);
    case PL_CAMPAIGN_COLUMN_ROI:
      if (tooltip != NULL)
        *tooltip = g_strdup (_("The revenue credited to the campaign less what it spent, over what it spent"));
      return pl_percent_format (figure->value * 100, 0);
    case PL_CAMPAIGN_COLUMN_BUDGET:
    case PL_CAMPAIGN_COLUMN_SPENT:
    case PL_N_CAMPAIGN_COLUMNS:
    default:
      return g_strdup ("–");
    }
}

char *
pl_campaign_column_text (PlPlan *plan, const PlCampaignFigures *figures, PlCampaignColumn column, char **tooltip)
{
  return column_text (plan, figures, column, FALSE, tooltip);
}

char *
pl_campaign_column_cell (PlPlan *plan, const PlCampaignFigures *figures, PlCampaignColumn column, char **tooltip)
{
  return column_text (plan, figures, column, TRUE, tooltip);
}

char *
pl_campaign_currency_sign (PlPlan *plan)
{
  g_autofree char *decorated = pl_money_decorate ("", pl_plan_get_currency (plan));
  g_auto(GStrv) parts = g_strsplit (decorated, "\u00A0", -1);

  /* As the amounts around it write it: "€", or "EUR" where the locale has no rule. */
  return g_strjoinv ("", parts);
}

char *
pl_campaign_column_title (PlPlan *plan, PlCampaignColumn column)
{
  g_autofree char *sign = pl_campaign_currency_sign (plan);

  switch (column)
    {
    /* Translators: a column of the campaigns list: what is allocated to the campaign, in a
     * currency ("Budget (€)") */
    case PL_CAMPAIGN_COLUMN_BUDGET: return g_strdup_printf (_("Budget (%s)"), sign);
    /* Translators: a column of the campaigns list: what the campaign spent to date, in a
     * currency ("Spent (€)") */
    case PL_CAMPAIGN_COLUMN_SPENT: return g_strdup_printf (_("Spent (%s)"), sign);
    /* Translators: a column of the campaigns list: its main result against what was expected */
    case PL_CAMPAIGN_COLUMN_RESULT: return g_strdup (_("Result / expected"));
    /* Translators: a column of the campaigns list: spend over the main result, in a currency
     * ("Cost per result (€)") */
    case PL_CAMPAIGN_COLUMN_COST: return g_strdup_printf (_("Cost per result (%s)"), sign);
    /* Translators: a column of the campaigns list: return on investment */
    case PL_CAMPAIGN_COLUMN_ROI: return g_strdup (_("ROI"));
    case PL_N_CAMPAIGN_COLUMNS:
    default: return g_strdup ("");
    }
}

/* The key @column sorts by: *@rank first (0 a number, 1 a result without an expected
 * contribution, 2 not available), then *@value. */
static void
sort_key (const PlCampaignFigures *figures, PlCampaignColumn column, int *rank, double *value)
{
  *rank = 0;
  switch (column)
    {
    case PL_CAMPAIGN_COLUMN_BUDGET:
      *value = (double) figures->budget;
      *rank = figures->budget == 0 ? 2 : 0;
      return;
    case PL_CAMPAIGN_COLUMN_SPENT:
      *value = (double) figures->spent;
      return;
    case PL_CAMPAIGN_COLUMN_RESULT:
      /* Against what was expected where it can be; a bare result after those. */
      if (!isnan (figures->main_against))
        *value = figures->main_against;
      else
        *value = figures->main_result.value, *rank = 1;
      break;
    case PL_CAMPAIGN_COLUMN_COST:
      *value = figures->cost_per_result.value;
      break;
    case PL_CAMPAIGN_COLUMN_ROI:
      *value = figures->roi.value;
      break;
    case PL_N_CAMPAIGN_COLUMNS:
    default:
      *value = NAN;
      break;
    }
  if (isnan (*value))
    *rank = 2;
}

int
pl_campaign_column_compare (const PlCampaignFigures *a, const PlCampaignFigures *b, PlCampaignColumn column,
                            gboolean descending)
{
  int rank_a, rank_b;
  double x, y;

  sort_key (a, column, &rank_a, &x);
  sort_key (b, column, &rank_b, &y);
  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;
  if (rank_a == 2 || x == y)
    return 0;
  return (x < y) != descending ? -1 : 1;
}

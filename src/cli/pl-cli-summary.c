/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-cli"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-cli-assessment.h"
#include "pl-cli-summary.h"
#include "pl-enums.h"
#include "pl-figures.h"
#include "pl-money.h"

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

/* Money in major units with the locale's digit grouping (the ' flag of printf). */
static char *
money (PlPlan *plan, gint64 amount)
{
  guint exponent = pl_plan_get_currency_exponent (plan);

  return g_strdup_printf ("%'.*f", (int) exponent, (double) amount / pow (10, exponent));
}

static char *
figure (double value, int decimals)
{
  if (isnan (value))
    return g_strdup (_("n/a"));
  return g_strdup_printf ("%'.*f", decimals, value);
}

static char *
percent (double value)
{
  return isnan (value) ? g_strdup (_("n/a")) : pl_percent_format (value * 100, 1);
}

/* An amount of money in major units as the user's locale writes it: "210,48 €". */
static char *
money_figure (PlPlan *plan, double value)
{
  guint exponent = pl_plan_get_currency_exponent (plan);

  if (isnan (value))
    return g_strdup (_("n/a"));
  return pl_money_format (llround (value * pow (10, exponent)), exponent, pl_plan_get_currency (plan));
}

/* Pads @text to @width characters, counting characters rather than bytes. */
static void
cell (GString *out, const char *text, int width, gboolean right)
{
  int pad = width - (int) g_utf8_strlen (text, -1);

  if (right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

static void
budget_row (GString *out, PlPlan *plan, const char *label, gint64 planned, gint64 actual,
            gint64 planned_to_date)
{
  g_autofree char *p = money (plan, planned);
  g_autofree char *a = money (plan, actual);
  g_autofree char *used = percent (pl_figures_percent_used (planned_to_date, actual));

  g_string_append (out, "  ");
  cell (out, label, 36, FALSE);
  cell (out, p, 15, TRUE);
  cell (out, a, 15, TRUE);
  cell (out, used, 12, TRUE);
  g_string_append_c (out, '\n');
}

static void
budget (GString *out, PlPlan *plan, int months_to_date)
{
  GListModel *categories = pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES);
  gint64 to_date = 0;

  g_string_append_printf (out, _("Budget (%s)\n"), pl_plan_get_currency (plan));
  g_string_append (out, "  ");
  cell (out, _("Category"), 36, FALSE);
  cell (out, _("Planned"), 15, TRUE);
  cell (out, _("Actual"), 15, TRUE);
  /* Translators: column header, the actual spend as a share of what was planned to date */
  cell (out, _("Used"), 12, TRUE);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(PlCategory) category = g_list_model_get_item (categories, i);
      gint64 planned_to_date = 0;

      for (int m = 0; m < months_to_date; m++)
        planned_to_date += pl_figures_category_planned (plan, category, m);
      budget_row (out, plan, pl_item_get_string (PL_ITEM (category), PL_CATEGORY_NAME),
                  pl_figures_category_planned (plan, category, -1),
                  pl_figures_category_actual (plan, category, -1), planned_to_date);
    }
  for (int m = 0; m < months_to_date; m++)
    to_date += pl_figures_planned (plan, m);
  budget_row (out, plan, _("Total"), pl_figures_planned (plan, -1), pl_figures_actual (plan, -1), to_date);
  if (months_to_date > 0)
    g_string_append_printf (out, ngettext ("  “Used” compares the actual spend with the first %d month planned.\n",
                                           "  “Used” compares the actual spend with the first %d months planned.\n",
                                           months_to_date), months_to_date);
}

static void
campaigns (GString *out, PlPlan *plan)
{
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
}

static void
kpi_row (GString *out, PlPlan *plan, PlStage stage, guint32 last_from, guint32 from, guint32 to)
{
  PlKpi *kpi = pl_figures_kpi_for_stage (plan, stage);
  double last, total, target;
  g_autofree char *l = NULL, *t = NULL, *g = NULL;
  int decimals;

  if (kpi == NULL)
    return;
  decimals = pl_item_get_int (PL_ITEM (kpi), PL_KPI_UNIT) == PL_UNIT_PERCENT ? 2 : 0;
  last = pl_figures_kpi_value (plan, kpi, last_from, to);
  total = pl_figures_kpi_value (plan, kpi, from, to);
  target = pl_figures_kpi_target (plan, kpi, from, to);
  if (decimals == 2)
    {
      l = percent (last);
      t = percent (total);
      g = percent (target);
    }
  else
    {
      l = figure (last, 0);
      t = figure (total, 0);
      g = figure (target, 0);
    }
  g_string_append (out, "  ");
  cell (out, pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME), 32, FALSE);
  cell (out, l, 14, TRUE);
  cell (out, t, 16, TRUE);
  cell (out, g, 16, TRUE);
  g_string_append_c (out, '\n');
}

static void
chain (GString *out, PlPlan *plan)
{
  static const PlStage stages[] = {
    PL_STAGE_SPEND, PL_STAGE_VISITORS, PL_STAGE_LEADS, PL_STAGE_MQL, PL_STAGE_SQL,
    PL_STAGE_NEW_CUSTOMERS, PL_STAGE_REVENUE, PL_STAGE_CUSTOMERS, PL_STAGE_MRR, PL_STAGE_CHURN,
  };
  guint32 from = pl_plan_get_start (plan);
  guint32 to = pl_figures_measured_until (plan);
  GDate last;
  g_autofree char *until = NULL;
  g_autofree char *cpl = NULL, *cac = NULL, *ltv = NULL, *ltv_cac = NULL, *roi = NULL, *arpu = NULL;
  gboolean margin_assumed = FALSE;
  double ratio;

  if (to <= from)
    {
      g_string_append (out, _("KPI chain: no measurements yet.\n"));
      return;
    }
  g_date_clear (&last, 1);
  g_date_set_julian (&last, to);
  g_date_subtract_months (&last, 1);
  until = month_name (g_date_get_julian (&last));
  g_string_append_printf (out, _("KPI chain, measured to %s\n"), until);
  g_string_append (out, "  ");
  cell (out, _("KPI"), 32, FALSE);
  cell (out, _("Last month"), 14, TRUE);
  cell (out, _("Period to date"), 16, TRUE);
  cell (out, _("Target to date"), 16, TRUE);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    kpi_row (out, plan, stages[i], g_date_get_julian (&last), from, to);

  {
    g_autofree char *a = percent (pl_figures_conversion (plan, PL_STAGE_VISITORS, PL_STAGE_LEADS, from, to));
    g_autofree char *b = percent (pl_figures_conversion (plan, PL_STAGE_LEADS, PL_STAGE_MQL, from, to));
    g_autofree char *c = percent (pl_figures_conversion (plan, PL_STAGE_MQL, PL_STAGE_SQL, from, to));
    g_autofree char *d = percent (pl_figures_conversion (plan, PL_STAGE_SQL, PL_STAGE_NEW_CUSTOMERS, from, to));
    g_string_append_printf (out, _("  Conversion: visitor → lead %s, lead → MQL %s, MQL → SQL %s, SQL → customer %s\n"),
                            a, b, c, d);
  }
  cpl = money_figure (plan, pl_figures_cpl (plan, from, to));
  cac = money_figure (plan, pl_figures_cac (plan, from, to));
  arpu = money_figure (plan, pl_figures_arpu (plan, from, to));
  ltv = money_figure (plan, pl_figures_ltv (plan, from, to, &margin_assumed));
  ratio = pl_figures_ltv_cac (plan, from, to);
  ltv_cac = isnan (ratio) ? g_strdup (_("n/a")) : pl_ratio_format (ratio, 1);
  roi = percent (pl_figures_roi (plan, from, to));
  g_string_append_printf (out, _("  CPL %s · CAC %s · ARPU %s · LTV %s\n"), cpl, cac, arpu, ltv);
  g_string_append_printf (out, _("  LTV:CAC %s (%s) · ROI %s\n"), ltv_cac,
                          isnan (ratio) ? _("not available")
                          : ratio >= PL_LTV_CAC_HEALTHY ? _("healthy, at or above 3×")
                          : _("below the 3× health line"),
                          roi);
  if (margin_assumed)
    g_string_append (out, _("  No gross margin is measured, so LTV assumes a margin of 100 %.\n"));
}

char *
pl_cli_summary (PlPlan *plan)
{
  GString *out = g_string_new (NULL);
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (plan));
  const char *organisation = pl_item_get_string (meta, PL_METADATA_ORGANISATION);
  const char *owner = pl_item_get_string (meta, PL_METADATA_OWNER);
  g_autofree char *first = month_name (pl_plan_get_start (plan));
  g_autofree char *last = month_name (pl_plan_month_start (plan, pl_plan_get_months (plan) - 1));
  guint32 until = pl_figures_measured_until (plan);
  int months_to_date = 0;

  for (guint m = 0; m < pl_plan_get_months (plan); m++)
    if (pl_plan_month_start (plan, m) < until)
      months_to_date = (int) m + 1;

  g_string_append (out, pl_plan_get_title (plan));
  if (organisation != NULL)
    g_string_append_printf (out, " — %s", organisation);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, ngettext ("Period: %s to %s (%u month)\n", "Period: %s to %s (%u months)\n",
                                         pl_plan_get_months (plan)),
                          first, last, pl_plan_get_months (plan));
  if (owner != NULL)
    g_string_append_printf (out, _("Owner: %s\n"), owner);
  g_string_append_c (out, '\n');
  budget (out, plan, months_to_date);
  g_string_append_c (out, '\n');
  campaigns (out, plan);
  g_string_append_c (out, '\n');
  chain (out, plan);
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

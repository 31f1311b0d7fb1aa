/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-dashboard"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-budget-totals.h"
#include "pl-dashboard.h"
#include "pl-money.h"

static void
attention_free (PlAttention *attention)
{
  g_free (attention->text);
  g_free (attention->share_text);
  g_free (attention);
}

static void
tile_clear (gpointer data)
{
  PlDashboardTile *tile = data;

  g_clear_pointer (&tile->series, g_array_unref);
}

void
pl_dashboard_free (PlDashboard *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->tiles);
  g_ptr_array_unref (self->attention);
  g_free (self);
}

guint32
pl_dashboard_as_of (PlPlan *plan, guint32 today)
{
  guint32 until = pl_figures_measured_until (plan);

  /* measured_until() is the period's start when nothing is measured. */
  if (until > pl_plan_get_start (plan))
    return until - 1;
  return today;
}

void
pl_dashboard_choose_as_of (PlPlan *plan, guint32 day)
{
  g_return_if_fail (PL_IS_PLAN (plan));
  g_object_set_data (G_OBJECT (plan), "pl-dashboard-as-of", GUINT_TO_POINTER (day));
}

guint32
pl_dashboard_get_chosen_as_of (PlPlan *plan)
{
  g_return_val_if_fail (PL_IS_PLAN (plan), 0);
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (plan), "pl-dashboard-as-of"));
}

guint32
pl_dashboard_resolve_as_of (PlPlan *plan, guint32 today)
{
  guint32 chosen = pl_dashboard_get_chosen_as_of (plan);

  return chosen != 0 ? chosen : pl_dashboard_as_of (plan, today);
}

static gint64
minor (PlPlan *plan, double amount)
{
  return isnan (amount) ? 0 : (gint64) llround (amount * pow (10, pl_plan_get_currency_exponent (plan)));
}

static guint32
month_end (PlPlan *plan, guint month)
{
  return month + 1 < pl_plan_get_months (plan) ? pl_plan_month_start (plan, month + 1) : pl_plan_get_end (plan);
}

/* The linked KPIs of each campaign that are off target in @month: campaign ID -> a KPI name. */
static GHashTable *
off_target_links (PlPlan *plan, guint32 month, guint32 end)
{
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  GHashTable *off = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0, n = g_list_model_get_n_items (links); i < n; i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      PlItem *kpi = pl_plan_lookup (plan, pl_item_get_string (link, PL_CAMPAIGN_KPI_KPI));
      const char *campaign = pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN);

      if (kpi != NULL && campaign != NULL && !g_hash_table_contains (off, campaign) &&
          pl_figures_kpi_status (plan, PL_KPI (kpi), month, end) == PL_KPI_STATUS_OFF)
        g_hash_table_insert (off, (gpointer) campaign, (gpointer) pl_item_get_string (kpi, PL_KPI_NAME));
    }
  return off;
}

static int
by_reason (gconstpointer a, gconstpointer b)
{
  const PlAttention *x = *(PlAttention * const *) a, *y = *(PlAttention * const *) b;
  /* The lowest reason bit first: off target, then over budget, then ending soon. */
  guint rx = x->reasons & (~x->reasons + 1), ry = y->reasons & (~y->reasons + 1);

  return rx == ry ? g_utf8_collate (pl_item_get_string (x->campaign, PL_CAMPAIGN_NAME),
                                    pl_item_get_string (y->campaign, PL_CAMPAIGN_NAME))
                  : rx < ry ? -1 : 1;
}

static void
find_attention (PlDashboard *self, PlPlan *plan, const PlBudgetTotals *totals, guint32 end)
{
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  g_autoptr(GHashTable) off = self->measured ? off_target_links (plan, self->month, end)
                                              : g_hash_table_new (g_str_hash, g_str_equal);
  guint exponent = pl_plan_get_currency_exponent (plan);
  int current_month = self->as_of >= pl_plan_get_end (plan) ? (int) pl_plan_get_months (plan) - 1
                      : pl_plan_month_index (plan, self->as_of);

  for (guint i = 0, n = g_list_model_get_n_items (campaigns); i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      gint64 status = pl_item_get_int (campaign, PL_CAMPAIGN_STATUS);
      guint32 ends = pl_item_get_julian (campaign, PL_CAMPAIGN_END);
      gint64 allocated = pl_budget_totals_campaign_allocated (totals, campaign);
      gint64 actual = 0;
      const char *kpi = g_hash_table_lookup (off, pl_item_get_id (campaign));
      g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) shares = g_ptr_array_new_with_free_func (g_free);
      PlAttention *attention;
      guint reasons = 0;

      /* Stopped campaigns were decided on already. */
      if (status == PL_STATUS_STOPPED)
        continue;
      /* Spent so far: to the end of the month of the day shown. */
      for (int m = 0; m <= current_month; m++)
        actual += pl_budget_totals_campaign_actual_month (totals, campaign, m);
      if (kpi != NULL)
        {
          reasons |= PL_ATTENTION_OFF_TARGET;
          g_ptr_array_add (words, g_strdup_printf (_("“%s” is off target"), kpi));
          g_ptr_array_add (shares, g_strdup (g_ptr_array_index (words, words->len - 1)));
        }
      if (allocated > 0 && actual > allocated)
        {
          g_autofree char *over = pl_money_format (actual - allocated, exponent, pl_plan_get_currency (plan));
          g_autofree char *share = pl_percent_format (100.0 * (double) (actual - allocated) / (double) allocated, 0);
          reasons |= PL_ATTENTION_OVER_BUDGET;
          /* Translators: an amount of money, "€1,200 over budget" */
          g_ptr_array_add (words, g_strdup_printf (_("%s over budget"), over));
          /* Translators: a share of the campaign's allocation, "25 % over budget" */
          g_ptr_array_add (shares, g_strdup_printf (_("%s over budget"), share));
        }
      if ((status == PL_STATUS_RUNNING || status == PL_STATUS_PLANNED) && ends != 0 &&
          ends >= self->as_of && ends <= self->as_of + PL_DASHBOARD_ENDING_DAYS)
        {
          guint days = ends - self->as_of;
          reasons |= PL_ATTENTION_ENDING_SOON;
          g_ptr_array_add (words, days == 0 ? g_strdup (_("ends today"))
                                            : g_strdup_printf (ngettext ("ends in %u day", "ends in %u days", days), days));
          g_ptr_array_add (shares, g_strdup (g_ptr_array_index (words, words->len - 1)));
        }
      if (reasons == 0)
        continue;
      g_ptr_array_add (words, NULL);
      g_ptr_array_add (shares, NULL);
      attention = g_new0 (PlAttention, 1);
      attention->campaign = campaign;
      attention->reasons = reasons;
      attention->text = g_strjoinv (" · ", (char **) words->pdata);
      attention->share_text = g_strjoinv (" · ", (char **) shares->pdata);
      g_ptr_array_add (self->attention, attention);
    }
  g_ptr_array_sort (self->attention, by_reason);
}

double
pl_dashboard_tile_previous (const PlDashboardTile *tile)
{
  return tile->series->len >= 2 ? g_array_index (tile->series, double, tile->series->len - 2) : NAN;
}

static GArray *
tile_series (PlPlan *plan, PlKpi *kpi, guint months)
{
  GArray *series = g_array_sized_new (FALSE, FALSE, sizeof (double), months);

  for (guint m = 0; m < months; m++)
    {
      double value = pl_figures_kpi_value (plan, kpi, pl_plan_month_start (plan, m), month_end (plan, m));
      g_array_append_val (series, value);
    }
  return series;
}

PlDashboard *
pl_dashboard_new (PlPlan *plan, guint32 as_of)
{
  PlDashboard *self;
  GListModel *kpis;
  g_autoptr(PlBudgetTotals) totals = NULL;
  int last, current;
  gboolean before;
  guint32 end;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  self = g_new0 (PlDashboard, 1);
  kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  totals = pl_budget_totals_new (plan);
  current = pl_plan_month_index (plan, as_of);
  /* The KPIs show the last month measured, not a month still being measured, and never a
   * month after the day shown: a plan filled in ahead (targets, forecasts) reads as of today. */
  last = pl_plan_month_index (plan, pl_figures_measured_until (plan) - 1);
  if (current >= 0 && current < last)
    last = current;
  self->as_of = as_of;
  before = as_of < pl_plan_get_start (plan);
  self->tiles = g_array_new (FALSE, FALSE, sizeof (PlDashboardTile));
  g_array_set_clear_func (self->tiles, tile_clear);
  self->attention = g_ptr_array_new_with_free_func ((GDestroyNotify) attention_free);
  self->month = pl_plan_month_start (plan, (guint) MAX (last, 0));
  end = month_end (plan, (guint) MAX (last, 0));
  self->until = end;

  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n && self->tiles->len < PL_DASHBOARD_MAX_TILES; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      PlDashboardTile tile;

      if (!pl_item_get_int (kpi, PL_KPI_DASHBOARD))
        continue;
      tile.kpi = kpi;
      tile.value = pl_figures_kpi_value (plan, PL_KPI (kpi), self->month, end);
      tile.target = pl_figures_kpi_target (plan, PL_KPI (kpi), self->month, end);
      tile.status = pl_figures_kpi_status (plan, PL_KPI (kpi), self->month, end);
      tile.basis = pl_basis_month_of (plan, self->month);
      tile.series = tile_series (plan, PL_KPI (kpi), (guint) MAX (last, 0) + 1);
      if (before)
        {
          /* As of a day before the period, nothing of it is measured yet. */
          tile.value = NAN;
          tile.status = PL_KPI_STATUS_NO_DATA;
          g_array_set_size (tile.series, 0);
        }
      g_array_append_val (self->tiles, tile);
    }

  self->before_period = as_of < pl_plan_get_start (plan);
  self->measured = !self->before_period && pl_figures_measured_until (plan) > pl_plan_get_start (plan);
  self->shown = pl_basis_month_of (plan, self->month);
  self->measured_basis = pl_basis_to_date (plan, end - 1);
  self->ltv_cac_figure = pl_figures_get (plan, PL_FIGURE_LTV_CAC, &self->measured_basis);
  self->ltv_cac = self->ltv_cac_figure.value;
  /* Before the period, what was already booked for it is what there is to show. */
  self->to_date = self->before_period ? pl_basis_period (plan) : pl_basis_to_date (plan, as_of);
  self->budget = pl_budget_totals_planned (totals, NULL, -1);
  self->spend_to_date = minor (plan, pl_figures_get (plan, PL_FIGURE_SPEND, &self->to_date).value);
  self->budget_to_date = self->before_period ? 0 : minor (plan, pl_figures_get (plan, PL_FIGURE_PLANNED, &self->to_date).value);
  self->used = pl_figures_get (plan, PL_FIGURE_USED, &self->to_date);
  self->used_of_period = pl_figures_get (plan, PL_FIGURE_USED_OF_PERIOD, &self->to_date);
  find_attention (self, plan, totals, end);
  return self;
}

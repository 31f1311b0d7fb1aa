/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-dashboard"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-budget-totals.h"
#include "pl-dashboard.h"
#include "pl-money.h"

typedef struct _Standing Standing;

/* An entry of the list with what it is sorted by, made once: collating thousands of names
 * again for every comparison was most of the dashboard's time on a large plan. */
typedef struct {
  PlAttention     public;
  const char     *sort_key;  /* while the list is sorted */
  const char     *off_kpi;   /* while the list is sorted: the KPI off target, or NULL */
  const Standing *standing;  /* while the list is sorted */
} Attention;

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

static int
by_reason (gconstpointer a, gconstpointer b)
{
  const Attention *x = *(Attention * const *) a, *y = *(Attention * const *) b;
  /* The lowest reason bit first: off target, then over budget, then ending soon. */
  guint rx = x->public.reasons & (~x->public.reasons + 1), ry = y->public.reasons & (~y->public.reasons + 1);

  return rx == ry ? strcmp (x->sort_key, y->sort_key) : rx < ry ? -1 : 1;
}

/* What makes a campaign need attention apart from its KPIs: over budget, ending soon. It
 * depends on the budget and the campaigns, not on the KPIs, so it is kept from one dashboard
 * to the next until one of those changes: typing a measurement on a plan of 20,000 campaigns
 * then redoes only the KPIs' part. */
struct _Standing {
  PlItem *campaign;    /* borrowed from the plan */
  guint   reasons;     /* PL_ATTENTION_OVER_BUDGET, PL_ATTENTION_ENDING_SOON */
  char   *words;       /* those reasons in words, or NULL */
  char   *shares;      /* the same without an amount */
  char   *sort_key;    /* the name's collation key, made the first time it is listed */
};

typedef struct {
  guint    standing;  /* index in Standings.standings */
  PlItem  *kpi;       /* borrowed */
} Link;

typedef struct {
  guint64         serial;
  guint32         as_of;
  PlBudgetTotals *totals;
  GArray         *standings;  /* Standing, every campaign not stopped, in plan order */
  GArray         *links;      /* Link: each campaign's KPIs, resolved once */
} Standings;

static const PlCollection standing_sources[] = {
  PL_COLLECTION_NONE, PL_COLLECTION_CAMPAIGNS, PL_COLLECTION_ALLOCATIONS, PL_COLLECTION_SPEND,
  PL_COLLECTION_LINES, PL_COLLECTION_CATEGORIES, PL_COLLECTION_CAMPAIGN_KPIS,
};

static void
standing_clear (gpointer data)
{
  Standing *standing = data;

  g_free (standing->words);
  g_free (standing->shares);
  g_free (standing->sort_key);
}

static void
standings_free (gpointer data)
{
  Standings *standings = data;

  g_clear_pointer (&standings->standings, g_array_unref);
  g_clear_pointer (&standings->links, g_array_unref);
  pl_budget_totals_free (standings->totals);
  g_free (standings);
}

static guint64
standing_serial (PlPlan *plan)
{
  return pl_plan_get_collections_serial (plan, standing_sources, G_N_ELEMENTS (standing_sources));
}

/* Each campaign's KPIs, from the links, resolved once to the campaign's place in the
 * standings and the KPI itself. */
static void
fill_links (Standings *self, PlPlan *plan)
{
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  g_clear_pointer (&self->links, g_array_unref);
  self->links = g_array_new (FALSE, FALSE, sizeof (Link));
  for (guint i = 0; i < self->standings->len; i++)
    g_hash_table_insert (index, (gpointer) pl_item_get_id (g_array_index (self->standings, Standing, i).campaign),
                         GUINT_TO_POINTER (i + 1));
  for (guint i = 0, n = g_list_model_get_n_items (links); i < n; i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      const char *campaign = pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN);
      guint at = campaign ? GPOINTER_TO_UINT (g_hash_table_lookup (index, campaign)) : 0;
      PlItem *kpi = pl_plan_lookup (plan, pl_item_get_string (link, PL_CAMPAIGN_KPI_KPI));
      Link resolved = { at - 1, kpi };

      if (at != 0 && kpi != NULL && PL_IS_KPI (kpi))
        g_array_append_val (self->links, resolved);
    }
}

static void
standings_fill (Standings *self, PlPlan *plan, guint32 as_of)
{
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  guint exponent = pl_plan_get_currency_exponent (plan);
  int current_month = as_of >= pl_plan_get_end (plan) ? (int) pl_plan_get_months (plan) - 1
                      : pl_plan_month_index (plan, as_of);

  g_clear_pointer (&self->standings, g_array_unref);
  self->standings = g_array_new (FALSE, TRUE, sizeof (Standing));
  g_array_set_clear_func (self->standings, standing_clear);
  pl_budget_totals_refresh (self->totals);
  for (guint i = 0, n = g_list_model_get_n_items (campaigns); i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      gint64 status = pl_item_get_int (campaign, PL_CAMPAIGN_STATUS);
      guint32 ends = pl_item_get_julian (campaign, PL_CAMPAIGN_END);
      gint64 allocated = pl_budget_totals_campaign_allocated (self->totals, campaign);
      gint64 actual = 0;
      g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) shares = g_ptr_array_new_with_free_func (g_free);
      Standing standing = { campaign, 0, NULL, NULL, NULL };

      /* Stopped campaigns were decided on already. */
      if (status == PL_STATUS_STOPPED)
        continue;
      /* Spent so far: to the end of the month of the day shown. */
      for (int m = 0; m <= current_month; m++)
        actual = pl_money_sum (actual, pl_budget_totals_campaign_actual_month (self->totals, campaign, m));
      if (allocated > 0 && actual > allocated)
        {
          gint64 excess = pl_money_difference (actual, allocated);
          gint64 unit = pl_money_from_major (1, exponent);
          /* In whole units, as every amount beside it, and never "0 EUR over". */
          g_autofree char *over = pl_money_format (MAX ((excess + unit / 2) / unit, 1) * unit, exponent,
                                                   pl_plan_get_currency (plan));
          g_autofree char *share = pl_percent_format (100.0 * (double) excess / (double) allocated, 0);
          standing.reasons |= PL_ATTENTION_OVER_BUDGET;
          /* Translators: an amount of money, "€1,200 over budget" */
          g_ptr_array_add (words, g_strdup_printf (_("%s over budget"), over));
          /* Translators: a share of the campaign's allocation, "25 % over budget" */
          g_ptr_array_add (shares, g_strdup_printf (_("%s over budget"), share));
        }
      if ((status == PL_STATUS_RUNNING || status == PL_STATUS_PLANNED) && ends != 0 &&
          ends >= as_of && ends <= as_of + PL_DASHBOARD_ENDING_DAYS)
        {
          guint days = ends - as_of;
          standing.reasons |= PL_ATTENTION_ENDING_SOON;
          g_ptr_array_add (words, days == 0 ? g_strdup (_("ends today"))
                                            : g_strdup_printf (ngettext ("ends in %u day", "ends in %u days", days), days));
          g_ptr_array_add (shares, g_strdup (g_ptr_array_index (words, words->len - 1)));
        }
      if (standing.reasons != 0)
        {
          g_ptr_array_add (words, NULL);
          g_ptr_array_add (shares, NULL);
          standing.words = g_strjoinv (" · ", (char **) words->pdata);
          standing.shares = g_strjoinv (" · ", (char **) shares->pdata);
        }
      g_array_append_val (self->standings, standing);
    }
  fill_links (self, plan);
  self->as_of = as_of;
  self->serial = standing_serial (plan);
}

static Standings *
standings_get (PlPlan *plan, guint32 as_of)
{
  Standings *self = g_object_get_data (G_OBJECT (plan), "pl-dashboard-standings");

  if (self == NULL)
    {
      self = g_new0 (Standings, 1);
      self->totals = pl_budget_totals_new (plan);
      g_object_set_data_full (G_OBJECT (plan), "pl-dashboard-standings", self, standings_free);
      standings_fill (self, plan, as_of);
    }
  else if (self->serial != standing_serial (plan) || self->as_of != as_of)
    standings_fill (self, plan, as_of);
  return self;
}

static char *
join_reasons (const char *first, const char *rest)
{
  if (first == NULL)
    return g_strdup (rest);
  if (rest == NULL)
    return g_strdup (first);
  return g_strconcat (first, " · ", rest, NULL);
}

/* For each standing, the name of a KPI linked to it that is off target over [month, end),
 * or NULL. Each KPI is judged once, not once per campaign linked to it. */
static const char **
off_target (PlPlan *plan, Standings *standings, guint32 month, guint32 end)
{
  const char **off = g_new0 (const char *, standings->standings->len + 1);
  g_autoptr(GHashTable) judged = g_hash_table_new (NULL, NULL);  /* KPI -> name when off, else "" */
  PlBasis basis = pl_basis_range (month, end);

  for (guint i = 0; i < standings->links->len; i++)
    {
      const Link *link = &g_array_index (standings->links, Link, i);
      const char *name = g_hash_table_lookup (judged, link->kpi);

      if (name == NULL)
        {
          gboolean is_off = pl_figures_kpi_status_on (plan, PL_KPI (link->kpi), &basis) == PL_KPI_STATUS_OFF;
          name = is_off ? pl_item_get_string (link->kpi, PL_KPI_NAME) : "";
          g_hash_table_insert (judged, link->kpi, (gpointer) (name ? name : ""));
        }
      if (name != NULL && *name != '\0' && off[link->standing] == NULL)
        off[link->standing] = name;
    }
  return off;
}

static void
find_attention (PlDashboard *self, PlPlan *plan, Standings *standings, guint32 end)
{
  g_autofree const char **off = self->measured ? off_target (plan, standings, self->month, end)
                                               : g_new0 (const char *, standings->standings->len + 1);

  for (guint i = 0; i < standings->standings->len; i++)
    {
      Standing *standing = &g_array_index (standings->standings, Standing, i);
      const char *kpi = off[i];
      Attention *attention;

      if (kpi == NULL && standing->reasons == 0)
        continue;
      if (standing->sort_key == NULL)
        standing->sort_key = g_utf8_collate_key (pl_item_get_display_name (standing->campaign), -1);
      attention = g_new0 (Attention, 1);
      /* Borrowed for the sort only: the standings may be made again before this list goes. */
      attention->sort_key = standing->sort_key;
      attention->public.campaign = standing->campaign;
      attention->public.reasons = standing->reasons | (kpi ? PL_ATTENTION_OFF_TARGET : 0);
      attention->off_kpi = kpi;
      attention->standing = standing;
      g_ptr_array_add (self->attention, attention);
    }
  g_ptr_array_sort (self->attention, by_reason);
  /* Words for the entries a page, a chart or the report can show; the others are counted. */
  for (guint i = 0; i < self->attention->len; i++)
    {
      Attention *attention = self->attention->pdata[i];

      if (i < PL_DASHBOARD_MAX_DESCRIBED)
        {
          g_autofree char *off_words = attention->off_kpi ? g_strdup_printf (_("“%s” is off target"), attention->off_kpi)
                                                          : NULL;
          attention->public.text = join_reasons (off_words, attention->standing->words);
          attention->public.share_text = join_reasons (off_words, attention->standing->shares);
        }
      attention->sort_key = NULL;
      attention->off_kpi = NULL;
      attention->standing = NULL;
    }
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

void
pl_dashboard_bases (PlPlan *plan, guint32 as_of, PlDashboardBases *bases)
{
  int current = pl_plan_month_index (plan, as_of);
  /* The KPIs show the last month measured, not a month still being measured, and never a
   * month after the day shown: a plan filled in ahead (targets, forecasts) reads as of today. */
  int last = pl_plan_month_index (plan, pl_figures_measured_until (plan) - 1);

  g_return_if_fail (PL_IS_PLAN (plan));
  if (current >= 0 && current < last)
    last = current;
  bases->before_period = as_of < pl_plan_get_start (plan);
  bases->measured = !bases->before_period && pl_figures_measured_until (plan) > pl_plan_get_start (plan);
  /* Before the period, its first month: nothing of the months after is known yet. */
  bases->month_index = bases->before_period ? 0 : (guint) MAX (last, 0);
  bases->shown = pl_basis_month (plan, bases->month_index);
  bases->measured_basis = pl_basis_to_date (plan, bases->shown.to - 1);
  /* Before the period nothing of it is measured: the funnel and LTV:CAC have no months. */
  if (bases->before_period)
    bases->measured_basis.to = bases->measured_basis.from;
  /* Before the period, what was already booked for it is what there is to show. */
  bases->to_date = bases->before_period ? pl_basis_period (plan) : pl_basis_to_date (plan, as_of);
}

PlDashboard *
pl_dashboard_new (PlPlan *plan, guint32 as_of)
{
  PlDashboard *self;
  GListModel *kpis;
  Standings *standings;
  PlBudgetTotals *totals;
  PlDashboardBases bases;
  guint32 end;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  self = g_new0 (PlDashboard, 1);
  kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  standings = standings_get (plan, as_of);
  totals = standings->totals;
  pl_dashboard_bases (plan, as_of, &bases);
  self->as_of = as_of;
  self->before_period = bases.before_period;
  self->measured = bases.measured;
  self->shown = bases.shown;
  self->measured_basis = bases.measured_basis;
  self->to_date = bases.to_date;
  self->month = bases.shown.from;
  end = bases.shown.to;
  self->until = bases.measured_basis.to;
  self->tiles = g_array_new (FALSE, FALSE, sizeof (PlDashboardTile));
  g_array_set_clear_func (self->tiles, tile_clear);
  self->attention = g_ptr_array_new_with_free_func ((GDestroyNotify) attention_free);

  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n && self->tiles->len < PL_DASHBOARD_MAX_TILES; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      PlDashboardTile tile;

      if (!pl_item_get_int (kpi, PL_KPI_DASHBOARD))
        continue;
      tile.kpi = kpi;
      tile.basis = bases.shown;
      tile.value = pl_figures_kpi_value (plan, PL_KPI (kpi), self->month, end);
      tile.target = pl_figures_kpi_target (plan, PL_KPI (kpi), self->month, end);
      tile.status = pl_figures_kpi_status (plan, PL_KPI (kpi), self->month, end);
      tile.missing = isnan (tile.value) ? pl_figures_kpi (plan, PL_KPI (kpi), PL_SERIES_MEASUREMENTS, &tile.basis).missing
                                        : PL_MISSING_NONE;
      tile.series = tile_series (plan, PL_KPI (kpi), bases.month_index + 1);
      /* Before the period too: last year's months forecast this one. */
      tile.estimate = pl_forecast_kpi (plan, PL_KPI (kpi), as_of);
      tile.period_target = pl_figures_kpi_target (plan, PL_KPI (kpi), pl_plan_get_start (plan), pl_plan_get_end (plan));
      if (bases.before_period)
        {
          /* As of a day before the period, nothing of it is measured yet. */
          tile.value = NAN;
          tile.status = PL_KPI_STATUS_NO_DATA;
          tile.missing = PL_MISSING_BEFORE_PERIOD;
          g_array_set_size (tile.series, 0);
        }
      g_array_append_val (self->tiles, tile);
    }

  self->ltv_cac_figure = pl_figures_get (plan, PL_FIGURE_LTV_CAC, &self->measured_basis);
  self->ltv_cac = self->ltv_cac_figure.value;
  self->ltv_cac_target = pl_figures_ltv_cac_target (plan, &self->measured_basis, &self->ltv_cac_plan_target);
  self->ltv_cac_status = pl_figures_status (self->ltv_cac, self->ltv_cac_target, PL_DIRECTION_HIGHER);
  self->budget = pl_budget_totals_planned (totals, NULL, -1);
  self->spend_to_date = minor (plan, pl_figures_get (plan, PL_FIGURE_SPEND, &self->to_date).value);
  self->budget_to_date = self->before_period ? 0 : minor (plan, pl_figures_get (plan, PL_FIGURE_PLANNED, &self->to_date).value);
  self->used = pl_figures_get (plan, PL_FIGURE_USED, &self->to_date);
  self->spend_estimate = pl_forecast_spend (plan, as_of);
  /* Nothing is planned to a day before the period: "used" has no meaning yet. */
  if (self->before_period)
    {
      self->used.value = NAN;
      self->used.missing = PL_MISSING_BEFORE_PERIOD;
    }
  self->used_of_period = pl_figures_get (plan, PL_FIGURE_USED_OF_PERIOD, &self->to_date);
  find_attention (self, plan, standings, end);
  return self;
}

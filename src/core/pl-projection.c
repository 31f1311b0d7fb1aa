/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-projection"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-basis.h"
#include "pl-figures.h"
#include "pl-projection-private.h"

/* A delay's days are read as months of 30 days: monthly totals carry no finer date, and 30
 * makes "45 days" exactly a month and a half whatever the month's length. */
#define DAYS_PER_MONTH 30.0

struct _PlProjection {
  PlProjector *projector;   /* a reference: the KPIs' indices */
  guint        n_months;
  /* Row r, column c is rows[r * (n_months + 2) + c]: the months, then the total, then what
   * passes the period's end. */
  double      *rows;
  /* KPI k, column c is kpis[k * (n_months + 1) + c]: the months, then the total. */
  double      *kpis;
};

static const struct {
  const char *key;
  const char *name;
} row_names[PL_N_PROJECTION_ROWS] = {
  [PL_PROJECTION_SPEND] = { "spend", N_("Spend") },
  [PL_PROJECTION_LEADS] = { "leads", N_("Leads") },
  [PL_PROJECTION_MQL] = { "mql", N_("MQL") },
  [PL_PROJECTION_SQL] = { "sql", N_("SQL") },
  [PL_PROJECTION_CUSTOMERS] = { "customers", N_("New customers") },
  [PL_PROJECTION_REVENUE] = { "revenue", N_("New revenue") },
  [PL_PROJECTION_CAC] = { "cac", N_("CAC") },
  [PL_PROJECTION_LTV] = { "ltv", N_("LTV") },
  [PL_PROJECTION_LTV_CAC] = { "ltv-cac", N_("LTV:CAC") },
  [PL_PROJECTION_ROI] = { "roi", N_("ROI") },
};

const char *
pl_projection_row_key (PlProjectionRow row)
{
  g_return_val_if_fail (row < PL_N_PROJECTION_ROWS, NULL);
  return row_names[row].key;
}

const char *
pl_projection_row_name (PlProjectionRow row)
{
  g_return_val_if_fail (row < PL_N_PROJECTION_ROWS, NULL);
  return _(row_names[row].name);
}

double
pl_projection_divide (double a, double b)
{
  if (isnan (a) || isnan (b) || b == 0)
    return NAN;
  return a / b;
}

/* Month @m moved by @by months, or the column past the months when it leaves the period. */
static guint
moved (guint m, guint by, guint n, gboolean earlier)
{
  if (earlier)
    return m >= by ? m - by : n + 1;
  return m + by < n ? m + by : n + 1;
}

void
pl_projection_shift (const double *in, double *out, guint n, double factor, double days, gboolean earlier)
{
  double shift = MAX (days, 0) / DAYS_PER_MONTH;
  guint k = (guint) floor (shift);
  double f = shift - k;

  for (guint m = 0; m <= n + 1; m++)
    out[m] = 0;
  for (guint m = 0; m < n; m++)
    {
      double volume = in[m] * factor;

      out[moved (m, k, n, earlier)] += volume * (1 - f);
      if (f > 0)
        out[moved (m, k + 1, n, earlier)] += volume * f;
    }
  out[n + 1] += in[n + 1] * factor;
}

/* ---- the projector: what a plan's chain is computed from ---- */

/* The stages whose KPI takes a row of the projection. */
static int
row_of_stage (PlStage stage)
{
  switch (stage)
    {
    case PL_STAGE_SPEND: return PL_PROJECTION_SPEND;
    case PL_STAGE_LEADS: return PL_PROJECTION_LEADS;
    case PL_STAGE_MQL: return PL_PROJECTION_MQL;
    case PL_STAGE_SQL: return PL_PROJECTION_SQL;
    case PL_STAGE_NEW_CUSTOMERS: return PL_PROJECTION_CUSTOMERS;
    case PL_STAGE_REVENUE: return PL_PROJECTION_REVENUE;
    default: return -1;
    }
}

static void
read_budget (PlProjector *self)
{
  GListModel *categories = pl_plan_get_collection (self->plan, PL_COLLECTION_CATEGORIES);
  GListModel *lines = pl_plan_get_collection (self->plan, PL_COLLECTION_LINES);
  g_autoptr(GHashTable) bucket_of = g_hash_table_new (g_str_hash, g_str_equal);
  double scale = pow (10, pl_plan_get_currency_exponent (self->plan));
  guint n_categories = g_list_model_get_n_items (categories);

  self->n_buckets = n_categories + 1;
  self->bucket_ids = g_new0 (char *, self->n_buckets + 1);
  self->acquisition = g_new0 (gboolean, self->n_buckets);
  self->planned = g_new0 (double, self->n_buckets * self->n_months);
  for (guint i = 0; i < n_categories; i++)
    {
      g_autoptr(PlItem) category = g_list_model_get_item (categories, i);
      self->bucket_ids[i] = g_strdup (pl_item_get_id (category));
      self->acquisition[i] = pl_item_get_int (category, PL_CATEGORY_ACQUISITION) != 0;
      g_hash_table_insert (bucket_of, self->bucket_ids[i], GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      const char *category = pl_item_get_string (line, PL_BUDGET_LINE_CATEGORY);
      guint bucket = GPOINTER_TO_UINT (category ? g_hash_table_lookup (bucket_of, category) : NULL);
      /* A line outside every category is spend, but not acquisition spend: the rule of
       * PL_FIGURE_ACQUISITION_SPEND, which counts only acquisition categories. */
      double *row = self->planned + (bucket > 0 ? bucket - 1 : n_categories) * self->n_months;

      for (guint m = 0; m < self->n_months; m++)
        row[m] += pl_figures_line_planned (PL_BUDGET_LINE (line), (int) m) / scale;
    }
}

static void
read_goal_shapes (PlProjector *self)
{
  static const PlStage goal_stages[] = { [PL_GOAL_REVENUE] = PL_STAGE_REVENUE,
                                         [PL_GOAL_CUSTOMERS] = PL_STAGE_NEW_CUSTOMERS };

  for (guint goal = 0; goal < G_N_ELEMENTS (goal_stages); goal++)
    {
      PlKpi *kpi = pl_figures_kpi_for_stage (self->plan, goal_stages[goal]);
      g_autofree double *shape = NULL;
      double sum = 0;

      if (kpi == NULL)
        continue;
      shape = g_new0 (double, self->n_months);
      for (guint m = 0; m < self->n_months; m++)
        {
          PlBasis month = pl_basis_month (self->plan, m);
          double target = pl_figures_kpi (self->plan, kpi, PL_SERIES_TARGETS, &month).value;

          /* A month without a target asks for nothing; a negative target gives no shape. */
          if (isnan (target))
            continue;
          if (target < 0)
            {
              sum = 0;
              break;
            }
          shape[m] = target;
          sum += target;
        }
      if (sum > 0 && isfinite (sum))
        self->goal_shape[goal] = g_steal_pointer (&shape);
    }
}

/* Puts the formula KPIs in an order where each comes after the formula KPIs it names
 * (Kahn's algorithm, linear in the references); those left over are in a loop or computed
 * from one, and read NAN as pl_figures does. */
static void
order_formulas (PlProjector *self)
{
  g_autofree guint *pending = g_new0 (guint, self->n_kpis);
  g_autofree guint *offsets = g_new0 (guint, self->n_kpis + 1);
  g_autofree guint *dependents = NULL;
  g_autofree guint *fill = NULL;
  guint head = 0;

  /* The formula KPIs that name each one, in one flat array. */
  for (guint i = 0; i < self->n_kpis; i++)
    for (guint r = 0; self->kpis[i].source == KPI_FROM_FORMULA && self->kpis[i].refs != NULL && self->kpis[i].refs[r] != NULL; r++)
      {
        int j = self->kpis[i].operands[r];
        if (j >= 0 && self->kpis[j].source == KPI_FROM_FORMULA)
          {
            offsets[j + 1]++;
            pending[i]++;
          }
      }
  for (guint i = 0; i < self->n_kpis; i++)
    offsets[i + 1] += offsets[i];
  dependents = g_new0 (guint, offsets[self->n_kpis] + 1);
  fill = g_memdup2 (offsets, sizeof (guint) * self->n_kpis);
  for (guint i = 0; i < self->n_kpis; i++)
    for (guint r = 0; self->kpis[i].source == KPI_FROM_FORMULA && self->kpis[i].refs != NULL && self->kpis[i].refs[r] != NULL; r++)
      {
        int j = self->kpis[i].operands[r];
        if (j >= 0 && self->kpis[j].source == KPI_FROM_FORMULA)
          dependents[fill[j]++] = i;
      }

  self->order = g_new0 (guint, self->n_kpis + 1);
  for (guint i = 0; i < self->n_kpis; i++)
    if (self->kpis[i].source == KPI_FROM_FORMULA && pending[i] == 0)
      self->order[self->n_order++] = i;
  while (head < self->n_order)
    {
      guint i = self->order[head++];
      for (guint d = offsets[i]; d < offsets[i + 1]; d++)
        if (--pending[dependents[d]] == 0)
          self->order[self->n_order++] = dependents[d];
    }
  for (guint i = 0; i < self->n_kpis; i++)
    self->kpis[i].looping = self->kpis[i].source == KPI_FROM_FORMULA && pending[i] > 0;
}

static void
read_kpis (PlProjector *self)
{
  GListModel *kpis = pl_plan_get_collection (self->plan, PL_COLLECTION_KPIS);

  self->n_kpis = g_list_model_get_n_items (kpis);
  self->kpis = g_new0 (KpiSlot, self->n_kpis);
  self->kpi_index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->n_kpis; i++)
    {
      g_autoptr(PlItem) item = g_list_model_get_item (kpis, i);
      KpiSlot *slot = &self->kpis[i];
      PlStage stage = pl_item_get_int (item, PL_KPI_STAGE);
      const char *formula = pl_item_get_string (item, PL_KPI_FORMULA);

      slot->kpi = PL_KPI (item);
      slot->aggregate = pl_item_get_int (item, PL_KPI_AGGREGATE);
      g_hash_table_insert (self->kpi_index, slot->kpi, GUINT_TO_POINTER (i + 1));
      /* Only the first KPI of a stage is the stage, as for every figure (pl_figures_stage). */
      if (row_of_stage (stage) >= 0 && pl_figures_kpi_for_stage (self->plan, stage) == slot->kpi)
        {
          slot->source = KPI_FROM_ROW;
          slot->row = row_of_stage (stage);
        }
      else if ((stage == PL_STAGE_CHURN || stage == PL_STAGE_MARGIN) &&
               pl_figures_kpi_for_stage (self->plan, stage) == slot->kpi)
        {
          slot->source = KPI_FROM_DRIVER;
          slot->row = stage == PL_STAGE_CHURN ? PL_DRIVER_CHURN : PL_DRIVER_MARGIN;
        }
      else if (formula != NULL && *formula != '\0')
        {
          slot->source = KPI_FROM_FORMULA;
          /* Parsed once here: a what-if only evaluates. */
          slot->formula = pl_formula_parse (formula, NULL);
        }
      else
        slot->source = KPI_FROM_WINDOW;
    }
  /* The references resolved to indices once, so that evaluating looks nothing up by name. */
  for (guint i = 0; i < self->n_kpis; i++)
    {
      KpiSlot *slot = &self->kpis[i];
      guint n = 0;

      if (slot->formula == NULL)
        continue;
      slot->refs = pl_formula_get_references (slot->formula);
      while (slot->refs[n] != NULL)
        n++;
      slot->operands = g_new (int, n + 1);
      for (guint r = 0; r < n; r++)
        {
          PlItem *item = pl_plan_lookup (self->plan, slot->refs[r]);
          gpointer index = item != NULL && PL_IS_KPI (item) ? g_hash_table_lookup (self->kpi_index, item) : NULL;
          slot->operands[r] = index != NULL ? (int) GPOINTER_TO_UINT (index) - 1 : -1;
        }
    }
  order_formulas (self);
}

PlProjector *
pl_projector_new (PlPlan *plan)
{
  PlProjector *self;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  self = g_rc_box_new0 (PlProjector);
  self->plan = g_object_ref (plan);
  self->n_months = pl_plan_get_months (plan);
  read_budget (self);
  read_kpis (self);
  read_goal_shapes (self);
  self->window_values = g_new0 (double, self->n_kpis + 1);
  return self;
}

static void
projector_clear (gpointer data)
{
  PlProjector *self = data;

  for (guint i = 0; i < self->n_kpis; i++)
    {
      pl_formula_free (self->kpis[i].formula);
      g_free (self->kpis[i].operands);
    }
  g_free (self->kpis);
  g_clear_pointer (&self->kpi_index, g_hash_table_unref);
  g_free (self->order);
  g_strfreev (self->bucket_ids);
  g_free (self->acquisition);
  g_free (self->planned);
  g_free (self->goal_shape[0]);
  g_free (self->goal_shape[1]);
  g_free (self->window_values);
  g_clear_object (&self->plan);
}

void
pl_projector_free (PlProjector *projector)
{
  if (projector != NULL)
    g_rc_box_release_full (projector, projector_clear);
}

void
pl_projector_spend_factors (PlProjector *projector, const PlDrivers *drivers, double *factors)
{
  /* The plan-wide change and a category's compound: -20 % on all and -50 % on events leave
   * events 0.8 x 0.5 = 40 % of their plan. */
  double all = 1 + pl_drivers_get (drivers, PL_DRIVER_SPEND_CHANGE, NULL) / 100;

  for (guint b = 0; b < projector->n_buckets; b++)
    factors[b] = all * (projector->bucket_ids[b] != NULL
                          ? 1 + pl_drivers_get_category_change (drivers, projector->bucket_ids[b]) / 100
                          : 1);
}

void
pl_projector_month_spend (PlProjector *projector, const double *factors, guint m, double *spend,
                          double *acquisition)
{
  double all = 0, acquired = 0;

  for (guint b = 0; b < projector->n_buckets; b++)
    {
      double amount = projector->planned[b * projector->n_months + m] * factors[b];
      all += amount;
      if (projector->acquisition[b])
        acquired += amount;
    }
  *spend = all;
  if (acquisition != NULL)
    *acquisition = acquired;
}

/* The window KPIs' monthly values, computed again only when the drivers' window moves or a
 * measurement changes. A summed KPI's monthly value is its window's monthly mean; a level
 * keeps its value. */
static void
read_window (PlProjector *self, const PlDrivers *drivers)
{
  static const PlCollection sources[] = { PL_COLLECTION_KPIS, PL_COLLECTION_SPEND };
  guint32 from, to;
  guint months = pl_drivers_get_window (drivers, &from, &to);
  guint64 serial = pl_plan_get_collections_serial (self->plan, sources, G_N_ELEMENTS (sources));
  PlBasis basis = pl_basis_range (from, to);

  if (self->window_known && from == self->window_from && to == self->window_to && serial == self->window_serial)
    return;
  for (guint i = 0; i < self->n_kpis; i++)
    {
      KpiSlot *slot = &self->kpis[i];
      double value;

      if (slot->source != KPI_FROM_WINDOW)
        continue;
      value = months > 0 ? pl_figures_kpi (self->plan, slot->kpi, PL_SERIES_MEASUREMENTS, &basis).value : NAN;
      self->window_values[i] = slot->aggregate == PL_AGGREGATE_SUM ? value / MAX (months, 1) : value;
    }
  self->window_from = from;
  self->window_to = to;
  self->window_serial = serial;
  self->window_known = TRUE;
}

/* ---- forward ---- */

static double *
row_of (PlProjection *projection, PlProjectionRow row)
{
  return projection->rows + row * (projection->n_months + 2);
}

void
pl_projection_sum_months (double *values, guint n)
{
  double total = 0;

  for (guint m = 0; m < n; m++)
    total += values[m];
  values[n] = total;
}

double
pl_projection_column (const double *values, guint n, int month, int extra)
{
  if (month == PL_PROJECTION_TOTAL)
    return values[n];
  if (month == extra)
    return values[n + 1];
  if (month < 0 || (guint) month >= n)
    return NAN;
  return values[month];
}

typedef struct {
  const KpiSlot *slot;
  const double  *values;
  guint          stride;
  guint          column;
} Operands;

static double
lookup_operand (const char *id, gpointer user_data)
{
  const Operands *operands = user_data;
  const KpiSlot *slot = operands->slot;

  /* pl_formula_evaluate() hands back the strings of pl_formula_get_references(): the
   * pointer finds the reference without comparing text; strcmp only as a fallback. */
  for (guint r = 0; slot->refs[r] != NULL; r++)
    if (slot->refs[r] == id)
      return slot->operands[r] < 0 ? NAN : operands->values[slot->operands[r] * operands->stride + operands->column];
  for (guint r = 0; slot->refs[r] != NULL; r++)
    if (strcmp (slot->refs[r], id) == 0)
      return slot->operands[r] < 0 ? NAN : operands->values[slot->operands[r] * operands->stride + operands->column];
  return NAN;
}

static void
combine_kpi (double *values, guint n, PlAggregate aggregate)
{
  double sum = 0, last = NAN;
  guint count = 0;

  for (guint m = 0; m < n; m++)
    if (!isnan (values[m]))
      {
        sum += values[m];
        last = values[m];
        count++;
      }
  switch (aggregate)
    {
    case PL_AGGREGATE_LAST:
      values[n] = last;
      break;
    case PL_AGGREGATE_MEAN:
      values[n] = count > 0 ? sum / count : NAN;
      break;
    case PL_AGGREGATE_SUM:
    default:
      values[n] = count > 0 ? sum : NAN;
      break;
    }
}

static void
project_kpis (PlProjector *self, const PlDrivers *drivers, PlProjection *projection)
{
  guint n = self->n_months, stride = n + 1;

  read_window (self, drivers);
  for (guint i = 0; i < self->n_kpis; i++)
    {
      const KpiSlot *slot = &self->kpis[i];
      double *values = projection->kpis + i * stride;

      switch (slot->source)
        {
        case KPI_FROM_ROW:
          memcpy (values, row_of (projection, slot->row), sizeof (double) * n);
          break;
        case KPI_FROM_DRIVER:
          {
            double value = pl_drivers_get (drivers, slot->row, NULL);
            for (guint m = 0; m < n; m++)
              values[m] = value;
            break;
          }
        case KPI_FROM_WINDOW:
          for (guint m = 0; m < n; m++)
            values[m] = self->window_values[i];
          break;
        case KPI_FROM_FORMULA:
        default:
          /* Filled below, in order; loops and unreadable formulas stay NAN. */
          for (guint m = 0; m <= n; m++)
            values[m] = NAN;
          continue;
        }
      combine_kpi (values, n, slot->aggregate);
    }
  /* A formula's total is the formula over its operands' totals (CPL over the period is the
   * period's spend over its leads), as pl_figures_kpi() computes it over any span. */
  for (guint o = 0; o < self->n_order; o++)
    {
      guint i = self->order[o];
      const KpiSlot *slot = &self->kpis[i];
      Operands operands = { slot, projection->kpis, stride, 0 };

      if (slot->formula == NULL)
        continue;
      for (operands.column = 0; operands.column <= n; operands.column++)
        projection->kpis[i * stride + operands.column] = pl_formula_evaluate (slot->formula, lookup_operand, &operands);
    }
}

void
pl_projector_forward_into (PlProjector *projector, const PlDrivers *drivers, PlProjection *projection)
{
  guint n;
  double cpl, ltv, acquisition_total = 0;
  double *spend, *leads, *mql, *sql, *customers, *revenue, *cac, *ltv_row, *ltv_cac, *roi;
  g_autofree double *factors = NULL;
  g_autofree double *acquisition = NULL;

  g_return_if_fail (projector != NULL && drivers != NULL && projection != NULL);
  g_return_if_fail (projection->projector == projector);
  n = projector->n_months;
  spend = row_of (projection, PL_PROJECTION_SPEND);
  leads = row_of (projection, PL_PROJECTION_LEADS);
  mql = row_of (projection, PL_PROJECTION_MQL);
  sql = row_of (projection, PL_PROJECTION_SQL);
  customers = row_of (projection, PL_PROJECTION_CUSTOMERS);
  revenue = row_of (projection, PL_PROJECTION_REVENUE);
  cac = row_of (projection, PL_PROJECTION_CAC);
  ltv_row = row_of (projection, PL_PROJECTION_LTV);
  ltv_cac = row_of (projection, PL_PROJECTION_LTV_CAC);
  roi = row_of (projection, PL_PROJECTION_ROI);

  factors = g_new (double, projector->n_buckets);
  acquisition = g_new (double, n + 1);
  pl_projector_spend_factors (projector, drivers, factors);
  cpl = pl_drivers_get (drivers, PL_DRIVER_CPL, NULL);
  for (guint m = 0; m < n; m++)
    {
      pl_projector_month_spend (projector, factors, m, &spend[m], &acquisition[m]);
      leads[m] = pl_projection_divide (spend[m], cpl);
      acquisition_total += acquisition[m];
    }
  /* Leads come in the month their spend is made: no spend passes the period's end. */
  leads[n + 1] = 0;
  spend[n + 1] = NAN;
  pl_projection_sum_months (spend, n);
  pl_projection_sum_months (leads, n);
  pl_projection_shift (leads, mql, n, pl_drivers_get (drivers, PL_DRIVER_LEAD_TO_MQL, NULL),
                       pl_drivers_get (drivers, PL_DRIVER_DELAY_LEAD_TO_MQL, NULL), FALSE);
  pl_projection_sum_months (mql, n);
  pl_projection_shift (mql, sql, n, pl_drivers_get (drivers, PL_DRIVER_MQL_TO_SQL, NULL),
                       pl_drivers_get (drivers, PL_DRIVER_DELAY_MQL_TO_SQL, NULL), FALSE);
  pl_projection_sum_months (sql, n);
  pl_projection_shift (sql, customers, n, pl_drivers_get (drivers, PL_DRIVER_SQL_TO_CUSTOMER, NULL),
                       pl_drivers_get (drivers, PL_DRIVER_DELAY_SQL_TO_CUSTOMER, NULL), FALSE);
  pl_projection_sum_months (customers, n);
  for (guint m = 0; m <= n + 1; m++)
    revenue[m] = customers[m] * pl_drivers_get (drivers, PL_DRIVER_DEAL, NULL);

  ltv = pl_projection_divide (pl_drivers_get (drivers, PL_DRIVER_ARPU, NULL) * pl_drivers_get (drivers, PL_DRIVER_MARGIN, NULL),
                              pl_drivers_get (drivers, PL_DRIVER_CHURN, NULL));
  acquisition[n] = acquisition_total;
  for (guint m = 0; m <= n; m++)
    {
      /* CAC's cost is the acquisition categories' spend only, as PL_FIGURE_CAC's. */
      cac[m] = pl_projection_divide (acquisition[m], customers[m]);
      ltv_row[m] = ltv;
      ltv_cac[m] = pl_projection_divide (ltv, cac[m]);
      roi[m] = pl_projection_divide (revenue[m] - spend[m], spend[m]);
    }
  cac[n + 1] = ltv_row[n + 1] = ltv_cac[n + 1] = roi[n + 1] = NAN;

  project_kpis (projector, drivers, projection);
}

PlProjection *
pl_projector_forward (PlProjector *projector, const PlDrivers *drivers)
{
  PlProjection *projection;

  g_return_val_if_fail (projector != NULL && drivers != NULL, NULL);
  projection = g_new0 (PlProjection, 1);
  projection->projector = g_rc_box_acquire (projector);
  projection->n_months = projector->n_months;
  projection->rows = g_new0 (double, PL_N_PROJECTION_ROWS * (projector->n_months + 2));
  projection->kpis = g_new0 (double, projector->n_kpis * (projector->n_months + 1) + 1);
  pl_projector_forward_into (projector, drivers, projection);
  return projection;
}

PlProjection *
pl_projection_copy (const PlProjection *projection)
{
  PlProjection *copy;
  gsize n_rows, n_kpis;

  g_return_val_if_fail (projection != NULL, NULL);
  n_rows = PL_N_PROJECTION_ROWS * (projection->n_months + 2);
  n_kpis = projection->projector->n_kpis * (projection->n_months + 1) + 1;
  copy = g_new0 (PlProjection, 1);
  copy->projector = g_rc_box_acquire (projection->projector);
  copy->n_months = projection->n_months;
  copy->rows = g_memdup2 (projection->rows, sizeof (double) * n_rows);
  copy->kpis = g_memdup2 (projection->kpis, sizeof (double) * n_kpis);
  return copy;
}

void
pl_projection_free (PlProjection *projection)
{
  if (projection == NULL)
    return;
  pl_projector_free (projection->projector);
  g_free (projection->rows);
  g_free (projection->kpis);
  g_free (projection);
}

guint
pl_projection_get_n_months (const PlProjection *projection)
{
  g_return_val_if_fail (projection != NULL, 0);
  return projection->n_months;
}

double
pl_projection_get (const PlProjection *projection, PlProjectionRow row, int month)
{
  g_return_val_if_fail (projection != NULL && row < PL_N_PROJECTION_ROWS, NAN);
  return pl_projection_column (projection->rows + row * (projection->n_months + 2), projection->n_months, month,
                               PL_PROJECTION_AFTER_PERIOD);
}

double
pl_projection_get_kpi (const PlProjection *projection, PlKpi *kpi, int month)
{
  guint n, index;

  g_return_val_if_fail (projection != NULL && PL_IS_KPI (kpi), NAN);
  n = projection->n_months;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (projection->projector->kpi_index, kpi));
  if (index == 0)
    return NAN;
  if (month == PL_PROJECTION_TOTAL)
    return projection->kpis[(index - 1) * (n + 1) + n];
  if (month < 0 || (guint) month >= n)
    return NAN;
  return projection->kpis[(index - 1) * (n + 1) + (guint) month];
}

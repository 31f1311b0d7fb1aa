/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-drivers"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-basis.h"
#include "pl-drivers.h"
#include "pl-error.h"
#include "pl-figures.h"
#include "pl-money.h"

typedef struct {
  char   *category_id;
  double  percent;
} CategoryChange;

struct _PlDrivers {
  double         value[PL_N_DRIVERS];
  PlDriverSource source[PL_N_DRIVERS];
  /* What reset goes back to: the value from history, or the default. */
  double         base[PL_N_DRIVERS];
  PlDriverSource base_source[PL_N_DRIVERS];
  guint          window;        /* months in [from, to); 0 when nothing is measured */
  guint          asked;         /* the window asked for, which history may not fill */
  guint32        from, to;
  /* Each ratio driver's best single month in the window (pl_drivers_get_best_month), and
   * that month's first day; 0 when no month measures both its terms. */
  double         best[PL_N_DRIVERS];
  guint32        best_month[PL_N_DRIVERS];
  GArray        *categories;    /* CategoryChange, none with a zero percent */
};

static const struct {
  const char   *key;
  const char   *name;
  PlDriverUnit  unit;
} driver_info[PL_N_DRIVERS] = {
  [PL_DRIVER_CPL] = { "cpl", N_("Cost per lead"), PL_DRIVER_UNIT_MONEY },
  [PL_DRIVER_LEAD_TO_MQL] = { "lead-to-mql", N_("Lead to MQL conversion"), PL_DRIVER_UNIT_RATE },
  [PL_DRIVER_MQL_TO_SQL] = { "mql-to-sql", N_("MQL to SQL conversion"), PL_DRIVER_UNIT_RATE },
  [PL_DRIVER_SQL_TO_CUSTOMER] = { "sql-to-customer", N_("SQL to customer conversion"), PL_DRIVER_UNIT_RATE },
  [PL_DRIVER_DELAY_LEAD_TO_MQL] = { "delay-lead-to-mql", N_("Days from lead to MQL"), PL_DRIVER_UNIT_DAYS },
  [PL_DRIVER_DELAY_MQL_TO_SQL] = { "delay-mql-to-sql", N_("Days from MQL to SQL"), PL_DRIVER_UNIT_DAYS },
  [PL_DRIVER_DELAY_SQL_TO_CUSTOMER] = { "delay-sql-to-customer", N_("Days from SQL to customer"), PL_DRIVER_UNIT_DAYS },
  [PL_DRIVER_DEAL] = { "deal", N_("Revenue per new customer"), PL_DRIVER_UNIT_MONEY },
  [PL_DRIVER_ARPU] = { "arpu", N_("Monthly revenue per customer"), PL_DRIVER_UNIT_MONEY },
  [PL_DRIVER_MARGIN] = { "margin", N_("Gross margin"), PL_DRIVER_UNIT_RATE },
  [PL_DRIVER_CHURN] = { "churn", N_("Monthly churn"), PL_DRIVER_UNIT_RATE },
  [PL_DRIVER_SPEND_CHANGE] = { "spend-change", N_("Change in planned spend"), PL_DRIVER_UNIT_PERCENT_CHANGE },
};

const char *
pl_driver_key (PlDriver driver)
{
  g_return_val_if_fail (driver < PL_N_DRIVERS, NULL);
  return driver_info[driver].key;
}

gboolean
pl_driver_from_key (const char *key, PlDriver *driver)
{
  for (guint i = 0; key != NULL && i < PL_N_DRIVERS; i++)
    if (strcmp (driver_info[i].key, key) == 0)
      {
        if (driver != NULL)
          *driver = (PlDriver) i;
        return TRUE;
      }
  return FALSE;
}

const char *
pl_driver_name (PlDriver driver)
{
  g_return_val_if_fail (driver < PL_N_DRIVERS, NULL);
  return _(driver_info[driver].name);
}

PlDriverUnit
pl_driver_unit (PlDriver driver)
{
  g_return_val_if_fail (driver < PL_N_DRIVERS, PL_DRIVER_UNIT_MONEY);
  return driver_info[driver].unit;
}

static void
category_change_clear (gpointer data)
{
  g_free (((CategoryChange *) data)->category_id);
}

static PlDrivers *
drivers_alloc (void)
{
  PlDrivers *self = g_new0 (PlDrivers, 1);

  self->categories = g_array_new (FALSE, FALSE, sizeof (CategoryChange));
  g_array_set_clear_func (self->categories, category_change_clear);
  return self;
}

/* The first day of the month after the last one measured on or before @as_of, and the
 * first day of the first month measured; FALSE when nothing is measured by then. Any KPI's
 * measurement counts: the window is the months the plan has figures for. */
static gboolean
measured_months (PlPlan *plan, guint32 as_of, guint32 *first, guint32 *last)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  guint32 lo = G_MAXUINT32, hi = 0;

  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      PlSeries *series = pl_kpi_get_measurements (PL_KPI (kpi));
      guint end = pl_series_lower_bound (series, as_of + 1);

      if (end == 0)
        continue;
      lo = MIN (lo, pl_series_get (series, 0)->julian);
      hi = MAX (hi, pl_series_get (series, end - 1)->julian);
    }
  if (hi == 0)
    return FALSE;
  *first = pl_month_first_day (lo, 0);
  *last = pl_month_first_day (hi, 1);
  return TRUE;
}

static void
set_base (PlDrivers *self, PlDriver driver, double value, PlDriverSource source)
{
  self->base[driver] = self->value[driver] = value;
  self->base_source[driver] = self->source[driver] = source;
}

static void
set_measured (PlDrivers *self, PlDriver driver, double value)
{
  if (isfinite (value))
    set_base (self, driver, value, PL_DRIVER_FROM_HISTORY);
  else
    set_base (self, driver, NAN, PL_DRIVER_MISSING);
}

/* @stage's figure over @basis; spend from the plan's one source (PL_FIGURE_SPEND). */
static double
stage_over (PlPlan *plan, PlStage stage, const PlBasis *basis)
{
  if (stage == PL_STAGE_SPEND)
    return pl_figures_get (plan, PL_FIGURE_SPEND, basis).value;
  return pl_figures_stage (plan, stage, basis).value;
}

/* TRUE when @driver is better at @a than at @b: a lower cost per lead, a higher rate or deal. */
static gboolean
better (PlDriver driver, double a, double b)
{
  return driver == PL_DRIVER_CPL ? a < b : a > b;
}

/* A month's ratio that says what the plan achieved: a month that bought leads for nothing
 * (CPL 0) says nothing of what they cost, and a rate above 100 % is one stage's volume
 * arriving before the other's, not a conversion any month could repeat. */
static gboolean
achievable (PlDriver driver, double ratio)
{
  if (driver == PL_DRIVER_CPL)
    return ratio > 0;
  if (driver == PL_DRIVER_DEAL)
    return ratio >= 0;
  return ratio >= 0 && ratio <= 1;
}

/* @driver from @numerator's sum over @denominator's, both over the window's months where
 * both are measured: a month whose leads are not in yet while its spend is would otherwise
 * count its spend against no leads and raise the CPL by a third. Missing when no month has
 * both or the denominator's sum is zero. Keeps the best of those months' own ratios too
 * (the latest on a tie: the nearer month is the more telling). */
static void
measure_ratio (PlDrivers *self, PlPlan *plan, PlDriver driver, PlStage numerator, PlStage denominator)
{
  double a = 0, b = 0;
  guint paired = 0;

  self->best[driver] = NAN;
  self->best_month[driver] = 0;
  for (guint32 day = self->from; day < self->to; day = pl_month_first_day (day, 1))
    {
      PlBasis month = pl_basis_range (day, pl_month_first_day (day, 1));
      double x = stage_over (plan, numerator, &month), y = stage_over (plan, denominator, &month);

      if (isnan (x) || isnan (y))
        continue;
      a += x;
      b += y;
      paired++;
      if (y != 0 && achievable (driver, x / y) &&
          (self->best_month[driver] == 0 || !better (driver, self->best[driver], x / y)))
        {
          self->best[driver] = x / y;
          self->best_month[driver] = day;
        }
    }
  set_measured (self, driver, paired > 0 && b != 0 ? a / b : NAN);
}

/* ARPU: MRR over paying customers in the window's last month that measures both (levels,
 * not sums: one month's pair says it). NAN when none does. */
static double
paired_arpu (PlPlan *plan, const PlDrivers *self)
{
  for (guint32 day = self->to; day > self->from; )
    {
      PlBasis month;

      day = pl_month_first_day (day, -1);
      month = pl_basis_range (day, pl_month_first_day (day, 1));
      if (!isnan (stage_over (plan, PL_STAGE_MRR, &month)) && !isnan (stage_over (plan, PL_STAGE_CUSTOMERS, &month)))
        return pl_figures_get (plan, PL_FIGURE_ARPU, &month).value;
    }
  return NAN;
}

PlDrivers *
pl_drivers_new_from_plan (PlPlan *plan, guint window, guint32 as_of)
{
  PlDrivers *self;
  guint32 first, last;
  PlBasis basis;
  PlFigure figure;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  self = drivers_alloc ();
  window = MAX (window, 1);
  self->asked = window;
  if (measured_months (plan, as_of, &first, &last))
    {
      /* Never before the first month measured: "the last 3 months" of a plan measured for
       * one would average two empty months in. */
      self->to = last;
      self->from = MAX (pl_month_first_day (last, -(int) window), first);
      for (guint32 day = self->from; day < self->to; day = pl_month_first_day (day, 1))
        self->window++;
    }
  else
    self->from = self->to = pl_month_first_day (MIN (as_of, pl_plan_get_start (plan)), 0);
  basis = pl_basis_range (self->from, self->to);

  /* With an empty window every figure is missing, and the defaults still apply below. */
  measure_ratio (self, plan, PL_DRIVER_CPL, PL_STAGE_SPEND, PL_STAGE_LEADS);
  measure_ratio (self, plan, PL_DRIVER_LEAD_TO_MQL, PL_STAGE_MQL, PL_STAGE_LEADS);
  measure_ratio (self, plan, PL_DRIVER_MQL_TO_SQL, PL_STAGE_SQL, PL_STAGE_MQL);
  measure_ratio (self, plan, PL_DRIVER_SQL_TO_CUSTOMER, PL_STAGE_NEW_CUSTOMERS, PL_STAGE_SQL);
  measure_ratio (self, plan, PL_DRIVER_DEAL, PL_STAGE_REVENUE, PL_STAGE_NEW_CUSTOMERS);
  set_measured (self, PL_DRIVER_ARPU, paired_arpu (plan, self));
  figure = pl_figures_stage (plan, PL_STAGE_MARGIN, &basis);
  /* DOMAIN.md: with no margin given, LTV takes 100 % and says so. */
  if (isfinite (figure.value))
    set_base (self, PL_DRIVER_MARGIN, figure.value, PL_DRIVER_FROM_HISTORY);
  else
    set_base (self, PL_DRIVER_MARGIN, 1.0, PL_DRIVER_DEFAULT);
  set_measured (self, PL_DRIVER_CHURN, pl_figures_stage (plan, PL_STAGE_CHURN, &basis).value);
  /* Monthly totals cannot tell how long a lead takes to become an MQL: delays are assumptions. */
  set_base (self, PL_DRIVER_DELAY_LEAD_TO_MQL, 0, PL_DRIVER_DEFAULT);
  set_base (self, PL_DRIVER_DELAY_MQL_TO_SQL, 0, PL_DRIVER_DEFAULT);
  set_base (self, PL_DRIVER_DELAY_SQL_TO_CUSTOMER, 0, PL_DRIVER_DEFAULT);
  set_base (self, PL_DRIVER_SPEND_CHANGE, 0, PL_DRIVER_DEFAULT);
  return self;
}

PlDrivers *
pl_drivers_copy (const PlDrivers *drivers)
{
  PlDrivers *self;

  g_return_val_if_fail (drivers != NULL, NULL);
  self = drivers_alloc ();
  memcpy (self->value, drivers->value, sizeof self->value);
  memcpy (self->source, drivers->source, sizeof self->source);
  memcpy (self->base, drivers->base, sizeof self->base);
  memcpy (self->base_source, drivers->base_source, sizeof self->base_source);
  memcpy (self->best, drivers->best, sizeof self->best);
  memcpy (self->best_month, drivers->best_month, sizeof self->best_month);
  self->window = drivers->window;
  self->asked = drivers->asked;
  self->from = drivers->from;
  self->to = drivers->to;
  for (guint i = 0; i < drivers->categories->len; i++)
    {
      CategoryChange change = g_array_index (drivers->categories, CategoryChange, i);
      change.category_id = g_strdup (change.category_id);
      g_array_append_val (self->categories, change);
    }
  return self;
}

void
pl_drivers_free (PlDrivers *drivers)
{
  if (drivers == NULL)
    return;
  g_array_unref (drivers->categories);
  g_free (drivers);
}

double
pl_drivers_get (const PlDrivers *drivers, PlDriver driver, PlDriverSource *source)
{
  g_return_val_if_fail (drivers != NULL && driver < PL_N_DRIVERS, NAN);
  if (source != NULL)
    *source = drivers->source[driver];
  return drivers->value[driver];
}

static gboolean
refuse (GError **error, const char *message)
{
  g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE, message);
  return FALSE;
}

static gboolean
check_percent_change (double percent, GError **error)
{
  if (!isfinite (percent))
    return refuse (error, _("A change in spend must be a number."));
  if (percent < -100)
    return refuse (error, _("A change in spend cannot cut more than 100 %: type a change of -100 % or more."));
  return TRUE;
}

/* The range each driver accepts: what the chain can compute with and a plan can hold. */
static gboolean
check_value (PlDriver driver, double value, GError **error)
{
  if (driver == PL_DRIVER_SPEND_CHANGE)
    return check_percent_change (value, error);
  if (!isfinite (value))
    return refuse (error, _("A driver's value must be a number."));
  switch (driver)
    {
    case PL_DRIVER_CPL:
      if (value <= 0 || value > PL_MONEY_MAX_UNITS)
        return refuse (error, _("The cost per lead must be more than 0."));
      return TRUE;
    case PL_DRIVER_DEAL:
    case PL_DRIVER_ARPU:
      if (value < 0 || value > PL_MONEY_MAX_UNITS)
        return refuse (error, _("Revenue per customer cannot be negative."));
      return TRUE;
    case PL_DRIVER_LEAD_TO_MQL:
    case PL_DRIVER_MQL_TO_SQL:
    case PL_DRIVER_SQL_TO_CUSTOMER:
    case PL_DRIVER_MARGIN:
      /* A stage that converts nothing is possible; more than all of it is not. */
      if (value < 0 || value > 1)
        return refuse (error, _("A conversion rate or margin is between 0 % and 100 %."));
      return TRUE;
    case PL_DRIVER_CHURN:
      /* No churn at all would make every customer's lifetime value infinite. */
      if (value <= 0 || value > 1)
        return refuse (error, _("Monthly churn is more than 0 % and at most 100 %."));
      return TRUE;
    case PL_DRIVER_DELAY_LEAD_TO_MQL:
    case PL_DRIVER_DELAY_MQL_TO_SQL:
    case PL_DRIVER_DELAY_SQL_TO_CUSTOMER:
      if (value < 0 || value > 365)
        return refuse (error, _("A delay between stages is from 0 to 365 days."));
      return TRUE;
    case PL_DRIVER_SPEND_CHANGE:
    case PL_N_DRIVERS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
pl_drivers_set (PlDrivers *drivers, PlDriver driver, double value, GError **error)
{
  g_return_val_if_fail (drivers != NULL && driver < PL_N_DRIVERS, FALSE);
  if (!check_value (driver, value, error))
    return FALSE;
  drivers->value[driver] = value;
  drivers->source[driver] = PL_DRIVER_ASSUMED;
  return TRUE;
}

void
pl_drivers_reset (PlDrivers *drivers, PlDriver driver)
{
  g_return_if_fail (drivers != NULL && driver < PL_N_DRIVERS);
  drivers->value[driver] = drivers->base[driver];
  drivers->source[driver] = drivers->base_source[driver];
}

void
pl_drivers_take_assumptions (PlDrivers *drivers, const PlDrivers *from)
{
  g_return_if_fail (drivers != NULL && from != NULL);
  for (guint i = 0; i < PL_N_DRIVERS; i++)
    if (from->source[i] == PL_DRIVER_ASSUMED)
      {
        drivers->value[i] = from->value[i];
        drivers->source[i] = PL_DRIVER_ASSUMED;
      }
  for (guint i = 0; i < from->categories->len; i++)
    {
      const CategoryChange *change = &g_array_index (from->categories, CategoryChange, i);
      /* Refused only below -100 %, which @from already refused. */
      pl_drivers_set_category_change (drivers, change->category_id, change->percent, NULL);
    }
}

gboolean
pl_drivers_has_assumptions (const PlDrivers *drivers)
{
  g_return_val_if_fail (drivers != NULL, FALSE);
  for (guint i = 0; i < PL_N_DRIVERS; i++)
    if (drivers->source[i] == PL_DRIVER_ASSUMED)
      return TRUE;
  return drivers->categories->len > 0;
}

static gint
find_category (const PlDrivers *drivers, const char *category_id)
{
  for (guint i = 0; i < drivers->categories->len; i++)
    if (g_strcmp0 (g_array_index (drivers->categories, CategoryChange, i).category_id, category_id) == 0)
      return (gint) i;
  return -1;
}

double
pl_drivers_get_category_change (const PlDrivers *drivers, const char *category_id)
{
  gint i;

  g_return_val_if_fail (drivers != NULL, 0);
  i = find_category (drivers, category_id);
  return i < 0 ? 0 : g_array_index (drivers->categories, CategoryChange, i).percent;
}

gboolean
pl_drivers_set_category_change (PlDrivers *drivers, const char *category_id, double percent,
                                GError **error)
{
  gint i;

  g_return_val_if_fail (drivers != NULL && category_id != NULL, FALSE);
  if (!check_percent_change (percent, error))
    return FALSE;
  i = find_category (drivers, category_id);
  if (i >= 0 && percent == 0)
    g_array_remove_index (drivers->categories, (guint) i);
  else if (i >= 0)
    g_array_index (drivers->categories, CategoryChange, i).percent = percent;
  else if (percent != 0)
    {
      CategoryChange change = { g_strdup (category_id), percent };
      g_array_append_val (drivers->categories, change);
    }
  return TRUE;
}

char **
pl_drivers_list_category_changes (const PlDrivers *drivers)
{
  char **ids;

  g_return_val_if_fail (drivers != NULL, NULL);
  ids = g_new0 (char *, drivers->categories->len + 1);
  for (guint i = 0; i < drivers->categories->len; i++)
    ids[i] = g_strdup (g_array_index (drivers->categories, CategoryChange, i).category_id);
  return ids;
}

guint
pl_drivers_get_window (const PlDrivers *drivers, guint32 *from, guint32 *to)
{
  g_return_val_if_fail (drivers != NULL, 0);
  if (from != NULL)
    *from = drivers->from;
  if (to != NULL)
    *to = drivers->to;
  return drivers->window;
}

guint
pl_drivers_get_asked_window (const PlDrivers *drivers)
{
  g_return_val_if_fail (drivers != NULL, 0);
  return drivers->asked;
}

gboolean
pl_drivers_get_best_month (const PlDrivers *drivers, PlDriver driver, double *value, guint32 *month)
{
  g_return_val_if_fail (drivers != NULL && driver < PL_N_DRIVERS, FALSE);
  if (drivers->best_month[driver] == 0)
    return FALSE;
  if (value != NULL)
    *value = drivers->best[driver];
  if (month != NULL)
    *month = drivers->best_month[driver];
  return TRUE;
}

static const char *
describe_default (PlDriver driver)
{
  switch (driver)
    {
    case PL_DRIVER_MARGIN:
      /* xgettext:no-c-format */
      return _("Default: 100 % margin");
    case PL_DRIVER_SPEND_CHANGE:
      return _("Default: no change");
    case PL_DRIVER_DELAY_LEAD_TO_MQL:
    case PL_DRIVER_DELAY_MQL_TO_SQL:
    case PL_DRIVER_DELAY_SQL_TO_CUSTOMER:
    default:
      return _("Default: no delay");
    }
}

char *
pl_drivers_describe_source (const PlDrivers *drivers, PlPlan *plan, PlDriver driver)
{
  g_return_val_if_fail (drivers != NULL && PL_IS_PLAN (plan) && driver < PL_N_DRIVERS, NULL);
  switch (drivers->source[driver])
    {
    case PL_DRIVER_FROM_HISTORY:
      {
        PlBasis basis = pl_basis_range (drivers->from, drivers->to);
        g_autofree char *months = pl_basis_describe (plan, &basis);
        if (drivers->window == 1)
          /* Translators: where a driver's value comes from; %s names the month ("June 2027") */
          return g_strdup_printf (_("Last month (%s)"), months);
        /* Translators: where a driver's value comes from; %u months (2 or more), %s names
         * them ("Last 3 months (April to June 2027)") */
        return g_strdup_printf (ngettext ("Last %u month (%s)", "Last %u months (%s)", drivers->window),
                                drivers->window, months);
      }
    case PL_DRIVER_ASSUMED:
      return g_strdup (_("Assumption"));
    case PL_DRIVER_DEFAULT:
      return g_strdup (describe_default (driver));
    case PL_DRIVER_MISSING:
    default:
      return g_strdup (_("Not measured"));
    }
}

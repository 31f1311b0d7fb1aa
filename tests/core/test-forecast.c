/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Forecasts and latest estimates on series made by hand, checked to the unit: each method,
 * the back-test's choice, the 80 % band, a KPI's estimate by its aggregate, the gaps and
 * zeros a real history holds, and the bundled example plan. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pl-date-text.h"
#include "pl-forecast.h"
#include "pl-plan-file.h"

#define EXACT 1e-9

/* 10, 15, 20...: a straight line. */
static void
line (double *y, guint n, double first, double slope)
{
  for (guint i = 0; i < n; i++)
    y[i] = first + slope * i;
}

static void
test_line (void)
{
  double y[8];
  PlForecast f;

  line (y, 8, 10, 5);
  g_assert_true (pl_forecast_series_with (y, 8, 3, PL_FORECAST_DRIFT, &f));
  g_assert_cmpfloat_with_epsilon (f.points[0].value, 50, EXACT);
  g_assert_cmpfloat_with_epsilon (f.points[2].value, 60, EXACT);
  g_assert_true (pl_forecast_series_with (y, 8, 3, PL_FORECAST_HOLT, &f));
  g_assert_cmpfloat_with_epsilon (f.points[0].value, 50, EXACT);
  g_assert_cmpfloat_with_epsilon (f.points[2].value, 60, EXACT);
  g_assert_true (pl_forecast_series_with (y, 8, 2, PL_FORECAST_NAIVE, &f));
  g_assert_cmpfloat (f.points[1].value, ==, 45);
  g_assert_cmpint (f.why, ==, PL_FORECAST_WHY_FORCED);

  /* Chosen: drift and Holt both make no error; the tie goes to the simpler. */
  g_assert_true (pl_forecast_series (y, 8, 4, &f));
  g_assert_cmpint (f.method, ==, PL_FORECAST_DRIFT);
  g_assert_cmpint (f.why, ==, PL_FORECAST_WHY_BACKTEST);
  g_assert_cmpfloat_with_epsilon (f.mape, 0, EXACT);
  g_assert_cmpfloat_with_epsilon (f.mape_of[PL_FORECAST_HOLT], 0, EXACT);
  g_assert_cmpfloat (f.mape_naive, >, 0);
  g_assert_cmpfloat_with_epsilon (f.points[3].value, 65, EXACT);
  /* No error in the back-test, no band. */
  g_assert_cmpfloat_with_epsilon (f.points[3].low, 65, EXACT);
  g_assert_cmpfloat_with_epsilon (f.points[3].high, 65, EXACT);
}

static const double season[12] = { 80, 95, 120, 110, 100, 90, 60, 55, 105, 130, 140, 115 };

static void
test_seasonal (void)
{
  double y[36];
  PlForecast f;

  for (guint i = 0; i < 36; i++)
    y[i] = season[i % 12] + 0 * i;
  g_assert_true (pl_forecast_series (y, 36, 12, &f));
  g_assert_cmpint (f.method, ==, PL_FORECAST_SEASONAL_NAIVE);
  g_assert_cmpfloat_with_epsilon (f.mape, 0, EXACT);
  for (guint h = 0; h < 12; h++)
    {
      g_assert_cmpfloat_with_epsilon (f.points[h].value, season[h], EXACT);
      g_assert_cmpfloat_with_epsilon (f.points[h].high - f.points[h].low, 0, EXACT);
    }
  /* Forced, with a history that does not start in January. */
  g_assert_true (pl_forecast_series_with (y + 5, 20, 14, PL_FORECAST_SEASONAL_NAIVE, &f));
  for (guint h = 0; h < 14; h++)
    g_assert_cmpfloat_with_epsilon (f.points[h].value, season[(25 + h) % 12], EXACT);
  /* Twelve months are not enough: the same month last year is not there for all. */
  g_assert_true (pl_forecast_series (y, 12, 3, &f));
  g_assert_cmpint (f.method, !=, PL_FORECAST_SEASONAL_NAIVE);
  g_assert_true (isnan (f.mape_of[PL_FORECAST_SEASONAL_NAIVE]));
}

/* A trend, a season and noise from a fixed generator: nothing is forecast exactly. */
static void
noisy (double *y, guint n)
{
  guint32 state = 12345;

  for (guint i = 0; i < n; i++)
    {
      state = state * 1103515245u + 12345u;
      y[i] = 500 + 4 * i + 40 * sin (i * G_PI / 6) + ((state >> 16) % 61) - 30;
    }
}

static void
test_band (void)
{
  double y[48];
  PlForecast f;

  noisy (y, 48);
  for (PlForecastMethod m = 0; m <= PL_N_FORECAST_METHODS; m++)
    {
      if (m == PL_N_FORECAST_METHODS)
        g_assert_true (pl_forecast_series (y, 48, 24, &f));
      else
        g_assert_true (pl_forecast_series_with (y, 48, 24, m, &f));
      g_assert_cmpuint (f.horizon, ==, 24);
      for (guint h = 0; h < 24; h++)
        {
          const PlForecastPoint *p = &f.points[h];

          g_assert_true (isfinite (p->value) && isfinite (p->low) && isfinite (p->high));
          g_assert_cmpfloat (p->low, <=, p->value);
          g_assert_cmpfloat (p->value, <=, p->high);
          if (h > 0)
            g_assert_cmpfloat (p->high - p->low, >=, f.points[h - 1].high - f.points[h - 1].low - EXACT);
        }
      g_assert_cmpfloat (f.points[23].high - f.points[23].low, >, f.points[0].high - f.points[0].low);
      g_assert_cmpfloat (f.points[0].high - f.points[0].low, >, 0);
    }
  /* The chosen method never does worse than naive in its own back-test. */
  g_assert_cmpfloat (f.mape, <=, f.mape_naive);
  g_assert_cmpfloat (f.alpha, >, 0);
  g_assert_cmpfloat (f.beta, >, 0);
}

static void
test_short (void)
{
  double y[3] = { 100, 130, 140 };
  g_autofree char *one = NULL, *three = NULL;
  PlForecast f;

  g_assert_true (pl_forecast_series (y, 1, 3, &f));
  g_assert_cmpint (f.method, ==, PL_FORECAST_NAIVE);
  g_assert_cmpint (f.why, ==, PL_FORECAST_WHY_ONE_VALUE);
  g_assert_cmpfloat (f.points[2].value, ==, 100);
  g_assert_cmpfloat (f.points[2].low, ==, 100);
  one = pl_forecast_describe (&f);
  g_assert_nonnull (strstr (one, "only one month"));

  g_assert_true (pl_forecast_series (y, 3, 2, &f));
  g_assert_cmpint (f.method, ==, PL_FORECAST_DRIFT);
  g_assert_cmpint (f.why, ==, PL_FORECAST_WHY_SHORT);
  g_assert_cmpfloat_with_epsilon (f.points[0].value, 160, EXACT);
  g_assert_cmpfloat_with_epsilon (f.points[1].value, 180, EXACT);
  /* The spread about the line from 100 to 140: the middle value is 10 above it. */
  g_assert_cmpfloat_with_epsilon (f.points[0].high - f.points[0].value, PL_FORECAST_Z80 * 10, 1e-6);
  g_assert_cmpfloat_with_epsilon (f.points[1].high - f.points[1].value, PL_FORECAST_Z80 * 10 * sqrt (2), 1e-6);
  three = pl_forecast_describe (&f);
  g_assert_nonnull (strstr (three, "3 months are too short"));

  /* Two values: no line through their noise, the last one carried forward with the change
   * between them as its spread. */
  g_assert_true (pl_forecast_series (y, 2, 4, &f));
  g_assert_cmpint (f.method, ==, PL_FORECAST_NAIVE);
  g_assert_cmpint (f.why, ==, PL_FORECAST_WHY_SHORT);
  g_assert_cmpfloat (f.points[3].value, ==, 130);
  g_assert_cmpfloat_with_epsilon (f.points[3].high - f.points[3].value, PL_FORECAST_Z80 * 30 * 2, 1e-6);

  /* Four values: one month to test on already gives the band its width. */
  {
    double four[4] = { 100, 130, 140, 120 };

    g_assert_true (pl_forecast_series (four, 4, 3, &f));
    g_assert_cmpint (f.why, ==, PL_FORECAST_WHY_BACKTEST);
    g_assert_cmpfloat (f.points[0].high - f.points[0].low, >, 0);
    g_assert_cmpfloat (f.points[2].high - f.points[2].low, >, f.points[0].high - f.points[0].low);
  }

  g_assert_false (pl_forecast_series (NULL, 0, 3, &f));
  g_assert_cmpint (f.why, ==, PL_FORECAST_WHY_NO_HISTORY);
  g_assert_true (isnan (f.points[0].value));
}

static void
test_gaps_and_zeros (void)
{
  double y[30];
  double zeros[20] = { 0 };
  PlForecast f;
  g_autofree char *text = NULL;

  noisy (y, 30);
  y[0] = NAN;
  y[1] = NAN;
  y[7] = NAN;
  y[8] = 0;
  y[12] = INFINITY;
  y[20] = 0;
  y[29] = NAN;
  g_assert_true (pl_forecast_series (y, 30, 12, &f));
  g_assert_cmpuint (f.n_history, ==, 28);
  for (guint h = 0; h < 12; h++)
    g_assert_true (isfinite (f.points[h].value) && isfinite (f.points[h].low) && isfinite (f.points[h].high));
  g_assert_true (isfinite (f.mape) && isfinite (f.mape_naive));

  /* Only zeros: no percentage to take, the squared error decides; zero is forecast. */
  g_assert_true (pl_forecast_series (zeros, 20, 6, &f));
  g_assert_true (isnan (f.mape));
  g_assert_cmpfloat (f.points[5].value, ==, 0);
  text = pl_forecast_describe (&f);
  g_assert_nonnull (text);

  /* More than the history kept: the most recent months. */
  {
    double long_line[100];

    line (long_line, 100, 0, 1);
    g_assert_true (pl_forecast_series (long_line, 100, 1, &f));
    g_assert_cmpuint (f.n_history, ==, PL_FORECAST_MAX_HISTORY);
    g_assert_cmpfloat_with_epsilon (f.points[0].value, 100, EXACT);
  }
}

static guint32
dmy (guint day, guint month, guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* A plan of 2027 from January; a KPI of @aggregate measured monthly from @from (months
 * before January 2027 are last year's) for @n months with the values of @y. */
static PlPlan *
plan_2027 (void)
{
  PlPlan *plan = pl_plan_new ();

  pl_item_set_julian (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_START, dmy (1, 1, 2027));
  pl_item_set_int (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_MONTHS, 12);
  return plan;
}

static PlKpi *
kpi_with (PlPlan *plan, const char *id, PlAggregate aggregate, guint32 from, const double *y, guint n)
{
  PlItem *kpi = g_object_new (PL_TYPE_KPI, NULL);

  pl_item_set_id (kpi, id);
  pl_item_set_string (kpi, PL_KPI_NAME, id);
  pl_item_set_int (kpi, PL_KPI_AGGREGATE, aggregate);
  pl_plan_add (plan, kpi);
  g_object_unref (kpi);
  for (guint i = 0; i < n; i++)
    pl_plan_set_point (plan, PL_KPI (kpi), PL_SERIES_MEASUREMENTS, pl_month_first_day (from, (int) i), y[i], NULL);
  return PL_KPI (kpi);
}

static void
test_estimate_sum (void)
{
  g_autoptr(PlPlan) plan = plan_2027 ();
  double y[12];
  PlKpi *kpi;
  PlLatestEstimate e;
  double remainder = 0;

  /* July 2026 to June 2027: 100, 110... 210, then SQL still a straight line. */
  line (y, 12, 100, 10);
  kpi = kpi_with (plan, "sql", PL_AGGREGATE_SUM, dmy (1, 7, 2026), y, 12);
  /* A point after the day the estimate is as of is not read. */
  pl_plan_set_point (plan, kpi, PL_SERIES_MEASUREMENTS, dmy (1, 8, 2027), 5000, NULL);
  e = pl_forecast_kpi (plan, kpi, dmy (30, 6, 2027));
  g_assert_cmpint (e.missing, ==, PL_ESTIMATE_AVAILABLE);
  g_assert_cmpuint (e.n_months, ==, 12);
  g_assert_cmpuint (e.n_actual, ==, 6);
  /* January to June: 160 to 210. */
  g_assert_cmpfloat_with_epsilon (e.actual, 160 + 170 + 180 + 190 + 200 + 210, EXACT);
  g_assert_cmpint (e.forecast.method, ==, PL_FORECAST_DRIFT);
  g_assert_cmpuint (e.forecast.horizon, ==, 6);
  for (guint h = 0; h < 6; h++)
    {
      g_assert_cmpfloat_with_epsilon (e.forecast.points[h].value, 220 + 10 * h, EXACT);
      g_assert_cmpfloat_with_epsilon (e.months[6 + h].value, 220 + 10 * h, EXACT);
      remainder += e.forecast.points[h].value;
    }
  g_assert_cmpfloat_with_epsilon (e.value, e.actual + remainder, EXACT);
  g_assert_cmpfloat_with_epsilon (e.value, 1110 + 1470, EXACT);
  g_assert_cmpfloat (e.low, <=, e.value);
  g_assert_cmpfloat (e.high, >=, e.value);
  g_assert_null (pl_latest_estimate_reason (plan, &e, dmy (30, 6, 2027)));

  /* As of a day before the period, last year's history forecasts all of it. */
  e = pl_forecast_kpi (plan, kpi, dmy (31, 12, 2026));
  g_assert_cmpuint (e.n_actual, ==, 0);
  g_assert_true (isnan (e.actual));
  g_assert_cmpfloat_with_epsilon (e.value, 12 * 160 + 10 * 66, EXACT);

  /* At the period's end, the estimate is the actual. */
  e = pl_forecast_kpi (plan, kpi, dmy (31, 12, 2027));
  g_assert_cmpuint (e.n_actual, ==, 8);
  g_assert_cmpuint (e.forecast.horizon, ==, 4);
}

static void
test_estimate_level (void)
{
  g_autoptr(PlPlan) plan = plan_2027 ();
  double y[9] = { 300, 310, 320, 330, 340, 350, 360, 370, 380 };
  PlKpi *mrr = kpi_with (plan, "mrr", PL_AGGREGATE_LAST, dmy (1, 1, 2027), y, 9);
  PlKpi *rate = kpi_with (plan, "rate", PL_AGGREGATE_MEAN, dmy (1, 1, 2027), y, 9);
  PlLatestEstimate e;

  /* As of September: MRR at December is the line's. */
  e = pl_forecast_kpi (plan, mrr, dmy (30, 9, 2027));
  g_assert_cmpint (e.missing, ==, PL_ESTIMATE_AVAILABLE);
  g_assert_cmpfloat_with_epsilon (e.actual, 380, EXACT);
  g_assert_cmpfloat_with_epsilon (e.value, 410, EXACT);
  /* The mean of 300 to 410. */
  e = pl_forecast_kpi (plan, rate, dmy (30, 9, 2027));
  g_assert_cmpfloat_with_epsilon (e.actual, 340, EXACT);
  g_assert_cmpfloat_with_epsilon (e.value, 355, EXACT);
}

/* A quarterly KPI's value is its quarter's: shared over the quarter's months for a sum, so
 * that the months to date add up to what was measured and are not carried over. */
static void
test_estimate_quarterly (void)
{
  g_autoptr(PlPlan) plan = plan_2027 ();
  PlKpi *kpi = kpi_with (plan, "deals", PL_AGGREGATE_SUM, dmy (1, 1, 2027), NULL, 0);
  PlLatestEstimate e;

  pl_item_set_int (PL_ITEM (kpi), PL_KPI_FREQUENCY, PL_FREQUENCY_QUARTERLY);
  for (guint q = 0; q < 6; q++)
    pl_plan_set_point (plan, kpi, PL_SERIES_MEASUREMENTS, pl_month_first_day (dmy (1, 1, 2026), 3 * (int) q),
                       300 + 30 * q, NULL);
  e = pl_forecast_kpi (plan, kpi, dmy (30, 6, 2027));
  g_assert_cmpint (e.missing, ==, PL_ESTIMATE_AVAILABLE);
  g_assert_cmpuint (e.n_actual, ==, 6);
  g_assert_cmpfloat_with_epsilon (e.actual, 420 + 450, EXACT);
  g_assert_cmpfloat_with_epsilon (e.months[3].value, 150, EXACT);
  g_assert_cmpfloat_with_epsilon (e.months[5].value, 150, EXACT);
  g_assert_cmpuint (e.forecast.n_history, ==, 18);
  g_assert_cmpfloat (e.value, >, e.actual);
  /* As of mid-May, the second quarter is measured already: its months are known. */
  e = pl_forecast_kpi (plan, kpi, dmy (15, 5, 2027));
  g_assert_cmpuint (e.n_actual, ==, 5);
  g_assert_cmpfloat_with_epsilon (e.actual, 420 + 300, EXACT);
}

/* Spend from its one source: the spending records when there are any (money in major units),
 * else the spend KPI. */
static void
test_estimate_spend (void)
{
  g_autoptr(PlPlan) plan = plan_2027 ();
  g_autoptr(PlPlan) kpi_plan = plan_2027 ();
  double y[6] = { 900, 950, 1000, 1050, 1100, 1150 };
  PlItem *category = g_object_new (PL_TYPE_CATEGORY, NULL);
  PlItem *line = g_object_new (PL_TYPE_BUDGET_LINE, NULL);
  PlKpi *spend_kpi;
  PlLatestEstimate e, k;

  pl_item_set_id (category, "cat");
  pl_item_set_string (category, PL_CATEGORY_NAME, "Paid");
  pl_plan_add (plan, category);
  g_object_unref (category);
  pl_item_set_id (line, "line");
  pl_item_set_string (line, PL_BUDGET_LINE_NAME, "Search");
  pl_item_set_string (line, PL_BUDGET_LINE_CATEGORY, "cat");
  pl_plan_add (plan, line);
  g_object_unref (line);
  /* 1,000.00 EUR on the 10th of every month from January to June, and one in July after
   * the day the estimate is as of. */
  for (guint m = 0; m < 7; m++)
    {
      PlItem *spend = g_object_new (PL_TYPE_SPEND, NULL);

      pl_item_set_string (spend, PL_SPEND_LINE, "line");
      pl_item_set_julian (spend, PL_SPEND_DATE, pl_plan_month_start (plan, m) + 9);
      pl_item_set_int (spend, PL_SPEND_AMOUNT, 100000);
      pl_plan_add (plan, spend);
      g_object_unref (spend);
    }
  g_assert_cmpint (pl_figures_spend_source (plan), ==, PL_SPEND_FROM_RECORDS);
  e = pl_forecast_spend (plan, dmy (30, 6, 2027));
  g_assert_cmpint (e.missing, ==, PL_ESTIMATE_AVAILABLE);
  g_assert_cmpuint (e.n_actual, ==, 6);
  g_assert_cmpfloat_with_epsilon (e.actual, 6000, EXACT);
  /* The same every month: every method forecasts it, the simplest wins, no band. */
  g_assert_cmpint (e.forecast.method, ==, PL_FORECAST_NAIVE);
  g_assert_cmpfloat_with_epsilon (e.value, 12000, EXACT);
  g_assert_cmpfloat_with_epsilon (e.high - e.low, 0, EXACT);

  /* No records: the spend KPI's measurements. */
  spend_kpi = kpi_with (kpi_plan, "spend", PL_AGGREGATE_SUM, dmy (1, 1, 2027), y, 6);
  pl_item_set_int (PL_ITEM (spend_kpi), PL_KPI_STAGE, PL_STAGE_SPEND);
  g_assert_cmpint (pl_figures_spend_source (kpi_plan), ==, PL_SPEND_FROM_KPI);
  e = pl_forecast_spend (kpi_plan, dmy (30, 6, 2027));
  k = pl_forecast_kpi (kpi_plan, spend_kpi, dmy (30, 6, 2027));
  g_assert_cmpint (e.missing, ==, PL_ESTIMATE_AVAILABLE);
  g_assert_cmpfloat_with_epsilon (e.value, k.value, EXACT);
  /* A straight line: 6,150 to June, then 1,200 to 1,450. */
  g_assert_cmpfloat_with_epsilon (e.value, 6150 + 6 * 1200 + 50 * 15, EXACT);
}

/* Weekly leads as of mid-June: June's two weeks would read as half a month; June is forecast
 * whole instead, from January to May. */
static void
test_estimate_weekly (void)
{
  g_autoptr(PlPlan) plan = plan_2027 ();
  PlKpi *kpi = kpi_with (plan, "weekly", PL_AGGREGATE_SUM, dmy (1, 1, 2027), NULL, 0);
  PlLatestEstimate e;
  guint32 monday = dmy (4, 1, 2027), as_of = dmy (15, 6, 2027);
  double to_may = 0;

  pl_item_set_int (PL_ITEM (kpi), PL_KPI_FREQUENCY, PL_FREQUENCY_WEEKLY);
  for (guint32 day = monday; day <= as_of; day += 7)
    {
      pl_plan_set_point (plan, kpi, PL_SERIES_MEASUREMENTS, day, 100, NULL);
      if (day < dmy (1, 6, 2027))
        to_may += 100;
    }
  e = pl_forecast_kpi (plan, kpi, as_of);
  g_assert_cmpint (e.missing, ==, PL_ESTIMATE_AVAILABLE);
  g_assert_cmpuint (e.n_actual, ==, 5);
  g_assert_cmpfloat_with_epsilon (e.actual, to_may, EXACT);
  g_assert_cmpfloat (e.months[5].value, >=, 400);
  /* At the month's end, June is measured. */
  e = pl_forecast_kpi (plan, kpi, dmy (30, 6, 2027));
  g_assert_cmpuint (e.n_actual, ==, 6);
}

static void
test_estimate_missing (void)
{
  g_autoptr(PlPlan) plan = plan_2027 ();
  PlKpi *kpi = kpi_with (plan, "empty", PL_AGGREGATE_SUM, dmy (1, 1, 2027), NULL, 0);
  PlLatestEstimate e = pl_forecast_kpi (plan, kpi, dmy (30, 6, 2027));
  g_autofree char *reason = pl_latest_estimate_reason (plan, &e, dmy (30, 6, 2027));
  g_autofree char *day = pl_date_text (dmy (30, 6, 2027), PL_DATE_LONG);
  g_autofree char *spend_reason = NULL;

  g_assert_cmpint (e.missing, ==, PL_ESTIMATE_NOT_MEASURED);
  g_assert_true (isnan (e.value) && isnan (e.low) && isnan (e.high));
  g_assert_nonnull (strstr (reason, "nothing is measured"));
  g_assert_nonnull (strstr (reason, day));
  /* No spend records and no spend KPI. */
  e = pl_forecast_spend (plan, dmy (30, 6, 2027));
  g_assert_cmpint (e.missing, ==, PL_ESTIMATE_NO_SPEND);
  spend_reason = pl_latest_estimate_reason (plan, &e, dmy (30, 6, 2027));
  g_assert_nonnull (spend_reason);
}

static void
test_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
  GListModel *kpis;
  guint32 as_of;
  guint available = 0;
  PlLatestEstimate e;

  g_assert_no_error (error);
  as_of = pl_figures_measured_until (plan) - 1;
  kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlKpi) kpi = g_list_model_get_item (kpis, i);

      e = pl_forecast_kpi (plan, kpi, as_of);
      if (e.missing != PL_ESTIMATE_AVAILABLE)
        {
          g_autofree char *reason = pl_latest_estimate_reason (plan, &e, as_of);
          g_assert_nonnull (reason);
          continue;
        }
      available++;
      g_assert_true (isfinite (e.value) && isfinite (e.low) && isfinite (e.high));
      g_assert_cmpfloat (e.low, <=, e.value);
      g_assert_cmpfloat (e.value, <=, e.high);
    }
  g_assert_cmpuint (available, >, 0);
  e = pl_forecast_spend (plan, as_of);
  g_assert_cmpint (e.missing, ==, PL_ESTIMATE_AVAILABLE);
  g_assert_true (isfinite (e.value) && isfinite (e.low) && isfinite (e.high));
  g_assert_cmpfloat (e.value, >=, e.actual);
}

static PlPlan *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

/* A formula KPI's estimate reads as its figure to date: with nothing left to forecast, it is
 * pl_figures_kpi() over the same months, for every formula KPI of the example. */
static void
test_formula_as_figures (void)
{
  g_autoptr(PlPlan) full = load_example ();
  guint32 as_of = pl_figures_measured_until (full) - 1;
  PlPlan *plans[] = { full };
  guint formulas = 0;

  for (guint p = 0; p < G_N_ELEMENTS (plans); p++)
    {
      GListModel *kpis = pl_plan_get_collection (plans[p], PL_COLLECTION_KPIS);
      PlBasis basis = pl_basis_range (pl_plan_get_start (plans[p]), as_of + 1);

      for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
        {
          g_autoptr(PlKpi) kpi = g_list_model_get_item (kpis, i);
          const char *formula = pl_item_get_string (PL_ITEM (kpi), PL_KPI_FORMULA);
          PlFigure figure = pl_figures_kpi (plans[p], kpi, PL_SERIES_MEASUREMENTS, &basis);
          /* The first six months, to the end of June: all measured, nothing to forecast. */
          PlLatestEstimate e = pl_forecast_kpi_until (plans[p], kpi, as_of, as_of + 1);

          if (formula == NULL || *formula == '\0')
            continue;
          formulas++;
          g_assert_cmpint (e.missing, ==, PL_ESTIMATE_AVAILABLE);
          g_assert_cmpint (e.forecast.why, ==, PL_FORECAST_WHY_FORMULA);
          g_assert_cmpfloat_with_epsilon (e.value, figure.value, 1e-9 * fabs (figure.value));
          g_assert_cmpfloat (e.low, ==, e.value);
          g_assert_cmpfloat (e.high, ==, e.value);
          g_assert_cmpfloat_with_epsilon (e.actual, figure.value, 1e-9 * fabs (figure.value));
        }
    }
  g_assert_cmpuint (formulas, ==, 8);
}

/* CAC is the estimated spend over the estimated new customers, its band from their ends;
 * objectives and tiles read the same estimate. */
static void
test_formula_cac (void)
{
  g_autoptr(PlPlan) plan = load_example ();
  guint32 as_of = pl_figures_measured_until (plan) - 1;
  PlKpi *cac = PL_KPI (pl_plan_lookup (plan, "kpi-cac"));
  PlKpi *ltv_cac = PL_KPI (pl_plan_lookup (plan, "kpi-ltv-cac"));
  PlLatestEstimate e = pl_forecast_kpi (plan, cac, as_of);
  PlLatestEstimate spend = pl_forecast_kpi (plan, PL_KPI (pl_plan_lookup (plan, "kpi-spend")), as_of);
  PlLatestEstimate won = pl_forecast_kpi (plan, PL_KPI (pl_plan_lookup (plan, "kpi-new-customers")), as_of);
  PlLatestEstimate ratio = pl_forecast_kpi (plan, ltv_cac, as_of);
  PlLatestEstimate ltv = pl_forecast_kpi (plan, PL_KPI (pl_plan_lookup (plan, "kpi-ltv")), as_of);
  PlBasis to_date = pl_basis_to_date (plan, as_of);
  PlFigure ratio_to_date = pl_figures_kpi (plan, ltv_cac, PL_SERIES_MEASUREMENTS, &to_date);
  g_autofree char *how = pl_forecast_describe (&e.forecast);

  g_assert_cmpint (e.missing, ==, PL_ESTIMATE_AVAILABLE);
  g_assert_cmpuint (e.n_actual, ==, 6);
  g_assert_cmpfloat_with_epsilon (e.value, spend.value / won.value, 1e-9 * e.value);
  g_assert_cmpfloat_with_epsilon (e.low, spend.low / won.high, 1e-9 * e.value);
  g_assert_cmpfloat_with_epsilon (e.high, spend.high / won.low, 1e-9 * e.value);
  g_assert_cmpfloat_with_epsilon (e.actual, spend.actual / won.actual, 1e-9 * e.value);
  /* Each month the same: July's CAC is July's spend over July's new customers. */
  g_assert_cmpfloat_with_epsilon (e.months[6].value, spend.months[6].value / won.months[6].value, 1e-9 * e.value);
  g_assert_nonnull (strstr (how, "operands"));
  /* An objective due at the end of September reads the same way over its nine months. */
  {
    guint32 october = pl_plan_month_start (plan, 9);
    PlLatestEstimate cac9 = pl_forecast_kpi_until (plan, cac, as_of, october);
    PlLatestEstimate spend9 = pl_forecast_kpi_until (plan, PL_KPI (pl_plan_lookup (plan, "kpi-spend")), as_of, october);
    PlLatestEstimate won9 = pl_forecast_kpi_until (plan, PL_KPI (pl_plan_lookup (plan, "kpi-new-customers")), as_of, october);
    double sum = 0;

    for (guint m = 0; m < 9; m++)
      sum += spend.months[m].value;
    g_assert_cmpfloat_with_epsilon (spend9.value, sum, 1e-9 * sum);
    g_assert_cmpfloat_with_epsilon (cac9.value, spend9.value / won9.value, 1e-9 * cac9.value);
    g_assert_cmpfloat_with_epsilon (cac9.high, spend9.high / won9.low, 1e-9 * cac9.value);
  }
  /* LTV:CAC to date and projected read the same way: its months so far are the 3.39 to date,
   * its projection the estimated LTV over the estimated CAC, not a mean of monthly ratios. */
  g_assert_cmpint (ratio.missing, ==, PL_ESTIMATE_AVAILABLE);
  g_assert_cmpfloat_with_epsilon (ratio_to_date.value, 3.39, 0.005);
  g_assert_cmpfloat_with_epsilon (ratio.actual, ratio_to_date.value, 1e-9);
  g_assert_cmpfloat_with_epsilon (ratio.value, ltv.value / e.value, 1e-9 * ratio.value);
  g_test_message ("LTV:CAC to date %.2f, projected %.2f (%.2f to %.2f)", ratio_to_date.value, ratio.value,
                  ratio.low, ratio.high);
}

/* A formula loop gives no estimate, and says why in words. */
static void
test_formula_loop (void)
{
  g_autoptr(PlPlan) plan = load_example ();
  guint32 as_of = pl_figures_measured_until (plan) - 1;
  PlItem *arpu = pl_plan_lookup (plan, "kpi-arpu");
  const char *ids[] = { "kpi-arpu", "kpi-ltv", "kpi-ltv-cac" };

  pl_item_set_string (arpu, PL_KPI_FORMULA, "kpi-ltv / 3");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      PlLatestEstimate e = pl_forecast_kpi (plan, PL_KPI (pl_plan_lookup (plan, ids[i])), as_of);
      g_autofree char *reason = pl_latest_estimate_reason (plan, &e, as_of);

      g_assert_cmpint (e.missing, ==, PL_ESTIMATE_LOOP);
      g_assert_true (isnan (e.value) && isnan (e.low) && isnan (e.high));
      g_assert_cmpstr (reason, ==, "No estimate: its formula refers to itself, through other KPIs or directly.");
    }
  /* CAC does not take part: still estimated. */
  g_assert_cmpint (pl_forecast_kpi (plan, PL_KPI (pl_plan_lookup (plan, "kpi-cac")), as_of).missing, ==,
                   PL_ESTIMATE_AVAILABLE);
  pl_item_set_string (arpu, PL_KPI_FORMULA, "kpi-mrr / (");
  {
    PlLatestEstimate e = pl_forecast_kpi (plan, PL_KPI (arpu), as_of);
    g_autofree char *reason = pl_latest_estimate_reason (plan, &e, as_of);

    g_assert_cmpint (e.missing, ==, PL_ESTIMATE_FORMULA);
    g_assert_nonnull (strstr (reason, "cannot be read"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/forecast/line", test_line);
  g_test_add_func ("/forecast/seasonal", test_seasonal);
  g_test_add_func ("/forecast/band", test_band);
  g_test_add_func ("/forecast/short", test_short);
  g_test_add_func ("/forecast/gaps-and-zeros", test_gaps_and_zeros);
  g_test_add_func ("/forecast/estimate-sum", test_estimate_sum);
  g_test_add_func ("/forecast/estimate-level", test_estimate_level);
  g_test_add_func ("/forecast/estimate-quarterly", test_estimate_quarterly);
  g_test_add_func ("/forecast/estimate-spend", test_estimate_spend);
  g_test_add_func ("/forecast/estimate-weekly", test_estimate_weekly);
  g_test_add_func ("/forecast/estimate-missing", test_estimate_missing);
  g_test_add_func ("/forecast/example", test_example);
  g_test_add_func ("/forecast/formula-as-figures", test_formula_as_figures);
  g_test_add_func ("/forecast/formula-cac", test_formula_cac);
  g_test_add_func ("/forecast/formula-loop", test_formula_loop);
  return g_test_run ();
}

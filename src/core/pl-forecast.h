/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-figures.h"

G_BEGIN_DECLS

/* Forecasts of monthly series and the latest estimate of a KPI or of spend (issue 21).
 *
 * Four methods compete: naive (the last value carried forward), drift (the line through the
 * first and the last value), seasonal naive (the value twelve months earlier, only with 13
 * months or more) and Holt's linear trend (level and trend smoothed by α and β, fitted on a
 * grid by the smallest one-step squared error). The one chosen has the smallest mean
 * absolute percentage error (MAPE) in a rolling-origin back-test on the series' own history;
 * ties go to the simpler (the order of the enum). With fewer than PL_FORECAST_MIN_BACKTEST
 * values there is nothing to test on: a linear trend (drift) with its spread from three
 * values, the last value carried forward with its month-to-month change from two, the one
 * value with no band from one. The 80 % band comes from the back-test's errors at each horizon
 * (pl-forecast.c says how). Plain data, no allocation: a forecast is a struct on the stack. */

typedef enum {
  PL_FORECAST_NAIVE,
  PL_FORECAST_DRIFT,
  PL_FORECAST_SEASONAL_NAIVE,
  PL_FORECAST_HOLT,
  PL_N_FORECAST_METHODS
} PlForecastMethod;

/* Why the method was chosen. */
typedef enum {
  PL_FORECAST_WHY_NO_HISTORY,  /* nothing to forecast from: no forecast */
  PL_FORECAST_WHY_ONE_VALUE,   /* one value: carried forward, no band */
  PL_FORECAST_WHY_SHORT,       /* too short to back-test: a linear trend with its spread
                                * (3 values), the last value with its change (2) */
  PL_FORECAST_WHY_BACKTEST,    /* the smallest error in the back-test */
  PL_FORECAST_WHY_FORCED,      /* asked for by the caller */
  PL_FORECAST_WHY_FORMULA,     /* a formula KPI: its formula over its operands' forecasts,
                                * each made for its own history (method is not meaningful) */
} PlForecastWhy;

/* Months of history used at most, the most recent: older years rarely describe the next
 * one, and it bounds the work per series. */
#define PL_FORECAST_MAX_HISTORY 60
/* Months forecast at most. */
#define PL_FORECAST_MAX_HORIZON 36
/* Values needed before a back-test is run; the first origin forecasts from this many. */
#define PL_FORECAST_MIN_BACKTEST 4
/* Holt's two constants are fitted: not on fewer values than this. */
#define PL_FORECAST_MIN_HOLT 8
/* Seasonal naive needs a full year before the value it repeats. */
#define PL_FORECAST_SEASON 12
/* The 80 % band: ±1.2816 standard deviations of a normal error. */
#define PL_FORECAST_Z80 1.2815515655446004

typedef struct {
  double value;
  double low;    /* the 80 % band: low <= value <= high */
  double high;
} PlForecastPoint;

typedef struct {
  PlForecastMethod method;
  PlForecastWhy    why;
  guint            n_history;    /* values it was made from (after the cut to MAX_HISTORY) */
  double           alpha, beta;  /* Holt's smoothing, fitted even when another wins; NAN
                                  * under PL_FORECAST_MIN_HOLT values */
  double           mape;         /* the back-test's MAPE of the chosen method, a fraction
                                  * (0.12 is 12 %); NAN when not back-tested */
  double           mape_naive;   /* the same for the naive forecast */
  double           mape_of[PL_N_FORECAST_METHODS]; /* each method's, NAN when it could not run */
  guint            horizon;
  PlForecastPoint  points[PL_FORECAST_MAX_HORIZON]; /* month 1 to horizon after the last value */
} PlForecast;

/* Forecasts @horizon (at most PL_FORECAST_MAX_HORIZON) months after @history, @n monthly
 * values, oldest first; NAN values are gaps (carried over from the value before, and not
 * scored), leading NANs are dropped. Chooses the method by the back-test. Returns FALSE,
 * with @forecast's why PL_FORECAST_WHY_NO_HISTORY, when no value is known. */
gboolean    pl_forecast_series       (const double *history, guint n, guint horizon,
                                      PlForecast *forecast);
/* The same with @method imposed (seasonal naive falls back to naive under 13 values, Holt
 * to drift under PL_FORECAST_MIN_HOLT): the benchmark's held-out test, and the tests of each method. */
gboolean    pl_forecast_series_with  (const double *history, guint n, guint horizon,
                                      PlForecastMethod method, PlForecast *forecast);

/* Stable keys for scripts ("naive", "drift", "seasonal-naive", "holt") and names for
 * people ("Last value carried forward"...). */
const char *pl_forecast_method_key   (PlForecastMethod method);
const char *pl_forecast_method_name  (PlForecastMethod method);
/* How @forecast was made, in words for the middle of a sentence ("last value carried
 * forward", "Holt’s linear trend"; for a formula KPI's, "its formula over its operands’
 * forecasts"). */
const char *pl_forecast_method_of    (const PlForecast *forecast);
/* How @forecast was made, in one sentence for a tooltip or the report: "Holt's linear trend
 * (α 0.5, β 0.1), chosen by back-test on 48 months: 8.2 % mean error, against 11.0 % for
 * the last value carried forward." Free with g_free(). */
char       *pl_forecast_describe     (const PlForecast *forecast);

/* Why a latest estimate is not available. */
typedef enum {
  PL_ESTIMATE_AVAILABLE,
  PL_ESTIMATE_NOT_MEASURED,   /* nothing measured on or before the day */
  PL_ESTIMATE_TOO_OLD,        /* the last measurement is too far before the period's end */
  PL_ESTIMATE_NO_SPEND,       /* no spending records and no spend KPI */
  PL_ESTIMATE_LOOP,           /* a formula that refers to itself, through any number of others */
  PL_ESTIMATE_FORMULA,        /* a formula that cannot be read, or names something not a KPI */
} PlEstimateMissing;

/* A formula KPI's band is its formula evaluated at every corner of its operands' bands (each
 * operand at its low and at its high), the smallest and the largest taken. Up to this many
 * operands every corner is evaluated (64); the operands after these are taken all at their
 * low or all at their high together (twice the corners), which can make the band narrower
 * than the full set of corners would. A corner that is not a number (a divisor whose band
 * reaches zero) leaves the band unknown: low and high NAN. */
#define PL_FORECAST_MAX_CORNER_OPERANDS 6

#define PL_FORECAST_MAX_MONTHS 12

/* Actuals to date plus the forecast of the remaining months of the period. Money (spend) is
 * in major units, as in PlFigure. */
typedef struct {
  PlEstimateMissing missing;
  double     value;          /* over the period, combined by the aggregate; NAN when missing */
  double     low, high;      /* its 80 % band */
  double     actual;         /* the months measured, combined by the aggregate; NAN when none */
  guint      n_months;       /* of the period */
  guint      n_actual;       /* the first n_actual months are measured (or a gap among them,
                              * carried over), the rest forecast */
  PlAggregate aggregate;      /* how a KPI's months combine; a formula KPI's value is not
                              * combined from its months but its formula over its operands'
                              * estimates for the period (forecast.why PL_FORECAST_WHY_FORMULA) */
  PlForecastPoint months[PL_FORECAST_MAX_MONTHS]; /* each month of the period; a measured
                              * month has low == high == value */
  PlForecast forecast;       /* from the month after the last measured one */
} PlLatestEstimate;

/* @kpi's latest estimate as of the Julian day @as_of: its months measured on or before
 * @as_of within the period, and the forecast of the others from its measurements before
 * @as_of (months before the period included), combined by its aggregate (sum: the sum;
 * last: the last month's; mean: the mean). A formula KPI reads as its figure to date does
 * (pl_figures_kpi()): its formula over its operands' latest estimates for the period (CAC
 * is the estimated spend over the estimated new customers, not a mean of monthly CACs), each
 * month its formula over its operands' months, the band as PL_FORECAST_MAX_CORNER_OPERANDS
 * says; a formula loop, or one that cannot be read, gives no estimate. Points dated after
 * @as_of are ignored: a plan filled in ahead reads as of the day.
 * A total added up from weeks (or the spending records' days) leaves out the month still
 * running on @as_of, which is forecast whole; a quarterly value is shared over its months. */
PlLatestEstimate pl_forecast_kpi     (PlPlan *plan, PlKpi *kpi, guint32 as_of);
/* The same with value, low, high and actual over the period's months that start before the
 * Julian day @until only (an objective due before the period's end); the months are all the
 * period's. With no such month the estimate is missing (PL_ESTIMATE_NOT_MEASURED). */
PlLatestEstimate pl_forecast_kpi_until (PlPlan *plan, PlKpi *kpi, guint32 as_of, guint32 until);
/* The same for the plan's spend, from its one source (pl_figures_spend_source()). */
PlLatestEstimate pl_forecast_spend   (PlPlan *plan, guint32 as_of);
/* @kpi's monthly values as pl_forecast_kpi() reads them: the PL_FORECAST_MAX_HISTORY months
 * up to the month of @as_of (or the period's last month, if earlier), each its points on or
 * before @as_of combined by the aggregate, NAN where none. Returns the first day of the first. */
guint32     pl_forecast_kpi_months   (PlPlan *plan, PlKpi *kpi, guint32 as_of,
                                      double values[PL_FORECAST_MAX_HISTORY]);
/* Why @estimate is missing, in words ("nothing is measured yet on or before 30 June 2027");
 * NULL when it is available. */
char       *pl_latest_estimate_reason (PlPlan *plan, const PlLatestEstimate *estimate,
                                       guint32 as_of);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-basis.h"
#include "pl-date-text.h"
#include "pl-formula.h"
#include "pl-forecast.h"
#include "pl-kpi-period.h"
#include "pl-money.h"

/* The choices, recorded here (and in the header's summary):
 *
 * - Back-test: rolling origin. Every method forecasts from the first t values for each
 *   origin t from 3 (the first month forecast is the 4th) to n - 1, or from 12 when seasonal
 *   naive competes (13 values or more), so that all methods are scored on the same months;
 *   at horizons 1 to min(h, 12) where the history has the month forecast. The score is the
 *   mean absolute percentage error over all those (origin, horizon) pairs, skipping actuals
 *   that are zero (no percentage of zero) and gaps. The smallest wins; a tie (1e-9) goes to
 *   the simpler, in the order of PlForecastMethod. Where every actual is zero, the root mean
 *   square error decides instead.
 * - Holt's α and β are fitted once on the whole history by the smallest one-step squared
 *   error on the grid α in {0.1, 0.2, ..., 0.9} x β in {0.05, 0.1, 0.2, 0.3, 0.5}; the level
 *   starts at the first value and the trend at the mean slope over the first three. Holt
 *   competes from PL_FORECAST_MIN_HOLT (8) values: with fewer, four numbers fitted on a
 *   handful of months follow their noise (on the example plan's six months of leads it
 *   forecast July 25 % above June). The back-test then runs Holt with those α and β, so it
 *   has seen the months it is scored on through them: a mild advantage, which the
 *   benchmark's held-out test does not give it.
 * - The 80 % band at horizon h is ±1.2816 σ_h, σ_h the root mean square of the chosen
 *   method's h-step errors in the back-test (its bias included), made to grow with h (never
 *   narrower than at h - 1), and beyond the horizons tested (or where none were seen) σ of
 *   the last tested horizon times sqrt (h / that horizon). With a history
 *   too short to back-test (under 4 values), the method is the line through the first and
 *   the last value (3 values) or the last value carried forward (2), and σ the spread of the
 *   values about that line, or of their month-to-month changes, times sqrt (h).
 * - A series never below zero in its history (counts, money, rates) is not forecast below
 *   zero: a falling trend stops at zero, and so does its band.
 * - The band of a period's sum (or mean) adds (or averages) the months' half-widths: the
 *   months' errors are taken as fully correlated, the cautious reading (a forecast that is
 *   low one month tends to be low the next). */

#define TIE 1e-9

static const double holt_alphas[] = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 };
static const double holt_betas[] = { 0.05, 0.1, 0.2, 0.3, 0.5 };

/* A history ready for the methods: gaps carried over, at most PL_FORECAST_MAX_HISTORY. */
typedef struct {
  double   y[PL_FORECAST_MAX_HISTORY];
  gboolean known[PL_FORECAST_MAX_HISTORY];
  guint    n;
} History;

static void
history_fill (History *h, const double *values, guint n)
{
  guint from = n > PL_FORECAST_MAX_HISTORY ? n - PL_FORECAST_MAX_HISTORY : 0;

  h->n = 0;
  for (guint i = from; i < n; i++)
    {
      gboolean known = isfinite (values[i]);

      if (!known && h->n == 0)
        continue;
      h->known[h->n] = known;
      h->y[h->n] = known ? values[i] : h->y[h->n - 1];
      h->n++;
    }
}

typedef struct {
  double level, trend;
} Holt;

/* The state after y[0]: the level y[0], the trend the mean slope to y[2] (to y[1] with two
 * values). The first difference alone makes a noisy start that a small β never forgets; y[2]
 * is the furthest a back-test from its first origin (3 values) may look. */
static void
holt_start (const History *h, Holt *s)
{
  guint m = MIN (h->n - 1, 2);

  s->level = h->y[0];
  s->trend = m > 0 ? (h->y[m] - h->y[0]) / m : 0;
}

static void
holt_update (Holt *s, double value, double alpha, double beta)
{
  double level = alpha * value + (1 - alpha) * (s->level + s->trend);

  s->trend = beta * (level - s->level) + (1 - beta) * s->trend;
  s->level = level;
}

#define HOLT_PAIRS (G_N_ELEMENTS (holt_alphas) * G_N_ELEMENTS (holt_betas))
#define HOLT_GRID ((HOLT_PAIRS + 3) / 4 * 4)

/* Fits α and β on the grid. Every pair of the grid runs side by side, month by month: the
 * pairs are independent, so the processor overlaps them (one after the other, each month
 * waits for the month before), and the grid padded to a multiple of 4 with copies of its last
 * pair lets the compiler run them two or four at a time (a third fewer instructions). */
static void
holt_fit (const History *h, double *alpha, double *beta)
{
  double a[HOLT_GRID], b[HOLT_GRID], level[HOLT_GRID], trend[HOLT_GRID], sse[HOLT_GRID];
  double best = INFINITY;
  Holt start;

  holt_start (h, &start);
  for (guint g = 0; g < HOLT_GRID; g++)
    {
      guint pair = MIN (g, HOLT_PAIRS - 1);

      a[g] = holt_alphas[pair / G_N_ELEMENTS (holt_betas)];
      b[g] = holt_betas[pair % G_N_ELEMENTS (holt_betas)];
      level[g] = start.level;
      trend[g] = start.trend;
      sse[g] = 0;
    }
  for (guint t = 1; t < h->n; t++)
    {
      double value = h->y[t], scored = h->known[t] ? 1 : 0;

      for (guint g = 0; g < HOLT_GRID; g++)
        {
          double forecast = level[g] + trend[g];
          double e = value - forecast;
          double next = a[g] * value + (1 - a[g]) * forecast;

          sse[g] += scored * e * e;
          trend[g] = b[g] * (next - level[g]) + (1 - b[g]) * trend[g];
          level[g] = next;
        }
    }
  *alpha = a[0];
  *beta = b[0];
  for (guint g = 0; g < HOLT_GRID; g++)
    if (sse[g] < best - TIE * fabs (best))
      {
        best = sse[g];
        *alpha = a[g];
        *beta = b[g];
      }
}

/* The forecast of @method from the first @t values of @h, @step months ahead (1 is the
 * month after y[t - 1]); @holt is the state after those @t values. */
static double
predict (PlForecastMethod method, const History *h, guint t, guint step, const Holt *holt)
{
  const double *y = h->y;

  switch (method)
    {
    case PL_FORECAST_DRIFT:
      if (t < 2)
        return y[t - 1];
      return y[t - 1] + step * (y[t - 1] - y[0]) / (t - 1);
    case PL_FORECAST_SEASONAL_NAIVE:
      return y[t - PL_FORECAST_SEASON + (step - 1) % PL_FORECAST_SEASON];
    case PL_FORECAST_HOLT:
      return holt->level + step * holt->trend;
    case PL_FORECAST_NAIVE:
    default:
      return y[t - 1];
    }
}

/* What the back-test gathers, per method: no allocation, so a forecast costs only its
 * arithmetic. */
#define BACKTEST_HORIZON 12

typedef struct {
  double ape[PL_N_FORECAST_METHODS];
  guint  n_ape[PL_N_FORECAST_METHODS];
  double sq[PL_N_FORECAST_METHODS][BACKTEST_HORIZON + 1];
  guint  n_sq[PL_N_FORECAST_METHODS][BACKTEST_HORIZON + 1];
} Backtest;

static gboolean
method_can_run (PlForecastMethod method, guint n)
{
  switch (method)
    {
    case PL_FORECAST_SEASONAL_NAIVE:
      return n > PL_FORECAST_SEASON;
    case PL_FORECAST_HOLT:
      return n >= PL_FORECAST_MIN_HOLT;
    case PL_FORECAST_DRIFT:
      return n >= 2;
    case PL_FORECAST_NAIVE:
    default:
      return n >= 1;
    }
}

static void
backtest_run (const History *h, guint max_step, double alpha, double beta, Backtest *bt)
{
  gboolean seasonal = method_can_run (PL_FORECAST_SEASONAL_NAIVE, h->n);
  guint first = seasonal ? PL_FORECAST_SEASON : PL_FORECAST_MIN_BACKTEST - 1;
  Holt holt;

  memset (bt, 0, sizeof *bt);
  holt_start (h, &holt);
  for (guint t = 1; t < first; t++)
    holt_update (&holt, h->y[t], alpha, beta);
  for (guint t = first; t < h->n; t++)
    {
      for (guint step = 1; step <= max_step && t + step - 1 < h->n; step++)
        {
          double actual = h->y[t + step - 1];

          if (!h->known[t + step - 1])
            continue;
          for (PlForecastMethod m = 0; m < PL_N_FORECAST_METHODS; m++)
            {
              double e;

              if (!method_can_run (m, h->n))
                continue;
              e = actual - predict (m, h, t, step, &holt);
              bt->sq[m][step] += e * e;
              bt->n_sq[m][step]++;
              if (actual != 0)
                {
                  bt->ape[m] += fabs (e / actual);
                  bt->n_ape[m]++;
                }
            }
        }
      holt_update (&holt, h->y[t], alpha, beta);
    }
}

static double
backtest_mape (const Backtest *bt, PlForecastMethod m)
{
  return bt->n_ape[m] > 0 ? bt->ape[m] / bt->n_ape[m] : NAN;
}

static double
backtest_rmse (const Backtest *bt, PlForecastMethod m)
{
  double sum = 0;
  guint n = 0;

  for (guint step = 1; step <= BACKTEST_HORIZON; step++)
    {
      sum += bt->sq[m][step];
      n += bt->n_sq[m][step];
    }
  return n > 0 ? sqrt (sum / n) : NAN;
}

static PlForecastMethod
backtest_choose (const Backtest *bt, guint n)
{
  PlForecastMethod best = PL_FORECAST_NAIVE;
  double best_score = INFINITY;
  gboolean by_mape = bt->n_ape[PL_FORECAST_NAIVE] > 0;

  for (PlForecastMethod m = 0; m < PL_N_FORECAST_METHODS; m++)
    {
      double score;

      if (!method_can_run (m, n))
        continue;
      score = by_mape ? backtest_mape (bt, m) : backtest_rmse (bt, m);
      if (isfinite (score) && score < best_score - TIE)
        {
          best = m;
          best_score = score;
        }
    }
  return best;
}

/* σ at each horizon of the chosen method, as the comment at the top says. */
static void
band_from_backtest (const Backtest *bt, PlForecastMethod m, guint horizon, double *sigma)
{
  double last = 0;
  guint last_step = 0;

  for (guint step = 1; step <= horizon; step++)
    {
      gboolean seen = step <= BACKTEST_HORIZON && bt->n_sq[m][step] > 0;
      double s = seen ? sqrt (bt->sq[m][step] / bt->n_sq[m][step])
               : last_step > 0 ? last * sqrt ((double) step / last_step) : 0;

      if (step > 1)
        s = MAX (s, sigma[step - 2]);
      if (seen)
        {
          last = s;
          last_step = step;
        }
      sigma[step - 1] = s;
    }
}

/* The spread of a short history: about the line through its first and last value for the
 * drift, the root mean square of its month-to-month changes for the others. */
static double
short_spread (const History *h, PlForecastMethod method)
{
  double sum = 0;
  guint n = 0;

  if (method != PL_FORECAST_DRIFT)
    {
      for (guint i = 1; i < h->n; i++)
        if (h->known[i] && h->known[i - 1])
          {
            sum += (h->y[i] - h->y[i - 1]) * (h->y[i] - h->y[i - 1]);
            n++;
          }
      return n > 0 ? sqrt (sum / n) : 0;
    }
  if (h->n < 3)
    return 0;
  for (guint i = 1; i + 1 < h->n; i++)
    {
      double line = h->y[0] + (h->y[h->n - 1] - h->y[0]) * i / (h->n - 1);
      double e = h->y[i] - line;

      if (h->known[i])
        {
          sum += e * e;
          n++;
        }
    }
  return n > 0 ? sqrt (sum / n) : 0;
}

static gboolean
forecast_run (const double *values, guint n, guint horizon, int forced, PlForecast *f)
{
  History h;
  Backtest bt;
  Holt holt = { 0, 0 };
  double sigma[PL_FORECAST_MAX_HORIZON];
  gboolean tested, nonnegative = TRUE;

  memset (f, 0, sizeof *f);
  horizon = MIN (horizon, PL_FORECAST_MAX_HORIZON);
  f->horizon = horizon;
  f->alpha = f->beta = f->mape = f->mape_naive = NAN;
  for (PlForecastMethod m = 0; m < PL_N_FORECAST_METHODS; m++)
    f->mape_of[m] = NAN;
  history_fill (&h, values, n);
  f->n_history = h.n;
  if (h.n == 0)
    {
      f->why = PL_FORECAST_WHY_NO_HISTORY;
      for (guint i = 0; i < horizon; i++)
        f->points[i] = (PlForecastPoint) { NAN, NAN, NAN };
      return FALSE;
    }

  if (h.n >= PL_FORECAST_MIN_HOLT)
    holt_fit (&h, &f->alpha, &f->beta);
  tested = h.n >= PL_FORECAST_MIN_BACKTEST;
  if (tested)
    {
      backtest_run (&h, CLAMP (horizon, 1, BACKTEST_HORIZON), f->alpha, f->beta, &bt);
      for (PlForecastMethod m = 0; m < PL_N_FORECAST_METHODS; m++)
        if (method_can_run (m, h.n))
          f->mape_of[m] = backtest_mape (&bt, m);
      f->mape_naive = f->mape_of[PL_FORECAST_NAIVE];
    }

  if (forced >= 0)
    {
      f->method = (PlForecastMethod) forced;
      if (!method_can_run (f->method, h.n))
        f->method = h.n >= 2 && f->method == PL_FORECAST_HOLT ? PL_FORECAST_DRIFT : PL_FORECAST_NAIVE;
      f->why = PL_FORECAST_WHY_FORCED;
    }
  else if (tested)
    {
      f->method = backtest_choose (&bt, h.n);
      f->why = PL_FORECAST_WHY_BACKTEST;
    }
  else if (h.n >= 2)
    {
      /* A line through two values is their noise: it took a reference plan's leads from 120
       * and 80 to none by April. From three on, the line has a spread to show. */
      f->method = h.n >= 3 ? PL_FORECAST_DRIFT : PL_FORECAST_NAIVE;
      f->why = PL_FORECAST_WHY_SHORT;
    }
  else
    {
      f->method = PL_FORECAST_NAIVE;
      f->why = PL_FORECAST_WHY_ONE_VALUE;
    }
  f->mape = f->mape_of[f->method];

  if (tested)
    band_from_backtest (&bt, f->method, horizon, sigma);
  else
    {
      double spread = short_spread (&h, f->method);

      for (guint step = 1; step <= horizon; step++)
        sigma[step - 1] = spread * sqrt (step);
    }

  if (f->method == PL_FORECAST_HOLT)
    {
      holt_start (&h, &holt);
      for (guint t = 1; t < h.n; t++)
        holt_update (&holt, h.y[t], f->alpha, f->beta);
    }
  for (guint i = 0; i < h.n; i++)
    nonnegative = nonnegative && h.y[i] >= 0;
  for (guint step = 1; step <= horizon; step++)
    {
      double value = predict (f->method, &h, h.n, step, &holt);
      double half = PL_FORECAST_Z80 * sigma[step - 1];
      PlForecastPoint *p = &f->points[step - 1];

      *p = (PlForecastPoint) { value, value - half, value + half };
      if (nonnegative)
        *p = (PlForecastPoint) { MAX (p->value, 0), MAX (p->low, 0), MAX (p->high, 0) };
    }
  return TRUE;
}

gboolean
pl_forecast_series (const double *history, guint n, guint horizon, PlForecast *forecast)
{
  g_return_val_if_fail (forecast != NULL && (history != NULL || n == 0), FALSE);
  return forecast_run (history, n, horizon, -1, forecast);
}

gboolean
pl_forecast_series_with (const double *history, guint n, guint horizon, PlForecastMethod method,
                         PlForecast *forecast)
{
  g_return_val_if_fail (forecast != NULL && (history != NULL || n == 0), FALSE);
  g_return_val_if_fail (method < PL_N_FORECAST_METHODS, FALSE);
  return forecast_run (history, n, horizon, (int) method, forecast);
}

const char *
pl_forecast_method_key (PlForecastMethod method)
{
  static const char *keys[] = { "naive", "drift", "seasonal-naive", "holt" };

  return method < G_N_ELEMENTS (keys) ? keys[method] : "naive";
}

const char *
pl_forecast_method_name (PlForecastMethod method)
{
  switch (method)
    {
    case PL_FORECAST_DRIFT: return _("Linear trend from the first to the last value");
    case PL_FORECAST_SEASONAL_NAIVE: return _("Same month last year");
    case PL_FORECAST_HOLT: return _("Holt’s linear trend");
    case PL_FORECAST_NAIVE:
    default: return _("Last value carried forward");
    }
}

const char *
pl_forecast_method_of (const PlForecast *forecast)
{
  g_return_val_if_fail (forecast != NULL, NULL);
  if (forecast->why == PL_FORECAST_WHY_FORMULA)
    return _("its formula over its operands’ forecasts");
  /* Within a sentence, after "method:": not capitalised, but a name keeps its capital. */
  switch (forecast->method)
    {
    case PL_FORECAST_DRIFT: return C_("forecast method in a sentence", "linear trend from the first to the last value");
    case PL_FORECAST_SEASONAL_NAIVE: return C_("forecast method in a sentence", "same month last year");
    case PL_FORECAST_HOLT: return C_("forecast method in a sentence", "Holt’s linear trend");
    case PL_FORECAST_NAIVE:
    default: return C_("forecast method in a sentence", "last value carried forward");
    }
}

static char *
percent (double fraction)
{
  return pl_percent_format (fraction * 100, 1);
}

char *
pl_forecast_describe (const PlForecast *f)
{
  g_autofree char *method = NULL;

  g_return_val_if_fail (f != NULL, NULL);
  if (f->method == PL_FORECAST_HOLT && !isnan (f->alpha))
    /* Translators: Holt's method with its two smoothing constants, "(α 0.5, β 0.1)" */
    method = g_strdup_printf (_("%s (α %.2g, β %.2g)"), pl_forecast_method_name (f->method), f->alpha, f->beta);
  else
    method = g_strdup (pl_forecast_method_name (f->method));

  switch (f->why)
    {
    case PL_FORECAST_WHY_NO_HISTORY:
      return g_strdup (_("No forecast: nothing is measured yet."));
    case PL_FORECAST_WHY_FORMULA:
      return g_strdup (_("Its formula over its operands’ forecasts, each made for its own history; the band from the ends of theirs."));
    case PL_FORECAST_WHY_ONE_VALUE:
      return g_strdup_printf (_("%s: only one month is measured, so there is no trend and no band yet."), method);
    case PL_FORECAST_WHY_SHORT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s with its spread: %u month is too short a history to test the methods on.",
                                           "%s with its spread: %u months are too short a history to test the methods on.",
                                           f->n_history),
                              method, f->n_history);
    case PL_FORECAST_WHY_FORCED:
    case PL_FORECAST_WHY_BACKTEST:
    default:
      if (isnan (f->mape) || isnan (f->mape_naive))
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s, chosen by a back-test on %u month.",
                                             "%s, chosen by a back-test on %u months.", f->n_history),
                                method, f->n_history);
      {
        g_autofree char *mape = percent (f->mape);
        g_autofree char *naive = percent (f->mape_naive);

        if (f->method == PL_FORECAST_NAIVE)
          /* Translators: "Last value carried forward, chosen by a back-test on 6 months: 15.1 % mean error; no other method did better." */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s, chosen by a back-test on %u month: %s mean error; no other method did better.",
                                               "%s, chosen by a back-test on %u months: %s mean error; no other method did better.",
                                               f->n_history),
                                  method, f->n_history, mape);

        /* Translators: "Holt's linear trend (α 0.5, β 0.1), chosen by a back-test on 48 months:
         * 8.2 % mean error, against 11.0 % for the last value carried forward." */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s, chosen by a back-test on %u month: %s mean error, against %s for the last value carried forward.",
                                             "%s, chosen by a back-test on %u months: %s mean error, against %s for the last value carried forward.",
                                             f->n_history),
                                method, f->n_history, mape, naive);
      }
    }
}

/* The latest estimate. */

/* The months of the window: from PL_FORECAST_MAX_HISTORY - 1 months before @last up to it. */
typedef struct {
  guint32 start[PL_FORECAST_MAX_HISTORY + 1]; /* first days; start[n] the day after */
  double  value[PL_FORECAST_MAX_HISTORY];
  guint   n;
} Window;

static void
window_init (Window *w, guint32 last_month)
{
  w->n = PL_FORECAST_MAX_HISTORY;
  for (guint i = 0; i <= w->n; i++)
    w->start[i] = pl_month_first_day (last_month, (int) i - (int) (w->n - 1));
  for (guint i = 0; i < w->n; i++)
    w->value[i] = NAN;
}

/* Whole months from the month of @from to the month of @to. */
static int
month_diff (guint32 from, guint32 to)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_julian (&a, from);
  g_date_set_julian (&b, to);
  return ((int) g_date_get_year (&b) - (int) g_date_get_year (&a)) * 12 +
         (int) g_date_get_month (&b) - (int) g_date_get_month (&a);
}

/* A quarterly KPI's value stands in the first month of its quarter: spread over the quarter's
 * months (a sum shared evenly, a level repeated), so that the months read as a monthly series
 * and a quarter's months already known are not forecast, nor carried over three times. */
static void
window_spread_quarters (Window *w, PlPlan *plan, PlKpi *kpi, PlAggregate aggregate)
{
  for (guint i = 0; i < w->n; i++)
    {
      guint32 next;
      int months;
      double share;

      if (isnan (w->value[i]))
        continue;
      next = pl_kpi_period_next (plan, PL_ITEM (kpi), w->start[i]);
      months = MAX (month_diff (w->start[i], next - 1) + 1, 1);
      share = aggregate == PL_AGGREGATE_SUM ? w->value[i] / months : w->value[i];
      for (int k = 0; k < months && i + (guint) k < w->n; k++)
        w->value[i + (guint) k] = share;
      i += (guint) months - 1;
    }
}

/* The window's months from @kpi's own points on or before @as_of, combined by @aggregate:
 * one pass over the points, no allocation. */
static void
window_from_points (Window *w, PlPlan *plan, PlKpi *kpi, PlAggregate aggregate, guint32 as_of)
{
  PlSeries *series = pl_kpi_get_measurements (kpi);
  guint n = pl_series_get_n (series);
  guint month = 0, count = 0;
  double sum = 0, last = NAN;

  for (guint i = pl_series_lower_bound (series, w->start[0]); i <= n; i++)
    {
      const PlPoint *point = i < n ? pl_series_get (series, i) : NULL;
      gboolean done = point == NULL || point->julian > as_of || point->julian >= w->start[w->n];

      while (month < w->n && (done || point->julian >= w->start[month + 1]))
        {
          if (count > 0)
            w->value[month] = aggregate == PL_AGGREGATE_SUM ? sum
                            : aggregate == PL_AGGREGATE_MEAN ? sum / count : last;
          sum = 0;
          count = 0;
          last = NAN;
          month++;
          if (done)
            break;
        }
      if (done)
        break;
      if (isfinite (point->value))
        {
          sum += point->value;
          last = point->value;
          count++;
        }
    }
  if (pl_item_get_int (PL_ITEM (kpi), PL_KPI_FREQUENCY) == PL_FREQUENCY_QUARTERLY)
    window_spread_quarters (w, plan, kpi, aggregate);
}

static gboolean
has_formula (PlKpi *kpi)
{
  const char *text = pl_item_get_string (PL_ITEM (kpi), PL_KPI_FORMULA);

  return text != NULL && *text != '\0';
}

/* The window's months of a formula KPI: the formula over its operands' values of each month
 * to @as_of, as the figures give them (NAN where an operand is missing): the history that
 * pl_forecast_kpi_months() gives; the estimate itself goes through the operands. */
static void
window_from_formula (Window *w, PlPlan *plan, PlKpi *kpi, guint32 as_of)
{
  for (guint i = 0; i < w->n && w->start[i] <= as_of; i++)
    w->value[i] = pl_figures_kpi_value (plan, kpi, w->start[i], MIN (w->start[i + 1], as_of + 1));
}

/* Combines @e's first @n months by its aggregate into its value, band and actual. */
static void
combine (PlLatestEstimate *e, guint n)
{
  double sum = 0, low = 0, high = 0, actual = 0, last_actual = NAN;
  guint count = 0, n_actual = 0;

  n = MIN (n, e->n_months);
  for (guint i = 0; i < n; i++)
    {
      const PlForecastPoint *p = &e->months[i];

      if (isnan (p->value))
        continue;
      sum += p->value;
      low += p->low;
      high += p->high;
      count++;
      if (i < e->n_actual)
        {
          actual += p->value;
          last_actual = p->value;
          n_actual++;
        }
    }
  if (count == 0)
    {
      e->value = e->low = e->high = e->actual = NAN;
      e->missing = PL_ESTIMATE_NOT_MEASURED;
      return;
    }
  switch (e->aggregate)
    {
    case PL_AGGREGATE_LAST:
      e->value = e->months[n - 1].value;
      e->low = e->months[n - 1].low;
      e->high = e->months[n - 1].high;
      e->actual = last_actual;
      break;
    case PL_AGGREGATE_MEAN:
      e->value = sum / count;
      e->low = low / count;
      e->high = high / count;
      e->actual = n_actual > 0 ? actual / n_actual : NAN;
      break;
    case PL_AGGREGATE_SUM:
    default:
      e->value = sum;
      e->low = low;
      e->high = high;
      e->actual = n_actual > 0 ? actual : NAN;
      break;
    }
}

static void
estimate_missing (PlLatestEstimate *e, PlEstimateMissing why)
{
  e->missing = why;
  e->value = e->low = e->high = e->actual = NAN;
  pl_forecast_series (NULL, 0, 0, &e->forecast);
}

/* Fills @e from @w: the months up to the last one measured are actuals, the rest of the
 * period is forecast from them. */
static void
estimate_from_window (PlPlan *plan, const Window *w, PlAggregate aggregate, guint n_combine, PlLatestEstimate *e)
{
  int last = -1, horizon;
  guint cut;
  double carried = NAN;

  memset (e, 0, sizeof *e);
  e->aggregate = aggregate;
  e->n_months = MIN (pl_plan_get_months (plan), PL_FORECAST_MAX_MONTHS);
  for (guint i = 0; i < w->n; i++)
    if (!isnan (w->value[i]))
      last = (int) i;
  if (last < 0)
    {
      estimate_missing (e, PL_ESTIMATE_NOT_MEASURED);
      return;
    }
  cut = (guint) last + 1;
  /* The months after the last measured one, to the period's last. */
  horizon = MAX (month_diff (w->start[cut - 1], pl_plan_get_end (plan) - 1), 0);
  if (horizon > PL_FORECAST_MAX_HORIZON)
    {
      estimate_missing (e, PL_ESTIMATE_TOO_OLD);
      return;
    }
  pl_forecast_series (w->value, cut, (guint) horizon, &e->forecast);

  for (guint m = 0; m < e->n_months; m++)
    {
      int i = month_diff (w->start[0], pl_plan_month_start (plan, m));
      PlForecastPoint *p = &e->months[m];

      if (i < (int) cut)
        {
          /* A gap among the measured months is carried over, as the forecast reads it; a
           * month before the first measurement in the window is left out. */
          for (int j = 0; j <= i; j++)
            if (!isnan (w->value[j]))
              carried = w->value[j];
          *p = (PlForecastPoint) { carried, carried, carried };
          e->n_actual = m + 1;
        }
      else
        *p = e->forecast.points[i - (int) cut];
    }
  e->missing = PL_ESTIMATE_AVAILABLE;
  combine (e, n_combine);
}

static guint32
window_last_month (PlPlan *plan, guint32 as_of)
{
  guint32 period_last = pl_month_first_day (pl_plan_get_end (plan) - 1, 0);
  guint32 month = pl_month_first_day (as_of, 0);

  return MIN (month, period_last);
}

/* The window's months from the spending records, in one pass over them (a pass per month
 * was most of the time of the 20,000-campaign plan's estimates): each month of the period to
 * @as_of the sum of its records, 0 when none; before the period nothing is known. */
static void
window_from_records (Window *w, PlPlan *plan, guint32 as_of)
{
  GListModel *spend = pl_plan_get_collection (plan, PL_COLLECTION_SPEND);
  guint32 from = MAX (w->start[0], pl_plan_get_start (plan));
  guint32 to = MIN (MIN (w->start[w->n], as_of + 1), pl_plan_get_end (plan));
  double unit = pow (10, pl_plan_get_currency_exponent (plan));
  gint64 total[PL_FORECAST_MAX_HISTORY] = { 0 };

  for (guint i = 0, n = g_list_model_get_n_items (spend); i < n; i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (spend, i);
      guint32 date = pl_item_get_julian (entry, PL_SPEND_DATE);
      guint lo = 0, hi = w->n;

      if (date < from || date >= to || !pl_spend_is_actual (entry))
        continue;
      /* The month holding @date: the last whose first day is on or before it. */
      while (hi - lo > 1)
        {
          guint mid = (lo + hi) / 2;

          if (w->start[mid] <= date)
            lo = mid;
          else
            hi = mid;
        }
      total[lo] = pl_money_sum (total[lo], pl_item_get_int (entry, PL_SPEND_AMOUNT));
    }
  for (guint i = 0; i < w->n; i++)
    if (w->start[i + 1] > from && w->start[i] < to)
      w->value[i] = total[i] == PL_MONEY_OVERFLOW ? NAN : total[i] / unit;
}

/* A month still running on @as_of whose total is added up from weeks or days is only part of
 * that total, and would read as a fall: it is forecast whole instead, its weeks or days so
 * far left out. (A monthly or quarterly value is the whole period's, whenever it was typed.) */
static void
window_drop_running_month (Window *w, guint32 as_of)
{
  if (w->start[w->n] > as_of + 1)
    w->value[w->n - 1] = NAN;
}

/* Fills @w with @kpi's months as of @as_of; returns its aggregate. */
static PlAggregate
kpi_window (PlPlan *plan, PlKpi *kpi, guint32 as_of, Window *w)
{
  PlAggregate aggregate = (PlAggregate) pl_item_get_int (PL_ITEM (kpi), PL_KPI_AGGREGATE);
  gboolean formula_kpi = has_formula (kpi);
  /* The spend KPI of a plan that books its spending shows the spending records. */
  gboolean records = !formula_kpi && pl_item_get_int (PL_ITEM (kpi), PL_KPI_STAGE) == PL_STAGE_SPEND &&
                     pl_figures_spend_source (plan) == PL_SPEND_FROM_RECORDS;

  window_init (w, window_last_month (plan, as_of));
  if (records)
    window_from_records (w, plan, as_of);
  else if (formula_kpi)
    window_from_formula (w, plan, kpi, as_of);
  else
    window_from_points (w, plan, kpi, aggregate, as_of);
  if (aggregate == PL_AGGREGATE_SUM &&
      (records || (!formula_kpi && pl_item_get_int (PL_ITEM (kpi), PL_KPI_FREQUENCY) == PL_FREQUENCY_WEEKLY)))
    window_drop_running_month (w, as_of);
  return aggregate;
}

guint32
pl_forecast_kpi_months (PlPlan *plan, PlKpi *kpi, guint32 as_of, double values[PL_FORECAST_MAX_HISTORY])
{
  Window w;

  g_return_val_if_fail (PL_IS_PLAN (plan) && PL_IS_KPI (kpi) && values != NULL, 0);
  kpi_window (plan, kpi, as_of, &w);
  memcpy (values, w.value, sizeof w.value);
  return w.start[0];
}

/* The estimates of one call: each KPI met once, each formula parsed once. */
typedef struct {
  PlPlan     *plan;
  guint32     as_of;
  guint       n_combine;  /* the period's months the value is over */
  GHashTable *done;       /* PlKpi -> its PlLatestEstimate (owned) */
  GHashTable *formulas;   /* PlKpi -> PlFormula, NULL when it does not parse */
} Run;

/* A formula's operands at one corner of their bands, or at their values. */
typedef struct {
  const char * const *refs;
  double              value[64];
} Operands;

static double
operand_value (const char *id, gpointer user_data)
{
  Operands *operands = user_data;

  for (guint i = 0; operands->refs[i] != NULL; i++)
    if (g_str_equal (operands->refs[i], id))
      return operands->value[i];
  return NAN;
}

/* @formula at the operands' values @p[i].value, and its band: the smallest and largest over
 * the corners of the operands' bands (PL_FORECAST_MAX_CORNER_OPERANDS says how many). */
static PlForecastPoint
formula_point (const PlFormula *formula, const PlForecastPoint *p, guint k)
{
  guint full = MIN (k, PL_FORECAST_MAX_CORNER_OPERANDS);
  guint rest = k > full ? 2 : 1;
  Operands o = { pl_formula_get_references (formula), { 0 } };
  PlForecastPoint point;

  for (guint i = 0; i < k; i++)
    o.value[i] = p[i].value;
  point.value = pl_formula_evaluate (formula, operand_value, &o);
  point.low = INFINITY;
  point.high = -INFINITY;
  for (guint corner = 0; corner < (1u << full) * rest; corner++)
    {
      double v;

      for (guint i = 0; i < k; i++)
        {
          /* Bit i of the corner for the first ones; the last bit for all the others. */
          gboolean at_high = i < full ? (corner >> i) & 1 : (corner >> full) & 1;

          o.value[i] = at_high ? p[i].high : p[i].low;
        }
      v = pl_formula_evaluate (formula, operand_value, &o);
      if (!isfinite (v))
        {
          point.low = point.high = NAN;
          break;
        }
      point.low = MIN (point.low, v);
      point.high = MAX (point.high, v);
    }
  if (!isfinite (point.value))
    point.value = point.low = point.high = NAN;
  return point;
}

/* @kpi's estimate from its operands', which are done (or, when not, wait on @kpi: a loop). */
static PlLatestEstimate *
formula_estimate (Run *run, PlKpi *kpi)
{
  PlLatestEstimate *e = g_new0 (PlLatestEstimate, 1);
  PlFormula *formula = pl_formula_cache_get (run->formulas, kpi);
  const PlLatestEstimate *op[64];
  PlForecastPoint p[64];
  guint k = 0;

  e->aggregate = (PlAggregate) pl_item_get_int (PL_ITEM (kpi), PL_KPI_AGGREGATE);
  e->n_months = MIN (pl_plan_get_months (run->plan), PL_FORECAST_MAX_MONTHS);
  e->n_actual = e->n_months;
  pl_forecast_series (NULL, 0, 0, &e->forecast);
  e->forecast.why = PL_FORECAST_WHY_FORMULA;
  if (formula == NULL)
    {
      estimate_missing (e, PL_ESTIMATE_FORMULA);
      return e;
    }
  for (const char * const *ref = pl_formula_get_references (formula); *ref != NULL; ref++, k++)
    {
      PlItem *item = pl_plan_lookup (run->plan, *ref);

      if (k == G_N_ELEMENTS (op) || item == NULL || !PL_IS_KPI (item))
        {
          estimate_missing (e, PL_ESTIMATE_FORMULA);
          return e;
        }
      op[k] = g_hash_table_lookup (run->done, item);
      if (op[k] == NULL)
        {
          estimate_missing (e, PL_ESTIMATE_LOOP);
          return e;
        }
      if (op[k]->missing != PL_ESTIMATE_AVAILABLE)
        {
          estimate_missing (e, op[k]->missing);
          return e;
        }
      e->n_actual = MIN (e->n_actual, op[k]->n_actual);
    }
  for (guint m = 0; m < e->n_months; m++)
    {
      for (guint i = 0; i < k; i++)
        p[i] = op[i]->months[m];
      e->months[m] = formula_point (formula, p, k);
      /* A measured month has no band, whatever rounding the corners gave. */
      if (m < e->n_actual)
        e->months[m].low = e->months[m].high = e->months[m].value;
    }
  for (guint i = 0; i < k; i++)
    p[i] = (PlForecastPoint) { op[i]->value, op[i]->low, op[i]->high };
  {
    PlForecastPoint period = formula_point (formula, p, k);

    e->value = period.value;
    e->low = period.low;
    e->high = period.high;
  }
  for (guint i = 0; i < k; i++)
    p[i] = (PlForecastPoint) { op[i]->actual, op[i]->actual, op[i]->actual };
  e->actual = formula_point (formula, p, k).value;
  e->missing = isnan (e->value) ? PL_ESTIMATE_NOT_MEASURED : PL_ESTIMATE_AVAILABLE;
  return e;
}

static PlLatestEstimate *
plain_estimate (Run *run, PlKpi *kpi)
{
  PlLatestEstimate *e = g_new (PlLatestEstimate, 1);
  Window w;
  PlAggregate aggregate = kpi_window (run->plan, kpi, run->as_of, &w);

  estimate_from_window (run->plan, &w, aggregate, run->n_combine, e);
  return e;
}

/* @kpi's estimate after those of every KPI its formula uses, however deep the chain: a
 * depth-first walk with a stack of its own, as the figures evaluate formulas, each KPI once.
 * An operand still waiting on its own operands when its user is evaluated is in a loop. */
static const PlLatestEstimate *
run_estimate (Run *run, PlKpi *kpi)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GHashTable) expanded = g_hash_table_new (NULL, NULL);

  g_ptr_array_add (stack, kpi);
  while (stack->len > 0)
    {
      PlKpi *top = g_ptr_array_index (stack, stack->len - 1);
      PlFormula *formula;

      if (g_hash_table_contains (run->done, top))
        g_ptr_array_set_size (stack, stack->len - 1);
      else if (!has_formula (top))
        {
          g_ptr_array_set_size (stack, stack->len - 1);
          g_hash_table_insert (run->done, top, plain_estimate (run, top));
        }
      else if (g_hash_table_contains (expanded, top))
        {
          g_ptr_array_set_size (stack, stack->len - 1);
          g_hash_table_insert (run->done, top, formula_estimate (run, top));
        }
      else
        {
          g_hash_table_add (expanded, top);
          if ((formula = pl_formula_cache_get (run->formulas, top)) == NULL)
            continue;
          for (const char * const *ref = pl_formula_get_references (formula); *ref != NULL; ref++)
            {
              PlItem *operand = pl_plan_lookup (run->plan, *ref);

              if (operand != NULL && PL_IS_KPI (operand) && !g_hash_table_contains (expanded, operand) &&
                  !g_hash_table_contains (run->done, operand))
                g_ptr_array_add (stack, operand);
            }
        }
    }
  return g_hash_table_lookup (run->done, kpi);
}

static PlLatestEstimate
estimate_kpi (PlPlan *plan, PlKpi *kpi, guint32 as_of, guint n_combine)
{
  Run run = { plan, as_of, n_combine, g_hash_table_new_full (NULL, NULL, NULL, g_free),
              pl_formula_cache_new () };
  PlLatestEstimate e;

  if (!has_formula (kpi))
    {
      /* No table needed for the common case. */
      Window w;
      PlAggregate aggregate = kpi_window (plan, kpi, as_of, &w);

      estimate_from_window (plan, &w, aggregate, n_combine, &e);
    }
  else
    e = *run_estimate (&run, kpi);
  g_hash_table_unref (run.done);
  g_hash_table_unref (run.formulas);
  return e;
}

PlLatestEstimate
pl_forecast_kpi (PlPlan *plan, PlKpi *kpi, guint32 as_of)
{
  g_return_val_if_fail (PL_IS_PLAN (plan) && PL_IS_KPI (kpi), (PlLatestEstimate) { .missing = PL_ESTIMATE_NOT_MEASURED });
  return estimate_kpi (plan, kpi, as_of, PL_FORECAST_MAX_MONTHS);
}

PlLatestEstimate
pl_forecast_kpi_until (PlPlan *plan, PlKpi *kpi, guint32 as_of, guint32 until)
{
  guint n = 0;

  g_return_val_if_fail (PL_IS_PLAN (plan) && PL_IS_KPI (kpi), (PlLatestEstimate) { .missing = PL_ESTIMATE_NOT_MEASURED });
  while (n < MIN (pl_plan_get_months (plan), PL_FORECAST_MAX_MONTHS) && pl_plan_month_start (plan, n) < until)
    n++;
  if (n == 0)
    {
      PlLatestEstimate e = { 0 };

      estimate_missing (&e, PL_ESTIMATE_NOT_MEASURED);
      return e;
    }
  return estimate_kpi (plan, kpi, as_of, n);
}

PlLatestEstimate
pl_forecast_spend (PlPlan *plan, guint32 as_of)
{
  PlLatestEstimate e;
  Window w;
  PlKpi *kpi;

  g_return_val_if_fail (PL_IS_PLAN (plan), (PlLatestEstimate) { .missing = PL_ESTIMATE_NO_SPEND });
  switch (pl_figures_spend_source (plan))
    {
    case PL_SPEND_FROM_KPI:
      kpi = pl_figures_kpi_for_stage (plan, PL_STAGE_SPEND);
      if (kpi != NULL)
        return pl_forecast_kpi (plan, kpi, as_of);
      break;
    case PL_SPEND_FROM_RECORDS:
      window_init (&w, window_last_month (plan, as_of));
      window_from_records (&w, plan, as_of);
      window_drop_running_month (&w, as_of);
      estimate_from_window (plan, &w, PL_AGGREGATE_SUM, PL_FORECAST_MAX_MONTHS, &e);
      return e;
    case PL_SPEND_NONE:
    default:
      break;
    }
  memset (&e, 0, sizeof e);
  e.missing = PL_ESTIMATE_NO_SPEND;
  e.value = e.low = e.high = e.actual = NAN;
  return e;
}

char *
pl_latest_estimate_reason (PlPlan *plan, const PlLatestEstimate *estimate, guint32 as_of)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (PL_IS_PLAN (plan) && estimate != NULL, NULL);
  switch (estimate->missing)
    {
    case PL_ESTIMATE_AVAILABLE:
      return NULL;
    case PL_ESTIMATE_TOO_OLD:
      return g_strdup (_("No estimate: the last measurement is too long before the period’s end to forecast from it."));
    case PL_ESTIMATE_NO_SPEND:
      return g_strdup (_("No estimate: the plan has no spending records and no spend KPI."));
    case PL_ESTIMATE_LOOP:
      return g_strdup (_("No estimate: its formula refers to itself, through other KPIs or directly."));
    case PL_ESTIMATE_FORMULA:
      return g_strdup (_("No estimate: its formula cannot be read or names something that is not a KPI."));
    case PL_ESTIMATE_NOT_MEASURED:
    default:
      day = pl_date_text (as_of, PL_DATE_LONG);
      /* Translators: "No estimate: nothing is measured on or before 30 June 2027." */
      return g_strdup_printf (_("No estimate: nothing is measured on or before %s."), day);
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-cli"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-cli-output.h"
#include "pl-cli-planning.h"
#include "pl-date-text.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-forecast.h"
#include "pl-money.h"

/* The columns of the forward table, left to right. */
static const PlProjectionRow forward_rows[] = {
  PL_PROJECTION_SPEND, PL_PROJECTION_LEADS, PL_PROJECTION_MQL, PL_PROJECTION_SQL,
  PL_PROJECTION_CUSTOMERS, PL_PROJECTION_REVENUE, PL_PROJECTION_CAC, PL_PROJECTION_LTV_CAC,
  PL_PROJECTION_ROI,
};
/* What a back-solve asks for, and the volumes delays push out of the period. */
static const PlProjectionRow volume_rows[] = {
  PL_PROJECTION_LEADS, PL_PROJECTION_MQL, PL_PROJECTION_SQL, PL_PROJECTION_CUSTOMERS, PL_PROJECTION_REVENUE,
};
/* The drivers the forward chain cannot do without. */
static const PlDriver chain_drivers[] = {
  PL_DRIVER_CPL, PL_DRIVER_LEAD_TO_MQL, PL_DRIVER_MQL_TO_SQL, PL_DRIVER_SQL_TO_CUSTOMER,
};

#define MONTH_WIDTH 18
#define COLUMN_WIDTH 10

PlScenario *
pl_cli_find_scenario (PlPlan *plan, const char *name, GError **error)
{
  PlScenario *scenario = pl_scenario_find (plan, name);
  GListModel *scenarios = pl_plan_get_collection (plan, PL_COLLECTION_SCENARIOS);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *list = NULL;

  if (scenario != NULL)
    return scenario;
  if (g_list_model_get_n_items (scenarios) == 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("The plan has no scenario “%s”: it has no scenarios at all."), name);
      return NULL;
    }
  builder = g_strv_builder_new ();
  for (guint i = 0, n = g_list_model_get_n_items (scenarios); i < n; i++)
    {
      g_autoptr(PlItem) other = g_list_model_get_item (scenarios, i);
      g_strv_builder_add (builder, pl_item_get_display_name (other));
    }
  names = g_strv_builder_end (builder);
  list = g_strjoinv (", ", names);
  /* Translators: the name asked for, then the plan's scenarios: "Base, Stretch" */
  g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND, _("The plan has no scenario “%s”; its scenarios are: %s."),
               name, list);
  return NULL;
}

gboolean
pl_cli_parse_target (const char *text, PlGoalKind *goal, double *amount, GError **error)
{
  const char *equal = text != NULL ? strchr (text, '=') : NULL;
  g_autofree char *kind = equal != NULL ? g_strndup (text, equal - text) : NULL;
  double value = NAN;

  if (kind != NULL && strcmp (g_strstrip (kind), "revenue") == 0)
    *goal = PL_GOAL_REVENUE;
  else if (kind != NULL && strcmp (kind, "customers") == 0)
    *goal = PL_GOAL_CUSTOMERS;
  else
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("The target “%s” is not one Pilote knows: write revenue=AMOUNT or customers=NUMBER."),
                   text != NULL ? text : "");
      return FALSE;
    }
  if (!pl_number_parse_typed (equal + 1, &value, NULL) || !isfinite (value) || value <= 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   *goal == PL_GOAL_REVENUE ? _("The revenue target “%s” is not an amount above 0 (write revenue=1200000).")
                                            : _("The customers target “%s” is not a number above 0 (write customers=150)."),
                   equal + 1);
      return FALSE;
    }
  *amount = value;
  return TRUE;
}

/* ---- values in words ---- */

/* A count or an amount in whole units, digits grouped as the locale does; "n/a" when missing. */
static char *
whole_text (double value)
{
  g_autofree char *plain = NULL;

  if (!isfinite (value))
    return g_strdup (_("n/a"));
  /* No "-0" for a value that rounds to nothing. */
  plain = g_strdup_printf ("%.0f", round (value) == 0 ? 0.0 : value);
  return pl_group_digits (plain);
}

static char *
row_text (PlProjectionRow row, double value)
{
  if (!isfinite (value))
    return g_strdup (_("n/a"));
  switch (row)
    {
    case PL_PROJECTION_LTV_CAC:
      return pl_ratio_format (value, 1);
    case PL_PROJECTION_ROI:
      return pl_percent_format (value * 100, 0);
    case PL_PROJECTION_SPEND:
    case PL_PROJECTION_LEADS:
    case PL_PROJECTION_MQL:
    case PL_PROJECTION_SQL:
    case PL_PROJECTION_CUSTOMERS:
    case PL_PROJECTION_REVENUE:
    case PL_PROJECTION_CAC:
    case PL_PROJECTION_LTV:
    case PL_N_PROJECTION_ROWS:
    default:
      return whole_text (value);
    }
}

/* A driver's value in its unit: "48.20 EUR", "31.0%", "45 days", "-20%". */
static char *
driver_text (PlPlan *plan, PlDriver driver, double value)
{
  guint exponent = pl_plan_get_currency_exponent (plan);

  if (!isfinite (value))
    return g_strdup (_("not known"));
  switch (pl_driver_unit (driver))
    {
    case PL_DRIVER_UNIT_MONEY:
      return pl_money_format (pl_money_from_major (value, exponent), exponent, pl_plan_get_currency (plan));
    case PL_DRIVER_UNIT_RATE:
      return pl_percent_format (value * 100, 1);
    case PL_DRIVER_UNIT_DAYS:
      {
        guint days = (guint) round (value);
        return g_strdup_printf (ngettext ("%u day", "%u days", days), days);
      }
    case PL_DRIVER_UNIT_PERCENT_CHANGE:
    default:
      {
        g_autofree char *percent = pl_percent_format (value, 0);
        return g_strconcat (value > 0 ? "+" : "", percent, NULL);
      }
    }
}

static const char *
source_key (PlDriverSource source)
{
  switch (source)
    {
    case PL_DRIVER_FROM_HISTORY:
      return "history";
    case PL_DRIVER_ASSUMED:
      return "assumed";
    case PL_DRIVER_DEFAULT:
      return "default";
    case PL_DRIVER_MISSING:
    default:
      return "missing";
    }
}

static const char *
unit_key (PlDriverUnit unit)
{
  switch (unit)
    {
    case PL_DRIVER_UNIT_MONEY:
      return "money";
    case PL_DRIVER_UNIT_RATE:
      return "rate";
    case PL_DRIVER_UNIT_DAYS:
      return "days";
    case PL_DRIVER_UNIT_PERCENT_CHANGE:
    default:
      return "percent-change";
    }
}

/* The name of the budget category @id, or @id when it has none. */
static const char *
category_name (PlPlan *plan, const char *id)
{
  PlItem *category = pl_plan_lookup (plan, id);

  return category != NULL ? pl_item_get_display_name (category) : id;
}

/* ---- what both commands share ---- */

typedef struct {
  PlPlan      *plan;
  PlScenario  *scenario;
  guint32      as_of;
  PlDrivers   *drivers;
  PlProjector *projector;
  gboolean     json;
  GString     *out;
} Run;

static void
run_init (Run *run, PlPlan *plan, PlScenario *scenario, guint32 as_of, gboolean json)
{
  run->plan = plan;
  run->scenario = scenario;
  run->as_of = as_of;
  run->json = json;
  run->drivers = scenario != NULL ? pl_scenario_get_drivers (scenario, plan, as_of)
                                  : pl_drivers_new_from_plan (plan, PL_DRIVERS_DEFAULT_WINDOW, as_of);
  run->projector = pl_projector_new (plan);
  run->out = g_string_new (NULL);
}

/* Frees what @run holds; returns its text, or NULL when @keep is FALSE. */
static char *
run_finish (Run *run, gboolean keep)
{
  pl_drivers_free (run->drivers);
  pl_projector_free (run->projector);
  return g_string_free (run->out, !keep);
}

static const char *
scenario_name (Run *run)
{
  return run->scenario != NULL ? pl_item_get_display_name (PL_ITEM (run->scenario)) : NULL;
}

/* The first lines of both: the plan, the period, the scenario, the day the drivers are for. */
static void
text_heading (Run *run, const char *what)
{
  PlBasis period = pl_basis_period (run->plan);
  g_autofree char *months = pl_basis_describe (run->plan, &period);
  g_autofree char *day = pl_date_text (run->as_of, PL_DATE_LONG);
  g_auto(GStrv) categories = pl_drivers_list_category_changes (run->drivers);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  int width = 0;

  /* Translators: "Forecast: Northwind 2027, January to December 2027" */
  g_string_append_printf (run->out, _("%s: %s, %s\n"), what, pl_plan_get_title (run->plan), months);
  if (run->scenario != NULL)
    /* Translators: %s is a scenario's name */
    g_string_append_printf (run->out, _("Scenario “%s”: its assumptions, the other drivers from the plan’s history.\n"),
                            scenario_name (run));

  for (int d = 0; d < PL_N_DRIVERS; d++)
    g_ptr_array_add (labels, g_strdup (pl_driver_name ((PlDriver) d)));
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    /* Translators: a budget category's planned spend changed by a scenario, "Spend on “Events”" */
    g_ptr_array_add (labels, g_strdup_printf (_("Spend on “%s”"), category_name (run->plan, categories[i])));
  /* The names' column as wide as the longest in the user's language. */
  for (guint i = 0; i < labels->len; i++)
    width = MAX (width, (int) g_utf8_strlen (labels->pdata[i], -1) + 2);
  /* Translators: %s is a day, "30 June 2027" */
  g_string_append_printf (run->out, _("Drivers as of %s:\n"), day);
  for (int d = 0; d < PL_N_DRIVERS; d++)
    {
      double value = pl_drivers_get (run->drivers, (PlDriver) d, NULL);
      g_autofree char *text = driver_text (run->plan, (PlDriver) d, value);
      g_autofree char *source = pl_drivers_describe_source (run->drivers, run->plan, (PlDriver) d);

      g_string_append (run->out, "  ");
      pl_cli_cell (run->out, labels->pdata[d], width, FALSE);
      pl_cli_cell (run->out, text, 16, TRUE);
      g_string_append_printf (run->out, "  %s\n", source);
    }
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    {
      double change = pl_drivers_get_category_change (run->drivers, categories[i]);
      g_autofree char *text = driver_text (run->plan, PL_DRIVER_SPEND_CHANGE, change);

      g_string_append (run->out, "  ");
      pl_cli_cell (run->out, labels->pdata[PL_N_DRIVERS + i], width, FALSE);
      pl_cli_cell (run->out, text, 16, TRUE);
      g_string_append_printf (run->out, "  %s\n", _("Assumption"));
    }
}

/* The head of the JSON object, as summary --json's: format, title, currency, period, as_of;
 * then the scenario and the drivers. */
static void
json_heading (Run *run)
{
  GString *out = run->out;
  PlBasis period = pl_basis_period (run->plan);
  guint32 from, to;
  g_auto(GStrv) categories = pl_drivers_list_category_changes (run->drivers);

  g_string_append (out, "{");
  pl_cli_json_key (out, "format", TRUE);
  g_string_append (out, "1");
  pl_cli_json_key (out, "title", FALSE);
  pl_cli_json_string (out, pl_plan_get_title (run->plan));
  pl_cli_json_key (out, "currency", FALSE);
  pl_cli_json_string (out, pl_plan_get_currency (run->plan));
  pl_cli_json_key (out, "period", FALSE);
  pl_cli_json_basis (out, run->plan, &period);
  pl_cli_json_key (out, "as_of", FALSE);
  pl_cli_json_day (out, run->as_of);
  pl_cli_json_key (out, "scenario", FALSE);
  pl_cli_json_string (out, scenario_name (run));
  pl_cli_json_key (out, "window", FALSE);
  pl_drivers_get_window (run->drivers, &from, &to);
  {
    PlBasis window = pl_basis_range (from, to);
    pl_cli_json_basis (out, run->plan, &window);
  }
  pl_cli_json_key (out, "drivers", FALSE);
  g_string_append (out, "[");
  for (int d = 0; d < PL_N_DRIVERS; d++)
    {
      PlDriverSource source;
      double value = pl_drivers_get (run->drivers, (PlDriver) d, &source);
      g_autofree char *label = pl_drivers_describe_source (run->drivers, run->plan, (PlDriver) d);

      g_string_append (out, d == 0 ? "\n    {\"key\": " : ",\n    {\"key\": ");
      pl_cli_json_string (out, pl_driver_key ((PlDriver) d));
      g_string_append (out, ", \"name\": ");
      pl_cli_json_string (out, pl_driver_name ((PlDriver) d));
      g_string_append (out, ", \"unit\": ");
      pl_cli_json_string (out, unit_key (pl_driver_unit ((PlDriver) d)));
      g_string_append (out, ", \"value\": ");
      pl_cli_json_number (out, value);
      g_string_append (out, ", \"source\": ");
      pl_cli_json_string (out, source_key (source));
      g_string_append (out, ", \"source_label\": ");
      pl_cli_json_string (out, label);
      g_string_append (out, "}");
    }
  g_string_append (out, "\n  ]");
  pl_cli_json_key (out, "category_changes", FALSE);
  g_string_append (out, "[");
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    {
      g_string_append (out, i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ");
      pl_cli_json_string (out, categories[i]);
      g_string_append (out, ", \"name\": ");
      pl_cli_json_string (out, category_name (run->plan, categories[i]));
      g_string_append (out, ", \"change\": ");
      pl_cli_json_number (out, pl_drivers_get_category_change (run->drivers, categories[i]));
      g_string_append (out, "}");
    }
  g_string_append (out, categories != NULL && categories[0] != NULL ? "\n  ]" : "]");
}

/* One value of a table: the forward projection's (@projection) or the back-solve's. */
typedef double (*ValueFunc) (gconstpointer source, PlProjectionRow row, int month);

static double
projection_value (gconstpointer source, PlProjectionRow row, int month)
{
  return pl_projection_get (source, row, month);
}

static double
backsolve_value (gconstpointer source, PlProjectionRow row, int month)
{
  return pl_backsolve_get (source, row, month);
}

/* {"month": basis, "spend": …, …} for @month, or {…} alone for a total (@basis NULL). */
static void
json_row (GString *out, PlPlan *plan, const PlBasis *basis, const PlProjectionRow *rows, guint n_rows,
          ValueFunc value, gconstpointer source, int month, const char *extra_key, double extra)
{
  g_string_append (out, "{");
  if (basis != NULL)
    {
      g_string_append (out, "\"month\": ");
      pl_cli_json_basis (out, plan, basis);
      g_string_append (out, ", ");
    }
  for (guint r = 0; r < n_rows; r++)
    {
      if (r > 0)
        g_string_append (out, ", ");
      pl_cli_json_string (out, pl_projection_row_key (rows[r]));
      g_string_append (out, ": ");
      pl_cli_json_number (out, value (source, rows[r], month));
    }
  if (extra_key != NULL)
    {
      g_string_append (out, ", ");
      pl_cli_json_string (out, extra_key);
      g_string_append (out, ": ");
      pl_cli_json_number (out, extra);
    }
  g_string_append (out, "}");
}

/* The months, the total and the rows past the period of a table, in JSON. */
static void
json_table (Run *run, const PlProjectionRow *rows, guint n_rows, ValueFunc value, gconstpointer source,
            const PlProjection *budget, const char *outside_key, int outside)
{
  GString *out = run->out;
  guint months = pl_plan_get_months (run->plan);

  pl_cli_json_key (out, "months", FALSE);
  g_string_append (out, "[");
  for (guint m = 0; m < months; m++)
    {
      PlBasis basis = pl_basis_month (run->plan, m);
      g_string_append (out, m == 0 ? "\n    " : ",\n    ");
      json_row (out, run->plan, &basis, rows, n_rows, value, source, (int) m,
                budget != NULL ? "budget" : NULL,
                budget != NULL ? pl_projection_get (budget, PL_PROJECTION_SPEND, (int) m) : NAN);
    }
  g_string_append (out, "\n  ]");
  pl_cli_json_key (out, "total", FALSE);
  json_row (out, run->plan, NULL, rows, n_rows, value, source, PL_PROJECTION_TOTAL,
            budget != NULL ? "budget" : NULL,
            budget != NULL ? pl_projection_get (budget, PL_PROJECTION_SPEND, PL_PROJECTION_TOTAL) : NAN);
  pl_cli_json_key (out, outside_key, FALSE);
  json_row (out, run->plan, NULL, volume_rows, G_N_ELEMENTS (volume_rows), value, source, outside, NULL, 0);
}

/* The same in words: a header, a line a month, the total. */
static void
text_table (Run *run, const PlProjectionRow *rows, guint n_rows, ValueFunc value, gconstpointer source,
            const PlProjection *budget)
{
  GString *out = run->out;
  guint months = pl_plan_get_months (run->plan);
  /* Translators: the first column's header of the month-by-month tables; %s is the currency */
  g_autofree char *corner = g_strdup_printf (_("Month (%s)"), pl_plan_get_currency (run->plan));

  /* Translators: column header, the spend the budget plans in the month */
  const char *budget_header = _("Budget");
  g_autofree int *widths = g_new0 (int, n_rows);

  g_string_append (out, "  ");
  pl_cli_cell (out, corner, MONTH_WIDTH, FALSE);
  for (guint r = 0; r < n_rows; r++)
    {
      const char *header = pl_projection_row_name (rows[r]);

      /* A column as wide as its header in the user's language, and a space between two. */
      widths[r] = MAX (COLUMN_WIDTH, (int) g_utf8_strlen (header, -1)) + 1;
      pl_cli_cell (out, header, widths[r], TRUE);
      if (budget != NULL && r == 0)
        pl_cli_cell (out, budget_header, MAX (COLUMN_WIDTH, (int) g_utf8_strlen (budget_header, -1)) + 1, TRUE);
    }
  g_string_append_c (out, '\n');
  for (guint m = 0; m <= months; m++)
    {
      int month = m < months ? (int) m : PL_PROJECTION_TOTAL;
      PlBasis basis = m < months ? pl_basis_month (run->plan, m) : pl_basis_period (run->plan);
      g_autofree char *label = m < months ? pl_basis_describe (run->plan, &basis) : g_strdup (_("Total"));

      g_string_append (out, "  ");
      pl_cli_cell (out, label, MONTH_WIDTH, FALSE);
      for (guint r = 0; r < n_rows; r++)
        {
          g_autofree char *text = row_text (rows[r], value (source, rows[r], month));
          pl_cli_cell (out, text, widths[r], TRUE);
          if (budget != NULL && r == 0)
            {
              g_autofree char *planned = row_text (PL_PROJECTION_SPEND, pl_projection_get (budget, PL_PROJECTION_SPEND, month));
              pl_cli_cell (out, planned, MAX (COLUMN_WIDTH, (int) g_utf8_strlen (budget_header, -1)) + 1, TRUE);
            }
        }
      g_string_append_c (out, '\n');
    }
}

/* The volumes in @outside (past the period's end, or before its start) as a sentence after
 * @intro, or nothing when there are none. */
static void
text_outside (Run *run, ValueFunc value, gconstpointer source, int outside, const char *intro)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; r < G_N_ELEMENTS (volume_rows); r++)
    {
      double v = value (source, volume_rows[r], outside);
      g_autofree char *text = NULL;

      if (!isfinite (v) || round (v) == 0)
        continue;
      text = row_text (volume_rows[r], v);
      /* Translators: what a volume counts, then the volume: "Leads 1,200" */
      g_ptr_array_add (parts, g_strdup_printf (_("%s %s"), pl_projection_row_name (volume_rows[r]), text));
    }
  if (parts->len == 0)
    return;
  g_ptr_array_add (parts, NULL);
  {
    g_autofree char *joined = g_strjoinv (", ", (char **) parts->pdata);
    g_string_append_printf (run->out, "%s %s.\n", intro, joined);
  }
}

/* ---- latest estimates (pl-forecast.h) ---- */

static const char *
estimate_missing_key (PlEstimateMissing missing)
{
  switch (missing)
    {
    case PL_ESTIMATE_AVAILABLE:
      return NULL;
    case PL_ESTIMATE_TOO_OLD:
      return "too-old";
    case PL_ESTIMATE_NO_SPEND:
      return "no-spend";
    case PL_ESTIMATE_NOT_MEASURED:
    default:
      return "not-measured";
    }
}

/* A value of an estimate: the KPI's unit, or money for spend (@kpi NULL). */
static char *
estimate_value_text (Run *run, PlKpi *kpi, double value)
{
  guint exponent = pl_plan_get_currency_exponent (run->plan);

  /* A forecast count is a count: no decimals of a lead, as on the dashboard's tiles. */
  if (kpi != NULL && pl_item_get_int (PL_ITEM (kpi), PL_KPI_UNIT) == PL_UNIT_COUNT)
    return pl_cli_kpi_text (run->plan, kpi, round (value));
  if (kpi != NULL)
    return pl_cli_kpi_text (run->plan, kpi, value);
  if (!isfinite (value))
    return g_strdup (_("n/a"));
  return pl_money_format (pl_money_from_major (round (value), exponent), exponent, pl_plan_get_currency (run->plan));
}

static void
text_estimate (Run *run, const char *name, PlKpi *kpi, const PlLatestEstimate *estimate, int width)
{
  g_string_append (run->out, "  ");
  pl_cli_cell (run->out, name, width, FALSE);
  if (estimate->missing != PL_ESTIMATE_AVAILABLE)
    {
      g_autofree char *reason = pl_latest_estimate_reason (run->plan, estimate, run->as_of);
      g_string_append_printf (run->out, "%s\n", reason);
      return;
    }
  {
    g_autofree char *value = estimate_value_text (run, kpi, estimate->value);
    g_autofree char *low = estimate_value_text (run, kpi, estimate->low);
    g_autofree char *high = estimate_value_text (run, kpi, estimate->high);
    g_autofree char *band = NULL;

    /* Ends that print the same are no band: one month of history has no spread to give, and
     * a period measured to its end has nothing left to forecast. */
    if (estimate->forecast.why == PL_FORECAST_WHY_ONE_VALUE)
      band = g_strdup (_("no band: one month of history"));
    else if (g_str_equal (low, high))
      band = g_strdup (low);
    else
      /* Translators: an 80 % band, "470 to 520" */
      band = g_strdup_printf (_("%s to %s"), low, high);

    pl_cli_cell (run->out, value, 18, TRUE);
    g_string_append (run->out, "  ");
    pl_cli_cell (run->out, band, 34, FALSE);
    g_string_append_printf (run->out, "  %s\n", pl_forecast_method_name (estimate->forecast.method));
  }
}

/* Each KPI's latest estimate for the period, and the spend's, with its 80 % band. */
static void
text_estimates (Run *run)
{
  GListModel *kpis = pl_plan_get_collection (run->plan, PL_COLLECTION_KPIS);
  PlLatestEstimate spend = pl_forecast_spend (run->plan, run->as_of);
  /* Translators: the spend's row among the KPIs' latest estimates */
  const char *spend_name = _("Spend");
  int width = (int) g_utf8_strlen (spend_name, -1) + 2;

  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      width = MAX (width, (int) g_utf8_strlen (pl_item_get_display_name (kpi), -1) + 2);
    }
  g_string_append (run->out, _("\nLatest estimates for the period: the months measured, and a forecast of the "
                               "others with its 80% band and its method:\n"));
  text_estimate (run, spend_name, NULL, &spend, width);
  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      PlLatestEstimate estimate = pl_forecast_kpi (run->plan, PL_KPI (kpi), run->as_of);

      text_estimate (run, pl_item_get_display_name (kpi), PL_KPI (kpi), &estimate, width);
    }
}

static void
json_estimate (Run *run, PlKpi *kpi, const PlLatestEstimate *estimate)
{
  GString *out = run->out;
  g_autofree char *reason = pl_latest_estimate_reason (run->plan, estimate, run->as_of);
  gboolean available = estimate->missing == PL_ESTIMATE_AVAILABLE;

  g_string_append (out, "{\"id\": ");
  pl_cli_json_string (out, kpi != NULL ? pl_item_get_id (PL_ITEM (kpi)) : NULL);
  g_string_append (out, ", \"name\": ");
  pl_cli_json_string (out, kpi != NULL ? pl_item_get_display_name (PL_ITEM (kpi)) : NULL);
  g_string_append (out, ", \"value\": ");
  pl_cli_json_number (out, available ? estimate->value : NAN);
  g_string_append (out, ", \"low\": ");
  pl_cli_json_number (out, available ? estimate->low : NAN);
  g_string_append (out, ", \"high\": ");
  pl_cli_json_number (out, available ? estimate->high : NAN);
  g_string_append (out, ", \"actual\": ");
  pl_cli_json_number (out, estimate->actual);
  g_string_append_printf (out, ", \"months_measured\": %u, \"method\": ", estimate->n_actual);
  pl_cli_json_string (out, available ? pl_forecast_method_key (estimate->forecast.method) : NULL);
  g_string_append (out, ", \"missing\": ");
  pl_cli_json_string (out, estimate_missing_key (estimate->missing));
  g_string_append (out, ", \"reason\": ");
  pl_cli_json_string (out, reason);
  g_string_append (out, "}");
}

static void
json_estimates (Run *run)
{
  GListModel *kpis = pl_plan_get_collection (run->plan, PL_COLLECTION_KPIS);
  PlLatestEstimate spend = pl_forecast_spend (run->plan, run->as_of);
  guint n = g_list_model_get_n_items (kpis);

  pl_cli_json_key (run->out, "spend_estimate", FALSE);
  json_estimate (run, NULL, &spend);
  pl_cli_json_key (run->out, "latest_estimates", FALSE);
  g_string_append (run->out, "[");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      PlLatestEstimate estimate = pl_forecast_kpi (run->plan, PL_KPI (kpi), run->as_of);

      g_string_append (run->out, i == 0 ? "\n    " : ",\n    ");
      json_estimate (run, PL_KPI (kpi), &estimate);
    }
  g_string_append (run->out, n > 0 ? "\n  ]" : "]");
}

/* ---- forecast ---- */

/* Fails in words when a driver the chain multiplies by is not known. */
static gboolean
check_chain (const PlDrivers *drivers, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (chain_drivers); i++)
    if (isnan (pl_drivers_get (drivers, chain_drivers[i], NULL)))
      {
        g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                     /* Translators: %s is a driver's name (Cost per lead) */
                     _("%s is not known, and the forecast needs it: measure it over more months, or "
                       "assume it in a scenario (--scenario)."), pl_driver_name (chain_drivers[i]));
        return FALSE;
      }
  return TRUE;
}

char *
pl_cli_forecast (PlPlan *plan, PlScenario *scenario, guint32 as_of, gboolean json, GError **error)
{
  Run run;
  g_autoptr(PlProjection) projection = NULL;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  run_init (&run, plan, scenario, as_of, json);
  if (!check_chain (run.drivers, error))
    return run_finish (&run, FALSE);
  projection = pl_projector_forward (run.projector, run.drivers);
  if (json)
    {
      json_heading (&run);
      json_table (&run, forward_rows, G_N_ELEMENTS (forward_rows), projection_value, projection, NULL,
                  "after_period", PL_PROJECTION_AFTER_PERIOD);
      pl_cli_json_key (run.out, "ltv", FALSE);
      pl_cli_json_number (run.out, pl_projection_get (projection, PL_PROJECTION_LTV, PL_PROJECTION_TOTAL));
      json_estimates (&run);
      g_string_append (run.out, "\n}\n");
      return run_finish (&run, TRUE);
    }
  text_heading (&run, _("Forecast"));
  g_string_append_c (run.out, '\n');
  text_table (&run, forward_rows, G_N_ELEMENTS (forward_rows), projection_value, projection, NULL);
  text_outside (&run, projection_value, projection, PL_PROJECTION_AFTER_PERIOD,
                _("Pushed past the period’s end by the delays:"));
  {
    g_autofree char *ltv = row_text (PL_PROJECTION_LTV, pl_projection_get (projection, PL_PROJECTION_LTV,
                                                                           PL_PROJECTION_TOTAL));
    /* Translators: the lifetime value of a customer, with the currency: "LTV: 25,000 EUR (ARPU × margin ÷ churn)" */
    g_string_append_printf (run.out, _("LTV: %s %s (ARPU × margin ÷ churn).\n"), ltv, pl_plan_get_currency (plan));
  }
  text_estimates (&run);
  return run_finish (&run, TRUE);
}

/* ---- backsolve ---- */

static const char *
goal_key (PlGoalKind goal)
{
  return goal == PL_GOAL_REVENUE ? "revenue" : "customers";
}

char *
pl_cli_backsolve (PlPlan *plan, PlScenario *scenario, guint32 as_of, PlGoalKind goal, double amount,
                  double safety, gboolean json, GError **error)
{
  static const PlProjectionRow rows[] = {
    PL_PROJECTION_SPEND, PL_PROJECTION_LEADS, PL_PROJECTION_MQL, PL_PROJECTION_SQL,
    PL_PROJECTION_CUSTOMERS, PL_PROJECTION_REVENUE,
  };
  Run run;
  g_autoptr(PlBacksolve) backsolve = NULL;
  g_autoptr(PlProjection) budget = NULL;
  g_autofree char *sentence = NULL;
  PlDriver lever;
  double from, to;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  run_init (&run, plan, scenario, as_of, json);
  backsolve = pl_projector_backsolve (run.projector, run.drivers, goal, amount, safety, error);
  if (backsolve == NULL)
    return run_finish (&run, FALSE);
  budget = pl_projector_forward (run.projector, run.drivers);
  sentence = pl_backsolve_describe (backsolve, plan);
  if (json)
    {
      json_heading (&run);
      pl_cli_json_key (run.out, "goal", FALSE);
      g_string_append (run.out, "{\"kind\": ");
      pl_cli_json_string (run.out, goal_key (goal));
      g_string_append (run.out, ", \"amount\": ");
      pl_cli_json_number (run.out, amount);
      g_string_append (run.out, "}");
      pl_cli_json_key (run.out, "safety", FALSE);
      pl_cli_json_number (run.out, safety);
      json_table (&run, rows, G_N_ELEMENTS (rows), backsolve_value, backsolve, budget,
                  "before_period", PL_PROJECTION_BEFORE_PERIOD);
      pl_cli_json_key (run.out, "gap", FALSE);
      g_string_append (run.out, "{\"money\": ");
      pl_cli_json_number (run.out, pl_backsolve_gap_money (backsolve));
      g_string_append (run.out, ", \"leads\": ");
      pl_cli_json_number (run.out, pl_backsolve_gap_leads (backsolve));
      g_string_append (run.out, "}");
      pl_cli_json_key (run.out, "lever", FALSE);
      if (pl_backsolve_get_lever (backsolve, &lever, &from, &to))
        {
          g_string_append (run.out, "{\"driver\": ");
          pl_cli_json_string (run.out, pl_driver_key (lever));
          g_string_append (run.out, ", \"from\": ");
          pl_cli_json_number (run.out, from);
          g_string_append (run.out, ", \"to\": ");
          pl_cli_json_number (run.out, to);
          g_string_append (run.out, "}");
        }
      else
        g_string_append (run.out, "null");
      pl_cli_json_key (run.out, "sentence", FALSE);
      pl_cli_json_string (run.out, sentence);
      g_string_append (run.out, "\n}\n");
      return run_finish (&run, TRUE);
    }
  {
    g_autofree char *goal_text = NULL;
    g_autofree char *margin = pl_percent_format (safety * 100, 0);
    guint exponent = pl_plan_get_currency_exponent (plan);

    if (goal == PL_GOAL_REVENUE)
      {
        g_autofree char *money = pl_money_format (pl_money_from_major (amount, exponent), exponent,
                                                  pl_plan_get_currency (plan));
        /* Translators: %s is an amount, "1,200,000 EUR" */
        goal_text = g_strdup_printf (_("Back-solve of %s of new revenue"), money);
      }
    else
      {
        g_autofree char *count = whole_text (amount);
        /* Translators: %s is a number of new customers */
        goal_text = g_strdup_printf (_("Back-solve of %s new customers"), count);
      }
    text_heading (&run, goal_text);
    g_string_append_c (run.out, '\n');
    /* Translators: %s is a percentage, "20%" */
    g_string_append_printf (run.out, _("What the goal needs, month by month (spend at the cost per lead plus a "
                                       "safety margin of %s), beside the budget:\n"), margin);
  }
  text_table (&run, rows, G_N_ELEMENTS (rows), backsolve_value, backsolve, budget);
  text_outside (&run, backsolve_value, backsolve, PL_PROJECTION_BEFORE_PERIOD,
                _("Needed before the period starts, which no spend in it can bring:"));
  g_string_append_printf (run.out, "%s\n", sentence);
  return run_finish (&run, TRUE);
}

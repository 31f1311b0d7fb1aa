/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-report"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-budget-totals.h"
#include "pl-campaign-ranking-chart.h"
#include "pl-campaign-results.h"
#include "pl-chart-style.h"
#include "pl-dashboard.h"
#include "pl-enums.h"
#include "pl-figures.h"
#include "pl-hygiene.h"
#include "pl-kpi-value.h"
#include "pl-maturity.h"
#include "pl-money.h"
#include "pl-forecast.h"
#include "pl-report.h"
#include "pl-report-settings.h"
#include "pl-report-text.h"
#include "pl-scenario.h"
#include "pl-scenario-chart.h"
#include "pl-date-text.h"
#include "pl-unbudgeted.h"

void
pl_report_table_free (PlReportTable *table)
{
  g_free (table);
}

void
pl_report_table_text_free (PlReportTableText *text)
{
  if (text == NULL)
    return;
  g_free (text->subtitle);
  g_clear_pointer (&text->before, g_ptr_array_unref);
  g_clear_pointer (&text->after, g_ptr_array_unref);
  g_ptr_array_unref (text->rows);
  g_free (text->table);
  g_strfreev (text->header);
  g_free (text);
}

PlReportTableText *
pl_report_table_text_new (const char *first_header, ...)
{
  PlReportTableText *self = g_new0 (PlReportTableText, 1);
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  va_list args;

  self->table = g_new0 (PlReportTable, 1);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->before = g_ptr_array_new_with_free_func (g_free);
  self->after = g_ptr_array_new_with_free_func (g_free);
  va_start (args, first_header);
  for (const char *name = first_header; name != NULL; name = va_arg (args, const char *))
    {
      guint c = self->table->n_columns++;
      g_assert (c < PL_REPORT_MAX_COLUMNS);
      g_ptr_array_add (header, g_markup_escape_text (name, -1));
      self->table->widths[c] = va_arg (args, double);
      self->table->align[c] = va_arg (args, PangoAlignment);
    }
  va_end (args);
  g_ptr_array_add (header, NULL);
  self->header = (char **) g_ptr_array_steal (header, NULL);
  return self;
}

void
pl_report_table_text_add_row (PlReportTableText *self, ...)
{
  char **cells = g_new0 (char *, self->table->n_columns + 1);
  va_list args;

  va_start (args, self);
  for (guint c = 0; c < self->table->n_columns; c++)
    {
      const char *text = va_arg (args, const char *);
      cells[c] = g_markup_escape_text (text ? text : "–", -1);
    }
  va_end (args);
  g_ptr_array_add (self->rows, cells);
}

/* Formatting, in the user's locale. */

static char *
day_text (guint32 julian, const char *format)
{
  GDate date;
  char text[96];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_strftime (text, sizeof text, format, &date);
  return g_strdup (g_strstrip (text));
}

/* An amount in whole units of the currency ("412 500 EUR"): the report's readers round. */
static char *
money_text (PlPlan *plan, double major)
{
  guint exponent = pl_plan_get_currency_exponent (plan);

  if (isnan (major))
    return g_strdup ("–");
  return pl_money_format (pl_money_from_major (round (major), exponent), exponent, pl_plan_get_currency (plan));
}

static double
major (PlPlan *plan, gint64 minor)
{
  /* A sum too large to hold reads as a dash, never as a wrapped number. */
  if (minor == PL_MONEY_OVERFLOW)
    return NAN;
  return minor / pow (10, pl_plan_get_currency_exponent (plan));
}

static char *
percent_text (double share)
{
  if (isnan (share) || isinf (share))
    return g_strdup ("–");
  /* Translators: a share, as in "92 %" */
  return g_strdup_printf (_("%.0f%%"), share * 100);
}

static char *
signed_money_text (PlPlan *plan, double major)
{
  g_autofree char *amount = money_text (plan, fabs (major));
  return g_strdup_printf ("%s%s", major > 0.5 ? "+" : major < -0.5 ? "−" : "", amount);
}

static char *
count_text (double value)
{
  g_autofree char *plain = g_strdup_printf ("%.0f", value);
  if (isnan (value))
    return g_strdup ("–");
  return pl_group_digits (plain);
}

static const char *
status_word (PlKpiStatus status)
{
  return pl_kpi_status_describe (status);
}

static char *
hex (const PlColor *color)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) (color->r * 255), (int) (color->g * 255), (int) (color->b * 255));
}

/* A status as a coloured dot and its word (markup). */
static char *
status_markup (PlKpiStatus status)
{
  const PlChartStyle *style = pl_chart_style_light ();
  const PlColor *color = status == PL_KPI_STATUS_GOOD ? &style->good
                         : status == PL_KPI_STATUS_CLOSE ? &style->warning
                         : status == PL_KPI_STATUS_OFF ? &style->bad : &style->no_data;
  g_autofree char *colour = hex (color);
  g_autofree char *word = g_markup_escape_text (status_word (status), -1);
  return g_strdup_printf ("<span foreground=\"%s\">●</span> %s", colour, word);
}

/* The one rule of core, so that the report and the window never disagree. */
static PlKpiStatus
status_against (double value, double target, gboolean lower_better)
{
  return pl_figures_status (value, target, lower_better ? PL_DIRECTION_LOWER : PL_DIRECTION_HIGHER);
}

/* The months the report covers: from the period start to the end of the last month with
 * figures, that month and the one before. */
typedef struct {
  guint32 start, month, until, previous;  /* previous: 0 when the month is the first */
  int     index;                           /* of the month in the period */
  PlBasis to_date;                         /* [start, until): what "to date" means here */
  gboolean measured;                       /* anything is measured as of the day */
  PlBasis spend_basis;                     /* spend against budget: to the day, as the dashboard */
} Months;

static Months
months_of (PlPlan *plan, guint32 today)
{
  PlDashboardBases bases;
  Months m;

  pl_dashboard_bases (plan, today, &bases);
  m = (Months) { pl_plan_get_start (plan), bases.shown.from, bases.measured_basis.to, 0, 0, bases.measured_basis,
                 bases.measured, bases.to_date };

  m.index = MAX (pl_plan_month_index (plan, m.month), 0);
  m.previous = m.index > 0 ? pl_plan_month_start (plan, (guint) m.index - 1) : 0;
  return m;
}

/* The executive summary. */

typedef struct {
  const char *label;
  PlKpi      *kpi;          /* the KPI it reads, or NULL for a computed figure */
  gboolean    money;
  gboolean    ratio;
  gboolean    lower_better;
  double      value, target;  /* to date; money in major units */
  double      month, before;  /* the last month and the one before */
  double      quarter, quarter_before;  /* the quarter to date and the same months before */
  double      year, year_before;        /* to date, and the same days a year earlier */
  gboolean    plan_target;  /* LTV:CAC: the target is the plan's, not the health line */
} Figure;

static char *
figure_value (PlPlan *plan, const Figure *f, double value)
{
  if (isnan (value))
    return g_strdup ("–");
  if (!f->money && !f->ratio && f->kpi == NULL)
    return percent_text (value);
  if (f->money)
    return money_text (plan, value);
  if (f->kpi != NULL)
    return pl_kpi_value_format (f->kpi, value);
  if (f->ratio)
    return pl_ratio_format (value, 1);
  return count_text (value);
}

/* @f's target as the summary writes it: a ratio keeps the precision the plan set it with
 * ("3.45×" rather than a rounded "3.5×" beside a value of "3.4×"). */
static char *
figure_target (PlPlan *plan, const Figure *f)
{
  if (f->ratio && !isnan (f->target) && fabs (f->target * 10 - round (f->target * 10)) > 1e-6)
    return pl_ratio_format (f->target, 2);
  return figure_value (plan, f, f->target);
}

/* The change of figure @f from @before to @now, NULL when there is no basis for it (either
 * not measured, or nothing to compare with). */
static char *
figure_change (const Figure *f, double now, double before)
{
  if (isnan (now) || isnan (before) || before == 0)
    return NULL;
  if (f->ratio)
    return g_strdup_printf ("%+.1f×", now - before);
  if (!f->money && f->kpi == NULL)
    /* Translators: a change in percentage points */
    return g_strdup_printf (_("%+.1f pts"), (now - before) * 100);
  if (f->kpi != NULL && pl_item_get_int (PL_ITEM (f->kpi), PL_KPI_UNIT) == PL_UNIT_PERCENT)
    /* Translators: a change in percentage points */
    return g_strdup_printf (_("%+.1f pts"), (now - before) * 100);
  /* Translators: a change from one month to the next, as in "+8 %" */
  return g_strdup_printf (_("%+.0f%%"), (now - before) / fabs (before) * 100);
}

/* @day moved @months months back (a year: 12), to the same day of the month. */
static guint32
months_back (guint32 day, guint months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  g_date_subtract_months (&date, months);
  return g_date_get_julian (&date);
}

/* Figure @f (of @kind when computed, else its KPI's measurements) over [@from, @to), by the
 * same engine as every other figure of the report. */
static double
figure_between (PlPlan *plan, const Figure *f, PlFigureKind kind, guint32 from, guint32 to)
{
  PlBasis basis = pl_basis_range (from, to);

  if (f->kpi != NULL)
    return pl_figures_kpi (plan, f->kpi, PL_SERIES_MEASUREMENTS, &basis).value;
  return pl_figures_get (plan, kind, &basis).value;
}

static void
kpi_figure (PlPlan *plan, const Months *m, Figure *f, PlStage stage, PlStage fallback)
{
  PlKpi *kpi = pl_figures_kpi_for_stage (plan, stage);

  if (kpi == NULL && fallback != PL_STAGE_NONE)
    kpi = pl_figures_kpi_for_stage (plan, fallback);
  f->kpi = kpi;
  f->value = f->target = f->month = f->before = NAN;
  if (kpi == NULL)
    return;
  f->label = pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME);
  f->money = pl_item_get_int (PL_ITEM (kpi), PL_KPI_UNIT) == PL_UNIT_CURRENCY;
  f->lower_better = pl_item_get_int (PL_ITEM (kpi), PL_KPI_DIRECTION) == PL_DIRECTION_LOWER;
  f->value = pl_figures_kpi_value (plan, kpi, m->start, m->until);
  f->target = pl_figures_kpi_target (plan, kpi, m->start, m->until);
  f->month = pl_figures_kpi_value (plan, kpi, m->month, m->until);
  if (m->previous != 0)
    f->before = pl_figures_kpi_value (plan, kpi, m->previous, m->month);
}

/* The sentence a CEO reads for figure @f. */
static char *
figure_sentence (PlPlan *plan, const Figure *f, int which, gboolean share_safe)
{
  g_autofree char *value = figure_value (plan, f, f->value);
  g_autofree char *target = figure_target (plan, f);
  double share = pl_figures_against (f->value, f->target) * 100;
  PlKpiStatus status = status_against (f->value, f->target, f->lower_better);
  g_autofree char *word = g_utf8_strdown (status_word (status), -1);
  gboolean hide = share_safe && f->money;

  if (isnan (f->value))
    /* Translators: a key figure of the executive summary with no measurement yet */
    return g_markup_printf_escaped (_("<b>%s</b>: not measured yet."), f->label);
  switch (which)
    {
    case 0:  /* spend */
      {
        const char *state = status == PL_KPI_STATUS_GOOD ? _("within budget")
                            : status == PL_KPI_STATUS_CLOSE ? _("slightly over budget") : _("over budget");

        if (isnan (f->target) && hide)
          return g_markup_printf_escaped (_("<b>Spend</b>: the period has not started; spend is already booked for it."));
        if (isnan (f->target))
          return g_markup_printf_escaped (_("<b>Spend</b>: the period has not started; %s is already booked for it."), value);
        if (hide)
          return g_markup_printf_escaped (_("<b>Spend</b>: marketing has spent %.0f%% of the budget planned to date, %s."),
                                          share, state);
        return g_markup_printf_escaped (_("<b>Spend</b>: marketing has spent %s of the %s planned to date (%.0f%%), %s."),
                                        value, target, share, state);
      }
    case 3:  /* CPL */
      if (isnan (f->target))
        return g_markup_printf_escaped (_("<b>Cost per lead</b>: a lead costs %s."), value);
      if (hide)
        return g_markup_printf_escaped (_("<b>Cost per lead</b>: a lead costs %.0f%% of what was planned, %s."), share, word);
      return g_markup_printf_escaped (_("<b>Cost per lead</b>: a lead costs %s against %s planned, %s."), value, target, word);
    case 4:  /* CAC */
      if (isnan (f->target))
        return g_markup_printf_escaped (_("<b>Customer acquisition cost</b>: a new customer costs %s to win."), value);
      if (hide)
        return g_markup_printf_escaped (_("<b>Customer acquisition cost</b>: a new customer costs %.0f%% of what was planned, %s."),
                                        share, word);
      return g_markup_printf_escaped (_("<b>Customer acquisition cost</b>: a new customer costs %s to win against %s planned, %s."),
                                      value, target, word);
    case 5:  /* LTV:CAC */
      if (f->plan_target)
        /* Translators: the summary's LTV:CAC against the plan's own target: the value, the target, the status ("close to target") */
        return g_markup_printf_escaped (_("<b>LTV:CAC</b>: a customer is worth %s what it costs to win, against the plan’s "
                                          "target of %s: %s (healthy from 3×)."), value, target, word);
      {
        const char *state = status == PL_KPI_STATUS_GOOD ? _("healthy")
                            : status == PL_KPI_STATUS_CLOSE ? _("just under the line") : _("below the line");
        return g_markup_printf_escaped (_("<b>LTV:CAC</b>: a customer is worth %.1f times what it costs to win; "
                                          "the healthy line is %.0f times: %s."), f->value, PL_LTV_CAC_HEALTHY, state);
      }
    case 6:  /* ROI */
      {
        PlKpi *revenue = pl_figures_kpi_for_stage (plan, PL_STAGE_REVENUE);
        if (revenue == NULL)
          return g_markup_printf_escaped (_("<b>Return on investment</b>: not available, the plan has no revenue KPI."));
        return g_markup_printf_escaped (_("<b>Return on investment</b>: %s — the revenue of “%s” less the spend, "
                                          "over the spend."), value, pl_item_get_string (PL_ITEM (revenue), PL_KPI_NAME));
      }
    default:  /* pipeline and revenue: KPIs */
      if (isnan (f->target))
        return g_markup_printf_escaped (hide ? _("<b>%s</b>: measured, with no target to compare it to.")
                                             : _("<b>%s</b>: %s to date, with no target."), f->label, value);
      if (hide)
        return g_markup_printf_escaped (_("<b>%s</b>: %.0f%% of the target to date, %s."), f->label, share, word);
      return g_markup_printf_escaped (_("<b>%s</b>: %s to date against a target of %s (%.0f%%), %s."),
                                      f->label, value, target, share, word);
    }
}

#define MAX_ATTENTION 6

/* The campaigns that need a decision, as the dashboard lists them. */
static void
add_attention (PlReportTableText *self, PlPlan *plan, guint32 today, gboolean share_safe)
{
  g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, today);
  g_autoptr(GString) text = g_string_new (NULL);

  if (dashboard->attention->len == 0 && !dashboard->measured)
    {
      g_ptr_array_add (self->after, g_markup_escape_text (_("Nothing is measured yet, so no campaign can be judged "
                                                            "against its targets."), -1));
      return;
    }
  if (dashboard->attention->len == 0)
    {
      g_ptr_array_add (self->after, g_markup_escape_text (_("No campaign needs attention: every one is on target, "
                                                            "within its allocation and not about to end."), -1));
      return;
    }
  g_string_append_printf (text, "<b>%s</b>", _("Campaigns that need attention"));
  for (guint i = 0; i < MIN (dashboard->attention->len, MAX_ATTENTION); i++)
    {
      const PlAttention *attention = dashboard->attention->pdata[i];
      /* Translators: a campaign that needs attention in the report: its name, then why ("Webinars: 25 % over budget") */
      g_autofree char *line = g_markup_printf_escaped (_("%s: %s"), pl_item_get_string (attention->campaign, PL_CAMPAIGN_NAME),
                                                       share_safe ? attention->share_text : attention->text);
      g_string_append_printf (text, "\n• %s", line);
    }
  if (dashboard->attention->len > MAX_ATTENTION)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                            dashboard->attention->len - MAX_ATTENTION),
                                               dashboard->attention->len - MAX_ATTENTION);
      g_string_append_printf (text, "\n• %s", more);
    }
  g_ptr_array_add (self->after, g_string_free (g_steal_pointer (&text), FALSE));
}

#define N_SUMMARY_FIGURES 7

/* What each row of the summary computes (PL_N_FIGURES: it reads a KPI). */
static const PlFigureKind summary_kinds[N_SUMMARY_FIGURES] = {
  PL_FIGURE_SPEND, PL_N_FIGURES, PL_N_FIGURES, PL_FIGURE_CPL, PL_FIGURE_CAC, PL_FIGURE_LTV_CAC, PL_FIGURE_ROI,
};

/* The summary's figures as of @m into @figures, each from the engine of core; TRUE when any
 * of them can be compared with a year before. The headlines read the same rows. */
static gboolean
summary_figures (PlPlan *plan, const Months *m_in, Figure figures[N_SUMMARY_FIGURES])
{
  const Months m = *m_in;
  const Figure rows[N_SUMMARY_FIGURES] = { { N_("Spend against budget"), NULL, TRUE, FALSE, TRUE },
                                           { N_("Pipeline") }, { N_("Revenue") },
                                           { N_("Cost per lead"), NULL, TRUE, FALSE, TRUE },
                                           { N_("Customer acquisition cost"), NULL, TRUE, FALSE, TRUE },
                                           { N_("LTV:CAC"), NULL, FALSE, TRUE, FALSE },
                                           { N_("Return on investment"), NULL, FALSE, FALSE, FALSE } };
  const PlFigureKind *computed = summary_kinds;
  PlBasis month = pl_basis_month_of (plan, m.month);
  PlBasis before = m.previous ? pl_basis_month_of (plan, m.previous) : month;
  PlBasis to_before = pl_basis_range (m.start, m.month);
  guint32 quarter_from = pl_plan_month_start (plan, (guint) (m.index / 3) * 3);
  gboolean has_year = FALSE;

  memcpy (figures, rows, sizeof rows);
  for (guint i = 0; i < N_SUMMARY_FIGURES; i++)
    figures[i].label = _(figures[i].label);
  /* Every figure from the engine of core, on the same basis: to date, that month, the one before. */
  for (guint i = 0; i < N_SUMMARY_FIGURES; i++)
    {
      Figure *f = &figures[i];
      if (computed[i] == PL_N_FIGURES)
        continue;
      f->value = pl_figures_get (plan, computed[i], &m.to_date).value;
      f->target = pl_figures_get_target (plan, computed[i], &m.to_date).value;
      f->month = pl_figures_get (plan, computed[i], &month).value;
      f->before = m.previous ? pl_figures_get (plan, computed[i], &before).value : NAN;
    }
  /* The pipeline is the opportunities when the plan counts them, else the sales-qualified
   * leads; revenue is new bookings, else recurring revenue. */
  kpi_figure (plan, &m, &figures[1], PL_STAGE_OPPORTUNITIES, PL_STAGE_SQL);
  kpi_figure (plan, &m, &figures[2], PL_STAGE_REVENUE, PL_STAGE_MRR);
  /* Spend against budget to the day, as the dashboard's gauge and the budget page: before the
   * period, the spend already booked, with no plan to compare it with yet. */
  figures[0].value = pl_figures_get (plan, PL_FIGURE_SPEND, &m.spend_basis).value;
  figures[0].target = m.spend_basis.kind == PL_BASIS_PERIOD ? NAN
                      : pl_figures_get_target (plan, PL_FIGURE_SPEND, &m.spend_basis).value;
  /* LTV:CAC to date, against its value to date a month earlier; its target is the plan's
   * when its LTV:CAC KPI sets one, else the health line (pl_figures_ltv_cac_target()). */
  pl_figures_ltv_cac_target (plan, &m.to_date, &figures[5].plan_target);
  figures[5].month = figures[5].value;
  figures[5].before = m.previous ? pl_figures_get (plan, PL_FIGURE_LTV_CAC, &to_before).value : NAN;
  /* ROI to date against ROI to date a month earlier: its change is in points. */
  figures[6].month = figures[6].value;
  figures[6].before = m.previous ? pl_figures_get (plan, PL_FIGURE_ROI, &to_before).value : NAN;

  /* Quarter on quarter: the fiscal quarter to the end of the month shown against the same
   * months of the quarter before (April and May against January and February), so that a
   * quarter under way is not set against a whole one. Year on year: to date against the same
   * days a year earlier, which only the plan's measurements from before its period can give. */
  for (guint i = 0; i < N_SUMMARY_FIGURES; i++)
    {
      Figure *f = &figures[i];
      PlFigureKind kind = i == 0 ? PL_FIGURE_SPEND : computed[i];

      f->quarter = f->quarter_before = f->year = f->year_before = NAN;
      if (f->label == NULL || (kind == PL_N_FIGURES && f->kpi == NULL) || !m.measured)
        continue;
      f->quarter = figure_between (plan, f, kind, quarter_from, m.until);
      f->quarter_before = figure_between (plan, f, kind, months_back (quarter_from, 3), months_back (m.until, 3));
      f->year = figure_between (plan, f, kind, m.start, m.until);
      f->year_before = figure_between (plan, f, kind, months_back (m.start, 12), months_back (m.until, 12));
      if (!isnan (f->year_before) && f->year_before != 0 && !isnan (f->year))
        has_year = TRUE;
    }
  return has_year;
}

PlReportTableText *
pl_report_summary_table (PlPlan *plan, guint32 today, gboolean share_safe)
{
  Months m = months_of (plan, today);
  g_autofree char *month_name = day_text (m.month, "%B %Y");
  g_autofree char *before_name = m.previous ? day_text (m.previous, "%B") : NULL;
  g_autofree char *change_header = before_name ? g_strdup_printf (_("Change on %s"), before_name)
                                               : g_strdup (_("Change on the month before"));
  PlReportTableText *self;
  Figure figures[N_SUMMARY_FIGURES];
  g_autofree char *basis_text = pl_basis_describe (plan, &m.to_date);
  guint32 quarter_from = pl_plan_month_start (plan, (guint) (m.index / 3) * 3);
  /* Translators: the summary's quarter-on-quarter column: the change on the fiscal quarter before, "Change on Q1" */
  g_autofree char *quarter_header = g_strdup_printf (_("Change on Q%d"), m.index / 3 == 0 ? 4 : m.index / 3);
  g_autofree char *year_before_name = day_text (months_back (m.start, 12), "%Y");
  g_autofree char *year_header = g_strdup_printf (_("Change on %s"), year_before_name);
  gboolean has_year = summary_figures (plan, &m, figures);

  if (share_safe && has_year)
    self = pl_report_table_text_new (_("Figure"), 0.28, PANGO_ALIGN_LEFT, _("Against target"), 0.15, PANGO_ALIGN_RIGHT,
                      _("Status"), 0.18, PANGO_ALIGN_LEFT, change_header, 0.13, PANGO_ALIGN_RIGHT,
                      quarter_header, 0.13, PANGO_ALIGN_RIGHT, year_header, 0.13, PANGO_ALIGN_RIGHT, NULL);
  else if (share_safe)
    self = pl_report_table_text_new (_("Figure"), 0.30, PANGO_ALIGN_LEFT, _("Against target"), 0.18, PANGO_ALIGN_RIGHT,
                      _("Status"), 0.20, PANGO_ALIGN_LEFT, change_header, 0.16, PANGO_ALIGN_RIGHT,
                      quarter_header, 0.16, PANGO_ALIGN_RIGHT, NULL);
  else if (has_year)
    self = pl_report_table_text_new (_("Figure"), 0.20, PANGO_ALIGN_LEFT, _("To date"), 0.13, PANGO_ALIGN_RIGHT,
                      _("Target"), 0.13, PANGO_ALIGN_RIGHT, _("Against target"), 0.11, PANGO_ALIGN_RIGHT,
                      _("Status"), 0.16, PANGO_ALIGN_LEFT, change_header, 0.09, PANGO_ALIGN_RIGHT,
                      quarter_header, 0.09, PANGO_ALIGN_RIGHT, year_header, 0.09, PANGO_ALIGN_RIGHT, NULL);
  else
    self = pl_report_table_text_new (_("Figure"), 0.22, PANGO_ALIGN_LEFT, _("To date"), 0.14, PANGO_ALIGN_RIGHT,
                      _("Target"), 0.14, PANGO_ALIGN_RIGHT, _("Against target"), 0.12, PANGO_ALIGN_RIGHT,
                      _("Status"), 0.16, PANGO_ALIGN_LEFT, change_header, 0.11, PANGO_ALIGN_RIGHT,
                      quarter_header, 0.11, PANGO_ALIGN_RIGHT, NULL);
  if (!m.measured)
    {
      g_autofree char *day = pl_date_text (today, PL_DATE_LONG);
      /* Translators: the executive summary's subtitle when nothing is measured as of the day */
      self->subtitle = g_markup_printf_escaped (_("As of %s nothing is measured yet; the spend is what is already booked."),
                                                day);
    }
  else
    {
      PlBasis quarter = pl_basis_range (quarter_from, m.until);
      PlBasis quarter_before = pl_basis_range (months_back (quarter_from, 3), months_back (m.until, 3));
      PlBasis year_before = pl_basis_range (months_back (m.start, 12), months_back (m.until, 12));
      g_autofree char *quarter_text = pl_basis_describe (plan, &quarter);
      g_autofree char *quarter_before_text = pl_basis_describe (plan, &quarter_before);
      g_autofree char *year_before_text = pl_basis_describe (plan, &year_before);

      /* Translators: the basis of every figure of the summary, "January to June 2027" */
      self->subtitle = g_markup_printf_escaped (_("Every figure is for %s; the change compares %s with the month before, "
                                                  "quarter on quarter %s with %s."),
                                                basis_text, month_name, quarter_text, quarter_before_text);
      if (has_year)
        {
          /* Translators: appended to the summary's subtitle: the year-on-year column's basis */
          g_autofree char *year = g_markup_printf_escaped (_(" The change on a year before compares it with %s."),
                                                           year_before_text);
          char *both = g_strconcat (self->subtitle, year, NULL);
          g_free (self->subtitle);
          self->subtitle = both;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      Figure *f = &figures[i];
      g_autofree char *value = figure_value (plan, f, f->value);
      g_autofree char *target = figure_target (plan, f);
      g_autofree char *against = percent_text (pl_figures_against (f->value, f->target));
      g_autofree char *change = figure_change (f, f->month, f->before);
      g_autofree char *quarter = figure_change (f, f->quarter, f->quarter_before);
      g_autofree char *year = figure_change (f, f->year, f->year_before);
      PlKpiStatus status = status_against (f->value, f->target, f->lower_better);
      char **cells;

      if (f->label == NULL)
        continue;
      /* A money change in share-safe mode is a share of the month before: not an amount. */
      if (share_safe)
        pl_report_table_text_add_row (self, f->label, against, "", change, quarter, year, NULL);
      else
        pl_report_table_text_add_row (self, f->label, value, target, against, "", change, quarter, year, NULL);
      cells = self->rows->pdata[self->rows->len - 1];
      g_free (cells[share_safe ? 2 : 4]);
      cells[share_safe ? 2 : 4] = status_markup (status);
      g_ptr_array_add (self->after, figure_sentence (plan, f, (int) i, share_safe));
    }
  if (pl_figures_spend_source (plan) == PL_SPEND_FROM_KPI)
    g_ptr_array_add (self->after,
                     g_markup_printf_escaped (_("The plan records no spending: its spend is the measurements of the KPI “%s”."),
                                              pl_item_get_string (PL_ITEM (pl_figures_kpi_for_stage (plan, PL_STAGE_SPEND)),
                                                                  PL_KPI_NAME)));
  if (!isnan (figures[5].value) && pl_figures_margin_assumed (plan, &m.to_date))
    g_ptr_array_add (self->after, g_markup_escape_text (_("No gross margin is measured, so LTV assumes a margin of 100%."), -1));
  add_attention (self, plan, today, share_safe);
  return self;
}

/* The funnel, beside the dashboard that draws it. */

PlReportTableText *
pl_report_funnel_table (PlPlan *plan, guint32 today)
{
  Months m = months_of (plan, today);
  PlFunnelStage stages[PL_FUNNEL_MAX_STAGES];
  guint n = pl_figures_funnel (plan, &m.to_date, stages);
  g_autofree char *basis_text = pl_basis_describe (plan, &m.to_date);
  PlReportTableText *self = pl_report_table_text_new (_("Stage"), 0.26, PANGO_ALIGN_LEFT, _("To date"), 0.14, PANGO_ALIGN_RIGHT,
                                       _("Target"), 0.14, PANGO_ALIGN_RIGHT, _("Against target"), 0.14, PANGO_ALIGN_RIGHT,
                                       _("Converted from the stage above"), 0.16, PANGO_ALIGN_RIGHT,
                                       _("Planned conversion"), 0.16, PANGO_ALIGN_RIGHT, NULL);

  /* Translators: the report's funnel section when the dashboard, which draws the funnel, is printed too */
  self->subtitle = g_markup_printf_escaped (_("The dashboard draws the funnel; here are its stages for %s against their "
                                              "targets, and how each converts from the one above against the plan."),
                                            basis_text);
  if (n == 0)
    g_ptr_array_add (self->before, g_markup_escape_text (_("The plan counts no stage of the funnel."), -1));
  for (guint i = 0; i < n; i++)
    {
      PlKpi *kpi = stages[i].kpi;
      g_autofree char *actual = isnan (stages[i].actual.value) ? NULL : pl_kpi_value_format (kpi, stages[i].actual.value);
      g_autofree char *target = isnan (stages[i].target.value) ? NULL : pl_kpi_value_format (kpi, stages[i].target.value);
      g_autofree char *against = percent_text (stages[i].against.value);
      g_autofree char *rate = i == 0 ? NULL : percent_text (stages[i].rate.value);
      g_autofree char *planned = i == 0 ? NULL : percent_text (stages[i].planned_rate.value);
      pl_report_table_text_add_row (self, pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME), actual, target, against, rate, planned, NULL);
    }
  return self;
}

/* The board pack. */

static gboolean
blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

void
pl_report_headline_free (PlReportHeadline *headline)
{
  if (headline == NULL)
    return;
  g_free (headline->label);
  g_free (headline->value);
  g_free (headline->basis);
  g_free (headline);
}

/* @value of @kpi as the summary writes it: money with its currency, else as the KPI shows it. */
static char *
kpi_money_or_value (PlPlan *plan, PlKpi *kpi, double value)
{
  if (pl_item_get_int (PL_ITEM (kpi), PL_KPI_UNIT) == PL_UNIT_CURRENCY)
    return money_text (plan, value);
  return pl_kpi_value_format (kpi, value);
}

/* The row of @figures that is @kpi's figure: its own row, or the computed figure it is
 * (pl_figures_kpi_for_figure()); NULL when the summary has none. */
static const Figure *
summary_row_of (PlPlan *plan, const Figure figures[N_SUMMARY_FIGURES], PlKpi *kpi)
{
  for (guint i = 0; i < N_SUMMARY_FIGURES; i++)
    if (figures[i].kpi == kpi
        || (summary_kinds[i] != PL_N_FIGURES && summary_kinds[i] != PL_FIGURE_SPEND
            && pl_figures_kpi_for_figure (plan, summary_kinds[i]) == kpi))
      return &figures[i];
  return NULL;
}

GPtrArray *
pl_report_headlines (PlPlan *plan, guint32 today, gboolean share_safe)
{
  Months m = months_of (plan, today);
  g_auto(GStrv) ids = pl_report_dup_headlines (plan);
  g_autofree char *basis_text = pl_basis_describe (plan, &m.to_date);
  GPtrArray *headlines = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_report_headline_free);
  Figure figures[N_SUMMARY_FIGURES];

  summary_figures (plan, &m, figures);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      PlItem *item = pl_plan_lookup (plan, ids[i]);
      PlKpi *kpi = item != NULL && PL_IS_KPI (item) ? PL_KPI (item) : NULL;
      const Figure *row = kpi != NULL ? summary_row_of (plan, figures, kpi) : NULL;
      PlReportHeadline *headline;
      g_autofree char *value_text = NULL, *target_text = NULL;
      double value, target;
      gboolean hide;

      if (kpi == NULL)
        continue;
      if (row != NULL)
        {
          /* A figure the summary's table shows reads as its row: the same value, target and
           * status, so that the page never says two things about one figure. */
          value = row->value;
          target = row->target;
          hide = share_safe && row->money;
          value_text = figure_value (plan, row, value);
          target_text = figure_target (plan, row);
        }
      else
        {
          /* Any other KPI: its figure to date and its target there, as the dashboard reads
           * them (pl_figures_kpi() on the summary's basis). */
          value = m.measured ? pl_figures_kpi (plan, kpi, PL_SERIES_MEASUREMENTS, &m.to_date).value : NAN;
          target = m.measured ? pl_figures_kpi (plan, kpi, PL_SERIES_TARGETS, &m.to_date).value : NAN;
          hide = share_safe && pl_item_get_int (PL_ITEM (kpi), PL_KPI_UNIT) == PL_UNIT_CURRENCY;
          value_text = isnan (value) ? NULL : kpi_money_or_value (plan, kpi, value);
          target_text = isnan (target) ? NULL : kpi_money_or_value (plan, kpi, target);
        }
      headline = g_new0 (PlReportHeadline, 1);
      headline->label = g_strdup (pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME));
      headline->status = row != NULL ? status_against (value, target, row->lower_better)
                                     : pl_figures_status (value, target,
                                                          (PlDirection) pl_item_get_int (PL_ITEM (kpi), PL_KPI_DIRECTION));
      if (isnan (value))
        {
          headline->value = g_strdup ("–");
          /* Translators: a headline figure of the board pack with nothing measured: its basis */
          headline->basis = g_strdup_printf (_("not measured yet (%s)"), basis_text);
        }
      else if (hide)
        {
          g_autofree char *share = percent_text (pl_figures_against (value, target));
          headline->value = isnan (target) ? g_strdup ("–") : g_strdup_printf (_("%s of target"), share);
          /* Translators: a headline figure's basis in a share-safe board pack, "to date (January to June 2027)" */
          headline->basis = g_strdup_printf (_("to date (%s)"), basis_text);
        }
      else
        {
          headline->value = g_steal_pointer (&value_text);
          if (isnan (target))
            /* Translators: a headline figure's basis with no target, "to date, with no target (January to June 2027)" */
            headline->basis = g_strdup_printf (_("to date, with no target (%s)"), basis_text);
          else if (row != NULL && row->ratio && row->plan_target)
            /* Translators: LTV:CAC's headline basis: the plan's target, then the rule of thumb, "to date against a target of 3.45× (healthy from 3×; January to June 2027)" */
            headline->basis = g_strdup_printf (_("to date against a target of %s (healthy from 3×; %s)"), target_text,
                                               basis_text);
          else if (row != NULL && row->ratio)
            /* Translators: LTV:CAC's headline basis without a target in the plan: the health line, "to date against the healthy line of 3× (January to June 2027)" */
            headline->basis = g_strdup_printf (_("to date against the healthy line of %s (%s)"), target_text, basis_text);
          else
            /* Translators: a headline figure's basis, "to date against a target of €1.4M (January to June 2027)" */
            headline->basis = g_strdup_printf (_("to date against a target of %s (%s)"), target_text, basis_text);
        }
      g_ptr_array_add (headlines, headline);
    }
  return headlines;
}

PlReportTableText *
pl_report_attention_table (PlPlan *plan, guint32 today, gboolean share_safe)
{
  g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, today);
  PlReportTableText *self = pl_report_table_text_new (_("Campaign"), 0.26, PANGO_ALIGN_LEFT, _("Why it needs attention"), 0.34,
                                       PANGO_ALIGN_LEFT, _("What is being done"), 0.40, PANGO_ALIGN_LEFT, NULL);

  /* What the CMO wrote is printed whole, the row as tall as it needs. */
  self->table->whole[0] = TRUE;
  self->table->whole[2] = TRUE;

  if (dashboard->attention->len == 0)
    {
      g_ptr_array_add (self->before,
                       g_markup_escape_text (dashboard->measured ? _("No campaign needs attention: every one is on target, "
                                                                     "within its allocation and not about to end.")
                                                                 : _("Nothing is measured yet, so no campaign can be judged "
                                                                     "against its targets."), -1));
      return self;
    }
  /* Translators: the subtitle of the board pack's last page */
  self->subtitle = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u campaign is off target, over its allocation or about to end.",
                                                         "%u campaigns are off target, over their allocation or about to end.",
                                                         dashboard->attention->len), dashboard->attention->len);
  for (guint i = 0; i < dashboard->attention->len; i++)
    {
      const PlAttention *attention = dashboard->attention->pdata[i];
      const char *why = share_safe ? attention->share_text : attention->text;
      const char *step = pl_item_get_string (attention->campaign, PL_CAMPAIGN_NEXT_STEP);
      char **cells;

      pl_report_table_text_add_row (self, pl_item_get_string (attention->campaign, PL_CAMPAIGN_NAME), why, step, NULL);
      if (blank (step))
        {
          const PlChartStyle *style = pl_chart_style_light ();
          g_autofree char *colour = hex (&style->muted);

          cells = self->rows->pdata[self->rows->len - 1];
          g_free (cells[2]);
          /* Said as missing, in grey: a board asks. */
          cells[2] = g_markup_printf_escaped ("<span foreground=\"%s\"><i>%s</i></span>", colour,
                                              _("Nothing recorded yet: write the next step on the Campaigns page."));
        }
    }
  return self;
}

/* The budget. */

/* Where the spend is heading by the period's end, when the plan has a forecast of it
 * (pl_forecast_spend(), as the dashboard's spend gauge): a paragraph under the budget. */
static void
add_spend_forecast (PlReportTableText *self, PlPlan *plan, guint32 today, gint64 planned, gboolean share_safe)
{
  PlLatestEstimate estimate = pl_forecast_spend (plan, today);
  double plan_major = major (plan, planned);
  g_autofree char *end = NULL;

  if (estimate.missing != PL_ESTIMATE_AVAILABLE || isnan (estimate.value) || estimate.n_actual >= estimate.n_months)
    return;
  end = day_text (pl_plan_get_end (plan) - 1, "%B %Y");
  if (share_safe)
    {
      g_autofree char *share = percent_text (pl_figures_against (estimate.value, plan_major));
      g_autofree char *low = percent_text (pl_figures_against (estimate.low, plan_major));
      g_autofree char *high = percent_text (pl_figures_against (estimate.high, plan_major));
      /* Translators: the budget's forecast in a share-safe report: the share of the plan, the 80 % band, the last month */
      g_ptr_array_add (self->after, g_markup_printf_escaped (_("<b>Forecast</b>: on course to spend %s of the plan by the end "
                                                               "of %s (80%% band: %s to %s), from the months measured so far."),
                                                             share, end, low, high));
    }
  else
    {
      g_autofree char *value = money_text (plan, estimate.value);
      g_autofree char *low = money_text (plan, estimate.low);
      g_autofree char *high = money_text (plan, estimate.high);
      g_autofree char *plan_text = money_text (plan, plan_major);
      g_autofree char *share = percent_text (pl_figures_against (estimate.value, plan_major));
      /* Translators: the budget's forecast: the spend by the period's end, the last month, its 80 % band, the plan, the share */
      g_ptr_array_add (self->after, g_markup_printf_escaped (_("<b>Forecast</b>: on course to spend %s by the end of %s "
                                                               "(80%% band: %s to %s), against a plan of %s (%s), from the "
                                                               "months measured so far."),
                                                             value, end, low, high, plan_text, share));
    }
}

/* The row of the spend on no line, before the total that counts it: the rows add up. */
static void
add_no_line_row (PlReportTableText *self, PlPlan *plan, const PlBasis *basis, gint64 all_spent, gboolean share_safe)
{
  gint64 no_line = pl_figures_spend_source (plan) == PL_SPEND_FROM_RECORDS ? pl_unbudgeted_actual_between (plan, basis->from, basis->to) : 0;
  g_autofree char *sp = money_text (plan, major (plan, no_line));
  g_autofree char *spend_share = percent_text (pl_figures_against ((double) no_line, (double) all_spent));
  /* Translators: the report's budget row of the spend on no budget line */
  const char *name = _("Unbudgeted (no line)");

  if (no_line == 0)
    return;
  if (share_safe)
    pl_report_table_text_add_row (self, name, "–", spend_share, "–", NULL);
  else
    pl_report_table_text_add_row (self, name, "–", "–", sp, "–", "–", NULL);
}

/* Orders placed and not yet invoiced: not spent, but no longer free to spend. */
static void
add_committed (PlReportTableText *self, PlPlan *plan, gboolean share_safe)
{
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  gint64 committed = pl_budget_totals_committed (totals, NULL, -1);
  gint64 planned = pl_budget_totals_planned (totals, NULL, -1);
  gint64 remaining = pl_budget_totals_remaining (totals, NULL, -1);

  if (committed == 0)
    return;
  if (share_safe)
    {
      g_autofree char *share = percent_text (pl_figures_against ((double) committed, (double) planned));
      g_autofree char *left = percent_text (pl_figures_against ((double) remaining, (double) planned));
      /* Translators: the report's committed spend, share-safe: its share of the plan, the share left */
      g_ptr_array_add (self->after, g_markup_printf_escaped (_("<b>Committed.</b> Orders placed and not yet invoiced hold %s of the "
                                                               "plan; they are not counted as spent. With them, %s of the plan "
                                                               "remains for the period."), share, left));
      return;
    }
  {
    g_autofree char *amount = money_text (plan, major (plan, committed));
    g_autofree char *left = money_text (plan, major (plan, remaining));
    /* Translators: the report's committed spend: the orders not yet invoiced, what remains of the plan */
    g_ptr_array_add (self->after, g_markup_printf_escaped (_("<b>Committed.</b> Orders placed and not yet invoiced hold %s; they "
                                                             "are not counted as spent. With them, %s of the plan remains for "
                                                             "the period."), amount, left));
  }
}

/* The entries behind the flag listed under the budget table: a board reads a few, the
 * Budget page lists them all. */
#define MAX_UNBUDGETED_LISTED 8

/* The flag on spend outside the budget (pl-unbudgeted.h), as the Budget page words it, with
 * the entries behind it: a paragraph under the budget table. */
static void
add_unbudgeted (PlReportTableText *self, PlPlan *plan, gint64 planned, gboolean share_safe)
{
  g_autoptr(PlUnbudgeted) u = pl_unbudgeted_new (plan, NULL);
  guint exponent = pl_plan_get_currency_exponent (plan);
  const char *currency = pl_plan_get_currency (plan);
  guint n = u->entries->len;
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 rest = 0;

  if (u->total <= 0)
    return;
  if (share_safe)
    {
      g_autofree char *share = percent_text (pl_figures_against ((double) u->total, (double) planned));
      /* Translators: the report's flag on unbudgeted spend, share-safe: its share of the plan, the entries behind it */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "<b>Unbudgeted spend.</b> Spend equal to %s of the plan is booked on no "
                                                 "budget line or beyond its line’s plan (%u entry).",
                                                 "<b>Unbudgeted spend.</b> Spend equal to %s of the plan is booked on no "
                                                 "budget line or beyond its line’s plan (%u entries).", n),
                              share, n);
    }
  else
    {
      g_autofree char *sentence = pl_unbudgeted_describe (plan, u);
      g_autofree char *escaped = g_markup_escape_text (sentence, -1);
      /* Translators: the report's flag on unbudgeted spend: the Budget page's sentence */
      g_string_append_printf (text, _("<b>Unbudgeted spend.</b> %s"), escaped);
    }
  for (guint i = 0; i < n; i++)
    {
      const PlUnbudgetedEntry *e = &g_array_index (u->entries, PlUnbudgetedEntry, i);
      const char *vendor = pl_item_get_string (e->entry, PL_SPEND_VENDOR);
      g_autofree char *date = NULL, *why = NULL, *amount = NULL, *line = NULL;

      if (i >= MAX_UNBUDGETED_LISTED)
        {
          rest = pl_money_sum (rest, e->amount);
          continue;
        }
      date = pl_date_text (pl_item_get_julian (e->entry, PL_SPEND_DATE), PL_DATE_DAY_MON_YEAR);
      why = pl_unbudgeted_entry_reason (e);
      amount = share_safe ? NULL : pl_money_format (e->amount, exponent, currency);
      /* Translators: an entry of the report's unbudgeted spend: date, vendor, why, status */
      line = g_markup_printf_escaped (_("%s · %s · %s · %s"), date, vendor ? vendor : "—", why,
                                      pl_enum_get_label (PL_TYPE_SPEND_STATUS, (int) pl_item_get_int (e->entry, PL_SPEND_STATUS)));
      g_string_append_printf (text, "\n   %s", line);
      if (amount != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (amount, -1);
          g_string_append_printf (text, " · %s", escaped);
        }
    }
  if (n > MAX_UNBUDGETED_LISTED)
    {
      g_autofree char *amount = pl_money_format (rest, exponent, currency);
      g_autofree char *more = NULL;

      if (share_safe)
        /* Translators: after the first unbudgeted entries of the report: how many more */
        more = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE, "and %u more entry: the Budget page of Pilote lists it.",
                                                     "and %u more entries: the Budget page of Pilote lists them.",
                                                     n - MAX_UNBUDGETED_LISTED), n - MAX_UNBUDGETED_LISTED);
      else
        /* Translators: after the first unbudgeted entries of the report: how many more, their amount */
        more = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE, "and %u more entry (%s): the Budget page of Pilote lists it.",
                                                     "and %u more entries (%s): the Budget page of Pilote lists them.",
                                                     n - MAX_UNBUDGETED_LISTED), n - MAX_UNBUDGETED_LISTED, amount);
      g_string_append_printf (text, "\n   %s", more);
    }
  g_ptr_array_add (self->after, g_string_free (g_steal_pointer (&text), FALSE));
}

PlReportTableText *
pl_report_budget_table (PlPlan *plan, guint32 today, gboolean share_safe)
{
  Months m = months_of (plan, today);
  GListModel *categories = pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES);
  PlBasis period = pl_basis_period (plan);
  g_autofree char *until = pl_basis_describe (plan, &m.spend_basis);
  guint n = g_list_model_get_n_items (categories);
  gint64 all_planned, all_spent;
  PlReportTableText *self;

  /* The same figures as the summary and the dashboard's spend gauge: to the day shown. */
  pl_figures_category_on (plan, NULL, &period, &all_planned, NULL, NULL);
  pl_figures_category_on (plan, NULL, &m.spend_basis, NULL, &all_spent, NULL);
  if (share_safe)
    self = pl_report_table_text_new (_("Category"), 0.34, PANGO_ALIGN_LEFT, _("Share of the budget"), 0.22, PANGO_ALIGN_RIGHT,
                      _("Share of the spend"), 0.22, PANGO_ALIGN_RIGHT, _("Used to date"), 0.22, PANGO_ALIGN_RIGHT, NULL);
  else
    self = pl_report_table_text_new (_("Category"), 0.26, PANGO_ALIGN_LEFT, _("Planned"), 0.16, PANGO_ALIGN_RIGHT,
                      _("Planned to date"), 0.16, PANGO_ALIGN_RIGHT, _("Spent to date"), 0.16, PANGO_ALIGN_RIGHT,
                      _("Used"), 0.12, PANGO_ALIGN_RIGHT, _("Variance"), 0.14, PANGO_ALIGN_RIGHT, NULL);
  if (m.spend_basis.kind == PL_BASIS_PERIOD)
    self->subtitle = g_markup_printf_escaped (_("The period has not started: the spend already booked for it against the "
                                                "whole period’s plan, by category."));
  else
    /* Translators: the basis of the report's budget table, "January to June 2027" */
    self->subtitle = g_markup_printf_escaped (_("Spend for %s against the plan to the same day, by category."), until);
  /* Each category, then the whole plan (no category) as the totals row. */
  for (guint c = 0; c <= n; c++)
    {
      g_autoptr(PlItem) category = c < n ? g_list_model_get_item (categories, c) : NULL;
      const char *name = category ? pl_item_get_string (category, PL_CATEGORY_NAME) : _("All categories");
      gint64 planned, to_date, spent;
      double used;
      g_autofree char *used_text = NULL;
      gboolean known;

      pl_figures_category_on (plan, PL_CATEGORY (category), &period, &planned, NULL, NULL);
      known = pl_figures_category_on (plan, PL_CATEGORY (category), &m.spend_basis, &to_date, &spent, &used);
      used_text = percent_text (used);
      if (category == NULL)
        add_no_line_row (self, plan, &m.spend_basis, all_spent, share_safe);
      if (share_safe)
        {
          g_autofree char *share = percent_text (pl_figures_against ((double) planned, (double) all_planned));
          g_autofree char *spend_share = percent_text (known ? pl_figures_against ((double) spent, (double) all_spent) : NAN);
          pl_report_table_text_add_row (self, name, share, spend_share, used_text, NULL);
        }
      else
        {
          g_autofree char *p = money_text (plan, major (plan, planned));
          g_autofree char *t = money_text (plan, major (plan, to_date));
          /* Without spending records a category's spend is not known: a dash, never 0. */
          g_autofree char *sp = known ? money_text (plan, major (plan, spent)) : g_strdup ("–");
          g_autofree char *v = known ? signed_money_text (plan, major (plan, spent - to_date)) : g_strdup ("–");
          pl_report_table_text_add_row (self, name, p, t, sp, used_text, v, NULL);
        }
    }
  self->last_is_total = TRUE;
  add_spend_forecast (self, plan, today, all_planned, share_safe);
  add_committed (self, plan, share_safe);
  add_unbudgeted (self, plan, all_planned, share_safe);
  return self;
}

/* The campaigns. */

typedef struct {
  PlItem *campaign;
  gint64  allocated, spent;
} Ranked;

static int
compare_ranked (gconstpointer a, gconstpointer b)
{
  const Ranked *x = a, *y = b;
  if (x->spent != y->spent)
    return x->spent > y->spent ? -1 : 1;
  if (x->allocated != y->allocated)
    return x->allocated > y->allocated ? -1 : 1;
  return 0;
}

/* Every campaign with its allocation and spend, the most spent first (a new array). */
static GArray *
rank_campaigns (PlPlan *plan, PlBudgetTotals *totals)
{
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  guint n = g_list_model_get_n_items (campaigns);
  GArray *ranked = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      Ranked r = { campaign, pl_budget_totals_campaign_allocated (totals, campaign),
                   pl_budget_totals_campaign_actual (totals, campaign) };
      g_array_append_val (ranked, r);
    }
  /* Stable: equal campaigns keep the plan's order. */
  g_array_sort (ranked, compare_ranked);
  return ranked;
}

GPtrArray *
pl_report_top_campaigns (PlPlan *plan, guint n)
{
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  g_autoptr(GArray) ranked = rank_campaigns (plan, totals);
  GPtrArray *top = g_ptr_array_new ();

  for (guint i = 0; i < MIN (n, ranked->len); i++)
    g_ptr_array_add (top, g_array_index (ranked, Ranked, i).campaign);
  return top;
}

static void
free_text (gpointer text)
{
  g_string_free (text, TRUE);
}

/* One figure of a campaign's result on @kpi: a count as the KPI writes it, money in the
 * report's form; in share-safe reports money as a share of the KPI's target over the
 * period ("12% of target"), NULL when it has none. */
static char *
result_value (PlPlan *plan, PlKpi *kpi, double value, gboolean share_safe)
{
  if (pl_item_get_int (PL_ITEM (kpi), PL_KPI_UNIT) != PL_UNIT_CURRENCY)
    return pl_kpi_value_format (kpi, value);
  if (share_safe)
    {
      double target = pl_figures_kpi_target (plan, kpi, pl_plan_get_start (plan), pl_plan_get_end (plan));
      double against = pl_figures_against (value, target);
      /* Translators: a campaign's result or expected contribution as a share of its KPI's target */
      return isnan (against) ? NULL : g_strdup_printf (_("%.0f%% of target"), against * 100);
    }
  return money_text (plan, value);
}

/* What @link's campaign brought on its KPI over @basis against what it was expected to
 * bring: "Leads 1,310 of 2,400", "Leads 1,310" when nothing was expected, "Leads 2,400
 * expected" before any result; in share-safe reports a money KPI's result as a share of
 * what was expected ("New bookings 48% of expected"). */
static char *
link_text (PlPlan *plan, PlCampaignKpi *link, PlKpi *kpi, const PlBasis *basis, gboolean share_safe)
{
  const char *name = pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME);
  double expected = pl_item_get_double (PL_ITEM (link), PL_CAMPAIGN_KPI_CONTRIBUTION);
  double brought = pl_campaign_link_result (plan, link, basis).value;
  g_autofree char *brought_text = NULL;
  g_autofree char *expected_text = NULL;

  if (!isnan (brought) && !isnan (expected) && share_safe &&
      pl_item_get_int (PL_ITEM (kpi), PL_KPI_UNIT) == PL_UNIT_CURRENCY)
    {
      double against = pl_figures_against (brought, expected);

      if (!isnan (against))
        /* Translators: a campaign's money result as a share of what it was expected to bring: the KPI, the share */
        return g_strdup_printf (_("%s %.0f%% of expected"), name, against * 100);
      expected = NAN;
    }
  brought_text = isnan (brought) ? NULL : result_value (plan, kpi, brought, share_safe);
  expected_text = isnan (expected) ? NULL : result_value (plan, kpi, expected, share_safe);
  if (brought_text != NULL && expected_text != NULL)
    /* Translators: a campaign's result against what it was expected to bring: the KPI, brought, expected ("Leads 1,310 of 2,400") */
    return g_strdup_printf (_("%s %s of %s"), name, brought_text, expected_text);
  if (brought_text != NULL)
    /* Translators: a campaign's result, nothing expected: the KPI, brought ("Leads 1,310") */
    return g_strdup_printf (_("%s %s"), name, brought_text);
  if (expected_text != NULL)
    /* Translators: a campaign's expected contribution before any result: the KPI, expected ("Leads 2,400 expected") */
    return g_strdup_printf (_("%s %s expected"), name, expected_text);
  return g_strdup (name);
}

/* Each campaign's results against expected, KPI by KPI, as text: campaign ID -> GString. */
static GHashTable *
results_texts (PlPlan *plan, const PlBasis *basis, gboolean share_safe)
{
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_text);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      const char *id = pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN);
      PlItem *kpi = pl_plan_lookup (plan, pl_item_get_string (link, PL_CAMPAIGN_KPI_KPI));
      g_autofree char *part = NULL;
      GString *text;

      if (kpi == NULL || !PL_IS_KPI (kpi) || id == NULL)
        continue;
      part = link_text (plan, PL_CAMPAIGN_KPI (link), PL_KPI (kpi), basis, share_safe);
      text = g_hash_table_lookup (texts, id);
      if (text == NULL)
        g_hash_table_insert (texts, (gpointer) id, text = g_string_new (NULL));
      else
        g_string_append (text, " · ");
      g_string_append (text, part);
    }
  return texts;
}

static int
by_spent (gconstpointer a, gconstpointer b)
{
  const PlCampaignFigures *x = *(const PlCampaignFigures **) a, *y = *(const PlCampaignFigures **) b;

  if (x->spent != y->spent)
    return x->spent > y->spent ? -1 : 1;
  if (x->budget != y->budget)
    return x->budget > y->budget ? -1 : 1;
  return 0;
}

PlReportTableText *
pl_report_campaigns_table (PlPlan *plan, guint32 today, gboolean share_safe)
{
  PlBasis basis = pl_campaign_ranking_basis (plan, today);
  g_autoptr(GArray) figures = pl_campaign_figures_all (plan, &basis);
  g_autoptr(GPtrArray) ranked = g_ptr_array_sized_new (figures->len);
  g_autoptr(GHashTable) results = results_texts (plan, &basis, share_safe);
  gint64 all_allocated = 0, all_spent = 0, rest_allocated = 0, rest_spent = 0;
  guint shown = MIN (figures->len, PL_REPORT_TOP_CAMPAIGNS);
  PlReportTableText *self;

  for (guint i = 0; i < figures->len; i++)
    g_ptr_array_add (ranked, &g_array_index (figures, PlCampaignFigures, i));
  /* Stable: equal campaigns keep the plan's order. */
  g_ptr_array_sort (ranked, by_spent);
  self = pl_report_table_text_new (_("Campaign"), 0.18, PANGO_ALIGN_LEFT, _("Channel"), 0.10, PANGO_ALIGN_LEFT,
                    _("Dates"), 0.12, PANGO_ALIGN_LEFT, _("Status"), 0.08, PANGO_ALIGN_LEFT,
                    share_safe ? _("Share allocated") : _("Allocated"), 0.09, PANGO_ALIGN_RIGHT,
                    share_safe ? _("Share spent") : _("Spent"), 0.09, PANGO_ALIGN_RIGHT,
                    _("ROI"), 0.06, PANGO_ALIGN_RIGHT,
                    _("Results against expected"), 0.28, PANGO_ALIGN_LEFT, NULL);
  for (guint i = 0; i < ranked->len; i++)
    {
      const PlCampaignFigures *f = ranked->pdata[i];
      all_allocated = pl_money_sum (all_allocated, f->budget);
      all_spent = pl_money_sum (all_spent, f->spent);
      if (i >= shown)
        {
          rest_allocated = pl_money_sum (rest_allocated, f->budget);
          rest_spent = pl_money_sum (rest_spent, f->spent);
        }
    }
  if (ranked->len == 0)
    g_ptr_array_add (self->before, g_markup_escape_text (_("The plan has no campaigns yet."), -1));
  else
    {
      g_autofree char *when = pl_basis_describe (plan, &basis);

      if (ranked->len > shown)
        /* Translators: the report's campaigns table: how many shown, of how many, the basis ("January to June 2027") */
        self->subtitle = g_markup_printf_escaped (_("The %u campaigns with the most spend, of %u, and what they brought, "
                                                    "%s; the others are summed in the last row."),
                                                  shown, ranked->len, when);
      else
        /* Translators: the report's campaigns table: the basis ("January to June 2027") */
        self->subtitle = g_markup_printf_escaped (_("Every campaign, the most spent first, and what it brought, %s."),
                                                  when);
    }
  for (guint i = 0; i <= shown && ranked->len > 0; i++)
    {
      gboolean rest = i == shown;
      const PlCampaignFigures *f = rest ? NULL : ranked->pdata[i];
      PlItem *campaign = rest ? NULL : PL_ITEM (f->campaign);
      gint64 allocated = rest ? rest_allocated : f->budget, spent = rest ? rest_spent : f->spent;
      g_autofree char *a = share_safe ? percent_text (all_allocated ? (double) allocated / all_allocated : NAN)
                                      : money_text (plan, major (plan, allocated));
      g_autofree char *s = share_safe ? percent_text (all_spent ? (double) spent / all_spent : NAN)
                                      : money_text (plan, major (plan, spent));
      g_autofree char *roi = NULL;
      g_autofree char *dates = NULL;
      g_autofree char *others = NULL;
      GString *brought;

      if (rest)
        {
          if (ranked->len == shown)
            break;
          /* Translators: the last row of the report's campaigns table */
          others = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other campaign", "%u other campaigns",
                                                 ranked->len - shown), ranked->len - shown);
          pl_report_table_text_add_row (self, others, "", "", "", a, s, "", "", NULL);
          self->last_is_total = TRUE;
          break;
        }
      if (pl_item_get_julian (campaign, PL_CAMPAIGN_START) != 0)
        {
          g_autofree char *from = pl_date_text (pl_item_get_julian (campaign, PL_CAMPAIGN_START), PL_DATE_DAY_MON);
          g_autofree char *to = pl_date_text (MAX (pl_item_get_julian (campaign, PL_CAMPAIGN_END),
                                                   pl_item_get_julian (campaign, PL_CAMPAIGN_START)), PL_DATE_DAY_MON_YEAR);
          dates = g_strdup_printf ("%s – %s", from, to);
        }
      /* A ratio: it says nothing of the amounts, share-safe or not. */
      roi = isnan (f->roi.value) ? g_strdup ("–") : pl_percent_format (100 * f->roi.value, 0);
      brought = g_hash_table_lookup (results, pl_item_get_id (campaign));
      pl_report_table_text_add_row (self, pl_item_get_string (campaign, PL_CAMPAIGN_NAME),
               pl_item_get_string (campaign, PL_CAMPAIGN_CHANNEL), dates,
               pl_enum_get_label (PL_TYPE_CAMPAIGN_STATUS, (int) pl_item_get_int (campaign, PL_CAMPAIGN_STATUS)), a, s,
               roi, brought ? brought->str : _("No KPI"), NULL);
    }
  return self;
}

/* The maturity self-assessment. */

PlReportTableText *
pl_report_maturity_table (PlPlan *plan)
{
  const PlQuestionnaire *questionnaire = pl_questionnaire_get_current ();
  g_autoptr(GPtrArray) rounds = pl_maturity_rounds (plan);
  g_autoptr(PlMaturity) current = NULL;
  g_autoptr(PlMaturity) previous = NULL;
  PlReportTableText *self;
  int weakest = -1;

  self = pl_report_table_text_new (_("Dimension"), 0.46, PANGO_ALIGN_LEFT, _("This round"), 0.18, PANGO_ALIGN_RIGHT,
                    _("Round before"), 0.18, PANGO_ALIGN_RIGHT, _("Change"), 0.18, PANGO_ALIGN_RIGHT, NULL);
  if (questionnaire == NULL || rounds->len == 0)
    {
      g_ptr_array_add (self->before, g_markup_escape_text (_("The team has not answered the maturity self-assessment yet."), -1));
      return self;
    }
  current = pl_maturity_score_round (questionnaire, plan, rounds->pdata[rounds->len - 1]);
  if (rounds->len > 1)
    previous = pl_maturity_score_round (questionnaire, plan, rounds->pdata[rounds->len - 2]);
  self->subtitle = previous ? g_markup_printf_escaped (_("Round “%s” against round “%s”, scores out of 100."),
                                                       (char *) rounds->pdata[rounds->len - 1],
                                                       (char *) rounds->pdata[rounds->len - 2])
                            : g_markup_printf_escaped (_("Round “%s”, scores out of 100."),
                                                       (char *) rounds->pdata[rounds->len - 1]);
  if (current->persona != NULL)
    g_ptr_array_add (self->before,
                     g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE,
                                                           "With %u respondent, the team scores %.0f out of 100 and reads as <b>%s</b>: %s",
                                                           "With %u respondents, the team scores %.0f out of 100 and reads as <b>%s</b>: %s",
                                                           current->n_respondents),
                                              current->n_respondents, current->overall, current->persona->name,
                                              current->persona->description));
  for (guint d = 0; d < current->n_dimensions; d++)
    {
      const PlDimension *dimension = questionnaire->dimensions->pdata[d];
      double now = current->scores[d], before = previous ? previous->scores[d] : NAN;
      g_autofree char *score = isnan (now) ? NULL : g_strdup_printf ("%.0f", now);
      g_autofree char *earlier = isnan (before) ? NULL : g_strdup_printf ("%.0f", before);
      g_autofree char *change = isnan (now) || isnan (before) ? NULL : g_strdup_printf ("%+.0f", now - before);

      pl_report_table_text_add_row (self, dimension->title, score, earlier, change, NULL);
    }
  {
    g_autoptr(GArray) weak = pl_maturity_order (current, TRUE);
    if (weak->len > 0)
      weakest = (int) g_array_index (weak, guint, 0);
  }
  if (weakest >= 0)
    {
      const PlDimension *dimension = questionnaire->dimensions->pdata[weakest];
      g_ptr_array_add (self->after, g_markup_printf_escaped (_("<b>Next step</b>, on the weakest dimension, %s: %s"),
                                                             dimension->title, dimension->advice));
    }
  return self;
}

/* Scenarios. */

PlReportTableText *
pl_report_scenarios_table (PlPlan *plan, guint32 today, gboolean share_safe)
{
  g_autoptr(GArray) series = pl_scenario_series_new (plan, today);
  GListModel *scenarios = pl_plan_get_collection (plan, PL_COLLECTION_SCENARIOS);
  const PlProjectionRow *measures = pl_scenario_chart_measures;
  PlChartStyle style = *pl_chart_style_light ();
  const PlScenarioSeries *base = &g_array_index (series, PlScenarioSeries, 0);
  PlReportTableText *self;

  style.share_safe = share_safe;
  /* Spend and revenue in millions with their currency take the room; counts little. */
  self = pl_report_table_text_new (_("Scenario"), 0.20, PANGO_ALIGN_LEFT,
                    pl_projection_row_name (measures[0]), 0.17, PANGO_ALIGN_RIGHT,
                    pl_projection_row_name (measures[1]), 0.10, PANGO_ALIGN_RIGHT,
                    pl_projection_row_name (measures[2]), 0.12, PANGO_ALIGN_RIGHT,
                    pl_projection_row_name (measures[3]), 0.17, PANGO_ALIGN_RIGHT,
                    pl_projection_row_name (measures[4]), 0.14, PANGO_ALIGN_RIGHT,
                    pl_projection_row_name (measures[5]), 0.10, PANGO_ALIGN_RIGHT, NULL);
  self->subtitle = g_markup_escape_text (share_safe
                                         ? _("Projected over the period from each scenario’s drivers; amounts as shares of Base’s.")
                                         : _("Projected over the period from each scenario’s drivers."), -1);
  g_ptr_array_add (self->before,
                   g_markup_escape_text (_("Base is the plan’s own drivers, from its latest measured months; each scenario "
                                           "changes some of them (cost per lead, conversion rates, delays, spend) and keeps the rest."), -1));
  for (guint i = 0; i < series->len; i++)
    {
      const PlScenarioSeries *s = &g_array_index (series, PlScenarioSeries, i);
      char *cells[PL_SCENARIO_CHART_N_MEASURES];

      for (guint k = 0; k < PL_SCENARIO_CHART_N_MEASURES; k++)
        cells[k] = pl_scenario_chart_value_text (&style, plan, measures[k],
                                                 pl_projection_get (s->projection, measures[k], PL_PROJECTION_TOTAL),
                                                 pl_projection_get (base->projection, measures[k], PL_PROJECTION_TOTAL),
                                                 FALSE);
      pl_report_table_text_add_row (self, s->name, cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], NULL);
      for (guint k = 0; k < PL_SCENARIO_CHART_N_MEASURES; k++)
        g_free (cells[k]);
    }
  /* What each scenario assumes, under the table: the figures say what, this says why. */
  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(PlItem) scenario = g_list_model_get_item (scenarios, i);
      g_autoptr(PlDrivers) drivers = pl_scenario_get_drivers (PL_SCENARIO (scenario), plan, today);
      g_autofree char *assumed = pl_scenario_chart_assumptions_text (plan, drivers, share_safe);

      g_ptr_array_add (self->after,
                       assumed != NULL
                         /* Translators: a scenario's name, then what it assumes */
                         ? g_markup_printf_escaped (_("<b>%s</b> assumes %s; its other drivers are Base’s."),
                                                    pl_item_get_string (scenario, PL_SCENARIO_NAME), assumed)
                         : g_markup_printf_escaped (_("<b>%s</b> assumes nothing: it is Base."),
                                                    pl_item_get_string (scenario, PL_SCENARIO_NAME)));
    }
  return self;
}

/* Metric hygiene. */

static const char *
finding_kind (PlHygieneKind kind)
{
  switch (kind)
    {
    case PL_HYGIENE_VANITY: return _("Vanity metric");
    case PL_HYGIENE_NO_OWNER: return _("No owner");
    case PL_HYGIENE_NO_TARGET: return _("No target");
    case PL_HYGIENE_CAC_ALL_SPEND: return _("Not the CAC of the figures");
    case PL_HYGIENE_UNLINKED_CAMPAIGN: default: return _("Campaign with no KPI");
    }
}

PlReportTableText *
pl_report_hygiene_table (PlPlan *plan, guint max)
{
  g_autoptr(GPtrArray) findings = pl_hygiene_check (plan);
  PlReportTableText *self = pl_report_table_text_new (_("Finding"), 0.24, PANGO_ALIGN_LEFT, _("What to do about it"), 0.76,
                                       PANGO_ALIGN_LEFT, NULL);

  if (findings->len == 0)
    {
      g_ptr_array_add (self->before, g_markup_escape_text (_("Every KPI leads to leads or revenue and has an owner and a "
                                                             "target, and every campaign is expected to move a KPI."), -1));
      return self;
    }
  self->subtitle = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u finding: KPIs that lead to no lead or revenue, KPIs with no owner or target, campaigns linked to no KPI.",
                                                         "%u findings: KPIs that lead to no lead or revenue, KPIs with no owner or target, campaigns linked to no KPI.",
                                                         findings->len), findings->len);
  for (guint i = 0; i < MIN (max, findings->len); i++)
    {
      const PlHygieneFinding *finding = findings->pdata[i];
      pl_report_table_text_add_row (self, finding_kind (finding->kind), finding->message, NULL);
    }
  if (findings->len > max)
    g_ptr_array_add (self->after,
                     g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE, "And %u more finding, listed on the KPI chain page of Pilote.",
                                                           "And %u more findings, listed on the KPI chain page of Pilote.",
                                                           findings->len - max), findings->len - max));
  return self;
}

char *
pl_report_text_withhold_amounts (PlPlan *plan, const char *text)
{
  g_autofree char *code = g_regex_escape_string (pl_plan_get_currency (plan), -1);
  /* Signs and codes before or after a number with its separators and a k/M/bn suffix. */
  g_autofree char *money = g_strdup_printf ("(?:[€$£¥]|\\b(?:%s|EUR|USD|GBP|CHF|CAD)\\b)\\s?[0-9][0-9.,\\s\\x{202F}\\x{A0}]*"
                                            "(?:[kKmM]|bn)?\\b"
                                            "|\\b[0-9][0-9.,\\s\\x{202F}\\x{A0}]*(?:[kKmM]|bn)?\\s?(?:[€$£¥]|\\b(?:%s|EUR|USD|GBP|CHF|CAD)\\b)",
                                            code, code);
  g_autoptr(GRegex) regex = g_regex_new (money, G_REGEX_OPTIMIZE, 0, NULL);

  g_return_val_if_fail (regex != NULL, g_strdup (text));
  /* Translators: what a share-safe report shows in place of an amount in the plan's notes */
  return g_regex_replace_literal (regex, text, -1, 0, _("[amount withheld]"), 0, NULL);
}

/* The cover. */

char *
pl_report_text_period (PlPlan *plan)
{
  g_autofree char *from = day_text (pl_plan_get_start (plan), "%B %Y");
  g_autofree char *to = day_text (pl_plan_get_end (plan) - 1, "%B %Y");
  /* Translators: the fiscal period on a report's cover: its first and last months */
  return g_strdup_printf (_("Fiscal period: %s to %s"), from, to);
}

char *
pl_report_text_as_of (PlPlan *plan, guint32 today)
{
  Months m = months_of (plan, today);
  g_autofree char *month = day_text (m.month, "%B %Y");

  if (!m.measured)
    {
      g_autofree char *day = pl_date_text (today, PL_DATE_LONG);
      /* Translators: on a report's cover, when nothing is measured yet as of the day */
      return g_strdup_printf (_("As of %s: nothing measured yet"), day);
    }
  /* Translators: on a report's cover: the last month the figures cover */
  return g_strdup_printf (_("Figures to the end of %s"), month);
}

char *
pl_report_text_prepared (const char *owner, guint32 today)
{
  g_autofree char *day = pl_date_text (today, PL_DATE_LONG);
  if (owner != NULL && *owner != '\0')
    /* Translators: on a report's cover: who prepared it, and when */
    return g_strdup_printf (_("Prepared by %s on %s"), owner, day);
  return g_strdup_printf (_("Prepared on %s"), day);
}

char *
pl_report_text_persona_badge (PlPlan *plan)
{
  const PlQuestionnaire *questionnaire = pl_questionnaire_get_current ();
  g_autoptr(GPtrArray) rounds = pl_maturity_rounds (plan);
  g_autoptr(PlMaturity) current = NULL;

  if (questionnaire == NULL || rounds->len == 0)
    return NULL;
  current = pl_maturity_score_round (questionnaire, plan, rounds->pdata[rounds->len - 1]);
  if (current->persona == NULL)
    return NULL;
  /* Translators: the badge on a report's cover: the team's maturity persona and score */
  return g_strdup_printf (_("Marketing maturity: %s · %.0f / 100"), current->persona->name, current->overall);
}

const char *
pl_report_text_share_safe_notice (void)
{
  return _("<b>Share-safe edition.</b> Every amount is shown as a share: of the budget, of the total or of its target. "
           "No figure in money appears in this document, so it can travel outside the finance circle.");
}

char *
pl_report_text_subject (PlPlan *plan, guint32 today, gboolean share_safe)
{
  g_autofree char *as_of = pl_report_text_as_of (plan, today);
  if (share_safe)
    /* Translators: a report PDF's subject; the figures' date */
    return g_strdup_printf (_("Marketing plan, budget and results for leadership (share-safe: no amounts). %s."), as_of);
  return g_strdup_printf (_("Marketing plan, budget and results for leadership. %s."), as_of);
}

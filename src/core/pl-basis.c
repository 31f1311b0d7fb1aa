/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-basis"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-basis.h"
#include "pl-date-text.h"

guint32
pl_month_first_day (guint32 julian, int delta)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_set_day (&date, 1);
  if (delta > 0)
    g_date_add_months (&date, (guint) delta);
  else if (delta < 0)
    g_date_subtract_months (&date, (guint) -delta);
  return g_date_get_julian (&date);
}

PlBasis
pl_basis_month (PlPlan *plan, guint index)
{
  PlBasis basis = { PL_BASIS_MONTH, pl_plan_month_start (plan, index), 0 };

  basis.to = index + 1 < pl_plan_get_months (plan) ? pl_plan_month_start (plan, index + 1)
                                                    : pl_plan_get_end (plan);
  return basis;
}

PlBasis
pl_basis_month_of (PlPlan *plan, guint32 day)
{
  int index = pl_plan_month_index (plan, day);
  PlBasis basis = { PL_BASIS_MONTH, pl_month_first_day (day, 0), pl_month_first_day (day, 1) };

  return index >= 0 ? pl_basis_month (plan, (guint) index) : basis;
}

PlBasis
pl_basis_quarter (PlPlan *plan, guint index)
{
  PlBasis basis = { PL_BASIS_QUARTER, 0, 0 };
  guint months = pl_plan_get_months (plan);
  guint first = MIN (index * 3, months ? months - 1 : 0);

  basis.from = pl_plan_month_start (plan, first);
  basis.to = first + 3 < months ? pl_plan_month_start (plan, first + 3) : pl_plan_get_end (plan);
  return basis;
}

PlBasis
pl_basis_to_date (PlPlan *plan, guint32 as_of)
{
  PlBasis basis = { PL_BASIS_TO_DATE, pl_plan_get_start (plan), 0 };

  basis.to = CLAMP (as_of + 1, basis.from, pl_plan_get_end (plan));
  return basis;
}

PlBasis
pl_basis_period (PlPlan *plan)
{
  PlBasis basis = { PL_BASIS_PERIOD, pl_plan_get_start (plan), pl_plan_get_end (plan) };

  return basis;
}

PlBasis
pl_basis_range (guint32 from, guint32 to)
{
  PlBasis basis = { PL_BASIS_RANGE, from, MAX (from, to) };

  return basis;
}

gboolean
pl_basis_equal (const PlBasis *a, const PlBasis *b)
{
  return a->from == b->from && a->to == b->to;
}

const char *
pl_basis_kind_key (PlBasisKind kind)
{
  static const char *keys[] = { "month", "quarter", "to-date", "period", "range" };

  return kind < G_N_ELEMENTS (keys) ? keys[kind] : "range";
}

/* "January to June 2027", or "October 2026 to March 2027" across a year's end: whole months. */
static char *
months_span (guint32 first, guint32 last)
{
  g_autofree char *a = NULL, *b = pl_date_format (last, "%B %Y");

  if (pl_month_first_day (first, 0) == pl_month_first_day (last, 0))
    return g_steal_pointer (&b);
  /* Translators: the month name alone, as in "January" of "January to June 2027" */
  a = pl_date_year (first) == pl_date_year (last) ? pl_date_format (first, C_("month alone", "%B"))
                                                  : pl_date_format (first, "%B %Y");
  /* Translators: a span of time, "January to June 2027" or "1 January to 15 June 2027" */
  return g_strdup_printf (_("%s to %s"), a, b);
}

char *
pl_basis_describe (PlPlan *plan, const PlBasis *basis)
{
  guint32 last;

  if (basis->to <= basis->from)
    return g_strdup (_("before the period starts"));
  last = basis->to - 1;
  if (basis->kind == PL_BASIS_QUARTER)
    {
      guint quarter = (guint) MAX (pl_plan_month_index (plan, basis->from), 0) / 3 + 1;
      g_autofree char *months = months_span (basis->from, last);
      /* Translators: a fiscal quarter and its months, "Q2 (April to June 2027)" */
      return g_strdup_printf (_("Q%u (%s)"), quarter, months);
    }
  /* Whole months read as months; a span cut inside a month names its days. */
  if (basis->from == pl_month_first_day (basis->from, 0) && basis->to == pl_month_first_day (basis->to, 0))
    return months_span (basis->from, last);
  {
    g_autofree char *a = pl_date_text (basis->from, pl_date_year (basis->from) == pl_date_year (last) ? PL_DATE_DAY_MONTH
                                                                                                      : PL_DATE_LONG);
    g_autofree char *b = pl_date_text (last, PL_DATE_LONG);
    if (basis->from == last)
      return g_steal_pointer (&b);
    return g_strdup_printf (_("%s to %s"), a, b);
  }
}

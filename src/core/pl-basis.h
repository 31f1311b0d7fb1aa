/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* The span a figure is computed over, named so that every card, table, chart and sentence
 * can say which: "June 2027", "Q2 2027", "January to June 2027". Days are Julian, [from, to). */
typedef enum {
  PL_BASIS_MONTH,        /* one month of the period */
  PL_BASIS_QUARTER,      /* three months from the period's start (fiscal quarters) */
  PL_BASIS_TO_DATE,      /* the period's first day to the as-of day, included */
  PL_BASIS_PERIOD,       /* the whole fiscal period */
  PL_BASIS_RANGE,        /* any other span */
} PlBasisKind;

typedef struct {
  PlBasisKind kind;
  guint32     from;
  guint32     to;
} PlBasis;

/* Month @index (0-based) of @plan's period. */
PlBasis  pl_basis_month       (PlPlan *plan, guint index);
/* The month of @plan's period (or of the calendar, outside it) that holds @day. */
PlBasis  pl_basis_month_of    (PlPlan *plan, guint32 day);
/* Fiscal quarter @index (0-based) of @plan's period, cut at the period's end. */
PlBasis  pl_basis_quarter     (PlPlan *plan, guint index);
/* From the period's start to @as_of included, cut at the period's end. Before the period
 * starts the basis is empty (from == to). */
PlBasis  pl_basis_to_date     (PlPlan *plan, guint32 as_of);
PlBasis  pl_basis_period      (PlPlan *plan);
PlBasis  pl_basis_range       (guint32 from, guint32 to);
/* The basis in words for a label: "June 2027", "Q2 2027 (April to June)", "January to June
 * 2027", "1 January to 15 June 2027". Free with g_free(). */
char    *pl_basis_describe    (PlPlan *plan, const PlBasis *basis);
/* A key for scripts: "month", "quarter", "to-date", "period", "range". */
const char *pl_basis_kind_key (PlBasisKind kind);
/* TRUE when the two bases cover the same days. */
gboolean pl_basis_equal       (const PlBasis *a, const PlBasis *b);

/* The month @julian is in, as the Julian day of its first day; @delta moves whole months. */
guint32  pl_month_first_day   (guint32 julian, int delta);

G_END_DECLS

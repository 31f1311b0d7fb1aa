/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest amount a plan holds: a trillion (10^12) of its currency, far above any
 * budget. pl_money_max() gives it in minor units. Sums of amounts are still computed with
 * pl_money_sum(): a million amounts at the limit do not fit 64 bits. */
#define PL_MONEY_MAX_UNITS G_GINT64_CONSTANT (1000000000000)

/* A sum of money too large to hold: read "not available", never a wrapped number. */
#define PL_MONEY_OVERFLOW G_MAXINT64

/* Amounts are gint64 counts of the currency's minor unit (cents for EUR). */

/* Returns the number of decimal digits of ISO 4217 @currency (2 when unknown). */
guint    pl_currency_exponent    (const char *currency);
/* Returns TRUE when @code has the shape of an ISO 4217 code (three capital letters). */
gboolean pl_currency_is_valid    (const char *code);
/* Parses a plain decimal ("-1234.5") exactly into minor units; no rounding, no locale. */
gboolean pl_money_parse          (const char *text, guint exponent, gint64 *out, GError **error);
/* Formats @amount as a plain decimal with @exponent digits ("-1234.50"), locale-independent. */
char    *pl_money_to_string      (gint64 amount, guint exponent);
/* Groups the digits of a plain decimal ("12450.5") by three with the locale's thousands
 * separator ("12,450.5" in en_US, "12 450.5" with a narrow no-break space in fr_FR and where
 * the locale has none, as in C). */
char    *pl_group_digits         (const char *plain);
/* A plain decimal ("-12450.5") as the user's locale writes it: its decimal point, and its
 * thousands grouped when @group ("-12 450,5" in fr_FR). */
char    *pl_number_localise      (const char *plain, gboolean group);
/* Formats @amount for reading: digits grouped, the cents only when there are some, after
 * the locale's decimal separator ("12 500", "182.40" or "182,40"). */
char    *pl_money_to_display     (gint64 amount, guint exponent);
/* The sign of ISO 4217 @currency where it has a well-known one ("€" for EUR), else the code. */
const char *pl_currency_symbol   (const char *currency);
/* Formats @amount of @currency as the user's locale writes money: "1 234,56 €" in fr_FR,
 * "€1,234.56" in en_US; "1 234.56 EUR" where the locale has no rule (C), as files and
 * exports do. The separators are no-break spaces: an amount never breaks over two lines. */
char    *pl_money_format         (gint64 amount, guint exponent, const char *currency);
/* Puts the sign or code of @currency around an already written @number ("12,5k", "-300") as
 * pl_money_format() does: for short chart labels. */
char    *pl_money_decorate       (const char *number, const char *currency);
/* A percentage (62.5 for 62.5 %) with @decimals digits, as the user's locale writes it:
 * "62.5%", "62,5 %" in French, where the space never breaks. */
char    *pl_percent_format       (double percent, int decimals);
/* A ratio (3.4 for LTV:CAC) with @decimals digits: "3.4×", "3,4×" in French. */
char    *pl_ratio_format         (double ratio, int decimals);
/* A number shortened for a chart label, in the user's locale: "950", "12k", "4.5k", "1.2M"
 * ("12 k", "1,2 M" in French); two decimals of millions when @precise. */
char    *pl_number_short         (double value, gboolean precise);
/* Parses what a user typed: spaces and no-break spaces between digits are ignored, a lone
 * comma is a decimal comma ("12 500", "182,40"), commas between groups of three digits
 * separate thousands ("12,500.50"), a currency sign or code before or after is dropped
 * ("€1,234.56", "1 234,56 €", "500 EUR"). Otherwise as pl_money_parse(). */
gboolean pl_money_parse_typed    (const char *text, guint exponent, gint64 *out, GError **error);
/* Parses a number a user typed, by the same rules as pl_money_parse_typed() without the
 * currency; commas group thousands only where the locale writes them so ("1,500" is 1.5 in
 * French). Returns FALSE with a message the user can act on when it is not a number. */
gboolean pl_number_parse_typed   (const char *text, double *out, GError **error);
/* Adds @b to *@a; returns FALSE (and leaves *@a) on overflow. */
gboolean pl_money_add            (gint64 *a, gint64 b);
/* The largest amount a plan holds (PL_MONEY_MAX_UNITS) in minor units of a currency with
 * @exponent decimals. */
gint64   pl_money_max            (guint exponent);
/* @value in major units (a figure) as minor units of a currency with @exponent decimals,
 * rounded; PL_MONEY_OVERFLOW when it is not finite or does not fit. */
gint64   pl_money_from_major     (double value, guint exponent);

/* @a + @b, or PL_MONEY_OVERFLOW when either is, or when the sum does not fit: a total that
 * would wrap round is not available instead. */
static inline gint64
pl_money_sum (gint64 a, gint64 b)
{
  gint64 sum;

  if (a == PL_MONEY_OVERFLOW || b == PL_MONEY_OVERFLOW || __builtin_add_overflow (a, b, &sum) ||
      sum == PL_MONEY_OVERFLOW || sum == G_MININT64)
    return PL_MONEY_OVERFLOW;
  return sum;
}

/* @a - @b by the same rule as pl_money_sum(). */
static inline gint64
pl_money_difference (gint64 a, gint64 b)
{
  /* G_MININT64 has no opposite, and is never a sum either. */
  return b == PL_MONEY_OVERFLOW || b == G_MININT64 ? PL_MONEY_OVERFLOW : pl_money_sum (a, -b);
}

G_END_DECLS

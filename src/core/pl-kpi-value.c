/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-kpi-value"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-enums.h"
#include "pl-error.h"
#include "pl-kpi-value.h"
#include "pl-money.h"
#include "pl-rules.h"

#include <string.h>

static char *
plain_number (double value, int decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%df", decimals);

  g_ascii_formatd (buffer, sizeof buffer, format, value);
  /* In the user's locale; parsing takes its separators back. */
  return pl_number_localise (buffer, fabs (value) >= 1000);
}

char *
pl_kpi_value_format (PlKpi *kpi, double value)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (PL_IS_KPI (kpi), NULL);
  if (isnan (value))
    return g_strdup ("");
  switch (pl_item_get_int (PL_ITEM (kpi), PL_KPI_UNIT))
    {
    case PL_UNIT_PERCENT:
      return pl_percent_format (value * 100, 1);
    case PL_UNIT_RATIO:
      return pl_ratio_format (value, 2);
    case PL_UNIT_CURRENCY:
      /* Cents matter in a cost per lead, not in a month's spend. */
      return plain_number (value, value == floor (value) || fabs (value) >= 1000 ? 0 : 2);
    default:
      return plain_number (value, value == floor (value) ? 0 : 2);
    }
}

gboolean
pl_kpi_value_parse (PlKpi *kpi, const char *text, double *value, GError **error)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  gint64 unit;
  gboolean percent = FALSE;
  double number;

  g_return_val_if_fail (PL_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (text != NULL && value != NULL, FALSE);
  unit = pl_item_get_int (PL_ITEM (kpi), PL_KPI_UNIT);
  /* The unit's marks go; the number is read as every typed number is. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (c == '\'')
        continue;
      /* What the locale shows around money can be typed back. */
      if (unit == PL_UNIT_CURRENCY && (c == '$' || c == 0x20AC || c == 0x00A3 || c == 0x00A5))
        continue;
      if (c == '%' && unit == PL_UNIT_PERCENT && !percent)
        {
          percent = TRUE;
          continue;
        }
      if ((c == 'x' || c == 'X' || c == 0x00D7) && unit == PL_UNIT_RATIO)
        continue;
      g_string_append_unichar (clean, c);
    }
  if (*g_strstrip (clean->str) == '\0' && !percent)
    {
      *value = NAN;
      return TRUE;
    }
  if (!pl_number_parse_typed (clean->str, &number, NULL))
    {
      /* The message quotes what was typed, its unit included. */
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("“%s” is not a number. Type digits, with a point or a comma for decimals."), text);
      return FALSE;
    }
  /* Percentages are kept as fractions, so that formulas multiply them as they are. */
  number = unit == PL_UNIT_PERCENT ? number / 100 : number;
  /* A number that reads but cannot be (negative leads, a churn of 200 %) is refused here, so
   * that every field typing a KPI's value refuses it with the words validation uses. */
  if (!pl_rule_kpi_value (kpi, number, error))
    return FALSE;
  *value = number;
  return TRUE;
}

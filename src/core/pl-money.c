/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-money"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pl-money.h"
#include "pl-error.h"

guint
pl_currency_exponent (const char *currency)
{
  static const char *zero[] = { "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
                                "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF" };
  static const char *three[] = { "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND" };

  if (currency == NULL)
    return 2;
  for (guint i = 0; i < G_N_ELEMENTS (zero); i++)
    if (strcmp (currency, zero[i]) == 0)
      return 0;
  for (guint i = 0; i < G_N_ELEMENTS (three); i++)
    if (strcmp (currency, three[i]) == 0)
      return 3;
  return 2;
}

gboolean
pl_currency_is_valid (const char *code)
{
  return code != NULL && strlen (code) == 3 &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}

/* Appends a decimal digit to *@value unless the result would not fit a gint64. */
static gboolean
push_digit (guint64 *value, int digit)
{
  if (*value > ((guint64) G_MAXINT64 - (guint64) digit) / 10)
    return FALSE;
  *value = *value * 10 + (guint64) digit;
  return TRUE;
}

gboolean
pl_money_parse (const char *text, guint exponent, gint64 *out, GError **error)
{
  const char *p = text;
  gboolean negative = FALSE;
  guint64 value = 0;
  guint int_digits = 0, frac_digits = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (; g_ascii_isdigit (*p); p++, int_digits++)
    {
      if (!push_digit (&value, *p - '0'))
        goto too_large;
    }
  if (*p == '.')
    {
      p++;
      for (; g_ascii_isdigit (*p); p++, frac_digits++)
        {
          if (frac_digits >= exponent)
            {
              g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                           _("“%s” has more decimals than the currency allows (%u)"),
                           text, exponent);
              return FALSE;
            }
          if (!push_digit (&value, *p - '0'))
            goto too_large;
        }
    }
  if (*p != '\0' || (int_digits == 0 && frac_digits == 0))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("“%s” is not an amount (expected digits, with a point before the decimals)"),
                   text);
      return FALSE;
    }
  for (; frac_digits < exponent; frac_digits++)
    {
      if (!push_digit (&value, 0))
        goto too_large;
    }
  *out = negative ? -(gint64) value : (gint64) value;
  return TRUE;

too_large:
  g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("“%s” is too large an amount"), text);
  return FALSE;
}

char *
pl_money_to_string (gint64 amount, guint exponent)
{
  guint64 magnitude = amount < 0 ? (guint64) (-(amount + 1)) + 1 : (guint64) amount;
  guint64 scale = 1;

  for (guint i = 0; i < exponent; i++)
    scale *= 10;
  if (exponent == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, amount < 0 ? "-" : "", magnitude);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT,
                          amount < 0 ? "-" : "", magnitude / scale, (int) exponent,
                          magnitude % scale);
}

gboolean
pl_money_add (gint64 *a, gint64 b)
{
  if ((b > 0 && *a > G_MAXINT64 - b) || (b < 0 && *a < G_MININT64 - b))
    return FALSE;
  *a += b;
  return TRUE;
}

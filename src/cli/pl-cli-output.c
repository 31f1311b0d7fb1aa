/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-cli"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-cli-output.h"
#include "pl-enums.h"
#include "pl-kpi-value.h"
#include "pl-money.h"

void
pl_cli_json_string (GString *out, const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

void
pl_cli_json_number (GString *out, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value) || isinf (value))
    g_string_append (out, "null");
  else
    {
      /* The shortest form that reads back as the same double, with a dot whatever the locale:
       * 888017.31 rather than 888017.31000000006. */
      g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
      if (g_ascii_strtod (buffer, NULL) != value)
        g_ascii_formatd (buffer, sizeof buffer, "%.17g", value);
      g_string_append (out, buffer);
    }
}

void
pl_cli_json_day (GString *out, guint32 julian)
{
  GDate date;
  char buffer[16];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (buffer, sizeof buffer, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
  pl_cli_json_string (out, buffer);
}

void
pl_cli_json_basis (GString *out, PlPlan *plan, const PlBasis *basis)
{
  g_autofree char *label = pl_basis_describe (plan, basis);

  g_string_append (out, "{\"kind\": ");
  pl_cli_json_string (out, pl_basis_kind_key (basis->kind));
  g_string_append (out, ", \"from\": ");
  pl_cli_json_day (out, basis->from);
  g_string_append (out, ", \"to\": ");
  /* The last day included, as people say it. */
  if (basis->to > basis->from)
    pl_cli_json_day (out, basis->to - 1);
  else
    g_string_append (out, "null");
  g_string_append (out, ", \"label\": ");
  pl_cli_json_string (out, label);
  g_string_append_c (out, '}');
}

void
pl_cli_json_key (GString *out, const char *key, gboolean first)
{
  if (!first)
    g_string_append (out, ",");
  g_string_append (out, "\n  ");
  pl_cli_json_string (out, key);
  g_string_append (out, ": ");
}

void
pl_cli_cell (GString *out, const char *text, int width, gboolean right)
{
  int pad = width - (int) g_utf8_strlen (text, -1);

  if (right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

char *
pl_cli_kpi_text (PlPlan *plan, PlKpi *kpi, double value)
{
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup (_("n/a"));
  number = pl_kpi_value_format (kpi, value);
  if (pl_item_get_int (PL_ITEM (kpi), PL_KPI_UNIT) == PL_UNIT_CURRENCY)
    return pl_money_decorate (number, pl_plan_get_currency (plan));
  return g_steal_pointer (&number);
}

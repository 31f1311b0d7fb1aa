/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-field-format"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-date-text.h"
#include "pl-enums.h"
#include "pl-field-format.h"
#include "pl-kpi-value.h"
#include "pl-money.h"

PlKpi *
pl_field_measured_kpi (PlPlan *plan, PlItem *item)
{
  guint n_fields;
  const PlField *fields = pl_item_get_fields (item, &n_fields);

  /* So that the number reads and types in that KPI's unit ("1,3 %" rather than 0.013). */
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].type == PL_FIELD_REF && fields[i].ref == PL_COLLECTION_KPIS)
      {
        PlItem *kpi = pl_plan_lookup (plan, pl_item_get_string (item, i));
        return kpi != NULL && PL_IS_KPI (kpi) ? PL_KPI (kpi) : NULL;
      }
  return NULL;
}

char *
pl_field_format (PlPlan *plan, PlItem *item, guint field)
{
  const PlField *f = &pl_item_get_fields (item, NULL)[field];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (f->type)
    {
    case PL_FIELD_STRING:
    case PL_FIELD_TEXT:
    case PL_FIELD_REF:
      return g_strdup (pl_item_get_string (item, field) ? pl_item_get_string (item, field) : "");
    case PL_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, pl_item_get_int (item, field));
    case PL_FIELD_DOUBLE:
      {
        double value = pl_item_get_double (item, field);
        PlKpi *kpi = pl_field_measured_kpi (plan, item);

        if (isnan (value))
          return g_strdup ("");
        if (kpi != NULL)
          return pl_kpi_value_format (kpi, value);
        /* In the user's locale ("12 500,35" in French); typing takes its separators back. */
        return pl_number_localise (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value), fabs (value) >= 1000);
      }
    case PL_FIELD_DATE:
      /* As the reader writes a date short: 31/03/2027 in French, 03/31/2027 in American English. */
      return pl_item_get_julian (item, field) != 0 ? pl_date_text (pl_item_get_julian (item, field), PL_DATE_NUMERIC)
                                                   : g_strdup ("");
    case PL_FIELD_MONTH:
      {
        GDate date;
        if (!pl_item_get_date (item, field, &date))
          return g_strdup ("");
        g_date_strftime (buffer, sizeof buffer, "%Y-%m", &date);
        return g_strdup (buffer);
      }
    case PL_FIELD_MONEY:
      {
        /* As the locale groups and points it, every cent shown so that a column of amounts
         * lines up ("12 500,00", "182,40"); pl_money_parse_typed() reads it back. */
        g_autofree char *plain = pl_money_to_string (pl_item_get_int (item, field), pl_plan_get_currency_exponent (plan));
        return pl_number_localise (plain, TRUE);
      }
    case PL_FIELD_STRV:
      {
        const char * const *strv = pl_item_get_strv (item, field);
        return strv ? g_strjoinv ("; ", (char **) strv) : g_strdup ("");
      }
    default:
      return g_strdup ("");
    }
}

gint64
pl_field_amounts_total (GVariant *amounts)
{
  gint64 total = 0;
  gsize n = 0;
  const gint64 *values = amounts != NULL ? g_variant_get_fixed_array (amounts, &n, sizeof (gint64)) : NULL;

  for (gsize i = 0; i < n; i++)
    total = pl_money_sum (total, values[i]);
  return total;
}

static char *
money_reading (PlPlan *plan, gint64 amount)
{
  g_autofree char *plain = NULL;

  if (amount == PL_MONEY_OVERFLOW)
    return g_strdup (_("n/a"));
  plain = pl_money_to_string (amount, pl_plan_get_currency_exponent (plan));
  return pl_number_localise (plain, TRUE);
}

/* The pairs of a GVariant "a(ss)" or "a(ssd)" as "first: second; …", the kind of an
 * assumption left out (its key says what it is). */
static char *
pairs_reading (GVariant *pairs, PlFieldType type)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize n = pairs != NULL ? g_variant_n_children (pairs) : 0;

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (pairs, i);

      if (out->len > 0)
        g_string_append (out, pl_field_list_separator ());
      if (type == PL_FIELD_ASSUMPTIONS)
        {
          const char *key;
          double value;
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];
          g_autofree char *number = NULL;

          g_variant_get (child, "(&s&sd)", NULL, &key, &value);
          number = pl_number_localise (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value), fabs (value) >= 1000);
          g_string_append_printf (out, _("%s: %s"), key, number);
        }
      else
        {
          const char *first, *second;

          g_variant_get (child, "(&s&s)", &first, &second);
          g_string_append_printf (out, _("%s: %s"), first, second);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
pl_field_format_reading (PlPlan *plan, PlItem *item, guint field)
{
  const PlField *f = &pl_item_get_fields (item, NULL)[field];

  switch (f->type)
    {
    case PL_FIELD_REF:
      {
        const char *id = pl_item_get_string (item, field);
        PlItem *target = id != NULL ? pl_plan_lookup (plan, id) : NULL;

        /* A reference to a record the plan does not hold reads as the ID it names. */
        return g_strdup (target != NULL ? pl_item_get_display_name (target) : id != NULL ? id : "");
      }
    case PL_FIELD_ENUM:
      return g_strdup (pl_enum_get_label (f->enum_type (), (int) pl_item_get_int (item, field)));
    case PL_FIELD_BOOL:
      return g_strdup (pl_item_get_int (item, field) ? _("Yes") : _("No"));
    case PL_FIELD_INT:
      {
        char plain[32];

        g_snprintf (plain, sizeof plain, "%" G_GINT64_FORMAT, pl_item_get_int (item, field));
        return pl_number_localise (plain, TRUE);
      }
    case PL_FIELD_DATE:
      return pl_item_get_julian (item, field) != 0 ? pl_date_text (pl_item_get_julian (item, field), PL_DATE_DAY_MON_YEAR)
                                                   : g_strdup ("");
    case PL_FIELD_MONTH:
      return pl_item_get_julian (item, field) != 0 ? pl_date_format (pl_item_get_julian (item, field), C_("month", "%B %Y"))
                                                   : g_strdup ("");
    case PL_FIELD_AMOUNTS:
      return money_reading (plan, pl_field_amounts_total (pl_item_get_variant (item, field)));
    case PL_FIELD_ANSWERS:
      {
        GVariant *answers = pl_item_get_variant (item, field);
        guint n = answers != NULL ? (guint) g_variant_n_children (answers) : 0;

        /* Translators: how many questions of an assessment have an answer */
        return n > 0 ? g_strdup_printf (ngettext ("%u answer", "%u answers", n), n) : g_strdup ("");
      }
    case PL_FIELD_ASSUMPTIONS:
    case PL_FIELD_SECTION_TEXTS:
      return pairs_reading (pl_item_get_variant (item, field), f->type);
    case PL_FIELD_STRV:
      {
        const char * const *strv = pl_item_get_strv (item, field);
        g_autoptr(GString) out = g_string_new (NULL);

        /* A list of IDs (the board pack's headline KPIs) reads as the records it names, as a
         * reference does; words that name no record stay as they are. */
        for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
          {
            PlItem *target = pl_plan_lookup (plan, strv[i]);

            g_string_append_printf (out, "%s%s", i > 0 ? pl_field_list_separator () : "",
                                    target != NULL ? pl_item_get_display_name (target) : strv[i]);
          }
        return g_string_free (g_steal_pointer (&out), FALSE);
      }
    case PL_FIELD_BYTES:
      {
        GVariant *bytes = pl_item_get_variant (item, field);
        gsize size = bytes != NULL ? g_variant_get_size (bytes) : 0;
        g_autofree char *shown = g_format_size (size);

        /* Translators: binary data kept in the plan (its logo), by its size ("an image of 12.3 kB") */
        return size > 0 ? g_strdup_printf (_("an image of %s"), shown) : g_strdup ("");
      }
    default:
      return pl_field_format (plan, item, field);
    }
}

char *
pl_capitalise (const char *text)
{
  const char *rest = g_utf8_next_char (text);
  g_autofree char *first = NULL;

  if (*text == '\0')
    return g_strdup ("");
  first = g_utf8_strup (text, rest - text);
  return g_strconcat (first, rest, NULL);
}

const char *
pl_field_list_separator (void)
{
  /* Translators: what separates the items of a list in a text ("Leads; Revenue"); French puts a
   * narrow no-break space (U+202F) before the semicolon */
  return C_("list", "; ");
}

char *
pl_field_get_title (const PlField *field)
{
  return pl_capitalise (g_dgettext (GETTEXT_PACKAGE, field->label));
}

char *
pl_field_format_period (PlItem *kpi, guint32 julian)
{
  g_autofree char *day = pl_date_text (julian, PL_DATE_DAY_MON_YEAR);

  if (PL_IS_KPI (kpi))
    switch (pl_item_get_int (kpi, PL_KPI_FREQUENCY))
      {
      case PL_FREQUENCY_WEEKLY:
        /* Translators: a weekly KPI's period, by its Monday ("week of 4 Jan 2027") */
        return g_strdup_printf (_("week of %s"), day);
      case PL_FREQUENCY_QUARTERLY:
        /* Translators: a quarterly KPI's period, by its first day ("quarter from 1 Apr 2027") */
        return g_strdup_printf (_("quarter from %s"), day);
      default:
        break;
      }
  /* Translators: strftime(3) format of a month and its year ("January 2027") */
  return pl_date_format (julian, C_("month", "%B %Y"));
}

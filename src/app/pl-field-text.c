/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-field-text"
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pl-date-text.h"
#include "pl-field-text.h"
#include "pl-figures.h"
#include "pl-kpi-value.h"
#include "pl-money.h"
#include "pl-objective-progress.h"

/* "25 %" of an allocation: that share of its line's planned total, to the cent. */
static gboolean
allocation_share (PlPlan *plan, PlItem *allocation, const char *text, gint64 *amount, GError **error)
{
  PlItem *line = pl_plan_lookup (plan, pl_item_get_string (allocation, PL_ALLOCATION_LINE));
  g_autofree char *number = g_strndup (text, strlen (text) - 1);
  double percent = NAN;

  if (!pl_number_parse_typed (number, &percent, NULL) || !(percent >= 0) || percent > 100)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Type a share of the line between 0%% and 100%%, such as 25%%."));
      return FALSE;
    }
  if (line == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Choose the budget line first: the share is of its planned total."));
      return FALSE;
    }
  *amount = (gint64) llround ((double) pl_figures_line_planned (PL_BUDGET_LINE (line), -1) * percent / 100);
  return TRUE;
}

/* A new due date moves the months an objective's target covers: it takes its KPI's target
 * over them in the same step, so that the file holds one number. */
static gboolean
set_objective_due (PlPlan *plan, PlObjective *objective, guint32 julian, GError **error)
{
  PlKpi *kpi = pl_objective_get_kpi (plan, objective);
  gboolean ok;

  pl_plan_begin_group (plan, _("Change the objective’s due date"));
  ok = pl_plan_set_julian (plan, PL_ITEM (objective), PL_OBJECTIVE_DUE, julian, error);
  if (ok && kpi != NULL)
    ok = pl_objectives_follow_kpi (plan, kpi, error);
  return pl_plan_finish_group (plan, ok);
}

gboolean
pl_field_apply (PlPlan *plan, PlItem *item, guint field, const char *text, gboolean commit, GError **error)
{
  const PlField *f = &pl_item_get_fields (item, NULL)[field];
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  switch (f->type)
    {
    case PL_FIELD_STRING:
    case PL_FIELD_TEXT:
      /* An emptied required field is refused when it is left (pl_plan_set_string(), in the
       * plan's rule's words), not while typed: the user has a chance to fill it first. */
      return !commit || pl_plan_set_string (plan, item, field, *stripped ? stripped : NULL, error);
    case PL_FIELD_INT:
      {
        gint64 value;
        if (!g_ascii_string_to_signed (stripped, 10, 0, G_MAXINT32, &value, NULL))
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Type a whole number, such as 3."));
            return FALSE;
          }
        return !commit || pl_plan_set_int (plan, item, field, value, error);
      }
    case PL_FIELD_DOUBLE:
      {
        double value = NAN;
        PlKpi *kpi = pl_field_measured_kpi (plan, item);

        if (kpi != NULL ? !pl_kpi_value_parse (kpi, stripped, &value, error)
                        : *stripped != '\0' && !pl_number_parse_typed (stripped, &value, error))
          return FALSE;
        /* An objective's target is its KPI's: typing it spreads it over the KPI's months. */
        if (commit && PL_IS_OBJECTIVE (item) && field == PL_OBJECTIVE_TARGET && !isnan (value))
          return pl_objective_set_target (plan, PL_OBJECTIVE (item), value, NULL, error);
        return !commit || pl_plan_set_double (plan, item, field, value, error);
      }
    case PL_FIELD_DATE:
      {
        guint32 julian = 0;
        if (*stripped != '\0' && !pl_date_parse (stripped, &julian))
          {
            g_autofree char *shown = pl_date_example ();

            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("Type a date such as %s, with a four-digit year."), shown);
            return FALSE;
          }
        if (commit && PL_IS_OBJECTIVE (item))
          return set_objective_due (plan, PL_OBJECTIVE (item), julian, error);
        return !commit || pl_plan_set_julian (plan, item, field, julian, error);
      }
    case PL_FIELD_MONEY:
      {
        gint64 amount = 0;
        if (PL_IS_ALLOCATION (item) && g_str_has_suffix (stripped, "%"))
          {
            if (!allocation_share (plan, item, stripped, &amount, error))
              return FALSE;
          }
        else if (*stripped != '\0' &&
                 !pl_money_parse_typed (stripped, pl_plan_get_currency_exponent (plan), &amount, error))
          return FALSE;
        return !commit || pl_plan_set_int (plan, item, field, amount, error);
      }
    case PL_FIELD_STRV:
      {
        g_auto(GStrv) parts = g_strsplit (stripped, ";", -1);
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) values = NULL;

        for (guint i = 0; parts[i] != NULL; i++)
          if (*g_strstrip (parts[i]) != '\0')
            g_strv_builder_add (builder, parts[i]);
        values = g_strv_builder_end (builder);
        return !commit || pl_plan_set_strv (plan, item, field, (const char * const *) values, error);
      }
    default:
      return TRUE;
    }
}


/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-import-change"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-enums.h"
#include "pl-field-format.h"
#include "pl-import-change.h"
#include "pl-kpi-value.h"

gboolean
pl_import_change_is_unchanged (const PlImportChange *change)
{
  return change->n_previous == 1 && !change->off_period_start && change->previous == change->value;
}

PlImportCounts
pl_import_changes_count (GArray *changes)
{
  PlImportCounts counts = { 0 };

  for (guint i = 0; i < changes->len; i++)
    {
      const PlImportChange *change = &g_array_index (changes, PlImportChange, i);

      if (change->n_previous == 0)
        counts.added++;
      else if (pl_import_change_is_unchanged (change))
        counts.unchanged++;
      else
        counts.replaced++;
    }
  return counts;
}

char *
pl_import_counts_text (const PlImportCounts *counts)
{
  g_autofree char *added = g_strdup_printf (ngettext ("%u value added", "%u values added", counts->added), counts->added);
  g_autofree char *replaced = g_strdup_printf (ngettext ("%u replaced", "%u replaced", counts->replaced), counts->replaced);
  g_autofree char *unchanged = g_strdup_printf (ngettext ("%u unchanged", "%u unchanged", counts->unchanged), counts->unchanged);

  /* Translators: values added, replaced and left as they were by an import */
  return g_strdup_printf (_("%s, %s, %s"), added, replaced, unchanged);
}

char *
pl_import_change_period_text (PlPlan *plan, const PlImportChange *change)
{
  /* A campaign's results are monthly, whatever the KPI's own frequency. */
  return pl_field_format_period (change->campaign ? change->campaign : change->item, change->period);
}

char *
pl_import_change_label (const PlImportChange *change)
{
  const char *kpi = PL_IS_KPI (change->item) ? pl_item_get_string (change->item, PL_KPI_NAME) : NULL;
  g_autofree char *name = kpi ? NULL : pl_item_describe (change->item);

  if (change->campaign != NULL)
    /* Translators: a campaign's result on a KPI: the campaign, then the KPI ("Spring webinar → Leads") */
    return g_strdup_printf (_("%s → %s"), pl_item_get_display_name (change->campaign), kpi ? kpi : name);
  return g_strdup (kpi ? kpi : name);
}

char *
pl_import_change_format_value (const PlImportChange *change, gboolean previous)
{
  double value = previous ? change->previous : change->value;

  if (isnan (value))
    return g_strdup ("");
  if (PL_IS_KPI (change->item))
    return pl_kpi_value_format (PL_KPI (change->item), value);
  return g_strdup_printf ("%g", value);
}

char *
pl_import_change_describe (PlPlan *plan, const PlImportChange *change)
{
  g_autofree char *period = pl_import_change_period_text (plan, change);
  g_autofree char *value = pl_import_change_format_value (change, FALSE);
  g_autofree char *previous = pl_import_change_format_value (change, TRUE);
  g_autofree char *label = pl_import_change_label (change);

  /* Values that differ below what the KPI shows (98 000,50 over 98 000) say by how much,
   * rather than "98 000 → 98 000". */
  if (g_strcmp0 (value, previous) == 0 && change->value != change->previous && !isnan (change->previous))
    {
      g_free (value);
      g_free (previous);
      value = g_strdup_printf ("%.10g", change->value);
      previous = g_strdup_printf ("%.10g", change->previous);
    }

  if (change->n_previous == 0)
    /* Translators: a value an import adds: the KPI, its period, the value */
    return g_strdup_printf (_("%s, %s: %s (added)"), label, period, value);
  if (change->n_previous > 1)
    /* Translators: a value an import puts in place of several: the KPI, its period, the old
     * values combined, the new value, how many there were */
    return g_strdup_printf (ngettext ("%s, %s: %s → %s (replaces %u value)", "%s, %s: %s → %s (replaces %u values)",
                                      change->n_previous),
                            label, period, previous, value, change->n_previous);
  /* Translators: a value an import replaces: the KPI, its period, the old value, the new one */
  return g_strdup_printf (_("%s, %s: %s → %s"), label, period, previous, value);
}

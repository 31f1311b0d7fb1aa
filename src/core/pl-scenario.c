/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-scenario"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-error.h"
#include "pl-rules.h"
#include "pl-scenario.h"

typedef struct {
  const char *kind;
  const char *key;
  double      value;
  int         rank;  /* the driver's place in PlDriver; PL_N_DRIVERS for an unknown key and
                      * PL_N_DRIVERS + 1 for a category */
} Assumption;

static int
compare_assumptions (gconstpointer a, gconstpointer b)
{
  const Assumption *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return strcmp (x->key, y->key);
}

GVariant *
pl_scenario_sort_assumptions (GVariant *assumptions)
{
  gsize n;
  g_autofree Assumption *all = NULL;
  GVariantBuilder builder;
  GVariant *sorted;

  g_return_val_if_fail (assumptions != NULL && g_variant_is_of_type (assumptions, G_VARIANT_TYPE ("a(ssd)")), NULL);
  g_variant_ref_sink (assumptions);
  n = g_variant_n_children (assumptions);
  all = g_new0 (Assumption, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    {
      Assumption *a = &all[i];
      PlDriver driver;

      g_variant_get_child (assumptions, i, "(&s&sd)", &a->kind, &a->key, &a->value);
      if (strcmp (a->kind, PL_ASSUME_DRIVER) != 0)
        a->rank = PL_N_DRIVERS + 1;
      else if (pl_driver_from_key (a->key, &driver))
        a->rank = (int) driver;
      else
        a->rank = PL_N_DRIVERS;
    }
  qsort (all, n, sizeof (Assumption), compare_assumptions);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssd)"));
  for (gsize i = 0; i < n; i++)
    g_variant_builder_add (&builder, "(ssd)", all[i].kind, all[i].key, all[i].value);
  sorted = g_variant_builder_end (&builder);
  g_variant_unref (assumptions);
  return sorted;
}

/* What @drivers assume, as PL_SCENARIO_ASSUMPTIONS holds it (sorted), or NULL when nothing. */
static GVariant *
assumptions_of (const PlDrivers *drivers)
{
  g_auto(GStrv) categories = pl_drivers_list_category_changes (drivers);
  GVariantBuilder builder;
  gboolean any = FALSE;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssd)"));
  for (int d = 0; d < PL_N_DRIVERS; d++)
    {
      PlDriverSource source;
      double value = pl_drivers_get (drivers, (PlDriver) d, &source);

      if (source != PL_DRIVER_ASSUMED || !isfinite (value))
        continue;
      g_variant_builder_add (&builder, "(ssd)", PL_ASSUME_DRIVER, pl_driver_key ((PlDriver) d), value);
      any = TRUE;
    }
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    {
      double change = pl_drivers_get_category_change (drivers, categories[i]);

      if (change == 0 || !isfinite (change))
        continue;
      g_variant_builder_add (&builder, "(ssd)", PL_ASSUME_CATEGORY, categories[i], change);
      any = TRUE;
    }
  if (!any)
    {
      g_variant_builder_clear (&builder);
      return NULL;
    }
  return pl_scenario_sort_assumptions (g_variant_builder_end (&builder));
}

/* The window of @drivers as a scenario keeps it: the default when it has none. */
static guint
window_of (const PlDrivers *drivers)
{
  guint window = pl_drivers_get_asked_window (drivers);

  return window >= 1 && window <= PL_RULE_MAX_WINDOW ? window : PL_DRIVERS_DEFAULT_WINDOW;
}

PlDrivers *
pl_scenario_get_drivers (PlScenario *scenario, PlPlan *plan, guint32 as_of)
{
  PlItem *item = PL_ITEM (scenario);
  gint64 window = pl_item_get_int (item, PL_SCENARIO_WINDOW);
  GVariant *assumptions = pl_item_get_variant (item, PL_SCENARIO_ASSUMPTIONS);
  PlDrivers *drivers;
  GVariantIter iter;
  const char *kind, *key;
  double value;

  g_return_val_if_fail (PL_IS_SCENARIO (scenario) && PL_IS_PLAN (plan), NULL);
  /* A window out of bounds (a file edited by hand) is reported by validation; the nearest
   * one that makes sense is used meanwhile. */
  drivers = pl_drivers_new_from_plan (plan, (guint) CLAMP (window, 1, PL_RULE_MAX_WINDOW), as_of);
  if (assumptions == NULL)
    return drivers;
  g_variant_iter_init (&iter, assumptions);
  while (g_variant_iter_next (&iter, "(&s&sd)", &kind, &key, &value))
    {
      PlDriver driver;

      /* What the drivers refuse is skipped (plan validation names it). */
      if (strcmp (kind, PL_ASSUME_DRIVER) == 0)
        {
          if (pl_driver_from_key (key, &driver))
            pl_drivers_set (drivers, driver, value, NULL);
        }
      else if (strcmp (kind, PL_ASSUME_CATEGORY) == 0)
        {
          PlItem *category = pl_plan_lookup (plan, key);

          if (category != NULL && PL_IS_CATEGORY (category))
            pl_drivers_set_category_change (drivers, key, value, NULL);
        }
    }
  return drivers;
}

PlScenario *
pl_scenario_add (PlPlan *plan, const char *name, const PlDrivers *drivers, GError **error)
{
  g_autoptr(PlItem) scenario = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (PL_IS_PLAN (plan) && drivers != NULL, NULL);
  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  scenario = g_object_new (PL_TYPE_SCENARIO, NULL);
  if (!pl_rule_required (plan, scenario, PL_SCENARIO_NAME, *stripped != '\0', error) ||
      !pl_rule_scenario_name (plan, scenario, stripped, error))
    return NULL;
  pl_item_set_string (scenario, PL_SCENARIO_NAME, stripped);
  pl_item_set_int (scenario, PL_SCENARIO_WINDOW, window_of (drivers));
  pl_item_set_variant (scenario, PL_SCENARIO_ASSUMPTIONS, assumptions_of (drivers));
  pl_plan_begin_group (plan, _("Add Scenario"));
  pl_plan_add (plan, scenario);
  pl_plan_end_group (plan);
  return PL_SCENARIO (scenario);
}

gboolean
pl_scenario_set_drivers (PlPlan *plan, PlScenario *scenario, const PlDrivers *drivers, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (PL_IS_PLAN (plan) && PL_IS_SCENARIO (scenario) && drivers != NULL, FALSE);
  pl_plan_begin_group (plan, _("Change Scenario"));
  ok = pl_plan_set_int (plan, PL_ITEM (scenario), PL_SCENARIO_WINDOW, window_of (drivers), error) &&
       pl_plan_set_variant (plan, PL_ITEM (scenario), PL_SCENARIO_ASSUMPTIONS, assumptions_of (drivers), error);
  return pl_plan_finish_group (plan, ok);
}

PlScenario *
pl_scenario_find (PlPlan *plan, const char *name)
{
  GListModel *scenarios;
  g_autofree char *folded = NULL;
  PlScenario *found = NULL;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  if (name == NULL)
    return NULL;
  scenarios = pl_plan_get_collection (plan, PL_COLLECTION_SCENARIOS);
  folded = g_utf8_casefold (name, -1);
  for (guint i = 0, n = g_list_model_get_n_items (scenarios); i < n; i++)
    {
      g_autoptr(PlItem) scenario = g_list_model_get_item (scenarios, i);
      const char *own = pl_item_get_string (scenario, PL_SCENARIO_NAME);
      g_autofree char *own_folded = NULL;

      if (own == NULL)
        continue;
      if (strcmp (own, name) == 0)
        return PL_SCENARIO (scenario);
      own_folded = g_utf8_casefold (own, -1);
      if (found == NULL && strcmp (own_folded, folded) == 0)
        found = PL_SCENARIO (scenario);
    }
  return found;
}

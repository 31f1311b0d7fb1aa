/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-drivers.h"

G_BEGIN_DECLS

/* Scenarios (issue 21): a named set of driver assumptions ("Base", "Stretch", "Downside")
 * kept in the plan file, compared side by side and printed in the leadership report. A
 * scenario holds only what it assumes; every other driver comes from the plan's history, so
 * a scenario stays meaningful as actuals arrive. The record type, PlScenario, is declared in
 * pl-records.h with the others and lives in PL_COLLECTION_SCENARIOS. */

/* What PL_SCENARIO_ASSUMPTIONS holds, a GVariant "a(ssd)" of (kind, key, value): a driver's
 * value by its key (pl_driver_key(), in the driver's unit: 0.41 is 41 %), or a budget
 * category's spend change in percent (-20 cuts a fifth) by the category's ID. NULL when the
 * scenario assumes nothing. In the file: <assume driver="mql-to-sql" value="0.41"/> and
 * <assume category="cat-events" change="-20"/>. */
#define PL_ASSUME_DRIVER   "driver"
#define PL_ASSUME_CATEGORY "category"

/* @assumptions (sunk if floating) in the one order a plan keeps them, so that the same
 * scenario is always written the same: drivers in PlDriver order, then categories by ID (a
 * key no driver has comes after the drivers, by key). Returns a new floating GVariant. */
GVariant    *pl_scenario_sort_assumptions (GVariant *assumptions);

/* The drivers of @scenario: @plan's drivers over the scenario's window (as of @as_of), with
 * the scenario's assumptions applied on top. An assumption the drivers refuse (a file edited
 * by hand) is skipped; plan validation reports it. */
PlDrivers   *pl_scenario_get_drivers   (PlScenario *scenario, PlPlan *plan, guint32 as_of);
/* Adds a scenario named @name holding @drivers' assumptions (and window): one undoable edit.
 * Fails with a PL_ERROR_INVALID_VALUE when @name is empty or already taken. */
PlScenario  *pl_scenario_add           (PlPlan *plan, const char *name, const PlDrivers *drivers,
                                        GError **error);
/* Replaces @scenario's assumptions by @drivers': one undoable edit. */
gboolean     pl_scenario_set_drivers   (PlPlan *plan, PlScenario *scenario,
                                        const PlDrivers *drivers, GError **error);
/* The scenario named @name (compared as typed, then without case), or NULL. */
PlScenario  *pl_scenario_find          (PlPlan *plan, const char *name);

G_END_DECLS

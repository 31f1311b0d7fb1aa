/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-drivers.h"

G_BEGIN_DECLS

/* Scenarios (issue 21): a named set of driver assumptions ("Base", "Stretch", "Downside")
 * kept in the plan file, compared side by side and printed in the leadership report. A
 * scenario holds only what it assumes; every other driver comes from the plan's history, so
 * a scenario stays meaningful as actuals arrive. The record type, PlScenario, is declared in
 * pl-records.h with the others and lives in PL_COLLECTION_SCENARIOS. */

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

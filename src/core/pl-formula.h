/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* A derived KPI's formula: numbers, KPI IDs, + - * / and parentheses. */
typedef struct _PlFormula PlFormula;

/* Returns the value of the KPI @id for what is being computed, NAN when not available. */
typedef double (*PlFormulaLookup) (const char *id, gpointer user_data);

/* Parses @text; on a syntax error returns NULL with a PL_ERROR_FORMULA naming the position. */
PlFormula          *pl_formula_parse          (const char *text, GError **error);
void                pl_formula_free           (PlFormula *formula);
/* The KPI IDs the formula names, each once, in order of appearance. */
const char * const *pl_formula_get_references (const PlFormula *formula);
/* A table of parsed formulas, one per KPI, for the code that evaluates many KPIs' formulas
 * in one go: each formula is parsed once. Free with g_hash_table_unref(). */
GHashTable         *pl_formula_cache_new      (void);
/* @kpi's formula from @cache, parsed at the first asking; NULL when it does not parse. */
PlFormula          *pl_formula_cache_get      (GHashTable *cache, PlKpi *kpi);
/* Evaluates the formula; NAN when an operand is not available or a divisor is zero. */
double              pl_formula_evaluate       (const PlFormula *formula,
                                               PlFormulaLookup  lookup,
                                               gpointer         user_data);

/* Formula loops: a KPI computed, through any number of other KPIs' formulas, from itself
 * ("LTV = ARPU * 3", "ARPU = LTV / 3") has no value. A plan file may hold one (it opens so
 * that it can be mended); the figures read such KPIs as not available. Both functions below
 * take a time linear in the KPIs and their formulas' references (one depth-first search). */

/* The IDs of the KPIs of @plan that take part in a formula loop: a new set (a GHashTable
 * whose keys are the IDs, owned by it), empty when there is none. Compute it once and look
 * up every KPI in it rather than calling pl_formula_kpi_in_loop() for each. */
GHashTable         *pl_formula_find_loops     (PlPlan *plan);
/* Whether @kpi's formula leads back to @kpi through any number of formulas. */
gboolean            pl_formula_kpi_in_loop    (PlPlan *plan, PlKpi *kpi);
/* One path around each formula loop of @plan, as if @kpi's formula were @formula (NULL
 * @kpi: the plan as it is): a new array of NULL-terminated arrays of KPIs (borrowed), each
 * starting with the loop's first KPI in plan order and not repeating it at the end. */
GPtrArray          *pl_formula_list_loops     (PlPlan     *plan,
                                               PlKpi      *kpi,
                                               const char *formula);
/* The shortest loop through @kpi, as if its formula were @formula: a new NULL-terminated
 * array of KPIs (borrowed) starting with @kpi, or NULL when its formula does not lead back
 * to it. A KPI can be in a loop that pl_formula_list_loops() shows by another path. */
PlItem            **pl_formula_loop_through   (PlPlan     *plan,
                                               PlKpi      *kpi,
                                               const char *formula);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlFormula, pl_formula_free)

G_END_DECLS

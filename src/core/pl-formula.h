/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

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
/* Evaluates the formula; NAN when an operand is not available or a divisor is zero. */
double              pl_formula_evaluate       (const PlFormula *formula,
                                               PlFormulaLookup  lookup,
                                               gpointer         user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlFormula, pl_formula_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-basis.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* How pilote-cli writes for people and for scripts, shared by its commands so that
 * `summary --json`, `forecast --json` and `backsolve --json` are one form (doc/summary-json.md). */

/* Pads @text to @width characters, counting characters rather than bytes; on the left when
 * @right (a column of numbers). */
void pl_cli_cell        (GString *out, const char *text, int width, gboolean right);
/* A value of @kpi in its unit, with the plan's currency for money; "n/a" when NAN. */
char *pl_cli_kpi_text   (PlPlan *plan, PlKpi *kpi, double value);

/* @text as a JSON string; NULL is null. */
void pl_cli_json_string (GString *out, const char *text);
/* @value as a JSON number, the shortest that reads back the same; NAN and infinities: null. */
void pl_cli_json_number (GString *out, double value);
/* The day @julian as "YYYY-MM-DD". */
void pl_cli_json_day    (GString *out, guint32 julian);
/* A basis: {"kind", "from", "to", "label"}, "to" the last day included. */
void pl_cli_json_basis  (GString *out, PlPlan *plan, const PlBasis *basis);
/* The key of a member of the top-level object, after a comma unless @first. */
void pl_cli_json_key    (GString *out, const char *key, gboolean first);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-records.h"

G_BEGIN_DECLS

/* A KPI value as the user reads and types it, by the KPI's unit: "12 450", "182.40",
 * "32.5 %" (stored as 0.325), "3.4x", "45". NAN is "" (no value). */
char     *pl_kpi_value_format (PlKpi *kpi, double value);
/* Reads what the user typed for @kpi: a decimal point or comma, spaces as thousands
 * separators, an optional "%" for percentages or "x" for ratios; "" gives NAN (no value).
 * Returns FALSE with a message the user can act on when it is not a number, or a number the
 * KPI cannot hold (pl_rule_kpi_value()). */
gboolean  pl_kpi_value_parse  (PlKpi *kpi, const char *text, double *value, GError **error);

G_END_DECLS

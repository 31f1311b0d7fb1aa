/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* A field's value as the user reads and types it ("2027-03-31", "1234.50", "a; b"): what an
 * editor shows and pl_field_apply() reads back. */
char     *pl_field_format          (PlPlan *plan, PlItem *item, guint field);
/* A field's value for reading only, as a comparison or a report says it: an option by its
 * label ("Approved"), a reference by the name of the record it names ("Events"), planned
 * amounts by their total, a yes or no, a day with its month's name; "" when unset. Every
 * type of field has a text. */
char     *pl_field_format_reading  (PlPlan *plan, PlItem *item, guint field);
/* The KPI a number of @item is counted in (an objective's target, a campaign's expected
 * contribution): the KPI its reference field names, or NULL. */
PlKpi    *pl_field_measured_kpi    (PlPlan *plan, PlItem *item);
/* The field's label as a heading says it, translated and capitalised ("Planned amounts"). */
char     *pl_field_get_title       (const PlField *field);
/* @text with its first letter in capitals ("Campaign"), for a heading. */
char     *pl_capitalise            (const char *text);
/* What separates the items of a list in a text, translated ("; ", in French with a narrow
 * no-break space before the semicolon). */
const char *pl_field_list_separator (void);
/* The period of @kpi's frequency starting on @julian, in words: "March 2027", "week of
 * 4 Jan 2027", "quarter from 1 Apr 2027". */
char     *pl_field_format_period   (PlItem *kpi, guint32 julian);
/* @amounts (PL_FIELD_AMOUNTS, may be NULL) summed, in minor units; PL_MONEY_OVERFLOW when the
 * sum does not fit. */
gint64    pl_field_amounts_total   (GVariant *amounts);

G_END_DECLS

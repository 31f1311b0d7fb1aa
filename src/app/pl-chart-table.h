/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

/* A chart's figures as a table, for people who cannot see the chart: what a screen reader
 * walks cell by cell, and what anyone can read the exact numbers from. */

/* The table of catalogue chart @chart of @plan as of @today (a Julian day):
 * pl_chart_catalog_rows(). */
GPtrArray *pl_chart_table_rows (PlPlan *plan, const char *chart, guint32 today);
/* Opens a window over @parent showing that table. */
void       pl_chart_table_show (GtkWindow *parent, PlPlan *plan, const char *chart, guint32 today);

G_END_DECLS

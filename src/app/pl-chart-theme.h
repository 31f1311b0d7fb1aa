/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-chart-style.h"

G_BEGIN_DECLS

/* The chart style that suits @widget's theme: the dark style when its text is light. */
const PlChartStyle *pl_chart_theme_for_widget (GtkWidget *widget);

G_END_DECLS

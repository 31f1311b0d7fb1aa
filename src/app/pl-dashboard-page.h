/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-page.h"

G_BEGIN_DECLS

#define PL_TYPE_DASHBOARD_PAGE (pl_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (PlDashboardPage, pl_dashboard_page, PL, DASHBOARD_PAGE, PlPage)

/* The leadership glance: the funnel, the KPI tiles, LTV:CAC, spend against budget and the campaigns that need attention. */

G_END_DECLS

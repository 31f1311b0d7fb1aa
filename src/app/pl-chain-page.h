/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-kpi-chain-view.h"
#include "pl-page.h"

G_BEGIN_DECLS

#define PL_TYPE_CHAIN_PAGE (pl_chain_page_get_type ())
G_DECLARE_FINAL_TYPE (PlChainPage, pl_chain_page, PL, CHAIN_PAGE, PlPage)

/* The KPI chain drawn as a graph that zooms and pans, the selected KPI's details, and the
 * metric hygiene findings. */

/* The page's chain view (for the window's shortcuts and for tests). */
PlKpiChainView *pl_chain_page_get_view (PlChainPage *self);

G_END_DECLS

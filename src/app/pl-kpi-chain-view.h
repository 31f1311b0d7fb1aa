/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-kpi-chain-chart.h"
#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_KPI_CHAIN_VIEW (pl_kpi_chain_view_get_type ())
G_DECLARE_FINAL_TYPE (PlKpiChainView, pl_kpi_chain_view, PL, KPI_CHAIN_VIEW, GtkWidget)

/* The zoom's range: 1 is the chain's natural size, boxes in full form; below it they are
 * compact, down to the zoom that fits the whole chain in the view (at least the minimum). */
#define PL_KPI_CHAIN_VIEW_ZOOM_MIN 0.05
#define PL_KPI_CHAIN_VIEW_ZOOM_MAX 4.0

/* The KPI chain of a plan drawn as a graph that zooms and pans: hover for a KPI's details,
 * click or arrow keys to select one, Enter or a double click to open it ("activate").
 * Actions: chain.zoom-in, chain.zoom-out, chain.zoom-reset (Ctrl+plus, minus, 0: the natural
 * size), chain.zoom-fit (Ctrl+9: the whole chain in view, following the view's size),
 * chain.move (ii) (the arrow keys), chain.activate (Enter). */

GtkWidget *pl_kpi_chain_view_new          (void);
void       pl_kpi_chain_view_set_plan     (PlKpiChainView *self, PlPlan *plan);
PlPlan    *pl_kpi_chain_view_get_plan     (PlKpiChainView *self);
/* The selected KPI (borrowed), or NULL. */
PlItem    *pl_kpi_chain_view_get_selected (PlKpiChainView *self);
/* Selects @kpi (a KPI of the plan, or NULL for none) and brings it into view. */
void       pl_kpi_chain_view_set_selected (PlKpiChainView *self, PlItem *kpi);
/* The zoom: 1 is the chain's natural size. */
double     pl_kpi_chain_view_get_zoom     (PlKpiChainView *self);
/* Whether the zoom fits the whole chain in the view (and follows its size). */
gboolean   pl_kpi_chain_view_get_fitted   (PlKpiChainView *self);
/* How the chain's text is laid out as the view draws it now (pl_kpi_chain_chart_text()). */
void       pl_kpi_chain_view_get_text     (PlKpiChainView *self, PlKpiChainText *text);
/* Sets the zoom (clamped to what the view allows), keeping the middle of the view in place. */
void       pl_kpi_chain_view_set_zoom     (PlKpiChainView *self, double zoom);
/* The first day of the month the chain shows (the last month with measurements). */
guint32    pl_kpi_chain_view_get_month    (PlKpiChainView *self);
/* The KPI under the point (@x, @y) of the widget, or NULL. */
PlItem    *pl_kpi_chain_view_kpi_at       (PlKpiChainView *self, double x, double y);
/* Where the node of @kpi is in the widget, as it is drawn now; FALSE when it is not drawn. */
gboolean   pl_kpi_chain_view_get_node_bounds (PlKpiChainView *self, PlItem *kpi, graphene_rect_t *bounds);
/* What the tooltip of @kpi's node says, as Pango markup: its full name, its latest value
 * against target and its owner. */
char      *pl_kpi_chain_view_describe     (PlKpiChainView *self, PlItem *kpi);
/* The text summary of the chain as last drawn (also the accessible description). */
const char *pl_kpi_chain_view_get_summary (PlKpiChainView *self);

G_END_DECLS

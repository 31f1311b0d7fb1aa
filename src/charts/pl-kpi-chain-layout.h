/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* Where each KPI of the chain goes and how each link runs, in layout units, with no drawing:
 * a layered layout (activity on the left, business results on the right) that keeps links
 * from crossing and from running under boxes, puts inputs (spend, churn, margin) in the layer
 * just before what they feed and the main funnel path on one straight line. Computed once per
 * plan change; a chart maps it to the page with x' = ox + sx * x and y' = oy + sy * y (any
 * sx, sy > 0: crossings and links under boxes are the same after such a map, Béziers being
 * affine-invariant). */

typedef struct {
  double x, y;
} PlChainPoint;

typedef struct {
  PlItem *kpi;       /* borrowed from the plan */
  guint   column;    /* the layer, 0 on the left */
  guint   row;       /* the order within the layer, 0 at the top */
  double  x, y;      /* the box's top-left corner, in layout units */
} PlChainNode;

typedef struct {
  guint   from, to;  /* indexes into nodes; never equal, both present (links to a missing KPI
                      * or to itself are left out); a link closing a cycle (its downstream
                      * box left of its upstream one) runs back over the top of the chain */
  /* The drawn route: PlChainPoint, a cubic Bézier path in layout units: its start (on the
   * right side of the upstream box), then three points (control, control, end) per piece;
   * the last end is on the left side of the downstream box. */
  GArray *route;
} PlChainEdge;

typedef struct {
  GArray *nodes;          /* PlChainNode, in plan order */
  GArray *edges;          /* PlChainEdge */
  guint   n_columns;
  guint   max_rows;       /* boxes in the fullest layer */
  double  box_w, box_h;   /* every box's size, in layout units */
  double  width, height;  /* the extent of the whole layout from (0, 0), in layout units */
} PlChainLayout;

/* The proportions layout units stand for: a box of PL_CHAIN_BOX_W x PL_CHAIN_BOX_H, layers
 * PL_CHAIN_LAYER_GAP apart (room for a conversion rate) and boxes PL_CHAIN_ROW_GAP apart. */
#define PL_CHAIN_BOX_W     100.0
#define PL_CHAIN_BOX_H      48.0
#define PL_CHAIN_LAYER_GAP  56.0
#define PL_CHAIN_ROW_GAP    20.0

PlChainLayout *pl_chain_layout_new       (PlPlan *plan);
void           pl_chain_layout_free      (PlChainLayout *layout);
/* The route of edge @edge flattened to a polyline (a new GArray of PlChainPoint), each
 * Bézier piece cut into straight segments no further than @tolerance from the curve. */
GArray        *pl_chain_layout_flatten   (const PlChainLayout *layout, guint edge, double tolerance);
/* Pairs of links without a common end whose drawn routes (as flattened polylines) cross or
 * touch. */
guint          pl_chain_layout_crossings (const PlChainLayout *layout);
/* Links whose drawn route enters a box other than its two ends. */
guint          pl_chain_layout_links_under_boxes (const PlChainLayout *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlChainLayout, pl_chain_layout_free)

G_END_DECLS

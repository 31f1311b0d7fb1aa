/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* Where each KPI of the chain goes: a column by its depth in the chain (activity on the left,
 * business results on the right) and a row within the column chosen to keep edges from
 * crossing. Computed once per plan change; the chart only scales it. */
typedef struct {
  PlItem *kpi;       /* borrowed from the plan */
  guint   column;
  guint   row;
} PlChainNode;

typedef struct {
  guint from, to;    /* indexes into nodes */
} PlChainEdge;

typedef struct {
  GArray *nodes;     /* PlChainNode, in plan order */
  GArray *edges;     /* PlChainEdge */
  guint   n_columns;
  guint   max_rows;  /* rows of the fullest column */
} PlChainLayout;

PlChainLayout *pl_chain_layout_new       (PlPlan *plan);
void           pl_chain_layout_free      (PlChainLayout *layout);
/* The number of edge crossings between adjacent columns (for tests and tuning). */
guint          pl_chain_layout_crossings (const PlChainLayout *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlChainLayout, pl_chain_layout_free)

G_END_DECLS

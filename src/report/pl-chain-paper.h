/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-paper.h"

G_BEGIN_DECLS

/* The KPI chain on paper: one piece, the chain whole, when it has no more than 12 layers and
 * 96 KPIs and every name reads whole at PL_KPI_CHAIN_TEXT_MIN points or more; otherwise a
 * piece per run of whole layers, each ending where the chain goes from activity to funnel to
 * business when it can, never tiles. A piece's layers are [from, to) (PlChartKind.pieces). */
gboolean pl_chain_paper_pieces     (const PlChartKind *kind, PlPlan *plan, PlTimelineLayout **timeline,
                                    double width, double height, gboolean split, GArray *pieces);
/* Draws a piece of the chain: its layers only (PlChartKind.draw_piece). */
void     pl_chain_paper_piece_draw (const PlChartPiece *piece, PlPlan *plan, PlTimelineLayout *timeline,
                                    guint32 today, const PlChartStyle *style, cairo_t *cr);

G_END_DECLS

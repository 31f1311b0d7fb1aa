/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-chain-paper"
#include "config.h"

#include "pl-chain-paper.h"
#include "pl-kpi-chain-chart.h"
#include "pl-records.h"

/* Whether layers [first, end) of @layout read whole in @width x @height points: every name
 * shown, whole, at the smallest printed size or more. */
static gboolean
reads_whole (PlPlan *plan, const PlChainLayout *layout, guint first, guint end, double width, double height)
{
  PlKpiChainOptions options = { 0, -1, first, end, TRUE };
  PlKpiChainText text;
  guint n = 0;

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      guint column = g_array_index (layout->nodes, PlChainNode, i).column;
      n += column >= first && column < end;
    }
  pl_kpi_chain_chart_text (plan, layout, &options, width, height, pl_chart_style_light (), &text);
  return text.text_px >= PL_KPI_CHAIN_TEXT_MIN && text.names_whole && text.names_shown == n;
}

/* The part of the chain layer @column belongs to: activity, funnel or business, as most of
 * its KPIs say. */
static int
column_part (const PlChainLayout *layout, guint column)
{
  guint counts[3] = { 0 };

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const PlChainNode *node = &g_array_index (layout->nodes, PlChainNode, i);
      if (node->column == column)
        counts[CLAMP (pl_item_get_int (node->kpi, PL_KPI_LAYER), PL_LAYER_ACTIVITY, PL_LAYER_BUSINESS)]++;
    }
  return counts[0] >= counts[1] && counts[0] >= counts[2] ? 0 : counts[1] >= counts[2] ? 1 : 2;
}

gboolean
pl_chain_paper_pieces (const PlChartKind *kind, PlPlan *plan, PlTimelineLayout **timeline, double width,
                       double height, gboolean split, GArray *pieces)
{
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (guint));
  double natural_w, natural_h, h;
  guint n = layout->n_columns;

  pl_kpi_chain_chart_natural_size (layout, &natural_w, &natural_h);
  /* Boxes no taller than at the natural size: a short chain takes the top of the page. */
  h = MIN (height, natural_h);
  if (n <= 1 || reads_whole (plan, layout, 0, n, width, h))
    {
      g_array_append_vals (pieces, &(PlChartPiece) { kind, width, h, 1, 0, 0, width, 0, 0 }, 1);
      return TRUE;
    }
  /* Where a piece may end: where the chain goes from one part to the next, or at any layer
   * of a chain all in one part. */
  for (guint c = 1; c < n; c++)
    if (column_part (layout, c) != column_part (layout, c - 1))
      g_array_append_val (cuts, c);
  if (cuts->len == 0)
    for (guint c = 1; c < n; c++)
      g_array_append_val (cuts, c);
  g_array_append_val (cuts, n);
  for (guint first = 0, k = 0; first < n;)
    {
      /* The most parts that still read whole; one part at least, even when it does not. */
      guint end = 0;

      for (; k < cuts->len && g_array_index (cuts, guint, k) <= first; k++)
        ;
      for (guint j = k; j < cuts->len; j++)
        if (end == 0 || reads_whole (plan, layout, first, g_array_index (cuts, guint, j), width, h))
          end = g_array_index (cuts, guint, j);
        else
          break;
      g_array_append_vals (pieces, &(PlChartPiece) { kind, width, h, 1, 0, 0, width, first, end }, 1);
      first = end;
    }
  return TRUE;
}

void
pl_chain_paper_piece_draw (const PlChartPiece *piece, PlPlan *plan, PlTimelineLayout *timeline, guint32 today,
                           const PlChartStyle *style, cairo_t *cr)
{
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);
  PlKpiChainOptions options = { 0, -1, piece->from, piece->to, TRUE };

  g_free (pl_kpi_chain_chart_draw (plan, layout, &options, cr, piece->width, piece->height, style));
}

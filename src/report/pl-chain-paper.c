/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-chain-paper"
#include "config.h"

#include "pl-chain-paper.h"
#include "pl-kpi-chain-chart.h"
#include "pl-records.h"

/* The most a page holds: 12 layers, as many boxes as 8 a layer. Beyond, boxes squeezed
 * together would still read, but not the links between them. */
#define PAGE_LAYERS 12
#define PAGE_BOXES  (PAGE_LAYERS * 8)

/* Whether layers [first, end) of @layout make a page in @width x @height points: no more
 * than a page holds, every name shown, whole, at the smallest printed size or more. */
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
  if (end - first > PAGE_LAYERS || n > PAGE_BOXES)
    return FALSE;
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
  double h;
  guint n = layout->n_columns;

  /* The whole height: the chain's boxes are as tall as their text, its rows spread over the
   * page and it is centred (pl_kpi_chain_chart_draw()). */
  h = height;
  if (n <= 1 || reads_whole (plan, layout, 0, n, width, h))
    {
      g_array_append_vals (pieces, &(PlChartPiece) { kind, width, h, 1, 0, 0, width, 0, 0 }, 1);
      return TRUE;
    }
  /* A piece per run of layers, as many as make a page, ending where the chain goes from one
   * part to the next when one does; one layer at least, even when it does not make a page. */
  for (guint first = 0; first < n;)
    {
      guint end = first + 1, at_part = 0;

      for (guint e = first + 1; e <= n && reads_whole (plan, layout, first, e, width, h); e++)
        {
          end = e;
          if (e == n || column_part (layout, e) != column_part (layout, e - 1))
            at_part = e;
        }
      if (at_part > 0)
        end = at_part;
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

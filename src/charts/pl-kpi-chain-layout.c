/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-kpi-chain-layout"
#include "config.h"

#include "pl-kpi-chain-layout.h"
#include "pl-records.h"

#define SWEEPS 8

typedef struct {
  guint   index;
  double  key;
} Keyed;

static int
compare_keyed (gconstpointer a, gconstpointer b)
{
  const Keyed *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Depth in the chain: the longest path from a KPI nothing feeds (Kahn's order). */
static void
assign_columns (PlChainLayout *layout, GPtrArray *out, GPtrArray *in)
{
  guint n = layout->nodes->len;
  g_autofree guint *pending = g_new0 (guint, n);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *linked = g_new0 (gboolean, n);
  guint max_column = 0;

  for (guint v = 0; v < n; v++)
    {
      pending[v] = ((GArray *) g_ptr_array_index (in, v))->len;
      linked[v] = pending[v] > 0 || ((GArray *) g_ptr_array_index (out, v))->len > 0;
      if (pending[v] == 0)
        g_array_append_val (queue, v);
    }
  for (guint q = 0; q < queue->len; q++)
    {
      guint u = g_array_index (queue, guint, q);
      GArray *next = g_ptr_array_index (out, u);
      PlChainNode *from = &g_array_index (layout->nodes, PlChainNode, u);

      for (guint i = 0; i < next->len; i++)
        {
          guint v = g_array_index (next, guint, i);
          PlChainNode *to = &g_array_index (layout->nodes, PlChainNode, v);

          to->column = MAX (to->column, from->column + 1);
          max_column = MAX (max_column, to->column);
          if (--pending[v] == 0)
            g_array_append_val (queue, v);
        }
    }
  /* KPIs outside the chain stand where their layer is: activity left, business right. */
  for (guint v = 0; v < n; v++)
    if (!linked[v])
      {
        PlChainNode *node = &g_array_index (layout->nodes, PlChainNode, v);
        int layer = (int) pl_item_get_int (node->kpi, PL_KPI_LAYER);
        node->column = (guint) (layer * (int) max_column + 1) / 2;
      }
  layout->n_columns = max_column + 1;
}

/* Barycentre sweeps: each KPI moves towards the mean row of its neighbours in the column
 * just swept, which removes most crossings in a few passes. */
static void
order_rows (PlChainLayout *layout, GPtrArray *out, GPtrArray *in)
{
  guint n = layout->nodes->len;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree double *position = g_new0 (double, n);

  for (guint c = 0; c < layout->n_columns; c++)
    g_ptr_array_add (columns, g_array_new (FALSE, FALSE, sizeof (Keyed)));
  for (guint v = 0; v < n; v++)
    {
      PlChainNode *node = &g_array_index (layout->nodes, PlChainNode, v);
      GArray *column = g_ptr_array_index (columns, node->column);
      Keyed keyed = { v, column->len };
      g_array_append_val (column, keyed);
    }

  for (int sweep = 0; sweep < SWEEPS; sweep++)
    {
      gboolean forward = sweep % 2 == 0;

      for (guint c = 0; c < layout->n_columns; c++)
        {
          GArray *column = g_ptr_array_index (columns, c);
          for (guint i = 0; i < column->len; i++)
            position[g_array_index (column, Keyed, i).index] = (i + 0.5) / column->len;
        }
      for (guint step = 0; step < layout->n_columns; step++)
        {
          guint c = forward ? step : layout->n_columns - 1 - step;
          GArray *column = g_ptr_array_index (columns, c);

          for (guint i = 0; i < column->len; i++)
            {
              Keyed *keyed = &g_array_index (column, Keyed, i);
              GArray *neighbours = g_ptr_array_index (forward ? in : out, keyed->index);
              double sum = 0;

              for (guint j = 0; j < neighbours->len; j++)
                sum += position[g_array_index (neighbours, guint, j)];
              keyed->key = neighbours->len ? sum / neighbours->len : position[keyed->index];
            }
          g_array_sort (column, compare_keyed);
          for (guint i = 0; i < column->len; i++)
            position[g_array_index (column, Keyed, i).index] = (i + 0.5) / column->len;
        }
    }

  layout->max_rows = 0;
  for (guint c = 0; c < layout->n_columns; c++)
    {
      GArray *column = g_ptr_array_index (columns, c);
      layout->max_rows = MAX (layout->max_rows, column->len);
      for (guint i = 0; i < column->len; i++)
        g_array_index (layout->nodes, PlChainNode, g_array_index (column, Keyed, i).index).row = i;
    }
}

PlChainLayout *
pl_chain_layout_new (PlPlan *plan)
{
  PlChainLayout *layout = g_new0 (PlChainLayout, 1);
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_KPI_LINKS);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) in = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  layout->nodes = g_array_new (FALSE, TRUE, sizeof (PlChainNode));
  layout->edges = g_array_new (FALSE, FALSE, sizeof (PlChainEdge));
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      PlChainNode node = { kpi, 0, 0 };

      g_array_append_val (layout->nodes, node);
      g_hash_table_insert (index, (gpointer) pl_item_get_id (kpi), GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (out, g_array_new (FALSE, FALSE, sizeof (guint)));
      g_ptr_array_add (in, g_array_new (FALSE, FALSE, sizeof (guint)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      const char *upstream = pl_item_get_string (link, PL_KPI_LINK_UPSTREAM);
      const char *downstream = pl_item_get_string (link, PL_KPI_LINK_DOWNSTREAM);
      guint from = upstream ? GPOINTER_TO_UINT (g_hash_table_lookup (index, upstream)) : 0;
      guint to = downstream ? GPOINTER_TO_UINT (g_hash_table_lookup (index, downstream)) : 0;
      PlChainEdge edge = { from - 1, to - 1 };

      if (from == 0 || to == 0 || from == to)
        continue;
      g_array_append_val (layout->edges, edge);
      g_array_append_val (g_ptr_array_index (out, edge.from), edge.to);
      g_array_append_val (g_ptr_array_index (in, edge.to), edge.from);
    }
  if (layout->nodes->len == 0)
    return layout;
  assign_columns (layout, out, in);
  order_rows (layout, out, in);
  return layout;
}

void
pl_chain_layout_free (PlChainLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->nodes);
  g_array_unref (layout->edges);
  g_free (layout);
}

guint
pl_chain_layout_crossings (const PlChainLayout *layout)
{
  guint crossings = 0;

  for (guint i = 0; i < layout->edges->len; i++)
    for (guint j = i + 1; j < layout->edges->len; j++)
      {
        const PlChainEdge *a = &g_array_index (layout->edges, PlChainEdge, i);
        const PlChainEdge *b = &g_array_index (layout->edges, PlChainEdge, j);
        const PlChainNode *a0 = &g_array_index (layout->nodes, PlChainNode, a->from);
        const PlChainNode *a1 = &g_array_index (layout->nodes, PlChainNode, a->to);
        const PlChainNode *b0 = &g_array_index (layout->nodes, PlChainNode, b->from);
        const PlChainNode *b1 = &g_array_index (layout->nodes, PlChainNode, b->to);

        /* Only edges between the same two adjacent columns can be compared row by row. */
        if (a0->column != b0->column || a1->column != b1->column || a1->column != a0->column + 1)
          continue;
        if (((int) a0->row - (int) b0->row) * ((int) a1->row - (int) b1->row) < 0)
          crossings++;
      }
  return crossings;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-kpi-chain-layout"
#include "config.h"

#include <string.h>

#include "pl-kpi-chain-layout.h"
#include "pl-records.h"

/* Sweeps without a better ordering before the search stops, and a cap on them all. */
#define PATIENCE   2
#define MAX_SWEEPS 4

typedef struct {
  guint   index;
  guint   row;     /* before the sort: ties keep their order */
  double  key;
} Keyed;

static int
compare_keyed (gconstpointer a, gconstpointer b)
{
  const Keyed *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->row < y->row ? -1 : x->row > y->row;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
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

/* The working state of the row ordering: each column's nodes top to bottom, and each node's
 * row, kept in step. */
typedef struct {
  const PlChainLayout *layout;
  GPtrArray           *out, *in;    /* GArray of guint per node */
  guint              **order;       /* per column */
  guint               *size;        /* per column */
  guint               *row;         /* per node */
  /* The neighbours of node v in the column before are adjacent[adjacent_start[2v] ..
   * adjacent_start[2v + 1]), those in the column after end at adjacent_start[2v + 2]: only
   * they count in crossings. */
  guint               *adjacent;
  guint               *adjacent_start;
} Ordering;

static inline guint
column_of (const Ordering *o, guint v)
{
  return g_array_index (o->layout->nodes, PlChainNode, v).column;
}

/* Where @v stands in its column, from 0 (top) to 1 (bottom): edges that skip columns compare
 * positions in columns of different heights. */
static inline double
relative_row (const Ordering *o, guint v)
{
  return (o->row[v] + 0.5) / o->size[column_of (o, v)];
}

/* Crossings between columns @c and @c + 1: edges sorted by their left end, then the pairs
 * whose right ends are out of order (insertion count, the columns are small). */
static guint
crossings_between (const Ordering *o, guint c, GArray *ends)
{
  guint crossings = 0;

  g_array_set_size (ends, 0);
  for (guint i = 0; i < o->size[c]; i++)
    {
      guint u = o->order[c][i];
      GArray *next = g_ptr_array_index (o->out, u);
      guint first = ends->len;

      for (guint j = 0; j < next->len; j++)
        {
          guint v = g_array_index (next, guint, j);
          if (column_of (o, v) == c + 1)
            g_array_append_val (ends, o->row[v]);
        }
      /* Edges from the same node never cross each other: sort them among themselves, then
       * count each against the edges of the nodes above only. */
      for (guint j = first + 1; j < ends->len; j++)
        for (guint k = j; k > first && g_array_index (ends, guint, k - 1) > g_array_index (ends, guint, k); k--)
          {
            guint t = g_array_index (ends, guint, k);
            g_array_index (ends, guint, k) = g_array_index (ends, guint, k - 1);
            g_array_index (ends, guint, k - 1) = t;
          }
      for (guint j = first; j < ends->len; j++)
        for (guint k = 0; k < first; k++)
          if (g_array_index (ends, guint, k) > g_array_index (ends, guint, j))
            crossings++;
    }
  return crossings;
}

static guint
total_crossings (const Ordering *o, GArray *ends)
{
  guint crossings = 0;

  for (guint c = 0; c + 1 < o->layout->n_columns; c++)
    crossings += crossings_between (o, c, ends);
  return crossings;
}

/* Crossings among the edges of @u and @v to the adjacent columns: in @above with @u above
 * @v, in @below with @u below @v. */
static inline void
pair_crossings (const Ordering *o, guint u, guint v, guint *above, guint *below)
{
  guint x = 0, y = 0;

  for (int side = 0; side < 2; side++)
    {
      const guint *eu = o->adjacent + o->adjacent_start[2 * u + side];
      const guint *eu_end = o->adjacent + o->adjacent_start[2 * u + side + 1];
      const guint *ev = o->adjacent + o->adjacent_start[2 * v + side];
      const guint *ev_end = o->adjacent + o->adjacent_start[2 * v + side + 1];

      for (const guint *a = eu; a < eu_end; a++)
        for (const guint *b = ev; b < ev_end; b++)
          {
            guint ra = o->row[*a], rb = o->row[*b];
            x += ra > rb;
            y += rb > ra;
          }
    }
  *above = x;
  *below = y;
}

/* Swaps neighbours in a column while that removes crossings (Gansner et al.'s transpose). */
static void
transpose (Ordering *o)
{
  gboolean improved = TRUE;

  for (int pass = 0; improved && pass < 16; pass++)
    {
      improved = FALSE;
      for (guint c = 0; c < o->layout->n_columns; c++)
        for (guint i = 0; i + 1 < o->size[c]; i++)
          {
            guint u = o->order[c][i], v = o->order[c][i + 1];
            guint now, swapped;

            pair_crossings (o, u, v, &now, &swapped);
            if (swapped < now)
              {
                o->order[c][i] = v;
                o->order[c][i + 1] = u;
                o->row[v] = i;
                o->row[u] = i + 1;
                improved = TRUE;
              }
          }
    }
}

/* Moves each node to the place in its column where its edges cross the fewest others
 * (sifting): unlike transpositions, it can jump over a run of nodes. */
static void
sift (Ordering *o, GArray *visit, GArray *pairs)
{
  for (guint c = 0; c < o->layout->n_columns; c++)
    {
      guint size = o->size[c];

      if (size < 3)
        continue;
      /* Each node once, in the order they stood before any moved. */
      g_array_set_size (visit, size);
      memcpy (visit->data, o->order[c], size * sizeof (guint));
      for (guint k = 0; k < size; k++)
        {
          guint v = g_array_index (visit, guint, k);
          guint from = o->row[v], best_place = 0;
          gint64 cost = 0, best_cost, from_cost;
          guint place = 0;

          /* v at the top, then moved down past each node in turn. */
          g_array_set_size (pairs, 2 * size);
          for (guint i = 0; i < size; i++)
            if (o->order[c][i] != v)
              {
                guint *p = &g_array_index (pairs, guint, 2 * i);
                pair_crossings (o, v, o->order[c][i], &p[0], &p[1]);
                cost += p[0];
              }
          best_cost = from_cost = cost;
          for (guint i = 0; i < size; i++)
            {
              const guint *p = &g_array_index (pairs, guint, 2 * i);

              if (o->order[c][i] == v)
                continue;
              cost += (gint64) p[1] - p[0];
              place++;
              if (place == from)
                from_cost = cost;
              if (cost < best_cost)
                {
                  best_cost = cost;
                  best_place = place;
                }
            }
          /* Only a strictly better place is worth a move. */
          if (from_cost <= best_cost)
            best_place = from;
          /* Take v out and put it back at best_place (counted among the others). */
          if (best_place != from)
            {
              guint at = 0;

              memmove (&o->order[c][from], &o->order[c][from + 1], (size - from - 1) * sizeof (guint));
              memmove (&o->order[c][best_place + 1], &o->order[c][best_place], (size - best_place - 1) * sizeof (guint));
              o->order[c][best_place] = v;
              for (at = MIN (from, best_place); at <= MAX (from, best_place); at++)
                o->row[o->order[c][at]] = at;
            }
        }
    }
}

/* The key of @v from its neighbours on one side: their median (the mean of the two middle
 * ones when even), or their mean (barycentre); nodes with no neighbour there keep their
 * place. */
static double
sweep_key (const Ordering *o, guint v, GArray *neighbours, gboolean median, GArray *scratch)
{
  if (neighbours->len == 0)
    return relative_row (o, v);
  g_array_set_size (scratch, 0);
  for (guint j = 0; j < neighbours->len; j++)
    {
      double r = relative_row (o, g_array_index (neighbours, guint, j));
      g_array_append_val (scratch, r);
    }
  if (median)
    {
      guint m = scratch->len / 2;
      g_array_sort (scratch, compare_double);
      return scratch->len % 2 ? g_array_index (scratch, double, m)
                              : (g_array_index (scratch, double, m - 1) + g_array_index (scratch, double, m)) / 2;
    }
  {
    double sum = 0;
    for (guint j = 0; j < scratch->len; j++)
      sum += g_array_index (scratch, double, j);
    return sum / scratch->len;
  }
}

static void
sweep (Ordering *o, gboolean down, gboolean median, GArray *keyed, GArray *scratch)
{
  guint n_columns = o->layout->n_columns;

  for (guint step = 0; step < n_columns; step++)
    {
      guint c = down ? step : n_columns - 1 - step;

      g_array_set_size (keyed, 0);
      for (guint i = 0; i < o->size[c]; i++)
        {
          guint v = o->order[c][i];
          Keyed k = { v, i, sweep_key (o, v, g_ptr_array_index (down ? o->in : o->out, v), median, scratch) };
          g_array_append_val (keyed, k);
        }
      g_array_sort (keyed, compare_keyed);
      for (guint i = 0; i < o->size[c]; i++)
        {
          guint v = g_array_index (keyed, Keyed, i).index;
          o->order[c][i] = v;
          o->row[v] = i;
        }
    }
}

static void
initial_plan_order (Ordering *o)
{
  const PlChainLayout *layout = o->layout;

  memset (o->size, 0, layout->n_columns * sizeof (guint));
  for (guint v = 0; v < layout->nodes->len; v++)
    {
      guint c = column_of (o, v);
      o->row[v] = o->size[c];
      o->order[c][o->size[c]++] = v;
    }
}

/* Depth first along the links, both ways, from each KPI not yet met in plan order: each KPI
 * takes the next row of its column when first met. */
static void
initial_walk_order (Ordering *o)
{
  const PlChainLayout *layout = o->layout;
  guint n = layout->nodes->len;
  g_autofree gboolean *seen = g_new0 (gboolean, n);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));

  memset (o->size, 0, layout->n_columns * sizeof (guint));
  for (guint root = 0; root < n; root++)
    {
      if (seen[root])
        continue;
      g_array_append_val (stack, root);
      while (stack->len > 0)
        {
          guint v = g_array_index (stack, guint, stack->len - 1);
          guint c = column_of (o, v);

          g_array_set_size (stack, stack->len - 1);
          if (seen[v])
            continue;
          seen[v] = TRUE;
          o->row[v] = o->size[c];
          o->order[c][o->size[c]++] = v;
          /* Pushed in reverse so that the first link is followed first. */
          for (int side = 1; side >= 0; side--)
            {
              GArray *next = g_ptr_array_index (side ? o->in : o->out, v);
              for (guint j = next->len; j-- > 0;)
                if (!seen[g_array_index (next, guint, j)])
                  g_array_append_val (stack, g_array_index (next, guint, j));
            }
        }
    }
}

/* Rows within columns, by the classic Sugiyama heuristics: from two starting orders,
 * alternate down and up sweeps that sort each column by the median (then the barycentre) of
 * its neighbours, each followed by sifting every node to its best place; the ordering with
 * the fewest crossings seen wins, polished by adjacent transpositions. A few sweeps each: on
 * chains that cannot be drawn without crossings more sweeps gain a handful of crossings at a
 * frame's time (300 KPIs: about 3 ms in all). */
static void
order_rows (PlChainLayout *layout, GPtrArray *out, GPtrArray *in)
{
  guint n = layout->nodes->len;
  guint n_columns = layout->n_columns;
  g_autofree guint *size = g_new0 (guint, n_columns);
  g_autofree guint **order = g_new0 (guint *, n_columns);
  g_autofree guint *row = g_new0 (guint, n);
  g_autofree guint *best = g_new0 (guint, n);
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) keyed = g_array_new (FALSE, FALSE, sizeof (Keyed));
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) visit = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) adjacent = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *adjacent_start = g_new0 (guint, 2 * n + 1);
  Ordering o = { layout, out, in, order, size, row, NULL, adjacent_start };
  guint best_crossings;

  for (guint v = 0; v < n; v++)
    size[g_array_index (layout->nodes, PlChainNode, v).column]++;
  for (guint c = 0; c < n_columns; c++)
    order[c] = g_new (guint, size[c]);
  for (guint v = 0; v < n; v++)
    for (int side = 0; side < 2; side++)
      {
        GArray *neighbours = g_ptr_array_index (side ? out : in, v);
        guint other = column_of (&o, v) + (side ? 1 : -1);

        for (guint j = 0; j < neighbours->len; j++)
          if (column_of (&o, g_array_index (neighbours, guint, j)) == other)
            g_array_append_val (adjacent, g_array_index (neighbours, guint, j));
        adjacent_start[2 * v + side + 1] = adjacent->len;
      }
  o.adjacent = (guint *) adjacent->data;
  /* Two starting orders, each improved in turn: the order the user wrote the KPIs in, and
   * the order a walk along the links meets them (which keeps chains together, whatever the
   * plan order). */
  best_crossings = G_MAXUINT;
  for (int start = 0; start < 2 && best_crossings > 0; start++)
    {
      guint crossings;

      if (start == 0)
        initial_plan_order (&o);
      else
        initial_walk_order (&o);
      crossings = total_crossings (&o, ends);
      if (crossings < best_crossings)
        {
          best_crossings = crossings;
          memcpy (best, row, n * sizeof (guint));
        }
      /* Medians first (robust against a far neighbour), then barycentres (they settle the
       * ties medians leave). */
      for (int heuristic = 0; heuristic < 2 && crossings > 0; heuristic++)
        {
          guint stale = 0;
          guint run_best = crossings;

          for (int s = 0; s < MAX_SWEEPS && stale < PATIENCE && crossings > 0; s++)
            {
              sweep (&o, s % 2 == 0, heuristic == 0, keyed, scratch);
              sift (&o, visit, pairs);
              crossings = total_crossings (&o, ends);
              if (crossings < best_crossings)
                {
                  best_crossings = crossings;
                  memcpy (best, row, n * sizeof (guint));
                }
              if (crossings < run_best)
                {
                  run_best = crossings;
                  stale = 0;
                }
              else
                stale++;
            }
        }
    }

  /* Last, neighbour swaps on the best ordering: sifting moves one node at a time and can
   * leave a pair that only helps when swapped together. */
  for (guint v = 0; v < n; v++)
    {
      row[v] = best[v];
      order[g_array_index (layout->nodes, PlChainNode, v).column][best[v]] = v;
    }
  transpose (&o);
  if (total_crossings (&o, ends) < best_crossings)
    memcpy (best, row, n * sizeof (guint));

  layout->max_rows = 0;
  for (guint c = 0; c < n_columns; c++)
    {
      layout->max_rows = MAX (layout->max_rows, size[c]);
      g_free (order[c]);
    }
  for (guint v = 0; v < n; v++)
    g_array_index (layout->nodes, PlChainNode, v).row = best[v];
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

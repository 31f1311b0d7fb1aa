/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-kpi-chain-layout"
#include "config.h"

#include <math.h>
#include <string.h>

#include "pl-kpi-chain-layout.h"
#include "pl-enums.h"
#include "pl-records.h"

/* A layered drawing of the chain in the manner of Sugiyama et al. and of Gansner et al.'s
 * dot, written for Pilote (Graphviz's code is under the EPL and is not used): layers by
 * longest path with inputs pulled next to what they feed, virtual nodes on long links,
 * orderings by median and barycentre sweeps with sifting and transpositions, heights by
 * weighted least squares layer by layer (straight links) with the funnel pinned to one line,
 * and links as Bézier curves through the virtual nodes, which the ordering keeps clear of
 * the boxes.
 *
 * Links that loop (user data may say A feeds B feeds A) cannot all point right: the ones
 * that close a cycle in a depth-first walk from the sources are left out of the layering and
 * the ordering, and drawn back over the top of the chain on a track of their own (out of the
 * right side of their upstream box, up the gap, left above every box, down the gap before
 * the downstream box, into its left side). They are drawn, so they count in crossings like
 * any other link. Links to a KPI that is gone and links from a KPI to itself have nothing to
 * draw and are not in the layout's edges. */

/* Sweeps without a better ordering before the search stops, and a cap on them all. */
#define PATIENCE   2
#define MAX_SWEEPS 6
/* Starting orders tried: the walk along the links, the plan's order, then shuffles (fixed
 * seeds: the same plan always gets the same drawing) while the chain is small enough for
 * them to cost little; a small chain is where one crossing more or less shows. */
#define MAX_STARTS   16
#define START_BUDGET 1000   /* edges x starts */
/* Node pairs compared by sifting, at most: a chain of hundreds of layers with links across
 * all of them has layers of hundreds of virtual nodes, and sifting them all would take
 * seconds (the 300-KPI chain of the tests uses a tenth of it). */
#define SIFT_BUDGET  3000000
/* Rounds of the height placement (one down and one up each). */
#define PLACE_ROUNDS 12
/* How far a link's end stays from its box's corners, and the room a link keeps from a box
 * or from another link passing beside it. */
#define PORT_MARGIN  10.0
#define LINK_GAP     (PL_CHAIN_ROW_GAP / 2)
/* How far apart the ends of two links on one side of a box are, room permitting. */
#define PORT_SPACING 6.0

/* The chain as layers: the KPIs first, then the virtual nodes of long links; every edge of
 * this graph joins two adjacent layers. */
typedef struct {
  guint    n_real, n;
  guint    n_layers;
  guint   *layer;                  /* per node */
  guint   *up_start, *up;          /* neighbours in the layer before (CSR) */
  guint   *down_start, *down;      /* neighbours in the layer after */
  guint  **order;                  /* per layer, top to bottom */
  guint   *size;                   /* per layer */
  guint   *pos;                    /* per node: its place in its layer */
  double  *y;                      /* per node: its centre's height */
  gboolean *funnel;                /* per node: on the funnel's line */
} Layers;

/* What the layout keeps of each link while it works. */
typedef struct {
  gboolean back;          /* closes a cycle: left out of the layers, routed over the top */
  guint    first_dummy;   /* its virtual nodes, one per layer crossed */
  guint    n_dummies;
} EdgeInfo;

static inline gboolean
is_dummy (const Layers *g, guint v)
{
  return v >= g->n_real;
}

/* -- Layering -------------------------------------------------------------------------- */

/* Marks the links that close a cycle (back edges of a depth-first walk from the KPIs in plan
 * order, sources first) so that the others form a DAG. */
static void
mark_back_edges (guint n, const PlChainLayout *layout, EdgeInfo *info)
{
  guint n_edges = layout->edges->len;
  g_autofree guint *out_start = g_new0 (guint, n + 1);
  g_autofree guint *out = g_new (guint, MAX (n_edges, 1));
  g_autofree guint *fill = g_new0 (guint, n);
  g_autofree guint8 *state = g_new0 (guint8, n);     /* 0 unseen, 1 on the stack, 2 done */
  g_autofree guint *indegree = g_new0 (guint, n);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint) * 2);

  for (guint e = 0; e < n_edges; e++)
    {
      const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);
      out_start[edge->from + 1]++;
      indegree[edge->to]++;
    }
  for (guint v = 0; v < n; v++)
    out_start[v + 1] += out_start[v];
  for (guint e = 0; e < n_edges; e++)
    {
      const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);
      out[out_start[edge->from] + fill[edge->from]++] = e;
    }
  for (int pass = 0; pass < 2; pass++)
    for (guint root = 0; root < n; root++)
      {
        guint frame[2] = { root, 0 };

        /* Sources first, so that a cycle hanging off the chain is cut where it closes. */
        if (state[root] != 0 || (pass == 0 && indegree[root] > 0))
          continue;
        state[root] = 1;
        g_array_append_val (stack, frame);
        while (stack->len > 0)
          {
            guint *top = &g_array_index (stack, guint, 2 * (stack->len - 1));
            guint v = top[0];

            if (out_start[v] + top[1] < out_start[v + 1])
              {
                guint e = out[out_start[v] + top[1]++];
                guint w = g_array_index (layout->edges, PlChainEdge, e).to;

                if (state[w] == 1)
                  info[e].back = TRUE;
                else if (state[w] == 0)
                  {
                    guint next[2] = { w, 0 };
                    state[w] = 1;
                    g_array_append_val (stack, next);
                  }
              }
            else
              {
                state[v] = 2;
                g_array_set_size (stack, stack->len - 1);
              }
          }
      }
}

/* Layers: the longest path from the KPIs nothing feeds; then each KPI that feeds at least as
 * many as feed it (an input such as spend, churn or margin, or a step with one consumer) moves
 * right to the layer just before the first KPI it feeds, which shortens its links as network
 * simplex would. KPIs outside the chain stand where their layer is: activity left, business
 * right. */
static guint
assign_layers (const PlChainLayout *layout, const EdgeInfo *info, guint *layer)
{
  guint n = layout->nodes->len, n_edges = layout->edges->len;
  g_autofree guint *indegree = g_new0 (guint, n);
  g_autofree guint *outdegree = g_new0 (guint, n);
  g_autofree guint *pending = g_new0 (guint, n);
  g_autofree guint *topo = g_new (guint, n);
  g_autofree guint *out_start = g_new0 (guint, n + 1);
  g_autofree guint *out = g_new (guint, MAX (n_edges, 1));
  g_autofree guint *fill = g_new0 (guint, n);
  g_autofree gboolean *linked = g_new0 (gboolean, n);
  guint n_topo = 0, max_layer = 0;

  for (guint e = 0; e < n_edges; e++)
    {
      const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);

      linked[edge->from] = linked[edge->to] = TRUE;
      if (info[e].back)
        continue;
      indegree[edge->to]++;
      outdegree[edge->from]++;
      out_start[edge->from + 1]++;
    }
  for (guint v = 0; v < n; v++)
    out_start[v + 1] += out_start[v];
  for (guint e = 0; e < n_edges; e++)
    {
      const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);
      if (!info[e].back)
        out[out_start[edge->from] + fill[edge->from]++] = edge->to;
    }
  memset (layer, 0, n * sizeof (guint));
  for (guint v = 0; v < n; v++)
    {
      pending[v] = indegree[v];
      if (pending[v] == 0)
        topo[n_topo++] = v;
    }
  for (guint q = 0; q < n_topo; q++)
    {
      guint u = topo[q];

      for (guint i = out_start[u]; i < out_start[u + 1]; i++)
        {
          guint v = out[i];

          layer[v] = MAX (layer[v], layer[u] + 1);
          if (--pending[v] == 0)
            topo[n_topo++] = v;
        }
    }
  g_assert (n_topo == n);
  /* From the right, so that a run of inputs moves as one. */
  for (guint q = n_topo; q-- > 0;)
    {
      guint u = topo[q];
      guint first = G_MAXUINT;

      if (outdegree[u] == 0 || outdegree[u] < indegree[u])
        continue;
      for (guint i = out_start[u]; i < out_start[u + 1]; i++)
        first = MIN (first, layer[out[i]]);
      layer[u] = first - 1;
    }
  for (guint v = 0; v < n; v++)
    if (linked[v])
      max_layer = MAX (max_layer, layer[v]);
  for (guint v = 0; v < n; v++)
    if (!linked[v])
      {
        PlItem *kpi = g_array_index (layout->nodes, PlChainNode, v).kpi;
        guint kind = (guint) CLAMP (pl_item_get_int (kpi, PL_KPI_LAYER), PL_LAYER_ACTIVITY, PL_LAYER_BUSINESS);

        layer[v] = (kind * max_layer + 1) / 2;
      }
  return max_layer + 1;
}

/* The layered graph: the KPIs, a virtual node for each layer a forward link crosses, and
 * the edges between adjacent layers. */
static void
build_layers (Layers *g, const PlChainLayout *layout, EdgeInfo *info, const guint *layer, guint n_layers)
{
  guint n = layout->nodes->len;
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autofree guint *up_fill = NULL, *down_fill = NULL;
  guint n_dummies = 0;

  for (guint e = 0; e < layout->edges->len; e++)
    {
      const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);

      info[e].first_dummy = n + n_dummies;
      info[e].n_dummies = info[e].back ? 0 : layer[edge->to] - layer[edge->from] - 1;
      n_dummies += info[e].n_dummies;
    }
  g->n_real = n;
  g->n = n + n_dummies;
  g->n_layers = n_layers;
  g->layer = g_new (guint, g->n);
  memcpy (g->layer, layer, n * sizeof (guint));
  for (guint e = 0; e < layout->edges->len; e++)
    {
      const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);
      guint previous = edge->from;

      if (info[e].back)
        continue;
      for (guint d = 0; d <= info[e].n_dummies; d++)
        {
          guint next = d < info[e].n_dummies ? info[e].first_dummy + d : edge->to;
          guint pair[2] = { previous, next };

          if (next != edge->to)
            g->layer[next] = layer[edge->from] + 1 + d;
          g_array_append_val (pairs, pair);
          previous = next;
        }
    }
  g->up_start = g_new0 (guint, g->n + 1);
  g->down_start = g_new0 (guint, g->n + 1);
  g->up = g_new (guint, MAX (pairs->len, 1));
  g->down = g_new (guint, MAX (pairs->len, 1));
  up_fill = g_new0 (guint, g->n);
  down_fill = g_new0 (guint, g->n);
  for (guint i = 0; i < pairs->len; i++)
    {
      const guint *pair = &g_array_index (pairs, guint, 2 * i);
      g->down_start[pair[0] + 1]++;
      g->up_start[pair[1] + 1]++;
    }
  for (guint v = 0; v < g->n; v++)
    {
      g->down_start[v + 1] += g->down_start[v];
      g->up_start[v + 1] += g->up_start[v];
    }
  for (guint i = 0; i < pairs->len; i++)
    {
      const guint *pair = &g_array_index (pairs, guint, 2 * i);
      g->down[g->down_start[pair[0]] + down_fill[pair[0]]++] = pair[1];
      g->up[g->up_start[pair[1]] + up_fill[pair[1]]++] = pair[0];
    }
  g->size = g_new0 (guint, n_layers);
  g->order = g_new0 (guint *, n_layers);
  g->pos = g_new0 (guint, g->n);
  g->y = g_new0 (double, g->n);
  g->funnel = g_new0 (gboolean, g->n);
  for (guint v = 0; v < g->n; v++)
    g->size[g->layer[v]]++;
  for (guint c = 0; c < n_layers; c++)
    g->order[c] = g_new (guint, MAX (g->size[c], 1));
}

static void
layers_clear (Layers *g)
{
  for (guint c = 0; c < g->n_layers; c++)
    g_free (g->order[c]);
  g_free (g->order);
  g_free (g->size);
  g_free (g->layer);
  g_free (g->up_start);
  g_free (g->up);
  g_free (g->down_start);
  g_free (g->down);
  g_free (g->pos);
  g_free (g->y);
  g_free (g->funnel);
}

/* -- Ordering ---------------------------------------------------------------------------- */

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

static inline void
set_order (Layers *g, guint c, guint i, guint v)
{
  g->order[c][i] = v;
  g->pos[v] = i;
}

/* Crossings between layers @c and @c + 1: the lower ends of the edges taken in the order of
 * their upper ends, and the pairs out of order counted with a Fenwick tree (Barth, Jünger and
 * Mutzel's idea). Edges with a common end never count. */
static guint
crossings_between (const Layers *g, guint c, guint *tree, guint *ends)
{
  guint crossings = 0, seen = 0, m = g->size[c + 1];

  memset (tree, 0, (m + 1) * sizeof (guint));
  for (guint i = 0; i < g->size[c]; i++)
    {
      guint u = g->order[c][i];
      guint count = 0;

      for (guint j = g->down_start[u]; j < g->down_start[u + 1]; j++)
        ends[count++] = g->pos[g->down[j]];
      /* Edges from u are counted against those of the nodes above only. */
      for (guint j = 0; j < count; j++)
        {
          guint at_or_below = 0;
          for (guint k = ends[j] + 1; k > 0; k -= k & -k)
            at_or_below += tree[k];
          crossings += seen - at_or_below;
        }
      for (guint j = 0; j < count; j++)
        for (guint k = ends[j] + 1; k <= m; k += k & -k)
          tree[k]++;
      seen += count;
    }
  return crossings;
}

static guint
total_crossings (const Layers *g, guint *tree, guint *ends)
{
  guint crossings = 0;

  for (guint c = 0; c + 1 < g->n_layers; c++)
    crossings += crossings_between (g, c, tree, ends);
  return crossings;
}

/* Crossings among the edges of @u and @v (same layer): in @above with @u above @v, in @below
 * with @u below @v. */
static inline void
pair_crossings (const Layers *g, guint u, guint v, guint *above, guint *below)
{
  guint x = 0, y = 0;

  for (int side = 0; side < 2; side++)
    {
      const guint *start = side ? g->down_start : g->up_start;
      const guint *adjacent = side ? g->down : g->up;

      for (guint a = start[u]; a < start[u + 1]; a++)
        for (guint b = start[v]; b < start[v + 1]; b++)
          {
            guint ra = g->pos[adjacent[a]], rb = g->pos[adjacent[b]];
            x += ra > rb;
            y += rb > ra;
          }
    }
  *above = x;
  *below = y;
}

/* Swaps neighbours in a layer while that removes crossings (Gansner et al.'s transpose). */
static void
transpose (Layers *g)
{
  gboolean improved = TRUE;

  for (int pass = 0; improved && pass < 16; pass++)
    {
      improved = FALSE;
      for (guint c = 0; c < g->n_layers; c++)
        for (guint i = 0; i + 1 < g->size[c]; i++)
          {
            guint u = g->order[c][i], v = g->order[c][i + 1];
            guint now, swapped;

            pair_crossings (g, u, v, &now, &swapped);
            if (swapped < now)
              {
                set_order (g, c, i, v);
                set_order (g, c, i + 1, u);
                improved = TRUE;
              }
          }
    }
}

/* Moves each node to the place in its layer where its edges cross the fewest others
 * (sifting): unlike transpositions, it can jump over a run of nodes. */
static void
sift (Layers *g, GArray *visit, GArray *pairs, guint64 *work)
{
  for (guint c = 0; c < g->n_layers; c++)
    {
      guint size = g->size[c];

      /* Quadratic in the layer's size: past the budget, the sweeps alone go on. */
      if (size < 3 || *work > SIFT_BUDGET)
        continue;
      *work += (guint64) size * size;
      g_array_set_size (visit, size);
      memcpy (visit->data, g->order[c], size * sizeof (guint));
      for (guint k = 0; k < size; k++)
        {
          guint v = g_array_index (visit, guint, k);
          guint from = g->pos[v], best_place = 0, place = 0;
          gint64 cost = 0, best_cost, from_cost;

          /* v at the top, then moved down past each node in turn. */
          g_array_set_size (pairs, 2 * size);
          for (guint i = 0; i < size; i++)
            if (g->order[c][i] != v)
              {
                guint *p = &g_array_index (pairs, guint, 2 * i);
                pair_crossings (g, v, g->order[c][i], &p[0], &p[1]);
                cost += p[0];
              }
          best_cost = from_cost = cost;
          for (guint i = 0; i < size; i++)
            {
              const guint *p = &g_array_index (pairs, guint, 2 * i);

              if (g->order[c][i] == v)
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
          if (from_cost <= best_cost)
            best_place = from;
          if (best_place != from)
            {
              memmove (&g->order[c][from], &g->order[c][from + 1], (size - from - 1) * sizeof (guint));
              memmove (&g->order[c][best_place + 1], &g->order[c][best_place], (size - best_place - 1) * sizeof (guint));
              g->order[c][best_place] = v;
              for (guint at = MIN (from, best_place); at <= MAX (from, best_place); at++)
                g->pos[g->order[c][at]] = at;
            }
        }
    }
}

/* Where @v stands in its layer, from 0 (top) to 1 (bottom). */
static inline double
relative_row (const Layers *g, guint v)
{
  return (g->pos[v] + 0.5) / g->size[g->layer[v]];
}

/* The key of @v from its neighbours on one side: their median (the mean of the two middle
 * ones when even), or their barycentre; nodes with no neighbour there keep their place. */
static double
sweep_key (const Layers *g, guint v, gboolean down, gboolean median, GArray *scratch)
{
  const guint *start = down ? g->up_start : g->down_start;
  const guint *adjacent = down ? g->up : g->down;
  double sum = 0;

  if (start[v] == start[v + 1])
    return relative_row (g, v);
  g_array_set_size (scratch, 0);
  for (guint j = start[v]; j < start[v + 1]; j++)
    {
      double r = relative_row (g, adjacent[j]);
      g_array_append_val (scratch, r);
      sum += r;
    }
  if (median)
    {
      guint m = scratch->len / 2;
      g_array_sort (scratch, compare_double);
      return scratch->len % 2 ? g_array_index (scratch, double, m)
                              : (g_array_index (scratch, double, m - 1) + g_array_index (scratch, double, m)) / 2;
    }
  return sum / scratch->len;
}

static void
sweep (Layers *g, gboolean down, gboolean median, GArray *keyed, GArray *scratch)
{
  for (guint step = 1; step < g->n_layers; step++)
    {
      guint c = down ? step : g->n_layers - 1 - step;

      g_array_set_size (keyed, 0);
      for (guint i = 0; i < g->size[c]; i++)
        {
          guint v = g->order[c][i];
          Keyed k = { v, i, sweep_key (g, v, down, median, scratch) };
          g_array_append_val (keyed, k);
        }
      g_array_sort (keyed, compare_keyed);
      for (guint i = 0; i < g->size[c]; i++)
        set_order (g, c, i, g_array_index (keyed, Keyed, i).index);
    }
}

static void
initial_plan_order (Layers *g)
{
  memset (g->size, 0, g->n_layers * sizeof (guint));
  for (guint v = 0; v < g->n; v++)
    {
      guint c = g->layer[v];
      set_order (g, c, g->size[c]++, v);
    }
}

/* Depth first along the links, both ways, from each KPI not yet met in plan order: each node
 * takes the next row of its layer when first met, which keeps chains together. */
static void
initial_walk_order (Layers *g)
{
  g_autofree gboolean *seen = g_new0 (gboolean, g->n);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));

  memset (g->size, 0, g->n_layers * sizeof (guint));
  for (guint root = 0; root < g->n; root++)
    {
      if (seen[root])
        continue;
      g_array_append_val (stack, root);
      while (stack->len > 0)
        {
          guint v = g_array_index (stack, guint, stack->len - 1);
          guint c = g->layer[v];

          g_array_set_size (stack, stack->len - 1);
          if (seen[v])
            continue;
          seen[v] = TRUE;
          set_order (g, c, g->size[c]++, v);
          /* Pushed in reverse so that the first link is followed first. */
          for (guint j = g->up_start[v + 1]; j-- > g->up_start[v];)
            if (!seen[g->up[j]])
              g_array_append_val (stack, g->up[j]);
          for (guint j = g->down_start[v + 1]; j-- > g->down_start[v];)
            if (!seen[g->down[j]])
              g_array_append_val (stack, g->down[j]);
        }
    }
}

static void
shuffled_order (Layers *g, guint seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint c = 0; c < g->n_layers; c++)
    for (guint i = g->size[c]; i > 1; i--)
      {
        guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
        guint t = g->order[c][i - 1];
        set_order (g, c, i - 1, g->order[c][j]);
        set_order (g, c, j, t);
      }
}

/* Rows within layers, by the classic Sugiyama heuristics: from two starting orders,
 * alternate down and up sweeps that sort each layer by the median (then the barycentre) of
 * its neighbours, each followed by sifting every node to its best place; the ordering with
 * the fewest crossings seen wins, polished by adjacent transpositions. */
static void
order_layers (Layers *g)
{
  guint max_size = 1;
  g_autofree guint *best = g_new0 (guint, g->n);
  g_autofree guint *tree = NULL, *ends = NULL;
  g_autoptr(GArray) keyed = g_array_new (FALSE, FALSE, sizeof (Keyed));
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) visit = g_array_new (FALSE, FALSE, sizeof (guint));
  guint best_crossings = G_MAXUINT;
  guint64 work = 0;
  guint n_starts = CLAMP (START_BUDGET / MAX (g->down_start[g->n], 1), 2, MAX_STARTS);

  for (guint c = 0; c < g->n_layers; c++)
    max_size = MAX (max_size, g->size[c]);
  tree = g_new (guint, max_size + 1);
  ends = g_new (guint, g->down_start[g->n] + 1);   /* a KPI may have every edge (duplicate links) */
  for (guint start = 0; start < n_starts && best_crossings > 0; start++)
    {
      guint crossings;

      if (start == 0)
        initial_walk_order (g);
      else if (start == 1)
        initial_plan_order (g);
      else
        shuffled_order (g, start);
      crossings = total_crossings (g, tree, ends);
      if (crossings < best_crossings)
        {
          best_crossings = crossings;
          memcpy (best, g->pos, g->n * sizeof (guint));
        }
      /* Medians first (robust against a far neighbour), then barycentres (they settle the
       * ties medians leave). */
      for (int heuristic = 0; heuristic < 2 && crossings > 0; heuristic++)
        {
          guint stale = 0, run_best = crossings;

          for (int s = 0; s < MAX_SWEEPS && stale < PATIENCE && crossings > 0; s++)
            {
              sweep (g, s % 2 == 0, heuristic == 0, keyed, scratch);
              sift (g, visit, pairs, &work);
              crossings = total_crossings (g, tree, ends);
              if (crossings < best_crossings)
                {
                  best_crossings = crossings;
                  memcpy (best, g->pos, g->n * sizeof (guint));
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
  for (guint v = 0; v < g->n; v++)
    set_order (g, g->layer[v], best[v], v);
  transpose (g);
}

/* -- Heights ----------------------------------------------------------------------------- */

static inline double
half_height (const Layers *g, guint v)
{
  return is_dummy (g, v) ? 0 : PL_CHAIN_BOX_H / 2;
}

/* The least distance between the centres of two nodes one above the other: boxes keep the
 * row gap, a link keeps half of it from a box or another link. */
static inline double
separation (const Layers *g, guint a, guint b)
{
  double gap = is_dummy (g, a) || is_dummy (g, b) ? LINK_GAP : PL_CHAIN_ROW_GAP;
  return half_height (g, a) + half_height (g, b) + gap;
}

/* How much the straightness of an edge counts: a long link's middle most (it would zigzag
 * across the chart), then its ends, then links between two KPIs (the weights of Gansner et
 * al.'s coordinate pass). */
static inline double
edge_weight (const Layers *g, guint a, guint b)
{
  return is_dummy (g, a) && is_dummy (g, b) ? 8 : is_dummy (g, a) || is_dummy (g, b) ? 2 : 1;
}

/* Pins the funnel to its line; a KPI with no link keeps its height unless pushed. */
#define PIN_WEIGHT   1e9
#define STAY_WEIGHT  1e-3

typedef struct {
  double weight, sum;   /* of the pooled targets */
  guint  first;         /* the block's first node (in the layer) */
  guint  pinned;        /* its funnel KPI, whose height it takes exactly, or G_MAXUINT */
} Block;

/* Moves the nodes of layer @c to the heights nearest (in weighted squares) the mean height
 * of their neighbours, keeping the order and the separations: with heights less their
 * cumulative separations this is isotonic regression, solved exactly by pooling adjacent
 * violators. Each call lowers the sum over edges of weight x squared slope, so repeated
 * sweeps settle. */
static void
place_layer (Layers *g, guint c, double funnel_y, GArray *blocks, double *offset, double *target,
             double *weight)
{
  guint size = g->size[c];
  const guint *order = g->order[c];

  for (guint i = 0; i < size; i++)
    {
      guint v = order[i];
      double sum = 0, w = 0;

      offset[i] = i == 0 ? 0 : offset[i - 1] + separation (g, order[i - 1], v);
      for (guint j = g->up_start[v]; j < g->up_start[v + 1]; j++)
        {
          double ew = edge_weight (g, v, g->up[j]);
          sum += ew * g->y[g->up[j]];
          w += ew;
        }
      for (guint j = g->down_start[v]; j < g->down_start[v + 1]; j++)
        {
          double ew = edge_weight (g, v, g->down[j]);
          sum += ew * g->y[g->down[j]];
          w += ew;
        }
      if (g->funnel[v])
        sum = PIN_WEIGHT * funnel_y, w = PIN_WEIGHT;
      else if (w == 0)
        sum = STAY_WEIGHT * g->y[v], w = STAY_WEIGHT;
      target[i] = sum / w - offset[i];
      weight[i] = w;
    }
  g_array_set_size (blocks, 0);
  for (guint i = 0; i < size; i++)
    {
      Block b = { weight[i], weight[i] * target[i], i, g->funnel[order[i]] ? i : G_MAXUINT };

      g_array_append_val (blocks, b);
      while (blocks->len > 1)
        {
          Block *top = &g_array_index (blocks, Block, blocks->len - 1);
          Block *below = top - 1;

          if (below->sum / below->weight <= top->sum / top->weight)
            break;
          below->weight += top->weight;
          below->sum += top->sum;
          if (top->pinned != G_MAXUINT)
            below->pinned = top->pinned;
          g_array_set_size (blocks, blocks->len - 1);
        }
    }
  for (guint k = 0; k < blocks->len; k++)
    {
      const Block *b = &g_array_index (blocks, Block, k);
      guint end = k + 1 < blocks->len ? g_array_index (blocks, Block, k + 1).first : size;
      double z = b->pinned != G_MAXUINT ? target[b->pinned] : b->sum / b->weight;

      for (guint i = b->first; i < end; i++)
        g->y[order[i]] = z + offset[i];
    }
}

/* Whether every virtual node of a long link could stand at height @y in its layer. */
static gboolean
straight_fits (const Layers *g, const EdgeInfo *info, double y)
{
  for (guint d = 0; d < info->n_dummies; d++)
    {
      guint v = info->first_dummy + d;
      guint c = g->layer[v], i = g->pos[v];

      if (i > 0 && y < g->y[g->order[c][i - 1]] + separation (g, g->order[c][i - 1], v) - 1e-9)
        return FALSE;
      if (i + 1 < g->size[c] && y > g->y[g->order[c][i + 1]] - separation (g, v, g->order[c][i + 1]) + 1e-9)
        return FALSE;
    }
  return TRUE;
}

/* Long links drawn dead straight where they can be: all their virtual nodes at the height of
 * one end, or of their middle, when nothing is in the way. */
static void
straighten_links (Layers *g, const PlChainLayout *layout, const EdgeInfo *info)
{
  for (guint e = 0; e < layout->edges->len; e++)
    {
      const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);
      const EdgeInfo *it = &info[e];
      double candidates[3];

      if (it->back || it->n_dummies < 2)
        continue;
      candidates[0] = g->y[edge->from];
      candidates[1] = g->y[edge->to];
      candidates[2] = g->y[it->first_dummy + it->n_dummies / 2];
      for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
        if (straight_fits (g, it, candidates[k]))
          {
            for (guint d = 0; d < it->n_dummies; d++)
              g->y[it->first_dummy + d] = candidates[k];
            break;
          }
    }
}

/* Heights of the node centres: each layer packed around the funnel's line, then sweeps down
 * and up the layers placing each as its neighbours pull it, the funnel pinned; last, long
 * links straightened. */
static void
place_heights (Layers *g, const PlChainLayout *layout, const EdgeInfo *info)
{
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_autofree double *above = g_new0 (double, g->n_layers);
  guint max_size = 1;
  g_autofree double *offset = NULL, *target = NULL, *weight = NULL;
  double funnel_y = 0;

  for (guint c = 0; c < g->n_layers; c++)
    max_size = MAX (max_size, g->size[c]);
  offset = g_new (double, max_size);
  target = g_new (double, max_size);
  weight = g_new (double, max_size);
  /* The line goes as low as the fullest stack above a funnel KPI needs. */
  for (guint c = 0; c < g->n_layers; c++)
    {
      double y = 0;
      for (guint i = 0; i < g->size[c]; i++)
        {
          guint v = g->order[c][i];
          if (i > 0)
            y += separation (g, g->order[c][i - 1], v);
          g->y[v] = y;
          if (g->funnel[v])
            above[c] = y, funnel_y = MAX (funnel_y, y);
        }
    }
  for (guint c = 0; c < g->n_layers; c++)
    {
      double shift = funnel_y - above[c];
      for (guint i = 0; i < g->size[c]; i++)
        g->y[g->order[c][i]] += shift;
    }
  for (int round = 0; round < PLACE_ROUNDS; round++)
    {
      for (guint c = 0; c < g->n_layers; c++)
        place_layer (g, c, funnel_y, blocks, offset, target, weight);
      for (guint c = g->n_layers; c-- > 0;)
        place_layer (g, c, funnel_y, blocks, offset, target, weight);
    }
  straighten_links (g, layout, info);
}

/* One KPI per layer on the funnel's line: the linked KPIs counting a funnel stage from spend
 * to new customers, the earliest stage where two share a layer. */
static void
mark_funnel (Layers *g, const PlChainLayout *layout)
{
  g_autofree guint *chosen = g_new (guint, g->n_layers);
  g_autofree int *stage_of = g_new (int, g->n_layers);

  for (guint c = 0; c < g->n_layers; c++)
    chosen[c] = G_MAXUINT;
  for (guint v = 0; v < g->n_real; v++)
    {
      PlItem *kpi = g_array_index (layout->nodes, PlChainNode, v).kpi;
      int stage = pl_item_get_int (kpi, PL_KPI_STAGE);
      guint c = g->layer[v];
      gboolean linked = g->up_start[v] < g->up_start[v + 1] || g->down_start[v] < g->down_start[v + 1];

      if (stage < PL_STAGE_SPEND || stage > PL_STAGE_NEW_CUSTOMERS || !linked)
        continue;
      if (chosen[c] == G_MAXUINT || stage < stage_of[c])
        {
          chosen[c] = v;
          stage_of[c] = stage;
        }
    }
  for (guint c = 0; c < g->n_layers; c++)
    if (chosen[c] != G_MAXUINT)
      g->funnel[chosen[c]] = TRUE;
}

/* -- Routes ------------------------------------------------------------------------------ */

static inline void
add_point (GArray *route, double x, double y)
{
  PlChainPoint p = { x, y };
  g_array_append_val (route, p);
}

/* A piece leaving (x0, y0) and entering (x1, y1) horizontally; its x never leaves [x0, x1],
 * so a piece across the gap between two layers never reaches a box. */
static inline void
add_s_piece (GArray *route, double x0, double y0, double x1, double y1)
{
  double mid = (x0 + x1) / 2;

  add_point (route, mid, y0);
  add_point (route, mid, y1);
  add_point (route, x1, y1);
}

static inline void
add_straight_piece (GArray *route, double x0, double y0, double x1, double y1)
{
  add_point (route, x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3);
  add_point (route, x0 + 2 * (x1 - x0) / 3, y0 + 2 * (y1 - y0) / 3);
  add_point (route, x1, y1);
}

/* A link's end at one of its boxes, while the ends of each box are spread along its side. */
typedef struct {
  guint  node, edge;
  double wanted;   /* the height it would take alone */
  double toward;   /* the height of the next node along the link: orders ties */
} End;

static int
compare_ends (gconstpointer a, gconstpointer b)
{
  const End *x = a, *y = b;

  if (x->node != y->node)
    return x->node < y->node ? -1 : 1;
  if (x->wanted != y->wanted)
    return x->wanted < y->wanted ? -1 : 1;
  if (x->toward != y->toward)
    return x->toward < y->toward ? -1 : 1;
  return x->edge < y->edge ? -1 : x->edge > y->edge;
}

/* Where the forward links leave (@side 0) or enter (@side 1) their boxes: each at the height
 * of the next node along it, within the side away from the corners (a straight link stays
 * straight), then the ends of one box moved apart just enough to be told apart, in the order
 * of the nodes they lead to, so that they cannot cross each other. */
static void
place_ends (const PlChainLayout *layout, const Layers *g, const EdgeInfo *info, double oy, int side,
            double *ports)
{
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (End));

  for (guint e = 0; e < layout->edges->len; e++)
    {
      const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);
      guint node = side == 0 ? edge->from : edge->to;
      guint next = side == 0 ? (info[e].n_dummies > 0 ? info[e].first_dummy : edge->to)
                             : (info[e].n_dummies > 0 ? info[e].first_dummy + info[e].n_dummies - 1 : edge->from);
      double top = g_array_index (layout->nodes, PlChainNode, node).y;
      End end = { node, e, 0, g->y[next] + oy };

      if (info[e].back)
        continue;
      end.wanted = CLAMP (end.toward, top + PORT_MARGIN, top + PL_CHAIN_BOX_H - PORT_MARGIN);
      g_array_append_val (ends, end);
    }
  g_array_sort (ends, compare_ends);
  for (guint i = 0; i < ends->len;)
    {
      guint node = g_array_index (ends, End, i).node, j = i;
      double top = g_array_index (layout->nodes, PlChainNode, node).y;
      double low = top + PORT_MARGIN, high = top + PL_CHAIN_BOX_H - PORT_MARGIN;
      double spacing;

      while (j < ends->len && g_array_index (ends, End, j).node == node)
        j++;
      spacing = j - i > 1 ? MIN (PORT_SPACING, (high - low) / (j - i - 1)) : 0;
      for (guint k = i; k < j; k++)
        {
          double wanted = g_array_index (ends, End, k).wanted;
          ports[g_array_index (ends, End, k).edge] = k == i ? wanted : MAX (wanted, ports[g_array_index (ends, End, k - 1).edge] + spacing);
        }
      for (guint k = j; k-- > i;)
        {
          double limit = k == j - 1 ? high : ports[g_array_index (ends, End, k + 1).edge] - spacing;
          double *port_y = &ports[g_array_index (ends, End, k).edge];
          *port_y = MIN (*port_y, limit);
        }
      i = j;
    }
}

/* A forward link: across each gap as an S piece, through each layer it crosses straight at
 * its virtual node's height. */
static void
route_forward (PlChainLayout *layout, const Layers *g, const EdgeInfo *info, PlChainEdge *edge, double ox,
               double oy, double start_y, double end_y)
{
  const PlChainNode *from = &g_array_index (layout->nodes, PlChainNode, edge->from);
  const PlChainNode *to = &g_array_index (layout->nodes, PlChainNode, edge->to);
  double x = from->x + PL_CHAIN_BOX_W;
  double y = start_y;

  add_point (edge->route, x, y);
  for (guint d = 0; d < info->n_dummies; d++)
    {
      guint v = info->first_dummy + d;
      double left = ox + g->layer[v] * (PL_CHAIN_BOX_W + PL_CHAIN_LAYER_GAP);
      double dy = g->y[v] + oy;

      add_s_piece (edge->route, x, y, left, dy);
      add_straight_piece (edge->route, left, dy, left + PL_CHAIN_BOX_W, dy);
      x = left + PL_CHAIN_BOX_W;
      y = dy;
    }
  add_s_piece (edge->route, x, y, to->x, end_y);
}

/* A link that closes a cycle runs back over the top of the chain, on a track of its own:
 * up the gap after its upstream box, left above every box, down the gap before its
 * downstream box. */
static void
route_back (PlChainLayout *layout, PlChainEdge *edge, guint track)
{
  const PlChainNode *from = &g_array_index (layout->nodes, PlChainNode, edge->from);
  const PlChainNode *to = &g_array_index (layout->nodes, PlChainNode, edge->to);
  double offset = LINK_GAP / 2 * (track % 4) / 4;
  double y0 = from->y + PL_CHAIN_BOX_H / 2, y1 = to->y + PL_CHAIN_BOX_H / 2;
  double x0 = from->x + PL_CHAIN_BOX_W, x1 = to->x;
  double right = x0 + PL_CHAIN_LAYER_GAP / 2 - offset, left = x1 - PL_CHAIN_LAYER_GAP / 2 + offset;
  double top = LINK_GAP * (track + 1) / 2;

  double turn = PL_CHAIN_LAYER_GAP / 4;

  /* Each turn a single piece bulging to the gap's middle, so the route stays in the gaps. */
  add_point (edge->route, x0, y0);
  add_point (edge->route, right, y0);
  add_point (edge->route, right, top);
  add_point (edge->route, right - turn, top);
  add_straight_piece (edge->route, right - turn, top, left + turn, top);
  add_point (edge->route, left, top);
  add_point (edge->route, left, y1);
  add_point (edge->route, x1, y1);
}

/* -- The layout -------------------------------------------------------------------------- */

static void
read_chain (PlChainLayout *layout, PlPlan *plan)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_KPI_LINKS);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      PlChainNode node = { kpi, 0, 0, 0, 0 };

      g_array_append_val (layout->nodes, node);
      g_hash_table_insert (index, (gpointer) pl_item_get_id (kpi), GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      const char *upstream = pl_item_get_string (link, PL_KPI_LINK_UPSTREAM);
      const char *downstream = pl_item_get_string (link, PL_KPI_LINK_DOWNSTREAM);
      guint from = upstream ? GPOINTER_TO_UINT (g_hash_table_lookup (index, upstream)) : 0;
      guint to = downstream ? GPOINTER_TO_UINT (g_hash_table_lookup (index, downstream)) : 0;
      PlChainEdge edge = { from - 1, to - 1, NULL };

      /* A link to a KPI that is gone, or from a KPI to itself, has nothing to draw. */
      if (from == 0 || to == 0 || from == to)
        continue;
      edge.route = g_array_new (FALSE, FALSE, sizeof (PlChainPoint));
      g_array_append_val (layout->edges, edge);
    }
}

static void
clear_edge (gpointer data)
{
  PlChainEdge *edge = data;
  g_clear_pointer (&edge->route, g_array_unref);
}

PlChainLayout *
pl_chain_layout_new (PlPlan *plan)
{
  PlChainLayout *layout = g_new0 (PlChainLayout, 1);
  g_autofree EdgeInfo *info = NULL;
  g_autofree guint *layer = NULL;
  g_autofree double *starts = NULL, *ends = NULL;
  Layers g = { 0 };
  guint n, n_back = 0, track = 0;
  double min_y = G_MAXDOUBLE, max_y = -G_MAXDOUBLE, ox = 0, oy = 0;

  layout->nodes = g_array_new (FALSE, TRUE, sizeof (PlChainNode));
  layout->edges = g_array_new (FALSE, FALSE, sizeof (PlChainEdge));
  g_array_set_clear_func (layout->edges, clear_edge);
  layout->box_w = PL_CHAIN_BOX_W;
  layout->box_h = PL_CHAIN_BOX_H;
  read_chain (layout, plan);
  n = layout->nodes->len;
  if (n == 0)
    return layout;

  info = g_new0 (EdgeInfo, MAX (layout->edges->len, 1));
  layer = g_new0 (guint, n);
  mark_back_edges (n, layout, info);
  for (guint e = 0; e < layout->edges->len; e++)
    n_back += info[e].back;
  build_layers (&g, layout, info, layer, assign_layers (layout, info, layer));
  mark_funnel (&g, layout);
  order_layers (&g);
  place_heights (&g, layout, info);

  for (guint v = 0; v < g.n; v++)
    {
      min_y = MIN (min_y, g.y[v] - half_height (&g, v));
      max_y = MAX (max_y, g.y[v] + half_height (&g, v));
    }
  /* Links closing a cycle need a track each above the boxes and half a gap at each side. */
  if (n_back > 0)
    {
      ox = PL_CHAIN_LAYER_GAP / 2;
      oy = LINK_GAP * (n_back + 1) / 2;
    }
  oy -= min_y;
  layout->n_columns = g.n_layers;
  for (guint v = 0; v < n; v++)
    {
      PlChainNode *node = &g_array_index (layout->nodes, PlChainNode, v);
      guint rank = 0;

      node->column = g.layer[v];
      for (guint i = 0; i < g.pos[v]; i++)
        rank += !is_dummy (&g, g.order[node->column][i]);
      node->row = rank;
      node->x = ox + node->column * (PL_CHAIN_BOX_W + PL_CHAIN_LAYER_GAP);
      node->y = g.y[v] - PL_CHAIN_BOX_H / 2 + oy;
    }
  for (guint c = 0; c < g.n_layers; c++)
    {
      guint rows = 0;
      for (guint i = 0; i < g.size[c]; i++)
        rows += !is_dummy (&g, g.order[c][i]);
      layout->max_rows = MAX (layout->max_rows, rows);
    }
  layout->width = 2 * ox + g.n_layers * (PL_CHAIN_BOX_W + PL_CHAIN_LAYER_GAP) - PL_CHAIN_LAYER_GAP;
  layout->height = max_y + oy;
  starts = g_new0 (double, MAX (layout->edges->len, 1));
  ends = g_new0 (double, MAX (layout->edges->len, 1));
  place_ends (layout, &g, info, oy, 0, starts);
  place_ends (layout, &g, info, oy, 1, ends);
  for (guint e = 0; e < layout->edges->len; e++)
    {
      PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);

      if (info[e].back)
        route_back (layout, edge, track++);
      else
        route_forward (layout, &g, &info[e], edge, ox, oy, starts[e], ends[e]);
    }
  layers_clear (&g);
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

/* -- Measures of the drawing ------------------------------------------------------------ */

static void
flatten_piece (GArray *out, PlChainPoint p0, PlChainPoint p1, PlChainPoint p2, PlChainPoint p3, double tolerance,
               int depth)
{
  /* Flat enough when both controls lie within the tolerance of the chord. */
  double dx = p3.x - p0.x, dy = p3.y - p0.y;
  double length = hypot (dx, dy);
  double d1, d2;

  if (length > 1e-12)
    {
      d1 = fabs ((p1.x - p0.x) * dy - (p1.y - p0.y) * dx) / length;
      d2 = fabs ((p2.x - p0.x) * dy - (p2.y - p0.y) * dx) / length;
    }
  else
    {
      d1 = hypot (p1.x - p0.x, p1.y - p0.y);
      d2 = hypot (p2.x - p0.x, p2.y - p0.y);
    }
  /* The curve lies within 3/4 of the controls' distance from the chord. */
  if (depth >= 16 || 0.75 * MAX (d1, d2) <= tolerance)
    {
      g_array_append_val (out, p3);
      return;
    }
  {
    PlChainPoint a = { (p0.x + p1.x) / 2, (p0.y + p1.y) / 2 };
    PlChainPoint b = { (p1.x + p2.x) / 2, (p1.y + p2.y) / 2 };
    PlChainPoint c = { (p2.x + p3.x) / 2, (p2.y + p3.y) / 2 };
    PlChainPoint ab = { (a.x + b.x) / 2, (a.y + b.y) / 2 };
    PlChainPoint bc = { (b.x + c.x) / 2, (b.y + c.y) / 2 };
    PlChainPoint mid = { (ab.x + bc.x) / 2, (ab.y + bc.y) / 2 };

    flatten_piece (out, p0, a, ab, mid, tolerance, depth + 1);
    flatten_piece (out, mid, bc, c, p3, tolerance, depth + 1);
  }
}

GArray *
pl_chain_layout_flatten (const PlChainLayout *layout, guint edge, double tolerance)
{
  const GArray *route = g_array_index (layout->edges, PlChainEdge, edge).route;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (PlChainPoint));

  g_return_val_if_fail (tolerance > 0, out);
  if (route == NULL || route->len == 0)
    return out;
  g_array_append_val (out, g_array_index (route, PlChainPoint, 0));
  for (guint i = 1; i + 2 < route->len; i += 3)
    flatten_piece (out, g_array_index (route, PlChainPoint, i - 1), g_array_index (route, PlChainPoint, i),
                   g_array_index (route, PlChainPoint, i + 1), g_array_index (route, PlChainPoint, i + 2),
                   tolerance, 0);
  return out;
}

/* Polylines flattened finely enough for the counts: a tenth of a layout unit. */
#define MEASURE_TOLERANCE 0.1

typedef struct {
  GArray *points;
  double  x0, y0, x1, y1;   /* bounding box */
  guint   edge;
} Polyline;

static Polyline *
flatten_all (const PlChainLayout *layout)
{
  Polyline *lines = g_new0 (Polyline, MAX (layout->edges->len, 1));

  for (guint e = 0; e < layout->edges->len; e++)
    {
      Polyline *line = &lines[e];

      line->edge = e;
      line->points = pl_chain_layout_flatten (layout, e, MEASURE_TOLERANCE);
      line->x0 = line->y0 = G_MAXDOUBLE;
      line->x1 = line->y1 = -G_MAXDOUBLE;
      for (guint i = 0; i < line->points->len; i++)
        {
          const PlChainPoint *p = &g_array_index (line->points, PlChainPoint, i);
          line->x0 = MIN (line->x0, p->x);
          line->y0 = MIN (line->y0, p->y);
          line->x1 = MAX (line->x1, p->x);
          line->y1 = MAX (line->y1, p->y);
        }
    }
  return lines;
}

static void
free_all (Polyline *lines, guint n)
{
  for (guint e = 0; e < n; e++)
    g_array_unref (lines[e].points);
  g_free (lines);
}

static inline double
orient (const PlChainPoint *a, const PlChainPoint *b, const PlChainPoint *c)
{
  return (b->x - a->x) * (c->y - a->y) - (b->y - a->y) * (c->x - a->x);
}

static inline gboolean
on_segment (const PlChainPoint *a, const PlChainPoint *b, const PlChainPoint *p)
{
  return MIN (a->x, b->x) <= p->x && p->x <= MAX (a->x, b->x) && MIN (a->y, b->y) <= p->y && p->y <= MAX (a->y, b->y);
}

/* Whether segments ab and cd meet: crossing, or touching (an end of one on the other). A
 * strictly proper test is not enough: two mirrored S pieces cross exactly at their middles,
 * where both flattened polylines have a vertex, and it would miss them (on the 300-KPI chain
 * it missed a tenth of the crossings). Touching links are confusing to a reader anyway. */
static gboolean
segments_meet (const PlChainPoint *a, const PlChainPoint *b, const PlChainPoint *c, const PlChainPoint *d)
{
  double o1 = orient (a, b, c), o2 = orient (a, b, d), o3 = orient (c, d, a), o4 = orient (c, d, b);

  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)))
    return TRUE;
  return (o1 == 0 && on_segment (a, b, c)) || (o2 == 0 && on_segment (a, b, d))
         || (o3 == 0 && on_segment (c, d, a)) || (o4 == 0 && on_segment (c, d, b));
}

static gboolean
polylines_meet (const Polyline *p, const Polyline *q)
{
  for (guint i = 0; i + 1 < p->points->len; i++)
    {
      const PlChainPoint *a = &g_array_index (p->points, PlChainPoint, i);
      const PlChainPoint *b = a + 1;
      double ax0 = MIN (a->x, b->x), ax1 = MAX (a->x, b->x), ay0 = MIN (a->y, b->y), ay1 = MAX (a->y, b->y);

      if (ax1 < q->x0 || ax0 > q->x1 || ay1 < q->y0 || ay0 > q->y1)
        continue;
      for (guint j = 0; j + 1 < q->points->len; j++)
        {
          const PlChainPoint *c = &g_array_index (q->points, PlChainPoint, j);
          const PlChainPoint *d = c + 1;

          if (MAX (c->x, d->x) < ax0 || MIN (c->x, d->x) > ax1 || MAX (c->y, d->y) < ay0 || MIN (c->y, d->y) > ay1)
            continue;
          if (segments_meet (a, b, c, d))
            return TRUE;
        }
    }
  return FALSE;
}

static int
compare_left (gconstpointer a, gconstpointer b)
{
  const Polyline *x = a, *y = b;

  return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

guint
pl_chain_layout_crossings (const PlChainLayout *layout)
{
  guint n = layout->edges->len, crossings = 0;
  Polyline *lines = flatten_all (layout);

  /* Sorted by their left ends, each polyline meets only those starting before it ends. */
  qsort (lines, n, sizeof (Polyline), compare_left);
  for (guint i = 0; i < n; i++)
    {
      const PlChainEdge *a = &g_array_index (layout->edges, PlChainEdge, lines[i].edge);

      for (guint j = i + 1; j < n && lines[j].x0 <= lines[i].x1; j++)
        {
          const PlChainEdge *b = &g_array_index (layout->edges, PlChainEdge, lines[j].edge);

          if (a->from == b->from || a->from == b->to || a->to == b->from || a->to == b->to)
            continue;
          if (lines[j].y0 > lines[i].y1 || lines[j].y1 < lines[i].y0)
            continue;
          crossings += polylines_meet (&lines[i], &lines[j]);
        }
    }
  free_all (lines, n);
  return crossings;
}

/* Whether segment ab has a point strictly inside the box: the part of it within the closed
 * box (Liang and Barsky's clipping) has its middle inside unless it runs along a side. */
static gboolean
segment_enters_box (const PlChainPoint *a, const PlChainPoint *b, double x0, double y0, double x1, double y1)
{
  double t0 = 0, t1 = 1;
  double dx = b->x - a->x, dy = b->y - a->y;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a->x - x0, x1 - a->x, a->y - y0, y1 - a->y };
  double mx, my;

  for (int k = 0; k < 4; k++)
    {
      if (p[k] == 0)
        {
          if (q[k] < 0)
            return FALSE;
          continue;
        }
      {
        double t = q[k] / p[k];
        if (p[k] < 0)
          t0 = MAX (t0, t);
        else
          t1 = MIN (t1, t);
      }
      if (t0 > t1)
        return FALSE;
    }
  mx = a->x + dx * (t0 + t1) / 2;
  my = a->y + dy * (t0 + t1) / 2;
  /* A hair inside, so that an end on a box's side is not "in" it. */
  return mx > x0 + 1e-6 && mx < x1 - 1e-6 && my > y0 + 1e-6 && my < y1 - 1e-6;
}

guint
pl_chain_layout_links_under_boxes (const PlChainLayout *layout)
{
  guint n = layout->edges->len, under = 0;
  Polyline *lines = flatten_all (layout);

  for (guint e = 0; e < n; e++)
    {
      const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);
      const Polyline *line = &lines[e];
      gboolean found = FALSE;

      for (guint v = 0; v < layout->nodes->len && !found; v++)
        {
          const PlChainNode *node = &g_array_index (layout->nodes, PlChainNode, v);
          double x1 = node->x + layout->box_w, y1 = node->y + layout->box_h;

          if (v == edge->from || v == edge->to)
            continue;
          if (x1 <= line->x0 || node->x >= line->x1 || y1 <= line->y0 || node->y >= line->y1)
            continue;
          for (guint i = 0; i + 1 < line->points->len && !found; i++)
            found = segment_enters_box (&g_array_index (line->points, PlChainPoint, i),
                                        &g_array_index (line->points, PlChainPoint, i + 1), node->x, node->y, x1, y1);
        }
      under += found;
    }
  free_all (lines, n);
  return under;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-formula"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-error.h"
#include "pl-formula.h"
#include "pl-plan.h"

/* The formula compiles to postfix code: short, no tree to free, and evaluation is a loop. */
typedef enum { OP_NUMBER, OP_KPI, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_NEG } OpCode;

typedef struct {
  OpCode op;
  double number;
  guint  ref;    /* index into refs */
} Op;

struct _PlFormula {
  GArray    *code;
  GPtrArray *refs;
};

typedef struct {
  const char *text;
  const char *p;
  PlFormula  *formula;
  GError    **error;
  guint       depth;
} Parser;

static gboolean parse_sum (Parser *parser);

static void
skip_space (Parser *parser)
{
  while (g_ascii_isspace (*parser->p))
    parser->p++;
}

static gboolean
fail (Parser *parser, const char *message)
{
  g_set_error (parser->error, PL_ERROR, PL_ERROR_FORMULA,
               /* Translators: %s explains the error, %d is a character position */
               _("%s at character %d of the formula"), message,
               (int) g_utf8_pointer_to_offset (parser->text, parser->p) + 1);
  return FALSE;
}

static void
emit (Parser *parser, OpCode op, double number, guint ref)
{
  Op code = { op, number, ref };

  g_array_append_val (parser->formula->code, code);
}

static gboolean
is_id_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '.' || c == '-';
}

static gboolean
parse_atom (Parser *parser)
{
  skip_space (parser);
  if (*parser->p == '(')
    {
      if (++parser->depth > 64)
        return fail (parser, _("Too many nested parentheses"));
      parser->p++;
      if (!parse_sum (parser))
        return FALSE;
      skip_space (parser);
      if (*parser->p != ')')
        return fail (parser, _("A closing parenthesis is missing"));
      parser->p++;
      parser->depth--;
      return TRUE;
    }
  if (*parser->p == '-')
    {
      if (++parser->depth > 64)
        return fail (parser, _("Too many nested signs"));
      parser->p++;
      if (!parse_atom (parser))
        return FALSE;
      parser->depth--;
      emit (parser, OP_NEG, 0, 0);
      return TRUE;
    }
  if (g_ascii_isdigit (*parser->p) || (*parser->p == '.' && g_ascii_isdigit (parser->p[1])))
    {
      char *end;
      double value = g_ascii_strtod (parser->p, &end);

      if (!isfinite (value))
        return fail (parser, _("The number is too large"));
      parser->p = end;
      emit (parser, OP_NUMBER, value, 0);
      return TRUE;
    }
  if (g_ascii_isalpha (*parser->p) || *parser->p == '_')
    {
      const char *start = parser->p;
      g_autofree char *id = NULL;
      guint index;

      /* '-' belongs to IDs ("kpi-leads"); subtraction needs spaces around it. */
      while (is_id_char (*parser->p))
        parser->p++;
      id = g_strndup (start, parser->p - start);
      for (index = 0; index < parser->formula->refs->len - 1; index++)
        if (strcmp (g_ptr_array_index (parser->formula->refs, index), id) == 0)
          break;
      if (index == parser->formula->refs->len - 1)
        g_ptr_array_insert (parser->formula->refs, index, g_steal_pointer (&id));
      emit (parser, OP_KPI, 0, index);
      return TRUE;
    }
  if (*parser->p == '\0')
    return fail (parser, _("The formula ends too early"));
  return fail (parser, _("Unexpected character"));
}

static gboolean
parse_product (Parser *parser)
{
  if (!parse_atom (parser))
    return FALSE;
  for (;;)
    {
      char c;

      skip_space (parser);
      c = *parser->p;
      if (c != '*' && c != '/')
        return TRUE;
      parser->p++;
      if (!parse_atom (parser))
        return FALSE;
      emit (parser, c == '*' ? OP_MUL : OP_DIV, 0, 0);
    }
}

static gboolean
parse_sum (Parser *parser)
{
  if (!parse_product (parser))
    return FALSE;
  for (;;)
    {
      char c;

      skip_space (parser);
      c = *parser->p;
      if (c != '+' && c != '-')
        return TRUE;
      parser->p++;
      if (!parse_product (parser))
        return FALSE;
      emit (parser, c == '+' ? OP_ADD : OP_SUB, 0, 0);
    }
}

PlFormula *
pl_formula_parse (const char *text, GError **error)
{
  g_autoptr(PlFormula) formula = g_new0 (PlFormula, 1);
  Parser parser = { text, text, formula, error, 0 };

  formula->code = g_array_new (FALSE, FALSE, sizeof (Op));
  formula->refs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (formula->refs, NULL); /* keeps the array NULL-terminated */
  if (!parse_sum (&parser))
    return NULL;
  skip_space (&parser);
  if (*parser.p != '\0')
    {
      fail (&parser, _("Unexpected character"));
      return NULL;
    }
  return g_steal_pointer (&formula);
}

void
pl_formula_free (PlFormula *formula)
{
  if (formula == NULL)
    return;
  g_array_unref (formula->code);
  g_ptr_array_unref (formula->refs);
  g_free (formula);
}

const char * const *
pl_formula_get_references (const PlFormula *formula)
{
  return (const char * const *) formula->refs->pdata;
}

double
pl_formula_evaluate (const PlFormula *formula, PlFormulaLookup lookup, gpointer user_data)
{
  double stack[256];
  guint top = 0;

  for (guint i = 0; i < formula->code->len; i++)
    {
      const Op *op = &g_array_index (formula->code, Op, i);
      double a, b;

      switch (op->op)
        {
        case OP_NUMBER:
        case OP_KPI:
          if (top == G_N_ELEMENTS (stack))
            return NAN;
          stack[top++] = op->op == OP_NUMBER ? op->number
                                             : lookup (g_ptr_array_index (formula->refs, op->ref), user_data);
          continue;
        case OP_NEG:
          stack[top - 1] = -stack[top - 1];
          continue;
        default:
          break;
        }
      b = stack[--top];
      a = stack[top - 1];
      switch (op->op)
        {
        case OP_ADD: a = a + b; break;
        case OP_SUB: a = a - b; break;
        case OP_MUL: a = a * b; break;
        case OP_DIV: a = b == 0 ? NAN : a / b; break;
        default: g_assert_not_reached ();
        }
      stack[top - 1] = isfinite (a) ? a : NAN;
    }
  return top == 1 ? stack[0] : NAN;
}

/* ---- formula loops ---- */

/* The KPIs of a plan as a graph: node i is the i-th KPI, an edge i → j says that i's formula
 * names j. Edges of node i are edges[offsets[i]] .. edges[offsets[i + 1] - 1]. */
typedef struct {
  guint       n;
  PlItem    **kpis;     /* borrowed: the plan holds them */
  guint      *offsets;
  GArray     *edges;    /* guint */
  guint      *component; /* Tarjan's strongly connected component of each node */
  gboolean   *looping;  /* indexed by component */
} Graph;

static void
graph_clear (Graph *graph)
{
  g_free (graph->kpis);
  g_free (graph->offsets);
  if (graph->edges != NULL)
    g_array_unref (graph->edges);
  g_free (graph->component);
  g_free (graph->looping);
}

static void
graph_build (Graph *graph, PlPlan *plan, PlKpi *kpi, const char *formula)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  graph->n = g_list_model_get_n_items (kpis);
  graph->kpis = g_new0 (PlItem *, graph->n);
  graph->offsets = g_new0 (guint, graph->n + 1);
  graph->edges = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < graph->n; i++)
    {
      g_autoptr(PlItem) item = g_list_model_get_item (kpis, i);

      graph->kpis[i] = item;
      if (pl_item_get_id (item) != NULL)
        g_hash_table_insert (index, (gpointer) pl_item_get_id (item), GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < graph->n; i++)
    {
      const char *text = graph->kpis[i] == PL_ITEM (kpi) ? formula
                                                         : pl_item_get_string (graph->kpis[i], PL_KPI_FORMULA);
      g_autoptr(PlFormula) parsed = NULL;

      graph->offsets[i] = graph->edges->len;
      /* A formula that does not read names nothing yet: validation says so on its own. */
      if (text == NULL || (parsed = pl_formula_parse (text, NULL)) == NULL)
        continue;
      for (const char * const *ref = pl_formula_get_references (parsed); *ref != NULL; ref++)
        {
          guint target = GPOINTER_TO_UINT (g_hash_table_lookup (index, *ref));

          if (target > 0)
            {
              target--;
              g_array_append_val (graph->edges, target);
            }
        }
    }
  graph->offsets[graph->n] = graph->edges->len;
}

/* Tarjan's algorithm, iterative so that a long chain of formulas cannot overflow the stack:
 * every node and edge is visited once. A component loops when it has two nodes or more, or
 * one node whose formula names itself. */
static void
graph_find_components (Graph *graph)
{
  guint n = graph->n, next_index = 1, n_components = 0;
  g_autofree guint *order = g_new0 (guint, n);  /* 0: not visited yet */
  g_autofree guint *low = g_new0 (guint, n);
  g_autofree gboolean *on_stack = g_new0 (gboolean, n);
  g_autofree guint *stack = g_new (guint, n + 1);
  g_autofree guint *calls = g_new (guint, n + 1);  /* the depth-first path */
  g_autofree guint *position = g_new (guint, n + 1); /* the next edge of each node on it */
  guint top = 0, depth = 0;
  const guint *edges = (const guint *) graph->edges->data;

  graph->component = g_new0 (guint, n);
  graph->looping = g_new0 (gboolean, n);
  for (guint root = 0; root < n; root++)
    {
      if (order[root] != 0)
        continue;
      calls[depth] = root;
      position[depth++] = graph->offsets[root];
      order[root] = low[root] = next_index++;
      stack[top++] = root;
      on_stack[root] = TRUE;
      while (depth > 0)
        {
          guint node = calls[depth - 1];

          if (position[depth - 1] < graph->offsets[node + 1])
            {
              guint child = edges[position[depth - 1]++];

              if (order[child] == 0)
                {
                  calls[depth] = child;
                  position[depth++] = graph->offsets[child];
                  order[child] = low[child] = next_index++;
                  stack[top++] = child;
                  on_stack[child] = TRUE;
                }
              else if (on_stack[child])
                low[node] = MIN (low[node], order[child]);
              continue;
            }
          depth--;
          if (depth > 0)
            low[calls[depth - 1]] = MIN (low[calls[depth - 1]], low[node]);
          if (low[node] == order[node])
            {
              guint size = 0, member;

              do
                {
                  member = stack[--top];
                  on_stack[member] = FALSE;
                  graph->component[member] = n_components;
                  size++;
                }
              while (member != node);
              if (size > 1)
                graph->looping[n_components] = TRUE;
              else
                for (guint e = graph->offsets[node]; e < graph->offsets[node + 1]; e++)
                  if (edges[e] == node)
                    graph->looping[n_components] = TRUE;
              n_components++;
            }
        }
    }
}

GHashTable *
pl_formula_find_loops (PlPlan *plan)
{
  GHashTable *loops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Graph graph = { 0 };

  g_return_val_if_fail (PL_IS_PLAN (plan), loops);
  graph_build (&graph, plan, NULL, NULL);
  graph_find_components (&graph);
  for (guint i = 0; i < graph.n; i++)
    if (graph.looping[graph.component[i]] && pl_item_get_id (graph.kpis[i]) != NULL)
      g_hash_table_add (loops, g_strdup (pl_item_get_id (graph.kpis[i])));
  graph_clear (&graph);
  return loops;
}

gboolean
pl_formula_kpi_in_loop (PlPlan *plan, PlKpi *kpi)
{
  g_autoptr(GHashTable) loops = NULL;

  g_return_val_if_fail (PL_IS_PLAN (plan) && PL_IS_KPI (kpi), FALSE);
  /* A KPI without a formula cannot be in a loop: no search needed. */
  if (pl_item_get_string (PL_ITEM (kpi), PL_KPI_FORMULA) == NULL)
    return FALSE;
  loops = pl_formula_find_loops (plan);
  return g_hash_table_contains (loops, pl_item_get_id (PL_ITEM (kpi)));
}

/* The shortest way from @root back to itself, by a breadth-first search that keeps inside
 * @component (G_MAXUINT: anywhere), visiting each node and edge once; NULL when there is none.
 * @parent holds G_MAXUINT for each node it may visit; nodes it visits are left set. */
static PlItem **
shortest_loop (const Graph *graph, guint root, guint component, guint *parent, guint *queue)
{
  const guint *edges = (const guint *) graph->edges->data;
  guint head = 0, tail = 0, last = G_MAXUINT, length = 1;
  PlItem **path;

  queue[tail++] = root;
  parent[root] = root;
  while (head < tail && last == G_MAXUINT)
    {
      guint node = queue[head++];

      for (guint e = graph->offsets[node]; e < graph->offsets[node + 1] && last == G_MAXUINT; e++)
        {
          guint child = edges[e];

          if (child == root)
            last = node;
          else if ((component == G_MAXUINT || graph->component[child] == component) && parent[child] == G_MAXUINT)
            {
              parent[child] = node;
              queue[tail++] = child;
            }
        }
    }
  if (last == G_MAXUINT)
    return NULL;
  for (guint node = last; node != root; node = parent[node])
    length++;
  path = g_new0 (PlItem *, length + 1);
  for (guint node = last, i = length - 1; i > 0; node = parent[node], i--)
    path[i] = graph->kpis[node];
  path[0] = graph->kpis[root];
  return path;
}

GPtrArray *
pl_formula_list_loops (PlPlan *plan, PlKpi *kpi, const char *formula)
{
  GPtrArray *loops = g_ptr_array_new_with_free_func (g_free);
  Graph graph = { 0 };
  g_autofree gboolean *done = NULL;
  g_autofree guint *parent = NULL;
  g_autofree guint *queue = NULL;

  g_return_val_if_fail (PL_IS_PLAN (plan), loops);
  graph_build (&graph, plan, kpi, formula);
  graph_find_components (&graph);
  done = g_new0 (gboolean, graph.n);
  parent = g_new (guint, graph.n);
  queue = g_new (guint, graph.n);
  /* Unvisited; each search stays inside its own component, so one reset is enough. */
  for (guint i = 0; i < graph.n; i++)
    parent[i] = G_MAXUINT;
  /* Each loop once, from its first KPI in plan order. */
  for (guint root = 0; root < graph.n; root++)
    {
      guint component = graph.component[root];
      PlItem **path;

      if (!graph.looping[component] || done[component])
        continue;
      done[component] = TRUE;
      path = shortest_loop (&graph, root, component, parent, queue);
      g_assert (path != NULL);
      g_ptr_array_add (loops, path);
    }
  graph_clear (&graph);
  return loops;
}

PlItem **
pl_formula_loop_through (PlPlan *plan, PlKpi *kpi, const char *formula)
{
  Graph graph = { 0 };
  g_autofree guint *parent = NULL;
  g_autofree guint *queue = NULL;
  PlItem **path = NULL;

  g_return_val_if_fail (PL_IS_PLAN (plan) && PL_IS_KPI (kpi), NULL);
  graph_build (&graph, plan, kpi, formula);
  parent = g_new (guint, graph.n);
  queue = g_new (guint, graph.n);
  for (guint i = 0; i < graph.n; i++)
    parent[i] = G_MAXUINT;
  for (guint i = 0; i < graph.n && path == NULL; i++)
    if (graph.kpis[i] == PL_ITEM (kpi))
      path = shortest_loop (&graph, i, G_MAXUINT, parent, queue);
  graph_clear (&graph);
  return path;
}

GHashTable *
pl_formula_cache_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) pl_formula_free);
}

PlFormula *
pl_formula_cache_get (GHashTable *cache, PlKpi *kpi)
{
  PlFormula *formula;

  if (g_hash_table_lookup_extended (cache, kpi, NULL, (gpointer *) &formula))
    return formula;
  formula = pl_formula_parse (pl_item_get_string (PL_ITEM (kpi), PL_KPI_FORMULA), NULL);
  g_hash_table_insert (cache, kpi, formula);
  return formula;
}

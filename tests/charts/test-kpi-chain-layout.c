/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chain's layout on its own: where the boxes go, how the links run, and the two counts
 * the issue judges it by (crossings, links under boxes), on the example plan, the 300-KPI
 * chain, hand-made chains and broken ones. Each run leaves layout-example.png and
 * layout-300.png (boxes and routes only) in the build folder to look at. */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "pl-kpi-chain-layout.h"
#include "pl-records.h"
#include "pl-test-chain-plan.h"
#include "pl-test-charts.h"

/* dot's layout of the example has one crossing: no more (this layout has none today). */
#define EXAMPLE_MAX_CROSSINGS 1
/* What the 300-KPI chain counted when this test was written: a regression fails. */
#define CHAIN_300_MAX_CROSSINGS 2409

static guint
node_index (const PlChainLayout *layout, const char *id)
{
  for (guint i = 0; i < layout->nodes->len; i++)
    if (g_strcmp0 (pl_item_get_id (g_array_index (layout->nodes, PlChainNode, i).kpi), id) == 0)
      return i;
  g_assert_not_reached ();
}

static const PlChainNode *
node_of (const PlChainLayout *layout, const char *id)
{
  return &g_array_index (layout->nodes, PlChainNode, node_index (layout, id));
}

/* Draws the boxes and the routes, with the names, into @name in the build folder. */
static void
draw_layout (const PlChainLayout *layout, const char *name)
{
  double margin = 20, scale = 1.5;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ((layout->width + 2 * margin) * scale),
                                                         (int) ((layout->height + 2 * margin) * scale));
  cairo_t *cr = cairo_create (surface);
  PangoLayout *text = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 7");
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".", name, NULL);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, margin, margin);
  pango_layout_set_font_description (text, font);
  pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (text, (int) ((layout->box_w - 8) * PANGO_SCALE));
  cairo_set_line_width (cr, 1);
  for (guint e = 0; e < layout->edges->len; e++)
    {
      const GArray *route = g_array_index (layout->edges, PlChainEdge, e).route;

      cairo_move_to (cr, g_array_index (route, PlChainPoint, 0).x, g_array_index (route, PlChainPoint, 0).y);
      for (guint i = 1; i + 2 < route->len; i += 3)
        cairo_curve_to (cr, g_array_index (route, PlChainPoint, i).x, g_array_index (route, PlChainPoint, i).y,
                        g_array_index (route, PlChainPoint, i + 1).x, g_array_index (route, PlChainPoint, i + 1).y,
                        g_array_index (route, PlChainPoint, i + 2).x, g_array_index (route, PlChainPoint, i + 2).y);
      cairo_set_source_rgb (cr, 0.35, 0.45, 0.7);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const PlChainNode *node = &g_array_index (layout->nodes, PlChainNode, i);

      cairo_rectangle (cr, node->x, node->y, layout->box_w, layout->box_h);
      cairo_set_source_rgba (cr, 0.93, 0.95, 1, 0.85);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.3);
      cairo_stroke (cr);
      pango_layout_set_text (text, pl_item_get_string (node->kpi, PL_KPI_NAME), -1);
      cairo_move_to (cr, node->x + 4, node->y + 4);
      pango_cairo_show_layout (cr, text);
    }
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  pango_font_description_free (font);
  g_object_unref (text);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* What every layout must hold: no two boxes overlap or come nearer than the row gap in a
 * layer, every box lies in the extent, and every route runs from its upstream box's right
 * side to its downstream box's left side in whole Bézier pieces. */
static void
check_shape (const PlChainLayout *layout)
{
  g_assert_cmpfloat (layout->box_w, ==, PL_CHAIN_BOX_W);
  g_assert_cmpfloat (layout->box_h, ==, PL_CHAIN_BOX_H);
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const PlChainNode *a = &g_array_index (layout->nodes, PlChainNode, i);

      g_assert_cmpfloat (a->x, >=, 0);
      g_assert_cmpfloat (a->y, >=, 0);
      g_assert_cmpfloat (a->x + layout->box_w, <=, layout->width + 1e-9);
      g_assert_cmpfloat (a->y + layout->box_h, <=, layout->height + 1e-9);
      g_assert_cmpuint (a->column, <, layout->n_columns);
      g_assert_cmpuint (a->row, <, layout->max_rows);
      for (guint j = i + 1; j < layout->nodes->len; j++)
        {
          const PlChainNode *b = &g_array_index (layout->nodes, PlChainNode, j);
          gboolean apart = a->x + layout->box_w <= b->x || b->x + layout->box_w <= a->x
                           || a->y + layout->box_h + PL_CHAIN_ROW_GAP <= b->y + 1e-9
                           || b->y + layout->box_h + PL_CHAIN_ROW_GAP <= a->y + 1e-9;
          g_assert_true (apart);
        }
    }
  for (guint e = 0; e < layout->edges->len; e++)
    {
      const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);
      const PlChainNode *from = &g_array_index (layout->nodes, PlChainNode, edge->from);
      const PlChainNode *to = &g_array_index (layout->nodes, PlChainNode, edge->to);
      const PlChainPoint *start, *end;

      g_assert_cmpuint (edge->route->len, >=, 4);
      g_assert_cmpuint ((edge->route->len - 1) % 3, ==, 0);
      start = &g_array_index (edge->route, PlChainPoint, 0);
      end = &g_array_index (edge->route, PlChainPoint, edge->route->len - 1);
      g_assert_cmpfloat (fabs (start->x - (from->x + layout->box_w)), <, 1e-9);
      g_assert_cmpfloat (start->y, >, from->y);
      g_assert_cmpfloat (start->y, <, from->y + layout->box_h);
      g_assert_cmpfloat (fabs (end->x - to->x), <, 1e-9);
      g_assert_cmpfloat (end->y, >, to->y);
      g_assert_cmpfloat (end->y, <, to->y + layout->box_h);
      /* Leaving and entering horizontally. */
      g_assert_cmpfloat (fabs (g_array_index (edge->route, PlChainPoint, 1).y - start->y), <, 1e-9);
      g_assert_cmpfloat (fabs (g_array_index (edge->route, PlChainPoint, edge->route->len - 2).y - end->y), <, 1e-9);
    }
}

static void
test_example (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);
  const char *funnel[] = { "kpi-spend", "kpi-visitors", "kpi-leads", "kpi-mql", "kpi-sql", "kpi-new-customers" };
  guint ltv = node_of (layout, "kpi-ltv")->column;
  guint crossings = pl_chain_layout_crossings (layout);

  draw_layout (layout, "layout-example.png");
  g_test_message ("example: %u crossings, %u links under boxes, %u layers, %u rows, %.0f x %.0f", crossings,
                  pl_chain_layout_links_under_boxes (layout), layout->n_columns, layout->max_rows, layout->width,
                  layout->height);
  g_assert_cmpuint (layout->nodes->len, ==, 19);
  g_assert_cmpuint (layout->edges->len, ==, 25);
  check_shape (layout);
  g_assert_cmpuint (crossings, <=, EXAMPLE_MAX_CROSSINGS);
  g_assert_cmpuint (pl_chain_layout_links_under_boxes (layout), ==, 0);
  /* The funnel on one line, left to right. */
  for (guint i = 1; i < G_N_ELEMENTS (funnel); i++)
    {
      g_assert_cmpfloat (node_of (layout, funnel[i])->y, ==, node_of (layout, funnel[0])->y);
      g_assert_cmpuint (node_of (layout, funnel[i])->column, ==, node_of (layout, funnel[i - 1])->column + 1);
    }
  /* Inputs beside what they feed. */
  g_assert_cmpuint (node_of (layout, "kpi-churn")->column, ==, ltv - 1);
  g_assert_cmpuint (node_of (layout, "kpi-margin")->column, ==, ltv - 1);
  g_assert_cmpuint (node_of (layout, "kpi-arpu")->column, ==, ltv - 1);
  g_assert_cmpuint (node_of (layout, "kpi-spend")->column, ==, 0);
  g_assert_cmpuint (node_of (layout, "kpi-ltv-cac")->column, ==, layout->n_columns - 1);
}

static void
test_300 (void)
{
  g_autoptr(PlPlan) plan = pl_test_chain_plan_new ();
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);
  guint crossings = pl_chain_layout_crossings (layout);

  draw_layout (layout, "layout-300.png");
  g_test_message ("300 KPIs: %u crossings, %u layers, %u rows", crossings, layout->n_columns, layout->max_rows);
  check_shape (layout);
  g_assert_cmpuint (layout->n_columns, ==, 10);
  g_assert_cmpuint (pl_chain_layout_links_under_boxes (layout), ==, 0);
  g_assert_cmpuint (crossings, <=, CHAIN_300_MAX_CROSSINGS);
}

/* A plan of KPIs k0..k(n-1) and links given as pairs of KPI numbers (-1: a KPI that is not
 * in the plan). */
static PlPlan *
make_plan (guint n, const int *links, guint n_links)
{
  PlPlan *plan = pl_plan_new ();
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint k = 0; k < n; k++)
    {
      PlItem *kpi = g_object_new (PL_TYPE_KPI, NULL);
      g_autofree char *id = g_strdup_printf ("k%u", k);

      pl_item_set_id (kpi, id);
      pl_item_set_string (kpi, PL_KPI_NAME, id);
      g_ptr_array_add (kpis, kpi);
    }
  for (guint i = 0; i < n_links; i++)
    {
      PlItem *link = g_object_new (PL_TYPE_KPI_LINK, NULL);
      g_autofree char *id = g_strdup_printf ("l%u", i);
      g_autofree char *up = links[2 * i] < 0 ? g_strdup ("gone") : g_strdup_printf ("k%d", links[2 * i]);
      g_autofree char *down = links[2 * i + 1] < 0 ? g_strdup ("gone") : g_strdup_printf ("k%d", links[2 * i + 1]);

      pl_item_set_id (link, id);
      pl_item_set_string (link, PL_KPI_LINK_UPSTREAM, up);
      pl_item_set_string (link, PL_KPI_LINK_DOWNSTREAM, down);
      g_ptr_array_add (items, link);
    }
  pl_plan_append_loaded (plan, PL_COLLECTION_KPIS, kpis);
  pl_plan_append_loaded (plan, PL_COLLECTION_KPI_LINKS, items);
  return plan;
}

static void
test_empty (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);

  g_assert_cmpuint (layout->nodes->len, ==, 0);
  g_assert_cmpuint (layout->edges->len, ==, 0);
  g_assert_cmpuint (pl_chain_layout_crossings (layout), ==, 0);
  g_assert_cmpuint (pl_chain_layout_links_under_boxes (layout), ==, 0);
}

/* Links that loop (a cycle of three and one of two), a KPI linked to itself, links to a KPI
 * that is gone and one link written eleven times: laid out without hanging, the loops drawn
 * back over the top. */
static void
test_broken_links (void)
{
  const int links[] = { 0, 1, 1, 2, 2, 3, 3, 1, 4, 5, 5, 4, 2, 2, 0, -1, -1, 3, 3, 6,
                        0, 7, 0, 7, 0, 7, 0, 7, 0, 7, 0, 7, 0, 7, 0, 7, 0, 7, 0, 7, 0, 7 };
  g_autoptr(PlPlan) plan = make_plan (8, links, G_N_ELEMENTS (links) / 2);
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);

  draw_layout (layout, "layout-broken.png");
  /* The self-link and the two links to a missing KPI are not drawn. */
  g_assert_cmpuint (layout->edges->len, ==, 18);
  check_shape (layout);
  g_assert_cmpuint (pl_chain_layout_links_under_boxes (layout), ==, 0);
  (void) pl_chain_layout_crossings (layout);
}

/* Two KPIs each feeding the same two: in two layers one crossing cannot be avoided, and the
 * count must see it. */
static void
test_unavoidable_crossing (void)
{
  const int links[] = { 0, 2, 0, 3, 1, 2, 1, 3 };
  g_autoptr(PlPlan) plan = make_plan (4, links, G_N_ELEMENTS (links) / 2);
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);

  check_shape (layout);
  g_assert_cmpuint (layout->n_columns, ==, 2);
  g_assert_cmpuint (pl_chain_layout_crossings (layout), ==, 1);
  g_assert_cmpuint (pl_chain_layout_links_under_boxes (layout), ==, 0);
}

/* A link drawn straight through a third box is one link under a box; moved above it, none. */
static void
test_link_under_box (void)
{
  const int links[] = { 0, 2 };
  g_autoptr(PlPlan) plan = make_plan (3, links, 1);
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);
  PlChainNode *middle = &g_array_index (layout->nodes, PlChainNode, 1);
  PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, 0);
  const PlChainPoint *start = &g_array_index (edge->route, PlChainPoint, 0);

  g_assert_cmpuint (pl_chain_layout_links_under_boxes (layout), ==, 0);
  middle->x = start->x + 10;
  middle->y = start->y - layout->box_h / 2;
  g_assert_cmpuint (pl_chain_layout_links_under_boxes (layout), ==, 1);
  middle->y = start->y + 1;
  g_assert_cmpuint (pl_chain_layout_links_under_boxes (layout), ==, 0);
}

/* The flattened route stays within the tolerance of the curve and keeps its ends. */
static void
test_flatten (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);

  for (guint e = 0; e < layout->edges->len; e++)
    {
      const GArray *route = g_array_index (layout->edges, PlChainEdge, e).route;
      g_autoptr(GArray) coarse = pl_chain_layout_flatten (layout, e, 2.0);
      g_autoptr(GArray) fine = pl_chain_layout_flatten (layout, e, 0.05);

      g_assert_cmpuint (coarse->len, >=, 2);
      g_assert_cmpuint (fine->len, >=, coarse->len);
      g_assert_cmpfloat (g_array_index (fine, PlChainPoint, 0).x, ==, g_array_index (route, PlChainPoint, 0).x);
      g_assert_cmpfloat (g_array_index (fine, PlChainPoint, fine->len - 1).y, ==,
                         g_array_index (route, PlChainPoint, route->len - 1).y);
    }
}

/* A deep chain with a link from its first KPI to every other: many long links, each drawn
 * without crossing another or running under a box. */
static void
test_deep (void)
{
  guint n = 120, k = 0;
  g_autofree int *links = g_new (int, 4 * n);

  for (guint i = 0; i + 1 < n; i++)
    {
      links[k++] = (int) i;
      links[k++] = (int) i + 1;
      if (i > 1)
        {
          links[k++] = 0;
          links[k++] = (int) i;
        }
    }
  {
    g_autoptr(PlPlan) plan = make_plan (n, links, k / 2);
    g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);

    check_shape (layout);
    g_assert_cmpuint (layout->n_columns, ==, n);
    g_assert_cmpuint (pl_chain_layout_crossings (layout), ==, 0);
    g_assert_cmpuint (pl_chain_layout_links_under_boxes (layout), ==, 0);
  }
}

/* Random chains (fixed seeds), with loops, duplicates, self-links, missing KPIs and KPIs
 * outside the chain: every one laid out with boxes apart, routes attached to their boxes and
 * no link under a box. */
static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (22);

  for (guint round = 0; round < 300; round++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 30);
      guint n_links = (guint) g_rand_int_range (rand, 0, 2 * (gint32) n + 1);
      g_autofree int *links = g_new (int, 2 * n_links + 2);
      g_autoptr(PlPlan) plan = NULL;
      g_autoptr(PlChainLayout) layout = NULL;

      for (guint i = 0; i < 2 * n_links; i++)
        links[i] = g_rand_int_range (rand, 0, 50) == 0 ? -1 : g_rand_int_range (rand, 0, (gint32) n);
      /* Mostly forward, as chains are, with some links back. */
      for (guint i = 0; i < n_links; i++)
        if (links[2 * i] > links[2 * i + 1] && g_rand_int_range (rand, 0, 8) > 0)
          {
            int t = links[2 * i];
            links[2 * i] = links[2 * i + 1];
            links[2 * i + 1] = t;
          }
      plan = make_plan (n, links, n_links);
      layout = pl_chain_layout_new (plan);
      check_shape (layout);
      g_assert_cmpuint (pl_chain_layout_links_under_boxes (layout), ==, 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kpi-chain-layout/example", test_example);
  g_test_add_func ("/kpi-chain-layout/300", test_300);
  g_test_add_func ("/kpi-chain-layout/empty", test_empty);
  g_test_add_func ("/kpi-chain-layout/broken-links", test_broken_links);
  g_test_add_func ("/kpi-chain-layout/unavoidable-crossing", test_unavoidable_crossing);
  g_test_add_func ("/kpi-chain-layout/link-under-box", test_link_under_box);
  g_test_add_func ("/kpi-chain-layout/flatten", test_flatten);
  g_test_add_func ("/kpi-chain-layout/deep", test_deep);
  g_test_add_func ("/kpi-chain-layout/random", test_random);
  return g_test_run ();
}

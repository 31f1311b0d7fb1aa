/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The KPI chain chart drawn into image surfaces: where the nodes are, which colours they
 * carry, what the summary says; and the layout of a 300-KPI chain. */
#include <glib.h>
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "pl-chart-draw.h"
#include "pl-enums.h"
#include "pl-kpi-chain-chart.h"
#include "pl-plan-file.h"
#include "pl-test-charts.h"
#include "pl-records.h"
#include "pl-test-chain-plan.h"

#define WIDTH  1600
#define HEIGHT 1000

static guint
node_index (const PlChainLayout *layout, const char *id)
{
  for (guint i = 0; i < layout->nodes->len; i++)
    if (g_strcmp0 (pl_item_get_id (g_array_index (layout->nodes, PlChainNode, i).kpi), id) == 0)
      return i;
  g_assert_not_reached ();
  return 0;
}

static void
pixel (cairo_surface_t *surface, double x, double y, double rgb[3])
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 argb = *(guint32 *) (data + (int) y * stride + (int) x * 4);

  rgb[0] = ((argb >> 16) & 0xff) / 255.0;
  rgb[1] = ((argb >> 8) & 0xff) / 255.0;
  rgb[2] = (argb & 0xff) / 255.0;
}

static void
assert_color (double rgb[3], const PlColor *expected)
{
  g_assert_cmpfloat_with_epsilon (rgb[0], expected->r, 0.02);
  g_assert_cmpfloat_with_epsilon (rgb[1], expected->g, 0.02);
  g_assert_cmpfloat_with_epsilon (rgb[2], expected->b, 0.02);
}

static void
save_png (cairo_surface_t *surface, const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("chart: %s", path);
}

static void
test_example (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  const PlChartStyle *style = pl_chart_style_light ();
  PlKpiChainOptions options = { 0, -1 };
  g_autofree char *summary = NULL;
  double x, y, w, h, rgb[3];

  /* Along every link the chain moves right. */
  for (guint e = 0; e < layout->edges->len; e++)
    {
      const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);
      g_assert_cmpuint (g_array_index (layout->nodes, PlChainNode, edge->from).column, <,
                        g_array_index (layout->nodes, PlChainNode, edge->to).column);
    }
  g_assert_cmpuint (g_array_index (layout->nodes, PlChainNode, node_index (layout, "kpi-spend")).column, ==, 0);
  g_assert_cmpuint (g_array_index (layout->nodes, PlChainNode, node_index (layout, "kpi-ltv-cac")).column, ==,
                    layout->n_columns - 1);
  g_test_message ("example: %u crossings", pl_chain_layout_crossings (layout));
  g_assert_cmpuint (pl_chain_layout_crossings (layout), <=, 3);

  summary = pl_kpi_chain_chart_draw (plan, layout, &options, cr, WIDTH, HEIGHT, style);
  cairo_surface_flush (surface);
  save_png (surface, "kpi-chain-example.png");
  g_test_message ("%s", summary);
  g_assert_true (g_str_has_prefix (summary, "The KPI chain has 19 KPIs and 25 links. In June 2027:"));

  /* Nodes never overlap, and each column's nodes stack downwards. */
  for (guint i = 0; i < layout->nodes->len; i++)
    for (guint j = i + 1; j < layout->nodes->len; j++)
      {
        double x2, y2, w2, h2;
        pl_kpi_chain_chart_node_rect (layout, i, WIDTH, HEIGHT, &x, &y, &w, &h);
        pl_kpi_chain_chart_node_rect (layout, j, WIDTH, HEIGHT, &x2, &y2, &w2, &h2);
        g_assert_true (x + w <= x2 || x2 + w2 <= x || y + h <= y2 || y2 + h2 <= y);
      }

  /* The status bar of each node has the colour of its status. */
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      PlItem *kpi = g_array_index (layout->nodes, PlChainNode, i).kpi;
      PlKpiStatus status = pl_kpi_status (plan, kpi, pl_plan_month_start (plan, 5));
      const PlColor *expected = status == PL_KPI_STATUS_GOOD ? &style->good
                                : status == PL_KPI_STATUS_CLOSE ? &style->warning
                                : status == PL_KPI_STATUS_OFF ? &style->bad : &style->no_data;

      pl_kpi_chain_chart_node_rect (layout, i, WIDTH, HEIGHT, &x, &y, &w, &h);
      pixel (surface, x + 1.5, y + h / 2, rgb);
      assert_color (rgb, expected);
    }
  /* Spend in June was 134,838 against 150,500 planned: lower is better, so on target. */
  g_assert_cmpint (pl_kpi_status (plan, pl_plan_lookup (plan, "kpi-spend"), pl_plan_month_start (plan, 5)), ==,
                   PL_KPI_STATUS_GOOD);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_dark (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1100, 700);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *summary = pl_kpi_chain_chart_draw (plan, layout, NULL, cr, 1100, 700, pl_chart_style_dark ());
  double rgb[3];

  cairo_surface_flush (surface);
  save_png (surface, "kpi-chain-example-dark.png");
  pixel (surface, 2, 2, rgb);
  assert_color (rgb, &pl_chart_style_dark ()->background);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* At twice the pixels (HiDPI): the same chart in device pixels, status bars and edges where
 * the 1x chart has them. */
static void
test_hidpi (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 2 * WIDTH, 2 * HEIGHT);
  cairo_t *cr;
  const PlChartStyle *style = pl_chart_style_light ();
  g_autofree char *summary = NULL;
  gboolean edge_seen = FALSE;
  double rgb[3];

  cairo_surface_set_device_scale (surface, 2, 2);
  cr = cairo_create (surface);
  summary = pl_kpi_chain_chart_draw (plan, layout, NULL, cr, WIDTH, HEIGHT, style);
  cairo_surface_flush (surface);
  save_png (surface, "kpi-chain-example-2x.png");
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      PlKpiStatus status = pl_kpi_status (plan, g_array_index (layout->nodes, PlChainNode, i).kpi,
                                          pl_plan_month_start (plan, 5));
      double x, y, w, h;

      pl_kpi_chain_chart_node_rect (layout, i, WIDTH, HEIGHT, &x, &y, &w, &h);
      pixel (surface, 2 * (x + 1.5), 2 * (y + h / 2), rgb);
      assert_color (rgb, status == PL_KPI_STATUS_GOOD ? &style->good
                         : status == PL_KPI_STATUS_CLOSE ? &style->warning
                         : status == PL_KPI_STATUS_OFF ? &style->bad : &style->no_data);
    }
  /* A level edge between neighbouring columns is drawn through the middle of the gap. */
  for (guint e = 0; e < layout->edges->len && !edge_seen; e++)
    {
      const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);
      double x0, y0, w0, h0, x1, y1, w1, h1;

      pl_kpi_chain_chart_node_rect (layout, edge->from, WIDTH, HEIGHT, &x0, &y0, &w0, &h0);
      pl_kpi_chain_chart_node_rect (layout, edge->to, WIDTH, HEIGHT, &x1, &y1, &w1, &h1);
      if (fabs ((y0 + h0 / 2) - (y1 + h1 / 2)) > 0.01 || x1 - (x0 + w0) > 60)
        continue;
      pixel (surface, x0 + w0 + x1, y0 + h0 + y0, rgb);
      edge_seen = rgb[0] < style->background.r - 0.05;
    }
  g_assert_true (edge_seen);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The most contrast against @background of the pixels from (@x, @y0) down to (@x, @y1): a
 * line drawn there, whatever its anti-aliasing. */
static double
strongest_contrast (cairo_surface_t *surface, double x, double y0, double y1, const PlColor *background)
{
  double best = 1;

  for (double y = floor (y0); y <= y1; y++)
    {
      double rgb[3];
      PlColor color;

      pixel (surface, x, y, rgb);
      color = (PlColor) { rgb[0], rgb[1], rgb[2] };
      best = MAX (best, pl_color_contrast (&color, background));
    }
  return best;
}

/* Under the high-contrast styles the links and the nodes' borders stand 3:1 from the
 * background (the usual faded grey would not). */
static void
test_high_contrast (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);

  for (int inverse = 0; inverse < 2; inverse++)
    {
      const PlChartStyle *style = pl_chart_style_high_contrast (inverse);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *summary = pl_kpi_chain_chart_draw (plan, layout, NULL, cr, WIDTH, HEIGHT, style);
      guint edges_seen = 0;

      cairo_surface_flush (surface);
      save_png (surface, inverse ? "kpi-chain-example-hc-inverse.png" : "kpi-chain-example-hc.png");
      for (guint e = 0; e < layout->edges->len; e++)
        {
          const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);
          double x0, y0, w0, h0, x1, y1, w1, h1;

          pl_kpi_chain_chart_node_rect (layout, edge->from, WIDTH, HEIGHT, &x0, &y0, &w0, &h0);
          pl_kpi_chain_chart_node_rect (layout, edge->to, WIDTH, HEIGHT, &x1, &y1, &w1, &h1);
          if (fabs ((y0 + h0 / 2) - (y1 + h1 / 2)) > 0.01 ||
              g_array_index (layout->nodes, PlChainNode, edge->to).column !=
              g_array_index (layout->nodes, PlChainNode, edge->from).column + 1)
            continue;
          /* A quarter of the way: the conversion rate sits in the middle. */
          g_assert_cmpfloat (strongest_contrast (surface, x0 + w0 + (x1 - x0 - w0) / 4, y0 + h0 / 2 - 3,
                                                 y0 + h0 / 2 + 3, &style->background), >=, 3);
          edges_seen++;
        }
      g_assert_cmpuint (edges_seen, >, 0);
      for (guint i = 0; i < layout->nodes->len; i++)
        {
          double x, y, w, h;

          pl_kpi_chain_chart_node_rect (layout, i, WIDTH, HEIGHT, &x, &y, &w, &h);
          g_assert_cmpfloat (strongest_contrast (surface, x + w / 2, y - 2, y + 2, &style->background), >=, 3);
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* 300 KPIs in a chain of 10 stages of 30, each fed by two of the stage before (an expander:
 * every ordering crosses a lot; simulated annealing finds no fewer than about 2,380). */
static void
test_300 (void)
{
  g_autoptr(PlPlan) plan = pl_test_chain_plan_new ();
  g_autoptr(PlChainLayout) layout = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  const PlChartStyle *style = pl_chart_style_light ();
  g_autofree char *summary = NULL;
  gint64 start = g_get_monotonic_time ();
  double elapsed_ms, rgb[3];
  guint crossings;

  layout = pl_chain_layout_new (plan);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_cmpuint (layout->n_columns, ==, 10);
  g_assert_cmpuint (layout->max_rows, ==, 30);
  crossings = pl_chain_layout_crossings (layout);
  g_test_message ("300 KPIs: %u crossings, laid out in %.2f ms", crossings, elapsed_ms);
  /* The plain barycentre sweeps left 2,436. */
  g_assert_cmpuint (crossings, <=, 2425);

  summary = pl_kpi_chain_chart_draw (plan, layout, NULL, cr, WIDTH, HEIGHT, style);
  g_test_message ("%s", summary);
  g_assert_true (g_str_has_prefix (summary, "The KPI chain has 300 KPIs and 540 links."));
  cairo_surface_flush (surface);
  save_png (surface, "kpi-chain-300.png");

  /* Node positions by layer: stage k/30 is column k/30, left to right; rows stack downwards
   * in their column, inside the area, and every node shows its status colour. */
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const PlChainNode *node = &g_array_index (layout->nodes, PlChainNode, i);
      PlItem *kpi = node->kpi;
      guint k = (guint) g_ascii_strtoull (pl_item_get_id (kpi) + 1, NULL, 10);
      PlKpiStatus status = pl_kpi_status (plan, kpi, pl_plan_month_start (plan, 5));
      double x, y, w, h;

      g_assert_cmpuint (node->column, ==, k / 30);
      pl_kpi_chain_chart_node_rect (layout, i, WIDTH, HEIGHT, &x, &y, &w, &h);
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (y, >=, 0);
      g_assert_cmpfloat (x + w, <=, WIDTH);
      g_assert_cmpfloat (y + h, <=, HEIGHT);
      g_assert_cmpfloat (x, >=, node->column * (WIDTH / 10.0) - 1);
      g_assert_cmpfloat (x + w, <=, (node->column + 1) * (WIDTH / 10.0) + 1);
      g_assert_cmpfloat (y, >=, node->row * (HEIGHT - 32.0) / 30);
      pixel (surface, x + 1.5, y + h / 2, rgb);
      assert_color (rgb, status == PL_KPI_STATUS_GOOD ? &style->good
                         : status == PL_KPI_STATUS_CLOSE ? &style->warning
                         : status == PL_KPI_STATUS_OFF ? &style->bad : &style->no_data);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A chain that can be drawn without a crossing (each KPI fed by the one beside it and the one
 * below, like regional metrics rolling up), its KPIs written in a scrambled order: the
 * ordering must find (almost) the plane drawing. */
static void
test_untangle (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PlChainLayout) layout = NULL;
  guint n_links = 0;

  for (guint s = 0; s < 6; s++)
    for (guint j = 0; j < 20; j++)
      {
        guint i = (j * 7) % 20;   /* the scrambled plan order */
        PlItem *kpi = g_object_new (PL_TYPE_KPI, NULL);
        g_autofree char *id = g_strdup_printf ("s%u-%02u", s, i);

        pl_item_set_id (kpi, id);
        pl_item_set_string (kpi, PL_KPI_NAME, id);
        g_ptr_array_add (kpis, kpi);
        for (guint d = 0; s > 0 && d < 2 && i + d < 20; d++)
          {
            PlItem *link = g_object_new (PL_TYPE_KPI_LINK, NULL);
            g_autofree char *link_id = g_strdup_printf ("l%u", n_links++);
            g_autofree char *up = g_strdup_printf ("s%u-%02u", s - 1, i + d);

            pl_item_set_id (link, link_id);
            pl_item_set_string (link, PL_KPI_LINK_UPSTREAM, up);
            pl_item_set_string (link, PL_KPI_LINK_DOWNSTREAM, id);
            g_ptr_array_add (links, link);
          }
      }
  pl_plan_append_loaded (plan, PL_COLLECTION_KPIS, kpis);
  pl_plan_append_loaded (plan, PL_COLLECTION_KPI_LINKS, links);
  layout = pl_chain_layout_new (plan);
  g_test_message ("untangle: %u crossings", pl_chain_layout_crossings (layout));
  g_assert_cmpuint (pl_chain_layout_crossings (layout), <=, 2);
}


/* Draws the chain of @plan at @width x @height into a PNG named @name; returns how its text
 * was laid out. */
static void
draw_at (PlPlan *plan, const PlChainLayout *layout, double width, double height, const char *name, PlKpiChainText *text)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *summary = pl_kpi_chain_chart_draw (plan, layout, NULL, cr, width, height, pl_chart_style_light ());

  cairo_surface_flush (surface);
  save_png (surface, name);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  pl_kpi_chain_chart_text (plan, layout, NULL, width, height, pl_chart_style_light (), text);
  g_test_message ("%s at %.0fx%.0f: %s, text %.1f px, %u names, whole %d", name, width, height,
                  text->compact ? "compact" : "full", text->text_px, text->names_shown, text->names_whole);
}

/* At its natural size (zoom 1) every box is in full form, every name whole at one size. */
static void
test_text_natural (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);
  PlKpiChainText text;
  double width, height;

  pl_kpi_chain_chart_natural_size (layout, &width, &height);
  draw_at (plan, layout, width, height, "kpi-chain-natural.png", &text);
  g_assert_false (text.compact);
  g_assert_cmpfloat (text.text_px, >=, 11);
  g_assert_cmpfloat (text.text_px, <=, PL_KPI_CHAIN_TEXT_MAX);
  g_assert_cmpuint (text.names_shown, ==, 19);
  g_assert_true (text.names_whole);
  g_assert_true (text.values_shown);
}

/* Fitted into the chain page of a 1366x768 window (without its side panel the view is about
 * 1150 x 590): compact boxes, every name whole on up to three lines with its value below, at
 * one readable size. */
static void
test_text_fitted (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);
  PlKpiChainText text;
  double width, height;

  pl_kpi_chain_chart_natural_size (layout, &width, &height);
  draw_at (plan, layout, 1150, MIN (height, 590), "kpi-chain-fitted.png", &text);
  g_assert_true (text.compact);
  g_assert_cmpfloat (text.text_px, >=, 10);
  g_assert_cmpuint (text.names_shown, ==, 19);
  g_assert_true (text.names_whole);
  g_assert_true (text.values_shown);
}

static void
on_label_cb (const char *text, PlChartLabel kind, gboolean cut, gpointer data)
{
  g_ptr_array_add (data, g_strdup_printf ("%c%s", kind == PL_CHART_LABEL_LEGEND ? 'L' : cut ? 'X' : 'T', text));
}

/* The labels drawn by the chain at @width x @height (paper or not), each as its kind (L: a
 * legend entry, T: a value, X: a value cut) and its text. */
static GPtrArray *
labels_of (PlPlan *plan, const PlChainLayout *layout, gboolean paper, double width, double height)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);
  PlKpiChainOptions options = { 0, -1, 0, 0, paper };

  pl_chart_set_text_hook (on_label_cb, labels);
  g_free (pl_kpi_chain_chart_draw (plan, layout, &options, cr, width, height, pl_chart_style_light ()));
  pl_chart_set_text_hook (NULL, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return labels;
}

static guint
count_with (GPtrArray *labels, const char *prefix, const char *part)
{
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);
      n += g_str_has_prefix (label, prefix) && (part == NULL || strstr (label, part) != NULL);
    }
  return n;
}

/* Compact boxes write money with its currency, as the rest of the app does; on paper each
 * value has its target beside or under it, and the key of the colours is under the chain; the
 * page's key has the same entries. */
static void
test_text_money_targets_legend (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);
  const char *currency = pl_plan_get_currency (plan);
  g_autoptr(GPtrArray) screen = labels_of (plan, layout, FALSE, 1150, 590);
  /* A landscape A4 page within the report's margins, under its title. */
  g_autoptr(GPtrArray) paper = labels_of (plan, layout, TRUE, 758, 440);
  g_autoptr(GPtrArray) key = g_ptr_array_new_with_free_func (g_free);
  const char *entries[] = { "On target", "Close to target", "Off target", "No figures or no target" };

  for (guint i = 0; i < screen->len; i++)
    g_test_message ("screen: %s", (const char *) g_ptr_array_index (screen, i));
  /* The seven money KPIs of the example, with their currency; no value cut. */
  g_assert_cmpuint (count_with (screen, "T", currency), ==, 7);
  g_assert_cmpuint (count_with (screen, "X", NULL), ==, 0);
  g_assert_cmpuint (count_with (screen, "T", "/"), ==, 0);
  for (guint i = 0; i < paper->len; i++)
    g_test_message ("paper: %s", (const char *) g_ptr_array_index (paper, i));
  g_assert_cmpuint (count_with (paper, "T", currency), >=, 7);
  g_assert_cmpuint (count_with (paper, "X", NULL), ==, 0);
  /* All but the KPIs without a target. */
  g_assert_cmpuint (count_with (paper, "T", "/"), >=, 15);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autofree char *entry = g_strconcat ("L", entries[i], NULL);

      g_assert_true (g_ptr_array_find_with_equal_func (paper, entry, g_str_equal, NULL));
      g_assert_false (g_ptr_array_find_with_equal_func (screen, entry, g_str_equal, NULL));
    }
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 40);
    cairo_t *cr = cairo_create (surface);
    double h;

    pl_chart_set_text_hook (on_label_cb, key);
    h = pl_kpi_chain_chart_legend (cr, pl_chart_style_light (), 12, 0, 0, 600);
    pl_chart_set_text_hook (NULL, NULL);
    g_assert_cmpfloat (h, ==, pl_kpi_chain_chart_legend (NULL, pl_chart_style_light (), 12, 0, 0, 600));
    g_assert_cmpfloat (h, <, 30);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  g_assert_cmpuint (key->len, ==, G_N_ELEMENTS (entries));
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_assert_cmpstr ((const char *) g_ptr_array_index (key, i) + 1, ==, entries[i]);
}

/* At any size, zoomed out step by step, names are whole or not shown at all; never cut. */
static void
test_text_never_cut (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlItem) long_name = g_object_new (PL_TYPE_KPI, NULL);
  g_autoptr(PlChainLayout) layout = NULL;
  g_autoptr(PlPlan) big = pl_test_chain_plan_new ();
  g_autoptr(PlChainLayout) big_layout = pl_chain_layout_new (big);
  double width, height;
  gboolean compact_seen = FALSE;

  pl_item_set_string (long_name, PL_KPI_NAME, "Press mentions with a name long enough to be cut short in the chain");
  pl_plan_add (plan, long_name);
  layout = pl_chain_layout_new (plan);
  pl_kpi_chain_chart_natural_size (layout, &width, &height);
  for (double zoom = 1.25; zoom > 0.2; zoom /= 1.25)
    {
      PlKpiChainText text;
      double w = width * zoom, h = zoom >= 1 ? height * zoom : MAX (height * zoom, MIN (height, 590));

      pl_kpi_chain_chart_text (plan, layout, NULL, w, h, pl_chart_style_light (), &text);
      g_test_message ("zoom %.2f: %s, text %.1f px, %u names, whole %d", zoom, text.compact ? "compact" : "full",
                      text.text_px, text.names_shown, text.names_whole);
      g_assert_true (text.names_whole);
      /* The long name alone may be left to the tooltip, never cut. */
      g_assert_true (text.names_shown == 0 || text.names_shown >= 19);
      g_assert_true (text.text_px == 0 || text.text_px >= PL_KPI_CHAIN_TEXT_MIN);
      compact_seen |= text.compact && text.names_shown > 0;
    }
  g_assert_true (compact_seen);
  /* Fitted, the long name is left out; the others stay. */
  {
    PlKpiChainText text;
    draw_at (plan, layout, 1150, MIN (height, 590), "kpi-chain-long-name.png", &text);
    g_assert_cmpuint (text.names_shown, >=, 19);
    g_assert_true (text.names_whole);
  }
  /* 300 KPIs zoomed out: no names rather than cut ones. */
  {
    PlKpiChainText text;
    draw_at (big, big_layout, 1280, 760, "kpi-chain-300-fitted.png", &text);
    g_assert_true (text.names_whole);
    g_assert_true (text.names_shown == 0 || text.names_shown == 300);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kpi-chain/example", test_example);
  g_test_add_func ("/kpi-chain/dark", test_dark);
  g_test_add_func ("/kpi-chain/hidpi", test_hidpi);
  g_test_add_func ("/kpi-chain/high-contrast", test_high_contrast);
  g_test_add_func ("/kpi-chain/300", test_300);
  g_test_add_func ("/kpi-chain/untangle", test_untangle);
  g_test_add_func ("/kpi-chain/text/natural", test_text_natural);
  g_test_add_func ("/kpi-chain/text/fitted", test_text_fitted);
  g_test_add_func ("/kpi-chain/text/never-cut", test_text_never_cut);
  g_test_add_func ("/kpi-chain/text/money-targets-legend", test_text_money_targets_legend);
  return g_test_run ();
}

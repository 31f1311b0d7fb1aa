/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-kpi-chain-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "pl-chart-draw.h"
#include "pl-enums.h"
#include "pl-figures.h"
#include "pl-kpi-chain-chart.h"
#include "pl-money.h"
#include "pl-records.h"

#define MARGIN         16.0
#define TREND_MONTHS   6
/* Layout units to pixels at zoom 1: boxes 150 pixels wide, room for the full form. */
#define NATURAL_SCALE  1.5
/* The full form (name, value against target, trend) needs boxes this big; below, compact. */
#define FULL_MIN_W     148.0
#define FULL_MIN_H     60.0
/* Squeezed below the natural size, the space between layers keeps at least this share of its
 * laid-out proportion to the boxes: a quarter of a box's width, room for the links to turn. */
#define MIN_GAP_SHARE  0.45
/* On paper, where a page must hold the chain whole, the least it gives when the names need it
 * (PAPER_LAYER_GAPS first). */
#define MIN_GAP_SHARE_PAPER 0.2
/* On paper, the space between layers is the first of these shares of a box's width at which
 * every name reads whole at the smallest size or more (0, the last resort: the least above). */
static const double PAPER_LAYER_GAPS[] = { 0.34, 0.3, 0.27, 0.25, 0.22, 0.19, 0.16, 0 };
/* The key of the status colours on paper: its text size in points, and its space above. */
#define LEGEND_PT      8.5
#define LEGEND_GAP     10.0
/* In a box: the status bar, the padding around the text, the trend of the full form. */
#define BAR_W          4.0
#define PAD            4.0
/* On paper, read closer, both narrower: the names have the room. */
#define BAR_W_PAPER    3.0
#define PAD_PAPER      3.0
/* Above and below the text, as a share of the box's height: small boxes of long chains keep
 * a line of name, tall ones a margin. */
#define PAD_V          0.07
#define TREND_W        36.0
/* Routes are flattened into segments about this long, in pixels. */
#define CURVE_STEP     20.0
#define EDGE_WIDTH     1.2
/* Below this height a node is a plain box (corners this small do not show, and boxes are
 * cairo's fastest path). */
#define ROUNDED_MIN_H 28.0

static void
set_color (cairo_t *cr, const PlColor *color, double alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, alpha);
}

static guint32
next_month (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_add_months (&date, 1);
  return g_date_get_julian (&date);
}

static guint32
previous_month (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_subtract_months (&date, 1);
  return g_date_get_julian (&date);
}

PlKpiStatus
pl_kpi_status (PlPlan *plan, PlItem *kpi, guint32 month)
{
  return pl_figures_kpi_status (plan, PL_KPI (kpi), month, next_month (month));
}

/* A value short enough for a node: €495k, 1.2M, 3.4 %, 3.4×; money with its currency, as
 * the charts' short amounts write it. */
static char *
short_value (PlPlan *plan, PlItem *kpi, double value)
{
  if (isnan (value))
    return g_strdup ("–");
  switch (pl_item_get_int (kpi, PL_KPI_UNIT))
    {
    case PL_UNIT_PERCENT:
      return pl_percent_format (value * 100, 1);
    case PL_UNIT_RATIO:
      return pl_ratio_format (value, 1);
    case PL_UNIT_DAYS:
      return g_strdup_printf (_("%.0f d"), value);
    case PL_UNIT_CURRENCY:
      /* Share-safe money never comes here: it is shown as its share of the target. */
      return pl_chart_amount (pl_chart_style_light (), plan,
                              pl_money_from_major (value, pl_plan_get_currency_exponent (plan)), 0, FALSE);
    default:
      return pl_number_short (value, FALSE);
    }
}

/* A node's second line: its latest value against its target ("495k / 520k"); share-safe,
 * money only as its share of the target ("95 % of target"). *@bright is how much of it is
 * the value, the rest is dimmed. */
static char *
value_line (PlPlan *plan, PlItem *kpi, double value, double target, const PlChartStyle *style, gsize *bright)
{
  g_autofree char *shown = NULL, *wanted = NULL;

  if (style->share_safe && pl_item_get_int (kpi, PL_KPI_UNIT) == PL_UNIT_CURRENCY)
    {
      g_autofree char *share = NULL;

      *bright = strlen ("–");
      if (isnan (value) || isnan (target) || target <= 0)
        return g_strdup ("–");
      share = pl_percent_format (100 * pl_figures_against (value, target), 0);
      *bright = strlen (share);
      /* Translators: a KPI in money as a share of its target, "95 % of target" */
      return g_strdup_printf (_("%s of target"), share);
    }
  shown = short_value (plan, kpi, value);
  wanted = short_value (plan, kpi, target);
  *bright = strlen (shown);
  /* Translators: a KPI's latest value against its target, as in "495k / 520k". */
  return g_strdup_printf (_("%s / %s"), shown, wanted);
}

static gboolean
is_funnel_stage (gint64 stage)
{
  return stage >= PL_STAGE_VISITORS && stage <= PL_STAGE_NEW_CUSTOMERS;
}

/* ---- from layout units to the area ---- */

/* A knot of the map of x: layout x @x0 goes to @px0, the map's slope there being @slope. */
typedef struct {
  double x0, px0, slope;
} Stretch;

/* How the layout maps to the area: at the natural size and above, affine; below it squeezed
 * (boxes keep their size for their names, the space between layers gives first; on paper,
 * the space between rows too): a smooth monotone map of each axis on its own (a monotone
 * cubic through the edges of the boxes), so that links keep missing the boxes and each other
 * as laid out, and bend without kinks. */
typedef struct {
  GArray  *xmap, *ymap;   /* Stretch, by x0 */
  double   box_w, box_h;  /* layout units */
  double   bw, bh;        /* the boxes in the area's units */
  double   scale;         /* the larger slope: area units per layout unit in the boxes */
  double   bar, pad;      /* the status bar's width and the padding in a box */
  gboolean inset;         /* boxes @bh high in the middle of the height mapped to them */
  gboolean affine, full;
  guint    first, end;    /* the layers drawn */
} Geometry;

/* The top-left corner of node @i's box in layout units. */
static void
node_box (const PlChainLayout *layout, guint i, double *x, double *y)
{
  const PlChainNode *node = &g_array_index (layout->nodes, PlChainNode, i);

  *x = node->x;
  *y = node->y;
}

/* Edge @e's route in layout units (@n points). */
static const PlChainPoint *
edge_route (const PlChainLayout *layout, guint e, guint *n)
{
  const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);

  *n = edge->route ? edge->route->len : 0;
  return edge->route ? (const PlChainPoint *) edge->route->data : NULL;
}

static gboolean
column_drawn (const Geometry *g, guint column)
{
  return column >= g->first && column < g->end;
}

static gboolean
edge_inside (const PlChainLayout *layout, const Geometry *g, const PlChainEdge *edge)
{
  return column_drawn (g, g_array_index (layout->nodes, PlChainNode, edge->from).column) &&
         column_drawn (g, g_array_index (layout->nodes, PlChainNode, edge->to).column);
}

/* Links with one end in the layers drawn are drawn too: they run off the edge of a printed
 * piece towards the next. */
static gboolean
edge_drawn (const PlChainLayout *layout, const Geometry *g, const PlChainEdge *edge)
{
  return column_drawn (g, g_array_index (layout->nodes, PlChainNode, edge->from).column) ||
         column_drawn (g, g_array_index (layout->nodes, PlChainNode, edge->to).column);
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
map_eval (const GArray *map, double x)
{
  const Stretch *s = &g_array_index (map, Stretch, 0);
  guint lo = 0, hi = map->len - 1;
  double h, t;

  /* Beyond the ends: straight on. */
  if (x <= s[0].x0 || hi == 0)
    return s[0].px0 + s[0].slope * (x - s[0].x0);
  if (x >= s[hi].x0)
    return s[hi].px0 + s[hi].slope * (x - s[hi].x0);
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (s[mid].x0 <= x)
        lo = mid;
      else
        hi = mid;
    }
  /* Cubic Hermite between the two knots. */
  h = s[hi].x0 - s[lo].x0;
  t = (x - s[lo].x0) / h;
  return (2 * t * t * t - 3 * t * t + 1) * s[lo].px0 + (t * t * t - 2 * t * t + t) * h * s[lo].slope +
         (-2 * t * t * t + 3 * t * t) * s[hi].px0 + (t * t * t - t * t) * h * s[hi].slope;
}

static double
map_x (const Geometry *g, double x)
{
  return map_eval (g->xmap, x);
}

static double
map_y (const Geometry *g, double y)
{
  return map_eval (g->ymap, y);
}

static void
add_stretch (GArray *stretches, double x0, double *px, double length, double slope)
{
  Stretch s = { x0, *px, slope };

  if (length <= 0)
    return;
  g_array_append_val (stretches, s);
  *px += slope * length;
}

/* The layout's extent over the layers drawn: their boxes and the routes between them. */
static void
extent (const PlChainLayout *layout, guint first, guint end, double *x0, double *y0, double *x1, double *y1)
{
  *x0 = *y0 = INFINITY;
  *x1 = *y1 = -INFINITY;
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      guint column = g_array_index (layout->nodes, PlChainNode, i).column;
      double x, y;

      if (column < first || column >= end)
        continue;
      node_box (layout, i, &x, &y);
      *x0 = MIN (*x0, x);
      *y0 = MIN (*y0, y);
      *x1 = MAX (*x1, x + layout->box_w);
      *y1 = MAX (*y1, y + layout->box_h);
    }
  for (guint e = 0; e < layout->edges->len; e++)
    {
      const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);
      guint a = g_array_index (layout->nodes, PlChainNode, edge->from).column;
      guint b = g_array_index (layout->nodes, PlChainNode, edge->to).column;
      const PlChainPoint *route;
      guint n;

      if (a < first || a >= end || b < first || b >= end)
        continue;
      route = edge_route (layout, e, &n);
      for (guint k = 0; k < n; k++)
        {
          *y0 = MIN (*y0, route[k].y);
          *y1 = MAX (*y1, route[k].y);
        }
    }
  if (!isfinite (*x0))
    *x0 = *y0 = *x1 = *y1 = 0;
}

/* The length of @from..@to that boxes of @size starting at @starts (sorted) cover. */
static double
bands_length (const GArray *starts, double size)
{
  double length = 0, band_start = 0, band_end = -INFINITY;

  for (guint i = 0; i <= starts->len; i++)
    {
      double x = i < starts->len ? g_array_index (starts, double, i) : INFINITY;
      if (x > band_end)
        {
          if (isfinite (band_end))
            length += band_end - band_start;
          band_start = x;
        }
      band_end = MAX (band_end, x + size);
    }
  return length;
}

/* The map of one axis from @from to @to, starting at @px: slope @sb over the bands boxes of
 * @size starting at @starts (sorted) cover, @sg between them; smoothed at the knots. */
static GArray *
map_new (const GArray *starts, double size, double from, double to, double px, double sb, double sg)
{
  GArray *map = g_array_new (FALSE, FALSE, sizeof (Stretch));
  double cursor = from, band_start = 0, band_end = -INFINITY;

  for (guint i = 0; i <= starts->len; i++)
    {
      double x = i < starts->len ? g_array_index (starts, double, i) : INFINITY;
      if (x > band_end)
        {
          if (isfinite (band_end))
            {
              add_stretch (map, cursor, &px, band_start - cursor, sg);
              add_stretch (map, band_start, &px, band_end - band_start, sb);
              cursor = band_end;
            }
          band_start = x;
        }
      band_end = MAX (band_end, x + size);
    }
  add_stretch (map, cursor, &px, to - cursor, sg);
  if (map->len == 0)
    add_stretch (map, from, &px, 1, sb);
  /* The last knot, at the end of the last stretch. */
  {
    const Stretch *last = &g_array_index (map, Stretch, map->len - 1);
    Stretch end = { last->x0 + (px - last->px0) / last->slope, px, last->slope };
    g_array_append_val (map, end);
  }
  /* The slopes at the knots so far are the stretches' own; the map's slope at each knot is
   * their weighted harmonic mean, which keeps it monotone (Fritsch and Butland). */
  {
    Stretch *k = &g_array_index (map, Stretch, 0);
    guint n = map->len;
    g_autofree double *secant = g_new (double, n);

    for (guint i = 0; i + 1 < n; i++)
      secant[i] = k[i].slope;
    for (guint i = 1; i + 1 < n; i++)
      {
        double h0 = k[i].x0 - k[i - 1].x0, h1 = k[i + 1].x0 - k[i].x0;
        double w1 = 2 * h1 + h0, w2 = h1 + 2 * h0;

        k[i].slope = (w1 + w2) / (w1 / secant[i - 1] + w2 / secant[i]);
      }
    if (n > 1)
      k[n - 1].slope = secant[n - 2];
  }
  return map;
}

/* The slopes of an axis @length long with @bands of it under boxes, in @avail: @sb in the
 * boxes, up to @cap; @sg between, at least @share of @sb while room allows, never more. */
static void
squeeze (double avail, double length, double bands, double cap, double share, double *sb, double *sg)
{
  double gaps = MAX (length - bands, 0);

  *sb = MAX (avail / length, MIN (cap, avail / (bands + share * gaps)));
  *sg = gaps > 0 ? MIN (*sb, (avail - *sb * bands) / gaps) : *sb;
}

/* How the layout is fitted to the area, beyond the defaults (0: the default). On paper the
 * chain is laid out in two steps: the space between layers first, a share of a box's width
 * the links need to turn in, then the boxes as tall as their text and the rows spread. */
typedef struct {
  double layer_gap;   /* the space between layers as a share of a box's width */
  double box_h;       /* the boxes' height in the area's units */
  double bottom;      /* the height kept free under the chain (its legend) */
} Fitting;

static Geometry *
geometry_fit (const PlChainLayout *layout, const PlKpiChainOptions *options, double width, double height,
              const Fitting *fit)
{
  Geometry *g = g_new0 (Geometry, 1);
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean paper = options && options->paper;
  /* On paper the page has margins of its own. */
  double margin = paper ? 0 : MARGIN;
  double x0, y0, x1, y1, lw, lh, avail_w = MAX (width - 2 * margin, 1);
  double avail_h = MAX (height - 2 * margin - (fit ? fit->bottom : 0), 1);
  double sb, sg, tb, tg, used_w, used_h, bands_x, bands_y;

  g->first = options && options->end_column > options->first_column ? options->first_column : 0;
  g->end = options && options->end_column > options->first_column ? options->end_column : G_MAXUINT;
  g->box_w = layout->box_w;
  g->box_h = layout->box_h;
  g->bar = paper ? BAR_W_PAPER : BAR_W;
  g->pad = paper ? PAD_PAPER : PAD;
  extent (layout, g->first, g->end, &x0, &y0, &x1, &y1);
  lw = MAX (x1 - x0, 1);
  lh = MAX (y1 - y0, 1);
  for (guint i = 0; i < layout->nodes->len; i++)
    if (column_drawn (g, g_array_index (layout->nodes, PlChainNode, i).column))
      {
        double x, y;
        node_box (layout, i, &x, &y);
        g_array_append_val (xs, x);
        g_array_append_val (ys, y);
      }
  g_array_sort (xs, compare_double);
  g_array_sort (ys, compare_double);
  bands_x = bands_length (xs, g->box_w);
  bands_y = bands_length (ys, g->box_h);
  g->full = g->box_w * avail_w / lw >= FULL_MIN_W && g->box_h * avail_h / lh >= FULL_MIN_H;
  if (g->full)
    {
      sb = sg = avail_w / lw;
      tb = tg = avail_h / lh;
    }
  else
    {
      double share = paper ? MIN_GAP_SHARE_PAPER : MIN_GAP_SHARE;

      /* The space between layers as a share of a box's width, in the layout's proportions. */
      if (fit && fit->layer_gap > 0)
        share = fit->layer_gap * g->box_w / PL_CHAIN_LAYER_GAP;
      /* Boxes as wide as the space between layers lets them, up to the full form's width, and
       * no taller than at the natural size. */
      squeeze (avail_w, lw, bands_x, FULL_MIN_W / g->box_w, share, &sb, &sg);
      if (paper)
        squeeze (avail_h, lh, bands_y, NATURAL_SCALE, MIN_GAP_SHARE_PAPER, &tb, &tg);
      else
        tb = tg = MIN (avail_h / lh, NATURAL_SCALE);
      /* Boxes as tall as their text, each in the middle of the height the layout gives it:
       * the rows spread over the page, the links still clear of the boxes. */
      g->inset = fit && fit->box_h > 0 && fit->box_h < tb * g->box_h;
    }
  used_w = sb * bands_x + sg * (lw - bands_x);
  used_h = tb * bands_y + tg * (lh - bands_y);
  /* What the chain does not fill: around it. */
  g->xmap = map_new (xs, g->box_w, x0, x1, margin + MAX (avail_w - used_w, 0) / 2, sb, sg);
  g->ymap = map_new (ys, g->box_h, y0, y1, margin + MAX (avail_h - used_h, 0) / 2, tb, tg);
  g->affine = sb == sg && tb == tg;
  g->bw = g->box_w * sb;
  g->bh = g->inset ? fit->box_h : g->box_h * tb;
  g->scale = MAX (sb, tb);
  return g;
}

static Geometry *
geometry_new (const PlChainLayout *layout, const PlKpiChainOptions *options, double width, double height)
{
  return geometry_fit (layout, options, width, height, NULL);
}

static void
geometry_free (Geometry *g)
{
  g_array_unref (g->xmap);
  g_array_unref (g->ymap);
  g_free (g);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Geometry, geometry_free)

typedef struct {
  double x, y, w, h;
} Rect;

static void
geometry_rect (const Geometry *g, const PlChainLayout *layout, guint i, Rect *r)
{
  double x, y;

  node_box (layout, i, &x, &y);
  r->x = map_x (g, x);
  r->w = map_x (g, x + g->box_w) - r->x;
  r->y = map_y (g, y);
  r->h = map_y (g, y + g->box_h) - r->y;
  if (g->inset && r->h > g->bh)
    {
      r->y += (r->h - g->bh) / 2;
      r->h = g->bh;
    }
}

void
pl_kpi_chain_chart_node_rect (const PlChainLayout *layout, guint index, double width, double height,
                              double *x, double *y, double *w, double *h)
{
  g_autoptr(Geometry) g = geometry_new (layout, NULL, width, height);
  Rect r;

  geometry_rect (g, layout, index, &r);
  *x = r.x;
  *y = r.y;
  *w = r.w;
  *h = r.h;
}

void
pl_kpi_chain_chart_natural_size (const PlChainLayout *layout, double *width, double *height)
{
  double x0, y0, x1, y1;

  extent (layout, 0, G_MAXUINT, &x0, &y0, &x1, &y1);
  *width = MAX (x1 - x0, 1) * NATURAL_SCALE + 2 * MARGIN;
  *height = MAX (y1 - y0, 1) * NATURAL_SCALE + 2 * MARGIN;
}

static void
append_point (GArray *points, const Geometry *g, double x, double y)
{
  PlChainPoint p = { map_x (g, x), map_y (g, y) };

  g_array_append_val (points, p);
}

/* Edge @e's route mapped to the area as a polyline (into @points, emptied first): each
 * Bézier piece flattened into segments a few pixels long, their ends mapped. */
static void
edge_polyline (const PlChainLayout *layout, const Geometry *g, guint e, GArray *points)
{
  guint n;
  const PlChainPoint *route = edge_route (layout, e, &n);
  double scale = g->scale;

  g_array_set_size (points, 0);
  if (n == 0)
    return;
  append_point (points, g, route[0].x, route[0].y);
  for (guint k = 0; k + 3 < n; k += 3)
    {
      const PlChainPoint *p = &route[k];
      double length = hypot (p[1].x - p[0].x, p[1].y - p[0].y) + hypot (p[2].x - p[1].x, p[2].y - p[1].y) +
                      hypot (p[3].x - p[2].x, p[3].y - p[2].y);
      /* A level piece stays a straight line under the map: one segment. */
      gboolean level = p[0].y == p[1].y && p[1].y == p[2].y && p[2].y == p[3].y;
      int steps = level ? 1 : CLAMP ((int) (length * scale / CURVE_STEP), 1, 24);

      for (int i = 1; i <= steps; i++)
        {
          double t = (double) i / steps, u = 1 - t;
          double bx = u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x;
          double by = u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y;

          append_point (points, g, bx, by);
        }
    }
}

/* The area edge @e's route can reach (its control points' hull, mapped). */
static void
edge_bounds (const PlChainLayout *layout, const Geometry *g, guint e, Rect *r)
{
  guint n;
  const PlChainPoint *route = edge_route (layout, e, &n);
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;

  for (guint k = 0; k < n; k++)
    {
      x0 = MIN (x0, route[k].x);
      x1 = MAX (x1, route[k].x);
      y0 = MIN (y0, route[k].y);
      y1 = MAX (y1, route[k].y);
    }
  r->x = map_x (g, x0);
  r->y = map_y (g, y0);
  r->w = map_x (g, x1) - r->x;
  r->h = map_y (g, y1) - r->y;
}
static void
draw_trend (cairo_t *cr, PlPlan *plan, PlItem *kpi, guint32 month, double x, double y, double w, double h,
            const PlColor *color)
{
  double values[TREND_MONTHS];
  double low = INFINITY, high = -INFINITY;
  guint32 start = month;
  int n = 0;

  for (int i = 0; i < TREND_MONTHS - 1; i++)
    start = previous_month (start);
  for (int i = 0; i < TREND_MONTHS; i++, start = next_month (start))
    {
      values[i] = pl_figures_kpi_value (plan, PL_KPI (kpi), start, next_month (start));
      if (!isnan (values[i]))
        {
          low = MIN (low, values[i]);
          high = MAX (high, values[i]);
          n++;
        }
    }
  if (n < 2)
    return;
  cairo_save (cr);
  cairo_set_line_width (cr, 1.5);
  set_color (cr, color, 0.9);
  cairo_new_path (cr);
  for (int i = 0; i < TREND_MONTHS; i++)
    if (!isnan (values[i]))
      {
        double px = x + w * i / (TREND_MONTHS - 1);
        double py = high > low ? y + h - h * (values[i] - low) / (high - low) : y + h / 2;
        cairo_line_to (cr, px, py);
      }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
rounded_rect (cairo_t *cr, const Rect *r)
{
  double radius = MIN (6, r->h / 3);

  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->w - radius, r->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, r->x + r->w - radius, r->y + r->h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r->x + radius, r->y + r->h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static gboolean
visible (const Rect *r, const Rect *clip)
{
  return r->x + r->w >= clip->x && r->x <= clip->x + clip->w && r->y + r->h >= clip->y && r->y <= clip->y + clip->h;
}

/* The funnel conversion rate along @edge, or NaN: only between two funnel stages in funnel
 * order (customers on the books are a stock, not a stage new customers convert into). */
static double
edge_rate (const PlChainLayout *layout, const PlChainEdge *edge, const double *values)
{
  PlItem *from = g_array_index (layout->nodes, PlChainNode, edge->from).kpi;
  PlItem *to = g_array_index (layout->nodes, PlChainNode, edge->to).kpi;
  gint64 a = pl_item_get_int (from, PL_KPI_STAGE), b = pl_item_get_int (to, PL_KPI_STAGE);

  if (!is_funnel_stage (a) || !is_funnel_stage (b) || a >= b)
    return NAN;
  if (isnan (values[edge->from]) || isnan (values[edge->to]) || values[edge->from] <= 0)
    return NAN;
  return values[edge->to] / values[edge->from];
}

/* ---- edges rasterised into a mask ----
 * At hundreds of edges, cairo's stroker takes most of a frame (each stroke is tessellated
 * and composited on its own, crossings defeat its fast paths). On an image surface under a
 * plain scale-and-translate transform, the edges are instead drawn with exact column-by-column
 * coverage into an A8 mask at device resolution, and the mask composited once. Vector
 * targets (print, PDF, SVG, recordings) keep real strokes. */

typedef struct {
  guint8 *data;
  int     stride, width, height;
  double  x0, y0;     /* the device position of the mask's pixel (0, 0) */
  double  scale;      /* device pixels per unit of device space */
  guint8 *touched;    /* per mask column: whether an edge crossed it */
} EdgeMask;

static inline void
mask_cover (EdgeMask *mask, int x, int y, double coverage)
{
  guint8 *p;
  int value;

  if (x < 0 || y < 0 || x >= mask->width || y >= mask->height || coverage <= 0)
    return;
  p = mask->data + y * mask->stride + x;
  mask->touched[x] = 1;
  value = (int) (MIN (coverage, 1) * 255 + 0.5);
  /* The maximum, not the sum: crossings and the joints of a flattened curve do not darken. */
  if (value > *p)
    *p = (guint8) value;
}

/* A segment of @thickness mask pixels from (ax, ay) to (bx, by), in mask pixels: along its
 * major axis, each pixel column (or row) gets the share of it the segment's cross-section
 * covers. */
static void
mask_segment (EdgeMask *mask, double ax, double ay, double bx, double by, double thickness)
{
  gboolean steep = fabs (by - ay) > fabs (bx - ax);
  double gradient, half;
  int start, stop;

  if (steep)
    {
      double t;
      t = ax; ax = ay; ay = t;
      t = bx; bx = by; by = t;
    }
  if (ax > bx)
    {
      double t;
      t = ax; ax = bx; bx = t;
      t = ay; ay = by; by = t;
    }
  gradient = bx - ax > 1e-9 ? (by - ay) / (bx - ax) : 0;
  half = thickness * sqrt (1 + gradient * gradient) / 2;
  start = (int) floor (ax);
  stop = (int) ceil (bx);
  for (int i = start; i < stop; i++)
    {
      /* Columns at the segment's ends are covered whole: the next segment of the polyline
       * shares them, and partial ends would dot the line at every joint. */
      double along = 1;
      double centre = ay + gradient * (i + 0.5 - ax);
      double top = centre - half, bottom = centre + half;

      for (int j = (int) floor (top); j < (int) ceil (bottom); j++)
        {
          double cover = (MIN (bottom, j + 1.0) - MAX (top, (double) j)) * along;
          if (steep)
            mask_cover (mask, j, i, cover);
          else
            mask_cover (mask, i, j, cover);
        }
    }
}

/* Whether the edges can be drawn through a mask on @cr, and the mask if so. */
static gboolean
edge_mask_begin (cairo_t *cr, EdgeMask *mask, cairo_surface_t **surface)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_matrix_t matrix;
  double sx, sy, x1, y1, x2, y2;

  cairo_get_matrix (cr, &matrix);
  cairo_surface_get_device_scale (target, &sx, &sy);
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE || matrix.xy != 0 || matrix.yx != 0 ||
      matrix.xx <= 0 || matrix.xx != matrix.yy || sx != sy)
    return FALSE;
  /* The mask covers the area being painted, in device space. */
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  cairo_restore (cr);
  mask->scale = sx;
  mask->x0 = floor (x1);
  mask->y0 = floor (y1);
  mask->width = (int) ceil ((ceil (x2) - mask->x0) * sx);
  mask->height = (int) ceil ((ceil (y2) - mask->y0) * sy);
  if (mask->width <= 0 || mask->height <= 0)
    return FALSE;
  *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, mask->width, mask->height);
  if (cairo_surface_status (*surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (*surface);
      return FALSE;
    }
  cairo_surface_flush (*surface);
  mask->data = cairo_image_surface_get_data (*surface);
  mask->stride = cairo_image_surface_get_stride (*surface);
  mask->touched = g_new0 (guint8, mask->width);
  return TRUE;
}

static void
edge_mask_end (cairo_t *cr, EdgeMask *mask, cairo_surface_t *surface)
{
  cairo_surface_mark_dirty (surface);
  cairo_surface_set_device_scale (surface, mask->scale, mask->scale);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  /* Composited only over the runs of columns the edges crossed (mostly the gaps between
   * columns of nodes): a third of the chart or less. */
  for (int x = 0; x < mask->width;)
    {
      int start;

      for (; x < mask->width && !mask->touched[x]; x++)
        ;
      for (start = x; x < mask->width && mask->touched[x]; x++)
        ;
      if (x > start)
        cairo_rectangle (cr, mask->x0 + start / mask->scale, mask->y0, (x - start) / mask->scale,
                         mask->height / mask->scale);
    }
  cairo_clip (cr);
  cairo_mask_surface (cr, surface, mask->x0, mask->y0);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
  g_free (mask->touched);
}

static int
compare_edge_columns (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const PlChainLayout *layout = user_data;
  const PlChainEdge *x = &g_array_index (layout->edges, PlChainEdge, *(const guint *) a);
  const PlChainEdge *y = &g_array_index (layout->edges, PlChainEdge, *(const guint *) b);
  guint xf = g_array_index (layout->nodes, PlChainNode, x->from).column;
  guint yf = g_array_index (layout->nodes, PlChainNode, y->from).column;
  guint xt = g_array_index (layout->nodes, PlChainNode, x->to).column;
  guint yt = g_array_index (layout->nodes, PlChainNode, y->to).column;

  if (xf != yf)
    return xf < yf ? -1 : 1;
  return xt < yt ? -1 : xt > yt;
}

/* ---- the boxes' text: one size for the whole chain, names whole ---- */

typedef struct {
  PangoLayout *name;
  PangoLayout *value;
  /* Every name on a line of its own, unwrapped: shaped once for the whole chain, each name that
   * fits on one line is measured and drawn from it (at 300 KPIs, most of the text's time). */
  PangoLayout *all;
  GPtrArray   *lines;       /* the lines of @all, a node each */
  gboolean    *hidden;      /* per node: its name does not fit even at the smallest size */
  double       shaped_px;   /* the size @all is laid out at */
  gboolean     compact;
  gboolean     with_value;  /* the value under the name (compact boxes too low drop it) */
  gboolean     targets;     /* compact on paper: the value against its target, on two lines
                             * when one does not hold both */
  double       px;          /* 0: no names */
  double       text_w;      /* the width names wrap in */
  double       bar, pad;    /* the geometry's status bar and padding */
  int          max_lines;
} BoxText;

static PangoLayout *
box_layout (cairo_t *cr, const PlChartStyle *style, gboolean bold)
{
  PangoLayout *text = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font);
  PangoAttrList *no_hyphens = pango_attr_list_new ();

  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (text, font);
  pango_font_description_free (font);
  /* Names wrap between words, never inside one, and are never cut short. */
  pango_layout_set_wrap (text, PANGO_WRAP_WORD);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_NONE);
  pango_attr_list_insert (no_hyphens, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (text, no_hyphens);
  pango_attr_list_unref (no_hyphens);
  return text;
}

/* Whether @text, laid out, holds its words whole: not ellipsized, every line within its
 * width and every line after the first starting after a space or a hyphen of the text. */
static gboolean
laid_out_whole (PangoLayout *text)
{
  const char *str = pango_layout_get_text (text);
  int width = pango_layout_get_width (text);
  int n = pango_layout_get_line_count (text);

  if (pango_layout_is_ellipsized (text))
    return FALSE;
  for (int i = 0; i < n; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (text, i);
      PangoRectangle logical;

      pango_layout_line_get_extents (line, NULL, &logical);
      if (width > 0 && logical.width > width)
        return FALSE;
      if (i > 0 && line->start_index > 0)
        {
          gunichar before = g_utf8_get_char (g_utf8_prev_char (str + line->start_index));
          if (!g_unichar_isspace (before) && before != '-' && before != '/')
            return FALSE;
        }
    }
  return TRUE;
}

static double
line_height (PangoLayout *text)
{
  int h;

  pango_layout_set_width (text, -1);
  pango_layout_set_text (text, "0", -1);
  pango_layout_get_pixel_size (text, NULL, &h);
  return h;
}

static const char *
kpi_name (const PlChainLayout *layout, guint i)
{
  const char *name = pl_item_get_string (g_array_index (layout->nodes, PlChainNode, i).kpi, PL_KPI_NAME);

  return name ? name : "";
}

/* The line of @all that holds node @i's name, when it fits on one line; else NULL. */
static PangoLayoutLine *
single_line (BoxText *t, guint i)
{
  PangoLayoutLine *line = i < t->lines->len ? g_ptr_array_index (t->lines, i) : NULL;
  PangoRectangle logical;

  if (line == NULL)
    return NULL;
  pango_layout_line_get_extents (line, NULL, &logical);
  return logical.width <= t->text_w * PANGO_SCALE ? line : NULL;
}

/* Sets the text size of the boxes, and when @shape, lays out every name at it. */
static void
set_size (BoxText *t, double px, gboolean shape)
{
  PangoLayoutIter *iter;

  pl_chart_text_set_size (t->name, px);
  pl_chart_text_set_size (t->value, px);
  if (!shape || px == t->shaped_px)
    return;
  t->shaped_px = px;
  pl_chart_text_set_size (t->all, px);
  g_ptr_array_set_size (t->lines, 0);
  iter = pango_layout_get_iter (t->all);
  do
    g_ptr_array_add (t->lines, pango_layout_iter_get_line_readonly (iter));
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* The height the value takes under the name at the size set. */
static double
value_height (BoxText *t)
{
  return t->with_value ? (t->targets ? 2 : 1) * line_height (t->value) : 0;
}

/* The height a name has in a box at @px (what the value leaves), or 0 when not a line. */
static double
name_room (BoxText *t, const Geometry *g, double px)
{
  double room;

  set_size (t, px, FALSE);
  room = g->bh - 2 * MIN (g->pad, PAD_V * g->bh) - value_height (t);
  return room >= line_height (t->name) ? room : 0;
}

/* Whether node @i's name fits whole in its box, @room high, at the size set. */
static gboolean
name_fits (BoxText *t, const PlChainLayout *layout, guint i, double room)
{
  int h;

  if (single_line (t, i) != NULL)
    return TRUE;
  pango_layout_set_text (t->name, kpi_name (layout, i), -1);
  pango_layout_get_pixel_size (t->name, NULL, &h);
  return pango_layout_get_line_count (t->name) <= t->max_lines && h <= room && laid_out_whole (t->name);
}

static gboolean
name_shown (BoxText *t, const PlChainLayout *layout, const Geometry *g, guint i)
{
  return column_drawn (g, g_array_index (layout->nodes, PlChainNode, i).column) && !t->hidden[i];
}

/* Whether every name shown of the layers drawn fits whole in its box at @px. */
static gboolean
names_fit (BoxText *t, const PlChainLayout *layout, const Geometry *g, double px)
{
  double room = name_room (t, g, px);

  if (room == 0)
    return FALSE;
  set_size (t, px, TRUE);
  pango_layout_set_width (t->name, (int) (t->text_w * PANGO_SCALE));
  for (guint i = 0; i < layout->nodes->len; i++)
    if (name_shown (t, layout, g, i) && !name_fits (t, layout, i, room))
      return FALSE;
  return TRUE;
}

/* The largest size within bounds at which every name shown fits, or 0. */
static double
choose_size (BoxText *t, const PlChainLayout *layout, const Geometry *g)
{
  double lo = PL_KPI_CHAIN_TEXT_MIN, hi = PL_KPI_CHAIN_TEXT_MAX;

  if (name_room (t, g, lo) == 0)
    return 0;
  /* First the largest size a line fits in the box's height (no shaping needed). */
  if (name_room (t, g, hi) == 0)
    {
      double low = lo;
      while (hi - low > 0.25)
        {
          double mid = (low + hi) / 2;
          if (name_room (t, g, mid) > 0)
            low = mid;
          else
            hi = mid;
        }
      hi = low;
    }
  if (names_fit (t, layout, g, hi))
    return hi;
  if (!names_fit (t, layout, g, lo))
    return 0;
  /* Half a pixel is as fine as text sizes need to be. */
  while (hi - lo > 0.5)
    {
      double mid = (lo + hi) / 2;
      if (names_fit (t, layout, g, mid))
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* Chooses the one text size of the boxes: the largest within bounds at which every name is
 * whole (a compact box too low for the value under it keeps the name alone); none when even
 * the smallest does not hold them. */
static void
box_text_init (BoxText *t, cairo_t *cr, const PlChartStyle *style, const PlChainLayout *layout, const Geometry *g,
               gboolean paper)
{
  g_autoptr(GString) names = g_string_new (NULL);

  t->compact = !g->full;
  t->targets = paper && t->compact;
  t->name = box_layout (cr, style, !t->compact);
  t->value = box_layout (cr, style, FALSE);
  t->all = box_layout (cr, style, !t->compact);
  t->lines = g_ptr_array_new ();
  t->hidden = g_new0 (gboolean, MAX (layout->nodes->len, 1));
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      gsize start = names->len;

      g_string_append (names, kpi_name (layout, i));
      /* A line break inside a name would shift every name after it. */
      g_strdelimit (names->str + start, "\n\r", ' ');
      g_string_append_c (names, '\n');
    }
  pango_layout_set_width (t->all, -1);
  pango_layout_set_text (t->all, names->str, (int) names->len);
  pango_layout_set_wrap (t->value, PANGO_WRAP_WORD);
  t->max_lines = 3;
  t->bar = g->bar;
  t->pad = g->pad;
  t->text_w = g->bw - g->bar - 2 * g->pad;
  t->px = 0;
  if (t->text_w < 2 * PL_KPI_CHAIN_TEXT_MIN)
    return;
  for (int pass = 0; pass < (t->compact ? 2 : 1) && t->px == 0; pass++)
    {
      t->with_value = pass == 0;
      t->px = choose_size (t, layout, g);
    }
  /* A name too long for its box at any size is left to the tooltip, not the others with it. */
  if (t->px == 0 && name_room (t, g, PL_KPI_CHAIN_TEXT_MIN) > 0)
    {
      double room;
      guint kept = 0, drawn = 0;

      t->with_value = TRUE;
      room = name_room (t, g, PL_KPI_CHAIN_TEXT_MIN);
      set_size (t, PL_KPI_CHAIN_TEXT_MIN, TRUE);
      pango_layout_set_width (t->name, (int) (t->text_w * PANGO_SCALE));
      for (guint i = 0; room > 0 && i < layout->nodes->len; i++)
        if (name_shown (t, layout, g, i))
          {
            t->hidden[i] = !name_fits (t, layout, i, room);
            kept += !t->hidden[i];
            drawn++;
          }
      /* Most names: a few long ones hidden; all but a few: none (a chain too small to read). */
      if (room > 0 && 2 * kept > drawn)
        t->px = choose_size (t, layout, g);
      if (t->px == 0)
        memset (t->hidden, 0, layout->nodes->len * sizeof (gboolean));
    }
  if (t->px > 0)
    {
      set_size (t, t->px, TRUE);
      pango_layout_set_width (t->name, (int) (t->text_w * PANGO_SCALE));
    }
}

static void
box_text_clear (BoxText *t)
{
  g_clear_object (&t->name);
  g_clear_object (&t->value);
  g_clear_object (&t->all);
  g_clear_pointer (&t->lines, g_ptr_array_unref);
  g_clear_pointer (&t->hidden, g_free);
  t->shaped_px = 0;
}

/* Whether every name of the layers drawn is shown with its value, at a size at least the
 * smallest. */
static gboolean
every_name (const BoxText *t, const PlChainLayout *layout, const Geometry *g)
{
  if (t->px < PL_KPI_CHAIN_TEXT_MIN || !t->with_value)
    return FALSE;
  for (guint i = 0; i < layout->nodes->len; i++)
    if (column_drawn (g, g_array_index (layout->nodes, PlChainNode, i).column) && t->hidden[i])
      return FALSE;
  return TRUE;
}

/* The height the tallest box's text takes, its padding included, at the size chosen. */
static double
text_height (BoxText *t, const PlChainLayout *layout, const Geometry *g)
{
  double tallest = 0;

  for (guint i = 0; i < layout->nodes->len; i++)
    if (name_shown (t, layout, g, i))
      {
        PangoLayoutLine *single = single_line (t, i);
        PangoRectangle logical;
        int h;

        if (single != NULL)
          {
            pango_layout_line_get_pixel_extents (single, NULL, &logical);
            h = logical.height;
          }
        else
          {
            pango_layout_set_text (t->name, kpi_name (layout, i), -1);
            pango_layout_get_pixel_size (t->name, NULL, &h);
          }
        tallest = MAX (tallest, h);
      }
  return ceil (tallest + value_height (t) + 2 * g->pad);
}

/* The geometry of the chain in @width x @height, and its text (into @t, to clear). On paper,
 * in two steps: the widest space between layers at which every name still reads at the
 * smallest size or more, then the boxes only as tall as the tallest text, the rows spread
 * over the height and the chain centred, its legend under it. */
static Geometry *
geometry_with_text (cairo_t *cr, const PlChartStyle *style, const PlChainLayout *layout,
                    const PlKpiChainOptions *options, double width, double height, BoxText *t)
{
  gboolean paper = options && options->paper;
  Fitting fit = { 0, 0, paper ? LEGEND_GAP + pl_kpi_chain_chart_legend (NULL, style, LEGEND_PT, 0, 0, width) : 0 };
  Geometry *g = NULL;

  if (!paper)
    {
      g = geometry_new (layout, options, width, height);
      box_text_init (t, cr, style, layout, g, FALSE);
      return g;
    }
  for (guint k = 0; k < G_N_ELEMENTS (PAPER_LAYER_GAPS); k++)
    {
      fit.layer_gap = PAPER_LAYER_GAPS[k];
      g = geometry_fit (layout, options, width, height, &fit);
      box_text_init (t, cr, style, layout, g, TRUE);
      if (g->full || every_name (t, layout, g) || k + 1 == G_N_ELEMENTS (PAPER_LAYER_GAPS))
        break;
      box_text_clear (t);
      geometry_free (g);
    }
  if (!g->full && t->px > 0)
    {
      /* Same widths, so the names keep their lines; the boxes' height is what they take. */
      fit.box_h = text_height (t, layout, g);
      geometry_free (g);
      g = geometry_fit (layout, options, width, height, &fit);
    }
  return g;
}

void
pl_kpi_chain_chart_text (PlPlan *plan, const PlChainLayout *layout, const PlKpiChainOptions *options, double width,
                         double height, const PlChartStyle *style, PlKpiChainText *text)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  BoxText t = { 0 };
  g_autoptr(Geometry) g = geometry_with_text (cr, style, layout, options, width, height, &t);

  *text = (PlKpiChainText) { t.compact, t.px, 0, t.px > 0 && t.with_value, TRUE, g->bw, g->bh, 0,
                             t.px > 0 ? text_height (&t, layout, g) : 0, INFINITY, -INFINITY };
  /* The layers' left edges, in order (the map keeps it), for the space between them. */
  {
    g_autofree double *lefts = g_new (double, layout->n_columns + 1);

    for (guint c = 0; c < layout->n_columns; c++)
      lefts[c] = NAN;
    for (guint i = 0; i < layout->nodes->len; i++)
      {
        guint column = g_array_index (layout->nodes, PlChainNode, i).column;
        Rect r;

        if (!column_drawn (g, column))
          continue;
        geometry_rect (g, layout, i, &r);
        lefts[column] = r.x;
        text->top = MIN (text->top, r.y);
        text->bottom = MAX (text->bottom, r.y + r.h);
      }
    for (guint c = 0; c + 1 < layout->n_columns; c++)
      if (!isnan (lefts[c]) && !isnan (lefts[c + 1]))
        {
          double gap = lefts[c + 1] - lefts[c] - g->bw;
          text->layer_gap = text->layer_gap > 0 ? MIN (text->layer_gap, gap) : gap;
        }
  }
  /* Each name again, as drawn: laid out at the size chosen. */
  for (guint i = 0; t.px > 0 && i < layout->nodes->len; i++)
    if (column_drawn (g, g_array_index (layout->nodes, PlChainNode, i).column))
      {
        if (t.hidden[i])
          continue;  /* left to the tooltip */
        text->names_shown++;
        if (single_line (&t, i) != NULL)
          continue;  /* on one line within its box */
        pango_layout_set_text (t.name, kpi_name (layout, i), -1);
        if (!laid_out_whole (t.name) || pango_layout_get_line_count (t.name) > t.max_lines)
          text->names_whole = FALSE;
      }
  box_text_clear (&t);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The polyline @points (in user space) into the mask. */
static void
mask_polyline (cairo_t *cr, EdgeMask *mask, const GArray *points, double line_width)
{
  double dx = line_width, dy = 0, px = 0, py = 0;

  cairo_user_to_device_distance (cr, &dx, &dy);
  for (guint k = 0; k < points->len; k++)
    {
      const PlChainPoint *p = &g_array_index (points, PlChainPoint, k);
      double x = p->x, y = p->y;

      cairo_user_to_device (cr, &x, &y);
      x = (x - mask->x0) * mask->scale;
      y = (y - mask->y0) * mask->scale;
      if (k > 0)
        mask_segment (mask, px, py, x, y, dx * mask->scale);
      px = x;
      py = y;
    }
}

static void
draw_edges (cairo_t *cr, const PlChainLayout *layout, const Geometry *g, const Rect *clip, const PlChartStyle *style)
{
  double edge_width = style->high_contrast ? 2 : EDGE_WIDTH;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (PlChainPoint));
  g_autofree guint *order = NULL;
  EdgeMask mask;
  cairo_surface_t *mask_surface = NULL;

  /* Wider under high contrast, where a 1.2-pixel line blurs into the background even at full
   * strength. */
  set_color (cr, &style->muted, pl_chart_faint (style, 0.55));
  if (edge_mask_begin (cr, &mask, &mask_surface))
    {
      for (guint e = 0; e < layout->edges->len; e++)
        {
          Rect span;

          edge_bounds (layout, g, e, &span);
          if (!edge_drawn (layout, g, &g_array_index (layout->edges, PlChainEdge, e)) || !visible (&span, clip))
            continue;
          edge_polyline (layout, g, e, points);
          mask_polyline (cr, &mask, points, edge_width);
        }
      edge_mask_end (cr, &mask, mask_surface);
      return;
    }
  /* One stroke per pair of columns: a path's cost in cairo follows the area it spans.
   * Flattened coarser than cairo's default: a tenth of a pixel is invisible on a thin line. */
  cairo_save (cr);
  cairo_set_tolerance (cr, 0.5);
  cairo_set_line_width (cr, edge_width);
  order = g_new (guint, MAX (layout->edges->len, 1));
  for (guint e = 0; e < layout->edges->len; e++)
    order[e] = e;
  g_qsort_with_data (order, layout->edges->len, sizeof (guint), compare_edge_columns, (gpointer) layout);
  for (guint k = 0; k < layout->edges->len; k++)
    {
      guint e = order[k];
      Rect span;

      edge_bounds (layout, g, e, &span);
      if (edge_drawn (layout, g, &g_array_index (layout->edges, PlChainEdge, e)) && visible (&span, clip))
        {
          if (g->affine)
            {
              /* The route's own curves, scaled: exact on paper and in SVG. */
              guint n;
              const PlChainPoint *route = edge_route (layout, e, &n);

              if (n > 0)
                cairo_move_to (cr, map_x (g, route[0].x), map_y (g, route[0].y));
              for (guint i = 1; i + 2 < n; i += 3)
                cairo_curve_to (cr, map_x (g, route[i].x), map_y (g, route[i].y), map_x (g, route[i + 1].x),
                                map_y (g, route[i + 1].y), map_x (g, route[i + 2].x), map_y (g, route[i + 2].y));
            }
          else
            {
              edge_polyline (layout, g, e, points);
              for (guint i = 0; i < points->len; i++)
                {
                  const PlChainPoint *p = &g_array_index (points, PlChainPoint, i);
                  if (i == 0)
                    cairo_move_to (cr, p->x, p->y);
                  else
                    cairo_line_to (cr, p->x, p->y);
                }
            }
        }
      if (k + 1 == layout->edges->len || compare_edge_columns (&order[k], &order[k + 1], (gpointer) layout) != 0)
        cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static gboolean
overlaps (const Rect *a, const Rect *b)
{
  return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/* Stage to stage: the conversion rate at the middle of the link, on a patch of background,
 * only where it covers no box and no other rate. */
static void
draw_rates (cairo_t *cr, const PlChainLayout *layout, const Geometry *g, const Rect *rects, const double *values,
            double px, const PlChartStyle *style)
{
  g_autoptr(PangoLayout) label = pl_chart_text_new (cr, style, px * 0.85);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (PlChainPoint));
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Rect));

  for (guint e = 0; e < layout->edges->len; e++)
    {
      const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);
      double rate = edge_rate (layout, edge, values);
      g_autofree char *text = NULL;
      const PlChainPoint *middle;
      PangoRectangle ink;
      Rect patch;
      gboolean free = TRUE;

      if (isnan (rate) || !edge_inside (layout, g, edge))
        continue;
      edge_polyline (layout, g, e, points);
      if (points->len == 0)
        continue;
      middle = &g_array_index (points, PlChainPoint, points->len / 2);
      text = pl_percent_format (100 * rate, 1);
      pango_layout_set_text (label, text, -1);
      pango_layout_get_pixel_extents (label, &ink, NULL);
      patch = (Rect) { middle->x - ink.width / 2.0 - 2, middle->y - ink.height / 2.0 - 1, ink.width + 4, ink.height + 2 };
      /* Clear of the boxes by a few pixels: the link shows on both sides of its rate. */
      {
        Rect clear = { patch.x - 6, patch.y, patch.w + 12, patch.h };
        for (guint i = 0; free && i < layout->nodes->len; i++)
          free = !column_drawn (g, g_array_index (layout->nodes, PlChainNode, i).column) || !overlaps (&clear, &rects[i]);
      }
      for (guint i = 0; free && i < placed->len; i++)
        free = !overlaps (&patch, &g_array_index (placed, Rect, i));
      if (!free)
        continue;
      g_array_append_val (placed, patch);
      set_color (cr, &style->background, 0.9);
      cairo_rectangle (cr, patch.x, patch.y, patch.w, patch.h);
      cairo_fill (cr);
      set_color (cr, &style->muted, 1);
      cairo_move_to (cr, patch.x + 2 - ink.x, patch.y + 1 - ink.y);
      pango_cairo_show_layout (cr, label);
    }
}

/* The boxes: small ones as pixel-aligned boxes, a border box under a surface box (boxes skip
 * cairo's tessellation entirely); bigger ones rounded, a fill and a stroke per column (the
 * area a path spans is what it costs). Then the selection, and the status bars. */
static void
draw_boxes (cairo_t *cr, const PlChainLayout *layout, const Geometry *g, const Rect *rects,
            const PlKpiStatus *statuses, int selected, const Rect *clip, const PlChartStyle *style)
{
  guint n = layout->nodes->len;
  double border_alpha = pl_chart_faint (style, 0.35);

#define SHOWN(i) (column_drawn (g, g_array_index (layout->nodes, PlChainNode, (i)).column) && visible (&rects[(i)], clip))
  if (g->bh < ROUNDED_MIN_H)
    {
      for (int pass = 0; pass < 2; pass++)
        {
          cairo_new_path (cr);
          for (guint i = 0; i < n; i++)
            if (SHOWN (i))
              {
                double x = round (rects[i].x), y = round (rects[i].y);
                double w = round (rects[i].x + rects[i].w) - x, h = round (rects[i].y + rects[i].h) - y;
                if (pass == 0)
                  cairo_rectangle (cr, x, y, w, h);
                else
                  cairo_rectangle (cr, x + 1, y + 1, w - 2, h - 2);
              }
          if (pass == 0)
            cairo_set_source_rgb (cr, border_alpha * style->muted.r + (1 - border_alpha) * style->surface.r,
                                  border_alpha * style->muted.g + (1 - border_alpha) * style->surface.g,
                                  border_alpha * style->muted.b + (1 - border_alpha) * style->surface.b);
          else
            set_color (cr, &style->surface, 1);
          cairo_fill (cr);
        }
    }
  else
    {
      cairo_set_line_width (cr, 1);
      for (guint c = g->first; c < MIN (g->end, layout->n_columns); c++)
        {
          cairo_new_path (cr);
          for (guint i = 0; i < n; i++)
            if (g_array_index (layout->nodes, PlChainNode, i).column == c && visible (&rects[i], clip))
              rounded_rect (cr, &rects[i]);
          set_color (cr, &style->surface, 1);
          cairo_fill_preserve (cr);
          set_color (cr, &style->muted, border_alpha);
          cairo_stroke (cr);
        }
    }
  if (selected >= 0 && (guint) selected < n && SHOWN (selected))
    {
      rounded_rect (cr, &rects[selected]);
      set_color (cr, &style->text, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  /* The status as a bar on the left edge: readable at a glance, even at 300 KPIs. */
  for (int status = 0; status <= PL_KPI_STATUS_NO_TARGET; status++)
    {
      cairo_new_path (cr);
      for (guint i = 0; i < n; i++)
        if (statuses[i] == (PlKpiStatus) status && SHOWN (i))
          {
            /* Pixel-aligned: crisp, and a box for cairo. */
            double x = round (rects[i].x), y = round (rects[i].y);
            cairo_rectangle (cr, x, y + 1, MAX (1, round (MIN (g->bar, rects[i].w / 4))),
                             round (rects[i].y + rects[i].h) - y - 2);
          }
      set_color (cr, pl_chart_status_color (style, status), 1);
      cairo_fill (cr);
    }
#undef SHOWN
}

/* A box's text: its name whole, then its value (compact) or its value against target and a
 * trend (full), the block centred in the box. */
static void
draw_box_text (cairo_t *cr, BoxText *t, PlPlan *plan, PlItem *kpi, guint index, const char *name, const Rect *r,
               double value, double target, guint32 month, PlKpiStatus status, const PlChartStyle *style)
{
  g_autofree char *line = NULL;
  gsize bright = 0;
  int name_h, value_h = 0;
  double top, x = r->x + t->bar + t->pad;
  PangoLayoutLine *single = single_line (t, index);
  PangoRectangle logical;

  /* A name too long for the box at any size: the value alone, the name in the tooltip. */
  if (t->hidden[index])
    name_h = 0;
  else if (single != NULL)
    {
      pango_layout_line_get_pixel_extents (single, NULL, &logical);
      name_h = logical.height;
    }
  else
    {
      pango_layout_set_text (t->name, name, -1);
      pango_layout_get_pixel_size (t->name, NULL, &name_h);
    }
  if (t->with_value)
    {
      PangoAttrList *attributes = pango_attr_list_new ();

      /* Compact, the value alone; share-safe, money as its share of the target all the same. */
      if (t->compact && !t->targets && !(style->share_safe && pl_item_get_int (kpi, PL_KPI_UNIT) == PL_UNIT_CURRENCY))
        {
          line = short_value (plan, kpi, value);
          bright = strlen (line);
        }
      else
        line = value_line (plan, kpi, value, target, style, &bright);
      /* The target is secondary: dimmed after the value. */
      {
        PangoAttribute *dim = pango_attr_foreground_alpha_new (0.7 * 65535);
        dim->start_index = bright;
        dim->end_index = strlen (line);
        pango_attr_list_insert (attributes, dim);
      }
      pango_layout_set_attributes (t->value, attributes);
      pango_attr_list_unref (attributes);
      /* On paper, the target goes under the value when one line does not hold both: the line
       * broken before the target rather than wherever Pango finds room. */
      pango_layout_set_width (t->value, t->targets ? (int) (t->text_w * PANGO_SCALE) : -1);
      pango_layout_set_text (t->value, line, -1);
      if (t->targets && pango_layout_get_line_count (t->value) > 1 && bright < strlen (line))
        {
          g_autofree char *wanted = short_value (plan, kpi, target);
          char *at = g_strrstr (line + bright, wanted);

          if (at != NULL && at > line && at[-1] == ' ')
            {
              at[-1] = '\n';
              pango_layout_set_text (t->value, line, -1);
            }
        }
      /* A box too narrow for "135k / 148k" shows the value alone rather than both cut. */
      {
        int w;
        pango_layout_get_pixel_size (t->value, &w, NULL);
        if (bright < strlen (line) &&
            (t->targets ? pango_layout_get_line_count (t->value) > 2 || !laid_out_whole (t->value)
                        : w > t->text_w - (t->compact ? 0 : TREND_W + t->pad)))
          {
            line[bright] = '\0';
            pango_layout_set_text (t->value, line, -1);
          }
      }
      pango_layout_get_pixel_size (t->value, NULL, &value_h);
      /* Tests read the values as drawn. */
      {
        gpointer data;
        PlChartTextHook hook = pl_chart_get_text_hook (&data);
        int w;

        pango_layout_get_pixel_size (t->value, &w, NULL);
        if (hook != NULL)
          hook (pango_layout_get_text (t->value), PL_CHART_LABEL_TEXT, w > t->text_w, data);
      }
    }
  top = r->y + (r->h - name_h - value_h) / 2;
  set_color (cr, &style->text, 1);
  if (t->hidden[index])
    ;
  else if (single != NULL)
    {
      cairo_move_to (cr, x, top - logical.y);
      pango_cairo_show_layout_line (cr, single);
    }
  else
    {
      cairo_move_to (cr, x, top);
      pango_cairo_show_layout (cr, t->name);
    }
  if (t->with_value)
    {
      set_color (cr, &style->muted, 1);
      cairo_move_to (cr, x, top + name_h);
      pango_cairo_show_layout (cr, t->value);
    }
  /* The trend beside the figures, as tall as their line. */
  if (!t->compact && t->with_value)
    draw_trend (cr, plan, kpi, month, r->x + r->w - TREND_W - t->pad, top + name_h + 2, TREND_W, value_h - 4,
                pl_chart_status_color (style, status));
}

double
pl_kpi_chain_chart_legend (cairo_t *cr, const PlChartStyle *style, double size, double x, double y, double right)
{
  static const PlKpiStatus statuses[] = { PL_KPI_STATUS_GOOD, PL_KPI_STATUS_CLOSE, PL_KPI_STATUS_OFF, PL_KPI_STATUS_NO_DATA };
  PlChartLegendItem items[G_N_ELEMENTS (statuses)];
  g_autoptr(PangoLayout) text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    items[i] = (PlChartLegendItem) { pl_kpi_status_describe (statuses[i]), pl_chart_status_color (style, statuses[i]),
                                     1, PL_CHART_MARK_BOX };
  /* Grey is both: a KPI not measured yet and one without a target. */
  items[G_N_ELEMENTS (statuses) - 1].label = _("No figures or no target");
  if (cr == NULL)
    return pl_chart_legend_height (style, size, items, G_N_ELEMENTS (items), x, right);
  text = pl_chart_text_new (cr, style, size);
  return pl_chart_legend (cr, text, style, items, G_N_ELEMENTS (items), x, y, right);
}

/* The month the chain shows: the one asked for, else the last with measurements. */
static guint32
month_shown (PlPlan *plan, const PlKpiChainOptions *options)
{
  return options && options->month ? options->month : previous_month (pl_figures_measured_until (plan));
}

/* The summary of the chain in @month, its nodes standing as @statuses say. */
static char **
sentences_of (const PlChainLayout *layout, guint32 month, const PlKpiStatus *statuses)
{
  guint n = layout->nodes->len;
  g_autoptr(GStrvBuilder) sentences = g_strv_builder_new ();
  g_autoptr(GString) off = g_string_new (NULL);
  guint counts[PL_KPI_STATUS_NO_TARGET + 1] = { 0 };
  g_autofree char *kpis = NULL;
  g_autofree char *links = NULL;
  g_autofree char *size = NULL;
  g_autofree char *standing = NULL;
  GDate date;
  char month_name[64];

  if (n == 0)
    return pl_chart_sentence (g_strdup (_("The plan has no KPIs yet.")));
  for (guint i = 0; i < n; i++)
    {
      counts[statuses[i]]++;
      if (statuses[i] == PL_KPI_STATUS_OFF)
        g_string_append_printf (off, "%s%s", off->len ? ", " : "",
                                pl_item_get_string (g_array_index (layout->nodes, PlChainNode, i).kpi, PL_KPI_NAME));
    }
  g_date_clear (&date, 1);
  g_date_set_julian (&date, month);
  g_date_strftime (month_name, sizeof month_name, "%B %Y", &date);
  /* Translators: the KPI chain's size, in its summary: "12 KPIs" */
  kpis = g_strdup_printf (ngettext ("%u KPI", "%u KPIs", n), n);
  /* Translators: the KPI chain's size, in its summary: "14 links" */
  links = g_strdup_printf (ngettext ("%u link", "%u links", layout->edges->len), layout->edges->len);
  /* Translators: the KPIs and the links, as "12 KPIs" and "14 links" */
  size = g_strdup_printf (_("The KPI chain has %s and %s."), kpis, links);
  g_strv_builder_add (sentences, size);
  standing = g_strdup_printf (_("In %s: %u on target, %u close, %u off target, %u without figures."), month_name,
                              counts[PL_KPI_STATUS_GOOD], counts[PL_KPI_STATUS_CLOSE], counts[PL_KPI_STATUS_OFF],
                              counts[PL_KPI_STATUS_NO_DATA]);
  g_strv_builder_add (sentences, standing);
  if (off->len > 0)
    {
      g_autofree char *names = g_strdup_printf (_("Off target: %s."), off->str);
      g_strv_builder_add (sentences, names);
    }
  return g_strv_builder_end (sentences);
}

char **
pl_kpi_chain_chart_sentences (PlPlan *plan, const PlChainLayout *layout, const PlKpiChainOptions *options)
{
  guint32 month = month_shown (plan, options);
  g_autofree PlKpiStatus *statuses = g_new (PlKpiStatus, MAX (layout->nodes->len, 1));

  for (guint i = 0; i < layout->nodes->len; i++)
    statuses[i] = pl_kpi_status (plan, g_array_index (layout->nodes, PlChainNode, i).kpi, month);
  return sentences_of (layout, month, statuses);
}

char *
pl_kpi_chain_chart_draw (PlPlan                  *plan,
                         const PlChainLayout     *layout,
                         const PlKpiChainOptions *options,
                         cairo_t                 *cr,
                         double                   width,
                         double                   height,
                         const PlChartStyle      *style)
{
  guint32 month = month_shown (plan, options);
  guint32 end = next_month (month);
  int selected = options ? options->selected : -1;
  guint n = layout->nodes->len;
  g_autofree Rect *rects = NULL;
  g_autofree double *values = NULL;
  g_autofree double *targets = NULL;
  g_autofree PlKpiStatus *statuses = NULL;
  g_autoptr(Geometry) g = NULL;
  BoxText text = { 0 };
  Rect clip;

  set_color (cr, &style->background, 1);
  cairo_paint (cr);
  if (n == 0)
    return pl_chart_sentences_join (sentences_of (layout, month, NULL));

  /* What every node needs, once: its rectangle, its latest value and its status. */
  g = geometry_with_text (cr, style, layout, options, width, height, &text);
  rects = g_new (Rect, n);
  values = g_new (double, n);
  targets = g_new (double, n);
  statuses = g_new (PlKpiStatus, n);
  for (guint i = 0; i < n; i++)
    {
      PlItem *kpi = g_array_index (layout->nodes, PlChainNode, i).kpi;

      geometry_rect (g, layout, i, &rects[i]);
      values[i] = pl_figures_kpi_value (plan, PL_KPI (kpi), month, end);
      targets[i] = pl_figures_kpi_target (plan, PL_KPI (kpi), month, end);
      statuses[i] = pl_kpi_status (plan, kpi, month);
    }
  {
    double x1, y1, x2, y2;
    cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
    clip = (Rect) { x1, y1, x2 - x1, y2 - y1 };
  }

  draw_edges (cr, layout, g, &clip, style);
  if (text.px > 0)
    draw_rates (cr, layout, g, rects, values, text.px, style);
  draw_boxes (cr, layout, g, rects, statuses, selected, &clip, style);
  for (guint i = 0; text.px > 0 && i < n; i++)
    if (column_drawn (g, g_array_index (layout->nodes, PlChainNode, i).column) && visible (&rects[i], &clip))
      draw_box_text (cr, &text, plan, g_array_index (layout->nodes, PlChainNode, i).kpi, i, kpi_name (layout, i),
                     &rects[i], values[i], targets[i], month, statuses[i], style);
  box_text_clear (&text);
  /* On paper the key of the colours under the chain (on screen, the page has it). */
  if (options && options->paper)
    {
      double h = pl_kpi_chain_chart_legend (NULL, style, LEGEND_PT, 0, 0, width);
      pl_kpi_chain_chart_legend (cr, style, LEGEND_PT, 0, height - h, width);
    }
  return pl_chart_sentences_join (sentences_of (layout, month, statuses));
}

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
#define MAX_COLUMN_GAP 48.0
#define MIN_COLUMN_GAP 12.0
#define ROW_GAP        10.0
#define MAX_NODE_H     62.0
#define MAX_NODE_W     220.0
#define TREND_MONTHS   6
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

/* A value short enough for a node: 495k, 1.2M, 3.4 %, 3.4×. */
static char *
short_value (PlItem *kpi, double value)
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
  shown = short_value (kpi, value);
  wanted = short_value (kpi, target);
  *bright = strlen (shown);
  /* Translators: a KPI's latest value against its target, as in "495k / 520k". */
  return g_strdup_printf (_("%s / %s"), shown, wanted);
}

static gboolean
is_funnel_stage (gint64 stage)
{
  return stage >= PL_STAGE_VISITORS && stage <= PL_STAGE_NEW_CUSTOMERS;
}

static guint
column_size (const PlChainLayout *layout, guint column)
{
  guint n = 0;

  for (guint i = 0; i < layout->nodes->len; i++)
    if (g_array_index (layout->nodes, PlChainNode, i).column == column)
      n++;
  return n;
}

/* How far from its ends an edge's control points lie: it leaves and enters nodes level, and
 * long edges run straight between. */
static double
curve_offset (double sx, double ex)
{
  return MIN ((ex - sx) * 0.6, 18);
}

/* The space between columns: a third of a column (room for a conversion rate), within
 * bounds; narrow charts of deep chains keep their width for the names. */
static double
column_gap (const PlChainLayout *layout, double width)
{
  return CLAMP ((width - 2 * MARGIN) / MAX (layout->n_columns, 1) / 3, MIN_COLUMN_GAP, MAX_COLUMN_GAP);
}

/* The rectangle of a node in a column of @rows nodes. */
static void
node_rect (const PlChainLayout *layout, const PlChainNode *node, guint rows, double width, double height,
           double *x, double *y, double *w, double *h)
{
  double gap = column_gap (layout, width);
  double column_w = (width - 2 * MARGIN + gap) / MAX (layout->n_columns, 1);
  double row_h = (height - 2 * MARGIN) / MAX (layout->max_rows, 1);

  *w = MIN (column_w - gap, MAX_NODE_W);
  *h = MIN (row_h - ROW_GAP, MAX_NODE_H);
  if (*w < 2)
    *w = 2;
  if (*h < 2)
    *h = MAX (row_h * 0.7, 1);
  /* Columns are centred in their slot, and their nodes centred vertically. */
  *x = MARGIN + node->column * column_w + (column_w - gap - *w) / 2;
  *y = MARGIN + (layout->max_rows - rows) * row_h / 2 + node->row * row_h + (row_h - *h) / 2;
}

void
pl_kpi_chain_chart_node_rect (const PlChainLayout *layout, guint index, double width, double height,
                              double *x, double *y, double *w, double *h)
{
  const PlChainNode *node = &g_array_index (layout->nodes, PlChainNode, index);

  node_rect (layout, node, column_size (layout, node->column), width, height, x, y, w, h);
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

typedef struct {
  double x, y, w, h;
} Rect;

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

static PangoLayout *
new_text (cairo_t *cr, const char *family, double px, gboolean bold)
{
  PangoLayout *text = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_new ();

  pango_font_description_set_family (description, family);
  pango_font_description_set_absolute_size (description, px * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (description, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (text, description);
  pango_font_description_free (description);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  return text;
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
      /* The share of this column the segment spans along its axis (its ends are partial). */
      double along = MIN (bx, i + 1.0) - MAX (ax, (double) i);
      double centre = ay + gradient * (i + 0.5 - ax);
      double top = centre - half, bottom = centre + half;

      if (along <= 0)
        continue;
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

/* The cubic from (sx, sy) to (ex, ey) with horizontal tangents, as the vector path draws it,
 * flattened into the mask. */
static void
mask_edge (cairo_t *cr, EdgeMask *mask, double sx, double sy, double ex, double ey, double line_width)
{
  double px = 0, py = 0, thickness;
  double c1x = sx + curve_offset (sx, ex), c2x = ex - curve_offset (sx, ex);
  double dx = line_width, dy = 0;
  int steps;

  cairo_user_to_device_distance (cr, &dx, &dy);
  thickness = dx * mask->scale;
  {
    double ax = sx, ay = sy, bx = ex, by = ey;
    cairo_user_to_device (cr, &ax, &ay);
    cairo_user_to_device (cr, &bx, &by);
    /* About one segment per 12 pixels of its longer side: smooth enough at any zoom. */
    steps = CLAMP ((int) (MAX (fabs (bx - ax), fabs (by - ay)) * mask->scale / 12), 2, 24);
  }
  for (int k = 0; k <= steps; k++)
    {
      double t = (double) k / steps, u = 1 - t;
      double x = u * u * u * sx + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * ex;
      double y = u * u * u * sy + 3 * u * u * t * sy + 3 * u * t * t * ey + t * t * t * ey;

      cairo_user_to_device (cr, &x, &y);
      x = (x - mask->x0) * mask->scale;
      y = (y - mask->y0) * mask->scale;
      if (k > 0)
        mask_segment (mask, px, py, x, y, thickness);
      px = x;
      py = y;
    }
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

/* One line of name per node, a column at a time: one layout holds a column's names, a
 * paragraph each (ellipsised on their own), and each line is shown at its node. Shaping is
 * then done once per column, not once per node: at 300 KPIs, most of the drawing time. */
static void
draw_names_by_column (cairo_t *cr, const PlChainLayout *layout, const Rect *rects, const guint *sizes,
                      PangoLayout *text, const Rect *clip, const PlColor *color)
{
  g_autofree guint *by_row = NULL;
  guint n = layout->nodes->len, max = 0;

  for (guint c = 0; c < layout->n_columns; c++)
    max = MAX (max, sizes[c]);
  by_row = g_new (guint, max);
  set_color (cr, color, 1);
  for (guint c = 0; c < layout->n_columns; c++)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      PangoLayoutIter *iter;
      guint count = 0, line = 0;
      double text_w = 0;

      for (guint i = 0; i < n; i++)
        {
          const PlChainNode *node = &g_array_index (layout->nodes, PlChainNode, i);
          if (node->column == c && node->row < sizes[c])
            {
              by_row[node->row] = i;
              count++;
            }
        }
      if (count == 0 || count != sizes[c])
        continue;
      for (guint row = 0; row < count; row++)
        {
          const char *name = pl_item_get_string (g_array_index (layout->nodes, PlChainNode, by_row[row]).kpi, PL_KPI_NAME);
          gsize start = names->len;

          if (row > 0)
            g_string_append_c (names, '\n');
          start = names->len;
          g_string_append (names, name ? name : "");
          /* A line break inside a name would shift every name below it. */
          g_strdelimit (names->str + start, "\n\r", ' ');
        }
      text_w = rects[by_row[0]].w - 14 - (rects[by_row[0]].w >= 150 ? 44 : 0);
      pango_layout_set_width (text, (int) (text_w * PANGO_SCALE));
      pango_layout_set_text (text, names->str, (int) names->len);
      iter = pango_layout_get_iter (text);
      do
        {
          const Rect *r;
          PangoRectangle logical;
          int baseline;

          if (line >= count)
            break;
          r = &rects[by_row[line++]];
          if (!visible (r, clip))
            continue;
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          baseline = pango_layout_iter_get_baseline (iter);
          /* Centred on the node: the line's own box, moved to the node's middle. */
          cairo_move_to (cr, r->x + 9,
                         r->y + (r->h - (double) logical.height / PANGO_SCALE) / 2 +
                         (double) (baseline - logical.y) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
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
  g_autofree guint *sizes = NULL;
  g_autofree Rect *rects = NULL;
  g_autofree double *values = NULL;
  g_autofree PlKpiStatus *statuses = NULL;
  g_autofree guint *edge_order = NULL;
  EdgeMask mask;
  gboolean two_line_mode;
  cairo_surface_t *mask_surface = NULL;
  g_autoptr(PangoLayout) name_text = NULL;
  g_autoptr(PangoLayout) value_text = NULL;
  double font_px, edge_width, border_alpha;
  Rect clip;

  set_color (cr, &style->background, 1);
  cairo_paint (cr);
  if (n == 0)
    return pl_chart_sentences_join (sentences_of (layout, month, NULL));

  /* What every node needs, once: its rectangle, its latest value and its status. */
  sizes = g_new0 (guint, layout->n_columns);
  rects = g_new (Rect, n);
  values = g_new (double, n);
  statuses = g_new (PlKpiStatus, n);
  for (guint i = 0; i < n; i++)
    sizes[g_array_index (layout->nodes, PlChainNode, i).column]++;
  for (guint i = 0; i < n; i++)
    {
      const PlChainNode *node = &g_array_index (layout->nodes, PlChainNode, i);

      node_rect (layout, node, sizes[node->column], width, height, &rects[i].x, &rects[i].y, &rects[i].w, &rects[i].h);
      values[i] = pl_figures_kpi_value (plan, PL_KPI (node->kpi), month, end);
      statuses[i] = pl_kpi_status (plan, node->kpi, month);
    }
  font_px = CLAMP (rects[0].h * 0.26, 6, 12);
  /* Zoomed in, most of the chain is outside the area being painted: skip it. */
  {
    double x1, y1, x2, y2;
    cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
    clip = (Rect) { x1, y1, x2 - x1, y2 - y1 };
  }

  /* Edges first, under the nodes; wider under high contrast, where a 1.2-pixel line blurs
   * into the background even at full strength. */
  edge_width = style->high_contrast ? 2 : EDGE_WIDTH;
  set_color (cr, &style->muted, pl_chart_faint (style, 0.55));
  if (edge_mask_begin (cr, &mask, &mask_surface))
    {
      for (guint e = 0; e < layout->edges->len; e++)
        {
          const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);
          const Rect *r0 = &rects[edge->from], *r1 = &rects[edge->to];
          double sx = r0->x + r0->w, sy = r0->y + r0->h / 2, ex = r1->x, ey = r1->y + r1->h / 2;
          Rect span = { sx, MIN (sy, ey), ex - sx, fabs (ey - sy) };

          if (visible (&span, &clip))
            mask_edge (cr, &mask, sx, sy, ex, ey, edge_width);
        }
      edge_mask_end (cr, &mask, mask_surface);
    }
  else
    {
      /* One stroke per pair of columns: a path's cost in cairo follows the area it spans.
       * Flattened coarser than cairo's default: a tenth of a pixel is invisible on a thin
       * line. */
      cairo_save (cr);
      cairo_set_tolerance (cr, 0.5);
      cairo_set_line_width (cr, edge_width);
      edge_order = g_new (guint, layout->edges->len);
      for (guint e = 0; e < layout->edges->len; e++)
        edge_order[e] = e;
      g_qsort_with_data (edge_order, layout->edges->len, sizeof (guint), compare_edge_columns, (gpointer) layout);
      for (guint k = 0; k < layout->edges->len; k++)
        {
          const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, edge_order[k]);
          const Rect *r0 = &rects[edge->from], *r1 = &rects[edge->to];
          double sx = r0->x + r0->w, sy = r0->y + r0->h / 2, ex = r1->x, ey = r1->y + r1->h / 2;
          Rect span = { sx, MIN (sy, ey), ex - sx, fabs (ey - sy) };

          if (visible (&span, &clip))
            {
              cairo_move_to (cr, sx, sy);
              cairo_curve_to (cr, sx + curve_offset (sx, ex), sy, ex - curve_offset (sx, ex), ey, ex, ey);
            }
          if (k + 1 == layout->edges->len ||
              compare_edge_columns (&edge_order[k], &edge_order[k + 1], (gpointer) layout) != 0)
            cairo_stroke (cr);
        }
      cairo_restore (cr);
    }

  /* Stage to stage: the conversion rate, on a patch of background at the edge's middle. */
  if (font_px >= 7)
    {
      g_autoptr(PangoLayout) label = new_text (cr, style->font, font_px * 0.85, FALSE);

      for (guint e = 0; e < layout->edges->len; e++)
        {
          const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);
          const Rect *r0 = &rects[edge->from], *r1 = &rects[edge->to];
          double rate = edge_rate (layout, edge, values);
          double mx = (r0->x + r0->w + r1->x) / 2, my = (r0->y + r0->h / 2 + r1->y + r1->h / 2) / 2;
          g_autofree char *text = NULL;
          PangoRectangle ink;

          if (isnan (rate))
            continue;
          text = pl_percent_format (100 * rate, 1);
          pango_layout_set_text (label, text, -1);
          pango_layout_get_pixel_extents (label, NULL, &ink);
          /* Only where it fits between the two nodes: never over a name. */
          if (ink.width + 4 > r1->x - (r0->x + r0->w))
            continue;
          set_color (cr, &style->background, 0.9);
          cairo_rectangle (cr, mx - ink.width / 2.0 - 2, my - ink.height / 2.0 - 1, ink.width + 4, ink.height + 2);
          cairo_fill (cr);
          set_color (cr, &style->muted, 1);
          cairo_move_to (cr, mx - ink.width / 2.0 - ink.x, my - ink.height / 2.0 - ink.y);
          pango_cairo_show_layout (cr, label);
        }
    }

  /* The nodes: small ones as pixel-aligned boxes, a border box under a surface box (boxes skip
   * cairo's tessellation entirely); bigger ones rounded, a fill and a stroke per column (the
   * area a path spans is what it costs). Then the selection on top. */
  border_alpha = pl_chart_faint (style, 0.35);
  if (rects[0].h < ROUNDED_MIN_H)
    {
      for (int pass = 0; pass < 2; pass++)
        {
          cairo_new_path (cr);
          for (guint i = 0; i < n; i++)
            if (visible (&rects[i], &clip))
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
      for (guint c = 0; c < layout->n_columns; c++)
        {
          cairo_new_path (cr);
          for (guint i = 0; i < n; i++)
            if (g_array_index (layout->nodes, PlChainNode, i).column == c && visible (&rects[i], &clip))
              rounded_rect (cr, &rects[i]);
          set_color (cr, &style->surface, 1);
          cairo_fill_preserve (cr);
          set_color (cr, &style->muted, border_alpha);
          cairo_stroke (cr);
        }
    }
  if (selected >= 0 && (guint) selected < n)
    {
      rounded_rect (cr, &rects[selected]);
      set_color (cr, &style->text, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  /* The status as a bar on the left edge: readable at a glance, even at 300 KPIs. */
  for (int status = 0; status < 4; status++)
    {
      cairo_new_path (cr);
      for (guint i = 0; i < n; i++)
        if (statuses[i] == (PlKpiStatus) status && visible (&rects[i], &clip))
          {
            /* Pixel-aligned: crisp, and a box for cairo. */
            double x = round (rects[i].x), y = round (rects[i].y);
            cairo_rectangle (cr, x, y + 1, MAX (1, round (MIN (4, rects[i].w / 4))),
                             round (rects[i].y + rects[i].h) - y - 2);
          }
      set_color (cr, pl_chart_status_color (style, status), 1);
      cairo_fill (cr);
    }

  /* The names and figures when the nodes can hold two lines of readable text; only the names,
   * larger, when they can hold one (the figures are in the tooltip); nothing below that. */
  two_line_mode = rects[0].h * 0.26 >= 7 && rects[0].w >= 40;
  if (two_line_mode)
    {
      /* Narrow nodes (a deep chain in a small window) take a smaller font: a short name
       * whole rather than two letters of it. */
      font_px = CLAMP (MIN (font_px, (rects[0].w - 14) / 4), 9, 12);
      name_text = new_text (cr, style->font, font_px, TRUE);
      value_text = new_text (cr, style->font, font_px, FALSE);
      pango_layout_set_wrap (name_text, PANGO_WRAP_WORD);
      {
        /* A name cut short ends in "…", never in a hyphen. */
        PangoAttrList *no_hyphens = pango_attr_list_new ();
        pango_attr_list_insert (no_hyphens, pango_attr_insert_hyphens_new (FALSE));
        pango_layout_set_attributes (name_text, no_hyphens);
        pango_attr_list_unref (no_hyphens);
      }
      pango_layout_set_single_paragraph_mode (value_text, TRUE);
    }
  else if (rects[0].h >= 12 && rects[0].w >= 40)
    {
      font_px = CLAMP (rects[0].h * 0.45, 7, 11);
      name_text = new_text (cr, style->font, font_px, TRUE);
    }
  if (name_text != NULL && !two_line_mode)
    draw_names_by_column (cr, layout, rects, sizes, name_text, &clip, &style->text);
  for (guint i = 0; name_text != NULL && two_line_mode && i < n; i++)
    {
      PlItem *kpi = g_array_index (layout->nodes, PlChainNode, i).kpi;
      const Rect *r = &rects[i];
      const char *name = pl_item_get_string (kpi, PL_KPI_NAME);
      g_autofree char *line = NULL;
      gsize bright;
      double text_w = r->w - 14 - (r->w >= 150 ? 44 : 0);
      /* Two lines of a name only where a line holds a word or two. */
      gboolean two_lines = r->h >= 3.9 * font_px && text_w >= 5.5 * font_px;
      PangoAttrList *attributes;
      PangoAttribute *dim;
      PangoRectangle extents;
      double name_h, top;

      if (!visible (r, &clip))
        continue;
      if (!two_line_mode)
        continue;
      line = value_line (plan, kpi, values[i], pl_figures_kpi_target (plan, PL_KPI (kpi), month, end), style, &bright);

      /* A long name may take two lines when the node is tall enough, then ends in "…". */
      pango_layout_set_height (name_text, two_lines ? -2 : -1);
      pango_layout_set_width (name_text, (int) (text_w * PANGO_SCALE));
      pango_layout_set_text (name_text, name ? name : "", -1);
      /* A name that does not fit takes a third line where the node has room for it, then a
       * smaller font, down to 9 px, before it is cut: "Marketing qualified leads" whole
       * rather than "Marketing qualifie…". */
      for (double px = font_px; two_lines && px >= 9 && pango_layout_is_ellipsized (name_text); px -= 1)
        {
          pl_chart_text_set_size (name_text, px);
          if (pango_layout_is_ellipsized (name_text) && 3 * 1.25 * px + 1.3 * font_px <= r->h - 6)
            pango_layout_set_height (name_text, -3);
        }
      pango_layout_get_pixel_extents (name_text, NULL, &extents);
      name_h = extents.height;
      top = r->y + (r->h - name_h - 1.3 * font_px) / 2;
      set_color (cr, &style->text, 1);
      cairo_move_to (cr, r->x + 9, top);
      pango_cairo_show_layout (cr, name_text);
      pl_chart_text_set_size (name_text, font_px);

      /* The target is secondary: dimmed after the value. */
      attributes = pango_attr_list_new ();
      dim = pango_attr_foreground_alpha_new (0.7 * 65535);
      dim->start_index = bright;
      dim->end_index = strlen (line);
      pango_attr_list_insert (attributes, dim);
      pango_layout_set_attributes (value_text, attributes);
      pango_attr_list_unref (attributes);
      /* A node too narrow for "135k / 148k" shows the value whole rather than both cut. */
      pango_layout_set_width (value_text, -1);
      pango_layout_set_text (value_text, line, -1);
      pango_layout_get_pixel_extents (value_text, NULL, &extents);
      if (extents.width > text_w && bright < strlen (line))
        line[bright] = '\0';
      pango_layout_set_width (value_text, (int) (text_w * PANGO_SCALE));
      pango_layout_set_text (value_text, line, -1);
      set_color (cr, &style->muted, 1);
      cairo_move_to (cr, r->x + 9, top + name_h);
      pango_cairo_show_layout (cr, value_text);
      if (r->w >= 150)
        draw_trend (cr, plan, kpi, month, r->x + r->w - 48, r->y + r->h * 0.3, 38, r->h * 0.4,
                    pl_chart_status_color (style, statuses[i]));
    }

  return pl_chart_sentences_join (sentences_of (layout, month, statuses));
}

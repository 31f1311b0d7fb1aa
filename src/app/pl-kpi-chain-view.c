/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-kpi-chain-view"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-a11y.h"
#include "pl-chart-theme.h"
#include "pl-figures.h"
#include "pl-kpi-chain-chart.h"
#include "pl-kpi-chain-view.h"
#include "pl-kpi-value.h"

#define ZOOM_MIN   PL_KPI_CHAIN_VIEW_ZOOM_MIN
#define ZOOM_MAX   PL_KPI_CHAIN_VIEW_ZOOM_MAX
#define ZOOM_STEP  1.25
/* Pixels panned per notch of a mouse wheel. */
#define SCROLL_STEP 48.0

struct _PlKpiChainView
{
  GtkWidget          parent_instance;

  /* Owned references */
  PlPlan            *plan;
  PlItem            *selected;      /* a KPI of the plan, or NULL */
  PlChainLayout     *layout;        /* computed when first drawn after a change of the chain */
  char              *summary;

  /* The view: the chart is drawn at its natural size times zoom (below 1, never smaller than
   * the view across or down unless it overflows it that way), seen from (pan_x, pan_y). */
  double             zoom;
  gboolean           fitted;        /* the zoom follows the view's size to show the whole chain */
  double             pan_x, pan_y;
  double             pointer_x, pointer_y;
  double             drag_pan_x, drag_pan_y;
  double             gesture_zoom;

  /* Node rectangles in chart coordinates, for the chart size they were computed at. */
  graphene_rect_t   *rects;
  double             rects_width, rects_height;

  /* The last drawing, painted again while nothing it depends on changes (hover, tooltips,
   * the rest of the window redrawing). */
  cairo_surface_t   *cache;
  gboolean           cache_valid;
};

G_DEFINE_FINAL_TYPE (PlKpiChainView, pl_kpi_chain_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_SELECTED,
  PROP_ZOOM,
  N_PROPS
};

enum {
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_actions (PlKpiChainView *self);

/* ---- helpers ---- */

static void
invalidate (PlKpiChainView *self)
{
  self->cache_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static int
selected_index (PlKpiChainView *self)
{
  if (self->layout == NULL || self->selected == NULL)
    return -1;
  for (guint i = 0; i < self->layout->nodes->len; i++)
    if (g_array_index (self->layout->nodes, PlChainNode, i).kpi == self->selected)
      return (int) i;
  return -1;
}

/* What the layout is made from (the KPIs and their links), and what the chart draws too (each
 * KPI's figures, computed from the spend and the budget). */
#define LAYOUT_CHANGES (pl_change_for_collection (PL_COLLECTION_KPIS) | pl_change_for_collection (PL_COLLECTION_KPI_LINKS))
#define DRAWN_CHANGES  (LAYOUT_CHANGES | PL_CHANGE_METADATA | pl_change_for_collection (PL_COLLECTION_SPEND) | \
                        pl_change_for_collection (PL_COLLECTION_LINES) | pl_change_for_collection (PL_COLLECTION_CATEGORIES))

/* Lays the chain out when it has none: the first time it is needed after a change of the chain. */
static void
ensure_layout (PlKpiChainView *self)
{
  if (self->plan == NULL)
    {
      g_clear_pointer (&self->layout, pl_chain_layout_free);
      return;
    }
  if (self->layout != NULL)
    return;
  self->layout = pl_chain_layout_new (self->plan);
  self->rects_width = self->rects_height = -1;
  self->cache_valid = FALSE;
}

/* The chain's size at zoom 1, at the text scale. */
static void
natural_size (PlKpiChainView *self, double *width, double *height)
{
  ensure_layout (self);
  if (self->layout == NULL)
    {
      *width = *height = 1;
      return;
    }
  pl_kpi_chain_chart_natural_size (self->layout, width, height);
  *width *= pl_a11y_text_scale ();
  *height *= pl_a11y_text_scale ();
}

/* Below zoom 1 the chain shrinks only the ways it overflows the view: it keeps the view's
 * height (up to its own) while it narrows, its boxes compact. */
static double
chart_width (PlKpiChainView *self)
{
  double width, height;

  natural_size (self, &width, &height);
  if (self->zoom >= 1)
    return width * self->zoom;
  return MAX (width * self->zoom, MIN (width, gtk_widget_get_width (GTK_WIDGET (self))));
}

static double
chart_height (PlKpiChainView *self)
{
  double width, height;

  natural_size (self, &width, &height);
  if (self->zoom >= 1)
    return height * self->zoom;
  return MAX (height * self->zoom, MIN (height, gtk_widget_get_height (GTK_WIDGET (self))));
}

/* Where the chart's origin is in the widget: a chart smaller than the view is centred. */
static void
chart_offset (PlKpiChainView *self, double *x, double *y)
{
  *x = MAX (0, (gtk_widget_get_width (GTK_WIDGET (self)) - chart_width (self)) / 2) - self->pan_x;
  *y = MAX (0, (gtk_widget_get_height (GTK_WIDGET (self)) - chart_height (self)) / 2) - self->pan_y;
}

/* The zoom at which the whole chain is in view. */
static double
fit_zoom (PlKpiChainView *self)
{
  double width, height, view_w = gtk_widget_get_width (GTK_WIDGET (self));
  double view_h = gtk_widget_get_height (GTK_WIDGET (self));

  natural_size (self, &width, &height);
  if (view_w <= 0 || view_h <= 0)
    return 1;
  return CLAMP (MIN (1, MIN (view_w / width, view_h / height)), ZOOM_MIN, ZOOM_MAX);
}

static void
ensure_rects (PlKpiChainView *self)
{
  double width, height, text_scale = pl_a11y_text_scale ();

  ensure_layout (self);
  if (self->layout == NULL)
    return;
  width = chart_width (self);
  height = chart_height (self);
  if (self->rects != NULL && width == self->rects_width && height == self->rects_height)
    return;
  g_free (self->rects);
  self->rects = g_new (graphene_rect_t, MAX (self->layout->nodes->len, 1));
  for (guint i = 0; i < self->layout->nodes->len; i++)
    {
      double x, y, w, h;
      /* The chart is drawn zoomed by the text scale: its nodes are where it puts them, times it. */
      pl_kpi_chain_chart_node_rect (self->layout, i, width / text_scale, height / text_scale, &x, &y, &w, &h);
      graphene_rect_init (&self->rects[i], (float) (x * text_scale), (float) (y * text_scale), (float) (w * text_scale),
                          (float) (h * text_scale));
    }
  self->rects_width = width;
  self->rects_height = height;
}

static void
clamp_pan (PlKpiChainView *self)
{
  double max_x = MAX (0, chart_width (self) - gtk_widget_get_width (GTK_WIDGET (self)));
  double max_y = MAX (0, chart_height (self) - gtk_widget_get_height (GTK_WIDGET (self)));

  self->pan_x = CLAMP (self->pan_x, 0, max_x);
  self->pan_y = CLAMP (self->pan_y, 0, max_y);
}

static void
pan_to (PlKpiChainView *self, double x, double y)
{
  double old_x = self->pan_x, old_y = self->pan_y;

  self->pan_x = x;
  self->pan_y = y;
  clamp_pan (self);
  if (self->pan_x != old_x || self->pan_y != old_y)
    invalidate (self);
}

/* Sets the zoom to @zoom, the chain in view from its top left; @fitted: it follows the view. */
static void
set_zoom (PlKpiChainView *self, double zoom, gboolean fitted)
{
  gboolean changed = zoom != self->zoom || fitted != self->fitted;

  self->zoom = zoom;
  self->fitted = fitted;
  self->pan_x = self->pan_y = 0;
  if (!changed)
    return;
  invalidate (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Zooms to @zoom keeping the chart point under (@x, @y) of the widget where it is. */
static void
zoom_at (PlKpiChainView *self, double zoom, double x, double y)
{
  double old = self->zoom, lowest = fit_zoom (self);

  /* Zoomed out, the chain stops at the whole of it in view. */
  zoom = CLAMP (zoom, lowest, ZOOM_MAX);
  if (zoom == old)
    return;
  if (zoom < 1 && old > 1)
    zoom = 1;  /* the natural size is a stop on the way down: the last zoom of the full form */
  if (zoom <= lowest)
    {
      set_zoom (self, lowest, TRUE);
      return;
    }
  self->zoom = zoom;
  self->fitted = FALSE;
  self->pan_x = (self->pan_x + x) * zoom / old - x;
  self->pan_y = (self->pan_y + y) * zoom / old - y;
  clamp_pan (self);
  invalidate (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static int
node_at (PlKpiChainView *self, double x, double y)
{
  graphene_point_t point;
  double ox, oy;

  ensure_rects (self);
  chart_offset (self, &ox, &oy);
  point = GRAPHENE_POINT_INIT ((float) (x - ox), (float) (y - oy));
  if (self->layout == NULL)
    return -1;
  for (guint i = 0; i < self->layout->nodes->len; i++)
    if (graphene_rect_contains_point (&self->rects[i], &point))
      return (int) i;
  return -1;
}

/* Pans just enough for node @index to be in view, with a margin. */
static void
scroll_to_node (PlKpiChainView *self, int index)
{
  const graphene_rect_t *r;
  double width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));
  double x = self->pan_x, y = self->pan_y;

  ensure_rects (self);
  if (index < 0 || self->layout == NULL || width <= 0)
    return;
  r = &self->rects[index];
  if (r->origin.x - 24 < x)
    x = r->origin.x - 24;
  else if (r->origin.x + r->size.width + 24 > x + width)
    x = r->origin.x + r->size.width + 24 - width;
  if (r->origin.y - 24 < y)
    y = r->origin.y - 24;
  else if (r->origin.y + r->size.height + 24 > y + height)
    y = r->origin.y + r->size.height + 24 - height;
  pan_to (self, x, y);
}

static void
select_index (PlKpiChainView *self, int index)
{
  PlItem *kpi = index >= 0 ? g_array_index (self->layout->nodes, PlChainNode, index).kpi : NULL;

  if (!g_set_object (&self->selected, kpi))
    return;
  scroll_to_node (self, index);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static guint32
month_start (guint32 julian, int months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (months > 0)
    g_date_add_months (&date, (guint) months);
  else
    g_date_subtract_months (&date, (guint) -months);
  return g_date_get_julian (&date);
}

static char *
format_value (PlItem *kpi, double value)
{
  g_autofree char *text = isnan (value) ? NULL : pl_kpi_value_format (PL_KPI (kpi), value);

  /* Translators: shown for a KPI with no figure in the month. */
  return text != NULL && *text != '\0' ? g_steal_pointer (&text) : g_strdup (_("no figure"));
}

/* The words of the one status rule, as the charts, the report and the CLI say them. */
static const char *
status_text (PlKpiStatus status)
{
  return pl_kpi_status_describe (status);
}

/* ---- drawing ---- */

static void
pl_kpi_chain_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PlKpiChainView *self = PL_KPI_CHAIN_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->plan == NULL)
    return;
  ensure_layout (self);
  if (self->cache == NULL || cairo_image_surface_get_width (self->cache) != width * scale ||
      cairo_image_surface_get_height (self->cache) != height * scale)
    {
      g_clear_pointer (&self->cache, cairo_surface_destroy);
      self->cache = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * scale, height * scale);
      /* At the display's scale: crisp text and lines on HiDPI. */
      cairo_surface_set_device_scale (self->cache, scale, scale);
      self->cache_valid = FALSE;
    }
  if (!self->cache_valid)
    {
      PlKpiChainOptions options = { 0, selected_index (self) };
      g_autofree char *summary = NULL;

      double ox, oy;

      cr = cairo_create (self->cache);
      chart_offset (self, &ox, &oy);
      cairo_translate (cr, ox, oy);
      /* At large text the chart is zoomed as a whole, its text with it (see pl_chart_theme_zoom()). */
      cairo_scale (cr, pl_a11y_text_scale (), pl_a11y_text_scale ());
      summary = pl_kpi_chain_chart_draw (self->plan, self->layout, &options, cr, chart_width (self) / pl_a11y_text_scale (),
                                         chart_height (self) / pl_a11y_text_scale (), pl_chart_theme_for_widget (widget));
      cairo_destroy (cr);
      cairo_surface_flush (self->cache);
      self->cache_valid = TRUE;
      if (g_strcmp0 (summary, self->summary) != 0)
        {
          g_free (self->summary);
          self->summary = g_steal_pointer (&summary);
          gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          self->summary, -1);
        }
    }
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_surface (cr, self->cache, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static void
pl_kpi_chain_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  PlKpiChainView *self = PL_KPI_CHAIN_VIEW (widget);

  /* Fitted, the chain follows the view's size. */
  if (self->fitted && self->plan != NULL)
    set_zoom (self, fit_zoom (self), TRUE);
  clamp_pan (self);
  self->cache_valid = FALSE;
}

static void
pl_kpi_chain_view_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (pl_kpi_chain_view_parent_class)->css_changed (widget, change);
  /* Light or dark: the chart style follows the theme's colours. */
  invalidate (PL_KPI_CHAIN_VIEW (widget));
}

/* ---- events ---- */

static gboolean
on_query_tooltip_cb (PlKpiChainView *self, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  int index = keyboard ? selected_index (self) : node_at (self, x, y);
  g_autofree char *markup = NULL;
  graphene_rect_t *r;
  GdkRectangle area;

  if (index < 0 || self->plan == NULL)
    return FALSE;
  markup = pl_kpi_chain_view_describe (self, g_array_index (self->layout->nodes, PlChainNode, index).kpi);
  gtk_tooltip_set_markup (tooltip, markup);
  /* The tooltip follows the pointer from node to node. */
  ensure_rects (self);
  r = &self->rects[index];
  {
    double ox, oy;
    chart_offset (self, &ox, &oy);
    area = (GdkRectangle) { (int) (r->origin.x + ox), (int) (r->origin.y + oy),
                            (int) ceil (r->size.width), (int) ceil (r->size.height) };
  }
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

static void
on_motion_cb (PlKpiChainView *self, double x, double y)
{
  self->pointer_x = x;
  self->pointer_y = y;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), node_at (self, x, y) >= 0 ? "pointer" : NULL);
}

static void
on_click_pressed_cb (PlKpiChainView *self, int n_press, double x, double y)
{
  int index = node_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (index < 0)
    return;
  select_index (self, index);
  if (n_press == 2)
    g_signal_emit (self, signals[ACTIVATE], 0, self->selected);
}

static void
on_drag_begin_cb (PlKpiChainView *self, double x, double y)
{
  self->drag_pan_x = self->pan_x;
  self->drag_pan_y = self->pan_y;
}

static void
on_drag_update_cb (PlKpiChainView *self, double dx, double dy)
{
  pan_to (self, self->drag_pan_x - dx, self->drag_pan_y - dy);
}

static gboolean
on_scroll_cb (PlKpiChainView *self, double dx, double dy, GtkEventControllerScroll *scroll)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  gboolean wheel = gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      zoom_at (self, self->zoom * pow (ZOOM_STEP, -dy * (wheel ? 1 : 0.05)), self->pointer_x, self->pointer_y);
      return TRUE;
    }
  if (state & GDK_SHIFT_MASK && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  pan_to (self, self->pan_x + dx * (wheel ? SCROLL_STEP : 1), self->pan_y + dy * (wheel ? SCROLL_STEP : 1));
  return TRUE;
}

static void
on_zoom_begin_cb (PlKpiChainView *self)
{
  self->gesture_zoom = self->zoom;
}

static void
on_zoom_scale_changed_cb (PlKpiChainView *self, double scale, GtkGestureZoom *gesture)
{
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  zoom_at (self, self->gesture_zoom * scale, x, y);
}

/* Hidden, the view only forgets its layout; it is made again when drawn. */
static void
on_plan_changed_cb (PlKpiChainView *self, PlChangeMask change, PlPlan *plan)
{
  if (change & LAYOUT_CHANGES)
    {
      g_clear_pointer (&self->layout, pl_chain_layout_free);
      /* The selected KPI may be gone. */
      if (self->selected != NULL && pl_plan_lookup (plan, pl_item_get_id (self->selected)) != self->selected)
        {
          g_clear_object (&self->selected);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
        }
    }
  if (change & DRAWN_CHANGES)
    invalidate (self);
}

/* ---- keyboard and actions ---- */

/* chain.move (dx, dy), the arrow keys: up and down within a column, left and right to the
 * nearest node of the next column that has any. */
static void
move_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlKpiChainView *self = PL_KPI_CHAIN_VIEW (widget);
  int dx, dy, current, best = -1;
  const PlChainNode *from;
  double best_distance = INFINITY;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  ensure_rects (self);
  if (self->layout == NULL || self->layout->nodes->len == 0)
    return;
  current = selected_index (self);
  if (current < 0)
    {
      /* Nothing selected yet: start at the top of the first column. */
      for (guint i = 0; i < self->layout->nodes->len; i++)
        {
          const PlChainNode *node = &g_array_index (self->layout->nodes, PlChainNode, i);
          double distance = node->column * 10000.0 + node->row;
          if (distance < best_distance)
            {
              best_distance = distance;
              best = (int) i;
            }
        }
      select_index (self, best);
      return;
    }
  from = &g_array_index (self->layout->nodes, PlChainNode, current);
  for (guint i = 0; i < self->layout->nodes->len; i++)
    {
      const PlChainNode *node = &g_array_index (self->layout->nodes, PlChainNode, i);
      double distance;

      if ((int) i == current)
        continue;
      if (dy != 0)
        {
          if (node->column != from->column || (int) node->row - (int) from->row != dy)
            continue;
          distance = 0;
        }
      else
        {
          int steps = (int) node->column - (int) from->column;
          if (steps * dx <= 0)
            continue;
          /* The nearest column first, then the nearest height. */
          distance = abs (steps) * 1e6 + fabs (graphene_rect_get_y (&self->rects[i]) + self->rects[i].size.height / 2 -
                                              graphene_rect_get_y (&self->rects[current]) -
                                              self->rects[current].size.height / 2);
        }
      if (distance < best_distance)
        {
          best_distance = distance;
          best = (int) i;
        }
    }
  if (best >= 0)
    select_index (self, best);
}

/* chain.activate, Enter: opens the selected KPI. */
static void
activate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlKpiChainView *self = PL_KPI_CHAIN_VIEW (widget);

  if (self->selected != NULL)
    g_signal_emit (self, signals[ACTIVATE], 0, self->selected);
}

static void
zoom_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlKpiChainView *self = PL_KPI_CHAIN_VIEW (widget);
  double zoom = g_str_equal (action_name, "chain.zoom-in") ? self->zoom * ZOOM_STEP
                : g_str_equal (action_name, "chain.zoom-out") ? self->zoom / ZOOM_STEP : 1.0;
  int index = selected_index (self);

  if (g_str_equal (action_name, "chain.zoom-fit"))
    {
      set_zoom (self, fit_zoom (self), TRUE);
      return;
    }
  zoom_at (self, zoom, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  /* Zooming from the keyboard keeps the selection in view. */
  scroll_to_node (self, index);
}

static void
update_actions (PlKpiChainView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chain.zoom-in", self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chain.zoom-out", !self->fitted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chain.zoom-reset", self->zoom != 1.0);
}

/* ---- GObject ---- */

static void
pl_kpi_chain_view_dispose (GObject *object)
{
  PlKpiChainView *self = PL_KPI_CHAIN_VIEW (object);

  pl_kpi_chain_view_set_plan (self, NULL);
  g_clear_object (&self->selected);
  G_OBJECT_CLASS (pl_kpi_chain_view_parent_class)->dispose (object);
}

static void
pl_kpi_chain_view_finalize (GObject *object)
{
  PlKpiChainView *self = PL_KPI_CHAIN_VIEW (object);

  g_clear_pointer (&self->layout, pl_chain_layout_free);
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_free (self->rects);
  g_free (self->summary);
  G_OBJECT_CLASS (pl_kpi_chain_view_parent_class)->finalize (object);
}

static void
pl_kpi_chain_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PlKpiChainView *self = PL_KPI_CHAIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_kpi_chain_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PlKpiChainView *self = PL_KPI_CHAIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      pl_kpi_chain_view_set_plan (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      pl_kpi_chain_view_set_selected (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      pl_kpi_chain_view_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass *widget_class, guint key, guint keypad_key, int dx, int dy)
{
  gtk_widget_class_add_binding_action (widget_class, key, 0, "chain.move", "(ii)", dx, dy);
  gtk_widget_class_add_binding_action (widget_class, keypad_key, 0, "chain.move", "(ii)", dx, dy);
}

static void
pl_kpi_chain_view_class_init (PlKpiChainViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_kpi_chain_view_dispose;
  object_class->finalize = pl_kpi_chain_view_finalize;
  object_class->get_property = pl_kpi_chain_view_get_property;
  object_class->set_property = pl_kpi_chain_view_set_property;
  widget_class->snapshot = pl_kpi_chain_view_snapshot;
  widget_class->size_allocate = pl_kpi_chain_view_size_allocate;
  widget_class->css_changed = pl_kpi_chain_view_css_changed;

  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, PL_TYPE_PLAN,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] = g_param_spec_object ("selected", NULL, NULL, PL_TYPE_ITEM,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted with the KPI to open: Enter on the selection, or a double click on a node. */
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, PL_TYPE_ITEM);

  gtk_widget_class_install_action (widget_class, "chain.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "chain.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "chain.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "chain.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "chain.move", "(ii)", move_action);
  gtk_widget_class_install_action (widget_class, "chain.activate", NULL, activate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "chain.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "chain.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "chain.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "chain.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "chain.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "chain.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "chain.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_CONTROL_MASK, "chain.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_9, GDK_CONTROL_MASK, "chain.zoom-fit", NULL);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1);
  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chain.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chain.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "chain.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chain.activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "kpichain");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pl_kpi_chain_view_init (PlKpiChainView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->zoom = 1.0;
  self->rects_width = self->rects_height = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  update_actions (self);
}

/* ---- public API ---- */

GtkWidget *
pl_kpi_chain_view_new (void)
{
  return g_object_new (PL_TYPE_KPI_CHAIN_VIEW, NULL);
}

void
pl_kpi_chain_view_set_plan (PlKpiChainView *self, PlPlan *plan)
{
  g_return_if_fail (PL_IS_KPI_CHAIN_VIEW (self));
  g_return_if_fail (plan == NULL || PL_IS_PLAN (plan));

  if (self->plan == plan)
    return;
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_signal_connect_swapped (plan, "changed", G_CALLBACK (on_plan_changed_cb), self);
  g_clear_pointer (&self->layout, pl_chain_layout_free);
  if (self->selected != NULL)
    {
      g_clear_object (&self->selected);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  self->pan_x = self->pan_y = 0;
  /* A plan opens with its whole chain in view. */
  self->zoom = fit_zoom (self);
  self->fitted = TRUE;
  invalidate (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

PlPlan *
pl_kpi_chain_view_get_plan (PlKpiChainView *self)
{
  g_return_val_if_fail (PL_IS_KPI_CHAIN_VIEW (self), NULL);
  return self->plan;
}

PlItem *
pl_kpi_chain_view_get_selected (PlKpiChainView *self)
{
  g_return_val_if_fail (PL_IS_KPI_CHAIN_VIEW (self), NULL);
  return self->selected;
}

void
pl_kpi_chain_view_set_selected (PlKpiChainView *self, PlItem *kpi)
{
  int index = -1;

  g_return_if_fail (PL_IS_KPI_CHAIN_VIEW (self));
  ensure_layout (self);
  if (kpi != NULL && self->layout != NULL)
    for (guint i = 0; i < self->layout->nodes->len; i++)
      if (g_array_index (self->layout->nodes, PlChainNode, i).kpi == kpi)
        index = (int) i;
  select_index (self, index);
}

double
pl_kpi_chain_view_get_zoom (PlKpiChainView *self)
{
  g_return_val_if_fail (PL_IS_KPI_CHAIN_VIEW (self), 1.0);
  return self->zoom;
}

void
pl_kpi_chain_view_set_zoom (PlKpiChainView *self, double zoom)
{
  g_return_if_fail (PL_IS_KPI_CHAIN_VIEW (self));
  zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

guint32
pl_kpi_chain_view_get_month (PlKpiChainView *self)
{
  g_return_val_if_fail (PL_IS_KPI_CHAIN_VIEW (self), 0);
  if (self->plan == NULL)
    return 0;
  /* As the chart: the month before the end of the measurements. */
  return month_start (pl_figures_measured_until (self->plan), -1);
}

PlItem *
pl_kpi_chain_view_kpi_at (PlKpiChainView *self, double x, double y)
{
  int index;

  g_return_val_if_fail (PL_IS_KPI_CHAIN_VIEW (self), NULL);
  index = node_at (self, x, y);
  return index >= 0 ? g_array_index (self->layout->nodes, PlChainNode, index).kpi : NULL;
}

gboolean
pl_kpi_chain_view_get_node_bounds (PlKpiChainView *self, PlItem *kpi, graphene_rect_t *bounds)
{
  g_return_val_if_fail (PL_IS_KPI_CHAIN_VIEW (self), FALSE);
  ensure_rects (self);
  if (self->layout == NULL)
    return FALSE;
  for (guint i = 0; i < self->layout->nodes->len; i++)
    if (g_array_index (self->layout->nodes, PlChainNode, i).kpi == kpi)
      {
        double ox, oy;

        chart_offset (self, &ox, &oy);
        graphene_rect_offset_r (&self->rects[i], (float) ox, (float) oy, bounds);
        return TRUE;
      }
  return FALSE;
}

const char *
pl_kpi_chain_view_get_summary (PlKpiChainView *self)
{
  g_return_val_if_fail (PL_IS_KPI_CHAIN_VIEW (self), NULL);
  return self->summary;
}

char *
pl_kpi_chain_view_describe (PlKpiChainView *self, PlItem *kpi)
{
  PlItem *owner;
  guint32 month, end;
  g_autofree char *value = NULL, *target = NULL, *month_text = NULL;
  const char *owner_id, *name;
  GDate date;
  char buffer[64];

  g_return_val_if_fail (PL_IS_KPI_CHAIN_VIEW (self), NULL);
  g_return_val_if_fail (PL_IS_KPI (kpi), NULL);
  g_return_val_if_fail (self->plan != NULL, NULL);

  month = pl_kpi_chain_view_get_month (self);
  end = month_start (month, 1);
  value = format_value (kpi, pl_figures_kpi_value (self->plan, PL_KPI (kpi), month, end));
  target = format_value (kpi, pl_figures_kpi_target (self->plan, PL_KPI (kpi), month, end));
  g_date_clear (&date, 1);
  g_date_set_julian (&date, month);
  g_date_strftime (buffer, sizeof buffer, "%B %Y", &date);
  month_text = g_strdup (buffer);
  owner_id = pl_item_get_string (kpi, PL_KPI_OWNER);
  owner = owner_id != NULL ? pl_plan_lookup (self->plan, owner_id) : NULL;
  name = pl_item_get_string (kpi, PL_KPI_NAME);
  /* Translators: a KPI's tooltip in the chain: its name, "June 2027: 689 against a target of
   * 688 (On target)", then its owner. */
  return g_markup_printf_escaped (_("<b>%s</b>\n%s: %s against a target of %s (%s)\nOwner: %s"),
                                  name ? name : "", month_text, value, target,
                                  status_text (pl_kpi_status (self->plan, kpi, month)),
                                  owner != NULL && pl_item_get_string (owner, PL_MEMBER_NAME)
                                  ? pl_item_get_string (owner, PL_MEMBER_NAME) : _("nobody"));
}

gboolean
pl_kpi_chain_view_get_fitted (PlKpiChainView *self)
{
  g_return_val_if_fail (PL_IS_KPI_CHAIN_VIEW (self), FALSE);
  return self->fitted;
}

void
pl_kpi_chain_view_get_text (PlKpiChainView *self, PlKpiChainText *text)
{
  double scale = pl_a11y_text_scale ();

  g_return_if_fail (PL_IS_KPI_CHAIN_VIEW (self));
  ensure_layout (self);
  *text = (PlKpiChainText) { 0 };
  if (self->layout == NULL)
    return;
  pl_kpi_chain_chart_text (self->plan, self->layout, NULL, chart_width (self) / scale, chart_height (self) / scale,
                           pl_chart_theme_for_widget (GTK_WIDGET (self)), text);
}

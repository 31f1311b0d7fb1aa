/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-month-view"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-a11y.h"
#include "pl-chart-menu.h"
#include "pl-chart-theme.h"
#include "pl-date-text.h"
#include "pl-enums.h"
#include "pl-month-chart.h"
#include "pl-month-view.h"
#include "pl-new-campaign-popover.h"
#include "pl-schedule-edit.h"

/* A press that moves less than this is a click, not a drag. */
#define DRAG_THRESHOLD 8.0

typedef enum { DRAG_NONE, DRAG_MOVE, DRAG_CREATE } DragKind;

struct _PlMonthView
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkLabel             *title;
  GtkDrawingArea       *area;
  GtkPopover           *more;
  GtkLabel             *more_title;
  GtkListBox           *more_list;

  PlPlan               *plan;
  PlMonthOptions        options;
  GArray               *bars;     /* PlMonthBar of the month shown, for hit tests */
  PlNewCampaignPopover *create;
  DragKind              drag;
  PlItem               *dragged;  /* the campaign being moved */
  guint32               drag_day; /* the day the drag started on */
  guint32               drop_day; /* the day under the pointer now */
};

G_DEFINE_FINAL_TYPE (PlMonthView, pl_month_view, GTK_TYPE_WIDGET)

PlMonthView *
pl_month_view_new (void)
{
  return g_object_new (PL_TYPE_MONTH_VIEW, NULL);
}

/* The month is drawn zoomed by the text scale (pl_chart_theme_zoom()): a point of the widget
 * becomes one of the chart, and the widget's size the chart's. */
static void
to_chart (PlMonthView *self, double *x, double *y, int *width, int *height)
{
  double scale = pl_a11y_text_scale ();

  *x /= scale;
  *y /= scale;
  *width = (int) (gtk_widget_get_width (GTK_WIDGET (self->area)) / scale);
  *height = (int) (gtk_widget_get_height (GTK_WIDGET (self->area)) / scale);
}

static void
draw_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PlMonthView *self = data;
  g_autofree char *summary = NULL;

  if (self->plan == NULL || self->options.month == 0)
    return;
  pl_chart_theme_zoom (cr, &width, &height);
  summary = pl_month_chart_draw (self->plan, &self->options, cr, width, height,
                                 pl_chart_theme_for_widget (GTK_WIDGET (area)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
}

void
pl_month_view_refresh (PlMonthView *self)
{
  g_return_if_fail (PL_IS_MONTH_VIEW (self));
  g_clear_pointer (&self->bars, g_array_unref);
  if (self->plan != NULL && self->options.month != 0)
    self->bars = pl_month_chart_bars (self->plan, self->options.month);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

void
pl_month_view_set_plan (PlMonthView *self, PlPlan *plan)
{
  g_return_if_fail (PL_IS_MONTH_VIEW (self));
  if (g_set_object (&self->plan, plan))
    pl_month_view_refresh (self);
}

void
pl_month_view_set_paint (PlMonthView *self, const PlCampaignPaint *paint)
{
  g_return_if_fail (PL_IS_MONTH_VIEW (self));
  self->options.paint = paint;
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

void
pl_month_view_set_warned (PlMonthView *self, GHashTable *warned)
{
  g_return_if_fail (PL_IS_MONTH_VIEW (self));
  self->options.warned = warned;
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

void
pl_month_view_show_month (PlMonthView *self, guint32 month)
{
  GDate date;
  char title[64];

  g_return_if_fail (PL_IS_MONTH_VIEW (self));
  self->options.month = month;
  g_date_set_julian (&date, month);
  g_date_strftime (title, sizeof title, "%B %Y", &date);
  gtk_label_set_label (self->title, title);
  pl_month_view_refresh (self);
}

guint32
pl_month_view_get_month (PlMonthView *self)
{
  g_return_val_if_fail (PL_IS_MONTH_VIEW (self), 0);
  return self->options.month;
}

void
pl_month_view_step (PlMonthView *self, int months)
{
  GDate date;

  g_return_if_fail (PL_IS_MONTH_VIEW (self));
  if (self->options.month == 0)
    return;
  g_date_set_julian (&date, self->options.month);
  if (months > 0)
    g_date_add_months (&date, (guint) months);
  else
    g_date_subtract_months (&date, (guint) -months);
  pl_month_view_show_month (self, g_date_get_julian (&date));
}

/* ---- the day's popover ---- */

static char *
describe (PlItem *item)
{

  if (PL_IS_CAMPAIGN (item))
    {
      g_autofree char *from = pl_date_text (pl_item_get_julian (item, PL_CAMPAIGN_START), PL_DATE_DAY_MON);
      g_autofree char *to = pl_date_text (MAX (pl_item_get_julian (item, PL_CAMPAIGN_END),
                                               pl_item_get_julian (item, PL_CAMPAIGN_START)), PL_DATE_DAY_MON);

      /* Translators: a campaign in a day's list: its status, then its dates */
      return g_strdup_printf (_("Campaign, %s, %s to %s"),
                              pl_enum_get_label (PL_TYPE_CAMPAIGN_STATUS, (int) pl_item_get_int (item, PL_CAMPAIGN_STATUS)),
                              g_strstrip (from), g_strstrip (to));
    }
  return g_strdup (pl_enum_get_label (PL_TYPE_ENTRY_KIND, (int) pl_item_get_int (item, PL_ENTRY_KIND)));
}

gboolean
pl_month_view_show_day (PlMonthView *self, guint32 day)
{
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *child;
  g_autofree char *title = NULL;
  GdkRectangle where = { 0, 0, 1, 1 };
  double scale = pl_a11y_text_scale (), origin_x = 0, origin_y = 0;
  int width, height;

  g_return_val_if_fail (PL_IS_MONTH_VIEW (self), FALSE);
  to_chart (self, &origin_x, &origin_y, &width, &height);
  if (self->bars == NULL)
    return FALSE;
  /* Find the day's cell to point at. */
  for (int y = 0; y < height && where.width == 1; y += 4)
    for (int x = 0; x < width; x += 4)
      if (pl_month_chart_day_at (self->options.month, width, height, x, y) == day)
        {
          where = (GdkRectangle) { (int) (x * scale), (int) (y * scale), (int) (width * scale / 7.0), (int) (20 * scale) };
          break;
        }
  if (where.width == 1 && width > 0)
    return FALSE;
  items = pl_month_chart_items_on (self->bars, day);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->more_list))) != NULL)
    gtk_list_box_remove (self->more_list, child);
  for (guint i = 0; i < items->len; i++)
    {
      PlItem *item = items->pdata[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name = gtk_label_new (PL_IS_CAMPAIGN (item) ? pl_item_get_string (item, PL_CAMPAIGN_NAME)
                                                             : pl_item_get_string (item, PL_ENTRY_TITLE));
      g_autofree char *about = describe (item);
      GtkWidget *detail = gtk_label_new (about);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_xalign (GTK_LABEL (detail), 0);
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_widget_add_css_class (detail, "caption");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), detail);
      gtk_widget_set_margin_start (box, 8);
      gtk_widget_set_margin_end (box, 8);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "item-id", g_strdup (pl_item_get_id (item)), g_free);
      gtk_list_box_append (self->more_list, row);
    }
  title = pl_date_text (day, PL_DATE_WEEKDAY_DAY_MONTH);
  gtk_label_set_label (self->more_title, title);
  gtk_popover_set_pointing_to (self->more, &where);
  gtk_popover_popup (self->more);
  return TRUE;
}

GtkPopover *
pl_month_view_get_day_popover (PlMonthView *self)
{
  g_return_val_if_fail (PL_IS_MONTH_VIEW (self), NULL);
  return self->more;
}

static void
on_more_activated_cb (GtkListBox *list, GtkListBoxRow *row, PlMonthView *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "item-id");

  gtk_popover_popdown (self->more);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "s", id);
}

/* ---- pointer ---- */

static void
on_drag_begin_cb (GtkGestureDrag *gesture, double x, double y, PlMonthView *self)
{
  int width, height, bar;
  guint32 more_day;

  to_chart (self, &x, &y, &width, &height);
  bar = self->bars ? pl_month_chart_bar_at (self->bars, self->options.month, width, height, x, y) : -1;
  gtk_widget_grab_focus (GTK_WIDGET (self->area));
  self->drag = DRAG_NONE;
  g_clear_object (&self->dragged);
  self->drag_day = self->drop_day = pl_month_chart_day_at (self->options.month, width, height, x, y);
  if (self->drag_day == 0 || self->plan == NULL ||
      pl_month_chart_more_at (self->bars, self->options.month, width, height, x, y, &more_day))
    return;
  if (bar >= 0 && PL_IS_CAMPAIGN (g_array_index (self->bars, PlMonthBar, bar).item))
    {
      self->drag = DRAG_MOVE;
      self->dragged = g_object_ref (g_array_index (self->bars, PlMonthBar, bar).item);
    }
  else if (bar < 0)
    self->drag = DRAG_CREATE;
}

/* The days the drag would give: the moved campaign's, or the new one's. */
static void
dragged_days (PlMonthView *self, guint32 *from, guint32 *to)
{
  if (self->drag == DRAG_MOVE)
    {
      gint64 delta = (gint64) self->drop_day - self->drag_day;
      guint32 start = pl_item_get_julian (self->dragged, PL_CAMPAIGN_START);
      *from = (guint32) (start + delta);
      *to = (guint32) (MAX (pl_item_get_julian (self->dragged, PL_CAMPAIGN_END), start) + delta);
    }
  else
    {
      *from = MIN (self->drag_day, self->drop_day);
      *to = MAX (self->drag_day, self->drop_day);
    }
}

static void
on_drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, PlMonthView *self)
{
  double x, y;
  int width, height;
  guint32 day;

  if (self->drag == DRAG_NONE || hypot (dx, dy) < DRAG_THRESHOLD)
    return;
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  x += dx;
  y += dy;
  to_chart (self, &x, &y, &width, &height);
  day = pl_month_chart_day_at (self->options.month, width, height, x, y);
  if (day != 0)
    self->drop_day = day;
  dragged_days (self, &self->options.highlight_from, &self->options.highlight_to);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
on_drag_end_cb (GtkGestureDrag *gesture, double dx, double dy, PlMonthView *self)
{
  double x, y;
  guint32 from, to;

  on_drag_update_cb (gesture, dx, dy, self);
  self->options.highlight_from = self->options.highlight_to = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
  if (self->drag == DRAG_NONE || hypot (dx, dy) < DRAG_THRESHOLD)
    {
      self->drag = DRAG_NONE;
      return;
    }
  dragged_days (self, &from, &to);
  if (self->drag == DRAG_MOVE && self->drop_day != self->drag_day)
    pl_schedule_shift_campaign (self->plan, self->dragged, (int) ((gint64) self->drop_day - self->drag_day), TRUE, TRUE);
  else if (self->drag == DRAG_CREATE)
    {
      GdkRectangle where;
      gtk_gesture_drag_get_start_point (gesture, &x, &y);
      where = (GdkRectangle) { (int) (x + dx), (int) (y + dy), 1, 1 };
      pl_new_campaign_popover_ask (self->create, self->plan, from, to, NULL, 0, &where);
    }
  self->drag = DRAG_NONE;
  g_clear_object (&self->dragged);
}

static void
on_pressed_cb (GtkGestureClick *click, int n_press, double x, double y, PlMonthView *self)
{
  int width, height, bar;

  if (self->bars == NULL)
    return;
  to_chart (self, &x, &y, &width, &height);
  bar = pl_month_chart_bar_at (self->bars, self->options.month, width, height, x, y);
  if (n_press == 2 && bar >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "s",
                                pl_item_get_id (g_array_index (self->bars, PlMonthBar, bar).item));
}

static void
on_released_cb (GtkGestureClick *click, int n_press, double x, double y, PlMonthView *self)
{
  int width, height;
  guint32 day;

  to_chart (self, &x, &y, &width, &height);
  /* On release: a popover that opened on press would take the release from under the pointer. */
  if (self->bars != NULL && n_press == 1 &&
      pl_month_chart_more_at (self->bars, self->options.month, width, height, x, y, &day))
    pl_month_view_show_day (self, day);
}

/* ---- GObject ---- */

static void
pl_month_view_dispose (GObject *object)
{
  PlMonthView *self = PL_MONTH_VIEW (object);
  GtkWidget *child;

  g_clear_object (&self->plan);
  g_clear_object (&self->dragged);
  g_clear_pointer (&self->bars, g_array_unref);
  if (self->more != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->more));
  if (self->create != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->create)));
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_MONTH_VIEW);
  self->more = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pl_month_view_parent_class)->dispose (object);
}

static void
pl_month_view_class_init (PlMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_month_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-month-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlMonthView, title);
  gtk_widget_class_bind_template_child (widget_class, PlMonthView, area);
  gtk_widget_class_bind_template_child (widget_class, PlMonthView, more);
  gtk_widget_class_bind_template_child (widget_class, PlMonthView, more_title);
  gtk_widget_class_bind_template_child (widget_class, PlMonthView, more_list);
  gtk_widget_class_bind_template_callback (widget_class, on_more_activated_cb);
}

static void
grow_month (GtkWidget *area)
{
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) (6 * 80 * pl_a11y_text_scale ()));
}

static void
pl_month_view_init (PlMonthView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->more), GTK_WIDGET (self->area));
  self->create = pl_new_campaign_popover_new ();
  gtk_widget_set_parent (GTK_WIDGET (self->create), GTK_WIDGET (self->area));
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
  /* At large text a week's row keeps room for its campaigns rather than "+3 more" in every
   * day: the month grows and the page scrolls. */
  pl_a11y_when_large_text (GTK_WIDGET (self->area), grow_month);
  pl_chart_menu_attach (GTK_WIDGET (self->area), "month");
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), GTK_EVENT_CONTROLLER (click));
}

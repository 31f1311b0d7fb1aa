/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-calendar-page"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-a11y.h"
#include "pl-calendar.h"
#include "pl-calendar-page.h"
#include "pl-date-text.h"
#include "pl-chart-menu.h"
#include "pl-chart-theme.h"
#include "pl-enums.h"
#include "pl-ical.h"
#include "pl-month-view.h"
#include "pl-new-campaign-popover.h"
#include "pl-schedule-edit.h"
#include "pl-text-list.h"
#include "pl-timeline-chart.h"

/* Grabbing a bar this close to an end moves that end only. */
#define EDGE 6.0

/* A press that moves less than this is a click, not a drag. */
#define DRAG_THRESHOLD 8.0

typedef enum { DRAG_NONE, DRAG_MOVE, DRAG_START, DRAG_END, DRAG_CREATE } DragKind;

struct _PlCalendarPage
{
  PlPage                parent_instance;

  /* Template widgets */
  GtkStack             *views;
  GtkDropDown          *lanes;
  GtkDropDown          *color_by;
  GtkDrawingArea       *legend;
  GtkWidget            *legend_row;
  GtkDrawingArea       *timeline;
  GtkScrollbar         *scrollbar;
  GtkExpander          *warnings_expander;
  GtkListView          *warnings;
  GtkListView          *agenda;
  PlMonthView          *month_view;

  /* Owned references */
  PlPlan               *plan;
  PlTimelineLayout     *layout;
  PlCampaignPaint      *paint;
  GHashTable           *warned;   /* campaign -> the first warning about it (or an activity of it) */
  PlTextList           *warnings_shown; /* PlCalendarWarning, the record being filled in left out */
  GArray               *agenda_items;   /* AgendaItem, by row */
  PlTextList           *agenda_rows;    /* the rows of agenda_items, for the list view */
  gboolean              agenda_stale;   /* the plan changed while the agenda was not shown */
  gboolean              today_shown;    /* the timeline drew its today line: the legend names it */
  PlTimelineOptions     options;
  GtkAdjustment        *adjustment;
  GtkFileChooserNative *chooser;
  DragKind              drag;
  int                   drag_row;
  int                   drag_lane;
  guint32               drag_day;
  PlNewCampaignPopover *create;
  GtkPopover           *context_menu;
};

G_DEFINE_FINAL_TYPE (PlCalendarPage, pl_calendar_page, PL_TYPE_PAGE)

/* One row of the agenda: a week's heading, an item on a day, or the line saying there is none. */
typedef enum { AGENDA_WEEK, AGENDA_ITEM, AGENDA_NONE } AgendaKind;

typedef struct {
  AgendaKind  kind;
  guint32     day;
  const char *what;
  char       *title;
  PlItem     *entry;    /* a repeating calendar entry (held), or NULL */
  guint32     origin;   /* the occurrence's own date; 0 for one the plan skips */
  gboolean    skipped;
} AgendaItem;

static void rebuild_agenda (PlCalendarPage *self);
static gboolean showing_agenda (PlCalendarPage *self);

/* The timeline is drawn zoomed by the text scale (see pl_chart_theme_zoom()): its own
 * coordinates are the widget's divided by it. */
static int
chart_width (PlCalendarPage *self)
{
  return (int) (gtk_widget_get_width (GTK_WIDGET (self->timeline)) / pl_a11y_text_scale ());
}

static int
chart_height (PlCalendarPage *self)
{
  return (int) (gtk_widget_get_height (GTK_WIDGET (self->timeline)) / pl_a11y_text_scale ());
}

static double
pixels_per_day (PlCalendarPage *self)
{
  double plot = chart_width (self) - PL_TIMELINE_LABEL_W;
  return plot / MAX (1.0, (double) self->options.to - self->options.from);
}

static PlItem *
selected_campaign (PlCalendarPage *self)
{
  if (self->layout == NULL || self->options.selected < 0 || (guint) self->options.selected >= self->layout->rows->len)
    return NULL;
  return g_array_index (self->layout->rows, PlTimelineRow, self->options.selected).campaign;
}

/* ---- the timeline ---- */

static void
update_scrollbar (PlCalendarPage *self)
{
  double page = MAX (1, chart_height (self) - PL_TIMELINE_AXIS_H);
  double upper = self->layout ? pl_timeline_layout_height (self->layout) + PL_TIMELINE_ROW_H : page;

  gtk_adjustment_configure (self->adjustment, CLAMP (self->options.scroll, 0, MAX (0, upper - page)), 0, upper,
                            PL_TIMELINE_ROW_H, page * 0.9, page);
}

static void
draw_timeline_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PlCalendarPage *self = data;
  g_autofree char *summary = NULL;

  if (self->layout == NULL)
    return;
  pl_chart_theme_zoom (cr, &width, &height);
  summary = pl_timeline_chart_draw (self->plan, self->layout, &self->options, cr, width, height,
                                    pl_chart_theme_for_widget (GTK_WIDGET (area)));
  /* Scrolled or zoomed so that today came into view or left it: the legend follows. */
  if (self->today_shown != (self->options.today >= self->options.from && self->options.today < self->options.to))
    {
      self->today_shown = !self->today_shown;
      gtk_widget_queue_draw (GTK_WIDGET (self->legend));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
}

static void
relayout (PlCalendarPage *self)
{
  PlItem *selected = selected_campaign (self);
  g_autoptr(PlItem) keep = selected ? g_object_ref (selected) : NULL;

  g_clear_pointer (&self->layout, pl_timeline_layout_free);
  self->options.selected = -1;
  if (self->plan == NULL)
    return;
  self->layout = pl_timeline_layout_new (self->plan, (PlTimelineLanes) gtk_drop_down_get_selected (self->lanes));
  /* The month view borrows the colours: it lets go of the old ones before they go. */
  pl_month_view_set_paint (self->month_view, NULL);
  g_clear_pointer (&self->paint, pl_campaign_paint_free);
  self->paint = pl_campaign_paint_new (self->plan, (PlColorBy) gtk_drop_down_get_selected (self->color_by));
  self->options.paint = self->paint;
  pl_month_view_set_paint (self->month_view, self->paint);
  gtk_widget_queue_draw (GTK_WIDGET (self->legend));
  /* The selection follows its campaign to wherever the new layout puts it. */
  if (keep != NULL)
    self->options.selected = pl_timeline_layout_find_row (self->layout, keep);
  update_scrollbar (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline));
}

void
pl_calendar_page_select (PlCalendarPage *self, PlItem *campaign)
{
  int row;

  g_return_if_fail (PL_IS_CALENDAR_PAGE (self));
  if (self->layout == NULL || campaign == NULL)
    return;
  row = pl_timeline_layout_find_row (self->layout, campaign);
  self->options.selected = row;
  if (row >= 0)
    {
      double top = (row + g_array_index (self->layout->rows, PlTimelineRow, row).lane + 1) * PL_TIMELINE_ROW_H;
      double page = gtk_adjustment_get_page_size (self->adjustment);
      if (top < self->options.scroll || top + PL_TIMELINE_ROW_H > self->options.scroll + page)
        gtk_adjustment_set_value (self->adjustment, top - page / 3);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline));
}

void
pl_calendar_page_move (PlCalendarPage *self, int days, gboolean start, gboolean end)
{
  PlItem *campaign = selected_campaign (self);

  g_return_if_fail (PL_IS_CALENDAR_PAGE (self));
  if (campaign != NULL)
    pl_schedule_shift_campaign (self->plan, campaign, days, start, end);
}

gboolean
pl_calendar_page_get_bar (PlCalendarPage *self, PlItem *campaign, graphene_rect_t *bar)
{
  int row;
  double x, y, w, h, scale = pl_a11y_text_scale ();

  g_return_val_if_fail (PL_IS_CALENDAR_PAGE (self), FALSE);
  row = self->layout ? pl_timeline_layout_find_row (self->layout, campaign) : -1;
  if (row < 0 || !pl_timeline_chart_bar_rect (self->layout, &self->options, (guint) row, chart_width (self),
                                              chart_height (self), &x, &y, &w, &h))
    return FALSE;
  graphene_rect_init (bar, (float) (x * scale), (float) (y * scale), (float) (w * scale), (float) (h * scale));
  return TRUE;
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture, double widget_x, double widget_y, PlCalendarPage *self)
{
  int width = chart_width (self), height = chart_height (self);
  double x = widget_x / pl_a11y_text_scale (), y = widget_y / pl_a11y_text_scale ();
  int row = self->layout ? pl_timeline_chart_row_at (self->layout, &self->options, width, height, x, y) : -1;
  double bx, by, bw, bh;

  gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
  self->drag = DRAG_NONE;
  self->options.selected = row;
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline));
  if (self->layout == NULL || x < PL_TIMELINE_LABEL_W)
    return;
  self->drag_day = pl_timeline_chart_day_at (&self->options, width, x);
  self->drag_lane = pl_timeline_chart_lane_at (self->layout, &self->options, height, y);
  if (row < 0)
    {
      /* On a lane's heading row, or below the last row: a new campaign. */
      if (self->drag_lane >= 0)
        self->drag = DRAG_CREATE;
      return;
    }
  if (!pl_timeline_chart_bar_rect (self->layout, &self->options, (guint) row, width, height, &bx, &by, &bw, &bh))
    return;
  if (x >= bx - EDGE && x <= bx + EDGE)
    self->drag = DRAG_START;
  else if (x >= bx + bw - EDGE && x <= bx + bw + EDGE)
    self->drag = DRAG_END;
  else if (x > bx && x < bx + bw)
    self->drag = DRAG_MOVE;
  self->drag_row = row;
}

/* The days the drag gives so far, snapped to whole days. */
static int
dragged_days (PlCalendarPage *self, double dx)
{
  return (int) lround (dx / pl_a11y_text_scale () / MAX (0.01, pixels_per_day (self)));
}

static void
on_drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, PlCalendarPage *self)
{
  int days = dragged_days (self, dx);

  if (self->drag == DRAG_NONE || (self->drag == DRAG_CREATE && hypot (dx, dy) < DRAG_THRESHOLD))
    return;
  self->options.preview_row = self->drag == DRAG_CREATE ? -1 : self->drag_row;
  self->options.preview_lane = self->drag == DRAG_CREATE ? self->drag_lane : -1;
  if (self->drag == DRAG_CREATE)
    {
      self->options.preview_start = (guint32) MIN ((gint64) self->drag_day, (gint64) self->drag_day + days);
      self->options.preview_end = (guint32) MAX ((gint64) self->drag_day, (gint64) self->drag_day + days);
    }
  else
    {
      const PlTimelineRow *row = &g_array_index (self->layout->rows, PlTimelineRow, self->drag_row);
      gint64 start = row->start + (self->drag != DRAG_END ? days : 0), end = row->end + (self->drag != DRAG_START ? days : 0);
      /* A campaign keeps at least one day. */
      self->options.preview_start = (guint32) MIN (start, (gint64) row->end);
      self->options.preview_end = (guint32) MAX (end, (gint64) self->options.preview_start);
      if (self->drag == DRAG_START)
        self->options.preview_end = row->end;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline));
}

static void
on_drag_end_cb (GtkGestureDrag *gesture, double dx, double dy, PlCalendarPage *self)
{
  int days = dragged_days (self, dx);

  on_drag_update_cb (gesture, dx, dy, self);
  if (self->drag == DRAG_CREATE && self->options.preview_end != 0)
    {
      PlTimelineLanes lanes = (PlTimelineLanes) gtk_drop_down_get_selected (self->lanes);
      guint fields[] = { PL_CAMPAIGN_CHANNEL, PL_CAMPAIGN_SEGMENT, PL_CAMPAIGN_OWNER, PL_CAMPAIGN_STATUS };
      PlItem *like = (guint) self->drag_lane < self->layout->lane_first->len
                       ? g_array_index (self->layout->rows, PlTimelineRow,
                                        g_array_index (self->layout->lane_first, guint, self->drag_lane)).campaign
                       : NULL;
      double x, y;
      GdkRectangle where;

      gtk_gesture_drag_get_start_point (gesture, &x, &y);
      where = (GdkRectangle) { (int) (x + dx), (int) y, 1, 1 };
      /* The new campaign joins the lane it was drawn in. */
      pl_new_campaign_popover_ask (self->create, self->plan, self->options.preview_start, self->options.preview_end,
                                   like, fields[lanes], &where);
    }
  /* Snapped to whole days; one undoable edit for the whole drag. */
  else if (self->drag != DRAG_NONE && days != 0)
    pl_calendar_page_move (self, days, self->drag != DRAG_END, self->drag != DRAG_START);
  self->drag = DRAG_NONE;
  self->options.preview_end = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline));
}

static void
shift_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pl_calendar_page_move (PL_CALENDAR_PAGE (widget), g_variant_get_int32 (parameter), TRUE, TRUE);
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlItem *campaign = selected_campaign (PL_CALENDAR_PAGE (widget));

  if (campaign != NULL)
    gtk_widget_activate_action (widget, "win.show-item", "s", pl_item_get_id (campaign));
}

static void
view_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_stack_set_visible_child_name (PL_CALENDAR_PAGE (widget)->views, g_variant_get_string (parameter, NULL));
}

/* Right-click on a campaign: what the keyboard does, in words, and its editor. */
static void
on_context_cb (GtkGestureClick *click, int n_press, double x, double y, PlCalendarPage *self)
{
  double scale = pl_a11y_text_scale ();
  int row = self->layout ? pl_timeline_chart_row_at (self->layout, &self->options, chart_width (self),
                                                     chart_height (self), x / scale, y / scale) : -1;
  GdkRectangle where = { (int) x, (int) y, 1, 1 };

  /* Off a campaign, the menu still exports or prints the chart. */
  self->options.selected = row;
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline));
  gtk_popover_set_pointing_to (self->context_menu, &where);
  gtk_popover_popup (self->context_menu);
}

static void
on_campaign_added_cb (PlNewCampaignPopover *popover, PlItem *campaign, PlCalendarPage *self)
{
  pl_calendar_page_select (self, campaign);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
}

static void
on_pressed_cb (GtkGestureClick *click, int n_press, double x, double y, PlCalendarPage *self)
{
  PlItem *campaign = selected_campaign (self);

  /* Double-click opens the campaign's editor. */
  if (n_press == 2 && campaign != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "s", pl_item_get_id (campaign));
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *scroll, double dx, double dy, PlCalendarPage *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));

  if (state & GDK_CONTROL_MASK)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), dy < 0 ? "calendar.zoom-in" : "calendar.zoom-out", NULL);
      return TRUE;
    }
  if (dx != 0)
    {
      /* Sideways: the window of days slides. */
      int days = (int) lround (dx * 30 / MAX (1.0, pixels_per_day (self)));
      self->options.from += days;
      self->options.to += days;
      gtk_widget_queue_draw (GTK_WIDGET (self->timeline));
    }
  gtk_adjustment_set_value (self->adjustment, gtk_adjustment_get_value (self->adjustment) + dy * PL_TIMELINE_ROW_H * 2);
  return TRUE;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state, PlCalendarPage *self)
{
  int step = state & GDK_SHIFT_MASK ? 7 : 1;

  switch (keyval)
    {
    case GDK_KEY_Left:
      pl_calendar_page_move (self, -step, TRUE, TRUE);
      return TRUE;
    case GDK_KEY_Right:
      pl_calendar_page_move (self, step, TRUE, TRUE);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_Down:
      if (self->layout != NULL && self->layout->rows->len > 0)
        {
          int row = CLAMP (self->options.selected + (keyval == GDK_KEY_Up ? -1 : 1), 0, (int) self->layout->rows->len - 1);
          pl_calendar_page_select (self, g_array_index (self->layout->rows, PlTimelineRow, row).campaign);
        }
      return TRUE;
    case GDK_KEY_F10:
      if (!(state & GDK_SHIFT_MASK))
        return FALSE;
      G_GNUC_FALLTHROUGH;
    case GDK_KEY_Menu:
      {
        graphene_rect_t bar;
        PlItem *campaign = selected_campaign (self);
        if (campaign != NULL && pl_calendar_page_get_bar (self, campaign, &bar))
          {
            GdkRectangle where = { (int) bar.origin.x, (int) bar.origin.y, (int) bar.size.width, (int) bar.size.height };
            gtk_popover_set_pointing_to (self->context_menu, &where);
            gtk_popover_popup (self->context_menu);
          }
      }
      return TRUE;
    case GDK_KEY_Return:
      if (selected_campaign (self) != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "s", pl_item_get_id (selected_campaign (self)));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_scrolled_cb (PlCalendarPage *self)
{
  self->options.scroll = gtk_adjustment_get_value (self->adjustment);
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline));
}

static void
on_resize_cb (PlCalendarPage *self)
{
  update_scrollbar (self);
}

/* ---- the month view and the legend ---- */

static void
draw_legend_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PlCalendarPage *self = data;
  double needed;

  if (self->plan == NULL)
    return;
  pl_chart_theme_zoom (cr, &width, &height);
  /* The today line is the timeline's (the month view tints no day), when today is in view. */
  needed = pl_campaign_paint_draw_legend (self->paint, cr, 0, 2, width,
                                          g_strcmp0 (gtk_stack_get_visible_child_name (self->views), "timeline") == 0 &&
                                            self->today_shown,
                                          pl_chart_theme_for_widget (GTK_WIDGET (area)));
  needed = (needed + 2) * pl_a11y_text_scale ();
  /* A narrow window wraps the legend: the area grows to show every line. */
  if ((int) ceil (needed) != gtk_drawing_area_get_content_height (area))
    gtk_drawing_area_set_content_height (area, (int) ceil (needed));
}

static void
on_view_changed_cb (PlCalendarPage *self)
{
  gboolean agenda = showing_agenda (self);

  /* The agenda has no bars to explain. */
  gtk_widget_set_visible (self->legend_row, !agenda);
  gtk_widget_queue_draw (GTK_WIDGET (self->legend));
  if (agenda && self->agenda_stale && self->plan != NULL)
    rebuild_agenda (self);
}

static void
previous_month_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pl_month_view_step (PL_CALENDAR_PAGE (widget)->month_view, -1);
}

static void
next_month_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pl_month_view_step (PL_CALENDAR_PAGE (widget)->month_view, 1);
}

/* ---- zoom ---- */

static void
zoom (PlCalendarPage *self, double factor)
{
  double middle = (self->options.from + self->options.to) / 2.0;
  double half = MAX (3.5, (self->options.to - self->options.from) * factor / 2);

  self->options.from = (guint32) lround (middle - half);
  self->options.to = (guint32) lround (middle + half);
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline));
}

static void
zoom_in_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  zoom (PL_CALENDAR_PAGE (widget), 0.5);
}

static void
zoom_out_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  zoom (PL_CALENDAR_PAGE (widget), 2);
}

static void
fit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlCalendarPage *self = PL_CALENDAR_PAGE (widget);

  if (self->plan == NULL)
    return;
  self->options.from = pl_plan_get_start (self->plan);
  self->options.to = pl_plan_get_end (self->plan);
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline));
}

/* ---- export ---- */

static void
on_export_response_cb (GtkNativeDialog *chooser, int response, PlCalendarPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT || self->plan == NULL)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (!pl_ical_export (self->plan, file, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, GTK_DIALOG_MODAL,
                                                  GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, _("The calendar could not be saved"));
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
      g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlCalendarPage *self = PL_CALENDAR_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;

  if (self->plan == NULL)
    return;
  if (self->chooser == NULL)
    {
      self->chooser = gtk_file_chooser_native_new (_("Export the Calendar"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
      g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response_cb), self);
    }
  name = g_strdup_printf ("%s.ics", pl_plan_get_title (self->plan));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- warnings ---- */

static void
on_warning_activated_cb (GtkListView *list, guint position, PlCalendarPage *self)
{
  PlCalendarWarning *warning = pl_text_list_get_data (self->warnings_shown, position);
  PlItem *item;

  if (warning == NULL)
    return;
  item = pl_plan_lookup (self->plan, warning->id);
  if (item != NULL && PL_IS_ENTRY (item))
    item = pl_plan_lookup (self->plan, pl_item_get_string (item, PL_ENTRY_CAMPAIGN));
  if (item != NULL && PL_IS_CAMPAIGN (item))
    {
      gtk_stack_set_visible_child_name (self->views, "timeline");
      pl_calendar_page_select (self, item);
    }
}

static void
setup_warning_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "warning-text");
  gtk_widget_set_margin_start (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_warning_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
rebuild_warnings (PlCalendarPage *self)
{
  g_autoptr(GPtrArray) warnings = pl_calendar_warnings (self->plan);
  g_autofree char *title = NULL;

  /* The record the user is still filling in is left alone until they are done with it. */
  for (guint i = warnings->len; i-- > 0;)
    if (pl_plan_is_filling (self->plan, ((PlCalendarWarning *) g_ptr_array_index (warnings, i))->id))
      g_ptr_array_remove_index (warnings, i);

  g_hash_table_remove_all (self->warned);
  for (guint i = 0; i < warnings->len; i++)
    {
      PlCalendarWarning *warning = warnings->pdata[i];
      PlItem *item = pl_plan_lookup (self->plan, warning->id);

      /* On the calendar too: a sign by the campaign concerned (an activity's, for one). */
      if (item != NULL && PL_IS_ENTRY (item))
        item = pl_plan_lookup (self->plan, pl_item_get_string (item, PL_ENTRY_CAMPAIGN));
      if (item != NULL && !g_hash_table_contains (self->warned, item))
        g_hash_table_insert (self->warned, g_object_ref (item), g_strdup (warning->message));
    }
  pl_text_list_set_array (self->warnings_shown, warnings, G_STRUCT_OFFSET (PlCalendarWarning, message));
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline));
  title = warnings->len == 0 ? g_strdup (_("No warning on the schedule"))
                             : g_strdup_printf (ngettext ("%u warning on the schedule", "%u warnings on the schedule",
                                                          warnings->len), warnings->len);
  gtk_expander_set_label (self->warnings_expander, title);
  /* GTK 4.8 does not name an expander after its label. */
  pl_a11y_label (GTK_WIDGET (self->warnings_expander), title);
  gtk_widget_set_sensitive (GTK_WIDGET (self->warnings_expander), warnings->len > 0);
}

/* ---- the agenda ---- */

static void
agenda_item_clear (gpointer data)
{
  AgendaItem *item = data;

  g_free (item->title);
  g_clear_object (&item->entry);
}

static int
by_day (gconstpointer a, gconstpointer b)
{
  const AgendaItem *x = a, *y = b;
  return x->day < y->day ? -1 : x->day > y->day ? 1 : g_strcmp0 (x->title, y->title);
}

/* One occurrence of a repeating entry, as its menu edits it; shared by the menu's buttons. */
typedef struct {
  PlCalendarPage *page;
  PlItem         *entry;
  guint32         day;
  guint32         origin;
  GtkCalendar    *calendar;  /* the day to move it to; NULL for a skipped one */
  GtkLabel       *problem;
} Occurrence;

static void
occurrence_clear (gpointer data)
{
  Occurrence *occurrence = data;

  g_clear_object (&occurrence->entry);
}

static void
occurrence_release (gpointer data, GClosure *closure)
{
  g_rc_box_release_full (data, occurrence_clear);
}

/* The edits of one occurrence, from its menu: skip it, hold it on the day picked in the
 * calendar, or bring it back to its own date. Each is one undoable edit; a refusal is shown. */
static void
occurrence_edit (Occurrence *occurrence, const char *what)
{
  PlPlan *plan = occurrence->page->plan;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (what, "skip"))
    pl_calendar_apply_skip (plan, occurrence->entry, occurrence->day, &error);
  else if (g_str_equal (what, "restore"))
    pl_calendar_apply_restore (plan, occurrence->entry, occurrence->origin, &error);
  else
    {
      g_autoptr(GDateTime) picked = gtk_calendar_get_date (occurrence->calendar);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (picked), (GDateMonth) g_date_time_get_month (picked),
                      (GDateYear) g_date_time_get_year (picked));
      pl_calendar_apply_move (plan, occurrence->entry, occurrence->day, g_date_get_julian (&date), &error);
    }
  /* Done, the agenda was made again; refused, nothing changed and the menu says why. */
  if (error != NULL)
    {
      gtk_label_set_label (occurrence->problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (occurrence->problem), TRUE);
    }
}

static void
on_skip_clicked_cb (GtkButton *button, Occurrence *occurrence)
{
  occurrence_edit (occurrence, "skip");
}

static void
on_move_clicked_cb (GtkButton *button, Occurrence *occurrence)
{
  occurrence_edit (occurrence, "move");
}

static void
on_restore_clicked_cb (GtkButton *button, Occurrence *occurrence)
{
  occurrence_edit (occurrence, "restore");
}

static GtkWidget *
occurrence_button (GtkBox *box, const char *label, GCallback callback, Occurrence *occurrence)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_signal_connect_data (button, "clicked", callback, g_rc_box_acquire (occurrence), occurrence_release, 0);
  gtk_box_append (box, button);
  return button;
}

/* The menu of one occurrence of a repeating entry, made when it opens, for the row's item then. */
static void
create_occurrence_menu (GtkMenuButton *menu, gpointer data)
{
  GtkListItem *list_item = data;
  PlCalendarPage *self = PL_CALENDAR_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (menu), PL_TYPE_CALENDAR_PAGE));
  guint position = gtk_list_item_get_position (list_item);
  const AgendaItem *item;
  GtkWidget *popover, *box, *problem;
  Occurrence *occurrence;

  if (self == NULL || (item = pl_text_list_get_data (self->agenda_rows, position)) == NULL || item->entry == NULL)
    return;
  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  problem = gtk_label_new (NULL);
  occurrence = g_rc_box_new0 (Occurrence);
  *occurrence = (Occurrence) { self, g_object_ref (item->entry), item->day, item->origin, NULL, GTK_LABEL (problem) };
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (problem), 36);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_visible (problem, FALSE);
  if (item->skipped || item->origin != item->day)
    occurrence_button (GTK_BOX (box), item->skipped ? _("_Hold It After All") : _("_Back to Its Own Date"),
                       G_CALLBACK (on_restore_clicked_cb), occurrence);
  if (!item->skipped)
    {
      GtkWidget *calendar = gtk_calendar_new ();
      g_autoptr(GDateTime) shown = NULL;
      GDate date;
      GtkWidget *move;

      occurrence_button (GTK_BOX (box), _("_Skip This Occurrence"), G_CALLBACK (on_skip_clicked_cb), occurrence);
      g_date_set_julian (&date, item->day);
      shown = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
      gtk_calendar_select_day (GTK_CALENDAR (calendar), shown);
      gtk_box_append (GTK_BOX (box), calendar);
      occurrence->calendar = GTK_CALENDAR (calendar);
      move = occurrence_button (GTK_BOX (box), _("_Move to the Chosen Day"), G_CALLBACK (on_move_clicked_cb), occurrence);
      gtk_widget_add_css_class (move, "suggested-action");
    }
  gtk_box_append (GTK_BOX (box), problem);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (menu, popover);
  g_rc_box_release_full (occurrence, occurrence_clear);
}

static void
setup_agenda_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *menu = gtk_menu_button_new ();

  /* Every line as tall as one with a menu: the agenda reads in an even rhythm. */
  gtk_widget_set_size_request (row, -1, 32);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* A long title takes a second line rather than widening the page at large text. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (menu), FALSE);
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu), create_occurrence_menu, list_item, NULL);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), menu);
  gtk_list_item_set_child (list_item, row);
  gtk_list_item_set_activatable (list_item, FALSE);
}

/* The markup of one item's row. */
static char *
agenda_line (const AgendaItem *item)
{
  g_autofree char *when = pl_date_text (item->day, PL_DATE_WEEKDAY_DAY_MON);

  if (item->skipped)
    {
      g_autofree char *escaped = g_markup_printf_escaped ("<s>%s   %s · %s</s>", when, item->what, item->title);
      /* Translators: after a struck-through occurrence of a review that will not happen */
      return g_strdup_printf ("%s  %s", escaped, _("(skipped)"));
    }
  if (item->entry != NULL && item->origin != item->day)
    {
      g_autofree char *own = pl_date_text (item->origin, PL_DATE_DAY_MON);
      /* Translators: an occurrence held on another day than its own, which is the last %s */
      return g_markup_printf_escaped (_("%s   %s · %s (moved from %s)"), when, item->what, item->title, own);
    }
  return g_markup_printf_escaped ("%s   %s · %s", when, item->what, item->title);
}

/* A row's markup is made when it comes into view: the agenda can hold a year of thousands of
 * campaigns. */
static void
bind_agenda_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlCalendarPage *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (row);
  GtkWidget *menu = gtk_widget_get_next_sibling (label);
  const AgendaItem *item = pl_text_list_get_data (self->agenda_rows, gtk_list_item_get_position (list_item));
  g_autofree char *markup = NULL;

  if (item == NULL)
    return;
  if (item->kind == AGENDA_WEEK)
    {
      g_autofree char *monday = pl_date_text (item->day, PL_DATE_LONG);
      /* Translators: a heading of the agenda, the week from its Monday ("Week of 5 March 2027") */
      markup = g_markup_printf_escaped (_("Week of %s"), monday);
    }
  else if (item->kind == AGENDA_NONE)
    markup = g_markup_escape_text (_("Nothing more is planned in this period."), -1);
  else
    markup = agenda_line (item);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_widget_set_margin_start (row, item->kind == AGENDA_ITEM ? 12 : 0);
  if (item->kind == AGENDA_WEEK)
    gtk_widget_add_css_class (label, "section-title");
  else
    gtk_widget_remove_css_class (label, "section-title");
  if (item->kind == AGENDA_NONE || item->skipped)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_set_visible (menu, item->entry != NULL);
  if (item->entry != NULL)
    {
      g_autofree char *own = pl_date_text (item->origin, PL_DATE_DAY_MONTH);
      /* Translators: the menu of one occurrence of a repeating review ("Monthly review, 28 August") */
      g_autofree char *tooltip = g_strdup_printf (_("This occurrence of “%s” (%s)"), item->title, own);

      gtk_widget_set_tooltip_text (menu, tooltip);
      pl_a11y_label (menu, tooltip);
    }
}

/* The coming starts and ends of campaigns and the calendar's items, by week. */
static void
rebuild_agenda (PlCalendarPage *self)
{
  GListModel *campaigns = pl_plan_get_collection (self->plan, PL_COLLECTION_CAMPAIGNS);
  GListModel *entries = pl_plan_get_collection (self->plan, PL_COLLECTION_CALENDAR);
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (AgendaItem));
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (AgendaItem));
  g_autoptr(GArray) old = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  guint32 from = CLAMP (pl_calendar_today (), pl_plan_get_start (self->plan), pl_plan_get_end (self->plan));
  guint32 to = pl_plan_get_end (self->plan);
  guint32 week = 0;

  self->agenda_stale = FALSE;
  for (guint i = 0, n = g_list_model_get_n_items (campaigns); i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      guint32 start = pl_item_get_julian (campaign, PL_CAMPAIGN_START), end = pl_item_get_julian (campaign, PL_CAMPAIGN_END);
      const char *name = pl_item_get_string (campaign, PL_CAMPAIGN_NAME);

      if (start >= from && start < to)
        g_array_append_vals (items, &(AgendaItem) { AGENDA_ITEM, start, _("Starts"), g_strdup (name), NULL, 0, FALSE }, 1);
      if (end >= from && end < to)
        g_array_append_vals (items, &(AgendaItem) { AGENDA_ITEM, end, _("Ends"), g_strdup (name), NULL, 0, FALSE }, 1);
    }
  for (guint i = 0, n = g_list_model_get_n_items (entries); i < n; i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (entries, i);
      g_autoptr(GArray) days = pl_calendar_occurrences (self->plan, entry, from, to);
      g_autoptr(GArray) skipped = pl_calendar_skipped (self->plan, entry);
      const char *what = pl_enum_get_label (PL_TYPE_ENTRY_KIND, (int) pl_item_get_int (entry, PL_ENTRY_KIND));
      /* One-off items are moved with their own dates; occurrences of a series get a menu. */
      gboolean repeats = pl_item_get_int (entry, PL_ENTRY_CADENCE) != PL_CADENCE_NONE;
      const char *title = pl_item_get_string (entry, PL_ENTRY_TITLE);

      for (guint d = 0; d < days->len; d++)
        {
          AgendaItem item = { AGENDA_ITEM, g_array_index (days, guint32, d), what, g_strdup (title),
                              repeats ? g_object_ref (entry) : NULL, 0, FALSE };
          pl_calendar_occurrence_origin (entry, item.day, &item.origin);
          g_array_append_val (items, item);
        }
      /* Skipped ones stay in the agenda, struck through, so they can be held after all. */
      for (guint d = 0; repeats && d < skipped->len; d++)
        if (g_array_index (skipped, guint32, d) >= from && g_array_index (skipped, guint32, d) < to)
          g_array_append_vals (items, &(AgendaItem) { AGENDA_ITEM, g_array_index (skipped, guint32, d), what, g_strdup (title),
                                                      g_object_ref (entry), g_array_index (skipped, guint32, d), TRUE }, 1);
    }
  g_array_sort (items, by_day);
  for (guint i = 0; i < items->len; i++)
    {
      AgendaItem *item = &g_array_index (items, AgendaItem, i);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, item->day);
      /* A heading for every week, from its Monday. */
      if (item->day - g_date_get_weekday (&date) + 1 != week)
        {
          week = item->day - g_date_get_weekday (&date) + 1;
          g_array_append_vals (rows, &(AgendaItem) { AGENDA_WEEK, week }, 1);
        }
      g_array_append_vals (rows, item, 1);
    }
  if (items->len == 0)
    g_array_append_vals (rows, &(AgendaItem) { AGENDA_NONE }, 1);
  /* The rows own the titles and entries now; the old rows go once the list has let them go. */
  g_array_set_size (items, 0);
  g_array_set_clear_func (rows, agenda_item_clear);
  shown = g_ptr_array_sized_new (rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (shown, &g_array_index (rows, AgendaItem, i));
  old = g_steal_pointer (&self->agenda_items);
  self->agenda_items = g_steal_pointer (&rows);
  pl_text_list_set_array (self->agenda_rows, shown, G_STRUCT_OFFSET (AgendaItem, title));
}

static gboolean
showing_agenda (PlCalendarPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->views), "agenda") == 0;
}

/* ---- PlPage ---- */

static void
pl_calendar_page_refresh (PlPage *page, PlChangeMask change)
{
  PlCalendarPage *self = PL_CALENDAR_PAGE (page);

  relayout (self);
  rebuild_warnings (self);
  /* The agenda lists every coming item: made when it is looked at. */
  if (showing_agenda (self))
    rebuild_agenda (self);
  else
    self->agenda_stale = TRUE;
  pl_month_view_refresh (self->month_view);
}

/* The record being filled in is left out of the warnings until it is done with. */
static void
on_filling_cb (PlCalendarPage *self)
{
  pl_page_changed (PL_PAGE (self), pl_change_for_collection (PL_COLLECTION_CAMPAIGNS));
}

static void
pl_calendar_page_bind (PlPage *page, PlPlan *plan)
{
  PlCalendarPage *self = PL_CALENDAR_PAGE (page);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, on_filling_cb, self);
  g_set_object (&self->plan, plan);
  pl_month_view_set_plan (self->month_view, plan);
  if (plan == NULL)
    {
      g_clear_pointer (&self->layout, pl_timeline_layout_free);
      return;
    }
  self->options.from = pl_plan_get_start (plan);
  self->options.to = pl_plan_get_end (plan);
  self->options.today = pl_calendar_today ();
  self->options.selected = -1;
  /* The month view opens on this month when it is in the period, else the period's first. */
  {
    int index = pl_plan_month_index (plan, pl_calendar_today ());
    pl_month_view_show_month (self->month_view, pl_plan_month_start (plan, (guint) MAX (index, 0)));
  }
  g_signal_connect_swapped (plan, "notify::filling", G_CALLBACK (on_filling_cb), self);
}

/* ---- GObject ---- */

static void
pl_calendar_page_dispose (GObject *object)
{
  PlCalendarPage *self = PL_CALENDAR_PAGE (object);
  GtkWidget *child;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, on_filling_cb, self);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->layout, pl_timeline_layout_free);
  if (self->month_view != NULL)
    pl_month_view_set_paint (self->month_view, NULL);
  g_clear_pointer (&self->paint, pl_campaign_paint_free);
  if (self->month_view != NULL)
    pl_month_view_set_warned (self->month_view, NULL);
  self->options.warned = NULL;
  g_clear_pointer (&self->warned, g_hash_table_unref);
  g_clear_object (&self->warnings_shown);
  g_clear_object (&self->agenda_rows);
  g_clear_pointer (&self->agenda_items, g_array_unref);
  if (self->create != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->create)));
  if (self->context_menu != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->context_menu)));
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_CALENDAR_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pl_calendar_page_parent_class)->dispose (object);
}

/* The first item of an empty calendar: the monthly review the Plan page's "Add a Review or
 * Milestone" makes (its day and title are edited there); the calendar shows it at once. */
static void
add_review_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlCalendarPage *self = PL_CALENDAR_PAGE (widget);
  g_autoptr(PlItem) review = g_object_new (PL_TYPE_ENTRY, NULL);
  PlPlan *plan = self->plan;

  if (plan == NULL)
    return;
  pl_calendar_prepare_review (plan, review);
  pl_plan_add (plan, review);
}

static gboolean
pl_calendar_page_is_empty (PlPage *page)
{
  PlCalendarPage *self = PL_CALENDAR_PAGE (page);

  return g_list_model_get_n_items (pl_plan_get_collection (self->plan, PL_COLLECTION_CAMPAIGNS)) == 0 &&
         g_list_model_get_n_items (pl_plan_get_collection (self->plan, PL_COLLECTION_CALENDAR)) == 0;
}

static void
pl_calendar_page_class_init (PlCalendarPageClass *klass)
{
  static const char * const charts[] = { "timeline", "month", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PlPageClass *page_class = PL_PAGE_CLASS (klass);

  object_class->dispose = pl_calendar_page_dispose;
  page_class->bind = pl_calendar_page_bind;
  page_class->refresh = pl_calendar_page_refresh;
  page_class->is_empty = pl_calendar_page_is_empty;
  pl_page_class_set_title (page_class, N_("Calendar"));
  pl_page_class_set_empty_state (page_class, N_("Nothing Scheduled Yet"),
                                 N_("The calendar lays the year’s campaigns, reviews and milestones out in time, so that the team sees what comes when."),
                                 N_("_Plan the Monthly Review"), "calendar.add-review",
                                 N_("Go to _Campaigns"), "win.show-page::campaigns");
  /* The campaigns and items, laned and coloured by channel, segment, owner or status. */
  pl_page_class_set_shows (page_class, PL_CHANGE_METADATA | pl_change_for_collection (PL_COLLECTION_CAMPAIGNS) |
                                       pl_change_for_collection (PL_COLLECTION_CALENDAR) |
                                       pl_change_for_collection (PL_COLLECTION_SEGMENTS) |
                                       pl_change_for_collection (PL_COLLECTION_MEMBERS));
  pl_page_class_set_charts (page_class, charts);

  g_type_ensure (PL_TYPE_MONTH_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-calendar-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, views);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, lanes);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, legend);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, scrollbar);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, warnings_expander);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, warnings);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, agenda);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, month_view);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, color_by);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, legend_row);
  gtk_widget_class_bind_template_callback (widget_class, on_warning_activated_cb);
  gtk_widget_class_install_action (widget_class, "calendar.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "calendar.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "calendar.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "calendar.add-review", NULL, add_review_action);
  gtk_widget_class_install_action (widget_class, "calendar.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "calendar.shift", "i", shift_action);
  gtk_widget_class_install_action (widget_class, "calendar.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "calendar.view", "s", view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "calendar.view", "s", "timeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "calendar.view", "s", "month");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "calendar.view", "s", "agenda");
  gtk_widget_class_install_action (widget_class, "calendar.previous-month", NULL, previous_month_action);
  gtk_widget_class_install_action (widget_class, "calendar.next-month", NULL, next_month_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "calendar.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "calendar.next-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "calendar.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "calendar.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "calendar.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "calendar.fit", NULL);
}

static void
pl_calendar_page_init (PlCalendarPage *self)
{
  const char *lanes[] = { _("By channel"), _("By segment"), _("By owner"), _("By status"), NULL };
  /* In the order of PlColorBy. */
  const char *colors[] = { _("Colour by status"), _("Colour by channel"), _("Colour by segment"), NULL };
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *key = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->options.selected = -1;
  self->options.preview_row = self->options.preview_lane = -1;
  self->warned = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->options.warned = self->warned;
  pl_month_view_set_warned (self->month_view, self->warned);
  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

    self->warnings_shown = pl_text_list_new ();
    g_signal_connect (factory, "setup", G_CALLBACK (setup_warning_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_warning_cb), NULL);
    gtk_list_view_set_factory (self->warnings, factory);
    g_object_unref (factory);
    gtk_list_view_set_model (self->warnings, GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->warnings_shown)))));
  }
  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

    self->agenda_rows = pl_text_list_new ();
    g_signal_connect (factory, "setup", G_CALLBACK (setup_agenda_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_agenda_cb), self);
    gtk_list_view_set_factory (self->agenda, factory);
    g_object_unref (factory);
    gtk_list_view_set_model (self->agenda, GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->agenda_rows)))));
  }
  self->adjustment = gtk_scrollbar_get_adjustment (self->scrollbar);
  g_signal_connect_swapped (self->adjustment, "value-changed", G_CALLBACK (on_scrolled_cb), self);
  gtk_drop_down_set_model (self->lanes, G_LIST_MODEL (gtk_string_list_new (lanes)));
  g_signal_connect_swapped (self->lanes, "notify::selected", G_CALLBACK (relayout), self);
  gtk_drop_down_set_model (self->color_by, G_LIST_MODEL (gtk_string_list_new (colors)));
  g_signal_connect_swapped (self->color_by, "notify::selected", G_CALLBACK (relayout), self);
  g_signal_connect_swapped (self->views, "notify::visible-child-name", G_CALLBACK (on_view_changed_cb), self);
  gtk_drawing_area_set_draw_func (self->legend, draw_legend_cb, self, NULL);
  gtk_drawing_area_set_draw_func (self->timeline, draw_timeline_cb, self, NULL);
  self->create = pl_new_campaign_popover_new ();
  gtk_widget_set_parent (GTK_WIDGET (self->create), GTK_WIDGET (self->timeline));
  g_signal_connect (self->create, "added", G_CALLBACK (on_campaign_added_cb), self);
  {
    g_autoptr(GMenu) menu = g_menu_new ();
    g_autoptr(GMenu) moves = g_menu_new ();
    GtkGesture *context = gtk_gesture_click_new ();

    g_menu_append (menu, _("_Open Campaign"), "calendar.open");
    g_menu_append (moves, _("A _Week Earlier"), "calendar.shift(-7)");
    g_menu_append (moves, _("A _Day Earlier"), "calendar.shift(-1)");
    g_menu_append (moves, _("A D_ay Later"), "calendar.shift(1)");
    g_menu_append (moves, _("A W_eek Later"), "calendar.shift(7)");
    g_menu_append_section (menu, _("Move"), G_MENU_MODEL (moves));
    {
      g_autoptr(GMenu) chart = pl_chart_menu_new ("timeline");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (chart));
      pl_chart_menu_add_copy_key (GTK_WIDGET (self->timeline), "timeline");
    }
    self->context_menu = GTK_POPOVER (gtk_popover_menu_new_from_model (G_MENU_MODEL (menu)));
    gtk_popover_set_has_arrow (self->context_menu, FALSE);
    gtk_widget_set_halign (GTK_WIDGET (self->context_menu), GTK_ALIGN_START);
    gtk_widget_set_parent (GTK_WIDGET (self->context_menu), GTK_WIDGET (self->timeline));
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (context), GDK_BUTTON_SECONDARY);
    g_signal_connect (context, "pressed", G_CALLBACK (on_context_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->timeline), GTK_EVENT_CONTROLLER (context));
  }
  g_signal_connect_swapped (self->timeline, "resize", G_CALLBACK (on_resize_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->timeline), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->timeline), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->timeline), scroll);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->timeline), key);
}

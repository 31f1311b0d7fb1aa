/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-dashboard-page"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-a11y.h"
#include "pl-calendar.h"
#include "pl-chart-menu.h"
#include "pl-chart-theme.h"
#include "pl-dashboard-chart.h"
#include "pl-date-text.h"
#include "pl-dashboard-page.h"
#include "pl-figures.h"
#include "pl-funnel-chart.h"

/* Rows of campaigns shown before "and N more": the page fits one screen at 1366x768.
 * The day shown is the one the user chose for this plan (kept in their settings by the
 * window), or the end of the last month measured, so that the glance opens on figures. */
#define MAX_ATTENTION_ROWS 3

struct _PlDashboardPage
{
  PlPage          parent_instance;

  /* Template widgets */
  GtkMenuButton  *as_of;
  GtkPopover     *as_of_popover;
  GtkCalendar    *as_of_calendar;
  GtkDrawingArea *funnel;
  GtkDrawingArea *ltv_cac;
  GtkDrawingArea *spend;
  GtkGrid        *tiles;
  GtkListBox     *attention;

  /* Owned references */
  PlPlan         *plan;
  PlDashboard    *dashboard;
};

G_DEFINE_FINAL_TYPE (PlDashboardPage, pl_dashboard_page, PL_TYPE_PAGE)

/* ---- the charts ---- */

static void
describe (GtkWidget *area, const char *summary)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
}

static void
draw_funnel_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PlDashboardPage *self = data;
  g_autofree char *summary = NULL;

  if (self->dashboard == NULL)
    return;
  pl_chart_theme_zoom (cr, &width, &height);
  summary = pl_funnel_chart_draw (self->plan, pl_plan_get_start (self->plan), self->dashboard->until,
                                  cr, width, height, pl_chart_theme_for_widget (GTK_WIDGET (area)));
  describe (GTK_WIDGET (area), summary);
}

static void
draw_ltv_cac_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PlDashboardPage *self = data;
  g_autofree char *summary = NULL;

  if (self->dashboard == NULL)
    return;
  pl_chart_theme_zoom (cr, &width, &height);
  summary = pl_ltv_cac_gauge_draw (self->plan, self->dashboard, cr, width, height, pl_chart_theme_for_widget (GTK_WIDGET (area)));
  describe (GTK_WIDGET (area), summary);
}

static void
draw_spend_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PlDashboardPage *self = data;
  g_autofree char *summary = NULL;

  if (self->dashboard == NULL)
    return;
  pl_chart_theme_zoom (cr, &width, &height);
  summary = pl_spend_gauge_draw (self->plan, self->dashboard, cr, width, height, pl_chart_theme_for_widget (GTK_WIDGET (area)));
  describe (GTK_WIDGET (area), summary);
}

static void
draw_tile_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PlDashboardPage *self = data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "tile"));
  g_autofree char *summary = NULL;

  if (self->dashboard == NULL || index >= self->dashboard->tiles->len)
    return;
  pl_chart_theme_zoom (cr, &width, &height);
  summary = pl_dashboard_tile_draw (self->plan, &g_array_index (self->dashboard->tiles, PlDashboardTile, index), cr,
                                    width, height, pl_chart_theme_for_widget (GTK_WIDGET (area)));
  describe (GTK_WIDGET (area), summary);
  /* The full name and figures, for names the tile cuts short. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (area), summary);
}

static void
on_tile_pressed_cb (GtkGestureClick *click, int n_press, double x, double y, PlDashboardPage *self)
{
  GtkWidget *area = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (click));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "tile"));

  if (self->dashboard != NULL && index < self->dashboard->tiles->len)
    gtk_widget_activate_action (area, "win.show-item", "s",
                                pl_item_get_id (g_array_index (self->dashboard->tiles, PlDashboardTile, index).kpi));
}

/* ---- filling the page ---- */

static void rebuild_tiles (PlDashboardPage *self);
static void on_as_of_day_selected_cb (GtkCalendar *calendar, PlDashboardPage *self);

/* At large text the charts are zoomed: the funnel takes the whole width, the gauges share
 * the row below it, the tiles go two by two. */
static void
stack_for_large_text (GtkWidget *widget)
{
  PlDashboardPage *self = PL_DASHBOARD_PAGE (widget);
  GtkWidget *gauges = gtk_widget_get_parent (GTK_WIDGET (self->ltv_cac));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_parent (GTK_WIDGET (self->funnel))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gauges), GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_homogeneous (GTK_BOX (gauges), TRUE);
  gtk_widget_set_size_request (gauges, -1, -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->ltv_cac), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->spend), TRUE);
  if (self->dashboard != NULL)
    rebuild_tiles (self);
}

static void
rebuild_tiles (PlDashboardPage *self)
{
  GtkWidget *child;
  guint n = self->dashboard->tiles->len;
  guint columns = pl_a11y_large_text () ? 2 : n > 6 ? 4 : 3;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles))) != NULL)
    gtk_grid_remove (self->tiles, child);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      GtkGesture *click = gtk_gesture_click_new ();

      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), PL_DASHBOARD_TILE_FORECAST_H);
      /* Screen readers get the KPI's name as the tile's label, its figures as the description. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pl_item_get_string (g_array_index (self->dashboard->tiles, PlDashboardTile, i).kpi, PL_KPI_NAME),
                                      -1);
      gtk_widget_set_hexpand (area, TRUE);
      gtk_widget_set_cursor_from_name (area, "pointer");
      g_object_set_data (G_OBJECT (area), "tile", GUINT_TO_POINTER (i));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_tile_cb, self, NULL);
      pl_chart_theme_grow_with_text (GTK_DRAWING_AREA (area));
      g_signal_connect (click, "pressed", G_CALLBACK (on_tile_pressed_cb), self);
      gtk_widget_add_controller (area, GTK_EVENT_CONTROLLER (click));
      gtk_grid_attach (self->tiles, area, (int) (i % columns), (int) (i / columns), 1, 1);
    }
  if (n == 0)
    {
      GtkWidget *hint = gtk_label_new (_("No KPI is on the leadership dashboard yet: tick “On the leadership dashboard” for six to eight of them on the KPIs page."));
      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_grid_attach (self->tiles, hint, 0, 0, 1, 1);
    }
}

static GtkWidget *
attention_row (const char *title, const char *subtitle, const char *id, guint reasons)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *dot = gtk_drawing_area_new ();
  GtkWidget *name = gtk_label_new (title);
  GtkWidget *why = gtk_label_new (subtitle);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (name, title);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (why), 1);
  gtk_widget_add_css_class (why, "dim-label");
  /* The same dot as the printed list: red for off target or over budget, amber for ending. */
  gtk_widget_add_css_class (dot, "attention-dot");
  if (reasons & (PL_ATTENTION_OFF_TARGET | PL_ATTENTION_OVER_BUDGET))
    gtk_widget_add_css_class (dot, "bad");
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (dot, reasons != 0);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), why);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "id", g_strdup (id), g_free);
  return row;
}

static void
rebuild_attention (PlDashboardPage *self)
{
  GtkWidget *child;
  GPtrArray *attention = self->dashboard->attention;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attention))) != NULL)
    gtk_list_box_remove (self->attention, child);
  for (guint i = 0; i < attention->len && i < MAX_ATTENTION_ROWS; i++)
    {
      PlAttention *entry = attention->pdata[i];
      gtk_list_box_append (self->attention, attention_row (pl_item_get_string (entry->campaign, PL_CAMPAIGN_NAME),
                                                           entry->text, pl_item_get_id (entry->campaign),
                                                           entry->reasons));
    }
  if (attention->len > MAX_ATTENTION_ROWS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more campaign", "and %u more campaigns",
                                                         attention->len - MAX_ATTENTION_ROWS),
                                               attention->len - MAX_ATTENTION_ROWS);
      gtk_list_box_append (self->attention, attention_row (more, _("see the Campaigns page"), NULL, 0));
    }
  if (attention->len == 0)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      /* Nothing measured: no campaign can be said to be on target. */
      GtkWidget *label = gtk_label_new (self->dashboard->measured
                                        ? _("None: every campaign is on target, within budget and not about to end.")
                                        : _("None over budget or about to end; nothing is measured yet to judge them against their targets."));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->attention, row);
    }
}

static void
on_attention_activated_cb (GtkListBox *list, GtkListBoxRow *row, PlDashboardPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (row), "win.show-item", "s", id);
  else
    gtk_widget_activate_action (GTK_WIDGET (row), "win.show-page", "s", "campaigns");
}

static void
fill (PlDashboardPage *self)
{
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;

  g_clear_pointer (&self->dashboard, pl_dashboard_free);
  if (self->plan == NULL)
    return;
  self->dashboard = pl_dashboard_new (self->plan, pl_dashboard_resolve_as_of (self->plan, pl_calendar_today ()));
  day = pl_date_text (self->dashboard->as_of, PL_DATE_LONG);
  /* Translators: the day the dashboard's figures are for, on a button that changes it */
  text = g_strdup_printf (_("As of %s"), day);
  gtk_menu_button_set_label (self->as_of, text);
  /* The button's label is inside it; a screen reader needs the name on the button itself. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->as_of), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.as-of-latest",
                                 pl_dashboard_get_chosen_as_of (self->plan) != 0);
  /* The calendar shows the day shown: no choice of the user's. */
  g_signal_handlers_block_by_func (self->as_of_calendar, on_as_of_day_selected_cb, self);
  {
    GDate date;
    g_autoptr(GDateTime) time = NULL;

    g_date_clear (&date, 1);
    g_date_set_julian (&date, self->dashboard->as_of);
    time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
    gtk_calendar_select_day (self->as_of_calendar, time);
  }
  g_signal_handlers_unblock_by_func (self->as_of_calendar, on_as_of_day_selected_cb, self);
  rebuild_tiles (self);
  rebuild_attention (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->funnel));
  gtk_widget_queue_draw (GTK_WIDGET (self->ltv_cac));
  gtk_widget_queue_draw (GTK_WIDGET (self->spend));
}

/* ---- the day shown ---- */

/* Keeps the day for this plan in the user's settings (through the window, which knows the
 * file): @day as YYYY-MM-DD, or "" for the default. */
static void
remember_as_of (PlDashboardPage *self, guint32 day)
{
  g_autofree char *text = NULL;

  if (day != 0)
    {
      GDate date;
      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);
      text = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.remember-as-of", "s", text ? text : "");
}

static void
on_as_of_day_selected_cb (GtkCalendar *calendar, PlDashboardPage *self)
{
  g_autoptr(GDateTime) time = gtk_calendar_get_date (calendar);
  GDate date;
  guint32 day;

  if (self->plan == NULL)
    return;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (time), g_date_time_get_month (time), g_date_time_get_year (time));
  day = g_date_get_julian (&date);
  /* The default day chosen by hand is the default: nothing to remember. */
  if (pl_dashboard_get_chosen_as_of (self->plan) == 0 && day == pl_dashboard_as_of (self->plan, pl_calendar_today ()))
    return;
  pl_dashboard_choose_as_of (self->plan, day);
  remember_as_of (self, day);
  fill (self);
}

static void
as_of_latest_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  PlDashboardPage *self = PL_DASHBOARD_PAGE (widget);

  if (self->plan == NULL)
    return;
  pl_dashboard_choose_as_of (self->plan, 0);
  remember_as_of (self, 0);
  gtk_popover_popdown (self->as_of_popover);
  fill (self);
}

/* ---- PlPage ---- */

static void
pl_dashboard_page_bind (PlPage *page, PlPlan *plan)
{
  PlDashboardPage *self = PL_DASHBOARD_PAGE (page);

  g_set_object (&self->plan, plan);
  if (plan == NULL)
    fill (self);
}

static void
pl_dashboard_page_refresh (PlPage *page, PlChangeMask change)
{
  fill (PL_DASHBOARD_PAGE (page));
}

/* A new plan has nothing for the cards to show: a calm word on what to enter first instead. */
static gboolean
pl_dashboard_page_is_empty (PlPage *page)
{
  return !pl_figures_any_measured (PL_DASHBOARD_PAGE (page)->plan);
}

/* ---- GObject ---- */

static void
pl_dashboard_page_dispose (GObject *object)
{
  PlDashboardPage *self = PL_DASHBOARD_PAGE (object);
  GtkWidget *child;

  g_clear_object (&self->plan);
  g_clear_pointer (&self->dashboard, pl_dashboard_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_DASHBOARD_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pl_dashboard_page_parent_class)->dispose (object);
}

static void
pl_dashboard_page_class_init (PlDashboardPageClass *klass)
{
  static const char * const charts[] = { "dashboard", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PlPageClass *page_class = PL_PAGE_CLASS (klass);

  object_class->dispose = pl_dashboard_page_dispose;
  page_class->bind = pl_dashboard_page_bind;
  page_class->refresh = pl_dashboard_page_refresh;
  page_class->is_empty = pl_dashboard_page_is_empty;
  pl_page_class_set_title (page_class, N_("Dashboard"));
  pl_page_class_set_empty_state (page_class, N_("Nothing Measured Yet"),
                                 N_("Enter last month’s spend and leads on the KPIs page, or import them from your analytics tool: the dashboard then shows how the plan is doing."),
                                 N_("_Enter Figures on the KPIs Page"), "win.show-page::kpis",
                                 N_("_Import Measurements…"), "win.import-measurements");
  /* What the dashboard's figures are computed from (see pl-dashboard.c and pl-figures.c). */
  pl_page_class_set_shows (page_class, PL_CHANGE_METADATA | pl_change_for_collection (PL_COLLECTION_KPIS) |
                                       pl_change_for_collection (PL_COLLECTION_KPI_LINKS) |
                                       pl_change_for_collection (PL_COLLECTION_CAMPAIGNS) |
                                       pl_change_for_collection (PL_COLLECTION_CAMPAIGN_KPIS) |
                                       pl_change_for_collection (PL_COLLECTION_ALLOCATIONS) |
                                       pl_change_for_collection (PL_COLLECTION_SPEND) |
                                       pl_change_for_collection (PL_COLLECTION_LINES) |
                                       pl_change_for_collection (PL_COLLECTION_CATEGORIES));
  pl_page_class_set_charts (page_class, charts);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-dashboard-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PlDashboardPage, as_of);
  gtk_widget_class_bind_template_child (widget_class, PlDashboardPage, as_of_popover);
  gtk_widget_class_bind_template_child (widget_class, PlDashboardPage, as_of_calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_as_of_day_selected_cb);
  gtk_widget_class_install_action (widget_class, "dashboard.as-of-latest", NULL, as_of_latest_action);
  gtk_widget_class_bind_template_child (widget_class, PlDashboardPage, funnel);
  gtk_widget_class_bind_template_child (widget_class, PlDashboardPage, ltv_cac);
  gtk_widget_class_bind_template_child (widget_class, PlDashboardPage, spend);
  gtk_widget_class_bind_template_child (widget_class, PlDashboardPage, tiles);
  gtk_widget_class_bind_template_child (widget_class, PlDashboardPage, attention);
  gtk_widget_class_bind_template_callback (widget_class, on_attention_activated_cb);
}

static void
pl_dashboard_page_init (PlDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->funnel, draw_funnel_cb, self, NULL);
  pl_chart_theme_grow_with_text (self->funnel);
  gtk_drawing_area_set_draw_func (self->ltv_cac, draw_ltv_cac_cb, self, NULL);
  pl_chart_theme_grow_with_text (self->ltv_cac);
  gtk_drawing_area_set_draw_func (self->spend, draw_spend_cb, self, NULL);
  pl_chart_theme_grow_with_text (self->spend);
  pl_a11y_when_large_text (GTK_WIDGET (self), stack_for_large_text);
  pl_chart_menu_attach (GTK_WIDGET (self->funnel), "funnel");
  pl_chart_menu_attach (GTK_WIDGET (self->ltv_cac), "dashboard");
  pl_chart_menu_attach (GTK_WIDGET (self->spend), "dashboard");
}

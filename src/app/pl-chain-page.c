/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-chain-page"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-a11y.h"
#include "pl-chain-page.h"
#include "pl-chart-menu.h"
#include "pl-chart-theme.h"
#include "pl-empty-state.h"
#include "pl-figures.h"
#include "pl-hygiene.h"
#include "pl-kpi-chain-chart.h"
#include "pl-kpi-chain-view.h"
#include "pl-kpi-value.h"
#include "pl-records.h"
#include "pl-target-popover.h"
#include "pl-trend-chart.h"

#define MAX_FINDINGS_SHOWN 200

struct _PlChainPage
{
  PlPage          parent_instance;

  /* Template widgets */
  PlKpiChainView *view;
  GtkButton      *zoom_out_button;
  GtkButton      *zoom_fit_button;
  GtkButton      *zoom_normal_button;
  GtkButton      *zoom_in_button;
  GtkToggleButton *details_button;
  GtkDrawingArea *legend;
  guint           legend_fit;  /* idle source sizing the legend to its width */
  GtkWidget      *side;
  GtkWidget      *side_separator;
  GtkLabel       *none_label;
  GtkWidget      *kpi_box;
  GtkLabel       *kpi_name;
  GtkLabel       *kpi_figure;
  GtkLabel       *kpi_owner;
  GtkDrawingArea *trend;
  GtkListBox     *campaigns_list;
  GtkLabel       *hygiene_count;
  GtkListBox     *hygiene_list;

  /* Owned references */
  PlPlan         *plan;

  gboolean        first_fit;   /* a plan was bound: its first fit is to check */
  guint           fit_check;   /* idle source checking it */
};

G_DEFINE_FINAL_TYPE (PlChainPage, pl_chain_page, PL_TYPE_PAGE)

/* ---- rows that jump to a record ---- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A row showing @icon_name (or none) and @text, which opens the record @id when activated. */
static GtkWidget *
item_row (const char *icon_name, const char *text, const char *tooltip, const char *id)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *go = gtk_image_new_from_icon_name ("go-next-symbolic");

  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), icon);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (go, "dim-label");
  gtk_box_append (GTK_BOX (box), go);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (row, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_set_data_full (G_OBJECT (row), "item-id", g_strdup (id), g_free);
  return row;
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "chain-placeholder");
  return label;
}

static void
on_row_activated_cb (PlChainPage *self, GtkListBoxRow *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "item-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (row), "win.show-item", "s", id);
}

/* ---- the metric hygiene findings ---- */

static const char *
finding_icon (PlHygieneKind kind)
{
  switch (kind)
    {
    case PL_HYGIENE_VANITY: return "dialog-warning-symbolic";
    case PL_HYGIENE_NO_OWNER: return "avatar-default-symbolic";
    case PL_HYGIENE_NO_TARGET: return "find-location-symbolic";
    case PL_HYGIENE_UNLINKED_CAMPAIGN: return "insert-link-symbolic";
    case PL_HYGIENE_CAC_ALL_SPEND: return "dialog-information-symbolic";
    default: return "dialog-information-symbolic";
    }
}

static const char *
finding_kind_name (PlHygieneKind kind)
{
  switch (kind)
    {
    case PL_HYGIENE_VANITY: return _("Vanity metric: leads to no lead or revenue KPI");
    case PL_HYGIENE_NO_OWNER: return _("No owner");
    case PL_HYGIENE_NO_TARGET: return _("No target");
    case PL_HYGIENE_UNLINKED_CAMPAIGN: return _("Campaign linked to no KPI");
    case PL_HYGIENE_CAC_ALL_SPEND: return _("Not the CAC of the figures");
    default: return NULL;
    }
}

static void
refresh_hygiene (PlChainPage *self)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *count = NULL;

  clear_list (self->hygiene_list);
  if (self->plan == NULL)
    return;
  findings = pl_hygiene_check (self->plan);
  /* The record the user is still filling in is left alone until they are done with it. */
  for (guint i = findings->len; i-- > 0;)
    if (pl_plan_is_filling (self->plan, ((PlHygieneFinding *) g_ptr_array_index (findings, i))->id))
      g_ptr_array_remove_index (findings, i);
  /* A list to act on, not an inventory: thousands of rows would only slow the page down. */
  for (guint i = 0; i < MIN (findings->len, MAX_FINDINGS_SHOWN); i++)
    {
      const PlHygieneFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *row = item_row (finding_icon (finding->kind), finding->message, finding_kind_name (finding->kind),
                                 finding->id);
      gtk_widget_add_css_class (row, "hygiene-row");
      gtk_list_box_append (self->hygiene_list, row);
    }
  count = findings->len == 0
          ? g_strdup (_("Every KPI leads to a lead or revenue KPI and has an owner and a target; every campaign moves a KPI."))
          : findings->len > MAX_FINDINGS_SHOWN
          ? g_strdup_printf (_("%u findings to look at, the first %u below. Each one opens the KPI or campaign it concerns."),
                             findings->len, MAX_FINDINGS_SHOWN)
          : g_strdup_printf (ngettext ("%u finding to look at. Each one opens the KPI or campaign it concerns.",
                                       "%u findings to look at. Each one opens the KPI or campaign it concerns.",
                                       findings->len), findings->len);
  gtk_label_set_label (self->hygiene_count, count);
  gtk_widget_set_visible (GTK_WIDGET (self->hygiene_list), findings->len > 0);
}

/* ---- the selected KPI ---- */

static void
draw_trend (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  PlChainPage *self = user_data;
  PlItem *kpi = self->plan ? pl_kpi_chain_view_get_selected (self->view) : NULL;
  g_autofree char *summary = NULL;

  if (kpi == NULL)
    return;
  pl_chart_theme_zoom (cr, &width, &height);
  summary = pl_trend_chart_draw (self->plan, kpi, FALSE, cr, width, height, pl_chart_theme_for_widget (GTK_WIDGET (area)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
}

/* The key of the boxes' colours under the chain, at the text size of the page's labels. */
#define LEGEND_PX 12.0

static void
draw_legend (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  pl_chart_theme_zoom (cr, &width, &height);
  pl_kpi_chain_chart_legend (cr, pl_chart_theme_for_widget (GTK_WIDGET (area)), LEGEND_PX, 0, 0, width);
}

/* As tall as the key takes at its width: one line, two when the window is narrow. */
static gboolean
fit_legend_cb (gpointer user_data)
{
  PlChainPage *self = user_data;
  double scale = pl_a11y_text_scale ();
  double width = gtk_widget_get_width (GTK_WIDGET (self->legend)) / scale;
  double h;

  self->legend_fit = 0;
  h = scale * pl_kpi_chain_chart_legend (NULL, pl_chart_theme_for_widget (GTK_WIDGET (self->legend)), LEGEND_PX, 0,
                                         0, MAX (width, 1));
  if ((int) ceil (h) != gtk_drawing_area_get_content_height (self->legend))
    gtk_drawing_area_set_content_height (self->legend, (int) ceil (h));
  return G_SOURCE_REMOVE;
}

static void
on_legend_resize_cb (GtkDrawingArea *area, int width, int height, gpointer user_data)
{
  PlChainPage *self = user_data;

  if (self->legend_fit == 0)
    self->legend_fit = g_idle_add (fit_legend_cb, self);
}

static char *
format_value (PlItem *kpi, double value)
{
  g_autofree char *text = isnan (value) ? NULL : pl_kpi_value_format (PL_KPI (kpi), value);

  return text != NULL && *text != '\0' ? g_steal_pointer (&text) : g_strdup (_("no figure"));
}

static void
refresh_detail (PlChainPage *self)
{
  PlItem *kpi = pl_kpi_chain_view_get_selected (self->view);
  GListModel *links;
  g_autofree char *value = NULL, *target = NULL, *figure = NULL, *owner_text = NULL, *month_text = NULL;
  const char *owner_id;
  PlItem *owner;
  guint32 month, end;
  PlKpiStatus status;
  GDate date;
  char buffer[64];

  clear_list (self->campaigns_list);
  gtk_widget_set_visible (GTK_WIDGET (self->none_label), kpi == NULL || self->plan == NULL);
  gtk_widget_set_visible (self->kpi_box, kpi != NULL && self->plan != NULL);
  if (kpi == NULL || self->plan == NULL)
    return;
  gtk_label_set_label (self->kpi_name, pl_item_get_string (kpi, PL_KPI_NAME) ? pl_item_get_string (kpi, PL_KPI_NAME) : "");

  month = pl_kpi_chain_view_get_month (self->view);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, month);
  g_date_add_months (&date, 1);
  end = g_date_get_julian (&date);
  g_date_set_julian (&date, month);
  g_date_strftime (buffer, sizeof buffer, "%B %Y", &date);
  month_text = g_strdup (buffer);
  value = format_value (kpi, pl_figures_kpi_value (self->plan, PL_KPI (kpi), month, end));
  target = format_value (kpi, pl_figures_kpi_target (self->plan, PL_KPI (kpi), month, end));
  status = pl_kpi_status (self->plan, kpi, month);
  /* Translators: "June 2027: 689 against a target of 688". */
  figure = g_strdup_printf (_("%s: %s against a target of %s"), month_text, value, target);
  gtk_label_set_label (self->kpi_figure, figure);
  gtk_widget_remove_css_class (GTK_WIDGET (self->kpi_figure), "off-target");
  gtk_widget_remove_css_class (GTK_WIDGET (self->kpi_figure), "near-target");
  if (status == PL_KPI_STATUS_OFF)
    gtk_widget_add_css_class (GTK_WIDGET (self->kpi_figure), "off-target");
  else if (status == PL_KPI_STATUS_CLOSE)
    gtk_widget_add_css_class (GTK_WIDGET (self->kpi_figure), "near-target");

  owner_id = pl_item_get_string (kpi, PL_KPI_OWNER);
  owner = owner_id != NULL ? pl_plan_lookup (self->plan, owner_id) : NULL;
  owner_text = owner != NULL && pl_item_get_string (owner, PL_MEMBER_NAME) != NULL
               ? g_strdup_printf (_("Owner: %s"), pl_item_get_string (owner, PL_MEMBER_NAME))
               : g_strdup (_("No owner"));
  gtk_label_set_label (self->kpi_owner, owner_text);
  gtk_widget_queue_draw (GTK_WIDGET (self->trend));

  /* Campaign to KPI links are records of their own: the campaigns expected to move it. */
  links = pl_plan_get_collection (self->plan, PL_COLLECTION_CAMPAIGN_KPIS);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      const char *campaign_id = pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN);
      PlItem *campaign;

      if (g_strcmp0 (pl_item_get_string (link, PL_CAMPAIGN_KPI_KPI), pl_item_get_id (kpi)) != 0 || campaign_id == NULL)
        continue;
      campaign = pl_plan_lookup (self->plan, campaign_id);
      if (campaign == NULL)
        continue;
      gtk_list_box_append (self->campaigns_list,
                           item_row (NULL, pl_item_get_string (campaign, PL_CAMPAIGN_NAME) ? pl_item_get_string (campaign, PL_CAMPAIGN_NAME)
                                                                                             : campaign_id,
                                     _("Open this campaign"), campaign_id));
    }
}

/* ---- signal callbacks ---- */

static void
on_view_selected_cb (PlChainPage *self)
{
  /* Selecting a KPI is asking for its details: the panel comes back if it gave way. */
  if (self->plan != NULL && pl_kpi_chain_view_get_selected (self->view) != NULL)
    gtk_toggle_button_set_active (self->details_button, TRUE);
  refresh_detail (self);
}

static gboolean check_first_fit_cb (gpointer user_data);

static void
on_view_zoom_cb (PlChainPage *self)
{
  double zoom = pl_kpi_chain_view_get_zoom (self->view);

  /* A plan's chain opens fitted: once the view has its size, the panel gives way if need be
   * (after the allocation that fitted it). */
  if (self->first_fit && pl_kpi_chain_view_get_fitted (self->view) && gtk_widget_get_width (GTK_WIDGET (self->view)) > 0 &&
      self->fit_check == 0)
    {
      self->first_fit = FALSE;
      self->fit_check = g_idle_add (check_first_fit_cb, self);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->zoom_out_button), !pl_kpi_chain_view_get_fitted (self->view));
  gtk_widget_set_sensitive (GTK_WIDGET (self->zoom_normal_button), zoom != 1.0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->zoom_in_button), zoom < PL_KPI_CHAIN_VIEW_ZOOM_MAX);
}

static void
on_view_activate_cb (PlChainPage *self, PlItem *kpi)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "s", pl_item_get_id (kpi));
}

static void
on_edit_clicked_cb (PlChainPage *self)
{
  PlItem *kpi = pl_kpi_chain_view_get_selected (self->view);

  if (kpi != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "s", pl_item_get_id (kpi));
}

static void
on_zoom_in_clicked_cb (PlChainPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->view), "chain.zoom-in", NULL);
}

static void
on_zoom_out_clicked_cb (PlChainPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->view), "chain.zoom-out", NULL);
}

/* Fitted on screen, the boxes' text reads at this size or more (on paper, 8 points); the
 * chain opens at a size read without leaning in. */
#define FIT_TEXT_PX  10.0
#define OPEN_TEXT_PX 11.0

/* Fit shows the whole chain with every name whole at a screen's reading size: when the side
 * panel leaves too little room for that, it gives way (the details button brings it back; the
 * chain then fits what is left). */
/* Hides the side panel when, beside it, the fitted chain's text is under @readable pixels
 * (0: when it shows no name at all). */
static void
give_way_if_cramped (PlChainPage *self, double readable)
{
  PlKpiChainText text;

  pl_kpi_chain_view_get_text (self->view, &text);
  if ((text.names_shown == 0 || text.text_px < readable || !text.names_whole) && gtk_toggle_button_get_active (self->details_button) &&
      gtk_widget_get_width (GTK_WIDGET (self->view)) > 0)
    gtk_toggle_button_set_active (self->details_button, FALSE);
}

static void
on_zoom_fit_clicked_cb (PlChainPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->view), "chain.zoom-fit", NULL);
  give_way_if_cramped (self, FIT_TEXT_PX);
}

static gboolean
check_first_fit_cb (gpointer user_data)
{
  PlChainPage *self = user_data;

  self->fit_check = 0;
  /* Opening, the panel (the metric hygiene) stays unless the chain beside it would be too
   * small to read; selecting a KPI brings it back with that KPI's details. */
  if (pl_kpi_chain_view_get_fitted (self->view))
    give_way_if_cramped (self, OPEN_TEXT_PX);
  return G_SOURCE_REMOVE;
}

static void
on_zoom_normal_clicked_cb (PlChainPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->view), "chain.zoom-reset", NULL);
}

/* ---- PlPage ---- */

static void
pl_chain_page_refresh (PlPage *page, PlChangeMask change)
{
  PlChainPage *self = PL_CHAIN_PAGE (page);

  refresh_hygiene (self);
  refresh_detail (self);
}

/* The record being filled in is left out of the findings until it is done with. */
static void
on_filling_cb (PlChainPage *self)
{
  pl_page_changed (PL_PAGE (self), pl_change_for_collection (PL_COLLECTION_CAMPAIGNS));
}

static void
pl_chain_page_bind (PlPage *page, PlPlan *plan)
{
  PlChainPage *self = PL_CHAIN_PAGE (page);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, on_filling_cb, self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_signal_connect_swapped (plan, "notify::filling", G_CALLBACK (on_filling_cb), self);
  self->first_fit = plan != NULL;
  pl_kpi_chain_view_set_plan (self->view, plan);
  if (plan == NULL)
    {
      refresh_hygiene (self);
      refresh_detail (self);
    }
}

/* ---- GObject ---- */

static void
pl_chain_page_dispose (GObject *object)
{
  PlChainPage *self = PL_CHAIN_PAGE (object);
  GtkWidget *child;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, on_filling_cb, self);
  g_clear_object (&self->plan);
  g_clear_handle_id (&self->fit_check, g_source_remove);
  g_clear_handle_id (&self->legend_fit, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_CHAIN_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pl_chain_page_parent_class)->dispose (object);
}

/* The KPI whose target a plan sets first: its first funnel KPI (leads), the first one else. */
static PlKpi *
first_target_kpi (PlPlan *plan)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  g_autoptr(PlItem) first = g_list_model_get_item (kpis, 0);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);

      if (pl_item_get_int (kpi, PL_KPI_LAYER) == PL_LAYER_FUNNEL)
        return PL_KPI (kpi);
    }
  return first ? PL_KPI (first) : NULL;
}

static void
on_target_closed_cb (GtkPopover *popover)
{
  /* After the popover's own handlers: it goes with its parent button otherwise. */
  g_idle_add_once ((GSourceOnceFunc) gtk_widget_unparent, popover);
}

/* The period's target of the plan's first funnel KPI, asked by the popover the KPIs page uses,
 * beside the empty state's button; a plan with no KPI goes to the KPIs page to add one. */
static void
set_first_target_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlChainPage *self = PL_CHAIN_PAGE (widget);
  GtkWidget *empty = pl_page_get_empty_state (PL_PAGE (self));
  PlKpi *kpi = self->plan ? first_target_kpi (self->plan) : NULL;
  PlTargetPopover *popover;

  if (kpi == NULL || empty == NULL)
    {
      gtk_widget_activate_action (widget, "win.show-page", "s", "kpis");
      return;
    }
  popover = pl_target_popover_new ();
  gtk_widget_set_parent (GTK_WIDGET (popover), GTK_WIDGET (pl_empty_state_get_button (PL_EMPTY_STATE (empty))));
  g_signal_connect (popover, "closed", G_CALLBACK (on_target_closed_cb), NULL);
  pl_target_popover_ask (popover, self->plan, kpi, NULL);
}

/* Nothing to read along the chain until some KPI has a target. */
static gboolean
pl_chain_page_is_empty (PlPage *page)
{
  PlChainPage *self = PL_CHAIN_PAGE (page);
  GListModel *kpis = pl_plan_get_collection (self->plan, PL_COLLECTION_KPIS);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);

      if (pl_series_get_n (pl_kpi_get_targets (PL_KPI (kpi))) > 0)
        return FALSE;
    }
  return TRUE;
}

static void
pl_chain_page_class_init (PlChainPageClass *klass)
{
  static const char * const charts[] = { "chain", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PlPageClass *page_class = PL_PAGE_CLASS (klass);

  object_class->dispose = pl_chain_page_dispose;
  page_class->bind = pl_chain_page_bind;
  page_class->refresh = pl_chain_page_refresh;
  page_class->is_empty = pl_chain_page_is_empty;
  pl_page_class_set_title (page_class, N_("KPI Chain"));
  pl_page_class_set_empty_state (page_class, N_("No Targets Yet"),
                                 N_("The KPI chain shows how spend becomes visitors, leads and customers, and where it falls short of the period’s targets."),
                                 N_("_Set the Period’s Targets…"), "chain.set-first-target",
                                 N_("Go to _KPIs"), "win.show-page::kpis");
  /* The findings (pl-hygiene.c) and the selected KPI's figures, owner and campaigns; the view
   * follows the chain itself. */
  pl_page_class_set_shows (page_class, PL_CHANGE_METADATA | pl_change_for_collection (PL_COLLECTION_KPIS) |
                                       pl_change_for_collection (PL_COLLECTION_KPI_LINKS) |
                                       pl_change_for_collection (PL_COLLECTION_CAMPAIGNS) |
                                       pl_change_for_collection (PL_COLLECTION_CAMPAIGN_KPIS) |
                                       pl_change_for_collection (PL_COLLECTION_MEMBERS) |
                                       pl_change_for_collection (PL_COLLECTION_SPEND) |
                                       pl_change_for_collection (PL_COLLECTION_LINES) |
                                       pl_change_for_collection (PL_COLLECTION_CATEGORIES));
  pl_page_class_set_charts (page_class, charts);

  gtk_widget_class_install_action (widget_class, "chain.set-first-target", NULL, set_first_target_action);
  g_type_ensure (PL_TYPE_KPI_CHAIN_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-chain-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, view);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, zoom_fit_button);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, zoom_normal_button);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, zoom_in_button);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, details_button);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, legend);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, side);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, side_separator);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, none_label);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, kpi_box);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, kpi_name);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, kpi_figure);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, kpi_owner);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, trend);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, campaigns_list);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, hygiene_count);
  gtk_widget_class_bind_template_child (widget_class, PlChainPage, hygiene_list);
  gtk_widget_class_bind_template_callback (widget_class, on_view_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_zoom_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_out_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_fit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_normal_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* At large text the chain and the selected KPI's panel do not fit side by side: the panel
 * follows below the chain, the page scrolling as a whole. */
static void
stack_for_large_text (GtkWidget *widget)
{
  PlChainPage *self = PL_CHAIN_PAGE (widget);
  GtkWidget *side = gtk_widget_get_ancestor (GTK_WIDGET (self->trend), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *row = gtk_widget_get_parent (side);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (row), GTK_ORIENTATION_VERTICAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_prev_sibling (side)), GTK_ORIENTATION_HORIZONTAL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (side), GTK_POLICY_NEVER, GTK_POLICY_NEVER);
  gtk_widget_set_vexpand (gtk_widget_get_first_child (row), TRUE);
  gtk_widget_set_size_request (gtk_widget_get_first_child (row), -1, (int) (420 * pl_a11y_text_scale ()));
}

/* A zoom shortcut pressed while the page is shown, wherever the focus is: the chain's own
 * action (@data, "chain.zoom-in"). */
static gboolean
zoom_shortcut_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  PlChainPage *self = PL_CHAIN_PAGE (widget);

  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self->view), data, NULL);
}

/* Ctrl+plus, Ctrl+minus, Ctrl+0 and Ctrl+9 zoom the chain as soon as the page is shown, not
 * only once the chain has the focus: handled by the window while the page is mapped. */
static void
add_zoom_shortcuts (PlChainPage *self)
{
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_plus, "chain.zoom-in" },     { GDK_KEY_equal, "chain.zoom-in" },
    { GDK_KEY_KP_Add, "chain.zoom-in" },   { GDK_KEY_minus, "chain.zoom-out" },
    { GDK_KEY_KP_Subtract, "chain.zoom-out" }, { GDK_KEY_0, "chain.zoom-reset" },
    { GDK_KEY_KP_0, "chain.zoom-reset" },  { GDK_KEY_9, "chain.zoom-fit" },
    { GDK_KEY_KP_9, "chain.zoom-fit" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (zoom_shortcut_cb,
                                                                                     (gpointer) keys[i].action, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
pl_chain_page_init (PlChainPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_zoom_shortcuts (self);
  pl_chart_menu_attach (GTK_WIDGET (self->view), "chain");
  gtk_drawing_area_set_draw_func (self->trend, draw_trend, self, NULL);
  gtk_drawing_area_set_draw_func (self->legend, draw_legend, self, NULL);
  g_signal_connect (self->legend, "resize", G_CALLBACK (on_legend_resize_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->legend), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The bar on the left of each box: green, on target; amber, close to target; "
                                    "red, off target; grey, no figures or no target."), -1);
  pl_chart_theme_grow_with_text (self->trend);
  pl_a11y_when_large_text (GTK_WIDGET (self), stack_for_large_text);
  gtk_list_box_set_placeholder (self->campaigns_list, placeholder (_("No campaign is linked to this KPI yet.")));
  g_object_bind_property (self->details_button, "active", self->side, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->details_button, "active", self->side_separator, "visible", G_BINDING_SYNC_CREATE);
  on_view_zoom_cb (self);
}

PlKpiChainView *
pl_chain_page_get_view (PlChainPage *self)
{
  g_return_val_if_fail (PL_IS_CHAIN_PAGE (self), NULL);
  return self->view;
}

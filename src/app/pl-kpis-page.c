/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-kpis-page"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pl-a11y.h"
#include "pl-campaign-figures-text.h"
#include "pl-cell-grid.h"
#include "pl-chart-theme.h"
#include "pl-delete-dialog.h"
#include "pl-enums.h"
#include "pl-field-editor.h"
#include "pl-figures.h"
#include "pl-formula.h"
#include "pl-grid-view.h"
#include "pl-kpi-chain-chart.h"
#include "pl-kpi-value.h"
#include "pl-kpis-page.h"
#include "pl-tooltip.h"
#include "pl-measurements-grid.h"
#include "pl-plan-validate.h"
#include "pl-record-table.h"
#include "pl-rules.h"
#include "pl-target-popover.h"
#include "pl-trend-chart.h"

struct _PlKpisPage
{
  PlPage              parent_instance;

  /* Template widgets */
  GtkStack           *view_stack;
  GtkSearchEntry     *search;
  GtkColumnView      *list;
  GtkLabel           *count_label;
  GtkStack           *editor_stack;
  GtkGrid            *form;
  GtkLabel           *formula_help;
  GtkLabel           *problems;      /* what validation finds in the KPI shown */
  GtkTextView        *description;
  GtkDrawingArea     *trend;
  GtkBox             *upstream_box;
  GtkBox             *downstream_box;
  GtkBox             *campaigns_box;
  GtkLabel           *attribution;   /* how much of it the campaigns explain */
  GtkDropDown        *kind;
  GtkLabel           *grid_help;
  PlMeasurementsGrid *grid;
  GtkMenuButton      *set_target;          /* "Set target for the period…", definitions */
  GtkMenuButton      *set_target_figures;  /* the same over the figures grid */

  /* Owned references */
  PlPlan             *plan;
  PlItem             *kpi;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GPtrArray          *editors;       /* the form's field editors, by row */
  GPtrArray          *latest_labels; /* bound "latest" cells of the list */
  guint64             latest_serial;  /* the KPIs and metadata serials latest_month/end were found for */
  guint32             latest_month;
  guint32             latest_end;
  PlRecordTable      *upstream;
  PlRecordTable      *downstream;
  PlRecordTable      *campaigns;
  gboolean            grid_bound;    /* the figures grid shows the plan (from its view's first showing) */
};

G_DEFINE_FINAL_TYPE (PlKpisPage, pl_kpis_page, PL_TYPE_PAGE)

/* The fields of the definition form, in the order a KPI is thought through: what it is,
 * how it is read, where it sits in the chain, who answers for it, how it is computed. */
static const struct { guint field; const char *label; } form_fields[] = {
  { PL_KPI_NAME, N_("Name") },
  { PL_KPI_UNIT, N_("Unit") },
  { PL_KPI_DIRECTION, N_("Better when") },
  { PL_KPI_LAYER, N_("Layer") },
  { PL_KPI_STAGE, N_("Funnel stage") },
  { PL_KPI_AGGREGATE, N_("Months combine by") },
  { PL_KPI_FREQUENCY, N_("Reported") },
  { PL_KPI_OWNER, N_("Owner") },
  { PL_KPI_DASHBOARD, N_("On the leadership dashboard") },
  { PL_KPI_FORMULA, N_("Formula") },
};

/* ---- the list ---- */

static gboolean
filter_match (gpointer object, gpointer user_data)
{
  PlKpisPage *self = user_data;
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autofree char *name = NULL, *folded_needle = NULL;

  if (needle == NULL || *needle == '\0')
    return TRUE;
  name = g_utf8_casefold (pl_item_get_string (object, PL_KPI_NAME) ? pl_item_get_string (object, PL_KPI_NAME) : "", -1);
  folded_needle = g_utf8_casefold (needle, -1);
  return strstr (name, folded_needle) != NULL;
}

static void
update_count (PlKpisPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint all = self->plan ? pl_plan_get_n (self->plan, PL_COLLECTION_KPIS) : 0;
  g_autofree char *text = shown == all ? g_strdup_printf (ngettext ("%u KPI", "%u KPIs", all), all)
                                       : g_strdup_printf (ngettext ("%u of %u KPI", "%u of %u KPIs", all), shown, all);

  gtk_label_set_label (self->count_label, text);
}

/* The month shown as "latest": the last one with any measurement in the plan. */
static guint32
latest_month (PlPlan *plan)
{
  guint32 until = pl_figures_measured_until (plan);
  int index = pl_plan_month_index (plan, until - 1);

  return index >= 0 ? pl_plan_month_start (plan, (guint) index) : pl_plan_get_start (plan);
}

/* The month the "latest" column shows, and the day after it. Finding the last measured month
 * goes through every KPI's measurements, so it is kept until the KPIs or the period change,
 * not asked again for each row bound or refreshed. */
static void
latest_period (PlKpisPage *self, guint32 *month, guint32 *end)
{
  static const PlCollection depends[] = { PL_COLLECTION_KPIS, PL_COLLECTION_NONE };
  guint64 serial = pl_plan_get_collections_serial (self->plan, depends, G_N_ELEMENTS (depends)) + 1;

  if (serial != self->latest_serial)
    {
      int index;

      self->latest_month = latest_month (self->plan);
      index = pl_plan_month_index (self->plan, self->latest_month);
      self->latest_end = index + 1 < (int) pl_plan_get_months (self->plan)
                           ? pl_plan_month_start (self->plan, (guint) index + 1)
                           : pl_plan_get_end (self->plan);
      self->latest_serial = serial;
    }
  *month = self->latest_month;
  *end = self->latest_end;
}

static void
refresh_latest (PlKpisPage *self, GtkLabel *label, guint32 month, guint32 end)
{
  PlItem *kpi = g_object_get_data (G_OBJECT (label), "kpi");
  double value, target;
  g_autofree char *text = NULL, *tip = NULL;
  PlKpiStatus status;

  if (kpi == NULL || self->plan == NULL)
    return;
  value = pl_figures_kpi_value (self->plan, PL_KPI (kpi), month, end);
  target = pl_figures_kpi_target (self->plan, PL_KPI (kpi), month, end);
  status = pl_kpi_status (self->plan, kpi, month);
  text = isnan (value) ? g_strdup ("–") : pl_kpi_value_format (PL_KPI (kpi), value);
  if (!isnan (target))
    {
      g_autofree char *target_text = pl_kpi_value_format (PL_KPI (kpi), target);
      tip = g_strdup_printf (_("Target: %s"), target_text);
    }
  gtk_label_set_label (label, text);
  pl_tooltip_set (GTK_WIDGET (label), tip);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "off-target");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "near-target");
  if (status == PL_KPI_STATUS_OFF)
    gtk_widget_add_css_class (GTK_WIDGET (label), "off-target");
  else if (status == PL_KPI_STATUS_CLOSE)
    gtk_widget_add_css_class (GTK_WIDGET (label), "near-target");
}

static void
setup_label_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column")) == 2 ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
refresh_row_label (GtkLabel *label)
{
  PlItem *kpi = g_object_get_data (G_OBJECT (label), "kpi");
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "column"));

  if (kpi == NULL)
    return;
  if (column == 0)
    {
      gtk_label_set_label (label, pl_item_get_string (kpi, PL_KPI_NAME));
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), pl_item_get_string (kpi, PL_KPI_NAME));
    }
  else
    {
      gtk_label_set_label (label, pl_enum_get_label (PL_TYPE_LAYER, (int) pl_item_get_int (kpi, PL_KPI_LAYER)));
    }
}

static void
bind_label_cb (GtkSignalListItemFactory *factory, GtkListItem *item, PlKpisPage *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  PlItem *kpi = gtk_list_item_get_item (item);
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));

  g_object_set_data_full (G_OBJECT (label), "kpi", g_object_ref (kpi), g_object_unref);
  g_object_set_data (G_OBJECT (label), "column", GINT_TO_POINTER (column));
  if (column == 2)
    {
      guint32 month, end;

      g_ptr_array_add (self->latest_labels, label);
      latest_period (self, &month, &end);
      refresh_latest (self, GTK_LABEL (label), month, end);
      return;
    }
  g_signal_connect_object (kpi, column == 0 ? "notify::name" : "notify::layer",
                           G_CALLBACK (refresh_row_label), label, G_CONNECT_SWAPPED);
  refresh_row_label (GTK_LABEL (label));
}

static void
unbind_label_cb (GtkSignalListItemFactory *factory, GtkListItem *item, PlKpisPage *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  PlItem *kpi = g_object_get_data (G_OBJECT (label), "kpi");

  if (kpi != NULL)
    g_signal_handlers_disconnect_by_func (kpi, refresh_row_label, label);
  g_ptr_array_remove_fast (self->latest_labels, label);
  g_object_set_data (G_OBJECT (label), "kpi", NULL);
}

static void
add_list_column (PlKpisPage *self, int column, const char *title, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_label_cb), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  if (!expand)
    gtk_column_view_column_set_fixed_width (view_column, (int) ((column == 2 ? 90 : 80) * pl_a11y_text_scale ()));
  gtk_column_view_append_column (self->list, view_column);
}

/* ---- the editor ---- */

static void
refresh_formula_help (PlKpisPage *self)
{
  const char *text = pl_item_get_string (self->kpi, PL_KPI_FORMULA);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlFormula) formula = NULL;
  g_autoptr(GString) help = g_string_new (NULL);

  gtk_widget_remove_css_class (GTK_WIDGET (self->formula_help), "problem-text");
  if (text == NULL || *text == '\0')
    {
      g_string_printf (help, _("Measured. To compute it from other KPIs instead, write a formula with their IDs, "
                               "such as “kpi-spend / kpi-leads”. This KPI’s ID is “%s”."),
                       pl_item_get_id (self->kpi));
    }
  else if ((formula = pl_formula_parse (text, &error)) == NULL)
    {
      g_string_printf (help, _("The formula does not read: %s."), error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->formula_help), "problem-text");
    }
  else
    {
      const char * const *refs = pl_formula_get_references (formula);

      g_string_append (help, _("Computed, and read-only in the figures. It uses:"));
      for (guint i = 0; refs[i] != NULL; i++)
        {
          PlItem *operand = pl_plan_lookup (self->plan, refs[i]);
          if (operand != NULL && PL_IS_KPI (operand))
            g_string_append_printf (help, "\n• %s = %s", refs[i], pl_item_get_string (operand, PL_KPI_NAME));
          else
            {
              g_string_append_printf (help, "\n• ");
              g_string_append_printf (help, _("%s names no KPI of this plan"), refs[i]);
              gtk_widget_add_css_class (GTK_WIDGET (self->formula_help), "problem-text");
            }
        }
    }
  gtk_label_set_label (self->formula_help, help->str);
  {
    /* An ID ("kpi-spend") is typed as a whole: it never breaks at its hyphen. */
    g_autoptr(GRegex) ids = g_regex_new ("[a-z0-9]+(?:-[a-z0-9]+)+", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    PangoAttrList *attrs = pango_attr_list_new ();

    for (g_regex_match (ids, help->str, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
      {
        int start, end;
        PangoAttribute *whole = pango_attr_allow_breaks_new (FALSE);

        g_match_info_fetch_pos (match, 0, &start, &end);
        whole->start_index = (guint) start;
        whole->end_index = (guint) end;
        pango_attr_list_insert (attrs, whole);
      }
    gtk_label_set_attributes (self->formula_help, attrs);
    pango_attr_list_unref (attrs);
  }
}

/* What a file brought in that the KPI cannot hold (a negative count, a formula loop, more
 * than the stage above it), in validation's words, so that it can be found and mended. */
static void
refresh_problems (PlKpisPage *self)
{
  /* This KPI's own problems only: the whole plan's would cost an edit seconds in a big plan. */
  g_autoptr(GPtrArray) problems = pl_plan_validate_record (self->plan, self->kpi);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) loop = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      const PlProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->id, pl_item_get_id (self->kpi)) == 0)
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", problem->message);
    }
  /* Validation names a loop once, on its first KPI: every other KPI of it says so too. */
  if (!pl_rule_kpi_formula (self->plan, PL_KPI (self->kpi), pl_item_get_string (self->kpi, PL_KPI_FORMULA), &loop) &&
      strstr (text->str, loop->message) == NULL)
    g_string_append_printf (text, "%s%s", text->len ? "\n" : "", loop->message);
  gtk_label_set_label (self->problems, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems), text->len > 0);
}

/* For a KPI that adds up, what part of it the campaigns' results explain and what part
 * comes from no campaign, on the campaigns list's basis; nothing for the others. */
static void
refresh_attribution (PlKpisPage *self)
{
  PlBasis basis = pl_campaign_figures_basis (self->plan);
  PlKpiAttribution attribution;
  g_autofree char *text = NULL, *span = NULL, *line = NULL;

  pl_kpi_attribution_get (self->plan, PL_KPI (self->kpi), &basis, &attribution);
  text = pl_kpi_attribution_describe (self->plan, &attribution);
  gtk_widget_set_visible (GTK_WIDGET (self->attribution), text != NULL);
  if (text == NULL)
    return;
  span = pl_basis_describe (self->plan, &basis);
  /* Translators: the months ("January to June 2027"), then how much of the KPI the campaigns explain */
  line = g_strdup_printf (_("To date (%s): %s"), span, text);
  gtk_label_set_label (self->attribution, line);
}

static void
refresh_description (PlKpisPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description);
  const char *text = pl_item_get_string (self->kpi, PL_KPI_DESCRIPTION);
  g_autofree char *current = NULL;
  GtkTextIter a, b;

  gtk_text_buffer_get_bounds (buffer, &a, &b);
  current = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
  if (g_strcmp0 (current, text ? text : "") != 0)
    gtk_text_buffer_set_text (buffer, text ? text : "", -1);
}

static void
on_description_leave_cb (GtkEventControllerFocus *focus, PlKpisPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description);
  g_autofree char *text = NULL;
  const char *current;
  GtkTextIter a, b;

  if (self->kpi == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &a, &b);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &a, &b, FALSE));
  current = pl_item_get_string (self->kpi, PL_KPI_DESCRIPTION);
  /* One edit when the description is left: undo takes back the whole of it. */
  if (g_strcmp0 (current ? current : "", text) != 0)
    pl_plan_set_string (self->plan, self->kpi, PL_KPI_DESCRIPTION, *text ? text : NULL, NULL);
}

static void
draw_trend_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PlKpisPage *self = data;
  g_autofree char *summary = NULL;

  if (self->kpi == NULL || self->plan == NULL)
    return;
  pl_chart_theme_zoom (cr, &width, &height);
  summary = pl_trend_chart_draw (self->plan, self->kpi, FALSE, cr, width, height,
                                 pl_chart_theme_for_widget (GTK_WIDGET (area)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
}

static void
refresh_editor (PlKpisPage *self)
{
  const char *id;

  if (self->kpi == NULL || self->plan == NULL)
    {
      gtk_stack_set_visible_child_name (self->editor_stack, "none");
      for (guint i = 0; i < self->editors->len; i++)
        pl_field_editor_bind (g_ptr_array_index (self->editors, i), NULL, NULL, 0);
      pl_record_table_set_filter (self->upstream, PL_KPI_LINK_DOWNSTREAM, NULL);
      pl_record_table_set_filter (self->downstream, PL_KPI_LINK_UPSTREAM, NULL);
      pl_record_table_set_filter (self->campaigns, PL_CAMPAIGN_KPI_KPI, NULL);
      return;
    }
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
  for (guint i = 0; i < self->editors->len; i++)
    pl_field_editor_bind (g_ptr_array_index (self->editors, i), self->plan, self->kpi, form_fields[i].field);
  refresh_formula_help (self);
  refresh_problems (self);
  refresh_description (self);
  refresh_attribution (self);
  id = pl_item_get_id (self->kpi);
  pl_record_table_set_filter (self->upstream, PL_KPI_LINK_DOWNSTREAM, id);
  pl_record_table_set_filter (self->downstream, PL_KPI_LINK_UPSTREAM, id);
  pl_record_table_set_filter (self->campaigns, PL_CAMPAIGN_KPI_KPI, id);
  gtk_widget_queue_draw (GTK_WIDGET (self->trend));
}

static void
set_kpi (PlKpisPage *self, PlItem *kpi)
{
  if (self->kpi != kpi)
    {
      /* What was typed in the description belongs to the KPI it was typed for. */
      if (self->kpi != NULL && gtk_widget_has_focus (GTK_WIDGET (self->description)))
        on_description_leave_cb (NULL, self);
      g_set_object (&self->kpi, kpi);
    }
  refresh_editor (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kpis.delete", kpi != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kpis.edit-figures", kpi != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->set_target), kpi != NULL);
}

static void
on_selection_changed_cb (PlKpisPage *self)
{
  set_kpi (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
on_search_changed_cb (PlKpisPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

/* Enter in the search takes the first match, so what acts on the selected KPI (Set Target)
 * works straight after it. */
static void
on_search_activate_cb (PlKpisPage *self)
{
  g_autoptr(PlItem) first = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);

  if (first == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

static void
pl_kpis_page_refresh (PlPage *page, PlChangeMask change)
{
  PlKpisPage *self = PL_KPIS_PAGE (page);

  /* The KPI may have gone (deleted, or an undo of its creation). */
  if (self->kpi != NULL && pl_plan_lookup (self->plan, pl_item_get_id (self->kpi)) != self->kpi)
    set_kpi (self, NULL);
  else if (self->kpi != NULL)
    {
      refresh_formula_help (self);
      refresh_problems (self);
      refresh_description (self);
      refresh_attribution (self);
      gtk_widget_queue_draw (GTK_WIDGET (self->trend));
    }
  if (self->latest_labels->len > 0)
    {
      guint32 month, end;

      latest_period (self, &month, &end);
      for (guint i = 0; i < self->latest_labels->len; i++)
        refresh_latest (self, g_ptr_array_index (self->latest_labels, i), month, end);
    }
  update_count (self);
}

/* ---- the figures grid ---- */

static void
on_kind_selected_cb (PlKpisPage *self)
{
  PlSeriesKind kind = gtk_drop_down_get_selected (self->kind) == 1 ? PL_SERIES_TARGETS : PL_SERIES_MEASUREMENTS;

  pl_measurements_grid_set_kind (self->grid, kind);
  gtk_label_set_label (self->grid_help, kind == PL_SERIES_TARGETS
                       ? _("The target of every KPI for each month of the plan. Computed KPIs take their targets from their formula.")
                       : _("What each KPI measured, month by month. Red figures are off target (the target is in the tooltip); computed KPIs are in italics."));
}

/* ---- actions ---- */

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlKpisPage *self = PL_KPIS_PAGE (widget);
  g_autoptr(PlItem) kpi = NULL;

  if (self->plan == NULL)
    return;
  kpi = g_object_new (PL_TYPE_KPI, NULL);
  pl_item_set_string (kpi, PL_KPI_NAME, _("New KPI"));
  pl_item_set_int (kpi, PL_KPI_FREQUENCY, PL_FREQUENCY_MONTHLY);
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  pl_plan_add (self->plan, kpi);
  pl_kpis_page_select (self, kpi);
  if (self->editors->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->editors, 0));
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlKpisPage *self = PL_KPIS_PAGE (widget);

  if (self->kpi != NULL)
    pl_delete_dialog_present (widget, self->plan, self->kpi);
}

static void
edit_figures_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlKpisPage *self = PL_KPIS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->view_stack, "figures");
  if (self->kpi != NULL)
    pl_measurements_grid_focus_kpi (self->grid, self->kpi);
}

static gboolean
figures_shown (PlKpisPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "figures") == 0;
}

/* The KPI a target is set for: the grid's cursor row over the figures, the one selected over
 * the definitions. Borrowed, or NULL. */
static PlKpi *
target_kpi (PlKpisPage *self)
{
  guint row = 0, column = 0;
  g_autoptr(PlItem) kpi = NULL;

  if (self->plan == NULL)
    return NULL;
  if (!figures_shown (self))
    return self->kpi != NULL ? PL_KPI (self->kpi) : NULL;
  pl_cell_grid_get_cursor (PL_CELL_GRID (self->grid), &row, &column);
  kpi = g_list_model_get_item (pl_plan_get_collection (self->plan, PL_COLLECTION_KPIS), row);
  return kpi != NULL ? PL_KPI (kpi) : NULL;
}

/* Each menu button fills its popover for its KPI as it opens. */
static void
prepare_target_cb (GtkMenuButton *button, gpointer data)
{
  PlKpisPage *self = data;
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  PlKpi *kpi = target_kpi (self);

  if (kpi != NULL && popover != NULL)
    pl_target_popover_prepare (PL_TARGET_POPOVER (popover), self->plan, kpi);
}

static void
set_target_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlKpisPage *self = PL_KPIS_PAGE (widget);

  if (target_kpi (self) != NULL)
    gtk_menu_button_popup (figures_shown (self) ? self->set_target_figures : self->set_target);
}

PlTargetPopover *
pl_kpis_page_get_target_popover (PlKpisPage *self)
{
  g_return_val_if_fail (PL_IS_KPIS_PAGE (self), NULL);
  return PL_TARGET_POPOVER (gtk_menu_button_get_popover (figures_shown (self) ? self->set_target_figures
                                                                             : self->set_target));
}

static gboolean
pl_kpis_page_search (PlPage *page)
{
  PlKpisPage *self = PL_KPIS_PAGE (page);

  gtk_stack_set_visible_child_name (self->view_stack, "definitions");
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
  return TRUE;
}

static gboolean
pl_kpis_page_select_item (PlPage *page, PlItem *item)
{
  if (!PL_IS_KPI (item))
    return FALSE;
  pl_page_present (page);
  pl_kpis_page_select (PL_KPIS_PAGE (page), item);
  return TRUE;
}

/* ---- PlPage ---- */

/* The figures grid (every KPI by month) is made when its view is first shown. */
static void
bind_shown_views (PlKpisPage *self)
{
  if (self->plan == NULL || self->grid_bound || g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "figures") != 0)
    return;
  self->grid_bound = TRUE;
  pl_measurements_grid_set_plan (self->grid, self->plan);
}

static void
pl_kpis_page_bind (PlPage *page, PlPlan *plan)
{
  PlKpisPage *self = PL_KPIS_PAGE (page);

  set_kpi (self, NULL);
  g_set_object (&self->plan, plan);
  /* Another plan may have the same serials: what was found for the last one is dropped. */
  self->latest_serial = 0;
  if (plan != NULL)
    {
      GtkFilterListModel *filtered = gtk_filter_list_model_new (g_object_ref (pl_plan_get_collection (plan, PL_COLLECTION_KPIS)),
                                                                g_object_ref (GTK_FILTER (self->filter)));
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (filtered));
      g_object_unref (filtered);
    }
  else
    gtk_single_selection_set_model (self->selection, NULL);
  pl_record_table_set_plan (self->upstream, plan);
  pl_record_table_set_plan (self->downstream, plan);
  pl_record_table_set_plan (self->campaigns, plan);
  if (self->grid_bound)
    pl_measurements_grid_set_plan (self->grid, NULL);
  self->grid_bound = FALSE;
  bind_shown_views (self);
  update_count (self);
}

/* ---- GObject ---- */

static void
pl_kpis_page_dispose (GObject *object)
{
  PlKpisPage *self = PL_KPIS_PAGE (object);
  GtkWidget *child;

  g_clear_object (&self->plan);
  g_clear_object (&self->kpi);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_KPIS_PAGE);
  /* The template's top box has no ID, so disposing the template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  G_OBJECT_CLASS (pl_kpis_page_parent_class)->dispose (object);
}

static void
pl_kpis_page_finalize (GObject *object)
{
  PlKpisPage *self = PL_KPIS_PAGE (object);

  g_ptr_array_unref (self->editors);
  g_ptr_array_unref (self->latest_labels);
  G_OBJECT_CLASS (pl_kpis_page_parent_class)->finalize (object);
}

static gboolean
pl_kpis_page_is_empty (PlPage *page)
{
  PlKpisPage *self = PL_KPIS_PAGE (page);

  return self->plan != NULL && pl_plan_get_n (self->plan, PL_COLLECTION_KPIS) == 0;
}

static void
pl_kpis_page_class_init (PlKpisPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PlPageClass *page_class = PL_PAGE_CLASS (klass);

  object_class->dispose = pl_kpis_page_dispose;
  object_class->finalize = pl_kpis_page_finalize;
  page_class->bind = pl_kpis_page_bind;
  page_class->refresh = pl_kpis_page_refresh;
  page_class->select_item = pl_kpis_page_select_item;
  page_class->search = pl_kpis_page_search;
  page_class->is_empty = pl_kpis_page_is_empty;
  pl_page_class_set_title (page_class, N_("KPIs"));
  pl_page_class_set_empty_state (page_class, N_("No KPIs Yet"),
                                 N_("The KPIs are the figures the plan is steered by, from spend and visitors to "
                                    "leads, customers and revenue, each with a target for the period and what was measured."),
                                 N_("_Add a KPI"), "kpis.add", NULL, NULL);
  /* The KPIs, their figures (computed from the spend too), owners and links; the tables and
   * the grid follow their own records. */
  pl_page_class_set_shows (page_class, PL_CHANGE_METADATA | pl_change_for_collection (PL_COLLECTION_KPIS) |
                                       pl_change_for_collection (PL_COLLECTION_KPI_LINKS) |
                                       pl_change_for_collection (PL_COLLECTION_CAMPAIGN_KPIS) |
                                       pl_change_for_collection (PL_COLLECTION_MEMBERS) |
                                       pl_change_for_collection (PL_COLLECTION_SPEND) |
                                       pl_change_for_collection (PL_COLLECTION_LINES) |
                                       pl_change_for_collection (PL_COLLECTION_CATEGORIES));

  g_type_ensure (PL_TYPE_MEASUREMENTS_GRID);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-kpis-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, search);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, list);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, form);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, formula_help);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, problems);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, description);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, trend);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, upstream_box);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, downstream_box);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, campaigns_box);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, attribution);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, kind);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, grid_help);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, grid);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, set_target);
  gtk_widget_class_bind_template_child (widget_class, PlKpisPage, set_target_figures);

  gtk_widget_class_install_action (widget_class, "kpis.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "kpis.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "kpis.edit-figures", NULL, edit_figures_action);
  gtk_widget_class_install_action (widget_class, "kpis.set-target", NULL, set_target_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_T, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "kpis.set-target", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "kpis.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "kpis.add", NULL);
}

static void
pl_kpis_page_init (PlKpisPage *self)
{
  const char *kinds[] = { _("Measurements"), _("Targets"), NULL };
  PlItemClass *klass = g_type_class_ref (PL_TYPE_KPI);
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->editors = g_ptr_array_new ();
  self->latest_labels = g_ptr_array_new ();

  self->filter = gtk_custom_filter_new (filter_match, self, NULL);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed_cb), self);
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  add_list_column (self, 0, _("KPI"), TRUE);
  add_list_column (self, 1, _("Layer"), FALSE);
  add_list_column (self, 2, _("Latest"), FALSE);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (on_search_activate_cb), self);

  for (guint i = 0; i < G_N_ELEMENTS (form_fields); i++)
    {
      const PlField *field = &klass->fields[form_fields[i].field];
      GtkWidget *label = gtk_label_new (_(form_fields[i].label));
      GtkWidget *editor = pl_field_editor_new (field, TRUE);

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_hexpand (editor, TRUE);
      if (GTK_IS_CHECK_BUTTON (editor))
        gtk_widget_set_halign (editor, GTK_ALIGN_START);
      pl_a11y_labelled_by (editor, label);
      /* What a frequency means (pl-kpi-period.h), where it is chosen: the import and validate
       * follow it. */
      if (form_fields[i].field == PL_KPI_FREQUENCY)
        {
          const char *meaning = _("One value per period, dated on its first day: the Monday of a week, the 1st of a "
                                  "month, the first day of a quarter of the plan’s year. An import puts each date "
                                  "into its period and replaces the value there.");
          gtk_widget_set_tooltip_text (label, meaning);
          gtk_widget_set_tooltip_text (editor, meaning);
        }
      gtk_grid_attach (self->form, label, 0, (int) i, 1, 1);
      gtk_grid_attach (self->form, editor, 1, (int) i, 1, 1);
      g_ptr_array_add (self->editors, editor);
    }
  g_type_class_unref (klass);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_description_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->description), focus);
  gtk_drawing_area_set_draw_func (self->trend, draw_trend_cb, self, NULL);
  pl_chart_theme_grow_with_text (self->trend);

  self->upstream = pl_record_table_new (PL_COLLECTION_KPI_LINKS, _("Add an _Upstream KPI"));
  pl_record_table_add_column (self->upstream, PL_KPI_LINK_UPSTREAM, _("KPI that feeds this one"), TRUE);
  pl_record_table_set_filter (self->upstream, PL_KPI_LINK_DOWNSTREAM, NULL);
  gtk_box_append (self->upstream_box, GTK_WIDGET (self->upstream));
  self->downstream = pl_record_table_new (PL_COLLECTION_KPI_LINKS, _("Add a Do_wnstream KPI"));
  pl_record_table_add_column (self->downstream, PL_KPI_LINK_DOWNSTREAM, _("KPI this one feeds"), TRUE);
  pl_record_table_set_filter (self->downstream, PL_KPI_LINK_UPSTREAM, NULL);
  gtk_box_append (self->downstream_box, GTK_WIDGET (self->downstream));
  self->campaigns = pl_record_table_new (PL_COLLECTION_CAMPAIGN_KPIS, _("_Link a Campaign"));
  pl_record_table_add_column (self->campaigns, PL_CAMPAIGN_KPI_CAMPAIGN, _("Campaign"), TRUE);
  pl_record_table_add_column (self->campaigns, PL_CAMPAIGN_KPI_CONTRIBUTION, _("Expected contribution"), FALSE);
  pl_record_table_set_filter (self->campaigns, PL_CAMPAIGN_KPI_KPI, NULL);
  gtk_box_append (self->campaigns_box, GTK_WIDGET (self->campaigns));

  gtk_drop_down_set_model (self->kind, G_LIST_MODEL (gtk_string_list_new (kinds)));
  g_signal_connect_swapped (self->kind, "notify::selected", G_CALLBACK (on_kind_selected_cb), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name", G_CALLBACK (bind_shown_views), self);
  on_kind_selected_cb (self);
  gtk_menu_button_set_popover (self->set_target, GTK_WIDGET (pl_target_popover_new ()));
  gtk_menu_button_set_create_popup_func (self->set_target, prepare_target_cb, self, NULL);
  gtk_menu_button_set_popover (self->set_target_figures, GTK_WIDGET (pl_target_popover_new ()));
  gtk_menu_button_set_create_popup_func (self->set_target_figures, prepare_target_cb, self, NULL);
  set_kpi (self, NULL);
}

void
pl_kpis_page_select (PlKpisPage *self, PlItem *kpi)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  g_return_if_fail (PL_IS_KPIS_PAGE (self));
  g_return_if_fail (PL_IS_KPI (kpi));
  pl_page_update (PL_PAGE (self));
  gtk_stack_set_visible_child_name (self->view_stack, "definitions");
  for (int attempt = 0; attempt < 2; attempt++)
    {
      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          g_autoptr(PlItem) item = g_list_model_get_item (model, i);
          if (item == kpi)
            {
              GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->list), GTK_TYPE_SCROLLED_WINDOW);

              gtk_single_selection_set_selected (self->selection, i);
              pl_grid_view_scroll_to (GTK_SCROLLED_WINDOW (scrolled), i, n);
              return;
            }
        }
      /* Hidden by the search: show everything, then look again. */
      gtk_editable_set_text (GTK_EDITABLE (self->search), "");
      on_search_changed_cb (self);
    }
}

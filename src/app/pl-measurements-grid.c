/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-measurements-grid"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-a11y.h"
#include "pl-figures.h"
#include "pl-grid-view.h"
#include "pl-kpi-chain-chart.h"
#include "pl-kpi-value.h"
#include "pl-measurements-grid.h"

struct _PlMeasurementsGrid
{
  GtkWidget         parent_instance;

  GtkScrolledWindow *scrolled;
  GtkColumnView     *view;
  GtkNoSelection    *selection;
  PlPlan            *plan;
  PlSeriesKind       kind;
  GPtrArray         *cells;        /* bound month entries, refreshed when the plan changes */
  guint32            built_start;  /* the period the month columns were built for */
  guint              built_months;
};

G_DEFINE_FINAL_TYPE (PlMeasurementsGrid, pl_measurements_grid, GTK_TYPE_WIDGET)

/* ---- one month of one KPI ---- */

typedef enum { CELL_EDITABLE, CELL_DERIVED, CELL_SEVERAL } CellKind;

static guint32
month_end (PlPlan *plan, guint month)
{
  return month + 1 < pl_plan_get_months (plan) ? pl_plan_month_start (plan, month + 1) : pl_plan_get_end (plan);
}

/* Where the cell's value comes from: the KPI's formula, several points in the month (a
 * weekly KPI, shown combined), or at most one point on the month's first day (editable). */
static CellKind
cell_kind (PlMeasurementsGrid *self, PlKpi *kpi, guint month, guint *n_points)
{
  const char *formula = pl_item_get_string (PL_ITEM (kpi), PL_KPI_FORMULA);
  PlSeries *series = self->kind == PL_SERIES_TARGETS ? pl_kpi_get_targets (kpi) : pl_kpi_get_measurements (kpi);
  guint32 from = pl_plan_month_start (self->plan, month), to = month_end (self->plan, month);
  guint n = 0;
  gboolean off_first_day = FALSE;

  if (formula != NULL && *formula != '\0')
    return CELL_DERIVED;
  for (guint i = pl_series_lower_bound (series, from); i < pl_series_get_n (series); i++)
    {
      const PlPoint *point = pl_series_get (series, i);
      if (point->julian >= to)
        break;
      off_first_day |= point->julian != from;
      n++;
    }
  *n_points = n;
  return n > 1 || off_first_day ? CELL_SEVERAL : CELL_EDITABLE;
}

static double
cell_value (PlMeasurementsGrid *self, PlKpi *kpi, guint month)
{
  guint32 from = pl_plan_month_start (self->plan, month), to = month_end (self->plan, month);

  return self->kind == PL_SERIES_TARGETS ? pl_figures_kpi_target (self->plan, kpi, from, to)
                                         : pl_figures_kpi_value (self->plan, kpi, from, to);
}

static void
set_cell_tooltip (GtkWidget *cell, const char *first, const char *second)
{
  g_autofree char *text = first && second ? g_strdup_printf ("%s\n%s", first, second) : NULL;

  gtk_widget_set_tooltip_text (cell, text ? text : first ? first : second);
}

static void
refresh_cell (PlMeasurementsGrid *self, GtkEntry *cell)
{
  PlKpi *kpi = g_object_get_data (G_OBJECT (cell), "kpi");
  guint month = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month"));
  guint n_points = 0;
  CellKind kind;
  double value;
  g_autofree char *text = NULL;
  g_autofree char *about = NULL;
  g_autofree char *against = NULL;
  GtkWidget *widget = GTK_WIDGET (cell);

  if (kpi == NULL || self->plan == NULL || month >= pl_plan_get_months (self->plan))
    return;
  kind = cell_kind (self, kpi, month, &n_points);
  value = cell_value (self, kpi, month);
  text = pl_kpi_value_format (kpi, value);
  g_object_set_data (G_OBJECT (cell), "refreshing", GINT_TO_POINTER (TRUE));
  gtk_editable_set_text (GTK_EDITABLE (cell), text);
  g_object_set_data (G_OBJECT (cell), "refreshing", NULL);
  gtk_editable_set_editable (GTK_EDITABLE (cell), kind == CELL_EDITABLE);
  gtk_widget_set_focusable (widget, kind == CELL_EDITABLE);
  gtk_widget_remove_css_class (widget, "error");
  if (kind == CELL_EDITABLE)
    gtk_widget_remove_css_class (widget, "derived");
  else
    gtk_widget_add_css_class (widget, "derived");

  if (kind == CELL_DERIVED)
    about = g_strdup_printf (_("Computed from its formula: %s"), pl_item_get_string (PL_ITEM (kpi), PL_KPI_FORMULA));
  else if (kind == CELL_SEVERAL)
    about = g_strdup_printf (ngettext ("Combines %u value of this month; import to change it.",
                                       "Combines %u values of this month; import to change them.", n_points),
                             n_points);

  gtk_widget_remove_css_class (widget, "off-target");
  gtk_widget_remove_css_class (widget, "near-target");
  if (self->kind == PL_SERIES_MEASUREMENTS && !isnan (value))
    {
      guint32 from = pl_plan_month_start (self->plan, month);
      double target = pl_figures_kpi_target (self->plan, kpi, from, month_end (self->plan, month));
      PlKpiStatus status = pl_kpi_status (self->plan, PL_ITEM (kpi), from);

      if (!isnan (target))
        {
          g_autofree char *target_text = pl_kpi_value_format (kpi, target);
          against = status == PL_KPI_STATUS_OFF ? g_strdup_printf (_("Off target: the target is %s."), target_text)
                  : status == PL_KPI_STATUS_CLOSE ? g_strdup_printf (_("Close to target: the target is %s."), target_text)
                  : g_strdup_printf (_("On target: the target is %s."), target_text);
        }
      if (status == PL_KPI_STATUS_OFF)
        gtk_widget_add_css_class (widget, "off-target");
      else if (status == PL_KPI_STATUS_CLOSE)
        gtk_widget_add_css_class (widget, "near-target");
    }
  set_cell_tooltip (widget, against, about);
}

static void
commit_cell (PlMeasurementsGrid *self, GtkEntry *cell)
{
  PlKpi *kpi = g_object_get_data (G_OBJECT (cell), "kpi");
  guint month = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month"));
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  guint n_points = 0;
  double value;

  if (kpi == NULL || self->plan == NULL || month >= pl_plan_get_months (self->plan) ||
      cell_kind (self, kpi, month, &n_points) != CELL_EDITABLE)
    return;
  shown = pl_kpi_value_format (kpi, cell_value (self, kpi, month));
  if (g_strcmp0 (shown, gtk_editable_get_text (GTK_EDITABLE (cell))) == 0)
    return;
  if (!pl_kpi_value_parse (kpi, gtk_editable_get_text (GTK_EDITABLE (cell)), &value, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (cell), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (cell), error->message);
      return;
    }
  /* A value typed by hand has no source: the source names the tool it was imported from. */
  pl_plan_set_point (self->plan, kpi, self->kind, pl_plan_month_start (self->plan, month), value, NULL);
  refresh_cell (self, cell);
}

static void
on_cell_activate_cb (GtkEntry *cell, PlMeasurementsGrid *self)
{
  commit_cell (self, cell);
}

static void
on_cell_leave_cb (GtkEventControllerFocus *focus, PlMeasurementsGrid *self)
{
  commit_cell (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))));
}

static void
on_cell_changed_cb (GtkEntry *cell, PlMeasurementsGrid *self)
{
  PlKpi *kpi = g_object_get_data (G_OBJECT (cell), "kpi");
  g_autoptr(GError) error = NULL;
  double value;

  /* Checked as it is typed, so a wrong value shows before the cell is left. */
  if (kpi == NULL || g_object_get_data (G_OBJECT (cell), "refreshing"))
    return;
  if (pl_kpi_value_parse (kpi, gtk_editable_get_text (GTK_EDITABLE (cell)), &value, &error))
    gtk_widget_remove_css_class (GTK_WIDGET (cell), "error");
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (cell), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (cell), error->message);
    }
}

static void
setup_month_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlMeasurementsGrid *self)
{
  GtkWidget *cell = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_entry_set_has_frame (GTK_ENTRY (cell), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (cell), 7);
  gtk_editable_set_alignment (GTK_EDITABLE (cell), 1.0);
  /* Undo is the plan's (Ctrl+Z reaches the window), not the text field's own. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (cell), FALSE);
  g_object_set_data (G_OBJECT (cell), "month", g_object_get_data (G_OBJECT (factory), "month"));
  g_signal_connect (cell, "activate", G_CALLBACK (on_cell_activate_cb), self);
  g_signal_connect (cell, "changed", G_CALLBACK (on_cell_changed_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_cell_leave_cb), self);
  gtk_widget_add_controller (cell, focus);
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_month_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlMeasurementsGrid *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  PlItem *kpi = gtk_list_item_get_item (list_item);
  guint month = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month"));
  GDate date;
  char buffer[64];
  g_autofree char *label = NULL;

  g_object_set_data_full (G_OBJECT (cell), "kpi", g_object_ref (kpi), g_object_unref);
  g_ptr_array_add (self->cells, cell);
  g_date_set_julian (&date, pl_plan_month_start (self->plan, month));
  g_date_strftime (buffer, sizeof buffer, "%B %Y", &date);
  label = g_strdup_printf ("%s, %s", pl_item_get_string (kpi, PL_KPI_NAME), buffer);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  refresh_cell (self, GTK_ENTRY (cell));
}

static void
unbind_month_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlMeasurementsGrid *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  /* A value typed but not yet committed is kept when the row scrolls away. */
  commit_cell (self, GTK_ENTRY (cell));
  g_ptr_array_remove_fast (self->cells, cell);
  g_object_set_data (G_OBJECT (cell), "kpi", NULL);
}

/* ---- the KPI column ---- */

static void
setup_name_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  PlItem *kpi = gtk_list_item_get_item (list_item);
  const char *name = pl_item_get_string (kpi, PL_KPI_NAME);
  const char *formula = pl_item_get_string (kpi, PL_KPI_FORMULA);

  gtk_label_set_label (GTK_LABEL (label), name);
  gtk_widget_set_tooltip_text (label, name);
  if (formula != NULL && *formula != '\0')
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

/* ---- columns ---- */

static void
rebuild_columns (PlMeasurementsGrid *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  while (g_list_model_get_n_items (columns) > 1)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 1);
      gtk_column_view_remove_column (self->view, column);
    }
  self->built_start = self->plan ? pl_plan_get_start (self->plan) : 0;
  self->built_months = self->plan ? pl_plan_get_months (self->plan) : 0;
  for (guint month = 0; month < self->built_months; month++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GDate date;
      char title[64];

      g_date_set_julian (&date, pl_plan_month_start (self->plan, month));
      /* Translators: a month column of the measurements grid, strftime format ("Jan 2027") */
      g_date_strftime (title, sizeof title, C_("grid month", "%b %Y"), &date);
      g_object_set_data (G_OBJECT (factory), "month", GUINT_TO_POINTER (month));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_month_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_month_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_month_cb), self);
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_fixed_width (column, (int) (92 * pl_a11y_text_scale ()));
      gtk_column_view_append_column (self->view, column);
    }
}

static void
on_plan_changed_cb (PlMeasurementsGrid *self)
{
  if (pl_plan_get_start (self->plan) != self->built_start || pl_plan_get_months (self->plan) != self->built_months)
    {
      rebuild_columns (self);
      return;
    }
  for (guint i = 0; i < self->cells->len; i++)
    refresh_cell (self, g_ptr_array_index (self->cells, i));
}

/* ---- GObject ---- */

static void
pl_measurements_grid_dispose (GObject *object)
{
  PlMeasurementsGrid *self = PL_MEASUREMENTS_GRID (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  if (self->scrolled != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->scrolled));
      self->scrolled = NULL;
    }
  g_clear_object (&self->selection);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (pl_measurements_grid_parent_class)->dispose (object);
}

static void
pl_measurements_grid_finalize (GObject *object)
{
  PlMeasurementsGrid *self = PL_MEASUREMENTS_GRID (object);

  g_ptr_array_unref (self->cells);
  G_OBJECT_CLASS (pl_measurements_grid_parent_class)->finalize (object);
}

static void
pl_measurements_grid_class_init (PlMeasurementsGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_measurements_grid_dispose;
  object_class->finalize = pl_measurements_grid_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "measurementsgrid");
}

static void
pl_measurements_grid_init (PlMeasurementsGrid *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) name = NULL;

  self->cells = g_ptr_array_new ();
  self->kind = PL_SERIES_MEASUREMENTS;
  self->selection = gtk_no_selection_new (NULL);
  self->view = pl_grid_view_new (GTK_WIDGET (self), g_object_ref (GTK_SELECTION_MODEL (self->selection)), &self->scrolled);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_name_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_name_cb), NULL);
  name = gtk_column_view_column_new (_("KPI"), factory);
  gtk_column_view_column_set_fixed_width (name, (int) (230 * pl_a11y_text_scale ()));
  gtk_column_view_column_set_resizable (name, TRUE);
  gtk_column_view_append_column (self->view, name);
}

PlMeasurementsGrid *
pl_measurements_grid_new (void)
{
  return g_object_new (PL_TYPE_MEASUREMENTS_GRID, NULL);
}

void
pl_measurements_grid_set_plan (PlMeasurementsGrid *self, PlPlan *plan)
{
  g_return_if_fail (PL_IS_MEASUREMENTS_GRID (self));
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  /* Unbinding commits pending text into the plan it was typed for. */
  gtk_no_selection_set_model (self->selection, NULL);
  g_set_object (&self->plan, plan);
  rebuild_columns (self);
  if (plan != NULL)
    {
      gtk_no_selection_set_model (self->selection, pl_plan_get_collection (plan, PL_COLLECTION_KPIS));
      g_signal_connect_swapped (plan, "changed", G_CALLBACK (on_plan_changed_cb), self);
    }
}

void
pl_measurements_grid_set_kind (PlMeasurementsGrid *self, PlSeriesKind kind)
{
  g_return_if_fail (PL_IS_MEASUREMENTS_GRID (self));
  if (self->kind == kind)
    return;
  for (guint i = 0; i < self->cells->len; i++)
    commit_cell (self, g_ptr_array_index (self->cells, i));
  self->kind = kind;
  for (guint i = 0; i < self->cells->len; i++)
    refresh_cell (self, g_ptr_array_index (self->cells, i));
}

PlSeriesKind
pl_measurements_grid_get_kind (PlMeasurementsGrid *self)
{
  g_return_val_if_fail (PL_IS_MEASUREMENTS_GRID (self), PL_SERIES_MEASUREMENTS);
  return self->kind;
}

static GtkWidget *
find_cell (PlMeasurementsGrid *self, PlItem *kpi, guint month)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      GObject *cell = g_ptr_array_index (self->cells, i);
      if (g_object_get_data (cell, "kpi") == (gpointer) kpi &&
          GPOINTER_TO_UINT (g_object_get_data (cell, "month")) == month)
        return GTK_WIDGET (cell);
    }
  return NULL;
}

void
pl_measurements_grid_focus_kpi (PlMeasurementsGrid *self, PlItem *kpi)
{
  GListModel *kpis;
  GtkWidget *cell;

  g_return_if_fail (PL_IS_MEASUREMENTS_GRID (self));
  if (self->plan == NULL)
    return;
  kpis = pl_plan_get_collection (self->plan, PL_COLLECTION_KPIS);
  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n; i++)
    {
      g_autoptr(PlItem) item = g_list_model_get_item (kpis, i);
      if (item == kpi)
        {
          pl_grid_view_scroll_to (self->scrolled, i, n);
          break;
        }
    }
  cell = find_cell (self, kpi, 0);
  if (cell != NULL)
    gtk_widget_grab_focus (cell);
}

char *
pl_measurements_grid_get_text (PlMeasurementsGrid *self, PlItem *kpi, guint month)
{
  GtkWidget *cell;

  g_return_val_if_fail (PL_IS_MEASUREMENTS_GRID (self), NULL);
  cell = find_cell (self, kpi, month);
  return cell ? g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell))) : NULL;
}

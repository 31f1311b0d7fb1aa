/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-measurements-grid"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-a11y.h"
#include "pl-cell-editor.h"
#include "pl-cell-paste.h"
#include "pl-calendar.h"
#include "pl-cell-grid.h"
#include "pl-dashboard.h"
#include "pl-figures.h"
#include "pl-grid-view.h"
#include "pl-kpi-chain-chart.h"
#include "pl-kpi-value.h"
#include "pl-measurements-grid.h"
#include "pl-objective-progress.h"
#include "pl-tooltip.h"

struct _PlMeasurementsGrid
{
  GtkWidget         parent_instance;

  GtkScrolledWindow *scrolled;
  GtkColumnView     *view;
  GtkNoSelection    *selection;
  PlPlan            *plan;
  PlSeriesKind       kind;
  GPtrArray         *cells;        /* bound month cells, refreshed when the plan changes */
  guint32            built_start;  /* the period the month columns were built for */
  guint              built_months;
  PlBasis            to_date;      /* the period-to-date column's months: the dashboard's */
  PlGridNotice      *notice;

  /* The last edit warned about (10 times its KPI's usual month), for the notice's Undo. */
  PlKpi             *warned_kpi;
  guint              warned_month;
  PlSeriesKind       warned_kind;
  double             warned_value, warned_before;
  guint64            warned_serial;  /* the plan's serial right after that edit */
};

static void pl_measurements_grid_cell_grid_init (PlCellGridInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlMeasurementsGrid, pl_measurements_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PL_TYPE_CELL_GRID, pl_measurements_grid_cell_grid_init))

/* ---- one month of one KPI ---- */

/* CELL_BOOKED: the spend KPI of a plan that records its spending, which is the spend's one
 * source: the KPI shows what was booked and is not typed into. */
typedef enum { CELL_EDITABLE, CELL_DERIVED, CELL_SEVERAL, CELL_BOOKED } CellKind;

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
  if (self->kind == PL_SERIES_MEASUREMENTS && pl_item_get_int (PL_ITEM (kpi), PL_KPI_STAGE) == PL_STAGE_SPEND &&
      pl_figures_spend_source (self->plan) == PL_SPEND_FROM_RECORDS)
    return CELL_BOOKED;
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
set_class (GtkWidget *widget, const char *name, gboolean on)
{
  if (on && !gtk_widget_has_css_class (widget, name))
    gtk_widget_add_css_class (widget, name);
  else if (!on && gtk_widget_has_css_class (widget, name))
    gtk_widget_remove_css_class (widget, name);
}

static void
set_cell_tooltip (GtkWidget *cell, const char *first, const char *second)
{
  g_autofree char *text = first && second ? g_strdup_printf ("%s\n%s", first, second) : NULL;

  pl_tooltip_set (cell, text ? text : first ? first : second);
}

static void
refresh_cell (PlMeasurementsGrid *self, PlCellEditor *cell)
{
  PlKpi *kpi = g_object_get_data (G_OBJECT (cell), "kpi");
  guint month = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month"));
  guint n_points = 0;
  CellKind kind;
  double value;
  g_autofree char *text = NULL;
  g_autofree char *about = NULL;
  g_autofree char *against = NULL;
  const char *mark = NULL;
  GtkWidget *widget = GTK_WIDGET (cell);

  if (kpi == NULL || self->plan == NULL || month >= pl_plan_get_months (self->plan))
    return;
  kind = cell_kind (self, kpi, month, &n_points);
  value = cell_value (self, kpi, month);
  text = pl_kpi_value_format (kpi, value);
  pl_cell_editor_set_text (cell, text);
  /* Computed cells are selected and copied like the others, never typed into. */
  pl_cell_editor_set_editable (cell, kind == CELL_EDITABLE);
  set_class (widget, "derived", kind != CELL_EDITABLE);

  if (kind == CELL_DERIVED)
    about = g_strdup_printf (_("Computed from its formula: %s"), pl_item_get_string (PL_ITEM (kpi), PL_KPI_FORMULA));
  else if (kind == CELL_BOOKED)
    about = g_strdup (_("The spend booked on the Budget page: record spending there."));
  else if (kind == CELL_SEVERAL)
    about = g_strdup_printf (ngettext ("Combines %u value of this month; import to change it.",
                                       "Combines %u values of this month; import to change them.", n_points),
                             n_points);

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
      mark = status == PL_KPI_STATUS_OFF ? "off-target" : status == PL_KPI_STATUS_CLOSE ? "near-target" : NULL;
    }
  /* A class taken off and put back restyles the cell at the next frame: only what differs. */
  set_class (widget, "off-target", g_strcmp0 (mark, "off-target") == 0);
  set_class (widget, "near-target", g_strcmp0 (mark, "near-target") == 0);
  set_cell_tooltip (widget, against, about);
}

/* ---- the grid's terms: rows, months, their names ---- */

static guint
n_rows (PlMeasurementsGrid *self)
{
  return self->plan ? g_list_model_get_n_items (pl_plan_get_collection (self->plan, PL_COLLECTION_KPIS)) : 0;
}

/* The KPI of row @row, borrowed (the plan keeps it), or NULL. */
static PlKpi *
kpi_at (PlMeasurementsGrid *self, guint row)
{
  g_autoptr(PlItem) kpi = row < n_rows (self) ? g_list_model_get_item (pl_plan_get_collection (self->plan, PL_COLLECTION_KPIS), row)
                                              : NULL;

  return kpi ? PL_KPI (kpi) : NULL;
}

static guint
cell_row (PlMeasurementsGrid *self, GtkWidget *cell)
{
  return pl_grid_view_cell_position (cell);
}

static guint
cell_month (GtkWidget *cell)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month"));
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

/* "Leads, March 2027: @message", naming the cell in the grid's terms. */
static char *
cell_message (PlMeasurementsGrid *self, PlKpi *kpi, guint month, const char *message)
{
  g_autofree char *cell = pl_grid_describe_cell (self->plan, pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME), month, TRUE);

  return g_strdup_printf (_("%s: %s"), cell, message);
}

static void
show_error (PlMeasurementsGrid *self, const char *message)
{
  g_clear_object (&self->warned_kpi);
  pl_grid_notice_show (self->notice, message, FALSE);
}

/* Why a cell of @kind cannot be typed into, or NULL when it can. */
static const char *
read_only_reason (CellKind kind)
{
  if (kind == CELL_DERIVED)
    return _("this KPI is computed from its formula: type into the KPIs it is computed from.");
  if (kind == CELL_SEVERAL)
    return _("this month combines several values of the KPI: import them to change them.");
  if (kind == CELL_BOOKED)
    return _("the plan’s spend comes from its spending records: record spending on the Budget page.");
  return NULL;
}

/* ---- typing ---- */

static void
warn_if_unusual (PlMeasurementsGrid *self, PlKpi *kpi, guint month, double before)
{
  guint n = pl_plan_get_months (self->plan);
  g_autofree double *values = g_new (double, n);
  double usual;
  gboolean above;

  for (guint m = 0; m < n; m++)
    values[m] = cell_value (self, kpi, m);
  usual = pl_grid_usual_value (values, n, month);
  if (pl_grid_is_unusual (values[month], usual, &above))
    {
      g_autofree char *value_text = pl_kpi_value_format (kpi, values[month]);
      g_autofree char *usual_text = pl_kpi_value_format (kpi, usual);
      g_autofree char *about = above
        /* Translators: the value typed, then the KPI's usual monthly value */
        ? g_strdup_printf (_("%s is more than 10 times this KPI’s usual month (%s)"), value_text, usual_text)
        /* Translators: the value typed, then the KPI's usual monthly value */
        : g_strdup_printf (_("%s is less than a tenth of this KPI’s usual month (%s)"), value_text, usual_text);
      g_autofree char *message = cell_message (self, kpi, month, about);

      pl_grid_notice_show (self->notice, message, TRUE);
      g_set_object (&self->warned_kpi, kpi);
      self->warned_month = month;
      self->warned_kind = self->kind;
      self->warned_value = values[month];
      self->warned_before = before;
      self->warned_serial = pl_plan_get_serial (self->plan);
    }
  else if (pl_grid_notice_get_message (self->notice) != NULL && self->warned_kpi == NULL)
    pl_grid_notice_hide (self->notice);
}

/* A month's target, with the objectives tied to the KPI following it in the same step. */
static gboolean
set_target (PlMeasurementsGrid *self, PlKpi *kpi, guint month, double value, double before)
{
  g_autoptr(GError) error = NULL;

  pl_plan_begin_group (self->plan, _("Change target"));
  pl_plan_set_point (self->plan, kpi, PL_SERIES_TARGETS, pl_plan_month_start (self->plan, month), value, NULL);
  if (!pl_plan_finish_group (self->plan, pl_objectives_follow_kpi (self->plan, kpi, &error)))
    {
      g_autofree char *message = cell_message (self, kpi, month, error->message);

      show_error (self, message);
      return FALSE;
    }
  warn_if_unusual (self, kpi, month, before);
  return TRUE;
}

static gboolean
on_cell_commit_cb (PlCellEditor *cell, const char *text, PlMeasurementsGrid *self)
{
  PlKpi *kpi = g_object_get_data (G_OBJECT (cell), "kpi");
  guint month = cell_month (GTK_WIDGET (cell));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_points = 0;
  CellKind kind;
  double value, before;

  if (kpi == NULL || self->plan == NULL || month >= pl_plan_get_months (self->plan))
    return FALSE;
  kind = cell_kind (self, kpi, month, &n_points);
  if (text == NULL || kind != CELL_EDITABLE)
    {
      message = cell_message (self, kpi, month, read_only_reason (kind == CELL_EDITABLE ? CELL_DERIVED : kind));
      show_error (self, message);
      return FALSE;
    }
  if (!pl_kpi_value_parse (kpi, text, &value, &error))
    {
      message = cell_message (self, kpi, month, error->message);
      show_error (self, message);
      pl_cell_editor_set_error (cell, error->message);
      return FALSE;
    }
  before = cell_value (self, kpi, month);
  if (self->kind == PL_SERIES_TARGETS)
    return set_target (self, kpi, month, value, before);
  /* A value typed by hand has no source: the source names the tool it was imported from. */
  pl_plan_set_point (self->plan, kpi, self->kind, pl_plan_month_start (self->plan, month), value, NULL);
  warn_if_unusual (self, kpi, month, before);
  return TRUE;
}

static void
on_notice_undo_cb (PlMeasurementsGrid *self)
{
  PlKpi *kpi = self->warned_kpi;
  double now;

  if (kpi == NULL || self->plan == NULL)
    return;
  now = self->warned_kind == PL_SERIES_TARGETS
          ? pl_figures_kpi_target (self->plan, kpi, pl_plan_month_start (self->plan, self->warned_month),
                                   month_end (self->plan, self->warned_month))
          : pl_figures_kpi_value (self->plan, kpi, pl_plan_month_start (self->plan, self->warned_month),
                                  month_end (self->plan, self->warned_month));
  /* That edit is still the last: undo it (the plan is unmodified again if it was). Later
   * edits are kept: that month alone goes back, as a new step. */
  if (pl_plan_get_serial (self->plan) == self->warned_serial)
    pl_plan_undo (self->plan);
  else if (now == self->warned_value)
    pl_plan_set_point (self->plan, kpi, self->warned_kind, pl_plan_month_start (self->plan, self->warned_month),
                       self->warned_before, NULL);
  g_clear_object (&self->warned_kpi);
}

/* ---- copy and paste ---- */

static char *
copy_cell (PlCellGrid *grid, guint row, guint month)
{
  PlMeasurementsGrid *self = PL_MEASUREMENTS_GRID (grid);
  PlKpi *kpi = kpi_at (self, row);
  g_autofree char *shown = pl_kpi_value_format (kpi, cell_value (self, kpi, month));

  /* As the grid shows it, without the spaces that group thousands. */
  return pl_grid_copy_number (shown);
}

/* Reads a pasted cell: an empty one is "no value" (NAN). */
static gboolean
read_value (PlMeasurementsGrid *self, PlKpi *kpi, guint month, const char *text, double *value, GError **error)
{
  g_autofree char *cell = g_strstrip (g_strdup (text));
  guint n_points = 0;
  const char *refusal = read_only_reason (cell_kind (self, kpi, month, &n_points));

  if (refusal != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, refusal);
      return FALSE;
    }
  return pl_kpi_value_parse (kpi, cell, value, error);
}

static gboolean
check_cell (PlCellGrid *grid, guint row, guint month, const char *text, GError **error)
{
  PlMeasurementsGrid *self = PL_MEASUREMENTS_GRID (grid);
  double value;

  return read_value (self, kpi_at (self, row), month, text, &value, error);
}

static gboolean
store_block (PlCellGrid *grid, guint top, guint left, GPtrArray *rows, GError **error)
{
  PlMeasurementsGrid *self = PL_MEASUREMENTS_GRID (grid);
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (PlPointCell));

  for (guint r = 0; r < rows->len; r++)
    {
      char **texts = g_ptr_array_index (rows, r);
      PlKpi *kpi = kpi_at (self, top + r);

      for (guint c = 0; texts[c] != NULL; c++)
        {
          PlPointCell cell = { kpi, pl_plan_month_start (self->plan, left + c), NAN };

          /* Read and checked before (check_cell); the plan checks the value again. */
          read_value (self, kpi, left + c, texts[c], &cell.value, NULL);
          g_array_append_val (cells, cell);
        }
    }
  if (!pl_cell_paste_points (self->plan, self->kind, (PlPointCell *) cells->data, cells->len, NULL, error))
    return FALSE;
  g_clear_object (&self->warned_kpi);
  pl_grid_notice_hide (self->notice);
  return TRUE;
}

static char *
describe_cell (PlCellGrid *grid, guint row, guint month)
{
  PlMeasurementsGrid *self = PL_MEASUREMENTS_GRID (grid);

  return pl_grid_describe_cell (self->plan, pl_item_get_string (PL_ITEM (kpi_at (self, row)), PL_KPI_NAME), month, TRUE);
}

static void
setup_month_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlMeasurementsGrid *self)
{
  GtkWidget *cell = GTK_WIDGET (pl_cell_editor_new ());

  g_object_set_data (G_OBJECT (cell), "month", g_object_get_data (G_OBJECT (factory), "month"));
  g_signal_connect (cell, "commit", G_CALLBACK (on_cell_commit_cb), self);
  pl_cell_grid_add_cell (PL_CELL_GRID (self), PL_CELL_EDITOR (cell));
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
  pl_grid_view_cell_bound (cell, list_item);
  g_ptr_array_add (self->cells, cell);
  g_date_set_julian (&date, pl_plan_month_start (self->plan, month));
  g_date_strftime (buffer, sizeof buffer, "%B %Y", &date);
  label = g_strdup_printf ("%s, %s", pl_item_get_string (kpi, PL_KPI_NAME), buffer);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  refresh_cell (self, PL_CELL_EDITOR (cell));
  pl_cell_grid_cell_bound (PL_CELL_GRID (self), PL_CELL_EDITOR (cell));
}

static void
unbind_month_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlMeasurementsGrid *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  /* A value typed but not yet committed is kept when the row scrolls away. */
  if (!pl_cell_editor_commit (PL_CELL_EDITOR (cell)))
    pl_cell_editor_cancel (PL_CELL_EDITOR (cell));
  g_ptr_array_remove_fast (self->cells, cell);
  g_object_set_data (G_OBJECT (cell), "kpi", NULL);
  pl_grid_view_cell_bound (cell, NULL);
}

/* ---- PlCellGrid: the grid's rows are the plan's KPIs, its columns the months ---- */

static guint
get_n_rows (PlCellGrid *grid)
{
  return n_rows (PL_MEASUREMENTS_GRID (grid));
}

static guint
get_n_columns (PlCellGrid *grid)
{
  return PL_MEASUREMENTS_GRID (grid)->built_months;
}

static GtkWidget *
get_cell (PlCellGrid *grid, guint row, guint month)
{
  PlMeasurementsGrid *self = PL_MEASUREMENTS_GRID (grid);
  PlKpi *kpi = kpi_at (self, row);

  return kpi ? find_cell (self, PL_ITEM (kpi), month) : NULL;
}

static gboolean
locate (PlCellGrid *grid, GtkWidget *cell, guint *row, guint *month)
{
  *row = cell_row (PL_MEASUREMENTS_GRID (grid), cell);
  *month = cell_month (cell);
  return *row != G_MAXUINT;
}

static void
refuse (PlCellGrid *grid, const char *message)
{
  show_error (PL_MEASUREMENTS_GRID (grid), message);
}

static void
pl_measurements_grid_cell_grid_init (PlCellGridInterface *iface)
{
  iface->get_n_rows = get_n_rows;
  iface->get_n_columns = get_n_columns;
  iface->get_cell = get_cell;
  iface->locate = locate;
  iface->copy_cell = copy_cell;
  iface->describe_cell = describe_cell;
  iface->check_cell = check_cell;
  iface->store_block = store_block;
  iface->refuse = refuse;
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
  pl_tooltip_set (label, name);
  if (formula != NULL && *formula != '\0')
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

/* ---- the period-to-date and total columns ---- */

/* Month numbers of the two columns after the months, so that find_cell() tells them apart. */
#define MONTH_TO_DATE (G_MAXUINT - 2)
#define MONTH_TOTAL   (G_MAXUINT - 1)

/* The months the figures of the window read "to date": the period's start to the end of the
 * last month measured, not after today (pl_dashboard_bases()), as the dashboard, the report
 * and `pilote-cli summary` do. */
static void
update_to_date (PlMeasurementsGrid *self)
{
  PlDashboardBases bases;

  if (self->plan == NULL)
    return;
  pl_dashboard_bases (self->plan, pl_dashboard_resolve_as_of (self->plan, pl_calendar_today ()), &bases);
  self->to_date = bases.measured_basis;
}

static PlBasis
total_basis (PlMeasurementsGrid *self, guint column)
{
  return column == MONTH_TO_DATE ? self->to_date : pl_basis_period (self->plan);
}

/* @kpi's figure over the column's months, combined by its aggregate as everywhere else. */
static char *
total_text (PlMeasurementsGrid *self, PlKpi *kpi, guint column)
{
  PlBasis basis = total_basis (self, column);
  PlFigure figure = pl_figures_kpi (self->plan, kpi, self->kind, &basis);

  return isnan (figure.value) ? g_strdup ("–") : pl_kpi_value_format (kpi, figure.value);
}

static const char *
aggregate_words (PlKpi *kpi)
{
  switch (pl_item_get_int (PL_ITEM (kpi), PL_KPI_AGGREGATE))
    {
    case PL_AGGREGATE_LAST: return _("its last month");
    case PL_AGGREGATE_MEAN: return _("the mean of its months");
    case PL_AGGREGATE_SUM:
    default: return _("its months added up");
    }
}

static void
refresh_total (PlMeasurementsGrid *self, GtkWidget *label)
{
  PlKpi *kpi = g_object_get_data (G_OBJECT (label), "kpi");
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "month"));
  PlBasis basis;
  g_autofree char *text = NULL;
  g_autofree char *span = NULL;
  g_autofree char *tooltip = NULL;

  if (kpi == NULL || self->plan == NULL)
    return;
  basis = total_basis (self, column);
  text = total_text (self, kpi, column);
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) != 0)
    gtk_label_set_label (GTK_LABEL (label), text);
  span = basis.to > basis.from ? pl_basis_describe (self->plan, &basis) : g_strdup (_("nothing measured yet"));
  /* Translators: the KPI, the months ("January to June 2027"), how they are combined */
  tooltip = g_strdup_printf (_("%s, %s: %s"), pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME), span, aggregate_words (kpi));
  pl_tooltip_set (label, tooltip);
}

static void
setup_total_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlMeasurementsGrid *self)
{
  GtkWidget *label = pl_grid_view_new_figure_label ();

  g_object_set_data (G_OBJECT (label), "month", g_object_get_data (G_OBJECT (factory), "month"));
  gtk_list_item_set_child (list_item, label);
}

static void
bind_total_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlMeasurementsGrid *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  g_object_set_data_full (G_OBJECT (label), "kpi", g_object_ref (gtk_list_item_get_item (list_item)), g_object_unref);
  pl_grid_view_cell_bound (label, list_item);
  g_ptr_array_add (self->cells, label);
  refresh_total (self, label);
}

static void
unbind_total_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlMeasurementsGrid *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  g_ptr_array_remove_fast (self->cells, label);
  g_object_set_data (G_OBJECT (label), "kpi", NULL);
  pl_grid_view_cell_bound (label, NULL);
}

static void
append_total_column (PlMeasurementsGrid *self, const char *title, guint column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "month", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_total_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_total_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_total_cb), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_fixed_width (view_column, (int) (110 * pl_a11y_text_scale ()));
  gtk_column_view_append_column (self->view, view_column);
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
  if (self->plan == NULL)
    return;
  update_to_date (self);
  /* Translators: a column of the measurements grid: each KPI from the period's start to the
   * last month measured, combined by its aggregate */
  append_total_column (self, _("To date"), MONTH_TO_DATE);
  /* Translators: a column of the measurements grid: each KPI over the whole period */
  append_total_column (self, _("Total"), MONTH_TOTAL);
}

static void
refresh_bound_cell (gpointer grid, GtkWidget *cell)
{
  if (PL_IS_CELL_EDITOR (cell))
    refresh_cell (grid, PL_CELL_EDITOR (cell));
  else
    refresh_total (grid, cell);
}

/* What a KPI's months are computed from: the KPIs and their links, and for the figures that
 * draw on them (spend, cost per lead) the spending, the budget, the campaigns, and the period. */
#define KPI_CHANGES (pl_change_for_collection (PL_COLLECTION_KPIS) | pl_change_for_collection (PL_COLLECTION_KPI_LINKS) | \
                     pl_change_for_collection (PL_COLLECTION_SPEND) | pl_change_for_collection (PL_COLLECTION_LINES) | \
                     pl_change_for_collection (PL_COLLECTION_ALLOCATIONS) | pl_change_for_collection (PL_COLLECTION_CAMPAIGNS) | \
                     pl_change_for_collection (PL_COLLECTION_CAMPAIGN_KPIS) | PL_CHANGE_METADATA)

static void
on_plan_changed_cb (PlMeasurementsGrid *self, PlChangeMask change)
{
  if ((change & KPI_CHANGES) == 0)
    return;
  if (pl_plan_get_start (self->plan) != self->built_start || pl_plan_get_months (self->plan) != self->built_months)
    {
      rebuild_columns (self);
      return;
    }
  update_to_date (self);
  /* The cells on screen now, the other bound rows after the frame; a cell whose text,
   * look and tooltip stay the same is not drawn again. */
  pl_grid_view_refresh_cells (self, self->scrolled, self->cells, n_rows (self), refresh_bound_cell, NULL);
  /* The month warned about changed since (undone, typed again): the warning is settled. */
  if (self->warned_kpi != NULL)
    {
      guint32 from = pl_plan_month_start (self->plan, self->warned_month), to = month_end (self->plan, self->warned_month);
      double now = self->warned_kind == PL_SERIES_TARGETS ? pl_figures_kpi_target (self->plan, self->warned_kpi, from, to)
                                                          : pl_figures_kpi_value (self->plan, self->warned_kpi, from, to);
      if (!(now == self->warned_value))
        {
          g_clear_object (&self->warned_kpi);
          pl_grid_notice_hide (self->notice);
        }
    }
}

/* ---- GObject ---- */

static void
pl_measurements_grid_dispose (GObject *object)
{
  PlMeasurementsGrid *self = PL_MEASUREMENTS_GRID (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  pl_grid_view_cancel_refresh (self);
  if (self->scrolled != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->scrolled));
      self->scrolled = NULL;
    }
  if (self->notice != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->notice));
      self->notice = NULL;
    }
  g_clear_object (&self->warned_kpi);
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
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
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
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  self->notice = pl_grid_notice_new ();
  g_signal_connect_swapped (self->notice, "undo", G_CALLBACK (on_notice_undo_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->notice), GTK_WIDGET (self));
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
  pl_grid_view_cancel_refresh (self);
  /* Unbinding commits pending text into the plan it was typed for. */
  gtk_no_selection_set_model (self->selection, NULL);
  g_clear_object (&self->warned_kpi);
  pl_grid_notice_hide (self->notice);
  pl_cell_grid_reset (PL_CELL_GRID (self));
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
    if (PL_IS_CELL_EDITOR (g_ptr_array_index (self->cells, i)) &&
        !pl_cell_editor_commit (g_ptr_array_index (self->cells, i)))
      pl_cell_editor_cancel (g_ptr_array_index (self->cells, i));
  self->kind = kind;
  for (guint i = 0; i < self->cells->len; i++)
    refresh_bound_cell (self, g_ptr_array_index (self->cells, i));
}

PlSeriesKind
pl_measurements_grid_get_kind (PlMeasurementsGrid *self)
{
  g_return_val_if_fail (PL_IS_MEASUREMENTS_GRID (self), PL_SERIES_MEASUREMENTS);
  return self->kind;
}

void
pl_measurements_grid_focus_kpi (PlMeasurementsGrid *self, PlItem *kpi)
{
  GListModel *kpis;
  guint position;

  g_return_if_fail (PL_IS_MEASUREMENTS_GRID (self));
  if (self->plan == NULL)
    return;
  kpis = pl_plan_get_collection (self->plan, PL_COLLECTION_KPIS);
  /* Selected as a click would: scrolled to, and focused once on screen. */
  if (g_list_store_find (G_LIST_STORE (kpis), kpi, &position))
    pl_cell_grid_select (PL_CELL_GRID (self), position, 0, FALSE);
}

char *
pl_measurements_grid_get_text (PlMeasurementsGrid *self, PlItem *kpi, guint month)
{
  GtkWidget *cell;

  g_return_val_if_fail (PL_IS_MEASUREMENTS_GRID (self), NULL);
  cell = find_cell (self, kpi, month);
  return cell ? g_strdup (pl_cell_editor_get_text (PL_CELL_EDITOR (cell))) : NULL;
}

char *
pl_measurements_grid_get_total_text (PlMeasurementsGrid *self, PlItem *kpi, gboolean to_date)
{
  GtkWidget *cell;

  g_return_val_if_fail (PL_IS_MEASUREMENTS_GRID (self), NULL);
  cell = find_cell (self, kpi, to_date ? MONTH_TO_DATE : MONTH_TOTAL);
  return cell ? g_strdup (gtk_label_get_label (GTK_LABEL (cell))) : NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-campaign-results-grid"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-a11y.h"
#include "pl-budget-totals.h"
#include "pl-campaign-results-grid.h"
#include "pl-campaign-results.h"
#include "pl-cell-editor.h"
#include "pl-cell-grid.h"
#include "pl-grid-view.h"
#include "pl-kpi-value.h"
#include "pl-money.h"
#include "pl-tooltip.h"

struct _PlCampaignResultsGrid
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scrolled;
  GtkColumnView     *view;
  GtkNoSelection    *selection;
  GListStore        *rows;         /* the campaign's links to KPIs, then the campaign (its spend) */
  PlPlan            *plan;
  PlItem            *campaign;
  PlBudgetTotals    *totals;       /* the spend row's figures; refreshed on every change */
  GPtrArray         *cells;        /* bound cells and side labels */
  guint32            built_start;  /* the period the month columns were built for */
  guint              built_months;
  PlGridNotice      *notice;
};

static void pl_campaign_results_grid_cell_grid_init (PlCellGridInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlCampaignResultsGrid, pl_campaign_results_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PL_TYPE_CELL_GRID, pl_campaign_results_grid_cell_grid_init))

/* Month numbers of the two columns before the months, so that find_cell() tells them apart. */
#define SIDE_EXPECTED (G_MAXUINT - 2)
#define SIDE_TOTAL    (G_MAXUINT - 1)

/* ---- rows ---- */

static guint
n_rows (PlCampaignResultsGrid *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

/* The item of row @row (a PlCampaignKpi, or the campaign for the spend row), borrowed. */
static PlItem *
row_item (PlCampaignResultsGrid *self, guint row)
{
  g_autoptr(PlItem) item = row < n_rows (self) ? g_list_model_get_item (G_LIST_MODEL (self->rows), row) : NULL;

  return item;
}

static PlKpi *
link_kpi (PlCampaignResultsGrid *self, PlItem *link)
{
  PlItem *kpi;

  if (link == NULL || !PL_IS_CAMPAIGN_KPI (link))
    return NULL;
  kpi = pl_plan_lookup (self->plan, pl_item_get_string (link, PL_CAMPAIGN_KPI_KPI));
  return kpi != NULL && PL_IS_KPI (kpi) ? PL_KPI (kpi) : NULL;
}

/* The links of the campaign shown, in the plan's order, then the campaign itself. */
static GPtrArray *
wanted_rows (PlCampaignResultsGrid *self)
{
  GPtrArray *items = g_ptr_array_new ();
  GListModel *links;
  const char *id;

  if (self->plan == NULL || self->campaign == NULL)
    return items;
  links = pl_plan_get_collection (self->plan, PL_COLLECTION_CAMPAIGN_KPIS);
  id = pl_item_get_id (self->campaign);
  for (guint i = 0, n = g_list_model_get_n_items (links); i < n; i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      if (g_strcmp0 (pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN), id) == 0)
        g_ptr_array_add (items, link);
    }
  g_ptr_array_add (items, self->campaign);
  return items;
}

/* The rows follow the links; unchanged rows are left bound (a cell being typed in stays). */
static gboolean
update_rows (PlCampaignResultsGrid *self)
{
  g_autoptr(GPtrArray) items = wanted_rows (self);
  gboolean same = items->len == n_rows (self);

  for (guint i = 0; same && i < items->len; i++)
    same = row_item (self, i) == g_ptr_array_index (items, i);
  if (!same)
    g_list_store_splice (self->rows, 0, n_rows (self), items->pdata, items->len);
  return !same;
}

/* ---- values ---- */

static double
result_value (PlCampaignResultsGrid *self, PlItem *link, guint month, const char **source)
{
  const PlPoint *point = pl_series_lookup (pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (link)),
                                           pl_plan_month_start (self->plan, month));

  if (source != NULL)
    *source = point ? point->source : NULL;
  return point ? point->value : NAN;
}

static char *
money_short (PlCampaignResultsGrid *self, gint64 amount)
{
  return pl_money_to_display (amount, pl_plan_get_currency_exponent (self->plan));
}

static void
refresh_cell (PlCampaignResultsGrid *self, PlCellEditor *cell)
{
  PlItem *item = g_object_get_data (G_OBJECT (cell), "item");
  guint month = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month"));
  g_autofree char *text = NULL, *tip = NULL;
  PlKpi *kpi;

  if (item == NULL || self->plan == NULL || month >= pl_plan_get_months (self->plan))
    return;
  if (PL_IS_CAMPAIGN (item))
    {
      gint64 spent = self->totals ? pl_budget_totals_campaign_actual_month (self->totals, item, (int) month) : 0;
      text = money_short (self, spent);
      pl_cell_editor_set_editable (cell, FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (cell), "derived");
      pl_cell_editor_set_text (cell, text);
      pl_tooltip_set (GTK_WIDGET (cell), _("What the campaign spent this month, as the Budget page counts it: record spending there."));
      return;
    }
  kpi = link_kpi (self, item);
  pl_cell_editor_set_editable (cell, kpi != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (cell), "derived");
  if (kpi == NULL)
    {
      pl_cell_editor_set_text (cell, "");
      pl_tooltip_set (GTK_WIDGET (cell), NULL);
      return;
    }
  {
    const char *source = NULL;
    double value = result_value (self, item, month, &source);

    text = pl_kpi_value_format (kpi, value);
    if (source != NULL)
      tip = g_strdup_printf (_("From %s"), source);
  }
  pl_cell_editor_set_text (cell, text);
  pl_tooltip_set (GTK_WIDGET (cell), tip);
}

static void
refresh_side (PlCampaignResultsGrid *self, GtkWidget *label)
{
  PlItem *item = g_object_get_data (G_OBJECT (label), "item");
  guint side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "month"));
  g_autofree char *text = NULL;
  const char *tip = NULL;
  PlKpi *kpi;

  if (item == NULL || self->plan == NULL)
    return;
  if (PL_IS_CAMPAIGN (item))
    {
      gint64 amount = self->totals == NULL ? 0
                      : side == SIDE_EXPECTED ? pl_budget_totals_campaign_allocated (self->totals, item)
                                              : pl_budget_totals_campaign_actual (self->totals, item);
      text = money_short (self, amount);
      tip = side == SIDE_EXPECTED ? _("Allocated to the campaign on the Budget page") : _("Spent over the whole period");
    }
  else if ((kpi = link_kpi (self, item)) != NULL)
    {
      double value;

      if (side == SIDE_EXPECTED)
        {
          value = pl_item_get_double (item, PL_CAMPAIGN_KPI_CONTRIBUTION);
          tip = _("What the campaign is expected to bring to this KPI (its expected contribution)");
        }
      else
        {
          PlBasis period = pl_basis_period (self->plan);
          value = pl_campaign_link_result (self->plan, PL_CAMPAIGN_KPI (item), &period).value;
          tip = _("What it brought over the whole period, its months combined as the KPI combines them");
        }
      text = isnan (value) ? g_strdup ("–") : pl_kpi_value_format (kpi, value);
    }
  else
    text = g_strdup ("–");
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) != 0)
    gtk_label_set_label (GTK_LABEL (label), text);
  pl_tooltip_set (label, tip);
}

static void
refresh_bound (PlCampaignResultsGrid *self)
{
  if (self->totals != NULL)
    pl_budget_totals_refresh (self->totals);
  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->cells, i);
      if (PL_IS_CELL_EDITOR (cell))
        refresh_cell (self, PL_CELL_EDITOR (cell));
      else
        refresh_side (self, cell);
    }
}

/* ---- naming cells, refusing ---- */

static char *
row_name (PlCampaignResultsGrid *self, PlItem *item)
{
  PlKpi *kpi;

  if (item == NULL)
    return g_strdup ("");
  if (PL_IS_CAMPAIGN (item))
    return g_strdup (_("Spend"));
  kpi = link_kpi (self, item);
  return g_strdup (kpi ? pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME) : _("No KPI chosen"));
}

static char *
describe_cell (PlCellGrid *grid, guint row, guint month)
{
  PlCampaignResultsGrid *self = PL_CAMPAIGN_RESULTS_GRID (grid);
  g_autofree char *name = row_name (self, row_item (self, row));

  return pl_grid_describe_cell (self->plan, name, month, TRUE);
}

static void
show_error (PlCampaignResultsGrid *self, guint row, guint month, const char *message)
{
  g_autofree char *cell = describe_cell (PL_CELL_GRID (self), row, month);
  /* Translators: a cell of the grid ("Leads, March 2027"), then what is wrong with it */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), cell, message);

  pl_grid_notice_show (self->notice, text, FALSE);
}

/* Why the cell cannot be typed into, or NULL. */
static const char *
read_only_reason (PlCampaignResultsGrid *self, PlItem *item)
{
  if (item != NULL && PL_IS_CAMPAIGN (item))
    return _("the spend comes from the Budget page: record spending there.");
  if (link_kpi (self, item) == NULL)
    return _("choose the KPI of this line first, under “KPIs It Moves”.");
  return NULL;
}

/* Reads @text for the cell (@row, @month): "" is no value (NAN). */
static gboolean
read_value (PlCampaignResultsGrid *self, guint row, const char *text, double *value, GError **error)
{
  PlItem *item = row_item (self, row);
  const char *refusal = read_only_reason (self, item);
  g_autofree char *cell = g_strstrip (g_strdup (text ? text : ""));

  if (refusal != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, refusal);
      return FALSE;
    }
  return pl_kpi_value_parse (link_kpi (self, item), cell, value, error);
}

/* ---- typing ---- */

static gboolean
on_cell_commit_cb (PlCellEditor *cell, const char *text, PlCampaignResultsGrid *self)
{
  PlItem *item = g_object_get_data (G_OBJECT (cell), "item");
  guint month = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month"));
  guint row = pl_grid_view_cell_position (GTK_WIDGET (cell));
  g_autoptr(GError) error = NULL;
  double value;

  if (item == NULL || self->plan == NULL || month >= pl_plan_get_months (self->plan))
    return FALSE;
  if (text == NULL)
    {
      show_error (self, row, month, read_only_reason (self, item) ? read_only_reason (self, item) : "");
      return FALSE;
    }
  if (!read_value (self, row, text, &value, &error))
    {
      show_error (self, row, month, error->message);
      pl_cell_editor_set_error (cell, error->message);
      return FALSE;
    }
  pl_grid_notice_hide (self->notice);
  {
    double before = result_value (self, item, month, NULL);
    /* Nothing typed over nothing, or the same value: no edit to undo. */
    if ((isnan (before) && isnan (value)) || before == value)
      return TRUE;
  }
  /* Typed by hand: no source (the source names the tool a value was imported from). */
  pl_plan_set_result (self->plan, PL_CAMPAIGN_KPI (item), pl_plan_month_start (self->plan, month), value, NULL);
  return TRUE;
}

/* ---- PlCellGrid ---- */

static guint
get_n_rows (PlCellGrid *grid)
{
  return n_rows (PL_CAMPAIGN_RESULTS_GRID (grid));
}

static guint
get_n_columns (PlCellGrid *grid)
{
  return PL_CAMPAIGN_RESULTS_GRID (grid)->built_months;
}

static GtkWidget *
find_cell (PlCampaignResultsGrid *self, PlItem *item, guint month)
{
  for (guint i = 0; item != NULL && i < self->cells->len; i++)
    {
      GObject *cell = g_ptr_array_index (self->cells, i);
      if (g_object_get_data (cell, "item") == (gpointer) item &&
          GPOINTER_TO_UINT (g_object_get_data (cell, "month")) == month)
        return GTK_WIDGET (cell);
    }
  return NULL;
}

static GtkWidget *
get_cell (PlCellGrid *grid, guint row, guint month)
{
  PlCampaignResultsGrid *self = PL_CAMPAIGN_RESULTS_GRID (grid);

  return find_cell (self, row_item (self, row), month);
}

static gboolean
locate (PlCellGrid *grid, GtkWidget *cell, guint *row, guint *month)
{
  *row = pl_grid_view_cell_position (cell);
  *month = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month"));
  return *row != G_MAXUINT;
}

static char *
copy_cell (PlCellGrid *grid, guint row, guint month)
{
  PlCampaignResultsGrid *self = PL_CAMPAIGN_RESULTS_GRID (grid);
  GtkWidget *cell = get_cell (grid, row, month);
  PlItem *item = row_item (self, row);
  g_autofree char *shown = NULL;

  if (cell != NULL)
    shown = g_strdup (pl_cell_editor_get_text (PL_CELL_EDITOR (cell)));
  else if (item != NULL && PL_IS_CAMPAIGN_KPI (item) && link_kpi (self, item) != NULL)
    shown = pl_kpi_value_format (link_kpi (self, item), result_value (self, item, month, NULL));
  else
    shown = g_strdup ("");
  return pl_grid_copy_number (shown);
}

static gboolean
check_cell (PlCellGrid *grid, guint row, guint month, const char *text, GError **error)
{
  double value;

  return read_value (PL_CAMPAIGN_RESULTS_GRID (grid), row, text, &value, error);
}

static gboolean
store_block (PlCellGrid *grid, guint top, guint left, GPtrArray *rows, GError **error)
{
  PlCampaignResultsGrid *self = PL_CAMPAIGN_RESULTS_GRID (grid);

  pl_plan_begin_group (self->plan, _("Paste"));
  for (guint r = 0; r < rows->len; r++)
    {
      char **texts = g_ptr_array_index (rows, r);
      PlItem *item = row_item (self, top + r);

      for (guint c = 0; texts[c] != NULL && left + c < self->built_months; c++)
        {
          double value;

          /* Checked before (check_cell); read again for its value. */
          if (!read_value (self, top + r, texts[c], &value, error))
            {
              pl_plan_cancel_group (self->plan);
              return FALSE;
            }
          pl_plan_set_result (self->plan, PL_CAMPAIGN_KPI (item), pl_plan_month_start (self->plan, left + c), value, NULL);
        }
    }
  pl_plan_end_group (self->plan);
  pl_grid_notice_hide (self->notice);
  return TRUE;
}

static void
refuse (PlCellGrid *grid, const char *message)
{
  pl_grid_notice_show (PL_CAMPAIGN_RESULTS_GRID (grid)->notice, message, FALSE);
}

static void
pl_campaign_results_grid_cell_grid_init (PlCellGridInterface *iface)
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

/* ---- columns ---- */

static void
setup_name_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlCampaignResultsGrid *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  PlItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *name = row_name (self, item);

  gtk_label_set_label (GTK_LABEL (label), name);
  pl_tooltip_set (label, name);
  if (PL_IS_CAMPAIGN (item))
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
setup_side_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlCampaignResultsGrid *self)
{
  GtkWidget *label = pl_grid_view_new_figure_label ();

  g_object_set_data (G_OBJECT (label), "month", g_object_get_data (G_OBJECT (factory), "month"));
  gtk_list_item_set_child (list_item, label);
}

static void
bind_side_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlCampaignResultsGrid *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  g_object_set_data_full (G_OBJECT (label), "item", g_object_ref (gtk_list_item_get_item (list_item)), g_object_unref);
  pl_grid_view_cell_bound (label, list_item);
  g_ptr_array_add (self->cells, label);
  refresh_side (self, label);
}

static void
unbind_any_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlCampaignResultsGrid *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  /* A value typed but not yet committed is kept when the row goes. */
  if (PL_IS_CELL_EDITOR (cell) && !pl_cell_editor_commit (PL_CELL_EDITOR (cell)))
    pl_cell_editor_cancel (PL_CELL_EDITOR (cell));
  g_ptr_array_remove_fast (self->cells, cell);
  g_object_set_data (G_OBJECT (cell), "item", NULL);
  pl_grid_view_cell_bound (cell, NULL);
}

static void
setup_month_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlCampaignResultsGrid *self)
{
  GtkWidget *cell = GTK_WIDGET (pl_cell_editor_new ());

  g_object_set_data (G_OBJECT (cell), "month", g_object_get_data (G_OBJECT (factory), "month"));
  g_signal_connect (cell, "commit", G_CALLBACK (on_cell_commit_cb), self);
  pl_cell_grid_add_cell (PL_CELL_GRID (self), PL_CELL_EDITOR (cell));
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_month_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlCampaignResultsGrid *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  PlItem *item = gtk_list_item_get_item (list_item);
  guint month = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month"));
  g_autofree char *name = row_name (self, item);
  g_autofree char *label = pl_grid_describe_cell (self->plan, name, month, TRUE);

  g_object_set_data_full (G_OBJECT (cell), "item", g_object_ref (item), g_object_unref);
  pl_grid_view_cell_bound (cell, list_item);
  g_ptr_array_add (self->cells, cell);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  refresh_cell (self, PL_CELL_EDITOR (cell));
  pl_cell_grid_cell_bound (PL_CELL_GRID (self), PL_CELL_EDITOR (cell));
}

static void
append_column (PlCampaignResultsGrid *self, const char *title, guint month, int width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  gboolean side = month == SIDE_EXPECTED || month == SIDE_TOTAL;

  g_object_set_data (G_OBJECT (factory), "month", GUINT_TO_POINTER (month));
  g_signal_connect (factory, "setup", side ? G_CALLBACK (setup_side_cb) : G_CALLBACK (setup_month_cb), self);
  g_signal_connect (factory, "bind", side ? G_CALLBACK (bind_side_cb) : G_CALLBACK (bind_month_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_any_cb), self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_fixed_width (column, (int) (width * pl_a11y_text_scale ()));
  gtk_column_view_append_column (self->view, column);
}

static void
rebuild_columns (PlCampaignResultsGrid *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  while (g_list_model_get_n_items (columns) > 1)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 1);
      gtk_column_view_remove_column (self->view, column);
    }
  self->built_start = self->plan ? pl_plan_get_start (self->plan) : 0;
  self->built_months = self->plan ? pl_plan_get_months (self->plan) : 0;
  if (self->plan == NULL)
    return;
  /* Beside the row's name, where they are seen without scrolling sideways. */
  /* Translators: a column of a campaign's results: what it is expected to bring to the KPI */
  append_column (self, _("Expected"), SIDE_EXPECTED, 84);
  /* Translators: a column of a campaign's results: what it brought over the period */
  append_column (self, _("Total"), SIDE_TOTAL, 72);
  for (guint month = 0; month < self->built_months; month++)
    {
      GDate date;
      char title[64];

      g_date_set_julian (&date, pl_plan_month_start (self->plan, month));
      /* Translators: a month column of a campaign's results, strftime format ("Jan") */
      g_date_strftime (title, sizeof title, C_("results month", "%b"), &date);
      append_column (self, title, month, 64);
    }
}

/* ---- following the plan ---- */

#define RESULT_CHANGES (pl_change_for_collection (PL_COLLECTION_CAMPAIGN_KPIS) | pl_change_for_collection (PL_COLLECTION_KPIS) | \
                        pl_change_for_collection (PL_COLLECTION_CAMPAIGNS) | pl_change_for_collection (PL_COLLECTION_SPEND) | \
                        pl_change_for_collection (PL_COLLECTION_LINES) | pl_change_for_collection (PL_COLLECTION_ALLOCATIONS) | \
                        PL_CHANGE_METADATA)

static void
on_plan_changed_cb (PlCampaignResultsGrid *self, PlChangeMask change)
{
  if ((change & RESULT_CHANGES) == 0 || self->campaign == NULL)
    return;
  /* The campaign went (deleted, or its creation undone): its page goes with it. */
  if (pl_plan_lookup (self->plan, pl_item_get_id (self->campaign)) != self->campaign)
    return;
  if (pl_plan_get_start (self->plan) != self->built_start || pl_plan_get_months (self->plan) != self->built_months)
    rebuild_columns (self);
  if (change & (pl_change_for_collection (PL_COLLECTION_CAMPAIGN_KPIS) | pl_change_for_collection (PL_COLLECTION_CAMPAIGNS)))
    update_rows (self);
  refresh_bound (self);
}

/* ---- GObject ---- */

static void
pl_campaign_results_grid_dispose (GObject *object)
{
  PlCampaignResultsGrid *self = PL_CAMPAIGN_RESULTS_GRID (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
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
  g_clear_pointer (&self->totals, pl_budget_totals_free);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->campaign);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (pl_campaign_results_grid_parent_class)->dispose (object);
}

static void
pl_campaign_results_grid_finalize (GObject *object)
{
  g_ptr_array_unref (PL_CAMPAIGN_RESULTS_GRID (object)->cells);
  G_OBJECT_CLASS (pl_campaign_results_grid_parent_class)->finalize (object);
}

static void
pl_campaign_results_grid_class_init (PlCampaignResultsGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_campaign_results_grid_dispose;
  object_class->finalize = pl_campaign_results_grid_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "campaignresultsgrid");
}

static void
pl_campaign_results_grid_init (PlCampaignResultsGrid *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) name = NULL;
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  self->cells = g_ptr_array_new ();
  self->rows = g_list_store_new (PL_TYPE_ITEM);
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  self->view = pl_grid_view_new (GTK_WIDGET (self), g_object_ref (GTK_SELECTION_MODEL (self->selection)), &self->scrolled);
  /* A few rows: the grid is as tall as they are, in the page that scrolls. */
  gtk_widget_set_vexpand (GTK_WIDGET (self->scrolled), FALSE);
  gtk_scrolled_window_set_propagate_natural_height (self->scrolled, TRUE);
  gtk_scrolled_window_set_policy (self->scrolled, GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_name_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_name_cb), self);
  name = gtk_column_view_column_new (_("KPI"), factory);
  gtk_column_view_column_set_fixed_width (name, (int) (110 * pl_a11y_text_scale ()));
  gtk_column_view_column_set_resizable (name, TRUE);
  gtk_column_view_append_column (self->view, name);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->notice = pl_grid_notice_new ();
  gtk_widget_set_parent (GTK_WIDGET (self->notice), GTK_WIDGET (self));
}

PlCampaignResultsGrid *
pl_campaign_results_grid_new (void)
{
  return g_object_new (PL_TYPE_CAMPAIGN_RESULTS_GRID, NULL);
}

void
pl_campaign_results_grid_set_plan (PlCampaignResultsGrid *self, PlPlan *plan)
{
  g_return_if_fail (PL_IS_CAMPAIGN_RESULTS_GRID (self));
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->campaign);
  /* Unbinding commits pending text into the plan it was typed for. */
  g_list_store_remove_all (self->rows);
  g_clear_pointer (&self->totals, pl_budget_totals_free);
  pl_grid_notice_hide (self->notice);
  pl_cell_grid_reset (PL_CELL_GRID (self));
  g_set_object (&self->plan, plan);
  rebuild_columns (self);
  if (plan != NULL)
    {
      self->totals = pl_budget_totals_new (plan);
      g_signal_connect_swapped (plan, "changed", G_CALLBACK (on_plan_changed_cb), self);
    }
}

void
pl_campaign_results_grid_set_campaign (PlCampaignResultsGrid *self, PlItem *campaign)
{
  g_return_if_fail (PL_IS_CAMPAIGN_RESULTS_GRID (self));
  if (campaign == self->campaign)
    return;
  pl_grid_notice_hide (self->notice);
  g_list_store_remove_all (self->rows);
  pl_cell_grid_reset (PL_CELL_GRID (self));
  g_set_object (&self->campaign, campaign);
  if (self->totals != NULL)
    pl_budget_totals_refresh (self->totals);
  update_rows (self);
}

guint
pl_campaign_results_grid_get_n_kpis (PlCampaignResultsGrid *self)
{
  g_return_val_if_fail (PL_IS_CAMPAIGN_RESULTS_GRID (self), 0);
  return n_rows (self) > 0 ? n_rows (self) - 1 : 0;
}

GtkWidget *
pl_campaign_results_grid_get_cell (PlCampaignResultsGrid *self, guint row, guint month)
{
  g_return_val_if_fail (PL_IS_CAMPAIGN_RESULTS_GRID (self), NULL);
  return get_cell (PL_CELL_GRID (self), row, month);
}

char *
pl_campaign_results_grid_get_side_text (PlCampaignResultsGrid *self, guint row, gboolean total)
{
  GtkWidget *label;

  g_return_val_if_fail (PL_IS_CAMPAIGN_RESULTS_GRID (self), NULL);
  label = find_cell (self, row_item (self, row), total ? SIDE_TOTAL : SIDE_EXPECTED);
  return label ? g_strdup (gtk_label_get_label (GTK_LABEL (label))) : NULL;
}

const char *
pl_campaign_results_grid_get_message (PlCampaignResultsGrid *self)
{
  g_return_val_if_fail (PL_IS_CAMPAIGN_RESULTS_GRID (self), NULL);
  return pl_grid_notice_get_message (self->notice);
}

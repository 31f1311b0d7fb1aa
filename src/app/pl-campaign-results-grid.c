/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-campaign-results-grid"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-a11y.h"
#include "pl-budget-totals.h"
#include "pl-campaign-column-fit.h"
#include "pl-campaign-figures-text.h"
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
  GtkWidget            parent_instance;

  GtkWidget           *frame;        /* the months, then the figures that scroll sideways */
  GtkScrolledWindow   *scrolled;
  GtkColumnView       *view;
  GtkColumnView       *month_view;   /* the months' names, that stay when the figures scroll */
  GtkWidget           *months;       /* its viewport */
  GtkSizeGroup        *row_heights;  /* the rows of both views as tall as each other */
  GtkSizeGroup        *title_heights;
  GtkNoSelection      *selection;
  GtkStringList       *rows;         /* a row each: the expected contributions, the months, the totals */
  GtkColumnViewColumn *month_column;
  PlPlan              *plan;
  PlItem              *campaign;
  PlBudgetTotals      *totals;       /* the spend column's figures; refreshed on every change */
  PlBasis              basis;        /* the totals' (the campaigns list's "to date") */
  GPtrArray           *links;        /* the KPI columns' links to the campaign, in order */
  GPtrArray           *cells;        /* bound cells */
  PlGridNotice        *notice;
  gboolean             one_year;     /* the period is in one calendar year: its rows say "Mar" */
  char                *month_title;  /* the year ("2027"), or "Month" */
};

static void pl_campaign_results_grid_cell_grid_init (PlCellGridInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlCampaignResultsGrid, pl_campaign_results_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PL_TYPE_CELL_GRID, pl_campaign_results_grid_cell_grid_init))

/* ---- rows and columns ----
 *
 * Turned so that it fits the campaign's pane: a row per month of the period (typed or pasted
 * into as a spreadsheet's column of months), a column per KPI the campaign moves and one for
 * its spend. Row 0 holds the expected contributions, the last row the totals to date. */

#define ROW_EXPECTED 0

static guint
n_months (PlCampaignResultsGrid *self)
{
  return self->plan != NULL ? pl_plan_get_months (self->plan) : 0;
}

static guint
n_rows (PlCampaignResultsGrid *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

static guint
total_row (PlCampaignResultsGrid *self)
{
  return n_months (self) + 1;
}

/* TRUE when @row is a month's, that month in *@month. */
static gboolean
row_month (PlCampaignResultsGrid *self, guint row, guint *month)
{
  if (row == ROW_EXPECTED || row >= total_row (self))
    return FALSE;
  *month = row - 1;
  return TRUE;
}

static guint
n_columns (PlCampaignResultsGrid *self)
{
  return self->plan != NULL ? self->links->len + 1 : 0;
}

/* The link of KPI column @column, or NULL for the spend column. */
static PlItem *
column_link (PlCampaignResultsGrid *self, guint column)
{
  return column < self->links->len ? g_ptr_array_index (self->links, column) : NULL;
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

/* The links of the campaign shown, in the plan's order. */
static GPtrArray *
wanted_links (PlCampaignResultsGrid *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *links;
  const char *id;

  if (self->plan == NULL || self->campaign == NULL)
    return items;
  links = pl_plan_get_collection (self->plan, PL_COLLECTION_CAMPAIGN_KPIS);
  id = pl_item_get_id (self->campaign);
  for (guint i = 0, n = g_list_model_get_n_items (links); i < n; i++)
    {
      PlItem *link = g_list_model_get_item (links, i);
      if (g_strcmp0 (pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN), id) == 0)
        g_ptr_array_add (items, link);
      else
        g_object_unref (link);
    }
  return items;
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

/* @amount to the whole currency unit, as the campaigns list and the pane's summary write it;
 * the currency is in the column's title. */
static char *
money_whole (PlCampaignResultsGrid *self, gint64 amount)
{
  return pl_campaign_whole_amount (self->plan, amount, TRUE);
}

/* What the campaign spent over the grid's basis: the campaigns list's figure, from core. */
static gint64
spent_to_date (PlCampaignResultsGrid *self)
{
  PlCampaignFigures figures;

  if (self->totals == NULL)
    return 0;
  pl_campaign_figures_get (self->plan, self->totals, PL_CAMPAIGN (self->campaign), &self->basis, &figures);
  return figures.spent;
}

/* The text of the cell (@row, @column); *@tip what it is. */
static char *
cell_text (PlCampaignResultsGrid *self, guint row, guint column, char **tip)
{
  PlItem *link = column_link (self, column);
  PlKpi *kpi = link_kpi (self, link);
  guint month = 0;
  gboolean in_month = row_month (self, row, &month);
  double value;

  *tip = NULL;
  if (self->plan == NULL || self->campaign == NULL)
    return g_strdup ("");
  if (column >= self->links->len)
    {
      if (in_month)
        {
          *tip = g_strdup (_("What the campaign spent this month, as the Budget page counts it: record spending there."));
          return money_whole (self, self->totals ? pl_budget_totals_campaign_actual_month (self->totals, self->campaign, (int) month) : 0);
        }
      if (row == ROW_EXPECTED)
        {
          *tip = g_strdup (_("Allocated to the campaign on the Budget page"));
          return money_whole (self, self->totals ? pl_budget_totals_campaign_allocated (self->totals, self->campaign) : 0);
        }
      *tip = g_strdup (_("Spent to date, as the campaigns list counts it"));
      return money_whole (self, spent_to_date (self));
    }
  if (kpi == NULL)
    return g_strdup (in_month ? "" : "–");
  if (in_month)
    {
      const char *source = NULL;

      value = result_value (self, link, month, &source);
      if (source != NULL)
        *tip = g_strdup_printf (_("From %s"), source);
      return pl_kpi_value_format (kpi, value);
    }
  if (row == ROW_EXPECTED)
    {
      value = pl_item_get_double (link, PL_CAMPAIGN_KPI_CONTRIBUTION);
      *tip = g_strdup (_("What the campaign is expected to bring to this KPI (its expected contribution)"));
    }
  else
    {
      value = pl_campaign_link_result (self->plan, PL_CAMPAIGN_KPI (link), &self->basis).value;
      *tip = g_strdup (_("What it brought to date, its months combined as the KPI combines them"));
    }
  return isnan (value) ? g_strdup ("–") : pl_kpi_value_format (kpi, value);
}

/* The name of row @row, in the month column: "Expected", "Mar 2027", "To date". */
static char *
row_name (PlCampaignResultsGrid *self, guint row)
{
  guint month;
  GDate date;
  char name[64];

  if (row == ROW_EXPECTED)
    /* Translators: the first row of a campaign's results: what it is expected to bring */
    return g_strdup (_("Expected"));
  if (!row_month (self, row, &month))
    /* Translators: the last row of a campaign's results: its totals to date */
    return g_strdup (_("To date"));
  g_date_set_julian (&date, pl_plan_month_start (self->plan, month));
  if (self->one_year)
    /* Translators: a month row of a campaign's results, under the year, strftime format ("Mar") */
    g_date_strftime (name, sizeof name, C_("results month", "%b"), &date);
  else
    /* Translators: a month row of a campaign's results over two years, strftime format ("Mar 2027") */
    g_date_strftime (name, sizeof name, C_("results month", "%b %Y"), &date);
  return g_strdup (name);
}

/* The name of column @column: the KPI's, or "Spend". */
static char *
column_name (PlCampaignResultsGrid *self, guint column)
{
  PlItem *link = column_link (self, column);
  PlKpi *kpi;

  if (link == NULL)
    return g_strdup (_("Spend"));
  kpi = link_kpi (self, link);
  return g_strdup (kpi ? pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME) : _("No KPI chosen"));
}

static void
refresh_cell (PlCampaignResultsGrid *self, PlCellEditor *cell)
{
  guint row = pl_grid_view_cell_position (GTK_WIDGET (cell));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
  guint month;
  g_autofree char *text = NULL, *tip = NULL;
  gboolean editable;

  if (self->plan == NULL || row >= n_rows (self) || column >= n_columns (self))
    return;
  text = cell_text (self, row, column, &tip);
  editable = row_month (self, row, &month) && link_kpi (self, column_link (self, column)) != NULL;
  pl_cell_editor_set_editable (cell, editable);
  if (editable)
    gtk_widget_remove_css_class (GTK_WIDGET (cell), "derived");
  else
    gtk_widget_add_css_class (GTK_WIDGET (cell), "derived");
  pl_cell_editor_set_text (cell, text);
  pl_tooltip_set (GTK_WIDGET (cell), tip);
}

/* Each column as wide as its widest figure, its title (the KPI's name) over two lines rather
 * than cutting either: a money figure or a KPI's name is never cut short. */
static void
fit_columns (PlCampaignResultsGrid *self)
{
  GtkWidget *view = GTK_WIDGET (self->view);
  GListModel *columns = gtk_column_view_get_columns (self->view);
  int content = 0, width;

  if (self->plan == NULL)
    return;
  for (guint row = 0; row < n_rows (self); row++)
    {
      g_autofree char *name = row_name (self, row);
      guint month;
      content = MAX (content, pl_column_text_width (view, name, FALSE, !row_month (self, row, &month)));
    }
  {
    g_autofree char *title = pl_column_fit_title (view, self->month_title, content, 1, FALSE, &width);
    gtk_column_view_column_set_title (self->month_column, title);
    gtk_column_view_column_set_fixed_width (self->month_column, width);
    /* Beside the figures that take the rest of the pane, never narrower than the months. */
    gtk_widget_set_size_request (self->months, width, -1);
  }
  for (guint column = 0; column < n_columns (self) && column < g_list_model_get_n_items (columns); column++)
    {
      g_autoptr(GtkColumnViewColumn) shown = g_list_model_get_item (columns, column);
      g_autofree char *name = column_name (self, column);
      g_autofree char *title = NULL, *fitted = NULL;

      if (column >= self->links->len)
        /* Translators: the spend column of a campaign's results, in a currency ("Spend (€)") */
        {
          g_autofree char *sign = pl_campaign_currency_sign (self->plan);
          title = g_strdup_printf (_("Spend (%s)"), sign);
        }
      else
        title = g_steal_pointer (&name);
      content = pl_column_text_width (view, "–", TRUE, FALSE);
      for (guint row = 0; row < n_rows (self); row++)
        {
          g_autofree char *tip = NULL;
          g_autofree char *text = cell_text (self, row, column, &tip);
          content = MAX (content, pl_column_text_width (view, text, TRUE, FALSE));
        }
      /* A KPI's name over three lines: "Sales / qualified / leads" over "280". */
      fitted = pl_column_fit_title (view, title, content, 3, FALSE, &width);
      if (g_strcmp0 (gtk_column_view_column_get_title (shown), fitted) != 0)
        gtk_column_view_column_set_title (shown, fitted);
      if (gtk_column_view_column_get_fixed_width (shown) != width)
        gtk_column_view_column_set_fixed_width (shown, width);
    }
}

/* The months' names: "Mar" under the year when the period is in one year, as the budget
 * names them, else "Mar 2027" under "Month". */
static void
name_months (PlCampaignResultsGrid *self)
{
  GDate first, last;

  g_clear_pointer (&self->month_title, g_free);
  if (self->plan == NULL || n_months (self) == 0)
    return;
  g_date_set_julian (&first, pl_plan_month_start (self->plan, 0));
  g_date_set_julian (&last, pl_plan_month_start (self->plan, n_months (self) - 1));
  self->one_year = g_date_get_year (&first) == g_date_get_year (&last);
  /* Translators: the first column of a campaign's results, its months, when they are in
   * more than one year */
  self->month_title = self->one_year ? g_strdup_printf ("%u", g_date_get_year (&first)) : g_strdup (_("Month"));
}

static void
refresh_bound (PlCampaignResultsGrid *self)
{
  if (self->totals != NULL)
    pl_budget_totals_refresh (self->totals);
  if (self->plan != NULL)
    self->basis = pl_campaign_figures_basis (self->plan);
  name_months (self);
  for (guint i = 0; i < self->cells->len; i++)
    refresh_cell (self, g_ptr_array_index (self->cells, i));
  fit_columns (self);
}

static gboolean
refit_idle_cb (gpointer data)
{
  refresh_bound (data);
  return G_SOURCE_REMOVE;
}

/* Text made larger or smaller: the columns measured again, once the fonts follow. */
static void
on_text_scale_cb (PlCampaignResultsGrid *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refit_idle_cb, g_object_ref (self), g_object_unref);
}

/* ---- naming cells, refusing ---- */

static char *
describe_cell (PlCellGrid *grid, guint row, guint column)
{
  PlCampaignResultsGrid *self = PL_CAMPAIGN_RESULTS_GRID (grid);
  g_autofree char *name = column_name (self, column);
  g_autofree char *when = NULL;
  guint month;

  if (row_month (self, row, &month))
    return pl_grid_describe_cell (self->plan, name, month, TRUE);
  when = row_name (self, row);
  return g_strdup_printf (C_("grid cell", "%s, %s"), name, when);
}

static void
show_error (PlCampaignResultsGrid *self, guint row, guint column, const char *message)
{
  g_autofree char *cell = describe_cell (PL_CELL_GRID (self), row, column);
  /* Translators: a cell of the grid ("Leads, March 2027"), then what is wrong with it */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), cell, message);

  pl_grid_notice_show (self->notice, text, FALSE);
}

/* Why the cell (@row, @column) cannot be typed into, or NULL. */
static const char *
read_only_reason (PlCampaignResultsGrid *self, guint row, guint column)
{
  guint month;

  if (column >= self->links->len)
    return _("the spend comes from the Budget page: record spending there.");
  if (link_kpi (self, column_link (self, column)) == NULL)
    return _("choose the KPI of this column first, under “KPIs It Moves”.");
  if (row == ROW_EXPECTED)
    return _("the expected contribution is set under “KPIs It Moves”.");
  if (!row_month (self, row, &month))
    return _("the totals add the months up: type into the months.");
  return NULL;
}

/* Reads @text for the cell (@row, @column): "" is no value (NAN). */
static gboolean
read_value (PlCampaignResultsGrid *self, guint row, guint column, const char *text, double *value, GError **error)
{
  const char *refusal = read_only_reason (self, row, column);
  g_autofree char *cell = g_strstrip (g_strdup (text ? text : ""));

  if (refusal != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, refusal);
      return FALSE;
    }
  return pl_kpi_value_parse (link_kpi (self, column_link (self, column)), cell, value, error);
}

/* ---- typing ---- */

static gboolean
on_cell_commit_cb (PlCellEditor *cell, const char *text, PlCampaignResultsGrid *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
  guint row = pl_grid_view_cell_position (GTK_WIDGET (cell));
  g_autoptr(GError) error = NULL;
  PlItem *link;
  guint month;
  double value, before;

  if (self->plan == NULL || row >= n_rows (self) || column >= n_columns (self))
    return FALSE;
  if (text == NULL)
    {
      const char *reason = read_only_reason (self, row, column);
      show_error (self, row, column, reason ? reason : "");
      return FALSE;
    }
  if (!read_value (self, row, column, text, &value, &error))
    {
      show_error (self, row, column, error->message);
      pl_cell_editor_set_error (cell, error->message);
      return FALSE;
    }
  pl_grid_notice_hide (self->notice);
  link = column_link (self, column);
  g_assert (row_month (self, row, &month));
  before = result_value (self, link, month, NULL);
  /* Nothing typed over nothing, or the same value: no edit to undo. */
  if ((isnan (before) && isnan (value)) || before == value)
    return TRUE;
  /* Typed by hand: no source (the source names the tool a value was imported from). */
  pl_plan_set_result (self->plan, PL_CAMPAIGN_KPI (link), pl_plan_month_start (self->plan, month), value, NULL);
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
  return n_columns (PL_CAMPAIGN_RESULTS_GRID (grid));
}

static GtkWidget *
get_cell (PlCellGrid *grid, guint row, guint column)
{
  PlCampaignResultsGrid *self = PL_CAMPAIGN_RESULTS_GRID (grid);

  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->cells, i);
      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column")) == column &&
          pl_grid_view_cell_position (cell) == row)
        return cell;
    }
  return NULL;
}

static gboolean
locate (PlCellGrid *grid, GtkWidget *cell, guint *row, guint *column)
{
  *row = pl_grid_view_cell_position (cell);
  *column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
  return *row != G_MAXUINT;
}

static char *
copy_cell (PlCellGrid *grid, guint row, guint column)
{
  PlCampaignResultsGrid *self = PL_CAMPAIGN_RESULTS_GRID (grid);
  g_autofree char *tip = NULL;
  g_autofree char *shown = cell_text (self, row, column, &tip);

  return pl_grid_copy_number (shown);
}

static gboolean
check_cell (PlCellGrid *grid, guint row, guint column, const char *text, GError **error)
{
  double value;

  return read_value (PL_CAMPAIGN_RESULTS_GRID (grid), row, column, text, &value, error);
}

static gboolean
store_block (PlCellGrid *grid, guint top, guint left, GPtrArray *rows, GError **error)
{
  PlCampaignResultsGrid *self = PL_CAMPAIGN_RESULTS_GRID (grid);

  pl_plan_begin_group (self->plan, _("Paste"));
  for (guint r = 0; r < rows->len && top + r < n_rows (self); r++)
    {
      char **texts = g_ptr_array_index (rows, r);
      guint month;

      for (guint c = 0; texts[c] != NULL && left + c < n_columns (self); c++)
        {
          double value;

          /* Checked before (check_cell); read again for its value. */
          if (!read_value (self, top + r, left + c, texts[c], &value, error) || !row_month (self, top + r, &month))
            {
              pl_plan_cancel_group (self->plan);
              return FALSE;
            }
          pl_plan_set_result (self->plan, PL_CAMPAIGN_KPI (column_link (self, left + c)),
                              pl_plan_month_start (self->plan, month), value, NULL);
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

/* Up, Down and Enter go from month to month, over the expected contributions and totals. */
static gboolean
is_stop (PlCellGrid *grid, guint row)
{
  guint month;

  return row_month (PL_CAMPAIGN_RESULTS_GRID (grid), row, &month);
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
  iface->is_stop = is_stop;
}

/* ---- columns ---- */

static void
setup_name_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlCampaignResultsGrid *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 4);
  gtk_widget_set_margin_end (label, 4);
  gtk_size_group_add_widget (self->row_heights, label);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlCampaignResultsGrid *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  guint row = gtk_list_item_get_position (list_item);
  g_autofree char *name = row_name (self, row);
  guint month;

  gtk_label_set_label (GTK_LABEL (label), name);
  if (row_month (self, row, &month))
    {
      gtk_label_set_attributes (GTK_LABEL (label), NULL);
      pl_tooltip_set (label, NULL);
    }
  else
    {
      PangoAttrList *bold = pango_attr_list_new ();

      pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (GTK_LABEL (label), bold);
      pango_attr_list_unref (bold);
      if (row != ROW_EXPECTED)
        {
          g_autofree char *caption = pl_campaign_figures_caption (self->plan, &self->basis);
          pl_tooltip_set (label, caption);
        }
      else
        pl_tooltip_set (label, _("What the campaign is expected to bring to each KPI, and what is allocated to it"));
    }
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlCampaignResultsGrid *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  /* A value typed but not yet committed is kept when the row goes. */
  if (!pl_cell_editor_commit (PL_CELL_EDITOR (cell)))
    pl_cell_editor_cancel (PL_CELL_EDITOR (cell));
  g_ptr_array_remove_fast (self->cells, cell);
  pl_grid_view_cell_bound (cell, NULL);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlCampaignResultsGrid *self)
{
  GtkWidget *cell = GTK_WIDGET (pl_cell_editor_new ());

  g_object_set_data (G_OBJECT (cell), "column", g_object_get_data (G_OBJECT (factory), "column"));
  g_signal_connect (cell, "commit", G_CALLBACK (on_cell_commit_cb), self);
  pl_cell_grid_add_cell (PL_CELL_GRID (self), PL_CELL_EDITOR (cell));
  gtk_size_group_add_widget (self->row_heights, cell);
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlCampaignResultsGrid *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
  g_autofree char *label = NULL;

  pl_grid_view_cell_bound (cell, list_item);
  g_ptr_array_add (self->cells, cell);
  label = describe_cell (PL_CELL_GRID (self), gtk_list_item_get_position (list_item), column);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  refresh_cell (self, PL_CELL_EDITOR (cell));
  pl_cell_grid_cell_bound (PL_CELL_GRID (self), PL_CELL_EDITOR (cell));
}

static void
append_column (PlCampaignResultsGrid *self, guint column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) shown = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), self);
  shown = gtk_column_view_column_new (NULL, factory);
  gtk_column_view_append_column (self->view, shown);
}

/* The columns follow the campaign's links, the rows the period's months; TRUE when either
 * changed (the cells were bound again). */
static gboolean
rebuild (PlCampaignResultsGrid *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);
  g_autoptr(GPtrArray) links = wanted_links (self);
  gboolean same = links->len == self->links->len && g_list_model_get_n_items (columns) == n_columns (self);
  guint rows = self->plan != NULL && self->campaign != NULL ? n_months (self) + 2 : 0;
  gboolean changed = FALSE;

  name_months (self);
  for (guint i = 0; same && i < links->len; i++)
    same = g_ptr_array_index (links, i) == g_ptr_array_index (self->links, i);
  if (!same)
    {
      while (g_list_model_get_n_items (columns) > 0)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
          gtk_column_view_remove_column (self->view, column);
        }
      g_ptr_array_unref (self->links);
      self->links = g_steal_pointer (&links);
      for (guint column = 0; self->plan != NULL && column < self->links->len + 1; column++)
        append_column (self, column);
      changed = TRUE;
    }
  if (rows != n_rows (self))
    {
      g_autofree const char **empty = g_new0 (const char *, rows + 1);

      for (guint i = 0; i < rows; i++)
        empty[i] = "";
      gtk_string_list_splice (self->rows, 0, n_rows (self), empty);
      changed = TRUE;
    }
  return changed;
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
  rebuild (self);
  refresh_bound (self);
}

/* ---- GObject ---- */

static void
pl_campaign_results_grid_dispose (GObject *object)
{
  PlCampaignResultsGrid *self = PL_CAMPAIGN_RESULTS_GRID (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  if (self->frame != NULL)
    {
      gtk_widget_unparent (self->frame);
      self->frame = NULL;
      self->scrolled = NULL;
    }
  g_clear_object (&self->row_heights);
  g_clear_object (&self->title_heights);
  if (self->notice != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->notice));
      self->notice = NULL;
    }
  g_clear_pointer (&self->totals, pl_budget_totals_free);
  g_clear_object (&self->month_column);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->month_title, g_free);
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
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->cells = g_ptr_array_new ();
  self->links = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = gtk_string_list_new (NULL);
  self->row_heights = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
  self->title_heights = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  /* The months' names in a view of their own, beside the figures' that scrolls sideways
   * when the campaign moves more KPIs than the pane shows: they stay in sight. Not in a
   * scrolled window: the cells' (PlCellGrid) is the first under the grid. */
  self->frame = gtk_frame_new (NULL);
  gtk_widget_set_parent (self->frame, GTK_WIDGET (self));
  gtk_frame_set_child (GTK_FRAME (self->frame), box);
  self->month_view = GTK_COLUMN_VIEW (gtk_column_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection))));
  gtk_column_view_set_show_row_separators (self->month_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->month_view), "data-table");
  gtk_widget_add_css_class (GTK_WIDGET (self->month_view), "measurements");
  self->months = gtk_viewport_new (NULL, NULL);
  gtk_viewport_set_child (GTK_VIEWPORT (self->months), GTK_WIDGET (self->month_view));
  gtk_box_append (GTK_BOX (box), self->months);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  self->view = pl_grid_view_new (box, g_object_ref (GTK_SELECTION_MODEL (self->selection)), &self->scrolled);
  gtk_scrolled_window_set_has_frame (self->scrolled, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->scrolled), TRUE);
  /* Fourteen rows: the grid is as tall as they are, in the page that scrolls. */
  gtk_widget_set_vexpand (GTK_WIDGET (self->scrolled), FALSE);
  gtk_scrolled_window_set_propagate_natural_height (self->scrolled, TRUE);
  gtk_scrolled_window_set_policy (self->scrolled, GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  /* Their titles as tall as each other, so that their rows line up. */
  gtk_size_group_add_widget (self->title_heights, gtk_widget_get_first_child (GTK_WIDGET (self->month_view)));
  gtk_size_group_add_widget (self->title_heights, gtk_widget_get_first_child (GTK_WIDGET (self->view)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_name_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_name_cb), self);
  /* Translators: the first column of a campaign's results: its months */
  self->month_column = gtk_column_view_column_new (_("Month"), factory);
  gtk_column_view_append_column (self->month_view, self->month_column);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->notice = pl_grid_notice_new ();
  gtk_widget_set_parent (GTK_WIDGET (self->notice), GTK_WIDGET (self));
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi", G_CALLBACK (on_text_scale_cb), self,
                           G_CONNECT_SWAPPED);
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
  rebuild (self);
  g_clear_pointer (&self->totals, pl_budget_totals_free);
  pl_grid_notice_hide (self->notice);
  pl_cell_grid_reset (PL_CELL_GRID (self));
  g_set_object (&self->plan, plan);
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
  /* The cells of the campaign before are unbound (what was typed in them kept) first. */
  g_clear_object (&self->campaign);
  rebuild (self);
  pl_cell_grid_reset (PL_CELL_GRID (self));
  g_set_object (&self->campaign, campaign);
  rebuild (self);
  refresh_bound (self);
}

guint
pl_campaign_results_grid_get_n_kpis (PlCampaignResultsGrid *self)
{
  g_return_val_if_fail (PL_IS_CAMPAIGN_RESULTS_GRID (self), 0);
  return self->links->len;
}

GtkWidget *
pl_campaign_results_grid_get_cell (PlCampaignResultsGrid *self, guint kpi, guint month)
{
  g_return_val_if_fail (PL_IS_CAMPAIGN_RESULTS_GRID (self), NULL);
  return get_cell (PL_CELL_GRID (self), month + 1, kpi);
}

char *
pl_campaign_results_grid_get_side_text (PlCampaignResultsGrid *self, guint kpi, gboolean total)
{
  GtkWidget *cell;

  g_return_val_if_fail (PL_IS_CAMPAIGN_RESULTS_GRID (self), NULL);
  cell = get_cell (PL_CELL_GRID (self), total ? total_row (self) : ROW_EXPECTED, kpi);
  return cell ? g_strdup (pl_cell_editor_get_text (PL_CELL_EDITOR (cell))) : NULL;
}

const char *
pl_campaign_results_grid_get_message (PlCampaignResultsGrid *self)
{
  g_return_val_if_fail (PL_IS_CAMPAIGN_RESULTS_GRID (self), NULL);
  return pl_grid_notice_get_message (self->notice);
}

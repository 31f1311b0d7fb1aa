/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-budget-grid"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pl-a11y.h"
#include "pl-budget-carry.h"
#include "pl-budget-grid.h"
#include "pl-budget-totals.h"
#include "pl-calendar.h"
#include "pl-cell-editor.h"
#include "pl-cell-paste.h"
#include "pl-cell-grid.h"
#include "pl-dashboard.h"
#include "pl-date-text.h"
#include "pl-figures.h"
#include "pl-grid-view.h"
#include "pl-money.h"
#include "pl-tooltip.h"

/* The columns after the months. */
/* Remaining is the variance that counts the orders placed: a variance beside it would say
 * the same twice. */
enum { TOTAL_PLANNED, TOTAL_ACTUAL, TOTAL_COMMITTED, TOTAL_REMAINING, TOTAL_USED, N_TOTALS };

struct _PlBudgetGrid
{
  GtkWidget           parent_instance;

  GtkScrolledWindow  *scrolled;
  GtkColumnView      *view;
  GtkSingleSelection *selection;
  GtkLabel           *footer;
  GtkWidget          *figure_switch;  /* a toggle a figure, beneath the months as a workbook's sheet tabs */
  PlGridNotice       *notice;
  PlPlan             *plan;
  PlBudgetTotals     *totals;
  GPtrArray          *cells;    /* bound cells of every column, refreshed on each change */
  GPtrArray          *filters;  /* the filters giving each category its lines */
  GHashTable         *placed;   /* line -> the category ID it was filtered under */
  guint32             built_start;
  guint               built_months;
  PlBudgetFigure      figure;   /* what the month cells show */

  /* The last edit warned about (10 times its line's usual month), for the notice's Undo. */
  PlItem             *warned_line;
  guint               warned_month;
  gint64              warned_amount, warned_before;
  guint64             warned_serial;  /* the plan's serial right after that edit */
};

static void pl_budget_grid_cell_grid_init (PlCellGridInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlBudgetGrid, pl_budget_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PL_TYPE_CELL_GRID, pl_budget_grid_cell_grid_init))

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The category or line of a row, borrowed: the row keeps it alive. */
static PlItem *
row_item (GtkTreeListRow *row)
{
  PlItem *item = row ? gtk_tree_list_row_get_item (row) : NULL;

  if (item != NULL)
    g_object_unref (item);
  return item;
}

static PlItem *
cell_item (GtkWidget *cell)
{
  return row_item (g_object_get_data (G_OBJECT (cell), "row"));
}

/* ---- the tree: categories, then their lines ---- */

static gboolean
line_in_category (gpointer item, gpointer category)
{
  return g_strcmp0 (pl_item_get_string (item, PL_BUDGET_LINE_CATEGORY), pl_item_get_id (category)) == 0;
}

static GListModel *
create_children (gpointer item, gpointer data)
{
  PlBudgetGrid *self = data;
  GtkCustomFilter *filter;

  if (!PL_IS_CATEGORY (item))
    return NULL;
  filter = gtk_custom_filter_new (line_in_category, g_object_ref (item), g_object_unref);
  g_ptr_array_add (self->filters, g_object_ref (filter));
  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (pl_plan_get_collection (self->plan, PL_COLLECTION_LINES)),
                                                  GTK_FILTER (filter)));
}

/* ---- cells ---- */

/* The figure shown of a line or a category (the totals answer for both) in @month. */
static gint64
month_amount (PlBudgetGrid *self, PlItem *item, guint month)
{
  switch (self->figure)
    {
    case PL_BUDGET_FIGURE_ACTUAL:
      return pl_budget_totals_line_actual (self->totals, item, (int) month);
    case PL_BUDGET_FIGURE_COMMITTED:
      return pl_budget_totals_line_committed (self->totals, item, (int) month);
    case PL_BUDGET_FIGURE_REMAINING:
      return pl_budget_totals_line_remaining (self->totals, item, (int) month);
    case PL_BUDGET_FIGURE_PLANNED:
    default:
      return pl_budget_totals_line_planned (self->totals, item, (int) month);
    }
}

static void
set_class (GtkWidget *widget, const char *name, gboolean on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/* Months that received or gave budget by carrying it over say so (pl-budget-carry.h): a
 * mark in the cell's corner, and in its tooltip what moved ("12,000 € carried from Q1 2027").
 * In the planned view, whose amounts the move changed. */
static void
refresh_carried (PlBudgetGrid *self, GtkWidget *cell, PlItem *item, guint month)
{
  g_autofree char *carried = NULL;

  if (self->figure == PL_BUDGET_FIGURE_PLANNED && PL_IS_BUDGET_LINE (item) &&
      pl_item_field_is_set (item, PL_BUDGET_LINE_CARRIED))
    carried = pl_budget_carry_describe_month (self->plan, item, month);
  set_class (cell, "carried", carried != NULL);
  if (g_strcmp0 (pl_tooltip_get (cell), carried) != 0)
    pl_tooltip_set (cell, carried);
}

static void
refresh_month (PlBudgetGrid *self, GtkWidget *cell, PlItem *item)
{
  guint month = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month"));
  guint exponent = pl_plan_get_currency_exponent (self->plan);
  gboolean line = PL_IS_BUDGET_LINE (item);
  gint64 amount = month_amount (self, item, month);
  /* A month with nothing booked reads empty: the few months with spend stand out. */
  gboolean blank = amount == 0 && (self->figure == PL_BUDGET_FIGURE_ACTUAL || self->figure == PL_BUDGET_FIGURE_COMMITTED);
  g_autofree char *text = blank ? g_strdup ("") : pl_money_to_display (amount, exponent);

  pl_cell_editor_set_text (PL_CELL_EDITOR (cell), text);
  /* A category's months are selected and copied like the lines', never typed into; nor is
   * what was booked. */
  pl_cell_editor_set_editable (PL_CELL_EDITOR (cell), line && self->figure == PL_BUDGET_FIGURE_PLANNED);
  set_class (cell, "budget-total", !line);
  set_class (cell, "off-target", self->figure == PL_BUDGET_FIGURE_REMAINING && amount < 0);
  refresh_carried (self, cell, item, month);
}

static char *
total_text (PlBudgetGrid *self, PlItem *item, guint column)
{
  guint exponent = pl_plan_get_currency_exponent (self->plan);
  gint64 planned = pl_budget_totals_line_planned (self->totals, item, -1);
  gint64 actual = pl_budget_totals_line_actual (self->totals, item, -1);
  double used;

  switch (column)
    {
    case TOTAL_PLANNED:
      return pl_money_to_display (planned, exponent);
    case TOTAL_ACTUAL:
      return pl_money_to_display (actual, exponent);
    case TOTAL_COMMITTED:
      return pl_money_to_display (pl_budget_totals_line_committed (self->totals, item, -1), exponent);
    case TOTAL_REMAINING:
      return pl_money_to_display (pl_budget_totals_line_remaining (self->totals, item, -1), exponent);
    default:
      used = pl_figures_percent_used (planned, actual);
      return isnan (used) ? g_strdup ("–") : pl_percent_format (used * 100, 0);
    }
}

static void
refresh_total (PlBudgetGrid *self, GtkWidget *cell, PlItem *item)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "total"));
  g_autofree char *text = total_text (self, item, column);
  gint64 planned = pl_budget_totals_line_planned (self->totals, item, -1);
  gint64 actual = pl_budget_totals_line_actual (self->totals, item, -1);

  /* Set only when it differs: an unchanged total is not drawn again. */
  if (g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (cell)), text) != 0)
    gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  set_class (cell, "off-target", (column == TOTAL_USED && actual > planned) ||
                                 (column == TOTAL_REMAINING && pl_budget_totals_line_remaining (self->totals, item, -1) < 0));
  set_class (cell, "budget-total", PL_IS_CATEGORY (item));
}

static void
refresh_name (GtkWidget *expander, PlItem *item)
{
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  const char *name = pl_item_get_display_name (item);

  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), name) != 0)
    gtk_label_set_label (GTK_LABEL (label), name);
  pl_tooltip_set (label, name);
  if (PL_IS_CATEGORY (item))
    gtk_widget_add_css_class (label, "budget-total");
  else
    gtk_widget_remove_css_class (label, "budget-total");
}

static void
refresh_cell (gpointer grid, GtkWidget *cell)
{
  PlBudgetGrid *self = grid;
  PlItem *item = cell_item (cell);

  if (item == NULL || self->plan == NULL)
    return;
  if (GTK_IS_TREE_EXPANDER (cell))
    refresh_name (cell, item);
  else if (PL_IS_CELL_EDITOR (cell))
    refresh_month (self, cell, item);
  else
    refresh_total (self, cell, item);
}

static void
refresh_footer (gpointer grid)
{
  PlBudgetGrid *self = grid;

  guint exponent = pl_plan_get_currency_exponent (self->plan);
  const char *currency = pl_plan_get_currency (self->plan);
  g_autofree char *planned = pl_money_format (pl_budget_totals_planned (self->totals, NULL, -1), exponent, currency);
  g_autofree char *actual = pl_money_format (pl_budget_totals_actual (self->totals, NULL, -1), exponent, currency);
  g_autofree char *committed = pl_money_format (pl_budget_totals_committed (self->totals, NULL, -1), exponent, currency);
  g_autofree char *remaining = pl_money_format (pl_budget_totals_remaining (self->totals, NULL, -1), exponent, currency);
  /* "Used" has one meaning, the dashboard's: the spend to the day shown against the plan to
   * the same day; the share of the whole period's budget stands beside it, named. */
  guint32 as_of = pl_dashboard_resolve_as_of (self->plan, pl_calendar_today ());
  PlBasis to_date = pl_basis_to_date (self->plan, as_of);
  PlFigure used = pl_figures_get (self->plan, PL_FIGURE_USED, &to_date);
  PlFigure of_period = pl_figures_get (self->plan, PL_FIGURE_USED_OF_PERIOD, &to_date);
  g_autofree char *day = pl_date_text (MIN (as_of, pl_plan_get_end (self->plan) - 1), PL_DATE_LONG);
  g_autofree char *used_text = isnan (used.value) ? g_strdup ("–") : pl_percent_format (used.value * 100, 0);
  g_autofree char *period_text = isnan (of_period.value) ? g_strdup ("–") : pl_percent_format (of_period.value * 100, 0);
  g_autofree char *text = NULL;

  if (pl_budget_totals_committed (self->totals, NULL, -1) == 0)
    /* Translators: the plan's planned total, its spend, what is left, the share used to a
     * day, that day, the share of the whole period's budget spent: "Whole plan: €1,844,500
     * planned, €888,017.31 spent, €956,482.69 remaining · 96% used to 30 June 2027 · 48% of
     * the whole period's budget" */
    text = g_strdup_printf (_("Whole plan: %s planned, %s spent, %s remaining · %s used to %s · %s of the whole period’s budget"),
                            planned, actual, remaining, used_text, day, period_text);
  else
    /* Translators: as above, with the orders not yet invoiced after the spend: "Whole plan:
     * €1,844,500 planned, €888,017.31 spent, €40,000 committed, €916,482.69 remaining · …" */
    text = g_strdup_printf (_("Whole plan: %s planned, %s spent, %s committed, %s remaining · %s used to %s · %s of the whole period’s budget"),
                            planned, actual, committed, remaining, used_text, day, period_text);
  gtk_label_set_label (self->footer, text);
}

static GtkWidget *
find_cell (PlBudgetGrid *self, guint position, guint month)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->cells, i);

      if (PL_IS_CELL_EDITOR (cell) && pl_grid_view_cell_position (cell) == position &&
          GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month")) == month)
        return cell;
    }
  return NULL;
}

/* ---- the grid's terms: rows, months, their names ---- */

static guint
n_rows (PlBudgetGrid *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

/* The category or line at row @position, or NULL. Borrowed: the plan keeps it. */
static PlItem *
item_at (PlBudgetGrid *self, guint position)
{
  g_autoptr(GtkTreeListRow) row = position < n_rows (self) ? g_list_model_get_item (G_LIST_MODEL (self->selection), position)
                                                            : NULL;

  return row_item (row);
}

static guint
cell_row (GtkWidget *cell)
{
  return pl_grid_view_cell_position (cell);
}

static guint
cell_month (GtkWidget *cell)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month"));
}

/* "Paid search, March: @message", naming the cell in the grid's terms. */
static char *
cell_message (PlBudgetGrid *self, PlItem *item, guint month, const char *message)
{
  g_autofree char *cell = pl_grid_describe_cell (self->plan, pl_item_get_display_name (item), month, FALSE);

  return g_strdup_printf (_("%s: %s"), cell, message);
}

static void
show_error (PlBudgetGrid *self, const char *message)
{
  g_clear_object (&self->warned_line);
  pl_grid_notice_show (self->notice, message, FALSE);
}

/* ---- typing ---- */

static void
warn_if_unusual (PlBudgetGrid *self, PlItem *line, guint month, gint64 before)
{
  guint n = pl_plan_get_months (self->plan);
  g_autofree double *values = g_new (double, n);
  gint64 amount = pl_figures_line_planned (PL_BUDGET_LINE (line), (int) month);
  double usual;
  gboolean above;

  for (guint m = 0; m < n; m++)
    values[m] = (double) pl_figures_line_planned (PL_BUDGET_LINE (line), (int) m);
  usual = pl_grid_usual_value (values, n, month);
  if (pl_grid_is_unusual ((double) amount, usual, &above))
    {
      guint exponent = pl_plan_get_currency_exponent (self->plan);
      const char *currency = pl_plan_get_currency (self->plan);
      g_autofree char *value_text = pl_money_format (amount, exponent, currency);
      g_autofree char *usual_text = pl_money_format ((gint64) llround (usual), exponent, currency);
      g_autofree char *about = above
        /* Translators: the amount typed, then the line's usual monthly amount */
        ? g_strdup_printf (_("%s is more than 10 times this line’s usual month (%s)"), value_text, usual_text)
        /* Translators: the amount typed, then the line's usual monthly amount */
        : g_strdup_printf (_("%s is less than a tenth of this line’s usual month (%s)"), value_text, usual_text);
      g_autofree char *message = cell_message (self, line, month, about);

      pl_grid_notice_show (self->notice, message, TRUE);
      g_set_object (&self->warned_line, line);
      self->warned_month = month;
      self->warned_amount = amount;
      self->warned_before = before;
      self->warned_serial = pl_plan_get_serial (self->plan);
    }
  else if (pl_grid_notice_get_message (self->notice) != NULL && self->warned_line == NULL)
    /* A value accepted: the refusal shown before is settled. */
    pl_grid_notice_hide (self->notice);
}

static gboolean
on_cell_commit_cb (PlCellEditor *cell, const char *text, PlBudgetGrid *self)
{
  PlItem *item = cell_item (GTK_WIDGET (cell));
  guint month = cell_month (GTK_WIDGET (cell));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *typed = NULL;
  gint64 amount, before;

  if (item == NULL || self->plan == NULL)
    return FALSE;
  if (text == NULL && PL_IS_BUDGET_LINE (item))
    {
      message = cell_message (self, item, month, _("these months show what was booked: choose Planned above the grid to type the budget."));
      show_error (self, message);
      return FALSE;
    }
  if (text == NULL || !PL_IS_BUDGET_LINE (item))
    {
      message = cell_message (self, item, month, _("a category’s months are the totals of its lines: type into the lines."));
      show_error (self, message);
      return FALSE;
    }
  before = pl_figures_line_planned (PL_BUDGET_LINE (item), (int) month);
  /* An emptied cell plans nothing that month. */
  typed = g_strstrip (g_strdup (text));
  if (*typed == '\0')
    amount = 0;
  else if (!pl_money_parse_typed (text, pl_plan_get_currency_exponent (self->plan), &amount, &error))
    goto refused;
  if (amount == before)
    return TRUE;
  if (!pl_plan_set_planned (self->plan, PL_BUDGET_LINE (item), month, amount, &error))
    goto refused;
  warn_if_unusual (self, item, month, before);
  return TRUE;

refused:
  message = cell_message (self, item, month, error->message);
  show_error (self, message);
  pl_cell_editor_set_error (cell, error->message);
  return FALSE;
}

static void
on_notice_undo_cb (PlBudgetGrid *self)
{
  g_autoptr(GError) error = NULL;

  if (self->warned_line == NULL || self->plan == NULL)
    return;
  /* That edit is still the last: undo it, so the plan is unmodified again if it was. Later
   * edits are kept: that month alone goes back to what it was, as a new step. */
  if (pl_plan_get_serial (self->plan) == self->warned_serial)
    pl_plan_undo (self->plan);
  else if (pl_figures_line_planned (PL_BUDGET_LINE (self->warned_line), (int) self->warned_month) == self->warned_amount)
    pl_plan_set_planned (self->plan, PL_BUDGET_LINE (self->warned_line), self->warned_month, self->warned_before, &error);
  g_clear_object (&self->warned_line);
}

/* ---- copy and paste ---- */

static char *
copy_cell (PlCellGrid *grid, guint row, guint month)
{
  PlBudgetGrid *self = PL_BUDGET_GRID (grid);
  PlItem *item = item_at (self, row);
  /* What the cell shows: the actuals copy into a spreadsheet as well as the plan. */
  gint64 amount = month_amount (self, item, month);
  g_autofree char *plain = pl_money_to_string (amount, pl_plan_get_currency_exponent (self->plan));
  char *point = strchr (plain, '.');

  /* Whole amounts without their ".00", as they were typed; the locale's decimal separator and
   * no grouping, so that a spreadsheet in the same locale reads a number. */
  if (point != NULL && strspn (point + 1, "0") == strlen (point + 1))
    *point = '\0';
  return pl_number_localise (plain, FALSE);
}

/* Reads a pasted cell: an empty one plans nothing that month. */
static gboolean
read_amount (PlBudgetGrid *self, PlItem *item, const char *text, gint64 *amount, GError **error)
{
  g_autofree char *cell = g_strstrip (g_strdup (text));

  *amount = 0;
  if (self->figure != PL_BUDGET_FIGURE_PLANNED)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("these months show what was booked: choose Planned above the grid to paste a budget."));
      return FALSE;
    }
  if (!PL_IS_BUDGET_LINE (item))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("a category’s months are the totals of its lines: paste into the lines."));
      return FALSE;
    }
  if (*cell != '\0' && !pl_money_parse_typed (cell, pl_plan_get_currency_exponent (self->plan), amount, error))
    return FALSE;
  /* Checked before anything is stored, so that a paste is never half done; the plan checks
   * again when storing. */
  if (*amount < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("a planned amount cannot be negative."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_cell (PlCellGrid *grid, guint row, guint month, const char *text, GError **error)
{
  PlBudgetGrid *self = PL_BUDGET_GRID (grid);
  gint64 amount;

  return read_amount (self, item_at (self, row), text, &amount, error);
}

/* Says which cell refused a paste, and why. */
static gboolean
refuse_cell (PlBudgetGrid *self, PlItem *item, guint month, const GError *refusal, GError **error)
{
  g_autofree char *message = cell_message (self, item, month, refusal->message);

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  return FALSE;
}

static gboolean
store_block (PlCellGrid *grid, guint top, guint left, GPtrArray *rows, GError **error)
{
  PlBudgetGrid *self = PL_BUDGET_GRID (grid);
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (PlPlannedCell));
  g_autoptr(GError) refusal = NULL;
  guint refused;

  for (guint r = 0; r < rows->len; r++)
    {
      char **texts = g_ptr_array_index (rows, r);
      PlItem *item = item_at (self, top + r);

      for (guint c = 0; texts[c] != NULL; c++)
        {
          PlPlannedCell cell = { (PlBudgetLine *) item, left + c, 0 };

          if (!read_amount (self, item, texts[c], &cell.amount, &refusal))
            return refuse_cell (self, item, left + c, refusal, error);
          g_array_append_val (cells, cell);
        }
    }
  /* The cells stored before a refused one go back with it. */
  if (!pl_cell_paste_planned (self->plan, (PlPlannedCell *) cells->data, cells->len, &refused, &refusal))
    {
      const PlPlannedCell *cell = &g_array_index (cells, PlPlannedCell, refused);
      return refuse_cell (self, PL_ITEM (cell->line), cell->month, refusal, error);
    }
  g_clear_object (&self->warned_line);
  pl_grid_notice_hide (self->notice);
  return TRUE;
}

static char *
describe_cell (PlCellGrid *grid, guint row, guint month)
{
  PlBudgetGrid *self = PL_BUDGET_GRID (grid);

  return pl_grid_describe_cell (self->plan, pl_item_get_display_name (item_at (self, row)), month, FALSE);
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlBudgetGrid *self)
{
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "kind"));
  GtkWidget *cell;

  if (kind == 0)
    {
      GtkWidget *label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      cell = gtk_tree_expander_new ();
      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (cell), label);
    }
  else if (kind == 1)
    {
      cell = GTK_WIDGET (pl_cell_editor_new ());
      g_object_set_data (G_OBJECT (cell), "month", g_object_get_data (G_OBJECT (factory), "month"));
      g_signal_connect (cell, "commit", G_CALLBACK (on_cell_commit_cb), self);
      pl_cell_grid_add_cell (PL_CELL_GRID (self), PL_CELL_EDITOR (cell));
    }
  else
    {
      /* An inscription: a total that changes is drawn again, the grid is not laid out again. */
      cell = gtk_inscription_new (NULL);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      g_object_set_data (G_OBJECT (cell), "total", g_object_get_data (G_OBJECT (factory), "total"));
    }
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlBudgetGrid *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);

  g_object_set_data_full (G_OBJECT (cell), "row", g_object_ref (row), g_object_unref);
  pl_grid_view_cell_bound (cell, list_item);
  if (GTK_IS_TREE_EXPANDER (cell))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (cell), row);
  if (PL_IS_CELL_EDITOR (cell) && cell_item (cell) != NULL)
    {
      PlItem *item = cell_item (cell);
      /* A screen reader names a cell by its month and its line, as a sighted user reads it. */
      g_autofree char *name = g_strdup_printf (_("%s, %s"), (const char *) g_object_get_data (G_OBJECT (factory), "title"),
                                               pl_item_get_display_name (item));
      pl_a11y_label (cell, name);
    }
  g_ptr_array_add (self->cells, cell);
  refresh_cell (self, cell);
  if (PL_IS_CELL_EDITOR (cell))
    pl_cell_grid_cell_bound (PL_CELL_GRID (self), PL_CELL_EDITOR (cell));
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlBudgetGrid *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  /* What was typed is kept when the row scrolls away. */
  if (PL_IS_CELL_EDITOR (cell) && !pl_cell_editor_commit (PL_CELL_EDITOR (cell)))
    pl_cell_editor_cancel (PL_CELL_EDITOR (cell));
  if (GTK_IS_TREE_EXPANDER (cell))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (cell), NULL);
  g_ptr_array_remove_fast (self->cells, cell);
  g_object_set_data (G_OBJECT (cell), "row", NULL);
  pl_grid_view_cell_bound (cell, NULL);
}

static GtkColumnViewColumn *
new_column (PlBudgetGrid *self, const char *title, int kind, guint month, guint total, int width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "kind", GINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (factory), "month", GUINT_TO_POINTER (month));
  g_object_set_data (G_OBJECT (factory), "total", GUINT_TO_POINTER (total));
  g_object_set_data_full (G_OBJECT (factory), "title", g_strdup (title), g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_fixed_width (column, (int) (width * pl_a11y_text_scale ()));
  gtk_column_view_column_set_resizable (column, kind == 0);
  return column;
}

static void
rebuild_columns (PlBudgetGrid *self)
{
  /* The last is the line's spend against its whole period's plan: not "used", which is to date. */
  static const char *totals[N_TOTALS] = { N_("Total"), N_("Actual"), N_("Committed"), N_("Remaining"), N_("Of Period") };
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
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GDate date;
      char title[64];

      g_date_set_julian (&date, pl_plan_month_start (self->plan, month));
      /* Translators: a month column of the budget, strftime format ("Jan") */
      g_date_strftime (title, sizeof title, C_("budget month", "%b"), &date);
      /* Wide enough for a month over its plan with cents: "−13 143.38". */
      column = new_column (self, title, 1, month, 0, 96);
      gtk_column_view_append_column (self->view, column);
    }
  for (guint t = 0; t < N_TOTALS && self->plan != NULL; t++)
    {
      g_autoptr(GtkColumnViewColumn) column = new_column (self, _(totals[t]), 2, 0, t, t == TOTAL_USED ? 64 : 96);
      gtk_column_view_append_column (self->view, column);
    }
}

/* TRUE when a line changed category since the last look: the categories' filters must run
 * again. Not on every edit: filtering again rebinds every row and loses the focused cell. */
static gboolean
lines_moved (PlBudgetGrid *self)
{
  GListModel *lines = pl_plan_get_collection (self->plan, PL_COLLECTION_LINES);
  gboolean moved = FALSE;

  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      const char *category = pl_item_get_string (line, PL_BUDGET_LINE_CATEGORY);
      const char *before = g_hash_table_lookup (self->placed, line);

      if (g_strcmp0 (before, category) != 0)
        {
          moved |= g_hash_table_contains (self->placed, line);
          g_hash_table_insert (self->placed, g_object_ref (line), g_strdup (category));
        }
    }
  return moved;
}

/* What the budget's figures are made of: its lines and categories, the spend, the
 * allocations, the spend KPI of a plan without spending records, the period and currency. */
#define BUDGET_CHANGES (pl_change_for_collection (PL_COLLECTION_LINES) | pl_change_for_collection (PL_COLLECTION_CATEGORIES) | \
                        pl_change_for_collection (PL_COLLECTION_SPEND) | pl_change_for_collection (PL_COLLECTION_ALLOCATIONS) | \
                        pl_change_for_collection (PL_COLLECTION_KPIS) | PL_CHANGE_METADATA)

static void
on_plan_changed_cb (PlBudgetGrid *self, PlChangeMask change)
{
  if ((change & BUDGET_CHANGES) == 0)
    return;
  pl_budget_totals_refresh (self->totals);
  if ((change & (pl_change_for_collection (PL_COLLECTION_LINES) | pl_change_for_collection (PL_COLLECTION_CATEGORIES))) &&
      lines_moved (self))
    for (guint i = 0; i < self->filters->len; i++)
      gtk_filter_changed (g_ptr_array_index (self->filters, i), GTK_FILTER_CHANGE_DIFFERENT);
  if (pl_plan_get_start (self->plan) != self->built_start || pl_plan_get_months (self->plan) != self->built_months)
    rebuild_columns (self);
  /* The cells on screen now, each set again only when its text differs (the edited month,
   * its line's and category's totals); the other bound rows after the frame, and the whole
   * plan's line beneath, whose figures sum every spending record and whose new text has the
   * grid laid out again. */
  pl_grid_view_refresh_cells (self, self->scrolled, self->cells, n_rows (self), refresh_cell, refresh_footer);
  /* The month warned about changed since (undone, typed again): the warning is settled. */
  if (self->warned_line != NULL &&
      pl_figures_line_planned (PL_BUDGET_LINE (self->warned_line), (int) self->warned_month) != self->warned_amount)
    {
      g_clear_object (&self->warned_line);
      pl_grid_notice_hide (self->notice);
    }
}

static void
on_selected_cb (PlBudgetGrid *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* ---- PlCellGrid: the grid's rows are the tree's, lines and categories; its columns the months ---- */

static guint
get_n_rows (PlCellGrid *grid)
{
  return n_rows (PL_BUDGET_GRID (grid));
}

static guint
get_n_columns (PlCellGrid *grid)
{
  return PL_BUDGET_GRID (grid)->built_months;
}

static GtkWidget *
get_cell (PlCellGrid *grid, guint row, guint month)
{
  return find_cell (PL_BUDGET_GRID (grid), row, month);
}

static gboolean
locate (PlCellGrid *grid, GtkWidget *cell, guint *row, guint *month)
{
  *row = cell_row (cell);
  *month = cell_month (cell);
  return *row != G_MAXUINT;
}

static void
refuse (PlCellGrid *grid, const char *message)
{
  show_error (PL_BUDGET_GRID (grid), message);
}

/* Up, Down and Enter go from line to line, over the categories' totals, as Enter always did. */
static gboolean
is_stop (PlCellGrid *grid, guint row)
{
  return PL_IS_BUDGET_LINE (item_at (PL_BUDGET_GRID (grid), row));
}

/* The line's form beside the grid follows the selected cell. */
static void
cursor_moved (PlCellGrid *grid, guint row, guint month)
{
  gtk_single_selection_set_selected (PL_BUDGET_GRID (grid)->selection, row);
}

static void
pl_budget_grid_cell_grid_init (PlCellGridInterface *iface)
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
  iface->cursor_moved = cursor_moved;
}

static void
on_selected_item_cb (PlBudgetGrid *self)
{
  guint row = gtk_single_selection_get_selected (self->selection);

  /* A row picked elsewhere (the list's own keys, pl_budget_grid_select()): the cursor goes to
   * it, in the month it was in, so that the next key starts from there. */
  if (row != GTK_INVALID_LIST_POSITION)
    pl_cell_grid_place_row (PL_CELL_GRID (self), row);
}

/* ---- GObject ---- */

static void
pl_budget_grid_dispose (GObject *object)
{
  PlBudgetGrid *self = PL_BUDGET_GRID (object);
  GtkWidget *child;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  pl_grid_view_cancel_refresh (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->plan);
  g_clear_object (&self->warned_line);
  g_clear_pointer (&self->totals, pl_budget_totals_free);
  G_OBJECT_CLASS (pl_budget_grid_parent_class)->dispose (object);
}

static void
pl_budget_grid_finalize (GObject *object)
{
  PlBudgetGrid *self = PL_BUDGET_GRID (object);

  g_ptr_array_unref (self->cells);
  g_ptr_array_unref (self->filters);
  g_hash_table_unref (self->placed);
  G_OBJECT_CLASS (pl_budget_grid_parent_class)->finalize (object);
}

static void
pl_budget_grid_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, pl_budget_grid_get_selected (PL_BUDGET_GRID (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_budget_grid_class_init (PlBudgetGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_budget_grid_dispose;
  object_class->finalize = pl_budget_grid_finalize;
  object_class->get_property = pl_budget_grid_get_property;
  properties[PROP_SELECTED] = g_param_spec_object ("selected", NULL, NULL, PL_TYPE_ITEM,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "budgetgrid");
}

static void
on_figure_toggled_cb (GtkToggleButton *button, PlBudgetGrid *self)
{
  if (gtk_toggle_button_get_active (button))
    pl_budget_grid_set_figure (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "figure")));
}

/* What the months show, chosen as a workbook's sheet is: a linked row of toggles beneath
 * the grid, named by the figure (the test finds them by that name). */
static GtkWidget *
build_figure_switch (PlBudgetGrid *self)
{
  static const struct { const char *label; const char *tip; } figures[] = {
    /* Translators: what the budget grid's months show; masculine in French (le montant) */
    [PL_BUDGET_FIGURE_PLANNED] = { NC_("budget figure", "Planned"), N_("The budget, typed into") },
    [PL_BUDGET_FIGURE_ACTUAL] = { NC_("budget figure", "Actual"), N_("Invoiced spend, credits subtracted") },
    [PL_BUDGET_FIGURE_COMMITTED] = { NC_("budget figure", "Committed"), N_("Orders placed, not yet invoiced") },
    [PL_BUDGET_FIGURE_REMAINING] = { NC_("budget figure", "Remaining"), N_("Planned less actual less committed; red below zero") },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkToggleButton *first = NULL;

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  pl_a11y_label (box, _("What the months show"));
  for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (g_dpgettext2 (NULL, "budget figure", figures[f].label));

      pl_tooltip_set (button, _(figures[f].tip));
      g_object_set_data (G_OBJECT (button), "figure", GINT_TO_POINTER (f));
      gtk_widget_set_name (button, figures[f].label);
      if (first == NULL)
        first = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_toggle_button_set_active (first, TRUE);
  for (GtkWidget *button = gtk_widget_get_first_child (box); button; button = gtk_widget_get_next_sibling (button))
    g_signal_connect (button, "toggled", G_CALLBACK (on_figure_toggled_cb), self);
  return box;
}

static void
pl_budget_grid_init (PlBudgetGrid *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  g_autoptr(GtkColumnViewColumn) name = NULL;
  GtkWidget *bottom;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->cells = g_ptr_array_new ();
  self->filters = g_ptr_array_new_with_free_func (g_object_unref);
  self->placed = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selected_cb), self);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected_item_cb), self);
  self->view = pl_grid_view_new (GTK_WIDGET (self), g_object_ref (GTK_SELECTION_MODEL (self->selection)), &self->scrolled);
  name = new_column (self, _("Category and line"), 0, 0, 0, 250);
  gtk_column_view_append_column (self->view, name);
  self->notice = pl_grid_notice_new ();
  g_signal_connect_swapped (self->notice, "undo", G_CALLBACK (on_notice_undo_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->notice), GTK_WIDGET (self));
  bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  self->figure_switch = build_figure_switch (self);
  gtk_box_append (GTK_BOX (bottom), self->figure_switch);
  self->footer = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->footer), TRUE);
  gtk_label_set_xalign (self->footer, 1);
  /* The whole plan's figures take two lines in a narrow window rather than widening it. */
  gtk_label_set_wrap (self->footer, TRUE);
  gtk_label_set_justify (self->footer, GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (GTK_WIDGET (self->footer), "heading");
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->footer));
  gtk_widget_set_parent (bottom, GTK_WIDGET (self));
}

PlBudgetGrid *
pl_budget_grid_new (void)
{
  return g_object_new (PL_TYPE_BUDGET_GRID, NULL);
}

void
pl_budget_grid_set_plan (PlBudgetGrid *self, PlPlan *plan)
{
  g_return_if_fail (PL_IS_BUDGET_GRID (self));
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  pl_grid_view_cancel_refresh (self);
  /* Unbinding commits pending text into the plan it was typed for. */
  gtk_single_selection_set_model (self->selection, NULL);
  g_ptr_array_set_size (self->filters, 0);
  g_hash_table_remove_all (self->placed);
  g_clear_object (&self->warned_line);
  pl_grid_notice_hide (self->notice);
  pl_cell_grid_reset (PL_CELL_GRID (self));
  g_set_object (&self->plan, plan);
  g_clear_pointer (&self->totals, pl_budget_totals_free);
  rebuild_columns (self);
  if (plan == NULL)
    return;
  self->totals = pl_budget_totals_new (plan);
  lines_moved (self);
  {
    GtkTreeListModel *tree = gtk_tree_list_model_new (g_object_ref (pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES)),
                                                      FALSE, TRUE, create_children, self, NULL);
    gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
    g_object_unref (tree);
  }
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (on_plan_changed_cb), self);
  refresh_footer (self);
}

PlItem *
pl_budget_grid_get_selected (PlBudgetGrid *self)
{
  g_return_val_if_fail (PL_IS_BUDGET_GRID (self), NULL);
  return row_item (gtk_single_selection_get_selected_item (self->selection));
}

void
pl_budget_grid_select (PlBudgetGrid *self, PlItem *item)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  g_return_if_fail (PL_IS_BUDGET_GRID (self));
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(PlItem) candidate = gtk_tree_list_row_get_item (row);

      if (candidate == item)
        {
          gtk_single_selection_set_selected (self->selection, i);
          pl_grid_view_scroll_to (self->scrolled, i, n);
          return;
        }
    }
}

GtkWidget *
pl_budget_grid_get_cell (PlBudgetGrid *self, PlItem *line, guint month)
{
  g_return_val_if_fail (PL_IS_BUDGET_GRID (self), NULL);
  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->cells, i);
      PlItem *item = PL_IS_CELL_EDITOR (cell) ? cell_item (cell) : NULL;

      if (item == line && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month")) == month)
        return cell;
    }
  return NULL;
}

void
pl_budget_grid_set_figure (PlBudgetGrid *self, PlBudgetFigure figure)
{
  g_return_if_fail (PL_IS_BUDGET_GRID (self));
  if (self->figure == figure)
    return;
  /* What was being typed goes in before the cells stop taking it. */
  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->cells, i);
      if (PL_IS_CELL_EDITOR (cell) && !pl_cell_editor_commit (PL_CELL_EDITOR (cell)))
        pl_cell_editor_cancel (PL_CELL_EDITOR (cell));
    }
  self->figure = figure;
  /* Chosen from elsewhere (a test, a shortcut): the switch shows it. */
  for (GtkWidget *button = gtk_widget_get_first_child (self->figure_switch); button; button = gtk_widget_get_next_sibling (button))
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "figure")) == (int) figure)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  /* A refusal said in the view before (typing into what was booked) is settled by the switch. */
  if (self->warned_line == NULL)
    pl_grid_notice_hide (self->notice);
  if (self->plan == NULL)
    return;
  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->cells, i);
      if (PL_IS_CELL_EDITOR (cell))
        refresh_cell (self, cell);
    }
}

PlBudgetFigure
pl_budget_grid_get_figure (PlBudgetGrid *self)
{
  g_return_val_if_fail (PL_IS_BUDGET_GRID (self), PL_BUDGET_FIGURE_PLANNED);
  return self->figure;
}

char *
pl_budget_grid_get_total_text (PlBudgetGrid *self, PlItem *item, guint column)
{
  g_return_val_if_fail (PL_IS_BUDGET_GRID (self), NULL);
  g_return_val_if_fail (column < N_TOTALS, NULL);
  return self->totals ? total_text (self, item, column) : NULL;
}

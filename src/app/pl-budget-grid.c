/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-budget-grid"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-a11y.h"
#include "pl-budget-grid.h"
#include "pl-budget-totals.h"
#include "pl-figures.h"
#include "pl-grid-view.h"
#include "pl-money.h"

/* The columns after the months. */
enum { TOTAL_PLANNED, TOTAL_ACTUAL, TOTAL_VARIANCE, TOTAL_USED, N_TOTALS };

struct _PlBudgetGrid
{
  GtkWidget           parent_instance;

  GtkScrolledWindow  *scrolled;
  GtkColumnView      *view;
  GtkSingleSelection *selection;
  GtkLabel           *footer;
  PlPlan             *plan;
  PlBudgetTotals     *totals;
  GPtrArray          *cells;    /* bound cells of every column, refreshed on each change */
  GPtrArray          *filters;  /* the filters giving each category its lines */
  GHashTable         *placed;   /* line -> the category ID it was filtered under */
  guint32             built_start;
  guint               built_months;
};

G_DEFINE_FINAL_TYPE (PlBudgetGrid, pl_budget_grid, GTK_TYPE_WIDGET)

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

static void
refresh_month (PlBudgetGrid *self, GtkWidget *cell, PlItem *item)
{
  guint month = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month"));
  guint exponent = pl_plan_get_currency_exponent (self->plan);
  gboolean line = PL_IS_BUDGET_LINE (item);
  gint64 amount = line ? pl_budget_totals_line_planned (self->totals, item, (int) month)
                       : pl_budget_totals_planned (self->totals, item, (int) month);
  g_autofree char *text = pl_money_to_display (amount, exponent);

  g_object_set_data (G_OBJECT (cell), "refreshing", GINT_TO_POINTER (TRUE));
  gtk_editable_set_text (GTK_EDITABLE (cell), text);
  g_object_set_data (G_OBJECT (cell), "refreshing", NULL);
  gtk_editable_set_editable (GTK_EDITABLE (cell), line);
  gtk_widget_set_focusable (cell, line);
  gtk_widget_set_can_target (cell, line);
  gtk_widget_remove_css_class (cell, "error");
  gtk_widget_set_tooltip_text (cell, NULL);
  if (line)
    gtk_widget_remove_css_class (cell, "budget-total");
  else
    gtk_widget_add_css_class (cell, "budget-total");
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
    case TOTAL_VARIANCE:
      {
        g_autofree char *text = pl_money_to_display (pl_figures_variance (planned, actual), exponent);
        return actual > planned ? g_strconcat ("+", text, NULL) : g_steal_pointer (&text);
      }
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

  gtk_label_set_label (GTK_LABEL (cell), text);
  if ((column == TOTAL_VARIANCE || column == TOTAL_USED) && actual > planned)
    gtk_widget_add_css_class (cell, "off-target");
  else
    gtk_widget_remove_css_class (cell, "off-target");
  if (PL_IS_CATEGORY (item))
    gtk_widget_add_css_class (cell, "budget-total");
  else
    gtk_widget_remove_css_class (cell, "budget-total");
}

static void
refresh_name (GtkWidget *expander, PlItem *item)
{
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  const char *name = pl_item_get_display_name (item);

  gtk_label_set_label (GTK_LABEL (label), name);
  gtk_widget_set_tooltip_text (label, name);
  if (PL_IS_CATEGORY (item))
    gtk_widget_add_css_class (label, "budget-total");
  else
    gtk_widget_remove_css_class (label, "budget-total");
}

static void
refresh_cell (PlBudgetGrid *self, GtkWidget *cell)
{
  PlItem *item = cell_item (cell);

  if (item == NULL || self->plan == NULL)
    return;
  if (GTK_IS_TREE_EXPANDER (cell))
    refresh_name (cell, item);
  else if (GTK_IS_ENTRY (cell))
    refresh_month (self, cell, item);
  else
    refresh_total (self, cell, item);
}

static void
refresh_footer (PlBudgetGrid *self)
{
  guint exponent = pl_plan_get_currency_exponent (self->plan);
  const char *currency = pl_plan_get_currency (self->plan);
  g_autofree char *planned = pl_money_format (pl_budget_totals_planned (self->totals, NULL, -1), exponent, currency);
  g_autofree char *actual = pl_money_format (pl_budget_totals_actual (self->totals, NULL, -1), exponent, currency);
  g_autofree char *share = NULL;
  double used = pl_figures_percent_used (pl_budget_totals_planned (self->totals, NULL, -1),
                                         pl_budget_totals_actual (self->totals, NULL, -1));
  g_autofree char *text = NULL;

  share = pl_percent_format (isnan (used) ? 0.0 : used * 100, 0);
  /* Translators: the plan's planned total, its actual spend, the share used */
  text = g_strdup_printf (_("Whole plan: %s planned, %s spent (%s used)"), planned, actual, share);
  gtk_label_set_label (self->footer, text);
}

static GtkWidget *
find_cell (PlBudgetGrid *self, guint position, guint month)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->cells, i);
      GtkTreeListRow *row = g_object_get_data (G_OBJECT (cell), "row");

      if (GTK_IS_ENTRY (cell) && row != NULL && gtk_tree_list_row_get_position (row) == position &&
          GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month")) == month)
        return cell;
    }
  return NULL;
}

static gboolean
commit_month (PlBudgetGrid *self, GtkWidget *cell)
{
  PlItem *item = cell_item (cell);
  guint month = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month"));
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gint64 amount;

  if (item == NULL || self->plan == NULL || !PL_IS_BUDGET_LINE (item))
    return TRUE;
  shown = pl_money_to_display (pl_figures_line_planned (PL_BUDGET_LINE (item), (int) month),
                               pl_plan_get_currency_exponent (self->plan));
  if (g_strcmp0 (shown, gtk_editable_get_text (GTK_EDITABLE (cell))) == 0)
    return TRUE;
  if (!pl_money_parse_typed (gtk_editable_get_text (GTK_EDITABLE (cell)), pl_plan_get_currency_exponent (self->plan),
                             &amount, &error) ||
      !pl_plan_set_planned (self->plan, PL_BUDGET_LINE (item), month, amount, &error))
    {
      gtk_widget_add_css_class (cell, "error");
      gtk_widget_set_tooltip_text (cell, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
on_month_activate_cb (GtkEntry *cell, PlBudgetGrid *self)
{
  GtkTreeListRow *row = g_object_get_data (G_OBJECT (cell), "row");
  guint month = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month"));
  guint position;

  if (!commit_month (self, GTK_WIDGET (cell)) || row == NULL)
    return;
  /* Enter goes down, as in a spreadsheet, skipping the category rows in between. */
  position = gtk_tree_list_row_get_position (row);
  for (guint next = position + 1; next < position + 4; next++)
    {
      GtkWidget *below = find_cell (self, next, month);
      if (below != NULL && gtk_widget_get_focusable (below))
        {
          gtk_widget_grab_focus (below);
          return;
        }
    }
}

static void
on_month_leave_cb (GtkEventControllerFocus *focus, PlBudgetGrid *self)
{
  commit_month (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));
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
      GtkEventController *focus = gtk_event_controller_focus_new ();
      cell = gtk_entry_new ();
      gtk_entry_set_has_frame (GTK_ENTRY (cell), FALSE);
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), 7);
      gtk_editable_set_alignment (GTK_EDITABLE (cell), 1.0);
      /* Undo is the plan's (Ctrl+Z reaches the window), not the text field's own. */
      gtk_editable_set_enable_undo (GTK_EDITABLE (cell), FALSE);
      g_object_set_data (G_OBJECT (cell), "month", g_object_get_data (G_OBJECT (factory), "month"));
      g_signal_connect (cell, "activate", G_CALLBACK (on_month_activate_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_month_leave_cb), self);
      gtk_widget_add_controller (cell, focus);
    }
  else
    {
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), 1);
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
  if (GTK_IS_TREE_EXPANDER (cell))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (cell), row);
  if (GTK_IS_ENTRY (cell) && cell_item (cell) != NULL)
    {
      PlItem *item = cell_item (cell);
      /* A screen reader names a cell by its month and its line, as a sighted user reads it. */
      g_autofree char *name = g_strdup_printf (_("%s, %s"), (const char *) g_object_get_data (G_OBJECT (factory), "title"),
                                               pl_item_get_display_name (item));
      pl_a11y_label (cell, name);
    }
  g_ptr_array_add (self->cells, cell);
  refresh_cell (self, cell);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlBudgetGrid *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  /* What was typed is kept when the row scrolls away. */
  if (GTK_IS_ENTRY (cell))
    commit_month (self, cell);
  if (GTK_IS_TREE_EXPANDER (cell))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (cell), NULL);
  g_ptr_array_remove_fast (self->cells, cell);
  g_object_set_data (G_OBJECT (cell), "row", NULL);
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
  static const char *totals[N_TOTALS] = { N_("Total"), N_("Actual"), N_("Variance"), N_("Used") };
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
      column = new_column (self, title, 1, month, 0, 84);
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

static void
on_plan_changed_cb (PlBudgetGrid *self)
{
  pl_budget_totals_refresh (self->totals);
  if (lines_moved (self))
    for (guint i = 0; i < self->filters->len; i++)
      gtk_filter_changed (g_ptr_array_index (self->filters, i), GTK_FILTER_CHANGE_DIFFERENT);
  if (pl_plan_get_start (self->plan) != self->built_start || pl_plan_get_months (self->plan) != self->built_months)
    rebuild_columns (self);
  for (guint i = 0; i < self->cells->len; i++)
    refresh_cell (self, g_ptr_array_index (self->cells, i));
  refresh_footer (self);
}

static void
on_selected_cb (PlBudgetGrid *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* ---- GObject ---- */

static void
pl_budget_grid_dispose (GObject *object)
{
  PlBudgetGrid *self = PL_BUDGET_GRID (object);
  GtkWidget *child;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->plan);
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
pl_budget_grid_init (PlBudgetGrid *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  g_autoptr(GtkColumnViewColumn) name = NULL;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->cells = g_ptr_array_new ();
  self->filters = g_ptr_array_new_with_free_func (g_object_unref);
  self->placed = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selected_cb), self);
  self->view = pl_grid_view_new (GTK_WIDGET (self), g_object_ref (GTK_SELECTION_MODEL (self->selection)), &self->scrolled);
  name = new_column (self, _("Category and line"), 0, 0, 0, 250);
  gtk_column_view_append_column (self->view, name);
  self->footer = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->footer, 1);
  /* The whole plan's figures take two lines in a narrow window rather than widening it. */
  gtk_label_set_wrap (self->footer, TRUE);
  gtk_label_set_justify (self->footer, GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (GTK_WIDGET (self->footer), "heading");
  gtk_widget_set_parent (GTK_WIDGET (self->footer), GTK_WIDGET (self));
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
  /* Unbinding commits pending text into the plan it was typed for. */
  gtk_single_selection_set_model (self->selection, NULL);
  g_ptr_array_set_size (self->filters, 0);
  g_hash_table_remove_all (self->placed);
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
      PlItem *item = GTK_IS_ENTRY (cell) ? cell_item (cell) : NULL;

      if (item == line && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "month")) == month)
        return cell;
    }
  return NULL;
}

char *
pl_budget_grid_get_total_text (PlBudgetGrid *self, PlItem *item, guint column)
{
  g_return_val_if_fail (PL_IS_BUDGET_GRID (self), NULL);
  g_return_val_if_fail (column < N_TOTALS, NULL);
  return self->totals ? total_text (self, item, column) : NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-planning-page"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-a11y.h"
#include "pl-ask-dialog.h"
#include "pl-calendar.h"
#include "pl-chart-menu.h"
#include "pl-chart-theme.h"
#include "pl-dashboard.h"
#include "pl-figures.h"
#include "pl-money.h"
#include "pl-planning-page.h"
#include "pl-spin-typed.h"
#include "pl-projection.h"
#include "pl-records.h"
#include "pl-scenario.h"
#include "pl-scenario-chart.h"

/* The page works on a copy of the drivers: the plan's own (from its history over the
 * default window, as of the dashboard's day) stay beside it as "Plan", and nothing in the
 * plan changes until the user saves the what-if as a scenario. What "keep" means here is
 * only that: a scenario is a named set of assumptions the plan carries, shown and printed
 * side by side; writing a what-if's volumes over the KPIs' targets would overwrite the
 * targets the user typed with figures that move with every measurement, so it is left out. */

/* The rows of the month table, in the order of the issue: the funnel, then the money. */
static const PlProjectionRow table_rows[] = {
  PL_PROJECTION_SPEND, PL_PROJECTION_LEADS, PL_PROJECTION_MQL, PL_PROJECTION_SQL, PL_PROJECTION_CUSTOMERS,
  PL_PROJECTION_REVENUE, PL_PROJECTION_CAC, PL_PROJECTION_LTV_CAC, PL_PROJECTION_ROI,
};
#define N_TABLE_ROWS G_N_ELEMENTS (table_rows)

/* The rows of the back-solve's table: what is needed, then what the budget brings. */
static const PlProjectionRow needed_rows[] = {
  PL_PROJECTION_CUSTOMERS, PL_PROJECTION_SQL, PL_PROJECTION_MQL, PL_PROJECTION_LEADS, PL_PROJECTION_SPEND,
};

enum { VALUE_PLAN, VALUE_WHATIF, VALUE_CHANGE, N_VALUES };

struct _PlPlanningPage
{
  PlPage          parent_instance;

  /* Template widgets */
  GtkStack       *view_stack;
  GtkWidget      *whatif_bar;
  GtkWidget      *window_bar;
  GtkWidget      *goal_bar;
  GtkDropDown    *start_from;
  GtkLabel       *status;
  GtkFlowBox     *drivers;
  GtkSpinButton  *window;
  GtkGrid        *categories;
  GtkLabel       *whatif_summary;
  GtkGrid        *month_table;
  GtkDropDown    *goal_kind;
  GtkSpinButton  *goal_amount;
  GtkSpinButton  *safety;
  GtkLabel       *goal_unit;
  GtkLabel       *backsolve_text;
  GtkGrid        *backsolve_table;
  GtkGrid        *scenario_table;
  GtkDrawingArea *scenario_chart;
  GtkDropDown    *month_measure;
  GtkGrid        *scenario_months;

  /* One editor a driver */
  GtkSpinButton  *driver_spin[PL_N_DRIVERS];
  GtkLabel       *driver_source[PL_N_DRIVERS];
  GtkWidget      *driver_reset[PL_N_DRIVERS];
  /* The month table's value cells: [row][plan, what-if, change][month, then the total] */
  GPtrArray      *cells;
  guint           n_months;
  gboolean        filling;     /* the page sets its editors: not the user's edit */
  gboolean        unsaved;     /* the what-if changed since it was loaded or saved */

  /* Owned references */
  PlPlan         *plan;
  PlProjector    *projector;   /* made again when the plan's structure changes */
  PlDrivers      *base;        /* the plan's drivers from history */
  PlDrivers      *whatif;      /* the copy the user edits */
  PlProjection   *plan_projection;
  PlProjection   *whatif_projection;
  PlScenario     *loaded;      /* the scenario the what-if started from, or NULL */
  GArray         *series;      /* the scenarios side by side (PlScenarioSeries) */
  guint32         as_of;
};

G_DEFINE_FINAL_TYPE (PlPlanningPage, pl_planning_page, PL_TYPE_PAGE)

static void recompute (PlPlanningPage *self);
static void set_status (PlPlanningPage *self, const char *message);

/* The user changed the what-if: it differs from what was loaded or saved. */
static void
edited (PlPlanningPage *self)
{
  self->unsaved = TRUE;
  set_status (self, NULL);
  recompute (self);
}

/* ---- small pieces ---- */

static void
grid_clear (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* A cell of a table, @height rows high: figures right-aligned in tabular digits, headers bold. */
static GtkLabel *
cell_span (GtkGrid *grid, int column, int row, int height, const char *text, gboolean header, gboolean number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  gtk_widget_add_css_class (label, "numeric");
  if (header)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, label, column, row, 1, height);
  return GTK_LABEL (label);
}

static GtkLabel *
cell (GtkGrid *grid, int column, int row, const char *text, gboolean header, gboolean number)
{
  return cell_span (grid, column, row, 1, text, header, number);
}

static void
set_status (PlPlanningPage *self, const char *message)
{
  gtk_label_set_text (self->status, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status), message != NULL);
}

/* @value of @row as the month tables show it, short: "138k", "1.5k", "16.6×". Money goes
 * without its currency, which the row's title carries (row_title()): twelve months and a
 * total fit the page's width. */
static char *
value_text (PlPlanningPage *self, PlProjectionRow row, double value)
{
  if (pl_scenario_chart_is_money (row) && isfinite (value))
    return pl_number_short (value, FALSE);
  /* A projection is an expectation, but "82.5 SQL" reads as a typo to a planner: whole
   * counts from ten up; below ten the tenth still tells 6.5 customers from 6. */
  if (row != PL_PROJECTION_LTV_CAC && row != PL_PROJECTION_ROI && isfinite (value) &&
      fabs (value) >= 10 && fabs (value) < 1000)
    return g_strdup_printf ("%.0f", round (value));
  return pl_scenario_chart_value_text (pl_chart_style_light (), self->plan, row, value, NAN, TRUE);
}

/* @title of a money row with the currency its cells leave out: "Spend (€)". */
static char *
row_title (PlPlanningPage *self, PlProjectionRow row, const char *title)
{
  if (!pl_scenario_chart_is_money (row))
    return g_strdup (title);
  /* Translators: a table row's title and the currency of its amounts, "Spend (€)" */
  return g_strdup_printf (_("%s (%s)"), title, pl_currency_symbol (pl_plan_get_currency (self->plan)));
}

/* The change from @from to @to, signed; empty when there is none. */
static char *
change_text (PlPlanningPage *self, PlProjectionRow row, double from, double to)
{
  g_autofree char *amount = NULL;
  double change = to - from;

  if (!isfinite (change) || fabs (change) < (row == PL_PROJECTION_LTV_CAC || row == PL_PROJECTION_ROI ? 0.005 : 0.5))
    return g_strdup ("");
  amount = value_text (self, row, fabs (change));
  return g_strdup_printf ("%s%s", change > 0 ? "+" : "−", amount);
}

/* The column of month @m (self->n_months: the total) in a table whose figures start at
 * @first: the total first, where it is seen without scrolling sideways, then the months. */
static int
column_of (PlPlanningPage *self, int first, guint m)
{
  return first + (m == self->n_months ? 0 : (int) m + 1);
}

/* The month's short name for a column header ("Jan"). */
static char *
month_name (PlPlan *plan, guint month)
{
  GDate date;
  char name[32];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, pl_plan_month_start (plan, month));
  g_date_strftime (name, sizeof name, "%b", &date);
  return g_strdup (name);
}

static void
month_headers (PlPlanningPage *self, GtkGrid *grid, int first_column, gboolean before)
{
  for (guint m = 0; m < self->n_months; m++)
    {
      g_autofree char *name = month_name (self->plan, m);
      cell (grid, column_of (self, first_column, m) + before, 0, name, TRUE, TRUE);
    }
  cell (grid, first_column, 0, _("Total"), TRUE, TRUE);
  /* What the delays ask for before the period starts, between the total and the months. */
  if (before)
    cell (grid, first_column + 1, 0, _("Before"), TRUE, TRUE);
}

/* ---- the drivers' editors ---- */

/* What the spin button shows for a driver's value: rates and changes in percent. */
static double
shown_scale (PlDriver driver)
{
  return pl_driver_unit (driver) == PL_DRIVER_UNIT_RATE ? 100 : 1;
}

static const char *
unit_text (PlPlanningPage *self, PlDriver driver)
{
  switch (pl_driver_unit (driver))
    {
    case PL_DRIVER_UNIT_MONEY:
      return pl_currency_symbol (pl_plan_get_currency (self->plan));
    case PL_DRIVER_UNIT_DAYS:
      return _("days");
    case PL_DRIVER_UNIT_RATE:
    case PL_DRIVER_UNIT_PERCENT_CHANGE:
    default:
      return "%";
    }
}

/* What the user typed and the page refused, said where it was typed: the goal's fields
 * under the goal, the others at the top of the what-if. */
static void
on_spin_refused_cb (GtkSpinButton *spin, const char *message, gpointer data)
{
  PlPlanningPage *self = data;

  if (spin == self->goal_amount || spin == self->safety)
    gtk_label_set_text (self->backsolve_text, message);
  else
    set_status (self, message);
}

/* Shows the what-if's drivers in their editors, without taking it for the user's edit. */
static void
show_drivers (PlPlanningPage *self)
{
  self->filling = TRUE;
  for (PlDriver d = 0; d < PL_N_DRIVERS; d++)
    {
      PlDriverSource source;
      double value = pl_drivers_get (self->whatif, d, &source);
      g_autofree char *where = pl_drivers_describe_source (self->whatif, self->plan, d);

      if (self->driver_spin[d] == NULL)
        continue;
      gtk_spin_button_set_value (self->driver_spin[d], isfinite (value) ? value * shown_scale (d) : 0);
      gtk_label_set_text (self->driver_source[d], where);
      gtk_widget_set_sensitive (self->driver_reset[d], source == PL_DRIVER_ASSUMED);
    }
  gtk_spin_button_set_value (self->window, pl_drivers_get_window (self->whatif, NULL, NULL));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->categories)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *id = g_object_get_data (G_OBJECT (child), "category");
      if (id != NULL)
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (child), pl_drivers_get_category_change (self->whatif, id));
    }
  self->filling = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planning.reset-all", pl_drivers_has_assumptions (self->whatif));
}

static void
on_driver_changed_cb (GtkSpinButton *spin, PlPlanningPage *self)
{
  PlDriver driver = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "driver"));
  g_autoptr(GError) error = NULL;
  double shown, now;

  if (self->filling || self->whatif == NULL)
    return;
  /* Leaving the field sets it again from its text: a value shown rounded ("11.9" for
   * 11.94 %) is not the user's change. */
  shown = gtk_spin_button_get_value (spin);
  now = pl_drivers_get (self->whatif, driver, NULL) * shown_scale (driver);
  if (isfinite (now) && fabs (shown - now) < 0.5 * pow (10, -(int) gtk_spin_button_get_digits (spin)))
    return;
  if (!pl_drivers_set (self->whatif, driver, shown / shown_scale (driver), &error))
    {
      set_status (self, error->message);
      return;
    }
  edited (self);
}

/* A driver nothing measures shows an empty field (its source says "Not measured"), not a 0
 * the user could take for a measured cost per lead or rate. The field is numeric, so it
 * could not hold the tables' "–". */
static gboolean
driver_missing (PlPlanningPage *self, GtkSpinButton *spin)
{
  PlDriver driver = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "driver"));

  return self->whatif != NULL && gtk_spin_button_get_value (spin) == 0 &&
         !isfinite (pl_drivers_get (self->whatif, driver, NULL));
}

static gboolean
on_driver_output_cb (GtkSpinButton *spin, PlPlanningPage *self)
{
  if (!driver_missing (self, spin))
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (spin), "");
  return TRUE;
}

static void
on_driver_reset_cb (GtkButton *button, PlPlanningPage *self)
{
  PlDriver driver = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "driver"));

  if (self->whatif == NULL)
    return;
  pl_drivers_reset (self->whatif, driver);
  edited (self);
}

/* Each driver's editor: its name, the value and its unit with a button that drops the
 * assumption, and where the value comes from, in a flow of columns as wide as the page. */
static void
build_driver_editors (PlPlanningPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->drivers))) != NULL)
    gtk_flow_box_remove (self->drivers, child);
  for (PlDriver d = 0; d < PL_N_DRIVERS; d++)
    {
      GtkWidget *editor = gtk_grid_new ();
      GtkWidget *name = gtk_label_new (pl_driver_name (d));
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 1, 1);
      GtkWidget *unit = gtk_label_new (unit_text (self, d));
      GtkWidget *reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
      GtkWidget *source = gtk_label_new (NULL);
      g_autofree char *reset_name = g_strdup_printf (_("Reset “%s”"), pl_driver_name (d));

      switch (pl_driver_unit (d))
        {
        case PL_DRIVER_UNIT_MONEY:
          gtk_spin_button_set_range (GTK_SPIN_BUTTON (spin), 0, 1e9);
          gtk_spin_button_set_increments (GTK_SPIN_BUTTON (spin), 1, 10);
          gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
          break;
        case PL_DRIVER_UNIT_RATE:
          gtk_spin_button_set_range (GTK_SPIN_BUTTON (spin), 0, 100);
          gtk_spin_button_set_increments (GTK_SPIN_BUTTON (spin), 0.5, 5);
          gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
          break;
        case PL_DRIVER_UNIT_DAYS:
          gtk_spin_button_set_range (GTK_SPIN_BUTTON (spin), 0, 365);
          gtk_spin_button_set_increments (GTK_SPIN_BUTTON (spin), 1, 15);
          break;
        case PL_DRIVER_UNIT_PERCENT_CHANGE:
        default:
          gtk_spin_button_set_range (GTK_SPIN_BUTTON (spin), -100, 1000);
          gtk_spin_button_set_increments (GTK_SPIN_BUTTON (spin), 5, 10);
          break;
        }
      gtk_grid_set_column_spacing (GTK_GRID (editor), 6);
      gtk_grid_set_row_spacing (GTK_GRID (editor), 2);
      gtk_widget_set_margin_bottom (editor, 8);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (name, pl_driver_name (d));
      gtk_widget_add_css_class (name, "heading");
      gtk_editable_set_width_chars (GTK_EDITABLE (spin), 8);
      gtk_widget_set_hexpand (spin, TRUE);
      g_object_set_data (G_OBJECT (spin), "driver", GUINT_TO_POINTER (d));
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_driver_changed_cb), self);
      g_signal_connect (spin, "output", G_CALLBACK (on_driver_output_cb), self);
      pl_spin_typed_attach (GTK_SPIN_BUTTON (spin), on_spin_refused_cb, self);
      pl_a11y_labelled_by (spin, name);
      gtk_label_set_xalign (GTK_LABEL (unit), 0);
      gtk_label_set_width_chars (GTK_LABEL (unit), 4);
      gtk_widget_add_css_class (reset, "flat");
      gtk_widget_set_tooltip_text (reset, _("Back to the value from history, or the default"));
      pl_a11y_label (reset, reset_name);
      g_object_set_data (G_OBJECT (reset), "driver", GUINT_TO_POINTER (d));
      g_signal_connect (reset, "clicked", G_CALLBACK (on_driver_reset_cb), self);
      gtk_label_set_xalign (GTK_LABEL (source), 0);
      gtk_label_set_ellipsize (GTK_LABEL (source), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (source, "dim-label");
      gtk_widget_add_css_class (source, "caption");
      /* A screen reader hears where the value comes from with the value. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, source, NULL, -1);
      gtk_grid_attach (GTK_GRID (editor), name, 0, 0, 3, 1);
      gtk_grid_attach (GTK_GRID (editor), spin, 0, 1, 1, 1);
      gtk_grid_attach (GTK_GRID (editor), unit, 1, 1, 1, 1);
      gtk_grid_attach (GTK_GRID (editor), reset, 2, 1, 1, 1);
      gtk_grid_attach (GTK_GRID (editor), source, 0, 2, 3, 1);
      gtk_flow_box_append (self->drivers, editor);
      /* Tab goes from value to value, not through the flow's own cells. */
      gtk_widget_set_focusable (gtk_widget_get_parent (editor), FALSE);
      self->driver_spin[d] = GTK_SPIN_BUTTON (spin);
      self->driver_source[d] = GTK_LABEL (source);
      self->driver_reset[d] = reset;
    }
}

static void
on_category_changed_cb (GtkSpinButton *spin, PlPlanningPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (spin), "category");
  g_autoptr(GError) error = NULL;

  if (self->filling || self->whatif == NULL)
    return;
  if (!pl_drivers_set_category_change (self->whatif, id, gtk_spin_button_get_value (spin), &error))
    {
      set_status (self, error->message);
      return;
    }
  edited (self);
}

static void
build_category_editors (PlPlanningPage *self)
{
  GListModel *categories = pl_plan_get_collection (self->plan, PL_COLLECTION_CATEGORIES);
  guint n = g_list_model_get_n_items (categories);

  grid_clear (self->categories);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlItem) category = g_list_model_get_item (categories, i);
      GtkWidget *name = gtk_label_new (pl_item_get_string (category, PL_CATEGORY_NAME));
      GtkWidget *spin = gtk_spin_button_new_with_range (-100, 1000, 5);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (spin), 9);
      pl_spin_typed_attach (GTK_SPIN_BUTTON (spin), on_spin_refused_cb, self);
      g_object_set_data_full (G_OBJECT (spin), "category", g_strdup (pl_item_get_id (category)), g_free);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_category_changed_cb), self);
      pl_a11y_labelled_by (spin, name);
      gtk_grid_attach (self->categories, name, 0, (int) i, 1, 1);
      gtk_grid_attach (self->categories, spin, 1, (int) i, 1, 1);
      gtk_grid_attach (self->categories, gtk_label_new ("%"), 2, (int) i, 1, 1);
    }
  if (n == 0)
    {
      GtkWidget *hint = gtk_label_new (_("The budget has no categories yet."));
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_grid_attach (self->categories, hint, 0, 0, 1, 1);
    }
}

/* ---- the month table: the plan, the what-if and the change ---- */

static GtkLabel *
table_cell (PlPlanningPage *self, guint row, guint value, guint column)
{
  return self->cells->pdata[(row * N_VALUES + value) * (self->n_months + 1) + column];
}

static void
build_month_table (PlPlanningPage *self)
{
  static const char *kinds[N_VALUES] = { N_("Plan"), N_("What-if"), N_("Change") };

  grid_clear (self->month_table);
  g_ptr_array_set_size (self->cells, 0);
  month_headers (self, self->month_table, 2, FALSE);
  for (guint r = 0; r < N_TABLE_ROWS; r++)
    for (guint v = 0; v < N_VALUES; v++)
      {
        int row = 1 + (int) (r * N_VALUES + v);
        GtkLabel *kind = cell (self->month_table, 1, row, _(kinds[v]), FALSE, FALSE);

        if (v == VALUE_PLAN)
          {
            g_autofree char *title = row_title (self, table_rows[r], pl_projection_row_name (table_rows[r]));
            /* The measure's name over its three rows, on two lines if it must: the months
             * keep the width. */
            GtkLabel *name = cell_span (self->month_table, 0, row, N_VALUES, title, TRUE, FALSE);

            gtk_label_set_wrap (name, TRUE);
            gtk_label_set_max_width_chars (name, 9);
            gtk_label_set_width_chars (name, 9);
            gtk_widget_set_valign (GTK_WIDGET (name), GTK_ALIGN_START);
            /* A little air between the measures. */
            if (r > 0)
              {
                gtk_widget_set_margin_top (GTK_WIDGET (name), 8);
                gtk_widget_set_margin_top (GTK_WIDGET (kind), 8);
              }
          }
        if (v == VALUE_CHANGE)
          gtk_widget_add_css_class (GTK_WIDGET (kind), "dim-label");
        for (guint m = 0; m <= self->n_months; m++)
          {
            GtkLabel *value = cell (self->month_table, column_of (self, 2, m), row, "", FALSE, TRUE);

            if (r > 0 && v == VALUE_PLAN)
              gtk_widget_set_margin_top (GTK_WIDGET (value), 8);
            if (v == VALUE_CHANGE)
              gtk_widget_add_css_class (GTK_WIDGET (value), "dim-label");
            if (m == self->n_months)
              gtk_widget_add_css_class (GTK_WIDGET (value), "heading");
            g_ptr_array_add (self->cells, value);
          }
      }
}

static void
show_month_table (PlPlanningPage *self)
{
  for (guint r = 0; r < N_TABLE_ROWS; r++)
    for (guint m = 0; m <= self->n_months; m++)
      {
        int month = m == self->n_months ? PL_PROJECTION_TOTAL : (int) m;
        double plan = pl_projection_get (self->plan_projection, table_rows[r], month);
        double whatif = pl_projection_get (self->whatif_projection, table_rows[r], month);
        g_autofree char *plan_text = value_text (self, table_rows[r], plan);
        g_autofree char *whatif_text = value_text (self, table_rows[r], whatif);
        g_autofree char *change = change_text (self, table_rows[r], plan, whatif);

        gtk_label_set_text (table_cell (self, r, VALUE_PLAN, m), plan_text);
        gtk_label_set_text (table_cell (self, r, VALUE_WHATIF, m), whatif_text);
        gtk_label_set_text (table_cell (self, r, VALUE_CHANGE, m), change);
      }
}

/* The what-if against the plan over the period, in a sentence above the table. */
static void
show_summary (PlPlanningPage *self)
{
  static const PlProjectionRow rows[] = { PL_PROJECTION_CUSTOMERS, PL_PROJECTION_REVENUE, PL_PROJECTION_CAC,
                                          PL_PROJECTION_LTV_CAC };
  char *text[G_N_ELEMENTS (rows) * 2];
  g_autofree char *summary = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      text[2 * i] = pl_scenario_chart_value_text (pl_chart_style_light (), self->plan, rows[i],
                                                  pl_projection_get (self->whatif_projection, rows[i], PL_PROJECTION_TOTAL),
                                                  NAN, FALSE);
      text[2 * i + 1] = pl_scenario_chart_value_text (pl_chart_style_light (), self->plan, rows[i],
                                                      pl_projection_get (self->plan_projection, rows[i], PL_PROJECTION_TOTAL),
                                                      NAN, FALSE);
    }
  if (pl_drivers_has_assumptions (self->whatif))
    /* Translators: the what-if's figures over the period, each with the plan's in brackets */
    summary = g_strdup_printf (_("Over the period, the what-if brings %s new customers (plan %s) and %s of new revenue (plan %s), at a CAC of %s (plan %s) and an LTV:CAC of %s (plan %s)."),
                               text[0], text[1], text[2], text[3], text[4], text[5], text[6], text[7]);
  else
    summary = g_strdup_printf (_("Over the period, the plan’s drivers bring %s new customers and %s of new revenue, at a CAC of %s and an LTV:CAC of %s. Change a driver to see what follows."),
                               text[1], text[3], text[5], text[7]);
  for (guint i = 0; i < G_N_ELEMENTS (text); i++)
    g_free (text[i]);
  gtk_label_set_text (self->whatif_summary, summary);
}

/* ---- the goal ---- */

static PlGoalKind
goal_kind (PlPlanningPage *self)
{
  return gtk_drop_down_get_selected (self->goal_kind) == 1 ? PL_GOAL_CUSTOMERS : PL_GOAL_REVENUE;
}

/* The goal's amount to start from: the what-if's own figure over the period, a little up. */
static void
suggest_goal (PlPlanningPage *self)
{
  PlGoalKind kind = goal_kind (self);
  double now = pl_projection_get (self->whatif_projection,
                                  kind == PL_GOAL_CUSTOMERS ? PL_PROJECTION_CUSTOMERS : PL_PROJECTION_REVENUE,
                                  PL_PROJECTION_TOTAL);
  double step = kind == PL_GOAL_CUSTOMERS ? 1 : 1000;

  gtk_label_set_text (self->goal_unit, kind == PL_GOAL_CUSTOMERS ? _("customers")
                                                                 : pl_currency_symbol (pl_plan_get_currency (self->plan)));
  self->filling = TRUE;
  gtk_spin_button_set_digits (self->goal_amount, 0);
  gtk_spin_button_set_increments (self->goal_amount, step, step * 10);
  gtk_spin_button_set_value (self->goal_amount, isfinite (now) && now > 0 ? ceil (now * 1.2 / step) * step : step * 100);
  self->filling = FALSE;
}

static void
show_backsolve (PlPlanningPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlBacksolve) backsolve = NULL;
  g_autofree char *sentence = NULL;
  gboolean before = FALSE;
  int column = 1;

  grid_clear (self->backsolve_table);
  if (self->projector == NULL)
    return;
  backsolve = pl_projector_backsolve (self->projector, self->whatif, goal_kind (self),
                                      gtk_spin_button_get_value (self->goal_amount),
                                      gtk_spin_button_get_value (self->safety) / 100, &error);
  if (backsolve == NULL)
    {
      gtk_label_set_text (self->backsolve_text, error->message);
      return;
    }
  sentence = pl_backsolve_describe (backsolve, self->plan);
  gtk_label_set_text (self->backsolve_text, sentence);
  for (guint r = 0; r < G_N_ELEMENTS (needed_rows); r++)
    before |= fabs (pl_backsolve_get (backsolve, needed_rows[r], PL_PROJECTION_BEFORE_PERIOD)) >= 0.5;
  month_headers (self, self->backsolve_table, column, before);
  for (guint r = 0; r < G_N_ELEMENTS (needed_rows) + 1; r++)
    {
      gboolean planned = r == G_N_ELEMENTS (needed_rows);
      PlProjectionRow row = planned ? PL_PROJECTION_SPEND : needed_rows[r];
      /* Translators: a row of the back-solve: "Leads needed" */
      g_autofree char *needed = planned ? g_strdup (_("Planned spend")) : g_strdup_printf (_("%s needed"), pl_projection_row_name (row));
      g_autofree char *title = row_title (self, row, needed);
      GtkLabel *name = cell (self->backsolve_table, 0, (int) r + 1, title, TRUE, FALSE);

      if (planned)
        gtk_widget_set_margin_top (GTK_WIDGET (name), 8);
      for (int m = before ? -1 : 0; m <= (int) self->n_months; m++)
        {
          int month = m < 0 ? PL_PROJECTION_BEFORE_PERIOD : m == (int) self->n_months ? PL_PROJECTION_TOTAL : m;
          double value = planned ? (month == PL_PROJECTION_BEFORE_PERIOD ? NAN : pl_projection_get (self->whatif_projection, row, month))
                                 : pl_backsolve_get (backsolve, row, month);
          g_autofree char *text = value_text (self, row, value);
          int at = m < 0 ? column + 1 : column_of (self, column, (guint) m) + (before && m < (int) self->n_months);
          GtkLabel *label = cell (self->backsolve_table, at, (int) r + 1, text, m == (int) self->n_months, TRUE);

          if (planned)
            gtk_widget_set_margin_top (GTK_WIDGET (label), 8);
        }
    }
}

static void
on_goal_changed_cb (GtkWidget *widget, PlPlanningPage *self)
{
  if (!self->filling && self->whatif != NULL)
    show_backsolve (self);
}

static void
on_goal_kind_cb (GtkDropDown *drop_down, GParamSpec *pspec, PlPlanningPage *self)
{
  if (self->whatif == NULL)
    return;
  suggest_goal (self);
  show_backsolve (self);
}

/* ---- the scenarios side by side ---- */

static void
show_scenario_months (PlPlanningPage *self)
{
  PlProjectionRow row = pl_scenario_chart_measures[MIN (gtk_drop_down_get_selected (self->month_measure),
                                                        PL_SCENARIO_CHART_N_MEASURES - 1)];

  grid_clear (self->scenario_months);
  if (self->series == NULL)
    return;
  {
    g_autofree char *title = row_title (self, row, pl_projection_row_name (row));
    cell (self->scenario_months, 0, 0, title, TRUE, FALSE);
  }
  month_headers (self, self->scenario_months, 1, FALSE);
  for (guint i = 0; i < self->series->len; i++)
    {
      const PlScenarioSeries *s = &g_array_index (self->series, PlScenarioSeries, i);

      cell (self->scenario_months, 0, (int) i + 1, s->name, FALSE, FALSE);
      for (guint m = 0; m <= self->n_months; m++)
        {
          g_autofree char *text = value_text (self, row, pl_projection_get (s->projection, row,
                                                                              m == self->n_months ? PL_PROJECTION_TOTAL : (int) m));
          cell (self->scenario_months, column_of (self, 1, m), (int) i + 1, text, m == self->n_months, TRUE);
        }
    }
}

static void
show_scenarios (PlPlanningPage *self)
{
  GListModel *scenarios;

  g_clear_pointer (&self->series, g_array_unref);
  grid_clear (self->scenario_table);
  if (self->plan == NULL)
    return;
  scenarios = pl_plan_get_collection (self->plan, PL_COLLECTION_SCENARIOS);
  self->series = pl_scenario_series_new (self->plan, self->as_of);
  /* The what-if not saved yet compares with the others before the user names it. */
  if (self->unsaved && (pl_drivers_has_assumptions (self->whatif) || self->loaded != NULL))
    pl_scenario_series_add (self->series, _("What-if (not saved)"), pl_projection_copy (self->whatif_projection));
  cell (self->scenario_table, 0, 0, _("Scenario"), TRUE, FALSE);
  for (guint k = 0; k < PL_SCENARIO_CHART_N_MEASURES; k++)
    cell (self->scenario_table, 1 + (int) k, 0, pl_projection_row_name (pl_scenario_chart_measures[k]), TRUE, TRUE);
  for (guint i = 0; i < self->series->len; i++)
    {
      const PlScenarioSeries *s = &g_array_index (self->series, PlScenarioSeries, i);
      GtkLabel *name = cell (self->scenario_table, 0, (int) i + 1, s->name, FALSE, FALSE);

      /* A saved scenario (after Base, in the plan's order) says what it assumes. */
      if (i > 0 && i <= g_list_model_get_n_items (scenarios))
        {
          g_autoptr(PlItem) scenario = g_list_model_get_item (scenarios, i - 1);
          g_autoptr(PlDrivers) drivers = pl_scenario_get_drivers (PL_SCENARIO (scenario), self->plan, self->as_of);
          g_autofree char *assumed = pl_scenario_chart_assumptions_text (self->plan, drivers, FALSE);

          gtk_widget_set_tooltip_text (GTK_WIDGET (name), assumed);
        }
      for (guint k = 0; k < PL_SCENARIO_CHART_N_MEASURES; k++)
        {
          PlProjectionRow row = pl_scenario_chart_measures[k];
          g_autofree char *text = pl_scenario_chart_value_text (pl_chart_style_light (), self->plan, row,
                                                                pl_projection_get (s->projection, row, PL_PROJECTION_TOTAL),
                                                                NAN, FALSE);
          cell (self->scenario_table, 1 + (int) k, (int) i + 1, text, FALSE, TRUE);
        }
    }
  show_scenario_months (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->scenario_chart));
}

static void
on_month_measure_cb (GtkDropDown *drop_down, GParamSpec *pspec, PlPlanningPage *self)
{
  show_scenario_months (self);
}

static gboolean
view_shown (PlPlanningPage *self, const char *name)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), name) == 0;
}

static void
on_view_changed_cb (GtkStack *stack, GParamSpec *pspec, PlPlanningPage *self)
{
  if (self->whatif == NULL)
    return;
  if (view_shown (self, "goal"))
    show_backsolve (self);
  if (view_shown (self, "scenarios"))
    show_scenarios (self);
}

static void
draw_scenarios_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PlPlanningPage *self = data;
  g_autofree char *summary = NULL;

  if (self->series == NULL)
    return;
  pl_chart_theme_zoom (cr, &width, &height);
  summary = pl_scenario_chart_draw (self->plan, self->series, cr, width, height,
                                    pl_chart_theme_for_widget (GTK_WIDGET (area)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
}

/* ---- following the drivers ---- */

/* The what-if's figures again, after any change of its drivers: cheap, the projector is kept. */
static void
recompute (PlPlanningPage *self)
{
  if (self->projector == NULL)
    return;
  pl_projector_forward_into (self->projector, self->whatif, self->whatif_projection);
  show_drivers (self);
  show_month_table (self);
  show_summary (self);
  /* The other views follow when they are shown. */
  if (view_shown (self, "goal"))
    show_backsolve (self);
  if (view_shown (self, "scenarios"))
    show_scenarios (self);
}

/* Puts @from's assumptions on @to: the user's what-if survives a new history window and new
 * measurements. */
static void
carry_assumptions (PlDrivers *to, const PlDrivers *from)
{
  g_auto(GStrv) categories = pl_drivers_list_category_changes (from);

  for (PlDriver d = 0; d < PL_N_DRIVERS; d++)
    {
      PlDriverSource source;
      double value = pl_drivers_get (from, d, &source);

      if (source == PL_DRIVER_ASSUMED)
        pl_drivers_set (to, d, value, NULL);
    }
  for (guint i = 0; categories[i] != NULL; i++)
    pl_drivers_set_category_change (to, categories[i], pl_drivers_get_category_change (from, categories[i]), NULL);
}

/* The what-if's drivers from history over @window months, its assumptions kept. */
static void
renew_whatif (PlPlanningPage *self, guint window)
{
  PlDrivers *renewed = pl_drivers_new_from_plan (self->plan, window, self->as_of);

  if (self->whatif != NULL)
    carry_assumptions (renewed, self->whatif);
  g_clear_pointer (&self->whatif, pl_drivers_free);
  self->whatif = renewed;
}

static void
on_window_changed_cb (GtkSpinButton *spin, PlPlanningPage *self)
{
  if (self->filling || self->whatif == NULL)
    return;
  renew_whatif (self, (guint) gtk_spin_button_get_value_as_int (spin));
  edited (self);
}

static void
reset_all_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  PlPlanningPage *self = PL_PLANNING_PAGE (widget);

  if (self->whatif == NULL)
    return;
  g_clear_pointer (&self->whatif, pl_drivers_free);
  renew_whatif (self, PL_DRIVERS_DEFAULT_WINDOW);
  /* Back to the plan's drivers: a loaded scenario's assumptions are now dropped. */
  self->unsaved = self->loaded != NULL;
  set_status (self, NULL);
  recompute (self);
}

/* ---- scenarios: starting from one, saving ---- */

static void on_start_from_cb (GtkDropDown *drop_down, GParamSpec *pspec, PlPlanningPage *self);

/* The choices of "Start from": the plan's drivers, then each scenario; the loaded one chosen. */
static void
fill_start_from (PlPlanningPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *scenarios = pl_plan_get_collection (self->plan, PL_COLLECTION_SCENARIOS);
  guint chosen = 0;

  gtk_string_list_append (names, _("The plan’s drivers"));
  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(PlItem) scenario = g_list_model_get_item (scenarios, i);

      gtk_string_list_append (names, pl_item_get_string (scenario, PL_SCENARIO_NAME));
      if (scenario == PL_ITEM (self->loaded))
        chosen = i + 1;
    }
  /* A loaded scenario deleted (or undone) leaves the what-if as it is, loaded from nothing. */
  if (chosen == 0)
    g_clear_object (&self->loaded);
  g_signal_handlers_block_by_func (self->start_from, on_start_from_cb, self);
  gtk_drop_down_set_model (self->start_from, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->start_from, chosen);
  g_signal_handlers_unblock_by_func (self->start_from, on_start_from_cb, self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planning.update-scenario", self->loaded != NULL);
}

static void
on_start_from_cb (GtkDropDown *drop_down, GParamSpec *pspec, PlPlanningPage *self)
{
  guint chosen = gtk_drop_down_get_selected (drop_down);

  if (self->plan == NULL || chosen == GTK_INVALID_LIST_POSITION)
    return;
  g_clear_object (&self->loaded);
  g_clear_pointer (&self->whatif, pl_drivers_free);
  if (chosen == 0)
    renew_whatif (self, PL_DRIVERS_DEFAULT_WINDOW);
  else
    {
      self->loaded = g_list_model_get_item (pl_plan_get_collection (self->plan, PL_COLLECTION_SCENARIOS), chosen - 1);
      self->whatif = pl_scenario_get_drivers (self->loaded, self->plan, self->as_of);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planning.update-scenario", self->loaded != NULL);
  self->unsaved = FALSE;
  set_status (self, NULL);
  recompute (self);
}

static gboolean
save_scenario_done (gpointer owner, const char *text, guint choice, GError **error)
{
  PlPlanningPage *self = owner;
  g_autofree char *name = g_strstrip (g_strdup (text));
  PlScenario *scenario;

  if (self->plan == NULL)
    return TRUE;
  /* Saved before the plan says it changed, so that the page it refreshes shows it saved. */
  self->unsaved = FALSE;
  scenario = pl_scenario_add (self->plan, name, self->whatif, error);
  if (scenario == NULL)
    {
      self->unsaved = TRUE;
      return FALSE;
    }
  /* The what-if is now that scenario: "Update Scenario" writes to it. */
  g_set_object (&self->loaded, scenario);
  fill_start_from (self);
  set_status (self, NULL);
  return TRUE;
}

static void
save_scenario_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  PlPlanningPage *self = PL_PLANNING_PAGE (widget);

  if (self->plan == NULL)
    return;
  pl_ask_dialog_present (widget, _("Save as Scenario"),
                         _("The plan keeps the drivers you changed under this name; the others follow its history."),
                         "", NULL, _("_Save"), save_scenario_done, self);
}

static void
update_scenario_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  PlPlanningPage *self = PL_PLANNING_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL || self->loaded == NULL)
    return;
  self->unsaved = FALSE;
  if (!pl_scenario_set_drivers (self->plan, self->loaded, self->whatif, &error))
    {
      self->unsaved = TRUE;
      set_status (self, error->message);
    }
}

/* ---- large text ---- */

/* At large text the bars of buttons stand in a column and the drivers one a row, so that the
 * page fits a narrow window without scrolling sideways. */
static void
stack_for_large_text (GtkWidget *widget)
{
  PlPlanningPage *self = PL_PLANNING_PAGE (widget);
  GtkWidget *bars[] = { self->whatif_bar, self->window_bar, self->goal_bar };

  for (guint i = 0; i < G_N_ELEMENTS (bars); i++)
    {
      GtkWidget *bar = bars[i];

      gtk_orientable_set_orientation (GTK_ORIENTABLE (bar), GTK_ORIENTATION_VERTICAL);
      for (GtkWidget *child = gtk_widget_get_first_child (bar); child != NULL; child = gtk_widget_get_next_sibling (child))
        gtk_widget_set_halign (child, GTK_ALIGN_START);
    }
  gtk_flow_box_set_min_children_per_line (self->drivers, 1);
}

/* ---- PlPage ---- */

/* What the projector is made from: the KPIs and their links, the budget, the period (in the
 * metadata). Other edits only move the drivers from history. */
static PlChangeMask
structure_mask (void)
{
  return PL_CHANGE_METADATA | pl_change_for_collection (PL_COLLECTION_KPIS) | pl_change_for_collection (PL_COLLECTION_KPI_LINKS) |
         pl_change_for_collection (PL_COLLECTION_LINES) | pl_change_for_collection (PL_COLLECTION_CATEGORIES);
}

/* The projection runs on measured rates (cost per lead, each stage's conversion): with none
 * it has nothing to start from. */
static gboolean
pl_planning_page_is_empty (PlPage *page)
{
  return !pl_figures_any_measured (PL_PLANNING_PAGE (page)->plan);
}

static void
pl_planning_page_bind (PlPage *page, PlPlan *plan)
{
  PlPlanningPage *self = PL_PLANNING_PAGE (page);

  g_set_object (&self->plan, plan);
  g_clear_pointer (&self->projector, pl_projector_free);
  g_clear_pointer (&self->base, pl_drivers_free);
  g_clear_pointer (&self->whatif, pl_drivers_free);
  g_clear_pointer (&self->plan_projection, pl_projection_free);
  g_clear_pointer (&self->whatif_projection, pl_projection_free);
  g_clear_pointer (&self->series, g_array_unref);
  g_clear_object (&self->loaded);
  self->unsaved = FALSE;
  if (plan == NULL)
    {
      grid_clear (self->month_table);
      grid_clear (self->backsolve_table);
      grid_clear (self->scenario_table);
      grid_clear (self->scenario_months);
      g_ptr_array_set_size (self->cells, 0);
      return;
    }
  build_driver_editors (self);
}

static void
pl_planning_page_refresh (PlPage *page, PlChangeMask change)
{
  PlPlanningPage *self = PL_PLANNING_PAGE (page);
  gboolean first = self->projector == NULL;

  self->as_of = pl_dashboard_resolve_as_of (self->plan, pl_calendar_today ());
  if (first || (change & structure_mask ()) != 0)
    {
      g_clear_pointer (&self->projector, pl_projector_free);
      g_clear_pointer (&self->whatif_projection, pl_projection_free);
      self->projector = pl_projector_new (self->plan);
      self->n_months = pl_plan_get_months (self->plan);
      build_category_editors (self);
      build_month_table (self);
    }
  /* New measurements move the drivers from history, under the user's assumptions. */
  g_clear_pointer (&self->base, pl_drivers_free);
  self->base = pl_drivers_new_from_plan (self->plan, PL_DRIVERS_DEFAULT_WINDOW, self->as_of);
  renew_whatif (self, self->whatif != NULL ? pl_drivers_get_window (self->whatif, NULL, NULL) : PL_DRIVERS_DEFAULT_WINDOW);
  g_clear_pointer (&self->plan_projection, pl_projection_free);
  self->plan_projection = pl_projector_forward (self->projector, self->base);
  if (self->whatif_projection == NULL)
    self->whatif_projection = pl_projector_forward (self->projector, self->whatif);
  if (first || (change & pl_change_for_collection (PL_COLLECTION_SCENARIOS)) != 0)
    fill_start_from (self);
  if (first)
    suggest_goal (self);
  recompute (self);
}

/* ---- GObject ---- */

static void
pl_planning_page_dispose (GObject *object)
{
  PlPlanningPage *self = PL_PLANNING_PAGE (object);
  GtkWidget *child;

  pl_planning_page_bind (PL_PAGE (self), NULL);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PLANNING_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pl_planning_page_parent_class)->dispose (object);
}

static void
pl_planning_page_class_init (PlPlanningPageClass *klass)
{
  static const char * const charts[] = { "scenarios", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PlPageClass *page_class = PL_PAGE_CLASS (klass);

  object_class->dispose = pl_planning_page_dispose;
  page_class->bind = pl_planning_page_bind;
  page_class->refresh = pl_planning_page_refresh;
  page_class->is_empty = pl_planning_page_is_empty;
  pl_page_class_set_title (page_class, N_("Planning"));
  pl_page_class_set_empty_state (page_class, N_("Nothing to Project From Yet"),
                                 N_("Planning projects the year, and the budget a goal needs, from the rates you measure such as the cost per lead: it starts from a few months of measured spend and leads."),
                                 N_("_Enter Figures on the KPIs Page"), "win.show-page::kpis",
                                 N_("_Import Measurements…"), "win.import-measurements");
  /* The drivers come from the measurements and the spend; the chain from the KPIs, their
   * links, the budget's lines and categories and the period. */
  pl_page_class_set_shows (page_class, structure_mask () | pl_change_for_collection (PL_COLLECTION_CAMPAIGNS) |
                                       pl_change_for_collection (PL_COLLECTION_CAMPAIGN_KPIS) |
                                       pl_change_for_collection (PL_COLLECTION_ALLOCATIONS) |
                                       pl_change_for_collection (PL_COLLECTION_SPEND) |
                                       pl_change_for_collection (PL_COLLECTION_SCENARIOS));
  pl_page_class_set_charts (page_class, charts);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-planning-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, whatif_bar);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, window_bar);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, goal_bar);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, start_from);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, status);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, drivers);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, window);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, categories);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, whatif_summary);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, month_table);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, goal_kind);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, goal_amount);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, safety);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, goal_unit);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, backsolve_text);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, backsolve_table);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, scenario_table);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, scenario_chart);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, month_measure);
  gtk_widget_class_bind_template_child (widget_class, PlPlanningPage, scenario_months);
  gtk_widget_class_bind_template_callback (widget_class, on_window_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_changed_cb);
  gtk_widget_class_install_action (widget_class, "planning.save-scenario", NULL, save_scenario_action);
  gtk_widget_class_install_action (widget_class, "planning.update-scenario", NULL, update_scenario_action);
  gtk_widget_class_install_action (widget_class, "planning.reset-all", NULL, reset_all_action);
}

static void
pl_planning_page_init (PlPlanningPage *self)
{
  g_autoptr(GtkStringList) goals = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) measures = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cells = g_ptr_array_new ();
  pl_spin_typed_attach (self->window, on_spin_refused_cb, self);
  pl_spin_typed_attach (self->goal_amount, on_spin_refused_cb, self);
  pl_spin_typed_attach (self->safety, on_spin_refused_cb, self);
  gtk_string_list_append (goals, _("New revenue"));
  gtk_string_list_append (goals, _("New customers"));
  gtk_drop_down_set_model (self->goal_kind, G_LIST_MODEL (goals));
  g_signal_connect (self->goal_kind, "notify::selected", G_CALLBACK (on_goal_kind_cb), self);
  g_signal_connect (self->start_from, "notify::selected", G_CALLBACK (on_start_from_cb), self);
  for (guint k = 0; k < PL_SCENARIO_CHART_N_MEASURES; k++)
    gtk_string_list_append (measures, pl_projection_row_name (pl_scenario_chart_measures[k]));
  gtk_drop_down_set_model (self->month_measure, G_LIST_MODEL (measures));
  g_signal_connect (self->month_measure, "notify::selected", G_CALLBACK (on_month_measure_cb), self);
  g_signal_connect (self->view_stack, "notify::visible-child-name", G_CALLBACK (on_view_changed_cb), self);
  gtk_drawing_area_set_draw_func (self->scenario_chart, draw_scenarios_cb, self, NULL);
  pl_chart_theme_grow_with_text (self->scenario_chart);
  pl_chart_menu_attach (GTK_WIDGET (self->scenario_chart), "scenarios");
  pl_a11y_name_inner_buttons (GTK_WIDGET (self));
  pl_a11y_when_large_text (GTK_WIDGET (self), stack_for_large_text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planning.update-scenario", FALSE);
}

const PlDrivers *
pl_planning_page_get_whatif (PlPlanningPage *self)
{
  g_return_val_if_fail (PL_IS_PLANNING_PAGE (self), NULL);
  return self->whatif;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-chart-table"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-chart-catalog.h"
#include "pl-chart-table.h"
#include "pl-dashboard.h"
#include "pl-figures.h"
#include "pl-kpi-value.h"
#include "pl-money.h"
#include "pl-records.h"

static void
add_row (GPtrArray *rows, ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;
  const char *cell;

  va_start (args, rows);
  while ((cell = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, cell);
  va_end (args);
  g_ptr_array_add (rows, g_strv_builder_end (builder));
}

static char *
money (PlPlan *plan, gint64 amount)
{
  return pl_money_format (amount, pl_plan_get_currency_exponent (plan), pl_plan_get_currency (plan));
}

static char *
kpi_figure (PlKpi *kpi, double value)
{
  return isnan (value) ? g_strdup ("—") : pl_kpi_value_format (kpi, value);
}

/* The words of the one status rule, as the charts, the report and the CLI say them. */
static const char *
status_text (PlKpiStatus status)
{
  return pl_kpi_status_describe (status);
}

/* The month the dashboard shows, as [from, to). */
static void
latest_month (PlPlan *plan, guint32 today, guint32 *from, guint32 *to)
{
  GDate date;

  g_date_set_julian (&date, pl_dashboard_resolve_as_of (plan, today));
  g_date_set_day (&date, 1);
  *from = g_date_get_julian (&date);
  g_date_add_months (&date, 1);
  *to = g_date_get_julian (&date);
}

/* The chain: every KPI, its latest month against its target. */
static void
chain_rows (GPtrArray *rows, PlPlan *plan, guint32 today)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  guint32 from, to;

  latest_month (plan, today, &from, &to);
  add_row (rows, _("KPI"), _("Latest"), _("Target"), _("Status"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlKpi) kpi = g_list_model_get_item (kpis, i);
      g_autofree char *latest = kpi_figure (kpi, pl_figures_kpi_value (plan, kpi, from, to));
      g_autofree char *target = kpi_figure (kpi, pl_figures_kpi_target (plan, kpi, from, to));

      add_row (rows, pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME), latest, target,
               status_text (pl_figures_kpi_status (plan, kpi, from, to)), NULL);
    }
}

/* The funnel: each stage from the start of the period to date, and its rate from the stage before. */
static void
funnel_rows (GPtrArray *rows, PlPlan *plan, guint32 today)
{
  /* The same months as the chart it stands for: the dashboard's measured months. */
  g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, pl_dashboard_resolve_as_of (plan, today));
  PlFunnelStage stages[PL_FUNNEL_MAX_STAGES];
  guint n = pl_figures_funnel (plan, &dashboard->measured_basis, stages);

  add_row (rows, _("Stage"), _("Actual"), C_("planned figure", "Plan"), _("Rate"), NULL);
  for (guint i = 0; i < n; i++)
    {
      PlKpi *kpi = stages[i].kpi;
      g_autofree char *actual_text = kpi_figure (kpi, stages[i].actual.value);
      g_autofree char *plan_text = kpi_figure (kpi, stages[i].target.value);
      g_autofree char *rate = isnan (stages[i].rate.value) ? g_strdup ("—") : pl_percent_format (stages[i].rate.value * 100, 1);

      add_row (rows, pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME), actual_text, plan_text, rate, NULL);
    }
}

/* The budget by month, planned against actual. */
static void
month_rows (GPtrArray *rows, PlPlan *plan)
{
  GDate date;

  add_row (rows, _("Month"), _("Planned"), _("Actual"), NULL);
  g_date_set_julian (&date, pl_plan_get_start (plan));
  for (guint m = 0; m < pl_plan_get_months (plan); m++)
    {
      char name[64];
      g_autofree char *planned = money (plan, pl_figures_planned (plan, (int) m));
      g_autofree char *actual = money (plan, pl_figures_actual (plan, (int) m));

      g_date_strftime (name, sizeof name, "%B %Y", &date);
      add_row (rows, name, planned, actual, NULL);
      g_date_add_months (&date, 1);
    }
}

/* The budget by category over the whole period, planned against actual. */
static void
category_rows (GPtrArray *rows, PlPlan *plan)
{
  GListModel *categories = pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES);

  add_row (rows, _("Category"), _("Planned"), _("Actual"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(PlCategory) category = g_list_model_get_item (categories, i);
      g_autofree char *planned = money (plan, pl_figures_category_planned (plan, category, -1));
      g_autofree char *actual = money (plan, pl_figures_category_actual (plan, category, -1));

      add_row (rows, pl_item_get_display_name (PL_ITEM (category)), planned, actual, NULL);
    }
}

/* Any other chart: its text summary, which already holds its figures, a sentence a row. */
static void
summary_rows (GPtrArray *rows, PlPlan *plan, const char *chart, guint32 today)
{
  double width = 800, height = 600;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *summary = NULL;
  g_auto(GStrv) sentences = NULL;

  pl_chart_catalog_size (plan, chart, &width, &height, NULL);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  summary = pl_chart_catalog_draw (plan, chart, today, cr, width, height, pl_chart_style_light (), NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  add_row (rows, _("Figures"), NULL);
  sentences = g_regex_split_simple ("(?<=[.:;])\\s+", summary != NULL ? summary : "", 0, 0);
  for (guint i = 0; sentences[i] != NULL; i++)
    if (*g_strstrip (sentences[i]) != '\0')
      add_row (rows, sentences[i], NULL);
}

GPtrArray *
pl_chart_table_rows (PlPlan *plan, const char *chart, guint32 today)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_return_val_if_fail (PL_IS_PLAN (plan), rows);
  if (g_str_equal (chart, "chain"))
    chain_rows (rows, plan, today);
  else if (g_str_equal (chart, "funnel"))
    funnel_rows (rows, plan, today);
  else if (g_str_equal (chart, "budget") || g_str_equal (chart, "burn"))
    month_rows (rows, plan);
  else if (g_str_equal (chart, "categories"))
    category_rows (rows, plan);
  else
    summary_rows (rows, plan, chart, today);
  return rows;
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));

  /* The first column names the row; the figures after it line up on the right. */
  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkStringList *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  const char *text = gtk_string_list_get_string (row, column);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

void
pl_chart_table_show (GtkWindow *parent, PlPlan *plan, const char *chart, guint32 today)
{
  g_autoptr(GPtrArray) rows = pl_chart_table_rows (plan, chart, today);
  const PlChartKind *kind = pl_chart_catalog_lookup (chart);
  GListStore *store = g_list_store_new (GTK_TYPE_STRING_LIST);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view;
  const char * const *titles;
  g_autofree char *title = NULL;

  g_return_if_fail (rows->len > 0);
  titles = g_ptr_array_index (rows, 0);
  for (guint i = 1; i < rows->len; i++)
    {
      g_autoptr(GtkStringList) row = gtk_string_list_new (g_ptr_array_index (rows, i));
      g_list_store_append (store, row);
    }
  /* Single selection: the arrow keys move a row at a time and a screen reader reads it. */
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (store))));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  for (guint c = 0; titles[c] != NULL; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
      column = gtk_column_view_column_new (titles[c], factory);
      gtk_column_view_column_set_expand (column, c == 0);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }
  /* Translators: the title of the window that shows a chart's figures as a table */
  title = g_strdup_printf (_("%s: Data"), kind != NULL ? _(kind->title) : chart);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 480);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  /* Escape closes it, as it does a dialog. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, shortcuts);
  }
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (view);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Campaign results in the window (issue 25), on the round campaigns of
 * tests/data/results/round-campaigns.pilote (figures worked by hand in
 * tests/core/test-campaign-results.c): the campaigns list sorted by each figure column by
 * clicking its title, both ways, what is not available last; a result typed into a
 * campaign's grid, refused, pasted and undone; the code field; a reallocation hint kept and
 * undone; the KPI page's attribution line. Writes screenshots, in the language it runs in. */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pl-basis.h"
#include "pl-campaign-figures-text.h"
#include "pl-campaign-hints.h"
#include "pl-campaign-results-grid.h"
#include "pl-campaign-results.h"
#include "pl-campaigns-page.h"
#include "pl-cell-editor.h"
#include "pl-cell-grid.h"
#include "pl-figures.h"
#include "pl-kpis-page.h"
#include "pl-test-util.h"
#include "pl-tooltip.h"

typedef struct {
  char      *dir;
  PlWindow  *window;
  PlPlan    *plan;
  GtkWidget *page;
} Fixture;

/* A screenshot named for the language it shows ("campaign-results-list-fr"). */
static void
shot (Fixture *f, const char *name)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *full = g_strdup_printf ("campaign-results-%s-%s", name, language && *language ? language : "c");

  pl_test_screenshot (GTK_WIDGET (f->window), full);
}

/* Scrolls the scrolled window around @widget so that @widget is near its top. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t top = GRAPHENE_POINT_INIT (0, 0), at;

  pl_test_wait_drawn (widget);
  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)), &top, &at));
  gtk_adjustment_set_value (adjustment, at.y - 60);
  pl_test_wait_drawn (widget);
}

static void
fixture_open (Fixture *f)
{
  g_autofree char *path = NULL;

  f->dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  path = pl_test_copy_plan (f->dir, "tests/data/results/round-campaigns.pilote", "plan.pilote");
  f->window = pl_test_open_in_window (path);
  f->plan = pl_document_get_plan (pl_window_get_document (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "campaigns");
  pl_test_spin ();
  f->page = pl_test_find_widget (GTK_WIDGET (f->window), PL_TYPE_CAMPAIGNS_PAGE);
  g_assert_nonnull (f->page);
}

static void
fixture_close (Fixture *f)
{
  /* Nothing to save: the window goes without asking. */
  while (pl_plan_can_undo (f->plan))
    pl_plan_undo (f->plan);
  gtk_window_destroy (GTK_WINDOW (f->window));
  pl_test_spin ();
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* The campaigns' names in the list's order, joined by commas. */
static char *
list_order (Fixture *f)
{
  GtkColumnView *list = GTK_COLUMN_VIEW (pl_test_find_by_id (f->page, "list"));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (list));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (model, i);
      g_string_append_printf (names, "%s%s", i ? "," : "", pl_item_get_string (campaign, PL_CAMPAIGN_NAME));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* @label's text on one line: a column title may be broken over two. */
static char *
one_line (GtkWidget *label)
{
  g_autofree char *text = g_strdup (gtk_label_get_label (GTK_LABEL (label)));

  return g_strdelimit (g_steal_pointer (&text), "\n", ' ');
}

/* The title of the list's column @column, as a user clicks it. */
static GtkWidget *
column_title (Fixture *f, PlCampaignColumn column)
{
  g_autofree char *title = pl_campaign_column_title (f->plan, column);
  GtkWidget *list = pl_test_find_by_id (f->page, "list");
  /* The column titles are the labels of the column view's first child, its header. */
  GtkWidget *header = gtk_widget_get_first_child (list);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, header);
  while (stack->len > 0)
    {
      GtkWidget *node = g_ptr_array_steal_index (stack, stack->len - 1);
      g_autofree char *text = GTK_IS_LABEL (node) ? one_line (node) : NULL;

      if (g_strcmp0 (text, title) == 0 && gtk_widget_is_drawable (node))
        return node;
      for (GtkWidget *c = gtk_widget_get_first_child (node); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_error ("no column titled “%s”", title);
  return NULL;
}

/* Clicks a column's title with the real pointer. */
static void
click_title (Fixture *f, PlCampaignColumn title)
{
  GtkWidget *label = column_title (f, title);
  double x = gtk_widget_get_width (label) / 2.0, y = gtk_widget_get_height (label) / 2.0;

  pl_test_pointer_drag (label, x, y, x, y);
  pl_test_wait_ms (150);
}

static void
check_sorted (Fixture *f, PlCampaignColumn title, const char *ascending, const char *descending)
{
  g_autofree char *up = NULL, *down = NULL;

  click_title (f, title);
  up = list_order (f);
  g_assert_cmpstr (up, ==, ascending);
  click_title (f, title);
  down = list_order (f);
  g_assert_cmpstr (down, ==, descending);
}

static PlCampaignKpi *
link_of (PlPlan *plan, const char *id)
{
  return PL_CAMPAIGN_KPI (pl_plan_lookup (plan, id));
}

static void
test_list_sorted (void)
{
  Fixture f = { 0 };
  GtkWidget *caption;
  g_autofree char *expected_caption = NULL;
  g_autofree char *after_edit = NULL;
  PlBasis basis;

  fixture_open (&f);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (pl_test_find_by_id (f.page, "view_results")), TRUE);
  pl_test_wait_drawn (f.page);

  /* The basis, said once above the list: the dashboard's to date. */
  basis = pl_campaign_figures_basis (f.plan);
  expected_caption = pl_campaign_figures_caption (f.plan, &basis);
  caption = pl_test_find_by_id (f.page, "basis_caption");
  g_assert_true (gtk_widget_get_visible (caption));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (caption)), ==, expected_caption);
  g_assert_nonnull (strstr (expected_caption, "2027"));

  /* By the drop-down's order (start date, then name) until a title is clicked. */
  {
    g_autofree char *order = list_order (&f);
    g_assert_cmpstr (order, ==, "Brand video,Retargeting,Social ads,Trade show,Webinars");
  }
  /* Budgets 4,000 / 25,000 / 8,000 / 6,000 / 10,000. */
  check_sorted (&f, PL_CAMPAIGN_COLUMN_BUDGET, "Brand video,Trade show,Social ads,Webinars,Retargeting",
                "Retargeting,Webinars,Social ads,Trade show,Brand video");
  /* Spent 1,000 / 12,000 / 4,000 / 0 / 4,000: a tie keeps the names' order both ways. */
  check_sorted (&f, PL_CAMPAIGN_COLUMN_SPENT, "Trade show,Brand video,Social ads,Webinars,Retargeting",
                "Retargeting,Social ads,Webinars,Brand video,Trade show");
  /* Against expected: 0 / 3 customers, 20 / 30 leads, 40 / 50 leads, 4 / 5 customers; Brand
   * video counts nothing (its only KPI is a ratio): last, both ways. */
  check_sorted (&f, PL_CAMPAIGN_COLUMN_RESULT, "Retargeting,Trade show,Social ads,Webinars,Brand video",
                "Social ads,Webinars,Trade show,Retargeting,Brand video");
  /* Cost per result: Trade show 0 (nothing spent), Social 100, Webinars 1,000; Brand video
   * and Retargeting (0 customers) not available. */
  check_sorted (&f, PL_CAMPAIGN_COLUMN_COST, "Trade show,Social ads,Webinars,Brand video,Retargeting",
                "Webinars,Social ads,Trade show,Brand video,Retargeting");
  /* ROI: Social ads -50 % (2,000 of revenue for 4,000 spent), Webinars 200 %; the others
   * have no revenue or spent nothing. */
  check_sorted (&f, PL_CAMPAIGN_COLUMN_ROI, "Social ads,Webinars,Brand video,Retargeting,Trade show",
                "Webinars,Social ads,Brand video,Retargeting,Trade show");
  shot (&f, "list");

  /* The sort survives an edit that changes the figures: Webinars' revenue taken down to
   * 1,000 (ROI -75 %) moves it below Social ads, the column still sorted descending. */
  pl_plan_set_result (f.plan, link_of (f.plan, "ck-web-revenue"), pl_plan_month_start (f.plan, 0), 0, NULL);
  pl_plan_set_result (f.plan, link_of (f.plan, "ck-web-revenue"), pl_plan_month_start (f.plan, 1), 1000, NULL);
  pl_test_spin ();
  after_edit = list_order (&f);
  g_assert_cmpstr (after_edit, ==, "Social ads,Webinars,Brand video,Retargeting,Trade show");

  /* What is not available says why. */
  {
    GtkWidget *list = pl_test_find_by_id (f.page, "list");
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();
    guint dashes = 0;

    g_ptr_array_add (stack, list);
    while (stack->len > 0)
      {
        GtkWidget *node = g_ptr_array_steal_index (stack, stack->len - 1);
        if (GTK_IS_LABEL (node) && gtk_widget_is_drawable (node) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (node)), "–") == 0)
          {
            dashes++;
            g_assert_nonnull (pl_tooltip_get (node));
            g_assert_cmpstr (pl_tooltip_get (node), !=, "");
          }
        for (GtkWidget *c = gtk_widget_get_first_child (node); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
    g_assert_cmpuint (dashes, >=, 4);
  }

  /* The drop-down's order takes over again. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (f.page, "sort_order")), 1);
  pl_test_spin ();
  {
    g_autofree char *order = list_order (&f);
    g_assert_cmpstr (order, ==, "Brand video,Retargeting,Social ads,Trade show,Webinars");
  }
  fixture_close (&f);
}

static void
test_results_grid (void)
{
  Fixture f = { 0 };
  PlItem *webinars;
  PlCampaignResultsGrid *grid;
  PlCampaignKpi *leads;
  GtkWidget *cell, *code;
  guint32 march;
  g_autofree char *expected = NULL, *total = NULL, *spend = NULL;

  fixture_open (&f);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (pl_test_find_by_id (f.page, "view_results")), TRUE);
  webinars = pl_plan_lookup (f.plan, "cmp-webinars");
  leads = link_of (f.plan, "ck-web-leads");
  march = pl_plan_month_start (f.plan, 2);
  pl_campaigns_page_select (PL_CAMPAIGNS_PAGE (f.page), webinars);
  grid = PL_CAMPAIGN_RESULTS_GRID (pl_test_find_widget (f.page, PL_TYPE_CAMPAIGN_RESULTS_GRID));
  pl_test_wait_drawn (GTK_WIDGET (grid));

  /* A column per KPI it is attached to (leads, customers, revenue, pipeline), then its spend;
   * a row per month, under the expected contributions and over the totals to date. */
  g_assert_cmpuint (pl_campaign_results_grid_get_n_kpis (grid), ==, 4);
  expected = pl_campaign_results_grid_get_side_text (grid, 0, FALSE);
  total = pl_campaign_results_grid_get_side_text (grid, 0, TRUE);
  g_assert_cmpstr (expected, ==, "100");
  g_assert_cmpstr (total, ==, "100");
  cell = pl_campaign_results_grid_get_cell (grid, 4, 0);
  g_assert_nonnull (cell);
  spend = g_strdup (pl_cell_editor_get_text (PL_CELL_EDITOR (cell)));
  g_assert_nonnull (strstr (spend, "2"));
  g_assert_false (pl_cell_editor_get_editable (PL_CELL_EDITOR (cell)));

  /* Typed: one undoable edit. */
  cell = pl_campaign_results_grid_get_cell (grid, 0, 2);
  g_assert_nonnull (cell);
  g_assert_cmpstr (pl_cell_editor_get_text (PL_CELL_EDITOR (cell)), ==, "");
  pl_cell_editor_start_editing (PL_CELL_EDITOR (cell), "25");
  g_assert_true (pl_cell_editor_commit (PL_CELL_EDITOR (cell)));
  pl_test_spin ();
  g_assert_cmpfloat (pl_series_lookup (pl_campaign_kpi_get_results (leads), march)->value, ==, 25);
  g_assert_cmpstr (pl_cell_editor_get_text (PL_CELL_EDITOR (cell)), ==, "25");
  g_free (total);
  total = pl_campaign_results_grid_get_side_text (grid, 0, TRUE);
  g_assert_cmpstr (total, ==, "125");
  scroll_to (pl_test_find_by_id (f.page, "results_summary"));
  /* The month typed into, on screen. */
  pl_cell_grid_select (PL_CELL_GRID (grid), 2 + 1, 0, FALSE);
  pl_test_wait_drawn (GTK_WIDGET (grid));
  shot (&f, "page");
  pl_plan_undo (f.plan);
  pl_test_spin ();
  g_assert_null (pl_series_lookup (pl_campaign_kpi_get_results (leads), march));
  g_assert_cmpstr (pl_cell_editor_get_text (PL_CELL_EDITOR (cell)), ==, "");

  /* Refused: said under the grid, naming the cell; what was typed stays to be mended. */
  pl_cell_editor_start_editing (PL_CELL_EDITOR (cell), "lots");
  g_assert_false (pl_cell_editor_commit (PL_CELL_EDITOR (cell)));
  g_assert_true (pl_cell_editor_is_editing (PL_CELL_EDITOR (cell)));
  g_assert_cmpstr (pl_cell_editor_get_edit_text (PL_CELL_EDITOR (cell)), ==, "lots");
  g_assert_nonnull (pl_campaign_results_grid_get_message (grid));
  g_assert_nonnull (strstr (pl_campaign_results_grid_get_message (grid), "Leads"));
  g_assert_nonnull (strstr (pl_campaign_results_grid_get_message (grid), "2027"));
  g_assert_null (pl_series_lookup (pl_campaign_kpi_get_results (leads), march));
  g_assert_false (pl_plan_can_undo (f.plan));
  shot (&f, "refused");
  pl_cell_editor_cancel (PL_CELL_EDITOR (cell));

  /* A spreadsheet's column of three months pasted: one undoable edit. */
  {
    GdkClipboard *clipboard = gtk_widget_get_clipboard (cell);
    PlCampaignKpi *customers = link_of (f.plan, "ck-web-customers");

    gdk_clipboard_set_text (clipboard, "1\n2\n3\n");
    pl_cell_grid_select (PL_CELL_GRID (grid), 2 + 1, 1, FALSE);
    pl_test_spin ();
    g_signal_emit_by_name (pl_campaign_results_grid_get_cell (grid, 1, 2), "paste");
    pl_test_wait_ms (100);
    g_assert_cmpfloat (pl_series_lookup (pl_campaign_kpi_get_results (customers), march)->value, ==, 1);
    g_assert_cmpfloat (pl_series_lookup (pl_campaign_kpi_get_results (customers), pl_plan_month_start (f.plan, 4))->value, ==, 3);
    pl_plan_undo (f.plan);
    pl_test_spin ();
    g_assert_null (pl_series_lookup (pl_campaign_kpi_get_results (customers), march));
    g_assert_cmpfloat (pl_series_lookup (pl_campaign_kpi_get_results (customers), pl_plan_month_start (f.plan, 0))->value, ==, 2);

    /* Pasted over the spend (the Budget page's) or the totals: refused, said, nothing kept. */
    gdk_clipboard_set_text (clipboard, "5\t6\n");
    pl_cell_grid_select (PL_CELL_GRID (grid), 2 + 1, pl_campaign_results_grid_get_n_kpis (grid) - 1, FALSE);
    pl_test_spin ();
    g_signal_emit_by_name (pl_campaign_results_grid_get_cell (grid, pl_campaign_results_grid_get_n_kpis (grid) - 1, 2), "paste");
    pl_test_wait_ms (100);
    g_assert_false (pl_plan_can_undo (f.plan));
    g_assert_nonnull (pl_campaign_results_grid_get_message (grid));
    g_assert_nonnull (strstr (pl_campaign_results_grid_get_message (grid), _("the spend comes from the Budget page: record spending there.")));
    /* December and, under it, the totals. */
    gdk_clipboard_set_text (clipboard, "5\n6\n");
    pl_cell_grid_select (PL_CELL_GRID (grid), pl_plan_get_months (f.plan), 0, FALSE);
    pl_test_spin ();
    g_signal_emit_by_name (pl_campaign_results_grid_get_cell (grid, 0, pl_plan_get_months (f.plan) - 1), "paste");
    pl_test_wait_ms (100);
    g_assert_false (pl_plan_can_undo (f.plan));
    g_assert_nonnull (strstr (pl_campaign_results_grid_get_message (grid), _("the totals add the months up: type into the months.")));
  }

  /* The campaign's code, with the other fields. */
  code = pl_test_find_by_id (f.page, "code");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code)), ==, "webinars-27");
  pl_test_type_into (f.page, "code", "spring-webinars");
  pl_test_spin ();
  g_assert_cmpstr (pl_item_get_string (webinars, PL_CAMPAIGN_CODE), ==, "spring-webinars");
  pl_plan_undo (f.plan);
  pl_test_spin ();
  g_assert_cmpstr (pl_item_get_string (webinars, PL_CAMPAIGN_CODE), ==, "webinars-27");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code)), ==, "webinars-27");

  /* Attached to another KPI from there: a new row. */
  gtk_widget_activate_action (f.page, "campaigns.attach-kpi", "s", "kpi-sql");
  pl_test_spin ();
  g_assert_cmpuint (pl_campaign_results_grid_get_n_kpis (grid), ==, 5);
  pl_plan_undo (f.plan);
  pl_test_spin ();
  g_assert_cmpuint (pl_campaign_results_grid_get_n_kpis (grid), ==, 4);
  fixture_close (&f);
}

static void
test_hints (void)
{
  Fixture f = { 0 };
  PlCampaignHints *hints;
  PlItem *retargeting, *webinars;
  gint64 from_before, to_before;

  fixture_open (&f);
  retargeting = pl_plan_lookup (f.plan, "cmp-retargeting");
  webinars = pl_plan_lookup (f.plan, "cmp-webinars");
  from_before = pl_figures_campaign_allocated (f.plan, PL_CAMPAIGN (retargeting));
  to_before = pl_figures_campaign_allocated (f.plan, PL_CAMPAIGN (webinars));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (pl_test_find_by_id (f.page, "view_results")), TRUE);
  hints = PL_CAMPAIGN_HINTS (pl_test_find_widget (f.page, PL_TYPE_CAMPAIGN_HINTS));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hints)));
  g_assert_cmpuint (pl_campaign_hints_get_n (hints), >=, 1);
  g_assert_cmpuint (pl_campaign_hints_get_n (hints), <=, 3);
  /* The hint of the core, word for word. */
  {
    PlBasis basis = pl_campaign_figures_basis (f.plan);
    g_autoptr(GArray) expected = pl_campaign_reallocations (f.plan, &basis, 3);
    g_autofree char *text = pl_reallocation_describe (f.plan, &g_array_index (expected, PlReallocation, 0));

    g_assert_cmpuint (expected->len, ==, pl_campaign_hints_get_n (hints));
    g_assert_cmpstr (pl_campaign_hints_get_text (hints, 0), ==, text);
  }
  shot (&f, "hints");
  /* Nothing changed until Keep. */
  g_assert_false (pl_plan_can_undo (f.plan));

  g_signal_emit_by_name (pl_campaign_hints_get_keep_button (hints, 0), "clicked");
  pl_test_spin ();
  g_assert_cmpint (pl_figures_campaign_allocated (f.plan, PL_CAMPAIGN (retargeting)), <, from_before);
  g_assert_cmpint (pl_figures_campaign_allocated (f.plan, PL_CAMPAIGN (webinars)), >, to_before);
  /* Moved, not made: the plan's total allocated is the same. */
  g_assert_cmpint (pl_figures_campaign_allocated (f.plan, PL_CAMPAIGN (retargeting)) +
                   pl_figures_campaign_allocated (f.plan, PL_CAMPAIGN (webinars)), ==, from_before + to_before);
  g_assert_nonnull (pl_campaign_hints_get_feedback (hints));
  g_assert_true (gtk_widget_get_visible (pl_campaign_hints_get_undo_button (hints)));
  shot (&f, "kept");

  /* Undone elsewhere (Ctrl+Z): the Kept line goes, and comes back with redo. */
  pl_plan_undo (f.plan);
  pl_test_spin ();
  g_assert_cmpint (pl_figures_campaign_allocated (f.plan, PL_CAMPAIGN (retargeting)), ==, from_before);
  g_assert_null (pl_campaign_hints_get_feedback (hints));
  pl_plan_redo (f.plan);
  pl_test_spin ();
  g_assert_nonnull (pl_campaign_hints_get_feedback (hints));
  g_assert_true (gtk_widget_get_visible (pl_campaign_hints_get_undo_button (hints)));

  g_signal_emit_by_name (pl_campaign_hints_get_undo_button (hints), "clicked");
  pl_test_spin ();
  g_assert_cmpint (pl_figures_campaign_allocated (f.plan, PL_CAMPAIGN (retargeting)), ==, from_before);
  g_assert_cmpint (pl_figures_campaign_allocated (f.plan, PL_CAMPAIGN (webinars)), ==, to_before);
  g_assert_null (pl_campaign_hints_get_feedback (hints));
  g_assert_false (pl_plan_can_undo (f.plan));
  fixture_close (&f);
}

/* Without two campaigns whose cost per lead is known there is no hint, and no bar. */
static void
test_no_hint (void)
{
  Fixture f = { 0 };
  PlCampaignHints *hints;
  static const struct { const char *link; guint month; } leads[] = {
    { "ck-ret-leads", 0 }, { "ck-ret-leads", 1 }, { "ck-show-leads", 2 }, { "ck-social-leads", 1 },
  };

  fixture_open (&f);
  hints = PL_CAMPAIGN_HINTS (pl_test_find_widget (f.page, PL_TYPE_CAMPAIGN_HINTS));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hints)));
  /* Only Webinars keeps its leads. */
  pl_plan_begin_group (f.plan, "test");
  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    pl_plan_set_result (f.plan, link_of (f.plan, leads[i].link), pl_plan_month_start (f.plan, leads[i].month), NAN, NULL);
  pl_plan_end_group (f.plan);
  pl_test_spin ();
  g_assert_cmpuint (pl_campaign_hints_get_n (hints), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hints)));
  pl_plan_undo (f.plan);
  pl_test_spin ();
  g_assert_cmpuint (pl_campaign_hints_get_n (hints), >=, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hints)));
  fixture_close (&f);
}

/* The Ranking view: the chart of the catalogue, drawn from the list's figures. */
static void
test_ranking (void)
{
  Fixture f = { 0 };
  GtkWidget *area;

  fixture_open (&f);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (pl_test_find_by_id (f.page, "view_ranking")), TRUE);
  pl_test_wait_drawn (f.page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pl_test_find_by_id (f.page, "list_stack"))), ==, "ranking");
  area = pl_test_find_widget (pl_test_find_by_id (f.page, "ranking_box"), GTK_TYPE_DRAWING_AREA);
  g_assert_nonnull (area);
  g_assert_true (gtk_widget_is_drawable (area));
  g_assert_cmpint (gtk_widget_get_height (area), >, 150);
  shot (&f, "ranking");
  fixture_close (&f);
}

static void
test_kpi_attribution (void)
{
  Fixture f = { 0 };
  GtkWidget *kpis, *label;
  PlKpiAttribution attribution;
  PlBasis basis;
  g_autofree char *describe = NULL, *span = NULL, *expected = NULL;

  fixture_open (&f);
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-item", "s", "kpi-leads");
  pl_test_spin ();
  kpis = pl_test_find_widget (GTK_WIDGET (f.window), PL_TYPE_KPIS_PAGE);
  label = pl_test_find_by_id (kpis, "attribution");
  g_assert_true (gtk_widget_get_visible (label));
  /* 60 + 40 (Webinars) + 30 + 30 (Retargeting) + 20 (Trade show) + 40 (Social ads) = 220 of the
   * 300 leads measured from January to March. */
  basis = pl_campaign_figures_basis (f.plan);
  pl_kpi_attribution_get (f.plan, PL_KPI (pl_plan_lookup (f.plan, "kpi-leads")), &basis, &attribution);
  g_assert_cmpfloat (attribution.attributed, ==, 220);
  g_assert_cmpfloat (attribution.unexplained, ==, 80);
  describe = pl_kpi_attribution_describe (f.plan, &attribution);
  span = pl_basis_describe (f.plan, &basis);
  expected = g_strdup_printf (_("To date (%s): %s"), span, describe);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, expected);
  g_assert_nonnull (strstr (expected, "220"));
  g_assert_nonnull (strstr (expected, "300"));
  /* Shown with the campaigns that move it. */
  scroll_to (label);
  shot (&f, "kpi");

  /* Not additive (a ratio KPI): no line. */
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-item", "s", "kpi-nps");
  pl_test_spin ();
  g_assert_false (gtk_widget_get_visible (label));
  fixture_close (&f);
}

/* Checks that no label under @root on screen is cut short (ellipsized, or given less than
 * it needs, as GTK does a column's title) nor off to the right of the scrolled window it is
 * in (no figure column scrolled out of sight); only the figures and titles when @figures.
 * Returns the number of cells seen, *@titles the number of column titles. */
static guint
labels_whole (GtkWidget *root, GtkWidget *scrolled, gboolean figures, guint *titles)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint cells = 0;

  *titles = 0;
  pl_test_wait_drawn (root);
  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *node = g_ptr_array_steal_index (stack, stack->len - 1);
      gboolean title = gtk_widget_get_ancestor (node, g_type_from_name ("GtkColumnViewTitle")) != NULL;

      gboolean label = GTK_IS_LABEL (node) && (!figures || gtk_widget_has_css_class (node, "numeric") || title);

      /* A grid's cells (PlCellEditor) show their figure in an inscription, that does not ask
       * for the room of its text. */
      if ((label || GTK_IS_INSCRIPTION (node)) && gtk_widget_is_drawable (node))
        {
          graphene_rect_t bounds;
          g_autofree char *text = label ? one_line (node) : g_strdup (gtk_inscription_get_text (GTK_INSCRIPTION (node)));
          int natural;

          g_assert_true (gtk_widget_compute_bounds (node, scrolled ? scrolled : root, &bounds));
          if (text == NULL || *text == '\0' || (scrolled && (bounds.origin.y < 0 || bounds.origin.y > gtk_widget_get_height (scrolled))))
            goto next;
          if (label)
            {
              gtk_widget_measure (node, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
              natural -= gtk_widget_get_margin_start (node) + gtk_widget_get_margin_end (node);
            }
          else
            {
              g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (node, text);
              pango_layout_get_pixel_size (layout, &natural, NULL);
            }
          if ((label && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (node)))) || natural > gtk_widget_get_width (node))
            g_error ("“%s” is cut short (%d pixels wide, %d needed)", text, gtk_widget_get_width (node), natural);
          if (scrolled && bounds.origin.x + bounds.size.width > gtk_widget_get_width (scrolled) + 1)
            g_error ("“%s” is off to the right (%g + %g > %d)", text, bounds.origin.x, bounds.size.width,
                     gtk_widget_get_width (scrolled));
          if (title)
            (*titles)++;
          else
            cells++;
        }
    next:
      for (GtkWidget *c = gtk_widget_get_first_child (node); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return cells;
}

/* The label showing @text under @root. */
static GtkWidget *
find_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The figures of the campaigns list whole and in sight; returns the number seen. */
static guint
check_figures_whole (Fixture *f)
{
  GtkWidget *list = pl_test_find_by_id (f->page, "list");
  guint titles, cells = labels_whole (list, gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW), TRUE, &titles);

  /* The five figure titles and the campaign's. */
  g_assert_cmpuint (titles, >=, 6);
  return cells;
}

/* A campaign over its budget says so on its page as the dashboard does ("€223 over budget"),
 * never as a negative remainder, and in whole units as the Results line under it. */
static void
check_over_budget_line (Fixture *f)
{
  GListModel *campaigns = pl_plan_get_collection (f->plan, PL_COLLECTION_CAMPAIGNS);

  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      gint64 allocated = pl_figures_campaign_allocated (f->plan, PL_CAMPAIGN (campaign));
      gint64 actual = pl_figures_campaign_actual (f->plan, PL_CAMPAIGN (campaign));
      g_autofree char *over = NULL, *spent = NULL, *minus = NULL;
      const char *text;

      if (allocated == 0 || actual <= allocated)
        continue;
      pl_campaigns_page_select (PL_CAMPAIGNS_PAGE (f->page), campaign);
      pl_test_spin ();
      text = gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (f->page, "budget")));
      over = pl_campaign_whole_amount (f->plan, actual - allocated, FALSE);
      spent = pl_campaign_whole_amount (f->plan, actual, FALSE);
      minus = pl_campaign_whole_amount (f->plan, allocated - actual, FALSE);
      g_assert_nonnull (strstr (text, over));
      g_assert_nonnull (strstr (text, spent));
      g_assert_null (strstr (text, minus));
      return;
    }
  g_error ("no campaign over its budget in the example plan");
}

/* The example plan (the English one, or the French one in French; in dollars when
 * @dollars), in the window as it opens, over the figures: nothing of them cut short, with a
 * campaign open beside the list and without. */
static void
check_example_fits (gboolean dollars)
{
  const char *language = g_getenv ("LANGUAGE");
  gboolean french = language != NULL && g_str_has_prefix (language, "fr");
  const char *example = french ? "data/examples/tramontane-qhse-2027.pilote" : "data/examples/northwind-saas-2027.pilote";
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_plan (dir, example, "plan.pilote");
  Fixture f = { 0 };
  guint n;

  if (dollars)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GRegex) currency = g_regex_new ("currency=\"[A-Z]+\"", 0, 0, NULL);
      g_autofree char *usd = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      usd = g_regex_replace_literal (currency, contents, -1, 0, "currency=\"USD\"", 0, NULL);
      g_assert_true (g_file_set_contents (path, usd, -1, NULL));
    }
  f.dir = g_steal_pointer (&dir);
  f.window = pl_test_open_in_window (path);
  f.plan = pl_document_get_plan (pl_window_get_document (f.window));
  g_assert_cmpstr (pl_plan_get_currency (f.plan), ==, dollars ? "USD" : "EUR");
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-page", "s", "campaigns");
  pl_test_spin ();
  f.page = pl_test_find_widget (GTK_WIDGET (f.window), PL_TYPE_CAMPAIGNS_PAGE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (pl_test_find_by_id (f.page, "view_results")), TRUE);
  pl_test_wait_drawn (f.page);
  shot (&f, dollars ? "example-list-usd" : "example-list");
  /* The window's own size, the default a user sees first (in French the KPI Chain page's
   * minimum widens the window to some 1,250 pixels: not this page's). */
  if (!french)
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f.window)), <=, 1100);
  n = check_figures_whole (&f);
  g_assert_cmpuint (n, >=, 5 * 5);

  /* A campaign open beside the list: the figures stay whole and in sight. */
  {
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (pl_test_find_by_id (f.page, "list"))));
    g_autoptr(PlItem) campaign = g_list_model_get_item (G_LIST_MODEL (selection), 0);

    pl_campaigns_page_select (PL_CAMPAIGNS_PAGE (f.page), campaign);
  }
  pl_test_wait_drawn (f.page);
  g_assert_true (gtk_widget_get_visible (pl_test_find_by_id (f.page, "editor_stack")));
  shot (&f, dollars ? "example-editor-usd" : "example-editor");
  check_over_budget_line (&f);
  n = check_figures_whole (&f);
  g_assert_cmpuint (n, >=, 5 * 5);
  /* Its results grid, in the pane: no figure, month or title cut short. */
  {
    GtkWidget *grid = pl_test_find_widget (f.page, PL_TYPE_CAMPAIGN_RESULTS_GRID);
    GtkWidget *cells, *january;
    GtkAdjustment *sideways;
    graphene_rect_t bounds;
    guint titles;

    scroll_to (grid);
    shot (&f, dollars ? "example-grid-usd" : "example-grid");
    cells = gtk_widget_get_ancestor (pl_campaign_results_grid_get_cell (PL_CAMPAIGN_RESULTS_GRID (grid), 0, 0), GTK_TYPE_SCROLLED_WINDOW);
    sideways = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (cells));
    /* Each month's name and its figures, the KPIs' names and the spend's title over them. */
    g_assert_cmpuint (labels_whole (grid, NULL, FALSE, &titles), >=, 14 * 2);
    g_assert_cmpuint (titles, >=, 2);
    /* Scrolled to its last KPIs and its spend, the months stay in sight. */
    gtk_adjustment_set_value (sideways, gtk_adjustment_get_upper (sideways));
    pl_test_wait_drawn (grid);
    shot (&f, dollars ? "example-grid-scrolled-usd" : "example-grid-scrolled");
    g_assert_cmpuint (labels_whole (grid, NULL, FALSE, &titles), >=, 14 * 2);
    january = find_label (grid, french ? "janv." : "Jan");
    g_assert_true (gtk_widget_compute_bounds (january, grid, &bounds));
    g_assert_cmpfloat (bounds.origin.x, >=, 0);
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (grid));
    /* Moved to with the keyboard, the spend column of a month scrolls into sight. */
    gtk_adjustment_set_value (sideways, 0);
    pl_cell_grid_select (PL_CELL_GRID (grid), 1, pl_campaign_results_grid_get_n_kpis (PL_CAMPAIGN_RESULTS_GRID (grid)), FALSE);
    pl_test_wait_drawn (grid);
    if (gtk_adjustment_get_upper (sideways) > gtk_adjustment_get_page_size (sideways))
      g_assert_cmpfloat (gtk_adjustment_get_value (sideways), >, 0);
    g_assert_true (gtk_widget_has_focus (pl_campaign_results_grid_get_cell (PL_CAMPAIGN_RESULTS_GRID (grid),
                                                                          pl_campaign_results_grid_get_n_kpis (PL_CAMPAIGN_RESULTS_GRID (grid)), 0)));

    /* Text made larger while the page shows: the figures are measured again, none cut short
     * (the list may scroll sideways now). */
    {
      int dpi = 0;

      g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);
      g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 125 * 1024, NULL);
      pl_test_wait_ms (200);
      pl_test_wait_drawn (f.page);
      g_assert_cmpuint (labels_whole (pl_test_find_by_id (f.page, "list"), NULL, TRUE, &titles), >=, 5 * 5);
      g_assert_cmpuint (labels_whole (grid, NULL, FALSE, &titles), >=, 14 * 2);
      shot (&f, dollars ? "example-larger-usd" : "example-larger");
      g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", dpi, NULL);
      pl_test_wait_ms (200);
    }
  }
  fixture_close (&f);
}

static void
test_example_fits (void)
{
  check_example_fits (FALSE);
}

static void
test_example_fits_dollars (void)
{
  check_example_fits (TRUE);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/campaign-results/list-sorted", test_list_sorted);
  g_test_add_func ("/campaign-results/grid", test_results_grid);
  g_test_add_func ("/campaign-results/hints", test_hints);
  g_test_add_func ("/campaign-results/no-hint", test_no_hint);
  g_test_add_func ("/campaign-results/ranking", test_ranking);
  g_test_add_func ("/campaign-results/kpi-attribution", test_kpi_attribution);
  g_test_add_func ("/campaign-results/example-fits", test_example_fits);
  g_test_add_func ("/campaign-results/example-fits-dollars", test_example_fits_dollars);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The KPI Chain page on the example plan: the chain drawn, a KPI selected (its figures, trend
 * and campaigns in the side panel), zoom, the metric hygiene findings, and the jumps to the
 * KPI or campaign a row concerns; then the 300-KPI chain at the default zoom and zoomed in.
 * Writes screenshots. */
#include <string.h>

#include "pl-campaigns-page.h"
#include "pl-chain-page.h"
#include "pl-hygiene.h"
#include "pl-kpi-chain-view.h"
#include "pl-test-chain-plan.h"
#include "pl-test-util.h"

static const char *
visible_page (PlWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (pl_test_find_by_id (GTK_WIDGET (window), "page_stack")));
}

static void
show_chain (PlWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "chain");
  pl_test_spin ();
  g_assert_cmpstr (visible_page (window), ==, "chain");
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      n++;
  return n;
}

static void
test_chain_page (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_CHAIN_PAGE);
  PlKpiChainView *view = pl_chain_page_get_view (PL_CHAIN_PAGE (page));
  PlItem *leads = pl_plan_lookup (plan, "kpi-leads");
  GtkWidget *campaigns, *hygiene, *row;
  graphene_rect_t before, after;
  g_autoptr(GPtrArray) findings = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  show_chain (window);
  pl_test_wait_drawn (GTK_WIDGET (view));
  g_assert_true (g_str_has_prefix (pl_kpi_chain_view_get_summary (view), "The KPI chain has 19 KPIs and 25 links."));
  g_assert_true (gtk_widget_get_visible (pl_test_find_by_id (page, "none_label")));
  g_assert_false (gtk_widget_get_visible (pl_test_find_by_id (page, "kpi_box")));
  pl_test_screenshot (GTK_WIDGET (window), "chain");

  /* A click on a node selects its KPI: the hit test finds Leads in the middle of its node. */
  g_assert_true (pl_kpi_chain_view_get_node_bounds (view, leads, &before));
  g_assert_true (pl_kpi_chain_view_kpi_at (view, before.origin.x + before.size.width / 2,
                                           before.origin.y + before.size.height / 2) == leads);
  g_assert_null (pl_kpi_chain_view_kpi_at (view, 2, 2));
  pl_kpi_chain_view_set_selected (view, leads);
  pl_test_spin ();
  g_assert_false (gtk_widget_get_visible (pl_test_find_by_id (page, "none_label")));
  g_assert_true (gtk_widget_get_visible (pl_test_find_by_id (page, "kpi_box")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (page, "kpi_name"))), ==, "Leads");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (page, "kpi_figure"))), "against a target of"));
  campaigns = pl_test_find_by_id (page, "campaigns_list");
  g_assert_cmpuint (n_rows (campaigns), >, 0);
  pl_test_screenshot (GTK_WIDGET (window), "chain-selected");
  /* The side panel may have taken some width: where Leads is now. */
  g_assert_true (pl_kpi_chain_view_get_node_bounds (view, leads, &before));

  /* The keyboard: Down then Right move the selection along the chain, Enter opens it. */
  {
    PlItem *moved;
    g_autofree char *tooltip = pl_kpi_chain_view_describe (view, leads);

    g_assert_true (g_str_has_prefix (tooltip, "<b>Leads</b>\nJune 2027: "));
    g_assert_nonnull (strstr (tooltip, "against a target of"));
    g_assert_nonnull (strstr (tooltip, "Owner: Hugo Bernard"));
    gtk_widget_activate_action (GTK_WIDGET (view), "chain.move", "(ii)", 1, 0);
    moved = pl_kpi_chain_view_get_selected (view);
    g_assert_true (moved != leads);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (page, "kpi_name"))), ==,
                     pl_item_get_string (moved, PL_KPI_NAME));
    gtk_widget_activate_action (GTK_WIDGET (view), "chain.move", "(ii)", -1, 0);
    gtk_widget_activate_action (GTK_WIDGET (view), "chain.move", "(ii)", 0, 1);
    gtk_widget_activate_action (GTK_WIDGET (view), "chain.move", "(ii)", 0, -1);
    pl_kpi_chain_view_set_selected (view, leads);
    pl_test_spin ();
    /* The same with the real keys: the view takes the focus and shows it. */
    pl_test_keys (GTK_WIDGET (view), "Right");
    g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
    g_assert_true (pl_kpi_chain_view_get_selected (view) == moved);
    pl_test_keys (GTK_WIDGET (view), "Left");
    g_assert_true (pl_kpi_chain_view_get_selected (view) == leads);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (page, "kpi_name"))), ==, "Leads");
    pl_test_screenshot (GTK_WIDGET (window), "chain-keyboard");
  }

  /* Zoom in twice around the middle: nodes grow; Normal Size brings it to zoom 1, Fit back to
   * where it was. */
  {
    double fitted = pl_kpi_chain_view_get_zoom (view);

    gtk_widget_activate_action (GTK_WIDGET (view), "chain.zoom-in", NULL);
    gtk_widget_activate_action (GTK_WIDGET (view), "chain.zoom-in", NULL);
    pl_test_spin ();
    g_assert_cmpfloat (pl_kpi_chain_view_get_zoom (view), >, fitted);
    g_assert_false (pl_kpi_chain_view_get_fitted (view));
    g_assert_true (pl_kpi_chain_view_get_node_bounds (view, leads, &after));
    g_assert_cmpfloat (after.size.width * after.size.height, >=, before.size.width * before.size.height);
    pl_test_screenshot (GTK_WIDGET (window), "chain-zoomed");
    gtk_widget_activate_action (GTK_WIDGET (view), "chain.zoom-reset", NULL);
    pl_test_spin ();
    g_assert_cmpfloat (pl_kpi_chain_view_get_zoom (view), ==, 1.0);
    gtk_widget_activate_action (GTK_WIDGET (view), "chain.zoom-fit", NULL);
    pl_test_spin ();
    g_assert_cmpfloat_with_epsilon (pl_kpi_chain_view_get_zoom (view), fitted, 1e-9);
    g_assert_true (pl_kpi_chain_view_get_node_bounds (view, leads, &after));
    g_assert_cmpfloat_with_epsilon (after.origin.x, before.origin.x, 0.5);
  }

  /* A linked campaign opens the Campaigns page. */
  row = gtk_widget_get_first_child (campaigns);
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  g_signal_emit_by_name (row, "activate");
  pl_test_spin ();
  g_assert_cmpstr (visible_page (window), ==, "campaigns");

  /* Enter on the selection opens the KPI. */
  show_chain (window);
  gtk_widget_activate_action (GTK_WIDGET (view), "chain.activate", NULL);
  pl_test_spin ();
  g_assert_cmpstr (visible_page (window), ==, "kpis");

  /* "Edit KPI" opens the KPIs page. */
  show_chain (window);
  g_signal_emit_by_name (pl_test_find_by_id (page, "edit_button"), "clicked");
  pl_test_spin ();
  g_assert_cmpstr (visible_page (window), ==, "kpis");

  /* The hygiene findings: one row each; a KPI with no owner or target appears once added,
   * and its row opens it. */
  show_chain (window);
  pl_kpi_chain_view_set_selected (view, NULL);
  hygiene = pl_test_find_by_id (page, "hygiene_list");
  findings = pl_hygiene_check (plan);
  g_assert_cmpuint (n_rows (hygiene), ==, findings->len);
  {
    g_autoptr(PlItem) orphan = g_object_new (PL_TYPE_KPI, NULL);
    g_autoptr(GPtrArray) now = NULL;

    pl_item_set_string (orphan, PL_KPI_NAME, "Press mentions with a name long enough to be cut short in the chain");
    pl_plan_add (plan, orphan);
    /* The summary is the drawing's: drawn again at the next frame, which a loaded machine makes late. */
    pl_test_wait_drawn (GTK_WIDGET (view));
    now = pl_hygiene_check (plan);
    g_assert_cmpuint (now->len, >, findings->len);
    g_assert_cmpuint (n_rows (hygiene), ==, now->len);
    g_assert_true (g_str_has_prefix (pl_kpi_chain_view_get_summary (view), "The KPI chain has 20 KPIs"));
    /* Its node has it whole or not at all; the tooltip has it whole, and says nobody owns it. */
    {
      g_autofree char *tooltip = pl_kpi_chain_view_describe (view, orphan);
      g_assert_nonnull (strstr (tooltip, "<b>Press mentions with a name long enough to be cut short in the chain</b>"));
      g_assert_nonnull (strstr (tooltip, "Owner: nobody"));
    }
    pl_test_screenshot (GTK_WIDGET (window), "chain-hygiene");
    for (row = gtk_widget_get_first_child (hygiene); row != NULL; row = gtk_widget_get_next_sibling (row))
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "item-id"), pl_item_get_id (orphan)) == 0)
        break;
    g_assert_nonnull (row);
    g_signal_emit_by_name (row, "activate");
    pl_test_spin ();
    g_assert_cmpstr (visible_page (window), ==, "kpis");
    pl_plan_undo (plan);
    pl_test_spin ();
    /* Hidden, the page caught up with the undo when shown again. */
    show_chain (window);
    g_assert_cmpuint (n_rows (hygiene), ==, findings->len);
  }

  /* The dark theme: the chart follows. */
  show_chain (window);
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", TRUE, NULL);
  pl_test_spin ();
  pl_test_screenshot (GTK_WIDGET (window), "chain-dark");
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
}


/* The example in a 1366x768 window, as it opens: the chain fitted and readable (text of 11
 * pixels or more, every name whole), the side panel giving way if beside it the chain would
 * read smaller; selecting a KPI brings the panel back with its details. */
static void
test_chain_opening (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_CHAIN_PAGE);
  PlKpiChainView *view = pl_chain_page_get_view (PL_CHAIN_PAGE (page));
  PlKpiChainText text;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  show_chain (window);
  pl_test_wait_drawn (GTK_WIDGET (view));
  pl_test_spin ();
  pl_test_wait_drawn (GTK_WIDGET (view));
  g_assert_true (pl_kpi_chain_view_get_fitted (view));
  pl_kpi_chain_view_get_text (view, &text);
  g_test_message ("opened at %dx%d: text %.1f px, %u names, whole %d, panel %d",
                  gtk_widget_get_width (GTK_WIDGET (view)), gtk_widget_get_height (GTK_WIDGET (view)), text.text_px,
                  text.names_shown, text.names_whole, gtk_widget_get_visible (pl_test_find_by_id (page, "side")));
  g_assert_cmpfloat (text.text_px, >=, 11);
  g_assert_cmpuint (text.names_shown, ==, 19);
  g_assert_true (text.names_whole);
  pl_test_screenshot (GTK_WIDGET (window), "chain-opened");

  /* Selecting a KPI shows its details, the panel back if it gave way. */
  pl_kpi_chain_view_set_selected (view, pl_plan_lookup (plan, "kpi-leads"));
  pl_test_spin ();
  g_assert_true (gtk_widget_get_visible (pl_test_find_by_id (page, "side")));
  g_assert_true (gtk_widget_get_visible (pl_test_find_by_id (page, "kpi_box")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (page, "kpi_name"))), ==, "Leads");
  pl_test_screenshot (GTK_WIDGET (window), "chain-opened-selected");

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* The example in a 1366x768 window: Fit shows the whole chain without scrolling, every name
 * whole at one size in compact boxes with their values (checked from the laid-out text at the
 * view's size); Normal Size shows the full form; the keyboard zooms in and out. Writes the
 * screenshots of the chain fitted and at 1x. */
static void
test_chain_fit (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_CHAIN_PAGE);
  PlKpiChainView *view = pl_chain_page_get_view (PL_CHAIN_PAGE (page));
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  PlKpiChainText text;
  double zoom;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  show_chain (window);
  pl_test_wait_drawn (GTK_WIDGET (view));
  g_signal_emit_by_name (pl_test_find_by_id (page, "zoom_fit_button"), "clicked");
  pl_test_wait_drawn (GTK_WIDGET (view));
  g_assert_true (pl_kpi_chain_view_get_fitted (view));
  pl_kpi_chain_view_get_text (view, &text);
  g_test_message ("fitted at %dx%d: %s, text %.1f px, %u names, whole %d", gtk_widget_get_width (GTK_WIDGET (view)),
                  gtk_widget_get_height (GTK_WIDGET (view)), text.compact ? "compact" : "full", text.text_px,
                  text.names_shown, text.names_whole);
  g_assert_true (text.compact);
  g_assert_cmpuint (text.names_shown, ==, g_list_model_get_n_items (kpis));
  g_assert_true (text.names_whole);
  g_assert_true (text.values_shown);
  g_assert_cmpfloat (text.text_px, >=, 10);
  /* Without scrolling: every box inside the view. */
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      graphene_rect_t r;

      g_assert_true (pl_kpi_chain_view_get_node_bounds (view, kpi, &r));
      g_assert_cmpfloat (r.origin.x, >=, 0);
      g_assert_cmpfloat (r.origin.y, >=, 0);
      g_assert_cmpfloat (r.origin.x + r.size.width, <=, gtk_widget_get_width (GTK_WIDGET (view)));
      g_assert_cmpfloat (r.origin.y + r.size.height, <=, gtk_widget_get_height (GTK_WIDGET (view)));
    }
  pl_test_screenshot (GTK_WIDGET (window), "chain-fitted");

  /* The keyboard: Ctrl+plus and Ctrl+minus zoom, Ctrl+0 is the normal size, Ctrl+9 fits. */
  zoom = pl_kpi_chain_view_get_zoom (view);
  pl_test_keys (GTK_WIDGET (view), "ctrl+plus");
  g_assert_cmpfloat (pl_kpi_chain_view_get_zoom (view), >, zoom);
  pl_test_keys (GTK_WIDGET (view), "ctrl+minus ctrl+minus");
  /* Zooming out stops at the whole chain in view. */
  g_assert_cmpfloat_with_epsilon (pl_kpi_chain_view_get_zoom (view), zoom, 1e-9);
  g_assert_true (pl_kpi_chain_view_get_fitted (view));
  pl_test_keys (GTK_WIDGET (view), "ctrl+0");
  g_assert_cmpfloat (pl_kpi_chain_view_get_zoom (view), ==, 1.0);
  pl_test_wait_drawn (GTK_WIDGET (view));
  pl_kpi_chain_view_get_text (view, &text);
  g_test_message ("1x: %s, text %.1f px, %u names, whole %d", text.compact ? "compact" : "full", text.text_px,
                  text.names_shown, text.names_whole);
  g_assert_false (text.compact);
  g_assert_cmpuint (text.names_shown, ==, g_list_model_get_n_items (kpis));
  g_assert_true (text.names_whole);
  pl_test_screenshot (GTK_WIDGET (window), "chain-1x");
  pl_test_keys (GTK_WIDGET (view), "ctrl+9");
  g_assert_true (pl_kpi_chain_view_get_fitted (view));
  g_assert_cmpfloat_with_epsilon (pl_kpi_chain_view_get_zoom (view), zoom, 1e-9);

  /* The same keys as soon as the page is shown, the focus on a button of its toolbar rather
   * than on the chain: they used to do nothing until the chain was clicked. */
  show_chain (window);
  pl_test_keys (pl_test_find_by_id (page, "details_button"), "ctrl+0");
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (view)));
  g_assert_cmpfloat (pl_kpi_chain_view_get_zoom (view), ==, 1.0);
  pl_test_keys (pl_test_find_by_id (page, "details_button"), "ctrl+plus");
  g_assert_cmpfloat (pl_kpi_chain_view_get_zoom (view), >, 1.0);
  pl_test_keys (pl_test_find_by_id (page, "details_button"), "ctrl+9");
  g_assert_true (pl_kpi_chain_view_get_fitted (view));

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* 300 KPIs: the whole chain fits at the default zoom; zoomed in, the nodes grow and keep
 * their order. */
static void
test_chain_300 (void)
{
  g_autoptr(PlPlan) plan = pl_test_chain_plan_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = pl_kpi_chain_view_new ();
  PlItem *first = pl_plan_lookup (plan, "k000"), *last = pl_plan_lookup (plan, "k299");
  graphene_rect_t a, b;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_set_child (GTK_WINDOW (window), view);
  pl_kpi_chain_view_set_plan (PL_KPI_CHAIN_VIEW (view), plan);
  gtk_window_present (GTK_WINDOW (window));
  pl_test_wait_drawn (view);
  width = gtk_widget_get_width (view);
  height = gtk_widget_get_height (view);
  g_assert_true (g_str_has_prefix (pl_kpi_chain_view_get_summary (PL_KPI_CHAIN_VIEW (view)), "The KPI chain has 300 KPIs"));
  /* Fits: the first and the last KPI are both inside the view. */
  g_assert_true (pl_kpi_chain_view_get_node_bounds (PL_KPI_CHAIN_VIEW (view), first, &a));
  g_assert_true (pl_kpi_chain_view_get_node_bounds (PL_KPI_CHAIN_VIEW (view), last, &b));
  g_assert_cmpfloat (a.origin.x, >=, 0);
  g_assert_cmpfloat (b.origin.x + b.size.width, <=, width);
  g_assert_cmpfloat (a.origin.y, >=, 0);
  g_assert_cmpfloat (b.origin.y + b.size.height, <=, height);
  pl_test_screenshot (window, "chain-300");

  pl_kpi_chain_view_set_zoom (PL_KPI_CHAIN_VIEW (view), 3);
  pl_kpi_chain_view_set_selected (PL_KPI_CHAIN_VIEW (view), first);
  pl_test_spin ();
  g_assert_true (pl_kpi_chain_view_get_node_bounds (PL_KPI_CHAIN_VIEW (view), first, &b));
  g_assert_cmpfloat (b.size.height, >=, 2.5 * a.size.height);
  /* The selection was brought into view. */
  g_assert_cmpfloat (b.origin.x, >=, 0);
  g_assert_cmpfloat (b.origin.y, >=, 0);
  g_assert_cmpfloat (b.origin.y + b.size.height, <=, height);
  pl_test_screenshot (window, "chain-300-zoomed");
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
}

/* A campaign just added is not called "linked to no KPI" before the user has had a chance to
 * link it: its finding shows once another campaign is chosen, or the plan is saved. */
static void
test_new_campaign_left_alone (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *campaigns = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_CAMPAIGNS_PAGE);
  GtkWidget *chain = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_CHAIN_PAGE);
  GtkWidget *hygiene = pl_test_find_by_id (chain, "hygiene_list");
  guint before;
  GListModel *list = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  g_autoptr(PlItem) first = g_list_model_get_item (list, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "chain");
  pl_test_wait_drawn (chain);
  before = n_rows (hygiene);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "campaigns");
  gtk_widget_activate_action (campaigns, "campaigns.add", NULL);
  pl_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "chain");
  pl_test_wait_drawn (chain);
  g_assert_cmpuint (n_rows (hygiene), ==, before);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "campaigns");
  pl_campaigns_page_select (PL_CAMPAIGNS_PAGE (campaigns), first);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "chain");
  pl_test_wait_drawn (chain);
  g_assert_cmpuint (n_rows (hygiene), ==, before + 1);
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/chain/page", test_chain_page);
  g_test_add_func ("/chain/300", test_chain_300);
  g_test_add_func ("/chain/opening", test_chain_opening);
  g_test_add_func ("/chain/fit", test_chain_fit);
  g_test_add_func ("/chain/new-campaign-left-alone", test_new_campaign_left_alone);
  return g_test_run ();
}

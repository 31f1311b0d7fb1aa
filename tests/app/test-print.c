/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing a page's charts: Print offered only where there are charts (Ctrl+P), the budget's
 * four charts printed to a PDF with GTK's print machinery, the page setup remembered. */
#include <string.h>

#include "pl-print.h"
#include "pl-test-util.h"

static guint
count_pages (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  guint pages = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* memmem: the PDF's binary streams hold NUL bytes, where string searches stop. */
  for (const char *at = contents; (at = memmem (at, length - (gsize) (at - contents), "/Type /Page", 11)) != NULL; at++)
    if (at[11] != 's')
      pages++;
  return pages;
}

static void
test_print (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *pdf = g_build_filename (dir, "budget.pdf", NULL);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GSettings *settings = pl_application_get_settings (pl_test_app);
  g_autoptr(GVariant) setup = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "budget");
  pl_test_spin ();

  /* Each chart has its menu: copy, export as PNG, SVG, PDF, print, and its data as a table. */
  {
    GtkWidget *area = pl_test_find_by_id (GTK_WIDGET (window), "burn_chart");
    GtkPopoverMenu *menu = g_object_get_data (G_OBJECT (area), "chart-menu");
    GMenuModel *model = gtk_popover_menu_get_menu_model (menu);
    g_autoptr(GVariant) copy = g_menu_model_get_item_attribute_value (model, 0, G_MENU_ATTRIBUTE_TARGET, NULL);
    g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (model, 2, G_MENU_ATTRIBUTE_TARGET, NULL);
    g_autoptr(GVariant) table = g_menu_model_get_item_attribute_value (model, 5, G_MENU_ATTRIBUTE_TARGET, NULL);
    const char *chart, *format;

    g_assert_cmpint (g_menu_model_get_n_items (model), ==, 6);
    g_assert_cmpstr (g_variant_get_string (copy, NULL), ==, "burn");
    g_assert_cmpstr (g_variant_get_string (table, NULL), ==, "burn");
    g_variant_get (target, "(&s&s)", &chart, &format);
    g_assert_cmpstr (chart, ==, "burn");
    g_assert_cmpstr (format, ==, "svg");
  }
  g_assert_nonnull (pl_print_charts_of_page ("budget"));
  g_assert_null (pl_print_charts_of_page ("plan"));
  g_assert_true (pl_print_charts (GTK_WINDOW (window), settings, plan, pl_print_charts_of_page ("budget"), "Budget", pdf,
                                  &error));
  g_assert_no_error (error);
  /* Month, burn, categories, CAC: a page each. */
  g_assert_cmpuint (count_pages (pdf), ==, 4);
  /* The page setup used is kept for the next print. */
  setup = g_settings_get_value (settings, "page-setup");
  g_assert_cmpuint (g_variant_n_children (setup), >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/print/budget", test_print);
  return g_test_run ();
}

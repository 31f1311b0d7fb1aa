/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copying a chart to paste into a presentation: every chart's menu has "Copy"; the action and
 * Ctrl+C on a focused chart put a PNG (and a texture) and an SVG on the clipboard, read back
 * here in the same process as another program would paste them. */
#include <string.h>

#include "pl-chart-catalog.h"
#include "pl-chart-menu.h"
#include "pl-test-util.h"

typedef struct {
  GBytes  *bytes;
  char    *mime;
  gboolean done;
} Read;

static void
on_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Read *read = data;
  g_autoptr(GError) error = NULL;
  const char *mime = NULL;
  g_autoptr(GInputStream) stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, &mime, &error);

  g_assert_no_error (error);
  read->mime = g_strdup (mime);
  read->bytes = g_input_stream_read_bytes (stream, 64 * 1024 * 1024, NULL, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

/* The clipboard's content as @mime, read as a program pasting it would. */
static GBytes *
clipboard_read (GdkClipboard *clipboard, const char *mime)
{
  const char *mimes[] = { mime, NULL };
  Read read = { NULL, NULL, FALSE };

  gdk_clipboard_read_async (clipboard, mimes, G_PRIORITY_DEFAULT, NULL, on_read_cb, &read);
  while (!read.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (read.mime, ==, mime);
  g_free (read.mime);
  return read.bytes;
}

/* The clipboard holds a PNG of @width x @height pixels (its header read), a texture of that
 * size, and an SVG. */
static void
assert_chart_on_clipboard (GdkClipboard *clipboard, int width, int height)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GBytes) png = clipboard_read (clipboard, "image/png");
  g_autoptr(GBytes) svg = clipboard_read (clipboard, "image/svg+xml");
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);
  gsize png_size, svg_size;
  const guchar *png_data = g_bytes_get_data (png, &png_size);
  g_autofree char *svg_text = NULL;

  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));
  g_assert_cmpuint (png_size, >, 1000);
  g_assert_cmpmem (png_data, sizeof signature, signature, sizeof signature);
  /* The header's size: the chart's natural size, not the window's. */
  g_assert_cmpint (GUINT32_FROM_BE (*(guint32 *) (png_data + 16)), ==, width);
  g_assert_cmpint (GUINT32_FROM_BE (*(guint32 *) (png_data + 20)), ==, height);
  svg_text = g_strndup (g_bytes_get_data (svg, &svg_size), g_bytes_get_size (svg));
  g_assert_true (g_str_has_prefix (svg_text, "<?xml"));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  g_assert_nonnull (strstr (svg_text, "</svg>"));
  {
    g_autoptr(GdkTexture) texture = NULL;
    g_autoptr(GBytes) again = g_bytes_new (png_data, png_size);
    g_autoptr(GError) error = NULL;

    texture = gdk_texture_new_from_bytes (again, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  }
}

/* The chart's natural size in pixels at the window's scale. */
static void
natural_size (PlWindow *window, const char *chart, int *width, int *height)
{
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (window));
  double w, h;

  g_assert_true (pl_chart_catalog_size (plan, chart, &w, &h, NULL));
  *width = (int) (w * scale);
  *height = (int) (h * scale);
}

static gboolean
menu_has_copy (GMenuModel *menu, const char *chart)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_str_equal (action, "win.copy-chart") && target != NULL && g_str_equal (g_variant_get_string (target, NULL), chart))
        return TRUE;
    }
  return FALSE;
}

static void
test_copy (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  GtkWidget *page, *area;
  guint n;
  const PlChartKind *kinds = pl_chart_catalog_list (&n);
  int width, height;

  /* Every chart's menu offers the copy. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenu) menu = pl_chart_menu_new (kinds[i].name);
      g_assert_true (menu_has_copy (G_MENU_MODEL (menu), kinds[i].name));
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "budget");
  page = pl_test_find_widget (GTK_WIDGET (window), g_type_from_name ("PlBudgetPage"));
  gtk_stack_set_visible_child_name (GTK_STACK (pl_test_find_by_id (page, "view_stack")), "charts");
  area = pl_test_find_by_id (page, "month_chart");
  pl_test_wait_drawn (area);
  pl_test_screenshot (GTK_WIDGET (window), "chart-copy-budget");

  /* The menu's action. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-chart", "s", "radar");
  pl_test_spin ();
  natural_size (window, "radar", &width, &height);
  assert_chart_on_clipboard (clipboard, width, height);

  /* Ctrl+C on the focused chart, with the real keyboard. */
  gdk_clipboard_set_text (clipboard, "before");
  pl_test_keys (area, "ctrl+c");
  pl_test_spin ();
  natural_size (window, "budget", &width, &height);
  assert_chart_on_clipboard (clipboard, width, height);

  /* The timeline has a menu of its own: Ctrl+C there too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "calendar");
  page = pl_test_find_widget (GTK_WIDGET (window), g_type_from_name ("PlCalendarPage"));
  area = pl_test_find_by_id (page, "timeline");
  pl_test_wait_drawn (area);
  pl_test_screenshot (GTK_WIDGET (window), "chart-copy-calendar");
  gdk_clipboard_set_text (clipboard, "before");
  pl_test_keys (area, "ctrl+c");
  pl_test_spin ();
  natural_size (window, "timeline", &width, &height);
  assert_chart_on_clipboard (clipboard, width, height);

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/app/chart-copy", test_copy);
  return g_test_run ();
}

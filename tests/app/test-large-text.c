/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window at 200 % text (gtk-xft-dpi 192, as GNOME's Large Text and a scaling of 2 set it)
 * on a 1366x768 screen, and under the high-contrast theme: every page fits the screen (a page
 * larger than it scrolls, the window never grows off it), the charts are zoomed with the text,
 * the charts take the high-contrast style, and what the theme leaves too pale is made to reach
 * its contrast (light and dark). Screenshots: large-text-PAGE.png and
 * high-contrast-PAGE.png. */
#include "config.h"

#include <glib/gstdio.h>

#include "pl-chart-theme.h"
#include "pl-test-util.h"

#define SCREEN_W 1366
#define SCREEN_H 768

static const char *pages[] = { "dashboard", "plan", "campaigns", "budget", "calendar", "kpis", "chain", "assessment", "planning" };

/* The window opened on a copy of the example plan, at the screen's size. */
static PlWindow *
open_example (char **dir, char **path)
{
  PlWindow *window;

  *dir = pl_test_scratch_dir ("pilote-large-text-XXXXXX");
  *path = pl_test_copy_example (*dir);
  window = pl_test_open_in_window (*path);
  gtk_window_set_default_size (GTK_WINDOW (window), SCREEN_W - 100, SCREEN_H - 100);
  pl_test_wait_drawn (GTK_WIDGET (window));
  return window;
}

static void
close_example (PlWindow *window, char *dir, char *path)
{
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
}

/* Every page of @window fits the screen at 200 % text; screenshots named after @name. */
static void
check_pages (PlWindow *window, const char *name)
{
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autofree char *shot = g_strdup_printf ("%s-%s%s", name, pages[p],
                                               g_strcmp0 (g_getenv ("LANGUAGE"), "fr") == 0 ? "-fr" : "");
      int min_w, min_h;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[p]);
      pl_test_wait_drawn (GTK_WIDGET (window));
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, min_w, &min_h, NULL, NULL, NULL);
      if (min_w > SCREEN_W || min_h > SCREEN_H)
        g_error ("at 200 %% text the %s page needs a window of %d x %d, larger than the %d x %d screen",
                 pages[p], min_w, min_h, SCREEN_W, SCREEN_H);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, SCREEN_W);
      /* The window fits because the pages scroll; a page must not need to scroll sideways
       * on the screen either: a wide header, a list beside an editor, a long line. */
      {
        GtkWidget *stack = pl_test_find_by_id (GTK_WIDGET (window), "page_stack");
        graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0), at;
        int page_w;

        g_assert_true (gtk_widget_compute_point (stack, GTK_WIDGET (window), &origin, &at));
        gtk_widget_measure (gtk_stack_get_visible_child (GTK_STACK (stack)), GTK_ORIENTATION_HORIZONTAL, -1,
                            &page_w, NULL, NULL, NULL);
        if (page_w > SCREEN_W - at.x)
          g_error ("at 200 %% text the %s page needs %d pixels across, more than the %d the screen leaves it",
                   pages[p], page_w, (int) (SCREEN_W - at.x));
      }
      pl_test_screenshot (GTK_WIDGET (window), shot);
    }
}

static void
test_fits_screen (void)
{
  char *dir, *path;
  PlWindow *window = open_example (&dir, &path);
  GtkWidget *funnel = pl_test_find_by_id (GTK_WIDGET (window), "funnel");

  /* The charts' heights grew with the text (200 in the template). */
  g_assert_cmpint (gtk_drawing_area_get_content_height (GTK_DRAWING_AREA (funnel)), ==, 400);
  check_pages (window, "large-text");
  close_example (window, dir, path);
}

/* Large Text switched on with the window open: it still fits the screen. */
static void
test_switched_on (void)
{
  char *dir, *path;
  PlWindow *window;

  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024, NULL);
  window = open_example (&dir, &path);
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 192 * 1024, NULL);
  pl_test_wait_drawn (GTK_WIDGET (window));
  check_pages (window, "large-text-switched-on");
  close_example (window, dir, path);
}

/* The contrast of @widget's text colour against the theme's named colour @background. */
static double
text_contrast (GtkWidget *widget, const char *background)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA text, back;
  PlColor a, b;

  gtk_style_context_get_color (context, &text);
  g_assert_true (gtk_style_context_lookup_color (context, background, &back));
  a = (PlColor) { text.red, text.green, text.blue };
  b = (PlColor) { back.red, back.green, back.blue };
  return pl_color_contrast (&a, &b);
}

/* The first widget under @root named @css_name in CSS whose parent is named @parent_name. */
static GtkWidget *
find_css_child (GtkWidget *root, const char *parent_name, const char *css_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_str_equal (gtk_widget_get_css_name (child), css_name) &&
          g_str_equal (gtk_widget_get_css_name (root), parent_name))
        return child;
      if ((found = find_css_child (child, parent_name, css_name)) != NULL)
        return found;
    }
  return NULL;
}

/* What the theme leaves too pale, in the high-contrast theme as it is now (light or dark):
 * warnings and errors read 4.5:1 on the window, column titles 4.5:1 on the list, a level bar's
 * track has a border 3:1 from the window; and status text in a selected row takes the
 * selection's colour. */
static void
check_contrast (void)
{
  GtkWidget *probe = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *warning = gtk_label_new ("close to target");
  GtkWidget *error = gtk_label_new ("off target");
  GtkWidget *columns = gtk_column_view_new (NULL);
  GtkWidget *level = gtk_level_bar_new_for_interval (0, 100);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *selected = gtk_label_new ("467");
  GtkWidget *trough, *title;
  GtkBorder border;
  GdkRGBA row_color, selected_color;

  gtk_widget_add_css_class (warning, "warning-text");
  gtk_widget_add_css_class (error, "invalid-text");
  gtk_widget_add_css_class (selected, "near-target");
  gtk_column_view_append_column (GTK_COLUMN_VIEW (columns), gtk_column_view_column_new ("KPI", NULL));
  gtk_list_box_append (GTK_LIST_BOX (list), selected);
  gtk_box_append (GTK_BOX (box), warning);
  gtk_box_append (GTK_BOX (box), error);
  gtk_box_append (GTK_BOX (box), columns);
  gtk_box_append (GTK_BOX (box), level);
  gtk_box_append (GTK_BOX (box), list);
  gtk_window_set_child (GTK_WINDOW (probe), box);
  gtk_window_present (GTK_WINDOW (probe));
  gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  pl_test_wait_drawn (probe);

  g_assert_cmpfloat (text_contrast (warning, "theme_bg_color"), >=, 4.5);
  g_assert_cmpfloat (text_contrast (error, "theme_bg_color"), >=, 4.5);
  title = find_css_child (columns, "header", "button");
  g_assert_nonnull (title);
  g_assert_cmpfloat (text_contrast (title, "theme_base_color"), >=, 4.5);
  /* The track's border is drawn in its text colour. */
  trough = gtk_widget_get_first_child (level);
  g_assert_cmpstr (gtk_widget_get_css_name (trough), ==, "trough");
  gtk_style_context_get_border (gtk_widget_get_style_context (trough), &border);
  g_assert_cmpint (border.top, >=, 1);
  g_assert_cmpfloat (text_contrast (trough, "theme_bg_color"), >=, 3);
  gtk_style_context_get_color (gtk_widget_get_style_context (gtk_widget_get_parent (selected)), &row_color);
  gtk_style_context_get_color (gtk_widget_get_style_context (selected), &selected_color);
  g_assert_true (gdk_rgba_equal (&row_color, &selected_color));
  gtk_window_destroy (GTK_WINDOW (probe));
}

static void
test_high_contrast (void)
{
  char *dir, *path;
  PlWindow *window;
  GtkWidget *funnel;

  g_object_set (gtk_settings_get_default (), "gtk-theme-name", "HighContrast", NULL);
  window = open_example (&dir, &path);
  funnel = pl_test_find_by_id (GTK_WIDGET (window), "funnel");
  g_assert_true (pl_chart_theme_for_widget (funnel) == pl_chart_style_high_contrast (FALSE));
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autofree char *shot = g_strdup_printf ("high-contrast-%s", pages[p]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[p]);
      pl_test_wait_drawn (GTK_WIDGET (window));
      pl_test_screenshot (GTK_WIDGET (window), shot);
    }
  check_contrast ();
  /* GNOME's high contrast in the dark style. */
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", TRUE, NULL);
  pl_test_wait_drawn (GTK_WIDGET (window));
  g_assert_true (pl_chart_theme_for_widget (funnel) == pl_chart_style_high_contrast (TRUE));
  check_contrast ();
  close_example (window, dir, path);
  g_object_set (gtk_settings_get_default (), "gtk-theme-name", "Default", "gtk-application-prefer-dark-theme", FALSE, NULL);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  /* In 1024ths of a dot per inch: 192 dpi is twice the usual 96. */
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 192 * 1024, NULL);
  g_test_add_func ("/large-text/fits-screen", test_fits_screen);
  g_test_add_func ("/large-text/switched-on", test_switched_on);
  g_test_add_func ("/large-text/high-contrast", test_high_contrast);
  return g_test_run ();
}

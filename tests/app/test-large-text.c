/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window at 200 % text (gtk-xft-dpi 192, as GNOME's Large Text and a scaling of 2 set it)
 * on a 1366x768 screen, and under the high-contrast theme: every page fits the screen (a page
 * larger than it scrolls, the window never grows off it), the charts are zoomed with the text,
 * and the charts take the high-contrast style. Screenshots: large-text-PAGE.png and
 * high-contrast-PAGE.png. */
#include "config.h"

#include <glib/gstdio.h>

#include "pl-chart-theme.h"
#include "pl-test-util.h"

#define SCREEN_W 1366
#define SCREEN_H 768

static const char *pages[] = { "dashboard", "plan", "campaigns", "budget", "calendar", "kpis", "chain", "assessment" };

/* The window opened on a copy of the example plan, at the screen's size. */
static PlWindow *
open_example (char **dir, char **path)
{
  PlWindow *window;

  *dir = g_dir_make_tmp ("pilote-large-text-XXXXXX", NULL);
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

static void
test_fits_screen (void)
{
  char *dir, *path;
  PlWindow *window = open_example (&dir, &path);
  GtkWidget *funnel = pl_test_find_by_id (GTK_WIDGET (window), "funnel");

  /* The charts' heights grew with the text (200 in the template). */
  g_assert_cmpint (gtk_drawing_area_get_content_height (GTK_DRAWING_AREA (funnel)), ==, 400);
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autofree char *shot = g_strdup_printf ("large-text-%s%s", pages[p],
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
  close_example (window, dir, path);
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
  /* Warnings in a darker orange than the usual one, readable on white. */
  {
    GtkWidget *label = gtk_label_new ("close to target");
    GtkWidget *probe = gtk_window_new ();
    GdkRGBA color;

    gtk_widget_add_css_class (label, "warning-text");
    gtk_window_set_child (GTK_WINDOW (probe), label);
    gtk_window_present (GTK_WINDOW (probe));
    pl_test_wait_drawn (probe);
    gtk_style_context_get_color (gtk_widget_get_style_context (label), &color);
    g_assert_cmpfloat (0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue, <, 0.45);
    gtk_window_destroy (GTK_WINDOW (probe));
  }
  /* GNOME's high contrast in the dark style. */
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", TRUE, NULL);
  pl_test_wait_drawn (GTK_WIDGET (window));
  g_assert_true (pl_chart_theme_for_widget (funnel) == pl_chart_style_high_contrast (TRUE));
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
  g_test_add_func ("/large-text/high-contrast", test_high_contrast);
  return g_test_run ();
}

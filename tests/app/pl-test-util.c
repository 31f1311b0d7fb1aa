/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every UI test program needs: waiting for the display, screenshots, finding widgets. */
#include <glib/gstdio.h>

#include "pl-test-util.h"
#include "pl-i18n.h"
#include "../pl-test-scratch.h"

#include <gdk/x11/gdkx.h>
#include <math.h>

PlApplication *pl_test_app;

void
pl_test_init (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_test_init (argc, argv, NULL);
  /* Translations as the programs find them, for the tests that run in French. */
  pl_i18n_init ();
  gtk_init ();
  /* A page caught in the middle of a crossfade has half its widgets unallocated; tests and
   * their screenshots want the page as it settles. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  pl_test_app = pl_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (pl_test_app), NULL, &error);
  g_assert_no_error (error);
  /* Keep the application alive between windows, as a running desktop session would. */
  g_application_hold (G_APPLICATION (pl_test_app));
}

void
pl_test_spin (void)
{
  for (int i = 0; i < 200; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
pl_test_wait_drawn (GtkWidget *widget)
{
  gboolean done = FALSE;
  guint limit = g_timeout_add (5000, on_timeout_cb, &done);

  while (!done && (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0))
    g_main_context_iteration (NULL, TRUE);
  /* The timeout must not outlive @done, which lives on this stack frame. */
  if (!done)
    g_source_remove (limit);
  done = FALSE;
  g_timeout_add (300, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
on_waited_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
pl_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_waited_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  pl_test_spin ();
}

void
pl_test_screenshot (GtkWidget *widget, const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("screenshot-%s.png", name);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file, NULL);
  int width, height;

  pl_test_wait_drawn (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      /* Not drawn yet on a slow machine: one more wait, then a screenshot is not worth failing for. */
      pl_test_wait_drawn (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        {
          g_test_message ("screenshot %s skipped: nothing drawn yet", name);
          return;
        }
    }
  gsk_renderer_realize (renderer, NULL, NULL);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

char *
pl_test_copy_example (const char *dir)
{
  return pl_test_copy_plan (dir, "data/examples/northwind-saas-2027.pilote", "plan.pilote");
}

char *
pl_test_copy_plan (const char *dir, const char *relative, const char *name)
{
  g_autofree char *source = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), relative, NULL);
  char *target = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, (gssize) length, NULL));
  return target;
}

void
pl_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        pl_test_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

void
pl_test_wait_loaded (void)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gboolean loading = TRUE;

  /* Files are read in a worker thread: wait until no window is still reading one. */
  while (loading && g_get_monotonic_time () < until)
    {
      loading = FALSE;
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (pl_test_app)); l != NULL; l = l->next)
        if (PL_IS_WINDOW (l->data) && pl_window_is_loading (l->data))
          loading = TRUE;
      if (loading)
        g_main_context_iteration (NULL, TRUE);
    }
  g_assert_false (loading);
  pl_test_spin ();
}

PlWindow *
pl_test_open_in_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *window;

  pl_application_open_file (pl_test_app, file);
  pl_test_spin ();
  pl_test_wait_loaded ();
  /* The window showing this file: the active one may not be updated yet. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (pl_test_app)); l != NULL; l = l->next)
    {
      PlDocument *document = PL_IS_WINDOW (l->data) ? pl_window_get_document (l->data) : NULL;
      if (document != NULL && pl_document_get_file (document) != NULL &&
          g_file_equal (pl_document_get_file (document), file))
        {
          window = l->data;
          pl_test_wait_drawn (GTK_WIDGET (window));
          return PL_WINDOW (window);
        }
    }
  g_assert_not_reached ();
  return NULL;
}

GtkWidget *
pl_test_find_widget (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pl_test_find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
pl_test_find_by_id (GtkWidget *root, const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pl_test_find_by_id (child, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
pl_test_type_into (GtkWidget *root, const char *id, const char *text)
{
  GtkWidget *entry = pl_test_find_by_id (root, id);

  g_assert_true (GTK_IS_ENTRY (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  pl_test_spin ();
}

static void
on_child_exited_cb (GPid pid, int status, gpointer data)
{
  *(gboolean *) data = TRUE;
  g_spawn_close_pid (pid);
}

void
pl_test_xdotool (GPtrArray *argv)
{
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  GPid pid;

  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_async (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                NULL, &pid, &error));
  g_assert_no_error (error);
  g_child_watch_add (pid, on_child_exited_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  pl_test_spin ();
}

void
pl_test_keys (GtkWidget *widget, const char *keys)
{
  GtkNative *native = gtk_widget_get_native (widget);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);

  g_assert_true (GDK_IS_X11_SURFACE (gtk_native_get_surface (native)));
  g_assert_true (gtk_widget_grab_focus (widget));
  g_ptr_array_add (argv, g_strdup ("xdotool"));
  /* There is no window manager under Xvfb: give the window the X input focus first. */
  g_ptr_array_add (argv, g_strdup ("windowfocus"));
  g_ptr_array_add (argv, g_strdup ("--sync"));
  g_ptr_array_add (argv, g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (native))));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_ptr_array_add (argv, g_strdup ("key"));
      g_ptr_array_add (argv, g_strdup (names[i]));
      g_ptr_array_add (argv, g_strdup ("sleep"));
      g_ptr_array_add (argv, g_strdup ("0.1"));
    }
  pl_test_xdotool (argv);
}

void
pl_test_pointer_drag (GtkWidget *widget, double x0, double y0, double x1, double y1)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t from = GRAPHENE_POINT_INIT ((float) x0, (float) y0), to = GRAPHENE_POINT_INIT ((float) x1, (float) y1);
  graphene_point_t a, b;
  double sx, sy;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *xid = NULL;

  g_assert_true (GDK_IS_X11_SURFACE (gtk_native_get_surface (native)));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &from, &a));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &to, &b));
  /* Client-side decorations put the window's widgets inside a shadow margin of the surface. */
  gtk_native_get_surface_transform (native, &sx, &sy);
  xid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  g_ptr_array_add (argv, g_strdup ("xdotool"));
  for (int step = 0; step <= 8; step++)
    {
      double t = step / 8.0;
      g_ptr_array_add (argv, g_strdup ("mousemove"));
      g_ptr_array_add (argv, g_strdup ("--window"));
      g_ptr_array_add (argv, g_strdup (xid));
      g_ptr_array_add (argv, g_strdup_printf ("%d", (int) lround (sx + a.x + (b.x - a.x) * t)));
      g_ptr_array_add (argv, g_strdup_printf ("%d", (int) lround (sy + a.y + (b.y - a.y) * t)));
      g_ptr_array_add (argv, g_strdup ("sleep"));
      g_ptr_array_add (argv, g_strdup ("0.05"));
      if (step == 0)
        g_ptr_array_add (argv, g_strdup ("mousedown"));
      else if (step == 8)
        g_ptr_array_add (argv, g_strdup ("mouseup"));
      else
        continue;
      g_ptr_array_add (argv, g_strdup ("1"));
      g_ptr_array_add (argv, g_strdup ("sleep"));
      g_ptr_array_add (argv, g_strdup ("0.05"));
    }
  pl_test_xdotool (argv);
}

GtkWindow *
pl_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

GtkWidget *
pl_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

char *
pl_test_scratch_dir (const char *pattern)
{
  return pl_test_scratch_make (pattern);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The record tables of the Plan page: their drop-downs changed as a user changes them. */
#include <gtk/gtk.h>

#include "pl-plan-page.h"
#include "pl-record-table.h"
#include "pl-test-util.h"
#include "pl-window.h"

static void
collect (GtkWidget *root, GType type, GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

/* Changing a drop-down inside a table row (a play's channel, its segment) is an edit of the
 * plan, and logs nothing: it once logged a GLib-GObject-CRITICAL. */
static void
test_dropdown_in_row (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pilote-ui-XXXXXX", NULL);
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_PLAN_PAGE);
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  guint changed = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "plan");
  pl_test_wait_drawn (GTK_WIDGET (window));
  collect (page, PL_TYPE_RECORD_TABLE, tables);
  g_assert_cmpuint (tables->len, >, 0);
  for (guint t = 0; t < tables->len; t++)
    {
      g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

      collect (g_ptr_array_index (tables, t), GTK_TYPE_DROP_DOWN, dropdowns);
      for (guint d = 0; d < dropdowns->len; d++)
        {
          GtkDropDown *dropdown = g_ptr_array_index (dropdowns, d);
          guint n = g_list_model_get_n_items (gtk_drop_down_get_model (dropdown));
          guint64 serial = pl_plan_get_serial (plan);
          guint before = gtk_drop_down_get_selected (dropdown);

          if (n < 2 || !gtk_widget_get_mapped (GTK_WIDGET (dropdown)))
            continue;
          gtk_drop_down_set_selected (dropdown, before == 1 ? 2 % n : 1);
          pl_test_spin ();
          g_assert_cmpuint (pl_plan_get_serial (plan), !=, serial);
          changed++;
        }
    }
  /* Several tables hold drop-downs: the playbook's segment and channel, the objectives' KPI. */
  g_assert_cmpuint (changed, >=, 3);
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  /* A critical fails the test even when run by hand, without G_DEBUG=fatal-criticals. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_ERROR);
  g_test_add_func ("/record-table/dropdown-in-row", test_dropdown_in_row);
  return g_test_run ();
}

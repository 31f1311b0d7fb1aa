/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The record tables of the Plan page: their drop-downs changed as a user changes them. */
#include <gtk/gtk.h>

#include "pl-choice-list.h"
#include "pl-field-cell.h"
#include "pl-plan-page.h"
#include "pl-record-table.h"
#include "pl-records.h"
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

/* Opens a copy of the example in @dir (made) on the Plan page, drawn; returns the window and
 * the page's record tables in @tables. */
static PlWindow *
open_plan_page (char **dir, GPtrArray *tables)
{
  g_autofree char *path = NULL;
  PlWindow *window;

  *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  path = pl_test_copy_example (*dir);
  window = pl_test_open_in_window (path);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "plan");
  pl_test_wait_drawn (GTK_WIDGET (window));
  collect (pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_PLAN_PAGE), PL_TYPE_RECORD_TABLE, tables);
  g_assert_cmpuint (tables->len, >, 0);
  return window;
}

/* Changing a drop-down inside a table row (a play's channel, its segment) is an edit of the
 * plan, and logs nothing: it once logged a GLib-GObject-CRITICAL. */
static void
test_dropdown_in_row (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  PlWindow *window = open_plan_page (&dir, tables);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  guint changed = 0;

  for (guint t = 0; t < tables->len; t++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new ();

      collect (g_ptr_array_index (tables, t), PL_TYPE_FIELD_CELL, cells);
      for (guint d = 0; d < cells->len; d++)
        {
          GtkDropDown *dropdown;
          guint n, before;
          guint64 serial = pl_plan_get_serial (plan);

          if (!gtk_widget_get_mapped (g_ptr_array_index (cells, d)))
            continue;
          /* The cell shows its value until the user reaches it; then it is the drop-down. */
          dropdown = (GtkDropDown *) pl_field_cell_reach (g_ptr_array_index (cells, d));
          pl_test_spin ();
          /* Made and shown, the drop-down changed nothing. */
          g_assert_cmpuint (pl_plan_get_serial (plan), ==, serial);
          if (!GTK_IS_DROP_DOWN (dropdown))
            continue;
          n = g_list_model_get_n_items (gtk_drop_down_get_model (dropdown));
          before = gtk_drop_down_get_selected (dropdown);
          if (n < 2)
            continue;
          gtk_drop_down_set_selected (dropdown, before == 1 ? 2 % n : 1);
          pl_test_spin ();
          g_assert_cmpuint (pl_plan_get_serial (plan), !=, serial);
          changed++;
          /* One per table: every edit redraws the window's pages. */
          break;
        }
    }
  /* Several tables hold drop-downs: the playbook's segment and channel, the objectives' KPI. */
  g_assert_cmpuint (changed, >=, 3);
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* The first cell of @table (a PlRecordTable) on screen that edits a field of @type (of a
 * reference: to a campaign, named), reached or not, or NULL. */
static PlFieldCell *
find_cell (GtkWidget *table, PlFieldType type, gboolean reached)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  collect (table, PL_TYPE_FIELD_CELL, cells);
  for (guint i = 0; i < cells->len; i++)
    {
      PlFieldCell *cell = g_ptr_array_index (cells, i);
      const PlField *field = pl_field_cell_get_field (cell);
      g_autofree char *text = pl_field_cell_get_text (cell);

      /* A reference that names a record ("None" names none). */
      if (type == PL_FIELD_REF && (g_strcmp0 (text, "None") == 0 || field->ref != PL_COLLECTION_CAMPAIGNS))
        continue;
      if (gtk_widget_get_mapped (GTK_WIDGET (cell)) && field->type == type &&
          (pl_field_cell_get_editor (cell) != NULL) == reached)
        return cell;
    }
  return NULL;
}

/* The tables show values, and make a field's editor only when the user reaches it: the
 * keyboard focus, a click on a drop-down. What they show is what the editor shows. */
static void
test_cells_reached (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  PlWindow *window = open_plan_page (&dir, tables);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  GtkWidget *calendar = NULL;
  PlFieldCell *cell;
  GtkWidget *editor;

  pl_test_screenshot (GTK_WIDGET (window), "record-tables");
  /* Shown, no drop-down made: a drop-down is a popover and a list of its own. */
  collect (pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_PLAN_PAGE), GTK_TYPE_DROP_DOWN, dropdowns);
  for (guint i = 0; i < dropdowns->len; i++)
    g_assert_null (gtk_widget_get_ancestor (g_ptr_array_index (dropdowns, i), PL_TYPE_RECORD_TABLE));
  for (guint t = 0; t < tables->len && calendar == NULL; t++)
    if (find_cell (g_ptr_array_index (tables, t), PL_FIELD_REF, FALSE) != NULL &&
        find_cell (g_ptr_array_index (tables, t), PL_FIELD_DATE, FALSE) != NULL)
      calendar = g_ptr_array_index (tables, t);
  g_assert_nonnull (calendar);

  /* A date reached with the keyboard: the text field takes the focus, showing the same. */
  cell = find_cell (calendar, PL_FIELD_DATE, FALSE);
  {
    g_autofree char *shown = pl_field_cell_get_text (cell);

    gtk_widget_grab_focus (GTK_WIDGET (cell));
    pl_test_spin ();
    editor = pl_field_cell_get_editor (cell);
    g_assert_true (GTK_IS_ENTRY (editor));
    g_assert_true (gtk_widget_is_focus (GTK_WIDGET (gtk_widget_get_first_child (editor))) || gtk_widget_has_focus (editor) ||
                   gtk_widget_get_focus_child (editor) != NULL);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, shown);
  }

  /* A campaign's drop-down: its name follows a rename; a click opens the real drop-down. */
  cell = find_cell (calendar, PL_FIELD_REF, FALSE);
  {
    g_autofree char *before = pl_field_cell_get_text (cell);
    GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
    PlItem *shown = NULL;
    GtkWidget *button;
    g_autofree char *after = NULL;
    g_autoptr(GError) error = NULL;
    guint64 serial;

    for (guint i = 0; shown == NULL && i < g_list_model_get_n_items (campaigns); i++)
      {
        g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
        if (g_strcmp0 (pl_item_get_display_name (campaign), before) == 0)
          shown = campaign;
      }
    g_assert_nonnull (shown);
    g_assert_true (pl_plan_set_string (plan, shown, PL_CAMPAIGN_NAME, "Renamed in the plan", &error));
    g_assert_no_error (error);
    pl_test_spin ();
    after = pl_field_cell_get_text (cell);
    g_assert_cmpstr (after, ==, "Renamed in the plan");
    button = pl_test_find_widget (GTK_WIDGET (cell), GTK_TYPE_TOGGLE_BUTTON);
    g_assert_nonnull (button);
    serial = pl_plan_get_serial (plan);
    g_signal_emit_by_name (button, "clicked");
    pl_test_spin ();
    g_assert_cmpuint (pl_plan_get_serial (plan), ==, serial);
    editor = pl_field_cell_get_editor (cell);
    g_assert_true (GTK_IS_DROP_DOWN (editor));
    g_assert_cmpstr (pl_choice_get_text (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (editor))), ==, "Renamed in the plan");
    /* Opened once it is placed, at the next frame. */
    for (int i = 0; i < 100 && !gtk_widget_get_visible (pl_test_find_widget (editor, GTK_TYPE_POPOVER)); i++)
      {
        g_usleep (20000);
        pl_test_spin ();
      }
    g_assert_true (gtk_widget_get_visible (pl_test_find_widget (editor, GTK_TYPE_POPOVER)));
    pl_test_screenshot (GTK_WIDGET (window), "record-table-dropdown");
    gtk_popover_popdown (GTK_POPOVER (pl_test_find_widget (editor, GTK_TYPE_POPOVER)));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* The keyboard goes through a row as it did when every cell was an editor: Tab from a text
 * field reached lands in the next cell's drop-down, and what is typed is committed on Enter. */
static void
test_cells_keyboard (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  PlWindow *window = open_plan_page (&dir, tables);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  PlFieldCell *statement, *kpi;
  GtkWidget *focus;
  PlItem *objective;

  /* The objectives: a statement, then the KPI that measures it. */
  collect (g_ptr_array_index (tables, 0), PL_TYPE_FIELD_CELL, cells);
  g_assert_cmpuint (cells->len, >=, 2);
  statement = g_ptr_array_index (cells, 0);
  kpi = g_ptr_array_index (cells, 1);
  g_assert_cmpint (pl_field_cell_get_field (statement)->type, ==, PL_FIELD_TEXT);
  g_assert_cmpint (pl_field_cell_get_field (kpi)->type, ==, PL_FIELD_REF);
  g_assert_null (pl_field_cell_get_editor (kpi));

  pl_test_keys (GTK_WIDGET (statement), "Tab");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (pl_field_cell_get_editor (kpi));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (kpi)));

  /* Typed into the statement, committed by Enter. */
  objective = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_OBJECTIVES), 0);
  g_object_unref (objective);
  pl_test_keys (GTK_WIDGET (statement), "ctrl+a W i n Return");
  g_assert_cmpstr (pl_item_get_string (objective, PL_OBJECTIVE_STATEMENT), ==, "Win");
  {
    g_autofree char *shown = pl_field_cell_get_text (statement);
    g_assert_cmpstr (shown, ==, "Win");
  }

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
  g_test_add_func ("/record-table/cells-reached", test_cells_reached);
  g_test_add_func ("/record-table/cells-keyboard", test_cells_keyboard);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The budget and KPI grids typed into as a spreadsheet, with the real keyboard (xdotool
 * through the X server): typing over a value replaces it, F2 edits at its end, Escape puts it
 * back, a bad value is refused and named, a value 10 times off its line's usual month is
 * warned about and undone from the warning, a 3x4 block pasted from the clipboard is one
 * undoable step, a block with a bad cell is refused whole naming its line and month, and a
 * block copied out reads back as a spreadsheet reads it. Run in American English and in
 * French (LANGUAGE, LC_ALL): every figure is typed and pasted as that reader writes it.
 * Writes screenshots of the editing frame and the warning. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "pl-budget-grid.h"
#include "pl-budget-page.h"
#include "pl-cell-editor.h"
#include "pl-figures.h"
#include "pl-grid-view.h"
#include "pl-kpis-page.h"
#include "pl-measurements-grid.h"
#include "pl-money.h"
#include "pl-test-util.h"

#include <gdk/x11/gdkx.h>

/* TRUE in the French run: figures are written "1 000,50" there, "1,000.50" in English. */
static gboolean
french (void)
{
  return g_str_has_prefix (setlocale (LC_NUMERIC, NULL), "fr");
}

/* @text with the locale's no-break spaces made plain, for comparing messages. */
static char *
plain (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("[\\x{00A0}\\x{202F}]", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

static void
assert_contains (const char *text, const char *part)
{
  g_autofree char *a = plain (text ? text : "");
  g_autofree char *b = plain (part);

  if (strstr (a, b) == NULL)
    g_error ("“%s” does not contain “%s”", a, b);
}

/* The month as the grids' messages name it ("March", "mars"). */
static char *
month_name (PlPlan *plan, guint month, const char *format)
{
  GDate date;
  char name[64];

  g_date_set_julian (&date, pl_plan_month_start (plan, month));
  g_date_strftime (name, sizeof name, format, &date);
  return g_strdup (name);
}

/* The notice beside @grid, or NULL when none shows. */
static const char *
notice_message (GtkWidget *grid)
{
  return pl_grid_notice_get_message (PL_GRID_NOTICE (pl_test_find_widget (grid, PL_TYPE_GRID_NOTICE)));
}

/* Puts @text on the clipboard, as a spreadsheet does when cells are copied. */
static void
set_clipboard (GtkWidget *widget, const char *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  pl_test_spin ();
}

static char *
get_clipboard (GtkWidget *widget)
{
  GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (widget));
  GValue value = G_VALUE_INIT;
  char *text;

  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  text = g_value_dup_string (&value);
  g_value_unset (&value);
  return text;
}

/* Waits for the plan to change (a paste reads the clipboard asynchronously). */
static void
wait_changed (PlPlan *plan, guint64 serial)
{
  for (int i = 0; i < 50 && pl_plan_get_serial (plan) == serial; i++)
    {
      g_usleep (20000);
      pl_test_spin ();
    }
}

static void
on_exited_cb (GPid pid, int status, gpointer data)
{
  *(gboolean *) data = TRUE;
  g_spawn_close_pid (pid);
}

/* Clicks the middle of @widget @count times with the real pointer (xdotool), @modifier
 * ("shift", or NULL) held down, as a user's hand would. */
static void
click (GtkWidget *widget, const char *modifier, int count)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f, gtk_widget_get_height (widget) / 2.f);
  graphene_point_t at;
  double sx, sy;
  g_autofree char *xid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  g_autofree char *x = NULL, *y = NULL, *repeat = g_strdup_printf ("%d", count);
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  GPid pid;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &middle, &at));
  gtk_native_get_surface_transform (native, &sx, &sy);
  x = g_strdup_printf ("%d", (int) (sx + at.x));
  y = g_strdup_printf ("%d", (int) (sy + at.y));
  {
    const char *argv[] = { "xdotool", "windowfocus", "--sync", xid,
                           "keydown", modifier ? modifier : "super", "mousemove", "--window", xid, x, y, "sleep", "0.1",
                           "click", "--repeat", repeat, "--delay", "80", "1", "sleep", "0.1",
                           "keyup", modifier ? modifier : "super", NULL };
    /* Without a modifier, none is pressed: the two "super" steps are left out. */
    g_autoptr(GPtrArray) args = g_ptr_array_new ();
    for (guint i = 0; argv[i] != NULL; i++)
      {
        if (modifier == NULL && (g_str_equal (argv[i], "keydown") || g_str_equal (argv[i], "keyup")))
          {
            i++;
            continue;
          }
        g_ptr_array_add (args, (gpointer) argv[i]);
      }
    g_ptr_array_add (args, NULL);
    g_assert_true (g_spawn_async (NULL, (char **) args->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                  NULL, NULL, &pid, &error));
  }
  g_assert_no_error (error);
  g_child_watch_add (pid, on_exited_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  pl_test_spin ();
}

static gint64
planned (PlItem *line, int month)
{
  return pl_figures_line_planned (PL_BUDGET_LINE (line), month);
}

static void
test_budget_grid (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_BUDGET_PAGE);
  PlBudgetGrid *grid = PL_BUDGET_GRID (pl_test_find_widget (page, PL_TYPE_BUDGET_GRID));
  PlItem *linkedin = pl_plan_lookup (plan, "line-linkedin");
  PlItem *google = pl_plan_lookup (plan, "line-google");
  PlItem *retargeting = pl_plan_lookup (plan, "line-retargeting");
  PlItem *lines[3] = { linkedin, google, retargeting };
  gint64 before[3][4];
  g_autofree char *march = month_name (plan, 2, "%B");
  g_autofree char *february = month_name (plan, 1, "%B");
  GtkWidget *cell;
  g_autofree char *shown = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "budget");
  pl_test_wait_drawn (GTK_WIDGET (grid));
  for (int r = 0; r < 3; r++)
    for (int m = 0; m < 4; m++)
      before[r][m] = planned (lines[r], m);
  g_assert_cmpint (planned (linkedin, 2), ==, 1900000);

  /* Typing over a value replaces it (30000 over 19 000 is 30 000, not 19 00030 000), and
   * Enter stores it and goes to the line below, as a spreadsheet does. */
  cell = pl_budget_grid_get_cell (grid, linkedin, 2);
  pl_test_keys (cell, "3 0 0 0 0 Return");
  g_assert_cmpint (planned (linkedin, 2), ==, 3000000);
  shown = pl_money_to_display (3000000, 2);
  g_assert_cmpstr (pl_cell_editor_get_text (PL_CELL_EDITOR (cell)), ==, shown);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (focus == pl_budget_grid_get_cell (grid, google, 2));
  }
  g_assert_null (notice_message (GTK_WIDGET (grid)));

  /* F2 edits with the caret at the end: what is typed is added; Escape puts the value back. */
  cell = pl_budget_grid_get_cell (grid, google, 2);
  pl_test_keys (cell, "F2 7");
  g_assert_true (pl_cell_editor_is_editing (PL_CELL_EDITOR (cell)));
  {
    g_autofree char *old = pl_money_to_display (2000000, 2);
    g_autofree char *expected = g_strconcat (old, "7", NULL);
    g_assert_cmpstr (pl_cell_editor_get_edit_text (PL_CELL_EDITOR (cell)), ==, expected);
    g_assert_true (gtk_widget_has_css_class (cell, "editing"));
    pl_test_screenshot (GTK_WIDGET (grid), french () ? "grid-editing-fr" : "grid-editing");
    pl_test_keys (cell, "Escape");
    g_assert_false (pl_cell_editor_is_editing (PL_CELL_EDITOR (cell)));
    g_assert_cmpstr (pl_cell_editor_get_text (PL_CELL_EDITOR (cell)), ==, old);
  }
  g_assert_cmpint (planned (google, 2), ==, 2000000);
  /* Changing the end of the value: 20 000 becomes 20 500. */
  pl_test_keys (cell, "F2 BackSpace BackSpace BackSpace 5 0 0 Return");
  g_assert_cmpint (planned (google, 2), ==, 2050000);
  /* Typing over, then Escape: nothing changes. */
  pl_test_keys (cell, "9 9 Escape");
  g_assert_cmpint (planned (google, 2), ==, 2050000);

  /* A bad value is refused, named, and the old one kept. */
  pl_test_keys (cell, "a b c Return");
  g_assert_true (pl_cell_editor_is_editing (PL_CELL_EDITOR (cell)));
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  assert_contains (notice_message (GTK_WIDGET (grid)), "Google Ads – search");
  assert_contains (notice_message (GTK_WIDGET (grid)), march);
  assert_contains (notice_message (GTK_WIDGET (grid)), "abc");
  pl_test_keys (cell, "Escape");
  g_assert_cmpint (planned (google, 2), ==, 2050000);
  while (pl_plan_can_undo (plan))
    pl_plan_undo (plan);
  pl_test_spin ();
  g_assert_false (pl_plan_get_modified (plan));

  /* 100 times the line's usual month: a warning names the line, the month and the usual
   * amount, the value is kept (the user is not stopped), and its Undo takes it back. */
  pl_test_keys (cell, "2 0 0 0 0 0 0 Tab");
  g_assert_cmpint (planned (google, 2), ==, 200000000);
  {
    g_autofree char *usual = pl_money_format (2000000, 2, pl_plan_get_currency (plan));
    const char *message = notice_message (GTK_WIDGET (grid));

    g_assert_nonnull (message);
    assert_contains (message, "Google Ads – search");
    assert_contains (message, march);
    assert_contains (message, usual);
    assert_contains (message, french () ? "plus de 10 fois" : "more than 10 times");
  }
  /* Tab went right: the user goes on typing. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == pl_budget_grid_get_cell (grid, google, 3));
  pl_test_screenshot (GTK_WIDGET (grid), french () ? "grid-warning-fr" : "grid-warning");
  g_signal_emit_by_name (pl_grid_notice_get_undo_button (PL_GRID_NOTICE (pl_test_find_widget (GTK_WIDGET (grid), PL_TYPE_GRID_NOTICE))),
                         "clicked");
  pl_test_spin ();
  g_assert_cmpint (planned (google, 2), ==, 2000000);
  g_assert_null (notice_message (GTK_WIDGET (grid)));
  g_assert_false (pl_plan_get_modified (plan));

  /* A 3x4 block from a spreadsheet (CRLF, a quoted cell, the last newline): one step. */
  {
    const char *block = french ()
      ? "1 000,50\t2000\t3000\t4000\r\n5000\t\"6 000\"\t7000\t8000\r\n9000\t10000\t11000\t12000,25\r\n"
      : "1,000.50\t2000\t3000\t4000\r\n5000\t\"6,000\"\t7000\t8000\r\n9000\t10000\t11000\t12000.25\r\n";
    const gint64 expected[3][4] = { { 100050, 200000, 300000, 400000 },
                                    { 500000, 600000, 700000, 800000 },
                                    { 900000, 1000000, 1100000, 1200025 } };
    guint64 serial = pl_plan_get_serial (plan);

    set_clipboard (GTK_WIDGET (grid), block);
    pl_test_keys (pl_budget_grid_get_cell (grid, linkedin, 0), "ctrl+v");
    wait_changed (plan, serial);
    for (int r = 0; r < 3; r++)
      for (int m = 0; m < 4; m++)
        g_assert_cmpint (planned (lines[r], m), ==, expected[r][m]);
    g_assert_null (notice_message (GTK_WIDGET (grid)));
    pl_test_screenshot (GTK_WIDGET (grid), french () ? "grid-pasted-fr" : "grid-pasted");
    /* Copied out again, the block reads as it was pasted (in the locale, without grouping). */
    pl_test_keys (pl_budget_grid_get_cell (grid, linkedin, 0), "shift+Right shift+Down ctrl+c");
    pl_test_screenshot (GTK_WIDGET (grid), french () ? "grid-block-fr" : "grid-block");
    {
      g_autofree char *copied = get_clipboard (GTK_WIDGET (grid));
      g_assert_cmpstr (copied, ==, french () ? "1000,50\t2000\n5000\t6000\n" : "1000.50\t2000\n5000\t6000\n");
    }
    pl_plan_undo (plan);
    pl_test_spin ();
    for (int r = 0; r < 3; r++)
      for (int m = 0; m < 4; m++)
        g_assert_cmpint (planned (lines[r], m), ==, before[r][m]);
    g_assert_false (pl_plan_get_modified (plan));
  }

  /* The arrows scroll the grid sideways to the cell they select. */
  pl_test_keys (pl_budget_grid_get_cell (grid, google, 8), "Right Right Right");
  {
    GtkWidget *december = pl_budget_grid_get_cell (grid, google, 11);
    GtkWidget *scrolled = gtk_widget_get_ancestor (december, GTK_TYPE_SCROLLED_WINDOW);
    graphene_rect_t bounds;

    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == december);
    pl_test_wait_drawn (december);
    g_assert_true (gtk_widget_compute_bounds (december, scrolled, &bounds));
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (scrolled));
  }

  /* A click selects a cell, Shift+click stretches a block to another: copied as a block. */
  click (pl_budget_grid_get_cell (grid, linkedin, 4), NULL, 1);
  click (pl_budget_grid_get_cell (grid, google, 5), "shift", 1);
  pl_test_keys (pl_budget_grid_get_cell (grid, google, 5), "ctrl+c");
  {
    g_autofree char *copied = get_clipboard (GTK_WIDGET (grid));
    g_assert_cmpstr (copied, ==, "19000\t16000\n20000\t20000\n");
  }
  /* A double-click edits in place, the caret at the end. */
  cell = pl_budget_grid_get_cell (grid, google, 5);
  click (cell, NULL, 2);
  g_assert_true (pl_cell_editor_is_editing (PL_CELL_EDITOR (cell)));
  pl_test_keys (cell, "1");
  {
    g_autofree char *old = pl_money_to_display (2000000, 2);
    g_autofree char *expected = g_strconcat (old, "1", NULL);
    g_assert_cmpstr (pl_cell_editor_get_edit_text (PL_CELL_EDITOR (cell)), ==, expected);
  }
  pl_test_keys (cell, "Escape");
  g_assert_false (pl_cell_editor_is_editing (PL_CELL_EDITOR (cell)));
  g_assert_cmpint (planned (google, 5), ==, 2000000);

  /* Tab in the last month leaves the grid: the keyboard is never trapped in it. */
  pl_test_keys (pl_budget_grid_get_cell (grid, google, 11), "Tab");
  g_assert_false (PL_IS_CELL_EDITOR (gtk_root_get_focus (GTK_ROOT (window))));

  /* A bad cell refuses the whole block, naming its line and month. */
  {
    guint64 serial = pl_plan_get_serial (plan);

    set_clipboard (GTK_WIDGET (grid), "1\t2\n3\tfour\n");
    pl_test_keys (pl_budget_grid_get_cell (grid, linkedin, 0), "ctrl+v");
    for (int i = 0; i < 50 && notice_message (GTK_WIDGET (grid)) == NULL; i++)
      {
        g_usleep (20000);
        pl_test_spin ();
      }
    assert_contains (notice_message (GTK_WIDGET (grid)), "Google Ads – search");
    assert_contains (notice_message (GTK_WIDGET (grid)), february);
    assert_contains (notice_message (GTK_WIDGET (grid)), "four");
    g_assert_cmpuint (pl_plan_get_serial (plan), ==, serial);
    g_assert_cmpint (planned (linkedin, 0), ==, before[0][0]);
    g_assert_false (pl_plan_can_undo (plan));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* A cell of the KPIs' month grid. */
static GtkWidget *
kpi_cell (GtkWidget *root, PlItem *kpi, guint month)
{
  if (PL_IS_CELL_EDITOR (root) && g_object_get_data (G_OBJECT (root), "kpi") == (gpointer) kpi &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (root), "month")) == month)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kpi_cell (child, kpi, month);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static double
measured (PlItem *kpi, PlPlan *plan, guint month)
{
  const PlPoint *point = pl_series_lookup (pl_kpi_get_measurements (PL_KPI (kpi)), pl_plan_month_start (plan, month));

  return point ? point->value : -1;
}

static void
test_measurements_grid (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_KPIS_PAGE);
  GtkWidget *grid = pl_test_find_widget (page, PL_TYPE_MEASUREMENTS_GRID);
  PlItem *leads = pl_plan_lookup (plan, "kpi-leads");
  PlItem *mql = pl_plan_lookup (plan, "kpi-mql");
  PlItem *cpl = pl_plan_lookup (plan, "kpi-cpl");
  double leads_before[3], mql_before[3];
  g_autofree char *january = month_name (plan, 0, "%B %Y");
  GtkWidget *cell;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "kpis");
  /* The figures show for the KPI selected in the list. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-item", "s", "kpi-leads");
  pl_test_spin ();
  gtk_widget_activate_action (page, "kpis.edit-figures", NULL);
  pl_test_wait_drawn (grid);
  for (guint m = 0; m < 3; m++)
    {
      leads_before[m] = measured (leads, plan, m);
      mql_before[m] = measured (mql, plan, m);
    }
  g_assert_cmpfloat (leads_before[0], ==, 585);

  /* Typing over 585 gives 600, not 585600; F2 adds at the end; Escape puts it back. */
  cell = kpi_cell (grid, leads, 0);
  g_assert_nonnull (cell);
  pl_test_keys (cell, "6 0 0 Return");
  g_assert_cmpfloat (measured (leads, plan, 0), ==, 600);
  pl_test_keys (cell, "F2 1");
  g_assert_cmpstr (pl_cell_editor_get_edit_text (PL_CELL_EDITOR (cell)), ==, "6001");
  pl_test_screenshot (grid, french () ? "grid-kpis-editing-fr" : "grid-kpis-editing");
  pl_test_keys (cell, "Escape");
  g_assert_cmpstr (pl_cell_editor_get_text (PL_CELL_EDITOR (cell)), ==, "600");
  g_assert_cmpfloat (measured (leads, plan, 0), ==, 600);
  pl_plan_undo (plan);
  pl_test_spin ();

  /* A computed KPI is not typed into: the notice says why. */
  pl_test_keys (kpi_cell (grid, cpl, 0), "5");
  assert_contains (notice_message (grid), french () ? "formule" : "formula");

  /* Ten times the usual month, warned and undone from the warning. */
  pl_test_keys (cell, "9 0 0 0 Return");
  g_assert_cmpfloat (measured (leads, plan, 0), ==, 9000);
  assert_contains (notice_message (grid), "Leads");
  assert_contains (notice_message (grid), january);
  g_signal_emit_by_name (pl_grid_notice_get_undo_button (PL_GRID_NOTICE (pl_test_find_widget (grid, PL_TYPE_GRID_NOTICE))),
                         "clicked");
  pl_test_spin ();
  g_assert_cmpfloat (measured (leads, plan, 0), ==, 585);
  g_assert_false (pl_plan_get_modified (plan));

  /* A 2x3 block in the locale's writing: one step, undone whole. */
  {
    guint64 serial = pl_plan_get_serial (plan);

    set_clipboard (grid, french () ? "1 000\t1 100\t1 200\n300\t310\t320\n" : "1,000\t1,100\t1,200\n300\t310\t320\n");
    pl_test_keys (cell, "ctrl+v");
    wait_changed (plan, serial);
    g_assert_cmpfloat (measured (leads, plan, 0), ==, 1000);
    g_assert_cmpfloat (measured (leads, plan, 2), ==, 1200);
    g_assert_cmpfloat (measured (mql, plan, 1), ==, 310);
    pl_plan_undo (plan);
    pl_test_spin ();
    for (guint m = 0; m < 3; m++)
      {
        g_assert_cmpfloat (measured (leads, plan, m), ==, leads_before[m]);
        g_assert_cmpfloat (measured (mql, plan, m), ==, mql_before[m]);
      }
    g_assert_false (pl_plan_get_modified (plan));
  }

  /* A bad cell refuses it whole, naming the KPI and the month. */
  set_clipboard (grid, "1\t2\nx\t4\n");
  pl_test_keys (cell, "ctrl+v");
  for (int i = 0; i < 50 && (notice_message (grid) == NULL || strstr (notice_message (grid), "Marketing qualified leads") == NULL); i++)
    {
      g_usleep (20000);
      pl_test_spin ();
    }
  assert_contains (notice_message (grid), "Marketing qualified leads");
  assert_contains (notice_message (grid), january);
  g_assert_false (pl_plan_can_undo (plan));
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* The clipboard's text split as a spreadsheet writes it. */
static void
test_parse_block (void)
{
  g_autoptr(GPtrArray) rows = pl_grid_parse_block ("a\tb\r\n\"c\td\"\t\"say \"\"hi\"\"\"\n\te\n");
  g_autoptr(GPtrArray) one = pl_grid_parse_block ("42");
  g_autofree char *again = NULL;

  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), ((const char *[]) { "a", "b", NULL }));
  g_assert_cmpstrv (g_ptr_array_index (rows, 1), ((const char *[]) { "c\td", "say \"hi\"", NULL }));
  g_assert_cmpstrv (g_ptr_array_index (rows, 2), ((const char *[]) { "", "e", NULL }));
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstrv (g_ptr_array_index (one, 0), ((const char *[]) { "42", NULL }));
  again = pl_grid_format_block (rows);
  g_assert_cmpstr (again, ==, "a\tb\n\"c\td\"\t\"say \"\"hi\"\"\"\n\te\n");
  /* The usual month: the median of the others, zeros left out. */
  g_assert_cmpfloat (pl_grid_usual_value ((const double[]) { 10, 0, 30, 20, 40, 9999 }, 6, 5), ==, 25);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/grid/parse-block", test_parse_block);
  g_test_add_func ("/grid/budget", test_budget_grid);
  g_test_add_func ("/grid/measurements", test_measurements_grid);
  return g_test_run ();
}

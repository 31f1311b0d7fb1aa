/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A first plan from nothing, driven with the real keyboard (and the pointer where a user
 * must click), counting the user's actions (issue 26): every key press that is not a
 * character typed into a field (Tab, Enter, arrows, shortcuts, Escape) and every click.
 * Title and period, two budget lines with a yearly amount each, three campaigns with their
 * dates, one KPI's yearly target, one link from a campaign to that KPI with its expected
 * contribution, one month of actual spend, save. Prints "first-plan actions: N" and each
 * step's count, fails above the budget, and writes a screenshot of each step (to
 * $PILOTE_SHOTS_DIR when set, else the test build folder) in the language it runs in.
 * The same plan at b962f78 (before issue 26: no New Plan dialog, the title typed on the Plan
 * page, no Ctrl+Shift+E, B and M, no "Attach to a KPI") took 51 actions; 37 now (Enter in the KPI
 * search selects, and a new link or spend entry has the focus in what to type). */
#include <string.h>

#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pl-application.h"
#include "pl-budget-page.h"
#include "pl-campaigns-page.h"
#include "pl-field-cell.h"
#include "pl-kpis-page.h"
#include "pl-document.h"
#include "pl-figures.h"
#include "pl-test-util.h"
#include "pl-window.h"

/* What the whole first plan may cost; lowered as friction goes. */
#define ACTION_BUDGET 37

static guint actions;
static guint step_actions;
static guint step_number;
static GString *report;

static const char *
language (void)
{
  return g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "en";
}

static GtkWidget *
active_window (void)
{
  return GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (pl_test_app)));
}

/* The toplevel or popover that has the keyboard: the last visible toplevel opened. */
static GtkNative *
keyboard_native (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *window = NULL;
  GtkWidget *focus;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (gtk_widget_get_visible (GTK_WIDGET (w)) && (window == NULL || gtk_window_get_transient_for (w) != NULL))
        window = GTK_WIDGET (w);
    }
  g_assert_nonnull (window);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  if (focus != NULL)
    return gtk_widget_get_native (focus);
  return GTK_NATIVE (window);
}

/* Runs xdotool, then lets what the key started (a dialog, a popover) show before the next. */
static void
run_xdotool (GPtrArray *argv)
{
  pl_test_xdotool (argv);
  pl_test_wait_ms (150);
}

static void
focus_native (GPtrArray *argv, GtkNative *native)
{
  g_assert_true (GDK_IS_X11_SURFACE (gtk_native_get_surface (native)));
  g_ptr_array_add (argv, g_strdup ("xdotool"));
  /* No window manager under Xvfb: the window the user looks at gets the X input focus. */
  g_ptr_array_add (argv, g_strdup ("windowfocus"));
  g_ptr_array_add (argv, g_strdup ("--sync"));
  g_ptr_array_add (argv, g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (native))));
}

/* Where the keyboard went, in the test's log: what the next key will reach. */
static void
log_focus (const char *what)
{
  GtkNative *native = keyboard_native ();
  GtkWidget *focus = GTK_IS_ROOT (native) ? gtk_root_get_focus (GTK_ROOT (native)) : NULL;
  const char *id = NULL;

  for (GtkWidget *w = focus; w != NULL && id == NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_BUILDABLE (w))
      id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (w));
  g_test_message ("  %s -> focus %s (%s)", what, focus ? G_OBJECT_TYPE_NAME (focus) : "none", id ? id : "-");
}

/* Presses @keys (xdotool names, space-separated) where the keyboard is: each one an action. */
static void
press (const char *keys)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);

  focus_native (argv, keyboard_native ());
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_ptr_array_add (argv, g_strdup ("key"));
      g_ptr_array_add (argv, g_strdup (names[i]));
      g_ptr_array_add (argv, g_strdup ("sleep"));
      g_ptr_array_add (argv, g_strdup ("0.1"));
      actions++;
      step_actions++;
    }
  run_xdotool (argv);
  log_focus (keys);
}

/* Types @text into the field that has the focus: characters, no action counted. */
static void
type (const char *text)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  focus_native (argv, keyboard_native ());
  g_ptr_array_add (argv, g_strdup ("type"));
  g_ptr_array_add (argv, g_strdup ("--delay"));
  g_ptr_array_add (argv, g_strdup ("40"));
  g_ptr_array_add (argv, g_strdup (text));
  run_xdotool (argv);
}

/* Clicks the middle of @widget with the real pointer: one action. */
G_GNUC_UNUSED static void
click (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f, gtk_widget_get_height (widget) / 2.f), at;
  double sx, sy;

  g_assert_nonnull (widget);
  g_test_message ("click on %s", G_OBJECT_TYPE_NAME (widget));
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_nonnull (native);
  {
    graphene_rect_t bounds;
    g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (native), &bounds));
    at.x = bounds.origin.x + middle.x;
    at.y = bounds.origin.y + middle.y;
  }
  gtk_native_get_surface_transform (native, &sx, &sy);
  focus_native (argv, native);
  g_ptr_array_add (argv, g_strdup ("mousemove"));
  g_ptr_array_add (argv, g_strdup ("--window"));
  g_ptr_array_add (argv, g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (native))));
  g_ptr_array_add (argv, g_strdup_printf ("%d", (int) (sx + at.x)));
  g_ptr_array_add (argv, g_strdup_printf ("%d", (int) (sy + at.y)));
  g_ptr_array_add (argv, g_strdup ("sleep"));
  g_ptr_array_add (argv, g_strdup ("0.1"));
  g_ptr_array_add (argv, g_strdup ("click"));
  g_ptr_array_add (argv, g_strdup ("1"));
  actions++;
  step_actions++;
  run_xdotool (argv);
  log_focus ("click");
}

/* A screenshot of the screen as the user sees it, named after the step and the language. */
static void
shot (const char *name)
{
  g_autofree char *file = g_strdup_printf ("first-plan-%02u-%s-%s.png", ++step_number, name, language ());
  g_autofree char *path = g_getenv ("PILOTE_SHOTS_DIR") != NULL ? g_build_filename (g_getenv ("PILOTE_SHOTS_DIR"), file, NULL)
                                                                 : g_test_build_filename (G_TEST_BUILT, file, NULL);
  g_autofree char *import = g_find_program_in_path ("import");

  pl_test_wait_ms (300);
  /* The whole screen shows the popovers and dialogs too; without ImageMagick, the window. */
  if (import != NULL)
    {
      const char *argv[] = { import, "-window", "root", path, NULL };
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL));
    }
  else
    {
      g_autofree char *name_only = g_strndup (file, strlen (file) - 4);
      pl_test_screenshot (active_window (), name_only);
    }
}

/* Ends a step: its count in the report, and a screenshot. */
static void
step_done (const char *name)
{
  g_string_append_printf (report, "  %-16s %3u\n", name, step_actions);
  g_test_message ("step %s: %u actions (%u in all)", name, step_actions, actions);
  step_actions = 0;
  shot (name);
}

static PlPlan *
current_plan (void)
{
  return pl_document_get_plan (pl_window_get_document (PL_WINDOW (active_window ())));
}

static const struct { const char *step, *name, *amount; } lines[] = {
  { "line-1", "Google Ads", "60000" },
  { "line-2", "LinkedIn Ads", "36000" },
};
static const struct { const char *step, *name, *start, *end; } campaigns[] = {
  { "campaign-1", "Webinar", "2027-02-01", "2027-02-28" },
  { "campaign-2", "Salon", "2027-04-10", "2027-04-12" },
  { "campaign-3", "Newsletter", "2027-03-01", "2027-12-31" },
};

/* The key that reaches the widget labelled @msgid in the language the test runs in:
 * Alt and the letter after the underline ("alt+e" for "_Ends", "alt+f" for "_Fin"). */
static const char *
mnemonic (const char *msgid)
{
  static char keys[16];
  const char *underline = strchr (_(msgid), '_');

  g_assert_nonnull (underline);
  g_snprintf (keys, sizeof keys, "alt+%c", g_ascii_tolower (underline[1]));
  return keys;
}

/* The button that shows @text (a view switcher's), mapped. */
static GtkWidget *
button_with_text (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    {
      GtkWidget *button = gtk_widget_get_ancestor (root, GTK_TYPE_BUTTON);
      if (button != NULL)
        return button;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = button_with_text (c, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The @n-th mapped widget of @type under @root, depth first. */
static GtkWidget *
nth_mapped (GtkWidget *root, GType type, guint n)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_mapped (w) && gtk_widget_get_child_visible (w))
        g_ptr_array_add (all, w);
      if (!gtk_widget_get_child_visible (w))
        continue;
      for (GtkWidget *c = gtk_widget_get_last_child (w); c != NULL; c = gtk_widget_get_prev_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_ptr_array_unref (stack);
  g_assert_cmpuint (n, <, all->len);
  return g_ptr_array_index (all, n);
}

static void
test_first_plan (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-first-plan-XXXXXX");
  PlWindow *start = pl_window_new (pl_test_app);
  GtkWidget *window;
  PlPlan *plan;

  report = g_string_new (NULL);
  /* The save dialog proposes the folder the program runs in. */
  g_assert_cmpint (g_chdir (dir), ==, 0);
  gtk_window_set_default_size (GTK_WINDOW (start), 1366, 768);
  gtk_window_present (GTK_WINDOW (start));
  pl_test_wait_drawn (GTK_WIDGET (start));

  /* Title and period: New Plan asks for both. */
  press ("ctrl+n");
  pl_test_wait_ms (500);
  type ("Plan marketing 2027");
  /* The period the dialog proposes is the year wanted: January to December. */
  press ("Return");
  pl_test_wait_ms (800);
  window = active_window ();
  g_assert_true (PL_IS_WINDOW (window));
  plan = current_plan ();
  g_assert_cmpstr (pl_plan_get_title (plan), ==, "Plan marketing 2027");
  g_assert_cmpuint (pl_plan_get_months (plan), ==, 12);
  step_done ("title-period");

  /* Two budget lines, each with its yearly amount spread over the months: New Budget Line
   * (Ctrl+Shift+B) from any page, then Ctrl+Shift+N on the Budget page. */
  /* A new plan's first line goes to its first category; the name, then straight to
   * spreading the year (Ctrl+Shift+E), which stores the name. */
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      press (i == 0 ? "ctrl+shift+b" : "ctrl+shift+n");
      type (lines[i].name);
      press ("ctrl+shift+e");
      type (lines[i].amount);
      if (i == 0)
        shot ("spread-dialog");
      press ("Return");
      step_done (lines[i].step);
    }

  /* Three campaigns with their dates: New Campaign (Ctrl+Shift+M) from any page, then the
   * Campaigns page's Add Campaign. */
  for (guint i = 0; i < G_N_ELEMENTS (campaigns); i++)
    {
      press (i == 0 ? "ctrl+shift+m" : mnemonic ("_Add Campaign"));
      type (campaigns[i].name);
      press (mnemonic ("_Ends"));
      type (campaigns[i].end);
      press ("shift+Tab");
      type (campaigns[i].start);
      press ("Return");
      step_done (campaigns[i].step);
    }
  /* One KPI's yearly target, spread over the months. */
  press ("alt+6");
  {
    PlItem *leads = pl_plan_lookup (plan, "kpi-leads");

    g_assert_nonnull (leads);
    press ("ctrl+f");
    type (pl_item_get_string (leads, PL_KPI_NAME));
    /* Enter takes the first match, which Set Target then acts on. */
    press ("Return");
    press ("ctrl+shift+t");
    type ("1200");
    shot ("target-popover");
    press ("Return");
    {
      PlBasis year = pl_basis_period (plan);
      g_assert_cmpfloat (pl_figures_kpi (plan, PL_KPI (leads), PL_SERIES_TARGETS, &year).value, ==, 1200);
    }
    step_done ("kpi-target");
  }

  /* The last campaign attached to that KPI, with what it is expected to bring. */
  press ("alt+3");
  press (mnemonic ("Attach to a K_PI"));
  press ("Down Down Return");
  /* The focus is in the new link's expected contribution, under "KPIs It Moves". */
  pl_test_wait_ms (300);
  {
    GtkWidget *box = pl_test_find_by_id (pl_test_find_widget (window, PL_TYPE_CAMPAIGNS_PAGE), "kpis_box");
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, nth_mapped (box, PL_TYPE_FIELD_CELL, 1)));
  }
  type ("300");
  press ("Return");
  step_done ("link");

  /* One month of actual spend on a line. */
  press ("alt+4");
  click (button_with_text (window, _("Spending")));
  press (mnemonic ("_Add Spend"));
  /* The focus is in the new entry's amount, the second cell of its row. */
  pl_test_wait_ms (300);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, nth_mapped (pl_test_find_widget (window, PL_TYPE_BUDGET_PAGE), PL_TYPE_FIELD_CELL, 1)));
  }
  type ("4800");
  press ("Return");
  step_done ("spend");

  /* Saved, where the save dialog proposes. */
  press ("ctrl+s");
  pl_test_wait_ms (500);
  shot ("save-dialog");
  press ("Return");
  step_done ("save");
  /* What was typed is in the plan, saved. */
  pl_test_wait_ms (500);
  {
    g_autofree char *saved = g_build_filename (dir, "Plan marketing 2027.pilote", NULL);
    g_assert_true (g_file_test (saved, G_FILE_TEST_EXISTS));
  }
  g_assert_false (pl_document_get_modified (pl_window_get_document (PL_WINDOW (window))));
  g_assert_cmpuint (g_list_model_get_n_items (pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (pl_plan_get_collection (plan, PL_COLLECTION_LINES)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pl_plan_get_collection (plan, PL_COLLECTION_SPEND)), ==, 1);
  {
    g_autoptr(PlItem) link = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS), 0);
    g_autoptr(PlItem) spend = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_SPEND), 0);
    g_autoptr(PlItem) line = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_LINES), 1);
    g_autoptr(PlItem) category = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES), 0);

    g_assert_cmpstr (pl_item_get_string (link, PL_CAMPAIGN_KPI_KPI), ==, "kpi-leads");
    g_assert_cmpfloat (pl_item_get_double (link, PL_CAMPAIGN_KPI_CONTRIBUTION), ==, 300);
    g_assert_cmpint (pl_item_get_int (spend, PL_SPEND_AMOUNT), ==, 480000);
    g_assert_cmpint (pl_figures_line_planned (PL_BUDGET_LINE (line), 0), ==, 300000);
    g_assert_cmpstr (pl_item_get_string (line, PL_BUDGET_LINE_NAME), ==, "LinkedIn Ads");
    g_assert_cmpstr (pl_item_get_string (line, PL_BUDGET_LINE_CATEGORY), ==, pl_item_get_id (category));
  }
  g_test_message ("%s", report->str);
  g_print ("first-plan actions: %u\n%s", actions, report->str);
  g_assert_cmpuint (actions, <=, ACTION_BUDGET);
  g_string_free (report, TRUE);
  g_assert_cmpint (g_chdir (g_get_tmp_dir ()), ==, 0);
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/first-plan/keyboard", test_first_plan);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Guidance on empty pages (issue 26): a new plan's Dashboard, Budget, Calendar, KPI Chain,
 * Maturity and Planning each show, instead of empty widgets, a title, one sentence saying what
 * the page is for (also the description of its button) and the one action that fills it;
 * activating it opens the right thing; what it adds hides the empty state, and undo brings
 * it back. The Plan page, never empty, suggests its first objective. A date field shows an
 * example date in the locale's own order. Runs in English and French and writes a screenshot
 * of each empty page. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pl-date-text.h"
#include "pl-document.h"
#include "pl-empty-state.h"
#include "pl-field-editor.h"
#include "pl-figures.h"
#include "pl-page.h"
#include "pl-record-table.h"
#include "pl-records.h"
#include "pl-target-popover.h"
#include "pl-test-util.h"

static PlPage *
page_named (PlWindow *window, const char *name)
{
  GtkStack *stack = GTK_STACK (pl_test_find_by_id (GTK_WIDGET (window), "page_stack"));

  return PL_PAGE (gtk_stack_get_child_by_name (stack, name));
}

static const char *
visible_page (PlWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (pl_test_find_by_id (GTK_WIDGET (window), "page_stack")));
}

/* A screenshot named after the language the test runs in ("guidance-plan-fr"). */
static void
screenshot (GtkWidget *widget, const char *name)
{
  g_autofree char *named = g_strdup_printf ("guidance-%s-%s", name, g_getenv ("LANGUAGE"));

  pl_test_screenshot (widget, named);
}

/* Shows the page @name and returns its empty state, checked: the title and sentence given
 * (translated), the suggested button on screen with its action, the page's widgets hidden. */
static PlEmptyState *
check_empty (PlWindow *window, const char *name, const char *title, const char *description,
             const char *action)
{
  PlPage *page = page_named (window, name);
  PlEmptyState *empty;
  GtkButton *button;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name);
  pl_test_wait_drawn (GTK_WIDGET (page));
  g_assert_nonnull (pl_page_get_empty_state (page));
  empty = PL_EMPTY_STATE (pl_page_get_empty_state (page));
  g_assert_cmpstr (pl_empty_state_get_title (empty), ==, _(title));
  g_assert_cmpstr (pl_empty_state_get_description (empty), ==, _(description));
  button = pl_empty_state_get_button (empty);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (button), "suggested-action"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, action);
  /* The page's own widgets are hidden, not drawn under the empty state. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (page)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_assert_true (gtk_widget_get_visible (child) == (child == GTK_WIDGET (empty)));
  screenshot (GTK_WIDGET (window), name);
  return empty;
}

/* Undoes what filled @page: its empty state is back. */
static void
undo_shows_empty (PlPlan *plan, PlPage *page)
{
  pl_plan_undo (plan);
  pl_test_spin ();
  g_assert_nonnull (pl_page_get_empty_state (page));
}

static void
click (GtkButton *button)
{
  g_signal_emit_by_name (button, "clicked");
  pl_test_spin ();
}

static PlWindow *
open_new_plan (PlPlan **plan_out)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  g_autoptr(PlDocument) document = pl_document_new (plan, NULL, NULL);
  PlWindow *window = pl_window_new (pl_test_app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  pl_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  pl_test_wait_drawn (GTK_WIDGET (window));
  *plan_out = pl_document_get_plan (document);
  return window;
}

static void
close_window (PlWindow *window)
{
  GtkWidget *dialog;

  while ((dialog = pl_test_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
}

static void
test_budget (void)
{
  PlPlan *plan;
  PlWindow *window = open_new_plan (&plan);
  PlPage *page = page_named (window, "budget");
  PlEmptyState *empty = check_empty (window, "budget", "No Budget Yet",
                                     "The budget says what marketing may spend each month, line by line, and follows what is spent against it.",
                                     "budget.spread-first");
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  GtkWidget *dialog;

  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (pl_empty_state_get_second (empty))), ==, "win.import-budget");
  /* The button asks for the yearly amount, spreads it over a first line: one undo. */
  click (pl_empty_state_get_button (empty));
  dialog = pl_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (pl_test_find_widget (dialog, GTK_TYPE_ENTRY)), "120000");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  pl_test_spin ();
  g_assert_null (pl_test_find_message_dialog ());
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 1);
  {
    g_autoptr(PlItem) line = g_list_model_get_item (lines, 0);

    for (guint m = 0; m < pl_plan_get_months (plan); m++)
      g_assert_cmpint (pl_figures_line_planned (PL_BUDGET_LINE (line), m), ==, 120000 * 100 / pl_plan_get_months (plan));
  }
  g_assert_null (pl_page_get_empty_state (page));
  screenshot (GTK_WIDGET (window), "budget-filled");
  undo_shows_empty (plan, page);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 0);
  g_assert_true (pl_page_get_empty_state (page) == GTK_WIDGET (empty));
  close_window (window);
}

static void
test_calendar (void)
{
  PlPlan *plan;
  PlWindow *window = open_new_plan (&plan);
  PlPage *page = page_named (window, "calendar");
  PlEmptyState *empty = check_empty (window, "calendar", "Nothing Scheduled Yet",
                                     "The calendar lays the year’s campaigns, reviews and milestones out in time, so that the team sees what comes when.",
                                     "calendar.add-review");
  GListModel *entries = pl_plan_get_collection (plan, PL_COLLECTION_CALENDAR);

  /* The monthly review is added, and the calendar shows it. */
  click (pl_empty_state_get_button (empty));
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  g_assert_cmpstr (visible_page (window), ==, "calendar");
  g_assert_null (pl_page_get_empty_state (page));
  pl_test_wait_drawn (GTK_WIDGET (page));
  screenshot (GTK_WIDGET (window), "calendar-review");
  undo_shows_empty (plan, page);
  /* A campaign fills it too. */
  {
    g_autoptr(PlItem) campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);

    pl_item_set_string (campaign, PL_CAMPAIGN_NAME, "Webinar");
    pl_plan_add (plan, campaign);
    pl_test_spin ();
    g_assert_null (pl_page_get_empty_state (page));
  }
  close_window (window);
}

/* The first campaign: the button adds it, the page's form comes back; undo, empty again. */
static void
test_campaigns (void)
{
  PlPlan *plan;
  PlWindow *window = open_new_plan (&plan);
  PlPage *page = page_named (window, "campaigns");
  PlEmptyState *empty = check_empty (window, "campaigns", "No Campaigns Yet",
                                     "Campaigns are what marketing does with the budget, such as a webinar, an ad "
                                     "flight or a trade show, each with its dates, its cost and the KPIs it should move.",
                                     "campaigns.add");

  click (pl_empty_state_get_button (empty));
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), ==, 1);
  g_assert_null (pl_page_get_empty_state (page));
  undo_shows_empty (plan, page);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), ==, 0);
  close_window (window);
}

/* A plan without a KPI (every one deleted): the KPIs page offers to add one. */
static void
test_kpis (void)
{
  PlPlan *plan;
  PlWindow *window = open_new_plan (&plan);
  PlPage *page = page_named (window, "kpis");
  PlEmptyState *empty;

  pl_plan_begin_group (plan, "Delete Every KPI");
  while (pl_plan_get_n (plan, PL_COLLECTION_KPIS) > 0)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_KPIS), 0);
      pl_plan_remove (plan, kpi);
    }
  pl_plan_end_group (plan);
  pl_test_spin ();
  empty = check_empty (window, "kpis", "No KPIs Yet",
                       "The KPIs are the figures the plan is steered by, from spend and visitors to "
                       "leads, customers and revenue, each with a target for the period and what was measured.",
                       "kpis.add");
  click (pl_empty_state_get_button (empty));
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_KPIS), ==, 1);
  g_assert_null (pl_page_get_empty_state (page));
  undo_shows_empty (plan, page);
  close_window (window);
}

static void
test_chain (void)
{
  PlPlan *plan;
  PlWindow *window = open_new_plan (&plan);
  PlPage *page = page_named (window, "chain");
  PlEmptyState *empty = check_empty (window, "chain", "No Targets Yet",
                                     "The KPI chain shows how spend becomes visitors, leads and customers, and where it falls short of the period’s targets.",
                                     "chain.set-first-target");
  PlTargetPopover *popover;
  PlKpi *leads = PL_KPI (pl_plan_lookup (plan, "kpi-leads"));

  /* The period's target of the leads, in the popover the KPIs page uses. */
  click (pl_empty_state_get_button (empty));
  popover = PL_TARGET_POPOVER (pl_test_find_widget (GTK_WIDGET (pl_empty_state_get_button (empty)), PL_TYPE_TARGET_POPOVER));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  pl_test_wait_drawn (GTK_WIDGET (popover));
  screenshot (GTK_WIDGET (popover), "chain-target");
  gtk_editable_set_text (GTK_EDITABLE (pl_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_ENTRY)), "1200");
  g_assert_true (pl_target_popover_apply (popover));
  pl_test_spin ();
  g_assert_cmpuint (pl_series_get_n (pl_kpi_get_targets (leads)), >, 0);
  g_assert_null (pl_page_get_empty_state (page));
  undo_shows_empty (plan, page);
  g_assert_cmpuint (pl_series_get_n (pl_kpi_get_targets (leads)), ==, 0);
  close_window (window);
}

static void
test_assessment (void)
{
  PlPlan *plan;
  PlWindow *window = open_new_plan (&plan);
  PlPage *page = page_named (window, "assessment");
  PlEmptyState *empty = check_empty (window, "assessment", "No Self-Assessment Yet",
                                     "Thirty statements about how your team measures and steers marketing, rated 1 to 5 in about fifteen minutes, show where to improve first.",
                                     "assessment.new-round");
  GtkWidget *dialog;

  g_assert_null (pl_empty_state_get_second (empty));
  click (pl_empty_state_get_button (empty));
  dialog = pl_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  pl_test_spin ();
  /* The first round's answering is on the page: the empty state is gone. */
  g_assert_cmpuint (g_list_model_get_n_items (pl_plan_get_collection (plan, PL_COLLECTION_ASSESSMENTS)), ==, 1);
  g_assert_null (pl_page_get_empty_state (page));
  undo_shows_empty (plan, page);
  close_window (window);
}

/* The dashboard and planning of a plan with nothing measured say what to enter first, and
 * give way to their figures once one month is measured. */
static void
test_nothing_measured (void)
{
  PlPlan *plan;
  PlWindow *window = open_new_plan (&plan);
  PlPage *dashboard = page_named (window, "dashboard");
  PlPage *planning = page_named (window, "planning");
  PlEmptyState *empty;
  PlKpi *leads = PL_KPI (pl_plan_lookup (plan, "kpi-leads"));

  check_empty (window, "planning", "Nothing to Project From Yet",
               "Planning projects the year, and the budget a goal needs, from the rates you measure such as the cost per lead: it starts from a few months of measured spend and leads.",
               "win.show-page");
  empty = check_empty (window, "dashboard", "Nothing Measured Yet",
                       "Enter last month’s spend and leads on the KPIs page, or import them from your analytics tool: the dashboard then shows how the plan is doing.",
                       "win.show-page");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (pl_empty_state_get_second (empty))), ==, "win.import-measurements");
  click (pl_empty_state_get_button (empty));
  g_assert_cmpstr (visible_page (window), ==, "kpis");
  pl_plan_set_point (plan, leads, PL_SERIES_MEASUREMENTS, pl_plan_get_start (plan), 140, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  pl_test_wait_drawn (GTK_WIDGET (dashboard));
  g_assert_null (pl_page_get_empty_state (dashboard));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "planning");
  pl_test_wait_drawn (GTK_WIDGET (planning));
  g_assert_null (pl_page_get_empty_state (planning));
  undo_shows_empty (plan, planning);
  close_window (window);
}

/* The Plan page is never empty (its title, period and currency are what a plan starts with):
 * what it asks for first is an objective, its Add button suggested until there is one. */
static void
test_plan (void)
{
  PlPlan *plan;
  PlWindow *window = open_new_plan (&plan);
  PlPage *page = page_named (window, "plan");
  GtkWidget *objectives, *add;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "plan");
  pl_test_wait_drawn (GTK_WIDGET (page));
  g_assert_null (pl_page_get_empty_state (page));
  objectives = pl_test_find_widget (GTK_WIDGET (page), PL_TYPE_RECORD_TABLE);
  add = g_object_get_data (G_OBJECT (objectives), "add-button");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (add)), ==, _("_Add Objective"));
  g_assert_true (gtk_widget_has_css_class (add, "suggested-action"));
  screenshot (GTK_WIDGET (window), "plan");
  click (GTK_BUTTON (add));
  g_assert_cmpuint (g_list_model_get_n_items (pl_plan_get_collection (plan, PL_COLLECTION_OBJECTIVES)), ==, 1);
  g_assert_false (gtk_widget_has_css_class (add, "suggested-action"));
  pl_plan_undo (plan);
  pl_test_spin ();
  g_assert_true (gtk_widget_has_css_class (add, "suggested-action"));
  close_window (window);
}

/* An empty date field shows 31 March 2027 as the reader types it, and reads it back. */
static void
test_date_placeholder (void)
{
  guint n_fields;
  g_autoptr(GTypeClass) klass = g_type_class_ref (PL_TYPE_OBJECTIVE);
  const PlField *fields = pl_item_class_get_fields ((PlItemClass *) klass, &n_fields);
  GtkWidget *editor = g_object_ref_sink (pl_field_editor_new (&fields[PL_OBJECTIVE_DUE], TRUE));
  const char *shown = gtk_entry_get_placeholder_text (GTK_ENTRY (editor));
  guint32 day = 0;

  g_assert_cmpstr (shown, ==, g_str_has_prefix (setlocale (LC_TIME, NULL), "fr") ? "31/03/2027" : "03/31/2027");
  g_assert_true (pl_date_parse (shown, &day));
  g_assert_cmpint (pl_date_year (day), ==, 2027);
  {
    GtkWidget *window = gtk_window_new ();

    gtk_window_set_child (GTK_WINDOW (window), editor);
    gtk_window_set_default_size (GTK_WINDOW (window), 220, -1);
    gtk_window_present (GTK_WINDOW (window));
    pl_test_wait_drawn (window);
    screenshot (window, "date-field");
    gtk_window_destroy (GTK_WINDOW (window));
  }
  g_object_unref (editor);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/guidance/budget", test_budget);
  g_test_add_func ("/guidance/calendar", test_calendar);
  g_test_add_func ("/guidance/chain", test_chain);
  g_test_add_func ("/guidance/campaigns", test_campaigns);
  g_test_add_func ("/guidance/kpis", test_kpis);
  g_test_add_func ("/guidance/assessment", test_assessment);
  g_test_add_func ("/guidance/nothing-measured", test_nothing_measured);
  g_test_add_func ("/guidance/plan", test_plan);
  g_test_add_func ("/guidance/date-placeholder", test_date_placeholder);
  return g_test_run ();
}

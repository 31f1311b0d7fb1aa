/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Calendar page on the example plan: the timeline, moving a campaign and changing its
 * start or end (each one undoable edit, as a drag or the arrow keys make), the warnings
 * jumping to their campaign, the agenda. Writes screenshots. */
#include "pl-calendar-page.h"
#include "pl-test-util.h"

static void
test_calendar_page (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pilote-ui-XXXXXX", NULL);
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_CALENDAR_PAGE);
  PlItem *partners = pl_plan_lookup (plan, "cmp-partners");
  PlItem *abm = pl_plan_lookup (plan, "cmp-abm");
  guint32 start = pl_item_get_julian (partners, PL_CAMPAIGN_START), end = pl_item_get_julian (partners, PL_CAMPAIGN_END);
  GtkWidget *warnings, *row;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "calendar");
  pl_test_wait_drawn (page);
  pl_calendar_page_select (PL_CALENDAR_PAGE (page), partners);
  pl_test_screenshot (GTK_WIDGET (window), "calendar-timeline");

  /* Moved a week later: start and end together, one undo. */
  pl_calendar_page_move (PL_CALENDAR_PAGE (page), 7, TRUE, TRUE);
  pl_test_spin ();
  g_assert_cmpuint (pl_item_get_julian (partners, PL_CAMPAIGN_START), ==, start + 7);
  g_assert_cmpuint (pl_item_get_julian (partners, PL_CAMPAIGN_END), ==, end + 7);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Move the Campaign");
  pl_plan_undo (plan);
  pl_test_spin ();
  g_assert_cmpuint (pl_item_get_julian (partners, PL_CAMPAIGN_START), ==, start);
  /* Its end only, three days earlier; its start can never pass its end. */
  pl_calendar_page_move (PL_CALENDAR_PAGE (page), -3, FALSE, TRUE);
  pl_test_spin ();
  g_assert_cmpuint (pl_item_get_julian (partners, PL_CAMPAIGN_END), ==, end - 3);
  g_assert_cmpuint (pl_item_get_julian (partners, PL_CAMPAIGN_START), ==, start);
  pl_calendar_page_move (PL_CALENDAR_PAGE (page), 1000, TRUE, FALSE);
  pl_test_spin ();
  g_assert_cmpuint (pl_item_get_julian (partners, PL_CAMPAIGN_START), ==, end - 3);
  while (pl_plan_can_undo (plan))
    pl_plan_undo (plan);
  pl_test_spin ();
  g_assert_false (pl_plan_get_modified (plan));

  /* The example's two warnings; the ABM one selects the ABM pilot. */
  g_assert_cmpstr (gtk_expander_get_label (GTK_EXPANDER (pl_test_find_by_id (page, "warnings_expander"))), ==,
                   "2 warnings on the schedule");
  /* A collapsed expander keeps its child out of the widget tree. */
  gtk_expander_set_expanded (GTK_EXPANDER (pl_test_find_by_id (page, "warnings_expander")), TRUE);
  pl_test_spin ();
  warnings = pl_test_find_by_id (page, "warnings");
  row = gtk_widget_get_first_child (warnings);
  g_signal_emit_by_name (warnings, "row-activated", row);
  pl_test_spin ();
  pl_calendar_page_move (PL_CALENDAR_PAGE (page), 1, TRUE, TRUE);
  g_assert_cmpuint (pl_item_get_julian (abm, PL_CAMPAIGN_START), !=, 0);
  g_assert_true (pl_plan_get_modified (plan));
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Move the Campaign");
  pl_plan_undo (plan);

  gtk_stack_set_visible_child_name (GTK_STACK (pl_test_find_by_id (page, "views")), "month");
  gtk_widget_activate_action (page, "calendar.next-month", NULL);
  gtk_widget_activate_action (page, "calendar.next-month", NULL);
  pl_test_spin ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (page, "month_title"))), ==, "March 2027");
  pl_test_screenshot (GTK_WIDGET (window), "calendar-month");

  gtk_stack_set_visible_child_name (GTK_STACK (pl_test_find_by_id (page, "views")), "agenda");
  g_assert_nonnull (gtk_widget_get_first_child (pl_test_find_by_id (page, "agenda")));
  pl_test_screenshot (GTK_WIDGET (window), "calendar-agenda");
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/calendar/page", test_calendar_page);
  return g_test_run ();
}

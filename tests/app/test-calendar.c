/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Calendar page on the example plan: the timeline, moving a campaign and changing its
 * start or end (each one undoable edit, as a drag or the arrow keys make), the warnings
 * jumping to their campaign, the agenda. Writes screenshots. */
#include <math.h>
#include <string.h>

#include "pl-calendar.h"

#include "pl-calendar-page.h"
#include "pl-campaigns-page.h"
#include "pl-month-chart.h"
#include "pl-month-view.h"
#include "pl-new-campaign-popover.h"
#include "pl-test-util.h"
#include "pl-timeline-chart.h"

/* The occurrence menu on the agenda's first line about @title (among the rows on screen). */
static GtkWidget *
first_menu_for (GtkWidget *agenda, const char *title)
{
  for (GtkWidget *item = gtk_widget_get_first_child (agenda); item; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      GtkWidget *label = row ? gtk_widget_get_first_child (row) : NULL;
      GtkWidget *menu = label ? gtk_widget_get_next_sibling (label) : NULL;
      if (GTK_IS_LABEL (label) && GTK_IS_MENU_BUTTON (menu) && gtk_widget_get_visible (menu) &&
          strstr (gtk_label_get_text (GTK_LABEL (label)), title))
        return menu;
    }
  g_assert_not_reached ();
}

/* Opens @menu's popover and clicks the button labelled @label in it. */
static void
press_in_menu (GtkWidget *menu, const char *label)
{
  GtkWidget *box;

  gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
  pl_test_spin ();
  box = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)));
  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
      {
        g_signal_emit_by_name (child, "clicked");
        pl_test_spin ();
        return;
      }
  g_assert_not_reached ();
}

static void
test_calendar_page (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_CALENDAR_PAGE);
  PlItem *partners = pl_plan_lookup (plan, "cmp-partners");
  PlItem *abm = pl_plan_lookup (plan, "cmp-abm");
  guint32 start = pl_item_get_julian (partners, PL_CAMPAIGN_START), end = pl_item_get_julian (partners, PL_CAMPAIGN_END);
  GtkWidget *warnings;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "calendar");
  pl_test_wait_drawn (page);
  pl_calendar_page_select (PL_CALENDAR_PAGE (page), partners);
  pl_test_screenshot (GTK_WIDGET (window), "calendar-timeline");
  /* Coloured by channel instead: the legend lists the channels, the patterns still tell the status. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (page, "color_by")), 1);
  pl_test_spin ();
  pl_test_screenshot (GTK_WIDGET (window), "calendar-timeline-by-channel");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (page, "color_by")), 0);

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

  /* The campaign's menu moves it by a week; Ctrl+1/2/3 switch the views. */
  pl_calendar_page_select (PL_CALENDAR_PAGE (page), partners);
  gtk_widget_activate_action (page, "calendar.shift", "i", -7);
  pl_test_spin ();
  g_assert_cmpuint (pl_item_get_julian (partners, PL_CAMPAIGN_START), ==, start - 7);
  g_assert_cmpuint (pl_item_get_julian (partners, PL_CAMPAIGN_END), ==, end - 7);
  pl_plan_undo (plan);
  pl_test_spin ();
  gtk_widget_activate_action (page, "calendar.view", "s", "agenda");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pl_test_find_by_id (page, "views"))), ==, "agenda");
  gtk_widget_activate_action (page, "calendar.view", "s", "timeline");
  pl_test_spin ();

  /* The real keys on the timeline: Down and Up walk the campaigns, Right moves the selected one
   * by a day, Enter opens it on the Campaigns page. */
  pl_calendar_page_select (PL_CALENDAR_PAGE (page), partners);
  pl_test_keys (pl_test_find_by_id (page, "timeline"), "Down Up Right");
  g_assert_true (gtk_widget_has_focus (pl_test_find_by_id (page, "timeline")));
  g_assert_cmpuint (pl_item_get_julian (partners, PL_CAMPAIGN_START), ==, start + 1);
  pl_test_screenshot (GTK_WIDGET (window), "calendar-keyboard");
  pl_plan_undo (plan);
  pl_test_keys (pl_test_find_by_id (page, "timeline"), "Return");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pl_test_find_by_id (GTK_WIDGET (window), "page_stack"))), ==,
                   "campaigns");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "calendar");
  pl_test_spin ();

  /* The example's two warnings; the ABM one selects the ABM pilot. */
  g_assert_cmpstr (gtk_expander_get_label (GTK_EXPANDER (pl_test_find_by_id (page, "warnings_expander"))), ==,
                   "2 warnings on the schedule");
  /* A collapsed expander keeps its child out of the widget tree. */
  gtk_expander_set_expanded (GTK_EXPANDER (pl_test_find_by_id (page, "warnings_expander")), TRUE);
  pl_test_spin ();
  warnings = pl_test_find_by_id (page, "warnings");
  g_signal_emit_by_name (warnings, "activate", 0);
  pl_test_spin ();
  pl_calendar_page_move (PL_CALENDAR_PAGE (page), 1, TRUE, TRUE);
  g_assert_cmpuint (pl_item_get_julian (abm, PL_CAMPAIGN_START), !=, 0);
  g_assert_true (pl_plan_get_modified (plan));
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Move the Campaign");
  pl_plan_undo (plan);

  /* With the mouse: the partner campaign dragged 20 days later, then its end 15 days
   * earlier; each drag one edit, snapped to whole days. */
  {
    GtkWidget *timeline = pl_test_find_by_id (page, "timeline");
    double per_day = (gtk_widget_get_width (timeline) - PL_TIMELINE_LABEL_W) / (double) (pl_plan_get_end (plan) - pl_plan_get_start (plan));
    double dx = round (20 * per_day);
    int days = (int) lround (dx / per_day);
    graphene_rect_t bar;
    PlItem *added;
    guint n_campaigns = pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS);

    g_assert_true (pl_calendar_page_get_bar (PL_CALENDAR_PAGE (page), partners, &bar));
    pl_test_pointer_drag (timeline, bar.origin.x + bar.size.width / 2, bar.origin.y + bar.size.height / 2,
                          bar.origin.x + bar.size.width / 2 + dx, bar.origin.y + bar.size.height / 2);
    g_assert_cmpint (days, ==, 20);
    g_assert_cmpuint (pl_item_get_julian (partners, PL_CAMPAIGN_START), ==, start + days);
    g_assert_cmpuint (pl_item_get_julian (partners, PL_CAMPAIGN_END), ==, end + days);
    g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Move the Campaign");
    g_assert_true (pl_calendar_page_get_bar (PL_CALENDAR_PAGE (page), partners, &bar));
    pl_test_pointer_drag (timeline, bar.origin.x + bar.size.width - 2, bar.origin.y + bar.size.height / 2,
                          bar.origin.x + bar.size.width - 2 - round (15 * per_day), bar.origin.y + bar.size.height / 2);
    g_assert_cmpuint (pl_item_get_julian (partners, PL_CAMPAIGN_START), ==, start + days);
    g_assert_cmpuint (pl_item_get_julian (partners, PL_CAMPAIGN_END), ==, end + days - 15);
    g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Change the Campaign’s Dates");
    pl_plan_undo (plan);
    pl_plan_undo (plan);
    pl_test_spin ();
    g_assert_cmpuint (pl_item_get_julian (partners, PL_CAMPAIGN_START), ==, start);
    g_assert_cmpuint (pl_item_get_julian (partners, PL_CAMPAIGN_END), ==, end);

    /* Dragged along the Partners lane's heading row: a new partner campaign over those days,
     * named in the popover, one edit. */
    pl_test_pointer_drag (timeline, bar.origin.x + bar.size.width / 2, bar.origin.y - PL_TIMELINE_ROW_H + bar.size.height / 2,
                          bar.origin.x + bar.size.width / 2 + round (30 * per_day), bar.origin.y - PL_TIMELINE_ROW_H + bar.size.height / 2);
    g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), ==, n_campaigns);
    pl_test_screenshot (GTK_WIDGET (window), "calendar-new-campaign");
    g_assert_true (gtk_widget_get_visible (pl_test_find_widget (timeline, PL_TYPE_NEW_CAMPAIGN_POPOVER)));
    pl_test_type_into (pl_test_find_widget (timeline, PL_TYPE_NEW_CAMPAIGN_POPOVER), "name", "Reseller webinar");
    g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), ==, n_campaigns + 1);
    added = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS), n_campaigns);
    g_object_unref (added);
    g_assert_cmpstr (pl_item_get_string (added, PL_CAMPAIGN_NAME), ==, "Reseller webinar");
    g_assert_cmpstr (pl_item_get_string (added, PL_CAMPAIGN_CHANNEL), ==, pl_item_get_string (partners, PL_CAMPAIGN_CHANNEL));
    g_assert_cmpint (pl_item_get_julian (added, PL_CAMPAIGN_END) - pl_item_get_julian (added, PL_CAMPAIGN_START), ==, 30);
    g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Add a Campaign");
    pl_plan_undo (plan);
    pl_test_spin ();
    g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), ==, n_campaigns);
  }

  gtk_stack_set_visible_child_name (GTK_STACK (pl_test_find_by_id (page, "views")), "month");
  gtk_widget_activate_action (page, "calendar.next-month", NULL);
  gtk_widget_activate_action (page, "calendar.next-month", NULL);
  pl_test_spin ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (page, "title"))), ==, "March 2027");
  pl_test_screenshot (GTK_WIDGET (window), "calendar-month");
  /* In the month: a campaign's bar dragged one row down is a week later; a day's "+N more"
   * opens the list of everything on that day. */
  {
    GtkWidget *view = pl_test_find_widget (page, PL_TYPE_MONTH_VIEW);
    GtkWidget *area = pl_test_find_by_id (view, "area");
    guint32 march = pl_month_view_get_month (PL_MONTH_VIEW (view));
    g_autoptr(GArray) bars = pl_month_chart_bars (plan, march);
    int width = gtk_widget_get_width (area), height = gtk_widget_get_height (area);
    guint n_weeks = pl_month_chart_weeks (march);
    double week_h = 0;
    gboolean moved = FALSE, opened = FALSE;

    for (guint b = 0; b < bars->len && !moved; b++)
      {
        const PlMonthBar *bar = &g_array_index (bars, PlMonthBar, b);
        double x, y, w, h, x2, y2, w2, h2;
        PlItem *campaign = bar->item;
        guint32 was = PL_IS_CAMPAIGN (campaign) ? pl_item_get_julian (campaign, PL_CAMPAIGN_START) : 0;

        if (was == 0 || bar->week != 1 || !pl_month_chart_bar_rect (bar, march, n_weeks, width, height, &x, &y, &w, &h))
          continue;
        /* The next week's row, found from a bar there. */
        for (guint c = 0; c < bars->len; c++)
          if (g_array_index (bars, PlMonthBar, c).week == 2 &&
              pl_month_chart_bar_rect (&g_array_index (bars, PlMonthBar, c), march, n_weeks, width, height, &x2, &y2, &w2, &h2))
            {
              week_h = y2 - y + (bar->lane - g_array_index (bars, PlMonthBar, c).lane) * (h + 2);
              break;
            }
        pl_test_pointer_drag (area, x + w / 2, y + h / 2, x + w / 2, y + h / 2 + week_h);
        g_assert_cmpuint (pl_item_get_julian (campaign, PL_CAMPAIGN_START), ==, was + 7);
        g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Move the Campaign");
        pl_plan_undo (plan);
        pl_test_spin ();
        moved = TRUE;
      }
    g_assert_true (moved);
    for (guint32 day = march; day < march + 28 && !opened; day++)
      {
        guint32 found;
        double x = width / 7.0 * ((day - march) % 7 + 0.5), y = 24 + (height - 24.0) / n_weeks * ((day - march) / 7 + 1) - 6;
        if (!pl_month_chart_more_at (bars, march, width, height, x, y, &found))
          continue;
        pl_test_pointer_drag (area, x, y, x, y);
        g_assert_true (gtk_widget_get_visible (GTK_WIDGET (pl_month_view_get_day_popover (PL_MONTH_VIEW (view)))));
        {
          g_autoptr(GPtrArray) items = pl_month_chart_items_on (bars, day);
          GtkWidget *list = pl_test_find_by_id (GTK_WIDGET (pl_month_view_get_day_popover (PL_MONTH_VIEW (view))), "more_list");
          guint rows = 0;
          for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
            rows++;
          g_assert_cmpuint (rows, ==, items->len);
        }
        pl_test_screenshot (GTK_WIDGET (window), "calendar-month-more");
        gtk_popover_popdown (pl_month_view_get_day_popover (PL_MONTH_VIEW (view)));
        opened = TRUE;
      }
    g_assert_true (opened);
  }

  gtk_stack_set_visible_child_name (GTK_STACK (pl_test_find_by_id (page, "views")), "agenda");
  g_assert_nonnull (gtk_widget_get_first_child (pl_test_find_by_id (page, "agenda")));
  pl_test_screenshot (GTK_WIDGET (window), "calendar-agenda");
  /* One occurrence of the monthly review, from its menu in the agenda: skipped (and listed
   * as such), held after all, then moved two days later; each one edit. */
  {
    PlItem *review = pl_plan_lookup (plan, "ent-monthly");
    GtkWidget *agenda = pl_test_find_by_id (page, "agenda");
    GtkWidget *menu;
    guint32 day;
    g_autoptr(GArray) before = pl_calendar_occurrences (plan, review, pl_plan_get_start (plan), pl_plan_get_end (plan));

    g_assert_nonnull (review);
    day = g_array_index (before, guint32, 0);
    menu = first_menu_for (agenda, pl_item_get_string (review, PL_ENTRY_TITLE));
    press_in_menu (menu, "_Skip This Occurrence");
    g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Skip the Occurrence");
    {
      g_autoptr(GArray) after = pl_calendar_occurrences (plan, review, pl_plan_get_start (plan), pl_plan_get_end (plan));
      g_assert_cmpuint (after->len, ==, before->len - 1);
      g_assert_cmpuint (g_array_index (after, guint32, 0), !=, day);
    }
    /* The skipped one is still in the agenda, to be held after all. */
    menu = first_menu_for (agenda, pl_item_get_string (review, PL_ENTRY_TITLE));
    pl_test_screenshot (GTK_WIDGET (window), "calendar-agenda-skipped");
    press_in_menu (menu, "_Hold It After All");
    g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Restore the Occurrence");
    {
      g_autoptr(GArray) after = pl_calendar_occurrences (plan, review, pl_plan_get_start (plan), pl_plan_get_end (plan));
      g_assert_cmpuint (after->len, ==, before->len);
    }
    menu = first_menu_for (agenda, pl_item_get_string (review, PL_ENTRY_TITLE));
    /* The menu is made as it opens. */
    gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
    pl_test_spin ();
    {
      GtkWidget *calendar = pl_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu))), GTK_TYPE_CALENDAR);
      GDate date;
      g_autoptr(GDateTime) picked = NULL;
      g_date_set_julian (&date, day + 2);
      picked = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
      gtk_calendar_select_day (GTK_CALENDAR (calendar), picked);
    }
    press_in_menu (menu, "_Move to the Chosen Day");
    g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Move the Occurrence");
    {
      g_autoptr(GArray) after = pl_calendar_occurrences (plan, review, pl_plan_get_start (plan), pl_plan_get_end (plan));
      guint32 origin;
      g_assert_cmpuint (g_array_index (after, guint32, 0), ==, day + 2);
      g_assert_true (pl_calendar_occurrence_origin (review, day + 2, &origin));
      g_assert_cmpuint (origin, ==, day);
    }
    pl_test_screenshot (GTK_WIDGET (window), "calendar-agenda-moved");
    pl_plan_undo (plan);
    pl_plan_undo (plan);
    pl_plan_undo (plan);
    pl_test_spin ();
    g_assert_false (pl_plan_get_modified (plan));
  }
  /* A calendar item opens with its campaign, whose page lists its activities and reviews. */
  {
    GListModel *entries = pl_plan_get_collection (plan, PL_COLLECTION_CALENDAR);
    GtkWidget *campaigns = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_CAMPAIGNS_PAGE);
    GtkWidget *scrolled;
    PlItem *entry = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (entries) && entry == NULL; i++)
      {
        g_autoptr(PlItem) candidate = g_list_model_get_item (entries, i);
        if (pl_item_get_string (candidate, PL_ENTRY_CAMPAIGN) != NULL)
          entry = candidate;
      }
    g_assert_nonnull (entry);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-item", "s", pl_item_get_id (entry));
    pl_test_spin ();
    g_assert_true (gtk_widget_get_mapped (campaigns));
    g_assert_true (gtk_widget_get_mapped (pl_test_find_by_id (campaigns, "entries_box")));
    scrolled = gtk_widget_get_ancestor (pl_test_find_by_id (campaigns, "entries_box"), GTK_TYPE_SCROLLED_WINDOW);
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 1e6);
    pl_test_screenshot (GTK_WIDGET (window), "campaign-calendar-items");
  }
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

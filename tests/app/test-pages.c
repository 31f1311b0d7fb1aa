/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the pages follow the plan: a page is filled when first shown; an edit refreshes the
 * page on screen when it touches what the page shows, and no hidden page until it is shown
 * again; the campaign list shows what was just typed into the editor, and an edit redraws its
 * row without making the list's rows again. */
#include <string.h>

#include "pl-campaigns-page.h"
#include "pl-page.h"
#include "pl-records.h"
#include "pl-test-util.h"

/* GTK 4.8's list views keep up to 200 rows around what they show, whatever the list's length. */
#define MAX_ROWS 210

static PlPage *
page_named (PlWindow *window, const char *name)
{
  GtkStack *stack = GTK_STACK (pl_test_find_by_id (GTK_WIDGET (window), "page_stack"));

  return PL_PAGE (gtk_stack_get_child_by_name (stack, name));
}

static void
show (PlWindow *window, const char *name)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name);
  pl_test_wait_drawn (GTK_WIDGET (page_named (window, name)));
}

/* The labels of the campaign list's cells on screen, row by row. */
static GPtrArray *
cell_labels (GtkWidget *page, guint *n_rows)
{
  GtkWidget *rows = pl_test_find_widget (pl_test_find_by_id (page, "list"), GTK_TYPE_LIST_VIEW);
  GPtrArray *labels = g_ptr_array_new ();

  *n_rows = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (rows); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      (*n_rows)++;
      for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
        if (pl_test_find_widget (cell, GTK_TYPE_LABEL) != NULL)
          g_ptr_array_add (labels, pl_test_find_widget (cell, GTK_TYPE_LABEL));
    }
  return labels;
}

/* The texts of the campaign list's rows on screen, each row's cells joined by "|". */
static GPtrArray *
row_texts (GtkWidget *page)
{
  GtkWidget *rows = pl_test_find_widget (pl_test_find_by_id (page, "list"), GTK_TYPE_LIST_VIEW);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (GtkWidget *row = gtk_widget_get_first_child (rows); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(GString) text = g_string_new (NULL);

      if (!gtk_widget_get_visible (row))
        continue;
      for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
        {
          GtkWidget *label = pl_test_find_widget (cell, GTK_TYPE_LABEL);
          g_string_append_printf (text, "%s%s", text->len > 0 ? "|" : "", label ? gtk_label_get_text (GTK_LABEL (label)) : "");
        }
      if (text->len > 0)
        g_ptr_array_add (texts, g_string_free (g_steal_pointer (&text), FALSE));
    }
  return texts;
}

static gboolean
has_row (GPtrArray *texts, const char *row)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (texts->pdata[i], row))
      return TRUE;
  return FALSE;
}

static void
dump_rows (GPtrArray *texts)
{
  for (guint i = 0; i < texts->len; i++)
    g_test_message ("row: %s", (char *) texts->pdata[i]);
}

/* Add a campaign, type its name, channel and start: its row says so at once (it used to say
 * "New campaign", no channel, no date, until another row was selected). */
static void
test_new_campaign_row (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_CAMPAIGNS_PAGE);
  guint before = pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS);
  g_autoptr(GPtrArray) texts = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "campaigns");
  pl_test_wait_drawn (page);
  /* Sorted by name, so that the new one stays in view whatever its dates. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (page, "sort_order")), 1);
  gtk_widget_activate_action (page, "campaigns.add", NULL);
  pl_test_spin ();
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), ==, before + 1);
  pl_test_type_into (page, "name", "Autumn webinars");
  pl_test_type_into (page, "channel", "Webinars");
  pl_test_type_into (page, "start", "2027-09-14");
  pl_test_wait_drawn (page);
  pl_test_screenshot (GTK_WIDGET (window), "pages-new-campaign");
  texts = row_texts (page);
  dump_rows (texts);
  g_assert_true (has_row (texts, "Autumn webinars|Webinars|2027-09-14|Planned"));
  g_assert_false (has_row (texts, "New campaign||||Planned") || has_row (texts, "New campaign|||Planned"));

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

static const char *pages[] = { "dashboard", "plan", "campaigns", "budget", "calendar", "kpis", "chain", "assessment" };

static void
count_refreshes (PlWindow *window, guint *counts)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    counts[i] = pl_page_get_n_refreshes (page_named (window, pages[i]));
}

/* Only the page on screen works for an edit, and only for what it shows; a hidden page
 * catches up once when shown; the list redraws the edited row in place. */
static void
test_edit_refreshes (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = GTK_WIDGET (page_named (window, "campaigns"));
  guint before[G_N_ELEMENTS (pages)], after[G_N_ELEMENTS (pages)];
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) labels_after = NULL;
  g_autoptr(PlItem) first = NULL;
  GListModel *shown;
  guint n_rows, n_rows_after, n_campaigns;
  gboolean renamed = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  pl_test_wait_drawn (GTK_WIDGET (window));
  /* Opened on the dashboard: it alone is filled; the others wait to be shown. */
  g_assert_cmpuint (pl_page_get_n_refreshes (page_named (window, "dashboard")), ==, 1);
  for (guint i = 1; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_cmpuint (pl_page_get_n_refreshes (page_named (window, pages[i])), ==, 0);
      g_assert_null (pl_page_get_bound_plan (page_named (window, pages[i])));
    }

  /* Far more campaigns than the list shows, each clashing with the next on the schedule. */
  pl_plan_begin_group (plan, "Many campaigns");
  for (guint i = 0; i < 600; i++)
    {
      g_autoptr(PlItem) campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
      g_autoptr(PlItem) segment = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_SEGMENTS), 0);
      g_autofree char *name = g_strdup_printf ("Campaign %03u", i);

      pl_item_set_string (campaign, PL_CAMPAIGN_NAME, name);
      pl_item_set_string (campaign, PL_CAMPAIGN_CHANNEL, "Email");
      pl_item_set_string (campaign, PL_CAMPAIGN_SEGMENT, pl_item_get_id (segment));
      pl_item_set_julian (campaign, PL_CAMPAIGN_START, pl_plan_get_start (plan) + i % 300);
      pl_item_set_julian (campaign, PL_CAMPAIGN_END, pl_plan_get_start (plan) + i % 300 + 1);
      pl_plan_add (plan, campaign);
    }
  pl_plan_end_group (plan);
  n_campaigns = pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS);
  show (window, "calendar");
  show (window, "campaigns");
  shown = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (pl_test_find_by_id (page, "list"))));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_campaigns);
  first = g_list_model_get_item (shown, 0);
  labels = cell_labels (page, &n_rows);
  g_assert_cmpuint (n_rows, >, 5);
  g_assert_cmpuint (n_rows, <=, MAX_ROWS);

  /* A campaign's name edited: the campaigns page refreshes (its filters' choices and editor
   * may name it), no hidden page does. */
  count_refreshes (window, before);
  pl_plan_set_string (plan, first, PL_CAMPAIGN_NAME, "Renamed in place", NULL);
  pl_test_wait_drawn (page);
  count_refreshes (window, after);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (!g_str_equal (pages[i], "campaigns"))
      g_assert_cmpuint (after[i], ==, before[i]);
  g_assert_cmpuint (after[2], ==, before[2] + 1);
  /* The same row widgets, the edited one saying the new name. */
  labels_after = cell_labels (page, &n_rows_after);
  g_assert_cmpuint (n_rows_after, ==, n_rows);
  g_assert_cmpuint (labels_after->len, ==, labels->len);
  for (guint i = 0; i < labels->len; i++)
    {
      g_assert_true (g_ptr_array_find (labels_after, labels->pdata[i], NULL));
      renamed |= g_str_equal (gtk_label_get_text (labels->pdata[i]), "Renamed in place");
    }
  g_assert_true (renamed);

  /* The calendar missed it: shown again, it refreshes once. */
  show (window, "calendar");
  g_assert_cmpuint (pl_page_get_n_refreshes (page_named (window, "calendar")), ==, before[4] + 1);
  {
    GtkWidget *calendar = GTK_WIDGET (page_named (window, "calendar"));
    GtkWidget *warnings;
    guint n;

    /* A collapsed expander keeps its child out of the widget tree. */
    gtk_expander_set_expanded (GTK_EXPANDER (pl_test_find_by_id (calendar, "warnings_expander")), TRUE);
    pl_test_screenshot (GTK_WIDGET (window), "pages-calendar-warnings");
    warnings = pl_test_find_by_id (calendar, "warnings");
    /* Hundreds of warnings, rows made for those around the view only. */
    n = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (warnings))));
    g_assert_cmpuint (n, >, 2 * MAX_ROWS);
    n = 0;
    for (GtkWidget *row = gtk_widget_get_first_child (warnings); row != NULL; row = gtk_widget_get_next_sibling (row))
      n++;
    g_assert_cmpuint (n, <=, MAX_ROWS);
    gtk_expander_set_expanded (GTK_EXPANDER (pl_test_find_by_id (calendar, "warnings_expander")), FALSE);
  }
  /* On screen, it ignores what it does not show (a KPI's name). */
  {
    g_autoptr(PlItem) kpi = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_KPIS), 0);
    guint calendar = pl_page_get_n_refreshes (page_named (window, "calendar"));

    pl_plan_set_string (plan, kpi, PL_KPI_NAME, "Renamed KPI", NULL);
    pl_test_spin ();
    g_assert_cmpuint (pl_page_get_n_refreshes (page_named (window, "calendar")), ==, calendar);
  }
  /* Undone while hidden: the campaigns page shows the old name when shown again. */
  pl_plan_undo (plan);
  pl_plan_undo (plan);
  show (window, "campaigns");
  g_assert_cmpstr (pl_item_get_string (first, PL_CAMPAIGN_NAME), !=, "Renamed in place");
  {
    g_autoptr(GPtrArray) again = cell_labels (page, &n_rows_after);
    for (guint i = 0; i < again->len; i++)
      g_assert_cmpstr (gtk_label_get_text (again->pdata[i]), !=, "Renamed in place");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* The period's drop-downs follow an edit made elsewhere (here by the model) that moved both
 * its month and its year, without taking the month shown before the year for a new edit. */
static void
test_period_follows_edit (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = GTK_WIDGET (page_named (window, "plan"));
  PlItem *metadata = PL_ITEM (pl_plan_get_metadata (plan));
  guint32 start = pl_plan_get_start (plan);
  GDate moved;

  show (window, "plan");
  g_date_clear (&moved, 1);
  g_date_set_julian (&moved, start);
  g_date_add_months (&moved, 15);
  g_assert_true (pl_plan_set_julian (plan, metadata, PL_METADATA_START, g_date_get_julian (&moved), NULL));
  pl_test_spin ();
  g_assert_cmpuint (pl_plan_get_start (plan), ==, g_date_get_julian (&moved));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (pl_test_find_by_id (page, "start_month"))), ==,
                    g_date_get_month (&moved) - 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (pl_test_find_by_id (page, "start_year"))), ==,
                   g_date_get_year (&moved));
  /* One edit, the model's; undone, the page follows back, and nothing is left to undo. */
  pl_plan_undo (plan);
  pl_test_spin ();
  g_assert_cmpuint (pl_plan_get_start (plan), ==, start);
  g_assert_false (pl_plan_can_undo (plan));
  g_assert_true (pl_plan_can_redo (plan));

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/pages/new-campaign-row", test_new_campaign_row);
  g_test_add_func ("/pages/edit-refreshes", test_edit_refreshes);
  g_test_add_func ("/pages/period-follows-edit", test_period_follows_edit);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the pages follow the plan: the campaign list shows what was just typed into the
 * editor, without another row being selected first. */
#include <string.h>

#include "pl-campaigns-page.h"
#include "pl-records.h"
#include "pl-test-util.h"

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
  g_autofree char *dir = g_dir_make_tmp ("pilote-ui-XXXXXX", NULL);
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

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/pages/new-campaign-row", test_new_campaign_row);
  return g_test_run ();
}

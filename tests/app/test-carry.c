/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Carry Over dialog on the example plan, as of the end of June 2027: only months and
 * quarters that have ended are offered, each with what it left unspent (an order counts, an
 * overspent month gives nothing); an amount typed in a hurry is refused in words with Carry
 * Over off; the preview shows the months before and after; Carry Over is one edit the
 * window's Undo and Redo take back and bring back. Writes screenshots. */
#include <string.h>

#include "pl-budget-carry.h"
#include "pl-carry-dialog.h"
#include "pl-dashboard.h"
#include "pl-figures.h"
#include "pl-money.h"
#include "pl-test-util.h"

static guint32
julian (int day, int month, int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static GtkWidget *
child (GtkWidget *dialog, const char *id)
{
  GtkWidget *widget = pl_test_find_by_id (dialog, id);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
selected_text (GtkWidget *dialog, const char *id)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (child (dialog, id)));

  return item ? gtk_string_object_get_string (item) : NULL;
}

/* Selects the entry of drop-down @id that starts with @prefix. */
static void
choose (GtkWidget *dialog, const char *id, const char *prefix)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (child (dialog, id)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_has_prefix (gtk_string_object_get_string (item), prefix))
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (child (dialog, id)), i);
          pl_test_spin ();
          return;
        }
    }
  g_error ("no “%s…” in %s", prefix, id);
}

static gboolean
can_carry (GtkWidget *dialog)
{
  return gtk_widget_get_sensitive (child (dialog, "carry_button"));
}

static const char *
message (GtkWidget *dialog)
{
  GtkWidget *label = child (dialog, "message");

  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

/* Types @text into the amount as a user does, key by key, without Enter. */
static void
type_amount (GtkWidget *dialog, const char *text)
{
  GtkEditable *amount = GTK_EDITABLE (child (dialog, "amount"));
  int position = 0;

  gtk_editable_set_text (amount, "");
  gtk_editable_insert_text (amount, text, -1, &position);
  pl_test_spin ();
}

static char *
money (gint64 amount)
{
  return pl_money_format (amount, 2, "EUR");
}

/* The text of the preview's cell at @column, @row (0: the headers). */
static const char *
preview_cell (GtkWidget *dialog, int column, int row)
{
  GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (child (dialog, "preview")), column, row);

  return cell ? gtk_label_get_label (GTK_LABEL (cell)) : NULL;
}

static void
test_carry_dialog (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  PlItem *google = pl_plan_lookup (plan, "line-google");
  g_autoptr(PlItem) order = g_object_new (PL_TYPE_SPEND, NULL);
  g_autofree char *unspent = NULL, *q1 = NULL, *q2 = NULL, *may = NULL, *too_much = NULL;
  g_autofree char *third = NULL, *last = NULL, *expected = NULL;
  GtkWidget *dialog;

  /* As of 30 June 2027: January to June have ended, and so Q1 and Q2. */
  pl_dashboard_choose_as_of (plan, julian (30, 6, 2027));
  /* A 500.00 order in June, not invoiced yet: it is not unspent. */
  pl_item_set_string (order, PL_SPEND_LINE, "line-google");
  pl_item_set_julian (order, PL_SPEND_DATE, julian (28, 6, 2027));
  pl_item_set_int (order, PL_SPEND_AMOUNT, 50000);
  pl_item_set_int (order, PL_SPEND_STATUS, PL_SPEND_COMMITTED);
  pl_plan_add (plan, order);

  dialog = pl_carry_dialog_new (GTK_WINDOW (window), plan, google);
  gtk_window_present (GTK_WINDOW (dialog));
  pl_test_wait_drawn (dialog);
  /* Before the first assertion on words: run by hand in French, the screenshot is French. */
  pl_test_screenshot (dialog, "carry-dialog");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  /* The amount has the keyboard, all of it selected: typing replaces it. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)), child (dialog, "amount")));
  {
    int start = -1, end = -1;

    g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (child (dialog, "amount")), &start, &end));
    g_assert_cmpint (start, ==, 0);
    g_assert_cmpint (end, ==, g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "amount"))), -1));
  }
  g_assert_cmpstr (selected_text (dialog, "line"), ==, "Google Ads – search");
  /* Q2: April left 1,637.94, June 2,478.19 less the 500.00 order, May overspent by 84.46,
   * which the quarter's other months pay for: the quarter left no more than that. */
  g_assert_cmpint (pl_budget_carry_unspent (plan, google, 3, 5), ==, 163794 + 197819 - 8446);
  q2 = money (163794 + 197819 - 8446);
  q1 = money (202932 + 204373 + 29959);
  /* May's overspend shows as what it takes: the column adds up to the quarter's unspent. */
  {
    g_autofree char *overspent = money (8446);

    may = g_strconcat ("−", overspent, NULL);
  }
  expected = g_strdup_printf ("Q2 2027 — %s unspent", q2);
  g_assert_cmpstr (selected_text (dialog, "period"), ==, expected);
  g_clear_pointer (&expected, g_free);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (child (dialog, "period")))), ==, 8);
  unspent = pl_money_to_display (163794 + 197819 - 8446, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "amount"))), ==, unspent);
  g_assert_cmpstr (selected_text (dialog, "into"), ==, "Evenly over the next quarter, July–September 2027");
  g_assert_true (can_carry (dialog));
  g_assert_null (message (dialog));
  expected = g_strdup_printf ("%s moves from Q2 2027 into July–September 2027.", q2);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (dialog, "summary"))), ==, expected);
  g_clear_pointer (&expected, g_free);
  /* The preview: April and June give, July to September receive, 1,177.22 each, the cent in September. */
  g_assert_cmpstr (preview_cell (dialog, 0, 0), ==, "Month");
  g_assert_cmpstr (preview_cell (dialog, 0, 1), ==, "April 2027");
  g_assert_cmpstr (preview_cell (dialog, 4, 2), ==, may);
  g_assert_cmpstr (preview_cell (dialog, 0, 6), ==, "September 2027");
  third = money (117722);
  last = money (117723);
  expected = g_strconcat ("+", third, NULL);
  g_assert_cmpstr (preview_cell (dialog, 5, 4), ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strconcat ("+", last, NULL);
  g_assert_cmpstr (preview_cell (dialog, 5, 6), ==, expected);
  g_clear_pointer (&expected, g_free);

  /* Typed in a hurry: each refused in words, Carry Over off, nothing changed. */
  type_amount (dialog, "12,5x");
  g_assert_cmpstr (message (dialog), ==, "“12,5x” is not an amount. Type digits, with a point or a comma before the cents.");
  g_assert_false (can_carry (dialog));
  g_assert_true (gtk_widget_has_css_class (child (dialog, "amount"), "invalid"));
  type_amount (dialog, "");
  g_assert_cmpstr (message (dialog), ==, "Type the amount to carry over.");
  g_assert_false (can_carry (dialog));
  type_amount (dialog, "-50");
  g_assert_cmpstr (message (dialog), ==, "The amount to carry must be more than zero.");
  g_assert_false (can_carry (dialog));
  type_amount (dialog, "5000");
  too_much = money (500000);
  expected = g_strdup_printf ("Only %s is unspent in Q2 2027 on “Google Ads – search”: %s cannot be carried.", q2, too_much);
  g_assert_cmpstr (message (dialog), ==, expected);
  g_clear_pointer (&expected, g_free);
  g_assert_false (can_carry (dialog));
  /* Typed over with the real keys, and Enter: what is refused is not carried. */
  pl_test_keys (child (dialog, "amount"), "ctrl+a 6 0 0 0 Return");
  pl_test_wait_ms (500);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "amount"))), ==, "6000");
  g_assert_false (can_carry (dialog));
  g_assert_true (pl_test_find_window (PL_TYPE_CARRY_DIALOG) == GTK_WINDOW (dialog));
  pl_test_screenshot (dialog, "carry-dialog-too-much");
  g_assert_cmpstr (pl_plan_get_undo_label (plan), !=, "Carry Over Budget");

  /* Q1 into one month, as the user writes money: "€3,000" reads as 3,000.00. */
  choose (dialog, "period", "Q1 2027");
  expected = pl_money_to_display (202932 + 204373 + 29959, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "amount"))), ==, expected);
  g_clear_pointer (&expected, g_free);
  /* Only months that have not ended are offered to carry into. */
  g_assert_cmpstr (selected_text (dialog, "into"), ==, "Evenly over the next quarter, July–September 2027");
  choose (dialog, "into", "All into August 2027");
  type_amount (dialog, "€3,000");
  g_assert_null (message (dialog));
  g_assert_false (gtk_widget_has_css_class (child (dialog, "amount"), "invalid"));
  g_assert_true (can_carry (dialog));
  g_assert_cmpstr (preview_cell (dialog, 0, 4), ==, "August 2027");
  g_assert_null (preview_cell (dialog, 0, 5));
  pl_test_screenshot (dialog, "carry-dialog-one-month");
  /* Enter carries, and the dialog closes. */
  pl_test_keys (child (dialog, "amount"), "Return");
  pl_test_wait_ms (500);
  g_assert_null (pl_test_find_window (PL_TYPE_CARRY_DIALOG));
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Carry Over Budget");
  g_assert_cmpint (pl_figures_line_planned (PL_BUDGET_LINE (google), 7), ==, 2000000 + 300000);
  g_assert_cmpint (pl_figures_line_planned (PL_BUDGET_LINE (google), -1), ==, 24000000);
  g_assert_cmpint (pl_budget_carry_unspent (plan, google, 0, 2), ==, 202932 + 204373 + 29959 - 300000);
  g_assert_cmpstr (pl_item_get_strv (google, PL_BUDGET_LINE_CARRIED)[0], ==, "2027-01 2027-03 2027-08 2027-08 3000.00");

  /* The window's Undo takes back the amounts and the record; Redo brings both. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  pl_test_spin ();
  g_assert_cmpint (pl_figures_line_planned (PL_BUDGET_LINE (google), 7), ==, 2000000);
  g_assert_cmpint (pl_figures_line_planned (PL_BUDGET_LINE (google), 0), ==, 2000000);
  g_assert_null (pl_item_get_strv (google, PL_BUDGET_LINE_CARRIED));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  pl_test_spin ();
  g_assert_cmpint (pl_figures_line_planned (PL_BUDGET_LINE (google), 7), ==, 2300000);
  g_assert_cmpstr (pl_item_get_strv (google, PL_BUDGET_LINE_CARRIED)[0], ==, "2027-01 2027-03 2027-08 2027-08 3000.00");

  /* Without a line given, the first is chosen and can be changed; Cancel changes nothing. */
  dialog = pl_carry_dialog_new (GTK_WINDOW (window), plan, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  pl_test_wait_drawn (dialog);
  g_assert_cmpstr (selected_text (dialog, "line"), ==, "LinkedIn Ads – finance audiences");
  choose (dialog, "line", "Google Ads");
  /* What is left of Q1 once 3,000.00 went to August. */
  g_clear_pointer (&q1, g_free);
  q1 = money (202932 + 204373 + 29959 - 300000);
  expected = g_strdup_printf ("Q1 2027 — %s unspent", q1);
  choose (dialog, "period", "Q1 2027");
  g_assert_cmpstr (selected_text (dialog, "period"), ==, expected);
  g_clear_pointer (&expected, g_free);
  gtk_widget_activate_action (dialog, "window.close", NULL);
  pl_test_spin ();
  g_assert_null (pl_test_find_window (PL_TYPE_CARRY_DIALOG));
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Carry Over Budget");

  /* Before any month has ended, nothing can be carried, and the dialog says why. */
  pl_dashboard_choose_as_of (plan, julian (15, 1, 2027));
  dialog = pl_carry_dialog_new (GTK_WINDOW (window), plan, google);
  gtk_window_present (GTK_WINDOW (dialog));
  pl_test_wait_drawn (dialog);
  g_assert_false (can_carry (dialog));
  g_assert_false (gtk_widget_get_visible (child (dialog, "options")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (dialog, "summary"))), ==,
                   "No month of the plan’s period had ended by 15 January 2027: only the unspent budget of months that "
                   "have ended can be carried over.");
  pl_test_screenshot (dialog, "carry-dialog-nothing-closed");

  /* The window closes an open dialog with it (the plan as it was: no recovery file left). */
  while (pl_plan_can_undo (plan))
    pl_plan_undo (plan);
  g_assert_false (pl_plan_get_modified (plan));
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  g_assert_null (pl_test_find_window (PL_TYPE_CARRY_DIALOG));
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/carry/dialog", test_carry_dialog);
  return g_test_run ();
}

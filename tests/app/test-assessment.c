/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Maturity page on the example plan: the latest round's results against the previous
 * one; a new round answered step by step (each answer an undoable edit), stopped and resumed
 * where it was left. Writes screenshots. */
#include "pl-assessment-page.h"
#include "pl-maturity.h"
#include "pl-test-util.h"

static GtkToggleButton *
rating_button (GtkWidget *questions, guint question, guint value)
{
  GtkWidget *box = gtk_widget_get_first_child (questions);
  GtkWidget *row, *button;

  for (guint i = 0; i < question; i++)
    box = gtk_widget_get_next_sibling (box);
  /* The statement, the levels, then the row of ratings 1 to 5 and "I don't know". */
  row = gtk_widget_get_last_child (box);
  button = gtk_widget_get_first_child (row);
  for (guint i = 1; i < (value == 0 ? 6 : value); i++)
    button = gtk_widget_get_next_sibling (button);
  return GTK_TOGGLE_BUTTON (button);
}

static void
test_assessment_page (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_ASSESSMENT_PAGE);
  GtkStack *mode = GTK_STACK (pl_test_find_by_id (page, "mode"));
  GtkWidget *questions = pl_test_find_by_id (page, "questions");
  guint n_assessments = pl_plan_get_n (plan, PL_COLLECTION_ASSESSMENTS);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assessment");
  pl_test_wait_drawn (page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (mode), ==, "results");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (pl_test_find_by_id (page, "round"))), ==, 1);
  pl_test_screenshot (GTK_WIDGET (window), "assessment-results");

  /* A new round: step 1, answers saved as edits of the plan. */
  pl_assessment_page_answer (PL_ASSESSMENT_PAGE (page), "2028", "Claire Martin");
  pl_test_spin ();
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_ASSESSMENTS), ==, n_assessments + 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (mode), ==, "answering");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (page, "step_title"))), ==,
                   "Step 1 of 10 — How leadership sees marketing");
  gtk_toggle_button_set_active (rating_button (questions, 0, 4), TRUE);
  gtk_toggle_button_set_active (rating_button (questions, 1, 5), TRUE);
  gtk_toggle_button_set_active (rating_button (questions, 2, 0), TRUE);
  pl_test_spin ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (page, "answered"))), ==, "3 of 30 statements answered by Claire Martin for round 2028");
  pl_test_screenshot (GTK_WIDGET (window), "assessment-answering");
  gtk_widget_activate_action (page, "assessment.next", NULL);
  pl_test_spin ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (page, "step_title"))), ==,
                   "Step 2 of 10 — Business alignment and judgement");

  /* Stopped, then resumed: back on the first step with an unanswered statement. */
  gtk_widget_activate_action (page, "assessment.finish", NULL);
  pl_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (mode), ==, "results");
  /* The round just answered is shown (rounds are in date order: this one is dated today). */
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (pl_test_find_by_id (page, "round")))),
                   ==, "Round 2028");
  pl_assessment_page_answer (PL_ASSESSMENT_PAGE (page), "2028", "Claire Martin");
  pl_test_spin ();
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_ASSESSMENTS), ==, n_assessments + 1);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (page, "step_title"))), ==,
                   "Step 2 of 10 — Business alignment and judgement");
  gtk_widget_activate_action (page, "assessment.finish", NULL);
  pl_test_spin ();

  /* Each answer undoes on its own; then the round's record goes too. */
  while (pl_plan_can_undo (plan))
    pl_plan_undo (plan);
  pl_test_spin ();
  g_assert_false (pl_plan_get_modified (plan));
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_ASSESSMENTS), ==, n_assessments);
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/assessment/page", test_assessment_page);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* New Plan (issue 26) with the real keyboard: the title field has the focus; typing a title,
 * going down to E-commerce and pressing Enter opens a plan with the e-commerce KPIs, the
 * period, currency and organisation asked for; Escape closes the dialog without a plan; a
 * currency that is not a code is refused in words and the dialog stays. Runs in English and
 * French (the model names and descriptions come from the translated templates) and writes
 * screenshots. */
#include <string.h>

#include "pl-application.h"
#include "pl-document.h"
#include "pl-new-plan-dialog.h"
#include "pl-template-file.h"
#include "pl-test-util.h"
#include "pl-window.h"

static GtkWidget *
child (GtkWidget *dialog, const char *id)
{
  GtkWidget *widget = pl_test_find_by_id (dialog, id);

  g_assert_nonnull (widget);
  return widget;
}

/* A screenshot named after the language the test runs in ("new-plan-dialog-fr"). */
static void
screenshot (GtkWidget *widget, const char *name)
{
  g_autofree char *named = g_strdup_printf ("%s-%s", name, g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "en");

  pl_test_screenshot (widget, named);
}

/* The windows showing a plan. */
static guint
n_plans (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (pl_test_app)); l != NULL; l = l->next)
    if (PL_IS_WINDOW (l->data) && pl_window_get_document (l->data) != NULL)
      n++;
  return n;
}

static PlPlan *
plan_titled (const char *title)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (pl_test_app)); l != NULL; l = l->next)
    if (PL_IS_WINDOW (l->data) && pl_window_get_document (l->data) != NULL)
      {
        PlPlan *plan = pl_document_get_plan (pl_window_get_document (l->data));
        if (g_strcmp0 (pl_plan_get_title (plan), title) == 0)
          return plan;
      }
  return NULL;
}

/* Opens New Plan as the window's menu and Ctrl+N do, over an empty window. */
static GtkWidget *
open_dialog (void)
{
  GtkWidget *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (pl_test_app), "new", NULL);
  pl_test_spin ();
  dialog = GTK_WIDGET (pl_test_find_window (PL_TYPE_NEW_PLAN_DIALOG));
  g_assert_nonnull (dialog);
  pl_test_wait_drawn (dialog);
  return dialog;
}

static void
test_create (void)
{
  PlWindow *empty = pl_window_new (pl_test_app);
  GtkWidget *dialog, *title, *focus, *models, *message;
  guint before;
  PlPlan *plan;
  GDate start;

  gtk_window_present (GTK_WINDOW (empty));
  pl_test_spin ();
  before = n_plans ();
  dialog = open_dialog ();
  title = child (dialog, "title_entry");
  models = child (dialog, "models");
  message = child (dialog, "message");
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_true (focus == title || gtk_widget_is_ancestor (focus, title));
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (models), 2));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (models), 3));
  screenshot (dialog, "new-plan-dialog");

  /* A wrong currency: said in words, nothing made, the dialog stays. */
  pl_test_keys (child (dialog, "currency_entry"), "ctrl+a E U Return");
  pl_test_wait_ms (500);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "EU"));
  g_assert_cmpuint (n_plans (), ==, before);
  g_assert_nonnull (pl_test_find_window (PL_TYPE_NEW_PLAN_DIALOG));
  screenshot (dialog, "new-plan-wrong-currency");
  pl_test_keys (child (dialog, "currency_entry"), "ctrl+a U S D");
  g_assert_false (gtk_widget_get_visible (message));
  pl_test_keys (child (dialog, "organisation_entry"), "L u m e n");
  pl_test_keys (child (dialog, "year"), "ctrl+a 2 0 2 8 Tab");

  /* Down twice from the first model: E-commerce; then Enter in the title. */
  pl_test_keys (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (models), 0)), "Down Down");
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (models)))), ==, "e-commerce");
  pl_test_keys (title, "S h o p space 2 0 2 8");
  screenshot (dialog, "new-plan-filled");
  pl_test_keys (title, "Return");
  pl_test_wait_ms (500);
  pl_test_spin ();

  g_assert_null (pl_test_find_window (PL_TYPE_NEW_PLAN_DIALOG));
  plan = plan_titled ("Shop 2028");
  g_assert_nonnull (plan);
  g_assert_nonnull (pl_plan_lookup (plan, "kpi-orders"));
  g_assert_nonnull (pl_plan_lookup (plan, "kpi-basket"));
  g_assert_null (pl_plan_lookup (plan, "kpi-mql"));
  g_assert_cmpstr (pl_plan_get_currency (plan), ==, "USD");
  g_assert_cmpstr (pl_item_get_string (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_ORGANISATION), ==, "Lumen");
  g_assert_cmpuint (pl_plan_get_months (plan), ==, 12);
  g_date_clear (&start, 1);
  g_date_set_julian (&start, pl_plan_get_start (plan));
  g_assert_cmpint (g_date_get_year (&start), ==, 2028);
  g_assert_cmpint (g_date_get_day (&start), ==, 1);
  /* A new plan, not yet saved: nothing to undo. */
  g_assert_false (pl_plan_can_undo (plan));
  screenshot (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (pl_test_app))), "new-plan-e-commerce");
}

static void
test_escape (void)
{
  guint before = n_plans ();
  GtkWidget *dialog = open_dialog ();

  pl_test_keys (child (dialog, "title_entry"), "N o p e Escape");
  pl_test_wait_ms (500);
  pl_test_spin ();
  g_assert_null (pl_test_find_window (PL_TYPE_NEW_PLAN_DIALOG));
  g_assert_cmpuint (n_plans (), ==, before);
  g_assert_null (plan_titled ("Nope"));
}

/* Enter on a model creates too, with the preferences' currency and an untitled plan. */
static void
test_enter_on_model (void)
{
  guint before = n_plans ();
  GtkWidget *dialog = open_dialog ();
  GtkListBox *models = GTK_LIST_BOX (child (dialog, "models"));
  PlPlan *plan;

  pl_test_keys (GTK_WIDGET (gtk_list_box_get_row_at_index (models, 0)), "Down Return");
  pl_test_wait_ms (500);
  pl_test_spin ();
  g_assert_null (pl_test_find_window (PL_TYPE_NEW_PLAN_DIALOG));
  g_assert_cmpuint (n_plans (), ==, before + 1);
  plan = pl_document_get_plan (pl_window_get_document (PL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (pl_test_app)))));
  g_assert_nonnull (pl_plan_lookup (plan, "kpi-proposals"));
  g_assert_cmpstr (pl_plan_get_currency (plan), ==, "EUR");
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/new-plan/create", test_create);
  g_test_add_func ("/new-plan/escape", test_escape);
  g_test_add_func ("/new-plan/enter-on-model", test_enter_on_model);
  return g_test_run ();
}

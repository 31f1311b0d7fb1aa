/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's merge with the version on disk (issue 24): while the plan has unsaved changes,
 * another program changes its file; Merge combines both as one edit that Undo takes back, the
 * conflicts are chosen from (ours by default, theirs per conflict), the next save writes the
 * merge without asking, and a file that is no longer a plan loses nothing. */
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "pl-merge-dialog.h"
#include "pl-plan-file.h"
#include "pl-records.h"
#include "pl-test-util.h"
#include "pl-window.h"

/* A copy of the example plan, open in a window. */
typedef struct {
  char       *dir;
  char       *path;
  PlWindow   *window;
  PlDocument *document;
  PlPlan     *plan;
} Fixture;

static void
fixture_open (Fixture *f, gconstpointer data)
{
  f->dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  f->path = pl_test_copy_example (f->dir);
  f->window = pl_test_open_in_window (f->path);
  f->document = pl_window_get_document (f->window);
  f->plan = pl_document_get_plan (f->document);
}

static void
fixture_close (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  pl_test_spin ();
  pl_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static const char *
metadata (PlPlan *plan, guint field)
{
  return pl_item_get_string (PL_ITEM (pl_plan_get_metadata (plan)), field);
}

static void
set_metadata (PlPlan *plan, guint field, const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_plan_set_string (plan, PL_ITEM (pl_plan_get_metadata (plan)), field, value, &error));
  g_assert_no_error (error);
}

static PlItem *
first_campaign (PlPlan *plan)
{
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);

  g_assert_cmpuint (g_list_model_get_n_items (campaigns), >, 1);
  return g_list_model_get_item (campaigns, 0);
}

static void
rename_first_campaign (PlPlan *plan, const char *name)
{
  g_autoptr(PlItem) campaign = first_campaign (plan);
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_plan_set_string (plan, campaign, PL_CAMPAIGN_NAME, name, &error));
  g_assert_no_error (error);
}

static char *
first_campaign_name (PlPlan *plan)
{
  g_autoptr(PlItem) campaign = first_campaign (plan);

  return g_strdup (pl_item_get_string (campaign, PL_CAMPAIGN_NAME));
}

static PlPlan *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

/* Another program (another person's Pilote) changes the file: @edit on the plan it reads. */
typedef void (*EditFunc) (PlPlan *plan);

static void
change_on_disk (const char *path, EditFunc edit)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = load (path);

  edit (plan);
  g_assert_true (pl_plan_save (plan, file, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
wait_while (PlWindow *window, gboolean (*busy) (PlWindow *))
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (busy (window) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (busy (window));
  pl_test_spin ();
}

/* Checks the file now, and waits for the bar to say it changed. */
static void
see_change (PlWindow *window)
{
  wait_while (window, pl_window_is_checking_disk);
  pl_window_check_disk (window);
  wait_while (window, pl_window_is_checking_disk);
  g_assert_cmpint (pl_window_get_disk_state (window), ==, PL_DISK_CHANGED);
}

/* Merge, from the disk bar's button as a user presses it; waits for the other version read. */
static void
press_merge (PlWindow *window)
{
  GtkWidget *button = pl_test_find_by_id (GTK_WIDGET (window), "disk_merge");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wait_while (window, pl_window_is_merging);
}

static void
theirs_owner_and_campaign (PlPlan *plan)
{
  set_metadata (plan, PL_METADATA_OWNER, "Their Owner");
  rename_first_campaign (plan, "Their campaign name");
}

static void
theirs_organisation (PlPlan *plan)
{
  set_metadata (plan, PL_METADATA_ORGANISATION, "Their Organisation");
}

/* A change on disk to fields the window did not touch combines with the window's own: both are
 * in the plan, the plan is modified, one Undo takes the merge back, and Save then writes the
 * merge without asking. */
static void
test_merge_without_conflict (Fixture *f, gconstpointer data)
{
  g_autofree char *original_organisation = g_strdup (metadata (f->plan, PL_METADATA_ORGANISATION));
  g_autofree char *campaign = NULL;
  g_autoptr(PlPlan) saved = NULL;

  set_metadata (f->plan, PL_METADATA_ORGANISATION, "Our Organisation");
  change_on_disk (f->path, theirs_owner_and_campaign);
  see_change (f->window);
  pl_test_screenshot (GTK_WIDGET (f->window), "disk-merge-offered");
  press_merge (f->window);

  /* No conflict: no dialog, merged at once, and the bar says what happened. */
  g_assert_null (pl_test_find_window (PL_TYPE_MERGE_DIALOG));
  g_assert_null (pl_window_get_error (f->window));
  g_assert_cmpstr (metadata (f->plan, PL_METADATA_ORGANISATION), ==, "Our Organisation");
  g_assert_cmpstr (metadata (f->plan, PL_METADATA_OWNER), ==, "Their Owner");
  campaign = first_campaign_name (f->plan);
  g_assert_cmpstr (campaign, ==, "Their campaign name");
  g_assert_true (pl_document_get_modified (f->document));
  g_assert_cmpint (pl_window_get_disk_state (f->window), ==, PL_DISK_SAME);
  g_assert_cmpstr (pl_window_get_merge_note (f->window), ==, "Merged: 2 changes from the other version");
  g_assert_cmpstr (pl_plan_get_undo_label (f->plan), ==, "Merge Changes from Disk");
  pl_test_screenshot (GTK_WIDGET (f->window), "disk-merge-merged");

  /* Undo takes the whole merge back, in one step, and Redo brings it again. */
  g_assert_true (pl_plan_undo (f->plan));
  g_assert_cmpstr (metadata (f->plan, PL_METADATA_ORGANISATION), ==, "Our Organisation");
  g_assert_cmpstr (metadata (f->plan, PL_METADATA_OWNER), !=, "Their Owner");
  g_free (campaign);
  campaign = first_campaign_name (f->plan);
  g_assert_cmpstr (campaign, !=, "Their campaign name");
  g_assert_cmpstr (pl_plan_get_undo_label (f->plan), !=, "Merge Changes from Disk");
  /* Undone, the plan lacks the other version the file holds: the bar comes back, and a save
   * asks rather than overwrite it. */
  g_assert_false (pl_document_get_merged (f->document));
  g_assert_null (pl_window_get_merge_note (f->window));
  wait_while (f->window, pl_window_is_checking_disk);
  g_assert_cmpint (pl_window_get_disk_state (f->window), ==, PL_DISK_CHANGED);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  pl_test_spin ();
  {
    GtkWidget *dialog = pl_test_find_message_dialog ();

    g_assert_nonnull (dialog);
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
    pl_test_spin ();
  }
  /* Redo: merged again, the file's version is theirs again. */
  g_assert_true (pl_plan_redo (f->plan));
  g_assert_true (pl_document_get_merged (f->document));
  g_assert_cmpstr (metadata (f->plan, PL_METADATA_OWNER), ==, "Their Owner");

  /* A check finds the file as the merge read it; Save writes without asking. */
  pl_window_check_disk (f->window);
  wait_while (f->window, pl_window_is_checking_disk);
  g_assert_cmpint (pl_window_get_disk_state (f->window), ==, PL_DISK_SAME);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  pl_test_spin ();
  g_assert_null (pl_test_find_message_dialog ());
  g_assert_false (pl_document_get_modified (f->document));
  g_assert_null (pl_window_get_merge_note (f->window));
  saved = load (f->path);
  g_assert_cmpstr (metadata (saved, PL_METADATA_ORGANISATION), ==, "Our Organisation");
  g_assert_cmpstr (metadata (saved, PL_METADATA_OWNER), ==, "Their Owner");
  g_assert_cmpstr (original_organisation, !=, "Our Organisation");

}

/* Saving over a change nobody was told of asks first, and Merge is one of the answers: the
 * merge is made, and nothing saved until the user saves it. */
static void
test_merge_when_saving (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog;
  g_autoptr(PlPlan) on_disk = NULL;

  set_metadata (f->plan, PL_METADATA_ORGANISATION, "Our Organisation");
  change_on_disk (f->path, theirs_owner_and_campaign);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  pl_test_spin ();
  dialog = pl_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  pl_test_screenshot (dialog, "disk-merge-save-asks");
  gtk_dialog_response (GTK_DIALOG (dialog), 4);
  wait_while (f->window, pl_window_is_merging);
  g_assert_null (pl_test_find_message_dialog ());
  g_assert_cmpstr (metadata (f->plan, PL_METADATA_ORGANISATION), ==, "Our Organisation");
  g_assert_cmpstr (metadata (f->plan, PL_METADATA_OWNER), ==, "Their Owner");
  g_assert_true (pl_document_get_modified (f->document));
  g_assert_cmpstr (pl_window_get_merge_note (f->window), ==, "Merged: 2 changes from the other version");
  on_disk = load (f->path);
  g_assert_cmpstr (metadata (on_disk, PL_METADATA_ORGANISATION), !=, "Our Organisation");
}

/* Every choice of the dialog is named for a screen reader ("Keep yours: Our Owner") and
 * described by its conflict's heading; returns how many there are. */
static guint
assert_choices_named (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_CHECK_BUTTON (widget))
    {
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL));
      g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += assert_choices_named (child);
  return n;
}

/* Both changed the owner: the dialog shows the conflict with both values and the base, ours
 * chosen; @take_theirs picks theirs with the keyboard. The organisation, changed only on disk,
 * comes in either way. */
static void
merge_conflict (Fixture *f, gboolean take_theirs)
{
  g_autofree char *base_owner = g_strdup (metadata (f->plan, PL_METADATA_OWNER));
  PlMergeDialog *dialog;
  PlMergeResult *result;
  const PlMergeConflict *conflict;
  GtkWidget *focus;

  set_metadata (f->plan, PL_METADATA_OWNER, "Our Owner");
  change_on_disk (f->path, theirs_owner_and_campaign);
  change_on_disk (f->path, theirs_organisation);
  see_change (f->window);
  press_merge (f->window);

  dialog = PL_MERGE_DIALOG (pl_test_find_window (PL_TYPE_MERGE_DIALOG));
  g_assert_nonnull (dialog);
  result = pl_disk_merge_get_result (pl_merge_dialog_get_merge (dialog));
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  conflict = g_ptr_array_index (result->conflicts, 0);
  g_assert_cmpint (conflict->kind, ==, PL_MERGE_CONFLICT_FIELD);
  g_assert_cmpstr (conflict->ours_text, ==, "Our Owner");
  g_assert_cmpstr (conflict->theirs_text, ==, "Their Owner");
  g_assert_cmpstr (conflict->base_text, ==, base_owner);
  /* Nothing is applied while the user chooses. */
  g_assert_cmpstr (metadata (f->plan, PL_METADATA_ORGANISATION), !=, "Their Organisation");

  g_assert_cmpuint (assert_choices_named (GTK_WIDGET (dialog)), ==, 2);
  /* The keyboard starts on the first conflict's "Keep yours", chosen. */
  pl_test_wait_drawn (GTK_WIDGET (dialog));
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (GTK_IS_CHECK_BUTTON (focus));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (focus)));
  g_assert_cmpuint (pl_merge_dialog_count_theirs (dialog), ==, 0);
  if (take_theirs)
    {
      /* An arrow moves within the conflict's choices (Tab goes on to the next conflict). */
      pl_test_keys (focus, "Down");
      pl_test_wait_ms (100);
      g_assert_cmpuint (pl_merge_dialog_count_theirs (dialog), ==, 1);
      pl_test_screenshot (GTK_WIDGET (dialog), "disk-merge-conflict-theirs");
    }
  else
    pl_test_screenshot (GTK_WIDGET (dialog), "disk-merge-conflict");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.apply", NULL);
  pl_test_spin ();
  g_assert_null (pl_test_find_window (PL_TYPE_MERGE_DIALOG));

  g_assert_cmpstr (metadata (f->plan, PL_METADATA_OWNER), ==, take_theirs ? "Their Owner" : "Our Owner");
  g_assert_cmpstr (metadata (f->plan, PL_METADATA_ORGANISATION), ==, "Their Organisation");
  g_assert_cmpstr (pl_window_get_merge_note (f->window), ==,
                   take_theirs ? "Merged: 2 changes from the other version, 1 conflict took theirs"
                               : "Merged: 2 changes from the other version, 1 conflict kept yours");
  pl_test_screenshot (GTK_WIDGET (f->window), take_theirs ? "disk-merge-merged-theirs" : "disk-merge-merged-ours");

  /* Undo: ours again, as before the merge. */
  g_assert_true (pl_plan_undo (f->plan));
  g_assert_cmpstr (metadata (f->plan, PL_METADATA_OWNER), ==, "Our Owner");
  g_assert_cmpstr (metadata (f->plan, PL_METADATA_ORGANISATION), !=, "Their Organisation");
  g_assert_true (pl_plan_redo (f->plan));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  pl_test_spin ();
  g_assert_null (pl_test_find_message_dialog ());
  {
    g_autoptr(PlPlan) saved = load (f->path);

    g_assert_cmpstr (metadata (saved, PL_METADATA_OWNER), ==, take_theirs ? "Their Owner" : "Our Owner");
    g_assert_cmpstr (metadata (saved, PL_METADATA_ORGANISATION), ==, "Their Organisation");
  }
}

static void
test_conflict_ours (Fixture *f, gconstpointer data)
{
  merge_conflict (f, FALSE);
}

static void
test_conflict_theirs (Fixture *f, gconstpointer data)
{
  merge_conflict (f, TRUE);
}

static void
set_allocation (PlPlan *plan, const char *id, gint64 cents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_plan_set_int (plan, pl_plan_lookup (plan, id), PL_ALLOCATION_AMOUNT, cents, &error));
  g_assert_no_error (error);
}

/* The other person: the owner, the campaign we remove renamed, and LinkedIn's allocation to
 * the budget season raised by 40,000 (fine alone, too much with ours). */
static void
theirs_of_each_kind (PlPlan *plan)
{
  g_autoptr(GError) error = NULL;

  set_metadata (plan, PL_METADATA_OWNER, "Their Owner");
  g_assert_true (pl_plan_set_string (plan, pl_plan_lookup (plan, "cmp-stories"), PL_CAMPAIGN_NAME,
                                     "Customer stories, renamed", &error));
  g_assert_no_error (error);
  set_allocation (plan, "al-16", 6000000);
}

static guint
find_conflict (PlMergeResult *result, PlMergeConflictKind kind)
{
  for (guint i = 0; i < result->conflicts->len; i++)
    if (((PlMergeConflict *) g_ptr_array_index (result->conflicts, i))->kind == kind)
      return i;
  g_assert_not_reached ();
}

/* A conflict of each kind: a field both changed, a record we removed and they changed, and two
 * allocations that together go beyond their line. Theirs for the rule is refused, and says
 * why; theirs taken then given back is ours again. */
static void
test_conflicts_of_each_kind (Fixture *f, gconstpointer data)
{
  PlMergeDialog *dialog;
  PlMergeResult *result;
  guint field, removed, rule;

  set_metadata (f->plan, PL_METADATA_OWNER, "Our Owner");
  pl_plan_remove (f->plan, pl_plan_lookup (f->plan, "cmp-stories"));
  set_allocation (f->plan, "al-12", 8000000);
  change_on_disk (f->path, theirs_of_each_kind);
  see_change (f->window);
  press_merge (f->window);

  dialog = PL_MERGE_DIALOG (pl_test_find_window (PL_TYPE_MERGE_DIALOG));
  g_assert_nonnull (dialog);
  result = pl_disk_merge_get_result (pl_merge_dialog_get_merge (dialog));
  field = find_conflict (result, PL_MERGE_CONFLICT_FIELD);
  removed = find_conflict (result, PL_MERGE_CONFLICT_REMOVED_CHANGED);
  rule = find_conflict (result, PL_MERGE_CONFLICT_RULE);

  /* Theirs for the rule: refused, and said under it; ours stays chosen. */
  g_assert_false (pl_merge_dialog_choose (dialog, rule, TRUE));
  g_assert_cmpuint (pl_merge_dialog_count_theirs (dialog), ==, 0);
  g_assert_true (GTK_IS_CHECK_BUTTON (gtk_root_get_focus (GTK_ROOT (dialog))));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (gtk_root_get_focus (GTK_ROOT (dialog))),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  /* The choice went back to ours and took the focus, scrolled to (smoothly), with its reason. */
  pl_test_wait_ms (500);
  pl_test_screenshot (GTK_WIDGET (dialog), "disk-merge-refused");
  /* Theirs for the owner, then ours again: the merge starts over, the other choices kept. */
  g_assert_true (pl_merge_dialog_choose (dialog, removed, TRUE));
  g_assert_true (pl_merge_dialog_choose (dialog, field, TRUE));
  g_assert_cmpuint (pl_merge_dialog_count_theirs (dialog), ==, 2);
  pl_test_screenshot (GTK_WIDGET (dialog), "disk-merge-conflicts-of-each-kind");
  g_assert_true (pl_merge_dialog_choose (dialog, field, FALSE));
  g_assert_cmpuint (pl_merge_dialog_count_theirs (dialog), ==, 1);
  /* All theirs: the rule's is refused again, the other two taken; all ours; then as before. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.all-theirs", NULL);
  g_assert_cmpuint (pl_merge_dialog_count_theirs (dialog), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.all-ours", NULL);
  g_assert_cmpuint (pl_merge_dialog_count_theirs (dialog), ==, 0);
  g_assert_true (pl_merge_dialog_choose (dialog, removed, TRUE));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.apply", NULL);
  pl_test_spin ();

  g_assert_cmpstr (metadata (f->plan, PL_METADATA_OWNER), ==, "Our Owner");
  g_assert_nonnull (pl_plan_lookup (f->plan, "cmp-stories"));
  g_assert_cmpstr (pl_item_get_string (pl_plan_lookup (f->plan, "cmp-stories"), PL_CAMPAIGN_NAME), ==,
                   "Customer stories, renamed");
  g_assert_cmpint (pl_item_get_int (pl_plan_lookup (f->plan, "al-12"), PL_ALLOCATION_AMOUNT), ==, 8000000);
  g_assert_cmpint (pl_item_get_int (pl_plan_lookup (f->plan, "al-16"), PL_ALLOCATION_AMOUNT), ==, 2000000);
  g_assert_cmpstr (pl_window_get_merge_note (f->window), ==,
                   "Merged: 1 change from the other version, 2 conflicts kept yours, 1 conflict took theirs");

  /* One Undo: the campaign is removed again, as we had it. */
  g_assert_true (pl_plan_undo (f->plan));
  g_assert_null (pl_plan_lookup (f->plan, "cmp-stories"));
}

/* Cancel in the dialog merges nothing: the plan and the bar are as before. */
static void
test_conflict_cancelled (Fixture *f, gconstpointer data)
{
  GtkWindow *dialog;

  set_metadata (f->plan, PL_METADATA_OWNER, "Our Owner");
  change_on_disk (f->path, theirs_owner_and_campaign);
  see_change (f->window);
  press_merge (f->window);
  dialog = pl_test_find_window (PL_TYPE_MERGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  pl_test_spin ();
  g_assert_null (pl_test_find_window (PL_TYPE_MERGE_DIALOG));
  g_assert_cmpstr (metadata (f->plan, PL_METADATA_OWNER), ==, "Our Owner");
  g_assert_cmpstr (pl_plan_get_undo_label (f->plan), !=, "Merge Changes from Disk");
  g_assert_cmpint (pl_window_get_disk_state (f->window), ==, PL_DISK_CHANGED);
  g_assert_null (pl_window_get_merge_note (f->window));
}

/* A file on disk that is no longer a plan (cut short in transit): a clear message, the plan as
 * it was, still modified, and the bar still offering the ways out. */
static void
test_not_a_plan_any_more (Fixture *f, gconstpointer data)
{
  g_autofree char *contents = NULL;
  gsize length;
  const char *error;

  set_metadata (f->plan, PL_METADATA_OWNER, "Our Owner");
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (f->path, contents, (gssize) (length / 2), NULL));
  see_change (f->window);
  press_merge (f->window);
  g_assert_null (pl_test_find_window (PL_TYPE_MERGE_DIALOG));
  error = pl_window_get_error (f->window);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "could not be merged"));
  g_assert_nonnull (strstr (error, "plan.pilote"));
  g_assert_nonnull (strstr (error, "Nothing was changed"));
  pl_test_screenshot (GTK_WIDGET (f->window), "disk-merge-not-a-plan");
  g_assert_cmpstr (metadata (f->plan, PL_METADATA_OWNER), ==, "Our Owner");
  g_assert_true (pl_document_get_modified (f->document));
  g_assert_cmpint (pl_window_get_disk_state (f->window), ==, PL_DISK_CHANGED);
  g_assert_null (pl_window_get_merge_note (f->window));
}

/* A 1.0 plan open here, and a newer version of Pilote writes the file with elements this one
 * does not know (a campaign's priority, partners): the merge keeps them, and saving writes
 * them back beside our change. */
static void
test_newer_version_on_disk (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_plan (dir, "tests/data/diff/base.pilote", "plan.pilote");
  g_autofree char *newer = g_test_build_filename (G_TEST_DIST, "..", "data", "diff", "newer.pilote", NULL);
  PlWindow *window = pl_test_open_in_window (path);
  PlDocument *document = pl_window_get_document (window);
  g_autofree char *contents = NULL;
  g_autofree char *saved = NULL;
  gsize length;

  set_metadata (pl_document_get_plan (document), PL_METADATA_OWNER, "Our Owner");
  g_assert_true (g_file_get_contents (newer, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  see_change (window);
  press_merge (window);
  g_assert_null (pl_test_find_window (PL_TYPE_MERGE_DIALOG));
  g_assert_null (pl_window_get_error (window));
  g_assert_nonnull (pl_window_get_merge_note (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  pl_test_spin ();
  g_assert_null (pl_test_find_message_dialog ());
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "Our Owner"));
  g_assert_nonnull (strstr (saved, "<partner id=\"ptn-1\" name=\"Agency\"/>"));
  g_assert_nonnull (strstr (saved, "<audience-size>12000</audience-size>"));
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* A plan restored after a crash does not know the version its changes started from: no Merge
 * is offered, and asking for one says why. */
static void
test_no_base_no_merge (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlPlan) plan = load (path);
  g_autoptr(PlDocument) document = pl_document_new (plan, file, NULL);
  PlWindow *window = pl_window_new (pl_test_app);

  g_assert_false (pl_document_can_merge (document));
  pl_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  set_metadata (plan, PL_METADATA_OWNER, "Our Owner");
  change_on_disk (path, theirs_organisation);
  see_change (window);
  g_assert_false (gtk_widget_get_visible (pl_test_find_by_id (GTK_WIDGET (window), "disk_merge")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.merge-from-disk", NULL);
  pl_test_spin ();
  g_assert_false (pl_window_is_merging (window));
  g_assert_cmpstr (metadata (plan, PL_METADATA_OWNER), ==, "Our Owner");
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  /* GTK's test accessibility backend keeps the names given to screen readers, to check them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  pl_test_init (&argc, &argv);
  g_test_add ("/disk-merge/without-conflict", Fixture, NULL, fixture_open, test_merge_without_conflict, fixture_close);
  g_test_add ("/disk-merge/when-saving", Fixture, NULL, fixture_open, test_merge_when_saving, fixture_close);
  g_test_add ("/disk-merge/conflict-ours", Fixture, NULL, fixture_open, test_conflict_ours, fixture_close);
  g_test_add ("/disk-merge/conflict-theirs", Fixture, NULL, fixture_open, test_conflict_theirs, fixture_close);
  g_test_add ("/disk-merge/conflicts-of-each-kind", Fixture, NULL, fixture_open, test_conflicts_of_each_kind, fixture_close);
  g_test_add ("/disk-merge/conflict-cancelled", Fixture, NULL, fixture_open, test_conflict_cancelled, fixture_close);
  g_test_add ("/disk-merge/not-a-plan-any-more", Fixture, NULL, fixture_open, test_not_a_plan_any_more, fixture_close);
  g_test_add_func ("/disk-merge/newer-version-on-disk", test_newer_version_on_disk);
  g_test_add_func ("/disk-merge/no-base-no-merge", test_no_base_no_merge);
  return g_test_run ();
}

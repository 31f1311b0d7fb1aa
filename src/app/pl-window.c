/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-window"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-a11y.h"
#include "pl-assessment-page.h"
#include "pl-autosave.h"
#include "pl-chart-table.h"
#include "pl-budget-page.h"
#include "pl-calendar-page.h"
#include "pl-cell-editor.h"
#include "pl-campaigns-page.h"
#include "pl-chain-page.h"
#include "pl-compare-panel.h"
#include "pl-dashboard-page.h"
#include "pl-budget-import-dialog.h"
#include "pl-import-dialog.h"
#include "pl-spend-import-dialog.h"
#include "pl-kpis-page.h"
#include "pl-error.h"
#include "pl-file-watch.h"
#include "pl-merge-dialog.h"
#include "pl-page.h"
#include "pl-plan-page.h"
#include "pl-planning-page.h"
#include "pl-plan-validate.h"
#include "pl-plan-reader.h"
#include "pl-calendar.h"
#include "pl-dashboard.h"
#include "pl-date-text.h"
#include "pl-chart-catalog.h"
#include "pl-chart-menu.h"
#include "pl-print.h"
#include "pl-export-dialog.h"
#include "pl-report-dialog.h"
#include "pl-window.h"

#define PLAN_MIME_TYPE "application/x-pilote-plan"
#define MAX_RECENT 8
/* Two seconds without a key: the typed text is kept as an edit (and autosaved 3 s later). */
#define TYPING_PAUSE_MS 2000

typedef enum {
  AFTER_SAVE_NOTHING,
  AFTER_SAVE_CLOSE,
} AfterSave;

struct _PlWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template widgets */
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkRevealer          *banner;
  GtkLabel             *banner_title;
  GtkLabel             *banner_details;
  GtkRevealer          *disk_bar;
  GtkWidget            *disk_box;
  GtkImage             *disk_icon;
  GtkWidget            *disk_merge;
  GtkWidget            *disk_dismiss;
  GtkWidget            *disk_buttons;
  GtkLabel             *disk_title;
  GtkLabel             *disk_details;
  GtkButton            *disk_reload;
  GtkWidget            *disk_keep;
  GtkButton            *disk_save_as;
  GtkLabel             *loading_label;
  GtkProgressBar       *loading_progress;
  GtkStack             *content_stack;
  GtkStack             *page_stack;
  PlComparePanel       *compare_panel;
  GtkScrolledWindow    *page_scroller;
  GtkListBox           *recent_list;
  GtkWidget            *recent_box;
  GMenu                *recent_menu;

  /* Owned references */
  PlDocument           *document;
  GtkNativeDialog      *chooser;
  GtkWindow            *dialog;
  char                 *error_text;
  /* The file being opened into this window, and how to stop it. */
  GFile                *loading_file;
  GCancellable         *loading;
  guint                 pulse_id;
  PlFileWatch          *watch;
  GCancellable         *disk_checking;
  PlDiskState           disk_state;
  /* A merge with the version on disk: reading it, or its conflicts shown in their dialog. */
  GCancellable         *merging;
  GtkWindow            *merge_dialog;
  /* What the last merge did, shown in the disk bar until dismissed, saved or overtaken. */
  char                 *merge_note;
  guint                 typing_id;
  gboolean              autosave_warned;

  AfterSave             after_save;
  GCallback             then;
  gpointer              then_data;
  gboolean              close_confirmed;
};

G_DEFINE_FINAL_TYPE (PlWindow, pl_window, GTK_TYPE_APPLICATION_WINDOW)

static void save_as (PlWindow *self);
static void finish_close (PlWindow *self);

/* ---- helpers ---- */

static void update_print (PlWindow *self);

static GSettings *
settings (PlWindow *self)
{
  return pl_application_get_settings (PL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
remember (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) PLAN_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "pilote %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static char *
folder_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent ? g_file_get_parse_name (parent) : NULL;
  const char *home = g_get_home_dir ();

  if (path == NULL)
    return NULL;
  if (g_str_has_prefix (path, home) && (path[strlen (home)] == '/' || path[strlen (home)] == '\0'))
    return g_strconcat ("~", path + strlen (home), NULL);
  return g_steal_pointer (&path);
}

static void
update_title (PlWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *window_title = NULL;

  if (self->document == NULL)
    {
      gtk_label_set_label (self->title_label, _("Pilote"));
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      gtk_window_set_title (GTK_WINDOW (self), _("Pilote"));
      return;
    }
  /* The star is the usual mark of unsaved changes in a title. */
  title = g_strdup_printf ("%s%s", pl_document_get_modified (self->document) ? "*" : "",
                           pl_document_get_title (self->document));
  gtk_label_set_label (self->title_label, title);
  if (pl_document_get_file (self->document) != NULL)
    folder = folder_name (pl_document_get_file (self->document));
  else
    folder = g_strdup (_("Not saved yet"));
  gtk_label_set_label (self->subtitle_label, folder ? folder : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), folder != NULL);
  /* Translators: the window title: the plan's file name, then the application */
  window_title = g_strdup_printf (_("%s — Pilote"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_actions (PlWindow *self)
{
  PlPlan *plan = self->document ? pl_document_get_plan (self->document) : NULL;
  gboolean has_file = self->document && pl_document_get_file (self->document) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.revert",
                                 has_file && pl_document_get_modified (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", plan && pl_plan_can_undo (plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", plan && pl_plan_can_redo (plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-item", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-budget-line", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-campaign", plan != NULL);
  update_print (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.report", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-measurements", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-spend", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-budget", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare", plan != NULL);
}

static void
on_document_changed_cb (PlWindow *self)
{
  update_title (self);
  update_actions (self);
}

/* The day the user chose for this plan's dashboard, kept in their settings by file. */
static void
restore_as_of (PlWindow *self, PlPlan *plan)
{
  GFile *file = pl_document_get_file (self->document);
  g_autoptr(GVariant) dates = NULL;
  g_autofree char *uri = NULL;
  const char *text = NULL;
  guint32 day = 0;

  if (file == NULL || gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return;
  uri = g_file_get_uri (file);
  dates = g_settings_get_value (settings (self), "as-of-dates");
  if (g_variant_lookup (dates, uri, "&s", &text))
    pl_date_parse (text, &day);
  pl_dashboard_choose_as_of (plan, day);
}

static void
remember_as_of_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  GFile *file = self->document ? pl_document_get_file (self->document) : NULL;
  g_autoptr(GVariant) dates = NULL;
  g_autofree char *uri = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *value;
  const char *day = g_variant_get_string (parameter, NULL);

  if (file == NULL || gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return;
  uri = g_file_get_uri (file);
  dates = g_settings_get_value (settings (self), "as-of-dates");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, dates);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, uri))
      g_variant_builder_add (&builder, "{ss}", key, value);
  /* An empty day is the default again: nothing to remember. */
  if (*day != '\0')
    g_variant_builder_add (&builder, "{ss}", uri, day);
  g_settings_set_value (settings (self), "as-of-dates", g_variant_builder_end (&builder));
}

static void
show_plan (PlWindow *self)
{
  PlPlan *plan = self->document ? pl_document_get_plan (self->document) : NULL;

  if (plan != NULL)
    {
      restore_as_of (self, plan);
      g_signal_connect_object (plan, "notify::can-undo", G_CALLBACK (on_document_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::can-redo", G_CALLBACK (on_document_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  /* Each page shows it when it is first on screen. */
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (PL_IS_PAGE (page))
      pl_page_set_plan (PL_PAGE (page), plan);
  pl_compare_panel_set_plan (self->compare_panel, plan);
  gtk_stack_set_visible_child_name (self->content_stack, plan ? "plan" : "empty");
  update_title (self);
  update_actions (self);
}

/* ---- the banner ---- */

void
pl_window_show_error (PlWindow *self, const char *title, const char *details)
{
  g_return_if_fail (PL_IS_WINDOW (self));
  gtk_label_set_label (self->banner_title, title);
  gtk_label_set_label (self->banner_details, details ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->banner_details), details && *details);
  g_free (self->error_text);
  self->error_text = g_strconcat (title, details ? "\n" : "", details, NULL);
  gtk_label_select_region (self->banner_details, 0, 0);
  gtk_revealer_set_reveal_child (self->banner, TRUE);
}

const char *
pl_window_get_error (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);
  return gtk_revealer_get_reveal_child (self->banner) ? self->error_text : NULL;
}

static void
dismiss_error (PlWindow *self)
{
  gtk_revealer_set_reveal_child (self->banner, FALSE);
}

/* ---- autosave ---- */

/* Said once per plan: a window that looks protected when it is not would be a lie. */
static void
on_autosave_failed_cb (PlWindow *self, const char *reason)
{
  g_autofree char *details = NULL;

  if (self->autosave_warned)
    return;
  self->autosave_warned = TRUE;
  details = g_strdup_printf ("%s\n%s", reason ? reason : "",
                             _("Save the plan to keep your changes: nothing would bring them back after a crash."));
  pl_window_show_error (self, _("Unsaved changes are not being kept for recovery"), details);
}

/* ---- typing ---- */

/* A field's text becomes an edit when the field is left (or Enter pressed), so that a half-typed
 * value is not checked and undone letter by letter. Saving, closing and a pause in typing leave
 * the field for a moment, so that what is typed is neither saved without nor lost with a crash. */
static void
commit_typing (PlWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autoptr(GtkWidget) keep = NULL;
  int position;

  if (focus == NULL || !GTK_IS_EDITABLE (focus))
    return;
  keep = g_object_ref (focus);
  position = gtk_editable_get_position (GTK_EDITABLE (focus));
  gtk_root_set_focus (GTK_ROOT (self), NULL);
  /* Back where the caret was, without the selection a new focus makes. */
  if (gtk_widget_get_root (keep) == GTK_ROOT (self) && gtk_widget_get_mapped (keep) &&
      gtk_widget_grab_focus (keep))
    gtk_editable_set_position (GTK_EDITABLE (keep), position);
}

static gboolean
on_typing_paused_cb (gpointer data)
{
  PlWindow *self = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  self->typing_id = 0;
  /* A grid's cell and a popover's form have their own Enter and Escape; a search is no edit. */
  if (focus != NULL && GTK_IS_EDITABLE (focus) &&
      gtk_widget_get_ancestor (focus, PL_TYPE_CELL_EDITOR) == NULL &&
      gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) == NULL &&
      gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) == NULL)
    commit_typing (self);
  return G_SOURCE_REMOVE;
}

static void
on_key_released_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
                    PlWindow *self)
{
  g_clear_handle_id (&self->typing_id, g_source_remove);
  if (GTK_IS_EDITABLE (gtk_root_get_focus (GTK_ROOT (self))))
    self->typing_id = g_timeout_add (TYPING_PAUSE_MS, on_typing_paused_cb, self);
}

/* ---- the file on disk ---- */

/* The bar says what the check found, and offers what fits: with nothing unsaved, reloading
 * loses nothing; with changes of one's own, the three ways out, none of them silent. */
static void
update_disk_bar (PlWindow *self)
{
  gboolean modified = self->document != NULL && pl_document_get_modified (self->document);
  gboolean can_merge = modified && pl_document_can_merge (self->document);
  g_autofree char *title = NULL;
  const char *name = self->document ? pl_document_get_title (self->document) : "";

  gtk_widget_set_visible (self->disk_merge, FALSE);
  gtk_widget_set_visible (self->disk_dismiss, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->disk_reload), TRUE);
  gtk_widget_set_visible (self->disk_buttons, TRUE);
  gtk_widget_set_sensitive (self->disk_buttons, self->merging == NULL);
  gtk_widget_remove_css_class (self->disk_box, "info");
  gtk_widget_add_css_class (self->disk_box, "warning");
  gtk_image_set_from_icon_name (self->disk_icon, "dialog-warning-symbolic");
  switch (self->disk_state)
    {
    case PL_DISK_SAME:
      if (self->merge_note == NULL)
        {
          gtk_revealer_set_reveal_child (self->disk_bar, FALSE);
          return;
        }
      /* What the merge did: news, with nothing left to decide. */
      gtk_widget_remove_css_class (self->disk_box, "warning");
      gtk_widget_add_css_class (self->disk_box, "info");
      gtk_image_set_from_icon_name (self->disk_icon, "dialog-information-symbolic");
      title = g_strdup (self->merge_note);
      gtk_label_set_label (self->disk_details,
                           _("Your plan now holds both versions and is not saved yet. Undo takes the "
                             "merge back."));
      gtk_widget_set_visible (GTK_WIDGET (self->disk_reload), FALSE);
      gtk_widget_set_visible (self->disk_keep, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->disk_save_as), FALSE);
      gtk_widget_set_visible (self->disk_buttons, FALSE);
      gtk_widget_set_visible (self->disk_dismiss, TRUE);
      break;
    case PL_DISK_CHANGED:
      title = g_strdup_printf (_("“%s” was changed by another program"), name);
      if (self->merging != NULL)
        gtk_label_set_label (self->disk_details, _("Reading the other version to merge it with yours…"));
      else if (can_merge)
        gtk_label_set_label (self->disk_details,
                             _("You have unsaved changes too. Merge both versions, reload the other "
                               "version and lose yours, keep yours (saving will replace the other "
                               "version), or save yours under another name."));
      else
        gtk_label_set_label (self->disk_details,
                             modified ? _("You have unsaved changes too. Reload the other version and lose yours, "
                                          "keep yours (saving will replace the other version), or save yours "
                                          "under another name.")
                                      : _("Reload to see the other version. You have no unsaved changes."));
      gtk_widget_set_visible (self->disk_merge, can_merge);
      gtk_button_set_label (self->disk_reload, modified ? _("_Discard Mine and Reload") : _("_Reload"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->disk_reload), "win.reload-from-disk");
      gtk_widget_set_visible (self->disk_keep, modified);
      gtk_widget_set_visible (GTK_WIDGET (self->disk_save_as), modified);
      gtk_button_set_label (self->disk_save_as, _("Save Mine _As…"));
      break;
    case PL_DISK_GONE:
      title = g_strdup_printf (_("“%s” was moved or deleted"), name);
      gtk_label_set_label (self->disk_details,
                           _("The plan is still open here. Save it to write the file again, or save it "
                             "under another name."));
      gtk_button_set_label (self->disk_reload, _("_Save"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->disk_reload), "win.save");
      gtk_widget_set_visible (self->disk_keep, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->disk_save_as), TRUE);
      gtk_button_set_label (self->disk_save_as, _("Save _As…"));
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_label (self->disk_title, title);
  gtk_revealer_set_reveal_child (self->disk_bar, TRUE);
}

static void
set_disk_state (PlWindow *self, PlDiskState state)
{
  self->disk_state = state;
  /* A new change on disk is the news now. */
  if (state != PL_DISK_SAME)
    g_clear_pointer (&self->merge_note, g_free);
  update_disk_bar (self);
}

/* The merge is over or no longer means anything: saved, reloaded, another file. */
static void
forget_merge (PlWindow *self)
{
  g_cancellable_cancel (self->merging);
  g_clear_object (&self->merging);
  if (self->merge_dialog != NULL)
    gtk_window_destroy (g_steal_pointer (&self->merge_dialog));
  g_clear_pointer (&self->merge_note, g_free);
}

static void
on_disk_checked_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(PlWindow) self = data;
  g_autoptr(GError) error = NULL;
  PlDiskState state = pl_document_check_disk_finish (PL_DOCUMENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || PL_DOCUMENT (source) != self->document)
    return;
  g_clear_object (&self->disk_checking);
  if (error != NULL)
    {
      /* A folder that cannot be read now (a network share gone away) is not a change. */
      g_debug ("The plan's file could not be checked: %s", error->message);
      return;
    }
  /* A file put back as it was needs no answer any more. */
  set_disk_state (self, state);
}

/* Compares the file with the version the window holds, in the background; called when the
 * file monitor says something happened, when the window gets the focus (a file on a shared
 * folder changed from another machine raises no event), and by tests. */
void
pl_window_check_disk (PlWindow *self)
{
  g_return_if_fail (PL_IS_WINDOW (self));
  if (self->document == NULL || pl_document_get_file (self->document) == NULL || self->disk_checking != NULL)
    return;
  self->disk_checking = g_cancellable_new ();
  pl_document_check_disk_async (self->document, self->disk_checking, on_disk_checked_cb, g_object_ref (self));
}

PlDiskState
pl_window_get_disk_state (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), PL_DISK_SAME);
  return self->disk_state;
}

gboolean
pl_window_is_checking_disk (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);
  return self->disk_checking != NULL;
}

static void
on_active_cb (PlWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    pl_window_check_disk (self);
}

static void
watch_file (PlWindow *self)
{
  GFile *file = self->document ? pl_document_get_file (self->document) : NULL;

  if (self->watch != NULL && file != NULL && g_file_equal (pl_file_watch_get_file (self->watch), file))
    return;
  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_cancellable_cancel (self->disk_checking);
  g_clear_object (&self->disk_checking);
  forget_merge (self);
  set_disk_state (self, PL_DISK_SAME);
  if (file == NULL)
    return;
  self->watch = pl_file_watch_new (file);
  g_signal_connect_swapped (self->watch, "maybe-changed", G_CALLBACK (pl_window_check_disk), self);
}

static void
reload_from_disk_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  if (!pl_document_reload (self->document, &error))
    {
      pl_window_show_error (self, _("The plan could not be read again"), error->message);
      return;
    }
  forget_merge (self);
  set_disk_state (self, PL_DISK_SAME);
}

static void
keep_mine_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  if (self->document == NULL)
    return;
  pl_document_keep_mine (self->document);
  set_disk_state (self, PL_DISK_SAME);
}

/* "Merged: 5 changes from the other version, 1 conflict kept yours". */
static char *
describe_merge (guint n_changed, guint kept_ours, guint took_theirs)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  if (n_changed == 0)
    g_ptr_array_add (parts, g_strdup (_("nothing new from the other version")));
  else
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u change from the other version",
                                                       "%u changes from the other version", n_changed),
                                             n_changed));
  if (kept_ours > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u conflict kept yours", "%u conflicts kept yours",
                                                       kept_ours),
                                             kept_ours));
  if (took_theirs > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u conflict took theirs", "%u conflicts took theirs",
                                                       took_theirs),
                                             took_theirs));
  g_ptr_array_add (parts, NULL);
  /* Translators: the parts are joined by this, "5 changes from the other version, 1 conflict kept yours" */
  list = g_strjoinv (_(", "), (char **) parts->pdata);
  /* Translators: what a merge with the version on disk did */
  return g_strdup_printf (_("Merged: %s"), list);
}

/* Applies the merge to the plan as one edit, and says what it did in the disk bar. */
static void
apply_merge (PlWindow *self, PlDiskMerge *merge, guint took_theirs)
{
  g_autoptr(GError) error = NULL;
  guint n_conflicts = pl_disk_merge_get_result (merge)->conflicts->len;
  guint n_changed = 0;

  if (!pl_document_apply_merge (self->document, merge, &n_changed, &error))
    {
      pl_window_show_error (self, _("The other version could not be merged"), error->message);
      pl_window_check_disk (self);
      return;
    }
  dismiss_error (self);
  g_free (self->merge_note);
  self->merge_note = describe_merge (n_changed, n_conflicts - took_theirs, took_theirs);
  set_disk_state (self, PL_DISK_SAME);
}

static void
on_merge_dialog_apply_cb (PlMergeDialog *dialog, PlWindow *self)
{
  apply_merge (self, pl_merge_dialog_get_merge (dialog), pl_merge_dialog_count_theirs (dialog));
  if (self->merge_dialog != NULL)
    gtk_window_destroy (g_steal_pointer (&self->merge_dialog));
}

static void
on_merge_dialog_destroy_cb (GtkWidget *dialog, PlWindow *self)
{
  if (self->merge_dialog == GTK_WINDOW (dialog))
    self->merge_dialog = NULL;
}

static void
on_merge_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(PlWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDiskMerge) merge = pl_document_merge_disk_finish (PL_DOCUMENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || PL_DOCUMENT (source) != self->document)
    return;
  g_clear_object (&self->merging);
  update_disk_bar (self);
  if (merge == NULL)
    {
      g_autofree char *details = g_strdup_printf (_("%s\nNothing was changed: your plan is as it was."),
                                                  error->message);

      pl_window_show_error (self, _("The other version could not be merged"), details);
      return;
    }
  if (pl_disk_merge_get_result (merge)->conflicts->len == 0)
    {
      apply_merge (self, merge, 0);
      return;
    }
  self->merge_dialog = GTK_WINDOW (pl_merge_dialog_new (GTK_WINDOW (self), pl_document_get_title (self->document),
                                                        g_steal_pointer (&merge)));
  g_signal_connect (self->merge_dialog, "apply", G_CALLBACK (on_merge_dialog_apply_cb), self);
  g_signal_connect (self->merge_dialog, "destroy", G_CALLBACK (on_merge_dialog_destroy_cb), self);
  gtk_window_present (self->merge_dialog);
}

/* Merges the version on disk with the open plan: read in the background, then merged
 * directly, or through the conflicts' dialog when both changed the same thing. */
static void
merge_from_disk (PlWindow *self)
{
  if (self->document == NULL || !pl_document_can_merge (self->document) || self->merging != NULL ||
      self->merge_dialog != NULL)
    return;
  dismiss_error (self);
  self->merging = g_cancellable_new ();
  update_disk_bar (self);
  pl_document_merge_disk_async (self->document, self->merging, on_merge_read_cb, g_object_ref (self));
}

/* Undo took the merge back (the file on disk differs from the plan again: the bar says so), or
 * Redo brought it again. */
static void
on_document_merged_cb (PlWindow *self)
{
  if (!pl_document_get_merged (self->document))
    g_clear_pointer (&self->merge_note, g_free);
  update_disk_bar (self);
  pl_window_check_disk (self);
}

static void
merge_from_disk_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  merge_from_disk (PL_WINDOW (widget));
}

static void
dismiss_merge_note_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  g_clear_pointer (&self->merge_note, g_free);
  update_disk_bar (self);
}

gboolean
pl_window_is_merging (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);
  return self->merging != NULL;
}

const char *
pl_window_get_merge_note (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);
  return self->merge_note;
}

/* ---- opening ---- */

/* A plan that holds impossible values (negative leads, a churn of 200 %) opens, so that it can
 * be mended, but its figures are not to be trusted: said once, as it opens, with the first
 * problems in words. */
static void
warn_of_problems (PlWindow *self, PlPlan *plan)
{
  g_autoptr(GPtrArray) problems = pl_plan_validate (plan);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *title = NULL;
  guint errors = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      const PlProblem *problem = g_ptr_array_index (problems, i);

      if (problem->warning)
        continue;
      if (errors++ < 3)
        g_string_append_printf (details, "%s%s", details->len > 0 ? "\n" : "", problem->message);
    }
  if (errors == 0)
    return;
  if (errors > 3)
    g_string_append_printf (details, "\n%s", _("The KPIs page lists what it finds in each KPI; pilote-cli validate lists them all."));
  title = g_strdup_printf (ngettext ("This plan has %u problem: some figures may be wrong until it is mended",
                                     "This plan has %u problems: some figures may be wrong until they are mended", errors),
                           errors);
  pl_window_show_error (self, title, details->str);
}

static void
stop_loading (PlWindow *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->loading_file);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-open", FALSE);
}

static void
on_loaded_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(PlWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = pl_document_load_finish (result, &error);
  g_autoptr(GFile) file = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->loading == NULL)
    return;
  file = g_object_ref (self->loading_file);
  stop_loading (self);
  if (document == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *title = g_strdup_printf (_("“%s” could not be opened"), name);

      /* Whatever the window showed before stays as it was. */
      show_plan (self);
      pl_window_show_error (self, title, error->message);
      return;
    }
  dismiss_error (self);
  remember (file);
  pl_window_set_document (self, document);
  {
    /* Said once, as the file opens: saving keeps what this version does not know. */
    g_autofree char *notice = pl_plan_describe_newer_format (pl_document_get_plan (document));
    g_autofree char *reconciled = pl_plan_describe_reconciled (pl_document_get_plan (document));

    if (notice != NULL)
      pl_window_show_error (self, _("This plan comes from a newer version of Pilote"), notice);
    /* Said once, as the file opens: the objectives now follow their KPIs' targets. */
    else if (reconciled != NULL)
      pl_window_show_error (self, _("Some objectives now take their KPI’s target"), reconciled);
    else
      warn_of_problems (self, pl_document_get_plan (document));
  }
}

static gboolean
pulse_cb (gpointer data)
{
  PlWindow *self = data;

  /* A small file is read before anyone would notice: the progress shows after a moment. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "loading") != 0)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  gtk_progress_bar_pulse (self->loading_progress);
  return G_SOURCE_CONTINUE;
}

void
pl_window_open_file (PlWindow *self, GFile *file)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (PL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  stop_loading (self);
  self->loading = g_cancellable_new ();
  self->loading_file = g_object_ref (file);
  name = g_file_get_basename (file);
  label = g_strdup_printf (_("Opening “%s”…"), name);
  gtk_label_set_label (self->loading_label, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-open", TRUE);
  self->pulse_id = g_timeout_add (150, pulse_cb, self);
  /* Read in a worker thread: the other windows keep working, and a file that cannot be read
   * reaches no window before it has been checked whole. */
  pl_document_load_async (file, self->loading, on_loaded_cb, g_object_ref (self));
}

gboolean
pl_window_is_loading (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);
  return self->loading != NULL;
}

GFile *
pl_window_get_loading_file (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);
  return self->loading_file;
}

static void
cancel_open_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  stop_loading (self);
  show_plan (self);
}

static void
open_files (PlWindow *self, GFile **files, guint n_files)
{
  PlApplication *app = PL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  for (guint i = 0; i < n_files; i++)
    {
      /* The first file replaces an empty window; the others get windows of their own. */
      if (self->document == NULL && i == 0)
        pl_window_open_file (self, files[i]);
      else
        pl_application_open_file (app, files[i]);
    }
}

static GtkFileFilter *
plan_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Marketing plans"));
  gtk_file_filter_add_mime_type (filter, PLAN_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "pilote");
  return filter;
}

static void
on_open_response_cb (GtkNativeDialog *chooser, int response, PlWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      open_files (self, (GFile **) array->pdata, array->len);
    }
  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = plan_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open a Plan"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response_cb), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
open_recent_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_files (PL_WINDOW (widget), &file, 1);
}

gboolean
pl_window_drop_files (PlWindow *self, GSList *list)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);
      if (name && g_str_has_suffix (name, ".pilote"))
        g_ptr_array_add (files, l->data);
    }
  if (files->len == 0)
    {
      pl_window_show_error (self, _("Only Pilote plans can be opened"),
                            _("Drop files whose names end in .pilote."));
      return FALSE;
    }
  open_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

static gboolean
on_drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, PlWindow *self)
{
  return pl_window_drop_files (self, g_value_get_boxed (value));
}

/* ---- recent plans ---- */

static void
on_recent_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, PlWindow *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  open_files (self, &file, 1);
}

static int
compare_recent (gconstpointer a, gconstpointer b)
{
  return g_date_time_compare (gtk_recent_info_get_modified ((GtkRecentInfo *) b),
                              gtk_recent_info_get_modified ((GtkRecentInfo *) a));
}

static void
update_recent (PlWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GtkWidget *child;
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autofree char *folder = NULL;
      GtkWidget *row, *box, *name, *where;

      if (!g_str_has_suffix (uri, ".pilote") || !gtk_recent_info_exists (info))
        continue;
      n++;
      file = g_file_new_for_uri (uri);
      folder = folder_name (file);
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
        g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
        g_menu_append_item (self->recent_menu, item);
      }

      row = gtk_list_box_row_new ();
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_add_css_class (box, "recent-row");
      name = gtk_label_new (gtk_recent_info_get_display_name (info));
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
      where = gtk_label_new (folder);
      gtk_label_set_xalign (GTK_LABEL (where), 0);
      gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_START);
      gtk_widget_add_css_class (where, "dim-label");
      gtk_widget_add_css_class (where, "caption");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), where);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (self->recent_list, row);
    }
  gtk_widget_set_visible (self->recent_box, n > 0);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* ---- saving ---- */

static void
after_saved (PlWindow *self)
{
  remember (pl_document_get_file (self->document));
  dismiss_error (self);
  forget_merge (self);
  set_disk_state (self, PL_DISK_SAME);
  if (self->after_save == AFTER_SAVE_CLOSE)
    finish_close (self);
  self->after_save = AFTER_SAVE_NOTHING;
}

static void save_to (PlWindow *self, GFile *file, gboolean overwrite);

static void
on_changed_on_disk_response_cb (GtkDialog *dialog, int response, PlWindow *self)
{
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  self->dialog = NULL;
  switch (response)
    {
    case 1: /* overwrite: a read-only file still gets its offer of Save As */
      save_to (self, NULL, TRUE);
      break;
    case 2: /* reload */
      if (!pl_document_reload (self->document, &error))
        pl_window_show_error (self, _("The plan could not be read again"), error->message);
      else
        {
          forget_merge (self);
          show_plan (self);
        }
      self->after_save = AFTER_SAVE_NOTHING;
      break;
    case 3: /* save elsewhere */
      save_as (self);
      break;
    case 4: /* merge: the user looks at the result before saving it */
      self->after_save = AFTER_SAVE_NOTHING;
      merge_from_disk (self);
      break;
    default:
      self->after_save = AFTER_SAVE_NOTHING;
      break;
    }
}

static void
ask_changed_on_disk (PlWindow *self)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("“%s” was changed by another program"),
                                   pl_document_get_title (self->document));
  if (pl_document_can_merge (self->document))
    {
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                                _("Since you opened it, the file on disk has changed. Merge both "
                                                  "versions (you choose where both changed the same thing), "
                                                  "overwrite it with your version, reload it and lose your "
                                                  "changes, or save your version under another name."));
      gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL, _("_Reload"), 2,
                              _("Save Mine _As…"), 3, _("_Overwrite"), 1, _("_Merge"), 4, NULL);
    }
  else
    {
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                                _("Since you opened it, the file on disk has changed. Overwrite it "
                                                  "with your version, reload it and lose your changes, or save your "
                                                  "version under another name."));
      gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                              _("_Reload"), 2, _("Save Mine _As…"), 3, _("_Overwrite"), 1, NULL);
    }
  /* Merge loses nothing and saves nothing (the user sees the result first); else Save As. */
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), pl_document_can_merge (self->document) ? 4 : 3);
  g_signal_connect (dialog, "response", G_CALLBACK (on_changed_on_disk_response_cb), self);
  self->dialog = GTK_WINDOW (dialog);
  gtk_window_present (self->dialog);
}

static void
on_read_only_response_cb (GtkDialog *dialog, int response, PlWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  self->dialog = NULL;
  if (response == GTK_RESPONSE_ACCEPT)
    save_as (self);
  else
    self->after_save = AFTER_SAVE_NOTHING;
}

/* A read-only file, folder or disk: nothing was written, and another place is the way out. */
static void
offer_save_as (PlWindow *self, const char *reason)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("“%s” cannot be saved there"), pl_document_get_title (self->document));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", reason);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("Save _As…"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect (dialog, "response", G_CALLBACK (on_read_only_response_cb), self);
  self->dialog = GTK_WINDOW (dialog);
  gtk_window_present (self->dialog);
}

static void
save_to (PlWindow *self, GFile *file, gboolean overwrite)
{
  g_autoptr(GError) error = NULL;

  if (pl_document_save (self->document, file, overwrite, &error))
    after_saved (self);
  else if (g_error_matches (error, PL_ERROR, PL_ERROR_CHANGED_ON_DISK))
    ask_changed_on_disk (self);
  else if (g_error_matches (error, PL_ERROR, PL_ERROR_READ_ONLY))
    offer_save_as (self, error->message);
  else
    {
      /* Nothing is lost: the plan stays open and modified, the file on disk as it was. */
      self->after_save = AFTER_SAVE_NOTHING;
      pl_window_show_error (self, _("The plan could not be saved"), error->message);
    }
}

/* The file chooser lists what it was given among the recent files, and the next start opens
 * the most recent plan: a file the plan could not be saved to must not be that one. Only an
 * entry made a moment ago is taken back; an older one was the user's own. */
static void
forget_chosen (GFile *file)
{
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GtkRecentInfo) info = gtk_recent_manager_lookup_item (recent, uri, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (info != NULL && g_date_time_difference (now, gtk_recent_info_get_modified (info)) < 60 * G_TIME_SPAN_SECOND)
    gtk_recent_manager_remove_item (recent, uri, NULL);
}

void
pl_window_save_as_file (PlWindow *self, GFile *file)
{
  g_return_if_fail (PL_IS_WINDOW (self));
  g_return_if_fail (self->document != NULL);
  /* The chooser has asked before replacing a file. */
  save_to (self, file, TRUE);
  if (pl_document_get_file (self->document) == NULL || !g_file_equal (pl_document_get_file (self->document), file))
    forget_chosen (file);
}

static void
on_save_response_cb (GtkNativeDialog *chooser, int response, PlWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (file);

      if (!g_str_has_suffix (name, ".pilote"))
        {
          g_autofree char *named = g_strconcat (name, ".pilote", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);
          GFile *with_suffix = g_file_get_child (parent, named);

          g_object_unref (file);
          file = with_suffix;
        }
      pl_window_save_as_file (self, file);
    }
  else
    self->after_save = AFTER_SAVE_NOTHING;
  g_clear_object (&self->chooser);
}

static void
save_as (PlWindow *self)
{
  g_autoptr(GtkFileFilter) filter = plan_filter ();
  GtkFileChooserNative *chooser;
  GFile *current = pl_document_get_file (self->document);

  chooser = gtk_file_chooser_native_new (_("Save the Plan"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (current != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), current, NULL);
  else
    {
      g_autofree char *name = g_strconcat (pl_document_get_title (self->document), ".pilote", NULL);
      g_strdelimit (name, "/\\:", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response_cb), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
save (PlWindow *self)
{
  if (pl_document_get_file (self->document) == NULL)
    save_as (self);
  else
    save_to (self, NULL, FALSE);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  commit_typing (PL_WINDOW (widget));
  save (PL_WINDOW (widget));
}

static void
save_as_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  commit_typing (PL_WINDOW (widget));
  save_as (PL_WINDOW (widget));
}

static void
on_revert_response_cb (GtkDialog *dialog, int response, PlWindow *self)
{
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  self->dialog = NULL;
  if (response != GTK_RESPONSE_ACCEPT)
    return;
  if (!pl_document_reload (self->document, &error))
    pl_window_show_error (self, _("The plan could not be read again"), error->message);
  else
    show_plan (self);
}

static void
revert_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Revert unsaved changes to “%s”?"), pl_document_get_title (self->document));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("The plan goes back to the version saved on disk."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Revert"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  g_signal_connect (dialog, "response", G_CALLBACK (on_revert_response_cb), self);
  self->dialog = GTK_WINDOW (dialog);
  gtk_window_present (self->dialog);
}

/* ---- closing ---- */

static void
save_window_state (PlWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings (self), "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (settings (self), "window-width", width);
      g_settings_set_int (settings (self), "window-height", height);
    }
}

static void
finish_close (PlWindow *self)
{
  GCallback then = self->then;
  gpointer data = self->then_data;

  self->close_confirmed = TRUE;
  self->then = NULL;
  /* Closed without saving: the changes are let go, recovery file and all. */
  if (self->document != NULL)
    pl_autosave_discard (self->document);
  gtk_window_close (GTK_WINDOW (self));
  if (then != NULL)
    ((void (*) (gpointer)) then) (data);
}

static void
on_close_response_cb (GtkDialog *dialog, int response, PlWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  self->dialog = NULL;
  switch (response)
    {
    case GTK_RESPONSE_ACCEPT:
      self->after_save = AFTER_SAVE_CLOSE;
      save (self);
      break;
    case GTK_RESPONSE_REJECT:
      finish_close (self);
      break;
    default:
      self->then = NULL;
      break;
    }
}

static void
ask_before_closing (PlWindow *self)
{
  GtkWidget *dialog;

  if (self->dialog != NULL)
    {
      gtk_window_present (self->dialog);
      return;
    }
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save changes to “%s” before closing?"),
                                   pl_document_get_title (self->document));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you don’t save, your changes will be lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("Close _Without Saving"), GTK_RESPONSE_REJECT,
                          _("_Cancel"), GTK_RESPONSE_CANCEL, _("_Save"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT),
                            "destructive-action");
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response_cb), self);
  self->dialog = GTK_WINDOW (dialog);
  gtk_window_present (self->dialog);
}

static gboolean
pl_window_close_request (GtkWindow *window)
{
  PlWindow *self = PL_WINDOW (window);

  if (!self->close_confirmed)
    commit_typing (self);
  if (!self->close_confirmed && self->document != NULL && pl_document_get_modified (self->document))
    {
      ask_before_closing (self);
      return TRUE;
    }
  save_window_state (self);
  return GTK_WINDOW_CLASS (pl_window_parent_class)->close_request (window);
}

void
pl_window_close_then (PlWindow *self, GCallback then, gpointer user_data)
{
  g_return_if_fail (PL_IS_WINDOW (self));
  self->then = then;
  self->then_data = user_data;
  commit_typing (self);
  if (self->document != NULL && pl_document_get_modified (self->document))
    ask_before_closing (self);
  else
    finish_close (self);
}

static void
close_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pl_window_close_then (PL_WINDOW (widget), NULL, NULL);
}

/* ---- editing ---- */

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  pl_plan_undo (pl_document_get_plan (self->document));
}

static void
redo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  pl_plan_redo (pl_document_get_plan (self->document));
}

static void
show_page_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->page_stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->page_stack, name);
}

/* Shows the page @name and runs its @action there (adding a campaign, a budget line): the
 * frequent additions from wherever the keyboard is, without going to the page first. */
static void
add_on_page (PlWindow *self, const char *name, const char *action)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->page_stack, name);

  if (self->document == NULL || page == NULL)
    return;
  gtk_stack_set_visible_child (self->page_stack, page);
  gtk_widget_activate_action (page, action, NULL);
}

static void
new_budget_line_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  add_on_page (PL_WINDOW (widget), "budget", "budget.add-line");
}

static void
new_campaign_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  add_on_page (PL_WINDOW (widget), "campaigns", "campaigns.add");
}

static PlPage *
visible_page (PlWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->page_stack);

  return page != NULL && PL_IS_PAGE (page) ? PL_PAGE (page) : NULL;
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  PlPage *page = visible_page (self);
  const char * const *charts = page ? pl_page_get_charts (page) : NULL;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || charts == NULL)
    return;
  if (!pl_print_charts (GTK_WINDOW (self), settings (self), pl_document_get_plan (self->document), charts,
                        pl_page_get_title (page), NULL, &error))
    pl_window_show_error (self, _("Could not print"), error->message);
}

static void
report_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  PlReportDialog *dialog;

  if (self->document == NULL)
    return;
  dialog = pl_report_dialog_new (GTK_WINDOW (self), pl_document_get_plan (self->document), settings (self));
  /* The plan compared with in the Compare pane is the one "Changes since" offers first. */
  if (pl_compare_panel_get_file (self->compare_panel) != NULL)
    pl_report_dialog_compare_with (dialog, pl_compare_panel_get_file (self->compare_panel));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  GFile *file;
  g_autoptr(GFile) folder = NULL;

  if (self->document == NULL)
    return;
  file = pl_document_get_file (self->document);
  folder = file != NULL ? g_file_get_parent (file) : NULL;
  gtk_window_present (GTK_WINDOW (pl_export_dialog_new (GTK_WINDOW (self), pl_document_get_plan (self->document), folder,
                                                                settings (self))));
}

static void
on_export_chosen_cb (GtkNativeDialog *chooser, int response, PlWindow *self)
{
  const char *chart = g_object_get_data (G_OBJECT (chooser), "chart");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *scale;

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      scale = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "scale");
      if (!pl_chart_catalog_export (pl_document_get_plan (self->document), chart, pl_calendar_today (), path,
                                    scale ? g_ascii_strtod (scale, NULL) : 1, &error))
        pl_window_show_error (self, _("Could not export the chart"), error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Copies chart @parameter ("funnel") to the clipboard, as PNG and SVG. */
static void
copy_chart_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || pl_chart_catalog_lookup (g_variant_get_string (parameter, NULL)) == NULL)
    return;
  if (!pl_chart_menu_copy (gtk_widget_get_clipboard (widget), pl_document_get_plan (self->document),
                           g_variant_get_string (parameter, NULL), pl_calendar_today (),
                           gtk_widget_get_scale_factor (widget), &error))
    pl_window_show_error (self, _("Could not copy the chart"), error->message);
}

/* Shows the figures of chart @parameter ("funnel") as a table. */
static void
show_chart_table_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  if (self->document == NULL || pl_chart_catalog_lookup (g_variant_get_string (parameter, NULL)) == NULL)
    return;
  pl_chart_table_show (GTK_WINDOW (self), pl_document_get_plan (self->document),
                       g_variant_get_string (parameter, NULL), pl_calendar_today ());
}

/* Exports chart @parameter ("funnel", "png"): asks where, then writes it. */
static void
export_chart_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  const char *chart, *format;
  const PlChartKind *kind;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_variant_get (parameter, "(&s&s)", &chart, &format);
  kind = pl_chart_catalog_lookup (chart);
  if (self->document == NULL || kind == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Chart"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  /* Translators: the file name offered for an exported chart: the chart's title and its kind of file */
  name = g_strdup_printf (_("%s.%s"), _(kind->title), format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_add_suffix (filter, format);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (g_str_equal (format, "png"))
    {
      const char *scales[] = { "1", "2", "3", NULL };
      const char *labels[] = { N_("Normal size"), N_("Twice the pixels (HiDPI, slides)"), N_("Three times"), NULL };
      const char *translated[] = { _(labels[0]), _(labels[1]), _(labels[2]), NULL };
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "scale", _("Size"), scales, translated);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "scale", "2");
    }
  g_object_set_data_full (G_OBJECT (chooser), "chart", g_strdup (chart), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Print is offered on the pages that have charts. */
static void
update_print (PlWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print",
                                 self->document != NULL &&
                                 visible_page (self) != NULL && pl_page_get_charts (visible_page (self)) != NULL);
}

static void
import_measurements_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  PlImportDialog *dialog;

  if (self->document == NULL)
    return;
  dialog = pl_import_dialog_new (GTK_WINDOW (self), pl_document_get_plan (self->document));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_spend_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  PlSpendImportDialog *dialog;

  if (self->document == NULL)
    return;
  dialog = pl_spend_import_dialog_new (GTK_WINDOW (self), pl_document_get_plan (self->document));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_budget_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  if (self->document != NULL)
    gtk_window_present (GTK_WINDOW (pl_budget_import_dialog_new (GTK_WINDOW (self), pl_document_get_plan (self->document))));
}

/* Shows the page of the record with the ID in @parameter and selects it there: how lists of
 * findings (hygiene, campaigns needing attention) jump to the object. */
static void
show_item_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  PlItem *item;

  if (self->document == NULL)
    return;
  item = pl_plan_lookup (pl_document_get_plan (self->document), g_variant_get_string (parameter, NULL));
  /* The first page, in the sidebar's order, that edits it. */
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack)); item != NULL && page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (PL_IS_PAGE (page) && pl_page_select_item (PL_PAGE (page), item))
      return;
}

/* Beside the Compare pane a page may be narrower than it asks: it scrolls sideways rather
 * than pushing the window off the screen (at large text every page scrolls already). */
static void
on_compare_shown_cb (PlWindow *self)
{
  if (!pl_a11y_large_text ())
    gtk_scrolled_window_set_policy (self->page_scroller,
                                    gtk_widget_get_visible (GTK_WIDGET (self->compare_panel)) ? GTK_POLICY_AUTOMATIC
                                                                                            : GTK_POLICY_NEVER,
                                    GTK_POLICY_NEVER);
}

/* Asks for another plan file and shows what changed in the open plan since it. */
static void
compare_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  if (self->document != NULL)
    pl_compare_panel_choose_file (self->compare_panel);
}

static void
dismiss_error_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  dismiss_error (PL_WINDOW (widget));
}

/* ---- GObject ---- */

static void
pl_window_dispose (GObject *object)
{
  PlWindow *self = PL_WINDOW (object);

  /* Dialogs are not made GTK_DIALOG_DESTROY_WITH_PARENT: GTK 4.8 then warns when one is
   * destroyed from its own response handler. The window closes its dialog itself. */
  if (self->dialog != NULL)
    gtk_window_destroy (g_steal_pointer (&self->dialog));
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  stop_loading (self);
  g_clear_handle_id (&self->typing_id, g_source_remove);
  g_cancellable_cancel (self->disk_checking);
  g_clear_object (&self->disk_checking);
  forget_merge (self);
  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_WINDOW);
  G_OBJECT_CLASS (pl_window_parent_class)->dispose (object);
}

static void
pl_window_finalize (GObject *object)
{
  PlWindow *self = PL_WINDOW (object);

  g_free (self->error_text);
  G_OBJECT_CLASS (pl_window_parent_class)->finalize (object);
}

static void
pl_window_class_init (PlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pl_window_dispose;
  object_class->finalize = pl_window_finalize;
  window_class->close_request = pl_window_close_request;

  g_type_ensure (PL_TYPE_PLAN_PAGE);
  g_type_ensure (PL_TYPE_CAMPAIGNS_PAGE);
  g_type_ensure (PL_TYPE_DASHBOARD_PAGE);
  g_type_ensure (PL_TYPE_BUDGET_PAGE);
  g_type_ensure (PL_TYPE_CALENDAR_PAGE);
  g_type_ensure (PL_TYPE_ASSESSMENT_PAGE);
  g_type_ensure (PL_TYPE_KPIS_PAGE);
  g_type_ensure (PL_TYPE_CHAIN_PAGE);
  g_type_ensure (PL_TYPE_PLANNING_PAGE);
  g_type_ensure (PL_TYPE_COMPARE_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, banner_title);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, banner_details);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, disk_bar);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, disk_box);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, disk_icon);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, disk_merge);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, disk_dismiss);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, disk_buttons);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, disk_title);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, disk_details);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, disk_reload);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, disk_keep);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, disk_save_as);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, compare_panel);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, page_scroller);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-item", "s", show_item_action);
  gtk_widget_class_install_action (widget_class, "win.new-budget-line", NULL, new_budget_line_action);
  gtk_widget_class_install_action (widget_class, "win.new-campaign", NULL, new_campaign_action);
  gtk_widget_class_install_action (widget_class, "win.remember-as-of", "s", remember_as_of_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", "(ss)", export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.show-chart-table", "s", show_chart_table_action);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", "s", copy_chart_action);
  gtk_widget_class_install_action (widget_class, "win.import-measurements", NULL, import_measurements_action);
  gtk_widget_class_install_action (widget_class, "win.import-spend", NULL, import_spend_action);
  gtk_widget_class_install_action (widget_class, "win.import-budget", NULL, import_budget_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-error", NULL, dismiss_error_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, cancel_open_action);
  gtk_widget_class_install_action (widget_class, "win.reload-from-disk", NULL, reload_from_disk_action);
  gtk_widget_class_install_action (widget_class, "win.merge-from-disk", NULL, merge_from_disk_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-merge-note", NULL, dismiss_merge_note_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-open", NULL);
}

/* At large text a page can be larger than the screen: it scrolls, and asks for its own size
 * only, rather than the window growing off the screen for the largest page; side-by-side
 * parts go one above the other. */
static void
fit_large_text (GtkWidget *widget)
{
  PlWindow *self = PL_WINDOW (widget);

  gtk_scrolled_window_set_policy (self->page_scroller, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_stack_set_hhomogeneous (self->page_stack, FALSE);
  gtk_stack_set_vhomogeneous (self->page_stack, FALSE);
  pl_a11y_grow_panes (GTK_WIDGET (self));
  pl_a11y_stack_headers (GTK_WIDGET (self->page_stack));
}

static void
pl_window_init (PlWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The sidebar names each page as the page names itself. */
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (PL_IS_PAGE (page))
      gtk_stack_page_set_title (gtk_stack_get_page (self->page_stack, page), pl_page_get_title (PL_PAGE (page)));
  /* Every page is in the template by now: name the dropdowns' and menu buttons' inner buttons. */
  pl_a11y_name_inner_buttons (GTK_WIDGET (self));
  g_signal_connect_swapped (self->page_stack, "notify::visible-child-name", G_CALLBACK (update_print), self);
  g_signal_connect_swapped (self->compare_panel, "notify::visible", G_CALLBACK (on_compare_shown_cb), self);
  if (!pl_a11y_large_text ())
    pl_a11y_grow_panes (GTK_WIDGET (self));
  pl_a11y_when_large_text (GTK_WIDGET (self), fit_large_text);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed", G_CALLBACK (update_recent), self);
  update_recent (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-open", FALSE);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_cb), NULL);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-released", G_CALLBACK (on_key_released_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }
  show_plan (self);
}

PlWindow *
pl_window_new (PlApplication *application)
{
  PlWindow *self = g_object_new (PL_TYPE_WINDOW, "application", application, NULL);
  GSettings *s = pl_application_get_settings (application);

  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (s, "window-width"),
                               g_settings_get_int (s, "window-height"));
  if (g_settings_get_boolean (s, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  return self;
}

PlDocument *
pl_window_get_document (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);
  return self->document;
}

void
pl_window_set_document (PlWindow *self, PlDocument *document)
{
  g_return_if_fail (PL_IS_WINDOW (self));
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (document != self->document)
    forget_merge (self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (pl_autosave_attach (document), "failed", G_CALLBACK (on_autosave_failed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_swapped (document, "notify::title", G_CALLBACK (on_document_changed_cb), self);
      g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (on_document_changed_cb), self);
      g_signal_connect_swapped (document, "notify::file", G_CALLBACK (on_document_changed_cb), self);
      g_signal_connect_swapped (document, "notify::plan", G_CALLBACK (show_plan), self);
      g_signal_connect_swapped (document, "notify::file", G_CALLBACK (watch_file), self);
      g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (update_disk_bar), self);
      g_signal_connect_swapped (document, "notify::merged", G_CALLBACK (on_document_merged_cb), self);
    }
  watch_file (self);
  show_plan (self);
}

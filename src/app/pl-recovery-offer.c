/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-recovery-offer"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-autosave.h"
#include "pl-plan-reader.h"
#include "pl-recovery-offer.h"
#include "pl-window.h"

/* A small window rather than a banner: there may be several plans, each with its own choice,
 * and the window it stands over may show another plan altogether. Nothing is decided by
 * closing it: what is left is offered again at the next start. */

typedef enum {
  ORIGINAL_NONE,     /* never saved */
  ORIGINAL_SAME,
  ORIGINAL_CHANGED,  /* changed by another program since the changes were made */
  ORIGINAL_GONE,
} Original;

struct _PlRecoveryOffer
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkLabel       *heading;
  GtkListBox     *list;

  /* Owned references */
  PlApplication  *app;
  GPtrArray      *plans;  /* of PlRecovered, NULL once restored or discarded */
  GPtrArray      *rows;   /* the row of each */
};

G_DEFINE_FINAL_TYPE (PlRecoveryOffer, pl_recovery_offer, GTK_TYPE_WINDOW)

/* ---- helpers ---- */

static void
unref_unless_null (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static Original
original_state (const PlRecoveryInfo *info, GFile **file)
{
  g_autoptr(GError) error = NULL;
  PlFileStamp now;

  *file = NULL;
  if (info->uri == NULL)
    return ORIGINAL_NONE;
  *file = g_file_new_for_uri (info->uri);
  /* A file that cannot be read is not called gone: it may come back (a share unmounted). */
  if (!pl_file_stamp_read (*file, &now, NULL, &error))
    return ORIGINAL_CHANGED;
  if (!now.exists)
    return ORIGINAL_GONE;
  /* Compared by content, as the document's saving compares. */
  if (info->stamp.exists && !pl_file_stamp_equal (&now, &info->stamp))
    return ORIGINAL_CHANGED;
  return ORIGINAL_SAME;
}

static char *
describe_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = NULL;

  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: when unsaved changes were kept, as g_date_time_format() writes it: "10:42, 5 December" */
    text = g_date_time_format (local, _("%H:%M, %-d %B"));
  else
    /* Translators: when unsaved changes were kept, in another year: "10:42, 5 December 2026" */
    text = g_date_time_format (local, _("%H:%M, %-d %B %Y"));
  /* Translators: %s is when they were kept: "10:42, 5 December" */
  return g_strdup_printf (_("Unsaved changes from %s"), text);
}

static char *
describe_file (GFile *file)
{
  g_autofree char *path = g_file_get_parse_name (file);
  const char *home = g_get_home_dir ();

  if (g_str_has_prefix (path, home) && path[strlen (home)] == '/')
    return g_strconcat ("~", path + strlen (home), NULL);
  return g_steal_pointer (&path);
}

static char *
describe_original (const PlRecoveryInfo *info)
{
  g_autoptr(GFile) file = NULL;
  Original state = original_state (info, &file);
  g_autofree char *where = file ? describe_file (file) : NULL;

  switch (state)
    {
    case ORIGINAL_NONE:
      return g_strdup (_("Never saved"));
    case ORIGINAL_CHANGED:
      /* Translators: %s is the plan's file, "~/Plans/Plan 2027.pilote" */
      return g_strdup_printf (_("%s, changed by another program since"), where);
    case ORIGINAL_GONE:
      /* Translators: %s is the plan's file, "~/Plans/Plan 2027.pilote" */
      return g_strdup_printf (_("%s, removed since"), where);
    case ORIGINAL_SAME:
    default:
      return g_steal_pointer (&where);
    }
}

static GtkWindow *
window_for (PlRecoveryOffer *self, GFile *file)
{
  PlWindow *empty = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->app)); l != NULL; l = l->next)
    {
      PlDocument *document;

      if (!PL_IS_WINDOW (l->data))
        continue;
      document = pl_window_get_document (l->data);
      /* The plan opened as the application started, before the offer: replaced in place. */
      if (file != NULL && document != NULL && !pl_document_get_modified (document) &&
          pl_document_get_file (document) != NULL && g_file_equal (pl_document_get_file (document), file))
        return l->data;
      if (document == NULL && empty == NULL)
        empty = l->data;
    }
  return GTK_WINDOW (empty ? empty : pl_window_new (self->app));
}

static gboolean
restore (PlRecoveryOffer *self, PlRecovered *recovered, GError **error)
{
  const PlRecoveryInfo *info = pl_recovered_get_info (recovered);
  g_autoptr(GBytes) bytes = pl_recovered_read (recovered, error);
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  Original state;
  GtkWindow *window;

  if (bytes == NULL)
    return FALSE;
  plan = pl_plan_read_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), info->title,
                             PL_READ_DEFAULT, error);
  if (plan == NULL)
    return FALSE;
  state = original_state (info, &file);
  /* Modified, with nothing to undo: undo starts from the plan as it was kept. */
  pl_plan_mark_unsaved (plan);
  /* With the version of the file the changes were made on: a file changed since is not
   * overwritten without asking. */
  document = pl_document_new (plan, state == ORIGINAL_GONE ? NULL : file,
                              state != ORIGINAL_GONE && info->stamp.exists ? &info->stamp : NULL);
  if (!pl_autosave_adopt (document, recovered, error))
    return FALSE;
  window = window_for (self, state == ORIGINAL_GONE ? NULL : file);
  pl_window_set_document (PL_WINDOW (window), document);
  if (state == ORIGINAL_GONE)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *title = g_strdup_printf (_("“%s” no longer exists"), name);

      pl_window_show_error (PL_WINDOW (window), title,
                            _("The restored plan is shown as a new plan: save it to keep it."));
    }
  else if (state == ORIGINAL_CHANGED)
    /* The window's own bar says it, with reload, keep mine and save elsewhere. */
    pl_window_check_disk (PL_WINDOW (window));
  gtk_window_present (window);
  return TRUE;
}

/* Plans left for later are offered too, not only those of a crash: the heading says neither. */
static void
update_heading (PlRecoveryOffer *self)
{
  guint n = pl_recovery_offer_get_n (self);
  g_autofree char *heading = g_strdup_printf (ngettext ("This plan has unsaved changes from an earlier session",
                                                        "These %u plans have unsaved changes from an earlier session",
                                                        n),
                                              n);

  gtk_label_set_label (self->heading, heading);
}

static void
settle (PlRecoveryOffer *self, guint index, const char *problem)
{
  GtkWidget *row = g_ptr_array_index (self->rows, index);

  if (problem != NULL)
    {
      GtkWidget *label = g_object_get_data (G_OBJECT (row), "problem");
      gtk_label_set_label (GTK_LABEL (label), problem);
      gtk_widget_set_tooltip_text (label, problem);
      gtk_widget_set_visible (label, TRUE);
      return;
    }
  g_clear_object (&g_ptr_array_index (self->plans, index));
  gtk_list_box_remove (self->list, row);
  g_ptr_array_index (self->rows, index) = NULL;
  if (pl_recovery_offer_get_n (self) == 0)
    gtk_window_close (GTK_WINDOW (self));
  else
    update_heading (self);
}

/* ---- actions ---- */

static PlRecovered *
recovered_at (PlRecoveryOffer *self, GVariant *parameter, guint *index)
{
  *index = g_variant_get_uint32 (parameter);
  return *index < self->plans->len ? g_ptr_array_index (self->plans, *index) : NULL;
}

static void
restore_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlRecoveryOffer *self = PL_RECOVERY_OFFER (widget);
  g_autoptr(GError) error = NULL;
  guint index;
  PlRecovered *recovered = recovered_at (self, parameter, &index);

  if (recovered == NULL)
    return;
  /* Kept alive through settle(): the offer closes itself once nothing is left in it. */
  g_object_ref (self);
  if (!restore (self, recovered, &error))
    /* What could not be read once will not be read the next time: only Discard is left. */
    gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (g_ptr_array_index (self->rows, index)), "restore"),
                              FALSE);
  settle (self, index, error != NULL ? error->message : NULL);
  /* The restored plan's window came on top: the plans still to decide stay in sight. */
  if (pl_recovery_offer_get_n (self) > 0)
    gtk_window_present (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
on_discard_response_cb (GtkDialog *dialog, int response, PlRecoveryOffer *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "index"));
  PlRecovered *recovered = index < self->plans->len ? g_ptr_array_index (self->plans, index) : NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT || recovered == NULL)
    return;
  settle (self, index, pl_recovered_discard (recovered, &error) ? NULL : error->message);
}

/* Discarding cannot be undone, and its button stands beside Restore: asked once more. */
static void
discard_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlRecoveryOffer *self = PL_RECOVERY_OFFER (widget);
  guint index;
  PlRecovered *recovered = recovered_at (self, parameter, &index);
  GtkWidget *dialog;
  GtkWidget *button;

  if (recovered == NULL)
    return;
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL, GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Discard the unsaved changes to “%s”?"),
                                   pl_recovered_get_info (recovered)->title);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("They cannot be recovered afterwards."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data (G_OBJECT (dialog), "index", GUINT_TO_POINTER (index));
  g_signal_connect (dialog, "response", G_CALLBACK (on_discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- rows ---- */

/* One line each, shortened where it matters least (a path at its start), whole in the
 * tooltip: lines that wrap would leave the list's height to guesswork. */
static GtkWidget *
make_label (const char *text, const char *css_class, PangoEllipsizeMode ellipsize)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), ellipsize);
  gtk_widget_set_tooltip_text (label, text);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
make_row (PlRecovered *recovered, guint index)
{
  const PlRecoveryInfo *info = pl_recovered_get_info (recovered);
  g_autofree char *when = describe_time (info->time);
  g_autofree char *where = describe_original (info);
  const char *title = info->title && *info->title ? info->title : _("Untitled plan");
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *problem = make_label (NULL, "invalid-text", PANGO_ELLIPSIZE_END);
  GtkWidget *discard = gtk_button_new_with_mnemonic (_("_Discard"));
  GtkWidget *restore_button = gtk_button_new_with_mnemonic (_("_Restore"));
  g_autofree char *discard_name = g_strdup_printf (_("Discard the changes to %s"), title);
  g_autofree char *restore_name = g_strdup_printf (_("Restore %s"), title);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), make_label (title, "heading", PANGO_ELLIPSIZE_END));
  gtk_box_append (GTK_BOX (text), make_label (when, NULL, PANGO_ELLIPSIZE_END));
  gtk_box_append (GTK_BOX (text), make_label (where, "dim-label", PANGO_ELLIPSIZE_START));
  gtk_widget_set_visible (problem, FALSE);
  gtk_box_append (GTK_BOX (text), problem);
  g_object_set_data (G_OBJECT (row), "problem", problem);
  g_object_set_data (G_OBJECT (row), "restore", restore_button);
  /* A reason is read whole: it wraps rather than being cut. */
  gtk_label_set_ellipsize (GTK_LABEL (problem), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (problem), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (problem), 50);

  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (restore_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (discard), "offer.discard");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (discard), "u", index);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (restore_button), "offer.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (restore_button), "u", index);
  gtk_accessible_update_property (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_PROPERTY_LABEL, discard_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (restore_button), GTK_ACCESSIBLE_PROPERTY_LABEL, restore_name, -1);
  gtk_box_append (GTK_BOX (buttons), discard);
  gtk_box_append (GTK_BOX (buttons), restore_button);

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* ---- GObject ---- */

static void
pl_recovery_offer_dispose (GObject *object)
{
  PlRecoveryOffer *self = PL_RECOVERY_OFFER (object);

  /* Letting go of what is left unlocks it for the next start. */
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->app);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_RECOVERY_OFFER);
  G_OBJECT_CLASS (pl_recovery_offer_parent_class)->dispose (object);
}

static void
pl_recovery_offer_class_init (PlRecoveryOfferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_recovery_offer_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-recovery-offer.ui");
  gtk_widget_class_bind_template_child (widget_class, PlRecoveryOffer, heading);
  gtk_widget_class_bind_template_child (widget_class, PlRecoveryOffer, list);
  gtk_widget_class_install_action (widget_class, "offer.restore", "u", restore_action);
  gtk_widget_class_install_action (widget_class, "offer.discard", "u", discard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_recovery_offer_init (PlRecoveryOffer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- public ---- */

PlRecoveryOffer *
pl_recovery_offer_present (PlApplication *app)
{
  g_autofree char *root = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  PlRecoveryOffer *self;

  g_return_val_if_fail (PL_IS_APPLICATION (app), NULL);
  root = pl_recovery_get_root ();
  plans = pl_recovery_find (root);
  if (plans->len == 0)
    return NULL;
  self = g_object_new (PL_TYPE_RECOVERY_OFFER, "application", app,
                       "transient-for", gtk_application_get_active_window (GTK_APPLICATION (app)), NULL);
  self->app = g_object_ref (app);
  self->plans = g_ptr_array_new_with_free_func (unref_unless_null);
  for (guint i = 0; i < plans->len; i++)
    g_ptr_array_add (self->plans, g_object_ref (g_ptr_array_index (plans, i)));
  self->rows = g_ptr_array_new ();
  for (guint i = 0; i < self->plans->len; i++)
    {
      GtkWidget *row = make_row (g_ptr_array_index (self->plans, i), i);
      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->list, row);
    }
  update_heading (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

guint
pl_recovery_offer_get_n (PlRecoveryOffer *self)
{
  guint n = 0;

  g_return_val_if_fail (PL_IS_RECOVERY_OFFER (self), 0);
  for (guint i = 0; self->plans != NULL && i < self->plans->len; i++)
    if (g_ptr_array_index (self->plans, i) != NULL)
      n++;
  return n;
}

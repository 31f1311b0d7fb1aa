/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-merge-dialog"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-a11y.h"
#include "pl-merge-dialog.h"

/* One conflict's row. The widgets belong to the list. */
typedef struct {
  GtkCheckButton *ours;
  GtkCheckButton *theirs;
  GtkLabel       *refused;
  gboolean        theirs_chosen;
} Row;

struct _PlMergeDialog
{
  GtkWindow    parent_instance;

  /* Template widgets */
  GtkLabel    *intro;
  GtkBox      *conflict_list;
  GtkLabel    *status;
  GtkWidget   *merge_button;

  /* Owned */
  PlDiskMerge *merge;
  GArray      *rows;      /* Row, in the order of the merge's conflicts */
  gboolean     updating;  /* a button is set by the dialog, not by the user */
};

G_DEFINE_FINAL_TYPE (PlMergeDialog, pl_merge_dialog, GTK_TYPE_WINDOW)

enum {
  SIGNAL_APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static PlMergeResult *
result (PlMergeDialog *self)
{
  return pl_disk_merge_get_result (self->merge);
}

static PlMergeConflict *
conflict_at (PlMergeDialog *self, guint index)
{
  return g_ptr_array_index (result (self)->conflicts, index);
}

/* ---- words ---- */

/* A value as the row shows it: a record that does not exist on that side is "removed". */
static const char *
value_text (const char *text)
{
  if (text == NULL)
    return _("removed");
  if (*text == '\0')
    return _("empty");
  return text;
}

static char *
heading_of (const PlMergeConflict *conflict)
{
  const char *name = conflict->name ? conflict->name : conflict->id;

  if (conflict->id == NULL)
    name = _("Plan settings");
  if (conflict->label == NULL || conflict->field == PL_MERGE_FIELD_RECORD)
    return g_strdup (name);
  /* Translators: a record's name, then the field both versions changed: "Spring webinar — Budget" */
  return g_strdup_printf (_("%s — %s"), name, conflict->label);
}

/* "Campaign", from the record on either side. */
static char *
noun_of (PlMergeResult *merged, const PlMergeConflict *conflict)
{
  PlItem *item = NULL;
  const char *noun;

  if (conflict->id == NULL)
    return NULL;
  item = pl_plan_lookup (merged->ours, conflict->id);
  if (item == NULL)
    item = pl_plan_lookup (merged->theirs, conflict->id);
  if (item == NULL)
    return NULL;
  noun = pl_item_get_noun (item);
  return g_strdup_printf ("%C%s", g_unichar_totitle (g_utf8_get_char (noun)), g_utf8_next_char (noun));
}

static char *
explanation_of (const PlMergeConflict *conflict)
{
  switch (conflict->kind)
    {
    case PL_MERGE_CONFLICT_FIELD:
      if (conflict->base_text == NULL || *conflict->base_text == '\0')
        return g_strdup (_("Both versions changed it; it was empty."));
      /* Translators: the value both versions started from; no full stop after it, as the value
       * may end with its own */
      return g_strdup_printf (_("Both versions changed it. It was: %s"), conflict->base_text);
    case PL_MERGE_CONFLICT_REMOVED_CHANGED:
      return g_strdup (_("You removed it; the other version changed it."));
    case PL_MERGE_CONFLICT_CHANGED_REMOVED:
      return g_strdup (_("You changed it; the other version removed it."));
    case PL_MERGE_CONFLICT_RULE:
      return g_strdup (conflict->reason ? conflict->reason
                                        : _("Both versions' changes together break a rule of the plan."));
    default:
      g_assert_not_reached ();
    }
}

static void
update_status (PlMergeDialog *self)
{
  guint theirs = pl_merge_dialog_count_theirs (self);
  g_autofree char *text = NULL;

  /* Translators: how the conflicts are settled so far: "Yours kept: 2 · Theirs taken: 1" */
  text = g_strdup_printf (_("Yours kept: %u · Theirs taken: %u"), self->rows->len - theirs, theirs);
  gtk_label_set_label (self->status, text);
}

/* ---- choosing ---- */

static void
show_choice (PlMergeDialog *self, Row *row, const char *refusal)
{
  self->updating = TRUE;
  gtk_check_button_set_active (row->theirs_chosen ? row->theirs : row->ours, TRUE);
  self->updating = FALSE;
  if (refusal != NULL)
    {
      /* The engine's message says that theirs cannot be taken, and why. Said where the choice
       * went back to, for the eye and for a screen reader. */
      gtk_label_set_label (row->refused, refusal);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->ours), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, refusal, -1);
      gtk_widget_grab_focus (GTK_WIDGET (row->ours));
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row->ours), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_set_visible (GTK_WIDGET (row->refused), refusal != NULL);
}

static gboolean
take_theirs (PlMergeDialog *self, guint index)
{
  Row *row = &g_array_index (self->rows, Row, index);
  g_autoptr(GError) error = NULL;

  row->theirs_chosen = pl_merge_result_take_theirs (result (self), conflict_at (self, index), &error);
  show_choice (self, row, error ? error->message : NULL);
  return row->theirs_chosen;
}

gboolean
pl_merge_dialog_choose (PlMergeDialog *self, guint index, gboolean theirs)
{
  Row *row;
  gboolean ok = TRUE;

  g_return_val_if_fail (PL_IS_MERGE_DIALOG (self), FALSE);
  g_return_val_if_fail (index < self->rows->len, FALSE);
  row = &g_array_index (self->rows, Row, index);
  if (theirs == row->theirs_chosen)
    {
      show_choice (self, row, NULL);
      return TRUE;
    }
  if (theirs)
    ok = take_theirs (self, index);
  else
    {
      /* A take cannot be taken back: the merge starts again, and the other rows' choices of
       * theirs are taken again, in order. */
      row->theirs_chosen = FALSE;
      show_choice (self, row, NULL);
      pl_disk_merge_restart (self->merge);
      for (guint i = 0; i < self->rows->len; i++)
        if (g_array_index (self->rows, Row, i).theirs_chosen)
          take_theirs (self, i);
    }
  update_status (self);
  return ok;
}

static void
on_toggled_cb (GtkCheckButton *button, PlMergeDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "conflict"));
  Row *row;

  if (self->updating || !gtk_check_button_get_active (button))
    return;
  row = &g_array_index (self->rows, Row, index);
  pl_merge_dialog_choose (self, index, button == row->theirs);
}

guint
pl_merge_dialog_count_theirs (PlMergeDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (PL_IS_MERGE_DIALOG (self), 0);
  for (guint i = 0; i < self->rows->len; i++)
    n += g_array_index (self->rows, Row, i).theirs_chosen;
  return n;
}

/* ---- the rows ---- */

static GtkCheckButton *
add_option (PlMergeDialog *self, GtkBox *box, const char *text, GtkWidget *heading, guint index)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
  /* Read as "Keep yours: 12,000.00", then which record and field it is about. */
  pl_a11y_label (button, text);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, heading, NULL, -1);
  g_object_set_data (G_OBJECT (button), "conflict", GUINT_TO_POINTER (index));
  g_signal_connect (button, "toggled", G_CALLBACK (on_toggled_cb), self);
  gtk_box_append (box, button);
  return GTK_CHECK_BUTTON (button);
}

static GtkWidget *
add_label (GtkBox *box, const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  return label;
}

static void
add_row (PlMergeDialog *self, guint index)
{
  const PlMergeConflict *conflict = conflict_at (self, index);
  g_autofree char *heading_text = heading_of (conflict);
  g_autofree char *noun = noun_of (result (self), conflict);
  g_autofree char *explanation = explanation_of (conflict);
  g_autofree char *caption = NULL;
  g_autofree char *ours_text = NULL;
  g_autofree char *theirs_text = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *options = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading, *frame;
  Row entry = { 0 };

  if (conflict->kind == PL_MERGE_CONFLICT_RULE)
    {
      /* Several records together: no one value to show, the reason says what they hold. */
      ours_text = g_strdup (_("Keep yours"));
      theirs_text = g_strdup (_("Take theirs"));
    }
  else
    {
      ours_text = g_strdup_printf (_("Keep yours: %s"), value_text (conflict->ours_text));
      theirs_text = g_strdup_printf (_("Take theirs: %s"), value_text (conflict->theirs_text));
    }

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  heading = add_label (GTK_BOX (box), heading_text, "heading");
  /* Translators: the kind of record, then what happened to it: "Campaign · You removed it; ..." */
  caption = noun ? g_strdup_printf (_("%s · %s"), noun, explanation) : g_strdup (explanation);
  add_label (GTK_BOX (box), caption, "dim-label");
  gtk_widget_set_margin_top (options, 4);
  gtk_box_append (GTK_BOX (box), options);
  entry.ours = add_option (self, GTK_BOX (options), ours_text, heading, index);
  entry.theirs = add_option (self, GTK_BOX (options), theirs_text, heading, index);
  gtk_check_button_set_group (entry.theirs, entry.ours);
  gtk_check_button_set_active (entry.ours, TRUE);
  entry.refused = GTK_LABEL (add_label (GTK_BOX (box), "", "warning-text"));
  gtk_widget_set_visible (GTK_WIDGET (entry.refused), FALSE);
  g_array_append_val (self->rows, entry);

  /* A frame, not a list's row: the arrows move between a conflict's two choices, and Tab
   * from one conflict to the next. */
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), box);
  gtk_box_append (self->conflict_list, frame);
}

/* ---- actions ---- */

/* Every conflict to one side, as choosing each would (theirs only where the rules allow). */
void
pl_merge_dialog_choose_all (PlMergeDialog *self, gboolean theirs)
{
  g_return_if_fail (PL_IS_MERGE_DIALOG (self));
  if (!theirs && pl_merge_dialog_count_theirs (self) > 0)
    pl_disk_merge_restart (self->merge);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      if (theirs && !row->theirs_chosen)
        take_theirs (self, i);
      else if (!theirs)
        {
          row->theirs_chosen = FALSE;
          show_choice (self, row, NULL);
        }
    }
  update_status (self);
}

static void
all_ours_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pl_merge_dialog_choose_all (PL_MERGE_DIALOG (widget), FALSE);
}

static void
all_theirs_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pl_merge_dialog_choose_all (PL_MERGE_DIALOG (widget), TRUE);
}

static void
apply_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_APPLY], 0);
}

/* ---- GObject ---- */

static void
pl_merge_dialog_dispose (GObject *object)
{
  PlMergeDialog *self = PL_MERGE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_MERGE_DIALOG);
  g_clear_pointer (&self->merge, pl_disk_merge_free);
  g_clear_pointer (&self->rows, g_array_unref);
  G_OBJECT_CLASS (pl_merge_dialog_parent_class)->dispose (object);
}

static void
pl_merge_dialog_class_init (PlMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_merge_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlMergeDialog, intro);
  gtk_widget_class_bind_template_child (widget_class, PlMergeDialog, conflict_list);
  gtk_widget_class_bind_template_child (widget_class, PlMergeDialog, status);
  gtk_widget_class_bind_template_child (widget_class, PlMergeDialog, merge_button);
  gtk_widget_class_install_action (widget_class, "merge.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "merge.all-ours", NULL, all_ours_action);
  gtk_widget_class_install_action (widget_class, "merge.all-theirs", NULL, all_theirs_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /* Merge was chosen: the window applies pl_merge_dialog_get_merge() and closes the dialog. */
  signals[SIGNAL_APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pl_merge_dialog_init (PlMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
}

GtkWidget *
pl_merge_dialog_new (GtkWindow *parent, const char *plan_title, PlDiskMerge *merge)
{
  PlMergeDialog *self = g_object_new (PL_TYPE_MERGE_DIALOG, "transient-for", parent, NULL);
  guint n;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (merge != NULL, NULL);
  self->merge = merge;
  n = result (self)->conflicts->len;
  intro = g_strdup_printf (ngettext ("“%s” was changed by another program while you had unsaved changes. "
                                     "Everything else combines by itself, but %u change conflicts: both "
                                     "versions changed the same thing. Yours is kept unless you take theirs.",
                                     "“%s” was changed by another program while you had unsaved changes. "
                                     "Everything else combines by itself, but %u changes conflict: both "
                                     "versions changed the same thing. Yours are kept unless you take theirs.",
                                     n),
                           plan_title, n);
  gtk_label_set_label (self->intro, intro);
  self->updating = TRUE;
  for (guint i = 0; i < n; i++)
    add_row (self, i);
  self->updating = FALSE;
  update_status (self);
  /* As tall as the conflicts need, within a laptop's screen. */
  {
    int natural;

    gtk_widget_measure (GTK_WIDGET (self->conflict_list), GTK_ORIENTATION_VERTICAL, 600, NULL, &natural, NULL, NULL);
    gtk_window_set_default_size (GTK_WINDOW (self), 640, MIN (natural + 220, 640));
  }
  if (self->rows->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (g_array_index (self->rows, Row, 0).ours));
  /* Closed with its window, which owns the plan (see pl-carry-dialog.c). */
  if (parent != NULL)
    g_signal_connect_object (parent, "destroy", G_CALLBACK (gtk_window_destroy), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

PlDiskMerge *
pl_merge_dialog_get_merge (PlMergeDialog *self)
{
  g_return_val_if_fail (PL_IS_MERGE_DIALOG (self), NULL);
  return self->merge;
}

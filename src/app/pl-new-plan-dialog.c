/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-new-plan-dialog"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-new-plan-dialog.h"
#include "pl-template-file.h"

/* The lengths a fiscal period may have, in the length drop-down's order. */
static const guint lengths[] = { 12, 6, 3 };

struct _PlNewPlanDialog
{
  GtkWindow      parent_instance;

  /* Template widgets */
  GtkEntry      *title_entry;
  GtkEntry      *organisation_entry;
  GtkDropDown   *month;
  GtkSpinButton *year;
  GtkDropDown   *length;
  GtkEntry      *currency_entry;
  GtkListBox    *models;
  GtkLabel      *message;

  /* Owned references */
  PlApplication *app;
  GPtrArray     *templates;  /* PlTemplateInfo, in the list's order */
};

G_DEFINE_FINAL_TYPE (PlNewPlanDialog, pl_new_plan_dialog, GTK_TYPE_WINDOW)

static const char *
chosen_template (PlNewPlanDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->models);
  int i = row ? gtk_list_box_row_get_index (row) : 0;

  return i >= 0 && (guint) i < self->templates->len
           ? ((PlTemplateInfo *) self->templates->pdata[i])->id : PL_TEMPLATE_DEFAULT;
}

static void
show_message (PlNewPlanDialog *self, const char *text)
{
  gtk_label_set_text (self->message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
}

static void
create (PlNewPlanDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  g_autofree char *organisation = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organisation_entry))));
  g_autofree char *currency = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->currency_entry)), -1);
  guint length = gtk_drop_down_get_selected (self->length);
  PlTemplateSettings settings = { 0 };
  g_autoptr(GDate) start = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_strstrip (currency);
  start = g_date_new_dmy (1, (GDateMonth) (gtk_drop_down_get_selected (self->month) + 1),
                          (GDateYear) gtk_spin_button_get_value_as_int (self->year));
  /* No title typed: the empty plan's own ("Untitled plan"), as before this dialog. */
  settings.title = *title != '\0' ? title : NULL;
  settings.organisation = organisation;
  settings.currency = currency;
  settings.start = g_date_get_julian (start);
  settings.months = lengths[MIN (length, G_N_ELEMENTS (lengths) - 1)];
  plan = pl_template_new_plan (chosen_template (self), &settings, &error);
  if (plan == NULL)
    {
      show_message (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->currency_entry));
      return;
    }
  pl_application_show_plan (self->app, plan);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
create_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  create (PL_NEW_PLAN_DIALOG (widget));
}

/* What was refused is said until the user changes something. */
static void
on_changed_cb (PlNewPlanDialog *self)
{
  /* The list unselects its row as the dialog goes: nothing left to say. */
  if (self->message != NULL)
    show_message (self, NULL);
}

/* Enter on a model chooses it and creates, as Enter in a field does. */
static void
on_row_activated_cb (PlNewPlanDialog *self, GtkListBoxRow *row)
{
  gtk_list_box_select_row (self->models, row);
  create (self);
}

static GtkWidget *
model_row (const PlTemplateInfo *info)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (info->name);
  GtkWidget *description = gtk_label_new (info->description);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), description);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, info->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, info->description, -1);
  return row;
}

static void
fill (PlNewPlanDialog *self, GSettings *settings)
{
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) spans = gtk_string_list_new (NULL);
  /* The empty plan's year: this one, the next from October on. */
  g_autoptr(PlPlan) empty = pl_plan_new ();
  GDate start;

  for (guint m = 1; m <= 12; m++)
    {
      GDate day;
      char name[64];

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 1, (GDateMonth) m, 2027);
      /* The standalone month name ("janvier"), as a calendar's heading has it. */
      if (g_date_strftime (name, sizeof name, "%OB", &day) == 0)
        g_date_strftime (name, sizeof name, "%B", &day);
      gtk_string_list_append (months, name);
    }
  gtk_drop_down_set_model (self->month, G_LIST_MODEL (months));
  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u month", "%u months", lengths[i]), lengths[i]);
      gtk_string_list_append (spans, text);
    }
  gtk_drop_down_set_model (self->length, G_LIST_MODEL (spans));
  g_date_clear (&start, 1);
  g_date_set_julian (&start, pl_plan_get_start (empty));
  gtk_spin_button_set_value (self->year, g_date_get_year (&start));
  if (settings != NULL)
    {
      g_autofree char *currency = g_settings_get_string (settings, "default-currency");
      gtk_drop_down_set_selected (self->month, (guint) CLAMP (g_settings_get_int (settings, "fiscal-start-month"), 1, 12) - 1);
      gtk_editable_set_text (GTK_EDITABLE (self->currency_entry), currency);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->currency_entry), pl_plan_get_currency (empty));
  for (guint i = 0; i < self->templates->len; i++)
    gtk_list_box_append (self->models, model_row (self->templates->pdata[i]));
  gtk_list_box_select_row (self->models, gtk_list_box_get_row_at_index (self->models, 0));
}

/* ---- GObject ---- */

static void
pl_new_plan_dialog_dispose (GObject *object)
{
  PlNewPlanDialog *self = PL_NEW_PLAN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_NEW_PLAN_DIALOG);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_object (&self->app);
  G_OBJECT_CLASS (pl_new_plan_dialog_parent_class)->dispose (object);
}

static void
pl_new_plan_dialog_class_init (PlNewPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_new_plan_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-new-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlNewPlanDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, PlNewPlanDialog, organisation_entry);
  gtk_widget_class_bind_template_child (widget_class, PlNewPlanDialog, month);
  gtk_widget_class_bind_template_child (widget_class, PlNewPlanDialog, year);
  gtk_widget_class_bind_template_child (widget_class, PlNewPlanDialog, length);
  gtk_widget_class_bind_template_child (widget_class, PlNewPlanDialog, currency_entry);
  gtk_widget_class_bind_template_child (widget_class, PlNewPlanDialog, models);
  gtk_widget_class_bind_template_child (widget_class, PlNewPlanDialog, message);
  gtk_widget_class_install_action (widget_class, "new-plan.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_new_plan_dialog_init (PlNewPlanDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->templates = pl_template_list ();
  /* Enter in the year creates too (GTK 4.8's spin button has no activates-default). */
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->year)); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_TEXT (c))
      gtk_text_set_activates_default (GTK_TEXT (c), TRUE);
  g_signal_connect_swapped (self->models, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  g_signal_connect_swapped (self->currency_entry, "changed", G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (self->models, "row-selected", G_CALLBACK (on_changed_cb), self);
}

GtkWidget *
pl_new_plan_dialog_new (PlApplication *app, GtkWindow *parent)
{
  PlNewPlanDialog *self = g_object_new (PL_TYPE_NEW_PLAN_DIALOG, "transient-for", parent, NULL);

  g_return_val_if_fail (PL_IS_APPLICATION (app), NULL);
  self->app = g_object_ref (app);
  gtk_window_set_application (GTK_WINDOW (self), GTK_APPLICATION (app));
  fill (self, pl_application_get_settings (app));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
  /* Closed with its window; not by destroy-with-parent (see the note in pl_window_dispose). */
  if (parent != NULL)
    g_signal_connect_object (parent, "destroy", G_CALLBACK (gtk_window_destroy), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

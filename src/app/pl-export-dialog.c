/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-export-dialog"
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pl-export-dialog.h"

struct _PlExportDialog
{
  GtkWindow        parent_instance;

  /* Template widgets */
  GtkCheckButton  *budget;
  GtkCheckButton  *kpis;
  GtkCheckButton  *campaigns;
  GtkCheckButton  *xlsx;
  GtkCheckButton  *csv;
  GtkLabel        *csv_note;
  GtkButton       *close_button;
  GtkLabel        *result;

  /* Owned references */
  PlPlan          *plan;
  GFile           *folder;
  GSettings       *settings;
  GtkNativeDialog *chooser;
};

G_DEFINE_FINAL_TYPE (PlExportDialog, pl_export_dialog, GTK_TYPE_WINDOW)

static PlSheetWhat
chosen_what (PlExportDialog *self)
{
  return gtk_check_button_get_active (self->kpis) ? PL_SHEET_KPIS
       : gtk_check_button_get_active (self->campaigns) ? PL_SHEET_CAMPAIGNS : PL_SHEET_BUDGET;
}

static PlSheetFormat
chosen_format (PlExportDialog *self)
{
  return gtk_check_button_get_active (self->csv) ? PL_SHEET_CSV : PL_SHEET_XLSX;
}

static void
show_result (PlExportDialog *self, gboolean ok, const char *text)
{
  gtk_label_set_label (self->result, text);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->result), "invalid-text");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->result), "invalid-text");
  gtk_widget_set_visible (GTK_WIDGET (self->result), TRUE);
  /* Done: what is left is to close, or to export something else. */
  gtk_button_set_label (self->close_button, ok ? _("_Close") : _("_Cancel"));
}

/* ---- the file ---- */

static void
on_chosen_cb (GtkNativeDialog *chooser, int response, PlExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    pl_export_dialog_export (self, file);
}

static void
choose_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlExportDialog *self = PL_EXPORT_DIALOG (widget);
  PlSheetFormat format = chosen_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = pl_sheet_suggest_name (self->plan, chosen_what (self), format);

  /* Made again for each export: its filter follows the format chosen. */
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Export to a Spreadsheet"), GTK_WINDOW (self),
                                                                  GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                  _("_Export"), _("_Cancel")));
  if (format == PL_SHEET_CSV)
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
  gtk_file_filter_add_suffix (filter, pl_sheet_format_extension (format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), self->folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chosen_cb), self);
  gtk_native_dialog_show (self->chooser);
}

/* ---- GObject ---- */

static void
pl_export_dialog_dispose (GObject *object)
{
  PlExportDialog *self = PL_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->plan);
  g_clear_object (&self->folder);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (pl_export_dialog_parent_class)->dispose (object);
}

static void
pl_export_dialog_class_init (PlExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_export_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, budget);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, kpis);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, campaigns);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, xlsx);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, csv);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, csv_note);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, PlExportDialog, result);
  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_export_dialog_init (PlExportDialog *self)
{
  struct lconv *conventions = localeconv ();
  gboolean comma = conventions->decimal_point != NULL && strcmp (conventions->decimal_point, ",") == 0;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The CSV is written as Excel reads it in the user's language (pl-sheet-export.h). */
  gtk_label_set_label (self->csv_note, comma ? _("Plain values for other tools: UTF-8, fields separated by semicolons, "
                                                 "decimal commas")
                                             : _("Plain values for other tools: UTF-8, fields separated by commas, "
                                                 "decimal points"));
}

/* ---- public ---- */

PlExportDialog *
pl_export_dialog_new (GtkWindow *parent, PlPlan *plan, GFile *folder, GSettings *settings)
{
  PlExportDialog *self = g_object_new (PL_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  g_autofree char *what_key = NULL, *format_key = NULL;
  PlSheetWhat what = PL_SHEET_BUDGET;

  self->plan = g_object_ref (plan);
  self->folder = folder ? g_object_ref (folder) : NULL;
  self->settings = settings ? g_object_ref (settings) : NULL;
  /* The export made every month opens chosen. */
  if (settings != NULL)
    {
      what_key = g_settings_get_string (settings, "export-what");
      format_key = g_settings_get_string (settings, "export-format");
      pl_sheet_what_from_key (what_key, &what);
      pl_export_dialog_set_choice (self, what, g_strcmp0 (format_key, "csv") == 0 ? PL_SHEET_CSV : PL_SHEET_XLSX);
    }
  /* Closed with its window, as the report dialog (see pl_window_dispose). */
  if (parent != NULL)
    g_signal_connect_object (parent, "destroy", G_CALLBACK (gtk_window_destroy), self, G_CONNECT_SWAPPED);
  return self;
}

void
pl_export_dialog_set_choice (PlExportDialog *self, PlSheetWhat what, PlSheetFormat format)
{
  g_return_if_fail (PL_IS_EXPORT_DIALOG (self));
  gtk_check_button_set_active (what == PL_SHEET_KPIS ? self->kpis : what == PL_SHEET_CAMPAIGNS ? self->campaigns
                                                                                               : self->budget, TRUE);
  gtk_check_button_set_active (format == PL_SHEET_CSV ? self->csv : self->xlsx, TRUE);
}

gboolean
pl_export_dialog_export (PlExportDialog *self, GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  PlSheetFormat format = chosen_format (self);

  g_return_val_if_fail (PL_IS_EXPORT_DIALOG (self), FALSE);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_result (self, FALSE, _("Pilote can only write spreadsheets to files on this computer. Choose another folder."));
      return FALSE;
    }
  /* The name says the format when it ends in one; otherwise the choice made adds its own. */
  if (!pl_sheet_format_for_path (path, &format, NULL))
    {
      char *named = g_strdup_printf ("%s.%s", path, pl_sheet_format_extension (chosen_format (self)));
      g_free (path);
      path = named;
      /* The file chooser asked about replacing the name typed, not this one: a file of that
       * name is kept, never replaced unasked. */
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *name = g_filename_display_basename (path);
          /* Translators: %s is a file name, "budget.xlsx" */
          text = g_strdup_printf (_("“%s” exists already and was left as it is. To replace it, choose it by its "
                                    "full name; or type another name."), name);
          show_result (self, FALSE, text);
          return FALSE;
        }
    }
  if (!pl_sheet_export (self->plan, chosen_what (self), format, path, &error))
    {
      show_result (self, FALSE, error->message);
      return FALSE;
    }
  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "export-what", pl_sheet_what_key (chosen_what (self)));
      g_settings_set_string (self->settings, "export-format", pl_sheet_format_extension (format));
    }
  shown = g_filename_display_name (path);
  /* Translators: %s is the path of the spreadsheet written */
  text = g_strdup_printf (_("Written to %s"), shown);
  show_result (self, TRUE, text);
  return TRUE;
}

const char *
pl_export_dialog_get_message (PlExportDialog *self)
{
  g_return_val_if_fail (PL_IS_EXPORT_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->result)) ? gtk_label_get_label (self->result) : NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-import-flow"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-import-flow.h"

typedef struct
{
  GtkWindow          *dialog;
  PlImportFlowSetFile set_file;
  GtkLabel           *summary;  /* the dialog's: it destroys the chooser before its widgets go */
} ChooserTarget;

static void
on_chooser_response_cb (GtkNativeDialog *chooser, int response, ChooserTarget *target)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && !target->set_file (target->dialog, file, &error) && error != NULL)
    pl_import_flow_show_problem (target->summary, error->message);
}

void
pl_import_flow_choose (GtkWindow *dialog, GtkFileChooserNative **chooser, const PlImportFlowFiles *files,
                       PlImportFlowSetFile set_file, GtkLabel *summary)
{
  if (*chooser == NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      ChooserTarget *target = g_new0 (ChooserTarget, 1);

      *chooser = gtk_file_chooser_native_new (files->title, dialog, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                              _("_Cancel"));
      gtk_file_filter_set_name (filter, files->filter_name);
      for (const char * const *p = files->mime_types; p != NULL && *p != NULL; p++)
        gtk_file_filter_add_mime_type (filter, *p);
      for (const char * const *p = files->patterns; p != NULL && *p != NULL; p++)
        gtk_file_filter_add_pattern (filter, *p);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (*chooser), filter);
      if (files->all_files)
        {
          g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

          gtk_file_filter_set_name (all, _("All files"));
          gtk_file_filter_add_pattern (all, "*");
          gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (*chooser), all);
        }
      target->dialog = dialog;
      target->set_file = set_file;
      target->summary = summary;
      g_signal_connect_data (*chooser, "response", G_CALLBACK (on_chooser_response_cb), target,
                             (GClosureNotify) (void (*) (void)) g_free, 0);
    }
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (*chooser));
}

void
pl_import_flow_destroy_chooser (GtkFileChooserNative **chooser)
{
  if (*chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*chooser));
  g_clear_object (chooser);
}

void
pl_import_flow_show_file (GtkLabel *file_label, GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  gtk_label_set_label (file_label, name);
  gtk_widget_remove_css_class (GTK_WIDGET (file_label), "dim-label");
}

void
pl_import_flow_show_problem (GtkLabel *summary, const char *message)
{
  gtk_label_set_label (summary, message);
  gtk_widget_add_css_class (GTK_WIDGET (summary), "problem-text");
}

void
pl_import_flow_set_indexes (GtkStringList *rows, guint n)
{
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (indexes, g_strdup_printf ("%u", i));
  g_ptr_array_add (indexes, NULL);
  gtk_string_list_splice (rows, 0, g_list_model_get_n_items (G_LIST_MODEL (rows)), (const char * const *) indexes->pdata);
}

typedef struct
{
  GtkWidget           *dialog;     /* owns the column view, so outlives the factory */
  int                  column;
  gboolean             end;
  PlImportFlowCellText cell_text;
} PreviewColumn;

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, PreviewColumn *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->end ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, PreviewColumn *column)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (gtk_list_item_get_item (item)), NULL, 10);
  g_autofree char *text = column->cell_text (column->dialog, index, column->column, label);

  if (text != NULL)
    gtk_label_set_label (label, text);
}

void
pl_import_flow_add_column (GtkColumnView *view, GtkWidget *dialog, int column, const char *title,
                           PlImportFlowColumnFlags flags, PlImportFlowCellText cell_text)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  PreviewColumn *data = g_new0 (PreviewColumn, 1);

  data->dialog = dialog;
  data->column = column;
  data->end = (flags & PL_IMPORT_FLOW_COLUMN_END) != 0;
  data->cell_text = cell_text;
  g_object_set_data_full (G_OBJECT (factory), "pl-import-flow-column", data, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), data);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, (flags & PL_IMPORT_FLOW_COLUMN_EXPAND) != 0);
  gtk_column_view_column_set_resizable (view_column, (flags & PL_IMPORT_FLOW_COLUMN_RESIZABLE) != 0);
  gtk_column_view_append_column (view, view_column);
}

void
pl_import_flow_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

GtkWidget *
pl_import_flow_add_text_row (GtkListBox *list, const char *text, gboolean problem)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (problem)
    gtk_widget_add_css_class (label, "problem-text");
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_list_box_append (list, label);
  return label;
}

void
pl_import_flow_show_done (GtkWidget *dialog, const char *actions, const char *message, GtkLabel *summary,
                          GtkWidget *options, GtkWidget *cancel_button, GtkButton *import_button)
{
  g_autofree char *choose = g_strconcat (actions, ".choose", NULL);
  g_autofree char *apply = g_strconcat (actions, ".apply", NULL);

  gtk_label_set_label (summary, message);
  gtk_widget_set_sensitive (options, FALSE);
  gtk_widget_set_visible (cancel_button, FALSE);
  gtk_widget_action_set_enabled (dialog, choose, FALSE);
  gtk_widget_action_set_enabled (dialog, apply, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (import_button), "window.close");
  gtk_button_set_label (import_button, _("_Close"));
  gtk_widget_grab_focus (GTK_WIDGET (import_button));
}

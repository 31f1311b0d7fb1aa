/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the import dialogs (KPI measurements, budget sheet, books) do alike: choose the file,
 * show its name, list rows in plain words, say what went wrong, and once imported stay to say
 * what changed. Each dialog keeps its own template and preview; these only do the common part. */

/* The files a dialog's chooser offers; the strings translated. */
typedef struct
{
  const char         *title;        /* of the chooser ("Choose a CSV File") */
  const char         *filter_name;  /* of its filter ("CSV files") */
  const char * const *mime_types;   /* NULL-terminated, or NULL */
  const char * const *patterns;     /* NULL-terminated, or NULL */
  gboolean            all_files;    /* also an "All files" filter */
} PlImportFlowFiles;

/* Reads @file as @dialog's file; FALSE with @error when it cannot be read. */
typedef gboolean (*PlImportFlowSetFile) (GtkWindow *dialog, GFile *file, GError **error);

/* Shows the file chooser of @dialog, made the first time into *@chooser with @files; a file
 * chosen goes to @set_file, and when it cannot be read @summary says why. The dialog destroys
 * *@chooser with pl_import_flow_destroy_chooser() in its dispose. */
void       pl_import_flow_choose          (GtkWindow *dialog, GtkFileChooserNative **chooser,
                                           const PlImportFlowFiles *files, PlImportFlowSetFile set_file,
                                           GtkLabel *summary);
void       pl_import_flow_destroy_chooser (GtkFileChooserNative **chooser);
/* Shows the name of @file in @file_label, no longer dimmed as "no file chosen" is. */
void       pl_import_flow_show_file       (GtkLabel *file_label, GFile *file);
/* Says @message in @summary as a problem (in the problem colour). */
void       pl_import_flow_show_problem    (GtkLabel *summary, const char *message);
/* Makes @rows the indexes "0" to "@n - 1", the items of a preview's column view. */
void       pl_import_flow_set_indexes     (GtkStringList *rows, guint n);
/* How a preview's column shows. */
typedef enum
{
  PL_IMPORT_FLOW_COLUMN_END       = 1 << 0,  /* aligned to the end, as numbers */
  PL_IMPORT_FLOW_COLUMN_EXPAND    = 1 << 1,  /* takes the room left */
  PL_IMPORT_FLOW_COLUMN_RESIZABLE = 1 << 2,
} PlImportFlowColumnFlags;

/* The text of @dialog's preview row @index in @column, or NULL when there is no such row (the
 * cell stays as it is); it may also style @label, the cell. */
typedef char *(*PlImportFlowCellText) (GtkWidget *dialog, guint index, int column, GtkLabel *label);

/* Appends to @view, whose items are pl_import_flow_set_indexes()'s, a column of text titled
 * @title, its cells one line each, filled by @cell_text for @column. */
void       pl_import_flow_add_column      (GtkColumnView *view, GtkWidget *dialog, int column, const char *title,
                                           PlImportFlowColumnFlags flags, PlImportFlowCellText cell_text);
/* Empties @list. */
void       pl_import_flow_clear_list      (GtkListBox *list);
/* Appends a row of @text (wrapped; in the problem colour when @problem) to @list; returns its
 * label. */
GtkWidget *pl_import_flow_add_text_row    (GtkListBox *list, const char *text, gboolean problem);
/* Once imported: @summary says @message, @options can no longer change, and the Import button
 * (@import_button) becomes Close, as Cancel (@cancel_button) goes; @actions is the prefix of
 * @dialog's "choose" and "apply" actions ("import"), both disabled. */
void       pl_import_flow_show_done       (GtkWidget *dialog, const char *actions, const char *message,
                                           GtkLabel *summary, GtkWidget *options, GtkWidget *cancel_button,
                                           GtkButton *import_button);

G_END_DECLS

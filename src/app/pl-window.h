/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-application.h"
#include "pl-document.h"

G_BEGIN_DECLS

#define PL_TYPE_WINDOW (pl_window_get_type ())
G_DECLARE_FINAL_TYPE (PlWindow, pl_window, PL, WINDOW, GtkApplicationWindow)

PlWindow   *pl_window_new          (PlApplication *application);
/* The document shown, or NULL when the window shows its empty state. */
PlDocument *pl_window_get_document (PlWindow *self);
void        pl_window_set_document (PlWindow *self, PlDocument *document);
/* Starts reading @file into this window, in the background with a Cancel button. On failure
 * the errors are shown in the window and whatever it showed stays as it was. */
void        pl_window_open_file    (PlWindow *self, GFile *file);
/* TRUE while a file is being read into this window. */
gboolean    pl_window_is_loading   (PlWindow *self);
/* The file being read into this window, or NULL. */
GFile      *pl_window_get_loading_file (PlWindow *self);
/* Compares the plan's file with the version the window holds, in the background, and offers
 * to reload when another program changed it. */
void        pl_window_check_disk   (PlWindow *self);
/* What the window last found on disk and shows in its bar (PL_DISK_SAME: no bar). */
PlDiskState pl_window_get_disk_state (PlWindow *self);
/* TRUE while a comparison with the file on disk runs. */
gboolean    pl_window_is_checking_disk (PlWindow *self);
/* TRUE while the version on disk is read to be merged with the open plan (win.merge-from-disk). */
gboolean    pl_window_is_merging   (PlWindow *self);
/* What the last merge with the version on disk did, as the disk bar says it ("Merged: 5 changes
 * from the other version, 1 conflict kept yours"), or NULL once saved, dismissed or overtaken. */
const char *pl_window_get_merge_note (PlWindow *self);
/* Opens the .pilote files among @files (a GSList of GFile, as dropped on the window); says
 * so in the banner when there are none. */
gboolean    pl_window_drop_files   (PlWindow *self, GSList *files);
/* Saves the document to @file, which becomes its file (what Save As does once a file is chosen). */
void        pl_window_save_as_file (PlWindow *self, GFile *file);
/* Shows a problem in the window's banner: a title and the details (one per line). */
void        pl_window_show_error   (PlWindow *self, const char *title, const char *details);
/* The banner's text when it is shown, else NULL. */
const char *pl_window_get_error    (PlWindow *self);
/* Closes the window, first asking what to do with unsaved changes; calls @then (with
 * @user_data) once it is closed, never if the user cancels. */
void        pl_window_close_then   (PlWindow *self, GCallback then, gpointer user_data);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with what the user typed and chose; returning FALSE (with @error) keeps the dialog
 * open and shows the message, so the value can be corrected. */
typedef gboolean (*PlAskDone) (gpointer owner, const char *text, guint choice, GError **error);

/* Asks, in a modal dialog over @parent's window, for a value (@initial in an entry, or no
 * entry when NULL) and/or a choice among @choices (NULL-terminated, or NULL for none), then
 * calls @done with @owner when the user accepts with @accept. */
void pl_ask_dialog_present (GtkWidget *parent, const char *title, const char *detail, const char *initial,
                            const char * const *choices, const char *accept, PlAskDone done, gpointer owner);

G_END_DECLS

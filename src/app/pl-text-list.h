/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PL_TYPE_TEXT_LIST (pl_text_list_get_type ())
G_DECLARE_FINAL_TYPE (PlTextList, pl_text_list, PL, TEXT_LIST, GObject)

/* A list model of GtkStringObjects, one per element of an array of structures, holding the
 * text at @offset in each (a char *). Unlike a GtkStringList it copies nothing: an item is
 * made when a list view asks for it, so a list of 100,000 findings costs what is on screen. */
PlTextList *pl_text_list_new       (void);
/* Shows @array (held) in place of what was shown; NULL shows nothing. */
void        pl_text_list_set_array (PlTextList *self, GPtrArray *array, gsize offset);
/* The element at @position, or NULL. */
gpointer    pl_text_list_get_data  (PlTextList *self, guint position);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives @widget the tooltip @text (NULL or "": none), read to a screen reader as its
 * description, as gtk_widget_set_tooltip_text() does, at no cost until the pointer rests on
 * it: GTK 4.8's own setter asks the display server where the pointer is every time it is
 * called (a round trip), which cells refreshed by the hundred cannot afford. */
void pl_tooltip_set (GtkWidget *widget, const char *text);
/* Shows @message (NULL: none) in @widget's tooltip instead of its own, at once: for a value
 * refused, which is rare and which tests read with gtk_widget_get_tooltip_text(). */
void pl_tooltip_set_error (GtkWidget *widget, const char *message);
/* The text given by pl_tooltip_set(), or NULL. */
const char *pl_tooltip_get (GtkWidget *widget);

G_END_DECLS

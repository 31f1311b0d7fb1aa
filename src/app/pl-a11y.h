/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names for screen readers that GTK 4.8 does not give by itself. */

/* Gives @widget the accessible name @label (already translated); for a GtkDropDown or a
 * GtkMenuButton, its inner button too, the one that takes the focus and that a screen reader
 * announces. */
void pl_a11y_label       (GtkWidget *widget, const char *label);
/* Names @widget (and its inner button, as above) by the visible label @label. */
void pl_a11y_labelled_by (GtkWidget *widget, GtkWidget *label);
/* Walks @root and names the inner button of every GtkDropDown and GtkMenuButton after its
 * owner: the label whose mnemonic widget the owner is, or the owner's own accessible label.
 * For templates, where the names are set in the .ui file. */
void pl_a11y_name_inner_buttons (GtkWidget *root);

/* How much larger than the usual 96 dpi the text is (2.0 at 200 % text scaling), to grow the
 * widths that are set in pixels so that text scaled up is not cut. */
double pl_a11y_text_scale (void);
/* TRUE at a text scale of 150 % or more, where pages stack and scroll rather than sit side by side. */
gboolean pl_a11y_large_text (void);
/* Moves the divider of every GtkPaned under @root by the text scale, and grows the least width
 * of the list before it, so that a list beside an editor keeps room for its columns at large
 * text (the page then scrolls sideways in a window narrower than both). */
void   pl_a11y_grow_panes (GtkWidget *root);
/* At large text, puts the parts of every GtkCenterBox under @root (a page's title, switcher
 * and button) one above the other, so that the page's header fits a narrow window. */
void   pl_a11y_stack_headers (GtkWidget *root);
typedef void (*PlA11yLargeTextFunc) (GtkWidget *widget);
/* Calls @func on @widget now when the text is large (pl_a11y_large_text()), or once when it
 * becomes large while @widget lives: for what a page lays out differently at large text.
 * One @func per widget. */
void   pl_a11y_when_large_text (GtkWidget *widget, PlA11yLargeTextFunc func);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the reason when what the user typed in a spin button is refused. */
typedef void (*PlSpinRefused) (GtkSpinButton *spin, const char *message, gpointer user_data);

/* Makes @spin read what the user types by the rules of the grids (pl_number_parse_typed():
 * "1 200,5", "35,5", "1,200" where the locale groups thousands so) instead of GTK's, which
 * stops at the first comma ("1,200,000" read as 1). Text that is not a number, or is out of
 * the spin's range, is refused: the field goes back to its value and @refused is told why. */
void pl_spin_typed_attach (GtkSpinButton *spin, PlSpinRefused refused, gpointer user_data);

G_END_DECLS

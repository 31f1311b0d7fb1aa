/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Takes the user's locale (LANGUAGE, LC_ALL, LANG...) for messages, numbers and dates, and
 * finds Pilote's translations: installed ones, else those of the build tree, so that the
 * programs speak French from the build folder too. Call first thing in main(). */
void pl_i18n_init (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PL_TYPE_PREFERENCES_WINDOW (pl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PlPreferencesWindow, pl_preferences_window, PL, PREFERENCES_WINDOW, GtkWindow)

/* A window editing @settings directly: every change applies at once. */
PlPreferencesWindow *pl_preferences_window_new (GSettings *settings);

G_END_DECLS

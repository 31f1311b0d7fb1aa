/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_APPLICATION (pl_application_get_type ())
G_DECLARE_FINAL_TYPE (PlApplication, pl_application, PL, APPLICATION, GtkApplication)

/* Extra GApplicationFlags a test passes to run beside a running Pilote. */
PlApplication *pl_application_new          (GApplicationFlags extra_flags);
GSettings     *pl_application_get_settings (PlApplication *self);
/* Opens @file in the window that has it, else in an empty window, else in a new one. */
void           pl_application_open_file    (PlApplication *self, GFile *file);
/* Opens a window on @plan, a new plan (no file), in an empty window or a new one. */
GtkWindow     *pl_application_show_plan    (PlApplication *self, PlPlan *plan);
/* Opens a window on a new plan from the default template, or a copy of the example. */
GtkWindow     *pl_application_new_plan     (PlApplication *self, gboolean from_example);

G_END_DECLS

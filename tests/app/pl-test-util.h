/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-application.h"
#include "pl-window.h"

G_BEGIN_DECLS

/* The application the UI tests drive; set by each test program's main(). */
extern PlApplication *pl_test_app;

/* Starts GTest, GTK and pl_test_app, registered and held as a desktop session would keep it. */
void        pl_test_init           (int *argc, char ***argv);
/* Runs the main context until it has nothing pending (many times over). */
void        pl_test_spin           (void);
/* Makes a scratch folder from @pattern ("pilote-ui-XXXXXX"), removed with everything in it when
 * the test program ends; free the path with g_free(). */
char       *pl_test_scratch_dir    (const char *pattern);
/* Runs the main context for @ms milliseconds, then until it has nothing pending: for what
 * waits on a timer (a button activated by Enter shows itself pressed before it is clicked). */
void        pl_test_wait_ms        (guint ms);
/* Lets the display map, size and draw @widget (a few frames). */
void        pl_test_wait_drawn     (GtkWidget *widget);
/* Writes what @widget shows to screenshot-@name.png in the test build folder. */
void        pl_test_screenshot     (GtkWidget *widget, const char *name);
/* Copies the example plan into @dir as plan.pilote; returns the new path. */
char       *pl_test_copy_example   (const char *dir);
/* Copies the plan at @relative (to the source tree) into @dir as @name; returns its path. */
char       *pl_test_copy_plan      (const char *dir, const char *relative, const char *name);
/* Removes @dir, made by a test with g_dir_make_tmp(), and everything under it. */
void        pl_test_remove_dir     (const char *dir);
/* Opens @path in pl_test_app and returns the window showing it, drawn. */
/* Waits until no window is still reading a file (they are read in a worker thread). */
void        pl_test_wait_loaded    (void);
PlWindow   *pl_test_open_in_window (const char *path);
/* The first widget of @type under @root (depth first), or NULL. */
GtkWidget  *pl_test_find_widget    (GtkWidget *root, GType type);
/* A template child by its ID in the .ui file, or NULL. */
GtkWidget  *pl_test_find_by_id     (GtkWidget *root, const char *id);
/* Types @text into the entry @id as a user would, then presses Enter. */
void        pl_test_type_into      (GtkWidget *root, const char *id, const char *text);

/* Drags with the real pointer (xdotool through the X server, so GTK sees the very events a
 * user's mouse makes) from (@x0, @y0) to (@x1, @y1) in @widget's coordinates, in steps. */
void        pl_test_pointer_drag   (GtkWidget *widget, double x0, double y0, double x1, double y1);

/* Runs xdotool with @argv (from "xdotool" on, not NULL-terminated) while GTK handles the
 * events as they come, as it would for a hand on the mouse or the keys. */
void        pl_test_xdotool        (GPtrArray *argv);

/* The first window of @type on screen (a dialog), or NULL. */
GtkWindow  *pl_test_find_window    (GType type);

/* Focuses @widget and presses @keys (xdotool key names separated by spaces, "Down Return")
 * with the real keyboard, through the X server, so GTK sees the very events a user's keys make. */
void        pl_test_keys           (GtkWidget *widget, const char *keys);

/* The message dialog on screen, or NULL. */
GtkWidget  *pl_test_find_message_dialog (void);

G_END_DECLS

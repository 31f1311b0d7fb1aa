/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PL_TYPE_FILE_WATCH (pl_file_watch_get_type ())
G_DECLARE_FINAL_TYPE (PlFileWatch, pl_file_watch, PL, FILE_WATCH, GObject)

/* Watches @file for changes made by other programs. Emits "maybe-changed" once a burst of
 * events has settled: a hint to compare the file's content, never a verdict, since a shared
 * folder on another machine raises no event at all and an event may be our own save. */
PlFileWatch *pl_file_watch_new (GFile *file);

GFile       *pl_file_watch_get_file (PlFileWatch *self);

G_END_DECLS

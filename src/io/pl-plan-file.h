/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pl-plan-reader.h"

G_BEGIN_DECLS

/* Reads the plan in @file under the size cap. @display_name (NULL: the file's name) starts
 * every message. *@etag receives the version read, for pl_plan_save() to detect a change. */
PlPlan   *pl_plan_load (GFile       *file,
                        const char  *display_name,
                        PlReadFlags  flags,
                        char       **etag,
                        GError     **error);

/* Replaces @file with @plan atomically and durably: written to a temporary file in the same
 * folder, flushed to disk, renamed over the original, and the folder flushed. The previous
 * version is kept as "FILE~". When @expected_etag is not NULL and the file changed since,
 * nothing is written and the error is PL_ERROR_CHANGED_ON_DISK. On any failure the original
 * is left as it was. On success marks the plan saved and gives its new etag. */
gboolean  pl_plan_save (PlPlan      *plan,
                        GFile       *file,
                        const char  *expected_etag,
                        char       **new_etag,
                        GError     **error);

G_END_DECLS

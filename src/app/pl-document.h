/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_DOCUMENT (pl_document_get_type ())
G_DECLARE_FINAL_TYPE (PlDocument, pl_document, PL, DOCUMENT, GObject)

/* A plan and the file it lives in: what a window shows and saves. */
PlDocument *pl_document_new          (PlPlan *plan, GFile *file, const char *etag);
/* Reads @file whole; on failure returns NULL and an error listing every problem. */
PlDocument *pl_document_load         (GFile *file, GError **error);

PlPlan     *pl_document_get_plan     (PlDocument *self);
/* The file, or NULL for a plan never saved. */
GFile      *pl_document_get_file     (PlDocument *self);
/* The name to show: the file's display name, or the plan's title when it has no file. */
const char *pl_document_get_title    (PlDocument *self);
gboolean    pl_document_get_modified (PlDocument *self);
/* The version of the file the plan was read from or saved as (for a recovery file to give
 * back to pl_document_new()), or NULL. */
const char *pl_document_get_etag     (PlDocument *self);

/* Saves to @file (NULL: the document's own file). Unless @overwrite, a file changed on disk
 * since it was read fails with PL_ERROR_CHANGED_ON_DISK and is left as it is. On success the
 * document takes @file as its file. */
gboolean    pl_document_save         (PlDocument *self, GFile *file, gboolean overwrite,
                                      GError **error);
/* Reads the document's file again, replacing the plan; on failure nothing changes. */
gboolean    pl_document_reload       (PlDocument *self, GError **error);

G_END_DECLS

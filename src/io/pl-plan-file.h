/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pl-plan-reader.h"

G_BEGIN_DECLS

/* What a file held when it was read or written: its identity and a digest of its content, so
 * that a change made by another program is seen even when it kept the modification time. */
typedef struct {
  gboolean exists;
  guint64  device, inode, size;
  gint64   mtime_usec;
  guint8   digest[32];   /* SHA-256 of the content */
} PlFileStamp;

/* Reads @file's identity and the digest of its content; exists=FALSE when there is no file. */
gboolean  pl_file_stamp_read  (GFile         *file,
                               PlFileStamp   *stamp,
                               GCancellable  *cancellable,
                               GError       **error);
/* TRUE when both stamps describe the same content (size and digest; neither the modification
 * time nor the file's identity decides). */
gboolean  pl_file_stamp_equal (const PlFileStamp *a,
                               const PlFileStamp *b);

/* Reads the plan in @file under the size cap. @display_name (NULL: the file's name) starts
 * every message. @stamp (may be NULL) receives the stamp of the bytes read, for pl_plan_save()
 * to detect a change. Removes what a killed save of this plan left behind. */
PlPlan   *pl_plan_load (GFile        *file,
                        const char   *display_name,
                        PlReadFlags   flags,
                        PlFileStamp  *stamp,
                        GError      **error);

/* As pl_plan_load(), and gives in @bytes (may be NULL) the bytes it read: what a window keeps
 * as the version that a merge of someone else's changes starts from. */
PlPlan   *pl_plan_load_keeping (GFile        *file,
                                const char   *display_name,
                                PlReadFlags   flags,
                                PlFileStamp  *stamp,
                                GBytes      **bytes,
                                GError      **error);

/* Reads the @n_files plans of @files side by side, one thread each, as pl_plan_load() would:
 * what comparing or merging big plans waits for. Returns a new array of the @n_files plans in
 * the order of @files, or NULL with @error from the first file, in that order, that failed. */
GPtrArray *pl_plan_load_several (GFile       **files,
                                 guint         n_files,
                                 PlReadFlags   flags,
                                 GError      **error);

/* Replaces @file with @plan atomically and durably: written and flushed to a temporary file of
 * our own naming in the same folder, then the previous version becomes "FILE~" and the new one
 * is renamed over the original, and the folder flushed. When @expected is not NULL and the file
 * changed since, nothing is written and the error is PL_ERROR_CHANGED_ON_DISK; a read-only file,
 * folder or disk gives PL_ERROR_READ_ONLY. On any failure the file and its backup are left as
 * they were. On success marks the plan saved and gives in @new_stamp (may be NULL) the stamp
 * of the bytes written. */
gboolean  pl_plan_save (PlPlan             *plan,
                        GFile              *file,
                        const PlFileStamp  *expected,
                        PlFileStamp        *new_stamp,
                        GError            **error);
/* As pl_plan_save(), and gives in @written (may be NULL) the bytes written, on success. */
gboolean  pl_plan_save_keeping (PlPlan             *plan,
                                GFile              *file,
                                const PlFileStamp  *expected,
                                PlFileStamp        *new_stamp,
                                GBytes            **written,
                                GError            **error);

G_END_DECLS

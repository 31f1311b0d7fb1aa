/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "pl-plan.h"
#include "pl-plan-file.h"
#include "pl-plan-merge.h"

G_BEGIN_DECLS

#define PL_TYPE_DOCUMENT (pl_document_get_type ())
G_DECLARE_FINAL_TYPE (PlDocument, pl_document, PL, DOCUMENT, GObject)

/* A plan and the file it lives in: what a window shows and saves. @stamp (NULL: none) is
 * what @file held when @plan was read from it. */
PlDocument *pl_document_new          (PlPlan *plan, GFile *file, const PlFileStamp *stamp);
/* Reads @file whole; on failure returns NULL and an error listing every problem. */
PlDocument *pl_document_load         (GFile *file, GError **error);
/* Reads @file in a worker thread, as pl_document_load() does, so that the windows keep
 * working meanwhile; a cancelled load ends with G_IO_ERROR_CANCELLED at once. */
void        pl_document_load_async   (GFile *file, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
PlDocument *pl_document_load_finish  (GAsyncResult *result, GError **error);

PlPlan     *pl_document_get_plan     (PlDocument *self);
/* The file, or NULL for a plan never saved. */
GFile      *pl_document_get_file     (PlDocument *self);
/* The name to show: the file's display name, or the plan's title when it has no file. */
const char *pl_document_get_title    (PlDocument *self);
gboolean    pl_document_get_modified (PlDocument *self);

/* Saves to @file (NULL: the document's own file). Unless @overwrite, a file changed on disk
 * since it was read fails with PL_ERROR_CHANGED_ON_DISK and is left as it is. On success the
 * document takes @file as its file. */
gboolean    pl_document_save         (PlDocument *self, GFile *file, gboolean overwrite,
                                      GError **error);
/* Reads the document's file again, replacing the plan; on failure nothing changes. */
gboolean    pl_document_reload       (PlDocument *self, GError **error);
/* TRUE when the file on disk no longer holds what was last read or saved (changed, replaced
 * or removed), by its content, whatever its modification time says. FALSE with @error set
 * when the file cannot be read, and FALSE for a plan without a file. */
gboolean    pl_document_changed_on_disk (PlDocument *self, GError **error);
/* What the file held when last read or saved; exists is FALSE for a plan never saved. */
const PlFileStamp *pl_document_get_stamp (PlDocument *self);

typedef enum {
  PL_DISK_SAME,     /* the file holds what the document was read from or saved as */
  PL_DISK_CHANGED,  /* another program wrote something else there */
  PL_DISK_GONE,     /* the file was moved or deleted */
} PlDiskState;

/* Compares, in a worker thread, the document's file with the version it was read from or
 * saved as. A check overtaken by a save or a reload answers PL_DISK_SAME. */
void        pl_document_check_disk_async  (PlDocument *self, GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data);
PlDiskState pl_document_check_disk_finish (PlDocument *self, GAsyncResult *result, GError **error);
/* Takes the version the last check found on disk as the one this document replaces: the
 * next save overwrites it without asking (the user chose to keep their own). */
void        pl_document_keep_mine         (PlDocument *self);

/* The bytes of the version the document was read from or last saved as: the BASE that a merge
 * with someone else's changes starts from. NULL when unknown (a plan restored after a crash,
 * a plan never saved). Keep Mine leaves it as it is: the other version was not taken in, so
 * the version both sides started from is still this one. */
GBytes     *pl_document_get_base          (PlDocument *self);
/* TRUE when the document has a file and knows its base, so that a merge can be offered. */
gboolean    pl_document_can_merge         (PlDocument *self);

/* A merge of the file on disk (THEIRS) into the open plan (OURS), waiting for the user's
 * choices among its conflicts before pl_document_apply_merge(). */
typedef struct _PlDiskMerge PlDiskMerge;

/* Reads the file on disk and the document's base in worker threads, side by side, then merges
 * them with the open plan (pl_plan_merge()). Fails with a message in words when the file on
 * disk is gone or is not a plan (any more); the plan is never touched. */
void           pl_document_merge_disk_async  (PlDocument *self, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
PlDiskMerge   *pl_document_merge_disk_finish (PlDocument *self, GAsyncResult *result, GError **error);
void           pl_disk_merge_free            (PlDiskMerge *merge);
/* The merge itself: the merged plan and its conflicts, for pl_merge_result_take_theirs(). */
PlMergeResult *pl_disk_merge_get_result      (PlDiskMerge *merge);
/* TRUE from pl_document_apply_merge() until the merge is saved, undone, or the plan replaced.
 * While Undo has taken the merge back, the document holds the file's version from before the
 * merge again (a save asks before it replaces the other version); Redo makes it TRUE again.
 * Notified as "merged". */
gboolean       pl_document_get_merged        (PlDocument *self);
/* Makes the merge again from the same three versions, every conflict on our side: what going
 * back on a choice of theirs takes, as pl_merge_result_take_theirs() cannot be undone. The
 * result before is freed. */
void           pl_disk_merge_restart         (PlDiskMerge *merge);
/* Makes the plan hold the merge's result as one undoable edit ("Merge Changes from Disk") and
 * takes the version merged as the one the file holds: the plan stays modified, and the next
 * save writes the merge without asking. Returns how many records the merge changed in the open
 * plan. FALSE with @error, and nothing changed, when the plan was edited, saved or reloaded
 * since the merge was made (merge again). */
gboolean       pl_document_apply_merge       (PlDocument *self, PlDiskMerge *merge, guint *n_changed,
                                              GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlDiskMerge, pl_disk_merge_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-document"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-document.h"
#include "pl-error.h"
#include "pl-plan-diff.h"
#include "pl-plan-file.h"

struct _PlDocument
{
  GObject  parent_instance;

  PlPlan  *plan;
  GFile   *file;
  PlFileStamp stamp;  /* what the file held when last read or written */
  /* Those very bytes, the BASE of a merge with someone else's changes (NULL: unknown, as for a
   * plan restored after a crash). Bytes rather than a plan read from them: a big plan read
   * takes several times its file's size, and a merge is rare enough to read them again. */
  GBytes  *base;
  /* The last merge with the version on disk, while Undo and Redo can reach it: its undo step's
   * label (compared by address and text), and the file's version on the other side of it. */
  const char *merge_step;
  gboolean    merge_undone;
  PlFileStamp other_stamp;
  GBytes     *other_base;
  /* Counts saves and reloads: a disk check started before one of them compares old news. */
  guint    disk_generation;
  /* What the last check found on disk, for pl_document_keep_mine(). */
  PlFileStamp seen;
  gboolean    has_seen;
  char    *title;
};

G_DEFINE_FINAL_TYPE (PlDocument, pl_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_FILE,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_MERGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (PlDocument *self)
{
  g_autofree char *title = NULL;

  if (self->file != NULL)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      title = info ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (self->file);
    }
  else
    title = g_strdup (pl_plan_get_title (self->plan) ? pl_plan_get_title (self->plan) : _("Untitled plan"));
  if (g_strcmp0 (title, self->title) == 0)
    return;
  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
on_plan_modified_cb (PlDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
forget_merge (PlDocument *self)
{
  gboolean was_merged = pl_document_get_merged (self);

  self->merge_step = NULL;
  self->merge_undone = FALSE;
  g_clear_pointer (&self->other_base, g_bytes_unref);
  if (was_merged)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MERGED]);
}

/* Exchanges the version the document holds as the file's with the one on the other side of
 * the merge. */
static void
swap_merge_sides (PlDocument *self)
{
  PlFileStamp stamp = self->stamp;
  GBytes *base = self->base;

  self->stamp = self->other_stamp;
  self->base = self->other_base;
  self->other_stamp = stamp;
  self->other_base = base;
  self->merge_undone = !self->merge_undone;
  self->disk_generation++;
  self->has_seen = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MERGED]);
}

static gboolean
is_merge_step (PlDocument *self, const char *label)
{
  return label != NULL && label == self->merge_step && strcmp (label, _("Merge Changes from Disk")) == 0;
}

/* A merge undone leaves the plan without the other version, which the file still holds: the
 * file's version goes back to the one before the merge, so that a save asks again rather than
 * overwrite the other person's work; Redo brings the merge, and its version, back. */
static void
follow_merge (PlDocument *self)
{
  if (self->merge_step == NULL)
    return;
  if (!self->merge_undone && is_merge_step (self, pl_plan_get_redo_label (self->plan)))
    swap_merge_sides (self);
  else if (self->merge_undone && is_merge_step (self, pl_plan_get_undo_label (self->plan)))
    swap_merge_sides (self);
  else if (self->merge_undone && !pl_plan_can_redo (self->plan))
    forget_merge (self);
}

static void
on_plan_changed_cb (PlDocument *self)
{
  /* An untitled plan is called by its title, which the user may just have edited. */
  if (self->file == NULL)
    update_title (self);
  follow_merge (self);
}

static void
set_plan (PlDocument *self, PlPlan *plan)
{
  forget_merge (self);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  g_signal_connect_swapped (plan, "notify::modified", G_CALLBACK (on_plan_modified_cb), self);
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (on_plan_changed_cb), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  update_title (self);
}

static void
pl_document_dispose (GObject *object)
{
  PlDocument *self = PL_DOCUMENT (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_pointer (&self->base, g_bytes_unref);
  g_clear_pointer (&self->other_base, g_bytes_unref);
  G_OBJECT_CLASS (pl_document_parent_class)->dispose (object);
}

static void
pl_document_finalize (GObject *object)
{
  PlDocument *self = PL_DOCUMENT (object);

  g_free (self->title);
  G_OBJECT_CLASS (pl_document_parent_class)->finalize (object);
}

static void
pl_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PlDocument *self = PL_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, pl_document_get_modified (self));
      break;
    case PROP_MERGED:
      g_value_set_boolean (value, pl_document_get_merged (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_document_class_init (PlDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_document_dispose;
  object_class->finalize = pl_document_finalize;
  object_class->get_property = pl_document_get_property;

  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, PL_TYPE_PLAN,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MERGED] = g_param_spec_boolean ("merged", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pl_document_init (PlDocument *self)
{
}

PlDocument *
pl_document_new (PlPlan *plan, GFile *file, const PlFileStamp *stamp)
{
  PlDocument *self = g_object_new (PL_TYPE_DOCUMENT, NULL);

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  g_set_object (&self->file, file);
  if (stamp != NULL)
    self->stamp = *stamp;
  set_plan (self, plan);
  return self;
}

PlDocument *
pl_document_load (GFile *file, GError **error)
{
  PlFileStamp stamp;
  GBytes *bytes = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load_keeping (file, NULL, PL_READ_DEFAULT, &stamp, &bytes, error);
  PlDocument *self;

  if (plan == NULL)
    return NULL;
  self = pl_document_new (plan, file, &stamp);
  self->base = bytes;
  return self;
}

PlPlan *
pl_document_get_plan (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return self->plan;
}

GFile *
pl_document_get_file (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
pl_document_get_title (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return self->title;
}

gboolean
pl_document_get_modified (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  return self->plan != NULL && pl_plan_get_modified (self->plan);
}

gboolean
pl_document_save (PlDocument *self, GFile *file, gboolean overwrite, GError **error)
{
  PlFileStamp stamp;
  GBytes *written = NULL;
  gboolean same_file;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  if (file == NULL)
    file = self->file;
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  same_file = self->file != NULL && g_file_equal (file, self->file);
  if (!pl_plan_save_keeping (self->plan, file, same_file && !overwrite ? &self->stamp : NULL, &stamp,
                             &written, error))
    return FALSE;
  self->stamp = stamp;
  g_clear_pointer (&self->base, g_bytes_unref);
  self->base = written;
  forget_merge (self);
  self->disk_generation++;
  self->has_seen = FALSE;
  if (!same_file)
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      update_title (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  return TRUE;
}

gboolean
pl_document_reload (PlDocument *self, GError **error)
{
  PlFileStamp stamp;
  GBytes *bytes = NULL;
  g_autoptr(PlPlan) plan = NULL;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);
  plan = pl_plan_load_keeping (self->file, NULL, PL_READ_DEFAULT, &stamp, &bytes, error);
  if (plan == NULL)
    return FALSE;
  self->stamp = stamp;
  g_clear_pointer (&self->base, g_bytes_unref);
  self->base = bytes;
  self->disk_generation++;
  self->has_seen = FALSE;
  set_plan (self, plan);
  return TRUE;
}

gboolean
pl_document_changed_on_disk (PlDocument *self, GError **error)
{
  PlFileStamp current;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  if (self->file == NULL || !pl_file_stamp_read (self->file, &current, NULL, error))
    return FALSE;
  return !pl_file_stamp_equal (&current, &self->stamp);
}

const PlFileStamp *
pl_document_get_stamp (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return &self->stamp;
}

gboolean
pl_document_get_merged (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  return self->merge_step != NULL && !self->merge_undone;
}

GBytes *
pl_document_get_base (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return self->base;
}

gboolean
pl_document_can_merge (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  return self->file != NULL && self->base != NULL;
}

static void
load_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  PlDocument *document = pl_document_load (task_data, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
pl_document_load_async (GFile *file, GCancellable *cancellable, GAsyncReadyCallback callback,
                        gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (G_IS_FILE (file));
  g_task_set_source_tag (task, pl_document_load_async);
  /* A cancelled load answers at once; the reading itself runs to its end and is dropped. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

PlDocument *
pl_document_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  GFile       *file;
  guint        generation;
  PlFileStamp  found;
} DiskCheck;

static void
disk_check_free (gpointer data)
{
  DiskCheck *check = data;

  g_object_unref (check->file);
  g_free (check);
}

static void
check_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  DiskCheck *check = task_data;
  GError *error = NULL;

  /* The content is read whole (a digest), which takes a moment for a big plan: never on the
   * window's thread. */
  if (pl_file_stamp_read (check->file, &check->found, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pl_document_check_disk_async (PlDocument *self, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  DiskCheck *check;

  g_return_if_fail (PL_IS_DOCUMENT (self));
  g_task_set_source_tag (task, pl_document_check_disk_async);
  if (self->file == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  check = g_new0 (DiskCheck, 1);
  check->file = g_object_ref (self->file);
  check->generation = self->disk_generation;
  g_task_set_task_data (task, check, disk_check_free);
  g_task_run_in_thread (task, check_in_thread);
}

PlDiskState
pl_document_check_disk_finish (PlDocument *self, GAsyncResult *result, GError **error)
{
  DiskCheck *check;

  g_return_val_if_fail (g_task_is_valid (result, self), PL_DISK_SAME);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return PL_DISK_SAME;
  check = g_task_get_task_data (G_TASK (result));
  /* Saved or reloaded meanwhile, or another file now: what the check read is out of date. */
  if (check == NULL || check->generation != self->disk_generation || self->file == NULL ||
      !g_file_equal (check->file, self->file))
    return PL_DISK_SAME;
  if (!check->found.exists)
    return PL_DISK_GONE;
  if (pl_file_stamp_equal (&check->found, &self->stamp))
    return PL_DISK_SAME;
  self->seen = check->found;
  self->has_seen = TRUE;
  return PL_DISK_CHANGED;
}

void
pl_document_keep_mine (PlDocument *self)
{
  g_return_if_fail (PL_IS_DOCUMENT (self));
  if (!self->has_seen)
    return;
  /* Undo and Redo of a merge no longer change which version the save replaces. */
  forget_merge (self);
  self->stamp = self->seen;
  self->has_seen = FALSE;
}

/* ---- merging the version on disk ---- */

struct _PlDiskMerge
{
  PlMergeResult *result;
  GFile         *file;
  GBytes        *theirs_bytes;  /* what the file held when read: the next base */
  PlFileStamp    theirs_stamp;
  guint          generation;    /* the document's disk generation when the merge was made */
  guint64        serial;        /* the plan's serial then: an edit since makes it stale */
};

void
pl_disk_merge_free (PlDiskMerge *merge)
{
  if (merge == NULL)
    return;
  g_clear_pointer (&merge->result, pl_merge_result_free);
  g_clear_object (&merge->file);
  g_clear_pointer (&merge->theirs_bytes, g_bytes_unref);
  g_free (merge);
}

PlMergeResult *
pl_disk_merge_get_result (PlDiskMerge *merge)
{
  g_return_val_if_fail (merge != NULL, NULL);
  return merge->result;
}

void
pl_disk_merge_restart (PlDiskMerge *merge)
{
  PlMergeResult *before;

  g_return_if_fail (merge != NULL);
  before = merge->result;
  merge->result = pl_plan_merge (before->base, before->ours, before->theirs);
  pl_merge_result_free (before);
}

/* What the worker threads read. */
typedef struct
{
  GFile       *file;
  GBytes      *base_bytes;
  char        *base_name;  /* what the base's messages are headed with */
  guint        generation;
  PlPlan      *base;
  GError      *base_error;
  PlPlan      *theirs;
  GBytes      *theirs_bytes;
  PlFileStamp  theirs_stamp;
} MergeRead;

static void
merge_read_free (gpointer data)
{
  MergeRead *read = data;

  g_object_unref (read->file);
  g_bytes_unref (read->base_bytes);
  g_free (read->base_name);
  g_clear_object (&read->base);
  g_clear_error (&read->base_error);
  g_clear_object (&read->theirs);
  g_clear_pointer (&read->theirs_bytes, g_bytes_unref);
  g_free (read);
}

static gpointer
read_base_in_thread (gpointer data)
{
  MergeRead *read = data;
  gsize size;
  const char *bytes = g_bytes_get_data (read->base_bytes, &size);

  read->base = pl_plan_read_bytes (bytes, size, read->base_name, PL_READ_DEFAULT, &read->base_error);
  return NULL;
}

static void
merge_read_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  MergeRead *read = task_data;
  GError *error = NULL;
  /* Both are read side by side: for a big plan, each read is most of the wait. */
  GThread *base_thread = g_thread_new ("pl-merge-base", read_base_in_thread, read);

  read->theirs = pl_plan_load_keeping (read->file, NULL, PL_READ_DEFAULT, &read->theirs_stamp,
                                       &read->theirs_bytes, &error);
  g_thread_join (base_thread);
  if (read->theirs == NULL)
    g_task_return_error (task, error);
  else if (read->base == NULL)
    g_task_return_new_error (task, PL_ERROR, PL_ERROR_FILE,
                             _("The version this plan was opened from cannot be read again: %s"),
                             read->base_error->message);
  else
    g_task_return_boolean (task, TRUE);
}

void
pl_document_merge_disk_async (PlDocument *self, GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  MergeRead *read;

  g_return_if_fail (PL_IS_DOCUMENT (self));
  g_task_set_source_tag (task, pl_document_merge_disk_async);
  if (!pl_document_can_merge (self))
    {
      g_task_return_new_error (task, PL_ERROR, PL_ERROR_FILE,
                               _("The version this plan was opened from is not known, so the other "
                                 "version cannot be merged. Save yours under another name instead."));
      return;
    }
  read = g_new0 (MergeRead, 1);
  read->file = g_object_ref (self->file);
  read->base_bytes = g_bytes_ref (self->base);
  read->base_name = g_strdup (self->title);
  read->generation = self->disk_generation;
  g_task_set_task_data (task, read, merge_read_free);
  /* A cancelled merge answers at once; the reading runs to its end and is dropped. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, merge_read_in_thread);
}

/* TRUE when what was read for a merge still applies: the same file, neither saved nor
 * reloaded since. */
static gboolean
still_current (PlDocument *self, GFile *file, guint generation, GError **error)
{
  if (generation == self->disk_generation && self->file != NULL && g_file_equal (file, self->file))
    return TRUE;
  g_set_error (error, PL_ERROR, PL_ERROR_CHANGED_ON_DISK,
               _("The plan was saved or read again while the other version was being merged. "
                 "Nothing was merged; merge again if the file still differs."));
  return FALSE;
}

PlDiskMerge *
pl_document_merge_disk_finish (PlDocument *self, GAsyncResult *result, GError **error)
{
  MergeRead *read;
  PlDiskMerge *merge;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  read = g_task_get_task_data (G_TASK (result));
  if (!still_current (self, read->file, read->generation, error))
    return NULL;
  merge = g_new0 (PlDiskMerge, 1);
  /* On the window's thread: OURS is the open plan, which only this thread may touch. */
  merge->result = pl_plan_merge (read->base, self->plan, read->theirs);
  merge->file = g_object_ref (read->file);
  merge->theirs_bytes = g_steal_pointer (&read->theirs_bytes);
  merge->theirs_stamp = read->theirs_stamp;
  merge->generation = read->generation;
  merge->serial = pl_plan_get_serial (self->plan);
  return merge;
}

gboolean
pl_document_apply_merge (PlDocument *self, PlDiskMerge *merge, guint *n_changed, GError **error)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (merge != NULL, FALSE);
  if (!still_current (self, merge->file, merge->generation, error))
    return FALSE;
  if (merge->serial != pl_plan_get_serial (self->plan))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_CHANGED_ON_DISK,
                   _("The plan was edited while the other version was being merged. Nothing was "
                     "merged; merge again."));
      return FALSE;
    }
  if (n_changed != NULL)
    {
      /* Counted as the Compare panel and `pilote-cli diff` count them. */
      g_autoptr(PlPlanDiff) diff = pl_plan_diff (self->plan, merge->result->plan);

      *n_changed = diff->n_added + diff->n_removed + diff->n_changed;
    }
  forget_merge (self);
  pl_plan_update_to (self->plan, merge->result->plan, _("Merge Changes from Disk"));
  /* The file holds their version, which the open plan now includes: it is the base of the
   * next merge, and the next save replaces it without asking. The version before is kept for
   * as long as Undo can take the merge back. */
  if (g_strcmp0 (pl_plan_get_undo_label (self->plan), _("Merge Changes from Disk")) == 0)
    {
      self->merge_step = pl_plan_get_undo_label (self->plan);
      self->other_stamp = self->stamp;
      self->other_base = g_steal_pointer (&self->base);
    }
  g_clear_pointer (&self->base, g_bytes_unref);
  self->base = g_bytes_ref (merge->theirs_bytes);
  self->stamp = merge->theirs_stamp;
  self->disk_generation++;
  self->has_seen = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (self->merge_step != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MERGED]);
  return TRUE;
}

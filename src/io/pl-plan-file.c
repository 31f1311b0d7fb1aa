/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-plan-file"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pl-error.h"
#include "pl-plan-file.h"
#include "pl-plan-writer.h"

/* A save writes the new version to ".NAME.pilote-HOST-PID-XXXXXX" beside the plan, where HOST
 * is a hash of the machine's name and PID the saving process: the name says which plan the
 * file belongs to and who writes it, so that what a killed save left is recognised as ours. */
#define TEMP_INFIX        ".pilote-"
#define TEMP_RANDOM_CHARS 6
/* Longer plan names are cut in the temporary name, which must stay under 255 bytes. */
#define TEMP_NAME_MAX     200
/* A temporary file whose process is gone is stale at once; one written from another machine
 * (whose processes we cannot see) only once nobody has written to it for this long: a save
 * writes without pause and renames its file as soon as it is flushed. */
#define TEMP_STALE_USEC   (10 * 60 * G_USEC_PER_SEC)

#define STAMP_ATTRIBUTES  G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
                          G_FILE_ATTRIBUTE_UNIX_DEVICE "," G_FILE_ATTRIBUTE_UNIX_INODE ","        \
                          G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC

static char *
name_of (GFile *file, const char *display_name)
{
  return display_name ? g_strdup (display_name) : g_file_get_basename (file);
}

/* ---- stamps ---- */

/* The identity part of a stamp, from the file's information (the same source for a file read
 * and a file written, so that the two compare). */
static void
stamp_set_identity (PlFileStamp *stamp, GFileInfo *info)
{
  stamp->exists = TRUE;
  stamp->device = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE);
  stamp->inode = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE);
  stamp->mtime_usec = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
                      + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
}

static void
stamp_set_digest (PlFileStamp *stamp, GChecksum *checksum, guint64 size)
{
  gsize length = sizeof stamp->digest;

  g_checksum_get_digest (checksum, stamp->digest, &length);
  g_assert (length == sizeof stamp->digest);
  stamp->size = size;
}

static void
stamp_of_bytes (PlFileStamp *stamp, GFileInfo *info, const void *data, gsize size)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  memset (stamp, 0, sizeof *stamp);
  stamp_set_identity (stamp, info);
  g_checksum_update (checksum, data, (gssize) size);
  stamp_set_digest (stamp, checksum, size);
}

gboolean
pl_file_stamp_read (GFile *file, PlFileStamp *stamp, GCancellable *cancellable, GError **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = NULL;
  guint64 size = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (stamp != NULL, FALSE);
  memset (stamp, 0, sizeof *stamp);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, STAMP_ATTRIBUTES, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("%s: The file cannot be checked: %s"),
                   name, local_error->message);
      return FALSE;
    }
  stamp_set_identity (stamp, info);
  buffer = g_malloc (256 * 1024);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 256 * 1024, cancellable, &local_error);

      if (n < 0)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("%s: The file cannot be checked: %s"),
                       name, local_error->message);
          return FALSE;
        }
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
      size += (guint64) n;
    }
  stamp_set_digest (stamp, checksum, size);
  return TRUE;
}

gboolean
pl_file_stamp_equal (const PlFileStamp *a, const PlFileStamp *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  if (!a->exists || !b->exists)
    return a->exists == b->exists;
  /* The content decides: a program that wrote the same bytes again (a sync client, a copy
   * over the file) changed nothing a reload would show, and nothing a save would lose. */
  return a->size == b->size && memcmp (a->digest, b->digest, sizeof a->digest) == 0;
}

/* ---- our temporary files ---- */

static guint32
host_tag (void)
{
  return g_str_hash (g_get_host_name ());
}

/* "FOLDER/.NAME.pilote-": the start of every temporary file for the plan at @path. */
static char *
temp_prefix (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *leaf = NULL;

  if (strlen (base) > TEMP_NAME_MAX)
    base[TEMP_NAME_MAX] = '\0';
  leaf = g_strconcat (".", base, TEMP_INFIX, NULL);
  return g_build_filename (folder, leaf, NULL);
}

/* A fresh temporary name for the plan at @path; the caller creates it exclusively. */
static char *
temp_name (const char *path)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  g_autofree char *prefix = temp_prefix (path);
  char random[TEMP_RANDOM_CHARS + 1];

  for (int i = 0; i < TEMP_RANDOM_CHARS; i++)
    random[i] = letters[g_random_int_range (0, sizeof letters - 1)];
  random[TEMP_RANDOM_CHARS] = '\0';
  return g_strdup_printf ("%s%08x-%d-%s", prefix, host_tag (), (int) getpid (), random);
}

/* Reads "HOST-PID-XXXXXX" (what follows the prefix); FALSE when the name is not one of ours. */
static gboolean
parse_temp_suffix (const char *suffix, guint32 *host, gint64 *pid)
{
  char *end;
  guint64 value;

  if (!g_ascii_isxdigit (suffix[0]))
    return FALSE;
  value = g_ascii_strtoull (suffix, &end, 16);
  if (end - suffix != 8 || *end != '-')
    return FALSE;
  *host = (guint32) value;
  suffix = end + 1;
  if (!g_ascii_isdigit (suffix[0]))
    return FALSE;
  value = g_ascii_strtoull (suffix, &end, 10);
  if (*end != '-' || value == 0 || value > G_MAXINT)
    return FALSE;
  *pid = (gint64) value;
  suffix = end + 1;
  for (int i = 0; i < TEMP_RANDOM_CHARS; i++)
    if (!g_ascii_isalnum (suffix[i]))
      return FALSE;
  return suffix[TEMP_RANDOM_CHARS] == '\0';
}

static gboolean
is_stale_temp (const char *path, guint32 host, gint64 pid)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  if (host == host_tag () && kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
    return TRUE;
  return g_get_real_time () - (gint64) st.st_mtime * G_USEC_PER_SEC > TEMP_STALE_USEC;
}

/* Removes the temporary files a killed save of the plan at @path left behind (only ours, only
 * that plan's, only those whose save is over); failures are ignored: the next try cleans up. */
static void
remove_stale_temps (const char *path)
{
  g_autofree char *prefix = temp_prefix (path);
  g_autofree char *folder = g_path_get_dirname (prefix);
  g_autofree char *leaf_prefix = g_path_get_basename (prefix);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *leaf;

  if (dir == NULL)
    return;
  while ((leaf = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *temp = NULL;
      guint32 host;
      gint64 pid;

      if (!g_str_has_prefix (leaf, leaf_prefix) || !parse_temp_suffix (leaf + strlen (leaf_prefix), &host, &pid))
        continue;
      temp = g_build_filename (folder, leaf, NULL);
      if (is_stale_temp (temp, host, pid) && g_unlink (temp) == 0)
        g_debug ("removed %s, left by a save that did not finish", temp);
    }
}

/* The plan's real path: saving through a link replaces the file it points to, not the link.
 * NULL when @file is not a local file. */
static char *
real_path_of (GFile *file)
{
  g_autofree char *given = g_file_get_path (file);
  char *resolved;
  char *copy;

  if (given == NULL)
    return NULL;
  resolved = realpath (given, NULL);
  if (resolved == NULL)
    return g_steal_pointer (&given);
  copy = g_strdup (resolved);
  free (resolved);
  return copy;
}

/* ---- loading ---- */

PlPlan *
pl_plan_load (GFile *file, const char *display_name, PlReadFlags flags, PlFileStamp *stamp,
              GError **error)
{
  return pl_plan_load_keeping (file, display_name, flags, stamp, NULL, error);
}

PlPlan *
pl_plan_load_keeping (GFile *file, const char *display_name, PlReadFlags flags, PlFileStamp *stamp,
                      GBytes **bytes, GError **error)
{
  g_autofree char *name = name_of (file, display_name);
  g_autofree char *path = real_path_of (file);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  goffset size;
  gsize read = 0;

  if (path != NULL)
    remove_stale_temps (path);
  /* Opening a pipe waits for a writer that may never come, and a device may never end:
   * only an ordinary file (or what a link leads to) is opened. */
  {
    g_autoptr(GFileInfo) type = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                                                   NULL, NULL);

    if (type != NULL && g_file_info_get_file_type (type) == G_FILE_TYPE_SPECIAL)
      {
        g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                     _("%s: This is not an ordinary file (a pipe or a device), so it cannot be a plan."), name);
        return NULL;
      }
  }
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("%s: This is a folder, not a plan file."), name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("%s: There is no such file."), name);
      else
        g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("%s: The file cannot be opened: %s"),
                     name, local_error->message);
      return NULL;
    }
  info = g_file_input_stream_query_info (stream, STAMP_ATTRIBUTES, NULL, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("%s: This is a folder, not a plan file."), name);
      return NULL;
    }
  size = info ? g_file_info_get_size (info) : 0;
  if (size < 0 || (guint64) size > PL_PLAN_MAX_FILE_SIZE)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("%s: The file is too large to be a plan."), name);
      return NULL;
    }
  /* The size may be wrong (a pipe, a file growing): read at most the cap plus one byte. */
  {
    gsize capacity = size > 0 ? (gsize) size + 1 : 64 * 1024;
    data = g_malloc (capacity);
    for (;;)
      {
        gssize n = g_input_stream_read (G_INPUT_STREAM (stream), data + read, capacity - read,
                                        NULL, &local_error);
        if (n < 0)
          {
            g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("%s: The file cannot be read: %s"),
                         name, local_error->message);
            return NULL;
          }
        if (n == 0)
          break;
        read += (gsize) n;
        if (read > PL_PLAN_MAX_FILE_SIZE)
          {
            g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("%s: The file is too large to be a plan."), name);
            return NULL;
          }
        if (read == capacity)
          {
            capacity = MIN (capacity * 2, PL_PLAN_MAX_FILE_SIZE + 1);
            data = g_realloc (data, capacity);
          }
      }
  }
  {
    PlPlan *plan = pl_plan_read_bytes (data, read, name, flags, error);

    /* The stamp of the bytes parsed, not of the file as it is now: a change made while we
     * read is then seen at the next check. */
    if (plan != NULL && stamp != NULL)
      {
        g_autoptr(GFileInfo) none = g_file_info_new ();
        stamp_of_bytes (stamp, info ? info : none, data, read);
      }
    if (plan != NULL && bytes != NULL)
      {
        /* Kept as long as the plan is open: not the spare room the reading left. */
        data = g_realloc (data, MAX (read, 1));
        *bytes = g_bytes_new_take (g_steal_pointer (&data), read);
      }
    return plan;
  }
}

/* ---- saving ---- */

typedef enum {
  STEP_WRITE,   /* writing the new version to its temporary file */
  STEP_BACKUP,  /* keeping the previous version as FILE~ */
  STEP_REPLACE, /* renaming the new version over the file */
} SaveStep;

/* Says in plain words why a save of @path failed with @errsv, naming the file (@name). */
static void
set_save_error (GError **error, const char *name, const char *path, SaveStep step, int errsv)
{
  g_autofree char *folder_path = g_path_get_dirname (path);
  g_autofree char *folder = g_filename_display_name (folder_path);

  switch (errsv)
    {
    case EACCES:
    case EPERM:
      g_set_error (error, PL_ERROR, PL_ERROR_READ_ONLY,
                   _("%s: The plan was not saved, because the folder “%s” is read-only (permission denied). "
                     "Save it in another folder."), name, folder);
      return;
    case EROFS:
      g_set_error (error, PL_ERROR, PL_ERROR_READ_ONLY,
                   _("%s: The plan was not saved, because the disk that holds the folder “%s” is read-only. "
                     "Save it on another disk."), name, folder);
      return;
    case ENOSPC:
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("%s: The plan was not saved, because the disk is full. Free some space or save it on "
                     "another disk; the file on disk was left as it was."), name);
      return;
    case EDQUOT:
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("%s: The plan was not saved, because you have used all the space you are allowed on this "
                     "disk. Free some space or save it on another disk; the file on disk was left as it was."), name);
      return;
    case EFBIG:
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("%s: The plan was not saved, because it is larger than this disk or your account allows. "
                     "Save it on another disk; the file on disk was left as it was."), name);
      return;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("%s: The plan was not saved, because the folder “%s” no longer exists. "
                     "Save it in another folder."), name, folder);
      return;
    default:
      if (step == STEP_BACKUP)
        g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                     _("%s: The plan was not saved, because the backup copy could not be written: %s"),
                     name, g_strerror (errsv));
      else
        g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("%s: The plan was not saved: %s"),
                     name, g_strerror (errsv));
    }
}

static gboolean
write_all (int fd, const guint8 *data, gsize size)
{
  while (size > 0)
    {
      gssize n = write (fd, data, MIN (size, (gsize) G_MAXINT32));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      size -= (gsize) n;
    }
  return TRUE;
}

/* Creates a temporary file of ours for the plan at @path, with @mode; -1 and errno on failure. */
static int
create_temp (const char *path, int mode, char **temp_path)
{
  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *candidate = temp_name (path);
      int fd = g_open (candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);

      if (fd >= 0)
        {
          *temp_path = g_steal_pointer (&candidate);
          return fd;
        }
      if (errno != EEXIST)
        return -1;
    }
  return -1;
}

/* Writes @bytes durably to a new temporary file beside @path, with the original's owner and
 * mode when @original is not NULL; its stamp goes to @stamp when not NULL. FALSE with errno on
 * failure, and no file left. */
static gboolean
write_temp (const char *path, GBytes *bytes, const GStatBuf *original, char **temp_path, PlFileStamp *stamp)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  int fd = create_temp (path, 0666, temp_path);
  int errsv;

  if (fd < 0)
    return FALSE;
  if (original != NULL)
    {
      /* Root saving someone's plan gives it back to them; failing that, the file is ours. */
      if ((original->st_uid != geteuid () || original->st_gid != getegid ()) &&
          fchown (fd, original->st_uid, original->st_gid) != 0)
        g_debug ("%s: the owner could not be kept: %s", path, g_strerror (errno));
      fchmod (fd, original->st_mode & 07777);
    }
  if (write_all (fd, data, size) && fsync (fd) == 0)
    {
      g_autoptr(GFile) temp = g_file_new_for_path (*temp_path);
      g_autoptr(GFileInfo) info = NULL;

      close (fd);
      if (stamp == NULL)
        return TRUE;
      /* The identity of the file written: a rename keeps it. */
      info = g_file_query_info (temp, STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      if (info != NULL)
        {
          stamp_of_bytes (stamp, info, data, size);
          return TRUE;
        }
      errsv = EIO;
    }
  else
    {
      errsv = errno;
      close (fd);
    }
  g_unlink (*temp_path);
  g_clear_pointer (temp_path, g_free);
  errno = errsv;
  return FALSE;
}

/* Makes a second name of ours for the current version of @path, which becomes the backup once
 * the new version has replaced it; a file system without hard links gets a copy. FALSE with
 * errno on failure, and no file left. */
static gboolean
link_backup (const char *path, const GStatBuf *original, char **temp_path)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GMappedFile) mapped = NULL;

  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *candidate = temp_name (path);

      if (link (path, candidate) == 0)
        {
          *temp_path = g_steal_pointer (&candidate);
          return TRUE;
        }
      if (errno != EEXIST)
        break;
    }
  if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != EMLINK && errno != ENOSYS)
    return FALSE;
  mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped == NULL)
    {
      errno = EIO;
      return FALSE;
    }
  contents = g_mapped_file_get_bytes (mapped);
  return write_temp (path, contents, original, temp_path, NULL);
}

/* Flushes the folder's entries for the renamed files, so that the new names survive a crash. */
static void
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Why the file at @path, whose status is @st, must not be replaced: EROFS on a read-only
 * disk, EACCES when we may not write it or nobody may (root included: its owner made it
 * read-only); 0 when it may be replaced. */
static int
read_only_reason (const char *path, const GStatBuf *st)
{
  if (g_access (path, W_OK) != 0)
    return errno == EROFS ? EROFS : EACCES;
  return (st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ? EACCES : 0;
}

typedef struct {
  GFile       *file;
  PlReadFlags  flags;
  PlPlan      *plan;
  GError      *error;
} LoadJob;

static gpointer
load_job_run (gpointer data)
{
  LoadJob *job = data;

  job->plan = pl_plan_load (job->file, NULL, job->flags, NULL, &job->error);
  return NULL;
}

GPtrArray *
pl_plan_load_several (GFile **files, guint n_files, PlReadFlags flags, GError **error)
{
  g_autofree LoadJob *jobs = g_new0 (LoadJob, n_files);
  g_autofree GThread **threads = g_new0 (GThread *, n_files);
  GPtrArray *plans = g_ptr_array_new_full (n_files, g_object_unref);
  GError *first = NULL;

  /* GLib 2.74 makes the C locale behind g_ascii_strtoull() on first use, in a g_once whose
   * waiters come back with errno EAGAIN: a reader thread then took "version 1.0" for a bad
   * number now and then (see pl_plan_read_bytes()). Made before the threads exist. */
  (void) g_ascii_strtoull ("0", NULL, 10);
  /* The last file is read on this thread: one thread fewer to start and wait for. */
  for (guint i = 0; i < n_files; i++)
    {
      jobs[i] = (LoadJob) { files[i], flags, NULL, NULL };
      if (i + 1 < n_files)
        threads[i] = g_thread_new ("pilote-load", load_job_run, &jobs[i]);
      else
        load_job_run (&jobs[i]);
    }
  for (guint i = 0; i < n_files; i++)
    {
      if (threads[i] != NULL)
        g_thread_join (threads[i]);
      if (jobs[i].error != NULL && first == NULL)
        first = g_steal_pointer (&jobs[i].error);
      g_clear_error (&jobs[i].error);
      if (jobs[i].plan != NULL)
        g_ptr_array_add (plans, jobs[i].plan);
    }
  if (first != NULL)
    {
      g_propagate_error (error, first);
      g_ptr_array_unref (plans);
      return NULL;
    }
  return plans;
}

gboolean
pl_plan_save (PlPlan *plan, GFile *file, const PlFileStamp *expected, PlFileStamp *new_stamp,
              GError **error)
{
  return pl_plan_save_keeping (plan, file, expected, new_stamp, NULL, error);
}

gboolean
pl_plan_save_keeping (PlPlan *plan, GFile *file, const PlFileStamp *expected, PlFileStamp *new_stamp,
                      GBytes **written_bytes, GError **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *path = real_path_of (file);
  g_autofree char *temp_path = NULL;
  g_autofree char *backup_temp = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PlFileStamp written;
  GStatBuf st;
  gboolean exists;
  int read_only;

  g_return_val_if_fail (PL_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  if (path == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("%s: Plans can only be saved in local folders."), name);
      return FALSE;
    }
  remove_stale_temps (path);
  exists = g_stat (path, &st) == 0;
  if (!exists && errno != ENOENT && errno != ENOTDIR)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("%s: The file cannot be checked: %s"),
                   name, g_strerror (errno));
      return FALSE;
    }
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("%s: This is not an ordinary file; choose another name to save the plan."), name);
      return FALSE;
    }
  /* A file removed since it was read has nothing left to lose: saving makes it again. */
  if (expected != NULL && exists)
    {
      g_autoptr(GFile) target = g_file_new_for_path (path);
      PlFileStamp current;

      if (!pl_file_stamp_read (target, &current, NULL, error))
        return FALSE;
      if (!pl_file_stamp_equal (&current, expected))
        {
          g_set_error (error, PL_ERROR, PL_ERROR_CHANGED_ON_DISK,
                       _("%s: The file was changed by another program since it was opened."), name);
          return FALSE;
        }
    }
  read_only = exists ? read_only_reason (path, &st) : 0;
  if (read_only == EROFS)
    {
      set_save_error (error, name, path, STEP_WRITE, EROFS);
      return FALSE;
    }
  if (read_only != 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_READ_ONLY,
                   _("%s: The file is read-only, so the plan was not saved over it. "
                     "Save it under another name."), name);
      return FALSE;
    }

  /* Nothing is touched until the new version is safely on disk under its temporary name. */
  bytes = pl_plan_write_bytes (plan);
  if (!write_temp (path, bytes, exists ? &st : NULL, &temp_path, new_stamp ? &written : NULL))
    {
      set_save_error (error, name, path, STEP_WRITE, errno);
      return FALSE;
    }
  if (exists && !link_backup (path, &st, &backup_temp))
    {
      int errsv = errno;

      g_unlink (temp_path);
      set_save_error (error, name, path, STEP_BACKUP, errsv);
      return FALSE;
    }
  if (g_rename (temp_path, path) != 0)
    {
      int errsv = errno;

      g_unlink (temp_path);
      if (backup_temp != NULL)
        g_unlink (backup_temp);
      set_save_error (error, name, path, STEP_REPLACE, errsv);
      return FALSE;
    }
  /* The new version is in place: only now does the previous one replace the older backup. A
   * failure here keeps the older backup, and the save itself succeeded. */
  if (backup_temp != NULL)
    {
      g_autofree char *backup = g_strconcat (path, "~", NULL);

      if (g_rename (backup_temp, backup) != 0)
        {
          g_debug ("%s: the backup copy could not be renamed: %s", backup, g_strerror (errno));
          g_unlink (backup_temp);
        }
    }
  sync_folder (path);
  pl_plan_mark_saved (plan);
  if (new_stamp != NULL)
    *new_stamp = written;
  if (written_bytes != NULL)
    *written_bytes = g_steal_pointer (&bytes);
  return TRUE;
}

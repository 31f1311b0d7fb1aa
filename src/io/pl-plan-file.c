/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-plan-file"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pl-error.h"
#include "pl-plan-file.h"
#include "pl-plan-writer.h"

static char *
name_of (GFile *file, const char *display_name)
{
  return display_name ? g_strdup (display_name) : g_file_get_basename (file);
}

PlPlan *
pl_plan_load (GFile *file, const char *display_name, PlReadFlags flags, char **etag,
              GError **error)
{
  g_autofree char *name = name_of (file, display_name);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  goffset size;
  gsize read = 0;

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
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                         G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                         G_FILE_ATTRIBUTE_ETAG_VALUE, NULL, NULL);
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
    if (plan != NULL && etag != NULL)
      *etag = info ? g_strdup (g_file_info_get_etag (info)) : NULL;
    return plan;
  }
}

static char *
current_etag (GFile *file, gboolean *exists, GFileType *type, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE ","
                                                 G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, &local_error);

  *exists = info != NULL;
  *type = info ? g_file_info_get_file_type (info) : G_FILE_TYPE_UNKNOWN;
  if (info == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return info ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

/* Flushes the folder's entry for the renamed file, so that the new name survives a crash. */
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

gboolean
pl_plan_save (PlPlan *plan, GFile *file, const char *expected_etag, char **new_etag,
              GError **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *given_path = g_file_get_path (file);
  g_autofree char *path = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean exists;
  GFileType type;
  int mode = 0666;

  if (given_path == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("%s: Plans can only be saved in local folders."), name);
      return FALSE;
    }
  /* Saving through a link replaces the file it points to, not the link. */
  path = realpath (given_path, NULL);
  if (path == NULL)
    path = g_strdup (given_path);
  else
    {
      char *copy = g_strdup (path);
      free (path);
      path = copy;
    }
  {
    g_autoptr(GFile) target = g_file_new_for_path (path);
    etag = current_etag (target, &exists, &type, &local_error);
  }
  if (local_error != NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("%s: The file cannot be checked: %s"),
                   name, local_error->message);
      return FALSE;
    }
  if (exists && type != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("%s: This is not an ordinary file; choose another name to save the plan."), name);
      return FALSE;
    }
  if (expected_etag != NULL && exists && g_strcmp0 (etag, expected_etag) != 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_CHANGED_ON_DISK,
                   _("%s: The file was changed by another program since it was opened."), name);
      return FALSE;
    }

  if (exists)
    {
      GStatBuf st;
      g_autofree char *backup = g_strconcat (path, "~", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_stat (path, &st) == 0)
        mode = st.st_mode & 0777;
      /* A second name for the original, not a rename: the original stays in place until the
       * new version replaces it, and then lives on under the backup's name. A file system
       * without hard links gets a copy. */
      g_unlink (backup);
      if (link (path, backup) != 0 &&
          (!g_file_get_contents (path, &contents, &length, &local_error) ||
           !g_file_set_contents_full (backup, contents, (gssize) length,
                                      G_FILE_SET_CONTENTS_CONSISTENT, mode, &local_error)))
        {
          g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                       _("%s: The plan was not saved, because the backup copy could not be written: %s"),
                       name, local_error->message);
          return FALSE;
        }
    }

  bytes = pl_plan_write_bytes (plan);
  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, &local_error))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("%s: The plan was not saved: %s"),
                   name, local_error->message);
      return FALSE;
    }
  sync_folder (path);
  pl_plan_mark_saved (plan);
  if (new_etag != NULL)
    {
      g_autoptr(GFile) target = g_file_new_for_path (path);
      *new_etag = current_etag (target, &exists, &type, NULL);
    }
  return TRUE;
}

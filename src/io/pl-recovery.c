/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-recovery"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "pl-error.h"
#include "pl-recovery.h"

/* Layout: ROOT/session-XXXXXX/ is one running Pilote's folder, with "lock" held (flock) for
 * the life of the process; NAME.pilote is the plan exactly as autosaved and NAME.recovery a
 * key file saying whose it is. A session folder whose lock can be taken belongs to a Pilote
 * that ended: its plans are offered at the next start. The kernel drops the lock of a killed
 * process, so a crash needs no cleaning up to be told from a running Pilote. */
#define SESSION_PREFIX "session-"
#define LOCK_NAME "lock"
#define PLAN_SUFFIX ".pilote"
#define INFO_SUFFIX ".recovery"
#define GROUP "Recovery"
#define FORMAT_VERSION 1

void
pl_recovery_info_clear (PlRecoveryInfo *info)
{
  g_clear_pointer (&info->uri, g_free);
  memset (&info->stamp, 0, sizeof info->stamp);
  g_clear_pointer (&info->title, g_free);
  g_clear_pointer (&info->time, g_date_time_unref);
}

char *
pl_recovery_get_root (void)
{
  g_autofree char *root = g_build_filename (g_get_user_state_dir (), "pilote", "recovery", NULL);

  if (g_mkdir_with_parents (root, 0700) == 0)
    return g_steal_pointer (&root);
  return g_build_filename (g_get_user_data_dir (), "pilote", "recovery", NULL);
}

/* Takes the lock of @folder without waiting: the file descriptor holding it, or -1 when
 * another process holds it (or it cannot be had). */
static int
take_lock (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, LOCK_NAME, NULL);
  int fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    return -1;
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      return -1;
    }
  return fd;
}

static gboolean
valid_name (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static char *
file_of (const char *folder, const char *name, const char *suffix)
{
  g_autofree char *base = g_strconcat (name, suffix, NULL);
  return g_build_filename (folder, base, NULL);
}

/* ---- the store ---- */

struct _PlRecoveryStore
{
  GObject  parent_instance;

  char    *path;
  int      lock;
};

G_DEFINE_FINAL_TYPE (PlRecoveryStore, pl_recovery_store, G_TYPE_OBJECT)

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, entry, NULL);
      g_unlink (path);
    }
  g_rmdir (folder);
}

/* TRUE when @folder holds no recovered plan. */
static gboolean
holds_no_plan (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, INFO_SUFFIX) || g_str_has_suffix (entry, PLAN_SUFFIX))
      return FALSE;
  return TRUE;
}

static void
pl_recovery_store_finalize (GObject *object)
{
  PlRecoveryStore *self = PL_RECOVERY_STORE (object);

  /* Plans still in the folder were left without a word (a window dropped with unsaved
   * changes): they stay, to be offered at the next start. */
  if (self->path != NULL && holds_no_plan (self->path))
    remove_folder (self->path);
  if (self->lock >= 0)
    close (self->lock);
  g_free (self->path);
  G_OBJECT_CLASS (pl_recovery_store_parent_class)->finalize (object);
}

static void
pl_recovery_store_class_init (PlRecoveryStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_recovery_store_finalize;
}

static void
pl_recovery_store_init (PlRecoveryStore *self)
{
  self->lock = -1;
}

PlRecoveryStore *
pl_recovery_store_new (const char *root, GError **error)
{
  g_autoptr(PlRecoveryStore) self = g_object_new (PL_TYPE_RECOVERY_STORE, NULL);
  g_autofree char *making = g_build_filename (root, "new-XXXXXX", NULL);
  g_autofree char *base = NULL;
  int saved_errno;

  if (g_mkdir_with_parents (root, 0700) != 0 || g_mkdtemp_full (making, 0700) == NULL)
    {
      saved_errno = errno;
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("Unsaved changes cannot be kept for recovery in %s: %s"), root, g_strerror (saved_errno));
      return NULL;
    }
  /* Locked before it gets the name others look for, so that it is never seen unlocked. */
  self->lock = take_lock (making);
  base = g_path_get_basename (making);
  self->path = g_build_filename (root, SESSION_PREFIX, NULL);
  {
    char *named = g_strconcat (self->path, base + strlen ("new-"), NULL);
    g_free (self->path);
    self->path = named;
  }
  if (self->lock < 0 || g_rename (making, self->path) != 0)
    {
      saved_errno = errno;
      remove_folder (making);
      g_clear_pointer (&self->path, g_free);
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("Unsaved changes cannot be kept for recovery in %s: %s"), root, g_strerror (saved_errno));
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
pl_recovery_store_get_path (PlRecoveryStore *self)
{
  g_return_val_if_fail (PL_IS_RECOVERY_STORE (self), NULL);
  return self->path;
}

static char *
info_to_data (const PlRecoveryInfo *info, gsize *length)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *time = info->time ? g_date_time_format_iso8601 (info->time) : NULL;

  g_key_file_set_integer (key_file, GROUP, "Version", FORMAT_VERSION);
  if (info->uri != NULL)
    g_key_file_set_string (key_file, GROUP, "File", info->uri);
  if (info->stamp.exists)
    {
      g_autofree char *digest = g_malloc (2 * sizeof info->stamp.digest + 1);

      for (gsize i = 0; i < sizeof info->stamp.digest; i++)
        g_snprintf (digest + 2 * i, 3, "%02x", info->stamp.digest[i]);
      g_key_file_set_uint64 (key_file, GROUP, "Device", info->stamp.device);
      g_key_file_set_uint64 (key_file, GROUP, "Inode", info->stamp.inode);
      g_key_file_set_uint64 (key_file, GROUP, "Size", info->stamp.size);
      g_key_file_set_int64 (key_file, GROUP, "ModifiedUsec", info->stamp.mtime_usec);
      g_key_file_set_string (key_file, GROUP, "Digest", digest);
    }
  if (info->title != NULL)
    g_key_file_set_string (key_file, GROUP, "Title", info->title);
  if (time != NULL)
    g_key_file_set_string (key_file, GROUP, "Time", time);
  return g_key_file_to_data (key_file, length, NULL);
}

gboolean
pl_recovery_store_write (PlRecoveryStore *self, const char *name, GBytes *plan,
                         const PlRecoveryInfo *info, GError **error)
{
  g_autofree char *plan_path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (PL_IS_RECOVERY_STORE (self), FALSE);
  g_return_val_if_fail (valid_name (name), FALSE);
  plan_path = file_of (self->path, name, PLAN_SUFFIX);
  info_path = file_of (self->path, name, INFO_SUFFIX);
  data = info_to_data (info, &length);
  /* The plan first: a crash between the two leaves the newest plan with the older words. */
  if (!g_file_set_contents_full (plan_path, g_bytes_get_data (plan, NULL), (gssize) g_bytes_get_size (plan),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error) ||
      !g_file_set_contents_full (info_path, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("Unsaved changes could not be kept for recovery: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_recovery_store_remove (PlRecoveryStore *self, const char *name, GError **error)
{
  g_autofree char *plan_path = NULL;
  g_autofree char *info_path = NULL;

  g_return_val_if_fail (PL_IS_RECOVERY_STORE (self), FALSE);
  g_return_val_if_fail (valid_name (name), FALSE);
  plan_path = file_of (self->path, name, PLAN_SUFFIX);
  info_path = file_of (self->path, name, INFO_SUFFIX);
  /* The words first: a plan without them is never offered. */
  if ((g_unlink (info_path) != 0 && errno != ENOENT) || (g_unlink (plan_path) != 0 && errno != ENOENT))
    {
      int saved_errno = errno;
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("A recovery file could not be removed: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* ---- what was left behind ---- */

/* A folder of a Pilote that ended, locked by this process while its plans are offered. */
typedef struct {
  char *path;
  int   lock;
  guint pending;  /* plans neither restored nor discarded yet */
} Claim;

static void
claim_free (Claim *claim)
{
  if (claim->pending == 0)
    remove_folder (claim->path);
  close (claim->lock);
  g_free (claim->path);
}

struct _PlRecovered
{
  GObject         parent_instance;

  Claim          *claim;  /* an atomic reference-counted box */
  char           *name;
  PlRecoveryInfo  info;
  gboolean        handled;
};

G_DEFINE_FINAL_TYPE (PlRecovered, pl_recovered, G_TYPE_OBJECT)

static void
pl_recovered_finalize (GObject *object)
{
  PlRecovered *self = PL_RECOVERED (object);

  g_atomic_rc_box_release_full (self->claim, (GDestroyNotify) claim_free);
  g_free (self->name);
  pl_recovery_info_clear (&self->info);
  G_OBJECT_CLASS (pl_recovered_parent_class)->finalize (object);
}

static void
pl_recovered_class_init (PlRecoveredClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_recovered_finalize;
}

static void
pl_recovered_init (PlRecovered *self)
{
}

/* The stamp of the plan's file as the key file gives it; none when any part is missing. */
static void
read_stamp (GKeyFile *key_file, PlFileStamp *stamp)
{
  g_autofree char *digest = g_key_file_get_string (key_file, GROUP, "Digest", NULL);
  g_autoptr(GError) error = NULL;

  memset (stamp, 0, sizeof *stamp);
  if (digest == NULL || strlen (digest) != 2 * sizeof stamp->digest)
    return;
  for (gsize i = 0; i < sizeof stamp->digest; i++)
    {
      int high = g_ascii_xdigit_value (digest[2 * i]), low = g_ascii_xdigit_value (digest[2 * i + 1]);
      if (high < 0 || low < 0)
        return;
      stamp->digest[i] = (guint8) (high * 16 + low);
    }
  stamp->device = g_key_file_get_uint64 (key_file, GROUP, "Device", &error);
  if (error == NULL)
    stamp->inode = g_key_file_get_uint64 (key_file, GROUP, "Inode", &error);
  if (error == NULL)
    stamp->size = g_key_file_get_uint64 (key_file, GROUP, "Size", &error);
  if (error == NULL)
    stamp->mtime_usec = g_key_file_get_int64 (key_file, GROUP, "ModifiedUsec", &error);
  stamp->exists = error == NULL;
}

static gboolean
read_info (const char *path, PlRecoveryInfo *info)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *time = NULL;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL) ||
      g_key_file_get_integer (key_file, GROUP, "Version", NULL) != FORMAT_VERSION)
    return FALSE;
  info->uri = g_key_file_get_string (key_file, GROUP, "File", NULL);
  read_stamp (key_file, &info->stamp);
  info->title = g_key_file_get_string (key_file, GROUP, "Title", NULL);
  time = g_key_file_get_string (key_file, GROUP, "Time", NULL);
  info->time = time ? g_date_time_new_from_iso8601 (time, NULL) : NULL;
  if (info->time == NULL)
    {
      GStatBuf st;
      info->time = g_stat (path, &st) == 0 ? g_date_time_new_from_unix_local (st.st_mtime)
                                           : g_date_time_new_now_local ();
    }
  return TRUE;
}

static void
find_in (Claim *claim, GPtrArray *found)
{
  g_autoptr(GDir) dir = g_dir_open (claim->path, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *info_path = NULL;
      g_autofree char *plan_path = NULL;
      PlRecovered *recovered;

      if (!g_str_has_suffix (entry, INFO_SUFFIX))
        continue;
      name = g_strndup (entry, strlen (entry) - strlen (INFO_SUFFIX));
      info_path = g_build_filename (claim->path, entry, NULL);
      plan_path = file_of (claim->path, name, PLAN_SUFFIX);
      if (!valid_name (name) || !g_file_test (plan_path, G_FILE_TEST_IS_REGULAR))
        continue;
      recovered = g_object_new (PL_TYPE_RECOVERED, NULL);
      if (!read_info (info_path, &recovered->info))
        {
          g_object_unref (recovered);
          continue;
        }
      recovered->claim = g_atomic_rc_box_acquire (claim);
      recovered->name = g_steal_pointer (&name);
      claim->pending++;
      g_ptr_array_add (found, recovered);
    }
}

static int
compare_time (gconstpointer a, gconstpointer b)
{
  const PlRecovered *x = *(PlRecovered * const *) a;
  const PlRecovered *y = *(PlRecovered * const *) b;

  return g_date_time_compare (x->info.time, y->info.time);
}

GPtrArray *
pl_recovery_find (const char *root)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (root, entry, NULL);
      Claim *claim;
      int fd;

      if (!g_str_has_prefix (entry, SESSION_PREFIX) || !g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      fd = take_lock (path);
      if (fd < 0)
        continue;  /* a Pilote that is running */
      claim = g_atomic_rc_box_new0 (Claim);
      claim->path = g_steal_pointer (&path);
      claim->lock = fd;
      find_in (claim, found);
      /* Each plan found holds a reference; a folder with none goes now. */
      g_atomic_rc_box_release_full (claim, (GDestroyNotify) claim_free);
    }
  g_ptr_array_sort (found, compare_time);
  return found;
}

const PlRecoveryInfo *
pl_recovered_get_info (PlRecovered *self)
{
  g_return_val_if_fail (PL_IS_RECOVERED (self), NULL);
  return &self->info;
}

GBytes *
pl_recovered_read (PlRecovered *self, GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;
  char *data = NULL;
  gsize length;

  g_return_val_if_fail (PL_IS_RECOVERED (self), NULL);
  g_return_val_if_fail (!self->handled, NULL);
  path = file_of (self->claim->path, self->name, PLAN_SUFFIX);
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("The unsaved changes could not be read: %s"), local_error->message);
      return NULL;
    }
  return g_bytes_new_take (data, length);
}

static void
handled (PlRecovered *self)
{
  self->handled = TRUE;
  /* The folder goes with the last claim's reference, once nothing in it is pending. */
  self->claim->pending--;
}

gboolean
pl_recovered_discard (PlRecovered *self, GError **error)
{
  g_autofree char *plan_path = NULL;
  g_autofree char *info_path = NULL;

  g_return_val_if_fail (PL_IS_RECOVERED (self), FALSE);
  g_return_val_if_fail (!self->handled, FALSE);
  plan_path = file_of (self->claim->path, self->name, PLAN_SUFFIX);
  info_path = file_of (self->claim->path, self->name, INFO_SUFFIX);
  if ((g_unlink (info_path) != 0 && errno != ENOENT) || (g_unlink (plan_path) != 0 && errno != ENOENT))
    {
      int saved_errno = errno;
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("The unsaved changes could not be discarded: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  handled (self);
  return TRUE;
}

gboolean
pl_recovered_adopt (PlRecovered *self, PlRecoveryStore *store, const char *name, GError **error)
{
  const char *suffixes[] = { PLAN_SUFFIX, INFO_SUFFIX };

  g_return_val_if_fail (PL_IS_RECOVERED (self), FALSE);
  g_return_val_if_fail (PL_IS_RECOVERY_STORE (store), FALSE);
  g_return_val_if_fail (valid_name (name), FALSE);
  g_return_val_if_fail (!self->handled, FALSE);
  /* Both folders are under the same root: renames, which cannot half happen. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = file_of (self->claim->path, self->name, suffixes[i]);
      g_autofree char *to = file_of (store->path, name, suffixes[i]);

      if (g_rename (from, to) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                       _("Unsaved changes could not be kept for recovery: %s"), g_strerror (saved_errno));
          return FALSE;
        }
    }
  handled (self);
  return TRUE;
}


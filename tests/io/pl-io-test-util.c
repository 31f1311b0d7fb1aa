/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the file tests share: temporary folders made and removed, files read whole. */
#include <glib/gstdio.h>

#include "pl-io-test-util.h"

char *
pl_io_test_temp_dir (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = g_strconcat (prefix, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (pattern, &error);

  g_assert_no_error (error);
  return dir;
}

void
pl_io_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  g_chmod (dir, 0755);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        pl_io_test_remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

GBytes *
pl_io_test_read_all (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

/* Scratch folders of the tests (the CLI's and the window's): each made under the system's temporary folder and removed,
 * with whatever the commands wrote in it (backups "plan.pilote~" included), when the test
 * program ends, so that a run leaves nothing behind even where a test does not clean up. */

static GPtrArray *pl_test_scratch_dirs;

static void
pl_test_scratch_remove (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        pl_test_scratch_remove (child);
      else
        g_remove (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static void
pl_test_scratch_remove_all (void)
{
  for (guint i = 0; pl_test_scratch_dirs != NULL && i < pl_test_scratch_dirs->len; i++)
    pl_test_scratch_remove (g_ptr_array_index (pl_test_scratch_dirs, i));
  g_clear_pointer (&pl_test_scratch_dirs, g_ptr_array_unref);
}

/* Makes a scratch folder from @pattern ("pilote-cli-XXXXXX"), removed with everything in it when
 * the program ends; free the path with g_free(). */
static G_GNUC_UNUSED char *
pl_test_scratch_make (const char *pattern)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (pattern, &error);

  g_assert_no_error (error);
  if (pl_test_scratch_dirs == NULL)
    {
      pl_test_scratch_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (pl_test_scratch_remove_all);
    }
  g_ptr_array_add (pl_test_scratch_dirs, g_strdup (dir));
  return dir;
}

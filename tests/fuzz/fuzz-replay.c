/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Without libFuzzer (gcc): runs a fuzz target on every file of the folders and files named
 * on the command line, so that the committed corpus is a test of the normal suite. */
#include <glib.h>
#include <stdio.h>

#include "fuzz-target.h"

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
run_file (const char *path, guint *count)
{
  g_autofree char *data = NULL;
  gsize size;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &data, &size, &error))
    g_error ("%s", error->message);
  LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
  (*count)++;
}

static void
run_dir (const char *path, guint *count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  /* In a fixed order, so that a failure names the same file every time. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      if (g_getenv ("PL_FUZZ_VERBOSE") != NULL)
        printf ("%s\n", file);
      run_file (file, count);
    }
}

int
main (int argc, char **argv)
{
  guint count = 0;

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        run_dir (argv[i], &count);
      else
        run_file (argv[i], &count);
    }
  if (count == 0)
    g_error ("no input to run");
  printf ("%u inputs run\n", count);
  return 0;
}

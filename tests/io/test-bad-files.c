/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile and broken plan files: each is refused whole, with its exact first message, and
 * nothing of another file ever shows in a message. */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pl-plan-file.h"

typedef struct {
  char    *name;
  gboolean schema_only;
  char    *expected;  /* "NAME:LINE:COLUMN: message" */
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->name);
  g_free (c->expected);
  g_free (c);
}

/* Loads @path and returns the error's message; the plan must not load. */
static char *
refusal (const char *path, const char *name, PlReadFlags flags)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load (file, name, flags, NULL, &error);

  g_assert_null (plan);
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

static void
assert_leaks_nothing (const char *message)
{
  g_autofree char *passwd = NULL;

  g_assert_null (strstr (message, "root:"));
  if (g_file_get_contents ("/etc/passwd", &passwd, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (passwd, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (strlen (lines[i]) > 8)
          g_assert_null (strstr (message, lines[i]));
    }
}

static void
test_corpus_file (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "io", "bad", c->name, NULL);
  g_autofree char *strict = refusal (path, c->name, PL_READ_SCHEMA);
  g_auto(GStrv) lines = g_strsplit (strict, "\n", 2);

  g_assert_cmpstr (lines[0], ==, c->expected);
  assert_leaks_nothing (strict);
  if (!c->schema_only)
    {
      g_autofree char *plain = refusal (path, c->name, PL_READ_DEFAULT);
      g_auto(GStrv) plain_lines = g_strsplit (plain, "\n", 2);

      g_assert_cmpstr (plain_lines[0], ==, c->expected);
      assert_leaks_nothing (plain);
    }
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pilote-bad-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_directory (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *message = refusal (dir, "folder.pilote", PL_READ_DEFAULT);

  g_assert_true (g_str_has_prefix (message, "folder.pilote: "));
  g_assert_nonnull (strstr (message, "folder"));
  g_rmdir (dir);
}

static void
test_missing (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "gone.pilote", NULL);
  g_autofree char *message = refusal (path, "gone.pilote", PL_READ_DEFAULT);

  g_assert_cmpstr (message, ==, "gone.pilote: There is no such file.");
  g_rmdir (dir);
}

static void
test_empty_at_runtime (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.pilote", NULL);
  g_autofree char *message = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  message = refusal (path, "empty.pilote", PL_READ_DEFAULT);
  g_assert_cmpstr (message, ==, "empty.pilote:1:1: The file is empty.");
  g_unlink (path);
  g_rmdir (dir);
}

/* 10,000 nested elements inside a record: refused at the depth cap, without recursion. */
static void
test_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                                          "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">\n"
                                          "<metadata title=\"Deep\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
                                          "<team><member id=\"m\" name=\"M\">\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;

  for (int i = 0; i < 10000; i++)
    g_string_append (xml, "<x:deep xmlns:x=\"urn:x\">");
  for (int i = 0; i < 10000; i++)
    g_string_append (xml, "</x:deep>");
  g_string_append (xml, "\n</member></team>\n</plan>\n");

  plan = pl_plan_read_bytes (xml->str, xml->len, "deep.pilote", PL_READ_DEFAULT, &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "deep.pilote:5:"));
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
}

static GPtrArray *
read_expected (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "io", "bad", "expected.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (case_free);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Case *c;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 5);
      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      c = g_new0 (Case, 1);
      c->name = g_strdup (fields[0]);
      c->schema_only = g_str_equal (fields[1], "schema");
      c->expected = g_strdup_printf ("%s:%s:%s: %s", fields[0], fields[2], fields[3], fields[4]);
      g_ptr_array_add (cases, c);
    }
  return cases;
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) cases = NULL;

  g_test_init (&argc, &argv, NULL);
  cases = read_expected ();
  /* The issue asks for a corpus of at least 25 files. */
  g_assert_cmpuint (cases->len, >=, 25);
  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);
      g_autofree char *test = g_strdup_printf ("/bad-files/%s", c->name);
      g_test_add_data_func (test, c, test_corpus_file);
    }
  g_test_add_func ("/bad-files/runtime/directory", test_directory);
  g_test_add_func ("/bad-files/runtime/missing", test_missing);
  g_test_add_func ("/bad-files/runtime/empty", test_empty_at_runtime);
  g_test_add_func ("/bad-files/runtime/deep-nesting", test_deep_nesting);
  return g_test_run ();
}

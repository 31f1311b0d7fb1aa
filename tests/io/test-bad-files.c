/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile and broken plan files: each is refused whole, with its exact first message, and
 * nothing of another file ever shows in a message. */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pl-plan-file.h"
#include "pl-plan-reader.h"
#include "pl-plan-writer.h"

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

/* ---- files built here, too big or too regular to keep in tests/io/bad ---- */

#define HEADER "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
               "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">\n" \
               "<metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"

/* Reads @xml, which must be refused in under 10 s (issue 19: every file is read, refused or
 * reported in time linear in its size), in both modes; returns the message of the plain read. */
static char *
refusal_of (GString *xml, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) strict_error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlPlan) strict = NULL;
  gint64 start = g_get_monotonic_time ();

  plan = pl_plan_read_bytes (xml->str, xml->len, name, PL_READ_DEFAULT, &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  start = g_get_monotonic_time ();
  strict = pl_plan_read_bytes (xml->str, xml->len, name, PL_READ_SCHEMA, &strict_error);
  g_assert_null (strict);
  g_assert_nonnull (strict_error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strstr (error->message, "(null)"));
  g_assert_null (strstr (strict_error->message, "(null)"));
  return g_strdup (error->message);
}

/* A text over libxml2's 10 MB limit: its message in words, on its line. */
static void
test_huge_text (void)
{
  g_autoptr(GString) xml = g_string_new (HEADER "<team><member id=\"m\" name=\"M\">\n<notes>");
  g_autofree char *message = NULL;

  for (guint i = 0; i < 11 * 1024; i++)
    g_string_append (xml, "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
                          "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud "
                          "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute "
                          "irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla "
                          "pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia "
                          "deserunt mollit anim id est laborum. Lorem ipsum dolor sit amet, consectetur adip"
                          "iscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut "
                          "enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex "
                          "ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit es"
                          "se cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non p"
                          "roident, sunt in culpa qui officia deserunt mollit anim id est laborum. Lorem ipsu"
                          "m dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt u"
                          "t labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitati");
  g_string_append (xml, "</notes>\n</member></team>\n</plan>\n");
  message = refusal_of (xml, "huge.pilote");
  g_assert_true (g_str_has_prefix (message, "huge.pilote:5:"));
  g_assert_nonnull (strstr (message, "longer than Pilote reads (10 MB)"));
  g_assert_null (strstr (message, "xmlSAX2"));
}

/* 100,000 levels of elements: refused at the depth cap, without recursion. */
static void
test_deep_nesting_100000 (void)
{
  g_autoptr(GString) xml = g_string_new (HEADER "<team><member id=\"m\" name=\"M\">\n");
  g_autofree char *message = NULL;

  for (int i = 0; i < 100000; i++)
    g_string_append (xml, "<x:deep xmlns:x=\"urn:x\">");
  for (int i = 0; i < 100000; i++)
    g_string_append (xml, "</x:deep>");
  g_string_append (xml, "\n</member></team>\n</plan>\n");
  message = refusal_of (xml, "deep.pilote");
  g_assert_true (g_str_has_prefix (message, "deep.pilote:5:"));
  g_assert_nonnull (strstr (message, "nested too deeply"));
}

/* 20,000 IDs used twice on one line of 1.2 MB: the first 100 messages, each with the column of
 * the record that repeats the ID, then reading stops (it took 29 s, quadratic in the errors). */
static void
test_duplicate_ids_one_line (void)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autofree char *message = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *second = NULL;

  g_string_append (xml, "<?xml version=\"1.0\"?><plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">"
                        "<metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/><team>");
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (xml, "<member id=\"member-%05u\" name=\"Member number %05u of the team\"/>"
                                 "<member id=\"member-%05u\" name=\"Member number %05u again, twice\"/>", i, i, i, i);
  g_string_append (xml, "</team></plan>\n");
  g_assert_cmpuint (xml->len, >, 1200000);
  message = refusal_of (xml, "ids.pilote");
  lines = g_strsplit (message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 101);
  /* The second member with that ID, at its own column. */
  second = g_strdup_printf ("ids.pilote:1:%u: The ID “member-00000” is used twice: it was first given at line 1.",
                            (guint) (strstr (strstr (xml->str, "again") - 60, "id=\"member-00000\"") - xml->str) + 1);
  g_assert_cmpstr (lines[0], ==, second);
  g_assert_true (g_str_has_prefix (lines[100], "ids.pilote: … and perhaps more problems"));
}

/* 100,000 attributes on one element (1.3 MB): refused on the element's line before libxml2
 * checks them, which took 50 s (quadratic in their number). */
static void
test_many_attributes (void)
{
  g_autoptr(GString) xml = g_string_new (HEADER "<team>\n  <member id=\"m\" name=\"M\"");
  g_autofree char *message = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (xml, " attr%05u=\"1\"", i);
  g_string_append (xml, "/>\n</team>\n</plan>\n");
  g_assert_cmpuint (xml->len, >, 1000000);
  message = refusal_of (xml, "attributes.pilote");
  g_assert_cmpstr (message, ==, "attributes.pilote:5:3: The element <member> has more than 256 attributes; "
                                "no element of a plan has that many, so the file is refused.");
}

/* libxml2 2.9.14 says line 65535 past that line, even with XML_PARSE_BIG_LINES. */
static void
test_lines_past_65535 (void)
{
  g_autoptr(GString) xml = g_string_new (HEADER "<team>\n");
  g_autofree char *message = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 70000; i++)
    g_string_append_printf (xml, "<member id=\"m%u\" name=\"M\"/>\n", i);
  /* Line 70005: a wrong ID, then an ID given at line 70004 again. */
  g_string_append (xml, "  <member name=\"Bad\" id=\"bad id\"/>\n");
  g_string_append (xml, "  <member name=\"Twice\" id=\"m69999\"/>\n");
  g_string_append (xml, "</team>\n</plan>\n");
  message = refusal_of (xml, "long.pilote");
  lines = g_strsplit (message, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "long.pilote:70005:22: The ID “bad id” is not allowed: an ID is 1 to 64 "
                                 "letters, digits, “-”, “_” or “.”.");
  g_assert_cmpstr (lines[1], ==, "long.pilote:70006:24: The ID “m69999” is used twice: it was first given "
                                 "at line 70004.");
}

/* The schema's messages past line 65535 too. */
static void
test_schema_past_65535 (void)
{
  g_autoptr(GString) xml = g_string_new (HEADER "<campaigns>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;

  for (guint i = 0; i < 70000; i++)
    g_string_append_printf (xml, "<campaign id=\"c%u\" name=\"C\" status=\"planned\"/>\n", i);
  g_string_append (xml, "</campaigns>\n<team>\n<member id=\"m\" name=\"M\"/>\n</team>\n</plan>\n");
  plan = pl_plan_read_bytes (xml->str, xml->len, "order.pilote", PL_READ_SCHEMA, &error);
  g_assert_null (plan);
  g_assert_true (g_str_has_prefix (error->message, "order.pilote:70006:1: The element <team> is not expected here"));
}

/* Positions come from a scan of the bytes that must skip what is not an element as the parser
 * does: comments, CDATA, processing instructions, '>' inside a quoted value. */
static void
test_positions_skip_markup (void)
{
  g_autoptr(GString) xml = g_string_new (HEADER "<!-- <member id=\"x\" name=\"in a comment\"/> -->\n"
                                                "<?pi <member id=\"y\"/> ?>\n"
                                                "<team>\n"
                                                "  <member id=\"a\" name=\"A &gt; B\" title=\"a > b\"><notes><![CDATA[\n"
                                                "<member id=\"z\"/>\n"
                                                "]]></notes></member>\n"
                                                "  <member name=\"B\"\n"
                                                "          id=\"a\"/>\n"
                                                "</team>\n</plan>\n");
  g_autofree char *message = refusal_of (xml, "markup.pilote");

  g_assert_cmpstr (message, ==, "markup.pilote:11:11: The ID “a” is used twice: it was first given at line 7.");
}

/* What the validation of a plan says past line 65535 comes from the records' lines. */
static void
test_validate_past_65535 (void)
{
  g_autoptr(GString) xml = g_string_new (HEADER "<team>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;

  for (guint i = 0; i < 70000; i++)
    g_string_append_printf (xml, "<member id=\"m%u\" name=\"M\"/>\n", i);
  g_string_append (xml, "</team>\n<campaigns>\n"
                        "<campaign id=\"c\" name=\"C\" status=\"planned\" owner=\"nobody\"/>\n"
                        "</campaigns>\n</plan>\n");
  plan = pl_plan_read_bytes (xml->str, xml->len, "refs.pilote", PL_READ_DEFAULT, &error);
  g_assert_null (plan);
  g_assert_true (g_str_has_prefix (error->message, "refs.pilote:70007:"));
}

/* libxml2's messages quote the file's bytes: a message stays text, never "(null)". */
static void
test_message_not_utf8 (void)
{
  g_autoptr(GString) xml = g_string_new (HEADER "<team><member id=\"m\" name=\"x\"></membe\xff\xfe></team>\n</plan>\n");
  g_autofree char *message = refusal_of (xml, "bytes.pilote");

  g_assert_true (g_str_has_prefix (message, "bytes.pilote:4:"));
}

/* A period that would end after 9999 has months no text can show (a GLib critical and
 * "(null)" in the summary): refused on its start. */
static void
test_period_after_9999 (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                                          "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">\n"
                                          "<metadata title=\"T\" currency=\"EUR\" start=\"9999-12\" months=\"12\"/>\n"
                                          "</plan>\n");
  g_autofree char *message = refusal_of (xml, "future.pilote");

  g_assert_cmpstr (message, ==, "future.pilote:3:36: The fiscal period ends after the year 9999; Pilote reads "
                                "dates up to 9999-12-31.");
}

/* An element of another namespace before <metadata>, as a newer version may write: the plan
 * opens, under the schema too, and saving writes it back where it stood. */
static void
test_unknown_before_metadata (void)
{
  const char *xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\" xmlns:n=\"urn:newer\">\n"
                    "  <n:header kind=\"x\"><n:part/></n:header>\n"
                    "  <metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
                    "</plan>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_read_bytes (xml, strlen (xml), "newer.pilote", PL_READ_SCHEMA, &error);
  g_autoptr(GBytes) written = NULL;

  g_assert_no_error (error);
  written = pl_plan_write_bytes (plan);
  g_assert_cmpstr (g_bytes_get_data (written, NULL), ==, xml);
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

/* A file refused for what it is (another root, a newer major version) says that alone, not
 * also "content after the end"; a file cut right after a tag is called cut, not followed by
 * content. */
static void
test_refusal_says_one_thing (void)
{
  static const struct { const char *bytes; const char *message; } cases[] = {
    { "<html><body><p>hello</p></body></html>\n", "x.pilote:1:1: This is not a Pilote plan" },
    { "<?xml version=\"1.0\"?>\n<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"2.0\">\n"
      "  <metadata title=\"t\" currency=\"EUR\" start=\"2027-01\" end=\"2027-12\"/>\n</plan>\n",
      "x.pilote:2:" },
    { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">",
      "x.pilote:2:62: The file ends too early" },
    { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">\n"
      "  <metadata title=\"t\" currency=\"EUR\" start=\"2027-01\" end=\"2027-12\"/>",
      "x.pilote:3:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlPlan) plan = pl_plan_read_bytes (cases[i].bytes, strlen (cases[i].bytes), "x.pilote",
                                                   PL_READ_DEFAULT, &error);

      g_assert_null (plan);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
      g_assert_null (strchr (error->message, '\n'));
      g_assert_null (strstr (error->message, "after the end"));
    }
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
  g_test_add_func ("/bad-files/runtime/refusal-says-one-thing", test_refusal_says_one_thing);
  g_test_add_func ("/bad-files/runtime/missing", test_missing);
  g_test_add_func ("/bad-files/runtime/empty", test_empty_at_runtime);
  g_test_add_func ("/bad-files/runtime/deep-nesting", test_deep_nesting);
  g_test_add_func ("/bad-files/runtime/huge-text", test_huge_text);
  g_test_add_func ("/bad-files/runtime/deep-nesting-100000", test_deep_nesting_100000);
  g_test_add_func ("/bad-files/runtime/duplicate-ids-one-line", test_duplicate_ids_one_line);
  g_test_add_func ("/bad-files/runtime/many-attributes", test_many_attributes);
  g_test_add_func ("/bad-files/runtime/lines-past-65535", test_lines_past_65535);
  g_test_add_func ("/bad-files/runtime/validate-past-65535", test_validate_past_65535);
  g_test_add_func ("/bad-files/runtime/positions-skip-markup", test_positions_skip_markup);
  g_test_add_func ("/bad-files/runtime/schema-past-65535", test_schema_past_65535);
  g_test_add_func ("/bad-files/runtime/message-not-utf8", test_message_not_utf8);
  g_test_add_func ("/bad-files/runtime/period-after-9999", test_period_after_9999);
  g_test_add_func ("/bad-files/runtime/unknown-before-metadata", test_unknown_before_metadata);
  return g_test_run ();
}

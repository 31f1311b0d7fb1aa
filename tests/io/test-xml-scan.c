/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scan of an XML text's bytes that gives the plan reader its positions. */
#include <glib.h>
#include <string.h>

#include "pl-xml-scan.h"

static const char text[] =
  "<?xml version=\"1.0\"?>\n"                     /* 1 */
  "<!-- <not> -->\n"                              /* 2 */
  "<root a=\"1\">\n"                              /* 3 */
  "  <é b=\"x > y\"\n"                            /* 4 */
  "     c='z'/><![CDATA[<no>]]></root>\n";       /* 5 */

static void
test_tags (void)
{
  PlXmlCursor cursor;
  PlXmlTag tag;
  guint line, column;

  pl_xml_cursor_init (&cursor, text, strlen (text));
  g_assert_true (pl_xml_cursor_next (&cursor, &tag));
  g_assert_cmpuint (tag.line, ==, 3);
  g_assert_cmpuint (tag.n_attributes, ==, 1);
  g_assert_true (pl_xml_cursor_next (&cursor, &tag));
  g_assert_cmpuint (tag.line, ==, 4);
  g_assert_cmpuint (tag.n_attributes, ==, 2);
  /* A needle on a later line of the tag; columns in characters. */
  pl_xml_cursor_locate (&cursor, &tag, "c=", &line, &column);
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpuint (column, ==, 6);
  pl_xml_cursor_locate (&cursor, &tag, "b=", &line, &column);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 6);
  pl_xml_cursor_locate (&cursor, &tag, NULL, &line, &column);
  g_assert_cmpuint (column, ==, 3);
  /* Nothing in the CDATA section or the comment is a tag. */
  g_assert_false (pl_xml_cursor_next (&cursor, &tag));
}

static void
test_lines (void)
{
  gsize size = strlen (text);
  gsize line5 = strstr (text, "     c=") - text;
  gsize line2 = strstr (text, "<!--") - text;

  g_assert_cmpuint (pl_xml_find_line (text, size, 1, 0, 5), ==, line5);
  g_assert_cmpuint (pl_xml_find_line (text, size, 5, line5, 2), ==, line2);
  g_assert_cmpuint (pl_xml_find_line (text, size, 5, line5, 1), ==, 0);
  g_assert_cmpuint (pl_xml_find_line (text, size, 1, 0, 99), ==, size);
}

/* Bytes that are not XML, cut anywhere: never a read past the end. */
static void
test_cut (void)
{
  for (gsize n = 0; n <= strlen (text); n++)
    {
      g_autofree char *copy = g_memdup2 (text, n);
      PlXmlCursor cursor;
      PlXmlTag tag;

      pl_xml_cursor_init (&cursor, copy, n);
      while (pl_xml_cursor_next (&cursor, &tag))
        {
          guint line, column;
          g_assert_cmpuint (tag.end, <=, n);
          pl_xml_cursor_locate (&cursor, &tag, "c=", &line, &column);
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xml-scan/tags", test_tags);
  g_test_add_func ("/xml-scan/lines", test_lines);
  g_test_add_func ("/xml-scan/cut", test_cut);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The schema `validate` checks a file with once the reader has accepted it
 * (pl_schema_get_after_read(), without the patterns of record IDs and dates) says exactly what
 * the whole schema says, word for word: on the example plan with each ID, reference and date,
 * and a skipped occurrence, replaced by values on either side of those patterns. */
#include "config.h"

#include <libxml/xmlreader.h>
#include <string.h>

#include "pl-plan-reader.h"
#include "pl-schema.h"

static void
record_message (void *data, xmlErrorPtr error)
{
  g_string_append_printf (data, "%d: %s", error->line, error->message);
}

/* What libxml2 has to say about @text with @schema, a message a line, then its verdict. */
static char *
schema_messages (const char *text, xmlSchemaPtr schema)
{
  GString *messages = g_string_new (NULL);
  xmlTextReaderPtr reader = xmlReaderForMemory (text, (int) strlen (text), NULL, NULL,
                                                XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOBLANKS);

  g_assert_nonnull (reader);
  xmlTextReaderSetStructuredErrorHandler (reader, record_message, messages);
  g_assert_cmpint (xmlTextReaderSetSchema (reader, schema), ==, 0);
  while (xmlTextReaderRead (reader) == 1)
    ;
  g_string_append_printf (messages, "valid: %d\n", xmlTextReaderIsValid (reader));
  xmlFreeTextReader (reader);
  return g_string_free (messages, FALSE);
}

static void
test_after_read_text (void)
{
  g_autofree char *text = pl_schema_get_after_read_text ();

  /* The replacements still find what they take out... */
  g_assert_nonnull (text);
  g_assert_null (strstr (text, "<xs:attribute name=\"id\" type=\"p:IdType\""));
  /* ...and the schema they give is the one used. */
  g_assert_nonnull (pl_schema_get_after_read ());
  g_assert_true (pl_schema_get_after_read () != pl_schema_get ());
}

static void
test_same_messages (void)
{
  static const char *values[] = {
    "", " ", "2027-01-01 ", " 2027-01-01", "2027-01-01Z", "2027-01-01+02:00", "-2027-01-01", "12027-01-01",
    "2027-1-1", "2027-02-30", "0000-01-01", "0001-01-01", "2028-02-29", "x y", "é", "-", "a.b_c-D9",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "northwind-saas-2027.pilote", NULL);
  g_autofree char *example = NULL;
  g_autoptr(GRegex) sites = g_regex_new (" (id|start|end|date|due|contract-end|period|owner|segment|campaign|kpi|"
                                         "upstream|downstream|line|category)=\"([^\"]*)\"|<skip>([^<]*)<", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint accepted = 0, refused = 0;

  g_assert_true (g_file_get_contents (path, &example, NULL, NULL));
  /* The first place of each attribute in each element, and the first skipped occurrence. */
  for (g_regex_match (sites, example, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *attribute = g_match_info_fetch (match, 1);
      int group = *attribute != '\0' ? 2 : 3;
      int start, end;
      const char *tag;

      g_assert_true (g_match_info_fetch_pos (match, group, &start, &end));
      tag = g_strrstr_len (example, start, "<");
      if (!g_hash_table_add (seen, g_strdup_printf ("%.*s %s", (int) strcspn (tag, " >"), tag, attribute)))
        continue;
      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        {
          g_autoptr(GString) variant = g_string_new_len (example, start);
          g_autoptr(PlPlan) plan = NULL;
          g_autofree char *whole = NULL;
          g_autofree char *after_read = NULL;

          g_string_append (variant, values[v]);
          g_string_append (variant, example + end);
          plan = pl_plan_read_bytes (variant->str, variant->len, "variant.pilote", PL_READ_DEFAULT, NULL);
          /* The other schema is only asked about what the reader accepts. */
          if (plan == NULL)
            continue;
          accepted++;
          whole = schema_messages (variant->str, pl_schema_get ());
          after_read = schema_messages (variant->str, pl_schema_get_after_read ());
          g_assert_cmpstr (after_read, ==, whole);
          refused += !g_str_has_suffix (whole, "valid: 1\n");
        }
    }
  /* The sites are there, and the values test both verdicts. */
  g_test_message ("%u sites, %u accepted, %u refused", g_hash_table_size (seen), accepted, refused);
  g_assert_cmpuint (g_hash_table_size (seen), >=, 15);
  g_assert_cmpuint (accepted, >=, 60);
  g_assert_cmpuint (refused, >=, 5);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schema/after-read-text", test_after_read_text);
  g_test_add_func ("/schema/same-messages", test_same_messages);
  return g_test_run ();
}

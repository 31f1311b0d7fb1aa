/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-schema"
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "pl-io-resources.h"
#include "pl-schema.h"

#define SCHEMA_PATH "/io/github/pilote/Pilote/schema/pilote-plan.xsd"

GBytes *
pl_schema_get_bytes (void)
{
  /* Referencing the resource keeps the linker from dropping it out of the static library. */
  return g_resource_lookup_data (pl_io_get_resource (), SCHEMA_PATH, 0, NULL);
}

static void
ignore_errors (void *user_data, xmlErrorPtr error)
{
}

static xmlSchemaPtr
parse_schema (const char *data, gsize size)
{
  xmlSchemaParserCtxtPtr context;
  xmlSchemaPtr schema;

  context = xmlSchemaNewMemParserCtxt (data, (int) size);
  xmlSchemaSetParserStructuredErrors (context, ignore_errors, NULL);
  schema = xmlSchemaParse (context);
  xmlSchemaFreeParserCtxt (context);
  return schema;
}

static xmlSchemaPtr
parse_built_in (void)
{
  g_autoptr(GBytes) bytes = pl_schema_get_bytes ();
  xmlSchemaPtr schema;
  gsize size;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  schema = parse_schema (data, size);
  if (schema == NULL)
    g_critical ("The built-in plan schema does not compile");
  return schema;
}

xmlSchemaPtr
pl_schema_get (void)
{
  static xmlSchemaPtr schema = NULL;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      schema = parse_built_in ();
      g_once_init_leave (&done, 1);
    }
  return schema;
}

/* Replaces every @from in @text with @to; FALSE when there is none. */
static gboolean
replace (GString *text, const char *from, const char *to)
{
  return g_string_replace (text, from, to, 0) > 0;
}

char *
pl_schema_get_after_read_text (void)
{
  g_autoptr(GBytes) bytes = pl_schema_get_bytes ();
  g_autoptr(GString) text = NULL;
  gsize size;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  text = g_string_new_len (data, (gssize) size);
  /* The reader refuses a record's ID that is not 1 to 64 letters, digits, "-", "_" or "."
   * (valid_id()); references keep their pattern, since the reader lets an empty one by. */
  if (!replace (text, "<xs:attribute name=\"id\" type=\"p:IdType\" ", "<xs:attribute name=\"id\" type=\"p:RecordId\" ") ||
      !replace (text, "<xs:simpleType name=\"IdType\">",
                "<xs:simpleType name=\"RecordId\"><xs:restriction base=\"xs:string\"><xs:maxLength value=\"64\"/>"
                "</xs:restriction></xs:simpleType>\n  <xs:simpleType name=\"IdType\">") ||
      /* Every Date it reads is YYYY-MM-DD and exists (parse_date(), pl_calendar_parse_skip());
       * an empty one is not an xs:date, which is said before any pattern is tried. */
      !replace (text, "<xs:pattern value=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\"/>", ""))
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

xmlSchemaPtr
pl_schema_get_after_read (void)
{
  static xmlSchemaPtr schema = NULL;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_autofree char *text = pl_schema_get_after_read_text ();

      if (text != NULL)
        schema = parse_schema (text, strlen (text));
      /* The text changed under the replacements: the whole schema says the same, slower. */
      if (schema == NULL)
        schema = pl_schema_get ();
      g_once_init_leave (&done, 1);
    }
  return schema;
}

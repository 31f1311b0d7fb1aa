/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-schema"
#include "config.h"

#include <gio/gio.h>

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
parse_schema (void)
{
  g_autoptr(GBytes) bytes = pl_schema_get_bytes ();
  xmlSchemaParserCtxtPtr context;
  xmlSchemaPtr schema;
  gsize size;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  context = xmlSchemaNewMemParserCtxt (data, (int) size);
  xmlSchemaSetParserStructuredErrors (context, ignore_errors, NULL);
  schema = xmlSchemaParse (context);
  xmlSchemaFreeParserCtxt (context);
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
      schema = parse_schema ();
      g_once_init_leave (&done, 1);
    }
  return schema;
}

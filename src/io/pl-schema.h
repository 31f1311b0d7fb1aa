/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/xmlschemas.h>

G_BEGIN_DECLS

/* The plan schema (data/pilote-plan.xsd) compiled into the program; parsed once, never
 * loaded from a path. Returns NULL only if the built-in schema is broken. */
xmlSchemaPtr pl_schema_get (void);
/* The schema's text, for `pilote-cli schema` and the tests. */
GBytes      *pl_schema_get_bytes (void);

G_END_DECLS

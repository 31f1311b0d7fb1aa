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
/* The schema for bytes the plan reader has read without it and accepted: the same verdict
 * and messages, less the patterns on record IDs and dates, which the reader enforces as
 * strictly (a million records spend a fifth of the schema's time in them). The whole schema
 * if the text no longer has what is taken out. */
xmlSchemaPtr pl_schema_get_after_read (void);
/* Its text, for the tests; NULL when the built-in text no longer has what is taken out. */
char        *pl_schema_get_after_read_text (void);

G_END_DECLS

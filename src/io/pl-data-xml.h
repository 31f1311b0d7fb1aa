/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Reading Pilote's own data files (the questionnaire, the plan templates): small XML files
 * built into the program whose texts translators see through ITS rules (data/its). */

/* Whether @node is the element @name of namespace @ns. */
gboolean   pl_data_xml_is        (xmlNodePtr node, const char *ns, const char *name);
/* The first child element @name of @parent in @parent's namespace, or NULL. */
xmlNodePtr pl_data_xml_child     (xmlNodePtr parent, const char *name);
/* A copy of the attribute @name of @node, or NULL when it has none. */
char      *pl_data_xml_attribute (xmlNodePtr node, const char *name);
/* The text of @node (NULL: ""), its whitespace collapsed as gettext does, translated. */
char      *pl_data_xml_text      (xmlNodePtr node);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-data-xml.h"

gboolean
pl_data_xml_is (xmlNodePtr node, const char *ns, const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_str_equal ((const char *) node->ns->href, ns) &&
         g_str_equal ((const char *) node->name, name);
}

xmlNodePtr
pl_data_xml_child (xmlNodePtr parent, const char *name)
{
  if (parent == NULL || parent->ns == NULL)
    return NULL;
  for (xmlNodePtr node = parent->children; node != NULL; node = node->next)
    if (pl_data_xml_is (node, (const char *) parent->ns->href, name))
      return node;
  return NULL;
}

char *
pl_data_xml_attribute (xmlNodePtr node, const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

char *
pl_data_xml_text (xmlNodePtr node)
{
  xmlChar *content;
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  g_autofree char *collapsed = NULL;

  if (node == NULL)
    return g_strdup ("");
  content = xmlNodeGetContent (node);
  /* Whitespace as gettext collapses it, so the lookup finds the translation. */
  words = g_strsplit_set (g_strstrip ((char *) content), " \t\n\r", -1);
  xmlFree (content);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (kept, words[i]);
  parts = g_strv_builder_end (kept);
  collapsed = g_strjoinv (" ", parts);
  return g_strdup (g_dgettext (GETTEXT_PACKAGE, collapsed));
}

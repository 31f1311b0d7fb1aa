/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-extras.h"

PlExtras *
pl_extras_new (void)
{
  PlExtras *extras = g_new0 (PlExtras, 1);

  extras->attributes = g_ptr_array_new_with_free_func (g_free);
  extras->children = g_string_new (NULL);
  return extras;
}

void
pl_extras_free (PlExtras *extras)
{
  if (extras == NULL)
    return;
  g_ptr_array_unref (extras->attributes);
  g_string_free (extras->children, TRUE);
  g_free (extras);
}

gboolean
pl_extras_is_empty (const PlExtras *extras)
{
  return extras == NULL || (extras->attributes->len == 0 && extras->children->len == 0);
}

void
pl_extras_add_attribute (PlExtras *extras, const char *name, const char *value)
{
  g_ptr_array_add (extras->attributes, g_strdup (name));
  g_ptr_array_add (extras->attributes, g_strdup (value));
}

void
pl_extras_add_child (PlExtras *extras, const char *xml)
{
  g_string_append (extras->children, xml);
}

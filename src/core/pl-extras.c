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

gboolean
pl_extras_equal (const PlExtras *a, const PlExtras *b)
{
  if (pl_extras_is_empty (a) || pl_extras_is_empty (b))
    return pl_extras_is_empty (a) && pl_extras_is_empty (b);
  if (a->attributes->len != b->attributes->len || !g_string_equal (a->children, b->children))
    return FALSE;
  for (guint i = 0; i < a->attributes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a->attributes, i), g_ptr_array_index (b->attributes, i)) != 0)
      return FALSE;
  return TRUE;
}

char *
pl_extras_to_text (const PlExtras *extras)
{
  GString *text = g_string_new (NULL);

  if (pl_extras_is_empty (extras))
    return g_string_free (text, FALSE);
  for (guint i = 0; i + 1 < extras->attributes->len; i += 2)
    g_string_append_printf (text, "%s%s=\"%s\"", text->len > 0 ? " " : "",
                            (char *) g_ptr_array_index (extras->attributes, i),
                            (char *) g_ptr_array_index (extras->attributes, i + 1));
  if (text->len > 0 && extras->children->len > 0)
    g_string_append_c (text, ' ');
  g_string_append_len (text, extras->children->str, extras->children->len);
  return g_string_free (text, FALSE);
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

void
pl_extras_assign (PlExtras *extras, const PlExtras *from)
{
  g_ptr_array_set_size (extras->attributes, 0);
  g_string_truncate (extras->children, 0);
  if (from == NULL)
    return;
  for (guint i = 0; i < from->attributes->len; i++)
    g_ptr_array_add (extras->attributes, g_strdup (g_ptr_array_index (from->attributes, i)));
  g_string_append_len (extras->children, from->children->str, from->children->len);
}

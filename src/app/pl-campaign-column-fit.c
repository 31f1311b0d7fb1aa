/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-campaign-column-fit"
#include "config.h"

#include "pl-campaign-column-fit.h"

/* A header's padding, and the room of its sort arrow when it sorts. */
#define TITLE_PADDING 16
#define SORT_ARROW 12

int
pl_column_text_width (GtkWidget *widget, const char *text, gboolean numeric, gboolean bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int width = 0;

  if (numeric)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* @title's lines in bold when wrapped at @wrap pixels (-1: not wrapped); *@widest their width. */
static PangoLayout *
title_layout (GtkWidget *widget, const char *title, int wrap, int *lines, int *widest)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, title);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, wrap < 0 ? -1 : wrap * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, widest, NULL);
  *lines = pango_layout_get_line_count (layout);
  return layout;
}

char *
pl_column_fit_title (GtkWidget *widget, const char *title, int content, int max_lines, gboolean sortable, int *width)
{
  g_autoptr(PangoLayout) layout = NULL;
  GString *text = g_string_new (NULL);
  int padding = TITLE_PADDING + (sortable ? SORT_ARROW : 0);
  int lines = 0, widest = 0, wrap = MAX (content + PL_COLUMN_CELL_PADDING - padding, 1);

  layout = title_layout (widget, title, -1, &lines, &widest);
  /* The title fits over the figures as it is, or is broken at the figures' width, widened
   * until it takes no more than @max_lines (a word longer than that widens the column). */
  if (widest > wrap)
    for (;; wrap += 4)
      {
        g_clear_object (&layout);
        layout = title_layout (widget, title, wrap, &lines, &widest);
        if (lines <= max_lines)
          break;
      }
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      g_autofree char *part = g_strndup (title + line->start_index, line->length);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_strstrip (part));
    }
  *width = MAX (content + PL_COLUMN_CELL_PADDING, widest + padding);
  return g_string_free (text, FALSE);
}

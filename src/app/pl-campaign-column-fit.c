/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-campaign-column-fit"
#include "config.h"

#include "pl-campaign-column-fit.h"

/* A header's padding and the room of its sort arrow. */
#define TITLE_PADDING 28
#define MAX_TITLE_LINES 2

int
pl_column_text_width (GtkWidget *widget, const char *text, gboolean numeric)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width = 0;

  if (numeric)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
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
pl_column_fit_title (GtkWidget *widget, const char *title, int content, int *width)
{
  g_autoptr(PangoLayout) layout = NULL;
  GString *text = g_string_new (NULL);
  int lines = 0, widest = 0, wrap = MAX (content + PL_COLUMN_CELL_PADDING - TITLE_PADDING, 1);

  layout = title_layout (widget, title, -1, &lines, &widest);
  /* The title fits over the figures as it is, or is broken at the figures' width, widened
   * until it takes no more than two lines (a word longer than that widens the column). */
  if (widest > wrap)
    for (;; wrap += 4)
      {
        g_clear_object (&layout);
        layout = title_layout (widget, title, wrap, &lines, &widest);
        if (lines <= MAX_TITLE_LINES)
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
  *width = MAX (content + PL_COLUMN_CELL_PADDING, widest + TITLE_PADDING);
  return g_string_free (text, FALSE);
}

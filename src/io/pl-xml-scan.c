/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-xml-scan.h"

void
pl_xml_cursor_init (PlXmlCursor *cursor, const char *data, gsize size)
{
  *cursor = (PlXmlCursor) { .data = data, .size = size, .line = 1 };
}

static void
count_lines (PlXmlCursor *self, gsize to)
{
  const char *p = self->data + self->counted;
  const char *end = self->data + to;

  while (p < end && (p = memchr (p, '\n', end - p)) != NULL)
    {
      self->line++;
      p++;
      self->line_start = p - self->data;
    }
  self->counted = to;
}

/* Just past the first @terminator at or after @from, or the end of the text. By memchr
 * rather than memmem, which AddressSanitizer checks over the whole rest of the text at each
 * call: quadratic in the fuzzer's build. */
static gsize
past (PlXmlCursor *self, gsize from, const char *terminator)
{
  gsize length = strlen (terminator);
  const char *end = self->data + self->size;

  for (const char *p = self->data + MIN (from, self->size); p < end; p++)
    {
      p = memchr (p, terminator[0], end - p);
      if (p == NULL)
        break;
      if ((gsize) (end - p) >= length && memcmp (p, terminator, length) == 0)
        return (gsize) (p - self->data) + length;
    }
  return self->size;
}

/* Just past the first @terminator at or after @from, or the end of the text. */
static gsize
past_byte (PlXmlCursor *self, gsize from, char terminator)
{
  const char *p = from < self->size ? memchr (self->data + from, terminator, self->size - from) : NULL;

  return p != NULL ? (gsize) (p - self->data) + 1 : self->size;
}

static inline gboolean
starts (PlXmlCursor *self, gsize at, const char *prefix)
{
  gsize length = strlen (prefix);

  return at + length <= self->size && memcmp (self->data + at, prefix, length) == 0;
}

/* The bytes of a start tag that walk_tag() looks at; it goes over the others a byte at a
 * time with one test each, since a plan file is mostly tags. */
static const guint8 tag_stops[256] = { ['"'] = 1, ['\''] = 1, ['='] = 1, ['>'] = 1, ['<'] = 1 };

/* Walks a start tag from its '<' to just past its '>', counting its attributes. */
static gsize
walk_tag (PlXmlCursor *self, gsize at, guint *n_attributes)
{
  const guchar *data = (const guchar *) self->data;
  gsize i = at + 1;

  *n_attributes = 0;
  for (;;)
    {
      while (i < self->size && !tag_stops[data[i]])
        i++;
      if (i >= self->size)
        return self->size;
      switch (data[i])
        {
        case '"':
        case '\'':
          {
            const guchar *close = memchr (data + i + 1, data[i], self->size - i - 1);
            if (close == NULL)
              return self->size;
            i = (gsize) (close - data) + 1;
          }
          break;
        case '=':
          (*n_attributes)++;
          i++;
          break;
        case '>':
          return i + 1;
        default:
          return i; /* '<': not XML, the parser stops here */
        }
    }
}

gboolean
pl_xml_cursor_next (PlXmlCursor *self, PlXmlTag *tag)
{
  while (self->scan < self->size)
    {
      const char *lt = memchr (self->data + self->scan, '<', self->size - self->scan);
      gsize at;

      if (lt == NULL)
        break;
      at = lt - self->data;
      /* An end tag at every other '<': told apart by its second byte alone. */
      if (starts (self, at, "</"))
        self->scan = past_byte (self, at, '>');
      else if (starts (self, at, "<!--"))
        self->scan = past (self, at + 4, "-->");
      else if (starts (self, at, "<![CDATA["))
        self->scan = past (self, at + 9, "]]>");
      else if (starts (self, at, "<?"))
        self->scan = past (self, at + 2, "?>");
      else if (starts (self, at, "<!"))
        self->scan = past_byte (self, at, '>');
      else
        {
          tag->offset = at;
          tag->end = walk_tag (self, at, &tag->n_attributes);
          count_lines (self, at);
          tag->line = self->line;
          tag->line_start = self->line_start;
          self->scan = tag->end;
          return TRUE;
        }
    }
  self->scan = self->size;
  return FALSE;
}

guint
pl_xml_cursor_column (PlXmlCursor *self, gsize line_start, gsize offset)
{
  gsize from = line_start;
  guint column = 1;

  if (offset > self->size || offset < line_start)
    return 1;
  /* Messages come mostly in the order of the file: carry on from the last column counted. */
  if (self->column_start == line_start && self->column_at <= offset && self->column > 0)
    {
      from = self->column_at;
      column = self->column;
    }
  /* Characters, not bytes: a UTF-8 sequence has one byte that is not a continuation byte. */
  for (gsize i = from; i < offset; i++)
    if (((guchar) self->data[i] & 0xC0) != 0x80)
      column++;
  self->column_start = line_start;
  self->column_at = offset;
  self->column = column;
  return column;
}

/* The first @needle in [@from, @to) that starts an attribute, a tag or a text of its own,
 * not the end of a longer name ("id=" in "uid="). */
static const char *
find_needle (const char *data, gsize from, gsize to, const char *needle)
{
  gsize length = strlen (needle);
  const char *p = data + from;
  const char *end = data + to;
  const char *hit;

  while (p < end && (hit = memmem (p, end - p, needle, length)) != NULL)
    {
      if (needle[0] == '<' || hit == data + from || g_ascii_isspace (hit[-1]))
        return hit;
      p = hit + 1;
    }
  return NULL;
}

void
pl_xml_cursor_locate (PlXmlCursor *self, const PlXmlTag *tag, const char *needle,
                      guint *line, guint *column)
{
  const char *hit = needle != NULL ? find_needle (self->data, tag->offset, MIN (tag->end, self->size), needle) : NULL;
  gsize at = hit != NULL ? (gsize) (hit - self->data) : tag->offset;
  gsize line_start = tag->line_start;

  *line = tag->line;
  /* A tag may span lines: its attributes then stand on later ones. */
  for (const char *p = self->data + tag->offset, *stop = self->data + at;
       p < stop && (p = memchr (p, '\n', stop - p)) != NULL; p++)
    {
      (*line)++;
      line_start = p + 1 - self->data;
    }
  *column = pl_xml_cursor_column (self, line_start, at);
}

gsize
pl_xml_find_line (const char *data, gsize size, guint known_line, gsize known_start, guint line)
{
  gsize start = MIN (known_start, size);

  while (known_line < line)
    {
      const char *newline = memchr (data + start, '\n', size - start);
      if (newline == NULL)
        return size;
      start = newline - data + 1;
      known_line++;
    }
  while (known_line > line && start > 0)
    {
      const char *newline = start >= 2 ? memrchr (data, '\n', start - 1) : NULL;
      start = newline != NULL ? (gsize) (newline - data) + 1 : 0;
      known_line--;
    }
  return start;
}

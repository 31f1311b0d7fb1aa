/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the start tags of an XML text stand, found by a scan of its bytes alone, in time
 * linear in its size. libxml2 2.9 keeps an element's line in 16 bits (65535 past that, even
 * with XML_PARSE_BIG_LINES) and no column, and checks the attributes of a tag in time
 * quadratic in their number: the plan reader takes positions from here, and counts attributes
 * here before libxml2 sees them. Comments, CDATA sections, processing instructions and end
 * tags are skipped; quoted attribute values may hold '>'. The text must be ASCII-compatible. */

typedef struct {
  gsize offset;        /* of its '<' */
  gsize end;           /* just past its '>', or the end of the text */
  guint line;          /* 1-based */
  gsize line_start;    /* offset of the start of that line */
  guint n_attributes;
} PlXmlTag;

/* Goes through the start tags in document order, as a streaming parser meets elements. */
typedef struct {
  const char *data;
  gsize       size;
  gsize       scan;         /* where the search for the next tag resumes */
  gsize       counted;      /* lines are counted up to here... */
  guint       line;         /* ...which is on this line */
  gsize       line_start;
  gsize       column_start; /* the last column counted, so that many messages on one long */
  gsize       column_at;    /* line cost one pass over it */
  guint       column;
} PlXmlCursor;

void     pl_xml_cursor_init   (PlXmlCursor *cursor, const char *data, gsize size);
/* Moves to the next start tag and describes it in @tag; FALSE when there is none. */
gboolean pl_xml_cursor_next   (PlXmlCursor *cursor, PlXmlTag *tag);
/* The line and column (1-based, the column in characters) of the first attribute or text
 * @needle inside @tag, or of the tag itself when @needle is NULL or not in it. */
void     pl_xml_cursor_locate (PlXmlCursor *cursor, const PlXmlTag *tag, const char *needle,
                               guint *line, guint *column);
/* The column (1-based, in characters) of @offset on the line that starts at @line_start. */
guint    pl_xml_cursor_column (PlXmlCursor *cursor, gsize line_start, gsize offset);
/* The offset where @line starts, walking from @known_line, which starts at @known_start: in
 * time proportional to the distance between them. The end of the text past its last line. */
gsize    pl_xml_find_line     (const char *data, gsize size, guint known_line, gsize known_start,
                               guint line);

G_END_DECLS

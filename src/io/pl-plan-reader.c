/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-reader"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <math.h>
#include <string.h>

#include "pl-basis.h"
#include "pl-budget-carry.h"
#include "pl-calendar.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-money.h"
#include "pl-objective-progress.h"
#include "pl-objective-progress.h"
#include "pl-plan-reader.h"
#include "pl-plan-validate.h"
#include "pl-report-settings.h"
#include "pl-rules.h"
#include "pl-scenario.h"
#include "pl-schema.h"
#include "pl-xml-scan.h"

#define MAX_MESSAGES 100
#define MAX_DEPTH 256
/* No element of a plan has more than a few dozen attributes; past this, libxml2's quadratic
 * check of their names would take minutes (no limit of its own in 2.9). */
#define MAX_ATTRIBUTES 256

typedef struct {
  const char       *data;
  gsize             size;
  const char       *name;
  xmlTextReaderPtr  reader;
  PlPlan           *plan;
  GString          *messages;
  guint             n_errors;
  gboolean          stopped;       /* MAX_MESSAGES reached: nothing more is read */
  PlXmlCursor       cursor;        /* follows the reader through the start tags, for positions */
  PlXmlTag          tag;           /* the start tag of the element the reader is on */
  guint             known_line;    /* a line whose start is known, to find others near it */
  gsize             known_start;
  GHashTable       *ids;           /* ID -> line of first use; the IDs are the records' own, which
                                    * the plan keeps, every record with one being kept */
  GPtrArray        *root_ns;       /* ` xmlns:p="uri"` declared on the root, written there again */
  guint             exponent;
  gboolean          fatal;         /* the XML itself is broken: stop reading */
  gboolean          newer;         /* written in a newer major version of the format */
  gboolean          refused;       /* not a plan this version reads: what follows is not judged */
} Reader;

/* Where the plan keeps the version of a newer file it was read from: the file format is io's
 * business, so core's model does not hold it. */
#define NEWER_FORMAT_KEY "pl-plan-reader-newer-format"
#define LEADING_EXTRAS_KEY "pl-plan-reader-leading-extras"
#define RECONCILED_KEY "pl-plan-reader-reconciled"

/* ---- messages ---- */

static void
add_message (Reader *self, guint line, guint column, const char *message)
{
  g_autofree char *valid = NULL;

  if (self->stopped)
    return;
  /* libxml2 quotes the file's bytes as they are: the message must stay text. */
  if (!g_utf8_validate (message, -1, NULL))
    message = valid = g_utf8_make_valid (message, -1);
  g_string_append_printf (self->messages, "%s:%u:%u: %s\n", self->name, line, column, message);
  /* Past this, more messages help nobody, and looking for them costs time on a file that is
   * broken everywhere: reading stops. */
  if (++self->n_errors >= MAX_MESSAGES)
    self->stopped = self->fatal = TRUE;
}

/* The column (1-based, in characters) of @needle on @line, or 1 when it is not there; the
 * line is found from the last one found, as messages come mostly in the order of the file. */
static guint
find_column (Reader *self, guint line, const char *needle)
{
  const char *start, *end, *hit;

  if (line == 0)
    return 1;
  self->known_start = pl_xml_find_line (self->data, self->size, self->known_line, self->known_start, line);
  self->known_line = line;
  if (self->known_start >= self->size)
    return 1;
  start = self->data + self->known_start;
  end = memchr (start, '\n', self->data + self->size - start);
  if (end == NULL)
    end = self->data + self->size;
  hit = needle ? g_strstr_len (start, end - start, needle) : NULL;
  if (hit == NULL)
    return 1;
  return pl_xml_cursor_column (&self->cursor, self->known_start, hit - self->data);
}

/* Where the current element stands (libxml2 2.9 gives no column, and line 65535 past that). */
static guint
current_line (Reader *self)
{
  return self->tag.line;
}

/* Reports a problem at the current element; @needle locates the column on its line. */
G_GNUC_PRINTF (3, 4) static void
error_at (Reader *self, const char *needle, const char *format, ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  if (self->stopped)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  pl_xml_cursor_locate (&self->cursor, &self->tag, needle, &line, &column);
  add_message (self, line, column, message);
}

static char *
attribute_needle (const char *name)
{
  return g_strconcat (name, "=", NULL);
}

/* Puts the libxml2 messages a user meets most into plain words. */
static const char *
plain_parser_message (const xmlError *error)
{
  /* libxml2's limits without XML_PARSE_HUGE: "huge text node", "Huge input lookup",
   * "AttValue length too long", "Name too long", "Comment too big found"... */
  if (error->message != NULL &&
      (strstr (error->message, "huge") || strstr (error->message, "Huge") ||
       strstr (error->message, "too long") || strstr (error->message, "too big")))
    return _("A text, a value or a name in the file is longer than Pilote reads (10 MB); "
             "no plan holds one that long, so the file is refused.");
  switch (error->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      return _("The file is empty.");
    case XML_ERR_DOCUMENT_END:
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_GT_REQUIRED:
      return NULL;
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
      return _("The file is not valid UTF-8 text here (was it saved in another encoding?).");
    case XML_ERR_UNSUPPORTED_ENCODING:
      return _("The file declares an encoding Pilote does not read; plan files are UTF-8.");
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      return _("The file uses an entity (&name;) that plan files do not have.");
    case XML_ERR_ENTITY_LOOP:
      return _("The file defines entities that expand without end; it is refused.");
    case XML_ERR_EXT_ENTITY_STANDALONE:
    case XML_IO_LOAD_ERROR:
      return _("The file refers to another file or address; plan files never do, so it is refused.");
    case XML_ERR_INTERNAL_ERROR:
      if (error->message && strstr (error->message, "depth"))
        return _("The elements are nested too deeply; this is not a plan file.");
      return NULL;
    default:
      return NULL;
    }
}

static char *
clean_libxml_message (const char *message)
{
  /* Schema messages name elements as '{namespace}name'; readers want 'name'. A namespace has
   * no quote or space, unlike the set of values an enumeration allows ({'a', 'b'}), kept. */
  g_autoptr(GRegex) ns = g_regex_new ("\\{[^}' ]*\\}", 0, 0, NULL);
  /* libxml2 quotes the file's bytes, which may not be text: GRegex wants UTF-8. */
  g_autofree char *valid = g_utf8_make_valid (message ? message : "", -1);
  g_autofree char *text = g_regex_replace_literal (ns, valid, -1, 0, "", 0, NULL);

  return g_strstrip (g_steal_pointer (&text));
}

/* A copy cut short ends in the middle of the plan, not after its closing tag; the parser
 * then trips on the last line, with many different messages. */
static gboolean
looks_cut_off (Reader *self, xmlErrorPtr error)
{
  gsize end = self->size;
  guint last_line = 1;

  while (end > 0 && g_ascii_isspace (self->data[end - 1]))
    end--;
  if (end > 0 && self->data[end - 1] == '>')
    return FALSE;
  for (const char *p = self->data; (p = memchr (p, '\n', self->data + end - p)) != NULL; p++)
    last_line++;
  return error->line <= 0 || (guint) error->line >= last_line;
}

/* Turns libxml2's schema wording into a sentence a plan's author can act on. */
static char *
plain_schema_message (const char *message)
{
  g_autoptr(GRegex) unexpected =
    g_regex_new ("^Element '([^']+)': This element is not expected\\. Expected is (?:one of )?\\( ?(.*?),? ?(?:##other\\*)? ?\\)\\.?$",
                 0, 0, NULL);
  g_autoptr(GRegex) enumeration =
    g_regex_new ("^Element '([^']+)', attribute '([^']+)': \\[facet 'enumeration'\\] The value '(.*)' is not an "
                 "element of the set \\{(.*)\\}\\.?$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (enumeration, message, 0, &match))
    {
      g_autofree char *element = g_match_info_fetch (match, 1);
      g_autofree char *attribute = g_match_info_fetch (match, 2);
      g_autofree char *value = g_match_info_fetch (match, 3);
      g_autofree char *set = g_match_info_fetch (match, 4);
      g_auto(GStrv) values = g_strsplit (set, "'", -1);
      g_autoptr(GString) allowed = g_string_new (NULL);

      /* 'a', 'b', 'c': every other piece is a value. */
      for (guint i = 1; values[i] != NULL && values[i + 1] != NULL; i += 2)
        g_string_append_printf (allowed, "%s%s", allowed->len > 0 ? ", " : "", values[i]);
      return g_strdup_printf (_("The %s of <%s> is “%s”; it must be one of: %s."), attribute, element, value,
                              allowed->str);
    }
  g_clear_pointer (&match, g_match_info_unref);
  if (g_regex_match (unexpected, message, 0, &match))
    {
      g_autofree char *element = g_match_info_fetch (match, 1);
      g_autofree char *expected = g_match_info_fetch (match, 2);
      g_strstrip (expected);
      if (g_str_has_suffix (expected, ","))
        expected[strlen (expected) - 1] = '\0';
      /* Only another vocabulary's elements may come there: nothing of ours to name. */
      if (*expected == '\0')
        return g_strdup_printf (_("The element <%s> is not expected here; it is out of place, or in the wrong order "
                                  "with the elements before it."), element);
      return g_strdup_printf (_("The element <%s> is not expected here; expected: %s."), element, expected);
    }
  return g_strdup (message);
}

/* Whether the bytes hold the plan's closing tag at all (with or without a prefix). */
static gboolean
has_root_end (Reader *self)
{
  return memmem (self->data, self->size, "</plan>", 7) != NULL ||
         memmem (self->data, self->size, ":plan>", 6) != NULL;
}

static void
structured_error (void *user_data, xmlErrorPtr error)
{
  Reader *self = user_data;
  const char *plain;
  g_autofree char *text = NULL;
  guint column = error->int2 > 0 ? (guint) error->int2 : 1;

  if (error->level == XML_ERR_WARNING)
    return;
  if (error->domain == XML_FROM_SCHEMASV)
    {
      g_autofree char *message = clean_libxml_message (error->message);
      g_autofree char *plain_message = plain_schema_message (message);
      guint line = error->line > 0 ? (guint) error->line : 0;

      /* An element's line stops at 65535 in libxml2 2.9; the schema checks an element as the
       * parser reads it (ahead of the reader), so the parser's own line, which does not stop,
       * is the element's. */
      if (line == 0 || line >= G_MAXUINT16)
        line = (guint) MAX (xmlTextReaderGetParserLineNumber (self->reader), 1);
      add_message (self, line, find_column (self, line, "<"), plain_message);
      return;
    }
  self->fatal = TRUE;
  plain = plain_parser_message (error);
  if (error->code == XML_ERR_TAG_NOT_FINISHED || looks_cut_off (self, error) ||
      (error->message && strstr (error->message, "Premature end")))
    text = g_strdup (_("The file ends too early: it looks cut off, perhaps by an interrupted copy or download."));
  else if (error->code == XML_ERR_DOCUMENT_END && !has_root_end (self))
    /* Cut right after a tag, libxml2 speaks of content after the end: there is no end. */
    text = g_strdup (_("The file ends too early: it looks cut off, perhaps by an interrupted copy or download."));
  else if (error->code == XML_ERR_DOCUMENT_END)
    text = g_strdup (_("There is content after the end of the plan (after </plan>)."));
  else if (error->code == XML_ERR_DOCUMENT_EMPTY)
    text = g_strdup (_("This is not a plan file: it does not start with XML (a plan file starts with <?xml or <plan>)."));
  else if (error->message && strstr (error->message, "EntityRef: no name"))
    text = g_strdup (_("A “&” must be written “&amp;” in a plan file."));
  else if (error->message && strstr (error->message, "attributes construct error"))
    text = g_strdup (_("An attribute is not written correctly here: check its quotes and its “=” sign."));
  else if (error->code == XML_ERR_TAG_NAME_MISMATCH && error->str1 && error->str2)
    text = g_strdup_printf (_("The element <%s> opened at line %d is closed by </%s>: a closing tag "
                              "is missing or misspelt."), error->str1, error->int1, error->str2);
  else if (error->code == XML_ERR_ATTRIBUTE_REDEFINED && error->str1)
    text = g_strdup_printf (_("The attribute “%s” is given twice in the same element."), error->str1);
  else if (plain != NULL)
    text = g_strdup (plain);
  else if (error->domain == XML_FROM_PARSER)
    {
      /* The parser's own words ("error parsing attribute name") say where, not what to do. */
      g_autofree char *detail = clean_libxml_message (error->message);
      text = g_strdup_printf (_("The markup is broken here, so the file cannot be read as a plan (the XML parser "
                                "says: “%s”). Was it edited by hand or damaged in a copy?"), detail);
    }
  else
    text = clean_libxml_message (error->message);
  /* A truncated file reports the same end several times; once is enough. */
  if (self->messages->len > 0 && g_str_has_suffix (self->messages->str, text) == FALSE)
    {
      g_autofree char *needle = g_strdup_printf (": %s\n", text);
      if (strstr (self->messages->str, needle) != NULL)
        return;
    }
  add_message (self, error->line > 0 ? (guint) error->line : 1, column, text);
}

static xmlParserInputPtr
deny_entity_loader (const char *url, const char *id, xmlParserCtxtPtr context)
{
  /* Nothing a plan file names may be fetched: no DTD, no entity, no network, no other file. */
  return NULL;
}

/* ---- values ---- */

/* Plain decimals of up to 15 digits with at most 22 decimals are exact as a double divided
 * by an exact power of ten (Clinger's fast path): correctly rounded, and much faster than
 * strtod, which measurements by the hundred thousand need. */
static gboolean
parse_simple_decimal (const char *text, double *out)
{
  static const double powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };
  const char *p = text;
  gboolean negative = *p == '-';
  guint64 mantissa = 0;
  guint digits = 0, decimals = 0;

  if (negative)
    p++;
  for (; g_ascii_isdigit (*p); p++)
    {
      mantissa = mantissa * 10 + (guint64) (*p - '0');
      if (mantissa != 0 && ++digits > 15)
        return FALSE;
    }
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++, decimals++)
      {
        mantissa = mantissa * 10 + (guint64) (*p - '0');
        if ((mantissa != 0 && ++digits > 15) || decimals >= 22)
          return FALSE;
      }
  if (*p != '\0')
    return FALSE;
  *out = (double) mantissa / powers[decimals];
  if (negative)
    *out = -*out;
  return TRUE;
}

static gboolean
parse_number (const char *text, double *out)
{
  const char *p = text;
  char *end;

  /* The file format allows only plain decimals: no hex, no "nan", no "inf". */
  if (*p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p != '\0')
    return FALSE;
  if (parse_simple_decimal (text, out))
    return TRUE;
  *out = g_ascii_strtod (text, &end);
  return isfinite (*out);
}

static gboolean
parse_digits (const char *p, guint n, guint *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      value = value * 10 + (guint) (p[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Parses "YYYY-MM-DD", or "YYYY-MM" when @month_only, into a Julian day. */
/* GDate's day number (1 January of year 1 is day 1), by arithmetic: a measurement's date is
 * read half a million times in a big plan. Days since 1 March of year 0, as in
 * H. Hinnant's days_from_civil. */
static guint32
julian_day (guint y, guint m, guint d)
{
  guint year = m <= 2 ? y - 1 : y;
  guint era = year / 400;
  guint year_of_era = year - era * 400;
  guint day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  guint day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  /* Day 0 here is 1 March of year 0, which is GDate's day -305. */
  return era * 146097 + day_of_era - 305;
}

static gboolean
parse_date (const char *text, gboolean month_only, guint32 *julian)
{
  guint y, m, d = 1;
  gsize len = strlen (text);

  if (len != (month_only ? 7u : 10u) || text[4] != '-' ||
      !parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m))
    return FALSE;
  if (!month_only && (text[7] != '-' || !parse_digits (text + 8, 2, &d)))
    return FALSE;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y))
    return FALSE;
  *julian = julian_day (y, m, d);
  return TRUE;
}

static char *
enum_choices (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) nicks = NULL;

  for (guint i = 0; i < klass->n_values; i++)
    g_strv_builder_add (builder, klass->values[i].value_nick);
  nicks = g_strv_builder_end (builder);
  return g_strjoinv (", ", nicks);
}

/* What the user calls @item (its attributes are read before its children): its name, its
 * ID only when it has none. */
static const char *
item_name (PlItem *item)
{
  const char *name = pl_item_get_display_name (item);
  return name ? name : "";
}

/* Stores attribute @value in @field of @item; reports what does not fit. */
static void
set_attribute (Reader *self, PlItem *item, guint field, const char *value)
{
  const PlField *f = &pl_item_get_fields (item, NULL)[field];
  g_autofree char *needle_text = NULL;
  g_autofree char *what_text = NULL;

  /* Worded only for a message: wording costs more than reading the value. */
#define label (g_dgettext (GETTEXT_PACKAGE, f->label))
#define needle (needle_text ? needle_text : (needle_text = attribute_needle (f->name)))
#define what (what_text ? what_text : (what_text = pl_rules_describe (self->plan, item, FALSE)))
  switch (f->type)
    {
    case PL_FIELD_STRING:
    case PL_FIELD_REF:
      if (*value != '\0')
        pl_item_set_string (item, field, value);
      break;
    case PL_FIELD_INT:
      {
        gint64 n;
        if (!g_ascii_string_to_signed (value, 10, G_MININT32, G_MAXINT32, &n, NULL))
          error_at (self, needle, _("The %s of %s is “%s”, which is not a whole number."),
                    label, what, value);
        else if (PL_IS_METADATA (item) && field == PL_METADATA_MONTHS && n != 3 && n != 6 && n != 12)
          error_at (self, needle, _("The fiscal period lasts %s months; it must be 3, 6 or 12."), value);
        else
          pl_item_set_int (item, field, n);
      }
      break;
    case PL_FIELD_DOUBLE:
      {
        double d;
        if (!parse_number (value, &d))
          error_at (self, needle, _("The %s of %s is “%s”, which is not a number (write it like 1234.5)."),
                    label, what, value);
        else
          pl_item_set_double (item, field, d);
      }
      break;
    case PL_FIELD_BOOL:
      if (g_str_equal (value, "true") || g_str_equal (value, "false"))
        pl_item_set_int (item, field, g_str_equal (value, "true"));
      else
        error_at (self, needle, _("The %s of %s is “%s”; it must be true or false."),
                  label, what, value);
      break;
    case PL_FIELD_ENUM:
      {
        int v = pl_enum_from_nick (f->enum_type (), value);
        if (v < 0)
          {
            g_autofree char *choices = enum_choices (f->enum_type ());
            error_at (self, needle, _("The %s of %s is “%s”; it must be one of: %s."),
                      label, what, value, choices);
          }
        else
          pl_item_set_int (item, field, v);
      }
      break;
    case PL_FIELD_DATE:
    case PL_FIELD_MONTH:
      {
        guint32 julian;
        if (*value == '\0' && !(f->flags & PL_FIELD_REQUIRED))
          break;
        if (!parse_date (value, f->type == PL_FIELD_MONTH, &julian))
          error_at (self, needle, _("The %s of %s is “%s”, which is not a valid %s."),
                    label, what, value,
                    f->type == PL_FIELD_MONTH ? _("month (YYYY-MM)") : _("date (YYYY-MM-DD)"));
        else
          pl_item_set_julian (item, field, julian);
      }
      break;
    case PL_FIELD_MONEY:
      {
        gint64 amount;
        g_autoptr(GError) error = NULL;
        if (!pl_money_parse (value, self->exponent, &amount, &error))
          error_at (self, needle, _("The %s of %s is wrong: %s."), label, what, error->message);
        else if (!pl_rule_money (self->plan, item, field, amount, &error))
          error_at (self, needle, "%s", error->message);
        else
          pl_item_set_int (item, field, amount);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}
#undef what
#undef label
#undef needle

static const char *
attribute (Reader *self, const char *name)
{
  /* The reader owns the returned string until the next move. */
  if (xmlTextReaderMoveToAttribute (self->reader, BAD_CAST name) != 1)
    return NULL;
  return (const char *) xmlTextReaderConstValue (self->reader);
}

static gboolean
is_ours (Reader *self)
{
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (self->reader);

  return ns != NULL && strcmp (ns, PL_PLAN_NAMESPACE) == 0;
}

static const char *
local_name (Reader *self)
{
  return (const char *) xmlTextReaderConstLocalName (self->reader);
}

/* Moves past the current element and its subtree; returns TRUE when the reader then stands
 * on a node to handle. */
static gboolean next (Reader *self);

static gboolean
skip (Reader *self)
{
  int depth;

  /* Reading on to the end tag streams; xmlTextReaderNext() would build the subtree first. */
  if (self->fatal || xmlTextReaderNodeType (self->reader) != XML_READER_TYPE_ELEMENT ||
      xmlTextReaderIsEmptyElement (self->reader))
    return FALSE;
  depth = xmlTextReaderDepth (self->reader);
  while (next (self))
    if (xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_END_ELEMENT &&
        xmlTextReaderDepth (self->reader) == depth)
      break;
  return FALSE;
}

/* libxml2 repeats on a serialised subtree every namespace in scope; the ones the root
 * declares are written there anyway, so they are dropped to give back the element as it was. */
static void
strip_inherited_namespaces (Reader *self, GString *xml)
{
  const char *end = strchr (xml->str, '>');
  gsize tag_end = end != NULL ? (gsize) (end - xml->str) : xml->len;

  for (guint i = 0; i < self->root_ns->len; i++)
    {
      const char *decl = g_ptr_array_index (self->root_ns, i);
      const char *found = g_strstr_len (xml->str, tag_end, decl);

      if (found != NULL)
        {
          gsize len = strlen (decl);
          g_string_erase (xml, found - xml->str, len);
          tag_end -= len;
        }
    }
}

/* Keeps the current element, subtree and all, for writing back. */
static void
keep_element (Reader *self, PlExtras *extras)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (self->reader);
  xmlChar *xml;
  g_autoptr(GString) text = NULL;

  /* Without an XML declaration libxml2 writes every character past ASCII as a reference
   * (&#xE9;), and the next read of what we wrote, which has one, would keep it as it is: the
   * text is UTF-8 whatever the file declared (it was made so), so it is written as such. */
  if (node != NULL && node->doc != NULL && node->doc->encoding == NULL)
    node->doc->encoding = xmlStrdup ((const xmlChar *) "UTF-8");
  xml = xmlTextReaderReadOuterXml (self->reader);
  if (xml == NULL)
    return;
  text = g_string_new ((const char *) xml);
  xmlFree (xml);
  strip_inherited_namespaces (self, text);
  pl_extras_add_child (extras, text->str);
}

/* Advances to the next node that matters; returns its depth relation, or FALSE at the end. */
static gboolean
next (Reader *self)
{
  int ret;

  if (self->fatal)
    return FALSE;
  ret = xmlTextReaderRead (self->reader);
  if (ret != 1)
    {
      if (ret < 0)
        self->fatal = TRUE;
      return FALSE;
    }
  if (xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_ELEMENT)
    pl_xml_cursor_next (&self->cursor, &self->tag);
  if (xmlTextReaderDepth (self->reader) > MAX_DEPTH)
    {
      error_at (self, NULL, _("The elements are nested too deeply; this is not a plan file."));
      self->fatal = TRUE;
      return FALSE;
    }
  if (xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      error_at (self, "<!DOCTYPE", _("The file has a document type declaration (<!DOCTYPE>); "
                                     "plan files never have one, so it is refused."));
      self->fatal = TRUE;
      return FALSE;
    }
  return TRUE;
}

/* Moves to the next node unless the reader already stands on one (*@positioned). */
static gboolean
advance (Reader *self, gboolean *positioned)
{
  if (*positioned)
    {
      *positioned = FALSE;
      return !self->fatal;
    }
  return next (self);
}

/* Reads the attributes of the current element into @item: known ones into fields, the rest
 * into its extras. */
static gboolean
valid_id (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > 64)
    return FALSE;
  for (const char *c = id; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '_' && *c != '.')
      return FALSE;
  return TRUE;
}

static void
read_attributes (Reader *self, PlItem *item)
{
  PlItemClass *klass = PL_ITEM_GET_CLASS (item);
  const PlField *fields = pl_item_get_fields (item, NULL);
  /* Asked once: a type check costs as much as storing the value. */
  gboolean metadata = PL_IS_METADATA (item);

  while (xmlTextReaderMoveToNextAttribute (self->reader) == 1)
    {
      const char *name = (const char *) xmlTextReaderConstName (self->reader);
      const char *value = (const char *) xmlTextReaderConstValue (self->reader);
      int field;

      if (xmlTextReaderIsNamespaceDecl (self->reader))
        {
          if (!metadata)
            pl_extras_add_attribute (pl_item_get_extras (item), name, value);
          continue;
        }
      if (strcmp (name, "id") == 0 && !metadata)
        {
          if (!valid_id (value))
            error_at (self, "id=", _("The ID “%s” is not allowed: an ID is 1 to 64 letters, digits, "
                                     "“-”, “_” or “.”."), value);
          pl_item_set_id (item, value);
          continue;
        }
      field = strchr (name, ':') ? -1 : pl_item_class_find_field (klass, name);
      if (field < 0 || fields[field].type == PL_FIELD_TEXT || fields[field].type == PL_FIELD_STRV ||
          fields[field].type == PL_FIELD_AMOUNTS || fields[field].type == PL_FIELD_ANSWERS ||
          fields[field].type == PL_FIELD_ASSUMPTIONS)
        {
          pl_extras_add_attribute (pl_item_get_extras (item), name, value);
          continue;
        }
      if (metadata && field == PL_METADATA_CURRENCY && !pl_currency_is_valid (value))
        {
          error_at (self, "currency=", _("The currency is “%s”; it must be an ISO 4217 code such as EUR or USD."),
                    value);
          continue;
        }
      set_attribute (self, item, field, value);
      if (metadata && field == PL_METADATA_CURRENCY)
        self->exponent = pl_currency_exponent (value);
    }
  xmlTextReaderMoveToElement (self->reader);
}

static void
check_required (Reader *self, PlItem *item, const PlXmlTag *tag)
{
  guint n_fields;
  const PlField *fields = pl_item_get_fields (item, &n_fields);
  g_autofree char *needle = NULL;
  guint line, column;

  if (PL_IS_METADATA (item) || pl_item_get_id (item) != NULL)
    {
      guint f;
      for (f = 0; f < n_fields; f++)
        if ((fields[f].flags & PL_FIELD_REQUIRED) && !pl_item_field_is_set (item, f) &&
            fields[f].type != PL_FIELD_INT)
          break;
      /* The common case, and worth the early return: nothing is missing. */
      if (f == n_fields)
        return;
    }
  needle = g_strconcat ("<", pl_item_get_element (item), NULL);
  pl_xml_cursor_locate (&self->cursor, tag, needle, &line, &column);

  if (!PL_IS_METADATA (item) && pl_item_get_id (item) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("A %s has no id attribute."), pl_item_get_element (item));
      add_message (self, line, column, message);
    }
  for (guint f = 0; f < n_fields; f++)
    {
      g_autoptr(GError) error = NULL;

      /* In the words validation and the window use for the same rule. */
      if (fields[f].type != PL_FIELD_INT &&
          !pl_rule_required (self->plan, item, f, pl_item_field_is_set (item, f), &error))
        add_message (self, line, column, error->message);
    }
}

/* Appends the texts of @node and its siblings, and of their children, in document order. */
static void
collect_text (GString *text, xmlNodePtr node)
{
  for (; node != NULL; node = node->next)
    if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && node->content != NULL)
      g_string_append (text, (const char *) node->content);
    else if (node->type == XML_ELEMENT_NODE)
      collect_text (text, node->children);
}

/* The text of the current element, as xmlTextReaderReadString() gives it, without the 4 KB
 * buffer that allocates for each text (a million records, a million texts). An empty element
 * (<notes/>) reads as empty text. */
static char *
read_text (Reader *self)
{
  xmlNodePtr node = xmlTextReaderExpand (self->reader);
  GString *text;

  if (node == NULL || node->children == NULL)
    return g_strdup ("");
  /* The common case: one text node. */
  if (node->children->next == NULL && node->children->type == XML_TEXT_NODE)
    return g_strdup (node->children->content != NULL ? (const char *) node->children->content : "");
  text = g_string_new (NULL);
  collect_text (text, node->children);
  return g_string_free (text, FALSE);
}

/* A <planned month amount/> of a budget line. */
static void
read_planned (Reader *self, PlItem *line, GArray *amounts, GArray *set)
{
  const char *month = attribute (self, "month");
  guint32 julian;
  int index;
  gint64 amount;
  g_autoptr(GError) error = NULL;

  if (month == NULL || !parse_date (month, TRUE, &julian))
    {
      error_at (self, "month=", _("A planned amount of the budget line “%s” has no valid month (YYYY-MM)."),
                item_name (line));
      return;
    }
  index = pl_plan_month_index (self->plan, julian);
  if (index < 0)
    {
      error_at (self, "month=", _("The budget line “%s” plans an amount for %s, outside the fiscal period."),
                item_name (line), month);
      return;
    }
  if (g_array_index (set, gboolean, index))
    {
      error_at (self, "month=", _("The budget line “%s” plans %s twice."), item_name (line), month);
      return;
    }
  {
    g_autofree char *copy = g_strdup (attribute (self, "amount"));
    if (copy == NULL || !pl_money_parse (copy, self->exponent, &amount, &error))
      {
        error_at (self, "amount=", _("The amount planned for %s on the budget line “%s” is wrong: %s."),
                  month, item_name (line), error ? error->message : _("it is missing"));
        return;
      }
    if (!pl_rule_planned (self->plan, line, (guint) index, amount, &error))
      {
        error_at (self, "amount=", "%s", error->message);
        return;
      }
  }
  g_array_index (amounts, gint64, index) = amount;
  g_array_index (set, gboolean, index) = TRUE;
}

static void
read_answer (Reader *self, PlItem *assessment, GVariantBuilder *answers, GHashTable *questions)
{
  g_autofree char *question = g_strdup (attribute (self, "question"));
  const char *value = attribute (self, "value");
  guint score;

  if (question == NULL || *question == '\0')
    {
      error_at (self, "<answer", _("An answer of the assessment “%s” names no question."), item_name (assessment));
      return;
    }
  if (value == NULL)
    score = G_MAXUINT;
  else if (g_str_equal (value, "unknown"))
    score = 0;
  else if (strlen (value) == 1 && value[0] >= '1' && value[0] <= '5')
    score = (guint) (value[0] - '0');
  else
    score = G_MAXUINT;
  if (score == G_MAXUINT)
    {
      error_at (self, "value=", _("The answer to “%s” in the assessment “%s” must be 1 to 5 or unknown."),
                question, item_name (assessment));
      return;
    }
  if (!g_hash_table_add (questions, g_strdup (question)))
    {
      error_at (self, "question=", _("The assessment “%s” answers “%s” twice."), item_name (assessment), question);
      return;
    }
  g_variant_builder_add (answers, "(sy)", question, (guchar) score);
}

static int
compare_answers (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Sorts answers by question, as the model keeps them. */
static GVariant *
sorted_answers (GVariant *answers)
{
  gsize n = g_variant_n_children (answers);
  g_autofree const char **questions = g_new0 (const char *, n + 1);
  g_autoptr(GHashTable) scores = g_hash_table_new (g_str_hash, g_str_equal);
  GVariantBuilder builder;

  g_variant_ref_sink (answers);
  for (gsize i = 0; i < n; i++)
    {
      const char *q;
      guchar v;
      g_variant_get_child (answers, i, "(&sy)", &q, &v);
      questions[i] = q;
      g_hash_table_insert (scores, (gpointer) q, GUINT_TO_POINTER (v));
    }
  qsort (questions, n, sizeof (char *), compare_answers);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sy)"));
  for (gsize i = 0; i < n; i++)
    g_variant_builder_add (&builder, "(sy)", questions[i],
                           (guchar) GPOINTER_TO_UINT (g_hash_table_lookup (scores, questions[i])));
  {
    GVariant *result = g_variant_builder_end (&builder);
    g_variant_unref (answers);
    return result;
  }
}

/* The driver keys, for a message: "cpl, lead-to-mql, …". */
static char *
driver_choices (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;

  for (int d = 0; d < PL_N_DRIVERS; d++)
    g_strv_builder_add (builder, pl_driver_key ((PlDriver) d));
  keys = g_strv_builder_end (builder);
  return g_strjoinv (", ", keys);
}

/* An <assume/> of a scenario: a driver's value, or a budget category's spend change. Whether
 * the value suits its driver is for validation to say (the file still opens to be mended). */
static void
read_assume (Reader *self, PlItem *scenario, GVariantBuilder *assumptions, GHashTable *seen)
{
  g_autofree char *driver = g_strdup (attribute (self, "driver"));
  g_autofree char *category = g_strdup (attribute (self, "category"));
  g_autofree char *value_text = g_strdup (attribute (self, driver != NULL ? "value" : "change"));
  const char *key = driver != NULL ? driver : category;
  g_autofree char *seen_key = NULL;
  PlDriver which;
  double value;

  if ((driver == NULL) == (category == NULL) || *key == '\0')
    {
      error_at (self, "<assume", _("An assumption of the scenario “%s” must name either a driver "
                                   "(driver=\"…\" value=\"…\") or a budget category "
                                   "(category=\"…\" change=\"…\")."), item_name (scenario));
      return;
    }
  if (driver != NULL && !pl_driver_from_key (driver, &which))
    {
      g_autofree char *choices = driver_choices ();
      error_at (self, "driver=", _("The scenario “%s” assumes “%s”, which is not a driver; it must be "
                                   "one of: %s."), item_name (scenario), driver, choices);
      return;
    }
  if (value_text == NULL || !parse_number (value_text, &value))
    {
      error_at (self, driver != NULL ? "value=" : "change=",
                driver != NULL ? _("The value the scenario “%s” assumes for “%s” is “%s”, which is not "
                                   "a number (write it like 0.35).")
                               : _("The spend change the scenario “%s” assumes for the category “%s” is "
                                   "“%s”, which is not a number of percent (write it like -20)."),
                item_name (scenario), key, value_text != NULL ? value_text : "");
      return;
    }
  seen_key = g_strconcat (driver != NULL ? PL_ASSUME_DRIVER ":" : PL_ASSUME_CATEGORY ":", key, NULL);
  if (!g_hash_table_add (seen, g_steal_pointer (&seen_key)))
    {
      error_at (self, driver != NULL ? "driver=" : "category=",
                _("The scenario “%s” assumes “%s” twice."), item_name (scenario), key);
      return;
    }
  g_variant_builder_add (assumptions, "(ssd)", driver != NULL ? PL_ASSUME_DRIVER : PL_ASSUME_CATEGORY,
                         key, value);
}

/* A <target/> or <measurement/> of a KPI, or a <result/> of a campaign on a KPI (1.5). */
/* Only on errors: gettext costs more than the rest of reading a measurement. */
static const char *
point_noun (gboolean target)
{
  return target ? _("target") : _("measurement");
}

/* A campaign's result is checked as a KPI's measurement is, with messages naming both. */
static void read_result_error (Reader *self, PlItem *link, const char *at, const char *period,
                               const char *value_text, gboolean twice);

static void
read_point (Reader *self, PlItem *item, PlSeriesKind kind)
{
  gboolean target = kind == PL_SERIES_TARGETS;
  PlItem *kpi = item;
  PlSeries *series = pl_item_get_series (item, kind);
  const char *period_text = NULL;
  const char *value_text = NULL;
  g_autofree char *source = NULL;
  char period[16] = "";
  char value_copy[64] = "";
  const char *what;
  guint32 julian;
  double value;

  /* One pass over the attributes: looking each up by name costs more than all the rest.
   * libxml2 may reuse the buffer of a value at the next call, hence the copies. */
  while (xmlTextReaderMoveToNextAttribute (self->reader) == 1)
    {
      const char *name = (const char *) xmlTextReaderConstName (self->reader);
      const char *text = (const char *) xmlTextReaderConstValue (self->reader);

      if (strcmp (name, "period") == 0)
        period_text = g_strlcpy (period, text, sizeof period) < sizeof period ? period : "?";
      else if (strcmp (name, "value") == 0)
        value_text = g_strlcpy (value_copy, text, sizeof value_copy) < sizeof value_copy ? value_copy : "?";
      else if (strcmp (name, "source") == 0)
        {
          g_free (source);
          source = g_strdup (text);
        }
    }
  xmlTextReaderMoveToElement (self->reader);

  if (kind == PL_SERIES_RESULTS)
    {
      if (period_text == NULL || !parse_date (period_text, FALSE, &julian) ||
          julian != pl_month_first_day (julian, 0))
        read_result_error (self, item, "period=", NULL, NULL, FALSE);
      else if (value_text == NULL || !parse_number (value_text, &value))
        read_result_error (self, item, "value=", period, value_text ? value_text : "", FALSE);
      else if (pl_series_lookup (series, julian) != NULL)
        read_result_error (self, item, "period=", period, NULL, TRUE);
      else
        pl_series_set (series, julian, value, source);
      return;
    }
  if (period_text == NULL || !parse_date (period_text, FALSE, &julian))
    {
      what = point_noun (target);
      error_at (self, "period=", _("A %s of the KPI “%s” has no valid period (YYYY-MM-DD)."),
                what, item_name (kpi));
      return;
    }
  if (value_text == NULL || !parse_number (value_text, &value))
    {
      what = point_noun (target);
      error_at (self, "value=", _("The %s of the KPI “%s” for %s is “%s”, which is not a finite number."),
                what, item_name (kpi), period, value_text ? value_text : "");
      return;
    }
  if (pl_series_lookup (series, julian) != NULL)
    {
      what = point_noun (target);
      error_at (self, "period=", _("The KPI “%s” has two %ss for %s."), item_name (kpi), what, period);
      return;
    }
  pl_series_set (series, julian, value, source);
}

/* The name of the record @field of @item names, for a message: the campaigns and the KPIs are
 * read before their links; its ID when it names none (validation says so later). */
static const char *
referenced_name (Reader *self, PlItem *item, guint field)
{
  const char *id = pl_item_get_string (item, field);
  PlItem *named = id != NULL ? pl_plan_lookup (self->plan, id) : NULL;

  return named != NULL ? item_name (named) : id != NULL ? id : "";
}

static void
read_result_error (Reader *self, PlItem *link, const char *at, const char *period,
                   const char *value_text, gboolean twice)
{
  const char *campaign = referenced_name (self, link, PL_CAMPAIGN_KPI_CAMPAIGN);
  const char *kpi = referenced_name (self, link, PL_CAMPAIGN_KPI_KPI);

  if (twice)
    error_at (self, at, _("The campaign “%s” has two results on the KPI “%s” for %s."),
              campaign, kpi, period);
  else if (period == NULL)
    error_at (self, at, _("A result of the campaign “%s” on the KPI “%s” has no valid period "
                          "(the first day of a month, YYYY-MM-01)."), campaign, kpi);
  else
    error_at (self, at, _("The result of the campaign “%s” on the KPI “%s” for %s is “%s”, "
                          "which is not a finite number."), campaign, kpi, period, value_text);
}

/* Checks a value of a list of text read into @field of @item; reports what does not fit. */
static gboolean
read_list_value (Reader *self, PlItem *item, guint field, const char *text)
{
  g_autofree char *what = NULL;

  if (PL_IS_BUDGET_LINE (item) && field == PL_BUDGET_LINE_CARRIED)
    {
      g_autoptr(GError) error = NULL;
      guint32 days[4];
      gint64 amount;

      if (pl_budget_carry_read (text, self->exponent, days, &amount, &error))
        return TRUE;
      what = pl_rules_describe (self->plan, item, FALSE);
      /* Translators: what was read, the budget line ("the budget line “Ads”"), then why it does not read */
      error_at (self, "<carried", _("The budget carried over “%s” on %s does not read: %s."), text, what,
                error->message);
      return FALSE;
    }
  if (!PL_IS_ENTRY (item))
    return TRUE;
  if (field == PL_ENTRY_SKIP && !pl_calendar_parse_skip (text, NULL))
    {
      what = pl_rules_describe (self->plan, item, FALSE);
      if (*text == '\0')
        error_at (self, "<skip", _("A skipped occurrence of %s is empty; write its date (YYYY-MM-DD)."), what);
      else
        error_at (self, "<skip", _("The skipped occurrence “%s” of %s is not a date (YYYY-MM-DD)."), text, what);
      return FALSE;
    }
  if (field == PL_ENTRY_MOVE && !pl_calendar_parse_move (text, NULL, NULL))
    {
      what = pl_rules_describe (self->plan, item, FALSE);
      error_at (self, "<move", _("The moved occurrence “%s” of %s is not two dates separated by a space "
                                 "(YYYY-MM-DD YYYY-MM-DD)."), text, what);
      return FALSE;
    }
  return TRUE;
}

/* Reads one record: the reader is on its start tag; leaves it after its end. */
static PlItem *
read_item (Reader *self, GType type)
{
  PlItem *item = g_object_new (type, NULL);
  PlItemClass *klass = PL_ITEM_GET_CLASS (item);
  PlXmlTag tag = self->tag;
  guint line = tag.line;
  int depth = xmlTextReaderDepth (self->reader);
  gboolean empty = xmlTextReaderIsEmptyElement (self->reader);
  g_autofree GPtrArray **lists = NULL;  /* per field, for lists of text; made when first needed */
  g_autoptr(GArray) amounts = NULL;
  g_autoptr(GArray) amounts_set = NULL;
  GVariantBuilder answers;
  g_autoptr(GHashTable) questions = NULL;
  gboolean positioned = FALSE;
  gboolean kpi = PL_IS_KPI (item);
  GVariantBuilder assumptions;
  g_autoptr(GHashTable) assumed = NULL;

  read_attributes (self, item);
  pl_item_set_position (item, line, 0);
  if (PL_IS_BUDGET_LINE (item))
    {
      guint months = pl_plan_get_months (self->plan);
      amounts = g_array_sized_new (FALSE, TRUE, sizeof (gint64), months);
      g_array_set_size (amounts, months);
      amounts_set = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), months);
      g_array_set_size (amounts_set, months);
    }
  if (PL_IS_ASSESSMENT (item))
    {
      g_variant_builder_init (&answers, G_VARIANT_TYPE ("a(sy)"));
      questions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  if (PL_IS_SCENARIO (item))
    {
      g_variant_builder_init (&assumptions, G_VARIANT_TYPE ("a(ssd)"));
      assumed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  while (!empty && advance (self, &positioned))
    {
      const char *name;
      int field;

      if (xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_END_ELEMENT &&
          xmlTextReaderDepth (self->reader) == depth)
        break;
      if (xmlTextReaderNodeType (self->reader) != XML_READER_TYPE_ELEMENT)
        continue;
      name = local_name (self);
      if (!is_ours (self))
        keep_element (self, pl_item_get_extras (item));
      else if (amounts != NULL && strcmp (name, "planned") == 0)
        read_planned (self, item, amounts, amounts_set);
      else if (questions != NULL && strcmp (name, "answer") == 0)
        read_answer (self, item, &answers, questions);
      else if (assumed != NULL && strcmp (name, "assume") == 0)
        read_assume (self, item, &assumptions, assumed);
      else if (kpi && strcmp (name, "target") == 0)
        read_point (self, item, PL_SERIES_TARGETS);
      else if (kpi && strcmp (name, "measurement") == 0)
        read_point (self, item, PL_SERIES_MEASUREMENTS);
      else if (PL_IS_CAMPAIGN_KPI (item) && strcmp (name, "result") == 0)
        read_point (self, item, PL_SERIES_RESULTS);
      else if ((field = pl_item_class_find_field (klass, name)) >= 0 &&
               (klass->fields[field].type == PL_FIELD_TEXT || klass->fields[field].type == PL_FIELD_STRV))
        {
          g_autofree char *text = read_text (self);
          if (klass->fields[field].type == PL_FIELD_TEXT)
            pl_item_set_string (item, field, *text ? text : NULL);
          else if (read_list_value (self, item, (guint) field, text))
            {
              if (lists == NULL)
                lists = g_new0 (GPtrArray *, klass->n_fields);
              if (lists[field] == NULL)
                lists[field] = g_ptr_array_new_with_free_func (g_free);
              g_ptr_array_add (lists[field], g_steal_pointer (&text));
            }
        }
      else
        keep_element (self, pl_item_get_extras (item));
      xmlTextReaderMoveToElement (self->reader);
      positioned = skip (self);
    }

  for (guint f = 0; lists != NULL && f < klass->n_fields; f++)
    if (lists[f] != NULL)
      {
        g_ptr_array_add (lists[f], NULL);
        pl_item_set_strv (item, f, (const char * const *) lists[f]->pdata);
        g_ptr_array_unref (lists[f]);
      }
  if (amounts != NULL)
    pl_item_set_variant (item, PL_BUDGET_LINE_PLANNED,
                         g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, amounts->data,
                                                    amounts->len, sizeof (gint64)));
  if (questions != NULL)
    {
      GVariant *all = g_variant_builder_end (&answers);
      pl_item_set_variant (item, PL_ASSESSMENT_ANSWERS, sorted_answers (all));
    }
  if (assumed != NULL)
    {
      g_autoptr(GVariant) all = g_variant_ref_sink (g_variant_builder_end (&assumptions));
      /* No assumption reads as none, as a scenario made in the window holds it. */
      pl_item_set_variant (item, PL_SCENARIO_ASSUMPTIONS,
                           g_hash_table_size (assumed) > 0 ? pl_scenario_sort_assumptions (all) : NULL);
    }
  check_required (self, item, &tag);
  return item;
}

/* Records @item's ID, or says what is wrong with it; FALSE when the record cannot be kept
 * (it has no ID: nothing could refer to it, and the plan's index needs one). */
static gboolean
register_id (Reader *self, PlItem *item, const PlXmlTag *tag)
{
  const char *id = pl_item_get_id (item);
  gpointer first;

  /* A missing or empty id was reported with the record's other fields: the record goes. */
  if (id == NULL || *id == '\0')
    return FALSE;
  if (g_hash_table_lookup_extended (self->ids, id, NULL, &first))
    {
      g_autofree char *message =
        g_strdup_printf (_("The ID “%s” is used twice: it was first given at line %u."), id,
                         GPOINTER_TO_UINT (first));
      guint line, column;

      pl_xml_cursor_locate (&self->cursor, tag, "id=", &line, &column);
      add_message (self, line, column, message);
      return TRUE;
    }
  g_hash_table_insert (self->ids, (gpointer) id, GUINT_TO_POINTER (pl_item_get_line (item)));
  return TRUE;
}

/* Reads the records of one container: the reader is on its start tag. */
static void
read_container (Reader *self, PlCollection collection)
{
  const char *element = pl_collection_get_element (collection);
  GType type = pl_collection_get_item_type (collection);
  PlExtras *extras = pl_plan_get_container_extras (self->plan, collection);
  int depth = xmlTextReaderDepth (self->reader);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean positioned = FALSE;

  while (xmlTextReaderMoveToNextAttribute (self->reader) == 1)
    pl_extras_add_attribute (extras, (const char *) xmlTextReaderConstName (self->reader),
                             (const char *) xmlTextReaderConstValue (self->reader));
  xmlTextReaderMoveToElement (self->reader);
  if (xmlTextReaderIsEmptyElement (self->reader))
    return;

  while (advance (self, &positioned))
    {
      if (xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_END_ELEMENT &&
          xmlTextReaderDepth (self->reader) == depth)
        break;
      if (xmlTextReaderNodeType (self->reader) != XML_READER_TYPE_ELEMENT)
        continue;
      if (is_ours (self) && strcmp (local_name (self), element) == 0)
        {
          PlXmlTag tag = self->tag;
          PlItem *item = read_item (self, type);
          if (register_id (self, item, &tag))
            g_ptr_array_add (items, item);
          else
            g_object_unref (item);
        }
      else
        {
          keep_element (self, extras);
          positioned = skip (self);
        }
    }
  /* Records still hold their IDs in a hash table of the reader; the plan takes them now so
   * that its own ID table is filled in one pass. */
  pl_plan_append_loaded (self->plan, collection, items);
}

static PlCollection
collection_for_container (const char *name)
{
  for (int c = 0; c < PL_N_COLLECTIONS; c++)
    if (strcmp (pl_collection_get_container (c), name) == 0)
      return c;
  return PL_COLLECTION_NONE;
}

static gboolean
check_version (Reader *self)
{
  const char *version = attribute (self, "version");
  guint64 major = 0, minor = 0;
  g_auto(GStrv) parts = NULL;

  if (version == NULL)
    {
      error_at (self, "<plan", _("The plan has no version attribute; it was not written by Pilote."));
      return FALSE;
    }
  parts = g_strsplit (version, ".", 3);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 1000, &major, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 1000, &minor, NULL))
    {
      error_at (self, "version=", _("The plan’s version is “%s”; a version looks like 1.0."), version);
      return FALSE;
    }
  if (major != PL_PLAN_FORMAT_MAJOR)
    {
      error_at (self, "version=",
                _("This plan uses version %s of the file format, which this version of Pilote "
                  "cannot read (it reads version %d.x). Update Pilote to open it."),
                version, PL_PLAN_FORMAT_MAJOR);
      self->newer = TRUE;
      return FALSE;
    }
  /* A later minor version only adds (doc/file-format.md): the plan opens, what is not known
   * is kept, and the user is told once (pl_plan_get_newer_format()). */
  if (minor > PL_PLAN_FORMAT_MINOR)
    g_object_set_data_full (G_OBJECT (self->plan), NEWER_FORMAT_KEY,
                            g_strdup_printf ("%u.%u", (guint) major, (guint) minor), g_free);
  return TRUE;
}

static void
read_root_attributes (Reader *self)
{
  PlExtras *extras = pl_plan_get_extras (self->plan);

  while (xmlTextReaderMoveToNextAttribute (self->reader) == 1)
    {
      const char *name = (const char *) xmlTextReaderConstName (self->reader);
      const char *value = (const char *) xmlTextReaderConstValue (self->reader);

      /* The writer writes these two itself; other namespace declarations are kept for the
       * foreign elements and attributes that use them. */
      if (g_str_has_prefix (name, "xmlns"))
        g_ptr_array_add (self->root_ns, g_strdup_printf (" %s=\"%s\"", name, value));
      if (strcmp (name, "version") == 0 || strcmp (name, "xmlns") == 0)
        continue;
      pl_extras_add_attribute (extras, name, value);
    }
  xmlTextReaderMoveToElement (self->reader);
}

/* Dates have four-digit years, in the file as in every text that shows one: a period that
 * ends after 9999 has months nothing can name. */
static int
compare_sections (gconstpointer a, gconstpointer b, gpointer unused)
{
  return strcmp (a, b);
}

/* Reads a <commentary section="...">: one per section, a paragraph each. */
static void
read_commentary (Reader *self, GTree *commentary)
{
  g_autofree char *section = (char *) xmlTextReaderGetAttribute (self->reader, (const xmlChar *) "section");
  g_autofree char *text = g_strstrip (read_text (self));
  g_autoptr(GError) error = NULL;

  if (section == NULL || *g_strstrip (section) == '\0')
    error_at (self, "<commentary", _("A commentary has no section attribute naming the report section it is for."));
  else if (g_tree_lookup (commentary, section) != NULL)
    error_at (self, "<commentary", _("The section “%s” has two commentaries."), section);
  else if (!pl_report_check_commentary (text, &error))
    error_at (self, "<commentary", _("The commentary of the section “%s” cannot be used: %s"), section, error->message);
  else if (*text != '\0')
    g_tree_insert (commentary, g_steal_pointer (&section), g_steal_pointer (&text));
}

static gboolean
add_commentary (gpointer key, gpointer value, gpointer builder)
{
  g_variant_builder_add (builder, "(ss)", key, value);
  return FALSE;
}

/* Reads the <logo>: a PNG image in base64, refused (so is the file, as for any value that
 * does not fit) when it is not base64, not a PNG or too big. */
static void
read_logo (Reader *self, PlItem *metadata)
{
  g_autofree char *text = read_text (self);
  g_autoptr(GString) packed = g_string_sized_new (strlen (text));
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  gboolean base64 = TRUE;
  guchar *data;
  gsize size;

  /* Lines of base64 as the writer wraps them; anything else is not a logo. */
  for (const char *p = text; *p && base64; p++)
    if (g_ascii_isalnum (*p) || *p == '+' || *p == '/' || *p == '=')
      g_string_append_c (packed, *p);
    else
      base64 = g_ascii_isspace (*p);
  if (!base64 || packed->len == 0 || packed->len % 4 != 0)
    {
      error_at (self, "<logo", _("The logo is not written in base64; it cannot be read."));
      return;
    }
  data = g_base64_decode (packed->str, &size);
  png = g_bytes_new_take (data, size);
  if (!pl_report_check_logo (png, &error))
    {
      error_at (self, "<logo", "%s", error->message);
      return;
    }
  pl_item_set_variant (metadata, PL_METADATA_LOGO, g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, png, TRUE));
}

static void
check_period_end (Reader *self, PlItem *metadata, const PlXmlTag *tag)
{
  GDate start;
  guint line, column;

  g_date_clear (&start, 1);
  g_date_set_julian (&start, pl_item_get_julian (metadata, PL_METADATA_START));
  if (g_date_get_year (&start) < 9999 ||
      g_date_get_month (&start) + (guint) pl_item_get_int (metadata, PL_METADATA_MONTHS) - 1 <= 12)
    return;
  pl_xml_cursor_locate (&self->cursor, tag, "start=", &line, &column);
  add_message (self, line, column, _("The fiscal period ends after the year 9999; Pilote reads dates up to "
                                     "9999-12-31."));
}

static void
read_document (Reader *self)
{
  gboolean seen_metadata = FALSE;
  gboolean positioned = FALSE;

  /* The root element. */
  while (next (self) && xmlTextReaderNodeType (self->reader) != XML_READER_TYPE_ELEMENT)
    ;
  if (self->fatal || xmlTextReaderNodeType (self->reader) != XML_READER_TYPE_ELEMENT)
    {
      if (self->n_errors == 0)
        add_message (self, 1, 1, _("The file holds no XML element; it is not a plan."));
      self->refused = TRUE;
      return;
    }
  if (strcmp (local_name (self), "plan") != 0 || !is_ours (self))
    {
      g_autofree char *needle = g_strconcat ("<", (const char *) xmlTextReaderConstName (self->reader), NULL);
      error_at (self, needle, _("This is not a Pilote plan: the file starts with <%s> where a plan "
                                "starts with <plan xmlns=\"%s\">."),
                (const char *) xmlTextReaderConstName (self->reader), PL_PLAN_NAMESPACE);
      self->refused = TRUE;
      return;
    }
  if (!check_version (self))
    {
      self->refused = TRUE;
      return;
    }
  xmlTextReaderMoveToElement (self->reader);
  read_root_attributes (self);
  if (xmlTextReaderIsEmptyElement (self->reader))
    {
      error_at (self, "<plan", _("The plan has no <metadata> element."));
      return;
    }

  while (advance (self, &positioned))
    {
      const char *name;
      PlCollection collection;

      if (xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_END_ELEMENT &&
          xmlTextReaderDepth (self->reader) == 0)
        break;
      if (xmlTextReaderNodeType (self->reader) != XML_READER_TYPE_ELEMENT)
        continue;
      name = local_name (self);
      if (is_ours (self) && strcmp (name, "metadata") == 0 && !seen_metadata)
        {
          PlItem *metadata = PL_ITEM (pl_plan_get_metadata (self->plan));
          PlXmlTag tag = self->tag;
          /* Replace the defaults of a new plan with exactly what the file says. */
          pl_item_set_string (metadata, PL_METADATA_TITLE, NULL);
          pl_item_set_string (metadata, PL_METADATA_CURRENCY, NULL);
          pl_item_set_julian (metadata, PL_METADATA_START, 0);
          read_attributes (self, metadata);
          pl_item_set_position (metadata, tag.line, 0);
          if (!xmlTextReaderIsEmptyElement (self->reader))
            {
              int depth = xmlTextReaderDepth (self->reader);
              gboolean inner = FALSE;
              g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_free);
              g_autoptr(GPtrArray) headlines = g_ptr_array_new_with_free_func (g_free);
              g_autoptr(GTree) commentary = g_tree_new_full (compare_sections, NULL, g_free, g_free);
              while (advance (self, &inner))
                {
                  if (xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_END_ELEMENT &&
                      xmlTextReaderDepth (self->reader) == depth)
                    break;
                  if (xmlTextReaderNodeType (self->reader) != XML_READER_TYPE_ELEMENT)
                    continue;
                  if (is_ours (self) && strcmp (local_name (self), "notes") == 0)
                    {
                      g_autofree char *text = read_text (self);
                      pl_item_set_string (metadata, PL_METADATA_NOTES, *text ? text : NULL);
                    }
                  /* Names a later version may add are kept: the report skips what it does not know. */
                  else if (is_ours (self) && strcmp (local_name (self), "report-section") == 0)
                    g_ptr_array_add (sections, g_strstrip (read_text (self)));
                  /* KPIs that are not there are skipped by pl_report_dup_headlines(). */
                  else if (is_ours (self) && strcmp (local_name (self), "headline") == 0)
                    {
                      if (headlines->len == PL_N_HEADLINES)
                        error_at (self, "<headline", _("The board pack shows %d headline figures; this plan names more."),
                                  PL_N_HEADLINES);
                      g_ptr_array_add (headlines, g_strstrip (read_text (self)));
                    }
                  else if (is_ours (self) && strcmp (local_name (self), "commentary") == 0)
                    read_commentary (self, commentary);
                  else if (is_ours (self) && strcmp (local_name (self), "logo") == 0)
                    read_logo (self, metadata);
                  else
                    keep_element (self, pl_item_get_extras (metadata));
                  inner = skip (self);
                }
              if (sections->len > 0)
                {
                  g_ptr_array_add (sections, NULL);
                  pl_item_set_strv (metadata, PL_METADATA_REPORT_SECTIONS, (const char * const *) sections->pdata);
                }
              if (headlines->len > 0)
                {
                  g_ptr_array_add (headlines, NULL);
                  pl_item_set_strv (metadata, PL_METADATA_HEADLINES, (const char * const *) headlines->pdata);
                }
              if (g_tree_nnodes (commentary) > 0)
                {
                  GVariantBuilder builder;
                  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
                  /* In section order, as pl_report_set_commentary() keeps it. */
                  g_tree_foreach (commentary, add_commentary, &builder);
                  pl_item_set_variant (metadata, PL_METADATA_COMMENTARY, g_variant_builder_end (&builder));
                }
            }
          check_required (self, metadata, &tag);
          seen_metadata = TRUE;
          if (!pl_item_field_is_set (metadata, PL_METADATA_START) ||
              !pl_item_field_is_set (metadata, PL_METADATA_CURRENCY))
            return; /* budget lines cannot be read without the period and the currency */
          check_period_end (self, metadata, &tag);
          continue;
        }
      /* What a newer version puts first is kept there; only a known container cannot come
       * before the metadata, since reading it needs the period and the currency. */
      if (!seen_metadata && (!is_ours (self) || collection_for_container (name) == PL_COLLECTION_NONE))
        {
          PlExtras *leading = pl_plan_get_leading_extras (self->plan);
          if (leading == NULL)
            {
              leading = pl_extras_new ();
              g_object_set_data_full (G_OBJECT (self->plan), LEADING_EXTRAS_KEY, leading,
                                      (GDestroyNotify) pl_extras_free);
            }
          keep_element (self, leading);
          positioned = skip (self);
          continue;
        }
      if (!seen_metadata)
        {
          g_autofree char *needle = g_strconcat ("<", (const char *) xmlTextReaderConstName (self->reader), NULL);
          error_at (self, needle, _("The plan must start with its <metadata> element, not <%s>."),
                    (const char *) xmlTextReaderConstName (self->reader));
          return;
        }
      collection = is_ours (self) ? collection_for_container (name) : PL_COLLECTION_NONE;
      if (collection != PL_COLLECTION_NONE)
        read_container (self, collection);
      else
        keep_element (self, pl_plan_get_extras (self->plan));
      positioned = skip (self);
    }
  if (!seen_metadata && !self->fatal)
    add_message (self, current_line (self), 1, _("The plan has no <metadata> element."));
}

static int
compare_problems (gconstpointer a, gconstpointer b)
{
  const PlProblem *pa = *(const PlProblem **) a, *pb = *(const PlProblem **) b;

  return pa->line < pb->line ? -1 : pa->line > pb->line;
}

/* The rules the model relies on (references resolve, the chain has no loop) refuse the file;
 * the others are for pl_plan_validate() and the validate command to report. */
static void
check_integrity (Reader *self)
{
  g_autoptr(GPtrArray) blocking = pl_plan_validate_blocking (self->plan);

  g_ptr_array_sort (blocking, compare_problems);
  for (guint i = 0; i < blocking->len && !self->stopped; i++)
    {
      PlProblem *problem = g_ptr_array_index (blocking, i);
      g_autofree char *needle = problem->id ? g_strdup_printf ("id=\"%s\"", problem->id) : NULL;
      add_message (self, problem->line, find_column (self, problem->line, needle), problem->message);
    }
}

static void
validate_schema (Reader *self)
{
  /* Its verdict is only used once the plain read has accepted the file. */
  xmlSchemaPtr schema = pl_schema_get_after_read ();

  if (schema == NULL)
    {
      add_message (self, 1, 1, _("The plan schema built into Pilote cannot be loaded."));
      return;
    }
  xmlTextReaderSetSchema (self->reader, schema);
}

static gsize
init_libxml (void)
{
  xmlInitParser ();
  xmlSetExternalEntityLoader (deny_entity_loader);
  return 1;
}

static gboolean
only_blank (const char *data, gsize size)
{
  for (gsize i = 0; i < size; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

/* Finds a DOCTYPE in the prolog (after the XML declaration, comments and processing
 * instructions, before the root element). */
static gboolean
find_doctype (const char *data, gsize size, guint *line, guint *column)
{
  gsize i = 0;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  for (;;)
    {
      const char *close;

      while (i < size && g_ascii_isspace (data[i]))
        i++;
      if (i + 9 <= size && memcmp (data + i, "<!DOCTYPE", 9) == 0)
        break;
      if (i + 2 <= size && memcmp (data + i, "<?", 2) == 0)
        close = g_strstr_len (data + i, size - i, "?>");
      else if (i + 4 <= size && memcmp (data + i, "<!--", 4) == 0)
        close = g_strstr_len (data + i, size - i, "-->");
      else
        return FALSE;
      if (close == NULL)
        return FALSE;
      i = close - data + 2;
    }
  *line = 1;
  *column = 1;
  for (gsize j = 0; j < i; j++)
    {
      if (data[j] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[j] & 0xC0) != 0x80)
        (*column)++;
    }
  return TRUE;
}

/* Finds a start tag with more attributes than MAX_ATTRIBUTES, before libxml2 spends minutes
 * on it; says so in @error. */
static gboolean
check_attribute_counts (const char *data, gsize size, const char *display_name, GError **error)
{
  PlXmlCursor cursor;
  PlXmlTag tag;

  pl_xml_cursor_init (&cursor, data, size);
  while (pl_xml_cursor_next (&cursor, &tag))
    if (tag.n_attributes > MAX_ATTRIBUTES)
      {
        const char *name = data + tag.offset + 1;
        gsize length = 0;
        g_autofree char *valid = NULL;
        g_autofree char *message = NULL;
        guint line, column;

        while (length < 64 && tag.offset + 1 + length < tag.end && !strchr (" \t\r\n/>=", name[length]))
          length++;
        valid = g_utf8_make_valid (name, (gssize) length);
        pl_xml_cursor_locate (&cursor, &tag, NULL, &line, &column);
        message = g_strdup_printf (_("The element <%s> has more than %d attributes; no element of a plan "
                                     "has that many, so the file is refused."), valid, MAX_ATTRIBUTES);
        g_set_error (error, PL_ERROR, PL_ERROR_FILE, "%s:%u:%u: %s", display_name, line, column, message);
        return FALSE;
      }
  return TRUE;
}

/* The UTF-16 encoding of @data, found from its byte-order mark or its first "<" (*@skip gets
 * the length of the mark), or NULL when it is not UTF-16. */
static const char *
utf16_encoding (const char *data, gsize size, gsize *skip)
{
  *skip = 0;
  if (size >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    *skip = 2;
  else if (size >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    *skip = 2;
  if (size >= *skip + 2 && data[*skip] != '\0' && data[*skip + 1] == '\0')
    return "UTF-16LE";
  if (size >= *skip + 2 && data[*skip] == '\0' && data[*skip + 1] != '\0')
    return "UTF-16BE";
  return NULL;
}

/* What is refused from the bytes alone, before libxml2 sees them. */
static gboolean
check_bytes (const char *data, gsize size, const char *display_name, GError **error)
{
  guint doctype_line, doctype_column;

  if (only_blank (data, size))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, "%s:1:1: %s", display_name, _("The file is empty."));
      return FALSE;
    }
  /* Refused before parsing: no entity, internal or external, is ever read. */
  if (find_doctype (data, size, &doctype_line, &doctype_column))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, "%s:%u:%u: %s", display_name, doctype_line, doctype_column,
                   _("The file has a document type declaration (<!DOCTYPE>); plan files never have one, "
                     "so it is refused."));
      return FALSE;
    }
  return check_attribute_counts (data, size, display_name, error);
}

static void
ignore_generic_error (void *context, const char *format, ...)
{
}

static PlPlan *read_bytes (const char *data, gsize size, const char *display_name, PlReadFlags flags,
                           gboolean converted, GError **error);

PlPlan *
pl_plan_read_bytes (const char  *data,
                    gsize        size,
                    const char  *display_name,
                    PlReadFlags  flags,
                    GError     **error)
{
  static gsize initialised = 0;
  const char *encoding;
  gsize skip;

  if (g_once_init_enter (&initialised))
    g_once_init_leave (&initialised, init_libxml ());

  if (size == 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, "%s:1:1: %s", display_name, _("The file is empty."));
      return NULL;
    }
  if (size > PL_PLAN_MAX_FILE_SIZE || size > G_MAXINT)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, "%s:1:1: %s", display_name,
                   _("The file is too large to be a plan."));
      return NULL;
    }
  /* UTF-16 is read as the same text in UTF-8, so that every check of the bytes below, and
   * every position, holds for it too. */
  encoding = utf16_encoding (data, size, &skip);
  if (encoding != NULL)
    {
      gsize written = 0;
      g_autofree char *utf8 = g_convert (data + skip, (gssize) (size - skip), "UTF-8", encoding,
                                         NULL, &written, NULL);
      if (utf8 == NULL || written == 0)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_FILE, "%s:1:1: %s", display_name,
                       _("The file is not valid UTF-16 text; save it again as UTF-8."));
          return NULL;
        }
      return read_bytes (utf8, written, display_name, flags, TRUE, error);
    }
  return read_bytes (data, size, display_name, flags, FALSE, error);
}

/* Starts reading @data, in UTF-8 whatever its XML declaration says when @converted; the
 * messages go to @self's. */
static void
open_reader (Reader *self, const char *data, gsize size, const char *display_name, gboolean converted)
{
  self->data = data;
  self->size = size;
  self->name = display_name;
  self->messages = g_string_new (NULL);
  pl_xml_cursor_init (&self->cursor, data, size);
  self->tag.line = 1;
  self->known_line = 1;
  self->reader = xmlReaderForMemory (data, (int) size, NULL, converted ? "UTF-8" : NULL,
                                     XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOBLANKS |
                                     (converted ? XML_PARSE_IGNORE_ENC : 0));
  if (self->reader == NULL)
    add_message (self, 1, 1, _("The file cannot be read as XML."));
  else
    xmlTextReaderSetStructuredErrorHandler (self->reader, structured_error, self);
}

/* Ends the reading (the reader freed): FALSE with the messages in @error when there are any. */
static gboolean
close_reader (Reader *self, GError **error)
{
  gboolean ok = self->n_errors == 0;

  if (self->stopped)
    g_string_append_printf (self->messages,
                            _("%s: … and perhaps more problems: Pilote stops reading a file at the "
                              "first %d. Correct these and open it again.\n"),
                            self->name, MAX_MESSAGES);
  if (!ok)
    {
      if (self->messages->len > 0 && self->messages->str[self->messages->len - 1] == '\n')
        g_string_truncate (self->messages, self->messages->len - 1);
      g_set_error_literal (error, PL_ERROR, self->newer ? PL_ERROR_VERSION : PL_ERROR_FILE,
                           self->messages->str);
    }
  g_string_free (self->messages, TRUE);
  return ok;
}

/* The schema's pass over bytes that check_bytes() let through, beside the plain read. */
typedef struct {
  const char *data;
  gsize       size;
  const char *display_name;
  gboolean    converted;
  gint        abandoned;  /* atomic: the plain read failed, the verdict is not needed */
  gboolean    valid;
  GError     *error;
} SchemaCheck;

/* What the schema says of the bytes: the elements are walked with the schema plugged in, not
 * made into records. Until the plain read has succeeded they may not even be XML: libxml2
 * 2.9 then drops the parser's errors (the schema takes the place of the reader's handler) and
 * the walk stops at the first, with nothing said; its verdict is only used for a file the
 * plain read accepted. */
static gpointer
check_schema (gpointer user_data)
{
  SchemaCheck *check = user_data;
  Reader self = { 0 };
  xmlGenericErrorFunc generic_error = xmlGenericError;
  void *generic_context = xmlGenericErrorContext;

  /* As in read_plan(); libxml2 keeps this handler for each thread. */
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  open_reader (&self, check->data, check->size, check->display_name, check->converted);
  if (self.reader != NULL)
    {
      validate_schema (&self);
      /* The depth and the DOCTYPE that next() checks are the plain read's to report. */
      while (!self.fatal && !g_atomic_int_get (&check->abandoned))
        {
          int ret = xmlTextReaderRead (self.reader);

          if (ret != 1)
            {
              self.fatal = ret < 0;
              break;
            }
        }
      if (!self.fatal && xmlTextReaderIsValid (self.reader) != 1 && self.n_errors == 0)
        add_message (&self, 1, 1, _("The file does not follow the plan schema."));
      xmlFreeTextReader (self.reader);
    }
  xmlSetGenericErrorFunc (generic_context, generic_error);
  check->valid = close_reader (&self, &check->error);
  return NULL;
}

/* Reads the plan from @data, which check_bytes() let through, in UTF-8 whatever its XML
 * declaration says when @converted. */
/* An objective's target is its KPI's (pl-objective-progress.h): a file that says otherwise, from
 * before they were tied or edited by hand, opens with the KPI's number, and the user is told once,
 * as the file opens (pl_plan_describe_reconciled()). Saving writes the reconciled number. */
static void
reconcile_objectives (PlPlan *plan)
{
  g_autoptr(GPtrArray) notes = pl_objectives_reconcile (plan);

  if (notes->len == 0)
    return;
  g_ptr_array_add (notes, NULL);
  g_object_set_data_full (G_OBJECT (plan), RECONCILED_KEY, g_ptr_array_steal (notes, NULL),
                          (GDestroyNotify) g_strfreev);
}

static PlPlan *
read_plan (const char  *data,
           gsize        size,
           const char  *display_name,
           gboolean     converted,
           GError     **error)
{
  Reader self = { 0 };
  g_autoptr(PlPlan) plan = NULL;
  xmlGenericErrorFunc generic_error;
  void *generic_context;

  plan = pl_plan_new ();
  self.plan = plan;
  self.ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.root_ns = g_ptr_array_new_with_free_func (g_free);
  self.exponent = 2;
  /* libxml2 also prints some problems (a failed encoding conversion) to stderr; the structured
   * handler has them already, in words. */
  generic_error = xmlGenericError;
  generic_context = xmlGenericErrorContext;
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  open_reader (&self, data, size, display_name, converted);
  if (self.reader != NULL)
    {
      read_document (&self);
      /* Read to the end: trailing garbage is reported too. */
      while (!self.fatal && !self.refused && next (&self))
        if (xmlTextReaderNodeType (self.reader) == XML_READER_TYPE_ELEMENT)
          {
            error_at (&self, "<", _("There is content after the end of the plan."));
            break;
          }
      xmlFreeTextReader (self.reader);
    }
  xmlSetGenericErrorFunc (generic_context, generic_error);
  if (self.n_errors == 0)
    check_integrity (&self);
  g_hash_table_unref (self.ids);
  g_ptr_array_unref (self.root_ns);
  if (!close_reader (&self, error))
    return NULL;
  reconcile_objectives (plan);
  pl_plan_mark_saved (plan);
  return g_steal_pointer (&plan);
}

/* Reads @data, in UTF-8 whatever its XML declaration says when @converted. */
static PlPlan *
read_bytes (const char  *data,
            gsize        size,
            const char  *display_name,
            PlReadFlags  flags,
            gboolean     converted,
            GError     **error)
{
  SchemaCheck check = { data, size, display_name, converted };
  g_autoptr(PlPlan) plan = NULL;
  GThread *thread;

  if (!check_bytes (data, size, display_name, error))
    return NULL;
  if (!(flags & PL_READ_SCHEMA))
    return read_plan (data, size, display_name, converted, error);

  /* libxml2 2.9 loses the parser's own errors once a schema is plugged into the reader (and
   * crashes if the handler is set after it), so the plan and the messages come from the plain
   * read, and the schema has its own pass over the bytes: on the other core, since neither
   * needs the other until the end (a million records take seconds each way). */
  /* GLib 2.74 makes the C locale behind g_ascii_strtoull() on first use, in a g_once: a thread
   * that waits there comes back with errno EAGAIN, which g_ascii_string_to_unsigned() takes
   * for a bad number. With the schema's thread parsing numbers too, a fresh pilote-cli
   * refused "version 1.0" now and then. Made here, before the second thread exists. */
  (void) g_ascii_strtoull ("0", NULL, 10);
  thread = g_thread_try_new ("pl-schema", check_schema, &check, NULL);
  plan = read_plan (data, size, display_name, converted, error);
  /* The schema built in describes this version: a newer file's additions are not in it, and
   * they are kept rather than refused. */
  if (plan == NULL || pl_plan_get_newer_format (plan) != NULL)
    g_atomic_int_set (&check.abandoned, TRUE);
  if (thread != NULL)
    g_thread_join (thread);
  else if (!check.abandoned)
    check_schema (&check);
  if (!check.abandoned && !check.valid)
    {
      g_propagate_error (error, g_steal_pointer (&check.error));
      return NULL;
    }
  g_clear_error (&check.error);
  return g_steal_pointer (&plan);
}

PlExtras *
pl_plan_get_leading_extras (PlPlan *plan)
{
  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  return g_object_get_data (G_OBJECT (plan), LEADING_EXTRAS_KEY);
}

const char *
pl_plan_get_newer_format (PlPlan *plan)
{
  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  return g_object_get_data (G_OBJECT (plan), NEWER_FORMAT_KEY);
}

/* The minor version of "1.9"; 0 for NULL. */
static guint64
minor_of (const char *version)
{
  const char *dot = version != NULL ? strchr (version, '.') : NULL;

  return dot != NULL ? g_ascii_strtoull (dot + 1, NULL, 10) : 0;
}

void
pl_plan_take_file_format (PlPlan *plan, PlPlan *from)
{
  const char *version = pl_plan_get_newer_format (from);
  PlExtras *leading = pl_plan_get_leading_extras (from);

  g_return_if_fail (PL_IS_PLAN (plan) && PL_IS_PLAN (from));
  if (version != NULL && minor_of (version) > minor_of (pl_plan_get_newer_format (plan)))
    g_object_set_data_full (G_OBJECT (plan), NEWER_FORMAT_KEY, g_strdup (version), g_free);
  if (!pl_extras_is_empty (leading) && pl_plan_get_leading_extras (plan) == NULL)
    {
      PlExtras *copy = pl_extras_new ();

      pl_extras_assign (copy, leading);
      g_object_set_data_full (G_OBJECT (plan), LEADING_EXTRAS_KEY, copy, (GDestroyNotify) pl_extras_free);
    }
}

char *
pl_plan_describe_newer_format (PlPlan *plan)
{
  const char *version = pl_plan_get_newer_format (plan);

  if (version == NULL)
    return NULL;
  return g_strdup_printf (_("This plan was written by a newer version of Pilote (file format %s; this version "
                            "knows %d.%d). Everything opens; what this version does not know is not shown, "
                            "but it is kept and saved back unchanged."),
                          version, PL_PLAN_FORMAT_MAJOR, PL_PLAN_FORMAT_MINOR);
}

const char * const *
pl_plan_get_reconciled (PlPlan *plan)
{
  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  return g_object_get_data (G_OBJECT (plan), RECONCILED_KEY);
}

char *
pl_plan_describe_reconciled (PlPlan *plan)
{
  const char * const *notes = pl_plan_get_reconciled (plan);
  guint n = notes != NULL ? g_strv_length ((char **) notes) : 0;
  g_autoptr(GString) text = NULL;

  if (n == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < n && i < 3; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", notes[i]);
  if (n > 3)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("And %u more objective, set the same way.",
                                              "And %u more objectives, set the same way.", n - 3), n - 3);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

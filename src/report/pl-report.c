/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-report"
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-budget-totals.h"
#include "pl-campaign-ranking-chart.h"
#include "pl-chart-catalog.h"
#include "pl-chart-draw.h"
#include "pl-dashboard.h"
#include "pl-error.h"
#include "pl-hygiene.h"
#include "pl-kpi-value.h"
#include "pl-maturity.h"
#include "pl-money.h"
#include "pl-paper.h"
#include "pl-report.h"
#include "pl-report-changes.h"
#include "pl-report-settings.h"
#include "pl-report-text.h"

/* A4 and Letter, upright, in points. */
#define A4_W 595.28
#define A4_H 841.89
#define LETTER_W 612.0
#define LETTER_H 792.0
#define MARGIN 42.0
/* The page-fill rule (pl_report_get_page_fill()): no page under a third full but a section's
 * last, and that one at least a quarter full. */
#define FILL_MIN 0.34
#define FILL_MIN_LAST 0.25
/* A section that opens with text follows the one before on its page when at least this
 * share of the page is left, rather than leaving the rest of that page blank. */
#define FLOW_MIN_LEFT 0.3
/* A board pack's chart is left out rather than drawn in less than this share of a page. */
#define BOARD_CHART_MIN 0.2
/* More KPIs than this make the printed chain a map rather than something to read. */
#define CHAIN_READABLE_KPIS 60
/* Findings listed before "and N more". */
#define MAX_FINDINGS 60

static const struct {
  const char *name;
  const char *title;
  gboolean    wide;  /* on landscape pages */
} sections[PL_REPORT_N_SECTIONS] = {
  { "cover", N_("Cover"), FALSE },
  { "summary", N_("Executive summary"), FALSE },
  { "changes", N_("Changes since"), FALSE },
  { "dashboard", N_("Leadership dashboard"), TRUE },
  { "chain", N_("KPI chain"), TRUE },
  { "funnel", N_("Funnel"), FALSE },
  { "budget", N_("Budget against actual"), FALSE },
  { "scenarios", N_("Scenarios"), FALSE },
  { "timeline", N_("Campaign timeline"), TRUE },
  { "campaigns", N_("Campaigns"), TRUE },
  { "maturity", N_("Marketing maturity"), FALSE },
  { "hygiene", N_("Metric hygiene"), FALSE },
  { "notes", N_("Notes"), FALSE },
};

const char *
pl_report_section_name (PlReportSection section)
{
  g_return_val_if_fail (section < PL_REPORT_N_SECTIONS, NULL);
  return sections[section].name;
}

const char *
pl_report_section_title (PlReportSection section)
{
  g_return_val_if_fail (section < PL_REPORT_N_SECTIONS, NULL);
  return _(sections[section].title);
}

gboolean
pl_report_section_from_name (const char *name, PlReportSection *section)
{
  for (guint i = 0; i < PL_REPORT_N_SECTIONS; i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      {
        *section = i;
        return TRUE;
      }
  return FALSE;
}

void
pl_report_options_init (PlReportOptions *options, PlPlan *plan, guint32 today)
{
  const char * const *saved = pl_item_get_strv (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_REPORT_SECTIONS);

  memset (options, 0, sizeof *options);
  /* Names this version does not know (from a later one) are left out. */
  for (guint i = 0; saved != NULL && saved[i] != NULL; i++)
    {
      PlReportSection section;
      gboolean seen = FALSE;

      if (!pl_report_section_from_name (saved[i], &section))
        continue;
      for (guint j = 0; j < options->n_sections; j++)
        seen |= options->sections[j] == section;
      if (!seen)
        options->sections[options->n_sections++] = section;
    }
  if (options->n_sections == 0)
    for (guint i = 0; i < PL_REPORT_N_SECTIONS; i++)
      options->sections[options->n_sections++] = i;
  options->width = A4_W;
  options->height = A4_H;
  options->margin = MARGIN;
  options->today = today;
  options->as_of = pl_dashboard_resolve_as_of (plan, today);
}

gboolean
pl_report_options_parse_sections (PlReportOptions *options, const char *list, GError **error)
{
  g_auto(GStrv) names = g_strsplit (list, ",", -1);
  PlReportSection chosen[PL_REPORT_N_SECTIONS];
  guint n = 0;
  guint seen = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      PlReportSection section;

      if (*name == '\0')
        continue;
      if (!pl_report_section_from_name (name, &section))
        {
          g_autoptr(GString) known = g_string_new (NULL);
          for (guint j = 0; j < PL_REPORT_N_SECTIONS; j++)
            g_string_append_printf (known, "%s%s", j ? ", " : "", sections[j].name);
          g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                       _("There is no report section called “%s”. The sections are: %s."), name, known->str);
          return FALSE;
        }
      if (seen & (1u << section))
        {
          g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("The section “%s” is named twice."), name);
          return FALSE;
        }
      seen |= 1u << section;
      chosen[n++] = section;
    }
  if (n == 0)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("Name at least one section of the report."));
      return FALSE;
    }
  memcpy (options->sections, chosen, n * sizeof *chosen);
  options->n_sections = n;
  return TRUE;
}

char **
pl_report_options_dup_section_names (const PlReportOptions *options)
{
  char **names = g_new0 (char *, options->n_sections + 1);

  for (guint i = 0; i < options->n_sections; i++)
    names[i] = g_strdup (sections[options->sections[i]].name);
  return names;
}

void
pl_report_options_set_changes (PlReportOptions *options, const PlPlanDiff *diff, const char *since)
{
  guint at = 0;

  options->changes = diff;
  options->changes_since = since;
  if (diff == NULL)
    return;
  for (guint i = 0; i < options->n_sections; i++)
    if (options->sections[i] == PL_REPORT_CHANGES)
      return;
  /* Asked for, so shown: after the cover and the summary, what leadership reads first. */
  while (at < options->n_sections &&
         (options->sections[at] == PL_REPORT_COVER || options->sections[at] == PL_REPORT_SUMMARY))
    at++;
  memmove (&options->sections[at + 1], &options->sections[at], (options->n_sections - at) * sizeof options->sections[0]);
  options->sections[at] = PL_REPORT_CHANGES;
  options->n_sections++;
}

gboolean
pl_report_options_set_paper (PlReportOptions *options, const char *name, GError **error)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    {
      options->width = A4_W;
      options->height = A4_H;
      return TRUE;
    }
  if (g_ascii_strcasecmp (name, "letter") == 0)
    {
      options->width = LETTER_W;
      options->height = LETTER_H;
      return TRUE;
    }
  g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("The paper is “a4” or “letter”, not “%s”."), name);
  return FALSE;
}

/* The layout: each section's content as blocks, placed on pages top to bottom. */

typedef enum {
  BLOCK_COVER,
  BLOCK_TITLE,
  BLOCK_SUBTITLE,
  BLOCK_CAPTION,  /* a chart's title, over it */
  BLOCK_TEXT,
  BLOCK_ROW,
  BLOCK_CHART,
  BLOCK_COMMENTARY,  /* the CMO's words under a section's title */
  BLOCK_HEADLINES,   /* the board pack's headline figures, side by side */
  BLOCK_MASTHEAD,    /* the board pack's first lines: logo, title, period */
} BlockKind;

typedef enum {
  ROW_HEADER = 1 << 0,
  ROW_TOTAL  = 1 << 1,
  ROW_SHADED = 1 << 2,
} RowFlags;

typedef struct {
  BlockKind     kind;
  char         *markup;     /* TITLE, SUBTITLE, TEXT */
  char        **cells;      /* ROW: markup a column */
  const PlReportTable *table;  /* ROW */
  guint         flags;      /* ROW */
  PlChartPiece  piece;      /* CHART */
  double        pad;        /* ROW: above and below its text */
  GPtrArray    *headlines;  /* HEADLINES: PlReportHeadline */
  gboolean      opens;      /* the first block of a section */
  double        y, height;  /* in the page's content box */
} Block;

typedef struct {
  PlReportSection section;    /* the section the page opens with: its running header */
  gboolean        landscape;
  guint           first, n_blocks;
} Page;

/* How tightly a section is laid out. A section that breaks the page-fill rule is laid out
 * again, a level tighter each time, until it keeps the rule or ends a page earlier: smaller
 * gaps and row padding, charts allowed to start lower on a page and drawn smaller (so that
 * a chart fits under its table instead of leaving the table's page a third empty, and a
 * section that runs three lines onto a new page ends a page earlier). Text keeps its size. */
typedef struct {
  double gap;          /* times the gaps between blocks */
  double row_pad;      /* points above and below a row's text */
  double chart_min;    /* the least share of a page a chart is started in */
  double chart_share;  /* times the share of a page a chart may take */
  double chart_width;  /* times the width a chart is fitted to (more timeline rows a page) */
} Tightness;

static const Tightness tightness[] = {
  { 1.0, 4.0, 0.45, 1.0, 1.0 },
  { 0.7, 3.0, 0.30, 0.85, 0.92 },
  { 0.5, 2.4, 0.24, 0.72, 0.84 },
  { 0.4, 2.0, 0.20, 0.6, 0.74 },
};

struct _PlReport
{
  PlPlan           *plan;
  PlReportOptions   options;
  GArray           *blocks;  /* Block */
  GArray           *pages;   /* Page */
  GPtrArray        *tables;  /* PlReportTable, owned */
  PlTimelineLayout *timeline;
  PlChartStyle      style;   /* the light style, share-safe when asked */
  int               section_page[PL_REPORT_N_SECTIONS];  /* where each starts, -1 when absent */
  cairo_surface_t  *logo;    /* NULL without one */
  cairo_surface_t  *measure_surface;
  cairo_t          *measure;
  /* While laying out: */
  PlReportSection   section;   /* being laid out */
  const Tightness  *tight;     /* of the section being laid out */
  const PlReportTable *table;   /* the table rows are being added to */
  char              **header;   /* its heading row, repeated on each page it runs over */
  double              reserve;  /* points left free at the foot of each page, for a short
                                 * section to follow (share_short_section()) */
  double              sharing;  /* while laying out that short section: its height */
};

static void
block_clear (gpointer data)
{
  Block *block = data;
  g_free (block->markup);
  g_strfreev (block->cells);
  g_clear_pointer (&block->headlines, g_ptr_array_unref);
}

static void
page_box (PlReport *self, const Page *page, double *w, double *h)
{
  double width = page->landscape ? self->options.height : self->options.width;
  double height = page->landscape ? self->options.width : self->options.height;

  *w = width - 2 * self->options.margin;
  *h = height - 2 * self->options.margin - PL_PAPER_HEADER_H - PL_PAPER_FOOTER_H;
}

static Page *
current_page (PlReport *self)
{
  return &g_array_index (self->pages, Page, self->pages->len - 1);
}

static double
page_used (PlReport *self)
{
  Page *page = current_page (self);
  const Block *last;

  if (page->n_blocks == 0)
    return 0;
  last = &g_array_index (self->blocks, Block, page->first + page->n_blocks - 1);
  return last->y + last->height;
}

static void
new_page (PlReport *self, PlReportSection section)
{
  Page page = { section, sections[section].wide, self->blocks->len, 0 };
  g_array_append_val (self->pages, page);
}

static double
content_width (PlReport *self)
{
  double w, h;
  page_box (self, current_page (self), &w, &h);
  return w;
}

static double
content_height (PlReport *self)
{
  double w, h;
  page_box (self, current_page (self), &w, &h);
  return h - self->reserve;
}

/* Space left above a block of each kind. */
static double
space_before_loose (BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_TITLE: return 26;  /* a section following another on its page */
    case BLOCK_SUBTITLE: return 2;
    case BLOCK_CAPTION: return 16;
    case BLOCK_TEXT: return 8;
    case BLOCK_ROW: return 0;
    case BLOCK_CHART: return 14;
    case BLOCK_COMMENTARY: return 8;
    case BLOCK_HEADLINES: return 14;
    case BLOCK_MASTHEAD: return 0;
    case BLOCK_COVER: default: return 0;
    }
}

static double
space_before (PlReport *self, BlockKind kind)
{
  return space_before_loose (kind) * self->tight->gap;
}

static double block_measure (PlReport *self, const Block *block, double width);

/* Places @block at the foot of the current page, or on a new page of the same section when
 * it does not fit (a table's heading row goes first there). Takes @block's contents. */
static void
place (PlReport *self, Block *block)
{
  Page *page = current_page (self);
  double gap = page->n_blocks > 0 ? space_before (self, block->kind) : 0;

  block->pad = self->tight->row_pad;
  block->height = block_measure (self, block, content_width (self));
  if (page->n_blocks > 0 && page_used (self) + gap + block->height > content_height (self) + 0.01)
    {
      new_page (self, self->section);
      gap = 0;
      if (block->kind == BLOCK_ROW && !(block->flags & ROW_HEADER) && self->header != NULL)
        {
          Block header = { BLOCK_ROW, NULL, g_strdupv (self->header), self->table, ROW_HEADER };
          place (self, &header);
        }
    }
  block->y = page_used (self) + gap;
  g_array_append_val (self->blocks, *block);
  current_page (self)->n_blocks++;
}

static void
add_text (PlReport *self, BlockKind kind, char *markup)
{
  Block block = { kind, markup };
  place (self, &block);
}

/* The CMO's commentary on @section, in italics under its title: what the figures do not say. */
static void
add_commentary (PlReport *self, PlReportSection section)
{
  const char *text = pl_report_get_commentary (self->plan, pl_report_section_name (section));
  g_autofree char *withheld = NULL;
  g_autofree char *body = NULL;

  if (text == NULL || *text == '\0')
    return;
  /* The user's own words: amounts in them are withheld in a share-safe edition, as in the notes. */
  if (self->options.share_safe)
    text = withheld = pl_report_text_withhold_amounts (self->plan, text);
  body = g_markup_escape_text (text, -1);
  add_text (self, BLOCK_COMMENTARY, g_strdup_printf ("<i>%s</i>", body));
}

/* A section's title (its own, or @title), @subtitle (markup, taken) and its commentary. */
static void
add_title_as (PlReport *self, PlReportSection section, const char *title, char *subtitle)
{
  /* A title left alone at the foot of a page reads as a mistake (a short section that was
   * given room there comes whole). */
  if (self->sharing == 0 && current_page (self)->n_blocks > 0 && page_used (self) > content_height (self) * 0.7)
    new_page (self, section);
  add_text (self, BLOCK_TITLE, g_markup_escape_text (title ? title : pl_report_section_title (section), -1));
  if (subtitle != NULL)
    add_text (self, BLOCK_SUBTITLE, subtitle);
  add_commentary (self, section);
}

static void
add_title (PlReport *self, PlReportSection section, char *subtitle)
{
  add_title_as (self, section, NULL, subtitle);
}

static void
begin_table (PlReport *self, PlReportTable *table, char **header)
{
  g_ptr_array_add (self->tables, table);
  self->table = table;
  g_clear_pointer (&self->header, g_strfreev);
  self->header = header;
  {
    Block block = { BLOCK_ROW, NULL, g_strdupv (header), table, ROW_HEADER };
    place (self, &block);
  }
}

static void
add_row (PlReport *self, char **cells, guint flags)
{
  Block block = { BLOCK_ROW, NULL, cells, self->table, flags };
  place (self, &block);
}

static void
end_table (PlReport *self)
{
  self->table = NULL;
  g_clear_pointer (&self->header, g_strfreev);
}

/* Adds chart @chart on as many pages as it needs, from here when enough of the page is left,
 * at most @share of a page high, under @caption (markup) when given. */
static void
add_chart (PlReport *self, const char *chart, double share, char *caption)
{
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (PlChartPiece));
  double caption_h = 0, left;

  if (caption != NULL)
    {
      Block block = { BLOCK_CAPTION, caption };
      caption_h = block_measure (self, &block, content_width (self)) + space_before (self, BLOCK_CAPTION);
    }
  left = content_height (self) - page_used (self) - space_before (self, BLOCK_CHART) - caption_h;
  share *= self->tight->chart_share;
  if (self->options.kind == PL_REPORT_KIND_BOARD_PACK)
    {
      /* A board pack's section is one page: its chart takes what the page has left, and is
       * left out when that is too little to read. */
      if (current_page (self)->n_blocks > 0 && left < content_height (self) * BOARD_CHART_MIN)
        {
          g_free (caption);
          return;
        }
    }
  else if (current_page (self)->n_blocks > 0 && left < content_height (self) * MIN (self->tight->chart_min, share))
    {
      new_page (self, self->section);
      left = content_height (self) - caption_h;
    }
  if (caption != NULL)
    add_text (self, BLOCK_CAPTION, caption);
  if (!pl_chart_pieces_add (self->plan, &self->timeline, pl_chart_catalog_lookup (chart),
                            content_width (self) * self->tight->chart_width,
                            MIN (left, content_height (self) * share), self->options.split_timeline, pieces))
    return;
  for (guint i = 0; i < pieces->len; i++)
    {
      Block block = { BLOCK_CHART };
      block.piece = g_array_index (pieces, PlChartPiece, i);
      place (self, &block);
    }
}

/* Text. */

static PangoLayout *
text_layout (cairo_t *cr, const PlChartStyle *style, double size, gboolean bold)
{
  PangoLayout *layout = pl_chart_text_new (cr, style, size);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* The same widths on the measuring surface and on paper: no hinting. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  if (bold)
    {
      PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (layout));
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }
  pango_layout_context_changed (layout);
  return layout;
}

typedef struct {
  double   size;
  gboolean bold;
  gboolean muted;
} TextLook;

static TextLook
look_of (BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_TITLE: return (TextLook) { 19, TRUE, FALSE };
    case BLOCK_SUBTITLE: return (TextLook) { 10, FALSE, TRUE };
    case BLOCK_CAPTION: return (TextLook) { 11, TRUE, FALSE };
    case BLOCK_COMMENTARY: return (TextLook) { 10.5, FALSE, FALSE };
    case BLOCK_TEXT: default: return (TextLook) { 10.5, FALSE, FALSE };
    }
}

#define ROW_SIZE 8.5
/* A long value wraps to this many lines, then ends in an ellipsis. */
#define MAX_CELL_LINES 3

/* A paragraph laid out @width wide, wrapped. */
static PangoLayout *
paragraph (PlReport *self, cairo_t *cr, const Block *block, double width)
{
  TextLook look = look_of (block->kind);
  PangoLayout *layout = text_layout (cr, &self->style, look.size, look.bold);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_spacing (layout, (int) (look.size * 0.3 * PANGO_SCALE));
  pango_layout_set_markup (layout, block->markup, -1);
  return layout;
}

/* A cell's text laid out in its column: a heading wraps (its words are what explains the
 * column), and so do the user's own words (PlReportTable.whole); a value is cut after
 * MAX_CELL_LINES lines. */
/* TRUE when a line of @layout ends inside a word ("précéde-nt"). */
static gboolean
broken_inside_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  gint n_attrs;
  const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL && l->next != NULL; l = l->next)
    {
      const PangoLayoutLine *next = l->next->data;
      glong offset = g_utf8_pointer_to_offset (text, text + next->start_index);

      if (offset < n_attrs && !attrs[offset].is_line_break)
        return TRUE;
    }
  return FALSE;
}

static void
set_cell (const Block *block, guint column, PangoLayout *layout, double width)
{
  const PlReportTable *table = block->table;

  pango_layout_set_width (layout, (int) (MAX (table->widths[column] * width - 8, 1) * PANGO_SCALE));
  pango_layout_set_alignment (layout, table->align[column]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (block->flags & ROW_HEADER)
    {
      /* A heading wraps between its words only: smaller rather than broken inside one. */
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_height (layout, -1);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pl_chart_text_set_size (layout, ROW_SIZE);
      pango_layout_set_markup (layout, block->cells[column], -1);
      for (double size = ROW_SIZE - 0.5; size >= 6 && broken_inside_word (layout); size -= 0.5)
        pl_chart_text_set_size (layout, size);
      return;
    }
  pl_chart_text_set_size (layout, ROW_SIZE);
  if (table->whole[column])
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_height (layout, -1);
    }
  else
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -MAX_CELL_LINES);
    }
  pango_layout_set_markup (layout, block->cells[column], -1);
}

static PangoLayout *
row_layout (PlReport *self, cairo_t *cr, const Block *block)
{
  return text_layout (cr, &self->style, ROW_SIZE, (block->flags & (ROW_HEADER | ROW_TOTAL)) != 0);
}

static double
row_height (PlReport *self, cairo_t *cr, const Block *block, double width)
{
  g_autoptr(PangoLayout) layout = row_layout (self, cr, block);
  int tallest = 0;

  for (guint c = 0; c < block->table->n_columns && block->cells[c] != NULL; c++)
    {
      int h;
      set_cell (block, c, layout, width);
      pango_layout_get_pixel_size (layout, NULL, &h);
      tallest = MAX (tallest, h);
    }
  return tallest + 2 * block->pad + ((block->flags & ROW_HEADER) ? 2 : 0);
}

/* The commentary's indent, right of its bar. */
#define COMMENTARY_INDENT 12.0

static const PlColor *
status_color (const PlChartStyle *style, PlKpiStatus status)
{
  switch (status)
    {
    case PL_KPI_STATUS_GOOD: return &style->good;
    case PL_KPI_STATUS_CLOSE: return &style->warning;
    case PL_KPI_STATUS_OFF: return &style->bad;
    case PL_KPI_STATUS_NO_DATA:
    case PL_KPI_STATUS_NO_TARGET:
    default: return &style->no_data;
    }
}

/* Lays out (and draws, when @cr is not the measuring context) the headline figures side by
 * side, each in a tile with its status down its left edge; returns their height. */
static double
headlines_layout (PlReport *self, cairo_t *cr, const Block *block, double x, double y, double w, gboolean draw)
{
  guint n = block->headlines->len;
  double gap = 10, tile_w = n > 0 ? (w - gap * (n - 1)) / n : w, tallest = 0;
  g_autoptr(PangoLayout) label = text_layout (cr, &self->style, 9, TRUE);
  g_autoptr(PangoLayout) value = text_layout (cr, &self->style, 19, TRUE);
  g_autoptr(PangoLayout) basis = text_layout (cr, &self->style, 8.5, FALSE);
  PangoLayout *layouts[] = { label, value, basis };

  for (guint k = 0; k < G_N_ELEMENTS (layouts); k++)
    {
      pango_layout_set_ellipsize (layouts[k], PANGO_ELLIPSIZE_NONE);
      pango_layout_set_wrap (layouts[k], k == 1 ? PANGO_WRAP_WORD : PANGO_WRAP_WORD_CHAR);
      pango_layout_set_width (layouts[k], (int) ((tile_w - 22) * PANGO_SCALE));
    }
  for (guint i = 0; i < n; i++)
      {
        const PlReportHeadline *headline = block->headlines->pdata[i];
        const char *texts[] = { headline->label, headline->value, headline->basis };
        double tx = x + i * (tile_w + gap), ty = y + 9;

        /* Each tile as tall as the tallest (measured first), under its text. */
        if (draw)
          {
            cairo_set_source_rgb (cr, 0.955, 0.96, 0.97);
            pl_chart_rounded_rect (cr, tx, y, tile_w, block->height, 5);
            cairo_fill (cr);
            pl_chart_set_color (cr, status_color (&self->style, headline->status), 1);
            cairo_rectangle (cr, tx, y + 4, 4, block->height - 8);
            cairo_fill (cr);
          }
        for (guint k = 0; k < G_N_ELEMENTS (layouts); k++)
          {
            int h;
            pango_layout_set_text (layouts[k], texts[k], -1);
            if (k == 1)
              {
                /* The figure is one word: smaller rather than broken ("1 386 600 E-UR"). */
                int fw;
                pango_layout_set_width (value, -1);
                pl_chart_text_set_size (value, 19);
                for (double size = 19; size > 11; size -= 1)
                  {
                    pango_layout_get_pixel_size (value, &fw, NULL);
                    if (fw <= tile_w - 22)
                      break;
                    pl_chart_text_set_size (value, size - 1);
                  }
                pango_layout_set_width (value, (int) ((tile_w - 22) * PANGO_SCALE));
              }
            pango_layout_get_pixel_size (layouts[k], NULL, &h);
            if (draw)
              {
                pl_chart_set_color (cr, k == 2 ? &self->style.muted : &self->style.text, 1);
                cairo_move_to (cr, tx + 14, ty);
                pango_cairo_show_layout (cr, layouts[k]);
              }
            ty += h + (k == 0 ? 2 : 4);
          }
        tallest = MAX (tallest, ty - y + 5);
      }
  return tallest;
}

/* Lays out (and draws with @draw) the board pack's masthead: the logo, what it is, the plan's
 * title, its organisation and period; returns its height. */
static double
masthead_layout (PlReport *self, cairo_t *cr, double x, double y, double w, gboolean draw)
{
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (self->plan));
  const char *organisation = pl_item_get_string (meta, PL_METADATA_ORGANISATION);
  g_autofree char *period = pl_report_text_period (self->plan);
  g_autofree char *as_of = pl_report_text_as_of (self->plan, self->options.as_of);
  g_autofree char *line = organisation ? g_strdup_printf ("%s · %s · %s", organisation, period, as_of)
                                       : g_strdup_printf ("%s · %s", period, as_of);
  g_autoptr(PangoLayout) small = text_layout (cr, &self->style, 9.5, FALSE);
  g_autoptr(PangoLayout) title = text_layout (cr, &self->style, 17, TRUE);
  double logo_h = 0, tx = x, ty = y, tw = w;
  int h;

  if (self->logo != NULL)
    {
      /* Up to 46 points high, and a banner up to two fifths of the width. */
      double logo_w, unused;

      pl_paper_logo_size (self->logo, w * 0.4, 46, &logo_w, &unused);
      if (draw)
        pl_paper_draw_logo (cr, self->logo, x, y, w * 0.4, 46);
      logo_h = 46;
      tx += logo_w + 16;
      tw -= logo_w + 16;
    }
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (title, PANGO_WRAP_WORD);
  pango_layout_set_ellipsize (small, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (small, PANGO_WRAP_WORD);
  pango_layout_set_width (small, (int) (tw * PANGO_SCALE));
  pango_layout_set_width (title, (int) (tw * PANGO_SCALE));
  for (guint k = 0; k < 3; k++)
    {
      PangoLayout *layout = k == 1 ? title : small;
      pango_layout_set_text (layout, k == 0 ? _("Board pack") : k == 1 ? pl_plan_get_title (self->plan) : line, -1);
      pango_layout_get_pixel_size (layout, NULL, &h);
      if (draw)
        {
          pl_chart_set_color (cr, k == 1 ? &self->style.text : &self->style.muted, 1);
          cairo_move_to (cr, tx, ty);
          pango_cairo_show_layout (cr, layout);
        }
      ty += h + 3;
    }
  h = (int) ceil (MAX (ty - y, logo_h)) + 12;
  if (draw)
    {
      pl_chart_set_color (cr, &self->style.muted, 0.5);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, x, y + h - 6);
      cairo_line_to (cr, x + w, y + h - 6);
      cairo_stroke (cr);
    }
  return h;
}

static double
block_measure (PlReport *self, const Block *block, double width)
{
  switch (block->kind)
    {
    case BLOCK_HEADLINES:
      return headlines_layout (self, self->measure, block, 0, 0, width, FALSE);
    case BLOCK_MASTHEAD:
      return masthead_layout (self, self->measure, 0, 0, width, FALSE);
    case BLOCK_COMMENTARY:
      {
        g_autoptr(PangoLayout) layout = paragraph (self, self->measure, block, width - COMMENTARY_INDENT);
        int height;
        pango_layout_get_pixel_size (layout, NULL, &height);
        return height + 4;
      }
    case BLOCK_COVER:
      return content_height (self);
    case BLOCK_CHART:
      return block->piece.height * block->piece.scale;
    case BLOCK_ROW:
      return row_height (self, self->measure, block, width);
    case BLOCK_TITLE:
    case BLOCK_SUBTITLE:
    case BLOCK_CAPTION:
    case BLOCK_TEXT:
    default:
      {
        g_autoptr(PangoLayout) layout = paragraph (self, self->measure, block, width);
        int height;
        pango_layout_get_pixel_size (layout, NULL, &height);
        return height + (block->kind == BLOCK_TITLE ? 4 : 0);
      }
    }
}

static void draw_cover (PlReport *self, cairo_t *cr, double x, double y, double w, double h);

static void
draw_row (PlReport *self, cairo_t *cr, const Block *block, double x, double y, double w)
{
  const PlReportTable *table = block->table;
  g_autoptr(PangoLayout) layout = row_layout (self, cr, block);
  double cx = x;

  if (block->flags & ROW_SHADED)
    {
      cairo_set_source_rgb (cr, 0.955, 0.96, 0.97);
      cairo_rectangle (cr, x, y, w, block->height);
      cairo_fill (cr);
    }
  pl_chart_set_color (cr, &self->style.muted, (block->flags & ROW_HEADER) ? 0.8 : 0.45);
  cairo_set_line_width (cr, (block->flags & ROW_HEADER) ? 0.8 : 0.5);
  if (block->flags & (ROW_HEADER | ROW_TOTAL))
    {
      double line_y = (block->flags & ROW_HEADER) ? y + block->height - 0.5 : y + 0.5;
      cairo_move_to (cr, x, line_y);
      cairo_line_to (cr, x + w, line_y);
      cairo_stroke (cr);
    }
  for (guint c = 0; c < table->n_columns && block->cells[c] != NULL; c++)
    {
      set_cell (block, c, layout, w);
      pl_chart_set_color (cr, (block->flags & ROW_HEADER) ? &self->style.muted : &self->style.text, 1);
      /* Headings sit on the rule under them, over their column's values. */
      if (block->flags & ROW_HEADER)
        {
          int h;
          pango_layout_get_pixel_size (layout, NULL, &h);
          cairo_move_to (cr, cx + 4, y + block->height - block->pad - 2 - h);
        }
      else
        cairo_move_to (cr, cx + 4, y + block->pad);
      pango_cairo_show_layout (cr, layout);
      pl_chart_note_text (layout, table->widths[c] * w - 8);
      cx += table->widths[c] * w;
    }
}

static void
draw_block (PlReport *self, cairo_t *cr, const Block *block, double x, double y, double w)
{
  switch (block->kind)
    {
    case BLOCK_COVER:
      draw_cover (self, cr, x, y, w, block->height);
      break;
    case BLOCK_CHART:
      pl_chart_piece_draw (&block->piece, self->plan, self->timeline, self->options.as_of, &self->style, cr,
                           x + (w - block->piece.width * block->piece.scale) / 2, y);
      break;
    case BLOCK_ROW:
      draw_row (self, cr, block, x, y, w);
      break;
    case BLOCK_HEADLINES:
      headlines_layout (self, cr, block, x, y, w, TRUE);
      break;
    case BLOCK_MASTHEAD:
      masthead_layout (self, cr, x, y, w, TRUE);
      break;
    case BLOCK_COMMENTARY:
      {
        g_autoptr(PangoLayout) layout = paragraph (self, cr, block, w - COMMENTARY_INDENT);
        cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
        cairo_rectangle (cr, x, y + 1, 3, block->height - 4);
        cairo_fill (cr);
        pl_chart_set_color (cr, &self->style.text, 1);
        cairo_move_to (cr, x + COMMENTARY_INDENT, y + 2);
        pango_cairo_show_layout (cr, layout);
      }
      break;
    case BLOCK_TITLE:
    case BLOCK_SUBTITLE:
    case BLOCK_CAPTION:
    case BLOCK_TEXT:
    default:
      {
        g_autoptr(PangoLayout) layout = paragraph (self, cr, block, w);
        TextLook look = look_of (block->kind);
        pl_chart_set_color (cr, look.muted ? &self->style.muted : &self->style.text, 1);
        cairo_move_to (cr, x, y);
        pango_cairo_show_layout (cr, layout);
      }
      break;
    }
}

/* Sections. */

static void
add_cover (PlReport *self)
{
  Block block = { BLOCK_COVER };
  place (self, &block);
}

static void
draw_cover (PlReport *self, cairo_t *cr, double x, double y, double w, double h)
{
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (self->plan));
  const char *organisation = pl_item_get_string (meta, PL_METADATA_ORGANISATION);
  const char *owner = pl_item_get_string (meta, PL_METADATA_OWNER);
  g_autoptr(PangoLayout) title = text_layout (cr, &self->style, 28, TRUE);
  g_autoptr(PangoLayout) large = text_layout (cr, &self->style, 15, FALSE);
  g_autoptr(PangoLayout) text = text_layout (cr, &self->style, 10.5, FALSE);
  g_autoptr(PangoLayout) bold = text_layout (cr, &self->style, 10.5, TRUE);
  g_autofree char *period = pl_report_text_period (self->plan);
  g_autofree char *as_of = pl_report_text_as_of (self->plan, self->options.as_of);
  g_autofree char *prepared = pl_report_text_prepared (owner, self->options.today);
  g_autofree char *persona = pl_report_text_persona_badge (self->plan);
  double cy = y + h * 0.16;

  /* The organisation's logo at the top, its proportions kept. */
  pl_paper_draw_logo (cr, self->logo, x, y, w * 0.4, h * 0.09);
  /* An accent down the left edge: the cover reads as a cover, in print as on screen. */
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_rectangle (cr, x, y + h * 0.12, 5, h * 0.30);
  cairo_fill (cr);
  x += 22;
  w -= 22;
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (title, PANGO_WRAP_WORD);
  pl_chart_set_color (cr, &self->style.muted, 1);
  cy += pl_chart_text (cr, text, _("Marketing report to leadership"), x, cy, w, PANGO_ALIGN_LEFT) + 10;
  pl_chart_set_color (cr, &self->style.text, 1);
  cy += pl_chart_text (cr, title, pl_plan_get_title (self->plan), x, cy, w, PANGO_ALIGN_LEFT) + 8;
  if (organisation != NULL)
    cy += pl_chart_text (cr, large, organisation, x, cy, w, PANGO_ALIGN_LEFT) + 18;
  pl_chart_set_color (cr, &self->style.text, 1);
  cy += pl_chart_text (cr, text, period, x, cy, w, PANGO_ALIGN_LEFT) + 4;
  cy += pl_chart_text (cr, text, as_of, x, cy, w, PANGO_ALIGN_LEFT) + 4;
  pl_chart_set_color (cr, &self->style.muted, 1);
  cy += pl_chart_text (cr, text, prepared, x, cy, w, PANGO_ALIGN_LEFT) + 22;
  {
    const char *commentary = pl_report_get_commentary (self->plan, pl_report_section_name (PL_REPORT_COVER));
    if (commentary != NULL && *commentary != '\0')
      {
        g_autofree char *withheld = self->options.share_safe ? pl_report_text_withhold_amounts (self->plan, commentary) : NULL;
        g_autofree char *markup = g_markup_printf_escaped ("<i>%s</i>", withheld ? withheld : commentary);
        int th;
        pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_NONE);
        pango_layout_set_wrap (text, PANGO_WRAP_WORD);
        pango_layout_set_width (text, (int) (w * 0.85 * PANGO_SCALE));
        pango_layout_set_markup (text, markup, -1);
        pango_layout_get_pixel_size (text, NULL, &th);
        pl_chart_set_color (cr, &self->style.text, 1);
        cairo_move_to (cr, x, cy);
        pango_cairo_show_layout (cr, text);
        cy += th + 22;
        pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      }
  }

  if (persona != NULL)
    {
      int tw, th;
      pango_layout_set_width (bold, -1);
      pango_layout_set_text (bold, persona, -1);
      pango_layout_get_pixel_size (bold, &tw, &th);
      cairo_set_source_rgb (cr, 0.90, 0.94, 0.99);
      pl_chart_rounded_rect (cr, x, cy, tw + 24, th + 12, (th + 12) / 2.0);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.10, 0.33, 0.64);
      cairo_move_to (cr, x + 12, cy + 6);
      pango_cairo_show_layout (cr, bold);
      cy += th + 12 + 22;
    }
  if (self->options.share_safe)
    {
      double box_h;
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_wrap (text, PANGO_WRAP_WORD);
      pango_layout_set_width (text, (int) ((w - 28) * PANGO_SCALE));
      pango_layout_set_markup (text, pl_report_text_share_safe_notice (), -1);
      box_h = pango_layout_get_height (text) >= 0 ? 0 : 0;
      {
        int th;
        pango_layout_get_pixel_size (text, NULL, &th);
        box_h = th + 20;
      }
      cairo_set_source_rgb (cr, 1.0, 0.97, 0.88);
      pl_chart_rounded_rect (cr, x, cy, w, box_h, 6);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.85, 0.65, 0.13);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      pl_chart_set_color (cr, &self->style.text, 1);
      cairo_move_to (cr, x + 14, cy + 10);
      pango_cairo_show_layout (cr, text);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      cy += box_h + 22;
    }

  /* The contents, with the page each section starts on. */
  pl_chart_set_color (cr, &self->style.text, 1);
  cy = MAX (cy, y + h * 0.55);
  cy += pl_chart_text (cr, bold, _("Contents"), x, cy, w, PANGO_ALIGN_LEFT) + 6;
  for (guint i = 0; i < self->options.n_sections; i++)
    {
      PlReportSection section = self->options.sections[i];
      int page = pl_report_get_section_page (self, section);
      g_autofree char *number = NULL;

      if (section == PL_REPORT_COVER || page < 0)
        continue;
      number = g_strdup_printf ("%d", page + 1);
      pl_chart_text (cr, text, pl_report_section_title (section), x, cy, w * 0.6, PANGO_ALIGN_LEFT);
      cy += pl_chart_text (cr, text, number, x + w * 0.6, cy, w * 0.15, PANGO_ALIGN_RIGHT) + 3;
    }
}

static void
add_chart_section (PlReport *self, PlReportSection section, const char *chart, const char *explanation)
{
  g_autoptr(GError) error = NULL;
  double w, h;

  add_title (self, section, explanation ? g_markup_escape_text (explanation, -1) : NULL);
  if (!pl_chart_catalog_size (self->plan, chart, &w, &h, &error))
    {
      add_text (self, BLOCK_TEXT, g_markup_escape_text (error->message, -1));
      return;
    }
  add_chart (self, chart, 1, NULL);
}

/* @table's rows, then its paragraphs after. */
static void
add_table (PlReport *self, PlReportTableText *table)
{
  begin_table (self, table->table, g_steal_pointer (&table->header));
  table->table = NULL;
  for (guint i = 0; i < table->rows->len; i++)
    {
      guint flags = i % 2 ? ROW_SHADED : 0;
      if (i + 1 == table->rows->len && table->last_is_total)
        flags = ROW_TOTAL;
      add_row (self, g_strdupv (table->rows->pdata[i]), flags);
    }
  end_table (self);
  for (guint i = 0; i < table->after->len; i++)
    add_text (self, BLOCK_TEXT, g_strdup (table->after->pdata[i]));
}

/* Adds @table's rows while they fit on the page (a board pack's section is one page), then a
 * line that says how many more there are, where. */
static void
add_table_on_page (PlReport *self, PlReportTableText *table, const char *where)
{
  double more_h;
  guint shown = 0;

  {
    Block more = { BLOCK_TEXT, g_strdup ("X") };
    more_h = block_measure (self, &more, content_width (self)) + space_before (self, BLOCK_TEXT);
    g_free (more.markup);
  }
  begin_table (self, table->table, g_steal_pointer (&table->header));
  table->table = NULL;
  for (; shown < table->rows->len; shown++)
    {
      Block row = { BLOCK_ROW, NULL, table->rows->pdata[shown], self->table, shown % 2 ? ROW_SHADED : 0 };
      double room = content_height (self) - page_used (self) - (shown + 1 < table->rows->len ? more_h : 0);

      if (shown + 1 == table->rows->len && table->last_is_total)
        row.flags = ROW_TOTAL;
      row.pad = self->tight->row_pad;
      if (row_height (self, self->measure, &row, content_width (self)) > room)
        break;
      add_row (self, g_strdupv (table->rows->pdata[shown]), row.flags);
    }
  end_table (self);
  if (shown < table->rows->len)
    {
      /* Translators: under a board pack's table cut to its page: how many rows are left out, then where to read them ("the Campaigns page") */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more, on %s of Pilote.",
                                                            "And %u more, on %s of Pilote.", table->rows->len - shown),
                                               table->rows->len - shown, where);
      add_text (self, BLOCK_TEXT, g_markup_escape_text (more, -1));
    }
}

static void
add_timeline (PlReport *self)
{
  g_autoptr(GPtrArray) top = pl_report_top_campaigns (self->plan, PL_REPORT_TOP_CAMPAIGNS);
  guint n = pl_plan_get_n (self->plan, PL_COLLECTION_CAMPAIGNS);
  g_autofree char *subtitle = NULL;

  self->timeline = self->timeline ? self->timeline : pl_timeline_layout_new (self->plan, PL_LANES_CHANNEL);
  if (n > PL_REPORT_TOP_CAMPAIGNS)
    {
      g_autoptr(GHashTable) keep = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < top->len; i++)
        g_hash_table_add (keep, top->pdata[i]);
      pl_timeline_layout_keep (self->timeline, keep);
      subtitle = g_markup_printf_escaped (_("The %u campaigns with the most spend, of %u, by channel."), top->len, n);
    }
  else
    subtitle = g_strdup (_("Every campaign of the plan, by channel."));
  add_title (self, PL_REPORT_TIMELINE, g_steal_pointer (&subtitle));
  add_chart (self, "timeline", 1, NULL);
}

/* The title of a section of text around a table, and the paragraphs before the table. */
static void
add_table_section_intro (PlReport *self, PlReportSection section, PlReportTableText *table)
{
  add_title (self, section, g_strdup (table->subtitle));
  for (guint i = 0; i < table->before->len; i++)
    add_text (self, BLOCK_TEXT, g_strdup (table->before->pdata[i]));
}

/* A section of text around a table, with @chart_before over the table and @charts_after
 * under it (NULL-terminated). */
static void
add_text_table_section (PlReport *self, PlReportSection section, PlReportTableText *table, const char *chart_before,
                        const char * const *charts_after)
{
  add_table_section_intro (self, section, table);
  if (table->rows->len == 0)
    return;
  /* A chart over its table shares the page with it. */
  if (chart_before != NULL)
    add_chart (self, chart_before, 0.45, NULL);
  add_table (self, table);
  for (guint i = 0; charts_after != NULL && charts_after[i] != NULL; i++)
    add_chart (self, charts_after[i], 0.6,
               g_markup_escape_text (_(pl_chart_catalog_lookup (charts_after[i])->title), -1));
}

/* A ranking of the campaigns (pl-campaign-ranking-chart.h) as the report shows it. */
typedef struct {
  const char *chart;     /* its catalogue name */
  gboolean    ranked;    /* some campaign is ranked: the chart is worth drawing */
  char       *reading;   /* "“Webinars” returns the most for its spend…", or why none is
                          * ranked; NULL for a plan without campaigns */
} Ranking;

/* The rankings by ROI, then by cost per result, as of the report's day. */
static void
rankings_get (PlReport *self, Ranking rankings[2])
{
  static const PlCampaignRankMode modes[] = { PL_CAMPAIGN_RANK_ROI, PL_CAMPAIGN_RANK_COST };
  PlBasis basis = pl_campaign_ranking_basis (self->plan, self->options.as_of);
  g_autoptr(GArray) figures = pl_campaign_figures_all (self->plan, &basis);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      PlCampaignRankingOptions options = { modes[i], NULL };
      g_autoptr(PlCampaignRankingLayout) layout = pl_campaign_ranking_layout_new (self->plan, figures, &options, 900,
                                                                                  460, &self->style);
      g_auto(GStrv) sentences = pl_campaign_ranking_chart_sentences (self->plan, layout, &self->style);

      rankings[i].chart = modes[i] == PL_CAMPAIGN_RANK_ROI ? "campaign-roi" : "campaign-cost";
      rankings[i].ranked = layout->n_ranked > 0;
      rankings[i].reading = figures->len == 0 ? NULL : pl_campaign_ranking_reading (self->plan, layout, &self->style);
      if (figures->len > 0 && rankings[i].reading == NULL)
        rankings[i].reading = g_strdup (sentences[0]);
    }
}

static void
rankings_clear (Ranking rankings[2])
{
  for (guint i = 0; i < 2; i++)
    g_free (rankings[i].reading);
}

/* The rankings' readings, one paragraph each: what the section answers first. */
static void
add_rankings_read (PlReport *self, const Ranking rankings[2])
{
  for (guint i = 0; i < 2; i++)
    if (rankings[i].reading != NULL)
      add_text (self, BLOCK_TEXT, g_markup_escape_text (rankings[i].reading, -1));
}

/* The ranking drawn: by ROI, or by cost per result when no campaign has revenue; NULL when
 * neither ranks a campaign. One chart: both would add a page to a report read in minutes,
 * and the readings give both. */
static const Ranking *
ranking_drawn (const Ranking rankings[2])
{
  return rankings[0].ranked ? &rankings[0] : rankings[1].ranked ? &rankings[1] : NULL;
}

/* The board pack's ranking, on the campaigns' page: its reading first and the chart in what
 * the page has left, or neither when the page has no room left for a chart to read. */
static void
add_board_ranking (PlReport *self)
{
  Ranking rankings[2];
  const Ranking *shown;

  rankings_get (self, rankings);
  shown = ranking_drawn (rankings);
  if (shown != NULL)
    {
      Block caption = { BLOCK_CAPTION, g_markup_escape_text (_(pl_chart_catalog_lookup (shown->chart)->title), -1) };
      Block text = { BLOCK_TEXT, g_markup_escape_text (shown->reading, -1) };
      double need = space_before (self, BLOCK_CAPTION) + block_measure (self, &caption, content_width (self))
                    + space_before (self, BLOCK_TEXT) + block_measure (self, &text, content_width (self))
                    + space_before (self, BLOCK_CHART) + content_height (self) * BOARD_CHART_MIN;

      if (page_used (self) + need <= content_height (self))
        {
          place (self, &caption);
          place (self, &text);
          add_chart (self, shown->chart, 1, NULL);
        }
      else
        {
          g_free (caption.markup);
          g_free (text.markup);
        }
    }
  rankings_clear (rankings);
}

static void
add_notes (PlReport *self)
{
  const char *notes = pl_item_get_string (PL_ITEM (pl_plan_get_metadata (self->plan)), PL_METADATA_NOTES);
  g_auto(GStrv) paragraphs = NULL;

  g_autofree char *withheld = NULL;

  add_title (self, PL_REPORT_NOTES,
             self->options.share_safe ? g_markup_escape_text (_("Amounts written in the notes are withheld in this edition."), -1)
                                      : NULL);
  if (notes == NULL || *notes == '\0')
    {
      add_text (self, BLOCK_TEXT, g_markup_escape_text (_("The plan has no notes."), -1));
      return;
    }
  if (self->options.share_safe)
    notes = withheld = pl_report_text_withhold_amounts (self->plan, notes);
  paragraphs = g_strsplit (notes, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    if (*g_strstrip (paragraphs[i]) != '\0')
      add_text (self, BLOCK_TEXT, g_markup_escape_text (paragraphs[i], -1));
}

/* @table under @caption (markup, taken), the caption, the heading and the first row kept
 * together: a caption or a heading alone at the foot of a page reads as a mistake. */
static void
add_captioned_table (PlReport *self, char *caption, PlReportTableText *table)
{
  Block title = { BLOCK_CAPTION, caption };
  Block header = { BLOCK_ROW, NULL, table->header, table->table, ROW_HEADER };
  Block first = { BLOCK_ROW, NULL, table->rows->len ? table->rows->pdata[0] : table->header, table->table, 0 };
  double width = content_width (self), need;

  header.pad = first.pad = self->tight->row_pad;
  need = space_before (self, BLOCK_CAPTION) + block_measure (self, &title, width) + block_measure (self, &header, width)
         + block_measure (self, &first, width);
  if (current_page (self)->n_blocks > 0 && page_used (self) + need > content_height (self))
    new_page (self, self->section);
  add_text (self, BLOCK_CAPTION, caption);
  add_table (self, table);
}

/* What changed since the plan the options compare with: the counts, the budget by category
 * before and after, then the main changes page by page. */
static void
add_changes (PlReport *self)
{
  g_autoptr(PlReportChanges) changes = pl_report_changes_new (self->options.changes,
                                                              self->options.changes_since ? self->options.changes_since : "",
                                                              self->options.share_safe);

  add_title_as (self, PL_REPORT_CHANGES, changes->title, g_strdup (changes->subtitle));
  if (changes->budget != NULL)
    add_captioned_table (self, g_markup_escape_text (_("Budget by category, before and after"), -1), changes->budget);
  for (guint p = 0; p < changes->pages->len; p++)
    {
      PlReportTableText *table = changes->pages->pdata[p];

      add_captioned_table (self, g_strdup (table->subtitle), table);
    }
}

/* TRUE when @plan has a saved scenario to set beside Base. */
static gboolean
has_scenarios (PlPlan *plan)
{
  return pl_plan_get_n (plan, PL_COLLECTION_SCENARIOS) > 0;
}

static void
add_section_content (PlReport *self, PlReportSection section)
{
  switch (section)
    {
    case PL_REPORT_COVER:
      add_cover (self);
      break;
    case PL_REPORT_SUMMARY:
      {
        g_autoptr(PlReportTableText) table = pl_report_summary_table (self->plan, self->options.as_of,
                                                                      self->options.share_safe);
        add_text_table_section (self, section, table, NULL, NULL);
      }
      break;
    case PL_REPORT_CHANGES:
      /* Nothing to say without a plan to compare with: no section, not an empty one. */
      if (self->options.changes != NULL)
        add_changes (self);
      break;
    case PL_REPORT_DASHBOARD:
      add_chart_section (self, section, "dashboard", NULL);
      break;
    case PL_REPORT_CHAIN:
      /* Past a few dozen KPIs the whole chain on paper is a map, not something to read. */
      add_chart_section (self, section, "chain",
                         pl_plan_get_n (self->plan, PL_COLLECTION_KPIS) > CHAIN_READABLE_KPIS
                           ? _("The whole chain, as a map: with this many KPIs, read each one on the KPI chain page of Pilote.")
                           : _("Each box is a KPI: its latest value against target, coloured by how it stands. "
                               "The arrows run from activity to business results, with the conversion between stages."));
      break;
    case PL_REPORT_FUNNEL:
      /* The dashboard draws the funnel: beside it, the section is the stages' figures rather
       * than the same bars again. */
      if (self->section_page[PL_REPORT_DASHBOARD] >= 0)
        {
          g_autoptr(PlReportTableText) table = pl_report_funnel_table (self->plan, self->options.as_of);
          add_text_table_section (self, section, table, NULL, NULL);
        }
      else
        add_chart_section (self, section, "funnel", NULL);
      break;
    case PL_REPORT_BUDGET:
      {
        g_autoptr(PlReportTableText) table = pl_report_budget_table (self->plan, self->options.as_of,
                                                                     self->options.share_safe);
        add_text_table_section (self, section, table, NULL, (const char *[]) { "categories", "burn", NULL });
      }
      break;
    case PL_REPORT_SCENARIOS:
      /* A plan without scenarios has nothing to compare: no section, not an empty one. */
      if (has_scenarios (self->plan))
        {
          g_autoptr(PlReportTableText) table = pl_report_scenarios_table (self->plan, self->options.as_of,
                                                                          self->options.share_safe);
          add_text_table_section (self, section, table, NULL, (const char *[]) { "scenarios", NULL });
        }
      break;
    case PL_REPORT_TIMELINE:
      add_timeline (self);
      break;
    case PL_REPORT_CAMPAIGNS:
      {
        g_autoptr(PlReportTableText) table = pl_report_campaigns_table (self->plan, self->options.as_of, self->options.share_safe);

        Ranking rankings[2];

        /* What the campaigns brought for their spend is read first, the question asked
         * first of them; the charts follow the table, where its last page has room. */
        rankings_get (self, rankings);
        add_table_section_intro (self, section, table);
        add_rankings_read (self, rankings);
        if (table->rows->len > 0)
          add_table (self, table);
        if (ranking_drawn (rankings) != NULL)
          add_chart (self, ranking_drawn (rankings)->chart, 0.6,
                     g_markup_escape_text (_(pl_chart_catalog_lookup (ranking_drawn (rankings)->chart)->title), -1));
        rankings_clear (rankings);
      }
      break;
    case PL_REPORT_MATURITY:
      {
        g_autoptr(PlReportTableText) table = pl_report_maturity_table (self->plan);
        add_text_table_section (self, section, table, "radar", NULL);
      }
      break;
    case PL_REPORT_HYGIENE:
      {
        g_autoptr(PlReportTableText) table = pl_report_hygiene_table (self->plan, MAX_FINDINGS);
        add_text_table_section (self, section, table, NULL, NULL);
      }
      break;
    case PL_REPORT_NOTES:
      add_notes (self);
      break;
    case PL_REPORT_N_SECTIONS:
    default:
      g_assert_not_reached ();
    }
}

/* The board pack's sections: each one page. */
static void
add_board_section_content (PlReport *self, PlReportSection section)
{
  switch (section)
    {
    case PL_REPORT_SUMMARY:
      {
        g_autoptr(PlReportTableText) table = pl_report_summary_table (self->plan, self->options.as_of,
                                                                      self->options.share_safe);
        Block masthead = { BLOCK_MASTHEAD };
        Block headlines = { BLOCK_HEADLINES };

        place (self, &masthead);
        add_title (self, section, g_strdup (table->subtitle));
        headlines.headlines = pl_report_headlines (self->plan, self->options.as_of, self->options.share_safe);
        if (headlines.headlines->len > 0)
          place (self, &headlines);
        else
          g_ptr_array_unref (headlines.headlines);
        /* The figures, without the sentences of the full report: the headlines and the
         * commentary say what matters, the attention list has its own page. */
        if (table->rows->len > 0)
          add_table_on_page (self, table, _("the dashboard"));
      }
      break;
    case PL_REPORT_DASHBOARD:
      add_chart_section (self, section, "dashboard", NULL);
      break;
    case PL_REPORT_BUDGET:
      {
        g_autoptr(PlReportTableText) table = pl_report_budget_table (self->plan, self->options.as_of,
                                                                     self->options.share_safe);
        add_title (self, section, g_strdup (table->subtitle));
        add_table_on_page (self, table, _("the Budget page"));
        for (guint i = 0; i < table->after->len; i++)
          add_text (self, BLOCK_TEXT, g_strdup (table->after->pdata[i]));
        add_chart (self, "burn", 1, g_markup_escape_text (_(pl_chart_catalog_lookup ("burn")->title), -1));
      }
      break;
    case PL_REPORT_CHAIN:
      add_chart_section (self, section, "chain",
                         _("Each box is a KPI: its latest value against target, coloured by how it stands. "
                           "The arrows run from activity to business results, with the conversion between stages."));
      break;
    case PL_REPORT_CAMPAIGNS:
      {
        g_autoptr(PlReportTableText) table = pl_report_attention_table (self->plan, self->options.as_of,
                                                                        self->options.share_safe);
        add_title_as (self, section, _("Campaigns that need attention"), g_strdup (table->subtitle));
        for (guint i = 0; i < table->before->len; i++)
          add_text (self, BLOCK_TEXT, g_strdup (table->before->pdata[i]));
        if (table->rows->len > 0)
          add_table_on_page (self, table, _("the Campaigns page"));
        /* Then which campaigns return the most for their spend, in what the page has left. */
        add_board_ranking (self);
        /* Then every campaign by spend, as much as the page holds: what the attention list
         * is read against. */
        if (content_height (self) - page_used (self) > content_height (self) * 0.25)
          {
            g_autoptr(PlReportTableText) all = pl_report_campaigns_table (self->plan, self->options.as_of, self->options.share_safe);

            if (all->rows->len > 0)
              {
                add_text (self, BLOCK_CAPTION, g_markup_escape_text (_("Every campaign, the most spent first"), -1));
                add_table_on_page (self, all, _("the Campaigns page"));
              }
          }
      }
      break;
    case PL_REPORT_COVER:
    case PL_REPORT_CHANGES:
    case PL_REPORT_FUNNEL:
    case PL_REPORT_SCENARIOS:
    case PL_REPORT_TIMELINE:
    case PL_REPORT_MATURITY:
    case PL_REPORT_HYGIENE:
    case PL_REPORT_NOTES:
    case PL_REPORT_N_SECTIONS:
    default:
      g_assert_not_reached ();
    }
}

/* Where the layout stood before a section, to lay it out again from there. */
typedef struct {
  guint blocks, pages, n_blocks;  /* n_blocks: of the page then last */
} Mark;

static Mark
mark_now (PlReport *self)
{
  return (Mark) { self->blocks->len, self->pages->len, self->pages->len ? current_page (self)->n_blocks : 0 };
}

static void
go_back (PlReport *self, const Mark *mark)
{
  g_array_set_size (self->blocks, mark->blocks);
  g_array_set_size (self->pages, mark->pages);
  if (mark->pages > 0)
    current_page (self)->n_blocks = mark->n_blocks;
  self->table = NULL;
  g_clear_pointer (&self->header, g_strfreev);
}

/* TRUE when @section, opening with text, may follow the section before on its page: the full
 * report only (the board pack gives each section its page), a page of the same orientation
 * with enough of it left, and not the cover. Sections that open with a page-wide chart
 * (the dashboard, the chain, the timeline) start their own page. */
static gboolean
can_follow (PlReport *self, PlReportSection section)
{
  const Page *page;

  if (self->pages->len == 0 || section == PL_REPORT_COVER)
    return FALSE;
  if (section == PL_REPORT_DASHBOARD || section == PL_REPORT_CHAIN || section == PL_REPORT_TIMELINE)
    return FALSE;
  page = current_page (self);
  if (page->n_blocks == 0 || page->section == PL_REPORT_COVER || page->landscape != sections[section].wide)
    return FALSE;
  /* A short section the page was given room for (share_short_section()), in either report. */
  if (self->sharing > 0)
    return content_height (self) - page_used (self) >= self->sharing;
  if (self->options.kind != PL_REPORT_KIND_FULL)
    return FALSE;
  if (section == PL_REPORT_FUNNEL && self->section_page[PL_REPORT_DASHBOARD] < 0)
    return FALSE;  /* the funnel chart, on its own page */
  return content_height (self) - page_used (self) >= content_height (self) * FLOW_MIN_LEFT;
}

/* How many of @section's pages break the page-fill rule. A section on one page keeps it
 * whatever it holds: that page is its last, and what follows may fill it. */
static guint
fill_faults (PlReport *self, PlReportSection section)
{
  int start = self->section_page[section];
  guint faults = 0;

  if (start < 0 || (guint) start + 1 >= self->pages->len)
    return 0;
  for (guint p = (guint) start; p < self->pages->len; p++)
    if (pl_report_get_page_fill (self, p) < (p + 1 == self->pages->len ? FILL_MIN_LAST : FILL_MIN))
      faults++;
  return faults;
}

/* Lays out @section from @mark at tightness @level. */
static void
lay_out (PlReport *self, PlReportSection section, const Mark *mark, guint level)
{
  go_back (self, mark);
  self->section = section;
  self->tight = &tightness[level];
  if (!can_follow (self, section))
    new_page (self, section);
  self->section_page[section] = (int) self->pages->len - 1;
  if (self->options.kind == PL_REPORT_KIND_BOARD_PACK)
    add_board_section_content (self, section);
  else
    add_section_content (self, section);
  /* A section that ended up with nothing on a page it opened leaves no blank page. */
  if (current_page (self)->n_blocks == 0)
    {
      g_array_set_size (self->pages, self->pages->len - 1);
      self->section_page[section] = -1;
    }
  /* Nor is a section with nothing to show, following another on its page, said to be there. */
  else if (self->blocks->len == mark->blocks)
    self->section_page[section] = -1;
  if (self->blocks->len > mark->blocks)
    g_array_index (self->blocks, Block, mark->blocks).opens = TRUE;
}

/* Adds @section, tightened as the page-fill rule needs (Tightness): the first level that
 * keeps the rule, else the one with the fewest faults, then the fewest pages. */
static void
add_section (PlReport *self, PlReportSection section)
{
  Mark mark = mark_now (self);
  guint best = 0, best_faults = G_MAXUINT, best_pages = G_MAXUINT;

  for (guint level = 0; level < G_N_ELEMENTS (tightness); level++)
    {
      guint faults;

      lay_out (self, section, &mark, level);
      faults = fill_faults (self, section);
      if (faults < best_faults || (faults == best_faults && self->pages->len < best_pages))
        {
          best = level;
          best_faults = faults;
          best_pages = self->pages->len;
        }
      if (faults == 0)
        break;
    }
  if (self->tight != &tightness[best])
    lay_out (self, section, &mark, best);
}

/* The pages from @first on that break the page-fill rule, the last one counted as a
 * section's last. */
static guint
faults_from (PlReport *self, guint first)
{
  guint faults = 0;

  for (guint p = first; p < self->pages->len; p++)
    if (pl_report_get_page_fill (self, p) < (pl_report_page_ends_section (self, p) ? FILL_MIN_LAST : FILL_MIN))
      faults++;
  return faults;
}

/* Lays out the report's sections from the @from-th on, from where the layout stands,
 * noting where each starts in @marks. */
static void
add_sections_from (PlReport *self, guint from, guint to, Mark *marks)
{
  for (guint i = from; i < to; i++)
    {
      marks[i] = mark_now (self);
      add_section (self, self->options.sections[i]);
    }
}

/* A layout from a mark on, taken out of the report to be put back if what replaces it is
 * no better. */
typedef struct {
  Mark    mark;
  GArray *blocks;  /* Block, owned */
  GArray *pages;   /* Page */
  guint   n_blocks;  /* of the page then last, with what followed on it */
  int     section_page[PL_REPORT_N_SECTIONS];
} Stash;

static void
stash_take (PlReport *self, const Mark *mark, Stash *stash)
{
  stash->mark = *mark;
  stash->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_array_append_vals (stash->blocks, &g_array_index (self->blocks, Block, mark->blocks),
                       self->blocks->len - mark->blocks);
  stash->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  g_array_append_vals (stash->pages, &g_array_index (self->pages, Page, mark->pages), self->pages->len - mark->pages);
  memcpy (stash->section_page, self->section_page, sizeof self->section_page);
  stash->n_blocks = mark->pages > 0 ? g_array_index (self->pages, Page, mark->pages - 1).n_blocks : 0;
  /* The blocks are the stash's now: shortened without being cleared. */
  g_array_set_clear_func (self->blocks, NULL);
  g_array_set_size (self->blocks, mark->blocks);
  g_array_set_clear_func (self->blocks, block_clear);
  g_array_set_size (self->pages, mark->pages);
  if (mark->pages > 0)
    current_page (self)->n_blocks = mark->n_blocks;
}

/* Puts back what @stash took when @restore (the layout since its mark is dropped), else
 * drops it; frees it either way. */
static void
stash_end (PlReport *self, Stash *stash, gboolean restore)
{
  if (restore)
    {
      go_back (self, &stash->mark);
      if (stash->mark.pages > 0)
        current_page (self)->n_blocks = stash->n_blocks;
      g_array_append_vals (self->blocks, stash->blocks->data, stash->blocks->len);
      g_array_append_vals (self->pages, stash->pages->data, stash->pages->len);
      memcpy (self->section_page, stash->section_page, sizeof self->section_page);
    }
  else
    for (guint i = 0; i < stash->blocks->len; i++)
      block_clear (&g_array_index (stash->blocks, Block, i));
  g_array_unref (stash->blocks);
  g_array_unref (stash->pages);
}

/* When the @j-th section, alone on a page it opened, fills less than a quarter of it (a
 * section with nothing yet to show: "The plan has no notes."), it may follow the section
 * before on that one's last page: that section is laid out again with room left at its foot
 * for the short one, then the short one and the ones after it up to the @to-th (the one that
 * made the short one's page final, when not past the end). Kept when fewer pages break the
 * page-fill rule and there are no more pages, else the layout is put back as it was. */
static void
share_short_section (PlReport *self, guint j, guint to, Mark *marks)
{
  PlReportSection section = self->options.sections[j];
  guint page = marks[j].pages;  /* the short section's page, when it opened one */
  guint end = MIN (to + 1, self->options.n_sections);
  Mark saved_marks[PL_REPORT_N_SECTIONS];
  const Page *before;
  Stash stash;
  double height, w, h;
  int first;
  guint faults, pages;
  gboolean better;

  if (j == 0 || page == 0 || self->section_page[section] != (int) page)
    return;
  first = self->section_page[self->options.sections[j - 1]];
  if (first < 0)
    return;
  if ((j + 1 < self->options.n_sections && marks[j + 1].pages != page + 1)
      || (j + 1 == self->options.n_sections && self->pages->len != page + 1))
    return;  /* on more than a page, or followed on it */
  if (pl_report_get_page_fill (self, page) >= FILL_MIN_LAST)
    return;
  before = &g_array_index (self->pages, Page, page - 1);
  if (before->section == PL_REPORT_COVER || before->landscape != g_array_index (self->pages, Page, page).landscape)
    return;
  page_box (self, &g_array_index (self->pages, Page, page), &w, &h);
  /* Its blocks from the top of a page, and the gap over a title that follows another section. */
  height = pl_report_get_page_fill (self, page) * h + space_before_loose (BLOCK_TITLE);
  faults = faults_from (self, (guint) first);
  pages = self->pages->len;
  memcpy (saved_marks, marks, sizeof saved_marks);

  stash_take (self, &marks[j - 1], &stash);
  self->reserve = height;
  add_sections_from (self, j - 1, j, marks);
  self->reserve = 0;
  self->sharing = height;
  add_sections_from (self, j, j + 1, marks);
  self->sharing = 0;
  add_sections_from (self, j + 1, end, marks);
  better = self->section_page[section] == (int) marks[j].pages - 1 && faults_from (self, (guint) first) < faults
           && self->pages->len <= pages;
  stash_end (self, &stash, !better);
  if (!better)
    memcpy (marks, saved_marks, sizeof saved_marks);
}

PlReport *
pl_report_new (PlPlan *plan, const PlReportOptions *options)
{
  Mark marks[PL_REPORT_N_SECTIONS];

  PlReport *self = g_new0 (PlReport, 1);

  self->plan = g_object_ref (plan);
  self->options = *options;
  self->style = *pl_chart_style_light ();
  self->style.share_safe = options->share_safe;
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_report_table_free);
  self->measure_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  self->measure = cairo_create (self->measure_surface);
  self->logo = pl_paper_logo_new (plan);
  self->tight = &tightness[0];
  for (guint i = 0; i < PL_REPORT_N_SECTIONS; i++)
    self->section_page[i] = -1;
  if (options->kind == PL_REPORT_KIND_BOARD_PACK)
    {
      static const PlReportSection board[] = { PL_REPORT_SUMMARY, PL_REPORT_DASHBOARD, PL_REPORT_BUDGET,
                                               PL_REPORT_CHAIN, PL_REPORT_CAMPAIGNS };
      memcpy (self->options.sections, board, sizeof board);
      self->options.n_sections = G_N_ELEMENTS (board);
    }
  for (guint i = 0; i < self->options.n_sections; i++)
    {
      add_sections_from (self, i, i + 1, marks);
      /* The section before is final once this one starts a page of its own. */
      if (i > 0 && self->section_page[self->options.sections[i]] == (int) marks[i].pages)
        share_short_section (self, i - 1, i, marks);
    }
  if (self->options.n_sections > 0)
    share_short_section (self, self->options.n_sections - 1, self->options.n_sections, marks);
  return self;
}

void
pl_report_free (PlReport *report)
{
  if (report == NULL)
    return;
  g_object_unref (report->plan);
  g_array_unref (report->blocks);
  g_array_unref (report->pages);
  g_ptr_array_unref (report->tables);
  g_clear_pointer (&report->timeline, pl_timeline_layout_free);
  g_strfreev (report->header);
  g_clear_pointer (&report->logo, cairo_surface_destroy);
  cairo_destroy (report->measure);
  cairo_surface_destroy (report->measure_surface);
  g_free (report);
}

guint
pl_report_get_n_pages (PlReport *report)
{
  return report->pages->len;
}

void
pl_report_get_page_size (PlReport *report, guint page, double *width, double *height)
{
  const Page *p;

  g_return_if_fail (page < report->pages->len);
  p = &g_array_index (report->pages, Page, page);
  *width = p->landscape ? report->options.height : report->options.width;
  *height = p->landscape ? report->options.width : report->options.height;
}

PlReportSection
pl_report_get_page_section (PlReport *report, guint page)
{
  g_return_val_if_fail (page < report->pages->len, PL_REPORT_COVER);
  return g_array_index (report->pages, Page, page).section;
}

int
pl_report_get_section_page (PlReport *report, PlReportSection section)
{
  g_return_val_if_fail (section < PL_REPORT_N_SECTIONS, -1);
  return report->section_page[section];
}

double
pl_report_get_page_fill (PlReport *report, guint page)
{
  const Page *p;
  const Block *last;
  double w, h;

  g_return_val_if_fail (page < report->pages->len, 0);
  p = &g_array_index (report->pages, Page, page);
  if (p->n_blocks == 0)
    return 0;
  page_box (report, p, &w, &h);
  last = &g_array_index (report->blocks, Block, p->first + p->n_blocks - 1);
  return MIN ((last->y + last->height) / h, 1.0);
}

gboolean
pl_report_page_ends_section (PlReport *report, guint page)
{
  const Page *p;

  g_return_val_if_fail (page < report->pages->len, FALSE);
  if (page + 1 == report->pages->len)
    return TRUE;
  p = &g_array_index (report->pages, Page, page + 1);
  if (p->n_blocks > 0 && g_array_index (report->blocks, Block, p->first).opens)
    return TRUE;
  /* A section that starts on @page after another's end. */
  p = &g_array_index (report->pages, Page, page);
  for (guint b = p->first + 1; b < p->first + p->n_blocks; b++)
    if (g_array_index (report->blocks, Block, b).opens)
      return TRUE;
  return FALSE;
}

void
pl_report_draw_page (PlReport *report, cairo_t *cr, guint page)
{
  const Page *p;
  double width, height, x, y, w, h;

  g_return_if_fail (page < report->pages->len);
  p = &g_array_index (report->pages, Page, page);
  pl_report_get_page_size (report, page, &width, &height);
  page_box (report, p, &w, &h);
  x = report->options.margin;
  y = report->options.margin + PL_PAPER_HEADER_H;
  cairo_save (cr);
  /* The cover is the cover: no running header. */
  if (p->section != PL_REPORT_COVER)
    pl_paper_draw_frame_with_logo (cr, report->plan, report->logo, pl_report_section_title (p->section),
                                   report->options.today, page, report->pages->len, width, height,
                                   report->options.margin);
  for (guint b = p->first; b < p->first + p->n_blocks; b++)
    {
      const Block *block = &g_array_index (report->blocks, Block, b);
      draw_block (report, cr, block, x, y + block->y, w);
    }
  cairo_restore (cr);
}

gboolean
pl_report_write_pdf (PlReport *report, const char *path, GError **error)
{
  PlPaperFile *file = pl_paper_file_open (path, error);
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (report->plan));
  const char *author = pl_item_get_string (meta, PL_METADATA_OWNER);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  if (file == NULL)
    return FALSE;
  title = report->options.kind == PL_REPORT_KIND_BOARD_PACK
          /* Translators: the title of a board pack's PDF file: the plan's title */
          ? g_strdup_printf (_("%s: board pack"), pl_plan_get_title (report->plan))
          /* Translators: the title of a report's PDF file: the plan's title */
          : g_strdup_printf (_("%s: marketing report"), pl_plan_get_title (report->plan));
  subject = pl_report_text_subject (report->plan, report->options.as_of, report->options.share_safe);
  width = report->options.width;
  height = report->options.height;
  if (report->pages->len > 0)
    pl_report_get_page_size (report, 0, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (pl_paper_file_write, file, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  author ? author : pl_item_get_string (meta, PL_METADATA_ORGANISATION) ?: "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pilote " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  cr = cairo_create (surface);
  for (guint page = 0; page < report->pages->len; page++)
    {
      pl_report_get_page_size (report, page, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      /* A bookmark where each section starts, several on a page they share. */
      for (guint i = 0; i < report->options.n_sections; i++)
        {
          PlReportSection section = report->options.sections[i];

          if (report->section_page[section] == (int) page)
            {
              g_autofree char *target = g_strdup_printf ("page=%u", page + 1);
              cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, pl_report_section_title (section),
                                             target, 0);
            }
        }
      pl_report_draw_page (report, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS && status != CAIRO_STATUS_WRITE_ERROR)
    {
      pl_paper_file_close (file, FALSE, NULL);
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("Could not write %s: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return pl_paper_file_close (file, status == CAIRO_STATUS_SUCCESS, error);
}

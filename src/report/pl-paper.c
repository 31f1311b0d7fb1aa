/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-paper"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-chart-catalog.h"
#include "pl-chart-draw.h"
#include "pl-date-text.h"
#include "pl-paper.h"
#include "pl-report-settings.h"

/* A split timeline shows a quarter a page: days a few millimetres wide. */
#define SPLIT_MONTHS 3
/* The width the timeline is drawn at before scaling to the paper: its labels stay legible. */
#define TIMELINE_WIDTH 1400.0

typedef struct {
  GBytes *bytes;
  gsize   offset;
} PngReader;

static cairo_status_t
read_png (void *closure, unsigned char *data, unsigned int length)
{
  PngReader *reader = closure;
  gsize size;
  const guint8 *bytes = g_bytes_get_data (reader->bytes, &size);

  if (length > size - reader->offset)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, bytes + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
pl_paper_logo_new (PlPlan *plan)
{
  g_autoptr(GBytes) png = pl_report_dup_logo (plan);
  PngReader reader = { png, 0 };
  cairo_surface_t *logo;

  if (png == NULL)
    return NULL;
  logo = cairo_image_surface_create_from_png_stream (read_png, &reader);
  /* A file the plan accepted but that cannot be read in full prints as no logo, never as
   * a broken report. */
  if (cairo_surface_status (logo) != CAIRO_STATUS_SUCCESS || cairo_image_surface_get_width (logo) <= 0
      || cairo_image_surface_get_height (logo) <= 0)
    {
      cairo_surface_destroy (logo);
      return NULL;
    }
  return logo;
}

void
pl_paper_logo_size (cairo_surface_t *logo, double max_width, double max_height, double *width, double *height)
{
  double w, h, scale;

  *width = *height = 0;
  if (logo == NULL)
    return;
  w = cairo_image_surface_get_width (logo);
  h = cairo_image_surface_get_height (logo);
  scale = MIN (MIN (max_width / w, max_height / h), PL_PAPER_LOGO_MAX_ENLARGE);
  *width = w * scale;
  *height = h * scale;
}

double
pl_paper_draw_logo (cairo_t *cr, cairo_surface_t *logo, double x, double y, double max_width, double max_height)
{
  double w, h, scale, drawn_w, drawn_h;

  if (logo == NULL)
    return 0;
  w = cairo_image_surface_get_width (logo);
  h = cairo_image_surface_get_height (logo);
  pl_paper_logo_size (logo, max_width, max_height, &drawn_w, &drawn_h);
  scale = drawn_w / w;
  cairo_save (cr);
  cairo_translate (cr, x, y + (max_height - h * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, logo, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_fill (cr);
  cairo_restore (cr);
  return w * scale;
}

void
pl_paper_draw_frame (cairo_t *cr, PlPlan *plan, const char *what, guint32 today, guint page, guint n_pages,
                     double width, double height, double margin)
{
  pl_paper_draw_frame_with_logo (cr, plan, NULL, what, today, page, n_pages, width, height, margin);
}

#define HEADER_GAP 16.0  /* between the title and the section part */

void
pl_paper_draw_frame_with_logo (cairo_t *cr, PlPlan *plan, cairo_surface_t *logo, const char *what, guint32 today,
                               guint page, guint n_pages, double width, double height, double margin)
{
  const PlChartStyle *style = pl_chart_style_light ();
  g_autoptr(PangoLayout) text = pl_chart_text_new (cr, style, 9);
  g_autoptr(PangoLayout) bold = pl_chart_text_new (cr, style, 10);
  double w = width - 2 * margin;
  g_autofree char *printed = NULL;
  g_autofree char *numbers = NULL;
  const char *organisation = pl_item_get_string (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_ORGANISATION);
  g_autofree char *day = NULL;

  {
    PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (bold));
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description (bold, font);
    pango_font_description_free (font);
  }
  day = pl_date_text (today, PL_DATE_LONG);
  /* Translators: in a printed page's header: what is printed, then the day it was printed */
  printed = g_strdup_printf (_("%s · printed %s"), what, day);
  /* The plan's title whole, the section and the day beside it in the room it leaves: on
   * one line, else on two, else both a little smaller; only when none of that fits is
   * anything cut, and then the section part keeps at most 60 % of the line. */
  {
    static const double sizes[][2] = { { 10, 9 }, { 9.5, 8.5 }, { 9, 8 } };
    const char *title = pl_plan_get_title (plan);
    double logo_w = pl_paper_draw_logo (cr, logo, margin, margin - 2, PL_PAPER_HEADER_LOGO_W, PL_PAPER_HEADER_LOGO_H);
    double room;
    gboolean drawn = FALSE;

    if (logo_w > 0)
      logo_w += 8;
    room = w - logo_w - HEADER_GAP;
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        int title_w, right_w, right_h;

        pl_chart_text_set_size (bold, sizes[i][0]);
        pl_chart_text_set_size (text, sizes[i][1]);
        pango_layout_set_width (bold, -1);
        pango_layout_set_text (bold, title, -1);
        pango_layout_get_pixel_size (bold, &title_w, NULL);
        pango_layout_set_width (text, -1);
        pango_layout_set_text (text, printed, -1);
        pango_layout_get_pixel_size (text, &right_w, NULL);
        if (title_w > room - right_w)
          {
            /* Too long for one line: the section part on two, if that is enough. */
            pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_NONE);
            pango_layout_set_wrap (text, PANGO_WRAP_WORD);
            pango_layout_set_width (text, (int) (MAX (room - title_w, 1) * PANGO_SCALE));
            pango_layout_get_pixel_size (text, &right_w, &right_h);
            if (pango_layout_get_line_count (text) > 2 || right_w > room - title_w + 0.5)
              {
                pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
                continue;
              }
          }
        pl_chart_set_color (cr, &style->text, 1);
        pl_chart_text (cr, bold, title, margin + logo_w, margin, title_w + 1, PANGO_ALIGN_LEFT);
        pl_chart_set_color (cr, &style->muted, 1);
        /* Two lines end just above the rule. */
        pl_chart_text (cr, text, printed, margin + w - right_w - 1, pango_layout_get_line_count (text) > 1 ? margin - 6 : margin + 1,
                       right_w + 1, PANGO_ALIGN_RIGHT);
        drawn = TRUE;
        break;
      }
    if (!drawn)
      {
        int right_w;

        /* Nothing fits whole: the section part keeps at most 60 % of the line. */
        pl_chart_text_set_size (bold, 10);
        pl_chart_text_set_size (text, 9);
        pango_layout_set_width (text, -1);
        pango_layout_set_text (text, printed, -1);
        pango_layout_get_pixel_size (text, &right_w, NULL);
        right_w = MIN (right_w, (int) (w * 0.6));
        pl_chart_set_color (cr, &style->text, 1);
        pl_chart_text (cr, bold, title, margin + logo_w, margin, room - right_w, PANGO_ALIGN_LEFT);
        pl_chart_set_color (cr, &style->muted, 1);
        pl_chart_text (cr, text, printed, margin + w - right_w, margin + 1, right_w, PANGO_ALIGN_RIGHT);
      }
    pl_chart_text_set_size (text, 9);
    pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  }
  pl_chart_set_color (cr, &style->muted, 0.5);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, margin, margin + PL_PAPER_HEADER_H - 12);
  cairo_line_to (cr, margin + w, margin + PL_PAPER_HEADER_H - 12);
  cairo_stroke (cr);

  /* Translators: a printed page's number, then how many there are */
  numbers = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  pl_chart_set_color (cr, &style->muted, 1);
  if (organisation != NULL)
    pl_chart_text (cr, text, organisation, margin, height - margin - 12, w * 0.6, PANGO_ALIGN_LEFT);
  pl_chart_text (cr, text, numbers, margin + w * 0.6, height - margin - 12, w * 0.4, PANGO_ALIGN_RIGHT);
}

static guint32
month_after (guint32 day, guint months)
{
  GDate date;
  g_date_set_julian (&date, day);
  g_date_add_months (&date, months);
  return g_date_get_julian (&date);
}

/* The one piece of a chart @natural_w x @natural_h scaled to fit @width x @height. */
static void
add_whole (const PlChartKind *kind, double natural_w, double natural_h, double width, double height, GArray *pieces)
{
  g_array_append_vals (pieces, &(PlChartPiece) { kind, natural_w, natural_h,
                                                 MIN (width / natural_w, height / natural_h), 0, 0, natural_w, 0, 0 }, 1);
}

gboolean
pl_chart_pieces_add (PlPlan *plan, PlTimelineLayout **timeline, const PlChartKind *kind, double width, double height,
                     gboolean split, GArray *pieces)
{
  double natural_w, natural_h;

  g_return_val_if_fail (kind != NULL, FALSE);
  if (kind->pieces != NULL)
    return kind->pieces (kind, plan, timeline, width, height, split, pieces);
  if (!pl_chart_catalog_size (plan, kind->name, &natural_w, &natural_h, NULL))
    return FALSE;
  add_whole (kind, natural_w, natural_h, width, height, pieces);
  return TRUE;
}

gboolean
pl_paper_timeline_pieces (const PlChartKind *kind, PlPlan *plan, PlTimelineLayout **timeline, double width,
                          double height, gboolean split, GArray *pieces)
{
  guint32 start = pl_plan_get_start (plan), end = pl_plan_get_end (plan);
  double scale = width / TIMELINE_WIDTH, rows_h, total;
  /* Every page has the legend under its rows: a page read alone still says what the colours mean. */
  double legend_h = pl_timeline_chart_legend_height (plan, NULL, TIMELINE_WIDTH, pl_chart_style_light ());

  if (*timeline == NULL)
    *timeline = pl_timeline_layout_new (plan, PL_LANES_CHANNEL);
  /* Whole rows a page, under the repeated axis. */
  rows_h = MAX (1, floor ((height / scale - PL_TIMELINE_AXIS_H - legend_h) / PL_TIMELINE_ROW_H)) * PL_TIMELINE_ROW_H;
  total = pl_timeline_layout_height (*timeline);
  for (guint32 from = start; from < end; from = split ? month_after (from, SPLIT_MONTHS) : end)
    for (double scroll = 0; scroll < MAX (total, 1); scroll += rows_h)
      {
        PlChartPiece piece = { kind, TIMELINE_WIDTH, PL_TIMELINE_AXIS_H + MIN (rows_h, MAX (total - scroll, PL_TIMELINE_ROW_H)) + legend_h,
                               scale, scroll, 0, 0, from, split ? MIN (month_after (from, SPLIT_MONTHS), end) : end };
        g_array_append_val (pieces, piece);
      }
  return TRUE;
}

void
pl_paper_timeline_piece_draw (const PlChartPiece *piece, PlPlan *plan, PlTimelineLayout *timeline, guint32 today,
                              const PlChartStyle *style, cairo_t *cr)
{
  PlTimelineOptions options = { piece->from, piece->to, today, piece->scroll, -1 };

  options.preview_row = options.preview_lane = -1;
  options.legend = TRUE;
  g_free (pl_timeline_chart_draw (plan, timeline, &options, cr, piece->width, piece->height, style));
}

void
pl_chart_piece_draw (const PlChartPiece *piece, PlPlan *plan, PlTimelineLayout *timeline, guint32 today,
                     const PlChartStyle *style, cairo_t *cr, double x, double y)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, piece->width * piece->scale, piece->height * piece->scale);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, piece->scale, piece->scale);
  if (piece->kind->draw_piece != NULL)
    piece->kind->draw_piece (piece, plan, timeline, today, style, cr);
  else
    {
      /* A piece of a wider chart: the whole drawn, moved so the piece's part is in view. */
      double full = MAX (piece->full, piece->width);
      cairo_translate (cr, -piece->offset, 0);
      g_free (piece->kind->draw (plan, today, cr, full, piece->height, style, NULL));
    }
  cairo_restore (cr);
}

struct _PlPaperFile
{
  char              *path;
  GFileOutputStream *stream;
  GError            *error;  /* the first write error */
};

PlPaperFile *
pl_paper_file_open (const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFileOutputStream *stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  PlPaperFile *self;

  if (stream == NULL)
    return NULL;
  self = g_new0 (PlPaperFile, 1);
  self->path = g_strdup (path);
  self->stream = stream;
  return self;
}

cairo_status_t
pl_paper_file_write (void *file, const unsigned char *data, unsigned int length)
{
  PlPaperFile *self = file;

  if (self->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  return g_output_stream_write_all (G_OUTPUT_STREAM (self->stream), data, length, NULL, NULL, &self->error)
           ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

gboolean
pl_paper_file_close (PlPaperFile *file, gboolean ok, GError **error)
{
  gboolean closed = FALSE;

  if (ok && file->error == NULL)
    closed = g_output_stream_close (G_OUTPUT_STREAM (file->stream), NULL, error);
  else
    {
      /* Closed as cancelled, the half-written copy goes and the old file stays. */
      g_autoptr(GCancellable) cancel = g_cancellable_new ();
      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (file->stream), cancel, NULL);
      if (file->error != NULL)
        g_propagate_prefixed_error (error, g_steal_pointer (&file->error), _("Could not write %s: "), file->path);
    }
  g_clear_error (&file->error);
  g_object_unref (file->stream);
  g_free (file->path);
  g_free (file);
  return closed;
}

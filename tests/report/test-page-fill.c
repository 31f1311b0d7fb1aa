/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page-fill rule and the length of both reports, in the locale the test runs in (meson
 * runs it in English and in French), on A4 and Letter: no page under a third full but a
 * section's last, and that one at least a quarter full (pl_report_get_page_fill()); the full
 * report of the example plan no longer than it needs; the board pack at most
 * PL_REPORT_BOARD_PACK_PAGES pages. The PDFs are read back with pl_test_poppler (pdfinfo for the page
 * count, pdftotext page by page for what is printed where). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "pl-chart-draw.h"
#include "pl-dashboard.h"
#include "pl-figures.h"
#include "pl-i18n.h"
#include "pl-report.h"
#include "pl-report-settings.h"
#include "pl-report-text.h"
#include "pl-test-charts.h"
#include "pl-test-pdf.h"

/* A day in the example plan's period, after months with figures. */
static guint32
example_today (PlPlan *plan)
{
  return pl_plan_month_start (plan, 5) + 19;
}

/* The number of pages poppler reads in @pdf. */
static guint
pdf_pages (const char *pdf)
{
  g_autofree char *info = pl_test_poppler ("pdfinfo", pdf, NULL);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

/* @text with its runs of white space as one space, for text pdftotext breaks over lines. */
static char *
words (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("[\\s\\x{202F}\\x{A0}]+", 0, 0, NULL);
  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

/* The text of page @page (from 0) of @pdf, its lines joined by spaces. */
static char *
pdf_page_text (const char *pdf, guint page)
{
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  g_autofree char *text = pl_test_poppler ("pdftotext", pdf, "-f", number, "-l", number, NULL);

  return words (text);
}

/* Checks the page-fill rule on every page of @report, naming @what when it fails. */
static void
assert_page_fill (PlReport *report, const char *what)
{
  guint n = pl_report_get_n_pages (report);

  for (guint p = 0; p < n; p++)
    {
      double fill = pl_report_get_page_fill (report, p);
      gboolean last = pl_report_page_ends_section (report, p);

      g_test_message ("%s: page %u (%s) %.0f %% full%s", what, p + 1,
                      pl_report_section_name (pl_report_get_page_section (report, p)), fill * 100,
                      last ? ", a section's last" : "");
      if (fill < (last ? 0.25 : 1.0 / 3))
        g_error ("%s: page %u (%s) is %.0f %% full, under the %s it must hold", what, p + 1,
                 pl_report_section_name (pl_report_get_page_section (report, p)), fill * 100,
                 last ? "quarter" : "third");
    }
}

/* The pages the KPI chain takes in @report. */
static guint
chain_pages (PlReport *report)
{
  guint n = 0;

  for (guint p = 0; p < pl_report_get_n_pages (report); p++)
    n += pl_report_get_page_section (report, p) == PL_REPORT_CHAIN;
  return n;
}

static PlReport *
report_new (PlPlan *plan, PlReportKind kind, const char *paper, const char *name, char **pdf)
{
  PlReportOptions options;
  PlReport *report;
  g_autoptr(GError) error = NULL;

  pl_report_options_init (&options, plan, example_today (plan));
  options.kind = kind;
  g_assert_true (pl_report_options_set_paper (&options, paper, NULL));
  report = pl_report_new (plan, &options);
  *pdf = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (pl_report_write_pdf (report, *pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (*pdf), ==, pl_report_get_n_pages (report));
  return report;
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static const char *papers[] = { "a4", "letter" };

static const char *
language (void)
{
  const char *lang = g_getenv ("LANGUAGE");
  return lang != NULL && g_str_has_prefix (lang, "fr") ? "fr" : "en";
}

/* A logo of @width x @height pixels as PNG bytes: a blue band with a white bar. */
static GBytes *
logo_new (int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *bytes = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.1, 0.3, 0.6);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, width * 0.1, height * 0.4, width * 0.8, height * 0.2);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, bytes), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/* What the CMO writes, on the sections the board pack prints. */
#define COMMENTARY_SUMMARY "Bookings are on plan at mid-year; CAC came down after the webinar series."
#define COMMENTARY_BUDGET "We hold spend under plan until the ABM pilot starts in July."
#define COMMENTARY_CAMPAIGNS "Two campaigns are being renegotiated with the agency."
#define NEXT_STEP "Cap the daily budget and renegotiate the agency fee by July 15."

/* The example plan with commentary, a logo and the next step of the campaigns needing attention. */
static PlPlan *
example_with_settings (void)
{
  PlPlan *plan = pl_test_charts_example ();
  g_autoptr(GBytes) logo = logo_new (240, 80);
  g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, pl_dashboard_resolve_as_of (plan, example_today (plan)));
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_report_set_commentary (plan, "summary", COMMENTARY_SUMMARY, &error));
  g_assert_true (pl_report_set_commentary (plan, "budget", COMMENTARY_BUDGET, &error));
  g_assert_true (pl_report_set_commentary (plan, "campaigns", COMMENTARY_CAMPAIGNS, &error));
  g_assert_true (pl_report_set_logo (plan, logo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dashboard->attention->len, >, 0);
  for (guint i = 0; i < dashboard->attention->len; i++)
    g_assert_true (pl_plan_set_string (plan, ((PlAttention *) dashboard->attention->pdata[i])->campaign,
                                       PL_CAMPAIGN_NEXT_STEP, NEXT_STEP, NULL));
  return plan;
}

/* Where @needle is in @text, or -1. */
static long
find (const char *text, const char *needle)
{
  const char *at = strstr (text, needle);
  return at ? at - text : -1;
}

static void
test_full_report (void)
{
  g_autoptr(PlPlan) plan = example_with_settings ();

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autofree char *name = g_strdup_printf ("full-%s-%s.pdf", language (), papers[i]);
      g_autofree char *pdf = NULL;
      g_autoptr(PlReport) report = report_new (plan, PL_REPORT_KIND_FULL, papers[i], name, &pdf);

      g_test_message ("full report, %s, %s: %u pages", language (), papers[i], pl_report_get_n_pages (report));
      assert_page_fill (report, name);
      /* It ran to 15 pages before the page-fill rule and the chain on one page (issue 22);
       * 10, and 11 once the example's campaigns have results, the ranking chart following the
       * campaigns' table (issue 25). */
      g_assert_cmpuint (chain_pages (report), ==, 1);
      g_assert_cmpuint (pl_report_get_n_pages (report), <=, 11);
      /* The funnel is the dashboard's: not drawn again. */
      {
        int funnel = pl_report_get_section_page (report, PL_REPORT_FUNNEL);
        g_autofree char *text = NULL;

        g_assert_cmpint (funnel, >, pl_report_get_section_page (report, PL_REPORT_DASHBOARD));
        text = pdf_page_text (pdf, (guint) funnel);
        g_assert_nonnull (strstr (text, _("Planned conversion")));
      }
      /* Each section's commentary under its title, before its figures. */
      {
        int summary = pl_report_get_section_page (report, PL_REPORT_SUMMARY);
        int budget = pl_report_get_section_page (report, PL_REPORT_BUDGET);
        g_autofree char *text = pdf_page_text (pdf, (guint) summary);
        g_autofree char *budget_text = pdf_page_text (pdf, (guint) budget);
        long title = find (budget_text, pl_report_section_title (PL_REPORT_BUDGET));

        g_assert_cmpint (find (text, COMMENTARY_SUMMARY), >, find (text, pl_report_section_title (PL_REPORT_SUMMARY)));
        g_assert_cmpint (find (text, COMMENTARY_SUMMARY), <, find (text, _("Figure")));
        g_assert_cmpint (find (budget_text, COMMENTARY_BUDGET), >, title);
        g_assert_cmpint (find (budget_text + title, _("Category")), >, find (budget_text + title, COMMENTARY_BUDGET));
        /* The logo on the cover. */
        {
          g_autofree char *images = pl_test_poppler ("pdfimages", pdf, "-f", "1", "-l", "1", "-list", NULL);
          g_assert_nonnull (strstr (images, "image     240    80"));
        }
      }
    }
}

/* Writes page @page of @report as a PNG beside the test's PDF ("@name-N.png"), for a person
 * to look at: screenshots of the board pack's pages come from the test run itself. */
static void
write_page_png (PlReport *report, guint page, const char *name)
{
  double width, height, scale = 1.5;
  g_autofree char *file = g_strdup_printf ("%.*s-%u.png", (int) (strlen (name) - 4), name, page + 1);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file, NULL);
  cairo_surface_t *surface;
  cairo_t *cr;

  pl_report_get_page_size (report, page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * scale), (int) (height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  pl_report_draw_page (report, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_board_pack (void)
{
  g_autoptr(PlPlan) plan = example_with_settings ();
  g_autoptr(GPtrArray) headlines = pl_report_headlines (plan, pl_dashboard_resolve_as_of (plan, example_today (plan)),
                                                        FALSE);

  g_assert_cmpuint (headlines->len, ==, PL_N_HEADLINES);
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autofree char *name = g_strdup_printf ("boardpack-%s-%s.pdf", language (), papers[i]);
      g_autofree char *pdf = NULL;
      g_autoptr(PlReport) report = report_new (plan, PL_REPORT_KIND_BOARD_PACK, papers[i], name, &pdf);
      guint n = pl_report_get_n_pages (report);
      static const PlReportSection order[] = { PL_REPORT_SUMMARY, PL_REPORT_DASHBOARD, PL_REPORT_BUDGET,
                                               PL_REPORT_CHAIN, PL_REPORT_CAMPAIGNS };
      int chain = pl_report_get_section_page (report, PL_REPORT_CHAIN);
      int campaigns = pl_report_get_section_page (report, PL_REPORT_CAMPAIGNS);
      g_autofree char *first = NULL, *budget = NULL, *last = NULL, *images = NULL;

      g_test_message ("board pack, %s, %s: %u pages, the chain on %d", language (), papers[i], n, campaigns - chain);
      assert_page_fill (report, name);
      for (guint p = 0; p < n; p++)
        write_page_png (report, p, name);
      /* In order, each section on one page, the chain too. */
      for (guint s = 0; s + 1 < G_N_ELEMENTS (order); s++)
        g_assert_cmpint (pl_report_get_section_page (report, order[s]), ==, (int) s);
      g_assert_cmpint (chain + 1, ==, campaigns);
      g_assert_cmpuint (n, ==, PL_REPORT_BOARD_PACK_PAGES);

      /* Read back: the commentary at the top of its section, under the title and before
       * the figures; the headline figures with their basis; the next step. */
      first = pdf_page_text (pdf, 0);
      g_assert_cmpint (find (first, COMMENTARY_SUMMARY), >, find (first, pl_report_section_title (PL_REPORT_SUMMARY)));
      for (guint h = 0; h < headlines->len; h++)
        {
          const PlReportHeadline *headline = headlines->pdata[h];
          g_autofree char *basis = words (headline->basis);
          g_autofree char *value = words (headline->value);

          g_assert_cmpint (find (first, value), >, find (first, COMMENTARY_SUMMARY));
          g_assert_cmpint (find (first, basis), >, 0);
        }
      budget = pdf_page_text (pdf, 2);
      g_assert_cmpint (find (budget, COMMENTARY_BUDGET), >, find (budget, pl_report_section_title (PL_REPORT_BUDGET)));
      g_assert_cmpint (find (budget, COMMENTARY_BUDGET), <, find (budget, _("Category")));
      last = pdf_page_text (pdf, n - 1);
      g_assert_cmpint (find (last, COMMENTARY_CAMPAIGNS), >, 0);
      g_assert_cmpint (find (last, NEXT_STEP), >, find (last, COMMENTARY_CAMPAIGNS));
      /* The logo: on the first page (the masthead and the running header) and on the last. */
      images = pl_test_poppler ("pdfimages", pdf, "-list", NULL);
      g_assert_cmpint (find (images, "\n   1     0 image     240    80"), >=, 0);
      {
        g_autofree char *on_last = g_strdup_printf ("\n%4u ", n);
        g_assert_cmpint (find (images, on_last), >=, 0);
      }
    }
}

/* Quarter on quarter in the summary's table always; year on year only when the plan has
 * last year's measurements, "–" on the rows that have none. */
static void
test_quarter_and_year (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  guint32 as_of = pl_dashboard_resolve_as_of (plan, example_today (plan));
  PlKpi *revenue = PL_KPI (pl_plan_lookup (plan, "kpi-revenue"));
  g_autoptr(PlReportTableText) before = pl_report_summary_table (plan, as_of, FALSE);
  g_autoptr(PlReportTableText) after = NULL;
  double q2, q1;
  g_autofree char *quarter = NULL;
  char **row = NULL;

  /* The example has no measurement before its period: no year-on-year column. */
  g_assert_cmpuint (before->table->n_columns, ==, 7);
  q2 = pl_figures_kpi_value (plan, revenue, pl_plan_month_start (plan, 3), pl_plan_month_start (plan, 6));
  q1 = pl_figures_kpi_value (plan, revenue, pl_plan_month_start (plan, 0), pl_plan_month_start (plan, 3));
  quarter = g_strdup_printf ("%+.0f", (q2 - q1) / q1 * 100);
  for (guint i = 0; i < before->rows->len; i++)
    if (strstr (((char **) before->rows->pdata[i])[0], pl_item_get_string (PL_ITEM (revenue), PL_KPI_NAME)))
      row = before->rows->pdata[i];
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (row[6], quarter));

  /* Last year's bookings, four fifths of this year's month by month: +25 % year on year. */
  for (guint m = 0; m < 6; m++)
    {
      guint32 month = pl_plan_month_start (plan, m);
      GDate date;

      g_date_set_julian (&date, month);
      g_date_subtract_years (&date, 1);
      pl_plan_set_point (plan, revenue, PL_SERIES_MEASUREMENTS, g_date_get_julian (&date),
                         pl_figures_kpi_value (plan, revenue, month, pl_plan_month_start (plan, m + 1)) * 0.8, NULL);
    }
  after = pl_report_summary_table (plan, as_of, FALSE);
  g_assert_cmpuint (after->table->n_columns, ==, 8);
  g_assert_nonnull (strstr (after->header[7], "2026"));
  for (guint i = 0; i < after->rows->len; i++)
    {
      char **cells = after->rows->pdata[i];
      if (strstr (cells[0], pl_item_get_string (PL_ITEM (revenue), PL_KPI_NAME)))
        g_assert_true (g_str_has_prefix (cells[7], "+25"));
      else if (strstr (cells[0], _("Cost per lead")))
        g_assert_cmpstr (cells[7], ==, "–");
    }
  g_assert_nonnull (strstr (after->subtitle, "2026"));
}

/* The longest commentary on every section still leaves each of the board pack's sections on
 * its page, and the full report within the page-fill rule. */
static void
test_long_commentary (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(GString) text = g_string_new (NULL);

  while (g_utf8_strlen (text->str, -1) + 60 <= PL_COMMENTARY_MAX_CHARS)
    g_string_append (text, "Pipeline is ahead of plan while paid social costs more. ");
  for (guint s = 0; s < PL_REPORT_N_SECTIONS; s++)
    {
      g_assert_true (pl_report_set_commentary (plan, pl_report_section_name (s), text->str, NULL));
      g_assert_nonnull (pl_report_get_commentary (plan, pl_report_section_name (s)));
    }
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autofree char *name = g_strdup_printf ("long-boardpack-%s-%s.pdf", language (), papers[i]);
      g_autofree char *full_name = g_strdup_printf ("long-full-%s-%s.pdf", language (), papers[i]);
      g_autofree char *pdf = NULL, *full_pdf = NULL;
      g_autoptr(PlReport) report = report_new (plan, PL_REPORT_KIND_BOARD_PACK, papers[i], name, &pdf);
      g_autoptr(PlReport) full = report_new (plan, PL_REPORT_KIND_FULL, papers[i], full_name, &full_pdf);

      g_autofree char *first = NULL;

      g_assert_cmpuint (pl_report_get_n_pages (report), ==, PL_REPORT_BOARD_PACK_PAGES);
      first = pdf_page_text (pdf, 0);
      g_assert_nonnull (strstr (first, "Pipeline is ahead of plan while paid social costs more."));
      assert_page_fill (report, name);
      assert_page_fill (full, full_name);
    }
}

/* A logo the plan accepts (a PNG's signature, header and end) but whose image data is
 * damaged prints as no logo: the report is written whole. */
static void
test_broken_logo (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(GBytes) good = logo_new (60, 20);
  gsize size = 0;
  const guint8 *png = g_bytes_get_data (good, &size);
  guint8 *data = g_memdup2 (png, size);
  g_autoptr(GBytes) broken = NULL;
  g_autoptr(PlReport) report = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *images = NULL;
  g_autoptr(GError) error = NULL;

  /* Past the signature and the header, up to the end chunk: the compressed pixels. */
  for (gsize i = 8 + 25; i + 12 < size; i++)
    data[i] ^= 0x5a;
  broken = g_bytes_new_take (data, size);
  g_assert_true (pl_report_set_logo (plan, broken, &error));
  g_assert_no_error (error);
  report = report_new (plan, PL_REPORT_KIND_BOARD_PACK, "a4", "broken-logo.pdf", &pdf);
  images = pl_test_poppler ("pdfimages", pdf, "-list", NULL);
  g_assert_null (strstr (images, " image "));
}

typedef struct {
  const char *text;
  guint       whole, cut;
} CellSeen;

/* Counts the cells drawn with @data's text, whole and cut. */
static void
cell_hook (const char *text, PlChartLabel kind, gboolean cut, gpointer data)
{
  CellSeen *seen = data;

  if (g_str_equal (text, seen->text))
    {
      if (cut)
        seen->cut++;
      else
        seen->whole++;
    }
}

/* A long "What is being done" (600 characters) is printed whole on the board pack's last
 * page, its row as tall as it needs; the rows the page cannot hold are counted in "And N
 * more", never cut. Before, it ended in "…" after three lines (which pdftotext does not
 * show: the PDF keeps the whole text behind the ellipsis, so the drawn cells are checked). */
static void
test_long_next_step (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, pl_dashboard_resolve_as_of (plan, example_today (plan)));
  g_autoptr(GString) step = g_string_new (NULL);

  for (guint n = 1; step->len < 600; n++)
    g_string_append_printf (step, "Step %u: cap the daily budget, renegotiate the agency fee and review. ", n);
  g_string_truncate (step, 600);
  g_strchomp (step->str);
  for (guint i = 0; i < dashboard->attention->len; i++)
    g_assert_true (pl_plan_set_string (plan, ((PlAttention *) dashboard->attention->pdata[i])->campaign,
                                       PL_CAMPAIGN_NEXT_STEP, step->str, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autofree char *name = g_strdup_printf ("next-step-%s-%s.pdf", language (), papers[i]);
      g_autofree char *pdf = NULL;
      g_autoptr(PlReport) report = report_new (plan, PL_REPORT_KIND_BOARD_PACK, papers[i], name, &pdf);
      guint n = pl_report_get_n_pages (report);
      g_autofree char *last = pdf_page_text (pdf, n - 1);
      CellSeen seen = { step->str, 0, 0 };
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 900);
      cairo_t *cr = cairo_create (surface);

      pl_chart_set_text_hook (cell_hook, &seen);
      pl_report_draw_page (report, cr, n - 1);
      pl_chart_set_text_hook (NULL, NULL);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      write_page_png (report, n - 1, name);
      g_test_message ("%s: %u of %u next steps whole, %u cut", name, seen.whole, dashboard->attention->len, seen.cut);
      g_assert_cmpuint (seen.cut, ==, 0);
      g_assert_cmpuint (seen.whole, >, 0);
      if (seen.whole < dashboard->attention->len)
        {
          g_autofree char *more = g_strdup_printf (" %u ", dashboard->attention->len - seen.whole);
          g_assert_nonnull (strstr (last, more));
          g_assert_nonnull (strstr (last, _("the Campaigns page")));
        }
      assert_page_fill (report, name);
    }
}

/* The summary table's headings wrap between words only, never inside one: before, the French
 * "Évolution vs mois précédent" of a plan with nothing measured printed as "précéde-nt". Each
 * word of each heading is read back whole from the PDF, in both reports, on A4 and Letter. */
static void
test_header_words (void)
{
  PlPlan *plans[] = { pl_plan_new_default ("New plan"), pl_test_charts_example () };
  static const PlReportKind kinds[] = { PL_REPORT_KIND_FULL, PL_REPORT_KIND_BOARD_PACK };

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autoptr(PlReportTableText) table = pl_report_summary_table (
        plans[i], pl_dashboard_resolve_as_of (plans[i], example_today (plans[i])), FALSE);

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
          {
            g_autofree char *name = g_strdup_printf ("headings-%u-%u-%s-%s.pdf", i, k, language (), papers[p]);
            g_autofree char *pdf = NULL;
            g_autoptr(PlReport) report = report_new (plans[i], kinds[k], papers[p], name, &pdf);
            int page = pl_report_get_section_page (report, PL_REPORT_SUMMARY);
            g_autofree char *text = pdf_page_text (pdf, (guint) page);

            write_page_png (report, (guint) page, name);
            for (guint c = 0; table->header[c] != NULL; c++)
              {
                g_autofree char *heading = words (table->header[c]);
                g_auto(GStrv) parts = g_strsplit (heading, " ", -1);

                for (guint w = 0; parts[w] != NULL; w++)
                  if (strstr (text, parts[w]) == NULL)
                    g_error ("%s: the heading “%s” is broken inside “%s”", name, heading, parts[w]);
              }
          }
      g_object_unref (plans[i]);
    }
}

/* A plan with only a budget: three categories of a line each, planned month by month, and
 * nothing else (no KPI, campaign or note). */
static PlPlan *
budget_only_plan (void)
{
  PlPlan *plan = pl_plan_new ();
  static const char *names[] = { "Paid media", "Events", "Content" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *category_id = g_strdup_printf ("cat-%u", i);
      g_autofree char *line_id = g_strdup_printf ("line-%u", i);
      PlItem *category = g_object_new (PL_TYPE_CATEGORY, NULL);
      PlItem *line = g_object_new (PL_TYPE_BUDGET_LINE, NULL);

      pl_item_set_id (category, category_id);
      pl_item_set_string (category, PL_CATEGORY_NAME, names[i]);
      pl_plan_add (plan, category);
      g_object_unref (category);
      pl_item_set_id (line, line_id);
      pl_item_set_string (line, PL_BUDGET_LINE_NAME, names[i]);
      pl_item_set_string (line, PL_BUDGET_LINE_CATEGORY, category_id);
      pl_plan_add (plan, line);
      for (guint m = 0; m < pl_plan_get_months (plan); m++)
        g_assert_true (pl_plan_set_planned (plan, PL_BUDGET_LINE (line), m, (gint64) (i + 1) * 500000, NULL));
      g_object_unref (line);
    }
  return plan;
}

/* The rule holds for plans with little or nothing in them: an empty plan (pl_plan_new()), a
 * new plan (categories and a KPI chain, nothing planned) and a plan with only a budget. Before,
 * an empty plan's board pack ended on a page of two lines and its full report on a Notes page
 * of one ("The plan has no notes.") after a timeline page 15 % full. */
static void
test_empty_plans (void)
{
  PlPlan *plans[] = { pl_plan_new (), pl_plan_new_default ("New plan"), budget_only_plan () };
  static const char *plan_names[] = { "empty", "new", "budget-only" };
  static const PlReportKind kinds[] = { PL_REPORT_KIND_FULL, PL_REPORT_KIND_BOARD_PACK };
  static const char *kind_names[] = { "full", "boardpack" };

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
          {
            g_autofree char *name = g_strdup_printf ("%s-%s-%s-%s.pdf", plan_names[i], kind_names[k], language (),
                                                     papers[p]);
            g_autofree char *pdf = NULL;
            g_autoptr(PlReport) report = report_new (plans[i], kinds[k], papers[p], name, &pdf);

            for (guint page = 0; page < pl_report_get_n_pages (report); page++)
              write_page_png (report, page, name);
            assert_page_fill (report, name);
            if (kinds[k] == PL_REPORT_KIND_BOARD_PACK)
              g_assert_cmpuint (pl_report_get_n_pages (report), <=, PL_REPORT_BOARD_PACK_PAGES);
          }
      g_object_unref (plans[i]);
    }
}

int
main (int argc, char **argv)
{
  pl_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/page-fill/full-report", test_full_report);
  g_test_add_func ("/page-fill/board-pack", test_board_pack);
  g_test_add_func ("/page-fill/quarter-and-year", test_quarter_and_year);
  g_test_add_func ("/page-fill/broken-logo", test_broken_logo);
  g_test_add_func ("/page-fill/long-commentary", test_long_commentary);
  g_test_add_func ("/page-fill/empty-plans", test_empty_plans);
  g_test_add_func ("/page-fill/long-next-step", test_long_next_step);
  g_test_add_func ("/page-fill/header-words", test_header_words);
  return g_test_run ();
}

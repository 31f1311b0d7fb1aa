/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The leadership report, written as a PDF and read back with poppler's tools (pdftotext,
 * pdfinfo, pdffonts): the chosen sections in order, the figures the model computes, the
 * fonts embedded, the metadata and bookmarks, share-safe output free of any amount, the
 * paper, and a plan of hundreds of campaigns kept to a sensible length. Leaves report.pdf
 * and share-safe.pdf beside the test to look at (pdftoppm turns them into pictures). */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "pl-dashboard.h"
#include "pl-error.h"
#include "pl-chart-draw.h"
#include "pl-figures.h"
#include "pl-paper.h"
#include "pl-report.h"
#include "pl-report-text.h"
#include "pl-scenario.h"
#include "pl-test-charts.h"
#include "pl-test-pdf.h"
#include "pl-budget-totals.h"
#include "pl-unbudgeted.h"

/* A day in the example plan's period, after months with figures. */
static guint32
example_today (PlPlan *plan)
{
  return pl_plan_month_start (plan, 5) + 19;
}

static char *
write_report (PlPlan *plan, const PlReportOptions *options, const char *name)
{
  g_autoptr(PlReport) report = pl_report_new (plan, options);
  g_autoptr(GError) error = NULL;
  char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  g_assert_cmpuint (pl_report_get_n_pages (report), >, 0);
  g_assert_true (pl_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  return path;
}

/* @text without any kind of space, so that "1 844 500" (grouped with narrow no-break
 * spaces) compares with "1844500". */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0x202F && g_utf8_get_char (p) != 0xA0)
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static char *
amount (PlPlan *plan, gint64 minor)
{
  guint exponent = pl_plan_get_currency_exponent (plan);
  gint64 unit = 1;
  for (guint i = 0; i < exponent; i++)
    unit *= 10;
  return g_strdup_printf ("%" G_GINT64_FORMAT "%s", (minor + unit / 2) / unit, pl_plan_get_currency (plan));
}

static void
test_sections_in_order (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  PlReportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *raw = NULL;
  gsize length;
  const char *notes, *summary, *budget;

  pl_report_options_init (&options, plan, example_today (plan));
  g_assert_true (pl_report_options_parse_sections (&options, "notes, summary,budget", &error));
  g_assert_no_error (error);
  path = write_report (plan, &options, "sections.pdf");
  text = pl_test_poppler ("pdftotext", path, NULL);
  notes = strstr (text, "Notes");
  summary = strstr (text, "Executive summary");
  budget = strstr (text, "Budget against actual");
  g_assert_nonnull (notes);
  g_assert_nonnull (summary);
  g_assert_nonnull (budget);
  g_assert_true (notes < summary && summary < budget);
  g_assert_null (strstr (text, "Campaign timeline"));
  g_assert_null (strstr (text, "Marketing report to leadership"));
  /* One bookmark a section, in order. */
  g_assert_true (g_file_get_contents (path, &raw, &length, NULL));
  {
    /* memmem: a PDF holds NUL bytes. */
    const char *first = memmem (raw, length, "<< /Title (Notes)", 17);
    const char *second = memmem (raw, length, "<< /Title (Executive summary)", 29);
    const char *third = memmem (raw, length, "<< /Title (Budget against actual)", 33);
    g_assert_true (first != NULL && second != NULL && third != NULL);
    g_assert_true (first < second && second < third);
  }
}

static void
test_figures (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  guint32 today = example_today (plan);
  g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, pl_dashboard_as_of (plan, today));
  PlReportOptions options;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *spent = NULL;
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);

  pl_report_options_init (&options, plan, today);
  path = write_report (plan, &options, "report.pdf");
  text = pl_test_poppler ("pdftotext", path, NULL);
  flat = squeeze (text);
  /* The whole period's budget, and the spend to date, as the model sums them. */
  planned = amount (plan, pl_figures_planned (plan, -1));
  spent = amount (plan, pl_figures_actual_between (plan, pl_plan_get_start (plan), dashboard->until, FALSE));
  g_assert_nonnull (strstr (flat, planned));
  g_assert_nonnull (strstr (flat, spent));
  /* LTV:CAC as the model computes it. */
  {
    g_autofree char *ratio = g_strdup_printf ("%.1f×", pl_figures_ltv_cac (plan, pl_plan_get_start (plan), dashboard->until));
    g_assert_nonnull (strstr (flat, ratio));
  }
  /* Every campaign of the example is in the table (13, fewer than the report's limit). */
  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      g_autofree char *name = squeeze (pl_item_get_string (campaign, PL_CAMPAIGN_NAME));
      g_assert_nonnull (strstr (flat, name));
    }
  /* Every section in the default order, each after the one before (past the contents);
   * the example has no scenarios, so no section for them, and no plan is compared with, so
   * no "Changes since". */
  {
    const char *at = strstr (text, "Contents");
    g_assert_nonnull (at);
    at = strstr (at, "\f");
    for (guint i = 1; i < PL_REPORT_N_SECTIONS; i++)
      {
        const char *found;

        if (i == PL_REPORT_SCENARIOS || i == PL_REPORT_CHANGES)
          continue;
        found = strstr (at, pl_report_section_title (i));
        g_assert_nonnull (found);
        at = found;
      }
  }
}

/* A headline of the board pack reads as its row of the summary's table: the same value, the
 * same target and the same status. LTV:CAC is against the target the plan sets on its KPI
 * (3.45× in the example) in both, the health line said as context: before, the headline
 * read its KPI (3.39×, close) and the row the health line (3.4× against 3.0×, on target). */
static void
test_headlines_read_their_rows (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  guint32 today = pl_dashboard_as_of (plan, example_today (plan));
  g_autoptr(GPtrArray) headlines = pl_report_headlines (plan, today, FALSE);
  g_autoptr(PlReportTableText) table = pl_report_summary_table (plan, today, FALSE);
  PlBasis to_date = pl_basis_to_date (plan, pl_plan_month_start (plan, 6) - 1);
  gboolean from_plan = FALSE;
  guint matched = 0;

  g_assert_cmpfloat_with_epsilon (pl_figures_ltv_cac_target (plan, &to_date, &from_plan), 3.45, 0.005);
  g_assert_true (from_plan);
  for (guint h = 0; h < headlines->len; h++)
    {
      const PlReportHeadline *headline = headlines->pdata[h];

      for (guint r = 0; r < table->rows->len; r++)
        {
          char **cells = table->rows->pdata[r];
          g_autofree char *value = g_markup_escape_text (headline->value, -1);

          if (!g_str_equal (cells[0], headline->label))
            continue;
          g_test_message ("%s: headline %s (%s), row %s against %s, %s", headline->label, headline->value,
                          headline->basis, cells[1], cells[2], cells[4]);
          g_assert_cmpstr (value, ==, cells[1]);
          g_assert_nonnull (strstr (headline->basis, cells[2]));
          g_assert_nonnull (strstr (cells[4], pl_kpi_status_describe (headline->status)));
          matched++;
        }
    }
  /* New bookings, CAC and LTV:CAC: all three are rows of the table. */
  g_assert_cmpuint (matched, ==, 3);
  {
    const PlReportHeadline *ratio = headlines->pdata[2];
    g_assert_cmpstr (ratio->label, ==, "LTV:CAC");
    g_assert_cmpint (ratio->status, ==, PL_KPI_STATUS_CLOSE);
    g_assert_nonnull (strstr (ratio->basis, "3.45×"));
    g_assert_nonnull (strstr (ratio->basis, "healthy from 3×"));
  }
}

typedef struct {
  const char *title, *what;
  gboolean    title_whole, what_whole;
} HeaderSeen;

static void
header_hook (const char *text, PlChartLabel kind, gboolean cut, gpointer data)
{
  HeaderSeen *seen = data;

  if (g_str_equal (text, seen->title))
    seen->title_whole = !cut;
  else if (strstr (text, seen->what) != NULL)
    seen->what_whole = !cut;
}

/* The running header keeps the plan's title whole when both it and the section fit, the
 * section part on two lines or both a little smaller: before, the section took up to 60 %
 * of the line and the title was cut ("Northwind Analytics – Marketing plan 2…") beside a
 * logo and a long French section name, on A4 and on Letter. */
static void
test_running_header (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  static const char *whats[] = { "Frise chronologique des campagnes, janvier à décembre 2027",
                                 "Tableau de bord de direction", "Chaîne d’indicateurs" };
  static const double widths[] = { 595.3, 612 };
  /* None, a 3:1 logo, a 20:1 banner and a 1x1 image. */
  cairo_surface_t *logos[] = { NULL, cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 240, 80),
                               cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 20),
                               cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1) };
  double lw, lh;

  /* The 1x1 image stays a dot, here and in the board pack's masthead (it was a 46-point
   * square); the banner takes the width it is allowed rather than being squeezed to the
   * height of a square logo (a 6-point strip in the masthead). */
  pl_paper_logo_size (logos[3], PL_PAPER_HEADER_LOGO_W, PL_PAPER_HEADER_LOGO_H, &lw, &lh);
  g_assert_cmpfloat (lw, <=, PL_PAPER_LOGO_MAX_ENLARGE);
  pl_paper_logo_size (logos[3], 200, 46, &lw, &lh);
  g_assert_cmpfloat (lh, <=, PL_PAPER_LOGO_MAX_ENLARGE);
  pl_paper_logo_size (logos[2], PL_PAPER_HEADER_LOGO_W, PL_PAPER_HEADER_LOGO_H, &lw, &lh);
  g_assert_cmpfloat (lh, >=, 4.5);
  pl_paper_logo_size (logos[2], 511 * 0.4, 46, &lw, &lh);
  g_assert_cmpfloat (lh, >=, 10);

  for (guint p = 0; p < G_N_ELEMENTS (widths); p++)
    for (guint i = 0; i < G_N_ELEMENTS (whats); i++)
      for (guint with_logo = 0; with_logo < G_N_ELEMENTS (logos); with_logo++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) widths[p], 100);
          cairo_t *cr = cairo_create (surface);
          HeaderSeen seen = { pl_plan_get_title (plan), whats[i], FALSE, FALSE };

          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);

          pl_chart_set_text_hook (header_hook, &seen);
          pl_paper_draw_frame_with_logo (cr, plan, logos[with_logo], whats[i], example_today (plan), 0, 5,
                                         widths[p], 842, 42);
          pl_chart_set_text_hook (NULL, NULL);
          g_test_message ("%.0f pt, %s, logo %u: title %s, section %s", widths[p], whats[i], with_logo,
                          seen.title_whole ? "whole" : "cut", seen.what_whole ? "whole" : "cut");
          g_assert_true (seen.title_whole);
          g_assert_true (seen.what_whole);
          if (p == 0 && i == 0 && with_logo)
            {
              g_autofree char *file = g_strdup_printf ("running-header-%u.png", with_logo);
              g_autofree char *png = g_test_build_filename (G_TEST_BUILT, file, NULL);
              g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
            }
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
  for (guint l = 1; l < G_N_ELEMENTS (logos); l++)
    cairo_surface_destroy (logos[l]);
}

static void
test_pdf_quality (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  PlReportOptions options;
  g_autoptr(PlReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *page2 = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;
  guint bookmarks = 0, n_fonts = 0;

  pl_report_options_init (&options, plan, example_today (plan));
  report = pl_report_new (plan, &options);
  path = write_report (plan, &options, "quality.pdf");
  info = pl_test_poppler ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "Title:           Northwind Analytics – Marketing plan 2027: marketing report\n"));
  g_assert_nonnull (strstr (info, "Author:          Claire Martin\n"));
  g_assert_nonnull (strstr (info, "Subject:         Marketing plan, budget and results for leadership."));
  g_assert_nonnull (strstr (info, "CreationDate:"));
  pages = g_strdup_printf ("Pages:           %u\n", pl_report_get_n_pages (report));
  g_assert_nonnull (strstr (info, pages));
  g_assert_nonnull (strstr (info, "Page size:       595.28 x 841.89 pts (A4)"));

  /* Every font embedded (the "emb" column), and there are some: the text is real text. */
  fonts = pl_test_poppler ("pdffonts", path, NULL);
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      /* After the name: type, encoding, then "emb", "sub", "uni": embedded is "yes". */
      g_assert_true (strlen (lines[i]) > 37 && strstr (lines[i] + 37, " yes ") != NULL);
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, 2);

  /* A bookmark for each section. */
  g_assert_true (g_file_get_contents (path, &raw, &length, NULL));
  for (const char *p = raw; (p = memmem (p, length - (gsize) (p - raw), "<< /Title (", 11)) != NULL; p++)
    bookmarks++;
  /* No scenarios and no plan compared with: no section for them. */
  g_assert_cmpuint (bookmarks, ==, PL_REPORT_N_SECTIONS - 2);

  /* Header and footer: page 2 carries its number, the total and the organisation. */
  page2 = pl_test_poppler ("pdftotext", path, "-f", "2", "-l", "2", NULL);
  footer = g_strdup_printf ("Page 2 of %u", pl_report_get_n_pages (report));
  g_assert_nonnull (strstr (page2, footer));
  g_assert_nonnull (strstr (page2, "Northwind Analytics SAS"));
  g_assert_nonnull (strstr (page2, "Executive summary · printed"));
}

/* TRUE when a KPI in money shows an amount under its name in @text ("495k / 520k", or
 * "495k" alone in a compact box): the KPI chain draws a node's name, on one line or more,
 * then its value. */
static gboolean
shows_money_kpi (PlPlan *plan, const char *text)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);

  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      g_auto(GStrv) words = NULL;
      g_autoptr(GString) pattern = g_string_new ("(^|\\n)");
      g_autoptr(GRegex) amount = NULL;

      if (pl_item_get_int (kpi, PL_KPI_UNIT) != PL_UNIT_CURRENCY)
        continue;
      words = g_strsplit (pl_item_get_string (kpi, PL_KPI_NAME), " ", -1);
      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *escaped = g_regex_escape_string (words[w], -1);
          g_string_append_printf (pattern, "%s%s", w > 0 ? "\\s+" : "", escaped);
        }
      /* The amount with its currency before or after it ("€135k", "135 k €", "135k EUR"). */
      g_string_append (pattern, "\\n\\s*(\\p{Sc}[\\s\\x{00A0}]*)?[0-9][0-9.,\\x{202F}]*[\\s\\x{00A0}\\x{202F}]*[kM]?"
                                "([\\s\\x{00A0}\\x{202F}]*(\\p{Sc}|[A-Z]{3}))?( / |\\n)");
      amount = g_regex_new (pattern->str, G_REGEX_MULTILINE, 0, NULL);
      if (g_regex_match (amount, text, 0, NULL))
        {
          g_test_message ("“%s” shows an amount", pl_item_get_string (kpi, PL_KPI_NAME));
          return TRUE;
        }
    }
  return FALSE;
}

/* Share-safe: no currency code or sign, no KPI in money shown as an amount, no budget figure. */
static void
test_share_safe (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  PlReportOptions options;
  g_autofree char *path = NULL;
  g_autofree char *normal_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *planned = NULL;
  g_autoptr(GRegex) money = g_regex_new ("(EUR|€|\\$|£)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(PlDrivers) cheaper = pl_drivers_new_from_plan (plan, PL_DRIVERS_DEFAULT_WINDOW, example_today (plan));

  /* A scenario that assumes a cost per lead: its section, table, chart and assumptions too. */
  g_assert_true (pl_drivers_set (cheaper, PL_DRIVER_CPL, 150, NULL));
  g_assert_nonnull (pl_scenario_add (plan, "Cheaper leads", cheaper, NULL));
  pl_report_options_init (&options, plan, example_today (plan));
  normal_path = write_report (plan, &options, "normal.pdf");
  normal = pl_test_poppler ("pdftotext", normal_path, NULL);
  /* The test can fail: the ordinary report does show amounts. */
  g_assert_true (g_regex_match (money, normal, 0, NULL));

  /* Every section, charts included. */
  options.share_safe = TRUE;
  path = write_report (plan, &options, "share-safe.pdf");
  text = pl_test_poppler ("pdftotext", path, NULL);
  g_assert_nonnull (strstr (text, "Share-safe edition."));
  g_assert_nonnull (strstr (text, "Cheaper leads assumes Cost per lead; its other drivers are Base’s."));
  if (g_regex_match (money, text, 0, &match))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);
      g_test_message ("an amount in the share-safe report: “%s”", found);
      g_test_fail ();
    }
  g_assert_true (shows_money_kpi (plan, normal));
  g_assert_false (shows_money_kpi (plan, text));
  /* The notes' own "€530k" is withheld. */
  g_assert_nonnull (strstr (text, "[amount withheld]"));
  flat = squeeze (text);
  planned = g_strdup_printf ("%" G_GINT64_FORMAT, pl_figures_planned (plan, -1) / 100);
  g_assert_null (strstr (flat, planned));
}

static void
test_withhold (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  static const struct { const char *in, *out; } cases[] = {
    { "grow MRR to €530k by December", "grow MRR to [amount withheld] by December" },
    { "a budget of 12 000 EUR, then 1,5M EUR", "a budget of [amount withheld], then [amount withheld]" },
    { "EUR 40k for events and $2.5 bn", "[amount withheld] for events and [amount withheld]" },
    { "3x LTV:CAC, 40 % of leads, 2027", "3x LTV:CAC, 40 % of leads, 2027" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = pl_report_text_withhold_amounts (plan, cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_paper (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  PlReportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  int dashboard;
  double w, h;

  pl_report_options_init (&options, plan, example_today (plan));
  g_assert_false (pl_report_options_set_paper (&options, "a3", &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_true (pl_report_options_set_paper (&options, "Letter", NULL));
  report = pl_report_new (plan, &options);
  path = write_report (plan, &options, "letter.pdf");
  info = pl_test_poppler ("pdfinfo", path, "-f", "1", "-l", "99", NULL);
  g_assert_nonnull (strstr (info, "Page    1 size:  612 x 792 pts (letter)"));
  /* The dashboard is wide: its page is turned. */
  dashboard = pl_report_get_section_page (report, PL_REPORT_DASHBOARD);
  g_assert_cmpint (dashboard, >, 0);
  pl_report_get_page_size (report, (guint) dashboard, &w, &h);
  g_assert_cmpfloat (w, ==, 792);
  g_assert_cmpfloat (h, ==, 612);
  {
    g_autofree char *line = g_strdup_printf ("Page %4d size:  792 x 612 pts", dashboard + 1);
    g_assert_nonnull (strstr (info, line));
  }
}

static void
test_options (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (plan));
  PlReportOptions options;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  /* Every section by default; the plan's choice when it has one, unknown names skipped. */
  pl_report_options_init (&options, plan, 1);
  g_assert_cmpuint (options.n_sections, ==, PL_REPORT_N_SECTIONS);
  pl_item_set_strv (meta, PL_METADATA_REPORT_SECTIONS, (const char *[]) { "notes", "from-the-future", "cover", "notes", NULL });
  pl_report_options_init (&options, plan, 1);
  g_assert_cmpuint (options.n_sections, ==, 2);
  g_assert_cmpint (options.sections[0], ==, PL_REPORT_NOTES);
  g_assert_cmpint (options.sections[1], ==, PL_REPORT_COVER);
  names = pl_report_options_dup_section_names (&options);
  g_assert_cmpstrv (names, ((const char *[]) { "notes", "cover", NULL }));

  g_assert_false (pl_report_options_parse_sections (&options, "cover,pie", &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "“pie”"));
  g_clear_error (&error);
  g_assert_false (pl_report_options_parse_sections (&options, "cover,summary,cover", &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (pl_report_options_parse_sections (&options, " , ", &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  /* A refused list leaves the sections as they were. */
  g_assert_cmpuint (options.n_sections, ==, 2);
}

/* Hundreds of campaigns: the largest by spend, the rest summed in one row; a few pages. */
static void
test_many_campaigns (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  guint before = pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS);
  PlReportOptions options;
  g_autoptr(PlReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *others = NULL;

  for (guint i = 0; i < 600; i++)
    {
      g_autoptr(PlItem) campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
      g_autofree char *name = g_strdup_printf ("Local event %u", i);
      pl_item_set_string (campaign, PL_CAMPAIGN_NAME, name);
      pl_item_set_string (campaign, PL_CAMPAIGN_CHANNEL, "Events");
      pl_item_set_julian (campaign, PL_CAMPAIGN_START, pl_plan_month_start (plan, i % 12));
      pl_item_set_julian (campaign, PL_CAMPAIGN_END, pl_plan_month_start (plan, i % 12) + 10);
      pl_plan_add (plan, campaign);
    }
  pl_report_options_init (&options, plan, example_today (plan));
  g_assert_true (pl_report_options_parse_sections (&options, "campaigns,timeline", NULL));
  report = pl_report_new (plan, &options);
  g_assert_cmpuint (pl_report_get_n_pages (report), <=, 8);
  path = write_report (plan, &options, "many.pdf");
  text = pl_test_poppler ("pdftotext", path, NULL);
  others = g_strdup_printf ("%u other campaigns", before + 600 - PL_REPORT_TOP_CAMPAIGNS);
  g_assert_nonnull (strstr (text, others));
  /* The example's campaigns have spend and come first; the new ones do not all fit. */
  g_assert_nonnull (strstr (text, "Always-on search"));
  g_assert_null (strstr (text, "Local event 599"));
}

/* The scenarios section: none without scenarios; with one, its table (Base and the scenario
 * over the period) and the comparison chart, between the budget and the timeline. */
static void
test_scenarios (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  guint32 today = example_today (plan);
  g_autoptr(PlDrivers) stretch = pl_drivers_new_from_plan (plan, PL_DRIVERS_DEFAULT_WINDOW, today);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  PlReportOptions options;
  const char *section, *budget, *timeline;

  pl_report_options_init (&options, plan, today);
  report = pl_report_new (plan, &options);
  g_assert_cmpint (pl_report_get_section_page (report, PL_REPORT_SCENARIOS), ==, -1);
  g_clear_pointer (&report, pl_report_free);

  g_assert_true (pl_drivers_set (stretch, PL_DRIVER_MQL_TO_SQL, 0.5, &error));
  g_assert_nonnull (pl_scenario_add (plan, "Stretch", stretch, &error));
  g_assert_no_error (error);
  report = pl_report_new (plan, &options);
  g_assert_cmpint (pl_report_get_section_page (report, PL_REPORT_SCENARIOS), >, 0);
  path = write_report (plan, &options, "scenarios.pdf");
  text = pl_test_poppler ("pdftotext", path, NULL);
  /* Past the contents: the section's title, its table's rows, the chart's legend. */
  budget = strstr (strstr (text, "\f"), "Budget against actual");
  section = strstr (budget, "Projected over the period from each scenario’s drivers.");
  timeline = strstr (budget, "Campaign timeline");
  g_assert_nonnull (section);
  g_assert_true (section < timeline);
  g_assert_nonnull (strstr (section, "Base"));
  g_assert_nonnull (strstr (section, "Stretch"));
  g_assert_nonnull (strstr (section, "Scenarios side by side"));
  g_assert_nonnull (strstr (section, "Stretch assumes MQL to SQL conversion 50%; its other drivers are Base’s."));
}

static void
test_write_error (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  PlReportOptions options;
  g_autoptr(PlReport) report = NULL;
  g_autoptr(GError) error = NULL;

  pl_report_options_init (&options, plan, example_today (plan));
  report = pl_report_new (plan, &options);
  g_assert_false (pl_report_write_pdf (report, "/nonexistent-folder/report.pdf", &error));
  g_assert_nonnull (error);
}

static PlItem *
add_spend (PlPlan *plan, const char *line, guint month, gint64 amount, PlSpendStatus status, const char *vendor)
{
  g_autoptr(PlItem) entry = g_object_new (PL_TYPE_SPEND, NULL);

  if (line != NULL)
    pl_item_set_string (entry, PL_SPEND_LINE, line);
  pl_item_set_julian (entry, PL_SPEND_DATE, pl_plan_month_start (plan, month) + 2);
  pl_item_set_int (entry, PL_SPEND_AMOUNT, amount);
  pl_item_set_int (entry, PL_SPEND_STATUS, status);
  pl_item_set_string (entry, PL_SPEND_VENDOR, vendor);
  pl_plan_add (plan, entry);
  return entry;
}

/* Unbudgeted and committed spend in the budget section (issue 23): the flag in the Budget
 * page's words with its entries, the first eight and how many more; a row for the spend on
 * no line, so that the categories add up to the total; committed spend is not spent. */
static void
test_unbudgeted (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  guint32 today = example_today (plan);
  g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, pl_dashboard_as_of (plan, today));
  g_autoptr(PlUnbudgeted) u = NULL;
  PlReportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL, *text = NULL, *flat = NULL, *spent = NULL, *sentence = NULL, *flat_sentence = NULL;
  gint64 spent_before = pl_figures_actual_between (plan, pl_plan_get_start (plan), dashboard->until, FALSE);

  /* Eleven stands at trade shows on no line (1,000 each), and an order for LinkedIn, not spent. */
  for (guint i = 0; i < 11; i++)
    {
      g_autofree char *vendor = g_strdup_printf ("Trade show %u", i + 1);
      add_spend (plan, NULL, i % 5, 100000, PL_SPEND_ACTUAL, vendor);
    }
  add_spend (plan, "line-linkedin", 3, 5000000, PL_SPEND_COMMITTED, "LinkedIn Ireland");
  u = pl_unbudgeted_new (plan, NULL);
  g_assert_cmpuint (u->entries->len, >=, 11);

  pl_report_options_init (&options, plan, today);
  g_assert_true (pl_report_options_parse_sections (&options, "budget", &error));
  g_assert_no_error (error);
  path = write_report (plan, &options, "unbudgeted.pdf");
  text = pl_test_poppler ("pdftotext", path, NULL);
  flat = squeeze (text);
  /* The spend to date: the stands in it (the months passed), the order not. */
  spent = amount (plan, pl_figures_actual_between (plan, pl_plan_get_start (plan), dashboard->until, FALSE));
  g_assert_cmpint (pl_figures_actual_between (plan, pl_plan_get_start (plan), dashboard->until, FALSE), ==,
                   spent_before + 11 * 100000);
  g_assert_nonnull (strstr (flat, spent));
  g_assert_nonnull (strstr (text, "Unbudgeted (no line)"));
  /* The order, as committed, and what remains with it: the budget totals' figures. */
  {
    g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
    g_autofree char *committed = amount (plan, pl_budget_totals_committed (totals, NULL, -1));
    g_autofree char *remaining = amount (plan, pl_budget_totals_remaining (totals, NULL, -1));
    g_assert_cmpint (pl_budget_totals_committed (totals, NULL, -1), ==, 5000000);
    g_assert_nonnull (strstr (flat, committed));
    g_assert_nonnull (strstr (flat, remaining));
  }
  /* The flag, as the Budget page says it, and its entries: eight, then how many more. */
  sentence = pl_unbudgeted_describe (plan, u);
  flat_sentence = squeeze (sentence);
  g_assert_nonnull (strstr (flat, flat_sentence));
  g_assert_nonnull (strstr (text, "Trade show 1 "));
  g_assert_nonnull (strstr (text, "Trade show 8 "));
  g_assert_null (strstr (text, "Trade show 9 "));
  {
    g_autofree char *more = g_strdup_printf ("and %u more entries", u->entries->len - 8);
    g_assert_nonnull (strstr (text, more));
  }

  /* Share-safe: the flag and its entries, no amount. */
  options.share_safe = TRUE;
  {
    g_autofree char *safe_path = write_report (plan, &options, "unbudgeted-share-safe.pdf");
    g_autofree char *safe = pl_test_poppler ("pdftotext", safe_path, NULL);
    g_assert_nonnull (strstr (safe, "Unbudgeted spend."));
    g_assert_null (strstr (safe, pl_plan_get_currency (plan)));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/options", test_options);
  g_test_add_func ("/report/sections-in-order", test_sections_in_order);
  g_test_add_func ("/report/figures", test_figures);
  g_test_add_func ("/report/headlines-read-their-rows", test_headlines_read_their_rows);
  g_test_add_func ("/report/running-header", test_running_header);
  g_test_add_func ("/report/pdf-quality", test_pdf_quality);
  g_test_add_func ("/report/share-safe", test_share_safe);
  g_test_add_func ("/report/withhold", test_withhold);
  g_test_add_func ("/report/paper", test_paper);
  g_test_add_func ("/report/many-campaigns", test_many_campaigns);
  g_test_add_func ("/report/write-error", test_write_error);
  g_test_add_func ("/report/scenarios", test_scenarios);
  g_test_add_func ("/report/unbudgeted", test_unbudgeted);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the CMO adds to the reports, in the plan file (format 1.3): the commentary per
 * section, the headline figures, the logo in base64 and a campaign's next step come back as
 * they went; the same plan writes the same bytes whatever order it was edited in; a logo that
 * is not a PNG image, or too big, refuses the file as any value that does not fit. */
#include "config.h"

#include <string.h>

#include "pl-error.h"
#include "pl-plan-file.h"
#include "pl-plan-reader.h"
#include "pl-plan-writer.h"
#include "pl-report-settings.h"
#include "pl-test-logo.h"

static PlPlan *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static PlPlan *
read_back (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_read_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     "again.pilote", PL_READ_SCHEMA, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* Fills @plan's settings, the commentary in the order given. */
static void
fill (PlPlan *plan, gboolean reversed)
{
  static const char *sections[][2] = {
    { "summary", "Pipeline ahead of plan; MRR 0.3 % short.\nEvents moved to Q3 & <webinars> doubled." },
    { "budget", "Events underspent by 20 k€ — “on purpose”." },
    { "campaigns", "Partner programme restarts in September." },
  };
  const char *headlines[] = { "kpi-mrr", "kpi-cac", NULL };
  g_autoptr(GBytes) logo = pl_test_logo_new ();
  PlItem *campaign = pl_plan_lookup (plan, "cmp-partners");
  guint n = G_N_ELEMENTS (sections);

  g_assert_nonnull (campaign);
  for (guint i = 0; i < n; i++)
    {
      guint s = reversed ? n - 1 - i : i;
      g_assert_true (pl_report_set_commentary (plan, sections[s][0], sections[s][1], NULL));
    }
  g_assert_true (pl_report_set_headlines (plan, headlines, NULL));
  g_assert_true (pl_report_set_logo (plan, logo, NULL));
  g_assert_true (pl_plan_set_string (plan, campaign, PL_CAMPAIGN_NEXT_STEP,
                                     "New partner manager starts on 1 September.", NULL));
}

/* Takes out of @plan the campaigns' codes and results (format 1.5). */
static void
without_1_5 (PlPlan *plan)
{
  for (guint i = 0; i < pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS); i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS), i);
      pl_item_set_string (campaign, PL_CAMPAIGN_CODE, NULL);
    }
  for (guint i = 0; i < pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGN_KPIS); i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS), i);
      PlSeries *results = pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (link));

      while (pl_series_get_n (results) > 0)
        pl_series_remove (results, pl_series_get (results, 0)->julian);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(PlPlan) plan = load_example ();
  g_autoptr(GBytes) first = NULL, second = NULL, logo = NULL, expected_logo = pl_test_logo_new ();
  g_autoptr(PlPlan) again = NULL;
  g_auto(GStrv) headlines = NULL;
  const char *text;
  const char *expected_headlines[] = { "kpi-mrr", "kpi-cac", "kpi-revenue", NULL };

  /* Without what 1.5 added to the example (campaign codes and results), what 1.3 adds makes the
   * file 1.3. */
  without_1_5 (plan);
  fill (plan, FALSE);
  first = pl_plan_write_bytes (plan);
  text = g_bytes_get_data (first, NULL);
  g_assert_nonnull (g_strstr_len (text, -1, "version=\"1.3\""));
  /* In the metadata after the report's sections, sorted by section; the logo last. */
  if (g_strstr_len (text, -1,
                    "    <commentary section=\"budget\">Events underspent by 20 k€ — “on purpose”.</commentary>\n"
                    "    <commentary section=\"campaigns\">Partner programme restarts in September.</commentary>\n"
                    "    <commentary section=\"summary\">Pipeline ahead of plan; MRR 0.3 % short.\n"
                    "Events moved to Q3 &amp; &lt;webinars&gt; doubled.</commentary>\n"
                    "    <headline>kpi-mrr</headline>\n"
                    "    <headline>kpi-cac</headline>\n"
                    "    <logo>\n"
                    "      iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLv\n"
                    "      AAAAAElFTkSuQmCC\n"
                    "    </logo>\n"
                    "  </metadata>\n") == NULL)
    g_error ("the settings are not written as expected:\n%.3000s", text);
  g_assert_nonnull (g_strstr_len (text, -1, "<next-step>New partner manager starts on 1 September.</next-step>"));

  again = read_back (first);
  g_assert_cmpstr (pl_report_get_commentary (again, "summary"), ==,
                   "Pipeline ahead of plan; MRR 0.3 % short.\nEvents moved to Q3 & <webinars> doubled.");
  g_assert_cmpstr (pl_report_get_commentary (again, "budget"), ==, "Events underspent by 20 k€ — “on purpose”.");
  g_assert_null (pl_report_get_commentary (again, "chain"));
  headlines = pl_report_dup_headlines (again);
  g_assert_cmpstrv (headlines, expected_headlines);
  logo = pl_report_dup_logo (again);
  g_assert_true (g_bytes_equal (logo, expected_logo));
  g_assert_cmpstr (pl_item_get_string (pl_plan_lookup (again, "cmp-partners"), PL_CAMPAIGN_NEXT_STEP), ==,
                   "New partner manager starts on 1 September.");
  /* Byte-stable: written again, the same bytes. */
  second = pl_plan_write_bytes (again);
  g_assert_true (g_bytes_equal (first, second));
}

/* The same settings typed in another order write the same file. */
static void
test_stable (void)
{
  g_autoptr(PlPlan) a = load_example ();
  g_autoptr(PlPlan) b = load_example ();
  g_autoptr(GBytes) bytes_a = NULL, bytes_b = NULL;

  fill (a, FALSE);
  fill (b, TRUE);
  bytes_a = pl_plan_write_bytes (a);
  bytes_b = pl_plan_write_bytes (b);
  g_assert_true (g_bytes_equal (bytes_a, bytes_b));
}

/* A plan without any of them is written as before, for the readers before 1.3; a full-size
 * logo reads back whole. */
static void
test_version_and_big_logo (void)
{
  g_autoptr(PlPlan) plan = load_example ();
  g_autoptr(GBytes) plain = pl_plan_write_bytes (plan);
  g_autoptr(GBytes) written = NULL, logo = NULL;
  g_autoptr(PlPlan) again = NULL;
  gsize size = PL_LOGO_MAX_BYTES;
  g_autoptr(GBytes) too_big = pl_test_logo_new_too_big ();
  g_autoptr(GBytes) biggest = g_bytes_new_from_bytes (too_big, 0, size);
  guint8 *data = g_bytes_unref_to_data (g_bytes_ref (biggest), &size);
  g_autoptr(GBytes) full = NULL;

  g_assert_null (g_strstr_len (g_bytes_get_data (plain, NULL), -1, "version=\"1.3\""));
  /* The biggest logo a plan holds: the signature, header, padding and end. */
  memcpy (data + size - 12, pl_test_logo_png + sizeof pl_test_logo_png - 12, 12);
  full = g_bytes_new_take (data, size);
  g_assert_true (pl_report_set_logo (plan, full, NULL));
  written = pl_plan_write_bytes (plan);
  again = read_back (written);
  logo = pl_report_dup_logo (again);
  g_assert_true (g_bytes_equal (logo, full));
}

static char *
refusal_of (const char *text, gsize length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_read_bytes (text, length, "logo.pilote", PL_READ_DEFAULT, &error);

  g_assert_null (plan);
  g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
  return g_strdup (error->message);
}

/* A logo over 256 KB in the file refuses it, saying so; so does a commentary too long. */
static void
test_refused (void)
{
  g_autoptr(GBytes) big = pl_test_logo_new_too_big ();
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (big, NULL), g_bytes_get_size (big));
  g_autofree char *file = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                           "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.3\">\n"
                                           "  <metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\">\n"
                                           "    <logo>%s</logo>\n"
                                           "  </metadata>\n"
                                           "</plan>\n", base64);
  g_autofree char *message = refusal_of (file, strlen (file));
  g_autofree char *long_text = g_strnfill (PL_COMMENTARY_MAX_CHARS + 1, 'x');
  g_autofree char *wordy = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                            "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.3\">\n"
                                            "  <metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\">\n"
                                            "    <commentary section=\"summary\">%s</commentary>\n"
                                            "  </metadata>\n"
                                            "</plan>\n", long_text);
  g_autofree char *wordy_message = refusal_of (wordy, strlen (wordy));

  g_assert_cmpstr (message, ==, "logo.pilote:4:5: The logo is 257 KB; a logo is at most 256 KB, since it travels inside the plan.");
  g_assert_true (g_str_has_prefix (wordy_message, "logo.pilote:4:5: The commentary of the section “summary” cannot be used: "
                                                  "A commentary holds at most 1200 characters; this one has 1201."));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-settings-file/round-trip", test_round_trip);
  g_test_add_func ("/report-settings-file/stable", test_stable);
  g_test_add_func ("/report-settings-file/version-and-big-logo", test_version_and_big_logo);
  g_test_add_func ("/report-settings-file/refused", test_refused);
  return g_test_run ();
}

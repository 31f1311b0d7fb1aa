/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Round trips, the schema, what newer versions wrote, and saving that never loses the original. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pl-io-test-util.h"
#include "pl-calendar.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-budget-totals.h"
#include "pl-plan-file.h"
#include "pl-plan-reader.h"
#include "pl-plan-validate.h"
#include "pl-plan-writer.h"
#include "pl-scenario.h"

static char *
example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "northwind-saas-2027.pilote", NULL);
}

static PlPlan *
load_path (const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, error);
}

/* Load, save, load: the same plan; a second save gives the same bytes; the schema accepts it. */
static void
check_round_trip (PlPlan *plan)
{
  g_autoptr(GBytes) first = pl_plan_write_bytes (plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) again = pl_plan_read_bytes (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                                "first.pilote", PL_READ_SCHEMA, &error);
  g_autoptr(GBytes) second = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (again);
  for (int c = 0; c < PL_N_COLLECTIONS; c++)
    g_assert_cmpuint (pl_plan_get_n (again, c), ==, pl_plan_get_n (plan, c));
  second = pl_plan_write_bytes (again);
  g_assert_true (g_bytes_equal (first, second));
}

/* Each bundled example (the English one, the French one): read without a notice, valid against the schema, and in the writer's
 * own form, so that saving it unchanged writes the very same bytes. */
static void
test_round_trip_example (gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", data, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = load_path (path, &error);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlPlan) strict = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  g_assert_false (pl_plan_get_modified (plan));
  /* Of this very version: nothing to tell. */
  g_assert_null (pl_plan_get_newer_format (plan));
  g_assert_null (pl_plan_describe_newer_format (plan));
  /* The bundled example follows the schema too. */
  strict = pl_plan_load (file, NULL, PL_READ_SCHEMA, NULL, &error);
  g_assert_no_error (error);
  check_round_trip (plan);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  written = pl_plan_write_bytes (plan);
  g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written), contents, length);
}

/* Read side by side, the plans are those read one by one, in the order given; a file that
 * cannot be read names itself, and no plan is returned. */
static void
test_load_several (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GFile) example = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/missing.pilote");
  GFile *files[] = { example, example, example };
  GFile *bad[] = { example, missing, example };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = pl_plan_load_several (files, G_N_ELEMENTS (files), PL_READ_DEFAULT, &error);
  g_autoptr(PlPlan) one = load_path (path, &error);
  g_autoptr(GBytes) expected = pl_plan_write_bytes (one);

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 3);
  for (guint i = 0; i < plans->len; i++)
    {
      g_autoptr(GBytes) bytes = pl_plan_write_bytes (g_ptr_array_index (plans, i));
      g_assert_true (g_bytes_equal (bytes, expected));
    }
  g_assert_null (pl_plan_load_several (bad, G_N_ELEMENTS (bad), PL_READ_DEFAULT, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "missing.pilote"));
}

static void
test_round_trip_default (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default ("Plan “2027” & <beyond>");
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (plan));
  g_autoptr(PlItem) segment = g_object_new (PL_TYPE_SEGMENT, NULL);
  const char *stages[] = { "Awareness", "Évaluation\nand \"trial\"", NULL };
  PlKpi *churn = PL_KPI (pl_plan_lookup (plan, "kpi-churn"));

  pl_item_set_string (meta, PL_METADATA_NOTES, "Line one\nLine two\ttabbed & <b>bold</b>\r\n");
  /* The report's sections keep their order. */
  pl_item_set_strv (meta, PL_METADATA_REPORT_SECTIONS, (const char *[]) { "summary", "budget", "cover", NULL });
  pl_item_set_string (segment, PL_SEGMENT_NAME, "Mid-market\nfinance");
  pl_item_set_strv (segment, PL_SEGMENT_STAGE, stages);
  pl_plan_add (plan, segment);
  /* Doubles come back bit for bit. */
  pl_series_set (pl_kpi_get_measurements (churn), pl_plan_get_start (plan), 0.1 + 0.2, "Finance");
  pl_series_set (pl_kpi_get_measurements (churn), pl_plan_month_start (plan, 1), 1e-300, NULL);
  /* The writer's and reader's fast paths for short decimals, and the values beside them. */
  {
    static const double values[] = { 4523.7, -0.5, 0.125, 1e-7, 123456789012.5, 999999999999999.9,
                                     1e15, 0.000001, 0.0000015, 2.675, 1.005, -1234567.891011 };
    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      pl_series_set (pl_kpi_get_targets (churn), pl_plan_month_start (plan, i), values[i], NULL);
  }
  check_round_trip (plan);
  {
    g_autoptr(GBytes) bytes = pl_plan_write_bytes (plan);
    g_autoptr(GError) error = NULL;
    g_autoptr(PlPlan) again = pl_plan_read_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                  "doubles.pilote", PL_READ_DEFAULT, &error);
    PlKpi *read_churn;

    g_assert_no_error (error);
    read_churn = PL_KPI (pl_plan_lookup (again, "kpi-churn"));
    for (guint s = 0; s < 2; s++)
      {
        PlSeries *a = s ? pl_kpi_get_targets (churn) : pl_kpi_get_measurements (churn);
        PlSeries *b = s ? pl_kpi_get_targets (read_churn) : pl_kpi_get_measurements (read_churn);

        g_assert_cmpuint (pl_series_get_n (a), ==, pl_series_get_n (b));
        for (guint i = 0; i < pl_series_get_n (a); i++)
          g_assert_true (memcmp (&pl_series_get (a, i)->value, &pl_series_get (b, i)->value, sizeof (double)) == 0);
      }
  }
}

static guint32
day (int y, int m, int d)
{
  GDate date;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (&date);
}

/* An entry's skipped and moved occurrences: written after its note, sorted by the
 * occurrence's own date, accepted by the schema, and read back to the same days. */
static void
test_round_trip_occurrences (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default ("Occurrences");
  g_autoptr(PlItem) review = g_object_new (PL_TYPE_ENTRY, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) again = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) days_again = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  PlItem *read;
  guint32 origin;
  const char *text;
  static const char written[] =
    "    <entry id=\"ent-mbr\" kind=\"review\" title=\"Monthly business review\" start=\"2027-01-31\" cadence=\"monthly\">\n"
    "      <note>Budget against actual.</note>\n"
    "      <skip>2027-02-28</skip>\n"
    "      <skip>2027-08-31</skip>\n"
    "      <move>2027-04-30 2027-05-03</move>\n"
    "      <move>2027-12-31 2027-12-17</move>\n"
    "    </entry>\n";

  pl_item_set_id (review, "ent-mbr");
  pl_item_set_string (review, PL_ENTRY_TITLE, "Monthly business review");
  pl_item_set_int (review, PL_ENTRY_KIND, PL_ENTRY_REVIEW);
  pl_item_set_int (review, PL_ENTRY_CADENCE, PL_CADENCE_MONTHLY);
  pl_item_set_julian (review, PL_ENTRY_START, day (2027, 1, 31));
  pl_item_set_string (review, PL_ENTRY_NOTE, "Budget against actual.");
  pl_plan_add (plan, review);
  /* Made out of order: written in order. */
  g_assert_true (pl_calendar_apply_move (plan, review, day (2027, 12, 31), day (2027, 12, 17), NULL));
  g_assert_true (pl_calendar_apply_skip (plan, review, day (2027, 8, 31), NULL));
  g_assert_true (pl_calendar_apply_move (plan, review, day (2027, 4, 30), day (2027, 5, 3), NULL));
  g_assert_true (pl_calendar_apply_skip (plan, review, day (2027, 2, 28), NULL));

  check_round_trip (plan);
  bytes = pl_plan_write_bytes (plan);
  text = g_bytes_get_data (bytes, NULL);
  if (g_strstr_len (text, g_bytes_get_size (bytes), written) == NULL)
    g_error ("the entry is not written as expected:\n%.*s", (int) g_bytes_get_size (bytes), text);
  again = pl_plan_read_bytes (text, g_bytes_get_size (bytes), "again.pilote", PL_READ_SCHEMA, &error);
  g_assert_no_error (error);
  read = pl_plan_lookup (again, "ent-mbr");
  g_assert_nonnull (read);
  g_assert_true (g_strv_equal (pl_item_get_strv (read, PL_ENTRY_SKIP), pl_item_get_strv (review, PL_ENTRY_SKIP)));
  g_assert_true (g_strv_equal (pl_item_get_strv (read, PL_ENTRY_MOVE), pl_item_get_strv (review, PL_ENTRY_MOVE)));
  days = pl_calendar_occurrences (plan, review, day (2027, 1, 1), day (2028, 1, 1));
  days_again = pl_calendar_occurrences (again, read, day (2027, 1, 1), day (2028, 1, 1));
  g_assert_cmpuint (days->len, ==, 10);
  g_assert_cmpuint (days_again->len, ==, days->len);
  g_assert_cmpmem (days->data, days->len * sizeof (guint32), days_again->data, days_again->len * sizeof (guint32));
  g_assert_true (pl_calendar_occurrence_origin (read, day (2027, 12, 17), &origin));
  g_assert_cmpuint (origin, ==, day (2027, 12, 31));
  problems = pl_plan_validate (again);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A skip of a day the series does not have is for validation to report: the file loads. */
static void
test_stale_occurrence_loads (void)
{
  static const char stale[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">\n"
    "  <metadata title=\"Stale\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
    "  <calendar>\n"
    "    <entry id=\"e1\" kind=\"review\" title=\"Monthly review\" start=\"2027-01-31\" cadence=\"monthly\">\n"
    "      <skip>2027-03-30</skip>\n"
    "    </entry>\n"
    "  </calendar>\n"
    "</plan>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_read_bytes (stale, strlen (stale), "stale.pilote", PL_READ_SCHEMA, &error);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_no_error (error);
  problems = pl_plan_validate (plan);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((PlProblem *) problems->pdata[0])->message, ==,
                   "The review “Monthly review” skips 2027-03-30, a day it does not happen on.");
  g_assert_cmpuint (((PlProblem *) problems->pdata[0])->line, ==, 5);
}

static const char future_plan[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<plan xmlns=\"https://pilote.github.io/ns/plan\" xmlns:x=\"urn:example:crm\" version=\"1.6\" x:source=\"crm\">\n"
  "  <metadata title=\"Future\" currency=\"EUR\" start=\"2027-01\" months=\"12\" mood=\"sunny\">\n"
  "    <notes>n</notes>\n"
  "    <forecast horizon=\"3\">later</forecast>\n"
  "  </metadata>\n"
  "  <team>\n"
  "    <member id=\"m1\" name=\"Ana\" role=\"CMO\" x:crm-id=\"42\"><x:badge level=\"gold\"/></member>\n"
  "    <squad id=\"sq1\">new kind of record</squad>\n"
  "  </team>\n"
  "  <campaigns>\n"
  "    <campaign id=\"c1\" name=\"Launch\" owner=\"m1\" budget-cap=\"5\">\n"
  "      <problem>p</problem>\n"
  "      <hypothesis confidence=\"high\"><why>because</why></hypothesis>\n"
  "    </campaign>\n"
  "  </campaigns>\n"
  "  <experiments><experiment id=\"e1\"/></experiments>\n"
  "</plan>\n";

static void
test_unknown_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_read_bytes (future_plan, strlen (future_plan), "future.pilote",
                                               PL_READ_DEFAULT, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PlPlan) again = NULL;
  g_autoptr(GBytes) second = NULL;
  const char *text;
  static const char *kept[] = {
    "xmlns:x=\"urn:example:crm\"", "x:source=\"crm\"", "mood=\"sunny\"",
    "<forecast horizon=\"3\">later</forecast>", "x:crm-id=\"42\"", "<x:badge level=\"gold\"/>",
    "<squad id=\"sq1\">new kind of record</squad>", "budget-cap=\"5\"",
    "<hypothesis confidence=\"high\"><why>because</why></hypothesis>",
    "<experiments><experiment id=\"e1\"/></experiments>",
  };

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), ==, 1);
  /* Newer than this build: it says so, once, in words the window and validate show. */
  g_assert_cmpstr (pl_plan_get_newer_format (plan), ==, "1.6");
  {
    g_autofree char *notice = pl_plan_describe_newer_format (plan);
    g_assert_nonnull (strstr (notice, "file format 1.6; this version knows 1.5"));
  }
  bytes = pl_plan_write_bytes (plan);
  text = g_bytes_get_data (bytes, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    if (g_strstr_len (text, g_bytes_get_size (bytes), kept[i]) == NULL)
      g_error ("“%s” was lost:\n%.*s", kept[i], (int) g_bytes_get_size (bytes), text);
  /* Written in the version it was read in: it still holds 1.6's additions, so an older
   * reader opening it again is told too. Stable from then on. */
  g_assert_nonnull (g_strstr_len (text, -1, "version=\"1.6\""));
  again = pl_plan_read_bytes (text, g_bytes_get_size (bytes), "again.pilote", PL_READ_DEFAULT, &error);
  g_assert_no_error (error);
  second = pl_plan_write_bytes (again);
  g_assert_true (g_bytes_equal (bytes, second));
}

/* Format 1.1 adds spend booked for one campaign. A plan that uses it is written as 1.1 and
 * reads back the same; one that does not stays 1.0, for the readers before 1.1. */
static void
test_spend_campaign (void)
{
  static const char *text =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">\n"
    "  <metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
    "  <categories><category id=\"c\" name=\"C\"/></categories>\n"
    "  <budget-lines><line id=\"l\" category=\"c\" name=\"L\"/></budget-lines>\n"
    "  <campaigns><campaign id=\"k\" name=\"K\"/></campaigns>\n"
    "  <spending><spend id=\"s\" line=\"l\" date=\"2027-01-05\" amount=\"10.00\"/></spending>\n"
    "</plan>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_read_bytes (text, strlen (text), "t.pilote", PL_READ_SCHEMA, &error);
  g_autoptr(GBytes) plain = NULL, booked = NULL;
  g_autoptr(PlPlan) again = NULL;

  g_assert_no_error (error);
  plain = pl_plan_write_bytes (plan);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (plain, NULL), -1, "version=\"1.0\""));
  pl_item_set_string (pl_plan_lookup (plan, "s"), PL_SPEND_CAMPAIGN, "k");
  booked = pl_plan_write_bytes (plan);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (booked, NULL), -1, "version=\"1.1\""));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (booked, NULL), -1, "campaign=\"k\""));
  again = pl_plan_read_bytes (g_bytes_get_data (booked, NULL), g_bytes_get_size (booked), "again.pilote", PL_READ_SCHEMA, &error);
  g_assert_no_error (error);
  g_assert_null (pl_plan_get_newer_format (again));
  g_assert_cmpstr (pl_item_get_string (pl_plan_lookup (again, "s"), PL_SPEND_CAMPAIGN), ==, "k");
}

/* Format 1.4 (issue 23): spend from the books. A 1.0 file stays 1.0 when read and written
 * (status "actual" is not written); unbudgeted spend, credits, committed spend, ledger
 * accounts, import keys, spend rules and carried budget make it 1.4, the schema accepts it,
 * and it reads back the same. Committed and unbudgeted spend are not a line's actual. */
static void
test_spend_books (void)
{
  static const char *text =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.4\">\n"
    "  <metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
    "  <categories><category id=\"c\" name=\"C\"/></categories>\n"
    "  <budget-lines><line id=\"l\" category=\"c\" name=\"L\"><planned month=\"2027-01\" amount=\"100.00\"/>"
    "<carried>2027-01 2027-03 2027-04 2027-06 12000.00</carried></line></budget-lines>\n"
    "  <spending>\n"
    "    <spend id=\"s1\" line=\"l\" date=\"2027-01-05\" amount=\"10.00\"/>\n"
    "    <spend id=\"s2\" line=\"l\" date=\"2027-01-06\" amount=\"-2.50\" account=\"6231\" source=\"fec:AC:12:6231:1\"/>\n"
    "    <spend id=\"s3\" line=\"l\" date=\"2027-01-07\" amount=\"40.00\" status=\"committed\"/>\n"
    "    <spend id=\"s4\" date=\"2027-01-08\" amount=\"7.00\" vendor=\"Traiteur\"/>\n"
    "  </spending>\n"
    "  <spend-rules><spend-rule id=\"r1\" pattern=\"6231\" line=\"l\"/>"
    "<spend-rule id=\"r2\" match=\"supplier\" pattern=\"Agence\"/></spend-rules>\n"
    "</plan>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_read_bytes (text, strlen (text), "t.pilote", PL_READ_SCHEMA, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PlPlan) again = NULL;
  g_autoptr(PlBudgetTotals) totals = NULL;
  PlItem *line;
  const char *written;

  g_assert_no_error (error);
  bytes = pl_plan_write_bytes (plan);
  written = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (g_strstr_len (written, -1, "version=\"1.4\""));
  g_assert_nonnull (g_strstr_len (written, -1, "<spend-rule id=\"r1\" pattern=\"6231\" line=\"l\"/>"));
  g_assert_nonnull (g_strstr_len (written, -1, "match=\"supplier\""));
  g_assert_nonnull (g_strstr_len (written, -1, "status=\"committed\""));
  g_assert_null (g_strstr_len (written, -1, "status=\"actual\""));
  again = pl_plan_read_bytes (written, g_bytes_get_size (bytes), "again.pilote", PL_READ_SCHEMA, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_item_get_int (pl_plan_lookup (again, "s2"), PL_SPEND_AMOUNT), ==, -250);
  g_assert_cmpstr (pl_item_get_string (pl_plan_lookup (again, "s2"), PL_SPEND_SOURCE), ==, "fec:AC:12:6231:1");
  g_assert_null (pl_item_get_string (pl_plan_lookup (again, "s4"), PL_SPEND_LINE));
  g_assert_false (pl_spend_is_actual (pl_plan_lookup (again, "s3")));
  g_assert_cmpstr (pl_item_get_strv (pl_plan_lookup (again, "l"), PL_BUDGET_LINE_CARRIED)[0], ==,
                   "2027-01 2027-03 2027-04 2027-06 12000.00");
  g_assert_cmpuint (pl_plan_get_n (again, PL_COLLECTION_SPEND_RULES), ==, 2);

  /* 10.00 invoiced less a 2.50 credit; the order is not spent, the unbudgeted spend is no line's. */
  totals = pl_budget_totals_new (again);
  line = pl_plan_lookup (again, "l");
  g_assert_cmpint (pl_budget_totals_line_actual (totals, line, 0), ==, 750);
  g_assert_cmpint (pl_budget_totals_line_committed (totals, line, -1), ==, 4000);
  g_assert_cmpint (pl_budget_totals_line_remaining (totals, line, 0), ==, 10000 - 750 - 4000);
  g_assert_cmpint (pl_budget_totals_unbudgeted (totals, 0), ==, 700);
  g_assert_cmpint (pl_budget_totals_actual (totals, NULL, -1), ==, 750 + 700);
  g_assert_cmpint (pl_budget_totals_committed (totals, NULL, 0), ==, 4000);

  /* Without what 1.4 added, the plan is written as before. */
  pl_plan_remove (again, pl_plan_lookup (again, "s2"));
  pl_plan_remove (again, pl_plan_lookup (again, "s3"));
  pl_plan_remove (again, pl_plan_lookup (again, "s4"));
  pl_plan_remove (again, pl_plan_lookup (again, "r1"));
  pl_plan_remove (again, pl_plan_lookup (again, "r2"));
  pl_item_set_strv (line, PL_BUDGET_LINE_CARRIED, NULL);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = pl_plan_write_bytes (again);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), -1, "version=\"1.0\""));
}

/* Format 1.2 adds scenarios: assumptions come back in one order whatever the file's (drivers
 * in PlDriver order, then categories by ID), values bit for bit, what is not known inside a
 * scenario is kept; the plan is written as 1.2 and the schema accepts it. */
static void
test_round_trip_scenarios (void)
{
  static const char *text =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan xmlns=\"https://pilote.github.io/ns/plan\" xmlns:x=\"urn:example:x\" version=\"1.2\">\n"
    "  <metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
    "  <objectives><objective id=\"o\"><statement>Grow</statement></objective></objectives>\n"
    "  <scenarios x:owner=\"cfo\">\n"
    "    <scenario id=\"scn-1\" name=\"Stretch\" window=\"6\" x:colour=\"green\">\n"
    "      <assume category=\"cat-paid\" change=\"10\"/>\n"
    "      <assume driver=\"spend-change\" value=\"-5\"/>\n"
    "      <assume category=\"cat-events\" change=\"-20\"/>\n"
    "      <assume driver=\"mql-to-sql\" value=\"0.41\"/>\n"
    "      <assume driver=\"cpl\" value=\"38.5\"/>\n"
    "      <note>Events cut, better qualification</note>\n"
    "      <x:source>board</x:source>\n"
    "    </scenario>\n"
    "    <scenario id=\"scn-2\" name=\"Base\"/>\n"
    "  </scenarios>\n"
    "  <categories><category id=\"cat-events\" name=\"Events\"/><category id=\"cat-paid\" name=\"Paid\"/></categories>\n"
    "</plan>\n";
  static const char *written =
    "    <scenario id=\"scn-1\" name=\"Stretch\" window=\"6\" x:colour=\"green\">\n"
    "      <assume driver=\"cpl\" value=\"38.5\"/>\n"
    "      <assume driver=\"mql-to-sql\" value=\"0.41\"/>\n"
    "      <assume driver=\"spend-change\" value=\"-5\"/>\n"
    "      <assume category=\"cat-events\" change=\"-20\"/>\n"
    "      <assume category=\"cat-paid\" change=\"10\"/>\n"
    "      <note>Events cut, better qualification</note>\n"
    "      <x:source>board</x:source>\n"
    "    </scenario>\n"
    "    <scenario id=\"scn-2\" name=\"Base\" window=\"3\"/>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_read_bytes (text, strlen (text), "s.pilote", PL_READ_SCHEMA, &error);
  g_autoptr(GBytes) bytes = NULL;
  PlItem *stretch;
  const char *out;

  g_assert_no_error (error);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_SCENARIOS), ==, 2);
  stretch = pl_plan_lookup (plan, "scn-1");
  g_assert_true (PL_IS_SCENARIO (stretch));
  g_assert_cmpint (pl_item_get_int (stretch, PL_SCENARIO_WINDOW), ==, 6);
  g_assert_cmpstr (pl_item_get_string (stretch, PL_SCENARIO_NOTE), ==, "Events cut, better qualification");
  g_assert_cmpuint (g_variant_n_children (pl_item_get_variant (stretch, PL_SCENARIO_ASSUMPTIONS)), ==, 5);
  /* A scenario that assumes nothing holds no assumptions, as one made in the window. */
  g_assert_false (pl_item_field_is_set (pl_plan_lookup (plan, "scn-2"), PL_SCENARIO_ASSUMPTIONS));
  g_assert_cmpint (pl_item_get_int (pl_plan_lookup (plan, "scn-2"), PL_SCENARIO_WINDOW), ==, 3);
  bytes = pl_plan_write_bytes (plan);
  out = g_bytes_get_data (bytes, NULL);
  if (g_strstr_len (out, -1, written) == NULL)
    g_error ("the scenarios are not written as expected:\n%s", out);
  g_assert_nonnull (g_strstr_len (out, -1, "version=\"1.2\""));
  g_assert_nonnull (g_strstr_len (out, -1, "<scenarios x:owner=\"cfo\">"));
  /* After the objectives, before the categories, as the schema orders them. */
  g_assert_true (g_strstr_len (out, -1, "<objectives>") < g_strstr_len (out, -1, "<scenarios"));
  g_assert_true (g_strstr_len (out, -1, "<scenarios") < g_strstr_len (out, -1, "<categories>"));
  check_round_trip (plan);
}

/* The schema names every driver key the program knows, and only those. */
static void
test_scenario_driver_keys (void)
{
  for (int d = 0; d <= PL_N_DRIVERS; d++)
    {
      g_autofree char *text =
        g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.2\">\n"
                         "  <metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
                         "  <scenarios><scenario id=\"s\" name=\"S\"><assume driver=\"%s\" value=\"1\"/></scenario></scenarios>\n"
                         "</plan>\n", d < PL_N_DRIVERS ? pl_driver_key ((PlDriver) d) : "lead-to-opportunity");
      g_autoptr(GError) error = NULL;
      g_autoptr(PlPlan) plan = pl_plan_read_bytes (text, strlen (text), "keys.pilote", PL_READ_SCHEMA, &error);

      if (d < PL_N_DRIVERS)
        g_assert_no_error (error);
      else
        g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
    }
}

/* Empty text elements (<notes/>, <problem/>) read as no text; they once crashed the reader. */
static void
test_empty_text (void)
{
  static const char *text =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">\n"
    "  <metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\"><notes/></metadata>\n"
    "  <campaigns><campaign id=\"k\" name=\"K\"><problem/><success></success></campaign></campaigns>\n"
    "</plan>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_read_bytes (text, strlen (text), "t.pilote", PL_READ_SCHEMA, &error);

  g_assert_no_error (error);
  g_assert_null (pl_item_get_string (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_NOTES));
  g_assert_null (pl_item_get_string (pl_plan_lookup (plan, "k"), PL_CAMPAIGN_PROBLEM));
}

static PlPlan *
saved_plan (const char *path)
{
  PlPlan *plan = pl_plan_new_default ("Saved");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_plan_save (plan, file, NULL, NULL, &error));
  g_assert_no_error (error);
  return plan;
}

static void
test_save_backup_and_modified (void)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-test");
  g_autofree char *path = g_build_filename (dir, "plan.pilote", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(PlPlan) plan = saved_plan (path);
  g_autoptr(GBytes) before = pl_io_test_read_all (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) kept = NULL;
  PlFileStamp stamp = { 0 };

  g_assert_false (pl_plan_get_modified (plan));
  g_assert_true (pl_plan_set_string (plan, PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_TITLE, "Second", NULL));
  g_assert_true (pl_plan_get_modified (plan));
  g_assert_true (pl_plan_save (plan, file, NULL, &stamp, &error));
  g_assert_no_error (error);
  g_assert_true (stamp.exists);
  g_assert_false (pl_plan_get_modified (plan));
  kept = pl_io_test_read_all (backup);
  g_assert_true (g_bytes_equal (kept, before));
  pl_io_test_remove_tree (dir);
}

static void
test_changed_on_disk (void)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-test");
  g_autofree char *path = g_build_filename (dir, "plan.pilote", NULL);
  g_autoptr(PlPlan) first = saved_plan (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlFileStamp stamp = { 0 };
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, &stamp, &error);
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_assert_no_error (error);
  g_assert_true (stamp.exists);
  /* Another program rewrites the file (and its time) after we opened it. */
  g_assert_true (pl_plan_set_string (first, PL_ITEM (pl_plan_get_metadata (first)), PL_METADATA_TITLE, "Theirs", NULL));
  g_assert_true (pl_plan_save (first, file, NULL, NULL, &error));
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 0, NULL, NULL);
  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                               g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) + 10,
                               0, NULL, NULL);
  theirs = pl_io_test_read_all (path);

  g_assert_true (pl_plan_set_string (plan, PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_TITLE, "Ours", NULL));
  g_assert_false (pl_plan_save (plan, file, &stamp, NULL, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_CHANGED_ON_DISK);
  g_assert_cmpstr (error->message, ==, "plan.pilote: The file was changed by another program since it was opened.");
  g_assert_true (pl_plan_get_modified (plan));
  after = pl_io_test_read_all (path);
  g_assert_true (g_bytes_equal (theirs, after));
  pl_io_test_remove_tree (dir);
}

static void
test_not_a_regular_file (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default ("Plan");
  g_autoptr(GFile) full = g_file_new_for_path ("/dev/full");
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_false (pl_plan_save (plan, full, NULL, NULL, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
  g_assert_cmpstr (error->message, ==, "full: This is not an ordinary file; choose another name to save the plan.");
  g_assert_cmpint (g_stat ("/dev/full", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_true (pl_plan_get_modified (plan) == FALSE);
}

/* Runs @func in a child process; returns its exit status. */
static int
in_child (void (*func) (const char *path), const char *path)
{
  pid_t pid = fork ();
  int status = 0;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      func (path);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return status;
}

static void
save_expecting_failure (const char *path)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default ("A much longer plan that does not fit");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 200; i++)
    {
      g_autoptr(PlItem) campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
      pl_item_set_string (campaign, PL_CAMPAIGN_NAME, "A campaign with a reasonably long name");
      pl_item_set_string (campaign, PL_CAMPAIGN_PROBLEM, "Prospects do not know we exist; this text makes the file big.");
      pl_plan_add (plan, campaign);
    }
  if (pl_plan_save (plan, file, NULL, NULL, &error))
    _exit (3);
  if (!(g_error_matches (error, PL_ERROR, PL_ERROR_FILE) || g_error_matches (error, PL_ERROR, PL_ERROR_READ_ONLY)) ||
      !g_str_has_prefix (error->message, "plan.pilote: "))
    _exit (4);
  if (!pl_plan_get_modified (plan))
    _exit (5);
}

static void
save_on_full_disk (const char *path)
{
  GStatBuf st;
  struct rlimit limit;

  /* A file size limit makes writes fail as on a full disk (EFBIG instead of ENOSPC): room
   * for the backup copy, not for the bigger new version. */
  if (g_stat (path, &st) != 0)
    _exit (7);
  limit.rlim_cur = limit.rlim_max = (rlim_t) st.st_size + 1024;
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
  save_expecting_failure (path);
}

static void
save_as_nobody (const char *path)
{
  struct passwd *nobody = getpwnam ("nobody");

  /* root writes anywhere; a read-only folder only stops an ordinary user. */
  if (geteuid () == 0 && (nobody == NULL || setgid (nobody->pw_gid) != 0 || setuid (nobody->pw_uid) != 0))
    _exit (6);
  save_expecting_failure (path);
}

static void
check_original_kept (void (*saver) (const char *path), gboolean read_only)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-test");
  g_autofree char *path = g_build_filename (dir, "plan.pilote", NULL);
  g_autoptr(PlPlan) plan = saved_plan (path);
  g_autoptr(GBytes) before = pl_io_test_read_all (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GDir) listing = NULL;
  int status;
  guint n = 0;

  if (read_only)
    {
      struct passwd *nobody = getpwnam ("nobody");

      /* The file stays writable to whoever saves: only the folder stops them. */
      if (geteuid () == 0 && nobody != NULL)
        g_assert_cmpint (chown (path, nobody->pw_uid, nobody->pw_gid), ==, 0);
      g_chmod (path, 0644);
      g_chmod (dir, 0555);
    }
  status = in_child (saver, path);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  after = pl_io_test_read_all (path);
  g_assert_true (g_bytes_equal (before, after));
  /* No temporary file left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, <=, 2); /* the plan and, perhaps, its backup */
  pl_io_test_remove_tree (dir);
}

static void
test_full_disk (void)
{
  check_original_kept (save_on_full_disk, FALSE);
}

static void
test_read_only_folder (void)
{
  if (geteuid () == 0 && getpwnam ("nobody") == NULL)
    {
      g_test_skip ("running as root with no “nobody” user to drop to");
      return;
    }
  {
    /* The folder must be reachable by nobody. */
    check_original_kept (save_as_nobody, TRUE);
  }
}

static void
save_forever (const char *path)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default ("Killed while saving");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (int i = 0; i < 3000; i++)
    {
      g_autoptr(PlItem) campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
      pl_item_set_string (campaign, PL_CAMPAIGN_NAME, "Campaign");
      pl_item_set_string (campaign, PL_CAMPAIGN_PROBLEM, "Padding the file so that a save takes a while.");
      pl_plan_add (plan, campaign);
    }
  for (;;)
    pl_plan_save (plan, file, NULL, NULL, NULL);
}

static void
test_killed_while_saving (void)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-test");
  g_autofree char *path = g_build_filename (dir, "plan.pilote", NULL);
  g_autoptr(PlPlan) plan = saved_plan (path);

  for (int round = 0; round < 5; round++)
    {
      pid_t pid = fork ();
      int status;
      g_autoptr(GError) error = NULL;
      g_autoptr(PlPlan) loaded = NULL;

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          save_forever (path);
          _exit (0);
        }
      g_usleep (20000 + g_random_int_range (0, 80000));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      /* Whatever moment the process died at, the file is a whole plan: the old or the new. */
      loaded = load_path (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);
    }
  pl_io_test_remove_tree (dir);
}

/* A pipe named like a plan would block the reader forever, a device never end: both are
 * refused at once, in words. */
static void
test_not_ordinary (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pilote-io-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.pilote", NULL);
  g_autofree char *link = g_build_filename (dir, "zero.pilote", NULL);
  const char *paths[] = { fifo, link };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", link), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

      g_assert_null (plan);
      g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
      g_assert_nonnull (strstr (error->message, "not an ordinary file"));
      g_unlink (paths[i]);
    }
  g_rmdir (dir);
}

/* A file without an XML declaration, holding an extension with text past ASCII: the text is
 * written as UTF-8, and a second write gives the same bytes (found by the reader's fuzzer). */
static void
test_extension_without_declaration (void)
{
  static const char text[] =
    "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\" xmlns:x=\"urn:x\">\n"
    "  <metadata title=\"Été\" currency=\"EUR\" start=\"2027-01\" end=\"2027-12\"/>\n"
    "  <x:note label=\"Prévu — à voir \xef\xbf\xbd\">Prévu — à voir \xef\xbf\xbd</x:note>\n"
    "</plan>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_read_bytes (text, sizeof text - 1, "x.pilote", PL_READ_DEFAULT, &error);
  g_autoptr(PlPlan) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  g_assert_no_error (error);
  first = pl_plan_write_bytes (plan);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (first, NULL), g_bytes_get_size (first), "\"Prévu — à voir \xef\xbf\xbd\""));
  again = pl_plan_read_bytes (g_bytes_get_data (first, NULL), g_bytes_get_size (first), "x.pilote", PL_READ_DEFAULT, &error);
  g_assert_no_error (error);
  second = pl_plan_write_bytes (again);
  g_assert_true (g_bytes_equal (first, second));
}

/* Format 1.5 (issue 25): campaign results and codes. */
static const char results_plan[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<plan xmlns=\"https://pilote.github.io/ns/plan\" xmlns:x=\"urn:example:crm\" version=\"1.5\">\n"
  "  <metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
  "  <kpis>\n"
  "    <kpi id=\"kpi-leads\" name=\"Leads\" unit=\"count\" stage=\"leads\">\n"
  "      <measurement period=\"2027-03-01\" value=\"876\" source=\"HubSpot\"/>\n"
  "    </kpi>\n"
  "    <kpi id=\"kpi-bookings\" name=\"New bookings\" unit=\"currency\" stage=\"revenue\"/>\n"
  "  </kpis>\n"
  "  <campaigns>\n"
  "    <campaign id=\"cmp-1\" name=\"Spring webinar\" code=\"spring-webinar-2027\"/>\n"
  "    <campaign id=\"cmp-2\" name=\"Always-on search\"/>\n"
  "  </campaigns>\n"
  "  <campaign-kpis>\n"
  "    <campaign-kpi id=\"ck-1\" campaign=\"cmp-1\" kpi=\"kpi-leads\" contribution=\"300\">\n"
  "      <result period=\"2027-02-01\" value=\"95\" source=\"HubSpot\"/>\n"
  "      <result period=\"2027-03-01\" value=\"120.5\" source=\"Salesforce &amp; GA4\"/>\n"
  "      <x:note>kept</x:note>\n"
  "    </campaign-kpi>\n"
  "    <campaign-kpi id=\"ck-2\" campaign=\"cmp-2\" kpi=\"kpi-leads\">\n"
  "      <result period=\"2027-03-01\" value=\"-0.25\"/>\n"
  "    </campaign-kpi>\n"
  "    <campaign-kpi id=\"ck-3\" campaign=\"cmp-1\" kpi=\"kpi-bookings\">\n"
  "      <result period=\"2027-03-01\" value=\"12500.5\" source=\"Salesforce\"/>\n"
  "    </campaign-kpi>\n"
  "  </campaign-kpis>\n"
  "</plan>\n";

static const PlPoint *
result_point (PlPlan *plan, const char *link, guint32 julian)
{
  PlItem *item = pl_plan_lookup (plan, link);

  g_assert_true (PL_IS_CAMPAIGN_KPI (item));
  return pl_series_lookup (pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (item)), julian);
}

static guint32
first_of (int month)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, month, 2027);

  return g_date_get_julian (date);
}

/* Results (values bit for bit, sources, on several links) and codes read, are accepted by the
 * schema, and are written back the same; a plan that uses them is 1.5, one without stays at the
 * version of what it uses, for the readers before 1.5. */
static void
test_round_trip_results (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_read_bytes (results_plan, strlen (results_plan), "r.pilote", PL_READ_SCHEMA, &error);
  g_autoptr(GBytes) bytes = NULL, plain = NULL;
  g_autoptr(PlPlan) again = NULL;
  const char *written;
  const PlPoint *point;

  g_assert_no_error (error);
  g_assert_cmpstr (pl_item_get_string (pl_plan_lookup (plan, "cmp-1"), PL_CAMPAIGN_CODE), ==, "spring-webinar-2027");
  g_assert_false (pl_item_field_is_set (pl_plan_lookup (plan, "cmp-2"), PL_CAMPAIGN_CODE));
  point = result_point (plan, "ck-1", first_of (3));
  g_assert_nonnull (point);
  g_assert_cmpfloat (point->value, ==, 120.5);
  g_assert_cmpstr (point->source, ==, "Salesforce & GA4");
  g_assert_cmpfloat (result_point (plan, "ck-1", first_of (2))->value, ==, 95);
  g_assert_null (result_point (plan, "ck-1", first_of (1)));
  g_assert_cmpfloat (result_point (plan, "ck-2", first_of (3))->value, ==, -0.25);
  g_assert_null (result_point (plan, "ck-2", first_of (3))->source);
  g_assert_cmpfloat (result_point (plan, "ck-3", first_of (3))->value, ==, 12500.5);
  /* A link's results are its own, not its KPI's measurements. */
  g_assert_cmpuint (pl_series_get_n (pl_kpi_get_measurements (PL_KPI (pl_plan_lookup (plan, "kpi-leads")))), ==, 1);

  check_round_trip (plan);
  bytes = pl_plan_write_bytes (plan);
  written = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (g_strstr_len (written, -1, "version=\"1.5\""));
  g_assert_nonnull (g_strstr_len (written, -1, " code=\"spring-webinar-2027\""));
  if (g_strstr_len (written, -1,
                    "    <campaign-kpi id=\"ck-1\" campaign=\"cmp-1\" kpi=\"kpi-leads\" contribution=\"300\">\n"
                    "      <result period=\"2027-02-01\" value=\"95\" source=\"HubSpot\"/>\n"
                    "      <result period=\"2027-03-01\" value=\"120.5\" source=\"Salesforce &amp; GA4\"/>\n"
                    "      <x:note>kept</x:note>\n"
                    "    </campaign-kpi>\n") == NULL)
    g_error ("the results are not written as expected:\n%s", written);
  again = pl_plan_read_bytes (written, g_bytes_get_size (bytes), "again.pilote", PL_READ_SCHEMA, &error);
  g_assert_no_error (error);
  g_assert_null (pl_plan_get_newer_format (again));
  g_assert_cmpstr (result_point (again, "ck-1", first_of (3))->source, ==, "Salesforce & GA4");

  /* Results alone make it 1.5, and so does a code alone. */
  pl_item_set_string (pl_plan_lookup (again, "cmp-1"), PL_CAMPAIGN_CODE, NULL);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = pl_plan_write_bytes (again);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), -1, "version=\"1.5\""));
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("ck-%u", i);
      PlSeries *results = pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (pl_plan_lookup (again, id)));

      while (pl_series_get_n (results) > 0)
        pl_series_remove (results, pl_series_get (results, 0)->julian);
    }
  plain = pl_plan_write_bytes (again);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (plain, NULL), -1, "version=\"1.0\""));
  g_assert_null (g_strstr_len (g_bytes_get_data (plain, NULL), -1, "<result"));
  pl_item_set_string (pl_plan_lookup (again, "cmp-2"), PL_CAMPAIGN_CODE, "search-always-on");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = pl_plan_write_bytes (again);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), -1, "version=\"1.5\""));
}

/* @text with @from (once in it) replaced by @to, read; the refusal's message. */
static char *
refusal_of (const char *from, const char *to)
{
  g_autoptr(GString) text = g_string_new (results_plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpuint (g_string_replace (text, from, to, 0), ==, 1);
  plan = pl_plan_read_bytes (text->str, text->len, "r.pilote", PL_READ_DEFAULT, &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  lines = g_strsplit (error->message, "\n", 2);
  return g_strdup (lines[0]);
}

/* What the reader refuses in a result, the message naming the campaign and the KPI by name, at
 * the attribute's line and column: a period that is not a month's first day (or none), a value
 * that is not a finite number, two results for one month. */
static void
test_results_refused (void)
{
  static const struct {
    const char *from, *to, *message;
  } cases[] = {
    { "period=\"2027-02-01\" value=\"95\"", "period=\"2027-02-15\" value=\"95\"",
      "r.pilote:16:15: A result of the campaign “Spring webinar” on the KPI “Leads” has no valid period "
      "(the first day of a month, YYYY-MM-01)." },
    { "period=\"2027-02-01\" value=\"95\"", "value=\"95\"",
      "r.pilote:16:7: A result of the campaign “Spring webinar” on the KPI “Leads” has no valid period "
      "(the first day of a month, YYYY-MM-01)." },
    { "period=\"2027-02-01\" value=\"95\"", "period=\"2027-02\" value=\"95\"",
      "r.pilote:16:15: A result of the campaign “Spring webinar” on the KPI “Leads” has no valid period "
      "(the first day of a month, YYYY-MM-01)." },
    { "value=\"95\"", "value=\"95 leads\"",
      "r.pilote:16:35: The result of the campaign “Spring webinar” on the KPI “Leads” for 2027-02-01 is "
      "“95 leads”, which is not a finite number." },
    { "value=\"95\"", "value=\"1e999\"",
      "r.pilote:16:35: The result of the campaign “Spring webinar” on the KPI “Leads” for 2027-02-01 is "
      "“1e999”, which is not a finite number." },
    { "value=\"95\"", "value=\"\"",
      "r.pilote:16:35: The result of the campaign “Spring webinar” on the KPI “Leads” for 2027-02-01 is "
      "“”, which is not a finite number." },
    { "period=\"2027-02-01\" value=\"95\"", "period=\"2027-03-01\" value=\"95\"",
      "r.pilote:17:15: The campaign “Spring webinar” has two results on the KPI “Leads” for 2027-03-01." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = refusal_of (cases[i].from, cases[i].to);

      g_assert_cmpstr (message, ==, cases[i].message);
    }
}

/* A <result> is a campaign's, on its link to a KPI: inside a <kpi> it is not one of the KPI's
 * series, so the reader keeps it as it keeps any element it does not know there and writes it
 * back unchanged; the schema, which knows where results go, refuses it. */
static void
test_result_on_kpi (void)
{
  g_autoptr(GString) text = g_string_new (results_plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlPlan) strict = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_string_replace (text, "      <measurement period=\"2027-03-01\" value=\"876\" source=\"HubSpot\"/>\n",
                    "      <measurement period=\"2027-03-01\" value=\"876\" source=\"HubSpot\"/>\n"
                    "      <result period=\"2027-03-01\" value=\"7\"/>\n", 1);
  plan = pl_plan_read_bytes (text->str, text->len, "k.pilote", PL_READ_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pl_series_get_n (pl_kpi_get_measurements (PL_KPI (pl_plan_lookup (plan, "kpi-leads")))), ==, 1);
  g_assert_cmpfloat (pl_series_get (pl_kpi_get_measurements (PL_KPI (pl_plan_lookup (plan, "kpi-leads"))), 0)->value, ==, 876);
  bytes = pl_plan_write_bytes (plan);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), -1,
                                  "      <measurement period=\"2027-03-01\" value=\"876\" source=\"HubSpot\"/>\n"
                                  "      <result period=\"2027-03-01\" value=\"7\"/>\n"));
  strict = pl_plan_read_bytes (text->str, text->len, "k.pilote", PL_READ_SCHEMA, &error);
  g_assert_null (strict);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "k.pilote:7:"));
}

/* A file cut anywhere inside a <result/> (a copy or a download interrupted) is refused with a
 * message, never a crash or a plan that lost the rest. */
static void
test_results_truncated (void)
{
  const char *start = strstr (results_plan, "      <result period=\"2027-03-01\" value=\"120.5\"");
  const char *end = strstr (start, "/>\n") + 3;

  for (const char *cut = start; cut <= end; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlPlan) plan = pl_plan_read_bytes (results_plan, (gsize) (cut - results_plan), "cut.pilote",
                                                   PL_READ_DEFAULT, &error);

      g_assert_null (plan);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "cut.pilote:"));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/plan-file/round-trip-example", "northwind-saas-2027.pilote", test_round_trip_example);
  g_test_add_data_func ("/plan-file/round-trip-example-fr", "tramontane-qhse-2027.pilote", test_round_trip_example);
  g_test_add_func ("/plan-file/not-ordinary", test_not_ordinary);
  g_test_add_func ("/plan-file/round-trip-default", test_round_trip_default);
  g_test_add_func ("/plan-file/round-trip-occurrences", test_round_trip_occurrences);
  g_test_add_func ("/plan-file/stale-occurrence-loads", test_stale_occurrence_loads);
  g_test_add_func ("/plan-file/unknown-kept", test_unknown_kept);
  g_test_add_func ("/plan-file/extension-without-declaration", test_extension_without_declaration);
  g_test_add_func ("/plan-file/spend-campaign", test_spend_campaign);
  g_test_add_func ("/plan-file/round-trip-scenarios", test_round_trip_scenarios);
  g_test_add_func ("/plan-file/spend-books", test_spend_books);
  g_test_add_func ("/plan-file/round-trip-results", test_round_trip_results);
  g_test_add_func ("/plan-file/results-refused", test_results_refused);
  g_test_add_func ("/plan-file/result-on-kpi", test_result_on_kpi);
  g_test_add_func ("/plan-file/results-truncated", test_results_truncated);
  g_test_add_func ("/plan-file/scenario-driver-keys", test_scenario_driver_keys);
  g_test_add_func ("/plan-file/empty-text", test_empty_text);
  g_test_add_func ("/plan-file/save-backup-and-modified", test_save_backup_and_modified);
  g_test_add_func ("/plan-file/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/plan-file/not-a-regular-file", test_not_a_regular_file);
  g_test_add_func ("/plan-file/full-disk", test_full_disk);
  g_test_add_func ("/plan-file/load-several", test_load_several);
  g_test_add_func ("/plan-file/read-only-folder", test_read_only_folder);
  g_test_add_func ("/plan-file/killed-while-saving", test_killed_while_saving);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing campaign results from CRM and analytics exports with a campaign column
 * (tests/data/results-import/): HubSpot's, Salesforce's and GA4's shapes in English, a French
 * CRM's, names as exports mangle them, codes, unmatched names rejected by line, a byte-order
 * mark and CRLF, a file cut inside a quoted field; applying is one undoable step that adds the
 * links it needs, and importing the same file again changes nothing. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "pl-error.h"
#include "pl-import-campaigns.h"
#include "pl-measurement-import.h"
#include "pl-plan-file.h"
#include "pl-plan-writer.h"

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "results-import", name, NULL);
}

static PlPlan *
load_plan (void)
{
  g_autofree char *path = fixture_path ("plan.pilote");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static char *
fixture (const char *name, gsize *length)
{
  g_autofree char *path = fixture_path (name);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, length, NULL));
  return text;
}

/* The preview of the fixture @name, which must read as a whole. */
static PlImportPreview *
preview_of (PlPlan *plan, const char *name, const PlImportOptions *options)
{
  gsize length;
  g_autofree char *text = fixture (name, &length);
  g_autoptr(GError) error = NULL;
  PlImportPreview *preview = pl_import_preview (plan, text, (gssize) length, options, &error);

  g_assert_no_error (error);
  return preview;
}

static guint32
month (int year, int m)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, (GDateMonth) m, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* The link of the campaign @campaign to the KPI @kpi (IDs), or NULL. */
static PlItem *
link_of (PlPlan *plan, const char *campaign, const char *kpi)
{
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);

  for (guint i = 0, n = g_list_model_get_n_items (links); i < n; i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);

      if (g_strcmp0 (pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN), campaign) == 0 &&
          g_strcmp0 (pl_item_get_string (link, PL_CAMPAIGN_KPI_KPI), kpi) == 0)
        return link;
    }
  return NULL;
}

/* What the campaign brought to the KPI in the month (NAN: nothing recorded). */
static double
result (PlPlan *plan, const char *campaign, const char *kpi, guint32 julian)
{
  PlItem *link = link_of (plan, campaign, kpi);
  const PlPoint *point = link ? pl_series_lookup (pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (link)), julian) : NULL;

  return point ? point->value : NAN;
}

/* The described changes of @preview, one a line. */
static char *
describe_all (PlPlan *plan, const PlImportPreview *preview)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < preview->changes->len; i++)
    {
      g_autofree char *line = pl_import_change_describe (plan, &g_array_index (preview->changes, PlImportChange, i));
      g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
notes_hold (const PlImportPreview *preview, const char *part)
{
  for (guint i = 0; preview->notes[i] != NULL; i++)
    if (strstr (preview->notes[i], part) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_hubspot (void)
{
  g_autoptr(PlPlan) plan = load_plan ();
  const char * const columns[] = { "New contacts=Leads", "Closed won deals=New customers", "Revenue", NULL };
  PlImportOptions options = { .kpi_columns = columns };
  g_autoptr(PlImportPreview) preview = preview_of (plan, "hubspot.csv", &options);
  g_autofree char *described = describe_all (plan, preview);
  guint n_links = pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  g_autoptr(GBytes) before = pl_plan_write_bytes (plan);

  g_assert_cmpint (preview->campaign_column, ==, 0);
  g_assert_cmpuint (preview->rejected->len, ==, 0);
  g_assert_cmpuint (preview->unmatched->len, ==, 0);
  g_assert_cmpuint (preview->n_not_campaign, ==, 0);
  g_assert_cmpstr (described, ==,
                   "Spring webinar → Leads, March 2027: 40 → 55\n"
                   "Spring webinar → New customers, March 2027: 3 (added)\n"
                   "Spring webinar → Revenue, March 2027: 4\u202f500 (added)\n"
                   "Spring webinar → Leads, April 2027: 30 (added)\n"
                   "Spring webinar → New customers, April 2027: 2 (added)\n"
                   "Spring webinar → Revenue, April 2027: 3\u202f000 (added)\n"
                   "Finance Summit → Leads, March 2027: 25 (added)\n"
                   "Finance Summit → New customers, March 2027: 1 (added)\n"
                   "Finance Summit → Revenue, March 2027: 12\u202f000 (added)\n"
                   "Trial retargeting → Leads, March 2027: 12 (added)\n"
                   "Trial retargeting → New customers, March 2027: 0 (added)\n"
                   "Trial retargeting → Revenue, March 2027: 0 (added)\n");
  /* The existing links are used; the others are listed as added, once each. */
  g_assert_cmpuint (preview->new_links->len, ==, 7);
  g_assert_cmpstr (pl_item_get_id (g_array_index (preview->new_links, PlImportLink, 0).campaign), ==, "cmp-webinar");
  g_assert_cmpstr (pl_item_get_id (g_array_index (preview->new_links, PlImportLink, 0).kpi), ==, "kpi-new-customers");
  g_assert_true (notes_hold (preview, "The column “Campaign name” names the campaigns"));
  g_assert_true (notes_hold (preview, "Spring webinar → New customers, Revenue; Finance Summit → New customers, Revenue; Trial retargeting → "));

  /* Not KPI measurements: Leads keeps its own March figure. */
  g_assert_cmpuint (pl_import_apply (plan, preview, "HubSpot"), ==, 12);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Import 12 Campaign Results");
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGN_KPIS), ==, n_links + 7);
  g_assert_cmpfloat (result (plan, "cmp-webinar", "kpi-leads", month (2027, 3)), ==, 55);
  g_assert_cmpfloat (result (plan, "cmp-summit", "kpi-revenue", month (2027, 3)), ==, 12000);
  g_assert_cmpfloat (pl_series_lookup (pl_kpi_get_measurements (PL_KPI (pl_plan_lookup (plan, "kpi-leads"))),
                                       month (2027, 3))->value, ==, 400);
  /* A link the import adds has no expected contribution. */
  g_assert_true (isnan (pl_item_get_double (link_of (plan, "cmp-summit", "kpi-revenue"), PL_CAMPAIGN_KPI_CONTRIBUTION)));
  g_assert_cmpstr (pl_series_lookup (pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (link_of (plan, "cmp-webinar", "kpi-leads"))),
                                     month (2027, 3))->source, ==, "HubSpot");

  /* One step: undo takes the results and the links back, byte for byte. */
  g_assert_true (pl_plan_undo (plan));
  g_assert_false (pl_plan_get_modified (plan));
  {
    g_autoptr(GBytes) after = pl_plan_write_bytes (plan);
    g_assert_true (g_bytes_equal (before, after));
  }
  g_assert_null (link_of (plan, "cmp-summit", "kpi-revenue"));
  g_assert_cmpfloat (result (plan, "cmp-webinar", "kpi-leads", month (2027, 3)), ==, 40);
  g_assert_true (pl_plan_redo (plan));
  g_assert_cmpfloat (result (plan, "cmp-summit", "kpi-revenue", month (2027, 3)), ==, 12000);

  /* The same file again: nothing to change, no link to add. */
  {
    g_autoptr(PlImportPreview) again = preview_of (plan, "hubspot.csv", &options);
    PlImportCounts counts = pl_import_changes_count (again->changes);

    g_assert_cmpuint (counts.added + counts.replaced, ==, 0);
    g_assert_cmpuint (counts.unchanged, ==, 12);
    g_assert_cmpuint (again->new_links->len, ==, 0);
    g_assert_cmpuint (pl_import_apply (plan, again, "HubSpot"), ==, 0);
    g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGN_KPIS), ==, n_links + 7);
  }
}

static void
test_salesforce (void)
{
  g_autoptr(PlPlan) plan = load_plan ();
  const char * const columns[] = { "Leads", "Won Opportunities=New customers", "Amount Won=Revenue", NULL };
  PlImportOptions options = { .kpi_columns = columns, .thousands = ',' };
  g_autoptr(PlImportPreview) by_name = preview_of (plan, "salesforce.csv", &options);
  g_autofree char *described = describe_all (plan, by_name);

  /* "Campaign Name" before "Campaign ID"; "March 2027" is the month. */
  g_assert_cmpint (by_name->campaign_column, ==, 0);
  g_assert_cmpuint (by_name->rejected->len, ==, 0);
  g_assert_true (g_str_has_prefix (described, "Spring webinar → Leads, March 2027: 40 → 55\n"
                                              "Spring webinar → New customers, March 2027: 3 (added)\n"
                                              "Spring webinar → Revenue, March 2027: 4\u202f500 (added)\n"
                                              "Finance Summit → Leads, March 2027: 25 (added)\n"));
  /* By the ID: only the summit carries its Salesforce ID as its code. */
  options.campaign_column = "Campaign ID";
  {
    g_autoptr(PlImportPreview) by_id = preview_of (plan, "salesforce.csv", &options);

    g_assert_cmpint (by_id->campaign_column, ==, 1);
    g_assert_cmpuint (by_id->changes->len, ==, 3);
    g_assert_cmpstr (pl_item_get_id (g_array_index (by_id->changes, PlImportChange, 0).campaign), ==, "cmp-summit");
    g_assert_cmpuint (by_id->rejected->len, ==, 2);
    g_assert_cmpstr (((PlImportRejection *) by_id->rejected->pdata[0])->message, ==,
                     "Row 2: no campaign is named or coded “7015g000000AbCdAAK”.");
    g_assert_cmpuint (by_id->unmatched->len, ==, 1);
    g_assert_cmpuint (g_array_index (by_id->unmatched, PlImportUnmatched, 0).n_rows, ==, 2);
  }
}

static void
test_ga4 (void)
{
  g_autoptr(PlPlan) plan = load_plan ();
  const char * const columns[] = { "Sessions", "Key events=Leads", "Total revenue=Revenue", NULL };
  PlImportOptions options = { .kpi_columns = columns };
  g_autoptr(PlImportPreview) preview = preview_of (plan, "ga4.csv", &options);
  g_autofree char *described = describe_all (plan, preview);

  /* Comment lines skipped; "Session campaign" holds the UTM campaign, the campaign's code;
   * the days of March add up into March. */
  g_assert_cmpint (preview->campaign_column, ==, 0);
  g_assert_cmpuint (preview->rejected->len, ==, 0);
  g_assert_cmpstr (described, ==,
                   "Spring webinar → Sessions, March 2027: 100 (added)\n"
                   "Spring webinar → Leads, March 2027: 40 → 5\n"
                   "Spring webinar → Revenue, March 2027: 1\u202f500 (added)\n");
  g_assert_cmpuint (g_array_index (preview->changes, PlImportChange, 0).n_rows, ==, 3);
  /* (not set), (direct), (organic), (referral): not from a campaign, not an error. */
  g_assert_cmpuint (preview->n_not_campaign, ==, 5);
  g_assert_true (notes_hold (preview, "5 rows are traffic from no campaign ((not set), (direct), (organic), (referral))"));
}

static void
test_french (void)
{
  g_autoptr(PlPlan) plan = load_plan ();
  const char * const columns[] = { "Leads", "Clients gagnés=New customers", "Chiffre d’affaires=Revenue", NULL };
  PlImportOptions options = { .kpi_columns = columns };
  g_autoptr(PlImportPreview) preview = preview_of (plan, "french.csv", &options);

  /* ";" and decimal commas with no option; "mars 2027" is March. */
  g_assert_cmpint (preview->delimiter, ==, ';');
  g_assert_cmpint (preview->campaign_column, ==, 0);
  g_assert_cmpuint (preview->rejected->len, ==, 0);
  g_assert_cmpuint (preview->changes->len, ==, 9);
  {
    const PlImportChange *revenue = &g_array_index (preview->changes, PlImportChange, 2);

    g_assert_cmpstr (pl_item_get_id (revenue->campaign), ==, "cmp-printemps");
    g_assert_cmpstr (pl_item_get_id (revenue->item), ==, "kpi-revenue");
    g_assert_cmpuint (revenue->period, ==, month (2027, 3));
    g_assert_cmpfloat (revenue->value, ==, 3500.5);
    g_assert_cmpuint (g_array_index (preview->changes, PlImportChange, 8).period, ==, month (2027, 4));
  }
  /* A KPI-only import of the same file reads no campaign column. */
  options.no_campaign = TRUE;
  {
    g_autoptr(GError) error = NULL;
    gsize length;
    g_autofree char *text = fixture ("french.csv", &length);
    g_autoptr(PlImportPreview) kpis = pl_import_preview (plan, text, (gssize) length, &options, &error);

    g_assert_no_error (error);
    g_assert_cmpint (kpis->campaign_column, ==, -1);
    g_assert_null (g_array_index (kpis->changes, PlImportChange, 0).campaign);
    /* Two campaigns in March are two values for one KPI on one date. */
    g_assert_cmpuint (kpis->n_rejected_rows, ==, 1);
  }
}

static void
test_names (void)
{
  g_autoptr(PlPlan) plan = load_plan ();
  PlImportOptions options = { 0 };
  g_autoptr(PlImportPreview) preview = preview_of (plan, "names.csv", &options);
  static const char * const expected[] = { "cmp-webinar", "cmp-summit", "cmp-retargeting", "cmp-printemps" };

  /* Case, spaces around and repeated (no-break spaces too), quotes around: undone. */
  g_assert_cmpuint (preview->rejected->len, ==, 0);
  g_assert_cmpuint (preview->changes->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (pl_item_get_id (g_array_index (preview->changes, PlImportChange, i).campaign), ==, expected[i]);
  {
    g_autofree char *key = pl_import_campaign_key ("  «\u00a0Spring\t webinar » ");
    g_assert_cmpstr (key, ==, "spring webinar");
  }
  g_assert_true (pl_import_is_not_campaign (" (Not Set) "));
  g_assert_true (pl_import_is_not_campaign (""));
  g_assert_false (pl_import_is_not_campaign ("(spring)"));
}

static void
test_codes (void)
{
  g_autoptr(PlPlan) plan = load_plan ();
  PlImportOptions options = { 0 };
  g_autoptr(PlImportPreview) preview = preview_of (plan, "codes.csv", &options);
  g_autofree char *described = describe_all (plan, preview);

  /* By code, in any case; a weekly KPI takes the campaign's results by month. */
  g_assert_cmpuint (preview->rejected->len, ==, 0);
  g_assert_cmpstr (described, ==,
                   "Spring webinar → Leads, April 2027: 30 (added)\n"
                   "Spring webinar → Sign-ups, April 2027: 12 (added)\n"
                   "Finance Summit → Leads, April 2027: 20 (added)\n"
                   "Finance Summit → Sign-ups, April 2027: 5 (added)\n"
                   "Campagne de printemps → Leads, April 2027: 9 (added)\n"
                   "Campagne de printemps → Sign-ups, April 2027: 4 (added)\n");
  g_assert_nonnull (g_array_index (preview->changes, PlImportChange, 0).link);
  g_assert_null (g_array_index (preview->changes, PlImportChange, 1).link);
}

static void
test_unmatched (void)
{
  g_autoptr(PlPlan) plan = load_plan ();
  PlImportOptions options = { 0 };
  g_autoptr(PlImportPreview) preview = preview_of (plan, "unmatched.csv", &options);
  g_autofree char *text = pl_import_unmatched_text (preview);
  static const char * const reasons[] = {
    "Row 3: no campaign is named or coded “Spring promo”.",
    "Row 4: no campaign is named or coded “Spring webinars”.",
    "Row 5: no campaign is named or coded “spring promo”.",
    "Row 8: “Newsletter” names several campaigns: give each its own code, and export the codes.",
  };

  g_assert_cmpuint (preview->rejected->len, ==, G_N_ELEMENTS (reasons));
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    g_assert_cmpstr (((PlImportRejection *) preview->rejected->pdata[i])->message, ==, reasons[i]);
  /* Each name once, with its rows; the empty cell and (not set) are no campaign's. */
  g_assert_cmpuint (preview->unmatched->len, ==, 2);
  g_assert_cmpstr (g_array_index (preview->unmatched, PlImportUnmatched, 0).name, ==, "Spring promo");
  g_assert_cmpuint (g_array_index (preview->unmatched, PlImportUnmatched, 0).n_rows, ==, 2);
  g_assert_cmpuint (g_array_index (preview->unmatched, PlImportUnmatched, 0).first_row, ==, 3);
  g_assert_cmpstr (text, ==, "No campaign of the plan is named or coded as “Spring promo” (2 rows, from row 3), "
                             "“Spring webinars” (row 4): correct the names in the file, or give the campaigns these "
                             "names or codes.");
  g_assert_cmpuint (preview->n_not_campaign, ==, 2);
  g_assert_true (notes_hold (preview, "2 rows are traffic from no campaign ((not set), empty)"));
  g_assert_cmpuint (preview->changes->len, ==, 1);
}

static void
test_bom_crlf (void)
{
  g_autoptr(PlPlan) plan = load_plan ();
  const char * const columns[] = { "New contacts=Leads", "Revenue", NULL };
  PlImportOptions options = { .kpi_columns = columns };
  g_autoptr(PlImportPreview) preview = preview_of (plan, "bom-crlf.csv", &options);

  g_assert_cmpstr (preview->header[0], ==, "Campaign name");
  g_assert_cmpint (preview->campaign_column, ==, 0);
  g_assert_cmpuint (preview->rejected->len, ==, 0);
  g_assert_cmpuint (preview->changes->len, ==, 4);
  g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 3).value, ==, 12000);
}

static void
test_truncated (void)
{
  g_autoptr(PlPlan) plan = load_plan ();
  gsize length;
  g_autofree char *text = fixture ("truncated.csv", &length);
  PlImportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportPreview) preview = pl_import_preview (plan, text, (gssize) length, &options, &error);

  g_assert_null (preview);
  g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
  g_assert_cmpstr (error->message, ==, "The quoted field opened on line 3 is never closed.");
}

static void
test_columns (void)
{
  g_autoptr(PlPlan) plan = load_plan ();
  static const struct { const char *header; int column; } guesses[] = {
    { "Date,Campaign,Leads", 1 }, { "Campaign ID,Campaign Name,Month,Leads", 1 },
    { "Session campaign name,Date,Sessions", 0 }, { "First user campaign,Date,Sessions", 0 },
    { "utm_campaign,Date,Leads", 0 }, { "Mois;Nom de la campagne;Leads", 1 },
    { "Campagne de session,Date,Sessions", 0 }, { "Date,Leads,Campaign type", -1 },
  };
  const char * const wrong[][2] = {
    { "Source", "The file has no column “Source” for the campaigns." },
    { "Date", "The column “Date” holds the dates, not the campaigns." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (guesses); i++)
    {
      g_auto(GStrv) header = g_strsplit_set (guesses[i].header, ",;", -1);
      g_assert_cmpint (pl_import_guess_campaign_column (header), ==, guesses[i].column);
    }
  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      PlImportOptions options = { .campaign_column = wrong[i][0] };
      g_autoptr(GError) error = NULL;
      g_autoptr(PlImportPreview) preview = pl_import_preview (plan, "Campaign name,Date,Leads\nSpring webinar,2027-03-01,5\n",
                                                              -1, &options, &error);
      g_assert_null (preview);
      g_assert_cmpstr (error->message, ==, wrong[i][1]);
    }
  /* Chosen by number; a column list naming it is refused. */
  {
    const char * const columns[] = { "Campaign name", NULL };
    PlImportOptions options = { .campaign_column = "1" };
    g_autoptr(GError) error = NULL;
    g_autoptr(PlImportPreview) preview = pl_import_preview (plan, "Campaign name,Date,Leads\nSpring webinar,2027-03-01,5\n",
                                                            -1, &options, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (preview->changes->len, ==, 1);
    g_clear_pointer (&preview, pl_import_preview_free);
    options.kpi_columns = columns;
    preview = pl_import_preview (plan, "Campaign name,Date,Leads\nSpring webinar,2027-03-01,5\n", -1, &options, &error);
    g_assert_null (preview);
    g_assert_cmpstr (error->message, ==, "The column “Campaign name” names the campaigns, not a KPI.");
  }
}

/* Daily rows of one campaign in one month add up (Leads sums); a second row on the same day
 * is refused as in the KPI import; a formula KPI takes no results. */
static void
test_rules (void)
{
  g_autoptr(PlPlan) plan = load_plan ();
  PlImportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportPreview) preview =
    pl_import_preview (plan,
                       "Campaign,Date,Leads,Cost per lead\n"
                       "Spring webinar,2027-04-01,5,\n"
                       "Spring webinar,2027-04-02,7,\n"
                       "Finance Summit,2027-04-01,1,\n"
                       "Spring webinar,2027-04-02,8,\n"
                       "Finance Summit,2027-04-30,2,30\n",
                       -1, &options, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (preview->changes->len, ==, 2);
  g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 0).value, ==, 12);
  g_assert_cmpuint (g_array_index (preview->changes, PlImportChange, 0).n_rows, ==, 2);
  g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 1).value, ==, 3);
  g_assert_cmpuint (preview->rejected->len, ==, 2);
  g_assert_cmpstr (((PlImportRejection *) preview->rejected->pdata[0])->message, ==,
                   "Row 5: a second value for “Spring webinar → Leads” on the same date (row 3 has one).");
  g_assert_cmpstr (((PlImportRejection *) preview->rejected->pdata[1])->message, ==,
                   "Row 6: “Cost per lead” is computed from its formula; import the KPIs it is computed from.");
}

/* Money as CRMs write it in a currency KPI's column: Salesforce's "€12,345.00", a French
 * Excel's "1 234,50 €", "4 500 EUR"; a symbol in a count's column is still refused. */
static void
test_money (void)
{
  g_autoptr(PlPlan) plan = load_plan ();
  g_autoptr(GError) error = NULL;
  const char * const columns[] = { "Value Won=Revenue", "Leads", NULL };
  PlImportOptions options = { .kpi_columns = columns, .thousands = ',' };
  g_autoptr(PlImportPreview) english =
    pl_import_preview (plan,
                       "Campaign Name,Month,Leads,Value Won\n"
                       "Spring webinar,March 2027,55,\"€12,345.00\"\n"
                       "Finance Summit,March 2027,€25,\"$1,000.00\"\n",
                       -1, &options, &error);
  g_autoptr(PlImportPreview) french = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (english->rejected->len, ==, 1);
  g_assert_cmpstr (((PlImportRejection *) english->rejected->pdata[0])->message, ==,
                   "Row 3: “€25” is not a number in this file’s format.");
  g_assert_cmpfloat (g_array_index (english->changes, PlImportChange, 1).value, ==, 12345);
  g_assert_cmpfloat (g_array_index (english->changes, PlImportChange, 2).value, ==, 1000);

  options = (PlImportOptions) { .kpi_columns = (const char * const[]) { "CA=Revenue", NULL } };
  french = pl_import_preview (plan,
                              "Campagne;Mois;CA\n"
                              "Campagne de printemps;mars 2027;1 234,50 €\n"
                              "Salon Industrie Lyon;mars 2027;4 500 EUR\n",
                              -1, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (french->rejected->len, ==, 0);
  g_assert_cmpfloat (g_array_index (french->changes, PlImportChange, 0).value, ==, 1234.5);
  g_assert_cmpfloat (g_array_index (french->changes, PlImportChange, 1).value, ==, 4500);
}

/* HubSpot's quoted "1,234": the thousands separator guessed as the window's import guesses
 * it, so that the command line reads the export without --thousands; never from numbers
 * that could be decimals. */
static void
test_guess_thousands (void)
{
  g_autoptr(PlPlan) plan = load_plan ();
  const char * const columns[] = { "New contacts=Leads", "Revenue", NULL };
  PlImportOptions options = { .kpi_columns = columns };
  const char *hubspot = "\"Campaign name\",\"Date\",\"New contacts\",\"Revenue\"\n"
                        "\"Spring webinar\",\"2027-03-01\",\"1,025\",\"4,500.50\"\n"
                        "\"Finance Summit\",\"2027-03-01\",\"25\",\"12,000\"\n";
  const char *decimals = "Campaign;Date;New contacts;Revenue\nSpring webinar;2027-03-01;12;4,5\n";

  g_assert_cmpint (pl_import_guess_thousands (plan, hubspot, -1, &options), ==, ',');
  g_assert_cmpint (pl_import_guess_thousands (plan, decimals, -1, &options), ==, 0);
  g_assert_cmpint (pl_import_guess_thousands (plan, "Campaign,Date,Revenue\nSpring webinar,2027-03-01,4500\n", -1,
                                              &options), ==, 0);
  /* French: "1.234,50" groups with dots. */
  g_assert_cmpint (pl_import_guess_thousands (plan, "Campagne;Mois;Leads;Revenue\nCampagne de printemps;mars 2027;2;1.234,50\n",
                                              -1, &(PlImportOptions) { 0 }), ==, '.');
}

int
main (int argc, char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/results-import/hubspot", test_hubspot);
  g_test_add_func ("/results-import/salesforce", test_salesforce);
  g_test_add_func ("/results-import/ga4", test_ga4);
  g_test_add_func ("/results-import/french", test_french);
  g_test_add_func ("/results-import/names", test_names);
  g_test_add_func ("/results-import/codes", test_codes);
  g_test_add_func ("/results-import/unmatched", test_unmatched);
  g_test_add_func ("/results-import/bom-crlf", test_bom_crlf);
  g_test_add_func ("/results-import/truncated", test_truncated);
  g_test_add_func ("/results-import/columns", test_columns);
  g_test_add_func ("/results-import/rules", test_rules);
  g_test_add_func ("/results-import/money", test_money);
  g_test_add_func ("/results-import/guess-thousands", test_guess_thousands);
  return g_test_run ();
}

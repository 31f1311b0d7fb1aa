/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pilote-cli import with a campaign column (issue 25) as a script sees it: --campaign-column
 * and its guess, --dry-run listing the campaign results and the rejected rows, unmatched names
 * by line, the exit statuses of `import` (0 done, 1 nothing saved, 2 a wrong command line,
 * 3 saved with rows left out), the plan untouched whenever nothing is saved, a second run that
 * changes nothing, and the same in French. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "../pl-test-scratch.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* pilote-cli import with @args (NULL-terminated), in French when @french. */
static void
import (Result *result, gboolean french, const char * const *args)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_auto(GStrv) command = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_strv_builder_add (argv, g_getenv ("PILOTE_CLI"));
  g_strv_builder_add (argv, "import");
  g_strv_builder_addv (argv, (const char **) args);
  command = g_strv_builder_end (argv);
  if (french)
    {
      env = g_environ_setenv (env, "LANGUAGE", "fr", TRUE);
      env = g_environ_setenv (env, "LC_ALL", "fr_FR.UTF-8", TRUE);
    }
  g_assert_true (g_spawn_sync (NULL, command, env, G_SPAWN_DEFAULT, NULL, NULL, &result->out, &result->err,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

static char *
data (const char *name)
{
  return g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", "results-import", name, NULL);
}

/* A copy of the fixtures' plan in a new folder; *@original gets its bytes. */
static char *
copy_plan (char **original)
{
  g_autofree char *source = data ("plan.pilote");
  g_autofree char *dir = pl_test_scratch_make ("pilote-cli-results-XXXXXX");
  char *plan = g_build_filename (dir, "plan.pilote", NULL);
  gsize length;

  g_assert_true (g_file_get_contents (source, original, &length, NULL));
  g_assert_true (g_file_set_contents (plan, *original, (gssize) length, NULL));
  return plan;
}

static void
assert_file_is (const char *path, const char *expected)
{
  g_autofree char *now = NULL;

  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, expected);
}

static void
remove_plan (const char *plan)
{
  g_autofree char *dir = g_path_get_dirname (plan);
  g_autofree char *backup = g_strconcat (plan, "~", NULL);

  g_remove (backup);
  g_remove (plan);
  g_rmdir (dir);
}

/* --dry-run lists each result, old → new, and writes nothing; then the import does, and a
 * second one changes nothing. */
static void
test_dry_run_then_import (void)
{
  g_autofree char *original = NULL;
  g_autofree char *plan = copy_plan (&original);
  g_autofree char *hubspot = data ("hubspot.csv");
  const char *columns = "New contacts=Leads,Revenue";

  {
    g_auto(Result) result = { 0 };
    import (&result, FALSE, (const char *[]) { plan, hubspot, "--kpi-columns", columns, "--dry-run", NULL });
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.out, ==,
                     "The column “Campaign name” names the campaigns: its values are imported as the campaigns’ "
                     "results by month, not as the KPIs’ measurements.\n"
                     "Importing attaches campaigns to KPIs they were not attached to, with no expected contribution: "
                     "Spring webinar → Revenue; Finance Summit → Revenue; Trial retargeting → Leads, Revenue.\n"
                     "Spring webinar → Leads, March 2027: 40 → 55\n"
                     "Spring webinar → Revenue, March 2027: 4\u202f500 (added)\n"
                     "Spring webinar → Leads, April 2027: 30 (added)\n"
                     "Spring webinar → Revenue, April 2027: 3\u202f000 (added)\n"
                     "Finance Summit → Leads, March 2027: 25 (added)\n"
                     "Finance Summit → Revenue, March 2027: 12\u202f000 (added)\n"
                     "Trial retargeting → Leads, March 2027: 12 (added)\n"
                     "Trial retargeting → Revenue, March 2027: 0 (added)\n"
                     "Would import: 7 values added, 1 replaced, 0 unchanged.\n");
    assert_file_is (plan, original);
  }
  {
    g_auto(Result) result = { 0 };
    g_autofree char *saved = NULL;

    import (&result, FALSE, (const char *[]) { plan, hubspot, "--kpi-columns", columns, "--source", "HubSpot", NULL });
    g_assert_cmpint (result.status, ==, 0);
    g_assert_nonnull (strstr (result.out, "7 values added, 1 replaced, 0 unchanged"));
    g_assert_true (g_file_get_contents (plan, &saved, NULL, NULL));
    g_assert_nonnull (strstr (saved, "<result period=\"2027-03-01\" value=\"55\" source=\"HubSpot\"/>"));
    g_assert_nonnull (strstr (saved, "campaign=\"cmp-summit\" kpi=\"kpi-revenue\">"));
  }
  {
    g_auto(Result) result = { 0 };
    g_autofree char *before = NULL;

    g_assert_true (g_file_get_contents (plan, &before, NULL, NULL));
    import (&result, FALSE, (const char *[]) { plan, hubspot, "--kpi-columns", columns, NULL });
    g_assert_cmpint (result.status, ==, 0);
    g_assert_nonnull (strstr (result.out, "0 values added, 0 replaced, 8 unchanged"));
    assert_file_is (plan, before);
  }
  remove_plan (plan);
}

/* Unmatched names: each rejected row by its line, then the names once with their rows; exit 1
 * and nothing saved, or 3 and the rest saved with --keep-going. */
static void
test_unmatched (void)
{
  g_autofree char *original = NULL;
  g_autofree char *plan = copy_plan (&original);
  g_autofree char *unmatched = data ("unmatched.csv");

  {
    g_auto(Result) result = { 0 };
    g_autofree char *expected = g_strdup_printf (
      "%1$s:3: no campaign is named or coded “Spring promo”.\n"
      "%1$s:4: no campaign is named or coded “Spring webinars”.\n"
      "%1$s:5: no campaign is named or coded “spring promo”.\n"
      "%1$s:8: “Newsletter” names several campaigns: give each its own code, and export the codes.\n"
      "%1$s: No campaign of the plan is named or coded as “Spring promo” (2 rows, from row 3), “Spring webinars” "
      "(row 4): correct the names in the file, or give the campaigns these names or codes.\n",
      unmatched);

    import (&result, FALSE, (const char *[]) { plan, unmatched, "--dry-run", NULL });
    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpstr (result.err, ==, expected);
    /* The dry run still lists what reads. */
    g_assert_nonnull (strstr (result.out, "2 rows are traffic from no campaign ((not set), empty)"));
    g_assert_nonnull (strstr (result.out, "Spring webinar → Leads, March 2027: 40 → 55\n"));
    g_assert_nonnull (strstr (result.out, "4 rows rejected: nothing imported"));
    assert_file_is (plan, original);
  }
  {
    g_auto(Result) result = { 0 };
    import (&result, FALSE, (const char *[]) { plan, unmatched, NULL });
    g_assert_cmpint (result.status, ==, 1);
    assert_file_is (plan, original);
  }
  {
    g_auto(Result) result = { 0 };
    g_autofree char *saved = NULL;

    import (&result, FALSE, (const char *[]) { plan, unmatched, "--keep-going", NULL });
    g_assert_cmpint (result.status, ==, 3);
    g_assert_nonnull (strstr (result.out, "4 rows rejected and left out."));
    g_assert_true (g_file_get_contents (plan, &saved, NULL, NULL));
    g_assert_nonnull (strstr (saved, "<result period=\"2027-03-01\" value=\"55\""));
  }
  remove_plan (plan);
}

/* --campaign-column by name or number; a wrong command line is 2, a column the file has not 1;
 * --no-campaign-column reads KPI measurements. */
static void
test_options (void)
{
  g_autofree char *original = NULL;
  g_autofree char *plan = copy_plan (&original);
  g_autofree char *salesforce = data ("salesforce.csv");
  g_autofree char *codes = data ("codes.csv");
  const char *columns = "Leads,Won Opportunities=New customers,Amount Won=Revenue";

  {
    g_auto(Result) result = { 0 };
    import (&result, FALSE, (const char *[]) { plan, salesforce, "--kpi-columns", columns, "--thousands", ",",
                                               "--campaign-column", "Campaign ID", "-n", NULL });
    /* Only the summit has its Salesforce ID as its code. */
    g_assert_cmpint (result.status, ==, 1);
    g_assert_nonnull (strstr (result.err, "salesforce.csv:2: no campaign is named or coded “7015g000000AbCdAAK”.\n"));
    g_assert_nonnull (strstr (result.out, "Finance Summit → Revenue, March 2027: 12\u202f000 (added)\n"));
  }
  {
    g_auto(Result) result = { 0 };
    import (&result, FALSE, (const char *[]) { plan, salesforce, "--kpi-columns", columns, "--thousands", ",",
                                               "--campaign-column", "1", "-n", NULL });
    g_assert_cmpint (result.status, ==, 0);
    g_assert_nonnull (strstr (result.out, "Would import: 8 values added, 1 replaced, 0 unchanged.\n"));
  }
  {
    g_auto(Result) result = { 0 };
    import (&result, FALSE, (const char *[]) { plan, codes, "--campaign-column", "Source", NULL });
    g_assert_cmpint (result.status, ==, 1);
    g_assert_nonnull (strstr (result.err, "The file has no column “Source” for the campaigns."));
  }
  {
    g_auto(Result) result = { 0 };
    import (&result, FALSE, (const char *[]) { plan, codes, "--campaign-column", "utm_campaign", "--no-campaign-column", NULL });
    g_assert_cmpint (result.status, ==, 2);
    g_assert_nonnull (strstr (result.err, "Give either --campaign-column or --no-campaign-column."));
  }
  {
    /* Measurements of Leads: three campaigns on one date are three values for one day. */
    g_auto(Result) result = { 0 };
    import (&result, FALSE, (const char *[]) { plan, codes, "--no-campaign-column", "-n", NULL });
    g_assert_cmpint (result.status, ==, 1);
    g_assert_null (strstr (result.out, "names the campaigns"));
    g_assert_nonnull (strstr (result.err, "a second value for “Leads” on the same date"));
  }
  {
    g_auto(Result) result = { 0 };
    import (&result, FALSE, (const char *[]) { "--help", NULL });
    g_assert_cmpint (result.status, ==, 0);
    g_assert_nonnull (strstr (result.out, "--campaign-column"));
    g_assert_nonnull (strstr (result.out, "--no-campaign-column"));
  }
  assert_file_is (plan, original);
  remove_plan (plan);
}

/* A French CRM's export, in French: ";" and decimal commas, "mars 2027". */
static void
test_french (void)
{
  g_autofree char *original = NULL;
  g_autofree char *plan = copy_plan (&original);
  g_autofree char *french = data ("french.csv");
  g_auto(Result) result = { 0 };

  import (&result, TRUE, (const char *[]) { plan, french, "--kpi-columns",
                                            "Leads,Clients gagnés=New customers,Chiffre d’affaires=Revenue", "-n", NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_nonnull (strstr (result.out, "Campagne de printemps → Leads, mars 2027\u202f: 42 (ajoutée)\n"));
  g_assert_nonnull (strstr (result.out, "Campagne de printemps → Leads, avril 2027\u202f: 30 (ajoutée)\n"));
  assert_file_is (plan, original);
  remove_plan (plan);
}

/* Salesforce's "4,500.00" reads without --thousands, as in the window's import, which says
 * so; --thousands none keeps the old reading, which refuses it. */
static void
test_thousands_guessed (void)
{
  g_autofree char *original = NULL;
  g_autofree char *plan = copy_plan (&original);
  g_autofree char *salesforce = data ("salesforce.csv");
  const char *columns = "Leads,Won Opportunities=New customers,Amount Won=Revenue";

  {
    g_auto(Result) result = { 0 };
    import (&result, FALSE, (const char *[]) { plan, salesforce, "--kpi-columns", columns, "-n", NULL });
    g_assert_cmpint (result.status, ==, 0);
    g_assert_nonnull (strstr (result.out, "The thousands separator is “,”, as the file’s numbers need it (--thousands to choose another).\n"));
    g_assert_nonnull (strstr (result.out, "Finance Summit → Revenue, March 2027: 12\u202f000 (added)\n"));
  }
  {
    g_auto(Result) result = { 0 };
    import (&result, FALSE, (const char *[]) { plan, salesforce, "--kpi-columns", columns, "--thousands", "none",
                                               "-n", NULL });
    g_assert_cmpint (result.status, ==, 1);
    g_assert_nonnull (strstr (result.err, "salesforce.csv:2: “4,500.00” is not a number in this file’s format.\n"));
  }
  assert_file_is (plan, original);
}

/* Every row rejected: --keep-going would import nothing, so it is not offered. */
static void
test_nothing_reads (void)
{
  g_autofree char *original = NULL;
  g_autofree char *plan = copy_plan (&original);
  g_autofree char *dir = g_path_get_dirname (plan);
  g_autofree char *ids = g_build_filename (dir, "ids.csv", NULL);
  g_auto(Result) result = { 0 };

  g_assert_true (g_file_set_contents (ids, "Campaign,Date,Leads\n70150001,2027-03-01,5\n12345,2027-03-01,7\n", -1, NULL));
  import (&result, FALSE, (const char *[]) { plan, ids, "-n", NULL });
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.out, "2 rows rejected: nothing imported.\n"));
  g_assert_null (strstr (result.out, "--keep-going"));
  assert_file_is (plan, original);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-import-results/dry-run-then-import", test_dry_run_then_import);
  g_test_add_func ("/cli-import-results/unmatched", test_unmatched);
  g_test_add_func ("/cli-import-results/options", test_options);
  g_test_add_func ("/cli-import-results/french", test_french);
  g_test_add_func ("/cli-import-results/thousands-guessed", test_thousands_guessed);
  g_test_add_func ("/cli-import-results/nothing-reads", test_nothing_reads);
  return g_test_run ();
}

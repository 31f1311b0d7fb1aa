/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pilote-cli import-budget as a script sees it: the preview's words, the exit statuses of
 * `import` (0 done, 1 nothing saved, 2 a wrong command line, 3 saved with rows left out), the
 * plan file untouched whenever nothing is saved, and the same in French. */
#include <gio/gio.h>
#include <string.h>

/* What a run said and how it ended. */
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

/* pilote-cli import-budget with @args (NULL-terminated), in @language (NULL: the test's). */
static void
import_budget (Result *result, const char *language, const char * const *args)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_auto(GStrv) command = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_strv_builder_add (argv, g_getenv ("PILOTE_CLI"));
  g_strv_builder_add (argv, "import-budget");
  g_strv_builder_addv (argv, (const char **) args);
  command = g_strv_builder_end (argv);
  if (language != NULL)
    {
      env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
      env = g_environ_setenv (env, "LC_ALL", "fr_FR.UTF-8", TRUE);
    }
  g_assert_true (g_spawn_sync (NULL, command, env, G_SPAWN_DEFAULT, NULL, NULL, &result->out, &result->err,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

static char *
sheet (const char *name)
{
  return g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", "sheets", name, NULL);
}

/* A copy of the example plan in a new folder; *@original gets its bytes. */
static char *
copy_example (char **original)
{
  g_autofree char *source = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                              "northwind-saas-2027.pilote", NULL);
  g_autofree char *dir = g_dir_make_tmp ("pilote-cli-budget-XXXXXX", NULL);
  char *plan = g_build_filename (dir, "plan.pilote", NULL);
  gsize length;

  g_assert_true (g_file_get_contents (source, original, &length, NULL));
  g_assert_true (g_file_set_contents (plan, *original, (gssize) length, NULL));
  return plan;
}

static char *
contents (const char *path)
{
  char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_dry_run_then_import (void)
{
  g_autofree char *original = NULL;
  g_autofree char *plan = copy_example (&original);
  g_autofree char *xlsx = sheet ("budget-lo.xlsx");
  g_autofree char *ods = sheet ("budget-lo.ods");

  {
    g_auto(Result) run = { 0 };
    g_autofree char *after = NULL;

    import_budget (&run, NULL, (const char *[]) { plan, xlsx, "--dry-run", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_nonnull (strstr (run.out, "Sheet “Budget 2027” (the workbook has Budget 2027, Révision T1).\nHeader: row 4.\n"
                                       "  Column A “Catégorie”: categories\n  Column B “Poste”: line names\n"
                                       "  Columns C to N (“janvier” to “décembre”): January 2027 to December 2027\n"
                                       "  Column O “Total”: total (checked, not imported)\n"));
    g_assert_nonnull (strstr (run.out, "Row 8: “Sous-total Digital marketing” is a total, left out.\n"));
    g_assert_nonnull (strstr (run.out, "New category: “Partenariats”.\n"));
    g_assert_nonnull (strstr (run.out, "Row 6: “GOOGLE ADS - Search”: January 2027 to December 2027: 20\u202f000\u00a0EUR → "
                                       "22\u202f000\u00a0EUR\n"));
    g_assert_nonnull (strstr (run.out, "Row 7: “Intent data” unchanged (The sheet’s total, 18\u202f500\u00a0EUR, is not the "
                                       "sum of its months, 18\u202f000\u00a0EUR.)\n"));
    g_assert_true (g_str_has_suffix (run.out, "Would import: 2 lines new, 1 changed, 3 unchanged, 0 rows skipped.\n"));
    after = contents (plan);
    g_assert_cmpstr (after, ==, original);
  }
  {
    g_auto(Result) run = { 0 };
    g_auto(Result) again = { 0 };
    g_autofree char *after = NULL, *after_again = NULL;

    import_budget (&run, NULL, (const char *[]) { plan, ods, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Row 10: “Salon CFO Paris” new, in Event management: 20\u202f000\u00a0EUR over 2 months\n"));
    g_assert_null (strstr (run.out, "“LinkedIn Ads – finance audiences” unchanged"));
    g_assert_true (g_str_has_suffix (run.out, ": 2 lines new, 1 changed, 3 unchanged, 0 rows skipped.\n"));
    after = contents (plan);
    g_assert_nonnull (strstr (after, "name=\"Salon CFO Paris\""));
    g_assert_nonnull (strstr (after, "name=\"Partenariats\""));
    /* The same sheet again changes nothing, and the file is not written. */
    import_budget (&again, NULL, (const char *[]) { plan, xlsx, NULL });
    g_assert_cmpint (again.status, ==, 0);
    g_assert_true (g_str_has_suffix (again.out, ": 0 lines new, 0 changed, 6 unchanged, 0 rows skipped.\n"));
    after_again = contents (plan);
    g_assert_cmpstr (after_again, ==, after);
  }
}

static void
test_statuses (void)
{
  g_autofree char *original = NULL;
  g_autofree char *plan = copy_example (&original);
  g_autofree char *openpyxl = sheet ("budget-openpyxl.xlsx");
  g_autofree char *truncated = sheet ("truncated.xlsx");
  g_autofree char *ods = sheet ("budget-lo.ods");

  {
    /* Rows that cannot be read: said on stderr, nothing saved. */
    g_auto(Result) run = { 0 };
    g_autofree char *skipped = g_strdup_printf ("%s: Row 15: “Refund from agency” skipped, “(500)” in February 2027 is "
                                                "negative, and a budget plans no credits.\n%s: Row 16: “Martech "
                                                "subscriptions” skipped, “n/a” in January 2027 is not an amount.\n",
                                                openpyxl, openpyxl);
    g_autofree char *after = NULL;

    import_budget (&run, NULL, (const char *[]) { plan, openpyxl, NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, skipped);
    g_assert_true (g_str_has_suffix (run.out, "2 rows skipped: nothing imported (--keep-going imports the 4 lines that read).\n"));
    after = contents (plan);
    g_assert_cmpstr (after, ==, original);
  }
  {
    g_auto(Result) run = { 0 };
    g_autofree char *after = NULL;

    import_budget (&run, NULL, (const char *[]) { plan, openpyxl, "--keep-going", "--dry-run", NULL });
    g_assert_cmpint (run.status, ==, 3);
    after = contents (plan);
    g_assert_cmpstr (after, ==, original);
  }
  {
    g_auto(Result) run = { 0 };
    g_autofree char *after = NULL;

    import_budget (&run, NULL, (const char *[]) { plan, openpyxl, "--keep-going", NULL });
    g_assert_cmpint (run.status, ==, 3);
    g_assert_true (g_str_has_suffix (run.out, ": 2 lines new, 2 changed, 3 unchanged, 2 rows skipped.\n"));
    after = contents (plan);
    g_assert_nonnull (strstr (after, "name=\"Co-marketing avec Sage\""));
  }
  {
    g_auto(Result) run = { 0 };

    import_budget (&run, NULL, (const char *[]) { plan, ods, "--sheet", "révision t1", "--dry-run", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_suffix (run.out, "Would import: 0 lines new, 1 changed, 0 unchanged, 0 rows skipped.\n"));
  }
  {
    g_auto(Result) run = { 0 };
    g_autofree char *said = g_strdup_printf ("%s: There is no sheet “Budget 2028” in this workbook; it has Budget 2027, "
                                             "Révision T1.\n", ods);

    import_budget (&run, NULL, (const char *[]) { plan, ods, "--sheet", "Budget 2028", NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, said);
  }
  {
    g_auto(Result) run = { 0 };

    import_budget (&run, NULL, (const char *[]) { plan, truncated, NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "The spreadsheet is damaged or incomplete"));
  }
  {
    g_auto(Result) run = { 0 };

    import_budget (&run, NULL, (const char *[]) { plan, NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "Name the plan file and the sheet file."));
  }
}

/* The preview in French, the same figures. */
static void
test_french (void)
{
  g_autofree char *original = NULL;
  g_autofree char *plan = copy_example (&original);
  g_autofree char *csv = sheet ("budget-fr.csv");
  g_auto(Result) run = { 0 };

  import_budget (&run, "fr", (const char *[]) { plan, csv, "--dry-run", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Ligne 5\u202f: «\u00a0Sous-total Digital marketing\u00a0» est un total, laissé de côté.\n"));
  g_assert_nonnull (strstr (run.out, "«\u00a0Salon CFO Paris\u00a0» nouvelle, dans Event management\u202f: "
                                     "20\u202f000\u00a0€ sur 2 mois\n"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/import-budget/dry-run-then-import", test_dry_run_then_import);
  g_test_add_func ("/cli/import-budget/statuses", test_statuses);
  g_test_add_func ("/cli/import-budget/french", test_french);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pilote-cli import-budget as a script sees it: the preview's words, the exit statuses of
 * `import` (0 done, 1 nothing saved, 2 a wrong command line, 3 saved with rows left out), the
 * plan file untouched whenever nothing is saved, and the same in French. */
#include <gio/gio.h>
#include <string.h>

#include "../pl-test-scratch.h"

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

/* @program (NULL: pilote-cli) with @args (NULL-terminated), in @language (NULL: the test's). */
static void
run (Result *result, const char *language, const char *program, const char * const *args)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_auto(GStrv) command = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_strv_builder_add (argv, program ? program : g_getenv ("PILOTE_CLI"));
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

/* pilote-cli import-budget with @args (NULL-terminated), in @language (NULL: the test's). */
static void
import_budget (Result *result, const char *language, const char * const *args)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) command = NULL;

  g_strv_builder_add (argv, "import-budget");
  g_strv_builder_addv (argv, (const char **) args);
  command = g_strv_builder_end (argv);
  run (result, language, NULL, (const char * const *) command);
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
  g_autofree char *dir = pl_test_scratch_make ("pilote-cli-budget-XXXXXX");
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

/* The plan's budget exported by pilote-cli export into the plan's folder as @name, in @language. */
static char *
export_budget (const char *plan, const char *language, const char *name)
{
  g_autofree char *dir = g_path_get_dirname (plan);
  char *path = g_build_filename (dir, name, NULL);
  g_auto(Result) run_export = { 0 };

  run (&run_export, language, NULL, (const char *[]) { "export", plan, "--what", "budget", "-o", path, NULL });
  g_assert_cmpstr (run_export.err, ==, "");
  g_assert_cmpint (run_export.status, ==, 0);
  return path;
}

/* The budget exported to XLSX and CSV, in English and in French (';' and decimal commas),
 * reads back as every line of the plan unchanged: the planned column of each month under its
 * merged heading, the subtotals, the unbudgeted spend and the total left out, nothing skipped. */
static void
test_round_trip (void)
{
  const char *languages[] = { NULL, "fr" };
  const char *names[] = { "budget.xlsx", "budget.csv" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint n = 0; n < G_N_ELEMENTS (names); n++)
      {
        g_autofree char *original = NULL;
        g_autofree char *plan = copy_example (&original);
        g_autofree char *exported = export_budget (plan, languages[l], names[n]);
        g_auto(Result) run_import = { 0 };
        g_autofree char *after = NULL;

        import_budget (&run_import, languages[l], (const char *[]) { plan, exported, "--dry-run", NULL });
        g_test_message ("%s %s:\n%s%s", languages[l] ? languages[l] : "en", names[n], run_import.out, run_import.err);
        g_assert_cmpint (run_import.status, ==, 0);
        g_assert_cmpstr (run_import.err, ==, "");
        if (languages[l] == NULL)
          {
            g_assert_true (g_str_has_suffix (run_import.out, "Would import: 0 lines new, 0 changed, 19 unchanged, "
                                                             "0 rows skipped.\n"));
            g_assert_nonnull (strstr (run_import.out, "“Unbudgeted spend (on no budget line)” left out, spend on no "
                                                      "budget line, not a line to plan.\n"));
            g_assert_nonnull (strstr (run_import.out, "“Digital marketing / Category total” is a total, left out.\n"));
            if (n == 0)
              {
                g_assert_nonnull (strstr (run_import.out, "Row 2 names the figures under each month: the budget is "
                                                          "read from “Planned”, and “Committed”, “Actual”, “Variance” "
                                                          "are left alone.\n"));
                g_assert_nonnull (strstr (run_import.out, "  Column K “Mar 2027 / Planned”: March 2027\n"));
                g_assert_nonnull (strstr (run_import.out, "“Total / Planned”: total (checked, not imported)\n"));
              }
            else
              {
                g_assert_nonnull (strstr (run_import.out, "  Column K “Mar 2027 – Planned”: March 2027\n"));
                g_assert_nonnull (strstr (run_import.out, "“Total – Planned”: total (checked, not imported)\n"));
                g_assert_nonnull (strstr (run_import.out, "  Column AY “Total – Planned”: total (checked, not imported)\n"
                                                          "  39 columns of other figures than the budget, from D “Jan "
                                                          "2027 – Committed” to BB “Total – Variance”: not read\n"));
              }
          }
        else
          g_assert_true (g_str_has_suffix (run_import.out, "0 ligne budgétaire nouvelle, 0 modifiée, 19 "
                                                           "inchangées, 0 ligne écartée.\n"));
        after = contents (plan);
        g_assert_cmpstr (after, ==, original);
      }
}

/* The CFO changes one planned amount in the exported workbook (with openpyxl, which keeps the
 * formulas but not their results): the import changes that line's month and nothing else. */
static void
test_round_trip_edited (void)
{
  g_autofree char *original = NULL;
  g_autofree char *plan = copy_example (&original);
  g_autofree char *exported = export_budget (plan, NULL, "budget.xlsx");
  /* Row 3 is the first line; column G is February 2027's "Planned". */
  const char *script =
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "ws = wb.worksheets[0]\n"
    "assert ws.cell(row=2, column=7).value == 'Planned'\n"
    "cell = ws.cell(row=3, column=7)\n"
    "print(ws.cell(row=3, column=2).value, cell.value, sep='|', end='')\n"
    "cell.value = cell.value + 1234\n"
    "wb.save(sys.argv[1])\n";
  g_auto(Result) edit = { 0 };
  g_auto(Result) dry = { 0 };
  g_auto(Result) done = { 0 };
  g_auto(Result) before_summary = { 0 };
  g_auto(Result) after_summary = { 0 };
  g_auto(GStrv) said = NULL;
  g_autofree char *expected = NULL;

  run (&edit, NULL, g_getenv ("PILOTE_PYTHON"), (const char *[]) { "-c", script, exported, NULL });
  g_assert_cmpstr (edit.err, ==, "");
  g_assert_cmpint (edit.status, ==, 0);
  said = g_strsplit (edit.out, "|", 2);
  g_assert_cmpuint (g_strv_length (said), ==, 2);
  import_budget (&dry, NULL, (const char *[]) { plan, exported, "--dry-run", NULL });
  g_test_message ("%s%s", dry.out, dry.err);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_true (g_str_has_suffix (dry.out, "Would import: 0 lines new, 1 changed, 18 unchanged, 0 rows skipped.\n"));
  expected = g_strdup_printf ("Row 3: “%s”: February 2027: ", said[0]);
  g_assert_nonnull (strstr (dry.out, expected));
  run (&before_summary, NULL, NULL, (const char *[]) { "summary", plan, NULL });
  import_budget (&done, NULL, (const char *[]) { plan, exported, NULL });
  g_assert_cmpint (done.status, ==, 0);
  run (&after_summary, NULL, NULL, (const char *[]) { "summary", plan, NULL });
  g_assert_cmpint (after_summary.status, ==, 0);
  g_test_message ("before:\n%s\nafter:\n%s", before_summary.out, after_summary.out);
  {
    /* The summary's budget by category: only the edited line's category moves, by 1234 over the
     * period and to date (February is before the plan's "as of"), and the total with it. */
    g_auto(GStrv) before = g_strsplit (before_summary.out, "\n", -1);
    g_auto(GStrv) after = g_strsplit (after_summary.out, "\n", -1);
    guint n_changed = 0;

    g_assert_cmpuint (g_strv_length (before), ==, g_strv_length (after));
    for (guint i = 0; before[i] != NULL; i++)
      if (g_str_has_prefix (before[i], "  Digital marketing "))
        {
          g_assert_nonnull (strstr (before[i], " 534\u202F000.00         264\u202F000.00 "));
          g_assert_nonnull (strstr (after[i], " 535\u202F234.00         265\u202F234.00 "));
        }
      else if (g_str_has_prefix (before[i], "  Total "))
        {
          g_assert_nonnull (strstr (before[i], " 1\u202F844\u202F500.00         922\u202F500.00 "));
          g_assert_nonnull (strstr (after[i], " 1\u202F845\u202F734.00         923\u202F734.00 "));
          break;
        }
      else
        n_changed += g_strcmp0 (before[i], after[i]) != 0;
    g_assert_cmpuint (n_changed, ==, 0);
  }
  {
    /* Importing the same sheet again changes nothing more. */
    g_auto(Result) again = { 0 };
    import_budget (&again, NULL, (const char *[]) { plan, exported, "--dry-run", NULL });
    g_assert_true (g_str_has_suffix (again.out, "Would import: 0 lines new, 0 changed, 19 unchanged, 0 rows skipped.\n"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/import-budget/dry-run-then-import", test_dry_run_then_import);
  g_test_add_func ("/cli/import-budget/statuses", test_statuses);
  g_test_add_func ("/cli/import-budget/french", test_french);
  g_test_add_func ("/cli/import-budget/round-trip", test_round_trip);
  g_test_add_func ("/cli/import-budget/round-trip-edited", test_round_trip_edited);
  return g_test_run ();
}

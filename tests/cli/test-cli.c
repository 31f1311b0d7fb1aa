/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pilote-cli as a script sees it: exit codes, what goes to which stream, and the files. */
#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "../pl-test-scratch.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs pilote-cli in @locale (LC_ALL, and LANGUAGE @language; the test's own when NULL)
 * with the arguments and collects its exit status and output. */
static void
run_cli_valist (Run *run, const char *locale, const char *language, va_list args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  const char *cli = g_getenv ("PILOTE_CLI");
  const char *arg;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  if (locale != NULL)
    g_subprocess_launcher_setenv (launcher, "LC_ALL", locale, TRUE);
  if (language != NULL)
    g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

/* Runs pilote-cli with the NULL-terminated arguments. */
static void
run_cli (Run *run, ...)
{
  va_list args;

  va_start (args, run);
  run_cli_valist (run, NULL, NULL, args);
  va_end (args);
}

/* Runs pilote-cli in @locale and @language with the NULL-terminated arguments. */
static void
run_cli_in (Run *run, const char *locale, const char *language, ...)
{
  va_list args;

  va_start (args, language);
  run_cli_valist (run, locale, language, args);
  va_end (args);
}

static char *
example (void)
{
  return g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                           "northwind-saas-2027.pilote", NULL);
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = pl_test_scratch_make ("pilote-cli-XXXXXX");

  g_assert_no_error (error);
  return dir;
}

static void
test_help_and_version (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };
  g_auto(Run) command_help = { 0 };
  g_auto(Run) nothing = { 0 };
  g_auto(Run) unknown = { 0 };

  run_cli (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  for (const char *const *c = (const char *const[]) { "validate", "summary", "new", "format", NULL }; *c; c++)
    g_assert_nonnull (strstr (help.out, *c));

  run_cli (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "pilote-cli "));

  run_cli (&command_help, "format", "--help", NULL);
  g_assert_cmpint (command_help.status, ==, 0);
  g_assert_nonnull (strstr (command_help.out, "--output"));

  /* Usage errors are 2 and say so on the error stream. */
  run_cli (&nothing, NULL);
  g_assert_cmpint (nothing.status, ==, 2);
  g_assert_nonnull (strstr (nothing.err, "Usage"));
  run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "“frobnicate” is not a command"));
}

static void
test_usage_errors (void)
{
  g_auto(Run) no_file = { 0 };
  g_auto(Run) two_files = { 0 };
  g_auto(Run) bad_option = { 0 };

  run_cli (&no_file, "validate", NULL);
  g_assert_cmpint (no_file.status, ==, 2);
  g_assert_nonnull (strstr (no_file.err, "Name at least one plan file."));
  run_cli (&two_files, "summary", "a.pilote", "b.pilote", NULL);
  g_assert_cmpint (two_files.status, ==, 2);
  run_cli (&bad_option, "new", "--colour", "x.pilote", NULL);
  g_assert_cmpint (bad_option.status, ==, 2);
  g_assert_nonnull (strstr (bad_option.err, "--colour"));
}

static void
test_validate_example (void)
{
  g_autofree char *path = example ();
  g_auto(Run) run = { 0 };
  g_autofree char *expected = g_strdup_printf ("%s: valid plan\n", path);

  run_cli (&run, "validate", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpint (run.status, ==, 0);
}

/* Every problem of every file is listed, file and line first; one bad file makes the status 1. */
static void
test_validate_problems (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *good = example ();
  g_autofree char *broken = g_build_filename (dir, "broken.pilote", NULL);
  g_autofree char *unsound = g_build_filename (dir, "unsound.pilote", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.pilote", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  g_file_set_contents (broken,
                       "<?xml version=\"1.0\"?>\n"
                       "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">\n"
                       "  <metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\">\n"
                       "</plan>\n", -1, &error);
  g_assert_no_error (error);
  /* Loads (nothing blocking) but breaks two rules the validator reports. */
  g_file_set_contents (unsound,
                       "<?xml version=\"1.0\"?>\n"
                       "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">\n"
                       "  <metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
                       "  <campaigns>\n"
                       "    <campaign id=\"c1\" name=\"Late\" start=\"2027-05-01\" end=\"2027-04-01\"/>\n"
                       "  </campaigns>\n"
                       "</plan>\n", -1, &error);
  g_assert_no_error (error);

  run_cli (&run, "validate", good, broken, unsound, missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 5);
  g_assert_true (g_str_has_prefix (lines[0], good));
  g_assert_true (g_str_has_suffix (lines[0], ": valid plan"));
  {
    g_autofree char *prefix = g_strdup_printf ("%s:4:", broken);
    g_assert_true (g_str_has_prefix (lines[1], prefix));
  }
  {
    g_autofree char *prefix = g_strdup_printf ("%s:5:", unsound);
    g_assert_true (g_str_has_prefix (lines[2], prefix));
    g_assert_nonnull (strstr (lines[2], "end"));
  }
  {
    g_autofree char *prefix = g_strdup_printf ("%s: ", missing);
    g_assert_true (g_str_has_prefix (lines[3], prefix));
  }
}

/* Writes a plan of one month's figures for @kpis (XML <kpi> elements) into @dir. */
static char *
write_kpi_plan (const char *dir, const char *name, const char *kpis)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                           "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">\n"
                                           "  <metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
                                           "  <kpis>\n%s  </kpis>\n"
                                           "</plan>\n", kpis);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Values no plan can hold, each refused (status 1) with the rule's message on its KPI's line;
 * more leads than visitors is a warning (status 0). Each was "valid plan" before issue 18. */
static void
test_validate_impossible_values (void)
{
  g_autofree char *dir = temp_dir ();
  static const struct { const char *file, *kpis, *expected; int status; } cases[] = {
    { "negative-leads.pilote",
      "    <kpi id=\"kpi-leads\" name=\"Leads\" stage=\"leads\">\n"
      "      <measurement period=\"2027-01-01\" value=\"-40\"/>\n"
      "    </kpi>\n",
      ":5:1: “Leads” is a count: it cannot be negative. Its measurement for January 2027 is -40.\n", 1 },
    { "churn.pilote",
      "    <kpi id=\"kpi-churn\" name=\"Churn\" unit=\"percent\" stage=\"churn\">\n"
      "      <measurement period=\"2027-01-01\" value=\"2\"/>\n"
      "    </kpi>\n",
      ":5:1: “Churn” is a churn rate: it is between 0% and 100% (no more customers can leave than there are). "
      "Its measurement for January 2027 is 200.0%.\n", 1 },
    { "margin.pilote",
      "    <kpi id=\"kpi-margin\" name=\"Gross margin\" unit=\"percent\" stage=\"margin\">\n"
      "      <measurement period=\"2027-01-01\" value=\"80\"/>\n"
      "    </kpi>\n",
      ":5:1: “Gross margin” is a margin: it is between 0% and 100% of revenue. Its measurement for January 2027 is 8000.0%.\n", 1 },
    { "funnel.pilote",
      "    <kpi id=\"kpi-visitors\" name=\"Visitors\" stage=\"visitors\">\n"
      "      <measurement period=\"2027-01-01\" value=\"200\"/>\n"
      "    </kpi>\n"
      "    <kpi id=\"kpi-leads\" name=\"Leads\" stage=\"leads\">\n"
      "      <measurement period=\"2027-01-01\" value=\"250\"/>\n"
      "    </kpi>\n",
      ":8:1: warning: In January 2027, “Leads” (250) is above “Visitors” (200), the stage before it in the funnel.\n", 0 },
    { "loop.pilote",
      "    <kpi id=\"kpi-ltv\" name=\"LTV\" formula=\"kpi-arpu * 3\"/>\n"
      "    <kpi id=\"kpi-arpu\" name=\"ARPU\" formula=\"kpi-ltv / 3\"/>\n",
      ":5:1: Formula loop: LTV → ARPU → LTV. A KPI cannot be computed from itself: these read “not available” "
      "until one of their formulas changes.\n", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_kpi_plan (dir, cases[i].file, cases[i].kpis);
      g_autofree char *expected = g_strconcat (path, cases[i].expected, NULL);
      g_auto(Run) run = { 0 };
      g_autofree char *head = NULL;

      run_cli (&run, "validate", path, NULL);
      head = g_strndup (run.out, strlen (expected));
      g_assert_cmpstr (head, ==, expected);
      g_assert_cmpint (run.status, ==, cases[i].status);
      if (cases[i].status == 0)
        {
          g_autofree char *last = g_strdup_printf ("%s: valid plan, with 1 warning\n", path);
          g_assert_true (g_str_has_suffix (run.out, last));
        }
    }
}

/* A file of a newer minor version opens and validates, with a note saying so. */
static void
test_validate_newer_minor (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "newer.pilote", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  g_file_set_contents (path,
                       "<?xml version=\"1.0\"?>\n"
                       "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.7\">\n"
                       "  <metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
                       "  <experiments><experiment id=\"e1\"/></experiments>\n"
                       "</plan>\n", -1, &error);
  g_assert_no_error (error);
  run_cli (&run, "validate", path, NULL);
  expected = g_strdup_printf ("%s: note: This plan was written by a newer version of Pilote (file format 1.7; "
                              "this version knows 1.5). Everything opens; what this version does not know is "
                              "not shown, but it is kept and saved back unchanged.\n%s: valid plan\n", path, path);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_summary_example (void)
{
  g_autofree char *path = example ();
  g_auto(Run) run = { 0 };
  static const char *expected[] = {
    "Northwind Analytics – Marketing plan 2027",
    "Period: January 2027 to December 2027 (12 months)",
    "Digital marketing",
    "Staff",
    "13 campaigns: 3 planned, 4 running, 5 completed, 1 stopped",
    "Figures as of 30 June 2027",
    "KPI chain, January to June 2027",
    "  Total                                    1\u202F844\u202F500.00         922\u202F500.00         888\u202F017.31     96.3%",
    "Used 96.3%: the spend to date (January to June 2027) against the plan to 30 June 2027; 48.1% of the whole period’s budget is spent.",
    "MQL → SQL 35.6%",
    "CPL 210.48\u00A0EUR",
    "CAC 16\u202F145.77\u00A0EUR",
    "LTV:CAC 3.4× against a target of 3.45×: close to target (healthy from 3×)",
  };

  run_cli (&run, "summary", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (run.out, expected[i]) == NULL)
      g_error ("“%s” is missing from the summary:\n%s", expected[i], run.out);
}

/* The summary in French and in American English: words, money, percentages and months as
 * each reader writes them (tools/install-deps generates both locales). */
static void
test_summary_locales (void)
{
  g_autofree char *path = example ();
  static const struct {
    const char *locale, *language, *expected[9];
  } cases[] = {
    { "fr_FR.UTF-8", "fr", {
      "Période\u202F: de janvier 2027 à décembre 2027 (12 mois)",
      "13 campagnes\u202F: prévues\u202F: 3, en cours\u202F: 4",
      "Chaîne d’indicateurs, de janvier à juin 2027",
      "  Total                                    1\u202F844\u202F500,00         922\u202F500,00         888\u202F017,31    96,3\u202F%",
      "MQL → SQL 35,6\u202F%",
      "CPL 210,48\u00A0€",
      "CAC 16\u202F145,77\u00A0€",
      "LTV:CAC 3,4×",
      "En bonne voie" } },
    { "en_US.UTF-8", "en", {
      "Period: January 2027 to December 2027 (12 months)",
      "13 campaigns: 3 planned, 4 running",
      "KPI chain, January to June 2027",
      "  Total                                    1,844,500.00         922,500.00         888,017.31     96.3%",
      "MQL → SQL 35.6%",
      "CPL €210.48",
      "CAC €16,145.77",
      "LTV:CAC 3.4×",
      "On track" } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_auto(Run) run = { 0 };

      run_cli_in (&run, cases[c].locale, cases[c].language, "summary", path, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      for (guint i = 0; i < G_N_ELEMENTS (cases[c].expected); i++)
        if (strstr (run.out, cases[c].expected[i]) == NULL)
          g_error ("%s: “%s” is missing from the summary:\n%s", cases[c].locale, cases[c].expected[i], run.out);
    }
}

/* A plan read and written again under French, American English and C is the same file, byte
 * for byte: the file format does not depend on the locale (a decimal comma once crept into
 * the check of a measurement's shortest form). */
static void
test_format_across_locales (void)
{
  g_autofree char *path = example ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *original = NULL;
  static const char *locales[] = { "fr_FR.UTF-8", "en_US.UTF-8", "C.UTF-8" };

  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autofree char *out = g_build_filename (dir, locales[i], NULL);
      g_autofree char *written = NULL;
      g_auto(Run) run = { 0 };

      run_cli_in (&run, locales[i], NULL, "format", path, "-o", out, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
      if (g_strcmp0 (written, original) != 0)
        g_error ("the plan written under %s differs from the one read", locales[i]);
      g_unlink (out);
    }
  g_rmdir (dir);
}

/* The text of @pdf as pdftotext reads it, its no-break spaces made plain for comparing. */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("[\\x{00A0}\\x{202F}]", 0, 0, NULL);
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

/* The report in French and in American English: its words, money, dates and page numbers. */
/* As of 20 June (--today, the older name of --as-of), the spend is to that day against the plan
 * to the same day, as the dashboard's gauge and the budget page: 780,535 of 874,500. */
static void
test_report_locales (void)
{
  g_autofree char *plan = example ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  static const struct {
    const char *locale, *language, *expected[5];
  } cases[] = {
    { "fr_FR.UTF-8", "fr", { "Synthèse", "Préparé par Claire Martin le 20 juin 2027",
                             "a dépensé 780 535 € sur les 874 500 € prévus à ce jour (89 %)", "Page 2 sur 2",
                             "Maturité marketing : En bonne voie" } },
    { "en_US.UTF-8", "en", { "Executive summary", "Prepared by Claire Martin on June 20, 2027",
                             "has spent €780,535 of the €874,500 planned to date (89%)", "Page 2 of 2",
                             "Marketing maturity: On track" } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *text = NULL;

      run_cli_in (&run, cases[c].locale, cases[c].language, "report", plan, "-o", pdf, "--sections", "cover,summary",
                  "--today", "2027-06-20", NULL);
      g_assert_cmpint (run.status, ==, 0);
      text = pdf_text (pdf);
      for (guint i = 0; i < G_N_ELEMENTS (cases[c].expected); i++)
        if (strstr (text, cases[c].expected[i]) == NULL)
          g_error ("%s: “%s” is missing from the report:\n%s", cases[c].locale, cases[c].expected[i], text);
    }
  g_unlink (pdf);
  g_rmdir (dir);
}

/* ---- The reference plan of round numbers (tests/data/round-numbers.pilote) ----
 * Worked out by hand, as of 28 February 2027 (the end of the last month measured):
 * spend 6,000 + 4,000 = 10,000 of 12,000 planned to date (83.3 %), 72,000 for the year
 * (13.9 % spent); 2,000 visitors, 200 leads, 50 MQL, 20 SQL, 5 new customers; conversions
 * 10 %, 25 %, 40 %, 25 %; CPL 10,000 / 200 = 50; CAC 10,000 / 5 = 2,000; ARPU 100,000 /
 * 100 = 1,000; LTV 1,000 x 80 % / 2 % = 40,000; LTV:CAC 20; ROI (30,000 - 10,000) / 10,000
 * = 200 %. CPL planned: 12,000 / 200 leads targeted = 60; CAC planned 12,000 / 4 = 3,000.
 * Every output must show these, and any that disagrees fails the test. */

static char *
reference (void)
{
  return g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", "round-numbers.pilote", NULL);
}

/* The number after "@key": {"value": in @json, NAN when null or absent. */
static double
json_value (const char *json, const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\": {\"value\": ", key);
  const char *at = strstr (json, needle);

  if (at == NULL)
    g_error ("“%s” is missing from the JSON:\n%s", key, json);
  at += strlen (needle);
  return g_str_has_prefix (at, "null") ? NAN : g_ascii_strtod (at, NULL);
}

static void
test_reference_json (void)
{
  g_autofree char *plan = reference ();
  static const struct { const char *key; double value; } figures[] = {
    { "spend", 10000 }, { "cpl", 50 }, { "cac", 2000 }, { "arpu", 1000 }, { "margin", 0.8 },
    { "ltv", 40000 }, { "ltv-cac", 20 }, { "roi", 2 }, { "used", 10000.0 / 12000 }, { "used-of-period", 10000.0 / 72000 },
  };
  /* JSON does not depend on the locale: the same numbers in French. */
  const char *locales[][2] = { { "C.UTF-8", "en" }, { "fr_FR.UTF-8", "fr" } };

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      g_auto(Run) run = { 0 };

      run_cli_in (&run, locales[l][0], locales[l][1], "summary", "--json", plan, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
        if (fabs (json_value (run.out, figures[i].key) - figures[i].value) > 1e-9)
          g_error ("%s: %s is %g, not %g:\n%s", locales[l][0], figures[i].key, json_value (run.out, figures[i].key),
                   figures[i].value, run.out);
      g_assert_nonnull (strstr (run.out, "\"as_of\": \"2027-02-28\""));
      g_assert_nonnull (strstr (run.out, "\"to_date\": {\"kind\": \"to-date\", \"from\": \"2027-01-01\", \"to\": \"2027-02-28\""));
      g_assert_nonnull (strstr (run.out, "\"spend_source\": \"records\""));
      g_assert_nonnull (strstr (run.out, "\"roi_revenue_kpi\": \"kpi-revenue\""));
      g_assert_nonnull (strstr (run.out, "\"margin_assumed\": false"));
      g_assert_nonnull (strstr (run.out, "{\"id\": \"cat-digital\", \"name\": \"Digital marketing\", \"planned\": 60000, "
                                         "\"planned_to_date\": 10000, \"spent_to_date\": 8000, \"used\": 0.8}"));
    }
}

/* A figure that cannot be computed is null with its reason, never 0. */
static void
test_reference_json_missing (void)
{
  g_autofree char *plan = reference ();
  g_auto(Run) before = { 0 };
  g_auto(Run) march = { 0 };

  /* Before the period: nothing is measured, and no figure is 0. */
  run_cli (&before, "summary", "--json", "--as-of", "2026-12-06", plan, NULL);
  g_assert_cmpint (before.status, ==, 0);
  g_assert_true (isnan (json_value (before.out, "cpl")));
  g_assert_nonnull (strstr (before.out, "\"before_period\": true"));
  g_assert_nonnull (strstr (before.out, "\"missing\": \"before-period\""));
  /* As of March, which is not measured: spend to date still counts, leads do not grow. */
  run_cli (&march, "summary", "--json", "--as-of", "2027-03-31", plan, NULL);
  g_assert_cmpfloat (json_value (march.out, "cpl"), ==, 50);
  g_assert_cmpfloat_with_epsilon (json_value (march.out, "used"), 10000.0 / 18000, 1e-12);
}

static void
test_reference_text (void)
{
  g_autofree char *plan = reference ();
  static const struct {
    const char *locale, *language, *expected[8];
  } cases[] = {
    { "C.UTF-8", "en", {
      "Figures as of 28 February 2027",
      "  Total                                       72\u202F000.00          12\u202F000.00          10\u202F000.00     83.3%",
      "Used 83.3%: the spend to date (January to February 2027) against the plan to 28 February 2027; 13.9% of the whole period’s budget is spent.",
      "KPI chain, January to February 2027",
      "Conversion: visitor → lead 10.0%, lead → MQL 25.0%, MQL → SQL 40.0%, SQL → customer 25.0%",
      "CPL 50\u00A0EUR · CAC 2\u202F000\u00A0EUR · ARPU 1\u202F000\u00A0EUR · LTV 40\u202F000\u00A0EUR",
      "LTV:CAC 20.0× (healthy, at or above 3×)",
      "ROI 200.0%: revenue of “New bookings” less spend, over spend" } },
    { "fr_FR.UTF-8", "fr", {
      "Chiffres au 28 février 2027",
      "  Total                                       72\u202F000,00          12\u202F000,00          10\u202F000,00    83,3\u202F%",
      "Consommé 83,3\u202F%\u202F: les dépenses à ce jour (de janvier à février 2027)",
      "Chaîne d’indicateurs, de janvier à février 2027",
      "visiteur → lead 10,0\u202F%",
      "CPL 50\u00A0€ · CAC 2\u202F000\u00A0€ · ARPU 1\u202F000\u00A0€ · LTV 40\u202F000\u00A0€",
      "LTV:CAC 20,0×",
      "ROI 200,0\u202F%" } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_auto(Run) run = { 0 };

      run_cli_in (&run, cases[c].locale, cases[c].language, "summary", plan, NULL);
      g_assert_cmpint (run.status, ==, 0);
      for (guint i = 0; i < G_N_ELEMENTS (cases[c].expected); i++)
        if (strstr (run.out, cases[c].expected[i]) == NULL)
          g_error ("%s: “%s” is missing from the summary:\n%s", cases[c].locale, cases[c].expected[i], run.out);
    }
}

/* The same plan with its spend in the spend KPI and no spending records: the same CPL, CAC
 * and "used" everywhere (the summary once printed CPL 0 and CAC 0), the categories' spend
 * unknown rather than 0, and the summary and the report say where spend comes from. */
static void
test_reference_kpi_spend (void)
{
  g_autofree char *plan = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data",
                                            "round-numbers-kpi-spend.pilote", NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_auto(Run) json = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) report = { 0 };
  g_autofree char *report_text = NULL;

  run_cli (&json, "summary", "--json", plan, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpfloat (json_value (json.out, "cpl"), ==, 50);
  g_assert_cmpfloat (json_value (json.out, "cac"), ==, 2000);
  g_assert_cmpfloat_with_epsilon (json_value (json.out, "used"), 10000.0 / 12000, 1e-12);
  g_assert_nonnull (strstr (json.out, "\"spend_source\": \"kpi\""));
  g_assert_nonnull (strstr (json.out, "\"planned_to_date\": 10000, \"spent_to_date\": null, \"used\": null}"));
  g_assert_nonnull (strstr (json.out, "\"name\": \"Total\", \"planned\": 72000, \"planned_to_date\": 12000, "
                                      "\"spent_to_date\": 10000, \"used\": 0.83333333333333337}"));
  run_cli (&text, "summary", plan, NULL);
  g_assert_nonnull (strstr (text.out, "CPL 50\u00A0EUR · CAC 2\u202F000\u00A0EUR"));
  g_assert_nonnull (strstr (text.out, "  Digital marketing                           60\u202F000.00          10\u202F000.00                  –         –\n"));
  g_assert_nonnull (strstr (text.out, "spend comes from the KPI “Marketing spend” (10\u202F000\u00A0EUR to date); by category it is not known."));
  run_cli (&report, "report", plan, "-o", pdf, "--sections", "summary,budget", NULL);
  g_assert_cmpint (report.status, ==, 0);
  report_text = pdf_text (pdf);
  g_strdelimit (report_text, "\n", ' ');
  g_assert_nonnull (strstr (report_text, "marketing has spent 10 000 EUR of the 12 000 EUR planned to date (83%)"));
  g_assert_nonnull (strstr (report_text, "The plan records no spending: its spend is the measurements of the KPI “Marketing spend”."));
  g_assert_nonnull (strstr (report_text, "a lead costs 50 EUR against 60 EUR planned"));
  g_unlink (pdf);
  g_rmdir (dir);
}

/* As of a day inside a month, or before the period, every output gives the same figures: the
 * KPIs' over the months measured, the spend to the day; before the period nothing measured,
 * nobody on target, the spend already booked. */
static void
test_reference_as_of (void)
{
  g_autofree char *plan = reference ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);

  {
    g_auto(Run) json = { 0 };
    g_auto(Run) report = { 0 };
    g_autofree char *text = NULL;

    run_cli (&json, "summary", "--json", "--as-of", "2027-02-14", plan, NULL);
    /* To 14 February: 9,000 spent of 5,000 + 6,000 x 14 / 28 = 9,000 planned. */
    g_assert_cmpfloat (json_value (json.out, "spend"), ==, 9000);
    g_assert_cmpfloat_with_epsilon (json_value (json.out, "used"), 1.0, 1e-12);
    /* The KPIs over January and February, as the dashboard's funnel. */
    g_assert_cmpfloat (json_value (json.out, "cpl"), ==, 50);
    g_assert_cmpfloat (json_value (json.out, "ltv-cac"), ==, 20);
    run_cli (&report, "report", plan, "-o", pdf, "--sections", "cover,summary,budget", "--as-of", "2027-02-14", NULL);
    g_assert_cmpint (report.status, ==, 0);
    text = pdf_text (pdf);
    g_strdelimit (text, "\n", ' ');
    g_assert_nonnull (strstr (text, "marketing has spent 9 000 EUR of the 9 000 EUR planned to date (100%)"));
    g_assert_nonnull (strstr (text, "a lead costs 50 EUR against 60 EUR planned"));
    g_assert_nonnull (strstr (text, "Spend for 1 January to 14 February 2027 against the plan to the same day"));
  }
  {
    g_auto(Run) json = { 0 };
    g_auto(Run) report = { 0 };
    g_autofree char *text = NULL;

    run_cli (&json, "summary", "--json", "--as-of", "2026-12-20", plan, NULL);
    g_assert_true (isnan (json_value (json.out, "cpl")));
    g_assert_true (isnan (json_value (json.out, "used")));
    g_assert_nonnull (strstr (json.out, "\"margin_assumed\": false"));
    run_cli (&report, "report", plan, "-o", pdf, "--sections", "cover,summary", "--as-of", "2026-12-20", NULL);
    text = pdf_text (pdf);
    g_strdelimit (text, "\n", ' ');
    g_assert_nonnull (strstr (text, "As of 20 December 2026: nothing measured yet"));
    g_assert_nonnull (strstr (text, "the period has not started; 10 000 EUR is already booked for it."));
    g_assert_null (strstr (text, "every one is on target"));
    g_assert_null (strstr (text, "Figures to the end of"));
  }
  {
    /* A plan with an impossible value: the summary says its figures may be wrong. */
    g_autofree char *contents = NULL;
    g_autofree char *bad_path = g_build_filename (dir, "impossible.pilote", NULL);
    g_autoptr(GString) bad = NULL;
    g_auto(Run) text = { 0 };
    g_auto(Run) json = { 0 };

    g_assert_true (g_file_get_contents (plan, &contents, NULL, NULL));
    bad = g_string_new (contents);
    g_string_replace (bad, "value=\"0.02\"", "value=\"2\"", 0);
    g_assert_true (g_file_set_contents (bad_path, bad->str, -1, NULL));
    run_cli (&text, "summary", bad_path, NULL);
    g_assert_nonnull (strstr (text.out, "The plan has 2 problems (pilote-cli validate lists them): the figures below may be wrong."));
    run_cli (&json, "summary", "--json", bad_path, NULL);
    g_assert_nonnull (strstr (json.out, "\"problems\": 2,"));
    g_unlink (bad_path);
  }
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_reference_report (void)
{
  g_autofree char *plan = reference ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  static const struct {
    const char *locale, *language, *expected[8];
  } cases[] = {
    { "C.UTF-8", "en", {
      "Every figure is for January to February 2027",
      "marketing has spent 10 000 EUR of the 12 000 EUR planned to date (83%)",
      "SQL: 20 to date against a target of 20 (100%), on target.",
      "a lead costs 50 EUR against 60 EUR planned, on target.",
      "a new customer costs 2 000 EUR to win against 3 000 EUR",
      "a customer is worth 20.0 times what it costs to win",
      "Return on investment: 200% — the revenue of “New bookings” less the spend, over the spend.",
      "New bookings: 30 000 EUR to date against a target of 30 000 EUR (100%), on target." } },
    { "fr_FR.UTF-8", "fr", {
      "Chaque chiffre porte sur la période de janvier à février 2027",
      "10 000 € sur les 12 000 € prévus à ce jour (83 %)",
      "SQL : 20 à ce jour",
      "50 €", "2 000 €", "20,0", "200 %", "30 000 €" } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *text = NULL;
      g_autofree char *flat = NULL;

      run_cli_in (&run, cases[c].locale, cases[c].language, "report", plan, "-o", pdf, "--sections", "summary", NULL);
      g_assert_cmpint (run.status, ==, 0);
      text = pdf_text (pdf);
      /* Sentences wrap at the page's width: compare them on one line. */
      flat = g_strdelimit (g_strdup (text), "\n", ' ');
      for (guint i = 0; i < G_N_ELEMENTS (cases[c].expected); i++)
        if (strstr (flat, cases[c].expected[i]) == NULL)
          g_error ("%s: “%s” is missing from the report:\n%s", cases[c].locale, cases[c].expected[i], text);
    }
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_new_then_format (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *plan = g_build_filename (dir, "plan.pilote", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.pilote", NULL);
  g_autofree char *first = NULL, *second = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) created = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) formatted = { 0 };
  g_auto(Run) to_stdout = { 0 };
  g_auto(Run) valid = { 0 };

  run_cli (&created, "new", "--title", "Plan 2028", plan, NULL);
  g_assert_cmpint (created.status, ==, 0);
  /* An existing file is never replaced without --force. */
  run_cli (&again, "new", plan, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "--force"));

  run_cli (&formatted, "format", plan, "-o", copy, NULL);
  g_assert_cmpint (formatted.status, ==, 0);
  g_file_get_contents (plan, &first, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (copy, &second, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);
  g_assert_nonnull (strstr (first, "title=\"Plan 2028\""));

  run_cli (&to_stdout, "format", plan, "-o", "-", NULL);
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_cmpstr (to_stdout.out, ==, first);

  run_cli (&valid, "validate", plan, NULL);
  g_assert_cmpint (valid.status, ==, 0);
}

/* A hand-edited file becomes the standard layout, and the example is already in it. */
static void
test_format_normalises (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *messy = g_build_filename (dir, "messy.pilote", NULL);
  g_autofree char *path = example ();
  g_autofree char *original = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) same = { 0 };

  g_file_set_contents (messy,
                       "<plan version='1.0' xmlns='https://pilote.github.io/ns/plan'><metadata months='6'\n"
                       "   currency='EUR' start='2027-07' title='Messy &amp; co'/><team><member name='A' id='m'/>"
                       "</team></plan>", -1, &error);
  g_assert_no_error (error);
  run_cli (&run, "format", messy, "-o", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">\n"
                   "  <metadata title=\"Messy &amp; co\" currency=\"EUR\" start=\"2027-07\" months=\"6\"/>\n"
                   "  <team>\n"
                   "    <member id=\"m\" name=\"A\"/>\n"
                   "  </team>\n"
                   "</plan>\n");

  g_file_get_contents (path, &original, NULL, &error);
  g_assert_no_error (error);
  run_cli (&same, "format", path, "-o", "-", NULL);
  g_assert_cmpstr (same.out, ==, original);
}

static char *
csv (const char *name)
{
  return g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "io", "csv", name, NULL);
}

/* Copies the example plan into @dir as plan.pilote, for an import to change; returns its path
 * and its text in *@original. */
static char *
copy_example (const char *dir, char **original)
{
  g_autofree char *source = example ();
  char *plan = g_build_filename (dir, "plan.pilote", NULL);
  gsize length;

  g_assert_true (g_file_get_contents (source, original, &length, NULL));
  g_assert_true (g_file_set_contents (plan, *original, (gssize) length, NULL));
  return plan;
}

/* The weekly scripted update: rejected rows listed with their lines on stderr; nothing
 * written then and exit 1, unless --keep-going, which saves the rest and exits 3. */
static void
test_import (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *original = NULL, *after = NULL;
  g_autofree char *plan = copy_example (dir, &original);
  g_autofree char *crm = csv ("crm-semicolon.csv");
  g_autofree char *ga4 = csv ("ga4-wide.csv");

  {
    g_auto(Run) run = { 0 };
    g_autofree char *line = g_strdup_printf ("%s:4: “Sessions” is not a KPI of this plan.\n", crm);
    g_auto(GStrv) lines = NULL;

    run_cli (&run, "import", plan, crm, "--decimal-comma", "--date-format", "dmy", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, line));
    g_assert_cmpuint (g_strv_length (lines = g_strsplit (run.err, "\n", -1)), ==, 6);
    g_assert_nonnull (strstr (run.out, "5 rows rejected: nothing imported"));
    g_assert_true (g_file_get_contents (plan, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, original);
    g_clear_pointer (&after, g_free);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import", plan, crm, "--decimal-comma", "--date-format", "dmy", "--keep-going", NULL);
    g_assert_cmpint (run.status, ==, 3);
    g_assert_nonnull (strstr (run.out, "Imported into"));
    g_assert_nonnull (strstr (run.out, ": 0 values added, 3 replaced, 0 unchanged.\n5 rows rejected and left out.\n"));
    g_assert_true (g_file_get_contents (plan, &after, NULL, NULL));
    g_assert_cmpstr (after, !=, original);
    g_assert_nonnull (strstr (after, "source=\"crm-semicolon.csv\""));
    g_clear_pointer (&after, g_free);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import", plan, ga4, "--thousands", ",", "--source", "GA4", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_nonnull (strstr (run.out, ": 0 values added, 5 replaced, 0 unchanged."));
  }
  {
    g_auto(Run) run = { 0 };
    g_auto(Run) check = { 0 };
    run_cli (&run, "import", plan, ga4, "--date-format", "julian", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--date-format is one of"));
    run_cli (&check, "validate", plan, NULL);
    g_assert_cmpint (check.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
    run_cli (&run, "import", plan, missing, NULL);
    g_assert_cmpint (run.status, ==, 1);
  }
}

static char *
books (const char *name)
{
  return g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", "books", name, NULL);
}

/* Spend from the books: the dry run lists what would be added by line and month and changes
 * nothing; the import saves the entries and the rules that name a line; the same file again
 * adds nothing; a later file adds its new months only; a rule given on the command line takes
 * an account the defaults leave; a cut file is refused with its line, nothing saved. */
static void
test_import_spend (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *original = NULL, *after = NULL;
  g_autofree char *plan = copy_example (dir, &original);
  g_autofree char *q1 = books ("fec-2027-q1.txt");
  g_autofree char *h1 = books ("fec-2027-h1.txt");
  g_autofree char *cut = g_build_filename (dir, "cut.txt", NULL);

  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import-spend", plan, q1, "--dry-run", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_nonnull (strstr (run.out, "  supplier:linkedin → LinkedIn Ads – finance audiences\n"));
    g_assert_nonnull (strstr (run.out, "LinkedIn Ads – finance audiences, January 2027: 3 entries, "));
    g_assert_nonnull (strstr (run.out, "318 entries read: 40 to import, 277 left on other accounts, 1 outside the plan’s period.\n"
                                       "Would import 40 entries.\n"));
    g_assert_true (g_file_get_contents (plan, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, original);
    g_clear_pointer (&after, g_free);
  }
  {
    g_auto(Run) run = { 0 };
    g_auto(Run) check = { 0 };
    run_cli (&run, "import-spend", plan, q1, "--rule", "supplier:Agence Lumen=Design agency", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Imported into "));
    g_assert_nonnull (strstr (run.out, " entries (0 unbudgeted).\n"));
    g_assert_true (g_file_get_contents (plan, &after, NULL, NULL));
    g_assert_nonnull (strstr (after, "<spend-rule id=\"rule-"));
    g_assert_nonnull (strstr (after, "match=\"supplier\" pattern=\"Agence Lumen\" line=\"line-design\""));
    g_assert_nonnull (strstr (after, "vendor=\"Agence Lumen\" account=\"62260000\" source=\"fec:AC:"));
    g_assert_null (strstr (after, "Cabinet Martin"));
    g_clear_pointer (&after, g_free);
    run_cli (&check, "validate", plan, NULL);
    g_assert_cmpint (check.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *before = NULL;
    g_assert_true (g_file_get_contents (plan, &before, NULL, NULL));
    run_cli (&run, "import-spend", plan, q1, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, " already imported"));
    g_assert_nonnull (strstr (run.out, ": 0 entries (0 unbudgeted).\n"));
    g_assert_true (g_file_get_contents (plan, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, before);
    g_clear_pointer (&after, g_free);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import-spend", plan, h1, "--dry-run", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_null (strstr (run.out, "Proposed rules"));
    g_assert_null (strstr (run.out, "January 2027"));
    g_assert_nonnull (strstr (run.out, "April 2027"));
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *text = NULL;
    gsize length;
    g_assert_true (g_file_get_contents (h1, &text, &length, NULL));
    /* Cut short in a line of the second half year. */
    g_assert_true (g_file_set_contents (cut, text, (gssize) (length * 3 / 4), NULL));
    run_cli (&run, "import-spend", plan, cut, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "the file may be cut short or changed by hand.\n"));
    g_assert_nonnull (strstr (run.out, "rejected: nothing imported (--keep-going imports the others).\n"));
  }
  {
    g_auto(Run) run = { 0 };
    g_auto(Run) rule = { 0 };
    run_cli (&run, "import-spend", plan, q1, "--format", "ods", NULL);
    g_assert_cmpint (run.status, ==, 2);
    run_cli (&rule, "import-spend", plan, q1, "--rule", "account:6226=No such line", NULL);
    g_assert_cmpint (rule.status, ==, 2);
    g_assert_nonnull (strstr (rule.err, "The plan has no budget line “No such line”."));
  }
}

/* The statuses a script reads: 0 all imported, 1 nothing saved, 3 saved with rows left out;
 * a month-end report that leaves leads to date at 4,219; percentages that read two ways
 * refused naming the options; a French CRM export with no option; validate's warning for a
 * value off its period's first day. */
static void
test_import_statuses (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *original = NULL, *after = NULL;
  g_autofree char *plan = copy_example (dir, &original);
  g_autofree char *churn = g_build_filename (dir, "churn.csv", NULL);
  g_autofree char *mixed = g_build_filename (dir, "mixed.csv", NULL);
  g_autofree char *ends = csv ("crm-month-ends.csv");
  g_autofree char *french = csv ("crm-fr-mensuel.csv");

  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import", plan, ends, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "The file’s dates are all month ends: each is read as its month’s figure.\n"));
    g_assert_nonnull (strstr (run.out, ": 0 values added, 0 replaced, 6 unchanged.\n"));
    g_assert_true (g_file_get_contents (plan, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, original);
    g_clear_pointer (&after, g_free);
  }
  {
    /* Churn written "20" (20 % or 2,000 %), far from the plan's 1.6 %: nothing saved. */
    g_auto(Run) run = { 0 };
    g_assert_true (g_file_set_contents (churn, "date,kpi,value\n2027-07-01,kpi-churn,20\n", -1, NULL));
    run_cli (&run, "import", plan, churn, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "Add --percent if the file writes percentages (0.9 for 0.9%), or --fraction if it "
                                       "writes fractions (0.9 for 90%). Nothing was imported.\n"));
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import", plan, churn, "--percent", "--fraction", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import", plan, churn, "--fraction", "--dry-run", NULL);
    /* Read as a fraction, 20 is a churn of 2,000 %: refused as an edit would refuse it. */
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "“Monthly churn rate” is a churn rate: it is between 0% and 100%"));
  }
  g_assert_true (g_file_get_contents (plan, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, original);
  g_clear_pointer (&after, g_free);
  {
    /* Two rows, one of two cells rejected: one row counted, not two; the rest saved, 3. */
    g_auto(Run) run = { 0 };
    g_assert_true (g_file_set_contents (mixed, "Date,Leads,Sales qualified leads\n2027-07-01,x,y\n2027-08-01,700,90\n", -1, NULL));
    run_cli (&run, "import", plan, mixed, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "1 row rejected: nothing imported (--keep-going imports the 2 values that read).\n");
    g_clear_pointer (&run.out, g_free);
    g_clear_pointer (&run.err, g_free);
    run_cli (&run, "import", plan, mixed, "--keep-going", NULL);
    g_assert_cmpint (run.status, ==, 3);
    g_assert_nonnull (strstr (run.out, ": 2 values added, 0 replaced, 0 unchanged.\n1 row rejected and left out.\n"));
    g_clear_pointer (&run.out, g_free);
    g_clear_pointer (&run.err, g_free);
    /* Everything rejected: nothing saved, even with --keep-going. */
    g_assert_true (g_file_set_contents (mixed, "Date,Leads\n2027-07-01,x\n", -1, NULL));
    run_cli (&run, "import", plan, mixed, "--keep-going", NULL);
    g_assert_cmpint (run.status, ==, 1);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import", plan, french, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, ": 0 values added, 9 replaced, 0 unchanged.\n"));
    g_assert_true (g_file_get_contents (plan, &after, NULL, NULL));
    g_assert_nonnull (strstr (after, "<measurement period=\"2027-01-01\" value=\"0.009\" source=\"crm-fr-mensuel.csv\"/>"));
    g_clear_pointer (&after, g_free);
  }
  {
    /* A value off its month's first day (as the old import left them): validate warns, by
     * the KPI's name and the date as the reader writes it. */
    g_auto(Run) run = { 0 };
    g_autofree char *edited = NULL;
    g_autofree char *expected = NULL;
    g_auto(GStrv) parts = g_strsplit (original, "<measurement period=\"2027-02-01\" value=\"630\"", 2);

    g_assert_nonnull (parts[1]);
    edited = g_strconcat (parts[0], "<measurement period=\"2027-02-15\" value=\"630\"", parts[1], NULL);
    g_assert_true (g_file_set_contents (plan, edited, -1, NULL));
    run_cli_in (&run, "fr_FR.UTF-8", "fr", "validate", plan, NULL);
    g_assert_cmpint (run.status, ==, 1);
    expected = g_strdup_printf ("%s:89:1: «\u202fLeads\u202f» a une valeur le 15/02/2027, pas le premier jour de son mois "
                                "(01/02/2027)\u202f: un KPI mensuel a une valeur par mois, datée du 1er.\n", plan);
    g_assert_cmpstr (run.out, ==, expected);
  }
}

/* The whole file unusable, or the plan: exit 1 (nothing saved), and the plan as it was. The GA4
 * names mapped to KPIs; --dry-run lists the values and writes nothing. */
static void
test_import_files (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *original = NULL, *after = NULL;
  g_autofree char *plan = copy_example (dir, &original);
  g_autofree char *not_utf8 = csv ("not-utf8.csv");
  g_autofree char *mapped = csv ("ga4-mapped.csv");

  {
    g_auto(Run) run = { 0 };
    g_autofree char *expected = g_strdup_printf ("%s: Line 2 is not UTF-8 text: save the file as UTF-8 "
                                                 "(in a spreadsheet, “CSV UTF-8”).\n", not_utf8);
    run_cli (&run, "import", plan, not_utf8, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, expected);
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *missing = g_build_filename (dir, "missing.pilote", NULL);
    run_cli (&run, "import", missing, mapped, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import", plan, mapped, "--kpi-columns", "Total users=kpi-visitors", "--kpi-column", "Leads", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import", plan, mapped, "--kpi-columns", "Total users=kpi-visitors,Leads", "--dry-run", NULL);
    g_assert_cmpint (run.status, ==, 0);
    /* Old → new, in the C locale's grouping (a narrow no-break space). */
    g_assert_cmpstr (run.out, ==, "Unique visitors, January 2027: 29\u202f700 → 31\u202f000\n"
                                  "Leads, January 2027: 585 → 640\n"
                                  "Unique visitors, February 2027: 30\u202f900 → 32\u202f500\n"
                                  "Would import: 0 values added, 3 replaced, 0 unchanged.\n");
  }
  {
    /* Columns found from the header: those naming no KPI are said, not silently left. */
    g_auto(Run) run = { 0 };
    g_autofree char *expected = g_strdup_printf ("%s: columns not read, as they name no KPI of this plan: "
                                                 "Total users, Notes\n", mapped);
    run_cli (&run, "import", plan, mapped, "-n", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, expected);
    g_assert_cmpstr (run.out, ==, "Leads, January 2027: 585 → 640\nWould import: 0 values added, 1 replaced, 0 unchanged.\n");
  }
  g_assert_true (g_file_get_contents (plan, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, original);
  g_clear_pointer (&after, g_free);
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "import", plan, mapped, "--kpi-columns=Total users=kpi-visitors", "--kpi-columns", "Leads",
             "--thousands", "nbsp", "--date-format", "yyyymmdd", "--source", "GA4", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_nonnull (strstr (run.out, "0 values added, 3 replaced, 0 unchanged"));
  }
  g_assert_true (g_file_get_contents (plan, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "value=\"32500\" source=\"GA4\""));
  {
    g_auto(Run) check = { 0 };
    run_cli (&check, "validate", plan, NULL);
    g_assert_cmpint (check.status, ==, 0);
  }
}

/* The maturity self-assessment from the command line, and its line in the summary. */
static void
test_assessment (void)
{
  g_autofree char *plan = example ();
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "assessment", plan, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "Round 2027, 2027-01-19 — Claire Martin\n"));
    g_assert_nonnull (strstr (run.out, "  Linked indicators                                 50        17\n"));
    g_assert_nonnull (strstr (run.out, "  Overall                                           50        24\n"));
    g_assert_nonnull (strstr (run.out, "Persona: On track."));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "assessment", plan, "--round", "2026", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Persona: Laggards."));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "assessment", plan, "--round", "2030", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "The plan has no assessment round “2030”."));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "summary", plan, NULL);
    g_assert_true (g_str_has_suffix (run.out, "Maturity (round 2027): 50 out of 100, On track\n"));
  }
}

/* The example with KPIs added before the end of its <kpis>: two that use each other, a loop
 * of five, and a chain of 2,000 formulas each using the next twice (no loop), whose top is on
 * the dashboard. Written into @dir; returns its path. */
static char *
formula_plan (const char *dir)
{
  g_autofree char *source = example ();
  g_autofree char *text = NULL;
  g_autoptr(GString) kpis = g_string_new (NULL);
  g_autoptr(GString) plan = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "formulas.pilote", NULL);
  const char *end;
#define KPI "    <kpi id=\"%s\" name=\"%s\" unit=\"count\" direction=\"higher\" layer=\"funnel\" " \
            "stage=\"none\" aggregate=\"sum\" owner=\"mem-hugo\" frequency=\"monthly\" " \
            "dashboard=\"%s\" formula=\"%s\"/>\n"

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  g_string_append_printf (kpis, KPI, "kpi-ltv-x", "LTV X", "true", "kpi-arpu-x * 3");
  g_string_append_printf (kpis, KPI, "kpi-arpu-x", "ARPU X", "false", "kpi-ltv-x / 3");
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("loop%u", i);
      g_autofree char *name = g_strdup_printf ("Loop %u", i);
      g_autofree char *formula = g_strdup_printf ("loop%u + 1", (i + 1) % 5);

      g_string_append_printf (kpis, KPI, id, name, i == 0 ? "true" : "false", formula);
    }
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("chain%u", i);
      g_autofree char *name = g_strdup_printf ("Chain %u", i);
      g_autofree char *formula = i == 1999 ? g_strdup ("kpi-leads * 2")
                                           : g_strdup_printf ("(chain%u + chain%u) / 2", i + 1, i + 1);

      g_string_append_printf (kpis, KPI, id, name, i == 0 ? "true" : "false", formula);
    }
#undef KPI
  end = strstr (text, "  </kpis>");
  g_assert_nonnull (end);
  plan = g_string_new_len (text, end - text);
  g_string_append (plan, kpis->str);
  g_string_append (plan, end);
  g_file_set_contents (path, plan->str, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
on_timeout_communicated (GObject *source, GAsyncResult *result, gpointer data)
{
  Run *run = data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
}

static gboolean
on_too_long (gpointer data)
{
  g_subprocess_force_exit (data);
  return G_SOURCE_REMOVE;
}

/* Runs pilote-cli with @args (NULL-terminated) and fails when it takes more than @seconds:
 * a command that hangs is killed rather than hanging the test suite. */
static void
run_cli_within (Run *run, guint seconds, const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  guint timeout;

  g_ptr_array_add (argv, (char *) g_getenv ("PILOTE_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  run->status = -1;
  timeout = g_timeout_add_seconds (seconds, on_too_long, process);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_timeout_communicated, run);
  while (run->out == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_wait (process, NULL, NULL);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_source_remove (timeout);
  run->status = g_subprocess_get_exit_status (process);
}

/* Formula loops and deep chains: every command finishes in time (they hung, or took time
 * exponential in the chain's depth), validate names the loops, and the KPIs in them read
 * "not available" while the others keep their values. */
static void
test_formula_loops (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *plan = formula_plan (dir);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "dashboard.png", NULL);
  {
    g_auto(Run) run = { 0 };
    run_cli_within (&run, 60, (const char *[]) { "validate", plan, NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "Formula loop: LTV X → ARPU X → LTV X."));
    g_assert_nonnull (strstr (run.out, "Formula loop: Loop 0 → Loop 1 → Loop 2 → Loop 3 → Loop 4 → Loop 0."));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli_within (&run, 60, (const char *[]) { "summary", "--json", plan, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "{\"id\": \"loop0\", \"name\": \"Loop 0\", \"stage\": \"none\",\n     \"month\": {\"value\": null"));
    g_assert_nonnull (strstr (run.out, "\"missing\": \"formula-loop\""));
    g_assert_null (strstr (run.out, "{\"id\": \"chain0\", \"name\": \"Chain 0\", \"stage\": \"none\",\n     \"month\": {\"value\": null"));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli_within (&run, 60, (const char *[]) { "summary", plan, NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli_within (&run, 60, (const char *[]) { "report", plan, "-o", pdf, NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli_within (&run, 60, (const char *[]) { "chart", plan, "dashboard", "-o", png, NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  g_remove (pdf);
  g_remove (png);
  g_remove (plan);
  g_rmdir (dir);
}

/* 8,000 budget lines of twelve months at a trillion euros each, the most a plan holds:
 * 9.6 x 10^19 cents in all, past 2^63. Every total that cannot be held reads "n/a" (null in
 * JSON), never a wrapped negative number. */
static void
test_money_overflow (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "overflow.pilote", NULL);
  g_autoptr(GString) plan = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">\n"
                                          "  <metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
                                          "  <categories><category id=\"c\" name=\"C\"/></categories>\n"
                                          "  <budget-lines>\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 8000; i++)
    {
      g_string_append_printf (plan, "    <line id=\"l%u\" category=\"c\" name=\"Line %u\">", i, i);
      for (guint m = 1; m <= 12; m++)
        g_string_append_printf (plan, "<planned month=\"2027-%02u\" amount=\"1000000000000.00\"/>", m);
      g_string_append (plan, "</line>\n");
    }
  g_string_append (plan, "  </budget-lines>\n</plan>\n");
  g_file_set_contents (path, plan->str, -1, &error);
  g_assert_no_error (error);
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "validate", path, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "summary", path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "  Total                                             n/a"));
    g_assert_null (strstr (run.out, " -"));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "summary", "--json", path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "{\"id\": null, \"name\": \"Total\", \"planned\": null,"));
    g_assert_null (strstr (run.out, ": -"));
  }
  g_remove (path);
  g_rmdir (dir);
}

/* The calendar for a calendar program: on stdout, or into a file. */
static void
test_ical (void)
{
  g_autofree char *plan = example ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *out = g_build_filename (dir, "plan.ics", NULL);
  g_autofree char *written = NULL;
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "ical", plan, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "BEGIN:VCALENDAR\r\n"));
    g_assert_nonnull (strstr (run.out, "SUMMARY:Always-on search\r\n"));
    g_assert_nonnull (strstr (run.out, "RRULE:FREQ=WEEKLY;UNTIL=20271231\r\n"));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "ical", plan, "-o", out, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
    g_assert_true (g_str_has_suffix (written, "END:VCALENDAR\r\n"));
  }
}

/* Charts drawn with no display at all: DISPLAY and WAYLAND_DISPLAY unset, as under cron. */
static void
test_chart (void)
{
  g_autofree char *plan = example ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *svg = g_build_filename (dir, "funnel.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "timeline.png", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.pilote", NULL);
  g_autofree char *contents = NULL;

  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "chart", plan, "funnel", "-o", svg, "--today", "2027-06-30", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "<svg"));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "chart", plan, "timeline", "-o", png, "--scale", "2", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "chart", plan, "pie", "-o", png, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "There is no chart called “pie”."));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "chart", plan, "funnel", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "-o OUT.png"));
  }
  /* A chart the plan cannot show yet: said, and exit 1. */
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "new", empty, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "chart", empty, "radar", "-o", png, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "no maturity self-assessment"));
  }
}

/* report --changes-since: the section "Changes since" made from the comparison with an
 * earlier file (here the example with a campaign named otherwise), after the summary; asked
 * for without the file, with the board pack, or with a file that is no plan: a usage error. */
static void
test_report_changes_since (void)
{
  g_autofree char *plan = example ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *before = g_build_filename (dir, "before.pilote", NULL);
  g_autofree char *bad = g_build_filename (dir, "notes.pilote", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (plan, &contents, NULL, NULL));
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "name=\"Always-on search\"", "name=\"Search, first draft\"", 0), ==, 1);
  g_assert_true (g_file_set_contents (before, edited->str, -1, NULL));
  g_assert_true (g_file_set_contents (bad, "not a plan", -1, NULL));
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "report", plan, "-o", pdf, "--sections", "cover,summary", "--changes-since", before,
             "--today", "2027-06-20", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    text = pdf_text (pdf);
    g_strdelimit (text, "\n", ' ');
    g_assert_nonnull (strstr (text, "Changes since “before.pilote”"));
    g_assert_nonnull (strstr (text, "0 records added, 0 records removed, 1 record changed."));
    g_assert_nonnull (strstr (text, "Search, first draft → Always-on search"));
    g_assert_true (strstr (text, "Executive summary") < strstr (text, "Changes since “before.pilote”"));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "report", plan, "-o", pdf, "--sections", "summary,changes", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--changes-since FILE"));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "report", plan, "-o", pdf, "--board-pack", "--changes-since", before, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "report", plan, "-o", pdf, "--changes-since", bad, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "notes.pilote"));
  }
  g_unlink (pdf);
  g_unlink (before);
  g_unlink (bad);
  g_rmdir (dir);
}

/* The weekly report of the README's cron line: no display, a PDF of the sections asked for. */
static void
test_report (void)
{
  g_autofree char *plan = example ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "report", plan, "-o", pdf, "--sections", "cover,summary,budget", "--share-safe", "--paper", "letter",
             "--today", "2027-06-20", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    /* Three sections, three bookmarks; letter paper. */
    g_assert_nonnull (memmem (contents, length, "<< /Title (Cover)", 17));
    g_assert_nonnull (memmem (contents, length, "<< /Title (Budget against actual)", 33));
    g_assert_null (memmem (contents, length, "<< /Title (Notes)", 17));
    g_assert_nonnull (memmem (contents, length, "/MediaBox [ 0 0 612 792 ]", 25));
  }
  {
    /* The board pack: its five sections in order, each a bookmark, the headline figures
     * with their basis; not together with --sections. */
    g_auto(Run) run = { 0 };
    g_auto(Run) both = { 0 };
    g_autofree char *text = NULL;

    run_cli (&run, "report", plan, "-o", pdf, "--board-pack", "--today", "2027-06-20", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_clear_pointer (&contents, g_free);
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_nonnull (memmem (contents, length, "<< /Title (Executive summary)", 29));
    g_assert_nonnull (memmem (contents, length, "<< /Title (Campaigns)", 21));
    g_assert_null (memmem (contents, length, "<< /Title (Cover)", 17));
    text = g_strdelimit (pdf_text (pdf), "\n", ' ');
    g_assert_nonnull (strstr (text, "Board pack"));
    g_assert_nonnull (strstr (text, "to date against a target of 1 382 808 EUR (January to June 2027)"));
    g_assert_nonnull (strstr (text, "Campaigns that need attention"));
    run_cli (&both, "report", plan, "-o", pdf, "--board-pack", "--sections", "summary", NULL);
    g_assert_cmpint (both.status, ==, 2);
    g_assert_nonnull (strstr (both.err, "The board pack has its own sections"));
  }
  {
    /* A logo damaged after its header: the report is written without it, and stderr says so. */
    g_auto(Run) good = { 0 };
    g_auto(Run) damaged = { 0 };
    g_autofree char *xml = NULL;
    g_autofree char *with_logo = g_build_filename (dir, "logo.pilote", NULL);
    g_autofree char *broken = g_build_filename (dir, "broken-logo.pilote", NULL);
    g_auto(GStrv) halves = NULL;
    g_autofree char *good_xml = NULL;
    g_autofree char *broken_xml = NULL;

    g_assert_true (g_file_get_contents (plan, &xml, NULL, NULL));
    halves = g_strsplit (xml, "</metadata>", 2);
    good_xml = g_strconcat (halves[0], "<logo>iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLv"
                            "AAAAAElFTkSuQmCC</logo></metadata>", halves[1], NULL);
    broken_xml = g_strconcat (halves[0], "<logo>iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4MMAAAAMBAQDJ/pLv"
                              "AAAAAElFTkSuQmCC</logo></metadata>", halves[1], NULL);
    g_assert_true (g_file_set_contents (with_logo, good_xml, -1, NULL));
    g_assert_true (g_file_set_contents (broken, broken_xml, -1, NULL));
    run_cli (&good, "report", with_logo, "-o", pdf, "--board-pack", NULL);
    g_assert_cmpint (good.status, ==, 0);
    g_assert_cmpstr (good.err, ==, "");
    run_cli (&damaged, "report", broken, "-o", pdf, "--board-pack", NULL);
    g_assert_cmpint (damaged.status, ==, 0);
    g_assert_nonnull (strstr (damaged.err, "broken-logo.pilote: the plan’s logo is damaged and was left out of the report; "
                                           "choose the image again on the Plan page."));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "report", plan, "-o", pdf, "--sections", "cover,pie", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "There is no report section called “pie”."));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "report", plan, "-o", pdf, "--paper", "a3", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "“a4” or “letter”"));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "report", plan, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "-o OUT.pdf"));
  }
  /* A folder that does not exist: said, exit 1, nothing written. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *nowhere = g_build_filename (dir, "missing", "report.pdf", NULL);
    run_cli (&run, "report", plan, "-o", nowhere, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, !=, "");
  }
}

/* ---- forecast and backsolve (issue 21) ---- */

/* Checks the JSON document @json with @checks, pairs of a Python expression on it (as d) and
 * what it must print (repr, or the string itself), NULL-terminated: the output is read by a
 * real JSON parser, which fails on anything that is not JSON. One interpreter for them all. */
static void
assert_json (const char *json, const char * const *checks)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("PYTHON3"));
  g_ptr_array_add (argv, "-c");
  g_ptr_array_add (argv, "import json, sys\nd = json.load(sys.stdin)\nfor e in sys.argv[1:]:\n"
                         "    r = eval(e)\n    print(r if isinstance(r, str) else repr(r))");
  for (n = 0; checks[2 * n] != NULL; n++)
    g_ptr_array_add (argv, (char *) checks[2 * n]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, json, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("the checks failed on:\n%s", json);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n + 1);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (lines[i], checks[2 * i + 1]) != 0)
      g_error ("%s gives %s, not %s", checks[2 * i], lines[i], checks[2 * i + 1]);
}

/* The reference plan with a scenario "Stretch": MQL to SQL at 48 %, no events (its 1,000 a
 * month), and a month from SQL to customer. By hand: 5,000 a month at CPL 50 is 100 leads,
 * 25 MQL, 12 SQL and 3 customers a month later: none in January, 3 from February on, 33 in
 * the period and 3 after it; 198,000 of new revenue for 60,000 of spend. */
static char *
scenario_plan (const char *dir)
{
  g_autofree char *reference_path = reference ();
  g_autofree char *text = NULL;
  g_autofree char *with = NULL;
  g_autofree char *rest = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "scenarios.pilote", NULL);
  char *at;

  g_file_get_contents (reference_path, &text, NULL, &error);
  g_assert_no_error (error);
  at = strstr (text, "  <categories>");
  g_assert_nonnull (at);
  rest = g_strdup (at);
  *at = '\0';
  with = g_strconcat (text,
                      "  <scenarios>\n"
                      "    <scenario id=\"scn-1\" name=\"Stretch\" window=\"3\">\n"
                      "      <assume driver=\"mql-to-sql\" value=\"0.48\"/>\n"
                      "      <assume driver=\"delay-sql-to-customer\" value=\"30\"/>\n"
                      "      <assume category=\"cat-events\" change=\"-100\"/>\n"
                      "    </scenario>\n"
                      "  </scenarios>\n",
                      rest, NULL);
  g_file_set_contents (path, with, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* The bundled example, in words: the drivers with their sources, then the months. */
static void
test_forecast_example (void)
{
  g_autofree char *plan = example ();
  g_auto(Run) run = { 0 };

  run_cli (&run, "forecast", plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Forecast: Northwind"));
  g_assert_nonnull (strstr (run.out, "Drivers as of 30 June 2027:\n"));
  g_assert_nonnull (strstr (run.out, "Last 3 months (April to June 2027)"));
  g_assert_nonnull (strstr (run.out, "Default: no delay"));
  g_assert_nonnull (strstr (run.out, "  December 2027"));
  g_assert_nonnull (strstr (run.out, "\n  Total "));
  g_assert_null (strstr (run.out, "n/a"));
}

/* The reference plan worked by hand, in words and in JSON read back by a JSON parser. */
static void
test_forecast_reference (void)
{
  g_autofree char *plan = reference ();
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };

  run_cli (&text, "forecast", plan, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "LTV: 40"));
  g_assert_nonnull (strstr (text.out, "20.0×"));

  run_cli (&json, "forecast", "--json", plan, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.err, ==, "");
  assert_json (json.out, (const char *[]) {
    "d['format'], d['currency'], d['as_of'], d['scenario']", "(1, 'EUR', '2027-02-28', None)",
    "len(d['months']), d['months'][0]['month']['from'], d['months'][11]['month']['label']",
    "(12, '2027-01-01', 'December 2027')",
    "[d['total'][k] for k in ('spend', 'leads', 'mql', 'sql', 'customers', 'revenue', 'cac', 'ltv-cac', 'roi')]",
    "[72000, 1440, 360, 144, 36, 216000, 2000, 20, 2]",
    "d['months'][4]['customers'], d['after_period']['customers'], d['ltv']", "(3, 0, 40000)",
    "[(x['key'], x['value'], x['source']) for x in d['drivers'][:2]]",
    "[('cpl', 50, 'history'), ('lead-to-mql', 0.25, 'history')]",
    "d['window']['label'], d['category_changes']", "('January to February 2027', [])",
    /* The latest estimates (pl-forecast.h): two months measured, the last carried forward:
     * 120 and 80 leads, then 80 a month, 1,000 in all; the spend the same way, 6,000 then 4,000. */
    "[(x['id'], x['value'], x['months_measured'], x['method']) for x in d['latest_estimates'] "
    "if x['id'] == 'kpi-leads']", "[('kpi-leads', 1000, 2, 'naive')]",
    "d['spend_estimate']['value'], d['spend_estimate']['low'] < 50000 < d['spend_estimate']['high']",
    "(50000, True)",
    NULL });
  g_assert_nonnull (strstr (text.out, "\nLatest estimates for the period:"));
}

/* One month of history has no spread to give: the estimates say so rather than print a band
 * whose two ends are the same ("72 000 EUR to 72 000 EUR"). */
static void
test_forecast_one_month (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *reference_path = reference ();
  g_autofree char *path = g_build_filename (dir, "one-month.pilote", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) january = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  g_file_get_contents (reference_path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "2027-02") == NULL)
      g_string_append_printf (january, "%s\n", lines[i]);
  g_file_set_contents (path, january->str, -1, &error);
  g_assert_no_error (error);

  run_cli (&run, "forecast", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "no band: one month of history"));
  g_assert_null (strstr (run.out, "72 000 EUR to 72 000 EUR"));
  g_remove (path);
  g_rmdir (dir);
}

/* A scenario from the file, named in any case: its assumptions, the rest from history. */
static void
test_forecast_scenario (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *plan = scenario_plan (dir);
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) valid = { 0 };

  run_cli (&valid, "validate", plan, NULL);
  g_assert_cmpint (valid.status, ==, 0);

  run_cli (&text, "forecast", "--scenario", "stretch", plan, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.err, ==, "");
  g_assert_nonnull (strstr (text.out, "Scenario “Stretch”"));
  g_assert_nonnull (strstr (text.out, "Spend on “Events”"));
  g_assert_nonnull (strstr (text.out, "Pushed past the period’s end by the delays:"));

  run_cli (&json, "forecast", "--json", "--scenario", "Stretch", plan, NULL);
  g_assert_cmpint (json.status, ==, 0);
  assert_json (json.out, (const char *[]) {
    "d['scenario']", "Stretch",
    "[d['months'][m]['customers'] for m in (0, 1, 11)]", "[0, 3, 3]",
    "d['total']['customers'], d['total']['spend'], d['total']['revenue']", "(33, 60000, 198000)",
    "d['after_period']['customers'], d['after_period']['revenue']", "(3, 18000)",
    "[(x['key'], x['source']) for x in d['drivers'] if x['key'] in ('lead-to-mql', 'mql-to-sql', 'delay-sql-to-customer')]",
    "[('lead-to-mql', 'history'), ('mql-to-sql', 'assumed'), ('delay-sql-to-customer', 'assumed')]",
    "d['category_changes']", "[{'id': 'cat-events', 'name': 'Events', 'change': -100}]",
    NULL });
}

/* Back from a goal: twice the revenue the budget brings needs twice the spend; the gap and
 * its lever in one sentence. */
static void
test_backsolve_reference (void)
{
  g_autofree char *plan = reference ();
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) customers = { 0 };

  run_cli (&text, "backsolve", plan, "--target", "revenue=432000", "--safety", "0", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.err, ==, "");
  g_assert_true (g_str_has_prefix (text.out, "Back-solve of 432"));
  g_assert_nonnull (strstr (text.out, "more than the budget, or 1"));
  g_assert_nonnull (strstr (text.out, "440 more leads; or "));

  run_cli (&json, "backsolve", "--json", plan, "--target", "revenue=432000", "--safety", "0", NULL);
  g_assert_cmpint (json.status, ==, 0);
  assert_json (json.out, (const char *[]) {
    "d['goal'], d['safety']", "({'kind': 'revenue', 'amount': 432000}, 0)",
    "[d['total'][k] for k in ('spend', 'budget', 'leads', 'mql', 'sql', 'customers', 'revenue')]",
    "[144000, 72000, 2880, 720, 288, 72, 432000]",
    "d['gap'], d['lever'] is not None", "({'money': 72000, 'leads': 1440}, True)",
    "d['sentence'].startswith('The goal needs')", "True",
    NULL });

  /* 30 customers at the default margin of 20 %: 1,200 leads at 60, the budget exactly. */
  run_cli (&customers, "backsolve", "--json", plan, "--target", "customers=30", NULL);
  g_assert_cmpint (customers.status, ==, 0);
  assert_json (customers.out, (const char *[]) {
    "d['safety'], d['total']['spend'], d['total']['leads'], d['gap'], d['lever']",
    "(0.2, 72000, 1200, {'money': 0, 'leads': 0}, None)",
    NULL });
}

/* Each mistake a user can make ends in one line on the error stream and a status that says
 * whose it is: 2 for the command line, 1 for the plan. */
static void
test_planning_errors (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *plan = scenario_plan (dir);
  g_autofree char *reference_path = reference ();
  g_autofree char *empty = g_build_filename (dir, "empty.pilote", NULL);
  g_autofree char *broken = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "io", "bad",
                                              "scenario-unknown-driver.pilote", NULL);
  g_autofree char *many = g_build_filename (dir, "many.pilote", NULL);
  static const struct {
    int         status;
    const char *expected;  /* the line, after the command's name; NULL when checked apart */
    const char *args[8];
  } cases[] = {
    { 1, "pilote-cli forecast: The plan has no scenario “Downside”; its scenarios are: Stretch.\n",
      { "forecast", "--scenario", "Downside", "PLAN", NULL } },
    { 1, "pilote-cli backsolve: The plan has no scenario “Base”: it has no scenarios at all.\n",
      { "backsolve", "--scenario", "Base", "--target", "revenue=100", "REFERENCE", NULL } },
    { 2, "pilote-cli backsolve: Give the goal with --target revenue=AMOUNT or --target customers=NUMBER.\n",
      { "backsolve", "PLAN", NULL } },
    { 2, "pilote-cli backsolve: The target “profit=5” is not one Pilote knows: write revenue=AMOUNT or customers=NUMBER.\n",
      { "backsolve", "PLAN", "--target", "profit=5", NULL } },
    { 2, "pilote-cli backsolve: The revenue target “-5” is not an amount above 0 (write revenue=1200000).\n",
      { "backsolve", "PLAN", "--target", "revenue=-5", NULL } },
    { 2, "pilote-cli backsolve: The customers target “lots” is not a number above 0 (write customers=150).\n",
      { "backsolve", "PLAN", "--target", "customers=lots", NULL } },
    { 2, "pilote-cli backsolve: The safety margin is a share from 0 to 1: 0.2 adds 20% to the spend.\n",
      { "backsolve", "PLAN", "--target", "customers=10", "--safety", "20", NULL } },
    { 1, "pilote-cli forecast: Cost per lead is not known, and the forecast needs it: measure it over more months, "
         "or assume it in a scenario (--scenario).\n",
      { "forecast", "EMPTY", NULL } },
    { 1, "pilote-cli backsolve: Cost per lead is not known: measure it over more months, or type it as an assumption.\n",
      { "backsolve", "EMPTY", "--target", "customers=10", NULL } },
    { 1, NULL, { "forecast", "BROKEN", NULL } },
    { 1, NULL, { "backsolve", "MANY", "--target", "customers=10", NULL } },
  };
  g_auto(Run) made = { 0 };

  run_cli (&made, "new", empty, NULL);
  g_assert_cmpint (made.status, ==, 0);
  g_file_set_contents (many, "<?xml version=\"1.0\"?>\n<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.2\">\n"
                             "  <metadata title=\"T\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
                             "  <team><member id=\"a\"/><member id=\"b\"/><member id=\"c\"/></team>\n</plan>\n", -1, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      const char *argv[9] = { NULL };
      g_auto(GStrv) lines = NULL;

      for (guint a = 0; cases[i].args[a] != NULL; a++)
        argv[a] = g_str_equal (cases[i].args[a], "PLAN") ? plan
                  : g_str_equal (cases[i].args[a], "REFERENCE") ? reference_path
                  : g_str_equal (cases[i].args[a], "EMPTY") ? empty
                  : g_str_equal (cases[i].args[a], "BROKEN") ? broken
                  : g_str_equal (cases[i].args[a], "MANY") ? many : cases[i].args[a];
      run_cli (&run, argv[0], argv[1], argv[2], argv[3], argv[4], argv[5], argv[6], argv[7], NULL);
      if (run.status != cases[i].status)
        g_error ("case %u: status %d, not %d: %s", i, run.status, cases[i].status, run.err);
      g_assert_cmpstr (run.out, ==, "");
      lines = g_strsplit (run.err, "\n", -1);
      if (g_strv_length (lines) != 2 || *lines[1] != '\0')
        g_error ("case %u: not one line:\n%s", i, run.err);
      if (cases[i].expected != NULL)
        g_assert_cmpstr (run.err, ==, cases[i].expected);
    }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *expected = NULL;

    run_cli (&run, "forecast", broken, NULL);
    expected = g_strdup_printf ("%s:6:15: The scenario “Stretch” assumes “mql-to-opp”, which is not a driver; it must "
                                "be one of: cpl, lead-to-mql, mql-to-sql, sql-to-customer, delay-lead-to-mql, "
                                "delay-mql-to-sql, delay-sql-to-customer, deal, arpu, margin, churn, spend-change.\n",
                                broken);
    g_assert_cmpstr (run.err, ==, expected);
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *tail = g_strdup_printf (" (and 2 more problems: pilote-cli validate %s lists them)\n", many);

    run_cli (&run, "backsolve", many, "--target", "customers=10", NULL);
    g_assert_true (g_str_has_prefix (run.err, many));
    g_assert_true (g_str_has_suffix (run.err, tail));
  }
}

/* Both commands explain themselves, in English and in French. */
static void
test_planning_help (void)
{
  const char *commands[] = { "forecast", "backsolve" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };
      g_auto(Run) french = { 0 };
      g_auto(Run) list = { 0 };

      run_cli (&run, commands[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "--scenario=NAME"));
      g_assert_nonnull (strstr (run.out, "--json"));
      g_assert_nonnull (strstr (run.out, i == 0 ? "Projects the plan forward" : "Works back from a goal"));
      if (i == 1)
        g_assert_nonnull (strstr (run.out, "--target=GOAL"));
      run_cli_in (&french, "fr_FR.UTF-8", "fr", commands[i], "--help", NULL);
      g_assert_cmpint (french.status, ==, 0);
      g_assert_nonnull (strstr (french.out, "--scenario=NOM"));
      g_assert_nonnull (strstr (french.out, i == 0 ? "Projette le plan" : "Remonte d’un objectif"));
      run_cli (&list, "--help", NULL);
      g_assert_nonnull (strstr (list.out, commands[i]));
    }
}

/* Runs check-sheet.py (tests/io) on @expect, a JSON object's members without its braces. */
static void
check_sheet (const char *dir, const char *expect)
{
  g_autofree char *path = g_build_filename (dir, "expect.json", NULL);
  g_autofree char *script = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "io", "check-sheet.py", NULL);
  g_autofree char *json = g_strdup_printf ("{%s}", expect);
  const char *argv[] = { g_getenv ("PILOTE_PYTHON"), script, path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-sheet.py failed:\n%s%s", out, err);
}

/* The budget's totals in the workbook are the summary's (summary --json as of the period's
 * last day), category by category; the CSV holds the same values. */
static void
test_export (void)
{
  g_autofree char *plan = example ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *xlsx = g_build_filename (dir, "budget.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "budget.csv", NULL);
  g_autofree char *summary = g_build_filename (dir, "summary.json", NULL);
  g_autofree char *expect = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) json = { 0 };

  run_cli (&run, "export", plan, "--what", "budget", "-o", xlsx, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");
  run_cli (&again, "export", plan, "--what=budget", "--output", csv, NULL);
  g_assert_cmpint (again.status, ==, 0);
  run_cli (&json, "summary", "--json", "--as-of", "2027-12-31", plan, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (g_file_set_contents (summary, json.out, -1, NULL));
  expect = g_strdup_printf ("\"xlsx\": \"%s\", \"csv\": \"%s\", \"summary\": \"%s\", \"sheet\": \"Budget\", "
                            "\"freeze\": \"C3\", \"header_rows\": 2, \"formulas\": 100, \"exponent\": 2, "
                            "\"money_format\": \"#,##0.00 \\\"€\\\"\", \"csv_separator\": \",\", \"csv_decimal\": \".\", "
                            "\"total_heading\": \"Total\", \"planned_heading\": \"Planned\", "
                            "\"actual_heading\": \"Actual\", \"total_label\": \"Total\", "
                            "\"subtotal_label\": \"Category total\"", xlsx, csv, summary);
  check_sheet (dir, expect);
}

/* In French: the sheet's name, the CSV as French Excel reads it (";" and decimal commas). */
static void
test_export_french (void)
{
  g_autofree char *plan = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "io", "sheets",
                                            "edge-eur.pilote", NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *xlsx = g_build_filename (dir, "campagnes.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "campagnes.csv", NULL);
  g_autofree char *expect = NULL;
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };

  run_cli_in (&run, "fr_FR.UTF-8", "fr", "export", plan, "--what", "campaigns", "-o", xlsx, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli_in (&again, "fr_FR.UTF-8", "fr", "export", plan, "--what", "campaigns", "-o", csv, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Campagne;"));
  g_assert_nonnull (strstr (contents, ";1500,00;1049,75;450,25;"));
  expect = g_strdup_printf ("\"xlsx\": \"%s\", \"csv\": \"%s\", \"sheet\": \"Campagnes\", \"freeze\": \"B2\", "
                            "\"header_rows\": 1, \"formulas\": 3, \"exponent\": 2, "
                            "\"money_format\": \"#,##0.00 \\\"€\\\"\", \"csv_separator\": \";\", \"csv_decimal\": \",\"",
                            xlsx, csv);
  check_sheet (dir, expect);
}

/* In the child: writes fail as on a full disk past 4 KiB (EFBIG rather than ENOSPC). */
static void
small_disk (gpointer data)
{
  struct rlimit limit = { 4096, 4096 };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Wrong command lines are 2, a plan that cannot be read or a file that cannot be written 1,
 * each with a message that says what to do. */
static void
test_export_errors (void)
{
  g_autofree char *plan = example ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *xlsx = g_build_filename (dir, "budget.xlsx", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "budget.xlsx", NULL);
  g_autofree char *no_plan = g_build_filename (dir, "none.pilote", NULL);
  const struct {
    const char *args[6];
    int         status;
    const char *words;
  } cases[] = {
    { { plan, "-o", xlsx }, 2, "Say what to export with --what budget, --what kpis or --what campaigns." },
    { { plan, "--what", "spend", "-o", xlsx }, 2,
      "“spend” is not something Pilote exports: say --what budget, --what kpis or --what campaigns." },
    { { plan, "--what", "budget" }, 2, "Say where to write it with -o FILE.xlsx or -o FILE.csv." },
    { { plan, "--what", "kpis", "-o", "budget.ods" }, 2, "“budget.ods” ends in neither .xlsx nor .csv" },
    { { "--what", "kpis", "-o", xlsx }, 2, "Name one plan file." },
    { { plan, plan, "--what", "kpis", "-o", xlsx }, 2, "Name one plan file." },
    { { no_plan, "--what", "kpis", "-o", xlsx }, 1, "none.pilote" },
    { { plan, "--what", "kpis", "-o", missing }, 1,
      "budget.xlsx: The spreadsheet was not written, because the folder" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, "export", cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3],
               cases[i].args[4], cases[i].args[5], NULL);
      if (run.status != cases[i].status || strstr (run.err, cases[i].words) == NULL)
        g_error ("case %u: status %d, %s", i, run.status, run.err);
    }
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));

  /* A full disk: 1, said so, and the file there before left as it was. */
  for (guint i = 0; i < 2; i++)
    {
      const char *out = i == 0 ? "budget.xlsx" : "budget.csv";
      g_autofree char *target = g_build_filename (dir, out, NULL);
      const char *argv[] = { g_getenv ("PILOTE_CLI"), "export", plan, "--what", "budget", "-o", target, NULL };
      g_autofree char *err = NULL, *contents = NULL;
      int status = 0;

      g_assert_true (g_file_set_contents (target, "the old file", -1, NULL));
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, small_disk, NULL, NULL, &err,
                                   &status, NULL));
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
      g_assert_nonnull (strstr (err, "The spreadsheet was not written, because the disk is full."));
      g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "the old file");
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/validate-example", test_validate_example);
  g_test_add_func ("/cli/validate-problems", test_validate_problems);
  g_test_add_func ("/cli/validate-impossible-values", test_validate_impossible_values);
  g_test_add_func ("/cli/validate-newer-minor", test_validate_newer_minor);
  g_test_add_func ("/cli/summary-example", test_summary_example);
  g_test_add_func ("/cli/reference/json", test_reference_json);
  g_test_add_func ("/cli/reference/json-missing", test_reference_json_missing);
  g_test_add_func ("/cli/reference/text", test_reference_text);
  g_test_add_func ("/cli/reference/report", test_reference_report);
  g_test_add_func ("/cli/reference/kpi-spend", test_reference_kpi_spend);
  g_test_add_func ("/cli/reference/as-of", test_reference_as_of);
  g_test_add_func ("/cli/summary-locales", test_summary_locales);
  g_test_add_func ("/cli/format-across-locales", test_format_across_locales);
  g_test_add_func ("/cli/report-locales", test_report_locales);
  g_test_add_func ("/cli/new-then-format", test_new_then_format);
  g_test_add_func ("/cli/format-normalises", test_format_normalises);
  g_test_add_func ("/cli/forecast/example", test_forecast_example);
  g_test_add_func ("/cli/forecast/reference", test_forecast_reference);
  g_test_add_func ("/cli/forecast/scenario", test_forecast_scenario);
  g_test_add_func ("/cli/forecast/one-month", test_forecast_one_month);
  g_test_add_func ("/cli/backsolve/reference", test_backsolve_reference);
  g_test_add_func ("/cli/planning/errors", test_planning_errors);
  g_test_add_func ("/cli/planning/help", test_planning_help);
  g_test_add_func ("/cli/import", test_import);
  g_test_add_func ("/cli/import-files", test_import_files);
  g_test_add_func ("/cli/import-statuses", test_import_statuses);
  g_test_add_func ("/cli/assessment", test_assessment);
  g_test_add_func ("/cli/ical", test_ical);
  g_test_add_func ("/cli/formula-loops", test_formula_loops);
  g_test_add_func ("/cli/money-overflow", test_money_overflow);
  g_test_add_func ("/cli/chart", test_chart);
  g_test_add_func ("/cli/report", test_report);
  g_test_add_func ("/cli/report-changes-since", test_report_changes_since);
  g_test_add_func ("/cli/export", test_export);
  g_test_add_func ("/cli/export-french", test_export_french);
  g_test_add_func ("/cli/export-errors", test_export_errors);
  g_test_add_func ("/cli/import-spend", test_import_spend);
  return g_test_run ();
}

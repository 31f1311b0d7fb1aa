/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pilote-cli"
#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pl-cli-assessment.h"
#include "pl-cli-diff.h"
#include "pl-cli-export.h"
#include "pl-cli-command.h"
#include "pl-cli-import-spend.h"
#include "pl-cli-import-budget.h"
#include "pl-cli-merge.h"
#include "pl-cli-new.h"
#include "pl-cli-planning.h"
#include "pl-calendar.h"
#include "pl-chart-catalog.h"
#include "pl-dashboard.h"
#include "pl-report.h"
#include "pl-plan-diff.h"
#include "pl-cli-summary.h"
#include "pl-error.h"
#include "pl-i18n.h"
#include "pl-ical.h"
#include "pl-import-campaigns.h"
#include "pl-measurement-import.h"
#include "pl-paper.h"
#include "pl-plan-file.h"
#include "pl-plan-reader.h"
#include "pl-plan-validate.h"
#include "pl-plan-writer.h"
#include "pl-questionnaire-file.h"
#include "pl-report-settings.h"

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct {
  const char  *name;
  const char  *arguments;
  const char  *summary;
  CommandFunc  run;
} Command;

static void
print_problem (const char *file, const PlProblem *problem)
{
  if (problem->warning)
    /* Translators: a warning's label in the FILE:LINE:COLUMN: form compilers use */
    g_print ("%s:%u:%u: %s %s\n", file, problem->line, problem->column ? problem->column : 1,
             _("warning:"), problem->message);
  else
    g_print ("%s:%u:%u: %s\n", file, problem->line, problem->column ? problem->column : 1,
             problem->message);
}

static int
command_validate (int argc, char **argv)
{
  int status = EXIT_OK;

  if (!pl_cli_parse ("validate", _("FILE…"), _("Checks plan files: the XML, the schema and every rule of the plan.\n"
                                              "Exits with 0 when all are valid, 1 when a file has problems, "
                                              "each listed as FILE:LINE:COLUMN: message. Warnings (likely mistakes, "
                                              "such as more leads than visitors in a month) are listed too but leave the status 0."),
                     NULL, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return pl_cli_usage_error ("validate", _("Name at least one plan file."));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlPlan) plan = pl_plan_load (file, argv[i], PL_READ_SCHEMA, NULL, &error);
      g_autoptr(GPtrArray) problems = NULL;
      guint n_warnings = 0;

      if (plan == NULL)
        {
          g_print ("%s\n", error->message);
          status = EXIT_PROBLEMS;
          continue;
        }
      {
        g_autofree char *notice = pl_plan_describe_newer_format (plan);

        /* A note, not a problem: the file is read whole and written back whole. */
        if (notice != NULL)
          /* Translators: a note's label in the FILE: note: message form compilers use */
          g_print ("%s: %s %s\n", argv[i], _("note:"), notice);
        /* The objectives brought to their KPIs' targets as the file was read: notes too. */
        for (const char * const *note = pl_plan_get_reconciled (plan); note != NULL && *note != NULL; note++)
          g_print ("%s: %s %s\n", argv[i], _("note:"), *note);
      }
      problems = pl_plan_validate (plan);
      for (guint p = 0; p < problems->len; p++)
        {
          const PlProblem *problem = g_ptr_array_index (problems, p);

          print_problem (argv[i], problem);
          n_warnings += problem->warning;
        }
      /* A warning is likely a mistake, not a broken plan: scripts still get 0 for it. */
      if (problems->len > n_warnings)
        status = EXIT_PROBLEMS;
      else if (n_warnings > 0)
        /* Translators: %s is a file name, %u a number of warnings */
        g_print (ngettext ("%s: valid plan, with %u warning\n",
                           "%s: valid plan, with %u warnings\n", n_warnings), argv[i], n_warnings);
      else
        /* Translators: %s is a file name */
        g_print (_("%s: valid plan\n"), argv[i]);
    }
  return status;
}

/* Reads --as-of (or --today, its older name) into *@as_of, or leaves @as_of at 0. */
static gboolean parse_day (const char *text, guint32 *day);

#define AS_OF_ENTRIES(as_of_text, today_text) \
  { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text, \
    N_("The day the figures are for (YYYY-MM-DD; by default the end of the last month measured)"), N_("DATE") }, \
  { "today", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &today_text, N_("The same as --as-of"), N_("DATE") }

/* The day the figures are for: --as-of, else --today, else the plan's default. */
static gboolean
resolve_as_of (PlPlan *plan, const char *as_of_text, const char *today_text, guint32 *as_of)
{
  guint32 day = 0;

  if (!parse_day (as_of_text != NULL ? as_of_text : today_text, &day))
    return FALSE;
  *as_of = day != 0 ? day : pl_dashboard_as_of (plan, pl_calendar_today ());
  return TRUE;
}

static int
command_summary (int argc, char **argv)
{
  int status = EXIT_OK;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autofree char *text = NULL;
  g_autofree char *as_of_text = NULL, *today_text = NULL;
  gboolean json = FALSE;
  guint32 as_of = 0;
  GOptionEntry entries[] = {
    AS_OF_ENTRIES (as_of_text, today_text),
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the figures as JSON, for scripts (see doc/summary-json.md)"), NULL },
    { NULL }
  };

  if (!pl_cli_parse ("summary", _("FILE"), _("Prints a plan’s summary: period, budget by category, campaigns, "
                                            "and the KPI chain’s figures to date (CPL, CAC, LTV:CAC), each with "
                                            "the months it covers."),
                     entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pl_cli_usage_error ("summary", _("Name one plan file."));
  if (!parse_day (as_of_text != NULL ? as_of_text : today_text, &as_of))
    return pl_cli_usage_error ("summary", _("Give the day as YYYY-MM-DD."));
  file = g_file_new_for_commandline_arg (argv[1]);
  plan = pl_plan_load (file, argv[1], PL_READ_DEFAULT, NULL, &error);
  if (plan == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_PROBLEMS;
    }
  resolve_as_of (plan, as_of_text, today_text, &as_of);
  text = json ? pl_cli_summary_json (plan, as_of) : pl_cli_summary (plan, as_of);
  g_print ("%s", text);
  return EXIT_OK;
}

/* Loads the plan of a planning command and finds its scenario; FALSE with one line printed
 * (the plan's first problem, and how many more validate lists) when either fails. */
static gboolean
load_planning (const char *command, const char *path, const char *scenario_name, PlPlan **plan,
               PlScenario **scenario)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  *plan = pl_plan_load (file, path, PL_READ_DEFAULT, NULL, &error);
  if (*plan == NULL)
    {
      g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);
      guint more = g_strv_length (lines) - 1;

      if (more > 0)
        /* Translators: the first problem of a plan that cannot be read, the number of the others
         * and the file's name */
        g_printerr (ngettext ("%s (and %u more problem: pilote-cli validate %s lists it)\n",
                              "%s (and %u more problems: pilote-cli validate %s lists them)\n", more),
                    lines[0], more, path);
      else
        g_printerr ("%s\n", lines[0]);
      return FALSE;
    }
  *scenario = NULL;
  if (scenario_name != NULL && (*scenario = pl_cli_find_scenario (*plan, scenario_name, &error)) == NULL)
    {
      g_printerr ("pilote-cli %s: %s\n", command, error->message);
      g_clear_object (plan);
      return FALSE;
    }
  return TRUE;
}

static int
command_forecast (int argc, char **argv)
{
  int status = EXIT_OK;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *scenario_name = NULL;
  g_autofree char *as_of_text = NULL, *today_text = NULL;
  gboolean json = FALSE;
  PlScenario *scenario;
  guint32 as_of = 0;
  GOptionEntry entries[] = {
    { "scenario", 's', 0, G_OPTION_ARG_STRING, &scenario_name,
      N_("Use this scenario’s assumptions, the other drivers from the plan’s history"), N_("NAME") },
    AS_OF_ENTRIES (as_of_text, today_text),
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the figures as JSON, for scripts (see doc/summary-json.md)"), NULL },
    { NULL }
  };

  if (!pl_cli_parse ("forecast", _("PLAN"), _("Projects the plan forward, month by month: the planned spend, the leads, "
                                             "MQL, SQL, new customers and new revenue it brings, with CAC, LTV:CAC and "
                                             "ROI. Each stage follows the one before it by the conversion rates, later "
                                             "by the delays between stages. The drivers come from the last 3 months "
                                             "measured, or from a scenario; each is printed with its source."),
                     entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pl_cli_usage_error ("forecast", _("Name one plan file."));
  if (!parse_day (as_of_text != NULL ? as_of_text : today_text, &as_of))
    return pl_cli_usage_error ("forecast", _("Give the day as YYYY-MM-DD."));
  if (!load_planning ("forecast", argv[1], scenario_name, &plan, &scenario))
    return EXIT_PROBLEMS;
  resolve_as_of (plan, as_of_text, today_text, &as_of);
  text = pl_cli_forecast (plan, scenario, as_of, json, &error);
  if (text == NULL)
    {
      g_printerr ("pilote-cli forecast: %s\n", error->message);
      return EXIT_PROBLEMS;
    }
  g_print ("%s", text);
  return EXIT_OK;
}

static int
command_backsolve (int argc, char **argv)
{
  int status = EXIT_OK;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *scenario_name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *as_of_text = NULL, *today_text = NULL;
  double safety = PL_BACKSOLVE_DEFAULT_SAFETY, amount = 0;
  gboolean json = FALSE;
  PlGoalKind goal = PL_GOAL_REVENUE;
  PlScenario *scenario;
  guint32 as_of = 0;
  GOptionEntry entries[] = {
    { "target", 't', 0, G_OPTION_ARG_STRING, &target,
      N_("The goal over the period: revenue=AMOUNT (new revenue) or customers=NUMBER (new customers)"),
      N_("GOAL") },
    { "safety", 0, 0, G_OPTION_ARG_DOUBLE, &safety,
      N_("The safety margin on the spend, 0.2 for 20% (the default)"), N_("SHARE") },
    { "scenario", 's', 0, G_OPTION_ARG_STRING, &scenario_name,
      N_("Use this scenario’s assumptions, the other drivers from the plan’s history"), N_("NAME") },
    AS_OF_ENTRIES (as_of_text, today_text),
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the figures as JSON, for scripts (see doc/summary-json.md)"), NULL },
    { NULL }
  };

  if (!pl_cli_parse ("backsolve", _("PLAN --target revenue=AMOUNT|customers=NUMBER"),
                     _("Works back from a goal for the period: the new customers it needs each month, the SQL, "
                       "MQL and leads they need in earlier months by the delays, and the spend those leads need "
                       "at the cost per lead with a safety margin; then the gap with the budget, in money and in "
                       "leads, and the one lever that alone would close it."),
                     entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pl_cli_usage_error ("backsolve", _("Name one plan file."));
  if (target == NULL)
    {
      g_printerr ("pilote-cli backsolve: %s\n", _("Give the goal with --target revenue=AMOUNT or --target customers=NUMBER."));
      return EXIT_USAGE;
    }
  if (!pl_cli_parse_target (target, &goal, &amount, &error))
    {
      g_printerr ("pilote-cli backsolve: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (!(safety >= 0 && safety <= 1))
    {
      /* xgettext:no-c-format */
      const char *message = _("The safety margin is a share from 0 to 1: 0.2 adds 20% to the spend.");
      g_printerr ("pilote-cli backsolve: %s\n", message);
      return EXIT_USAGE;
    }
  if (!parse_day (as_of_text != NULL ? as_of_text : today_text, &as_of))
    return pl_cli_usage_error ("backsolve", _("Give the day as YYYY-MM-DD."));
  if (!load_planning ("backsolve", argv[1], scenario_name, &plan, &scenario))
    return EXIT_PROBLEMS;
  resolve_as_of (plan, as_of_text, today_text, &as_of);
  text = pl_cli_backsolve (plan, scenario, as_of, goal, amount, safety, json, &error);
  if (text == NULL)
    {
      g_printerr ("pilote-cli backsolve: %s\n", error->message);
      return EXIT_PROBLEMS;
    }
  g_print ("%s", text);
  return EXIT_OK;
}

static int
command_format (int argc, char **argv)
{
  int status = EXIT_OK;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT instead of replacing FILE; “-” writes to the standard output"), N_("OUT") },
    { NULL }
  };
  g_autoptr(GFile) file = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  PlFileStamp stamp;

  if (!pl_cli_parse ("format", _("FILE"), _("Rewrites a plan in the current version of the file format, "
                                           "in the standard layout (a hand-edited or older file becomes "
                                           "a clean one). What this version does not know is kept."),
                     entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pl_cli_usage_error ("format", _("Name one plan file."));
  file = g_file_new_for_commandline_arg (argv[1]);
  plan = pl_plan_load (file, argv[1], PL_READ_DEFAULT, &stamp, &error);
  if (plan == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_PROBLEMS;
    }
  if (output != NULL && strcmp (output, "-") == 0)
    {
      g_autoptr(GBytes) bytes = pl_plan_write_bytes (plan);
      fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);
      return fflush (stdout) == 0 ? EXIT_OK : EXIT_PROBLEMS;
    }
  {
    g_autoptr(GFile) target = output ? g_file_new_for_commandline_arg (output) : g_object_ref (file);
    if (!pl_plan_save (plan, target, output ? NULL : &stamp, NULL, &error))
      {
        g_printerr ("%s\n", error->message);
        return EXIT_PROBLEMS;
      }
  }
  return EXIT_OK;
}

/* Prints every change of @changes that changes something, a line each. */
static void
print_changes (PlPlan *plan, GArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const PlImportChange *change = &g_array_index (changes, PlImportChange, i);
      g_autofree char *line = NULL;

      if (pl_import_change_is_unchanged (change))
        continue;
      line = pl_import_change_describe (plan, change);
      g_print ("%s\n", line);
    }
}

static int
command_import (int argc, char **argv)
{
  int status = EXIT_OK;
  g_autofree char *date_column = NULL, *kpi_column = NULL, *value_column = NULL, *date_format = NULL;
  g_autofree char *thousands = NULL, *delimiter = NULL, *source = NULL, *campaign_column = NULL;
  g_auto(GStrv) kpi_columns = NULL;
  g_auto(GStrv) column_list = NULL;
  gboolean decimal_comma = FALSE, decimal_point = FALSE, keep_going = FALSE, dry_run = FALSE;
  gboolean percent = FALSE, fraction = FALSE, no_campaign = FALSE;
  GOptionEntry entries[] = {
    { "date-column", 0, 0, G_OPTION_ARG_STRING, &date_column, N_("The column of the dates (its header or its number)"), N_("COLUMN") },
    { "kpi-column", 0, 0, G_OPTION_ARG_STRING, &kpi_column, N_("The column naming the KPI of each row (its ID or name)"), N_("COLUMN") },
    { "value-column", 0, 0, G_OPTION_ARG_STRING, &value_column, N_("The column of the values"), N_("COLUMN") },
    { "kpi-columns", 0, 0, G_OPTION_ARG_STRING_ARRAY, &kpi_columns,
      N_("A column per KPI: these columns, each headed by a KPI’s ID or name or given as HEADER=KPI, separated by commas "
         "(without --kpi-column and --value-column, every column naming a KPI)"), N_("COLUMNS") },
    { "campaign-column", 0, 0, G_OPTION_ARG_STRING, &campaign_column,
      N_("The column naming each row’s campaign (its header or its number): the values are that campaign’s results "
         "by month, not KPI measurements (by default a column headed Campaign, Campaign name, Session campaign, "
         "utm_campaign, Campagne…)"), N_("COLUMN") },
    { "no-campaign-column", 0, 0, G_OPTION_ARG_NONE, &no_campaign,
      N_("Import KPI measurements even when a column is headed like a campaign column"), NULL },
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &date_format,
      N_("iso, dmy, mdy, yyyymmdd, month (2027-01, 01/2027, Jan 2027), words (Dec 1, 2026) or auto (the default)"), N_("FORMAT") },
    { "decimal-comma", 0, 0, G_OPTION_ARG_NONE, &decimal_comma, N_("Numbers use a decimal comma (1234,5); the default for a file separated by semicolons"), NULL },
    { "decimal-point", 0, 0, G_OPTION_ARG_NONE, &decimal_point, N_("Numbers use a decimal point (1234.5), even in a file separated by semicolons"), NULL },
    { "thousands", 0, 0, G_OPTION_ARG_STRING, &thousands, N_("The thousands separator: , . ' space, nbsp or none (the default)"), N_("SEP") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter, N_("The field delimiter: , ; or tab (found from the file by default)"), N_("SEP") },
    { "percent", 0, 0, G_OPTION_ARG_NONE, &percent, N_("A KPI in percent given numbers without a percent sign: they are percentages, 0.9 is 0.9%"), NULL },
    { "fraction", 0, 0, G_OPTION_ARG_NONE, &fraction, N_("A KPI in percent given numbers without a percent sign: they are fractions, 0.9 is 90%"), NULL },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("Where the figures come from, kept with each one (the file’s name by default)"), N_("NAME") },
    { "keep-going", 0, 0, G_OPTION_ARG_NONE, &keep_going, N_("Save the rows that read even when others are rejected"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("List every value that would be added or replaced, and change nothing"), NULL },
    { NULL }
  };
  PlImportOptions options = { 0 };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) data = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  PlFileStamp stamp;
  g_autofree char *text = NULL, *data_name = NULL, *counts = NULL;
  PlImportCounts counted;
  gsize length;
  guint applied;

  if (!pl_cli_parse ("import", _("PLAN DATA.csv"),
                     _("Reads KPI measurements from a CSV export (web analytics, CRM) into a plan: a row per "
                       "KPI and date (--kpi-column and --value-column) or a column per KPI (--kpi-columns). "
                       "Each date goes into the period of its KPI (the week from Monday, the month, the quarter) "
                       "and replaces the value the plan holds for that period; rows finer than the KPI are "
                       "combined as the KPI adds up. Every rejected row is listed with its line and why; then "
                       "nothing is saved unless --keep-going is given.\n"
                       "A file with a campaign column (HubSpot’s or Salesforce’s campaign report, GA4’s session "
                       "campaign) gives campaign results instead: each row’s values are its campaign’s results on "
                       "the KPIs, by month, the campaign found by its code, then by its name; a campaign not yet "
                       "attached to a KPI is attached to it. Rows from no campaign (“(direct)”, “(not set)”) are "
                       "left out, and names that match no campaign are rejected and listed.\n"
                       "Exits with 0 when everything was imported, 1 when nothing was saved (rows rejected, a file "
                       "that cannot be read or written), 2 on a wrong command line, 3 when the plan was saved with "
                       "rows left out (--keep-going). --dry-run exits as the import would."),
                     entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return pl_cli_usage_error ("import", _("Name the plan file and the CSV file."));
  if (!pl_cli_read_csv_format ("import",
                               &(PlCliCsvFormat) { date_format, thousands, delimiter, decimal_comma, decimal_point },
                               &options.date_format, &options.decimal, &options.thousands, &options.delimiter, &status))
    return status;
  if (percent && fraction)
    return pl_cli_usage_error ("import", _("Give either --percent or --fraction."));
  if (campaign_column != NULL && no_campaign)
    return pl_cli_usage_error ("import", _("Give either --campaign-column or --no-campaign-column."));
  options.campaign_column = campaign_column;
  options.no_campaign = no_campaign;
  options.date_column = date_column;
  options.kpi_column = kpi_column;
  options.value_column = value_column;
  column_list = pl_cli_split_list (kpi_columns);
  if (kpi_columns != NULL && column_list[0] == NULL)
    return pl_cli_usage_error ("import", _("--kpi-columns needs at least one column."));
  if (kpi_columns != NULL && (kpi_column != NULL || value_column != NULL))
    return pl_cli_usage_error ("import", _("Give either --kpi-columns or --kpi-column and --value-column."));
  options.kpi_columns = kpi_columns ? (const char * const *) column_list : NULL;
  options.percent = percent ? PL_IMPORT_PERCENT_NUMBERS : fraction ? PL_IMPORT_PERCENT_FRACTIONS : PL_IMPORT_PERCENT_AUTO;

  if ((plan = pl_cli_load_plan (argv[1], &file, &stamp)) == NULL
      || (text = pl_cli_read_import (argv[2], &data, &length)) == NULL)
    return EXIT_PROBLEMS;
  /* HubSpot's and Salesforce's "4,500.00" as the window's import reads them. */
  if (thousands == NULL && (options.thousands = pl_import_guess_thousands (plan, text, (gssize) length, &options)) != 0)
    /* Translators: the separator the command found the numbers need, "," or "." */
    g_print (_("The thousands separator is “%c”, as the file’s numbers need it (--thousands to choose another).\n"),
             options.thousands);
  preview = pl_import_preview (plan, text, (gssize) length, &options, &error);
  if (preview == NULL)
    {
      g_printerr ("%s: %s\n", argv[2], error->message);
      if (g_error_matches (error, PL_ERROR, PL_ERROR_AMBIGUOUS))
        g_printerr (_("Add --percent if the file writes percentages (0.9 for 0.9%%), or --fraction if it writes "
                      "fractions (0.9 for 90%%). Nothing was imported.\n"));
      return EXIT_PROBLEMS;
    }
  pl_cli_print_rejections (argv[2], preview->rejected);
  {
    g_autofree char *unmatched = pl_import_unmatched_text (preview);

    if (unmatched != NULL)
      g_printerr ("%s: %s\n", argv[2], unmatched);
  }
  if (preview->ignored[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", preview->ignored);
      /* Translators: a CSV file, then its columns that were not imported */
      g_printerr (_("%s: columns not read, as they name no KPI of this plan: %s\n"), argv[2], list);
    }
  for (guint i = 0; preview->notes[i] != NULL; i++)
    g_print ("%s\n", preview->notes[i]);
  data_name = g_file_get_basename (data);
  counted = pl_import_changes_count (preview->changes);
  counts = pl_import_counts_text (&counted);
  if (dry_run)
    print_changes (plan, preview->changes);
  if (preview->rejected->len > 0 && !keep_going && preview->changes->len == 0)
    {
      /* Nothing reads: --keep-going would import nothing either. */
      g_print (ngettext ("%u row rejected: nothing imported.\n", "%u rows rejected: nothing imported.\n",
                         preview->n_rejected_rows), preview->n_rejected_rows);
      return EXIT_PROBLEMS;
    }
  if (preview->rejected->len > 0 && !keep_going)
    {
      /* Two counts, two plurals: the rows rejected, then the values that read. */
      g_autofree char *values = g_strdup_printf (ngettext ("--keep-going imports the %u value that reads",
                                                           "--keep-going imports the %u values that read",
                                                           preview->changes->len), preview->changes->len);
      g_print (ngettext ("%u row rejected: nothing imported (%s).\n", "%u rows rejected: nothing imported (%s).\n",
                         preview->n_rejected_rows),
               preview->n_rejected_rows, values);
      return EXIT_PROBLEMS;
    }
  if (dry_run)
    {
      /* Translators: what a dry run would do: "3 values added, 2 replaced, 1 unchanged" */
      g_print (_("Would import: %s.\n"), counts);
      return pl_cli_import_status (preview->rejected->len, TRUE, 0);
    }
  applied = pl_import_apply (plan, preview, source ? source : data_name);
  if (applied > 0 && !pl_cli_save_plan (plan, file, &stamp))
    return EXIT_PROBLEMS;
  /* Translators: a plan file, then "3 values added, 2 replaced, 1 unchanged" */
  g_print (_("Imported into %s: %s.\n"), argv[1], counts);
  if (preview->rejected->len > 0)
    {
      g_print (ngettext ("%u row rejected and left out.\n", "%u rows rejected and left out.\n", preview->n_rejected_rows),
               preview->n_rejected_rows);
    }
  return pl_cli_import_status (preview->rejected->len, FALSE, applied);
}

static int
command_assessment (int argc, char **argv)
{
  int status = EXIT_OK;
  g_autofree char *round = NULL;
  GOptionEntry entries[] = {
    { "round", 0, 0, G_OPTION_ARG_STRING, &round, N_("The round to show (the latest by default)"), N_("ID") },
    { NULL }
  };
  g_autoptr(GFile) file = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!pl_cli_parse ("assessment", _("FILE"), _("Prints a round of the marketing maturity self-assessment: its date and "
                                               "respondents, each dimension’s score beside the previous round’s, the "
                                               "overall score and the persona."),
                     entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pl_cli_usage_error ("assessment", _("Name one plan file."));
  file = g_file_new_for_commandline_arg (argv[1]);
  plan = pl_plan_load (file, argv[1], PL_READ_DEFAULT, NULL, &error);
  if (plan == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_PROBLEMS;
    }
  text = pl_cli_assessment (plan, round, &error);
  if (text == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return EXIT_PROBLEMS;
    }
  g_print ("%s", text);
  return EXIT_OK;
}

static int
command_ical (int argc, char **argv)
{
  int status = EXIT_OK;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT instead of the standard output"), N_("OUT") },
    { NULL }
  };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (!pl_cli_parse ("ical", _("FILE"), _("Writes the plan’s calendar as iCalendar (RFC 5545) for a calendar program to "
                                         "subscribe to: campaigns and activities as all-day events, milestones, and "
                                         "reviews repeating by their cadence. Events keep their identity from one run "
                                         "to the next, so a subscription updates them."),
                     entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pl_cli_usage_error ("ical", _("Name one plan file."));
  file = g_file_new_for_commandline_arg (argv[1]);
  plan = pl_plan_load (file, argv[1], PL_READ_DEFAULT, NULL, &error);
  if (plan == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_PROBLEMS;
    }
  /* Event by event: a calendar of a million entries is never held in memory whole. */
  if (output == NULL)
    {
      g_autoptr(GOutputStream) raw = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      g_autoptr(GOutputStream) out = g_buffered_output_stream_new_sized (raw, 64 * 1024);

      if (!pl_ical_write_stream (plan, 0, out, NULL, &error) || !g_output_stream_close (out, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_PROBLEMS;
        }
      return EXIT_OK;
    }
  target = g_file_new_for_commandline_arg (output);
  if (!pl_ical_export (plan, target, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_PROBLEMS;
    }
  return EXIT_OK;
}

/* Reads --today's YYYY-MM-DD into *@day (left as it is when @text is NULL). */
static gboolean
parse_day (const char *text, guint32 *day)
{
  GDate date;

  if (text == NULL)
    return TRUE;
  g_date_clear (&date, 1);
  g_date_set_parse (&date, text);
  if (!g_date_valid (&date) || strlen (text) != 10 || text[4] != '-')
    return FALSE;
  *day = g_date_get_julian (&date);
  return TRUE;
}

static int
command_chart (int argc, char **argv)
{
  int status = EXIT_OK;
  g_autofree char *output = NULL;
  g_autofree char *today_text = NULL, *as_of_text = NULL;
  double scale = 1;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write: .png, .svg or .pdf"), N_("OUT") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, N_("Pixels per point in a PNG (2 for high-density screens)"), N_("N") },
    AS_OF_ENTRIES (as_of_text, today_text),
    { NULL }
  };
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint n;
  const PlChartKind *kinds = pl_chart_catalog_list (&n);
  guint32 as_of = 0;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (names, "\n  %-14s %s", kinds[i].name, _(kinds[i].title));
  summary = g_strdup_printf (_("Draws one of the plan’s charts into a file, with no display needed: PNG for "
                               "slides and mail, SVG or PDF to print at any size. CHART is one of:%s"), names->str);
  if (!pl_cli_parse ("chart", _("FILE CHART -o OUT"), summary, entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return pl_cli_usage_error ("chart", _("Name one plan file and one chart."));
  if (output == NULL)
    return pl_cli_usage_error ("chart", _("Say where to write the chart with -o OUT.png, .svg or .pdf."));
  if (pl_chart_catalog_lookup (argv[2]) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no chart called “%s”."), argv[2]);
      return pl_cli_usage_error ("chart", message);
    }
  if (!parse_day (as_of_text != NULL ? as_of_text : today_text, &as_of))
    return pl_cli_usage_error ("chart", _("Give the day as YYYY-MM-DD."));
  file = g_file_new_for_commandline_arg (argv[1]);
  plan = pl_plan_load (file, argv[1], PL_READ_DEFAULT, NULL, &error);
  if (plan == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }
  resolve_as_of (plan, as_of_text, today_text, &as_of);
  if (!pl_chart_catalog_export (plan, argv[2], as_of, output, scale, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_PROBLEMS;
    }
  return EXIT_OK;
}

/* A logo whose header is sound but whose pixels are damaged prints as nothing: a report
 * written by a script would go out without it and nobody would know. */
static void
warn_damaged_logo (PlPlan *plan, const char *name)
{
  g_autoptr(GBytes) logo = pl_report_dup_logo (plan);
  cairo_surface_t *drawn;

  if (logo == NULL)
    return;
  drawn = pl_paper_logo_new (plan);
  if (drawn == NULL)
    g_printerr (_("%s: the plan’s logo is damaged and was left out of the report; choose the image again on "
                  "the Plan page.\n"), name);
  else
    cairo_surface_destroy (drawn);
}

static int
command_report (int argc, char **argv)
{
  int status = EXIT_OK;
  g_autofree char *output = NULL;
  g_autofree char *today_text = NULL, *as_of_text = NULL;
  g_autofree char *sections = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *since = NULL;
  gboolean share_safe = FALSE, split = FALSE, board_pack = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("OUT.pdf") },
    { "board-pack", 0, 0, G_OPTION_ARG_NONE, &board_pack,
      N_("Write the board pack instead: at most five pages with the plan’s commentary and headline figures"), NULL },
    { "sections", 0, 0, G_OPTION_ARG_STRING, &sections,
      N_("The sections, in order, separated by commas (the plan’s choice by default)"), N_("LIST") },
    { "share-safe", 0, 0, G_OPTION_ARG_NONE, &share_safe,
      N_("Show every amount as a share, so the report can travel outside the finance circle"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("a4 (the default) or letter"), N_("PAPER") },
    { "split-timeline", 0, 0, G_OPTION_ARG_NONE, &split, N_("Print the timeline a quarter a page"), NULL },
    { "changes-since", 0, 0, G_OPTION_ARG_FILENAME, &since,
      N_("Add the section “Changes since”: what changed in the plan since this earlier plan file"), N_("FILE") },
    AS_OF_ENTRIES (as_of_text, today_text),
    { NULL }
  };
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(PlPlanDiff) changes = NULL;
  g_autofree char *since_name = NULL;
  PlReportOptions options;
  guint32 today = pl_calendar_today (), as_of = 0;

  for (guint i = 0; i < PL_REPORT_N_SECTIONS; i++)
    g_string_append_printf (names, "\n  %-11s %s", pl_report_section_name (i), pl_report_section_title (i));
  summary = g_strdup_printf (_("Writes the leadership report as a PDF, with no display needed: a weekly cron job "
                               "can mail it. The sections are:%s\n\n"
                               "With --board-pack it writes the board pack: the summary with the commentary and the "
                               "headline figures, the dashboard, the budget with its forecast, the KPI chain and the "
                               "campaigns that need attention, at most five pages in that order."), names->str);
  if (!pl_cli_parse ("report", _("PLAN -o OUT.pdf"), summary, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pl_cli_usage_error ("report", _("Name one plan file."));
  if (output == NULL)
    return pl_cli_usage_error ("report", _("Say where to write the report with -o OUT.pdf."));
  if (!parse_day (as_of_text != NULL ? as_of_text : today_text, &as_of))
    return pl_cli_usage_error ("report", _("Give the day as YYYY-MM-DD."));
  if (board_pack && sections != NULL)
    return pl_cli_usage_error ("report", _("The board pack has its own sections, in a fixed order: leave out --sections, "
                                           "or --board-pack to choose the sections of the full report."));
  if (board_pack && since != NULL)
    return pl_cli_usage_error ("report", _("The board pack has no “Changes since” section: leave out --changes-since, "
                                           "or --board-pack for the full report."));
  file = g_file_new_for_commandline_arg (argv[1]);
  if (since == NULL)
    plan = pl_plan_load (file, argv[1], PL_READ_DEFAULT, NULL, &error);
  else
    {
      /* Both plans read side by side: a big plan and its earlier version in the time of one. */
      g_autoptr(GFile) earlier = g_file_new_for_commandline_arg (since);
      GFile *files[] = { file, earlier };
      g_autoptr(GPtrArray) plans = pl_plan_load_several (files, G_N_ELEMENTS (files), PL_READ_DEFAULT, &error);

      if (plans != NULL)
        {
          plan = g_object_ref (plans->pdata[0]);
          changes = pl_plan_diff (plans->pdata[1], plan);
          since_name = g_path_get_basename (since);
        }
    }
  if (plan == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }
  /* --today, the older option, also dates the report. */
  parse_day (today_text, &today);
  pl_report_options_init (&options, plan, today);
  resolve_as_of (plan, as_of_text, today_text, &as_of);
  options.as_of = as_of;
  options.share_safe = share_safe;
  options.split_timeline = split;
  options.kind = board_pack ? PL_REPORT_KIND_BOARD_PACK : PL_REPORT_KIND_FULL;
  if ((sections != NULL && !pl_report_options_parse_sections (&options, sections, &error)) ||
      (paper != NULL && !pl_report_options_set_paper (&options, paper, &error)))
    return pl_cli_usage_error ("report", error->message);
  for (guint i = 0; sections != NULL && since == NULL && i < options.n_sections; i++)
    if (options.sections[i] == PL_REPORT_CHANGES)
      return pl_cli_usage_error ("report", _("The section “changes” compares the plan with an earlier one: "
                                             "name that file with --changes-since FILE."));
  pl_report_options_set_changes (&options, changes, since_name);
  report = pl_report_new (plan, &options);
  if (!pl_report_write_pdf (report, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_PROBLEMS;
    }
  warn_damaged_logo (plan, argv[1]);
  return EXIT_OK;
}

static const Command commands[] = {
  { "validate", N_("FILE…"), N_("Check plan files and list every problem"), command_validate },
  { "summary", N_("FILE"), N_("Print a plan’s summary"), command_summary },
  { "forecast", N_("PLAN [--scenario NAME]"), N_("Project the plan forward, month by month"), command_forecast },
  { "backsolve", N_("PLAN --target GOAL"), N_("Work back from a revenue or customers goal to the spend it needs"),
    command_backsolve },
  { "new", N_("OUT [--template NAME]"), N_("Write a new plan from a business model’s template"), pl_cli_new },
  { "format", N_("FILE [-o OUT]"), N_("Rewrite a plan in the current file format"), command_format },
  { "import", N_("PLAN DATA.csv"), N_("Import KPI measurements from a CSV export"), command_import },
  { "import-spend", N_("PLAN FILE"), N_("Import actual spend from the books (an FEC or a CSV of transactions)"), pl_cli_import_spend },
  { "import-budget", N_("PLAN SHEET"), N_("Import a budget by months from an XLSX, ODS or CSV sheet"), pl_cli_import_budget },
  { "assessment", N_("FILE [--round ID]"), N_("Print a round of the maturity self-assessment"), command_assessment },
  { "ical", N_("FILE [-o OUT.ics]"), N_("Write the plan’s calendar as iCalendar"), command_ical },
  { "chart", N_("FILE CHART -o OUT"), N_("Draw one of the plan’s charts into a PNG, SVG or PDF file"), command_chart },
  { "report", N_("PLAN -o OUT.pdf"), N_("Write the leadership report as a PDF"), command_report },
  { "export", N_("PLAN --what WHAT -o OUT"), N_("Write the budget, KPI measurements or campaigns as XLSX or CSV"), pl_cli_export },
  { "diff", N_("OLD NEW [--json]"), N_("List what changed between two versions of a plan"), pl_cli_diff },
  { "merge", N_("BASE OURS THEIRS -o OUT"), N_("Merge two people’s changes to a plan; also git’s merge driver"), pl_cli_merge },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: pilote-cli COMMAND [OPTION…] ARGUMENTS"));
  fprintf (stream, "%s\n\n", _("Work with Pilote marketing plans (.pilote files) without a display."));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = g_strdup_printf ("%s %s", commands[i].name, _(commands[i].arguments));
      fprintf (stream, "  %-24s %s\n", left, _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-24s %s\n", "-h, --help", _("Show this help; COMMAND --help shows a command’s"));
  fprintf (stream, "  %-24s %s\n", "--version", _("Show the version"));
  fprintf (stream, "\n%s\n", _("Exit status: 0 success, 1 a file has problems or cannot be written, 2 a wrong command line."));
}

int
main (int argc, char **argv)
{
  pl_i18n_init ();
  /* The report and the chart catalogue score the maturity rounds with the built-in questionnaire. */
  pl_questionnaire_set_source (pl_questionnaire_get_default);
  /* Commands parse from their own name on: without this, "--help" would say "Usage: import". */
  g_set_prgname ("pilote-cli");

  if (argc < 2)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("pilote-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("pilote-cli: “%s” is not a command.\n"), argv[1]);
  print_help (stderr);
  return EXIT_USAGE;
}

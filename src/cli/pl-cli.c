/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pilote-cli"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "pl-cli-summary.h"
#include "pl-error.h"
#include "pl-plan-file.h"
#include "pl-plan-validate.h"
#include "pl-plan-writer.h"

/* Exit codes: 0 done, 1 the file has problems (or could not be written), 2 the command
 * line is wrong. */
enum { EXIT_OK = 0, EXIT_PROBLEMS = 1, EXIT_USAGE = 2 };

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct {
  const char  *name;
  const char  *arguments;
  const char  *summary;
  CommandFunc  run;
} Command;

static int
usage_error (const char *command, const char *message)
{
  g_printerr ("pilote-cli %s: %s\n", command, message);
  g_printerr (_("Run “pilote-cli %s --help” for help.\n"), command);
  return EXIT_USAGE;
}

/* Parses the options of a command; returns FALSE (with a message printed) on a usage error. */
static gboolean
parse (const char *command, const char *arguments, const char *summary, GOptionEntry *entries,
       int *argc, char ***argv, int *status)
{
  g_autofree char *parameter = g_strdup_printf ("%s %s", command, arguments);
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error (command, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
print_problem (const char *file, const PlProblem *problem)
{
  g_print ("%s:%u:%u: %s\n", file, problem->line, problem->column ? problem->column : 1,
           problem->message);
}

static int
command_validate (int argc, char **argv)
{
  int status = EXIT_OK;

  if (!parse ("validate", _("FILE…"), _("Checks plan files: the XML, the schema and every rule of the plan.\n"
                                       "Exits with 0 when all are valid, 1 when a file has problems, "
                                       "each listed as FILE:LINE:COLUMN: message."),
              NULL, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return usage_error ("validate", _("Name at least one plan file."));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlPlan) plan = pl_plan_load (file, argv[i], PL_READ_SCHEMA, NULL, &error);
      g_autoptr(GPtrArray) problems = NULL;

      if (plan == NULL)
        {
          g_print ("%s\n", error->message);
          status = EXIT_PROBLEMS;
          continue;
        }
      problems = pl_plan_validate (plan);
      for (guint p = 0; p < problems->len; p++)
        print_problem (argv[i], g_ptr_array_index (problems, p));
      if (problems->len > 0)
        status = EXIT_PROBLEMS;
      else
        /* Translators: %s is a file name */
        g_print (_("%s: valid plan\n"), argv[i]);
    }
  return status;
}

static int
command_summary (int argc, char **argv)
{
  int status = EXIT_OK;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autofree char *text = NULL;

  if (!parse ("summary", _("FILE"), _("Prints a plan’s summary: period, budget by category, campaigns, "
                                     "and the KPI chain’s figures to date (CPL, CAC, LTV:CAC)."),
              NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error ("summary", _("Name one plan file."));
  file = g_file_new_for_commandline_arg (argv[1]);
  plan = pl_plan_load (file, argv[1], PL_READ_DEFAULT, NULL, &error);
  if (plan == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_PROBLEMS;
    }
  text = pl_cli_summary (plan);
  g_print ("%s", text);
  return EXIT_OK;
}

static int
command_new (int argc, char **argv)
{
  int status = EXIT_OK;
  g_autofree char *title = NULL;
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The plan’s title"), N_("TITLE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace OUT if it exists"), NULL },
    { NULL }
  };
  g_autoptr(GFile) file = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse ("new", _("OUT"), _("Writes a new plan with the default budget categories and a standard KPI chain."),
              entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error ("new", _("Name the file to write."));
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!force && g_file_query_exists (file, NULL))
    {
      g_printerr (_("%s: The file exists already; use --force to replace it.\n"), argv[1]);
      return EXIT_PROBLEMS;
    }
  plan = pl_plan_new_default (title);
  if (!pl_plan_save (plan, file, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_PROBLEMS;
    }
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
  g_autofree char *etag = NULL;

  if (!parse ("format", _("FILE"), _("Rewrites a plan in the current version of the file format, "
                                    "in the standard layout (a hand-edited or older file becomes "
                                    "a clean one). What this version does not know is kept."),
              entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error ("format", _("Name one plan file."));
  file = g_file_new_for_commandline_arg (argv[1]);
  plan = pl_plan_load (file, argv[1], PL_READ_DEFAULT, &etag, &error);
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
    if (!pl_plan_save (plan, target, output ? NULL : etag, NULL, &error))
      {
        g_printerr ("%s\n", error->message);
        return EXIT_PROBLEMS;
      }
  }
  return EXIT_OK;
}

static const Command commands[] = {
  { "validate", N_("FILE…"), N_("Check plan files and list every problem"), command_validate },
  { "summary", N_("FILE"), N_("Print a plan’s summary"), command_summary },
  { "new", N_("OUT"), N_("Write a new plan with default categories and KPI chain"), command_new },
  { "format", N_("FILE [-o OUT]"), N_("Rewrite a plan in the current file format"), command_format },
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
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pilote-cli"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-cli-export.h"
#include "pl-plan-file.h"
#include "pl-sheet-export.h"

enum { EXIT_OK = 0, EXIT_PROBLEMS = 1, EXIT_USAGE = 2 };

static int
export_usage (const char *message)
{
  g_printerr ("pilote-cli export: %s\n", message);
  g_printerr (_("Run “pilote-cli %s --help” for help.\n"), "export");
  return EXIT_USAGE;
}

int
pl_cli_export (int argc, char **argv)
{
  g_autofree char *what_text = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "what", 'w', 0, G_OPTION_ARG_STRING, &what_text,
      N_("What to export: budget, kpis (the KPI measurements) or campaigns"), N_("WHAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write: its extension, .xlsx or .csv, says the format"), N_("FILE") },
    { NULL }
  };
  g_autofree char *parameter = g_strdup_printf ("export %s", _("PLAN --what WHAT -o FILE.xlsx|FILE.csv"));
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PlPlan) plan = NULL;
  PlSheetWhat what;
  PlSheetFormat format;

  g_option_context_set_summary (context,
    _("Writes the budget (planned, committed, actual and variance by line and month, with category "
      "subtotals, unbudgeted spend and the total), the KPI measurements (each KPI’s actual and target by "
      "month) or the campaigns list as a spreadsheet for finance: an Excel workbook (.xlsx) with number "
      "cells in the plan’s currency and the totals as formulas, or a CSV file (.csv) in UTF-8 with the "
      "separator and decimal mark of your language’s Excel (“;” and “,” in French)."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return export_usage (error->message);
  if (argc != 2)
    return export_usage (_("Name one plan file."));
  if (what_text == NULL)
    return export_usage (_("Say what to export with --what budget, --what kpis or --what campaigns."));
  if (!pl_sheet_what_from_key (what_text, &what))
    {
      /* Translators: %s is what was typed after --what */
      g_autofree char *message = g_strdup_printf (_("“%s” is not something Pilote exports: say --what budget, "
                                                    "--what kpis or --what campaigns."), what_text);

      return export_usage (message);
    }
  if (output == NULL)
    return export_usage (_("Say where to write it with -o FILE.xlsx or -o FILE.csv."));
  if (!pl_sheet_format_for_path (output, &format, &error))
    return export_usage (error->message);

  file = g_file_new_for_commandline_arg (argv[1]);
  plan = pl_plan_load (file, argv[1], PL_READ_DEFAULT, NULL, &error);
  if (plan == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_PROBLEMS;
    }
  if (!pl_sheet_export (plan, what, format, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_PROBLEMS;
    }
  return EXIT_OK;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-cli"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "pl-budget-import.h"
#include "pl-cli-command.h"
#include "pl-cli-import-budget.h"
#include "pl-error.h"
#include "pl-plan-file.h"
#include "pl-sheet-read.h"

/* How the sheet was read: its header row, each column, and the rows that are not lines. */
static void
print_reading (PlPlan *plan, const PlBudgetPreview *preview, const char *file)
{
  if (preview->sheet_names != NULL && preview->sheet_names[0] != NULL && preview->sheet_names[1] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", preview->sheet_names);
      /* Translators: the sheet read, then every sheet of the workbook */
      g_print (_("Sheet “%s” (the workbook has %s).\n"), preview->sheet_name, list);
    }
  /* Translators: the row of a sheet that heads the months */
  g_print (_("Header: row %u.\n"), preview->header_row);
  {
    g_auto(GStrv) columns = pl_budget_import_describe_columns (plan, preview);
    for (guint i = 0; columns[i] != NULL; i++)
      g_print ("  %s\n", columns[i]);
  }
  for (guint i = 0; i < preview->rows->len; i++)
    {
      const PlBudgetRow *row = g_ptr_array_index (preview->rows, i);
      g_autofree char *text = NULL;

      if (row->kind == PL_BUDGET_ROW_LINE)
        continue;
      text = pl_budget_import_describe_row (row);
      if (row->kind == PL_BUDGET_ROW_SKIPPED)
        g_printerr ("%s: %s\n", file, text);
      else
        g_print ("%s\n", text);
    }
  for (guint i = 0; preview->notes[i] != NULL; i++)
    g_print ("%s\n", preview->notes[i]);
  for (guint i = 0; preview->new_categories[i] != NULL; i++)
    /* Translators: a category the import creates */
    g_print (_("New category: “%s”.\n"), preview->new_categories[i]);
}

int
pl_cli_import_budget (int argc, char **argv)
{
  g_autofree char *sheet_name = NULL;
  gboolean dry_run = FALSE, keep_going = FALSE;
  GOptionEntry entries[] = {
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet_name, N_("The sheet of the workbook to read (the first by default)"), N_("NAME") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("List every line that would be added or changed, and change nothing"), NULL },
    { "keep-going", 0, 0, G_OPTION_ARG_NONE, &keep_going, N_("Import the lines that read even when other rows are skipped"), NULL },
    { NULL }
  };
  int status = EXIT_OK;
  g_autoptr(GFile) file = NULL, data = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlSheet) sheet = NULL;
  g_autoptr(PlBudgetPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  PlFileStamp stamp;
  guint applied;

  if (!pl_cli_parse ("import-budget", _("PLAN SHEET"),
                     _("Reads a budget by months from an XLSX, ODS or CSV sheet into a plan: a row per budget "
                       "line, a column per month (2027-01, Jan 2027, janvier, 01/2027, M1 or date cells), "
                       "perhaps a category column or category rows and a total column, which is checked "
                       "and not imported. Lines are matched to the plan’s by name; new ones are added "
                       "under their category. Total and subtotal rows are left out; rows that cannot be "
                       "read are listed with why, and then nothing is saved unless --keep-going is given.\n"
                       "Exits with 0 when everything was imported, 1 when nothing was saved (rows skipped, "
                       "a file that cannot be read or written), 2 on a wrong command line, 3 when the plan "
                       "was saved with rows left out (--keep-going). --dry-run exits as the import would."),
                     entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return pl_cli_usage_error ("import-budget", _("Name the plan file and the sheet file."));

  if ((plan = pl_cli_load_plan (argv[1], &file, &stamp)) == NULL)
    return EXIT_PROBLEMS;
  data = g_file_new_for_commandline_arg (argv[2]);
  sheet = pl_sheet_read_file (data, sheet_name, &error);
  if (sheet != NULL)
    preview = pl_budget_import_preview (plan, sheet, &error);
  if (preview == NULL)
    {
      g_printerr ("%s: %s\n", argv[2], error->message);
      if (sheet != NULL && sheet_name == NULL && sheet->names[0] != NULL && sheet->names[1] != NULL)
        {
          g_autofree char *list = g_strjoinv (", ", sheet->names);
          /* Translators: the sheets of a workbook */
          g_printerr (_("The workbook has other sheets (%s): choose one with --sheet NAME.\n"), list);
        }
      return EXIT_PROBLEMS;
    }
  print_reading (plan, preview, argv[2]);
  counts = pl_budget_import_counts_text (preview);
  if (preview->n_skipped > 0 && !keep_going)
    {
      guint n = preview->n_new + preview->n_changed;
      g_autofree char *lines = g_strdup_printf (ngettext ("--keep-going imports the %u line that reads",
                                                          "--keep-going imports the %u lines that read", n), n);
      g_print (ngettext ("%u row skipped: nothing imported (%s).\n", "%u rows skipped: nothing imported (%s).\n",
                         preview->n_skipped), preview->n_skipped, lines);
      return EXIT_PROBLEMS;
    }
  if (dry_run)
    {
      for (guint i = 0; i < preview->lines->len; i++)
        {
          g_autofree char *text = pl_budget_import_describe_line (plan, g_ptr_array_index (preview->lines, i));
          g_print ("%s\n", text);
        }
      /* Translators: what a dry run would do: "2 lines new, 3 changed, 1 unchanged, 0 rows skipped" */
      g_print (_("Would import: %s.\n"), counts);
      return pl_cli_import_status (preview->n_skipped, TRUE, 0);
    }
  applied = pl_budget_import_apply (plan, preview, &error);
  if (error != NULL)
    {
      g_printerr ("%s: %s\n", argv[2], error->message);
      return EXIT_PROBLEMS;
    }
  if (applied > 0 && !pl_cli_save_plan (plan, file, &stamp))
    return EXIT_PROBLEMS;
  for (guint i = 0; i < preview->lines->len; i++)
    {
      const PlBudgetLineChange *change = g_ptr_array_index (preview->lines, i);
      g_autofree char *text = NULL;
      if (change->status == PL_BUDGET_LINE_UNCHANGED)
        continue;
      text = pl_budget_import_describe_line (plan, change);
      g_print ("%s\n", text);
    }
  /* Translators: a plan file, then "2 lines new, 3 changed, 1 unchanged, 0 rows skipped" */
  g_print (_("Imported into %s: %s.\n"), argv[1], counts);
  return pl_cli_import_status (preview->n_skipped, FALSE, applied);
}

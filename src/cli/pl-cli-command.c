/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-cli"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pl-cli-command.h"

int
pl_cli_usage_error (const char *command, const char *message)
{
  g_printerr ("pilote-cli %s: %s\n", command, message);
  g_printerr (_("Run “pilote-cli %s --help” for help.\n"), command);
  return EXIT_USAGE;
}

gboolean
pl_cli_parse (const char *command, const char *arguments, const char *summary, GOptionEntry *entries,
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
      *status = pl_cli_usage_error (command, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Reads --date-format (NULL: auto); FALSE when it is not one of the names. */
static gboolean
parse_date_format (const char *text, PlImportDateFormat *format)
{
  static const struct { const char *name; PlImportDateFormat format; } names[] = {
    { "auto", PL_IMPORT_DATE_AUTO }, { "iso", PL_IMPORT_DATE_ISO }, { "dmy", PL_IMPORT_DATE_DMY },
    { "mdy", PL_IMPORT_DATE_MDY }, { "yyyymmdd", PL_IMPORT_DATE_COMPACT }, { "month", PL_IMPORT_DATE_MONTH },
    { "words", PL_IMPORT_DATE_WORDS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (text == NULL || g_str_equal (text, names[i].name))
      {
        *format = text ? names[i].format : PL_IMPORT_DATE_AUTO;
        return TRUE;
      }
  return FALSE;
}

/* A separator given on the command line: one character, or a word for the awkward ones
 * ("tab", "space", "none"); FALSE when it is neither. NULL leaves *@separator. */
static gboolean
parse_separator (const char *text, char *separator)
{
  if (text == NULL)
    return TRUE;
  if (g_str_equal (text, "tab"))
    *separator = '\t';
  else if (g_str_equal (text, "space") || g_str_equal (text, "nbsp") || g_str_equal (text, "\u00a0"))
    /* Every kind of space is skipped in numbers anyway. */
    *separator = ' ';
  else if (g_str_equal (text, "none"))
    *separator = 0;
  else if (strlen (text) == 1 && strchr (",;.'|", text[0]) != NULL)
    *separator = text[0];
  else
    return FALSE;
  return TRUE;
}

gboolean
pl_cli_read_csv_format (const char *command, const PlCliCsvFormat *given, PlImportDateFormat *date_format,
                        char *decimal, char *thousands, char *delimiter, int *status)
{
  const char *wrong = NULL;

  if (!parse_date_format (given->date_format, date_format))
    wrong = _("--date-format is one of iso, dmy, mdy, yyyymmdd, month, words and auto.");
  else if (!parse_separator (given->thousands, thousands) || !parse_separator (given->delimiter, delimiter))
    wrong = _("A separator is one of , ; . ' space tab and none.");
  else if (given->decimal_comma && given->decimal_point)
    wrong = _("Give either --decimal-comma or --decimal-point.");
  if (wrong != NULL)
    {
      *status = pl_cli_usage_error (command, wrong);
      return FALSE;
    }
  *decimal = given->decimal_comma ? ',' : given->decimal_point ? '.' : 0;
  return TRUE;
}

PlPlan *
pl_cli_load_plan (const char *name, GFile **file, PlFileStamp *stamp)
{
  g_autoptr(GError) error = NULL;
  PlPlan *plan;

  *file = g_file_new_for_commandline_arg (name);
  plan = pl_plan_load (*file, name, PL_READ_DEFAULT, stamp, &error);
  if (plan == NULL)
    g_printerr ("%s\n", error->message);
  return plan;
}

char *
pl_cli_read_import (const char *name, GFile **data, gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *text;

  *data = g_file_new_for_commandline_arg (name);
  text = pl_import_read_file (*data, length, &error);
  if (text == NULL)
    g_printerr ("%s: %s\n", name, error->message);
  return text;
}

void
pl_cli_print_rejections (const char *name, GPtrArray *rejected)
{
  for (guint i = 0; i < rejected->len; i++)
    {
      const PlImportRejection *rejection = g_ptr_array_index (rejected, i);
      g_printerr ("%s:%u: %s\n", name, rejection->row, rejection->reason);
    }
}

GStrv
pl_cli_split_list (char **texts)
{
  g_autoptr(GStrvBuilder) list = g_strv_builder_new ();

  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (texts[i], ",", -1);
      for (guint j = 0; parts[j] != NULL; j++)
        if (*g_strstrip (parts[j]) != '\0')
          g_strv_builder_add (list, parts[j]);
    }
  return g_strv_builder_end (list);
}

gboolean
pl_cli_save_plan (PlPlan *plan, GFile *file, PlFileStamp *stamp)
{
  g_autoptr(GError) error = NULL;

  if (pl_plan_save (plan, file, stamp, NULL, &error))
    return TRUE;
  g_printerr ("%s\n", error->message);
  return FALSE;
}

int
pl_cli_import_status (guint n_left_out, gboolean dry_run, guint applied)
{
  if (n_left_out == 0)
    return EXIT_OK;
  /* Saved with rows left out, or nothing saved at all (a dry run says what the import would). */
  return dry_run || applied > 0 ? EXIT_PARTIAL : EXIT_PROBLEMS;
}

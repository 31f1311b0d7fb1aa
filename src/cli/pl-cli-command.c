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

gboolean
pl_cli_parse_date_format (const char *text, PlImportDateFormat *format)
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

gboolean
pl_cli_parse_separator (const char *text, char *separator)
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

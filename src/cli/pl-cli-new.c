/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pilote-cli"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl-cli-command.h"
#include "pl-cli-new.h"
#include "pl-plan-file.h"
#include "pl-template-file.h"

static void
print_templates (void)
{
  g_autoptr(GPtrArray) templates = pl_template_list ();

  for (guint i = 0; i < templates->len; i++)
    {
      PlTemplateInfo *info = templates->pdata[i];
      g_print ("%-14s %s: %s\n", info->id, info->name, info->description);
    }
}

/* The first day of month @text ("2027-04"), as a Julian day; 0 when it is not one. */
static guint32
parse_month (const char *text)
{
  guint year, month;
  char end;
  GDate date;

  if (strlen (text) != 7 || text[4] != '-' || sscanf (text, "%4u-%2u%c", &year, &month, &end) != 2 ||
      year < 1900 || month < 1 || month > 12)
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* --months N: 0 (and a message in @error) when @text is not 3, 6 or 12. */
static guint
parse_months (const char *text, GError **error)
{
  char *end = NULL;
  guint64 months = g_ascii_strtoull (text, &end, 10);

  if (*text == '\0' || *end != '\0' || (months != 3 && months != 6 && months != 12))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--months %s: a fiscal period lasts 3, 6 or 12 months."), text);
      return 0;
    }
  return (guint) months;
}

int
pl_cli_new (int argc, char **argv)
{
  int status = EXIT_OK;
  g_autofree char *title = NULL, *organisation = NULL, *name = NULL, *start = NULL, *months = NULL,
                  *currency = NULL;
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "template", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("The business model to start from (“list” lists them; b2b-saas when not given)"), N_("NAME") },
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The plan’s title"), N_("TITLE") },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation, N_("The organisation the plan is for"), N_("NAME") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("The fiscal period’s first month"), N_("YYYY-MM") },
    { "months", 0, 0, G_OPTION_ARG_STRING, &months, N_("The fiscal period’s length: 3, 6 or 12 months"), N_("N") },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency, N_("The plan’s currency, as in EUR or USD"), N_("CODE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace OUT if it exists"), NULL },
    { NULL }
  };
  PlTemplateSettings settings = { 0 };
  g_autoptr(GFile) file = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (!pl_cli_parse ("new", _("OUT"),
                     _("Writes a new plan built from the template of a business model: its budget "
                       "categories, its chain of KPIs with their formulas and its review meetings. "
                       "“--template list” lists the templates."),
                     entries, &argc, &argv, &status))
    return status;
  if (name != NULL && strcmp (name, "list") == 0)
    {
      print_templates ();
      return EXIT_OK;
    }
  if (argc != 2)
    return pl_cli_usage_error ("new", _("Name the file to write."));
  settings.title = title;
  settings.organisation = organisation;
  settings.currency = currency;
  if (start != NULL && (settings.start = parse_month (start)) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("--start %s: give the first month as YYYY-MM, as in 2027-01."), start);
      return pl_cli_usage_error ("new", message);
    }
  if (months != NULL && (settings.months = parse_months (months, &error)) == 0)
    return pl_cli_usage_error ("new", error->message);
  if (!pl_template_check_settings (&settings, &error))
    return pl_cli_usage_error ("new", error->message);
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!force && g_file_query_exists (file, NULL))
    {
      g_printerr (_("%s: The file exists already; use --force to replace it.\n"), argv[1]);
      return EXIT_PROBLEMS;
    }
  /* Without --template, the plan Pilote has always written (the B2B SaaS template without
   * its reviews), so that scripts written for it keep their output. */
  if (name == NULL && start == NULL && months == NULL && currency == NULL && organisation == NULL)
    plan = pl_plan_new_default (title);
  else
    plan = pl_template_new_plan (name ? name : PL_TEMPLATE_DEFAULT, &settings, &error);
  if (plan == NULL)
    return pl_cli_usage_error ("new", error->message);
  if (!pl_plan_save (plan, file, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_PROBLEMS;
    }
  return EXIT_OK;
}

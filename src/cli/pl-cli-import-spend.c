/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-cli"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pl-cli-command.h"
#include "pl-cli-import-spend.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-money.h"
#include "pl-plan-file.h"
#include "pl-spend-import.h"

/* The line a --rule names, by ID or by name in any case. */
static PlItem *
find_line (PlPlan *plan, const char *text)
{
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  PlItem *line = pl_plan_lookup (plan, text);
  g_autofree char *wanted = g_utf8_casefold (text, -1);

  if (line != NULL && PL_IS_BUDGET_LINE (line))
    return line;
  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(PlItem) candidate = g_list_model_get_item (lines, i);
      g_autofree char *name = g_utf8_casefold (pl_item_get_string (candidate, PL_BUDGET_LINE_NAME) ?: "", -1);

      if (g_str_equal (name, wanted))
        return candidate;
    }
  return NULL;
}

/* Reads a --rule: "account:6226=LINE", "supplier:Agence Lumen=LINE", "label:salon=LINE" (LINE a
 * line's ID or name; "=" alone: unbudgeted). NULL with a message in words otherwise. */
static PlItem *
parse_rule (PlPlan *plan, const char *text, GError **error)
{
  static const char * const kinds[] = { "account", "supplier", "label" };
  const char *colon = strchr (text, ':');
  const char *equals = colon ? strrchr (colon, '=') : NULL;
  g_autofree char *kind = colon ? g_strndup (text, (gsize) (colon - text)) : NULL;
  g_autofree char *pattern = equals ? g_strstrip (g_strndup (colon + 1, (gsize) (equals - colon - 1))) : NULL;
  g_autofree char *line_name = equals ? g_strstrip (g_strdup (equals + 1)) : NULL;
  PlItem *line = NULL, *rule;
  int match = -1;

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i]))
      match = (int) i;
  if (match < 0 || pattern == NULL || *pattern == '\0')
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("“%s” is not a rule: write account:PREFIX=LINE, supplier:NAME=LINE or label:WORDS=LINE."), text);
      return NULL;
    }
  if (*line_name != '\0' && (line = find_line (plan, line_name)) == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("The plan has no budget line “%s”."), line_name);
      return NULL;
    }
  rule = g_object_new (PL_TYPE_SPEND_RULE, NULL);
  pl_item_set_int (rule, PL_SPEND_RULE_MATCH, match);
  pl_item_set_string (rule, PL_SPEND_RULE_PATTERN, pattern);
  if (line != NULL)
    pl_item_set_string (rule, PL_SPEND_RULE_LINE, pl_item_get_id (line));
  return rule;
}

static void
print_rules (PlPlan *plan, const PlSpendPreview *preview)
{
  if (preview->rules->len == preview->n_given)
    return;
  g_print ("%s\n", _("Proposed rules (saved with the import when they name a line; change them with --rule):"));
  for (guint i = preview->n_given; i < preview->rules->len; i++)
    {
      PlItem *rule = g_ptr_array_index (preview->rules, i);
      PlItem *line = pl_plan_lookup (plan, pl_item_get_string (rule, PL_SPEND_RULE_LINE));
      const char *kind = pl_enum_to_nick (PL_TYPE_SPEND_MATCH, (int) pl_item_get_int (rule, PL_SPEND_RULE_MATCH));

      if (line != NULL)
        g_print ("  %s:%s → %s\n", kind, pl_item_get_string (rule, PL_SPEND_RULE_PATTERN),
                 pl_item_get_string (line, PL_BUDGET_LINE_NAME));
      else
        /* Translators: a proposed rule that names no line; keep --rule and the form after it */
        g_print (_("  %s:%s → no line: unbudgeted (--rule %s:%s=LINE maps it)\n"), kind,
                 pl_item_get_string (rule, PL_SPEND_RULE_PATTERN), kind, pl_item_get_string (rule, PL_SPEND_RULE_PATTERN));
    }
}

/* What the import adds, line by line and month by month, then every unbudgeted entry. */
static void
print_cells (PlPlan *plan, PlSpendPreview *preview)
{
  guint exponent = pl_plan_get_currency_exponent (plan);
  const char *currency = pl_plan_get_currency (plan);
  g_autoptr(GPtrArray) unbudgeted = pl_spend_preview_unbudgeted (preview);

  for (guint i = 0; i < preview->cells->len; i++)
    {
      const PlSpendCell *cell = &g_array_index (preview->cells, PlSpendCell, i);
      g_autofree char *month = pl_spend_cell_month (plan, cell);
      g_autofree char *money = pl_money_format (cell->amount, exponent, currency);
      g_autofree char *entries = g_strdup_printf (ngettext ("%u entry", "%u entries", cell->n_entries), cell->n_entries);

      /* Translators: a budget line (or "Unbudgeted"), a month, "3 entries", an amount */
      g_print (_("%s, %s: %s, %s\n"), cell->line ? pl_item_get_string (cell->line, PL_BUDGET_LINE_NAME) : _("Unbudgeted"),
               month, entries, money);
    }
  if (unbudgeted->len > 0)
    g_print ("%s\n", _("Unbudgeted spend (no rule maps it to a line):"));
  for (guint i = 0; i < unbudgeted->len; i++)
    {
      g_autofree char *line = pl_spend_entry_describe (plan, g_ptr_array_index (unbudgeted, i));
      g_print ("  %s\n", line);
    }
}

int
pl_cli_import_spend (int argc, char **argv)
{
  int status = EXIT_OK;
  g_autofree char *format = NULL, *date_format = NULL, *thousands = NULL, *delimiter = NULL;
  g_autofree char *date_column = NULL, *amount_column = NULL, *debit_column = NULL, *credit_column = NULL;
  g_autofree char *supplier_column = NULL, *account_column = NULL, *label_column = NULL;
  g_auto(GStrv) rule_texts = NULL, account_texts = NULL;
  gboolean decimal_comma = FALSE, decimal_point = FALSE, keep_going = FALSE, dry_run = FALSE;
  gboolean spend_negative = FALSE, spend_positive = FALSE, no_proposals = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("fec, csv or auto (the default: an FEC by its header)"), N_("FORMAT") },
    { "rule", 0, 0, G_OPTION_ARG_STRING_ARRAY, &rule_texts,
      N_("A rule to map entries to a budget line (by its ID or name), saved in the plan: account:PREFIX=LINE, "
         "supplier:NAME=LINE or label:WORDS=LINE; repeat it for several"), N_("RULE") },
    { "accounts", 0, 0, G_OPTION_ARG_STRING_ARRAY, &account_texts,
      N_("The charge accounts taken, as prefixes separated by commas (623,6257 by default), besides those the "
         "plan’s rules name"), N_("PREFIXES") },
    { "no-proposals", 0, 0, G_OPTION_ARG_NONE, &no_proposals,
      N_("Propose no rules: entries no rule of the plan maps are imported as unbudgeted spend"), NULL },
    { "date-column", 0, 0, G_OPTION_ARG_STRING, &date_column, N_("CSV: the column of the dates (its header or its number)"), N_("COLUMN") },
    { "amount-column", 0, 0, G_OPTION_ARG_STRING, &amount_column, N_("CSV: the column of the signed amounts"), N_("COLUMN") },
    { "debit-column", 0, 0, G_OPTION_ARG_STRING, &debit_column, N_("CSV: the column of the debits (money out)"), N_("COLUMN") },
    { "credit-column", 0, 0, G_OPTION_ARG_STRING, &credit_column, N_("CSV: the column of the credits (refunds)"), N_("COLUMN") },
    { "supplier-column", 0, 0, G_OPTION_ARG_STRING, &supplier_column, N_("CSV: the column of the suppliers"), N_("COLUMN") },
    { "account-column", 0, 0, G_OPTION_ARG_STRING, &account_column, N_("CSV: the column of the ledger accounts"), N_("COLUMN") },
    { "label-column", 0, 0, G_OPTION_ARG_STRING, &label_column, N_("CSV: the column of the labels"), N_("COLUMN") },
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &date_format,
      N_("CSV: iso, dmy, mdy, yyyymmdd, month or auto (the default)"), N_("FORMAT") },
    { "decimal-comma", 0, 0, G_OPTION_ARG_NONE, &decimal_comma, N_("CSV: numbers use a decimal comma (1234,5); the default for a file separated by semicolons"), NULL },
    { "decimal-point", 0, 0, G_OPTION_ARG_NONE, &decimal_point, N_("CSV: numbers use a decimal point (1234.5), even in a file separated by semicolons"), NULL },
    { "thousands", 0, 0, G_OPTION_ARG_STRING, &thousands, N_("CSV: the thousands separator: , . ' space, nbsp or none (the default)"), N_("SEP") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter, N_("CSV: the field delimiter: , ; or tab (found from the file by default)"), N_("SEP") },
    { "spend-negative", 0, 0, G_OPTION_ARG_NONE, &spend_negative, N_("CSV: spend is written negative, as a bank writes money out"), NULL },
    { "spend-positive", 0, 0, G_OPTION_ARG_NONE, &spend_positive, N_("CSV: spend is written positive, as an accounting export does"), NULL },
    { "keep-going", 0, 0, G_OPTION_ARG_NONE, &keep_going, N_("Save the entries that read even when others are rejected"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("List what would be imported, line by line and month by month, and change nothing"), NULL },
    { NULL }
  };
  PlSpendOptions options = { 0 };
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) account_list = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) data = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlSpendPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *report = NULL;
  PlFileStamp stamp;
  gsize length;
  guint applied;

  if (!pl_cli_parse ("import-spend", _("PLAN FILE"),
                     _("Reads actual spend from the books into a plan: an FEC (fichier des écritures comptables, "
                       "tab or pipe separated, UTF-8 or ISO 8859-15) or a CSV of transactions. Entries on the "
                       "marketing charge accounts (623 publicité and 6257 réceptions by default, and those the "
                       "plan’s rules name) are taken, the others left out and counted; credits reduce the spend. "
                       "The plan’s rules map entries to budget lines; the first time, rules are proposed from the "
                       "entries’ suppliers and accounts, and those that name a line are saved for the next import. "
                       "An entry no rule maps is imported as unbudgeted spend. An entry imported already is never "
                       "counted twice. Every rejected row is listed with its line and why; then nothing is saved "
                       "unless --keep-going is given.\n"
                       "Exits with 0 when everything was imported, 1 when nothing was saved (rows rejected, a file "
                       "that cannot be read or written), 2 on a wrong command line, 3 when the plan was saved with "
                       "rows left out (--keep-going). --dry-run exits as the import would."),
                     entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return pl_cli_usage_error ("import-spend", _("Name the plan file and the file of the books."));
  if (format == NULL || g_str_equal (format, "auto"))
    options.format = PL_SPEND_FORMAT_AUTO;
  else if (g_str_equal (format, "fec"))
    options.format = PL_SPEND_FORMAT_FEC;
  else if (g_str_equal (format, "csv"))
    options.format = PL_SPEND_FORMAT_CSV;
  else
    return pl_cli_usage_error ("import-spend", _("--format is one of fec, csv and auto."));
  if (!pl_cli_read_csv_format ("import-spend",
                               &(PlCliCsvFormat) { date_format, thousands, delimiter, decimal_comma, decimal_point },
                               &options.date_format, &options.decimal, &options.thousands, &options.delimiter, &status))
    return status;
  if (spend_negative && spend_positive)
    return pl_cli_usage_error ("import-spend", _("Give either --spend-negative or --spend-positive."));
  options.sign = spend_negative ? PL_SPEND_SIGN_NEGATIVE : spend_positive ? PL_SPEND_SIGN_POSITIVE : PL_SPEND_SIGN_AUTO;
  options.date_column = date_column;
  options.amount_column = amount_column;
  options.debit_column = debit_column;
  options.credit_column = credit_column;
  options.supplier_column = supplier_column;
  options.account_column = account_column;
  options.label_column = label_column;
  options.no_proposals = no_proposals;
  account_list = pl_cli_split_list (account_texts);
  if (account_texts != NULL)
    options.accounts = (const char * const *) account_list;

  if ((plan = pl_cli_load_plan (argv[1], &file, &stamp)) == NULL)
    return EXIT_PROBLEMS;
  for (guint i = 0; rule_texts != NULL && rule_texts[i] != NULL; i++)
    {
      PlItem *rule = parse_rule (plan, rule_texts[i], &error);

      if (rule == NULL)
        return pl_cli_usage_error ("import-spend", error->message);
      g_ptr_array_add (rules, rule);
    }
  options.rules = rules;
  if ((text = pl_cli_read_import (argv[2], &data, &length)) == NULL)
    return EXIT_PROBLEMS;
  preview = pl_spend_preview (plan, text, (gssize) length, &options, &error);
  if (preview == NULL)
    {
      g_printerr ("%s: %s\n", argv[2], error->message);
      return EXIT_PROBLEMS;
    }
  pl_cli_print_rejections (argv[2], preview->rejected);
  for (guint i = 0; preview->notes[i] != NULL; i++)
    g_print ("%s\n", preview->notes[i]);
  report = pl_spend_preview_report (preview);
  if (preview->rejected->len > 0 && !keep_going)
    {
      g_print ("%s\n", report);
      g_print (ngettext ("%u row rejected: nothing imported (--keep-going imports the others).\n",
                         "%u rows rejected: nothing imported (--keep-going imports the others).\n",
                         preview->rejected->len),
               preview->rejected->len);
      return EXIT_PROBLEMS;
    }
  print_rules (plan, preview);
  if (dry_run)
    {
      print_cells (plan, preview);
      g_print ("%s\n", report);
      g_print (ngettext ("Would import %u entry.\n", "Would import %u entries.\n", preview->entries->len),
               preview->entries->len);
      return pl_cli_import_status (preview->rejected->len, TRUE, 0);
    }
  applied = pl_spend_apply (plan, preview);
  if (pl_plan_get_modified (plan) && !pl_cli_save_plan (plan, file, &stamp))
    return EXIT_PROBLEMS;
  {
    g_autoptr(GPtrArray) unbudgeted = pl_spend_preview_unbudgeted (preview);

    g_print ("%s\n", report);
    /* Translators: a plan file, then how many entries were imported, of which unbudgeted */
    g_print (ngettext ("Imported into %s: %u entry (%u unbudgeted).\n", "Imported into %s: %u entries (%u unbudgeted).\n",
                       applied),
             argv[1], applied, unbudgeted->len);
  }
  return pl_cli_import_status (preview->rejected->len, FALSE, applied);
}

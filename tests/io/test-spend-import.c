/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing actual spend from the books: the FEC and CSVs of transactions of tests/data/books
 * (made by make-books.py) into the example plan. */
#include "config.h"

#include <string.h>

#include "pl-enums.h"
#include "pl-error.h"
#include "pl-plan-file.h"
#include "pl-spend-import.h"

static PlPlan *
example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static char *
fixture (const char *name, gsize *length)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "books", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);
  return text;
}

static PlSpendPreview *
preview_text (PlPlan *plan, const char *text, gssize length, const PlSpendOptions *options)
{
  static const PlSpendOptions defaults = { 0 };
  g_autoptr(GError) error = NULL;
  PlSpendPreview *preview = pl_spend_preview (plan, text, length, options ? options : &defaults, &error);

  g_assert_no_error (error);
  g_assert_nonnull (preview);
  return preview;
}

static PlSpendPreview *
preview_file (PlPlan *plan, const char *name, const PlSpendOptions *options)
{
  gsize length;
  g_autofree char *text = fixture (name, &length);

  return preview_text (plan, text, (gssize) length, options);
}

/* The error a file ends in, as the user reads it. */
static char *
refused (PlPlan *plan, const char *text, const PlSpendOptions *options)
{
  static const PlSpendOptions defaults = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSpendPreview) preview = pl_spend_preview (plan, text, -1, options ? options : &defaults, &error);

  g_assert_null (preview);
  g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
  return g_strdup (error->message);
}

static guint
n_records (PlPlan *plan, PlCollection collection)
{
  return pl_plan_get_n (plan, collection);
}

static gint64
total (const PlSpendPreview *preview)
{
  gint64 sum = 0;

  for (guint i = 0; i < preview->entries->len; i++)
    sum += g_array_index (preview->entries, PlSpendEntry, i).amount;
  return sum;
}

static PlItem *
proposed (const PlSpendPreview *preview, const char *pattern)
{
  for (guint i = 0; i < preview->rules->len; i++)
    if (g_strcmp0 (pl_item_get_string (g_ptr_array_index (preview->rules, i), PL_SPEND_RULE_PATTERN), pattern) == 0)
      return g_ptr_array_index (preview->rules, i);
  return NULL;
}

/* The first quarter's FEC: the marketing charge accounts taken, the rest counted, rules
 * proposed from suppliers and accounts, one undoable edit that keeps the rules. */
static void
test_fec (void)
{
  g_autoptr(PlPlan) plan = example ();
  g_autoptr(PlSpendPreview) preview = preview_file (plan, "fec-2027-q1.txt", NULL);
  guint spend_before = n_records (plan, PL_COLLECTION_SPEND);
  g_autoptr(GPtrArray) unbudgeted = pl_spend_preview_unbudgeted (preview);
  g_autofree char *report = pl_spend_preview_report (preview);
  guint n_credits = 0, n_rules = 0;

  g_assert_cmpint (preview->format, ==, PL_SPEND_FORMAT_FEC);
  g_assert_cmpint (preview->delimiter, ==, '\t');
  g_assert_cmpstr (preview->encoding, ==, "UTF-8");
  g_assert_cmpuint (preview->n_read, ==, 318);
  g_assert_cmpuint (preview->n_taken, ==, 40);
  g_assert_cmpuint (preview->n_left[PL_SPEND_LEFT_ACCOUNT], ==, 277);
  g_assert_cmpuint (preview->n_left[PL_SPEND_LEFT_PERIOD], ==, 1);  /* the invoice of 31 December 2026 */
  g_assert_cmpuint (preview->n_left[PL_SPEND_LEFT_KNOWN], ==, 0);
  g_assert_cmpuint (preview->rejected->len, ==, 0);
  g_assert_cmpstr (report, ==, "318 entries read: 40 to import, 277 left on other accounts, 1 outside the plan’s period.");
  /* Left out by account: the suppliers (401), VAT, sales, bank, salaries, and the charges that
   * are not marketing ones, the lawyers' fees (6226) among them. */
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (preview->left_accounts, "40100000")), >, 40);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (preview->left_accounts, "64100000")), ==, 3);
  g_assert_true (g_hash_table_contains (preview->left_accounts, "62260000"));
  g_assert_false (g_hash_table_contains (preview->left_accounts, "62310000"));

  /* Suppliers that name a line, then accounts by the kind of spend. */
  g_assert_cmpstr (pl_item_get_string (proposed (preview, "linkedin"), PL_SPEND_RULE_LINE), ==, "line-linkedin");
  g_assert_cmpstr (pl_item_get_string (proposed (preview, "google"), PL_SPEND_RULE_LINE), ==, "line-google");
  g_assert_cmpstr (pl_item_get_string (proposed (preview, "meta"), PL_SPEND_RULE_LINE), ==, "line-retargeting");
  g_assert_cmpstr (pl_item_get_string (proposed (preview, "62330000"), PL_SPEND_RULE_LINE), ==, "line-summit");
  g_assert_cmpuint (unbudgeted->len, ==, 0);

  for (guint i = 0; i < preview->entries->len; i++)
    {
      const PlSpendEntry *entry = &g_array_index (preview->entries, PlSpendEntry, i);

      g_assert_true (g_str_has_prefix (entry->key, "fec:AC:AC"));
      g_assert_nonnull (entry->supplier);  /* from the écriture's supplier line */
      if (entry->amount < 0)
        {
          /* Google's credit notes reduce Google's line. */
          n_credits++;
          g_assert_cmpstr (entry->supplier, ==, "Google Ireland Ltd");
          g_assert_cmpstr (pl_item_get_string (entry->rule, PL_SPEND_RULE_LINE), ==, "line-google");
        }
    }
  g_assert_cmpuint (n_credits, ==, 3);

  /* The user moves 6231 (press insertions) to another line before importing. */
  pl_item_set_string (proposed (preview, "62310000"), PL_SPEND_RULE_LINE, "line-pr");
  pl_spend_preview_remap (preview, plan);
  for (guint i = 0; i < preview->rules->len; i++)
    n_rules += pl_item_get_string (g_ptr_array_index (preview->rules, i), PL_SPEND_RULE_LINE) != NULL;

  g_assert_cmpuint (pl_spend_apply (plan, preview), ==, 40);
  g_assert_cmpuint (n_records (plan, PL_COLLECTION_SPEND), ==, spend_before + 40);
  g_assert_cmpuint (n_records (plan, PL_COLLECTION_SPEND_RULES), ==, n_rules);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Import 40 Spending Entries");
  {
    GListModel *spend = pl_plan_get_collection (plan, PL_COLLECTION_SPEND);
    g_autoptr(PlItem) last = g_list_model_get_item (spend, spend_before + 39);
    g_autoptr(PlItem) first = g_list_model_get_item (spend, spend_before);

    g_assert_nonnull (pl_plan_lookup (plan, pl_item_get_id (last)));
    g_assert_nonnull (pl_item_get_string (first, PL_SPEND_SOURCE));
    g_assert_nonnull (pl_item_get_string (first, PL_SPEND_ACCOUNT));
    g_assert_nonnull (pl_item_get_string (first, PL_SPEND_VENDOR));
    g_assert_nonnull (pl_item_get_string (first, PL_SPEND_NOTE));
  }

  /* One undo takes back the records and the rules; redo puts them back. */
  g_assert_true (pl_plan_undo (plan));
  g_assert_cmpuint (n_records (plan, PL_COLLECTION_SPEND), ==, spend_before);
  g_assert_cmpuint (n_records (plan, PL_COLLECTION_SPEND_RULES), ==, 0);
  g_assert_false (pl_plan_get_modified (plan));
  g_assert_true (pl_plan_redo (plan));
  g_assert_cmpuint (n_records (plan, PL_COLLECTION_SPEND), ==, spend_before + 40);
}

static GPtrArray *
keys_of (const PlSpendPreview *preview)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < preview->entries->len; i++)
    {
      const PlSpendEntry *entry = &g_array_index (preview->entries, PlSpendEntry, i);
      g_ptr_array_add (keys, g_strdup_printf ("%s %" G_GINT64_FORMAT " %s", entry->key, entry->amount,
                                              entry->supplier ? entry->supplier : ""));
    }
  return keys;
}

/* The same books written as other tools write them: ISO 8859-15 with pipes, Montant and Sens. */
static void
test_fec_variants (void)
{
  g_autoptr(PlPlan) plan = example ();
  g_autoptr(PlSpendPreview) utf8 = preview_file (plan, "fec-2027-q1.txt", NULL);
  g_autoptr(PlSpendPreview) latin9 = preview_file (plan, "fec-2027-q1-latin9-pipe.txt", NULL);
  g_autoptr(PlSpendPreview) sense = preview_file (plan, "fec-2027-q1-sens.txt", NULL);
  g_autoptr(GPtrArray) expected = keys_of (utf8);
  PlSpendPreview *variants[] = { latin9, sense };

  g_assert_cmpstr (latin9->encoding, ==, "ISO-8859-15");
  g_assert_cmpint (latin9->delimiter, ==, '|');
  g_assert_cmpstr (sense->encoding, ==, "UTF-8");
  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autoptr(GPtrArray) keys = keys_of (variants[v]);

      g_assert_cmpuint (variants[v]->rejected->len, ==, 0);
      g_assert_cmpuint (keys->len, ==, expected->len);
      for (guint i = 0; i < keys->len; i++)
        g_assert_cmpstr (keys->pdata[i], ==, expected->pdata[i]);
    }
  /* The label with its accents, read from ISO 8859-15. */
  {
    gboolean found = FALSE;
    for (guint i = 0; i < latin9->entries->len; i++)
      found |= g_strcmp0 (g_array_index (latin9->entries, PlSpendEntry, i).supplier, "Les Échos Publishing") == 0;
    g_assert_true (found);
  }
}

/* Importing the same file again adds nothing, in any of its forms; a later file repeating the
 * first quarter adds only the second; the rules saved the first time map it, none proposed. */
static void
test_idempotent (void)
{
  g_autoptr(PlPlan) plan = example ();
  g_autoptr(PlSpendPreview) first = preview_file (plan, "fec-2027-q1.txt", NULL);
  const char *again[] = { "fec-2027-q1.txt", "fec-2027-q1-latin9-pipe.txt", "fec-2027-q1-sens.txt" };
  guint spend, rules;

  pl_spend_apply (plan, first);
  spend = n_records (plan, PL_COLLECTION_SPEND);
  rules = n_records (plan, PL_COLLECTION_SPEND_RULES);
  for (guint i = 0; i < G_N_ELEMENTS (again); i++)
    {
      g_autoptr(PlSpendPreview) preview = preview_file (plan, again[i], NULL);

      g_assert_cmpuint (preview->entries->len, ==, 0);
      g_assert_cmpuint (preview->n_left[PL_SPEND_LEFT_KNOWN], ==, 40);
      g_assert_cmpuint (preview->rules->len, ==, 0);
      g_assert_cmpuint (pl_spend_apply (plan, preview), ==, 0);
      g_assert_cmpuint (n_records (plan, PL_COLLECTION_SPEND), ==, spend);
    }

  {
    g_autoptr(PlSpendPreview) half = preview_file (plan, "fec-2027-h1.txt", NULL);
    g_autoptr(GPtrArray) unbudgeted = pl_spend_preview_unbudgeted (half);

    g_assert_cmpuint (half->n_left[PL_SPEND_LEFT_KNOWN], ==, 40);
    g_assert_cmpuint (half->entries->len, ==, 38);
    /* Reused: the plan's rules map every entry of the new months. */
    g_assert_cmpuint (half->rules->len, ==, 0);
    g_assert_cmpuint (unbudgeted->len, ==, 0);
    for (guint i = 0; i < half->entries->len; i++)
      g_assert_cmpint (pl_plan_month_index (plan, g_array_index (half->entries, PlSpendEntry, i).date), >=, 3);
    g_assert_cmpuint (pl_spend_apply (plan, half), ==, 38);
    g_assert_cmpuint (n_records (plan, PL_COLLECTION_SPEND), ==, spend + 38);
    g_assert_cmpuint (n_records (plan, PL_COLLECTION_SPEND_RULES), ==, rules);
  }
}

/* A source with no number: two genuine identical charges stay two, the same file again adds
 * none, a later file with a third adds one. */
static void
test_multiset (void)
{
  g_autoptr(PlPlan) plan = example ();
  PlSpendOptions options = { 0 };
  g_autoptr(PlSpendPreview) bank = NULL;
  g_autoptr(PlSpendPreview) again = NULL;
  g_autoptr(PlSpendPreview) third = NULL;
  guint spend = n_records (plan, PL_COLLECTION_SPEND);
  const char *later = "Date;Libellé;Montant;Tiers\n"
                      "02/03/2027;Prélèvement abonnement;-49,00;Canva\n"
                      "02/03/2027;Prélèvement abonnement;-49,00;Canva\n"
                      "02/03/2027;Prélèvement abonnement;-49,00;Canva\n";

  options.no_proposals = TRUE;
  bank = preview_file (plan, "bank-2027-03.csv", &options);
  g_assert_cmpstr (bank->encoding, ==, "WINDOWS-1252");
  g_assert_cmpuint (bank->entries->len, ==, 6);
  g_assert_cmpstr (g_array_index (bank->entries, PlSpendEntry, 0).key, ==,
                   g_array_index (bank->entries, PlSpendEntry, 1).key);
  g_assert_cmpstr (g_array_index (bank->entries, PlSpendEntry, 0).key, ==,
                   "txn:2027-03-02:49.00:Canva:Prélèvement abonnement");
  /* Money out is spend, the refund a credit: 49 + 49 + 18.40 + 1250 - 120 + 640.50. */
  g_assert_cmpint (total (bank), ==, 188690);
  g_assert_cmpuint (pl_spend_apply (plan, bank), ==, 6);
  g_assert_cmpuint (n_records (plan, PL_COLLECTION_SPEND), ==, spend + 6);

  again = preview_file (plan, "bank-2027-03.csv", &options);
  g_assert_cmpuint (again->entries->len, ==, 0);
  g_assert_cmpuint (again->n_left[PL_SPEND_LEFT_KNOWN], ==, 6);

  third = preview_text (plan, later, -1, &options);
  g_assert_cmpuint (third->entries->len, ==, 1);
  g_assert_cmpuint (third->n_left[PL_SPEND_LEFT_KNOWN], ==, 2);
}

/* Entries no rule maps are unbudgeted spend: imported with no line, and listed. */
static void
test_unbudgeted (void)
{
  g_autoptr(PlPlan) plan = example ();
  PlSpendOptions options = { 0 };
  g_autoptr(PlSpendPreview) preview = NULL;
  g_autoptr(GPtrArray) unbudgeted = NULL;
  guint spend = n_records (plan, PL_COLLECTION_SPEND);

  options.no_proposals = TRUE;
  preview = preview_file (plan, "fec-2027-q1.txt", &options);
  unbudgeted = pl_spend_preview_unbudgeted (preview);
  g_assert_cmpuint (preview->rules->len, ==, 0);
  g_assert_cmpuint (unbudgeted->len, ==, 40);
  g_assert_cmpuint (preview->cells->len, ==, 3);  /* one per month, no line */
  g_assert_null (g_array_index (preview->cells, PlSpendCell, 0).line);
  {
    g_autofree char *line = pl_spend_entry_describe (plan, g_ptr_array_index (unbudgeted, 0));
    g_assert_nonnull (strstr (line, "(6"));
  }
  pl_spend_apply (plan, preview);
  {
    GListModel *records = pl_plan_get_collection (plan, PL_COLLECTION_SPEND);
    g_autoptr(PlItem) record = g_list_model_get_item (records, spend);

    g_assert_null (pl_item_get_string (record, PL_SPEND_LINE));
    g_assert_cmpuint (n_records (plan, PL_COLLECTION_SPEND_RULES), ==, 0);
  }
}

/* A rule names what the defaults leave: the design agency's fees (6226), by its supplier, and
 * not the lawyers' on the same account. */
static void
test_rule_takes_account (void)
{
  g_autoptr(PlPlan) plan = example ();
  g_autoptr(PlItem) rule = g_object_new (PL_TYPE_SPEND_RULE, NULL);
  g_autoptr(PlSpendPreview) preview = NULL;
  guint lumen = 0;

  pl_item_set_int (rule, PL_SPEND_RULE_MATCH, PL_SPEND_MATCH_SUPPLIER);
  pl_item_set_string (rule, PL_SPEND_RULE_PATTERN, "agence LUMEN");
  pl_item_set_string (rule, PL_SPEND_RULE_LINE, "line-design");
  pl_plan_add (plan, rule);
  preview = preview_file (plan, "fec-2027-q1.txt", NULL);
  for (guint i = 0; i < preview->entries->len; i++)
    {
      const PlSpendEntry *entry = &g_array_index (preview->entries, PlSpendEntry, i);

      g_assert_cmpstr (entry->supplier, !=, "Cabinet Martin Avocats");
      if (g_str_equal (entry->account, "62260000"))
        {
          lumen++;
          g_assert_true (entry->rule == rule);
        }
    }
  g_assert_cmpuint (lumen, >, 0);
  g_assert_cmpuint (preview->n_taken, ==, 40 + lumen);
  g_assert_true (pl_spend_rule_matches (rule, NULL, "Agence Lumen SAS", NULL));
  g_assert_false (pl_spend_rule_matches (rule, NULL, "Lumen", NULL));
}

/* CSVs in other column orders and languages: columns found from their headers, debits and
 * credits in two columns, positive spend, accounts filtered. */
static void
test_csv_columns (void)
{
  g_autoptr(PlPlan) plan = example ();
  g_autoptr(PlSpendPreview) english = preview_file (plan, "transactions-2027-04.csv", NULL);
  g_autoptr(PlSpendPreview) journal = preview_file (plan, "journal-debit-credit.csv", NULL);
  PlSpendOptions options = { 0 };

  g_assert_cmpint (english->format, ==, PL_SPEND_FORMAT_CSV);
  g_assert_cmpuint (english->entries->len, ==, 4);
  g_assert_cmpuint (english->n_left[PL_SPEND_LEFT_ACCOUNT], ==, 1);
  g_assert_cmpint (total (english), ==, 520000 + 730050 + 86000 - 30000);
  g_assert_cmpstr (g_array_index (english->entries, PlSpendEntry, 0).key, ==,
                   "txn:2027-04-05:5200.00:LinkedIn Ireland Unlimited:Sponsored posts April");

  g_assert_cmpint (journal->delimiter, ==, '\t');
  g_assert_cmpuint (journal->entries->len, ==, 2);
  g_assert_cmpint (total (journal), ==, 400000);

  /* Dates saved by a spreadsheet as serial numbers, amounts as text with a BOM and CRLF. */
  {
    g_autoptr(PlSpendPreview) serials = preview_text (plan, "\xEF\xBB\xBF" "Date;Montant;Fournisseur\r\n46451;1 200,50;Agence Lumen\r\n"
                                                            "46452.75;\"300,00\";Agence Lumen\r\n", -1, NULL);
    g_assert_cmpuint (serials->entries->len, ==, 2);
    g_assert_cmpuint (serials->rejected->len, ==, 0);
    g_assert_cmpint (total (serials), ==, 150050);
    /* 46451: 5 March 2027, as LibreOffice and Excel read it. */
    g_assert_cmpstr (g_array_index (serials->entries, PlSpendEntry, 0).key, ==, "txn:2027-03-05:1200.50:Agence Lumen:");
    {
      g_autofree char *notes = g_strjoinv (" ", serials->notes);
      g_assert_nonnull (strstr (notes, "spreadsheet serial numbers"));
    }
  }

  /* A French bank's headers add words to the names the import knows (Qonto, Shine): "Date de
   * l'opération", "Montant (EUR)", "Contrepartie"; money out is negative. */
  {
    g_autoptr(PlSpendPreview) bank = preview_text (plan, "\"Date de l'opération\";\"Libellé\";\"Montant (EUR)\";\"Contrepartie\"\n"
                                                         "03/02/2027;PRLV LINKEDIN;-1 250,00;LinkedIn Ireland\n"
                                                         "05/02/2027;CB GOOGLE ADS;-980,45;Google\n"
                                                         "07/02/2027;REMB LINKEDIN;150,00;LinkedIn Ireland\n", -1, NULL);
    g_assert_cmpuint (bank->entries->len, ==, 3);
    g_assert_cmpuint (bank->rejected->len, ==, 0);
    g_assert_cmpint (total (bank), ==, 125000 + 98045 - 15000);
    g_assert_cmpstr (g_array_index (bank->entries, PlSpendEntry, 0).key, ==, "txn:2027-02-03:1250.00:LinkedIn Ireland:PRLV LINKEDIN");
  }

  /* Columns chosen by number; the signs said. */
  options.date_column = "5";
  options.amount_column = "Amount";
  options.sign = PL_SPEND_SIGN_NEGATIVE;
  {
    g_autoptr(PlSpendPreview) negative = preview_file (plan, "transactions-2027-04.csv", &options);
    g_assert_cmpint (total (negative), ==, -(520000 + 730050 + 86000 - 30000));
  }
  options.amount_column = "Montant";
  {
    gsize length;
    g_autofree char *text = fixture ("transactions-2027-04.csv", &length);
    g_autoptr(GError) error = NULL;
    g_autoptr(PlSpendPreview) none = pl_spend_preview (plan, text, (gssize) length, &options, &error);

    g_assert_null (none);
    g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
    g_assert_cmpstr (error->message, ==, "The file has no column “Montant” for the amounts.");
  }
}

/* Files cut short or changed by hand end in clear words, never in a wrong figure. */
static void
test_bad_files (void)
{
  g_autoptr(PlPlan) plan = example ();
  gsize length;
  g_autofree char *fec = fixture ("fec-2027-q1.txt", &length);
  g_autofree char *message = NULL;

  /* Cut in the middle of a line of a marketing écriture. */
  {
    const char *cut = strstr (fec, "\tCampagne LinkedIn\t");
    g_autoptr(PlSpendPreview) preview = NULL;
    gboolean short_line = FALSE, unbalanced = FALSE;

    /* The second écriture with that label, cut after the charge line's label. */
    cut = strstr (cut + 1, "62310000");
    cut = strstr (cut, "Campagne LinkedIn") + 5;
    preview = preview_text (plan, fec, cut - fec, NULL);
    for (guint i = 0; i < preview->rejected->len; i++)
      {
        PlImportRejection *rejection = g_ptr_array_index (preview->rejected, i);

        short_line |= strstr (rejection->reason, "fields where the header has 18: the file may be cut short") != NULL;
        unbalanced |= strstr (rejection->reason, "does not balance") != NULL;
      }
    g_assert_true (short_line);
    g_assert_true (unbalanced || preview->rejected->len == 1);
  }
  /* A line cut after its amounts: the écriture no longer balances. */
  {
    char *cut = strstr (fec, "Campagne LinkedIn");
    g_autoptr(PlSpendPreview) preview = NULL;
    g_autofree char *copy = NULL;

    cut = strstr (cut, "\n") + 1;           /* after the supplier line */
    cut = strstr (cut, "\n") + 1;           /* after the charge line: the VAT line goes */
    copy = g_strndup (fec, (gsize) (cut - fec));
    preview = preview_text (plan, copy, -1, NULL);
    g_assert_cmpuint (preview->rejected->len, ==, 1);
    g_assert_nonnull (strstr (((PlImportRejection *) preview->rejected->pdata[0])->message, "does not balance"));
  }
  /* An amount typed over. */
  {
    g_autofree char *copy = g_strdup (fec);
    char *charge = strstr (strstr (copy, "62310000"), "\t10451,15");
    g_autoptr(PlSpendPreview) preview = NULL;

    memcpy (charge + 1, "10x51", 5);
    preview = preview_text (plan, copy, -1, NULL);
    g_assert_cmpuint (preview->rejected->len, >=, 1);
    g_assert_nonnull (strstr (((PlImportRejection *) preview->rejected->pdata[0])->reason, "“10x51,15” or “0,00” is not an amount"));
  }
  /* A Sens that is neither D nor C. */
  {
    gsize sense_length;
    g_autofree char *sense = fixture ("fec-2027-q1-sens.txt", &sense_length);
    char *direction = strstr (sense, "\tD\t");
    g_autoptr(PlSpendPreview) preview = NULL;

    direction[1] = 'X';
    preview = preview_text (plan, sense, (gssize) sense_length, NULL);
    g_assert_cmpuint (preview->rejected->len, >=, 1);
    g_assert_nonnull (strstr (((PlImportRejection *) preview->rejected->pdata[0])->reason, "Sens is D (debit) or C (credit)"));
  }
  /* A header that lost columns, a file with nothing, a header alone. */
  {
    PlSpendOptions options = { .format = PL_SPEND_FORMAT_FEC };

    message = refused (plan, "JournalCode\tEcritureNum\tCompteNum\nAC\t1\t6231\n", NULL);
    g_assert_cmpstr (message, ==, "The file’s header is not that of an FEC: it has no column EcritureDate, Debit, Credit. "
                                  "An FEC starts with a line naming its 18 columns (JournalCode, JournalLib, EcritureNum, …).");
    g_free (message);
    message = refused (plan, "", &options);
    g_assert_cmpstr (message, ==, "The file holds no data.");
    g_free (message);
    message = refused (plan, "\n\n", NULL);
    g_assert_cmpstr (message, ==, "The file holds no data.");
    g_free (message);
    {
      g_autofree char *header = g_strndup (fec, (gsize) (strchr (fec, '\n') - fec));
      message = refused (plan, header, NULL);
    }
    g_assert_cmpstr (message, ==, "The file has a header line but no data under it.");
    g_free (message);
    message = refused (plan, "Date,Supplier\n2027-03-01,Canva\n", NULL);
    g_assert_cmpstr (message, ==, "No column of the file looks like an amount, nor like debits and credits: choose them.");
    g_free (message);
    message = refused (plan, "Date,Amount\nyesterday,12\n", NULL);
    g_assert_nonnull (strstr (message, "No date of the column “Date” reads as a date."));
    g_clear_pointer (&message, g_free);
  }
  /* Binary garbage reads as ISO 8859-15 and is refused in words. */
  {
    static const char garbage[] = "\x01\x02\xff\xfe\x80JournalCode\x00\x9c";
    g_autoptr(GError) error = NULL;
    g_autoptr(PlSpendPreview) preview = NULL;
    PlSpendOptions options = { 0 };

    preview = pl_spend_preview (plan, garbage, sizeof garbage - 1, &options, &error);
    g_assert_true (preview == NULL || preview->entries->len == 0);
  }
}

static void
test_keys (void)
{
  g_autofree char *fec = pl_spend_fec_key ("A:C", "10%", "6231", 2);
  g_autofree char *txn = pl_spend_txn_key (2461102, -1250, 2, "A:B", NULL);

  g_assert_cmpstr (fec, ==, "fec:A%3AC:10%25:6231:2");
  g_assert_true (g_str_has_prefix (txn, "txn:"));
  g_assert_true (g_str_has_suffix (txn, ":-12.50:A%3AB:"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/spend-import/fec", test_fec);
  g_test_add_func ("/spend-import/fec-variants", test_fec_variants);
  g_test_add_func ("/spend-import/idempotent", test_idempotent);
  g_test_add_func ("/spend-import/multiset", test_multiset);
  g_test_add_func ("/spend-import/unbudgeted", test_unbudgeted);
  g_test_add_func ("/spend-import/rule-takes-account", test_rule_takes_account);
  g_test_add_func ("/spend-import/csv-columns", test_csv_columns);
  g_test_add_func ("/spend-import/bad-files", test_bad_files);
  g_test_add_func ("/spend-import/keys", test_keys);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-spend-import"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-csv.h"
#include "pl-date-text.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-import-text.h"
#include "pl-money.h"
#include "pl-spend-import.h"

void
pl_spend_preview_free (PlSpendPreview *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->header);
  g_strfreev (self->notes);
  g_clear_pointer (&self->left_accounts, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->plan_rules, g_ptr_array_unref);
  g_clear_pointer (&self->rejected, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_free (self);
}

/* ---- keys ---- */

/* @text with '%' and ':' escaped, so that the parts of a key never run into each other. */
static void
append_part (GString *key, const char *text)
{
  g_string_append_c (key, ':');
  for (const char *p = text ? text : ""; *p != '\0'; p++)
    if (*p == '%')
      g_string_append (key, "%25");
    else if (*p == ':')
      g_string_append (key, "%3A");
    else
      g_string_append_c (key, *p);
}

/* Writes the key of an FEC entry into @key. */
static void
make_fec_key (GString *key, const char *journal, const char *number, const char *account, guint position)
{
  g_string_assign (key, "fec");
  append_part (key, journal);
  append_part (key, number);
  append_part (key, account);
  g_string_append_printf (key, ":%u", position);
}

char *
pl_spend_fec_key (const char *journal, const char *number, const char *account, guint position)
{
  GString *key = g_string_new (NULL);

  make_fec_key (key, journal, number, account, position);
  return g_string_free (key, FALSE);
}

/* Writes the key of a transaction with no number into @key. */
static void
make_txn_key (GString *key, guint32 date, gint64 amount, guint exponent, const char *supplier, const char *label)
{
  g_autofree char *money = pl_money_to_string (amount, exponent);
  GDate day;

  g_string_assign (key, "txn");
  g_date_clear (&day, 1);
  g_date_set_julian (&day, date);
  g_string_append_printf (key, ":%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
  append_part (key, money);
  append_part (key, supplier);
  append_part (key, label);
}

char *
pl_spend_txn_key (guint32 date, gint64 amount, guint exponent, const char *supplier, const char *label)
{
  GString *key = g_string_new (NULL);

  make_txn_key (key, date, amount, exponent, supplier, label);
  return g_string_free (key, FALSE);
}

/* ---- rules ---- */

/* @text as the words rules compare: no accents, lower case, letters and digits only, each word
 * between spaces (" agence lumen "), so that a word is found by strstr (" word "). */
static char *
words_of (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text ? text : "", "C");
  GString *words = g_string_new (" ");

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (words, g_ascii_tolower (*p));
    else if (words->str[words->len - 1] != ' ')
      g_string_append_c (words, ' ');
  if (words->str[words->len - 1] != ' ')
    g_string_append_c (words, ' ');
  return g_string_free (words, FALSE);
}

/* The words of @pattern each between spaces (" agence ", " lumen "), to look for in the words of
 * an entry; NULL when it has none. */
static GStrv
tokens_of (const char *pattern)
{
  g_autofree char *words = words_of (pattern);
  g_auto(GStrv) list = g_strsplit (g_strstrip (words), " ", -1);
  GStrvBuilder *tokens = g_strv_builder_new ();
  GStrv result;

  for (guint i = 0; list[i] != NULL; i++)
    if (*list[i] != '\0')
      {
        g_autofree char *token = g_strdup_printf (" %s ", list[i]);
        g_strv_builder_add (tokens, token);
      }
  result = g_strv_builder_end (tokens);
  g_strv_builder_unref (tokens);
  if (result[0] == NULL)
    g_clear_pointer (&result, g_strfreev);
  return result;
}

/* Whether every one of @tokens (tokens_of()) is among @words (words_of()). */
static gboolean
has_words (const char *words, GStrv tokens)
{
  if (tokens == NULL)
    return FALSE;
  for (guint i = 0; tokens[i] != NULL; i++)
    if (strstr (words, tokens[i]) == NULL)
      return FALSE;
  return TRUE;
}

gboolean
pl_spend_rule_matches (PlItem *rule, const char *account, const char *supplier, const char *label)
{
  const char *pattern = pl_item_get_string (rule, PL_SPEND_RULE_PATTERN);
  g_autofree char *words = NULL;
  g_auto(GStrv) wanted = NULL;

  if (pattern == NULL || *pattern == '\0')
    return FALSE;
  switch (pl_item_get_int (rule, PL_SPEND_RULE_MATCH))
    {
    case PL_SPEND_MATCH_ACCOUNT:
      return account != NULL && g_str_has_prefix (account, pattern);
    case PL_SPEND_MATCH_SUPPLIER:
      words = words_of (supplier);
      break;
    case PL_SPEND_MATCH_LABEL:
      words = words_of (label);
      break;
    default:
      return FALSE;
    }
  wanted = tokens_of (pattern);
  return has_words (words, wanted);
}

/* The rules in the form the mapping compares quickly: their words made once. */
typedef struct {
  PlItem      *rule;
  PlSpendMatch match;
  const char  *pattern;
  GStrv        words;   /* supplier and label rules: tokens_of() their pattern */
} Compiled;

static void
compiled_clear (Compiled *compiled)
{
  g_strfreev (compiled->words);
}

/* The rules in the order they are tried: those given for this import, the plan's, then the
 * proposed ones. */
static GArray *
compile_rules (PlSpendPreview *self)
{
  GArray *compiled = g_array_new (FALSE, FALSE, sizeof (Compiled));
  guint n = self->plan_rules->len + self->rules->len;

  g_array_set_clear_func (compiled, (GDestroyNotify) compiled_clear);
  for (guint i = 0; i < n; i++)
    {
      guint given = self->n_given, planned = self->plan_rules->len;
      PlItem *rule = i < given ? g_ptr_array_index (self->rules, i)
                   : i < given + planned ? g_ptr_array_index (self->plan_rules, i - given)
                   : g_ptr_array_index (self->rules, i - planned);
      Compiled one = { rule, (PlSpendMatch) pl_item_get_int (rule, PL_SPEND_RULE_MATCH),
                       pl_item_get_string (rule, PL_SPEND_RULE_PATTERN), NULL };

      if (one.pattern == NULL || *one.pattern == '\0')
        continue;
      if (one.match != PL_SPEND_MATCH_ACCOUNT)
        one.words = tokens_of (one.pattern);
      g_array_append_val (compiled, one);
    }
  return compiled;
}

/* Caches the words of the suppliers and labels: a ledger repeats them on thousands of lines. */
static const char *
cached_words (GHashTable *cache, const char *text)
{
  char *words;

  if (text == NULL)
    return " ";
  if ((words = g_hash_table_lookup (cache, text)) == NULL)
    {
      words = words_of (text);
      g_hash_table_insert (cache, g_strdup (text), words);
    }
  return words;
}

/* The rule for an entry: the first supplier or label rule whose words it has, else the account
 * rule with the longest prefix of its account. */
static PlItem *
find_rule (GArray *compiled, GHashTable *cache, const char *account, const char *supplier, const char *label)
{
  PlItem *best = NULL;
  gsize best_length = 0;

  for (guint i = 0; i < compiled->len; i++)
    {
      Compiled *one = &g_array_index (compiled, Compiled, i);

      if (one->match == PL_SPEND_MATCH_SUPPLIER && has_words (cached_words (cache, supplier), one->words))
        return one->rule;
      if (one->match == PL_SPEND_MATCH_LABEL && has_words (cached_words (cache, label), one->words))
        return one->rule;
    }
  for (guint i = 0; account != NULL && i < compiled->len; i++)
    {
      Compiled *one = &g_array_index (compiled, Compiled, i);
      gsize length = strlen (one->pattern);

      if (one->match == PL_SPEND_MATCH_ACCOUNT && length > best_length && g_str_has_prefix (account, one->pattern))
        {
          best = one->rule;
          best_length = length;
        }
    }
  return best;
}

/* ---- proposals ---- */

/* Words that say nothing of what a supplier sells. */
static const char * const company_words[] = {
  "sa", "sas", "sasu", "sarl", "eurl", "sca", "ltd", "inc", "llc", "gmbh", "bv", "plc", "the", "le", "la", "les",
  "de", "des", "du", "et", "and", "societe", "ste", "cie", "groupe", "group", "france", "europe", "ireland", "agence",
  "agency", "cabinet", "studio", "paris", "lyon", "london", "berlin", "new", "global", "international", NULL,
};

/* The first word of @supplier that names it ("linkedin" in "LinkedIn Ireland Ltd"), or NULL. */
static char *
supplier_word (const char *supplier)
{
  g_autofree char *words = words_of (supplier);
  g_auto(GStrv) list = g_strsplit (g_strstrip (words), " ", -1);

  for (guint i = 0; list[i] != NULL; i++)
    if (strlen (list[i]) >= 3 && !g_strv_contains (company_words, list[i]))
      return g_strdup_printf (" %s ", list[i]);
  return NULL;
}

/* What a line for an account's spend is called, by the account (the French chart of accounts,
 * plan comptable général): words of English and French line and category names. */
static const struct { const char *prefix; const char *words; } account_words[] = {
  { "6231", "ads advertising advert media display search annonces publicite insertions" },
  { "6232", "samples echantillons" },
  { "6233", "event events summit stand trade show salon salons exhibition fair foire" },
  { "6234", "gifts goodies cadeaux" },
  { "6235", "awards prizes primes" },
  { "6236", "print printing brochure brochures catalogue imprimes design creative" },
  { "6237", "content publication publications report benchmark" },
  { "6257", "event events reception receptions webinar webinars" },
  { "622", "agency agence retainer consulting freelance honoraires" },
};

/* The one line whose name and category have most of the words of @account's kind, or NULL
 * when none or several do equally: then the user chooses. */
static PlItem *
guess_line (PlPlan *plan, const char *account)
{
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  const char *wanted = NULL;
  PlItem *best = NULL;
  guint best_score = 0;
  gboolean tie = FALSE;
  g_auto(GStrv) keys = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (account_words) && wanted == NULL; i++)
    if (g_str_has_prefix (account, account_words[i].prefix))
      wanted = account_words[i].words;
  if (wanted == NULL)
    return NULL;
  keys = g_strsplit (wanted, " ", -1);
  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      PlItem *category = pl_plan_lookup (plan, pl_item_get_string (line, PL_BUDGET_LINE_CATEGORY));
      g_autofree char *text = g_strdup_printf ("%s %s", pl_item_get_string (line, PL_BUDGET_LINE_NAME) ?: "",
                                               category ? pl_item_get_string (category, PL_CATEGORY_NAME) ?: "" : "");
      g_autofree char *words = words_of (text);
      guint score = 0;

      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autofree char *key = g_strdup_printf (" %s ", keys[k]);
          score += strstr (words, key) != NULL;
        }
      if (score > best_score)
        {
          best = line;
          best_score = score;
          tie = FALSE;
        }
      else if (score == best_score && score > 0)
        tie = TRUE;
    }
  return tie ? NULL : best;
}

/* The one line whose name holds @word (" linkedin "), or NULL. */
static PlItem *
line_named (PlPlan *plan, const char *word)
{
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  PlItem *found = NULL;

  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      g_autofree char *words = words_of (pl_item_get_string (line, PL_BUDGET_LINE_NAME));

      if (strstr (words, word) == NULL)
        continue;
      if (found != NULL)
        return NULL;
      found = line;
    }
  return found;
}

static PlItem *
rule_new (PlSpendMatch match, const char *pattern, PlItem *line)
{
  PlItem *rule = g_object_new (PL_TYPE_SPEND_RULE, NULL);

  pl_item_set_int (rule, PL_SPEND_RULE_MATCH, match);
  pl_item_set_string (rule, PL_SPEND_RULE_PATTERN, pattern);
  if (line != NULL)
    pl_item_set_string (rule, PL_SPEND_RULE_LINE, pl_item_get_id (line));
  return rule;
}

/* Suppliers proposed without a line, at most: a bank statement of a thousand shops is mapped
 * with a few rules the user writes, not a thousand drop-downs. */
#define MAX_SUPPLIER_RULES 60

/* Rules for the entries no rule of the plan maps: a supplier rule where the supplier names a
 * line ("LinkedIn Ireland" and "LinkedIn Ads – finance audiences"), else an account rule per
 * account, to the line its kind of spend suggests or to none (the user chooses); a transaction
 * without an account, a supplier rule to no line. */
static void
propose_rules (PlSpendPreview *self, PlPlan *plan)
{
  g_autoptr(GHashTable) suppliers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) accounts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->entries->len; i++)
    {
      PlSpendEntry *entry = &g_array_index (self->entries, PlSpendEntry, i);
      g_autofree char *word = NULL;
      PlItem *line;

      if (entry->rule != NULL || entry->supplier == NULL || g_hash_table_contains (suppliers, entry->supplier))
        continue;
      g_hash_table_add (suppliers, entry->supplier);
      if ((word = supplier_word (entry->supplier)) != NULL && (line = line_named (plan, word)) != NULL)
        {
          g_autofree char *pattern = g_strstrip (g_strdup (word));
          g_ptr_array_add (self->rules, rule_new (PL_SPEND_MATCH_SUPPLIER, pattern, line));
        }
    }
  pl_spend_preview_remap (self, plan);
  for (guint i = 0; i < self->entries->len; i++)
    {
      PlSpendEntry *entry = &g_array_index (self->entries, PlSpendEntry, i);

      if (entry->rule != NULL || entry->account == NULL || *entry->account == '\0' ||
          g_hash_table_contains (accounts, entry->account))
        continue;
      g_hash_table_add (accounts, entry->account);
      g_ptr_array_add (self->rules, rule_new (PL_SPEND_MATCH_ACCOUNT, entry->account, guess_line (plan, entry->account)));
    }
  /* A bank's transactions have no account: a rule per supplier, for the user to give a line. */
  for (guint i = 0; i < self->entries->len; i++)
    {
      PlSpendEntry *entry = &g_array_index (self->entries, PlSpendEntry, i);

      if (entry->account != NULL || entry->supplier == NULL || g_hash_table_contains (accounts, entry->supplier) ||
          g_hash_table_size (accounts) >= MAX_SUPPLIER_RULES)
        continue;
      g_hash_table_add (accounts, entry->supplier);
      g_ptr_array_add (self->rules, rule_new (PL_SPEND_MATCH_SUPPLIER, entry->supplier, NULL));
    }
  pl_spend_preview_remap (self, plan);
}

/* ---- mapping and sums ---- */

static guint
cell_hash (gconstpointer key)
{
  const PlSpendCell *cell = key;
  return g_direct_hash (cell->line) ^ (cell->month * 2654435761u);
}

static gboolean
cell_equal (gconstpointer a, gconstpointer b)
{
  const PlSpendCell *x = a, *y = b;
  return x->line == y->line && x->month == y->month;
}

static int
compare_cells (gconstpointer a, gconstpointer b, gpointer data)
{
  const PlSpendCell *x = a, *y = b;
  GHashTable *order = data;
  /* Unbudgeted spend, with no line, last. */
  guint i = x->line ? GPOINTER_TO_UINT (g_hash_table_lookup (order, x->line)) : G_MAXUINT;
  guint j = y->line ? GPOINTER_TO_UINT (g_hash_table_lookup (order, y->line)) : G_MAXUINT;

  if (i != j)
    return i < j ? -1 : 1;
  return (x->month > y->month) - (x->month < y->month);
}

void
pl_spend_preview_remap (PlSpendPreview *self, PlPlan *plan)
{
  g_autoptr(GArray) compiled = compile_rules (self);
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) cells = g_hash_table_new (cell_hash, cell_equal);
  g_autoptr(GHashTable) order = g_hash_table_new (NULL, NULL);
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);

  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      g_hash_table_insert (order, line, GUINT_TO_POINTER (i));
    }
  g_array_set_size (self->cells, 0);
  for (guint i = 0; i < self->entries->len; i++)
    {
      PlSpendEntry *entry = &g_array_index (self->entries, PlSpendEntry, i);
      PlSpendCell wanted = { NULL, 0, 0, 0 };
      gpointer found;
      PlSpendCell *cell;

      entry->rule = find_rule (compiled, cache, entry->account, entry->supplier, entry->label);
      wanted.line = entry->rule ? pl_plan_lookup (plan, pl_item_get_string (entry->rule, PL_SPEND_RULE_LINE)) : NULL;
      wanted.month = (guint) MAX (pl_plan_month_index (plan, entry->date), 0);
      if (!g_hash_table_lookup_extended (cells, &wanted, NULL, &found))
        {
          g_array_append_val (self->cells, wanted);
          found = GUINT_TO_POINTER (self->cells->len);
          /* The key is the cell's copy in the array, found again by its index: the array may
           * move as it grows, so the table holds indexes and keys of its own. */
          g_hash_table_insert (cells, g_memdup2 (&wanted, sizeof wanted), found);
        }
      cell = &g_array_index (self->cells, PlSpendCell, GPOINTER_TO_UINT (found) - 1);
      cell->n_entries++;
      cell->amount = pl_money_sum (cell->amount, entry->amount);
    }
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, cells);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_free (key);
  }
  g_array_sort_with_data (self->cells, compare_cells, order);
}

GPtrArray *
pl_spend_preview_unbudgeted (PlSpendPreview *self)
{
  GPtrArray *unbudgeted = g_ptr_array_new ();

  for (guint i = 0; i < self->entries->len; i++)
    {
      PlSpendEntry *entry = &g_array_index (self->entries, PlSpendEntry, i);
      if (entry->rule == NULL || pl_item_get_string (entry->rule, PL_SPEND_RULE_LINE) == NULL)
        g_ptr_array_add (unbudgeted, entry);
    }
  return unbudgeted;
}

/* ---- reading ---- */

/* The file as UTF-8: as it is when it is, else ISO 8859-15 (or Windows-1252 when it has bytes
 * that only that one gives letters to), which the French ledgers write. */
static char *
to_utf8 (const char *text, gsize size, gsize *out_size, const char **encoding)
{
  gboolean windows = FALSE;
  GString *converted;

  if (size >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      size -= 3;
    }
  /* Excel's "Unicode text" is UTF-16 with a byte-order mark. */
  if (size >= 2 && (((guchar) text[0] == 0xFF && (guchar) text[1] == 0xFE) ||
                    ((guchar) text[0] == 0xFE && (guchar) text[1] == 0xFF)))
    {
      char *utf8 = g_convert (text + 2, (gssize) size - 2, "UTF-8", (guchar) text[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                              NULL, out_size, NULL);
      if (utf8 != NULL)
        {
          *encoding = "UTF-16";
          return utf8;
        }
    }
  if (g_utf8_validate_len (text, size, NULL))
    {
      *encoding = "UTF-8";
      *out_size = size;
      return g_strndup (text, size);
    }
  for (gsize i = 0; i < size && !windows; i++)
    windows = (guchar) text[i] >= 0x80 && (guchar) text[i] < 0xA0;
  *encoding = windows ? "WINDOWS-1252" : "ISO-8859-15";
  /* Converted by hand: every byte is a letter of ISO 8859-15, and iconv's Windows-1252 refuses
   * its five unused bytes. */
  converted = g_string_sized_new (size + size / 8);
  for (gsize i = 0; i < size; i++)
    {
      static const gunichar windows_1252[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
      };
      guchar c = (guchar) text[i];
      gunichar u = c;

      if (c == 0)
        u = 0xFFFD;
      else if (c >= 0x80 && c < 0xA0)
        u = windows_1252[c - 0x80];
      else if (!windows)
        switch (c)
          {
          case 0xA4: u = 0x20AC; break;
          case 0xA6: u = 0x0160; break;
          case 0xA8: u = 0x0161; break;
          case 0xB4: u = 0x017D; break;
          case 0xB8: u = 0x017E; break;
          case 0xBC: u = 0x0152; break;
          case 0xBD: u = 0x0153; break;
          case 0xBE: u = 0x0178; break;
          default: break;
          }
      if (u < 0x80)
        g_string_append_c (converted, (char) u);
      else
        g_string_append_unichar (converted, u);
    }
  *out_size = converted->len;
  return g_string_free (converted, FALSE);
}

/* A raw row before it is taken or left. */
typedef struct {
  guint   row;
  guint32 date;
  gint64  amount;       /* as spend: debit minus credit */
  const char *account;   /* strings of the preview's chunk */
  const char *supplier;
  const char *label;
  struct _Ecriture *ecriture;  /* FEC: the écriture the line belongs to, borrowed */
} Row;

/* An écriture of an FEC: its lines share its journal and number. */
/* The strings of an écriture and of the entries live in the preview's string chunk (a ledger
 * repeats its journals, accounts, suppliers and labels on thousands of lines). */
typedef struct {
  const char *account;
  guint       count;
} Position;

typedef struct _Ecriture {
  const char *journal;
  const char *number;
  gint64      balance;   /* debits minus credits: 0 unless the file was cut or changed */
  const char *supplier;  /* the first supplier (CompAuxLib) of its lines */
  Position    first;     /* its lines on the first account taken so far... */
  GArray     *more;      /* ...and on the others (Position), rarely needed */
} Ecriture;

static void
ecriture_free (Ecriture *ecriture)
{
  if (ecriture->more != NULL)
    g_array_unref (ecriture->more);
  g_free (ecriture);
}

/* The position (from 1) of the next line of @ecriture on @account (a string of the chunk). */
static guint
next_position (Ecriture *ecriture, const char *account)
{
  Position fresh = { account, 1 };

  if (ecriture->first.account == NULL)
    {
      ecriture->first = fresh;
      return 1;
    }
  if (g_str_equal (ecriture->first.account, account))
    return ++ecriture->first.count;
  if (ecriture->more == NULL)
    ecriture->more = g_array_new (FALSE, FALSE, sizeof (Position));
  for (guint i = 0; i < ecriture->more->len; i++)
    {
      Position *position = &g_array_index (ecriture->more, Position, i);
      if (g_str_equal (position->account, account))
        return ++position->count;
    }
  g_array_append_val (ecriture->more, fresh);
  return 1;
}

/* The common case read without a copy: "-1234,56", digits and at most @exponent decimals
 * after @decimal (or after either separator when @either). FALSE for anything else. */
static gboolean
read_plain_money (const char *p, char decimal, gboolean either, guint exponent, gint64 *amount)
{
  gboolean negative = *p == '-';
  gint64 units = 0;
  guint digits = 0, decimals = 0;

  if (negative)
    p++;
  for (; g_ascii_isdigit (*p); p++, digits++)
    {
      if (digits >= 13)
        return FALSE;
      units = units * 10 + (*p - '0');
    }
  if (digits == 0)
    return FALSE;
  if (*p == decimal || (either && (*p == '.' || *p == ',')))
    for (p++; g_ascii_isdigit (*p); p++, decimals++)
      {
        if (decimals >= exponent)
          return FALSE;
        units = units * 10 + (*p - '0');
      }
  while (*p == ' ')
    p++;
  if (*p != '\0')
    return FALSE;
  for (; decimals < exponent; decimals++)
    units *= 10;
  *amount = negative ? -units : units;
  return TRUE;
}

/* Reads @text as money of the plan into *@amount (minor units); an empty cell is 0. An FEC
 * (@either) may write its decimals with a point too. */
static gboolean
read_money (const char *text, char decimal, char thousands, gboolean either, guint exponent, gint64 *amount)
{
  g_autofree char *c_number = NULL;
  double value;
  const char *p = text;

  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == '\0')
    {
      *amount = 0;
      return TRUE;
    }
  if (read_plain_money (p, decimal, either, exponent, amount))
    return TRUE;
  if (!pl_import_parse_number (text, decimal, thousands, &value, NULL, &c_number) &&
      !(either && pl_import_parse_number (text, '.', 0, &value, NULL, &c_number)))
    return FALSE;
  if (pl_money_parse (c_number, exponent, amount, NULL))
    return TRUE;
  *amount = pl_money_from_major (value, exponent);
  return *amount != PL_MONEY_OVERFLOW;
}

typedef struct {
  PlSpendPreview *self;
  PlPlan         *plan;
  guint           exponent;
  gint64          largest;
  GPtrArray      *prefixes;     /* the accounts taken, as prefixes */
  GArray         *compiled;     /* the plan's supplier and label rules take an entry on any charge account */
  GHashTable     *word_cache;
  GHashTable     *known;        /* key -> number of spend records of the plan holding it */
  GHashTable     *seen;         /* key (of the chunk) -> times the file gave it so far */
  GString        *key;          /* the key of the row at hand */
  gboolean        has_accounts;
  gboolean        word_rules;   /* the plan has supplier or label rules */
} Reader;

G_GNUC_PRINTF (3, 4) static void
reject (PlSpendPreview *self, guint row, const char *format, ...)
{
  va_list args;
  char *reason;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->rejected, pl_import_rejection_new (row, reason));
}

/* Whether @account is one of those taken by their prefix. */
static gboolean
prefix_taken (Reader *reader, const char *account)
{
  if (account == NULL || *account == '\0')
    return FALSE;
  for (guint i = 0; i < reader->prefixes->len; i++)
    if (g_str_has_prefix (account, g_ptr_array_index (reader->prefixes, i)))
      return TRUE;
  return FALSE;
}

/* Whether an entry is marketing spend: on an account taken, or on any charge account (class 6)
 * with a supplier or a label a rule of the plan names. */
static gboolean
account_taken (Reader *reader, const char *account, const char *supplier, const char *label)
{
  if (!reader->has_accounts)
    return TRUE;
  if (prefix_taken (reader, account))
    return TRUE;
  if (account != NULL && account[0] == '6')
    for (guint i = 0; i < reader->compiled->len; i++)
      {
        Compiled *one = &g_array_index (reader->compiled, Compiled, i);

        if ((one->match == PL_SPEND_MATCH_SUPPLIER && has_words (cached_words (reader->word_cache, supplier), one->words)) ||
            (one->match == PL_SPEND_MATCH_LABEL && has_words (cached_words (reader->word_cache, label), one->words)))
          return TRUE;
      }
  return FALSE;
}

static void
leave (Reader *reader, PlSpendLeft why, const char *account)
{
  reader->self->n_left[why]++;
  if (why == PL_SPEND_LEFT_ACCOUNT)
    {
      const char *key = account && *account ? account : "";
      gpointer stored, count;

      /* Counted again under the key it has: a ledger leaves thousands of lines on one account. */
      if (g_hash_table_lookup_extended (reader->self->left_accounts, key, &stored, &count))
        g_hash_table_steal (reader->self->left_accounts, stored);
      else
        stored = g_strdup (key);
      g_hash_table_insert (reader->self->left_accounts, stored, GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
    }
}

/* Takes @row into the preview, known by @key, or leaves it, saying why. */
static void
take (Reader *reader, Row *row, GString *key)
{
  PlSpendPreview *self = reader->self;
  PlSpendEntry entry = { row->row, row->date, row->amount, (char *) row->account, (char *) row->supplier,
                         (char *) row->label, NULL, NULL };
  gpointer stored = NULL, count = NULL;
  guint seen, known;

  if (row->amount == 0)
    {
      leave (reader, PL_SPEND_LEFT_ZERO, NULL);
      return;
    }
  if (pl_plan_month_index (reader->plan, row->date) < 0)
    {
      leave (reader, PL_SPEND_LEFT_PERIOD, NULL);
      return;
    }
  /* The key's occurrences in the file so far, against those in the plan: an FEC key is unique,
   * a transaction's key is one of a multiset. */
  if (g_hash_table_lookup_extended (reader->seen, key->str, &stored, &count))
    entry.key = stored;
  else
    entry.key = g_string_chunk_insert_len (self->strings, key->str, (gssize) key->len);
  seen = GPOINTER_TO_UINT (count) + 1;
  g_hash_table_insert (reader->seen, entry.key, GUINT_TO_POINTER (seen));
  known = GPOINTER_TO_UINT (g_hash_table_lookup (reader->known, entry.key));
  if (seen <= known || (g_str_has_prefix (entry.key, "fec:") && seen > 1))
    {
      leave (reader, PL_SPEND_LEFT_KNOWN, NULL);
      return;
    }
  g_array_append_val (self->entries, entry);
}

/* A cell as text to keep: trimmed (in place), NULL when empty, else the preview's copy. */
static const char *
keep (PlSpendPreview *self, char *cell)
{
  if (cell == NULL || *g_strstrip (cell) == '\0')
    return NULL;
  return g_string_chunk_insert_const (self->strings, cell);
}

/* ---- the FEC ---- */

typedef enum {
  FEC_JOURNAL, FEC_NUMBER, FEC_DATE, FEC_ACCOUNT, FEC_AUX_LABEL, FEC_LABEL, FEC_DEBIT, FEC_CREDIT, FEC_AMOUNT,
  FEC_SENSE, FEC_ACCOUNT_LABEL, FEC_N,
} FecColumn;

static const char * const fec_names[FEC_N] = {
  "JournalCode", "EcritureNum", "EcritureDate", "CompteNum", "CompAuxLib", "EcritureLib", "Debit", "Credit",
  "Montant", "Sens", "CompteLib",
};

/* An FEC's date, AAAAMMJJ, read without a copy; 0 when it is not one. */
static guint32
compact_date (const char *text)
{
  int year, month, day;
  GDate date;

  for (guint i = 0; i < 8; i++)
    if (!g_ascii_isdigit (text[i]))
      return 0;
  if (text[8] != '\0')
    return 0;
  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[4] - '0') * 10 + (text[5] - '0');
  day = (text[6] - '0') * 10 + (text[7] - '0');
  if (year < 1 || month < 1 || month > 12 || day < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* Splits @line at @separator in place into @fields (at most @max); returns their number. */
static guint
split_line (char *line, char separator, char **fields, guint max)
{
  guint n = 0;
  char *p = line;

  for (;;)
    {
      char *next = strchr (p, separator);

      if (n < max)
        fields[n] = p;
      n++;
      if (next == NULL)
        break;
      *next = '\0';
      p = next + 1;
    }
  return n;
}

static gboolean
read_fec (Reader *reader, char *text, gsize size, GStrvBuilder *notes, GError **error)
{
  PlSpendPreview *self = reader->self;
  g_autoptr(GHashTable) ecritures = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) ecriture_free);
  g_autoptr(GString) pair = g_string_new (NULL);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  g_autofree char **fields = NULL;
  int columns[FEC_N];
  char *p = text, *end = text + size;
  char separator = 0;
  guint line_number = 0, n_header = 0;
  gboolean sense = FALSE;

  for (guint c = 0; c < FEC_N; c++)
    columns[c] = -1;
  while (p < end)
    {
      char *eol = memchr (p, '\n', (gsize) (end - p));
      char *line = p;
      guint n;

      if (eol == NULL)
        eol = end;
      *eol = '\0';
      p = eol + 1;
      line_number++;
      if (eol > line && eol[-1] == '\r')
        eol[-1] = '\0';
      if (*line == '\0')
        continue;
      if (separator == 0)
        {
          /* The header: the separator is the one it has most of. */
          guint tabs = 0, pipes = 0;

          for (const char *q = line; *q != '\0'; q++)
            {
              tabs += *q == '\t';
              pipes += *q == '|';
            }
          separator = pipes > tabs ? '|' : '\t';
          self->delimiter = separator;
          fields = g_new0 (char *, 64);
          n_header = split_line (line, separator, fields, 64);
          n_header = MIN (n_header, 64);
          /* Some tools end every line with a separator. */
          while (n_header > 0 && *g_strstrip (fields[n_header - 1]) == '\0')
            n_header--;
          for (guint i = 0; i < n_header; i++)
            {
              g_strstrip (fields[i]);
              g_strv_builder_add (header, fields[i]);
              for (guint c = 0; c < FEC_N; c++)
                if (columns[c] < 0 && g_ascii_strcasecmp (fields[i], fec_names[c]) == 0)
                  columns[c] = (int) i;
            }
          sense = columns[FEC_DEBIT] < 0 && columns[FEC_AMOUNT] >= 0 && columns[FEC_SENSE] >= 0;
          {
            GString *missing = g_string_new (NULL);
            FecColumn needed[] = { FEC_JOURNAL, FEC_NUMBER, FEC_DATE, FEC_ACCOUNT, FEC_DEBIT, FEC_CREDIT };

            for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
              {
                FecColumn c = needed[i];
                if (sense && (c == FEC_DEBIT || c == FEC_CREDIT))
                  c = c == FEC_DEBIT ? FEC_AMOUNT : FEC_SENSE;
                if (columns[c] < 0)
                  g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", fec_names[c]);
              }
            if (missing->len > 0)
              {
                g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                             /* Translators: FEC is the French fichier des écritures comptables; then column names */
                             _("The file’s header is not that of an FEC: it has no column %s. An FEC starts with a line "
                               "naming its 18 columns (JournalCode, JournalLib, EcritureNum, …)."), missing->str);
                g_string_free (missing, TRUE);
                return FALSE;
              }
            g_string_free (missing, TRUE);
          }
          self->header = g_strv_builder_end (header);
          if (sense)
            g_strv_builder_add (notes, _("The file gives each amount with its direction (Montant and Sens)."));
          continue;
        }
      n = split_line (line, separator, fields, 64);
      while (n > n_header && n <= 64 && *g_strstrip (fields[n - 1]) == '\0')
        n--;
      self->n_read++;
      if (n != n_header)
        {
          reject (self, line_number, ngettext ("it has %u field where the header has %u: the file may be cut short "
                                               "or changed by hand.",
                                               "it has %u fields where the header has %u: the file may be cut short "
                                               "or changed by hand.", n), n, n_header);
          continue;
        }
      {
        Row row = { line_number, 0, 0, NULL, NULL, NULL, NULL };
        const char *account = g_strstrip (fields[columns[FEC_ACCOUNT]]);
        const char *supplier = columns[FEC_AUX_LABEL] >= 0 ? fields[columns[FEC_AUX_LABEL]] : NULL;
        const char *label = columns[FEC_LABEL] >= 0 ? fields[columns[FEC_LABEL]] : NULL;
        gint64 debit = 0, credit = 0;
        Ecriture *ecriture;
        /* Whether it may be taken: the écriture's supplier, on another line, may decide. */
        gboolean taken = prefix_taken (reader, account) || (account[0] == '6' && reader->word_rules);

        if (sense)
          {
            const char *direction = g_strstrip (fields[columns[FEC_SENSE]]);
            gint64 amount;

            if (!read_money (fields[columns[FEC_AMOUNT]], ',', 0, TRUE, reader->exponent, &amount))
              {
                reject (self, line_number, _("“%s” is not an amount."), fields[columns[FEC_AMOUNT]]);
                continue;
              }
            if (g_ascii_strcasecmp (direction, "D") == 0 || g_ascii_strcasecmp (direction, "Debit") == 0 ||
                g_str_equal (direction, "Débit") || g_str_equal (direction, "+1") || g_str_equal (direction, "1"))
              debit = amount;
            else if (g_ascii_strcasecmp (direction, "C") == 0 || g_ascii_strcasecmp (direction, "Credit") == 0 ||
                     g_str_equal (direction, "Crédit") || g_str_equal (direction, "-1"))
              credit = amount;
            else
              {
                reject (self, line_number, _("“%s” is not a direction: Sens is D (debit) or C (credit)."), direction);
                continue;
              }
          }
        else if (!read_money (fields[columns[FEC_DEBIT]], ',', 0, TRUE, reader->exponent, &debit) ||
                 !read_money (fields[columns[FEC_CREDIT]], ',', 0, TRUE, reader->exponent, &credit))
          {
            reject (self, line_number, _("“%s” or “%s” is not an amount."), fields[columns[FEC_DEBIT]],
                    fields[columns[FEC_CREDIT]]);
            continue;
          }
        if (debit > reader->largest || credit > reader->largest || debit < -reader->largest || credit < -reader->largest)
          {
            reject (self, line_number, _("the amount is larger than a plan holds."));
            continue;
          }
        g_string_assign (pair, g_strstrip (fields[columns[FEC_JOURNAL]]));
        g_string_append_c (pair, '\037');
        g_string_append (pair, g_strstrip (fields[columns[FEC_NUMBER]]));
        if ((ecriture = g_hash_table_lookup (ecritures, pair->str)) == NULL)
          {
            ecriture = g_new0 (Ecriture, 1);
            ecriture->journal = g_string_chunk_insert_const (self->strings, fields[columns[FEC_JOURNAL]]);
            ecriture->number = g_string_chunk_insert (self->strings, fields[columns[FEC_NUMBER]]);
            g_hash_table_insert (ecritures, g_string_chunk_insert (self->strings, pair->str), ecriture);
          }
        ecriture->balance += debit - credit;
        /* The supplier is named on the écriture's supplier line (401), not on its charge line. */
        if (supplier != NULL && ecriture->supplier == NULL && *g_strstrip ((char *) supplier) != '\0')
          ecriture->supplier = g_string_chunk_insert_const (self->strings, supplier);
        if (!taken)
          {
            leave (reader, PL_SPEND_LEFT_ACCOUNT, account);
            continue;
          }
        row.date = compact_date (fields[columns[FEC_DATE]]);
        if (row.date == 0)
          row.date = pl_import_parse_date (fields[columns[FEC_DATE]], PL_IMPORT_DATE_AUTO);
        if (row.date == 0)
          {
            reject (self, line_number, _("“%s” is not a date (an FEC writes them AAAAMMJJ: 20270331)."),
                    fields[columns[FEC_DATE]]);
            continue;
          }
        if (*fields[columns[FEC_NUMBER]] == '\0')
          {
            reject (self, line_number, _("the entry has no number (EcritureNum)."));
            continue;
          }
        row.amount = debit - credit;
        row.account = keep (self, (char *) account);
        row.supplier = keep (self, (char *) supplier);
        row.label = keep (self, (char *) label);
        row.ecriture = ecriture;
        g_array_append_val (rows, row);
      }
    }
  if (separator == 0)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE, _("The file holds no data."));
      return FALSE;
    }
  if (self->n_read == 0)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE, _("The file has a header line but no data under it."));
      return FALSE;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      Ecriture *ecriture = row->ecriture;
      guint position = next_position (ecriture, row->account);

      if (row->supplier == NULL)
        row->supplier = ecriture->supplier;
      if (!account_taken (reader, row->account, row->supplier, row->label))
        {
          leave (reader, PL_SPEND_LEFT_ACCOUNT, row->account);
          continue;
        }
      /* An écriture always balances: one that does not was cut short or changed, and its lines
       * would be imported wrong. */
      if (ecriture->balance != 0)
        {
          g_autofree char *gap = pl_money_to_string (ecriture->balance, reader->exponent);
          reject (self, row->row, _("the entry %s %s does not balance (debits minus credits: %s): the file may be cut "
                                    "short or changed by hand."), ecriture->journal, ecriture->number, gap);
          continue;
        }
      make_fec_key (reader->key, ecriture->journal, ecriture->number, row->account, position);
      take (reader, row, reader->key);
    }
  return TRUE;
}

/* ---- CSV ---- */

static const char * const date_names[] = {
  "date", "transaction date", "booking date", "posting date", "date d'opération", "date d’opération",
  "date operation", "date opération", "date comptable", "date de valeur", "value date", "day", "jour", NULL,
};
static const char * const amount_names[] = {
  "amount", "montant", "montant (eur)", "amount (eur)", "montant eur", "value", "sum", "total", "valeur", NULL,
};
static const char * const debit_names[] = { "debit", "débit", "money out", "paid out", "withdrawal", "dépense", NULL };
static const char * const credit_names[] = { "credit", "crédit", "money in", "paid in", "deposit", "recette", NULL };
static const char * const supplier_names[] = {
  "supplier", "vendor", "payee", "merchant", "counterparty", "beneficiary", "fournisseur", "tiers", "bénéficiaire",
  "beneficiaire", "prestataire", "contrepartie", "name", "nom", NULL,
};
static const char * const account_names[] = {
  "account", "gl account", "ledger account", "account number", "compte", "compte comptable", "n° compte",
  "numéro de compte", "compte général", NULL,
};
static const char * const label_names[] = {
  "label", "description", "memo", "details", "narrative", "libellé", "libelle", "libellé opération", "intitulé",
  "reference", "référence", NULL,
};

/* The first column whose header starts with one of the one-word @names and goes on with other
 * words ("Date de l’opération", "Montant (EUR)", "Libellé de l’opération"): banks add words to
 * the names this import knows; -1 when none does. */
static int
guess_column_by_first_word (GStrv header, const char * const *names)
{
  for (guint c = 0; header[c] != NULL; c++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (header[c]));
      g_autofree char *folded = g_utf8_casefold (trimmed, -1);

      for (guint n = 0; names[n] != NULL; n++)
        {
          g_autofree char *name = g_utf8_casefold (names[n], -1);
          gsize length = strlen (name);

          if (strchr (name, ' ') == NULL && g_str_has_prefix (folded, name) &&
              (folded[length] == ' ' || folded[length] == '(' || folded[length] == '_' || folded[length] == '-'))
            return (int) c;
        }
    }
  return -1;
}

static int
column_for (GStrv header, const char *wanted, const char * const *names, const char *what, GError **error)
{
  int column = wanted ? pl_import_find_column (header, wanted) : pl_import_guess_column (header, names);

  if (column == -1 && wanted == NULL)
    column = guess_column_by_first_word (header, names);
  if (column == -2)
    g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The file has no column “%s” for the %s."), wanted, what);
  return column;
}

/* A date a spreadsheet saved as its serial number: days from 30 December 1899 ("46082", or
 * "46082.5" with a time), five digits (1927 to 2173); 0 otherwise. */
static guint32
serial_date (const char *text)
{
  const char *p = text;
  guint serial = 0, digits = 0;
  GDate epoch;

  while (*p == ' ')
    p++;
  for (; g_ascii_isdigit (*p); p++, digits++)
    serial = serial * 10 + (guint) (*p - '0');
  if (*p == '.' || *p == ',')
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  while (*p == ' ')
    p++;
  if (*p != '\0' || digits != 5)
    return 0;
  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 30, G_DATE_DECEMBER, 1899);
  return g_date_get_julian (&epoch) + serial;
}

/* The decimal separator of a file's amounts: the one their cents follow ("1 250,00", "49.90"),
 * else ',' in a file separated by ';' (written where ',' is the decimal separator), else '.'. */
static char
find_decimal (GPtrArray *records, int column, int other, char delimiter)
{
  guint commas = 0, points = 0;

  for (guint r = 1; r < records->len; r++)
    {
      GStrv fields = ((PlCsvRecord *) records->pdata[r])->fields;
      guint n = g_strv_length (fields);
      int columns[] = { column, other };

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          const char *cell, *mark, *comma, *point;
          gsize digits;

          if (columns[c] < 0 || (guint) columns[c] >= n)
            continue;

          cell = fields[columns[c]];
          comma = strrchr (cell, ',');
          point = strrchr (cell, '.');
          mark = comma == NULL ? point : point == NULL ? comma : MAX (comma, point);
          if (mark == NULL)
            continue;
          digits = strspn (mark + 1, "0123456789");
          if (digits >= 1 && digits <= 2 && mark[1 + digits] == '\0')
            {
              commas += *mark == ',';
              points += *mark == '.';
            }
        }
    }
  if (commas != points)
    return commas > points ? ',' : '.';
  return delimiter == ';' ? ',' : '.';
}

static gboolean
read_csv (Reader *reader, const char *text, gsize size, const PlSpendOptions *options, GStrvBuilder *notes,
          GError **error)
{
  PlSpendPreview *self = reader->self;
  PlCsvOptions csv = { options->delimiter, "" };
  g_autoptr(GPtrArray) records = pl_csv_read (text, (gssize) size, &csv, &self->delimiter, error);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  PlImportDateFormat date_format = options->date_format;
  char decimal, thousands = options->thousands;
  int date_col, amount_col, debit_col, credit_col, supplier_col, account_col, label_col;
  guint n_columns, n_negative = 0, n_positive = 0, n_dates = 0, n_bad_dates = 0, n_serials = 0;
  PlSpendSign sign = options->sign;

  if (records == NULL)
    return FALSE;
  decimal = options->decimal;
  if (records->len < 2)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE,
                           records->len == 0 ? _("The file holds no data.")
                                             : _("The file has a header line but no data under it."));
      return FALSE;
    }
  self->header = g_strdupv (((PlCsvRecord *) records->pdata[0])->fields);
  n_columns = g_strv_length (self->header);
  /* Translators: what a column holds, in "The file has no column “X” for the %s." */
  if ((date_col = column_for (self->header, options->date_column, date_names, _("dates"), error)) == -2 ||
      (amount_col = column_for (self->header, options->amount_column, amount_names, _("amounts"), error)) == -2 ||
      (debit_col = column_for (self->header, options->debit_column, debit_names, _("debits"), error)) == -2 ||
      (credit_col = column_for (self->header, options->credit_column, credit_names, _("credits"), error)) == -2 ||
      (supplier_col = column_for (self->header, options->supplier_column, supplier_names, _("suppliers"), error)) == -2 ||
      (account_col = column_for (self->header, options->account_column, account_names, _("accounts"), error)) == -2 ||
      (label_col = column_for (self->header, options->label_column, label_names, _("labels"), error)) == -2)
    return FALSE;
  if (date_col < 0)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE, _("No column of the file looks like a date: choose it."));
      return FALSE;
    }
  /* Debit and credit columns, when both are there, say more than a total. */
  if (debit_col >= 0 && credit_col >= 0 && options->amount_column == NULL)
    amount_col = -1;
  if (amount_col < 0 && (debit_col < 0 || credit_col < 0))
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE,
                           _("No column of the file looks like an amount, nor like debits and credits: choose them."));
      return FALSE;
    }
  if (decimal == 0)
    decimal = find_decimal (records, amount_col >= 0 ? amount_col : debit_col, amount_col >= 0 ? -1 : credit_col,
                            self->delimiter);
  if (thousands != 0 && thousands == decimal)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("“%c” cannot separate both thousands and decimals: choose another thousands separator."), thousands);
      return FALSE;
    }
  reader->has_accounts = account_col >= 0;
  if (!reader->has_accounts)
    g_strv_builder_add (notes, _("The file has no account column: every transaction in it is taken as marketing spend."));
  if (date_format == PL_IMPORT_DATE_AUTO)
    {
      /* Day first unless a date of the file says month first (a day above 12 in the middle). */
      for (guint r = 1; r < records->len; r++)
        {
          PlCsvRecord *record = records->pdata[r];
          if (g_strv_length (record->fields) > (guint) date_col &&
              pl_import_parse_date (record->fields[date_col], PL_IMPORT_DATE_DMY) == 0 &&
              pl_import_parse_date (record->fields[date_col], PL_IMPORT_DATE_MDY) != 0)
            {
              date_format = PL_IMPORT_DATE_MDY;
              break;
            }
        }
    }

  for (guint r = 1; r < records->len; r++)
    {
      PlCsvRecord *record = records->pdata[r];
      guint n = g_strv_length (record->fields);
      Row row = { record->line, 0, 0, NULL, NULL, NULL, NULL };

      while (n > n_columns && *g_strstrip (record->fields[n - 1]) == '\0')
        n--;
      self->n_read++;
      if (n != n_columns)
        {
          reject (self, record->line, ngettext ("it has %u field where the header has %u.",
                                                "it has %u fields where the header has %u.", n), n, n_columns);
          continue;
        }
      row.date = pl_import_parse_date (record->fields[date_col], date_format);
      if (row.date == 0 && (row.date = serial_date (record->fields[date_col])) != 0)
        n_serials++;
      if (row.date == 0)
        {
          reject (self, record->line, _("“%s” is not a date in this file’s format."), record->fields[date_col]);
          n_bad_dates++;
          continue;
        }
      n_dates++;
      if (amount_col >= 0)
        {
          if (!read_money (record->fields[amount_col], decimal, thousands, FALSE, reader->exponent, &row.amount) ||
              *g_strstrip (record->fields[amount_col]) == '\0')
            {
              reject (self, record->line, _("“%s” is not an amount in this file’s format."), record->fields[amount_col]);
              continue;
            }
          n_negative += row.amount < 0;
          n_positive += row.amount > 0;
        }
      else
        {
          gint64 debit, credit;

          if (!read_money (record->fields[debit_col], decimal, thousands, FALSE, reader->exponent, &debit) ||
              !read_money (record->fields[credit_col], decimal, thousands, FALSE, reader->exponent, &credit))
            {
              reject (self, record->line, _("“%s” or “%s” is not an amount in this file’s format."),
                      record->fields[debit_col], record->fields[credit_col]);
              continue;
            }
          /* Some banks write money out as a negative debit. */
          row.amount = ABS (debit) - ABS (credit);
        }
      if (row.amount > reader->largest || row.amount < -reader->largest)
        {
          reject (self, record->line, _("the amount is larger than a plan holds."));
          continue;
        }
      row.account = account_col >= 0 ? keep (self, record->fields[account_col]) : NULL;
      row.supplier = supplier_col >= 0 ? keep (self, record->fields[supplier_col]) : NULL;
      row.label = label_col >= 0 ? keep (self, record->fields[label_col]) : NULL;
      g_array_append_val (rows, row);
    }
  if (n_dates == 0 && n_bad_dates > 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("No date of the column “%s” reads as a date. Dates read in these forms: %s."),
                   self->header[date_col], pl_import_date_forms ());
      return FALSE;
    }
  if (n_serials > 0)
    g_strv_builder_add (notes, _("Some dates are spreadsheet serial numbers (46082 for 1 March 2026): they were read "
                                 "as days from 30 December 1899, as spreadsheets count them."));
  /* A bank writes money going out as negative amounts, an accounting export as positive ones. */
  if (amount_col >= 0 && sign == PL_SPEND_SIGN_AUTO)
    {
      sign = n_negative > n_positive ? PL_SPEND_SIGN_NEGATIVE : PL_SPEND_SIGN_POSITIVE;
      if (sign == PL_SPEND_SIGN_NEGATIVE)
        g_strv_builder_add (notes, _("Most amounts are negative, as a bank writes money going out: they are read as "
                                     "spending, and positive amounts as refunds."));
    }
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      if (amount_col >= 0 && sign == PL_SPEND_SIGN_NEGATIVE)
        row->amount = -row->amount;
      if (!account_taken (reader, row->account, row->supplier, row->label))
        {
          leave (reader, PL_SPEND_LEFT_ACCOUNT, row->account);
          continue;
        }
      make_txn_key (reader->key, row->date, row->amount, reader->exponent, row->supplier, row->label);
      take (reader, row, reader->key);
    }
  return TRUE;
}

/* Whether the first line of @text names the FEC's columns. */
static gboolean
looks_like_fec (const char *text)
{
  const char *eol = strchr (text, '\n');
  g_autofree char *first = g_ascii_strdown (text, eol ? eol - text : -1);

  return strstr (first, "journalcode") != NULL && strstr (first, "ecriturenum") != NULL;
}

PlSpendPreview *
pl_spend_preview (PlPlan *plan, const char *text, gssize length, const PlSpendOptions *options, GError **error)
{
  static const char * const default_accounts[] = { PL_SPEND_DEFAULT_ACCOUNTS, NULL };
  g_autoptr(PlSpendPreview) self = g_new0 (PlSpendPreview, 1);
  g_autoptr(GStrvBuilder) notes = g_strv_builder_new ();
  g_autoptr(GPtrArray) prefixes = g_ptr_array_new ();
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GHashTable) word_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) compiled = NULL;
  GListModel *spend = pl_plan_get_collection (plan, PL_COLLECTION_SPEND);
  GListModel *rules = pl_plan_get_collection (plan, PL_COLLECTION_SPEND_RULES);
  const char * const *accounts = options->accounts ? options->accounts : default_accounts;
  gsize size = length < 0 ? strlen (text) : (gsize) length, converted_size;
  g_autofree char *converted = NULL;
  Reader reader = { 0 };
  gboolean ok;

  self->entries = g_array_new (FALSE, FALSE, sizeof (PlSpendEntry));
  self->strings = g_string_chunk_new (64 * 1024);
  self->cells = g_array_new (FALSE, FALSE, sizeof (PlSpendCell));
  self->rules = g_ptr_array_new_with_free_func (g_object_unref);
  self->plan_rules = g_ptr_array_new_with_free_func (g_object_unref);
  self->rejected = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_import_rejection_free);
  self->left_accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0, n = g_list_model_get_n_items (rules); i < n; i++)
    {
      PlItem *rule = g_list_model_get_item (rules, i);

      g_ptr_array_add (self->plan_rules, rule);
      if (pl_item_get_int (rule, PL_SPEND_RULE_MATCH) == PL_SPEND_MATCH_ACCOUNT &&
          pl_item_get_string (rule, PL_SPEND_RULE_PATTERN) != NULL)
        g_ptr_array_add (prefixes, (gpointer) pl_item_get_string (rule, PL_SPEND_RULE_PATTERN));
    }
  for (guint i = 0; options->rules != NULL && i < options->rules->len; i++)
    {
      PlItem *rule = g_ptr_array_index (options->rules, i);

      g_ptr_array_add (self->rules, g_object_ref (rule));
      if (pl_item_get_int (rule, PL_SPEND_RULE_MATCH) == PL_SPEND_MATCH_ACCOUNT &&
          pl_item_get_string (rule, PL_SPEND_RULE_PATTERN) != NULL)
        g_ptr_array_add (prefixes, (gpointer) pl_item_get_string (rule, PL_SPEND_RULE_PATTERN));
    }
  self->n_given = self->rules->len;
  for (guint i = 0; accounts[i] != NULL; i++)
    if (*accounts[i] != '\0')
      g_ptr_array_add (prefixes, (gpointer) accounts[i]);
  /* What the plan knows already, by import key: how many records hold each. */
  for (guint i = 0, n = g_list_model_get_n_items (spend); i < n; i++)
    {
      g_autoptr(PlItem) record = g_list_model_get_item (spend, i);
      const char *key = pl_item_get_string (record, PL_SPEND_SOURCE);

      if (key != NULL)
        g_hash_table_insert (known, (gpointer) key,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (known, key)) + 1));
    }
  compiled = compile_rules (self);
  for (guint i = 0; i < compiled->len; i++)
    reader.word_rules |= g_array_index (compiled, Compiled, i).match != PL_SPEND_MATCH_ACCOUNT;

  converted = to_utf8 (text, size, &converted_size, &self->encoding);
  if (!g_str_equal (self->encoding, "UTF-8"))
    {
      /* Translators: the name of a character encoding, "ISO-8859-15" or "WINDOWS-1252" */
      g_autofree char *note = g_strdup_printf (_("The file is not UTF-8: it was read as %s."), self->encoding);
      g_strv_builder_add (notes, note);
    }
  reader.self = self;
  reader.plan = plan;
  reader.exponent = pl_plan_get_currency_exponent (plan);
  reader.largest = pl_money_max (reader.exponent);
  reader.prefixes = prefixes;
  reader.compiled = compiled;
  reader.word_cache = word_cache;
  reader.known = known;
  reader.seen = seen;
  reader.key = scratch;
  reader.has_accounts = TRUE;
  self->format = options->format;
  if (self->format == PL_SPEND_FORMAT_AUTO)
    self->format = looks_like_fec (converted) ? PL_SPEND_FORMAT_FEC : PL_SPEND_FORMAT_CSV;
  if (self->format == PL_SPEND_FORMAT_FEC)
    ok = read_fec (&reader, converted, converted_size, notes, error);
  else
    ok = read_csv (&reader, converted, converted_size, options, notes, error);
  if (!ok)
    return NULL;
  self->n_taken = self->entries->len;
  if (!options->no_proposals)
    {
      pl_spend_preview_remap (self, plan);
      propose_rules (self, plan);
    }
  else
    pl_spend_preview_remap (self, plan);
  self->notes = g_strv_builder_end (notes);
  return g_steal_pointer (&self);
}

char *
pl_spend_preview_report (const PlSpendPreview *self)
{
  GString *text = g_string_new (NULL);
  guint n_rejected = self->rejected->len;

  /* Translators: the start of an import's report: "412 entries read: 180 to import, …" */
  g_string_append_printf (text, ngettext ("%u entry read: %u to import", "%u entries read: %u to import", self->n_read),
                          self->n_read, self->n_taken);
  if (self->n_left[PL_SPEND_LEFT_ACCOUNT] > 0)
    g_string_append_printf (text, ngettext (", %u left on another account", ", %u left on other accounts",
                                            self->n_left[PL_SPEND_LEFT_ACCOUNT]),
                            self->n_left[PL_SPEND_LEFT_ACCOUNT]);
  if (self->n_left[PL_SPEND_LEFT_KNOWN] > 0)
    g_string_append_printf (text, ngettext (", %u already imported", ", %u already imported",
                                            self->n_left[PL_SPEND_LEFT_KNOWN]),
                            self->n_left[PL_SPEND_LEFT_KNOWN]);
  if (self->n_left[PL_SPEND_LEFT_PERIOD] > 0)
    g_string_append_printf (text, ngettext (", %u outside the plan’s period", ", %u outside the plan’s period",
                                            self->n_left[PL_SPEND_LEFT_PERIOD]),
                            self->n_left[PL_SPEND_LEFT_PERIOD]);
  if (self->n_left[PL_SPEND_LEFT_ZERO] > 0)
    g_string_append_printf (text, ngettext (", %u with no amount", ", %u with no amount", self->n_left[PL_SPEND_LEFT_ZERO]),
                            self->n_left[PL_SPEND_LEFT_ZERO]);
  if (n_rejected > 0)
    g_string_append_printf (text, ngettext (", %u rejected", ", %u rejected", n_rejected), n_rejected);
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

char *
pl_spend_cell_month (PlPlan *plan, const PlSpendCell *cell)
{
  PlImportChange change = { 0 };

  /* A change of no record reads as its month, as the KPI import writes monthly periods. */
  change.period = pl_plan_month_start (plan, cell->month);
  return pl_import_change_period_text (plan, &change);
}

char *
pl_spend_entry_describe (PlPlan *plan, const PlSpendEntry *entry)
{
  g_autofree char *day = pl_date_text (entry->date, PL_DATE_NUMERIC);
  g_autofree char *money = pl_money_format (entry->amount, pl_plan_get_currency_exponent (plan), pl_plan_get_currency (plan));
  GString *text = g_string_new (day);

  if (entry->supplier != NULL)
    g_string_append_printf (text, " %s", entry->supplier);
  if (entry->label != NULL)
    {
      /* Translators: an imported entry's label, quoted, in a list of entries */
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), entry->label);
      g_string_append_printf (text, entry->supplier ? ", %s" : " %s", quoted);
    }
  g_string_append_printf (text, ", %s", money);
  if (entry->account != NULL)
    g_string_append_printf (text, " (%s)", entry->account);
  return g_string_free (text, FALSE);
}

guint
pl_spend_apply (PlPlan *plan, const PlSpendPreview *preview)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *label = NULL;
  guint n = preview->entries->len, n_rules = 0;

  for (guint i = 0; i < preview->rules->len; i++)
    n_rules += pl_item_get_string (g_ptr_array_index (preview->rules, i), PL_SPEND_RULE_LINE) != NULL;
  if (n == 0 && n_rules == 0)
    return 0;
  records = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      const PlSpendEntry *entry = &g_array_index (preview->entries, PlSpendEntry, i);
      PlItem *record = g_object_new (PL_TYPE_SPEND, NULL);

      if (entry->rule != NULL)
        {
          pl_item_set_string (record, PL_SPEND_LINE, pl_item_get_string (entry->rule, PL_SPEND_RULE_LINE));
          if (pl_item_get_string (entry->rule, PL_SPEND_RULE_LINE) != NULL)
            pl_item_set_string (record, PL_SPEND_CAMPAIGN, pl_item_get_string (entry->rule, PL_SPEND_RULE_CAMPAIGN));
        }
      pl_item_set_julian (record, PL_SPEND_DATE, entry->date);
      pl_item_set_int (record, PL_SPEND_AMOUNT, entry->amount);
      pl_item_set_string (record, PL_SPEND_VENDOR, entry->supplier);
      pl_item_set_string (record, PL_SPEND_NOTE, entry->label);
      pl_item_set_string (record, PL_SPEND_ACCOUNT, entry->account);
      pl_item_set_string (record, PL_SPEND_SOURCE, entry->key);
      g_ptr_array_add (records, record);
    }
  /* Translators: the undoable step of an import of spending from the books */
  label = g_strdup_printf (ngettext ("Import %u Spending Entry", "Import %u Spending Entries", n), n);
  pl_plan_begin_group (plan, label);
  /* The rules the user confirmed (those naming a line) stay in the plan for the next import. */
  for (guint i = 0; i < preview->rules->len; i++)
    {
      PlItem *rule = g_ptr_array_index (preview->rules, i);
      g_autoptr(PlItem) copy = NULL;

      if (pl_item_get_string (rule, PL_SPEND_RULE_LINE) == NULL)
        continue;
      /* A copy: the preview's rule may be edited again, or previewed with another plan. */
      copy = g_object_new (PL_TYPE_SPEND_RULE, NULL);
      pl_item_set_int (copy, PL_SPEND_RULE_MATCH, pl_item_get_int (rule, PL_SPEND_RULE_MATCH));
      pl_item_set_string (copy, PL_SPEND_RULE_PATTERN, pl_item_get_string (rule, PL_SPEND_RULE_PATTERN));
      pl_item_set_string (copy, PL_SPEND_RULE_LINE, pl_item_get_string (rule, PL_SPEND_RULE_LINE));
      pl_item_set_string (copy, PL_SPEND_RULE_CAMPAIGN, pl_item_get_string (rule, PL_SPEND_RULE_CAMPAIGN));
      pl_plan_add (plan, copy);
    }
  pl_plan_add_all (plan, PL_COLLECTION_SPEND, g_steal_pointer (&records));
  pl_plan_end_group (plan);
  return n;
}

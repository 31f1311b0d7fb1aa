/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pl-measurement-import.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* Importing actual spend from the books: the French FEC (fichier des écritures comptables,
 * article A47 A-1 of the Livre des procédures fiscales: 18 columns named on a header line, tab
 * or pipe separated, dates AAAAMMJJ, decimal commas, Debit and Credit or Montant and Sens) or a
 * CSV of transactions (a bank's or an accounting tool's export). A preview says what would be
 * added, per budget line and month, before anything changes; the change is one undoable edit.
 *
 * What is taken: entries on the marketing charge accounts (PL_SPEND_DEFAULT_ACCOUNTS: 623x
 * publicité, 6257 réceptions), on any account an account rule names (an agency's 622x
 * honoraires), and on any charge account (6x) whose entry's supplier or label a supplier or
 * label rule names; the others are left out and counted by account. A CSV without an account
 * column is taken whole. A debit on a charge account is spend, a credit reduces it (a refund, a
 * reversal: a negative amount). Entries outside the plan's period, or with no amount, are left
 * out and counted. An FEC entry's supplier is the CompAuxLib of its écriture (named on the
 * supplier's 401 line, not on the charge's); an écriture whose debits and credits differ (a file
 * cut short or changed by hand) has its lines rejected, never imported wrong.
 *
 * Where it goes: spend rules (PlSpendRule) map an entry to a line (and a campaign): those given
 * in the options, then the plan's, then the proposed ones; a supplier or label rule whose every
 * word is among the entry's supplier's or label's words (without regard to case or accents)
 * first, in that order; else the account rule with the longest prefix of the entry's account.
 * Rules are proposed for the entries no rule maps: a supplier rule where a word of the supplier
 * names one line ("LinkedIn Ireland" and "LinkedIn Ads"), an account rule per account to the
 * line its kind of spend suggests (6233 foires et expositions: a line or category of events,
 * stands, trade shows) or to none when no line or several do, a supplier rule to no line for a
 * transaction without an account. The user may change their line (pl_spend_preview_remap());
 * those that name a line are saved with the import. An entry still mapped to no line is
 * unbudgeted spend (imported with no line).
 *
 * A CSV's columns are found from their headers in English or French (or chosen), its decimal
 * separator from its amounts, its dates as the KPI import reads them (pl_import_parse_date())
 * or as spreadsheet serial numbers, the sign of a single amount column from most of its values
 * (a bank writes spend negative) unless chosen. Text that is not UTF-8 is read as ISO 8859-15,
 * or as Windows-1252 when it has bytes only that one gives letters to.
 *
 * The import key, PL_SPEND_SOURCE, what an entry is known by so that it is never counted
 * twice (each part with '%' and ':' written %25 and %3A):
 *   fec:JOURNAL:NUM:ACCOUNT:POS   an FEC entry: its JournalCode, its EcritureNum, its CompteNum
 *                                 and POS, its position (1-based) among the lines of that
 *                                 écriture on that account, in file order.
 *   txn:DATE:AMOUNT:SUPPLIER:LABEL  a transaction with no number (a CSV): its date (YYYY-MM-DD),
 *                                 its amount as spend (C decimal, "-12.50" for a credit), its
 *                                 supplier and label as written (trimmed). Such keys are matched
 *                                 as a multiset: a file with the key k times adds k minus the
 *                                 spend records holding it already, so that two genuine
 *                                 identical charges stay two and a re-import adds none.
 * An FEC key is unique: an entry whose key the plan holds is already imported. The key holds
 * no fiscal year, as the rule has it: a plan is one period, and an FEC one exercise. */

/* The charge accounts taken by default, as prefixes. */
#define PL_SPEND_DEFAULT_ACCOUNTS "623", "6257"

typedef enum {
  PL_SPEND_FORMAT_AUTO,  /* an FEC when its header names JournalCode and EcritureNum, else CSV */
  PL_SPEND_FORMAT_FEC,
  PL_SPEND_FORMAT_CSV,
} PlSpendFormat;

/* How a CSV's signed amount reads. */
typedef enum {
  PL_SPEND_SIGN_AUTO,      /* as most of the file: mostly negative amounts are a bank's money out */
  PL_SPEND_SIGN_POSITIVE,  /* spend is positive (an accounting export), a negative is a credit */
  PL_SPEND_SIGN_NEGATIVE,  /* spend is negative (a bank statement), a positive is a refund */
} PlSpendSign;

typedef struct {
  PlSpendFormat       format;
  /* CSV columns by header name (any case) or 1-based number; NULL: guessed from the header in
   * English or French. Either an amount or a debit and a credit column. */
  const char         *date_column;
  const char         *amount_column;
  const char         *debit_column;
  const char         *credit_column;
  const char         *supplier_column;
  const char         *account_column;
  const char         *label_column;
  PlImportDateFormat  date_format;
  char                decimal;     /* 0: ',' for a file separated by ';' or an FEC, '.' otherwise */
  char                thousands;   /* as PlImportOptions */
  char                delimiter;   /* 0: found from the file */
  PlSpendSign         sign;
  /* Account prefixes taken besides those the plan's rules name; NULL: PL_SPEND_DEFAULT_ACCOUNTS. */
  const char * const *accounts;
  gboolean            no_proposals; /* entries no rule maps go unbudgeted without proposed rules */
  /* PlSpendRule records not in the plan, given for this import (the command line's --rule):
   * they come before the proposals, and are saved with the import when they name a line. */
  GPtrArray          *rules;
} PlSpendOptions;

/* Why an entry was not taken. */
typedef enum {
  PL_SPEND_LEFT_ACCOUNT,   /* on an account that is not a marketing charge one */
  PL_SPEND_LEFT_PERIOD,    /* dated outside the plan's period */
  PL_SPEND_LEFT_ZERO,      /* no amount */
  PL_SPEND_LEFT_KNOWN,     /* imported already (its key is in the plan) */
  PL_SPEND_N_LEFT,
} PlSpendLeft;

/* An entry to import; its strings belong to the preview. */
typedef struct {
  guint    row;       /* its line in the file */
  guint32  date;
  gint64   amount;    /* minor units; negative: a credit */
  char    *account;   /* NULL when the file has none */
  char    *supplier;  /* CompAuxLib, or the CSV's supplier; may be NULL */
  char    *label;     /* EcritureLib, or the CSV's label; may be NULL */
  char    *key;       /* PL_SPEND_SOURCE */
  PlItem  *rule;      /* the rule that maps it (borrowed from the plan or the preview), or NULL */
} PlSpendEntry;

/* What an import adds to one line (NULL: unbudgeted) in one month. */
typedef struct {
  PlItem  *line;      /* borrowed from the plan */
  guint    month;     /* index in the plan's period */
  guint    n_entries;
  gint64   amount;
} PlSpendCell;

typedef struct {
  PlSpendFormat format;
  char          delimiter;
  const char   *encoding;       /* "UTF-8", "UTF-16", "ISO-8859-15" or "WINDOWS-1252": what the file was */
  GStrv         header;
  guint         n_read;         /* entries (rows) read, rejected ones included */
  guint         n_taken;        /* entries to add */
  guint         n_left[PL_SPEND_N_LEFT];
  GHashTable   *left_accounts;  /* account (char *) -> number of entries left on it, GUINT_TO_POINTER */
  GArray       *entries;        /* PlSpendEntry: to add, in file order */
  GArray       *cells;          /* PlSpendCell: the entries by line and month, in the plan's line order */
  GPtrArray    *rules;          /* PlSpendRule given (PlSpendOptions.rules) then proposed, not in the
                                 * plan; the user may change their line (pl_item_set_string(), then
                                 * pl_spend_preview_remap()); those naming a line are saved */
  guint         n_given;        /* the first rules, given in the options */
  GPtrArray    *rejected;       /* PlImportRejection, in file order */
  GStrv         notes;          /* how the file was read, in words */
  /*< private >*/
  GPtrArray    *plan_rules;     /* the plan's rules, in order */
  GStringChunk *strings;        /* the entries' strings */
} PlSpendPreview;

/* Reads @text (@length bytes; UTF-8, ISO 8859-15 or Windows-1252, found from the bytes) for
 * @plan. Returns what the import would add; NULL with PL_ERROR_FILE when the file as a whole
 * cannot be used (no data, an FEC without its columns, no date or amount column found, no date
 * that reads). Nothing in @plan changes. */
PlSpendPreview *pl_spend_preview       (PlPlan *plan, const char *text, gssize length,
                                        const PlSpendOptions *options, GError **error);
/* Maps the entries of @preview again after its proposed rules were edited, and sums them again. */
void            pl_spend_preview_remap (PlSpendPreview *preview, PlPlan *plan);
/* The entries @preview adds that no rule maps to a line (borrowed PlSpendEntry pointers). */
GPtrArray      *pl_spend_preview_unbudgeted (PlSpendPreview *preview);
/* "412 entries read: 180 taken, 200 on other accounts, 20 already imported, …": the import's
 * report in one sentence. */
char           *pl_spend_preview_report (const PlSpendPreview *preview);
/* The month of @cell in words: "March 2027". */
char           *pl_spend_cell_month    (PlPlan *plan, const PlSpendCell *cell);
/* One line for a list: "2027-03-04 Agence Lumen, “Campagne mars”, 1,200.00 EUR (6231)". */
char           *pl_spend_entry_describe (PlPlan *plan, const PlSpendEntry *entry);
/* Adds the entries of @preview to @plan with the proposed rules that name a line, as one
 * undoable edit. Returns how many spend records were added. */
guint           pl_spend_apply         (PlPlan *plan, const PlSpendPreview *preview);
void            pl_spend_preview_free  (PlSpendPreview *preview);

/* The import key of an FEC entry (see above); @position from 1. */
char           *pl_spend_fec_key       (const char *journal, const char *number, const char *account,
                                        guint position);
/* The import key of a transaction with no number (see above). */
char           *pl_spend_txn_key       (guint32 date, gint64 amount, guint exponent, const char *supplier,
                                        const char *label);
/* Whether @rule matches an entry with @account, @supplier and @label (any may be NULL). */
gboolean        pl_spend_rule_matches  (PlItem *rule, const char *account, const char *supplier,
                                        const char *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSpendPreview, pl_spend_preview_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing actual spend from the books (issue 23): an FEC of 200,000 entries (lines) into the
 * example plan, the preview (read, de-duplicate, map, propose rules) and the apply (one undoable
 * edit adding 100,000 spend records), as `pilote-cli import-spend` and the Import Spending
 * dialog do. The FEC is made in memory: 100,000 supplier invoices of two lines each (the
 * charge on a marketing account, the supplier's credit), over the plan's twelve months, from
 * 40 suppliers. Prints each run, then the undo of the last one; returns the median
 * (pl-bench-books.c prints it). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pl-bench-books.h"
#include "pl-bench-stats.h"
#include "pl-plan-file.h"
#include "pl-spend-import.h"

static PlPlan *
example (void)
{
  const char *root = g_getenv ("PILOTE_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root ? root : ".", "data", "examples", "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

/* The FEC: a header and @n lines, tab separated, as accounting software writes it. */
static GString *
make_fec (guint n)
{
  static const char * const accounts[] = { "62310000", "62310000", "62330000", "62360000", "62570000" };
  static const char * const suppliers[] = { "LinkedIn Ireland Unlimited", "Google Ireland Ltd", "Meta Platforms Ireland" };
  GString *fec = g_string_sized_new ((gsize) n * 150);
  GRand *rand = g_rand_new_with_seed (23);

  g_string_append (fec, "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\t"
                        "CompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\t"
                        "ValidDate\tMontantdevise\tIdevise\r\n");
  for (guint e = 0; e < n / 2; e++)
    {
      guint month = 1 + e % 12, day = 1 + g_rand_int_range (rand, 0, 28);
      guint supplier = (guint) g_rand_int_range (rand, 0, 40);
      gint64 cents = g_rand_int_range (rand, 1000, 2000000);
      gboolean credit_note = e % 25 == 0;
      char supplier_name[64], amount[32];
      char date[9];

      if (supplier < G_N_ELEMENTS (suppliers))
        g_strlcpy (supplier_name, suppliers[supplier], sizeof supplier_name);
      else
        g_snprintf (supplier_name, sizeof supplier_name, "Fournisseur %02u", supplier);
      g_snprintf (date, sizeof date, "2027%02u%02u", month, day);
      g_snprintf (amount, sizeof amount, "%" G_GINT64_FORMAT ",%02d", cents / 100, (int) (cents % 100));
      /* The supplier's line, then the charge's; a credit note (one in 25) the other way. */
      g_string_append_printf (fec, "AC\tAchats\tAC%07u\t%s\t40100000\tFournisseurs\tF%04u\t%s\tFA%07u\t%s\t"
                                   "Facture %s\t%s\t%s\t\t\t%s\t\t\r\n",
                              e + 1, date, supplier, supplier_name, e + 1, date, supplier_name,
                              credit_note ? amount : "0,00", credit_note ? "0,00" : amount, date);
      g_string_append_printf (fec, "AC\tAchats\tAC%07u\t%s\t%s\tAnnonces et insertions\t\t\tFA%07u\t%s\t"
                                   "Facture %s\t%s\t%s\t\t\t%s\t\t\r\n",
                              e + 1, date, accounts[e % G_N_ELEMENTS (accounts)], e + 1, date, supplier_name,
                              credit_note ? "0,00" : amount, credit_note ? amount : "0,00", date);
    }
  g_rand_free (rand);
  return fec;
}

double
pl_bench_fec (int runs, int entries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) fec = make_fec ((guint) entries);
  g_autofree double *times = g_new0 (double, runs);
  for (int r = 0; r < runs; r++)
    {
      g_autoptr(PlPlan) plan = example ();
      g_autoptr(PlSpendPreview) preview = NULL;
      PlSpendOptions spend_options = { 0 };
      gint64 start = g_get_monotonic_time (), previewed, applied;
      guint added;

      preview = pl_spend_preview (plan, fec->str, (gssize) fec->len, &spend_options, &error);
      g_assert_no_error (error);
      previewed = g_get_monotonic_time ();
      added = pl_spend_apply (plan, preview);
      applied = g_get_monotonic_time ();
      times[r] = (applied - start) / 1000.0;
      g_print ("run %d: %u lines read, %u entries added, %u rules proposed: preview %.0f ms, apply %.0f ms\n", r + 1,
               preview->n_read, added, preview->rules->len, (previewed - start) / 1000.0, (applied - previewed) / 1000.0);
      if (r == runs - 1)
        {
          gint64 undo_start = g_get_monotonic_time ();
          g_autoptr(PlSpendPreview) again = NULL;

          g_assert_true (pl_plan_undo (plan));
          g_print ("undo: %.0f ms\n", (g_get_monotonic_time () - undo_start) / 1000.0);
          g_assert_true (pl_plan_redo (plan));
          undo_start = g_get_monotonic_time ();
          again = pl_spend_preview (plan, fec->str, (gssize) fec->len, &spend_options, &error);
          g_assert_no_error (error);
          g_print ("the same file again: %u entries to add, %u already imported, %.0f ms\n", again->entries->len,
                   again->n_left[PL_SPEND_LEFT_KNOWN], (g_get_monotonic_time () - undo_start) / 1000.0);
        }
    }
  return pl_bench_median (times, (guint) runs);
}

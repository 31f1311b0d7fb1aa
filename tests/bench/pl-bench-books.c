/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Spreadsheets and the books (issue 23), measured in one run so that the two figures share
 * the machine's mood: importing an FEC of 200,000 entries into the example plan, and exporting
 * the 20,000-campaign plan's campaigns list to XLSX. Medians of N runs (5 by default); the last
 * line is the one the issue names, with its targets:
 *   fec-200k-ms=A xlsx-20k-ms=B target=2000
 * It judges nothing: it is not a unit test. Usage: pl-bench-books [--runs N] [--entries N] */
#include "config.h"

#include "pl-bench-books.h"

int
main (int argc, char **argv)
{
  int runs = 5, entries = 200000;
  GOptionEntry options[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs (the median is reported)", "N" },
    { "entries", 0, 0, G_OPTION_ARG_INT, &entries, "Lines of the FEC", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  double fec, xlsx;

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1 || entries < 2)
    {
      g_printerr ("%s\n", error ? error->message : "--runs and --entries are positive");
      return 2;
    }
  fec = pl_bench_fec (runs, entries);
  xlsx = pl_bench_xlsx ((guint) runs);
  g_print ("fec-200k-ms=%.0f xlsx-20k-ms=%.0f target=2000\n", fec, xlsx);
  return 0;
}

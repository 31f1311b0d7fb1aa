/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes the benchmark's big plan (20,000 campaigns, 300 KPIs, 500,000 measurements), the same
 * bytes on every run, then reads it back and checks it. Usage: pl-bench-generate OUT */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "pl-bench-plan.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (argc != 2 || argv[1][0] == '-')
    {
      fprintf (stderr, "Usage: %s OUT\nWrites the load/save benchmark's plan to OUT.\n", argv[0]);
      return 2;
    }
  /* A new file, not a save over the old one: no backup "OUT~" is left behind. */
  if (g_unlink (argv[1]) != 0 && errno != ENOENT)
    {
      fprintf (stderr, "%s: %s: %s\n", argv[0], argv[1], g_strerror (errno));
      return 1;
    }
  if (!pl_bench_plan_write (argv[1], &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }
  if (g_stat (argv[1], &st) != 0)
    {
      fprintf (stderr, "%s: %s: cannot read it back\n", argv[0], argv[1]);
      return 1;
    }
  printf ("%s: %.1f MiB, %d campaigns, %d KPIs, %d measurements; read back without error\n",
          argv[1], st.st_size / (1024.0 * 1024.0), PL_BENCH_CAMPAIGNS, PL_BENCH_KPIS, PL_BENCH_MEASUREMENTS);
  return 0;
}

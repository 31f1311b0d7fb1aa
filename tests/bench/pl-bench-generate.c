/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes the benchmark's big plan: 20,000 campaigns, 300 KPIs and 500,000 measurements,
 * the same bytes on every run. Usage: pl-bench-generate OUT */
#include <glib.h>
#include <stdio.h>

#include "pl-bench-plan.h"
#include "pl-plan-file.h"

int
main (int argc, char **argv)
{
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s OUT\n", argv[0]);
      return 2;
    }
  plan = pl_bench_plan_new ();
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!pl_plan_save (plan, file, NULL, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  return 0;
}

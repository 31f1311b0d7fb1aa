/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The iCalendar export of a plan of N calendar entries (1,000,000 by default), streamed to
 * /dev/null: the time it takes and the process's peak memory before and after, beside the
 * issue's baseline (6.2 GB and 45 s when the whole calendar was built in memory, issue 19).
 * With --save FILE it also writes the plan there, for `pilote-cli ical FILE`. Ends with
 *   ical-entries=N ical-s=T peak-before-mib=A peak-after-mib=B
 * It judges nothing. Usage: pl-bench-ical [--entries N] [--save FILE] */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "pl-bench-plan.h"
#include "pl-ical.h"
#include "pl-plan-file.h"

/* The process's peak resident memory so far, in MiB. */
static double
peak_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

int
main (int argc, char **argv)
{
  guint n = 1000000;
  const char *save = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GFile) sink = g_file_new_for_path ("/dev/null");
  g_autoptr(GFileOutputStream) raw = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double built, before, seconds;

  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--entries") == 0)
        n = (guint) strtoul (argv[i + 1], NULL, 10);
      else if (strcmp (argv[i], "--save") == 0)
        save = argv[i + 1];
    }
  start = g_get_monotonic_time ();
  plan = pl_bench_calendar_plan_new (n);
  built = (g_get_monotonic_time () - start) / 1e6;
  if (save != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (save);

      if (!pl_plan_save (plan, file, NULL, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  before = peak_mib ();
  raw = g_file_append_to (sink, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  out = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (raw), 64 * 1024);
  start = g_get_monotonic_time ();
  if (!pl_ical_write_stream (plan, 1800000000, out, NULL, &error) || !g_output_stream_close (out, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("plan of %u calendar entries built in %.1f s\n", n, built);
  g_print ("iCalendar export to /dev/null: %.1f s; peak memory %.0f MiB before, %.0f MiB after "
           "(baseline for 1,000,000 entries: 45 s and 6.2 GB)\n", seconds, before, peak_mib ());
  g_print ("ical-entries=%u ical-s=%.2f peak-before-mib=%.0f peak-after-mib=%.0f\n", n, seconds, before, peak_mib ());
  return 0;
}

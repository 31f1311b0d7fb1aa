/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The iCalendar export of a plan of N calendar entries (1,000,000 by default), streamed to
 * /dev/null: the time it takes and the process's peak memory before and after, beside the
 * issue's baseline (6.2 GB and 45 s when the whole calendar was built in memory, issue 19).
 * Then the same plan from its file, as the commands meet it, beside issue 19's target of
 * 10 s and 2 GB: read (what `summary` does first), read with the schema and validated (what
 * `validate` does), and read then exported (what `ical` does). The plan is written to FILE
 * (--save) or to a temporary file removed at the end. Prints
 *   ical-entries=N ical-s=T peak-before-mib=A peak-after-mib=B
 * then the processor time of each command (user and system, both threads of validate), which
 * the load of a shared machine does not stretch as it does the wall time, and ends with the
 * wall times:
 *   cpu-read-s=R cpu-validate-s=V cpu-ical-s=I
 *   file-read-s=R file-validate-s=V file-ical-s=I peak-mib=P target-s=10 target-mib=2048
 * It judges nothing. Usage: pl-bench-ical [--entries N] [--save FILE] */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>

#include "pl-bench-plan.h"
#include "pl-ical.h"
#include "pl-plan-file.h"
#include "pl-plan-validate.h"

/* The processor time of the process so far, user and system, in seconds. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* Streams @plan's calendar to /dev/null; returns the seconds it took, or -1. */
static double
export_to_null (PlPlan *plan)
{
  g_autoptr(GFile) sink = g_file_new_for_path ("/dev/null");
  g_autoptr(GFileOutputStream) raw = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  raw = g_file_append_to (sink, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  out = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (raw), 64 * 1024);
  start = g_get_monotonic_time ();
  if (!pl_ical_write_stream (plan, 1800000000, out, NULL, &error) || !g_output_stream_close (out, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return -1;
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Reads @file with @flags (and validates it when @validate); returns the seconds it took. */
static double
read_file (GFile *file, PlReadFlags flags, gboolean validate, PlPlan **plan)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  *plan = pl_plan_load (file, NULL, flags, NULL, &error);
  g_assert_no_error (error);
  if (validate)
    g_ptr_array_unref (pl_plan_validate (*plan));
  return (g_get_monotonic_time () - start) / 1e6;
}

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
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *temporary = NULL;
  gint64 start;
  double built, before, seconds, read_s, validate_s, ical_s, cpu, cpu_read, cpu_validate, cpu_ical;

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
  if (save == NULL)
    {
      int fd = g_file_open_tmp ("pilote-bench-ical-XXXXXX.pilote", &temporary, &error);

      g_assert_no_error (error);
      close (fd);
      save = temporary;
    }
  file = g_file_new_for_path (save);
  if (!pl_plan_save (plan, file, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  before = peak_mib ();
  seconds = export_to_null (plan);
  if (seconds < 0)
    return 1;
  g_print ("plan of %u calendar entries built in %.1f s\n", n, built);
  g_print ("iCalendar export to /dev/null: %.1f s; peak memory %.0f MiB before, %.0f MiB after "
           "(baseline for 1,000,000 entries: 45 s and 6.2 GB)\n", seconds, before, peak_mib ());
  g_print ("ical-entries=%u ical-s=%.2f peak-before-mib=%.0f peak-after-mib=%.0f\n", n, seconds, before, peak_mib ());

  /* From the file, one plan at a time, as each command meets it. */
  g_clear_object (&plan);
  cpu = cpu_seconds ();
  read_s = read_file (file, PL_READ_DEFAULT, FALSE, &plan);
  cpu_read = cpu_seconds () - cpu;
  g_clear_object (&plan);
  cpu = cpu_seconds ();
  validate_s = read_file (file, PL_READ_SCHEMA, TRUE, &plan);
  cpu_validate = cpu_seconds () - cpu;
  g_clear_object (&plan);
  cpu = cpu_seconds ();
  ical_s = read_file (file, PL_READ_DEFAULT, FALSE, &plan);
  seconds = export_to_null (plan);
  if (seconds < 0)
    return 1;
  ical_s += seconds;
  cpu_ical = cpu_seconds () - cpu;
  g_print ("from the file: read %.1f s, read with the schema and validated %.1f s, read and exported %.1f s; "
           "peak memory %.0f MiB (issue 19's target: 10 s and 2 GB each)\n", read_s, validate_s, ical_s, peak_mib ());
  g_print ("cpu-read-s=%.2f cpu-validate-s=%.2f cpu-ical-s=%.2f\n", cpu_read, cpu_validate, cpu_ical);
  g_print ("file-read-s=%.2f file-validate-s=%.2f file-ical-s=%.2f peak-mib=%.0f target-s=10 target-mib=2048\n",
           read_s, validate_s, ical_s, peak_mib ());
  if (temporary != NULL)
    g_unlink (temporary);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <locale.h>
#include <stdlib.h>

#include "fuzz-target.h"

/* GLib stops a fatal message with a breakpoint trap, which libFuzzer does not catch; abort()
 * makes it a crash it reports and saves. */
static GLogWriterOutput
abort_on_warnings (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  GLogWriterOutput result = g_log_writer_default (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return result;
}

void
pl_fuzz_init_glib (void)
{
  g_log_set_writer_func (abort_on_warnings, NULL, NULL);
  /* Messages in English, as the tests read them; the fuzzer does not look at their words. */
  setlocale (LC_ALL, "C.UTF-8");
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading back the PDFs the report tests write, with poppler's tools. */
#include "config.h"

#include <stdarg.h>

#include "pl-test-pdf.h"

char *
pl_test_poppler (const char *tool, const char *pdf, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;
  va_list args;

  g_ptr_array_add (argv, (char *) tool);
  va_start (args, pdf);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, (char *) pdf);
  if (g_str_equal (tool, "pdftotext"))
    g_ptr_array_add (argv, "-");
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

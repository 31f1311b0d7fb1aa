/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <string.h>

#include "fuzz-import.h"
#include "pl-plan-reader.h"
#include "pl-plan-writer.h"

PlPlan *
pl_fuzz_read_plan (const char *xml, size_t length, GBytes **bytes)
{
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_read_bytes (xml, length, "fuzz.pilote", PL_READ_DEFAULT, &error);

  g_assert_no_error (error);
  *bytes = pl_plan_write_bytes (plan);
  return plan;
}

char *
pl_fuzz_file_text (const uint8_t *data, size_t size, gsize *length)
{
  char *text;

  g_assert_cmpuint (size, >, 0);
  *length = size - 1;
  text = g_malloc (*length + 1);
  memcpy (text, data + 1, *length);
  text[*length] = '\0';
  return text;
}

void
pl_fuzz_check_text (const char *text, gboolean input_says_null)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  if (!input_says_null)
    g_assert_null (strstr (text, "(null)"));
}

void
pl_fuzz_check_undone (PlPlan *plan, GBytes *before, gboolean applied)
{
  g_autoptr(GBytes) now = NULL;

  if (applied)
    {
      g_assert_true (pl_plan_undo (plan));
      if (pl_plan_get_modified (plan))
        g_error ("undoing an import left the plan modified");
    }
  /* Undone, the plan is the one before the import, to the byte. */
  now = pl_plan_write_bytes (plan);
  if (!g_bytes_equal (now, before))
    g_error ("undoing an import did not give back the plan");
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target for the spreadsheet reader and the budget import: the first byte chooses the
 * sheet (the first, or one by name), the rest is the file, XLSX, ODS, flat ODS or CSV. Any
 * bytes are read or refused in words; a budget preview applies, and undoing it gives back
 * the plan as it was. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "fuzz-import.h"
#include "fuzz-target.h"
#include "pl-budget-import.h"
#include "pl-sheet-read.h"

/* Two categories and lines the fixtures name, so that lines match, change and are added. */
static const char plan_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">\n"
  "<metadata title=\"Fuzz\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
  "<categories>\n"
  "<category id=\"cat-digital\" name=\"Digital marketing\" acquisition=\"true\"/>\n"
  "<category id=\"cat-events\" name=\"Event management\" acquisition=\"true\"/>\n"
  "</categories>\n"
  "<budget-lines>\n"
  "<line id=\"line-google\" category=\"cat-digital\" name=\"Google Ads – search\" horizon=\"short\" approval=\"approved\">\n"
  "<planned month=\"2027-01\" amount=\"20000.00\"/><planned month=\"2027-02\" amount=\"20000.00\"/>\n"
  "</line>\n"
  "<line id=\"line-webinars\" category=\"cat-events\" name=\"Webinar production\" horizon=\"short\" approval=\"approved\">\n"
  "<planned month=\"2027-03\" amount=\"2000.00\"/>\n"
  "</line>\n"
  "</budget-lines>\n"
  "</plan>\n";

static PlPlan *plan;
static GBytes *plan_bytes;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  pl_fuzz_init_glib ();
  plan = pl_fuzz_read_plan (plan_xml, sizeof plan_xml - 1, &plan_bytes);
  return 0;
}

static gboolean input_says_null;

/* A message in words: valid UTF-8, and no "(null)" the file did not write itself (messages
 * quote the file's cells). */
static void
check_message (const GError *error)
{
  g_assert_nonnull (error);
  pl_fuzz_check_text (error->message, input_says_null);
}

static void
check_sheet (const PlSheet *sheet)
{
  g_assert_nonnull (sheet->names);
  g_assert_nonnull (sheet->notes);
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      const PlSheetRow *row = g_ptr_array_index (sheet->rows, r);
      g_assert_cmpuint (row->n_cells, >, 0);
      g_assert_cmpuint (row->n_cells, <=, sheet->n_columns);
      for (guint c = 0; c < row->n_cells; c++)
        {
          const PlSheetCell *cell = &row->cells[c];
          g_assert_true (cell->kind == PL_SHEET_CELL_EMPTY || cell->text != NULL);
          g_assert_true (cell->text == NULL || g_utf8_validate (cell->text, -1, NULL));
          g_assert_true (cell->kind != PL_SHEET_CELL_NUMBER || isfinite (cell->number));
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char * const sheet_names[] = { NULL, "Budget 2027", "budget", NULL };
  g_autoptr(PlSheet) sheet = NULL;
  g_autoptr(PlBudgetPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  gboolean applied;

  if (size == 0)
    return 0;
  input_says_null = memmem (data, size, "(null)", 6) != NULL;
  sheet = pl_sheet_read_bytes (data + 1, size - 1, sheet_names[data[0] & 3], &error);
  if (sheet == NULL)
    {
      check_message (error);
      return 0;
    }
  check_sheet (sheet);
  preview = pl_budget_import_preview (plan, sheet, &error);
  if (preview == NULL)
    {
      check_message (error);
      return 0;
    }
  for (guint i = 0; i < preview->rows->len; i++)
    {
      g_autofree char *text = pl_budget_import_describe_row (g_ptr_array_index (preview->rows, i));
      g_assert_true (g_utf8_validate (text, -1, NULL));
    }
  for (guint i = 0; i < preview->lines->len; i++)
    {
      g_autofree char *text = pl_budget_import_describe_line (plan, g_ptr_array_index (preview->lines, i));
      g_assert_true (g_utf8_validate (text, -1, NULL));
    }
  applied = pl_budget_import_apply (plan, preview, &error) > 0;
  if (!applied && error != NULL)
    check_message (error);
  pl_fuzz_check_undone (plan, plan_bytes, applied);
  return 0;
}

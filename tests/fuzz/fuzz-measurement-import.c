/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target for the CSV measurement import, and the campaign results import (a column
 * headed like a campaign column, or the first column when chosen): the first byte of the input
 * chooses the options, the rest is the file. Any text is previewed or refused in words; a
 * preview applies, and undoing it (links added included) gives back the plan as it was. */
#include <glib.h>
#include <string.h>

#include "fuzz-import.h"
#include "fuzz-target.h"
#include "pl-csv.h"
#include "pl-import-campaigns.h"
#include "pl-measurement-import.h"

/* KPIs of every frequency, aggregate and unit the import treats apart, named so that
 * headers can find them by ID or name; campaigns found by code, by name, by neither (two of
 * one name), one linked to a KPI with a result. */
static const char plan_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.5\">\n"
  "<metadata title=\"Fuzz\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
  "<kpis>\n"
  "<kpi id=\"kpi-visitors\" name=\"Visitors\" unit=\"count\" direction=\"higher\" layer=\"activity\" stage=\"visitors\" aggregate=\"sum\" frequency=\"monthly\" dashboard=\"false\">\n"
  "<measurement period=\"2027-01-01\" value=\"1200\"/><measurement period=\"2027-01-15\" value=\"3\"/>\n"
  "</kpi>\n"
  "<kpi id=\"kpi-leads\" name=\"Leads\" unit=\"count\" direction=\"higher\" layer=\"funnel\" stage=\"leads\" aggregate=\"sum\" frequency=\"weekly\" dashboard=\"true\"/>\n"
  "<kpi id=\"kpi-churn\" name=\"Churn (%)\" unit=\"percent\" direction=\"lower\" layer=\"business\" aggregate=\"mean\" frequency=\"monthly\" dashboard=\"true\">\n"
  "<measurement period=\"2027-01-01\" value=\"1.5\"/>\n"
  "</kpi>\n"
  "<kpi id=\"kpi-mrr\" name=\"MRR\" unit=\"currency\" direction=\"higher\" layer=\"business\" aggregate=\"last\" frequency=\"quarterly\" dashboard=\"true\"/>\n"
  "<kpi id=\"kpi-cycle\" name=\"Sales cycle\" unit=\"days\" direction=\"lower\" layer=\"business\" aggregate=\"mean\" frequency=\"monthly\" dashboard=\"false\"/>\n"
  "</kpis>\n"
  "<campaigns>\n"
  "<campaign id=\"cmp-webinar\" name=\"Spring webinar\" status=\"running\" code=\"spring-webinar\"/>\n"
  "<campaign id=\"cmp-summit\" name=\"Summit\" status=\"completed\" code=\"7015g000000XyZ1AAK\"/>\n"
  "<campaign id=\"cmp-news-a\" name=\"Newsletter\" status=\"running\"/>\n"
  "<campaign id=\"cmp-news-b\" name=\"Newsletter\" status=\"planned\"/>\n"
  "</campaigns>\n"
  "<campaign-kpis>\n"
  "<campaign-kpi id=\"ck-1\" campaign=\"cmp-webinar\" kpi=\"kpi-leads\" contribution=\"12\">"
  "<result period=\"2027-03-01\" value=\"40\"/></campaign-kpi>\n"
  "</campaign-kpis>\n"
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

static void
check_message (const GError *error)
{
  g_assert_nonnull (error);
  pl_fuzz_check_text (error->message, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char decimals[] = { 0, '.', ',', 0 };
  static const char thousands[] = { 0, ',', '.', ' ' };
  static const char delimiters[] = { 0, ',', ';', '\t' };
  static const char * const columns[] = { "Total users=kpi-visitors", "Leads", "3", NULL };
  PlImportOptions options = { 0 };
  g_autoptr(PlImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_auto(GStrv) header = NULL;
  g_autofree char *text = NULL;
  guint8 choice;
  gsize length;
  gboolean says_null;

  if (size == 0)
    return 0;
  choice = data[0];
  text = pl_fuzz_file_text (data, size, &length);
  /* Notes and lines quote the file: "(null)" there may come from it. */
  says_null = g_strstr_len (text, (gssize) length, "(null)") != NULL;

  options.date_format = (PlImportDateFormat) (choice % 7);
  options.decimal = decimals[(choice >> 3) & 3];
  options.thousands = thousands[(choice >> 5) & 3];
  if (options.thousands == options.decimal)
    options.thousands = 0;
  options.delimiter = delimiters[(choice >> 2) & 3];
  options.wide = (choice & 0x80) != 0;
  options.kpi_columns = (choice & 0x40) && options.wide ? columns : NULL;
  /* The bit that picks the columns of a wide file picks the campaigns' of a long one. */
  options.campaign_column = (choice & 0x40) && !options.wide ? "1" : NULL;
  options.percent = (PlImportPercent) ((choice >> 1) % 3);
  options.source = "fuzz";

  records = pl_csv_read (text, (gssize) length, NULL, NULL, &error);
  if (records == NULL)
    check_message (error);
  g_clear_error (&error);
  header = pl_import_read_header (text, (gssize) length, NULL, &error);
  if (header == NULL)
    check_message (error);
  else
    {
      int date, kpi, value;
      pl_import_guess_columns (header, &date, &kpi, &value);
    }
  g_clear_error (&error);

  preview = pl_import_preview (plan, text, (gssize) length, &options, &error);
  if (preview == NULL)
    {
      check_message (error);
      return 0;
    }
  for (guint i = 0; i < preview->rejected->len; i++)
    {
      PlImportRejection *rejection = g_ptr_array_index (preview->rejected, i);
      g_assert_true (g_utf8_validate (rejection->message, -1, NULL));
    }
  for (guint i = 0; preview->notes[i] != NULL; i++)
    pl_fuzz_check_text (preview->notes[i], says_null);
  {
    g_autofree char *unmatched = pl_import_unmatched_text (preview);

    if (unmatched != NULL)
      pl_fuzz_check_text (unmatched, says_null);
    g_assert_true ((unmatched != NULL) == (preview->unmatched->len > 0));
  }
  for (guint i = 0; i < preview->changes->len; i++)
    {
      const PlImportChange *change = &g_array_index (preview->changes, PlImportChange, i);
      g_autofree char *line = pl_import_change_describe (plan, change);

      pl_fuzz_check_text (line, says_null);
      g_assert_true (change->link == NULL || change->campaign != NULL);
    }
  pl_fuzz_check_undone (plan, plan_bytes, pl_import_apply (plan, preview, options.source) > 0);
  return 0;
}

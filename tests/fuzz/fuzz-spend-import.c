/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target for the spend import from the books (FEC and CSV of transactions): the first byte
 * of the input chooses the options, the rest is the file. Any bytes are previewed or refused in
 * words; a preview's proposed rules may be edited and the entries mapped again; the preview
 * applies, and undoing it gives back the plan as it was. */
#include <glib.h>
#include <string.h>

#include "fuzz-import.h"
#include "fuzz-target.h"
#include "pl-spend-import.h"

/* Lines to map to, a campaign, spend imported before (an FEC key and a multiset's) and rules of
 * each kind, so that the de-duplication and the mapping meet what they compare. */
static const char plan_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.4\">\n"
  "<metadata title=\"Fuzz\" currency=\"EUR\" start=\"2027-01\" months=\"12\"/>\n"
  "<categories><category id=\"cat-digital\" name=\"Digital marketing\" acquisition=\"true\"/>"
  "<category id=\"cat-events\" name=\"Event management\" acquisition=\"true\"/></categories>\n"
  "<budget-lines>\n"
  "<line id=\"line-ads\" category=\"cat-digital\" name=\"Google Ads – search\" horizon=\"short\" approval=\"approved\"/>\n"
  "<line id=\"line-stand\" category=\"cat-events\" name=\"Summit stand\" horizon=\"short\" approval=\"approved\"/>\n"
  "</budget-lines>\n"
  "<campaigns><campaign id=\"cmp-1\" name=\"Search\" channel=\"Search\" start=\"2027-01-01\" end=\"2027-12-31\" status=\"running\"/></campaigns>\n"
  "<spending>\n"
  "<spend id=\"sp-1\" line=\"line-ads\" date=\"2027-01-03\" amount=\"100.00\" account=\"6231\" source=\"fec:AC:1:6231:1\"/>\n"
  "<spend id=\"sp-2\" date=\"2027-03-02\" amount=\"49.00\" vendor=\"Canva\" source=\"txn:2027-03-02:49.00:Canva:Abonnement\"/>\n"
  "</spending>\n"
  "<spend-rules>\n"
  "<spend-rule id=\"rule-1\" match=\"account\" pattern=\"6226\" line=\"line-stand\" campaign=\"cmp-1\"/>\n"
  "<spend-rule id=\"rule-2\" match=\"supplier\" pattern=\"Agence Lumen\" line=\"line-stand\"/>\n"
  "<spend-rule id=\"rule-3\" match=\"label\" pattern=\"salon\"/>\n"
  "</spend-rules>\n"
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

/* A message names no missing string ("(null)") unless the file itself holds one. */
static gboolean input_has_null;

static void
check_text (const char *text)
{
  pl_fuzz_check_text (text, input_has_null);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char decimals[] = { 0, '.', ',', 0 };
  static const char delimiters[] = { 0, ',', ';', '\t' };
  static const char * const accounts[] = { "62", "6061", NULL };
  PlSpendOptions options = { 0 };
  g_autoptr(PlSpendPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint8 choice;
  gsize length;
  gboolean applied;

  if (size == 0)
    return 0;
  choice = data[0];
  text = pl_fuzz_file_text (data, size, &length);
  input_has_null = memmem (text, length, "(null)", 6) != NULL;

  options.format = (PlSpendFormat) (choice % 3);
  options.decimal = decimals[(choice >> 2) & 3];
  options.delimiter = delimiters[(choice >> 4) & 3];
  options.sign = (PlSpendSign) ((choice >> 6) % 3);
  options.no_proposals = (choice & 0x80) && (choice & 0x01);
  options.accounts = (choice & 0x02) ? accounts : NULL;

  preview = pl_spend_preview (plan, text, (gssize) length, &options, &error);
  if (preview == NULL)
    {
      g_assert_nonnull (error);
      check_text (error->message);
      return 0;
    }
  for (guint i = 0; i < preview->rejected->len; i++)
    check_text (((PlImportRejection *) g_ptr_array_index (preview->rejected, i))->message);
  {
    g_autofree char *report = pl_spend_preview_report (preview);
    check_text (report);
  }
  for (guint i = 0; i < preview->entries->len && i < 8; i++)
    {
      g_autofree char *line = pl_spend_entry_describe (plan, &g_array_index (preview->entries, PlSpendEntry, i));
      check_text (line);
    }
  /* The user picks another line for the first proposed rule. */
  if (preview->rules->len > 0)
    {
      pl_item_set_string (g_ptr_array_index (preview->rules, 0), PL_SPEND_RULE_LINE, "line-ads");
      pl_spend_preview_remap (preview, plan);
    }
  applied = pl_spend_apply (plan, preview) > 0;
  pl_fuzz_check_undone (plan, plan_bytes, applied || pl_plan_can_undo (plan));
  return 0;
}

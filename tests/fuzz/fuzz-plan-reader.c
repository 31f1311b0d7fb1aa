/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target for the plan reader: any bytes are read, refused or reported, never a crash,
 * a hang or a GLib critical. What reads is validated, summarised and written; the written
 * file must read again and write the same bytes a second time. */
#include <glib.h>
#include <string.h>

#include "fuzz-target.h"
#include "pl-budget-carry.h"
#include "pl-cli-planning.h"
#include "pl-cli-summary.h"
#include "pl-dashboard.h"
#include "pl-plan-reader.h"
#include "pl-plan-validate.h"
#include "pl-plan-writer.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  pl_fuzz_init_glib ();
  return 0;
}

static PlPlan *
read_plan (const char *data, gsize size, PlReadFlags flags)
{
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_read_bytes (data, size, "fuzz.pilote", flags, &error);

  /* A refusal always says why, in valid UTF-8 and never "(null)" (unless the file says it,
   * and the message quotes it). */
  g_assert_true ((plan == NULL) == (error != NULL));
  if (error != NULL)
    {
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (memmem (data, size, "(null)", 6) == NULL)
        g_assert_null (strstr (error->message, "(null)"));
      g_assert_true (g_str_has_prefix (error->message, "fuzz.pilote:"));
    }
  return plan;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(PlPlan) plan = read_plan ((const char *) data, size, PL_READ_DEFAULT);
  g_autoptr(PlPlan) strict = NULL;
  g_autoptr(PlPlan) again = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *json = NULL;
  guint32 as_of;

  if (plan == NULL)
    return 0;
  /* The schema's check doubles the time of a run: on small inputs only, where it finds as much. */
  if (size < 4096)
    strict = read_plan ((const char *) data, size, PL_READ_SCHEMA);
  problems = pl_plan_validate (plan);
  /* A fixed day (15 June 2027), so that a run can be replayed. */
  as_of = pl_dashboard_as_of (plan, 740147);
  summary = pl_cli_summary (plan, as_of);
  json = pl_cli_summary_json (plan, as_of);
  g_assert_true (g_utf8_validate (summary, -1, NULL));
  /* The planning arithmetic on the plan's drivers and on each scenario's (a few: a file can
   * hold thousands), in words and in JSON: any values a file holds, never a crash. */
  for (guint i = 0; i <= MIN (pl_plan_get_n (plan, PL_COLLECTION_SCENARIOS), 4); i++)
    {
      g_autoptr(PlItem) scenario = i > 0 ? g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_SCENARIOS), i - 1)
                                         : NULL;
      for (int json_form = 0; json_form < 2; json_form++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *forecast = pl_cli_forecast (plan, (PlScenario *) scenario, as_of, json_form, &error);
          g_autofree char *backsolve = pl_cli_backsolve (plan, (PlScenario *) scenario, as_of, PL_GOAL_CUSTOMERS, 10,
                                                         PL_BACKSOLVE_DEFAULT_SAFETY, json_form, NULL);

          g_assert_true ((forecast == NULL) == (error != NULL));
          g_assert_true (forecast == NULL || g_utf8_validate (forecast, -1, NULL));
          g_assert_true (backsolve == NULL || g_utf8_validate (backsolve, -1, NULL));
        }
    }

  /* Budget carried over: what the lines record is listed and said in words, never a crash. */
  for (guint i = 0, n = pl_plan_get_n (plan, PL_COLLECTION_LINES); i < n; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_LINES), i);
      g_autoptr(GArray) moves = NULL;

      if (pl_item_get_strv (line, PL_BUDGET_LINE_CARRIED) == NULL)
        continue;
      moves = pl_budget_carry_list (plan, line);
      for (guint m = 0; m < pl_plan_get_months (plan); m++)
        {
          g_autofree char *text = pl_budget_carry_describe_month (plan, line, m);

          g_assert_true (text == NULL || g_utf8_validate (text, -1, NULL));
          pl_budget_carry_month_amount (plan, line, m);
        }
    }

  written = pl_plan_write_bytes (plan);
  again = read_plan (g_bytes_get_data (written, NULL), g_bytes_get_size (written), PL_READ_DEFAULT);
  /* What the reader accepted, the writer writes in a form the reader accepts again... */
  if (again == NULL)
    g_error ("a plan that was read could not be read again once written:\n%.*s",
             (int) g_bytes_get_size (written), (const char *) g_bytes_get_data (written, NULL));
  /* ...without losing a campaign's results or code on the way (format 1.5)... */
  for (guint i = 0, n = pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGN_KPIS); i < n; i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS), i);
      g_autoptr(PlItem) back = g_list_model_get_item (pl_plan_get_collection (again, PL_COLLECTION_CAMPAIGN_KPIS), i);

      g_assert_nonnull (back);
      g_assert_true (pl_series_equal (pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (link)),
                                      pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (back))));
    }
  for (guint i = 0, n = pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS); i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS), i);
      g_autoptr(PlItem) back = g_list_model_get_item (pl_plan_get_collection (again, PL_COLLECTION_CAMPAIGNS), i);

      g_assert_nonnull (back);
      g_assert_cmpstr (pl_item_get_string (campaign, PL_CAMPAIGN_CODE), ==, pl_item_get_string (back, PL_CAMPAIGN_CODE));
    }
  /* ...and stable: the second write gives the same bytes. */
  rewritten = pl_plan_write_bytes (again);
  if (!g_bytes_equal (written, rewritten))
    g_error ("writing a plan read from what was written changed it:\n%.*s\n---\n%.*s",
             (int) g_bytes_get_size (written), (const char *) g_bytes_get_data (written, NULL),
             (int) g_bytes_get_size (rewritten), (const char *) g_bytes_get_data (rewritten, NULL));
  return 0;
}

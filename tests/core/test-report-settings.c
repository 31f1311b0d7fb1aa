/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the CMO adds to the reports (pl-report-settings.h): the commentary per section, the
 * logo and the board pack's headline figures; their defaults, refusals and undo. */
#include "config.h"

#include "pl-error.h"
#include "pl-plan-file.h"
#include "pl-report-settings.h"
#include "pl-test-logo.h"

static PlPlan *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  pl_plan_mark_saved (plan);
  return plan;
}

static void
count_changed (PlPlan *plan, guint mask, guint *count)
{
  (*count)++;
}

static void
assert_headlines (PlPlan *plan, const char *a, const char *b, const char *c)
{
  g_auto(GStrv) ids = pl_report_dup_headlines (plan);
  const char *expected[] = { a, b, c, NULL };

  g_assert_cmpstrv (ids, expected);
}

static void
test_headlines_default (void)
{
  g_autoptr(PlPlan) plan = load_example ();

  /* Revenue against target, CAC and LTV:CAC. */
  assert_headlines (plan, "kpi-revenue", "kpi-cac", "kpi-ltv-cac");
}

static void
test_headlines_without_revenue (void)
{
  g_autoptr(PlPlan) plan = load_example ();

  pl_plan_remove (plan, pl_plan_lookup (plan, "kpi-revenue"));
  assert_headlines (plan, "kpi-new-customers", "kpi-cac", "kpi-ltv-cac");
  /* Without CAC, LTV:CAC goes with it: the dashboard's KPIs fill in, in plan order. */
  pl_plan_remove (plan, pl_plan_lookup (plan, "kpi-cac"));
  assert_headlines (plan, "kpi-new-customers", "kpi-leads", "kpi-mql");
}

static void
test_headlines_few_kpis (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_auto(GStrv) none = pl_report_dup_headlines (plan);
  g_autoptr(PlItem) kpi = g_object_new (PL_TYPE_KPI, NULL);
  g_auto(GStrv) one = NULL;

  g_assert_nonnull (none);
  g_assert_null (none[0]);
  pl_item_set_string (kpi, PL_KPI_NAME, "Leads");
  pl_plan_add (plan, kpi);
  one = pl_report_dup_headlines (plan);
  g_assert_cmpuint (g_strv_length (one), ==, 1);
  g_assert_cmpstr (one[0], ==, pl_item_get_id (kpi));
}

static void
test_headlines_chosen (void)
{
  g_autoptr(PlPlan) plan = load_example ();
  g_autoptr(GError) error = NULL;
  const char *leads[] = { "kpi-leads", NULL };
  const char *unknown[] = { "kpi-leads", "kpi-nothing", NULL };
  const char *twice[] = { "kpi-leads", "kpi-mql", "kpi-leads", NULL };
  const char *four[] = { "kpi-leads", "kpi-mql", "kpi-sql", "kpi-cac", NULL };
  guint changed = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_true (pl_report_set_headlines (plan, leads, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  /* The chosen one first, completed by the defaults. */
  assert_headlines (plan, "kpi-leads", "kpi-revenue", "kpi-cac");

  g_assert_false (pl_report_set_headlines (plan, unknown, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (pl_report_set_headlines (plan, twice, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (pl_report_set_headlines (plan, four, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 1);
  assert_headlines (plan, "kpi-leads", "kpi-revenue", "kpi-cac");

  /* A chosen KPI that goes is replaced by the defaults. */
  pl_plan_remove (plan, pl_plan_lookup (plan, "kpi-leads"));
  assert_headlines (plan, "kpi-revenue", "kpi-cac", "kpi-ltv-cac");
  g_assert_true (pl_plan_undo (plan));
  assert_headlines (plan, "kpi-leads", "kpi-revenue", "kpi-cac");
  g_assert_true (pl_plan_undo (plan));
  assert_headlines (plan, "kpi-revenue", "kpi-cac", "kpi-ltv-cac");
  g_assert_false (pl_plan_get_modified (plan));

  g_assert_true (pl_report_set_headlines (plan, leads, NULL));
  g_assert_true (pl_report_set_headlines (plan, NULL, &error));
  g_assert_no_error (error);
  assert_headlines (plan, "kpi-revenue", "kpi-cac", "kpi-ltv-cac");
}

static void
test_headlines_not_kpi (void)
{
  g_autoptr(PlPlan) plan = load_example ();
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, 0);
  const char *ids[] = { pl_item_get_id (campaign), NULL };
  g_autoptr(GError) error = NULL;

  g_assert_false (pl_report_set_headlines (plan, ids, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
}

static void
test_commentary (void)
{
  g_autoptr(PlPlan) plan = load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (PL_COMMENTARY_MAX_CHARS + 1, 'x');
  GVariant *stored;
  guint changed = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_null (pl_report_get_commentary (plan, "summary"));
  g_assert_true (pl_report_set_commentary (plan, "summary", "  Pipeline ahead of plan.\n", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (pl_report_get_commentary (plan, "summary"), ==, "Pipeline ahead of plan.");
  g_assert_true (pl_report_set_commentary (plan, "budget", "Events underspent.", NULL));
  /* A section this Pilote does not know is kept. */
  g_assert_true (pl_report_set_commentary (plan, "future-section", "Kept.", NULL));
  g_assert_true (pl_report_set_commentary (plan, "chain", "Two new inputs.", NULL));
  g_assert_cmpstr (pl_report_get_commentary (plan, "budget"), ==, "Events underspent.");
  g_assert_cmpstr (pl_report_get_commentary (plan, "future-section"), ==, "Kept.");
  /* Sorted by section, whatever the order typed: the file is the same. */
  stored = pl_item_get_variant (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_COMMENTARY);
  {
    g_autofree char *text = g_variant_print (stored, FALSE);
    g_assert_cmpstr (text, ==, "[('budget', 'Events underspent.'), ('chain', 'Two new inputs.'), "
                               "('future-section', 'Kept.'), ('summary', 'Pipeline ahead of plan.')]");
  }

  /* Refused: too long; nothing changes. */
  g_assert_false (pl_report_set_commentary (plan, "summary", long_text, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpstr (pl_report_get_commentary (plan, "summary"), ==, "Pipeline ahead of plan.");
  g_assert_cmpuint (changed, ==, 4);
  /* Exactly the limit, in characters not bytes, is accepted. */
  {
    GString *accented = g_string_new (NULL);
    for (guint i = 0; i < PL_COMMENTARY_MAX_CHARS; i++)
      g_string_append (accented, "é");
    g_assert_true (pl_report_set_commentary (plan, "dashboard", accented->str, &error));
    g_assert_no_error (error);
    g_string_free (accented, TRUE);
    g_assert_true (pl_plan_undo (plan));
  }

  /* Blank removes; one undo step each. */
  g_assert_true (pl_report_set_commentary (plan, "budget", "  \n ", NULL));
  g_assert_null (pl_report_get_commentary (plan, "budget"));
  g_assert_true (pl_plan_undo (plan));
  g_assert_cmpstr (pl_report_get_commentary (plan, "budget"), ==, "Events underspent.");
  for (guint i = 0; i < 3; i++)
    g_assert_true (pl_plan_undo (plan));
  g_assert_cmpstr (pl_report_get_commentary (plan, "summary"), ==, "Pipeline ahead of plan.");
  g_assert_null (pl_report_get_commentary (plan, "budget"));
  g_assert_true (pl_plan_undo (plan));
  /* No commentary at all is no field, as before. */
  g_assert_null (pl_item_get_variant (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_COMMENTARY));
  g_assert_false (pl_plan_get_modified (plan));
  g_assert_true (pl_report_set_commentary (plan, "summary", "A", NULL));
  g_assert_true (pl_report_set_commentary (plan, "summary", NULL, NULL));
  g_assert_null (pl_item_get_variant (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_COMMENTARY));
}

static void
test_logo (void)
{
  g_autoptr(PlPlan) plan = load_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = pl_test_logo_new ();
  g_autoptr(GBytes) big = pl_test_logo_new_too_big ();
  g_autoptr(GBytes) text = g_bytes_new_static ("GIF89a, not a PNG", 17);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (png, 0, g_bytes_get_size (png) - 5);
  g_autoptr(GBytes) huge = pl_test_logo_new_sized (100000, 100000);
  g_autoptr(GBytes) wide = pl_test_logo_new_sized (PL_LOGO_MAX_PIXELS + 1, 1);
  g_autoptr(GBytes) largest = pl_test_logo_new_sized (PL_LOGO_MAX_PIXELS, PL_LOGO_MAX_PIXELS);
  g_autoptr(GBytes) stored = NULL;
  guint changed = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_null (pl_report_dup_logo (plan));
  g_assert_true (pl_report_set_logo (plan, png, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  stored = pl_report_dup_logo (plan);
  g_assert_true (g_bytes_equal (stored, png));

  g_assert_false (pl_report_set_logo (plan, big, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "256 KB"));
  g_clear_error (&error);
  g_assert_false (pl_report_set_logo (plan, text, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "not a PNG"));
  g_clear_error (&error);
  g_assert_false (pl_report_set_logo (plan, cut, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  /* A few bytes that would unpack into 40 GB of pixels. */
  g_assert_false (pl_report_set_logo (plan, huge, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "The logo is 100000 × 100000 pixels; a logo is at most 4096 pixels wide and high.");
  g_clear_error (&error);
  g_assert_false (pl_report_set_logo (plan, wide, &error));
  g_clear_error (&error);
  g_assert_true (pl_report_check_logo (largest, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_clear_pointer (&stored, g_bytes_unref);
  stored = pl_report_dup_logo (plan);
  g_assert_true (g_bytes_equal (stored, png));

  g_assert_true (pl_report_set_logo (plan, NULL, &error));
  g_assert_null (pl_report_dup_logo (plan));
  g_assert_true (pl_plan_undo (plan));
  g_clear_pointer (&stored, g_bytes_unref);
  stored = pl_report_dup_logo (plan);
  g_assert_true (g_bytes_equal (stored, png));
  g_assert_true (pl_plan_undo (plan));
  g_assert_null (pl_report_dup_logo (plan));
  g_assert_false (pl_plan_get_modified (plan));
}

static void
test_next_step (void)
{
  g_autoptr(PlPlan) plan = load_example ();
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, 0);

  g_assert_true (pl_plan_set_string (plan, campaign, PL_CAMPAIGN_NEXT_STEP, "New landing page.", NULL));
  g_assert_cmpstr (pl_item_get_string (campaign, PL_CAMPAIGN_NEXT_STEP), ==, "New landing page.");
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Change what is being done");
}

/* Typed again, a section's text replaces the old one: the only section's, the last one's and
 * a middle one's alike (the last one's was once removed instead). */
static void
test_commentary_again (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  const char *sections[] = { "summary", "budget", "summary", "chain", "budget", "summary" };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *text = g_strdup_printf ("Take %u.", i);

      g_assert_true (pl_report_set_commentary (PL_PLAN (plan), sections[i], text, NULL));
      g_assert_cmpstr (pl_report_get_commentary (plan, sections[i]), ==, text);
    }
  g_assert_cmpstr (pl_report_get_commentary (plan, "budget"), ==, "Take 4.");
  g_assert_cmpstr (pl_report_get_commentary (plan, "chain"), ==, "Take 3.");
  g_assert_true (pl_plan_undo (plan));
  g_assert_cmpstr (pl_report_get_commentary (plan, "summary"), ==, "Take 2.");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-settings/headlines/default", test_headlines_default);
  g_test_add_func ("/report-settings/headlines/without-revenue", test_headlines_without_revenue);
  g_test_add_func ("/report-settings/headlines/few-kpis", test_headlines_few_kpis);
  g_test_add_func ("/report-settings/headlines/chosen", test_headlines_chosen);
  g_test_add_func ("/report-settings/headlines/not-a-kpi", test_headlines_not_kpi);
  g_test_add_func ("/report-settings/commentary", test_commentary);
  g_test_add_func ("/report-settings/commentary/again", test_commentary_again);
  g_test_add_func ("/report-settings/logo", test_logo);
  g_test_add_func ("/report-settings/next-step", test_next_step);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plan templates by business model (issue 26): each builds a valid plan whose chain computes
 * its figures from a few typed measurements; B2B SaaS is the default plan; names translate. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "pl-basis.h"
#include "pl-error.h"
#include "pl-figures.h"
#include "pl-i18n.h"
#include "pl-plan-diff.h"
#include "pl-plan-reader.h"
#include "pl-plan-validate.h"
#include "pl-plan-writer.h"
#include "pl-template-file.h"

static PlPlan *
new_plan (const char *id)
{
  g_autoptr(GDate) start = g_date_new_dmy (1, G_DATE_APRIL, 2027);
  PlTemplateSettings settings = { "Plan 2027", "Lumen", "USD", g_date_get_julian (start), 12 };
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_template_new_plan (id, &settings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* Types @value as the measurement of the KPI @id in the period's first month. */
static void
measure (PlPlan *plan, const char *id, double value)
{
  PlItem *kpi = pl_plan_lookup (plan, id);

  g_assert_true (PL_IS_KPI (kpi));
  pl_plan_set_point (plan, PL_KPI (kpi), PL_SERIES_MEASUREMENTS, pl_plan_month_start (plan, 0), value, NULL);
}

static double
figure (PlPlan *plan, PlFigureKind kind)
{
  PlBasis month = pl_basis_month (plan, 0);

  return pl_figures_get (plan, kind, &month).value;
}

static double
kpi_value (PlPlan *plan, const char *id)
{
  PlBasis month = pl_basis_month (plan, 0);

  return pl_figures_kpi (plan, PL_KPI (pl_plan_lookup (plan, id)), PL_SERIES_MEASUREMENTS, &month).value;
}

static void
test_list (void)
{
  g_autoptr(GPtrArray) templates = pl_template_list ();
  static const char *ids[] = { "b2b-saas", "b2b-services", "e-commerce" };

  g_assert_cmpuint (templates->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      PlTemplateInfo *info = templates->pdata[i];
      g_assert_cmpstr (info->id, ==, ids[i]);
      g_assert_cmpuint (strlen (info->name), >, 0);
      g_assert_cmpuint (strlen (info->description), >, 20);
    }
}

/* Every template makes a plan with no problem, that is written and read back against the
 * plan schema, with its settings and its review cadence on weekdays in the period. */
static void
test_valid (void)
{
  g_autoptr(GPtrArray) templates = pl_template_list ();

  for (guint i = 0; i < templates->len; i++)
    {
      PlTemplateInfo *info = templates->pdata[i];
      g_autoptr(PlPlan) plan = new_plan (info->id);
      g_autoptr(GPtrArray) problems = pl_plan_validate (plan);
      g_autoptr(GBytes) bytes = pl_plan_write_bytes (plan);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlPlan) back = pl_plan_read_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                   info->id, PL_READ_SCHEMA, &error);
      GListModel *entries = pl_plan_get_collection (plan, PL_COLLECTION_CALENDAR);

      for (guint p = 0; p < problems->len; p++)
        g_printerr ("%s: %s\n", info->id, ((PlProblem *) problems->pdata[p])->message);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_no_error (error);
      g_assert_cmpstr (pl_plan_get_title (back), ==, "Plan 2027");
      g_assert_cmpstr (pl_plan_get_currency (back), ==, "USD");
      g_assert_cmpuint (pl_plan_get_months (back), ==, 12);
      g_assert_cmpuint (pl_plan_get_n (back, PL_COLLECTION_KPIS), >=, 10);
      g_assert_cmpuint (pl_plan_get_n (back, PL_COLLECTION_CATEGORIES), >=, 8);
      g_assert_cmpuint (g_list_model_get_n_items (entries), >=, 3);
      for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
        {
          g_autoptr(PlItem) entry = g_list_model_get_item (entries, e);
          GDate day;

          g_assert_cmpint (pl_item_get_int (entry, PL_ENTRY_KIND), ==, PL_ENTRY_REVIEW);
          g_assert_true (pl_item_get_date (entry, PL_ENTRY_START, &day));
          g_assert_cmpint (g_date_get_weekday (&day), <, G_DATE_SATURDAY);
          g_assert_cmpint (pl_plan_month_index (plan, g_date_get_julian (&day)), >=, 0);
        }
    }
}

/* B2B SaaS is the plan Pilote always started from, with a review cadence added. */
static void
test_saas_is_default (void)
{
  g_autoptr(PlPlan) standard = pl_plan_new_default ("Plan");
  PlTemplateSettings settings = { "Plan", NULL, NULL, 0, 0 };
  g_autoptr(PlPlan) plan = pl_template_new_plan (PL_TEMPLATE_DEFAULT, &settings, NULL);
  g_autoptr(PlPlanDiff) diff = pl_plan_diff (standard, plan);

  for (guint i = 0; i < diff->records->len; i++)
    {
      const PlRecordChange *change = diff->records->pdata[i];
      g_assert_cmpint (change->kind, ==, PL_DIFF_ADDED);
      g_assert_cmpint (change->collection, ==, PL_COLLECTION_CALENDAR);
    }
  g_assert_cmpuint (diff->n_added, ==, 3);
  g_assert_cmpuint (diff->n_changed + diff->n_removed, ==, 0);
}

static void
test_saas_chain (void)
{
  g_autoptr(PlPlan) plan = new_plan ("b2b-saas");

  measure (plan, "kpi-spend", 10000);
  measure (plan, "kpi-leads", 200);
  measure (plan, "kpi-new-customers", 10);
  measure (plan, "kpi-customers", 100);
  measure (plan, "kpi-mrr", 50000);
  measure (plan, "kpi-churn", 0.02);
  g_assert_cmpfloat_with_epsilon (figure (plan, PL_FIGURE_CPL), 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (figure (plan, PL_FIGURE_CAC), 1000, 1e-9);
  g_assert_cmpfloat_with_epsilon (figure (plan, PL_FIGURE_ARPU), 500, 1e-9);
  /* No margin measured: LTV counts 100 % (DOMAIN.md). */
  g_assert_cmpfloat_with_epsilon (figure (plan, PL_FIGURE_LTV), 25000, 1e-6);
  g_assert_cmpfloat_with_epsilon (figure (plan, PL_FIGURE_LTV_CAC), 25, 1e-9);
  g_assert_cmpfloat_with_epsilon (kpi_value (plan, "kpi-ltv-cac"), 25, 1e-9);
  g_assert_true (pl_figures_kpi_for_figure (plan, PL_FIGURE_CAC) == PL_KPI (pl_plan_lookup (plan, "kpi-cac")));
}

/* B2B services: a signed contract stands for a new customer, a contract's value for ARPU,
 * clients who do not sign again for churn. */
static void
test_services_chain (void)
{
  g_autoptr(PlPlan) plan = new_plan ("b2b-services");
  PlBasis month;
  PlFigure conversion;

  measure (plan, "kpi-spend", 6000);
  measure (plan, "kpi-leads", 60);
  measure (plan, "kpi-meetings", 20);
  measure (plan, "kpi-proposals", 10);
  measure (plan, "kpi-contracts", 3);
  measure (plan, "kpi-revenue", 90000);
  measure (plan, "kpi-margin", 0.4);
  measure (plan, "kpi-repeat", 0.5);
  g_assert_cmpfloat_with_epsilon (figure (plan, PL_FIGURE_CPL), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (figure (plan, PL_FIGURE_CAC), 2000, 1e-9);
  g_assert_cmpfloat_with_epsilon (figure (plan, PL_FIGURE_ARPU), 30000, 1e-9);
  g_assert_cmpfloat_with_epsilon (figure (plan, PL_FIGURE_LTV), 24000, 1e-6);
  g_assert_cmpfloat_with_epsilon (figure (plan, PL_FIGURE_LTV_CAC), 12, 1e-9);
  /* The template's own KPIs say the same as the figures. */
  g_assert_cmpfloat_with_epsilon (kpi_value (plan, "kpi-cac"), 2000, 1e-9);
  g_assert_cmpfloat_with_epsilon (kpi_value (plan, "kpi-ltv"), 24000, 1e-6);
  g_assert_cmpfloat_with_epsilon (kpi_value (plan, "kpi-win-rate"), 0.3, 1e-9);
  g_assert_true (pl_figures_kpi_for_figure (plan, PL_FIGURE_CAC) == PL_KPI (pl_plan_lookup (plan, "kpi-cac")));
  month = pl_basis_month (plan, 0);
  conversion = pl_figures_get_conversion (plan, PL_STAGE_OPPORTUNITIES, PL_STAGE_NEW_CUSTOMERS, &month);
  g_assert_cmpfloat_with_epsilon (conversion.value, 0.3, 1e-9);
}

/* E-commerce: an order stands for a new customer (what an order costs for CAC), the average
 * basket for ARPU, customers who do not buy again for churn; there are no leads. */
static void
test_ecommerce_chain (void)
{
  g_autoptr(PlPlan) plan = new_plan ("e-commerce");
  PlBasis month = pl_basis_month (plan, 0);
  PlFunnelStage stages[PL_FUNNEL_MAX_STAGES];
  guint n;

  measure (plan, "kpi-spend", 5000);
  measure (plan, "kpi-sessions", 50000);
  measure (plan, "kpi-carts", 2500);
  measure (plan, "kpi-orders", 1000);
  measure (plan, "kpi-revenue", 60000);
  measure (plan, "kpi-margin", 0.5);
  measure (plan, "kpi-repeat", 0.3);
  g_assert_true (isnan (figure (plan, PL_FIGURE_CPL)));
  g_assert_cmpint (pl_figures_get (plan, PL_FIGURE_CPL, &month).missing, ==, PL_MISSING_NO_KPI);
  g_assert_cmpfloat_with_epsilon (figure (plan, PL_FIGURE_CAC), 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (figure (plan, PL_FIGURE_ARPU), 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (figure (plan, PL_FIGURE_LTV), 60 * 0.5 / 0.7, 1e-9);
  g_assert_cmpfloat_with_epsilon (kpi_value (plan, "kpi-ltv"), 60 * 0.5 / 0.7, 1e-9);
  g_assert_cmpfloat_with_epsilon (kpi_value (plan, "kpi-basket"), 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (kpi_value (plan, "kpi-conversion"), 0.02, 1e-12);
  g_assert_cmpfloat_with_epsilon (kpi_value (plan, "kpi-ltv-cac"), figure (plan, PL_FIGURE_LTV_CAC), 1e-9);
  g_assert_true (pl_figures_kpi_for_figure (plan, PL_FIGURE_CAC) == PL_KPI (pl_plan_lookup (plan, "kpi-cpo")));
  g_assert_nonnull (strstr (pl_item_get_string (pl_plan_lookup (plan, "kpi-cpo"), PL_KPI_DESCRIPTION), "acquisition cost"));
  /* The funnel: sessions, add-to-cart, orders, under the model's own names. */
  n = pl_figures_funnel (plan, &month, stages);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (pl_item_get_string (PL_ITEM (stages[0].kpi), PL_KPI_NAME), ==, "Sessions");
  g_assert_cmpstr (pl_item_get_string (PL_ITEM (stages[1].kpi), PL_KPI_NAME), ==, "Add-to-cart");
  g_assert_cmpstr (pl_item_get_string (PL_ITEM (stages[2].kpi), PL_KPI_NAME), ==, "Orders");
  g_assert_cmpfloat_with_epsilon (stages[2].rate.value, 0.4, 1e-9);
}

/* The KPIs a new plan shows on the leadership dashboard (issue 26, doc/templates.md). */
static void
check_dashboard (const char *id, const char *const *expected)
{
  g_autoptr(PlPlan) plan = new_plan (id);
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  guint ticked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      gboolean shown = pl_item_get_int (kpi, PL_KPI_DASHBOARD);

      g_assert_cmpint (shown, ==, g_strv_contains (expected, pl_item_get_id (kpi)));
      ticked += shown;
    }
  g_assert_cmpuint (ticked, >=, 6);
  g_assert_cmpuint (ticked, <=, 8);
}

static void
test_dashboard (void)
{
  const char *const services[] = { "kpi-spend", "kpi-leads", "kpi-contracts", "kpi-revenue", "kpi-cpl",
                                   "kpi-win-rate", "kpi-cac", "kpi-ltv-cac", NULL };
  const char *const shop[] = { "kpi-spend", "kpi-sessions", "kpi-orders", "kpi-revenue", "kpi-conversion",
                               "kpi-basket", "kpi-cpo", "kpi-ltv-cac", NULL };

  check_dashboard ("b2b-services", services);
  check_dashboard ("e-commerce", shop);
}

static void
test_bad_settings (void)
{
  PlTemplateSettings months = { NULL, NULL, NULL, 0, 40 };
  PlTemplateSettings currency = { NULL, NULL, "EURO", 0, 0 };
  g_autoptr(GDate) mid_month = g_date_new_dmy (15, G_DATE_MARCH, 2027);
  PlTemplateSettings start = { NULL, NULL, NULL, g_date_get_julian (mid_month), 0 };
  PlTemplateSettings fine = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_null (pl_template_new_plan ("nope", &fine, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (pl_template_new_plan ("../questionnaire/pilote-questionnaire", &fine, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (pl_template_new_plan ("e-commerce", &months, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_null (pl_template_new_plan ("e-commerce", &currency, &error));
  g_assert_nonnull (strstr (error->message, "EURO"));
  g_clear_error (&error);
  g_assert_null (pl_template_new_plan ("e-commerce", &start, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
}

/* A template naming a stage the plan file does not know is refused, not half read. */
static void
test_bad_file (void)
{
  static const char text[] =
    "<template xmlns='https://pilote.github.io/ns/template' id='x' version='1'><name>X</name>"
    "<description>x</description><categories/><kpis>"
    "<kpi id='kpi-a' unit='count' direction='higher' layer='funnel' stage='meetings' aggregate='sum' "
    "frequency='monthly'><name>A</name></kpi></kpis><links/></template>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  PlTemplateSettings settings = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_null (pl_template_read (bytes, &settings, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "meetings"));
}

/* In French the names come out in French: those of the standard chain are translated. */
static void
test_french (void)
{
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GPtrArray) templates = NULL;

  g_setenv ("LANGUAGE", "fr", TRUE);
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is missing: run tools/install-deps");
      return;
    }
  plan = new_plan ("b2b-saas");
  g_assert_cmpstr (pl_item_get_string (pl_plan_lookup (plan, "kpi-cpl"), PL_KPI_NAME), !=, "Cost per lead");
  g_assert_cmpstr (pl_item_get_string (pl_plan_lookup (plan, "kpi-cpl"), PL_KPI_NAME), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Cost per lead"));
  g_assert_cmpstr (pl_item_get_string (pl_plan_lookup (plan, "cat-staff"), PL_CATEGORY_NAME), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Staff"));
  g_assert_cmpstr (pl_item_get_string (pl_plan_lookup (plan, "cat-staff"), PL_CATEGORY_NAME), !=, "Staff");
  templates = pl_template_list ();
  g_assert_cmpstr (((PlTemplateInfo *) templates->pdata[1])->name, ==, g_dgettext (GETTEXT_PACKAGE, "B2B services"));
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
}

int
main (int argc, char **argv)
{
  pl_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  /* First: GLib decides at its first translation whether the program is translated. */
  g_test_add_func ("/templates/french", test_french);
  g_test_add_func ("/templates/list", test_list);
  g_test_add_func ("/templates/valid", test_valid);
  g_test_add_func ("/templates/saas-is-default", test_saas_is_default);
  g_test_add_func ("/templates/saas-chain", test_saas_chain);
  g_test_add_func ("/templates/services-chain", test_services_chain);
  g_test_add_func ("/templates/e-commerce-chain", test_ecommerce_chain);
  g_test_add_func ("/templates/dashboard", test_dashboard);
  g_test_add_func ("/templates/bad-settings", test_bad_settings);
  g_test_add_func ("/templates/bad-file", test_bad_file);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window in the user's language and locale: run once in French (LANGUAGE=fr,
 * LC_ALL=fr_FR.UTF-8) and once in American English, it finds each page's words and figures as
 * that reader writes them, and leaves a screenshot of every page (locale-LANG-PAGE.png) to
 * check that the longer French strings are not cut. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pl-calendar.h"
#include "pl-chart-table.h"
#include "pl-document.h"
#include "pl-error.h"
#include "pl-field-text.h"
#include "pl-plan-file.h"
#include "pl-records.h"
#include "pl-test-util.h"

typedef struct {
  const char *page;
  const char *text;  /* shown by some label of the page, no-break spaces as plain spaces */
} Expected;

static const Expected french[] = {
  { "dashboard", "Tableau de bord" },
  { "dashboard", "Campagnes à surveiller" },
  { "plan", "Exercice" },
  { "campaigns", "13 campagnes" },
  { "budget", "Ensemble du plan : 1 844 500 € prévus, 888 017,31 € dépensés, 956 482,69 € restants · 96 % consommés au 30 juin 2027 · 48 % du budget de toute la période" },
  { "calendar", "Frise chronologique" },
  { "kpis", "Importer des mesures…" },
  { "chain", "Chaîne d’indicateurs" },  /* the hygiene panel opens hidden when the chain needs the room */
  { "assessment", "En bonne voie" },
  { "planning", "Coût par lead" },
};

static const Expected english[] = {
  { "dashboard", "Dashboard" },
  { "dashboard", "Campaigns That Need Attention" },
  { "plan", "Fiscal period" },
  { "campaigns", "13 campaigns" },
  { "budget", "Whole plan: €1,844,500 planned, €888,017.31 spent, €956,482.69 remaining · 96% used to June 30, 2027 · 48% of the whole period’s budget" },
  { "calendar", "Timeline" },
  { "kpis", "Import Measurements…" },
  { "chain", "KPI Chain" },
  { "assessment", "On track" },
  { "planning", "Cost per lead" },
};

static const char *pages[] = { "dashboard", "plan", "campaigns", "budget", "calendar", "kpis", "chain", "assessment",
                               "planning" };

/* @text with its no-break spaces (French puts them before ":" and "%", and between
 * thousands) made plain. */
static char *
plain_spaces (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("[\\x{00A0}\\x{202F}]", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

/* TRUE when a label or button under @root that is showing reads @text (or contains it). */
static gboolean
shows_text (GtkWidget *root, const char *text)
{
  const char *shown = NULL;

  if (!gtk_widget_get_mapped (root))
    return FALSE;
  if (GTK_IS_LABEL (root))
    shown = gtk_label_get_text (GTK_LABEL (root));
  else if (GTK_IS_BUTTON (root))
    shown = gtk_button_get_label (GTK_BUTTON (root));
  if (shown != NULL)
    {
      g_autofree char *spaced = plain_spaces (shown);
      /* A button's label keeps its mnemonic's underscore. */
      g_auto(GStrv) parts = g_strsplit (spaced, "_", -1);
      g_autofree char *plain = g_strjoinv ("", parts);
      if (strstr (plain, text) != NULL)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static void
test_pages (void)
{
  const char *language = g_getenv ("LANGUAGE");
  gboolean in_french = g_strcmp0 (language, "fr") == 0;
  const Expected *expected = in_french ? french : english;
  guint n_expected = in_french ? G_N_ELEMENTS (french) : G_N_ELEMENTS (english);
  g_autofree char *dir = pl_test_scratch_dir ("pilote-locale-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autofree char *shot = g_strdup_printf ("locale-%s-%s", in_french ? "fr" : "en", pages[p]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[p]);
      pl_test_wait_drawn (GTK_WIDGET (window));
      for (guint i = 0; i < n_expected; i++)
        if (g_str_equal (expected[i].page, pages[p]) && !shows_text (GTK_WIDGET (window), expected[i].text))
          g_error ("%s page: “%s” is not shown", pages[p], expected[i].text);
      pl_test_screenshot (GTK_WIDGET (window), shot);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  g_unlink (path);
  g_rmdir (dir);
}

/* "Start From the Example" opens the example in the reader's language: the Lyon company's plan
 * in French, Northwind's in English, unsaved and unchanged; its dashboard, budget and campaigns
 * pages are left as screenshots (example-LANG-PAGE.png). */
static void
test_example (void)
{
  gboolean in_french = g_strcmp0 (g_getenv ("LANGUAGE"), "fr") == 0;
  GtkWindow *window = pl_application_new_plan (pl_test_app, TRUE);
  PlDocument *document = pl_window_get_document (PL_WINDOW (window));
  static const char *shown[] = { "dashboard", "budget", "campaigns" };

  g_assert_cmpstr (pl_plan_get_title (pl_document_get_plan (document)), ==,
                   in_french ? "Tramontane – Plan marketing 2027" : "Northwind Analytics – Marketing plan 2027");
  g_assert_null (pl_document_get_file (document));
  g_assert_false (pl_document_get_modified (document));
  gtk_window_set_default_size (window, 1366, 768);
  for (guint p = 0; p < G_N_ELEMENTS (shown); p++)
    {
      g_autofree char *shot = g_strdup_printf ("example-%s-%s", in_french ? "fr" : "en", shown[p]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", shown[p]);
      pl_test_wait_drawn (GTK_WIDGET (window));
      pl_test_screenshot (GTK_WIDGET (window), shot);
    }
  gtk_window_destroy (window);
  pl_test_spin ();
}

/* The reference plan of round numbers (worked out in tests/cli/test-cli.c) read back from the
 * funnel's and the chain's tables and from a dashboard tile's accessible summary, in the
 * reader's language: the same figures as the summary and the report. */
static void
test_reference (void)
{
  gboolean in_french = g_strcmp0 (g_getenv ("LANGUAGE"), "fr") == 0;
  g_autofree char *dir = pl_test_scratch_dir ("pilote-locale-XXXXXX");
  g_autofree char *path = pl_test_copy_plan (dir, "tests/data/round-numbers.pilote", "round-numbers.pilote");
  PlWindow *window;
  PlPlan *plan;
  g_autoptr(GPtrArray) funnel = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  GtkWidget *page, *tiles;
  g_autofree char *tile = NULL;
  static const char *rates_fr[] = { "—", "10,0 %", "25,0 %", "40,0 %", "25,0 %" };
  static const char *rates_en[] = { "—", "10.0%", "25.0%", "40.0%", "25.0%" };
  const char **rates = in_french ? rates_fr : rates_en;

  window = pl_test_open_in_window (path);
  plan = pl_document_get_plan (pl_window_get_document (window));
  funnel = pl_chart_table_rows (plan, "funnel", pl_calendar_today ());
  g_assert_cmpuint (funnel->len, ==, 6);
  for (guint r = 1; r < funnel->len; r++)
    {
      g_autofree char *rate = plain_spaces (((char **) g_ptr_array_index (funnel, r))[3]);
      g_assert_cmpstr (rate, ==, rates[r - 1]);
    }
  {
    g_autofree char *visitors = plain_spaces (((char **) g_ptr_array_index (funnel, 1))[1]);
    g_assert_cmpstr (visitors, ==, in_french ? "2 000" : "2,000");
  }
  chain = pl_chart_table_rows (plan, "chain", pl_calendar_today ());
  for (guint r = 1; r < chain->len; r++)
    if (g_str_equal (((char **) g_ptr_array_index (chain, r))[0], "Leads"))
      g_assert_cmpstr (((char **) g_ptr_array_index (chain, r))[3], ==, in_french ? "Hors objectif" : "Off target");

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  page = pl_test_find_by_id (GTK_WIDGET (window), "page_stack");
  pl_test_wait_drawn (page);
  tiles = pl_test_find_by_id (page, "tiles");
  /* The figures, then the forecast of the rest of the period; in French with a narrow
   * no-break space before ":", ";" and "%", and between thousands. */
  tile = g_strdup (gtk_widget_get_tooltip_text (gtk_grid_get_child_at (GTK_GRID (tiles), 0, 0)));
  g_assert_cmpstr (tile, ==, in_french ? "Leads, février 2027\u202F: 80, hors objectif (objectif 100), en baisse par rapport à 120 "
                                         "le mois précédent. En route vers 236 à 2\u202F152 d’ici fin décembre 2027 "
                                         "(fourchette à 80\u202F%\u202F; 10 mois prévus\u202F; méthode\u202F: dernière valeur reconduite)."
                                       : "Leads, February 2027: 80, off target (target 100), down from 120 the month before. "
                                         "On course for 236 to 2,152 by the end of December 2027 "
                                         "(80% band; 10 months forecast; method: last value carried forward).");
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  g_unlink (path);
  g_rmdir (dir);
}

/* A date field takes the date as it shows it (2027-03-31) and as the reader writes it short:
 * 31/03/2027 in French, 3/31/2027 in American English. A money field takes back what it
 * shows, the currency sign included. */
static void
test_typed (void)
{
  gboolean in_french = g_strcmp0 (g_getenv ("LANGUAGE"), "fr") == 0;
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, 0, NULL, &error);
  g_autoptr(PlItem) campaign = NULL;
  static const char *dates[] = { "2027-03-31", NULL };
  GDate expected;

  g_assert_no_error (error);
  campaign = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS), 0);
  dates[1] = in_french ? "31/03/2027" : "3/31/2027";
  g_date_clear (&expected, 1);
  g_date_set_dmy (&expected, 31, G_DATE_MARCH, 2027);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_assert_true (pl_field_apply (plan, campaign, PL_CAMPAIGN_END, "2027-12-31", TRUE, &error));
      g_assert_true (pl_field_apply (plan, campaign, PL_CAMPAIGN_START, dates[i], TRUE, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (pl_item_get_julian (campaign, PL_CAMPAIGN_START), ==, g_date_get_julian (&expected));
    }
  /* Not a date in any reading. */
  g_assert_false (pl_field_apply (plan, campaign, PL_CAMPAIGN_START, "31/31/2027", TRUE, &error));
  g_clear_error (&error);

  {
    g_autoptr(PlItem) spend = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_SPEND), 0);
    const char *typed = in_french ? "1 234,56 €" : "€1,234.56";
    g_autofree char *shown = NULL;
    g_autofree char *plain = NULL;

    g_assert_true (pl_field_apply (plan, spend, PL_SPEND_AMOUNT, typed, TRUE, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pl_item_get_int (spend, PL_SPEND_AMOUNT), ==, 123456);
    shown = pl_field_format (plan, spend, PL_SPEND_AMOUNT);
    plain = plain_spaces (shown);
    g_assert_cmpstr (plain, ==, in_french ? "1 234,56" : "1,234.56");
    g_assert_true (pl_field_apply (plan, spend, PL_SPEND_AMOUNT, shown, TRUE, &error));
    g_assert_cmpint (pl_item_get_int (spend, PL_SPEND_AMOUNT), ==, 123456);
    /* A round amount keeps its cents, so that a column of amounts lines up. */
    g_assert_true (pl_field_apply (plan, spend, PL_SPEND_AMOUNT, "14124", TRUE, &error));
    g_free (shown);
    g_free (plain);
    shown = pl_field_format (plan, spend, PL_SPEND_AMOUNT);
    plain = plain_spaces (shown);
    g_assert_cmpstr (plain, ==, in_french ? "14 124,00" : "14,124.00");
  }
  /* An objective's target reads in its KPI's unit: grouped revenue, a churn rate in percent;
   * what it shows types back. */
  {
    GListModel *objectives = pl_plan_get_collection (plan, PL_COLLECTION_OBJECTIVES);
    g_autoptr(PlItem) revenue = g_list_model_get_item (objectives, 0);
    g_autoptr(PlItem) churn = g_list_model_get_item (objectives, 4);
    g_autofree char *revenue_text = pl_field_format (plan, revenue, PL_OBJECTIVE_TARGET);
    g_autofree char *churn_text = pl_field_format (plan, churn, PL_OBJECTIVE_TARGET);
    g_autofree char *revenue_plain = plain_spaces (revenue_text);
    g_autofree char *churn_plain = plain_spaces (churn_text);

    g_assert_cmpstr (revenue_plain, ==, in_french ? "527 597" : "527,597");
    g_assert_cmpstr (churn_plain, ==, in_french ? "1,5 %" : "1.5%");
    g_assert_true (pl_field_apply (plan, churn, PL_OBJECTIVE_TARGET, in_french ? "1,4 %" : "1.4%", TRUE, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (pl_item_get_double (churn, PL_OBJECTIVE_TARGET), 0.014, 1e-12);
    g_assert_true (pl_field_apply (plan, revenue, PL_OBJECTIVE_TARGET, revenue_text, TRUE, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat (pl_item_get_double (revenue, PL_OBJECTIVE_TARGET), ==, 527597);
    g_assert_false (pl_field_apply (plan, revenue, PL_OBJECTIVE_TARGET, "lots", TRUE, &error));
    g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
    g_clear_error (&error);
  }
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/locale/pages", test_pages);
  g_test_add_func ("/locale/typed", test_typed);
  g_test_add_func ("/locale/reference", test_reference);
  g_test_add_func ("/locale/example", test_example);
  return g_test_run ();
}

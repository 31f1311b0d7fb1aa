/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The maturity questionnaire: the built-in file, reading answers written for an older
 * version, refused files, and the scoring and persona rules against hand-worked answers. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "pl-enums.h"
#include "pl-error.h"
#include "pl-maturity-evidence.h"
#include "pl-maturity.h"
#include "pl-plan-file.h"
#include "pl-questionnaire-file.h"

static GVariant *
answers (const char *first_id, ...)
{
  GVariantBuilder builder;
  va_list args;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sy)"));
  va_start (args, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (args, const char *))
    g_variant_builder_add (&builder, "(sy)", id, (guchar) va_arg (args, int));
  va_end (args);
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static void
test_built_in (void)
{
  const PlQuestionnaire *questionnaire = pl_questionnaire_get_default ();
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, NULL);
  GListModel *assessments = pl_plan_get_collection (plan, PL_COLLECTION_ASSESSMENTS);
  guint questions = 0;

  g_assert_nonnull (questionnaire);
  g_assert_cmpuint (questionnaire->dimensions->len, ==, 10);
  g_assert_cmpuint (questionnaire->personas->len, ==, 3);
  g_assert_cmpstr (((PlPersona *) questionnaire->personas->pdata[0])->id, ==, "leaders");
  for (guint d = 0; d < questionnaire->dimensions->len; d++)
    {
      PlDimension *dimension = questionnaire->dimensions->pdata[d];
      g_assert_cmpstr (dimension->title, !=, "");
      g_assert_cmpstr (dimension->advice, !=, "");
      for (guint q = 0; q < dimension->questions->len; q++)
        {
          PlQuestion *question = dimension->questions->pdata[q];
          g_assert_cmpuint (question->dimension, ==, d);
          g_assert_cmpstr (question->levels[2], !=, "");
          questions++;
        }
    }
  g_assert_cmpuint (questions, ==, 30);
  /* Every answer of the example is to a question of the questionnaire. */
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(PlItem) assessment = g_list_model_get_item (assessments, i);
      GVariantIter iter;
      const char *id;
      guchar value;

      g_variant_iter_init (&iter, pl_item_get_variant (assessment, PL_ASSESSMENT_ANSWERS));
      while (g_variant_iter_next (&iter, "(&sy)", &id, &value))
        g_assert_nonnull (pl_questionnaire_lookup (questionnaire, id));
    }
}

/* A small questionnaire for the rules: two dimensions of two questions, and a version 2
 * that replaced "q-a-old" by "q-a-new". */
static const char small[] =
  "<questionnaire xmlns='https://pilote.github.io/ns/questionnaire' version='2'>"
  "<scoring><description>Rule.</description></scoring>"
  "<personas>"
  "<persona id='leaders' min-overall='70'><name>Leaders</name><description>L</description><floor dimension='b' min='60'/></persona>"
  "<persona id='on-track' min-overall='45'><name>On track</name><description>O</description></persona>"
  "<persona id='laggards' min-overall='0'><name>Laggards</name><description>G</description></persona>"
  "</personas>"
  "<dimension id='a'><title>A</title><advice>Do A.</advice>"
  "<question id='q-a-new'><statement>S</statement><level score='1'>1</level><level score='3'>3</level><level score='5'>5</level></question>"
  "<question id='q-a-2'><statement>S</statement><level score='1'>1</level><level score='3'>3</level><level score='5'>5</level></question>"
  "</dimension>"
  "<dimension id='b'><title>B</title><advice>Do B.</advice>"
  "<question id='q-b-1'><statement>S</statement><level score='1'>1</level><level score='3'>3</level><level score='5'>5</level></question>"
  "<question id='q-b-2'><statement>S</statement><level score='1'>1</level><level score='3'>3</level><level score='5'>5</level></question>"
  "</dimension>"
  "<retired><question id='q-a-old' replaced-by='q-a-new'/></retired>"
  "</questionnaire>";

static PlQuestionnaire *
small_questionnaire (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (small, sizeof small - 1);
  g_autoptr(GError) error = NULL;
  PlQuestionnaire *questionnaire = pl_questionnaire_read (bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (questionnaire->version, ==, 2);
  return questionnaire;
}

static void
test_scoring (void)
{
  g_autoptr(PlQuestionnaire) questionnaire = small_questionnaire ();

  {
    /* 5 and 3 make 75 for A; B has only "I don't know": not scored, not zero. */
    g_autoptr(GVariant) given = answers ("q-a-new", 5, "q-a-2", 3, "q-b-1", 0, NULL);
    g_autoptr(PlMaturity) m = pl_maturity_score_answers (questionnaire, given);
    g_assert_cmpfloat (m->scores[0], ==, 75);
    g_assert_true (isnan (m->scores[1]));
    g_assert_cmpfloat (m->overall, ==, 75);
    g_assert_cmpuint (m->n_answered, ==, 2);
    /* 75 overall, but the floor on B is not shown: not Leaders. */
    g_assert_cmpstr (m->persona->id, ==, "on-track");
  }
  {
    /* An answer to the retired question counts for its replacement; unknown IDs are skipped. */
    g_autoptr(GVariant) given = answers ("q-a-old", 5, "q-a-2", 5, "q-b-1", 4, "q-b-2", 4, "q-gone", 1, NULL);
    g_autoptr(PlMaturity) m = pl_maturity_score_answers (questionnaire, given);
    g_assert_cmpfloat (m->scores[0], ==, 100);
    g_assert_cmpfloat (m->scores[1], ==, 75);
    g_assert_cmpfloat (m->overall, ==, 87.5);
    g_assert_cmpstr (m->persona->id, ==, "leaders");
  }
  {
    /* Boundaries: exactly 70 overall with B exactly 60 is Leaders... */
    double scores[] = { 80, 60 };
    g_assert_cmpstr (pl_maturity_persona (questionnaire, scores, 70)->id, ==, "leaders");
    /* ...just under either bar is not. */
    scores[1] = 59.9;
    g_assert_cmpstr (pl_maturity_persona (questionnaire, scores, 70)->id, ==, "on-track");
    scores[1] = 60;
    g_assert_cmpstr (pl_maturity_persona (questionnaire, scores, 69.9)->id, ==, "on-track");
    g_assert_cmpstr (pl_maturity_persona (questionnaire, scores, 45)->id, ==, "on-track");
    g_assert_cmpstr (pl_maturity_persona (questionnaire, scores, 44.9)->id, ==, "laggards");
    g_assert_cmpstr (pl_maturity_persona (questionnaire, scores, 0)->id, ==, "laggards");
    g_assert_null (pl_maturity_persona (questionnaire, scores, NAN));
  }
  {
    /* Nothing answered: nothing scored, no persona. */
    g_autoptr(GVariant) given = answers (NULL);
    g_autoptr(PlMaturity) m = pl_maturity_score_answers (questionnaire, given);
    g_assert_true (isnan (m->overall));
    g_assert_null (m->persona);
  }
}

/* A round with two respondents: the mean per dimension, and its spread. */
static void
test_round (void)
{
  g_autoptr(PlQuestionnaire) questionnaire = small_questionnaire ();
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(GPtrArray) rounds = NULL;
  const char *who[] = { "Claire", "Hugo", "Sam" };
  const int ratings[][4] = { { 5, 5, 3, 3 }, { 3, 3, 5, 5 }, { 1, 1, 1, 1 } };
  const char *round_of[] = { "2027", "2027", "2026" };

  for (guint r = 0; r < 3; r++)
    {
      g_autoptr(PlItem) assessment = g_object_new (PL_TYPE_ASSESSMENT, NULL);
      g_autoptr(GVariant) given = answers ("q-a-new", ratings[r][0], "q-a-2", ratings[r][1], "q-b-1", ratings[r][2],
                                           "q-b-2", ratings[r][3], NULL);
      pl_item_set_string (assessment, PL_ASSESSMENT_ROUND, round_of[r]);
      pl_item_set_string (assessment, PL_ASSESSMENT_RESPONDENT, who[r]);
      pl_item_set_julian (assessment, PL_ASSESSMENT_DATE, pl_plan_get_start (plan) + (r == 2 ? 0 : 400));
      pl_item_set_variant (assessment, PL_ASSESSMENT_ANSWERS, given);
      pl_plan_add (plan, assessment);
    }
  rounds = pl_maturity_rounds (plan);
  g_assert_cmpuint (rounds->len, ==, 2);
  g_assert_cmpstr (rounds->pdata[0], ==, "2026");
  g_assert_cmpstr (rounds->pdata[1], ==, "2027");
  {
    g_autoptr(PlMaturity) m = pl_maturity_score_round (questionnaire, plan, "2027");
    g_assert_cmpuint (m->n_respondents, ==, 2);
    g_assert_cmpfloat (m->scores[0], ==, 75);
    g_assert_cmpfloat (m->lowest[0], ==, 50);
    g_assert_cmpfloat (m->highest[0], ==, 100);
    g_assert_cmpfloat (m->overall, ==, 75);
    g_assert_cmpstr (m->persona->id, ==, "leaders");
  }
  {
    g_autoptr(PlMaturity) m = pl_maturity_score_round (questionnaire, plan, "2026");
    g_assert_cmpfloat (m->overall, ==, 0);
    g_assert_cmpstr (m->persona->id, ==, "laggards");
  }
}

static void
test_bad_files (void)
{
  static const char *bad[] = {
    "<plan xmlns='https://pilote.github.io/ns/plan'/>",
    "not xml at all",
    "<questionnaire xmlns='https://pilote.github.io/ns/questionnaire' version='1'><personas/></questionnaire>",
    "<questionnaire xmlns='https://pilote.github.io/ns/questionnaire' version='1'><personas>"
    "<persona id='x' min-overall='0'><name>X</name><description>X</description></persona></personas>"
    "<dimension id='a'><title>A</title><advice>A</advice><question id='q'><statement>S</statement>"
    "<level score='1'>1</level></question></dimension></questionnaire>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(PlQuestionnaire) questionnaire = pl_questionnaire_read (bytes, &error);

      g_assert_null (questionnaire);
      g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
    }
}

/* The facts the plan shows, on the example and on a plan made to contradict a rating. */
static void
test_evidence (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, NULL);
  g_autoptr(GPtrArray) facts = pl_maturity_evidence (plan);
  const PlQuestionnaire *questionnaire = pl_questionnaire_get_default ();
  static const char *expected[] = {
    "13 of 13 campaigns are linked to a KPI.",
    "19 of 19 KPIs lead to a lead or revenue KPI through the chain.",
    "19 of 19 KPIs have an owner and a target.",
    "7 of the 8 dashboard KPIs are leads or business results.",
    "Measurements are recorded up to June 2027.",
    "Actual spend is recorded for 6 of the 6 months measured.",
    "13 of 13 campaigns say in their brief what success looks like.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((PlEvidence *) facts->pdata[i])->fact, ==, expected[i]);
  /* Every fact belongs to a dimension of the questionnaire. */
  for (guint i = 0; i < facts->len; i++)
    g_assert_cmpint (pl_questionnaire_find_dimension (questionnaire, ((PlEvidence *) facts->pdata[i])->dimension), >=, 0);

  {
    /* A plan with three campaigns, one linked: a 5 for linked indicators is contradicted. */
    g_autoptr(PlPlan) tiny = pl_plan_new ();
    g_autoptr(GPtrArray) small_facts = NULL;
    g_autofree char *disagreement = NULL;
    const char *ids[] = { "c1", "c2", "c3" };

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(PlItem) campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
        pl_item_set_id (campaign, ids[i]);
        pl_item_set_string (campaign, PL_CAMPAIGN_NAME, ids[i]);
        pl_plan_add (tiny, campaign);
      }
    {
      g_autoptr(PlItem) kpi = g_object_new (PL_TYPE_KPI, NULL);
      g_autoptr(PlItem) link = g_object_new (PL_TYPE_CAMPAIGN_KPI, NULL);
      pl_item_set_id (kpi, "k");
      pl_item_set_string (kpi, PL_KPI_NAME, "Leads");
      pl_item_set_int (kpi, PL_KPI_STAGE, PL_STAGE_LEADS);
      pl_plan_add (tiny, kpi);
      pl_item_set_string (link, PL_CAMPAIGN_KPI_CAMPAIGN, "c1");
      pl_item_set_string (link, PL_CAMPAIGN_KPI_KPI, "k");
      pl_plan_add (tiny, link);
    }
    small_facts = pl_maturity_evidence (tiny);
    g_assert_cmpstr (((PlEvidence *) small_facts->pdata[0])->fact, ==, "1 of 3 campaigns are linked to a KPI.");
    g_assert_cmpfloat (fabs (((PlEvidence *) small_facts->pdata[0])->score - 100.0 / 3), <, 1e-9);
    disagreement = pl_maturity_disagreement (100, "Linked KPIs", small_facts->pdata[0]);
    g_assert_cmpstr (disagreement, ==, "“Linked KPIs” is rated 100 out of 100, more than the plan shows. "
                                       "1 of 3 campaigns are linked to a KPI.");
    g_free (disagreement);
    disagreement = pl_maturity_disagreement (0, "Linked KPIs", small_facts->pdata[1]);
    g_assert_nonnull (strstr (disagreement, "is rated only 0 out of 100, though the plan shows more. "));
    /* Close enough: no remark. */
    g_assert_null (pl_maturity_disagreement (50, "Linked KPIs", small_facts->pdata[0]));
    g_assert_null (pl_maturity_disagreement (NAN, "Linked KPIs", small_facts->pdata[0]));
    g_assert_cmpstr (((PlEvidence *) small_facts->pdata[4])->fact, ==, "No measurement is recorded for this plan’s period yet.");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/questionnaire/built-in", test_built_in);
  g_test_add_func ("/questionnaire/scoring", test_scoring);
  g_test_add_func ("/questionnaire/round", test_round);
  g_test_add_func ("/questionnaire/bad-files", test_bad_files);
  g_test_add_func ("/questionnaire/evidence", test_evidence);
  return g_test_run ();
}

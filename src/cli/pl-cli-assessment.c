/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pilote-cli"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-cli-assessment.h"
#include "pl-error.h"
#include "pl-maturity.h"
#include "pl-questionnaire-file.h"

static char *
score_text (double score)
{
  return isnan (score) ? g_strdup ("–") : g_strdup_printf ("%.0f", score);
}

char *
pl_cli_assessment (PlPlan *plan, const char *round, GError **error)
{
  const PlQuestionnaire *questionnaire = pl_questionnaire_get_default ();
  g_autoptr(GPtrArray) rounds = pl_maturity_rounds (plan);
  g_autoptr(PlMaturity) current = NULL, previous = NULL;
  g_autoptr(GString) respondents = g_string_new (NULL);
  GListModel *assessments = pl_plan_get_collection (plan, PL_COLLECTION_ASSESSMENTS);
  GString *out = g_string_new (NULL);
  int index = -1;
  guint32 date = 0;

  if (rounds->len == 0)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_NOT_FOUND, _("The plan has no self-assessment yet."));
      g_string_free (out, TRUE);
      return NULL;
    }
  for (guint i = 0; i < rounds->len; i++)
    if (round == NULL || g_str_equal (rounds->pdata[i], round))
      index = (int) i;
  if (index < 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND, _("The plan has no assessment round “%s”."), round);
      g_string_free (out, TRUE);
      return NULL;
    }
  current = pl_maturity_score_round (questionnaire, plan, rounds->pdata[index]);
  if (index > 0)
    previous = pl_maturity_score_round (questionnaire, plan, rounds->pdata[index - 1]);
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(PlItem) assessment = g_list_model_get_item (assessments, i);
      const char *who = pl_item_get_string (assessment, PL_ASSESSMENT_RESPONDENT);

      if (g_strcmp0 (pl_item_get_string (assessment, PL_ASSESSMENT_ROUND), rounds->pdata[index]) != 0)
        continue;
      if (date == 0 || pl_item_get_julian (assessment, PL_ASSESSMENT_DATE) < date)
        date = pl_item_get_julian (assessment, PL_ASSESSMENT_DATE);
      g_string_append_printf (respondents, "%s%s", respondents->len ? ", " : "", who ? who : _("(unnamed)"));
    }
  {
    GDate day;
    char text[32] = "";
    if (date != 0)
      {
        g_date_set_julian (&day, date);
        g_date_strftime (text, sizeof text, "%Y-%m-%d", &day);
      }
    g_string_append_printf (out, _("Round %s, %s — %s\n\n"), (char *) rounds->pdata[index], text, respondents->str);
  }
  g_string_append_printf (out, "  %-46s %5s %9s\n", _("Dimension"), _("Score"), previous ? _("Previous") : "");
  for (guint d = 0; d < questionnaire->dimensions->len; d++)
    {
      const PlDimension *dimension = questionnaire->dimensions->pdata[d];
      g_autofree char *now = score_text (current->scores[d]);
      g_autofree char *before = previous ? score_text (previous->scores[d]) : g_strdup ("");
      g_string_append_printf (out, "  %-46s %5s %9s\n", dimension->title, now, before);
    }
  {
    g_autofree char *overall = score_text (current->overall);
    g_autofree char *before = previous ? score_text (previous->overall) : g_strdup ("");
    g_string_append_printf (out, "  %-46s %5s %9s\n\n", _("Overall"), overall, before);
  }
  if (current->persona != NULL)
    g_string_append_printf (out, _("Persona: %s. %s\n"), current->persona->name, current->persona->description);
  return g_string_free (out, FALSE);
}

char *
pl_cli_assessment_line (PlPlan *plan)
{
  g_autoptr(GPtrArray) rounds = pl_maturity_rounds (plan);
  g_autoptr(PlMaturity) latest = NULL;

  if (rounds->len == 0)
    return NULL;
  latest = pl_maturity_score_round (pl_questionnaire_get_default (), plan, rounds->pdata[rounds->len - 1]);
  if (latest->persona == NULL)
    return NULL;
  /* Translators: the latest assessment round, its overall score, the persona */
  return g_strdup_printf (_("Maturity (round %s): %.0f out of 100, %s\n"), (char *) rounds->pdata[rounds->len - 1],
                          latest->overall, latest->persona->name);
}

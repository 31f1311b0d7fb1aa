/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-maturity"
#include "config.h"

#include <math.h>

#include "pl-maturity.h"

static PlMaturity *
maturity_new (guint n)
{
  PlMaturity *self = g_new0 (PlMaturity, 1);

  self->n_dimensions = n;
  self->scores = g_new (double, MAX (n, 1));
  self->lowest = g_new (double, MAX (n, 1));
  self->highest = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    self->scores[i] = self->lowest[i] = self->highest[i] = NAN;
  self->overall = NAN;
  return self;
}

void
pl_maturity_free (PlMaturity *self)
{
  if (self == NULL)
    return;
  g_free (self->scores);
  g_free (self->lowest);
  g_free (self->highest);
  g_free (self);
}

static double
mean_of_scored (const double *values, guint n)
{
  double sum = 0;
  guint counted = 0;

  for (guint i = 0; i < n; i++)
    if (!isnan (values[i]))
      {
        sum += values[i];
        counted++;
      }
  return counted > 0 ? sum / counted : NAN;
}

const PlPersona *
pl_maturity_persona (const PlQuestionnaire *questionnaire, const double *scores, double overall)
{
  if (isnan (overall))
    return NULL;
  /* Personas come from the most mature down: the first whose bars are all cleared. */
  for (guint p = 0; p < questionnaire->personas->len; p++)
    {
      const PlPersona *persona = questionnaire->personas->pdata[p];
      gboolean cleared = overall >= persona->min_overall;

      for (guint f = 0; cleared && persona->floors && f < persona->floors->len; f++)
        {
          const PlPersonaFloor *floor = &g_array_index (persona->floors, PlPersonaFloor, f);
          int d = pl_questionnaire_find_dimension (questionnaire, floor->dimension);
          /* An unanswered dimension cannot show the trait the floor asks for. */
          cleared = d >= 0 && !isnan (scores[d]) && scores[d] >= floor->min;
        }
      if (cleared)
        return persona;
    }
  return questionnaire->personas->len > 0 ? questionnaire->personas->pdata[questionnaire->personas->len - 1] : NULL;
}

PlMaturity *
pl_maturity_score_answers (const PlQuestionnaire *questionnaire, GVariant *answers)
{
  guint n = questionnaire->dimensions->len;
  PlMaturity *self = maturity_new (n);
  g_autofree double *sums = g_new0 (double, MAX (n, 1));
  g_autofree guint *counts = g_new0 (guint, MAX (n, 1));
  GVariantIter iter;
  const char *id;
  guchar value;

  if (answers != NULL)
    {
      g_variant_iter_init (&iter, answers);
      while (g_variant_iter_next (&iter, "(&sy)", &id, &value))
        {
          const PlQuestion *question = pl_questionnaire_lookup (questionnaire, id);

          /* 0 is "I don't know": an honest answer, not a low score. */
          if (question == NULL || value < 1 || value > 5)
            continue;
          sums[question->dimension] += (value - 1) * 25.0;
          counts[question->dimension]++;
          self->n_answered++;
        }
    }
  for (guint d = 0; d < n; d++)
    if (counts[d] > 0)
      self->scores[d] = self->lowest[d] = self->highest[d] = sums[d] / counts[d];
  self->overall = mean_of_scored (self->scores, n);
  self->persona = pl_maturity_persona (questionnaire, self->scores, self->overall);
  self->n_respondents = 1;
  return self;
}

PlMaturity *
pl_maturity_score_round (const PlQuestionnaire *questionnaire, PlPlan *plan, const char *round)
{
  guint n = questionnaire->dimensions->len;
  PlMaturity *self = maturity_new (n);
  GListModel *assessments = pl_plan_get_collection (plan, PL_COLLECTION_ASSESSMENTS);
  g_autofree double *sums = g_new0 (double, MAX (n, 1));
  g_autofree guint *counts = g_new0 (guint, MAX (n, 1));

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(PlItem) assessment = g_list_model_get_item (assessments, i);
      g_autoptr(PlMaturity) one = NULL;

      if (g_strcmp0 (pl_item_get_string (assessment, PL_ASSESSMENT_ROUND), round) != 0)
        continue;
      one = pl_maturity_score_answers (questionnaire, pl_item_get_variant (assessment, PL_ASSESSMENT_ANSWERS));
      self->n_respondents++;
      self->n_answered += one->n_answered;
      for (guint d = 0; d < n; d++)
        {
          if (isnan (one->scores[d]))
            continue;
          sums[d] += one->scores[d];
          counts[d]++;
          self->lowest[d] = isnan (self->lowest[d]) ? one->scores[d] : MIN (self->lowest[d], one->scores[d]);
          self->highest[d] = isnan (self->highest[d]) ? one->scores[d] : MAX (self->highest[d], one->scores[d]);
        }
    }
  for (guint d = 0; d < n; d++)
    if (counts[d] > 0)
      self->scores[d] = sums[d] / counts[d];
  self->overall = mean_of_scored (self->scores, n);
  self->persona = pl_maturity_persona (questionnaire, self->scores, self->overall);
  return self;
}

typedef struct {
  char    *round;
  guint32  date;
} RoundDate;

static int
by_date (gconstpointer a, gconstpointer b)
{
  const RoundDate *x = *(RoundDate * const *) a, *y = *(RoundDate * const *) b;
  return x->date < y->date ? -1 : x->date > y->date ? 1 : g_strcmp0 (x->round, y->round);
}

static void
round_date_free (RoundDate *round)
{
  g_free (round->round);
  g_free (round);
}

GPtrArray *
pl_maturity_rounds (PlPlan *plan)
{
  GListModel *assessments = pl_plan_get_collection (plan, PL_COLLECTION_ASSESSMENTS);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) round_date_free);
  GPtrArray *rounds = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(PlItem) assessment = g_list_model_get_item (assessments, i);
      const char *round = pl_item_get_string (assessment, PL_ASSESSMENT_ROUND);
      guint32 date = pl_item_get_julian (assessment, PL_ASSESSMENT_DATE);
      gboolean known = FALSE;

      if (round == NULL)
        continue;
      /* A round's date is its earliest answer. */
      for (guint r = 0; r < found->len && !known; r++)
        {
          RoundDate *entry = found->pdata[r];
          if (g_str_equal (entry->round, round))
            {
              entry->date = MIN (entry->date, date);
              known = TRUE;
            }
        }
      if (!known)
        {
          RoundDate *entry = g_new0 (RoundDate, 1);
          entry->round = g_strdup (round);
          entry->date = date;
          g_ptr_array_add (found, entry);
        }
    }
  g_ptr_array_sort (found, by_date);
  for (guint r = 0; r < found->len; r++)
    g_ptr_array_add (rounds, g_strdup (((RoundDate *) found->pdata[r])->round));
  return rounds;
}

typedef struct {
  const double *scores;
  gboolean      weakest_first;
} Order;

static int
by_score (gconstpointer a, gconstpointer b, gpointer data)
{
  const Order *order = data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  double sx = order->scores[x], sy = order->scores[y];

  if (sx != sy)
    return (sx < sy) == order->weakest_first ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

GArray *
pl_maturity_order (const PlMaturity *maturity, gboolean weakest_first)
{
  GArray *dimensions = g_array_new (FALSE, FALSE, sizeof (guint));
  Order order = { maturity->scores, weakest_first };

  for (guint d = 0; d < maturity->n_dimensions; d++)
    if (!isnan (maturity->scores[d]))
      g_array_append_val (dimensions, d);
  g_array_sort_with_data (dimensions, by_score, &order);
  return dimensions;
}

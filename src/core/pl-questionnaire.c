/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-questionnaire.h"

/* Set once at start-up, before any thread reads it. */
static PlQuestionnaireSource current_source;

void
pl_question_free (PlQuestion *question)
{
  if (question == NULL)
    return;
  g_free (question->id);
  g_free (question->statement);
  for (guint i = 0; i < G_N_ELEMENTS (question->levels); i++)
    g_free (question->levels[i]);
  g_free (question);
}

void
pl_dimension_free (PlDimension *dimension)
{
  if (dimension == NULL)
    return;
  g_free (dimension->id);
  g_free (dimension->title);
  g_free (dimension->advice);
  g_ptr_array_unref (dimension->questions);
  g_free (dimension);
}

void
pl_persona_free (PlPersona *persona)
{
  if (persona == NULL)
    return;
  g_free (persona->id);
  g_free (persona->name);
  g_free (persona->description);
  for (guint i = 0; persona->floors && i < persona->floors->len; i++)
    g_free (g_array_index (persona->floors, PlPersonaFloor, i).dimension);
  if (persona->floors)
    g_array_unref (persona->floors);
  g_free (persona);
}

PlQuestionnaire *
pl_questionnaire_new (void)
{
  PlQuestionnaire *self = g_new0 (PlQuestionnaire, 1);

  self->version = 1;
  self->dimensions = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_dimension_free);
  self->personas = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_persona_free);
  /* The questions are owned here; dimensions only list them. */
  self->questions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) pl_question_free);
  self->retired = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
pl_questionnaire_free (PlQuestionnaire *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->dimensions);
  g_ptr_array_unref (self->personas);
  g_hash_table_unref (self->questions);
  g_hash_table_unref (self->retired);
  g_free (self->scoring);
  g_free (self);
}

void
pl_questionnaire_add_dimension (PlQuestionnaire *self, PlDimension *dimension, GPtrArray *questions)
{
  guint index = self->dimensions->len;

  dimension->questions = g_ptr_array_new ();
  g_ptr_array_add (self->dimensions, dimension);
  for (guint i = 0; i < questions->len; i++)
    {
      PlQuestion *question = g_ptr_array_index (questions, i);
      question->dimension = index;
      g_ptr_array_add (dimension->questions, question);
      g_hash_table_insert (self->questions, question->id, question);
    }
}

const PlQuestion *
pl_questionnaire_lookup (const PlQuestionnaire *self, const char *id)
{
  const PlQuestion *question = g_hash_table_lookup (self->questions, id);
  const char *replacement;

  if (question != NULL)
    return question;
  /* A chain of replacements is followed a few steps, never in a loop. */
  for (int hops = 0; hops < 8 && (replacement = g_hash_table_lookup (self->retired, id)) != NULL; hops++)
    {
      question = g_hash_table_lookup (self->questions, replacement);
      if (question != NULL)
        return question;
      id = replacement;
    }
  return NULL;
}

int
pl_questionnaire_find_dimension (const PlQuestionnaire *self, const char *id)
{
  for (guint i = 0; i < self->dimensions->len; i++)
    if (g_strcmp0 (((PlDimension *) self->dimensions->pdata[i])->id, id) == 0)
      return (int) i;
  return -1;
}

void
pl_questionnaire_set_source (PlQuestionnaireSource source)
{
  current_source = source;
}

const PlQuestionnaire *
pl_questionnaire_get_current (void)
{
  return current_source != NULL ? current_source () : NULL;
}

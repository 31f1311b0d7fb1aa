/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The maturity questionnaire, as read from its data file (src/io/pl-questionnaire-file.c):
 * dimensions of statements rated 1 to 5, the personas and the rule that picks one. Plain
 * data, strings already translated; the model only stores answers by question ID. */

typedef struct {
  char  *id;
  char  *statement;
  char  *levels[3];   /* what 1, 3 and 5 look like */
  guint  dimension;   /* index into the questionnaire's dimensions */
} PlQuestion;

typedef struct {
  char      *id;
  char      *title;
  char      *advice;     /* the next step when the dimension is weak */
  GPtrArray *questions;  /* PlQuestion, borrowed from the questionnaire */
} PlDimension;

typedef struct {
  char   *dimension;
  double  min;
} PlPersonaFloor;

typedef struct {
  char   *id;
  char   *name;
  char   *description;
  double  min_overall;
  GArray *floors;        /* PlPersonaFloor: dimensions that must reach a score too */
} PlPersona;

typedef struct {
  guint       version;
  char       *scoring;     /* the rule, in words */
  GPtrArray  *dimensions;  /* PlDimension */
  GPtrArray  *personas;    /* PlPersona, from the most to the least mature */
  GHashTable *questions;   /* ID -> PlQuestion */
  GHashTable *retired;     /* old ID -> the ID that takes over its answers */
} PlQuestionnaire;

PlQuestionnaire   *pl_questionnaire_new             (void);
void               pl_questionnaire_free            (PlQuestionnaire *questionnaire);
/* Adds a dimension (taken) and its questions; for the reader and for tests. */
void               pl_questionnaire_add_dimension   (PlQuestionnaire *questionnaire, PlDimension *dimension,
                                                     GPtrArray *questions);
/* Returns the question @id names, following a retired ID to its replacement; NULL if none. */
const PlQuestion  *pl_questionnaire_lookup          (const PlQuestionnaire *questionnaire, const char *id);
int                pl_questionnaire_find_dimension  (const PlQuestionnaire *questionnaire, const char *id);

void               pl_dimension_free                (PlDimension *dimension);
void               pl_question_free                 (PlQuestion *question);
void               pl_persona_free                  (PlPersona *persona);

/* Where the questionnaire plans are scored against comes from: io reads the one built into
 * Pilote, and the program (or a test) names that reader once at start-up, so that the report
 * and the chart catalogue find it here without knowing about files. */
typedef const PlQuestionnaire *(*PlQuestionnaireSource) (void);

/* Makes @source the one pl_questionnaire_get_current() asks, from now on. */
void                   pl_questionnaire_set_source  (PlQuestionnaireSource source);
/* The questionnaire plans are scored against, or NULL when no source was set or it has none. */
const PlQuestionnaire *pl_questionnaire_get_current (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlQuestionnaire, pl_questionnaire_free)

G_END_DECLS

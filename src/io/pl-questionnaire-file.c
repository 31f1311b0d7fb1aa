/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-questionnaire-file"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>

#include "pl-data-xml.h"
#include "pl-error.h"
#include "pl-io-resources.h"
#include "pl-questionnaire-file.h"

#define QUESTIONNAIRE_NS   "https://pilote.github.io/ns/questionnaire"
#define QUESTIONNAIRE_PATH "/io/github/pilote/Pilote/questionnaire/pilote-questionnaire.xml"

static gboolean
is (xmlNodePtr node, const char *name)
{
  return pl_data_xml_is (node, QUESTIONNAIRE_NS, name);
}

static gboolean
fail (GError **error, xmlNodePtr node, const char *what)
{
  g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The questionnaire is not valid at line %ld: %s."),
               node ? (long) xmlGetLineNo (node) : 0L, what);
  return FALSE;
}

static PlPersona *
read_persona (xmlNodePtr node, GError **error)
{
  PlPersona *persona = g_new0 (PlPersona, 1);
  g_autofree char *min = pl_data_xml_attribute (node, "min-overall");

  persona->id = pl_data_xml_attribute (node, "id");
  persona->name = pl_data_xml_text (pl_data_xml_child (node, "name"));
  persona->description = pl_data_xml_text (pl_data_xml_child (node, "description"));
  persona->min_overall = min ? g_ascii_strtod (min, NULL) : 0;
  persona->floors = g_array_new (FALSE, FALSE, sizeof (PlPersonaFloor));
  for (xmlNodePtr f = node->children; f != NULL; f = f->next)
    if (is (f, "floor"))
      {
        g_autofree char *floor_min = pl_data_xml_attribute (f, "min");
        PlPersonaFloor floor = { pl_data_xml_attribute (f, "dimension"), floor_min ? g_ascii_strtod (floor_min, NULL) : 0 };
        g_array_append_val (persona->floors, floor);
      }
  if (persona->id == NULL)
    {
      fail (error, node, _("a persona has no ID"));
      pl_persona_free (persona);
      return NULL;
    }
  return persona;
}

/* Frees a dimension not yet in the questionnaire, with the questions read for it. */
static void
discard (PlDimension *dimension, GPtrArray *questions)
{
  for (guint i = 0; i < questions->len; i++)
    pl_question_free (questions->pdata[i]);
  g_free (dimension->id);
  g_free (dimension->title);
  g_free (dimension->advice);
  g_free (dimension);
}

static gboolean
read_dimension (PlQuestionnaire *questionnaire, xmlNodePtr node, GError **error)
{
  PlDimension *dimension = g_new0 (PlDimension, 1);
  g_autoptr(GPtrArray) questions = g_ptr_array_new ();

  dimension->id = pl_data_xml_attribute (node, "id");
  dimension->title = pl_data_xml_text (pl_data_xml_child (node, "title"));
  dimension->advice = pl_data_xml_text (pl_data_xml_child (node, "advice"));
  for (xmlNodePtr q = node->children; q != NULL; q = q->next)
    {
      PlQuestion *question;
      guint level = 0;

      if (!is (q, "question"))
        continue;
      question = g_new0 (PlQuestion, 1);
      question->id = pl_data_xml_attribute (q, "id");
      question->statement = pl_data_xml_text (pl_data_xml_child (q, "statement"));
      for (xmlNodePtr l = q->children; l != NULL && level < 3; l = l->next)
        if (is (l, "level"))
          question->levels[level++] = pl_data_xml_text (l);
      if (question->id == NULL || level != 3 || g_hash_table_contains (questionnaire->questions, question->id))
        {
          pl_question_free (question);
          discard (dimension, questions);
          return fail (error, q, _("each question needs its own ID and three levels"));
        }
      g_ptr_array_add (questions, question);
    }
  if (dimension->id == NULL || questions->len == 0)
    {
      discard (dimension, questions);
      return fail (error, node, _("each dimension needs an ID and questions"));
    }
  pl_questionnaire_add_dimension (questionnaire, dimension, questions);
  return TRUE;
}

PlQuestionnaire *
pl_questionnaire_read (GBytes *bytes, GError **error)
{
  g_autoptr(PlQuestionnaire) questionnaire = pl_questionnaire_new ();
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  /* No network, no entities: the file is data, read as it is. */
  xmlDocPtr doc = xmlReadMemory (data, (int) size, "questionnaire.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                                             XML_PARSE_NOWARNING);
  xmlNodePtr root = doc ? xmlDocGetRootElement (doc) : NULL;
  gboolean ok = TRUE;

  if (root == NULL || !is (root, "questionnaire"))
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE, _("This is not a Pilote questionnaire."));
      xmlFreeDoc (doc);
      return NULL;
    }
  {
    g_autofree char *version = pl_data_xml_attribute (root, "version");
    questionnaire->version = version ? (guint) strtoul (version, NULL, 10) : 1;
  }
  questionnaire->scoring = pl_data_xml_text (pl_data_xml_child (pl_data_xml_child (root, "scoring") ? pl_data_xml_child (root, "scoring") : root, "description"));
  for (xmlNodePtr node = root->children; node != NULL && ok; node = node->next)
    {
      if (is (node, "personas"))
        {
          for (xmlNodePtr p = node->children; p != NULL && ok; p = p->next)
            if (is (p, "persona"))
              {
                PlPersona *persona = read_persona (p, error);
                ok = persona != NULL;
                if (ok)
                  g_ptr_array_add (questionnaire->personas, persona);
              }
        }
      else if (is (node, "dimension"))
        ok = read_dimension (questionnaire, node, error);
      else if (is (node, "retired"))
        for (xmlNodePtr r = node->children; r != NULL; r = r->next)
          if (is (r, "question"))
            {
              char *id = pl_data_xml_attribute (r, "id"), *by = pl_data_xml_attribute (r, "replaced-by");
              if (id != NULL && by != NULL)
                g_hash_table_insert (questionnaire->retired, id, by);
              else
                {
                  g_free (id);
                  g_free (by);
                }
            }
    }
  xmlFreeDoc (doc);
  if (ok && (questionnaire->personas->len == 0 || questionnaire->dimensions->len == 0))
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE, _("The questionnaire has no dimensions or no personas."));
      ok = FALSE;
    }
  return ok ? g_steal_pointer (&questionnaire) : NULL;
}

const PlQuestionnaire *
pl_questionnaire_get_default (void)
{
  static PlQuestionnaire *questionnaire = NULL;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_autoptr(GBytes) bytes = g_resource_lookup_data (pl_io_get_resource (), QUESTIONNAIRE_PATH, 0, NULL);
      g_autoptr(GError) error = NULL;

      questionnaire = bytes ? pl_questionnaire_read (bytes, &error) : NULL;
      if (questionnaire == NULL)
        g_critical ("The built-in questionnaire cannot be read: %s", error ? error->message : "missing");
      g_once_init_leave (&done, 1);
    }
  return questionnaire;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-template-file"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#include "pl-data-xml.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-io-resources.h"
#include "pl-money.h"
#include "pl-template-file.h"

#define TEMPLATE_NS     "https://pilote.github.io/ns/template"
#define TEMPLATE_FOLDER "/io/github/pilote/Pilote/templates/"

void
pl_template_info_free (PlTemplateInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->name);
  g_free (info->description);
  g_free (info);
}

static xmlDocPtr
parse (GBytes *bytes, GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  /* No network, no entities: the file is data, read as it is. */
  xmlDocPtr doc = xmlReadMemory (data, (int) size, "template.xml", NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlNodePtr root = doc ? xmlDocGetRootElement (doc) : NULL;

  if (root == NULL || !pl_data_xml_is (root, TEMPLATE_NS, "template"))
    {
      xmlFreeDoc (doc);
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE, _("This is not a Pilote plan template."));
      return NULL;
    }
  return doc;
}

static GBytes *
lookup (const char *id)
{
  g_autofree char *path = g_strconcat (TEMPLATE_FOLDER, id, ".xml", NULL);

  return g_resource_lookup_data (pl_io_get_resource (), path, 0, NULL);
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
pl_template_list (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_template_info_free);
  g_auto(GStrv) names = g_resource_enumerate_children (pl_io_get_resource (), TEMPLATE_FOLDER, 0, NULL);
  guint n = names ? g_strv_length (names) : 0;

  qsort (names, n, sizeof (char *), compare_ids);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      xmlDocPtr doc;
      xmlNodePtr root;
      PlTemplateInfo *info;

      if (!g_str_has_suffix (names[i], ".xml"))
        continue;
      info = g_new0 (PlTemplateInfo, 1);
      info->id = g_strndup (names[i], strlen (names[i]) - strlen (".xml"));
      bytes = lookup (info->id);
      doc = bytes ? parse (bytes, NULL) : NULL;
      if (doc == NULL)
        {
          g_critical ("The built-in template %s cannot be read", info->id);
          pl_template_info_free (info);
          continue;
        }
      root = xmlDocGetRootElement (doc);
      info->name = pl_data_xml_text (pl_data_xml_child (root, "name"));
      info->description = pl_data_xml_text (pl_data_xml_child (root, "description"));
      xmlFreeDoc (doc);
      g_ptr_array_add (list, info);
    }
  return list;
}

gboolean
pl_template_check_settings (const PlTemplateSettings *settings, GError **error)
{
  GDate start;

  if (settings->currency != NULL && !pl_currency_is_valid (settings->currency))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("“%s” is not a currency code: use three capital letters, as in EUR, USD or GBP."),
                   settings->currency);
      return FALSE;
    }
  if (settings->months != 0 && settings->months != 3 && settings->months != 6 && settings->months != 12)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("A fiscal period lasts 3, 6 or 12 months."));
      return FALSE;
    }
  if (settings->start != 0)
    {
      g_date_clear (&start, 1);
      if (!g_date_valid_julian (settings->start) ||
          (g_date_set_julian (&start, settings->start), g_date_get_day (&start) != 1))
        {
          g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                               _("A fiscal period starts on the first day of a month."));
          return FALSE;
        }
    }
  if (settings->title != NULL && *settings->title == '\0')
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("The plan needs a title."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
fail (GError **error, xmlNodePtr node, const char *what)
{
  g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The plan template is not valid at line %ld: %s."),
               (long) xmlGetLineNo (node), what);
  return FALSE;
}

/* Sets each attribute of @node (but id) on the field of that name of @item, as a plan file's
 * reader would; FALSE for a field the record does not have or a value it does not take. */
static gboolean
set_attributes (PlItem *item, xmlNodePtr node, GError **error)
{
  for (xmlAttrPtr a = node->properties; a != NULL; a = a->next)
    {
      const char *name = (const char *) a->name;
      g_autofree char *value = pl_data_xml_attribute (node, name);
      int field = pl_item_class_find_field (PL_ITEM_GET_CLASS (item), name);
      const PlField *f;

      if (g_str_equal (name, "id"))
        continue;
      if (field < 0)
        return fail (error, node, name);
      f = &pl_item_get_fields (item, NULL)[field];
      if (f->type == PL_FIELD_ENUM)
        {
          int v = pl_enum_from_nick (f->enum_type (), value);
          if (v < 0)
            return fail (error, node, value);
          pl_item_set_int (item, field, v);
        }
      else if (f->type == PL_FIELD_BOOL)
        pl_item_set_int (item, field, g_str_equal (value, "true"));
      else
        pl_item_set_string (item, field, value);
    }
  return TRUE;
}

/* The first day of a review: day @day of month @month of the period, moved to the Monday after
 * a weekend; a weekly one on the first Monday from there, the start of a working week. */
static guint32
review_start (PlPlan *plan, guint month, guint day, PlCadence cadence)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, pl_plan_month_start (plan, MIN (month, pl_plan_get_months (plan) - 1)));
  g_date_add_days (&date, CLAMP (day, 1, 28) - 1);
  while (cadence == PL_CADENCE_WEEKLY ? g_date_get_weekday (&date) != G_DATE_MONDAY
                                      : g_date_get_weekday (&date) >= G_DATE_SATURDAY)
      g_date_add_days (&date, 1);
  return g_date_get_julian (&date);
}

static PlItem *
read_record (GType type, xmlNodePtr node, const char *text_element, guint text_field, GError **error)
{
  g_autoptr(PlItem) item = g_object_new (type, NULL);
  g_autofree char *id = pl_data_xml_attribute (node, "id");

  if (id != NULL)
    pl_item_set_id (item, id);
  if (text_element != NULL)
    {
      g_autofree char *text = pl_data_xml_text (pl_data_xml_child (node, text_element));
      pl_item_set_string (item, text_field, text);
    }
  /* A KPI may say what it stands for in its model (doc/templates.md). */
  if (PL_IS_KPI (item) && pl_data_xml_child (node, "description") != NULL)
    {
      g_autofree char *text = pl_data_xml_text (pl_data_xml_child (node, "description"));
      pl_item_set_string (item, PL_KPI_DESCRIPTION, text);
    }
  return set_attributes (item, node, error) ? g_steal_pointer (&item) : NULL;
}

static gboolean
read_reviews (PlPlan *plan, xmlNodePtr container, GPtrArray *entries, GError **error)
{
  for (xmlNodePtr node = container->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL, *cadence = NULL, *month = NULL, *day = NULL, *title = NULL;
      PlItem *entry;
      int c;

      if (!pl_data_xml_is (node, TEMPLATE_NS, "review"))
        continue;
      id = pl_data_xml_attribute (node, "id");
      cadence = pl_data_xml_attribute (node, "cadence");
      month = pl_data_xml_attribute (node, "month");
      day = pl_data_xml_attribute (node, "day");
      c = cadence ? pl_enum_from_nick (PL_TYPE_CADENCE, cadence) : -1;
      if (id == NULL || c < 0 || month == NULL || day == NULL)
        return fail (error, node, _("a review needs an ID, a cadence, a month and a day"));
      title = pl_data_xml_text (pl_data_xml_child (node, "title"));
      entry = g_object_new (PL_TYPE_ENTRY, NULL);
      pl_item_set_id (entry, id);
      pl_item_set_int (entry, PL_ENTRY_KIND, PL_ENTRY_REVIEW);
      pl_item_set_string (entry, PL_ENTRY_TITLE, title);
      pl_item_set_int (entry, PL_ENTRY_CADENCE, c);
      pl_item_set_julian (entry, PL_ENTRY_START,
                          review_start (plan, (guint) strtoul (month, NULL, 10), (guint) strtoul (day, NULL, 10), c));
      g_ptr_array_add (entries, entry);
    }
  return TRUE;
}

static void
apply_settings (PlPlan *plan, const PlTemplateSettings *settings)
{
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (plan));

  if (settings->title != NULL)
    pl_item_set_string (meta, PL_METADATA_TITLE, settings->title);
  if (settings->organisation != NULL && *settings->organisation != '\0')
    pl_item_set_string (meta, PL_METADATA_ORGANISATION, settings->organisation);
  if (settings->currency != NULL)
    pl_item_set_string (meta, PL_METADATA_CURRENCY, settings->currency);
  if (settings->start != 0)
    pl_item_set_julian (meta, PL_METADATA_START, settings->start);
  if (settings->months != 0)
    pl_item_set_int (meta, PL_METADATA_MONTHS, settings->months);
}

PlPlan *
pl_template_read (GBytes *bytes, const PlTemplateSettings *settings, GError **error)
{
  static const struct { const char *container, *element, *text; GType (*type) (void); guint text_field; } records[] = {
    { "categories", "category", "name", pl_category_get_type, PL_CATEGORY_NAME },
    { "kpis", "kpi", "name", pl_kpi_get_type, PL_KPI_NAME },
    { "links", "link", NULL, pl_kpi_link_get_type, 0 },
  };
  g_autoptr(PlPlan) plan = NULL;
  xmlDocPtr doc;
  xmlNodePtr root;
  gboolean ok = TRUE;

  if (!pl_template_check_settings (settings, error))
    return NULL;
  doc = parse (bytes, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  plan = pl_plan_new ();
  apply_settings (plan, settings);
  for (guint r = 0; r < G_N_ELEMENTS (records) && ok; r++)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      xmlNodePtr container = pl_data_xml_child (root, records[r].container);

      for (xmlNodePtr node = container ? container->children : NULL; node != NULL && ok; node = node->next)
        if (pl_data_xml_is (node, TEMPLATE_NS, records[r].element))
          {
            PlItem *item = read_record (records[r].type (), node, records[r].text, records[r].text_field, error);
            ok = item != NULL;
            if (ok)
              g_ptr_array_add (items, item);
          }
      /* Links have no ID in a template: numbered as pl_plan_new_default() numbers them. */
      for (guint i = 0; ok && records[r].type () == PL_TYPE_KPI_LINK && i < items->len; i++)
        {
          g_autofree char *id = g_strdup_printf ("lnk-%u", i + 1);
          pl_item_set_id (items->pdata[i], id);
        }
      if (ok)
        pl_plan_append_loaded (plan, pl_collection_for_type (records[r].type ()), items);
    }
  if (ok)
    {
      g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
      xmlNodePtr reviews = pl_data_xml_child (root, "reviews");

      ok = reviews == NULL || read_reviews (plan, reviews, entries, error);
      if (ok)
        pl_plan_append_loaded (plan, PL_COLLECTION_CALENDAR, entries);
    }
  xmlFreeDoc (doc);
  return ok ? g_steal_pointer (&plan) : NULL;
}

PlPlan *
pl_template_new_plan (const char *id, const PlTemplateSettings *settings, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (id != NULL && settings != NULL, NULL);
  bytes = strchr (id, '/') == NULL ? lookup (id) : NULL;
  if (bytes == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("There is no template “%s”; “pilote-cli new --template list” lists them."), id);
      return NULL;
    }
  return pl_template_read (bytes, settings, error);
}

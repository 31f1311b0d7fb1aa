/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-document"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-document.h"
#include "pl-plan-file.h"

struct _PlDocument
{
  GObject  parent_instance;

  PlPlan  *plan;
  GFile   *file;
  char    *etag;
  char    *title;
};

G_DEFINE_FINAL_TYPE (PlDocument, pl_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_FILE,
  PROP_TITLE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (PlDocument *self)
{
  g_autofree char *title = NULL;

  if (self->file != NULL)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      title = info ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (self->file);
    }
  else
    title = g_strdup (pl_plan_get_title (self->plan) ? pl_plan_get_title (self->plan) : _("Untitled plan"));
  if (g_strcmp0 (title, self->title) == 0)
    return;
  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
on_plan_modified_cb (PlDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
on_plan_changed_cb (PlDocument *self)
{
  /* An untitled plan is called by its title, which the user may just have edited. */
  if (self->file == NULL)
    update_title (self);
}

static void
set_plan (PlDocument *self, PlPlan *plan)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  g_signal_connect_swapped (plan, "notify::modified", G_CALLBACK (on_plan_modified_cb), self);
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (on_plan_changed_cb), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  update_title (self);
}

static void
pl_document_dispose (GObject *object)
{
  PlDocument *self = PL_DOCUMENT (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (pl_document_parent_class)->dispose (object);
}

static void
pl_document_finalize (GObject *object)
{
  PlDocument *self = PL_DOCUMENT (object);

  g_free (self->etag);
  g_free (self->title);
  G_OBJECT_CLASS (pl_document_parent_class)->finalize (object);
}

static void
pl_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PlDocument *self = PL_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, pl_document_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_document_class_init (PlDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_document_dispose;
  object_class->finalize = pl_document_finalize;
  object_class->get_property = pl_document_get_property;

  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, PL_TYPE_PLAN,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pl_document_init (PlDocument *self)
{
}

PlDocument *
pl_document_new (PlPlan *plan, GFile *file, const char *etag)
{
  PlDocument *self = g_object_new (PL_TYPE_DOCUMENT, NULL);

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  g_set_object (&self->file, file);
  self->etag = g_strdup (etag);
  set_plan (self, plan);
  return self;
}

PlDocument *
pl_document_load (GFile *file, GError **error)
{
  g_autofree char *etag = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, &etag, error);

  if (plan == NULL)
    return NULL;
  return pl_document_new (plan, file, etag);
}

PlPlan *
pl_document_get_plan (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return self->plan;
}

GFile *
pl_document_get_file (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
pl_document_get_title (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return self->title;
}

gboolean
pl_document_get_modified (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  return self->plan != NULL && pl_plan_get_modified (self->plan);
}

const char *
pl_document_get_etag (PlDocument *self)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);
  return self->etag;
}

gboolean
pl_document_save (PlDocument *self, GFile *file, gboolean overwrite, GError **error)
{
  g_autofree char *new_etag = NULL;
  gboolean same_file;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  if (file == NULL)
    file = self->file;
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  same_file = self->file != NULL && g_file_equal (file, self->file);
  if (!pl_plan_save (self->plan, file, same_file && !overwrite ? self->etag : NULL, &new_etag, error))
    return FALSE;
  g_free (self->etag);
  self->etag = g_steal_pointer (&new_etag);
  if (!same_file)
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      update_title (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  return TRUE;
}

gboolean
pl_document_reload (PlDocument *self, GError **error)
{
  g_autofree char *etag = NULL;
  g_autoptr(PlPlan) plan = NULL;

  g_return_val_if_fail (PL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);
  plan = pl_plan_load (self->file, NULL, PL_READ_DEFAULT, &etag, error);
  if (plan == NULL)
    return FALSE;
  g_free (self->etag);
  self->etag = g_steal_pointer (&etag);
  set_plan (self, plan);
  return TRUE;
}

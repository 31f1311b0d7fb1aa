/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-chain-page"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-chain-page.h"

struct _PlChainPage
{
  GtkWidget  parent_instance;

  PlPlan    *plan;
};

G_DEFINE_FINAL_TYPE (PlChainPage, pl_chain_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_plan (PlChainPage *self, PlPlan *plan)
{
  if (!g_set_object (&self->plan, plan))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

static void
pl_chain_page_dispose (GObject *object)
{
  PlChainPage *self = PL_CHAIN_PAGE (object);
  GtkWidget *child;

  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_CHAIN_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pl_chain_page_parent_class)->dispose (object);
}

static void
pl_chain_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PlChainPage *self = PL_CHAIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_chain_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PLAN:
      set_plan (PL_CHAIN_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_chain_page_class_init (PlChainPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_chain_page_dispose;
  object_class->get_property = pl_chain_page_get_property;
  object_class->set_property = pl_chain_page_set_property;

  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, PL_TYPE_PLAN,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-chain-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pl_chain_page_init (PlChainPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

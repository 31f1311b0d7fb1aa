/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-page"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-empty-state.h"
#include "pl-page.h"

typedef struct
{
  PlPlan       *plan;        /* the "plan" property */
  PlPlan       *bound;       /* the plan the widgets show, NULL until first needed */
  PlChangeMask  missed;      /* what changed in the bound plan while the page was hidden */
  guint         n_refreshes;
  GtkWidget    *empty;       /* the empty state, made the first time the page is empty */
} PlPagePrivate;

/* What a class says about its pages, kept out of the class structure's public part. */
typedef struct
{
  const char          *title;
  PlChangeMask         shows;
  const char * const  *charts;
  const char          *empty[6]; /* title, sentence, action label and name, the second's */
} PlPageClassPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (PlPage, pl_page, GTK_TYPE_WIDGET,
                                  G_ADD_PRIVATE (PlPage)
                                  g_type_add_class_private (g_define_type_id, sizeof (PlPageClassPrivate)))

enum {
  PROP_0,
  PROP_PLAN,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PlPageClassPrivate *
class_private (gpointer klass)
{
  return G_TYPE_CLASS_GET_PRIVATE (klass, PL_TYPE_PAGE, PlPageClassPrivate);
}

/* ---- the empty state ---- */

static GtkWidget *
make_empty_state (PlPage *self)
{
  const char **texts = class_private (PL_PAGE_GET_CLASS (self))->empty;
  PlEmptyState *empty = pl_empty_state_new (_(texts[0]), _(texts[1]), _(texts[2]), texts[3]);

  if (texts[4] != NULL)
    pl_empty_state_set_second (empty, _(texts[4]), texts[5]);
  return GTK_WIDGET (empty);
}

/* Shows the empty state instead of the page's own widgets while the plan has nothing for
 * it, and the widgets again as soon as it has (an undo brings the empty state back). */
static void
update_empty (PlPage *self)
{
  PlPagePrivate *priv = pl_page_get_instance_private (self);
  gboolean empty = priv->bound != NULL && PL_PAGE_GET_CLASS (self)->is_empty != NULL
                   && class_private (PL_PAGE_GET_CLASS (self))->empty[0] != NULL
                   && PL_PAGE_GET_CLASS (self)->is_empty (self);

  if (empty && priv->empty == NULL)
    {
      /* Held: a page's dispose may unparent all its children before this class's runs. */
      priv->empty = g_object_ref_sink (make_empty_state (self));
      gtk_widget_set_parent (priv->empty, GTK_WIDGET (self));
    }
  if (priv->empty == NULL)
    return;
  /* A popover a page hangs on itself comes and goes on its own. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_NATIVE (child))
      gtk_widget_set_visible (child, (child == priv->empty) == empty);
}

/* ---- following the plan ---- */

static void
refresh (PlPage *self, PlChangeMask change)
{
  PlPagePrivate *priv = pl_page_get_instance_private (self);

  priv->n_refreshes++;
  if (PL_PAGE_GET_CLASS (self)->refresh != NULL)
    PL_PAGE_GET_CLASS (self)->refresh (self, change);
  update_empty (self);
}

static void
bind (PlPage *self, PlPlan *plan)
{
  PlPagePrivate *priv = pl_page_get_instance_private (self);

  if (priv->bound == plan)
    return;
  priv->missed = 0;
  g_set_object (&priv->bound, plan);
  if (PL_PAGE_GET_CLASS (self)->bind != NULL)
    PL_PAGE_GET_CLASS (self)->bind (self, plan);
  update_empty (self);
}

static void
on_plan_changed_cb (PlPlan *plan, PlChangeMask change, PlPage *self)
{
  PlPagePrivate *priv = pl_page_get_instance_private (self);

  if (priv->bound == plan)
    pl_page_changed (self, change);
}

/* ---- GtkWidget ---- */

static void
pl_page_map (GtkWidget *widget)
{
  /* Before the children are mapped: what the page builds now is mapped with them. */
  pl_page_update (PL_PAGE (widget));
  GTK_WIDGET_CLASS (pl_page_parent_class)->map (widget);
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pl_page_search (PL_PAGE (widget));
}

/* ---- GObject ---- */

static void
pl_page_dispose (GObject *object)
{
  PlPage *self = PL_PAGE (object);
  PlPagePrivate *priv = pl_page_get_instance_private (self);

  /* The subclass has let go of its widgets by now: no bind (NULL) to call. */
  if (priv->plan != NULL)
    g_signal_handlers_disconnect_by_func (priv->plan, on_plan_changed_cb, self);
  g_clear_object (&priv->plan);
  g_clear_object (&priv->bound);
  if (priv->empty != NULL && gtk_widget_get_parent (priv->empty) == GTK_WIDGET (self))
    gtk_widget_unparent (priv->empty);
  g_clear_object (&priv->empty);
  G_OBJECT_CLASS (pl_page_parent_class)->dispose (object);
}

static void
pl_page_constructed (GObject *object)
{
  G_OBJECT_CLASS (pl_page_parent_class)->constructed (object);
  /* Only now is the class the page's own, not this one. */
  gtk_widget_action_set_enabled (GTK_WIDGET (object), "page.search", PL_PAGE_GET_CLASS (object)->search != NULL);
}

static void
pl_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PlPage *self = PL_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, pl_page_get_plan (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, pl_page_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PLAN:
      pl_page_set_plan (PL_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_page_class_init (PlPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pl_page_constructed;
  object_class->dispose = pl_page_dispose;
  object_class->get_property = pl_page_get_property;
  object_class->set_property = pl_page_set_property;
  widget_class->map = pl_page_map;

  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, PL_TYPE_PLAN,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Ctrl+F goes to the search of the page that has one. */
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "page.search", NULL);
}

static void
pl_page_init (PlPage *self)
{
}

/* ---- public API ---- */

void
pl_page_class_set_title (PlPageClass *klass, const char *title)
{
  g_return_if_fail (PL_IS_PAGE_CLASS (klass));
  class_private (klass)->title = title;
}

void
pl_page_class_set_shows (PlPageClass *klass, PlChangeMask shows)
{
  g_return_if_fail (PL_IS_PAGE_CLASS (klass));
  class_private (klass)->shows = shows;
}

void
pl_page_class_set_charts (PlPageClass *klass, const char * const *charts)
{
  g_return_if_fail (PL_IS_PAGE_CLASS (klass));
  class_private (klass)->charts = charts;
}

void
pl_page_class_set_empty_state (PlPageClass *klass, const char *title, const char *description,
                               const char *action_label, const char *action,
                               const char *second_label, const char *second_action)
{
  const char *texts[] = { title, description, action_label, action, second_label, second_action };

  g_return_if_fail (PL_IS_PAGE_CLASS (klass));
  g_return_if_fail (title != NULL && description != NULL && action_label != NULL && action != NULL);
  memcpy (class_private (klass)->empty, texts, sizeof texts);
}

GtkWidget *
pl_page_get_empty_state (PlPage *self)
{
  PlPagePrivate *priv = pl_page_get_instance_private (self);

  g_return_val_if_fail (PL_IS_PAGE (self), NULL);
  return priv->empty != NULL && gtk_widget_get_visible (priv->empty) ? priv->empty : NULL;
}

PlPlan *
pl_page_get_plan (PlPage *self)
{
  PlPagePrivate *priv = pl_page_get_instance_private (self);

  g_return_val_if_fail (PL_IS_PAGE (self), NULL);
  return priv->plan;
}

void
pl_page_set_plan (PlPage *self, PlPlan *plan)
{
  PlPagePrivate *priv = pl_page_get_instance_private (self);

  g_return_if_fail (PL_IS_PAGE (self));
  g_return_if_fail (plan == NULL || PL_IS_PLAN (plan));

  if (priv->plan == plan)
    return;
  if (priv->plan != NULL)
    g_signal_handlers_disconnect_by_func (priv->plan, on_plan_changed_cb, self);
  g_set_object (&priv->plan, plan);
  if (plan != NULL)
    g_signal_connect (plan, "changed", G_CALLBACK (on_plan_changed_cb), self);
  /* The old plan's widgets go now, so that a hidden page keeps no plan alive; the new one
   * is shown when the page is. */
  bind (self, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pl_page_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

PlPlan *
pl_page_get_bound_plan (PlPage *self)
{
  PlPagePrivate *priv = pl_page_get_instance_private (self);

  g_return_val_if_fail (PL_IS_PAGE (self), NULL);
  return priv->bound;
}

const char *
pl_page_get_title (PlPage *self)
{
  const char *title;

  g_return_val_if_fail (PL_IS_PAGE (self), NULL);
  title = class_private (PL_PAGE_GET_CLASS (self))->title;
  return title != NULL ? _(title) : NULL;
}

const char * const *
pl_page_get_charts (PlPage *self)
{
  g_return_val_if_fail (PL_IS_PAGE (self), NULL);
  return class_private (PL_PAGE_GET_CLASS (self))->charts;
}

void
pl_page_changed (PlPage *self, PlChangeMask change)
{
  PlPagePrivate *priv = pl_page_get_instance_private (self);

  g_return_if_fail (PL_IS_PAGE (self));
  /* Not shown yet: the first fill reads everything anyway. */
  if (priv->bound == NULL)
    return;
  change &= class_private (PL_PAGE_GET_CLASS (self))->shows;
  if (change == 0)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self, change);
  else
    priv->missed |= change;
}

void
pl_page_update (PlPage *self)
{
  PlPagePrivate *priv = pl_page_get_instance_private (self);
  PlChangeMask missed;

  g_return_if_fail (PL_IS_PAGE (self));
  if (priv->bound != priv->plan)
    {
      bind (self, priv->plan);
      if (priv->plan != NULL)
        refresh (self, PL_CHANGE_ALL);
      return;
    }
  missed = priv->missed;
  priv->missed = 0;
  if (missed != 0 && priv->bound != NULL)
    refresh (self, missed);
}

void
pl_page_present (PlPage *self)
{
  GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (self));

  g_return_if_fail (PL_IS_PAGE (self));
  if (GTK_IS_STACK (stack))
    gtk_stack_set_visible_child (GTK_STACK (stack), GTK_WIDGET (self));
  pl_page_update (self);
}

gboolean
pl_page_select_item (PlPage *self, PlItem *item)
{
  g_return_val_if_fail (PL_IS_PAGE (self), FALSE);
  g_return_val_if_fail (PL_IS_ITEM (item), FALSE);
  return PL_PAGE_GET_CLASS (self)->select_item != NULL && PL_PAGE_GET_CLASS (self)->select_item (self, item);
}

gboolean
pl_page_search (PlPage *self)
{
  g_return_val_if_fail (PL_IS_PAGE (self), FALSE);
  if (PL_PAGE_GET_CLASS (self)->search == NULL)
    return FALSE;
  pl_page_update (self);
  return PL_PAGE_GET_CLASS (self)->search (self);
}

guint
pl_page_get_n_refreshes (PlPage *self)
{
  PlPagePrivate *priv = pl_page_get_instance_private (self);

  g_return_val_if_fail (PL_IS_PAGE (self), 0);
  return priv->n_refreshes;
}

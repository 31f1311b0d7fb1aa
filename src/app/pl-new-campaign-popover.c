/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-new-campaign-popover"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-new-campaign-popover.h"
#include "pl-campaign-edits.h"
#include "pl-date-text.h"

struct _PlNewCampaignPopover
{
  GtkPopover  parent_instance;

  /* Template widgets */
  GtkLabel   *dates;
  GtkEntry   *name;
  GtkButton  *add;

  /* What was asked */
  PlPlan     *plan;
  PlItem     *like;
  guint       field;
  guint32     start, end;
};

G_DEFINE_FINAL_TYPE (PlNewCampaignPopover, pl_new_campaign_popover, GTK_TYPE_POPOVER)

enum { ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

PlNewCampaignPopover *
pl_new_campaign_popover_new (void)
{
  return g_object_new (PL_TYPE_NEW_CAMPAIGN_POPOVER, NULL);
}

void
pl_new_campaign_popover_ask (PlNewCampaignPopover *self, PlPlan *plan, guint32 start, guint32 end, PlItem *like,
                             guint field, const GdkRectangle *where)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;
  guint days = MAX (start, end) - MIN (start, end) + 1;

  g_return_if_fail (PL_IS_NEW_CAMPAIGN_POPOVER (self));
  g_set_object (&self->plan, plan);
  g_set_object (&self->like, like);
  self->field = field;
  self->start = MIN (start, end);
  self->end = MAX (start, end);
  from = pl_date_text (self->start, PL_DATE_DAY_MON_YEAR);
  to = pl_date_text (self->end, PL_DATE_DAY_MON_YEAR);
  /* Translators: the dates of a campaign about to be added, and how many days it lasts */
  text = g_strdup_printf (ngettext ("%s to %s (%u day)", "%s to %s (%u days)", days), from, to, days);
  gtk_label_set_label (self->dates, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->dates), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->name), "");
  gtk_popover_set_pointing_to (GTK_POPOVER (self), where);
  gtk_popover_popup (GTK_POPOVER (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name));
}

PlItem *
pl_new_campaign_popover_add (PlNewCampaignPopover *self)
{
  PlCampaignDraft draft = { .start = self->start, .end = self->end, .like = self->like, .like_field = self->field };
  g_autoptr(GError) error = NULL;
  PlItem *campaign;

  g_return_val_if_fail (PL_IS_NEW_CAMPAIGN_POPOVER (self), NULL);
  if (self->plan == NULL)
    return NULL;
  draft.name = gtk_editable_get_text (GTK_EDITABLE (self->name));
  campaign = pl_campaign_add (self->plan, &draft, &error);
  /* Refused (the lane's campaign names a segment or owner the plan no longer has): said
   * where the dates were, and the popover stays until Escape. */
  if (campaign == NULL)
    {
      gtk_label_set_wrap (self->dates, TRUE);
      gtk_label_set_max_width_chars (self->dates, 36);
      gtk_label_set_label (self->dates, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->dates), "error");
      return NULL;
    }
  /* Asked once, added once: a second Enter does nothing. */
  g_clear_object (&self->plan);
  g_clear_object (&self->like);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[ADDED], 0, campaign);
  return campaign;
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pl_new_campaign_popover_add (PL_NEW_CAMPAIGN_POPOVER (widget));
}

static void
pl_new_campaign_popover_dispose (GObject *object)
{
  PlNewCampaignPopover *self = PL_NEW_CAMPAIGN_POPOVER (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->like);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_NEW_CAMPAIGN_POPOVER);
  G_OBJECT_CLASS (pl_new_campaign_popover_parent_class)->dispose (object);
}

static void
pl_new_campaign_popover_class_init (PlNewCampaignPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_new_campaign_popover_dispose;
  /* The campaign just added, for the calendar to select. */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, PL_TYPE_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-new-campaign-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PlNewCampaignPopover, dates);
  gtk_widget_class_bind_template_child (widget_class, PlNewCampaignPopover, name);
  gtk_widget_class_bind_template_child (widget_class, PlNewCampaignPopover, add);
  gtk_widget_class_install_action (widget_class, "new-campaign.add", NULL, add_action);
}

static void
pl_new_campaign_popover_init (PlNewCampaignPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_popover_set_default_widget (GTK_POPOVER (self), GTK_WIDGET (self->add));
  /* Enter in the name adds, wherever the default widget stands. */
  g_signal_connect_swapped (self->name, "activate", G_CALLBACK (pl_new_campaign_popover_add), self);
}

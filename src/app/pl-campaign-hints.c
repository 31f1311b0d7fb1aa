/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-campaign-hints"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-a11y.h"
#include "pl-campaign-hints.h"
#include "pl-money.h"

#define MAX_HINTS 3

struct _PlCampaignHints
{
  GtkWidget   parent_instance;

  GtkWidget  *title;          /* an expander: the hints fold under it */
  GtkWidget  *rows;           /* a box of one row per hint */
  GtkWidget  *feedback;       /* what the last Keep did, with Undo */
  GtkLabel   *feedback_label;
  GtkWidget  *undo;
  GtkWidget  *problem;        /* a Keep refused */

  PlPlan     *plan;
  GArray     *hints;          /* PlReallocation, borrowing the plan's campaigns */
  GPtrArray  *texts;
  GPtrArray  *keeps;
  guint64     serial;         /* what the hints were computed from */
  PlBasis     basis;
  char       *kept_label;     /* the undo step of the last Keep, while its line shows */
  gboolean    kept_in;        /* that move is in the plan (not undone) */
  GtkWidget  *more;           /* the box of the hints after the first, in an expander */
  gboolean    more_expanded;  /* the user opened it: it stays open as the hints change */
};

G_DEFINE_FINAL_TYPE (PlCampaignHints, pl_campaign_hints, GTK_TYPE_WIDGET)

/* What the hints are computed from: the campaigns, their KPIs and results, their budget and
 * spend, and the KPIs the planning chain runs through. */
static const PlCollection depends[] = {
  PL_COLLECTION_CAMPAIGNS, PL_COLLECTION_CAMPAIGN_KPIS, PL_COLLECTION_KPIS, PL_COLLECTION_KPI_LINKS,
  PL_COLLECTION_ALLOCATIONS, PL_COLLECTION_SPEND, PL_COLLECTION_LINES, PL_COLLECTION_CATEGORIES, PL_COLLECTION_NONE,
};

static void
sync_visible (PlCampaignHints *self)
{
  gboolean any = self->hints != NULL && self->hints->len > 0;

  gtk_widget_set_visible (self->title, any);
  gtk_widget_set_visible (GTK_WIDGET (self), any || gtk_widget_get_visible (self->feedback) ||
                                             gtk_widget_get_visible (self->problem));
}

static void
on_keep_clicked_cb (GtkButton *button, PlCampaignHints *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  g_autoptr(GError) error = NULL;
  g_autofree char *said = NULL;

  if (self->plan == NULL || self->hints == NULL || index >= self->hints->len)
    return;
  said = g_strdup (g_ptr_array_index (self->texts, index));
  gtk_widget_set_visible (self->problem, FALSE);
  if (!pl_reallocation_apply (self->plan, &g_array_index (self->hints, PlReallocation, index), &error))
    {
      gtk_label_set_label (GTK_LABEL (self->problem), error->message);
      gtk_widget_set_visible (self->problem, TRUE);
      sync_visible (self);
      return;
    }
  g_free (self->kept_label);
  self->kept_label = g_strdup (pl_plan_get_undo_label (self->plan));
  self->kept_in = TRUE;
  {
    /* Translators: what was just done, the hint's own sentence */
    g_autofree char *text = g_strdup_printf (_("Kept: %s"), said);
    gtk_label_set_label (self->feedback_label, text);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->feedback), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  }
  gtk_widget_set_visible (self->undo, TRUE);
  gtk_widget_set_visible (self->feedback, TRUE);
  sync_visible (self);
}

/* TRUE when the move kept last is the plan's last edit. */
static gboolean
kept_is_last (PlCampaignHints *self)
{
  return self->plan != NULL && self->kept_label != NULL && pl_plan_can_undo (self->plan) &&
         g_strcmp0 (pl_plan_get_undo_label (self->plan), self->kept_label) == 0;
}

/* The Kept line follows the move through undo and redo: it goes when the move is undone
 * (the page never says kept for a move that is not in the plan) and comes back with redo;
 * its Undo shows only while the move is the last edit (later edits are the user's). */
static void
follow_kept (PlCampaignHints *self)
{
  gboolean last = kept_is_last (self);

  if (self->kept_label == NULL)
    return;
  if (last)
    self->kept_in = TRUE;
  else if (pl_plan_can_redo (self->plan) && g_strcmp0 (pl_plan_get_redo_label (self->plan), self->kept_label) == 0)
    self->kept_in = FALSE;
  gtk_widget_set_visible (self->feedback, self->kept_in);
  gtk_widget_set_visible (self->undo, last);
  sync_visible (self);
}

static void
on_undo_clicked_cb (PlCampaignHints *self)
{
  if (kept_is_last (self))
    pl_plan_undo (self->plan);
  self->kept_in = FALSE;
  gtk_widget_set_visible (self->feedback, FALSE);
  sync_visible (self);
}

static void
on_dismiss_cb (PlCampaignHints *self)
{
  g_clear_pointer (&self->kept_label, g_free);
  gtk_widget_set_visible (self->feedback, FALSE);
  sync_visible (self);
}

static void
on_more_expanded_cb (PlCampaignHints *self, GParamSpec *pspec, GtkExpander *expander)
{
  self->more_expanded = gtk_expander_get_expanded (expander);
}

static void
rebuild (PlCampaignHints *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->rows)) != NULL)
    gtk_box_remove (GTK_BOX (self->rows), child);
  self->more = NULL;
  g_ptr_array_set_size (self->texts, 0);
  g_ptr_array_set_size (self->keeps, 0);
  for (guint i = 0; self->hints != NULL && i < self->hints->len; i++)
    {
      GtkWidget *parent = self->rows;
      char *text = pl_reallocation_describe (self->plan, &g_array_index (self->hints, PlReallocation, i));
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *keep = gtk_button_new_with_label (_("Keep"));
      /* Translators: the accessible name of a hint's Keep button, then the hint */
      g_autofree char *name = g_strdup_printf (_("Keep: %s"), text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_valign (keep, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (keep, _("Move this budget now: one edit, which Undo takes back"));
      pl_a11y_label (keep, name);
      g_object_set_data (G_OBJECT (keep), "index", GUINT_TO_POINTER (i));
      g_signal_connect (keep, "clicked", G_CALLBACK (on_keep_clicked_cb), self);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), keep);
      /* The best one shows; the others wait behind a line that says how many, so that the
       * bar leaves the list its room. */
      if (i == 1)
        {
          guint more = self->hints->len - 1;
          g_autofree char *title = g_strdup_printf (ngettext ("%u more idea", "%u more ideas", more), more);
          GtkWidget *expander = gtk_expander_new (title);
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

          pl_a11y_label (expander, title);
          gtk_widget_set_margin_top (box, 6);
          gtk_expander_set_expanded (GTK_EXPANDER (expander), self->more_expanded);
          g_signal_connect_swapped (expander, "notify::expanded", G_CALLBACK (on_more_expanded_cb), self);
          gtk_expander_set_child (GTK_EXPANDER (expander), box);
          gtk_box_append (GTK_BOX (self->rows), expander);
          self->more = box;
        }
      if (i >= 1)
        parent = self->more;
      gtk_box_append (GTK_BOX (parent), row);
      g_ptr_array_add (self->texts, text);
      g_ptr_array_add (self->keeps, keep);
    }
  sync_visible (self);
}

/* ---- GObject ---- */

static void
pl_campaign_hints_dispose (GObject *object)
{
  PlCampaignHints *self = PL_CAMPAIGN_HINTS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->hints, g_array_unref);
  g_clear_pointer (&self->kept_label, g_free);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (pl_campaign_hints_parent_class)->dispose (object);
}

static void
pl_campaign_hints_finalize (GObject *object)
{
  PlCampaignHints *self = PL_CAMPAIGN_HINTS (object);

  g_ptr_array_unref (self->texts);
  g_ptr_array_unref (self->keeps);
  G_OBJECT_CLASS (pl_campaign_hints_parent_class)->finalize (object);
}

static void
pl_campaign_hints_class_init (PlCampaignHintsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_campaign_hints_dispose;
  object_class->finalize = pl_campaign_hints_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "campaignhints");
}

static void
fold (GtkWidget *expander)
{
  gtk_expander_set_expanded (GTK_EXPANDER (expander), FALSE);
}

static void
pl_campaign_hints_init (PlCampaignHints *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (widget);
  GtkWidget *dismiss, *title;

  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->keeps = g_ptr_array_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  /* The hints fold away under their title, for a list that needs the height. */
  title = gtk_label_new (_("Where the budget could work harder"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  self->title = gtk_expander_new (NULL);
  gtk_expander_set_label_widget (GTK_EXPANDER (self->title), title);
  pl_a11y_label (self->title, gtk_label_get_label (GTK_LABEL (title)));
  gtk_expander_set_expanded (GTK_EXPANDER (self->title), TRUE);
  gtk_widget_set_tooltip_text (self->title, _("From the campaigns with the highest cost per lead to those with the "
                                              "lowest, with the effect through the KPI chain. Nothing changes until you keep one."));
  gtk_widget_set_parent (self->title, widget);
  self->rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (self->rows, 6);
  gtk_expander_set_child (GTK_EXPANDER (self->title), self->rows);
  /* At large text the page has no height to spare: folded until asked for. */
  pl_a11y_when_large_text (self->title, fold);

  self->feedback = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->feedback), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Budget moved"), -1);
  gtk_box_append (GTK_BOX (self->feedback), gtk_image_new_from_icon_name ("object-select-symbolic"));
  self->feedback_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->feedback_label, TRUE);
  gtk_label_set_xalign (self->feedback_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->feedback_label), TRUE);
  gtk_box_append (GTK_BOX (self->feedback), GTK_WIDGET (self->feedback_label));
  self->undo = gtk_button_new_with_mnemonic (_("_Undo"));
  gtk_widget_set_valign (self->undo, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->undo, "clicked", G_CALLBACK (on_undo_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->feedback), self->undo);
  dismiss = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dismiss, "flat");
  gtk_widget_set_tooltip_text (dismiss, _("Dismiss"));
  pl_a11y_label (dismiss, _("Dismiss"));
  g_signal_connect_swapped (dismiss, "clicked", G_CALLBACK (on_dismiss_cb), self);
  gtk_box_append (GTK_BOX (self->feedback), dismiss);
  /* Set apart from the hints above it: it is news, not a proposal. */
  gtk_widget_set_margin_top (self->feedback, 6);
  gtk_widget_set_visible (self->feedback, FALSE);
  gtk_widget_set_parent (self->feedback, widget);

  self->problem = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->problem), 0);
  gtk_widget_add_css_class (self->problem, "problem-text");
  gtk_widget_set_visible (self->problem, FALSE);
  gtk_widget_set_parent (self->problem, widget);
  gtk_widget_set_visible (widget, FALSE);
}

PlCampaignHints *
pl_campaign_hints_new (void)
{
  return g_object_new (PL_TYPE_CAMPAIGN_HINTS, NULL);
}

void
pl_campaign_hints_update (PlCampaignHints *self, PlPlan *plan, const PlBasis *basis)
{
  guint64 serial;

  g_return_if_fail (PL_IS_CAMPAIGN_HINTS (self));
  if (plan != self->plan)
    {
      g_set_object (&self->plan, plan);
      g_clear_pointer (&self->kept_label, g_free);
      self->serial = 0;
      gtk_widget_set_visible (self->feedback, FALSE);
      gtk_widget_set_visible (self->problem, FALSE);
    }
  if (plan == NULL)
    {
      g_clear_pointer (&self->hints, g_array_unref);
      rebuild (self);
      return;
    }
  follow_kept (self);
  /* + 1: a fresh plan's serials may all be 0, as self->serial starts. */
  serial = pl_plan_get_collections_serial (plan, depends, G_N_ELEMENTS (depends)) + 1;
  if (serial == self->serial && pl_basis_equal (basis, &self->basis))
    return;
  self->serial = serial;
  self->basis = *basis;
  g_clear_pointer (&self->hints, g_array_unref);
  self->hints = pl_campaign_reallocations (plan, basis, MAX_HINTS);
  rebuild (self);
}

guint
pl_campaign_hints_get_n (PlCampaignHints *self)
{
  g_return_val_if_fail (PL_IS_CAMPAIGN_HINTS (self), 0);
  return self->hints ? self->hints->len : 0;
}

const char *
pl_campaign_hints_get_text (PlCampaignHints *self, guint index)
{
  g_return_val_if_fail (PL_IS_CAMPAIGN_HINTS (self), NULL);
  return index < self->texts->len ? g_ptr_array_index (self->texts, index) : NULL;
}

GtkWidget *
pl_campaign_hints_get_keep_button (PlCampaignHints *self, guint index)
{
  g_return_val_if_fail (PL_IS_CAMPAIGN_HINTS (self), NULL);
  return index < self->keeps->len ? g_ptr_array_index (self->keeps, index) : NULL;
}

const char *
pl_campaign_hints_get_feedback (PlCampaignHints *self)
{
  g_return_val_if_fail (PL_IS_CAMPAIGN_HINTS (self), NULL);
  return gtk_widget_get_visible (self->feedback) ? gtk_label_get_label (self->feedback_label) : NULL;
}

GtkWidget *
pl_campaign_hints_get_undo_button (PlCampaignHints *self)
{
  g_return_val_if_fail (PL_IS_CAMPAIGN_HINTS (self), NULL);
  return self->undo;
}

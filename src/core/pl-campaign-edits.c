/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-campaign-edits"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-campaign-edits.h"
#include "pl-enums.h"
#include "pl-error.h"

/* Copies every field of @from but the @n_skip in @skip into @to, as checked edits. */
static gboolean
copy_fields (PlPlan *plan, PlItem *to, PlItem *from, const guint *skip, guint n_skip, GError **error)
{
  guint n_fields;

  pl_item_get_fields (from, &n_fields);
  for (guint f = 0; f < n_fields; f++)
    {
      gboolean skipped = FALSE;

      for (guint s = 0; s < n_skip; s++)
        skipped |= skip[s] == f;
      if (!skipped && !pl_plan_copy_field (plan, to, f, from, error))
        return FALSE;
    }
  return TRUE;
}

PlItem *
pl_campaign_add (PlPlan *plan, const PlCampaignDraft *draft, GError **error)
{
  g_autoptr(PlItem) campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
  g_autofree char *name = g_strstrip (g_strdup (draft->name ? draft->name : ""));
  gboolean ok = TRUE;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  g_return_val_if_fail ((draft->start == 0) == (draft->end == 0), NULL);
  g_return_val_if_fail (draft->like == NULL || PL_IS_CAMPAIGN (draft->like), NULL);
  /* What the function chooses itself cannot be refused; what it was given is checked. */
  pl_item_set_string (campaign, PL_CAMPAIGN_NAME, *name != '\0' ? name : _("New campaign"));
  pl_item_set_int (campaign, PL_CAMPAIGN_STATUS, PL_STATUS_PLANNED);
  /* Adding is one edit: its label says what the undo button will take back. */
  pl_plan_begin_group (plan, _("Add a Campaign"));
  pl_plan_add (plan, campaign);
  if (draft->start != 0)
    ok = pl_plan_set_julian (plan, campaign, PL_CAMPAIGN_START, MIN (draft->start, draft->end), error) &&
         pl_plan_set_julian (plan, campaign, PL_CAMPAIGN_END, MAX (draft->start, draft->end), error);
  if (ok && draft->like != NULL)
    ok = pl_plan_copy_field (plan, campaign, draft->like_field, draft->like, error);
  /* Before the views hear of it: not "no dates" or "linked to no KPI" while being filled in. */
  if (ok && draft->filling)
    pl_plan_set_filling (plan, campaign);
  return pl_plan_finish_group (plan, ok) ? campaign : NULL;
}

/* Adds a link of @copy to the KPI of @link, with the same expected contribution. */
static gboolean
add_twin_link (PlPlan *plan, PlItem *link, PlItem *copy, GError **error)
{
  g_autoptr(PlItem) twin = g_object_new (PL_TYPE_CAMPAIGN_KPI, NULL);
  const guint skip[] = { PL_CAMPAIGN_KPI_CAMPAIGN };

  pl_item_set_string (twin, PL_CAMPAIGN_KPI_CAMPAIGN, pl_item_get_id (copy));
  pl_plan_add (plan, twin);
  return copy_fields (plan, twin, link, skip, G_N_ELEMENTS (skip), error);
}

PlItem *
pl_campaign_duplicate (PlPlan *plan, PlItem *campaign, GError **error)
{
  g_autoptr(PlItem) copy = g_object_new (PL_TYPE_CAMPAIGN, NULL);
  /* A copy starts over: planned, with no reason to stop. */
  const guint skip[] = { PL_CAMPAIGN_NAME, PL_CAMPAIGN_STATUS, PL_CAMPAIGN_STOP_REASON };
  GListModel *links;
  g_autofree char *name = NULL;
  gboolean ok;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  g_return_val_if_fail (PL_IS_CAMPAIGN (campaign), NULL);
  /* Translators: the name of a duplicated campaign */
  name = g_strdup_printf (_("%s (copy)"), pl_item_get_display_name (campaign));
  pl_item_set_string (copy, PL_CAMPAIGN_NAME, name);
  pl_item_set_int (copy, PL_CAMPAIGN_STATUS, PL_STATUS_PLANNED);
  pl_plan_begin_group (plan, _("Duplicate the Campaign"));
  pl_plan_add (plan, copy);
  ok = copy_fields (plan, copy, campaign, skip, G_N_ELEMENTS (skip), error);
  links = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  /* The twins go at the end: the count read first leaves them out. */
  for (guint i = 0, n = g_list_model_get_n_items (links); ok && i < n; i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);

      if (g_strcmp0 (pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN), pl_item_get_id (campaign)) == 0)
        ok = add_twin_link (plan, link, copy, error);
    }
  return pl_plan_finish_group (plan, ok) ? copy : NULL;
}

gboolean
pl_campaign_stop (PlPlan *plan, PlItem *campaign, const char *reason, GError **error)
{
  g_autofree char *said = g_strstrip (g_strdup (reason ? reason : ""));

  g_return_val_if_fail (PL_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (PL_IS_CAMPAIGN (campaign), FALSE);
  if (*said == '\0')
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                           _("Say why the campaign stops, so that the next review learns from it."));
      return FALSE;
    }
  /* The status and its reason are one decision: one undo takes both back. */
  pl_plan_begin_group (plan, _("Stop the Campaign"));
  return pl_plan_finish_group (plan, pl_plan_set_string (plan, campaign, PL_CAMPAIGN_STOP_REASON, said, error) &&
                                     pl_plan_set_int (plan, campaign, PL_CAMPAIGN_STATUS, PL_STATUS_STOPPED, error));
}

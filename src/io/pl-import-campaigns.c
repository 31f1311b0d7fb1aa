/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-import-campaigns"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pl-import-campaigns.h"
#include "pl-import-text.h"

struct _PlImportCampaigns
{
  GHashTable *codes;  /* key (campaign_key) → PlItem, or &several */
  GHashTable *names;
  GHashTable *links;  /* "CAMPAIGN-ID\nKPI-ID" → PlCampaignKpi */
};

/* What a key names when two campaigns share it. */
static char several;

/* Quotes an export may leave around a name, opening and closing. */
static const char * const quote_pairs[][2] = {
  { "\"", "\"" }, { "'", "'" }, { "“", "”" }, { "‘", "’" }, { "«", "»" }, { "„", "“" },
};

char *
pl_import_campaign_key (const char *cell)
{
  g_autoptr(GString) spaced = g_string_new (NULL);
  gboolean space = FALSE;
  char *text;
  gboolean stripped = TRUE;

  for (const char *p = cell ? cell : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        {
          space = TRUE;
          continue;
        }
      if (space && spaced->len > 0)
        g_string_append_c (spaced, ' ');
      space = FALSE;
      g_string_append_unichar (spaced, c);
    }
  text = spaced->str;
  while (stripped)
    {
      gsize length = strlen (text);

      stripped = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (quote_pairs); i++)
        {
          gsize open = strlen (quote_pairs[i][0]), close = strlen (quote_pairs[i][1]);

          if (length >= open + close && g_str_has_prefix (text, quote_pairs[i][0]) &&
              g_str_has_suffix (text, quote_pairs[i][1]))
            {
              text[length - close] = '\0';
              text += open;
              g_strstrip (text);
              stripped = TRUE;
              break;
            }
        }
    }
  return g_utf8_casefold (text, -1);
}

static void
index_add (GHashTable *index, const char *text, PlItem *campaign)
{
  g_autofree char *key = NULL;
  PlItem *held;

  if (text == NULL || *text == '\0')
    return;
  key = pl_import_campaign_key (text);
  if (*key == '\0')
    return;
  held = g_hash_table_lookup (index, key);
  g_hash_table_insert (index, g_steal_pointer (&key), held != NULL && held != campaign ? (gpointer) &several : campaign);
}

static char *
link_key (const char *campaign_id, const char *kpi_id)
{
  return g_strconcat (campaign_id ? campaign_id : "", "\n", kpi_id ? kpi_id : "", NULL);
}

PlImportCampaigns *
pl_import_campaigns_new (PlPlan *plan)
{
  PlImportCampaigns *self = g_new0 (PlImportCampaigns, 1);
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);

  self->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0, n = g_list_model_get_n_items (campaigns); i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);

      index_add (self->codes, pl_item_get_string (campaign, PL_CAMPAIGN_CODE), campaign);
      index_add (self->names, pl_item_get_string (campaign, PL_CAMPAIGN_NAME), campaign);
    }
  for (guint i = 0, n = g_list_model_get_n_items (links); i < n; i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      char *key = link_key (pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN), pl_item_get_string (link, PL_CAMPAIGN_KPI_KPI));

      /* The first link counts, as the campaigns page shows it first. */
      if (g_hash_table_contains (self->links, key))
        g_free (key);
      else
        g_hash_table_insert (self->links, key, link);
    }
  return self;
}

void
pl_import_campaigns_free (PlImportCampaigns *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->codes);
  g_hash_table_unref (self->names);
  g_hash_table_unref (self->links);
  g_free (self);
}

PlItem *
pl_import_campaigns_find (PlImportCampaigns *self, const char *cell, gboolean *ambiguous)
{
  g_autofree char *key = pl_import_campaign_key (cell);
  PlItem *found = g_hash_table_lookup (self->codes, key);

  if (found == NULL)
    found = g_hash_table_lookup (self->names, key);
  if (ambiguous != NULL)
    *ambiguous = found == (gpointer) &several;
  return found == (gpointer) &several ? NULL : found;
}

PlItem *
pl_import_campaigns_link (PlImportCampaigns *self, PlItem *campaign, PlItem *kpi)
{
  g_autofree char *key = link_key (pl_item_get_id (campaign), pl_item_get_id (kpi));

  return g_hash_table_lookup (self->links, key);
}

int
pl_import_guess_campaign_column (GStrv header)
{
  static const char * const names[] = {
    "campaign name", "campaign", "session campaign name", "session campaign", "first user campaign name",
    "first user campaign", "utm_campaign", "utm campaign", "nom de la campagne", "campagne", "campagne de session",
    "nom de campagne", "campaign id", NULL,
  };

  return pl_import_guess_column (header, names);
}

gboolean
pl_import_is_not_campaign (const char *cell)
{
  static const char * const none[] = {
    "(not set)", "(direct)", "(organic)", "(referral)", "(none)", "(cross-network)", "(data not available)",
    "(not provided)", "(other)", NULL,
  };
  g_autofree char *key = pl_import_campaign_key (cell);

  return *key == '\0' || g_strv_contains (none, key);
}

char *
pl_import_unmatched_text (const PlImportPreview *preview)
{
  g_autoptr(GString) list = g_string_new (NULL);

  if (preview->unmatched == NULL || preview->unmatched->len == 0)
    return NULL;
  for (guint i = 0; i < preview->unmatched->len; i++)
    {
      const PlImportUnmatched *name = &g_array_index (preview->unmatched, PlImportUnmatched, i);

      if (i > 0)
        /* Translators: between two campaign names in a list */
        g_string_append (list, _(", "));
      if (name->n_rows == 1)
        /* Translators: a campaign name of an import file that matched none, then its row */
        g_string_append_printf (list, _("“%s” (row %u)"), name->name, name->first_row);
      else
        /* Translators: a campaign name of an import file that matched none, its number of rows,
         * then the first of them */
        g_string_append_printf (list, ngettext ("“%s” (%u row, from row %u)", "“%s” (%u rows, from row %u)", name->n_rows),
                                name->name, name->n_rows, name->first_row);
    }
  /* Translators: the campaign names of an import that no campaign of the plan has, listed */
  return g_strdup_printf (ngettext ("No campaign of the plan is named or coded as %s: correct the name in the file, "
                                    "or give the campaign this name or code.",
                                    "No campaign of the plan is named or coded as %s: correct the names in the file, "
                                    "or give the campaigns these names or codes.",
                                    preview->unmatched->len),
                          list->str);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-report-settings"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pl-enums.h"
#include "pl-error.h"
#include "pl-figures.h"
#include "pl-formula.h"
#include "pl-hygiene.h"
#include "pl-report-settings.h"

/* The commentary lives in the metadata as an "a(ss)" sorted by section name, so that the
 * same commentary always writes the same bytes, whatever order it was typed in. */

static GVariant *
commentary_of (PlPlan *plan)
{
  return pl_item_get_variant (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_COMMENTARY);
}

const char *
pl_report_get_commentary (PlPlan *plan, const char *section)
{
  GVariant *all;
  GVariantIter iter;
  const char *key, *text;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  g_return_val_if_fail (section != NULL, NULL);
  all = commentary_of (plan);
  if (all == NULL)
    return NULL;
  g_variant_iter_init (&iter, all);
  /* The strings point into @all, which the metadata holds. */
  while (g_variant_iter_next (&iter, "(&s&s)", &key, &text))
    if (strcmp (key, section) == 0)
      return text;
  return NULL;
}

gboolean
pl_report_check_commentary (const char *text, GError **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("The commentary is not valid text."));
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > PL_COMMENTARY_MAX_CHARS)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("A commentary holds at most %d characters; this one has %ld. Keep it to a paragraph."),
                   PL_COMMENTARY_MAX_CHARS, (long) g_utf8_strlen (text, -1));
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_report_set_commentary (PlPlan *plan, const char *section, const char *text, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  GVariant *all;
  GVariantBuilder builder;
  gboolean placed = FALSE, any = FALSE;

  g_return_val_if_fail (PL_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (section != NULL && *section != '\0', FALSE);
  if (!pl_report_check_commentary (stripped, error))
    return FALSE;

  all = commentary_of (plan);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  if (all != NULL)
    {
      GVariantIter iter;
      const char *key, *old;

      g_variant_iter_init (&iter, all);
      while (g_variant_iter_next (&iter, "(&s&s)", &key, &old))
        {
          int order = strcmp (key, section);

          /* The new text goes where its section sorts, replacing the old one. */
          if (order >= 0 && !placed)
            {
              if (*stripped != '\0')
                {
                  g_variant_builder_add (&builder, "(ss)", section, stripped);
                  any = TRUE;
                }
              placed = TRUE;
            }
          if (order != 0)
            {
              g_variant_builder_add (&builder, "(ss)", key, old);
              any = TRUE;
            }
        }
    }
  if (!placed && *stripped != '\0')
    {
      g_variant_builder_add (&builder, "(ss)", section, stripped);
      any = TRUE;
    }
  {
    g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_builder_end (&builder));
    /* No commentary at all is no field, as a plan that never had one. */
    return pl_plan_set_variant (plan, PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_COMMENTARY,
                                any ? value : NULL, error);
  }
}

GBytes *
pl_report_dup_logo (PlPlan *plan)
{
  GVariant *logo;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  logo = pl_item_get_variant (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_LOGO);
  return logo != NULL ? g_variant_get_data_as_bytes (logo) : NULL;
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

gboolean
pl_report_check_logo (GBytes *png, GError **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  /* An IEND chunk: no data, its name, its CRC. */
  static const guint8 end[12] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82 };
  gsize size = 0;
  const guint8 *data = png ? g_bytes_get_data (png, &size) : NULL;

  if (size > PL_LOGO_MAX_BYTES)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("The logo is %lu KB; a logo is at most %d KB, since it travels inside the plan."),
                   (unsigned long) ((size + 1023) / 1024), PL_LOGO_MAX_BYTES / 1024);
      return FALSE;
    }
  if (size < sizeof signature || memcmp (data, signature, sizeof signature) != 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("The logo is not a PNG image."));
      return FALSE;
    }
  /* The header chunk comes first: 13 bytes, a size, a known depth and colour type; the
   * image ends with IEND (a file cut short does not). Decoding is the report's business. */
  if (size < 8 + 8 + 13 + 4 + sizeof end || read_be32 (data + 8) != 13 || memcmp (data + 12, "IHDR", 4) != 0 ||
      read_be32 (data + 16) == 0 || read_be32 (data + 20) == 0 ||
      (data[24] != 1 && data[24] != 2 && data[24] != 4 && data[24] != 8 && data[24] != 16) ||
      (data[25] != 0 && data[25] != 2 && data[25] != 3 && data[25] != 4 && data[25] != 6) ||
      memcmp (data + size - sizeof end, end, sizeof end) != 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("The logo is a damaged PNG image."));
      return FALSE;
    }
  /* A few kilobytes of PNG can unpack into gigabytes of pixels: such a logo would stall the
   * report and the window each time the plan opens, on every machine the plan travels to. */
  if (read_be32 (data + 16) > PL_LOGO_MAX_PIXELS || read_be32 (data + 20) > PL_LOGO_MAX_PIXELS)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("The logo is %lu × %lu pixels; a logo is at most %d pixels wide and high."),
                   (unsigned long) read_be32 (data + 16), (unsigned long) read_be32 (data + 20), PL_LOGO_MAX_PIXELS);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_report_set_logo (PlPlan *plan, GBytes *png, GError **error)
{
  g_return_val_if_fail (PL_IS_PLAN (plan), FALSE);
  if (png != NULL && !pl_report_check_logo (png, error))
    return FALSE;
  return pl_plan_set_variant (plan, PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_LOGO,
                              png ? g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, png, TRUE) : NULL,
                              error);
}

static void
add_headline (GPtrArray *ids, PlItem *kpi)
{
  if (kpi == NULL || ids->len >= PL_N_HEADLINES)
    return;
  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (ids->pdata[i], pl_item_get_id (kpi)))
      return;
  g_ptr_array_add (ids, g_strdup (pl_item_get_id (kpi)));
}

char **
pl_report_dup_headlines (PlPlan *plan)
{
  GListModel *kpis;
  const char * const *chosen;
  GPtrArray *ids;
  PlItem *revenue;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  chosen = pl_item_get_strv (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_HEADLINES);
  ids = g_ptr_array_new ();
  for (guint i = 0; chosen != NULL && chosen[i] != NULL; i++)
    {
      PlItem *kpi = pl_plan_lookup (plan, chosen[i]);
      if (kpi != NULL && PL_IS_KPI (kpi))
        add_headline (ids, kpi);
    }

  revenue = PL_ITEM (pl_figures_kpi_for_stage (plan, PL_STAGE_REVENUE));
  if (revenue == NULL)
    revenue = PL_ITEM (pl_figures_kpi_for_stage (plan, PL_STAGE_NEW_CUSTOMERS));
  add_headline (ids, revenue);
  /* The KPIs that are the summary's CAC and LTV:CAC rows, which their headlines then read. */
  add_headline (ids, PL_ITEM (pl_figures_kpi_for_figure (plan, PL_FIGURE_CAC)));
  add_headline (ids, PL_ITEM (pl_figures_kpi_for_figure (plan, PL_FIGURE_LTV_CAC)));
  /* Then what leadership already watches, then any KPI. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n && ids->len < PL_N_HEADLINES; i++)
      {
        g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
        if (pass == 1 || pl_item_get_int (kpi, PL_KPI_DASHBOARD))
          add_headline (ids, kpi);
      }
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

gboolean
pl_report_set_headlines (PlPlan *plan, const char * const *kpi_ids, GError **error)
{
  guint n = kpi_ids != NULL ? g_strv_length ((char **) kpi_ids) : 0;

  g_return_val_if_fail (PL_IS_PLAN (plan), FALSE);
  if (n > PL_N_HEADLINES)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("The board pack shows %d headline figures; %u were chosen."), PL_N_HEADLINES, n);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      PlItem *kpi = pl_plan_lookup (plan, kpi_ids[i]);

      if (kpi == NULL || !PL_IS_KPI (kpi))
        {
          g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                       _("The plan has no KPI “%s” to show as a headline figure."), kpi_ids[i]);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (kpi_ids[j], kpi_ids[i]))
          {
            g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                         _("“%s” is chosen twice as a headline figure; choose three different KPIs."),
                         pl_item_get_string (kpi, PL_KPI_NAME));
            return FALSE;
          }
    }
  return pl_plan_set_strv (plan, PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_HEADLINES,
                           n > 0 ? kpi_ids : NULL, error);
}

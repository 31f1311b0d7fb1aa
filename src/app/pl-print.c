/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-print"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-calendar.h"
#include "pl-chart-catalog.h"
#include "pl-chart-pages.h"
#include "pl-print.h"

typedef struct {
  PlPlan       *plan;
  const char * const *charts;
  const char   *title;
  PlChartPages *pages;
  GtkWidget    *split;  /* the custom tab's check button */
  gboolean      split_timeline;
  GVariantDict  choices;  /* remembered with the print settings */
} Job;

/* Each page's charts in the catalogue's order: page name -> a NULL-terminated array of chart
 * names. Made once from the catalogue and kept, as the catalogue is. */
static GHashTable *
page_charts (void)
{
  static GHashTable *pages = NULL;

  if (g_once_init_enter (&pages))
    {
      GHashTable *made = g_hash_table_new (g_str_hash, g_str_equal);
      guint n;
      const PlChartKind *kinds = pl_chart_catalog_list (&n);

      for (guint i = 0; i < n; i++)
        if (kinds[i].page != NULL)
          {
            GPtrArray *charts = g_hash_table_lookup (made, kinds[i].page);
            if (charts == NULL)
              g_hash_table_insert (made, (gpointer) kinds[i].page, charts = g_ptr_array_new_null_terminated (0, NULL, TRUE));
            g_ptr_array_add (charts, (gpointer) kinds[i].name);
          }
      g_once_init_leave (&pages, made);
    }
  return pages;
}

const char * const *
pl_print_charts_of_page (const char *page_name)
{
  GPtrArray *charts = page_name != NULL ? g_hash_table_lookup (page_charts (), page_name) : NULL;

  return charts != NULL ? (const char * const *) charts->pdata : NULL;
}

static void
begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, Job *job)
{
  /* The context is the printable area: GTK keeps the page setup's margins outside it. */
  job->pages = pl_chart_pages_new (job->plan, job->charts, job->title, pl_calendar_today (),
                                   gtk_print_context_get_width (context), gtk_print_context_get_height (context), 0,
                                   job->split_timeline);
  gtk_print_operation_set_n_pages (operation, MAX (1, (int) pl_chart_pages_get_n_pages (job->pages)));
}

static void
draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, Job *job)
{
  if ((guint) page < pl_chart_pages_get_n_pages (job->pages))
    pl_chart_pages_draw_page (job->pages, gtk_print_context_get_cairo_context (context), (guint) page);
}

static GObject *
create_custom_widget_cb (GtkPrintOperation *operation, Job *job)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  job->split = gtk_check_button_new_with_mnemonic (_("_Split the timeline by quarter, its dates kept readable"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (job->split), job->split_timeline);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_box_append (GTK_BOX (box), job->split);
  {
    GtkWidget *note = gtk_label_new (_("Otherwise the whole period fits the width of the page."));
    gtk_widget_add_css_class (note, "dim-label");
    gtk_label_set_xalign (GTK_LABEL (note), 0);
    gtk_widget_set_margin_start (note, 28);
    gtk_box_append (GTK_BOX (box), note);
  }
  return G_OBJECT (box);
}

static void
custom_widget_apply_cb (GtkPrintOperation *operation, GtkWidget *widget, Job *job)
{
  job->split_timeline = gtk_check_button_get_active (GTK_CHECK_BUTTON (job->split));
  g_variant_dict_insert (&job->choices, "pilote-split-timeline", "b", job->split_timeline);
}

/* ---- shared by every print ---- */

GtkPrintOperation *
pl_print_operation_new (GSettings *settings, const char *job_name)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GVariant) saved_setup = g_settings_get_value (settings, "page-setup");
  g_autoptr(GVariant) saved_settings = g_settings_get_value (settings, "print-settings");
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPrintSettings) print_settings = NULL;

  /* Remembered from the last print; A4 portrait with GTK's margins the first time. */
  setup = g_variant_n_children (saved_setup) > 0 ? gtk_page_setup_new_from_gvariant (saved_setup) : gtk_page_setup_new ();
  print_settings = g_variant_n_children (saved_settings) > 0 ? gtk_print_settings_new_from_gvariant (saved_settings)
                                                            : gtk_print_settings_new ();
  if (g_variant_n_children (saved_setup) == 0)
    {
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
      gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
    }
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_print_settings (operation, print_settings);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  return operation;
}

gboolean
pl_print_get_choice (GSettings *settings, const char *key)
{
  g_autoptr(GVariant) saved = g_settings_get_value (settings, "print-settings");
  gboolean value = FALSE;

  return g_variant_lookup (saved, key, "b", &value) && value;
}

gboolean
pl_print_operation_run (GtkPrintOperation *operation, GtkPrintOperationAction action, GtkWindow *parent,
                        GSettings *settings, GVariantDict *choices, GError **error)
{
  GtkPrintOperationResult result = gtk_print_operation_run (operation, action, parent, error);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_autoptr(GVariant) saved = g_settings_get_value (settings, "print-settings");
      /* Sunk: GVariantDict only reads a floating value, which would then never be freed. */
      g_autoptr(GVariant) used = g_variant_ref_sink (gtk_print_settings_to_gvariant (
                                                       gtk_print_operation_get_print_settings (operation)));
      GtkPageSetup *page = gtk_print_operation_get_default_page_setup (operation);
      GVariantDict dict;
      GVariantIter iter;
      const char *key;
      GVariant *value;

      g_variant_dict_init (&dict, used);
      /* Pilote's own choices ride along with GTK's settings: one print keeps another's. */
      g_variant_iter_init (&iter, saved);
      while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
        if (g_str_has_prefix (key, "pilote-"))
          g_variant_dict_insert_value (&dict, key, value);
      if (choices != NULL)
        {
          g_autoptr(GVariant) chosen = g_variant_ref_sink (g_variant_dict_end (choices));

          g_variant_iter_init (&iter, chosen);
          while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
            g_variant_dict_insert_value (&dict, key, value);
        }
      g_settings_set_value (settings, "print-settings", g_variant_dict_end (&dict));
      g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (page));
    }
  return TRUE;
}

/* ---- a page's charts ---- */

gboolean
pl_print_charts (GtkWindow *parent, GSettings *settings, PlPlan *plan, const char * const *charts, const char *title,
                 const char *export_to, GError **error)
{
  g_autoptr(GtkPrintOperation) operation = pl_print_operation_new (settings, title);
  Job job = { .plan = plan, .charts = charts, .title = title,
              .split_timeline = pl_print_get_choice (settings, "pilote-split-timeline") };
  gboolean ok;

  gtk_print_operation_set_custom_tab_label (operation, _("Timeline"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), &job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), &job);
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_custom_widget_cb), &job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb), &job);
  if (export_to != NULL)
    gtk_print_operation_set_export_filename (operation, export_to);
  g_variant_dict_init (&job.choices, NULL);
  g_variant_dict_insert (&job.choices, "pilote-split-timeline", "b", job.split_timeline);
  ok = pl_print_operation_run (operation, export_to ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                    : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, settings, &job.choices, error);
  g_variant_dict_clear (&job.choices);
  g_clear_pointer (&job.pages, pl_chart_pages_free);
  return ok;
}

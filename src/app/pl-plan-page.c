/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-plan-page"
#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "pl-calendar.h"
#include "pl-dashboard.h"
#include "pl-kpi-value.h"
#include "pl-money.h"
#include "pl-objective-progress.h"
#include "pl-enums.h"
#include "pl-fiscal-period.h"
#include "pl-plan-page.h"
#include "pl-record-table.h"
#include "pl-records.h"
#include "pl-report-settings.h"
#include "pl-error.h"

/* Contracts ending this soon are highlighted: time to renegotiate or cancel. */
#define CONTRACT_WARNING_DAYS 90

struct _PlPlanPage
{
  PlPage         parent_instance;

  /* Template widgets */
  GtkEntry      *title;
  GtkEntry      *organisation;
  GtkEntry      *owner;
  GtkEntry      *currency;
  GtkDropDown   *start_month;
  GtkSpinButton *start_year;
  GtkDropDown   *months;
  GtkTextView   *notes;
  GtkLabel      *metadata_problem;
  GtkFrame      *logo_frame;
  GtkPicture    *logo_picture;
  GtkLabel      *logo_state;
  GtkButton     *logo_choose;
  GtkButton     *logo_remove;
  GtkBox        *objectives_box;
  GtkBox        *segments_box;
  GtkBox        *playbook_box;
  GtkBox        *team_box;
  GtkBox        *martech_box;
  GtkBox        *rules_box;
  GtkBox        *calendar_box;

  /* Owned references */
  PlPlan        *plan;
  GPtrArray     *tables;
  GtkNativeDialog *chooser;
  GBytes        *logo_shown;  /* the logo the preview shows, to decode it only when it changes */
};

G_DEFINE_FINAL_TYPE (PlPlanPage, pl_plan_page, PL_TYPE_PAGE)

static const guint period_lengths[] = { 3, 6, 12 };

/* ---- the metadata form ---- */

static PlItem *
metadata (PlPlanPage *self)
{
  return PL_ITEM (pl_plan_get_metadata (self->plan));
}

static void
show_problem (PlPlanPage *self, const GError *error)
{
  gtk_label_set_label (self->metadata_problem, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->metadata_problem), error != NULL);
}

static void on_period_changed_cb (PlPlanPage *self);

static void
refresh_metadata (PlPlanPage *self)
{
  PlItem *meta;
  GDate start;
  g_autofree char *notes = NULL;
  GtkTextIter begin, end;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes);

  if (self->plan == NULL)
    return;
  meta = metadata (self);
  gtk_editable_set_text (GTK_EDITABLE (self->title), pl_plan_get_title (self->plan) ? pl_plan_get_title (self->plan) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->organisation),
                         pl_item_get_string (meta, PL_METADATA_ORGANISATION) ? pl_item_get_string (meta, PL_METADATA_ORGANISATION) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->owner),
                         pl_item_get_string (meta, PL_METADATA_OWNER) ? pl_item_get_string (meta, PL_METADATA_OWNER) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->currency), pl_plan_get_currency (self->plan));
  g_date_clear (&start, 1);
  g_date_set_julian (&start, pl_plan_get_start (self->plan));
  /* Set one after the other, the three would each make a period of the new and the old. */
  g_signal_handlers_block_by_func (self->start_month, on_period_changed_cb, self);
  g_signal_handlers_block_by_func (self->start_year, on_period_changed_cb, self);
  g_signal_handlers_block_by_func (self->months, on_period_changed_cb, self);
  gtk_drop_down_set_selected (self->start_month, g_date_get_month (&start) - 1);
  gtk_spin_button_set_value (self->start_year, g_date_get_year (&start));
  for (guint i = 0; i < G_N_ELEMENTS (period_lengths); i++)
    if (period_lengths[i] == pl_plan_get_months (self->plan))
      gtk_drop_down_set_selected (self->months, i);
  g_signal_handlers_unblock_by_func (self->start_month, on_period_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->start_year, on_period_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->months, on_period_changed_cb, self);
  /* The notes are being typed into: rewriting them would move the cursor. */
  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  notes = gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
  if (g_strcmp0 (notes, pl_item_get_string (meta, PL_METADATA_NOTES) ? pl_item_get_string (meta, PL_METADATA_NOTES) : "") != 0)
    gtk_text_buffer_set_text (buffer, pl_item_get_string (meta, PL_METADATA_NOTES) ? pl_item_get_string (meta, PL_METADATA_NOTES) : "", -1);
}

/* ---- the logo ---- */

static void
refresh_logo (PlPlanPage *self)
{
  g_autoptr(GBytes) logo = self->plan ? pl_report_dup_logo (self->plan) : NULL;

  if (logo != NULL && self->logo_shown != NULL && g_bytes_equal (logo, self->logo_shown))
    return;
  g_clear_pointer (&self->logo_shown, g_bytes_unref);
  gtk_picture_set_paintable (self->logo_picture, NULL);
  if (logo != NULL)
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (logo, NULL);
      g_autofree char *size = g_format_size (g_bytes_get_size (logo));
      g_autofree char *text = NULL;

      gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
      if (texture != NULL)
        /* Translators: the logo's size in pixels and in bytes: "400 × 120 pixels, 18.2 kB" */
        text = g_strdup_printf (_("%d × %d pixels, %s; on the report’s cover and at the top of its pages."),
                                gdk_texture_get_width (texture), gdk_texture_get_height (texture), size);
      else
        /* A file damaged after its header (a bad copy, a hand edit) opens, but its logo prints
         * as nothing: an empty frame would not say why. */
        text = g_strdup (_("This logo is damaged: it cannot be shown and is left out of the report. "
                           "Choose the image again."));
      gtk_label_set_label (self->logo_state, text);
      self->logo_shown = g_steal_pointer (&logo);
    }
  else
    gtk_label_set_label (self->logo_state, _("No logo. A PNG image of at most 256 KB goes on the report’s cover "
                                             "and at the top of its pages."));
  gtk_widget_set_visible (GTK_WIDGET (self->logo_frame), self->logo_shown != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->logo_remove), self->logo_shown != NULL);
}

/* Reads @file only when it may be a logo: a big file is refused from its size, unread.
 * *@too_big tells which advice fits the refusal. */
static GBytes *
read_logo_file (GFile *file, gboolean *too_big, GError **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                                 NULL, error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  *too_big = info != NULL && g_file_info_get_size (info) > PL_LOGO_MAX_BYTES;
  if (info == NULL)
    return NULL;
  if (*too_big)
    {
      /* In the words pl_report_check_logo() uses. */
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("The logo is %lu KB; a logo is at most %d KB, since it travels inside the plan."),
                   (unsigned long) ((g_file_info_get_size (info) + 1023) / 1024), PL_LOGO_MAX_BYTES / 1024);
      return NULL;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  if (!pl_report_check_logo (bytes, error))
    {
      gsize size = 0;
      const guint8 *data = g_bytes_get_data (bytes, &size);
      guint32 header[2] = { 0, 0 };  /* IHDR's width and height */

      if (size >= 24)
        memcpy (header, data + 16, sizeof header);
      /* Too many pixels: a smaller image is the cure, as for too many bytes. */
      *too_big = GUINT32_FROM_BE (header[0]) > PL_LOGO_MAX_PIXELS || GUINT32_FROM_BE (header[1]) > PL_LOGO_MAX_PIXELS;
      return NULL;
    }
  /* The header is sound: what follows must draw too, or the report would print a blank. */
  texture = gdk_texture_new_from_bytes (bytes, NULL);
  if (texture == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("The logo is a damaged PNG image."));
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

gboolean
pl_plan_page_set_logo_file (PlPlanPage *self, GFile *file, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean too_big = FALSE;

  g_return_val_if_fail (PL_IS_PLAN_PAGE (self) && G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->plan != NULL, FALSE);
  bytes = read_logo_file (file, &too_big, &local);
  if (bytes == NULL || !pl_report_set_logo (self->plan, bytes, &local))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) shown = NULL;

      /* The message names the file, and says what to do. */
      if (!g_error_matches (local, PL_ERROR, PL_ERROR_INVALID_VALUE))
        shown = g_error_new (local->domain, local->code, _("“%s” cannot be the logo: %s"), name, local->message);
      else if (too_big)
        shown = g_error_new (PL_ERROR, PL_ERROR_INVALID_VALUE,
                             _("“%s” cannot be the logo: %s Save a smaller image and choose it again."),
                             name, local->message);
      else
        shown = g_error_new (PL_ERROR, PL_ERROR_INVALID_VALUE,
                             _("“%s” cannot be the logo: %s Choose a PNG image."), name, local->message);
      show_problem (self, shown);
      g_propagate_error (error, g_steal_pointer (&shown));
      return FALSE;
    }
  show_problem (self, NULL);
  return TRUE;
}

static void
on_logo_response_cb (GtkNativeDialog *chooser, int response, PlPlanPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->plan != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        pl_plan_page_set_logo_file (self, file, NULL);
    }
}

static void
on_logo_choose_cb (PlPlanPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser == NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Choose the Logo"),
                                                                      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                      GTK_FILE_CHOOSER_ACTION_OPEN,
                                                                      _("_Choose"), _("_Cancel")));
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      gtk_file_filter_add_suffix (filter, "png");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
      gtk_native_dialog_set_modal (self->chooser, TRUE);
      g_signal_connect (self->chooser, "response", G_CALLBACK (on_logo_response_cb), self);
    }
  gtk_native_dialog_show (self->chooser);
}

static void
on_logo_remove_cb (PlPlanPage *self)
{
  if (self->plan != NULL)
    pl_report_set_logo (self->plan, NULL, NULL);
  show_problem (self, NULL);
}

static void
commit_text_field (PlPlanPage *self, GtkEntry *entry, guint field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *current;

  if (self->plan == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  current = pl_item_get_string (metadata (self), field);
  if (g_strcmp0 (current ? current : "", text) == 0)
    return;
  if (!pl_plan_set_string (self->plan, metadata (self), field, *text ? text : NULL, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      show_problem (self, error);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  show_problem (self, NULL);
}

static guint
field_of (PlPlanPage *self, GtkEntry *entry)
{
  if (entry == self->title)
    return PL_METADATA_TITLE;
  if (entry == self->organisation)
    return PL_METADATA_ORGANISATION;
  if (entry == self->owner)
    return PL_METADATA_OWNER;
  return PL_METADATA_CURRENCY;
}

static void
on_entry_commit_cb (GtkEntry *entry, PlPlanPage *self)
{
  commit_text_field (self, entry, field_of (self, entry));
}

static void
on_entry_focus_leave_cb (GtkEventControllerFocus *focus, PlPlanPage *self)
{
  GtkEntry *entry = GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));

  commit_text_field (self, entry, field_of (self, entry));
}

/* Checks the currency while it is typed; the edit is made on Enter or leaving the field. */
static void
on_currency_changed_cb (GtkEditable *editable, PlPlanPage *self)
{
  const char *text = gtk_editable_get_text (editable);

  if (strlen (text) == 3 && !pl_currency_is_valid (text))
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
}

static void
on_period_changed_cb (PlPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  guint month = gtk_drop_down_get_selected (self->start_month) + 1;
  guint year = (guint) gtk_spin_button_get_value_as_int (self->start_year);
  guint length = period_lengths[MIN (gtk_drop_down_get_selected (self->months), 2)];
  GDate start;

  if (self->plan == NULL || month < 1 || month > 12)
    return;
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, (GDateMonth) month, (GDateYear) year);
  if (g_date_get_julian (&start) == pl_plan_get_start (self->plan) && length == pl_plan_get_months (self->plan))
    return;
  pl_fiscal_period_set (self->plan, g_date_get_julian (&start), length, &error);
  show_problem (self, error);
}

static void
on_notes_changed_cb (GtkTextBuffer *buffer, PlPlanPage *self)
{
  GtkTextIter begin, end;
  g_autofree char *text = NULL;
  const char *current;

  /* The text shown again after an edit is the plan's own: no edit. */
  if (self->plan == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  text = gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
  current = pl_item_get_string (metadata (self), PL_METADATA_NOTES);
  if (g_strcmp0 (current ? current : "", text) != 0)
    pl_plan_set_string (self->plan, metadata (self), PL_METADATA_NOTES, *text ? text : NULL, NULL);
}

/* ---- the tables ---- */

static char *
owned_kpis (PlPlan *plan, PlItem *member)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      if (g_strcmp0 (pl_item_get_string (kpi, PL_KPI_OWNER), pl_item_get_id (member)) == 0)
        g_ptr_array_add (names, (gpointer) pl_item_get_string (kpi, PL_KPI_NAME));
    }
  g_ptr_array_add (names, NULL);
  /* Translators: the separator between the names of the KPIs a member owns */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

static PlRecordTable *
add_table (PlPlanPage *self, GtkBox *box, PlCollection collection, const char *add_label)
{
  PlRecordTable *table = pl_record_table_new (collection, add_label);

  gtk_box_append (box, GTK_WIDGET (table));
  g_ptr_array_add (self->tables, table);
  return table;
}

/* A new calendar item is a monthly review from the period's first day: the item leaders ask
 * for first. */
static void
prepare_entry (PlPlan *plan, PlItem *entry, gpointer data)
{
  pl_calendar_prepare_review (plan, entry);
}

/* ---- the objectives' progress ---- */

/* What an objective's progress is computed from: its KPI's figures and forecast. */
#define PROGRESS_CHANGES (pl_change_for_collection (PL_COLLECTION_KPIS) | pl_change_for_collection (PL_COLLECTION_SPEND) | \
                          pl_change_for_collection (PL_COLLECTION_LINES) | PL_CHANGE_METADATA)

/* As of the day the dashboard reads: the same months as every figure of the window. */
static void
progress_of (PlPlan *plan, PlItem *objective, PlObjectiveProgress *progress)
{
  pl_objective_progress (plan, PL_OBJECTIVE (objective), pl_dashboard_resolve_as_of (plan, pl_calendar_today ()),
                         progress);
}

/* A projection is an estimate: a count reads in whole units ("121", not "120.84"). */
static char *
estimate_text (PlKpi *kpi, double value)
{
  if (pl_item_get_int (PL_ITEM (kpi), PL_KPI_UNIT) == PL_UNIT_COUNT)
    value = round (value);
  return pl_kpi_value_format (kpi, value);
}

static char *
objective_actual (PlPlan *plan, PlItem *objective)
{
  PlObjectiveProgress progress;

  progress_of (plan, objective, &progress);
  if (progress.kpi == NULL || isnan (progress.actual))
    return g_strdup ("–");
  return pl_kpi_value_format (progress.kpi, progress.actual);
}

static char *
objective_projected (PlPlan *plan, PlItem *objective)
{
  PlObjectiveProgress progress;
  g_autofree char *value = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  progress_of (plan, objective, &progress);
  if (progress.kpi == NULL || isnan (progress.projected))
    return g_strdup ("–");
  value = estimate_text (progress.kpi, progress.projected);
  if (isnan (progress.projected_low) || progress.projected_low == progress.projected_high)
    return g_steal_pointer (&value);
  low = estimate_text (progress.kpi, progress.projected_low);
  high = estimate_text (progress.kpi, progress.projected_high);
  /* Translators: the latest estimate at the objective's due date, then its 80 % band: "983 (853–1,113)" */
  return g_strdup_printf (_("%s (%s–%s)"), value, low, high);
}

static char *
objective_status (PlPlan *plan, PlItem *objective)
{
  PlObjectiveProgress progress;

  progress_of (plan, objective, &progress);
  return g_strdup (pl_objective_status_describe (progress.status));
}

static void
build_tables (PlPlanPage *self)
{
  PlRecordTable *table;

  table = add_table (self, self->objectives_box, PL_COLLECTION_OBJECTIVES, _("_Add Objective"));
  /* The page is never empty (its title and period are a plan's start); what it asks for
   * first is an objective. */
  pl_record_table_set_suggest_first (table, TRUE);
  pl_record_table_add_column (table, PL_OBJECTIVE_STATEMENT, _("Objective"), TRUE);
  pl_record_table_add_column (table, PL_OBJECTIVE_KPI, _("Measured by"), FALSE);
  pl_record_table_add_column (table, PL_OBJECTIVE_TARGET, _("Target"), FALSE);
  pl_record_table_add_column (table, PL_OBJECTIVE_DUE, _("Due"), FALSE);
  pl_record_table_add_derived_fixed (table, _("Actual to date"), objective_actual, PROGRESS_CHANGES, 110);
  pl_record_table_add_derived_fixed (table, _("Projected"), objective_projected, PROGRESS_CHANGES, 190);
  pl_record_table_add_derived_fixed (table, _("Status"), objective_status, PROGRESS_CHANGES, 120);

  table = add_table (self, self->segments_box, PL_COLLECTION_SEGMENTS, _("Add _Segment"));
  pl_record_table_add_column (table, PL_SEGMENT_NAME, _("Segment"), FALSE);
  pl_record_table_add_column (table, PL_SEGMENT_PROFILE, _("Ideal customer profile"), TRUE);
  pl_record_table_add_column (table, PL_SEGMENT_STAGE, _("Journey stages"), TRUE);

  table = add_table (self, self->playbook_box, PL_COLLECTION_GTM, _("Add _Play"));
  pl_record_table_add_column (table, PL_PLAY_SEQUENCE, _("Order"), FALSE);
  pl_record_table_add_column (table, PL_PLAY_SEGMENT, _("Segment"), FALSE);
  pl_record_table_add_column (table, PL_PLAY_MESSAGE, _("Message"), TRUE);
  pl_record_table_add_column (table, PL_PLAY_CHANNEL, _("Channel"), FALSE);
  pl_record_table_add_column (table, PL_PLAY_TIMING, _("Timing"), FALSE);

  table = add_table (self, self->team_box, PL_COLLECTION_MEMBERS, _("Add _Member"));
  pl_record_table_add_column (table, PL_MEMBER_NAME, _("Name"), FALSE);
  pl_record_table_add_column (table, PL_MEMBER_ROLE, _("Role"), FALSE);
  pl_record_table_add_derived (table, _("Owns the KPIs"), owned_kpis, pl_change_for_collection (PL_COLLECTION_KPIS));

  table = add_table (self, self->martech_box, PL_COLLECTION_TOOLS, _("Add _Tool"));
  pl_record_table_add_column (table, PL_TOOL_NAME, _("Tool"), TRUE);
  pl_record_table_add_column (table, PL_TOOL_PURPOSE, _("Purpose"), TRUE);
  pl_record_table_add_column (table, PL_TOOL_COST, _("Annual cost"), FALSE);
  pl_record_table_add_column (table, PL_TOOL_CONTRACT_END, _("Contract ends"), FALSE);
  pl_record_table_set_soon (table, PL_TOOL_CONTRACT_END, CONTRACT_WARNING_DAYS);

  /* The rules the spend import saved (issue 23): seen and corrected here, or a wrong mapping
   * would come back at every import. */
  table = add_table (self, self->rules_box, PL_COLLECTION_SPEND_RULES, _("Add a Spending R_ule"));
  pl_record_table_add_column (table, PL_SPEND_RULE_MATCH, _("Matches"), FALSE);
  pl_record_table_add_column (table, PL_SPEND_RULE_PATTERN, _("Account, supplier or words"), TRUE);
  pl_record_table_add_column (table, PL_SPEND_RULE_LINE, _("Budget line"), FALSE);
  pl_record_table_add_column (table, PL_SPEND_RULE_CAMPAIGN, _("Campaign"), FALSE);

  table = add_table (self, self->calendar_box, PL_COLLECTION_CALENDAR, _("Add a _Review or Milestone"));
  pl_record_table_add_column (table, PL_ENTRY_KIND, _("Kind"), FALSE);
  pl_record_table_add_column (table, PL_ENTRY_TITLE, _("Title"), TRUE);
  pl_record_table_add_column (table, PL_ENTRY_CAMPAIGN, _("Campaign"), FALSE);
  pl_record_table_add_column (table, PL_ENTRY_START, _("Date"), FALSE);
  pl_record_table_add_column (table, PL_ENTRY_END, _("Until"), FALSE);
  pl_record_table_add_column (table, PL_ENTRY_CADENCE, _("Repeats"), FALSE);
  pl_record_table_set_prepare (table, prepare_entry, self);
}

/* ---- PlPage ---- */

static void
pl_plan_page_bind (PlPage *page, PlPlan *plan)
{
  PlPlanPage *self = PL_PLAN_PAGE (page);

  g_set_object (&self->plan, plan);
  refresh_logo (self);
  for (guint i = 0; i < self->tables->len; i++)
    pl_record_table_set_plan (g_ptr_array_index (self->tables, i), plan);
  show_problem (self, NULL);
}

static void
pl_plan_page_refresh (PlPage *page, PlChangeMask change)
{
  refresh_metadata (PL_PLAN_PAGE (page));
  refresh_logo (PL_PLAN_PAGE (page));
}

/* The plan's own reviews and milestones are edited here; a campaign's, with the campaign. */
static gboolean
pl_plan_page_select_item (PlPage *page, PlItem *item)
{
  PlPlan *plan = pl_page_get_plan (page);

  if (!PL_IS_ENTRY (item) || plan == NULL || pl_plan_lookup (plan, pl_item_get_string (item, PL_ENTRY_CAMPAIGN)) != NULL)
    return FALSE;
  pl_page_present (page);
  return TRUE;
}

/* ---- GObject ---- */

static void
pl_plan_page_dispose (GObject *object)
{
  PlPlanPage *self = PL_PLAN_PAGE (object);
  GtkWidget *child;

  g_clear_object (&self->plan);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->logo_shown, g_bytes_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PLAN_PAGE);
  /* The template's scrolled window has no ID, so disposing the template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pl_plan_page_parent_class)->dispose (object);
}

static void
pl_plan_page_finalize (GObject *object)
{
  PlPlanPage *self = PL_PLAN_PAGE (object);

  g_ptr_array_unref (self->tables);
  G_OBJECT_CLASS (pl_plan_page_parent_class)->finalize (object);
}

static void
pl_plan_page_class_init (PlPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PlPageClass *page_class = PL_PAGE_CLASS (klass);

  object_class->dispose = pl_plan_page_dispose;
  object_class->finalize = pl_plan_page_finalize;
  page_class->bind = pl_plan_page_bind;
  page_class->refresh = pl_plan_page_refresh;
  page_class->select_item = pl_plan_page_select_item;
  pl_page_class_set_title (page_class, N_("Plan"));
  /* The form; the tables follow their own collections. */
  pl_page_class_set_shows (page_class, PL_CHANGE_METADATA);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-plan-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, title);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, organisation);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, owner);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, currency);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, start_month);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, start_year);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, months);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, notes);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, metadata_problem);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, logo_frame);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, logo_state);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, logo_choose);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, logo_remove);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, objectives_box);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, segments_box);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, playbook_box);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, team_box);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, martech_box);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, rules_box);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, calendar_box);
}

static void
pl_plan_page_init (PlPlanPage *self)
{
  GtkEntry *entries[4];
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) lengths = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->tables = g_ptr_array_new ();

  entries[0] = self->title;
  entries[1] = self->organisation;
  entries[2] = self->owner;
  entries[3] = self->currency;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();
      g_signal_connect (entries[i], "activate", G_CALLBACK (on_entry_commit_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_entry_focus_leave_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (entries[i]), focus);
    }
  gtk_entry_set_max_length (self->currency, 3);
  g_signal_connect (self->currency, "changed", G_CALLBACK (on_currency_changed_cb), self);

  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2000, m, 1, 0, 0, 0);
      /* Translators: a month name alone, see strftime(3) */
      g_autofree char *name = g_date_time_format (date, _("%B"));
      gtk_string_list_append (months, name);
    }
  gtk_drop_down_set_model (self->start_month, G_LIST_MODEL (months));
  for (guint i = 0; i < G_N_ELEMENTS (period_lengths); i++)
    {
      g_autofree char *label = g_strdup_printf (ngettext ("%u month", "%u months", period_lengths[i]), period_lengths[i]);
      gtk_string_list_append (lengths, label);
    }
  gtk_drop_down_set_model (self->months, G_LIST_MODEL (lengths));
  g_signal_connect_swapped (self->start_month, "notify::selected", G_CALLBACK (on_period_changed_cb), self);
  g_signal_connect_swapped (self->months, "notify::selected", G_CALLBACK (on_period_changed_cb), self);
  g_signal_connect_swapped (self->start_year, "value-changed", G_CALLBACK (on_period_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->notes), "changed", G_CALLBACK (on_notes_changed_cb), self);
  g_signal_connect_swapped (self->logo_choose, "clicked", G_CALLBACK (on_logo_choose_cb), self);
  g_signal_connect_swapped (self->logo_remove, "clicked", G_CALLBACK (on_logo_remove_cb), self);
  refresh_logo (self);

  build_tables (self);
}

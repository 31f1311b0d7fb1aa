/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-import-dialog"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-error.h"
#include "pl-import-dialog.h"
#include "pl-import-campaigns.h"
#include "pl-import-flow.h"
#include "pl-kpi-value.h"
#include "pl-measurement-import.h"

/* Rows shown in the preview: enough to check the mapping, never a slow list. */
#define PREVIEW_ROWS 500

struct _PlImportDialog
{
  GtkWindow             parent_instance;

  /* Template widgets */
  GtkLabel             *file_label;
  GtkDropDown          *layout;
  GtkDropDown          *date_column;
  GtkDropDown          *date_format;
  GtkWidget            *kpi_label;
  GtkDropDown          *kpi_column;
  GtkWidget            *value_label;
  GtkDropDown          *value_column;
  GtkDropDown          *decimal;
  GtkDropDown          *thousands;
  GtkWidget            *percent_label;
  GtkDropDown          *percent;
  GtkDropDown          *campaign_column;  /* "None", then the file's columns */
  GtkWidget            *kpi_map_label;
  GtkFlowBox           *kpi_map;          /* a column per KPI: each column's KPI, a drop-down each */
  GtkLabel             *unmatched;
  GtkLabel             *summary;
  GtkLabel             *notes;
  GtkColumnView        *preview;
  GtkListBox           *rejected;
  GtkWidget            *rejected_box;
  GtkButton            *import_button;
  GtkWidget            *cancel_button;
  GtkWidget            *options;

  /* Owned references */
  PlPlan               *plan;
  GFile                *file;
  char                 *text;
  gsize                 length;
  PlImportPreview      *result;
  GtkStringList        *rows;        /* indexes into result->changes, for the column view */
  GtkFileChooserNative *chooser;
  GtkColumnViewColumn  *campaign_view_column; /* the preview's, shown for campaign results */
  char                 *campaign_number;  /* the campaign column chosen, 1-based, for the options */
  GPtrArray            *map_kpis;         /* the KPIs the column drop-downs offer, after "Not read" */
  GPtrArray            *map_choices;      /* GtkDropDown, one per column of the file */
  GStrv                 kpi_columns;      /* "NUMBER=KPI-ID" of each column read, for the options */
  gboolean              filling;
  gboolean              done;        /* imported: the dialog says what changed, and only closes */
};

G_DEFINE_FINAL_TYPE (PlImportDialog, pl_import_dialog, GTK_TYPE_WINDOW)

static const PlImportDateFormat date_formats[] = {
  PL_IMPORT_DATE_AUTO, PL_IMPORT_DATE_ISO, PL_IMPORT_DATE_DMY, PL_IMPORT_DATE_MDY, PL_IMPORT_DATE_COMPACT,
  PL_IMPORT_DATE_MONTH, PL_IMPORT_DATE_WORDS,
};
static const PlImportPercent percent_choices[] = {
  PL_IMPORT_PERCENT_AUTO, PL_IMPORT_PERCENT_NUMBERS, PL_IMPORT_PERCENT_FRACTIONS,
};
static const char thousands_separators[] = { 0, ',', '.', ' ', '\'' };

/* ---- the preview ---- */

static const char *
column_name (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);
  return item ? gtk_string_object_get_string (item) : NULL;
}

static void
show_rejected (PlImportDialog *self)
{
  pl_import_flow_clear_list (self->rejected);
  gtk_widget_set_visible (self->rejected_box, self->result && self->result->rejected->len > 0);
  for (guint i = 0; self->result && i < self->result->rejected->len; i++)
    pl_import_flow_add_text_row (self->rejected, ((PlImportRejection *) self->result->rejected->pdata[i])->message, TRUE);
  /* The campaign names that matched none, once each above their rows: what the CMO corrects. */
  {
    g_autofree char *unmatched = self->result ? pl_import_unmatched_text (self->result) : NULL;

    gtk_label_set_label (self->unmatched, unmatched ? unmatched : "");
    gtk_widget_set_visible (GTK_WIDGET (self->unmatched), unmatched != NULL);
  }
}

/* The import options the drop-downs say; the strings are borrowed from them. */
static void
read_choices (PlImportDialog *self, PlImportOptions *options)
{
  *options = (PlImportOptions) { 0 };
  options->wide = gtk_drop_down_get_selected (self->layout) == 1;
  options->date_column = column_name (self->date_column);
  options->kpi_column = options->wide ? NULL : column_name (self->kpi_column);
  options->value_column = options->wide ? NULL : column_name (self->value_column);
  options->date_format = date_formats[MIN (gtk_drop_down_get_selected (self->date_format), G_N_ELEMENTS (date_formats) - 1)];
  options->decimal = gtk_drop_down_get_selected (self->decimal) == 1 ? ',' : '.';
  options->thousands = thousands_separators[MIN (gtk_drop_down_get_selected (self->thousands),
                                                 G_N_ELEMENTS (thousands_separators) - 1)];
  options->percent = percent_choices[MIN (gtk_drop_down_get_selected (self->percent), G_N_ELEMENTS (percent_choices) - 1)];
  /* By its number: two columns may have the same header. "None" reads KPI measurements, even
   * from a column headed like campaigns. */
  g_clear_pointer (&self->campaign_number, g_free);
  if (gtk_drop_down_get_selected (self->campaign_column) > 0 &&
      gtk_drop_down_get_selected (self->campaign_column) != GTK_INVALID_LIST_POSITION)
    self->campaign_number = g_strdup_printf ("%u", gtk_drop_down_get_selected (self->campaign_column));
  options->campaign_column = self->campaign_number;
  options->no_campaign = self->campaign_number == NULL;
  /* A column per KPI: the KPI each column's drop-down says ("New contacts" read as Leads). */
  g_clear_pointer (&self->kpi_columns, g_strfreev);
  if (options->wide && self->map_choices != NULL)
    {
      g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();

      for (guint c = 0; c < self->map_choices->len; c++)
        {
          guint chosen = gtk_drop_down_get_selected (self->map_choices->pdata[c]);
          g_autofree char *entry = NULL;

          if (chosen == 0 || chosen > self->map_kpis->len || !gtk_widget_get_visible (gtk_widget_get_parent (
                                                                   gtk_widget_get_parent (self->map_choices->pdata[c]))))
            continue;
          entry = g_strdup_printf ("%u=%s", c + 1, pl_item_get_id (self->map_kpis->pdata[chosen - 1]));
          g_strv_builder_add (columns, entry);
        }
      self->kpi_columns = g_strv_builder_end (columns);
      options->kpi_columns = self->kpi_columns[0] != NULL ? (const char * const *) self->kpi_columns : NULL;
    }
}

/* Shows the columns' KPI choices for a file with a column per KPI, but for the dates' and
 * the campaigns' columns. */
static void
show_kpi_map (PlImportDialog *self, const PlImportOptions *options)
{
  guint date = gtk_drop_down_get_selected (self->date_column);
  guint campaign = gtk_drop_down_get_selected (self->campaign_column);

  gtk_widget_set_visible (self->kpi_map_label, options->wide && self->map_choices && self->map_choices->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->kpi_map), gtk_widget_get_visible (self->kpi_map_label));
  for (guint c = 0; self->map_choices && c < self->map_choices->len; c++)
    gtk_widget_set_visible (gtk_widget_get_parent (gtk_widget_get_parent (self->map_choices->pdata[c])),
                            c != date && c + 1 != campaign);
}

/* What the import would do, in a sentence: the values added and replaced, the rows rejected. */
static char *
describe_result (PlImportDialog *self)
{
  PlImportCounts counts = pl_import_changes_count (self->result->changes);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *added = g_strdup_printf (ngettext ("%u value to add", "%u values to add", counts.added), counts.added);
  g_autofree char *replaced = NULL;
  g_autofree char *what = NULL;

  if (counts.added > 0 && counts.replaced > 0)
    {
      replaced = g_strdup_printf (ngettext ("%u to replace", "%u to replace", counts.replaced), counts.replaced);
      /* Translators: values an import would add, then values it would replace */
      what = g_strdup_printf (_("%s and %s"), added, replaced);
    }
  else if (counts.replaced > 0)
    what = g_strdup_printf (ngettext ("%u value to replace", "%u values to replace", counts.replaced), counts.replaced);
  else if (counts.added > 0)
    what = g_steal_pointer (&added);
  else
    what = g_strdup (_("Nothing to add or replace"));
  /* Translators: what an import would change, then the rows of the file */
  g_string_append_printf (text, ngettext ("%s, from %u row.", "%s, from %u rows.", self->result->n_records),
                          what, self->result->n_records);
  if (counts.unchanged > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u value is in the plan already.", "%u values are in the plan already.",
                                              counts.unchanged), counts.unchanged);
    }
  if (self->result->rejected->len > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u row rejected, listed below: fix the file or the choices above, or import without it.",
                                              "%u rows rejected, listed below: fix the file or the choices above, or import without them.",
                                              self->result->n_rejected_rows), self->result->n_rejected_rows);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Under the summary, in plain weight: what was read differently from the file's face (the
 * campaign column, rows from no campaign, links added) and the columns left out; NULL: none. */
static char *
describe_notes (PlImportDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->result->notes[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", self->result->notes[i]);
  if (self->result->ignored[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", self->result->ignored);
      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* Translators: the columns of the file an import does not read */
      g_string_append_printf (text, _("Columns not read, as they name no KPI: %s."), list);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
recompute (PlImportDialog *self)
{
  PlImportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *label = NULL, *notes = NULL;
  gboolean ambiguous;
  guint n_rows, n_changing = 0;

  if (self->filling || self->text == NULL || self->done)
    return;
  read_choices (self, &options);
  show_kpi_map (self, &options);
  /* Read again: the columns shown decide which are read. */
  read_choices (self, &options);
  /* A column per KPI has neither: hidden, not greyed out, so they don't read as chosen. */
  gtk_widget_set_visible (self->kpi_label, !options.wide);
  gtk_widget_set_visible (GTK_WIDGET (self->kpi_column), !options.wide);
  gtk_widget_set_visible (self->value_label, !options.wide);
  gtk_widget_set_visible (GTK_WIDGET (self->value_column), !options.wide);

  g_clear_pointer (&self->result, pl_import_preview_free);
  self->result = pl_import_preview (self->plan, self->text, (gssize) self->length, &options, &error);
  ambiguous = g_error_matches (error, PL_ERROR, PL_ERROR_AMBIGUOUS);
  n_rows = self->result ? self->result->changes->len : 0;
  pl_import_flow_set_indexes (self->rows, MIN (n_rows, PREVIEW_ROWS));
  show_rejected (self);
  /* The percent choice matters only for a file with percentages written without "%"; when
   * the file and the plan cannot tell, it is asked, not reported as an error. */
  gtk_widget_set_visible (self->percent_label, ambiguous || (self->result && self->result->unsigned_percent) ||
                                               options.percent != PL_IMPORT_PERCENT_AUTO);
  gtk_widget_set_visible (GTK_WIDGET (self->percent), gtk_widget_get_visible (self->percent_label));
  if (ambiguous)
    /* Translators: a question after the reason an import cannot tell percentages from fractions */
    text = g_strdup_printf (_("%s Choose how the file writes them under Percentages."), error->message);
  else if (self->result == NULL)
    text = g_strdup (error->message);
  else
    {
      text = describe_result (self);
      notes = describe_notes (self);
    }
  gtk_label_set_label (self->summary, text);
  gtk_label_set_label (self->notes, notes ? notes : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->notes), notes);
  gtk_widget_set_visible (GTK_WIDGET (self->notes), notes != NULL);
  gtk_window_set_title (GTK_WINDOW (self), options.campaign_column ? _("Import Campaign Results") : _("Import Measurements"));
  if (self->result == NULL && !ambiguous)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary), "problem-text");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary), "problem-text");
  if (self->result != NULL)
    {
      PlImportCounts counts = pl_import_changes_count (self->result->changes);
      n_changing = counts.added + counts.replaced;
    }
  gtk_column_view_column_set_visible (self->campaign_view_column, options.campaign_column != NULL);
  if (n_changing == 0)
    label = g_strdup (_("_Import"));
  else if (options.campaign_column != NULL)
    label = g_strdup_printf (ngettext ("_Import %u Campaign Result", "_Import %u Campaign Results", n_changing), n_changing);
  else
    label = g_strdup_printf (ngettext ("_Import %u Measurement", "_Import %u Measurements", n_changing), n_changing);
  gtk_button_set_label (self->import_button, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", n_changing > 0);
}

static void
on_option_changed_cb (PlImportDialog *self)
{
  recompute (self);
}

/* A drop-down per column of @header choosing its KPI, each on the KPI its header names. */
static void
fill_kpi_map (PlImportDialog *self, GStrv header)
{
  GListModel *kpis = pl_plan_get_collection (self->plan, PL_COLLECTION_KPIS);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->kpi_map))) != NULL)
    gtk_flow_box_remove (self->kpi_map, child);
  g_ptr_array_set_size (self->map_choices, 0);
  g_ptr_array_set_size (self->map_kpis, 0);
  /* Translators: the choice of no KPI for a column of an import file */
  gtk_string_list_append (names, _("Not read"));
  /* A KPI computed from its formula takes no import. */
  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      const char *formula = pl_item_get_string (kpi, PL_KPI_FORMULA);

      if (formula != NULL && *formula != '\0')
        continue;
      g_ptr_array_add (self->map_kpis, kpi);
      gtk_string_list_append (names, pl_item_get_string (kpi, PL_KPI_NAME));
    }
  for (guint c = 0; header[c] != NULL; c++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (header[c]);
      GtkWidget *choice = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
      PlItem *named = pl_import_find_kpi (self->plan, header[c]);
      guint index = 0;

      for (guint k = 0; named != NULL && k < self->map_kpis->len; k++)
        if (self->map_kpis->pdata[k] == named)
          index = k + 1;
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), index);
      /* Translators: the accessible name of the choice of a column's KPI in an import: the column's header */
      {
        g_autofree char *name = g_strdup_printf (_("KPI of the column “%s”"), header[c]);
        gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        gtk_widget_set_tooltip_text (choice, name);
      }
      g_signal_connect_swapped (choice, "notify::selected", G_CALLBACK (on_option_changed_cb), self);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), choice);
      gtk_flow_box_append (self->kpi_map, box);
      g_ptr_array_add (self->map_choices, choice);
    }
}

/* Fills the column drop-downs from the header, each on its best guess. */
static void
fill_columns (PlImportDialog *self, GStrv header, char delimiter)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  int date, kpi, value;
  guint n = g_strv_length (header);

  g_autoptr(GtkStringList) campaign_names = gtk_string_list_new (NULL);
  int campaign = pl_import_guess_campaign_column (header);

  /* Translators: the choice of no campaign column in an import: the file holds KPI figures */
  gtk_string_list_append (campaign_names, _("None: KPI measurements"));
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (names, header[i]);
      gtk_string_list_append (campaign_names, header[i]);
    }
  pl_import_guess_columns (header, &date, &kpi, &value);
  self->filling = TRUE;
  gtk_drop_down_set_model (self->date_column, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->kpi_column, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->value_column, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->date_column, (guint) MAX (date, 0));
  gtk_drop_down_set_selected (self->kpi_column, (guint) (kpi >= 0 ? kpi : MIN (1, (int) n - 1)));
  gtk_drop_down_set_selected (self->value_column, (guint) (value >= 0 ? value : MIN (2, (int) n - 1)));
  gtk_drop_down_set_model (self->campaign_column, G_LIST_MODEL (campaign_names));
  gtk_drop_down_set_selected (self->campaign_column, (guint) (campaign + 1));
  fill_kpi_map (self, header);
  /* Without a KPI column and a value column, the file has a column per KPI. */
  gtk_drop_down_set_selected (self->layout, kpi >= 0 && value >= 0 ? 0 : 1);
  /* Files separated by ";" come from where "," is the decimal separator. */
  gtk_drop_down_set_selected (self->decimal, delimiter == ';' ? 1 : 0);
  self->filling = FALSE;
}

/* Chooses the thousands separator when it makes more rows read ("32,500" in a GA4 file,
 * "1.234,5" from a CRM): pl_import_guess_thousands(), as the command line does. */
static void
guess_thousands (PlImportDialog *self)
{
  PlImportOptions options;
  char thousands;

  read_choices (self, &options);
  thousands = pl_import_guess_thousands (self->plan, self->text, (gssize) self->length, &options);
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->thousands, thousands == ',' ? 1 : thousands == '.' ? 2 : 0);
  self->filling = FALSE;
}

gboolean
pl_import_dialog_set_file (PlImportDialog *self, GFile *file, GError **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) header = NULL;
  gsize length;
  char delimiter = 0;

  g_return_val_if_fail (PL_IS_IMPORT_DIALOG (self), FALSE);
  if ((text = pl_import_read_file (file, &length, error)) == NULL)
    return FALSE;
  g_set_object (&self->file, file);
  g_free (self->text);
  self->text = g_steal_pointer (&text);
  self->length = length;
  pl_import_flow_show_file (self->file_label, file);
  /* The choices are filled from the header with their guesses, then they rule; a file
   * without a header to choose from says why in the summary (recompute). */
  header = pl_import_read_header (self->text, (gssize) self->length, &delimiter, NULL);
  if (header != NULL)
    {
      fill_columns (self, header, delimiter);
      guess_thousands (self);
    }
  recompute (self);
  return TRUE;
}

/* ---- preview cells ---- */

/* A cell of the preview, as pl_import_flow_add_column() asks. */
static char *
cell_text (GtkWidget *dialog, guint index, int column, GtkLabel *label)
{
  PlImportDialog *self = PL_IMPORT_DIALOG (dialog);
  const PlImportChange *change;
  char *text = NULL;

  if (self->result == NULL || index >= self->result->changes->len)
    return NULL;
  change = &g_array_index (self->result->changes, PlImportChange, index);
  switch (column)
    {
    case 0:
      text = g_strdup_printf ("%u", change->row);
      break;
    case 1:
      text = g_strdup (pl_item_get_string (change->item, PL_KPI_NAME));
      break;
    case 2:
      text = pl_import_change_period_text (self->plan, change);
      break;
    case 3:
      text = pl_import_change_format_value (change, FALSE);
      break;
    case 5:
      text = g_strdup (change->campaign ? pl_item_get_display_name (change->campaign) : "");
      break;
    default:
      /* What the import replaces: nothing, the figure there was, or the same figure. */
      if (change->n_previous == 0)
        text = g_strdup (_("new"));
      else if (pl_import_change_is_unchanged (change))
        text = g_strdup (_("unchanged"));
      else
        text = pl_import_change_format_value (change, TRUE);
      break;
    }
  return text;
}

/* ---- actions ---- */

static gboolean
set_file (GtkWindow *dialog, GFile *file, GError **error)
{
  return pl_import_dialog_set_file (PL_IMPORT_DIALOG (dialog), file, error);
}

static void
choose_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlImportDialog *self = PL_IMPORT_DIALOG (widget);
  const PlImportFlowFiles files = {
    _("Choose a CSV File"), _("CSV files"), (const char * const[]) { "text/csv", NULL },
    (const char * const[]) { "*.csv", "*.tsv", NULL }, FALSE,
  };

  pl_import_flow_choose (GTK_WINDOW (self), &self->chooser, &files, set_file, self->summary);
}

static void
apply_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlImportDialog *self = PL_IMPORT_DIALOG (widget);
  g_autofree char *source = NULL, *counted = NULL, *message = NULL;
  PlImportCounts counts;

  if (self->result == NULL || self->done)
    return;
  /* The file's name tells later readers where the figures came from. */
  source = self->file ? g_file_get_basename (self->file) : NULL;
  counts = pl_import_changes_count (self->result->changes);
  pl_import_apply (self->plan, self->result, source);
  /* The dialog stays to say what changed, as the command line does: the values added and
   * replaced are the user's to check (Undo takes them back in one step). */
  self->done = TRUE;
  counted = pl_import_counts_text (&counts);
  /* Translators: the file imported, then "3 values added, 2 replaced, 1 unchanged" */
  message = g_strdup_printf (_("Imported from %s: %s."), source ? source : "", counted);
  pl_import_flow_show_done (widget, "import", message, self->summary, self->options, self->cancel_button,
                            self->import_button);
  gtk_widget_set_visible (GTK_WIDGET (self->notes), FALSE);
}

/* ---- GObject ---- */

static void
pl_import_dialog_dispose (GObject *object)
{
  PlImportDialog *self = PL_IMPORT_DIALOG (object);

  pl_import_flow_destroy_chooser (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->rows);
  g_clear_object (&self->campaign_view_column);
  g_clear_pointer (&self->map_choices, g_ptr_array_unref);
  g_clear_pointer (&self->map_kpis, g_ptr_array_unref);
  g_clear_pointer (&self->result, pl_import_preview_free);
  G_OBJECT_CLASS (pl_import_dialog_parent_class)->dispose (object);
}

static void
pl_import_dialog_finalize (GObject *object)
{
  g_free (PL_IMPORT_DIALOG (object)->text);
  g_free (PL_IMPORT_DIALOG (object)->campaign_number);
  g_strfreev (PL_IMPORT_DIALOG (object)->kpi_columns);
  G_OBJECT_CLASS (pl_import_dialog_parent_class)->finalize (object);
}

static void
pl_import_dialog_class_init (PlImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_import_dialog_dispose;
  object_class->finalize = pl_import_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, layout);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, date_column);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, date_format);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, kpi_label);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, kpi_column);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, value_label);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, value_column);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, decimal);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, thousands);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, percent_label);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, percent);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, campaign_column);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, kpi_map_label);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, kpi_map);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, unmatched);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, notes);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, rejected);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, rejected_box);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PlImportDialog, options);
  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "import.choose", NULL);
}

static void
pl_import_dialog_init (PlImportDialog *self)
{
  const char *layouts[] = { _("A row per KPI and date"), _("A column per KPI"), NULL };
  const char *formats[] = { _("Dates: automatic"), _("Dates like 2027-03-31"), _("Dates like 31/03/2027"),
                            _("Dates like 03/31/2027"), _("Dates like 20270331"), _("Months like 2027-03, 01/2027 or Jan 2027"),
                            _("Dates like Dec 1, 2026 or 1 déc. 2026"), NULL };
  const char *decimals[] = { _("Decimal point (1234.5)"), _("Decimal comma (1234,5)"), NULL };
  const char *thousands[] = { _("No thousands separator"), _("Thousands: 1,234"), _("Thousands: 1.234"),
                              _("Thousands: 1 234"), _("Thousands: 1'234"), NULL };
  /* Translators: how an import reads "0.9" for a KPI measured in percent */
  const char *percents[] = { _("As the header or the plan says"), _("0.9 means 0.9%"), _("0.9 means 90%"), NULL };
  GtkDropDown *dropdowns[9];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = gtk_string_list_new (NULL);
  self->map_choices = g_ptr_array_new ();
  self->map_kpis = g_ptr_array_new ();
  gtk_column_view_set_model (self->preview, GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)))));
  pl_import_flow_add_column (self->preview, GTK_WIDGET (self), 0, _("Row"), 0, cell_text);
  pl_import_flow_add_column (self->preview, GTK_WIDGET (self), 5, _("Campaign"), PL_IMPORT_FLOW_COLUMN_EXPAND, cell_text);
  self->campaign_view_column = g_list_model_get_item (gtk_column_view_get_columns (self->preview), 1);
  gtk_column_view_column_set_visible (self->campaign_view_column, FALSE);
  pl_import_flow_add_column (self->preview, GTK_WIDGET (self), 1, _("KPI"), PL_IMPORT_FLOW_COLUMN_EXPAND, cell_text);
  pl_import_flow_add_column (self->preview, GTK_WIDGET (self), 2, _("Period"), 0, cell_text);
  pl_import_flow_add_column (self->preview, GTK_WIDGET (self), 3, _("Value"), PL_IMPORT_FLOW_COLUMN_END, cell_text);
  pl_import_flow_add_column (self->preview, GTK_WIDGET (self), 4, _("Replaces"), PL_IMPORT_FLOW_COLUMN_END, cell_text);
  gtk_drop_down_set_model (self->layout, G_LIST_MODEL (gtk_string_list_new (layouts)));
  gtk_drop_down_set_model (self->date_format, G_LIST_MODEL (gtk_string_list_new (formats)));
  gtk_drop_down_set_model (self->decimal, G_LIST_MODEL (gtk_string_list_new (decimals)));
  gtk_drop_down_set_model (self->thousands, G_LIST_MODEL (gtk_string_list_new (thousands)));
  gtk_drop_down_set_model (self->percent, G_LIST_MODEL (gtk_string_list_new (percents)));
  dropdowns[0] = self->layout;
  dropdowns[1] = self->date_column;
  dropdowns[2] = self->date_format;
  dropdowns[3] = self->kpi_column;
  dropdowns[4] = self->value_column;
  dropdowns[5] = self->decimal;
  dropdowns[6] = self->thousands;
  dropdowns[7] = self->percent;
  dropdowns[8] = self->campaign_column;
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    g_signal_connect_swapped (dropdowns[i], "notify::selected", G_CALLBACK (on_option_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
}

PlImportDialog *
pl_import_dialog_new (GtkWindow *parent, PlPlan *plan)
{
  PlImportDialog *self = g_object_new (PL_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);

  self->plan = g_object_ref (plan);
  /* Closed with its window, which owns the plan; not by destroy-with-parent (see the note in
   * pl_window_dispose). The handler goes when the dialog does. */
  g_signal_connect_object (parent, "destroy", G_CALLBACK (gtk_window_destroy), self, G_CONNECT_SWAPPED);
  return self;
}

guint
pl_import_dialog_get_n_rows (PlImportDialog *self)
{
  return self->result ? self->result->changes->len : 0;
}

guint
pl_import_dialog_get_n_rejected (PlImportDialog *self)
{
  return self->result ? self->result->n_rejected_rows : 0;
}

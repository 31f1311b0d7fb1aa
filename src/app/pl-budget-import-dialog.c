/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-budget-import-dialog"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-budget-import-dialog.h"
#include "pl-budget-import.h"
#include "pl-import-flow.h"
#include "pl-money.h"
#include "pl-sheet-read.h"

/* The columns of the preview, left to right. */
enum { COLUMN_ROW, COLUMN_LINE, COLUMN_CATEGORY, COLUMN_STATUS, COLUMN_YEAR, COLUMN_DETAILS };

struct _PlBudgetImportDialog
{
  GtkWindow             parent_instance;

  /* Template widgets */
  GtkLabel             *file_label;
  GtkWidget            *sheet_label;
  GtkDropDown          *sheet;
  GtkLabel             *summary;
  GtkColumnView        *preview;
  GtkListBox           *reading;
  GtkButton            *import_button;
  GtkWidget            *cancel_button;
  GtkWidget            *options;

  /* Owned references */
  PlPlan               *plan;
  GFile                *file;
  PlBudgetPreview      *result;
  GtkStringList        *rows;        /* indexes into result->lines, for the column view */
  GtkFileChooserNative *chooser;
  gboolean              filling;     /* the sheet drop-down is being filled: no reading */
  gboolean              done;
  guint                 n_reading;   /* lines of how the sheet was read, shown or not */
};

G_DEFINE_FINAL_TYPE (PlBudgetImportDialog, pl_budget_import_dialog, GTK_TYPE_WINDOW)

/* ---- the preview ---- */

/* Lines of how the sheet was read: enough to check it, never a slow list (a sheet of ten
 * thousand rows skipped says how many more there are). */
#define READING_ROWS 300

static void
add_reading (PlBudgetImportDialog *self, const char *text, gboolean problem)
{
  if (self->n_reading++ >= READING_ROWS)
    return;
  gtk_label_set_selectable (GTK_LABEL (pl_import_flow_add_text_row (self->reading, text, problem)), TRUE);
}

/* How the sheet was read: the rows skipped first (what the user must look at), then the
 * header, each column, and the rows that are categories or totals. */
static void
show_reading (PlBudgetImportDialog *self)
{
  pl_import_flow_clear_list (self->reading);
  self->n_reading = 0;
  if (self->result == NULL)
    return;
  for (guint i = 0; i < self->result->rows->len; i++)
    {
      const PlBudgetRow *row = g_ptr_array_index (self->result->rows, i);
      g_autofree char *text = NULL;

      if (row->kind != PL_BUDGET_ROW_SKIPPED)
        continue;
      text = pl_budget_import_describe_row (row);
      add_reading (self, text, TRUE);
    }
  {
    /* Translators: the row of a sheet that heads the months */
    g_autofree char *header = g_strdup_printf (_("Header: row %u."), self->result->header_row);
    add_reading (self, header, FALSE);
  }
  {
    g_auto(GStrv) columns = pl_budget_import_describe_columns (self->plan, self->result);
    for (guint i = 0; columns[i] != NULL; i++)
      add_reading (self, columns[i], FALSE);
  }
  for (guint i = 0; i < self->result->rows->len; i++)
    {
      const PlBudgetRow *row = g_ptr_array_index (self->result->rows, i);
      g_autofree char *text = NULL;

      if (row->kind == PL_BUDGET_ROW_LINE || row->kind == PL_BUDGET_ROW_SKIPPED)
        continue;
      text = pl_budget_import_describe_row (row);
      add_reading (self, text, FALSE);
    }
  if (self->n_reading > READING_ROWS)
    {
      guint more = self->n_reading - READING_ROWS;
      g_autofree char *text = g_strdup_printf (ngettext ("And %u more row, not shown.", "And %u more rows, not shown.", more),
                                               more);
      self->n_reading = 0;
      add_reading (self, text, FALSE);
    }
}

/* What the import would do, in sentences. */
static char *
describe_result (PlBudgetImportDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *counts = pl_budget_import_counts_text (self->result);

  /* Translators: "2 lines new, 1 changed, 3 unchanged, 0 rows skipped" */
  g_string_append_printf (text, _("To import: %s."), counts);
  for (guint i = 0; self->result->new_categories[i] != NULL; i++)
    {
      g_string_append_c (text, ' ');
      /* Translators: a category the import creates */
      g_string_append_printf (text, _("New category: “%s”."), self->result->new_categories[i]);
    }
  if (self->result->n_skipped > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, ngettext ("The row skipped is listed below: fix the sheet, or import without it.",
                                       "The rows skipped are listed below: fix the sheet, or import without them.",
                                       self->result->n_skipped));
    }
  for (guint i = 0; self->result->notes[i] != NULL; i++)
    g_string_append_printf (text, " %s", self->result->notes[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Reads the sheet chosen of the dialog's file; FALSE with @error when the file is no
 * spreadsheet it reads. */
static gboolean
read_sheet (PlBudgetImportDialog *self, const char *sheet_name, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PlSheet) sheet = NULL;
  g_autofree char *label = NULL;
  guint n_changing = 0;

  g_clear_pointer (&self->result, pl_budget_import_preview_free);
  sheet = pl_sheet_read_file (self->file, sheet_name, &local_error);
  if (sheet != NULL && sheet_name == NULL)
    {
      /* A new file: with several sheets, the user chooses. */
      guint n = g_strv_length (sheet->names);
      self->filling = TRUE;
      gtk_drop_down_set_model (self->sheet, G_LIST_MODEL (gtk_string_list_new ((const char * const *) sheet->names)));
      gtk_drop_down_set_selected (self->sheet, 0);
      self->filling = FALSE;
      gtk_widget_set_visible (GTK_WIDGET (self->sheet), n > 1);
      gtk_widget_set_visible (self->sheet_label, n > 1);
    }
  if (sheet != NULL)
    self->result = pl_budget_import_preview (self->plan, sheet, &local_error);
  pl_import_flow_set_indexes (self->rows, self->result != NULL ? self->result->lines->len : 0);
  show_reading (self);
  if (self->result != NULL)
    {
      g_autofree char *text = describe_result (self);
      gtk_label_set_label (self->summary, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary), "problem-text");
      n_changing = self->result->n_new + self->result->n_changed;
    }
  else
    pl_import_flow_show_problem (self->summary, local_error->message);
  label = n_changing > 0 ? g_strdup_printf (ngettext ("_Import %u Line", "_Import %u Lines", n_changing), n_changing)
                         : g_strdup (_("_Import"));
  gtk_button_set_label (self->import_button, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget-import.apply", n_changing > 0);
  if (sheet == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
on_sheet_changed_cb (PlBudgetImportDialog *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->sheet);

  if (self->filling || self->file == NULL || item == NULL || self->done)
    return;
  read_sheet (self, gtk_string_object_get_string (item), NULL);
}

gboolean
pl_budget_import_dialog_set_file (PlBudgetImportDialog *self, GFile *file, GError **error)
{
  g_return_val_if_fail (PL_IS_BUDGET_IMPORT_DIALOG (self), FALSE);
  g_set_object (&self->file, file);
  pl_import_flow_show_file (self->file_label, file);
  return read_sheet (self, NULL, error);
}

/* ---- preview cells ---- */

static char *
year_total (PlBudgetImportDialog *self, const PlBudgetLineChange *change)
{
  gint64 total = 0;

  for (guint m = 0; m < change->n_months; m++)
    total = pl_money_sum (total, change->amounts[m]);
  return pl_money_format (total, pl_plan_get_currency_exponent (self->plan), pl_plan_get_currency (self->plan));
}

/* A cell of the preview, as pl_import_flow_add_column() asks. */
static char *
cell_text (GtkWidget *dialog, guint index, int column, GtkLabel *label)
{
  PlBudgetImportDialog *self = PL_BUDGET_IMPORT_DIALOG (dialog);
  const PlBudgetLineChange *change;
  char *text = NULL;

  if (self->result == NULL || index >= self->result->lines->len)
    return NULL;
  change = g_ptr_array_index (self->result->lines, index);
  switch (column)
    {
    case COLUMN_ROW:
      text = g_strdup_printf ("%u", change->row);
      break;
    case COLUMN_LINE:
      text = g_strdup (change->line ? pl_item_get_string (PL_ITEM (change->line), PL_BUDGET_LINE_NAME) : change->name);
      break;
    case COLUMN_CATEGORY:
      if (change->line != NULL)
        {
          PlItem *category = pl_plan_lookup (self->plan, pl_item_get_string (PL_ITEM (change->line), PL_BUDGET_LINE_CATEGORY));
          text = g_strdup (category ? pl_item_get_string (category, PL_CATEGORY_NAME) : "");
        }
      else if (change->category == NULL)
        /* Translators: a category the import creates, in the preview */
        text = g_strdup_printf (_("%s (new)"), change->category_name);
      else
        text = g_strdup (change->category_name);
      break;
    case COLUMN_STATUS:
      text = g_strdup (change->status == PL_BUDGET_LINE_NEW ? _("new")
                       : change->status == PL_BUDGET_LINE_CHANGED ? _("changed") : _("unchanged"));
      break;
    case COLUMN_YEAR:
      text = year_total (self, change);
      break;
    default:
      {
        g_autofree char *months = change->status == PL_BUDGET_LINE_CHANGED
                                  ? pl_budget_import_describe_months (self->plan, change) : g_strdup ("");
        text = change->note == NULL ? g_steal_pointer (&months)
               : *months ? g_strdup_printf ("%s (%s)", months, change->note) : g_strdup (change->note);
      }
      /* The whole of a long list of months, on hovering. */
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), *text ? text : NULL);
      break;
    }
  if (column == COLUMN_STATUS && change->status == PL_BUDGET_LINE_UNCHANGED)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  return text;
}

/* Every column of the budget preview can be resized: line names and changes run long. */
static void
add_column (PlBudgetImportDialog *self, int column, const char *title, PlImportFlowColumnFlags flags)
{
  pl_import_flow_add_column (self->preview, GTK_WIDGET (self), column, title, flags | PL_IMPORT_FLOW_COLUMN_RESIZABLE,
                             cell_text);
}

/* ---- actions ---- */

static gboolean
set_file (GtkWindow *dialog, GFile *file, GError **error)
{
  return pl_budget_import_dialog_set_file (PL_BUDGET_IMPORT_DIALOG (dialog), file, error);
}

static void
choose_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlBudgetImportDialog *self = PL_BUDGET_IMPORT_DIALOG (widget);
  const PlImportFlowFiles files = {
    _("Choose a Budget Sheet"), _("Spreadsheets and CSV files"),
    (const char * const[]) { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                             "application/vnd.oasis.opendocument.spreadsheet", "text/csv", NULL },
    (const char * const[]) { "*.xlsx", "*.xlsm", "*.ods", "*.fods", "*.csv", "*.tsv", NULL }, TRUE,
  };

  pl_import_flow_choose (GTK_WINDOW (self), &self->chooser, &files, set_file, self->summary);
}

static void
apply_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlBudgetImportDialog *self = PL_BUDGET_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL, *counts = NULL, *message = NULL;

  if (self->result == NULL || self->done)
    return;
  pl_budget_import_apply (self->plan, self->result, &error);
  if (error != NULL)
    {
      pl_import_flow_show_problem (self->summary, error->message);
      return;
    }
  /* The dialog stays to say what changed; Undo in the window takes it all back. */
  self->done = TRUE;
  source = self->file ? g_file_get_basename (self->file) : g_strdup ("");
  counts = pl_budget_import_counts_text (self->result);
  /* Translators: the file imported, then "2 lines new, 1 changed, 3 unchanged, 0 rows skipped" */
  message = g_strdup_printf (_("Imported from %s: %s. Undo takes it all back."), source, counts);
  pl_import_flow_show_done (widget, "budget-import", message, self->summary, self->options, self->cancel_button,
                            self->import_button);
}

/* ---- GObject ---- */

static void
pl_budget_import_dialog_dispose (GObject *object)
{
  PlBudgetImportDialog *self = PL_BUDGET_IMPORT_DIALOG (object);

  pl_import_flow_destroy_chooser (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_BUDGET_IMPORT_DIALOG);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->result, pl_budget_import_preview_free);
  G_OBJECT_CLASS (pl_budget_import_dialog_parent_class)->dispose (object);
}

static void
pl_budget_import_dialog_class_init (PlBudgetImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_budget_import_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-budget-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlBudgetImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetImportDialog, sheet_label);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetImportDialog, sheet);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetImportDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetImportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetImportDialog, reading);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetImportDialog, options);
  gtk_widget_class_install_action (widget_class, "budget-import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "budget-import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "budget-import.choose", NULL);
}

static void
pl_budget_import_dialog_init (PlBudgetImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = gtk_string_list_new (NULL);
  gtk_column_view_set_model (self->preview, GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)))));
  /* Translators: the columns of the budget import's preview */
  add_column (self, COLUMN_ROW, _("Row"), PL_IMPORT_FLOW_COLUMN_END);
  add_column (self, COLUMN_LINE, _("Line"), 0);
  add_column (self, COLUMN_CATEGORY, _("Category"), 0);
  add_column (self, COLUMN_STATUS, _("Status"), 0);
  add_column (self, COLUMN_YEAR, _("Planned"), PL_IMPORT_FLOW_COLUMN_END);
  add_column (self, COLUMN_DETAILS, _("Changes"), PL_IMPORT_FLOW_COLUMN_EXPAND);
  g_signal_connect_swapped (self->sheet, "notify::selected", G_CALLBACK (on_sheet_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget-import.apply", FALSE);
}

PlBudgetImportDialog *
pl_budget_import_dialog_new (GtkWindow *parent, PlPlan *plan)
{
  PlBudgetImportDialog *self = g_object_new (PL_TYPE_BUDGET_IMPORT_DIALOG, "transient-for", parent, NULL);

  self->plan = g_object_ref (plan);
  /* Closed with its window, which owns the plan (as the measurement import dialog). */
  g_signal_connect_object (parent, "destroy", G_CALLBACK (gtk_window_destroy), self, G_CONNECT_SWAPPED);
  return self;
}

guint
pl_budget_import_dialog_get_n_lines (PlBudgetImportDialog *self)
{
  return self->result ? self->result->lines->len : 0;
}

guint
pl_budget_import_dialog_get_n_changing (PlBudgetImportDialog *self)
{
  return self->result ? self->result->n_new + self->result->n_changed : 0;
}

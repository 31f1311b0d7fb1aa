/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-spend-import-dialog"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-enums.h"
#include "pl-import-flow.h"
#include "pl-money.h"
#include "pl-spend-import.h"
#include "pl-spend-import-dialog.h"

/* Entries listed as unbudgeted: enough to read, never a slow list. */
#define LIST_ROWS 500

struct _PlSpendImportDialog
{
  GtkWindow             parent_instance;

  /* Template widgets */
  GtkLabel             *file_label;
  GtkLabel             *summary;
  GtkLabel             *notes;
  GtkWidget            *csv_options;
  GtkDropDown          *sign;
  GtkWidget            *rules_box;
  GtkListBox           *rules;
  GtkColumnView        *cells;
  GtkListBox           *unbudgeted;
  GtkListBox           *left;
  GtkListBox           *rejected;
  GtkLabel             *unbudgeted_tab;
  GtkLabel             *left_tab;
  GtkLabel             *rejected_tab;
  GtkButton            *import_button;
  GtkWidget            *cancel_button;

  /* Owned references */
  PlPlan               *plan;
  GFile                *file;
  char                 *text;
  gsize                 length;
  PlSpendPreview       *result;
  GtkStringList        *rows;      /* indexes into result->cells, for the column view */
  GtkStringList        *lines;     /* "No line" then the plan's lines, for the rules' drop-downs */
  GPtrArray            *line_ids;  /* the IDs of @lines, NULL first */
  GtkFileChooserNative *chooser;
  gboolean              filling;
  gboolean              done;
};

G_DEFINE_FINAL_TYPE (PlSpendImportDialog, pl_spend_import_dialog, GTK_TYPE_WINDOW)

static char *
money (PlSpendImportDialog *self, gint64 amount)
{
  return pl_money_format (amount, pl_plan_get_currency_exponent (self->plan), pl_plan_get_currency (self->plan));
}

/* "Supplier “linkedin”: 8 entries, 63,364.94 €". */
static char *
describe_rule (PlSpendImportDialog *self, PlItem *rule)
{
  const char *pattern = pl_item_get_string (rule, PL_SPEND_RULE_PATTERN);
  g_autofree char *what = NULL, *amount = NULL;
  gint64 sum = 0;
  guint n = 0;

  for (guint i = 0; i < self->result->entries->len; i++)
    {
      const PlSpendEntry *entry = &g_array_index (self->result->entries, PlSpendEntry, i);
      if (entry->rule == rule)
        {
          n++;
          sum = pl_money_sum (sum, entry->amount);
        }
    }
  switch (pl_item_get_int (rule, PL_SPEND_RULE_MATCH))
    {
    case PL_SPEND_MATCH_SUPPLIER:
      /* Translators: a mapping rule by the words of a supplier's name */
      what = g_strdup_printf (_("Supplier “%s”"), pattern);
      break;
    case PL_SPEND_MATCH_LABEL:
      /* Translators: a mapping rule by words of an entry's label */
      what = g_strdup_printf (_("Label with “%s”"), pattern);
      break;
    default:
      /* Translators: a mapping rule by a ledger account ("Account 62310000") */
      what = g_strdup_printf (_("Account %s"), pattern);
      break;
    }
  amount = money (self, sum);
  /* Translators: a rule, then how many entries it maps and their amount */
  return g_strdup_printf (ngettext ("%s: %u entry, %s", "%s: %u entries, %s", n), what, n, amount);
}

static void recompute_views (PlSpendImportDialog *self);

static void
on_rule_line_changed_cb (GtkDropDown *dropdown, GParamSpec *pspec, PlSpendImportDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "rule"));
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->filling || self->result == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  pl_spend_import_dialog_set_rule_line (self, index, selected < self->line_ids->len ? self->line_ids->pdata[selected] : NULL);
}

/* A row per rule of the preview: what it matches and maps, and its line to choose. */
static void
show_rules (PlSpendImportDialog *self)
{
  pl_import_flow_clear_list (self->rules);
  gtk_widget_set_visible (self->rules_box, self->result != NULL && self->result->rules->len > 0);
  for (guint i = 0; self->result != NULL && i < self->result->rules->len; i++)
    {
      PlItem *rule = g_ptr_array_index (self->result->rules, i);
      const char *line = pl_item_get_string (rule, PL_SPEND_RULE_LINE);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      g_autofree char *text = describe_rule (self, rule);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->lines)), NULL);
      guint selected = 0;

      for (guint l = 1; line != NULL && l < self->line_ids->len; l++)
        if (g_str_equal (line, self->line_ids->pdata[l]))
          selected = l;
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_size_request (dropdown, 320, -1);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      g_object_set_data (G_OBJECT (dropdown), "rule", GUINT_TO_POINTER (i));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_rule_line_changed_cb), self);
      gtk_widget_set_margin_start (row, 8);
      gtk_widget_set_margin_end (row, 8);
      gtk_widget_set_margin_top (row, 4);
      gtk_widget_set_margin_bottom (row, 4);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), dropdown);
      gtk_list_box_append (self->rules, row);
    }
}

/* Relabels the rules (their counts change as the user maps entries) without rebuilding them. */
static void
relabel_rules (PlSpendImportDialog *self)
{
  guint i = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rules)); row != NULL && self->result != NULL;
       row = gtk_widget_get_next_sibling (row), i++)
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      g_autofree char *text = NULL;

      if (i >= self->result->rules->len)
        break;
      text = describe_rule (self, g_ptr_array_index (self->result->rules, i));
      gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text);
    }
}

static void
set_tab (GtkLabel *tab, const char *name, guint n)
{
  g_autofree char *text = n > 0 ? g_strdup_printf ("%s (%u)", name, n) : g_strdup (name);
  gtk_label_set_label (tab, text);
}

static int
compare_left (gconstpointer a, gconstpointer b, gpointer table)
{
  guint x = GPOINTER_TO_UINT (g_hash_table_lookup (table, *(const char * const *) a));
  guint y = GPOINTER_TO_UINT (g_hash_table_lookup (table, *(const char * const *) b));

  if (x != y)
    return x > y ? -1 : 1;
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The lists under the rules: by line and month, unbudgeted entries, what is left out and why,
 * the rejected rows; and the summary and the Import button. */
static void
recompute_views (PlSpendImportDialog *self)
{
  g_autoptr(GPtrArray) unbudgeted = self->result ? pl_spend_preview_unbudgeted (self->result) : g_ptr_array_new ();
  guint n_left = 0;

  pl_import_flow_set_indexes (self->rows, self->result != NULL ? self->result->cells->len : 0);
  pl_import_flow_clear_list (self->unbudgeted);
  for (guint i = 0; i < MIN (unbudgeted->len, LIST_ROWS); i++)
    {
      g_autofree char *line = pl_spend_entry_describe (self->plan, g_ptr_array_index (unbudgeted, i));
      pl_import_flow_add_text_row (self->unbudgeted, line, FALSE);
    }
  set_tab (self->unbudgeted_tab, _("Unbudgeted"), unbudgeted->len);

  pl_import_flow_clear_list (self->left);
  if (self->result != NULL)
    {
      g_autoptr(GPtrArray) accounts = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer key;

      for (guint r = 1; r < PL_SPEND_N_LEFT; r++)
        {
          guint n = self->result->n_left[r];
          g_autofree char *text = NULL;

          if (n == 0)
            continue;
          if (r == PL_SPEND_LEFT_PERIOD)
            text = g_strdup_printf (ngettext ("%u dated outside the plan’s period", "%u dated outside the plan’s period", n), n);
          else if (r == PL_SPEND_LEFT_ZERO)
            text = g_strdup_printf (ngettext ("%u with no amount", "%u with no amount", n), n);
          else
            text = g_strdup_printf (ngettext ("%u imported already (each entry is counted once)",
                                              "%u imported already (each entry is counted once)", n), n);
          pl_import_flow_add_text_row (self->left, text, FALSE);
        }
      g_hash_table_iter_init (&iter, self->result->left_accounts);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (accounts, key);
      g_ptr_array_sort_with_data (accounts, compare_left, self->result->left_accounts);
      for (guint i = 0; i < accounts->len; i++)
        {
          const char *account = accounts->pdata[i];
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->result->left_accounts, account));
          /* Translators: entries on an account that is not a marketing one, left out */
          g_autofree char *text = g_strdup_printf (ngettext ("%u on account %s, not a marketing one",
                                                             "%u on account %s, not a marketing one", n),
                                                   n, *account ? account : "—");
          pl_import_flow_add_text_row (self->left, text, FALSE);
        }
      for (guint r = 0; r < PL_SPEND_N_LEFT; r++)
        n_left += self->result->n_left[r];
    }
  set_tab (self->left_tab, _("Left Out"), n_left);

  pl_import_flow_clear_list (self->rejected);
  for (guint i = 0; self->result != NULL && i < MIN (self->result->rejected->len, LIST_ROWS); i++)
    pl_import_flow_add_text_row (self->rejected, ((PlImportRejection *) self->result->rejected->pdata[i])->message, TRUE);
  set_tab (self->rejected_tab, _("Rejected"), self->result ? self->result->rejected->len : 0);

  if (self->result != NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *report = pl_spend_preview_report (self->result);
      guint n = self->result->entries->len;
      g_autofree char *label = n > 0 ? g_strdup_printf (ngettext ("_Import %u Entry", "_Import %u Entries", n), n)
                                     : g_strdup (_("_Import"));

      g_string_append (text, report);
      if (unbudgeted->len > 0)
        g_string_append_printf (text, ngettext (" %u entry no rule maps to a line is unbudgeted spend.",
                                                " %u entries no rule maps to a line are unbudgeted spend.",
                                                unbudgeted->len), unbudgeted->len);
      if (self->result->rejected->len > 0)
        g_string_append_printf (text, " %s", ngettext ("The rejected row is left out: fix the file, or import without it.",
                                                       "The rejected rows are left out: fix the file, or import without them.",
                                                       self->result->rejected->len));
      gtk_label_set_label (self->summary, text->str);
      {
        /* How the file was read, under the figures, in plain text. */
        g_autofree char *notes = g_strjoinv (" ", self->result->notes);
        gtk_label_set_label (self->notes, notes);
        gtk_widget_set_visible (GTK_WIDGET (self->notes), *notes != '\0');
      }
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary), "problem-text");
      gtk_button_set_label (self->import_button, label);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "spend.apply", n > 0);
    }
  else
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "spend.apply", FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->notes), FALSE);
    }
}

static void
recompute (PlSpendImportDialog *self)
{
  static const PlSpendSign signs[] = { PL_SPEND_SIGN_AUTO, PL_SPEND_SIGN_POSITIVE, PL_SPEND_SIGN_NEGATIVE };
  PlSpendOptions options = { 0 };
  g_autoptr(GError) error = NULL;

  if (self->text == NULL || self->done || self->filling)
    return;
  options.sign = signs[MIN (gtk_drop_down_get_selected (self->sign), G_N_ELEMENTS (signs) - 1)];
  g_clear_pointer (&self->result, pl_spend_preview_free);
  self->result = pl_spend_preview (self->plan, self->text, (gssize) self->length, &options, &error);
  self->filling = TRUE;
  show_rules (self);
  self->filling = FALSE;
  /* The sign of a CSV's amounts is the one choice a file can leave open; an FEC says it. */
  gtk_widget_set_visible (self->csv_options, self->result != NULL && self->result->format == PL_SPEND_FORMAT_CSV);
  recompute_views (self);
  if (self->result == NULL)
    {
      pl_import_flow_show_problem (self->summary, error->message);
      gtk_button_set_label (self->import_button, _("_Import"));
    }
}

void
pl_spend_import_dialog_set_rule_line (PlSpendImportDialog *self, guint index, const char *line_id)
{
  g_return_if_fail (PL_IS_SPEND_IMPORT_DIALOG (self));
  if (self->result == NULL || index >= self->result->rules->len || self->done)
    return;
  pl_item_set_string (g_ptr_array_index (self->result->rules, index), PL_SPEND_RULE_LINE, line_id);
  pl_spend_preview_remap (self->result, self->plan);
  relabel_rules (self);
  recompute_views (self);
}

gboolean
pl_spend_import_dialog_set_file (PlSpendImportDialog *self, GFile *file, GError **error)
{
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (PL_IS_SPEND_IMPORT_DIALOG (self), FALSE);
  if ((text = pl_import_read_file (file, &length, error)) == NULL)
    return FALSE;
  g_set_object (&self->file, file);
  g_free (self->text);
  self->text = g_steal_pointer (&text);
  self->length = length;
  pl_import_flow_show_file (self->file_label, file);
  recompute (self);
  return TRUE;
}

/* ---- cells ---- */

/* A cell of the preview, as pl_import_flow_add_column() asks. */
static char *
cell_text (GtkWidget *dialog, guint index, int column, GtkLabel *label)
{
  PlSpendImportDialog *self = PL_SPEND_IMPORT_DIALOG (dialog);
  const PlSpendCell *cell;
  char *text = NULL;

  if (self->result == NULL || index >= self->result->cells->len)
    return NULL;
  cell = &g_array_index (self->result->cells, PlSpendCell, index);
  switch (column)
    {
    case 0:
      text = g_strdup (cell->line ? pl_item_get_string (cell->line, PL_BUDGET_LINE_NAME) : _("Unbudgeted"));
      break;
    case 1:
      text = pl_spend_cell_month (self->plan, cell);
      break;
    case 2:
      text = g_strdup_printf ("%u", cell->n_entries);
      break;
    default:
      text = money (self, cell->amount);
      break;
    }
  if (cell->line == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), "problem-text");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "problem-text");
  return text;
}

/* ---- actions ---- */

static gboolean
set_file (GtkWindow *dialog, GFile *file, GError **error)
{
  return pl_spend_import_dialog_set_file (PL_SPEND_IMPORT_DIALOG (dialog), file, error);
}

static void
choose_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlSpendImportDialog *self = PL_SPEND_IMPORT_DIALOG (widget);
  const PlImportFlowFiles files = {
    _("Choose an FEC or a CSV File"), _("FEC and CSV files"), (const char * const[]) { "text/csv", "text/plain", NULL },
    (const char * const[]) { "*.csv", "*.txt", "*.tsv", NULL }, TRUE,
  };

  pl_import_flow_choose (GTK_WINDOW (self), &self->chooser, &files, set_file, self->summary);
}

static void
apply_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlSpendImportDialog *self = PL_SPEND_IMPORT_DIALOG (widget);
  g_autoptr(GPtrArray) unbudgeted = NULL;
  g_autofree char *source = NULL, *message = NULL;
  guint n;

  if (self->result == NULL || self->done)
    return;
  source = self->file ? g_file_get_basename (self->file) : g_strdup ("");
  unbudgeted = pl_spend_preview_unbudgeted (self->result);
  n = pl_spend_apply (self->plan, self->result);
  /* The dialog stays to say what changed, as the command line does; Undo takes it back. */
  self->done = TRUE;
  /* Translators: the file imported, the entries added, of which unbudgeted */
  message = g_strdup_printf (ngettext ("Imported from %s: %u entry (%u unbudgeted). Undo takes it back.",
                                       "Imported from %s: %u entries (%u unbudgeted). Undo takes them back.", n),
                             source, n, unbudgeted->len);
  pl_import_flow_show_done (widget, "spend", message, self->summary, GTK_WIDGET (self->rules), self->cancel_button,
                            self->import_button);
}

/* ---- GObject ---- */

static void
pl_spend_import_dialog_dispose (GObject *object)
{
  PlSpendImportDialog *self = PL_SPEND_IMPORT_DIALOG (object);

  pl_import_flow_destroy_chooser (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_SPEND_IMPORT_DIALOG);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->rows);
  g_clear_object (&self->lines);
  g_clear_pointer (&self->line_ids, g_ptr_array_unref);
  g_clear_pointer (&self->result, pl_spend_preview_free);
  G_OBJECT_CLASS (pl_spend_import_dialog_parent_class)->dispose (object);
}

static void
pl_spend_import_dialog_finalize (GObject *object)
{
  g_free (PL_SPEND_IMPORT_DIALOG (object)->text);
  G_OBJECT_CLASS (pl_spend_import_dialog_parent_class)->finalize (object);
}

static void
pl_spend_import_dialog_class_init (PlSpendImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_spend_import_dialog_dispose;
  object_class->finalize = pl_spend_import_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-spend-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlSpendImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, PlSpendImportDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, PlSpendImportDialog, notes);
  gtk_widget_class_bind_template_child (widget_class, PlSpendImportDialog, csv_options);
  gtk_widget_class_bind_template_child (widget_class, PlSpendImportDialog, sign);
  gtk_widget_class_bind_template_child (widget_class, PlSpendImportDialog, rules_box);
  gtk_widget_class_bind_template_child (widget_class, PlSpendImportDialog, rules);
  gtk_widget_class_bind_template_child (widget_class, PlSpendImportDialog, cells);
  gtk_widget_class_bind_template_child (widget_class, PlSpendImportDialog, unbudgeted);
  gtk_widget_class_bind_template_child (widget_class, PlSpendImportDialog, left);
  gtk_widget_class_bind_template_child (widget_class, PlSpendImportDialog, rejected);
  gtk_widget_class_bind_template_child (widget_class, PlSpendImportDialog, unbudgeted_tab);
  gtk_widget_class_bind_template_child (widget_class, PlSpendImportDialog, left_tab);
  gtk_widget_class_bind_template_child (widget_class, PlSpendImportDialog, rejected_tab);
  gtk_widget_class_bind_template_child (widget_class, PlSpendImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, PlSpendImportDialog, cancel_button);
  gtk_widget_class_install_action (widget_class, "spend.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "spend.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "spend.choose", NULL);
}

static void
on_sign_changed_cb (PlSpendImportDialog *self)
{
  recompute (self);
}

static void
pl_spend_import_dialog_init (PlSpendImportDialog *self)
{
  const char *signs[] = { _("As most of the file writes them"), _("Spending is positive (an accounting export)"),
                          _("Spending is negative (a bank statement)"), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->sign, G_LIST_MODEL (gtk_string_list_new (signs)));
  g_signal_connect_swapped (self->sign, "notify::selected", G_CALLBACK (on_sign_changed_cb), self);
  self->rows = gtk_string_list_new (NULL);
  gtk_column_view_set_model (self->cells, GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)))));
  pl_import_flow_add_column (self->cells, GTK_WIDGET (self), 0, _("Budget Line"), PL_IMPORT_FLOW_COLUMN_EXPAND, cell_text);
  pl_import_flow_add_column (self->cells, GTK_WIDGET (self), 1, _("Month"), 0, cell_text);
  pl_import_flow_add_column (self->cells, GTK_WIDGET (self), 2, _("Entries"), PL_IMPORT_FLOW_COLUMN_END, cell_text);
  pl_import_flow_add_column (self->cells, GTK_WIDGET (self), 3, _("Amount"), PL_IMPORT_FLOW_COLUMN_END, cell_text);
  gtk_widget_set_visible (self->rules_box, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spend.apply", FALSE);
}

PlSpendImportDialog *
pl_spend_import_dialog_new (GtkWindow *parent, PlPlan *plan)
{
  PlSpendImportDialog *self = g_object_new (PL_TYPE_SPEND_IMPORT_DIALOG, "transient-for", parent, NULL);
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);

  self->plan = g_object_ref (plan);
  /* The rules' choices: no line (the entries are unbudgeted), then the plan's lines. */
  self->lines = gtk_string_list_new (NULL);
  self->line_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (self->lines, _("No line: unbudgeted"));
  g_ptr_array_add (self->line_ids, NULL);
  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      gtk_string_list_append (self->lines, pl_item_get_string (line, PL_BUDGET_LINE_NAME));
      g_ptr_array_add (self->line_ids, g_strdup (pl_item_get_id (line)));
    }
  /* Closed with its window, which owns the plan (see pl_import_dialog_new()). */
  g_signal_connect_object (parent, "destroy", G_CALLBACK (gtk_window_destroy), self, G_CONNECT_SWAPPED);
  return self;
}

guint
pl_spend_import_dialog_get_n_entries (PlSpendImportDialog *self)
{
  return self->result ? self->result->entries->len : 0;
}

guint
pl_spend_import_dialog_get_n_rules (PlSpendImportDialog *self)
{
  return self->result ? self->result->rules->len : 0;
}

guint
pl_spend_import_dialog_get_n_rejected (PlSpendImportDialog *self)
{
  return self->result ? self->result->rejected->len : 0;
}

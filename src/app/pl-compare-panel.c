/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-compare-panel"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-compare-panel.h"
#include "pl-document.h"
#include "pl-money.h"
#include "pl-report-changes.h"

/* An edit to the open plan is compared again after this pause, once, not at each key. */
#define RECOMPARE_DELAY_MS 300
/* A comparison that took longer than this (a plan of thousands of records) is not made again
 * at each edit: the pane says it is out of date and offers to compare again. */
#define RECOMPARE_AUTO_MAX_US (150 * 1000)
/* Rows listed for a page before one that shows the next ones: a list of thousands of rows
 * takes the window seconds to build. */
#define ROWS_PER_PAGE 100
/* The list's groups: the window's pages, and the budget's totals above them. */
#define GROUP_BUDGET PL_DIFF_N_PAGES

struct _PlComparePanel
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkWidget    *box;
  GtkLabel     *title;
  GtkLabel     *subtitle;
  GtkStack     *state;
  GtkSpinner   *spinner;
  GtkLabel     *loading_label;
  GtkLabel     *message_title;
  GtkLabel     *message_details;
  GtkLabel     *summary;
  GtkWidget    *stale_box;
  GtkListBox   *list;

  /* Owned references */
  PlPlan       *plan;       /* the open plan: the new side */
  GFile        *file;       /* the file compared with: the old side */
  PlPlan       *old_plan;   /* what it held when last read */
  PlPlanDiff   *diff;
  GCancellable *loading;
  GtkNativeDialog *chooser;
  guint         recompare_id;
  gint64        compare_us;  /* how long the last comparison took */
  gboolean      swapped;     /* the file is the new side: what changed in it since the open plan */
};

G_DEFINE_FINAL_TYPE (PlComparePanel, pl_compare_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SWAPPED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- helpers ---- */

static char *
file_name (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (file);
}

static const char *
kind_class (PlDiffKind kind)
{
  return kind == PL_DIFF_ADDED ? "added" : kind == PL_DIFF_REMOVED ? "removed" : "changed";
}

static char *
money (PlPlan *plan, gint64 amount)
{
  return pl_money_format (amount, pl_plan_get_currency_exponent (plan), pl_plan_get_currency (plan));
}

/* "€12,000.00 → €15,000.00 (+€3,000.00)", or the amount alone when it did not change. */
static char *
money_change (PlPlan *plan, gint64 before, gint64 after)
{
  g_autofree char *old_text = money (plan, before);
  g_autofree char *new_text = money (plan, after);
  g_autofree char *delta = NULL;

  if (before == after)
    /* Translators: an amount that is the same in both plans, in the Compare pane */
    return g_strdup_printf (_("%s, unchanged"), new_text);
  delta = money (plan, after > before ? after - before : before - after);
  /* Translators: an amount before and after, then by how much it went up (+) or down (−) */
  return g_strdup_printf (_("%s → %s (%s%s)"), old_text, new_text, after > before ? "+" : "−", delta);
}

static GtkWidget *
wrapped_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A row: its mark (a word in a coloured box), its title and its lines of detail; the whole
 * of it as the row's accessible name, the mark first. */
static GtkWidget *
make_row (const char *mark, const char *mark_class, const char *title, GPtrArray *lines, guint group)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *badge = NULL;
  g_autoptr(GString) name = g_string_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  if (mark != NULL)
    {
      badge = gtk_label_new (mark);
      gtk_widget_add_css_class (badge, "compare-mark");
      gtk_widget_add_css_class (badge, mark_class);
      gtk_widget_set_valign (badge, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), badge);
      /* Translators: how a screen reader hears a difference: its mark, then what it says */
      g_string_append_printf (name, _("%s: "), mark);
    }
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), wrapped_label (title, NULL));
  g_string_append (name, title);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      gtk_box_append (GTK_BOX (text), wrapped_label (lines->pdata[i], "caption"));
      g_string_append_printf (name, ". %s", (const char *) lines->pdata[i]);
    }
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  g_object_set_data (G_OBJECT (row), "group", GUINT_TO_POINTER (group));
  return row;
}

/* The record as the open plan has it, or NULL when it is in the other file only. */
static PlItem *
open_item (PlComparePanel *self, const PlRecordChange *change)
{
  return self->swapped ? change->old_item : change->new_item;
}

static GtkWidget *
record_row (PlComparePanel *self, const PlRecordChange *change, guint index)
{
  gboolean openable = change->id == NULL || open_item (self, change) != NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  GtkWidget *row;

  /* Every row names its record as the CLI's heading does ("Campaign “Spring webinar”"); the
   * mark before it says what happened. */
  title = change->id == NULL ? g_strdup (change->name) : pl_record_change_heading (change);
  if (change->kind == PL_DIFF_CHANGED && change->fields->len > 0)
    {
      for (guint i = 0; i < change->fields->len; i++)
        {
          const PlFieldChange *field = g_ptr_array_index (change->fields, i);

          g_ptr_array_add (lines, g_strdup_printf (
            /* Translators: a field changed, in the Compare pane: its name, its old value, its new value */
            _("%s: %s → %s"), field->label,
            *field->old_text ? field->old_text : C_("value", "none"),
            *field->new_text ? field->new_text : C_("value", "none")));
        }
    }
  if (!openable)
    g_ptr_array_add (lines, g_strdup (_("Not in the open plan, so it cannot be opened.")));
  /* The mark is a word: the list never tells what happened by colour alone. */
  row = make_row (pl_report_changes_kind_word (change->kind), kind_class (change->kind), title, lines, change->page);
  g_object_set_data (G_OBJECT (row), "record", GUINT_TO_POINTER (index + 1));
  /* A removed record is in the other file only: nothing to open. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), openable);
  if (openable)
    gtk_widget_set_tooltip_text (row, _("Open it in its page (Enter)"));
  return row;
}

static GtkWidget *
budget_row (PlPlan *plan, const PlBudgetChange *change, guint index)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *planned = money_change (plan, change->old_planned, change->new_planned);
  g_autofree char *actual = money_change (plan, change->old_actual, change->new_actual);
  GtkWidget *row;

  /* Translators: a budget category's planned amount before and after, in the Compare pane */
  g_ptr_array_add (lines, g_strdup_printf (_("Planned: %s"), planned));
  /* Translators: a budget category's actual spend before and after, in the Compare pane */
  g_ptr_array_add (lines, g_strdup_printf (_("Actual: %s"), actual));
  row = make_row (NULL, NULL, change->name, lines, GROUP_BUDGET);
  if (change->category_id == NULL)
    gtk_widget_add_css_class (row, "budget-total");
  g_object_set_data (G_OBJECT (row), "budget", GUINT_TO_POINTER (index + 1));
  gtk_widget_set_tooltip_text (row, _("Open it on the Budget page (Enter)"));
  return row;
}

static void
header_func (GtkListBoxRow *row, GtkListBoxRow *before, gpointer data)
{
  guint group = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "group"));
  GtkWidget *header;

  if (before != NULL && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (before), "group")) == group)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (group == GROUP_BUDGET ? _("Budget by category, before and after")
                                                : pl_diff_page_get_title ((PlDiffPage) group));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "compare-group");
  gtk_list_box_row_set_header (row, header);
}

/* ---- showing ---- */

static void
clear_list (PlComparePanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static void
show_message (PlComparePanel *self, const char *title, const char *details)
{
  gtk_spinner_stop (self->spinner);
  gtk_label_set_label (self->message_title, title);
  gtk_label_set_label (self->message_details, details ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_details), details != NULL && *details != '\0');
  gtk_stack_set_visible_child_name (self->state, "message");
}

/* Inserts at @position (-1: the end) the rows of the changes from the @from-th on, as long
 * as they are on its page, ROWS_PER_PAGE at most, then a row that shows the next ones when
 * activated. Returns the index of the first change on the next page. */
static guint
insert_rows (PlComparePanel *self, guint from, int position)
{
  GPtrArray *records = self->diff->records;
  PlDiffPage page = ((PlRecordChange *) g_ptr_array_index (records, from))->page;
  guint end = from, n = 0;

  while (end < records->len && ((PlRecordChange *) g_ptr_array_index (records, end))->page == page)
    end++;
  for (guint i = from; i < end && n < ROWS_PER_PAGE; i++, n++)
    gtk_list_box_insert (self->list, record_row (self, g_ptr_array_index (records, i), i),
                         position < 0 ? -1 : position + (int) n);
  if (from + n < end)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("Show %u more change on this page", "Show %u more changes on this page",
                                                         MIN (end - from - n, ROWS_PER_PAGE)),
                                               MIN (end - from - n, ROWS_PER_PAGE));
      g_autofree char *left = g_strdup_printf (ngettext ("%u change not listed yet", "%u changes not listed yet",
                                                         end - from - n), end - from - n);
      g_autoptr(GPtrArray) lines = g_ptr_array_new ();
      GtkWidget *row;

      g_ptr_array_add (lines, left);
      row = make_row (NULL, NULL, more, lines, page);
      /* Only as many rows as are looked at: a list of thousands takes the window seconds. */
      g_object_set_data (G_OBJECT (row), "more", GUINT_TO_POINTER (from + n + 1));
      gtk_widget_add_css_class (row, "compare-more");
      gtk_list_box_insert (self->list, row, position < 0 ? -1 : position + (int) n);
    }
  return end;
}

static void
show_diff (PlComparePanel *self)
{
  g_autofree char *name = file_name (self->file);
  g_autofree char *summary = NULL;

  clear_list (self);
  gtk_spinner_stop (self->spinner);
  if (pl_plan_diff_is_empty (self->diff))
    {
      g_autofree char *details = g_strdup_printf (_("The open plan holds the same records, values and targets as “%s”."),
                                                  name);
      show_message (self, _("No differences"), details);
      return;
    }
  for (guint i = 0; i < self->diff->budget->len; i++)
    gtk_list_box_append (self->list, budget_row (self->plan, g_ptr_array_index (self->diff->budget, i), i));
  for (guint i = 0; i < self->diff->records->len;)
    i = insert_rows (self, i, -1);
  summary = pl_plan_diff_summary (self->diff);
  gtk_label_set_label (self->summary, summary);
  gtk_stack_set_visible_child_name (self->state, "list");
}

static void
compare (PlComparePanel *self)
{
  g_clear_handle_id (&self->recompare_id, g_source_remove);
  g_clear_pointer (&self->diff, pl_plan_diff_free);
  if (self->plan == NULL || self->old_plan == NULL)
    return;
  gtk_widget_set_visible (self->stale_box, FALSE);
  {
    gint64 start = g_get_monotonic_time ();
    self->diff = self->swapped ? pl_plan_diff (self->plan, self->old_plan) : pl_plan_diff (self->old_plan, self->plan);
    self->compare_us = g_get_monotonic_time () - start;
  }
  show_diff (self);
}

static gboolean
on_recompare_cb (gpointer data)
{
  PlComparePanel *self = data;

  self->recompare_id = 0;
  compare (self);
  return G_SOURCE_REMOVE;
}

/* The list follows the open plan's edits: a difference made or undone shows, and no row
 * names a record the plan no longer has. */
static void
on_plan_changed_cb (PlComparePanel *self)
{
  if (self->old_plan == NULL)
    return;
  if (self->compare_us > RECOMPARE_AUTO_MAX_US)
    {
      gtk_widget_set_visible (self->stale_box, TRUE);
      return;
    }
  g_clear_handle_id (&self->recompare_id, g_source_remove);
  self->recompare_id = g_timeout_add (RECOMPARE_DELAY_MS, on_recompare_cb, self);
}

/* ---- reading the other file ---- */

static void
stop_loading (PlComparePanel *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
}

static void
on_loaded_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(PlComparePanel) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = pl_document_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->loading == NULL)
    return;
  g_clear_object (&self->loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.refresh", TRUE);
  if (document == NULL)
    {
      g_autofree char *name = file_name (self->file);
      g_autofree char *title = g_strdup_printf (_("“%s” could not be compared"), name);

      g_clear_object (&self->old_plan);
      g_clear_pointer (&self->diff, pl_plan_diff_free);
      clear_list (self);
      show_message (self, title, error->message);
      return;
    }
  g_set_object (&self->old_plan, pl_document_get_plan (document));
  compare (self);
}

static void
show_heading (PlComparePanel *self)
{
  g_autofree char *name = file_name (self->file);
  g_autofree char *title = NULL;
  g_autofree char *where = g_file_get_parse_name (self->file);

  title = self->swapped
          /* Translators: the Compare pane's title, swapped: the file compared with the open plan */
          ? g_strdup_printf (_("Changes in “%s” since the open plan"), name)
          /* Translators: the Compare pane's title: the file the open plan is compared with */
          : g_strdup_printf (_("Changes since “%s”"), name);
  gtk_label_set_label (self->title, title);
  gtk_label_set_label (self->subtitle, where);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle), where);
}

void
pl_compare_panel_compare_file (PlComparePanel *self, GFile *file)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (PL_IS_COMPARE_PANEL (self));
  g_return_if_fail (G_IS_FILE (file));
  stop_loading (self);
  g_set_object (&self->file, file);
  show_heading (self);
  name = file_name (file);
  /* Translators: in the Compare pane while the other plan is read */
  label = g_strdup_printf (_("Reading “%s”…"), name);
  gtk_label_set_label (self->loading_label, label);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->state, "loading");
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.refresh", FALSE);
  self->loading = g_cancellable_new ();
  /* A big plan takes a second or more to read: in a worker thread, as the window opens plans. */
  pl_document_load_async (file, self->loading, on_loaded_cb, g_object_ref (self));
}

void
pl_compare_panel_refresh (PlComparePanel *self)
{
  g_return_if_fail (PL_IS_COMPARE_PANEL (self));
  if (self->file != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (self->file);
      pl_compare_panel_compare_file (self, file);
    }
}

void
pl_compare_panel_close (PlComparePanel *self)
{
  GtkWidget *focus;

  g_return_if_fail (PL_IS_COMPARE_PANEL (self));
  stop_loading (self);
  g_clear_handle_id (&self->recompare_id, g_source_remove);
  /* The keyboard goes back to the page rather than nowhere. */
  focus = gtk_widget_get_root (GTK_WIDGET (self)) ? gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self))), GTK_DIR_TAB_FORWARD);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  clear_list (self);
  g_clear_pointer (&self->diff, pl_plan_diff_free);
  g_clear_object (&self->old_plan);
  g_clear_object (&self->file);
}

/* ---- choosing the other file ---- */

static void
on_chosen_cb (GtkNativeDialog *chooser, int response, PlComparePanel *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        pl_compare_panel_compare_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

void
pl_compare_panel_choose_file (PlComparePanel *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  g_return_if_fail (PL_IS_COMPARE_PANEL (self));
  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Compare With a Plan"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Marketing plans"));
  gtk_file_filter_add_mime_type (filter, "application/x-pilote-plan");
  gtk_file_filter_add_suffix (filter, "pilote");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chosen_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* ---- signal callbacks ---- */

static void
on_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, PlComparePanel *self)
{
  guint record = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "record"));
  guint budget = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "budget"));
  guint more = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "more"));
  const char *id = NULL;

  if (self->diff == NULL)
    return;
  if (more > 0 && more <= self->diff->records->len)
    {
      int position = gtk_list_box_row_get_index (row);

      gtk_list_box_remove (self->list, GTK_WIDGET (row));
      insert_rows (self, more - 1, position);
      /* The keyboard stays where it was: on the first of the rows shown. */
      if (gtk_list_box_get_row_at_index (self->list, position) != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, position)));
      return;
    }
  if (record > 0 && record <= self->diff->records->len)
    {
      const PlRecordChange *change = g_ptr_array_index (self->diff->records, record - 1);

      if (change->id != NULL && open_item (self, change) == NULL)
        return;
      id = change->id;
      /* Its page first: the records no page selects (a budget line, an allocation, a
       * scenario) show where they are edited all the same; the plan's own settings are no
       * record of a list at all. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", pl_diff_page_get_key (change->page));
      if (id == NULL)
        return;
    }
  else if (budget > 0 && budget <= self->diff->budget->len)
    {
      const PlBudgetChange *change = g_ptr_array_index (self->diff->budget, budget - 1);

      id = change->category_id;
      if (id == NULL || pl_plan_lookup (self->plan, id) == NULL)
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "budget");
          return;
        }
    }
  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "s", id);
}

static void
choose_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pl_compare_panel_choose_file (PL_COMPARE_PANEL (widget));
}

static void
refresh_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pl_compare_panel_refresh (PL_COMPARE_PANEL (widget));
}

static void
recompare_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  compare (PL_COMPARE_PANEL (widget));
}

static void
close_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pl_compare_panel_close (PL_COMPARE_PANEL (widget));
}

/* ---- GObject ---- */

static void
pl_compare_panel_dispose (GObject *object)
{
  PlComparePanel *self = PL_COMPARE_PANEL (object);

  stop_loading (self);
  g_clear_handle_id (&self->recompare_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_pointer (&self->diff, pl_plan_diff_free);
  g_clear_object (&self->plan);
  g_clear_object (&self->old_plan);
  g_clear_object (&self->file);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_COMPARE_PANEL);
  G_OBJECT_CLASS (pl_compare_panel_parent_class)->dispose (object);
}

static void
pl_compare_panel_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PlComparePanel *self = PL_COMPARE_PANEL (object);

  switch (prop_id)
    {
    case PROP_SWAPPED:
      g_value_set_boolean (value, self->swapped);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_compare_panel_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PlComparePanel *self = PL_COMPARE_PANEL (object);

  switch (prop_id)
    {
    case PROP_SWAPPED:
      pl_compare_panel_set_swapped (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* As wide as its least width whatever it shows: a pane that widened with a long file name
 * or a message would lay the page beside it out again, which takes a while on a big plan. */
static void
pl_compare_panel_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural,
                          int *minimum_baseline, int *natural_baseline)
{
  PlComparePanel *self = PL_COMPARE_PANEL (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = *minimum;
}

static void
pl_compare_panel_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  gtk_widget_allocate (PL_COMPARE_PANEL (widget)->box, width, height, baseline, NULL);
}

static void
pl_compare_panel_class_init (PlComparePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_compare_panel_dispose;
  object_class->get_property = pl_compare_panel_get_property;
  object_class->set_property = pl_compare_panel_set_property;
  /* The open plan is the new side by default: "changes since that file". */
  properties[PROP_SWAPPED] = g_param_spec_boolean ("swapped", NULL, NULL, FALSE,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->measure = pl_compare_panel_measure;
  widget_class->size_allocate = pl_compare_panel_size_allocate;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-compare-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PlComparePanel, box);
  gtk_widget_class_bind_template_child (widget_class, PlComparePanel, title);
  gtk_widget_class_bind_template_child (widget_class, PlComparePanel, subtitle);
  gtk_widget_class_bind_template_child (widget_class, PlComparePanel, state);
  gtk_widget_class_bind_template_child (widget_class, PlComparePanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, PlComparePanel, loading_label);
  gtk_widget_class_bind_template_child (widget_class, PlComparePanel, message_title);
  gtk_widget_class_bind_template_child (widget_class, PlComparePanel, message_details);
  gtk_widget_class_bind_template_child (widget_class, PlComparePanel, summary);
  gtk_widget_class_bind_template_child (widget_class, PlComparePanel, stale_box);
  gtk_widget_class_bind_template_child (widget_class, PlComparePanel, list);
  gtk_widget_class_install_action (widget_class, "compare.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "compare.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "compare.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "compare.recompare", NULL, recompare_action);
  gtk_widget_class_install_property_action (widget_class, "compare.swap", "swapped");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "compare.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "compare.refresh", NULL);
  gtk_widget_class_set_css_name (widget_class, "comparepanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pl_compare_panel_init (PlComparePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->list, header_func, NULL, NULL);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comparison"), -1);
}

/* ---- public API ---- */

void
pl_compare_panel_set_plan (PlComparePanel *self, PlPlan *plan)
{
  g_return_if_fail (PL_IS_COMPARE_PANEL (self));
  if (plan == self->plan)
    return;
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  if (plan == NULL)
    {
      pl_compare_panel_close (self);
      return;
    }
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (on_plan_changed_cb), self);
  /* Reverted or reloaded: the same file, compared with the plan the window shows now. */
  if (self->old_plan != NULL)
    compare (self);
}

void
pl_compare_panel_set_swapped (PlComparePanel *self, gboolean swapped)
{
  g_return_if_fail (PL_IS_COMPARE_PANEL (self));
  if (self->swapped == !!swapped)
    return;
  self->swapped = !!swapped;
  if (self->file != NULL)
    show_heading (self);
  compare (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SWAPPED]);
}

gboolean
pl_compare_panel_get_swapped (PlComparePanel *self)
{
  g_return_val_if_fail (PL_IS_COMPARE_PANEL (self), FALSE);
  return self->swapped;
}

gboolean
pl_compare_panel_is_loading (PlComparePanel *self)
{
  g_return_val_if_fail (PL_IS_COMPARE_PANEL (self), FALSE);
  return self->loading != NULL;
}

const PlPlanDiff *
pl_compare_panel_get_diff (PlComparePanel *self)
{
  g_return_val_if_fail (PL_IS_COMPARE_PANEL (self), NULL);
  return self->diff;
}

GFile *
pl_compare_panel_get_file (PlComparePanel *self)
{
  g_return_val_if_fail (PL_IS_COMPARE_PANEL (self), NULL);
  return self->file;
}

GtkWidget *
pl_compare_panel_get_list (PlComparePanel *self)
{
  g_return_val_if_fail (PL_IS_COMPARE_PANEL (self), NULL);
  return GTK_WIDGET (self->list);
}

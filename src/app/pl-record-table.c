/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-record-table"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "pl-a11y.h"
#include "pl-enums.h"
#include "pl-money.h"
#include "pl-plan-validate.h"
#include "pl-calendar.h"
#include "pl-field-cell.h"
#include "pl-field-text.h"
#include "pl-record-table.h"
#include "pl-tooltip.h"

typedef struct {
  int                  field;   /* -1 for a derived column */
  PlRecordTableDerive  derive;
  GtkColumnViewColumn *view_column;  /* owned by the view */
  gboolean             money;
} Column;

struct _PlRecordTable
{
  GtkWidget           parent_instance;

  PlCollection        collection;
  PlPlan             *plan;
  GPtrArray          *columns;
  GPtrArray          *derived_labels;  /* bound labels of derived columns */
  int                 soon_field;
  int                 soon_days;
  int                 filter_field;    /* only the records whose field is filter_id */
  char               *filter_id;
  GtkCustomFilter    *filter;
  GtkCustomFilterFunc filter_func;     /* instead of filter_field and filter_id */
  gpointer            filter_data;
  PlRecordTablePrepare prepare;
  gpointer            prepare_data;

  GtkColumnView      *view;
  GtkSingleSelection *selection;
  GtkWidget          *remove_button;
  GtkLabel           *problems;
  PlChangeMask        problem_mask;    /* the changes that can change this table's problems */
  PlChangeMask        derived_mask;    /* the changes that can change its derived columns */
  guint               problems_idle;   /* the problems to look for again, once drawn */
  gboolean            suggest_first;   /* the Add button is suggested while there is no row */
  gboolean            problems_stale;  /* hidden: looked for again when shown */
  /* The record just added: its problems (a line not chosen yet) wait until the user has had
   * a chance to fill it, that is until they leave its row or the table, or save. */
  PlItem             *fresh;
  PlItem             *focus_item;      /* a record whose cell takes the focus once bound */
  int                 focus_field;     /* that cell's field */
};

G_DEFINE_FINAL_TYPE (PlRecordTable, pl_record_table, GTK_TYPE_WIDGET)

static void
mark_soon (PlRecordTable *self, PlFieldCell *cell, PlItem *item, guint field)
{
  guint32 julian = pl_item_get_julian (item, field);
  g_autofree char *tip = NULL;
  int days;

  if ((int) field != self->soon_field)
    return;
  days = (int) julian - (int) pl_calendar_today ();
  if (julian != 0 && days <= self->soon_days)
    tip = days < 0 ? g_strdup (_("This contract has ended."))
                   : g_strdup_printf (ngettext ("The contract ends in %d day.", "The contract ends in %d days.", days), days);
  pl_field_cell_set_warning (cell, tip);
}

static void
on_soon_field_changed_cb (PlItem *item, GParamSpec *pspec, PlFieldCell *cell)
{
  GtkWidget *table = gtk_widget_get_ancestor (GTK_WIDGET (cell), PL_TYPE_RECORD_TABLE);

  if (table != NULL)
    mark_soon (PL_RECORD_TABLE (table), cell, item, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "field")));
}

static void
refresh_derived (PlRecordTable *self, GtkLabel *label)
{
  PlItem *item = g_object_get_data (G_OBJECT (label), "item");
  Column *column = g_object_get_data (G_OBJECT (label), "column");
  g_autofree char *text = NULL;

  if (item == NULL || self->plan == NULL)
    return;
  text = column->derive (self->plan, item);
  gtk_label_set_label (label, text);
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlRecordTable *self)
{
  Column *column = g_object_get_data (G_OBJECT (factory), "column");
  GtkWidget *cell;

  if (column->field < 0)
    {
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), 0);
      gtk_label_set_wrap (GTK_LABEL (cell), TRUE);
      gtk_widget_add_css_class (cell, "dim-label");
      g_object_set_data (G_OBJECT (cell), "column", column);
    }
  else
    {
      PlItemClass *klass = g_type_class_ref (pl_collection_get_item_type (self->collection));

      cell = GTK_WIDGET (pl_field_cell_new (&klass->fields[column->field]));
      g_object_set_data (G_OBJECT (cell), "field", GINT_TO_POINTER (column->field));
      g_type_class_unref (klass);
    }
  gtk_list_item_set_child (list_item, cell);
}

/* The first field of @item shown in a column that still waits for a value (an amount of
 * zero counts as waiting), else the first column's; -1 when no column shows a field. */
static int
field_to_fill (PlRecordTable *self, PlItem *item)
{
  const PlField *fields = pl_item_get_fields (item, NULL);
  int first = -1;

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      if (column->field < 0)
        continue;
      if (first < 0)
        first = column->field;
      if (!pl_item_field_is_set (item, (guint) column->field)
          || ((fields[column->field].type == PL_FIELD_MONEY || fields[column->field].type == PL_FIELD_INT)
              && pl_item_get_int (item, (guint) column->field) == 0))
        return column->field;
    }
  return first;
}

static gboolean
focus_cell_cb (gpointer data)
{
  PlFieldCell *cell = data;

  GtkWidget *table = gtk_widget_get_ancestor (GTK_WIDGET (cell), PL_TYPE_RECORD_TABLE);
  GtkWidget *form = table != NULL ? gtk_widget_get_ancestor (gtk_widget_get_parent (table), GTK_TYPE_SCROLLED_WINDOW) : NULL;
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (GTK_WIDGET (cell)))
    return G_SOURCE_REMOVE;
  gtk_widget_grab_focus (pl_field_cell_reach (cell));
  /* A table low in a long form (a campaign's KPIs): the whole cell in view, not its top edge
   * (the form scrolled to the focus before the new row made the table taller). */
  if (form != NULL && gtk_widget_compute_bounds (GTK_WIDGET (cell), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (form)), &bounds))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (form));
      double top = bounds.origin.y + (GTK_IS_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (form))) ? gtk_adjustment_get_value (adjustment) : 0);

      gtk_adjustment_clamp_page (adjustment, top - 12, top + bounds.size.height + 12);
    }
  return G_SOURCE_REMOVE;
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlRecordTable *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  PlItem *item = gtk_list_item_get_item (list_item);
  Column *column = g_object_get_data (G_OBJECT (factory), "column");

  if (column->field < 0)
    {
      g_object_set_data_full (G_OBJECT (cell), "item", g_object_ref (item), g_object_unref);
      g_ptr_array_add (self->derived_labels, cell);
      refresh_derived (self, GTK_LABEL (cell));
      return;
    }
  pl_field_cell_bind (PL_FIELD_CELL (cell), self->plan, item, (guint) column->field);
  /* A record just added: the user goes on typing in the field it waits for, once it shows. */
  if (item == self->focus_item && column->field == self->focus_field)
    {
      g_clear_object (&self->focus_item);
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_cell_cb, g_object_ref (cell), g_object_unref);
    }
  {
    /* A screen reader names a cell by its column and its row, as a sighted user reads it. */
    /* Translators: the accessible name of a table cell: its column, then its row ("Budget, Webinars") */
    g_autofree char *name = g_strdup_printf (_("%s, %s"), (const char *) g_object_get_data (G_OBJECT (factory), "title"),
                                             pl_item_get_display_name (item));
    pl_field_cell_set_name (PL_FIELD_CELL (cell), name);
  }
  if ((int) column->field == self->soon_field)
    {
      const PlField *f = &pl_item_get_fields (item, NULL)[column->field];
      g_autofree char *signal = g_strconcat ("notify::", f->name, NULL);
      g_signal_connect_object (item, signal, G_CALLBACK (on_soon_field_changed_cb), cell, 0);
      mark_soon (self, PL_FIELD_CELL (cell), item, (guint) column->field);
    }
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, PlRecordTable *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  PlItem *item = gtk_list_item_get_item (list_item);

  if (GTK_IS_LABEL (cell))
    {
      g_ptr_array_remove (self->derived_labels, cell);
      g_object_set_data (G_OBJECT (cell), "item", NULL);
      return;
    }
  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_soon_field_changed_cb, cell);
  pl_field_cell_bind (PL_FIELD_CELL (cell), NULL, NULL, 0);
}

/* The widest choice of @enum_type as a drop-down shows it, in pixels: "Chaque semaine" is
 * wider than "Weekly". */
static int
widest_choice (PlRecordTable *self, GType enum_type)
{
  g_autoptr(GEnumClass) values = g_type_class_ref (enum_type);
  int widest = 0;

  for (guint i = 0; i < values->n_values; i++)
    {
      g_autoptr(PangoLayout) layout =
        gtk_widget_create_pango_layout (GTK_WIDGET (self), pl_enum_get_label (enum_type, values->values[i].value));
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  /* The drop-down's padding and arrow, and the cell's margins. */
  return widest + 64;
}

/* As wide as what the column holds needs, in pixels: a date is short, a choice of records
 * is not. */
static int
fixed_width (PlRecordTable *self, Column *column)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (pl_collection_get_item_type (self->collection));
  guint n_fields;
  const PlField *fields = pl_item_class_get_fields ((PlItemClass *) klass, &n_fields);
  int width;

  if (column->field < 0 || (guint) column->field >= n_fields)
    width = 210;
  else
    switch (fields[column->field].type)
      {
      case PL_FIELD_DATE:
      case PL_FIELD_MONTH:
        width = 110;
        break;
      case PL_FIELD_ENUM:
        return MAX ((int) (130 * pl_a11y_text_scale ()), widest_choice (self, fields[column->field].enum_type ()));
      case PL_FIELD_MONEY:
      case PL_FIELD_DOUBLE:
      case PL_FIELD_INT:
        width = 180;
        break;
      default:
        width = 210;
        break;
      }
  return (int) (width * pl_a11y_text_scale ());
}

/* What the column's title needs, in pixels, so that a long French title ("Fin du contrat")
 * is not cut in a narrow column. */
static int
title_width (PlRecordTable *self, const char *title)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), title);
  PangoAttrList *bold = pango_attr_list_new ();
  int width;

  /* Column titles are bold. */
  pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, bold);
  pango_attr_list_unref (bold);
  pango_layout_get_pixel_size (layout, &width, NULL);
  /* The title's padding and the column's separator. */
  return width + 24;
}

static void
append_column (PlRecordTable *self, Column *column, const char *title, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", column);
  g_object_set_data_full (G_OBJECT (factory), "title", g_strdup (title), g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  if (!expand)
    gtk_column_view_column_set_fixed_width (view_column, MAX (fixed_width (self, column), title_width (self, title)));
  else if (column->field >= 0)
    /* In a narrow pane the fixed columns would leave a text column a few letters; it keeps
     * enough to read and the table scrolls sideways instead. */
    gtk_column_view_column_set_fixed_width (view_column, (int) (150 * pl_a11y_text_scale ()));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->view, view_column);
  column->view_column = view_column;
  g_ptr_array_add (self->columns, column);
}

/* "Amount (€)": the cells show the amounts without the sign, which would only repeat. */
static void
update_money_titles (PlRecordTable *self)
{
  if (self->plan == NULL)
    return;
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);
      GtkListItemFactory *factory = gtk_column_view_column_get_factory (column->view_column);
      g_autofree char *title = NULL;

      if (!column->money)
        continue;
      /* Translators: a table's column title and the plan's currency, "Amount (€)" */
      title = g_strdup_printf (_("%s (%s)"), (const char *) g_object_get_data (G_OBJECT (factory), "title"),
                               pl_currency_symbol (pl_plan_get_currency (self->plan)));
      gtk_column_view_column_set_title (column->view_column, title);
    }
}

/* ---- problems, add and remove ---- */

static void
refresh_derived_labels (PlRecordTable *self)
{
  for (guint i = 0; i < self->derived_labels->len; i++)
    refresh_derived (self, g_ptr_array_index (self->derived_labels, i));
}

/* Looks for the problems of this table's records in the whole plan: a validation of every
 * record, which a plan of 20,000 campaigns makes long. */
static void
update_problems (PlRecordTable *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_clear_handle_id (&self->problems_idle, g_source_remove);
  self->problems_stale = FALSE;
  if (self->plan != NULL)
    {
      problems = pl_plan_validate (self->plan);
      for (guint i = 0; i < problems->len; i++)
        {
          const PlProblem *problem = g_ptr_array_index (problems, i);
          PlItem *item = problem->id ? pl_plan_lookup (self->plan, problem->id) : NULL;

          if (item != NULL && item != self->fresh && pl_collection_for_type (G_OBJECT_TYPE (item)) == self->collection)
            g_string_append_printf (text, "%s%s", text->len ? "\n" : "", problem->message);
        }
    }
  gtk_label_set_label (self->problems, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems), text->len > 0);
}

static gboolean
update_problems_cb (gpointer data)
{
  PlRecordTable *self = data;

  self->problems_idle = 0;
  update_problems (self);
  return G_SOURCE_REMOVE;
}

/* The problems are looked for again after the edit is drawn, once for several edits, and
 * only when the table shows: a hidden table looks when it is shown. */
static void
queue_problems (PlRecordTable *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->problems_stale = TRUE;
  else if (self->problems_idle == 0)
    self->problems_idle = g_idle_add_full (G_PRIORITY_LOW, update_problems_cb, self, NULL);
}

static void
on_plan_changed_cb (PlRecordTable *self, PlChangeMask change)
{
  if (change & self->derived_mask)
    refresh_derived_labels (self);
  if (change & PL_CHANGE_METADATA)
    update_money_titles (self);
  if (change & self->problem_mask)
    queue_problems (self);
}

static void
on_add_clicked_cb (PlRecordTable *self)
{
  GType type = pl_collection_get_item_type (self->collection);
  g_autoptr(PlItem) item = g_object_new (type, NULL);
  guint n_fields;
  const PlField *fields = pl_item_get_fields (item, &n_fields);
  guint n;

  if (self->plan == NULL)
    return;
  /* A new record starts with a name to overwrite rather than a problem to fix. */
  for (guint f = 0; f < n_fields; f++)
    if ((fields[f].flags & PL_FIELD_REQUIRED) && (fields[f].type == PL_FIELD_STRING || fields[f].type == PL_FIELD_TEXT))
      {
        pl_item_set_string (item, f, _("Untitled"));
        break;
      }
  if (self->filter_field >= 0)
    {
      if (self->filter_id == NULL)
        return;
      pl_item_set_string (item, (guint) self->filter_field, self->filter_id);
    }
  if (self->prepare != NULL)
    self->prepare (self->plan, item, self->prepare_data);
  g_set_object (&self->fresh, item);
  pl_record_table_focus_when_shown (self, item, field_to_fill (self, item));
  pl_plan_set_filling (self->plan, item);
  pl_plan_add (self->plan, item);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (n > 0)
    gtk_single_selection_set_selected (self->selection, n - 1);
}

static void
on_remove_clicked_cb (PlRecordTable *self)
{
  PlItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL && self->plan != NULL)
    pl_plan_remove (self->plan, item);
}

/* Tall enough for every row up to a limit, then it scrolls: a table of two rows should not
 * hide the second behind a scroll bar, nor a table of fifty push the page down forever. */
static void
update_height (PlRecordTable *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  GtkWidget *scrolled = gtk_widget_get_first_child (GTK_WIDGET (self));

  gboolean tall = FALSE;

  /* Rows with a drop-down are taller than rows of flat text fields. */
  if (n > 0)
    {
      g_autoptr(PlItem) first = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);
      const PlField *fields = pl_item_get_fields (first, NULL);
      for (guint i = 0; i < self->columns->len; i++)
        {
          Column *column = g_ptr_array_index (self->columns, i);
          if (column->field >= 0 && (fields[column->field].type == PL_FIELD_REF ||
                                     fields[column->field].type == PL_FIELD_ENUM))
            tall = TRUE;
        }
    }
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                              (int) MIN (34 + MAX (n, 1) * (tall ? 40 : 28), 360));
}

static void
update_add_button (PlRecordTable *self)
{
  GtkWidget *add = g_object_get_data (G_OBJECT (self), "add-button");

  if (self->suggest_first && g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    gtk_widget_add_css_class (add, "suggested-action");
  else
    gtk_widget_remove_css_class (add, "suggested-action");
}

/* The user is done with the record just added: its problems show from now on. */
static void
settle_fresh (PlRecordTable *self)
{
  if (self->fresh == NULL)
    return;
  if (self->plan != NULL && pl_plan_is_filling (self->plan, pl_item_get_id (self->fresh)))
    pl_plan_set_filling (self->plan, NULL);
  g_clear_object (&self->fresh);
  update_problems (self);
}

static void
on_selection_changed_cb (PlRecordTable *self)
{
  PlItem *selected = gtk_single_selection_get_selected_item (self->selection);

  gtk_widget_set_sensitive (self->remove_button, selected != NULL);
  if (selected != self->fresh)
    settle_fresh (self);
}

static void
on_plan_modified_cb (PlRecordTable *self)
{
  /* Saved: what is in the file is checked, whether filled or not. */
  if (!pl_plan_get_modified (self->plan))
    settle_fresh (self);
}

/* ---- GObject ---- */

static void
pl_record_table_dispose (GObject *object)
{
  PlRecordTable *self = PL_RECORD_TABLE (object);
  GtkWidget *child;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_handle_id (&self->problems_idle, g_source_remove);
  g_clear_object (&self->plan);
  g_clear_object (&self->fresh);
  g_clear_object (&self->focus_item);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pl_record_table_parent_class)->dispose (object);
}

static void
pl_record_table_finalize (GObject *object)
{
  PlRecordTable *self = PL_RECORD_TABLE (object);

  g_ptr_array_unref (self->columns);
  g_ptr_array_unref (self->derived_labels);
  g_free (self->filter_id);
  g_clear_object (&self->filter);
  G_OBJECT_CLASS (pl_record_table_parent_class)->finalize (object);
}

static void
pl_record_table_map (GtkWidget *widget)
{
  PlRecordTable *self = PL_RECORD_TABLE (widget);

  GTK_WIDGET_CLASS (pl_record_table_parent_class)->map (widget);
  if (self->problems_stale)
    queue_problems (self);
}

static void
pl_record_table_class_init (PlRecordTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  GTK_WIDGET_CLASS (klass)->map = pl_record_table_map;
  object_class->dispose = pl_record_table_dispose;
  object_class->finalize = pl_record_table_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "record-table");
}

static void
pl_record_table_init (PlRecordTable *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *scrolled, *buttons, *add;

  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->derived_labels = g_ptr_array_new ();
  self->soon_field = -1;
  self->filter_field = -1;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_height), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_add_button), self);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_swapped (focus, "leave", G_CALLBACK (settle_fresh), self);
    gtk_widget_add_controller (GTK_WIDGET (self), focus);
  }
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (self->selection)));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_column_view_set_reorderable (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  add = gtk_button_new_with_mnemonic (_("_Add"));
  g_object_set_data (G_OBJECT (self), "add-button", add);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_clicked_cb), self);
  self->remove_button = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_set_sensitive (self->remove_button, FALSE);
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (buttons), self->remove_button);
  gtk_widget_set_parent (buttons, GTK_WIDGET (self));

  self->problems = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->problems, 0);
  gtk_label_set_wrap (self->problems, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problems), "problem-text");
  gtk_widget_set_visible (GTK_WIDGET (self->problems), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->problems), GTK_WIDGET (self));
}

PlRecordTable *
pl_record_table_new (PlCollection collection, const char *add_label)
{
  PlRecordTable *self = g_object_new (PL_TYPE_RECORD_TABLE, NULL);

  self->collection = collection;
  /* A record's problems come from it, the records it names, and the plan's period. */
  self->problem_mask = pl_change_for_collection (collection) | PL_CHANGE_METADATA;
  {
    g_autoptr(GTypeClass) klass = g_type_class_ref (pl_collection_get_item_type (collection));
    guint n_fields;
    const PlField *fields = pl_item_class_get_fields ((PlItemClass *) klass, &n_fields);

    for (guint f = 0; f < n_fields; f++)
      if (fields[f].type == PL_FIELD_REF)
        self->problem_mask |= pl_change_for_collection (fields[f].ref);
  }
  gtk_button_set_label (g_object_get_data (G_OBJECT (self), "add-button"), add_label);
  gtk_button_set_use_underline (g_object_get_data (G_OBJECT (self), "add-button"), TRUE);
  return self;
}

void
pl_record_table_add_column (PlRecordTable *self, guint field, const char *title, gboolean expand)
{
  Column *column = g_new0 (Column, 1);

  g_return_if_fail (PL_IS_RECORD_TABLE (self));
  column->field = (int) field;
  {
    g_autoptr(GTypeClass) klass = g_type_class_ref (pl_collection_get_item_type (self->collection));
    guint n_fields;
    column->money = pl_item_class_get_fields ((PlItemClass *) klass, &n_fields)[field].type == PL_FIELD_MONEY;
  }
  append_column (self, column, title, expand);
}

void
pl_record_table_add_derived (PlRecordTable *self, const char *title, PlRecordTableDerive derive,
                             PlChangeMask depends)
{
  Column *column = g_new0 (Column, 1);

  g_return_if_fail (PL_IS_RECORD_TABLE (self));
  column->field = -1;
  column->derive = derive;
  self->derived_mask |= depends | pl_change_for_collection (self->collection);
  append_column (self, column, title, TRUE);
}

void
pl_record_table_add_derived_fixed (PlRecordTable *self, const char *title, PlRecordTableDerive derive,
                                   PlChangeMask depends, int width)
{
  Column *column;

  g_return_if_fail (PL_IS_RECORD_TABLE (self));
  pl_record_table_add_derived (self, title, derive, depends);
  column = g_ptr_array_index (self->columns, self->columns->len - 1);
  gtk_column_view_column_set_expand (column->view_column, FALSE);
  gtk_column_view_column_set_fixed_width (column->view_column,
                                          MAX ((int) (width * pl_a11y_text_scale ()), title_width (self, title)));
}

void
pl_record_table_set_soon (PlRecordTable *self, guint field, int days)
{
  g_return_if_fail (PL_IS_RECORD_TABLE (self));
  self->soon_field = (int) field;
  self->soon_days = days;
}

static gboolean
filter_match (gpointer object, gpointer user_data)
{
  PlRecordTable *self = user_data;

  if (self->filter_func != NULL)
    return self->filter_func (object, self->filter_data);
  return self->filter_id != NULL &&
         g_strcmp0 (pl_item_get_string (object, (guint) self->filter_field), self->filter_id) == 0;
}

void
pl_record_table_set_filter (PlRecordTable *self, guint field, const char *id)
{
  g_return_if_fail (PL_IS_RECORD_TABLE (self));
  g_free (self->filter_id);
  self->filter_id = g_strdup (id);
  if (self->filter == NULL)
    {
      self->filter_field = (int) field;
      self->filter = gtk_custom_filter_new (filter_match, self, NULL);
      if (self->plan != NULL)
        {
          g_autoptr(PlPlan) plan = g_object_ref (self->plan);
          pl_record_table_set_plan (self, plan);
        }
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_height (self);
}

void
pl_record_table_set_suggest_first (PlRecordTable *self, gboolean suggest)
{
  g_return_if_fail (PL_IS_RECORD_TABLE (self));
  self->suggest_first = suggest;
  update_add_button (self);
}

void
pl_record_table_set_plan (PlRecordTable *self, PlPlan *plan)
{
  g_return_if_fail (PL_IS_RECORD_TABLE (self));
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  g_clear_object (&self->fresh);
  g_clear_object (&self->focus_item);
  if (plan == NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  else if (self->filter != NULL)
    {
      GtkFilterListModel *filtered = gtk_filter_list_model_new (g_object_ref (pl_plan_get_collection (plan, self->collection)),
                                                                g_object_ref (GTK_FILTER (self->filter)));
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (filtered));
      g_object_unref (filtered);
    }
  else
    gtk_single_selection_set_model (self->selection, pl_plan_get_collection (plan, self->collection));
  if (plan != NULL)
    {
      g_signal_connect_swapped (plan, "changed", G_CALLBACK (on_plan_changed_cb), self);
      g_signal_connect_swapped (plan, "notify::modified", G_CALLBACK (on_plan_modified_cb), self);
    }
  queue_problems (self);
  update_money_titles (self);
  update_height (self);
}

void
pl_record_table_set_filter_func (PlRecordTable *self, GtkCustomFilterFunc func, gpointer data)
{
  g_return_if_fail (PL_IS_RECORD_TABLE (self));
  g_return_if_fail (self->plan == NULL);
  self->filter_func = func;
  self->filter_data = data;
  if (self->filter == NULL)
    self->filter = gtk_custom_filter_new (filter_match, self, NULL);
}

void
pl_record_table_refilter (PlRecordTable *self)
{
  g_return_if_fail (PL_IS_RECORD_TABLE (self));
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_height (self);
}

void
pl_record_table_set_prepare (PlRecordTable *self, PlRecordTablePrepare prepare, gpointer data)
{
  g_return_if_fail (PL_IS_RECORD_TABLE (self));
  self->prepare = prepare;
  self->prepare_data = data;
}

void
pl_record_table_set_fill (PlRecordTable *self, gboolean fill)
{
  GtkWidget *scrolled;

  g_return_if_fail (PL_IS_RECORD_TABLE (self));
  scrolled = gtk_widget_get_first_child (GTK_WIDGET (self));
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), !fill);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), fill ? -1 : 360);
  gtk_widget_set_vexpand (scrolled, fill);
  gtk_widget_set_vexpand (GTK_WIDGET (self), fill);
}

void
pl_record_table_focus_when_shown (PlRecordTable *self, PlItem *item, int field)
{
  g_return_if_fail (PL_IS_RECORD_TABLE (self));
  g_return_if_fail (PL_IS_ITEM (item));
  g_clear_object (&self->focus_item);
  if (field >= 0)
    self->focus_item = g_object_ref (item);
  self->focus_field = field;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-field-editor"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-choice-list.h"
#include "pl-date-text.h"
#include "pl-enums.h"
#include "pl-field-editor.h"
#include "pl-field-text.h"
#include "pl-objective-progress.h"
#include "pl-tooltip.h"

/* ---- entry cells ---- */

void
pl_field_editor_show_error (GtkWidget *widget, const GError *error)
{
  if (error != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  pl_tooltip_set_error (widget, error ? error->message : NULL);
}

static void
refresh_entry (GtkEntry *entry)
{
  PlPlan *plan = g_object_get_data (G_OBJECT (entry), "plan");
  PlItem *item = g_object_get_data (G_OBJECT (entry), "item");
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "field"));
  g_autofree char *text = NULL;

  if (item == NULL || plan == NULL)
    return;
  text = pl_field_format (plan, item, field);
  g_object_set_data (G_OBJECT (entry), "refreshing", GINT_TO_POINTER (TRUE));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_object_set_data (G_OBJECT (entry), "refreshing", NULL);
  pl_field_editor_show_error (GTK_WIDGET (entry), NULL);
  /* A long text scrolls out of a narrow cell: the pointer still reads all of it. */
  pl_tooltip_set (GTK_WIDGET (entry), g_utf8_strlen (text, -1) > 24 ? text : NULL);
}

static void
commit_entry (GtkEntry *entry)
{
  PlPlan *plan = g_object_get_data (G_OBJECT (entry), "plan");
  PlItem *item = g_object_get_data (G_OBJECT (entry), "item");
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "field"));
  g_autofree char *current = NULL;
  g_autoptr(GError) error = NULL;

  if (item == NULL || plan == NULL)
    return;
  current = pl_field_format (plan, item, field);
  if (g_strcmp0 (current, gtk_editable_get_text (GTK_EDITABLE (entry))) == 0)
    return;
  if (pl_field_apply (plan, item, field, gtk_editable_get_text (GTK_EDITABLE (entry)), TRUE, &error))
    refresh_entry (entry);
  else
    pl_field_editor_show_error (GTK_WIDGET (entry), error);
}

static void
on_entry_changed_cb (GtkEntry *entry)
{
  PlPlan *plan = g_object_get_data (G_OBJECT (entry), "plan");
  PlItem *item = g_object_get_data (G_OBJECT (entry), "item");
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "field"));
  g_autoptr(GError) error = NULL;

  /* Checked as it is typed; made an edit when the cell is left or Enter pressed. */
  if (item == NULL || plan == NULL || g_object_get_data (G_OBJECT (entry), "refreshing"))
    return;
  pl_field_apply (plan, item, field, gtk_editable_get_text (GTK_EDITABLE (entry)), FALSE, &error);
  pl_field_editor_show_error (GTK_WIDGET (entry), error);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller)
{
  commit_entry (GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

/* ---- drop-down cells ---- */

static void on_dropdown_selected_cb (GtkDropDown *dropdown);

/* A drop-down's choices are shared lists (pl-choice-list.h), given to it once: refreshing it
 * only moves its selection. Giving it a new list while it tells of a change, as each refresh
 * once did, finalised the selection that was still notifying (a GLib-GObject-CRITICAL). */
static void
refresh_dropdown (GtkDropDown *dropdown)
{
  PlPlan *plan = g_object_get_data (G_OBJECT (dropdown), "plan");
  PlItem *item = g_object_get_data (G_OBJECT (dropdown), "item");
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "field"));
  const PlField *f;
  GListModel *choices;
  guint selected = 0;

  if (item == NULL || plan == NULL)
    return;
  f = &pl_item_get_fields (item, NULL)[field];
  if (f->type == PL_FIELD_REF)
    {
      choices = G_LIST_MODEL (pl_choice_list_for (plan, f->ref));
      selected = pl_choice_list_find (PL_CHOICE_LIST (choices), pl_item_get_string (item, field));
      /* A reference to a record that is gone shows as none, as it always did. */
      if (selected == GTK_INVALID_LIST_POSITION)
        selected = 0;
    }
  else
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (f->enum_type ());
      gint64 current = pl_item_get_int (item, field);

      choices = pl_choice_list_for_enum (f->enum_type ());
      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value == current)
          selected = i;
    }
  /* Showing the value is no choice of the user's: a new list first selects its first item. */
  g_signal_handlers_block_by_func (dropdown, on_dropdown_selected_cb, NULL);
  if (gtk_drop_down_get_model (dropdown) != choices)
    gtk_drop_down_set_model (dropdown, choices);
  gtk_drop_down_set_selected (dropdown, selected);
  g_signal_handlers_unblock_by_func (dropdown, on_dropdown_selected_cb, NULL);
}

static gboolean
refresh_dropdown_idle_cb (gpointer dropdown)
{
  refresh_dropdown (dropdown);
  return G_SOURCE_REMOVE;
}

/* A choice made: an edit of the plan unless it is the value already there (the drop-down
 * moved to it on a refresh, or the user chose it again). */
static void
on_dropdown_selected_cb (GtkDropDown *dropdown)
{
  PlPlan *plan = g_object_get_data (G_OBJECT (dropdown), "plan");
  PlItem *item = g_object_get_data (G_OBJECT (dropdown), "item");
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "field"));
  guint selected = gtk_drop_down_get_selected (dropdown);
  GListModel *choices = gtk_drop_down_get_model (dropdown);
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (item == NULL || plan == NULL || choices == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (PL_IS_CHOICE_LIST (choices) && pl_choice_list_is_changing (PL_CHOICE_LIST (choices)))
    {
      /* The chosen record went from the list and the selection slid to a neighbour: not an
       * edit. Shown right once the list has settled. */
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_dropdown_idle_cb, g_object_ref (dropdown), g_object_unref);
      return;
    }
  if (PL_IS_CHOICE_LIST (choices))
    {
      const char *id = pl_choice_list_get_id (PL_CHOICE_LIST (choices), selected);
      const char *current = pl_item_get_string (item, field);

      if (id == NULL || g_strcmp0 (id, current ? current : "") == 0)
        return;
      /* The ID is the collection's: copied, since the edit may reorder it. */
      {
        g_autofree char *chosen = g_strdup (id);
        /* An objective's target is its KPI's: another KPI brings its own (one number). */
        if (PL_IS_OBJECTIVE (item) && field == PL_OBJECTIVE_KPI)
          done = pl_objective_set_kpi (plan, PL_OBJECTIVE (item), *chosen ? chosen : NULL, &error);
        else
          done = pl_plan_set_string (plan, item, field, *chosen ? chosen : NULL, &error);
      }
    }
  else
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (pl_item_get_fields (item, NULL)[field].enum_type ());

      if (selected >= klass->n_values || klass->values[selected].value == pl_item_get_int (item, field))
        return;
      done = pl_plan_set_int (plan, item, field, klass->values[selected].value, &error);
    }
  pl_field_editor_show_error (GTK_WIDGET (dropdown), done ? NULL : error);
  if (!done)
    refresh_dropdown (dropdown);
}

/* ---- check cells ---- */

static void
refresh_check (GtkCheckButton *check)
{
  PlItem *item = g_object_get_data (G_OBJECT (check), "item");
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "field"));

  if (item == NULL)
    return;
  g_object_set_data (G_OBJECT (check), "refreshing", GINT_TO_POINTER (TRUE));
  gtk_check_button_set_active (check, pl_item_get_int (item, field) != 0);
  g_object_set_data (G_OBJECT (check), "refreshing", NULL);
}

static void
on_check_toggled_cb (GtkCheckButton *check)
{
  PlPlan *plan = g_object_get_data (G_OBJECT (check), "plan");
  PlItem *item = g_object_get_data (G_OBJECT (check), "item");
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "field"));

  if (item == NULL || plan == NULL || g_object_get_data (G_OBJECT (check), "refreshing"))
    return;
  pl_plan_set_int (plan, item, field, gtk_check_button_get_active (check), NULL);
}

/* ---- any cell ---- */

void
pl_field_editor_refresh (GtkWidget *cell)
{
  if (GTK_IS_ENTRY (cell))
    refresh_entry (GTK_ENTRY (cell));
  else if (GTK_IS_DROP_DOWN (cell))
    refresh_dropdown (GTK_DROP_DOWN (cell));
  else if (GTK_IS_CHECK_BUTTON (cell))
    refresh_check (GTK_CHECK_BUTTON (cell));
}

static void
setup_choice_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Long names are cut with an ellipsis rather than pushing the drop-down out of its cell. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
show_choice (GtkWidget *label, gpointer choice)
{
  const char *text = pl_choice_get_text (choice);

  gtk_label_set_label (GTK_LABEL (label), text);
  pl_tooltip_set (label, text);
}

static void
on_choice_notify_cb (GObject *choice, GParamSpec *pspec, GtkWidget *label)
{
  /* A record renamed while it is on show. */
  show_choice (label, choice);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  gpointer choice = gtk_list_item_get_item (item);

  show_choice (label, choice);
  if (PL_IS_ITEM (choice))
    g_signal_connect_object (choice, "notify", G_CALLBACK (on_choice_notify_cb), label, 0);
}

static void
unbind_choice_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  gpointer choice = gtk_list_item_get_item (item);

  if (PL_IS_ITEM (choice))
    g_signal_handlers_disconnect_by_func (choice, on_choice_notify_cb, gtk_list_item_get_child (item));
}

GtkWidget *
pl_field_editor_new (const PlField *field, gboolean framed)
{
  GtkWidget *cell;

  g_return_val_if_fail (field != NULL, NULL);
  if (field->type == PL_FIELD_BOOL)
    {
      cell = gtk_check_button_new ();
      g_signal_connect (cell, "toggled", G_CALLBACK (on_check_toggled_cb), NULL);
    }
  else if (field->type == PL_FIELD_REF || field->type == PL_FIELD_ENUM)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_choice_cb), NULL);
      cell = gtk_drop_down_new (NULL, NULL);
      gtk_drop_down_set_factory (GTK_DROP_DOWN (cell), factory);
      g_signal_connect (cell, "notify::selected", G_CALLBACK (on_dropdown_selected_cb), NULL);
    }
  else
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      cell = gtk_entry_new ();
      gtk_entry_set_has_frame (GTK_ENTRY (cell), framed);
      /* Undo is the plan's (Ctrl+Z reaches the window), not the text field's own. */
      gtk_editable_set_enable_undo (GTK_EDITABLE (cell), FALSE);
      if (field->type == PL_FIELD_MONEY || field->type == PL_FIELD_INT || field->type == PL_FIELD_DOUBLE)
        gtk_editable_set_alignment (GTK_EDITABLE (cell), 1.0);
      /* An empty date shows the order and separators the reader types: 31/03/2027 in French. */
      if (field->type == PL_FIELD_DATE)
        {
          g_autofree char *example = pl_date_example ();

          gtk_entry_set_placeholder_text (GTK_ENTRY (cell), example);
        }
      /* In a table the column decides the width; an entry's own minimum (about 150 pixels)
       * would push the last columns out of sight. */
      if (!framed)
        gtk_editable_set_width_chars (GTK_EDITABLE (cell), 4);
      g_signal_connect (cell, "activate", G_CALLBACK (commit_entry), NULL);
      g_signal_connect (cell, "changed", G_CALLBACK (on_entry_changed_cb), NULL);
      g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), NULL);
      gtk_widget_add_controller (cell, focus);
    }
  return cell;
}

void
pl_field_editor_bind (GtkWidget *cell, PlPlan *plan, PlItem *item, guint field)
{
  PlItem *before = g_object_get_data (G_OBJECT (cell), "item");

  if (before != NULL)
    {
      /* A half-typed value is kept, not lost, when the cell moves on to another record. */
      if (GTK_IS_ENTRY (cell))
        commit_entry (GTK_ENTRY (cell));
      g_signal_handlers_disconnect_by_func (before, pl_field_editor_refresh, cell);
    }
  g_object_set_data_full (G_OBJECT (cell), "plan", plan ? g_object_ref (plan) : NULL, g_object_unref);
  g_object_set_data_full (G_OBJECT (cell), "item", item ? g_object_ref (item) : NULL, g_object_unref);
  g_object_set_data (G_OBJECT (cell), "field", GUINT_TO_POINTER (field));
  if (item == NULL || plan == NULL)
    return;
  {
    const PlField *f = &pl_item_get_fields (item, NULL)[field];
    g_autofree char *signal = g_strconcat ("notify::", f->name, NULL);
    g_signal_connect_object (item, signal, G_CALLBACK (pl_field_editor_refresh), cell, G_CONNECT_SWAPPED);
  }
  pl_field_editor_refresh (cell);
}

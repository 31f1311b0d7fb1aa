/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-field-editor"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-enums.h"
#include "pl-field-editor.h"
#include "pl-field-text.h"

/* ---- entry cells ---- */

void
pl_field_editor_show_error (GtkWidget *widget, const GError *error)
{
  if (error != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, error->message);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
    }
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
  if (g_utf8_strlen (text, -1) > 24)
    gtk_widget_set_tooltip_text (GTK_WIDGET (entry), text);
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

/* The choices of a reference field: "None", then every record of the collection it names.
 * One list for every drop-down of the plan that offers them, made again only when the
 * collection changes: a table of 6,000 spending rows choosing among 20,000 campaigns once
 * built 6,000 lists of 20,000 names. Shared by reference, since a drop-down may outlive a
 * list made again. */
typedef struct {
  gatomicrefcount  refs;
  guint64          serial;
  GtkStringList   *names;
  char           **ids;
  GHashTable      *index;   /* ID -> position + 1 */
} Choices;

static Choices *
choices_ref (Choices *choices)
{
  g_atomic_ref_count_inc (&choices->refs);
  return choices;
}

static void
choices_unref (Choices *choices)
{
  if (!g_atomic_ref_count_dec (&choices->refs))
    return;
  g_object_unref (choices->names);
  g_hash_table_unref (choices->index);
  g_strfreev (choices->ids);
  g_free (choices);
}

static Choices *
choices_for (PlPlan *plan, PlCollection collection)
{
  g_autofree char *key = g_strdup_printf ("pl-field-choices-%d", collection);
  Choices *choices = g_object_get_data (G_OBJECT (plan), key);
  guint64 serial = pl_plan_get_collection_serial (plan, collection);
  GListModel *targets;
  g_autoptr(GStrvBuilder) ids = NULL;
  guint n;

  if (choices != NULL && choices->serial == serial)
    return choices;
  targets = pl_plan_get_collection (plan, collection);
  n = g_list_model_get_n_items (targets);
  choices = g_new0 (Choices, 1);
  g_atomic_ref_count_init (&choices->refs);
  choices->serial = serial;
  choices->names = gtk_string_list_new (NULL);
  choices->index = g_hash_table_new (g_str_hash, g_str_equal);
  ids = g_strv_builder_new ();
  /* Translators: no record chosen (a campaign, a KPI, a person); French "Aucune" suits them */
  gtk_string_list_append (choices->names, C_("no record", "None"));
  g_strv_builder_add (ids, "");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlItem) target = g_list_model_get_item (targets, i);
      gtk_string_list_append (choices->names, pl_item_get_display_name (target));
      g_strv_builder_add (ids, pl_item_get_id (target));
    }
  choices->ids = g_strv_builder_end (ids);
  /* The keys are the list's own copies of the IDs, which live as long as it. */
  for (guint i = 1; choices->ids[i] != NULL; i++)
    g_hash_table_insert (choices->index, choices->ids[i], GUINT_TO_POINTER (i + 1));
  g_object_set_data_full (G_OBJECT (plan), key, choices, (GDestroyNotify) choices_unref);
  return choices;
}

static void
fill_ref_dropdown (PlPlan *plan, GtkDropDown *dropdown, PlItem *item, guint field)
{
  const PlField *f = &pl_item_get_fields (item, NULL)[field];
  Choices *choices = choices_for (plan, f->ref);
  const char *current = pl_item_get_string (item, field);
  guint at = current ? GPOINTER_TO_UINT (g_hash_table_lookup (choices->index, current)) : 0;

  g_object_set_data_full (G_OBJECT (dropdown), "choices", choices_ref (choices), (GDestroyNotify) choices_unref);
  if (gtk_drop_down_get_model (dropdown) != G_LIST_MODEL (choices->names))
    gtk_drop_down_set_model (dropdown, G_LIST_MODEL (choices->names));
  gtk_drop_down_set_selected (dropdown, at > 0 ? at - 1 : 0);
}

static void
fill_enum_dropdown (GtkDropDown *dropdown, PlItem *item, guint field)
{
  const PlField *f = &pl_item_get_fields (item, NULL)[field];
  g_autoptr(GEnumClass) klass = g_type_class_ref (f->enum_type ());
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 current = pl_item_get_int (item, field);
  guint selected = 0;

  for (guint i = 0; i < klass->n_values; i++)
    {
      gtk_string_list_append (names, pl_enum_get_label (f->enum_type (), klass->values[i].value));
      if (klass->values[i].value == current)
        selected = i;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
refresh_dropdown (GtkDropDown *dropdown)
{
  PlPlan *plan = g_object_get_data (G_OBJECT (dropdown), "plan");
  PlItem *item = g_object_get_data (G_OBJECT (dropdown), "item");
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "field"));

  if (item == NULL || plan == NULL)
    return;
  g_object_set_data (G_OBJECT (dropdown), "refreshing", GINT_TO_POINTER (TRUE));
  if (pl_item_get_fields (item, NULL)[field].type == PL_FIELD_REF)
    fill_ref_dropdown (plan, dropdown, item, field);
  else
    fill_enum_dropdown (dropdown, item, field);
  g_object_set_data (G_OBJECT (dropdown), "refreshing", NULL);
}

static void
on_dropdown_selected_cb (GtkDropDown *dropdown)
{
  PlPlan *plan = g_object_get_data (G_OBJECT (dropdown), "plan");
  PlItem *item = g_object_get_data (G_OBJECT (dropdown), "item");
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "field"));
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (item == NULL || plan == NULL || g_object_get_data (G_OBJECT (dropdown), "refreshing") ||
      selected == GTK_INVALID_LIST_POSITION)
    return;
  if (pl_item_get_fields (item, NULL)[field].type == PL_FIELD_REF)
    {
      Choices *choices = g_object_get_data (G_OBJECT (dropdown), "choices");
      const char *id = choices != NULL && selected < g_list_model_get_n_items (G_LIST_MODEL (choices->names))
                       ? choices->ids[selected] : NULL;

      if (id == NULL)
        return;
      if (g_strcmp0 (id, pl_item_get_string (item, field) ? pl_item_get_string (item, field) : "") == 0)
        return;
      done = pl_plan_set_string (plan, item, field, *id ? id : NULL, &error);
    }
  else
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (pl_item_get_fields (item, NULL)[field].enum_type ());
      if (klass->values[selected].value == pl_item_get_int (item, field))
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
bind_choice_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
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

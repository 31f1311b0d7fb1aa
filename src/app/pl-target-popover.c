/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-target-popover"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-basis.h"
#include "pl-figures.h"
#include "pl-kpi-target-spread.h"
#include "pl-kpi-value.h"
#include "pl-money.h"
#include "pl-target-popover.h"

struct _PlTargetPopover
{
  GtkPopover   parent_instance;

  /* Template widgets */
  GtkLabel    *title;
  GtkDropDown *span;
  GtkEntry    *amount;
  GtkDropDown *method;
  GtkLabel    *extra_label;
  GtkEntry    *extra;
  GtkLabel    *preview;
  GtkButton   *apply;

  PlPlan      *plan;
  PlKpi       *kpi;
  /* The methods the drop-down offers, for the KPI's aggregate. */
  PlTargetSpreadMethod methods[4];
  guint        n_methods;
  gboolean     filling;  /* the fields are being set, not typed */
};

G_DEFINE_FINAL_TYPE (PlTargetPopover, pl_target_popover, GTK_TYPE_POPOVER)

PlTargetPopover *
pl_target_popover_new (void)
{
  return g_object_new (PL_TYPE_TARGET_POPOVER, NULL);
}

static PlBasis
chosen_span (PlTargetPopover *self)
{
  guint i = gtk_drop_down_get_selected (self->span);

  return i == 0 || i == GTK_INVALID_LIST_POSITION ? pl_basis_period (self->plan) : pl_basis_quarter (self->plan, i - 1);
}

static PlTargetSpreadMethod
chosen_method (PlTargetPopover *self)
{
  guint i = gtk_drop_down_get_selected (self->method);

  return i < self->n_methods ? self->methods[i] : PL_TARGET_SPREAD_EVENLY;
}

/* Weights as typed: numbers separated by spaces or semicolons ("1 1 2 1"). */
static GArray *
parse_weights (const char *text, GError **error)
{
  g_auto(GStrv) parts = g_strsplit_set (text, " ;\t", -1);
  GArray *weights = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      double value;

      if (*parts[i] == '\0')
        continue;
      if (!pl_number_parse_typed (parts[i], &value, error))
        {
          g_array_unref (weights);
          return NULL;
        }
      g_array_append_val (weights, value);
    }
  return weights;
}

/* Reads the fields into @how (weights kept in *@weights) and the value; FALSE with @error. */
static gboolean
read_fields (PlTargetPopover *self, double *value, PlTargetSpread *how, GArray **weights, GError **error)
{
  const char *extra = gtk_editable_get_text (GTK_EDITABLE (self->extra));

  *how = (PlTargetSpread) { chosen_method (self), NULL, 0, 0 };
  if (!pl_kpi_value_parse (self->kpi, gtk_editable_get_text (GTK_EDITABLE (self->amount)), value, error))
    return FALSE;
  if (how->method == PL_TARGET_SPREAD_PROFILE)
    {
      if ((*weights = parse_weights (extra, error)) == NULL)
        return FALSE;
      how->weights = (const double *) (*weights)->data;
      how->n_weights = (*weights)->len;
    }
  else if (how->method == PL_TARGET_SPREAD_STEPS)
    {
      if (!pl_kpi_value_parse (self->kpi, extra, &how->start, error))
        return FALSE;
      if (isnan (how->start))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Type the first month’s value to step from."));
          return FALSE;
        }
    }
  return TRUE;
}

static void
show_message (PlTargetPopover *self, const char *text, gboolean error)
{
  gtk_label_set_label (self->preview, text);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->preview), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->preview), "error");
}

/* What each month would get, and a fallback said in words: nothing changes until Set. */
static void
update_preview (PlTargetPopover *self)
{
  PlBasis span;
  PlTargetSpread how;
  g_autoptr(GArray) weights = NULL;
  g_autoptr(GArray) values = NULL;
  g_autoptr(GArray) periods = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *note = NULL;
  PlTargetSpreadMethod used;
  double value;

  if (self->plan == NULL || self->kpi == NULL || self->filling)
    return;
  span = chosen_span (self);
  if (!read_fields (self, &value, &how, &weights, &error) ||
      (values = pl_kpi_target_compute (self->plan, self->kpi, &span, value, &how, &used, &error)) == NULL)
    {
      show_message (self, error->message, TRUE);
      return;
    }
  periods = pl_kpi_target_periods (self->plan, self->kpi, &span);
  text = g_string_new (NULL);
  note = pl_target_spread_note (how.method, used);
  if (note != NULL)
    g_string_append_printf (text, "%s\n", note);
  for (guint i = 0; i < periods->len; i++)
    {
      GDate date;
      char month[32];
      g_autofree char *shown = pl_kpi_value_format (self->kpi, g_array_index (values, double, i));

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g_array_index (periods, guint32, i));
      /* Translators: a month in the preview of a spread target, strftime format ("Jan") */
      g_date_strftime (month, sizeof month, C_("target preview", "%b"), &date);
      /* A month and its value stay on one line. */
      g_string_append_printf (text, "%s%s\u00A0%s", i > 0 ? " · " : "", month, shown);
    }
  show_message (self, text->str, FALSE);
}

/* The methods that suit the KPI's aggregate, and the extra field the chosen one needs. */
static void
fill_methods (PlTargetPopover *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (pl_kpi_target_is_level (self->kpi))
    {
      self->methods[0] = PL_TARGET_SPREAD_EVENLY;
      self->methods[1] = PL_TARGET_SPREAD_STEPS;
      self->methods[2] = PL_TARGET_SPREAD_KEEP_SHAPE;
      self->n_methods = 3;
    }
  else
    {
      self->methods[0] = PL_TARGET_SPREAD_EVENLY;
      self->methods[1] = PL_TARGET_SPREAD_PROFILE;
      self->methods[2] = PL_TARGET_SPREAD_LAST_YEAR;
      self->methods[3] = PL_TARGET_SPREAD_KEEP_SHAPE;
      self->n_methods = 4;
    }
  for (guint i = 0; i < self->n_methods; i++)
    gtk_string_list_append (names, self->methods[i] == PL_TARGET_SPREAD_EVENLY && pl_kpi_target_is_level (self->kpi)
                                   ? _("The same every month") : pl_target_spread_name (self->methods[i]));
  gtk_drop_down_set_model (self->method, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->method, 0);
}

/* A KPI already planned month by month keeps its seasons unless the user says otherwise. */
static void
select_default_method (PlTargetPopover *self)
{
  PlBasis span = chosen_span (self);
  g_autoptr(GArray) periods = pl_kpi_target_periods (self->plan, self->kpi, &span);
  gboolean planned = periods->len > 0;

  for (guint i = 0; planned && i < periods->len; i++)
    planned = pl_series_lookup (pl_kpi_get_targets (self->kpi), g_array_index (periods, guint32, i)) != NULL;
  for (guint i = 0; planned && i < self->n_methods; i++)
    if (self->methods[i] == PL_TARGET_SPREAD_KEEP_SHAPE)
      gtk_drop_down_set_selected (self->method, i);
}

static void
update_extra (PlTargetPopover *self)
{
  PlTargetSpreadMethod method = chosen_method (self);
  gboolean shown = method == PL_TARGET_SPREAD_PROFILE || method == PL_TARGET_SPREAD_STEPS;

  gtk_widget_set_visible (GTK_WIDGET (self->extra_label), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->extra), shown);
  if (method == PL_TARGET_SPREAD_PROFILE)
    {
      gtk_label_set_text_with_mnemonic (self->extra_label, _("_Weights"));
      /* Translators: an example of a seasonal profile's weights, one per month */
      gtk_entry_set_placeholder_text (self->extra, _("One per month: 1 1 2 1 …"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->extra),
                                   _("One weight per month of the span, separated by spaces: 2 gets twice the share of 1."));
    }
  else if (method == PL_TARGET_SPREAD_STEPS)
    {
      gtk_label_set_text_with_mnemonic (self->extra_label, _("_From"));
      gtk_entry_set_placeholder_text (self->extra, _("First month’s value"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->extra),
                                   _("The first month’s value; the target above is reached in the last month, in even steps."));
    }
}

static void
on_method_changed_cb (PlTargetPopover *self)
{
  update_extra (self);
  update_preview (self);
}

static void
fill_spans (PlTargetPopover *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  PlBasis period = pl_basis_period (self->plan);
  g_autofree char *whole = pl_basis_describe (self->plan, &period);
  g_autofree char *first = NULL;
  guint quarters = (pl_plan_get_months (self->plan) + 2) / 3;

  /* Translators: the whole fiscal period in the target popover, e.g. "Whole period (January to December 2027)" */
  first = g_strdup_printf (_("Whole period (%s)"), whole);
  gtk_string_list_append (names, first);
  for (guint q = 0; q < quarters && q < 4; q++)
    {
      PlBasis quarter = pl_basis_quarter (self->plan, q);
      g_autofree char *name = pl_basis_describe (self->plan, &quarter);

      gtk_string_list_append (names, name);
    }
  gtk_drop_down_set_model (self->span, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->span, 0);
}

/* The KPI's current target over the span, as the default to change. */
static void
fill_amount (PlTargetPopover *self)
{
  PlBasis span = chosen_span (self);
  PlFigure current = pl_figures_kpi (self->plan, self->kpi, PL_SERIES_TARGETS, &span);
  g_autofree char *text = isnan (current.value) ? g_strdup ("") : pl_kpi_value_format (self->kpi, current.value);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->amount), text);
  if (pl_kpi_target_is_level (self->kpi))
    {
      GArray *periods = pl_kpi_target_periods (self->plan, self->kpi, &span);
      const PlPoint *point = periods->len > 0 ? pl_series_lookup (pl_kpi_get_targets (self->kpi),
                                                                     g_array_index (periods, guint32, 0)) : NULL;
      g_autofree char *start = point != NULL ? pl_kpi_value_format (self->kpi, point->value) : g_strdup ("");

      gtk_editable_set_text (GTK_EDITABLE (self->extra), start);
      g_array_unref (periods);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->extra), "");
  self->filling = FALSE;
}

static void
on_span_changed_cb (PlTargetPopover *self)
{
  if (self->plan == NULL || self->kpi == NULL)
    return;
  fill_amount (self);
  update_preview (self);
}

void
pl_target_popover_prepare (PlTargetPopover *self, PlPlan *plan, PlKpi *kpi)
{
  g_autofree char *title = NULL;

  g_return_if_fail (PL_IS_TARGET_POPOVER (self));
  g_set_object (&self->plan, plan);
  g_set_object (&self->kpi, kpi);
  /* Translators: the heading of the target popover, with the KPI's name */
  title = g_strdup_printf (_("Target for “%s”"), pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME));
  gtk_label_set_label (self->title, title);
  self->filling = TRUE;
  fill_spans (self);
  fill_methods (self);
  select_default_method (self);
  self->filling = FALSE;
  update_extra (self);
  fill_amount (self);
  update_preview (self);
}

void
pl_target_popover_ask (PlTargetPopover *self, PlPlan *plan, PlKpi *kpi, const GdkRectangle *where)
{
  g_return_if_fail (PL_IS_TARGET_POPOVER (self));
  pl_target_popover_prepare (self, plan, kpi);
  if (where != NULL)
    gtk_popover_set_pointing_to (GTK_POPOVER (self), where);
  gtk_popover_popup (GTK_POPOVER (self));
}

void
pl_target_popover_set_span (PlTargetPopover *self, guint span)
{
  g_return_if_fail (PL_IS_TARGET_POPOVER (self));
  gtk_drop_down_set_selected (self->span, span);
}

gboolean
pl_target_popover_apply (PlTargetPopover *self)
{
  PlBasis span;
  PlTargetSpread how;
  g_autoptr(GArray) weights = NULL;
  g_autoptr(GError) error = NULL;
  double value;

  g_return_val_if_fail (PL_IS_TARGET_POPOVER (self), FALSE);
  if (self->plan == NULL || self->kpi == NULL)
    return FALSE;
  span = chosen_span (self);
  if (!read_fields (self, &value, &how, &weights, &error) ||
      !pl_kpi_target_spread (self->plan, self->kpi, &span, value, &how, NULL, &error))
    {
      show_message (self, error->message, TRUE);
      return FALSE;
    }
  g_clear_object (&self->plan);
  g_clear_object (&self->kpi);
  gtk_popover_popdown (GTK_POPOVER (self));
  return TRUE;
}

static void
apply_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pl_target_popover_apply (PL_TARGET_POPOVER (widget));
}

static void
pl_target_popover_dispose (GObject *object)
{
  PlTargetPopover *self = PL_TARGET_POPOVER (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->kpi);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_TARGET_POPOVER);
  G_OBJECT_CLASS (pl_target_popover_parent_class)->dispose (object);
}

static void
pl_target_popover_class_init (PlTargetPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_target_popover_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-target-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PlTargetPopover, title);
  gtk_widget_class_bind_template_child (widget_class, PlTargetPopover, span);
  gtk_widget_class_bind_template_child (widget_class, PlTargetPopover, amount);
  gtk_widget_class_bind_template_child (widget_class, PlTargetPopover, method);
  gtk_widget_class_bind_template_child (widget_class, PlTargetPopover, extra_label);
  gtk_widget_class_bind_template_child (widget_class, PlTargetPopover, extra);
  gtk_widget_class_bind_template_child (widget_class, PlTargetPopover, preview);
  gtk_widget_class_bind_template_child (widget_class, PlTargetPopover, apply);
  gtk_widget_class_install_action (widget_class, "target.apply", NULL, apply_action);
}

/* However it opens (a menu button, the shortcut), the target is what is typed first. */
static void
on_map_cb (PlTargetPopover *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->amount));
}

static void
pl_target_popover_init (PlTargetPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_popover_set_default_widget (GTK_POPOVER (self), GTK_WIDGET (self->apply));
  g_signal_connect_swapped (self->span, "notify::selected", G_CALLBACK (on_span_changed_cb), self);
  g_signal_connect_swapped (self->method, "notify::selected", G_CALLBACK (on_method_changed_cb), self);
  g_signal_connect_swapped (self->amount, "changed", G_CALLBACK (update_preview), self);
  g_signal_connect_swapped (self->extra, "changed", G_CALLBACK (update_preview), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  /* Enter in a field sets the target, wherever the default widget stands. */
  g_signal_connect_swapped (self->amount, "activate", G_CALLBACK (pl_target_popover_apply), self);
  g_signal_connect_swapped (self->extra, "activate", G_CALLBACK (pl_target_popover_apply), self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-carry-dialog"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-budget-carry.h"
#include "pl-budget-totals.h"
#include "pl-calendar.h"
#include "pl-carry-dialog.h"
#include "pl-date-text.h"
#include "pl-money.h"

/* Months [first, last] of the period: where budget can come from. */
typedef struct {
  guint first, last;
} Span;

/* Where it can go, and how. */
typedef struct {
  guint         first, last;
  PlCarrySpread spread;
} Target;

struct _PlCarryDialog
{
  GtkWindow      parent_instance;

  /* Template widgets */
  GtkDropDown   *line;
  GtkDropDown   *period;
  GtkLabel      *unspent;
  GtkEntry      *amount;
  GtkLabel      *message;
  GtkDropDown   *into;
  GtkLabel      *summary;
  GtkGrid       *preview;
  GtkWidget     *carry_button;
  GtkWidget     *options;
  GtkWidget     *preview_box;

  /* Owned references */
  PlPlan        *plan;
  PlBudgetTotals *totals;  /* of the plan, brought up to date before each use */
  GPtrArray     *lines;     /* PlItem, in the line drop-down's order */
  GArray        *periods;   /* Span, in the period drop-down's order */
  GArray        *targets;   /* Target, in the "into" drop-down's order */
  guint32        today;     /* months that ended by this day can be carried from */
  guint          closed;    /* how many months of the period have */
  gboolean       filling;   /* the drop-downs are being refilled: not the user's choice */
};

G_DEFINE_FINAL_TYPE (PlCarryDialog, pl_carry_dialog, GTK_TYPE_WINDOW)

static PlItem *
current_line (PlCarryDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->line);

  return i < self->lines->len ? g_ptr_array_index (self->lines, i) : NULL;
}

static const Span *
current_period (PlCarryDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->period);

  return i < self->periods->len ? &g_array_index (self->periods, Span, i) : NULL;
}

static const Target *
current_target (PlCarryDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->into);

  return i < self->targets->len ? &g_array_index (self->targets, Target, i) : NULL;
}

/* What @line left unspent in months [@first, @last], as pl_budget_carry() counts it. */
static gint64
unspent_in (PlCarryDialog *self, PlItem *line, guint first, guint last)
{
  pl_budget_totals_refresh (self->totals);
  return pl_budget_carry_unspent_in (self->totals, line, first, last);
}

static char *
money (PlCarryDialog *self, gint64 amount)
{
  return pl_money_format (amount, pl_plan_get_currency_exponent (self->plan), pl_plan_get_currency (self->plan));
}

/* @amount with a minus as a minus (U+2212) when negative. */
static char *
signed_money (PlCarryDialog *self, gint64 amount)
{
  g_autofree char *magnitude = money (self, ABS (amount));

  return amount < 0 ? g_strconcat ("−", magnitude, NULL) : g_steal_pointer (&magnitude);
}

/* ---- the choices ---- */

static void
set_strings (GtkDropDown *dropdown, GPtrArray *labels)
{
  g_ptr_array_add (labels, NULL);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (gtk_string_list_new ((const char * const *) labels->pdata)));
}

static void
fill_lines (PlCarryDialog *self, PlItem *select)
{
  GListModel *lines = pl_plan_get_collection (self->plan, PL_COLLECTION_LINES);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint chosen = 0;

  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      PlItem *line = g_list_model_get_item (lines, i);

      if (line == select)
        chosen = i;
      g_ptr_array_add (self->lines, line);
      g_ptr_array_add (labels, (gpointer) pl_item_get_display_name (line));
    }
  set_strings (self->line, labels);
  gtk_drop_down_set_selected (self->line, chosen);
}

/* Every closed month, each closed quarter before its months; the latest chosen, a quarter
 * when it has just ended. Each says what the line left unspent in it. */
static void
fill_periods (PlCarryDialog *self)
{
  PlItem *line = current_line (self);
  const Span *was = current_period (self);
  Span before = was ? *was : (Span) { G_MAXUINT, G_MAXUINT };
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint chosen = G_MAXUINT;

  g_array_set_size (self->periods, 0);
  for (guint m = 0; line != NULL && m < self->closed; m++)
    {
      Span spans[2] = { { m, m + 2 }, { m, m } };

      for (guint k = m % 3 == 0 && m + 2 < self->closed ? 0 : 1; k < 2; k++)
        {
          g_autofree char *name = pl_budget_carry_describe_months (self->plan, spans[k].first, spans[k].last);
          g_autofree char *left = money (self, unspent_in (self, line, spans[k].first, spans[k].last));

          g_array_append_val (self->periods, spans[k]);
          /* Translators: a month or a quarter, then what a budget line left unspent in it:
           * "Q1 2027 — €12,000 unspent" */
          g_ptr_array_add (labels, g_strdup_printf (_("%s — %s unspent"), name, left));
          if (spans[k].first == before.first && spans[k].last == before.last)
            chosen = self->periods->len - 1;
        }
    }
  if (chosen == G_MAXUINT && self->periods->len > 0)
    {
      /* The latest: the quarter that has just ended, else the last month. */
      chosen = self->periods->len - 1;
      if (self->closed % 3 == 0 && self->periods->len >= 4)
        chosen = self->periods->len - 4;
    }
  set_strings (self->period, labels);
  if (chosen != G_MAXUINT)
    gtk_drop_down_set_selected (self->period, chosen);
}

/* The months after the period that have not ended: evenly over the rest of their quarter, or
 * of the year, or all into one of them. */
static void
fill_targets (PlCarryDialog *self)
{
  const Span *period = current_period (self);
  guint months = pl_plan_get_months (self->plan);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint first, quarter_end;

  g_array_set_size (self->targets, 0);
  first = period ? MAX (period->last + 1, self->closed) : months;
  quarter_end = MIN (first / 3 * 3 + 2, months - 1);
  if (first < months && quarter_end > first)
    {
      Target target = { first, quarter_end, PL_CARRY_EVENLY };
      g_autofree char *span = pl_budget_carry_describe_span (self->plan, target.first, target.last);

      g_array_append_val (self->targets, target);
      if (first % 3 == 0)
        /* Translators: "Evenly over the next quarter, April–June 2027" */
        g_ptr_array_add (labels, g_strdup_printf (_("Evenly over the next quarter, %s"), span));
      else
        /* Translators: "Evenly over the rest of the quarter, February–March 2027" */
        g_ptr_array_add (labels, g_strdup_printf (_("Evenly over the rest of the quarter, %s"), span));
    }
  if (first < months && months - 1 > quarter_end)
    {
      Target target = { first, months - 1, PL_CARRY_EVENLY };
      g_autofree char *span = pl_budget_carry_describe_span (self->plan, target.first, target.last);

      g_array_append_val (self->targets, target);
      if (months == 12)
        /* Translators: "Evenly over the rest of the year, April–December 2027" */
        g_ptr_array_add (labels, g_strdup_printf (_("Evenly over the rest of the year, %s"), span));
      else
        /* Translators: "Evenly over the rest of the period, April–June 2027" (a plan of 3 or 6 months) */
        g_ptr_array_add (labels, g_strdup_printf (_("Evenly over the rest of the period, %s"), span));
    }
  for (guint m = first; m < months; m++)
    {
      Target target = { m, m, PL_CARRY_ONE_MONTH };
      g_autofree char *name = pl_budget_carry_describe_months (self->plan, m, m);

      g_array_append_val (self->targets, target);
      /* Translators: "All into April 2027" */
      g_ptr_array_add (labels, g_strdup_printf (_("All into %s"), name));
    }
  set_strings (self->into, labels);
  gtk_drop_down_set_selected (self->into, 0);
}

/* All that the period left unspent, as the user would type it. */
static void
reset_amount (PlCarryDialog *self)
{
  PlItem *line = current_line (self);
  const Span *period = current_period (self);
  g_autofree char *text = NULL;

  if (line == NULL || period == NULL)
    text = g_strdup ("");
  else
    text = pl_money_to_display (unspent_in (self, line, period->first, period->last),
                                pl_plan_get_currency_exponent (self->plan));
  gtk_editable_set_text (GTK_EDITABLE (self->amount), text);
}

/* ---- the preview ---- */

static void
add_cell (PlCarryDialog *self, const char *text, int column, int row, gboolean header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_widget_set_hexpand (label, column == 0);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  else if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (self->preview, label, column, row, 1, 1);
}

/* A row per month the move takes from or gives to: what it planned, spent and ordered, what
 * it left, the change and what it plans after. With no @changes (the move cannot be made),
 * the months as they are. */
static void
show_preview (PlCarryDialog *self, PlItem *line, const Span *period, const Target *target, const gint64 *changes)
{
  PlBudgetTotals *totals = self->totals;
  /* Translators: column headers; "Carried" is what a month gives (−) or receives (+) */
  const char *headers[] = { _("Month"), _("Planned"), _("Spent"), _("Ordered"), _("Unspent"),
                            C_("budget moved to other months", "Carried"), _("Planned after") };
  GtkWidget *child;
  int row = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview))) != NULL)
    gtk_grid_remove (self->preview, child);
  if (line == NULL || period == NULL)
    return;
  pl_budget_totals_refresh (totals);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    add_cell (self, headers[c], (int) c, 0, TRUE);
  for (guint m = period->first; m <= (target ? target->last : period->last); m++)
    {
      gboolean source = m <= period->last;
      gint64 planned = pl_budget_totals_line_planned (totals, line, (int) m);
      g_autofree char *name = NULL, *planned_text = NULL, *actual = NULL, *committed = NULL;
      g_autofree char *left = NULL, *change = NULL, *after = NULL;

      if (!source && m < target->first)
        continue;
      name = pl_budget_carry_describe_months (self->plan, m, m);
      planned_text = money (self, planned);
      actual = money (self, pl_budget_totals_line_actual (totals, line, (int) m));
      committed = money (self, pl_budget_totals_line_committed (totals, line, (int) m));
      /* Signed, so that the column adds up to what the span left: an overspent month takes. */
      left = source ? signed_money (self, pl_budget_carry_month_left_in (totals, line, m)) : g_strdup ("");
      if (changes == NULL)
        {
          change = g_strdup ("–");
          after = g_strdup ("–");
        }
      else
        {
          g_autofree char *magnitude = signed_money (self, changes[m]);

          /* A change reads with its sign. */
          change = changes[m] > 0 ? g_strconcat ("+", magnitude, NULL)
                 : changes[m] < 0 ? g_steal_pointer (&magnitude) : g_strdup ("0");
          after = money (self, pl_money_sum (planned, changes[m]));
        }
      add_cell (self, name, 0, row, FALSE);
      add_cell (self, planned_text, 1, row, FALSE);
      add_cell (self, actual, 2, row, FALSE);
      add_cell (self, committed, 3, row, FALSE);
      add_cell (self, left, 4, row, FALSE);
      add_cell (self, change, 5, row, FALSE);
      add_cell (self, after, 6, row, FALSE);
      row++;
    }
}

/* Says @text under the amount, in the colour of a problem, and turns Carry Over off. */
static void
refuse (PlCarryDialog *self, const char *text)
{
  gtk_label_set_label (self->message, text);
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "carry.apply", FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->amount), "invalid");
}

/* Reads the amount typed; FALSE with the reason said when it does not read. */
static gboolean
read_amount (PlCarryDialog *self, gint64 *amount)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->amount));
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    {
      refuse (self, _("Type the amount to carry over."));
      gtk_widget_add_css_class (GTK_WIDGET (self->amount), "invalid");
      return FALSE;
    }
  if (!pl_money_parse_typed (stripped, pl_plan_get_currency_exponent (self->plan), amount, &error))
    {
      refuse (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->amount), "invalid");
      return FALSE;
    }
  return TRUE;
}

/* Checks what is chosen and typed as pl_budget_carry() will, and shows what it would do. */
static void
update (PlCarryDialog *self)
{
  PlItem *line = current_line (self);
  const Span *period = current_period (self);
  const Target *target = current_target (self);
  g_autofree gint64 *changes = g_new0 (gint64, pl_plan_get_months (self->plan));
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL, *to = NULL, *moved = NULL, *text = NULL;
  gint64 amount = 0, unspent;
  gboolean ok;

  gtk_label_set_label (self->summary, "");
  gtk_label_set_label (self->unspent, "");
  /* With nothing to choose from, the dialog only says why. */
  gtk_widget_set_visible (self->options, line != NULL && period != NULL);
  gtk_widget_set_visible (self->preview_box, line != NULL && period != NULL);
  if (line == NULL)
    {
      refuse (self, NULL);
      gtk_label_set_label (self->summary, _("This plan has no budget lines: add one on the Budget page first."));
      return;
    }
  if (period == NULL)
    {
      g_autofree char *day = pl_date_text (self->today - 1, PL_DATE_LONG);

      refuse (self, NULL);
      /* Translators: the last day the window counts as past */
      text = g_strdup_printf (_("No month of the plan’s period had ended by %s: only the unspent budget of months "
                                "that have ended can be carried over."), day);
      gtk_label_set_label (self->summary, text);
      return;
    }
  from = pl_budget_carry_describe_months (self->plan, period->first, period->last);
  unspent = unspent_in (self, line, period->first, period->last);
  moved = money (self, unspent);
  /* Translators: what a budget line left unspent, and when: "€12,000 in Q1 2027" */
  text = g_strdup_printf (C_("unspent", "%s in %s"), moved, from);
  gtk_label_set_label (self->unspent, text);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&moved, g_free);
  if (target == NULL)
    {
      /* Translators: a month or a quarter */
      text = g_strdup_printf (_("No month after %s is left in the plan’s period to carry into."), from);
      refuse (self, text);
      show_preview (self, line, period, NULL, NULL);
      return;
    }
  if (!read_amount (self, &amount))
    {
      show_preview (self, line, period, target, NULL);
      return;
    }
  ok = pl_budget_carry_preview (self->plan, line, period->first, period->last, target->first, target->last,
                                target->spread, amount, self->today, changes, &error);
  show_preview (self, line, period, target, ok ? changes : NULL);
  if (!ok)
    {
      refuse (self, error->message);
      /* The amount is what to change when it is what was refused. */
      if (amount <= 0 || amount > unspent)
        gtk_widget_add_css_class (GTK_WIDGET (self->amount), "invalid");
      return;
    }
  refuse (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "carry.apply", TRUE);
  moved = money (self, amount);
  to = pl_budget_carry_describe_span (self->plan, target->first, target->last);
  /* Translators: "€12,000 moves from Q1 2027 into April–June 2027." */
  text = g_strdup_printf (_("%s moves from %s into %s."), moved, from, to);
  gtk_label_set_label (self->summary, text);
}

/* ---- signal callbacks ---- */

static void
on_line_changed_cb (PlCarryDialog *self)
{
  if (self->filling)
    return;
  self->filling = TRUE;
  fill_periods (self);
  fill_targets (self);
  reset_amount (self);
  self->filling = FALSE;
  update (self);
}

static void
on_period_changed_cb (PlCarryDialog *self)
{
  if (self->filling)
    return;
  self->filling = TRUE;
  fill_targets (self);
  reset_amount (self);
  self->filling = FALSE;
  update (self);
}

static void
on_choice_changed_cb (PlCarryDialog *self)
{
  if (!self->filling)
    update (self);
}

/* ---- actions ---- */

static void
apply_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlCarryDialog *self = PL_CARRY_DIALOG (widget);
  PlItem *line = current_line (self);
  const Span *period = current_period (self);
  const Target *target = current_target (self);
  g_autoptr(GError) error = NULL;
  gint64 amount;

  if (line == NULL || period == NULL || target == NULL || !read_amount (self, &amount))
    return;
  if (!pl_budget_carry (self->plan, line, period->first, period->last, target->first, target->last, target->spread,
                        amount, self->today, &error))
    {
      refuse (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- GObject ---- */

static void
pl_carry_dialog_dispose (GObject *object)
{
  PlCarryDialog *self = PL_CARRY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_CARRY_DIALOG);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->totals, pl_budget_totals_free);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (pl_carry_dialog_parent_class)->dispose (object);
}

static void
pl_carry_dialog_class_init (PlCarryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_carry_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-carry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlCarryDialog, line);
  gtk_widget_class_bind_template_child (widget_class, PlCarryDialog, period);
  gtk_widget_class_bind_template_child (widget_class, PlCarryDialog, unspent);
  gtk_widget_class_bind_template_child (widget_class, PlCarryDialog, amount);
  gtk_widget_class_bind_template_child (widget_class, PlCarryDialog, message);
  gtk_widget_class_bind_template_child (widget_class, PlCarryDialog, into);
  gtk_widget_class_bind_template_child (widget_class, PlCarryDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, PlCarryDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, PlCarryDialog, carry_button);
  gtk_widget_class_bind_template_child (widget_class, PlCarryDialog, options);
  gtk_widget_class_bind_template_child (widget_class, PlCarryDialog, preview_box);
  gtk_widget_class_install_action (widget_class, "carry.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_carry_dialog_init (PlCarryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->lines = g_ptr_array_new_with_free_func (g_object_unref);
  self->periods = g_array_new (FALSE, FALSE, sizeof (Span));
  self->targets = g_array_new (FALSE, FALSE, sizeof (Target));
  g_signal_connect_swapped (self->line, "notify::selected", G_CALLBACK (on_line_changed_cb), self);
  g_signal_connect_swapped (self->period, "notify::selected", G_CALLBACK (on_period_changed_cb), self);
  g_signal_connect_swapped (self->into, "notify::selected", G_CALLBACK (on_choice_changed_cb), self);
  g_signal_connect_swapped (self->amount, "changed", G_CALLBACK (on_choice_changed_cb), self);
}

GtkWidget *
pl_carry_dialog_new (GtkWindow *parent, PlPlan *plan, PlItem *line_or_NULL)
{
  PlCarryDialog *self = g_object_new (PL_TYPE_CARRY_DIALOG, "transient-for", parent, NULL);

  g_return_val_if_fail (line_or_NULL == NULL || PL_IS_BUDGET_LINE (line_or_NULL), NULL);
  self->plan = g_object_ref (plan);
  self->totals = pl_budget_totals_new (plan);
  self->today = pl_budget_carry_as_of (plan, pl_calendar_today ());
  self->closed = pl_budget_carry_closed_months (plan, self->today);
  self->filling = TRUE;
  fill_lines (self, line_or_NULL);
  fill_periods (self);
  fill_targets (self);
  reset_amount (self);
  self->filling = FALSE;
  update (self);
  /* The amount first, all of it selected: what is typed replaces it. */
  gtk_widget_grab_focus (GTK_WIDGET (self->amount));
  /* Closed with its window, which owns the plan; not by destroy-with-parent (see the note in
   * pl_window_dispose). The handler goes when the dialog does. */
  if (parent != NULL)
    g_signal_connect_object (parent, "destroy", G_CALLBACK (gtk_window_destroy), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-budget-page"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-a11y.h"
#include "pl-budget-burn-chart.h"
#include "pl-budget-grid.h"
#include "pl-budget-month-chart.h"
#include "pl-ask-dialog.h"
#include "pl-budget-page.h"
#include "pl-budget-spread.h"
#include "pl-budget-totals.h"
#include "pl-calendar.h"
#include "pl-carry-dialog.h"
#include "pl-cac-breakdown-chart.h"
#include "pl-category-spend-chart.h"
#include "pl-chart-menu.h"
#include "pl-chart-theme.h"
#include "pl-dashboard.h"
#include "pl-delete-dialog.h"
#include "pl-enums.h"
#include "pl-field-editor.h"
#include "pl-figures.h"
#include "pl-money.h"
#include "pl-date-text.h"
#include "pl-record-table.h"
#include "pl-tooltip.h"
#include "pl-unbudgeted.h"

struct _PlBudgetPage
{
  PlPage          parent_instance;

  /* Template widgets */
  GtkStack       *view_stack;
  PlBudgetGrid   *grid;
  GtkStack       *editor_stack;
  GtkGrid        *form;
  GtkLabel       *allocation_summary;
  GtkBox         *allocations_box;
  GtkDropDown    *spend_line;
  GtkDropDown    *spend_month;
  GtkDropDown    *spend_status;
  GtkRevealer    *unbudgeted_revealer;
  GtkWidget      *unbudgeted_button;
  GtkWidget      *sheets_button;
  GtkLabel       *unbudgeted_label;
  GtkPopover     *unbudgeted_popover;
  GtkGrid        *unbudgeted_grid;
  GtkLabel       *unbudgeted_more;
  GtkLabel       *spend_summary;
  GtkBox         *spend_box;
  GtkDrawingArea *month_chart;
  GtkDrawingArea *burn_chart;
  GtkDrawingArea *category_chart;
  GtkDrawingArea *cac_chart;
  GtkLabel       *portfolio;

  /* Owned references */
  PlPlan         *plan;
  PlItem         *selected;
  PlBudgetTotals *totals;
  PlRecordTable  *allocations;
  PlRecordTable  *spend;
  PlUnbudgeted   *unbudgeted;
  GStrv           line_ids;     /* behind the spend line filter, after "All lines" and "Unbudgeted" */
  GPtrArray      *editors;
  gboolean        spend_bound;  /* the spend table shows the plan (from its view's first showing) */
};

G_DEFINE_FINAL_TYPE (PlBudgetPage, pl_budget_page, PL_TYPE_PAGE)

/* Seasonal profiles by calendar month (January first), as planners describe their year. */
static const struct { const char *name; double weights[12]; } profiles[] = {
  { N_("B2B year: quiet in summer and at Christmas"), { 1, 1.1, 1.2, 1.1, 1, 0.9, 0.5, 0.4, 1.2, 1.3, 1.2, 0.6 } },
  { N_("Retail year: the last quarter carries it"), { 0.6, 0.6, 0.8, 0.8, 0.9, 0.9, 0.8, 0.9, 1, 1.3, 1.8, 2 } },
  { N_("Launch: front-loaded, then sustained"), { 2, 1.8, 1.5, 1.2, 1, 0.9, 0.8, 0.8, 0.8, 0.8, 0.7, 0.7 } },
};

/* ---- the selected line or category ---- */

static PlItem *
selected_line (PlBudgetPage *self)
{
  return self->selected && PL_IS_BUDGET_LINE (self->selected) ? self->selected : NULL;
}

static PlItem *
selected_category (PlBudgetPage *self)
{
  if (self->selected == NULL)
    return NULL;
  if (PL_IS_CATEGORY (self->selected))
    return self->selected;
  return pl_plan_lookup (self->plan, pl_item_get_string (self->selected, PL_BUDGET_LINE_CATEGORY));
}

static void
update_actions (PlBudgetPage *self)
{
  gboolean line = selected_line (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.add-line",
                                 selected_category (self) != NULL ||
                                 (self->plan != NULL && g_list_model_get_n_items (pl_plan_get_collection (self->plan, PL_COLLECTION_CATEGORIES)) > 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.delete", self->selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.move-up", self->selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.move-down", self->selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.spread-evenly", line);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.spread-profile", line);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.copy-month", line);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.scale-category", selected_category (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.carry-over", self->plan != NULL);
}

static void
refresh_allocation_summary (PlBudgetPage *self)
{
  PlItem *line = selected_line (self);
  guint exponent;
  gint64 planned, allocated;
  g_autofree char *a = NULL, *p = NULL, *left = NULL, *text = NULL;

  if (line == NULL || self->totals == NULL)
    return;
  exponent = pl_plan_get_currency_exponent (self->plan);
  planned = pl_budget_totals_line_planned (self->totals, line, -1);
  allocated = pl_budget_totals_line_allocated (self->totals, line);
  a = pl_money_format (allocated, exponent, pl_plan_get_currency (self->plan));
  p = pl_money_format (planned, exponent, pl_plan_get_currency (self->plan));
  left = pl_money_format (ABS (planned - allocated), exponent, pl_plan_get_currency (self->plan));
  if (allocated > planned)
    /* Translators: amounts allocated to campaigns, planned for the line, allocated too much */
    text = g_strdup_printf (_("%s allocated out of %s: %s too much."), a, p, left);
  else
    /* Translators: amounts allocated to campaigns, planned for the line, left to allocate */
    text = g_strdup_printf (_("%s allocated out of %s; %s left to allocate."), a, p, left);
  gtk_label_set_label (self->allocation_summary, text);
  if (allocated > planned)
    gtk_widget_add_css_class (GTK_WIDGET (self->allocation_summary), "problem-text");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->allocation_summary), "problem-text");
}

/* The form shows the fields of the selected record's type, labelled by the model. */
static void
rebuild_form (PlBudgetPage *self)
{
  GtkWidget *child;
  guint n_fields;
  const PlField *fields;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->form))) != NULL)
    {
      if (g_ptr_array_find (self->editors, child, NULL))
        pl_field_editor_bind (child, NULL, NULL, 0);
      gtk_grid_remove (self->form, child);
    }
  g_ptr_array_set_size (self->editors, 0);
  if (self->selected == NULL)
    {
      gtk_stack_set_visible_child_name (self->editor_stack, "none");
      return;
    }
  fields = pl_item_get_fields (self->selected, &n_fields);
  /* The name first, then the fields in the model's order. */
  for (guint i = 0, row = 0; i <= n_fields; i++)
    {
      int name = pl_item_class_find_field (PL_ITEM_GET_CLASS (self->selected), "name");
      guint f = i == 0 ? (guint) MAX (name, 0) : i - 1;
      g_autofree char *title = NULL;
      GtkWidget *label, *editor;

      if (i > 0 && (int) f == MAX (name, 0))
        continue;

      /* The months are the grid's; the amounts have their own editor. What was carried over is
       * shown in the months it moved between, and changed by carrying (pl-budget-carry.h). */
      if (fields[f].type == PL_FIELD_AMOUNTS || g_strcmp0 (fields[f].name, "carried") == 0)
        continue;
      title = g_strdup (g_dgettext (GETTEXT_PACKAGE, fields[f].label));
      title[0] = g_ascii_toupper (title[0]);
      label = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "dim-label");
      editor = pl_field_editor_new (&fields[f], TRUE);
      gtk_widget_set_hexpand (editor, TRUE);
      if (GTK_IS_CHECK_BUTTON (editor))
        gtk_widget_set_halign (editor, GTK_ALIGN_START);
      pl_a11y_labelled_by (editor, label);
      gtk_grid_attach (self->form, label, 0, (int) row, 1, 1);
      gtk_grid_attach (self->form, editor, 1, (int) row, 1, 1);
      pl_field_editor_bind (editor, self->plan, self->selected, f);
      g_ptr_array_add (self->editors, editor);
      row++;
    }
  gtk_stack_set_visible_child_name (self->editor_stack, "line");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->allocations_box)), selected_line (self) != NULL);
  pl_record_table_set_filter (self->allocations, PL_ALLOCATION_LINE,
                              selected_line (self) ? pl_item_get_id (self->selected) : NULL);
  refresh_allocation_summary (self);
}

static void
on_grid_selected_cb (PlBudgetPage *self)
{
  PlItem *item = pl_budget_grid_get_selected (self->grid);

  if (item == self->selected)
    return;
  g_set_object (&self->selected, item);
  rebuild_form (self);
  update_actions (self);
}

/* ---- spend ---- */

/* The spend line filter: all lines, the spend on none, then each line. */
enum { SPEND_ALL_LINES, SPEND_NO_LINE, SPEND_FIRST_LINE };
/* The spend status filter: both, then each status (PlSpendStatus + 1). */
enum { SPEND_ANY_STATUS };

static const char *
filtered_line (PlBudgetPage *self)
{
  guint line = gtk_drop_down_get_selected (self->spend_line);

  if (line < SPEND_FIRST_LINE || line == GTK_INVALID_LIST_POSITION || self->line_ids == NULL ||
      line - SPEND_FIRST_LINE >= g_strv_length (self->line_ids))
    return NULL;
  return self->line_ids[line - SPEND_FIRST_LINE];
}

/* Spend on no line, or on a line that is gone: what the budget counts as unbudgeted. */
static gboolean
on_no_line (PlBudgetPage *self, PlItem *entry)
{
  PlItem *line = pl_plan_lookup (self->plan, pl_item_get_string (entry, PL_SPEND_LINE));
  return line == NULL || !PL_IS_BUDGET_LINE (line);
}

static gboolean
spend_visible (gpointer item, gpointer data)
{
  PlBudgetPage *self = data;
  guint line = gtk_drop_down_get_selected (self->spend_line);
  guint month = gtk_drop_down_get_selected (self->spend_month);
  guint status = gtk_drop_down_get_selected (self->spend_status);
  const char *line_id = filtered_line (self);

  if (self->plan == NULL)
    return FALSE;
  if (line_id != NULL && g_strcmp0 (pl_item_get_string (item, PL_SPEND_LINE), line_id) != 0)
    return FALSE;
  if (line == SPEND_NO_LINE && !on_no_line (self, item))
    return FALSE;
  if (status != SPEND_ANY_STATUS && status != GTK_INVALID_LIST_POSITION &&
      pl_item_get_int (item, PL_SPEND_STATUS) != (gint64) status - 1)
    return FALSE;
  if (month > 0 && month != GTK_INVALID_LIST_POSITION &&
      pl_plan_month_index (self->plan, pl_item_get_julian (item, PL_SPEND_DATE)) != (int) month - 1)
    return FALSE;
  return TRUE;
}

/* A new entry starts on the line and month shown, or today within the period. */
static void
prepare_spend (PlPlan *plan, PlItem *entry, gpointer data)
{
  PlBudgetPage *self = data;
  guint line = gtk_drop_down_get_selected (self->spend_line);
  guint month = gtk_drop_down_get_selected (self->spend_month);
  guint status = gtk_drop_down_get_selected (self->spend_status);
  guint32 date;

  /* On the line shown; on none when the unbudgeted spend is shown; else on the first. */
  if (filtered_line (self) != NULL)
    pl_item_set_string (entry, PL_SPEND_LINE, filtered_line (self));
  else if (line != SPEND_NO_LINE && self->line_ids != NULL && self->line_ids[0] != NULL)
    pl_item_set_string (entry, PL_SPEND_LINE, self->line_ids[0]);
  if (status != SPEND_ANY_STATUS && status != GTK_INVALID_LIST_POSITION)
    pl_item_set_int (entry, PL_SPEND_STATUS, (gint64) status - 1);
  if (month > 0 && month != GTK_INVALID_LIST_POSITION)
    date = pl_plan_month_start (plan, month - 1);
  else
    date = CLAMP (pl_calendar_today (), pl_plan_get_start (plan), pl_plan_get_end (plan) - 1);
  pl_item_set_julian (entry, PL_SPEND_DATE, date);
}

static void
refresh_spend_summary (PlBudgetPage *self)
{
  GListModel *spend = pl_plan_get_collection (self->plan, PL_COLLECTION_SPEND);
  guint exponent = pl_plan_get_currency_exponent (self->plan);
  const char *currency = pl_plan_get_currency (self->plan);
  guint shown = 0;
  gint64 actual = 0, committed = 0;
  g_autofree char *actual_text = NULL, *committed_text = NULL, *text = NULL;

  /* Actual and committed apart: an order not yet invoiced is not spent, and a sum of the
   * two would be neither figure of the budget. */
  for (guint i = 0, n = g_list_model_get_n_items (spend); i < n; i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (spend, i);
      if (spend_visible (entry, self))
        {
          shown++;
          if (pl_spend_is_actual (entry))
            actual = pl_money_sum (actual, pl_item_get_int (entry, PL_SPEND_AMOUNT));
          else
            committed = pl_money_sum (committed, pl_item_get_int (entry, PL_SPEND_AMOUNT));
        }
    }
  actual_text = pl_money_format (actual, exponent, currency);
  committed_text = pl_money_format (committed, exponent, currency);
  /* Translators: the spend list's summary: the entries shown, their actual spend, their committed spend */
  text = g_strdup_printf (ngettext ("%u entry: %s actual, %s committed", "%u entries: %s actual, %s committed", shown),
                          shown, actual_text, committed_text);
  gtk_label_set_label (self->spend_summary, text);
}

static void
on_spend_filter_cb (PlBudgetPage *self)
{
  if (self->plan == NULL)
    return;
  if (self->spend_bound)
    pl_record_table_refilter (self->spend);
  refresh_spend_summary (self);
}

static gboolean
same_strings (GListModel *a, GListModel *b)
{
  guint n = a ? g_list_model_get_n_items (a) : 0;

  if (a == NULL || !GTK_IS_STRING_LIST (a) || n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (a), i), gtk_string_list_get_string (GTK_STRING_LIST (b), i)) != 0)
      return FALSE;
  return TRUE;
}

static void
fill_spend_filters (PlBudgetPage *self)
{
  GListModel *lines = pl_plan_get_collection (self->plan, PL_COLLECTION_LINES);
  g_autoptr(GtkStringList) line_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) month_names = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  guint line = gtk_drop_down_get_selected (self->spend_line);
  guint month = gtk_drop_down_get_selected (self->spend_month);
  g_autofree char *line_before = NULL;
  g_auto(GStrv) new_ids = NULL;
  guint line_after = 0;

  line_before = g_strdup (filtered_line (self));
  gtk_string_list_append (line_names, _("All lines"));
  /* Translators: the spend filter showing the spend on no budget line */
  gtk_string_list_append (line_names, _("Unbudgeted (no line)"));
  if (line == SPEND_NO_LINE)
    line_after = SPEND_NO_LINE;
  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(PlItem) item = g_list_model_get_item (lines, i);
      gtk_string_list_append (line_names, pl_item_get_string (item, PL_BUDGET_LINE_NAME));
      g_strv_builder_add (ids, pl_item_get_id (item));
      if (g_strcmp0 (line_before, pl_item_get_id (item)) == 0)
        line_after = i + SPEND_FIRST_LINE;
    }
  gtk_string_list_append (month_names, _("All months"));
  for (guint m = 0; m < pl_plan_get_months (self->plan); m++)
    {
      GDate date;
      char name[64];
      g_date_set_julian (&date, pl_plan_month_start (self->plan, m));
      g_date_strftime (name, sizeof name, "%B %Y", &date);
      gtk_string_list_append (month_names, name);
    }
  new_ids = g_strv_builder_end (ids);
  /* Unchanged (a line's amounts were edited): the drop-downs and the spend shown stay. */
  if (same_strings (gtk_drop_down_get_model (self->spend_line), G_LIST_MODEL (line_names)) &&
      same_strings (gtk_drop_down_get_model (self->spend_month), G_LIST_MODEL (month_names)) &&
      self->line_ids != NULL && g_strv_equal ((const char * const *) self->line_ids, (const char * const *) new_ids))
    return;
  /* One refilter for the two drop-downs refilled, not one per step. */
  g_signal_handlers_block_by_func (self->spend_line, on_spend_filter_cb, self);
  g_signal_handlers_block_by_func (self->spend_month, on_spend_filter_cb, self);
  g_strfreev (self->line_ids);
  self->line_ids = g_steal_pointer (&new_ids);
  gtk_drop_down_set_model (self->spend_line, G_LIST_MODEL (line_names));
  gtk_drop_down_set_selected (self->spend_line, line_after);
  gtk_drop_down_set_model (self->spend_month, G_LIST_MODEL (month_names));
  gtk_drop_down_set_selected (self->spend_month, month != GTK_INVALID_LIST_POSITION &&
                                                 month <= pl_plan_get_months (self->plan) ? month : 0);
  g_signal_handlers_unblock_by_func (self->spend_line, on_spend_filter_cb, self);
  g_signal_handlers_unblock_by_func (self->spend_month, on_spend_filter_cb, self);
  on_spend_filter_cb (self);
}

/* ---- unbudgeted spend ---- */

/* At most this many entries in the flag's list: past it, the spending list filters them. */
#define MAX_LISTED 100

/* A cell of the flag's list; the words (a vendor, a line's name) are cut past @chars, the
 * dates and amounts never. */
static GtkWidget *
list_cell (const char *text, float xalign, gboolean dim, int chars)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (chars > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), MIN (chars, (int) g_utf8_strlen (text, -1)));
      gtk_label_set_max_width_chars (GTK_LABEL (label), chars);
      pl_tooltip_set (label, text);
    }
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* The entries behind the flag, made when its list is opened rather than on every edit. */
static void
fill_unbudgeted_list (PlBudgetPage *self)
{
  static const char *titles[] = { N_("Date"), N_("Vendor"), N_("Why"), N_("Status"), N_("Amount") };
  guint exponent = pl_plan_get_currency_exponent (self->plan);
  const char *currency = pl_plan_get_currency (self->plan);
  GtkWidget *child;
  guint n;
  gint64 rest = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->unbudgeted_grid))) != NULL)
    gtk_grid_remove (self->unbudgeted_grid, child);
  if (self->unbudgeted == NULL)
    return;
  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    {
      GtkWidget *title = list_cell (_(titles[c]), c == G_N_ELEMENTS (titles) - 1 ? 1 : 0, FALSE, 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_grid_attach (self->unbudgeted_grid, title, (int) c, 0, 1, 1);
    }
  n = self->unbudgeted->entries->len;
  for (guint i = 0; i < n; i++)
    {
      const PlUnbudgetedEntry *e = &g_array_index (self->unbudgeted->entries, PlUnbudgetedEntry, i);
      const char *vendor = pl_item_get_string (e->entry, PL_SPEND_VENDOR);
      g_autofree char *date = NULL, *why = NULL, *amount = NULL;

      if (i >= MAX_LISTED)
        {
          rest = pl_money_sum (rest, e->amount);
          continue;
        }
      date = pl_date_text (pl_item_get_julian (e->entry, PL_SPEND_DATE), PL_DATE_DAY_MON_YEAR);
      why = pl_unbudgeted_entry_reason (e);
      amount = pl_money_format (e->amount, exponent, currency);
      gtk_grid_attach (self->unbudgeted_grid, list_cell (date, 0, FALSE, 0), 0, (int) i + 1, 1, 1);
      gtk_grid_attach (self->unbudgeted_grid, list_cell (vendor ? vendor : "—", 0, vendor == NULL, 24), 1, (int) i + 1, 1, 1);
      gtk_grid_attach (self->unbudgeted_grid, list_cell (why, 0, FALSE, 32), 2, (int) i + 1, 1, 1);
      gtk_grid_attach (self->unbudgeted_grid,
                       list_cell (pl_enum_get_label (PL_TYPE_SPEND_STATUS, (int) pl_item_get_int (e->entry, PL_SPEND_STATUS)), 0, TRUE, 0),
                       3, (int) i + 1, 1, 1);
      gtk_grid_attach (self->unbudgeted_grid, list_cell (amount, 1, FALSE, 0), 4, (int) i + 1, 1, 1);
    }
  if (n > MAX_LISTED)
    {
      g_autofree char *amount = pl_money_format (rest, exponent, currency);
      g_autofree char *text = NULL;

      /* Translators: under the list of unbudgeted entries: how many more, their amount */
      text = g_strdup_printf (ngettext ("And %u more entry (%s): filter the spending list to see it.",
                                        "And %u more entries (%s): filter the spending list to see them.", n - MAX_LISTED),
                              n - MAX_LISTED, amount);
      gtk_label_set_label (self->unbudgeted_more, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unbudgeted_more), n > MAX_LISTED);
}

/* The flag from the totals as they are (the caller brings them up to date). */
static void
refresh_unbudgeted (PlBudgetPage *self)
{
  g_autofree char *sentence = NULL;

  g_clear_pointer (&self->unbudgeted, pl_unbudgeted_free);
  self->unbudgeted = pl_unbudgeted_new (self->plan, self->totals);
  sentence = pl_unbudgeted_describe (self->plan, self->unbudgeted);
  gtk_revealer_set_reveal_child (self->unbudgeted_revealer, sentence != NULL);
  gtk_label_set_label (self->unbudgeted_label, sentence ? sentence : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.show-no-line", self->unbudgeted->no_line != 0);
}

/* The list opened: made from the plan as it is now, whose records it names. */
static void
on_unbudgeted_shown_cb (PlBudgetPage *self)
{
  if (self->plan == NULL)
    return;
  pl_budget_totals_refresh (self->totals);
  refresh_unbudgeted (self);
  fill_unbudgeted_list (self);
}

static void
show_no_line_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlBudgetPage *self = PL_BUDGET_PAGE (widget);

  gtk_popover_popdown (self->unbudgeted_popover);
  gtk_stack_set_visible_child_name (self->view_stack, "spend");
  gtk_drop_down_set_selected (self->spend_month, 0);
  gtk_drop_down_set_selected (self->spend_status, SPEND_ANY_STATUS);
  gtk_drop_down_set_selected (self->spend_line, SPEND_NO_LINE);
}

static void
carry_over_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlBudgetPage *self = PL_BUDGET_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->plan == NULL)
    return;
  /* On the selected line, or the dialog asks which. */
  gtk_window_present (GTK_WINDOW (pl_carry_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->plan,
                                                       selected_line (self))));
}

/* ---- charts ---- */

/* Each chart area draws through one function: the summary it returns describes the area
 * to assistive technologies. */
static void
draw_chart_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PlBudgetPage *self = data;
  const PlChartStyle *style = pl_chart_theme_for_widget (GTK_WIDGET (area));
  g_autofree char *summary = NULL;

  if (self->totals == NULL)
    return;
  pl_chart_theme_zoom (cr, &width, &height);
  if (area == self->month_chart)
    summary = pl_budget_month_chart_draw (self->plan, self->totals, cr, width, height, style);
  else if (area == self->burn_chart)
    /* As of the day the dashboard shows, so that its forecast is the dashboard's. */
    summary = pl_budget_burn_chart_draw (self->plan, self->totals,
                                         pl_dashboard_resolve_as_of (self->plan, pl_calendar_today ()), cr, width, height,
                                         style);
  else if (area == self->category_chart)
    summary = pl_category_spend_chart_draw (self->plan, self->totals, cr, width, height, style);
  else
    summary = pl_cac_breakdown_chart_draw (self->plan, cr, width, height, style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
}

static void
refresh_portfolio (PlBudgetPage *self)
{
  gint64 short_planned = pl_budget_totals_horizon_planned (self->totals, PL_HORIZON_SHORT);
  gint64 long_planned = pl_budget_totals_horizon_planned (self->totals, PL_HORIZON_LONG);
  gint64 short_actual = pl_budget_totals_horizon_actual (self->totals, PL_HORIZON_SHORT);
  gint64 long_actual = pl_budget_totals_horizon_actual (self->totals, PL_HORIZON_LONG);
  double planned_share = short_planned + long_planned > 0 ? 100.0 * long_planned / (short_planned + long_planned) : 0;
  double actual_share = short_actual + long_actual > 0 ? 100.0 * long_actual / (short_actual + long_actual) : 0;
  g_autofree char *text = NULL;

  /* Translators: the share of the budget planned, then spent, on long-term work (brand, content) */
  text = g_strdup_printf (_("Portfolio: %.0f%% of the plan goes to long-term work (brand, content, SEO) and "
                            "%.0f%% to short-term activation; so far %.0f%% of the spend was long-term."),
                          planned_share, 100 - planned_share, actual_share);
  gtk_label_set_label (self->portfolio, text);
}

static void
pl_budget_page_refresh (PlPage *page, PlChangeMask change)
{
  PlBudgetPage *self = PL_BUDGET_PAGE (page);

  pl_budget_totals_refresh (self->totals);
  /* The record may have gone (deleted, or an undo of its creation). */
  if (self->selected != NULL && pl_plan_lookup (self->plan, pl_item_get_id (self->selected)) != self->selected)
    {
      g_clear_object (&self->selected);
      rebuild_form (self);
      update_actions (self);
    }
  refresh_allocation_summary (self);
  /* The spend filters name the lines and the period's months. */
  if (change & (PL_CHANGE_METADATA | pl_change_for_collection (PL_COLLECTION_LINES)))
    fill_spend_filters (self);
  refresh_spend_summary (self);
  refresh_unbudgeted (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->unbudgeted_popover)))
    fill_unbudgeted_list (self);
  refresh_portfolio (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->month_chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->burn_chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->category_chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->cac_chart));
}

/* ---- dialogs of the spreading helpers ---- */

static char *
line_total_text (PlBudgetPage *self)
{
  return pl_money_to_display (pl_figures_line_planned (PL_BUDGET_LINE (selected_line (self)), -1),
                              pl_plan_get_currency_exponent (self->plan));
}

static gboolean
spread_evenly_done (gpointer owner, const char *text, guint choice, GError **error)
{
  PlBudgetPage *self = owner;
  gint64 total;

  return selected_line (self) != NULL &&
         pl_money_parse_typed (text, pl_plan_get_currency_exponent (self->plan), &total, error) &&
         pl_budget_spread_evenly (self->plan, PL_BUDGET_LINE (selected_line (self)), total, error);
}

static gboolean
spread_profile_done (gpointer owner, const char *text, guint choice, GError **error)
{
  PlBudgetPage *self = owner;
  guint months = pl_plan_get_months (self->plan);
  g_autofree double *weights = g_new (double, months);
  gint64 total;

  if (selected_line (self) == NULL || choice >= G_N_ELEMENTS (profiles) ||
      !pl_money_parse_typed (text, pl_plan_get_currency_exponent (self->plan), &total, error))
    return FALSE;
  /* The profile is by calendar month, whatever month the fiscal period starts in. */
  for (guint m = 0; m < months; m++)
    {
      GDate date;
      g_date_set_julian (&date, pl_plan_month_start (self->plan, m));
      weights[m] = profiles[choice].weights[g_date_get_month (&date) - 1];
    }
  return pl_budget_spread_profile (self->plan, PL_BUDGET_LINE (selected_line (self)), total, weights, months, error);
}

static gboolean
copy_month_done (gpointer owner, const char *text, guint choice, GError **error)
{
  PlBudgetPage *self = owner;
  return selected_line (self) != NULL &&
         pl_budget_copy_month (self->plan, PL_BUDGET_LINE (selected_line (self)), choice, error);
}

static gboolean
scale_done (gpointer owner, const char *text, guint choice, GError **error)
{
  PlBudgetPage *self = owner;
  g_autofree char *clean = g_strstrip (g_strdelimit (g_strdup (text), ",%", ' '));
  char *end = NULL;
  double percent;

  g_strdelimit (clean, " ", '\0');
  percent = g_ascii_strtod (clean, &end);
  if (*clean == '\0' || end == NULL || *end != '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Type a percentage, such as 10 to add a tenth or -5 to cut by 5%%."));
      return FALSE;
    }
  return selected_category (self) != NULL &&
         pl_budget_scale_category (self->plan, PL_CATEGORY (selected_category (self)), percent, error);
}

/* Stores what is being typed in the line's form (a new line's name) before a dialog names
 * the line: the shortcut may come straight after the typing, with no Enter. The keyboard
 * goes to the line's row, where the dialog gives it back and the next line is added from. */
static void
commit_form (PlBudgetPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell;

  if (focus == NULL || !GTK_IS_EDITABLE (focus) || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;
  cell = self->selected != NULL ? pl_budget_grid_get_cell (self->grid, self->selected, 0) : NULL;
  if (cell == NULL || !gtk_widget_grab_focus (cell))
    gtk_root_set_focus (root, NULL);
}

static void
spread_evenly_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlBudgetPage *self = PL_BUDGET_PAGE (widget);
  g_autofree char *total = NULL, *title = NULL;

  commit_form (self);
  if (selected_line (self) == NULL)
    return;
  total = line_total_text (self);
  title = g_strdup_printf (_("Spread “%s” evenly"), pl_item_get_string (self->selected, PL_BUDGET_LINE_NAME));
  pl_ask_dialog_present (GTK_WIDGET (self), title, _("The year’s total, shared equally between the months; the cents left over go to the first months."),
       total, NULL, _("_Spread"), spread_evenly_done, self);
}

/* The first line of an empty budget, in the plan's first category (a new one when it has
 * none), with the yearly amount spread evenly: one edit, which one undo takes back. */
static gboolean
spread_first_done (gpointer owner, const char *text, guint choice, GError **error)
{
  PlBudgetPage *self = owner;
  GListModel *categories = pl_plan_get_collection (self->plan, PL_COLLECTION_CATEGORIES);
  g_autoptr(PlItem) category = g_list_model_get_item (categories, 0);
  g_autoptr(PlItem) line = g_object_new (PL_TYPE_BUDGET_LINE, NULL);
  gint64 total;

  if (!pl_money_parse_typed (text, pl_plan_get_currency_exponent (self->plan), &total, error))
    return FALSE;
  pl_plan_begin_group (self->plan, _("Spread a Yearly Amount"));
  if (category == NULL)
    {
      category = g_object_new (PL_TYPE_CATEGORY, NULL);
      pl_item_set_string (category, PL_CATEGORY_NAME, _("Marketing"));
      pl_plan_add (self->plan, category);
    }
  pl_item_set_string (line, PL_BUDGET_LINE_NAME, _("Yearly budget"));
  pl_item_set_string (line, PL_BUDGET_LINE_CATEGORY, pl_item_get_id (category));
  pl_plan_add (self->plan, line);
  if (!pl_plan_finish_group (self->plan, pl_budget_spread_evenly (self->plan, PL_BUDGET_LINE (line), total, error)))
    return FALSE;
  pl_page_update (PL_PAGE (self));
  pl_budget_grid_select (self->grid, line);
  return TRUE;
}

static void
spread_first_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pl_ask_dialog_present (widget, _("Spread a Yearly Amount"),
                         _("The year’s marketing budget, shared equally between the months in a first line you can rename and split later."),
                         "", NULL, _("_Spread"), spread_first_done, widget);
}

static gboolean
pl_budget_page_is_empty (PlPage *page)
{
  PlBudgetPage *self = PL_BUDGET_PAGE (page);

  return g_list_model_get_n_items (pl_plan_get_collection (self->plan, PL_COLLECTION_LINES)) == 0;
}

static void
spread_profile_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlBudgetPage *self = PL_BUDGET_PAGE (widget);
  const char *names[G_N_ELEMENTS (profiles) + 1];
  g_autofree char *total = NULL, *title = NULL;

  commit_form (self);
  if (selected_line (self) == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    names[i] = _(profiles[i].name);
  names[G_N_ELEMENTS (profiles)] = NULL;
  total = line_total_text (self);
  title = g_strdup_printf (_("Spread “%s” by season"), pl_item_get_string (self->selected, PL_BUDGET_LINE_NAME));
  pl_ask_dialog_present (GTK_WIDGET (self), title, _("Choose the shape of the year, then the total to share."), total, names, _("_Spread"),
       spread_profile_done, self);
}

static void
copy_month_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlBudgetPage *self = PL_BUDGET_PAGE (widget);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;

  if (selected_line (self) == NULL)
    return;
  for (guint m = 0; m < pl_plan_get_months (self->plan); m++)
    {
      GDate date;
      char name[64];
      g_autofree char *amount = pl_money_to_display (pl_figures_line_planned (PL_BUDGET_LINE (self->selected), (int) m),
                                                     pl_plan_get_currency_exponent (self->plan));
      g_date_set_julian (&date, pl_plan_month_start (self->plan, m));
      g_date_strftime (name, sizeof name, "%B %Y", &date);
      g_ptr_array_add (names, g_strdup_printf ("%s (%s)", name, amount));
    }
  g_ptr_array_add (names, NULL);
  title = g_strdup_printf (_("Copy a month of “%s” across"), pl_item_get_string (self->selected, PL_BUDGET_LINE_NAME));
  pl_ask_dialog_present (GTK_WIDGET (self), title, _("Every month of the line takes the amount of the month chosen."), NULL,
       (const char * const *) names->pdata, _("_Copy"), copy_month_done, self);
}

static void
scale_category_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlBudgetPage *self = PL_BUDGET_PAGE (widget);
  g_autofree char *title = NULL;

  if (selected_category (self) == NULL)
    return;
  title = g_strdup_printf (_("Scale “%s”"), pl_item_get_string (selected_category (self), PL_CATEGORY_NAME));
  pl_ask_dialog_present (GTK_WIDGET (self), title, _("Every month of every line of the category grows (or shrinks, with a minus) by this percentage."),
       "10", NULL, _("_Scale"), scale_done, self);
}

/* ---- records ---- */

static void
add_category_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlBudgetPage *self = PL_BUDGET_PAGE (widget);
  g_autoptr(PlItem) category = g_object_new (PL_TYPE_CATEGORY, NULL);

  pl_item_set_string (category, PL_CATEGORY_NAME, _("New category"));
  pl_plan_add (self->plan, category);
  pl_budget_grid_select (self->grid, category);
  if (self->editors->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->editors, 0));
}

static void
add_line_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlBudgetPage *self = PL_BUDGET_PAGE (widget);
  PlItem *category = selected_category (self);
  g_autoptr(PlItem) line = NULL;
  g_autoptr(PlItem) first = NULL;

  /* Nothing selected yet (a new plan's first line): the first category, which the line's
   * form can change, rather than a click on a category first. */
  if (category == NULL && self->plan != NULL &&
      (first = g_list_model_get_item (pl_plan_get_collection (self->plan, PL_COLLECTION_CATEGORIES), 0)) != NULL)
    category = first;
  if (category == NULL)
    return;
  line = g_object_new (PL_TYPE_BUDGET_LINE, NULL);
  pl_item_set_string (line, PL_BUDGET_LINE_NAME, _("New line"));
  pl_item_set_string (line, PL_BUDGET_LINE_CATEGORY, pl_item_get_id (category));
  pl_plan_add (self->plan, line);
  pl_budget_grid_select (self->grid, line);
  for (guint i = 0; i < self->editors->len; i++)
    if (GTK_IS_ENTRY (g_ptr_array_index (self->editors, i)))
      {
        gtk_widget_grab_focus (g_ptr_array_index (self->editors, i));
        break;
      }
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlBudgetPage *self = PL_BUDGET_PAGE (widget);

  if (self->selected != NULL)
    pl_delete_dialog_present (widget, self->plan, self->selected);
}

/* Moves the selection past its previous or next sibling: a line within its category. */
static void
move (PlBudgetPage *self, int step)
{
  PlCollection collection;
  GListModel *model;
  g_autoptr(PlItem) item = NULL;
  guint n, position = G_MAXUINT;

  if (self->selected == NULL)
    return;
  item = g_object_ref (self->selected);
  collection = pl_collection_for_type (G_OBJECT_TYPE (item));
  model = pl_plan_get_collection (self->plan, collection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n && position == G_MAXUINT; i++)
    {
      g_autoptr(PlItem) candidate = g_list_model_get_item (model, i);
      if (candidate == item)
        position = i;
    }
  for (int i = (int) position + step; i >= 0 && i < (int) n; i += step)
    {
      g_autoptr(PlItem) sibling = g_list_model_get_item (model, (guint) i);
      if (PL_IS_CATEGORY (item) ||
          g_strcmp0 (pl_item_get_string (sibling, PL_BUDGET_LINE_CATEGORY), pl_item_get_string (item, PL_BUDGET_LINE_CATEGORY)) == 0)
        {
          pl_plan_move (self->plan, item, (guint) i);
          pl_budget_grid_select (self->grid, item);
          return;
        }
    }
}

static void
move_up_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  move (PL_BUDGET_PAGE (widget), -1);
}

static void
move_down_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  move (PL_BUDGET_PAGE (widget), 1);
}

/* ---- PlPage ---- */

/* The spend table is a long list of rows of drop-downs: made when its view is first shown. */
static void
bind_shown_views (PlBudgetPage *self)
{
  if (self->plan == NULL || self->spend_bound || g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "spend") != 0)
    return;
  self->spend_bound = TRUE;
  pl_record_table_set_plan (self->spend, self->plan);
  pl_record_table_refilter (self->spend);
}

static void
pl_budget_page_bind (PlPage *page, PlPlan *plan)
{
  PlBudgetPage *self = PL_BUDGET_PAGE (page);

  g_set_object (&self->plan, plan);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->totals, pl_budget_totals_free);
  g_clear_pointer (&self->unbudgeted, pl_unbudgeted_free);
  if (plan != NULL)
    self->totals = pl_budget_totals_new (plan);
  if (plan != NULL)
    refresh_unbudgeted (self);
  else
    gtk_revealer_set_reveal_child (self->unbudgeted_revealer, FALSE);
  pl_budget_grid_set_plan (self->grid, plan);
  pl_record_table_set_plan (self->allocations, plan);
  g_clear_pointer (&self->line_ids, g_strfreev);
  if (self->spend_bound)
    pl_record_table_set_plan (self->spend, NULL);
  self->spend_bound = FALSE;
  bind_shown_views (self);
  rebuild_form (self);
  update_actions (self);
}

/* ---- GObject ---- */

static void
pl_budget_page_dispose (GObject *object)
{
  PlBudgetPage *self = PL_BUDGET_PAGE (object);
  GtkWidget *child;

  g_clear_object (&self->plan);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->unbudgeted, pl_unbudgeted_free);
  g_clear_pointer (&self->totals, pl_budget_totals_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_BUDGET_PAGE);
  /* The template's top box has no ID, so disposing the template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pl_budget_page_parent_class)->dispose (object);
}

static void
pl_budget_page_finalize (GObject *object)
{
  PlBudgetPage *self = PL_BUDGET_PAGE (object);

  g_strfreev (self->line_ids);
  g_ptr_array_unref (self->editors);
  G_OBJECT_CLASS (pl_budget_page_parent_class)->finalize (object);
}

/* A category or a line is selected in the grid; an allocation or a spend entry selects the line
 * it draws on (what the Compare pane and the problems' list open). */
static gboolean
pl_budget_page_select_item (PlPage *page, PlItem *item)
{
  PlBudgetPage *self = PL_BUDGET_PAGE (page);

  if (self->plan == NULL)
    return FALSE;
  if (PL_IS_ALLOCATION (item))
    item = pl_plan_lookup (self->plan, pl_item_get_string (item, PL_ALLOCATION_LINE));
  else if (PL_IS_SPEND (item))
    item = pl_plan_lookup (self->plan, pl_item_get_string (item, PL_SPEND_LINE));
  if (item == NULL || !(PL_IS_CATEGORY (item) || PL_IS_BUDGET_LINE (item)))
    return FALSE;
  pl_budget_grid_select (self->grid, item);
  return pl_budget_grid_get_selected (self->grid) == item;
}

static void
pl_budget_page_class_init (PlBudgetPageClass *klass)
{
  static const char * const charts[] = { "budget", "burn", "categories", "cac", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PlPageClass *page_class = PL_PAGE_CLASS (klass);

  object_class->dispose = pl_budget_page_dispose;
  object_class->finalize = pl_budget_page_finalize;
  page_class->bind = pl_budget_page_bind;
  page_class->refresh = pl_budget_page_refresh;
  page_class->select_item = pl_budget_page_select_item;
  page_class->is_empty = pl_budget_page_is_empty;
  pl_page_class_set_title (page_class, N_("Budget"));
  pl_page_class_set_empty_state (page_class, N_("No Budget Yet"),
                                 N_("The budget says what marketing may spend each month, line by line, and follows what is spent against it."),
                                 N_("_Spread a Yearly Amount…"), "budget.spread-first",
                                 N_("_Import a Budget…"), "win.import-budget");
  /* The totals, the charts (the CAC chart reads the KPIs and campaigns) and the spend filters;
   * the grid and the tables follow their own records. */
  pl_page_class_set_shows (page_class, PL_CHANGE_METADATA | pl_change_for_collection (PL_COLLECTION_CATEGORIES) |
                                       pl_change_for_collection (PL_COLLECTION_LINES) |
                                       pl_change_for_collection (PL_COLLECTION_ALLOCATIONS) |
                                       pl_change_for_collection (PL_COLLECTION_SPEND) |
                                       pl_change_for_collection (PL_COLLECTION_CAMPAIGNS) |
                                       pl_change_for_collection (PL_COLLECTION_CAMPAIGN_KPIS) |
                                       pl_change_for_collection (PL_COLLECTION_KPIS));
  pl_page_class_set_charts (page_class, charts);

  g_type_ensure (PL_TYPE_BUDGET_GRID);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-budget-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, grid);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, form);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, allocation_summary);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, allocations_box);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, spend_line);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, spend_month);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, spend_summary);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, spend_status);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, unbudgeted_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, unbudgeted_button);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, sheets_button);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, unbudgeted_label);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, unbudgeted_popover);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, unbudgeted_grid);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, unbudgeted_more);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, spend_box);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, month_chart);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, burn_chart);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, category_chart);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, cac_chart);
  gtk_widget_class_bind_template_child (widget_class, PlBudgetPage, portfolio);

  gtk_widget_class_install_action (widget_class, "budget.add-category", NULL, add_category_action);
  gtk_widget_class_install_action (widget_class, "budget.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "budget.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "budget.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "budget.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "budget.spread-evenly", NULL, spread_evenly_action);
  gtk_widget_class_install_action (widget_class, "budget.spread-first", NULL, spread_first_action);
  gtk_widget_class_install_action (widget_class, "budget.spread-profile", NULL, spread_profile_action);
  gtk_widget_class_install_action (widget_class, "budget.copy-month", NULL, copy_month_action);
  gtk_widget_class_install_action (widget_class, "budget.scale-category", NULL, scale_category_action);
  gtk_widget_class_install_action (widget_class, "budget.carry-over", NULL, carry_over_action);
  gtk_widget_class_install_action (widget_class, "budget.show-no-line", NULL, show_no_line_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "budget.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "budget.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "budget.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "budget.add-line", NULL);
  /* A line's yearly amount is its first figure: spread in one shortcut ("Evenly"). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "budget.spread-evenly", NULL);
}

static void
pl_budget_page_init (PlBudgetPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->editors = g_ptr_array_new ();
  g_signal_connect_swapped (self->grid, "notify::selected", G_CALLBACK (on_grid_selected_cb), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name", G_CALLBACK (bind_shown_views), self);

  self->allocations = pl_record_table_new (PL_COLLECTION_ALLOCATIONS, _("_Allocate to a Campaign"));
  pl_record_table_add_column (self->allocations, PL_ALLOCATION_CAMPAIGN, _("Campaign"), TRUE);
  pl_record_table_add_column (self->allocations, PL_ALLOCATION_AMOUNT, _("Amount"), FALSE);
  pl_record_table_set_filter (self->allocations, PL_ALLOCATION_LINE, NULL);
  gtk_box_append (self->allocations_box, GTK_WIDGET (self->allocations));

  self->spend = pl_record_table_new (PL_COLLECTION_SPEND, _("_Add Spend"));
  pl_record_table_add_column (self->spend, PL_SPEND_DATE, _("Date"), FALSE);
  pl_record_table_add_column (self->spend, PL_SPEND_AMOUNT, _("Amount"), FALSE);
  /* An order not yet invoiced is committed; invoiced, it is actual, and spent (issue 23). */
  pl_record_table_add_column (self->spend, PL_SPEND_STATUS, _("Status"), FALSE);
  pl_record_table_add_column (self->spend, PL_SPEND_VENDOR, _("Vendor"), FALSE);
  pl_record_table_add_column (self->spend, PL_SPEND_LINE, _("Budget line"), TRUE);
  /* Spend booked for one campaign counts for it alone (format 1.1). */
  pl_record_table_add_column (self->spend, PL_SPEND_CAMPAIGN, _("Campaign"), TRUE);
  pl_record_table_add_column (self->spend, PL_SPEND_NOTE, _("Note"), TRUE);
  pl_record_table_set_filter_func (self->spend, spend_visible, self);
  pl_record_table_set_fill (self->spend, TRUE);
  pl_record_table_set_prepare (self->spend, prepare_spend, self);
  gtk_box_append (self->spend_box, GTK_WIDGET (self->spend));
  g_signal_connect_swapped (self->spend_line, "notify::selected", G_CALLBACK (on_spend_filter_cb), self);
  g_signal_connect_swapped (self->spend_month, "notify::selected", G_CALLBACK (on_spend_filter_cb), self);
  g_signal_connect_swapped (self->spend_status, "notify::selected", G_CALLBACK (on_spend_filter_cb), self);
  g_signal_connect_swapped (self->unbudgeted_popover, "show", G_CALLBACK (on_unbudgeted_shown_cb), self);
  /* GTK 4.8 names a menu button's own button after nothing: a screen reader is told what each opens. */
  pl_a11y_label (self->sheets_button, _("Spreadsheets"));
  pl_a11y_label (self->unbudgeted_button, _("Show the Entries Outside the Budget"));

  gtk_drawing_area_set_draw_func (self->month_chart, draw_chart_cb, self, NULL);
  pl_chart_theme_grow_with_text (self->month_chart);
  gtk_drawing_area_set_draw_func (self->burn_chart, draw_chart_cb, self, NULL);
  pl_chart_theme_grow_with_text (self->burn_chart);
  gtk_drawing_area_set_draw_func (self->category_chart, draw_chart_cb, self, NULL);
  pl_chart_theme_grow_with_text (self->category_chart);
  gtk_drawing_area_set_draw_func (self->cac_chart, draw_chart_cb, self, NULL);
  pl_chart_theme_grow_with_text (self->cac_chart);
  pl_chart_menu_attach (GTK_WIDGET (self->month_chart), "budget");
  pl_chart_menu_attach (GTK_WIDGET (self->burn_chart), "burn");
  pl_chart_menu_attach (GTK_WIDGET (self->category_chart), "categories");
  pl_chart_menu_attach (GTK_WIDGET (self->cac_chart), "cac");
  update_actions (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-report"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-money.h"
#include "pl-report-changes.h"

/* Field changes written out for one record before "and N more". */
#define FIELDS_PER_RECORD 4

void
pl_report_changes_free (PlReportChanges *changes)
{
  if (changes == NULL)
    return;
  g_free (changes->title);
  g_free (changes->subtitle);
  g_clear_pointer (&changes->budget, pl_report_table_text_free);
  g_ptr_array_unref (changes->pages);
  g_free (changes);
}

const char *
pl_report_changes_kind_word (PlDiffKind kind)
{
  switch (kind)
    {
    case PL_DIFF_ADDED:
      /* Translators: the mark of a record added since the compared plan (report, Compare pane) */
      return C_("compare", "Added");
    case PL_DIFF_REMOVED:
      /* Translators: the mark of a record removed since the compared plan (report, Compare pane) */
      return C_("compare", "Removed");
    case PL_DIFF_CHANGED:
    default:
      /* Translators: the mark of a record changed since the compared plan (report, Compare pane) */
      return C_("compare", "Changed");
    }
}

/* @amount to the nearest whole unit of the currency, as the report's budget shows it. */
static gint64
whole (PlPlan *plan, gint64 amount)
{
  gint64 unit = 1;

  for (guint i = 0; i < pl_plan_get_currency_exponent (plan); i++)
    unit *= 10;
  return (amount >= 0 ? (amount + unit / 2) / unit : -((-amount + unit / 2) / unit)) * unit;
}

static char *
money (PlPlan *plan, gint64 amount)
{
  return pl_money_format (whole (plan, amount), pl_plan_get_currency_exponent (plan), pl_plan_get_currency (plan));
}

static char *
share (gint64 part, gint64 whole)
{
  if (whole == 0)
    return g_strdup ("–");
  /* Translators: a share, as in "92 %" */
  return g_strdup_printf (_("%.0f%%"), 100.0 * (double) part / (double) whole);
}

/* The change of an amount, signed: "+€3,000.00", "−€500.00", "–" when none. */
static char *
money_delta (PlPlan *plan, gint64 before, gint64 after)
{
  g_autofree char *amount = NULL;

  /* From the amounts as shown, so that the three columns add up. */
  before = whole (plan, before);
  after = whole (plan, after);
  if (before == after)
    return g_strdup ("–");
  amount = money (plan, after > before ? after - before : before - after);
  return g_strconcat (after > before ? "+" : "−", amount, NULL);
}

static PlReportTableText *
budget_table (const PlPlanDiff *diff, gboolean share_safe)
{
  PlPlan *plan = diff->new_plan;
  const PlBudgetChange *whole = NULL;
  PlReportTableText *table;

  if (diff->budget->len == 0)
    return NULL;
  for (guint i = 0; i < diff->budget->len; i++)
    if (((PlBudgetChange *) g_ptr_array_index (diff->budget, i))->category_id == NULL)
      whole = g_ptr_array_index (diff->budget, i);
  table = pl_report_table_text_new (_("Category"), 0.20, PANGO_ALIGN_LEFT,
                                    _("Planned before"), 0.16, PANGO_ALIGN_RIGHT,
                                    _("Planned after"), 0.16, PANGO_ALIGN_RIGHT,
                                    _("Change"), 0.16, PANGO_ALIGN_RIGHT,
                                    _("Spent before"), 0.16, PANGO_ALIGN_RIGHT,
                                    _("Spent after"), 0.16, PANGO_ALIGN_RIGHT, NULL);
  for (guint i = 0; i < diff->budget->len; i++)
    {
      const PlBudgetChange *change = g_ptr_array_index (diff->budget, i);
      g_autofree char *planned_before = NULL, *planned_after = NULL, *delta = NULL;
      g_autofree char *spent_before = NULL, *spent_after = NULL;

      if (share_safe)
        {
          /* Each side's share of its own whole plan: what moved, without the amounts. */
          gint64 old_total = whole ? whole->old_planned : 0, new_total = whole ? whole->new_planned : 0;
          gint64 old_spent = whole ? whole->old_actual : 0, new_spent = whole ? whole->new_actual : 0;

          planned_before = share (change->old_planned, old_total);
          planned_after = share (change->new_planned, new_total);
          delta = change->old_planned == 0 ? g_strdup ("–")
                  : g_strdup_printf ("%+.0f%%", 100.0 * (double) (change->new_planned - change->old_planned)
                                                / (double) change->old_planned);
          spent_before = share (change->old_actual, old_spent);
          spent_after = share (change->new_actual, new_spent);
        }
      else
        {
          planned_before = money (plan, change->old_planned);
          planned_after = money (plan, change->new_planned);
          delta = money_delta (plan, change->old_planned, change->new_planned);
          spent_before = money (plan, change->old_actual);
          spent_after = money (plan, change->new_actual);
        }
      pl_report_table_text_add_row (table, change->name, planned_before, planned_after, delta, spent_before,
                                    spent_after);
    }
  table->last_is_total = whole != NULL;
  if (share_safe)
    g_ptr_array_add (table->after,
                     g_markup_escape_text (_("Each category as a share of its side’s whole plan; the change as a "
                                             "percentage of what was planned before."), -1));
  return table;
}

static gboolean
is_money (const PlRecordChange *change, const PlFieldChange *field)
{
  PlItem *item = change->new_item ? change->new_item : change->old_item;
  const PlField *fields;
  guint n;

  if (field->field < 0 || item == NULL)
    return FALSE;
  fields = pl_item_get_fields (item, &n);
  return (guint) field->field < n && (fields[field->field].type == PL_FIELD_MONEY ||
                                      fields[field->field].type == PL_FIELD_AMOUNTS);
}

/* What changed in a record, a field a line. */
static char *
field_lines (PlPlan *plan, const PlRecordChange *change, gboolean share_safe)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = change->fields->len;

  for (guint i = 0; i < MIN (n, FIELDS_PER_RECORD); i++)
    {
      const PlFieldChange *field = g_ptr_array_index (change->fields, i);
      g_autofree char *line = NULL;

      if (share_safe && is_money (change, field))
        /* Translators: a money field changed, in a share-safe report: its name only */
        line = g_strdup_printf (_("%s: changed (amount withheld)"), field->label);
      else
        /* Translators: a field changed, in the report: its name, its old value, its new value */
        line = g_strdup_printf (_("%s: %s → %s"), field->label,
                                *field->old_text ? field->old_text : C_("value", "none"),
                                *field->new_text ? field->new_text : C_("value", "none"));
      if (share_safe)
        {
          g_autofree char *withheld = pl_report_text_withhold_amounts (plan, line);
          g_string_append_printf (text, "%s%s", text->len ? "\n" : "", withheld);
        }
      else
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", line);
    }
  if (n > FIELDS_PER_RECORD)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more field", "and %u more fields",
                                                 n - FIELDS_PER_RECORD), n - FIELDS_PER_RECORD);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Added and removed records first, then the changed ones: what a reader looks for first. */
static int
rank (const PlRecordChange *change)
{
  return change->kind == PL_DIFF_CHANGED ? 1 : 0;
}

static PlReportTableText *
page_table (const PlPlanDiff *diff, PlDiffPage page, gboolean share_safe)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new ();
  PlReportTableText *table;
  guint shown;

  for (int r = 0; r < 2; r++)
    for (guint i = 0; i < diff->records->len; i++)
      {
        const PlRecordChange *change = g_ptr_array_index (diff->records, i);
        if (change->page == page && rank (change) == r)
          g_ptr_array_add (changes, (gpointer) change);
      }
  if (changes->len == 0)
    return NULL;
  table = pl_report_table_text_new (_("Change"), 0.14, PANGO_ALIGN_LEFT, _("Record"), 0.32, PANGO_ALIGN_LEFT,
                                    _("What changed"), 0.54, PANGO_ALIGN_LEFT, NULL);
  table->table->whole[1] = TRUE;
  table->table->whole[2] = TRUE;
  table->subtitle = g_markup_escape_text (pl_diff_page_get_title (page), -1);
  shown = MIN (changes->len, PL_REPORT_CHANGES_PER_PAGE);
  for (guint i = 0; i < shown; i++)
    {
      const PlRecordChange *change = changes->pdata[i];
      g_autofree char *record = change->id == NULL ? g_strdup (change->name)
                                /* Translators: a record in the report's changes: its name, then what it is ("campaign") */
                                : g_strdup_printf (_("%s (%s)"), change->name, change->noun);
      g_autofree char *what = change->kind == PL_DIFF_CHANGED ? field_lines (diff->new_plan, change, share_safe)
                              : change->kind == PL_DIFF_ADDED ? g_strdup (_("New in this plan"))
                                                              : g_strdup (_("No longer in this plan"));

      pl_report_table_text_add_row (table, pl_report_changes_kind_word (change->kind), record, what);
    }
  if (changes->len > shown)
    g_ptr_array_add (table->after,
                     g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE,
                                                           "And %u more change on this page, listed by Compare With… in Pilote.",
                                                           "And %u more changes on this page, listed by Compare With… in Pilote.",
                                                           changes->len - shown),
                                              changes->len - shown));
  return table;
}

PlReportChanges *
pl_report_changes_new (const PlPlanDiff *diff, const char *since, gboolean share_safe)
{
  PlReportChanges *self = g_new0 (PlReportChanges, 1);
  g_autofree char *counts = NULL;

  g_return_val_if_fail (diff != NULL, NULL);
  /* Translators: the title of the report's section on what changed since another plan file */
  self->title = g_strdup_printf (_("Changes since “%s”"), since);
  counts = pl_plan_diff_summary (diff);
  self->subtitle = g_markup_escape_text (pl_plan_diff_is_empty (diff)
                                         ? _("No differences: the plan holds the same records, values and targets.")
                                         : counts, -1);
  self->budget = budget_table (diff, share_safe);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_report_table_text_free);
  for (guint page = 0; page < PL_DIFF_N_PAGES; page++)
    {
      PlReportTableText *table = page_table (diff, page, share_safe);
      if (table != NULL)
        g_ptr_array_add (self->pages, table);
    }
  return self;
}

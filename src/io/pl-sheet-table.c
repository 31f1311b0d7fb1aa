/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-sheet-table"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-budget-totals.h"
#include "pl-enums.h"
#include "pl-figures.h"
#include "pl-money.h"
#include "pl-sheet-read.h"
#include "pl-sheet-table.h"

/* ---- the grid ---- */

static PlSheetTable *
table_new (PlPlan *plan, const char *title, guint n_columns, guint n_header_rows, guint n_fixed_columns)
{
  PlSheetTable *self = g_new0 (PlSheetTable, 1);
  GString *name = g_string_new (NULL);

  /* A sheet's name holds at most 31 characters, none of []:*?/\ (Excel refuses the file). */
  for (const char *p = title; *p != '\0' && g_utf8_strlen (name->str, -1) < 31; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (name, strchr ("[]:*?/\\", (int) c) != NULL && c < 128 ? ' ' : c);
    }
  self->title = g_string_free (name, FALSE);
  self->n_columns = n_columns;
  self->n_header_rows = n_header_rows;
  self->n_fixed_columns = n_fixed_columns;
  self->currency = g_strdup (pl_plan_get_currency (plan));
  self->exponent = pl_plan_get_currency_exponent (plan);
  self->cells = g_array_new (FALSE, TRUE, sizeof (PlSheetTableCell));
  self->roles = g_array_new (FALSE, FALSE, sizeof (guint8));
  return self;
}

void
pl_sheet_table_free (PlSheetTable *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->cells->len; i++)
    {
      PlSheetTableCell *cell = &g_array_index (self->cells, PlSheetTableCell, i);
      g_free (cell->text);
      g_free (cell->formula);
    }
  g_array_unref (self->cells);
  g_array_unref (self->roles);
  g_free (self->title);
  g_free (self->currency);
  g_free (self);
}

const PlSheetTableCell *
pl_sheet_table_get (const PlSheetTable *self, guint row, guint column)
{
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, NULL);
  return &g_array_index (self->cells, PlSheetTableCell, row * self->n_columns + column);
}

PlSheetRole
pl_sheet_table_role (const PlSheetTable *self, guint row)
{
  g_return_val_if_fail (row < self->n_rows, PL_SHEET_ROW_BODY);
  return g_array_index (self->roles, guint8, row);
}

static guint
add_row (PlSheetTable *self, PlSheetRole role)
{
  guint8 value = (guint8) role;

  g_array_set_size (self->cells, (self->n_rows + 1) * self->n_columns);
  g_array_append_val (self->roles, value);
  return self->n_rows++;
}

static PlSheetTableCell *
cell_at (PlSheetTable *self, guint row, guint column)
{
  return &g_array_index (self->cells, PlSheetTableCell, row * self->n_columns + column);
}

static void
set_text (PlSheetTable *self, guint row, guint column, const char *text)
{
  PlSheetTableCell *cell = cell_at (self, row, column);

  if (text == NULL || *text == '\0')
    return;
  cell->kind = PL_SHEET_TEXT;
  /* A cell holds at most 32,767 characters (Excel's limit; libxlsxwriter refuses more). */
  cell->text = g_utf8_strlen (text, -1) > 32767 ? g_utf8_substring (text, 0, 32767) : g_strdup (text);
}

/* A header over @span columns from @column. */
static void
set_heading (PlSheetTable *self, guint row, guint column, const char *text, guint span)
{
  set_text (self, row, column, text);
  cell_at (self, row, column)->span = (guint16) span;
}

/* Sets a number (or, with @formula, which it takes, that formula and its result @value). */
static void
set_number (PlSheetTable *self, guint row, guint column, double value, PlSheetStyle style, char *formula)
{
  PlSheetTableCell *cell = cell_at (self, row, column);

  if (isnan (value) || isinf (value))
    {
      g_free (formula);
      return;
    }
  cell->kind = PL_SHEET_NUMBER;
  cell->style = (guint8) style;
  cell->number = value;
  cell->formula = formula;
}

/* An amount in minor units; a sum too large to hold is left empty, as "not available". */
static void
set_money (PlSheetTable *self, guint row, guint column, gint64 amount, char *formula)
{
  double value = amount == PL_MONEY_OVERFLOW ? NAN : (double) amount / pow (10, self->exponent);

  set_number (self, row, column, value, PL_SHEET_MONEY, formula);
}

static void
set_date (PlSheetTable *self, guint row, guint column, guint32 julian)
{
  PlSheetTableCell *cell = cell_at (self, row, column);

  if (julian == 0)
    return;
  cell->kind = PL_SHEET_DATE;
  cell->number = julian;
}

static void
append_ref (GString *out, guint row, guint column)
{
  g_autofree char *name = pl_sheet_column_name (column);

  g_string_append (out, name);
  g_string_append_printf (out, "%u", row + 1);
}

/* SUM(C3:C9) over rows @first to @last of @column. */
static char *
sum_range (guint column, guint first, guint last)
{
  GString *out = g_string_new ("SUM(");

  append_ref (out, first, column);
  g_string_append_c (out, ':');
  append_ref (out, last, column);
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

/* SUM(C3,C8,C12) over @n cells, each at @rows[i] (or @row) and @columns[i] (or @column). */
static char *
sum_cells (const guint *rows, guint row, const guint *columns, guint column, guint n)
{
  GString *out = g_string_new ("SUM(");

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_ref (out, rows ? rows[i] : row, columns ? columns[i] : column);
    }
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

/* E3-C3 */
static char *
difference (guint row, guint a, guint b)
{
  GString *out = g_string_new (NULL);

  append_ref (out, row, a);
  g_string_append_c (out, '-');
  append_ref (out, row, b);
  return g_string_free (out, FALSE);
}

/* A month's name and year as a column heading ("Jan 2027"). */
static char *
month_heading (PlPlan *plan, guint month)
{
  GDate date;
  char text[64];

  g_date_set_julian (&date, pl_plan_month_start (plan, month));
  /* Translators: a month's heading in an exported spreadsheet, strftime format ("Jan 2027") */
  if (g_date_strftime (text, sizeof text, C_("sheet month", "%b %Y"), &date) == 0)
    return g_strdup ("?");
  return g_strdup (text);
}

/* ---- the budget ---- */

enum { FIG_PLANNED, FIG_COMMITTED, FIG_ACTUAL, FIG_VARIANCE, N_FIGS };
#define BUDGET_FIRST 2  /* the columns before the months: category, line */

static guint
budget_column (guint month, guint figure)
{
  return BUDGET_FIRST + month * N_FIGS + figure;
}

/* Planned, committed and actual of one row, a month per column and the period last. */
typedef struct {
  gint64 *figures[FIG_VARIANCE];
} Amounts;

static void
amounts_init (Amounts *amounts, guint months)
{
  for (guint f = 0; f < FIG_VARIANCE; f++)
    amounts->figures[f] = g_new0 (gint64, months + 1);
}

static void
amounts_clear (Amounts *amounts)
{
  for (guint f = 0; f < FIG_VARIANCE; f++)
    g_clear_pointer (&amounts->figures[f], g_free);
}

static void
amounts_add (Amounts *sum, const Amounts *amounts, guint months, int sign)
{
  for (guint f = 0; f < FIG_VARIANCE; f++)
    for (guint m = 0; m <= months; m++)
      sum->figures[f][m] = sign > 0 ? pl_money_sum (sum->figures[f][m], amounts->figures[f][m])
                                    : pl_money_difference (sum->figures[f][m], amounts->figures[f][m]);
}

static gboolean
amounts_zero (const Amounts *amounts, guint months)
{
  for (guint f = 0; f < FIG_VARIANCE; f++)
    for (guint m = 0; m <= months; m++)
      if (amounts->figures[f][m] != 0)
        return FALSE;
  return TRUE;
}

/* Fills @amounts of a line (PlBudgetLine), of a category (PlCategory) or, for NULL, of the
 * whole plan, from @totals. */
static void
amounts_of (Amounts *amounts, const PlBudgetTotals *totals, PlItem *item, guint months)
{
  for (guint m = 0; m <= months; m++)
    if (item != NULL && PL_IS_BUDGET_LINE (item))
      {
        amounts->figures[FIG_PLANNED][m] = pl_budget_totals_line_planned (totals, item, (int) m);
        amounts->figures[FIG_COMMITTED][m] = pl_budget_totals_line_committed (totals, item, (int) m);
        amounts->figures[FIG_ACTUAL][m] = pl_budget_totals_line_actual (totals, item, (int) m);
      }
    else
      {
        amounts->figures[FIG_PLANNED][m] = pl_budget_totals_planned (totals, item, (int) m);
        amounts->figures[FIG_COMMITTED][m] = pl_budget_totals_committed (totals, item, (int) m);
        amounts->figures[FIG_ACTUAL][m] = pl_budget_totals_actual (totals, item, (int) m);
      }
}

/* How the months of a budget row are made: typed in (plain numbers), the sum of the rows
 * @first to @last above (a category's subtotal), or of the @n rows in @rows (the total). */
typedef struct {
  const guint *rows;
  guint        n;
  guint        first, last;
  gboolean     range;
} Vertical;

/* Writes @amounts into @row: the months (by @vertical, or plain when NULL), the period as
 * the sum of the months, and each variance as actual less planned, all as formulas that
 * finance can audit, their results those of the window (pl_figures_variance()). */
static void
budget_figures (PlSheetTable *self, guint row, const Amounts *amounts, guint months, const Vertical *vertical)
{
  g_autofree guint *month_columns = g_new (guint, months);

  for (guint f = 0; f < FIG_VARIANCE; f++)
    {
      for (guint m = 0; m < months; m++)
        {
          guint column = budget_column (m, f);
          char *formula = NULL;

          month_columns[m] = column;
          if (vertical != NULL && vertical->range)
            formula = sum_range (column, vertical->first, vertical->last);
          else if (vertical != NULL)
            formula = sum_cells (vertical->rows, 0, NULL, column, vertical->n);
          set_money (self, row, column, amounts->figures[f][m], formula);
        }
      set_money (self, row, budget_column (months, f), amounts->figures[f][months],
                 sum_cells (NULL, row, month_columns, 0, months));
    }
  for (guint m = 0; m <= months; m++)
    set_money (self, row, budget_column (m, FIG_VARIANCE),
               pl_figures_variance (amounts->figures[FIG_PLANNED][m], amounts->figures[FIG_ACTUAL][m]),
               difference (row, budget_column (m, FIG_ACTUAL), budget_column (m, FIG_PLANNED)));
}

/* The lines of @category (NULL: the lines whose category is gone), then their subtotal;
 * appends the subtotal's row to @subtotals and adds its amounts to @counted. */
static void
budget_group (PlSheetTable *self, const PlBudgetTotals *totals, PlItem *category,
              GPtrArray *lines, guint months, GArray *subtotals, Amounts *counted)
{
  Amounts sum;
  guint first = self->n_rows, row;
  const char *name = category ? pl_item_get_display_name (category) : _("No category");

  amounts_init (&sum, months);
  for (guint i = 0; i < lines->len; i++)
    {
      PlItem *line = g_ptr_array_index (lines, i);
      Amounts amounts;

      row = add_row (self, PL_SHEET_ROW_BODY);
      set_text (self, row, 0, name);
      set_text (self, row, 1, pl_item_get_display_name (line));
      amounts_init (&amounts, months);
      amounts_of (&amounts, totals, line, months);
      budget_figures (self, row, &amounts, months, NULL);
      amounts_add (&sum, &amounts, months, 1);
      amounts_clear (&amounts);
    }
  /* A category's own totals are the window's; the lines of no category have only their sum. */
  if (category != NULL)
    {
      amounts_clear (&sum);
      amounts_init (&sum, months);
      amounts_of (&sum, totals, category, months);
    }
  row = add_row (self, PL_SHEET_ROW_SUBTOTAL);
  set_text (self, row, 0, name);
  set_text (self, row, 1, _("Category total"));
  if (lines->len > 0)
    {
      Vertical vertical = { .first = first, .last = row - 1, .range = TRUE };
      budget_figures (self, row, &sum, months, &vertical);
    }
  else
    budget_figures (self, row, &sum, months, NULL);
  g_array_append_val (subtotals, row);
  amounts_add (counted, &sum, months, 1);
  amounts_clear (&sum);
}

static PlSheetTable *
budget_table (PlPlan *plan)
{
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  guint months = pl_budget_totals_get_months (totals);
  PlSheetTable *self = table_new (plan, pl_sheet_what_title (PL_SHEET_BUDGET), BUDGET_FIRST + (months + 1) * N_FIGS, 2, BUDGET_FIRST);
  /* Translators: the budget's four figures, column headings of an exported spreadsheet */
  const char *figures[N_FIGS] = { C_("sheet budget", "Planned"), C_("sheet budget", "Committed"),
                                  C_("sheet budget", "Actual"), C_("sheet budget", "Variance") };
  GListModel *categories = pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES);
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  g_autoptr(GArray) subtotals = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) orphans = g_ptr_array_new ();
  Amounts counted, amounts;
  guint row;

  row = add_row (self, PL_SHEET_ROW_HEADER);
  add_row (self, PL_SHEET_ROW_HEADER);
  set_text (self, row, 0, _("Category"));
  set_text (self, row, 1, _("Budget line"));
  for (guint m = 0; m <= months; m++)
    {
      g_autofree char *heading = m < months ? month_heading (plan, m) : g_strdup (_("Total"));

      set_heading (self, row, budget_column (m, 0), heading, N_FIGS);
      for (guint f = 0; f < N_FIGS; f++)
        set_text (self, row + 1, budget_column (m, f), figures[f]);
    }

  amounts_init (&counted, months);
  for (guint c = 0, n = g_list_model_get_n_items (categories); c < n; c++)
    {
      g_autoptr(PlItem) category = g_list_model_get_item (categories, c);
      g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0, n_lines = g_list_model_get_n_items (lines); i < n_lines; i++)
        {
          PlItem *line = g_list_model_get_item (lines, i);

          if (g_strcmp0 (pl_item_get_string (line, PL_BUDGET_LINE_CATEGORY), pl_item_get_id (category)) == 0)
            g_ptr_array_add (mine, line);
          else
            g_object_unref (line);
        }
      budget_group (self, totals, category, mine, months, subtotals, &counted);
    }
  for (guint i = 0, n_lines = g_list_model_get_n_items (lines); i < n_lines; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      PlItem *category = pl_plan_lookup (plan, pl_item_get_string (line, PL_BUDGET_LINE_CATEGORY));

      if (category == NULL || !PL_IS_CATEGORY (category))
        g_ptr_array_add (orphans, line);
    }
  if (orphans->len > 0)
    budget_group (self, totals, NULL, orphans, months, subtotals, &counted);

  /* Spend on no line is spent all the same: its own row, counted in the total. */
  row = add_row (self, PL_SHEET_ROW_BODY);
  set_text (self, row, 1, _("Unbudgeted spend (on no budget line)"));
  amounts_init (&amounts, months);
  for (guint m = 0; m <= months; m++)
    {
      amounts.figures[FIG_COMMITTED][m] = pl_budget_totals_unbudgeted_committed (totals, (int) m);
      amounts.figures[FIG_ACTUAL][m] = pl_budget_totals_unbudgeted (totals, (int) m);
    }
  budget_figures (self, row, &amounts, months, NULL);
  g_array_append_val (subtotals, row);
  amounts_add (&counted, &amounts, months, 1);
  amounts_clear (&amounts);

  /* The plan's total as the window has it; what no row above holds (the spend KPI's
   * measurements, in a plan that books no spending) gets a row, so that the formulas add up. */
  amounts_init (&amounts, months);
  amounts_of (&amounts, totals, NULL, months);
  amounts_add (&counted, &amounts, months, -1);
  if (!amounts_zero (&counted, months))
    {
      row = add_row (self, PL_SHEET_ROW_BODY);
      set_text (self, row, 1, pl_figures_spend_source (plan) == PL_SPEND_FROM_KPI
                              ? _("Spend measured by the spend KPI (no spending records)")
                              : _("Other spend"));
      for (guint f = 0; f < FIG_VARIANCE; f++)
        for (guint m = 0; m <= months; m++)
          counted.figures[f][m] = pl_money_difference (0, counted.figures[f][m]);
      budget_figures (self, row, &counted, months, NULL);
      g_array_append_val (subtotals, row);
    }
  row = add_row (self, PL_SHEET_ROW_TOTAL);
  set_text (self, row, 0, _("Total"));
  {
    Vertical vertical = { .rows = (const guint *) subtotals->data, .n = subtotals->len };
    budget_figures (self, row, &amounts, months, &vertical);
  }
  amounts_clear (&amounts);
  amounts_clear (&counted);
  return self;
}

/* ---- the KPI measurements ---- */

enum { KPI_ACTUAL, KPI_TARGET, N_KPI_FIGS };

static PlSheetStyle
kpi_style (PlKpi *kpi, const double *values, guint n)
{
  switch (pl_item_get_int (PL_ITEM (kpi), PL_KPI_UNIT))
    {
    case PL_UNIT_CURRENCY:
      return PL_SHEET_MONEY;
    case PL_UNIT_PERCENT:
      return PL_SHEET_PERCENT;
    case PL_UNIT_RATIO:
      return PL_SHEET_RATIO;
    default:
      /* Whole counts read as such; an average or a count of days may have decimals. */
      for (guint i = 0; i < n; i++)
        if (!isnan (values[i]) && values[i] != floor (values[i]))
          return PL_SHEET_DECIMAL;
      return PL_SHEET_COUNT;
    }
}

static PlSheetTable *
kpis_table (PlPlan *plan)
{
  guint months = pl_plan_get_months (plan);
  PlSheetTable *self = table_new (plan, pl_sheet_what_title (PL_SHEET_KPIS), 2 + months * N_KPI_FIGS, 2, 2);
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  g_autofree double *values = g_new (double, months * N_KPI_FIGS);
  guint row = add_row (self, PL_SHEET_ROW_HEADER);

  add_row (self, PL_SHEET_ROW_HEADER);
  set_text (self, row, 0, _("KPI"));
  set_text (self, row, 1, _("Unit"));
  for (guint m = 0; m < months; m++)
    {
      g_autofree char *heading = month_heading (plan, m);

      set_heading (self, row, 2 + m * N_KPI_FIGS, heading, N_KPI_FIGS);
      set_text (self, row + 1, 2 + m * N_KPI_FIGS + KPI_ACTUAL, _("Actual"));
      set_text (self, row + 1, 2 + m * N_KPI_FIGS + KPI_TARGET, _("Target"));
    }
  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      gint64 unit = pl_item_get_int (kpi, PL_KPI_UNIT);
      PlSheetStyle style;

      /* The values of the measurements grid, month by month (pl-measurements-grid.c). */
      for (guint m = 0; m < months; m++)
        {
          guint32 from = pl_plan_month_start (plan, m);
          guint32 to = m + 1 < months ? pl_plan_month_start (plan, m + 1) : pl_plan_get_end (plan);

          values[m * N_KPI_FIGS + KPI_ACTUAL] = pl_figures_kpi_value (plan, PL_KPI (kpi), from, to);
          values[m * N_KPI_FIGS + KPI_TARGET] = pl_figures_kpi_target (plan, PL_KPI (kpi), from, to);
        }
      style = kpi_style (PL_KPI (kpi), values, months * N_KPI_FIGS);
      row = add_row (self, PL_SHEET_ROW_BODY);
      set_text (self, row, 0, pl_item_get_display_name (kpi));
      set_text (self, row, 1, unit == PL_UNIT_CURRENCY ? self->currency : pl_enum_get_label (PL_TYPE_UNIT, (int) unit));
      for (guint c = 0; c < months * N_KPI_FIGS; c++)
        set_number (self, row, 2 + c, values[c], style, NULL);
    }
  return self;
}

/* ---- the campaigns ---- */

enum {
  CAMPAIGN_NAME, CAMPAIGN_CHANNEL, CAMPAIGN_SEGMENT, CAMPAIGN_OWNER, CAMPAIGN_START, CAMPAIGN_END,
  CAMPAIGN_STATUS, CAMPAIGN_ALLOCATED, CAMPAIGN_ACTUAL, CAMPAIGN_REMAINING, CAMPAIGN_KPIS, N_CAMPAIGN_COLUMNS
};

/* The name of the record @id names, or NULL. */
static const char *
name_of (PlPlan *plan, const char *id)
{
  PlItem *item = id != NULL ? pl_plan_lookup (plan, id) : NULL;

  return item != NULL ? pl_item_get_display_name (item) : NULL;
}

static void
free_names (gpointer names)
{
  g_string_free (names, TRUE);
}

/* Each campaign's linked KPIs, by name: a new table from campaign ID to a GString. */
static GHashTable *
linked_kpis (PlPlan *plan)
{
  GHashTable *linked = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_names);
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);

  for (guint i = 0, n = g_list_model_get_n_items (links); i < n; i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      const char *campaign = pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN);
      const char *kpi = name_of (plan, pl_item_get_string (link, PL_CAMPAIGN_KPI_KPI));
      GString *names;

      if (campaign == NULL || kpi == NULL)
        continue;
      names = g_hash_table_lookup (linked, campaign);
      if (names == NULL)
        /* The key lives as long as the link, which the plan holds. */
        g_hash_table_insert (linked, (gpointer) campaign, names = g_string_new (NULL));
      else
        g_string_append (names, ", ");
      g_string_append (names, kpi);
    }
  return linked;
}

static PlSheetTable *
campaigns_table (PlPlan *plan)
{
  PlSheetTable *self = table_new (plan, pl_sheet_what_title (PL_SHEET_CAMPAIGNS), N_CAMPAIGN_COLUMNS, 1, 1);
  const char *headings[N_CAMPAIGN_COLUMNS] = {
    _("Campaign"), _("Channel"), _("Segment"), _("Owner"), _("Starts"), _("Ends"), _("Status"),
    _("Allocated"), _("Actual spend"), _("Remaining"), _("Linked KPIs"),
  };
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  g_autoptr(GHashTable) linked = linked_kpis (plan);
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  gint64 allocated_sum = 0, actual_sum = 0;
  guint row = add_row (self, PL_SHEET_ROW_HEADER);

  self->filter = TRUE;
  for (guint c = 0; c < N_CAMPAIGN_COLUMNS; c++)
    set_text (self, row, c, headings[c]);
  for (guint i = 0, n = g_list_model_get_n_items (campaigns); i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      gint64 allocated = pl_budget_totals_campaign_allocated (totals, campaign);
      gint64 actual = pl_budget_totals_campaign_actual (totals, campaign);
      GString *kpis = g_hash_table_lookup (linked, pl_item_get_id (campaign));

      row = add_row (self, PL_SHEET_ROW_BODY);
      set_text (self, row, CAMPAIGN_NAME, pl_item_get_display_name (campaign));
      set_text (self, row, CAMPAIGN_CHANNEL, pl_item_get_string (campaign, PL_CAMPAIGN_CHANNEL));
      set_text (self, row, CAMPAIGN_SEGMENT, name_of (plan, pl_item_get_string (campaign, PL_CAMPAIGN_SEGMENT)));
      set_text (self, row, CAMPAIGN_OWNER, name_of (plan, pl_item_get_string (campaign, PL_CAMPAIGN_OWNER)));
      set_date (self, row, CAMPAIGN_START, pl_item_get_julian (campaign, PL_CAMPAIGN_START));
      set_date (self, row, CAMPAIGN_END, pl_item_get_julian (campaign, PL_CAMPAIGN_END));
      set_text (self, row, CAMPAIGN_STATUS,
                pl_enum_get_label (PL_TYPE_CAMPAIGN_STATUS, (int) pl_item_get_int (campaign, PL_CAMPAIGN_STATUS)));
      set_money (self, row, CAMPAIGN_ALLOCATED, allocated, NULL);
      set_money (self, row, CAMPAIGN_ACTUAL, actual, NULL);
      /* What the campaign page says remains of its allocation. */
      set_money (self, row, CAMPAIGN_REMAINING, pl_money_difference (allocated, actual),
                 difference (row, CAMPAIGN_ALLOCATED, CAMPAIGN_ACTUAL));
      set_text (self, row, CAMPAIGN_KPIS, kpis ? kpis->str : NULL);
      allocated_sum = pl_money_sum (allocated_sum, allocated);
      actual_sum = pl_money_sum (actual_sum, actual);
    }
  row = add_row (self, PL_SHEET_ROW_TOTAL);
  set_text (self, row, CAMPAIGN_NAME, _("Total"));
  /* No campaign: zeros, not sums of nothing. */
  set_money (self, row, CAMPAIGN_ALLOCATED, allocated_sum, row > 1 ? sum_range (CAMPAIGN_ALLOCATED, 1, row - 1) : NULL);
  set_money (self, row, CAMPAIGN_ACTUAL, actual_sum, row > 1 ? sum_range (CAMPAIGN_ACTUAL, 1, row - 1) : NULL);
  set_money (self, row, CAMPAIGN_REMAINING, pl_money_difference (allocated_sum, actual_sum),
             row > 1 ? sum_range (CAMPAIGN_REMAINING, 1, row - 1) : NULL);
  return self;
}

const char *
pl_sheet_what_title (PlSheetWhat what)
{
  switch (what)
    {
    case PL_SHEET_BUDGET:
      return _("Budget");
    case PL_SHEET_KPIS:
      return _("KPI measurements");
    case PL_SHEET_CAMPAIGNS:
    default:
      return _("Campaigns");
    }
}

PlSheetTable *
pl_sheet_table_new (PlPlan *plan, PlSheetWhat what)
{
  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  switch (what)
    {
    case PL_SHEET_BUDGET:
      return budget_table (plan);
    case PL_SHEET_KPIS:
      return kpis_table (plan);
    case PL_SHEET_CAMPAIGNS:
    default:
      return campaigns_table (plan);
    }
}

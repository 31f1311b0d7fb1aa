/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-validate"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pl-budget-carry.h"
#include "pl-calendar.h"
#include "pl-date-text.h"
#include "pl-enums.h"
#include "pl-figures.h"
#include "pl-formula.h"
#include "pl-kpi-value.h"
#include "pl-money.h"
#include "pl-kpi-period.h"
#include "pl-plan-validate.h"
#include "pl-rules.h"
#include "pl-scenario.h"

void
pl_problem_free (PlProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->id);
  g_free (problem->message);
  g_free (problem);
}

G_GNUC_PRINTF (4, 5) static void
add (GPtrArray *problems, PlItem *item, gboolean blocking, const char *format, ...)
{
  PlProblem *problem = g_new0 (PlProblem, 1);
  va_list args;

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  problem->blocking = blocking;
  if (item != NULL)
    {
      problem->id = g_strdup (pl_item_get_id (item));
      problem->line = pl_item_get_line (item);
      problem->column = pl_item_get_column (item);
    }
  g_ptr_array_add (problems, problem);
}

/* A rule's refusal (pl-rules.h) as a problem, in the very words an edit is refused with. */
static void
add_error (GPtrArray *problems, PlItem *item, gboolean blocking, GError *error)
{
  add (problems, item, blocking, "%s", error->message);
}

/* The rules on each field; only the blocking ones (references) when @blocking_only, since
 * the others would be thrown away: the reader asks that of every record it reads. */
static void
check_fields (PlPlan *plan, PlItem *item, gboolean blocking_only, GPtrArray *problems)
{
  guint n_fields;
  const PlField *fields = pl_item_get_fields (item, &n_fields);
  g_autofree char *what_text = NULL;

  /* Described only for a message: most records have none, and describing costs. */
#define what (what_text ? what_text : (what_text = pl_rules_describe (plan, item, TRUE)))
#define label (g_dgettext (GETTEXT_PACKAGE, fields[f].label))

  for (guint f = 0; f < n_fields; f++)
    {
      g_autoptr(GError) error = NULL;

      if (!blocking_only && !pl_rule_required (plan, item, f, pl_item_field_is_set (item, f), &error))
        add_error (problems, item, FALSE, error);
      if (fields[f].type == PL_FIELD_REF && pl_item_field_is_set (item, f))
        {
          const char *target_id = pl_item_get_string (item, f);
          PlItem *target = pl_plan_lookup (plan, target_id);

          /* The reference is all there is to name a record that does not exist. */
          if (target == NULL)
            add (problems, item, TRUE, _("%s refers to “%s” as its %s, which does not exist."),
                 what, target_id, label);
          else if (pl_collection_for_type (G_OBJECT_TYPE (target)) != fields[f].ref)
            {
              g_autofree char *other = pl_rules_describe (plan, target, FALSE);
              add (problems, item, TRUE, _("%s names %s as its %s."), what, other, label);
            }
        }
      if (!blocking_only && fields[f].type == PL_FIELD_MONEY &&
          !pl_rule_money (plan, item, f, pl_item_get_int (item, f), &error))
        add_error (problems, item, FALSE, error);
    }
}
#undef what
#undef label

static void
check_dates (PlPlan *plan, PlItem *item, guint start_field, guint end_field, GPtrArray *problems)
{
  guint32 start = pl_item_get_julian (item, start_field);
  guint32 end = pl_item_get_julian (item, end_field);

  if (start != 0 && end != 0 && end < start)
    {
      g_autofree char *what = pl_rules_describe (plan, item, TRUE);
      add (problems, item, FALSE, _("%s ends before it starts."), what);
    }
}

GPtrArray *
pl_plan_find_chain_cycle (PlPlan *plan)
{
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_KPI_LINKS);
  guint n = g_list_model_get_n_items (links);
  g_autoptr(GHashTable) out = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                     (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) state = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      const char *up = pl_item_get_string (link, PL_KPI_LINK_UPSTREAM);
      const char *down = pl_item_get_string (link, PL_KPI_LINK_DOWNSTREAM);
      GPtrArray *edges;

      if (up == NULL || down == NULL)
        continue;
      edges = g_hash_table_lookup (out, up);
      if (edges == NULL)
        {
          edges = g_ptr_array_new ();
          g_hash_table_insert (out, (gpointer) up, edges);
          g_ptr_array_add (nodes, (gpointer) up);
        }
      g_ptr_array_add (edges, (gpointer) down);
    }

  /* Iterative depth-first search: 1 = on the current path, 2 = done. */
  for (guint s = 0; s < nodes->len; s++)
    {
      g_autoptr(GPtrArray) path = g_ptr_array_new ();
      g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (guint));
      guint zero = 0;

      if (g_hash_table_contains (state, nodes->pdata[s]))
        continue;
      g_ptr_array_add (path, nodes->pdata[s]);
      g_array_append_val (next, zero);
      g_hash_table_insert (state, nodes->pdata[s], GINT_TO_POINTER (1));
      while (path->len > 0)
        {
          const char *node = path->pdata[path->len - 1];
          GPtrArray *edges = g_hash_table_lookup (out, node);
          guint *index = &g_array_index (next, guint, next->len - 1);

          if (edges != NULL && *index < edges->len)
            {
              const char *child = edges->pdata[(*index)++];
              int st = GPOINTER_TO_INT (g_hash_table_lookup (state, child));

              if (st == 1)
                {
                  GPtrArray *cycle = g_ptr_array_new_with_free_func (g_free);
                  guint from = 0;

                  while (g_strcmp0 (path->pdata[from], child) != 0)
                    from++;
                  for (guint k = from; k < path->len; k++)
                    g_ptr_array_add (cycle, g_strdup (path->pdata[k]));
                  return cycle;
                }
              if (st == 0)
                {
                  g_hash_table_insert (state, (gpointer) child, GINT_TO_POINTER (1));
                  g_ptr_array_add (path, (gpointer) child);
                  g_array_append_val (next, zero);
                }
            }
          else
            {
              g_hash_table_insert (state, (gpointer) node, GINT_TO_POINTER (2));
              g_ptr_array_set_size (path, path->len - 1);
              g_array_set_size (next, next->len - 1);
            }
        }
    }
  return NULL;
}

static void
check_formula (PlPlan *plan, PlItem *kpi, GPtrArray *problems)
{
  const char *text = pl_item_get_string (kpi, PL_KPI_FORMULA);
  const char *name = pl_item_get_string (kpi, PL_KPI_NAME);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlFormula) formula = NULL;
  const char * const *refs;

  if (text == NULL || *text == '\0')
    return;
  /* A KPI with no name has that reported on its own; its formula is still checked. */
  if (name == NULL)
    name = "?";
  formula = pl_formula_parse (text, &error);
  if (formula == NULL)
    {
      add (problems, kpi, FALSE, _("The formula of the KPI “%s” does not read: %s."), name, error->message);
      return;
    }
  /* A formula is written with IDs: the one that names nothing can only be quoted as typed. */
  refs = pl_formula_get_references (formula);
  for (guint i = 0; refs[i] != NULL; i++)
    {
      PlItem *target = pl_plan_lookup (plan, refs[i]);

      if (target == NULL || !PL_IS_KPI (target))
        add (problems, kpi, FALSE, _("The formula of the KPI “%s” names “%s”, which is not a KPI of this plan."),
             name, refs[i]);
    }
}

/* Every formula loop once, on its first KPI in plan order, with the message an edit making
 * it is refused with. */
static void
check_formula_loops (PlPlan *plan, GPtrArray *problems)
{
  g_autoptr(GPtrArray) loops = pl_formula_list_loops (plan, NULL, NULL);

  for (guint i = 0; i < loops->len; i++)
    {
      PlItem **path = g_ptr_array_index (loops, i);
      g_autoptr(GError) error = NULL;

      /* The loops are all found at once: asking the rule for each would search them again. */
      pl_rules_set_loop_error (path, &error);
      add_error (problems, path[0], FALSE, error);
    }
}

/* The period a KPI's value is for, as a sentence names it: "March 2027", or the first day
 * of a week. */
static char *
describe_period (PlKpi *kpi, guint32 julian)
{
  if (pl_item_get_int (PL_ITEM (kpi), PL_KPI_FREQUENCY) == PL_FREQUENCY_WEEKLY)
    {
      g_autofree char *day = pl_date_text (julian, PL_DATE_LONG);
      /* Translators: a weekly KPI's period, "the week of 1 March 2027" */
      return g_strdup_printf (_("the week of %s"), day);
    }
  return pl_rules_describe_month (julian);
}

/* Each measurement and target keeps its KPI's rule (pl_rule_kpi_value()). */
static void
check_kpi_values (PlItem *kpi, GPtrArray *problems)
{
  for (int kind = 0; kind < 2; kind++)
    {
      PlSeries *series = kind == 0 ? pl_kpi_get_measurements (PL_KPI (kpi)) : pl_kpi_get_targets (PL_KPI (kpi));

      for (guint i = 0, n = pl_series_get_n (series); i < n; i++)
        {
          const PlPoint *point = pl_series_get (series, i);
          g_autoptr(GError) error = NULL;
          g_autofree char *period = NULL;
          g_autofree char *value = NULL;

          if (pl_rule_kpi_value (PL_KPI (kpi), point->value, &error))
            continue;
          period = describe_period (PL_KPI (kpi), point->julian);
          value = pl_kpi_value_format (PL_KPI (kpi), point->value);
          if (kind == 0)
            /* Translators: the rule broken, then which value breaks it */
            add (problems, kpi, FALSE, _("%s Its measurement for %s is %s."), error->message, period, value);
          else
            add (problems, kpi, FALSE, _("%s Its target for %s is %s."), error->message, period, value);
        }
    }
}

/* An objective's target is a value of its KPI. */
static void
check_objective_target (PlPlan *plan, PlItem *objective, GPtrArray *problems)
{
  PlItem *kpi = pl_plan_lookup (plan, pl_item_get_string (objective, PL_OBJECTIVE_KPI));
  g_autoptr(GError) error = NULL;

  if (kpi != NULL && PL_IS_KPI (kpi) &&
      !pl_rule_kpi_value (PL_KPI (kpi), pl_item_get_double (objective, PL_OBJECTIVE_TARGET), &error))
    {
      g_autofree char *what = pl_rules_describe (plan, objective, TRUE);
      /* Translators: the objective, then the rule its target breaks */
      add (problems, objective, FALSE, _("%s has a target its KPI cannot reach: %s"), what, error->message);
    }
}

/* The funnel narrows: each stage counts no more than the one before it in the same month
 * (more leads than visitors is a mistake of entry or of definition). Only a warning: a
 * stage's KPI may count from more sources than the stage above it. */
static void
check_funnel (PlPlan *plan, GPtrArray *problems)
{
  static const PlStage stages[] = {
    PL_STAGE_IMPRESSIONS, PL_STAGE_VISITORS, PL_STAGE_LEADS, PL_STAGE_MQL, PL_STAGE_SQL,
    PL_STAGE_OPPORTUNITIES, PL_STAGE_NEW_CUSTOMERS,
  };
  PlKpi *kpis[G_N_ELEMENTS (stages)];
  guint months = pl_plan_get_months (plan);

  for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
    kpis[s] = pl_figures_kpi_for_stage (plan, stages[s]);
  for (guint m = 0; m < months; m++)
    {
      guint32 from = pl_plan_month_start (plan, m);
      guint32 to = m + 1 < months ? pl_plan_month_start (plan, m + 1) : pl_plan_get_end (plan);
      PlKpi *upper = NULL;
      double upper_value = NAN;

      for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
        {
          double value;

          if (kpis[s] == NULL)
            continue;
          value = pl_figures_kpi_value (plan, kpis[s], from, to);
          if (isnan (value))
            continue;
          if (upper != NULL && value > upper_value)
            {
              g_autofree char *month = pl_rules_describe_month (from);
              g_autofree char *a = pl_kpi_value_format (kpis[s], value);
              g_autofree char *b = pl_kpi_value_format (upper, upper_value);
              PlProblem *problem;

              add (problems, PL_ITEM (kpis[s]), FALSE,
                   /* Translators: "In March 2027, “Leads” (250) is above “Visitors” (200), the stage before it." */
                   _("In %s, “%s” (%s) is above “%s” (%s), the stage before it in the funnel."),
                   month, pl_item_get_display_name (PL_ITEM (kpis[s])), a,
                   pl_item_get_display_name (PL_ITEM (upper)), b);
              problem = g_ptr_array_index (problems, problems->len - 1);
              problem->warning = TRUE;
            }
          upper = kpis[s];
          upper_value = value;
        }
    }
}

static void
check_allocations (PlPlan *plan, GPtrArray *problems)
{
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  /* Grouped once: a plan has thousands of allocations and hundreds of lines. */
  g_autoptr(GHashTable) totals = pl_figures_allocated_by (plan, PL_ALLOCATION_LINE);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      gint64 planned = pl_figures_line_planned (PL_BUDGET_LINE (line), -1);
      const gint64 *total = g_hash_table_lookup (totals, pl_item_get_id (line));
      g_autoptr(GError) error = NULL;

      if (!pl_rule_line_allocations (plan, line, planned, total ? *total : 0, &error))
        add_error (problems, line, FALSE, error);
    }
}

static void
check_spend_dates (PlPlan *plan, GPtrArray *problems)
{
  GListModel *spend = pl_plan_get_collection (plan, PL_COLLECTION_SPEND);

  for (guint i = 0; i < g_list_model_get_n_items (spend); i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (spend, i);
      g_autoptr(GError) error = NULL;

      if (!pl_rule_spend_date (plan, entry, pl_item_get_julian (entry, PL_SPEND_DATE), &error))
        add_error (problems, entry, FALSE, error);
    }
}

static int
compare_days (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/* Whether the ascending @days hold @day. */
static gboolean
has_day (GArray *days, guint32 day)
{
  /* An empty GArray has no data, which bsearch() must not be given. */
  return days->len > 0 && bsearch (&day, days->data, days->len, sizeof (guint32), compare_days) != NULL;
}

static void
format_day (char *buffer, gsize size, guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_strftime (buffer, size, "%Y-%m-%d", &date);
}

/* An entry's skipped and moved occurrences: each reads and names a day of its series, and no
 * occurrence is both skipped and moved, moved twice, or moved onto a day it already has. */
static void
check_occurrences (PlPlan *plan, PlItem *entry, GPtrArray *problems)
{
  const char * const *skip = pl_item_get_strv (entry, PL_ENTRY_SKIP);
  const char * const *move = pl_item_get_strv (entry, PL_ENTRY_MOVE);
  g_autofree char *what_text = NULL;
  g_autoptr(GArray) skipped = NULL;
  g_autoptr(GArray) moves = NULL;
  g_autoptr(GHashTable) moved = NULL;

  if (!pl_item_field_is_set (entry, PL_ENTRY_SKIP) && !pl_item_field_is_set (entry, PL_ENTRY_MOVE))
    return;
  /* Described only for a message, as in check_fields(): a big calendar skips thousands. */
#define what (what_text ? what_text : (what_text = pl_rules_describe (plan, entry, TRUE)))
  skipped = pl_calendar_skipped (plan, entry);
  if (move != NULL)
    moved = g_hash_table_new (NULL, NULL);
  for (guint i = 0; skip != NULL && skip[i] != NULL; i++)
    {
      guint32 origin;

      if (!pl_calendar_parse_skip (skip[i], &origin))
        add (problems, entry, FALSE, _("%s skips “%s”, which is not a date (YYYY-MM-DD)."), what, skip[i]);
      else if (!pl_calendar_in_series (plan, entry, origin))
        add (problems, entry, FALSE, _("%s skips %s, a day it does not happen on."), what, skip[i]);
    }
  for (guint i = 0; move != NULL && move[i] != NULL; i++)
    {
      guint32 origin, day;
      char date[16];

      if (!pl_calendar_parse_move (move[i], &origin, &day))
        {
          add (problems, entry, FALSE, _("%s moves “%s”, which is not two dates (YYYY-MM-DD YYYY-MM-DD)."),
               what, move[i]);
          continue;
        }
      format_day (date, sizeof date, origin);
      if (!pl_calendar_in_series (plan, entry, origin))
        add (problems, entry, FALSE, _("%s moves its occurrence of %s, a day it does not happen on."), what, date);
      else if (day == origin)
        continue; /* moved onto its own date: it stays where it is */
      else if (has_day (skipped, origin))
        add (problems, entry, FALSE, _("%s both skips and moves its occurrence of %s."), what, date);
      else if (!g_hash_table_add (moved, GUINT_TO_POINTER (origin)))
        add (problems, entry, FALSE, _("%s moves its occurrence of %s twice."), what, date);
    }
  /* Two occurrences on one day show as one. */
  if (move == NULL)
    return;
  moves = pl_calendar_moves (plan, entry);
  for (guint i = 0; i < moves->len; i++)
    {
      const PlCalendarMove *m = &g_array_index (moves, PlCalendarMove, i);
      gboolean taken = pl_calendar_in_series (plan, entry, m->day) &&
                       !has_day (skipped, m->day) &&
                       (moved == NULL || !g_hash_table_contains (moved, GUINT_TO_POINTER (m->day)));

      for (guint j = 0; j < i && !taken; j++)
        taken = g_array_index (moves, PlCalendarMove, j).day == m->day;
      if (taken)
        {
          char from[16], to[16];

          format_day (from, sizeof from, m->origin);
          format_day (to, sizeof to, m->day);
          add (problems, entry, FALSE, _("%s moves its occurrence of %s to %s, a day it already happens on."),
               what, from, to);
        }
    }
}
#undef what

/* A KPI holds one value per period of its frequency, on the period's first day
 * (pl-kpi-period.h): a value on another day (a measurement or a target) is a warning, once per
 * KPI, naming the first such day and its period's first day. */
static void
check_periods (PlPlan *plan, PlItem *kpi, GPtrArray *problems)
{
  const char *name = pl_item_get_string (kpi, PL_KPI_NAME);
  g_autofree char *day = NULL, *start = NULL;
  guint32 off = 0;

  for (int kind = 0; kind < 2 && off == 0; kind++)
    {
      PlSeries *series = kind == 0 ? pl_kpi_get_measurements (PL_KPI (kpi)) : pl_kpi_get_targets (PL_KPI (kpi));

      for (guint i = 0; i < pl_series_get_n (series) && off == 0; i++)
        if (pl_kpi_period_start (plan, kpi, pl_series_get (series, i)->julian) != pl_series_get (series, i)->julian)
          off = pl_series_get (series, i)->julian;
    }
  if (off == 0)
    return;
  day = pl_date_text (off, PL_DATE_NUMERIC);
  start = pl_date_text (pl_kpi_period_start (plan, kpi, off), PL_DATE_NUMERIC);
  switch (pl_item_get_int (kpi, PL_KPI_FREQUENCY))
    {
    case PL_FREQUENCY_WEEKLY:
      add (problems, kpi, FALSE, _("“%s” has a value on %s, not on the Monday of its week (%s): a weekly KPI holds "
                                   "one value a week, dated on its Monday."), name, day, start);
      break;
    case PL_FREQUENCY_QUARTERLY:
      add (problems, kpi, FALSE, _("“%s” has a value on %s, not on the first day of its quarter (%s): a quarterly KPI "
                                   "holds one value a quarter, dated on its first day."), name, day, start);
      break;
    default:
      add (problems, kpi, FALSE, _("“%s” has a value on %s, not on the first day of its month (%s): a monthly KPI "
                                   "holds one value a month, dated on the 1st."), name, day, start);
      break;
    }
}

/* Whether no scenario before @scenario has its name (compared without case, as the rule). */
static gboolean
is_first_named (PlPlan *plan, PlItem *scenario)
{
  GListModel *scenarios = pl_plan_get_collection (plan, PL_COLLECTION_SCENARIOS);
  g_autofree char *folded = g_utf8_casefold (pl_item_get_string (scenario, PL_SCENARIO_NAME), -1);

  for (guint i = 0, n = g_list_model_get_n_items (scenarios); i < n; i++)
    {
      g_autoptr(PlItem) other = g_list_model_get_item (scenarios, i);
      const char *name = pl_item_get_string (other, PL_SCENARIO_NAME);
      g_autofree char *other_folded = NULL;

      if (other == scenario)
        return TRUE;
      other_folded = name != NULL ? g_utf8_casefold (name, -1) : NULL;
      if (g_strcmp0 (other_folded, folded) == 0)
        return FALSE;
    }
  return TRUE;
}

/* A scenario's name is its own, its window makes sense, and each assumption is one its driver
 * takes (the drivers' own rule and words: what they refuse, the scenario leaves out). */
static void
check_scenario (PlPlan *plan, PlItem *scenario, GPtrArray *problems)
{
  GVariant *assumptions = pl_item_get_variant (scenario, PL_SCENARIO_ASSUMPTIONS);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDrivers) drivers = NULL;
  g_autofree char *what = NULL;
  GVariantIter iter;
  const char *kind, *key;
  double value;

  if (!pl_rule_scenario_window (plan, scenario, pl_item_get_int (scenario, PL_SCENARIO_WINDOW), &error))
    add_error (problems, scenario, FALSE, error);
  g_clear_error (&error);
  /* Two of one name: said once, on the second, whose name is the one to change. */
  if (!pl_rule_scenario_name (plan, scenario, pl_item_get_string (scenario, PL_SCENARIO_NAME), &error) &&
      !is_first_named (plan, scenario))
    add_error (problems, scenario, FALSE, error);
  if (assumptions == NULL)
    return;
  /* As of day 1 (1 January of year 1), before anything measured: only the rules of the values
   * count here, not what the plan measured, and nothing is computed. */
  drivers = pl_drivers_new_from_plan (plan, 1, 1);
  what = pl_rules_describe (plan, scenario, FALSE);
  g_variant_iter_init (&iter, assumptions);
  while (g_variant_iter_next (&iter, "(&s&sd)", &kind, &key, &value))
    {
      g_autoptr(GError) refused = NULL;
      PlDriver driver;

      if (strcmp (kind, PL_ASSUME_CATEGORY) == 0)
        {
          PlItem *category = pl_plan_lookup (plan, key);

          if (category == NULL || !PL_IS_CATEGORY (category))
            {
              PlProblem *problem;

              /* Translators: the category's ID (it has no name: it does not exist), the scenario */
              add (problems, scenario, FALSE, _("The budget category “%s” whose spend %s changes does not "
                                                "exist; the change is left out."), key, what);
              problem = g_ptr_array_index (problems, problems->len - 1);
              problem->warning = TRUE;
            }
          else if (!pl_drivers_set_category_change (drivers, key, value, &refused))
            /* Translators: the category, the scenario, the rule broken */
            add (problems, scenario, FALSE, _("The spend change of “%s” in %s is left out: %s"),
                 pl_item_get_display_name (category), what, refused->message);
        }
      else if (strcmp (kind, PL_ASSUME_DRIVER) != 0 || !pl_driver_from_key (key, &driver))
        {
          g_autofree char *first = pl_rules_describe (plan, scenario, TRUE);
          add (problems, scenario, FALSE, _("%s assumes “%s”, which is not a driver."), first, key);
        }
      else if (!pl_drivers_set (drivers, driver, value, &refused))
        /* Translators: the driver's name, the scenario, the rule broken */
        add (problems, scenario, FALSE, _("The assumption on “%s” in %s is left out: %s"),
             pl_driver_name (driver), what, refused->message);
    }
}

/* Each move a budget line records reads (a plan made in memory, or a reader's refusal
 * repeated), and names months of the period: one carried before the period changed is not
 * shown, which is said as a warning. */
static void
check_carried (PlPlan *plan, PlItem *line, GPtrArray *problems)
{
  const char * const *carried = pl_item_get_strv (line, PL_BUDGET_LINE_CARRIED);
  g_autofree char *what = NULL;

  for (guint i = 0; carried != NULL && carried[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      guint32 days[4];
      gint64 amount;
      gboolean inside = TRUE;

      if (what == NULL)
        what = pl_rules_describe (plan, line, FALSE);
      if (!pl_budget_carry_read (carried[i], pl_plan_get_currency_exponent (plan), days, &amount, &error))
        {
          /* Translators: what was read, the budget line ("the budget line “Ads”"), then why it does not read */
          add (problems, line, FALSE, _("The budget carried over “%s” on %s does not read: %s."), carried[i], what,
               error->message);
          continue;
        }
      for (guint k = 0; k < 4; k++)
        inside = inside && pl_plan_month_index (plan, days[k]) >= 0;
      if (!inside)
        {
          PlProblem *problem;

          add (problems, line, FALSE, _("The budget carried over “%s” on %s names months outside the fiscal period "
                                        "(the period changed since): the budget no longer shows it."), carried[i], what);
          problem = g_ptr_array_index (problems, problems->len - 1);
          problem->warning = TRUE;
        }
    }
}

/* The checks of one record on its own, past its fields. */
static void
check_record (PlPlan *plan, PlItem *item, GPtrArray *problems)
{
  if (PL_IS_CAMPAIGN (item))
    check_dates (plan, item, PL_CAMPAIGN_START, PL_CAMPAIGN_END, problems);
  else if (PL_IS_ENTRY (item))
    {
      check_dates (plan, item, PL_ENTRY_START, PL_ENTRY_END, problems);
      check_occurrences (plan, item, problems);
    }
  else if (PL_IS_KPI (item))
    {
      check_periods (plan, item, problems);
      check_formula (plan, item, problems);
      check_kpi_values (item, problems);
    }
  else if (PL_IS_OBJECTIVE (item))
    check_objective_target (plan, item, problems);
  else if (PL_IS_SCENARIO (item))
    check_scenario (plan, item, problems);
  else if (PL_IS_BUDGET_LINE (item))
    check_carried (plan, item, problems);
}

static void check_chain_cycle (PlPlan *plan, GPtrArray *problems);

static GPtrArray *
validate (PlPlan *plan, gboolean blocking_only)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_problem_free);

  check_fields (plan, PL_ITEM (pl_plan_get_metadata (plan)), blocking_only, problems);
  for (int c = 0; c < PL_N_COLLECTIONS; c++)
    {
      GListModel *model = pl_plan_get_collection (plan, c);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(PlItem) item = g_list_model_get_item (model, i);

          check_fields (plan, item, blocking_only, problems);
          if (!blocking_only)
            check_record (plan, item, problems);
        }
    }
  if (!blocking_only)
    {
      check_allocations (plan, problems);
      check_spend_dates (plan, problems);
      check_formula_loops (plan, problems);
      check_funnel (plan, problems);
    }
  check_chain_cycle (plan, problems);
  return problems;
}

static void
check_chain_cycle (PlPlan *plan, GPtrArray *problems)
{
  g_autoptr(GPtrArray) cycle = NULL;

  cycle = pl_plan_find_chain_cycle (plan);
  if (cycle != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree PlItem **kpis = g_new0 (PlItem *, cycle->len + 1);
      gboolean all = TRUE;

      for (guint k = 0; k < cycle->len; k++)
        all = all && (kpis[k] = pl_plan_lookup (plan, cycle->pdata[k])) != NULL;
      if (all)
        path = pl_rules_describe_path (kpis);
      else
        {
          /* A link names a KPI that does not exist (reported above): only its ID is known. */
          g_ptr_array_add (cycle, g_strdup (cycle->pdata[0]));
          g_ptr_array_add (cycle, NULL);
          path = g_strjoinv (" → ", (char **) cycle->pdata);
        }
      add (problems, pl_plan_lookup (plan, cycle->pdata[0]), TRUE,
           _("The KPI chain loops back on itself: %s."), path);
    }
}

static int
compare_positions (gconstpointer a, gconstpointer b)
{
  const PlProblem *x = *(const PlProblem * const *) a, *y = *(const PlProblem * const *) b;

  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->column < y->column ? -1 : x->column > y->column;
}

GPtrArray *
pl_plan_validate (PlPlan *plan)
{
  GPtrArray *problems = validate (plan, FALSE);

  /* The checks across records come last; a reader goes down the file. The sort is stable:
   * problems on one line, and those of a plan built in memory (line 0), keep their order. */
  g_ptr_array_sort (problems, compare_positions);
  return problems;
}

GPtrArray *
pl_plan_validate_blocking (PlPlan *plan)
{
  g_autoptr(GPtrArray) problems = validate (plan, TRUE);
  GPtrArray *blocking = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_problem_free);

  for (guint i = 0; i < problems->len; i++)
    {
      PlProblem *problem = problems->pdata[i];
      if (problem->blocking)
        g_ptr_array_add (blocking, g_steal_pointer (&problems->pdata[i]));
    }
  return blocking;
}

GPtrArray *
pl_plan_validate_record (PlPlan *plan, PlItem *item)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_problem_free);
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_problem_free);
  const char *id = pl_item_get_id (item);

  check_fields (plan, item, FALSE, all);
  check_record (plan, item, all);
  /* The checks across records that can name one of these: only the chain's, which stay
   * small (KPIs and their links), are asked; a campaign's allocations and spend are not. */
  if (PL_IS_KPI (item))
    {
      check_formula_loops (plan, all);
      check_funnel (plan, all);
      check_chain_cycle (plan, all);
    }
  for (guint i = 0; i < all->len; i++)
    {
      PlProblem *problem = all->pdata[i];

      if (g_strcmp0 (problem->id, id) == 0)
        g_ptr_array_add (problems, g_steal_pointer (&all->pdata[i]));
    }
  g_ptr_array_sort (problems, compare_positions);
  return problems;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-rules"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-calendar.h"
#include "pl-date-text.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-formula.h"
#include "pl-money.h"
#include "pl-rules.h"

/* ---- records in words ---- */

/* What the user named @item: its name or title, NULL when it has none. */
static const char *
given_name (PlItem *item)
{
  const char *name = pl_item_get_display_name (item);

  /* The display name falls back to the very string of the ID, which a message never shows. */
  return name != pl_item_get_id (item) ? name : NULL;
}

/* The name of the record @item's @field refers to; the reference itself when it names no
 * record (all there is to go by), "?" when it is not set. */
static const char *
ref_name (PlPlan *plan, PlItem *item, guint field)
{
  const char *id = pl_item_get_string (item, field);
  PlItem *target = id != NULL ? pl_plan_lookup (plan, id) : NULL;
  const PlField *f = &pl_item_get_fields (item, NULL)[field];
  /* A record of another kind is not what the field means: validation says so apart. */
  const char *name = target != NULL && pl_collection_for_type (G_OBJECT_TYPE (target)) == f->ref
                     ? given_name (target) : NULL;

  return name != NULL ? name : id != NULL ? id : "?";
}

/* The start of a free text, for naming a record that has no name (an objective). */
static char *
excerpt (const char *text)
{
  g_autofree char *line = g_strndup (text, strcspn (text, "\n"));
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (line, -1) <= 40)
    return g_steal_pointer (&line);
  cut = g_utf8_substring (line, 0, 39);
  return g_strconcat (g_strstrip (cut), "…", NULL);
}

static char *
capitalise (char *text, gboolean capital)
{
  gunichar first;
  char head[8];
  int length;

  if (!capital || text == NULL || *text == '\0')
    return text;
  first = g_utf8_get_char (text);
  length = g_unichar_to_utf8 (g_unichar_totitle (first), head);
  head[length] = '\0';
  if (g_unichar_totitle (first) == first)
    return text;
  {
    char *capitalised = g_strconcat (head, g_utf8_next_char (text), NULL);
    g_free (text);
    return capitalised;
  }
}

char *
pl_rules_describe (PlPlan *plan, PlItem *item, gboolean capital)
{
  const char *name = given_name (item);
  char *text = NULL;

  g_return_val_if_fail (PL_IS_PLAN (plan) && PL_IS_ITEM (item), NULL);
  if (PL_IS_METADATA (item))
    text = g_strdup (_("the plan"));
  else if (PL_IS_ALLOCATION (item) && !pl_item_field_is_set (item, PL_ALLOCATION_LINE) &&
           !pl_item_field_is_set (item, PL_ALLOCATION_CAMPAIGN))
    text = g_strdup_printf (_("an unnamed %s"), pl_item_get_noun (item));
  /* A new one, half filled: what it has is all there is to name it by. */
  else if (PL_IS_ALLOCATION (item) && !pl_item_field_is_set (item, PL_ALLOCATION_CAMPAIGN))
    text = g_strdup_printf (_("the allocation from “%s”"), ref_name (plan, item, PL_ALLOCATION_LINE));
  else if (PL_IS_ALLOCATION (item) && !pl_item_field_is_set (item, PL_ALLOCATION_LINE))
    text = g_strdup_printf (_("the allocation to “%s”"), ref_name (plan, item, PL_ALLOCATION_CAMPAIGN));
  else if (PL_IS_ALLOCATION (item))
    text = g_strdup_printf (_("the allocation from “%s” to “%s”"),
                            ref_name (plan, item, PL_ALLOCATION_LINE), ref_name (plan, item, PL_ALLOCATION_CAMPAIGN));
  else if (PL_IS_CAMPAIGN_KPI (item))
    text = g_strdup_printf (_("the link from the campaign “%s” to the KPI “%s”"),
                            ref_name (plan, item, PL_CAMPAIGN_KPI_CAMPAIGN), ref_name (plan, item, PL_CAMPAIGN_KPI_KPI));
  else if (PL_IS_KPI_LINK (item))
    text = g_strdup_printf (_("the KPI chain link from “%s” to “%s”"),
                            ref_name (plan, item, PL_KPI_LINK_UPSTREAM), ref_name (plan, item, PL_KPI_LINK_DOWNSTREAM));
  else if (PL_IS_SPEND (item))
    {
      guint32 date = pl_item_get_julian (item, PL_SPEND_DATE);
      g_autofree char *day = date != 0 ? pl_date_text (date, PL_DATE_LONG) : g_strdup ("?");

      if (pl_item_get_string (item, PL_SPEND_LINE) == NULL)
        /* Translators: "the unbudgeted spend of 31 January 2027" (spend on no budget line) */
        text = g_strdup_printf (_("the unbudgeted spend of %s"), day);
      else
        /* Translators: "the spend of 31 January 2027 on “LinkedIn Ads”" (a budget line) */
        text = g_strdup_printf (_("the spend of %s on “%s”"), day, ref_name (plan, item, PL_SPEND_LINE));
    }
  else if (PL_IS_SPEND_RULE (item))
    /* Translators: "the spend rule for “6231”" (an account, a supplier or words of a label) */
    text = g_strdup_printf (_("the spend rule for “%s”"), pl_item_get_string (item, PL_SPEND_RULE_PATTERN) ?: "?");
  else if (PL_IS_ENTRY (item) && name != NULL)
    text = pl_calendar_describe_entry (item);
  else if (PL_IS_OBJECTIVE (item) && pl_item_field_is_set (item, PL_OBJECTIVE_STATEMENT))
    {
      g_autofree char *statement = excerpt (pl_item_get_string (item, PL_OBJECTIVE_STATEMENT));
      text = g_strdup_printf (_("the %s “%s”"), pl_item_get_noun (item), statement);
    }
  else if (PL_IS_PLAY (item) && (pl_item_field_is_set (item, PL_PLAY_CHANNEL) || pl_item_field_is_set (item, PL_PLAY_SEGMENT)))
    text = g_strdup_printf (_("the %s “%s”"), pl_item_get_noun (item),
                            pl_item_field_is_set (item, PL_PLAY_CHANNEL) ? pl_item_get_string (item, PL_PLAY_CHANNEL)
                                                                         : ref_name (plan, item, PL_PLAY_SEGMENT));
  else if (PL_IS_ASSESSMENT (item) && (pl_item_field_is_set (item, PL_ASSESSMENT_ROUND) || pl_item_get_julian (item, PL_ASSESSMENT_DATE) != 0))
    {
      g_autofree char *day = pl_item_field_is_set (item, PL_ASSESSMENT_ROUND)
                             ? g_strdup (pl_item_get_string (item, PL_ASSESSMENT_ROUND))
                             : pl_date_text (pl_item_get_julian (item, PL_ASSESSMENT_DATE), PL_DATE_LONG);
      text = g_strdup_printf (_("the %s “%s”"), pl_item_get_noun (item), day);
    }
  else if (name != NULL)
    text = g_strdup_printf (_("the %s “%s”"), pl_item_get_noun (item), name);
  else
    /* Translators: a record with no name yet, as in "an unnamed campaign" */
    text = g_strdup_printf (_("an unnamed %s"), pl_item_get_noun (item));
  return capitalise (text, capital);
}

char *
pl_rules_describe_month (guint32 julian)
{
  GDate date;
  char text[128];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  /* Translators: a month and its year, as strftime() writes them ("March 2027") */
  g_date_strftime (text, sizeof text, _("%B %Y"), &date);
  return g_strdup (text);
}

char *
pl_rules_describe_path (PlItem **kpis)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; kpis[i] != NULL; i++)
    {
      const char *name = given_name (kpis[i]);

      g_string_append_printf (text, "%s%s", i > 0 ? " → " : "", name ? name : pl_item_get_noun (kpis[i]));
    }
  /* Back to where it started: the reader sees the loop close. */
  if (kpis[0] != NULL)
    g_string_append_printf (text, " → %s", given_name (kpis[0]) ? given_name (kpis[0]) : pl_item_get_noun (kpis[0]));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- the rules ---- */

/* The most a plan holds, as files write money ("1000000000000 EUR"): the same words in a
 * terminal and a window. */
static char *
money_max_text (PlPlan *plan)
{
  guint exponent = pl_plan_get_currency_exponent (plan);
  g_autofree char *plain = pl_money_to_string (pl_money_max (exponent), exponent);
  g_autofree char *grouped = NULL;
  char *point = strchr (plain, '.');

  /* A round trillion: its zero cents say nothing. */
  if (point != NULL)
    *point = '\0';
  grouped = pl_group_digits (plain);
  return g_strdup_printf ("%s %s", grouped, pl_plan_get_currency (plan) ? pl_plan_get_currency (plan) : "");
}

gboolean
pl_rule_required (PlPlan *plan, PlItem *item, guint field, gboolean set, GError **error)
{
  const PlField *f = &pl_item_get_fields (item, NULL)[field];
  const char *label;

  if (set || !(f->flags & PL_FIELD_REQUIRED))
    return TRUE;
  /* Translated only for a message: every field of every record comes here. */
  label = g_dgettext (GETTEXT_PACKAGE, f->label);
  /* The field that names the record: without it there is nothing to call the record by. */
  if (strcmp (f->name, "name") == 0 || strcmp (f->name, "title") == 0 ||
      (PL_IS_OBJECTIVE (item) && field == PL_OBJECTIVE_STATEMENT))
    {
      if (PL_IS_METADATA (item))
        g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("The plan needs a title."));
      else
        /* Translators: "Every campaign needs a name." */
        g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("Every %s needs a %s."), pl_item_get_noun (item), label);
    }
  else
    {
      g_autofree char *what = pl_rules_describe (plan, item, TRUE);
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("%s has no %s."), what, label);
    }
  return FALSE;
}

gboolean
pl_rule_money (PlPlan *plan, PlItem *item, guint field, gint64 amount, GError **error)
{
  const PlField *f = &pl_item_get_fields (item, NULL)[field];

  gint64 largest = pl_money_max (pl_plan_get_currency_exponent (plan));
  /* A credit (a refund, a reversal) is spend with a negative amount (format 1.4). */
  gboolean signed_ok = PL_IS_SPEND (item) && field == PL_SPEND_AMOUNT;

  if (amount > largest || (signed_ok && amount < -largest))
    {
      g_autofree char *what = pl_rules_describe (plan, item, FALSE);
      g_autofree char *max = money_max_text (plan);
      /* Translators: "The amount of the spend of 5 January 2027 on “Ads” is above 1 000 000 000 000 EUR,
       * the most a plan holds." */
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("The %s of %s is above %s, the most a plan holds."),
                   g_dgettext (GETTEXT_PACKAGE, f->label), what, max);
      return FALSE;
    }
  if (amount >= 0 || signed_ok)
    return TRUE;
  {
    g_autofree char *what = pl_rules_describe (plan, item, FALSE);
    /* Translators: "The amount of the allocation from “Ads” to “Launch” cannot be negative." */
    g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("The %s of %s cannot be negative."),
                 g_dgettext (GETTEXT_PACKAGE, f->label), what);
  }
  return FALSE;
}

gboolean
pl_rule_planned (PlPlan *plan, PlItem *line, guint month, gint64 amount, GError **error)
{
  g_autofree char *when = NULL;
  g_autofree char *what = NULL;

  gint64 max = pl_money_max (pl_plan_get_currency_exponent (plan));

  if (amount >= 0 && amount <= max)
    return TRUE;
  when = pl_rules_describe_month (pl_plan_month_start (plan, month));
  what = pl_rules_describe (plan, line, FALSE);
  if (amount > max)
    {
      g_autofree char *most = money_max_text (plan);
      /* Translators: "The amount planned for March 2027 on the budget line “Ads” is above 1 000 000 000 000 EUR,
       * the most a plan holds." */
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("The amount planned for %s on %s is above %s, the most a plan holds."),
                   when, what, most);
      return FALSE;
    }
  /* Translators: "The amount planned for March 2027 on the budget line “Ads” cannot be negative." */
  g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("The amount planned for %s on %s cannot be negative."),
               when, what);
  return FALSE;
}

gboolean
pl_rule_kpi_value (PlKpi *kpi, double value, GError **error)
{
  PlItem *item = PL_ITEM (kpi);
  const char *name;
  gint64 stage, unit;

  g_return_val_if_fail (PL_IS_KPI (kpi), FALSE);
  if (isnan (value))
    return TRUE;
  name = given_name (item) ? given_name (item) : pl_item_get_noun (item);
  stage = pl_item_get_int (item, PL_KPI_STAGE);
  unit = pl_item_get_int (item, PL_KPI_UNIT);
  if (!isfinite (value))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("“%s” needs a finite number."), name);
      return FALSE;
    }
  /* A share: whatever its stage, a percentage is a part of a whole. */
  if (unit == PL_UNIT_PERCENT)
    {
      if (value >= 0 && value <= 1)
        return TRUE;
      if (stage == PL_STAGE_CHURN)
        g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                     _("“%s” is a churn rate: it is between 0%% and 100%% (no more customers can leave than there are)."), name);
      else if (stage == PL_STAGE_MARGIN)
        g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                     _("“%s” is a margin: it is between 0%% and 100%% of revenue."), name);
      else
        g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                     _("“%s” is a percentage: it is between 0%% and 100%%."), name);
      return FALSE;
    }
  if (value >= 0)
    return TRUE;
  switch (stage)
    {
    case PL_STAGE_SPEND:
    case PL_STAGE_REVENUE:
    case PL_STAGE_MRR:
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("“%s” is an amount of money: it cannot be negative."), name);
      return FALSE;
    case PL_STAGE_NONE:
      if (unit == PL_UNIT_DAYS)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                       _("“%s” is a number of days: it cannot be negative."), name);
          return FALSE;
        }
      /* A score or a profit of no stage may be below zero. */
      return TRUE;
    default:
      /* Impressions to customers, and a count of churned customers or of margin. */
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("“%s” is a count: it cannot be negative."), name);
      return FALSE;
    }
}

void
pl_rules_set_loop_error (PlItem **kpis, GError **error)
{
  g_autofree char *text = pl_rules_describe_path (kpis);

  g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
               _("Formula loop: %s. A KPI cannot be computed from itself: these read “not available” "
                 "until one of their formulas changes."), text);
}

gboolean
pl_rule_kpi_formula (PlPlan *plan, PlKpi *kpi, const char *formula, GError **error)
{
  g_autofree PlItem **path = NULL;

  g_return_val_if_fail (PL_IS_PLAN (plan) && PL_IS_KPI (kpi), FALSE);
  if (formula == NULL || *formula == '\0')
    return TRUE;
  path = pl_formula_loop_through (plan, kpi, formula);
  if (path == NULL)
    return TRUE;
  pl_rules_set_loop_error (path, error);
  return FALSE;
}

gboolean
pl_rule_spend_date (PlPlan *plan, PlItem *spend, guint32 julian, GError **error)
{
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (julian == 0 || pl_plan_month_index (plan, julian) >= 0)
    return TRUE;
  day = pl_date_text (julian, PL_DATE_LONG);
  from = pl_date_text (pl_plan_get_start (plan), PL_DATE_LONG);
  to = pl_date_text (pl_plan_get_end (plan) - 1, PL_DATE_LONG);
  g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
               /* Translators: the day spent, the budget line, the first and last days of the period */
               _("The spend of %s on “%s” is outside the fiscal period, which runs from %s to %s."),
               day, ref_name (plan, spend, PL_SPEND_LINE), from, to);
  return FALSE;
}

gboolean
pl_rule_line_allocations (PlPlan *plan, PlItem *line, gint64 planned, gint64 allocated, GError **error)
{
  guint exponent = pl_plan_get_currency_exponent (plan);
  const char *currency = pl_plan_get_currency (plan);
  g_autofree char *what = NULL;
  g_autofree char *p = NULL;
  g_autofree char *a = NULL;

  if (allocated <= planned)
    return TRUE;
  what = pl_rules_describe (plan, line, TRUE);
  /* As files write money, the currency's code after it: the same in a terminal and a window. */
  p = pl_money_to_string (planned, exponent);
  a = pl_money_to_string (allocated, exponent);
  g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
               /* Translators: the line, its planned total and currency, the allocations and currency */
               _("%s plans %s %s in all: its allocations to campaigns cannot add up to %s %s."),
               what, p, currency, a, currency);
  return FALSE;
}

gboolean
pl_rule_scenario_name (PlPlan *plan, PlItem *scenario, const char *name, GError **error)
{
  GListModel *scenarios = pl_plan_get_collection (plan, PL_COLLECTION_SCENARIOS);
  g_autofree char *folded = NULL;

  if (name == NULL || *name == '\0')
    return TRUE;
  folded = g_utf8_casefold (name, -1);
  for (guint i = 0, n = g_list_model_get_n_items (scenarios); i < n; i++)
    {
      g_autoptr(PlItem) other = g_list_model_get_item (scenarios, i);
      const char *other_name = pl_item_get_string (other, PL_SCENARIO_NAME);
      g_autofree char *other_folded = NULL;

      if (other == scenario || other_name == NULL)
        continue;
      other_folded = g_utf8_casefold (other_name, -1);
      if (strcmp (folded, other_folded) == 0)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                       _("Another scenario is already named “%s”: give each scenario its own name."),
                       other_name);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
pl_rule_scenario_window (PlPlan *plan, PlItem *scenario, gint64 months, GError **error)
{
  g_autofree char *what = NULL;

  if (months >= 1 && months <= PL_RULE_MAX_WINDOW)
    return TRUE;
  what = pl_rules_describe (plan, scenario, TRUE);
  g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
               /* Translators: the scenario, its window in months, the most it can be */
               _("%s has a history window of %d months; it must be 1 to %d months."),
               what, (int) CLAMP (months, G_MININT, G_MAXINT), PL_RULE_MAX_WINDOW);
  return FALSE;
}

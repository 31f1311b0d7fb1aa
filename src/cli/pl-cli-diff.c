/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pilote-cli"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pl-cli-command.h"
#include "pl-cli-diff.h"
#include "pl-cli-output.h"
#include "pl-enums.h"
#include "pl-field-format.h"
#include "pl-money.h"
#include "pl-plan-diff.h"
#include "pl-plan-file.h"

/* As diff(1): the same, different, trouble. */
enum { DIFF_SAME = 0, DIFF_DIFFERENT = 1, DIFF_TROUBLE = 2 };

/* What git names a side of a change that does not exist (a file added or deleted). */
#define NO_FILE "/dev/null"

/* The narrowest column of amounts in the budget table ("-350 000.00" with room to spare);
 * wider amounts widen every column, so that two never touch. */
#define AMOUNT_WIDTH 13

static const char *kind_keys[] = { "added", "removed", "changed" };

/* ---- text ---- */

static char *
money_text (PlPlan *plan, gint64 amount, gboolean sign)
{
  g_autofree char *plain = NULL, *shown = NULL;

  /* A sum too large to hold: not a wrapped number. */
  if (amount == PL_MONEY_OVERFLOW)
    return g_strdup (_("n/a"));
  plain = pl_money_to_string (amount, pl_plan_get_currency_exponent (plan));
  shown = pl_number_localise (plain, TRUE);
  return sign && amount > 0 ? g_strconcat ("+", shown, NULL) : g_steal_pointer (&shown);
}

/* Appends the before, after and difference cells of a row, each @width wide, to @out (NULL:
 * only measures); returns the widest of the three texts. */
static int
budget_cells (GString *out, PlPlan *plan, gint64 before, gint64 after, int width)
{
  g_autofree char *old_text = money_text (plan, before, FALSE);
  g_autofree char *new_text = money_text (plan, after, FALSE);
  g_autofree char *difference = money_text (plan, pl_money_difference (after, before), TRUE);
  const char *texts[] = { old_text, new_text, difference };
  int widest = 0;

  if (out != NULL)
    g_string_append (out, "  ");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      widest = MAX (widest, (int) g_utf8_strlen (texts[i], -1));
      if (out != NULL)
        pl_cli_cell (out, texts[i], width, TRUE);
    }
  return widest;
}

/* Ends a line of a table: the padding's trailing spaces are of no use there. */
static void
end_line (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

/* @title centred over the three columns of a group. */
static void
group_heading (GString *out, const char *title, int amount_width)
{
  int width = 3 * amount_width, length = (int) g_utf8_strlen (title, -1);
  int before = MAX (0, (width - length) / 2);

  g_string_append_printf (out, "  %*s", before, "");
  pl_cli_cell (out, title, width - before, FALSE);
}

/* @text cut to @width characters, "…" saying so: a longer name would push its row's amounts out
 * of their columns. */
static char *
clip (const char *text, int width)
{
  g_autofree char *start = NULL;

  if ((int) g_utf8_strlen (text, -1) <= width)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, width - 1);
  return g_strconcat (start, "…", NULL);
}

static void
print_budget (GString *out, const PlPlanDiff *diff)
{
  PlPlan *plan = diff->new_plan;
  int width = 20, amount_width = AMOUNT_WIDTH;

  if (diff->budget->len == 0)
    return;
  for (guint i = 0; i < diff->budget->len; i++)
    {
      const PlBudgetChange *change = g_ptr_array_index (diff->budget, i);

      width = MAX (width, (int) g_utf8_strlen (change->name, -1));
      amount_width = MAX (amount_width, 2 + budget_cells (NULL, plan, change->old_planned, change->new_planned, 0));
      amount_width = MAX (amount_width, 2 + budget_cells (NULL, plan, change->old_actual, change->new_actual, 0));
    }
  width = MIN (width, 36);

  /* Translators: the heading of a comparison's budget table; %s is the plan's currency ("EUR") */
  g_string_append_printf (out, _("Budget by category (%s)"), pl_plan_get_currency (plan));
  g_string_append (out, "\n  ");
  pl_cli_cell (out, "", width, FALSE);
  /* Translators: a column group of the comparison's budget table: planned amounts */
  group_heading (out, _("Planned"), amount_width);
  /* Translators: a column group of the comparison's budget table: actual spend */
  group_heading (out, _("Actual"), amount_width);
  end_line (out);
  g_string_append (out, "  ");
  pl_cli_cell (out, "", width, FALSE);
  for (int group = 0; group < 2; group++)
    {
      g_string_append (out, "  ");
      /* Translators: the columns of the comparison's budget table: the old value, the new, the change */
      pl_cli_cell (out, _("before"), amount_width, TRUE);
      pl_cli_cell (out, _("after"), amount_width, TRUE);
      pl_cli_cell (out, _("difference"), amount_width, TRUE);
    }
  end_line (out);
  for (guint i = 0; i < diff->budget->len; i++)
    {
      const PlBudgetChange *change = g_ptr_array_index (diff->budget, i);

      g_autofree char *name = clip (change->name, width);

      g_string_append (out, "  ");
      pl_cli_cell (out, name, width, FALSE);
      budget_cells (out, plan, change->old_planned, change->new_planned, amount_width);
      budget_cells (out, plan, change->old_actual, change->new_actual, amount_width);
      end_line (out);
    }
  g_string_append_c (out, '\n');
}

static void
print_text (GString *out, const PlPlanDiff *diff, const char *old_name, const char *new_name)
{
  int page = -1;
  g_autofree char *summary = pl_plan_diff_summary (diff);

  /* git's driver compares two versions of one path: the path says it. */
  if (strcmp (old_name, new_name) == 0)
    g_string_append (out, old_name);
  else
    /* Translators: the first line of a comparison: the old file, then the new */
    g_string_append_printf (out, _("%s → %s"), old_name, new_name);
  g_string_append (out, "\n\n");
  for (guint i = 0; i < diff->records->len; i++)
    {
      const PlRecordChange *change = g_ptr_array_index (diff->records, i);
      g_autofree char *heading = NULL;

      if ((int) change->page != page)
        {
          if (page >= 0)
            g_string_append_c (out, '\n');
          page = change->page;
          g_string_append_printf (out, "%s\n", pl_diff_page_get_title (change->page));
        }
      if (change->kind != PL_DIFF_CHANGED)
        {
          g_autofree char *line = pl_record_change_describe (change);

          g_string_append_printf (out, "  %s\n", line);
          continue;
        }
      heading = pl_record_change_heading (change);
      g_string_append_printf (out, "  %s\n", heading);
      for (guint f = 0; f < change->fields->len; f++)
        {
          g_autofree char *line = pl_field_change_describe (g_ptr_array_index (change->fields, f));

          g_string_append_printf (out, "      %s\n", line);
        }
    }
  if (page >= 0)
    g_string_append_c (out, '\n');
  print_budget (out, diff);
  g_string_append_printf (out, "%s\n", summary);
}

/* ---- JSON ---- */

/* ", "@key": @text" within an object. */
static void
json_member (GString *out, const char *key, const char *text)
{
  g_string_append_printf (out, ", \"%s\": ", key);
  pl_cli_json_string (out, text);
}

/* @amount in major units, as a JSON number; null when it does not fit. */
static void
json_money (GString *out, PlPlan *plan, gint64 amount)
{
  if (amount == PL_MONEY_OVERFLOW)
    g_string_append (out, "null");
  else
    pl_cli_json_number (out, (double) amount / pow (10, pl_plan_get_currency_exponent (plan)));
}

/* The value of a field as stored, for scripts: a reference's ID, an option's XML name, a
 * number, a day as YYYY-MM-DD, planned amounts as their total; NULL when the texts say it all. */
static gboolean
json_raw (GString *out, PlPlan *plan, PlItem *item, const PlFieldChange *change)
{
  const PlField *f;

  if (item == NULL)
    {
      g_string_append (out, "null");
      return TRUE;
    }
  if (change->field == PL_DIFF_FIELD_TARGETS)
    {
      const PlPoint *point = PL_IS_KPI (item) ? pl_series_lookup (pl_kpi_get_targets (PL_KPI (item)), change->period) : NULL;

      pl_cli_json_number (out, point != NULL ? point->value : NAN);
      return TRUE;
    }
  if (change->field < 0)
    return FALSE;
  f = &pl_item_get_fields (item, NULL)[change->field];
  switch (f->type)
    {
    case PL_FIELD_REF:
      pl_cli_json_string (out, pl_item_get_string (item, change->field));
      return TRUE;
    case PL_FIELD_ENUM:
      pl_cli_json_string (out, pl_enum_to_nick (f->enum_type (), (int) pl_item_get_int (item, change->field)));
      return TRUE;
    case PL_FIELD_BOOL:
      g_string_append (out, pl_item_get_int (item, change->field) ? "true" : "false");
      return TRUE;
    case PL_FIELD_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, pl_item_get_int (item, change->field));
      return TRUE;
    case PL_FIELD_DOUBLE:
      pl_cli_json_number (out, pl_item_get_double (item, change->field));
      return TRUE;
    case PL_FIELD_MONEY:
      json_money (out, plan, pl_item_get_int (item, change->field));
      return TRUE;
    case PL_FIELD_AMOUNTS:
      json_money (out, plan, pl_field_amounts_total (pl_item_get_variant (item, change->field)));
      return TRUE;
    case PL_FIELD_DATE:
    case PL_FIELD_MONTH:
      if (pl_item_get_julian (item, change->field) == 0)
        g_string_append (out, "null");
      else
        pl_cli_json_day (out, pl_item_get_julian (item, change->field));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
json_field (GString *out, const PlPlanDiff *diff, const PlRecordChange *record, const PlFieldChange *change)
{
  g_autofree char *text = pl_field_change_describe (change);
  gsize mark;

  g_string_append (out, "{\"field\": ");
  pl_cli_json_string (out, change->name);
  json_member (out, "label", change->label);
  json_member (out, "old", change->old_text);
  json_member (out, "new", change->new_text);
  if (change->field == PL_DIFF_FIELD_TARGETS)
    {
      g_string_append (out, ", \"period\": ");
      pl_cli_json_day (out, change->period);
    }
  if (change->field == PL_DIFF_FIELD_POSITION)
    g_string_append_printf (out, ", \"old_value\": %s, \"new_value\": %s", change->old_text, change->new_text);
  mark = out->len;
  g_string_append (out, ", \"old_value\": ");
  if (!json_raw (out, diff->old_plan, record->old_item, change))
    g_string_truncate (out, mark);
  else
    {
      mark = out->len;
      g_string_append (out, ", \"new_value\": ");
      if (!json_raw (out, diff->new_plan, record->new_item, change))
        g_string_truncate (out, mark);
    }
  json_member (out, "text", text);
  g_string_append_c (out, '}');
}

static void
json_record (GString *out, const PlPlanDiff *diff, const PlRecordChange *change)
{
  g_autofree char *text = pl_record_change_describe (change);

  g_string_append (out, "    {\"kind\": ");
  pl_cli_json_string (out, kind_keys[change->kind]);
  json_member (out, "page", pl_diff_page_get_key (change->page));
  json_member (out, "page_title", pl_diff_page_get_title (change->page));
  json_member (out, "collection", change->collection == PL_COLLECTION_NONE ? NULL : pl_collection_get_container (change->collection));
  json_member (out, "element", change->collection == PL_COLLECTION_NONE ? "metadata" : pl_collection_get_element (change->collection));
  json_member (out, "id", change->id);
  json_member (out, "name", change->name);
  json_member (out, "noun", change->noun);
  json_member (out, "text", text);
  g_string_append (out, ", \"fields\": [");
  for (guint i = 0; i < change->fields->len; i++)
    {
      g_string_append (out, i > 0 ? ",\n      " : "\n      ");
      json_field (out, diff, change, g_ptr_array_index (change->fields, i));
    }
  g_string_append (out, change->fields->len > 0 ? "\n    ]}" : "]}");
}

static void
json_amounts (GString *out, PlPlan *plan, const char *key, gint64 before, gint64 after)
{
  g_string_append_printf (out, ", \"%s\": {\"old\": ", key);
  json_money (out, plan, before);
  g_string_append (out, ", \"new\": ");
  json_money (out, plan, after);
  g_string_append (out, ", \"difference\": ");
  json_money (out, plan, pl_money_difference (after, before));
  g_string_append_c (out, '}');
}

static void
print_json (GString *out, const PlPlanDiff *diff, const char *old_name, const char *new_name)
{
  g_autofree char *summary = pl_plan_diff_summary (diff);

  g_string_append (out, "{\n  \"old\": ");
  pl_cli_json_string (out, old_name);
  g_string_append (out, ",\n  \"new\": ");
  pl_cli_json_string (out, new_name);
  g_string_append_printf (out, ",\n  \"same\": %s", pl_plan_diff_is_empty (diff) ? "true" : "false");
  g_string_append_printf (out, ",\n  \"added\": %u,\n  \"removed\": %u,\n  \"changed\": %u",
                          diff->n_added, diff->n_removed, diff->n_changed);
  g_string_append (out, ",\n  \"summary\": ");
  pl_cli_json_string (out, summary);
  g_string_append (out, ",\n  \"currency\": ");
  pl_cli_json_string (out, pl_plan_get_currency (diff->new_plan));
  g_string_append (out, ",\n  \"changes\": [");
  for (guint i = 0; i < diff->records->len; i++)
    {
      g_string_append (out, i > 0 ? ",\n" : "\n");
      json_record (out, diff, g_ptr_array_index (diff->records, i));
    }
  g_string_append (out, diff->records->len > 0 ? "\n  ],\n  \"budget\": [" : "],\n  \"budget\": [");
  for (guint i = 0; i < diff->budget->len; i++)
    {
      const PlBudgetChange *change = g_ptr_array_index (diff->budget, i);

      g_string_append (out, i > 0 ? ",\n    {\"category\": " : "\n    {\"category\": ");
      pl_cli_json_string (out, change->category_id);
      json_member (out, "name", change->name);
      json_amounts (out, diff->new_plan, "planned", change->old_planned, change->new_planned);
      json_amounts (out, diff->new_plan, "actual", change->old_actual, change->new_actual);
      g_string_append_c (out, '}');
    }
  g_string_append (out, diff->budget->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
}

/* ---- the command ---- */

/* Reads the plans named @old_name and @new_name side by side; a side named NO_FILE is a plan
 * with nothing in it. */
static gboolean
load_plans (const char *old_name, const char *new_name, PlPlan **old_plan, PlPlan **new_plan, GError **error)
{
  const char *names[2] = { old_name, new_name };
  PlPlan **plans[2] = { old_plan, new_plan };
  GFile *files[2];
  guint n = 0;
  g_autoptr(GPtrArray) loaded = NULL;

  for (guint i = 0; i < 2; i++)
    if (strcmp (names[i], NO_FILE) != 0)
      files[n++] = g_file_new_for_commandline_arg (names[i]);
  loaded = n > 0 ? pl_plan_load_several (files, n, PL_READ_DEFAULT, error) : g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    g_object_unref (files[i]);
  if (loaded == NULL)
    return FALSE;
  for (guint i = 0, next = 0; i < 2; i++)
    *plans[i] = strcmp (names[i], NO_FILE) != 0 ? g_object_ref (g_ptr_array_index (loaded, next++)) : pl_plan_new ();
  return TRUE;
}

int
pl_cli_diff (int argc, char **argv)
{
  gboolean json = FALSE, exit_zero = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the differences as JSON, for scripts"), NULL },
    { "exit-zero", 0, 0, G_OPTION_ARG_NONE, &exit_zero,
      N_("Exit with 0 when the plans differ too (git wants it of a diff driver)"), NULL },
    { NULL }
  };
  g_autoptr(PlPlan) old_plan = NULL;
  g_autoptr(PlPlan) new_plan = NULL;
  g_autoptr(PlPlanDiff) diff = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *old_name, *new_name, *old_shown, *new_shown;
  int status = DIFF_TROUBLE;

  /* A wrong command line is trouble too: pl_cli_parse()'s EXIT_USAGE is diff's 2. */
  G_STATIC_ASSERT ((int) EXIT_USAGE == (int) DIFF_TROUBLE);
  if (!pl_cli_parse ("diff", _("OLD NEW"),
                     _("Lists what changed from the plan OLD to the plan NEW, grouped as the window’s pages are: records "
                       "added and removed, fields changed with their old and new values, targets, and the budget by category "
                       "before and after. Records are matched by their IDs, so a renamed campaign is one change.\n"
                       "Exit status as diff’s: 0 the plans are the same, 1 they differ, 2 trouble (a file that cannot be "
                       "read or is not a plan).\n"
                       "As git’s diff driver (git config diff.pilote.command \"pilote-cli diff --exit-zero\") it takes git’s "
                       "seven arguments: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE."),
                     entries, &argc, &argv, &status))
    return status;
  if (argc == 3)
    {
      old_name = old_shown = argv[1];
      new_name = new_shown = argv[2];
    }
  else if (argc == 8 || argc == 10)
    {
      /* git's external diff: the files are temporary copies; PATH is what the user knows. A
       * renamed file has two more: its new path and what git says of the rename. */
      old_name = argv[2];
      new_name = argv[5];
      old_shown = strcmp (old_name, NO_FILE) == 0 ? NO_FILE : argv[1];
      new_shown = strcmp (new_name, NO_FILE) == 0 ? NO_FILE : argv[argc == 10 ? 8 : 1];
    }
  else
    return pl_cli_usage_error ("diff", _("Name two plan files: the old one, then the new one."));

  if (!load_plans (old_name, new_name, &old_plan, &new_plan, &error))
    {
      /* git stops its whole diff or log at a driver that fails: a version of the file that is
       * not a plan (a commit of a broken file) says why in its place, and git goes on. */
      if (argc != 3 && exit_zero)
        {
          g_print ("%s\n\n%s\n\n", argv[1], error->message);
          return DIFF_SAME;
        }
      g_printerr ("%s\n", error->message);
      return DIFF_TROUBLE;
    }
  diff = pl_plan_diff (old_plan, new_plan);
  if (json)
    print_json (out, diff, old_shown, new_shown);
  else
    print_text (out, diff, old_shown, new_shown);
  fwrite (out->str, 1, out->len, stdout);
  if (fflush (stdout) != 0)
    return DIFF_TROUBLE;
  return pl_plan_diff_is_empty (diff) || exit_zero ? DIFF_SAME : DIFF_DIFFERENT;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-plan-diff"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-budget-totals.h"
#include "pl-date-text.h"
#include "pl-field-format.h"
#include "pl-kpi-value.h"
#include "pl-money.h"
#include "pl-plan-diff.h"

/* The records of one collection of each plan, side by side, matched by ID. */
typedef struct {
  PlItem **old_items;
  guint    n_old;
  PlItem **new_items;
  guint    n_new;
  guint   *old_to_new;   /* per old record: its index in the new list + 1, 0 when removed */
  guint   *new_to_old;   /* per new record: its index in the old list + 1, 0 when added */
  gboolean *moved;       /* per new record: it changed place among the records both hold */
} Matching;

static void
field_change_free (gpointer data)
{
  PlFieldChange *change = data;

  g_free (change->label);
  g_free (change->old_text);
  g_free (change->new_text);
  g_free (change);
}

static void
record_change_free (gpointer data)
{
  PlRecordChange *change = data;

  g_free (change->id);
  g_free (change->name);
  g_free (change->noun);
  g_free (change->heading);
  g_clear_object (&change->old_item);
  g_clear_object (&change->new_item);
  g_ptr_array_unref (change->fields);
  g_free (change);
}

static void
budget_change_free (gpointer data)
{
  PlBudgetChange *change = data;

  g_free (change->category_id);
  g_free (change->name);
  g_free (change);
}

void
pl_plan_diff_free (PlPlanDiff *diff)
{
  if (diff == NULL)
    return;
  g_clear_object (&diff->old_plan);
  g_clear_object (&diff->new_plan);
  g_ptr_array_unref (diff->records);
  g_ptr_array_unref (diff->budget);
  g_free (diff);
}

gboolean
pl_plan_diff_is_empty (const PlPlanDiff *diff)
{
  return diff->records->len == 0 && diff->budget->len == 0;
}

const char *
pl_diff_page_get_key (PlDiffPage page)
{
  /* As the window's page stack names its pages. */
  static const char *keys[PL_DIFF_N_PAGES] = {
    "plan", "campaigns", "budget", "calendar", "kpis", "assessment", "planning",
  };

  g_return_val_if_fail (page >= 0 && page < PL_DIFF_N_PAGES, "");
  return keys[page];
}

const char *
pl_diff_page_get_title (PlDiffPage page)
{
  /* As the window's sidebar names its pages. */
  static const char *titles[PL_DIFF_N_PAGES] = {
    N_("Plan"), N_("Campaigns"), N_("Budget"), N_("Calendar"), N_("KPIs"), N_("Maturity"), N_("Planning"),
  };

  g_return_val_if_fail (page >= 0 && page < PL_DIFF_N_PAGES, "");
  return _(titles[page]);
}

PlDiffPage
pl_diff_page_for_collection (PlCollection collection)
{
  switch (collection)
    {
    case PL_COLLECTION_CAMPAIGNS:
    case PL_COLLECTION_CAMPAIGN_KPIS:
      return PL_DIFF_PAGE_CAMPAIGNS;
    case PL_COLLECTION_CATEGORIES:
    case PL_COLLECTION_LINES:
    case PL_COLLECTION_ALLOCATIONS:
    case PL_COLLECTION_SPEND:
      return PL_DIFF_PAGE_BUDGET;
    case PL_COLLECTION_CALENDAR:
      return PL_DIFF_PAGE_CALENDAR;
    case PL_COLLECTION_KPIS:
    case PL_COLLECTION_KPI_LINKS:
      return PL_DIFF_PAGE_KPIS;
    case PL_COLLECTION_ASSESSMENTS:
      return PL_DIFF_PAGE_ASSESSMENT;
    case PL_COLLECTION_SCENARIOS:
      return PL_DIFF_PAGE_PLANNING;
    default:
      return PL_DIFF_PAGE_PLAN;
    }
}

/* ---- values ---- */

/* The months whose planned amounts differ, each with its amount on one side: what shows a
 * move between months that keeps the total. */
static char *
amounts_detail (PlPlan *plan, GVariant *mine, GVariant *other)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize n_mine = 0, n_other = 0;
  const gint64 *a = mine != NULL ? g_variant_get_fixed_array (mine, &n_mine, sizeof (gint64)) : NULL;
  const gint64 *b = other != NULL ? g_variant_get_fixed_array (other, &n_other, sizeof (gint64)) : NULL;

  for (gsize i = 0; i < MAX (n_mine, n_other); i++)
    {
      gint64 value = i < n_mine ? a[i] : 0;
      g_autofree char *month = NULL, *plain = NULL, *amount = NULL;

      if (value == (i < n_other ? b[i] : 0))
        continue;
      month = pl_date_format (pl_plan_month_start (plan, (guint) i), C_("month", "%B %Y"));
      plain = pl_money_to_string (value, pl_plan_get_currency_exponent (plan));
      amount = pl_number_localise (plain, TRUE);
      g_string_append_printf (out, "%s%s %s", out->len > 0 ? pl_field_list_separator () : "", month, amount);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The answers of an assessment that differ, each with its score on one side ("q-data-quality 3;
 * q-ops-metrics —"): thirty pairs of which two changed say nothing read whole. Both are sorted
 * by question ID ("a(sy)"). */
static char *
answers_detail (GVariant *mine, GVariant *other)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize n_mine = mine != NULL ? g_variant_n_children (mine) : 0;
  gsize n_other = other != NULL ? g_variant_n_children (other) : 0;

  for (gsize i = 0, j = 0; i < n_mine || j < n_other;)
    {
      const char *id = NULL, *other_id = NULL;
      guchar score = 0, other_score = 0;
      int order;

      if (i < n_mine)
        g_variant_get_child (mine, i, "(&sy)", &id, &score);
      if (j < n_other)
        g_variant_get_child (other, j, "(&sy)", &other_id, &other_score);
      order = id == NULL ? 1 : other_id == NULL ? -1 : strcmp (id, other_id);
      if (order == 0 && score == other_score)
        {
          i++, j++;
          continue;
        }
      if (out->len > 0)
        g_string_append (out, pl_field_list_separator ());
      if (order > 0)
        g_string_append_printf (out, "%s —", other_id), j++;
      else
        g_string_append_printf (out, "%s %u", id, (guint) score), i++, j += order == 0;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* TRUE when the months of two planned amounts that differ are worth naming beside the totals:
 * a few of them, among months that kept their amount (else the total alone says it all). */
static gboolean
months_worth_naming (GVariant *a, GVariant *b)
{
  gsize n_a = 0, n_b = 0;
  const gint64 *x = a != NULL ? g_variant_get_fixed_array (a, &n_a, sizeof (gint64)) : NULL;
  const gint64 *y = b != NULL ? g_variant_get_fixed_array (b, &n_b, sizeof (gint64)) : NULL;
  guint differing = 0, kept = 0;

  for (gsize i = 0; i < MAX (n_a, n_b); i++)
    {
      gint64 before = i < n_a ? x[i] : 0, after = i < n_b ? y[i] : 0;

      differing += before != after;
      kept += before == after && before != 0;
    }
  return differing <= 3 && kept > 0;
}

/* The texts of a field that differs though it reads the same (a total kept, a number below
 * what its unit shows, two records of one name): the value as stored, so the change shows. */
static char *
stored_text (PlPlan *plan, PlItem *item, PlItem *other, guint field, PlFieldType type)
{
  switch (type)
    {
    case PL_FIELD_AMOUNTS:
      return amounts_detail (plan, pl_item_get_variant (item, field), pl_item_get_variant (other, field));
    case PL_FIELD_DOUBLE:
      return isnan (pl_item_get_double (item, field)) ? g_strdup ("")
                                                      : g_strdup_printf ("%.15g", pl_item_get_double (item, field));
    case PL_FIELD_ANSWERS:
      return answers_detail (pl_item_get_variant (item, field), pl_item_get_variant (other, field));
    case PL_FIELD_ASSUMPTIONS:
    case PL_FIELD_SECTION_TEXTS:
    case PL_FIELD_BYTES:
      return pl_item_get_variant (item, field) != NULL ? g_variant_print (pl_item_get_variant (item, field), FALSE)
                                                       : g_strdup ("");
    default:
      return pl_field_format (plan, item, field);
    }
}

static PlFieldChange *
field_change_new (int field, const char *name, char *label, char *old_text, char *new_text)
{
  PlFieldChange *change = g_new0 (PlFieldChange, 1);

  change->field = field;
  change->name = name;
  change->label = label;
  change->old_text = old_text != NULL ? old_text : g_strdup ("");
  change->new_text = new_text != NULL ? new_text : g_strdup ("");
  return change;
}

static PlFieldChange *
field_change_for (PlPlan *old_plan, PlItem *old_item, PlPlan *new_plan, PlItem *new_item, guint field)
{
  const PlField *f = &pl_item_get_fields (new_item, NULL)[field];
  char *old_text = pl_field_format_reading (old_plan, old_item, field);
  char *new_text = pl_field_format_reading (new_plan, new_item, field);

  if (strcmp (old_text, new_text) == 0)
    {
      g_free (old_text);
      g_free (new_text);
      old_text = stored_text (old_plan, old_item, new_item, field, f->type);
      new_text = stored_text (new_plan, new_item, old_item, field, f->type);
    }
  else if (f->type == PL_FIELD_AMOUNTS &&
           months_worth_naming (pl_item_get_variant (old_item, field), pl_item_get_variant (new_item, field)))
    {
      /* The total says how much, the months where: "210,000.00 (March 2027 19,000.00)". A
       * spread over the whole year reads better as its total alone. */
      g_autofree char *old_months = stored_text (old_plan, old_item, new_item, field, f->type);
      g_autofree char *new_months = stored_text (new_plan, new_item, old_item, field, f->type);

      g_autofree char *old_total = old_text, *new_total = new_text;

      old_text = g_strdup_printf ("%s (%s)", old_total, old_months);
      new_text = g_strdup_printf ("%s (%s)", new_total, new_months);
    }
  return field_change_new ((int) field, f->name, pl_field_get_title (f), old_text, new_text);
}

/* ---- unknown elements ---- */

/* Appends to @fields a change of the unknown elements @a and @b when they differ; @where names
 * their element for the label when they are not a record's (the root, a container). */
static void
diff_extras (GPtrArray *fields, const PlExtras *a, const PlExtras *b, const char *where)
{
  char *label;

  if (pl_extras_equal (a, b))
    return;
  /* Translators: %s is an XML element's name in angle brackets ("<campaigns>") */
  label = where != NULL ? g_strdup_printf (_("Unknown elements in %s"), where)
                        : g_strdup (_("Unknown elements"));
  g_ptr_array_add (fields, field_change_new (PL_DIFF_FIELD_EXTRAS, "extras", label, pl_extras_to_text (a), pl_extras_to_text (b)));
}

/* ---- KPI series ---- */

static gboolean
point_equal (const PlPoint *a, const PlPoint *b)
{
  return (a->value == b->value || (isnan (a->value) && isnan (b->value))) && a->source == b->source;
}

/* One change per period whose target was added, removed or changed. */
static void
diff_targets (GPtrArray *fields, PlKpi *old_kpi, PlKpi *new_kpi)
{
  const PlSeries *a = pl_kpi_get_targets (old_kpi), *b = pl_kpi_get_targets (new_kpi);
  guint n_a = pl_series_get_n (a), n_b = pl_series_get_n (b);

  for (guint i = 0, j = 0; i < n_a || j < n_b;)
    {
      const PlPoint *p = i < n_a ? pl_series_get (a, i) : NULL;
      const PlPoint *q = j < n_b ? pl_series_get (b, j) : NULL;
      guint32 period;
      g_autofree char *when = NULL;
      PlFieldChange *change;

      if (q == NULL || (p != NULL && p->julian < q->julian))
        q = NULL, i++;
      else if (p == NULL || q->julian < p->julian)
        p = NULL, j++;
      else
        {
          i++, j++;
          if (p->value == q->value || (isnan (p->value) && isnan (q->value)))
            continue;
        }
      period = p != NULL ? p->julian : q->julian;
      when = pl_field_format_period (PL_ITEM (new_kpi), period);
      change = field_change_new (PL_DIFF_FIELD_TARGETS, "targets",
                                 /* Translators: %s is a KPI's period ("March 2027", "week of 4 Jan 2027") */
                                 g_strdup_printf (_("Target for %s"), when),
                                 p != NULL ? pl_kpi_value_format (old_kpi, p->value) : NULL,
                                 q != NULL ? pl_kpi_value_format (new_kpi, q->value) : NULL);
      /* Values that differ below what the unit shows say by how much, not "450 → 450". */
      if (p != NULL && q != NULL && strcmp (change->old_text, change->new_text) == 0)
        {
          g_free (change->old_text);
          g_free (change->new_text);
          change->old_text = g_strdup_printf ("%.15g", p->value);
          change->new_text = g_strdup_printf ("%.15g", q->value);
        }
      change->period = period;
      g_ptr_array_add (fields, change);
    }
}

/* How many points a summed-up series holds: a KPI's measurements as values, a campaign's
 * results as the months they cover (one point a month). */
static char *
count_points (PlSeriesKind kind, guint n)
{
  if (kind == PL_SERIES_RESULTS)
    /* Translators: how many months of results a campaign holds on one KPI */
    return g_strdup_printf (ngettext ("%u month", "%u months", n), n);
  /* Translators: how many measurements a KPI holds */
  return g_strdup_printf (ngettext ("%u value", "%u values", n), n);
}

/* "3 added, 1 removed, 7 changed": of records, or of a KPI's measurements. */
static char *
counts_text (guint added, guint removed, guint changed)
{
  /* Translators: a count of records or measurements a comparison found added, in "3 added,
   * 1 removed, 7 changed" (a noun in French reads for both: "3 ajouts") */
  g_autofree char *added_text = g_strdup_printf (ngettext ("%u added", "%u added", added), added);
  /* Translators: a count of records or measurements a comparison found removed */
  g_autofree char *removed_text = g_strdup_printf (ngettext ("%u removed", "%u removed", removed), removed);

  /* Translators: the counts a comparison found: the added and the removed (two texts), then
   * the number changed, as in "3 added, 1 removed, 7 changed" */
  return g_strdup_printf (ngettext ("%s, %s, %u changed", "%s, %s, %u changed", changed), added_text, removed_text,
                          changed);
}

/* One change summing up the points added, removed and changed of a KPI's measurements or a
 * campaign's results on a KPI, in one pass: a year of them read one by one says nothing. */
static void
diff_series_summary (GPtrArray *fields, PlItem *old_item, PlItem *new_item, PlSeriesKind kind)
{
  const PlSeries *a = pl_item_get_series (old_item, kind), *b = pl_item_get_series (new_item, kind);
  guint n_a = pl_series_get_n (a), n_b = pl_series_get_n (b);
  guint added = 0, removed = 0, changed = 0;
  gboolean results = kind == PL_SERIES_RESULTS;
  g_autofree char *parts = NULL;
  g_autofree char *total = NULL;

  for (guint i = 0, j = 0; i < n_a || j < n_b;)
    {
      const PlPoint *p = i < n_a ? pl_series_get (a, i) : NULL;
      const PlPoint *q = j < n_b ? pl_series_get (b, j) : NULL;

      if (q == NULL || (p != NULL && p->julian < q->julian))
        removed++, i++;
      else if (p == NULL || q->julian < p->julian)
        added++, j++;
      else
        changed += !point_equal (p, q), i++, j++;
    }
  if (added + removed + changed == 0)
    return;

  parts = counts_text (added, removed, changed);
  total = count_points (kind, n_b);
  g_ptr_array_add (fields, field_change_new (results ? PL_DIFF_FIELD_RESULTS : PL_DIFF_FIELD_MEASUREMENTS,
                                             results ? "results" : "measurements",
                                             /* Translators: what a campaign brought to a KPI, by month, in a comparison */
                                             g_strdup (results ? _("Results") : _("Measurements")),
                                             count_points (kind, n_a),
                                             /* Translators: a KPI's measurements now, then what changed
                                              * ("26 values (2 added, 0 removed, 1 changed)") */
                                             g_strdup_printf (_("%s (%s)"), total, parts)));
}

/* ---- records ---- */

/* What the user calls a record without a name or a title: its statement or pattern (its first
 * required text), else the records it joins ("Search ads → Spring webinar") and its day, as the
 * window's lists show them. */
static char *
record_name (PlPlan *plan, PlItem *item)
{
  PlItemClass *klass = PL_ITEM_GET_CLASS (item);
  guint n_fields;
  const PlField *f = pl_item_get_fields (item, &n_fields);
  g_autoptr(GString) out = NULL;
  int date = -1;

  if (pl_item_class_find_field (klass, "name") >= 0 || pl_item_class_find_field (klass, "title") >= 0)
    return g_strdup (pl_item_get_display_name (item));
  for (guint k = 0; k < n_fields; k++)
    if ((f[k].type == PL_FIELD_STRING || f[k].type == PL_FIELD_TEXT) && (f[k].flags & PL_FIELD_REQUIRED) &&
        pl_item_get_string (item, k) != NULL && *pl_item_get_string (item, k) != '\0')
      {
        const char *text = pl_item_get_string (item, k);
        g_autofree char *start = NULL;

        /* A statement can be a paragraph: its start says which it is. */
        if (g_utf8_strlen (text, -1) <= 60)
          return g_strdup (text);
        start = g_utf8_substring (text, 0, 59);
        return g_strconcat (start, "…", NULL);
      }
  out = g_string_new (NULL);
  for (guint k = 0; k < n_fields; k++)
    if (f[k].type == PL_FIELD_REF && pl_item_field_is_set (item, k))
      {
        g_autofree char *text = pl_field_format_reading (plan, item, k);

        g_string_append_printf (out, "%s%s", out->len > 0 ? " → " : "", text);
      }
    else if (f[k].type == PL_FIELD_DATE && date < 0 && pl_item_field_is_set (item, k))
      date = (int) k;
  if (date >= 0)
    {
      g_autofree char *text = pl_field_format_reading (plan, item, (guint) date);

      g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", text);
    }
  if (out->len == 0)
    g_string_append (out, pl_item_get_id (item));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The record in words: its kind and name; a campaign's link to a KPI by the campaign, then
 * the KPI, as a CMO says it ("Campaign “Spring webinar” → Leads"). */
static char *
record_heading (const PlRecordChange *change, PlPlan *plan, PlItem *item)
{
  g_autofree char *noun = pl_capitalise (change->noun);

  if (change->collection == PL_COLLECTION_NONE)
    return g_steal_pointer (&noun);
  if (PL_IS_CAMPAIGN_KPI (item))
    {
      g_autofree char *campaign = pl_field_format_reading (plan, item, PL_CAMPAIGN_KPI_CAMPAIGN);
      g_autofree char *kpi = pl_field_format_reading (plan, item, PL_CAMPAIGN_KPI_KPI);

      /* Translators: a campaign's link to a KPI in a comparison: the campaign's name, the KPI's */
      return g_strdup_printf (_("Campaign “%s” → %s"), campaign, kpi);
    }
  /* Translators: a record in a comparison: its kind, its name ("Campaign “Spring webinar”") */
  return g_strdup_printf (_("%s “%s”"), noun, change->name);
}

static PlRecordChange *
record_change_new (PlDiffKind kind, PlCollection collection, PlPlan *plan_of_old, PlItem *old_item,
                   PlPlan *plan_of_new, PlItem *new_item)
{
  PlRecordChange *change = g_new0 (PlRecordChange, 1);
  PlItem *item = new_item != NULL ? new_item : old_item;

  change->kind = kind;
  change->collection = collection;
  change->page = pl_diff_page_for_collection (collection);
  change->old_item = old_item != NULL ? g_object_ref (old_item) : NULL;
  change->new_item = new_item != NULL ? g_object_ref (new_item) : NULL;
  change->fields = g_ptr_array_new_with_free_func (field_change_free);
  if (collection == PL_COLLECTION_NONE)
    {
      change->name = g_strdup (pl_item_get_string (item, PL_METADATA_TITLE));
      /* Translators: what the plan's own settings (title, currency, period) are called in a comparison */
      change->noun = g_strdup (_("plan settings"));
    }
  else
    {
      change->id = g_strdup (pl_item_get_id (item));
      change->name = record_name (new_item != NULL ? plan_of_new : plan_of_old, item);
      change->noun = g_strdup (pl_item_get_noun (item));
    }
  change->heading = record_heading (change, new_item != NULL ? plan_of_new : plan_of_old, item);
  return change;
}

/* The fields, unknown elements, targets and measurements that differ between two versions of
 * one record, appended to @fields in the record's field order. */
static void
diff_fields (GPtrArray *fields, PlPlan *old_plan, PlItem *old_item, PlPlan *new_plan, PlItem *new_item)
{
  guint n_fields;

  pl_item_get_fields (new_item, &n_fields);
  for (guint k = 0; k < n_fields; k++)
    if (!pl_item_field_equal (old_item, new_item, k))
      g_ptr_array_add (fields, field_change_for (old_plan, old_item, new_plan, new_item, k));
  if (PL_IS_KPI (new_item))
    {
      diff_targets (fields, PL_KPI (old_item), PL_KPI (new_item));
      diff_series_summary (fields, old_item, new_item, PL_SERIES_MEASUREMENTS);
    }
  if (PL_IS_CAMPAIGN_KPI (new_item))
    diff_series_summary (fields, old_item, new_item, PL_SERIES_RESULTS);
  diff_extras (fields, pl_item_peek_extras (old_item), pl_item_peek_extras (new_item), NULL);
}

static PlItem **
collection_items (PlPlan *plan, PlCollection collection, guint *n)
{
  GListModel *model = pl_plan_get_collection (plan, collection);
  PlItem **items;

  *n = g_list_model_get_n_items (model);
  items = g_new (PlItem *, *n + 1);
  for (guint i = 0; i < *n; i++)
    {
      /* Borrowed: the plan holds them for as long as the comparison runs. */
      items[i] = g_list_model_get_item (model, i);
      g_object_unref (items[i]);
    }
  return items;
}

/* Marks as moved the records both lists hold that are not in a longest run keeping their old
 * order: a record put elsewhere is one move, not a shift of every record after it. O(n log n). */
static void
find_moves (Matching *m)
{
  g_autofree guint *tails = g_new (guint, m->n_new + 1);      /* new index ending a run of each length */
  g_autofree guint *previous = g_new (guint, m->n_new + 1);   /* the new index before it in its run */
  g_autofree gboolean *kept = g_new0 (gboolean, m->n_new + 1);
  guint length = 0;

  for (guint j = 0; j < m->n_new; j++)
    {
      guint old = m->new_to_old[j], low = 0, high = length;

      if (old == 0)
        continue;
      while (low < high)
        {
          guint mid = (low + high) / 2;
          if (m->new_to_old[tails[mid]] < old)
            low = mid + 1;
          else
            high = mid;
        }
      previous[j] = low > 0 ? tails[low - 1] : G_MAXUINT;
      tails[low] = j;
      length = MAX (length, low + 1);
    }
  for (guint j = length > 0 ? tails[length - 1] : G_MAXUINT; j != G_MAXUINT; j = previous[j])
    kept[j] = TRUE;
  for (guint j = 0; j < m->n_new; j++)
    m->moved[j] = m->new_to_old[j] != 0 && !kept[j];
}

static void
matching_init (Matching *m, PlPlan *old_plan, PlPlan *new_plan, PlCollection collection)
{
  g_autoptr(GHashTable) old_ids = NULL;

  m->old_items = collection_items (old_plan, collection, &m->n_old);
  m->new_items = collection_items (new_plan, collection, &m->n_new);
  m->old_to_new = g_new0 (guint, m->n_old + 1);
  m->new_to_old = g_new0 (guint, m->n_new + 1);
  m->moved = g_new0 (gboolean, m->n_new + 1);

  old_ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < m->n_old; i++)
    if (pl_item_get_id (m->old_items[i]) != NULL)
      g_hash_table_insert (old_ids, (gpointer) pl_item_get_id (m->old_items[i]), GUINT_TO_POINTER (i + 1));
  for (guint j = 0; j < m->n_new; j++)
    {
      const char *id = pl_item_get_id (m->new_items[j]);
      guint old = id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (old_ids, id)) : 0;

      /* Two records of one ID (a broken file) match once. */
      if (old != 0 && m->old_to_new[old - 1] == 0)
        {
          m->new_to_old[j] = old;
          m->old_to_new[old - 1] = j + 1;
        }
    }
  find_moves (m);
}

static void
matching_clear (Matching *m)
{
  g_free (m->old_items);
  g_free (m->new_items);
  g_free (m->old_to_new);
  g_free (m->new_to_old);
  g_free (m->moved);
}

static void
add_change (PlPlanDiff *diff, PlRecordChange *change)
{
  if (change->kind == PL_DIFF_ADDED)
    diff->n_added++;
  else if (change->kind == PL_DIFF_REMOVED)
    diff->n_removed++;
  else
    diff->n_changed++;
  g_ptr_array_add (diff->records, change);
}

static void
add_removed (PlPlanDiff *diff, PlCollection collection, PlItem *old_item)
{
  add_change (diff, record_change_new (PL_DIFF_REMOVED, collection, diff->old_plan, old_item, diff->new_plan, NULL));
}

/* The removed records of @m in old order, grouped by where they stood in the new list: after
 * the last record before them that the new plan still holds in its place (their anchor, its new
 * index + 1; 0 at the top). The records anchored at a are order[start[a]] to order[start[a + 1] - 1]. A
 * counting sort: anchors go back when records moved. */
static void
anchor_removed (const Matching *m, guint **order, guint **start)
{
  g_autofree guint *anchors = g_new0 (guint, m->n_old + 1);
  guint *fill;

  *start = g_new0 (guint, m->n_new + 2);
  *order = g_new (guint, m->n_old + 1);
  for (guint i = 0, anchor = 0; i < m->n_old; i++)
    if (m->old_to_new[i] == 0)
      anchors[i] = anchor, (*start)[anchor + 1]++;
    else if (!m->moved[m->old_to_new[i] - 1])
      anchor = m->old_to_new[i];
  for (guint a = 1; a <= m->n_new + 1; a++)
    (*start)[a] += (*start)[a - 1];
  fill = g_memdup2 (*start, (m->n_new + 2) * sizeof (guint));
  for (guint i = 0; i < m->n_old; i++)
    if (m->old_to_new[i] == 0)
      (*order)[fill[anchors[i]]++] = i;
  g_free (fill);
}

/* A record both plans hold: a change when anything of it differs. */
static void
diff_kept (PlPlanDiff *diff, PlCollection collection, PlItem *old_item, PlItem *new_item,
           guint old_position, guint new_position, gboolean moved)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (field_change_free);
  PlRecordChange *change;

  diff_fields (fields, diff->old_plan, old_item, diff->new_plan, new_item);
  if (moved)
    /* Translators: a record's place in its list, as a field that changed */
    g_ptr_array_add (fields, field_change_new (PL_DIFF_FIELD_POSITION, "position", g_strdup (_("Position")),
                                               g_strdup_printf ("%u", old_position),
                                               g_strdup_printf ("%u", new_position)));
  if (fields->len == 0)
    return;
  change = record_change_new (PL_DIFF_CHANGED, collection, diff->old_plan, old_item, diff->new_plan, new_item);
  g_ptr_array_unref (change->fields);
  change->fields = g_steal_pointer (&fields);
  add_change (diff, change);
}

static void
diff_collection (PlPlanDiff *diff, PlCollection collection)
{
  Matching m = { 0 };
  g_autofree guint *order = NULL, *start = NULL;

  matching_init (&m, diff->old_plan, diff->new_plan, collection);
  anchor_removed (&m, &order, &start);
  for (guint j = 0; j <= m.n_new; j++)
    {
      if (j > 0 && m.new_to_old[j - 1] == 0)
        add_change (diff, record_change_new (PL_DIFF_ADDED, collection, diff->old_plan, NULL, diff->new_plan, m.new_items[j - 1]));
      else if (j > 0)
        diff_kept (diff, collection, m.old_items[m.new_to_old[j - 1] - 1], m.new_items[j - 1],
                   m.new_to_old[j - 1], j, m.moved[j - 1]);
      for (guint k = start[j]; k < start[j + 1]; k++)
        add_removed (diff, collection, m.old_items[order[k]]);
    }
  matching_clear (&m);
}

/* The plan's settings, and what the reader kept at the root and in each container: one
 * record, the plan's, on the Plan page. */
static void
diff_settings (PlPlanDiff *diff)
{
  PlItem *old_item = PL_ITEM (pl_plan_get_metadata (diff->old_plan));
  PlItem *new_item = PL_ITEM (pl_plan_get_metadata (diff->new_plan));
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (field_change_free);
  PlRecordChange *change;

  diff_fields (fields, diff->old_plan, old_item, diff->new_plan, new_item);
  diff_extras (fields, pl_plan_get_extras (diff->old_plan), pl_plan_get_extras (diff->new_plan), "<plan>");
  for (PlCollection c = 0; c < PL_N_COLLECTIONS; c++)
    {
      g_autofree char *where = g_strdup_printf ("<%s>", pl_collection_get_container (c));

      diff_extras (fields, pl_plan_get_container_extras (diff->old_plan, c),
                   pl_plan_get_container_extras (diff->new_plan, c), where);
    }
  if (fields->len == 0)
    return;
  change = record_change_new (PL_DIFF_CHANGED, PL_COLLECTION_NONE, diff->old_plan, old_item, diff->new_plan, new_item);
  g_ptr_array_unref (change->fields);
  change->fields = g_steal_pointer (&fields);
  add_change (diff, change);
}

static void
add_budget (PlPlanDiff *diff, PlBudgetTotals *old_totals, PlItem *old_category,
            PlBudgetTotals *new_totals, PlItem *new_category, gboolean whole)
{
  PlBudgetChange change = { 0 };
  PlItem *category = new_category != NULL ? new_category : old_category;

  if (whole || old_category != NULL)
    {
      change.old_planned = pl_budget_totals_planned (old_totals, old_category, -1);
      change.old_actual = pl_budget_totals_actual (old_totals, old_category, -1);
    }
  if (whole || new_category != NULL)
    {
      change.new_planned = pl_budget_totals_planned (new_totals, new_category, -1);
      change.new_actual = pl_budget_totals_actual (new_totals, new_category, -1);
    }
  if (change.old_planned == change.new_planned && change.old_actual == change.new_actual)
    return;
  change.category_id = whole ? NULL : g_strdup (pl_item_get_id (category));
  /* Translators: the budget of all categories together, in a comparison's budget table */
  change.name = g_strdup (whole ? _("Whole plan") : pl_item_get_display_name (category));
  g_ptr_array_add (diff->budget, g_memdup2 (&change, sizeof change));
}

/* The budget of each category before and after, as the budget page sums it. */
static void
diff_budget (PlPlanDiff *diff)
{
  g_autoptr(PlBudgetTotals) old_totals = pl_budget_totals_new (diff->old_plan);
  g_autoptr(PlBudgetTotals) new_totals = pl_budget_totals_new (diff->new_plan);
  Matching m = { 0 };

  matching_init (&m, diff->old_plan, diff->new_plan, PL_COLLECTION_CATEGORIES);
  for (guint j = 0; j < m.n_new; j++)
    add_budget (diff, old_totals, m.new_to_old[j] != 0 ? m.old_items[m.new_to_old[j] - 1] : NULL,
                new_totals, m.new_items[j], FALSE);
  /* Categories the new plan no longer has, after those it has. */
  for (guint i = 0; i < m.n_old; i++)
    if (m.old_to_new[i] == 0)
      add_budget (diff, old_totals, m.old_items[i], new_totals, NULL, FALSE);
  add_budget (diff, old_totals, NULL, new_totals, NULL, TRUE);
  matching_clear (&m);
}

PlPlanDiff *
pl_plan_diff (PlPlan *old_plan, PlPlan *new_plan)
{
  PlPlanDiff *diff;

  g_return_val_if_fail (PL_IS_PLAN (old_plan) && PL_IS_PLAN (new_plan), NULL);

  diff = g_new0 (PlPlanDiff, 1);
  diff->old_plan = g_object_ref (old_plan);
  diff->new_plan = g_object_ref (new_plan);
  diff->records = g_ptr_array_new_with_free_func (record_change_free);
  diff->budget = g_ptr_array_new_with_free_func (budget_change_free);
  for (PlDiffPage page = 0; page < PL_DIFF_N_PAGES; page++)
    {
      if (page == PL_DIFF_PAGE_PLAN)
        diff_settings (diff);
      for (PlCollection c = 0; c < PL_N_COLLECTIONS; c++)
        if (pl_diff_page_for_collection (c) == page)
          diff_collection (diff, c);
    }
  diff_budget (diff);
  return diff;
}

/* ---- words ---- */

/* A value on one line: line breaks of free text as spaces, nothing as a dash. */
static char *
value_text (const char *text)
{
  char *line;

  if (text == NULL || *text == '\0')
    return g_strdup ("—");
  line = g_strdup (text);
  for (char *c = line; *c != '\0'; c++)
    if (*c == '\n' || *c == '\r' || *c == '\t')
      *c = ' ';
  return line;
}

char *
pl_field_change_describe (const PlFieldChange *change)
{
  g_autofree char *old_text = value_text (change->old_text);
  g_autofree char *new_text = value_text (change->new_text);

  /* Translators: a field that changed: its label, the old value, the new value */
  return g_strdup_printf (_("%s: %s → %s"), change->label, old_text, new_text);
}

char *
pl_record_change_heading (const PlRecordChange *change)
{
  return g_strdup (change->heading);
}

char *
pl_record_change_describe (const PlRecordChange *change)
{
  g_autofree char *heading = pl_record_change_heading (change);
  g_autoptr(GString) out = NULL;

  if (change->kind == PL_DIFF_ADDED)
    /* Translators: a record the new plan has and the old did not ("Campaign “Spring webinar” added") */
    return g_strdup_printf (_("%s added"), heading);
  if (change->kind == PL_DIFF_REMOVED)
    /* Translators: a record the old plan had and the new does not */
    return g_strdup_printf (_("%s removed"), heading);
  out = g_string_new (NULL);
  for (guint i = 0; i < change->fields->len; i++)
    {
      g_autofree char *field = pl_field_change_describe (g_ptr_array_index (change->fields, i));

      if (i > 0)
        g_string_append (out, pl_field_list_separator ());
      g_string_append (out, field);
    }
  return g_strdup_printf (_("%s: %s"), heading, out->str);
}

char *
pl_plan_diff_summary (const PlPlanDiff *diff)
{
  g_autofree char *added = NULL, *removed = NULL, *changed = NULL;

  if (pl_plan_diff_is_empty (diff))
    return g_strdup (_("The plans are the same."));
  added = g_strdup_printf (ngettext ("%u record added", "%u records added", diff->n_added), diff->n_added);
  removed = g_strdup_printf (ngettext ("%u record removed", "%u records removed", diff->n_removed), diff->n_removed);
  changed = g_strdup_printf (ngettext ("%u record changed", "%u records changed", diff->n_changed), diff->n_changed);
  /* Translators: the counts of a comparison: records added, removed, changed */
  return g_strdup_printf (_("%s, %s, %s."), added, removed, changed);
}

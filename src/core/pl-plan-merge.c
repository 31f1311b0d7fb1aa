/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-merge"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-budget-carry.h"
#include "pl-calendar.h"
#include "pl-command.h"
#include "pl-date-text.h"
#include "pl-error.h"
#include "pl-kpi-value.h"
#include "pl-money.h"
#include "pl-field-format.h"
#include "pl-plan-diff.h"
#include "pl-plan-merge.h"
#include "pl-plan-private.h"
#include "pl-plan-validate.h"
#include "pl-questionnaire.h"
#include "pl-scenario.h"

/* A conflict and what taking their side of a broken rule puts back. */
typedef struct {
  PlMergeConflict pub;
  gboolean   outside;     /* the unknown elements of the plan or of a list, not of a record */
  GPtrArray *rule_ids;    /* RULE: the IDs of the records set back to ours ("" for the settings) */
  GPtrArray *rule_items;  /* RULE: those records as the merge had made them (NULL: absent) */
  char      *part_key;    /* a part of a compound field: its key (Parts); else NULL */
  char      *heading;     /* the record in words when its kind and name do not say it (a
                           * campaign's link to a KPI); else NULL */
} Conflict;

typedef struct {
  PlMergeResult pub;
  GHashTable   *ours_errors;  /* "ID\nmessage" of ours' own errors, made when first needed */
  GHashTable   *ours_needing; /* ID -> GPtrArray of ours' records that cannot exist without it */
} Result;

/* ---- records, field by field ---- */

/* TRUE when @field holds the same value in @a and @b; a missing record equals nothing. */
static gboolean
field_equal (PlItem *a, PlItem *b, guint field)
{
  if (a == NULL || b == NULL)
    return a == b;
  return pl_item_field_equal (a, b, field);
}

static void
copy_field (PlItem *to, PlItem *from, guint field)
{
  const PlField *f = &pl_item_get_fields (from, NULL)[field];
  PlSlot slot = pl_item_dup_slot (from, field);

  pl_item_swap_slot (to, field, &slot);
  pl_slot_clear (f->type, &slot);
}

/* The item's extras without making an empty one for a record that has none. */
static PlExtras *
item_extras (PlItem *item)
{
  return item != NULL ? pl_item_peek_extras (item) : NULL;
}

/* Every kind of series a record may hold: a KPI's targets and measurements, a campaign's
 * results on a KPI (format 1.5). */
#define N_SERIES_KINDS (PL_SERIES_RESULTS + 1)

/* The series @kind of @item, or NULL when there is no record or it holds no such series. */
static PlSeries *
item_series (PlItem *item, PlSeriesKind kind)
{
  return item != NULL ? pl_item_get_series (item, kind) : NULL;
}

/* The pseudo field of pl-plan-diff.h that a conflict on one point of a series names. */
static int
series_field (PlSeriesKind kind)
{
  switch (kind)
    {
    case PL_SERIES_TARGETS:
      return PL_DIFF_FIELD_TARGETS;
    case PL_SERIES_RESULTS:
      return PL_DIFF_FIELD_RESULTS;
    case PL_SERIES_MEASUREMENTS:
    default:
      return PL_DIFF_FIELD_MEASUREMENTS;
    }
}

/* The series a pseudo field names, or -1 when @field is not one merged point by point. */
static int
field_series (int field)
{
  switch (field)
    {
    case PL_DIFF_FIELD_TARGETS:
      return PL_SERIES_TARGETS;
    case PL_DIFF_FIELD_MEASUREMENTS:
      return PL_SERIES_MEASUREMENTS;
    case PL_DIFF_FIELD_RESULTS:
      return PL_SERIES_RESULTS;
    default:
      return -1;
    }
}

/* TRUE when @a and @b hold the same series of every kind (none is the same as none). */
static gboolean
series_all_equal (PlItem *a, PlItem *b)
{
  for (PlSeriesKind kind = 0; kind < N_SERIES_KINDS; kind++)
    {
      PlSeries *sa = pl_item_get_series (a, kind), *sb = pl_item_get_series (b, kind);

      if ((sa == NULL) != (sb == NULL) || (sa != NULL && !pl_series_equal (sa, sb)))
        return FALSE;
    }
  return TRUE;
}

static void
series_assign (PlSeries *to, const PlSeries *from)
{
  while (pl_series_get_n (to) > 0)
    pl_series_remove (to, pl_series_get (to, pl_series_get_n (to) - 1)->julian);
  for (guint i = 0, n = from ? pl_series_get_n (from) : 0; i < n; i++)
    {
      const PlPoint *p = pl_series_get (from, i);
      pl_series_set (to, p->julian, p->value, p->source);
    }
}

static gboolean
point_equal (const PlPoint *a, const PlPoint *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->source, b->source) == 0 &&
         (a->value == b->value || (isnan (a->value) && isnan (b->value)));
}

/* TRUE when @a and @b (records of one type) hold the same values, unknown elements and series
 * (targets, measurements, results). */
static gboolean
record_equal (PlItem *a, PlItem *b)
{
  guint n_fields;

  if (a == NULL || b == NULL)
    return a == b;
  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  pl_item_get_fields (a, &n_fields);
  for (guint f = 0; f < n_fields; f++)
    if (!field_equal (a, b, f))
      return FALSE;
  if (!pl_extras_equal (item_extras (a), item_extras (b)))
    return FALSE;
  return series_all_equal (a, b);
}

/* Makes @to (a record of @from's type) hold what @from holds, without undo. */
static void
record_assign (PlItem *to, PlItem *from)
{
  guint n_fields;

  pl_item_get_fields (from, &n_fields);
  for (guint f = 0; f < n_fields; f++)
    if (!field_equal (to, from, f))
      copy_field (to, from, f);
  if (!pl_extras_equal (item_extras (to), item_extras (from)))
    pl_extras_assign (pl_item_get_extras (to), item_extras (from));
  for (PlSeriesKind kind = 0; kind < N_SERIES_KINDS; kind++)
    if (pl_item_get_series (from, kind) != NULL &&
        !pl_series_equal (pl_item_get_series (to, kind), pl_item_get_series (from, kind)))
      series_assign (pl_item_get_series (to, kind), pl_item_get_series (from, kind));
}

static PlItem *
record_new_like (PlItem *item)
{
  PlItem *copy = g_object_new (G_OBJECT_TYPE (item), NULL);

  pl_item_set_id (copy, pl_item_get_id (item));
  return copy;
}

/* A copy of @item for another plan. */
static PlItem *
record_copy (PlItem *item)
{
  PlItem *copy = record_new_like (item);

  record_assign (copy, item);
  return copy;
}

/* The record with @id in @collection of @plan (PL_COLLECTION_NONE: the settings), or NULL. */
static PlItem *
lookup_in (PlPlan *plan, PlCollection collection, const char *id)
{
  PlItem *item;

  if (collection == PL_COLLECTION_NONE)
    return PL_ITEM (pl_plan_get_metadata (plan));
  item = pl_plan_lookup (plan, id);
  if (item == NULL || G_OBJECT_TYPE (item) != pl_collection_get_item_type (collection))
    return NULL;
  return item;
}

/* ---- values in words, as pl-plan-diff.h shows them ---- */

static char *
field_text (PlPlan *plan, PlItem *item, int field, guint32 period)
{
  if (item == NULL)
    return NULL;
  if (field == PL_DIFF_FIELD_EXTRAS)
    return pl_extras_to_text (item_extras (item));
  if (field_series (field) >= 0)
    {
      const PlPoint *point = pl_series_lookup (item_series (item, field_series (field)), period);
      /* A campaign's results are in its KPI's unit. */
      PlItem *kpi = PL_IS_KPI (item) ? item : pl_plan_lookup (plan, pl_item_get_string (item, PL_CAMPAIGN_KPI_KPI));

      if (point == NULL)
        return g_strdup ("");
      return PL_IS_KPI (kpi) ? pl_kpi_value_format (PL_KPI (kpi), point->value) : g_strdup_printf ("%.15g", point->value);
    }
  if (field == PL_MERGE_FIELD_RECORD)
    return g_strdup (pl_item_get_display_name (item));
  return pl_field_format_reading (plan, item, (guint) field);
}

/* The texts of a conflict's values; where ours and theirs read the same though they differ (a
 * total kept, a number below what its unit shows), the values as an editor shows them. */
static void
set_texts (PlMergeConflict *conflict, PlPlan *plans[3], PlItem *items[3])
{
  char **texts[3] = { &conflict->base_text, &conflict->ours_text, &conflict->theirs_text };

  for (guint i = 0; i < 3; i++)
    *texts[i] = field_text (plans[i], items[i], conflict->field, conflict->period);
  if (conflict->field >= 0 && g_strcmp0 (conflict->ours_text, conflict->theirs_text) == 0)
    for (guint i = 0; i < 3; i++)
      if (items[i] != NULL)
        {
          g_free (*texts[i]);
          *texts[i] = pl_field_format (plans[i], items[i], (guint) conflict->field);
        }
}

static char *
field_label (PlItem *item, int field, guint32 period)
{
  if (field == PL_DIFF_FIELD_EXTRAS)
    return g_strdup (_("Unknown elements"));
  if (field_series (field) >= 0)
    {
      /* A campaign's results are by month: its KPI's frequency does not matter here. */
      g_autofree char *when = pl_field_format_period (item, period);

      if (field == PL_DIFF_FIELD_RESULTS)
        /* Translators: %s is a month ("March 2027"): what a campaign brought to a KPI that month */
        return g_strdup_printf (_("Result for %s"), when);
      return field == PL_DIFF_FIELD_TARGETS
        /* Translators: %s is a KPI's period ("March 2027", "week of 4 Jan 2027") */
        ? g_strdup_printf (_("Target for %s"), when)
        /* Translators: %s is a KPI's period ("March 2027", "week of 4 Jan 2027") */
        : g_strdup_printf (_("Measurement for %s"), when);
    }
  if (field == PL_MERGE_FIELD_RECORD)
    return NULL;
  return pl_field_get_title (&pl_item_get_fields (item, NULL)[field]);
}

/* ---- the merge ---- */

typedef struct {
  PlPlan    *base, *ours, *theirs;
  PlPlan    *result;
  GPtrArray *conflicts;
  /* The records they removed that the result keeps, as we changed them: what their removal
   * took with them (records that cannot exist without them, references to them) stays too. */
  GHashTable *kept;
} Merge;

static void
conflict_free (Conflict *conflict)
{
  g_free (conflict->pub.id);
  g_free (conflict->pub.name);
  g_free (conflict->pub.label);
  g_free (conflict->pub.base_text);
  g_free (conflict->pub.ours_text);
  g_free (conflict->pub.theirs_text);
  g_free (conflict->pub.reason);
  g_free (conflict->pub.part);
  g_free (conflict->part_key);
  g_free (conflict->heading);
  g_clear_pointer (&conflict->rule_ids, g_ptr_array_unref);
  g_clear_pointer (&conflict->rule_items, g_ptr_array_unref);
  g_free (conflict);
}

/* Names the conflict's record @item of @plan, as the user knows it; NULL: the settings of
 * @ours. A link has no name: the campaign and the KPI it joins are what the user knows. */
static void
name_record (Conflict *conflict, PlItem *item, PlPlan *plan, PlPlan *ours)
{
  g_autofree char *campaign = NULL, *kpi = NULL;

  if (item == NULL)
    {
      conflict->pub.name = g_strdup (pl_plan_get_title (ours));
      return;
    }
  if (!PL_IS_CAMPAIGN_KPI (item))
    {
      conflict->pub.name = g_strdup (pl_item_get_display_name (item));
      return;
    }
  campaign = pl_field_format_reading (plan, item, PL_CAMPAIGN_KPI_CAMPAIGN);
  kpi = pl_field_format_reading (plan, item, PL_CAMPAIGN_KPI_KPI);
  conflict->pub.name = g_strdup_printf ("%s → %s", campaign, kpi);
  /* Translators: a campaign's link to a KPI in a sentence: the campaign's name, the KPI's */
  conflict->heading = g_strdup_printf (_("Campaign “%s” → %s"), campaign, kpi);
}

static Conflict *
add_conflict (Merge *m, PlMergeConflictKind kind, PlCollection collection, PlItem *b, PlItem *o, PlItem *t,
              int field, guint32 period)
{
  Conflict *conflict = g_new0 (Conflict, 1);
  PlItem *any = o != NULL ? o : t != NULL ? t : b;

  conflict->pub.kind = kind;
  conflict->pub.collection = collection;
  conflict->pub.id = collection == PL_COLLECTION_NONE ? NULL : g_strdup (pl_item_get_id (any));
  name_record (conflict, collection == PL_COLLECTION_NONE ? NULL : any,
               o != NULL ? m->ours : t != NULL ? m->theirs : m->base, m->ours);
  conflict->pub.field = field;
  conflict->pub.period = period;
  conflict->pub.label = field_label (any, field, period);
  {
    PlPlan *plans[3] = { m->base, m->ours, m->theirs };
    PlItem *items[3] = { b, o, t };

    set_texts (&conflict->pub, plans, items);
  }
  g_ptr_array_add (m->conflicts, conflict);
  return conflict;
}

/* Which side a value comes from: ours unless only theirs changed it; with a conflict when both
 * changed it differently (or added the record differently, @base NULL). */
typedef enum { TAKE_OURS, TAKE_THEIRS, TAKE_CONFLICT } Take;

static Take
decide (gboolean ours_is_theirs, gboolean ours_is_base, gboolean theirs_is_base, gboolean has_base)
{
  if (ours_is_theirs || (has_base && theirs_is_base))
    return TAKE_OURS;
  if (has_base && ours_is_base)
    return TAKE_THEIRS;
  return TAKE_CONFLICT;
}

static void
merge_series (Merge *m, PlCollection collection, PlItem *b, PlItem *o, PlItem *t, PlItem *into,
              PlSeriesKind kind)
{
  PlSeries *sb = item_series (b, kind), *so = item_series (o, kind), *st = item_series (t, kind);
  PlSeries *out = item_series (into, kind);
  guint ib = 0, io = 0, it = 0;
  guint nb = sb ? pl_series_get_n (sb) : 0, no = pl_series_get_n (so), nt = pl_series_get_n (st);

  if (pl_series_equal (so, st) || (sb != NULL && pl_series_equal (sb, st)))
    {
      series_assign (out, so);
      return;
    }
  series_assign (out, NULL);
  while (ib < nb || io < no || it < nt)
    {
      guint32 day = G_MAXUINT32;
      const PlPoint *pb = NULL, *po = NULL, *pt = NULL, *take;

      if (ib < nb)
        day = MIN (day, pl_series_get (sb, ib)->julian);
      if (io < no)
        day = MIN (day, pl_series_get (so, io)->julian);
      if (it < nt)
        day = MIN (day, pl_series_get (st, it)->julian);
      if (ib < nb && pl_series_get (sb, ib)->julian == day)
        pb = pl_series_get (sb, ib++);
      if (io < no && pl_series_get (so, io)->julian == day)
        po = pl_series_get (so, io++);
      if (it < nt && pl_series_get (st, it)->julian == day)
        pt = pl_series_get (st, it++);
      switch (decide (point_equal (po, pt), point_equal (po, pb), point_equal (pt, pb), b != NULL))
        {
        case TAKE_THEIRS:
          take = pt;
          break;
        case TAKE_CONFLICT:
          add_conflict (m, PL_MERGE_CONFLICT_FIELD, collection, b, o, t, series_field (kind), day);
          G_GNUC_FALLTHROUGH;
        default:
          take = po;
        }
      if (take != NULL)
        pl_series_set (out, take->julian, take->value, take->source);
    }
}

/* ---- compound fields, part by part ---- */

/* A compound field (planned amounts, commentary by section, assumptions, answers, the skipped
 * and moved occurrences of an entry, the moves of budget carried over) is merged part by part:
 * two people edit different months of one budget line far more often than the same one. The
 * parts of one value: a key each (the month, the section, the question...), with its value. */
typedef struct {
  GPtrArray  *keys;    /* char *, in the value's order */
  GHashTable *values;  /* key -> GVariant */
} Parts;

static void
parts_init (Parts *parts)
{
  parts->keys = g_ptr_array_new_with_free_func (g_free);
  parts->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
}

static void
parts_clear (Parts *parts)
{
  g_clear_pointer (&parts->values, g_hash_table_unref);
  g_clear_pointer (&parts->keys, g_ptr_array_unref);
}

/* Sets (NULL: removes) the part @key to @value, which it takes; FALSE when it was there
 * already, when adding. */
static gboolean
parts_set (Parts *parts, const char *key, GVariant *value)
{
  guint index;

  if (value == NULL)
    {
      if (g_ptr_array_find_with_equal_func (parts->keys, key, g_str_equal, &index))
        {
          g_hash_table_remove (parts->values, key);
          g_ptr_array_remove_index (parts->keys, index);
        }
      return TRUE;
    }
  g_variant_take_ref (value);
  if (g_hash_table_contains (parts->values, key))
    {
      g_variant_unref (value);
      return FALSE;
    }
  g_ptr_array_add (parts->keys, g_strdup (key));
  g_hash_table_insert (parts->values, g_ptr_array_index (parts->keys, parts->keys->len - 1), value);
  return TRUE;
}

/* The key of a month of planned amounts, so that keys sort as months do. */
static char *
month_key (guint month)
{
  return g_strdup_printf ("%06u", month);
}

/* TRUE when @field of @item is merged part by part: which lists of text are sets is not in the
 * field table (the report's sections and headlines are ordered lists, merged whole). */
static gboolean
is_compound (PlItem *item, guint field)
{
  switch (pl_item_get_fields (item, NULL)[field].type)
    {
    case PL_FIELD_AMOUNTS:
    case PL_FIELD_SECTION_TEXTS:
    case PL_FIELD_ASSUMPTIONS:
    case PL_FIELD_ANSWERS:
      return TRUE;
    case PL_FIELD_STRV:
      return (PL_IS_ENTRY (item) && (field == PL_ENTRY_SKIP || field == PL_ENTRY_MOVE)) ||
             (PL_IS_BUDGET_LINE (item) && field == PL_BUDGET_LINE_CARRIED);
    default:
      return FALSE;
    }
}

/* Reads the parts of @field of @item (NULL: none) into @parts; FALSE when a key comes twice (a
 * list written by hand), which is then merged whole. */
static gboolean
parts_read (PlItem *item, guint field, Parts *parts)
{
  PlFieldType type;
  GVariant *value;

  parts_init (parts);
  if (item == NULL)
    return TRUE;
  type = pl_item_get_fields (item, NULL)[field].type;
  if (type == PL_FIELD_STRV)
    {
      const char * const *strv = pl_item_get_strv (item, field);

      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        {
          /* A move by the occurrence's own date (its first word); the others are sets. */
          g_autofree char *key = PL_IS_ENTRY (item) && field == PL_ENTRY_MOVE ? g_strndup (strv[i], strcspn (strv[i], " "))
                                                                            : g_strdup (strv[i]);
          if (!parts_set (parts, key, g_variant_new_string (strv[i])))
            return FALSE;
        }
      return TRUE;
    }
  value = pl_item_get_variant (item, field);
  for (gsize i = 0, n = value != NULL ? g_variant_n_children (value) : 0; i < n; i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (value, i);
      g_autofree char *key = NULL;
      GVariant *part;

      switch (type)
        {
        case PL_FIELD_AMOUNTS:
          /* A month without an amount is none, as the file says it. */
          if (g_variant_get_int64 (child) == 0)
            continue;
          key = month_key ((guint) i);
          part = g_variant_ref (child);
          break;
        case PL_FIELD_ASSUMPTIONS:
          {
            const char *kind, *name;

            g_variant_get (child, "(&s&sd)", &kind, &name, NULL);
            key = g_strconcat (kind, "\n", name, NULL);
            part = g_variant_ref (child);
          }
          break;
        default: /* "(sy)", "(ss)": the first member is the key */
          {
            g_autoptr(GVariant) first = g_variant_get_child_value (child, 0);

            key = g_variant_dup_string (first, NULL);
            part = g_variant_ref (child);
          }
          break;
        }
      if (!parts_set (parts, key, part))
        return FALSE;
    }
  return TRUE;
}

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The value of @field holding @parts, as the model keeps it (sorted as pl-item.h says; the
 * amounts one per month of @months at least; none for no part); @like is the record the value
 * is for. */
static PlSlot
parts_slot (PlItem *like, guint field, Parts *parts, guint months)
{
  PlFieldType type = pl_item_get_fields (like, NULL)[field].type;
  PlSlot slot = { 0 };

  /* The carried moves keep the order they were made in; the other lists sort by key. */
  if (type != PL_FIELD_AMOUNTS && !(PL_IS_BUDGET_LINE (like) && field == PL_BUDGET_LINE_CARRIED))
    g_ptr_array_sort (parts->keys, compare_keys);
  if (type == PL_FIELD_AMOUNTS)
    {
      GVariant *current = pl_item_get_variant (like, field);
      gsize n = current != NULL ? g_variant_n_children (current) : 0;
      g_autoptr(GArray) amounts = g_array_new (FALSE, TRUE, sizeof (gint64));

      g_array_set_size (amounts, MAX (n, months));
      for (guint i = 0; i < parts->keys->len; i++)
        {
          const char *key = g_ptr_array_index (parts->keys, i);
          guint month = (guint) g_ascii_strtoull (key, NULL, 10);

          if (month >= amounts->len)
            g_array_set_size (amounts, month + 1);
          g_array_index (amounts, gint64, month) = g_variant_get_int64 (g_hash_table_lookup (parts->values, key));
        }
      slot.var = g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, amounts->data, amounts->len,
                                                                sizeof (gint64)));
      return slot;
    }
  if (type == PL_FIELD_STRV)
    {
      if (parts->keys->len > 0)
        {
          slot.v = g_new0 (char *, parts->keys->len + 1);
          for (guint i = 0; i < parts->keys->len; i++)
            slot.v[i] = g_variant_dup_string (g_hash_table_lookup (parts->values, g_ptr_array_index (parts->keys, i)), NULL);
        }
      return slot;
    }
  /* Answers are kept even when none is left, as the reader makes them. */
  if (parts->keys->len > 0 || (type == PL_FIELD_ANSWERS && pl_item_get_variant (like, field) != NULL))
    {
      GVariantBuilder builder;
      GVariant *value;

      g_variant_builder_init (&builder, type == PL_FIELD_ANSWERS ? G_VARIANT_TYPE ("a(sy)")
                                        : type == PL_FIELD_ASSUMPTIONS ? G_VARIANT_TYPE ("a(ssd)")
                                                                       : G_VARIANT_TYPE ("a(ss)"));
      for (guint i = 0; i < parts->keys->len; i++)
        g_variant_builder_add_value (&builder, g_hash_table_lookup (parts->values, g_ptr_array_index (parts->keys, i)));
      value = g_variant_builder_end (&builder);
      slot.var = g_variant_ref_sink (type == PL_FIELD_ASSUMPTIONS ? pl_scenario_sort_assumptions (value) : value);
    }
  return slot;
}

static gboolean
part_equal (GVariant *a, GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_variant_equal (a, b);
}

/* A move of budget carried over in words: "€500.00 carried from March 2027 into April 2027";
 * as written when it does not read or names months outside the period. */
static char *
carried_text (PlPlan *plan, const char *move)
{
  guint exponent = pl_plan_get_currency_exponent (plan);
  int months[4];
  guint32 days[4];
  gint64 amount;
  g_autofree char *money = NULL, *from = NULL, *to = NULL;

  if (!pl_budget_carry_read (move, exponent, days, &amount, NULL))
    return g_strdup (move);
  for (guint k = 0; k < 4; k++)
    if ((months[k] = pl_plan_month_index (plan, days[k])) < 0)
      return g_strdup (move);
  money = pl_money_format (amount, exponent, pl_plan_get_currency (plan));
  from = pl_budget_carry_describe_months (plan, (guint) months[0], (guint) months[1]);
  to = pl_budget_carry_describe_span (plan, (guint) months[2], (guint) months[3]);
  /* Translators: "€12,000 carried from Q1 2027 into April–June 2027" */
  return g_strdup_printf (_("%s carried from %s into %s"), money, from, to);
}

/* The part @key of @item's @field in words: "" when it has none. */
static char *
part_text (PlPlan *plan, PlItem *item, guint field, const char *key)
{
  Parts parts;
  GVariant *value;
  char *text = NULL;

  if (item == NULL)
    return NULL;
  parts_read (item, field, &parts);
  value = g_hash_table_lookup (parts.values, key);
  if (value == NULL)
    text = g_strdup ("");
  else
    switch (pl_item_get_fields (item, NULL)[field].type)
      {
      case PL_FIELD_AMOUNTS:
        {
          g_autofree char *plain = pl_money_to_string (g_variant_get_int64 (value), pl_plan_get_currency_exponent (plan));
          text = pl_number_localise (plain, TRUE);
        }
        break;
      case PL_FIELD_ASSUMPTIONS:
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];
          double number;

          g_variant_get (value, "(&s&sd)", NULL, NULL, &number);
          text = pl_number_localise (g_ascii_formatd (buffer, sizeof buffer, "%.15g", number), fabs (number) >= 1000);
        }
        break;
      case PL_FIELD_ANSWERS:
        {
          guchar score;

          g_variant_get (value, "(&sy)", NULL, &score);
          /* Translators: an assessment's answer 0, as the questionnaire offers it */
          text = score == 0 ? g_strdup (_("I don’t know")) : g_strdup_printf ("%u", score);
        }
        break;
      case PL_FIELD_SECTION_TEXTS:
        g_variant_get (value, "(&ss)", NULL, &text);
        break;
      default:
        {
          const char *string = g_variant_get_string (value, NULL);
          guint32 origin, day;

          /* A move by the day the occurrence moves to; budget carried over as the budget
           * page says it. */
          if (PL_IS_BUDGET_LINE (item))
            text = carried_text (plan, string);
          else if (pl_calendar_parse_move (string, &origin, &day))
            text = pl_date_text (day, PL_DATE_DAY_MON_YEAR);
          else
            text = g_strdup (string);
        }
        break;
      }
  parts_clear (&parts);
  return text;
}

/* The part in words for a conflict's label: "Planned for March 2027", "Commentary, “budget”". */
static char *
part_label (PlItem *item, guint field, const char *key, guint32 period)
{
  g_autofree char *title = pl_field_get_title (&pl_item_get_fields (item, NULL)[field]);
  g_autofree char *name = NULL;
  guint32 day;

  if (pl_item_get_fields (item, NULL)[field].type == PL_FIELD_AMOUNTS)
    {
      g_autofree char *month = pl_date_format (period, C_("month", "%B %Y"));

      /* Translators: %s is a month ("March 2027"): a budget line's amount planned for it */
      return g_strdup_printf (_("Planned for %s"), month);
    }
  /* A move carried over: its values say which. */
  if (PL_IS_BUDGET_LINE (item))
    return g_steal_pointer (&title);
  if (pl_calendar_parse_skip (key, &day))
    {
      g_autofree char *date = pl_date_text (day, PL_DATE_DAY_MON_YEAR);

      /* Translators: a field and one of its parts, a day ("Skipped occurrences, 28 Mar 2027") */
      return g_strdup_printf (_("%s, %s"), title, date);
    }
  if (PL_IS_ASSESSMENT (item) && pl_questionnaire_get_current () != NULL &&
      pl_questionnaire_lookup (pl_questionnaire_get_current (), key) != NULL)
    /* A question by what it asks, where the questionnaire is at hand. */
    name = g_strdup (pl_questionnaire_lookup (pl_questionnaire_get_current (), key)->statement);
  else
    /* An assumption by its key, which says what it is. */
    name = g_strdup (strchr (key, '\n') != NULL ? strchr (key, '\n') + 1 : key);
  /* Translators: a field and one of its parts ("Report commentary, “budget”") */
  return g_strdup_printf (_("%s, “%s”"), title, name);
}

/* Adds the conflict of the part @key of @field, where ours and theirs differ. */
static void
add_part_conflict (Merge *m, PlCollection collection, PlItem *b, PlItem *o, PlItem *t, guint field, const char *key)
{
  Conflict *conflict = g_new0 (Conflict, 1);
  PlItem *any = o != NULL ? o : t;
  PlPlan *plans[3] = { m->base, m->ours, m->theirs };
  PlItem *items[3] = { b, o, t };
  char **texts[3] = { &conflict->pub.base_text, &conflict->pub.ours_text, &conflict->pub.theirs_text };
  gboolean amounts = pl_item_get_fields (any, NULL)[field].type == PL_FIELD_AMOUNTS;

  conflict->pub.kind = PL_MERGE_CONFLICT_FIELD;
  conflict->pub.collection = collection;
  conflict->pub.id = collection == PL_COLLECTION_NONE ? NULL : g_strdup (pl_item_get_id (any));
  name_record (conflict, collection == PL_COLLECTION_NONE ? NULL : any,
               o != NULL ? m->ours : t != NULL ? m->theirs : m->base, m->ours);
  conflict->pub.field = (int) field;
  conflict->part_key = g_strdup (key);
  /* A month is the nth of the period: a period moved keeps the amounts in their places (the
   * file's months move with it), so the plans' nth months match; it is named as the result's. */
  if (amounts)
    conflict->pub.period = pl_plan_month_start (m->result, (guint) g_ascii_strtoull (key, NULL, 10));
  else
    conflict->pub.part = g_strdup (strchr (key, '\n') != NULL ? strchr (key, '\n') + 1 : key);
  conflict->pub.label = part_label (any, field, key, conflict->pub.period);
  for (guint i = 0; i < 3; i++)
    *texts[i] = part_text (plans[i], items[i], field, key);
  g_ptr_array_add (m->conflicts, conflict);
}

/* TRUE when @move, a string of budget carried over that theirs adds or removes, names a month
 * whose planned amount conflicted on the record @id just merged (ours kept): the amounts hold
 * each move, so a move goes with its months, and theirs is not half taken. */
static gboolean
move_lost_months (Merge *m, const char *id, const char *move)
{
  guint32 days[4];
  gint64 amount;

  if (!pl_budget_carry_read (move, pl_plan_get_currency_exponent (m->theirs), days, &amount, NULL))
    return FALSE;
  for (guint i = m->conflicts->len; i-- > 0;)
    {
      const Conflict *conflict = g_ptr_array_index (m->conflicts, i);
      int month;

      if (g_strcmp0 (conflict->pub.id, id) != 0)
        break;
      if (conflict->part_key == NULL || conflict->pub.field != PL_BUDGET_LINE_PLANNED)
        continue;
      month = (int) g_ascii_strtoll (conflict->part_key, NULL, 10);
      for (guint r = 0; r < 4; r += 2)
        if (month >= pl_plan_month_index (m->theirs, days[r]) && month <= pl_plan_month_index (m->theirs, days[r + 1]))
          return TRUE;
    }
  return FALSE;
}

/* TRUE when @strv holds @text. */
static gboolean
strv_has (const char * const *strv, const char *text)
{
  return strv != NULL && g_strv_contains (strv, text);
}

/* The planned amounts hold each move of budget carried over (its months lose and gain it): a
 * move theirs made (or undid) some of whose months conflicted keeps ours in all its months, so
 * that the result never holds half of one; its string then stays ours too (move_lost_months()).
 * @out holds the merged months, @conflicted their keys that conflicted (ours kept). */
static void
keep_moves_whole (Merge *m, PlCollection collection, PlItem *b, PlItem *o, PlItem *t, Parts *po, Parts *out,
                  GHashTable *conflicted)
{
  const char * const *lists[2] = { pl_item_get_strv (t, PL_BUDGET_LINE_CARRIED),
                                   b != NULL ? pl_item_get_strv (b, PL_BUDGET_LINE_CARRIED) : NULL };
  const char * const *ours = pl_item_get_strv (o, PL_BUDGET_LINE_CARRIED);
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      for (guint l = 0; l < 2; l++)
        for (guint i = 0; lists[l] != NULL && lists[l][i] != NULL; i++)
          {
            const char *move = lists[l][i];
            g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
            gboolean touched = FALSE;
            guint32 days[4];
            gint64 amount;

            /* Only what theirs changed, and we did not do alike. */
            if (strv_has (lists[1 - l], move) || strv_has (ours, move) != (l == 1) ||
                !pl_budget_carry_read (move, pl_plan_get_currency_exponent (m->theirs), days, &amount, NULL))
              continue;
            for (guint r = 0; r < 4; r += 2)
              for (int k = pl_plan_month_index (m->theirs, days[r]), last = pl_plan_month_index (m->theirs, days[r + 1]);
                   k >= 0 && k <= last; k++)
                g_ptr_array_add (keys, month_key ((guint) k));
            for (guint k = 0; k < keys->len; k++)
              touched |= g_hash_table_contains (conflicted, g_ptr_array_index (keys, k));
            for (guint k = 0; touched && k < keys->len; k++)
              {
                const char *key = g_ptr_array_index (keys, k);
                GVariant *vo = g_hash_table_lookup (po->values, key);

                if (part_equal (vo, g_hash_table_lookup (out->values, key)))
                  continue;
                parts_set (out, key, NULL);
                if (vo != NULL)
                  parts_set (out, key, g_variant_ref (vo));
                g_hash_table_add (conflicted, g_strdup (key));
                add_part_conflict (m, collection, b, o, t, PL_BUDGET_LINE_PLANNED, key);
                again = TRUE;
              }
          }
    }
}

/* Merges @field (compound, changed both ways) of @o and @t from @b part by part into @into,
 * with a conflict for each part both changed to different values (ours kept); FALSE, having
 * done nothing, when the value is to be merged whole. */
static gboolean
merge_parts (Merge *m, PlCollection collection, PlItem *b, PlItem *o, PlItem *t, PlItem *into, guint field)
{
  Parts pb, po, pt, out;
  gboolean ok;
  gboolean carried = PL_IS_BUDGET_LINE (o) && field == PL_BUDGET_LINE_CARRIED;
  PlSlot slot;

  if (!is_compound (o, field))
    return FALSE;
  /* Each read, even after one fails, as each is cleared below. */
  ok = parts_read (b, field, &pb) & parts_read (o, field, &po) & parts_read (t, field, &pt);
  if (ok)
    {
      /* Ours' parts in our order, then theirs' additions. */
      g_autoptr(GPtrArray) keys = g_ptr_array_new ();
      g_autoptr(GHashTable) conflicted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      parts_init (&out);
      g_ptr_array_extend (keys, po.keys, NULL, NULL);
      for (guint i = 0; i < pt.keys->len; i++)
        if (!g_hash_table_contains (po.values, g_ptr_array_index (pt.keys, i)))
          g_ptr_array_add (keys, g_ptr_array_index (pt.keys, i));
      for (guint i = 0; i < keys->len; i++)
        {
          const char *key = g_ptr_array_index (keys, i);
          GVariant *vb = g_hash_table_lookup (pb.values, key);
          GVariant *vo = g_hash_table_lookup (po.values, key);
          GVariant *vt = g_hash_table_lookup (pt.values, key);
          GVariant *take = vo;

          switch (decide (part_equal (vo, vt), part_equal (vo, vb), part_equal (vt, vb), b != NULL))
            {
            case TAKE_THEIRS:
              if (carried && move_lost_months (m, pl_item_get_id (o), key))
                add_part_conflict (m, collection, b, o, t, field, key);
              else
                take = vt;
              break;
            case TAKE_CONFLICT:
              add_part_conflict (m, collection, b, o, t, field, key);
              g_hash_table_add (conflicted, g_strdup (key));
              break;
            default:
              break;
            }
          if (take != NULL)
            parts_set (&out, key, g_variant_ref (take));
        }
      if (PL_IS_BUDGET_LINE (o) && field == PL_BUDGET_LINE_PLANNED && g_hash_table_size (conflicted) > 0)
        keep_moves_whole (m, collection, b, o, t, &po, &out, conflicted);
      slot = parts_slot (o, field, &out, pl_plan_get_months (m->result));
      pl_item_swap_slot (into, field, &slot);
      pl_slot_clear (pl_item_get_fields (o, NULL)[field].type, &slot);
      parts_clear (&out);
    }
  parts_clear (&pb);
  parts_clear (&po);
  parts_clear (&pt);
  return ok;
}

/* TRUE when @field of @item is a reference to a record they removed that the result keeps. */
static gboolean
refers_to_kept (Merge *m, PlItem *item, guint field)
{
  const PlField *f = &pl_item_get_fields (item, NULL)[field];

  return f->type == PL_FIELD_REF && pl_item_get_string (item, field) != NULL &&
         g_hash_table_contains (m->kept, pl_item_get_string (item, field));
}

/* Three-way merges the record @o (ours) with @t (theirs), from @b (NULL: both added it), into
 * @into, a record of the same type. */
static void
merge_record (Merge *m, PlCollection collection, PlItem *b, PlItem *o, PlItem *t, PlItem *into)
{
  guint n_fields;

  pl_item_get_fields (o, &n_fields);
  for (guint f = 0; f < n_fields; f++)
    {
      PlItem *from = o;

      switch (decide (field_equal (o, t, f), field_equal (o, b, f), field_equal (t, b, f), b != NULL))
        {
        case TAKE_THEIRS:
          /* Their moves carried over go with their months, some of which may be ours. */
          if (PL_IS_BUDGET_LINE (o) && f == PL_BUDGET_LINE_CARRIED && merge_parts (m, collection, b, o, t, into, f))
            continue;
          if (!refers_to_kept (m, o, f) || pl_item_field_is_set (t, f))
            from = t;
          break;
        case TAKE_CONFLICT:
          if (merge_parts (m, collection, b, o, t, into, f))
            continue;
          add_conflict (m, PL_MERGE_CONFLICT_FIELD, collection, b, o, t, (int) f, 0);
          break;
        default:
          break;
        }
      if (!field_equal (into, from, f))
        copy_field (into, from, f);
    }
  {
    PlExtras *eb = item_extras (b), *eo = item_extras (o), *et = item_extras (t);
    PlExtras *from = eo;

    switch (decide (pl_extras_equal (eo, et), pl_extras_equal (eo, eb), pl_extras_equal (et, eb), b != NULL))
      {
      case TAKE_THEIRS:
        from = et;
        break;
      case TAKE_CONFLICT:
        add_conflict (m, PL_MERGE_CONFLICT_FIELD, collection, b, o, t, PL_DIFF_FIELD_EXTRAS, 0);
        break;
      default:
        break;
      }
    if (!pl_extras_equal (item_extras (into), from))
      pl_extras_assign (pl_item_get_extras (into), from);
  }
  /* Point by point: two people add different months far more often than they change one. */
  for (PlSeriesKind kind = 0; kind < N_SERIES_KINDS; kind++)
    if (pl_item_get_series (o, kind) != NULL)
      merge_series (m, collection, b, o, t, into, kind);
}

/* TRUE when a reference of @item names a record they removed that the result keeps. */
static gboolean
refers_any_kept (Merge *m, PlItem *item)
{
  guint n_fields;

  if (g_hash_table_size (m->kept) == 0)
    return FALSE;
  pl_item_get_fields (item, &n_fields);
  for (guint f = 0; f < n_fields; f++)
    if (refers_to_kept (m, item, f))
      return TRUE;
  return FALSE;
}

/* The record of the result for @o (ours, present), or NULL when it goes. A record only one side
 * changed is that side's record itself, shared rather than copied: merging big plans is mostly
 * records neither changed, and nothing edits a record the result shares (own_record()). */
static PlItem *
merge_ours (Merge *m, PlCollection collection, PlItem *b, PlItem *o, PlItem *t)
{
  const char *id = pl_item_get_id (o);
  PlItem *into;

  if (b != NULL && t == NULL)
    {
      /* They removed it: it goes, unless we changed it or a record it names stays (the records
       * a record names are in collections before its own). Not only what cannot exist without
       * that record: a calendar entry of a campaign goes with it in the window's delete, and
       * comes back with it here, so that keeping our campaign keeps all of it. */
      if (record_equal (o, b))
        {
          if (!refers_any_kept (m, o))
            return NULL;
        }
      else
        add_conflict (m, PL_MERGE_CONFLICT_CHANGED_REMOVED, collection, b, o, NULL, PL_MERGE_FIELD_RECORD, 0);
      g_hash_table_add (m->kept, (gpointer) id);
      return g_object_ref (o);
    }
  if (t == NULL || record_equal (o, t) || (b != NULL && record_equal (t, b)))
    return g_object_ref (o);
  if (b != NULL && record_equal (o, b) && !refers_any_kept (m, o))
    return g_object_ref (t);
  into = record_new_like (o);
  merge_record (m, collection, b, o, t, into);
  return into;
}

static void
merge_extras (Merge *m, PlExtras *b, PlExtras *o, PlExtras *t, PlExtras *into, PlCollection collection)
{
  PlExtras *from = o;

  switch (decide (pl_extras_equal (o, t), pl_extras_equal (o, b), pl_extras_equal (t, b), TRUE))
    {
    case TAKE_THEIRS:
      from = t;
      break;
    case TAKE_CONFLICT:
      {
        Conflict *conflict = g_new0 (Conflict, 1);
        g_autofree char *where = g_strdup_printf ("<%s>", collection == PL_COLLECTION_NONE ? "plan"
                                                                                            : pl_collection_get_container (collection));

        conflict->pub.kind = PL_MERGE_CONFLICT_FIELD;
        conflict->outside = TRUE;
        conflict->pub.collection = collection;
        conflict->pub.name = g_strdup (pl_plan_get_title (m->ours));
        conflict->pub.field = PL_DIFF_FIELD_EXTRAS;
        /* Translators: %s is an XML element's name in angle brackets ("<campaigns>") */
        conflict->pub.label = g_strdup_printf (_("Unknown elements in %s"), where);
        conflict->pub.base_text = pl_extras_to_text (b);
        conflict->pub.ours_text = pl_extras_to_text (o);
        conflict->pub.theirs_text = pl_extras_to_text (t);
        g_ptr_array_add (m->conflicts, conflict);
      }
      break;
    default:
      break;
    }
  pl_extras_assign (into, from);
}

static void
append_theirs (GPtrArray *items, GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (items, g_object_ref (g_ptr_array_index (records, i)));
}

/* The next record of @model from *@index on that @other also holds (a new reference), or NULL. */
static PlItem *
next_shared (GListModel *model, guint *index, PlPlan *other, PlCollection collection)
{
  for (guint n = g_list_model_get_n_items (model); *index < n; (*index)++)
    {
      PlItem *item = g_list_model_get_item (model, *index);

      if (lookup_in (other, collection, pl_item_get_id (item)) != NULL)
        return item;
      g_object_unref (item);
    }
  return NULL;
}

/* TRUE when @side holds the records it shares with @base in @base's order: it moved none. */
static gboolean
keeps_order (PlPlan *side, PlPlan *base, PlCollection collection)
{
  GListModel *a = pl_plan_get_collection (side, collection);
  GListModel *b = pl_plan_get_collection (base, collection);
  guint i = 0, j = 0;

  for (;; i++, j++)
    {
      g_autoptr(PlItem) x = next_shared (a, &i, base, collection);
      g_autoptr(PlItem) y = next_shared (b, &j, side, collection);

      if (x == NULL || y == NULL)
        return x == y;
      if (strcmp (pl_item_get_id (x), pl_item_get_id (y)) != 0)
        return FALSE;
    }
}

static int
compare_places (gconstpointer a, gconstpointer b, gpointer places)
{
  guint x = GPOINTER_TO_UINT (g_hash_table_lookup (places, pl_item_get_id (*(PlItem * const *) a)));
  guint y = GPOINTER_TO_UINT (g_hash_table_lookup (places, pl_item_get_id (*(PlItem * const *) b)));

  return x < y ? -1 : x > y;
}

/* Puts @items (the result's records in our order) in their order, where only they moved
 * records: theirs in their places, each other one after the record it follows here. */
static void
order_as_theirs (Merge *m, PlCollection collection, GPtrArray *items)
{
  GListModel *theirs = pl_plan_get_collection (m->theirs, collection);
  g_autoptr(GHashTable) places = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) after = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) placed = g_ptr_array_new ();
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_full (items->len, g_object_unref);
  PlItem *anchor = NULL;

  for (guint i = 0, n = g_list_model_get_n_items (theirs); i < n; i++)
    {
      g_autoptr(PlItem) t = g_list_model_get_item (theirs, i);
      g_hash_table_insert (places, (gpointer) pl_item_get_id (t), GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < items->len; i++)
    {
      PlItem *item = g_ptr_array_index (items, i);
      GPtrArray *group;

      if (g_hash_table_contains (places, pl_item_get_id (item)))
        {
          g_ptr_array_add (placed, item);
          anchor = item;
          continue;
        }
      group = g_hash_table_lookup (after, anchor);
      if (group == NULL)
        g_hash_table_insert (after, anchor, group = g_ptr_array_new ());
      g_ptr_array_add (group, item);
    }
  g_ptr_array_sort_with_data (placed, compare_places, places);
  for (guint i = 0; i <= placed->len; i++)
    {
      PlItem *item = i > 0 ? g_ptr_array_index (placed, i - 1) : NULL;
      GPtrArray *group = g_hash_table_lookup (after, item);

      if (item != NULL)
        g_ptr_array_add (ordered, g_object_ref (item));
      for (guint j = 0; group != NULL && j < group->len; j++)
        g_ptr_array_add (ordered, g_object_ref (g_ptr_array_index (group, j)));
    }
  g_ptr_array_set_size (items, 0);
  g_ptr_array_extend_and_steal (items, g_steal_pointer (&ordered));
}

static void
merge_collection (Merge *m, PlCollection collection)
{
  GListModel *ours = pl_plan_get_collection (m->ours, collection);
  GListModel *theirs = pl_plan_get_collection (m->theirs, collection);
  /* Their additions, each list after the record of ours it follows in theirs ("" the first). */
  g_autoptr(GHashTable) after = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) removed_changed = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const char *anchor = "";
  GPtrArray *group;

  for (guint i = 0, n = g_list_model_get_n_items (theirs); i < n; i++)
    {
      g_autoptr(PlItem) t = g_list_model_get_item (theirs, i);
      const char *id = pl_item_get_id (t);
      PlItem *b, *o = lookup_in (m->ours, collection, id);

      if (o != NULL)
        {
          anchor = id;
          continue;
        }
      b = lookup_in (m->base, collection, id);
      if (b != NULL)
        {
          /* We removed it: it stays removed, unless they changed it. */
          if (!record_equal (t, b))
            g_ptr_array_add (removed_changed, g_object_ref (t));
          continue;
        }
      /* An ID ours gives to a record of another kind cannot be theirs too: ours holds it. */
      if (pl_plan_lookup (m->ours, id) != NULL)
        {
          add_conflict (m, PL_MERGE_CONFLICT_FIELD, collection, NULL, NULL, t, PL_MERGE_FIELD_RECORD, 0);
          continue;
        }
      group = g_hash_table_lookup (after, anchor);
      if (group == NULL)
        g_hash_table_insert (after, (gpointer) anchor, group = g_ptr_array_new ());
      g_ptr_array_add (group, t);
    }

  if ((group = g_hash_table_lookup (after, "")) != NULL)
    append_theirs (items, group);
  group = NULL;
  for (guint i = 0, n = g_list_model_get_n_items (ours); i < n; i++)
    {
      g_autoptr(PlItem) o = g_list_model_get_item (ours, i);
      const char *id = pl_item_get_id (o);
      PlItem *b = lookup_in (m->base, collection, id);
      PlItem *t = lookup_in (m->theirs, collection, id);
      gboolean ours_only = b == NULL && t == NULL;
      PlItem *into;

      /* Their additions after a record come after ours too: both appended, ours first. */
      if (!ours_only && group != NULL)
        {
          append_theirs (items, group);
          group = NULL;
        }
      into = merge_ours (m, collection, b, o, t);
      if (into != NULL)
        g_ptr_array_add (items, into);
      if (!ours_only)
        group = g_hash_table_lookup (after, id);
    }
  if (group != NULL)
    append_theirs (items, group);
  for (guint i = 0; i < removed_changed->len; i++)
    {
      PlItem *t = g_ptr_array_index (removed_changed, i);

      add_conflict (m, PL_MERGE_CONFLICT_REMOVED_CHANGED, collection, lookup_in (m->base, collection, pl_item_get_id (t)),
                    NULL, t, PL_MERGE_FIELD_RECORD, 0);
      g_object_unref (t);
    }
  /* The order is ours, unless only they moved records. */
  if (!keeps_order (m->theirs, m->base, collection) && keeps_order (m->ours, m->base, collection))
    order_as_theirs (m, collection, items);
  /* The array keeps its references: the plan takes its own. */
  pl_plan_append_loaded (m->result, collection, items);
  merge_extras (m, pl_plan_get_container_extras (m->base, collection), pl_plan_get_container_extras (m->ours, collection),
                pl_plan_get_container_extras (m->theirs, collection),
                pl_plan_get_container_extras (m->result, collection), collection);
}

/* ---- rules broken together ---- */

static void
unref_or_null (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static char *
problem_key (const PlProblem *problem)
{
  return g_strconcat (problem->id ? problem->id : "", "\n", problem->message, NULL);
}

static GHashTable *
ours_errors (Result *result)
{
  if (result->ours_errors == NULL)
    {
      g_autoptr(GPtrArray) problems = pl_plan_validate (result->pub.ours);

      result->ours_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < problems->len; i++)
        {
          const PlProblem *problem = g_ptr_array_index (problems, i);
          if (!problem->warning)
            g_hash_table_add (result->ours_errors, problem_key (problem));
        }
    }
  return result->ours_errors;
}

/* The errors of @plan that ours does not have too (a new array of PlProblem). */
static GPtrArray *
new_errors (Result *result, PlPlan *plan)
{
  GPtrArray *problems = pl_plan_validate (plan);
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_problem_free);

  for (guint i = 0; i < problems->len; i++)
    {
      PlProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *key = NULL;

      if (problem->warning)
        continue;
      key = problem_key (problem);
      if (!g_hash_table_contains (ours_errors (result), key))
        g_ptr_array_add (errors, g_steal_pointer (&g_ptr_array_index (problems, i)));
    }
  g_ptr_array_set_free_func (problems, (GDestroyNotify) pl_problem_free);
  g_ptr_array_unref (problems);
  return errors;
}

static PlCollection
collection_of (PlItem *item)
{
  return PL_IS_METADATA (item) ? PL_COLLECTION_NONE : pl_collection_for_type (G_OBJECT_TYPE (item));
}

/* The record @id of @plan whatever its collection; "" is the settings. */
static PlItem *
lookup_any (PlPlan *plan, const char *id)
{
  return *id == '\0' ? PL_ITEM (pl_plan_get_metadata (plan)) : pl_plan_lookup (plan, id);
}

/* The position after the last record before @item in @model_from that @plan holds. */
static guint
position_after_predecessor (PlPlan *plan, PlCollection collection, GListModel *from, PlItem *item)
{
  GListModel *into = pl_plan_get_collection (plan, collection);
  guint index, position;

  if (!g_list_store_find (G_LIST_STORE (from), item, &index))
    return g_list_model_get_n_items (into);
  while (index-- > 0)
    {
      g_autoptr(PlItem) before = g_list_model_get_item (from, index);
      PlItem *there = lookup_in (plan, collection, pl_item_get_id (before));

      if (there != NULL && g_list_store_find (G_LIST_STORE (into), there, &position))
        return position + 1;
    }
  return 0;
}

/* Sets the record @id of the result to what @side holds (absent included), without undo: the
 * record is replaced, as it may be shared. */
static void
set_record_to (PlPlan *result, PlPlan *side, const char *id)
{
  PlItem *want = lookup_any (side, id);
  PlItem *have = lookup_any (result, id);
  PlCollection collection;
  gboolean placed = FALSE;
  guint position = 0;

  if (have != NULL && PL_IS_METADATA (have))
    {
      record_assign (have, want);
      pl_plan_touch (result, PL_COLLECTION_NONE);
      return;
    }
  if (have != NULL)
    {
      collection = collection_of (have);
      placed = g_list_store_find (G_LIST_STORE (pl_plan_get_collection (result, collection)), have, &position);
      pl_plan_real_remove (result, collection, have);
    }
  if (want != NULL)
    {
      if (!placed || collection_of (want) != collection)
        {
          collection = collection_of (want);
          position = position_after_predecessor (result, collection, pl_plan_get_collection (side, collection), want);
        }
      pl_plan_real_insert (result, collection, want, position);
    }
}

static gboolean
differs_from (PlPlan *result, PlPlan *side, const char *id)
{
  return !record_equal (lookup_any (result, id), lookup_any (side, id));
}

/* Adds to @ids the IDs the references of @item name. */
static void
add_references_of (PlItem *item, GPtrArray *ids)
{
  guint n_fields;
  const PlField *fields;

  if (item == NULL)
    return;
  fields = pl_item_get_fields (item, &n_fields);
  for (guint f = 0; f < n_fields; f++)
    if (fields[f].type == PL_FIELD_REF && pl_item_get_string (item, f) != NULL)
      g_ptr_array_add (ids, g_strdup (pl_item_get_string (item, f)));
}

/* The records a problem of the result is about: its own, those it names and those naming it,
 * here or in ours. */
static GPtrArray *
involved (Result *result, const PlProblem *problem)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  const char *id = problem->id ? problem->id : "";
  PlPlan *plans[] = { result->pub.plan, result->pub.ours };

  g_ptr_array_add (ids, g_strdup (id));
  for (guint p = 0; p < G_N_ELEMENTS (plans); p++)
    {
      PlItem *item = lookup_any (plans[p], id);
      g_autoptr(GPtrArray) refs = NULL;

      if (item == NULL || PL_IS_METADATA (item))
        continue;
      add_references_of (item, ids);
      refs = pl_plan_find_references (plans[p], item);
      for (guint i = 0; i < refs->len; i++)
        g_ptr_array_add (ids, g_strdup (pl_item_get_id (g_ptr_array_index (refs, i))));
    }
  return ids;
}

/* Ours' records that cannot exist without the record @id (borrowed; NULL: none), found in one
 * pass over ours the first time. */
static GPtrArray *
ours_needing (Result *result, const char *id)
{
  if (result->ours_needing == NULL)
    {
      result->ours_needing = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
      for (int c = 0; c < PL_N_COLLECTIONS; c++)
        {
          GListModel *model = pl_plan_get_collection (result->pub.ours, c);

          for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
            {
              g_autoptr(PlItem) item = g_list_model_get_item (model, i);
              guint n_fields;
              const PlField *fields = pl_item_get_fields (item, &n_fields);

              for (guint f = 0; f < n_fields; f++)
                if ((fields[f].flags & PL_FIELD_REQUIRED) && fields[f].type == PL_FIELD_REF &&
                    pl_item_get_string (item, f) != NULL)
                  {
                    const char *target = pl_item_get_string (item, f);
                    GPtrArray *list = g_hash_table_lookup (result->ours_needing, target);

                    if (list == NULL)
                      g_hash_table_insert (result->ours_needing, (gpointer) target, list = g_ptr_array_new ());
                    g_ptr_array_add (list, item);
                  }
            }
        }
    }
  return g_hash_table_lookup (result->ours_needing, id);
}

/* Adds to @ids the records of ours that cannot exist without @item, which the result lacks and
 * we did not change: what their removal of @item took along. */
static void
add_taken_along (Result *result, PlItem *item, GPtrArray *ids)
{
  GPtrArray *needing = ours_needing (result, pl_item_get_id (item));

  for (guint i = 0; needing != NULL && i < needing->len; i++)
    {
      PlItem *ref = g_ptr_array_index (needing, i);
      const char *id = pl_item_get_id (ref);
      PlCollection collection = collection_of (ref);

      if (lookup_in (result->pub.plan, collection, id) == NULL &&
          record_equal (ref, lookup_in (result->pub.base, collection, id)) &&
          !g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        g_ptr_array_add (ids, g_strdup (id));
    }
}

static void
add_rule_conflict (Result *result, const PlProblem *problem, GPtrArray *ids, gboolean all)
{
  PlPlan *plan = result->pub.plan;
  Conflict *conflict = g_new0 (Conflict, 1);
  const char *id = problem->id ? problem->id : "";
  PlPlan *holder = plan;
  PlItem *item = lookup_any (plan, id);

  if (item == NULL)
    item = lookup_any (holder = result->pub.ours, id);
  if (item == NULL)
    item = lookup_any (holder = result->pub.theirs, id);
  conflict->pub.kind = PL_MERGE_CONFLICT_RULE;
  conflict->pub.collection = item ? collection_of (item) : PL_COLLECTION_NONE;
  conflict->pub.id = problem->id && item && !PL_IS_METADATA (item) ? g_strdup (problem->id) : NULL;
  name_record (conflict, item && !PL_IS_METADATA (item) ? item : NULL, holder, result->pub.ours);
  conflict->pub.field = PL_MERGE_FIELD_RECORD;
  conflict->pub.reason = g_strdup (problem->message);
  conflict->rule_ids = g_ptr_array_new_with_free_func (g_free);
  conflict->rule_items = g_ptr_array_new_with_free_func (unref_or_null);
  /* What the merge had made of each, for pl_merge_result_take_theirs(); then ours. */
  for (guint i = 0; i < ids->len; i++)
    {
      const char *one = g_ptr_array_index (ids, i);
      PlItem *merged = lookup_any (plan, one);
      PlItem *back;

      g_ptr_array_add (conflict->rule_ids, g_strdup (one));
      g_ptr_array_add (conflict->rule_items, merged ? g_object_ref (merged) : NULL);
      set_record_to (plan, result->pub.ours, one);
      /* A record their removal took comes back with what it took along and we did not change
       * (a campaign's KPI links), as it is ours. */
      if (!all && merged == NULL && (back = lookup_any (plan, one)) != NULL && !PL_IS_METADATA (back))
        add_taken_along (result, back, ids);
    }
  g_ptr_array_add (result->pub.conflicts, conflict);
}

/* Adds @id to @ids when the result's record differs from ours and it is not there yet. */
static void
add_differing (Result *result, GHashTable *seen, GPtrArray *ids, const char *id)
{
  if (!g_hash_table_contains (seen, id) && differs_from (result->pub.plan, result->pub.ours, id))
    {
      g_hash_table_add (seen, g_strdup (id));
      g_ptr_array_add (ids, g_strdup (id));
    }
}

/* Every record of the result that differs from ours. */
static GPtrArray *
all_differing (Result *result)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  PlPlan *plans[] = { result->pub.plan, result->pub.ours };

  add_differing (result, seen, ids, "");
  for (guint p = 0; p < G_N_ELEMENTS (plans); p++)
    for (int c = 0; c < PL_N_COLLECTIONS; c++)
      {
        GListModel *model = pl_plan_get_collection (plans[p], c);

        for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
          {
            g_autoptr(PlItem) item = g_list_model_get_item (model, i);
            add_differing (result, seen, ids, pl_item_get_id (item));
          }
      }
  return ids;
}

/* Sets back to ours the records of each rule the merged changes break together, until the
 * result has no error ours does not have. */
static void
keep_rules (Result *result)
{
  for (guint round = 0; round < 100; round++)
    {
      g_autoptr(GPtrArray) errors = new_errors (result, result->pub.plan);
      gboolean progress = FALSE;

      if (errors->len == 0)
        return;
      for (guint e = 0; e < errors->len; e++)
        {
          const PlProblem *problem = g_ptr_array_index (errors, e);
          g_autoptr(GPtrArray) candidates = involved (result, problem);
          g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

          for (guint i = 0; i < candidates->len; i++)
            add_differing (result, seen, ids, g_ptr_array_index (candidates, i));
          if (ids->len == 0)
            continue;
          add_rule_conflict (result, problem, ids, FALSE);
          progress = TRUE;
        }
      if (!progress)
        {
          /* The records a problem names are ours already: what breaks the rule lies further
           * away. Ours as a whole validates as well as ours does. */
          g_autoptr(GPtrArray) ids = all_differing (result);

          if (ids->len == 0)
            return;
          add_rule_conflict (result, g_ptr_array_index (errors, 0), ids, TRUE);
        }
    }
}

/* ---- merging ---- */

static int
compare_collections (gconstpointer a, gconstpointer b)
{
  const PlMergeConflict *x = *(PlMergeConflict * const *) a;
  const PlMergeConflict *y = *(PlMergeConflict * const *) b;

  return (int) x->collection - (int) y->collection;
}

PlMergeResult *
pl_plan_merge (PlPlan *base, PlPlan *ours, PlPlan *theirs)
{
  Result *result = g_new0 (Result, 1);
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  Merge m = { base, ours, theirs, NULL, NULL, kept };
  PlItem *mb = PL_ITEM (pl_plan_get_metadata (base));
  PlItem *mo = PL_ITEM (pl_plan_get_metadata (ours));
  PlItem *mt = PL_ITEM (pl_plan_get_metadata (theirs));

  g_return_val_if_fail (PL_IS_PLAN (base) && PL_IS_PLAN (ours) && PL_IS_PLAN (theirs), NULL);
  result->pub.base = g_object_ref (base);
  result->pub.ours = g_object_ref (ours);
  result->pub.theirs = g_object_ref (theirs);
  result->pub.plan = m.result = pl_plan_new ();
  result->pub.conflicts = m.conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_free);

  if (record_equal (mo, mt) || record_equal (mt, mb))
    record_assign (PL_ITEM (pl_plan_get_metadata (m.result)), mo);
  else
    merge_record (&m, PL_COLLECTION_NONE, mb, mo, mt, PL_ITEM (pl_plan_get_metadata (m.result)));
  merge_extras (&m, pl_plan_get_extras (base), pl_plan_get_extras (ours), pl_plan_get_extras (theirs),
                pl_plan_get_extras (m.result), PL_COLLECTION_NONE);
  for (int c = 0; c < PL_N_COLLECTIONS; c++)
    merge_collection (&m, c);
  keep_rules (result);
  /* Each collection's conflicts gathered, the settings' first: the walk found them record by
   * record, and the broken rules last. (The sort keeps the order within each.) */
  g_ptr_array_sort (m.conflicts, compare_collections);
  return &result->pub;
}

void
pl_merge_result_free (PlMergeResult *pub)
{
  Result *result = (Result *) pub;

  if (result == NULL)
    return;
  g_clear_object (&pub->plan);
  g_clear_object (&pub->base);
  g_clear_object (&pub->ours);
  g_clear_object (&pub->theirs);
  g_clear_pointer (&pub->conflicts, g_ptr_array_unref);
  g_clear_pointer (&result->ours_errors, g_hash_table_unref);
  g_clear_pointer (&result->ours_needing, g_hash_table_unref);
  g_free (result);
}

/* ---- edits that make one plan hold what another holds ---- */

/* Exchanges what an extras holds with another: the undo command of unknown elements. */
typedef struct {
  PlCommand    parent;
  PlExtras    *extras;   /* the plan's or a record's */
  PlExtras    *other;    /* the value not currently there */
  GObject     *owner;    /* keeps @extras alive */
  PlCollection touched;
} SwapExtras;

static void
swap_extras (PlCommand *command, PlPlan *plan)
{
  SwapExtras *self = (SwapExtras *) command;
  PlExtras tmp = *self->extras;

  *self->extras = *self->other;
  *self->other = tmp;
  pl_plan_touch (plan, self->touched);
}

static void
swap_extras_destroy (PlCommand *command)
{
  SwapExtras *self = (SwapExtras *) command;

  pl_extras_free (self->other);
  g_object_unref (self->owner);
}

static const PlCommandVTable swap_extras_vtable = { swap_extras, swap_extras, swap_extras_destroy };

/* Sets @extras (owned by @owner) to what @want holds, as an edit of @plan. */
static void
push_extras (PlPlan *plan, GObject *owner, PlExtras *extras, const PlExtras *want, PlCollection touched)
{
  SwapExtras *self;

  if (pl_extras_equal (extras, want))
    return;
  self = g_new0 (SwapExtras, 1);
  self->parent.vtable = &swap_extras_vtable;
  self->extras = extras;
  self->other = pl_extras_new ();
  pl_extras_assign (self->other, want);
  self->owner = g_object_ref (owner);
  self->touched = touched;
  pl_plan_push (plan, &self->parent);
}

/* Sets the point of @item's series @kind on @julian to @point (NULL: none), as an edit of @plan. */
static void
push_point (PlPlan *plan, PlItem *item, PlSeriesKind kind, guint32 julian, const PlPoint *point)
{
  double value = point != NULL ? point->value : NAN;
  const char *source = point != NULL ? point->source : NULL;

  if (kind == PL_SERIES_RESULTS)
    pl_plan_set_result (plan, PL_CAMPAIGN_KPI (item), julian, value, source);
  else
    pl_plan_set_point (plan, PL_KPI (item), kind, julian, value, source);
}

/* Makes @have, a record of @plan, hold what @want holds, as edits of @plan. The edits are not
 * checked one by one: @want comes with the rest of its plan, and only the whole is right. */
static void
push_record (PlPlan *plan, PlItem *have, PlItem *want)
{
  PlCollection collection = collection_of (have);
  guint n_fields;

  pl_item_get_fields (want, &n_fields);
  for (guint f = 0; f < n_fields; f++)
    if (!field_equal (have, want, f))
      pl_plan_push (plan, pl_command_new_set_field (have, f, pl_item_dup_slot (want, f), NULL));
  if (!pl_extras_equal (item_extras (have), item_extras (want)))
    push_extras (plan, G_OBJECT (have), pl_item_get_extras (have), item_extras (want), collection);
  for (PlSeriesKind kind = 0; kind < N_SERIES_KINDS; kind++)
    {
      PlSeries *from = pl_item_get_series (have, kind), *to = pl_item_get_series (want, kind);
      guint i = 0, j = 0, n, nt;
      g_autoptr(GArray) gone = NULL;

      if (from == NULL || to == NULL || pl_series_equal (from, to))
        continue;
      n = pl_series_get_n (from);
      nt = pl_series_get_n (to);
      gone = g_array_new (FALSE, FALSE, sizeof (guint32));
      /* The points to remove are found before any change moves them. */
      for (; i < n; i++)
        if (pl_series_lookup (to, pl_series_get (from, i)->julian) == NULL)
          g_array_append_val (gone, pl_series_get (from, i)->julian);
      for (guint g = 0; g < gone->len; g++)
        push_point (plan, have, kind, g_array_index (gone, guint32, g), NULL);
      for (; j < nt; j++)
        push_point (plan, have, kind, pl_series_get (to, j)->julian, pl_series_get (to, j));
    }
}

static void
push_insert (PlPlan *plan, PlCollection collection, PlItem *item, guint position)
{
  pl_plan_push (plan, pl_command_new_membership (collection, item, position, TRUE, NULL));
}

static void
push_remove (PlPlan *plan, PlCollection collection, PlItem *item)
{
  guint position;

  if (g_list_store_find (G_LIST_STORE (pl_plan_get_collection (plan, collection)), item, &position))
    pl_plan_push (plan, pl_command_new_membership (collection, item, position, FALSE, NULL));
}

void
pl_plan_update_to (PlPlan *plan, PlPlan *target, const char *label)
{
  g_return_if_fail (PL_IS_PLAN (plan) && PL_IS_PLAN (target));

  pl_plan_begin_group (plan, label);
  push_record (plan, PL_ITEM (pl_plan_get_metadata (plan)), PL_ITEM (pl_plan_get_metadata (target)));
  push_extras (plan, G_OBJECT (plan), pl_plan_get_extras (plan), pl_plan_get_extras (target), PL_COLLECTION_NONE);
  /* Every removal first, so that an ID that moves to another kind of record is free again. */
  for (int c = 0; c < PL_N_COLLECTIONS; c++)
    {
      GListModel *model = pl_plan_get_collection (plan, c);

      for (guint i = g_list_model_get_n_items (model); i-- > 0;)
        {
          g_autoptr(PlItem) item = g_list_model_get_item (model, i);
          if (lookup_in (target, c, pl_item_get_id (item)) == NULL)
            pl_plan_push (plan, pl_command_new_membership (c, item, i, FALSE, NULL));
        }
    }
  for (int c = 0; c < PL_N_COLLECTIONS; c++)
    {
      GListModel *model = pl_plan_get_collection (plan, c);
      GListModel *wanted = pl_plan_get_collection (target, c);
      guint n = g_list_model_get_n_items (wanted);

      push_extras (plan, G_OBJECT (plan), pl_plan_get_container_extras (plan, c),
                   pl_plan_get_container_extras (target, c), c);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PlItem) want = g_list_model_get_item (wanted, i);
          PlItem *have = lookup_in (plan, c, pl_item_get_id (want));

          if (have != NULL)
            push_record (plan, have, want);
          else
            {
              g_autoptr(PlItem) copy = record_copy (want);
              push_insert (plan, c, copy, i);
            }
        }
      /* The order: each place holds the record the target has there. */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PlItem) want = g_list_model_get_item (wanted, i);
          g_autoptr(PlItem) there = g_list_model_get_item (model, i);

          if (g_strcmp0 (pl_item_get_id (there), pl_item_get_id (want)) != 0)
            {
              PlItem *have = lookup_in (plan, c, pl_item_get_id (want));

              push_remove (plan, c, have);
              push_insert (plan, c, have, i);
            }
        }
    }
  pl_plan_end_group (plan);
}

/* ---- taking their side ---- */

static PlExtras *
outside_extras (PlPlan *plan, PlCollection collection)
{
  return collection == PL_COLLECTION_NONE ? pl_plan_get_extras (plan) : pl_plan_get_container_extras (plan, collection);
}

/* Replaces @have, a record of the result (NULL: none), by a copy of @want (NULL: none), as
 * edits; the record keeps its place, or takes the one it has in theirs. */
static PlItem *
push_replace (Result *result, PlItem *have, PlItem *want)
{
  PlPlan *plan = result->pub.plan;
  PlCollection collection = PL_COLLECTION_NONE;
  gboolean placed = FALSE;
  guint position = 0;
  PlItem *copy;

  if (have != NULL && PL_IS_METADATA (have))
    {
      push_record (plan, have, want);
      return have;
    }
  if (have != NULL)
    {
      collection = collection_of (have);
      placed = g_list_store_find (G_LIST_STORE (pl_plan_get_collection (plan, collection)), have, &position);
      push_remove (plan, collection, have);
    }
  if (want == NULL)
    return NULL;
  if (!placed || collection_of (want) != collection)
    {
      PlItem *there;

      collection = collection_of (want);
      there = lookup_in (result->pub.theirs, collection, pl_item_get_id (want));
      position = there ? position_after_predecessor (plan, collection, pl_plan_get_collection (result->pub.theirs, collection),
                                                     there)
                       : pl_plan_get_n (plan, collection);
    }
  copy = record_copy (want);
  push_insert (plan, collection, copy, position);
  g_object_unref (copy);
  return copy;
}

/* TRUE when @item, a record of the result, is ours' or theirs' own (pl_plan_merge() shares the
 * records only one side changed): editing it would edit that plan. */
static gboolean
is_shared (Result *result, PlItem *item)
{
  PlCollection collection = collection_of (item);

  return collection != PL_COLLECTION_NONE &&
         (lookup_in (result->pub.ours, collection, pl_item_get_id (item)) == item ||
          lookup_in (result->pub.theirs, collection, pl_item_get_id (item)) == item);
}

/* @item, or a copy of it that takes its place when it is shared: a record the result may edit. */
static PlItem *
own_record (Result *result, PlItem *item)
{
  return is_shared (result, item) ? push_replace (result, item, item) : item;
}

/* Makes the result own what removing @item edits: the records that refer to it (and, for those
 * that go with it, the records that refer to them), and the scenarios naming a category. */
static void
own_referrers (Result *result, PlItem *item)
{
  PlPlan *plan = result->pub.plan;
  g_autoptr(GPtrArray) refs = pl_plan_find_references (plan, item);

  if (PL_IS_CATEGORY (item))
    {
      GListModel *scenarios = pl_plan_get_collection (plan, PL_COLLECTION_SCENARIOS);

      for (guint i = g_list_model_get_n_items (scenarios); i-- > 0;)
        {
          g_autoptr(PlItem) scenario = g_list_model_get_item (scenarios, i);
          own_record (result, scenario);
        }
    }
  for (guint i = 0; i < refs->len; i++)
    {
      PlItem *ref = g_ptr_array_index (refs, i);
      guint n_fields;
      const PlField *fields = pl_item_get_fields (ref, &n_fields);
      gboolean required = FALSE;

      for (guint f = 0; f < n_fields; f++)
        required |= (fields[f].flags & PL_FIELD_REQUIRED) && fields[f].type == PL_FIELD_REF &&
                    g_strcmp0 (pl_item_get_string (ref, f), pl_item_get_id (item)) == 0;
      if (required)
        own_referrers (result, ref);
      else
        own_record (result, ref);
    }
}

/* Puts back the records of a broken rule as the merge had made them. */
static void
push_rule_records (Result *result, const Conflict *conflict)
{
  for (guint i = 0; i < conflict->rule_ids->len; i++)
    {
      const char *id = g_ptr_array_index (conflict->rule_ids, i);

      push_replace (result, lookup_any (result->pub.plan, id), g_ptr_array_index (conflict->rule_items, i));
    }
}

/* Sets the part @key of @field of @have, a record of @plan, to what @want holds there. */
static gboolean
take_part (PlPlan *plan, PlItem *have, PlItem *want, guint field, const char *key, GError **error)
{
  Parts parts, theirs;
  GVariant *value;
  PlSlot slot;
  gboolean ok;

  parts_read (have, field, &parts);
  parts_read (want, field, &theirs);
  value = g_hash_table_lookup (theirs.values, key);
  parts_set (&parts, key, NULL);
  if (value != NULL)
    parts_set (&parts, key, g_variant_ref (value));
  slot = parts_slot (have, field, &parts, pl_plan_get_months (plan));
  if (pl_item_get_fields (have, NULL)[field].type == PL_FIELD_STRV)
    {
      ok = pl_plan_set_strv (plan, have, field, (const char * const *) slot.v, error);
      g_strfreev (slot.v);
    }
  else
    {
      ok = pl_plan_set_variant (plan, have, field, slot.var, error);
      g_clear_pointer (&slot.var, g_variant_unref);
    }
  parts_clear (&parts);
  parts_clear (&theirs);
  return ok;
}

static gboolean
apply_theirs (Result *result, const Conflict *conflict, GError **error)
{
  const PlMergeConflict *pub = &conflict->pub;
  PlPlan *plan = result->pub.plan, *theirs = result->pub.theirs;
  PlItem *have = lookup_in (plan, pub->collection, pub->id);
  PlItem *want = lookup_in (theirs, pub->collection, pub->id);

  if (pub->kind == PL_MERGE_CONFLICT_RULE)
    {
      push_rule_records (result, conflict);
      return TRUE;
    }
  if (conflict->outside)
    {
      push_extras (plan, G_OBJECT (plan), outside_extras (plan, pub->collection),
                   outside_extras (theirs, pub->collection), pub->collection);
      return TRUE;
    }
  if (pub->kind == PL_MERGE_CONFLICT_REMOVED_CHANGED)
    {
      if (want != NULL && have == NULL)
        push_replace (result, NULL, want);
      return TRUE;
    }
  if (pub->kind == PL_MERGE_CONFLICT_CHANGED_REMOVED)
    {
      if (have != NULL)
        {
          own_referrers (result, have);
          pl_plan_remove (plan, have);
        }
      return TRUE;
    }
  if (have == NULL || want == NULL || pub->field == PL_MERGE_FIELD_RECORD)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("Their record cannot be taken: yours holds its ID for another kind of record."));
      return FALSE;
    }
  have = own_record (result, have);
  if (pub->field == PL_DIFF_FIELD_EXTRAS)
    push_extras (plan, G_OBJECT (have), pl_item_get_extras (have), item_extras (want), pub->collection);
  else if (field_series (pub->field) >= 0)
    {
      PlSeriesKind kind = (PlSeriesKind) field_series (pub->field);

      push_point (plan, have, kind, pub->period, pl_series_lookup (item_series (want, kind), pub->period));
    }
  else if (conflict->part_key != NULL)
    return take_part (plan, have, want, (guint) pub->field, conflict->part_key, error);
  else
    return pl_plan_copy_field (plan, have, (guint) pub->field, want, error);
  return TRUE;
}

gboolean
pl_merge_result_take_theirs (PlMergeResult *pub, const PlMergeConflict *conflict, GError **error)
{
  Result *result = (Result *) pub;
  gboolean ok;

  g_return_val_if_fail (pub != NULL && conflict != NULL, FALSE);
  pl_plan_begin_group (pub->plan, _("Take Theirs"));
  ok = apply_theirs (result, (const Conflict *) conflict, error);
  if (ok)
    {
      g_autoptr(GPtrArray) errors = new_errors (result, pub->plan);

      if (errors->len > 0)
        {
          const PlProblem *problem = g_ptr_array_index (errors, 0);

          g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                       /* Translators: %s is the rule broken, in a sentence of its own */
                       _("Their side cannot be taken, as the plan would break a rule: %s"), problem->message);
          ok = FALSE;
        }
    }
  return pl_plan_finish_group (pub->plan, ok);
}

/* ---- conflicts in words ---- */

/* A value inside a sentence: on one line, "none" when unset, a text between quotes so that
 * its own commas do not read as the sentence's. */
static char *
value_in_line (const char *text, gboolean quote)
{
  g_autofree char *line = NULL;

  if (text == NULL || *text == '\0')
    return g_strdup (_("none"));
  line = g_strdup (text);
  g_strdelimit (line, "\r\n\t", ' ');
  /* Translators: a text value quoted in a sentence */
  return quote ? g_strdup_printf (_("“%s”"), line) : g_steal_pointer (&line);
}

/* TRUE when the conflict's field holds words the user typed (names, notes, references shown
 * by the names of what they name). */
static gboolean
is_text_field (const PlMergeConflict *conflict)
{
  g_autoptr(PlItem) sample = NULL;
  PlFieldType type;

  if (conflict->field < 0)
    return FALSE;
  if (conflict->part != NULL)
    return conflict->collection == PL_COLLECTION_NONE;  /* the commentary of a section */
  sample = g_object_new (conflict->collection == PL_COLLECTION_NONE ? PL_TYPE_METADATA
                                                                      : pl_collection_get_item_type (conflict->collection),
                         NULL);
  type = pl_item_get_fields (sample, NULL)[conflict->field].type;
  return type == PL_FIELD_STRING || type == PL_FIELD_TEXT || type == PL_FIELD_REF || type == PL_FIELD_STRV;
}

char *
pl_merge_conflict_describe (const PlMergeConflict *conflict)
{
  g_autofree char *what = NULL;

  g_return_val_if_fail (conflict != NULL, NULL);
  if (conflict->collection == PL_COLLECTION_NONE || conflict->id == NULL)
    what = g_strdup (_("The plan’s settings"));
  else if (((const Conflict *) conflict)->heading != NULL)
    /* Every conflict is a Conflict: only pl_plan_merge() makes them. */
    what = g_strdup (((const Conflict *) conflict)->heading);
  else
    {
      g_autoptr(PlItem) sample = g_object_new (pl_collection_get_item_type (conflict->collection), NULL);
      g_autofree char *noun = pl_capitalise (pl_item_get_noun (sample));

      /* Translators: a record in a sentence: its kind ("Campaign") and its name */
      what = g_strdup_printf (_("%s “%s”"), noun, conflict->name);
    }
  switch (conflict->kind)
    {
    case PL_MERGE_CONFLICT_REMOVED_CHANGED:
      /* Translators: %s is a record ("Campaign “Spring webinar”") */
      return g_strdup_printf (_("%s: you removed it, they changed it; it stays removed"), what);
    case PL_MERGE_CONFLICT_CHANGED_REMOVED:
      /* Translators: %s is a record ("Campaign “Spring webinar”") */
      return g_strdup_printf (_("%s: you changed it, they removed it; yours kept"), what);
    case PL_MERGE_CONFLICT_RULE:
      /* Translators: %s is a record, then the rule broken, as a sentence */
      return g_strdup_printf (_("%s: yours kept, as your changes and theirs together break a rule: %s"), what,
                              conflict->reason);
    case PL_MERGE_CONFLICT_FIELD:
    default:
      break;
    }
  if (conflict->field == PL_MERGE_FIELD_RECORD)
    /* Translators: %s is a record ("Campaign “Spring webinar”") */
    return g_strdup_printf (_("%s: they added a record with an ID yours gives to another; yours kept"), what);
  {
    gboolean quote = is_text_field (conflict);
    g_autofree char *ours = value_in_line (conflict->ours_text, quote);
    g_autofree char *theirs = value_in_line (conflict->theirs_text, quote);

    if (conflict->base_text == NULL)
      /* Translators: a record, a field, your value and theirs, for a record both added */
      return g_strdup_printf (_("%s, %s: yours %s, theirs %s (added on both sides); yours kept"), what,
                              conflict->label, ours, theirs);
    {
      g_autofree char *base = value_in_line (conflict->base_text, quote);
      /* Translators: a record, a field, your value, theirs and the one before both */
      return g_strdup_printf (_("%s, %s: yours %s, theirs %s (was %s); yours kept"), what, conflict->label,
                              ours, theirs, base);
    }
  }
}

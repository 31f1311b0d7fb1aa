/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-merge"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-command.h"
#include "pl-error.h"
#include "pl-kpi-value.h"
#include "pl-money.h"
#include "pl-date-text.h"
#include "pl-plan-diff.h"
#include "pl-plan-merge.h"
#include "pl-plan-private.h"
#include "pl-plan-validate.h"

/* A conflict and what taking their side of a broken rule puts back. */
typedef struct {
  PlMergeConflict pub;
  gboolean   outside;     /* the unknown elements of the plan or of a list, not of a record */
  GPtrArray *rule_ids;    /* RULE: the IDs of the records set back to ours ("" for the settings) */
  GPtrArray *rule_items;  /* RULE: those records as the merge had made them (NULL: absent) */
} Conflict;

typedef struct {
  PlMergeResult pub;
  GHashTable   *ours_errors;  /* "ID\nmessage" of ours' own errors, made when first needed */
} Result;

/* ---- records, field by field ---- */

/* The value of @field as pl_slot_equal() reads it, without copying it. */
static PlSlot
peek_slot (PlItem *item, guint field, PlFieldType type)
{
  switch (type)
    {
    case PL_FIELD_STRING:
    case PL_FIELD_TEXT:
    case PL_FIELD_REF:
      return (PlSlot) { .s = (char *) pl_item_get_string (item, field) };
    case PL_FIELD_STRV:
      return (PlSlot) { .v = (char **) pl_item_get_strv (item, field) };
    case PL_FIELD_DOUBLE:
      return (PlSlot) { .d = pl_item_get_double (item, field) };
    case PL_FIELD_AMOUNTS:
    case PL_FIELD_ANSWERS:
    case PL_FIELD_ASSUMPTIONS:
    case PL_FIELD_SECTION_TEXTS:
    case PL_FIELD_BYTES:
      return (PlSlot) { .var = pl_item_get_variant (item, field) };
    default:
      return (PlSlot) { .i = pl_item_get_int (item, field) };
    }
}

/* TRUE when @field holds the same value in @a and @b; a missing record equals nothing. */
static gboolean
field_equal (PlItem *a, PlItem *b, guint field)
{
  const PlField *f;
  PlSlot x, y;

  if (a == NULL || b == NULL)
    return a == b;
  if (a == b)
    return TRUE;
  f = &pl_item_get_fields (a, NULL)[field];
  x = peek_slot (a, field, f->type);
  y = peek_slot (b, field, f->type);
  return pl_slot_equal (f->type, &x, &y);
}

static void
copy_field (PlItem *to, PlItem *from, guint field)
{
  const PlField *f = &pl_item_get_fields (from, NULL)[field];
  PlSlot slot = pl_item_dup_slot (from, field);

  pl_item_swap_slot (to, field, &slot);
  pl_slot_clear (f->type, &slot);
}

static gboolean
extras_equal (const PlExtras *a, const PlExtras *b)
{
  if (pl_extras_is_empty (a) || pl_extras_is_empty (b))
    return pl_extras_is_empty (a) && pl_extras_is_empty (b);
  if (a->attributes->len != b->attributes->len || !g_string_equal (a->children, b->children))
    return FALSE;
  for (guint i = 0; i < a->attributes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a->attributes, i), g_ptr_array_index (b->attributes, i)) != 0)
      return FALSE;
  return TRUE;
}

/* Makes @to hold what @from holds. */
static void
extras_assign (PlExtras *to, const PlExtras *from)
{
  g_ptr_array_set_size (to->attributes, 0);
  g_string_truncate (to->children, 0);
  if (from == NULL)
    return;
  for (guint i = 0; i < from->attributes->len; i++)
    g_ptr_array_add (to->attributes, g_strdup (g_ptr_array_index (from->attributes, i)));
  g_string_append_len (to->children, from->children->str, from->children->len);
}

/* What the reader kept without knowing it, as the XML it came from. */
static char *
extras_text (const PlExtras *extras)
{
  GString *text = g_string_new (NULL);

  if (extras == NULL)
    return g_string_free (text, FALSE);
  for (guint i = 0; i + 1 < extras->attributes->len; i += 2)
    g_string_append_printf (text, "%s%s=\"%s\"", text->len ? " " : "",
                            (char *) g_ptr_array_index (extras->attributes, i),
                            (char *) g_ptr_array_index (extras->attributes, i + 1));
  if (text->len > 0 && extras->children->len > 0)
    g_string_append_c (text, ' ');
  g_string_append_len (text, extras->children->str, extras->children->len);
  return g_string_free (text, FALSE);
}

/* The item's extras without making an empty one for a record that has none. */
static PlExtras *
item_extras (PlItem *item)
{
  return item != NULL ? pl_item_get_extras (item) : NULL;
}

static PlSeries *
kpi_series (PlItem *kpi, PlSeriesKind kind)
{
  if (kpi == NULL)
    return NULL;
  return kind == PL_SERIES_TARGETS ? pl_kpi_get_targets (PL_KPI (kpi))
                                   : pl_kpi_get_measurements (PL_KPI (kpi));
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

/* TRUE when @a and @b (records of one type) hold the same values, unknown elements, targets and
 * measurements. */
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
  if (!extras_equal (item_extras (a), item_extras (b)))
    return FALSE;
  if (PL_IS_KPI (a))
    return pl_series_equal (kpi_series (a, PL_SERIES_TARGETS), kpi_series (b, PL_SERIES_TARGETS)) &&
           pl_series_equal (kpi_series (a, PL_SERIES_MEASUREMENTS), kpi_series (b, PL_SERIES_MEASUREMENTS));
  return TRUE;
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
  if (!extras_equal (item_extras (to), item_extras (from)))
    extras_assign (pl_item_get_extras (to), item_extras (from));
  if (PL_IS_KPI (from))
    for (PlSeriesKind kind = PL_SERIES_TARGETS; kind <= PL_SERIES_MEASUREMENTS; kind++)
      if (!pl_series_equal (kpi_series (to, kind), kpi_series (from, kind)))
        series_assign (kpi_series (to, kind), kpi_series (from, kind));
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

/* ---- values in words ---- */

static char *
field_text (PlPlan *plan, PlItem *item, int field, guint32 period)
{
  if (item == NULL)
    return NULL;
  if (field == PL_DIFF_FIELD_EXTRAS)
    return extras_text (item_extras (item));
  if (field == PL_DIFF_FIELD_TARGETS || field == PL_DIFF_FIELD_MEASUREMENTS)
    {
      const PlPoint *point = pl_series_lookup (kpi_series (item, field == PL_DIFF_FIELD_TARGETS ? PL_SERIES_TARGETS
                                                                                                 : PL_SERIES_MEASUREMENTS),
                                               period);
      return point != NULL ? pl_kpi_value_format (PL_KPI (item), point->value) : g_strdup ("");
    }
  if (field == PL_MERGE_FIELD_RECORD)
    return g_strdup (pl_item_get_display_name (item));
  {
    const PlField *f = &pl_item_get_fields (item, NULL)[field];
    PlSlot slot = peek_slot (item, field, f->type);

    (void) plan;
    switch (f->type)
      {
      case PL_FIELD_STRING:
      case PL_FIELD_TEXT:
      case PL_FIELD_REF:
        return g_strdup (slot.s ? slot.s : "");
      case PL_FIELD_STRV:
        return slot.v ? g_strjoinv ("; ", slot.v) : g_strdup ("");
      case PL_FIELD_DOUBLE:
        return isnan (slot.d) ? g_strdup ("") : g_strdup_printf ("%g", slot.d);
      case PL_FIELD_MONEY:
        return pl_money_to_display (slot.i, pl_plan_get_currency_exponent (plan));
      case PL_FIELD_DATE:
      case PL_FIELD_MONTH:
        return slot.i ? pl_date_text ((guint32) slot.i, PL_DATE_NUMERIC) : g_strdup ("");
      case PL_FIELD_INT:
      case PL_FIELD_BOOL:
      case PL_FIELD_ENUM:
        return g_strdup_printf ("%" G_GINT64_FORMAT, slot.i);
      default:
        return slot.var ? g_variant_print (slot.var, FALSE) : g_strdup ("");
      }
  }
}

/* @text with its first letter a capital ("Channel" for the label "channel"). */
static char *
capitalize (const char *text)
{
  g_autofree char *first = g_utf8_strup (text, g_utf8_next_char (text) - text);

  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static char *
field_label (PlItem *item, int field, guint32 period)
{
  if (field == PL_DIFF_FIELD_EXTRAS)
    return g_strdup (_("Unknown elements"));
  if (field == PL_DIFF_FIELD_TARGETS || field == PL_DIFF_FIELD_MEASUREMENTS)
    {
      g_autofree char *month = pl_date_format (period, "%B %Y");
      return field == PL_DIFF_FIELD_TARGETS
        /* Translators: %s is a month and its year ("March 2027") */
        ? g_strdup_printf (_("Target for %s"), month)
        /* Translators: %s is a month and its year ("March 2027") */
        : g_strdup_printf (_("Measurement for %s"), month);
    }
  if (field == PL_MERGE_FIELD_RECORD)
    return NULL;
  return capitalize (g_dgettext (GETTEXT_PACKAGE, pl_item_get_fields (item, NULL)[field].label));
}

/* ---- the merge ---- */

typedef struct {
  PlPlan    *base, *ours, *theirs;
  PlPlan    *result;
  GPtrArray *conflicts;
  GType      types[PL_N_COLLECTIONS];
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
  g_clear_pointer (&conflict->rule_ids, g_ptr_array_unref);
  g_clear_pointer (&conflict->rule_items, g_ptr_array_unref);
  g_free (conflict);
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
  conflict->pub.name = collection == PL_COLLECTION_NONE ? g_strdup (pl_plan_get_title (m->ours))
                                                        : g_strdup (pl_item_get_display_name (any));
  conflict->pub.field = field;
  conflict->pub.period = period;
  conflict->pub.label = field_label (any, field, period);
  conflict->pub.base_text = field_text (m->base, b, field, period);
  conflict->pub.ours_text = field_text (m->ours, o, field, period);
  conflict->pub.theirs_text = field_text (m->theirs, t, field, period);
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
  PlSeries *sb = kpi_series (b, kind), *so = kpi_series (o, kind), *st = kpi_series (t, kind);
  PlSeries *out = kpi_series (into, kind);
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
          add_conflict (m, PL_MERGE_CONFLICT_FIELD, collection, b, o, t,
                        kind == PL_SERIES_TARGETS ? PL_DIFF_FIELD_TARGETS : PL_DIFF_FIELD_MEASUREMENTS, day);
          G_GNUC_FALLTHROUGH;
        default:
          take = po;
        }
      if (take != NULL)
        pl_series_set (out, take->julian, take->value, take->source);
    }
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
          from = t;
          break;
        case TAKE_CONFLICT:
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

    switch (decide (extras_equal (eo, et), extras_equal (eo, eb), extras_equal (et, eb), b != NULL))
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
    if (!extras_equal (item_extras (into), from))
      extras_assign (pl_item_get_extras (into), from);
  }
  if (PL_IS_KPI (o))
    {
      merge_series (m, collection, b, o, t, into, PL_SERIES_TARGETS);
      merge_series (m, collection, b, o, t, into, PL_SERIES_MEASUREMENTS);
    }
}

/* The record of the result for @o (ours, present), or NULL when it goes. */
static PlItem *
merge_ours (Merge *m, PlCollection collection, PlItem *o)
{
  const char *id = pl_item_get_id (o);
  PlItem *b = lookup_in (m->base, collection, id);
  PlItem *t = lookup_in (m->theirs, collection, id);
  PlItem *into;

  if (b != NULL && t == NULL)
    {
      /* They removed it: it goes, unless we changed it. */
      if (record_equal (o, b))
        return NULL;
      add_conflict (m, PL_MERGE_CONFLICT_CHANGED_REMOVED, collection, b, o, NULL, PL_MERGE_FIELD_RECORD, 0);
      return record_copy (o);
    }
  into = record_new_like (o);
  if (t == NULL || record_equal (o, t) || (b != NULL && record_equal (t, b)))
    record_assign (into, o);
  else
    merge_record (m, collection, b, o, t, into);
  return into;
}

static void
merge_extras (Merge *m, PlExtras *b, PlExtras *o, PlExtras *t, PlExtras *into, PlCollection collection)
{
  PlExtras *from = o;

  switch (decide (extras_equal (o, t), extras_equal (o, b), extras_equal (t, b), TRUE))
    {
    case TAKE_THEIRS:
      from = t;
      break;
    case TAKE_CONFLICT:
      {
        Conflict *conflict = g_new0 (Conflict, 1);

        conflict->pub.kind = PL_MERGE_CONFLICT_FIELD;
        conflict->outside = TRUE;
        conflict->pub.collection = collection;
        conflict->pub.name = g_strdup (collection == PL_COLLECTION_NONE ? pl_plan_get_title (m->ours)
                                                                        : pl_collection_get_container (collection));
        conflict->pub.field = PL_DIFF_FIELD_EXTRAS;
        conflict->pub.label = g_strdup (_("Unknown elements"));
        conflict->pub.base_text = extras_text (b);
        conflict->pub.ours_text = extras_text (o);
        conflict->pub.theirs_text = extras_text (t);
        g_ptr_array_add (m->conflicts, conflict);
      }
      break;
    default:
      break;
    }
  extras_assign (into, from);
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
    for (guint j = 0; j < group->len; j++)
      g_ptr_array_add (items, record_copy (g_ptr_array_index (group, j)));
  for (guint i = 0, n = g_list_model_get_n_items (ours); i < n; i++)
    {
      g_autoptr(PlItem) o = g_list_model_get_item (ours, i);
      PlItem *into = merge_ours (m, collection, o);

      if (into != NULL)
        g_ptr_array_add (items, into);
      if ((group = g_hash_table_lookup (after, pl_item_get_id (o))) != NULL)
        for (guint j = 0; j < group->len; j++)
          g_ptr_array_add (items, record_copy (g_ptr_array_index (group, j)));
    }
  for (guint i = 0; i < removed_changed->len; i++)
    {
      PlItem *t = g_ptr_array_index (removed_changed, i);

      add_conflict (m, PL_MERGE_CONFLICT_REMOVED_CHANGED, collection, lookup_in (m->base, collection, pl_item_get_id (t)),
                    NULL, t, PL_MERGE_FIELD_RECORD, 0);
      g_object_unref (t);
    }
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

/* Sets the record @id of the result to what @side holds (absent included), without undo. */
static void
set_record_to (PlPlan *result, PlPlan *side, const char *id)
{
  PlItem *want = lookup_any (side, id);
  PlItem *have = lookup_any (result, id);

  if (have != NULL && want != NULL && G_OBJECT_TYPE (have) == G_OBJECT_TYPE (want))
    {
      record_assign (have, want);
      if (collection_of (have) == PL_COLLECTION_NONE)
        pl_plan_touch (result, PL_COLLECTION_NONE);
      else
        pl_plan_touch (result, collection_of (have));
      return;
    }
  if (have != NULL)
    pl_plan_real_remove (result, collection_of (have), have);
  if (want != NULL)
    {
      PlCollection collection = collection_of (want);
      g_autoptr(PlItem) copy = record_copy (want);

      pl_plan_real_insert (result, collection, copy,
                           position_after_predecessor (result, collection,
                                                       pl_plan_get_collection (side, collection), want));
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

static void
add_rule_conflict (Result *result, const PlProblem *problem, GPtrArray *ids)
{
  PlPlan *plan = result->pub.plan;
  Conflict *conflict = g_new0 (Conflict, 1);
  const char *id = problem->id ? problem->id : "";
  PlItem *item = lookup_any (plan, id);

  if (item == NULL)
    item = lookup_any (result->pub.ours, id);
  if (item == NULL)
    item = lookup_any (result->pub.theirs, id);
  conflict->pub.kind = PL_MERGE_CONFLICT_RULE;
  conflict->pub.collection = item ? collection_of (item) : PL_COLLECTION_NONE;
  conflict->pub.id = problem->id && item && !PL_IS_METADATA (item) ? g_strdup (problem->id) : NULL;
  conflict->pub.name = item && !PL_IS_METADATA (item) ? g_strdup (pl_item_get_display_name (item))
                                                      : g_strdup (pl_plan_get_title (result->pub.ours));
  conflict->pub.field = PL_MERGE_FIELD_RECORD;
  conflict->pub.reason = g_strdup (problem->message);
  conflict->rule_ids = g_ptr_array_new_with_free_func (g_free);
  conflict->rule_items = g_ptr_array_new_with_free_func (unref_or_null);
  /* What the merge had made of each, for pl_merge_result_take_theirs(); then ours. */
  for (guint i = 0; i < ids->len; i++)
    {
      const char *one = g_ptr_array_index (ids, i);
      PlItem *merged = lookup_any (plan, one);

      g_ptr_array_add (conflict->rule_ids, g_strdup (one));
      g_ptr_array_add (conflict->rule_items, merged ? record_copy (merged) : NULL);
      set_record_to (plan, result->pub.ours, one);
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
          add_rule_conflict (result, problem, ids);
          progress = TRUE;
        }
      if (!progress)
        {
          /* The records a problem names are ours already: what breaks the rule lies further
           * away. Ours as a whole validates as well as ours does. */
          g_autoptr(GPtrArray) ids = all_differing (result);

          if (ids->len == 0)
            return;
          add_rule_conflict (result, g_ptr_array_index (errors, 0), ids);
        }
    }
}

/* ---- merging ---- */

PlMergeResult *
pl_plan_merge (PlPlan *base, PlPlan *ours, PlPlan *theirs)
{
  Result *result = g_new0 (Result, 1);
  Merge m = { base, ours, theirs, NULL, NULL, { 0 } };
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

  if (extras_equal (extras, want))
    return;
  self = g_new0 (SwapExtras, 1);
  self->parent.vtable = &swap_extras_vtable;
  self->extras = extras;
  self->other = pl_extras_new ();
  extras_assign (self->other, want);
  self->owner = g_object_ref (owner);
  self->touched = touched;
  pl_plan_push (plan, &self->parent);
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
  push_extras (plan, G_OBJECT (have), pl_item_get_extras (have), item_extras (want), collection);
  if (PL_IS_KPI (want))
    for (PlSeriesKind kind = PL_SERIES_TARGETS; kind <= PL_SERIES_MEASUREMENTS; kind++)
      {
        PlSeries *from = kpi_series (have, kind), *to = kpi_series (want, kind);
        guint i = 0, j = 0, n = pl_series_get_n (from), nt = pl_series_get_n (to);
        g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (guint32));

        if (pl_series_equal (from, to))
          continue;
        /* The points to remove are found before any change moves them. */
        for (; i < n; i++)
          if (pl_series_lookup (to, pl_series_get (from, i)->julian) == NULL)
            g_array_append_val (gone, pl_series_get (from, i)->julian);
        for (guint g = 0; g < gone->len; g++)
          pl_plan_set_point (plan, PL_KPI (have), kind, g_array_index (gone, guint32, g), NAN, NULL);
        for (; j < nt; j++)
          {
            const PlPoint *p = pl_series_get (to, j);
            pl_plan_set_point (plan, PL_KPI (have), kind, p->julian, p->value, p->source);
          }
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

/* Puts back the records of a broken rule as the merge had made them. */
static void
push_rule_records (PlPlan *plan, PlPlan *theirs, const Conflict *conflict)
{
  for (guint i = 0; i < conflict->rule_ids->len; i++)
    {
      const char *id = g_ptr_array_index (conflict->rule_ids, i);
      PlItem *want = g_ptr_array_index (conflict->rule_items, i);
      PlItem *have = lookup_any (plan, id);

      if (have != NULL && want != NULL && G_OBJECT_TYPE (have) == G_OBJECT_TYPE (want))
        push_record (plan, have, want);
      else
        {
          if (have != NULL)
            push_remove (plan, collection_of (have), have);
          if (want != NULL)
            {
              PlCollection collection = collection_of (want);
              PlItem *there = lookup_in (theirs, collection, id);
              g_autoptr(PlItem) copy = record_copy (want);

              push_insert (plan, collection, copy,
                           there ? position_after_predecessor (plan, collection, pl_plan_get_collection (theirs, collection), there)
                                 : pl_plan_get_n (plan, collection));
            }
        }
    }
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
      push_rule_records (plan, theirs, conflict);
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
      g_autoptr(PlItem) copy = NULL;

      if (want == NULL || have != NULL)
        return TRUE;
      copy = record_copy (want);
      push_insert (plan, pub->collection, copy,
                   position_after_predecessor (plan, pub->collection, pl_plan_get_collection (theirs, pub->collection), want));
      return TRUE;
    }
  if (pub->kind == PL_MERGE_CONFLICT_CHANGED_REMOVED)
    {
      if (have != NULL)
        pl_plan_remove (plan, have);
      return TRUE;
    }
  if (have == NULL || want == NULL || pub->field == PL_MERGE_FIELD_RECORD)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("Their record cannot be taken: yours holds its ID for another kind of record."));
      return FALSE;
    }
  if (pub->field == PL_DIFF_FIELD_EXTRAS)
    push_extras (plan, G_OBJECT (have), pl_item_get_extras (have), item_extras (want), pub->collection);
  else if (pub->field == PL_DIFF_FIELD_TARGETS || pub->field == PL_DIFF_FIELD_MEASUREMENTS)
    {
      PlSeriesKind kind = pub->field == PL_DIFF_FIELD_TARGETS ? PL_SERIES_TARGETS : PL_SERIES_MEASUREMENTS;
      const PlPoint *point = pl_series_lookup (kpi_series (want, kind), pub->period);

      pl_plan_set_point (plan, PL_KPI (have), kind, pub->period, point ? point->value : NAN,
                         point ? point->source : NULL);
    }
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

/* A value inside a sentence: on one line, "none" when unset. */
static char *
value_in_line (const char *text)
{
  char *line;

  if (text == NULL || *text == '\0')
    return g_strdup (_("none"));
  line = g_strdup (text);
  g_strdelimit (line, "\r\n\t", ' ');
  return line;
}

char *
pl_merge_conflict_describe (const PlMergeConflict *conflict)
{
  g_autofree char *what = NULL;

  g_return_val_if_fail (conflict != NULL, NULL);
  if (conflict->collection == PL_COLLECTION_NONE || conflict->id == NULL)
    what = g_strdup (_("The plan’s settings"));
  else
    {
      g_autoptr(PlItem) sample = g_object_new (pl_collection_get_item_type (conflict->collection), NULL);
      g_autofree char *noun = capitalize (pl_item_get_noun (sample));

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
      return g_strdup_printf (_("%s: your changes and theirs together break a rule (%s); yours kept"), what,
                              conflict->reason);
    case PL_MERGE_CONFLICT_FIELD:
    default:
      break;
    }
  if (conflict->field == PL_MERGE_FIELD_RECORD)
    /* Translators: %s is a record ("Campaign “Spring webinar”") */
    return g_strdup_printf (_("%s: they added a record with an ID yours gives to another; yours kept"), what);
  {
    g_autofree char *ours = value_in_line (conflict->ours_text);
    g_autofree char *theirs = value_in_line (conflict->theirs_text);

    if (conflict->base_text == NULL)
      /* Translators: a record, a field, your value and theirs, for a record both added */
      return g_strdup_printf (_("%s, %s: yours %s, theirs %s (added on both sides); yours kept"), what,
                              conflict->label, ours, theirs);
    {
      g_autofree char *base = value_in_line (conflict->base_text);
      /* Translators: a record, a field, your value, theirs and the one before both */
      return g_strdup_printf (_("%s, %s: yours %s, theirs %s (was %s); yours kept"), what, conflict->label,
                              ours, theirs, base);
    }
  }
}

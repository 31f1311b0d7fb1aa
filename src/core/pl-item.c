/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-item"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-item.h"

typedef struct
{
  char     *id;
  guint     line;
  guint     column;
  PlSlot   *slots;
  PlExtras *extras;
} PlItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PlItem, pl_item, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, N_BASE_PROPS };

#define PRIV(self) ((PlItemPrivate *) pl_item_get_instance_private (self))

static gboolean
type_is_string (PlFieldType type)
{
  return type == PL_FIELD_STRING || type == PL_FIELD_TEXT || type == PL_FIELD_REF;
}

static gboolean
type_is_variant (PlFieldType type)
{
  return type == PL_FIELD_AMOUNTS || type == PL_FIELD_ANSWERS || type == PL_FIELD_ASSUMPTIONS ||
         type == PL_FIELD_SECTION_TEXTS || type == PL_FIELD_BYTES;
}

void
pl_slot_clear (PlFieldType type, PlSlot *slot)
{
  if (type_is_string (type))
    g_clear_pointer (&slot->s, g_free);
  else if (type == PL_FIELD_STRV)
    g_clear_pointer (&slot->v, g_strfreev);
  else if (type_is_variant (type))
    g_clear_pointer (&slot->var, g_variant_unref);
}

gboolean
pl_slot_equal (PlFieldType type, const PlSlot *a, const PlSlot *b)
{
  if (type_is_string (type))
    return g_strcmp0 (a->s, b->s) == 0;
  if (type == PL_FIELD_STRV)
    {
      if (a->v == NULL || b->v == NULL)
        return a->v == b->v;
      return g_strv_equal ((const char * const *) a->v, (const char * const *) b->v);
    }
  if (type_is_variant (type))
    {
      if (a->var == NULL || b->var == NULL)
        return a->var == b->var;
      return g_variant_equal (a->var, b->var);
    }
  if (type == PL_FIELD_DOUBLE)
    return (isnan (a->d) && isnan (b->d)) || a->d == b->d;
  return a->i == b->i;
}

static PlSlot
slot_copy (PlFieldType type, const PlSlot *slot)
{
  PlSlot copy = *slot;

  if (type_is_string (type))
    copy.s = g_strdup (slot->s);
  else if (type == PL_FIELD_STRV)
    copy.v = g_strdupv (slot->v);
  else if (type_is_variant (type) && slot->var != NULL)
    copy.var = g_variant_ref (slot->var);
  return copy;
}

static const PlField *
field_of (PlItem *self, guint field)
{
  PlItemClass *klass = PL_ITEM_GET_CLASS (self);

  g_return_val_if_fail (field < klass->n_fields, NULL);
  return &klass->fields[field];
}

static void
notify_field (PlItem *self, guint field)
{
  g_object_notify_by_pspec (G_OBJECT (self), PL_ITEM_GET_CLASS (self)->pspecs[field]);
}

static PlSlot *
slots_of (PlItem *self)
{
  PlItemPrivate *priv = PRIV (self);

  if (G_UNLIKELY (priv->slots == NULL))
    {
      PlItemClass *klass = PL_ITEM_GET_CLASS (self);

      priv->slots = g_new0 (PlSlot, klass->n_fields);
      for (guint i = 0; i < klass->n_fields; i++)
        if (klass->fields[i].type == PL_FIELD_DOUBLE)
          priv->slots[i].d = NAN;
        else if (klass->fields[i].type == PL_FIELD_INT || klass->fields[i].type == PL_FIELD_BOOL ||
                 klass->fields[i].type == PL_FIELD_ENUM)
          priv->slots[i].i = klass->fields[i].def;
    }
  return priv->slots;
}

static void
pl_item_constructed (GObject *object)
{
  G_OBJECT_CLASS (pl_item_parent_class)->constructed (object);

  slots_of (PL_ITEM (object));
}

static void
pl_item_finalize (GObject *object)
{
  PlItem *self = PL_ITEM (object);
  PlItemClass *klass = PL_ITEM_GET_CLASS (self);
  PlItemPrivate *priv = PRIV (self);

  if (priv->slots != NULL)
    for (guint i = 0; i < klass->n_fields; i++)
      pl_slot_clear (klass->fields[i].type, &priv->slots[i]);
  g_free (priv->slots);
  g_free (priv->id);
  pl_extras_free (priv->extras);

  G_OBJECT_CLASS (pl_item_parent_class)->finalize (object);
}

static void
slot_to_value (const PlField *field, const PlSlot *slot, GValue *value)
{
  switch (field->type)
    {
    case PL_FIELD_STRING:
    case PL_FIELD_TEXT:
    case PL_FIELD_REF:
      g_value_set_string (value, slot->s);
      break;
    case PL_FIELD_INT:
      g_value_set_int (value, (int) slot->i);
      break;
    case PL_FIELD_BOOL:
      g_value_set_boolean (value, slot->i != 0);
      break;
    case PL_FIELD_ENUM:
      g_value_set_enum (value, (int) slot->i);
      break;
    case PL_FIELD_MONEY:
      g_value_set_int64 (value, slot->i);
      break;
    case PL_FIELD_DOUBLE:
      g_value_set_double (value, slot->d);
      break;
    case PL_FIELD_DATE:
    case PL_FIELD_MONTH:
      if (slot->i > 0)
        {
          g_autoptr(GDate) date = g_date_new_julian ((guint32) slot->i);
          g_value_set_boxed (value, date);
        }
      else
        g_value_set_boxed (value, NULL);
      break;
    case PL_FIELD_STRV:
      g_value_set_boxed (value, slot->v);
      break;
    case PL_FIELD_AMOUNTS:
    case PL_FIELD_ANSWERS:
    case PL_FIELD_ASSUMPTIONS:
    case PL_FIELD_SECTION_TEXTS:
    case PL_FIELD_BYTES:
      g_value_set_variant (value, slot->var);
      break;
    default:
      g_assert_not_reached ();
    }
}

static PlSlot
slot_from_value (const PlField *field, const GValue *value)
{
  PlSlot slot = { 0 };

  switch (field->type)
    {
    case PL_FIELD_STRING:
    case PL_FIELD_TEXT:
    case PL_FIELD_REF:
      slot.s = g_value_dup_string (value);
      break;
    case PL_FIELD_INT:
      slot.i = g_value_get_int (value);
      break;
    case PL_FIELD_BOOL:
      slot.i = g_value_get_boolean (value);
      break;
    case PL_FIELD_ENUM:
      slot.i = g_value_get_enum (value);
      break;
    case PL_FIELD_MONEY:
      slot.i = g_value_get_int64 (value);
      break;
    case PL_FIELD_DOUBLE:
      slot.d = g_value_get_double (value);
      break;
    case PL_FIELD_DATE:
    case PL_FIELD_MONTH:
      {
        const GDate *date = g_value_get_boxed (value);

        slot.i = date && g_date_valid (date) ? g_date_get_julian (date) : 0;
        if (slot.i && field->type == PL_FIELD_MONTH)
          slot.i -= g_date_get_day (date) - 1;
      }
      break;
    case PL_FIELD_STRV:
      slot.v = g_value_dup_boxed (value);
      break;
    case PL_FIELD_AMOUNTS:
    case PL_FIELD_ANSWERS:
    case PL_FIELD_ASSUMPTIONS:
    case PL_FIELD_SECTION_TEXTS:
    case PL_FIELD_BYTES:
      slot.var = g_value_dup_variant (value);
      break;
    default:
      g_assert_not_reached ();
    }
  return slot;
}

static void
pl_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PlItem *self = PL_ITEM (object);

  if (prop_id == PROP_ID)
    g_value_set_string (value, PRIV (self)->id);
  else
    {
      guint field = prop_id - N_BASE_PROPS;

      slot_to_value (field_of (self, field), &slots_of (self)[field], value);
    }
}

static void
pl_item_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PlItem *self = PL_ITEM (object);

  if (prop_id == PROP_ID)
    pl_item_set_id (self, g_value_get_string (value));
  else
    {
      guint field = prop_id - N_BASE_PROPS;
      PlSlot slot = slot_from_value (field_of (self, field), value);

      pl_item_swap_slot (self, field, &slot);
      pl_slot_clear (field_of (self, field)->type, &slot);
    }
}

static void
pl_item_class_init (PlItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pl_item_constructed;
  object_class->finalize = pl_item_finalize;
  object_class->get_property = pl_item_get_property;
  object_class->set_property = pl_item_set_property;

  g_object_class_install_property (object_class, PROP_ID,
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static void
pl_item_init (PlItem *self)
{
}

void
pl_item_class_set_fields (PlItemClass   *klass,
                          const char    *element,
                          const PlField *fields,
                          guint          n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  /* GObject does not inherit these two: each record class dispatches through PlItem's. */
  object_class->get_property = pl_item_get_property;
  object_class->set_property = pl_item_set_property;
  klass->element = element;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->pspecs = g_new0 (GParamSpec *, n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const PlField *f = &fields[i];
      GParamSpec *pspec = NULL;

      switch (f->type)
        {
        case PL_FIELD_STRING:
        case PL_FIELD_TEXT:
        case PL_FIELD_REF:
          pspec = g_param_spec_string (f->name, NULL, NULL, NULL, flags);
          break;
        case PL_FIELD_INT:
          pspec = g_param_spec_int (f->name, NULL, NULL, G_MININT, G_MAXINT, (int) f->def, flags);
          break;
        case PL_FIELD_BOOL:
          pspec = g_param_spec_boolean (f->name, NULL, NULL, f->def != 0, flags);
          break;
        case PL_FIELD_ENUM:
          pspec = g_param_spec_enum (f->name, NULL, NULL, f->enum_type (), (int) f->def, flags);
          break;
        case PL_FIELD_MONEY:
          pspec = g_param_spec_int64 (f->name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case PL_FIELD_DOUBLE:
          pspec = g_param_spec_double (f->name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
          break;
        case PL_FIELD_DATE:
        case PL_FIELD_MONTH:
          pspec = g_param_spec_boxed (f->name, NULL, NULL, G_TYPE_DATE, flags);
          break;
        case PL_FIELD_STRV:
          pspec = g_param_spec_boxed (f->name, NULL, NULL, G_TYPE_STRV, flags);
          break;
        case PL_FIELD_AMOUNTS:
          pspec = g_param_spec_variant (f->name, NULL, NULL, G_VARIANT_TYPE ("ax"), NULL, flags);
          break;
        case PL_FIELD_ANSWERS:
          pspec = g_param_spec_variant (f->name, NULL, NULL, G_VARIANT_TYPE ("a(sy)"), NULL, flags);
          break;
        case PL_FIELD_ASSUMPTIONS:
          pspec = g_param_spec_variant (f->name, NULL, NULL, G_VARIANT_TYPE ("a(ssd)"), NULL, flags);
          break;
        case PL_FIELD_SECTION_TEXTS:
          pspec = g_param_spec_variant (f->name, NULL, NULL, G_VARIANT_TYPE ("a(ss)"), NULL, flags);
          break;
        case PL_FIELD_BYTES:
          pspec = g_param_spec_variant (f->name, NULL, NULL, G_VARIANT_TYPE_BYTESTRING, NULL, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      klass->pspecs[i] = pspec;
      g_object_class_install_property (object_class, N_BASE_PROPS + i, pspec);
    }
}

int
pl_item_class_find_field (PlItemClass *klass, const char *name)
{
  /* The first letter first: the reader asks this of every attribute of every record. */
  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].name[0] == name[0] && strcmp (klass->fields[i].name, name) == 0)
      return (int) i;
  return -1;
}

const char *
pl_item_get_id (PlItem *self)
{
  return PRIV (self)->id;
}

const char *
pl_item_get_display_name (PlItem *self)
{
  PlItemClass *klass = PL_ITEM_GET_CLASS (self);
  int field = pl_item_class_find_field (klass, "name");
  const char *name;

  if (field < 0)
    field = pl_item_class_find_field (klass, "title");
  name = field >= 0 ? pl_item_get_string (self, (guint) field) : NULL;
  return name != NULL && *name != '\0' ? name : pl_item_get_id (self);
}

void
pl_item_set_id (PlItem *self, const char *id)
{
  PlItemPrivate *priv = PRIV (self);

  if (g_strcmp0 (priv->id, id) == 0)
    return;
  g_free (priv->id);
  priv->id = g_strdup (id);
  g_object_notify (G_OBJECT (self), "id");
}

guint
pl_item_get_line (PlItem *self)
{
  return PRIV (self)->line;
}

guint
pl_item_get_column (PlItem *self)
{
  return PRIV (self)->column;
}

void
pl_item_set_position (PlItem *self, guint line, guint column)
{
  PRIV (self)->line = line;
  PRIV (self)->column = column;
}

const char *
pl_item_get_element (PlItem *self)
{
  return PL_ITEM_GET_CLASS (self)->element;
}

const char *
pl_item_get_noun (PlItem *self)
{
  static const struct { const char *element; const char *noun; } nouns[] = {
    { "member", N_("team member") },
    { "segment", N_("segment") },
    { "kpi", N_("KPI") },
    { "kpi-link", N_("KPI chain link") },
    { "objective", N_("objective") },
    { "scenario", N_("scenario") },
    { "play", N_("playbook item") },
    { "tool", N_("martech tool") },
    { "category", N_("budget category") },
    { "line", N_("budget line") },
    { "campaign", N_("campaign") },
    { "campaign-kpi", N_("campaign’s KPI link") },
    { "allocation", N_("allocation") },
    { "spend", N_("spend entry") },
    { "entry", N_("calendar entry") },
    { "assessment", N_("assessment") },
  };
  const char *element = pl_item_get_element (self);

  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (g_strcmp0 (nouns[i].element, element) == 0)
      return g_dgettext (GETTEXT_PACKAGE, nouns[i].noun);
  return element;
}

char *
pl_item_describe (PlItem *self)
{
  if (g_strcmp0 (pl_item_get_element (self), "metadata") == 0)
    return g_strdup (_("the plan"));
  /* Translators: a record named in a message, as in "the campaign “cmp-1”" */
  return g_strdup_printf (_("the %s “%s”"), pl_item_get_noun (self), pl_item_get_id (self) ? pl_item_get_id (self) : "?");
}

const PlField *
pl_item_class_get_fields (PlItemClass *klass, guint *n_fields)
{
  *n_fields = klass->n_fields;
  return klass->fields;
}

const PlField *
pl_item_get_fields (PlItem *self, guint *n_fields)
{
  PlItemClass *klass = PL_ITEM_GET_CLASS (self);

  if (n_fields)
    *n_fields = klass->n_fields;
  return klass->fields;
}

PlExtras *
pl_item_get_extras (PlItem *self)
{
  PlItemPrivate *priv = PRIV (self);

  if (priv->extras == NULL)
    priv->extras = pl_extras_new ();
  return priv->extras;
}

PlExtras *
pl_item_peek_extras (PlItem *self)
{
  return PRIV (self)->extras;
}

const char *
pl_item_get_string (PlItem *self, guint field)
{
  g_return_val_if_fail (type_is_string (field_of (self, field)->type), NULL);
  return slots_of (self)[field].s;
}

gint64
pl_item_get_int (PlItem *self, guint field)
{
  return slots_of (self)[field].i;
}

double
pl_item_get_double (PlItem *self, guint field)
{
  g_return_val_if_fail (field_of (self, field)->type == PL_FIELD_DOUBLE, NAN);
  return slots_of (self)[field].d;
}

guint32
pl_item_get_julian (PlItem *self, guint field)
{
  return (guint32) slots_of (self)[field].i;
}

gboolean
pl_item_get_date (PlItem *self, guint field, GDate *date)
{
  guint32 julian = pl_item_get_julian (self, field);

  g_date_clear (date, 1);
  if (julian == 0)
    return FALSE;
  g_date_set_julian (date, julian);
  return TRUE;
}

const char * const *
pl_item_get_strv (PlItem *self, guint field)
{
  return (const char * const *) slots_of (self)[field].v;
}

GVariant *
pl_item_get_variant (PlItem *self, guint field)
{
  return slots_of (self)[field].var;
}

void
pl_item_swap_slot (PlItem *self, guint field, PlSlot *slot)
{
  PlSlot *slots = slots_of (self);
  PlSlot old = slots[field];
  gboolean changed = !pl_slot_equal (field_of (self, field)->type, &old, slot);

  slots[field] = *slot;
  *slot = old;
  if (changed)
    notify_field (self, field);
}

PlSlot
pl_item_dup_slot (PlItem *self, guint field)
{
  return slot_copy (field_of (self, field)->type, &slots_of (self)[field]);
}

PlSlot
pl_item_peek_slot (PlItem *self, guint field)
{
  return slots_of (self)[field];
}

gboolean
pl_item_field_equal (PlItem *a, PlItem *b, guint field)
{
  const PlField *f = field_of (a, field);

  return a == b || pl_slot_equal (f->type, &slots_of (a)[field], &slots_of (b)[field]);
}

static void
set_and_clear (PlItem *self, guint field, PlSlot slot)
{
  pl_item_swap_slot (self, field, &slot);
  pl_slot_clear (field_of (self, field)->type, &slot);
}

void
pl_item_set_string (PlItem *self, guint field, const char *value)
{
  PlSlot slot = { .s = g_strdup (value) };

  g_return_if_fail (type_is_string (field_of (self, field)->type));
  set_and_clear (self, field, slot);
}

void
pl_item_set_int (PlItem *self, guint field, gint64 value)
{
  PlSlot slot = { .i = value };

  set_and_clear (self, field, slot);
}

void
pl_item_set_double (PlItem *self, guint field, double value)
{
  PlSlot slot = { .d = value };

  g_return_if_fail (field_of (self, field)->type == PL_FIELD_DOUBLE);
  set_and_clear (self, field, slot);
}

void
pl_item_set_julian (PlItem *self, guint field, guint32 julian)
{
  PlSlot slot = { .i = julian };

  set_and_clear (self, field, slot);
}

void
pl_item_set_strv (PlItem *self, guint field, const char * const *value)
{
  PlSlot slot = { .v = g_strdupv ((char **) value) };

  g_return_if_fail (field_of (self, field)->type == PL_FIELD_STRV);
  set_and_clear (self, field, slot);
}

void
pl_item_set_variant (PlItem *self, guint field, GVariant *value)
{
  PlSlot slot = { .var = value ? g_variant_ref_sink (value) : NULL };

  g_return_if_fail (type_is_variant (field_of (self, field)->type));
  set_and_clear (self, field, slot);
}

gboolean
pl_item_field_is_set (PlItem *self, guint field)
{
  const PlField *f = field_of (self, field);
  PlSlot *slot = &slots_of (self)[field];

  if (type_is_string (f->type))
    return slot->s != NULL && slot->s[0] != '\0';
  if (f->type == PL_FIELD_STRV)
    return slot->v != NULL && slot->v[0] != NULL;
  if (type_is_variant (f->type))
    return slot->var != NULL;
  if (f->type == PL_FIELD_DOUBLE)
    return !isnan (slot->d);
  if (f->type == PL_FIELD_DATE || f->type == PL_FIELD_MONTH)
    return slot->i != 0;
  return TRUE;
}

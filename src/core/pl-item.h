/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pl-extras.h"

G_BEGIN_DECLS

/* A record of the plan is described by a table of fields; the property system, the
 * file reader and writer, the undo commands and the reference checks all walk that
 * table, so adding a field to a record is one line. */
typedef enum {
  PL_FIELD_STRING,   /* short text, an XML attribute */
  PL_FIELD_TEXT,     /* free text, a child element */
  PL_FIELD_REF,      /* the ID of another record, an XML attribute */
  PL_FIELD_INT,
  PL_FIELD_DOUBLE,   /* NAN when not set */
  PL_FIELD_BOOL,
  PL_FIELD_ENUM,
  PL_FIELD_DATE,     /* a day; stored as a Julian day, 0 when not set */
  PL_FIELD_MONTH,    /* a month ("2027-01"); stored as the Julian day of its first day */
  PL_FIELD_MONEY,    /* minor units of the plan's currency */
  PL_FIELD_STRV,     /* repeated child elements holding text */
  PL_FIELD_AMOUNTS,  /* one amount per month of the fiscal period: GVariant "ax" */
  PL_FIELD_ANSWERS,  /* assessment answers: GVariant "a(sy)" sorted by question ID */
  PL_FIELD_ASSUMPTIONS, /* a scenario's assumptions: GVariant "a(ssd)", (kind, key, value),
                         * kind "driver" or "category", in the order pl-scenario.h sorts them */
  PL_FIELD_SECTION_TEXTS, /* free texts by report section: GVariant "a(ss)", (section, text)
                           * sorted by section, child elements <name section="...">text</name> */
  PL_FIELD_BYTES,    /* binary data: GVariant "ay", base64 in a child element */
} PlFieldType;

typedef enum {
  PL_FIELD_REQUIRED = 1 << 0,
  /* An INT, BOOL or ENUM field not written while it holds its initial value: a field added
   * after 1.0, so that a file that does not use it stays as older versions wrote it. */
  PL_FIELD_OMIT_DEFAULT = 1 << 1,
} PlFieldFlags;

/* Which collection of the plan a record, or a reference, belongs to. */
typedef enum {
  PL_COLLECTION_MEMBERS,
  PL_COLLECTION_SEGMENTS,
  PL_COLLECTION_KPIS,
  PL_COLLECTION_KPI_LINKS,
  PL_COLLECTION_OBJECTIVES,
  PL_COLLECTION_SCENARIOS,
  PL_COLLECTION_GTM,
  PL_COLLECTION_TOOLS,
  PL_COLLECTION_CATEGORIES,
  PL_COLLECTION_LINES,
  PL_COLLECTION_CAMPAIGNS,
  PL_COLLECTION_CAMPAIGN_KPIS,
  PL_COLLECTION_ALLOCATIONS,
  PL_COLLECTION_SPEND,
  PL_COLLECTION_CALENDAR,
  PL_COLLECTION_ASSESSMENTS,
  PL_COLLECTION_SPEND_RULES,  /* format 1.4, last in the file */
  PL_N_COLLECTIONS,
  PL_COLLECTION_NONE = -1,
} PlCollection;

typedef struct {
  const char  *name;       /* property name and XML name */
  PlFieldType  type;
  guint        flags;      /* PlFieldFlags */
  GType      (*enum_type) (void);
  PlCollection ref;        /* for PL_FIELD_REF */
  const char  *label;      /* for messages; marked with N_() */
  gint64       def;        /* the initial value of an INT, BOOL or ENUM field */
} PlField;

typedef union {
  char    *s;
  char   **v;
  gint64   i;
  double   d;
  GVariant *var;
} PlSlot;

#define PL_TYPE_ITEM (pl_item_get_type ())
G_DECLARE_DERIVABLE_TYPE (PlItem, pl_item, PL, ITEM, GObject)

struct _PlItemClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char    *element;
  const PlField *fields;
  guint          n_fields;
  GParamSpec   **pspecs;
};

/* Installs one property per field; called from a record's class_init. */
void           pl_item_class_set_fields (PlItemClass   *klass,
                                         const char    *element,
                                         const PlField *fields,
                                         guint          n_fields);
/* Returns the index of the field named @name, or -1. */
int            pl_item_class_find_field (PlItemClass   *klass,
                                         const char    *name);

const char    *pl_item_get_id           (PlItem *self);
/* What the user calls the record: its name or title field, or its ID when it has none. */
const char    *pl_item_get_display_name (PlItem *self);
/* Sets the ID; only for a record that is not in a plan yet. */
void           pl_item_set_id           (PlItem *self, const char *id);
/* The line of the file the record was read from, 0 when it was not read from a file. */
guint          pl_item_get_line         (PlItem *self);
guint          pl_item_get_column       (PlItem *self);
/* Records where in its file the record starts, for messages. */
void           pl_item_set_position     (PlItem *self, guint line, guint column);
const char    *pl_item_get_element      (PlItem *self);
/* What kind of record it is, in words: "campaign", "budget line" (translated). */
const char    *pl_item_get_noun         (PlItem *self);
/* The record in words for a message: "the campaign “cmp-1”", or "the plan" for metadata.
 * Messages for the user name records by their names instead (pl_rules_describe()). */
char          *pl_item_describe         (PlItem *self);
const PlField *pl_item_get_fields       (PlItem *self, guint *n_fields);
/* The fields of every record of @klass (@n_fields set to their number). */
const PlField *pl_item_class_get_fields (PlItemClass *klass, guint *n_fields);
/* What the reader did not understand, kept so that saving writes it back. */
PlExtras      *pl_item_get_extras       (PlItem *self);
/* The same, or NULL when the reader kept nothing: for reading a hundred thousand records
 * without making an empty one for each. */
PlExtras      *pl_item_peek_extras      (PlItem *self);

const char    *pl_item_get_string       (PlItem *self, guint field);
gint64         pl_item_get_int          (PlItem *self, guint field);
double         pl_item_get_double       (PlItem *self, guint field);
guint32        pl_item_get_julian       (PlItem *self, guint field);
/* Fills @date and returns TRUE when the date field is set. */
gboolean       pl_item_get_date         (PlItem *self, guint field, GDate *date);
const char * const *pl_item_get_strv    (PlItem *self, guint field);
GVariant      *pl_item_get_variant      (PlItem *self, guint field);

/* Raw setters: no undo. Edits go through pl_plan_edit_*(); these are for building records. */
void           pl_item_set_string       (PlItem *self, guint field, const char *value);
void           pl_item_set_int          (PlItem *self, guint field, gint64 value);
void           pl_item_set_double       (PlItem *self, guint field, double value);
void           pl_item_set_julian       (PlItem *self, guint field, guint32 julian);
void           pl_item_set_strv         (PlItem *self, guint field, const char * const *value);
void           pl_item_set_variant      (PlItem *self, guint field, GVariant *value);

/* Exchanges the stored value of @field with *@slot and notifies; the undo commands' primitive. */
void           pl_item_swap_slot        (PlItem *self, guint field, PlSlot *slot);
/* Returns a deep copy of the stored value of @field. */
PlSlot         pl_item_dup_slot         (PlItem *self, guint field);
/* Returns the stored value of @field, borrowed (not to be cleared): what pl_slot_equal()
 * compares without a copy. */
PlSlot         pl_item_peek_slot        (PlItem *self, guint field);
/* TRUE when @field holds equal values in @a and @b, records of one type. */
gboolean       pl_item_field_equal      (PlItem *a, PlItem *b, guint field);
/* Frees a slot holding a value of @type. */
void           pl_slot_clear            (PlFieldType type, PlSlot *slot);
/* Returns TRUE when two slots of @type hold equal values. */
gboolean       pl_slot_equal            (PlFieldType type, const PlSlot *a, const PlSlot *b);
/* Returns TRUE when @field holds its "not set" value. */
gboolean       pl_item_field_is_set     (PlItem *self, guint field);

G_END_DECLS

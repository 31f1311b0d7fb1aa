/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-writer"
#include "config.h"

#include <math.h>
#include <string.h>

#include "pl-enums.h"
#include "pl-money.h"
#include "pl-plan-reader.h"
#include "pl-plan-writer.h"
#include "pl-scenario.h"

typedef struct {
  GString *out;
  PlPlan  *plan;
  guint    exponent;
} Writer;

/* Appends @text escaped for XML; characters XML cannot hold are dropped, since no reader
 * would accept the file otherwise. */
static void
escape (GString *out, const char *text, gboolean attribute)
{
  for (const unsigned char *p = (const unsigned char *) text; *p; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"':
        if (attribute)
          g_string_append (out, "&quot;");
        else
          g_string_append_c (out, '"');
        break;
      case '\n':
        if (attribute)
          g_string_append (out, "&#10;");
        else
          g_string_append_c (out, '\n');
        break;
      case '\r': g_string_append (out, "&#13;"); break;
      case '\t':
        if (attribute)
          g_string_append (out, "&#9;");
        else
          g_string_append_c (out, '\t');
        break;
      default:
        if (*p >= 0x20)
          g_string_append_c (out, (char) *p);
      }
}

static void
indent (Writer *self, guint level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (self->out, "  ");
}

static void
attribute (Writer *self, const char *name, const char *value)
{
  g_string_append_c (self->out, ' ');
  g_string_append (self->out, name);
  g_string_append (self->out, "=\"");
  escape (self->out, value, TRUE);
  g_string_append_c (self->out, '"');
}

/* Values with up to six decimals, as nearly every KPI value is, written without printf:
 * the mantissa and the decimal point, when dividing it by the power of ten gives the value
 * back exactly (which is how the reader computes it). A big plan has half a million. */
static gboolean
format_simple_double (char *buffer, gsize size, double value)
{
  static const double powers[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6 };
  char digits[24];

  if (!isfinite (value) || fabs (value) >= 1e15 || (value == 0 && signbit (value)) || size < 32)
    return FALSE;
  for (guint decimals = 0; decimals < G_N_ELEMENTS (powers); decimals++)
    {
      double scaled = value * powers[decimals];
      gint64 mantissa;
      guint64 magnitude;
      int n = 0;
      char *p = buffer;

      if (scaled != trunc (scaled) || fabs (scaled) >= 9007199254740992.0)
        continue;
      mantissa = (gint64) scaled;
      if ((double) mantissa / powers[decimals] != value)
        continue;
      magnitude = mantissa < 0 ? (guint64) -mantissa : (guint64) mantissa;
      do
        {
          digits[n++] = (char) ('0' + magnitude % 10);
          magnitude /= 10;
        }
      while (magnitude > 0 || n <= (int) decimals);
      if (mantissa < 0)
        *p++ = '-';
      while (n > 0)
        {
          *p++ = digits[--n];
          if (n == (int) decimals && n > 0)
            *p++ = '.';
        }
      *p = '\0';
      return TRUE;
    }
  return FALSE;
}

/* The shortest decimal that reads back as the same double. */
static void
format_double (char *buffer, gsize size, double value)
{
  if (format_simple_double (buffer, size, value))
    return;
  /* Files are locale-independent: never the locale's decimal comma, even to check. */
  g_ascii_formatd (buffer, size, "%.15g", value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_formatd (buffer, size, "%.17g", value);
}

static void
format_date (char *buffer, gsize size, guint32 julian, gboolean month_only)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (month_only)
    g_snprintf (buffer, size, "%04u-%02u", g_date_get_year (&date), g_date_get_month (&date));
  else
    g_snprintf (buffer, size, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                g_date_get_day (&date));
}

static void
extras_attributes (Writer *self, PlExtras *extras)
{
  if (pl_extras_is_empty (extras))
    return;
  for (guint i = 0; i + 1 < extras->attributes->len; i += 2)
    attribute (self, extras->attributes->pdata[i], extras->attributes->pdata[i + 1]);
}

static void
extras_children (Writer *self, PlExtras *extras, guint level)
{
  if (pl_extras_is_empty (extras) || extras->children->len == 0)
    return;
  indent (self, level);
  g_string_append (self->out, extras->children->str);
  g_string_append_c (self->out, '\n');
}

static void
text_element (Writer *self, const char *name, const char *text, guint level)
{
  indent (self, level);
  g_string_append_printf (self->out, "<%s>", name);
  escape (self->out, text, FALSE);
  g_string_append_printf (self->out, "</%s>\n", name);
}

/* Binary data as base64 in lines of 76 characters, as MIME wraps it: a diff of two plans
 * shows a changed logo as a few lines, not one line of a third of a megabyte. */
static void
bytes_element (Writer *self, const char *name, GVariant *value, guint level)
{
  gsize size;
  const guchar *data = g_variant_get_fixed_array (value, &size, 1);
  g_autofree char *text = g_base64_encode (data, size);
  gsize length = strlen (text);

  indent (self, level);
  g_string_append_printf (self->out, "<%s>\n", name);
  for (gsize at = 0; at < length; at += 76)
    {
      indent (self, level + 1);
      g_string_append_len (self->out, text + at, MIN (76, length - at));
      g_string_append_c (self->out, '\n');
    }
  indent (self, level);
  g_string_append_printf (self->out, "</%s>\n", name);
}

static void
write_attributes (Writer *self, PlItem *item)
{
  guint n_fields;
  const PlField *fields = pl_item_get_fields (item, &n_fields);
  char buffer[64];

  if (pl_item_get_id (item) != NULL)
    attribute (self, "id", pl_item_get_id (item));
  for (guint f = 0; f < n_fields; f++)
    {
      const PlField *field = &fields[f];

      if (!pl_item_field_is_set (item, f) ||
          ((field->flags & PL_FIELD_OMIT_DEFAULT) && pl_item_get_int (item, f) == field->def))
        continue;
      switch (field->type)
        {
        case PL_FIELD_STRING:
        case PL_FIELD_REF:
          attribute (self, field->name, pl_item_get_string (item, f));
          break;
        case PL_FIELD_INT:
          g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, pl_item_get_int (item, f));
          attribute (self, field->name, buffer);
          break;
        case PL_FIELD_DOUBLE:
          format_double (buffer, sizeof buffer, pl_item_get_double (item, f));
          attribute (self, field->name, buffer);
          break;
        case PL_FIELD_BOOL:
          attribute (self, field->name, pl_item_get_int (item, f) ? "true" : "false");
          break;
        case PL_FIELD_ENUM:
          attribute (self, field->name, pl_enum_to_nick (field->enum_type (), (int) pl_item_get_int (item, f)));
          break;
        case PL_FIELD_DATE:
        case PL_FIELD_MONTH:
          format_date (buffer, sizeof buffer, pl_item_get_julian (item, f), field->type == PL_FIELD_MONTH);
          attribute (self, field->name, buffer);
          break;
        case PL_FIELD_MONEY:
          {
            g_autofree char *amount = pl_money_to_string (pl_item_get_int (item, f), self->exponent);
            attribute (self, field->name, amount);
          }
          break;
        default:
          break;
        }
    }
  extras_attributes (self, pl_item_get_extras (item));
}

static void
write_series (Writer *self, const char *element, PlSeries *series, guint level)
{
  char period[16], value[64];

  for (guint i = 0; i < pl_series_get_n (series); i++)
    {
      const PlPoint *point = pl_series_get (series, i);

      format_date (period, sizeof period, point->julian, FALSE);
      format_double (value, sizeof value, point->value);
      indent (self, level);
      g_string_append_printf (self->out, "<%s period=\"%s\" value=\"%s\"", element, period, value);
      if (point->source != NULL)
        attribute (self, "source", point->source);
      g_string_append (self->out, "/>\n");
    }
}

/* Writes the children of @item: structured ones first, then text, then what was not known. */
static gboolean
write_children (Writer *self, PlItem *item, guint level, gboolean open)
{
  guint n_fields;
  const PlField *fields = pl_item_get_fields (item, &n_fields);
  gboolean any = FALSE;

#define OPEN() G_STMT_START { if (!any) { g_string_append (self->out, ">\n"); any = TRUE; } } G_STMT_END

  if (PL_IS_KPI (item))
    {
      PlKpi *kpi = PL_KPI (item);
      if (pl_series_get_n (pl_kpi_get_targets (kpi)) + pl_series_get_n (pl_kpi_get_measurements (kpi)) > 0)
        OPEN ();
      write_series (self, "target", pl_kpi_get_targets (kpi), level);
      write_series (self, "measurement", pl_kpi_get_measurements (kpi), level);
    }
  if (PL_IS_CAMPAIGN_KPI (item) && pl_series_get_n (pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (item))) > 0)
    {
      OPEN ();
      write_series (self, "result", pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (item)), level);
    }
  for (guint f = 0; f < n_fields; f++)
    {
      if (!pl_item_field_is_set (item, f))
        continue;
      if (fields[f].type == PL_FIELD_AMOUNTS)
        {
          gsize n;
          const gint64 *amounts = g_variant_get_fixed_array (pl_item_get_variant (item, f), &n, sizeof (gint64));
          char month[16];

          for (gsize m = 0; m < n && m < pl_plan_get_months (self->plan); m++)
            {
              g_autofree char *amount = NULL;
              if (amounts[m] == 0)
                continue;
              OPEN ();
              amount = pl_money_to_string (amounts[m], self->exponent);
              format_date (month, sizeof month, pl_plan_month_start (self->plan, m), TRUE);
              indent (self, level);
              g_string_append_printf (self->out, "<planned month=\"%s\" amount=\"%s\"/>\n", month, amount);
            }
        }
      else if (fields[f].type == PL_FIELD_ASSUMPTIONS)
        {
          GVariantIter iter;
          const char *kind, *key;
          double value;

          /* Kept in the order the file wants (pl_scenario_sort_assumptions()): written as is. */
          g_variant_iter_init (&iter, pl_item_get_variant (item, f));
          while (g_variant_iter_next (&iter, "(&s&sd)", &kind, &key, &value))
            {
              char number[64];
              gboolean category = g_str_equal (kind, PL_ASSUME_CATEGORY);

              OPEN ();
              indent (self, level);
              g_string_append (self->out, "<assume");
              attribute (self, category ? "category" : "driver", key);
              format_double (number, sizeof number, value);
              attribute (self, category ? "change" : "value", number);
              g_string_append (self->out, "/>\n");
            }
        }
      else if (fields[f].type == PL_FIELD_ANSWERS)
        {
          GVariantIter iter;
          const char *question;
          guchar value;

          g_variant_iter_init (&iter, pl_item_get_variant (item, f));
          while (g_variant_iter_next (&iter, "(&sy)", &question, &value))
            {
              char score[16];
              OPEN ();
              indent (self, level);
              g_string_append (self->out, "<answer");
              attribute (self, "question", question);
              g_snprintf (score, sizeof score, "%u", value);
              attribute (self, "value", value == 0 ? "unknown" : score);
              g_string_append (self->out, "/>\n");
            }
        }
    }
  /* Free text and lists of text come last, in field order. */
  for (guint f = 0; f < n_fields; f++)
    {
      if (!pl_item_field_is_set (item, f))
        continue;
      if (fields[f].type == PL_FIELD_TEXT)
        {
          OPEN ();
          text_element (self, fields[f].name, pl_item_get_string (item, f), level);
        }
      else if (fields[f].type == PL_FIELD_STRV)
        {
          const char * const *strv = pl_item_get_strv (item, f);
          for (guint i = 0; strv[i] != NULL; i++)
            {
              OPEN ();
              text_element (self, fields[f].name, strv[i], level);
            }
        }
      else if (fields[f].type == PL_FIELD_SECTION_TEXTS)
        {
          GVariantIter iter;
          const char *section, *text;

          /* Kept sorted by section (pl_report_set_commentary()): written as is. */
          g_variant_iter_init (&iter, pl_item_get_variant (item, f));
          while (g_variant_iter_next (&iter, "(&s&s)", &section, &text))
            {
              OPEN ();
              indent (self, level);
              g_string_append_printf (self->out, "<%s", fields[f].name);
              attribute (self, "section", section);
              g_string_append_c (self->out, '>');
              escape (self->out, text, FALSE);
              g_string_append_printf (self->out, "</%s>\n", fields[f].name);
            }
        }
      else if (fields[f].type == PL_FIELD_BYTES)
        {
          OPEN ();
          bytes_element (self, fields[f].name, pl_item_get_variant (item, f), level);
        }
    }
  if (!pl_extras_is_empty (pl_item_get_extras (item)) && pl_item_get_extras (item)->children->len > 0)
    {
      OPEN ();
      extras_children (self, pl_item_get_extras (item), level);
    }
#undef OPEN
  return any;
}

static void
write_item (Writer *self, PlItem *item, guint level)
{
  indent (self, level);
  g_string_append_c (self->out, '<');
  g_string_append (self->out, pl_item_get_element (item));
  write_attributes (self, item);
  if (write_children (self, item, level + 1, FALSE))
    {
      indent (self, level);
      g_string_append_printf (self->out, "</%s>\n", pl_item_get_element (item));
    }
  else
    g_string_append (self->out, "/>\n");
}

/* The lowest minor version that holds what @plan uses: a plan with none of the additions
 * stays readable, without a notice, by the readers of the versions before them. */
static int
minor_needed (PlPlan *plan)
{
  GListModel *spend = pl_plan_get_collection (plan, PL_COLLECTION_SPEND);
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  PlItem *metadata = PL_ITEM (pl_plan_get_metadata (plan));
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);

  /* 1.5: campaign results and codes (issue 25). */
  for (guint i = 0, n = g_list_model_get_n_items (campaigns); i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      if (pl_item_field_is_set (campaign, PL_CAMPAIGN_CODE))
        return 5;
    }
  for (guint i = 0, n = pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGN_KPIS); i < n; i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS), i);
      if (pl_series_get_n (pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (link))) > 0)
        return 5;
    }
  /* 1.4: spend rules, spend without a line, credits, committed spend, imported spend, carried
   * budget (issue 23). */
  if (pl_plan_get_n (plan, PL_COLLECTION_SPEND_RULES) > 0 ||
      !pl_extras_is_empty (pl_plan_get_container_extras (plan, PL_COLLECTION_SPEND_RULES)))
    return 4;
  for (guint i = 0, n = g_list_model_get_n_items (spend); i < n; i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (spend, i);
      if (pl_item_get_string (entry, PL_SPEND_LINE) == NULL || pl_item_get_int (entry, PL_SPEND_AMOUNT) < 0 ||
          !pl_spend_is_actual (entry) || pl_item_field_is_set (entry, PL_SPEND_ACCOUNT) ||
          pl_item_field_is_set (entry, PL_SPEND_SOURCE))
        return 4;
    }
  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      if (pl_item_field_is_set (line, PL_BUDGET_LINE_CARRIED))
        return 4;
    }
  /* 1.3: what the CMO adds to the reports, and a campaign's next step. */
  if (pl_item_field_is_set (metadata, PL_METADATA_COMMENTARY) ||
      pl_item_field_is_set (metadata, PL_METADATA_HEADLINES) ||
      pl_item_field_is_set (metadata, PL_METADATA_LOGO))
    return 3;
  for (guint i = 0, n = g_list_model_get_n_items (campaigns); i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      if (pl_item_field_is_set (campaign, PL_CAMPAIGN_NEXT_STEP))
        return 3;
    }
  /* 1.2: scenarios. */
  if (pl_plan_get_n (plan, PL_COLLECTION_SCENARIOS) > 0 ||
      !pl_extras_is_empty (pl_plan_get_container_extras (plan, PL_COLLECTION_SCENARIOS)))
    return 2;
  /* 1.1: spend booked for one campaign. */
  for (guint i = 0, n = g_list_model_get_n_items (spend); i < n; i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (spend, i);
      if (pl_item_get_string (entry, PL_SPEND_CAMPAIGN) != NULL)
        return 1;
    }
  return 0;
}

struct _PlPlanWriter
{
  Writer   writer;
  int      collection;  /* the collection being written; -1 before the metadata */
  guint    index;       /* the next record of that collection */
  gboolean open;        /* its container element is open */
  gboolean done;
};

/* A generous guess at the size of @plan's text: a buffer of tens of megabytes that grows is
 * copied, all at once. Pages never written cost nothing. */
static gsize
estimate_size (PlPlan *plan)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  GVariant *logo = pl_item_get_variant (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_LOGO);
  gsize size = 64 * 1024;

  if (logo != NULL)
    size += g_variant_get_size (logo) / 3 * 4 * 80 / 76;
  for (int c = 0; c < PL_N_COLLECTIONS; c++)
    size += 512 * (gsize) pl_plan_get_n (plan, c);
  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      size += 80 * (gsize) (pl_series_get_n (pl_kpi_get_targets (PL_KPI (kpi))) +
                            pl_series_get_n (pl_kpi_get_measurements (PL_KPI (kpi))));
    }
  return size;
}

PlPlanWriter *
pl_plan_writer_new (PlPlan *plan, gsize size_hint)
{
  PlPlanWriter *self = g_new0 (PlPlanWriter, 1);

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  self->writer = (Writer) { g_string_sized_new (size_hint > 0 ? size_hint : estimate_size (plan)), g_object_ref (plan),
                            pl_plan_get_currency_exponent (plan) };
  self->collection = -1;
  return self;
}

void
pl_plan_writer_free (PlPlanWriter *self)
{
  if (self == NULL)
    return;
  if (self->writer.out != NULL)
    g_string_free (self->writer.out, TRUE);
  g_object_unref (self->writer.plan);
  g_free (self);
}

static void
write_start (Writer *self)
{
  PlPlan *plan = self->plan;
  char version[32];

  /* A plan read from a newer file keeps that file's version: it still holds the newer
   * additions, so an older reader opening it again must be told, as this one was. */
  if (pl_plan_get_newer_format (plan) != NULL)
    g_strlcpy (version, pl_plan_get_newer_format (plan), sizeof version);
  else
    g_snprintf (version, sizeof version, "%d.%d", PL_PLAN_FORMAT_MAJOR, MIN (minor_needed (plan), PL_PLAN_FORMAT_MINOR));
  g_string_append (self->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plan");
  attribute (self, "xmlns", PL_PLAN_NAMESPACE);
  attribute (self, "version", version);
  extras_attributes (self, pl_plan_get_extras (plan));
  g_string_append (self->out, ">\n");

  extras_children (self, pl_plan_get_leading_extras (plan), 1);
  write_item (self, PL_ITEM (pl_plan_get_metadata (plan)), 1);
}

gboolean
pl_plan_writer_step (PlPlanWriter *self, gint64 deadline)
{
  Writer *w = &self->writer;

  g_return_val_if_fail (self != NULL && w->out != NULL, TRUE);
  if (self->collection < 0)
    {
      write_start (w);
      self->collection = 0;
    }
  for (; self->collection < PL_N_COLLECTIONS; self->collection++, self->index = 0, self->open = FALSE)
    {
      GListModel *model = pl_plan_get_collection (w->plan, self->collection);
      guint n = g_list_model_get_n_items (model);
      PlExtras *extras = pl_plan_get_container_extras (w->plan, self->collection);

      if (n == 0 && pl_extras_is_empty (extras))
        continue;
      if (!self->open)
        {
          indent (w, 1);
          g_string_append_printf (w->out, "<%s", pl_collection_get_container (self->collection));
          extras_attributes (w, extras);
          g_string_append (w->out, ">\n");
          self->open = TRUE;
        }
      while (self->index < n)
        {
          g_autoptr(PlItem) item = g_list_model_get_item (model, self->index++);
          write_item (w, item, 2);
          if (deadline > 0 && g_get_monotonic_time () >= deadline)
            return FALSE;
        }
      extras_children (w, extras, 2);
      indent (w, 1);
      g_string_append_printf (w->out, "</%s>\n", pl_collection_get_container (self->collection));
    }
  if (!self->done)
    {
      extras_children (w, pl_plan_get_extras (w->plan), 1);
      g_string_append (w->out, "</plan>\n");
      self->done = TRUE;
    }
  return TRUE;
}

GBytes *
pl_plan_writer_finish (PlPlanWriter *self)
{
  GBytes *bytes;

  g_return_val_if_fail (self != NULL && self->done, NULL);
  bytes = g_string_free_to_bytes (g_steal_pointer (&self->writer.out));
  pl_plan_writer_free (self);
  return bytes;
}

GBytes *
pl_plan_write_bytes (PlPlan *plan)
{
  PlPlanWriter *writer = pl_plan_writer_new (plan, 0);

  pl_plan_writer_step (writer, 0);
  return pl_plan_writer_finish (writer);
}

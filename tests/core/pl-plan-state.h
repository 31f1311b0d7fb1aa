/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a refused edit must leave as it was, for the tests of core's edits: every record and
 * value, the KPIs' series, the undo and redo stacks, the modified state; and no "changed". */
#pragma once

#include "pl-plan.h"

/* The plan's state as text, so that a difference shows in the test's failure message. */
static G_GNUC_UNUSED char *
pl_plan_state_describe (PlPlan *plan)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "modified=%d undo=%s (%d) redo=%s (%d)\n", pl_plan_get_modified (plan),
                          pl_plan_get_undo_label (plan), pl_plan_can_undo (plan), pl_plan_get_redo_label (plan),
                          pl_plan_can_redo (plan));
  for (int c = PL_COLLECTION_NONE; c < PL_N_COLLECTIONS; c++)
    {
      GListModel *model = c == PL_COLLECTION_NONE ? NULL : pl_plan_get_collection (plan, c);
      guint n = model ? g_list_model_get_n_items (model) : 1;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PlItem) item = model ? g_list_model_get_item (model, i)
                                         : g_object_ref (PL_ITEM (pl_plan_get_metadata (plan)));
          guint n_fields;
          const PlField *fields = pl_item_get_fields (item, &n_fields);

          g_string_append_printf (out, "%s", pl_item_get_id (item) ? pl_item_get_id (item) : "metadata");
          for (guint f = 0; f < n_fields; f++)
            {
              PlSlot slot = pl_item_dup_slot (item, f);

              g_string_append_printf (out, " %s=", fields[f].name);
              switch (fields[f].type)
                {
                case PL_FIELD_STRING:
                case PL_FIELD_TEXT:
                case PL_FIELD_REF:
                  g_string_append (out, slot.s ? slot.s : "(null)");
                  break;
                case PL_FIELD_DOUBLE:
                  g_string_append_printf (out, "%g", slot.d);
                  break;
                case PL_FIELD_STRV:
                  for (guint k = 0; slot.v != NULL && slot.v[k] != NULL; k++)
                    g_string_append_printf (out, "[%s]", slot.v[k]);
                  break;
                case PL_FIELD_AMOUNTS:
                case PL_FIELD_ANSWERS:
                case PL_FIELD_ASSUMPTIONS:
                case PL_FIELD_SECTION_TEXTS:
                case PL_FIELD_BYTES:
                  if (slot.var != NULL)
                    {
                      g_autofree char *text = g_variant_print (slot.var, FALSE);
                      g_string_append (out, text);
                    }
                  break;
                default:
                  g_string_append_printf (out, "%" G_GINT64_FORMAT, slot.i);
                  break;
                }
              pl_slot_clear (fields[f].type, &slot);
            }
          for (guint kind = 0; PL_IS_KPI (item) && kind < 2; kind++)
            {
              PlSeries *series = kind == 0 ? pl_kpi_get_targets (PL_KPI (item)) : pl_kpi_get_measurements (PL_KPI (item));

              for (guint p = 0; p < pl_series_get_n (series); p++)
                g_string_append_printf (out, " %c%u=%g", kind == 0 ? 't' : 'm', pl_series_get (series, p)->julian,
                                        pl_series_get (series, p)->value);
            }
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  PlPlan *plan;
  char   *before;
  guint   changed;
  gulong  handler;
} PlPlanState;

static void
pl_plan_state_changed_cb (PlPlan *plan, PlChangeMask change, gpointer data)
{
  ((PlPlanState *) data)->changed++;
}

/* Remembers @plan's state and starts counting its "changed" emissions. */
static G_GNUC_UNUSED void
pl_plan_state_begin (PlPlanState *state, PlPlan *plan)
{
  state->plan = plan;
  state->before = pl_plan_state_describe (plan);
  state->changed = 0;
  state->handler = g_signal_connect (plan, "changed", G_CALLBACK (pl_plan_state_changed_cb), state);
}

/* Asserts that the plan is exactly as pl_plan_state_begin() found it and told nobody of a change. */
static G_GNUC_UNUSED void
pl_plan_state_assert_unchanged (PlPlanState *state)
{
  g_autofree char *after = pl_plan_state_describe (state->plan);

  g_assert_cmpstr (after, ==, state->before);
  g_assert_cmpuint (state->changed, ==, 0);
  g_signal_handler_disconnect (state->plan, state->handler);
  g_clear_pointer (&state->before, g_free);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-delete-dialog"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-delete-dialog.h"
#include "pl-money.h"
#include "pl-rules.h"

/* What the user knows a record by: the KPI a link points to, the line an allocation comes
 * from, an entry's title; the file's IDs mean nothing to them. */
static char *
describe_for_user (PlPlan *plan, PlItem *item, PlItem *deleted)
{
  PlItem *target;

  if (PL_IS_CAMPAIGN_KPI (item) &&
      (target = pl_plan_lookup (plan, pl_item_get_string (item, PL_CAMPAIGN_KPI_KPI))) != NULL)
    return g_strdup_printf (_("its link to the KPI “%s”"), pl_item_get_string (target, PL_KPI_NAME));
  if (PL_IS_CAMPAIGN_KPI (item) &&
      (target = pl_plan_lookup (plan, pl_item_get_string (item, PL_CAMPAIGN_KPI_CAMPAIGN))) != NULL)
    return g_strdup_printf (_("its link to the campaign “%s”"), pl_item_get_string (target, PL_CAMPAIGN_NAME));
  if (PL_IS_KPI_LINK (item))
    {
      PlItem *up = pl_plan_lookup (plan, pl_item_get_string (item, PL_KPI_LINK_UPSTREAM));
      PlItem *down = pl_plan_lookup (plan, pl_item_get_string (item, PL_KPI_LINK_DOWNSTREAM));
      if (up != NULL && down != NULL)
        return g_strdup_printf (_("the chain link “%s” → “%s”"), pl_item_get_string (up, PL_KPI_NAME),
                                pl_item_get_string (down, PL_KPI_NAME));
    }
  /* An allocation joins a line and a campaign: it is named by the side not being deleted. */
  if (PL_IS_ALLOCATION (item) && PL_IS_BUDGET_LINE (deleted) &&
      (target = pl_plan_lookup (plan, pl_item_get_string (item, PL_ALLOCATION_CAMPAIGN))) != NULL)
    return g_strdup_printf (_("its allocation to the campaign “%s”"), pl_item_get_string (target, PL_CAMPAIGN_NAME));
  if (PL_IS_ALLOCATION (item) &&
      (target = pl_plan_lookup (plan, pl_item_get_string (item, PL_ALLOCATION_LINE))) != NULL)
    return g_strdup_printf (_("its allocation from the budget line “%s”"), pl_item_get_string (target, PL_BUDGET_LINE_NAME));
  if (PL_IS_ENTRY (item))
    return g_strdup_printf (_("the calendar entry “%s” (kept, without its campaign)"), pl_item_get_string (item, PL_ENTRY_TITLE));
  return pl_rules_describe (plan, item, FALSE);
}

static void
on_response_cb (GtkDialog *dialog, int response, PlPlan *plan)
{
  PlItem *item = g_object_get_data (G_OBJECT (dialog), "item");

  if (response == GTK_RESPONSE_ACCEPT)
    pl_plan_remove (plan, item);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
pl_delete_dialog_present (GtkWidget *parent, PlPlan *plan, PlItem *item)
{
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog;

  g_return_if_fail (PL_IS_PLAN (plan) && PL_IS_ITEM (item));
  refs = pl_plan_find_references (plan, item);
  if (refs->len == 0)
    g_string_append (details, _("Nothing else in the plan refers to it. You can undo this."));
  else
    {
      guint n_spend = 0;
      gint64 spent = 0, committed = 0;

      g_string_append (details, _("These will be unlinked or removed with it (you can undo this):"));
      for (guint i = 0; i < refs->len; i++)
        {
          PlItem *ref = g_ptr_array_index (refs, i);
          g_autofree char *what = NULL;

          /* Spend entries go by the dozen: counted and summed, not listed. */
          if (PL_IS_SPEND (ref))
            {
              n_spend++;
              /* An order not yet invoiced is not spent: said apart (issue 23). */
              if (pl_spend_is_actual (ref))
                spent = pl_money_sum (spent, pl_item_get_int (ref, PL_SPEND_AMOUNT));
              else
                committed = pl_money_sum (committed, pl_item_get_int (ref, PL_SPEND_AMOUNT));
              continue;
            }
          what = describe_for_user (plan, ref, item);
          g_string_append_printf (details, "\n• %s", what);
        }
      if (n_spend > 0)
        {
          g_autofree char *amount = pl_money_format (spent, pl_plan_get_currency_exponent (plan),
                                                     pl_plan_get_currency (plan));
          g_autofree char *ordered = pl_money_format (committed, pl_plan_get_currency_exponent (plan),
                                                      pl_plan_get_currency (plan));
          g_string_append (details, "\n• ");
          if (committed == 0)
            g_string_append_printf (details, ngettext ("%u entry of actual spend, %s", "%u entries of actual spend, %s in all",
                                                       n_spend),
                                    n_spend, amount);
          else
            /* Translators: spend entries of a record deleted: how many, their actual spend, their committed spend */
            g_string_append_printf (details, ngettext ("%u entry of spend: %s actual, %s committed",
                                                       "%u entries of spend: %s actual, %s committed", n_spend),
                                    n_spend, amount, ordered);
        }
    }
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, GTK_DIALOG_MODAL,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, _("Delete “%s”?"),
                                   pl_item_get_display_name (item));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", details->str);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL, _("_Delete"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  g_object_set_data_full (G_OBJECT (dialog), "item", g_object_ref (item), g_object_unref);
  /* The dialog is modal over the window that shows the plan: the plan outlives it. */
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_response_cb), plan, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

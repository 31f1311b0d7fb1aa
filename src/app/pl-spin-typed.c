/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-money.h"
#include "pl-spin-typed.h"

typedef struct {
  PlSpinRefused refused;
  gpointer      user_data;
} Typed;

static int
on_input_cb (GtkSpinButton *spin, double *value, Typed *typed)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  double lower, upper, parsed;

  /* An empty field is another handler's business (a value not measured shows empty). */
  if (*text == '\0')
    return FALSE;
  if (!pl_number_parse_typed (text, &parsed, &error))
    message = g_strdup (error->message);
  else
    {
      gtk_spin_button_get_range (spin, &lower, &upper);
      if (parsed >= lower && parsed <= upper)
        {
          *value = parsed;
          return TRUE;
        }
      {
        g_autofree char *low_plain = g_strdup_printf ("%.15g", lower);
        g_autofree char *high_plain = g_strdup_printf ("%.15g", upper);
        g_autofree char *low = pl_group_digits (low_plain);
        g_autofree char *high = pl_group_digits (high_plain);

        /* Translators: what the user typed, then the field's lowest and highest values */
        message = g_strdup_printf (_("“%s” is out of range: type a value from %s to %s."), text, low, high);
      }
    }
  gtk_widget_error_bell (GTK_WIDGET (spin));
  if (typed->refused != NULL)
    typed->refused (spin, message, typed->user_data);
  return GTK_INPUT_ERROR;
}

static void
typed_free (gpointer data, GClosure *closure)
{
  g_free (data);
}

void
pl_spin_typed_attach (GtkSpinButton *spin, PlSpinRefused refused, gpointer user_data)
{
  Typed *typed = g_new0 (Typed, 1);

  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));
  typed->refused = refused;
  typed->user_data = user_data;
  /* Commas and spaces must reach the parser, and a refused value must not be clamped into
   * range or read as 0. */
  gtk_spin_button_set_numeric (spin, FALSE);
  gtk_spin_button_set_update_policy (spin, GTK_UPDATE_IF_VALID);
  g_signal_connect_data (spin, "input", G_CALLBACK (on_input_cb), typed, typed_free, 0);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-tooltip"
#include "config.h"

#include "pl-tooltip.h"

static GQuark
text_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("pl-tooltip-text");
  return quark;
}

static gboolean
on_query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  const char *text = pl_tooltip_get (widget);

  /* An error given by pl_tooltip_set_error() is GTK's own tooltip: it shows instead. */
  if (text == NULL || gtk_widget_get_tooltip_text (widget) != NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
pl_tooltip_set (GtkWidget *widget, const char *text)
{
  static GQuark connected;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (pl_tooltip_get (widget), text) == 0)
    return;
  if (connected == 0)
    connected = g_quark_from_static_string ("pl-tooltip-connected");
  if (g_object_get_qdata (G_OBJECT (widget), connected) == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
      g_object_set_qdata (G_OBJECT (widget), connected, GINT_TO_POINTER (TRUE));
    }
  g_object_set_qdata_full (G_OBJECT (widget), text_quark (), g_strdup (text), g_free);
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    return;
  gtk_widget_set_has_tooltip (widget, text != NULL);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

const char *
pl_tooltip_get (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  return g_object_get_qdata (G_OBJECT (widget), text_quark ());
}

void
pl_tooltip_set_error (GtkWidget *widget, const char *message)
{
  const char *text;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  if (message == NULL && gtk_widget_get_tooltip_text (widget) == NULL)
    return;
  gtk_widget_set_tooltip_text (widget, message);
  text = pl_tooltip_get (widget);
  /* The error gone, the widget's own tooltip is back. */
  if (message == NULL && text != NULL)
    {
      gtk_widget_set_has_tooltip (widget, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
}

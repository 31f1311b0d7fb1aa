/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-ask-dialog"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-ask-dialog.h"

static void
on_response_cb (GtkDialog *dialog, int response, gpointer owner)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  GtkWidget *choice = g_object_get_data (G_OBJECT (dialog), "choice");
  PlAskDone done = g_object_get_data (G_OBJECT (dialog), "done");
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      !done (owner, entry ? gtk_editable_get_text (GTK_EDITABLE (entry)) : NULL,
             choice ? gtk_drop_down_get_selected (GTK_DROP_DOWN (choice)) : 0, &error))
    {
      /* Said in the dialog, which stays open for the value to be corrected. */
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
      if (entry != NULL)
        gtk_widget_add_css_class (entry, "error");
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
pl_ask_dialog_present (GtkWidget *parent, const char *title, const char *detail, const char *initial,
                       const char * const *choices, const char *accept, PlAskDone done, gpointer owner)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, GTK_DIALOG_MODAL,
                                              GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", title);
  GtkWidget *area = gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  if (choices != NULL)
    {
      GtkWidget *choice = gtk_drop_down_new_from_strings (choices);
      gtk_box_append (GTK_BOX (area), choice);
      g_object_set_data (G_OBJECT (dialog), "choice", choice);
    }
  if (initial != NULL)
    {
      GtkWidget *entry = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (entry), initial);
      gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
      gtk_box_append (GTK_BOX (area), entry);
      g_object_set_data (G_OBJECT (dialog), "entry", entry);
    }
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL, accept, GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data (G_OBJECT (dialog), "done", done);
  /* The dialog is modal over the page's window: the page outlives it. */
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), owner);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving from the window when the file cannot take it (issue 19): a read-only plan file is
 * not replaced and the window offers Save As; the document sees a change made by another
 * program by its content, even when the modification time was kept. */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pl-document.h"
#include "pl-error.h"
#include "pl-records.h"
#include "pl-test-util.h"
#include "pl-window.h"

static GBytes *
read_all (const char *path)
{
  char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_bytes_new_take (data, length);
}

/* The chooser a GtkFileChooserNative falls back to when no portal answers. */
static GtkWidget *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static void
test_read_only_offers_save_as (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlDocument *document = pl_window_get_document (window);
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (pl_document_get_plan (document)));
  g_autoptr(GBytes) before = read_all (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secondary = NULL;
  GtkWidget *dialog, *chooser;

  g_assert_true (pl_plan_set_string (pl_document_get_plan (document), meta, PL_METADATA_OWNER, "Léa Dubois", &error));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  pl_test_spin ();
  dialog = pl_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_cmpstr (secondary, ==, "plan.pilote: The file is read-only, so the plan was not saved over it. "
                   "Save it under another name.");
  g_assert_nonnull (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT))),
                   ==, "Save _As…");
  pl_test_screenshot (dialog, "save-read-only");

  /* Cancel: nothing written, the changes still there. */
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  pl_test_spin ();
  g_assert_null (pl_test_find_message_dialog ());
  g_assert_true (pl_document_get_modified (document));
  after = read_all (path);
  g_assert_true (g_bytes_equal (before, after));

  /* Save As: the chooser opens. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  pl_test_spin ();
  dialog = pl_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  pl_test_spin ();
  chooser = find_file_chooser ();
  g_assert_nonnull (chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  pl_test_spin ();
  g_assert_true (pl_document_get_modified (document));

  g_assert_true (pl_document_save (document, NULL, TRUE, &error) == FALSE);
  g_clear_error (&error);
  g_chmod (path, 0644);
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* Another program writes different bytes of the same size and puts the modification time back. */
static void
test_document_sees_change_keeping_mtime (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = pl_document_load (file, &error);
  g_autofree char *text = NULL;
  struct timespec times[2];
  struct stat st;
  char *at;
  int fd;

  g_assert_no_error (error);
  g_assert_true (pl_document_get_stamp (document)->exists);
  g_assert_false (pl_document_changed_on_disk (document, &error));
  g_assert_no_error (error);

  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  at = strstr (text, "<plan");
  g_assert_nonnull (at);
  memcpy (at, "<PLAN", 5);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (write (fd, text, strlen (text)), ==, (gssize) strlen (text));
  close (fd);
  times[0] = st.st_atim;
  times[1] = st.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);

  g_assert_true (pl_document_changed_on_disk (document, &error));
  g_assert_no_error (error);
  g_assert_false (pl_document_save (document, NULL, FALSE, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);

  /* Saved over on purpose: the document's stamp is now the file's. */
  g_assert_true (pl_document_save (document, NULL, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (pl_document_changed_on_disk (document, &error));
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/save-errors/read-only-offers-save-as", test_read_only_offers_save_as);
  g_test_add_func ("/save-errors/document-sees-change-keeping-mtime", test_document_sees_change_keeping_mtime);
  return g_test_run ();
}

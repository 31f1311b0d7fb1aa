/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window in the user's language and locale: run once in French (LANGUAGE=fr,
 * LC_ALL=fr_FR.UTF-8) and once in American English, it finds each page's words and figures as
 * that reader writes them, and leaves a screenshot of every page (locale-LANG-PAGE.png) to
 * check that the longer French strings are not cut. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pl-test-util.h"

typedef struct {
  const char *page;
  const char *text;  /* shown by some label of the page, no-break spaces as plain spaces */
} Expected;

static const Expected french[] = {
  { "dashboard", "Tableau de bord" },
  { "dashboard", "Campagnes à surveiller" },
  { "plan", "Exercice" },
  { "campaigns", "13 campagnes" },
  { "budget", "Ensemble du plan : 1 844 500 € prévus, 888 017,31 € dépensés (48 % consommés)" },
  { "calendar", "Frise chronologique" },
  { "kpis", "Importer des mesures…" },
  { "chain", "Hygiène des indicateurs" },
  { "assessment", "En bonne voie" },
};

static const Expected english[] = {
  { "dashboard", "Dashboard" },
  { "dashboard", "Campaigns That Need Attention" },
  { "plan", "Fiscal period" },
  { "campaigns", "13 campaigns" },
  { "budget", "Whole plan: €1,844,500 planned, €888,017.31 spent (48 % used)" },
  { "calendar", "Timeline" },
  { "kpis", "Import Measurements…" },
  { "chain", "Metric Hygiene" },
  { "assessment", "On track" },
};

static const char *pages[] = { "dashboard", "plan", "campaigns", "budget", "calendar", "kpis", "chain", "assessment" };

/* @text with its no-break spaces (French puts them before ":" and "%", and between
 * thousands) made plain. */
static char *
plain_spaces (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("[\\x{00A0}\\x{202F}]", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

/* TRUE when a label or button under @root that is showing reads @text (or contains it). */
static gboolean
shows_text (GtkWidget *root, const char *text)
{
  const char *shown = NULL;

  if (!gtk_widget_get_mapped (root))
    return FALSE;
  if (GTK_IS_LABEL (root))
    shown = gtk_label_get_text (GTK_LABEL (root));
  else if (GTK_IS_BUTTON (root))
    shown = gtk_button_get_label (GTK_BUTTON (root));
  if (shown != NULL)
    {
      g_autofree char *spaced = plain_spaces (shown);
      /* A button's label keeps its mnemonic's underscore. */
      g_auto(GStrv) parts = g_strsplit (spaced, "_", -1);
      g_autofree char *plain = g_strjoinv ("", parts);
      if (strstr (plain, text) != NULL)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static void
test_pages (void)
{
  const char *language = g_getenv ("LANGUAGE");
  gboolean in_french = g_strcmp0 (language, "fr") == 0;
  const Expected *expected = in_french ? french : english;
  guint n_expected = in_french ? G_N_ELEMENTS (french) : G_N_ELEMENTS (english);
  g_autofree char *dir = g_dir_make_tmp ("pilote-locale-XXXXXX", NULL);
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autofree char *shot = g_strdup_printf ("locale-%s-%s", in_french ? "fr" : "en", pages[p]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[p]);
      pl_test_wait_drawn (GTK_WIDGET (window));
      for (guint i = 0; i < n_expected; i++)
        if (g_str_equal (expected[i].page, pages[p]) && !shows_text (GTK_WIDGET (window), expected[i].text))
          g_error ("%s page: “%s” is not shown", pages[p], expected[i].text);
      pl_test_screenshot (GTK_WIDGET (window), shot);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/locale/pages", test_pages);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-i18n"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "pl-i18n.h"

void
pl_i18n_init (void)
{
  /* French is always translated: where its catalogue is missing, nothing was installed. */
  g_autofree char *installed = g_build_filename (LOCALEDIR, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_file_test (installed, G_FILE_TEST_EXISTS) ? LOCALEDIR : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

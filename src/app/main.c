/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pilote"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-application.h"
#include "pl-i18n.h"

int
main (int argc, char **argv)
{
  g_autoptr(PlApplication) app = NULL;

  pl_i18n_init ();
  g_set_application_name (_("Pilote"));

  app = pl_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}

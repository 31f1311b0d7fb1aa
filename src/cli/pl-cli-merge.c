/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pilote-cli"
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pl-cli-command.h"
#include "pl-cli-merge.h"
#include "pl-plan-file.h"
#include "pl-plan-merge.h"
#include "pl-plan-reader.h"

/* Git's conventions for a merge driver: 0 merged, 1 conflicts left, anything else an error. */
enum { MERGE_CLEAN = 0, MERGE_CONFLICTS = 1, MERGE_ERROR = 2 };

/* Saves @plan as @out. The save keeps the file it replaces as "OUT~", which is what the window
 * wants; here, where git hands its own temporary file, a backup that was not there before
 * would be left lying in the work tree. */
static gboolean
save_merged (PlPlan *plan, GFile *out, GError **error)
{
  g_autofree char *path = g_file_get_path (out);
  g_autofree char *backup = path ? g_strconcat (path, "~", NULL) : NULL;
  gboolean had_backup = backup != NULL && g_file_test (backup, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK);

  if (!pl_plan_save (plan, out, NULL, NULL, error))
    return FALSE;
  if (backup != NULL && !had_backup && g_unlink (backup) != 0 && errno != ENOENT)
    g_debug ("%s: %s", backup, g_strerror (errno));
  return TRUE;
}

/* Held until the process exits (pl_cli_merge()); volatile, so that the compiler keeps pointers
 * it sees nobody read, and leak checkers see the memory still reachable. */
static GPtrArray * volatile plans_until_exit;
static PlMergeResult * volatile result_until_exit;

int
pl_cli_merge (int argc, char **argv)
{
  int status = EXIT_OK;
  g_autofree char *output = NULL;
  g_autofree char *name = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the merged plan to OUT (it may be OURS, as git’s merge driver needs)"), N_("OUT") },
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name,
      N_("Call OUT NAME in the messages (git’s %P: the plan’s path, where OUT is a temporary file)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(PlMergeResult) result = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  GFile *files[3];

  if (!pl_cli_parse ("merge", _("BASE OURS THEIRS -o OUT"),
                     _("Merges two people’s changes to one plan: BASE is the version both started from, OURS "
                       "and THEIRS the two edited versions. Records are matched by their IDs; changes to "
                       "different records, or to different fields of one record, combine. A field both "
                       "changed differently, or a record one removed and the other changed, is a conflict: "
                       "OUT keeps our side of it. Where the two sides’ changes break a rule of the plan "
                       "together, the records involved keep our side too. Every conflict is listed.\n"
                       "Exits with 0 when the merge is clean, 1 when there are conflicts (OUT is written "
                       "all the same), 2 on an error (a file that is not a plan, a missing file)."),
                     entries, &argc, &argv, &status))
    return status;
  if (argc != 4)
    return pl_cli_usage_error ("merge", _("Name three plan files: BASE, OURS and THEIRS."));
  if (output == NULL)
    return pl_cli_usage_error ("merge", _("Say where to write the merged plan with -o OUT."));

  for (guint i = 0; i < 3; i++)
    files[i] = g_file_new_for_commandline_arg (argv[i + 1]);
  plans = pl_plan_load_several (files, 3, PL_READ_DEFAULT, &error);
  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
  if (plans == NULL)
    {
      g_printerr ("%s\n", error->message);
      return MERGE_ERROR;
    }

  result = pl_plan_merge (g_ptr_array_index (plans, 0), g_ptr_array_index (plans, 1), g_ptr_array_index (plans, 2));
  /* What a newer Pilote wrote is kept: the file says its version, or validate refuses it. */
  pl_plan_take_file_format (result->plan, g_ptr_array_index (plans, 1));
  pl_plan_take_file_format (result->plan, g_ptr_array_index (plans, 2));
  out = g_file_new_for_commandline_arg (output);
  if (!save_merged (result->plan, out, &error))
    {
      g_printerr ("%s\n", error->message);
      return MERGE_ERROR;
    }
  for (guint i = 0; i < result->conflicts->len; i++)
    {
      g_autofree char *line = pl_merge_conflict_describe (g_ptr_array_index (result->conflicts, i));
      g_print ("%s\n", line);
    }
  if (result->conflicts->len > 0)
    /* Translators: %u is a number of conflicts, %s the file written */
    g_print (ngettext ("%u conflict: your side of it is kept in %s.\n",
                       "%u conflicts: your side of each is kept in %s.\n", result->conflicts->len),
             result->conflicts->len, name != NULL ? name : output);
  status = result->conflicts->len > 0 ? MERGE_CONFLICTS : MERGE_CLEAN;
  /* The command ends here, and the process with it, which gives the plans' memory back at once:
   * freeing four big plans record by record would add a tenth to the merge's time. */
  plans_until_exit = g_steal_pointer (&plans);
  result_until_exit = g_steal_pointer (&result);
  return status;
}

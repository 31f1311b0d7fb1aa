/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pilote-cli merge as a script and as git see it (issue 24): the exit statuses of a merge
 * driver (0 clean, 1 conflicts with OUT written all the same, 2 an error), the conflicts listed
 * in words, OUT that may be OURS, and real git merging two branches through the driver. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

/* What a run said and how it ended. */
typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* Runs @argv (NULL-terminated) in @dir (NULL: here), in French with @french. */
static void
run_env (Result *result, const char *dir, const char * const *argv, gboolean french)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int wait_status = 0;

  if (french)
    {
      env = g_environ_setenv (env, "LANGUAGE", "fr", TRUE);
      env = g_environ_setenv (env, "LC_ALL", "fr_FR.UTF-8", TRUE);
    }
  g_assert_true (g_spawn_sync (dir, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &result->out, &result->err,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

static void
run_in (Result *result, const char *dir, const char * const *argv)
{
  run_env (result, dir, argv, FALSE);
}

/* pilote-cli merge with @base, @ours and @theirs, written to @out, in French with @french. */
static void
merge_in (Result *result, const char *base, const char *ours, const char *theirs, const char *out, gboolean french)
{
  const char *argv[] = { g_getenv ("PILOTE_CLI"), "merge", base, ours, theirs, "-o", out, NULL };

  run_env (result, NULL, argv, french);
}

static void
merge (Result *result, const char *base, const char *ours, const char *theirs, const char *out)
{
  merge_in (result, base, ours, theirs, out, FALSE);
}

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", "merge", name, NULL);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
copy_file (const char *from, const char *to)
{
  g_autofree char *text = read_text (from);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (to, text, -1, &error));
  g_assert_no_error (error);
}

static void
assert_valid (const char *path)
{
  const char *argv[] = { g_getenv ("PILOTE_CLI"), "validate", path, NULL };
  g_auto(Result) run = { 0 };

  run_in (&run, NULL, argv);
  g_assert_cmpint (run.status, ==, 0);
}

/* The files of a directory, to see that nothing was left beside OUT. */
static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_clean (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pilote-merge-XXXXXX", NULL);
  g_autofree char *base = fixture ("base.pilote");
  g_autofree char *ours = fixture ("ours-clean.pilote");
  g_autofree char *theirs = fixture ("theirs-clean.pilote");
  g_autofree char *expected_path = fixture ("merged-clean.pilote");
  g_autofree char *out = g_build_filename (dir, "out.pilote", NULL);
  g_autofree char *expected = read_text (expected_path);
  g_autofree char *written = NULL;
  g_auto(Result) run = { 0 };

  merge (&run, base, ours, theirs, out);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  written = read_text (out);
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_unlink (out);
  g_rmdir (dir);
}

/* Conflicts: each listed with its record, field, both values and the one before; OUT keeps
 * ours and validates; the status is 1. OUT may be OURS itself, and no backup is left. */
static void
test_conflicts (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pilote-merge-XXXXXX", NULL);
  g_autofree char *base = fixture ("base.pilote");
  g_autofree char *ours_fixture = fixture ("ours-conflict.pilote");
  g_autofree char *theirs = fixture ("theirs-conflict.pilote");
  g_autofree char *ours = g_build_filename (dir, "plan.pilote", NULL);
  g_autofree char *text = NULL;
  g_auto(Result) run = { 0 };

  copy_file (ours_fixture, ours);
  merge (&run, base, ours, theirs, ours);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "Campaign “Webinars, spring”, Name: yours “Webinars, spring”, theirs “Webinar series” "
                                     "(was “Webinars”); yours kept\n"));
  g_assert_nonnull (strstr (run.out, "Campaign “Trade fair stand”: you changed it, they removed it; yours kept\n"));
  g_assert_nonnull (strstr (run.out, "Budget line “Search ads”: yours kept, as your changes and theirs together break a "
                                     "rule: The budget line “Search ads” plans 7000.00 EUR in all: its allocations to "
                                     "campaigns cannot add up to 9000.00 EUR.\n"));
  {
    g_autofree char *last = g_strdup_printf ("3 conflicts: your side of each is kept in %s.\n", ours);
    g_assert_true (g_str_has_suffix (run.out, last));
  }
  /* The same in French, the words of the window's pages. */
  {
    g_auto(Result) french = { 0 };

    merge_in (&french, base, ours_fixture, theirs, ours, TRUE);
    g_assert_cmpint (french.status, ==, 1);
    g_assert_nonnull (strstr (french.out, "Campagne «\u00a0Webinars, spring\u00a0», Nom\u202f: chez vous «\u00a0Webinars, "
                                          "spring\u00a0», chez eux «\u00a0Webinar series\u00a0» (avant\u202f: "
                                          "«\u00a0Webinars\u00a0»)\u202f; votre version est gardée\n"));
  }
  text = read_text (ours);
  g_assert_nonnull (strstr (text, "name=\"Webinars, spring\""));
  g_assert_nonnull (strstr (text, "cmp-3"));
  assert_valid (ours);
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_unlink (ours);
  g_rmdir (dir);
}

/* The CFO trims February of a budget line, the CMO raises its March: both kept, no conflict.
 * Both changing February is one conflict, on that month alone. */
static void
test_months (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pilote-merge-XXXXXX", NULL);
  g_autofree char *base = fixture ("base.pilote");
  g_autofree char *ours = fixture ("ours-months.pilote");
  g_autofree char *theirs = fixture ("theirs-months.pilote");
  g_autofree char *theirs_conflict = fixture ("theirs-month-conflict.pilote");
  g_autofree char *out = g_build_filename (dir, "out.pilote", NULL);
  g_autofree char *text = NULL;
  g_auto(Result) run = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) french = { 0 };

  merge (&run, base, ours, theirs, out);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  text = read_text (out);
  g_assert_nonnull (strstr (text, "<planned month=\"2027-01\" amount=\"5000.00\"/>\n"
                                  "      <planned month=\"2027-02\" amount=\"4000.00\"/>\n"
                                  "      <planned month=\"2027-03\" amount=\"3000.00\"/>\n    </line>"));
  assert_valid (out);

  merge (&again, base, ours, theirs_conflict, out);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.out, "Budget line “Search ads”, Planned for February 2027: yours 4\u202f000.00, "
                                       "theirs 4\u202f500.00 (was 5\u202f000.00); yours kept\n"));
  g_free (text);
  text = read_text (out);
  g_assert_nonnull (strstr (text, "amount=\"4000.00\"/>\n      <planned month=\"2027-03\" amount=\"3000.00\"/>"));
  merge_in (&french, base, ours, theirs_conflict, out, TRUE);
  g_assert_cmpint (french.status, ==, 1);
  g_assert_nonnull (strstr (french.out, "Ligne budgétaire «\u00a0Search ads\u00a0», Prévu en février 2027\u202f: "
                                        "chez vous 4\u202f000,00, chez eux 4\u202f500,00 (avant\u202f: 5\u202f000,00)"
                                        "\u202f; votre version est gardée\n"));
  g_unlink (out);
  g_rmdir (dir);
}

/* A plan a newer Pilote wrote: what it adds is kept, and OUT says its version, so that it
 * validates and an older Pilote is told again. */
static void
test_newer (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pilote-merge-XXXXXX", NULL);
  g_autofree char *newer = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", "diff", "newer.pilote", NULL);
  g_autofree char *out = g_build_filename (dir, "out.pilote", NULL);
  g_autofree char *text = NULL;
  g_auto(Result) run = { 0 };

  merge (&run, newer, newer, newer, out);
  g_assert_cmpint (run.status, ==, 0);
  text = read_text (out);
  g_assert_nonnull (strstr (text, "version=\"1.9\""));
  g_assert_nonnull (strstr (text, "priority=\"high\""));
  g_assert_nonnull (strstr (text, "<partner id=\"ptn-1\" name=\"Agency\"/>"));
  assert_valid (out);
  g_unlink (out);
  g_rmdir (dir);
}

/* Errors: a file that is not a plan, a missing file, a wrong command line; OUT untouched. */
static void
test_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pilote-merge-XXXXXX", NULL);
  g_autofree char *base = fixture ("base.pilote");
  g_autofree char *ours = fixture ("ours-clean.pilote");
  g_autofree char *not_plan = fixture ("not-a-plan.pilote");
  g_autofree char *missing = g_build_filename (dir, "missing.pilote", NULL);
  g_autofree char *out = g_build_filename (dir, "out.pilote", NULL);

  {
    g_auto(Result) run = { 0 };

    merge (&run, base, ours, not_plan, out);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "not-a-plan.pilote:1:1: This is not a plan file"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Result) run = { 0 };

    merge (&run, missing, ours, ours, out);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "missing.pilote: There is no such file."));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  {
    const char *argv[] = { g_getenv ("PILOTE_CLI"), "merge", base, ours, ours, NULL };
    g_auto(Result) run = { 0 };

    run_in (&run, NULL, argv);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "-o OUT"));
  }
  g_rmdir (dir);
}

/* Runs git with @args in @dir; asserts the status it ends with. */
static void
git (const char *dir, int status, const char *arg, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(Result) run = { 0 };
  va_list args;

  g_ptr_array_add (argv, (char *) "git");
  va_start (args, arg);
  for (; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  run_in (&run, dir, (const char * const *) argv->pdata);
  if (run.status != status)
    g_error ("git %s: %d\n%s%s", (char *) argv->pdata[1], run.status, run.out, run.err);
}

/* A repository with the README's lines: .gitattributes and the driver in its config. */
static char *
make_repository (void)
{
  char *dir = g_dir_make_tmp ("pilote-merge-git-XXXXXX", NULL);
  g_autofree char *attributes = g_build_filename (dir, ".gitattributes", NULL);
  g_autofree char *driver = g_strdup_printf ("'%s' merge %%O %%A %%B -o %%A --name %%P", g_getenv ("PILOTE_CLI"));
  g_autofree char *base = fixture ("base.pilote");
  g_autofree char *plan = g_build_filename (dir, "plan.pilote", NULL);

  git (dir, 0, "init", "-q", "-b", "main", NULL);
  git (dir, 0, "config", "user.name", "Test", NULL);
  git (dir, 0, "config", "user.email", "test@example.com", NULL);
  git (dir, 0, "config", "merge.pilote.name", "Pilote plan merge", NULL);
  git (dir, 0, "config", "merge.pilote.driver", driver, NULL);
  g_assert_true (g_file_set_contents (attributes, "*.pilote merge=pilote\n", -1, NULL));
  copy_file (base, plan);
  git (dir, 0, "add", ".", NULL);
  git (dir, 0, "commit", "-q", "-m", "base", NULL);
  return dir;
}

/* Two branches, each changing the plan from the base: "theirs" merged into main. */
static void
branches (const char *dir, const char *ours, const char *theirs)
{
  g_autofree char *plan = g_build_filename (dir, "plan.pilote", NULL);
  g_autofree char *ours_path = fixture (ours);
  g_autofree char *theirs_path = fixture (theirs);

  git (dir, 0, "checkout", "-q", "-b", "theirs", NULL);
  copy_file (theirs_path, plan);
  git (dir, 0, "commit", "-q", "-a", "-m", "theirs", NULL);
  git (dir, 0, "checkout", "-q", "main", NULL);
  copy_file (ours_path, plan);
  git (dir, 0, "commit", "-q", "-a", "-m", "ours", NULL);
}

static void
remove_tree (const char *dir)
{
  const char *argv[] = { "rm", "-rf", dir, NULL };
  g_auto(Result) run = { 0 };

  run_in (&run, NULL, argv);
}

static void
test_git_clean (void)
{
  g_autofree char *dir = make_repository ();
  g_autofree char *plan = g_build_filename (dir, "plan.pilote", NULL);
  g_autofree char *expected_path = fixture ("merged-clean.pilote");
  g_autofree char *expected = read_text (expected_path);
  g_autofree char *merged = NULL;
  g_auto(Result) status = { 0 };
  const char *argv[] = { "git", "status", "--porcelain", "--untracked-files=all", NULL };

  branches (dir, "ours-clean.pilote", "theirs-clean.pilote");
  /* A text merge of these two would conflict: both change the line of one campaign. */
  git (dir, 0, "merge", "-q", "--no-edit", "theirs", NULL);
  merged = read_text (plan);
  g_assert_cmpstr (merged, ==, expected);
  /* Nothing left behind: no conflict, no stray file beside git's own. */
  run_in (&status, dir, argv);
  g_assert_cmpstr (status.out, ==, "");
  remove_tree (dir);
}

static void
test_git_conflict (void)
{
  g_autofree char *dir = make_repository ();
  g_autofree char *plan = g_build_filename (dir, "plan.pilote", NULL);
  g_autofree char *merged = NULL;
  g_auto(Result) run = { 0 };
  const char *argv[] = { "git", "merge", "--no-edit", "theirs", NULL };

  branches (dir, "ours-conflict.pilote", "theirs-conflict.pilote");
  run_in (&run, dir, argv);
  g_assert_cmpint (run.status, ==, 1);
  /* The driver's list, then git's own word for it. */
  g_assert_nonnull (strstr (run.out, "Campaign “Trade fair stand”: you changed it, they removed it; yours kept"));
  g_assert_nonnull (strstr (run.out, "CONFLICT"));
  /* The plan's path, not git's temporary file that nobody will find. */
  g_assert_nonnull (strstr (run.out, "3 conflicts: your side of each is kept in plan.pilote.\n"));
  g_assert_null (strstr (run.out, ".merge_file"));
  /* The file is a plan, with our side of each conflict, and without markers. */
  merged = read_text (plan);
  g_assert_null (strstr (merged, "<<<<<<<"));
  g_assert_nonnull (strstr (merged, "name=\"Webinars, spring\""));
  assert_valid (plan);
  remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-merge/clean", test_clean);
  g_test_add_func ("/cli-merge/conflicts", test_conflicts);
  g_test_add_func ("/cli-merge/months", test_months);
  g_test_add_func ("/cli-merge/newer", test_newer);
  g_test_add_func ("/cli-merge/errors", test_errors);
  g_test_add_func ("/cli-merge/git-clean", test_git_clean);
  g_test_add_func ("/cli-merge/git-conflict", test_git_conflict);
  return g_test_run ();
}

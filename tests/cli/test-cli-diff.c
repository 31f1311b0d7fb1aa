/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pilote-cli diff as a CMO, a script and git see it (issue 24): the text grouped by page in the
 * user's language, the JSON read by a real parser, the exit statuses of diff(1), a file that is
 * not a plan, and git's external diff driver run by git itself in a temporary repository. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

/* How a command ended and what it printed. */
typedef struct {
  int   status;
  char *out;
  char *err;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_free (outcome->out);
  g_free (outcome->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Outcome, outcome_clear)

/* Runs @argv (NULL-terminated) in @cwd (NULL: here) with LC_ALL @locale and LANGUAGE @language
 * (NULL: the test's), feeding it @input (may be NULL). */
static void
spawn (Outcome *outcome, const char *cwd, const char *locale, const char *language, const char *input,
       const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);
  if (locale != NULL)
    g_subprocess_launcher_setenv (launcher, "LC_ALL", locale, TRUE);
  if (language != NULL)
    g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  /* git must not read the user's configuration, nor page. */
  g_subprocess_launcher_setenv (launcher, "GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", cwd != NULL ? cwd : g_get_tmp_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_PAGER", "cat", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &outcome->out, &outcome->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  outcome->status = g_subprocess_get_exit_status (process);
}

static char *
data (const char *name)
{
  return g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", "diff", name, NULL);
}

/* pilote-cli diff with up to three options before the two files named in tests/data/diff. */
static void
diff (Outcome *outcome, const char *locale, const char *language, const char *old_name, const char *new_name,
      const char *option, const char *option2)
{
  g_autofree char *old_path = g_str_has_prefix (old_name, "/") ? g_strdup (old_name) : data (old_name);
  g_autofree char *new_path = g_str_has_prefix (new_name, "/") ? g_strdup (new_name) : data (new_name);
  const char *argv[] = { g_getenv ("PILOTE_CLI"), "diff", old_path, new_path, option, option2, NULL };

  spawn (outcome, NULL, locale, language, NULL, argv);
}

static void
assert_has (const char *text, const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}

/* What @script (Python, reading the JSON on its input) prints of @json. */
static char *
read_json (const char *json, const char *script)
{
  g_auto(Outcome) checked = { 0 };
  const char *argv[] = { g_getenv ("PYTHON3"), "-c", script, NULL };

  spawn (&checked, NULL, NULL, NULL, json, argv);
  if (checked.status != 0)
    g_error ("%s\non:\n%s", checked.err, json);
  return g_steal_pointer (&checked.out);
}

static void
test_same (void)
{
  g_auto(Outcome) outcome = { 0 };
  g_autofree char *example = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                               "northwind-saas-2027.pilote", NULL);

  diff (&outcome, NULL, NULL, example, example, NULL, NULL);
  g_assert_cmpint (outcome.status, ==, 0);
  g_assert_cmpstr (outcome.err, ==, "");
  assert_has (outcome.out, "The plans are the same.");
}

/* The text a CMO reads: page titles, record nouns and names, old → new, the budget table, the
 * summary last. */
static void
test_text (void)
{
  g_auto(Outcome) outcome = { 0 };
  g_auto(Outcome) zero = { 0 };
  g_auto(GStrv) lines = NULL;
  guint n;

  diff (&outcome, NULL, NULL, "base.pilote", "changed.pilote", NULL, NULL);
  g_test_message ("%s", outcome.out);
  g_assert_cmpint (outcome.status, ==, 1);
  g_assert_cmpstr (outcome.err, ==, "");
  assert_has (outcome.out, "\nPlan\n  Plan settings\n      Title: Acme – Marketing plan 2027 → Acme – Marketing plan 2027 (CFO review)\n");
  assert_has (outcome.out, "  Team member “Cara Lind” added\n");
  assert_has (outcome.out, "\nCampaigns\n");
  assert_has (outcome.out, "  Campaign “Search – always on”\n      Name: Always-on search → Search – always on\n");
  assert_has (outcome.out, "  Campaign “Summit” removed\n");
  assert_has (outcome.out, "\nBudget\n");
  assert_has (outcome.out, "      Category: Events → Digital marketing\n");
  assert_has (outcome.out, "      Planned amounts: 5\u202f000.00 → 6\u202f500.00\n");
  assert_has (outcome.out, "  Allocation “Webinars → Spring webinar”\n      Amount: 5\u202f000.00 → 6\u202f500.00\n");
  assert_has (outcome.out, "\nKPIs\n  KPI “Leads”\n      Target for March 2027: 450 → 480\n      Target for April 2027: — → 500\n"
                           "      Measurements: 2 values → 3 values (1 added, 0 removed, 1 changed)\n");
  assert_has (outcome.out, "Budget by category (EUR)\n");
  assert_has (outcome.out, "Whole plan");
  assert_has (outcome.out, "-28\u202f500.00");
  /* Pages in the window's order. */
  g_assert_true (strstr (outcome.out, "\nCampaigns\n") < strstr (outcome.out, "\nBudget\n"));
  g_assert_true (strstr (outcome.out, "\nBudget\n") < strstr (outcome.out, "\nKPIs\n"));
  lines = g_strsplit (outcome.out, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpstr (lines[n - 2], ==, "4 records added, 2 records removed, 6 records changed.");

  diff (&zero, NULL, NULL, "base.pilote", "changed.pilote", "--exit-zero", NULL);
  g_assert_cmpint (zero.status, ==, 0);
  g_assert_cmpstr (zero.out, ==, outcome.out);
}

/* A category's name longer than the table's first column is cut with "…" rather than push its
 * row's amounts out of their columns (the French example's "Développement et maintenance du site
 * web"). */
static void
test_long_category (void)
{
  g_autofree char *changed = data ("changed.pilote");
  g_autofree char *xml = NULL;
  g_autoptr(GString) renamed = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pilote-diff-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.pilote", NULL);
  g_auto(Outcome) outcome = { 0 };
  g_auto(GStrv) lines = NULL;
  const char *table;
  glong width = -1;

  g_assert_true (g_file_get_contents (changed, &xml, NULL, NULL));
  renamed = g_string_new (xml);
  g_string_replace (renamed, "name=\"Digital marketing\"",
                    "name=\"Développement et maintenance du site web et de ses applications\"", 0);
  g_assert_true (g_file_set_contents (path, renamed->str, -1, NULL));
  diff (&outcome, NULL, NULL, "base.pilote", path, NULL, NULL);
  g_test_message ("%s", outcome.out);
  table = strstr (outcome.out, "Budget by category");
  g_assert_nonnull (table);
  assert_has (table, "\n  Développement et maintenance du sit…  ");
  lines = g_strsplit (table, "\n", -1);
  /* The heading's second line and every row end with the difference column, at one place. */
  for (guint i = 2; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      if (width < 0)
        width = g_utf8_strlen (lines[i], -1);
      g_assert_cmpint (g_utf8_strlen (lines[i], -1), ==, width);
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* In French: the words, and the numbers as French writes them. */
static void
test_french (void)
{
  g_auto(Outcome) outcome = { 0 };

  diff (&outcome, "fr_FR.UTF-8", "fr", "base.pilote", "changed.pilote", NULL, NULL);
  g_test_message ("%s", outcome.out);
  g_assert_cmpint (outcome.status, ==, 1);
  assert_has (outcome.out, "Montants prévus\u202f: 5\u202f000,00 → 6\u202f500,00\n");
  assert_has (outcome.out, "Campagne «\u00a0Summit\u00a0»");
  assert_has (outcome.out, "4 éléments ajoutés, 2 éléments supprimés, 6 éléments modifiés.\n");
}

/* The JSON, read by a real parser: stable keys, raw values beside the texts. */
static void
test_json (void)
{
  g_auto(Outcome) outcome = { 0 };
  g_autofree char *checked = NULL;
  const char *script =
    "import json, sys\n"
    "d = json.load(sys.stdin)\n"
    "print(d['same'], d['added'], d['removed'], d['changed'], d['summary'], d['currency'])\n"
    "c = {x['id']: x for x in d['changes']}\n"
    "line = {f['field']: f for f in c['line-webinars']['fields']}\n"
    "print(c['line-webinars']['kind'], c['line-webinars']['page'], c['line-webinars']['element'])\n"
    "print(line['category']['old_value'], line['category']['new_value'], line['category']['old'], line['category']['new'])\n"
    "print(line['planned']['old_value'], line['planned']['new_value'], line['approval']['new_value'])\n"
    "t = [f for f in c['kpi-leads']['fields'] if f['field'] == 'targets']\n"
    "print([(f['period'], f['old_value'], f['new_value']) for f in t])\n"
    "print(c['cmp-summit']['kind'], c['cmp-launch']['kind'], c[None]['element'])\n"
    "b = d['budget'][-1]\n"
    "print(b['category'], b['name'], b['planned']['old'], b['planned']['new'], b['planned']['difference'])\n";

  /* In French: the texts in English all the same (LANGUAGE), the numbers as JSON writes them. */
  diff (&outcome, "fr_FR.UTF-8", "en", "base.pilote", "changed.pilote", "--json", NULL);
  g_assert_cmpint (outcome.status, ==, 1);
  checked = read_json (outcome.out, script);
  g_assert_cmpstr (checked, ==,
                   "False 4 2 6 4 records added, 2 records removed, 6 records changed. EUR\n"
                   "changed budget line\n"
                   "cat-events cat-digital Events Digital marketing\n"
                   "5000 6500 approved\n"
                   "[('2027-03-01', 450, 480), ('2027-04-01', None, 500)]\n"
                   "removed added metadata\n"
                   "None Whole plan 67000 38500 -28500\n");
}

/* The budget figures are the summary's: each category's planned total and its spending over the
 * whole period, before and after. */
static void
test_budget_as_summary (void)
{
  g_autofree char *old_path = data ("base.pilote");
  g_autofree char *new_path = data ("changed.pilote");
  g_auto(Outcome) checked = { 0 };
  const char *script =
    "import json, subprocess, sys\n"
    "cli, old, new = sys.argv[1:]\n"
    "def run(*args):\n"
    "    r = subprocess.run([cli, *args], capture_output=True, text=True)\n"
    "    return json.loads(r.stdout)\n"
    "d = run('diff', '--json', old, new)\n"
    "sides = {'old': run('summary', '--json', '--as-of', '2027-12-31', old),\n"
    "         'new': run('summary', '--json', '--as-of', '2027-12-31', new)}\n"
    "n = 0\n"
    "for b in d['budget']:\n"
    "    for side, summary in sides.items():\n"
    "        s = [c for c in summary['budget'] if c['id'] == b['category']]\n"
    "        planned = s[0]['planned'] if s else 0\n"
    "        spent = s[0]['spent_to_date'] if s else 0\n"
    "        assert b['planned'][side] == planned, (b, side, s)\n"
    "        assert b['actual'][side] == spent, (b, side, s)\n"
    "        n += 1\n"
    "print(n)\n";
  const char *argv[] = { g_getenv ("PYTHON3"), "-c", script, g_getenv ("PILOTE_CLI"), old_path, new_path, NULL };

  spawn (&checked, NULL, NULL, "en", NULL, argv);
  if (checked.status != 0)
    g_error ("%s", checked.err);
  g_assert_cmpstr (checked.out, ==, "6\n");
}

/* diff(1)'s statuses: 2 for trouble, with the reason on the error stream and nothing else. */
static void
test_errors (void)
{
  g_auto(Outcome) not_plan = { 0 };
  g_auto(Outcome) missing = { 0 };
  g_auto(Outcome) one = { 0 };
  g_auto(Outcome) truncated = { 0 };
  g_auto(Outcome) bogus = { 0 };
  const char *argv[] = { g_getenv ("PILOTE_CLI"), "diff", "only-one.pilote", NULL };
  g_autofree char *base = data ("base.pilote");
  g_autofree char *text = NULL;
  g_autofree char *cut = g_build_filename (g_get_tmp_dir (), "pilote-diff-truncated.pilote", NULL);
  gsize length;

  diff (&not_plan, NULL, NULL, "base.pilote", "not-a-plan.pilote", NULL, NULL);
  g_assert_cmpint (not_plan.status, ==, 2);
  g_assert_cmpstr (not_plan.out, ==, "");
  assert_has (not_plan.err, "not-a-plan.pilote:1:1: This is not a plan file");
  diff (&missing, NULL, NULL, "no-such-file.pilote", "base.pilote", NULL, NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_cmpstr (missing.out, ==, "");
  assert_has (missing.err, "no-such-file.pilote");
  spawn (&one, NULL, NULL, NULL, NULL, argv);
  g_assert_cmpint (one.status, ==, 2);
  assert_has (one.err, "Name two plan files");
  diff (&bogus, NULL, NULL, "base.pilote", "changed.pilote", "--bogus", NULL);
  g_assert_cmpint (bogus.status, ==, 2);
  g_assert_cmpstr (bogus.out, ==, "");

  /* A file cut short, as a copy interrupted leaves it. */
  g_assert_true (g_file_get_contents (base, &text, &length, NULL));
  g_assert_true (g_file_set_contents (cut, text, (gssize) length / 2, NULL));
  diff (&truncated, NULL, NULL, "base.pilote", cut, NULL, NULL);
  g_assert_cmpint (truncated.status, ==, 2);
  g_assert_cmpstr (truncated.out, ==, "");
  assert_has (truncated.err, "pilote-diff-truncated.pilote");
  g_test_message ("%s", truncated.err);
  g_unlink (cut);
}

static void
git (const char *dir, const char *arg1, const char *arg2, const char *arg3, const char *arg4)
{
  g_auto(Outcome) outcome = { 0 };
  const char *argv[] = { "git", arg1, arg2, arg3, arg4, NULL };

  spawn (&outcome, dir, NULL, NULL, NULL, argv);
  if (outcome.status != 0)
    g_error ("git %s failed: %s", arg1, outcome.err);
}

static void
copy (const char *name, const char *dir)
{
  g_autofree char *from = data (name);
  g_autofree char *to = g_build_filename (dir, "plan.pilote", NULL);
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &text, &length, NULL));
  g_assert_true (g_file_set_contents (to, text, (gssize) length, NULL));
}

/* A repository in @dir with the README's diff driver and one commit of base.pilote. */
static void
make_repository (const char *dir)
{
  g_autofree char *attributes = g_build_filename (dir, ".gitattributes", NULL);
  g_autofree char *command = g_strdup_printf ("%s diff --exit-zero", g_getenv ("PILOTE_CLI"));

  git (dir, "init", "-q", NULL, NULL);
  git (dir, "config", "user.email", "cmo@example.com", NULL);
  git (dir, "config", "user.name", "CMO", NULL);
  git (dir, "config", "diff.pilote.command", command, NULL);
  g_assert_true (g_file_set_contents (attributes, "*.pilote diff=pilote\n", -1, NULL));
  copy ("base.pilote", dir);
  git (dir, "add", ".", NULL, NULL);
  git (dir, "commit", "-q", "-m", "Plan as sent to the CFO");
}

/* Real git, with the driver the README documents: `git diff` prints the comparison. */
static void
test_git (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pilote-diff-XXXXXX", &error);
  g_autofree char *plain = g_strdup_printf ("%s diff", g_getenv ("PILOTE_CLI"));
  g_auto(Outcome) shown = { 0 };
  g_auto(Outcome) added = { 0 };
  g_auto(Outcome) died = { 0 };
  const char *diff_argv[] = { "git", "diff", NULL };
  const char *show_argv[] = { "git", "show", "--ext-diff", "HEAD", NULL };
  const char *died_argv[] = { "git", "-c", NULL, "diff", NULL };
  g_autofree char *died_config = g_strdup_printf ("diff.pilote.command=%s", plain);

  g_assert_no_error (error);
  make_repository (dir);
  copy ("changed.pilote", dir);

  spawn (&shown, dir, NULL, NULL, NULL, diff_argv);
  g_test_message ("%s", shown.out);
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_cmpstr (shown.err, ==, "");
  g_assert_true (g_str_has_prefix (shown.out, "plan.pilote\n\n"));
  assert_has (shown.out, "  Campaign “Product launch” added\n");
  assert_has (shown.out, "      Category: Events → Digital marketing\n");
  assert_has (shown.out, "4 records added, 2 records removed, 6 records changed.\n");

  /* The first commit added the file: compared with an empty plan. */
  spawn (&added, dir, NULL, NULL, NULL, show_argv);
  g_assert_cmpint (added.status, ==, 0);
  assert_has (added.out, "/dev/null → plan.pilote\n");
  assert_has (added.out, "  Campaign “Always-on search” added\n");

  /* Why the README says --exit-zero: git stops when the driver exits with 1. */
  died_argv[2] = died_config;
  spawn (&died, dir, NULL, NULL, NULL, died_argv);
  g_assert_cmpint (died.status, !=, 0);
  assert_has (died.err, "external diff died");
  {
    const char *rm_argv[] = { "rm", "-rf", dir, NULL };
    g_auto(Outcome) removed = { 0 };

    spawn (&removed, NULL, NULL, NULL, NULL, rm_argv);
  }
}

/* git's diff driver on a renamed plan (git passes nine arguments then) and on a version that
 * is not a plan (a broken file committed): the comparison, or why there is none, and git goes on
 * to the next file rather than stop at "external diff died". */
static void
test_git_renamed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pilote-diff-XXXXXX", NULL);
  g_autofree char *plan = g_build_filename (dir, "plan.pilote", NULL);
  g_auto(Outcome) renamed = { 0 };
  g_auto(Outcome) broken = { 0 };
  const char *renamed_argv[] = { "git", "log", "-p", "--ext-diff", "-1", "--format=", NULL };
  const char *broken_argv[] = { "git", "log", "-p", "--ext-diff", "--format=%s", NULL };
  const char *rm_argv[] = { "rm", "-rf", dir, NULL };
  g_auto(Outcome) removed = { 0 };

  make_repository (dir);
  copy ("changed.pilote", dir);
  git (dir, "add", ".", NULL, NULL);
  git (dir, "mv", "plan.pilote", "plan-2027.pilote", NULL);
  git (dir, "commit", "-q", "-m", "Back from the CFO, renamed");

  spawn (&renamed, dir, NULL, NULL, NULL, renamed_argv);
  g_test_message ("%s%s", renamed.out, renamed.err);
  g_assert_cmpint (renamed.status, ==, 0);
  assert_has (renamed.out, "plan.pilote → plan-2027.pilote\n");
  assert_has (renamed.out, "4 records added, 2 records removed, 6 records changed.\n");

  /* A commit of a file cut short, then one that mends it. */
  g_assert_true (g_file_set_contents (plan, "<?xml version=\"1.0\"?>\n<plan", -1, NULL));
  git (dir, "add", ".", NULL, NULL);
  git (dir, "commit", "-q", "-m", "Broken");
  copy ("base.pilote", dir);
  git (dir, "commit", "-qam", "Mended", NULL);
  spawn (&broken, dir, NULL, NULL, NULL, broken_argv);
  g_test_message ("%s%s", broken.out, broken.err);
  g_assert_cmpint (broken.status, ==, 0);
  g_assert_null (strstr (broken.err, "external diff died"));
  assert_has (broken.out, "Mended\n");
  assert_has (broken.out, "The file ends too early");
  /* The commits before the broken one are shown too. */
  assert_has (broken.out, "Plan as sent to the CFO\n");

  spawn (&removed, NULL, NULL, NULL, NULL, rm_argv);
}

/* A campaign's results and code (format 1.5): the link named by its campaign and KPI, its
 * results summed up in one line, in the text and in the JSON. */
static void
test_results (void)
{
  g_auto(Outcome) outcome = { 0 };
  g_auto(Outcome) json = { 0 };
  g_autofree char *checked = NULL;
  const char *script =
    "import json, sys\n"
    "d = json.load(sys.stdin)\n"
    "c = {x['id']: x for x in d['changes']}\n"
    "link = c['ck-webinar-leads']\n"
    "print(link['page'], link['element'], link['name'])\n"
    "print(link['text'])\n"
    "print([(f['field'], f['old'], f['new']) for f in link['fields']])\n"
    "code = c['cmp-webinar']['fields'][0]\n"
    "print(code['field'], code['old_value'] if 'old_value' in code else '-', code['new'])\n";

  diff (&outcome, NULL, NULL, "results-base.pilote", "results-changed.pilote", NULL, NULL);
  g_test_message ("%s", outcome.out);
  g_assert_cmpint (outcome.status, ==, 1);
  g_assert_cmpstr (outcome.err, ==, "");
  assert_has (outcome.out, "\nCampaigns\n  Campaign “Spring webinar”\n      Campaign code: spring-webinar-2027 → spring-webinars-2027\n");
  assert_has (outcome.out, "  Campaign “Always-on search”\n      Campaign code: — → search-always-on\n");
  assert_has (outcome.out, "  Campaign “Spring webinar” → Leads\n"
                           "      Results: 3 months → 4 months (1 added, 0 removed, 1 changed)\n");
  assert_has (outcome.out, "  Campaign “Always-on search” → Leads\n"
                           "      Results: 1 month → 1 month (1 added, 1 removed, 0 changed)\n");
  assert_has (outcome.out, "  Campaign “Spring webinar” → New bookings\n"
                           "      Results: 0 months → 1 month (1 added, 0 removed, 0 changed)\n");
  assert_has (outcome.out, "0 records added, 0 records removed, 5 records changed.\n");

  diff (&json, NULL, NULL, "results-base.pilote", "results-changed.pilote", "--json", NULL);
  g_assert_cmpint (json.status, ==, 1);
  checked = read_json (json.out, script);
  g_assert_cmpstr (checked, ==,
                   "campaigns campaign-kpi Spring webinar → Leads\n"
                   "Campaign “Spring webinar” → Leads: Results: 3 months → 4 months (1 added, 0 removed, 1 changed)\n"
                   "[('results', '3 months', '4 months (1 added, 0 removed, 1 changed)')]\n"
                   "code - spring-webinars-2027\n");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-diff/same", test_same);
  g_test_add_func ("/cli-diff/text", test_text);
  g_test_add_func ("/cli-diff/french", test_french);
  g_test_add_func ("/cli-diff/long-category", test_long_category);
  g_test_add_func ("/cli-diff/json", test_json);
  g_test_add_func ("/cli-diff/results", test_results);
  g_test_add_func ("/cli-diff/budget-as-summary", test_budget_as_summary);
  g_test_add_func ("/cli-diff/errors", test_errors);
  g_test_add_func ("/cli-diff/git", test_git);
  g_test_add_func ("/cli-diff/git-renamed", test_git_renamed);
  return g_test_run ();
}

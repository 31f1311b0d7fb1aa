/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pilote-cli chart campaign-roi and campaign-cost (issue 25) on tests/data/results/ranking.pilote:
 * listed by `chart --help`, written as a PNG of the right size, and as an SVG and a PDF, with
 * no display. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

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

/* Runs pilote-cli with @args (NULL-terminated). */
static void
run (Outcome *outcome, const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PILOTE_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &outcome->out, &outcome->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  outcome->status = g_subprocess_get_exit_status (process);
}

static char *
ranking_plan (void)
{
  return g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", "results", "ranking.pilote", NULL);
}

static void
test_listed (void)
{
  g_auto(Outcome) outcome = { 0 };

  run (&outcome, (const char *[]) { "chart", "--help", NULL });
  g_assert_cmpint (outcome.status, ==, 0);
  g_assert_nonnull (strstr (outcome.out, "campaign-roi   Campaigns by return on investment"));
  g_assert_nonnull (strstr (outcome.out, "campaign-cost  Campaigns by cost per result"));
}

static void
test_png (void)
{
  g_autofree char *plan = ranking_plan ();
  g_autofree char *dir = g_dir_make_tmp ("pilote-ranking-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "roi.png", NULL);
  g_auto(Outcome) outcome = { 0 };
  g_autofree char *bytes = NULL;
  gsize length;
  guint32 width, height;

  run (&outcome, (const char *[]) { "chart", plan, "campaign-roi", "-o", png, "--as-of", "2027-03-15", NULL });
  g_assert_cmpstr (outcome.err, ==, "");
  g_assert_cmpint (outcome.status, ==, 0);
  g_assert_true (g_file_get_contents (png, &bytes, &length, NULL));
  g_assert_cmpuint (length, >, 2000);
  g_assert_cmpmem (bytes, 8, "\x89PNG\r\n\x1a\n", 8);
  /* The header's size: the catalogue's width, as high as five rows need, not the default 460. */
  width = GUINT32_FROM_BE (*(guint32 *) (bytes + 16));
  height = GUINT32_FROM_BE (*(guint32 *) (bytes + 20));
  g_assert_cmpuint (width, ==, 900);
  g_assert_cmpuint (height, >=, 200);
  g_assert_cmpuint (height, <, 460);
  g_unlink (png);
  g_rmdir (dir);
}

/* The other formats: the order of the bars is the chart's own test's. */
static void
test_svg_pdf (void)
{
  g_autofree char *plan = ranking_plan ();
  g_autofree char *dir = g_dir_make_tmp ("pilote-ranking-XXXXXX", NULL);
  const char *names[] = { "cost.svg", "cost.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_auto(Outcome) outcome = { 0 };
      g_autofree char *bytes = NULL;
      gsize length;

      run (&outcome, (const char *[]) { "chart", plan, "campaign-cost", "-o", path, "--as-of", "2027-03-15", NULL });
      g_assert_cmpint (outcome.status, ==, 0);
      g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
      g_assert_true (i == 0 ? strstr (bytes, "<svg") != NULL : g_str_has_prefix (bytes, "%PDF"));
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/chart-ranking/listed", test_listed);
  g_test_add_func ("/cli/chart-ranking/png", test_png);
  g_test_add_func ("/cli/chart-ranking/svg-pdf", test_svg_pdf);
  return g_test_run ();
}

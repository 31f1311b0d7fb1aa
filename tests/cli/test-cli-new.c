/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pilote-cli new --template (issue 26): each template makes a valid plan with the period and
 * currency asked for; `new OUT` is the default plan as before; a wrong value is a usage
 * error (exit status 2) with a message that says what is wrong, and writes nothing. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "../pl-test-scratch.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs pilote-cli with the NULL-terminated arguments after @run. */
static void
run_cli (Run *run, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PILOTE_CLI"));
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = pl_test_scratch_make ("pilote-new-XXXXXX");

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static char *
contents (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_list (void)
{
  g_auto(Run) list = { 0 };
  g_auto(Run) help = { 0 };

  run_cli (&list, "new", "--template", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  for (const char *const *id = (const char *const[]) { "b2b-saas", "b2b-services", "e-commerce", NULL }; *id; id++)
    g_assert_nonnull (strstr (list.out, *id));
  g_assert_nonnull (strstr (list.out, "E-commerce: Goods sold online"));
  run_cli (&help, "new", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--template"));
  g_assert_nonnull (strstr (help.out, "--template list"));
}

/* Each template, written and validated; its KPIs and settings in the file. */
static void
test_each (void)
{
  static const struct { const char *id, *kpi, *category; } templates[] = {
    { "b2b-saas", "id=\"kpi-mrr\"", "Digital marketing" },
    { "b2b-services", "id=\"kpi-proposals\"", "Sales support and proposals" },
    { "e-commerce", "id=\"kpi-orders\"", "Paid search and shopping ads" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autofree char *path = temp_path ("new.pilote");
      g_autofree char *text = NULL;
      g_auto(Run) made = { 0 };
      g_auto(Run) valid = { 0 };

      run_cli (&made, "new", "--template", templates[i].id, "--start", "2027-04", "--months", "6",
               "--currency", "GBP", "--title", "Plan H1", "--organisation", "Lumen", path, NULL);
      g_assert_cmpstr (made.err, ==, "");
      g_assert_cmpint (made.status, ==, 0);
      run_cli (&valid, "validate", path, NULL);
      g_assert_cmpint (valid.status, ==, 0);
      g_assert_nonnull (strstr (valid.out, "valid plan"));
      text = contents (path);
      g_assert_nonnull (strstr (text, templates[i].kpi));
      g_assert_nonnull (strstr (text, templates[i].category));
      g_assert_nonnull (strstr (text, "currency=\"GBP\""));
      g_assert_nonnull (strstr (text, "start=\"2027-04\" months=\"6\""));
      g_assert_nonnull (strstr (text, "Lumen"));
      g_assert_nonnull (strstr (text, "kind=\"review\""));
    }
}

/* `new OUT` writes the default plan, as it always did: no review added, and the same bytes
 * as --template b2b-saas but for the reviews. */
static void
test_default (void)
{
  g_autofree char *path = temp_path ("default.pilote");
  g_autofree char *text = NULL;
  g_auto(Run) made = { 0 };

  run_cli (&made, "new", path, NULL);
  g_assert_cmpint (made.status, ==, 0);
  text = contents (path);
  g_assert_nonnull (strstr (text, "id=\"kpi-ltv-cac\""));
  g_assert_null (strstr (text, "<entry"));
}

static void
test_errors (void)
{
  static const struct { const char *option, *value, *message; } wrong[] = {
    { "--template", "saas", "There is no template “saas”" },
    { "--start", "2027-13", "--start 2027-13: give the first month as YYYY-MM" },
    { "--start", "April", "--start April" },
    { "--months", "0", "--months 0: a fiscal period lasts 3, 6 or 12 months" },
    { "--months", "40", "--months 40: a fiscal period lasts 3, 6 or 12 months" },
    { "--currency", "EURO", "“EURO” is not a currency code" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autofree char *path = temp_path ("wrong.pilote");
      g_auto(Run) run = { 0 };

      run_cli (&run, "new", "--template", "e-commerce", wrong[i].option, wrong[i].value, path, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, wrong[i].message));
      g_assert_nonnull (strstr (run.err, "pilote-cli new --help"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-new/list", test_list);
  g_test_add_func ("/cli-new/each", test_each);
  g_test_add_func ("/cli-new/default", test_default);
  g_test_add_func ("/cli-new/errors", test_errors);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The table of chart kinds, row by row: every chart has a name, a title and a size, draws,
 * sums itself up in sentences that are what its drawing returns, has a table of figures
 * (its sentences when it has no table of its own) and goes on paper; on the example plan,
 * on a new plan and on one with nothing in it. */
#include <cairo.h>
#include <string.h>

#include "pl-chart-catalog.h"
#include "pl-chart-draw.h"
#include "pl-test-charts.h"

/* How many different pixels @surface holds, up to 2: 0 when nothing was painted. */
static guint
colours (cairo_surface_t *surface)
{
  const guint32 *data;
  int stride, width, height;
  guint32 first;
  gboolean painted = FALSE;

  cairo_surface_flush (surface);
  data = (const guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  first = data[0];
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        if (data[y * stride + x] != first)
          return 2;
        painted |= data[y * stride + x] != 0;
      }
  return painted ? 1 : 0;
}

/* Checks every row of the table on @plan; @rich when the plan has figures for every chart. */
static void
check_plan (PlPlan *plan, guint32 today, gboolean rich)
{
  guint n;
  const PlChartKind *kinds = pl_chart_catalog_list (&n);
  PlChartStyle share_safe = *pl_chart_style_light ();

  share_safe.share_safe = TRUE;
  for (guint i = 0; i < n; i++)
    {
      const PlChartKind *kind = &kinds[i];
      const PlChartStyle *styles[] = { pl_chart_style_light (), &share_safe };
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GArray) pieces = g_array_new (FALSE, TRUE, sizeof (PlChartPiece));
      g_autoptr(PlTimelineLayout) timeline = NULL;
      double width, height;
      guint columns;

      g_test_message ("chart %s", kind->name);
      rows = pl_chart_catalog_rows (plan, kind->name, today);
      g_assert_cmpuint (rows->len, >=, 1);
      columns = g_strv_length (g_ptr_array_index (rows, 0));
      g_assert_cmpuint (columns, >=, 1);
      for (guint r = 0; r < rows->len; r++)
        {
          char **row = g_ptr_array_index (rows, r);
          g_assert_cmpuint (g_strv_length (row), ==, columns);
          for (guint c = 0; c < columns; c++)
            g_assert_cmpstr (row[c], !=, "");
        }
      if (!pl_chart_catalog_size (plan, kind->name, &width, &height, &error))
        {
          /* Only the radar needs something the plan may not have: answers. Its table says why. */
          g_assert_false (rich);
          g_assert_cmpstr (kind->name, ==, "radar");
          g_assert_cmpuint (rows->len, ==, 2);
          g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[0], ==, error->message);
          g_assert_null (pl_chart_catalog_sentences (plan, kind->name, today, styles[0], NULL));
          g_assert_false (pl_chart_pieces_add (plan, &timeline, kind, 500, 700, FALSE, pieces));
          continue;
        }
      g_assert_no_error (error);
      /* A timeline with no campaign is its axis only. */
      g_assert_cmpfloat (width, >=, 300);
      g_assert_cmpfloat (height, >=, rich ? 200 : 40);
      for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
          cairo_t *cr = cairo_create (surface);
          g_autofree char *summary = pl_chart_catalog_draw (plan, kind->name, today, cr, width, height, styles[s], &error);
          g_auto(GStrv) sentences = pl_chart_catalog_sentences (plan, kind->name, today, styles[s], &error);
          g_autofree char *joined = NULL;

          g_assert_no_error (error);
          g_assert_nonnull (summary);
          g_assert_cmpuint (colours (surface), >=, rich ? 2 : 1);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          /* Whole sentences, each ending as a sentence does, and the summary is them. */
          g_assert_nonnull (sentences);
          g_assert_cmpuint (g_strv_length (sentences), >=, 1);
          for (guint k = 0; sentences[k] != NULL; k++)
            {
              g_autofree char *stripped = g_strstrip (g_strdup (sentences[k]));
              g_assert_cmpstr (stripped, ==, sentences[k]);
              g_assert_true (g_str_has_suffix (sentences[k], "."));
            }
          joined = g_strjoinv (" ", sentences);
          g_assert_cmpstr (joined, ==, summary);
          /* A chart without a table of its own shows its sentences, one a row. */
          if (s == 0 && kind->rows == NULL)
            {
              g_assert_cmpuint (rows->len, ==, 1 + g_strv_length (sentences));
              g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==, "Figures");
              for (guint k = 0; sentences[k] != NULL; k++)
                g_assert_cmpstr (((char **) g_ptr_array_index (rows, k + 1))[0], ==, sentences[k]);
            }
        }
      if (rich && kind->rows != NULL)
        g_assert_cmpuint (rows->len, >, 1);
      /* On paper: at least a page's piece, each drawn where it says. */
      g_assert_true (pl_chart_pieces_add (plan, &timeline, kind, 500, 700, FALSE, pieces));
      g_assert_cmpuint (pieces->len, >=, 1);
      for (guint p = 0; p < pieces->len; p++)
        {
          const PlChartPiece *piece = &g_array_index (pieces, PlChartPiece, p);
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 500, 700);
          cairo_t *cr = cairo_create (surface);

          g_assert_true (piece->kind == kind);
          g_assert_cmpfloat (piece->width * piece->scale, <=, 500 + 0.01);
          g_assert_cmpfloat (piece->height * piece->scale, <=, 700 + 0.01);
          pl_chart_piece_draw (piece, plan, timeline, today, pl_chart_style_light (), cr, 0, 0);
          g_assert_cmpuint (colours (surface), >=, 1);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
    }
}

/* The table itself: names unique and found, titles, sizes and the hooks every chart needs. */
static void
test_rows (void)
{
  guint n;
  const PlChartKind *kinds = pl_chart_catalog_list (&n);

  g_assert_cmpuint (n, >=, 10);
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (kinds[i].name);
      g_assert_true (pl_chart_catalog_lookup (kinds[i].name) == &kinds[i]);
      g_assert_nonnull (kinds[i].title);
      g_assert_cmpstr (kinds[i].title, !=, "");
      g_assert_cmpfloat (kinds[i].width, >, 0);
      g_assert_cmpfloat (kinds[i].height, >, 0);
      g_assert_nonnull (kinds[i].draw);
      g_assert_nonnull (kinds[i].sentences);
      /* A piece drawn its own way is cut its own way. */
      g_assert_true (kinds[i].draw_piece == NULL || kinds[i].pieces != NULL);
    }
  g_assert_null (pl_chart_catalog_lookup ("pie"));
}

static void
test_example (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();

  check_plan (plan, pl_plan_month_start (plan, 5) + 20, TRUE);
  /* Before the period and after it. */
  check_plan (plan, pl_plan_get_start (plan) - 40, TRUE);
  check_plan (plan, pl_plan_get_end (plan) + 40, TRUE);
}

static void
test_new_plans (void)
{
  g_autoptr(PlPlan) fresh = pl_plan_new_default ("A new plan");
  g_autoptr(PlPlan) empty = pl_plan_new ();

  check_plan (fresh, pl_plan_get_start (fresh) + 10, FALSE);
  check_plan (empty, pl_plan_get_start (empty) + 10, FALSE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-kinds/rows", test_rows);
  g_test_add_func ("/chart-kinds/example", test_example);
  g_test_add_func ("/chart-kinds/new-plans", test_new_plans);
  return g_test_run ();
}

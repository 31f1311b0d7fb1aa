/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The assessment benchmark: the radar with two rounds and the plan's evidence drawn and
 * computed for the example plan, and the evidence alone on the generated 20,000-campaign
 * plan. Medians of N runs (31 by default), each beside its target (issue 8), then one line:
 *   radar-ms=A evidence-20k-ms=B
 * It judges nothing: it is not a unit test. */
#include "config.h"

#include <cairo.h>
#include <stdlib.h>

#include "pl-bench-plan.h"
#include "pl-bench-stats.h"
#include "pl-maturity-evidence.h"
#include "pl-plan-file.h"
#include "pl-questionnaire-file.h"
#include "pl-radar-chart.h"

int
main (int argc, char **argv)
{
  guint runs = 31;
  g_autoptr(PlPlan) example = NULL;
  g_autoptr(PlPlan) big = NULL;
  g_autofree double *radar = NULL, *evidence = NULL;
  const PlQuestionnaire *questionnaire = pl_questionnaire_get_default ();
  double radar_ms, evidence_ms;

  if (argc > 2 && g_str_equal (argv[1], "--runs"))
    runs = MAX (1, (guint) atoi (argv[2]));
  example = pl_bench_example_plan ();
  radar = g_new (double, runs);
  for (guint r = 0; r <= runs; r++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 640);
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) rounds = pl_maturity_rounds (example);
      g_autoptr(PlMaturity) previous = pl_maturity_score_round (questionnaire, example, rounds->pdata[0]);
      g_autoptr(PlMaturity) current = pl_maturity_score_round (questionnaire, example, rounds->pdata[1]);
      g_autoptr(GPtrArray) facts = pl_maturity_evidence (example);
      g_autofree char *summary = pl_radar_chart_draw (questionnaire, current, previous, cr, 900, 640,
                                                      pl_chart_style_light ());

      cairo_surface_flush (surface);
      /* The first run warms the font caches and is not counted. */
      if (r > 0)
        radar[r - 1] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  radar_ms = pl_bench_median (radar, runs);

  big = pl_bench_plan_new ();
  evidence = g_new (double, runs);
  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) facts = pl_maturity_evidence (big);
      evidence[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  evidence_ms = pl_bench_median (evidence, runs);

  g_print ("medians of %u runs:\n", runs);
  g_print ("radar with two rounds and the evidence, example plan: %.2f ms (target <= 5 ms)\n", radar_ms);
  g_print ("evidence, generated 20,000-campaign plan: %.2f ms (target <= 50 ms)\n", evidence_ms);
  g_print ("radar-ms=%.2f evidence-20k-ms=%.2f\n", radar_ms, evidence_ms);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-chart-style.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* What the chart tests share. */

/* The bundled example plan (PILOTE_SOURCE_ROOT/data/examples), read or the test fails. */
PlPlan   *pl_test_charts_example   (void);
/* The plan file PILOTE_SOURCE_ROOT/tests/data/@name ("results/ranking.pilote"), read or the
 * test fails. */
PlPlan   *pl_test_charts_load_data (const char *name);
/* TRUE when the pixel at (@x, @y) is @color laid at @alpha over @under, within 2 %. */
gboolean  pl_test_charts_pixel_is  (cairo_surface_t *surface, double x, double y,
                                    const PlColor *color, const PlColor *under, double alpha);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-chart-style.h"

/* GNOME palette: blue 3 for text accents, green 4, yellow 5, red 3; greys from the HIG. */
static const PlChartStyle light = {
  .background = { 1.0, 1.0, 1.0 },
  .surface = { 0.965, 0.961, 0.957 },
  .text = { 0.14, 0.16, 0.18 },
  .muted = { 0.47, 0.49, 0.51 },
  .good = { 0.18, 0.62, 0.33 },
  .warning = { 0.90, 0.60, 0.05 },
  .bad = { 0.88, 0.11, 0.14 },
  .no_data = { 0.75, 0.75, 0.75 },
  .font = "Sans",
};

static const PlChartStyle dark = {
  .background = { 0.14, 0.14, 0.14 },
  .surface = { 0.21, 0.21, 0.22 },
  .text = { 0.93, 0.93, 0.93 },
  .muted = { 0.64, 0.64, 0.66 },
  .good = { 0.34, 0.83, 0.48 },
  .warning = { 0.97, 0.78, 0.26 },
  .bad = { 0.96, 0.38, 0.32 },
  .no_data = { 0.40, 0.40, 0.40 },
  .font = "Sans",
};

const PlChartStyle *
pl_chart_style_light (void)
{
  return &light;
}

const PlChartStyle *
pl_chart_style_dark (void)
{
  return &dark;
}

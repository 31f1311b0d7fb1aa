/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

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

/* For the high-contrast themes: text and lines at full strength, status colours dark (or
 * light) enough to read as text on the background, a surface apart from it. */
static const PlChartStyle high_contrast = {
  .background = { 1.0, 1.0, 1.0 },
  .surface = { 0.94, 0.94, 0.94 },
  .text = { 0.0, 0.0, 0.0 },
  .muted = { 0.20, 0.20, 0.20 },
  .good = { 0.0, 0.42, 0.16 },
  .warning = { 0.62, 0.35, 0.0 },
  .bad = { 0.72, 0.0, 0.05 },
  .no_data = { 0.45, 0.45, 0.45 },
  .font = "Sans",
  .high_contrast = TRUE,
};

static const PlChartStyle high_contrast_inverse = {
  .background = { 0.0, 0.0, 0.0 },
  .surface = { 0.10, 0.10, 0.10 },
  .text = { 1.0, 1.0, 1.0 },
  .muted = { 0.85, 0.85, 0.85 },
  .good = { 0.45, 0.95, 0.55 },
  .warning = { 1.0, 0.84, 0.30 },
  .bad = { 1.0, 0.55, 0.50 },
  .no_data = { 0.60, 0.60, 0.60 },
  .font = "Sans",
  .high_contrast = TRUE,
};

const PlChartStyle *
pl_chart_style_high_contrast (gboolean inverse)
{
  return inverse ? &high_contrast_inverse : &high_contrast;
}

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

static double
channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const PlColor *color)
{
  return 0.2126 * channel (color->r) + 0.7152 * channel (color->g) + 0.0722 * channel (color->b);
}

double
pl_color_contrast (const PlColor *a, const PlColor *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

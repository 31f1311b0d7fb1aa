/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double r, g, b;
} PlColor;

/* The colours and font of a chart: one for light backgrounds, one for dark. */
typedef struct {
  PlColor     background;
  PlColor     surface;    /* node and tile fill */
  PlColor     text;
  PlColor     muted;      /* secondary text, edges, grid */
  PlColor     good;       /* on or better than target */
  PlColor     warning;    /* within 10 % of target */
  PlColor     bad;        /* further off */
  PlColor     no_data;
  const char *font;       /* a Pango font family */
  gboolean    share_safe; /* amounts shown as shares of a total, never as money */
  gboolean    high_contrast; /* no faded lines or marks: each stands 3:1 from the background */
} PlChartStyle;

const PlChartStyle *pl_chart_style_light (void);
const PlChartStyle *pl_chart_style_dark  (void);
/* The style for a high-contrast theme: black on white, or white on black when @inverse. */
const PlChartStyle *pl_chart_style_high_contrast (gboolean inverse);

/* The WCAG contrast ratio of two colours, 1 to 21: text wants 4.5, lines and marks 3. */
double pl_color_contrast (const PlColor *a, const PlColor *b);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-chart-style.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* How the calendar paints a campaign's bar: its colour says its channel, segment or status
 * (the user picks), and its status is always shown by a pattern as well, so colour is never
 * the only sign: planned bars are hatched, running ones solid, completed ones faded with a
 * tick, stopped ones struck through. */

typedef enum {
  PL_COLOR_BY_STATUS,
  PL_COLOR_BY_CHANNEL,
  PL_COLOR_BY_SEGMENT,
} PlColorBy;

typedef struct _PlCampaignPaint PlCampaignPaint;

/* The colours of @plan's campaigns by @by: one per channel or segment name, in alphabetical
 * order (made once per plan change, like a layout). */
PlCampaignPaint *pl_campaign_paint_new    (PlPlan *plan, PlColorBy by);
void             pl_campaign_paint_free   (PlCampaignPaint *paint);
PlColorBy        pl_campaign_paint_get_by (const PlCampaignPaint *paint);

/* The legend's entries: their number, and each one's name and colour. */
guint            pl_campaign_paint_n_keys    (const PlCampaignPaint *paint);
const char      *pl_campaign_paint_key_name  (const PlCampaignPaint *paint, guint index);
const PlColor   *pl_campaign_paint_key_color (const PlCampaignPaint *paint, guint index, const PlChartStyle *style);

/* The fill colour of @campaign's bar (@paint NULL: by status). */
const PlColor   *pl_campaign_paint_color  (const PlCampaignPaint *paint, PlItem *campaign, const PlChartStyle *style);
/* Paints @campaign's bar in the rectangle, with its status pattern. */
void             pl_campaign_paint_bar    (const PlCampaignPaint *paint, PlItem *campaign, cairo_t *cr,
                                           double x, double y, double w, double h, const PlChartStyle *style);
/* The colour of a title written on @campaign's bar. */
const PlColor   *pl_campaign_paint_text_color (PlItem *campaign, const PlChartStyle *style);
/* How far a title written on @campaign's bar starts from its left end. */
double           pl_campaign_paint_text_inset (PlItem *campaign);
/* Draws the legend (colours, then the status patterns, then the marks, the today line when
 * @today) in a band @width wide from (@x, @y), wrapping as needed; returns the height it took. */
double           pl_campaign_paint_draw_legend (const PlCampaignPaint *paint, cairo_t *cr, double x, double y,
                                                double width, gboolean today, const PlChartStyle *style);

/* The height pl_campaign_paint_draw_legend() takes at @width, measured without a surface. */
double           pl_campaign_paint_legend_height (const PlCampaignPaint *paint, double width, gboolean today,
                                                  const PlChartStyle *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlCampaignPaint, pl_campaign_paint_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* The levers of the planning arithmetic (issue 21): what the demand-generation chain is
 * computed from. Each has a value and says where the value comes from, so that every
 * panel and printout can show "from the last 3 months" or "assumption". */
typedef enum {
  PL_DRIVER_CPL,                  /* cost per lead, money in major units */
  PL_DRIVER_LEAD_TO_MQL,          /* conversion rates, 0.35 is 35 % */
  PL_DRIVER_MQL_TO_SQL,
  PL_DRIVER_SQL_TO_CUSTOMER,
  PL_DRIVER_DELAY_LEAD_TO_MQL,    /* days between the stages: assumptions only, 0 by default */
  PL_DRIVER_DELAY_MQL_TO_SQL,
  PL_DRIVER_DELAY_SQL_TO_CUSTOMER,
  PL_DRIVER_DEAL,                 /* new revenue per new customer, major units */
  PL_DRIVER_ARPU,                 /* monthly revenue per customer, major units */
  PL_DRIVER_MARGIN,               /* gross margin, 0.8 is 80 % */
  PL_DRIVER_CHURN,                /* monthly churn, 0.02 is 2 % */
  PL_DRIVER_SPEND_CHANGE,         /* percent applied to every month of the planned spend:
                                   * -20 cuts a fifth; 0 by default */
  PL_N_DRIVERS
} PlDriver;

typedef enum {
  PL_DRIVER_FROM_HISTORY,         /* computed from the plan's measurements over the window */
  PL_DRIVER_ASSUMED,              /* typed by the user, or from a scenario */
  PL_DRIVER_DEFAULT,              /* nothing to compute it from: a stated default (a delay of
                                   * 0 days, a margin of 100 %, no spend change) */
  PL_DRIVER_MISSING,              /* nothing to compute it from and no default: NAN */
} PlDriverSource;

typedef enum {
  PL_DRIVER_UNIT_MONEY,
  PL_DRIVER_UNIT_RATE,            /* a share: shown as a percentage */
  PL_DRIVER_UNIT_DAYS,
  PL_DRIVER_UNIT_PERCENT_CHANGE,  /* shown as "-20 %" */
} PlDriverUnit;

/* A set of driver values for one plan: plain data, copied freely for what-ifs. The planned
 * spend per month is not a driver value: it is read from the budget each time a projection
 * runs, changed by PL_DRIVER_SPEND_CHANGE and by the per-category changes below. */
typedef struct _PlDrivers PlDrivers;

#define PL_DRIVERS_DEFAULT_WINDOW 3

/* The drivers of @plan computed from its measurements over the @window whole months (at
 * least 1) that end with the last month measured on or before @as_of (a Julian day), never
 * reaching back before the first month measured (a plan measured for two months has a
 * 2-month window); a driver without measurements gets its default or is missing. A ratio
 * (CPL, a conversion, the deal) sums its two terms over the window's months that measure
 * both, so a month whose spend is in before its leads does not skew it; ARPU is MRR over
 * customers in the last month that measures both. */
PlDrivers     *pl_drivers_new_from_plan   (PlPlan *plan, guint window, guint32 as_of);
PlDrivers     *pl_drivers_copy            (const PlDrivers *drivers);
void           pl_drivers_free            (PlDrivers *drivers);

/* The value of @driver (NAN when missing) and, when @source is not NULL, where it comes from. */
double         pl_drivers_get             (const PlDrivers *drivers, PlDriver driver,
                                           PlDriverSource *source);
/* Sets @driver to @value as an assumption. Returns FALSE with a PL_ERROR_INVALID_VALUE in
 * words ("A conversion rate or margin is between 0 % and 100 %.") and changes nothing when
 * out of range: CPL above 0; deal and ARPU 0 or more; conversion rates and margin 0 to 1;
 * churn above 0 up to 1; delays 0 to 365 days; spend change -100 or more. */
gboolean       pl_drivers_set             (PlDrivers *drivers, PlDriver driver, double value,
                                           GError **error);
/* Drops the assumption on @driver: back to its value from history, or its default. */
void           pl_drivers_reset           (PlDrivers *drivers, PlDriver driver);
/* Puts every assumption of @from (its assumed drivers and its category changes) on
 * @drivers, whose other values stay: a what-if or a scenario kept over a new history
 * window or new measurements. */
void           pl_drivers_take_assumptions (PlDrivers *drivers, const PlDrivers *from);
/* TRUE when some driver, or some category's spend, is assumed. */
gboolean       pl_drivers_has_assumptions (const PlDrivers *drivers);

/* A per-category change of the planned spend, in percent (-20 cuts the category's planned
 * spend by a fifth), on top of PL_DRIVER_SPEND_CHANGE: the two compound (-20 % on all and
 * -50 % on a category leave it 40 % of its plan). 0 when none; setting 0 removes it; below
 * -100 is refused with a PL_ERROR_INVALID_VALUE. */
double         pl_drivers_get_category_change (const PlDrivers *drivers, const char *category_id);
gboolean       pl_drivers_set_category_change (PlDrivers *drivers, const char *category_id,
                                               double percent, GError **error);
/* The IDs of the categories with a spend change: a new NULL-terminated array (g_strfreev). */
char         **pl_drivers_list_category_changes (const PlDrivers *drivers);

/* The history window: its length in months and its days [*from, *to) (empty when nothing
 * is measured). */
guint          pl_drivers_get_window      (const PlDrivers *drivers, guint32 *from, guint32 *to);
/* The window's length as asked of pl_drivers_new_from_plan(): what a scenario keeps, since a
 * plan measured for two months fills only two of the three asked for, until it has more. */
guint          pl_drivers_get_asked_window (const PlDrivers *drivers);

/* What the plan has already achieved for @driver: its best single month in the history
 * window, each month's own ratio of the two terms (the lowest monthly CPL; the highest
 * monthly conversion rate or deal), in *@value, and that month's first day in *@month (the
 * latest month on a tie). FALSE for the other drivers, and when no month of the window
 * measures both terms with a ratio a month can achieve (a CPL above 0, a rate up to 100 %).
 * An assumption on @driver leaves it: a month the plan achieved stays achieved. The
 * back-solve's lever (pl_backsolve_get_lever) compares what it needs with it. */
gboolean       pl_drivers_get_best_month  (const PlDrivers *drivers, PlDriver driver,
                                           double *value, guint32 *month);

/* Where @driver's value comes from, in words for a label: "Last 3 months (April to June
 * 2027)", "Assumption", "Default: no delay", "Not measured". Free with g_free(). */
char          *pl_drivers_describe_source (const PlDrivers *drivers, PlPlan *plan, PlDriver driver);

/* Stable keys for files and scripts ("cpl", "mql-to-sql", "delay-mql-to-sql", "spend-change")
 * and back; the driver's name for people ("Cost per lead"); its unit. */
const char    *pl_driver_key              (PlDriver driver);
gboolean       pl_driver_from_key         (const char *key, PlDriver *driver);
const char    *pl_driver_name             (PlDriver driver);
PlDriverUnit   pl_driver_unit             (PlDriver driver);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlDrivers, pl_drivers_free)

G_END_DECLS

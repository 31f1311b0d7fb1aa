/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* What the CMO adds to the printed reports, saved in the plan since plans travel alone (issue
 * 22): a short commentary per report section, the organisation's logo and the board pack's
 * three headline figures. Sections are named as in files and on the command line
 * (pl_report_section_name(): "summary", "budget", ...); the full report and the board pack
 * share one commentary per section name. Every edit is one undo step and emits the plan's
 * "changed"; each returns FALSE with @error, changing nothing, for a value it refuses. */

/* A logo larger than this is refused: it travels inside every copy of the plan. */
#define PL_LOGO_MAX_BYTES (256 * 1024)
/* A logo wider or higher than this (in pixels) is refused: it would take gigabytes to draw,
 * and 4096 pixels already print sharp across the cover. */
#define PL_LOGO_MAX_PIXELS 4096
/* A section's commentary longer than this (in characters) is refused: a board pack's
 * commentary is a paragraph, not a memo. */
#define PL_COMMENTARY_MAX_CHARS 1200
#define PL_N_HEADLINES 3

/* The commentary of @section, or NULL when it has none. */
const char *pl_report_get_commentary (PlPlan *plan, const char *section);
/* Sets (NULL or blank: removes) the commentary of @section; surrounding white space is
 * dropped. Refuses a text over PL_COMMENTARY_MAX_CHARS. A section name the report does not
 * know is kept as it is (a newer Pilote's section survives a round trip). */
gboolean    pl_report_set_commentary (PlPlan *plan, const char *section, const char *text, GError **error);

/* The logo as PNG bytes (a new reference), or NULL when the plan has none. */
GBytes     *pl_report_dup_logo       (PlPlan *plan);
/* Sets (NULL: removes) the logo; refuses data that is not a PNG image, that is over
 * PL_LOGO_MAX_BYTES or over PL_LOGO_MAX_PIXELS wide or high, with a message that says which. */
gboolean    pl_report_set_logo       (PlPlan *plan, GBytes *png, GError **error);
/* The check pl_report_set_logo() makes, for the file reader: TRUE when @png is a whole PNG
 * image (its signature, a sound header, its end) of at most PL_LOGO_MAX_BYTES and at most
 * PL_LOGO_MAX_PIXELS wide and high. */
gboolean    pl_report_check_logo     (GBytes *png, GError **error);
/* The check pl_report_set_commentary() makes of @text (stripped), for the file reader. */
gboolean    pl_report_check_commentary (const char *text, GError **error);

/* The board pack's headline figures: PL_N_HEADLINES KPI IDs (a new NULL-terminated array,
 * never NULL). The plan's chosen ones whose KPIs still exist, completed by the defaults: the
 * revenue KPI (or new customers when it has none) against target, CAC and LTV:CAC, then the
 * dashboard's KPIs. Fewer than PL_N_HEADLINES only when the plan has fewer KPIs. */
char      **pl_report_dup_headlines  (PlPlan *plan);
/* Chooses the headline figures (NULL: back to the defaults); refuses an ID that is not a KPI
 * of @plan, a repeated one or more than PL_N_HEADLINES. */
gboolean    pl_report_set_headlines  (PlPlan *plan, const char * const *kpi_ids, GError **error);

G_END_DECLS

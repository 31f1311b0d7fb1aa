/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Splits @total into @n whole @parts in proportion to @weights (none negative, not all zero)
 * so that the parts add up to it exactly: each part is its share rounded down, and what the
 * rounding left goes one unit at a time to the parts with the largest remainders (the cents of
 * a budget, the leads of a target). A negative @total is split as its opposite. */
void pl_apportion (gint64 total, const double *weights, guint n, gint64 *parts);

G_END_DECLS

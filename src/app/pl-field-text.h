/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* A field's value as the user reads and types it ("2027-03-31", "1234.50", "a; b"). */
char     *pl_field_format (PlPlan *plan, PlItem *item, guint field);
/* Checks @text for @field of @item; with @commit, also makes it an undoable edit of @plan.
 * Returns FALSE with a message the user can act on when the text does not fit. */
gboolean  pl_field_apply  (PlPlan *plan, PlItem *item, guint field, const char *text,
                           gboolean commit, GError **error);

G_END_DECLS

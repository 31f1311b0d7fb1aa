/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-field-format.h"

G_BEGIN_DECLS

/* Checks @text for @field of @item; with @commit, also makes it an undoable edit of @plan.
 * Returns FALSE with a message the user can act on when the text does not fit. */
gboolean  pl_field_apply  (PlPlan *plan, PlItem *item, guint field, const char *text,
                           gboolean commit, GError **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-application.h"

G_BEGIN_DECLS

#define PL_TYPE_RECOVERY_OFFER (pl_recovery_offer_get_type ())
G_DECLARE_FINAL_TYPE (PlRecoveryOffer, pl_recovery_offer, PL, RECOVERY_OFFER, GtkWindow)

/* When Pilotes that ended (a crash, a kill, a power cut) left plans with unsaved
 * changes, offers each with Restore and Discard, in a small window over the application's
 * window. Returns the offer shown, or NULL when there is nothing to offer. */
PlRecoveryOffer *pl_recovery_offer_present (PlApplication *app);
/* How many plans are still offered. */
guint            pl_recovery_offer_get_n   (PlRecoveryOffer *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* Serialises @plan in the current version of the file format: indented, in a stable order
 * (the same plan always gives the same bytes), with what the reader did not know put back. */
GBytes *pl_plan_write_bytes (PlPlan *plan);

G_END_DECLS

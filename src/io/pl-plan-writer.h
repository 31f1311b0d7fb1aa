/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* Serialises @plan in the current version of the file format: indented, in a stable order
 * (the same plan always gives the same bytes), with what the reader did not know put back. */
GBytes *pl_plan_write_bytes (PlPlan *plan);

/* The same bytes written a part at a time, so that a big plan can be written between the
 * frames of a window: the plan must not change between the steps (start again if it does). */
typedef struct _PlPlanWriter PlPlanWriter;

/* @size_hint: the size expected (0: guessed from the plan), so that a big plan's text is not
 * copied as it grows. */
PlPlanWriter *pl_plan_writer_new    (PlPlan *plan, gsize size_hint);
/* Writes records until the monotonic time @deadline (0: no limit) or the end; TRUE at the end. */
gboolean      pl_plan_writer_step   (PlPlanWriter *self, gint64 deadline);
/* Frees @self, once a step returned TRUE, and returns what it wrote. */
GBytes       *pl_plan_writer_finish (PlPlanWriter *self);
void          pl_plan_writer_free   (PlPlanWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlPlanWriter, pl_plan_writer_free)

G_END_DECLS

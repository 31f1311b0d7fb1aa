/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-extras.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* The namespace of plan files, and the version of the format this build reads and writes
 * (doc/file-format.md, "Versions"): an addition to the format raises the minor version; a
 * change an older reader would misread raises the major version. A file of a higher minor
 * version opens (pl_plan_get_newer_format() says so); a higher major version is refused. */
#define PL_PLAN_NAMESPACE "https://pilote.github.io/ns/plan"
#define PL_PLAN_FORMAT_MAJOR 1
#define PL_PLAN_FORMAT_MINOR 5
/* No real plan comes near this; a bigger file is refused before it is read. */
#define PL_PLAN_MAX_FILE_SIZE ((gsize) 512 * 1024 * 1024)

typedef enum {
  PL_READ_DEFAULT = 0,
  /* Also check the file against the plan schema compiled into the program. */
  PL_READ_SCHEMA  = 1 << 0,
} PlReadFlags;

/* Parses a plan from @data. A plan is read whole or not at all: on any problem returns NULL
 * and an error whose message lists every problem found, one per line, each as
 * "@display_name:LINE:COLUMN: message". Never touches the network or other files. */
PlPlan *pl_plan_read_bytes (const char  *data,
                            gsize        size,
                            const char  *display_name,
                            PlReadFlags  flags,
                            GError     **error);

/* The elements of other namespaces (or of a newer version) that @plan's file held before its
 * <metadata>, kept to be written back there; NULL when there were none. */
PlExtras   *pl_plan_get_leading_extras    (PlPlan *plan);
/* The version of the format @plan's file was written in ("1.3") when it is newer than this
 * build's, NULL otherwise (a new plan, or a file of this version or older). */
const char *pl_plan_get_newer_format      (PlPlan *plan);
/* The notice to show, once, when @plan was read from a newer file; NULL otherwise. */
char       *pl_plan_describe_newer_format (PlPlan *plan);
/* Gives @plan, made from others (a merge), what reading @from kept besides its records: the
 * version of a newer file when it is newer than @plan's, and the elements before <metadata>
 * when @plan has none, so that saving @plan says what it holds. */
void        pl_plan_take_file_format      (PlPlan *plan, PlPlan *from);

/* What reading @plan changed in its objectives so that each has one target, its KPI's
 * (pl_objectives_reconcile()): one sentence per objective, NULL-terminated; NULL when nothing. */
const char * const *pl_plan_get_reconciled     (PlPlan *plan);
/* The same as one notice to show once, as the file opens (the first three, then how many
 * more); NULL when there is nothing to say. */
char       *pl_plan_describe_reconciled   (PlPlan *plan);

G_END_DECLS

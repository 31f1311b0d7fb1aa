/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pl-plan.h"

G_BEGIN_DECLS

/* Plan templates by business model (the files in data/templates, doc/templates.md), built into the
 * program; their names come out translated. */

typedef struct
{
  char *id;            /* "e-commerce": the file's name, what `pilote-cli new --template` takes */
  char *name;          /* "E-commerce", translated */
  char *description;   /* one line on the model, translated */
} PlTemplateInfo;

void        pl_template_info_free (PlTemplateInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlTemplateInfo, pl_template_info_free)

/* What the user chose for the new plan; NULL or 0 keeps the empty plan's value. */
typedef struct
{
  const char *title;
  const char *organisation;
  const char *currency;    /* an ISO 4217 code: "EUR" */
  guint32     start;       /* Julian day of the first day of a month */
  guint       months;      /* 3, 6 or 12 */
} PlTemplateSettings;

/* The ID of the template a new plan starts from when none is named: B2B SaaS, the same
 * categories, KPIs and links as pl_plan_new_default(). */
#define PL_TEMPLATE_DEFAULT "b2b-saas"

/* The built-in templates, in order of their IDs: a new array of PlTemplateInfo. */
GPtrArray  *pl_template_list      (void);
/* A new plan built from template @id with @settings: its categories, KPI chain and review
 * cadence. Returns NULL with PL_ERROR_NOT_FOUND for an unknown @id, PL_ERROR_INVALID_VALUE for
 * a setting that is not acceptable (the message says which and why). */
PlPlan     *pl_template_new_plan  (const char               *id,
                                   const PlTemplateSettings *settings,
                                   GError                  **error);
/* Checks @settings as pl_template_new_plan() does, without building anything. */
gboolean    pl_template_check_settings (const PlTemplateSettings *settings, GError **error);
/* A new plan built from the template file @bytes with @settings. Returns NULL with PL_ERROR_FILE when it
 * is not a template or names values a plan does not take. */
PlPlan     *pl_template_read      (GBytes                   *bytes,
                                   const PlTemplateSettings *settings,
                                   GError                  **error);

G_END_DECLS

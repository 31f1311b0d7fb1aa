/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pl-questionnaire.h"

G_BEGIN_DECLS

/* Reads a questionnaire file (data/questionnaire/pilote-questionnaire.xml and its schema);
 * its texts come out translated. Returns NULL with PL_ERROR_FILE when it is not one. */
PlQuestionnaire       *pl_questionnaire_read        (GBytes *bytes, GError **error);
/* The questionnaire built into Pilote, read once. */
const PlQuestionnaire *pl_questionnaire_get_default (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PL_ERROR (pl_error_quark ())

typedef enum {
  PL_ERROR_INVALID_VALUE,   /* a value a user typed or a file held is not acceptable */
  PL_ERROR_NOT_FOUND,       /* an ID that names nothing */
  PL_ERROR_FORMULA,         /* a KPI formula that does not parse */
  PL_ERROR_FILE,            /* a plan file that cannot be read */
  PL_ERROR_VERSION,         /* a plan file from a newer, incompatible version */
  PL_ERROR_CHANGED_ON_DISK, /* the file changed since it was opened */
  PL_ERROR_AMBIGUOUS,       /* data that reads two ways: the user must say which */
  PL_ERROR_READ_ONLY,       /* a file, folder or disk that cannot be written: save elsewhere */
} PlError;

GQuark pl_error_quark (void);

G_END_DECLS

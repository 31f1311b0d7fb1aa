/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pl-plan-file.h"

G_BEGIN_DECLS

/* What a recovery file says of the plan it holds. */
typedef struct {
  char      *uri;    /* the plan's file, or NULL for a plan never saved */
  PlFileStamp stamp; /* what that file held when the changes were made on it (exists FALSE: none) */
  char      *title;  /* the plan's title */
  GDateTime *time;   /* when the changes were written */
} PlRecoveryInfo;

void pl_recovery_info_clear (PlRecoveryInfo *info);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlRecoveryInfo, pl_recovery_info_clear)

/* The folder under which every Pilote keeps its recovery files: the user's state folder
 * (XDG_STATE_HOME)/pilote/recovery, or the data folder when the state folder cannot be made. */
char *pl_recovery_get_root (void);

#define PL_TYPE_RECOVERY_STORE (pl_recovery_store_get_type ())
G_DECLARE_FINAL_TYPE (PlRecoveryStore, pl_recovery_store, PL, RECOVERY_STORE, GObject)

/* Makes a folder of this process's own under @root, locked for as long as the store lives
 * (or the process does), so that no other Pilote takes its files for ones left behind. */
PlRecoveryStore *pl_recovery_store_new      (const char *root, GError **error);
const char      *pl_recovery_store_get_path (PlRecoveryStore *self);
/* Replaces recovery @name (letters, digits and '-') with @plan and @info, each file written
 * atomically, never the plan's own file. Safe to call from any thread. */
gboolean         pl_recovery_store_write    (PlRecoveryStore      *self,
                                             const char           *name,
                                             GBytes               *plan,
                                             const PlRecoveryInfo *info,
                                             GError              **error);
/* Removes recovery @name; no error when there is none. Safe to call from any thread. */
gboolean         pl_recovery_store_remove   (PlRecoveryStore *self, const char *name, GError **error);

#define PL_TYPE_RECOVERED (pl_recovered_get_type ())
G_DECLARE_FINAL_TYPE (PlRecovered, pl_recovered, PL, RECOVERED, GObject)

/* The plans left behind under @root by Pilotes that ended without saving them, oldest first
 * (a new array of PlRecovered). Their folders are locked for this process while one of them
 * lives, so that two Pilotes starting together do not both offer them. */
GPtrArray            *pl_recovery_find        (const char *root);
const PlRecoveryInfo *pl_recovered_get_info   (PlRecovered *self);
/* The plan's bytes, exactly as they were written; NULL with an error if unreadable. */
GBytes               *pl_recovered_read       (PlRecovered *self, GError **error);
/* Removes the recovered plan for good. */
gboolean              pl_recovered_discard    (PlRecovered *self, GError **error);
/* Moves the recovered plan into @store as recovery @name: what a restored plan's own
 * autosave then replaces. */
gboolean              pl_recovered_adopt      (PlRecovered     *self,
                                               PlRecoveryStore *store,
                                               const char      *name,
                                               GError         **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pl-document.h"
#include "pl-recovery.h"

G_BEGIN_DECLS

#define PL_TYPE_AUTOSAVE (pl_autosave_get_type ())
G_DECLARE_FINAL_TYPE (PlAutosave, pl_autosave, PL, AUTOSAVE, GObject)

/* How long the plan must stay unchanged before its changes are written, in milliseconds. */
#define PL_AUTOSAVE_QUIET_MS 3000

/* Keeps @document's unsaved changes in a recovery file, written PL_AUTOSAVE_QUIET_MS after
 * the last edit without stopping the window for more than a few milliseconds at a time, and
 * removed once the plan is saved (or back to its saved state). Asks the session to wait
 * before logging out while any plan has unsaved changes. Returns the document's autosave
 * (one per document, living as long as it does). */
PlAutosave      *pl_autosave_attach            (PlDocument *document);
/* The user chose to lose the changes (closed without saving): the recovery file goes, and
 * nothing more is written for @document. */
void             pl_autosave_discard           (PlDocument *document);
/* Makes @recovered @document's own recovery file, as it is (a restored plan). */
gboolean         pl_autosave_adopt             (PlDocument *document, PlRecovered *recovered,
                                                GError **error);

/* Writes now rather than after the quiet time (what a test or the benchmark wants). */
void             pl_autosave_write_now         (PlAutosave *self);
/* The recovery file's name in the store ("doc-…"). */
const char      *pl_autosave_get_name          (PlAutosave *self);
/* The longest the main thread spent in one step of writing, in microseconds on the clock;
 * *@cpu (if not NULL) gets the longest in the thread's own processor time. */
gint64           pl_autosave_get_longest_step  (PlAutosave *self, gint64 *cpu);

/* The folder where this process keeps its plans' recovery files, made on first use; NULL
 * when it cannot be made (then nothing is autosaved). */
PlRecoveryStore *pl_autosave_get_store         (void);
/* What the session is told while it is asked to wait, or NULL when nothing is unsaved. */
const char      *pl_autosave_get_inhibit_reason (void);

G_END_DECLS

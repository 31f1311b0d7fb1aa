/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PL_TYPE_LIVE_LIST (pl_live_list_get_type ())
G_DECLARE_FINAL_TYPE (PlLiveList, pl_live_list, PL, LIVE_LIST, GObject)

/* A list model with the items of another (a collection of the plan) that also says an item
 * changed (items-changed at its place, one removed, one added) when one of the @properties
 * of that item notifies. Between a collection and its filter, sort and list widgets, it
 * keeps a row's cells, its place in the sort order and whether the filter shows it true to
 * the record, without their being made again for the whole list. Its "item-notify" signal,
 * detailed by the property ("item-notify::channel"), says which item and which property. */
PlLiveList *pl_live_list_new (GListModel *source, const char * const *properties);

G_END_DECLS

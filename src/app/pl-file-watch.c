/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-file-watch"
#include "config.h"

#include "pl-file-watch.h"

/* Editors and sync clients write a file in several steps (truncate, write, rename, chmod):
 * one comparison after the last of them is enough. */
#define SETTLE_MS 400

struct _PlFileWatch
{
  GObject       parent_instance;

  GFile        *file;
  GFileMonitor *monitor;
  guint         settle_id;
};

G_DEFINE_FINAL_TYPE (PlFileWatch, pl_file_watch, G_TYPE_OBJECT)

enum { MAYBE_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
on_settled_cb (gpointer data)
{
  PlFileWatch *self = data;

  self->settle_id = 0;
  g_signal_emit (self, signals[MAYBE_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed_cb (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
                       PlFileWatch *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
      return;
    default:
      break;
    }
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, on_settled_cb, self);
}

static void
pl_file_watch_dispose (GObject *object)
{
  PlFileWatch *self = PL_FILE_WATCH (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (pl_file_watch_parent_class)->dispose (object);
}

static void
pl_file_watch_class_init (PlFileWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pl_file_watch_dispose;
  signals[MAYBE_CHANGED] = g_signal_new ("maybe-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pl_file_watch_init (PlFileWatch *self)
{
}

PlFileWatch *
pl_file_watch_new (GFile *file)
{
  PlFileWatch *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  self = g_object_new (PL_TYPE_FILE_WATCH, NULL);
  self->file = g_object_ref (file);
  /* WATCH_MOVES: a program that saves by renaming a new file over ours is a change too. */
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    g_debug ("No change notification for this file (%s): checked on focus and before saving only",
             error->message);
  else
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_monitor_changed_cb), self);
  return self;
}

GFile *
pl_file_watch_get_file (PlFileWatch *self)
{
  g_return_val_if_fail (PL_IS_FILE_WATCH (self), NULL);
  return self->file;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-autosave"
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <time.h>

#include "pl-autosave.h"
#include "pl-plan-writer.h"

/* Writing the 20,000-campaign plan takes about half a second of serialising: done on the main
 * thread (the plan is not made for other threads) but in slices of this many microseconds, at
 * a priority below drawing, so that a frame is never late by more than a slice and one record.
 * A change meanwhile throws the slices away and waits for quiet again. The file itself is
 * written by one worker thread, in the order the autosaves asked, so that a removal never
 * overtakes the write before it. */
#define SLICE_US 3000

struct _PlAutosave
{
  GObject        parent_instance;

  GWeakRef       document;
  PlPlan        *plan;       /* the document's plan being watched (owned) */
  char          *name;
  guint          quiet_id;
  guint          step_id;
  PlPlanWriter  *writer;
  guint64        writer_serial;
  gint64         longest_step;
  gint64         longest_step_cpu;
  gsize          last_size;
  gboolean       kept;       /* a recovery file is written or on its way */
  gboolean       discarded;
};

G_DEFINE_FINAL_TYPE (PlAutosave, pl_autosave, G_TYPE_OBJECT)

enum {
  SIGNAL_UPDATED,
  SIGNAL_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
/* Why there is no recovery folder, when there is none. */
static char *store_error;

static GList *live;  /* every autosave, for the session's inhibition */
static guint inhibit_cookie;
static char *inhibit_reason;

#define AUTOSAVE_KEY "pl-autosave"

/* ---- the worker ---- */

typedef struct {
  PlRecoveryStore *store;
  char            *name;
  GBytes          *plan;  /* NULL: remove */
  PlRecoveryInfo   info;
  GWeakRef         autosave;
  GError          *error;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->store);
  g_free (job->name);
  g_clear_pointer (&job->plan, g_bytes_unref);
  pl_recovery_info_clear (&job->info);
  g_weak_ref_clear (&job->autosave);
  g_clear_error (&job->error);
  g_free (job);
}

static gboolean
job_done_cb (gpointer data)
{
  Job *job = data;
  g_autoptr(PlAutosave) self = g_weak_ref_get (&job->autosave);

  if (job->error != NULL)
    g_message ("%s", job->error->message);
  if (self != NULL && job->error != NULL && job->plan != NULL)
    g_signal_emit (self, signals[SIGNAL_FAILED], 0, job->error->message);
  if (self != NULL)
    g_signal_emit (self, signals[SIGNAL_UPDATED], 0, job->plan != NULL && job->error == NULL);
  job_free (job);
  return G_SOURCE_REMOVE;
}

static void
run_job (gpointer data, gpointer user_data)
{
  Job *job = data;

  if (job->plan != NULL)
    pl_recovery_store_write (job->store, job->name, job->plan, &job->info, &job->error);
  else
    pl_recovery_store_remove (job->store, job->name, &job->error);
  g_main_context_invoke (NULL, job_done_cb, job);
}

static void
queue_job (PlAutosave *self, GBytes *plan, PlDocument *document)
{
  static GThreadPool *pool;
  PlRecoveryStore *store = pl_autosave_get_store ();
  Job *job;

  if (store == NULL)
    {
      if (plan != NULL)
        g_signal_emit (self, signals[SIGNAL_FAILED], 0, store_error);
      g_clear_pointer (&plan, g_bytes_unref);
      return;
    }
  if (pool == NULL)
    /* One thread: the jobs run in the order they came. */
    pool = g_thread_pool_new (run_job, NULL, 1, FALSE, NULL);
  job = g_new0 (Job, 1);
  job->store = g_object_ref (store);
  job->name = g_strdup (self->name);
  job->plan = plan;
  g_weak_ref_init (&job->autosave, self);
  if (plan != NULL)
    {
      GFile *file = pl_document_get_file (document);
      const char *title = pl_plan_get_title (self->plan);

      job->info.uri = file ? g_file_get_uri (file) : NULL;
      job->info.stamp = *pl_document_get_stamp (document);
      job->info.title = g_strdup (title && *title ? title : pl_document_get_title (document));
      job->info.time = g_date_time_new_now_utc ();
    }
  g_thread_pool_push (pool, job, NULL);
}

/* ---- the session ---- */

static void
update_inhibit (void)
{
  GApplication *app = g_application_get_default ();
  g_autofree char *reason = NULL;
  PlDocument *first = NULL;
  guint n = 0;

  for (GList *l = live; l != NULL; l = l->next)
    {
      PlAutosave *autosave = l->data;
      g_autoptr(PlDocument) document = g_weak_ref_get (&autosave->document);

      if (document != NULL && !autosave->discarded && pl_document_get_modified (document))
        {
          if (n++ == 0)
            first = document;
        }
    }
  if (n == 1)
    {
      const char *title = pl_plan_get_title (pl_document_get_plan (first));
      /* Translators: what the session shows when asked to log out; %s is the plan's title */
      reason = g_strdup_printf (_("Unsaved changes in %s"), title && *title ? title : pl_document_get_title (first));
    }
  else if (n > 1)
    reason = g_strdup_printf (ngettext ("Unsaved changes in %u plan", "Unsaved changes in %u plans", n), n);
  if (g_strcmp0 (reason, inhibit_reason) == 0)
    return;
  if (GTK_IS_APPLICATION (app) && inhibit_cookie != 0)
    gtk_application_uninhibit (GTK_APPLICATION (app), inhibit_cookie);
  inhibit_cookie = 0;
  g_free (inhibit_reason);
  inhibit_reason = g_steal_pointer (&reason);
  if (GTK_IS_APPLICATION (app) && inhibit_reason != NULL)
    inhibit_cookie = gtk_application_inhibit (GTK_APPLICATION (app),
                                              gtk_application_get_active_window (GTK_APPLICATION (app)),
                                              GTK_APPLICATION_INHIBIT_LOGOUT, inhibit_reason);
}

/* ---- writing ---- */

static void
stop_writing (PlAutosave *self)
{
  g_clear_handle_id (&self->quiet_id, g_source_remove);
  g_clear_handle_id (&self->step_id, g_source_remove);
  g_clear_pointer (&self->writer, pl_plan_writer_free);
}

/* The main thread's own time, in microseconds: on a busy machine the clock on the wall also
 * counts the time other processes had the processor. */
static gint64
thread_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gboolean
on_step_cb (gpointer data)
{
  PlAutosave *self = data;
  g_autoptr(PlDocument) document = g_weak_ref_get (&self->document);
  gint64 start = g_get_monotonic_time ();
  gint64 start_cpu = thread_time ();
  gboolean done;

  if (document == NULL || pl_plan_get_serial (self->plan) != self->writer_serial)
    {
      self->step_id = 0;
      g_clear_pointer (&self->writer, pl_plan_writer_free);
      return G_SOURCE_REMOVE;
    }
  done = pl_plan_writer_step (self->writer, start + SLICE_US);
  if (done)
    {
      GBytes *bytes = pl_plan_writer_finish (g_steal_pointer (&self->writer));

      self->step_id = 0;
      self->kept = TRUE;
      self->last_size = g_bytes_get_size (bytes);
      queue_job (self, bytes, document);
    }
  self->longest_step = MAX (self->longest_step, g_get_monotonic_time () - start);
  self->longest_step_cpu = MAX (self->longest_step_cpu, thread_time () - start_cpu);
  return done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static gboolean
on_quiet_cb (gpointer data)
{
  PlAutosave *self = data;

  self->quiet_id = 0;
  pl_autosave_write_now (self);
  return G_SOURCE_REMOVE;
}

static void
forget (PlAutosave *self)
{
  g_autoptr(PlDocument) document = g_weak_ref_get (&self->document);

  stop_writing (self);
  if (self->kept)
    queue_job (self, NULL, document);
  self->kept = FALSE;
}

static void
on_plan_changed_cb (PlAutosave *self)
{
  g_autoptr(PlDocument) document = g_weak_ref_get (&self->document);

  if (document == NULL || self->discarded)
    return;
  if (!pl_document_get_modified (document))
    {
      forget (self);
      return;
    }
  stop_writing (self);
  self->quiet_id = g_timeout_add (PL_AUTOSAVE_QUIET_MS, on_quiet_cb, self);
  /* The reason names the plan, whose title may just have changed. */
  update_inhibit ();
}

static void
on_modified_cb (PlAutosave *self)
{
  g_autoptr(PlDocument) document = g_weak_ref_get (&self->document);

  /* Saved, or undone back to what is saved: nothing to recover. */
  if (document != NULL && !pl_document_get_modified (document))
    forget (self);
  update_inhibit ();
}

static void
watch_plan (PlAutosave *self, PlDocument *document)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, pl_document_get_plan (document));
  stop_writing (self);
  if (self->plan != NULL)
    g_signal_connect_swapped (self->plan, "changed", G_CALLBACK (on_plan_changed_cb), self);
  on_modified_cb (self);
}

static void
on_plan_replaced_cb (PlDocument *document, GParamSpec *pspec, PlAutosave *self)
{
  /* Read again from its file (revert, reload): what was kept is about a plan now gone. */
  watch_plan (self, document);
}

/* ---- GObject ---- */

static void
pl_autosave_dispose (GObject *object)
{
  PlAutosave *self = PL_AUTOSAVE (object);

  /* A document dropped without asking the user keeps its recovery file, to be offered. */
  stop_writing (self);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  if (g_list_find (live, self) != NULL)
    {
      live = g_list_remove (live, self);
      update_inhibit ();
    }
  G_OBJECT_CLASS (pl_autosave_parent_class)->dispose (object);
}

static void
pl_autosave_finalize (GObject *object)
{
  PlAutosave *self = PL_AUTOSAVE (object);

  g_weak_ref_clear (&self->document);
  g_free (self->name);
  G_OBJECT_CLASS (pl_autosave_parent_class)->finalize (object);
}

static void
pl_autosave_class_init (PlAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_autosave_dispose;
  object_class->finalize = pl_autosave_finalize;

  /* Emitted once the recovery file is written (TRUE) or removed (FALSE). */
  signals[SIGNAL_UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  /* Emitted when unsaved changes could not be kept, with the reason in words. */
  signals[SIGNAL_FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pl_autosave_init (PlAutosave *self)
{
  g_autofree char *uuid = g_uuid_string_random ();

  self->name = g_strconcat ("doc-", uuid, NULL);
}

/* ---- public ---- */

PlAutosave *
pl_autosave_attach (PlDocument *document)
{
  PlAutosave *self;

  g_return_val_if_fail (PL_IS_DOCUMENT (document), NULL);
  self = g_object_get_data (G_OBJECT (document), AUTOSAVE_KEY);
  if (self != NULL)
    return self;
  self = g_object_new (PL_TYPE_AUTOSAVE, NULL);
  g_weak_ref_init (&self->document, document);
  g_object_set_data_full (G_OBJECT (document), AUTOSAVE_KEY, self, g_object_unref);
  live = g_list_prepend (live, self);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (on_modified_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::plan", G_CALLBACK (on_plan_replaced_cb), self, 0);
  watch_plan (self, document);
  /* Already modified (a plan restored from a recovery file): written at the next quiet. */
  return self;
}

void
pl_autosave_discard (PlDocument *document)
{
  PlAutosave *self;

  g_return_if_fail (PL_IS_DOCUMENT (document));
  self = g_object_get_data (G_OBJECT (document), AUTOSAVE_KEY);
  if (self == NULL)
    return;
  forget (self);
  self->discarded = TRUE;
  update_inhibit ();
}

gboolean
pl_autosave_adopt (PlDocument *document, PlRecovered *recovered, GError **error)
{
  PlAutosave *self = pl_autosave_attach (document);
  PlRecoveryStore *store = pl_autosave_get_store ();

  if (store == NULL)
    return TRUE;
  if (!pl_recovered_adopt (recovered, store, self->name, error))
    return FALSE;
  self->kept = TRUE;
  return TRUE;
}

void
pl_autosave_write_now (PlAutosave *self)
{
  g_autoptr(PlDocument) document = NULL;

  g_return_if_fail (PL_IS_AUTOSAVE (self));
  document = g_weak_ref_get (&self->document);
  stop_writing (self);
  if (document == NULL || self->discarded || self->plan == NULL || !pl_document_get_modified (document))
    return;
  if (pl_autosave_get_store () == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_FAILED], 0, store_error);
      return;
    }
  /* Room for the last autosave and a little more: growing a buffer of tens of megabytes
   * copies it, in one slice. */
  self->writer = pl_plan_writer_new (self->plan, self->last_size + self->last_size / 8);
  self->writer_serial = pl_plan_get_serial (self->plan);
  self->step_id = g_idle_add_full (G_PRIORITY_LOW, on_step_cb, self, NULL);
}

const char *
pl_autosave_get_name (PlAutosave *self)
{
  g_return_val_if_fail (PL_IS_AUTOSAVE (self), NULL);
  return self->name;
}

gint64
pl_autosave_get_longest_step (PlAutosave *self, gint64 *cpu)
{
  g_return_val_if_fail (PL_IS_AUTOSAVE (self), 0);
  if (cpu != NULL)
    *cpu = self->longest_step_cpu;
  return self->longest_step;
}

PlRecoveryStore *
pl_autosave_get_store (void)
{
  static PlRecoveryStore *store;
  static gboolean tried;

  if (!tried)
    {
      g_autofree char *root = pl_recovery_get_root ();
      g_autoptr(GError) error = NULL;

      tried = TRUE;
      store = pl_recovery_store_new (root, &error);
      if (store == NULL)
        {
          g_message ("%s", error->message);
          store_error = g_strdup (error->message);
        }
    }
  return store;
}

const char *
pl_autosave_get_inhibit_reason (void)
{
  return inhibit_reason;
}

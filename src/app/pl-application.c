/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-application"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-app-resources.h"
#include "pl-application.h"
#include "pl-new-plan-dialog.h"
#include "pl-document.h"
#include "pl-plan-reader.h"
#include "pl-preferences-window.h"
#include "pl-questionnaire-file.h"
#include "pl-recovery-offer.h"
#include "pl-window.h"

#define EXAMPLE_RESOURCE "/io/github/pilote/Pilote/examples/northwind-saas-2027.pilote"

/* The example plan in the language the window speaks: the translation names its own example
 * (the French one names tramontane-qhse-2027.pilote). A translated string rather than a table
 * of languages, so that the example follows gettext's own choice, catalog by catalog: with
 * LANGUAGE=de:fr and no German catalog, the window is French and so is the example. A path
 * no resource holds (a translator's slip) falls back to the English example. */
static const char *
example_resource (void)
{
  /* Translators: the example plan that “Start From the Example” opens, a resource path. Keep
   * it as it is unless data/examples/ has an example plan written in your language (listed in
   * ui/pilote.gresource.xml): then put that file's name in place of the last part. */
  const char *path = _("/io/github/pilote/Pilote/examples/northwind-saas-2027.pilote");

  if (!g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    return EXAMPLE_RESOURCE;
  return path;
}

struct _PlApplication
{
  GtkApplication  parent_instance;

  GSettings      *settings;
  GtkCssProvider *contrast;  /* the high-contrast theme's colours GTK 4.8 leaves too pale */
  gboolean        recovery_offered;
};

G_DEFINE_FINAL_TYPE (PlApplication, pl_application, GTK_TYPE_APPLICATION)

/* Running from the build tree, the schema is in the build folder rather than installed. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_autoptr(GSettingsSchemaSource) built =
        g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, source, FALSE, NULL);
      if (built != NULL)
        schema = g_settings_schema_source_lookup (built, APP_ID, FALSE);
    }
  if (schema == NULL)
    g_error ("The settings schema %s is not installed; run “meson install” or set GSETTINGS_SCHEMA_DIR.",
             APP_ID);
  return g_settings_new_full (schema, NULL, NULL);
}

static void
apply_color_scheme (PlApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  GtkSettings *gtk_settings = gtk_settings_get_default ();

  /* Without libadwaita GTK 4.8 cannot follow the desktop's preference by itself; "follow"
   * leaves the theme's own choice, which the desktop sets. */
  if (g_str_equal (scheme, "follow-system"))
    gtk_settings_reset_property (gtk_settings, "gtk-application-prefer-dark-theme");
  else
    g_object_set (gtk_settings, "gtk-application-prefer-dark-theme", g_str_equal (scheme, "dark"), NULL);
}

static PlWindow *
find_window (PlApplication *self, GFile *file, gboolean want_empty)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      PlDocument *document;
      GFile *loading;

      if (!PL_IS_WINDOW (l->data))
        continue;
      document = pl_window_get_document (l->data);
      loading = pl_window_get_loading_file (l->data);
      if (want_empty && document == NULL && loading == NULL)
        return l->data;
      /* A file already open, or on its way, is shown where it is rather than read twice. */
      if (file != NULL && loading != NULL && g_file_equal (loading, file))
        return l->data;
      if (file != NULL && document != NULL && pl_document_get_file (document) != NULL &&
          g_file_equal (pl_document_get_file (document), file))
        return l->data;
    }
  return NULL;
}

void
pl_application_open_file (PlApplication *self, GFile *file)
{
  PlWindow *window = find_window (self, file, FALSE);

  if (window == NULL)
    {
      window = find_window (self, NULL, TRUE);
      if (window == NULL)
        window = pl_window_new (self);
      pl_window_open_file (window, file);
    }
  gtk_window_present (GTK_WINDOW (window));
}

GtkWindow *
pl_application_show_plan (PlApplication *self, PlPlan *plan)
{
  PlWindow *window = find_window (self, NULL, TRUE);
  g_autoptr(PlDocument) document = pl_document_new (plan, NULL, NULL);

  if (window == NULL)
    window = pl_window_new (self);
  pl_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

GtkWindow *
pl_application_new_plan (PlApplication *self, gboolean from_example)
{
  g_autoptr(PlPlan) plan = NULL;

  if (from_example)
    {
      const char *resource = example_resource ();
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
      g_autofree char *name = g_path_get_basename (resource);
      g_autoptr(GError) error = NULL;

      plan = pl_plan_read_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name,
                                 PL_READ_DEFAULT, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_autofree char *currency = g_settings_get_string (self->settings, "default-currency");
      int start_month = g_settings_get_int (self->settings, "fiscal-start-month");
      GDate date;

      plan = pl_plan_new_default (NULL);
      /* The preferences shape a new plan before its first edit: nothing to undo yet. */
      g_date_clear (&date, 1);
      g_date_set_julian (&date, pl_plan_get_start (plan));
      if ((int) g_date_get_month (&date) != start_month)
        {
          g_date_set_month (&date, start_month);
          pl_item_set_julian (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_START,
                              g_date_get_julian (&date));
        }
      pl_item_set_string (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_CURRENCY, currency);
    }
  return pl_application_show_plan (self, plan);
}

/* ---- actions ---- */

/* New Plan asks for the plan's settings and business model first (issue 26). */
static void
new_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  PlApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (pl_new_plan_dialog_new (self, parent)));
}

static void
new_from_example_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  pl_application_new_plan (user_data, TRUE);
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  PlApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  PlPreferencesWindow *preferences = pl_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  PlApplication *self = user_data;
  const char *developers[] = { _("The Pilote developers"), NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "program-name", _("Pilote"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Build the marketing plan, the budget and the calendar, "
                                       "and link every campaign to the KPIs that matter."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* Closes the windows one after the other, each asking about unsaved changes; a Cancel
 * anywhere stops the quit. */
static void
quit_next (PlApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PL_IS_WINDOW (l->data))
      {
        pl_window_close_then (l->data, (GCallback) quit_next, self);
        return;
      }
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  quit_next (user_data);
}

static void
on_color_scheme_changed_cb (PlApplication *self)
{
  apply_color_scheme (self);
}

/* ---- GApplication ---- */

/* GTK 4.8's high-contrast themes leave a few things under the contrast they promise: column
 * titles in grey (3:1 on white, 4.3:1 on dark grey), level bars on a track as pale as the
 * background, and, in the light theme, the usual orange for warnings (2.8:1 on white); in the
 * dark one the usual red for errors (2.2:1) and a bar fill as dark as its track. */
static const char contrast_css[] =
  "columnview.view > header > button { color: @theme_fg_color; }"
  "levelbar > trough { border: 1px solid currentColor; border-radius: 6px; padding: 1px; }";
static const char contrast_light_css[] =
  "@define-color warning_color #9e5900;";
static const char contrast_dark_css[] =
  "@define-color error_color #ff7b63;"
  "levelbar > trough > block.high, levelbar > trough > block:not(.empty)"
  " { border-color: #78aeed; background-color: #78aeed; }";

static void
update_contrast (PlApplication *self)
{
  g_autofree char *theme = NULL;
  g_autofree char *css = NULL;
  gboolean dark = FALSE;

  g_object_get (gtk_settings_get_default (), "gtk-theme-name", &theme,
                "gtk-application-prefer-dark-theme", &dark, NULL);
  if (self->contrast != NULL)
    {
      gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (self->contrast));
      g_clear_object (&self->contrast);
    }
  if (theme == NULL || (!g_str_has_prefix (theme, "HighContrast") && !g_str_has_prefix (theme, "Default-hc")))
    return;
  /* GNOME picks the dark one with "HighContrast" and the dark preference; GTK names it
   * "Default-hc-dark". */
  dark = dark || g_str_has_suffix (theme, "-dark");
  css = g_strconcat (contrast_css, dark ? contrast_dark_css : contrast_light_css, NULL);
  self->contrast = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (self->contrast, css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (self->contrast),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
}

static void
pl_application_startup (GApplication *application)
{
  PlApplication *self = PL_APPLICATION (application);
  static const GActionEntry entries[] = {
    { "new", new_activated },
    { "new-from-example", new_from_example_activated },
    { "preferences", preferences_activated },
    { "about", about_activated },
    { "quit", quit_activated },
  };
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.import-measurements", { "<Control>i", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.report", { "<Control><Shift>r", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.compare", { "<Control><Shift>c", NULL } },
    /* From any page: B for the budget, M for a (marketing) campaign. */
    { "win.new-budget-line", { "<Control><Shift>b", NULL } },
    { "win.new-campaign", { "<Control><Shift>m", NULL } },
    { "win.show-page('dashboard')", { "<Alt>1", NULL } },
    { "win.show-page('plan')", { "<Alt>2", NULL } },
    { "win.show-page('campaigns')", { "<Alt>3", NULL } },
    { "win.show-page('budget')", { "<Alt>4", NULL } },
    { "win.show-page('calendar')", { "<Alt>5", NULL } },
    { "win.show-page('kpis')", { "<Alt>6", NULL } },
    { "win.show-page('chain')", { "<Alt>7", NULL } },
    { "win.show-page('assessment')", { "<Alt>8", NULL } },
    { "win.show-page('planning')", { "<Alt>9", NULL } },
  };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  /* Naming the resource keeps the linker from dropping it from the static library; it
   * registers itself. */
  (void) pl_app_get_resource ();
  G_APPLICATION_CLASS (pl_application_parent_class)->startup (application);
  /* The report and the chart catalogue score the maturity rounds with the built-in questionnaire. */
  pl_questionnaire_set_source (pl_questionnaire_get_default);

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  gtk_css_provider_load_from_resource (css, "/io/github/pilote/Pilote/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_icon_name (APP_ID);
  g_signal_connect_swapped (gtk_settings_get_default (), "notify::gtk-theme-name",
                            G_CALLBACK (update_contrast), self);
  g_signal_connect_swapped (gtk_settings_get_default (), "notify::gtk-application-prefer-dark-theme",
                            G_CALLBACK (update_contrast), self);
  update_contrast (self);

  self->settings = create_settings ();
  g_signal_connect_swapped (self->settings, "changed::color-scheme",
                            G_CALLBACK (on_color_scheme_changed_cb), self);
  apply_color_scheme (self);
}

/* The most recent plan that still exists, or NULL. */
static GFile *
most_recent_plan (void)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GtkRecentInfo *best = NULL;
  GFile *file = NULL;

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".pilote") && gtk_recent_info_exists (info) &&
          (best == NULL || g_date_time_compare (gtk_recent_info_get_modified (info),
                                                gtk_recent_info_get_modified (best)) > 0))
        best = info;
    }
  if (best != NULL)
    file = g_file_new_for_uri (gtk_recent_info_get_uri (best));
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  return file;
}

/* Once, as the first window shows: what Pilotes that ended left unsaved. */
static void
offer_recovery (PlApplication *self)
{
  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;
  pl_recovery_offer_present (self);
}

static void
pl_application_activate (GApplication *application)
{
  PlApplication *self = PL_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GFile) recent = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  recent = most_recent_plan ();
  if (recent != NULL)
    pl_application_open_file (self, recent);
  else
    gtk_window_present (GTK_WINDOW (pl_window_new (self)));
  offer_recovery (self);
}

static void
pl_application_open (GApplication *application, GFile **files, int n_files, const char *hint)
{
  for (int i = 0; i < n_files; i++)
    pl_application_open_file (PL_APPLICATION (application), files[i]);
  offer_recovery (PL_APPLICATION (application));
}

static void
pl_application_dispose (GObject *object)
{
  PlApplication *self = PL_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->contrast);
  G_OBJECT_CLASS (pl_application_parent_class)->dispose (object);
}

static void
pl_application_class_init (PlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pl_application_dispose;
  app_class->startup = pl_application_startup;
  app_class->activate = pl_application_activate;
  app_class->open = pl_application_open;
}

static void
pl_application_init (PlApplication *self)
{
}

PlApplication *
pl_application_new (GApplicationFlags extra_flags)
{
  return g_object_new (PL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | extra_flags,
                       "resource-base-path", "/io/github/pilote/Pilote",
                       NULL);
}

GSettings *
pl_application_get_settings (PlApplication *self)
{
  g_return_val_if_fail (PL_IS_APPLICATION (self), NULL);
  return self->settings;
}

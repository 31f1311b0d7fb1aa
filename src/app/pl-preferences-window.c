/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-preferences-window"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-preferences-window.h"

struct _PlPreferencesWindow
{
  GtkWindow    parent_instance;

  /* Template widgets */
  GtkDropDown *currency;
  GtkDropDown *start_month;
  GtkDropDown *color_scheme;

  /* Owned references */
  GSettings   *settings;
};

G_DEFINE_FINAL_TYPE (PlPreferencesWindow, pl_preferences_window, GTK_TYPE_WINDOW)

/* The currencies marketing plans are most often made in; a plan may use any ISO 4217 code. */
static const char * const currencies[] = {
  "EUR", "USD", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK",
  "CNY", "INR", "BRL", "MXN", "SGD", "HKD", "NZD", "ZAR", "AED", "KRW", NULL
};

static const char * const color_schemes[] = { "follow-system", "light", "dark", NULL };

static gboolean
string_to_position (GValue *value, GVariant *variant, gpointer user_data)
{
  const char * const *strings = user_data;
  const char *text = g_variant_get_string (variant, NULL);

  for (guint i = 0; strings[i] != NULL; i++)
    if (g_str_equal (strings[i], text))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_string (const GValue *value, const GVariantType *type, gpointer user_data)
{
  const char * const *strings = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) strings))
    return NULL;
  return g_variant_new_string (strings[position]);
}

static gboolean
month_to_position (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_uint (value, (guint) CLAMP (g_variant_get_int32 (variant), 1, 12) - 1);
  return TRUE;
}

static GVariant *
position_to_month (const GValue *value, const GVariantType *type, gpointer user_data)
{
  guint position = g_value_get_uint (value);

  return position < 12 ? g_variant_new_int32 ((int) position + 1) : NULL;
}

static void
pl_preferences_window_dispose (GObject *object)
{
  PlPreferencesWindow *self = PL_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (pl_preferences_window_parent_class)->dispose (object);
}

static void
pl_preferences_window_class_init (PlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, currency);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, start_month);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, color_scheme);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_preferences_window_init (PlPreferencesWindow *self)
{
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) codes = gtk_string_list_new ((const char * const *) currencies);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2000, m, 1, 0, 0, 0);
      /* Translators: a month name alone, see strftime(3) */
      g_autofree char *name = g_date_time_format (date, _("%B"));
      gtk_string_list_append (months, name);
    }
  gtk_drop_down_set_model (self->start_month, G_LIST_MODEL (months));
  gtk_drop_down_set_model (self->currency, G_LIST_MODEL (codes));
  gtk_drop_down_set_expression (self->currency,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
}

PlPreferencesWindow *
pl_preferences_window_new (GSettings *settings)
{
  PlPreferencesWindow *self = g_object_new (PL_TYPE_PREFERENCES_WINDOW, NULL);

  self->settings = g_object_ref (settings);
  g_settings_bind_with_mapping (settings, "default-currency", self->currency, "selected", G_SETTINGS_BIND_DEFAULT,
                                string_to_position, position_to_string, (gpointer) currencies, NULL);
  g_settings_bind_with_mapping (settings, "fiscal-start-month", self->start_month, "selected",
                                G_SETTINGS_BIND_DEFAULT, month_to_position, position_to_month, NULL, NULL);
  g_settings_bind_with_mapping (settings, "color-scheme", self->color_scheme, "selected", G_SETTINGS_BIND_DEFAULT,
                                string_to_position, position_to_string, (gpointer) color_schemes, NULL);
  return self;
}

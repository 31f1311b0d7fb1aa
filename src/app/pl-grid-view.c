/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-grid-view"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pl-a11y.h"
#include "pl-grid-view.h"

GtkColumnView *
pl_grid_view_new (GtkWidget *parent, GtkSelectionModel *model, GtkScrolledWindow **scrolled)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (model));

  gtk_column_view_set_show_row_separators (view, TRUE);
  gtk_column_view_set_show_column_separators (view, TRUE);
  gtk_column_view_set_reorderable (view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (view), "data-table");
  gtk_widget_add_css_class (GTK_WIDGET (view), "measurements");
  *scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_has_frame (*scrolled, TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (*scrolled), TRUE);
  gtk_scrolled_window_set_child (*scrolled, GTK_WIDGET (view));
  gtk_widget_set_parent (GTK_WIDGET (*scrolled), parent);
  return view;
}

GtkWidget *
pl_grid_view_new_figure_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_START);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_margin_end (label, 6);
  return label;
}

void
pl_grid_view_scroll_to (GtkScrolledWindow *scrolled, guint position, guint n)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

  if (n == 0)
    return;
  /* A third of the way down the page, so the rows around it show too. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * position / n -
                                        gtk_adjustment_get_page_size (adjustment) / 3);
}

void
pl_grid_view_reveal (GtkScrolledWindow *scrolled, GtkWidget *widget)
{
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (scrolled);
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (scrolled);
  graphene_rect_t bounds;
  double width = gtk_widget_get_width (GTK_WIDGET (scrolled));
  double height = gtk_widget_get_height (GTK_WIDGET (scrolled));
  /* The column titles sit over the top of the scrolled area: a row under them is hidden. */
  double header;

  if (!gtk_widget_compute_bounds (widget, GTK_WIDGET (scrolled), &bounds))
    return;
  header = bounds.size.height + 8;
  if (bounds.origin.x < 0)
    gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + bounds.origin.x);
  else if (bounds.origin.x + bounds.size.width > width - 12)
    gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + bounds.origin.x + bounds.size.width - width + 12);
  if (bounds.origin.y < header)
    gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + bounds.origin.y - header);
  else if (bounds.origin.y + bounds.size.height > height - 12)
    gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + bounds.origin.y + bounds.size.height - height + 12);
}

/* ---- where a bound cell is ---- */

static GQuark
list_item_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("pl-grid-view-list-item");
  return quark;
}

void
pl_grid_view_cell_bound (GtkWidget *cell, GtkListItem *list_item)
{
  /* The list item owns the cell: it outlives what the cell keeps of it. */
  g_object_set_qdata (G_OBJECT (cell), list_item_quark (), list_item);
}

guint
pl_grid_view_cell_position (GtkWidget *cell)
{
  GtkListItem *list_item = g_object_get_qdata (G_OBJECT (cell), list_item_quark ());

  return list_item != NULL ? gtk_list_item_get_position (list_item) : G_MAXUINT;
}

/* ---- refreshing the bound cells after a change ---- */

typedef struct {
  gpointer       grid;    /* the refresh goes with the grid (qdata) */
  GPtrArray     *cells;   /* the grid's array of bound cells, which it keeps up to date */
  PlGridRefresh  refresh;
  PlGridAfter    after;
  guint          idle;
  GdkFrameClock *clock;   /* waited on for the frame that shows the change */
  gulong         painted;
} Refresh;

/* Marks a bound cell that was off screen at the last change: refreshed after the frame. */
static GQuark
stale_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("pl-grid-view-stale");
  return quark;
}

static GQuark
refresh_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("pl-grid-view-refresh");
  return quark;
}

static void
stop_waiting (Refresh *refresh)
{
  if (refresh->clock != NULL)
    g_clear_signal_handler (&refresh->painted, refresh->clock);
  g_clear_object (&refresh->clock);
}

static void
refresh_free (Refresh *refresh)
{
  stop_waiting (refresh);
  g_clear_handle_id (&refresh->idle, g_source_remove);
  g_free (refresh);
}

static gboolean
refresh_stale_cb (gpointer data)
{
  Refresh *refresh = data;

  refresh->idle = 0;
  /* The cells bound now, to whichever row: those marked show what their row holds now. */
  for (guint i = 0; i < refresh->cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (refresh->cells, i);

      if (g_object_get_qdata (G_OBJECT (cell), stale_quark ()) != NULL)
        {
          g_object_set_qdata (G_OBJECT (cell), stale_quark (), NULL);
          refresh->refresh (refresh->grid, cell);
        }
    }
  if (refresh->after != NULL)
    refresh->after (refresh->grid);
  return G_SOURCE_REMOVE;
}

static void
on_painted_cb (GdkFrameClock *clock, Refresh *refresh)
{
  stop_waiting (refresh);
  if (refresh->idle == 0)
    refresh->idle = g_idle_add_full (G_PRIORITY_LOW, refresh_stale_cb, refresh, NULL);
}

/* The rows of @n, all of the same height, that @scrolled shows, with one more each side. */
static void
visible_rows (GtkScrolledWindow *scrolled, guint n, guint *first, guint *last)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  double upper = gtk_adjustment_get_upper (adjustment);
  double row = n > 0 && upper > 0 ? upper / n : 0;
  double top = gtk_adjustment_get_value (adjustment);

  if (row <= 0)
    {
      /* Not laid out yet: every row counts as shown. */
      *first = 0;
      *last = G_MAXUINT;
      return;
    }
  *first = (guint) MAX (0.0, top / row - 1);
  *last = (guint) ((top + gtk_adjustment_get_page_size (adjustment)) / row + 1);
}

void
pl_grid_view_refresh_cells (gpointer grid, GtkScrolledWindow *scrolled, GPtrArray *cells, guint n_rows,
                            PlGridRefresh refresh, PlGridAfter after)
{
  Refresh *state = g_object_get_qdata (G_OBJECT (grid), refresh_quark ());
  gboolean waiting = after != NULL;
  guint first, last;

  if (state == NULL)
    {
      state = g_new0 (Refresh, 1);
      state->grid = grid;
      g_object_set_qdata_full (G_OBJECT (grid), refresh_quark (), state, (GDestroyNotify) refresh_free);
    }
  state->cells = cells;
  state->refresh = refresh;
  state->after = after;
  visible_rows (scrolled, n_rows, &first, &last);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      guint row = pl_grid_view_cell_position (cell);

      if (row >= first && row <= last)
        {
          g_object_set_qdata (G_OBJECT (cell), stale_quark (), NULL);
          refresh (grid, cell);
        }
      else
        {
          g_object_set_qdata (G_OBJECT (cell), stale_quark (), GINT_TO_POINTER (TRUE));
          waiting = TRUE;
        }
    }
  /* After the frame that shows the change: an idle alone may come first, while the frame
   * clock waits for its next frame. */
  if (!waiting || state->idle != 0 || state->clock != NULL)
    return;
  state->clock = gtk_widget_get_frame_clock (GTK_WIDGET (grid));
  if (state->clock != NULL && gtk_widget_get_mapped (GTK_WIDGET (grid)))
    {
      g_object_ref (state->clock);
      state->painted = g_signal_connect (state->clock, "after-paint", G_CALLBACK (on_painted_cb), state);
    }
  else
    {
      state->clock = NULL;
      state->idle = g_idle_add_full (G_PRIORITY_LOW, refresh_stale_cb, state, NULL);
    }
}

void
pl_grid_view_cancel_refresh (gpointer grid)
{
  g_object_set_qdata (G_OBJECT (grid), refresh_quark (), NULL);
}

/* ---- blocks of cells on the clipboard ---- */

GPtrArray *
pl_grid_parse_block (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text ? text : "";
  gboolean at_cell_start = TRUE;

  while (*p != '\0')
    {
      if (at_cell_start && *p == '"')
        {
          /* A quoted cell, as Calc and Excel write one holding a tab, a newline or a quote. */
          p++;
          while (*p != '\0' && !(*p == '"' && p[1] != '"'))
            {
              if (*p == '"')
                p++;
              g_string_append_c (cell, *p++);
            }
          if (*p == '"')
            p++;
          at_cell_start = FALSE;
          continue;
        }
      at_cell_start = FALSE;
      if (*p == '\t')
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          at_cell_start = TRUE;
          p++;
        }
      else if (*p == '\n' || (*p == '\r' && p[1] == '\n') || *p == '\r')
        {
          p += *p == '\r' && p[1] == '\n' ? 2 : 1;
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
          at_cell_start = TRUE;
          /* The newline after the last row ends it; it does not start an empty one. */
          if (*p == '\0')
            return rows;
        }
      else
        g_string_append_c (cell, *p++);
    }
  g_ptr_array_add (row, g_strdup (cell->str));
  g_ptr_array_add (row, NULL);
  g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
  return rows;
}

char *
pl_grid_format_block (GPtrArray *rows)
{
  GString *text = g_string_new (NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          if (c > 0)
            g_string_append_c (text, '\t');
          if (strpbrk (cells[c], "\t\r\n\"") != NULL)
            {
              g_autoptr(GString) quoted = g_string_new (cells[c]);
              g_string_replace (quoted, "\"", "\"\"", 0);
              g_string_append_printf (text, "\"%s\"", quoted->str);
            }
          else
            g_string_append (text, cells[c]);
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

char *
pl_grid_copy_number (const char *shown)
{
  GString *copy = g_string_new (NULL);

  for (const char *p = shown; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      /* Between two digits a no-break space groups thousands; before "%" it is typography. */
      if ((c == 0x00A0 || c == 0x202F) && p != shown && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (*next))
        continue;
      g_string_append_unichar (copy, c);
    }
  return g_string_free (copy, FALSE);
}

char *
pl_grid_describe_cell (PlPlan *plan, const char *row, guint month, gboolean with_year)
{
  GDate date;
  char name[64];

  g_date_set_julian (&date, pl_plan_month_start (plan, month));
  if (with_year)
    /* Translators: a month of the KPIs' grid as messages name it, strftime format ("March 2027") */
    g_date_strftime (name, sizeof name, C_("grid message month", "%B %Y"), &date);
  else
    /* Translators: a month of the budget as messages name it, strftime format ("March") */
    g_date_strftime (name, sizeof name, C_("budget message month", "%B"), &date);
  /* Translators: a cell of a grid: its row (a budget line, a KPI), then its month */
  return g_strdup_printf (C_("grid cell", "%s, %s"), row, name);
}

/* ---- the 10x check ---- */

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

double
pl_grid_usual_value (const double *values, guint n, guint skip)
{
  g_autofree double *others = g_new (double, MAX (n, 1));
  guint m = 0;

  for (guint i = 0; i < n; i++)
    if (i != skip && !isnan (values[i]) && values[i] != 0)
      others[m++] = fabs (values[i]);
  if (m == 0)
    return NAN;
  qsort (others, m, sizeof (double), compare_doubles);
  return m % 2 == 1 ? others[m / 2] : (others[m / 2 - 1] + others[m / 2]) / 2;
}

gboolean
pl_grid_is_unusual (double value, double usual, gboolean *above)
{
  double size = fabs (value);

  if (isnan (value) || isnan (usual) || value == 0 || usual == 0)
    return FALSE;
  *above = size >= usual;
  return size >= 10 * usual || size * 10 <= usual;
}

/* ---- PlGridNotice ---- */

struct _PlGridNotice
{
  GtkWidget  parent_instance;

  GtkImage  *icon;
  GtkLabel  *label;
  GtkWidget *undo;
  GtkWidget *close;
};

G_DEFINE_FINAL_TYPE (PlGridNotice, pl_grid_notice, GTK_TYPE_WIDGET)

enum { NOTICE_UNDO, N_NOTICE_SIGNALS };
static guint notice_signals[N_NOTICE_SIGNALS];

static void
on_notice_undo_cb (PlGridNotice *self)
{
  pl_grid_notice_hide (self);
  g_signal_emit (self, notice_signals[NOTICE_UNDO], 0);
}

static void
pl_grid_notice_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pl_grid_notice_parent_class)->dispose (object);
}

static void
pl_grid_notice_class_init (PlGridNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_grid_notice_dispose;
  notice_signals[NOTICE_UNDO] = g_signal_new ("undo", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                              NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gridnotice");
  /* A screen reader reads the notice when it appears, without moving the focus to it. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
pl_grid_notice_init (PlGridNotice *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget)), 8);
  self->icon = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_set_parent (GTK_WIDGET (self->icon), widget);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->label), widget);
  self->undo = gtk_button_new_with_mnemonic (_("_Undo"));
  gtk_widget_set_valign (self->undo, GTK_ALIGN_CENTER);
  /* Pressing Undo must not leave the grid: the user goes on typing where they were. */
  gtk_widget_set_focus_on_click (self->undo, FALSE);
  g_signal_connect_swapped (self->undo, "clicked", G_CALLBACK (on_notice_undo_cb), self);
  gtk_widget_set_parent (self->undo, widget);
  self->close = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (self->close, GTK_ALIGN_CENTER);
  gtk_widget_set_focus_on_click (self->close, FALSE);
  gtk_widget_add_css_class (self->close, "flat");
  gtk_widget_set_tooltip_text (self->close, _("Dismiss"));
  pl_a11y_label (self->close, _("Dismiss"));
  g_signal_connect_swapped (self->close, "clicked", G_CALLBACK (pl_grid_notice_hide), self);
  gtk_widget_set_parent (self->close, widget);
  gtk_widget_set_visible (widget, FALSE);
}

PlGridNotice *
pl_grid_notice_new (void)
{
  return g_object_new (PL_TYPE_GRID_NOTICE, NULL);
}

void
pl_grid_notice_show (PlGridNotice *self, const char *message, gboolean can_undo)
{
  GtkWidget *widget = GTK_WIDGET (self);

  g_return_if_fail (PL_IS_GRID_NOTICE (self));
  gtk_label_set_label (self->label, message);
  gtk_widget_set_visible (self->undo, can_undo);
  gtk_image_set_from_icon_name (self->icon, can_undo ? "dialog-warning-symbolic" : "dialog-error-symbolic");
  gtk_widget_remove_css_class (widget, can_undo ? "error" : "warning");
  gtk_widget_add_css_class (widget, can_undo ? "warning" : "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
  gtk_widget_set_visible (widget, TRUE);
}

void
pl_grid_notice_hide (PlGridNotice *self)
{
  g_return_if_fail (PL_IS_GRID_NOTICE (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

const char *
pl_grid_notice_get_message (PlGridNotice *self)
{
  g_return_val_if_fail (PL_IS_GRID_NOTICE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_label (self->label) : NULL;
}

GtkWidget *
pl_grid_notice_get_undo_button (PlGridNotice *self)
{
  g_return_val_if_fail (PL_IS_GRID_NOTICE (self), NULL);
  return self->undo;
}

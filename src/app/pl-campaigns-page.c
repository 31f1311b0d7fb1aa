/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-campaigns-page"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-calendar.h"
#include "pl-a11y.h"
#include "pl-campaign-column-fit.h"
#include "pl-campaign-edits.h"
#include "pl-campaign-figures-text.h"
#include "pl-campaign-hints.h"
#include "pl-campaign-ranking-chart.h"
#include "pl-campaign-results-grid.h"
#include "pl-chart-menu.h"
#include "pl-chart-theme.h"
#include "pl-campaigns-page.h"

#include "pl-date-text.h"
#include "pl-delete-dialog.h"
#include "pl-enums.h"
#include "pl-field-text.h"
#include "pl-figures.h"
#include "pl-live-list.h"
#include "pl-money.h"
#include "pl-record-table.h"
#include "pl-records.h"
#include "pl-tooltip.h"

typedef enum { SORT_START, SORT_NAME, SORT_STATUS } SortOrder;

/* The list's columns; the figures' come after the records' fields (PlCampaignColumn + COL_BUDGET). */
typedef enum {
  COL_NAME, COL_CHANNEL, COL_START, COL_STATUS,
  COL_BUDGET, COL_SPENT, COL_RESULT, COL_COST, COL_ROI,
  N_COLS
} ListColumn;
#define IS_FIGURE_COLUMN(c) ((c) >= COL_BUDGET && (c) < N_COLS)
/* The letters of a campaign's name the list shows at the least, beside its figures. */
#define NAME_MIN_CHARS 14

/* What the list shows beside the campaign's name: its schedule, its figures, or the
 * ranking chart in place of the list. */
typedef enum { VIEW_SCHEDULE, VIEW_RESULTS, VIEW_RANKING } ListView;

struct _PlCampaignsPage
{
  PlPage              parent_instance;

  /* Template widgets */
  GtkPaned           *paned;
  GtkFlowBox         *filters;
  GtkDropDown        *status_filter;
  GtkDropDown        *channel_filter;
  GtkDropDown        *segment_filter;
  GtkDropDown        *owner_filter;
  GtkLabel           *sort_label;
  GtkDropDown        *sort_order;
  GtkLabel           *count_label;
  GtkToggleButton    *view_schedule;
  GtkToggleButton    *view_results;
  GtkToggleButton    *view_ranking;
  GtkLabel           *basis_caption;
  GtkStack           *list_stack;
  GtkBox             *ranking_box;
  GtkBox             *hints_box;
  GtkColumnView      *list;
  GtkStack           *editor_stack;
  GtkEntry           *name;
  GtkEntry           *channel;
  GtkDropDown        *segment;
  GtkDropDown        *owner;
  GtkEntry           *start;
  GtkEntry           *end;
  GtkEntry           *code;
  GtkDropDown        *status;
  GtkLabel           *stop_reason;
  GtkLabel           *problem;
  GtkLabel           *budget;
  GtkTextView        *problem_text;
  GtkTextView        *success_text;
  GtkTextView        *audience_text;
  GtkTextView        *inaction_text;
  GtkTextView        *advantage_text;
  GtkTextView        *next_step_text;
  GtkBox             *kpis_box;
  GtkBox             *results_box;
  GtkLabel           *results_summary;
  GtkMenuButton      *attach_kpi;
  GtkBox             *entries_box;

  /* Owned references */
  PlPlan             *plan;
  PlItem             *campaign;
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  GtkSingleSelection *selection;
  PlRecordTable      *kpis;
  PlRecordTable      *entries;
  PlCampaignResultsGrid *results;
  PlCampaignHints    *hints;
  ListView            view;
  GtkColumnViewColumn *columns[N_COLS];
  GArray             *figures;          /* PlCampaignFigures of every campaign, or NULL */
  GHashTable         *figures_by;       /* campaign -> its PlCampaignFigures in figures */
  guint64             figures_serial;   /* what they were computed from */
  PlBasis             basis;
  GPtrArray          *figure_labels;    /* bound cells of the figure columns */
  int                 sort_column;      /* the column header sorted by, or -1 (the drop-down's order) */
  gboolean            sort_descending;
  int                 probing;          /* the column whose sorter answers a probe, or -1 */
  gboolean            resetting;        /* the page itself sets the columns' sort */
  GObject            *probe_a, *probe_b;
  guint               figures_idle;     /* the figures follow an edit after its frame */
  GtkStack           *ranking_stack;    /* the ranking chart by ROI, by cost per result */
  GtkDrawingArea     *ranking_roi;
  GtkDrawingArea     *ranking_cost;
  GStrv               channels;        /* the channel filter's choices, after "All" */
  gboolean            channels_stale;  /* a campaign came, went or changed channel since */
  GStrv               segment_ids;     /* ids behind the segment drop-downs, after the first */
  GStrv               owner_ids;
  GStrv               segment_choices; /* ids behind the editor's segment drop-down, by position */
  GStrv               owner_choices;
};

G_DEFINE_FINAL_TYPE (PlCampaignsPage, pl_campaigns_page, PL_TYPE_PAGE)

/* What the list shows of a campaign, sorts or filters it by: a change to one of these moves or
 * redraws its row, and only its row. */
static const char * const listed_fields[] = { "name", "channel", "start", "status", "segment", "owner", NULL };

/* The collections the editor shows beside the campaign's own fields. */
#define BUDGET_CHANGES (PL_CHANGE_METADATA | pl_change_for_collection (PL_COLLECTION_ALLOCATIONS) | \
                        pl_change_for_collection (PL_COLLECTION_SPEND) | pl_change_for_collection (PL_COLLECTION_LINES))
#define CHOICE_CHANGES (pl_change_for_collection (PL_COLLECTION_SEGMENTS) | pl_change_for_collection (PL_COLLECTION_MEMBERS))

/* ---- filtering and sorting ---- */

static gboolean
filter_match (gpointer object, gpointer user_data)
{
  PlCampaignsPage *self = user_data;
  PlItem *campaign = object;
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint channel = gtk_drop_down_get_selected (self->channel_filter);
  guint segment = gtk_drop_down_get_selected (self->segment_filter);
  guint owner = gtk_drop_down_get_selected (self->owner_filter);

  /* Position 0 of every filter is "All". */
  if (status > 0 && status != GTK_INVALID_LIST_POSITION &&
      pl_item_get_int (campaign, PL_CAMPAIGN_STATUS) != (gint64) status - 1)
    return FALSE;
  if (channel > 0 && channel != GTK_INVALID_LIST_POSITION && self->channels != NULL &&
      g_strcmp0 (pl_item_get_string (campaign, PL_CAMPAIGN_CHANNEL), self->channels[channel - 1]) != 0)
    return FALSE;
  if (segment > 0 && segment != GTK_INVALID_LIST_POSITION && self->segment_ids != NULL &&
      g_strcmp0 (pl_item_get_string (campaign, PL_CAMPAIGN_SEGMENT), self->segment_ids[segment]) != 0)
    return FALSE;
  if (owner > 0 && owner != GTK_INVALID_LIST_POSITION && self->owner_ids != NULL &&
      g_strcmp0 (pl_item_get_string (campaign, PL_CAMPAIGN_OWNER), self->owner_ids[owner]) != 0)
    return FALSE;
  return TRUE;
}

/* ---- the figures ---- */

/* What the campaigns' figures are computed from (the basis follows the KPIs and the period). */
static const PlCollection figure_depends[] = {
  PL_COLLECTION_CAMPAIGNS, PL_COLLECTION_CAMPAIGN_KPIS, PL_COLLECTION_KPIS, PL_COLLECTION_ALLOCATIONS,
  PL_COLLECTION_SPEND, PL_COLLECTION_LINES, PL_COLLECTION_CATEGORIES, PL_COLLECTION_NONE,
};
#define FIGURE_CHANGES (pl_change_for_collection (PL_COLLECTION_CAMPAIGNS) | pl_change_for_collection (PL_COLLECTION_CAMPAIGN_KPIS) | \
                        pl_change_for_collection (PL_COLLECTION_KPIS) | pl_change_for_collection (PL_COLLECTION_ALLOCATIONS) | \
                        pl_change_for_collection (PL_COLLECTION_SPEND) | pl_change_for_collection (PL_COLLECTION_LINES) | \
                        pl_change_for_collection (PL_COLLECTION_CATEGORIES) | pl_change_for_collection (PL_COLLECTION_KPI_LINKS) | \
                        PL_CHANGE_METADATA)

/* The figures are needed while they show or order the list: the Schedule view of a big plan
 * does not pay for them. */
static gboolean
figures_needed (PlCampaignsPage *self)
{
  return self->plan != NULL && (self->view != VIEW_SCHEDULE || IS_FIGURE_COLUMN (self->sort_column));
}

static void fit_figure_columns (PlCampaignsPage *self);
static int figures_list_width (PlCampaignsPage *self);

/* Computes every campaign's figures again when what they depend on changed, all at once
 * (pl_campaign_figures_all(), never per cell); TRUE when they were. */
static gboolean
ensure_figures (PlCampaignsPage *self)
{
  guint64 serial;

  if (!figures_needed (self))
    return FALSE;
  /* + 1: a fresh plan's serials may all be 0, as figures_serial starts. */
  serial = pl_plan_get_collections_serial (self->plan, figure_depends, G_N_ELEMENTS (figure_depends)) + 1;
  if (serial == self->figures_serial && self->figures != NULL)
    return FALSE;
  self->figures_serial = serial;
  self->basis = pl_campaign_figures_basis (self->plan);
  g_clear_pointer (&self->figures_by, g_hash_table_unref);
  g_clear_pointer (&self->figures, g_array_unref);
  self->figures = pl_campaign_figures_all (self->plan, &self->basis);
  self->figures_by = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->figures->len; i++)
    {
      PlCampaignFigures *figures = &g_array_index (self->figures, PlCampaignFigures, i);
      g_hash_table_insert (self->figures_by, figures->campaign, figures);
    }
  fit_figure_columns (self);
  return TRUE;
}

/* TRUE when the figures computed last are still those of the plan. */
static gboolean
figures_current (PlCampaignsPage *self)
{
  return self->figures != NULL &&
         pl_plan_get_collections_serial (self->plan, figure_depends, G_N_ELEMENTS (figure_depends)) + 1 == self->figures_serial;
}

static const PlCampaignFigures *
figures_of (PlCampaignsPage *self, PlItem *campaign)
{
  return self->figures_by ? g_hash_table_lookup (self->figures_by, campaign) : NULL;
}

/* The figures whose cells are the widest each column can show, a cell growing with its digits:
 * the smallest and largest amounts and ratios, and for each KPI a main result one with its
 * largest result and expected contribution. A handful to format and measure rather than the
 * 20,000 campaigns of a big plan, on every edit. */
/* Budget, spent, cost per result (and under ten), ROI. */
#define N_EXTREMES 5

static double
amount_of (const PlCampaignFigures *f, guint k)
{
  switch (k)
    {
    case 0: return (double) f->budget;
    case 1: return (double) f->spent;
    case 2: return f->cost_per_result.value;
    /* Under ten a cost keeps its cents ("9.87"): wider than "930". */
    case 3: return fabs (f->cost_per_result.value) < 10 ? f->cost_per_result.value : NAN;
    default: return f->roi.value;
    }
}

static GArray *
widest_figures (GArray *all)
{
  GArray *widest = g_array_new (FALSE, FALSE, sizeof (PlCampaignFigures));
  g_autoptr(GHashTable) by_kpi = g_hash_table_new (NULL, NULL);
  guint low[N_EXTREMES], high[N_EXTREMES];

  for (guint k = 0; k < N_EXTREMES; k++)
    low[k] = high[k] = G_MAXUINT;
  for (guint i = 0; i < all->len; i++)
    {
      const PlCampaignFigures *f = &g_array_index (all, PlCampaignFigures, i);
      gpointer at;

      for (guint k = 0; k < N_EXTREMES; k++)
        {
          double value = amount_of (f, k);

          if (isnan (value))
            continue;
          if (low[k] == G_MAXUINT || value < amount_of (&g_array_index (all, PlCampaignFigures, low[k]), k))
            low[k] = i;
          if (high[k] == G_MAXUINT || value > amount_of (&g_array_index (all, PlCampaignFigures, high[k]), k))
            high[k] = i;
        }
      /* One per KPI: its largest result over its largest expected contribution. */
      if (!g_hash_table_lookup_extended (by_kpi, f->main_kpi, NULL, &at))
        {
          g_array_append_val (widest, *f);
          g_hash_table_insert (by_kpi, f->main_kpi, GUINT_TO_POINTER (widest->len - 1));
        }
      else
        {
          PlCampaignFigures *kept = &g_array_index (widest, PlCampaignFigures, GPOINTER_TO_UINT (at));
          if (!isnan (f->main_result.value) && (isnan (kept->main_result.value) || f->main_result.value > kept->main_result.value))
            kept->main_result = f->main_result;
          if (!isnan (f->main_expected) && (isnan (kept->main_expected) || f->main_expected > kept->main_expected))
            kept->main_expected = f->main_expected;
        }
    }
  for (guint k = 0; k < N_EXTREMES; k++)
    {
      if (low[k] != G_MAXUINT)
        g_array_append_val (widest, g_array_index (all, PlCampaignFigures, low[k]));
      if (high[k] != G_MAXUINT)
        g_array_append_val (widest, g_array_index (all, PlCampaignFigures, high[k]));
    }
  return widest;
}

/* Each figure column as wide as its widest cell in this plan, whatever its currency and the
 * user's locale write ("240 000", "$240,000" would be "240,000" under "Budget ($)"), its title
 * broken over up to three lines rather than widening it: the name takes what they leave. */
static void
fit_figure_columns (PlCampaignsPage *self)
{
  GtkWidget *list = GTK_WIDGET (self->list);
  g_autoptr(GArray) widest = widest_figures (self->figures);

  for (guint c = COL_BUDGET; c < N_COLS; c++)
    {
      PlCampaignColumn column = (PlCampaignColumn) (c - COL_BUDGET);
      g_autofree char *title = pl_campaign_column_title (self->plan, column);
      g_autofree char *fitted = NULL;
      int content = pl_column_text_width (list, "–", TRUE, FALSE), width;

      for (guint i = 0; i < widest->len; i++)
        {
          g_autofree char *text = pl_campaign_column_cell (self->plan, &g_array_index (widest, PlCampaignFigures, i), column, NULL);
          content = MAX (content, pl_column_text_width (list, text, TRUE, FALSE));
        }
      fitted = pl_column_fit_title (list, title, content, 3, TRUE, &width);
      if (g_strcmp0 (gtk_column_view_column_get_title (self->columns[c]), fitted) != 0)
        gtk_column_view_column_set_title (self->columns[c], fitted);
      if (gtk_column_view_column_get_fixed_width (self->columns[c]) != width)
        gtk_column_view_column_set_fixed_width (self->columns[c], width);
    }
}

static gboolean
refit_idle_cb (gpointer data)
{
  PlCampaignsPage *self = data;

  if (self->plan != NULL && self->figures != NULL)
    {
      fit_figure_columns (self);
      if (self->view != VIEW_SCHEDULE)
        gtk_paned_set_position (self->paned, figures_list_width (self));
    }
  return G_SOURCE_REMOVE;
}

/* Text made larger or smaller (gtk-xft-dpi) while the page shows: its figures are measured
 * again, once the widgets' fonts follow. */
static void
on_text_scale_cb (PlCampaignsPage *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refit_idle_cb, g_object_ref (self), g_object_unref);
}

/* The list's width over the figures: the figure columns and a name of NAME_MIN_CHARS. */
static int
figures_list_width (PlCampaignsPage *self)
{
  /* The page's margins beside the list, its frame and scroll bar. */
  int width = 18 + 12 + 8 + PL_COLUMN_CELL_PADDING;
  g_autofree char *sample = g_strnfill (NAME_MIN_CHARS, 'n');

  for (guint c = COL_BUDGET; c < N_COLS; c++)
    width += gtk_column_view_column_get_fixed_width (self->columns[c]);
  return width + pl_column_text_width (GTK_WIDGET (self->list), sample, FALSE, FALSE);
}

static void
refresh_caption (PlCampaignsPage *self)
{
  g_autofree char *caption = NULL;

  if (self->plan == NULL || self->figures == NULL)
    return;
  caption = pl_campaign_figures_caption (self->plan, &self->basis);
  gtk_label_set_label (self->basis_caption, caption);
}

/* ---- filtering and sorting ---- */

static int
compare_text (const char *a, const char *b, gboolean descending)
{
  /* A campaign without one comes last either way. */
  if (a == NULL || b == NULL)
    return a == b ? 0 : a == NULL ? 1 : -1;
  return descending ? g_utf8_collate (b, a) : g_utf8_collate (a, b);
}

/* The order of @x and @y by one column of the list. */
static int
column_compare (PlCampaignsPage *self, ListColumn column, PlItem *x, PlItem *y, gboolean descending)
{
  switch (column)
    {
    case COL_NAME:
      return compare_text (pl_item_get_string (x, PL_CAMPAIGN_NAME), pl_item_get_string (y, PL_CAMPAIGN_NAME), descending);
    case COL_CHANNEL:
      return compare_text (pl_item_get_string (x, PL_CAMPAIGN_CHANNEL), pl_item_get_string (y, PL_CAMPAIGN_CHANNEL), descending);
    case COL_STATUS:
      {
        gint64 a = pl_item_get_int (x, PL_CAMPAIGN_STATUS), b = pl_item_get_int (y, PL_CAMPAIGN_STATUS);
        return a == b ? 0 : (a < b) != descending ? -1 : 1;
      }
    case COL_START:
      {
        /* Campaigns without a date come last. */
        guint32 ja = pl_item_get_julian (x, PL_CAMPAIGN_START), jb = pl_item_get_julian (y, PL_CAMPAIGN_START);
        return ja == jb ? 0 : ja == 0 ? 1 : jb == 0 ? -1 : (ja < jb) != descending ? -1 : 1;
      }
    case COL_BUDGET:
    case COL_SPENT:
    case COL_RESULT:
    case COL_COST:
    case COL_ROI:
      {
        const PlCampaignFigures *a = figures_of (self, x), *b = figures_of (self, y);
        if (a == NULL || b == NULL)
          return 0;
        return pl_campaign_column_compare (a, b, (PlCampaignColumn) (column - COL_BUDGET), descending);
      }
    case N_COLS:
    default:
      return 0;
    }
}

/* The header clicked first, then the "Sort by" drop-down's order, then the name. */
static int
sort_compare (gconstpointer a, gconstpointer b, gpointer user_data)
{
  PlCampaignsPage *self = user_data;
  PlItem *x = (PlItem *) a, *y = (PlItem *) b;
  int order = 0;

  if (self->sort_column >= 0)
    order = column_compare (self, (ListColumn) self->sort_column, x, y, self->sort_descending);
  if (order != 0)
    return order;
  switch ((SortOrder) gtk_drop_down_get_selected (self->sort_order))
    {
    case SORT_STATUS:
      order = column_compare (self, COL_STATUS, x, y, FALSE);
      break;
    case SORT_START:
      order = column_compare (self, COL_START, x, y, FALSE);
      break;
    case SORT_NAME:
    default:
      break;
    }
  if (order == 0)
    order = g_utf8_collate (pl_item_get_string (x, PL_CAMPAIGN_NAME) ? pl_item_get_string (x, PL_CAMPAIGN_NAME) : "",
                            pl_item_get_string (y, PL_CAMPAIGN_NAME) ? pl_item_get_string (y, PL_CAMPAIGN_NAME) : "");
  return order;
}

/* The headers are the column view's: clicking one sorts by it, again the other way. GTK 4.8
 * says neither which column that is nor which way (4.10 does), and inverts a column's own
 * order for "descending", which would put what is not available first. So each column's
 * sorter only answers a probe: two marker objects compared through the view's sorter tell
 * whether a column is sorted by, and which way; the list's own sorter does the sorting. */
typedef struct {
  PlCampaignsPage *page;
  ListColumn       column;
} Probe;

static int
probe_compare (gconstpointer a, gconstpointer b, gpointer data)
{
  Probe *probe = data;
  PlCampaignsPage *self = probe->page;

  return self->probing == (int) probe->column && a == (gconstpointer) self->probe_a && b == (gconstpointer) self->probe_b
           ? GTK_ORDERING_SMALLER : GTK_ORDERING_EQUAL;
}

/* 1 when the view sorts by @column ascending, -1 descending, 0 not at all. */
static int
probe_column (PlCampaignsPage *self, ListColumn column)
{
  GtkOrdering order;

  self->probing = (int) column;
  order = gtk_sorter_compare (gtk_column_view_get_sorter (self->list), self->probe_a, self->probe_b);
  self->probing = -1;
  return order == GTK_ORDERING_SMALLER ? 1 : order == GTK_ORDERING_LARGER ? -1 : 0;
}

static void
resort (PlCampaignsPage *self)
{
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void refresh_figure_labels (PlCampaignsPage *self);

static void
on_header_sort_changed_cb (PlCampaignsPage *self)
{
  int direction[N_COLS];
  int chosen = -1;
  guint sorted = 0;

  if (self->resetting)
    return;
  for (guint c = 0; c < N_COLS; c++)
    sorted += (direction[c] = probe_column (self, (ListColumn) c)) != 0;
  /* A column newly sorted by is the one just clicked; else the same one, turned round. */
  for (guint c = 0; c < N_COLS && chosen < 0; c++)
    if (direction[c] != 0 && (int) c != self->sort_column)
      chosen = (int) c;
  if (chosen < 0 && self->sort_column >= 0 && direction[self->sort_column] != 0)
    chosen = self->sort_column;
  self->sort_column = chosen;
  self->sort_descending = chosen >= 0 && direction[chosen] < 0;
  /* The view remembers the columns sorted before as tie-breakers: only the last one counts. */
  if (sorted > 1)
    {
      self->resetting = TRUE;
      gtk_column_view_sort_by_column (self->list, self->columns[chosen],
                                      self->sort_descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      self->resetting = FALSE;
    }
  if (ensure_figures (self))
    {
      refresh_caption (self);
      refresh_figure_labels (self);
    }
  resort (self);
}

static void
update_count (PlCampaignsPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint all = self->plan ? pl_plan_get_n (self->plan, PL_COLLECTION_CAMPAIGNS) : 0;
  g_autofree char *text = shown == all ? g_strdup_printf (ngettext ("%u campaign", "%u campaigns", all), all)
                                       : g_strdup_printf (ngettext ("%u of %u campaign", "%u of %u campaigns", all), shown, all);

  gtk_label_set_label (self->count_label, text);
}

static void
on_filter_changed_cb (PlCampaignsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The drop-down's order takes over from a header clicked. */
static void
on_sort_changed_cb (PlCampaignsPage *self)
{
  self->resetting = TRUE;
  gtk_column_view_sort_by_column (self->list, NULL, GTK_SORT_ASCENDING);
  self->resetting = FALSE;
  self->sort_column = -1;
  resort (self);
}

/* ---- drop-downs of the plan's records ---- */

static void
setup_choice_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize != NULL)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
  if (ellipsize != NULL)
    pl_tooltip_set (gtk_list_item_get_child (item), text);
}

static GtkListItemFactory *
choice_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), GINT_TO_POINTER (ellipsize));
  return factory;
}

/* A drop-down of the editor whose choice is cut short rather than widening the editor: a long
 * segment's name would take the room of the list's figures. Whole in its list and tooltip. */
static void
narrow_drop_down (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button = choice_factory (TRUE);
  g_autoptr(GtkListItemFactory) list = choice_factory (FALSE);

  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

/* Fills @dropdown with @first then the names of @collection; returns the IDs by position. */
static GStrv
fill_records (PlCampaignsPage *self, GtkDropDown *dropdown, PlCollection collection, const char *first)
{
  GListModel *records = pl_plan_get_collection (self->plan, collection);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  gtk_string_list_append (names, first);
  g_strv_builder_add (ids, "");
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(PlItem) record = g_list_model_get_item (records, i);
      gtk_string_list_append (names, pl_item_get_display_name (record));
      g_strv_builder_add (ids, pl_item_get_id (record));
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  return g_strv_builder_end (ids);
}

static guint
position_of (GStrv ids, const char *id)
{
  for (guint i = 1; ids != NULL && ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;
  return 0;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The channels named by the campaigns, sorted; NULL-terminated. */
static GStrv
collect_channels (PlCampaignsPage *self)
{
  GListModel *campaigns = pl_plan_get_collection (self->plan, PL_COLLECTION_CAMPAIGNS);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) channels = g_ptr_array_new ();

  for (guint i = 0, n = g_list_model_get_n_items (campaigns); i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      const char *name = pl_item_get_string (campaign, PL_CAMPAIGN_CHANNEL);
      if (name != NULL && g_hash_table_add (seen, (gpointer) name))
        g_ptr_array_add (channels, (gpointer) name);
    }
  g_ptr_array_sort (channels, compare_names);
  g_ptr_array_add (channels, NULL);
  return g_strdupv ((char **) channels->pdata);
}

/* The filters' choices follow the channels the campaigns name and the plan's segments and
 * members, each made again only when its own list changed; what was chosen stays chosen. */
static void
rebuild_choices (PlCampaignsPage *self, PlChangeMask change)
{
  guint segment = gtk_drop_down_get_selected (self->segment_filter);
  guint owner = gtk_drop_down_get_selected (self->owner_filter);
  g_autofree char *segment_before = NULL, *owner_before = NULL;

  if (self->channels == NULL || self->channels_stale)
    {
      g_auto(GStrv) channels = collect_channels (self);

      self->channels_stale = FALSE;
      if (self->channels == NULL || !g_strv_equal ((const char * const *) channels, (const char * const *) self->channels))
        {
          guint channel = gtk_drop_down_get_selected (self->channel_filter);
          g_autofree char *channel_before = NULL;
          g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
          guint select = 0;

          if (self->channels != NULL && channel > 0 && channel != GTK_INVALID_LIST_POSITION)
            channel_before = g_strdup (self->channels[channel - 1]);
          gtk_string_list_append (names, _("All channels"));
          for (guint i = 0; channels[i] != NULL; i++)
            {
              gtk_string_list_append (names, channels[i]);
              if (g_strcmp0 (channels[i], channel_before) == 0)
                select = i + 1;
            }
          g_strfreev (self->channels);
          self->channels = g_steal_pointer (&channels);
          gtk_drop_down_set_model (self->channel_filter, G_LIST_MODEL (names));
          gtk_drop_down_set_selected (self->channel_filter, select);
        }
    }
  if (change & pl_change_for_collection (PL_COLLECTION_SEGMENTS))
    {
      if (self->segment_ids != NULL && segment != GTK_INVALID_LIST_POSITION && segment > 0)
        segment_before = g_strdup (self->segment_ids[segment]);
      g_strfreev (self->segment_ids);
      self->segment_ids = fill_records (self, self->segment_filter, PL_COLLECTION_SEGMENTS, _("All segments"));
      gtk_drop_down_set_selected (self->segment_filter, position_of (self->segment_ids, segment_before));
    }
  if (change & pl_change_for_collection (PL_COLLECTION_MEMBERS))
    {
      if (self->owner_ids != NULL && owner != GTK_INVALID_LIST_POSITION && owner > 0)
        owner_before = g_strdup (self->owner_ids[owner]);
      g_strfreev (self->owner_ids);
      self->owner_ids = fill_records (self, self->owner_filter, PL_COLLECTION_MEMBERS, _("All owners"));
      gtk_drop_down_set_selected (self->owner_filter, position_of (self->owner_ids, owner_before));
    }
}

/* ---- the editor ---- */

static GtkTextView *
brief_view (PlCampaignsPage *self, guint field)
{
  switch (field)
    {
    case PL_CAMPAIGN_PROBLEM: return self->problem_text;
    case PL_CAMPAIGN_SUCCESS: return self->success_text;
    case PL_CAMPAIGN_AUDIENCE: return self->audience_text;
    case PL_CAMPAIGN_INACTION: return self->inaction_text;
    case PL_CAMPAIGN_NEXT_STEP: return self->next_step_text;
    default: return self->advantage_text;
    }
}

static void
show_problem (PlCampaignsPage *self, const GError *error)
{
  gtk_label_set_label (self->problem, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), error != NULL);
}

/* The campaign's figures to date in one line, as the list writes them; what is not
 * available says why. */
static void
refresh_results_summary (PlCampaignsPage *self)
{
  const PlCampaignFigures *listed = figures_current (self) ? figures_of (self, self->campaign) : NULL;
  PlCampaignFigures figures;
  PlBasis basis;
  g_autofree char *caption = NULL;
  g_autofree char *spent = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  /* The list's when they are up to date: a big plan's budget totals are not made again. */
  if (listed != NULL)
    figures = *listed;
  else
    {
      basis = pl_campaign_figures_basis (self->plan);
      pl_campaign_figures_get (self->plan, NULL, PL_CAMPAIGN (self->campaign), &basis, &figures);
    }
  caption = pl_campaign_figures_caption (self->plan, &figures.basis);
  spent = pl_campaign_column_text (self->plan, &figures, PL_CAMPAIGN_COLUMN_SPENT, NULL);
  /* Translators: the basis ("Figures to date: January to June 2027"), then the campaign's spend */
  g_string_printf (text, _("%s. Spent %s"), caption, spent);
  for (PlCampaignColumn column = PL_CAMPAIGN_COLUMN_RESULT; column <= PL_CAMPAIGN_COLUMN_ROI; column++)
    {
      g_autofree char *why = NULL;
      g_autofree char *cell = pl_campaign_column_text (self->plan, &figures, column, &why);

      if (g_strcmp0 (cell, "–") != 0 && column == PL_CAMPAIGN_COLUMN_ROI)
        /* Translators: a campaign's return on investment, "ROI 220 %" */
        g_string_append_printf (text, _(" · ROI %s"), cell);
      else if (g_strcmp0 (cell, "–") != 0)
        /* The cost says what it is per ("€42 per lead"), as its cell's tooltip does. */
        g_string_append_printf (text, " · %s", column == PL_CAMPAIGN_COLUMN_COST && why != NULL ? why : cell);
      /* The result says why there is none; the cost per result would only say it again. */
      else if (why != NULL && column != PL_CAMPAIGN_COLUMN_COST)
        g_string_append_printf (text, " · %s", why);
    }
  g_string_append (text, ".");
  gtk_label_set_label (self->results_summary, text->str);
}

static void
refresh_budget (PlCampaignsPage *self)
{
  gint64 allocated = pl_figures_campaign_allocated (self->plan, PL_CAMPAIGN (self->campaign));
  gint64 actual = pl_figures_campaign_actual (self->plan, PL_CAMPAIGN (self->campaign));
  /* To the whole unit, as the Results line under it and the list: one page does not say
   * 98,222.92 and 98,223 of the same spend. */
  g_autofree char *a = pl_campaign_whole_amount (self->plan, allocated, FALSE);
  g_autofree char *s = pl_campaign_whole_amount (self->plan, actual, FALSE);
  double used = pl_figures_percent_used (allocated, actual);
  g_autofree char *text = NULL;

  if (allocated == 0 && actual == 0)
    text = g_strdup (_("No budget line is allocated to this campaign yet (see the Budget page)."));
  else if (isnan (used))
    text = g_strdup_printf (_("Allocated %s · spent %s"), a, s);
  else
    {
      gint64 left = pl_money_difference (allocated, actual);
      g_autofree char *r = pl_campaign_whole_amount (self->plan, left < 0 ? -left : left, FALSE);
      g_autofree char *share = pl_percent_format (used * 100, 0);

      if (left < 0)
        /* Over budget said as the dashboard says it, never as a negative remainder.
         * Translators: the campaign's allocated budget, its actual spend, that spend as a share
         * of the allocation, how much it is over ("€223 over") */
        text = g_strdup_printf (_("Allocated %s · spent %s (%s of the allocation) · %s over budget"), a, s, share, r);
      else
        /* Translators: the campaign's allocated budget, its actual spend, that spend as a share of
         * the allocation ("used" on its own is the budget's spend to date against its plan), what remains */
        text = g_strdup_printf (_("Allocated %s · spent %s (%s of the allocation) · %s remaining"), a, s, share, r);
    }
  gtk_label_set_label (self->budget, text);
}

static void on_ref_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, PlCampaignsPage *self);
static void show_editor_pane (PlCampaignsPage *self);
static void on_status_selected_cb (PlCampaignsPage *self);

/* Sets what @dropdown shows without making it an edit: its handler would read a drop-down
 * being refilled (at the first choice) as the user's choice. */
static void
show_choice (PlCampaignsPage *self, GtkDropDown *dropdown, GCallback handler, guint position)
{
  g_signal_handlers_block_by_func (dropdown, handler, self);
  gtk_drop_down_set_selected (dropdown, position);
  g_signal_handlers_unblock_by_func (dropdown, handler, self);
}

/* The editor's segment and owner drop-downs offer the plan's segments and members. */
static void
fill_editor_choices (PlCampaignsPage *self)
{
  g_signal_handlers_block_by_func (self->segment, on_ref_selected_cb, self);
  g_signal_handlers_block_by_func (self->owner, on_ref_selected_cb, self);
  g_strfreev (self->segment_choices);
  self->segment_choices = fill_records (self, self->segment, PL_COLLECTION_SEGMENTS, _("No segment"));
  g_strfreev (self->owner_choices);
  self->owner_choices = fill_records (self, self->owner, PL_COLLECTION_MEMBERS, _("No owner"));
  g_signal_handlers_unblock_by_func (self->segment, on_ref_selected_cb, self);
  g_signal_handlers_unblock_by_func (self->owner, on_ref_selected_cb, self);
}

/* Shows the fields of the campaign being edited. */
static void
show_fields (PlCampaignsPage *self)
{
  g_autofree char *start = NULL, *end = NULL;
  const char *reason;

  gtk_editable_set_text (GTK_EDITABLE (self->name), pl_item_get_string (self->campaign, PL_CAMPAIGN_NAME) ? pl_item_get_string (self->campaign, PL_CAMPAIGN_NAME) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->channel), pl_item_get_string (self->campaign, PL_CAMPAIGN_CHANNEL) ? pl_item_get_string (self->campaign, PL_CAMPAIGN_CHANNEL) : "");
  start = pl_field_format (self->plan, self->campaign, PL_CAMPAIGN_START);
  end = pl_field_format (self->plan, self->campaign, PL_CAMPAIGN_END);
  gtk_editable_set_text (GTK_EDITABLE (self->start), start);
  gtk_editable_set_text (GTK_EDITABLE (self->end), end);
  gtk_editable_set_text (GTK_EDITABLE (self->code), pl_item_get_string (self->campaign, PL_CAMPAIGN_CODE) ? pl_item_get_string (self->campaign, PL_CAMPAIGN_CODE) : "");
  show_choice (self, self->segment, G_CALLBACK (on_ref_selected_cb),
               position_of (self->segment_choices, pl_item_get_string (self->campaign, PL_CAMPAIGN_SEGMENT)));
  show_choice (self, self->owner, G_CALLBACK (on_ref_selected_cb),
               position_of (self->owner_choices, pl_item_get_string (self->campaign, PL_CAMPAIGN_OWNER)));
  show_choice (self, self->status, G_CALLBACK (on_status_selected_cb), (guint) pl_item_get_int (self->campaign, PL_CAMPAIGN_STATUS));
  reason = pl_item_get_string (self->campaign, PL_CAMPAIGN_STOP_REASON);
  if (reason != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Stopped because: %s"), reason);
      gtk_label_set_label (self->stop_reason, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->stop_reason),
                          pl_item_get_int (self->campaign, PL_CAMPAIGN_STATUS) == PL_STATUS_STOPPED && reason != NULL);
  for (guint field = PL_CAMPAIGN_PROBLEM; field <= PL_CAMPAIGN_NEXT_STEP; field++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (brief_view (self, field));
      const char *text = pl_item_get_string (self->campaign, field);
      GtkTextIter a, b;
      g_autofree char *current = NULL;

      gtk_text_buffer_get_bounds (buffer, &a, &b);
      current = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
      if (g_strcmp0 (current, text ? text : "") != 0)
        gtk_text_buffer_set_text (buffer, text ? text : "", -1);
    }
}

static void
commit_entry (PlCampaignsPage *self, GtkEntry *entry)
{
  guint field = entry == self->name ? PL_CAMPAIGN_NAME : entry == self->channel ? PL_CAMPAIGN_CHANNEL
              : entry == self->start ? PL_CAMPAIGN_START : entry == self->code ? PL_CAMPAIGN_CODE : PL_CAMPAIGN_END;
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;

  if (self->campaign == NULL)
    return;
  current = pl_field_format (self->plan, self->campaign, field);
  if (g_strcmp0 (current, gtk_editable_get_text (GTK_EDITABLE (entry))) == 0)
    return;
  if (!pl_field_apply (self->plan, self->campaign, field, gtk_editable_get_text (GTK_EDITABLE (entry)), TRUE, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      show_problem (self, error);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  show_problem (self, NULL);
}

static void
on_entry_activate_cb (GtkEntry *entry, PlCampaignsPage *self)
{
  commit_entry (self, entry);
}

static void
on_entry_leave_cb (GtkEventControllerFocus *focus, PlCampaignsPage *self)
{
  commit_entry (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))));
}

static void
on_brief_leave_cb (GtkEventControllerFocus *focus, PlCampaignsPage *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));
  guint field = PL_CAMPAIGN_PROBLEM;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter a, b;
  g_autofree char *text = NULL;
  const char *current;

  while (field < PL_CAMPAIGN_NEXT_STEP && brief_view (self, field) != view)
    field++;
  if (self->campaign == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &a, &b);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &a, &b, FALSE));
  current = pl_item_get_string (self->campaign, field);
  /* One edit per answer, made when the answer is left: undo takes back a whole answer. */
  if (g_strcmp0 (current ? current : "", text) != 0)
    pl_plan_set_string (self->plan, self->campaign, field, *text ? text : NULL, NULL);
}

static void
on_ref_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, PlCampaignsPage *self)
{
  char **ids = dropdown == self->segment ? self->segment_choices : self->owner_choices;
  guint field = dropdown == self->segment ? PL_CAMPAIGN_SEGMENT : PL_CAMPAIGN_OWNER;
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *id;

  if (self->campaign == NULL || ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length (ids))
    return;
  id = ids[selected];
  if (g_strcmp0 (id, pl_item_get_string (self->campaign, field) ? pl_item_get_string (self->campaign, field) : "") != 0)
    pl_plan_set_string (self->plan, self->campaign, field, *id ? id : NULL, NULL);
}

static void
on_stop_response_cb (GtkDialog *dialog, int response, PlCampaignsPage *self)
{
  GtkEntry *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  /* Without a reason the campaign is not stopped (the dialog's text asks for one). */
  if (response == GTK_RESPONSE_ACCEPT && *reason != '\0' && self->campaign != NULL)
    pl_campaign_stop (self->plan, self->campaign, reason, NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* Cancelled: the status drop-down goes back to the campaign's status. */
  if (self->campaign != NULL)
    show_fields (self);
}

static void
ask_stop_reason (PlCampaignsPage *self)
{
  GtkWidget *dialog, *entry;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, GTK_DIALOG_MODAL,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, _("Why stop “%s”?"),
                                   pl_item_get_string (self->campaign, PL_CAMPAIGN_NAME));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Say what the figures showed, so the next review learns from it."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("The cost per lead stayed three times the target"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog))), entry);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Stop the Campaign"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (dialog, "response", G_CALLBACK (on_stop_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_status_selected_cb (PlCampaignsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status);

  if (self->campaign == NULL || selected == GTK_INVALID_LIST_POSITION ||
      (gint64) selected == pl_item_get_int (self->campaign, PL_CAMPAIGN_STATUS))
    return;
  if (selected == PL_STATUS_STOPPED)
    ask_stop_reason (self);
  else
    pl_plan_set_int (self->plan, self->campaign, PL_CAMPAIGN_STATUS, selected, NULL);
}

static void
set_campaign (PlCampaignsPage *self, PlItem *campaign)
{
  if (campaign == self->campaign && campaign != NULL)
    return;
  /* Another campaign chosen: the one just added is done with, its problems may show. */
  if (self->plan != NULL && self->campaign != NULL && campaign != self->campaign &&
      pl_plan_is_filling (self->plan, pl_item_get_id (self->campaign)))
    pl_plan_set_filling (self->plan, NULL);
  g_set_object (&self->campaign, campaign);
  show_problem (self, NULL);
  gtk_stack_set_visible_child_name (self->editor_stack, campaign != NULL ? "editor" : "none");
  show_editor_pane (self);
  pl_record_table_set_filter (self->kpis, PL_CAMPAIGN_KPI_CAMPAIGN, campaign ? pl_item_get_id (campaign) : NULL);
  pl_record_table_set_filter (self->entries, PL_ENTRY_CAMPAIGN, campaign ? pl_item_get_id (campaign) : NULL);
  pl_campaign_results_grid_set_campaign (self->results, campaign);
  if (campaign != NULL)
    {
      show_fields (self);
      refresh_budget (self);
      refresh_results_summary (self);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaigns.duplicate", campaign != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaigns.delete", campaign != NULL);
}

/* The selection follows the campaign through moves in the sort order; a campaign deleted
 * (or an undone creation) leaves nothing selected. */
static void
on_selection_changed_cb (PlCampaignsPage *self)
{
  set_campaign (self, gtk_single_selection_get_selected_item (self->selection));
}

/* ---- list cells ---- */

/* What one column of the list shows. */
typedef struct {
  PlCampaignsPage *page;
  ListColumn       column;
  guint            field;     /* the campaign's field, for the columns of its record */
} Column;

static void
setup_label_cb (GtkSignalListItemFactory *factory, GtkListItem *item, Column *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), IS_FIGURE_COLUMN (column->column) ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (IS_FIGURE_COLUMN (column->column))
    gtk_widget_add_css_class (label, "numeric");
  /* A name cut short still says which campaign it is. */
  if (column->column == COL_NAME)
    gtk_label_set_width_chars (GTK_LABEL (label), NAME_MIN_CHARS);
  gtk_list_item_set_child (item, label);
}

/* A figure cell: its text, and in its tooltip what it means or why it is not available. */
static void
refresh_figure_label (PlCampaignsPage *self, GtkLabel *label)
{
  PlItem *campaign = g_object_get_data (G_OBJECT (label), "campaign");
  ListColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "column"));
  const PlCampaignFigures *figures;
  g_autofree char *text = NULL, *tip = NULL;

  if (campaign == NULL)
    return;
  figures = self->view != VIEW_SCHEDULE ? figures_of (self, campaign) : NULL;
  if (figures != NULL)
    text = pl_campaign_column_cell (self->plan, figures, (PlCampaignColumn) (column - COL_BUDGET), &tip);
  if (g_strcmp0 (gtk_label_get_label (label), text ? text : "") != 0)
    gtk_label_set_label (label, text ? text : "");
  pl_tooltip_set (GTK_WIDGET (label), tip);
}

static void
refresh_figure_labels (PlCampaignsPage *self)
{
  for (guint i = 0; i < self->figure_labels->len; i++)
    refresh_figure_label (self, g_ptr_array_index (self->figure_labels, i));
}

static void
bind_label_cb (GtkSignalListItemFactory *factory, GtkListItem *item, Column *column)
{
  PlItem *campaign = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (IS_FIGURE_COLUMN (column->column))
    {
      g_object_set_data (G_OBJECT (label), "campaign", campaign);
      g_object_set_data (G_OBJECT (label), "column", GUINT_TO_POINTER (column->column));
      g_ptr_array_add (column->page->figure_labels, label);
      ensure_figures (column->page);
      refresh_figure_label (column->page, GTK_LABEL (label));
      return;
    }
  if (column->field == PL_CAMPAIGN_STATUS)
    text = g_strdup (pl_enum_get_label (PL_TYPE_CAMPAIGN_STATUS, (int) pl_item_get_int (campaign, column->field)));
  else
    text = pl_field_format (column->page->plan, campaign, column->field);
  gtk_label_set_label (GTK_LABEL (label), text);
  /* A long name is cut to leave the figures their room: the whole of it on hover. */
  if (column->column == COL_NAME)
    pl_tooltip_set (label, text);
}

static void
unbind_label_cb (GtkSignalListItemFactory *factory, GtkListItem *item, Column *column)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  if (IS_FIGURE_COLUMN (column->column))
    {
      g_ptr_array_remove_fast (column->page->figure_labels, label);
      g_object_set_data (G_OBJECT (label), "campaign", NULL);
    }
}

/* The width @title takes in a column's header, bold, with its padding and the sort arrow:
 * a translation longer than the English is not cut short. */
static int
title_width (PlCampaignsPage *self, const char *title)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->list), title);
  PangoAttrList *attrs = pango_attr_list_new ();
  int width;

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width + 24;
}

static void
add_list_column (PlCampaignsPage *self, ListColumn which, guint field, const char *title, int width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  Column *shown = g_new (Column, 1);
  Probe *probe = g_new (Probe, 1);
  GtkCustomSorter *sorter;

  *shown = (Column) { self, which, field };
  *probe = (Probe) { self, which };
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), shown);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_label_cb), shown, (GClosureNotify) (void (*) (void)) g_free, 0);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_label_cb), shown);
  column = gtk_column_view_column_new (title, factory);
  /* The name takes what the others leave: its cells are cut short (ellipsized) when the
   * list is narrow, so its width goes from a few letters to the whole name. */
  gtk_column_view_column_set_expand (column, width == 0);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, MAX ((int) (width * pl_a11y_text_scale ()), title_width (self, title)));
  gtk_column_view_column_set_resizable (column, TRUE);
  sorter = gtk_custom_sorter_new (probe_compare, probe, g_free);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  g_object_unref (sorter);
  gtk_column_view_append_column (self->list, column);
  /* Kept: the views take columns out of the list and put them back. */
  self->columns[which] = g_object_ref (column);
}

/* ---- the ranking chart ---- */

/* The chart draws the list's figures (the same basis, computed once for both), not its own:
 * they are most of its cost in a big plan. */
static void
draw_ranking_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PlCampaignsPage *self = data;
  PlCampaignRankingOptions options = { area == self->ranking_roi ? PL_CAMPAIGN_RANK_ROI : PL_CAMPAIGN_RANK_COST, NULL };
  const PlChartStyle *style = pl_chart_theme_for_widget (GTK_WIDGET (area));
  g_autoptr(PlCampaignRankingLayout) layout = NULL;
  g_autofree char *summary = NULL;

  if (self->plan == NULL)
    return;
  ensure_figures (self);
  if (self->figures == NULL)
    return;
  pl_chart_theme_zoom (cr, &width, &height);
  layout = pl_campaign_ranking_layout_new (self->plan, self->figures, &options, width, height, style);
  /* A short ranking leaves the rest of the box blank: the page shows there, not an empty canvas. */
  if (layout->n_ranked > 0)
    {
      cairo_rectangle (cr, 0, 0, width, MIN (height, pl_campaign_ranking_layout_height (layout) + 8));
      cairo_clip (cr);
    }
  summary = pl_campaign_ranking_chart_paint (self->plan, layout, cr, width, height, style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
}

static void
on_rank_by_toggled_cb (GtkToggleButton *button, PlCampaignsPage *self)
{
  if (gtk_toggle_button_get_active (button))
    gtk_stack_set_visible_child_name (self->ranking_stack, g_object_get_data (G_OBJECT (button), "mode"));
}

static GtkWidget *
ranking_area (PlCampaignsPage *self, const char *chart, const char *name)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_widget_set_vexpand (area, TRUE);
  gtk_widget_set_focusable (area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_ranking_cb, self, NULL);
  pl_chart_menu_attach (area, chart);
  pl_a11y_label (area, name);
  return area;
}

/* The Ranking view: the chart by ROI or by cost per result, a switch above it. */
static void
build_ranking (PlCampaignsPage *self)
{
  GtkWidget *child, *modes, *by_roi, *by_cost;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ranking_box))) != NULL)
    gtk_box_remove (self->ranking_box, child);
  gtk_box_set_spacing (self->ranking_box, 6);
  modes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (modes, "linked");
  gtk_widget_set_halign (modes, GTK_ALIGN_START);
  pl_a11y_label (modes, _("Rank the campaigns by"));
  by_roi = gtk_toggle_button_new_with_label (_("By ROI"));
  by_cost = gtk_toggle_button_new_with_label (_("By cost per result"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (by_cost), GTK_TOGGLE_BUTTON (by_roi));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (by_roi), TRUE);
  g_object_set_data (G_OBJECT (by_roi), "mode", (gpointer) "roi");
  g_object_set_data (G_OBJECT (by_cost), "mode", (gpointer) "cost");
  g_signal_connect (by_roi, "toggled", G_CALLBACK (on_rank_by_toggled_cb), self);
  g_signal_connect (by_cost, "toggled", G_CALLBACK (on_rank_by_toggled_cb), self);
  gtk_box_append (GTK_BOX (modes), by_roi);
  gtk_box_append (GTK_BOX (modes), by_cost);
  gtk_box_append (self->ranking_box, modes);
  self->ranking_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->ranking_stack), TRUE);
  self->ranking_roi = GTK_DRAWING_AREA (ranking_area (self, "campaign-roi", _("Campaigns ranked by ROI")));
  self->ranking_cost = GTK_DRAWING_AREA (ranking_area (self, "campaign-cost", _("Campaigns ranked by cost per result")));
  gtk_stack_add_named (self->ranking_stack, GTK_WIDGET (self->ranking_roi), "roi");
  gtk_stack_add_named (self->ranking_stack, GTK_WIDGET (self->ranking_cost), "cost");
  gtk_box_append (self->ranking_box, GTK_WIDGET (self->ranking_stack));
}

static void
redraw_ranking (PlCampaignsPage *self)
{
  if (self->ranking_roi != NULL && self->view == VIEW_RANKING)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self->ranking_roi));
      gtk_widget_queue_draw (GTK_WIDGET (self->ranking_cost));
    }
}

/* ---- the views: schedule, results, ranking ---- */

/* Over the figures, an editor with nothing to edit gives its width to the list; it comes
 * back with the campaign chosen. */
static void
show_editor_pane (PlCampaignsPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->editor_stack), self->campaign != NULL || self->view == VIEW_SCHEDULE);
}

static void
show_view (PlCampaignsPage *self, ListView view)
{
  if (view == self->view)
    return;
  self->view = view;
  /* Columns are taken out of the view rather than hidden: GTK 4.8 counts a hidden column's
   * width, and the list would scroll sideways over nothing. The header's sort goes with a
   * column taken out; the list keeps its order all the same, and shows it again with the
   * column. */
  self->resetting = TRUE;
  for (guint c = COL_CHANNEL; c < N_COLS; c++)
    if (gtk_column_view_column_get_column_view (self->columns[c]) != NULL)
      gtk_column_view_remove_column (self->list, self->columns[c]);
  for (guint c = COL_CHANNEL; c < N_COLS; c++)
    if (IS_FIGURE_COLUMN (c) == (view != VIEW_SCHEDULE))
      gtk_column_view_append_column (self->list, self->columns[c]);
  if (self->sort_column >= 0 && gtk_column_view_column_get_column_view (self->columns[self->sort_column]) != NULL)
    gtk_column_view_sort_by_column (self->list, self->columns[self->sort_column],
                                    self->sort_descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->resetting = FALSE;
  gtk_stack_set_visible_child_name (self->list_stack, view == VIEW_RANKING ? "ranking" : "list");
  show_editor_pane (self);
  ensure_figures (self);
  /* With a campaign open beside them, every figure column stays in sight: a CMO compares
   * the campaigns by them while editing one, and the name, cut to NAME_MIN_CHARS letters
   * (the whole of it on hover and in the editor), is the one to give way. The editor takes
   * the rest, down to its own minimum in a narrow window, where the list scrolls. */
  if (view != VIEW_SCHEDULE)
    gtk_paned_set_position (self->paned, figures_list_width (self));
  gtk_widget_set_visible (GTK_WIDGET (self->basis_caption), view != VIEW_SCHEDULE);
  /* The chart has its own order. */
  gtk_widget_set_visible (GTK_WIDGET (self->sort_order), view != VIEW_RANKING);
  gtk_widget_set_visible (GTK_WIDGET (self->sort_label), view != VIEW_RANKING);
  refresh_caption (self);
  refresh_figure_labels (self);
  redraw_ranking (self);
}

static void
on_view_toggled_cb (GtkToggleButton *button, PlCampaignsPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  show_view (self, button == self->view_results ? VIEW_RESULTS : button == self->view_ranking ? VIEW_RANKING : VIEW_SCHEDULE);
}

/* ---- actions ---- */

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlCampaignsPage *self = PL_CAMPAIGNS_PAGE (widget);
  /* Not "no dates" or "linked to no KPI" in the other pages before the user has filled it in. */
  const PlCampaignDraft draft = { .filling = TRUE };
  PlItem *campaign;

  if (self->plan == NULL)
    return;
  /* Cannot be refused: nothing in it comes from elsewhere. */
  campaign = pl_campaign_add (self->plan, &draft, NULL);
  pl_campaigns_page_select (self, campaign);
  gtk_widget_grab_focus (GTK_WIDGET (self->name));
}

static void
duplicate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlCampaignsPage *self = PL_CAMPAIGNS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  PlItem *copy;

  if (self->campaign == NULL)
    return;
  copy = pl_campaign_duplicate (self->plan, self->campaign, &error);
  if (copy == NULL)
    {
      show_problem (self, error);
      return;
    }
  pl_campaigns_page_select (self, copy);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlCampaignsPage *self = PL_CAMPAIGNS_PAGE (widget);

  if (self->campaign != NULL)
    pl_delete_dialog_present (widget, self->plan, self->campaign);
}

/* Attaches the campaign shown to the KPI named by @parameter: a link without an expected
 * contribution, which its row in the results grid and under "KPIs It Moves" then shows and
 * the user types at once. */
static void
attach_kpi_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlCampaignsPage *self = PL_CAMPAIGNS_PAGE (widget);
  g_autoptr(PlItem) link = NULL;

  if (self->campaign == NULL || pl_plan_lookup (self->plan, g_variant_get_string (parameter, NULL)) == NULL)
    return;
  link = g_object_new (PL_TYPE_CAMPAIGN_KPI, NULL);
  pl_item_set_string (link, PL_CAMPAIGN_KPI_CAMPAIGN, pl_item_get_id (self->campaign));
  pl_item_set_string (link, PL_CAMPAIGN_KPI_KPI, g_variant_get_string (parameter, NULL));
  /* What the user types next: how much the campaign should bring, under "KPIs It Moves". */
  pl_record_table_focus_when_shown (self->kpis, link, PL_CAMPAIGN_KPI_CONTRIBUTION);
  pl_plan_add (self->plan, link);
}

/* The KPIs the campaign is not attached to yet, made as the menu opens. */
static void
prepare_attach_menu_cb (GtkMenuButton *button, gpointer data)
{
  PlCampaignsPage *self = data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GHashTable) attached = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *links, *kpis;
  const char *id;

  if (self->plan == NULL || self->campaign == NULL)
    return;
  id = pl_item_get_id (self->campaign);
  links = pl_plan_get_collection (self->plan, PL_COLLECTION_CAMPAIGN_KPIS);
  for (guint i = 0, n = g_list_model_get_n_items (links); i < n; i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      if (g_strcmp0 (pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN), id) == 0 && pl_item_get_string (link, PL_CAMPAIGN_KPI_KPI))
        g_hash_table_add (attached, (gpointer) pl_item_get_string (link, PL_CAMPAIGN_KPI_KPI));
    }
  kpis = pl_plan_get_collection (self->plan, PL_COLLECTION_KPIS);
  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      const char *formula = pl_item_get_string (kpi, PL_KPI_FORMULA);

      /* A computed KPI (CPL, CAC) is no campaign's result. */
      if (g_hash_table_contains (attached, pl_item_get_id (kpi)) || (formula != NULL && *formula != '\0'))
        continue;
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (pl_item_get_string (kpi, PL_KPI_NAME), NULL);
        g_menu_item_set_action_and_target_value (item, "campaigns.attach-kpi", g_variant_new_string (pl_item_get_id (kpi)));
        g_menu_append_item (menu, item);
      }
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* ---- following the figures ---- */

/* What follows the campaigns' figures: the list's figure cells and order, the hints, the
 * campaign's summary. */
static void
update_figures (PlCampaignsPage *self)
{
  PlBasis basis;

  if (self->plan == NULL)
    return;
  if (ensure_figures (self))
    {
      refresh_caption (self);
      refresh_figure_labels (self);
      redraw_ranking (self);
      /* The list keeps its order through edits: a figure that changed moves its row. */
      if (IS_FIGURE_COLUMN (self->sort_column))
        resort (self);
    }
  basis = self->figures ? self->basis : pl_campaign_figures_basis (self->plan);
  pl_campaign_hints_update (self->hints, self->plan, &basis);
  if (self->campaign != NULL)
    refresh_results_summary (self);
}

static gboolean
figures_idle_cb (gpointer data)
{
  PlCampaignsPage *self = data;

  self->figures_idle = 0;
  update_figures (self);
  return G_SOURCE_REMOVE;
}

/* Every campaign's figures take a tenth of a second in a plan of 20,000: they are made
 * again once the edit that changed them is drawn, not before. */
static void
queue_figures (PlCampaignsPage *self)
{
  if (self->figures_idle == 0)
    self->figures_idle = g_idle_add_full (G_PRIORITY_LOW, figures_idle_cb, self, NULL);
}

/* ---- PlPage ---- */

/* The channels are collected again only after this, not on every edit of a campaign. */
static void
on_channels_changed_cb (PlCampaignsPage *self)
{
  self->channels_stale = TRUE;
}

static void
pl_campaigns_page_bind (PlPage *page, PlPlan *plan)
{
  PlCampaignsPage *self = PL_CAMPAIGNS_PAGE (page);

  set_campaign (self, NULL);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (pl_plan_get_collection (self->plan, PL_COLLECTION_CAMPAIGNS),
                                          on_channels_changed_cb, self);
  g_set_object (&self->plan, plan);
  g_clear_pointer (&self->channels, g_strfreev);
  if (plan != NULL)
    {
      GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
      /* Filtered first, so that only what is shown is sorted. */
      GListModel *live = G_LIST_MODEL (pl_live_list_new (campaigns, listed_fields));
      GtkFilterListModel *filtered = gtk_filter_list_model_new (live, g_object_ref (GTK_FILTER (self->filter)));
      GtkSortListModel *sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), g_object_ref (GTK_SORTER (self->sorter)));

      g_signal_connect_object (live, "item-notify::channel", G_CALLBACK (on_channels_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_swapped (campaigns, "items-changed", G_CALLBACK (on_channels_changed_cb), self);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (sorted));
      g_object_unref (sorted);
    }
  else
    gtk_single_selection_set_model (self->selection, NULL);
  pl_record_table_set_plan (self->kpis, plan);
  pl_record_table_set_plan (self->entries, plan);
  pl_campaign_results_grid_set_plan (self->results, plan);
  /* Another plan may have the same serials: what was computed for the last one goes. */
  self->figures_serial = 0;
  g_clear_pointer (&self->figures_by, g_hash_table_unref);
  g_clear_pointer (&self->figures, g_array_unref);
  update_count (self);
}

static void
pl_campaigns_page_refresh (PlPage *page, PlChangeMask change)
{
  PlCampaignsPage *self = PL_CAMPAIGNS_PAGE (page);

  rebuild_choices (self, change);
  if (change & CHOICE_CHANGES)
    fill_editor_choices (self);
  if (change & FIGURE_CHANGES)
    queue_figures (self);
  if (self->campaign == NULL)
    return;
  if (change & (CHOICE_CHANGES | pl_change_for_collection (PL_COLLECTION_CAMPAIGNS)))
    show_fields (self);
  if (change & FIGURE_CHANGES)
    refresh_budget (self);
}

/* A campaign, or a calendar item of one: the campaign, with its items in its editor. */
static gboolean
pl_campaigns_page_select_item (PlPage *page, PlItem *item)
{
  PlPlan *plan = pl_page_get_plan (page);

  if (PL_IS_ENTRY (item) && plan != NULL)
    item = pl_plan_lookup (plan, pl_item_get_string (item, PL_ENTRY_CAMPAIGN));
  if (item == NULL || !PL_IS_CAMPAIGN (item))
    return FALSE;
  pl_page_present (page);
  pl_campaigns_page_select (PL_CAMPAIGNS_PAGE (page), item);
  return TRUE;
}

/* ---- GObject ---- */

static void
pl_campaigns_page_dispose (GObject *object)
{
  PlCampaignsPage *self = PL_CAMPAIGNS_PAGE (object);
  GtkWidget *child;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (pl_plan_get_collection (self->plan, PL_COLLECTION_CAMPAIGNS),
                                          on_channels_changed_cb, self);
  g_clear_handle_id (&self->figures_idle, g_source_remove);
  g_clear_object (&self->plan);
  g_clear_object (&self->campaign);
  /* The list's columns go with it, and its sorter says so: nothing to sort any more. */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->list), on_header_sort_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_CAMPAIGNS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_pointer (&self->figures_by, g_hash_table_unref);
  g_clear_pointer (&self->figures, g_array_unref);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  for (guint c = 0; c < N_COLS; c++)
    g_clear_object (&self->columns[c]);
  G_OBJECT_CLASS (pl_campaigns_page_parent_class)->dispose (object);
}

static void
pl_campaigns_page_finalize (GObject *object)
{
  PlCampaignsPage *self = PL_CAMPAIGNS_PAGE (object);

  g_strfreev (self->channels);
  g_strfreev (self->segment_ids);
  g_strfreev (self->owner_ids);
  g_strfreev (self->segment_choices);
  g_strfreev (self->owner_choices);
  g_ptr_array_unref (self->figure_labels);
  G_OBJECT_CLASS (pl_campaigns_page_parent_class)->finalize (object);
}

static gboolean
pl_campaigns_page_is_empty (PlPage *page)
{
  PlCampaignsPage *self = PL_CAMPAIGNS_PAGE (page);

  return self->plan != NULL && pl_plan_get_n (self->plan, PL_COLLECTION_CAMPAIGNS) == 0;
}

static void
pl_campaigns_page_class_init (PlCampaignsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  PlPageClass *page_class = PL_PAGE_CLASS (klass);

  object_class->dispose = pl_campaigns_page_dispose;
  object_class->finalize = pl_campaigns_page_finalize;
  page_class->bind = pl_campaigns_page_bind;
  page_class->refresh = pl_campaigns_page_refresh;
  page_class->select_item = pl_campaigns_page_select_item;
  page_class->is_empty = pl_campaigns_page_is_empty;
  pl_page_class_set_title (page_class, N_("Campaigns"));
  pl_page_class_set_empty_state (page_class, N_("No Campaigns Yet"),
                                 N_("Campaigns are what marketing does with the budget, such as a webinar, an ad "
                                    "flight or a trade show, each with its dates, its cost and the KPIs it should move."),
                                 N_("_Add the First Campaign"), "campaigns.add", NULL, NULL);
  /* The list follows its records itself; the filters' choices, the figures and the editor
   * need these. */
  pl_page_class_set_shows (page_class, pl_change_for_collection (PL_COLLECTION_CAMPAIGNS) | CHOICE_CHANGES | BUDGET_CHANGES |
                                       FIGURE_CHANGES);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-campaigns-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, filters);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, channel_filter);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, segment_filter);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, sort_label);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, sort_order);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, view_schedule);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, view_results);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, view_ranking);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, basis_caption);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, ranking_box);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, hints_box);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, list);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, name);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, channel);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, segment);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, owner);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, start);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, end);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, code);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, status);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, stop_reason);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, problem);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, budget);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, problem_text);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, success_text);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, audience_text);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, inaction_text);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, advantage_text);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, next_step_text);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, kpis_box);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, results_box);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, results_summary);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, attach_kpi);
  gtk_widget_class_bind_template_child (widget_class, PlCampaignsPage, entries_box);

  gtk_widget_class_install_action (widget_class, "campaigns.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "campaigns.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "campaigns.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "campaigns.attach-kpi", "s", attach_kpi_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "campaigns.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "campaigns.duplicate", NULL);
}

/* A new calendar item is an activity on the campaign's first day (today without dates). */
static void
prepare_entry (PlPlan *plan, PlItem *entry, gpointer data)
{
  PlCampaignsPage *self = data;
  guint32 start = self->campaign ? pl_item_get_julian (self->campaign, PL_CAMPAIGN_START) : 0;

  pl_item_set_int (entry, PL_ENTRY_KIND, PL_ENTRY_ACTIVITY);
  pl_item_set_string (entry, PL_ENTRY_TITLE, _("New activity"));
  pl_item_set_julian (entry, PL_ENTRY_START, start != 0 ? start : pl_calendar_today ());
}

static void
wrap_filters (GtkWidget *filters)
{
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (filters), 1);
}

static void
pl_campaigns_page_init (PlCampaignsPage *self)
{
  const char *statuses[] = {
    pl_enum_get_label (PL_TYPE_CAMPAIGN_STATUS, PL_STATUS_PLANNED), pl_enum_get_label (PL_TYPE_CAMPAIGN_STATUS, PL_STATUS_RUNNING),
    pl_enum_get_label (PL_TYPE_CAMPAIGN_STATUS, PL_STATUS_COMPLETED), pl_enum_get_label (PL_TYPE_CAMPAIGN_STATUS, PL_STATUS_STOPPED), NULL
  };
  const char *status_filters[] = { _("All statuses"), statuses[0], statuses[1], statuses[2], statuses[3], NULL };
  const char *orders[] = { _("Start date"), _("Name"), _("Status"), NULL };
  GtkEntry *entries[] = { self->name, self->channel, self->start, self->end, self->code };

  gtk_widget_init_template (GTK_WIDGET (self));
  entries[0] = self->name;
  entries[1] = self->channel;
  entries[2] = self->start;
  entries[3] = self->end;
  entries[4] = self->code;
  /* The date as the user's locale writes it, which the field reads back. */
  {
    g_autofree char *example = pl_date_example ();

    gtk_entry_set_placeholder_text (self->start, example);
    gtk_entry_set_placeholder_text (self->end, example);
  }
  self->figure_labels = g_ptr_array_new ();
  self->sort_column = -1;
  self->probing = -1;
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  /* At large text the filters wrap onto two lines rather than widen the page; Tab goes
   * straight to each drop-down, not first to the box's own cell around it. */
  pl_a11y_when_large_text (GTK_WIDGET (self->filters), wrap_filters);
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self->filters)); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    gtk_widget_set_focusable (cell, FALSE);

  self->filter = gtk_custom_filter_new (filter_match, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_compare, self, NULL);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_count), self);
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  add_list_column (self, COL_NAME, PL_CAMPAIGN_NAME, _("Campaign"), 0);
  add_list_column (self, COL_CHANNEL, PL_CAMPAIGN_CHANNEL, _("Channel"), 150);
  add_list_column (self, COL_START, PL_CAMPAIGN_START, _("Starts"), 90);
  add_list_column (self, COL_STATUS, PL_CAMPAIGN_STATUS, _("Status"), 90);
  /* Titled and sized for the plan's currency and figures when they are computed
   * (fit_figure_columns()). */
  for (guint c = COL_BUDGET; c < N_COLS; c++)
    add_list_column (self, (ListColumn) c, 0, "", 60);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi", G_CALLBACK (on_text_scale_cb), self,
                           G_CONNECT_SWAPPED);
  self->view = VIEW_RESULTS;
  show_view (self, VIEW_SCHEDULE);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->list), "changed", G_CALLBACK (on_header_sort_changed_cb), self);
  g_signal_connect (self->view_schedule, "toggled", G_CALLBACK (on_view_toggled_cb), self);
  g_signal_connect (self->view_results, "toggled", G_CALLBACK (on_view_toggled_cb), self);
  g_signal_connect (self->view_ranking, "toggled", G_CALLBACK (on_view_toggled_cb), self);
  build_ranking (self);
  self->hints = pl_campaign_hints_new ();
  gtk_box_append (self->hints_box, GTK_WIDGET (self->hints));

  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (gtk_string_list_new (status_filters)));
  gtk_drop_down_set_model (self->sort_order, G_LIST_MODEL (gtk_string_list_new (orders)));
  gtk_drop_down_set_model (self->status, G_LIST_MODEL (gtk_string_list_new (statuses)));
  narrow_drop_down (self->segment);
  narrow_drop_down (self->owner);
  g_signal_connect_swapped (self->status_filter, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->channel_filter, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->segment_filter, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->owner_filter, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->sort_order, "notify::selected", G_CALLBACK (on_sort_changed_cb), self);
  g_signal_connect_swapped (self->status, "notify::selected", G_CALLBACK (on_status_selected_cb), self);
  g_signal_connect (self->segment, "notify::selected", G_CALLBACK (on_ref_selected_cb), self);
  g_signal_connect (self->owner, "notify::selected", G_CALLBACK (on_ref_selected_cb), self);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();
      g_signal_connect (entries[i], "activate", G_CALLBACK (on_entry_activate_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_entry_leave_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (entries[i]), focus);
    }
  for (guint field = PL_CAMPAIGN_PROBLEM; field <= PL_CAMPAIGN_NEXT_STEP; field++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();
      GtkTextView *view = brief_view (self, field);
      g_signal_connect (focus, "leave", G_CALLBACK (on_brief_leave_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (view), focus);
    }

  self->kpis = pl_record_table_new (PL_COLLECTION_CAMPAIGN_KPIS, _("_Link a KPI"));
  pl_record_table_add_column (self->kpis, PL_CAMPAIGN_KPI_KPI, _("KPI"), TRUE);
  pl_record_table_add_column (self->kpis, PL_CAMPAIGN_KPI_CONTRIBUTION, _("Expected contribution"), FALSE);
  pl_record_table_set_filter (self->kpis, PL_CAMPAIGN_KPI_CAMPAIGN, NULL);
  gtk_box_append (self->kpis_box, GTK_WIDGET (self->kpis));
  self->results = pl_campaign_results_grid_new ();
  gtk_box_append (self->results_box, GTK_WIDGET (self->results));
  gtk_menu_button_set_create_popup_func (self->attach_kpi, prepare_attach_menu_cb, self, NULL);
  pl_a11y_label (GTK_WIDGET (self->attach_kpi), _("Attach to a KPI"));
  self->entries = pl_record_table_new (PL_COLLECTION_CALENDAR, _("Add a Calendar _Item"));
  pl_record_table_add_column (self->entries, PL_ENTRY_TITLE, _("Title"), TRUE);
  pl_record_table_add_column (self->entries, PL_ENTRY_KIND, _("Kind"), FALSE);
  pl_record_table_add_column (self->entries, PL_ENTRY_START, _("Date"), FALSE);
  pl_record_table_add_column (self->entries, PL_ENTRY_END, _("Until"), FALSE);
  pl_record_table_add_column (self->entries, PL_ENTRY_CADENCE, _("Repeats"), FALSE);
  pl_record_table_set_filter (self->entries, PL_ENTRY_CAMPAIGN, NULL);
  pl_record_table_set_prepare (self->entries, prepare_entry, self);
  gtk_box_append (self->entries_box, GTK_WIDGET (self->entries));
  set_campaign (self, NULL);
}

void
pl_campaigns_page_select (PlCampaignsPage *self, PlItem *campaign)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  g_return_if_fail (PL_IS_CAMPAIGNS_PAGE (self));
  pl_page_update (PL_PAGE (self));
  for (int attempt = 0; attempt < 2; attempt++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(PlItem) item = g_list_model_get_item (model, i);
          if (item == campaign)
            {
              gtk_single_selection_set_selected (self->selection, i);
              return;
            }
        }
      /* Hidden by a filter: show everything, then look again. */
      gtk_drop_down_set_selected (self->status_filter, 0);
      gtk_drop_down_set_selected (self->channel_filter, 0);
      gtk_drop_down_set_selected (self->segment_filter, 0);
      gtk_drop_down_set_selected (self->owner_filter, 0);
    }
}

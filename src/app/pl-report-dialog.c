/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-report-dialog"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pl-calendar.h"
#include "pl-document.h"
#include "pl-print.h"
#include "pl-report-dialog.h"
#include "pl-report-settings.h"

/* Room around the previewed page, in pixels, for its shadow and the eye. */
#define PREVIEW_PADDING 24

struct _PlReportDialog
{
  GtkWindow          parent_instance;

  /* Template widgets */
  GtkDropDown       *kind;
  GtkLabel          *kind_note;
  GtkLabel          *sections_note;
  GtkWidget         *move_buttons;
  GtkLabel          *commentary_label;
  GtkTextView       *commentary;
  GtkLabel          *commentary_note;
  GtkWidget         *headlines_box;
  GtkLabel          *headlines_note;
  GtkDropDown       *headline1;
  GtkDropDown       *headline2;
  GtkDropDown       *headline3;
  GtkListBox        *sections;
  GtkSwitch         *share_safe;
  GtkDropDown       *paper;
  GtkCheckButton    *split_timeline;
  GtkDrawingArea    *preview;
  GtkLabel          *page_label;
  GtkButton         *since_button;
  GtkWidget         *since_clear;
  GtkLabel          *since_note;

  /* Owned references */
  PlPlan            *plan;
  GSettings         *settings;
  PlReport          *report;
  cairo_surface_t   *page_image;   /* the shown page at the preview's size */
  GtkNativeDialog   *chooser;
  GtkWindow         *message;
  /* The earlier plan "Changes since" compares with, and what changed since it. */
  GFile             *since_file;
  PlPlan            *since_plan;
  PlPlanDiff        *changes;
  char              *since_name;
  GCancellable      *since_reading;
  GtkNativeDialog   *since_chooser;

  PlReportOptions    options;      /* as the report was last laid out */
  guint              page;
  int                want_section; /* to show once laid out again, or -1 */
  guint              layout_id;
  gboolean           dirty;        /* the choices or the plan changed since the layout */
  gboolean           filling;      /* the list is being made: its signals are not the user's */

  PlReportKind       report_kind;
  PlReportSection    commentary_section; /* whose commentary the text view holds */
  gboolean           commentary_edited;  /* typed into since it was shown or saved */
  gboolean           commentary_loading; /* set by the dialog: not the user's typing */
  GStrv              kpi_ids;            /* the KPIs behind the headline drop-downs, by position */
  guint64            kpis_serial;        /* the KPIs' serial when those were listed */
};

G_DEFINE_FINAL_TYPE (PlReportDialog, pl_report_dialog, GTK_TYPE_WINDOW)

static void schedule_layout (PlReportDialog *self);
static void show_page       (PlReportDialog *self, guint page);
static void fill_sections   (PlReportDialog *self);
static void show_since      (PlReportDialog *self);

/* The board pack's sections, fixed (pl-report.h): the list shows them to choose whose
 * commentary to write. */
static const PlReportSection board_pack_sections[] = {
  PL_REPORT_SUMMARY, PL_REPORT_DASHBOARD, PL_REPORT_BUDGET, PL_REPORT_CHAIN, PL_REPORT_CAMPAIGNS,
};

static gboolean
board_pack (PlReportDialog *self)
{
  return self->report_kind == PL_REPORT_KIND_BOARD_PACK;
}

static GtkDropDown *
headline_dropdown (PlReportDialog *self, guint i)
{
  return i == 0 ? self->headline1 : i == 1 ? self->headline2 : self->headline3;
}

/* ---- the commentary ---- */

static char *
commentary_text (PlReportDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->commentary);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Under the text: where it goes and how much room is left, or why it cannot be saved. */
static void
update_commentary_note (PlReportDialog *self, const GError *error)
{
  g_autofree char *text = commentary_text (self);
  glong length = g_utf8_strlen (g_strstrip (text), -1);
  g_autofree char *note = NULL;

  if (error != NULL)
    note = g_strdup (error->message);
  else if (length > PL_COMMENTARY_MAX_CHARS)
    note = g_strdup_printf (ngettext ("%ld character too many: a commentary is a paragraph.",
                                      "%ld characters too many: a commentary is a paragraph.",
                                      length - PL_COMMENTARY_MAX_CHARS),
                            length - PL_COMMENTARY_MAX_CHARS);
  else if (length > PL_COMMENTARY_MAX_CHARS - 200)
    note = g_strdup_printf (ngettext ("Printed at the top of the section; %ld character left.",
                                      "Printed at the top of the section; %ld characters left.",
                                      PL_COMMENTARY_MAX_CHARS - length),
                            PL_COMMENTARY_MAX_CHARS - length);
  else
    note = g_strdup (_("Printed at the top of the section, in both kinds of report."));
  gtk_label_set_label (self->commentary_note, note);
  if (error != NULL || length > PL_COMMENTARY_MAX_CHARS)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->commentary_note), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->commentary_note), "problem-text");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->commentary_note), "problem-text");
      gtk_widget_add_css_class (GTK_WIDGET (self->commentary_note), "dim-label");
    }
}

/* Shows the commentary of @section, as the plan has it. */
static void
show_commentary (PlReportDialog *self, PlReportSection section)
{
  const char *text = pl_report_get_commentary (self->plan, pl_report_section_name (section));
  /* Translators: the heading of the text box for a section's commentary; %s is the section ("Budget") */
  g_autofree char *label = g_strdup_printf (_("_Commentary on “%s”"), pl_report_section_title (section));

  self->commentary_section = section;
  gtk_label_set_text_with_mnemonic (self->commentary_label, label);
  self->commentary_loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->commentary), text ? text : "", -1);
  self->commentary_loading = FALSE;
  self->commentary_edited = FALSE;
  update_commentary_note (self, NULL);
}

/* Saves what was typed since the commentary was shown: one undoable edit for the whole of
 * it, made when the text is left (another section, another field, Export, closing). */
static gboolean
commit_commentary (PlReportDialog *self)
{
  PlReportSection section = self->commentary_section;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;
  const char *current;

  if (!self->commentary_edited || self->plan == NULL)
    return TRUE;
  text = g_strstrip (commentary_text (self));
  current = pl_report_get_commentary (self->plan, pl_report_section_name (section));
  if (g_strcmp0 (current ? current : "", text) == 0)
    {
      self->commentary_edited = FALSE;
      return TRUE;
    }
  /* Translators: an edit's name, for Undo; %s is a section of the report ("Budget") */
  label = g_strdup_printf (_("Change the Commentary on “%s”"), pl_report_section_title (section));
  pl_plan_begin_group (self->plan, label);
  /* Refused (too long): the text stays as typed, with the reason under it, to be cut. */
  if (!pl_plan_finish_group (self->plan, pl_report_set_commentary (self->plan, pl_report_section_name (section),
                                                                   text, &error)))
    {
      update_commentary_note (self, error);
      return FALSE;
    }
  self->commentary_edited = FALSE;
  update_commentary_note (self, NULL);
  return TRUE;
}

static void
on_commentary_changed_cb (GtkTextBuffer *buffer, PlReportDialog *self)
{
  if (self->commentary_loading)
    return;
  self->commentary_edited = TRUE;
  update_commentary_note (self, NULL);
}

static void
on_commentary_leave_cb (PlReportDialog *self)
{
  commit_commentary (self);
}

/* A commentary that cannot be saved keeps the dialog open, its reason shown, rather than be
 * lost. */
static gboolean
on_close_request_cb (PlReportDialog *self)
{
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  glong over;

  if (commit_commentary (self))
    return FALSE;
  /* Closing was asked: say what lets it close. */
  text = commentary_text (self);
  over = MAX (g_utf8_strlen (g_strstrip (text), -1) - PL_COMMENTARY_MAX_CHARS, 1);
  note = g_strdup_printf (ngettext ("%ld character too many for a commentary. Shorten it to close, or clear it.",
                                    "%ld characters too many for a commentary. Shorten it to close, or clear it.",
                                    over),
                          over);
  gtk_label_set_label (self->commentary_note, note);
  gtk_widget_grab_focus (GTK_WIDGET (self->commentary));
  return TRUE;
}

/* ---- the headline figures ---- */

/* Lists the plan's KPIs in the three drop-downs (again only when they changed), each
 * showing its headline figure; the plan's defaults until the user chooses. */
static void on_headline_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, PlReportDialog *self);

static void
fill_headlines (PlReportDialog *self)
{
  guint64 serial = pl_plan_get_collection_serial (self->plan, PL_COLLECTION_KPIS);
  g_auto(GStrv) chosen = pl_report_dup_headlines (self->plan);
  guint n_chosen = g_strv_length (chosen);

  for (guint i = 0; i < PL_N_HEADLINES; i++)
    g_signal_handlers_block_by_func (headline_dropdown (self, i), on_headline_selected_cb, self);
  if (self->kpi_ids == NULL || serial != self->kpis_serial)
    {
      GListModel *kpis = pl_plan_get_collection (self->plan, PL_COLLECTION_KPIS);
      g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      for (guint k = 0, n = g_list_model_get_n_items (kpis); k < n; k++)
        {
          g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, k);
          g_strv_builder_add (ids, pl_item_get_id (kpi));
          gtk_string_list_append (names, pl_item_get_display_name (kpi));
        }
      g_strfreev (self->kpi_ids);
      self->kpi_ids = g_strv_builder_end (ids);
      self->kpis_serial = serial;
      for (guint i = 0; i < PL_N_HEADLINES; i++)
        gtk_drop_down_set_model (headline_dropdown (self, i), G_LIST_MODEL (names));
    }
  for (guint i = 0; i < PL_N_HEADLINES; i++)
    {
      GtkDropDown *dropdown = headline_dropdown (self, i);
      guint position = GTK_INVALID_LIST_POSITION;

      for (guint k = 0; i < n_chosen && self->kpi_ids[k] != NULL; k++)
        if (g_str_equal (self->kpi_ids[k], chosen[i]))
          position = k;
      gtk_drop_down_set_selected (dropdown, position);
      /* A plan of fewer KPIs has fewer figures. */
      gtk_widget_set_visible (GTK_WIDGET (dropdown), i < n_chosen);
    }
  for (guint i = 0; i < PL_N_HEADLINES; i++)
    g_signal_handlers_unblock_by_func (headline_dropdown (self, i), on_headline_selected_cb, self);
}

/* A KPI chosen in one drop-down that another shows trades places with it: three different
 * figures always, and no refusal to read. */
static void
on_headline_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, PlReportDialog *self)
{
  g_auto(GStrv) chosen = pl_report_dup_headlines (self->plan);
  guint n = g_strv_length (chosen);
  guint position = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;
  guint slot = 0;
  char *swap;

  while (slot < PL_N_HEADLINES && headline_dropdown (self, slot) != dropdown)
    slot++;
  if (slot >= n || position == GTK_INVALID_LIST_POSITION || position >= g_strv_length (self->kpi_ids) ||
      g_str_equal (chosen[slot], self->kpi_ids[position]))
    return;
  for (guint i = 0; i < n; i++)
    if (i != slot && g_str_equal (chosen[i], self->kpi_ids[position]))
      {
        swap = chosen[i];
        chosen[i] = chosen[slot];
        chosen[slot] = swap;
      }
  if (!g_str_equal (chosen[slot], self->kpi_ids[position]))
    {
      g_free (chosen[slot]);
      chosen[slot] = g_strdup (self->kpi_ids[position]);
    }
  pl_plan_begin_group (self->plan, _("Change the Headline Figures"));
  if (!pl_plan_finish_group (self->plan, pl_report_set_headlines (self->plan, (const char * const *) chosen, &error)))
    {
      gtk_label_set_label (self->headlines_note, error->message);
      fill_headlines (self);
    }
}

/* ---- the sections list ---- */

static PlReportSection
row_section (GtkListBoxRow *row)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "section"));
}

static GtkCheckButton *
row_check (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "check");
}

static GtkListBoxRow *
row_at (PlReportDialog *self, int index)
{
  return gtk_list_box_get_row_at_index (self->sections, index);
}

/* The ticked sections, in the list's order. */
static void
read_sections (PlReportDialog *self, PlReportOptions *options)
{
  GtkListBoxRow *row;

  options->n_sections = 0;
  for (int i = 0; (row = row_at (self, i)) != NULL; i++)
    if (gtk_check_button_get_active (row_check (row)))
      options->sections[options->n_sections++] = row_section (row);
}

/* A report needs a section: the last one ticked cannot be unticked. */
static void
update_rows (PlReportDialog *self)
{
  PlReportOptions chosen;
  GtkListBoxRow *row;

  if (board_pack (self))
    return;
  read_sections (self, &chosen);
  for (int i = 0; (row = row_at (self, i)) != NULL; i++)
    {
      GtkCheckButton *check = row_check (row);
      gboolean active = gtk_check_button_get_active (check);
      gboolean last = active && chosen.n_sections == 1;

      gtk_widget_set_sensitive (GTK_WIDGET (check), !last);
      gtk_widget_set_tooltip_text (GTK_WIDGET (check), last ? _("A report needs at least one section") : NULL);
      if (active)
        gtk_widget_remove_css_class (gtk_list_box_row_get_child (row), "dim-label");
      else
        gtk_widget_add_css_class (gtk_list_box_row_get_child (row), "dim-label");
    }
}

static void
update_moves (PlReportDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sections);
  int index = row && !board_pack (self) ? gtk_list_box_row_get_index (row) : -1;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.move-up", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.move-down", index >= 0 && row_at (self, index + 1) != NULL);
}

/* Saves the ticked sections in the plan as one undoable edit named @label, keeping the names
 * of sections a later version of Pilote added (this one cannot show them, and must not lose
 * them). */
static void
save_sections (PlReportDialog *self, const char *label)
{
  PlItem *metadata = PL_ITEM (pl_plan_get_metadata (self->plan));
  const char * const *saved = pl_item_get_strv (metadata, PL_METADATA_REPORT_SECTIONS);
  PlReportOptions chosen = self->options;
  g_auto(GStrv) names = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) value = NULL;
  g_autoptr(GError) error = NULL;

  read_sections (self, &chosen);
  names = pl_report_options_dup_section_names (&chosen);
  g_strv_builder_addv (builder, (const char **) names);
  for (guint i = 0; saved != NULL && saved[i] != NULL; i++)
    {
      PlReportSection section;
      if (!pl_report_section_from_name (saved[i], &section))
        g_strv_builder_add (builder, saved[i]);
    }
  value = g_strv_builder_end (builder);
  if (saved != NULL && g_strv_equal (saved, (const char * const *) value))
    return;
  pl_plan_begin_group (self->plan, label);
  if (!pl_plan_set_strv (self->plan, metadata, PL_METADATA_REPORT_SECTIONS, (const char * const *) value, &error))
    g_warning ("The report's sections could not be saved: %s", error->message);
  pl_plan_end_group (self->plan);
}

static void
on_check_toggled_cb (GtkCheckButton *check, PlReportDialog *self)
{
  GtkListBoxRow *row = g_object_get_data (G_OBJECT (check), "row");
  PlReportSection section = row_section (row);
  gboolean active = gtk_check_button_get_active (check);
  g_autofree char *label = NULL;

  if (self->filling)
    return;
  /* A section just ticked is the one to look at. */
  self->want_section = active ? (int) section : -1;
  gtk_list_box_select_row (self->sections, row);
  update_rows (self);
  if (active)
    /* Translators: an edit's name, for Undo; %s is a section of the report ("Budget") */
    label = g_strdup_printf (_("Include “%s” in the Report"), pl_report_section_title (section));
  else
    /* Translators: an edit's name, for Undo; %s is a section of the report ("Budget") */
    label = g_strdup_printf (_("Leave “%s” Out of the Report"), pl_report_section_title (section));
  save_sections (self, label);
  schedule_layout (self);
}

static GtkWidget *
make_row (PlReportDialog *self, PlReportSection section, gboolean active)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *title = gtk_label_new (pl_report_section_title (section));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pl_report_section_title (section), -1);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), title);
  /* The board pack's sections are not chosen: the row only selects the commentary. */
  gtk_widget_set_visible (check, !board_pack (self));
  /* The scenarios section prints nothing until the plan has one: say so rather than let a
   * ticked section vanish from the pages. */
  if (section == PL_REPORT_SCENARIOS && pl_plan_get_n (self->plan, PL_COLLECTION_SCENARIOS) == 0)
    {
      GtkWidget *none = gtk_label_new (_("None yet"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
      gtk_widget_set_tooltip_text (row, _("Printed once the plan has a scenario: save one from the what-if on the Planning page."));
    }
  /* The same for "Changes since" until a plan to compare with is chosen. */
  if (section == PL_REPORT_CHANGES && self->since_plan == NULL)
    {
      GtkWidget *none = gtk_label_new (_("No plan chosen"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
      gtk_widget_set_tooltip_text (row, _("Printed once you choose the plan to compare with, under “Changes since”."));
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "section", GUINT_TO_POINTER (section));
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (check), "row", row);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
  return row;
}

/* Lists the plan's saved sections ticked, in their order, then the others in the report's
 * own order; the selected section stays selected. */
static void
fill_sections (PlReportDialog *self)
{
  PlReportOptions saved;
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->sections);
  int keep = selected ? (int) row_section (selected) : -1;
  gboolean ticked[PL_REPORT_N_SECTIONS] = { FALSE, };
  GtkWidget *child;

  pl_report_options_init (&saved, self->plan, pl_calendar_today ());
  if (board_pack (self))
    {
      saved.n_sections = G_N_ELEMENTS (board_pack_sections);
      memcpy (saved.sections, board_pack_sections, sizeof board_pack_sections);
      memset (ticked, TRUE, sizeof ticked);
    }
  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) != NULL)
    gtk_list_box_remove (self->sections, child);
  for (guint i = 0; i < saved.n_sections; i++)
    {
      ticked[saved.sections[i]] = TRUE;
      gtk_list_box_append (self->sections, make_row (self, saved.sections[i], TRUE));
    }
  for (guint i = 0; i < PL_REPORT_N_SECTIONS; i++)
    if (!ticked[i])
      gtk_list_box_append (self->sections, make_row (self, i, FALSE));
  for (int i = 0; keep >= 0 && row_at (self, i) != NULL; i++)
    if ((int) row_section (row_at (self, i)) == keep)
      gtk_list_box_select_row (self->sections, row_at (self, i));
  self->filling = FALSE;
  update_rows (self);
  update_moves (self);
}

static void
on_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, PlReportDialog *self)
{
  GtkCheckButton *check = row_check (row);

  if (!board_pack (self) && gtk_widget_get_sensitive (GTK_WIDGET (check)))
    gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static GtkListBoxRow *
find_row (PlReportDialog *self, PlReportSection section)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = row_at (self, i)) != NULL; i++)
    if (row_section (row) == section)
      return row;
  return NULL;
}

/* Selecting a section shows its first page. */
static void
on_row_selected_cb (GtkListBox *list, GtkListBoxRow *row, PlReportDialog *self)
{
  update_moves (self);
  if (row != NULL && row_section (row) != self->commentary_section)
    {
      /* What cannot be saved stays on screen with its reason, its section selected. */
      GtkListBoxRow *typed = find_row (self, self->commentary_section);
      if (!commit_commentary (self) && typed != NULL)
        {
          gtk_list_box_select_row (self->sections, typed);
          return;
        }
      show_commentary (self, row_section (row));
    }
  if (self->filling || row == NULL)
    return;
  if (self->dirty)
    self->want_section = row_section (row);
  else if (self->report != NULL && pl_report_get_section_page (self->report, row_section (row)) >= 0)
    show_page (self, pl_report_get_section_page (self->report, row_section (row)));
}

static void
move_selected (PlReportDialog *self, int delta)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sections);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean had_focus;
  PlReportSection section;
  int target;
  g_autofree char *label = NULL;

  if (row == NULL || board_pack (self))
    return;
  target = gtk_list_box_row_get_index (row) + delta;
  if (target < 0 || row_at (self, target) == NULL)
    return;
  section = row_section (row);
  /* Alt+Up on the row keeps the keyboard on it as it moves. */
  had_focus = focus != NULL && (focus == GTK_WIDGET (row) || gtk_widget_is_ancestor (focus, GTK_WIDGET (row)));
  self->filling = TRUE;
  g_object_ref (row);
  gtk_list_box_remove (self->sections, GTK_WIDGET (row));
  gtk_list_box_insert (self->sections, GTK_WIDGET (row), target);
  /* GTK 4.8 leaves a removed row marked selected, and then will not select it again. */
  gtk_list_box_unselect_row (self->sections, row);
  gtk_list_box_select_row (self->sections, row);
  g_object_unref (row);
  self->filling = FALSE;
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  update_moves (self);
  if (!gtk_check_button_get_active (row_check (row)))
    return;
  self->want_section = section;
  /* Translators: an edit's name, for Undo; %s is a section of the report ("Budget") */
  label = g_strdup_printf (_("Move “%s” in the Report"), pl_report_section_title (section));
  save_sections (self, label);
  schedule_layout (self);
}

/* ---- the kind of report ---- */

static void
show_kind (PlReportDialog *self)
{
  gboolean pack = board_pack (self);

  gtk_label_set_label (self->kind_note,
                       pack ? _("Five pages at most: the summary with three headline figures, the dashboard, "
                                "the budget, the KPI chain and the campaigns that need attention.")
                            : _("Every section you tick, in your order, for a full review."));
  gtk_label_set_label (self->sections_note,
                       pack ? _("Fixed for the board pack; select one to write its commentary.")
                            : _("The ticked sections, in this order; select one to write its commentary."));
  gtk_widget_set_visible (self->move_buttons, !pack);
  gtk_widget_set_visible (self->headlines_box, pack);
  show_since (self);
  /* The board pack has no timeline. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->split_timeline), !pack);
}

static void
on_kind_selected_cb (PlReportDialog *self)
{
  PlReportKind kind = gtk_drop_down_get_selected (self->kind) == 1 ? PL_REPORT_KIND_BOARD_PACK : PL_REPORT_KIND_FULL;
  GtkListBoxRow *first;

  if (kind == self->report_kind)
    return;
  if (!commit_commentary (self))
    {
      g_signal_handlers_block_by_func (self->kind, on_kind_selected_cb, self);
      gtk_drop_down_set_selected (self->kind, board_pack (self) ? 1 : 0);
      g_signal_handlers_unblock_by_func (self->kind, on_kind_selected_cb, self);
      return;
    }
  self->report_kind = kind;
  /* Opened again, the dialog shows the kind chosen last: a CMO who prints the board pack
   * every month should not get the full report by default. */
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "report-board-pack", board_pack (self));
  show_kind (self);
  fill_sections (self);
  if (gtk_list_box_get_selected_row (self->sections) == NULL && (first = row_at (self, 0)) != NULL)
    gtk_list_box_select_row (self->sections, first);
  if (board_pack (self))
    fill_headlines (self);
  schedule_layout (self);
}

/* ---- the layout and the preview ---- */

static void
read_options (PlReportDialog *self, PlReportOptions *options)
{
  pl_report_options_init (options, self->plan, pl_calendar_today ());
  options->kind = self->report_kind;
  read_sections (self, options);
  options->share_safe = gtk_switch_get_active (self->share_safe);
  pl_report_options_set_paper (options, gtk_drop_down_get_selected (self->paper) == 1 ? "letter" : "a4", NULL);
  options->split_timeline = gtk_check_button_get_active (self->split_timeline);
  /* Compared again at each layout: the plan may have changed since (an edit, an undo). Set
   * here, not with pl_report_options_set_changes(): the ticked sections are the user's. */
  g_clear_pointer (&self->changes, pl_plan_diff_free);
  if (self->since_plan != NULL)
    self->changes = pl_plan_diff (self->since_plan, self->plan);
  options->changes = self->changes;
  options->changes_since = self->since_name;
}

/* The page to show in the new layout: the wanted section, or the section shown until now at
 * the same page within it, or failing that the nearest section still in the report. */
static guint
page_after_layout (PlReportDialog *self, PlReport *old)
{
  PlReport *report = self->report;
  guint n = pl_report_get_n_pages (report);
  guint old_n = old ? pl_report_get_n_pages (old) : 0;
  int want = self->want_section;

  self->want_section = -1;
  if (want >= 0 && pl_report_get_section_page (report, want) >= 0)
    return pl_report_get_section_page (report, want);
  for (guint k = 0; k < 2 * old_n; k++)
    {
      /* self->page, then the pages after it, then those before. */
      guint i = k < old_n ? self->page + k : self->page - (k - old_n) - 1;
      PlReportSection section;
      int first;
      guint page;

      if (i >= old_n)
        continue;
      section = pl_report_get_page_section (old, i);
      first = pl_report_get_section_page (report, section);
      if (first < 0)
        continue;
      page = (guint) first;
      if (i == self->page)
        for (guint offset = self->page - (guint) pl_report_get_section_page (old, section);
             offset > 0 && page + 1 < n && pl_report_get_page_section (report, page + 1) == section; offset--)
          page++;
      return page;
    }
  return 0;
}

static void
ensure_report (PlReportDialog *self)
{
  g_autoptr(PlReport) old = NULL;

  if (!self->dirty && self->report != NULL)
    return;
  g_clear_handle_id (&self->layout_id, g_source_remove);
  self->dirty = FALSE;
  read_options (self, &self->options);
  old = g_steal_pointer (&self->report);
  self->report = pl_report_new (self->plan, &self->options);
  show_page (self, page_after_layout (self, old));
}

static gboolean
on_layout_cb (gpointer data)
{
  PlReportDialog *self = data;

  self->layout_id = 0;
  ensure_report (self);
  return G_SOURCE_REMOVE;
}

/* Laid out again once the pending events are handled: a switch flips at once, and a quick
 * series of changes makes one layout. */
static void
schedule_layout (PlReportDialog *self)
{
  self->dirty = TRUE;
  if (self->layout_id == 0)
    self->layout_id = g_idle_add_full (G_PRIORITY_LOW, on_layout_cb, self, NULL);
}

static void
show_page (PlReportDialog *self, guint page)
{
  guint n = pl_report_get_n_pages (self->report);
  g_autofree char *counter = NULL;
  g_autofree char *description = NULL;

  self->page = MIN (page, n > 0 ? n - 1 : 0);
  g_clear_pointer (&self->page_image, cairo_surface_destroy);
  counter = g_strdup_printf (_("Page %u of %u"), self->page + 1, n);
  gtk_label_set_label (self->page_label, counter);
  /* Translators: what the report's preview shows, for screen readers: "Page 3 of 15: Budget" */
  description = g_strdup_printf (_("Page %u of %u: %s"), self->page + 1, n,
                                 n > 0 ? pl_report_section_title (pl_report_get_page_section (self->report, self->page)) : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.next-page", self->page + 1 < n);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* The sheet at (@x, @y), @w by @h pixels, over a soft shadow, with a fine edge. */
static void
paint_sheet (PlReportDialog *self, cairo_t *cr, double x, double y, int w, int h)
{
  for (int i = 4; i >= 1; i--)
    {
      cairo_rectangle (cr, x - i + 1, y - i + 3, w + 2 * (i - 1), h + 2 * (i - 1));
      cairo_set_source_rgba (cr, 0, 0, 0, 0.035);
      cairo_fill (cr);
    }
  cairo_set_source_surface (cr, self->page_image, x, y);
  cairo_paint (cr);
  cairo_rectangle (cr, x - 0.5, y - 0.5, w + 1, h + 1);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.2);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
draw_preview (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PlReportDialog *self = data;
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  double page_width, page_height, scale;
  cairo_t *page_cr;
  int w, h;

  /* Until the idle lays the report out again, the page as it was: a layout here, in the
   * middle of drawing, would change the page counter while GTK draws it. */
  if (self->dirty || self->report == NULL || pl_report_get_n_pages (self->report) == 0)
    {
      if (self->page_image != NULL)
        {
          w = cairo_image_surface_get_width (self->page_image) / scale_factor;
          h = cairo_image_surface_get_height (self->page_image) / scale_factor;
          paint_sheet (self, cr, floor ((width - w) / 2.0), floor ((height - h) / 2.0), w, h);
        }
      return;
    }
  pl_report_get_page_size (self->report, self->page, &page_width, &page_height);
  scale = MIN ((width - 2.0 * PREVIEW_PADDING) / page_width, (height - 2.0 * PREVIEW_PADDING) / page_height);
  if (scale <= 0)
    return;
  w = (int) round (page_width * scale);
  h = (int) round (page_height * scale);
  /* Drawn once at this size: redrawing the charts at every frame of a resize would lag. */
  if (self->page_image == NULL || cairo_image_surface_get_width (self->page_image) != w * scale_factor ||
      cairo_image_surface_get_height (self->page_image) != h * scale_factor)
    {
      g_clear_pointer (&self->page_image, cairo_surface_destroy);
      self->page_image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w * scale_factor, h * scale_factor);
      cairo_surface_set_device_scale (self->page_image, scale_factor, scale_factor);
      page_cr = cairo_create (self->page_image);
      /* Paper is white, in a dark theme too. */
      cairo_set_source_rgb (page_cr, 1, 1, 1);
      cairo_paint (page_cr);
      cairo_scale (page_cr, w / page_width, h / page_height);
      pl_report_draw_page (self->report, page_cr, self->page);
      cairo_destroy (page_cr);
    }
  paint_sheet (self, cr, floor ((width - w) / 2.0), floor ((height - h) / 2.0), w, h);
}

static void
on_option_changed_cb (PlReportDialog *self)
{
  schedule_layout (self);
}

/* An undo in the window, say: the list follows the plan's sections, the pages the plan. */
static void
on_plan_changed_cb (PlReportDialog *self)
{
  PlReportOptions saved, shown;
  gboolean same;

  pl_report_options_init (&saved, self->plan, pl_calendar_today ());
  read_sections (self, &shown);
  same = saved.n_sections == shown.n_sections &&
         memcmp (saved.sections, shown.sections, saved.n_sections * sizeof saved.sections[0]) == 0;
  if (!same && !board_pack (self))
    fill_sections (self);
  /* What is being typed stays; otherwise the text follows the plan (an undo, say). */
  if (!self->commentary_edited)
    show_commentary (self, self->commentary_section);
  if (board_pack (self))
    fill_headlines (self);
  schedule_layout (self);
}

/* ---- the plan to compare with ---- */

static void
set_since_note (PlReportDialog *self, const char *text, gboolean problem)
{
  gtk_label_set_label (self->since_note, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->since_note), problem ? "dim-label" : "problem-text");
  gtk_widget_add_css_class (GTK_WIDGET (self->since_note), problem ? "problem-text" : "dim-label");
}

static void
show_since (PlReportDialog *self)
{
  g_autofree char *note = NULL;

  gtk_widget_set_visible (self->since_clear, self->since_plan != NULL);
  gtk_button_set_label (self->since_button, self->since_plan != NULL ? _("Choose Another _Plan…") : _("Choose a _Plan…"));
  /* The board pack's five pages are fixed: the comparison waits for the full report. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->since_button), !board_pack (self) && self->since_reading == NULL);
  if (board_pack (self))
    {
      set_since_note (self, _("In the full report only."), FALSE);
      return;
    }
  if (self->since_plan == NULL)
    {
      set_since_note (self, _("Compare the plan with an earlier version of it: what was added, removed and changed, "
                              "and the budget before and after."), FALSE);
      return;
    }
  /* Translators: under "Changes since" in the report dialog: the plan file compared with */
  note = g_strdup_printf (_("Compared with “%s”."), self->since_name);
  set_since_note (self, note, FALSE);
}

static void
stop_reading_since (PlReportDialog *self)
{
  g_cancellable_cancel (self->since_reading);
  g_clear_object (&self->since_reading);
}

static void
on_since_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(PlReportDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) document = pl_document_load_finish (result, &error);
  GtkListBoxRow *row;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->since_reading == NULL)
    return;
  g_clear_object (&self->since_reading);
  gtk_widget_set_sensitive (GTK_WIDGET (self->since_button), !board_pack (self));
  if (document == NULL)
    {
      /* The comparison chosen before, if any, stays. */
      g_autofree char *name = g_file_get_basename (self->since_file);
      g_autofree char *note = g_strdup_printf (_("“%s” could not be compared: %s"), name, error->message);

      set_since_note (self, note, TRUE);
      return;
    }
  g_set_object (&self->since_plan, pl_document_get_plan (document));
  g_free (self->since_name);
  self->since_name = g_strdup (pl_document_get_title (document));
  show_since (self);
  if (!board_pack (self))
    fill_sections (self);
  row = find_row (self, PL_REPORT_CHANGES);
  self->want_section = PL_REPORT_CHANGES;
  /* Chosen to be printed: ticked (one undoable edit, as a tick by hand), and shown. */
  if (row != NULL && !board_pack (self) && !gtk_check_button_get_active (row_check (row)))
    gtk_check_button_set_active (row_check (row), TRUE);
  schedule_layout (self);
}

void
pl_report_dialog_compare_with (PlReportDialog *self, GFile *file)
{
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;

  g_return_if_fail (PL_IS_REPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  stop_reading_since (self);
  g_set_object (&self->since_file, file);
  name = g_file_get_basename (file);
  note = g_strdup_printf (_("Reading “%s”…"), name);
  set_since_note (self, note, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->since_button), FALSE);
  self->since_reading = g_cancellable_new ();
  /* A big plan takes a second or more to read: the preview keeps working meanwhile. */
  pl_document_load_async (file, self->since_reading, on_since_read_cb, g_object_ref (self));
}

gboolean
pl_report_dialog_is_reading (PlReportDialog *self)
{
  g_return_val_if_fail (PL_IS_REPORT_DIALOG (self), FALSE);
  return self->since_reading != NULL;
}

static void
on_since_chosen_cb (GtkNativeDialog *chooser, int response, PlReportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    pl_report_dialog_compare_with (self, file);
}

static void
choose_since_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlReportDialog *self = PL_REPORT_DIALOG (widget);

  if (self->since_chooser == NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      self->since_chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Compare With a Plan"), GTK_WINDOW (self),
                                                                            GTK_FILE_CHOOSER_ACTION_OPEN,
                                                                            _("_Compare"), _("_Cancel")));
      gtk_file_filter_set_name (filter, _("Marketing plans"));
      gtk_file_filter_add_mime_type (filter, "application/x-pilote-plan");
      gtk_file_filter_add_suffix (filter, "pilote");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->since_chooser), filter);
      g_signal_connect (self->since_chooser, "response", G_CALLBACK (on_since_chosen_cb), self);
    }
  gtk_native_dialog_show (self->since_chooser);
}

static void
clear_since_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlReportDialog *self = PL_REPORT_DIALOG (widget);

  stop_reading_since (self);
  g_clear_object (&self->since_plan);
  g_clear_object (&self->since_file);
  g_clear_pointer (&self->since_name, g_free);
  show_since (self);
  if (!board_pack (self))
    fill_sections (self);
  schedule_layout (self);
}

/* ---- export and print ---- */

static void
on_message_response_cb (GtkDialog *dialog, int response, PlReportDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  self->message = NULL;
}

static void
show_error (PlReportDialog *self, const char *title, const char *details)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL, GTK_MESSAGE_ERROR,
                                              GTK_BUTTONS_CLOSE, "%s", title);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", details);
  g_signal_connect (dialog, "response", G_CALLBACK (on_message_response_cb), self);
  if (self->message != NULL)
    gtk_window_destroy (self->message);
  self->message = GTK_WINDOW (dialog);
  gtk_window_present (self->message);
}

static void
on_export_response_cb (GtkNativeDialog *chooser, int response, PlReportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    pl_report_dialog_export (self, file);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlReportDialog *self = PL_REPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *title = pl_plan_get_title (self->plan);
  g_autofree char *name = NULL;

  if (self->chooser == NULL)
    {
      self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Export the Report"), GTK_WINDOW (self),
                                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                      _("_Export"), _("_Cancel")));
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
      g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response_cb), self);
    }
  /* Translators: the file name offered for the report; %s is the plan's title */
  name = g_strdup_printf (_("%s report.pdf"), title && *title ? title : _("Marketing plan"));
  /* A title such as "EMEA/APAC 2027" must not name a folder. */
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_show (self->chooser);
}

static void
on_request_page_setup_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, GtkPageSetup *setup,
                          PlReport *report)
{
  double width, height;

  pl_report_get_page_size (report, (guint) page, &width, &height);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
on_draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, PlReport *report)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  pl_report_get_page_size (report, (guint) page, &width, &height);
  /* The printer's paper may not be the report's: the page shrinks or grows to fit, centred. */
  scale = MIN (gtk_print_context_get_width (context) / width, gtk_print_context_get_height (context) / height);
  cairo_translate (cr, (gtk_print_context_get_width (context) - width * scale) / 2,
                   (gtk_print_context_get_height (context) - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  pl_report_draw_page (report, cr, (guint) page);
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlReportDialog *self = PL_REPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!pl_report_dialog_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    show_error (self, _("The report could not be printed"), error->message);
}

static void
previous_page_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlReportDialog *self = PL_REPORT_DIALOG (widget);

  ensure_report (self);
  if (self->page > 0)
    show_page (self, self->page - 1);
}

static void
next_page_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlReportDialog *self = PL_REPORT_DIALOG (widget);

  ensure_report (self);
  show_page (self, self->page + 1);
}

static void
move_up_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  move_selected (PL_REPORT_DIALOG (widget), -1);
}

static void
move_down_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  move_selected (PL_REPORT_DIALOG (widget), 1);
}

/* ---- GObject ---- */

static void
pl_report_dialog_dispose (GObject *object)
{
  PlReportDialog *self = PL_REPORT_DIALOG (object);

  g_clear_handle_id (&self->layout_id, g_source_remove);
  if (self->message != NULL)
    gtk_window_destroy (g_steal_pointer (&self->message));
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  /* The list empties as it goes, and would report its rows unselected to a dialog half gone. */
  if (self->sections != NULL)
    g_signal_handlers_disconnect_by_data (self->sections, self);
  if (self->commentary != NULL)
    g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (self->commentary), self);
  g_clear_pointer (&self->kpi_ids, g_strfreev);
  stop_reading_since (self);
  if (self->since_chooser != NULL)
    gtk_native_dialog_destroy (self->since_chooser);
  g_clear_object (&self->since_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_REPORT_DIALOG);
  g_clear_pointer (&self->report, pl_report_free);
  g_clear_pointer (&self->page_image, cairo_surface_destroy);
  g_clear_object (&self->plan);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->changes, pl_plan_diff_free);
  g_clear_object (&self->since_plan);
  g_clear_object (&self->since_file);
  g_clear_pointer (&self->since_name, g_free);
  G_OBJECT_CLASS (pl_report_dialog_parent_class)->dispose (object);
}

static void
pl_report_dialog_class_init (PlReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_report_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, kind);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, kind_note);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, sections_note);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, move_buttons);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, commentary_label);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, commentary);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, commentary_note);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, headlines_box);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, headlines_note);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, headline1);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, headline2);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, headline3);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, sections);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, share_safe);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, paper);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, split_timeline);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, since_button);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, since_clear);
  gtk_widget_class_bind_template_child (widget_class, PlReportDialog, since_note);
  gtk_widget_class_install_action (widget_class, "report.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "report.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "report.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "report.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "report.choose-since", NULL, choose_since_action);
  gtk_widget_class_install_action (widget_class, "report.clear-since", NULL, clear_since_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "report.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "report.move-down", NULL);
}

static void
pl_report_dialog_init (PlReportDialog *self)
{
  const char *papers[] = { _("A4"), _("Letter"), NULL };
  const char *kinds[] = { _("Full report"), _("Board pack"), NULL };
  GtkEventController *pages = gtk_shortcut_controller_new ();
  GtkEventController *leave = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->want_section = -1;
  self->report_kind = PL_REPORT_KIND_FULL;
  gtk_drop_down_set_model (self->kind, G_LIST_MODEL (gtk_string_list_new (kinds)));
  g_signal_connect_swapped (self->kind, "notify::selected", G_CALLBACK (on_kind_selected_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->commentary), "changed", G_CALLBACK (on_commentary_changed_cb), self);
  g_signal_connect_swapped (leave, "leave", G_CALLBACK (on_commentary_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->commentary), leave);
  /* Closing saves what was typed last, as leaving the text does. */
  g_signal_connect_swapped (self, "close-request", G_CALLBACK (on_close_request_cb), self);
  for (guint i = 0; i < PL_N_HEADLINES; i++)
    {
      GtkDropDown *dropdown = headline_dropdown (self, i);
      gtk_drop_down_set_expression (dropdown, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_headline_selected_cb), self);
    }
  gtk_drop_down_set_model (self->paper, G_LIST_MODEL (gtk_string_list_new (papers)));
  /* Letter where the desktop's language prints on it (the United States, Canada...). */
  {
    g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);
    gtk_drop_down_set_selected (self->paper, g_str_equal (gtk_paper_size_get_name (paper), GTK_PAPER_NAME_LETTER));
  }
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  g_signal_connect (self->sections, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  g_signal_connect (self->sections, "row-selected", G_CALLBACK (on_row_selected_cb), self);
  g_signal_connect_swapped (self->share_safe, "notify::active", G_CALLBACK (on_option_changed_cb), self);
  g_signal_connect_swapped (self->paper, "notify::selected", G_CALLBACK (on_option_changed_cb), self);
  g_signal_connect_swapped (self->split_timeline, "toggled", G_CALLBACK (on_option_changed_cb), self);

  /* Page Up and Down turn the pages wherever the keyboard is; the list would take them first. */
  gtk_event_controller_set_propagation_phase (pages, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (pages),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, 0),
                                                          gtk_named_action_new ("report.previous-page")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (pages),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, 0),
                                                          gtk_named_action_new ("report.next-page")));
  gtk_widget_add_controller (GTK_WIDGET (self), pages);
}

PlReportDialog *
pl_report_dialog_new (GtkWindow *parent, PlPlan *plan, GSettings *settings)
{
  PlReportDialog *self = g_object_new (PL_TYPE_REPORT_DIALOG, "transient-for", parent, NULL);

  self->plan = g_object_ref (plan);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_SWAPPED);
  /* Closed with its window, which owns the plan; not by destroy-with-parent (see the note in
   * pl_window_dispose). The handler goes when the dialog does. */
  g_signal_connect_object (parent, "destroy", G_CALLBACK (gtk_window_destroy), self, G_CONNECT_SWAPPED);
  if (g_settings_get_boolean (settings, "report-board-pack"))
    {
      self->report_kind = PL_REPORT_KIND_BOARD_PACK;
      g_signal_handlers_block_by_func (self->kind, on_kind_selected_cb, self);
      gtk_drop_down_set_selected (self->kind, 1);
      g_signal_handlers_unblock_by_func (self->kind, on_kind_selected_cb, self);
    }
  show_kind (self);
  show_since (self);
  fill_sections (self);
  if (row_at (self, 0) != NULL)
    {
      self->filling = TRUE;
      gtk_list_box_select_row (self->sections, row_at (self, 0));
      self->filling = FALSE;
    }
  show_commentary (self, row_at (self, 0) != NULL ? row_section (row_at (self, 0)) : PL_REPORT_SUMMARY);
  self->dirty = TRUE;
  ensure_report (self);
  return self;
}

gboolean
pl_report_dialog_export (PlReportDialog *self, GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PL_IS_REPORT_DIALOG (self), FALSE);
  commit_commentary (self);
  ensure_report (self);
  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("The report can only be written to a folder of this computer."));
  if (path == NULL || !pl_report_write_pdf (self->report, path, &error))
    {
      show_error (self, _("The report could not be exported"), error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_report_dialog_print (PlReportDialog *self, GtkPrintOperationAction action, const char *export_to, GError **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(PlReport) report = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autofree char *job_name = NULL;

  g_return_val_if_fail (PL_IS_REPORT_DIALOG (self), FALSE);
  commit_commentary (self);
  ensure_report (self);
  /* The print's own layout: the preview's may be laid out again while GTK's dialog runs. */
  report = pl_report_new (self->plan, &self->options);
  /* Translators: the print job's name; %s is the plan's title */
  job_name = g_strdup_printf (_("%s — Leadership Report"), pl_plan_get_title (self->plan));
  operation = pl_print_operation_new (self->settings, job_name);
  /* The paper chosen here, upright; request-page-setup turns the wide pages. The report
   * draws its own margins, so it has the whole sheet. */
  setup = gtk_page_setup_copy (gtk_print_operation_get_default_page_setup (operation));
  paper = gtk_paper_size_new (gtk_drop_down_get_selected (self->paper) == 1 ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, MAX (1, (int) pl_report_get_n_pages (report)));
  gtk_print_operation_set_current_page (operation, (int) self->page);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (on_request_page_setup_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), report);
  if (export_to != NULL)
    gtk_print_operation_set_export_filename (operation, export_to);
  return pl_print_operation_run (operation, action, GTK_WINDOW (self), self->settings, NULL, error);
}

PlReport *
pl_report_dialog_get_report (PlReportDialog *self)
{
  g_return_val_if_fail (PL_IS_REPORT_DIALOG (self), NULL);
  ensure_report (self);
  return self->report;
}

guint
pl_report_dialog_get_page (PlReportDialog *self)
{
  g_return_val_if_fail (PL_IS_REPORT_DIALOG (self), 0);
  ensure_report (self);
  return self->page;
}

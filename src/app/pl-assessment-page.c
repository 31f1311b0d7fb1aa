/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-assessment-page"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-a11y.h"
#include "pl-ask-dialog.h"
#include "pl-assessment-page.h"
#include "pl-calendar.h"
#include "pl-chart-draw.h"
#include "pl-chart-menu.h"
#include "pl-chart-theme.h"
#include "pl-maturity-evidence.h"
#include "pl-questionnaire-file.h"
#include "pl-radar-chart.h"

struct _PlAssessmentPage
{
  PlPage          parent_instance;

  /* Template widgets */
  GtkDropDown    *round;
  GtkStack       *mode;
  GtkDrawingArea *radar;
  GtkDrawingArea *history;
  GtkBox         *details;
  GtkLabel       *step_title;
  GtkProgressBar *progress;
  GtkBox         *questions;
  GtkLabel       *answered;
  GtkButton      *next_button;

  /* Owned references */
  PlPlan         *plan;
  GPtrArray      *rounds;      /* round names, oldest first */
  PlMaturity     *current;
  PlMaturity     *previous;
  PlItem         *answering;   /* the assessment record being answered */
  guint           step;        /* the dimension shown while answering */
};

G_DEFINE_FINAL_TYPE (PlAssessmentPage, pl_assessment_page, PL_TYPE_PAGE)

static const PlQuestionnaire *
questionnaire (void)
{
  return pl_questionnaire_get_default ();
}

static const char *
selected_round (PlAssessmentPage *self)
{
  guint index = gtk_drop_down_get_selected (self->round);

  return self->rounds && index < self->rounds->len ? self->rounds->pdata[index] : NULL;
}

/* The page where the user acts on a weak dimension. */
static const char *
place_of (const char *dimension)
{
  static const struct { const char *dimension, *page; } places[] = {
    { "linked", "chain" }, { "data", "kpis" }, { "performance", "dashboard" }, { "planning", "budget" },
    { "reporting", "campaigns" }, { "ops", "plan" }, { "models", "kpis" }, { "benchmark", "kpis" },
    { "align", "plan" }, { "view", "dashboard" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (g_str_equal (places[i].dimension, dimension))
      return places[i].page;
  return "plan";
}

/* ---- results ---- */

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "section-title");
  return label;
}

static GtkWidget *
paragraph (const char *text, const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static void
on_open_place_cb (GtkButton *button, const char *page)
{
  gtk_widget_activate_action (GTK_WIDGET (button), "win.show-page", "s", page);
}

static void
rebuild_details (PlAssessmentPage *self)
{
  const PlQuestionnaire *q = questionnaire ();
  GtkWidget *child, *expander;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GArray) weakest = NULL;
  g_autoptr(GtkSizeGroup) titles = NULL;
  g_autoptr(GPtrArray) facts = pl_maturity_evidence (self->plan);
  g_autofree char *overall = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details))) != NULL)
    gtk_box_remove (self->details, child);
  if (self->current == NULL)
    return;

  if (self->current->persona != NULL)
    {
      GtkWidget *name = paragraph (self->current->persona->name, "title-1");
      gtk_box_append (self->details, name);
      gtk_box_append (self->details, paragraph (self->current->persona->description, NULL));
    }
  overall = self->previous && !isnan (self->previous->overall)
            ? g_strdup_printf (ngettext ("Overall %.0f out of 100 (the previous round: %.0f), from one person’s answers.",
                                         "Overall %.0f out of 100 (the previous round: %.0f), from %u people’s answers.",
                                         self->current->n_respondents),
                               self->current->overall, self->previous->overall, self->current->n_respondents)
            : g_strdup_printf (ngettext ("Overall %.0f out of 100, from one person’s answers.",
                                         "Overall %.0f out of 100, from %u people’s answers.", self->current->n_respondents),
                               self->current->overall, self->current->n_respondents);
  if (isnan (self->current->overall))
    {
      g_free (overall);
      overall = g_strdup (_("No rating yet in this round: answer the questionnaire."));
    }
  gtk_box_append (self->details, paragraph (overall, "heading"));
  expander = gtk_expander_new (_("How the persona is chosen"));
  /* GTK 4.8 does not name an expander after its label. */
  pl_a11y_label (expander, _("How the persona is chosen"));
  gtk_expander_set_child (GTK_EXPANDER (expander), paragraph (q->scoring, "dim-label"));
  gtk_box_append (self->details, expander);

  /* The dimensions, strongest first: the radar's accessible twin. */
  gtk_box_append (self->details, heading (_("Dimensions, Strongest First")));
  {
    g_autoptr(GArray) ranked = pl_maturity_order (self->current, FALSE);
    /* The dimensions scored, then those nobody rated. */
    for (guint i = 0; i < ranked->len; i++)
      g_ptr_array_add (order, GUINT_TO_POINTER (g_array_index (ranked, guint, i)));
    for (guint d = 0; d < q->dimensions->len; d++)
      if (isnan (self->current->scores[d]))
        g_ptr_array_add (order, GUINT_TO_POINTER (d));
  }
  /* One width for every title, the widest's, so the bars line up. */
  titles = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  for (guint i = 0; i < order->len; i++)
    {
      guint d = GPOINTER_TO_UINT (order->pdata[i]);
      const PlDimension *dimension = q->dimensions->pdata[d];
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
      GtkWidget *title = gtk_label_new (dimension->title);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 100);
      g_autofree char *score = isnan (self->current->scores[d]) ? g_strdup ("–")
                             : self->current->n_respondents > 1
                               ? g_strdup_printf (_("%.0f (%.0f–%.0f)"), self->current->scores[d],
                                                  self->current->lowest[d], self->current->highest[d])
                               : g_strdup_printf ("%.0f", self->current->scores[d]);
      GtkWidget *value = gtk_label_new (score);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      /* Long titles (French ones are) take a second line rather than being cut. */
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (title), 2);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (title), 22);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 30);
      gtk_size_group_add_widget (titles, title);
      gtk_widget_set_tooltip_text (title, dimension->title);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), isnan (self->current->scores[d]) ? 0 : self->current->scores[d]);
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_size_request (bar, 90, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_label_set_width_chars (GTK_LABEL (value), 9);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
      gtk_box_append (GTK_BOX (row), title);
      gtk_box_append (GTK_BOX (row), bar);
      gtk_box_append (GTK_BOX (row), value);
      gtk_box_append (self->details, row);
    }

  /* What the plan itself shows, and where it contradicts the rating. */
  gtk_box_append (self->details, heading (_("What the Plan Shows")));
  for (guint i = 0; i < facts->len; i++)
    {
      const PlEvidence *fact = facts->pdata[i];
      int d = pl_questionnaire_find_dimension (q, fact->dimension);
      const PlDimension *dimension = d >= 0 ? q->dimensions->pdata[d] : NULL;
      g_autofree char *disagreement = dimension != NULL ? pl_maturity_disagreement (self->current->scores[d],
                                                                                   dimension->title, fact)
                                                        : NULL;

      gtk_box_append (self->details, paragraph (disagreement ? disagreement : fact->fact,
                                                disagreement ? "warning-text" : NULL));
    }

  /* Next steps for the three weakest dimensions rated. */
  gtk_box_append (self->details, heading (_("Next Steps")));
  weakest = pl_maturity_order (self->current, TRUE);
  for (guint i = 0; i < MIN (weakest->len, 3); i++)
    {
      guint d = g_array_index (weakest, guint, i);
      const PlDimension *dimension = q->dimensions->pdata[d];
      GtkWidget *row, *text, *button;
      g_autofree char *advice = NULL;

      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
      advice = g_strdup_printf ("%s — %s", dimension->title, dimension->advice);
      text = paragraph (advice, NULL);
      gtk_widget_set_hexpand (text, TRUE);
      button = gtk_button_new_with_label (_("Open"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Open the page where this is done"));
      g_signal_connect (button, "clicked", G_CALLBACK (on_open_place_cb), (gpointer) place_of (dimension->id));
      gtk_box_append (GTK_BOX (row), text);
      gtk_box_append (GTK_BOX (row), button);
      gtk_box_append (self->details, row);
    }
}

static void
draw_radar_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PlAssessmentPage *self = data;
  g_autofree char *summary = NULL;

  if (self->current == NULL)
    return;
  pl_chart_theme_zoom (cr, &width, &height);
  summary = pl_radar_chart_draw (questionnaire (), self->current, self->previous, cr, width, height,
                                 pl_chart_theme_for_widget (GTK_WIDGET (area)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
}

/* The overall score of every round, oldest first, as short bars. */
static void
draw_history_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PlAssessmentPage *self = data;
  const PlChartStyle *style = pl_chart_theme_for_widget (GTK_WIDGET (area));
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(GString) summary = g_string_new (_("Overall score by round:"));
  double slot;

  if (self->rounds == NULL || self->rounds->len == 0)
    return;
  pl_chart_theme_zoom (cr, &width, &height);
  text = pl_chart_text_new (cr, style, 11);
  slot = MIN (120, (double) width / self->rounds->len);
  for (guint r = 0; r < self->rounds->len; r++)
    {
      g_autoptr(PlMaturity) m = pl_maturity_score_round (questionnaire (), self->plan, self->rounds->pdata[r]);
      double score = isnan (m->overall) ? 0 : m->overall;
      double bar_h = (height - 34) * score / 100;
      g_autofree char *label = g_strdup_printf ("%s · %.0f", (char *) self->rounds->pdata[r], score);
      gboolean shown = g_str_equal (self->rounds->pdata[r], selected_round (self) ? selected_round (self) : "");

      /* The other rounds faded; under high contrast, where a faded bar reads as background,
       * as an outline instead. */
      pl_chart_set_color (cr, pl_chart_series_color (style, 0), shown ? 1 : pl_chart_faint (style, 0.45));
      if (shown || !style->high_contrast)
        {
          cairo_rectangle (cr, r * slot + 8, height - 18 - bar_h, slot - 16, bar_h);
          cairo_fill (cr);
        }
      else
        {
          cairo_rectangle (cr, r * slot + 9, height - 17 - bar_h, slot - 18, MAX (bar_h - 2, 0));
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
      pl_chart_set_color (cr, &style->muted, 1);
      pl_chart_text (cr, text, label, r * slot, height - 16, slot, PANGO_ALIGN_CENTER);
      g_string_append_printf (summary, " %s", label);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary->str, -1);
}

static void
show_results (PlAssessmentPage *self)
{
  const char *round = selected_round (self);
  guint index = gtk_drop_down_get_selected (self->round);

  g_clear_pointer (&self->current, pl_maturity_free);
  g_clear_pointer (&self->previous, pl_maturity_free);
  if (round == NULL)
    {
      gtk_stack_set_visible_child_name (self->mode, "empty");
      return;
    }
  self->current = pl_maturity_score_round (questionnaire (), self->plan, round);
  if (index > 0)
    self->previous = pl_maturity_score_round (questionnaire (), self->plan, self->rounds->pdata[index - 1]);
  rebuild_details (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->radar));
  gtk_widget_queue_draw (GTK_WIDGET (self->history));
  if (self->answering == NULL)
    gtk_stack_set_visible_child_name (self->mode, "results");
}

static void
on_round_selected_cb (PlAssessmentPage *self)
{
  show_results (self);
}

static void
refresh_rounds (PlAssessmentPage *self)
{
  g_autofree char *before = g_strdup (selected_round (self));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint select = 0;

  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  if (self->plan != NULL)
    self->rounds = pl_maturity_rounds (self->plan);
  for (guint r = 0; self->rounds && r < self->rounds->len; r++)
    {
      g_autofree char *label = g_strdup_printf (_("Round %s"), (char *) self->rounds->pdata[r]);
      gtk_string_list_append (names, label);
      select = before && g_str_equal (before, self->rounds->pdata[r]) ? r
             : before ? select : r;
    }
  /* The results are shown once, by the caller, not for each step of refilling the drop-down. */
  g_signal_handlers_block_by_func (self->round, on_round_selected_cb, self);
  gtk_drop_down_set_model (self->round, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->round, select);
  g_signal_handlers_unblock_by_func (self->round, on_round_selected_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->round), self->rounds && self->rounds->len > 0);
}


/* ---- answering ---- */

static guchar
answer_of (PlItem *assessment, const char *id)
{
  GVariant *answers = pl_item_get_variant (assessment, PL_ASSESSMENT_ANSWERS);
  GVariantIter iter;
  const char *key;
  guchar value;

  if (answers == NULL)
    return 255;
  g_variant_iter_init (&iter, answers);
  while (g_variant_iter_next (&iter, "(&sy)", &key, &value))
    if (g_str_equal (key, id))
      return value;
  return 255;
}

static void
update_answered (PlAssessmentPage *self)
{
  const PlQuestionnaire *q = questionnaire ();
  guint answered = 0, total = 0;
  g_autofree char *text = NULL;

  for (guint d = 0; d < q->dimensions->len; d++)
    {
      const PlDimension *dimension = q->dimensions->pdata[d];
      for (guint i = 0; i < dimension->questions->len; i++, total++)
        answered += answer_of (self->answering, ((PlQuestion *) dimension->questions->pdata[i])->id) != 255;
    }
  /* Translators: answered statements, all statements, the respondent, the round */
  text = g_strdup_printf (_("%u of %u statements answered by %s for round %s"), answered, total,
                          pl_item_get_string (self->answering, PL_ASSESSMENT_RESPONDENT),
                          pl_item_get_string (self->answering, PL_ASSESSMENT_ROUND));
  gtk_label_set_label (self->answered, text);
}

/* What one rating button answers. */
typedef struct {
  PlAssessmentPage *page;
  const char       *question;  /* the questionnaire's, which lives as long as the program */
  int               value;
} Rating;

/* Only a button turned on is an answer; the one it turns off says nothing. */
static void
on_rating_toggled_cb (GtkToggleButton *button, Rating *rating)
{
  PlAssessmentPage *self = rating->page;

  if (!gtk_toggle_button_get_active (button) || self->answering == NULL)
    return;
  /* Each answer is an edit of the plan: saved with it, and undone one at a time. */
  pl_plan_set_answer (self->plan, PL_ASSESSMENT (self->answering), rating->question, rating->value, NULL);
  update_answered (self);
}

static GtkWidget *
question_widget (PlAssessmentPage *self, const PlQuestion *question, guint number)
{
  static const char *ratings[] = { N_("I don’t know"), "1", "2", "3", "4", "5" };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *levels = gtk_grid_new ();
  g_autofree char *statement = g_strdup_printf ("%u. %s", number, question->statement);
  GtkWidget *title = paragraph (statement, "heading");
  GtkToggleButton *group = NULL;
  guchar current = answer_of (self->answering, question->id);

  gtk_grid_set_column_spacing (GTK_GRID (levels), 10);
  gtk_grid_set_row_spacing (GTK_GRID (levels), 2);
  for (guint l = 0; l < 3; l++)
    {
      g_autofree char *score = g_strdup_printf ("%u", l * 2 + 1);
      GtkWidget *key = gtk_label_new (score);
      gtk_widget_add_css_class (key, "dim-label");
      gtk_grid_attach (GTK_GRID (levels), key, 0, (int) l, 1, 1);
      gtk_grid_attach (GTK_GRID (levels), paragraph (question->levels[l], "dim-label"), 1, (int) l, 1, 1);
    }
  gtk_widget_add_css_class (row, "linked");
  for (guint r = 1; r <= 6; r++)
    {
      /* 1 to 5 first, then "I don't know". */
      guint value = r % 6;
      GtkWidget *button = gtk_toggle_button_new_with_label (value == 0 ? _(ratings[0]) : ratings[value]);

      Rating *rating = g_new (Rating, 1);

      *rating = (Rating) { self, question->id, (int) value };
      if (value != 0)
        gtk_widget_set_size_request (button, 48, -1);
      if (group == NULL)
        group = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), current == value);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, title, NULL, -1);
      /* Connected once its state is set: setting it is no answer. */
      g_signal_connect_data (button, "toggled", G_CALLBACK (on_rating_toggled_cb), rating,
                             (GClosureNotify) (void (*) (void)) g_free, 0);
      gtk_box_append (GTK_BOX (row), button);
    }
  gtk_widget_set_halign (row, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), levels);
  gtk_box_append (GTK_BOX (box), row);
  return box;
}

static void
show_step (PlAssessmentPage *self)
{
  const PlQuestionnaire *q = questionnaire ();
  const PlDimension *dimension = q->dimensions->pdata[self->step];
  GtkWidget *child;
  g_autofree char *title = NULL;
  guint number = 1;

  for (guint d = 0; d < self->step; d++)
    number += ((PlDimension *) q->dimensions->pdata[d])->questions->len;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->questions))) != NULL)
    gtk_box_remove (self->questions, child);
  for (guint i = 0; i < dimension->questions->len; i++)
    gtk_box_append (self->questions, question_widget (self, dimension->questions->pdata[i], number + i));
  /* Translators: step number, number of steps, the dimension's title */
  title = g_strdup_printf (_("Step %u of %u — %s"), self->step + 1, q->dimensions->len, dimension->title);
  gtk_label_set_label (self->step_title, title);
  gtk_progress_bar_set_fraction (self->progress, (double) self->step / q->dimensions->len);
  gtk_button_set_label (self->next_button, self->step + 1 == q->dimensions->len ? _("_Finish") : _("_Next"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.previous", self->step > 0);
  update_answered (self);
  /* One round at a time: the header's choices wait until the answering stops. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->round), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.answer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.new-round", FALSE);
  gtk_stack_set_visible_child_name (self->mode, "answering");
}

static void
finish (PlAssessmentPage *self)
{
  g_autofree char *round = self->answering ? g_strdup (pl_item_get_string (self->answering, PL_ASSESSMENT_ROUND)) : NULL;

  g_clear_object (&self->answering);
  refresh_rounds (self);
  for (guint r = 0; round && self->rounds && r < self->rounds->len; r++)
    if (g_str_equal (self->rounds->pdata[r], round))
      gtk_drop_down_set_selected (self->round, r);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.answer", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.new-round", TRUE);
  show_results (self);
}

void
pl_assessment_page_answer (PlAssessmentPage *self, const char *round, const char *respondent)
{
  const PlQuestionnaire *q = questionnaire ();
  GListModel *assessments;
  PlItem *found = NULL;

  g_return_if_fail (PL_IS_ASSESSMENT_PAGE (self));
  pl_page_update (PL_PAGE (self));
  if (self->plan == NULL)
    return;
  assessments = pl_plan_get_collection (self->plan, PL_COLLECTION_ASSESSMENTS);
  for (guint i = 0; i < g_list_model_get_n_items (assessments) && found == NULL; i++)
    {
      g_autoptr(PlItem) assessment = g_list_model_get_item (assessments, i);
      if (g_strcmp0 (pl_item_get_string (assessment, PL_ASSESSMENT_ROUND), round) == 0 &&
          g_strcmp0 (pl_item_get_string (assessment, PL_ASSESSMENT_RESPONDENT), respondent) == 0)
        found = assessment;
    }
  if (found == NULL)
    {
      g_autoptr(PlItem) assessment = g_object_new (PL_TYPE_ASSESSMENT, NULL);
      pl_item_set_string (assessment, PL_ASSESSMENT_ROUND, round);
      pl_item_set_string (assessment, PL_ASSESSMENT_RESPONDENT, respondent);
      pl_item_set_julian (assessment, PL_ASSESSMENT_DATE, pl_calendar_today ());
      pl_plan_add (self->plan, assessment);
      found = assessment;
    }
  g_set_object (&self->answering, found);
  /* Resume at the first dimension with a statement not answered yet. */
  self->step = 0;
  for (guint d = q->dimensions->len; d > 0; d--)
    {
      const PlDimension *dimension = q->dimensions->pdata[d - 1];
      for (guint i = 0; i < dimension->questions->len; i++)
        if (answer_of (found, ((PlQuestion *) dimension->questions->pdata[i])->id) == 255)
          self->step = d - 1;
    }
  show_step (self);
}

static gboolean
answer_done (gpointer owner, const char *text, guint choice, GError **error)
{
  PlAssessmentPage *self = owner;
  g_autofree char *who = g_strstrip (g_strdup (text));

  if (*who == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Type who answers, so that several people’s answers stay apart."));
      return FALSE;
    }
  pl_assessment_page_answer (self, selected_round (self), who);
  return TRUE;
}

static gboolean
new_round_done (gpointer owner, const char *text, guint choice, GError **error)
{
  PlAssessmentPage *self = owner;
  g_autofree char *round = g_strstrip (g_strdup (text));
  const char *owner_name = pl_item_get_string (PL_ITEM (pl_plan_get_metadata (self->plan)), PL_METADATA_OWNER);

  if (*round == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Name the round, such as the year."));
      return FALSE;
    }
  for (guint r = 0; self->rounds && r < self->rounds->len; r++)
    if (g_str_equal (self->rounds->pdata[r], round))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("There is already a round “%s”: choose it and use Answer…."), round);
        return FALSE;
      }
  pl_assessment_page_answer (self, round, owner_name ? owner_name : _("The CMO"));
  return TRUE;
}

/* ---- actions ---- */

static void
answer_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlAssessmentPage *self = PL_ASSESSMENT_PAGE (widget);
  const char *owner = pl_item_get_string (PL_ITEM (pl_plan_get_metadata (self->plan)), PL_METADATA_OWNER);
  g_autofree char *title = g_strdup_printf (_("Answer round %s"), selected_round (self));

  pl_ask_dialog_present (widget, title, _("Who answers? Each person answers alone; the round shows their mean and how far apart they are."),
                         owner ? owner : "", NULL, _("_Answer"), answer_done, self);
}

static void
new_round_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlAssessmentPage *self = PL_ASSESSMENT_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = g_strdup_printf ("%d", g_date_time_get_year (now));

  pl_ask_dialog_present (widget, _("New round of the self-assessment"),
                         _("A round is one moment of the assessment, answered by one or several people; a year later, the next round shows the progress."),
                         year, NULL, _("_Start"), new_round_done, self);
}

static void
next_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlAssessmentPage *self = PL_ASSESSMENT_PAGE (widget);

  if (self->answering == NULL)
    return;
  if (self->step + 1 < questionnaire ()->dimensions->len)
    {
      self->step++;
      show_step (self);
    }
  else
    finish (self);
}

static void
previous_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PlAssessmentPage *self = PL_ASSESSMENT_PAGE (widget);

  if (self->answering != NULL && self->step > 0)
    {
      self->step--;
      show_step (self);
    }
}

static void
finish_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  finish (PL_ASSESSMENT_PAGE (widget));
}

/* ---- PlPage ---- */

static void
pl_assessment_page_refresh (PlPage *page, PlChangeMask change)
{
  PlAssessmentPage *self = PL_ASSESSMENT_PAGE (page);

  /* The record being answered may have gone (undo of its creation). */
  if (self->answering != NULL && pl_plan_lookup (self->plan, pl_item_get_id (self->answering)) != self->answering)
    g_clear_object (&self->answering);
  if (self->answering != NULL)
    return;
  refresh_rounds (self);
  show_results (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.answer", self->rounds && self->rounds->len > 0);
}

static void
pl_assessment_page_bind (PlPage *page, PlPlan *plan)
{
  PlAssessmentPage *self = PL_ASSESSMENT_PAGE (page);

  g_set_object (&self->plan, plan);
  g_clear_object (&self->answering);
}

/* ---- GObject ---- */

static void
pl_assessment_page_dispose (GObject *object)
{
  PlAssessmentPage *self = PL_ASSESSMENT_PAGE (object);
  GtkWidget *child;

  g_clear_object (&self->plan);
  g_clear_object (&self->answering);
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  g_clear_pointer (&self->current, pl_maturity_free);
  g_clear_pointer (&self->previous, pl_maturity_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_ASSESSMENT_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pl_assessment_page_parent_class)->dispose (object);
}

static gboolean
pl_assessment_page_is_empty (PlPage *page)
{
  PlAssessmentPage *self = PL_ASSESSMENT_PAGE (page);

  return g_list_model_get_n_items (pl_plan_get_collection (self->plan, PL_COLLECTION_ASSESSMENTS)) == 0;
}

static void
pl_assessment_page_class_init (PlAssessmentPageClass *klass)
{
  static const char * const charts[] = { "radar", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PlPageClass *page_class = PL_PAGE_CLASS (klass);

  object_class->dispose = pl_assessment_page_dispose;
  page_class->bind = pl_assessment_page_bind;
  page_class->refresh = pl_assessment_page_refresh;
  page_class->is_empty = pl_assessment_page_is_empty;
  pl_page_class_set_title (page_class, N_("Maturity"));
  pl_page_class_set_empty_state (page_class, N_("No Self-Assessment Yet"),
                                 N_("Thirty statements about how your team measures and steers marketing, rated 1 to 5 in about fifteen minutes, show where to improve first."),
                                 N_("_Start the Self-Assessment…"), "assessment.new-round", NULL, NULL);
  /* The answers, and the plan's own evidence (pl-maturity-evidence.c). */
  pl_page_class_set_shows (page_class, PL_CHANGE_METADATA | pl_change_for_collection (PL_COLLECTION_ASSESSMENTS) |
                                       pl_change_for_collection (PL_COLLECTION_CAMPAIGNS) |
                                       pl_change_for_collection (PL_COLLECTION_KPIS) |
                                       pl_change_for_collection (PL_COLLECTION_CAMPAIGN_KPIS));
  pl_page_class_set_charts (page_class, charts);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilote/Pilote/pl-assessment-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PlAssessmentPage, round);
  gtk_widget_class_bind_template_child (widget_class, PlAssessmentPage, mode);
  gtk_widget_class_bind_template_child (widget_class, PlAssessmentPage, radar);
  gtk_widget_class_bind_template_child (widget_class, PlAssessmentPage, history);
  gtk_widget_class_bind_template_child (widget_class, PlAssessmentPage, details);
  gtk_widget_class_bind_template_child (widget_class, PlAssessmentPage, step_title);
  gtk_widget_class_bind_template_child (widget_class, PlAssessmentPage, progress);
  gtk_widget_class_bind_template_child (widget_class, PlAssessmentPage, questions);
  gtk_widget_class_bind_template_child (widget_class, PlAssessmentPage, answered);
  gtk_widget_class_bind_template_child (widget_class, PlAssessmentPage, next_button);
  gtk_widget_class_install_action (widget_class, "assessment.answer", NULL, answer_action);
  gtk_widget_class_install_action (widget_class, "assessment.new-round", NULL, new_round_action);
  gtk_widget_class_install_action (widget_class, "assessment.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "assessment.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "assessment.finish", NULL, finish_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "assessment.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "assessment.previous", NULL);
}

/* At large text the zoomed radar takes the width and the findings follow below it, the page
 * scrolling as a whole. */
static void
stack_for_large_text (GtkWidget *widget)
{
  PlAssessmentPage *self = PL_ASSESSMENT_PAGE (widget);
  GtkWidget *details = gtk_widget_get_ancestor (GTK_WIDGET (self->details), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *charts = gtk_widget_get_parent (GTK_WIDGET (self->radar));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_parent (charts)), GTK_ORIENTATION_VERTICAL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (details), GTK_POLICY_NEVER, GTK_POLICY_NEVER);
  gtk_widget_set_vexpand (GTK_WIDGET (self->radar), FALSE);
  /* It takes the page's width anyway; its least width must not exceed a narrow window. */
  pl_chart_theme_limit_width (self->radar, 900);
}

static void
pl_assessment_page_init (PlAssessmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->round, "notify::selected", G_CALLBACK (on_round_selected_cb), self);
  gtk_drawing_area_set_draw_func (self->radar, draw_radar_cb, self, NULL);
  pl_chart_theme_grow_with_text (self->radar);
  pl_chart_menu_attach (GTK_WIDGET (self->radar), "radar");
  gtk_drawing_area_set_draw_func (self->history, draw_history_cb, self, NULL);
  pl_chart_theme_grow_with_text (self->history);
  pl_a11y_when_large_text (GTK_WIDGET (self), stack_for_large_text);
}

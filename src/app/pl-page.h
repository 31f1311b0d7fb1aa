/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_PAGE (pl_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (PlPage, pl_page, PL, PAGE, GtkWidget)

/* One page of the window (Dashboard, Plan, Campaigns...): the plan it shows in its "plan"
 * property, its title, the charts Print prints from it, and the one way every page follows
 * the plan. A page shows a plan the first time it is on screen (bind, then refresh with
 * PL_CHANGE_ALL); while on screen it refreshes for the edits that touch what it shows (the
 * collections of its class's mask); hidden, it only remembers what it missed, and catches
 * up when shown again. */
struct _PlPageClass
{
  GtkWidgetClass parent_class;

  /* Makes the page's widgets show @plan (NULL: none): gives it to the tables and grids,
   * builds the models of its lists. Called with NULL as soon as the plan property leaves
   * the plan shown, with the plan when the page is first needed. */
  void     (*bind)        (PlPage *self, PlPlan *plan);
  /* Brings what the page shows up to date after an edit that touched @change (only bits
   * of the class's mask; PL_CHANGE_ALL after bind). */
  void     (*refresh)     (PlPage *self, PlChangeMask change);
  /* FALSE at once when the page does not edit records like @item; otherwise shows the page
   * (pl_page_present()) and selects @item in it. */
  gboolean (*select_item) (PlPage *self, PlItem *item);
  /* Puts the keyboard in the page's search; FALSE when it has none. */
  gboolean (*search)      (PlPage *self);
  /* TRUE while the bound plan has nothing for the page to show: the page then shows its
   * class's empty state (pl_page_class_set_empty_state()) instead of its widgets. Asked
   * after every refresh. */
  gboolean (*is_empty)    (PlPage *self);

  /*< private >*/
  gpointer padding[3];
};

/* Class set-up, for the pages' class_init: the title in the window's sidebar (translated
 * when read), the collections the page shows (changes to others leave it alone), and the
 * charts Print prints from it (a NULL-terminated array of chart names, or NULL). */
void                pl_page_class_set_title   (PlPageClass *klass, const char *title);
void                pl_page_class_set_shows   (PlPageClass *klass, PlChangeMask shows);
void                pl_page_class_set_charts  (PlPageClass *klass, const char * const *charts);

/* What the page shows while its is_empty() says so (strings marked for translation, translated
 * when shown): a title, the one sentence saying what the page is for, and the label and
 * detailed action name of the one action that fills it; @second_label and @second_action
 * (both NULL for none) give another way in. */
void                pl_page_class_set_empty_state (PlPageClass *klass, const char *title, const char *description,
                                                   const char *action_label, const char *action,
                                                   const char *second_label, const char *second_action);

PlPlan             *pl_page_get_plan          (PlPage *self);
void                pl_page_set_plan          (PlPage *self, PlPlan *plan);
/* The plan the page's widgets show: NULL until the page is first needed. */
PlPlan             *pl_page_get_bound_plan    (PlPage *self);
const char         *pl_page_get_title         (PlPage *self);
/* The charts Print offers on this page (NULL-terminated), or NULL. */
const char * const *pl_page_get_charts        (PlPage *self);
/* Tells the page that @change (bits of its class's mask) changed in what it shows without the
 * plan's "changed" (the record being filled in): refreshed now on screen, else when shown. */
void                pl_page_changed           (PlPage *self, PlChangeMask change);
/* Brings the page up to date now, on screen or not: for callers about to use its widgets. */
void                pl_page_update            (PlPage *self);
/* Makes the page the one its GtkStack shows, up to date. */
void                pl_page_present           (PlPage *self);
/* See PlPageClass. */
gboolean            pl_page_select_item       (PlPage *self, PlItem *item);
gboolean            pl_page_search            (PlPage *self);
/* The empty state the page shows now, or NULL when it shows its own widgets. */
GtkWidget          *pl_page_get_empty_state   (PlPage *self);
/* How many times the page refreshed since it was made: what tests count. */
guint               pl_page_get_n_refreshes   (PlPage *self);

G_END_DECLS

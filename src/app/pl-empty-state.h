/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PL_TYPE_EMPTY_STATE (pl_empty_state_get_type ())
G_DECLARE_FINAL_TYPE (PlEmptyState, pl_empty_state, PL, EMPTY_STATE, GtkWidget)

/* What a page shows while the plan has nothing there, as GNOME apps do: a title, one
 * sentence saying what the page is for, and the one action that fills it (a suggested
 * button, its label its accessible name and the sentence its description), with at most
 * one other way in beside it. Texts are given translated; actions are detailed action
 * names ("win.show-page::kpis") the page or the window answers. */
PlEmptyState *pl_empty_state_new        (const char *title, const char *description,
                                         const char *action_label, const char *action);
/* Adds the other way in, a plain button after the suggested one. */
void          pl_empty_state_set_second (PlEmptyState *self, const char *label, const char *action);
const char   *pl_empty_state_get_title  (PlEmptyState *self);
const char   *pl_empty_state_get_description (PlEmptyState *self);
/* The suggested button; the other one (NULL when there is none). */
GtkButton    *pl_empty_state_get_button (PlEmptyState *self);
GtkButton    *pl_empty_state_get_second (PlEmptyState *self);

G_END_DECLS

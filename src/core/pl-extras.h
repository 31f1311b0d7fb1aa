/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Attributes and child elements a reader did not know (a newer version wrote them),
 * kept verbatim so that saving writes them back. */
typedef struct {
  GPtrArray *attributes; /* alternating qualified name and value */
  GString   *children;   /* serialised XML elements */
} PlExtras;

PlExtras *pl_extras_new            (void);
void      pl_extras_free           (PlExtras *extras);
/* Returns TRUE when @extras is NULL or holds nothing. */
gboolean  pl_extras_is_empty       (const PlExtras *extras);
/* Returns TRUE when @a and @b (either may be NULL) hold the same attributes and elements. */
gboolean  pl_extras_equal          (const PlExtras *a, const PlExtras *b);
/* What @extras (may be NULL) holds as the file wrote it, for showing and comparing as text:
 * the attributes as name="value", then the elements; "" when empty. */
char     *pl_extras_to_text        (const PlExtras *extras);
void      pl_extras_add_attribute  (PlExtras *extras, const char *name, const char *value);
void      pl_extras_add_child      (PlExtras *extras, const char *xml);
/* Makes @extras hold what @from (NULL: nothing) holds. */
void      pl_extras_assign         (PlExtras *extras, const PlExtras *from);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlExtras, pl_extras_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-formula"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-error.h"
#include "pl-formula.h"

/* The formula compiles to postfix code: short, no tree to free, and evaluation is a loop. */
typedef enum { OP_NUMBER, OP_KPI, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_NEG } OpCode;

typedef struct {
  OpCode op;
  double number;
  guint  ref;    /* index into refs */
} Op;

struct _PlFormula {
  GArray    *code;
  GPtrArray *refs;
};

typedef struct {
  const char *text;
  const char *p;
  PlFormula  *formula;
  GError    **error;
  guint       depth;
} Parser;

static gboolean parse_sum (Parser *parser);

static void
skip_space (Parser *parser)
{
  while (g_ascii_isspace (*parser->p))
    parser->p++;
}

static gboolean
fail (Parser *parser, const char *message)
{
  g_set_error (parser->error, PL_ERROR, PL_ERROR_FORMULA,
               /* Translators: %s explains the error, %d is a character position */
               _("%s at character %d of the formula"), message,
               (int) g_utf8_pointer_to_offset (parser->text, parser->p) + 1);
  return FALSE;
}

static void
emit (Parser *parser, OpCode op, double number, guint ref)
{
  Op code = { op, number, ref };

  g_array_append_val (parser->formula->code, code);
}

static gboolean
is_id_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '.' || c == '-';
}

static gboolean
parse_atom (Parser *parser)
{
  skip_space (parser);
  if (*parser->p == '(')
    {
      if (++parser->depth > 64)
        return fail (parser, _("Too many nested parentheses"));
      parser->p++;
      if (!parse_sum (parser))
        return FALSE;
      skip_space (parser);
      if (*parser->p != ')')
        return fail (parser, _("A closing parenthesis is missing"));
      parser->p++;
      parser->depth--;
      return TRUE;
    }
  if (*parser->p == '-')
    {
      if (++parser->depth > 64)
        return fail (parser, _("Too many nested signs"));
      parser->p++;
      if (!parse_atom (parser))
        return FALSE;
      parser->depth--;
      emit (parser, OP_NEG, 0, 0);
      return TRUE;
    }
  if (g_ascii_isdigit (*parser->p) || (*parser->p == '.' && g_ascii_isdigit (parser->p[1])))
    {
      char *end;
      double value = g_ascii_strtod (parser->p, &end);

      if (!isfinite (value))
        return fail (parser, _("The number is too large"));
      parser->p = end;
      emit (parser, OP_NUMBER, value, 0);
      return TRUE;
    }
  if (g_ascii_isalpha (*parser->p) || *parser->p == '_')
    {
      const char *start = parser->p;
      g_autofree char *id = NULL;
      guint index;

      /* '-' belongs to IDs ("kpi-leads"); subtraction needs spaces around it. */
      while (is_id_char (*parser->p))
        parser->p++;
      id = g_strndup (start, parser->p - start);
      for (index = 0; index < parser->formula->refs->len - 1; index++)
        if (strcmp (g_ptr_array_index (parser->formula->refs, index), id) == 0)
          break;
      if (index == parser->formula->refs->len - 1)
        g_ptr_array_insert (parser->formula->refs, index, g_steal_pointer (&id));
      emit (parser, OP_KPI, 0, index);
      return TRUE;
    }
  if (*parser->p == '\0')
    return fail (parser, _("The formula ends too early"));
  return fail (parser, _("Unexpected character"));
}

static gboolean
parse_product (Parser *parser)
{
  if (!parse_atom (parser))
    return FALSE;
  for (;;)
    {
      char c;

      skip_space (parser);
      c = *parser->p;
      if (c != '*' && c != '/')
        return TRUE;
      parser->p++;
      if (!parse_atom (parser))
        return FALSE;
      emit (parser, c == '*' ? OP_MUL : OP_DIV, 0, 0);
    }
}

static gboolean
parse_sum (Parser *parser)
{
  if (!parse_product (parser))
    return FALSE;
  for (;;)
    {
      char c;

      skip_space (parser);
      c = *parser->p;
      if (c != '+' && c != '-')
        return TRUE;
      parser->p++;
      if (!parse_product (parser))
        return FALSE;
      emit (parser, c == '+' ? OP_ADD : OP_SUB, 0, 0);
    }
}

PlFormula *
pl_formula_parse (const char *text, GError **error)
{
  g_autoptr(PlFormula) formula = g_new0 (PlFormula, 1);
  Parser parser = { text, text, formula, error, 0 };

  formula->code = g_array_new (FALSE, FALSE, sizeof (Op));
  formula->refs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (formula->refs, NULL); /* keeps the array NULL-terminated */
  if (!parse_sum (&parser))
    return NULL;
  skip_space (&parser);
  if (*parser.p != '\0')
    {
      fail (&parser, _("Unexpected character"));
      return NULL;
    }
  return g_steal_pointer (&formula);
}

void
pl_formula_free (PlFormula *formula)
{
  if (formula == NULL)
    return;
  g_array_unref (formula->code);
  g_ptr_array_unref (formula->refs);
  g_free (formula);
}

const char * const *
pl_formula_get_references (const PlFormula *formula)
{
  return (const char * const *) formula->refs->pdata;
}

double
pl_formula_evaluate (const PlFormula *formula, PlFormulaLookup lookup, gpointer user_data)
{
  double stack[256];
  guint top = 0;

  for (guint i = 0; i < formula->code->len; i++)
    {
      const Op *op = &g_array_index (formula->code, Op, i);
      double a, b;

      switch (op->op)
        {
        case OP_NUMBER:
        case OP_KPI:
          if (top == G_N_ELEMENTS (stack))
            return NAN;
          stack[top++] = op->op == OP_NUMBER ? op->number
                                             : lookup (g_ptr_array_index (formula->refs, op->ref), user_data);
          continue;
        case OP_NEG:
          stack[top - 1] = -stack[top - 1];
          continue;
        default:
          break;
        }
      b = stack[--top];
      a = stack[top - 1];
      switch (op->op)
        {
        case OP_ADD: a = a + b; break;
        case OP_SUB: a = a - b; break;
        case OP_MUL: a = a * b; break;
        case OP_DIV: a = b == 0 ? NAN : a / b; break;
        default: g_assert_not_reached ();
        }
      stack[top - 1] = isfinite (a) ? a : NAN;
    }
  return top == 1 ? stack[0] : NAN;
}

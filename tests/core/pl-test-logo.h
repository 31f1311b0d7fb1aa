/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Logos for the tests of the report settings (core, io and app): a real PNG image of one
 * pixel, PNG-looking data just over the size a plan holds, and a small PNG whose header
 * claims more pixels than a logo may have. */

#include <string.h>

#include "pl-report-settings.h"

static const guint8 pl_test_logo_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
  0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
  0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
  0x44, 0xae, 0x42, 0x60, 0x82,
};

/* The one-pixel PNG image, as bytes. */
static inline GBytes *
pl_test_logo_new (void)
{
  return g_bytes_new_static (pl_test_logo_png, sizeof pl_test_logo_png);
}

/* A PNG's signature, header and end around zeros: one byte over PL_LOGO_MAX_BYTES. */
static inline GBytes *
pl_test_logo_new_too_big (void)
{
  gsize size = PL_LOGO_MAX_BYTES + 1;
  guint8 *data = g_malloc0 (size);

  memcpy (data, pl_test_logo_png, 33);
  memcpy (data + size - 12, pl_test_logo_png + sizeof pl_test_logo_png - 12, 12);
  return g_bytes_new_take (data, size);
}

/* The one-pixel image, its header saying @width × @height (its CRC left as it was: the
 * check reads the header, the decoder is never reached). */
static inline GBytes *
pl_test_logo_new_sized (guint32 width, guint32 height)
{
  guint8 *data = g_memdup2 (pl_test_logo_png, sizeof pl_test_logo_png);
  guint32 be[2] = { GUINT32_TO_BE (width), GUINT32_TO_BE (height) };

  memcpy (data + 16, be, sizeof be);
  return g_bytes_new_take (data, sizeof pl_test_logo_png);
}

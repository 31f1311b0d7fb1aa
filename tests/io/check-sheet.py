#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads an exported spreadsheet back with openpyxl, a reader independent of Pilote, and
checks it against what the test expects (a JSON file the C test writes from the core's
figures):

  check-sheet.py EXPECT.json

EXPECT.json: {"xlsx": PATH, "csv": PATH or null, "sheet": NAME, "freeze": "C3",
  "header_rows": N, "money_format": FORMAT, "csv_separator": ",", "csv_decimal": ".",
  "exponent": 2, "cells": [{"row": [A, B], "column": [TOP, BOTTOM], "value"|"text"|"date": X,
  "format": FORMAT (optional)}], "summary": PATH (optional, `pilote-cli summary --json`)}

Rows are found by the text of their first two columns (null: any), columns by their
headings. Besides the cells listed, every formula must have a cached result equal to the
formula computed from the cached results it reads, no number may be stored as text, and the
CSV must hold the same values as the workbook."""

import csv
import datetime
import json
import math
import re
import sys

try:
    import openpyxl
    from openpyxl.utils import column_index_from_string, get_column_letter
except ImportError:
    print("check-sheet.py: openpyxl cannot be imported by %s; install python3-openpyxl "
          "(tools/install-deps)" % sys.executable, file=sys.stderr)
    sys.exit(1)

failures = []


def fail(message):
    failures.append(message)


def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def headings(ws, header_rows):
    """The headings of each column: (top, bottom), the top inherited over merged cells."""
    result = {}
    top = None
    for col in range(1, ws.max_column + 1):
        value = ws.cell(row=1, column=col).value
        if value is not None:
            top = value
        bottom = ws.cell(row=2, column=col).value if header_rows > 1 else None
        result[col] = (top if value is not None or header_rows > 1 else None, bottom)
    return result


def find_row(ws, header_rows, key):
    for row in range(header_rows + 1, ws.max_row + 1):
        a = ws.cell(row=row, column=1).value
        b = ws.cell(row=row, column=2).value
        if (key[0] is None or a == key[0]) and (len(key) < 2 or key[1] is None or b == key[1]):
            return row
    return None


def find_column(heads, key):
    for col, (top, bottom) in heads.items():
        if top == key[0] and (len(key) < 2 or key[1] is None or bottom == key[1]):
            return col
    return None


def cells_of(ref):
    """The cells a reference names: "C3" or "C3:C9"."""
    if ":" in ref:
        first, last = ref.split(":")
        c1, r1 = re.match(r"([A-Z]+)(\d+)$", first).groups()
        c2, r2 = re.match(r"([A-Z]+)(\d+)$", last).groups()
        for col in range(column_index_from_string(c1), column_index_from_string(c2) + 1):
            for row in range(int(r1), int(r2) + 1):
                yield "%s%d" % (get_column_letter(col), row)
    else:
        yield ref


def evaluate(formula, values):
    """The value of the formulas Pilote writes (SUM of cells and ranges, a difference)."""
    match = re.match(r"=SUM\(([A-Z0-9:,]+)\)$", formula)
    if match:
        total = 0.0
        for part in match.group(1).split(","):
            for ref in cells_of(part):
                value = values.get(ref)
                total += value if isinstance(value, (int, float)) else 0.0
        return total
    match = re.match(r"=([A-Z]+\d+)-([A-Z]+\d+)$", formula)
    if match:
        a, b = (values.get(r) or 0.0 for r in match.groups())
        return a - b
    fail("unexpected formula %s" % formula)
    return math.nan


def looks_like_number(text):
    try:
        float(text.replace(",", "").replace(" ", ""))
        return True
    except ValueError:
        return False


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        expect = json.load(f)
    formulas_book = openpyxl.load_workbook(expect["xlsx"])
    cached_book = openpyxl.load_workbook(expect["xlsx"], data_only=True)
    if formulas_book.sheetnames != [expect["sheet"]]:
        fail("sheets %r, expected [%r]" % (formulas_book.sheetnames, expect["sheet"]))
    ws = formulas_book.worksheets[0]
    cached = cached_book.worksheets[0]
    header_rows = expect["header_rows"]
    if ws.freeze_panes != expect["freeze"]:
        fail("frozen at %s, expected %s" % (ws.freeze_panes, expect["freeze"]))

    values = {}
    n_formulas = 0
    for row in cached.iter_rows():
        for cell in row:
            if cell.value is not None:
                values[cell.coordinate] = cell.value
    for row in ws.iter_rows(min_row=header_rows + 1):
        for cell in row:
            if cell.data_type == "f":
                n_formulas += 1
                result = values.get(cell.coordinate)
                if not isinstance(result, (int, float)):
                    fail("%s: formula %s has no cached result" % (cell.coordinate, cell.value))
                    continue
                computed = evaluate(cell.value, values)
                if not close(computed, result):
                    fail("%s: %s computes %r, cached %r" % (cell.coordinate, cell.value, computed, result))
                if cell.number_format != expect["money_format"]:
                    fail("%s: formula's format %r" % (cell.coordinate, cell.number_format))
    # A text that reads as a number, in a column of numbers, is a number stored as text.
    number_columns = {cell.column for row in ws.iter_rows(min_row=header_rows + 1) for cell in row
                      if cell.data_type in ("n", "f") and cell.value is not None}
    for row in ws.iter_rows(min_row=header_rows + 1):
        for cell in row:
            if cell.data_type == "s" and cell.column in number_columns and looks_like_number(cell.value):
                fail("%s: the number %r is stored as text" % (cell.coordinate, cell.value))
    if expect.get("formulas", 0) > n_formulas:
        fail("%d formulas, expected at least %d" % (n_formulas, expect["formulas"]))

    heads = headings(ws, header_rows)
    for check in expect.get("cells", []):
        row = find_row(ws, header_rows, check["row"])
        col = find_column(heads, check["column"])
        if row is None or col is None:
            fail("no cell at row %r, column %r" % (check["row"], check["column"]))
            continue
        cell = ws.cell(row=row, column=col)
        value = cached.cell(row=row, column=col).value
        where = "%s (%r, %r)" % (cell.coordinate, check["row"], check["column"])
        if "value" in check:
            if not isinstance(value, (int, float)) or not close(value, check["value"]):
                fail("%s: %r, expected %r" % (where, value, check["value"]))
            if cell.number_format != check.get("format", expect["money_format"]):
                fail("%s: format %r, expected %r" % (where, cell.number_format,
                                                      check.get("format", expect["money_format"])))
        if "text" in check and (cell.data_type != "s" or value != check["text"]):
            fail("%s: %r (type %s), expected the text %r" % (where, value, cell.data_type, check["text"]))
        if "date" in check and (not cell.is_date or value.date().isoformat() != check["date"]):
            fail("%s: %r, expected the date %s" % (where, value, check["date"]))
        if "formula" in check and not (cell.data_type == "f" and cell.value == check["formula"]):
            fail("%s: %r, expected the formula %s" % (where, cell.value, check["formula"]))

    if expect.get("summary"):
        check_summary(expect, ws, cached, heads, header_rows)
    if expect.get("csv"):
        check_csv(expect, ws, cached, header_rows)

    for message in failures:
        print("check-sheet.py: %s: %s" % (expect["xlsx"], message), file=sys.stderr)
    sys.exit(1 if failures else 0)


def check_summary(expect, ws, cached, heads, header_rows):
    """The budget's totals against `pilote-cli summary --json` as of the period's last day."""
    with open(expect["summary"], encoding="utf-8") as f:
        summary = json.load(f)
    planned_col = find_column(heads, [expect["total_heading"], expect["planned_heading"]])
    actual_col = find_column(heads, [expect["total_heading"], expect["actual_heading"]])
    for category in summary["budget"]:
        key = [expect["total_label"], None] if category["id"] is None else [category["name"], expect["subtotal_label"]]
        row = find_row(ws, header_rows, key)
        if row is None:
            fail("no row for %r" % key)
            continue
        planned = cached.cell(row=row, column=planned_col).value
        actual = cached.cell(row=row, column=actual_col).value
        if not close(planned, category["planned"]):
            fail("%r: planned %r, summary says %r" % (key, planned, category["planned"]))
        if category.get("spent_to_date") is not None and not close(actual, category["spent_to_date"]):
            fail("%r: actual %r, summary says %r" % (key, actual, category["spent_to_date"]))


def check_csv(expect, ws, cached, header_rows):
    """The CSV holds the workbook's values: numbers, texts and ISO dates."""
    with open(expect["csv"], "rb") as f:
        raw = f.read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail("the CSV has no byte order mark")
    if b"\r\n" not in raw:
        fail("the CSV's lines do not end with CRLF")
    with open(expect["csv"], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=expect["csv_separator"]))
    data = rows[1:]
    if len(data) != ws.max_row - header_rows:
        fail("the CSV has %d rows of data, the workbook %d" % (len(data), ws.max_row - header_rows))
    for i, fields in enumerate(data):
        row = header_rows + 1 + i
        if len(fields) != ws.max_column:
            fail("CSV row %d has %d fields, expected %d" % (i + 2, len(fields), ws.max_column))
            continue
        for col, field in enumerate(fields, start=1):
            cell = ws.cell(row=row, column=col)
            value = cached.cell(row=row, column=col).value
            where = "CSV row %d field %d (%s)" % (i + 2, col, cell.coordinate)
            if value is None:
                if field != "":
                    fail("%s: %r, expected nothing" % (where, field))
            elif isinstance(value, datetime.datetime):
                if field != value.date().isoformat():
                    fail("%s: %r, expected %s" % (where, field, value.date().isoformat()))
            elif isinstance(value, (int, float)):
                if expect["csv_decimal"] == "," and "." in field:
                    fail("%s: %r has a decimal point, expected a comma" % (where, field))
                try:
                    number = float(field.replace(expect["csv_decimal"], "."))
                except ValueError:
                    fail("%s: %r is not a number" % (where, field))
                    continue
                # Amounts are written with the currency's decimals (a cost per lead's too).
                if cell.number_format == expect["money_format"]:
                    good = abs(number - value) <= 0.5 * 10 ** -expect["exponent"] + 1e-9
                else:
                    good = close(number, value)
                if not good:
                    fail("%s: %r, expected %r" % (where, field, value))
            else:
                text = ("'" + value) if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
                if field != text:
                    fail("%s: %r, expected %r" % (where, field, text))


if __name__ == "__main__":
    main()

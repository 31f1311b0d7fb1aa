#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the budget sheets the import tests read (README.md says which program wrote which).
# Run with Debian's python3 (openpyxl) and LibreOffice installed:
#   /usr/bin/python3 tests/data/sheets/make-fixtures.py
# Not part of the build: its output is committed.
import datetime
import os
import shutil
import subprocess
import tempfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]
MOIS_COURTS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# The budget every file tells, against data/examples/northwind-saas-2027.pilote:
# LinkedIn unchanged, Google changed (another case and dash), Intent data unchanged but its
# total written wrong, Webinar unchanged, a new line in an existing category, a new line in a
# new category.
LINKEDIN = [16000, 16000, 19000, 19000, 19000, 16000, 16000, 16000, 19000, 19000, 19000, 16000]
BUDGET = [
    ("Digital marketing", [
        ("LinkedIn Ads – finance audiences", LINKEDIN, None),
        ("GOOGLE ADS - Search", [22000] * 12, None),
        ("Intent data", [1500] * 12, 18500),
    ]),
    ("Event management", [
        ("Webinar production", [2000] * 12, None),
        ("Salon CFO Paris", [0, 0, 0, 0, 5000, 15000, 0, 0, 0, 0, 0, 0], None),
    ]),
    ("Partenariats", [
        ("Co-marketing avec Sage", [3000] * 12, None),
    ]),
]


def fr_amount(value):
    whole = f"{value:,.2f}".replace(",", "\u202f").replace(".", ",")
    return whole + "\u00a0€"


def write_csvs():
    # French: semicolons, decimal commas, a category column, a total column, subtotal rows.
    rows = ["Catégorie;Poste;" + ";".join(m + " 2027" for m in MOIS_COURTS) + ";Total"]
    for category, lines in BUDGET:
        for name, amounts, total in lines:
            rows.append(f"{category};{name};" + ";".join(fr_amount(a) if a else "" for a in amounts) + ";" +
                        fr_amount(total if total is not None else sum(amounts)))
        sums = [sum(line[1][m] for line in lines) for m in range(12)]
        rows.append(f";Sous-total {category};" + ";".join(fr_amount(s) for s in sums) + ";" + fr_amount(sum(sums)))
    text = "\r\n".join(rows) + "\r\n"
    with open(os.path.join(HERE, "budget-fr.csv"), "w", encoding="utf-8-sig", newline="") as f:
        f.write(text)
    # The same as Excel on Windows saves "CSV (separated by semicolons)": Windows-1252, where
    # the narrow no-break space does not exist.
    with open(os.path.join(HERE, "budget-fr-cp1252.csv"), "w", encoding="cp1252", newline="") as f:
        f.write(text.replace("\u202f", "\u00a0"))
    # English: commas, category rows instead of a column, blank lines, no total column.
    rows = ["Budget line," + ",".join(f"{m} 2027" for m in MONTHS)]
    for category, lines in BUDGET:
        rows.append("")
        rows.append(category + "," * 12)
        for name, amounts, _ in lines:
            rows.append(f'"{name}",' + ",".join(f'"${a:,.2f}"' if a else "-" for a in amounts))
    rows.append("Total," + ",".join(str(sum(line[1][m] for _, lines in BUDGET for line in lines)) for m in range(12)))
    with open(os.path.join(HERE, "budget-en.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(rows) + "\n")
    # The plan's months by their numbers, the first quarter only, a line the plan has.
    with open(os.path.join(HERE, "budget-m.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Ligne;M1;M2;M3\nGoogle Ads – search;25 000;25 000;25 000\nSEO agency retainer;6500;6500;(500)\n")


def cell(value=None, attrs=""):
    if value is None:
        return f"<table:table-cell{attrs}/>"
    if isinstance(value, str):
        return f'<table:table-cell office:value-type="string"{attrs}><text:p>{value}</text:p></table:table-cell>'
    return (f'<table:table-cell office:value-type="float" office:value="{value}"{attrs}>'
            f"<text:p>{value}</text:p></table:table-cell>")


def formula(expression, value):
    return (f'<table:table-cell table:formula="of:={expression}" office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>")


def write_fods(path):
    cols = "CDEFGHIJKLMN"
    rows = []
    rows.append("<table:table-row>" + cell("Northwind – budget marketing 2027") + "</table:table-row>")
    rows.append('<table:table-row><table:table-cell table:number-columns-repeated="3"/></table:table-row>')
    # The year merged over the twelve months, which are headed by their names alone.
    rows.append("<table:table-row>" + cell(None, ' table:number-columns-repeated="2"') +
                cell(2027, ' table:number-columns-spanned="12" table:number-rows-spanned="1"') +
                '<table:covered-table-cell table:number-columns-repeated="11"/></table:table-row>')
    rows.append("<table:table-row>" + cell("Catégorie") + cell("Poste") + "".join(cell(m) for m in MOIS) +
                cell("Total") + "</table:table-row>")
    r = 5
    for category, lines in BUDGET:
        first = r
        for i, (name, amounts, total) in enumerate(lines):
            head = (cell(category, f' table:number-rows-spanned="{len(lines)}"') if i == 0
                    else "<table:covered-table-cell/>")
            months = "".join(cell(a) if a else cell(None) for a in amounts)
            last = cell(total) if total is not None else formula(f"SUM([.C{r}:.N{r}])", sum(amounts))
            rows.append("<table:table-row>" + head + cell(name) + months + last + "</table:table-row>")
            r += 1
        sums = "".join(formula(f"SUM([.{c}{first}:.{c}{r - 1}])", sum(line[1][m] for line in lines))
                       for m, c in enumerate(cols))
        total = formula(f"SUM([.O{first}:.O{r - 1}])", sum(sum(line[1]) + ((line[2] or sum(line[1])) - sum(line[1]))
                                                             for line in lines))
        rows.append("<table:table-row>" + cell(None) + cell(f"Sous-total {category}") + sums + total +
                    "</table:table-row>")
        r += 1
    # Empty rows to the sheet's end, as LibreOffice writes a formatted sheet.
    rows.append('<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
                'table:number-columns-repeated="1024"/></table:table-row>')
    budget = "\n".join(rows)
    revision = "\n".join([
        "<table:table-row>" + cell("Poste") + cell("2027-01") + cell("2027-02") + cell("2027-03") + "</table:table-row>",
        "<table:table-row>" + cell("Google Ads – search") + cell(25000) * 3 + "</table:table-row>",
    ])
    document = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet>
<table:table table:name="Budget 2027">
{budget}
</table:table>
<table:table table:name="Révision T1">
{revision}
</table:table>
</office:spreadsheet></office:body></office:document>
'''
    with open(path, "w", encoding="utf-8") as f:
        f.write(document)


def libreoffice(source, kind, out):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", kind, "--outdir", tmp, source], check=True, stdout=subprocess.DEVNULL)
        produced = [n for n in os.listdir(tmp) if n.endswith("." + kind.split(":")[0])]
        shutil.move(os.path.join(tmp, produced[0]), out)


def write_openpyxl(path, epoch=None):
    book = openpyxl.Workbook()
    if epoch is not None:
        book.epoch = epoch
    sheet = book.active
    sheet.title = "Budget"
    sheet.append(["Line"] + [datetime.datetime(2027, m, 1) for m in range(1, 13)] + ["FY total"])
    for c in range(2, 14):
        sheet.cell(row=1, column=c).number_format = "mmm yyyy"
    r = 2
    for category, lines in BUDGET:
        sheet.append([category])
        r += 1
        for name, amounts, _ in lines:
            # Formulas without cached results: openpyxl computes nothing.
            sheet.append([name] + [a if a else None for a in amounts] + [f"=SUM(B{r}:M{r})"])
            r += 1
        sheet.append(["Subtotal"] + [sum(line[1][m] for line in lines) for m in range(12)])
        r += 1
    # Amounts typed as text, and a row that cannot be read.
    sheet.append(["Training and certifications", "€3,000.00", "3,000.00"] + [None] * 10)
    sheet.append(["Refund from agency", None, "(500)"])
    sheet.append(["Martech subscriptions"] + ["n/a"] * 12)
    book.save(path)


def write_bomb(source, path):
    """The shape of a zip bomb: budget-openpyxl.xlsx whose sheet says it unpacks to 4 GB."""
    import struct
    data = bytearray(open(source, "rb").read())
    name = b"xl/worksheets/sheet1.xml"
    # The size in the central directory (offset 24) and in the local header (offset 22).
    for signature, size_at, name_length_at, name_at in ((b"PK\x01\x02", 24, 28, 46), (b"PK\x03\x04", 22, 26, 30)):
        pos = data.find(signature)
        while pos >= 0:
            n = struct.unpack("<H", data[pos + name_length_at:pos + name_length_at + 2])[0]
            if data[pos + name_at:pos + name_at + n] == name:
                data[pos + size_at:pos + size_at + 4] = struct.pack("<I", 0xFFFFFFF0)
            pos = data.find(signature, pos + 4)
    with open(path, "wb") as f:
        f.write(data)


def main():
    write_csvs()
    fods = os.path.join(HERE, "budget-lo.fods")
    write_fods(fods)
    libreoffice(fods, "ods", os.path.join(HERE, "budget-lo.ods"))
    libreoffice(fods, "xlsx", os.path.join(HERE, "budget-lo.xlsx"))
    write_openpyxl(os.path.join(HERE, "budget-openpyxl.xlsx"))
    write_openpyxl(os.path.join(HERE, "budget-1904.xlsx"), CALENDAR_MAC_1904)
    write_bomb(os.path.join(HERE, "budget-openpyxl.xlsx"), os.path.join(HERE, "bomb.xlsx"))
    with open(os.path.join(HERE, "budget-lo.xlsx"), "rb") as f:
        data = f.read()
    # Cut short, as an interrupted download leaves it.
    with open(os.path.join(HERE, "truncated.xlsx"), "wb") as f:
        f.write(data[: len(data) // 2])


main()

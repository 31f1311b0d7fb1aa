#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the spend import's fixtures (tests/data/books): FEC files of a small French software
company's books for 2027, as accounting software exports them (article A47 A-1 of the Livre des
procédures fiscales: 18 columns, a header line, dates AAAAMMJJ, decimal commas), and CSVs of
bank transactions in other column orders. Deterministic: run it again and the files are the same.

    python3 tests/data/books/make-books.py [DIR]
"""
import os
import random
import sys

HEADER = ["JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
          "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
          "ValidDate", "Montantdevise", "Idevise"]

# (account, account label, supplier number, supplier, label stem, typical amount before VAT)
MARKETING = [
    ("62310000", "Annonces et insertions", "F0001", "LinkedIn Ireland Unlimited", "Campagne LinkedIn", 7800),
    ("62310000", "Annonces et insertions", "F0002", "Google Ireland Ltd", "Google Ads", 9500),
    ("62310000", "Annonces et insertions", "F0003", "Meta Platforms Ireland", "Retargeting Meta", 2400),
    ("62310000", "Annonces et insertions", "F0004", "Les Échos Publishing", "Insertion presse", 3200),
    ("62330000", "Foires et expositions", "F0005", "Comexposium", "Stand salon", 6500),
    ("62360000", "Catalogues et imprimés", "F0006", "Imprimerie Leclerc", "Brochures", 900),
    ("62570000", "Réceptions", "F0007", "Traiteur Dupont", "Cocktail clients", 1100),
    ("62260000", "Honoraires", "F0008", "Agence Lumen", "Honoraires design", 4200),
]
OTHER = [
    ("60610000", "Fournitures non stockables (eau, énergie)", "F0101", "EDF Entreprises", "Électricité", 600),
    ("61320000", "Locations immobilières", "F0102", "SCI Rivoli", "Loyer bureaux", 8000),
    ("62600000", "Frais postaux et de télécommunications", "F0103", "Orange Business", "Téléphonie", 450),
    ("62260000", "Honoraires", "F0104", "Cabinet Martin Avocats", "Honoraires juridiques", 2500),
]


def money(cents):
    return "%d,%02d" % (cents // 100, cents % 100) if cents else "0,00"


def purchase(rng, number, day, account, account_label, aux, supplier, label, amount, credit_note=False):
    """A supplier invoice (or credit note): the charge, the VAT, the supplier."""
    cents = int(amount * 100 * rng.uniform(0.6, 1.4))
    vat = cents * 20 // 100
    piece = "%s%05d" % ("AV" if credit_note else "FA", number)
    text = ("Avoir " if credit_note else "") + label
    charge = (account, account_label, "", "", cents, 0)
    tax = ("44566000", "TVA déductible sur autres biens et services", "", "", vat, 0)
    payable = ("40100000", "Fournisseurs", aux, supplier, 0, cents + vat)
    lines = [payable, charge, tax]
    if credit_note:
        lines = [(a, b, c, d, cr, db) for (a, b, c, d, db, cr) in lines]
    return ("AC", "Achats", "AC%05d" % number, day, piece, text, lines)


def build(months, rng):
    entries = []
    number = {"AC": 0, "BQ": 0, "VT": 0, "OD": 0}

    def next_number(journal):
        number[journal] += 1
        return number[journal]

    # One invoice dated before the period: in the books, outside the plan.
    entries.append(purchase(rng, next_number("AC"), "20261231", *MARKETING[0][:5], MARKETING[0][5]))
    for month in months:
        for day in (3, 9, 14, 20, 27):
            date = "2027%02d%02d" % (month, day)
            for spec in rng.sample(MARKETING, 3) + rng.sample(OTHER, 2):
                entries.append(purchase(rng, next_number("AC"), date, *spec[:5], spec[5]))
            # Customers pay, the bank pays suppliers: accounts the import leaves.
            n = next_number("VT")
            cents = rng.randint(20000, 900000)
            entries.append(("VT", "Ventes", "VT%05d" % n, date, "FC%05d" % n, "Abonnement client",
                            [("41100000", "Clients", "C%04d" % rng.randint(1, 300), "Client", cents + cents // 5, 0),
                             ("70600000", "Prestations de services", "", "", 0, cents),
                             ("44571000", "TVA collectée", "", "", 0, cents // 5)]))
            n = next_number("BQ")
            cents = rng.randint(50000, 500000)
            entries.append(("BQ", "Banque", "BQ%05d" % n, date, "VIR%05d" % n, "Règlement fournisseur",
                            [("40100000", "Fournisseurs", "F0001", "LinkedIn Ireland Unlimited", cents, 0),
                             ("51200000", "Banque", "", "", 0, cents)]))
        # A refund each month: Google credits unused budget.
        entries.append(purchase(rng, next_number("AC"), "2027%02d28" % month, *MARKETING[1][:5], 800, credit_note=True))
        # Salaries.
        n = next_number("OD")
        entries.append(("OD", "Opérations diverses", "OD%05d" % n, "2027%02d28" % month, "PAIE%02d" % month,
                        "Salaires du mois", [("64100000", "Rémunérations du personnel", "", "", 9500000, 0),
                                             ("42100000", "Personnel - rémunérations dues", "", "", 0, 9500000)]))
    return entries


def rows(entries):
    for journal, journal_label, num, date, piece, text, lines in entries:
        for account, account_label, aux, supplier, debit, credit in lines:
            yield [journal, journal_label, num, date, account, account_label, aux, supplier, piece, date, text,
                   money(debit), money(credit), "", "", date, "", ""]


def write_fec(path, entries, separator="\t", encoding="utf-8", sense=False):
    header = HEADER if not sense else HEADER[:11] + ["Montant", "Sens"] + HEADER[13:]
    with open(path, "w", encoding=encoding, newline="") as out:
        out.write(separator.join(header) + "\r\n")
        for row in rows(entries):
            if sense:
                debit, credit = row[11], row[12]
                row = row[:11] + ([debit, "D"] if debit != "0,00" else [credit, "C"]) + row[13:]
            out.write(separator.join(row) + "\r\n")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    q1 = build([1, 2, 3], random.Random(23))
    # The first half year repeats the first quarter's entries as they were, and adds three months.
    half = q1 + build([4, 5, 6], random.Random(24))[1:]
    # Numbers continue across the year, as in the books: renumber the second quarter's entries.
    seen = {}
    for i, entry in enumerate(half):
        journal = entry[0]
        seen[journal] = seen.get(journal, 0) + 1
        if i >= len(q1):
            half[i] = (journal, entry[1], "%s%05d" % (journal, seen[journal])) + entry[3:]
    write_fec(os.path.join(out, "fec-2027-q1.txt"), q1)
    write_fec(os.path.join(out, "fec-2027-h1.txt"), half)
    write_fec(os.path.join(out, "fec-2027-q1-latin9-pipe.txt"), q1, separator="|", encoding="iso8859_15")
    write_fec(os.path.join(out, "fec-2027-q1-sens.txt"), q1, sense=True)

    # A French bank's statement: ';', decimal commas, money out negative, day first, Windows-1252;
    # two genuine identical charges on the same day.
    with open(os.path.join(out, "bank-2027-03.csv"), "w", encoding="cp1252", newline="") as f:
        f.write("Date;Libellé;Montant;Tiers\r\n")
        f.write("02/03/2027;Prélèvement abonnement;-49,00;Canva\r\n")
        f.write("02/03/2027;Prélèvement abonnement;-49,00;Canva\r\n")
        f.write("05/03/2027;Carte café équipe;-18,40;Café Rivoli\r\n")
        f.write("10/03/2027;Sponsoring meetup;-1 250,00;Paris FP&A Meetup\r\n")
        f.write("15/03/2027;Remboursement €;120,00;Canva\r\n")
        f.write("20/03/2027;Goodies salon;-640,50;Goodies Factory\r\n")
    # An accounting tool's export, in English, another column order, positive spend, ISO dates.
    with open(os.path.join(out, "transactions-2027-04.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Account,Description,Vendor,Amount,Date\n")
        f.write("6231,Sponsored posts April,LinkedIn Ireland Unlimited,5200.00,2027-04-05\n")
        f.write("6231,Search ads April,Google Ireland Ltd,7300.50,2027-04-06\n")
        f.write("6257,Customer dinner,Traiteur Dupont,860.00,2027-04-12\n")
        f.write("6132,Office rent,SCI Rivoli,8000.00,2027-04-01\n")
        f.write("6231,Credit note search ads,Google Ireland Ltd,-300.00,2027-04-20\n")
    # Debits and credits in two columns, French headers, a tab between them.
    with open(os.path.join(out, "journal-debit-credit.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Compte\tFournisseur\tDébit\tCrédit\tLibellé\tDate\n")
        f.write("6233\tComexposium\t4 500,00\t\tStand salon mai\t12/05/2027\n")
        f.write("6233\tComexposium\t\t500,00\tAvoir stand\t20/05/2027\n")
        f.write("6061\tEDF Entreprises\t620,00\t\tÉlectricité\t21/05/2027\n")


if __name__ == "__main__":
    main()

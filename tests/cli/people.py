"""A small synthetic population with valid Dutch identifiers, for CLI tests.

Everything is generated from a seed; the values are fake but pass the real rules, so the
scanner has to recognize them the way it recognizes real data.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

FIRST = [
    "Fatima",
    "Jan",
    "Mohammed",
    "Anna",
    "Yonas",
    "Sanne",
    "Ahmad",
    "Olena",
    "Pieter",
    "Aylin",
    "Daan",
    "Meryem",
    "Tesfay",
    "Lotte",
    "Omid",
    "Zofia",
    "Bram",
    "Noor",
]
LAST = [
    "de Vries",
    "El Amrani",
    "Jansen",
    "Yilmaz",
    "Haile",
    "van der Berg",
    "Bakker",
    "Hosseini",
    "Kowalski",
    "Visser",
    "Al-Masri",
    "Smit",
    "Bouzid",
    "Mulder",
    "Shevchenko",
    "de Jong",
    "Tekle",
    "Meijer",
]
CITIES = [
    "Amsterdam",
    "Rotterdam",
    "Utrecht",
    "Den Haag",
    "Eindhoven",
    "Groningen",
    "Tilburg",
    "Almere",
    "Breda",
    "Nijmegen",
    "Zwolle",
    "Leiden",
]
STREETS = [
    "Kerkstraat",
    "Dorpsstraat",
    "Stationsweg",
    "Molenlaan",
    "Schoolstraat",
    "Julianalaan",
    "Marktplein",
    "Nieuwe Gracht",
]
BANKS = ["ABNA", "INGB", "RABO", "SNSB", "ASNB", "TRIO", "KNAB", "BUNQ"]


def bsn(rng: random.Random) -> int:
    """A number that passes the 11-proef."""
    while True:
        digits = [rng.randrange(10) for _ in range(8)]
        total = sum(w * d for w, d in zip(range(9, 1, -1), digits, strict=True))
        last = total % 11
        if last < 10 and any(digits[:2]):  # at most one leading zero, as issued
            return int("".join(map(str, digits)) + str(last))


def iban(rng: random.Random) -> str:
    bank = rng.choice(BANKS)
    account = f"{rng.randrange(10**9, 10**10)}"
    numeric = "".join(str(int(c, 36)) for c in bank + account + "NL00")
    check = 98 - int(numeric) % 97
    return f"NL{check:02d}{bank}{account}"


def postcode(rng: random.Random) -> str:
    while True:
        letters = "".join(rng.choice("ABCEGHJKLMNPRTVWXZ") for _ in range(2))
        if letters not in ("SA", "SD", "SS"):
            return f"{rng.randrange(1000, 10000)} {letters}"


def phone(rng: random.Random) -> str:
    return f"06-{rng.randrange(20000000, 70000000)}"


def case_number(serial: int) -> int:
    """A case number issued in sequence that happens to pass the 11-proef (a trap)."""
    n = 202_300_000 + serial * 11
    while True:
        digits = [int(c) for c in str(n)]
        total = sum(w * d for w, d in zip(range(9, 1, -1), digits[:8], strict=True))
        if (total - digits[8]) % 11 == 0:
            return n
        n += 1


class Personal(dict[str, list[str]]):
    """Every personal value per ``table.column``; its repr shows counts only, so a failing
    test never prints a value."""

    def __repr__(self) -> str:
        return f"<{sum(map(len, self.values()))} personal values in {len(self)} columns>"


def build(path: Path, people: int = 300, seed: int = 11) -> Personal:
    """Write the database; return every personal value per ``table.column`` as text."""
    rng = random.Random(seed)
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE TABLE aanvragers (
            id INTEGER PRIMARY KEY, bsn INTEGER NOT NULL UNIQUE, c1 TEXT, voornaam TEXT,
            achternaam TEXT, geboortedatum TEXT, email TEXT, telefoon TEXT, iban TEXT,
            postcode TEXT, woonplaats TEXT, zaaknummer INTEGER, status TEXT);
        CREATE TABLE notities (
            id INTEGER PRIMARY KEY, aanvrager_id INTEGER REFERENCES aanvragers(id),
            tekst TEXT, bedrag REAL);
        CREATE TABLE landen (code TEXT PRIMARY KEY, omschrijving TEXT);
        """
    )
    personal = Personal()
    for i in range(1, people + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        number = bsn(rng)
        row = (
            i,
            number,
            f"{number:09d}"[:4] + "." + f"{number:09d}"[4:6] + "." + f"{number:09d}"[6:],
            first,
            last,
            f"{rng.randrange(1, 29):02d}-{rng.randrange(1, 13):02d}-{rng.randrange(1940, 2006)}",
            f"{first.lower()}.{last.replace(' ', '').lower()}{i}@example.nl",
            phone(rng),
            iban(rng),
            postcode(rng),
            rng.choice(CITIES),
            case_number(i),
            rng.choice(["nieuw", "in behandeling", "afgerond"]),
        )
        db.execute("INSERT INTO aanvragers VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", row)
        for name, value in zip(
            [
                "bsn",
                "c1",
                "voornaam",
                "achternaam",
                "geboortedatum",
                "email",
                "telefoon",
                "iban",
                "postcode",
            ],
            row[1:10],
            strict=True,
        ):
            personal.setdefault(f"aanvragers.{name}", []).append(str(value))
        note = (
            f"Aanvrager {first} {last} belde op {row[7]} over de aanvraag; "
            f"adres {rng.choice(STREETS)} {rng.randrange(1, 200)}, {row[9]} {row[10]}."
        )
        db.execute(
            "INSERT INTO notities VALUES (?,?,?,?)", (i, i, note, round(rng.random() * 900, 2))
        )
    db.executemany(
        "INSERT INTO landen VALUES (?,?)",
        [("NL", "Nederland"), ("SY", "Syrië"), ("ER", "Eritrea"), ("TR", "Turkije")],
    )
    db.commit()
    db.close()
    return personal

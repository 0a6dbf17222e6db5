"""Invariants of a whole handover, on small generated SQLite databases of people.

Every example is a ``personen`` table (unique BSN and e-mail, names, phone, IBAN, postcode,
birth date, a free-text note) and a ``betalingen`` table that refers to it twice: by ``id``
and, as legacy systems do, by BSN. Identifiers are valid by their real rules, so the
operators take their format-preserving paths. Assertion messages name tables, columns and
counts only, never a value.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.discover.detectors.bsn import DETECTOR as BSN
from sluis.handover import RunOptions, hand_over
from sluis.keys import Key
from sluis.model.policy import Policy
from sluis.model.policy_file import parse_policy
from tests.anonymize.checks import is_nl_iban, is_phone, is_postcode

DDL = """
CREATE TABLE personen (
    id INTEGER PRIMARY KEY, bsn TEXT NOT NULL UNIQUE, voornaam TEXT, achternaam TEXT,
    email TEXT UNIQUE, telefoon TEXT, iban TEXT, postcode TEXT, geboortedatum TEXT,
    notitie TEXT);
CREATE TABLE betalingen (
    id INTEGER PRIMARY KEY, persoon_id INTEGER NOT NULL REFERENCES personen(id),
    persoon_bsn TEXT REFERENCES personen(bsn), rekeninghouder TEXT, iban TEXT,
    telefoon TEXT, bedrag REAL, betaald_op TEXT);
"""

POLICY: Policy = parse_policy(
    """
version: 1
tables:
  personen:
    columns:
      id: {rule: keep, reason: "surrogate key"}
      bsn: {rule: pseudonymize, category: id.bsn}
      voornaam: {rule: fake, category: person.first_name}
      achternaam: {rule: fake, category: person.last_name}
      email: {rule: fake, category: contact.email}
      telefoon: {rule: pseudonymize, category: contact.phone}
      iban: {rule: pseudonymize, category: finance.iban}
      postcode: {rule: pseudonymize, category: location.postcode}
      geboortedatum: {rule: shift_date, max_days: 180, subject: id}
      notitie: {rule: redact_text}
  betalingen:
    columns:
      id: {rule: keep, reason: "surrogate key"}
      persoon_id: {rule: keep, reason: "surrogate key"}
      persoon_bsn: {rule: pseudonymize, category: id.bsn}
      rekeninghouder: {rule: fake, category: person.name}
      iban: {rule: pseudonymize, category: finance.iban}
      telefoon: {rule: pseudonymize, category: contact.phone}
      bedrag: {rule: keep, reason: "amount, not personal"}
      betaald_op: {rule: shift_date, max_days: 30, subject: persoon_id}
""",
    "test policy",
)

# Columns whose every value is personal and must change in its own row.
PERSONAL = {
    "personen": (
        "bsn",
        "voornaam",
        "achternaam",
        "email",
        "telefoon",
        "iban",
        "postcode",
        "geboortedatum",
        "notitie",
    ),
    "betalingen": ("persoon_bsn", "rekeninghouder", "iban", "telefoon", "betaald_op"),
}
# Identifier columns: no original may appear anywhere in the copy.
IDENTIFIERS = {
    "personen": ("bsn", "email", "telefoon", "iban"),
    "betalingen": ("persoon_bsn", "iban", "telefoon"),
}
VALIDITY = {
    ("personen", "bsn"): BSN.matches,
    ("betalingen", "persoon_bsn"): BSN.matches,
    ("personen", "iban"): is_nl_iban,
    ("betalingen", "iban"): is_nl_iban,
    ("personen", "telefoon"): is_phone,
    ("betalingen", "telefoon"): is_phone,
    ("personen", "postcode"): is_postcode,
}

FIRST = ["Fatima", "Jan", "Mohammed", "Anna", "Yonas", "Sanne", "Olena", "Pieter", "Aylin"]
LAST = ["de Vries", "El Amrani", "Jansen", "Yilmaz", "Haile", "van der Berg", "Kowalski"]
BANKS = ["ABNA", "INGB", "RABO", "SNSB", "ASNB", "TRIO", "KNAB", "BUNQ"]
LETTERS = "ABCDEFGHJKLMNPRSTVWXZ"
_SEPARATORS = re.compile(r"[ .\-]")


def _eleven_proof_sum(prefix: int) -> int:
    return sum(w * int(d) for w, d in zip(range(9, 1, -1), f"{prefix:08d}", strict=True)) % 11


@st.composite
def bsns(draw: st.DrawFn) -> str:
    """A BSN passing the 11-proef, with at most one leading zero, plain or dotted."""
    prefix = draw(st.integers(1_000_000, 99_999_999).filter(lambda p: _eleven_proof_sum(p) < 10))
    number = f"{prefix:08d}{_eleven_proof_sum(prefix)}"
    dotted = draw(st.booleans())
    return f"{number[:4]}.{number[4:6]}.{number[6:]}" if dotted else number


@st.composite
def ibans(draw: st.DrawFn) -> str:
    bank = draw(st.sampled_from(BANKS))
    account = f"{draw(st.integers(0, 10**10 - 1)):010d}"
    numeric = "".join(str(int(c, 36)) for c in bank + account + "NL00")
    compact = f"NL{98 - int(numeric) % 97:02d}{bank}{account}"
    if draw(st.booleans()):
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    return compact


@st.composite
def phones(draw: st.DrawFn) -> str:
    mobile = f"6{draw(st.integers(1, 5))}{draw(st.integers(0, 9_999_999)):07d}"
    area = f"{draw(st.sampled_from(['20', '10', '30', '70', '50']))}"
    geographic = f"{area}{draw(st.integers(2_000_000, 9_999_999))}"
    national = draw(st.sampled_from([mobile, geographic]))
    shape = draw(st.sampled_from(["0{}", "+31 {}", "0{}-{}"]))
    if shape == "0{}-{}":
        cut = 2 if national.startswith("6") else len(area)
        return f"0{national[:cut]}-{national[cut:]}"
    return shape.format(national)


@st.composite
def postcodes(draw: st.DrawFn) -> str:
    pair = draw(
        st.sampled_from([a + b for a in LETTERS for b in LETTERS]).filter(
            lambda p: p not in ("SA", "SD", "SS")
        )
    )
    return f"{draw(st.integers(1000, 9999))}{draw(st.sampled_from(['', ' ']))}{pair}"


class Population:
    """Generated rows; ``repr`` gives counts only, so a failing example prints no value."""

    def __init__(self) -> None:
        self.personen: list[tuple[object, ...]] = []
        self.betalingen: list[tuple[object, ...]] = []

    def __repr__(self) -> str:
        return f"Population({len(self.personen)} personen, {len(self.betalingen)} betalingen)"


@st.composite
def populations(draw: st.DrawFn) -> Population:
    count = draw(st.integers(1, 12))
    numbers = draw(
        st.lists(bsns(), min_size=count, max_size=count, unique_by=lambda b: b.replace(".", ""))
    )
    population = Population()
    for i, number in enumerate(numbers, start=1):
        first, last = draw(st.sampled_from(FIRST)), draw(st.sampled_from(LAST))
        domain = draw(st.sampled_from(["gemeente.nl", "uwv.eu", "mail.com"]))
        mail = f"{first.lower()}.{last.replace(' ', '').lower()}{i}@{domain}"
        phone, iban = draw(phones()), draw(ibans())
        born = draw(st.dates(dt.date(1940, 1, 1), dt.date(2006, 12, 31)))
        note = (
            f"{first} {last} belde over BSN {number}; terugbellen op {phone} of mailen naar {mail}."
        )
        population.personen.append(
            (i, number, first, last, mail, phone, iban, draw(postcodes()), born.isoformat(), note)
        )
        for _ in range(draw(st.integers(0, 3))):
            own = draw(st.booleans())
            payer = f"{first} {last}" if own else f"{draw(st.sampled_from(FIRST))} Bakker"
            population.betalingen.append(
                (
                    len(population.betalingen) + 1,
                    i,
                    number if draw(st.booleans()) else None,
                    payer,
                    iban if own else draw(ibans()),
                    phone if own else draw(phones()),
                    draw(st.sampled_from([232.0, 117.5, 80.0])),
                    draw(st.dates(dt.date(2017, 1, 1), dt.date(2024, 12, 31))).isoformat(),
                )
            )
    return population


def write(path: Path, population: Population) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.executescript(DDL)
        db.executemany(f"INSERT INTO personen VALUES ({', '.join('?' * 10)})", population.personen)
        db.executemany(
            f"INSERT INTO betalingen VALUES ({', '.join('?' * 8)})", population.betalingen
        )
        db.commit()


def rows(path: Path, table: str) -> dict[object, dict[str, object]]:
    """Every row of ``table`` by primary key, as column -> value."""
    with closing(sqlite3.connect(path)) as db:
        cursor = db.execute(f"SELECT * FROM {table} ORDER BY id")
        names = [d[0] for d in cursor.description]
        return {row[0]: dict(zip(names, row, strict=True)) for row in cursor}


def dump(path: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    with closing(sqlite3.connect(path)) as db:
        return [
            (table, db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall())
            for table in ("personen", "betalingen")
        ]


def compact(text: str) -> str:
    return _SEPARATORS.sub("", text).lower()


def copy(source: Path, target: Path, key: Key, batch_rows: int = 65_536, workers: int = 1) -> None:
    hand_over(str(source), str(target), POLICY, key, RunOptions(batch_rows, workers))


@settings(max_examples=15, deadline=None)
@given(population=populations())
def test_copy_loses_every_personal_value_and_keeps_working(population: Population) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "bron.db", Path(tmp) / "kopie.db"
        write(source, population)
        copy(source, target, Key.generate(), batch_rows=5)  # uniqueness across batches
        before = {t: rows(source, t) for t in PERSONAL}
        after = {t: rows(target, t) for t in PERSONAL}
        with closing(sqlite3.connect(target)) as db:
            broken = db.execute("PRAGMA foreign_key_check").fetchall()
            text = "\n".join(
                str(cell)
                for table in PERSONAL
                for row in db.execute(f"SELECT * FROM {table}")
                for cell in row
                if cell is not None
            )
    assert broken == [], f"{len(broken)} foreign keys do not resolve"
    for table, columns in PERSONAL.items():
        assert before[table].keys() == after[table].keys(), f"{table}: rows differ"
        kept = sorted(
            {
                column
                for pk, old in before[table].items()
                for column in columns
                if old[column] is not None and after[table][pk][column] == old[column]
            }
        )
        assert not kept, f"{table}: values kept in their own row in {kept}"
        missing = sorted(
            {
                column
                for pk, old in before[table].items()
                for column in columns
                if old[column] is not None and after[table][pk][column] is None
            }
        )
        assert not missing, f"{table}: values became NULL in {missing}"
    for table, column in (("personen", "bsn"), ("personen", "email")):
        values = [r[column] for r in after[table].values()]
        assert len(set(values)) == len(values), f"{table}.{column} is no longer unique"
    flat = compact(text)
    for table, columns in IDENTIFIERS.items():
        for column in columns:
            originals = {str(r[column]) for r in before[table].values() if r[column] is not None}
            found = sum(1 for v in originals if v in text or compact(v) in flat)
            assert found == 0, f"{found} original values of {table}.{column} in the copy"
    for (table, column), valid in VALIDITY.items():
        bad = sum(
            1 for r in after[table].values() if r[column] is not None and not valid(str(r[column]))
        )
        assert bad == 0, f"{bad} invalid values in {table}.{column}"


@settings(max_examples=1, deadline=None, database=None)
@given(population=populations().filter(lambda p: len(p.personen) >= 9))
def test_worker_processes_make_the_same_copy(population: Population) -> None:
    """Several batches per table (so the pool is used), each transformed by a worker."""
    key = Key.generate()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "bron.db"
        write(source, population)
        alone, shared = Path(tmp) / "alleen.db", Path(tmp) / "samen.db"
        copy(source, alone, key, batch_rows=2)
        copy(source, shared, Key(key.material), batch_rows=2, workers=2)
        same = dump(alone) == dump(shared)
    assert same, "worker processes changed the copy"


@settings(max_examples=10, deadline=None)
@given(population=populations())
def test_same_key_same_copy_other_key_other_copy(population: Population) -> None:
    key = Key.generate()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "bron.db"
        write(source, population)
        first, second, other = (Path(tmp) / f"kopie{i}.db" for i in range(3))
        copy(source, first, key, batch_rows=3)
        copy(source, second, Key(key.material))  # batching must not change a value
        copy(source, other, Key.generate())
        same = dump(first) == dump(second)
        differs = dump(first) != dump(other)
        # The pseudonyms themselves differ under another key, not only somewhere in the copy.
        bsn_first = [r["bsn"] for r in rows(first, "personen").values()]
        bsn_other = [r["bsn"] for r in rows(other, "personen").values()]
    assert same, "the same key gave two different copies"
    assert differs, "another key gave the same copy"
    assert sum(a != b for a, b in zip(bsn_first, bsn_other, strict=True)) == len(bsn_first)

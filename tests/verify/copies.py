"""A small synthetic source database and a hand-made correct anonymized copy of it.

The copy's fakes are written here by hand, not by Sluis's anonymizer, so the verifier is
tested against known-good and known-bad copies it had no part in making.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

DDL = """
CREATE TABLE aanvragers (
    id INTEGER PRIMARY KEY, bsn TEXT UNIQUE, voornaam TEXT, achternaam TEXT, email TEXT,
    telefoon TEXT, geboortedatum TEXT, postcode TEXT, nationaliteit TEXT, status TEXT
);
CREATE TABLE aanvragen (
    id INTEGER PRIMARY KEY, aanvrager_id INTEGER REFERENCES aanvragers(id),
    notitie TEXT, contact TEXT
);
"""

POLICY = """
version: 1
tables:
  aanvragers:
    columns:
      id: {rule: keep, reason: surrogate key}
      bsn: {rule: pseudonymize, category: id.bsn}
      voornaam: {rule: fake, category: person.first_name}
      achternaam: {rule: fake, category: person.last_name}
      email: {rule: fake, category: contact.email}
      telefoon: {rule: pseudonymize, category: contact.phone}
      geboortedatum: {rule: generalize, to: year}
      postcode: {rule: generalize, to: postcode4}
      nationaliteit: {rule: keep, reason: needed for statistics}
      status: {rule: keep, reason: workflow state}
  aanvragen:
    columns:
      id: {rule: keep, reason: surrogate key}
      aanvrager_id: {rule: keep, reason: foreign key}
      notitie: {rule: redact_text}
      contact:
        rule: json
        paths:
          $.naam: {rule: fake, category: person.name}
          $.email: {rule: fake, category: contact.email}
        default: {rule: redact_text}
quasi_identifiers:
  aanvragers: [geboortedatum, postcode, nationaliteit]
k_anonymity: 3
"""


def bsn(prefix: int) -> str:
    """The valid BSN (11-proef) with the given 8-digit prefix, or the next one that has one."""
    while True:
        digits = [int(d) for d in f"{prefix:08d}"]
        check = sum(w * d for w, d in zip(range(9, 1, -1), digits, strict=True)) % 11
        if check < 10:
            return f"{prefix:08d}{check}"
        prefix += 1


REAL_NAMES = [
    ("Fatima", "El Amrani"), ("Pieter", "Verhoeven"), ("Amina", "Bouzid"),
    ("Willem", "Dekkers"), ("Yonas", "Tesfaye"), ("Olena", "Shevchenko"),
    ("Mehmet", "Yilmaz"), ("Sanne", "Kuipers"), ("Reza", "Hosseini"),
    ("Karin", "Brouwer"), ("Hodan", "Warsame"), ("Gerrit", "Mulder"),
]  # fmt: skip
FAKE_NAMES = [
    ("Lotte", "Vermeulen"), ("Daan", "Hendriks"), ("Noor", "Smits"), ("Bram", "Vos"),
    ("Ilse", "Peeters"), ("Tess", "Maas"), ("Joris", "Bakker"), ("Femke", "Visser"),
    ("Ruben", "Koster"), ("Merel", "Prins"), ("Sven", "Dijkman"), ("Anouk", "Kramer"),
]  # fmt: skip
GROUPS = [
    ("1985", "1011", "Nederlandse"),
    ("1990", "3511", "Syrische"),
    ("1978", "9711", "Eritrese"),
]
STATUS = ["ingediend", "in behandeling", "afgerond"]


def _person(i: int, names: list[tuple[str, str]], offset: int) -> dict[str, Any]:
    first, last = names[i]
    year, pc4, nationality = GROUPS[i % 3]
    domain = "example" if offset else "mail"
    return {
        "first": first,
        "last": last,
        "bsn": bsn(23456780 + offset + 97 * i),
        "email": f"{first.lower()}.{last.lower().replace(' ', '')}@{domain}.nl",
        "phone": f"06-{(31415926 + offset + 7919 * i) % 10**8:08d}",
        "year": year,
        "pc4": pc4,
        "nationality": nationality,
    }


def source_rows() -> dict[str, list[list[Any]]]:
    applicants, applications = [], []
    for i in range(12):
        p = _person(i, REAL_NAMES, 0)
        applicants.append(
            [i + 1, p["bsn"], p["first"], p["last"], p["email"], p["phone"],
             f"{p['year']}-0{1 + i % 9}-1{i % 9}", f"{p['pc4']} {'AB' if i % 2 else 'KL'}",
             p["nationality"], STATUS[i % 3]]
        )  # fmt: skip
        note = (
            f"Mevrouw {p['first']} {p['last']} belde over de waardering van haar diploma. "
            f"BSN {p['bsn']} gecontroleerd, terugbellen op {p['phone']}."
        )
        contact = json.dumps({"naam": f"{p['first']} {p['last']}", "email": p["email"]})
        applications.append([100 + i, i + 1, note, contact])
    return {"aanvragers": applicants, "aanvragen": applications}


def target_rows() -> dict[str, list[list[Any]]]:
    """The correct copy: fakes in transformed columns, generalized quasi-identifiers."""
    applicants, applications = [], []
    for i in range(12):
        p = _person(i, FAKE_NAMES, 5_000_000)
        applicants.append(
            [i + 1, p["bsn"], p["first"], p["last"], p["email"], p["phone"],
             p["year"], p["pc4"], p["nationality"], STATUS[i % 3]]
        )  # fmt: skip
        note = (
            f"Mevrouw {p['first']} {p['last']} belde over de waardering van haar diploma. "
            f"BSN {p['bsn']} gecontroleerd, terugbellen op {p['phone']}."
        )
        contact = json.dumps({"naam": f"{p['first']} {p['last']}", "email": p["email"]})
        applications.append([100 + i, i + 1, note, contact])
    return {"aanvragers": applicants, "aanvragen": applications}


COLUMNS = {
    "aanvragers": ["id", "bsn", "voornaam", "achternaam", "email", "telefoon",
                   "geboortedatum", "postcode", "nationaliteit", "status"],
    "aanvragen": ["id", "aanvrager_id", "notitie", "contact"],
}  # fmt: skip


def _source_value(edit: dict[str, Any]) -> Any:
    ref = edit["source_of"]
    rows = source_rows()[ref["table"]]
    value = rows[ref["row"]][COLUMNS[ref["table"]].index(ref["column"])]
    if ref.get("json_key"):
        value = json.loads(value)[ref["json_key"]]
    return value


def apply(edits: list[dict[str, Any]]) -> tuple[str, dict[str, list[list[Any]]]]:
    """The target DDL and rows after the edits of one breakage case."""
    ddl = DDL
    rows = copy.deepcopy(target_rows())
    for edit in edits:
        op = edit["op"]
        if op == "copy_source":
            rows = source_rows()
        elif op == "drop_constraints":
            ddl = ddl.replace(" UNIQUE", "").replace(" REFERENCES aanvragers(id)", "")
        elif op == "drop_row":
            del rows[edit["table"]][edit["row"]]
        elif op == "add_column":
            ddl += f"ALTER TABLE {edit['table']} ADD COLUMN {edit['column']} TEXT;\n"
            for row in rows[edit["table"]]:
                row.append(None)
        elif op == "set":
            value = _source_value(edit) if "source_of" in edit else edit["value"]
            if edit.get("upper"):
                value = str(value).upper()
            if edit.get("international"):
                digits = "".join(ch for ch in str(value) if ch.isdigit())
                value = f"+31 {digits[1]} {digits[2:6]} {digits[6:]}"
            row = rows[edit["table"]][edit["row"]]
            index = COLUMNS[edit["table"]].index(edit["column"])
            if "template" in edit:
                value = edit["template"].format(value)
            if "json_key" in edit:
                document = json.loads(row[index])
                document[edit["json_key"]] = value
                value = json.dumps(document)
            row[index] = value
        else:
            raise ValueError(f"unknown edit op {op}")
    return ddl, rows


def write_pair(make: Callable[..., Path], edits: list[dict[str, Any]]) -> tuple[Path, Path, Path]:
    """(source.db, target.db, policy.yaml) for one case."""
    source = make(DDL, source_rows(), name="source.db")
    ddl, rows = apply(edits)
    target = make(ddl, rows, name="target.db")
    policy = source.parent / "policy.yaml"
    policy.write_text(POLICY, encoding="utf-8")
    return source, target, policy

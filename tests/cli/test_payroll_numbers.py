"""A payroll register's loonheffingennummer is the employee's BSN with "L01" after it
(``123456782L01``): the draft fakes it as a BSN, the fake keeps its "L01" and is the BSN's own
pseudonym, payslip texts lose it too, and V1 sees a kept one (before, the column was drafted
"no personal data" and every BSN of the database was published in it)."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from sluis.model.policy_file import parse_policy
from sluis.synth import identifiers
from sluis.synth.people import PersonFactory
from sluis.verify import verify
from tests.cli.drafted import drafted_copy

DDL = """
CREATE TABLE medewerker (pernr INTEGER PRIMARY KEY, voornaam TEXT, achternaam TEXT, bsn TEXT);
CREATE TABLE salaris (id INTEGER PRIMARY KEY, pernr INTEGER REFERENCES medewerker(pernr),
                      periode TEXT, lhnr TEXT, strook TEXT);
"""


def _tables() -> dict[str, list[tuple[object, ...]]]:
    rng, people = random.Random(11), PersonFactory(11)
    staff, pay = [], []
    for pernr in range(1, 201):
        person = people.person()
        bsn = identifiers.bsn(rng, leading_zero_share=0)
        staff.append((pernr, person.first_name, person.last_name, bsn))
        for month in ("2024-01", "2024-02"):
            slip = f"Loonstrook {month}\nLoonheffingennummer: {bsn}L01\nNetto: 2.431,18"
            pay.append((len(pay) + 1, pernr, month, f"{bsn}L01", slip))
    return {"medewerker": staff, "salaris": pay}


def test_payroll_numbers_are_faked_as_their_bsn(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    source = sqlite_db(DDL, _tables())
    rules, target = drafted_copy(str(source), tmp_path)
    assert rules["salaris"]["columns"]["lhnr"]["category"] == "id.bsn"
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as out:
        real = {r[0] for r in src.execute("SELECT bsn FROM medewerker")}
        fakes = dict(out.execute("SELECT pernr, bsn FROM medewerker").fetchall())
        pay = out.execute("SELECT pernr, lhnr, strook FROM salaris").fetchall()
    assert all(lhnr == f"{fakes[pernr]}L01" for pernr, lhnr, _ in pay)
    assert not any(bsn in slip for _, _, slip in pay for bsn in real)


@pytest.mark.parametrize("where", ["lhnr", "strook"])
def test_a_kept_payroll_number_is_a_leak(sqlite_db: Callable[..., Path], where: str) -> None:
    tables = _tables()
    source = sqlite_db(DDL, tables, name="source.db")
    target = sqlite_db(DDL, tables, name="target.db")
    columns = {"lhnr": "{rule: fake, category: id.bsn}", "strook": "{rule: redact_text}"}
    columns[where] = "{rule: keep, reason: reviewed wrongly}"
    policy = parse_policy(
        f"""
version: 1
tables:
  medewerker:
    columns:
      pernr: {{rule: keep, reason: key}}
      voornaam: {{rule: keep, reason: test}}
      achternaam: {{rule: keep, reason: test}}
      bsn: {{rule: keep, reason: test}}
  salaris:
    columns:
      id: {{rule: keep, reason: key}}
      pernr: {{rule: keep, reason: key}}
      periode: {{rule: keep, reason: month}}
      lhnr: {columns["lhnr"]}
      strook: {columns["strook"]}
""",
        "policy",
    )
    report = verify(str(source), str(target), policy)
    leaks = [f for f in report.check("V1").findings if f.column == where]
    assert leaks and all(f.category == "id.bsn" for f in leaks)

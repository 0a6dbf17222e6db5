"""A kept column of company names that hold surnames ("Installatiebedrijf Jansen B.V."): V1
reports them as leaks until the keep rule allows person names as look-alikes; the allowance
covers that column only."""

from __future__ import annotations

import random
from pathlib import Path

from sluis.model.policy_file import parse_policy
from sluis.synth import identifiers
from sluis.verify import verify
from tests.conftest import SqliteFactory

DDL = "CREATE TABLE klanten (id INTEGER PRIMARY KEY, achternaam TEXT, leverancier TEXT);"
LAST = ["de Vries", "van Dijk", "de Jong", "van den Berg", "de Boer", "van Leeuwen", "de Groot",
        "van der Meer"] * 5  # fmt: skip
FAKE = ["Vermeulen", "Hendriks", "Smits", "Vos", "Peeters", "Maas", "Prins", "Kramer"] * 5


def _policy(leverancier: str) -> str:
    return f"""
version: 1
tables:
  klanten:
    columns:
      id: {{rule: keep, reason: key}}
      achternaam: {{rule: fake, category: person.last_name}}
      leverancier: {leverancier}
"""


def _pair(sqlite_db: SqliteFactory) -> tuple[Path, Path]:
    source_rows, target_rows = [], []
    for i in range(40):
        company = f"Installatiebedrijf {LAST[(i + 3) % 40].title()} B.V."
        source_rows.append((i, LAST[i], company))
        target_rows.append((i, FAKE[i], company))
    source = sqlite_db(DDL, {"klanten": source_rows}, name="source.db")
    target = sqlite_db(DDL, {"klanten": target_rows}, name="target.db")
    return source, target


def test_company_names_with_surnames_leak_unless_allowed(sqlite_db: SqliteFactory) -> None:
    source, target = _pair(sqlite_db)
    kept = parse_policy(_policy('{rule: keep, reason: "company names"}'), "policy")
    assert "V1" in verify(str(source), str(target), kept).failed_checks()
    names = "[person.last_name, person.name]"
    allowed = parse_policy(
        _policy(f'{{rule: keep, reason: "company names", allow: {names}}}'), "policy"
    )
    report = verify(str(source), str(target), allowed)
    assert report.passed, report.failed_checks()


def test_firms_left_among_faked_names_are_no_leak(sqlite_db: SqliteFactory) -> None:
    """A column of administrators faked as names keeps its firms ("Mulder Bewindvoering"),
    as anonymize leaves them: no person's name, no leak. A person left there still leaks."""
    ddl = "CREATE TABLE trajecten (id INTEGER PRIMARY KEY, bewindvoerder TEXT);"
    firms = ["Bewindvoeringskantoor De Jong", "Mulder Bewindvoering", "Stichting Welzijn Kok"]
    source_rows = [(i, firms[i % 3] if i % 2 else f"Piet {LAST[i].title()}") for i in range(40)]
    faked = [(i, value if i % 2 else f"Kees {FAKE[i]}") for i, value in source_rows]
    policy = parse_policy(
        """
version: 1
tables:
  trajecten:
    columns:
      id: {rule: keep, reason: key}
      bewindvoerder: {rule: fake, category: person.name}
""",
        "policy",
    )
    source = sqlite_db(ddl, {"trajecten": source_rows}, name="source.db")
    target = sqlite_db(ddl, {"trajecten": faked}, name="target.db")
    report = verify(str(source), str(target), policy)
    assert report.passed, report.failed_checks()
    leaky_rows = [source_rows[i] if i == 38 else row for i, row in enumerate(faked)]
    leaky = sqlite_db(ddl, {"trajecten": leaky_rows}, name="leaky.db")
    assert "V1" in verify(str(source), str(leaky), policy).failed_checks()


def test_an_allowance_on_a_json_path_counts(sqlite_db: SqliteFactory) -> None:
    """``allow`` on a path of a ``json`` rule confirms look-alikes in that column as it does
    on the rule itself (it was read from the rule alone, so the path's was ignored)."""
    ddl = "CREATE TABLE klanten (id INTEGER PRIMARY KEY, bsn TEXT, doc TEXT);"
    rng = random.Random(4)
    numbers = [identifiers.bsn(rng) for _ in range(41)]
    source_rows = [(i, numbers[i], f'{{"zaak": "{numbers[i + 1]}"}}') for i in range(40)]
    target_rows = [(i, identifiers.bsn(rng), doc) for i, _, doc in source_rows]
    source = sqlite_db(ddl, {"klanten": source_rows}, name="source.db")
    target = sqlite_db(ddl, {"klanten": target_rows}, name="target.db")
    policy = """
version: 1
tables:
  klanten:
    columns:
      id: {rule: keep, reason: key}
      bsn: {rule: pseudonymize, category: id.bsn}
      doc: {rule: json, paths: {"$.zaak": {rule: keep, reason: case numbers, allow: [id.bsn]}}}
"""
    kept = policy.replace(", allow: [id.bsn]", "")
    assert "V1" in verify(str(source), str(target), parse_policy(kept, "p")).failed_checks()
    report = verify(str(source), str(target), parse_policy(policy, "p"))
    assert report.passed, report.failed_checks()

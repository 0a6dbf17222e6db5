"""PostgreSQL array columns (``text[]``, ``varchar(n)[]``): the scan reads their elements, the
draft gives them their elements' rule, anonymize replaces each element (NULL elements, empty
arrays and the number of elements stay) and the verifier compares elements. Before, arrays
were drafted "no personal data" and kept, and an array of streets passed the verifier."""

from __future__ import annotations

import random
from pathlib import Path

import psycopg
import pytest
import yaml
from psycopg import sql

from sluis.model.array_literal import parse
from sluis.synth import identifiers
from sluis.synth.people import PersonFactory
from tests import pg
from tests.cli.drafted import drafted_copy
from tests.cli.test_scan import run

ROWS = 120
DDL = """
CREATE TABLE klant (
    id integer PRIMARY KEY,
    naam text NOT NULL,
    contactpersonen text[],
    adressen varchar(60)[],
    telefoons varchar(20)[],
    notities text[],
    labels text[],
    matrix text[][],
    bezoekadres text
)
"""


def _rows() -> list[tuple[object, ...]]:
    rng, people = random.Random(23), PersonFactory(23)
    rows = []
    for i in range(1, ROWS + 1):
        person, others = people.person(), [people.person() for _ in range(rng.randint(0, 3))]
        contacts: list[str | None] = [f"{o.first_name} {o.last_name}" for o in others]
        if i % 10 == 0:
            contacts.append(None)
        rows.append(
            (
                i,
                f"{person.first_name} {person.last_name}",
                contacts,
                [f"{person.street} {person.house_number}", f"Postbus {i}"],
                [identifiers.phone(rng) for _ in range(rng.randint(1, 2))],
                [f"Gesprek met {o.first_name} {o.last_name} over de aanvraag." for o in others],
                rng.sample(["spoed", "tolk", "digitaal", "bezwaar"], k=2),
                [["a", "b"], ["c", "d"]],
                f"{person.street} {person.house_number}",
            )
        )
    return rows


def _originals(rows: list[tuple[object, ...]]) -> dict[str, set[str]]:
    """The personal elements of each array column, as written in the source."""
    found: dict[str, set[str]] = {"contactpersonen": set(), "adressen": set(), "telefoons": set()}
    for row in rows:
        for name, cell in zip(("contactpersonen", "adressen", "telefoons"), row[2:5], strict=True):
            found[name] |= {e for e in cell if e}  # type: ignore[attr-defined]
    return found


@pytest.fixture
def source(pg_db: str) -> tuple[str, list[tuple[object, ...]]]:
    rows = _rows()
    with psycopg.connect(pg_db) as conn:
        conn.execute(DDL)
        with conn.cursor().copy("COPY klant FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    return pg_db, rows


def _cells(url: str, column: str) -> list[str | None]:
    with psycopg.connect(url) as conn:
        query = sql.SQL("SELECT {}::text FROM klant ORDER BY id").format(sql.Identifier(column))
        return [r[0] for r in conn.execute(query)]


def test_arrays_are_drafted_replaced_element_by_element_and_verified(
    source: tuple[str, list[tuple[object, ...]]], pg_server: pg.Server, tmp_path: Path
) -> None:
    url, rows = source
    rules, copy = drafted_copy(url, tmp_path)
    drafted = rules["klant"]["columns"]
    assert drafted["contactpersonen"]["category"] == "person.name"
    assert drafted["adressen"]["category"] in ("location.street", "location.address")
    assert drafted["telefoons"]["category"] == "contact.phone"
    assert drafted["notities"]["rule"] == "redact_text"
    assert drafted["labels"]["rule"] == drafted["matrix"]["rule"] == "keep"

    # PostgreSQL → PostgreSQL too, into a database of its own.
    name = url.split("/")[3].split("?")[0] + "_copy"
    target = pg_server.url(name)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        policy, key = tmp_path / "policy.yaml", tmp_path / "key"
        result = run("anonymize", url, target, "--policy", str(policy), "--key-file", str(key))
        assert result.returncode == 0, result.stderr[-2000:]
        originals = _originals(rows)
        for column, personal in originals.items():
            before, after = _cells(url, column), _cells(target, column)
            shapes = [len(parse(c) or []) if c else None for c in before]
            assert [len(parse(c) or []) if c else None for c in after] == shapes, column
            kept = sum(e in personal for c in after if c for e in parse(c) or [])
            assert kept == 0, f"{column}: {kept} source elements kept"
            nulls = sum(e is None for c in before if c for e in parse(c) or [])
            assert sum(e is None for c in after if c for e in parse(c) or []) == nulls
        notes = " ".join(c or "" for c in _cells(target, "notities"))
        assert sum(name in notes for name in originals["contactpersonen"]) == 0
        assert _cells(target, "labels") == _cells(url, "labels")
        assert _cells(target, "matrix") == _cells(url, "matrix")
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
    assert copy.exists()


def test_the_verifier_compares_elements(
    source: tuple[str, list[tuple[object, ...]]], tmp_path: Path
) -> None:
    url, _ = source
    policy, key = tmp_path / "policy.yaml", tmp_path / "key"
    assert run("keygen", "-o", str(key)).returncode == 0
    assert run("policy", "init", url, "-o", str(policy)).returncode == 0
    # A reviewer's mistake: the visiting address, each client's first address, kept.
    data = yaml.safe_load(policy.read_text(encoding="utf-8"))
    data["tables"]["klant"]["columns"]["bezoekadres"] = {"rule": "keep", "reason": "office"}
    policy.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    # The source as its own copy: the kept column holds elements of an array column.
    result = run("verify", url, url, "--policy", str(policy), "--key-file", str(key))
    assert result.returncode != 0
    leaking = {
        line.split("│")[2].strip()
        for line in result.stdout.splitlines()
        if "value of the source" in line
    }
    assert {"contactpersonen", "adressen", "telefoons", "bezoekadres"} <= leaking

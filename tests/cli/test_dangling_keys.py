"""A source that did not enforce a foreign key (SQLite without ``PRAGMA foreign_keys``) has
rows whose key finds no row. The copy keeps them as they are and publishes: structure (V3)
counts such rows against the source's, and a PostgreSQL target adds the key ``NOT VALID``.
Before, V3 refused every such copy and advised giving both ends the same rule (they had
it), and a PostgreSQL target failed to add the key."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import psycopg
import pytest

from sluis.model.policy_file import parse_policy
from sluis.verify import verify
from tests.cli.test_scan import run

DDL = """
CREATE TABLE ouders (id INTEGER PRIMARY KEY, achternaam TEXT);
CREATE TABLE kinderen (id INTEGER PRIMARY KEY, ouder_id INTEGER REFERENCES ouders (id),
                       voornaam TEXT);
"""
POLICY = """
version: 1
tables:
  ouders:
    columns:
      id: {rule: keep, reason: surrogate key}
      achternaam: {rule: fake, category: person.last_name}
  kinderen:
    columns:
      id: {rule: keep, reason: surrogate key}
      ouder_id: {rule: keep, reason: surrogate key}
      voornaam: {rule: fake, category: person.first_name}
"""
SURNAMES = ["Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer"]
GIVEN = ["Anna", "Sem", "Lucas", "Emma", "Noah", "Julia", "Tess", "Daan"]
# Child 4's parent 99 and child 7's parent 98 were never in the source.
PARENTS = {4: 99, 7: 98}


def _source(sqlite_db: Callable[..., Path]) -> Path:
    return sqlite_db(
        DDL,
        {
            "ouders": list(enumerate(SURNAMES, 1)),
            "kinderen": [(i, PARENTS.get(i, i % 6 + 1), n) for i, n in enumerate(GIVEN, 1)],
        },
    )


def _anonymize(source: Path, target: str, tmp_path: Path) -> None:
    policy, key = tmp_path / "policy.yaml", tmp_path / "key"
    policy.write_text(POLICY, encoding="utf-8")
    assert run("keygen", "-o", str(key)).returncode == 0
    result = run("anonymize", str(source), target, "--policy", str(policy), "--key-file", str(key))
    assert result.returncode == 0, result.stderr


def test_dangling_keys_are_copied_as_the_source_has_them(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    target = tmp_path / "copy.db"
    _anonymize(_source(sqlite_db), str(target), tmp_path)
    with closing(sqlite3.connect(target)) as db:
        kept = dict(db.execute("SELECT id, ouder_id FROM kinderen WHERE ouder_id > 6"))
    assert kept == PARENTS


@pytest.mark.postgres
def test_a_postgresql_target_adds_the_key_for_new_rows(
    sqlite_db: Callable[..., Path], tmp_path: Path, pg_db: str
) -> None:
    _anonymize(_source(sqlite_db), pg_db, tmp_path)
    with psycopg.connect(pg_db) as conn:
        keys = conn.execute("SELECT convalidated FROM pg_constraint WHERE contype = 'f'").fetchall()
        assert keys == [(False,)]
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            conn.execute("INSERT INTO kinderen VALUES (9, 97, 'Mila')")


def test_a_copy_with_more_dangling_keys_than_its_source_fails(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    source = _source(sqlite_db)
    target = tmp_path / "copy.db"
    _anonymize(source, str(target), tmp_path)
    with closing(sqlite3.connect(target)) as db:
        db.execute("UPDATE kinderen SET ouder_id = 96 WHERE id = 2")
        db.commit()
    report = verify(str(source), str(target), parse_policy(POLICY))
    assert report.failed_checks() == ["V3"]
    (finding,) = next(c for c in report.checks if c.code == "V3").findings
    assert finding.count == 1 and "(in the source, 2 rows)" in finding.problem

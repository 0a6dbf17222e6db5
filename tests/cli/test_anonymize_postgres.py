"""``sluis anonymize`` against a real PostgreSQL server, as a user runs it.

The demo "production" database is loaded into PostgreSQL with ``write_postgres`` and copied
PostgreSQL → PostgreSQL, PostgreSQL → SQLite and SQLite → PostgreSQL with one policy and
one key. Assertion messages name tables, columns and counts, never a value.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
import yaml
from psycopg import sql

from sluis.discover.detectors.bsn import DETECTOR as BSN
from sluis.synth.demo import TABLES, build_demo_db, write_postgres
from tests import pg
from tests.cli.test_scan import run

APPLICANTS = 100
# A fixed test key: the copies, and so every assertion about them, are the same in every run.
KEY = "5c1e" * 16
_DIGITS = re.compile(r"(?<![\d.])\d[\d.]{6,10}\d(?![\d.])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_IBAN = re.compile(r"NL\d{2}[A-Z]{4}\d{10}")


class Originals:
    """The source's identifiers in normal form; ``repr`` gives counts only."""

    def __init__(self, bsns: set[str], emails: set[str], ibans: set[str]) -> None:
        self.bsns, self.emails, self.ibans = bsns, emails, ibans

    def __repr__(self) -> str:
        return f"Originals({len(self.bsns)} BSNs, {len(self.emails)} e-mails, {len(self.ibans)})"

    def found_in(self, text: str) -> dict[str, int]:
        """How many originals of each kind occur as a whole token in ``text``."""
        digits = {t.replace(".", "").zfill(9) for t in _DIGITS.findall(text)}
        emails = {e.lower() for e in _EMAIL.findall(text)}
        ibans = set(_IBAN.findall(text.replace(" ", "").upper()))
        return {
            "bsn": len(self.bsns & digits),
            "email": len(self.emails & emails),
            "iban": len(self.ibans & ibans),
        }


@dataclass(frozen=True)
class Setup:
    demo: Path
    source: str  # the demo in PostgreSQL
    policy: Path
    key: Path
    originals: Originals


@dataclass(frozen=True)
class Copies:
    pg_to_pg: str
    pg_to_sqlite: Path
    sqlite_to_pg: str


def _create_database(server: pg.Server, name: str) -> str:
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return server.url(name)


def _drop_database(server: pg.Server, name: str) -> None:
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def _review(policy: Path) -> None:
    """What the reviewer changes in the draft before the first run.

    The demo's seven quasi-identifiers single out every one of a few hundred applicants, so
    the reviewer records that k-anonymity is not asked of this test copy; case numbers
    (some pass the 11-proef) and V-nummers get generic pseudonyms.
    """
    data = yaml.safe_load(policy.read_text(encoding="utf-8"))
    data["quasi_identifiers"] = {}
    data["tables"]["applications"]["columns"]["zaaknummer"] = {"rule": "pseudonymize"}
    data["tables"]["applicants"]["columns"]["v_nummer"] = {"rule": "pseudonymize"}
    policy.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


def _originals(demo: Path) -> Originals:
    with closing(sqlite3.connect(demo)) as db:
        bsns = {
            r[0].replace(".", "").zfill(9) for r in db.execute("SELECT bsn FROM applicants") if r[0]
        }
        emails = {r[0].lower() for r in db.execute("SELECT email FROM applicants") if r[0]}
        ibans = {
            r[0].replace(" ", "").upper()
            for r in db.execute("SELECT iban FROM applicants UNION SELECT iban FROM payments")
            if r[0]
        }
    return Originals(bsns, emails, ibans)


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory, pg_server: pg.Server) -> Iterator[Setup]:
    folder = tmp_path_factory.mktemp("anonymize_pg")
    demo = folder / "production.db"
    build_demo_db(demo, applicants=APPLICANTS, seed=3)
    source = _create_database(pg_server, "anon_source")
    write_postgres(demo, source)
    policy, key = folder / "policy.yaml", folder / "sluis.key"
    drafted = run("policy", "init", source, "-o", str(policy))
    assert drafted.returncode == 0, drafted.stderr
    _review(policy)
    key.write_text(KEY + "\n", encoding="ascii")
    try:
        yield Setup(demo, source, policy, key, _originals(demo))
    finally:
        _drop_database(pg_server, "anon_source")


def _anonymize(setup: Setup, source: str, target: str) -> None:
    args = ("--policy", str(setup.policy), "--key-file", str(setup.key))
    result = run("anonymize", source, target, *args)
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture(scope="module")
def copies(
    setup: Setup, pg_server: pg.Server, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Copies]:
    names = ("anon_pg_to_pg", "anon_sqlite_to_pg")
    pg_to_pg, sqlite_to_pg = (_create_database(pg_server, n) for n in names)
    pg_to_sqlite = tmp_path_factory.mktemp("anonymize_pg_copy") / "copy.db"
    try:
        _anonymize(setup, setup.source, pg_to_pg)
        _anonymize(setup, setup.source, str(pg_to_sqlite))
        _anonymize(setup, str(setup.demo), sqlite_to_pg)
        yield Copies(pg_to_pg, pg_to_sqlite, sqlite_to_pg)
    finally:
        for name in names:
            _drop_database(pg_server, name)


def _pg_tables(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            )
        ]
        return {
            n: conn.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(n))
            ).fetchone()[0]
            for n in names
        }


def _sqlite_tables(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as db:
        names = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: db.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _pg_text(url: str) -> str:
    """Every row of every table as PostgreSQL's row text."""
    with psycopg.connect(url) as conn:
        tables = list(_pg_tables(url))
        return "\n".join(
            str(r[0])
            for t in tables
            for r in conn.execute(sql.SQL("SELECT t::text FROM {} t").format(sql.Identifier(t)))
        )


def _sqlite_text(path: Path) -> str:
    with closing(sqlite3.connect(path)) as db:
        return "\n".join(
            cell.decode("utf-8", "replace") if isinstance(cell, bytes) else str(cell)
            for t in _sqlite_tables(path)
            for row in db.execute(f'SELECT * FROM "{t}"')
            for cell in row
            if cell is not None
        )


def _pg_column(url: str, table: str, column: str) -> dict[int, object]:
    with psycopg.connect(url) as conn:
        query = sql.SQL("SELECT id, {} FROM {}").format(
            sql.Identifier(column), sql.Identifier(table)
        )
        return {int(r[0]): r[1] for r in conn.execute(query)}


def _sqlite_column(path: Path, table: str, column: str) -> dict[int, object]:
    with closing(sqlite3.connect(path)) as db:
        return {int(r[0]): r[1] for r in db.execute(f'SELECT id, "{column}" FROM "{table}"')}


def _staging_schemas(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'sluis\\_staging\\_%'"
        ).fetchall()
    return [str(r[0]) for r in rows]


def _pg_foreign_keys(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND convalidated"
        ).fetchone()
    return int(row[0]) if row else 0


def _pg_fingerprint(url: str) -> str:
    """A digest of every table's rows, to tell whether a target was touched."""
    digest = hashlib.sha256()
    with psycopg.connect(url) as conn:
        for table in sorted(_pg_tables(url)):
            query = sql.SQL("SELECT t::text FROM {} t ORDER BY 1").format(sql.Identifier(table))
            digest.update(table.encode())
            for row in conn.execute(query):
                digest.update(str(row[0]).encode())
    return digest.hexdigest()


def _expected_counts(demo: Path) -> dict[str, int]:
    return _sqlite_tables(demo)


def test_postgres_to_postgres_copy_is_complete_and_holds_no_identifier(
    setup: Setup, copies: Copies
) -> None:
    assert _pg_tables(copies.pg_to_pg) == _expected_counts(setup.demo)
    assert _pg_foreign_keys(copies.pg_to_pg) == _pg_foreign_keys(setup.source)
    assert setup.originals.found_in(_pg_text(copies.pg_to_pg)) == {"bsn": 0, "email": 0, "iban": 0}
    bsns = [b for b in _pg_column(copies.pg_to_pg, "applicants", "bsn").values() if b]
    assert len(set(bsns)) == len(bsns) == len(setup.originals.bsns)
    assert all(BSN.matches(str(b)) for b in bsns)
    assert _staging_schemas(copies.pg_to_pg) == []


def test_postgres_to_sqlite_copy_is_complete_and_holds_no_identifier(
    setup: Setup, copies: Copies
) -> None:
    assert _sqlite_tables(copies.pg_to_sqlite) == _expected_counts(setup.demo)
    with closing(sqlite3.connect(copies.pg_to_sqlite)) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        declared = sum(
            len(db.execute(f'PRAGMA foreign_key_list("{t.name}")').fetchall()) for t in TABLES
        )
    assert declared == _pg_foreign_keys(setup.source)
    text = _sqlite_text(copies.pg_to_sqlite)
    assert setup.originals.found_in(text) == {"bsn": 0, "email": 0, "iban": 0}
    bsns = [b for b in _sqlite_column(copies.pg_to_sqlite, "applicants", "bsn").values() if b]
    assert len(set(bsns)) == len(bsns) == len(setup.originals.bsns)


def test_sqlite_to_postgres_copy_is_complete_and_holds_no_identifier(
    setup: Setup, copies: Copies
) -> None:
    assert _pg_tables(copies.sqlite_to_pg) == _expected_counts(setup.demo)
    assert _pg_foreign_keys(copies.sqlite_to_pg) == _pg_foreign_keys(setup.source)
    text = _pg_text(copies.sqlite_to_pg)
    assert setup.originals.found_in(text) == {"bsn": 0, "email": 0, "iban": 0}
    assert _staging_schemas(copies.sqlite_to_pg) == []


@pytest.mark.parametrize("column", ["bsn", "email", "iban", "achternaam"])
def test_same_key_gives_the_same_pseudonyms_on_every_backend(copies: Copies, column: str) -> None:
    on_pg = _pg_column(copies.pg_to_pg, "applicants", column)
    on_sqlite = _sqlite_column(copies.pg_to_sqlite, "applicants", column)
    from_sqlite = _pg_column(copies.sqlite_to_pg, "applicants", column)
    assert on_pg.keys() == on_sqlite.keys() == from_sqlite.keys()
    differ = sum(1 for i in on_pg if not on_pg[i] == on_sqlite[i] == from_sqlite[i])
    assert differ == 0, f"applicants.{column}: {differ} rows differ between backends"


def test_schema_drift_on_postgres_stops_the_run_and_keeps_the_target(
    setup: Setup, copies: Copies, pg_db: str
) -> None:
    write_postgres(setup.demo, pg_db)
    with psycopg.connect(pg_db) as conn:
        conn.execute("ALTER TABLE applicants ADD COLUMN tweede_naam text")
    before = _pg_fingerprint(copies.pg_to_pg)
    args = ("--policy", str(setup.policy), "--key-file", str(setup.key))
    result = run("anonymize", pg_db, copies.pg_to_pg, *args)
    assert result.returncode == 2
    assert "applicants.tweede_naam" in result.stderr and "policy check" in result.stderr
    assert _pg_fingerprint(copies.pg_to_pg) == before
    assert _staging_schemas(copies.pg_to_pg) == []


def test_failed_run_keeps_the_target_and_leaves_no_staging_schema(
    setup: Setup, copies: Copies, tmp_path: Path
) -> None:
    # A rule whose output does not fit its column (a text hash for a bigint) fails the run
    # in the middle, with tables already staged; the copy published before stays as it was.
    data = yaml.safe_load(setup.policy.read_text(encoding="utf-8"))
    data["tables"]["applications"]["columns"]["zaaknummer"] = {"rule": "hash"}
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    before = _pg_fingerprint(copies.pg_to_pg)
    args = ("--policy", str(broken), "--key-file", str(setup.key), "--batch-rows", "50")
    result = run("anonymize", setup.source, copies.pg_to_pg, *args)
    assert result.returncode == 2, result.stderr[-3000:]
    assert "applications.zaaknummer" in result.stderr and "Traceback" not in result.stderr
    assert _pg_fingerprint(copies.pg_to_pg) == before
    assert _staging_schemas(copies.pg_to_pg) == []
    printed = result.stdout + result.stderr
    assert setup.originals.found_in(printed) == {"bsn": 0, "email": 0, "iban": 0}


def test_addresses_of_inet_and_cidr_columns_are_replaced_in_their_notation(
    pg_server: pg.Server, tmp_path: Path
) -> None:
    """``inet`` reads as written ("10.20.12.165", not ``::text``'s "10.20.12.165/32", which
    the address operator took for no address and the rescan for a phone number); a network
    keeps its prefix length, without host bits, so a ``cidr`` column takes it."""
    source = _create_database(pg_server, "anon_inet_source")
    target = _create_database(pg_server, "anon_inet_target")
    try:
        with psycopg.connect(source, autocommit=True) as conn:
            conn.execute(
                "CREATE TABLE hits (id int PRIMARY KEY, ip inet, net cidr);"
                "INSERT INTO hits SELECT g, ('31.' || g % 250 || '.' || g * 7 % 250 || '.'"
                " || g * 13 % 250)::inet, ('10.' || g % 250 || '.0.0/16')::cidr"
                " FROM generate_series(1, 3000) g"
            )
        policy = tmp_path / "policy.yaml"
        policy.write_text(
            "tables:\n  hits:\n    columns:\n      id: {rule: keep, reason: key}\n"
            "      ip: {rule: pseudonymize, category: network.ip}\n"
            "      net: {rule: pseudonymize, category: network.ip}\n",
            encoding="utf-8",
        )
        key = tmp_path / "sluis.key"
        key.write_text(KEY + "\n", encoding="ascii")
        result = run("anonymize", source, target, "--policy", str(policy), "--key-file", str(key))
        assert result.returncode == 0, result.stderr[-3000:]
        query = "SELECT id, ip::text, net::text, masklen(ip), masklen(net) FROM hits ORDER BY id"
        with psycopg.connect(source) as conn:
            before = conn.execute(query).fetchall()
        with psycopg.connect(target) as conn:
            after = conn.execute(query).fetchall()
        assert len(after) == len(before) == 3000
        assert sum(a[1] == b[1] for a, b in zip(after, before, strict=True)) == 0
        assert {(a[3], a[4]) for a in after} == {(32, 16)}
    finally:
        _drop_database(pg_server, "anon_inet_source")
        _drop_database(pg_server, "anon_inet_target")


def test_a_missing_target_database_is_named_with_how_to_create_it(
    setup: Setup, pg_server: pg.Server
) -> None:
    target = pg_server.url("nog_niet_aangemaakt")
    args = ("--policy", str(setup.policy), "--key-file", str(setup.key))
    result = run("anonymize", str(setup.demo), target, *args)
    assert result.returncode == 2
    assert "'nog_niet_aangemaakt' does not exist" in result.stderr and "createdb" in result.stderr


def test_the_source_under_another_spelling_is_refused_as_the_target(setup: Setup) -> None:
    """``postgres://`` for ``postgresql://`` and a socket directory with a trailing slash
    reach the source database: refused at once (before, the run wrote its staging schema
    into the source, ran three minutes and failed by chance)."""
    alias = setup.source.replace("postgresql://", "postgres://").replace("&port", "/&port")
    assert alias != setup.source
    args = ("--policy", str(setup.policy), "--key-file", str(setup.key))
    result = run("anonymize", setup.source, alias, *args)
    assert result.returncode == 2 and "is the source" in result.stderr
    assert _staging_schemas(setup.source) == []

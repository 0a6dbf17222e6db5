"""``sluis scan`` against a real PostgreSQL server gives what it gives on SQLite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sluis.synth.demo import build_demo_db, write_postgres
from tests.cli.test_scan import run


def _categories(report: str) -> dict[tuple[str, str], str | None]:
    data = json.loads(report)
    return {
        (table["name"], column["name"]): column["category"]
        for table in data["tables"]
        for column in table["columns"]
    }


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pgscan") / "demo.db"
    build_demo_db(path, applicants=300, seed=3)
    return path


def test_postgres_scan_matches_sqlite_scan(demo: Path, pg_db: str) -> None:
    write_postgres(demo, pg_db)
    on_pg = run("scan", pg_db, "--format", "json")
    on_sqlite = run("scan", str(demo), "--format", "json")
    assert on_pg.returncode == 0, on_pg.stderr
    assert on_sqlite.returncode == 0, on_sqlite.stderr
    pg_categories, sqlite_categories = _categories(on_pg.stdout), _categories(on_sqlite.stdout)
    assert pg_categories.keys() == sqlite_categories.keys()
    differ = {k for k in pg_categories if pg_categories[k] != sqlite_categories[k]}
    assert not differ
    assert pg_categories[("applicants", "bsn")] == "id.bsn"
    assert run("scan", pg_db, "--fail-on", "personal").returncode == 1


def test_unreachable_server_is_one_line_without_password(pg_db: str) -> None:
    url = "postgresql://sluis:geheim-wachtwoord@127.0.0.1:1/nothing"
    result = run("scan", url)
    assert result.returncode == 2
    assert "geheim-wachtwoord" not in result.stderr + result.stdout
    assert "127.0.0.1" in result.stderr and "Traceback" not in result.stderr
    missing_db = pg_db.rsplit("/", 1)[0] + "/no_such_database"
    result = run("scan", missing_db)
    assert result.returncode == 2 and "no_such_database" in result.stderr


def test_empty_postgres_database_is_bad_input(pg_db: str) -> None:
    result = run("scan", pg_db)
    assert result.returncode == 2 and "no tables" in result.stderr

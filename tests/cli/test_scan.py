"""``sluis scan`` as a user runs it: real SQLite files, the installed console script."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import people

SLUIS = [sys.executable, "-m", "sluis.cli.main"]

EXPECTED = {
    ("aanvragers", "bsn"): "id.bsn",
    ("aanvragers", "c1"): "id.bsn",
    ("aanvragers", "voornaam"): "person.first_name",
    ("aanvragers", "achternaam"): "person.last_name",
    ("aanvragers", "geboortedatum"): "person.birth_date",
    ("aanvragers", "email"): "contact.email",
    ("aanvragers", "telefoon"): "contact.phone",
    ("aanvragers", "iban"): "finance.iban",
    ("aanvragers", "postcode"): "location.postcode",
    ("aanvragers", "woonplaats"): "location.city",
    ("aanvragers", "zaaknummer"): None,
    ("aanvragers", "status"): None,
    ("aanvragers", "id"): None,
    ("notities", "aanvrager_id"): None,
    ("notities", "tekst"): "text.contains_pii",
    ("notities", "bedrag"): None,
    ("landen", "code"): None,
    ("landen", "omschrijving"): None,
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SLUIS, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, people.Personal]:
    path = tmp_path_factory.mktemp("scan") / "production.db"
    return path, people.build(path)


def test_json_report_classifies_every_column(
    database: tuple[Path, people.Personal],
) -> None:
    path, _ = database
    result = run("scan", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    got = {
        (table["name"], column["name"]): column["category"]
        for table in report["tables"]
        for column in table["columns"]
    }
    wrong = {key: (want, got.get(key)) for key, want in EXPECTED.items() if got.get(key) != want}
    assert not wrong
    rows = {table["name"]: table["rows"] for table in report["tables"]}
    assert rows == {"aanvragers": 300, "notities": 300, "landen": 4}
    notes = next(t for t in report["tables"] if t["name"] == "notities")
    contains = set(next(c for c in notes["columns"] if c["name"] == "tekst")["contains"])
    assert {"person.name", "contact.phone", "location.postcode"} <= contains


@pytest.mark.parametrize("fmt", ["table", "json", "html"])
def test_no_value_from_the_data_is_ever_printed(
    database: tuple[Path, people.Personal], fmt: str, tmp_path: Path
) -> None:
    path, personal = database
    out = tmp_path / f"report.{fmt}"
    to_stdout = run("scan", str(path), "--format", fmt)
    to_file = run("scan", str(path), "--format", fmt, "-o", str(out))
    assert to_stdout.returncode == 0 and to_file.returncode == 0
    printed = to_stdout.stdout + to_stdout.stderr + to_file.stdout + to_file.stderr
    printed += out.read_text(encoding="utf-8")
    leaked = [
        column
        for column, values in personal.items()
        for value in values
        if len(value) >= 5 and value in printed
    ]
    assert not leaked, f"values of these columns were printed: {sorted(set(leaked))}"


def test_html_report_is_self_contained(database: tuple[Path, people.Personal]) -> None:
    path, _ = database
    page = run("scan", str(path), "--format", "html").stdout
    assert page.startswith("<!doctype html>")
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert "id.bsn" in page and "aanvragers" in page


def test_fail_on_personal_is_a_gate(database: tuple[Path, people.Personal], tmp_path: Path) -> None:
    path, _ = database
    assert run("scan", str(path), "--fail-on", "personal").returncode == 1
    clean = tmp_path / "clean.db"
    with sqlite3.connect(clean) as db:
        db.execute("CREATE TABLE producten (id INTEGER PRIMARY KEY, prijs REAL, aantal INTEGER)")
        db.executemany("INSERT INTO producten VALUES (?,?,?)", [(i, i * 1.5, i) for i in range(50)])
    result = run("scan", str(clean), "--fail-on", "personal")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("args", "mentions"),
    [
        (["ftp://example/db"], "postgresql://"),
        (["does-not-exist.db"], "does-not-exist.db"),
        (["{empty}"], "no tables"),
        (["{db}", "--table", "nope"], "nope"),
        (["{db}", "--sample", "0"], "--sample"),
        (["{db}", "--format", "xml"], "--format"),
    ],
    ids=[
        "wrong-scheme",
        "missing-file",
        "empty-database",
        "missing-table",
        "bad-sample",
        "bad-format",
    ],
)
def test_bad_input_gives_one_line_and_exit_2(
    database: tuple[Path, people.Personal], tmp_path: Path, args: list[str], mentions: str
) -> None:
    path, _ = database
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    argv = [a.format(db=path, empty=empty) for a in args]
    result = run("scan", *argv)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert mentions in result.stderr
    assert "Traceback" not in result.stderr
    assert len(lines) <= 3  # click adds a usage line and a hint for option errors


def test_unreadable_file_is_bad_input(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    result = run("scan", str(junk))
    assert result.returncode == 2
    assert "junk.db" in result.stderr and "Traceback" not in result.stderr

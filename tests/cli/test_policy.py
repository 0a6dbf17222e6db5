"""``sluis policy init`` and ``sluis policy check`` as a user runs them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sluis.model.policy import Keep, Pseudonymize, RedactText
from sluis.model.policy_file import parse_policy
from tests.cli import people
from tests.cli.test_scan import run


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "production.db"
    people.build(path, people=120)
    return path


def test_init_writes_a_complete_reviewable_policy(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "policy.yaml"
    result = run("policy", "init", str(database), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    policy = parse_policy(text)
    with sqlite3.connect(database) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
            assert sorted(policy.tables[table].columns) == sorted(columns)
    assert isinstance(policy.rule("aanvragers", "bsn"), Pseudonymize)
    assert isinstance(policy.rule("notities", "tekst"), RedactText)
    keep = policy.rule("aanvragers", "status")
    assert isinstance(keep, Keep) and keep.reason.startswith("not personal")
    assert "# id.bsn" in text  # the category and evidence stand above the rule
    # Quasi-identifiers are what the copy keeps of a person; the birth date is shifted.
    assert "geboortedatum" not in str(policy.quasi_identifiers.get("aanvragers"))


def test_init_does_not_overwrite_without_force(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "policy.yaml"
    out.write_text("mine\n", encoding="utf-8")
    result = run("policy", "init", str(database), "-o", str(out))
    assert result.returncode == 2 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "mine\n"
    assert run("policy", "init", str(database), "-o", str(out), "--force").returncode == 0


def test_check_reports_drift_by_name(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "policy.yaml"
    assert run("policy", "init", str(database), "-o", str(out)).returncode == 0
    clean = run("policy", "check", str(database), "--policy", str(out))
    assert clean.returncode == 0, clean.stdout + clean.stderr
    with sqlite3.connect(database) as db:
        db.execute("ALTER TABLE aanvragers ADD COLUMN tweede_nationaliteit TEXT")
        db.execute("CREATE TABLE bijlagen (id INTEGER PRIMARY KEY, inhoud BLOB)")
    drift = run("policy", "check", str(database), "--policy", str(out))
    assert drift.returncode == 1
    assert "aanvragers.tweede_nationaliteit" in drift.stdout
    assert "table bijlagen" in drift.stdout


def test_check_with_malformed_policy_is_bad_input(database: Path, tmp_path: Path) -> None:
    bad = tmp_path / "policy.yaml"
    bad.write_text("version: 1\ntables:\n  aanvragers:\n    columns:\n      bsn: {rule: nope}\n")
    result = run("policy", "check", str(database), "--policy", str(bad))
    assert result.returncode == 2
    assert f"{bad}:5" in result.stderr and "unknown rule" in result.stderr
    missing = run("policy", "check", str(database), "--policy", str(tmp_path / "none.yaml"))
    assert missing.returncode == 2 and "none.yaml" in missing.stderr

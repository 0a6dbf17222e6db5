"""``sluis anonymize`` as a user runs it: a copy with no personal data, or nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from contextlib import closing
from pathlib import Path

import pytest

from sluis.discover.detectors.bsn import DETECTOR as BSN
from sluis.synth.demo import build_demo_db
from tests.cli import people
from tests.cli.test_scan import SLUIS, run


def _cells(path: Path) -> list[str]:
    """Every cell of every table as text (blobs decoded loosely)."""
    out: list[str] = []
    with closing(sqlite3.connect(path)) as db:
        tables = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in tables:
            for row in db.execute(f'SELECT * FROM "{table}"'):
                for cell in row:
                    if isinstance(cell, bytes):
                        out.append(cell.decode("utf-8", "replace"))
                    elif cell is not None:
                        out.append(str(cell))
    return out


def _setup(tmp_path: Path, rows: int = 150) -> tuple[Path, people.Personal, Path, Path]:
    source = tmp_path / "production.db"
    personal = people.build(source, people=rows)
    policy = tmp_path / "policy.yaml"
    key = tmp_path / "sluis.key"
    assert run("policy", "init", str(source), "-o", str(policy)).returncode == 0
    assert run("keygen", "-o", str(key)).returncode == 0
    return source, personal, policy, key


def test_copy_keeps_shape_and_loses_every_personal_value(tmp_path: Path) -> None:
    source, personal, policy, key = _setup(tmp_path)
    target = tmp_path / "copy.db"
    result = run(
        "anonymize", str(source), str(target), "--policy", str(policy), "--key-file", str(key)
    )
    assert result.returncode == 0, result.stderr
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        for table in ("aanvragers", "notities", "landen"):
            count = f'SELECT count(*) FROM "{table}"'
            assert src.execute(count).fetchone() == dst.execute(count).fetchone()
        assert dst.execute("PRAGMA foreign_key_check").fetchall() == []
        bsns = [r[0] for r in dst.execute("SELECT bsn FROM aanvragers")]
        assert len(set(bsns)) == len(bsns)
        assert all(BSN.matches(str(b)) for b in bsns)
        schema = {
            r[0]
            for r in src.execute(
                "SELECT sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        copied = {
            r[0]
            for r in dst.execute(
                "SELECT sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        assert len(schema) == len(copied)
    # Identifiers never survive, anywhere. Names and postcodes are drawn from the same
    # population, so a fake may equal another person's value; per row none may survive.
    text = "\n".join(_cells(target))
    identifiers = ("bsn", "c1", "email", "telefoon", "iban")
    survived = sorted(
        {c for c in personal if c.split(".")[1] in identifiers for v in personal[c] if v in text}
    )
    assert not survived, f"original identifiers survive in {survived}"
    columns = [c.split(".")[1] for c in personal]
    select = f"SELECT {', '.join(columns)} FROM aanvragers ORDER BY id"
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        pairs = zip(src.execute(select), dst.execute(select), strict=True)
        same = {
            col for old, new in pairs for col, a, b in zip(columns, old, new, strict=True) if a == b
        }
    assert not same, f"values kept in their own row in {sorted(same)}"
    printed = result.stdout + result.stderr
    assert not any(v in printed for values in personal.values() for v in values)


def test_same_key_same_copy_other_key_other_copy(tmp_path: Path) -> None:
    source, _, policy, key = _setup(tmp_path, rows=60)
    first, second, third = (tmp_path / f"copy{i}.db" for i in range(3))
    other = tmp_path / "other.key"
    assert run("keygen", "-o", str(other)).returncode == 0
    for target, k in ((first, key), (second, key), (third, other)):
        result = run(
            "anonymize", str(source), str(target), "--policy", str(policy), "--key-file", str(k)
        )
        assert result.returncode == 0, result.stderr
    assert _cells(first) == _cells(second)
    assert _cells(first) != _cells(third)


def test_schema_drift_stops_the_run_before_anything_is_written(tmp_path: Path) -> None:
    source, _, policy, key = _setup(tmp_path, rows=30)
    with closing(sqlite3.connect(source)) as db:
        db.execute("ALTER TABLE aanvragers ADD COLUMN tweede_naam TEXT")
        db.commit()
    target = tmp_path / "copy.db"
    result = run(
        "anonymize", str(source), str(target), "--policy", str(policy), "--key-file", str(key)
    )
    assert result.returncode == 2
    assert "aanvragers.tweede_naam" in result.stderr and "policy check" in result.stderr
    assert not target.exists()
    assert list(tmp_path.glob("copy.db*")) == []


def _start_copy(tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path]:
    """Start a long anonymize run and return once its staging copy exists."""
    source = tmp_path / "production.db"
    build_demo_db(source, applicants=3000, seed=5)
    policy, key, target = tmp_path / "policy.yaml", tmp_path / "sluis.key", tmp_path / "copy.db"
    assert run("policy", "init", str(source), "-o", str(policy)).returncode == 0
    assert run("keygen", "-o", str(key)).returncode == 0
    if (tmp_path / "previous").exists():
        (tmp_path / "previous").rename(target)
    process = subprocess.Popen(
        [
            *SLUIS,
            "anonymize",
            str(source),
            str(target),
            "--policy",
            str(policy),
            "--key-file",
            str(key),
            "--batch-rows",
            "200",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob("copy.db.sluis-staging-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be interrupted"
    return process, target


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "terminate"])
def test_interrupted_run_publishes_nothing_and_keeps_the_old_target(
    tmp_path: Path, stop: signal.Signals
) -> None:
    with closing(sqlite3.connect(tmp_path / "previous")) as previous:
        # An earlier copy, of one table: a target of other tables is refused at the start.
        previous.execute("CREATE TABLE applicants (id INTEGER PRIMARY KEY)")
        previous.commit()
    before = (tmp_path / "previous").read_bytes()
    process, target = _start_copy(tmp_path)
    process.send_signal(stop)
    process.wait(timeout=60)
    assert process.returncode != 0
    assert target.read_bytes() == before
    assert list(tmp_path.glob("copy.db.sluis-staging-*")) == []


def test_killed_run_leaves_the_target_untouched(tmp_path: Path) -> None:
    process, target = _start_copy(tmp_path)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert not target.exists()


@pytest.mark.parametrize(
    ("env", "args", "says"),
    [
        ({}, [], "no key"),
        ({"SLUIS_KEY": "not-a-key"}, [], "sluis keygen"),
        ({}, ["--key-file", "{missing}"], "missing.key"),
    ],
    ids=["no-key", "bad-key-text", "missing-key-file"],
)
def test_key_problems_are_bad_input(
    tmp_path: Path, env: dict[str, str], args: list[str], says: str
) -> None:
    source, _, policy, _ = _setup(tmp_path, rows=20)
    argv = [a.format(missing=tmp_path / "missing.key") for a in args]
    result = subprocess.run(
        [
            *SLUIS,
            "anonymize",
            str(source),
            str(tmp_path / "copy.db"),
            "--policy",
            str(policy),
            *argv,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k != "SLUIS_KEY"} | env,
    )
    assert result.returncode == 2
    assert says in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "copy.db").exists()


def test_target_may_not_be_the_source_and_dry_run_writes_nothing(tmp_path: Path) -> None:
    source, _, policy, key = _setup(tmp_path, rows=20)
    same = run(
        "anonymize", str(source), str(source), "--policy", str(policy), "--key-file", str(key)
    )
    assert same.returncode == 2 and "is the source" in same.stderr
    dry = run(
        "anonymize", str(source), str(tmp_path / "copy.db"), "--policy", str(policy), "--dry-run"
    )
    assert dry.returncode == 0, dry.stderr
    assert "aanvragers (20 rows)" in dry.stdout and "bsn: pseudonymize (id.bsn)" in dry.stdout
    assert not (tmp_path / "copy.db").exists()


def test_an_unrelated_database_is_never_overwritten_an_earlier_copy_is(tmp_path: Path) -> None:
    """Naming another database as the target by mistake deleted its tables (exit 0); a
    target holding tables the copy does not have is refused, an earlier copy replaced."""
    source, _, policy, key = _setup(tmp_path, rows=20)
    other = tmp_path / "ledger.db"
    with closing(sqlite3.connect(other)) as db:
        db.execute("CREATE TABLE boekingen (id INTEGER PRIMARY KEY, bedrag REAL)")
        db.commit()
    before = other.read_bytes()
    args = ("--policy", str(policy), "--key-file", str(key))
    refused = run("anonymize", str(source), str(other), *args)
    assert refused.returncode == 2 and "boekingen" in refused.stderr
    assert other.read_bytes() == before
    copy = tmp_path / "copy.db"
    for _ in range(2):
        result = run("anonymize", str(source), str(copy), *args)
        assert result.returncode == 0, result.stderr


def test_keygen_never_overwrites(tmp_path: Path) -> None:
    key = tmp_path / "sluis.key"
    assert run("keygen", "-o", str(key)).returncode == 0
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    before = key.read_text()
    again = run("keygen", "-o", str(key))
    assert again.returncode == 2 and key.read_text() == before


def test_a_copy_that_fails_verification_is_not_published_and_the_error_says_what_to_do(
    tmp_path: Path,
) -> None:
    source, personal, policy, key = _setup(tmp_path)
    drafted = policy.read_text(encoding="utf-8")
    kept = drafted.replace(
        "bsn: {rule: pseudonymize, category: id.bsn}",
        'bsn: {rule: keep, reason: "reviewed wrongly"}',
    )
    assert kept != drafted
    policy.write_text(kept, encoding="utf-8")
    target = tmp_path / "copy.db"
    result = run(
        "anonymize", str(source), str(target), "--policy", str(policy), "--key-file", str(key)
    )
    assert result.returncode == 1
    assert not target.exists()
    assert list(tmp_path.glob("copy.db*")) == []
    last = result.stderr.strip().splitlines()[-1]
    assert "the copy failed V1" in last
    assert "nothing was published; fake or pseudonymize the kept columns listed" in last
    output = result.stdout + result.stderr
    printed = [v for values in personal.values() for v in values if v in output]
    assert printed == [], f"{len(printed)} personal values printed"

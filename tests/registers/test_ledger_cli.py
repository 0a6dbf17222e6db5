"""``sluis disclose``, ``sluis retention`` and ``sluis dpia`` as a privacy officer runs them,
with the registers (and the application database) on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import click
import psycopg
import pytest
from click.testing import CliRunner

from sluis.cli.disclose import disclose_group
from sluis.cli.dpia import dpia_group
from sluis.cli.retention import retention_group
from sluis.errors import SluisError
from sluis.keys import Key
from sluis.registers.disclosure import place_hold
from sluis.registers.store import RegisterStore

ACTIVITY = "https://example.org/act/benefits"
# Synthetic BSNs (they pass the 11-check); no real person.
BSNS = ["111222333", "123456782", "100000009", "100000010", "999999990"]

_cli = click.Group("sluis")
for _group in (disclose_group, retention_group, dpia_group):
    _cli.add_command(_group)


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


@dataclass(frozen=True)
class Env:
    folder: Path
    register: str
    key_file: Path
    outputs: list[str]

    def run(self, *args: str) -> Ran:
        """Run ``sluis ARGS --register ...`` as the entry point would (errors → one line)."""
        result = CliRunner().invoke(_cli, [*args, "--register", self.register])
        code, err = result.exit_code, result.stderr
        if isinstance(result.exception, SluisError):
            code, err = result.exception.exit_code, f"error: {result.exception}\n"
        elif result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        self.outputs.append(result.stdout + err)
        return Ran(code, result.stdout, err)

    def ok(self, *args: str) -> str:
        ran = self.run(*args)
        assert ran.code == 0, ran.err
        return ran.out

    def persons_csv(self, name: str, bsns: list[str]) -> Path:
        path = self.folder / name
        path.write_text("bsn,naam\n" + "".join(f"{b},Synthetic\n" for b in bsns), encoding="utf-8")
        return path


@pytest.fixture(params=["sqlite", "postgresql"])
def env(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Env]:
    register = (
        str(tmp_path / "registers.db")
        if request.param == "sqlite"
        else request.getfixturevalue("pg_db")
    )
    key_file = tmp_path / "sluis.key"
    key_file.write_text(Key(bytes(range(32))).to_text() + "\n", encoding="ascii")
    made = Env(tmp_path, register, key_file, [])
    yield made
    printed = "".join(made.outputs)
    assert not any(bsn in printed for bsn in BSNS), "a raw id was printed"
    if request.param == "sqlite":
        stored = b"".join(p.read_bytes() for p in tmp_path.glob("registers.db*"))
        assert not any(bsn.encode() in stored for bsn in BSNS), "a raw id was stored"


def record(env: Env, recipient: str, batch: str, persons: Path, *extra: str) -> Ran:
    return env.run(
        "disclose", "record", "--recipient", recipient, "--oin", "00000001002220647000",
        "--activity", ACTIVITY, "--legal-basis", "Participatiewet art. 64",
        "--channel", "portal", "--batch", batch, "--category", "income",
        "--persons", str(persons), "--key-file", str(env.key_file),
        "--at", "2025-03-01T10:00:00+00:00", *extra,
    )  # fmt: skip


def test_deliveries_recall_and_notices(env: Env) -> None:
    first = env.persons_csv("first.csv", BSNS[:3])
    jsonl = env.folder / "second.jsonl"
    jsonl.write_text("".join(json.dumps({"bsn": b}) + "\n" for b in BSNS[2:4]), encoding="utf-8")
    assert record(env, "Gemeente Utrecht", "2025-03", first).code == 0
    assert record(env, "Gemeente Zeist", "2025-03", jsonl).code == 0
    assert record(env, "Gemeente Utrecht", "2025-02", env.persons_csv("o.csv", BSNS[4:])).code == 0
    listed = json.loads(env.ok("disclose", "list", "--batch", "2025-03", "--format", "json"))
    assert [(d["recipient"], d["persons"]) for d in listed] == [
        ("Gemeente Utrecht", 3),
        ("Gemeente Zeist", 2),
    ]
    assert env.ok("disclose", "persons", "--batch", "2025-03").splitlines() == [
        "Gemeente Utrecht\t3 persons",
        "Gemeente Zeist\t2 persons",
    ]
    out = env.ok("disclose", "recall", "--batch", "2025-03", "--reason", "wrong amounts")
    assert out.splitlines()[0].startswith("recall 1: 2 notices sent; holds 1")
    assert "notice 1\trecall\tsent\tGemeente Utrecht (00000001002220647000)\t3 persons" in out
    # The planned delivery to the statistics office is refused while the hold stands.
    refused = record(env, "CBS", "2025-03-stat", first)
    assert refused.code == 1 and len(refused.err.strip().splitlines()) == 1
    assert "hold 1" in refused.err and "SLUIS-541" in refused.err
    assert "CBS" not in env.ok("disclose", "list")  # nothing recorded
    assert "notice 1\trecall\tacknowledged" in env.ok("disclose", "notice", "ack", "1")
    skipped = env.run("disclose", "notice", "confirm", "2")
    assert skipped.code == 2 and "next allowed: acknowledged" in skipped.err
    env.ok("disclose", "notice", "confirm", "1")
    shown = json.loads(env.ok("disclose", "notice", "show", "1"))
    assert shown["status"] == "confirmed_deleted" and len(shown["subjects"]) == 3
    assert "Art. 19" in shown["request"]
    assert "hold 1 lifted" in env.ok("disclose", "hold", "lift", "1", "--reason", "corrected")
    assert record(env, "CBS", "2025-03-stat", first).code == 0


def test_recall_of_persons_and_manual_holds(env: Env) -> None:
    record(env, "Gemeente Utrecht", "b1", env.persons_csv("a.csv", BSNS[:3]))
    record(env, "Gemeente Zeist", "b2", env.persons_csv("b.csv", BSNS[3:]))
    wanted = env.persons_csv("wanted.csv", [BSNS[1]])
    out = env.ok(
        "disclose", "recall", "--persons", str(wanted), "--key-file", str(env.key_file),
        "--reason", "objection",
    )  # fmt: skip
    assert "1 notices sent" in out and "Gemeente Utrecht" in out and "Zeist" not in out
    env.ok("disclose", "hold", "place", "--reason", "audit", "--recipient", "Gemeente Zeist")
    holds = env.ok("disclose", "hold", "list").splitlines()
    assert len(holds) == 2 and "recipient=Gemeente Zeist" in holds[1]
    assert record(env, "Gemeente Zeist", "b3", env.persons_csv("c.csv", [BSNS[4]])).code == 1
    assert record(env, "Gemeente Utrecht", "b3", env.persons_csv("d.csv", [BSNS[4]])).code == 0


def test_bad_persons_files_name_the_line_not_the_id(env: Env) -> None:
    bad = env.folder / "bad.csv"
    bad.write_text(f"bsn\n{BSNS[0]}\n\n,\n", encoding="utf-8")
    ran = record(env, "X", "b", bad)
    assert ran.code == 2 and "bad.csv:" in ran.err and "no id in column 'bsn'" in ran.err
    headless = env.folder / "headless.csv"
    headless.write_text(f"{BSNS[0]}\n", encoding="utf-8")
    ran = record(env, "X", "b", headless)
    assert ran.code == 2 and "headless.csv:1: the header has no column 'bsn'" in ran.err
    ran = record(env, "X", "b", env.persons_csv("ok.csv", [BSNS[0]]), "--at", "yesterday")
    assert ran.code == 2 and "--at takes an ISO date" in ran.err


def test_refusal_is_one_line_from_the_entry_point(tmp_path: Path) -> None:
    register = str(tmp_path / "registers.db")
    key_file = tmp_path / "sluis.key"
    key_file.write_text(Key(bytes(range(32))).to_text(), encoding="ascii")
    persons = tmp_path / "p.csv"
    persons.write_text(f"bsn\n{BSNS[0]}\n", encoding="utf-8")
    code = (
        "from sluis.cli import main as m\n"
        "from sluis.cli.disclose import disclose_group\n"
        "m.cli.add_command(disclose_group)\n"
        "m.main()\n"
    )
    with RegisterStore.open(register) as store:
        place_hold(store, reason="stop")
    done = subprocess.run(
        [sys.executable, "-c", code, "disclose", "record", "--register", register,
         "--recipient", "CBS", "--oin", "1",
         "--activity", ACTIVITY, "--legal-basis", "x", "--channel", "sftp", "--batch", "b",
         "--category", "income", "--persons", str(persons), "--key-file", str(key_file)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: SLUIS-541:")
    assert BSNS[0] not in done.stderr


RULES = f"""
rules:
  - id: clients-inactive
    activity: {ACTIVITY}
    category: client-record
    table: clients
    subject_column: bsn
    trigger: client inactive since
    trigger_column: last_activity
    period: 5y
    grace: 90d
"""


def make_app(env: Env) -> str:
    """The application database: clients(bsn, last_activity), three of five inactive."""
    rows = [(b, "2018-01-01" if i < 3 else "2024-11-01") for i, b in enumerate(BSNS)]
    if env.register.startswith("postgresql"):
        with psycopg.connect(env.register, autocommit=True) as conn:
            conn.execute(
                "CREATE TABLE clients (id serial PRIMARY KEY, bsn text, last_activity date)"
            )
            for bsn, day in rows:
                conn.execute("INSERT INTO clients (bsn, last_activity) VALUES (%s, %s)", (bsn, day))
        return env.register  # the same database as the register: one connection
    path = env.folder / "clients.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE clients (id INTEGER PRIMARY KEY, bsn TEXT, last_activity TEXT)")
        conn.executemany("INSERT INTO clients (bsn, last_activity) VALUES (?, ?)", rows)
        conn.commit()
    return str(path)


def count_clients(env: Env, app: str, where: str = "") -> int:
    query = f"SELECT COUNT(*) FROM clients {where}"
    if app.startswith("postgresql"):
        with psycopg.connect(app) as conn:
            row = conn.execute(query).fetchone()
    else:
        with closing(sqlite3.connect(app)) as conn:
            row = conn.execute(query).fetchone()
    assert row is not None
    return int(row[0])


def test_retention_run_against_the_application_database(env: Env) -> None:
    app = make_app(env)
    rules = env.folder / "retention.yaml"
    rules.write_text(RULES, encoding="utf-8")
    record(env, "Gemeente Utrecht", "b1", env.persons_csv("a.csv", BSNS[1:4]))
    args = (
        "retention",
        "run",
        "--rules",
        str(rules),
        "--app",
        app,
        "--key-file",
        str(env.key_file),
    )
    dry = env.run(*args, "--dry-run", "--now", "2025-01-01T12:00:00+00:00")
    assert dry.code == 0 and "dry run: nothing was changed" in dry.err
    assert dry.out.strip() == (
        "clients-inactive: would hide 3 rows (3 persons), would delete 0 rows (0 persons), "
        "0 rows under legal hold"
    )
    assert count_clients(env, app) == 5
    hidden = env.ok(*args, "--now", "2025-01-01T12:00:00+00:00", "--format", "json")
    assert json.loads(hidden)["rules"][0]["rows_hidden"] == 3
    assert count_clients(env, app, "WHERE sluis_restricted_at IS NOT NULL") == 3
    # A legal hold on one of them keeps its row; the others go after the grace period.
    held = env.persons_csv("held.csv", [BSNS[0]])
    env.ok("retention", "hold", "place", "--reason", "court case", "--persons", str(held),
           "--key-file", str(env.key_file))  # fmt: skip
    deleted = env.run(*args, "--now", "2025-06-01T12:00:00+00:00")
    assert deleted.code == 0, deleted.err
    assert "deleted 2 rows (2 persons), 1 rows under legal hold" in deleted.out
    assert "destruction certificate 2; 1 erasure notices sent" in deleted.err
    assert count_clients(env, app) == 3
    certificate = json.loads(env.ok("retention", "certificate", "show", "2"))
    assert certificate["rules"][0]["rows_deleted"] == 2
    assert len(certificate["rules"][0]["subjects_deleted"]) == 2
    assert env.ok("retention", "certificate", "list").count("\n") == 2
    notices = env.ok("disclose", "notice", "list", "--kind", "erasure")
    assert notices.strip() == (
        "notice 1\terasure\tsent\tGemeente Utrecht (00000001002220647000)\t2 persons"
    )
    assert "court case" in env.ok("retention", "hold", "list")


def test_retention_errors_are_one_line(env: Env) -> None:
    rules = env.folder / "retention.yaml"
    rules.write_text(RULES.replace("period: 5y", "period: forever"), encoding="utf-8")
    args = ("retention", "run", "--rules", str(rules), "--key-file", str(env.key_file))
    ran = env.run(*args, "--app", str(env.folder / "missing.db"))
    assert ran.code == 2 and "retention.yaml:10: rules.0.period" in ran.err
    rules.write_text(RULES, encoding="utf-8")
    ran = env.run(*args, "--app", str(env.folder / "missing.db"))
    assert ran.code == 2 and "missing.db does not exist" in ran.err
    assert not (env.folder / "missing.db").exists()


def test_dpia_register(env: Env) -> None:
    env.ok("dpia", "activity", "set-version", ACTIVITY, "1.0", "--now", "2025-01-01T00:00:00Z")
    env.ok("dpia", "activity", "set-version", "https://example.org/act/portal", "1")
    out = env.ok("dpia", "record", "--activity", ACTIVITY, "--date", "2025-01-10",
                 "--status", "approved", "--reference", "DPIA-2025-01")  # fmt: skip
    assert out.startswith("DPIA 1\t") and out.strip().endswith("approved")
    due = env.run("dpia", "due", "--check", "--now", "2025-06-01T00:00:00Z")
    assert due.code == 1 and due.out == "https://example.org/act/portal\tno DPIA\tversion 1\n"
    env.ok("dpia", "record", "--activity", "https://example.org/act/portal", "--date", "2025-02-01")
    env.ok("dpia", "approve", "2")
    assert env.run("dpia", "due", "--check").code == 0
    env.ok("dpia", "activity", "set-version", ACTIVITY, "1.1")
    items = json.loads(env.ok("dpia", "due", "--format", "json"))
    assert items == [
        {
            "activity": ACTIVITY,
            "reason": "outdated",
            "dpia": 1,
            "detail": "assessed version 1.0, now 1.1",
        }
    ]
    statuses = [d["status"] for d in json.loads(env.ok("dpia", "list", "--format", "json"))]
    assert sorted(statuses) == ["approved", "outdated"]
    again = env.run("dpia", "approve", "2")
    assert again.code == 2 and "only a draft" in again.err

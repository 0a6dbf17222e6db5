"""Register changes reach the processing log when the register database holds one, on
SQLite and PostgreSQL; without a log the registers work as before."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sluis.cli.main import cli
from sluis.errors import SluisError
from sluis.keys import Key
from sluis.registers import log_store
from sluis.registers.change_log import own_activity
from sluis.registers.processing_log import ProcessingLog
from sluis.registers.pseudonym import subject_pseudonym
from sluis.registers.store import RegisterStore

ACTIVITY = "https://example.org/act/benefits"
BSNS = ["111222333", "123456782"]  # synthetic: they pass the 11-check, no real person
KEY = Key(bytes(range(32)))


@pytest.fixture(params=["sqlite", "postgresql"])
def register(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "registers.db")
    return str(request.getfixturevalue("pg_db"))


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    key = tmp_path / "sluis.key"
    key.write_text(KEY.to_text(), encoding="ascii")
    persons = tmp_path / "march.csv"
    persons.write_text("bsn\n" + "".join(f"{b}\n" for b in BSNS), encoding="utf-8")
    return {"key": str(key), "persons": str(persons)}


def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    """``sluis ARGS`` as the entry point runs it: exit code and output (or error line)."""
    result: Result = CliRunner().invoke(cli, list(args), input=stdin)
    if isinstance(result.exception, SluisError):
        return result.exception.exit_code, f"error: {result.exception}"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert not any(b in result.output for b in BSNS), "a raw id was printed"
    return result.exit_code, result.output


def ok(*args: str, stdin: str | None = None) -> str:
    code, out = run(*args, stdin=stdin)
    assert code == 0, out
    return out


def deliver(register: str, files: dict[str, str], batch: str) -> tuple[int, str]:
    return run(
        "disclose", "record", "--register", register, "--recipient", "Gemeente Utrecht",
        "--oin", "00000001002220647000", "--activity", ACTIVITY, "--legal-basis", "art. 64",
        "--channel", "portal", "--batch", batch, "--category", "income",
        "--persons", files["persons"], "--key-file", files["key"],
    )  # fmt: skip


def test_every_register_change_is_logged(register: str, files: dict[str, str]) -> None:
    ok("log", "init", register)
    # The delivery's activity is not in the log's register yet: refused, nothing kept.
    code, err = deliver(register, files, "2025-03")
    assert code == 2 and "SLUIS-401" in err and "sluis log register" in err
    assert ok("disclose", "list", "--register", register) == ""
    ok("log", "register", register, ACTIVITY, "--name", "Benefits", "--purpose", "Pay benefits")
    code, out = deliver(register, files, "2025-03")  # (PostgreSQL spent id 1 on the refusal)
    assert code == 0 and out.endswith(": batch 2025-03 to Gemeente Utrecht, 2 persons\n")
    ok("disclose", "recall", "--register", register, "--batch", "2025-03", "--reason", "wrong")
    ok("disclose", "notice", "ack", "1", "--register", register)
    ok("dpia", "activity", "set-version", ACTIVITY, "1.0", "--register", register)
    ok("retention", "hold", "place", "--activity", ACTIVITY, "--reason", "court case",
       "--register", register)  # fmt: skip

    assert ok("log", "verify", register).startswith("ok: 9 records, 9 payloads checked")
    with ProcessingLog.open(register, KEY) as log:
        records = [s.record for s in log.records()]
        own = {a.uri: a.name for a in log.activities() if a.uri != ACTIVITY}
    assert [(r.name, r.activity_id) for r in records] == [
        ("disclosure.deliver", ACTIVITY),
        ("disclosure.deliver", ACTIVITY),
        ("disclosure.hold", ACTIVITY),  # the recall's hold on the batch's activity
        ("disclosure.recall", ACTIVITY),
        ("disclosure.recall", ACTIVITY),
        # a notice names no activity: logged under the ledger's own, once per person
        ("disclosure.notice-acknowledged", own_activity("disclosure")),
        ("disclosure.notice-acknowledged", own_activity("disclosure")),
        ("dpia.activity-version", ACTIVITY),
        ("retention.legal-hold", ACTIVITY),
    ]
    assert own == {own_activity("disclosure"): "Disclosure ledger"}
    expected = {subject_pseudonym(KEY, "bsn", b) for b in BSNS}
    assert {r.subject_id for r in records[:2]} == expected
    # The citizen's right of access shows the delivery, the recall and the acknowledgement.
    seen = ok(
        "log", "subject", register, "--key-file", files["key"], "--reader", "po-1", "--role",
        "privacy officer", "--unit", "Privacy", "--purpose", "art. 15", stdin=f"{BSNS[0]}\n",
    )  # fmt: skip
    assert seen.startswith("3 processings") and seen.count("\tBenefits") == 2
    assert seen.rstrip().endswith("\tDisclosure ledger")


def test_without_a_log_nothing_is_logged_and_nothing_breaks(
    register: str, files: dict[str, str]
) -> None:
    assert deliver(register, files, "2025-03") == (
        0,
        "recorded delivery 1: batch 2025-03 to Gemeente Utrecht, 2 persons\n",
    )
    ok("dpia", "activity", "set-version", ACTIVITY, "1.0", "--register", register)
    ok("breach", "open", "--title", "Lost laptop", "--aware-at", "2024-03-01T10:00",
       "--register", register)  # fmt: skip
    with RegisterStore.open(register) as store:
        assert not log_store.has_schema(store)


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


def test_a_refused_log_record_undoes_the_retention_run(
    register: str, files: dict[str, str], tmp_path: Path
) -> None:
    clients = tmp_path / "clients.db"
    with closing(sqlite3.connect(clients)) as db, db:
        db.execute("CREATE TABLE clients (id INTEGER PRIMARY KEY, bsn TEXT, last_activity TEXT)")
        db.executemany(
            "INSERT INTO clients (bsn, last_activity) VALUES (?, ?)",
            [(BSNS[0], "2018-04-01"), (BSNS[1], "2024-11-20")],
        )
    rules = tmp_path / "retention.yaml"
    rules.write_text(RULES, encoding="utf-8")
    retention = (
        "retention", "run", "--rules", str(rules), "--app", str(clients),
        "--key-file", files["key"], "--register", register, "--now", "2025-06-01",
    )  # fmt: skip
    ok("log", "init", register)
    code, err = run(*retention)
    assert code == 2 and "retention change concerns processing activity" in err
    with closing(sqlite3.connect(clients)) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(clients)")]
        assert "sluis_restricted_at" not in columns  # the run left the application as it was
    ok("log", "register", register, ACTIVITY, "--name", "Benefits", "--purpose", "Pay benefits")
    assert "hidden 1 rows (1 persons)" in ok(*retention)
    with ProcessingLog.open(register, KEY) as log:
        (stored,) = list(log.records())
    assert stored.record.name == "retention.restrict"
    assert stored.record.subject_id == subject_pseudonym(KEY, "bsn", BSNS[0])

"""``sluis breach`` as a privacy officer runs it, on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from sluis.cli.breach import breach_group
from sluis.keys import Key
from sluis.registers.breach import BREACH_ACTIVITY, BreachError, ReasonRequiredError
from sluis.registers.disclosure import Delivery, record_delivery
from sluis.registers.log_record import LogEntry, Subject
from sluis.registers.processing_log import ProcessingLog
from sluis.registers.pseudonym import subject_pseudonym
from sluis.registers.store import RegisterStore
from tests.registers.test_affected import BSNS

ACTIVITY = "https://example.org/act/diplomas"
NOW = "2024-03-02T09:00:00+00:00"  # 24 hours after the breach became known
LATE = "2024-03-04T10:30:00+00:00"  # 1h 30m after the deadline
NAMES = ("Testpersoon Een", "Testpersoon Twee")
CONTENT = {
    "summary": "A test copy with production data was reachable by testers abroad.",
    "nature": ["confidentiality"],
    "cause": "not_anonymized",
    "data_categories": ["name_address", "bsn", "education"],
    "consequences": ["identity_fraud", "spam_phishing"],
    "consequences_explained": "Identity fraud with the BSN cannot be ruled out.",
    "measures_taken": "Access closed; the copy was destroyed.",
    "measures_planned": "Anonymized test copies only, verified before handover.",
    "cross_border": {"member_states": ["BE"]},
    "contact": {"organization": "Gemeente Voorbeeld", "name": "FG", "email": "fg@example.nl"},
}


@pytest.fixture(params=["sqlite", "postgresql"])
def register_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'registers.db'}"
    return str(request.getfixturevalue("pg_db"))


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    leaked = tmp_path / "leaked.db"
    with sqlite3.connect(leaked) as db:
        db.execute("CREATE TABLE aanvragers (id INTEGER PRIMARY KEY, naam TEXT, bsn TEXT)")
        db.executemany(
            "INSERT INTO aanvragers VALUES (?, ?, ?)",
            [(1, NAMES[0], BSNS[0]), (2, NAMES[1], BSNS[1]), (3, NAMES[1], BSNS[1])],
        )
    key = tmp_path / "sluis.key"
    key.write_text(Key(bytes(range(32))).to_text(), encoding="ascii")
    content = tmp_path / "content.yaml"
    content.write_text(yaml.safe_dump(CONTENT), encoding="utf-8")
    contacts = tmp_path / "contacts.csv"
    contacts.write_text(
        "name,street,postcode,city\n"
        + "".join(f"{n},Proefstraat {i},9999 ZZ,Nergenshuizen\n" for i, n in enumerate(NAMES)),
        encoding="utf-8",
    )
    ids = tmp_path / "ids.txt"
    ids.write_text(f"{BSNS[2]}\n", encoding="utf-8")
    return {"leaked": leaked, "key": key, "content": content, "contacts": contacts, "ids": ids}


def run(register_url: str, *args: str, now: str = NOW) -> Result:
    result = CliRunner().invoke(breach_group, [*args, "--register", register_url, "--now", now])
    for secret in (*BSNS, *NAMES):
        assert secret not in result.output, "personal data in command output"
    return result


def ok(register_url: str, *args: str, now: str = NOW) -> str:
    result = run(register_url, *args, now=now)
    assert result.exit_code == 0, (result.output, repr(result.exception))
    return result.output


def test_a_breach_from_discovery_to_letters(
    register_url: str, files: dict[str, Path], tmp_path: Path
) -> None:
    opened = ok(
        register_url, "open", "--title", "Test copy abroad", "--aware-at", "2024-03-01T10:00"
    )
    # 10:00 Dutch winter time is 09:00 UTC; 24 hours have passed.
    assert "breach 1 [open] deadline 2024-03-04 09:00 UTC: 48h 00m left" in opened
    listed = ok(register_url, "list", now=LATE)
    assert "breach 1 [open]" in listed and "1h 30m late" in listed

    scanned = ok(
        register_url,
        "affected",
        "1",
        "--from-scan",
        str(files["leaked"]),
        "--key-file",
        str(files["key"]),
    )
    assert "3 records with a valid BSN, 2 distinct persons" in scanned
    assert "aanvragers.bsn" in scanned and "aanvragers.naam" not in scanned
    listed_ids = ok(
        register_url,
        "affected",
        "1",
        "--from-ids",
        str(files["ids"]),
        "--key-file",
        str(files["key"]),
    )
    assert "3 affected persons in total" in listed_ids

    late = run(
        register_url,
        "notify",
        "1",
        "--ap-reference",
        "AP-2024-0042",
        "--content",
        str(files["content"]),
        now=LATE,
    )
    assert isinstance(late.exception, ReasonRequiredError)
    assert "--late-reason" in str(late.exception)
    notified = ok(
        register_url,
        "notify",
        "1",
        "--ap-reference",
        "AP-2024-0042",
        "--content",
        str(files["content"]),
        "--late-reason",
        "Found at handover.",
        now=LATE,
    )
    assert "[notified]" in notified and "notified 1h 30m late" in notified

    shown = ok(register_url, "show", "1")
    assert "affected persons: 3; records: 3" in shown
    assert "reason for the delay: Found at handover." in shown
    assert "notify (preliminary)" in shown

    exported = tmp_path / "ap.json"
    ok(register_url, "export", "1", "-o", str(exported))
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["ap_reference"] == "AP-2024-0042" and data["late"] is True
    assert data["content"]["persons"] == {"minimum": 3, "maximum": 3}
    assert data["content"]["cross_border"]["member_states"] == ["BE"]
    assert [d["kind"] for d in data["derived"]] == ["scan", "ids"]

    subjects = tmp_path / "subjects.txt"
    ok(register_url, "subjects", "1", "-o", str(subjects))
    key = Key.load(files["key"])
    assert subjects.read_text(encoding="ascii").split() == sorted(
        subject_pseudonym(key, "bsn", b) for b in BSNS[:3]
    )
    assert subjects.stat().st_mode & 0o077 == 0

    out = tmp_path / "letters"
    written = ok(
        register_url,
        "letters",
        "1",
        "--language",
        "fa",
        "--contacts",
        str(files["contacts"]),
        "--out",
        str(out),
        "--pdf",
        "--organization",
        "Gemeente Voorbeeld",
        "--signatory",
        "FG",
        "--helpdesk-phone",
        "088 123 4567",
        "--date",
        "2024-03-06",
    )
    assert "2 letters (fa, HTML and PDF)" in written
    assert sorted(p.name for p in out.iterdir()) == [
        "letter-00001-fa.html",
        "letter-00001-fa.pdf",
        "letter-00002-fa.html",
        "letter-00002-fa.pdf",
    ]
    letter = (out / "letter-00002-fa.html").read_text(encoding="utf-8")
    assert NAMES[1] in letter and 'dir="rtl"' in letter and "088 123 4567" in letter

    ok(register_url, "supplement", "1", "--content", str(files["content"]), "--complete")
    withdrawn = ok(register_url, "withdraw", "1", "--reason", "Not personal data after all.")
    assert "[withdrawn]" in withdrawn
    again = run(register_url, "supplement", "1", "--content", str(files["content"]))
    assert isinstance(again.exception, BreachError)
    history = ok(register_url, "show", "1")
    assert "inform (2 letters in fa)" in history


def test_deciding_not_to_notify_needs_a_reason(register_url: str) -> None:
    ok(register_url, "open", "--title", "Encrypted laptop lost", "--aware-at", NOW)
    missing = run(register_url, "not-notify", "1")
    assert missing.exit_code == 2 and "--reason" in missing.output
    decided = ok(register_url, "not-notify", "1", "--reason", "Full-disk encryption; no risk.")
    assert "[not-notified]" in decided and "not notified (decided)" in decided


def test_bad_input_is_refused_by_name(register_url: str, files: dict[str, Path]) -> None:
    bad_time = run(register_url, "open", "--title", "x", "--aware-at", "yesterday")
    assert "--aware-at is not an ISO-8601 time" in str(bad_time.exception)
    ok(register_url, "open", "--title", "Bad content", "--aware-at", NOW)
    broken = files["content"].with_name("broken.yaml")
    broken.write_text(yaml.safe_dump({**CONTENT, "nature": ["leaked"]}), encoding="utf-8")
    refused = run(register_url, "notify", "1", "--ap-reference", "AP-1", "--content", str(broken))
    assert "does not fit the AP form: nature.0" in str(refused.exception)
    both = run(register_url, "affected", "1", "--key-file", str(files["key"]))
    assert "exactly one of --from-scan" in str(both.exception)
    unknown = run(register_url, "show", "9")
    assert "there is no breach 9" in str(unknown.exception)


def sluis(folder: Path, *args: str) -> str:
    """Run the installed ``sluis`` command as a user would; it must succeed."""
    done = subprocess.run(
        [sys.executable, "-m", "sluis.cli.main", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    for secret in (*BSNS, *NAMES):
        assert secret not in done.stdout + done.stderr, "personal data in command output"
    assert done.returncode == 0, done.stderr[-500:]
    return done.stdout


def test_the_sluis_command_runs_a_breach_into_the_processing_log(
    register_url: str, files: dict[str, Path], tmp_path: Path
) -> None:
    db = register_url.removeprefix("sqlite:///")
    sluis(tmp_path, "log", "init", db)
    reg = ("--register", register_url)
    sluis(tmp_path, "breach", "open", "--title", "Test copy", "--aware-at", "2024-03-01T10", *reg)
    key = ("--key-file", str(files["key"]))
    leaked = str(files["leaked"])
    found = sluis(tmp_path, "breach", "affected", "1", "--from-scan", leaked, *key, *reg)
    assert "2 distinct persons" in found
    sluis(
        tmp_path, "breach", "notify", "1", "--ap-reference", "AP-1", "--content",
        str(files["content"]), "--late-reason", "Found at handover.", *reg,
    )  # fmt: skip
    assert "[notified]" in sluis(tmp_path, "breach", "list", *reg)
    exported = json.loads(sluis(tmp_path, "breach", "export", "1", *reg))
    assert exported["content"]["persons"] == {"minimum": 2, "maximum": 2}
    # open and notify concern no person; affected writes one record per person
    assert sluis(tmp_path, "log", "verify", db).startswith("ok: 4 records, 4 payloads checked")
    with ProcessingLog.open(register_url, Key.load(files["key"])) as log:
        records = [r.record for r in log.records()]
    names = ["breach.open", "breach.affected", "breach.affected", "breach.notify"]
    assert [r.name for r in records] == names
    assert {r.activity_id for r in records} == {BREACH_ACTIVITY}
    expected = {subject_pseudonym(Key.load(files["key"]), "bsn", b) for b in BSNS[:2]}
    assert {r.subject_id for r in records[1:3]} == expected
    assert records[0].subject_id is None and records[3].subject_id is None


def _ledger_and_log(register_url: str, key: Key) -> None:
    """A delivery of BSNS[0..1] in batch 2024-03, and a log showing BSNS[0] and BSNS[3]
    processed under ACTIVITY in February (BSNS[0] written as people write it)."""
    moment = datetime(2024, 2, 10, 10, tzinfo=UTC)
    with ProcessingLog.open(register_url, key, create=True) as log:
        log.register_activity(ACTIVITY, "Diploma evaluation", "Evaluate foreign diplomas")
        log.append(
            [
                LogEntry("lookup", ACTIVITY, moment, moment, Subject("BSN", bsn))
                for bsn in (f"{BSNS[0][:4]}.{BSNS[0][4:6]}.{BSNS[0][6:]}", BSNS[3])
            ]
        )
    with RegisterStore.open(register_url) as store:
        record_delivery(
            store,
            Delivery(
                recipient="Gemeente Voorbeeld",
                recipient_oin="00000001002220647000",
                activity_id=ACTIVITY,
                legal_basis="Wet inburgering",
                channel="portal",
                batch="2024-03",
                categories=frozenset({"education"}),
                at=datetime(2024, 3, 1, 8, tzinfo=UTC),
                subjects=frozenset(subject_pseudonym(key, "bsn", b) for b in BSNS[:2]),
            ),
        )


def test_affected_persons_from_the_ledger_and_the_log(
    register_url: str, files: dict[str, Path], tmp_path: Path
) -> None:
    key = Key.load(files["key"])
    _ledger_and_log(register_url, key)
    ok(register_url, "open", "--title", "Diplomas to the wrong municipality", "--aware-at", NOW)
    ledger = ok(register_url, "affected", "1", "--from-ledger", "--batch", "2024-03")
    assert ledger.splitlines() == [
        "disclosure ledger, deliveries with batch '2024-03': 1 recipient, 2 distinct persons;"
        " persons per recipient: Gemeente Voorbeeld 2",
        "breach 1: 2 affected persons in total",
    ]
    logged = ok(
        register_url, "affected", "1", "--from-log", "--activity", ACTIVITY,
        "--since", "2024-02-01", "--until", "2024-03-01",
    )  # fmt: skip
    # February in Dutch (winter) time: from 23:00 UTC the day before
    assert (
        f"processing log, activity '{ACTIVITY}', records starting from 2024-01-31 23:00 UTC "
        "before 2024-02-29 23:00 UTC: 2 records about 2 distinct persons (subject id types: "
        "BSN 2)"
    ) in logged
    assert "breach 1: 3 affected persons in total" in logged  # BSNS[0] is in both
    ids = tmp_path / "both.txt"
    ids.write_text(f"{BSNS[3]}\n{BSNS[2]}\n", encoding="utf-8")
    listed = ok(
        register_url, "affected", "1", "--from-ids", str(ids), "--key-file", str(files["key"])
    )
    assert "breach 1: 4 affected persons in total" in listed  # BSNS[3] is in the log too
    shown = ok(register_url, "show", "1")
    assert "affected persons: 4; records: -" in shown
    assert "disclosure ledger, deliveries with batch '2024-03'" in shown
    exported = tmp_path / "ap.json"
    ok(register_url, "export", "1", "-o", str(exported))
    derived = json.loads(exported.read_text(encoding="utf-8"))["derived"]
    assert [(d["kind"], d["persons"]) for d in derived] == [
        ("ledger", 2),
        ("processing-log", 2),
        ("ids", 2),
    ]
    subjects = tmp_path / "subjects.txt"
    ok(register_url, "subjects", "1", "-o", str(subjects))
    assert subjects.read_text(encoding="ascii").split() == sorted(
        subject_pseudonym(key, "bsn", b) for b in BSNS[:4]
    )


def test_affected_sources_are_refused_when_unclear(
    register_url: str, files: dict[str, Path]
) -> None:
    ok(register_url, "open", "--title", "Unclear", "--aware-at", NOW)
    key = ("--key-file", str(files["key"]))
    refusals = [
        (["--from-ledger"], "--from-ledger needs at least one of --batch"),
        (["--from-log", "--activity", ACTIVITY], "holds no processing log"),
        (["--from-log"], "--from-log needs --activity URI"),
        (["--from-ledger", "--from-log", "--batch", "b"], "exactly one of --from-scan"),
        (["--from-ids", str(files["ids"]), "--from-ledger", *key], "exactly one of"),
        (["--from-log", "--activity", ACTIVITY, "--batch", "b"], "--batch applies only to"),
        (["--from-ids", str(files["ids"]), "--since", "2024-01-01", *key], "--since applies"),
        (["--from-ids", str(files["ids"]), "--table", "t", *key], "--table applies only to"),
        (["--from-ledger", "--batch", "nope"], "no delivery of batch 'nope'"),
        (["--from-ledger", "--since", "last week"], "--since is not an ISO-8601 time"),
        (
            ["--from-ledger", "--since", "2024-03-02", "--until", "2024-03-01"],
            "the period ends before it starts",
        ),
    ]
    for args, message in refusals:
        refused = run(register_url, "affected", "1", *args)
        assert refused.exit_code != 0 and message in str(refused.exception), args
    _ledger_and_log(register_url, Key.load(files["key"]))
    unknown = run(register_url, "affected", "1", "--from-log", "--activity", "urn:x:none")
    assert "'urn:x:none' is not in the processing log's register" in str(unknown.exception)
    assert "affected persons: 0" in ok(register_url, "show", "1")


def test_the_sluis_command_derives_affected_persons_from_ledger_and_log(
    register_url: str, files: dict[str, Path], tmp_path: Path
) -> None:
    db = register_url.removeprefix("sqlite:///")
    reg = ("--register", register_url)
    key = ("--key-file", str(files["key"]))
    sluis(tmp_path, "log", "init", db)
    sluis(tmp_path, "log", "register", db, ACTIVITY, "--name", "Diplomas", "--purpose", "Evaluate")
    record = {
        "name": "lookup",
        "start_time": "2024-02-10T10:00:00+01:00",
        "end_time": "2024-02-10T10:00:01+01:00",
        "attributes": {
            "dpl.core.processing_activity_id": ACTIVITY,
            "dpl.core.data_subject_id": BSNS[0],
            "dpl.core.data_subject_id_type": "BSN",
        },
    }
    (tmp_path / "records.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    sluis(tmp_path, "log", "append", db, "records.jsonl", *key)
    (tmp_path / "persons.csv").write_text(f"bsn\n{BSNS[0]}\n{BSNS[1]}\n", encoding="utf-8")
    sluis(
        tmp_path, "disclose", "record", "--recipient", "Gemeente Voorbeeld", "--oin",
        "00000001002220647000", "--activity", ACTIVITY, "--legal-basis", "Wet inburgering",
        "--channel", "portal", "--batch", "2024-03", "--category", "education",
        "--persons", "persons.csv", *key, *reg,
    )  # fmt: skip
    sluis(tmp_path, "breach", "open", "--title", "Wrong municipality", "--aware-at", NOW, *reg)
    affected = ("breach", "affected", "1")
    logged = sluis(
        tmp_path, *affected, "--from-log", "--activity", ACTIVITY, "--until", "2024-03-01", *reg
    )
    assert "1 record about 1 distinct person" in logged
    (tmp_path / "ids.txt").write_text(f"{BSNS[0]}\n{BSNS[2]}\n", encoding="utf-8")
    listed = sluis(tmp_path, *affected, "--from-ids", "ids.txt", *key, *reg)
    assert "breach 1: 2 affected persons in total" in listed  # the logged BSN counts once
    ledger = sluis(tmp_path, *affected, "--from-ledger", "--batch", "2024-03", *reg)
    assert "breach 1: 3 affected persons in total" in ledger
    # Without --until the log also shows the delivery, which 'disclose record' logged.
    everything = sluis(tmp_path, *affected, "--from-log", "--activity", ACTIVITY, *reg)
    assert "3 records about 2 distinct persons (subject id types: BSN 1, pseudonym 2)" in everything
    refused = subprocess.run(
        [sys.executable, "-m", "sluis.cli.main", *affected, "--from-ledger", *reg],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "--from-ledger needs at least one of" in refused.stderr

"""``sluis log`` end to end on a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from sluis.cli.log import log_group
from sluis.errors import SourceUrlError
from sluis.keys import Key
from sluis.registers.log_record import RecordError
from sluis.registers.processing_log import ProcessingLog

ACTIVITY = "https://gemeente.example/rva/benefit-check"
BSN = "111222333"  # synthetic
READER = [
    "--reader",
    "po-001",
    "--role",
    "privacy officer",
    "--unit",
    "Privacy",
    "--purpose",
    "art. 15 request",
]


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "registers.db")
    url: str = request.getfixturevalue("pg_db")
    return url


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(log_group, list(args), input=stdin, catch_exceptions=True)


def span(n: int, **changes: Any) -> str:
    record = {
        "trace_id": f"{n + 1:032x}",
        "span_id": f"{n + 1:016x}",
        "name": "lookup",
        "start_time": f"2024-05-01T10:{n % 60:02d}:00+02:00",
        "end_time": f"2024-05-01T10:{n % 60:02d}:01+02:00",
        "resource": {"service.name": "benefits"},
        "attributes": {
            "dpl.core.processing_activity_id": ACTIVITY,
            "dpl.core.data_subject_id": BSN,
            "dpl.core.data_subject_id_type": "BSN",
        },
        **changes,
    }
    return json.dumps(record)


def test_the_whole_cycle(db: str, tmp_path: Path) -> None:
    key_file = tmp_path / "sluis.key"
    key_file.write_text(Key.generate().to_text())
    private, public = tmp_path / "log.pem", tmp_path / "log.pub.pem"
    first_file, second_file = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first_file.write_text("\n".join(span(n) for n in range(7)) + "\n")
    second_file.write_text("\n".join(span(n) for n in range(7, 12)) + "\n")
    access = tmp_path / "access.jsonl"
    access.write_text(
        json.dumps(
            {
                "trace_id": f"{1:032x}",
                "at": "2024-05-01T08:00:00Z",
                "actor": "emp-042",
                "role": "case worker",
                "unit": "Benefits North",
                "action": "export",
                "subjects": [{"id_type": "BSN", "id": BSN}],
                "data_categories": ["income"],
                "purpose": "benefit check",
            }
        )
        + "\n"
    )
    k = ["--key-file", str(key_file)]

    assert run("init", db).output == "processing log ready: 0 records\n"
    assert (
        run(
            "register",
            db,
            ACTIVITY,
            "--name",
            "Benefit check",
            "--purpose",
            "Check the right to a benefit",
        ).exit_code
        == 0
    )
    assert run("keygen", "--private", str(private), "--public", str(public)).exit_code == 0
    appended = run("append", db, str(first_file), *k, "--batch", "3")
    assert appended.exit_code == 0, appended.output
    assert appended.output.splitlines() == [
        "acknowledged records 0..2 (tree size 3)",
        "acknowledged records 3..5 (tree size 6)",
        "acknowledged records 6..6 (tree size 7)",
    ]
    ck1, ck2 = tmp_path / "ck1.json", tmp_path / "ck2.json"
    assert run("checkpoint", db, "--signing-key", str(private), "-o", str(ck1)).exit_code == 0
    assert run("append", db, str(second_file), *k).exit_code == 0
    assert run("checkpoint", db, "--signing-key", str(private), "-o", str(ck2)).exit_code == 0
    assert run("access", db, str(access), *k).output == "acknowledged 1 access records\n"

    whole = run("verify", db, "--public-key", str(public))
    assert whole.exit_code == 0 and whole.output.startswith("ok: 12 records, 12 payloads")
    one = run("verify", db, "--public-key", str(public), "--record", "4", "--checkpoint", str(ck1))
    assert one.exit_code == 0
    assert "record 4: included in the tree of size 7; payload present" in one.output
    grown = run("verify", db, "--public-key", str(public), "--old", str(ck1), "--new", str(ck2))
    assert grown.exit_code == 0 and "size 12 extends that of size 7" in grown.output
    backwards = run("verify", db, "--old", str(ck2), "--new", str(ck1))
    assert backwards.exit_code == 1 and "DOES NOT EXTEND" in backwards.output

    citizen = run("subject", db, *k, *READER, stdin=BSN + "\n")
    assert citizen.exit_code == 0, citizen.output
    assert BSN not in citizen.output and "emp-042" not in citizen.output
    assert citizen.output.startswith("12 processings\n")
    assert "Check the right to a benefit\tBenefit check" in citizen.output
    actor = run("actor", db, "emp-042", *READER)
    assert json.loads(actor.stdout.splitlines()[0])["action"] == "export"
    period = run("period", db, "--since", "2024-05-01", "--until", "2024-05-02", *READER)
    assert (
        f"{ACTIVITY}\t12" in period.output and "bulk, export and print accesses: 1" in period.output
    )


def test_a_bad_line_writes_nothing(db: str, tmp_path: Path) -> None:
    key_file = tmp_path / "sluis.key"
    key_file.write_text(Key.generate().to_text())
    records = tmp_path / "records.jsonl"
    records.write_text(span(0) + "\n" + span(1, end_time="2024-05-01T07:00:00Z") + "\n")
    run("init", db)
    run("register", db, ACTIVITY, "--name", "Benefit check", "--purpose", "Benefits")
    result = run("append", db, str(records), "--key-file", str(key_file))
    assert isinstance(result.exception, RecordError)
    assert "line 2: end_time" in str(result.exception) and BSN not in str(result.exception)
    records.write_text(span(0) + "\n{not json " + BSN + "\n")
    result = run("append", db, str(records), "--key-file", str(key_file))
    assert "line 2: not a JSON record" in str(result.exception)
    assert BSN not in str(result.exception)
    with ProcessingLog.open(db, Key.generate()) as log:
        assert log.size() == 0


def test_tampering_fails_verification(tmp_path: Path) -> None:
    db = str(tmp_path / "registers.db")
    key_file = tmp_path / "sluis.key"
    key_file.write_text(Key.generate().to_text())
    records = tmp_path / "records.jsonl"
    records.write_text("\n".join(span(n) for n in range(4)) + "\n")
    private, public = tmp_path / "log.pem", tmp_path / "log.pub.pem"
    run("init", db)
    run("register", db, ACTIVITY, "--name", "Benefit check", "--purpose", "Benefits")
    run("append", db, str(records), "--key-file", str(key_file))
    run("keygen", "--private", str(private), "--public", str(public))
    run("checkpoint", db, "--signing-key", str(private))
    with ProcessingLog.open(db, Key.generate()) as log:
        log.store.execute(
            "UPDATE log_payloads SET record = replace(record, 'lookup', 'export') WHERE idx = 1"
        )
    result = run("verify", db, "--public-key", str(public))
    assert result.exit_code == 1
    assert "problem: record 1: payload does not match its leaf hash" in result.output
    single = run("verify", db, "--record", "1")
    assert single.exit_code == 1 and "payload ALTERED" in single.output


def test_a_missing_log_file_is_an_error_and_stays_missing(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    result = run("verify", str(missing))
    assert isinstance(result.exception, SourceUrlError)
    assert "typo.db does not exist" in str(result.exception)
    assert not missing.exists()

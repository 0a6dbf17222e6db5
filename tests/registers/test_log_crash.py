"""A writer killed between write and acknowledgement loses no acknowledged record."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sluis.keys import Key
from sluis.registers.processing_log import ProcessingLog

ACTIVITY = "https://gemeente.example/rva/benefit-check"
RECORDS = 6_000
BATCH = 40
ACKS_BEFORE_KILL = 8
ACK = re.compile(r"acknowledged records (\d+)\.\.(\d+) \(tree size (\d+)\)")


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "registers.db")
    url: str = request.getfixturevalue("pg_db")
    return url


def test_killed_writer_keeps_every_acknowledged_record(db: str, tmp_path: Path) -> None:
    key = Key.generate()
    key_file = tmp_path / "sluis.key"
    key_file.write_text(key.to_text())
    with ProcessingLog.open(db, key, create=True) as log:
        log.register_activity(ACTIVITY, "Benefit check", "Check the right to a benefit")
    records = tmp_path / "records.jsonl"
    with records.open("w") as out:
        for n in range(RECORDS):
            out.write(
                json.dumps(
                    {
                        "span_id": f"{n + 1:016x}",
                        "name": "lookup",
                        "start_time": "2024-05-01T10:00:00Z",
                        "end_time": "2024-05-01T10:00:01Z",
                        "attributes": {
                            "dpl.core.processing_activity_id": ACTIVITY,
                            "dpl.core.data_subject_id": f"{100000000 + n}",
                            "dpl.core.data_subject_id_type": "BSN",
                        },
                    }
                )
                + "\n"
            )
    child = subprocess.Popen(
        [
            sys.executable,
            "-u",
            "-c",
            "from sluis.cli.log import log_group; log_group()",
            "append",
            db,
            str(records),
            "--key-file",
            str(key_file),
            "--batch",
            str(BATCH),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    acknowledged = -1
    try:
        assert child.stdout is not None
        for count, line in enumerate(child.stdout, 1):
            match = ACK.fullmatch(line.strip())
            assert match, line
            acknowledged = int(match[2])
            if count == ACKS_BEFORE_KILL:
                child.send_signal(signal.SIGKILL)
                break
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL, "the writer finished before it was killed"
    assert acknowledged >= ACKS_BEFORE_KILL * BATCH - 1
    with ProcessingLog.open(db, key) as log:
        size = log.size()
        assert acknowledged < size < RECORDS
        assert size % BATCH == 0  # whole batches only: nothing half-written
        spans = [int(s.record.span_id, 16) - 1 for s in log.records()]
        assert spans == list(range(size))
        report = log.check()
        assert report.ok, report.problems
        assert report.payloads_checked == size

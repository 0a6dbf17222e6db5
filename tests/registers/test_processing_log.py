"""The processing log on SQLite and PostgreSQL: records, durability rules, proofs, retention."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from sluis.keys import Key
from sluis.registers.log_record import LogEntry, RecordError, Subject, parse_entry, to_record
from sluis.registers.merkle import leaf_hash, root_of, verify_inclusion
from sluis.registers.processing_log import (
    LogChangeRecorder,
    LogStateError,
    ProcessingLog,
    UnknownActivityError,
)
from sluis.registers.pseudonym import subject_pseudonym
from sluis.registers.store import RegisterStore

KEY = Key(bytes(range(32)))
ACTIVITY = "https://gemeente.example/rva/benefit-check"
BSN = "111222333"  # synthetic: passes the 11-check, belongs to nobody
T0 = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)
BAD = yaml.safe_load((Path(__file__).parent / "bad_log_records.yaml").read_text())


@pytest.fixture(params=["sqlite", "postgresql"])
def log_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "log.db")
    url: str = request.getfixturevalue("pg_db")
    return url


@pytest.fixture
def log(log_url: str) -> Iterator[ProcessingLog]:
    with ProcessingLog.open(log_url, KEY, create=True) as opened:
        opened.register_activity(ACTIVITY, "Benefit check", "Check the right to a benefit")
        yield opened


def entry(n: int = 0, subject: Subject | None = None, **changes: Any) -> LogEntry:
    fields: dict[str, Any] = {
        "name": "lookup",
        "activity_id": ACTIVITY,
        "start_time": T0 + timedelta(minutes=n),
        "end_time": T0 + timedelta(minutes=n, seconds=1),
        "subject": subject,
        **changes,
    }
    return LogEntry(**fields)


def wire(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736",
        "span_id": "00f067aa0ba902b7",
        "parent_span_id": None,
        "name": "lookup",
        "start_time": "2024-05-01T10:00:00+02:00",
        "end_time": "2024-05-01T10:00:01+02:00",
        "status": "ok",
        "resource": {"service.name": "benefits"},
        "attributes": {
            "dpl.core.processing_activity_id": ACTIVITY,
            "dpl.core.data_subject_id": BSN,
            "dpl.core.data_subject_id_type": "BSN",
        },
    }
    for name, value in changes.items():
        if name == "attributes":
            for attr, attr_value in value.items():
                if attr_value is None:
                    record["attributes"].pop(attr, None)
                else:
                    record["attributes"][attr] = attr_value
        elif value is None:
            record.pop(name, None)
        else:
            record[name] = value
    return record


def test_wire_record_is_stored_with_a_pseudonym_only(log: ProcessingLog) -> None:
    done = log.append([parse_entry(wire())])
    assert (done.first, done.count, done.size) == (0, 1, 1)
    [stored] = list(log.records())
    record = stored.record
    assert record.subject_id == subject_pseudonym(KEY, "BSN", BSN)
    assert record.subject_id_type == "BSN"
    assert record.start_time == "2024-05-01T08:00:00.000000+00:00"
    assert record.resource == (("service.name", "benefits"),)
    assert stored.activity_version == 1
    every_value = json.dumps([list(r) for r in log.store.execute("SELECT * FROM log_payloads")])
    assert BSN not in every_value
    assert done.root == root_of([leaf_hash(record.canonical())])


@pytest.mark.parametrize("case", BAD, ids=[c["id"] for c in BAD])
def test_malformed_record_is_refused_and_nothing_written(
    log: ProcessingLog, case: dict[str, Any]
) -> None:
    data: Any = case["replace"] if "replace" in case else wire(**copy.deepcopy(case["change"]))
    with pytest.raises(RecordError) as caught:
        log.append([parse_entry(wire(span_id="1111111111111111")), parse_entry(data, "record 2")])
    message = str(caught.value)
    assert "record 2" in message
    assert case["field"] in message
    assert BSN not in message
    assert log.size() == 0
    assert log.store.execute("SELECT COUNT(*) FROM log_payloads")[0][0] == 0


def test_unknown_activity_rejects_the_whole_batch(log: ProcessingLog) -> None:
    log.append([entry(0)])
    with pytest.raises(UnknownActivityError):
        log.append([entry(1), entry(2, activity_id="https://gemeente.example/rva/unknown")])
    assert log.size() == 1
    assert log.store.execute("SELECT COUNT(*) FROM log_leaves")[0][0] == 1
    assert len(list(log.records())) == 1


def test_activity_versions_are_kept_and_referenced(log: ProcessingLog) -> None:
    log.append([entry(0)])
    newer = log.register_activity(ACTIVITY, "Benefit check", "Check and recover benefits")
    assert newer.version == 2
    log.append([entry(1)])
    assert [s.activity_version for s in log.records()] == [1, 2]
    assert [a.version for a in log.activities()] == [1, 2]


def test_one_subject_per_record_pseudonymized_or_raw(log: ProcessingLog) -> None:
    pseudonym = subject_pseudonym(KEY, "BSN", BSN)
    log.append(
        [
            entry(0, Subject("BSN", "111.222.333")),
            entry(1, Subject("pseudonym", pseudonym, pseudonymized=True)),
            entry(2),
        ]
    )
    subjects = [(s.record.subject_id, s.record.subject_id_type) for s in log.records()]
    assert subjects == [(pseudonym, "BSN"), (pseudonym, "pseudonym"), (None, None)]
    with pytest.raises(RecordError, match="pseudonym"):
        log.append([entry(3, Subject("pseudonym", BSN, pseudonymized=True))])


def test_checkpoints_prove_inclusion_and_consistency(log: ProcessingLog) -> None:
    key = Ed25519PrivateKey.generate()
    log.append([entry(n) for n in range(5)])
    first = log.checkpoint(key)
    log.append([entry(n) for n in range(5, 13)])
    log.append([entry(13)])
    second = log.checkpoint(key)
    assert (first.size, second.size) == (5, 14)
    assert first.signature_valid(key.public_key()) and second.signature_valid()
    assert log.check_consistency(first, second)
    assert not log.check_consistency(second, first)
    for index in range(14):
        assert log.check_inclusion(index, second).ok
    leaves = [log.leaf(i) for i in range(14)]
    assert second.root == root_of(leaves) == log.root()
    assert first.root == root_of(leaves[:5]) == log.root(5)
    with pytest.raises(LogStateError):
        log.check_inclusion(7, first)
    report = log.check(key.public_key())
    assert report.ok, report.problems
    assert (report.size, report.payloads_checked, report.checkpoints_checked) == (14, 14, 2)


def test_retention_deletes_payloads_and_proofs_still_verify(log: ProcessingLog) -> None:
    key = Ed25519PrivateKey.generate()
    log.append([entry(n, Subject("BSN", BSN)) for n in range(6)])
    mark = log.checkpoint(key)
    assert log.delete_payloads(T0 + timedelta(minutes=4)) == 4
    assert [s.index for s in log.records()] == [4, 5]
    gone = log.check_inclusion(1, mark)
    assert gone.ok and not gone.payload_present
    report = log.check(key.public_key())
    assert report.ok and report.payloads_deleted == 4


def test_tampering_is_detected(log: ProcessingLog) -> None:
    key = Ed25519PrivateKey.generate()
    log.append([entry(n) for n in range(4)])
    mark = log.checkpoint(key)
    row = log.store.execute("SELECT record FROM log_payloads WHERE idx = 2")[0][0]
    forged = row.replace('"lookup"', '"update"')
    log.store.execute("UPDATE log_payloads SET record = ? WHERE idx = 2", (forged,))
    assert not log.check_inclusion(2, mark).ok
    assert any("record 2" in p for p in log.check().problems)
    log.store.execute("UPDATE log_leaves SET hash = ? WHERE idx = 2", (leaf_hash(forged.encode()),))
    fresh = ProcessingLog(log.store, KEY)
    assert not fresh.check_inclusion(2, mark).ok
    assert any("root differs" in p for p in fresh.check().problems)
    other = Ed25519PrivateKey.generate()
    assert any("signature" in p for p in fresh.check(other.public_key()).problems)


def test_two_writers_build_one_tree(log_url: str, log: ProcessingLog) -> None:
    with ProcessingLog.open(log_url, KEY) as other:
        for n in range(6):
            (log if n % 2 else other).append([entry(n), entry(n)])
        assert other.size() == 12
    leaves = [log.leaf(i) for i in range(12)]
    assert log.root() == root_of(leaves)
    proof = log.inclusion_proof(11, 12)
    assert verify_inclusion(11, 12, leaves[11], proof, root_of(leaves))


def test_change_recorder_writes_one_record_per_subject(log: ProcessingLog) -> None:
    recorder = LogChangeRecorder(log)
    subjects = [subject_pseudonym(KEY, "BSN", b) for b in (BSN, "123456782")]
    recorder.record_change(
        register="breach", action="notify", activity_id=ACTIVITY, subject_ids=subjects
    )
    recorder.record_change(register="breach", action="close", activity_id=ACTIVITY, subject_ids=[])
    records = [s.record for s in log.records()]
    assert [r.name for r in records] == ["breach.notify", "breach.notify", "breach.close"]
    assert [r.subject_id for r in records] == [*subjects, None]
    assert records[0].trace_id == records[1].trace_id != records[2].trace_id


def test_opening_a_database_without_a_log_is_refused(tmp_path: Path) -> None:
    with RegisterStore.open(str(tmp_path / "empty.db")) as store, pytest.raises(LogStateError):
        ProcessingLog(store, KEY)


@given(st.sampled_from(["BSN", "bsn", "vnummer"]), st.text(min_size=1, max_size=12))
def test_log_pseudonyms_equal_the_register_pseudonym(id_type: str, value: str) -> None:
    if not value.strip():
        return
    record = to_record(entry(0, Subject(id_type, value)), KEY)
    assert record.subject_id == subject_pseudonym(KEY, id_type, value)

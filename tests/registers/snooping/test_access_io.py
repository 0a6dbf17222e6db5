"""Access records as JSON lines: round trip, and all-or-nothing reading of bad files."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sluis.errors import InputError
from sluis.registers.access import AccessRecord, Action, Outcome
from sluis.registers.access_io import (
    read_access_records,
    record_from_json,
    record_to_json,
    write_access_records,
)

SECRET = "S-SECRET-VALUE"

texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)
records = st.builds(
    AccessRecord,
    trace_id=texts,
    at=st.datetimes(timezones=st.just(timezone(timedelta(hours=2)))),
    actor=texts,
    role=texts,
    unit=texts,
    action=st.sampled_from(list(Action)),
    outcome=st.sampled_from(list(Outcome)),
    subjects=st.lists(texts, max_size=4).map(tuple),
    data_categories=st.lists(texts, max_size=3).map(tuple),
    purpose=texts,
    case_reason=st.none() | texts,
    authorization_rule=st.none() | texts,
    on_behalf_of=st.none() | texts,
    break_glass_reason=st.none() | texts,
    workstation=st.none() | texts,
)


@given(records)
def test_json_round_trip(record: AccessRecord) -> None:
    again = record_from_json(json.loads(json.dumps(record_to_json(record))))
    assert again == record and again.at.utcoffset() == record.at.utcoffset()


def _good() -> dict[str, object]:
    return {
        "trace_id": "t1",
        "at": "2025-03-04T10:00:00+01:00",
        "actor": "E1",
        "role": "caseworker",
        "unit": "team-a",
        "action": "view",
        "outcome": "granted",
        "subjects": [SECRET],
        "data_categories": ["identity"],
        "purpose": "benefits",
    }


def test_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "access.jsonl"
    first = record_from_json(_good())
    second = record_from_json({**_good(), "trace_id": "t2", "break_glass_reason": "urgent"})
    assert write_access_records(path, [first, second]) == 2
    path.write_text(path.read_text() + "\n", encoding="utf-8")  # a trailing blank line is fine
    assert read_access_records(path) == [first, second]


BAD = [
    ("not json", "not valid JSON"),
    ("[1, 2]", "expected a JSON object"),
    (json.dumps({k: v for k, v in _good().items() if k != "actor"}), "missing field 'actor'"),
    (json.dumps({**_good(), "bsn": SECRET}), "unknown field 'bsn'"),
    (json.dumps({**_good(), "at": SECRET}), "'at' is not an ISO-8601 time"),
    (json.dumps({**_good(), "at": "2025-03-04T10:00:00"}), "'at' has no time zone"),
    (json.dumps({**_good(), "action": SECRET}), "field 'action' must be one of"),
    (json.dumps({**_good(), "outcome": "maybe"}), "field 'outcome' must be one of"),
    (json.dumps({**_good(), "subjects": SECRET}), "field 'subjects' must be an array"),
    (json.dumps({**_good(), "subjects": [1]}), "field 'subjects' must be an array"),
    (json.dumps({**_good(), "actor": ""}), "field 'actor' must be a non-empty string"),
    (json.dumps({**_good(), "workstation": 7}), "field 'workstation' must be a string or null"),
]


@pytest.mark.parametrize(("line", "message"), BAD, ids=[m for _, m in BAD])
def test_bad_line_names_its_number_and_no_value(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "access.jsonl"
    path.write_text(json.dumps(_good()) + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_access_records(path)
    text = str(caught.value)
    assert "access.jsonl line 3" in text and message in text
    assert SECRET not in text


def test_missing_file_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_access_records(tmp_path / "nope.jsonl")


def test_writing_a_naive_time_is_refused() -> None:
    record = record_from_json(_good())
    naive = AccessRecord(**{**record.__dict__, "at": datetime(2025, 3, 4, 10)})
    with pytest.raises(ValueError, match="time zone"):
        record_to_json(naive)

"""The HTTP API: batches, W3C trace context, audited reads, JSON errors without values."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sluis.keys import Key
from sluis.registers.audit import AccessAudit
from sluis.registers.merkle import root_of, verify_inclusion
from sluis.registers.processing_log import ProcessingLog
from sluis.web.log_api import create_app, parse_traceparent

KEY = Key(bytes(range(32)))
ACTIVITY = "https://gemeente.example/rva/benefit-check"
BSN = "111222333"  # synthetic
TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT = "00f067aa0ba902b7"
READER = {
    "X-Sluis-Actor": "aud-1",
    "X-Sluis-Role": "auditor",
    "X-Sluis-Unit": "Audit",
    "X-Sluis-Purpose": "quarterly audit",
}


@pytest.fixture(params=["sqlite", "postgresql"])
def log(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ProcessingLog]:
    url = (
        str(tmp_path / "log.db") if request.param == "sqlite" else request.getfixturevalue("pg_db")
    )
    with ProcessingLog.open(url, KEY, create=True) as opened:
        opened.register_activity(ACTIVITY, "Benefit check", "Check the right to a benefit")
        yield opened


@pytest.fixture
def client(log: ProcessingLog) -> TestClient:
    return TestClient(create_app(log, KEY), raise_server_exceptions=False)


def record(**changes: Any) -> dict[str, Any]:
    return {
        "name": "lookup",
        "start_time": "2024-05-01T10:00:00Z",
        "end_time": "2024-05-01T10:00:01Z",
        "attributes": {
            "dpl.core.processing_activity_id": ACTIVITY,
            "dpl.core.data_subject_id": BSN,
            "dpl.core.data_subject_id_type": "BSN",
        },
        **changes,
    }


def test_traceparent_gives_trace_and_parent(client: TestClient, log: ProcessingLog) -> None:
    own = record(trace_id="a" * 32, span_id="b" * 16, parent_span_id="c" * 16)
    answer = client.post(
        "/v1/records",
        json={"records": [record(), own]},
        headers={"traceparent": f"00-{TRACE}-{PARENT}-01"},
    )
    assert answer.status_code == 201
    body = answer.json()
    assert (body["acknowledged"], body["first_index"], body["tree_size"]) == (2, 0, 2)
    first, second = (s.record for s in log.records())
    assert (first.trace_id, first.parent_span_id) == (TRACE, PARENT)
    assert (second.trace_id, second.parent_span_id) == ("a" * 32, "c" * 16)
    assert body["root"] == log.root().hex()


def test_invalid_traceparent_is_ignored(client: TestClient, log: ProcessingLog) -> None:
    answer = client.post(
        "/v1/records", json=[record()], headers={"traceparent": f"00-{'0' * 32}-{PARENT}-01"}
    )
    assert answer.status_code == 201
    [stored] = list(log.records())
    assert stored.record.trace_id != "0" * 32 and stored.record.parent_span_id is None
    assert parse_traceparent(f"ff-{TRACE}-{PARENT}-01") is None
    assert parse_traceparent(f"00-{TRACE}-{PARENT}-01") == (TRACE, PARENT)


@pytest.mark.parametrize(
    "body",
    [
        {"records": [record(), record(start_time=BSN)]},
        {"records": [record(), record(attributes={"bsn": BSN})]},
        {"records": []},
        {
            "records": [
                record(),
                record(attributes={"dpl.core.processing_activity_id": "urn:x:" + BSN}),
            ]
        },
    ],
    ids=["bad-time", "unknown-attribute", "empty", "unknown-activity"],
)
def test_bad_batches_write_nothing_and_echo_no_value(
    client: TestClient, log: ProcessingLog, body: dict[str, Any]
) -> None:
    answer = client.post("/v1/records", json=body)
    assert answer.status_code in (400, 422)
    assert set(answer.json()) == {"error"}
    assert BSN not in answer.text
    assert log.size() == 0


def test_unparseable_json_is_refused_without_echo(client: TestClient) -> None:
    answer = client.post(
        "/v1/records",
        content=b'{"records": [' + BSN.encode(),
        headers={"content-type": "application/json"},
    )
    assert answer.status_code == 422
    assert BSN not in answer.text and answer.json()["error"]["code"] == "SLUIS-100"


def test_reads_need_a_reader_and_are_audited(client: TestClient, log: ProcessingLog) -> None:
    client.post("/v1/records", json=[record(trace_id=TRACE)])
    access = {
        "trace_id": TRACE,
        "at": "2024-05-01T10:00:00Z",
        "actor": "emp-042",
        "role": "case worker",
        "unit": "Benefits North",
        "action": "view",
        "subjects": [{"id_type": "BSN", "id": BSN}],
        "data_categories": ["income"],
        "purpose": "benefit check",
    }
    assert client.post("/v1/access", json={"accesses": [access]}).status_code == 201
    refused = client.post("/v1/queries/subject", json={"id_type": "BSN", "id": BSN})
    assert refused.status_code == 400 and "X-Sluis-Actor" in refused.text
    seen = client.post(
        "/v1/queries/subject", json={"id_type": "BSN", "id": BSN}, headers=READER
    ).json()
    assert seen["entries"] == [
        {
            "date": "2024-05-01",
            "unit": "Benefits North",
            "purpose": "Check the right to a benefit",
            "activity": "Benefit check",
            "action": None,
        }
    ]
    actor = client.get("/v1/actors/emp-042/accesses", headers=READER).json()
    assert [a["action"] for a in actor["accesses"]] == ["view"]
    assert BSN not in str(actor)
    period = client.get(
        "/v1/period",
        params={"since": "2024-05-01T00:00:00Z", "until": "2024-05-02T00:00:00Z"},
        headers=READER,
    ).json()
    assert period["records_per_activity"] == {ACTIVITY: 1}
    reads = AccessAudit(log.store).by_actor("aud-1")
    assert len(reads) == 3 and {r.purpose for r in reads} == {"quarterly audit"}


def test_tree_and_inclusion_proof(client: TestClient, log: ProcessingLog) -> None:
    client.post("/v1/records", json=[record() for _ in range(5)])
    tree = client.get("/v1/tree").json()
    assert tree["size"] == 5
    proof = client.get("/v1/proofs/inclusion", params={"index": 3, "size": 5}).json()
    leaves = [log.leaf(i) for i in range(5)]
    assert bytes.fromhex(tree["root"]) == root_of(leaves)
    assert verify_inclusion(
        3,
        5,
        bytes.fromhex(proof["leaf"]),
        [bytes.fromhex(p) for p in proof["proof"]],
        bytes.fromhex(tree["root"]),
    )
    assert client.get("/v1/proofs/inclusion", params={"index": 5, "size": 5}).status_code == 400

"""``sluis review`` end to end on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sluis.cli.review import review_group
from sluis.errors import InputError
from sluis.registers.access import Action
from sluis.registers.access_io import write_access_records
from sluis.registers.snooping import ReviewQueue, Status, write_context
from sluis.registers.store import RegisterStore
from tests.registers.snooping.cases import context, moment, record


@pytest.fixture(params=["sqlite", "postgresql"])
def queue_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'review.db'}"
    return str(request.getfixturevalue("pg_db"))


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    ctx = tmp_path / "context"
    write_context(ctx, context([{"subject": "S-1", "unit": "team-a", "opened": date(2025, 1, 1)}]))
    audit = tmp_path / "access.jsonl"
    write_access_records(
        audit,
        [
            record("work", "E1", moment("2025-03-04T10:00"), ["S-1"]),
            record("own", "E1", moment("2025-03-04T10:05"), ["S-E1"]),
            record("vip", "E3", moment("2025-03-08T23:00"), ["S-VIP"]),
            record("peek", "E2", moment("2025-03-04T11:00"), ["S-2"]),
            record("list", "E3", moment("2025-03-04T11:00"), ["S-2", "S-3"], Action.SEARCH),
        ],
    )
    return audit, ctx


def invoke(*args: str) -> Result:
    return CliRunner().invoke(review_group, list(args))


def test_run_label_precision(inputs: tuple[Path, Path], queue_url: str) -> None:
    audit, ctx = inputs
    run = ["run", "--audit", str(audit), "--context", str(ctx), "--queue", queue_url]
    result = invoke(*run)
    assert result.exit_code == 0, result.output
    assert "scored 5 accesses (4 unexplained); 4 at or above 1, 4 new" in result.output

    listed = invoke("queue", "--queue", queue_url, "--format", "json")
    items = json.loads(listed.output)
    assert [i["trace_id"] for i in items] == ["own", "vip", "list", "peek"]
    assert items[0]["rules"] == ["SN101"] and items[1]["rules"] == ["SN104", "SN108"]
    assert "S-E1" not in listed.output and "S-VIP" not in listed.output
    table = invoke("queue", "--queue", queue_url)
    assert "SN104 vip, SN108 off-hours" in table.output and "S-VIP" not in table.output

    assert "n/a" in invoke("precision", "--queue", queue_url).output
    first, second, third = items[0]["id"], items[1]["id"], items[2]["id"]
    labelled = invoke("label", str(first), "--misuse", "--reviewer", "R1", "--queue", queue_url)
    assert labelled.exit_code == 0 and "confirmed-misuse by R1" in labelled.output
    invoke("label", str(second), "--misuse", "--reviewer", "R1", "--queue", queue_url)
    invoke("label", str(third), "--justified", "--reviewer", "R2", "--queue", queue_url)
    result = invoke("precision", "--queue", queue_url)
    assert "precision 0.667: 2 confirmed misuse, 1 justified, 1 open" in result.output

    again = invoke("label", str(third), "--misuse", "--reviewer", "R2", "--queue", queue_url)
    assert isinstance(again.exception, InputError) and "already labelled" in str(again.exception)
    relabel = ["label", str(third), "--misuse", "--reviewer", "R2", "--relabel"]
    assert invoke(*relabel, "--queue", queue_url).exit_code == 0
    assert "precision 1.000" in invoke("precision", "--queue", queue_url).output

    rerun = invoke(*run)
    assert "0 new in the queue" in rerun.output
    with RegisterStore.open(queue_url) as store:
        queue = ReviewQueue(store)
        assert len(queue.items()) == 4
        assert queue.get(first).status is Status.CONFIRMED and queue.get(first).reviewer == "R1"
        assert [i.trace_id for i in queue.items(Status.OPEN)] == ["peek"]


def test_bad_audit_line_loads_nothing(inputs: tuple[Path, Path], queue_url: str) -> None:
    audit, ctx = inputs
    audit.write_text(audit.read_text() + '{"trace_id": "S-SECRET"}\n', encoding="utf-8")
    result = invoke("run", "--audit", str(audit), "--context", str(ctx), "--queue", queue_url)
    assert isinstance(result.exception, InputError)
    assert "line 6" in str(result.exception) and "S-SECRET" not in str(result.exception)
    with RegisterStore.open(queue_url) as store:
        assert ReviewQueue(store).items() == []


def test_label_needs_a_verdict_and_an_existing_item(queue_url: str) -> None:
    result = invoke("label", "1", "--reviewer", "R1", "--queue", queue_url)
    assert result.exit_code == 2 and "--misuse or --justified" in result.output
    result = invoke("label", "99", "--justified", "--reviewer", "R1", "--queue", queue_url)
    assert isinstance(result.exception, InputError) and "99 does not exist" in str(result.exception)
    assert "no such items" in invoke("queue", "--queue", queue_url).output

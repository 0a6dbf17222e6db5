"""``sluis review``: the snooping review of the access audit and its review queue."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sluis.registers.access_io import read_access_records
from sluis.registers.snooping import (
    ReviewOptions,
    ReviewQueue,
    Status,
    load_context,
    queued,
    score_accesses,
)
from sluis.registers.snooping.rules import RULES_BY_CODE
from sluis.registers.store import RegisterStore

_QUEUE = click.option(
    "--queue",
    "queue_url",
    required=True,
    help="Register database of the review queue: sqlite:///review.db or postgresql://host/db.",
)


@click.group("review")
def review_group() -> None:
    """Find accesses to personal data that no work explains, and review them.

    \b
    Score an audit export:  sluis review run --audit access.jsonl --context ctx/ \\
                                --queue sqlite:///review.db
    See the queue:          sluis review queue --queue sqlite:///review.db
    Label an item:          sluis review label 7 --misuse --reviewer R12 \\
                                --queue sqlite:///review.db
    Measured precision:     sluis review precision --queue sqlite:///review.db

    Output names employees, rule codes and scores, never the persons looked at.
    """


@review_group.command("run")
@click.option(
    "--audit",
    "audit_path",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Access records as JSON lines.",
)
@click.option(
    "--context",
    "context_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder with employees.csv, subjects.csv and assignments.csv.",
)
@_QUEUE
@click.option(
    "--threshold",
    type=float,
    default=ReviewOptions().threshold,
    show_default=True,
    help="Queue accesses scoring at least this.",
)
def run_command(audit_path: Path, context_dir: Path, queue_url: str, threshold: float) -> None:
    """Score every access in AUDIT and queue the suspicious ones."""
    records = read_access_records(audit_path)
    context = load_context(context_dir)
    scored = score_accesses(records, context, ReviewOptions(threshold=threshold))
    chosen = queued(scored, threshold)
    with RegisterStore.open(queue_url) as store:
        added = ReviewQueue(store).add(chosen)
    unexplained = sum(1 for s in scored if not s.explained)
    click.echo(
        f"scored {len(scored)} accesses ({unexplained} unexplained); "
        f"{len(chosen)} at or above {threshold:g}, {added} new in the queue"
    )


@review_group.command("queue")
@_QUEUE
@click.option(
    "--status",
    type=click.Choice([s.value for s in Status]),
    help="Only items with this status.",
)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def queue_command(queue_url: str, status: str | None, limit: int, fmt: str) -> None:
    """List queued accesses, highest score first."""
    with RegisterStore.open(queue_url) as store:
        items = ReviewQueue(store).items(Status(status) if status else None, limit)
    if fmt == "json":
        rows = [
            {
                "id": i.id,
                "trace_id": i.trace_id,
                "actor": i.actor,
                "accessed_at": i.accessed_at.isoformat(),
                "score": round(i.score, 3),
                "rules": list(i.rules),
                "status": i.status.value,
                "reviewer": i.reviewer,
            }
            for i in items
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    if not items:
        click.echo("the queue has no such items")
        return
    click.echo(
        f"{'id':>6}  {'score':>5}  {'status':<16}  {'actor':<12}  {'accessed at':<25}  rules"
    )
    for i in items:
        names = ", ".join(
            f"{code} {RULES_BY_CODE[code].name}" if code in RULES_BY_CODE else code
            for code in i.rules
        )
        click.echo(
            f"{i.id:>6}  {i.score:>5.2f}  {i.status.value:<16}  {i.actor:<12}  "
            f"{i.accessed_at.isoformat():<25}  {names or 'unexplained'}"
        )


@review_group.command("label")
@click.argument("item", type=int)
@click.option("--misuse", "verdict", flag_value=Status.CONFIRMED.value, help="Confirmed misuse.")
@click.option("--justified", "verdict", flag_value=Status.JUSTIFIED.value, help="Justified.")
@click.option("--reviewer", required=True, help="The reviewer's employee id.")
@click.option("--relabel", is_flag=True, help="Change an item that already has a label.")
@_QUEUE
def label_command(
    item: int, verdict: str | None, reviewer: str, relabel: bool, queue_url: str
) -> None:
    """Label queue item ITEM as confirmed misuse or justified."""
    if verdict is None:
        raise click.UsageError("give --misuse or --justified")
    with RegisterStore.open(queue_url) as store:
        labelled = ReviewQueue(store).label(item, Status(verdict), reviewer, relabel=relabel)
    click.echo(f"item {labelled.id} labelled {labelled.status.value} by {labelled.reviewer}")


@review_group.command("precision")
@_QUEUE
def precision_command(queue_url: str) -> None:
    """The queue's precision measured from the labels: confirmed / labelled."""
    with RegisterStore.open(queue_url) as store:
        measured = ReviewQueue(store).precision()
    value = "n/a (no labels yet)" if measured.precision is None else f"{measured.precision:.3f}"
    click.echo(
        f"precision {value}: {measured.confirmed} confirmed misuse, "
        f"{measured.justified} justified, {measured.open} open"
    )

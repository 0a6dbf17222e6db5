"""``sluis disclose``: the disclosure ledger, recalls, notices and holds.

Also holds the small helpers the ledger, retention and DPIA commands share: reading a
persons file into pseudonyms, parsing times, JSON output.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from sluis.cli.anonymize import load_key
from sluis.cli.registers import open_register, recorder_for, register_option
from sluis.errors import InputError
from sluis.registers.disclosure import (
    Delivery,
    lift_hold,
    list_deliveries,
    list_holds,
    persons_disclosed,
    place_hold,
    record_delivery,
)
from sluis.registers.disclosure_recall import (
    Notice,
    NoticeKind,
    NoticeStatus,
    advance_notice,
    get_notice,
    list_notices,
    recall,
)
from sluis.registers.pseudonym import subject_pseudonym

F = TypeVar("F", bound=Callable[..., Any])


def now_option(function: F) -> F:
    """A hidden ``--now`` (ISO time) that pins the clock, for tests and rehearsals."""
    return click.option("--now", "now_text", hidden=True)(function)


def persons_options(function: F) -> F:
    """``--persons FILE``, ``--key-file``, ``--id-type`` and ``--id-column``."""
    for option in reversed(
        (
            click.option(
                "--persons",
                "persons_file",
                type=click.Path(dir_okay=False, path_type=Path),
                help="CSV with a header row, or JSON lines (.jsonl), of the persons' raw ids.",
            ),
            click.option(
                "--key-file",
                type=click.Path(dir_okay=False, path_type=Path),
                help="The secret key that turns raw ids into pseudonyms (else $SLUIS_KEY).",
            ),
            click.option("--id-type", default="bsn", show_default=True, help="Kind of raw id."),
            click.option("--id-column", help="Column or JSON key of the id [default: id type]."),
        )
    ):
        function = option(function)
    return function


def parse_moment(text: str | None, option: str) -> datetime | None:
    """An ISO date or time; a time without zone is taken as UTC."""
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"{option} takes an ISO date or time, e.g. 2025-03-01T09:00") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def parse_day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{option} takes an ISO date, e.g. 2025-03-01") from None


def read_pseudonyms(
    persons_file: Path | None, key_file: Path | None, id_type: str, id_column: str | None
) -> frozenset[str]:
    """The pseudonyms of the persons in ``persons_file``; errors name lines, never ids."""
    if persons_file is None:
        raise InputError("pass --persons FILE with the persons' ids")
    key = load_key(key_file)
    column = id_column or id_type
    found = frozenset(
        subject_pseudonym(key, id_type, raw) for raw in _raw_ids(persons_file, column)
    )
    if not found:
        raise InputError(f"{persons_file.name} lists no persons")
    return found


def _raw_ids(path: Path, column: str) -> Iterator[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path.name}: {type(exc).__name__}") from None
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                raise InputError(f"{path.name}:{number}: not a JSON value") from None
            value = item.get(column) if isinstance(item, dict) else item
            if not isinstance(value, str | int) or isinstance(value, bool) or value == "":
                raise InputError(f"{path.name}:{number}: no id under key {column!r}")
            yield str(value)
        return
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or column not in reader.fieldnames:
        raise InputError(
            f"{path.name}:1: the header has no column {column!r}; name it with --id-column"
        )
    for row in reader:
        value = (row.get(column) or "").strip()
        if not value:
            raise InputError(f"{path.name}:{reader.line_num}: no id in column {column!r}")
        yield value


def format_option(function: F) -> F:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
    )(function)


def echo_json(data: object) -> None:
    click.echo(json.dumps(data, indent=2, sort_keys=True))


@click.group("disclose")
def disclose_group() -> None:
    """The disclosure ledger: what was delivered to whom, recalls and holds.

    \b
    Record a delivery (raw ids are pseudonymized, never stored or shown):
      sluis disclose record --recipient "Gemeente Utrecht" --oin 00000001002220647000 \\
          --activity https://example.org/act/benefits --legal-basis "Participatiewet art. 64" \\
          --channel portal --batch 2025-03 --category income --persons batch.csv \\
          --key-file sluis.key
    Recall a faulty batch (notices per recipient, and a hold on further deliveries):
      sluis disclose recall --batch 2025-03 --reason "wrong amounts"
    """


@disclose_group.command("record")
@register_option
@click.option("--recipient", required=True, help="The receiving organisation.")
@click.option("--oin", "recipient_oin", required=True, help="The recipient's OIN.")
@click.option("--activity", "activity_id", required=True, help="Processing activity URI.")
@click.option("--legal-basis", required=True, help="The legal basis of the delivery.")
@click.option("--channel", required=True, help="How it was delivered, e.g. portal, sftp.")
@click.option("--batch", required=True, help="The batch label.")
@click.option("--category", "categories", multiple=True, required=True, help="Data category.")
@click.option("--at", "at_text", help="Time of delivery, ISO [default: now].")
@persons_options
@now_option
def record_command(
    register_url: str,
    recipient: str,
    recipient_oin: str,
    activity_id: str,
    legal_basis: str,
    channel: str,
    batch: str,
    categories: tuple[str, ...],
    at_text: str | None,
    persons_file: Path | None,
    key_file: Path | None,
    id_type: str,
    id_column: str | None,
    now_text: str | None,
) -> None:
    """Record one delivery; refused (exit 1) when a hold covers it."""
    subjects = read_pseudonyms(persons_file, key_file, id_type, id_column)
    now = parse_moment(now_text, "--now") or datetime.now(UTC)
    delivery = Delivery(
        recipient=recipient,
        recipient_oin=recipient_oin,
        activity_id=activity_id,
        legal_basis=legal_basis,
        channel=channel,
        batch=batch,
        categories=frozenset(categories),
        at=parse_moment(at_text, "--at") or now,
        subjects=subjects,
    )
    with open_register(register_url) as store:
        delivery_id = record_delivery(store, delivery, recorder=recorder_for(store), now=now)
    click.echo(
        f"recorded delivery {delivery_id}: batch {batch} to {recipient}, {len(subjects)} persons"
    )


@disclose_group.command("list")
@register_option
@click.option("--batch")
@click.option("--recipient")
@format_option
def list_command(
    register_url: str, batch: str | None, recipient: str | None, output_format: str
) -> None:
    """List deliveries (counts of persons, never the persons)."""
    with open_register(register_url) as store:
        deliveries = list_deliveries(store, batch=batch, recipient=recipient)
    if output_format == "json":
        echo_json(
            [
                {
                    "id": d.id,
                    "recipient": d.recipient,
                    "oin": d.recipient_oin,
                    "activity": d.activity_id,
                    "legal_basis": d.legal_basis,
                    "channel": d.channel,
                    "batch": d.batch,
                    "categories": sorted(d.categories),
                    "at": d.at.isoformat(),
                    "persons": d.persons,
                }
                for d in deliveries
            ]
        )
        return
    for d in deliveries:
        click.echo(
            f"{d.id}\t{d.at.isoformat()}\t{d.batch}\t{d.recipient} ({d.recipient_oin})\t"
            f"{','.join(sorted(d.categories))}\t{d.persons} persons"
        )


@disclose_group.command("persons")
@register_option
@click.option("--batch")
@click.option("--recipient")
@click.option("--since", help="From this ISO time (inclusive).")
@click.option("--until", help="Before this ISO time.")
@click.option("--category", "categories", multiple=True)
@format_option
def persons_command(
    register_url: str,
    batch: str | None,
    recipient: str | None,
    since: str | None,
    until: str | None,
    categories: tuple[str, ...],
    output_format: str,
) -> None:
    """Per recipient, how many persons' data it received (JSON: their pseudonyms)."""
    with open_register(register_url) as store:
        found = persons_disclosed(
            store,
            batch=batch,
            recipient=recipient,
            since=parse_moment(since, "--since"),
            until=parse_moment(until, "--until"),
            categories=categories or None,
        )
    if output_format == "json":
        echo_json({name: sorted(persons) for name, persons in found.items()})
        return
    for name in sorted(found):
        click.echo(f"{name}\t{len(found[name])} persons")


@disclose_group.command("recall")
@register_option
@click.option("--batch", help="The faulty batch.")
@click.option("--reason", required=True, help="Why the data is recalled.")
@persons_options
@now_option
def recall_command(
    register_url: str,
    batch: str | None,
    reason: str,
    persons_file: Path | None,
    key_file: Path | None,
    id_type: str,
    id_column: str | None,
    now_text: str | None,
) -> None:
    """Recall a batch, or persons (--persons), from every recipient that received them.

    Sends each recipient one notice (status 'sent') and places a hold that blocks every
    further delivery of that data until 'sluis disclose hold lift'.
    """
    subjects = (
        read_pseudonyms(persons_file, key_file, id_type, id_column)
        if persons_file is not None
        else None
    )
    if batch is None and subjects is None:
        raise InputError("name what to recall: --batch BATCH, --persons FILE, or both")
    with open_register(register_url) as store:
        done = recall(
            store,
            reason=reason,
            batch=batch,
            subjects=subjects,
            recorder=recorder_for(store),
            now=parse_moment(now_text, "--now"),
        )
    click.echo(f"recall {done.id}: {len(done.notices)} notices sent; holds {_ids(done.hold_ids)}")
    for notice in done.notices:
        click.echo(_notice_line(notice))


@disclose_group.group("notice")
def notice_group() -> None:
    """Recall and erasure notices to recipients (GDPR Art. 19)."""


@notice_group.command("list")
@register_option
@click.option("--recall", "recall_id", type=int)
@click.option("--kind", type=click.Choice([k.value for k in NoticeKind]))
def notice_list_command(register_url: str, recall_id: int | None, kind: str | None) -> None:
    """List notices with their status."""
    with open_register(register_url) as store:
        notices = list_notices(
            store, recall_id=recall_id, kind=NoticeKind(kind) if kind is not None else None
        )
    for notice in notices:
        click.echo(_notice_line(notice))


@notice_group.command("show")
@register_option
@click.argument("notice_id", type=int)
def notice_show_command(register_url: str, notice_id: int) -> None:
    """One notice as JSON, with the pseudonymous ids of the persons it concerns."""
    with open_register(register_url) as store:
        notice = get_notice(store, notice_id)
    echo_json(
        {
            "id": notice.id,
            "kind": notice.kind.value,
            "recipient": notice.recipient,
            "oin": notice.recipient_oin,
            "reason": notice.reason,
            "status": notice.status.value,
            "sent_at": notice.sent_at.isoformat(),
            "recall": notice.recall_id,
            "certificate": notice.certificate_id,
            "request": notice.describe(),
            "subjects": sorted(notice.subjects),
        }
    )


def _advance(register_url: str, notice_id: int, status: NoticeStatus, now: str | None) -> None:
    with open_register(register_url) as store:
        notice = advance_notice(
            store,
            notice_id,
            status,
            recorder=recorder_for(store),
            now=parse_moment(now, "--now"),
        )
    click.echo(_notice_line(notice))


@notice_group.command("ack")
@register_option
@click.argument("notice_id", type=int)
@now_option
def notice_ack_command(register_url: str, notice_id: int, now_text: str | None) -> None:
    """The recipient acknowledged the notice (sent → acknowledged)."""
    _advance(register_url, notice_id, NoticeStatus.ACKNOWLEDGED, now_text)


@notice_group.command("confirm")
@register_option
@click.argument("notice_id", type=int)
@now_option
def notice_confirm_command(register_url: str, notice_id: int, now_text: str | None) -> None:
    """The recipient confirmed deletion (acknowledged → confirmed_deleted)."""
    _advance(register_url, notice_id, NoticeStatus.CONFIRMED_DELETED, now_text)


@disclose_group.group("hold")
def hold_group() -> None:
    """Holds that block deliveries until lifted."""


@hold_group.command("place")
@register_option
@click.option("--reason", required=True)
@click.option("--recipient", help="Only deliveries to this recipient [default: any].")
@click.option("--activity", "activity_id", help="Only this processing activity [default: any].")
@click.option("--category", "categories", multiple=True, help="Only these data categories.")
@now_option
def hold_place_command(
    register_url: str,
    reason: str,
    recipient: str | None,
    activity_id: str | None,
    categories: tuple[str, ...],
    now_text: str | None,
) -> None:
    """Place a hold; with no scope options it blocks every delivery."""
    with open_register(register_url) as store:
        hold = place_hold(
            store,
            reason=reason,
            recipient=recipient,
            activity_id=activity_id,
            categories=categories,
            recorder=recorder_for(store),
            now=parse_moment(now_text, "--now"),
        )
    click.echo(f"hold {hold.id} placed")


@hold_group.command("list")
@register_option
@click.option("--all", "include_lifted", is_flag=True, help="Include lifted holds.")
def hold_list_command(register_url: str, include_lifted: bool) -> None:
    """List holds and their scope ('*' means any)."""
    with open_register(register_url) as store:
        holds = list_holds(store, include_lifted=include_lifted)
    for hold in holds:
        state = "active" if hold.lifted_at is None else f"lifted {hold.lifted_at.isoformat()}"
        click.echo(
            f"{hold.id}\t{state}\trecipient={hold.recipient or '*'}\t"
            f"activity={hold.activity_id or '*'}\t"
            f"categories={','.join(sorted(hold.categories)) or '*'}\t"
            f"persons={len(hold.subjects) or '*'}\t{hold.reason}"
        )


@hold_group.command("lift")
@register_option
@click.argument("hold_id", type=int)
@click.option("--reason", required=True, help="Why deliveries may resume.")
@now_option
def hold_lift_command(register_url: str, hold_id: int, reason: str, now_text: str | None) -> None:
    """Lift a hold: deliveries it blocked may go out again."""
    with open_register(register_url) as store:
        lift_hold(
            store,
            hold_id,
            reason=reason,
            recorder=recorder_for(store),
            now=parse_moment(now_text, "--now"),
        )
    click.echo(f"hold {hold_id} lifted")


def _notice_line(notice: Notice) -> str:
    return (
        f"notice {notice.id}\t{notice.kind.value}\t{notice.status.value}\t"
        f"{notice.recipient} ({notice.recipient_oin})\t{len(notice.subjects)} persons"
    )


def _ids(ids: tuple[int, ...]) -> str:
    return ", ".join(str(i) for i in ids)

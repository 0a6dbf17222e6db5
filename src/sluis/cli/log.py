"""``sluis log``: the processing log and access audit from the command line.

Every command takes the register database first (a SQLite file or a PostgreSQL URL).
Reading commands (``subject``, ``actor``, ``period``) name their reader with ``--reader``,
``--role``, ``--unit`` and ``--purpose``, and are themselves written to the access audit.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click

from sluis.cli.files import write_text
from sluis.errors import InputError
from sluis.keys import Key, generate_key_pair, load_private_key, load_public_key
from sluis.registers import log_store
from sluis.registers.audit import AccessAudit, parse_access
from sluis.registers.checkpoint import Checkpoint, read_checkpoint
from sluis.registers.log_queries import LogQueries, Reader
from sluis.registers.log_record import LogRecord, RecordError, Subject, parse_entry, pseudonymize
from sluis.registers.log_record import to_record as check_entry
from sluis.registers.processing_log import ProcessingLog
from sluis.registers.store import RegisterStore

F = TypeVar("F", bound=Callable[..., Any])
KEY_FILE = click.option(
    "--key-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The secret key that pseudonymizes subject ids (else $SLUIS_KEY).",
)
DB = click.argument("db")


def reader_options(command: F) -> F:
    """``--reader/--role/--unit/--purpose`` (required) and ``--case/--workstation``."""
    for name, help_text in reversed(
        [
            ("--reader", "Employee id of the person reading (recorded in the access audit)."),
            ("--role", "The reader's role."),
            ("--unit", "The reader's organizational unit."),
            ("--purpose", "Why the log is read."),
        ]
    ):
        command = click.option(name, required=True, help=help_text)(command)
    command = click.option("--case", "case_reason", help="Case number or reason.")(command)
    return click.option("--workstation", help="Workstation the reader uses.")(command)


def _reader(options: dict[str, Any]) -> Reader:
    return Reader(
        actor=options["reader"],
        role=options["role"],
        unit=options["unit"],
        purpose=options["purpose"],
        case_reason=options.get("case_reason"),
        workstation=options.get("workstation"),
    )


def load_key(key_file: Path | None) -> Key:
    """The key from ``--key-file`` or ``$SLUIS_KEY`` (as ``sluis anonymize`` reads it)."""
    if key_file is not None:
        return Key.load(key_file)
    text = os.environ.get("SLUIS_KEY")
    if text:
        return Key.from_text(text)
    raise InputError("no key: pass --key-file FILE or set SLUIS_KEY; make one with 'sluis keygen'")


def _open(db: str, key: Key | None = None) -> ProcessingLog:
    # Commands that never touch subject ids still need a Key object; a throwaway one
    # cannot pseudonymize anything that is later compared.
    return ProcessingLog.open(db, key or Key.generate())


@click.group("log")
def log_group() -> None:
    """The processing log (Logboek Dataverwerkingen) and the access audit.

    \b
    Start a log:            sluis log init registers.db
    Register an activity:   sluis log register registers.db URI --name N --purpose P
    Append records:         sluis log append registers.db records.jsonl --key-file sluis.key
    Sign the tree head:     sluis log checkpoint registers.db --signing-key log.pem -o ck.json
    Check everything:       sluis log verify registers.db --public-key log.pub.pem
    """


@log_group.command("init")
@DB
@click.option(
    "--origin",
    default="sluis-processing-log",
    show_default=True,
    help="Name of this log, signed into every checkpoint.",
)
def init_command(db: str, origin: str) -> None:
    """Create the log's and the access audit's tables (safe to repeat)."""
    with RegisterStore.open(db) as store:
        log_store.create_schema(store, origin)
        AccessAudit(store)
        size = log_store.head(store)[0]
    click.echo(f"processing log ready: {size} records")


@log_group.command("register")
@DB
@click.argument("uri")
@click.option("--name", required=True, help="The activity's name.")
@click.option("--purpose", required=True, help="The purpose of the processing.")
def register_command(db: str, uri: str, name: str, purpose: str) -> None:
    """Add a processing activity (or a new version of one) to the register."""
    with _open(db) as log:
        activity = log.register_activity(uri, name, purpose)
    click.echo(f"registered {activity.uri} version {activity.version}")


@log_group.command("activities")
@DB
def activities_command(db: str) -> None:
    """List every version of every registered processing activity."""
    with _open(db) as log:
        for a in log.activities():
            click.echo(f"{a.uri}\tv{a.version}\t{a.name}\t{a.purpose}")


def _json_lines(stream: TextIO, what: str) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except ValueError:
            raise RecordError(f"line {number}: not a JSON {what}; nothing was written") from None


@log_group.command("append")
@DB
@click.argument("records", type=click.File("r", encoding="utf-8"))
@KEY_FILE
@click.option(
    "--batch",
    type=click.IntRange(1, 100_000),
    default=1000,
    show_default=True,
    help="Records per durable transaction (one acknowledgement each).",
)
def append_command(db: str, records: TextIO, key_file: Path | None, batch: int) -> None:
    """Append the JSON-lines RECORDS file ('-' for standard input) to the log.

    Every line is checked before anything is written; a bad line stops the run with
    nothing written. One line per batch on standard output acknowledges it once durable.
    """
    key = load_key(key_file)
    checked: list[LogRecord] = []
    for number, data in _json_lines(records, "record"):
        checked.append(check_entry(parse_entry(data, f"line {number}"), key, f"line {number}"))
    with ProcessingLog.open(db, key) as log:
        for start in range(0, len(checked), batch):
            done = log.append_records(checked[start : start + batch])
            click.echo(
                f"acknowledged records {done.first}..{done.first + done.count - 1}"
                f" (tree size {done.size})"
            )
    if not checked:
        click.echo("no records in the file", err=True)


@log_group.command("access")
@DB
@click.argument("accesses", type=click.File("r", encoding="utf-8"))
@KEY_FILE
def access_command(db: str, accesses: TextIO, key_file: Path | None) -> None:
    """Append the JSON-lines ACCESSES file to the access audit, all or nothing."""
    key = load_key(key_file)
    parsed = [parse_access(data, key, f"line {n}") for n, data in _json_lines(accesses, "access")]
    with _open(db, key) as log:
        AccessAudit(log.store).record(parsed)
    click.echo(f"acknowledged {len(parsed)} access records")


@log_group.command("keygen")
@click.option(
    "--private",
    "private_path",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the Ed25519 private key (PEM, owner-only).",
)
@click.option(
    "--public",
    "public_path",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the public key (PEM).",
)
def keygen_command(private_path: Path, public_path: Path) -> None:
    """Make the Ed25519 key pair that signs checkpoints."""
    generate_key_pair(private_path, public_path)
    click.echo(f"signing key written to {private_path}, public key to {public_path}")


@log_group.command("checkpoint")
@DB
@click.option(
    "--signing-key",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Ed25519 private key (PEM) from 'sluis log keygen'.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the checkpoint as JSON to this file; keep it apart from the log.",
)
def checkpoint_command(db: str, signing_key: Path, output: Path | None) -> None:
    """Sign the current tree head and store it in the log."""
    key = load_private_key(signing_key)
    with _open(db) as log:
        mark = log.checkpoint(key)
    if output is not None:
        write_text(output, json.dumps(mark.to_json(), indent=2) + "\n")
    click.echo(f"checkpoint: size {mark.size}, root {mark.root.hex()}")


@log_group.command("verify")
@DB
@click.option(
    "--public-key",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Trusted Ed25519 public key; without it, checkpoints are checked against "
    "the key they carry.",
)
@click.option(
    "--record",
    "record_index",
    type=click.IntRange(min=0),
    help="Prove that the record at this leaf index is in the tree.",
)
@click.option(
    "--checkpoint",
    "checkpoint_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Checkpoint file to prove --record against (default: the latest stored).",
)
@click.option(
    "--old",
    "old_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Older checkpoint file: prove that --new extends it.",
)
@click.option(
    "--new",
    "new_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Newer checkpoint file (default: the latest stored).",
)
def verify_command(
    db: str,
    public_key: Path | None,
    record_index: int | None,
    checkpoint_path: Path | None,
    old_path: Path | None,
    new_path: Path | None,
) -> None:
    """Check inclusion of a record, consistency of two checkpoints, or (by default) the
    whole log. Exit code 1 when a check fails."""
    trusted = load_public_key(public_key) if public_key else None
    with _open(db) as log:
        if record_index is not None or old_path is not None:
            ok = True
            latest = _latest(log)
            if record_index is not None:
                mark = read_checkpoint(checkpoint_path) if checkpoint_path else latest
                ok = _signed(mark, trusted) and ok
                result = log.check_inclusion(record_index, mark)
                state = (
                    "present and matching"
                    if result.payload_matches
                    else ("deleted by retention" if not result.payload_present else "ALTERED")
                )
                verdict = "included" if result.proof_valid else "NOT INCLUDED"
                click.echo(
                    f"record {record_index}: {verdict} in the tree of size {mark.size}; "
                    f"payload {state}"
                )
                ok = ok and result.ok
            if old_path is not None:
                old = read_checkpoint(old_path)
                new = read_checkpoint(new_path) if new_path else latest
                ok = _signed(old, trusted) and _signed(new, trusted) and ok
                consistent = log.check_consistency(old, new)
                click.echo(
                    f"checkpoint of size {new.size} "
                    f"{'extends' if consistent else 'DOES NOT EXTEND'} that of size {old.size}"
                )
                ok = ok and consistent
        else:
            report = log.check(trusted)
            for problem in report.problems:
                click.echo(f"problem: {problem}")
            click.echo(
                f"{'ok' if report.ok else 'FAILED'}: {report.size} records, "
                f"{report.payloads_checked} payloads checked, {report.payloads_deleted} deleted "
                f"by retention, {report.checkpoints_checked} checkpoints"
            )
            ok = report.ok
    if not ok:
        sys.exit(1)


def _latest(log: ProcessingLog) -> Checkpoint:
    marks = log.checkpoints()
    if not marks:
        raise InputError("no checkpoint stored yet; run 'sluis log checkpoint' first")
    return marks[-1]


def _signed(mark: Checkpoint, trusted: Any) -> bool:
    valid = mark.signature_valid(trusted)
    if not valid:
        click.echo(f"checkpoint of size {mark.size}: SIGNATURE DOES NOT VERIFY")
    return valid


@log_group.command("subject")
@DB
@KEY_FILE
@click.option("--id-type", default="BSN", show_default=True, help="Type of the citizen's id.")
@reader_options
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
def subject_command(
    db: str, key_file: Path | None, id_type: str, as_json: bool, **options: Any
) -> None:
    """What a citizen may see (right of access): date, unit and purpose of every
    processing of their data, without employee names.

    The citizen's id is read from standard input (hidden when typed), never from an
    option, so it stays out of shell history and process lists; it is never printed.
    """
    key = load_key(key_file)
    if sys.stdin.isatty():
        raw = click.prompt(f"{id_type} of the citizen", hide_input=True)
    else:
        raw = sys.stdin.readline()
    subject, _ = pseudonymize(
        Subject(id_type, raw.strip()), key, lambda f, p: RecordError(f"citizen id: {p}")
    )
    with _open(db, key) as log:
        entries = LogQueries(log, AccessAudit(log.store), _reader(options)).for_subject(subject)
    if as_json:
        click.echo(json.dumps([e.__dict__ for e in entries], indent=2))
        return
    click.echo(f"{len(entries)} processings")
    for e in entries:
        what = e.activity or e.action or ""
        click.echo(f"{e.date}\t{e.unit or '-'}\t{e.purpose}\t{what}")


@log_group.command("actor")
@DB
@click.argument("actor")
@click.option("--since", type=click.DateTime(), help="From this moment (UTC), inclusive.")
@click.option("--until", type=click.DateTime(), help="Until this moment (UTC), exclusive.")
@reader_options
def actor_command(
    db: str, actor: str, since: datetime | None, until: datetime | None, **options: Any
) -> None:
    """For an auditor: everything employee ACTOR accessed (one JSON line per access)."""
    from sluis.web.log_api import access_json  # the web stack loads only when needed

    with _open(db) as log:
        queries = LogQueries(log, AccessAudit(log.store), _reader(options))
        found = queries.for_actor(actor, _utc(since), _utc(until))
    for access in found:
        click.echo(json.dumps(access_json(access), ensure_ascii=False))
    click.echo(f"{len(found)} accesses by {actor}", err=True)


@log_group.command("period")
@DB
@click.option("--since", type=click.DateTime(), help="From this moment (UTC), inclusive.")
@click.option("--until", type=click.DateTime(), help="Until this moment (UTC), exclusive.")
@click.option(
    "--bulk-subjects",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="An access touching this many persons or more counts as bulk.",
)
@reader_options
def period_command(
    db: str,
    since: datetime | None,
    until: datetime | None,
    bulk_subjects: int,
    **options: Any,
) -> None:
    """Bulk and export activity in a period, and log records per processing activity."""
    with _open(db) as log:
        queries = LogQueries(log, AccessAudit(log.store), _reader(options))
        report = queries.for_period(_utc(since), _utc(until), bulk_subjects)
    click.echo("records per processing activity:")
    for uri, count in report.records_per_activity.items():
        click.echo(f"  {uri}\t{count}")
    click.echo(f"bulk, export and print accesses: {len(report.bulk_and_export)}")
    for a in report.bulk_and_export:
        click.echo(
            f"  {a.at.isoformat()}\t{a.actor}\t{a.unit}\t{a.action}\t{len(a.subjects)} persons"
            f"\t{a.purpose}"
        )


def _utc(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None else None


@log_group.command("serve")
@DB
@KEY_FILE
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8080, show_default=True)
def serve_command(db: str, key_file: Path | None, host: str, port: int) -> None:
    """Serve the HTTP API (put an authenticating proxy in front of it)."""
    import uvicorn

    from sluis.web.log_api import create_app

    key = load_key(key_file)
    with ProcessingLog.open(db, key) as log:
        uvicorn.run(create_app(log, key), host=host, port=port, log_level="warning")

"""``sluis anonymize`` and ``sluis keygen``: a test copy with no personal data, or nothing."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import click
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from sluis.cli.consoles import report_console
from sluis.cli.files import write_text
from sluis.cli.policy import load_policy
from sluis.cli.verify import DEFAULT_WORKERS, print_report
from sluis.errors import InputError, VerificationError
from sluis.keys import Key, load_private_key
from sluis.model.policy import Policy
from sluis.sources import open_source
from sluis.sources.url import SourceKind, parse_source_url
from sluis.verify import VerificationReport

if TYPE_CHECKING:  # the anonymizer loads when a run starts, not with every command
    from sluis.handover import HandoverResult, RunOptions

KEY_ENV = "SLUIS_KEY"


@click.command("anonymize")
@click.argument("source")
@click.argument("target")
@click.option(
    "--policy",
    "policy_path",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The reviewed policy YAML.",
)
@click.option(
    "--key-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"The secret key (else ${KEY_ENV}); make one with 'sluis keygen'.",
)
@click.option("--dry-run", is_flag=True, help="Check the policy and show the plan; write nothing.")
@click.option(
    "--batch-rows",
    type=click.IntRange(min=1),
    default=65_536,
    show_default=True,
    help="Rows per Arrow batch: memory stays bounded by this.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=DEFAULT_WORKERS,
    show_default=True,
    help="Processes that transform batches (the number of CPU cores by default).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    show_default=True,
    help="Where batches are transformed: this machine, or Apache Spark (Parquet only).",
)
@click.option(
    "--spark-master",
    envvar="SPARK_MASTER",
    help="Spark master URL for --engine spark (else $SPARK_MASTER, else local[*]).",
)
@click.option(
    "--signing-key",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Ed25519 private key (PEM) that signs the attestation ('sluis attest keygen').",
)
@click.option(
    "--attest",
    "attest_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the signed attestation [default: TARGET.attestation.json].",
)
def anonymize_command(
    source: str,
    target: str,
    policy_path: Path,
    key_file: Path | None,
    dry_run: bool,
    batch_rows: int,
    workers: int,
    engine: Literal["local", "spark"],
    spark_master: str | None,
    signing_key: Path | None,
    attest_path: Path | None,
) -> None:
    """Copy SOURCE to TARGET with every personal value replaced, or write nothing.

    Every table and column of SOURCE must have a rule in the policy; any drift stops the
    run before a row is written. Rows go to a staging copy that is published (renamed
    into place, or swapped in one transaction) only when the whole run succeeded, so an
    interrupted or failed run leaves TARGET as it was.

    Before publishing, the staged copy is verified independently, value by value (the
    checks of 'sluis verify'); a copy that fails any check is not published and the
    report says where (names and counts, never values). With --signing-key a signed
    attestation of the verification is written next to the target.

    Replacements are keyed: the same value gets the same replacement in every table and
    every run with the same key, so joins keep working; without the key nothing can be
    reversed. Keep the key away from the copy.

    \b
    SOURCE and TARGET: a SQLite file, postgresql://…, parquet:DIR or csv:DIR.
    With --engine spark (the sluis[spark] extra) both must be parquet:DIR.
    Example:
      sluis keygen -o sluis.key
      sluis anonymize production.db test-copy.db --policy policy.yaml --key-file sluis.key
    """
    policy = load_policy(policy_path)
    if dry_run:
        _show_plan(source, policy)
        return
    key = load_key(key_file)
    private = load_private_key(signing_key) if signing_key is not None else None
    attestation = _attestation_path(target, attest_path) if private is not None else None
    try:
        from sluis.handover import RunOptions

        options = RunOptions(batch_rows, workers, engine, spark_master)
        result = _run(source, target, policy, key, options, private)
    except VerificationError as failed:
        if isinstance(failed.report, VerificationReport):
            print_report(failed.report, report_console(stderr=True))
        raise
    click.echo(
        f"verified and published {result.target}: {len(result.tables)} tables, {result.rows} rows",
        err=True,
    )
    if attestation is not None and result.attestation is not None:
        write_text(attestation, json.dumps(result.attestation, indent=2) + "\n")
        click.echo(f"attestation written to {attestation}", err=True)


def _attestation_path(target: str, given: Path | None) -> Path:
    if given is not None:
        return given
    parsed = parse_source_url(target)
    if parsed.kind is SourceKind.POSTGRESQL:
        raise InputError("a PostgreSQL target needs --attest FILE for the attestation")
    return Path(parsed.location.rstrip("/") + ".attestation.json")


def load_key(key_file: Path | None) -> Key:
    """The key from ``--key-file`` or ``$SLUIS_KEY``; a clear error when there is none."""
    if key_file is not None:
        return Key.load(key_file)
    text = os.environ.get(KEY_ENV)
    if text:
        return Key.from_text(text)
    raise InputError(
        f"no key: pass --key-file FILE or set {KEY_ENV}; make a key with "
        "'sluis keygen -o sluis.key'"
    )


def _show_plan(source: str, policy: Policy) -> None:
    with open_source(source) as opened:
        from sluis.anonymize.runner import plan_for

        plans = plan_for(opened, policy)
        for plan in plans:
            rows = opened.row_count(plan.table.name)
            click.echo(f"{plan.table.name} ({rows} rows)")
            for column in plan.columns:
                click.echo(f"  {column.name}: {column.describe()}")
    click.echo("dry run: the policy fits the source; nothing was written", err=True)


def _run(
    source: str,
    target: str,
    policy: Policy,
    key: Key,
    options: RunOptions,
    signing_key: Ed25519PrivateKey | None,
) -> HandoverResult:
    from sluis.handover import hand_over

    if not sys.stderr.isatty():
        return hand_over(source, target, policy, key, options, signing_key=signing_key)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("rows"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def advance(table: str, done: int, total: int) -> None:
            if table not in tasks:
                tasks[table] = bar.add_task(table, total=total)
            bar.update(tasks[table], completed=done)

        return hand_over(
            source,
            target,
            policy,
            key,
            options,
            progress=advance,
            signing_key=signing_key,
        )


@click.command("keygen")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the key to this file (mode 600) instead of standard output.",
)
def keygen_command(output: Path | None) -> None:
    """Make a new secret key for keyed pseudonyms.

    Keep it apart from every copy made with it: with the key, replacements can be
    recomputed; without it, nothing can be reversed.

    \b
    Example:
      sluis keygen -o sluis.key
    """
    text = Key.generate().to_text() + "\n"
    if output is None:
        click.echo(text, nl=False)
        return
    if output.exists():
        raise InputError(f"{output} exists; a key is never overwritten (remove it first)")
    write_text(output, text, mode=0o600)
    click.echo(f"key written to {output}", err=True)

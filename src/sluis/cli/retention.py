"""``sluis retention``: run retention rules against an application database, legal holds,
and destruction certificates."""

from __future__ import annotations

from pathlib import Path

import click

from sluis.cli.anonymize import load_key
from sluis.cli.disclose import (
    echo_json,
    format_option,
    now_option,
    parse_moment,
    persons_options,
    read_pseudonyms,
)
from sluis.cli.registers import open_register, recorder_for, register_option
from sluis.errors import InputError
from sluis.registers.retention import (
    RetentionReport,
    get_certificate,
    lift_legal_hold,
    list_certificates,
    list_legal_holds,
    place_legal_hold,
    run_retention,
)
from sluis.registers.retention_rules import load_rules
from sluis.registers.store import RegisterStore
from sluis.sources.url import SourceKind, parse_source_url


@click.group("retention")
def retention_group() -> None:
    """Hide records past their retention period, delete them later, certify it.

    \b
    See what is due:  sluis retention run --rules retention.yaml --app clients.db \\
                          --key-file sluis.key --dry-run
    Do it:            sluis retention run --rules retention.yaml --app clients.db \\
                          --key-file sluis.key
    """


@retention_group.command("run")
@register_option
@click.option(
    "--rules",
    "rules_path",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The retention rules YAML.",
)
@click.option("--app", "app_url", required=True, help="The application database (URL or file).")
@click.option(
    "--key-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The key of the registers' pseudonyms (else $SLUIS_KEY).",
)
@click.option("--dry-run", is_flag=True, help="Count what would be hidden and deleted.")
@format_option
@now_option
def run_command(
    register_url: str,
    rules_path: Path,
    app_url: str,
    key_file: Path | None,
    dry_run: bool,
    output_format: str,
    now_text: str | None,
) -> None:
    """Apply the rules: delete rows hidden longer than their grace period, hide rows past
    their period (column sluis_restricted_at), all in one transaction; then record a
    destruction certificate and send erasure notices to recipients in the ledger."""
    rules = load_rules(rules_path)
    key = load_key(key_file)
    _require_existing(app_url)
    now = parse_moment(now_text, "--now")
    with open_register(register_url) as register:
        same = app_url.strip() == register_url.strip()
        app = register if same else RegisterStore.open(app_url)
        try:
            report = run_retention(
                register,
                app,
                rules,
                key,
                dry_run=dry_run,
                recorder=recorder_for(register),
                now=now,
            )
        finally:
            if not same:
                app.close()
    _show(report, output_format)


def _show(report: RetentionReport, output_format: str) -> None:
    if output_format == "json":
        echo_json(
            {
                "dry_run": report.dry_run,
                "at": report.at.isoformat(),
                "certificate": report.certificate_id,
                "erasure_notices": [n.id for n in report.notices],
                "rules": [
                    {
                        "rule": o.rule_id,
                        "skipped": o.skipped,
                        "rows_hidden": o.rows_hidden,
                        "rows_deleted": o.rows_deleted,
                        "rows_held": o.rows_held,
                        "subjects_hidden": len(o.subjects_hidden),
                        "subjects_deleted": len(o.subjects_deleted),
                    }
                    for o in report.outcomes
                ],
            }
        )
        return
    verb = ("would hide", "would delete") if report.dry_run else ("hidden", "deleted")
    for o in report.outcomes:
        if o.skipped is not None:
            click.echo(f"{o.rule_id}: skipped, {o.skipped}")
            continue
        click.echo(
            f"{o.rule_id}: {verb[0]} {o.rows_hidden} rows ({len(o.subjects_hidden)} persons), "
            f"{verb[1]} {o.rows_deleted} rows ({len(o.subjects_deleted)} persons), "
            f"{o.rows_held} rows under legal hold"
        )
    if report.dry_run:
        click.echo("dry run: nothing was changed", err=True)
    else:
        click.echo(
            f"destruction certificate {report.certificate_id}; "
            f"{len(report.notices)} erasure notices sent",
            err=True,
        )


def _require_existing(app_url: str) -> None:
    """An application database must exist: a typo must not create an empty SQLite file."""
    parsed = parse_source_url(app_url)
    if parsed.kind is SourceKind.SQLITE and not Path(parsed.location).is_file():
        raise InputError(f"application database {Path(parsed.location).name} does not exist")


@retention_group.group("certificate")
def certificate_group() -> None:
    """Destruction certificates (counts and pseudonymous ids, no personal data)."""


@certificate_group.command("list")
@register_option
def certificate_list_command(register_url: str) -> None:
    """Every certificate's id and time."""
    with open_register(register_url) as store:
        for certificate_id, issued in list_certificates(store):
            click.echo(f"{certificate_id}\t{issued.isoformat()}")


@certificate_group.command("show")
@register_option
@click.argument("certificate_id", type=int)
def certificate_show_command(register_url: str, certificate_id: int) -> None:
    """One certificate as JSON."""
    with open_register(register_url) as store:
        echo_json(get_certificate(store, certificate_id))


@retention_group.group("hold")
def hold_group() -> None:
    """Legal holds: records under a hold are neither hidden nor deleted."""


@hold_group.command("place")
@register_option
@click.option("--reason", required=True)
@click.option("--activity", "activity_id", help="Hold a whole activity (or scope the persons).")
@persons_options
@now_option
def hold_place_command(
    register_url: str,
    reason: str,
    activity_id: str | None,
    persons_file: Path | None,
    key_file: Path | None,
    id_type: str,
    id_column: str | None,
    now_text: str | None,
) -> None:
    """Place legal holds on persons (--persons), an activity (--activity), or both."""
    subjects = (
        read_pseudonyms(persons_file, key_file, id_type, id_column)
        if persons_file is not None
        else frozenset()
    )
    with open_register(register_url) as store:
        ids = place_legal_hold(
            store,
            reason=reason,
            subjects=subjects,
            activity_id=activity_id,
            recorder=recorder_for(store),
            now=parse_moment(now_text, "--now"),
        )
    click.echo(f"{len(ids)} legal holds placed")


@hold_group.command("list")
@register_option
@click.option("--all", "include_lifted", is_flag=True, help="Include lifted holds.")
def hold_list_command(register_url: str, include_lifted: bool) -> None:
    """List legal holds ('person' means one pseudonymous person, not shown)."""
    with open_register(register_url) as store:
        for hold in list_legal_holds(store, include_lifted=include_lifted):
            state = "active" if hold.lifted_at is None else "lifted"
            who = "person" if hold.subject is not None else "*"
            click.echo(
                f"{hold.id}\t{state}\tactivity={hold.activity_id or '*'}\t{who}\t{hold.reason}"
            )


@hold_group.command("lift")
@register_option
@click.argument("hold_id", type=int)
@now_option
def hold_lift_command(register_url: str, hold_id: int, now_text: str | None) -> None:
    """Lift a legal hold."""
    with open_register(register_url) as store:
        lift_legal_hold(
            store, hold_id, recorder=recorder_for(store), now=parse_moment(now_text, "--now")
        )
    click.echo(f"legal hold {hold_id} lifted")

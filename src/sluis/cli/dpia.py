"""``sluis dpia``: the DPIA register and what must be reviewed."""

from __future__ import annotations

import sys

import click

from sluis.cli.disclose import (
    echo_json,
    format_option,
    now_option,
    parse_day,
    parse_moment,
)
from sluis.cli.registers import open_register, recorder_for, register_option
from sluis.errors import InputError
from sluis.registers.dpia import (
    Dpia,
    DpiaStatus,
    approve_dpia,
    dpia_due,
    list_activities,
    list_dpias,
    record_dpia,
    set_activity_version,
)


@click.group("dpia")
def dpia_group() -> None:
    """Data protection impact assessments per processing activity.

    A DPIA is outdated as soon as its activity's version changes.

    \b
      sluis dpia activity set-version https://example.org/act/benefits 1.0
      sluis dpia record --activity https://example.org/act/benefits --date 2025-01-10 \\
          --status approved --reference DPIA-2025-01
      sluis dpia due --check
    """


@dpia_group.group("activity")
def activity_group() -> None:
    """The processing activities and their current versions."""


@activity_group.command("set-version")
@register_option
@click.argument("activity_id")
@click.argument("version")
@now_option
def set_version_command(
    register_url: str, activity_id: str, version: str, now_text: str | None
) -> None:
    """Register ACTIVITY_ID or change its version (its DPIAs of other versions go outdated)."""
    with open_register(register_url) as store:
        changed = set_activity_version(
            store,
            activity_id,
            version,
            recorder=recorder_for(store),
            now=parse_moment(now_text, "--now"),
        )
    click.echo(f"{activity_id}: version {version}" + ("" if changed else " (unchanged)"))


@activity_group.command("list")
@register_option
def activity_list_command(register_url: str) -> None:
    """Every activity with its current version."""
    with open_register(register_url) as store:
        for activity in list_activities(store):
            click.echo(
                f"{activity.activity_id}\t{activity.version}\t{activity.changed_at.isoformat()}"
            )


@dpia_group.command("record")
@register_option
@click.option("--activity", "activity_id", required=True)
@click.option("--date", "date_text", required=True, help="Date of the assessment (ISO).")
@click.option(
    "--status",
    type=click.Choice([DpiaStatus.DRAFT.value, DpiaStatus.APPROVED.value]),
    default=DpiaStatus.DRAFT.value,
    show_default=True,
)
@click.option("--version", help="Activity version assessed [default: its current version].")
@click.option("--reference", default="", help="Where the DPIA document is.")
@click.option("--review-by", help="Date by which it must be reviewed (ISO).")
@now_option
def record_command(
    register_url: str,
    activity_id: str,
    date_text: str,
    status: str,
    version: str | None,
    reference: str,
    review_by: str | None,
    now_text: str | None,
) -> None:
    """Record a DPIA of a processing activity."""
    assessed = parse_day(date_text, "--date")
    if assessed is None:
        raise InputError("--date is required")
    with open_register(register_url) as store:
        dpia = record_dpia(
            store,
            activity_id=activity_id,
            assessed_on=assessed,
            status=DpiaStatus(status),
            reference=reference,
            version=version,
            review_by=parse_day(review_by, "--review-by"),
            recorder=recorder_for(store),
            now=parse_moment(now_text, "--now"),
        )
    click.echo(_line(dpia))


@dpia_group.command("approve")
@register_option
@click.argument("dpia_id", type=int)
def approve_command(register_url: str, dpia_id: int) -> None:
    """Approve a draft DPIA."""
    with open_register(register_url) as store:
        click.echo(_line(approve_dpia(store, dpia_id, recorder=recorder_for(store))))


@dpia_group.command("list")
@register_option
@click.option("--activity", "activity_id")
@format_option
def list_command(register_url: str, activity_id: str | None, output_format: str) -> None:
    """Every DPIA with its status (outdated derived from the activity's version)."""
    with open_register(register_url) as store:
        dpias = list_dpias(store, activity_id=activity_id)
    if output_format == "json":
        echo_json(
            [
                {
                    "id": d.id,
                    "activity": d.activity_id,
                    "version": d.activity_version,
                    "date": d.assessed_on.isoformat(),
                    "status": d.status.value,
                    "reference": d.reference,
                    "review_by": d.review_by.isoformat() if d.review_by else None,
                }
                for d in dpias
            ]
        )
        return
    for dpia in dpias:
        click.echo(_line(dpia))


@dpia_group.command("due")
@register_option
@click.option("--check", is_flag=True, help="Exit 1 when anything is due (for schedulers).")
@format_option
@now_option
def due_command(register_url: str, check: bool, output_format: str, now_text: str | None) -> None:
    """What must be assessed or reviewed: missing, outdated, draft or past review date."""
    with open_register(register_url) as store:
        items = dpia_due(store, now=parse_moment(now_text, "--now"))
    if output_format == "json":
        echo_json(
            [
                {
                    "activity": i.activity_id,
                    "reason": i.reason.value,
                    "dpia": i.dpia_id,
                    "detail": i.detail,
                }
                for i in items
            ]
        )
    else:
        for item in items:
            click.echo(f"{item.activity_id}\t{item.reason.value}\t{item.detail}")
        if not items:
            click.echo("no DPIA is due", err=True)
    if check and items:
        sys.exit(1)


def _line(dpia: Dpia) -> str:
    return (
        f"DPIA {dpia.id}\t{dpia.activity_id}\tversion {dpia.activity_version}\t"
        f"{dpia.assessed_on.isoformat()}\t{dpia.status.value}"
    )

"""``sluis breach``: the breach register, its 72-hour clock, and letters to affected persons."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import click
import yaml
from pydantic import ValidationError

from sluis.cli.anonymize import load_key
from sluis.cli.files import write_text
from sluis.cli.registers import recorder_for, register_option
from sluis.errors import InputError
from sluis.registers.affected import (
    AffectedSource,
    IdListSource,
    LedgerFilter,
    LedgerSource,
    LogSource,
    ScanSource,
)
from sluis.registers.breach import Breach, BreachRegister, export_json
from sluis.registers.breach_notification import NotificationContent
from sluis.registers.letters import (
    LANGUAGES,
    Helpdesk,
    LetterFacts,
    Sender,
    read_recipients,
    write_letters,
)
from sluis.registers.store import RegisterStore

DUTCH_TIME = ZoneInfo("Europe/Amsterdam")

now_option = click.option(
    "--now",
    "now_text",
    help="Act and count as of this moment (ISO-8601) instead of the current time.",
)


def parse_moment(text: str, option: str) -> datetime:
    """An ISO-8601 time; without an offset it is read as Dutch time (Europe/Amsterdam)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"{option} is not an ISO-8601 time; write e.g. 2024-03-01T14:30 or "
            "2024-03-01T13:30:00+00:00"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=DUTCH_TIME)
    return moment.astimezone(UTC)


@contextmanager
def opened(register_url: str, now_text: str | None) -> Iterator[BreachRegister]:
    """The breach register at ``register_url`` whose clock is ``--now`` when given; its
    changes go to the processing log in the same database when there is one."""
    fixed = parse_moment(now_text, "--now") if now_text else None
    with RegisterStore.open(register_url) as store:
        yield BreachRegister(
            store, recorder=recorder_for(store), clock=(lambda: fixed) if fixed else _utc_now
        )


def _utc_now() -> datetime:
    return datetime.now(UTC)


def load_content(path: Path) -> NotificationContent:
    """The AP notification content from a YAML or JSON file (errors name fields only)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"cannot read content file {path.name}: {type(exc).__name__}") from None
    try:
        return NotificationContent.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error['loc']) or 'file'}: {error['msg']}"
            for error in exc.errors()[:5]
        )
        raise InputError(f"content file {path.name} does not fit the AP form: {problems}") from None


def _moment_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _summary(breach: Breach, now: datetime) -> str:
    return (
        f"breach {breach.id} [{breach.status}] deadline {_moment_text(breach.deadline)}: "
        f"{breach.clock_text(now)}"
    )


@click.group("breach")
def breach_group() -> None:
    """Breaches, their 72-hour deadline, and letters to affected persons.

    The breach register of GDPR Art. 33(5), and the letters of Art. 34.

    Every breach runs against the 72-hour deadline to notify the Autoriteit
    Persoonsgegevens, counted from the moment the organization became aware of it; list
    and show always print the time left or how late. Affected persons are derived from
    data (a scan of the leaked dataset, a list of ids), stored as keyed pseudonyms and
    shown only as counts.

    \b
    sluis breach open --title "Test copy abroad" --aware-at 2024-03-01T09:00
    sluis breach affected 1 --from-scan leaked.db --key-file sluis.key
    sluis breach notify 1 --ap-reference AP-2024-0042 --content content.yaml
    sluis breach letters 1 --language ar --contacts contacts.csv --out letters --pdf ...
    """


@breach_group.command("open")
@click.option("--title", required=True, help="A short description (no personal data).")
@click.option("--aware-at", required=True, help="When the organization became aware (ISO-8601).")
@click.option("--occurred-at", help="When the breach began, if known (ISO-8601).")
@register_option
@now_option
def open_command(
    title: str, aware_at: str, occurred_at: str | None, register_url: str, now_text: str | None
) -> None:
    """Register a breach; its 72-hour deadline starts at --aware-at."""
    with opened(register_url, now_text) as register:
        breach = register.open(
            title,
            parse_moment(aware_at, "--aware-at"),
            parse_moment(occurred_at, "--occurred-at") if occurred_at else None,
        )
        click.echo(_summary(breach, register.clock()))


@breach_group.command("list")
@register_option
@now_option
def list_command(register_url: str, now_text: str | None) -> None:
    """Every breach with its status, deadline, time left and counts."""
    with opened(register_url, now_text) as register:
        now = register.clock()
        breaches = register.breaches()
        if not breaches:
            click.echo("no breaches registered")
        for breach in breaches:
            click.echo(
                f"{_summary(breach, now)}; {breach.persons} persons; "
                f"AP reference {breach.ap_reference or '-'}; {breach.title}"
            )


@breach_group.command("show")
@click.argument("breach_id", type=int)
@register_option
@now_option
def show_command(breach_id: int, register_url: str, now_text: str | None) -> None:
    """One breach: clock, notification, derivations of affected persons, history."""
    with opened(register_url, now_text) as register:
        breach = register.get(breach_id)
        lines = [
            _summary(breach, register.clock()),
            f"title: {breach.title}",
            f"aware at: {_moment_text(breach.aware_at)}",
            f"AP reference: {breach.ap_reference or '-'}",
            f"affected persons: {breach.persons}; records: "
            f"{'-' if breach.records is None else breach.records}",
        ]
        if breach.late_reason:
            lines.append(f"reason for the delay: {breach.late_reason}")
        if breach.reason:
            lines.append(f"reason ({breach.status}): {breach.reason}")
        for derivation in register.derivations(breach_id):
            lines.append(f"derived {_moment_text(derivation.at)}: {derivation.description}")
        for event in register.events(breach_id):
            detail = f" ({event.detail})" if event.detail else ""
            lines.append(f"{_moment_text(event.at)} {event.action}{detail}")
        click.echo("\n".join(lines))


@breach_group.command("notify")
@click.argument("breach_id", type=int)
@click.option("--ap-reference", required=True, help="The number the AP gave the notification.")
@click.option(
    "--content",
    "content_path",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The answers to the AP form (YAML or JSON).",
)
@click.option("--late-reason", help="Why the notification comes after the 72 hours.")
@click.option("--complete", is_flag=True, help="A complete notification, not a preliminary one.")
@register_option
@now_option
def notify_command(
    breach_id: int,
    ap_reference: str,
    content_path: Path,
    late_reason: str | None,
    complete: bool,
    register_url: str,
    now_text: str | None,
) -> None:
    """Record the notification to the AP (preliminary unless --complete)."""
    content = load_content(content_path)
    with opened(register_url, now_text) as register:
        breach = register.notify(
            breach_id, ap_reference, content, late_reason=late_reason, preliminary=not complete
        )
        click.echo(_summary(breach, register.clock()))


@breach_group.command("supplement")
@click.argument("breach_id", type=int)
@click.option(
    "--content",
    "content_path",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The updated answers to the AP form (YAML or JSON).",
)
@click.option("--complete", is_flag=True, help="This supplement completes the notification.")
@register_option
@now_option
def supplement_command(
    breach_id: int, content_path: Path, complete: bool, register_url: str, now_text: str | None
) -> None:
    """Record a supplement to the notification."""
    content = load_content(content_path)
    with opened(register_url, now_text) as register:
        breach = register.supplement(breach_id, content, final=complete)
        click.echo(_summary(breach, register.clock()))


@breach_group.command("withdraw")
@click.argument("breach_id", type=int)
@click.option("--reason", required=True, help="Why the notification is withdrawn.")
@register_option
@now_option
def withdraw_command(breach_id: int, reason: str, register_url: str, now_text: str | None) -> None:
    """Withdraw the notification (it turned out not to be a breach)."""
    with opened(register_url, now_text) as register:
        click.echo(_summary(register.withdraw(breach_id, reason), register.clock()))


@breach_group.command("not-notify")
@click.argument("breach_id", type=int)
@click.option("--reason", required=True, help="Why the breach is unlikely to result in a risk.")
@register_option
@now_option
def not_notify_command(
    breach_id: int, reason: str, register_url: str, now_text: str | None
) -> None:
    """Record the decision not to notify the AP, with its reason."""
    with opened(register_url, now_text) as register:
        click.echo(_summary(register.not_notify(breach_id, reason), register.clock()))


@breach_group.command("affected")
@click.argument("breach_id", type=int)
@click.option("--from-scan", "scan_url", help="Scan this dataset (any source URL) for BSNs.")
@click.option("--table", "tables", multiple=True, help="Scan only this table (repeatable).")
@click.option(
    "--from-ids",
    "ids_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A file of raw ids, one per line.",
)
@click.option("--id-type", default="bsn", show_default=True, help="The type of the listed ids.")
@click.option(
    "--from-ledger",
    is_flag=True,
    help="The persons in deliveries of the disclosure ledger in --register (needs a filter).",
)
@click.option("--batch", help="Ledger: deliveries of this batch.")
@click.option("--recipient", help="Ledger: deliveries to this recipient.")
@click.option("--category", "categories", multiple=True, help="Ledger: of this data category.")
@click.option(
    "--from-log",
    is_flag=True,
    help="The persons whose data the processing log in --register shows processed under "
    "--activity.",
)
@click.option("--activity", "activity_id", help="Ledger or log: this processing activity (URI).")
@click.option("--since", help="Ledger or log: from this time (ISO-8601, inclusive).")
@click.option("--until", help="Ledger or log: before this time (ISO-8601, exclusive).")
@click.option(
    "--key-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The register key that makes the pseudonyms (else $SLUIS_KEY).",
)
@register_option
@now_option
def affected_command(
    breach_id: int,
    scan_url: str | None,
    tables: tuple[str, ...],
    ids_path: Path | None,
    id_type: str,
    from_ledger: bool,
    batch: str | None,
    recipient: str | None,
    categories: tuple[str, ...],
    from_log: bool,
    activity_id: str | None,
    since: str | None,
    until: str | None,
    key_file: Path | None,
    register_url: str,
    now_text: str | None,
) -> None:
    """Derive the affected persons from data and add them to the breach (counts only shown).

    Exactly one source: --from-scan URL, --from-ids FILE, --from-ledger (with at least one
    of --batch, --recipient, --activity, --since, --until, --category) or --from-log
    --activity URI (with --since/--until for a period). Ledger and log are read from the
    register database; their pseudonyms join with those of the other sources when the log
    was written with the same key. Times without an offset are Dutch time.
    """
    chosen = [
        name
        for name, given in (
            ("--from-scan", scan_url is not None),
            ("--from-ids", ids_path is not None),
            ("--from-ledger", from_ledger),
            ("--from-log", from_log),
        )
        if given
    ]
    if len(chosen) != 1:
        raise InputError(
            "give exactly one of --from-scan URL, --from-ids FILE, --from-ledger and --from-log"
        )
    _only_with(chosen[0], tables=tables, batch=batch, recipient=recipient, category=categories)
    _only_with(chosen[0], activity=activity_id, since=since, until=until)
    start = parse_moment(since, "--since") if since else None
    end = parse_moment(until, "--until") if until else None
    with opened(register_url, now_text) as register:
        source: AffectedSource
        if scan_url is not None:
            source = ScanSource(scan_url, load_key(key_file), tables=tables)
        elif ids_path is not None:
            source = IdListSource(ids_path, load_key(key_file), id_type=id_type)
        elif from_ledger:
            if not (batch or recipient or activity_id or start or end or categories):
                raise InputError(
                    "--from-ledger needs at least one of --batch, --recipient, --activity, "
                    "--since, --until, --category; refusing every person ever disclosed"
                )
            filters = LedgerFilter(batch, recipient, activity_id, start, end, categories)
            source = LedgerSource(register.store, filters)
        else:
            if activity_id is None:
                raise InputError("--from-log needs --activity URI, the processing activity")
            source = LogSource(register.store, activity_id, start, end)
        found = register.add_affected(breach_id, source)
        breach = register.get(breach_id)
        click.echo(found.derivation.description)
        click.echo(f"breach {breach_id}: {breach.persons} affected persons in total")


_OPTION_SOURCES = {
    "tables": ("--from-scan",),
    "batch": ("--from-ledger",),
    "recipient": ("--from-ledger",),
    "category": ("--from-ledger",),
    "activity": ("--from-ledger", "--from-log"),
    "since": ("--from-ledger", "--from-log"),
    "until": ("--from-ledger", "--from-log"),
}


def _only_with(chosen: str, **given: object) -> None:
    """Refuse an option given with a source it does not apply to."""
    for name, value in given.items():
        sources = _OPTION_SOURCES[name]
        if value and chosen not in sources:
            option = "--table" if name == "tables" else f"--{name}"
            raise InputError(f"{option} applies only to {' and '.join(sources)}, not {chosen}")


@breach_group.command("export")
@click.argument("breach_id", type=int)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@register_option
@now_option
def export_command(
    breach_id: int, output: Path | None, register_url: str, now_text: str | None
) -> None:
    """The AP notification as JSON (counts, never persons)."""
    with opened(register_url, now_text) as register:
        text = export_json(register.notification(breach_id))
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text(output, text)
        click.echo(f"notification written to {output}", err=True)


@breach_group.command("subjects")
@click.argument("breach_id", type=int)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@register_option
@now_option
def subjects_command(breach_id: int, output: Path, register_url: str, now_text: str | None) -> None:
    """Export the affected persons' pseudonyms, one per line, to a new file (mode 600)."""
    with opened(register_url, now_text) as register:
        subjects = register.subject_ids(breach_id)
    write_text(output, "".join(f"{s}\n" for s in subjects), mode=0o600)
    click.echo(f"{len(subjects)} pseudonyms written to {output}", err=True)


@breach_group.command("letters")
@click.argument("breach_id", type=int)
@click.option("--language", type=click.Choice(LANGUAGES), required=True)
@click.option(
    "--contacts",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    required=True,
    help="Mail-merge CSV: name, address/street, postcode, city, country.",
)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.option("--pdf", is_flag=True, help="Also write a PDF of every letter.")
@click.option("--organization", required=True, help="The sender's name as it heads the letter.")
@click.option("--signatory", required=True, help="Who signs, e.g. the data protection officer.")
@click.option("--helpdesk-phone")
@click.option("--helpdesk-email")
@click.option("--helpdesk-hours", help="When the helpdesk answers, in the letter's language.")
@click.option("--helpdesk-url")
@click.option("--reference", help="Your reference for the breach [default: DL-<id>].")
@click.option("--date", "letter_day", help="The letter's date (YYYY-MM-DD) [default: today].")
@register_option
@now_option
def letters_command(
    breach_id: int,
    language: str,
    contacts: Path,
    out_dir: Path,
    pdf: bool,
    organization: str,
    signatory: str,
    helpdesk_phone: str | None,
    helpdesk_email: str | None,
    helpdesk_hours: str | None,
    helpdesk_url: str | None,
    reference: str | None,
    letter_day: str | None,
    register_url: str,
    now_text: str | None,
) -> None:
    """Write a letter to every person in --contacts, from the breach's notification content."""
    helpdesk = Helpdesk(helpdesk_phone, helpdesk_email, helpdesk_hours, helpdesk_url)
    recipients = read_recipients(contacts)
    with opened(register_url, now_text) as register:
        breach = register.get(breach_id)
        notification = register.notification(breach_id)
        if notification.content is None:
            raise InputError(
                f"breach {breach_id} has no notification content yet; the letters say what the "
                "AP was told: run 'sluis breach notify' first"
            )
        try:
            day = date.fromisoformat(letter_day) if letter_day else register.clock().date()
        except ValueError:
            raise InputError("--date is not a date in the form YYYY-MM-DD") from None
        facts = LetterFacts.from_content(
            notification.content,
            reference=reference or f"DL-{breach_id}",
            aware_at=breach.aware_at,
            ap_reference=breach.ap_reference,
        )
        run = write_letters(
            recipients,
            language,
            facts,
            Sender(organization, signatory),
            helpdesk,
            out_dir,
            letter_date=day,
            pdf=pdf,
        )
        register.record_letters(breach_id, language, run.letters)
    kinds = "HTML and PDF" if pdf else "HTML"
    click.echo(f"{run.letters} letters ({language}, {kinds}) written to {out_dir}")


__all__ = ["breach_group", "load_content", "parse_moment"]

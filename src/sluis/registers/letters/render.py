"""Render breach letters from the templates in ``templates/``, one per language.

The facts of a letter come from the breach's AP notification content (cause, data
categories, likely consequences), so the letter says what the authority was told. The
addresses come from a mail-merge CSV the organization supplies; names and addresses are
personal data and appear only in the letters themselves, never in logs, errors or
file names (letters are numbered in CSV order).

Arabic and Farsi letters are laid out right to left (``dir="rtl"``). Their glyphs need a
font with Arabic-script coverage: the first of :data:`ARABIC_FONTS` fontconfig finds
(``tools/ensure-fonts.sh`` installs one).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from sluis.errors import InputError
from sluis.registers.breach_notification import (
    Cause,
    Consequence,
    DataCategory,
    NotificationContent,
)

LANGUAGES = ("nl", "en", "ar", "fr", "fa")
RTL_LANGUAGES = frozenset({"ar", "fa"})
LATIN_FONTS = ('"DejaVu Sans"', '"Noto Sans"', '"Liberation Sans"', "sans-serif")
# DejaVu Sans covers Latin, Arabic and Persian letters, so one face serves every language;
# the others are fallbacks where it is missing.
ARABIC_FONTS = ('"DejaVu Sans"', '"Noto Naskh Arabic"', '"Vazirmatn"', "sans-serif")
# Dates in letters are Dutch calendar days: the organization's time zone.
LETTER_ZONE = ZoneInfo("Europe/Amsterdam")

_ADDRESS_COLUMNS = ("address", "street")


@dataclass(frozen=True)
class Recipient:
    """One addressee from the mail-merge file; values never appear in ``repr``."""

    name: str = field(repr=False)
    address_lines: tuple[str, ...] = field(repr=False, default=())


@dataclass(frozen=True)
class Sender:
    organization: str
    signatory: str


@dataclass(frozen=True)
class Helpdesk:
    """Where affected persons get answers; at least a phone number or an e-mail address."""

    phone: str | None = None
    email: str | None = None
    hours: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if not (self.phone or self.email):
            raise InputError("a letter needs a helpdesk phone number or e-mail address")


@dataclass(frozen=True)
class LetterFacts:
    """What every letter of one breach says; ``reference`` is the organization's own."""

    reference: str
    aware_on: date
    cause: Cause
    data_categories: tuple[DataCategory, ...]
    consequences: tuple[Consequence, ...]
    ap_reference: str | None = None

    @classmethod
    def from_content(
        cls,
        content: NotificationContent,
        *,
        reference: str,
        aware_at: datetime,
        ap_reference: str | None,
    ) -> LetterFacts:
        return cls(
            reference=reference,
            aware_on=aware_at.astimezone(LETTER_ZONE).date(),
            cause=content.cause,
            data_categories=content.data_categories,
            consequences=content.consequences,
            ap_reference=ap_reference,
        )


@dataclass(frozen=True)
class LetterRun:
    """What :func:`write_letters` wrote: counts and file paths (numbered, no names)."""

    letters: int
    files: tuple[Path, ...]


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("sluis.registers.letters", "templates"),
        autoescape=select_autoescape(["j2", "html"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


_ENV = _environment()


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise InputError(
            f"no letter template for language {language!r}; choose one of {', '.join(LANGUAGES)}"
        )


def _day(moment: date) -> str:
    return moment.strftime("%d-%m-%Y")


def render_html(
    language: str,
    recipient: Recipient,
    facts: LetterFacts,
    sender: Sender,
    helpdesk: Helpdesk,
    *,
    letter_date: date,
) -> str:
    """One letter as a complete HTML document."""
    _check_language(language)
    rtl = language in RTL_LANGUAGES
    template = _ENV.get_template(f"{language}.html.j2")
    return template.render(
        language=language,
        direction="rtl" if rtl else "ltr",
        # Our own constant, inserted into CSS: escaping would break the quotes.
        fonts=Markup(", ".join(ARABIC_FONTS if rtl else LATIN_FONTS)),
        recipient=recipient,
        facts=facts,
        sender=sender,
        helpdesk=helpdesk,
        letter_date=_day(letter_date),
        aware_date=_day(facts.aware_on),
    )


def render_pdf(html: str) -> bytes:
    """``html`` laid out on A4 pages as PDF, fonts embedded."""
    # Imported here: weasyprint loads pango at import, which only letters need.
    from weasyprint import HTML  # type: ignore[import-untyped]

    pdf = HTML(string=html).write_pdf()
    assert pdf is not None
    return bytes(pdf)


def read_recipients(path: Path) -> list[Recipient]:
    """Addressees from a CSV with a header: ``name`` (required), and as address lines
    ``address`` and/or ``street``, ``postcode`` with ``city``, and ``country`` (optional).
    A row without a name is refused, by row number."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = set(reader.fieldnames or ())
            if "name" not in columns:
                raise InputError(f"contacts file {path.name} has no 'name' column")
            recipients = []
            for number, row in enumerate(reader, start=2):
                name = (row.get("name") or "").strip()
                if not name:
                    raise InputError(f"contacts file {path.name}: row {number} has no name")
                lines = [row[c].strip() for c in _ADDRESS_COLUMNS if (row.get(c) or "").strip()]
                town = " ".join(
                    (row.get(c) or "").strip()
                    for c in ("postcode", "city")
                    if (row.get(c) or "").strip()
                )
                lines += [town] if town else []
                if (row.get("country") or "").strip():
                    lines.append((row.get("country") or "").strip())
                recipients.append(Recipient(name, tuple(lines)))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read contacts file {path.name}: {type(exc).__name__}") from None
    return recipients


def write_letters(
    recipients: Sequence[Recipient],
    language: str,
    facts: LetterFacts,
    sender: Sender,
    helpdesk: Helpdesk,
    out_dir: Path,
    *,
    letter_date: date,
    pdf: bool = False,
) -> LetterRun:
    """Write ``letter-00001-<language>.html`` (and ``.pdf``) per recipient into ``out_dir``."""
    _check_language(language)
    out_dir.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    for number, recipient in enumerate(recipients, start=1):
        html = render_html(language, recipient, facts, sender, helpdesk, letter_date=letter_date)
        stem = out_dir / f"letter-{number:05d}-{language}"
        html_path = stem.with_suffix(".html")
        html_path.write_text(html, encoding="utf-8")
        files.append(html_path)
        if pdf:
            pdf_path = stem.with_suffix(".pdf")
            pdf_path.write_bytes(render_pdf(html))
            files.append(pdf_path)
    return LetterRun(len(recipients), tuple(files))

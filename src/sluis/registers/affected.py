"""Who is affected by a breach, derived from data rather than typed by hand.

An :class:`AffectedSource` yields :class:`AffectedPersons`: the keyed pseudonymous ids
(:mod:`sluis.registers.pseudonym`) of the persons concerned, how many records held their
data, and a description of how the set was derived, which the breach register stores
beside it. Descriptions name sources, tables, columns and counts, never a value.

Built in: :class:`ScanSource` (every valid BSN in a leaked dataset), :class:`IdListSource`
(a file of raw ids), :class:`LedgerSource` (the persons in deliveries of the disclosure
ledger) and :class:`LogSource` (the persons whose data the processing log shows processed
under one activity in a period). Any other derivation is one function returning
pseudonyms, wrapped in :class:`FunctionSource`::

    FunctionSource("ids", "the persons of case file 17", lambda: pseudonyms)

All of them speak of persons by :func:`~sluis.registers.pseudonym.subject_pseudonym`: the
processing log pseudonymizes a raw ``data_subject_id`` with that very function, so a
person is one pseudonym whichever source names them, as long as every source was given
the same key and the same id type (a BSN in one and an A-nummer in another are two
pseudonyms).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from sluis.discover.cells import as_text
from sluis.discover.detectors.bsn import DETECTOR as BSN
from sluis.discover.detectors.bsn import normalize as normalize_bsn
from sluis.discover.scanner import ScanOptions, scan_source
from sluis.errors import InputError
from sluis.keys import Key
from sluis.model.schema import LogicalType
from sluis.registers import log_store
from sluis.registers.disclosure import deliveries_of, list_deliveries, persons_disclosed
from sluis.registers.processing_log import LogStateError, ProcessingLog
from sluis.registers.pseudonym import PSEUDONYM_HEX_DIGITS, subject_pseudonym
from sluis.registers.store import RegisterStore, to_text
from sluis.sources import DEFAULT_BATCH_ROWS, open_source, redact_url

_PSEUDONYM = re.compile(f"[0-9a-f]{{{PSEUDONYM_HEX_DIGITS}}}")
# Free-text BSNs count only at the scanner's bare-number score or above.
_TEXT_SCORE = 0.5
_TEXT_TYPES = frozenset({LogicalType.TEXT, LogicalType.JSON, LogicalType.OTHER})
_LISTED_COLUMNS = 20


@dataclass(frozen=True)
class Derivation:
    """How a set of affected persons was found: ``kind`` (``scan``, ``ids``, ``ledger``,
    ``processing-log``) and a sentence naming the source and counts."""

    kind: str
    description: str


@dataclass(frozen=True)
class AffectedPersons:
    """Pseudonymous ids of the persons concerned; ``records``: rows holding their data,
    when the source can tell."""

    subject_ids: frozenset[str]
    derivation: Derivation
    records: int | None = None

    def __post_init__(self) -> None:
        for subject in self.subject_ids:
            if _PSEUDONYM.fullmatch(subject) is None:
                # Refuses raw identifiers that would otherwise land in the register.
                raise InputError(
                    f"an affected-persons source ({self.derivation.kind}) gave an id that is "
                    f"not a {PSEUDONYM_HEX_DIGITS}-hex-digit pseudonym; pseudonymize with "
                    "sluis.registers.pseudonym.subject_pseudonym first"
                )
        if not self.derivation.kind.strip() or not self.derivation.description.strip():
            raise InputError("a derivation needs a kind and a description")

    @property
    def persons(self) -> int:
        return len(self.subject_ids)


class AffectedSource(Protocol):
    """Anything that can say which persons a breach affects."""

    def derive(self) -> AffectedPersons: ...


@dataclass(frozen=True)
class FunctionSource:
    """Adapter: one function returning pseudonymous ids becomes an :class:`AffectedSource`."""

    kind: str
    description: str
    subjects: Callable[[], Iterable[str]]
    records: Callable[[], int | None] = lambda: None

    def derive(self) -> AffectedPersons:
        return AffectedPersons(
            frozenset(self.subjects()), Derivation(self.kind, self.description), self.records()
        )


@dataclass(frozen=True)
class ScanSource:
    """Every valid BSN (11-proef) in the dataset at ``url``: whole cells of the columns the
    scanner classifies as BSN, and BSNs inside free text of the other text columns.

    ``tables`` limits the scan (empty: every table). A record is a row holding at least one
    BSN. Columns of look-alikes (case numbers that pass the 11-proef) are left out.
    """

    url: str
    key: Key
    tables: tuple[str, ...] = ()
    batch_rows: int = DEFAULT_BATCH_ROWS

    def derive(self) -> AffectedPersons:
        subjects: set[str] = set()
        records = rows = 0
        hit_columns: set[str] = set()
        with open_source(self.url) as source:
            schema = source.schema()
            missing = sorted(set(self.tables) - {t.name for t in schema.tables})
            if missing:
                raise InputError(f"table {missing[0]!r} is not in the dataset")
            tables = [t for t in schema.tables if not self.tables or t.name in self.tables]
            # The scanner tells BSN columns from look-alikes (case numbers that pass the
            # 11-proef); whole cells count only in BSN columns, free text everywhere else.
            found = scan_source(source, ScanOptions(tables=tuple(t.name for t in tables)))
            for table, finding in zip(tables, found.tables, strict=True):
                cells_in = {c.name for c in finding.columns if c.category == BSN.category}
                text_in = {
                    c.name
                    for c in table.columns
                    if c.type in _TEXT_TYPES
                    and c.name not in cells_in
                    and not any(
                        BSN.category in f.look_alike for f in finding.columns if f.name == c.name
                    )
                }
                columns = [c.name for c in table.columns if c.name in cells_in | text_in]
                if not columns:
                    continue
                for batch in source.batches(table.name, columns, batch_rows=self.batch_rows):
                    rows += batch.num_rows
                    cells = [batch.column(i).to_pylist() for i in range(len(columns))]
                    for row in range(batch.num_rows):
                        hit = False
                        for name, column in zip(columns, cells, strict=True):
                            text = as_text(column[row])
                            bsns = _cell_bsn(text) if name in cells_in else _text_bsns(text)
                            if bsns:
                                hit = True
                                hit_columns.add(f"{table.name}.{name}")
                                subjects.update(subject_pseudonym(self.key, "bsn", b) for b in bsns)
                        records += hit
        listed = sorted(hit_columns)
        shown = ", ".join(listed[:_LISTED_COLUMNS])
        if len(listed) > _LISTED_COLUMNS:
            shown += f" and {len(listed) - _LISTED_COLUMNS} more"
        description = (
            f"scan of {redact_url(self.url)}: {len(tables)} tables, {rows} rows read, "
            f"{records} records with a valid BSN, {len(subjects)} distinct persons"
            + (f"; BSNs in {shown}" if shown else "")
        )
        return AffectedPersons(frozenset(subjects), Derivation("scan", description), records)


def _cell_bsn(text: str | None) -> list[str]:
    if text is None or not BSN.matches(text):
        return []
    digits = normalize_bsn(text)
    return [digits] if digits is not None else []


def _text_bsns(text: str | None) -> list[str]:
    if text is None or len(text) <= 9:  # a bare number is a cell, not text
        return []
    return [
        text[span.start : span.end].replace(".", "").replace(" ", "").zfill(9)
        for span in BSN.find(text)
        if span.score >= _TEXT_SCORE
    ]


@dataclass(frozen=True)
class IdListSource:
    """A text file of raw ids, one per line (blank lines and ``#`` comments skipped).

    For ``id_type`` ``bsn`` every line must pass the 11-proef; a file with a bad line is
    refused as a whole, naming line numbers only. Records are not known (``None``).
    """

    path: Path
    key: Key
    id_type: str = "bsn"

    def derive(self) -> AffectedPersons:
        try:
            lines = self.path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(
                f"cannot read id list {self.path.name}: {type(exc).__name__}"
            ) from None
        ids: list[str] = []
        bad: list[int] = []
        for number, line in enumerate(lines, start=1):
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            if self.id_type.lower() == "bsn" and not BSN.matches(text):
                bad.append(number)
                continue
            ids.append(text)
        if bad:
            shown = ", ".join(str(n) for n in bad[:10])
            raise InputError(
                f"id list {self.path.name}: {len(bad)} lines are not a valid BSN "
                f"(lines {shown}{', ...' if len(bad) > 10 else ''}); fix or remove them"
            )
        subjects = frozenset(subject_pseudonym(self.key, self.id_type, i) for i in ids)
        description = (
            f"list of {self.id_type} ids in {self.path.name}: {len(ids)} lines, "
            f"{len(subjects)} distinct persons"
        )
        return AffectedPersons(subjects, Derivation("ids", description))


@dataclass(frozen=True)
class LedgerFilter:
    """Which deliveries of the disclosure ledger count; every field given narrows them
    (as in :func:`~sluis.registers.disclosure.persons_disclosed`). At least one is required:
    "everyone ever disclosed" is never the set a breach affects."""

    batch: str | None = None
    recipient: str | None = None
    activity_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    categories: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.describe_parts():
            raise InputError(
                "the disclosure ledger needs at least one filter (batch, recipient, activity, "
                "since, until or category); refusing every person ever disclosed"
            )
        check_period(self.since, self.until)

    def describe_parts(self) -> list[str]:
        """The filters in words (names of batches, recipients and activities; no persons)."""
        parts = [
            f"{label} {value!r}"
            for label, value in (
                ("batch", self.batch),
                ("to", self.recipient),
                ("activity", self.activity_id),
            )
            if value is not None
        ]
        if self.categories:
            parts.append("categories " + ", ".join(sorted(set(self.categories))))
        if self.since is not None or self.until is not None:
            parts.append(period_text(self.since, self.until))
        return parts


@dataclass(frozen=True)
class LedgerSource:
    """The persons whose data went out in the deliveries ``filters`` selects, to any
    recipient. An unknown batch or recipient is an :class:`InputError` (a typo would
    otherwise register nobody). Records are not known (``None``)."""

    store: RegisterStore
    filters: LedgerFilter

    def derive(self) -> AffectedPersons:
        f = self.filters
        if f.batch is not None:
            deliveries_of(self.store, batch=f.batch)
        if f.recipient is not None and not list_deliveries(self.store, recipient=f.recipient):
            raise InputError(f"no delivery to {f.recipient!r} is in the ledger")
        found = persons_disclosed(
            self.store,
            batch=f.batch,
            recipient=f.recipient,
            since=f.since,
            until=f.until,
            categories=f.categories or None,
            activity_id=f.activity_id,
        )
        subjects = frozenset(s for persons in found.values() for s in persons)
        listed = [f"{name} {len(found[name])}" for name in sorted(found)]
        shown = ", ".join(listed[:_LISTED_COLUMNS])
        if len(listed) > _LISTED_COLUMNS:
            shown += f" and {len(listed) - _LISTED_COLUMNS} more"
        description = (
            f"disclosure ledger, deliveries with {'; '.join(f.describe_parts())}: "
            f"{_count(len(found), 'recipient')}, {_count(len(subjects), 'distinct person')}"
            + (f"; persons per recipient: {shown}" if shown else "")
        )
        return AffectedPersons(subjects, Derivation("ledger", description))


@dataclass(frozen=True)
class LogSource:
    """The persons whose data the processing log in ``store`` shows processed under
    ``activity_id`` (any version) by records starting in ``[since, until)``.

    The log holds keyed pseudonyms (its raw ids were pseudonymized with the key given to
    ``sluis log append``); they join with the other sources' when that key is the
    register key. Records without a subject are skipped; records whose payload retention
    deleted can no longer be read, which the description says when it matters. Records
    of data are not known (``None``): a log record is a processing, not a stored record.
    """

    store: RegisterStore
    activity_id: str
    since: datetime | None = None
    until: datetime | None = None

    def derive(self) -> AffectedPersons:
        check_period(self.since, self.until)
        if not log_store.has_schema(self.store):
            raise LogStateError(
                "the register database holds no processing log; create it with "
                "'sluis log init' on the same database and append records first"
            )
        # Reading needs no key: the log stores pseudonyms only, so a throwaway key serves.
        log = ProcessingLog(self.store, Key.generate())
        if not any(a.uri == self.activity_id for a in log.activities()):
            raise InputError(
                f"activity {self.activity_id!r} is not in the processing log's register; "
                "'sluis log activities' lists them"
            )
        where, params = "activity_id = ? AND subject IS NOT NULL", [self.activity_id]
        if self.since is not None:
            where += " AND start_time >= ?"
            params.append(to_text(self.since))
        if self.until is not None:
            where += " AND start_time < ?"
            params.append(to_text(self.until))
        subjects: set[str] = set()
        id_types: Counter[str] = Counter()
        records = 0
        for stored in log.records(where, params):
            if stored.record.subject_id is None:
                continue
            records += 1
            subjects.add(stored.record.subject_id)
            id_types[stored.record.subject_id_type or "unknown"] += 1
        types = ", ".join(f"{name} {count}" for name, count in sorted(id_types.items()))
        description = (
            f"processing log, activity {self.activity_id!r}, records starting "
            f"{period_text(self.since, self.until)}: {_count(records, 'record')} about "
            f"{_count(len(subjects), 'distinct person')}"
            + (f" (subject id types: {types})" if types else "")
            + self._retention_note(log)
        )
        return AffectedPersons(frozenset(subjects), Derivation("processing-log", description))

    def _retention_note(self, log: ProcessingLog) -> str:
        """A warning when retention deleted payloads that may lie in the period: the log
        does not keep when a deleted record started, only that it came before the oldest
        payload left."""
        rows = self.store.execute("SELECT COUNT(*), MIN(start_time) FROM log_payloads")
        present, oldest = int(rows[0][0]), rows[0][1]
        deleted = log.size() - present
        if deleted <= 0:
            return ""
        if oldest is not None and self.since is not None and to_text(self.since) >= oldest:
            return ""
        before = ""
        if oldest is not None:
            before = f" that started before {_minute(datetime.fromisoformat(oldest))}"
        return (
            f"; retention deleted {_count(deleted, 'record')} of the log{before}, whose "
            "persons cannot be counted"
        )


def check_period(since: datetime | None, until: datetime | None) -> None:
    """Refuse a period that ends before it starts, or a time without a zone."""
    for name, moment in (("since", since), ("until", until)):
        if moment is not None and moment.tzinfo is None:
            raise InputError(f"{name} must carry a time zone")
    if since is not None and until is not None and until <= since:
        raise InputError("the period ends before it starts: until must lie after since")


def period_text(since: datetime | None, until: datetime | None) -> str:
    """``[since, until)`` in words, UTC to the minute."""
    parts = []
    if since is not None:
        parts.append(f"from {_minute(since)}")
    if until is not None:
        parts.append(f"before {_minute(until)}")
    return " ".join(parts) or "at any time"


def _minute(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"

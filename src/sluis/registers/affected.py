"""Who is affected by a breach, derived from data rather than typed by hand.

An :class:`AffectedSource` yields :class:`AffectedPersons`: the keyed pseudonymous ids
(:mod:`sluis.registers.pseudonym`) of the persons concerned, how many records held their
data, and a description of how the set was derived, which the breach register stores
beside it. Descriptions name sources, tables, columns and counts, never a value.

Built in: :class:`ScanSource` (every valid BSN in a leaked dataset) and :class:`IdListSource`
(a file of raw ids). Any other derivation (the disclosure ledger, the processing log) is
one function returning pseudonyms, wrapped in :class:`FunctionSource`::

    FunctionSource("ledger", "disclosed to municipality X in 2023",
                   lambda: persons_disclosed(store, recipient="X"))
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sluis.discover.cells import as_text
from sluis.discover.detectors.bsn import DETECTOR as BSN
from sluis.discover.detectors.bsn import normalize as normalize_bsn
from sluis.discover.scanner import ScanOptions, scan_source
from sluis.errors import InputError
from sluis.keys import Key
from sluis.model.schema import LogicalType
from sluis.registers.pseudonym import PSEUDONYM_HEX_DIGITS, subject_pseudonym
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

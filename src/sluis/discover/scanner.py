"""The scan: classify every column of every table of a source.

For each column the scanner weighs three kinds of evidence and writes each down as a
pattern or percentage, never a value:

* the column name (``vocabulary``), strong or weak, or a word that says "not personal";
* the values of a sample: for every detector, the share of non-empty cells it matches;
* for free text, JSON and documents, the entities found inside them (``content``).

Checksum-backed detectors decide a column on their own; detectors whose pattern is weak
(``needs_context``) count only when the column name agrees.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyarrow as pa

from sluis.discover import content, values
from sluis.discover.vocabulary import STRONG, NameHint, hint
from sluis.errors import InputError, MissingTableError
from sluis.model.privacy_map import ColumnFinding, PrivacyMap, TableFinding
from sluis.model.schema import Column, LogicalType, Table
from sluis.sources import Source, open_source, redact_url

# Share of sampled cells a detector must match to classify a column by values alone.
VALUE_THRESHOLD = 0.8
# Share enough when the column name already points to the same category.
AGREEING_THRESHOLD = 0.3

ProgressHook = Callable[[str, int, int], None]


@dataclass(frozen=True)
class ScanOptions:
    """``sample_rows`` cells are read per column; container columns of tables with at most
    ``full_pass_rows`` rows are read in full when the sample shows nothing."""

    sample_rows: int = 2_000
    full_pass_rows: int = 100_000
    tables: tuple[str, ...] = ()


def scan(
    url: str,
    options: ScanOptions = ScanOptions(),
    progress: ProgressHook | None = None,
) -> PrivacyMap:
    """Classify every column of every table of the source at ``url``."""
    with open_source(url) as source:
        return scan_source(source, options, progress)


def scan_source(
    source: Source, options: ScanOptions = ScanOptions(), progress: ProgressHook | None = None
) -> PrivacyMap:
    """Like :func:`scan` for an already open source."""
    schema = source.schema()
    if not schema.tables:
        raise InputError(
            f"the source {redact_url(source.url)} has no tables; check that the URL names "
            "the right database or folder"
        )
    tables = [t for t in schema.tables if not options.tables or t.name in options.tables]
    missing = set(options.tables) - {t.name for t in schema.tables}
    if missing:
        raise MissingTableError(
            f"table {sorted(missing)[0]!r} is not in the source; run 'sluis scan' without "
            "--table to list the tables"
        )
    findings = []
    for number, table in enumerate(tables, start=1):
        if progress is not None:
            progress(table.name, number, len(tables))
        findings.append(_scan_table(source, table, options))
    return PrivacyMap(source=redact_url(source.url), tables=tuple(findings))


def _scan_table(source: Source, table: Table, options: ScanOptions) -> TableFinding:
    rows = source.row_count(table.name)
    sample = _read(source, table.name, options.sample_rows)
    key_columns = _key_columns(table)
    columns = []
    for column in table.columns:
        cells = sample.column(column.name) if sample is not None else pa.nulls(0)
        finding = classify_column(column, cells, is_key=column.name in key_columns)
        if (
            finding.category is None
            and content.is_container(column, cells)
            and options.sample_rows < rows <= options.full_pass_rows
        ):
            full = _read(source, table.name, None, (column.name,))
            if full is not None:
                finding = classify_column(column, full.column(column.name), is_key=False)
        columns.append(finding)
    return TableFinding(name=table.name, rows=rows, columns=tuple(columns))


def _read(
    source: Source, table: str, limit: int | None, columns: Sequence[str] | None = None
) -> pa.Table | None:
    batches = list(source.batches(table, columns, limit=limit))
    if not batches:
        return None
    return pa.Table.from_batches(batches)


def _key_columns(table: Table) -> set[str]:
    """Integer surrogate keys: the primary key and the local side of foreign keys."""
    keys = set(table.primary_key)
    for fk in table.foreign_keys:
        keys.update(fk.columns)
    return keys


def classify_column(
    column: Column, cells: pa.Array | pa.ChunkedArray, *, is_key: bool
) -> ColumnFinding:
    """Classify one column from its name, type and sampled cells."""
    name = hint(column.name)
    evidence: list[str] = []
    if name.category is not None:
        evidence.append(f"name:{name.word}")
    elif name.not_personal:
        evidence.append(f"name:{name.word} (not personal)")

    if is_key and column.type is LogicalType.INTEGER and name.category is None:
        return ColumnFinding(column.name, column.type.value, None, 0.9, ("key column",))

    # A text column whose name says exactly what it holds (``adres``) is that, even when
    # its cells read like free text; JSON and documents are always searched.
    named_text = (
        column.type is LogicalType.TEXT
        and name.category not in (None, "text.contains_pii")
        and name.strength >= STRONG
    )
    if not named_text and content.is_container(column, cells):
        found = content.inspect(column, cells)
        if found.personal:
            evidence.extend(found.evidence)
            return ColumnFinding(
                column.name,
                column.type.value,
                found.container_category,
                found.confidence,
                tuple(evidence),
                tuple(sorted(found.categories)),
            )
        if name.category == "text.contains_pii" or name.category is None:
            evidence.extend(found.evidence)
            return ColumnFinding(column.name, column.type.value, None, 0.7, tuple(evidence))

    shares = values.detector_shares(column, cells)
    evidence.extend(values.describe(shares))
    category, confidence = _decide(name, shares)
    return ColumnFinding(column.name, column.type.value, category, confidence, tuple(evidence))


def _decide(name: NameHint, shares: values.Shares) -> tuple[str | None, float]:
    """Combine name and value evidence into a category and a confidence."""
    named = name.category if name.category != "text.contains_pii" else None
    if shares.empty:
        # Nothing to look at: trust the name alone (fail closed).
        return (named, 0.5 * name.strength + 0.2) if named else (None, 0.5)
    if named is not None:
        agreeing = shares.share(named)
        if agreeing >= AGREEING_THRESHOLD or name.strength >= STRONG:
            return named, min(1.0, 0.5 * name.strength + 0.5 * max(agreeing, 0.5))
    best, share = shares.best(standalone_only=True)
    imitated = shares.looks_sequential and best in values.NUMERIC_IDS
    if best is not None and share >= VALUE_THRESHOLD and not name.not_personal and not imitated:
        return best, share * shares.weight(best)
    if shares.birth_like and name.meaningless:
        return "person.birth_date", 0.7
    # No category, or a weak name the values contradict.
    return None, 0.6 if named else max(0.5, 1.0 - share)

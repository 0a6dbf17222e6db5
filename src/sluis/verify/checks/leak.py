"""V1 leak: no value of a personal source column survives anywhere in the target.

Pass one fingerprints the source (see :mod:`sluis.verify.fingerprints`) into two sets:

* **identifiers** (BSN, V-nummer, e-mail, phone, IBAN, ... from identifier columns, from
  cells any identifier detector recognizes, and from identifiers found inside free text,
  JSON and documents);
* **personal values** (names, streets, addresses from person and address columns, full
  names composed from first name, prefix and surname columns, and the person names and
  streets detectors find inside free text, JSON and documents).

Pass two reads every cell of every target column, whole, token by token and as runs of up
to four tokens, beside the source row at the same scan position:

* in a column the policy copies (``keep``) or does not name, any match with either set is
  a leak (for personal values: whole cells and runs of tokens; a lone first name inside a
  kept text is too common to mean anything), except a look-alike of a category in the rule's
  ``allow`` (company names that hold a surname), which a reviewer confirmed and is not
  counted;
* in free text, JSON or documents, a name that by its context names an organization
  ("Deurwaarderskantoor De Groot & Visser", "Van Dijk Loodgieters") is no leak, nor a
  coincidence: the finder keeps it, as it is no person's;
* in a column the policy transforms, an identifier of the same source row, or a whole
  value or run of words of the same column in that row, is a leak (it was not replaced);
  another person's identifier, or a lone word found elsewhere in the row (but for a
  dictionary word: "kosten" in a letter is the word, also where someone is named Kosten), is a
  coincidence: keyed fakes land on real values at a rate of about n / (size of the value
  space). More identifier coincidences than that rate explains (three standard deviations
  over ``IDENTIFIER_SPACE``), or name coincidences above ``coincidence_share`` (20 %) of
  a column's cells, fail too: copied, shuffled or misaligned values do not stay that rare.

An organization's contact point in a contact column (a role mailbox such as
``klantenservice@…``, a service number such as ``088 …``) is not a person's: the finder keeps
it in free text, so it is not fingerprinted either.

Dates, genders, nationalities, places and house numbers are not fingerprinted: many people
share them and fakes repeat them, so their risk is what the re-identification check (V5)
measures.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import multiprocessing.queues
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

import pyarrow as pa

from sluis.discover import lexicon
from sluis.discover.detectors import Detector, all_detectors
from sluis.discover.text import find_entities, organization_names
from sluis.discover.text_filters import is_organizations_contact
from sluis.discover.vocabulary import hint
from sluis.model.policy import JsonRule, Keep, RedactText, ReplaceBlob, Rule
from sluis.model.schema import LogicalType, Table
from sluis.verify.checks.rescan import may_hold_identifier
from sluis.verify.context import (
    PERSONAL_CATEGORIES,
    VerifyContext,
    cell_text,
    column_texts,
    is_identifier,
)
from sluis.verify.fingerprints import Fingerprinter, FingerprintKey, FingerprintSet, SetBuilder
from sluis.verify.report import CheckResult, Finding, finding_rows
from sluis.workers import start_method

CODE = "V1"
NAME = "leak"

_NAME_PARTS = ("person.first_name", "person.name_prefix", "person.last_name")
_NAMES = frozenset({*_NAME_PARTS, "person.name"})
_GIVEN_NAME = "person.first_name"
_MIN_HINT = 0.8
# Share of a column's cells an identifier detector must match to make it an identifier column.
_IDENTIFIER_COLUMN = 0.5
# The smallest space keyed identifier fakes are drawn from (valid onderwijsnummers, about
# 900,000); chance coincidences beyond what it explains fail the check.
IDENTIFIER_SPACE = 10**6


@dataclass(frozen=True)
class _SourceColumn:
    name: str
    category: str | None
    container: bool


@dataclass
class _Hits:
    count: int = 0
    rows: list[int] = field(default_factory=list)


def run(ctx: VerifyContext) -> CheckResult:
    fingerprinter = Fingerprinter(ctx.key, lexicon.stopwords() | lexicon.common_words())
    identifiers, personal = _build_sets(ctx, fingerprinter)
    sets = _Sets(fingerprinter, identifiers, personal)
    leaks: dict[tuple[str, str, str], _Hits] = defaultdict(_Hits)
    coincidences: dict[tuple[str, str, bool], _Hits] = defaultdict(_Hits)
    filled: dict[tuple[str, str], int] = defaultdict(int)
    cells = 0
    for target_table in ctx.target_schema.tables:
        cells += _scan_table(ctx, target_table, sets, leaks, coincidences, filled)
    findings = [
        Finding("value of the source", table, column, category, hits.count, finding_rows(hits.rows))
        for (table, column, category), hits in sorted(leaks.items())
    ]
    notes: list[str] = []
    too_many = 0
    for (table, column, is_id), hits in sorted(coincidences.items()):
        cells_filled = max(1, filled[(table, column)])
        if is_id:
            # Keyed fakes land on real identifiers about cells * known / space times.
            expected = cells_filled * len(identifiers) / IDENTIFIER_SPACE
            excessive = hits.count > expected + 3 * math.sqrt(expected)
        else:
            excessive = hits.count / cells_filled > ctx.options.coincidence_share
        if excessive:
            too_many += 1
            findings.append(
                Finding(
                    f"cells equal to other people's {'identifiers' if is_id else 'names'}: "
                    f"{hits.count} of {cells_filled}, more than keyed fakes explain (copied or "
                    "shuffled values?)",
                    table,
                    column,
                    None,
                    hits.count,
                    finding_rows(hits.rows),
                )
            )
        else:
            notes.append(
                f"{table}.{column}: {hits.count} cells equal another person's value by chance "
                "(keyed fakes in a finite value space); below the limit"
            )
    counts = {
        "source_identifier_fingerprints": len(identifiers),
        "source_personal_fingerprints": len(personal),
        "target_cells_scanned": cells,
        "leaking_cells": sum(h.count for h in leaks.values()),
        "coincidences": sum(h.count for h in coincidences.values()),
    }
    return CheckResult(
        CODE, NAME, not leaks and not too_many, counts, tuple(findings), tuple(notes)
    )


# -- pass one: the source -------------------------------------------------------------


def _is_container(column_type: LogicalType, rule: Rule | None) -> bool:
    if isinstance(rule, RedactText | JsonRule | ReplaceBlob):
        return True
    return column_type in (LogicalType.JSON, LogicalType.BLOB)


def _source_columns(ctx: VerifyContext, table: Table) -> list[_SourceColumn]:
    """The columns the policy transforms (the personal ones), with their category."""
    out = []
    for column in table.columns:
        rule = ctx.policy.rule(table.name, column.name)
        if isinstance(rule, Keep):
            continue
        category = getattr(rule, "category", None)
        if category is None:
            named = hint(column.name)
            category = named.category if named.strength >= _MIN_HINT else None
        out.append(_SourceColumn(column.name, category, _is_container(column.type, rule)))
    return out


@cache
def _value_detectors() -> list[Detector]:
    return [d for d in all_detectors() if is_identifier(d.category) and not d.needs_context]


class _Sink(Protocol):
    def add(self, fingerprints: Iterable[int], category: str) -> None: ...


class _Pairs:
    """Fingerprints per category, as a worker collects them for the main process's sets."""

    def __init__(self) -> None:
        self.by_category: dict[str, list[int]] = defaultdict(list)

    def add(self, fingerprints: Iterable[int], category: str) -> None:
        self.by_category[category].extend(fingerprints)


@dataclass
class _Collected:
    """One source batch's fingerprints and the prefilter bits its values set."""

    identifiers: _Pairs
    personal: _Pairs
    fingerprinter: Fingerprinter


def _build_sets(
    ctx: VerifyContext, fingerprinter: Fingerprinter
) -> tuple[FingerprintSet, FingerprintSet]:
    """Pass one: every source batch fingerprinted here, or on ``workers`` processes whose
    fingerprints and prefilter bits are merged in source order."""
    identifiers, personal = SetBuilder(), SetBuilder()
    detected: dict[str, str | None] = {}
    batch_rows = ctx.options.batch_rows
    pool: ProcessPoolExecutor | None = None
    try:
        for table in ctx.source_schema.tables:
            columns = _source_columns(ctx, table)
            if not columns:
                continue
            batches = ctx.source.batches(
                table.name, [c.name for c in columns], batch_rows=batch_rows
            )
            if ctx.options.workers <= 1 or ctx.source.row_count(table.name) <= batch_rows:
                for batch in batches:
                    if len(detected) > 200_000:
                        detected.clear()
                    _collect(columns, batch, fingerprinter, identifiers, personal, detected)
                continue
            if pool is None:
                pool = ProcessPoolExecutor(ctx.options.workers, mp_context=start_method())
            pending: deque[Future[_Collected]] = deque()
            for batch in batches:
                pending.append(pool.submit(_collect_in_worker, columns, batch, fingerprinter.key))
                if len(pending) >= 2 * ctx.options.workers:
                    _merge(pending.popleft().result(), fingerprinter, identifiers, personal)
            while pending:
                _merge(pending.popleft().result(), fingerprinter, identifiers, personal)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return identifiers.build(), personal.build()


def _collect_in_worker(
    columns: list[_SourceColumn], batch: pa.RecordBatch, key: FingerprintKey
) -> _Collected:
    collected = _Collected(_Pairs(), _Pairs(), Fingerprinter(key))
    _collect(columns, batch, collected.fingerprinter, collected.identifiers, collected.personal)
    return collected


def _merge(
    collected: _Collected,
    fingerprinter: Fingerprinter,
    identifiers: SetBuilder,
    personal: SetBuilder,
) -> None:
    fingerprinter.merge(collected.fingerprinter)
    for pairs, builder in ((collected.identifiers, identifiers), (collected.personal, personal)):
        for category, fps in pairs.by_category.items():
            builder.add(fps, category)


def _collect(
    columns: list[_SourceColumn],
    batch: pa.RecordBatch,
    fingerprinter: Fingerprinter,
    identifiers: _Sink,
    personal: _Sink,
    detected: dict[str, str | None] | None = None,
) -> None:
    """Fingerprint one source batch's personal values into the two sets."""
    detected = {} if detected is None else detected
    detectors = _value_detectors()
    values = [column_texts(batch.column(i)) for i in range(len(columns))]
    for column, cells in zip(columns, values, strict=True):
        present = [text for text in cells if text is not None]
        # Fingerprints are a set: each distinct value of the batch is added once.
        if column.container:
            for text in dict.fromkeys(present):
                _add_container(text, fingerprinter, identifiers, personal)
            continue
        if is_identifier(column.category) or column.category in PERSONAL_CATEGORIES:
            target = identifiers if is_identifier(column.category) else personal
            code = str(column.category)
            for text in dict.fromkeys(present):
                if not is_organizations_contact(code, text):
                    target.add(fingerprinter.register(text), code)
            continue
        looked_up: list[tuple[str, str]] = []
        filled = len(present)
        # Past this many cells that are no identifier, the column cannot become one.
        misses_allowed = filled - _IDENTIFIER_COLUMN * filled
        misses = 0
        for text in present:
            category = detected.get(text, "")
            if category == "":
                category = (
                    next((d.category for d in detectors if d.matches(text)), None)
                    if may_hold_identifier(text)
                    else None
                )
                detected[text] = category
            if category is not None:
                looked_up.append((text, category))
            else:
                misses += 1
                if misses > misses_allowed:
                    break
        # A column of other things where a few cells pass a checksum by chance
        # (dates as 19850312 pass the 11-proef one time in eleven) holds none.
        if misses <= misses_allowed and len(looked_up) >= _IDENTIFIER_COLUMN * filled:
            for text, category in dict.fromkeys(looked_up):
                identifiers.add(fingerprinter.register(text), category)
    # The same person's name recurs from row to row: each distinct name is added once.
    for name in dict.fromkeys(_full_names(columns, values)):
        personal.add(fingerprinter.register(name), "person.name")


def _full_names(columns: list[_SourceColumn], values: list[list[str | None]]) -> Iterator[str]:
    """First names, prefix and surname of one row joined, in column order."""
    parts = [i for i, c in enumerate(columns) if c.category in _NAME_PARTS]
    if len(parts) < 2:
        return
    for row in zip(*(values[i] for i in parts), strict=True):
        words = [v for v in row if v is not None]
        if len(words) >= 2:
            yield " ".join(words)


def _add_container(
    text: str, fingerprinter: Fingerprinter, identifiers: _Sink, personal: _Sink
) -> None:
    for span in find_entities(text):
        found = text[span.start : span.end]
        if is_identifier(span.category):
            identifiers.add(fingerprinter.register(found), span.category)
        elif span.category in PERSONAL_CATEGORIES:
            personal.add(fingerprinter.register(found), span.category)
    if text[:1] in "{[":
        for key, leaf in _json_leaves(text):
            named = hint(key)
            if named.strength < _MIN_HINT:
                continue
            if is_identifier(named.category):
                identifiers.add(fingerprinter.register(leaf), str(named.category))
            elif named.category in PERSONAL_CATEGORIES:
                personal.add(fingerprinter.register(leaf), str(named.category))


def _json_leaves(text: str) -> Iterator[tuple[str, str]]:
    try:
        document = json.loads(text)
    except ValueError:
        return
    stack: list[tuple[str, object]] = [("", document)]
    while stack:
        key, node = stack.pop()
        if isinstance(node, dict):
            stack.extend((str(k), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((key, v) for v in node)
        elif isinstance(node, str | int | float) and not isinstance(node, bool):
            yield key, str(node)


# -- pass two: the target -------------------------------------------------------------


def _source_rows(ctx: VerifyContext, table: str) -> Iterator[tuple[object, ...]]:
    """The personal cells of each source row, in scan order (nothing for a new table)."""
    source_table = ctx.source_table(table)
    if source_table is None:
        return
    names = [c.name for c in _source_columns(ctx, source_table)]
    if not names:
        while True:
            yield ()
    for batch in ctx.source.batches(table, names, batch_rows=ctx.options.batch_rows):
        yield from zip(*(batch.column(i).to_pylist() for i in range(len(names))), strict=True)


@dataclass
class _SourceRow:
    """One source row's fingerprints: every piece of any personal cell, and per column the
    whole cell and runs of tokens (what survives when a cell was not replaced)."""

    every: set[int]
    structural: dict[str, set[int]]
    names: set[int]  # the whole cells of the row's name columns


def _row_fingerprints(
    row: tuple[object, ...],
    columns: list[_SourceColumn],
    fingerprinter: Fingerprinter,
    cache: dict[str, tuple[set[int], set[int]]],
) -> _SourceRow:
    """``cache`` holds the pieces of source cells seen before: towns, given names and
    template notes repeat from row to row."""
    every: set[int] = set()
    structural: dict[str, set[int]] = {}
    names: set[int] = set()
    for column, value in zip(columns, row, strict=False):
        # What cell_text gives, without its type tests for the common case, text.
        text = (value.strip() or None) if type(value) is str else cell_text(value)
        if text is not None:
            parts = cache.get(text)
            if parts is None:
                parts = cache[text] = fingerprinter.of_cell(text, every=True)
            pieces, runs = parts
            every |= pieces
            structural[column.name] = runs
            if column.category in _NAMES:
                names |= runs
    return _SourceRow(every, structural, names)


def _judge(
    fp: int, row: _SourceRow | None, column: str, is_id: bool, copied: bool, category: str
) -> str | None:
    """A leak's category, ``"coincidence"``, or ``None`` for a match that means nothing.

    Kept columns: every match leaks, a given name alone only when it is the row's own.
    Transformed columns: an identifier of the same
    source row, or a whole value or run of words of the same column in that row, leaks;
    another person's identifier, or a lone word that also occurs elsewhere in the row
    (a fake first name equal to a name in the original letter), is a coincidence.
    """
    if copied and category == _GIVEN_NAME and row is not None:
        # A given name alone in a kept column ("edit" among actions, "Rose" a colour) leaks
        # when it is the row's own; a column of given names is the rescan's to find.
        return category if fp in row.names else None
    if copied or row is None:
        return category
    if is_id:
        return category if fp in row.every else "coincidence"
    if fp in row.structural.get(column, ()):
        return category
    return "coincidence" if fp in row.every else None


@dataclass(frozen=True)
class _TableScan:
    """What judging any batch of one target table needs, besides its rows."""

    table: str
    names: tuple[str, ...]
    copied: tuple[bool, ...]
    # Look-alikes a reviewer confirmed (case numbers that pass the 11-proef, company names
    # that hold a surname) equal a real value only by chance: they are not counted.
    allowed: tuple[frozenset[str], ...]
    # Free text, JSON, documents: a name the finder reads as an organization's may stay.
    containers: tuple[bool, ...]
    source_columns: tuple[_SourceColumn, ...]


@dataclass(frozen=True)
class _Sets:
    """The run's fingerprinter and the two source sets: what every batch is compared with."""

    fingerprinter: Fingerprinter
    identifiers: FingerprintSet
    personal: FingerprintSet


@dataclass
class _BatchResult:
    cells: int
    filled: list[int]
    # (kind: a category or "coincidence", column index, is identifier, category, row number)
    hits: list[tuple[str, int, bool, str, int]]


def _scan_table(
    ctx: VerifyContext,
    table: Table,
    sets: _Sets,
    leaks: dict[tuple[str, str, str], _Hits],
    coincidences: dict[tuple[str, str, bool], _Hits],
    filled: dict[tuple[str, str], int],
) -> int:
    names = tuple(c.name for c in table.columns)
    rules = [ctx.policy.rule(table.name, n) for n in names]
    source_table = ctx.source_table(table.name)
    scan = _TableScan(
        table.name,
        names,
        tuple(isinstance(rule, Keep | None) for rule in rules),
        tuple(frozenset(rule.allow) if isinstance(rule, Keep) else frozenset() for rule in rules),
        tuple(
            _is_container(column.type, rule)
            for column, rule in zip(table.columns, rules, strict=True)
        ),
        tuple(_source_columns(ctx, source_table)) if source_table else (),
    )
    batch_rows = ctx.options.batch_rows
    parallel = ctx.options.workers > 1 and ctx.target.row_count(table.name) > batch_rows
    source_rows = _source_rows(ctx, table.name)

    def batches() -> Iterator[tuple[pa.RecordBatch, list[tuple[object, ...]], int]]:
        position = 0
        for batch in ctx.target.batches(table.name, list(names), batch_rows=batch_rows):
            yield batch, [next(source_rows, ()) for _ in range(batch.num_rows)], position
            position += batch.num_rows

    cells = 0
    for result in _judged(scan, sets, batches(), ctx.options.workers if parallel else 1):
        cells += result.cells
        for ci, count in enumerate(result.filled):
            filled[(table.name, names[ci])] += count
        for kind, ci, is_id, category, row_number in result.hits:
            if kind == "coincidence":
                hits = coincidences[(table.name, names[ci], is_id)]
            else:
                hits = leaks[(table.name, names[ci], category)]
            hits.count += 1
            hits.rows.append(row_number)
    return cells


@dataclass
class _Caches:
    """The pieces of target cells (``cells``) and of source cells (``sources``) seen in
    earlier batches: towns, given names, dates and template notes repeat."""

    cells: dict[str, tuple[set[int], set[int]]] = field(default_factory=dict)
    sources: dict[str, tuple[set[int], set[int]]] = field(default_factory=dict)

    def trim(self) -> None:
        for seen in (self.cells, self.sources):
            if len(seen) > 100_000:
                seen.clear()


_worker_sets: _Sets | None = None
_worker_caches = _Caches()


def _start_worker(delivery: multiprocessing.queues.Queue[_Sets]) -> None:
    global _worker_sets
    _worker_sets = delivery.get()


def _judge_in_worker(
    scan: _TableScan, batch: pa.RecordBatch, raw_rows: list[tuple[object, ...]], position: int
) -> _BatchResult:
    assert _worker_sets is not None, "worker used before it was started"
    _worker_caches.trim()
    return _judge_batch(scan, _worker_sets, batch, raw_rows, position, _worker_caches)


def _judged(
    scan: _TableScan,
    sets: _Sets,
    batches: Iterator[tuple[pa.RecordBatch, list[tuple[object, ...]], int]],
    workers: int,
) -> Iterator[_BatchResult]:
    """Each batch judged, in order: here, or on ``workers`` processes that get the sets once."""
    if workers <= 1:
        caches = _Caches()
        for batch, raw_rows, position in batches:
            caches.trim()
            yield _judge_batch(scan, sets, batch, raw_rows, position, caches)
        return
    context = start_method()
    # The sets reach the workers through a queue, not as the initializer's arguments:
    # those are written while each worker starts, and would hold this process until
    # the worker has imported its modules.
    delivery: multiprocessing.queues.Queue[_Sets] = context.Queue()
    for _ in range(workers):
        delivery.put(sets)
    try:
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start_worker, initargs=(delivery,)
        ) as pool:
            pending: deque[Future[_BatchResult]] = deque()
            for batch, raw_rows, position in batches:
                pending.append(pool.submit(_judge_in_worker, scan, batch, raw_rows, position))
                if len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
    finally:
        # Every worker took its copy when it started; a worker that failed to start left
        # one, which must not keep this process waiting for it to be read.
        delivery.cancel_join_thread()
        delivery.close()


def _organization_pieces(text: str, fingerprinter: Fingerprinter) -> set[int]:
    """The pieces of the names in ``text`` that the finder reads as organizations' by their
    context ("Deurwaarderskantoor De Groot & Visser"): a firm that bears a surname is no
    person, so it stays in redacted text and is no leak."""
    pieces: set[int] = set()
    for start, end in organization_names(text):
        pieces |= fingerprinter.of_cell(text[start:end], every=True)[0]
    return pieces


def _judge_batch(
    scan: _TableScan,
    sets: _Sets,
    batch: pa.RecordBatch,
    raw_rows: list[tuple[object, ...]],
    position: int,
    caches: _Caches,
) -> _BatchResult:
    fingerprinter = sets.fingerprinter
    names, copied, allowed = scan.names, scan.copied, scan.allowed
    result = _BatchResult(0, [0] * len(names), [])
    row_cache: dict[int, _SourceRow] = {}
    cell_cache = caches.cells
    source_columns = list(scan.source_columns)
    probes: list[int] = []
    where: list[tuple[int, int]] = []
    personal_probes: list[int] = []
    personal_where: list[tuple[int, int]] = []
    cells: list[list[str | None]] = []
    for ci in range(len(names)):
        texts = column_texts(batch.column(ci))
        cells.append(texts)
        present = len(texts) - texts.count(None)
        result.cells += present
        result.filled[ci] += present
        for r, text in enumerate(texts):
            if text is None:
                continue
            parts = cell_cache.get(text)
            if parts is None:
                parts = fingerprinter.of_cell(text)
                cell_cache[text] = parts
            every, structural = parts
            if not every:  # the structural pieces are among every piece
                continue
            probes.extend(every)
            where.extend([(ci, r)] * len(every))
            chosen = structural if copied[ci] else every
            personal_probes.extend(chosen)
            personal_where.extend([(ci, r)] * len(chosen))
    seen: set[tuple[int, int, str]] = set()
    for fps, places, fset, is_id in (
        (probes, where, sets.identifiers, True),
        (personal_probes, personal_where, sets.personal, False),
    ):
        for fp, (ci, r), category in zip(fps, places, fset.lookup(fps), strict=True):
            if category is None:
                continue
            row = row_cache.get(r)
            # A copied column's match leaks whatever the row, but for a given name alone.
            if row is None and (not copied[ci] or (category == _GIVEN_NAME and not is_id)):
                row = row_cache[r] = _row_fingerprints(
                    raw_rows[r], source_columns, fingerprinter, caches.sources
                )
            kind = _judge(fp, row, names[ci], is_id, copied[ci], category)
            if kind is None or category in allowed[ci] or (ci, r, kind) in seen:
                continue
            if (
                not is_id
                and scan.containers[ci]
                and fp in _organization_pieces(cells[ci][r] or "", fingerprinter)
            ):
                continue  # an organization's name, as the finder left it: no leak, no chance
            seen.add((ci, r, kind))
            result.hits.append((kind, ci, is_id, category, position + r + 1))
    return result

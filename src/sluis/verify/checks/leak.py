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
  coincidence: the finder keeps it, as it is no person's; nor is a name inside a name of a
  thing the policy keeps under ``allow`` (a school "De Kleine Prins"), which the copy holds;
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
import time
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import cache, partial

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from sluis.discover import lexicon
from sluis.discover.detectors import Detector, all_detectors
from sluis.discover.detectors.city import places
from sluis.discover.phrases import Phrases, kept_things
from sluis.discover.text import find_entities, organization_names
from sluis.discover.text_filters import (
    is_organizations_contact,
    names_an_organization_not_a_person,
    only_salutations,
)
from sluis.discover.vocabulary import hint, leaf_hint
from sluis.model import array_literal
from sluis.model.policy import JsonRule, Keep, RedactText, ReplaceBlob, Rule
from sluis.model.schema import LogicalType, Table
from sluis.verify.checks.rescan import may_hold_identifiers
from sluis.verify.context import (
    PERSONAL_CATEGORIES,
    VerifyContext,
    is_identifier,
    text_array,
)
from sluis.verify.fingerprints import FingerprintKey, FingerprintSet, SetBuilder
from sluis.verify.pieces import cell_fingerprints, registered, texts_frame
from sluis.verify.report import CheckResult, Finding, finding_rows
from sluis.workers import StartingPool, TableShare, overlapped, warm_up

CODE = "V1"
NAME = "leak"

_NAME_PARTS = ("person.first_name", "person.name_prefix", "person.last_name")
_NAMES = frozenset({*_NAME_PARTS, "person.name"})
_GIVEN_NAME = "person.first_name"
_ONE_LETTER_WORDS = ("a", "i", "u", "o", "e", "y")
_MIN_HINT = 0.8
# Share of a column's cells an identifier detector must match to make it an identifier column.
_IDENTIFIER_COLUMN = 0.5
# The smallest space keyed identifier fakes are drawn from (valid onderwijsnummers, about
# 900,000); chance coincidences beyond what it explains fail the check.
IDENTIFIER_SPACE = 10**6
# Values whose identifier detector is remembered across a table's batches.
_DETECTED = 200_000


@dataclass(frozen=True)
class _SourceColumn:
    name: str
    category: str | None
    container: bool
    array: bool = False


@dataclass
class _Hits:
    count: int = 0
    rows: list[int] = field(default_factory=list)


def run(ctx: VerifyContext) -> CheckResult:
    leaks: dict[tuple[str, str, str], _Hits] = defaultdict(_Hits)
    coincidences: dict[tuple[str, str, bool], _Hits] = defaultdict(_Hits)
    filled: dict[tuple[str, str], int] = defaultdict(int)
    cells = 0
    identifiers, personal, starts = _build_sets(ctx)
    # A name that starts with an initial ("A Room": initials and surname joined) does not
    # make a run of text start at every "a" ("shares a room with").
    words = pl.DataFrame({"form": [f"t{letter}" for letter in _ONE_LETTER_WORDS]})
    letters = words.select(ctx.key.hashes(pl.col("form")))["form"]
    starts = starts.filter(~starts.is_in(letters.implode()))
    dictionary = sorted(lexicon.stopwords() | lexicon.common_words())
    sets = _Sets(ctx.key, identifiers, personal, starts, pl.Series(dictionary, dtype=pl.String))
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
        out.append(
            _SourceColumn(
                column.name,
                category,
                _is_container(column.type, rule),
                array_literal.is_array(column.native_type),
            )
        )
    return out


@cache
def _value_detectors() -> list[Detector]:
    return [d for d in all_detectors() if is_identifier(d.category) and not d.needs_context]


@dataclass
class _Collected:
    """One source batch's values by category, then (:meth:`fingerprinted`) the distinct
    (``fp``, ``category``) of their whole forms and the fingerprints of the first words of
    values of several words."""

    values: list[pl.DataFrame] = field(default_factory=list)
    found: pl.DataFrame | None = None
    starts: pl.Series | None = None

    def add(self, values: list[str] | pl.Series, category: str) -> None:
        series = values if isinstance(values, pl.Series) else pl.Series(values, dtype=pl.String)
        if not series.is_empty():
            self.values.append(
                series.rename("text").to_frame().with_columns(category=pl.lit(category))
            )

    def fingerprinted(self, key: FingerprintKey) -> _Collected:
        if self.values:
            self.found, self.starts = registered(pl.concat(self.values), key)
            self.values = []
        return self


def _build_sets(ctx: VerifyContext) -> tuple[FingerprintSet, FingerprintSet, pl.Series]:
    """Pass one: every source batch fingerprinted: the identifier set, the personal set, and
    the first words of known values. The finder takes free text apart in Python, so a table
    with free text, JSON or documents is read in smaller batches that ``workers`` processes
    take apart (a small table in as many as keep every worker busy); polars already spreads
    the rest over the cores."""
    tables = [(table, _source_columns(ctx, table)) for table in ctx.source_schema.tables]
    workers = ctx.options.workers
    if workers > 1 and any(c.container for _, columns in tables for c in columns):
        warm_up()  # the workers' imports overlap with reading the tables before the text
    sets = _PassOne(ctx.key, StartingPool(workers), _kept_things(ctx))
    try:
        for table, columns in tables:
            if not columns:
                continue
            texts = any(c.container for c in columns)
            batch_rows = ctx.options.batch_rows
            if texts:
                batch_rows = max(min(1024, batch_rows), batch_rows // 4)
            batches = ctx.source.batches(
                table.name, [c.name for c in columns], batch_rows=batch_rows
            )
            if texts and workers > 1:
                rows = ctx.source.row_count(table.name)
                sets.shared(columns, batches, rows, batch_rows)
            else:
                sets.overlapped(columns, batches, workers)
        return sets.build()
    finally:
        sets.pool.close()


_NO_THINGS = Phrases()


class _PassOne:
    """The sets as source batches are taken apart, here or on the pool's workers."""

    def __init__(
        self, key: FingerprintKey, pool: StartingPool, things: Phrases = _NO_THINGS
    ) -> None:
        self.key, self.pool, self.things = key, pool, things
        self.identifiers, self.personal = SetBuilder(), SetBuilder()
        self.starts: list[pl.Series] = []
        self.detected: dict[str, str | None] = {}
        # Batches on the workers, of any table: the next table is read while they finish.
        self.pending: deque[Future[_Collected]] = deque()

    def here(self, columns: list[_SourceColumn], batch: pa.RecordBatch) -> None:
        self.merge(_collect(columns, batch, self.key, self.detected, self.things))

    def overlapped(
        self, columns: list[_SourceColumn], batches: Iterable[pa.RecordBatch], threads: int
    ) -> None:
        """A table's batches taken apart on ``threads`` threads (polars lets go of the
        interpreter lock), merged in order."""
        work = partial(_collect, columns, key=self.key, detected=self.detected, things=self.things)
        for collected in overlapped(work, batches, threads):
            self.merge(collected)

    def shared(
        self,
        columns: list[_SourceColumn],
        batches: Iterable[pa.RecordBatch],
        rows: int,
        batch_rows: int,
    ) -> None:
        """A table's free text in pieces of ``batch_rows`` rows (fewer for a small table) to
        the workers once they are up; until then this process takes them itself, and the rest
        of each batch at once when its pace shows the table is not worth starting them. The
        other columns are taken whole, here: whether one holds identifiers is judged per batch
        (see ``_collect``), which must not depend on the pieces."""
        texts = [c for c in columns if c.container]
        others = [c for c in columns if not c.container]
        share = TableShare(self.pool, rows, batch_rows)
        for read in batches:
            if others:
                self.here(others, read.select([c.name for c in others]))
            batch = read.select([c.name for c in texts])
            start = 0
            while start < batch.num_rows:
                executor = self.pool.started()
                if executor is not None:
                    piece = batch.slice(start, share.size)
                    self.pending.append(
                        executor.submit(_collect, texts, piece, self.key, None, self.things)
                    )
                    if len(self.pending) >= 2 * self.pool.workers:
                        self.merge(self.pending.popleft().result())
                    start += piece.num_rows
                    continue
                piece = batch.slice(start, share.rows_here(batch.num_rows - start))
                clock = time.perf_counter()
                self.here(texts, piece)
                share.took(time.perf_counter() - clock, piece.num_rows)
                start += piece.num_rows

    def merge(self, collected: _Collected) -> None:
        if collected.found is None or collected.starts is None:
            return
        for (category,), found in collected.found.partition_by("category", as_dict=True).items():
            code = str(category)
            (self.identifiers if is_identifier(code) else self.personal).add(found["fp"], code)
        self.starts.append(collected.starts)

    def build(self) -> tuple[FingerprintSet, FingerprintSet, pl.Series]:
        while self.pending:
            self.merge(self.pending.popleft().result())
        starts = self.starts
        first_words = pl.concat(starts).unique() if starts else pl.Series([], dtype=pl.UInt64)
        return self.identifiers.build(), self.personal.build(), first_words


def _collect(
    columns: list[_SourceColumn],
    batch: pa.RecordBatch,
    key: FingerprintKey,
    detected: dict[str, str | None] | None = None,
    things: Phrases = _NO_THINGS,
) -> _Collected:
    """Fingerprint one source batch's personal values into the two sets; ``detected``
    remembers (boundedly) which identifier detector matched a value, across batches;
    ``things`` are the kept names of things (see :func:`_kept_things`)."""
    detected = {} if detected is None else detected
    if len(detected) > _DETECTED:
        detected.clear()
    collected = _Collected()
    detectors = _value_detectors()
    arrays = [text_array(batch.column(i), c.array) for i, c in enumerate(columns)]
    for column, array in zip(columns, arrays, strict=True):
        category = column.category
        if not column.container and (is_identifier(category) or category in PERSONAL_CATEGORIES):
            values = pl.Series(values=array, dtype=pl.String).drop_nulls()
            if column.array:  # each element is a value
                values = values.str.split("\n").explode()
            values = values.unique()
            if category in ("contact.email", "contact.phone"):
                code = str(category)
                values = pl.Series(
                    [v for v in values if not is_organizations_contact(code, v)], dtype=pl.String
                )
            elif category in _NAMES:  # "Plan B Bewindvoering" among administrators' names
                values = pl.Series([v for v in values if not _nobodys(v)], dtype=pl.String)
            collected.add(values, str(category))
            continue
        if column.container:
            # Fingerprints are a set: each distinct value of the batch is added once.
            by_category: dict[str, list[str]] = defaultdict(list)
            for text in pc.unique(pc.drop_null(array)).to_pylist():
                _add_container(text, by_category, things)
            for found_category, found in by_category.items():
                collected.add(found, found_category)
            continue
        filled = len(array) - array.null_count
        candidate = pc.fill_null(may_hold_identifiers(array), False)
        # Past this many cells that are no identifier, the column cannot become one.
        misses_allowed = filled - _IDENTIFIER_COLUMN * filled
        misses = filled - pc.sum(candidate).as_py() if filled else 0
        hits = 0
        looked_up: dict[str, list[str]] = defaultdict(list)
        for text in array.filter(candidate).to_pylist() if misses <= misses_allowed else ():
            kind = detected.get(text, "")
            if kind == "":
                kind = next((d.category for d in detectors if d.matches(text)), None)
                detected[text] = kind
            if kind is not None:
                looked_up[kind].append(text)
                hits += 1
            else:
                misses += 1
                if misses > misses_allowed:
                    break
        # A column of other things where a few cells pass a checksum by chance
        # (dates as 19850312 pass the 11-proef one time in eleven) holds none.
        if misses <= misses_allowed and hits >= _IDENTIFIER_COLUMN * filled:
            for found_category, texts in looked_up.items():
                collected.add(texts, found_category)
    # The same person's name recurs from row to row: each distinct name is added once.
    collected.add(_full_names(columns, arrays), "person.name")
    return collected.fingerprinted(key)


def _full_names(columns: list[_SourceColumn], arrays: list[pa.Array]) -> pl.Series:
    """First names, prefix and surname of each row joined, in column order, where a row
    has two of them or more."""
    parts = [
        pl.Series(values=arrays[i], dtype=pl.String)
        for i, c in enumerate(columns)
        if c.category in _NAME_PARTS
    ]
    if len(parts) < 2:
        return pl.Series([], dtype=pl.String)
    frame = pl.DataFrame({str(i): part for i, part in enumerate(parts)})
    present = pl.sum_horizontal(pl.all().is_not_null())
    return (
        frame.select(
            pl.when(present >= 2).then(pl.concat_str(pl.all(), separator=" ", ignore_nulls=True))
        )
        .to_series()
        .drop_nulls()
    )


def _nobodys(value: str) -> bool:
    """A value of a name column or key that is looked for as nobody's name: an
    organization's ("Plan B Bewindvoering", left as it was), or a surname spelt like a
    salutation ("de Heer": every "geachte heer" of the letters would read as it)."""
    return only_salutations(value) or names_an_organization_not_a_person(value)


def _kept_things(ctx: VerifyContext) -> Phrases:
    """The values of the columns the policy keeps though they read as names (``allow``: a
    school's name, "De Kleine Prins"): in the copy as they are, and in its text as well, a
    name found inside one is the thing's, no person's."""
    values: list[str] = []
    for table in ctx.source_schema.tables:
        kept = [
            column.name
            for column in table.columns
            if isinstance(rule := ctx.policy.rule(table.name, column.name), Keep)
            and rule.keeps_names_of_things
            and column.type is LogicalType.TEXT
        ]
        for batch in ctx.source.batches(table.name, kept) if kept else ():
            for array in batch.columns:
                values += pc.unique(array).drop_null().to_pylist()
    return kept_things(values)


def _add_container(text: str, by_category: dict[str, list[str]], things: Phrases) -> None:
    # Each leaf with what its own key and its key read with its parent's say.
    leaves = [
        (leaf, hint(keys[-1]), leaf_hint(keys))
        for keys, leaf in (_json_leaves(text) if text[:1] in "{[" else ())
    ]
    # A name key under a thing's key ("medication.name": "Concerta") names the thing.
    named_things = {
        leaf for leaf, own, named in leaves if own.category in _NAMES and named.category is None
    }
    kept = things.find(text)
    for span in find_entities(text):
        value = text[span.start : span.end]
        if (is_identifier(span.category) or span.category in PERSONAL_CATEGORIES) and not (
            value in named_things
            or (span.category in _NAMES and _nobodys(value))
            or (span.category in _NAMES and any(a <= span.start and span.end <= b for a, b in kept))
        ):
            by_category[span.category].append(value)
    for leaf, _, named in leaves:
        if named.strength >= _MIN_HINT and (
            is_identifier(named.category) or named.category in PERSONAL_CATEGORIES
        ):
            if named.category in _NAMES and _nobodys(leaf):
                continue
            by_category[str(named.category)].append(leaf)


def _json_leaves(text: str) -> Iterator[tuple[list[str], str]]:
    """Each leaf of a JSON document with the keys of its path, outermost first."""
    try:
        document = json.loads(text)
    except ValueError:
        return
    stack: list[tuple[list[str], object]] = [([], document)]
    while stack:
        keys, node = stack.pop()
        if isinstance(node, dict):
            stack.extend(([*keys, str(k)], v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((keys, v) for v in node)
        elif isinstance(node, str | int | float) and not isinstance(node, bool):
            yield keys or [""], str(node)


# -- pass two: the target -------------------------------------------------------------


class _Aligned:
    """The personal cells of the source rows at the target's scan positions, cut to the
    target's batches (none for a new table or one without personal columns)."""

    def __init__(self, ctx: VerifyContext, table: str) -> None:
        source_table = ctx.source_table(table)
        names = [c.name for c in _source_columns(ctx, source_table)] if source_table else []
        self._batches: Iterator[pa.RecordBatch] = (
            iter(ctx.source.batches(table, names, batch_rows=ctx.options.batch_rows))
            if names
            else iter(())
        )
        self._rest: pa.Table | None = None

    def take(self, rows: int) -> pa.Table | None:
        """The next ``rows`` source rows (fewer where the source ends)."""
        parts = [] if self._rest is None else [self._rest]
        have = sum(p.num_rows for p in parts)
        while have < rows:
            batch = next(self._batches, None)
            if batch is None:
                break
            parts.append(pa.Table.from_batches([batch]))
            have += batch.num_rows
        if not parts:
            return None
        table = pa.concat_tables(parts)
        self._rest = table.slice(rows) if table.num_rows > rows else None
        return table.slice(0, rows)


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
    # Columns of names faked, where an organization's name stays (see _collect).
    person_names: tuple[bool, ...]
    source_columns: tuple[_SourceColumn, ...]
    arrays: tuple[bool, ...]


@dataclass(frozen=True)
class _Sets:
    """What every batch is compared with: the two source sets, the first words of known
    values of several words, and the dictionary words no single is taken from."""

    key: FingerprintKey
    identifiers: FingerprintSet
    personal: FingerprintSet
    starts: pl.Series
    dictionary: pl.Series


@dataclass
class _BatchResult:
    cells: int
    filled: list[int]
    # (kind: a category or "coincidence", column index, is identifier, category, row number)
    hits: list[tuple[str, int, bool, str, int]]


def _allowed(rule: Rule | None) -> frozenset[str]:
    """The look-alike categories a reviewer confirmed for a column: a ``json`` rule's own
    and its paths' (a hit inside JSON is not placed at a path)."""
    if isinstance(rule, JsonRule):
        paths = (getattr(r, "allow", ()) for r in (*rule.paths.values(), rule.default))
        return frozenset(rule.allow).union(*paths)
    return frozenset(getattr(rule, "allow", ()))


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
        tuple(_allowed(rule) for rule in rules),
        tuple(
            _is_container(column.type, rule)
            for column, rule in zip(table.columns, rules, strict=True)
        ),
        tuple(
            not isinstance(rule, Keep | None) and getattr(rule, "category", None) in _NAMES
            for rule in rules
        ),
        tuple(_source_columns(ctx, source_table)) if source_table else (),
        tuple(ctx.is_array(table.name, n) for n in names),
    )
    cells = 0
    for result in overlapped(
        lambda work: _judge_batch(scan, sets, *work),
        _beside_source(ctx, table.name, names),
        ctx.options.workers,
    ):
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


def _beside_source(
    ctx: VerifyContext, table: str, names: tuple[str, ...]
) -> Iterator[tuple[pa.RecordBatch, pa.Table | None, int]]:
    """Each target batch with the source rows at its scan positions and its first position."""
    aligned = _Aligned(ctx, table)
    position = 0
    for batch in ctx.target.batches(table, list(names), batch_rows=ctx.options.batch_rows):
        yield batch, aligned.take(batch.num_rows), position
        position += batch.num_rows


def _column_fingerprints(
    arrays: list[pa.Array | pa.ChunkedArray], key: FingerprintKey, sets: _Sets | None = None
) -> pl.DataFrame:
    """(``row``, ``ci``: the column's index, ``fp``, ``structural``) of the pieces of the
    cells of columns of one length, taken apart together: with ``sets`` only those that may
    be known (runs from known first words, no dictionary words alone), without them every
    piece."""
    if not arrays:
        return pl.DataFrame(
            schema={"row": pl.UInt32, "fp": pl.UInt64, "structural": pl.Boolean, "ci": pl.UInt16}
        )
    length = len(arrays[0])
    cells = texts_frame(pl.concat([pl.Series(values=a, dtype=pl.String) for a in arrays]))
    found = (
        cell_fingerprints(cells, key)
        if sets is None
        else cell_fingerprints(cells, key, starts=sets.starts, dictionary=sets.dictionary)
    )
    return found.with_columns(
        row=(pl.col("row") % length).cast(pl.UInt32),
        ci=(pl.col("row") // length).cast(pl.UInt16),
    )


def _source_pieces(
    source: pa.Table | None,
    hits: pl.DataFrame,
    columns: tuple[_SourceColumn, ...],
    key: FingerprintKey,
) -> pl.DataFrame:
    """The pieces of the personal cells of the source rows of ``hits`` that are among their
    fingerprints: (``row``, ``fp``, ``structural``, ``column``, ``name``: whether the column
    holds names)."""
    if source is None:
        return pl.DataFrame(
            schema={
                "row": pl.UInt32,
                "fp": pl.UInt64,
                "structural": pl.Boolean,
                "column": pl.String,
                "name": pl.Boolean,
            }
        )
    rows = hits["row"]
    wanted = rows.filter(rows < source.num_rows).unique().sort()
    picked = source.take(pa.array(wanted.to_list(), pa.int64()))
    found = _column_fingerprints(
        [text_array(picked.column(j), c.array) for j, c in enumerate(columns)], key
    ).filter(pl.col("fp").is_in(hits["fp"].unique().implode()))
    names = [j for j, c in enumerate(columns) if c.category in _NAMES]
    return found.select(
        row=wanted.gather(found["row"]).cast(pl.UInt32),
        fp="fp",
        structural="structural",
        column=pl.col("ci").replace_strict(
            list(range(len(columns))), [c.name for c in columns], return_dtype=pl.String
        ),
        name=pl.col("ci").is_in(names),
    )


def _judged_hits(hits: pl.DataFrame, source: pl.DataFrame, is_copied: pl.Expr) -> pl.DataFrame:
    """``hits`` (``row``, ``ci``, ``fp``, ``is_id``, ``category``, ``column``) with their
    ``kind``: a category (a leak), ``"coincidence"``, or null for a match that means nothing.

    Kept columns: every match leaks, a given name alone only when it is the row's own.
    Transformed columns: an identifier of the same source row, or a whole value or run of
    words of the same column in that row, leaks; another person's identifier, or a lone word
    that also occurs elsewhere in the row (a fake first name equal to a name in the original
    letter), is a coincidence.
    """
    every = source.select("row", "fp").unique().with_columns(in_row=pl.lit(True))
    own = (
        source.filter("structural")
        .select("row", "column", "fp")
        .unique()
        .with_columns(in_column=pl.lit(True))
    )
    names = (
        source.filter(pl.col("structural") & pl.col("name"))
        .select("row", "fp")
        .unique()
        .with_columns(in_names=pl.lit(True))
    )
    flagged = (
        hits.join(every, on=["row", "fp"], how="left")
        .join(own, on=["row", "column", "fp"], how="left")
        .join(names, on=["row", "fp"], how="left")
        .with_columns(pl.col("in_row", "in_column", "in_names").fill_null(False))
    )
    category = pl.col("category")
    given_alone = is_copied & (category == _GIVEN_NAME) & ~pl.col("is_id")
    return flagged.with_columns(
        kind=pl.when(given_alone)
        .then(pl.when("in_names").then(category))
        .when(is_copied)
        .then(category)
        .when("is_id")
        .then(pl.when("in_row").then(category).otherwise(pl.lit("coincidence")))
        .when("in_column")
        .then(category)
        .when("in_row")
        .then(pl.lit("coincidence"))
    ).filter(pl.col("kind").is_not_null())


_PLACE = "location.city"


def _is_place(text: str) -> bool:
    """Whether the whole text is the name of a known town or city."""
    return lexicon.normalize(text) in places()


def _pieces_apart_from_organizations(
    texts: list[str], key: FingerprintKey
) -> list[set[int] | None]:
    """For each text that names an organization by its context ("Deurwaarderskantoor De Groot
    & Visser"), the pieces of the text with those names taken out; ``None`` for a text that
    names none. A firm that bears a surname is no person, so it stays in redacted text and
    is no leak, nor is a run of words that reaches into it ("De Wit. Van:")."""
    masked = [
        (i, _without(text, ranges))
        for i, text in enumerate(texts)
        if (ranges := organization_names(text, every_word=True))
    ]
    apart: dict[int, set[int]] = {owner: set() for owner, _ in masked}
    if masked:
        owners, values = zip(*masked, strict=True)
        found = _column_fingerprints([pa.array(values, pa.string())], key)
        for row, fp in found.select("row", "fp").iter_rows():
            apart[owners[row]].add(fp)
    return [apart.get(i) for i in range(len(texts))]


def _without(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with each range replaced by a digit, which no name's run of words holds."""
    kept, last = [], 0
    for start, end in sorted(ranges):
        if start >= last:
            kept += [text[last:start], " 0 "]
            last = end
    return "".join([*kept, text[last:]])


def _judge_batch(
    scan: _TableScan,
    sets: _Sets,
    batch: pa.RecordBatch,
    source: pa.Table | None,
    position: int,
) -> _BatchResult:
    names = scan.names
    result = _BatchResult(0, [0] * len(names), [])
    arrays = [text_array(batch.column(ci), scan.arrays[ci]) for ci in range(len(names))]
    for ci, array in enumerate(arrays):
        present = len(array) - array.null_count
        result.cells += present
        result.filled[ci] += present
    every = _column_fingerprints(arrays, sets.key, sets)
    copied = [ci for ci in range(len(names)) if scan.copied[ci]]
    is_copied = pl.col("ci").is_in(pl.Series(copied, dtype=pl.UInt16).implode())
    # A copied column's whole cells and runs count for names, a transformed one's every piece.
    personal = every.filter(pl.col("structural") | ~is_copied)
    hits = pl.concat(
        [
            sets.identifiers.matches(every).with_columns(is_id=pl.lit(True)),
            sets.personal.matches(personal).with_columns(is_id=pl.lit(False)),
        ]
    )
    if hits.is_empty():
        return result
    hits = hits.with_columns(
        column=pl.col("ci").replace_strict(
            list(range(len(names))), list(names), return_dtype=pl.String
        )
    )
    source_pieces = _source_pieces(source, hits, scan.source_columns, sets.key)
    judged = (
        _judged_hits(hits, source_pieces, is_copied)
        .sort("is_id", "row", "ci", "fp", descending=[True, False, False, False])
        .select("row", "ci", "fp", "is_id", "category", "kind")
        .rows()
    )
    # A name the finder reads as an organization's, in free text, JSON or documents.
    container_cells = sorted(
        {(ci, row) for row, ci, _, is_id, _, _ in judged if not is_id and scan.containers[ci]}
    )
    outside = dict(
        zip(
            container_cells,
            _pieces_apart_from_organizations(
                [arrays[ci][r].as_py() for ci, r in container_cells], sets.key
            ),
            strict=True,
        )
    )
    seen: set[tuple[int, int, str]] = set()
    for row, ci, fp, is_id, category, kind in judged:
        if category in scan.allowed[ci] or (ci, row, kind) in seen:
            continue
        if not is_id and _PLACE in scan.allowed[ci] and _is_place(arrays[ci][row].as_py()):
            continue  # "Edam" in a column of places is the town, though someone bears it
        if (
            not is_id
            and scan.person_names[ci]
            and names_an_organization_not_a_person(arrays[ci][row].as_py())
        ):
            continue  # an organization's name among names, left as it was
        apart = outside.get((ci, row))
        if not is_id and apart is not None and fp not in apart:
            continue  # in an organization's name, as the finder left it: no leak, no chance
        seen.add((ci, row, kind))
        result.hits.append((kind, ci, is_id, category, position + row + 1))
    return result

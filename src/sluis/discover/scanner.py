"""The scan: classify every column of every table of a source.

For each column the scanner weighs three kinds of evidence and writes each down as a
pattern or percentage, never a value:

* the column name (``vocabulary``), strong or weak, or a word that says "not personal";
* the values of a sample: for every detector, the share of non-empty cells it matches;
* for free text, JSON and documents, the entities found inside them (``content``).

Checksum-backed detectors decide a column on their own; detectors whose pattern is weak
(``needs_context``) count only when the column name agrees, or when the name says nothing
at all (``c1``) and nearly every cell has the telling shape. Shape rules tell the rest:
numbers issued in sequence are no BSNs, dates spread over generations are birth dates,
name-shaped words are first names or surnames by which lexicon knows more of them.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from multiprocessing import get_all_start_methods, get_context

import pyarrow as pa

from sluis.discover import content, user_codes, values
from sluis.discover.cells import Sample, sample
from sluis.discover.detectors.kenteken import side_code
from sluis.discover.detectors.last_name import DETECTOR as LAST_NAME
from sluis.discover.detectors.person_name import DETECTOR as PERSON_NAME
from sluis.discover.foreign_keys import agree_across_keys
from sluis.discover.text_filters import names_an_organization
from sluis.discover.vocabulary import (
    STRONG,
    NameHint,
    hint,
    normalize,
    table_about_things,
    table_of_institutions,
)
from sluis.errors import InputError, MissingTableError
from sluis.model import array_literal
from sluis.model.privacy_map import ColumnFinding, PrivacyMap, TableFinding
from sluis.model.schema import Column, LogicalType, Table
from sluis.sources import Source, open_source, redact_url

# Share of sampled cells a detector must match to classify a column by values alone.
VALUE_THRESHOLD = 0.8
# Share enough when the column name already points to the same category.
AGREEING_THRESHOLD = 0.3
# Share of cells that must be a name and little else for a column named like a person's
# name to be faked as names rather than searched as free text.
NAME_CELLS = 0.8

ProgressHook = Callable[[str, int, int], None]


@dataclass(frozen=True)
class ScanOptions:
    """``sample_rows`` cells are read per column; container columns of tables with at most
    ``full_pass_rows`` rows are read in full when the sample shows nothing.

    ``workers`` processes classify columns at once: 1 classifies in this process, 0 starts
    one per CPU core (at most :data:`MAX_WORKERS`). Workers are forked, so they start at once
    and run no importing script again; the columns are classified in this process instead
    when the sample holds fewer than :data:`PARALLEL_CELLS` cells (starting processes would
    cost more than it saves), when this process runs other threads (forking it could
    deadlock) or where the platform cannot fork safely. The findings are the same either way.
    """

    sample_rows: int = 2_000
    full_pass_rows: int = 100_000
    tables: tuple[str, ...] = ()
    workers: int = 1


MAX_WORKERS = 8
PARALLEL_CELLS = 50_000


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
    rows = {table.name: source.row_count(table.name) for table in tables}
    cells = sum(min(rows[t.name], options.sample_rows) * len(t.columns) for t in tables)
    with _Classifier(_worker_count(options.workers, cells)) as classifier:
        pending: deque[_PendingTable] = deque()
        findings = []
        for number, table in enumerate(tables, start=1):
            if progress is not None:
                progress(table.name, number, len(tables))
            pending.append(_start_table(source, table, rows[table.name], options, classifier))
            # Bounded read-ahead: samples of a few tables wait in memory, not of all.
            while len(pending) > classifier.workers:
                findings.append(pending.popleft().finish(source, options, classifier))
        findings.extend(p.finish(source, options, classifier) for p in pending)
    return PrivacyMap(source=redact_url(source.url), tables=agree_across_keys(schema, findings))


def _worker_count(asked: int, cells: int) -> int:
    if asked == 1 or cells < PARALLEL_CELLS or not _can_fork():
        return 1
    if asked == 0:
        return max(1, min(os.cpu_count() or 1, MAX_WORKERS))
    return max(1, asked)


def _can_fork() -> bool:
    return (
        sys.platform == "linux"
        and "fork" in get_all_start_methods()
        and threading.active_count() == 1
    )


# What one column's classification returns: the finding, and whether the cells are a
# container (free text, JSON, documents), which decides whether the column is read in full.
_Classified = tuple[ColumnFinding, bool]


def _classify(
    column: Column, cells: pa.Array | pa.ChunkedArray, is_key: bool, table: str
) -> _Classified:
    """One column of ``table``, as a worker process classifies it."""
    sampled = Sample(cells)
    finding = classify_column(
        column,
        sampled,
        is_key=is_key,
        about_things=table_about_things(table),
        institutions=table_of_institutions(table),
    )
    return finding, finding.category is None and content.is_container(column, sampled)


class _Classifier:
    """Runs :func:`_classify` in this process, or in a pool of forked worker processes."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        if workers > 1:
            self._pool = ProcessPoolExecutor(workers, mp_context=get_context("fork"))

    def __enter__(self) -> _Classifier:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def submit(
        self, column: Column, cells: pa.Array | pa.ChunkedArray, is_key: bool, table: str
    ) -> Future[_Classified]:
        if self._pool is not None:
            return self._pool.submit(_classify, column, cells, is_key, table)
        done: Future[_Classified] = Future()
        done.set_result(_classify(column, cells, is_key, table))
        return done


@dataclass(frozen=True)
class _PendingTable:
    table: Table
    rows: int
    columns: tuple[Future[_Classified], ...]

    def finish(self, source: Source, options: ScanOptions, classifier: _Classifier) -> TableFinding:
        """The table's findings, after reading in full the containers the sample left
        undecided."""
        findings = []
        for column, classified in zip(self.table.columns, self.columns, strict=True):
            finding, undecided_container = classified.result()
            if undecided_container and options.sample_rows < self.rows <= options.full_pass_rows:
                full = _read(source, self.table.name, None, (column.name,))
                if full is not None:
                    again = classifier.submit(
                        column, full.column(column.name), False, self.table.name
                    )
                    finding = again.result()[0]
            findings.append(finding)
        return TableFinding(name=self.table.name, rows=self.rows, columns=tuple(findings))


def _start_table(
    source: Source, table: Table, rows: int, options: ScanOptions, classifier: _Classifier
) -> _PendingTable:
    """Read the table's sample and hand each column to the classifier."""
    sample = _read(source, table.name, options.sample_rows)
    key_columns = _key_columns(table)
    futures = tuple(
        classifier.submit(
            column,
            sample.column(column.name) if sample is not None else pa.nulls(0),
            column.name in key_columns,
            table.name,
        )
        for column in table.columns
    )
    return _PendingTable(table, rows, futures)


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
    column: Column,
    cells: pa.Array | pa.ChunkedArray | Sample,
    *,
    is_key: bool,
    about_things: bool = False,
    institutions: bool = False,
) -> ColumnFinding:
    """Classify one column from its name, type and sampled cells.

    ``about_things`` says the table holds things, not people (departments, countries):
    there a weak word like ``naam`` names the thing; ``institutions`` that they are public
    institutions, whose phone, mailbox, register number and town are their own. An array
    column is classified as a text column of its elements.
    """
    if array_literal.is_array(column.native_type):
        return _classify_elements(column, cells, about_things)
    cells = sample(cells)
    name = hint(column.name)
    thing_name = about_things and _names_the_thing(column.name, name)
    if about_things and name.strength < STRONG and (name.category or "").startswith("person."):
        name = NameHint(None, 0.0, "")
    evidence: list[str] = []
    if name.category is not None:
        evidence.append(f"name:{name.word}")
    elif name.not_personal:
        evidence.append(f"name:{name.word} (not personal)")

    if is_key and (
        (column.type is LogicalType.INTEGER and name.category is None)
        or name.category == _OWN_NUMBER
    ):
        return ColumnFinding(column.name, column.type.value, None, 0.9, ("key column",))
    if column.type is LogicalType.BOOLEAN:
        return ColumnFinding(column.name, column.type.value, None, 0.9, ("type:boolean",))

    # A text column whose name says exactly what it holds (``adres``) is that, even when
    # its cells read like free text; JSON and documents are always searched.
    named_text = (
        column.type is LogicalType.TEXT
        and name.category not in (None, "text.contains_pii")
        and name.strength >= STRONG
        and content.text_kind(cells) in (None, "text")
    )
    text_by_name = column.type is LogicalType.TEXT and name.category == "text.contains_pii"
    if not named_text and (text_by_name or content.is_container(column, cells)):
        if (name.category or "").startswith("person.") and not text_by_name:
            share, _ = content.name_shares(cells)
            if share >= NAME_CELLS:
                evidence.append(f"content:names {round(100 * share)}%")
                return ColumnFinding(
                    column.name, column.type.value, "person.name", share, tuple(evidence)
                )
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
            names = _organization_look_alikes(cells, evidence)
            return ColumnFinding(
                column.name, column.type.value, None, 0.7, tuple(evidence), look_alike=names
            )

    if (
        column.type is LogicalType.TEXT
        and (name.category is None or (_may_name_people(name) and name.strength < STRONG))
        and content.may_hold_titled_names(cells, _TITLED_CELLS)
    ):
        named, titled = content.name_shares(cells)
        if titled >= _TITLED_CELLS and titled + named >= _NAMED_CELLS:
            evidence.append(f"content:names after a title or role {round(100 * titled)}%")
            return ColumnFinding(
                column.name,
                column.type.value,
                "text.contains_pii",
                0.8,
                tuple(evidence),
                ("person.name",),
            )
    shares = values.detector_shares(column, cells)
    evidence.extend(values.describe(shares))
    if _plates(name, shares, cells):
        evidence.append("content:plates of several side-codes")
        return ColumnFinding(
            column.name, column.type.value, "id.license_plate", 0.8, tuple(evidence)
        )
    category, confidence = _decide(name, shares, about_things)
    if thing_name and category in _THING_NAMES:
        # A municipality's name in a table of municipalities is no one's place of residence.
        evidence.append("table of things: the thing's name")
        resembles = _look_alikes(shares, cells, evidence, about_things)
        return ColumnFinding(
            column.name, column.type.value, None, 0.7, tuple(evidence), (), resembles
        )
    if institutions and category in _INSTITUTIONS_OWN and name.word == normalize(column.name):
        # "Telefoon", "KvkNummer", "Plaats" of a school: the institution's own, kept; the
        # reviewer confirms what they resemble ("manager_email" names a person).
        evidence.append("table of institutions: its own contact, register number or place")
        return ColumnFinding(
            column.name, column.type.value, None, 0.7, tuple(evidence), (), (category,)
        )
    if (
        category is None
        and column.type is LogicalType.TEXT
        and not thing_name
        and _name_words(shares) >= _NAME_WORDS_FIRST
        and (share := content.phrases_naming_people(cells)) >= _PHRASE_NAMES
    ):
        evidence.append(f"content:phrases naming people {round(100 * share)}%")
        return ColumnFinding(
            column.name, column.type.value, "text.contains_pii", 0.7, tuple(evidence),
            ("person.name",),
        )  # fmt: skip
    if (
        category is None
        and column.type is LogicalType.TEXT
        and not about_things
        and _may_name_people(name)
        and (persons := _persons_beside_firms(cells))
    ):
        # Creditors, administrators: firms and persons in one column; the fakes of a name
        # column keep the firms as they are.
        evidence.append(f"content:persons {round(100 * persons)}% beside organizations")
        return ColumnFinding(column.name, column.type.value, "person.name", 0.6, tuple(evidence))
    if category is None and _may_name_people(name) and (codes := user_codes.share(cells.texts)):
        evidence.append(f"content:user codes {round(100 * codes)}%")
        return ColumnFinding(column.name, column.type.value, "person.name", 0.7, tuple(evidence))
    look_alike: tuple[str, ...] = ()
    if category is None:
        look_alike = _look_alikes(shares, cells, evidence, about_things)
    return ColumnFinding(
        column.name, column.type.value, category, confidence, tuple(evidence), (), look_alike
    )


def _classify_elements(
    column: Column, cells: pa.Array | pa.ChunkedArray | Sample, about_things: bool
) -> ColumnFinding:
    elements, _ = array_literal.exploded(cells.cells if isinstance(cells, Sample) else cells)
    each = Column(column.name, LogicalType.TEXT, array_literal.element_type(column.native_type))
    finding = classify_column(each, elements, is_key=False, about_things=about_things)
    return replace(finding, type=column.type.value)


# Short phrases of which this share names a person ("Verlof Horst", a mail's subject) are
# searched as text, once the detectors found name-shaped words in the first share of cells.
_PHRASE_NAMES, _NAME_WORDS_FIRST = 0.4, 0.15


def _name_words(shares: values.Shares) -> float:
    """The highest share of cells a name detector recognizes."""
    return max(shares.share(c) for c in ("person.name", "person.first_name", "person.last_name"))


# A column of names after titles or roles ("huisarts Guit", "drs. M. Demir"), maybe beside
# bare names: searched as text, so the titles stay and the names are faked.
_TITLED_CELLS, _NAMED_CELLS = 0.3, 0.6
# Names inside the names of firms and schools ("Installatiebedrijf De Vries B.V.", "CBS De
# Wegwijzer") in a column judged not personal: the draft's keep rule allows them, so the
# verifier does not count them as a person's name.
NAME_LOOK_ALIKES = ("person.first_name", "person.last_name", "person.name")
# What a public institution has of its own, under a name that says only that.
_INSTITUTIONS_OWN = frozenset(
    {"contact.phone", "contact.email", "id.kvk", "id.professional_number", "location.city"}
)
# What the name of a thing resembles: a person's name, a street, a town.
_THING_NAMES = frozenset({*NAME_LOOK_ALIKES, "location.street", "location.city"})
# A number the organization gave: as a key column it is the database's own, as a client
# number is (a personnel number that is no key came from payroll and names the employee).
_OWN_NUMBER = "id.employee_number"
_ORGANIZATION_CELLS = 0.6
_NAME_WORDS = 6
# The 11-proef passes by chance one number in eleven; a column of numbers issued in sequence
# that passes it no more than three times as often holds case numbers, not identifiers.
_CHANCE_CHECKSUMS = ("id.bsn", "id.rsin")
_CHANCE_SHARE = 3 / 11
# The verifier compares numbers by their digits: a national phone number's nine (its trunk
# zero dropped) and an account number's seven to ten (an IBAN's, its zeros dropped) meet
# numbers in sequence of those lengths by chance.
_CHANCE_DIGITS = (("finance.iban", range(7, 11)), ("contact.phone", range(9, 10)))


def _look_alikes(
    shares: values.Shares, cells: Sample, evidence: list[str], about_things: bool
) -> tuple[str, ...]:
    """The categories a column judged not personal only resembles, for the reviewer to
    confirm in the drafted keep rule's ``allow`` (see :func:`classify_column`); in a table
    of things, the names and places its things are named after ("Jan Steenbuurt", a parking
    zone, also a street's name)."""
    if about_things:
        # A thing that resembles one kind of name meets the source's names of every kind.
        names = NAME_LOOK_ALIKES if any(shares.share(c) for c in NAME_LOOK_ALIKES) else ()
        places = tuple(c for c in ("location.street", "location.city") if shares.share(c))
        if names or places:
            return names + places
    best, share = shares.best(standalone_only=True)
    if best and share >= VALUE_THRESHOLD:
        return (best,)
    found: tuple[str, ...] = ()
    if shares.looks_sequential:
        found = tuple(c for c in _CHANCE_CHECKSUMS if 0 < shares.share(c) <= _CHANCE_SHARE)
        lengths = {len("".join(filter(str.isdecimal, t)).lstrip("0")) for t in cells.texts}
        found += tuple(c for c, span in _CHANCE_DIGITS if lengths & set(span))
    if any(shares.share(c) for c in NAME_LOOK_ALIKES):
        found += _organization_look_alikes(cells, evidence)
    return found


def _persons_beside_firms(cells: Sample) -> float:
    """The share of distinct cells that name a person, no organization, when others name
    organizations (each a fifth at least, together :data:`_MIXED_COVERED`); else 0."""
    distinct = {v for v in cells.texts if len(v.split()) <= _NAME_WORDS}
    if len(distinct) < _MIXED_DISTINCT or len(distinct) < 0.9 * len(set(cells.texts)):
        return 0.0
    firms = {v for v in distinct if names_an_organization(v)}
    persons = sum(1 for v in distinct - firms if PERSON_NAME.matches(v) or LAST_NAME.matches(v))
    share, organizations = persons / len(distinct), len(firms) / len(distinct)
    mixed = min(share, organizations) >= _MIXED_SHARE
    return share if mixed and share + organizations >= _MIXED_COVERED else 0.0


_MIXED_DISTINCT, _MIXED_SHARE, _MIXED_COVERED = 5, 0.2, 0.8


def _organization_look_alikes(cells: Sample, evidence: list[str]) -> tuple[str, ...]:
    """:data:`NAME_LOOK_ALIKES`, with the evidence, when at least :data:`_ORGANIZATION_CELLS`
    of the distinct cells name a firm, school or institution (a name, not a sentence about
    one); else nothing."""
    distinct = set(cells.texts)
    if not distinct:
        return ()
    named = sum(1 for v in distinct if len(v.split()) <= _NAME_WORDS and names_an_organization(v))
    share = named / len(distinct)
    if share < _ORGANIZATION_CELLS:
        return ()
    evidence.append(f"content:organization names {round(100 * share)}%")
    return NAME_LOOK_ALIKES


def _decide(
    name: NameHint, shares: values.Shares, about_things: bool = False
) -> tuple[str | None, float]:
    """Combine name and value evidence into a category and a confidence (``about_things``:
    see :func:`classify_column`)."""
    named = name.category if name.category != "text.contains_pii" else None
    if shares.empty:
        # Nothing to look at: trust the name alone (fail closed).
        return (named, 0.5 * name.strength + 0.2) if named else (None, 0.5)
    if named is not None and shares.share(named) < AGREEING_THRESHOLD:
        decisive = _decisive_values(shares)
        if decisive is not None:
            return decisive  # "email_addr" full of e-mail addresses holds e-mail addresses
        by_shape = _names_by_shape(shares) if named in _DECISIVE_CATEGORIES else None
        if by_shape is not None and not shares.share(named):
            # "naam_tegenrekening": names of the account's holders, not one account number.
            return by_shape, 0.7
    if named is not None:
        agreeing = shares.share(named)
        if named.startswith("person.") and named != "person.name_prefix":
            agreeing = max(agreeing, _name_like(shares))
        if named == "person.name_prefix":
            agreeing = max(agreeing, shares.particles)
        if named == "person.last_name" and _full_names(shares):
            return "person.name", min(1.0, 0.5 * name.strength + 0.5 * shares.two_part)
        if agreeing >= AGREEING_THRESHOLD or name.strength >= STRONG:
            return named, min(1.0, 0.5 * name.strength + 0.5 * max(agreeing, 0.5))
    if shares.birth_like and name.about_birth:
        # Dates spread over generations under a name about birth (``geboorteInfo``).
        return "person.birth_date", 0.8
    if name.not_personal:
        return None, 0.8
    best, share = shares.best(standalone_only=True)
    imitated = shares.looks_sequential and best in values.NUMERIC_IDS
    if best is not None and share >= VALUE_THRESHOLD and not imitated:
        return best, share * shares.weight(best)
    if _confirmed_identifier(shares) is not None:
        # Identifiers in some rows, other values in the rest (a legacy or key-value field):
        # no one operator fits every cell, so the cells are searched as text.
        return "text.contains_pii", 0.6
    if shares.birth_like and name.meaningless:
        return "person.birth_date", 0.7
    if name.meaningless:
        for code in _SHAPED_ALONE:
            if shares.by_detector.get(code, 0.0) >= _SHAPED_SHARE:
                return shares.detectors[code].category, 0.6
    by_shape = _names_by_shape(shares)
    if about_things and _single_unknown_words(by_shape, shares):
        # In a table of things, single words are surnames only when most are known ones:
        # "Concerta" and "Dipiperon" in ``medication_catalog.name`` name medicines. The
        # reviewer confirms.
        return None, 0.6
    by_shape = by_shape or _small_value_set(shares)
    if by_shape is not None:
        return by_shape, 0.6
    # No category, or a weak name the values contradict.
    return None, 0.6 if named else max(0.5, 1.0 - share)


def _single_unknown_words(by_shape: str | None, shares: values.Shares) -> bool:
    """Whether :func:`_names_by_shape` read single words as given names or surnames of which
    the lexicon knows fewer than half."""
    single = by_shape in ("person.first_name", "person.last_name")
    return single and max(shares.known_first, shares.known_last) < 0.5


def _names_the_thing(column_name: str, name: NameHint) -> bool:
    """Whether a column of a table of things holds the thing's name ("SchoolNaam",
    "gem_naam"; not "contact_naam"): phrases naming people there are things named after them
    ("Johan de Witt College", "De Kleine Prins"), towns a municipality's name."""
    others = [t for t in normalize(column_name).split("_") if t != name.word]
    return (
        name.word in ("naam", "name", "nm")
        and name.strength < STRONG
        and not any((hint(t).category or "").startswith("person.") for t in others)
    )


def _may_name_people(name: NameHint) -> bool:
    """A column name that says nothing, or says people (``usr``, ``agent``, ``medewerker``)."""
    return not name.not_personal and (name.category or "person.").startswith("person.")


def _plates(name: NameHint, shares: values.Shares, cells: Sample) -> bool:
    """Nearly every cell a licence plate, of several side-codes, under a name that says
    nothing (``vrtg``): a fleet of cars; one side-code alone is a code list (``KP4410`` reads
    as side-code 1)."""
    if name.category is not None or name.not_personal:
        return False
    if shares.by_detector.get("kenteken", 0.0) < _SHAPED_SHARE:
        return False
    codes = {side_code(v) for v in set(cells.texts)}
    return len(codes - {None}) >= _PLATE_SIDE_CODES


_PLATE_SIDE_CODES = 3


# Detectors that need context, but whose shape is telling enough to decide a column whose
# name says nothing (``kolom17``) when nearly every cell has it.
_SHAPED_ALONE = ("kenteken", "passport", "nationality")
_SHAPED_SHARE = 0.95

# Distinct values a column of names has at least; fewer are a code list or departments.
_MIN_NAME_VARIETY = 10


# Identifiers a checksum or strict syntax confirms, and the share of cells that tells a
# column mixing them with other values from chance (9% of random 9-digit numbers pass the
# 11-proef; e-mail addresses and IBANs do not appear by chance).
_CONFIRMING = {"bsn": 0.3, "email": 0.1, "iban": 0.1}
_MIN_CONFIRMED_CELLS = 5


# Detectors whose match in most cells outweighs a column name that says otherwise; a
# column named for one of their categories that holds none of it but names holds names.
_DECISIVE = ("email", "iban", "bsn")
_DECISIVE_CATEGORIES = frozenset({"contact.email", "finance.iban", "id.bsn"})


def _decisive_values(shares: values.Shares) -> tuple[str, float] | None:
    """The category of a checksum- or syntax-confirmed identifier in nearly every cell."""
    for code in _DECISIVE:
        share = shares.by_detector.get(code, 0.0)
        if share >= VALUE_THRESHOLD and not (code == "bsn" and shares.looks_sequential):
            return shares.detectors[code].category, share
    return None


def _confirmed_identifier(shares: values.Shares) -> str | None:
    """The category of checksum-confirmed identifiers that make up a good part of a mixed
    column (a legacy field holding BSNs in some rows, e-mail addresses in others)."""
    found = [
        (share, code)
        for code, least in _CONFIRMING.items()
        if (share := shares.by_detector.get(code, 0.0)) >= least
        and share * shares.cells >= _MIN_CONFIRMED_CELLS
        and not (code == "bsn" and shares.looks_sequential)
    ]
    return shares.detectors[max(found)[1]].category if found else None


def _name_like(shares: values.Shares) -> float:
    """How much the cells look like names of people, known or not (not of places)."""
    if max(shares.share("location.city"), shares.share("quasi.country_of_birth")) >= 0.5:
        return 0.0
    return _name_words(shares)


def _names_by_shape(shares: values.Shares) -> str | None:
    """A column of name-shaped words with no name to say so: full names, first names or
    surnames, told apart by which lexicon knows more of them."""
    if shares.distinct < _MIN_NAME_VARIETY or shares.distinct < 0.1 * shares.cells:
        return None
    places = max(shares.share("location.city"), shares.share("quasi.country_of_birth"))
    if places >= 0.5:
        return None
    if shares.by_detector.get("person_name", 0.0) >= 0.5:
        return "person.name"
    if shares.by_detector.get("last_name", 0.0) < 0.9:
        return None
    if shares.two_part >= 0.5:
        return "person.name"
    if shares.known_first >= 0.2 and shares.known_first > shares.known_last:
        return "person.first_name"
    return "person.last_name"


# Shares of cells with a given name and a surname, and of cells starting with a known given
# name (the lexicon knows most, not all), that make a column named for a surname
# (``naam_partner``) one of full names.
_FULL_NAME_CELLS, _FULL_NAME_FIRSTS = 0.8, 0.3


def _full_names(shares: values.Shares) -> bool:
    """Cells that are nearly all a known given name and more ("Jan de Vries")."""
    return shares.two_part >= _FULL_NAME_CELLS and shares.known_first >= _FULL_NAME_FIRSTS


# Cells and distinct values of a column of gender codes (M/V/X, man/vrouw).
_MIN_CODED_CELLS, _MAX_CODES = 20, 8


def _small_value_set(shares: values.Shares) -> str | None:
    """A few distinct values that are all gender codes."""
    if (
        shares.cells >= _MIN_CODED_CELLS
        and shares.distinct <= _MAX_CODES
        and shares.by_detector.get("gender", 0.0) >= 0.95
    ):
        return "quasi.gender"
    return None

"""V4 rescan: run the identifier detectors on the target and account for what they find.

Sluis's fakes look real on purpose (a fake BSN passes the 11-proef) and carry no marker,
and the verifier does not recompute them: that would need the anonymizer's transform code
and key, and one bug could then hide itself. Provenance is decided by the policy instead:
an identifier of category C found in a column is accounted for only when the column's rule
generates C (``fake``/``pseudonymize`` with category C or without a category, ``keep`` with
C in ``allow``: a reviewer's written confirmation that the values are look-alikes,
``redact_text`` with surrogates, ``replace_blob`` (text documents are redacted with
surrogates), ``hash`` (keyed hex, which now and then reads as a number), a ``json`` rule
with such paths). Everywhere else (``keep``, ``null``, ``mask``, ``generalize``,
``shift_date``, ``redact_text`` with tags, columns the policy does not name) a
real-looking identifier is reported. Whether an accounted-for identifier is an original is
the leak check's question.

Numbers that pass the 11-proef no more often than chance allows (three times one in
eleven) are not counted either: dates written ``19850312``, KvK numbers and amounts pass it
now and then. Numbers issued in sequence are not counted as identifiers: a column of case or invoice
numbers that pass the 11-proef by construction is reported only when its matching values
scatter like personal numbers do (not dense, not sharing one prefix).

Only identifiers are rescanned (categories ``id.*``, ``contact.*``, ``finance.*``,
``network.*``); whole cells are matched by detectors that need no context, free text, JSON
and documents are searched with the entity finder.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from sluis.discover.detectors import Detector, all_detectors, bsn, email
from sluis.discover.text import find_entities
from sluis.model import array_literal
from sluis.model.policy import (
    Fake,
    Hash,
    JsonRule,
    Keep,
    Pseudonymize,
    RedactText,
    ReplaceBlob,
    Rule,
)
from sluis.model.schema import LogicalType
from sluis.verify.context import VerifyContext, is_identifier, text_array
from sluis.verify.report import CheckResult, Finding, finding_rows

CODE = "V4"
NAME = "rescan"

ANY = "*"
_MIN_SCORE = 0.5
# One in eleven numbers passes the 11-proef by chance: a column of dates, KvK numbers or
# amounts where no more than CHANCE_FACTOR times that share pass holds no BSNs by design.
_ELEVEN_PROOF = frozenset({"id.bsn", "id.rsin", "id.onderwijsnummer"})
_ELEVEN_PROOF_RATE, _CHANCE_FACTOR = 1 / 11, 3
# Sequence test: at least this many numbers, spread no wider than DENSITY per number.
_MIN_SEQUENCE, _DENSITY, _MAX_NUMBERS = 20, 100, 20_000
_MAY_HOLD = re.compile(r"[\d@:]")
_MAY_HOLD_IN_ARROW = r"[\p{Nd}@:]"  # RE2's \d is ASCII; Python's is every decimal digit
# A date (with a time) holds no identifier either; ``tests`` check every identifier detector
# on dates in these shapes.
_DAY, _MONTH, _YEAR = r"(?:0?[1-9]|[12][0-9]|3[01])", r"(?:0?[1-9]|1[0-2])", r"(?:1[89]|20)[0-9]{2}"
PLAIN_DATE = (
    rf"^(?:{_YEAR}-{_MONTH}-{_DAY}(?:[ T][0-9]{{2}}:[0-9]{{2}}(?::[0-9]{{2}}(?:\.[0-9]{{1,6}})?)?)?"
    rf"|{_DAY}-{_MONTH}-{_YEAR})$"
)
# No identifier is a number of fewer digits (the shortest: KvK-nummer, eight digits, and a
# BSN that lost its leading zero); ``tests`` check every identifier detector on such numbers.
MIN_IDENTIFIER_DIGITS = 8


# What a fake in a kept notation may also read as: a BSN written 57.18.37.141 is IPv4-shaped;
# BSN and RSIN share the 11-proef, so either fake reads as the other. The generic pseudonym of
# a number keeps its digits' count but not their meaning: an 11-digit BIG number's may start
# 316… and read as a phone number, a 9-digit one's passes the 11-proef one time in eleven.
_DIGIT_SHAPED = ("contact.phone", "id.bsn", "id.rsin", "id.onderwijsnummer", "id.v_number")
_READS_AS = {
    "id.bsn": ("network.ip", "id.rsin"),
    "id.rsin": ("id.bsn",),
    **dict.fromkeys(
        (
            "id.kvk",
            "id.passport",
            "id.vat",
            "id.insurance_number",
            "id.professional_number",
            "id.employee_number",
        ),
        _DIGIT_SHAPED,
    ),
}


def generated(rule: Rule | None) -> frozenset[str]:
    """The categories a rule writes fakes of, or (``keep`` with ``allow``) that a reviewer
    confirmed are look-alikes; ``{"*"}`` for any."""
    if isinstance(rule, Keep):
        return frozenset(rule.allow)
    if isinstance(rule, Fake | Pseudonymize):
        category = rule.category or ANY
        return frozenset({category, *_READS_AS.get(category, ())})
    if isinstance(rule, RedactText):
        return frozenset(rule.allow) if rule.tags else frozenset({ANY})
    if isinstance(rule, ReplaceBlob | Hash):
        # Documents are redacted with surrogates; a keyed hash may look like anything.
        return frozenset({ANY})
    if isinstance(rule, JsonRule):
        out: set[str] = set(rule.allow)
        for path_rule in rule.paths.values():
            out |= generated(path_rule)
        if rule.default is not None:
            out |= generated(rule.default)
        return frozenset(out)
    return frozenset()


@dataclass
class _Scanned:
    """A column the rescan reads: what its rule accounts for, the detectors in the order to
    try them, and per distinct cell the categories found that the rule does not account for."""

    name: str
    accounted: frozenset[str]
    detectors: list[Detector]
    container: bool
    array: bool
    amounts: bool  # a decimal column: "1034567.00" is an amount, not "103456700"
    cache: dict[str, tuple[str, ...]] = field(default_factory=dict)


def run(ctx: VerifyContext) -> CheckResult:
    detectors = [d for d in all_detectors() if is_identifier(d.category) and not d.needs_context]
    hits: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    numbers: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    filled: dict[tuple[str, str], int] = defaultdict(int)
    cells = 0
    for table in ctx.target_schema.tables:
        scanned = []
        for column in table.columns:
            accounted = generated(ctx.policy.rule(table.name, column.name))
            if ANY not in accounted:
                # The rule's own categories first: a value that is what the rule writes is
                # accounted for, whatever other shape it also has.
                ordered = sorted(detectors, key=lambda d: d.category not in accounted)
                container = column.type in (LogicalType.JSON, LogicalType.BLOB)
                array = ctx.is_array(table.name, column.name)
                amounts = column.type is LogicalType.DECIMAL
                scanned.append(_Scanned(column.name, accounted, ordered, container, array, amounts))
        if not scanned:
            continue
        position = 0
        names = [c.name for c in scanned]
        for batch in ctx.target.batches(table.name, names, batch_rows=ctx.options.batch_rows):
            for index, scan in enumerate(scanned):
                present, candidates = _candidates(
                    batch.column(index),
                    () if scan.container else scan.accounted,
                    scan.array,
                    amounts=scan.amounts,
                )
                cells += present
                filled[(table.name, scan.name)] += present
                cache = scan.cache
                for r, text in candidates:
                    unaccounted = cache.get(text)
                    if unaccounted is None:
                        found = _identifiers(text, scan.container, scan.detectors)
                        unaccounted = tuple(found - scan.accounted)
                        if len(cache) < 100_000:
                            cache[text] = unaccounted
                    for category in unaccounted:
                        where = (table.name, scan.name, category)
                        hits[where].append(position + r + 1)
                        if text.isdigit() and len(numbers[where]) < _MAX_NUMBERS:
                            numbers[where].append(int(text))
            position += batch.num_rows
    sequences = [w for w, rows in hits.items() if _issued_in_sequence(numbers[w], len(rows))]
    chance = [
        w
        for w, rows in hits.items()
        if w[2] in _ELEVEN_PROOF
        and len(numbers[w]) == len(rows)
        and len(rows) < _CHANCE_FACTOR * _ELEVEN_PROOF_RATE * filled[(w[0], w[1])]
    ]
    for where in {*sequences, *chance}:
        del hits[where]
    findings = tuple(
        Finding(
            "real-looking identifier in a column whose rule does not generate it",
            table,
            column,
            category,
            len(rows),
            finding_rows(rows),
        )
        for (table, column, category), rows in sorted(hits.items())
    )
    counts = {
        "cells_scanned": cells,
        "unaccounted_identifiers": sum(f.count for f in findings),
        "columns_of_sequence_numbers": len(sequences),
        "columns_at_chance_rate": len(chance),
    }
    return CheckResult(CODE, NAME, not findings, counts, findings)


def _issued_in_sequence(numbers: list[int], hits: int) -> bool:
    """All hits are plain numbers that sit close together or share a long prefix."""
    if len(numbers) < _MIN_SEQUENCE or len(numbers) < min(hits, _MAX_NUMBERS):
        return False
    ordered = sorted(set(numbers))
    if ordered[-1] - ordered[0] < _DENSITY * len(ordered):
        return True
    prefixes: defaultdict[str, int] = defaultdict(int)
    for number in ordered:
        prefixes[str(number)[:4]] += 1
    return max(prefixes.values()) >= 0.8 * len(ordered)


def _candidates(
    values: pa.Array, accounted: Iterable[str], array: bool = False, *, amounts: bool = False
) -> tuple[int, Iterable[tuple[int, str]]]:
    """The number of filled cells, and ``(row, text)`` of those that may hold an identifier
    the rule does not account for: integers shorter than :data:`MIN_IDENTIFIER_DIGITS`
    digits (row ids, counts), text without a digit, "@" or ":", plain dates and what
    surely is one of the ``accounted`` categories cannot, nor with ``amounts`` a number
    with a fractional part. The elements of an ``array`` column are its cells, each with
    its row."""
    if array:
        elements, rows = array_literal.exploded(values)
        present, found = _candidates(elements, accounted)
        at = rows.to_pylist()
        return present, [(at[r], text) for r, text in found]
    if pa.types.is_integer(values.type):
        long_enough = pc.fill_null(
            pc.greater_equal(pc.abs(values), 10 ** (MIN_IDENTIFIER_DIGITS - 1)), False
        )
        rows = pc.indices_nonzero(long_enough).to_pylist()
        texts = [str(v) for v in values.filter(long_enough).to_pylist()]
        return len(values) - values.null_count, zip(rows, texts, strict=True)
    texts = text_array(values)
    candidate = pc.fill_null(may_hold_identifiers(texts), False)
    if amounts:
        fraction = pc.fill_null(pc.match_substring_regex(texts, _FRACTION), False)
        candidate = pc.and_(candidate, pc.invert(fraction))
    for category in accounted:
        sure = _SURELY.get(category)
        if sure is not None:
            candidate = pc.and_(candidate, pc.invert(pc.fill_null(sure(texts), False)))
    rows = pc.indices_nonzero(candidate).to_pylist()
    found = texts.filter(candidate).to_pylist()
    return len(texts) - texts.null_count, zip(rows, found, strict=True)


def _surely_email(texts: pa.Array) -> pa.Array:
    """What the e-mail detector surely matches, but for a first "{" (where the finder also
    reads the cell as JSON)."""
    return pc.and_(email.plain_matches(texts), pc.invert(pc.starts_with(texts, "{")))


_FRACTION = r"^-?[0-9]+\.[0-9]+$"
# Cells that are surely what a category's detector matches, in Arrow.
_SURELY = {"id.bsn": bsn.plain_matches, "contact.email": _surely_email}


def may_hold_identifiers(texts: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """:func:`may_hold_identifier` of each text (null for a null), in Arrow, and false for a
    plain date (:data:`PLAIN_DATE`)."""
    return pc.and_(
        pc.match_substring_regex(texts, _MAY_HOLD_IN_ARROW),
        pc.invert(pc.match_substring_regex(texts, PLAIN_DATE)),
    )


def may_hold_identifier(text: str) -> bool:
    """Every identifier has a digit, an "@" (e-mail) or a ":" (IPv6): text with none of them
    needs no detector (``tests`` check this against every identifier detector)."""
    return _MAY_HOLD.search(text) is not None


def _identifiers(text: str, container: bool, detectors: list[Detector]) -> set[str]:
    found: set[str] = set()
    if not may_hold_identifier(text):
        return found
    for detector in detectors:
        if detector.matches(text):
            found.add(detector.category)
            break
    if container or text.count(" ") >= 3 or text[:1] in "{[":
        found |= {
            s.category
            for s in find_entities(text)
            if is_identifier(s.category) and s.score >= _MIN_SCORE
        }
    return found

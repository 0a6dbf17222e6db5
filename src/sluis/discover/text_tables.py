"""Personal data in tables and forms pasted into free text, read through their labels.

An export pasted into a note (``achternaam;voorletters;geb_datum`` and rows under it), a
markdown or tab-separated table, and form lines (``Geboortedatum: …``, ``Telefoon = …``) say
what their values are: the header or label is read with the column-name vocabulary of
``sluis scan`` (:func:`sluis.discover.vocabulary.hint`), and each value under a personal
label becomes one span of that category, whatever it looks like (``19830117``, ``Bos``,
``K.``). Labels of free text (``toelichting``) and quasi-identifiers are left to the
detectors; a person label's value must be a name (no digits, a few words, no organization).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from sluis.discover.detectors._names import lex
from sluis.discover.detectors.base import Span
from sluis.discover.lexicon import normalize
from sluis.discover.text_cues import name_at, value_end
from sluis.discover.vocabulary import hint
from sluis.model.categories import IDENTIFIER_PREFIXES

DETECTOR = "text_label"
SCORE = 0.9
# Categories a label may give a value; quasi-identifiers and free text are not among them,
# nor whole addresses, whose parts the detectors find with their own categories.
_KINDS = ("person.", "id.", "contact.", "location.", "finance.", "network.")
_LEFT_TO_DETECTORS = frozenset({"location.address"})
_DELIMITERS = ("\t", ";", "|", ",")
_MAX_HEADER_FIELD = 40
# A label at a line's start or after a "|" between fields; its value runs to the line's end
# or the next "|" or ";" ("V-nummer: 3591182434 | nationaliteit: …"). Trailing blanks,
# punctuation and a parenthesized remark are cut in Python (a lazy match or a search
# anchored at "$" would be quadratic on long runs of blanks).
_LABEL = re.compile(
    r"(?m)(?:^|(?<=\|))[ \t>*•\-]*(?P<label>[^\W\d_][^\n:=|]{0,38}?)[ \t]*(?::|=|\t)[ \t]*"
    r"(?P<value>[^\n|;]*)"
)
_RULE_LINE = re.compile(r"[\s|:+\-=]*")
_FIELD = re.compile(r"[\"']?[^\W\d][\w .#/()\-]*[\"']?")
QUIET = "quiet"  # the category of a label of something not personal (zaaknr, status)
_HEADER = "header"  # marks a header line among _table_spans' spans
# What a cell under a not-personal label cannot be, however it looks: the numbers that pass a
# checksum by chance (a zaaknr passing the 11-proef). Names there are still found.
NUMBERS = ("id.", "finance.", "contact.phone")


def read_labels(text: str) -> tuple[list[Span], list[tuple[int, int, bool]]]:
    """The values under personal headers of delimited blocks and after personal form labels,
    and the quiet regions ``(start, end, numbers only)``: those blocks' header lines and the
    known labels, where nothing personal is (column names, not people), and cells under a
    label of something not personal, where no :data:`NUMBERS` are."""
    spans: list[Span] = []
    quiet: list[tuple[int, int, bool]] = []
    if "\n" in text:
        for span in _table_spans(text):
            if span.category in (QUIET, _HEADER):
                quiet.append((span.start, span.end, span.category == QUIET))
            else:
                spans.append(span)
    if ":" in text or "=" in text or "\t" in text:
        for span in _form_spans(text):
            if span.category == _HEADER:
                quiet.append((span.start, span.end, False))
            else:
                spans.append(span)
    return spans, quiet


@lru_cache(maxsize=4096)
def category_of(label: str) -> str | None:
    """The category a header or form label gives its values, ``QUIET`` for a label of
    something not personal (``zaaknr``, ``status``), else None."""
    label = label.strip().strip("\"'*_").strip()
    if not label or len(label) > _MAX_HEADER_FIELD or any(c.isdigit() for c in label):
        return None
    found = hint(label)
    if found.not_personal:
        return QUIET
    if (
        found.category is None
        or not found.category.startswith(_KINDS)
        or found.category in _LEFT_TO_DETECTORS
    ):
        return None
    return found.category


def _header(line: str, delimiter: str) -> bool:
    """Whether a line reads as column names: short fields, no sentence punctuation."""
    fields = [f.strip() for f in line.strip().strip("|").split(delimiter)]
    return all(
        0 < len(f) <= _MAX_HEADER_FIELD
        and _FIELD.fullmatch(f) is not None
        and (delimiter != "," or " " not in f)
        for f in fields
    )


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _cells(line: str, start: int, delimiter: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each cell's stripped value; outer pipes of a markdown row dropped."""
    bounds, pos = [], 0
    for part in line.split(delimiter):
        bounds.append((pos, pos + len(part)))
        pos += len(part) + 1
    if delimiter == "|" and line.strip().startswith("|"):
        bounds = bounds[1:]
    if delimiter == "|" and line.strip().endswith("|"):
        bounds = bounds[:-1]
    out = []
    for s, e in bounds:
        while s < e and line[s] in " \t\"'":
            s += 1
        while e > s and line[e - 1] in " \t\"'":
            e -= 1
        out.append((start + s, start + e))
    return out


def _table_spans(text: str) -> Iterator[Span]:
    lines = _lines(text)
    i = 0
    while i < len(lines):
        head_start, head = lines[i]
        delimiter = next((d for d in _DELIMITERS if head.count(d) >= 2 and _header(head, d)), None)
        if delimiter is None:
            i += 1
            continue
        header = _cells(head, head_start, delimiter)
        categories = [category_of(text[s:e]) for s, e in header]
        j = i + 1
        if not any(c not in (None, QUIET) for c in categories):
            i = j
            continue
        yield Span(head_start, head_start + len(head), _HEADER, DETECTOR, 0.0)
        while j < len(lines) and _RULE_LINE.fullmatch(lines[j][1]) and lines[j][1].strip():
            j += 1  # "|---|---|" under a markdown header
        while j < len(lines) and lines[j][1].count(delimiter) == head.count(delimiter):
            row_start, row = lines[j]
            for (s, e), category in zip(
                _cells(row, row_start, delimiter), categories, strict=False
            ):
                if category == QUIET and e > s:
                    yield Span(s, e, QUIET, DETECTOR, 0.0)
                elif category is not None and e > s and _acceptable(text[s:e], category):
                    yield Span(s, e, category, DETECTOR, SCORE)
            j += 1
        i = max(j, i + 1)


def _form_spans(text: str) -> Iterator[Span]:
    """The values after personal form labels; each known label itself as a :data:`_HEADER`
    span, where no name is ("Geboortedatum/Date of birth:")."""
    for m in _LABEL.finditer(text):
        category = category_of(m.group("label"))
        if category is None:
            continue
        yield Span(*m.span("label"), _HEADER, DETECTOR, 0.0)
        if category == QUIET:
            continue
        start, end = m.span("value")
        end = value_end(text, start, end)
        if end <= start:
            continue
        if category.startswith("person.") and category != "person.birth_date":
            # A speaker's line ("Klant: Ja, goedemiddag") is no name: the whole value must be
            # name-shaped.
            for span in name_at(text, start, category, end_limit=end, titled=True):
                yield Span(span.start, span.end, span.category, DETECTOR, SCORE)
        elif _acceptable(text[start:end], category):
            yield Span(start, end, category, DETECTOR, SCORE)


def _acceptable(value: str, category: str) -> bool:
    """A value the label may speak for: names without digits or organizations, identifiers
    with a digit (an e-mail address with an "@"), others with at most a line of text."""
    if len(value) > 80:
        return False
    if category == "contact.email":
        return "@" in value
    if category.startswith(IDENTIFIER_PREFIXES):
        return any(c.isdigit() for c in value)
    if not category.startswith("person.") or category == "person.birth_date":
        return True
    words = value.split()
    if any(c.isdigit() for c in value) or not words or len(words) > 6:
        return False
    organizations = lex().organizations
    norms = [normalize(w) for w in words]
    return " ".join(norms) not in organizations and not any(n in organizations for n in norms)


__all__ = ["category_of", "read_labels"]

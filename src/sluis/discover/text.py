"""Personal data inside free text: notes, letters, e-mail bodies, file names.

Every registered detector reports its instances (identifiers, names, streets, places,
quasi-identifiers); names licensed by their context (``text_cues``) and values under personal
labels of pasted tables and forms (``text_tables``) are added, and instances
that belong to an institution by their context (``text_filters``) are dropped. Overlapping
instances are then resolved so each character belongs to at most one span: a
checksum-validated identifier wins (an IBAN over the phone number inside it), then a name
licensed by context or label, otherwise the longer span, then the higher score.

Detectors that need a digit or an ``@`` are skipped on text without one, and results are
memoized per distinct text (bounded), since columns repeat their values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

from sluis.discover.detectors import all_detectors
from sluis.discover.detectors._names import FIRST, LAST, NAME, is_first, is_known_last, lex
from sluis.discover.detectors.base import Detector, Span
from sluis.discover.detectors.first_name import DETECTOR as FIRST_NAME
from sluis.discover.detectors.last_name import DETECTOR as LAST_NAME
from sluis.discover.detectors.person_name import DETECTOR as PERSON_NAME
from sluis.discover.lexicon import normalize
from sluis.discover.text_cues import DETECTOR as CUE_DETECTOR
from sluis.discover.text_cues import find_context_names
from sluis.discover.text_filters import is_institutional, org_regions, po_box_regions
from sluis.discover.text_tables import DETECTOR as LABEL_DETECTOR
from sluis.discover.text_tables import NUMBERS, read_labels
from sluis.model.categories import PERSON_NAMES

_DIGITS = re.compile(r"\d+")
# Detectors whose every instance contains a digit, or an "@".
_NEEDS_DIGIT = frozenset(
    {"bsn", "iban", "vat", "onderwijsnummer", "postcode", "phone", "ip", "birth_date",
     "kenteken", "passport", "v_number", "kvk", "agb", "rsin"}
)  # fmt: skip
_NEEDS_AT = frozenset({"email"})
# What an instance needs at least, from the detector's pattern: (the longest run of digits,
# the number of digits in the whole text). A text short of either cannot hold one.
_DIGITS_NEEDED: dict[str, tuple[int, int]] = {
    "street": (1, 1),  # a house number
    "bsn": (3, 7),
    "rsin": (4, 9),
    "kvk": (8, 8),
    "agb": (8, 8),
    "v_number": (10, 10),
    "onderwijsnummer": (4, 9),
    "postcode": (4, 4),
    "phone": (1, 7),
    "iban": (2, 2),
    "vat": (2, 11),
    "birth_date": (2, 3),
}
_CACHE_SIZE = 4096
# Spans licensed by what surrounds them: a context word or a table's or form's label.
_LICENSED = frozenset({CUE_DETECTOR, LABEL_DETECTOR})


@cache
def _plan() -> tuple[tuple[Detector, bool, bool, int, int], ...]:
    """Each detector with what it needs: (detector, checksum-validated, needs "@", longest
    digit run, digit count); the order of the candidates decides ties between equal spans."""
    detectors = all_detectors()
    ordered = (
        [d for d in detectors if d.code not in _NEEDS_DIGIT | _NEEDS_AT]
        + [d for d in detectors if d.code in _NEEDS_DIGIT]
        + [d for d in detectors if d.code in _NEEDS_AT]
    )
    plan = []
    for d in ordered:
        run, count = _DIGITS_NEEDED.get(d.code, (1, 1) if d.code in _NEEDS_DIGIT else (0, 0))
        plan.append((d, d.evidence.startswith("checksum"), d.code in _NEEDS_AT, run, count))
    return tuple(plan)


def find_entities(text: str) -> list[Span]:
    """Non-overlapping instances of personal data in ``text``, in text order."""
    if not text or text.isspace():
        return []
    return list(_find(text))


@lru_cache(maxsize=_CACHE_SIZE)
def _find(text: str) -> tuple[Span, ...]:
    runs = _DIGITS.findall(text)
    longest = max(map(len, runs)) if runs else 0
    count = sum(map(len, runs)) if runs else 0
    at = "@" in text
    boxes = po_box_regions(text) if "ostbus" in text or "ntwoordnummer" in text else []
    orgs = org_regions(text)
    length = len(text)
    labelled, quiet = read_labels(text)
    candidates: list[tuple[Span, bool]] = []
    add = candidates.append
    for detector, validated, needs_at, run, digits in _plan():
        if longest < run or count < digits or (needs_at and not at):
            continue
        for span in detector.find(text):
            if (
                0 <= span.start < span.end <= length
                and not is_institutional(text, span, boxes, orgs)
                and not (quiet and _quieted(span, quiet))
            ):
                add((span, validated))
    for span in (*find_context_names(text), *labelled):
        if 0 <= span.start < span.end <= length and not is_institutional(text, span, [], orgs):
            add((span, False))
    if length <= _CELL_LENGTH and not count and not candidates:
        cell = _whole_cell_name(text)
        if cell is not None and not is_institutional(text, cell, [], orgs):
            add((cell, False))
    spans = _with_initials(text, resolve_overlaps(candidates, length))
    return tuple(_births_after_names(text, _mentioned_again(text, spans, orgs, quiet)))


def organization_names(text: str, *, every_word: bool = False) -> list[tuple[int, int]]:
    """Character ranges of name-shaped runs the finder leaves alone because they name an
    organization by their context ("Deurwaarderskantoor De Groot & Visser", "Van Dijk
    Loodgieters", "CBS De Wegwijzer"), or a street or place; ``every_word`` also tries each
    capitalized word, as the source's own surnames are ("Rijn" in "Waterschap Rijn en
    Veluwe", which the anonymizer keeps by the same rules)."""
    orgs = org_regions(text)
    found = [*PERSON_NAME.find(text), *LAST_NAME.find(text)]
    if every_word:
        lx = lex()
        found += [
            Span(m.start(), m.end(), LAST, _ALONE, 0.5)
            for m in _CAPITALIZED.finditer(text)
            if (n := normalize(m.group())) not in lx.particle_words and n not in lx.salutations
        ]
    ranges = [(s.start, s.end) for s in found if is_institutional(text, s, [], orgs)]
    # A partner after "&" belongs to the firm too: "Kinderpraktijk Hoekstra & Yilmaz"; so
    # does the rest of a name the firm's word runs into ("Diëtistenpraktijk Annemieke Smit"),
    # and the given name of the person a school is named after ("Johan de Witt College").
    return [
        (m.start() if (m := _NAMED_AFTER.search(text, max(0, a - 40), a)) else a,
         m.end() if (m := _PARTNER.match(text, b)) else b)
        for a, b in ranges
    ]  # fmt: skip


_CAPITALIZED = re.compile(r"(?<![\w'’\-])[A-Z][^\W\d_]+(?:['’\-][^\W\d_]+)*")
_ALONE = "capitalized_word"
_NAMED_AFTER = re.compile(
    r"(?<![\w'’\-])(?:[A-Z][^\W\d_]+[ \t]+){1,2}(?:(?:van|de|der|den|ter|ten|te)[ \t]+)+$"
)
_PARTNER = re.compile(
    r"[ \t]*&[ \t]*[A-Z][\w'’\-]*(?:[ \t]+(?:[A-Z]|van|de|der|den)[\w'’\-]*){0,3}"
    r"|(?:[ \t]+(?:van|de|der|den))*[ \t]+[A-Z][\w'’\-]*"
)


def _births_after_names(text: str, spans: list[Span]) -> list[Span]:
    """A date in brackets right after a person's name is the birth date: ``Floor (26-01-2018)``."""
    for i in range(1, len(spans)):
        span, before = spans[i], spans[i - 1]
        if (
            span.category == "person.birth_date"
            and span.score < _BIRTH_AFTER_NAME
            and before.category in PERSON_NAMES
            and text[before.end : span.start].strip() in ("(", ", (", ",(")
        ):
            spans[i] = Span(span.start, span.end, span.category, span.detector, _BIRTH_AFTER_NAME)
    return spans


_BIRTH_AFTER_NAME = 0.8
# A text this short without digits may be one value of a mixed column ("Jansen", "Fatima").
_CELL_LENGTH = 60
_CELL_NAMES = ((PERSON_NAME, "person.name"), (LAST_NAME, "person.last_name"),
               (FIRST_NAME, "person.first_name"))  # fmt: skip


def _whole_cell_name(text: str) -> Span | None:
    """The whole text as a name, when it reads as a name cell: a key-value table's value
    column holds lone surnames and given names that no sentence surrounds."""
    stripped = text.strip()
    if not stripped or len(stripped.split()) > 4 or any(c in stripped for c in ".!?:;@/"):
        return None
    lx = lex()
    norms = [normalize(w) for w in stripped.split()]
    if any(n in lx.stop and n not in lx.particle_words for n in norms):
        return None  # "Bakker", "Kok": a trade in a list of descriptions
    if len(norms) == 1 and not (is_first(norms[0]) or is_known_last(norms[0])):
        return None  # "Mediavormgever", "app": one word of unknown spelling is no name
    if any(
        word.islower() and n not in lx.particle_words and not (is_first(n) or is_known_last(n))
        for word, n in zip(stripped.split(), norms, strict=True)
    ):
        return None  # "Afvalstoffenheffing eenpersoonshuishouden": a word no name list holds
    start = text.index(stripped[0])
    for detector, category in _CELL_NAMES:
        if detector.matches(stripped):
            return Span(start, start + len(stripped), category, detector.code, 0.6)
    return None


# A word of a name found in the text; its other mentions are that person's too.
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
_MIN_NAME_WORD = 3
_POSSESSIVE_ENDS = ("'s", "’s", "s")


def _mentioned_again(
    text: str, spans: list[Span], orgs: list[tuple[int, int]], quiet: list[tuple[int, int, bool]]
) -> list[Span]:
    """``spans`` with the other mentions of the names among them: "Huisbezoek bij mw. Bakker.
    |Bakker| vertelde ...", "Jan Hendriks ... |Hendriks'| schuld". A mention is written
    capitalized ("groen" stays a colour after "mevrouw Groen") or in small letters as the name
    was, and is no organization's."""
    lx = lex()
    words: dict[str, tuple[str, str]] = {}  # case-folded word: (as written, category)
    for span in spans:
        # Not from a line in capitals: a form's or letter's heading ("GEMEENTE ... AAN DEN RIJN").
        if span.category in PERSON_NAMES and not text[span.start : span.end].isupper():
            for m in _NAME_WORD.finditer(text, span.start, span.end):
                word = m.group()
                norm = normalize(word)
                if len(word) >= _MIN_NAME_WORD and not (
                    norm in lx.particle_words or norm in lx.note_words
                ):
                    words.setdefault(word.casefold(), (word, span.category))
    folded = text.casefold()
    if not any(folded.count(w) > 1 for w in words):
        return spans  # each name once: the common case, decided without reading word by word
    taken = bytearray(len(text))
    for span in spans:
        taken[span.start : span.end] = b"\x01" * (span.end - span.start)
    added: list[Span] = []
    for m in _candidates(text, folded, words):
        token = m.group()
        found = _known(words, token.casefold())
        if found is None or any(taken[m.start() : m.end()]):
            continue
        word, category = found
        # In small letters only as the name was written, and not where it is also a word ("wil").
        if not (token[0].isupper() or (token.startswith(word) and normalize(word) not in lx.stop)):
            continue
        if category == NAME:
            category = FIRST if is_first(normalize(word)) else LAST
        span = Span(m.start(), m.end(), category, _MENTION, 0.8)
        if is_institutional(text, span, [], orgs) or (quiet and _quieted(span, quiet)):
            continue
        added.append(span)
    return sorted([*spans, *added], key=lambda s: s.start) if added else spans


def _candidates(text: str, folded: str, words: Iterable[str]) -> Iterator[re.Match[str]]:
    """The words of ``text`` that may mention one of ``words``: those that start where one
    occurs in ``folded``; every word where case folding changed the length ("ß" → "ss")."""
    if len(folded) != len(text):
        yield from _NAME_WORD.finditer(text)
        return
    starts: set[int] = set()
    for word in words:
        at = folded.find(word)
        while at != -1:
            starts.add(at)
            at = folded.find(word, at + 1)
    for at in sorted(starts):
        before = text[max(0, at - 2) : at]
        if _LETTER.match(before[-1:]) or (before[-1:] in ("'", "’", "-") and _LETTER.match(before)):
            continue  # inside a word, where _NAME_WORD's search would not start one
        m = _NAME_WORD.match(text, at)
        if m is not None:
            yield m


def _known(words: dict[str, tuple[str, str]], folded: str) -> tuple[str, str] | None:
    """The name ``folded`` mentions, itself or in the possessive ("bakkers", "öztürk's")."""
    found = words.get(folded)
    if found is not None:
        return found
    for end in _POSSESSIVE_ENDS:
        if folded.endswith(end) and (found := words.get(folded[: -len(end)])) is not None:
            return found
    return None


_MENTION = "mentioned_again"


def _quieted(span: Span, quiet: list[tuple[int, int, bool]]) -> bool:
    """Inside a table's header line, or a number inside a not-personal column's cell."""
    return any(
        s <= span.start and span.end <= e and (not numbers or span.category.startswith(NUMBERS))
        for s, e, numbers in quiet
    )


# Initials right before a surname found on its own: "M. |van Ommeren|", "E.H. |Rietdijk|",
# or after it and a comma, as registers write names: "|Verhaegen|, H.".
_INITIALS_BEFORE = re.compile(r"(?:(?<=[\s(>,:;])|^)(?:[A-Z]\.[ ]?){1,3}[ ]?$")
_INITIALS_AFTER = re.compile(r", ?(?:[A-Z]\.){1,4}(?![\w.])(?! ?[A-Z][a-z])")
_EXTENDABLE = frozenset({"person.name", "person.last_name"})


def _with_initials(text: str, spans: list[Span]) -> list[Span]:
    """Person spans grown over the initials written before them or after a comma; the
    initials are free (no other span covers them), since overlaps are resolved already."""
    out: list[Span] = []
    for i, span in enumerate(spans):
        if span.category in _EXTENDABLE and span.start and text[span.start - 1] == " ":
            m = _INITIALS_BEFORE.search(text, max(0, span.start - 10), span.start)
            if m is not None and (not out or out[-1].end <= m.start()):
                span = Span(m.start(), span.end, "person.name", span.detector, span.score)
        if span.category in _EXTENDABLE and text.startswith(",", span.end):
            after = _INITIALS_AFTER.match(text, span.end)
            if after is not None and (i + 1 == len(spans) or after.end() <= spans[i + 1].start):
                span = Span(span.start, after.end(), "person.name", span.detector, span.score)
        out.append(span)
    return out


def resolve_overlaps(candidates: list[tuple[Span, bool]], length: int) -> list[Span]:
    """Greedy choice by (checksum-validated, licensed by context, length, score); earlier
    start breaks ties."""
    ranked = sorted(
        candidates,
        key=lambda c: (
            not c[1],
            c[0].detector not in _LICENSED,
            -(c[0].end - c[0].start),
            -c[0].score,
            c[0].start,
        ),
    )
    taken = bytearray(length)
    chosen: list[Span] = []
    for span, _validated in ranked:
        if any(taken[span.start : span.end]):
            continue
        taken[span.start : span.end] = b"\x01" * (span.end - span.start)
        chosen.append(span)
    chosen.sort(key=lambda s: s.start)
    return chosen


def text_categories(text: str) -> set[str]:
    """The category codes of the personal data found in ``text``."""
    return {span.category for span in find_entities(text)}


__all__ = ["find_entities", "organization_names", "resolve_overlaps", "text_categories"]

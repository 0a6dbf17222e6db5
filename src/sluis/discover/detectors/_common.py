"""Small helpers shared by the built-in detectors (private to this package)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import mul

import pyarrow as pa
import pyarrow.compute as pc

from sluis.discover.detectors.base import Span

# Weights of the Dutch 11-proef for BSN, RSIN and onderwijsnummer (last digit counts -1).
_ELEVEN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
# Summing weights times ASCII codes is faster than converting digits; this removes the "0"s.
_ASCII_OFFSET = ord("0") * sum(_ELEVEN_WEIGHTS)

_SEPARATORS = re.compile(r"[ .\-]")


def compact(value: str, separators: re.Pattern[str] = _SEPARATORS) -> str:
    """``value`` trimmed, without the separators people type inside numbers."""
    return separators.sub("", value.strip())


def eleven_proof_remainder(digits: str) -> int:
    """The 11-proef sum of nine ASCII digits, modulo 11 (0 for a BSN or RSIN)."""
    total: int = sum(map(mul, _ELEVEN_WEIGHTS, digits.encode("ascii")))
    return (total - _ASCII_OFFSET) % 11


def is_nine_ascii_digits(value: str) -> bool:
    """True for exactly nine ASCII digits (``str.isdigit`` also accepts other scripts)."""
    return len(value) == 9 and value.isascii() and value.isdigit()


def passes_eleven_proof_array(texts: pa.Array) -> pa.Array:
    """:func:`passes_eleven_proof` of each text, in Arrow."""
    nine = pc.match_substring_regex(texts, r"^[0-9]{9}$")
    digits = pc.if_else(nine, texts, "000000000")
    total = pa.scalar(0, pa.int64())
    for i, weight in enumerate(_ELEVEN_WEIGHTS):
        digit = pc.cast(pc.utf8_slice_codeunits(digits, i, i + 1), pa.int64())
        total = pc.add(total, pc.multiply(digit, weight))
    remainder = pc.subtract(total, pc.multiply(pc.divide(total, 11), 11))
    return pc.and_(pc.and_(nine, pc.equal(remainder, 0)), pc.not_equal(digits, "000000000"))


def passes_eleven_proof(digits: str) -> bool:
    """True when nine ASCII digits pass the BSN/RSIN 11-proef; ``000000000`` never does."""
    return (
        is_nine_ascii_digits(digits)
        and digits != "000000000"
        and eleven_proof_remainder(digits) == 0
    )


# The only characters that ``re.IGNORECASE`` matches to an ASCII letter but ``str.lower``
# does not turn into it (U+0130 would even become two characters).
_ODD_CASES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """``text`` in lower case, offset for offset, such that wherever a case-insensitive
    pattern matches an ASCII word, that word stands at the same offsets of the result in
    lower case: ``word in fold(text)`` is a cheap test before running such a pattern."""
    global _LAST_FOLDED
    last = _LAST_FOLDED
    if last[0] is text:  # every detector folds the same text in a row
        return last[1]
    if text.isascii():
        folded = text.lower()
    elif "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text:
        folded = text.translate(_ODD_CASES).lower()
    else:
        folded = text.lower()
    _LAST_FOLDED = (text, folded)
    return folded


_LAST_FOLDED = ("", "")


def contains_any(folded: str, words: Iterable[str]) -> bool:
    """True when one of the lower-case ``words`` occurs in ``folded`` (see ``fold``)."""
    return any(w in folded for w in words)


class LiteralStarts:
    """Runs a pattern only where one of ``literals`` (ASCII, lower case) starts in the folded
    text; with ``word_start`` only there and after a character that is neither a word
    character nor a dot (``fold`` keeps that true of every character). One search for all
    literals, grouped by first letter, costs far less than a case-insensitive alternation
    tried at every offset."""

    def __init__(self, literals: Iterable[str], *, word_start: bool) -> None:
        self.literals = tuple(sorted(set(literals), key=len, reverse=True))
        groups: dict[str, list[str]] = {}
        for literal in self.literals:
            groups.setdefault(literal[0], []).append(re.escape(literal[1:]))
        alternatives = "|".join(f"{re.escape(k)}(?:{'|'.join(v)})" for k, v in groups.items())
        self.word_start = word_start
        self._scan = re.compile(rf"[^\w.](?:{alternatives})" if word_start else alternatives)

    def finditer(self, pattern: re.Pattern[str], text: str, folded: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, given that every match of ``pattern`` is non-empty and
        starts with one of the literals (case-insensitively), after a separator when
        ``word_start``; ``folded`` is ``fold(text)``."""
        skip = 1 if self.word_start else 0
        resume = 0
        if self.word_start and folded.startswith(self.literals):
            m = pattern.match(text, 0)
            if m is not None:
                yield m
                resume = m.end()
        pos = max(0, resume - skip)
        search, match = self._scan.search, pattern.match
        while (h := search(folded, pos)) is not None:
            at = h.start() + skip
            m = match(text, at)
            if m is None:
                pos = at + 1 - skip
            else:
                yield m
                resume = m.end()
                pos = resume - skip


def words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A case-insensitive pattern for any of ``words`` as whole words (regex syntax allowed)."""
    alternatives = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w-])(?:{alternatives})(?![\w])")


def has_context(
    text: str,
    start: int,
    end: int,
    words: re.Pattern[str],
    before: int = 60,
    after: int = 30,
    floor: int = 0,
) -> bool:
    """True when one of ``words`` occurs within ``before`` characters before ``start`` (but not
    before ``floor``) or ``after`` characters after ``end``.

    Pass the end of the previous candidate as ``floor``: in ``V-nummer 1234567890, dossier
    2345678901`` the word belongs to the first number only.
    """
    if words.search(text, max(0, floor, start - before), start) is not None:
        return True
    return words.search(text, end, end + after) is not None


# Scores a candidate, given the end of the previous candidate (0 for the first); ``None`` rejects.
Scorer = Callable[[re.Match[str], int], float | None]


def hinted_finditer(
    pattern: re.Pattern[str], hint: re.Pattern[str] | None, text: str
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` (non-empty matches), trying ``pattern`` only where ``hint``
    matches. ``hint`` must match wherever ``pattern`` does, from the same offset; it pays when
    it starts with a literal or a character class (which the engine skips to quickly) and
    ``pattern`` starts with a lookbehind (which it tries at every offset)."""
    if hint is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    search, match = hint.search, pattern.match
    while (h := search(text, pos)) is not None:
        at = h.start()
        m = match(text, at)
        if m is None:
            pos = at + 1
        else:
            yield m
            pos = m.end()


def iter_spans(
    pattern: re.Pattern[str],
    text: str,
    category: str,
    detector: str,
    score: Scorer,
    hint: re.Pattern[str] | None = None,
) -> Iterator[Span]:
    """A span for each match that ``score`` accepts (returns a score rather than ``None``).

    The span covers the named group ``v`` when the pattern has one, else the whole match.
    ``hint`` is as for ``hinted_finditer``.
    """
    has_value_group = "v" in pattern.groupindex
    previous_end = 0
    for match in hinted_finditer(pattern, hint, text):
        result = score(match, previous_end)
        previous_end = match.end()
        if result is None:
            continue
        start, end = match.span("v") if has_value_group else match.span()
        yield Span(start, end, category, detector, result)


def context_scorer(
    text: str,
    words: re.Pattern[str],
    score: float,
    *,
    before: int = 40,
    after: int = 10,
    valid: Callable[[str], bool] | None = None,
) -> Scorer:
    """A scorer giving ``score`` to candidates that pass ``valid`` and have a context word
    nearby, rejecting the rest (for detectors whose pattern alone is weak)."""

    def scorer(match: re.Match[str], floor: int) -> float | None:
        if valid is not None and not valid(match.group()):
            return None
        start, end = match.span()
        return score if has_context(text, start, end, words, before, after, floor) else None

    return scorer


_DOTTED_QUAD = re.compile(r"\s*\d{1,3}(?:\.\d{1,3}){3}\s*")


def is_dotted_quad(value: str) -> bool:
    """``210.32.206.82``: an IPv4 address, whatever its digits add up to as a number."""
    return _DOTTED_QUAD.fullmatch(value) is not None


def is_ipv4(value: str) -> bool:
    """A dotted quad whose parts are all at most 255: ``57.18.37.141`` is an address,
    ``13.22.37.945`` is not."""
    return is_dotted_quad(value) and all(int(part) <= 255 for part in value.strip().split("."))


@dataclass(frozen=True)
class DigitsWithContext:
    """A number of ``digits`` digits with no check digit: any such cell matches (a column
    name must agree, hence ``needs_context``), and in text only with a keyword nearby."""

    code: str
    category: str
    digits: int
    keywords: re.Pattern[str]
    # Literals (lower case) one of which every match of ``keywords`` contains: a text without
    # any has no keyword, so no number in it is reported.
    gate: tuple[str, ...] = ()
    needs_context: bool = True
    evidence: str = field(init=False)
    _cell: re.Pattern[str] = field(init=False, repr=False)
    _text: re.Pattern[str] = field(init=False, repr=False)
    _hint: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        count = rf"\d{{{self.digits}}}"
        object.__setattr__(self, "evidence", f"pattern:{self.digits}-digits+context")
        object.__setattr__(self, "_cell", re.compile(count, re.ASCII))
        text = rf"(?<![\w.\-]){count}(?![\w\-]|[.,]\d)"
        object.__setattr__(self, "_text", re.compile(text, re.ASCII))
        object.__setattr__(self, "_hint", re.compile(rf"[0-9]{{{self.digits}}}"))

    def matches(self, value: str) -> bool:
        return self._cell.fullmatch(value.strip()) is not None

    def find(self, text: str) -> Iterator[Span]:
        if self.gate and not contains_any(fold(text), self.gate):
            return iter(())
        scorer = context_scorer(text, self.keywords, 0.9, before=40, after=10)
        return iter_spans(self._text, text, self.category, self.code, scorer, self._hint)

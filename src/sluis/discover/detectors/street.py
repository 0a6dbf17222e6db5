"""Street names, with or without house number and addition, and full address lines.

A street is recognized by its words, not a list of streets: a suffix (``Kerkstraat``,
``Meerdervoortlaan``) or an opening street word (``Laan van Meerdervoort``, ``Korte
Nieuwstraat``). A cell may add a house number (``12``, ``12a``, ``1a-3``, ``12 hs``) and a
postcode and city. In free text a street needs a house number; a capitalized phrase with a
house number but no street word counts only after an address word (``woont aan``) or before
a postcode.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sluis.discover import lexicon
from sluis.discover.detectors._common import contains_any, fold, has_context, words_pattern
from sluis.discover.detectors.base import Span
from sluis.discover.lexicon import normalize

# A house number and its addition: 12a, 12-14, 12-II, 12-3hg, 12 hs, 12 bis, 12 A; not
# the word after a spaced number ("53 op 16 mei").
_NUMBER = (
    r"\d{1,5}(?:[ ]?-[ ]?(?:\d{1,4}[a-zA-Z]{0,3}|[a-zA-Z]{1,3})\b"
    r"|[ ]?(?:(?i:hs|bis|huis)|[IV]{1,3})\b|[a-zA-Z]{1,2}\b|[ ](?:[a-zA-Z]|(?i:bv|hg))\b)?"
    r"(?:[ ]bis\b)?"
)
# What free text writes after a house number: "app. 34", "kamer 2", "3hg", "boven".
_ADDITION = (
    r"(?:[ ](?:(?i:app|apt|appartement|kamer|unit)\.?[ ]?\d{1,4}[a-zA-Z]?"
    r"|(?:\d{1,2}[ ]?)?(?i:hg|hoog|bg|boven|beneden|zw)\b))"
)
# "Kerkstraat nr. 12", "Dorpsweg no 4".
_NR = r"(?:(?i:nr|no|nummer)\.?[ ])?"
_CELL = re.compile(
    rf"(?P<street>[^\d,]+?)(?:\s+(?P<num>{_NUMBER})(?:[ ]?-[ ]?[a-zA-Z0-9]{{1,4}})?)?"
    r"(?:\s*,?\s*[1-9]\d{3}\s?[A-Za-z]{2}(?:\s*,?\s+[^\d,]+)?)?"
)
_STREET_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_PARTICLE = r"(?:van|de|der|den|het|'t|ter|ten|op|aan|in|bij|la|le|du)"
# Words and their number are bounded (a street has at most seven words of at most 40
# characters), which keeps the search linear in the text.
_WORD = rf"(?:[A-Z][\w'’.-]{{0,40}}|{_PARTICLE})"
_TEXT = re.compile(
    rf"(?P<street>{_WORD}(?:[ ]{_WORD}){{0,6}}?)"
    rf"[ ]{_NR}(?P<num>{_NUMBER}(?:-\d{{1,4}})?{_ADDITION}?)(?![\d,.]\d)"
)
# Typed in lower case ("kerkstraat 98 hs"): only a word with a street suffix, after an
# address word.
_LOWER_TEXT = re.compile(
    rf"(?<![\w.])(?P<street>[a-z][a-z'-]{{3,40}})[ ]{_NR}(?P<num>{_NUMBER}{_ADDITION}?)(?![\d,.]\d)"
)
# A house number named as one, without a street: "postcode 1234 AB, huisnummer 12".
_NAMED_NUMBER = re.compile(
    rf"(?i:\b(?:huisnummer|huisnr|hnr)\.?)[ \t]*:?[ \t]*(?P<num>{_NUMBER})(?![\d,.]\d)"
)
# One of these is in every match of _NAMED_NUMBER, in any case (see fold).
_NAMED_NUMBER_GATE = ("nr", "nummer")
_POSTCODE_AFTER = re.compile(r"\s*,?\s*[1-9]\d{3}\s?[A-Z]{2}\b")
_ADDRESS_WORDS = words_pattern(
    ["woont", "wonende", "woonachtig", "adres", "woonadres", "verhuisd", "verhuist",
     "ingeschreven", "postadres", "address", "lives", "woning", "pand", "perceel"]
)  # fmt: skip
# One of these is in every match of _ADDRESS_WORDS (see fold).
_ADDRESS_GATE = ("woon", "wonende", "adres", "verhuis", "ingeschreven", "address", "lives",
                 "woning", "pand", "perceel")  # fmt: skip
_PARTICLES = frozenset({"van", "de", "der", "den", "het", "'t", "ter", "ten", "la", "le", "du"})


@dataclass(frozen=True)
class StreetDetector:
    code: str = "street"
    category: str = "location.street"
    evidence: str = "shape:street-suffix+house-number"
    needs_context: bool = False

    def matches(self, value: str) -> bool:
        m = _CELL.fullmatch(value.strip())
        if m is None:
            return False
        words = m.group("street").split()
        if not 1 <= len(words) <= 7 or not all(_STREET_WORD.fullmatch(w) for w in words):
            return False
        norms = [normalize(w) for w in words]
        if " ".join(norms) in lexicon.dutch_places():
            return False  # "Rotterdam", "Zaandam": a town, not the Dam
        if len(norms) == 1 and m.group("num") is None and not _has_prefix(norms[0]):
            return False  # "straat", "markt": a street only with a house number
        return _street_key(norms) is not None

    def find(self, text: str) -> Iterator[Span]:
        for m in _TEXT.finditer(text):
            span = _street_span(text, m)
            if span is not None:
                yield span
        folded = fold(text)
        if contains_any(folded, _NAMED_NUMBER_GATE):
            for m in _NAMED_NUMBER.finditer(text):
                yield Span(m.start("num"), m.end("num"), "location.house_number", "street", 0.7)
        if not contains_any(folded, _ADDRESS_GATE):
            return  # a lower-case street counts only after an address word
        for m in _LOWER_TEXT.finditer(text):
            if _has_prefix(m.group("street")) and has_context(
                text, m.start(), m.end(), _ADDRESS_WORDS, before=30, after=0
            ):
                yield Span(m.start(), m.end("num"), "location.street", "street", 0.7)


@lru_cache(maxsize=1 << 16)
def _has_prefix(norm: str) -> bool:
    suffixes = lexicon.street_suffixes()
    return any(norm.endswith(s) and len(norm) > len(s) + 1 for s in suffixes)


@lru_cache(maxsize=1 << 16)
def is_street_word(norm: str) -> bool:
    """A street suffix with something before it, or a word that opens a street name."""
    if norm in lexicon.street_words() or norm in lexicon.street_suffixes():
        return True
    return _has_prefix(norm)


def _street_key(norms: Sequence[str]) -> int | None:
    """Index of the rightmost street word, ignoring particles."""
    for i in range(len(norms) - 1, -1, -1):
        if norms[i] not in _PARTICLES and (
            is_street_word(norms[i].rstrip(".")) or _abbreviated(norms[i])
        ):
            return i
    return None


def _street_span(text: str, m: re.Match[str]) -> Span | None:
    words = [(w.start(), w.group()) for w in _STREET_WORD.finditer(text, *m.span("street"))]
    words += [(q.start(), q.group()) for q in re.finditer(r"'t", text[m.start() : m.end("street")])]
    words.sort()
    if not words:
        return None
    norms = [normalize(w) for _, w in words]
    key = _street_key(norms)
    score = 0.8
    if key is None:
        # No street word: the capitalized words before the number ("Vosseberg", "De Haan"),
        # after an address word ("woont aan de", "mijn woning aan de") or before a postcode.
        first = _capitalized_tail(words, norms)
        start = words[first][0]
        context = has_context(text, start, m.end(), _ADDRESS_WORDS, before=30, after=0)
        if not (context or _POSTCODE_AFTER.match(text, m.end())) or not words[-1][1][0].isupper():
            return None
        words, norms = words[first:], norms[first:]
        key, score = len(words) - 1, 0.6
    places = lexicon.dutch_places()
    if any(" ".join(norms[i : key + 1]) in places for i in range(key + 1)):
        return None  # "woont in Amsterdam 12 jaar": a town, though it ends like the Dam
    if any(_ends_sentence(w) for _, w in words[key:]):
        return None  # "bij Sint Maartenskliniek. Geboren 03-..."
    start = key
    streetish = lexicon.street_words()
    while start > 0:
        prev, word = norms[start - 1], words[start - 1][1]
        if word[0].isupper() and (prev in streetish or prev in _PARTICLES or word.endswith(".")):
            start -= 1
        elif prev in _PARTICLES and start > 1 and words[start - 2][1][0].isupper():
            start -= 2  # "Jan van Goyenkade", "Willem de Zwijgerlaan"
        elif (
            start == key
            and word[0].isupper()
            and word[-1].isalpha()
            and prev in lexicon.first_names()
            and _has_prefix(norms[key])
        ):
            start -= 1  # a street named after a person: "Frans Halsplein", "Jan Steenlaan"
        else:
            break
    if not words[start][1][0].isupper():
        return None
    return Span(words[start][0], m.end("num"), "location.street", "street", score)


def _capitalized_tail(words: list[tuple[int, str]], norms: list[str]) -> int:
    """The index of the first of the capitalized words that end ``words``, particles between
    them included ("Hof van Delft"), an address word not ("Woont aan de Vosseberg")."""
    first = len(words) - 1
    while first > 0:
        if words[first - 1][1][0].isupper() and not _ADDRESS_WORDS.fullmatch(norms[first - 1]):
            first -= 1
        elif norms[first - 1] in _PARTICLES and first > 1 and words[first - 2][1][0].isupper():
            first -= 2
        else:
            break
    return first


def _abbreviated(norm: str) -> bool:
    """``koolmeesstr.``: a street with its suffix abbreviated."""
    return norm.endswith("str.") and len(norm) > 5


def _ends_sentence(word: str) -> bool:
    """A word with a full stop that is not an abbreviation (``Dr.``, ``Burg.``, ``…str.``)."""
    return (
        word.endswith(".")
        and len(word) > 5
        and "." not in word[:-1]
        and not _abbreviated(normalize(word))
    )


DETECTOR = StreetDetector()

"""The fingerprint normalizations as first written (plain regular expressions, no caches).

Kept as the reference the faster code in :mod:`sluis.verify.fingerprints` and the columnar
code in :mod:`sluis.verify.pieces` must agree with.
"""

from __future__ import annotations

import re

from sluis.verify.fingerprints import MAX_NGRAM, MIN_DIGITS, MIN_TEXT, shaped

_NOT_WORD = re.compile(r"[^\w@]|_")
_SEPARATORS = re.compile(r"[\s.\-/()]")
_NUMBER = re.compile(r"(?:\+|00)?\d+")
_IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z]{4}(\d{10})")
_TOKEN = re.compile(r"[\w@.+\-']+")
_SPACED_ID = re.compile(
    r"(?:\+|\b)\d[\d .\-/()]{4,22}\d\b|\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){3,7}(?: ?\d{1,2})?\b"
)


def text_form(value: str) -> str:
    if value.isalnum():
        return value.casefold()
    return _NOT_WORD.sub("", value.casefold())


def forms(value: str) -> list[str]:
    out: list[str] = []
    if value.isalpha():
        if len(value) >= MIN_TEXT:
            out.append("t" + value.casefold())
        return out
    shape = shaped(value)  # dates, IP addresses and amounts came later: as written there
    if shape is not None:
        return shape
    text = text_form(value)
    if len(text) >= MIN_TEXT:
        out.append("t" + text)
    compact = value if value.isdigit() else _SEPARATORS.sub("", value)
    if compact.isdigit() or _NUMBER.fullmatch(compact):
        if compact.startswith(("+31", "0031")):
            rest = compact[3:] if compact[0] == "+" else compact[4:]
            if len(rest.lstrip("0")) == 9:
                compact = rest
        digits = compact.lstrip("+").lstrip("0")
        if len(digits) >= MIN_DIGITS:
            out.append("d" + digits)
    else:
        iban = _IBAN.fullmatch(compact.upper())
        if iban:
            out.append("d" + iban.group(1).lstrip("0"))
    return out


def tokens(text: str) -> list[str]:
    found = [t.strip(".-'") for t in _TOKEN.findall(text)]
    return [t for t in found if t]


def of_cell(
    text: str,
    *,
    every: bool = False,
    starts: frozenset[str] = frozenset(),
    dictionary: frozenset[str] = frozenset(),
) -> tuple[set[str], set[str]]:
    """(every piece, whole cell and runs) of a target cell, as tagged forms. Without
    ``every``, runs start only at a word in ``starts`` (tagged), and a word of
    ``dictionary`` (text forms) is no piece alone."""
    whole = set(forms(text))
    singles: set[str] = set()
    runs: set[str] = set()
    words = [text] if text.isalnum() else tokens(text)
    # No parts of an e-mail address, a UUID or a hex digest.
    hex_id = r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32,}"
    for word in (w for w in words if "@" not in w and not re.fullmatch(hex_id, w)):
        found = re.findall(r"[^\W_]+", word)
        for part in found if len(found) > 1 else []:
            if (not part.isdigit() or len(part) >= 9) and (
                every or text_form(part) not in dictionary
            ):
                singles.update(forms(part))
        for part in found:  # a BSN glued to letters: "123456782L01"
            if not part.isdigit():
                singles.update(f for digits in re.findall(r"\d{9,}", part) for f in forms(digits))
    if text.isalnum():
        return whole | singles, set(whole)
    if len(words) > 1 or (words and words[0] != text):
        texts = [text_form(w) for w in words]
        for i, word in enumerate(words):
            if every or texts[i] not in dictionary:
                singles.update(forms(word))
            if every or "t" + texts[i] in starts:
                joined = texts[i]
                for j in range(i + 1, min(i + MAX_NGRAM, len(words))):
                    joined += texts[j]
                    runs.add("t" + joined)
        for match in _SPACED_ID.finditer(text):
            singles.update(forms(match.group(0)))
    structural = whole | runs
    return structural | singles, structural


def first_word(value: str) -> str | None:
    """The tagged first word of a value of several words, where a run may start."""
    if value.isalnum():
        return None
    words = tokens(value)
    return "t" + text_form(words[0]) if len(words) >= 2 else None

"""Keyed fingerprints of values, in every normalization the leak check compares.

A fingerprint is a keyed BLAKE2b-64 of a normalized form (a keyed PRF like HMAC-SHA256,
and faster: the keyed state is set up once and copied for each value). The key is
random per run, or derived from the Sluis key file when one is given, and never written
anywhere, so the fingerprints cannot be reversed or matched outside this run. Sets of
fingerprints are sorted ``uint64`` Arrow arrays searched by a vectorized binary search:
8 bytes a value instead of a Python set of strings. With 10^8 source values a random
target value collides with one of them with probability about 10^8 / 2^64 ≈ 5·10^-12, so
a 64-bit truncation cannot cause a false leak in practice.

Normalizations (each form is tagged, so a text form never meets a digit form):

* ``t``: casefold, with whitespace, punctuation and separators removed (``@`` kept);
  forms shorter than :data:`MIN_TEXT` are skipped, because single letters, initials and
  small numbers would match everywhere.
* ``d``: for identifier-shaped values (digits with separators, at least :data:`MIN_DIGITS`):
  digits only, a ``+31``/``0031`` prefix and then leading zeros removed, so ``+31 6 1234
  5678``, ``0031612345678`` and ``06-12345678`` meet, as do 8- and 9-digit BSNs.
* ``d`` also for an NL IBAN: its account digits, leading zeros removed.
* ``D`` for a date written with separators (``2023-01-15``, ``15-1-2023``): year, month and
  day, so a date never meets an 8-digit BSN or a phone number with the same digits; ``i``
  for a dotted IPv4 address as written. An amount (``83124.56``) has no form: it is no
  personal data, and its digits must not meet an identifier's.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Iterable
from zlib import crc32

import pyarrow as pa
import pyarrow.compute as pc

MIN_TEXT = 4
MIN_DIGITS = 6
MAX_NGRAM = 4

_NOT_WORD = re.compile(r"[^\w@]|_")
_SEPARATORS = re.compile(r"[\s.\-/()]")
_NUMBER = re.compile(r"(?:\+|00)?\d+")
_IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z]{4}(\d{10})")
_TOKEN = re.compile(r"[\w@.+\-']+")
_SPACED_ID = re.compile(
    r"(?:\+|\b)\d[\d .\-/()]{4,22}\d\b|\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){3,7}(?: ?\d{1,2})?\b"
)
_DIGIT = re.compile(r"\d")
# ASCII text (most cells) takes a bytes path that gives what the patterns above give: the
# tables are derived from the patterns, one ASCII character at a time.
_ASCII = range(128)
_NOT_WORD_BYTES = bytes(c for c in _ASCII if _NOT_WORD.fullmatch(chr(c)))
_SEPARATOR_BYTES = bytes(c for c in _ASCII if _SEPARATORS.fullmatch(chr(c)))
_TOKEN_OR_SPACE = bytes(c if c >= 128 or _TOKEN.fullmatch(chr(c)) else ord(" ") for c in range(256))


class FingerprintKey:
    """The secret behind one run's fingerprints; never printed."""

    def __init__(self, material: bytes) -> None:
        if len(material) != 32:
            raise ValueError("a fingerprint key is 32 bytes")
        self._material = material
        # Keyed once: copying a keyed state costs half of keying BLAKE2b again per value.
        self._keyed = hashlib.blake2b(key=material, digest_size=8)

    def __getstate__(self) -> dict[str, object]:
        return {"_material": self._material}  # a hash state does not pickle

    def __setstate__(self, state: dict[str, bytes]) -> None:
        self._material = state["_material"]
        self._keyed = hashlib.blake2b(key=self._material, digest_size=8)

    def __repr__(self) -> str:
        return "FingerprintKey(***)"

    @classmethod
    def random(cls) -> FingerprintKey:
        return cls(os.urandom(32))

    @classmethod
    def derived(cls, master: bytes) -> FingerprintKey:
        """A sub-key of a Sluis key, so runs with the same key fingerprint alike."""
        return cls(hmac.digest(master, b"sluis.verify.fingerprint", "sha256"))

    def fingerprint(self, tagged: str) -> int:
        """64-bit keyed BLAKE2b of a tagged form (``t`` + form or ``d`` + form)."""
        digest = self._keyed.copy()
        digest.update(tagged.encode())
        return int.from_bytes(digest.digest(), "big")


def text_form(value: str) -> str:
    if value.isalnum():
        return value.casefold()
    if value.isascii():
        return value.lower().encode().translate(None, _NOT_WORD_BYTES).decode()
    return _NOT_WORD.sub("", value.casefold())


def forms(value: str) -> list[str]:
    """The tagged normal forms of one value (none for trivially short values)."""
    out: list[str] = []
    if value.isalpha():
        if len(value) >= MIN_TEXT:
            out.append("t" + value.casefold())
        return out
    if value[:1].isdigit() and not value.isdigit():
        shape = shaped(value)
        if shape is not None:
            return shape
    if value.isascii():
        # What text_form and the patterns give, on bytes: for ASCII, casefold is lower,
        # \d is isdigit, and an IBAN's 18 characters keep their number under upper().
        raw = value.encode()
        text = (
            value.lower()
            if value.isalnum()
            else raw.lower().translate(None, _NOT_WORD_BYTES).decode()
        )
        compact = value if value.isdigit() else raw.translate(None, _SEPARATOR_BYTES).decode()
        number = compact.isdigit() or (compact[:1] == "+" and compact[1:].isdigit())
        iban_shaped = len(compact) == 18
    else:
        text = text_form(value)
        compact = value if value.isdigit() else _SEPARATORS.sub("", value)
        number = compact.isdigit() or _NUMBER.fullmatch(compact) is not None
        iban_shaped = True
    if len(text) >= MIN_TEXT:
        out.append("t" + text)
    if number:
        # A +31/0031 prefix only where a 9-digit national number follows (+31 (0)6 ...),
        # so a BSN written with leading zeros (003112345) keeps its digits.
        if compact.startswith(("+31", "0031")):
            rest = compact[3:] if compact[0] == "+" else compact[4:]
            if len(rest.lstrip("0")) == 9:
                compact = rest
        digits = compact.lstrip("+").lstrip("0")
        if len(digits) >= MIN_DIGITS:
            out.append("d" + digits)
    elif iban_shaped:
        iban = _IBAN.fullmatch(compact.upper())
        if iban:
            out.append("d" + iban.group(1).lstrip("0"))
    return out


_DATE_YMD = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_DATE_DMY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")
_IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_AMOUNT = re.compile(r"\d{1,12}[.,]\d{2}")


def shaped(value: str) -> list[str] | None:
    """The forms of a date, an IPv4 address or an amount (see the module docstring), or
    None for a value of none of these shapes."""
    date = _DATE_YMD.fullmatch(value)
    if date is not None:
        year, month, day = date.group(1, 3, 4)
    elif (date := _DATE_DMY.fullmatch(value)) is not None:
        day, month, year = date.group(1, 3, 4)
    if date is not None and 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
        return [f"D{year}{int(month):02d}{int(day):02d}"]
    if _IPV4.fullmatch(value):
        return ["i" + value]
    if _AMOUNT.fullmatch(value):
        return []
    return None


def tokens(text: str) -> list[str]:
    if text.isascii():
        # Every byte outside a token becomes a space, so split() finds _TOKEN's matches.
        out = []
        for piece in text.encode().translate(_TOKEN_OR_SPACE).split():
            piece = piece.strip(b".-'")
            if piece:
                out.append(piece.decode())
        return out
    found = [t.strip(".-'") for t in _TOKEN.findall(text)]
    return [t for t in found if t]


class Prefilter:
    """A one-hash bit filter over tagged forms, so only forms that may be in a set pay for a
    keyed fingerprint. Fixed size: 2^26 bits, 8 MiB. The hash is CRC-32, the same in every
    process (Python's own ``hash`` of text is salted per process), so worker processes can
    share a filter built here."""

    BITS = 26

    def __init__(self) -> None:
        self._bits = bytearray(1 << (self.BITS - 3))
        self._mask = (1 << self.BITS) - 1
        # Counts additions, so answers remembered elsewhere can tell they are stale.
        self.changes = 0

    def add(self, tagged: str) -> None:
        h = crc32(tagged.encode()) & self._mask
        self._bits[h >> 3] |= 1 << (h & 7)
        self.changes += 1

    def __contains__(self, tagged: str) -> bool:
        h = crc32(tagged.encode()) & self._mask
        return bool(self._bits[h >> 3] & (1 << (h & 7)))

    def passing(self, forms: list[str]) -> list[str]:
        """The forms that may have been added (``form in self`` for each, in one call)."""
        bits, mask = self._bits, self._mask
        out = []
        for tagged in forms:
            h = crc32(tagged.encode()) & mask
            if bits[h >> 3] & (1 << (h & 7)):
                out.append(tagged)
        return out

    def update(self, other: Prefilter) -> None:
        """Add every form ``other`` holds (a bitwise or, on 64-bit words in Arrow)."""
        words = len(self._bits) // 8
        mine, theirs = (
            pa.Array.from_buffers(pa.uint64(), words, [None, pa.py_buffer(bits)])
            for bits in (self._bits, other._bits)
        )
        merged = pc.bit_wise_or(mine, theirs).buffers()[1]
        self._bits = bytearray(memoryview(merged)[: len(self._bits)])
        self.changes += 1


class Fingerprinter:
    """Fingerprints of values and cells for one run.

    :meth:`register` notes a source value's forms (and, for values of several words, the
    first word, where a run of tokens may start); :meth:`of_cell` then fingerprints only
    the pieces of a target cell that may match.
    """

    def __init__(self, key: FingerprintKey, dictionary: frozenset[str] = frozenset()) -> None:
        self._key = key
        # Dictionary words ("kosten", "water"): alone in a target cell they are the word,
        # also where someone bears it as a surname, so they are no piece of their own.
        self._dictionary = dictionary
        self._cache: dict[str, int] = {}
        self._words: dict[str, tuple[str, list[str]]] = {}
        # Per token: its text form, its forms the prefilter passes, whether a run starts
        # there; valid while ``_state`` (the prefilters and their change counts) holds.
        self._filtered: dict[str, tuple[str, list[str], bool]] = {}
        self._state: tuple[object, ...] = ()
        self.known = Prefilter()
        self.starts = Prefilter()

    @property
    def key(self) -> FingerprintKey:
        return self._key

    def merge(self, other: Fingerprinter) -> None:
        """Take over what ``other`` (same key, another process) registered."""
        self.known.update(other.known)
        self.starts.update(other.starts)

    def __getstate__(self) -> dict[str, object]:
        # Worker processes rebuild their own cache; shipping it would only cost time.
        return {**self.__dict__, "_cache": {}, "_words": {}, "_filtered": {}, "_state": ()}

    def _fp(self, tagged: str) -> int:
        fp = self._cache.get(tagged)
        if fp is None:
            if len(self._cache) > 500_000:
                self._cache.clear()
            fp = self._key.fingerprint(tagged)
            self._cache[tagged] = fp
        return fp

    def _word(self, word: str) -> tuple[str, list[str]]:
        """A token's text form and its tagged forms; tokens repeat from cell to cell."""
        found = self._words.get(word)
        if found is None:
            if len(self._words) > 200_000:
                self._words.clear()
            found = self._words[word] = (text_form(word), forms(word))
        return found

    def _pieces(self, words: list[str], every: bool) -> list[tuple[str, list[str], bool]]:
        """Per token: (text form, its forms that may be known, whether a known value of
        several words starts with it); ``every``: all forms, and a run may start anywhere."""
        if every:
            return [(*self._word(w), True) for w in words]
        known, starts = self.known, self.starts
        state = (known, known.changes, starts, starts.changes)
        if state != self._state or len(self._filtered) > 200_000:
            self._filtered.clear()
            self._state = state
        out = []
        for word in words:
            piece = self._filtered.get(word)
            if piece is None:
                first, word_forms = self._word(word)
                usable = [] if first in self._dictionary else known.passing(word_forms)
                piece = self._filtered[word] = (first, usable, "t" + first in starts)
            out.append(piece)
        return out

    def of_value(self, value: str) -> list[int]:
        return [self._fp(f) for f in forms(value)]

    def register(self, value: str) -> list[int]:
        """Fingerprints of a source value, remembered by the prefilters."""
        found = forms(value)
        for tagged in found:
            self.known.add(tagged)
        if not value.isalnum():  # an alphanumeric value is one token
            words = tokens(value)
            if len(words) >= 2:
                self.starts.add("t" + text_form(words[0]))
        return [self._fp(f) for f in found]

    def of_cell(self, text: str, *, every: bool = False) -> tuple[set[int], set[int]]:
        """(all pieces, whole cell and runs of tokens) that may be known, fingerprinted.

        Pieces: the whole cell, its tokens (but for dictionary words), runs of up to
        :data:`MAX_NGRAM` tokens that start where a known value of several words starts
        (``Fatima El Amrani``) and spaced identifiers (``NL91 ABNA 0417 1643 00``). ``every``
        skips the prefilters and keeps dictionary words.
        """
        known = self.known
        whole = forms(text)
        if not every:
            whole = known.passing(whole)
        fp = self._fp
        if text.isalnum():  # one token, the whole cell: no pieces or runs of its own
            fps = set()
            for tagged in whole:
                fps.add(fp(tagged))
            return fps, fps
        singles: set[str] = set()
        runs: set[str] = set()
        words = tokens(text)
        if len(words) > 1 or (words and words[0] != text):
            pieces = self._pieces(words, every)
            for i, (first, usable, start) in enumerate(pieces):
                singles.update(usable)
                if start:
                    joined = first
                    for j in range(i + 1, min(i + MAX_NGRAM, len(words))):
                        joined += pieces[j][0]
                        tagged = "t" + joined
                        if every or tagged in known:
                            runs.add(tagged)
            if _DIGIT.search(text):  # every spaced identifier has digits
                for match in _SPACED_ID.finditer(text):
                    found = forms(match.group(0))
                    singles.update(found if every else known.passing(found))
        structural = set()
        for tagged in whole:
            structural.add(fp(tagged))
        for tagged in runs:
            structural.add(fp(tagged))
        if not singles:
            return structural, structural
        return structural | {fp(f) for f in singles}, structural


class FingerprintSet:
    """A sorted ``uint64`` array of fingerprints with a category index for each."""

    def __init__(self, fingerprints: pa.Array, categories: pa.Array, names: list[str]) -> None:
        self.fingerprints = fingerprints
        self.categories = categories
        self.names = names

    def __len__(self) -> int:
        return len(self.fingerprints)

    def lookup(self, probes: Iterable[int]) -> list[str | None]:
        """The category of each probe found in the set, ``None`` where absent."""
        probe = pa.array(list(probes), type=pa.uint64())
        n = len(self.fingerprints)
        if n == 0 or len(probe) == 0:
            return [None] * len(probe)
        found, index = search(self.fingerprints, probe)
        codes = pc.take(self.categories, index).to_pylist()
        return [self.names[c] if f else None for f, c in zip(found.to_pylist(), codes, strict=True)]


def search(sorted_values: pa.Array, probes: pa.Array) -> tuple[pa.Array, pa.Array]:
    """Vectorized binary search: (found mask, index) of each probe in ``sorted_values``.

    ``bit_length(n)`` rounds of ``take`` and compare over the whole probe array, so the
    cost is O(m log n) in Arrow's kernels with no Python loop per value.
    """
    n = len(sorted_values)
    lo = pa.array([0] * len(probes), type=pa.int64())
    hi = pc.add(lo, n)
    for _ in range(n.bit_length()):
        open_ = pc.less(lo, hi)
        mid = pc.shift_right(pc.add(lo, hi), 1)
        below = pc.less(pc.take(sorted_values, pc.min_element_wise(mid, n - 1)), probes)
        lo = pc.if_else(pc.and_(open_, below), pc.add(mid, 1), lo)
        hi = pc.if_else(pc.and_(open_, pc.invert(below)), mid, hi)
    index = pc.min_element_wise(lo, n - 1)
    found = pc.and_(pc.less(lo, n), pc.equal(pc.take(sorted_values, index), probes))
    return found, index


class SetBuilder:
    """Collects fingerprints with categories, then sorts them into a :class:`FingerprintSet`."""

    def __init__(self) -> None:
        self._names: list[str] = []
        self._codes: dict[str, int] = {}
        self._chunks: list[pa.Table] = []
        self._fps: list[int] = []
        self._cats: list[int] = []

    def add(self, fingerprints: Iterable[int], category: str) -> None:
        code = self._codes.setdefault(category, len(self._codes))
        if code == len(self._names):
            self._names.append(category)
        before = len(self._fps)
        self._fps.extend(fingerprints)
        self._cats.extend([code] * (len(self._fps) - before))
        if len(self._fps) >= 1_000_000:
            self._flush()

    def _flush(self) -> None:
        if self._fps:
            self._chunks.append(
                pa.table(
                    {
                        "fp": pa.array(self._fps, type=pa.uint64()),
                        "cat": pa.array(self._cats, type=pa.int32()),
                    }
                )
            )
            self._fps, self._cats = [], []

    def build(self) -> FingerprintSet:
        self._flush()
        if not self._chunks:
            empty = pa.array([], type=pa.uint64())
            return FingerprintSet(empty, pa.array([], type=pa.int32()), self._names)
        table = pa.concat_tables(self._chunks).combine_chunks()
        self._chunks = []
        table = table.group_by("fp").aggregate([("cat", "min")]).sort_by("fp")
        return FingerprintSet(
            table.column("fp").combine_chunks(),
            table.column("cat_min").combine_chunks(),
            self._names,
        )


def key_from_file(text: str) -> bytes:
    """The 32 bytes of a Sluis key file (64 hex digits), hashed when in another form."""
    stripped = text.strip()
    if re.fullmatch(r"[0-9a-fA-F]{64}", stripped):
        return bytes.fromhex(stripped)
    return hashlib.sha256(stripped.encode()).digest()

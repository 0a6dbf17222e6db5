"""Keyed fingerprints of values, in every normalization the leak check compares.

A fingerprint is the 64-bit XXH3 hash of a normalized form, seeded with a secret of the run:
random per run, or derived from the Sluis key file when one is given. Fingerprints stay in
this run's memory (they are never written), so they need to be collision-free, not
irreversible; XXH3 hashes tens of millions of forms a second in polars, a keyed
cryptographic hash about two million. Sets of fingerprints are ``uint64`` columns of polars
frames, 8 bytes a value. With 10^8 source values a random target value collides with one of
them with probability about 10^8 / 2^64 ≈ 5·10^-12, so a 64-bit hash cannot cause a false
leak in practice.

Normalizations (each form is tagged, so a text form never meets a digit form):

* ``t``: casefold, with whitespace, punctuation and separators removed (``@`` kept);
  forms shorter than :data:`MIN_TEXT` are skipped, because single letters, initials and
  small numbers would match everywhere.
* ``d``: for identifier-shaped values (digits with separators, at least :data:`MIN_DIGITS`):
  digits only, a ``+31``/``0031`` prefix and then leading zeros removed, so ``+31 6 1234
  5678``, ``0031612345678`` and ``06-12345678`` meet, as do 8- and 9-digit BSNs.
* ``d`` also for an NL IBAN: its account digits, leading zeros removed.
* a token that joins runs of letters and digits with "_", "." or "-" (a file name) also
  has the forms of each run, so a licence plate inside a photo's file name meets the plate;
  so does a run of nine or more digits glued to letters (the BSN in ``123456782L01``).
* ``D`` for a date written with separators (``2023-01-15``, ``15-1-2023``): year, month and
  day, so a date never meets an 8-digit BSN or a phone number with the same digits; ``i``
  for a dotted IPv4 address as written. An amount (``83124.56``) or a decimal number with
  three or more decimals and no leading zero (a coordinate: ``5.115012``) has no form: it is
  no personal data, and its digits must not meet an identifier's (``5.115012`` met the BSN
  005115012). No identifier is written with one separator after one to three digits.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re

import polars as pl
import polars_hash as plh
import pyarrow as pa
import pyarrow.compute as pc

MIN_TEXT = 4
MIN_DIGITS = 6
MAX_NGRAM = 4

NOT_WORD = re.compile(r"[^\w@]|_")
SEPARATORS = re.compile(r"[\s.\-/()]")
TOKEN_CHAR = re.compile(r"[\w@.+\-']")
TOKEN = re.compile(TOKEN_CHAR.pattern + "+")
SPACED_ID = re.compile(
    r"(?:\+|\b)\d[\d .\-/()]{4,22}\d\b|\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){3,7}(?: ?\d{1,2})?\b"
)
DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"(?:\+|00)?\d+")
IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z]{4}(\d{10})")


class FingerprintKey:
    """The secret behind one run's fingerprints; never printed."""

    def __init__(self, material: bytes) -> None:
        if len(material) != 32:
            raise ValueError("a fingerprint key is 32 bytes")
        self._material = material
        self._seed = int.from_bytes(hmac.digest(material, b"xxh3 seed", "sha256")[:8], "big")

    def __repr__(self) -> str:
        return "FingerprintKey(***)"

    @classmethod
    def random(cls) -> FingerprintKey:
        return cls(os.urandom(32))

    @classmethod
    def derived(cls, master: bytes) -> FingerprintKey:
        """A sub-key of a Sluis key, so runs with the same key fingerprint alike."""
        return cls(hmac.digest(master, b"sluis.verify.fingerprint", "sha256"))

    def hashes(self, tagged: pl.Expr) -> pl.Expr:
        """The fingerprint (``uint64``) of each tagged form ``tagged`` evaluates to."""
        return plh.NonCryptographicHashingNameSpace(tagged).xxh3_64(seed=self._seed)


def text_form(value: str) -> str:
    """Case-folded, without whitespace, punctuation and separators (``@`` kept)."""
    if value.isalnum():
        return value.casefold()
    return NOT_WORD.sub("", value.casefold())


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
    text = text_form(value)
    if len(text) >= MIN_TEXT:
        out.append("t" + text)
    compact = value if value.isdigit() else SEPARATORS.sub("", value)
    if compact.isdigit() or _NUMBER.fullmatch(compact) is not None:
        # A +31/0031 prefix only where a 9-digit national number follows (+31 (0)6 ...),
        # so a BSN written with leading zeros (003112345) keeps its digits.
        if compact.startswith(("+31", "0031")):
            rest = compact[3:] if compact[0] == "+" else compact[4:]
            if len(rest.lstrip("0")) == 9:
                compact = rest
        digits = compact.lstrip("+").lstrip("0")
        if len(digits) >= MIN_DIGITS:
            out.append("d" + digits)
    else:
        iban = IBAN.fullmatch(compact.upper())
        if iban:
            out.append("d" + iban.group(1).lstrip("0"))
    return out


_DATE_YMD = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_DATE_DMY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")
IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
AMOUNT = re.compile(r"\d{1,12}[.,]\d{2}|[1-9]\d{0,2}[.,]\d{3,9}")


def shaped(value: str) -> list[str] | None:
    """The forms of a date, an IPv4 address or an amount or decimal (see the module docstring), or
    None for a value of none of these shapes."""
    date = _DATE_YMD.fullmatch(value)
    if date is not None:
        year, month, day = date.group(1, 3, 4)
    elif (date := _DATE_DMY.fullmatch(value)) is not None:
        day, month, year = date.group(1, 3, 4)
    if date is not None and 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
        return [f"D{year}{int(month):02d}{int(day):02d}"]
    if IPV4.fullmatch(value):
        return ["i" + value]
    if AMOUNT.fullmatch(value):
        return []
    return None


def tokens(text: str) -> list[str]:
    found = [t.strip(".-'") for t in TOKEN.findall(text)]
    return [t for t in found if t]


PART = re.compile(r"[^\W_]+")
MIN_PART_DIGITS = 9
LONG_DIGITS = re.compile(rf"\d{{{MIN_PART_DIGITS},}}")
# A UUID or a hex digest: random, no one's data, though its digits may run nine long.
HEX_ID = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32,}")


def parts(token: str) -> list[str]:
    """The runs of letters and digits of a token that joins several with "_", "." or "-"
    (a file name, a code: ``HH-008_122854_63NHBD.jpg``), each a single of its own, and the
    runs of as many digits as a BSN glued to letters (``123456782L01``); none of an e-mail
    address or a UUID, and no run of digits shorter than a BSN (the parts of a date)."""
    if "@" in token or HEX_ID.fullmatch(token):
        return []
    found = [token] if token.isalnum() else PART.findall(token)
    out = (
        [p for p in found if not p.isdigit() or len(p) >= MIN_PART_DIGITS] if len(found) > 1 else []
    )
    return out + [d for p in found if not p.isdigit() for d in LONG_DIGITS.findall(p)]


class FingerprintSet:
    """Distinct fingerprints with a category for each: a frame of ``fp`` and ``category``."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self.frame = frame

    def __len__(self) -> int:
        return self.frame.height

    def matches(self, probes: pl.DataFrame) -> pl.DataFrame:
        """The rows of ``probes`` (with an ``fp`` column) whose fingerprint is in the set,
        with its ``category`` as text."""
        found = probes.join(self.frame, on="fp", how="inner")
        return found.with_columns(pl.col("category").cast(pl.String))


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
    """Collects fingerprints with categories into a :class:`FingerprintSet`."""

    # Where a fingerprint has several categories, the set keeps the first by name, a given
    # name last: a given name that is also someone's surname counts as a surname.
    PREFERRED_LAST = ("person.first_name",)

    def __init__(self) -> None:
        self._parts: list[pl.DataFrame] = []

    def add(self, fingerprints: pl.Series, category: str) -> None:
        if len(fingerprints):
            self._parts.append(
                pl.DataFrame({"fp": fingerprints.cast(pl.UInt64)}).with_columns(
                    category=pl.lit(category, pl.Categorical)
                )
            )

    def build(self) -> FingerprintSet:
        if not self._parts:
            return FingerprintSet(
                pl.DataFrame(schema={"fp": pl.UInt64, "category": pl.Categorical})
            )
        frame = pl.concat(self._parts)
        self._parts = []
        last = pl.col("category").is_in(self.PREFERRED_LAST)
        return FingerprintSet(
            frame.unique()
            .sort(last, pl.col("category").cast(pl.String))
            .group_by("fp", maintain_order=True)
            .agg(pl.col("category").first())
        )


def key_from_file(text: str) -> bytes:
    """The 32 bytes of a Sluis key file (64 hex digits), hashed when in another form."""
    stripped = text.strip()
    if re.fullmatch(r"[0-9a-fA-F]{64}", stripped):
        return bytes.fromhex(stripped)
    return hashlib.sha256(stripped.encode()).digest()

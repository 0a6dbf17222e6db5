"""Fake first names, surnames and full names: a keyed choice from shipped value lists.

The same name (ignoring case) gets the same fake everywhere; a name is never replaced by
itself. Female and male first names stay within their list when the original is in one.
Case style is kept (``JANSEN`` -> ``DE BOER``), initials stay initials (``J.P.`` -> ``K.M.``),
double names map part by part (``Anne-Marie``, ``Jansen-de Vries``), and a full name is the
fake first name(s) plus the fake surname, so ``fake("Fatima El Amrani")`` equals
``fake_first("Fatima") + " " + fake_last("El Amrani")``. Leading titles (``dhr.``) are kept.

A value that names an organization and is not led by a given name ("Plan B Bewindvoering",
"Bewindvoeringskantoor De Jong" in a column of administrators) stays as it is: it names no
person, and the verifier reads it the same way.

Names are **not** unique: two people can get the same fake, as in real data. With
``unique=True`` a keyed 8-letter disambiguator derived from the whole original is appended;
two different originals then collide only with probability about 2**-37 per pair.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import pyarrow as pa

from sluis.anonymize.operators._arrow import map_text, remembered
from sluis.anonymize.operators._case import style
from sluis.anonymize.operators._lists import joined, lowered, other_than, values
from sluis.anonymize.prf import Prf
from sluis.discover import lexicon
from sluis.discover.text_filters import names_an_organization_not_a_person
from sluis.keys import Key

PURPOSE = "person.name"
PARTICLES = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "ter",
        "ten",
        "te",
        "het",
        "'t",
        "in",
        "op",
        "aan",
        "von",
        "le",
        "la",
        "da",
        "das",
        "dos",
        "du",
        "di",
        "del",
        "el",
        "al",
        "ben",
        "bin",
        "ibn",
        "abu",
        "abou",
        "ait",
        "bou",
    ]
)
TITLES = frozenset(
    [
        "dhr.",
        "dhr",
        "mevr.",
        "mevr",
        "mw.",
        "mw",
        "mevrouw",
        "meneer",
        "heer",
        "de",
        "dr.",
        "mr.",
        "ir.",
        "drs.",
        "prof.",
    ]
)
_INITIALS = re.compile(r"(?:[A-Za-z]\.\s?)+|[A-Z]")
_LETTERS = "ABCDEFGHIJKLMNOPRSTVWY"


class NameFaker:
    """Scalar fakes under one key; cheap to create, keeps no state besides the PRF."""

    def __init__(self, key: Key) -> None:
        self._prf = Prf(key.derive(PURPOSE))
        self._memo: dict[tuple[bytes, str], str] = {}  # names repeat a lot within a column

    def _choose(self, tag: bytes, original: str, pool: tuple[str, ...]) -> str:
        memo = self._memo.get((tag, original))
        if memo is not None:
            return memo
        if len(self._memo) > 200_000:
            self._memo.clear()
        normal = original.lower()
        index = self._prf.integer(tag + normal.encode("utf-8"), len(pool))
        fake = self._memo[(tag, original)] = style(original, other_than(normal, pool, index))
        return fake

    def initials(self, text: str) -> str:
        """Keyed initials in the same punctuation: ``J.P.`` -> ``K.M.``."""
        seed = self._prf.digest(b"initials/" + text.upper().encode("utf-8"))
        out, position = [], 0
        for ch in text:
            if ch.isalpha():
                letter = _LETTERS[seed[position % 32] % len(_LETTERS)]
                if letter == ch.upper():
                    letter = _LETTERS[(seed[position % 32] + 1) % len(_LETTERS)]
                out.append(letter if ch.isupper() else letter.lower())
                position += 1
            else:
                out.append(ch)
        return "".join(out)

    def first(self, text: str) -> str:
        """Fake first name(s); each space- or hyphen-separated name maps on its own."""
        if _INITIALS.fullmatch(text.strip()):
            return self.initials(text)
        parts = re.split(r"([\s-]+)", text)
        return "".join(
            self._first_one(p) if p and not p.isspace() and p != "-" else p for p in parts
        )

    def _first_one(self, name: str) -> str:
        if _INITIALS.fullmatch(name):
            return self.initials(name)
        normal = name.lower()
        if normal in lowered("first_names_female"):
            pool = values("first_names_female")
        elif normal in lowered("first_names_male"):
            pool = values("first_names_male")
        else:
            pool = joined("first_names_female", "first_names_male")
        return self._choose(b"first/", name, pool)

    def last(self, text: str) -> str:
        """Fake surname, with particles where the original has them (a table that keeps the
        particles in a column of their own gets none twice); double names map part by part."""
        stripped = text.strip()
        parts = stripped.split("-")
        if len(parts) > 1 and all(p.strip() for p in parts) and parts[0].lower() not in PARTICLES:
            return text.replace(stripped, "-".join(self._last_one(p.strip()) for p in parts))
        return text.replace(stripped, self._last_one(stripped)) if stripped else text

    def _last_one(self, name: str) -> str:
        particled = name.split(maxsplit=1)[0].lower() in PARTICLES
        return self._choose(b"last/", name, _surnames(particled=particled))

    def full(self, text: str) -> str:
        """Fake full name: first names and surname faked separately, titles kept."""
        if "," in text:
            surname, _, given = text.partition(",")
            # Particles after the initials stay: "Gent, K.G. van" is "K.G. van Gent".
            words = given.split()
            cut = len(words)
            while cut > 1 and words[cut - 1].lower() in PARTICLES:
                cut -= 1
            given, particles = " ".join(words[:cut]), words[cut:]
            return (
                self.last(surname)
                + ","
                + (" " + self.first(given) if given else "")
                + "".join(" " + p for p in particles)
            )
        tokens = text.split()
        if not tokens:
            return text
        start = 0
        while start < len(tokens) - 1 and tokens[start].lower() in TITLES:
            start += 1
        titles, rest = tokens[:start], tokens[start:]
        if len(rest) == 1 or rest[0].lower() in PARTICLES:  # "van Arkel" is a surname
            return " ".join([*titles, self.last(" ".join(rest))])
        split = len(rest) - 1
        for index in range(1, len(rest) - 1):
            if rest[index].lower() in PARTICLES or "-" in rest[index].strip("-"):
                split = index
                break
        first = self.first(" ".join(rest[:split]))
        return " ".join([*titles, first, self.last(" ".join(rest[split:]))])

    def disambiguator(self, text: str) -> str:
        """Eight keyed capital letters derived from the whole original."""
        digest = self._prf.digest(b"unique/" + text.encode("utf-8"))
        return "".join("ABCDEFGHIJKLMNOPQRSTUVWXYZ"[b % 26] for b in digest[:8])


@cache
def _surnames(*, particled: bool) -> tuple[str, ...]:
    """The fake surnames that begin with a particle ("van Dijk"), or those without one."""
    if particled:
        return tuple(n for n in values("last_names") if n.split()[0].lower() in PARTICLES)
    return tuple(n for n in values("last_names") if not PARTICLES & set(n.lower().split()))


def _is_code(token: str) -> bool:
    """A user code rather than a name ("jdevries", "MVRIES", "SYS", "p.nowak"): one token in
    one case, its parts maybe joined by dots or underscores, that is no known given name or
    surname."""
    if _CODE.fullmatch(token) is None or not (token.islower() or token.isupper()):
        return False
    normal = lexicon.normalize(token)
    return normal not in lexicon.first_names() and normal not in lexicon.last_names()


_CODE = re.compile(r"[^\W_]+(?:[._][^\W_]+)*")
_CODE_JOINT = re.compile(r"([._])")


def _code_fake(faker: NameFaker, code: str) -> str:
    """A fake user code in the same shape: "p.nowak" -> "k.dyer", "jdevries" -> "deboer"."""
    out = []
    for part in _CODE_JOINT.split(code):
        if part in (".", "_") or part.isdigit():
            out.append(part)
        elif len(part) <= 2:
            out.append(faker.initials(part))
        else:
            out.append(re.sub(r"[\s']", "", faker.last(part)))
    return "".join(out)


def _apply(
    values_: pa.Array | pa.ChunkedArray,
    key: Key,
    unique: bool,
    part: str,
    max_chars: int | None = None,
) -> pa.Array:
    faker = NameFaker(key)
    function: Callable[[str], str] = getattr(faker, part)
    memo = remembered(key, f"name/{part}/{unique}/{max_chars}")

    def fake(value: str) -> str:
        if names_an_organization_not_a_person(value):
            return value  # "Plan B Bewindvoering" among the bewindvoerders: no person's
        stripped = value.strip()
        code = part != "first" and _is_code(stripped)
        out = value.replace(stripped, _code_fake(faker, stripped)) if code else function(value)
        if not unique:
            return out
        tag = faker.disambiguator(value)
        # The tag makes the fake unique: what comes before it may be cut to fit the column.
        if code:
            tag = tag.lower() if stripped.islower() else tag
            return _cut(out, max_chars, len(tag)) + tag
        return f"{_cut(out, max_chars, len(tag) + 1).rstrip()} {tag}"

    return map_text(values_, fake, memo)


def _cut(text: str, max_chars: int | None, room: int) -> str:
    """``text`` short enough to leave ``room`` characters of ``max_chars`` (when it can)."""
    if max_chars is None or max_chars <= room:
        return text
    return text[: max_chars - room]


def first_name(
    values_: pa.Array | pa.ChunkedArray,
    key: Key,
    *,
    unique: bool = False,
    max_chars: int | None = None,
) -> pa.Array:
    """Replace first names (or initials) by keyed fakes; a unique fake fits ``max_chars``."""
    return _apply(values_, key, unique, "first", max_chars)


def last_name(
    values_: pa.Array | pa.ChunkedArray,
    key: Key,
    *,
    unique: bool = False,
    max_chars: int | None = None,
) -> pa.Array:
    """Replace surnames by keyed fakes; a unique fake fits ``max_chars``."""
    return _apply(values_, key, unique, "last", max_chars)


def full_name(
    values_: pa.Array | pa.ChunkedArray,
    key: Key,
    *,
    unique: bool = False,
    max_chars: int | None = None,
) -> pa.Array:
    """Replace full names by fakes consistent with :func:`first_name` and :func:`last_name`;
    a unique fake (and user codes among the names) fits ``max_chars``."""
    return _apply(values_, key, unique, "full", max_chars)

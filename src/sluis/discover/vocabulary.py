"""Column-name evidence: Dutch and English words that say what a column holds.

A column name is split into tokens (``snake_case``, ``camelCase``, ``UPPER_SNAKE``, digits
and punctuation all separate), then matched whole and token by token against the words
in ``vocabulary.yaml``; a run of tokens also matches a word written joined or with another
spelling of "number" (``geboorteDat`` is ``geboortedat``, ``HuisNo`` is ``huisnr``). Strong words
(``bsn``, ``geboortedatum``) decide a column alone; weak words (``naam``, ``plaats``) need
the values to agree.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

STRONG = 1.0
WEAK = 0.6


def _load() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("vocabulary.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


_DATA = _load()
# Words that say a column is *not* about a person, even when its values look like one.
NOT_PERSONAL = frozenset(_DATA["not_personal"])
# Words that say nothing about what a column holds.
_GENERIC = frozenset(_DATA["generic"])

# A word break before a capital after a small letter or digit (``geboorteDat``), and before
# the last capital of an acronym that a word follows (``IBANNumber``, ``IPAddress``).
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SPLIT = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class NameHint:
    """What a column name says: a category (or ``None``) and how strongly.

    ``meaningless`` names (``c1``, ``extra``, ``veld_7``) say nothing at all, so weak
    value patterns may decide alone.
    """

    category: str | None
    strength: float
    word: str
    not_personal: bool = False
    meaningless: bool = False
    about_birth: bool = False


def normalize(name: str) -> str:
    """``geboorteDatum`` / ``GEBOORTE-DATUM`` → ``geboorte_datum``; accents removed."""
    plain = unicodedata.normalize("NFKD", name.replace("ß", "ss"))
    plain = _CAMEL.sub("_", plain.encode("ascii", "ignore").decode()).lower()
    return "_".join(t for t in _SPLIT.split(plain) if t)


def _index() -> dict[str, tuple[str, float]]:
    index: dict[str, tuple[str, float]] = {}
    for code, words in _DATA["categories"].items():
        for word in words["weak"]:
            index[word] = (code, WEAK)
        for word in words["strong"]:
            index[word] = (code, STRONG)
    return index


_INDEX = _index()
# Every known word, personal or not, by its tokens written together (``geboortedat``).
_JOINED: dict[str, str] = {}
for _word in sorted((*NOT_PERSONAL, *_INDEX), key=lambda w: (w.count("_"), w)):
    _JOINED.setdefault(_word.replace("_", ""), _word)
# Spellings of "number" that make the same word (``huisnr``, ``huis_nummer``, ``house_no``).
_NUMBER_WORDS: tuple[str, ...] = tuple(_DATA["number_words"])
# Stems of words about birth (``geboorte``, ``birth``): with birth dates in the cells, the
# column holds birth dates whatever else its name says.
_BIRTH_STEMS = tuple(_DATA["birth_stems"])
_BIRTH_TOKENS = frozenset(_DATA["birth_tokens"])


def known_word(word: str) -> str | None:
    """The vocabulary word that ``word`` (normalized tokens joined by ``_``) spells: itself,
    its tokens written together, or either with another spelling of "number"
    (``geboorte_dat`` → ``geboortedat``, ``house_nr`` → ``house_number``)."""
    if word in _INDEX or word in NOT_PERSONAL:
        return word
    tokens = word.split("_")
    for variant in _number_variants(tokens):
        split = "_".join(variant)
        if split in _INDEX or split in NOT_PERSONAL:
            return split
        joined = _JOINED.get("".join(variant))
        if joined is not None:
            return joined
    for singular in _singulars(tokens[-1]):
        # A plural head (``achternamen``, ``geboortedata``, ``streets``): an array's name.
        found = known_word("_".join([*tokens[:-1], singular]))
        if found is not None:
            return found
    return None


_VOWELS = "aeiou"


def _singulars(token: str) -> list[str]:
    """What a Dutch or English plural ``token`` may be the plural of: ``namen`` → ``naam``,
    ``adressen`` → ``adres``, ``data`` → ``datum``, ``numbers`` → ``number``."""
    found = []
    if token.endswith("data"):
        found.append(token[:-1] + "um")
    if token.endswith("ies") and len(token) > 4:
        found.append(token[:-3] + "y")
    if token.endswith("s") and len(token) > 3 and not token.endswith("ss"):
        found += [token[:-1]] + ([token[:-2]] if token.endswith("es") else [])
    if token.endswith("en") and len(token) > 4:
        stem = token[:-2]
        if stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            found.append(stem[:-1])  # adressen
        elif stem[-2] in _VOWELS and stem[-3] not in _VOWELS and stem[-1] not in _VOWELS:
            found.append(stem[:-1] + stem[-2] + stem[-1])  # namen, straten
        found.append(stem)
    return found


def _number_variants(tokens: list[str]) -> list[list[str]]:
    """``tokens`` as written, then with each other spelling of "number" in place of theirs."""
    variants = [tokens]
    if any(t in _NUMBER_WORDS for t in tokens):
        for number in _NUMBER_WORDS:
            variant = [number if t in _NUMBER_WORDS else t for t in tokens]
            if variant not in variants:
                variants.append(variant)
    return variants


def _about_birth(tokens: list[str]) -> bool:
    return any(t in _BIRTH_TOKENS or any(s in t for s in _BIRTH_STEMS) for t in tokens)


# Type prefixes of Hungarian notation (``strFirstName``, ``dtmDOB``).
_TYPE_PREFIXES = frozenset(_DATA["type_prefixes"])
# Whose column it is, or how it is stored: said around the word that matters.
_AFFIXES = frozenset(_DATA["affixes"])
# Words that turn a personal word into something about it (``email_verified``).
_NEGATORS = frozenset(_DATA["negators"])


@lru_cache(maxsize=1 << 16)
def hint(column_name: str) -> NameHint:
    """The category a column name points to (remembered: JSON keys repeat from cell to cell).

    The whole normalized name is tried first, then the name without type prefixes and
    affixes (``strFirstName``, ``klant_bsn``, ``adres_txt``), then the longest run of
    tokens that is a known word (in any spelling :func:`known_word` reads); a word beside
    a negator (``email_verified``) is weak. ``about_birth`` says a token is about birth.
    """
    norm = normalize(column_name)
    found = _hint(norm)
    if _about_birth(norm.split("_")):
        return replace(found, about_birth=True)
    return found


def _hint(norm: str) -> NameHint:
    known = known_word(norm)
    if known is not None and known in NOT_PERSONAL:
        return NameHint(None, STRONG, known, not_personal=True)
    tokens = [re.sub(r"(?<=[a-z])\d+$", "", t) for t in norm.split("_")]
    if len(tokens) > 1 and tokens[0] in _TYPE_PREFIXES:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[0] in _AFFIXES:
        tokens.pop(0)
    while len(tokens) > 1 and (tokens[-1] in _AFFIXES or tokens[-1].isdigit()):
        tokens.pop()
    for candidate in (norm, "_".join(tokens)):
        if (known := known_word(candidate)) in _INDEX:
            code, strength = _INDEX[known]
            return NameHint(code, strength, known)
    for size in range(len(tokens), 0, -1):
        found: list[NameHint] = []
        for start in range(len(tokens) - size + 1):
            word = known_word("_".join(tokens[start : start + size]))
            if word is None:
                continue
            if word in NOT_PERSONAL:
                return NameHint(None, STRONG, word, not_personal=True)
            if word in _INDEX:
                code, strength = _INDEX[word]
                rest = tokens[:start] + tokens[start + size :]
                if any(t in _NEGATORS for t in rest):
                    strength = min(strength, WEAK)
                found.append(NameHint(code, strength, word))
        if found:
            # The strongest word wins (``recipient_email`` is an e-mail); on a tie the
            # last, as the head of an English compound comes last.
            return max(reversed(found), key=lambda h: h.strength)
    compounds = [h for t in tokens if (h := _compound(t)) is not None]
    if compounds:
        return max(reversed(compounds), key=lambda h: h.strength)
    words = [w for t in norm.split("_") for w in re.split(r"\d+", t) if w]
    meaningless = all(w in _GENERIC or len(w) <= 2 for w in words)
    return NameHint(None, 0.0, "", meaningless=meaningless)


# Shortest known word read at either end of a compound: an identifier's head may be short
# (``bewindvoerderkvk``); other words must say more (``geboortedatumpartner``).
_MIN_ID_HEAD, _MIN_WORD, _MIN_REST = 3, 5, 2
_ID_PREFIXES = ("id.", "contact.", "finance.")
# What the rest of a compound may be that makes it about something else (``straatcode``).
_CODES = frozenset({"code", "cd", "nr", "id", "type", "soort", "status", "kode"})


def _compound(token: str) -> NameHint | None:
    """A name written as one word (``GEBOORTEDATUMPARTNER``, ``TELEFOONNUMMERMOBIEL``):
    the strongest known word it ends or starts with; the end, the head, wins a tie."""
    found: list[NameHint] = []
    for size in range(len(token) - _MIN_REST, _MIN_ID_HEAD - 1, -1):
        for word, at_end in ((token[-size:], True), (token[:size], False)):
            if word not in _INDEX or word in NOT_PERSONAL:
                continue
            code, strength = _INDEX[word]
            if size < _MIN_WORD and not (at_end and code.startswith(_ID_PREFIXES)):
                continue
            rest = token[: len(token) - size] if at_end else token[size:]
            if rest in _CODES or rest in _NEGATORS:
                strength = min(strength, WEAK)
            found.append(NameHint(code, strength, word))
    return max(reversed(found), key=lambda h: (h.strength, len(h.word))) if found else None


_THING_TABLES = frozenset(_DATA["thing_tables"])
_INSTITUTION_TABLES = frozenset(_DATA["institution_tables"])


def table_about_things(table_name: str) -> bool:
    """Whether a table's name says it holds things, not people (``tblAfdeling``,
    ``vw_gemeente``, ``landen``)."""
    return bool(_table_words(table_name) & _THING_TABLES)


def table_of_institutions(table_name: str) -> bool:
    """Whether a table's name says it holds public institutions (``School``, ``gemeenten``,
    ``District``), whose contacts and towns are their own."""
    return bool(_table_words(table_name) & _INSTITUTION_TABLES)


def _table_words(table_name: str) -> set[str]:
    tokens = normalize(table_name.rsplit(".", 1)[-1]).split("_")
    while len(tokens) > 1 and tokens[0] in _TYPE_PREFIXES | {"tbl", "vw", "v", "t", "dim", "ref"}:
        tokens.pop(0)
    return set(tokens)


# Leaf keys that say only "a number" or "a name": the parent key says of what.
_GENERIC_LEAVES = frozenset({"number", "nummer", "nr", "no", "name", "naam"})
_ADDRESS = frozenset({"location.address", "location.street"})


def leaf_hint(keys: list[str]) -> NameHint:
    """What a JSON leaf's key says, read with its parent's (``keys``: the path's keys,
    outermost first): ``name.family`` is a surname, ``address.number`` a house number,
    ``medication.name`` and ``school.name`` name a thing, no person; an address's key makes
    an address line of a leaf (``adres.regel``), no whole address of another part
    (``adres.pc``: a postcode). A document that is a list of values, or one value, has no
    keys: nothing is said."""
    if not keys:
        return NameHint(None, 0.0, "")
    leaf = keys[-1]
    found = hint(leaf)
    if len(keys) < 2:
        return found
    parent = keys[-2]
    if found.category is not None and found.strength < STRONG and table_about_things(parent):
        return NameHint(None, 0.0, "")
    if found.category is not None and normalize(leaf) not in _GENERIC_LEAVES:
        return found
    joined = hint(f"{leaf}_{parent}")
    if joined.category is None:
        joined = hint(f"{parent}_{leaf}")
    if joined.category in _ADDRESS and normalize(leaf) in _GENERIC_LEAVES:
        return NameHint("location.house_number", STRONG, leaf)
    if joined.category == "location.address" and joined.word == hint(parent).word:
        # Only the parent says "address": the leaf is an address line (``adres_regel``,
        # ``address_line1``) or a part its own key does not name, whose value says what.
        line = hint(f"{parent}_{leaf}")
        return line if line.word != joined.word else found
    return joined if joined.category is not None else found


# A change record of an audit log: a key naming the field, keys holding its values.
_FIELD_KEYS = frozenset(
    {"field", "veld", "column", "kolom", "attribute", "attribuut", "property", "veldnaam",
     "fieldname", "field_name", "kolomnaam", "column_name", "attribute_name"}
)  # fmt: skip
_VALUE_KEYS = frozenset(
    {"old", "new", "oud", "nieuw", "value", "waarde", "from", "to", "before", "after",
     "old_value", "new_value", "oude_waarde", "nieuwe_waarde", "previous", "current", "was",
     "wordt"}
)  # fmt: skip


def changed_field(record: dict[str, object], key: str) -> str | None:
    """The field whose value the leaf under ``key`` of ``record`` holds, when the record is a
    change of a named field (``{"field": "achternaam", "old": "Berg", "new": "Bos"}``)."""
    if normalize(key) not in _VALUE_KEYS:
        return None
    return next(
        (v for k, v in record.items() if isinstance(v, str) and normalize(k) in _FIELD_KEYS),
        None,
    )


def field_hint(field: str | None) -> NameHint | None:
    """What a changed field's name says (:func:`changed_field`), when it names a personal
    field for sure."""
    found = hint(field) if field else None
    return found if found is not None and found.category and found.strength >= STRONG else None

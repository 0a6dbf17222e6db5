"""Person names: the shape rules shared by the name detectors (private to this package).

A name is recognized by shape plus lexicon plus context, never by lookup alone: a given
name or initials, surname particles (``van der``, ``in 't``, ``El``, ``Al-``, ``Ben``), a
surname that is capitalized or ALL CAPS and not a common word, a salutation before it
(``mevrouw``, ``dhr.``, ``Geachte``), which also licenses lower-case names in hurried
notes. A phrase followed by a house number is a street; organization names are not persons.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from sluis.discover import lexicon
from sluis.discover.detectors.base import Span
from sluis.discover.lexicon import normalize

NAME = "person.name"
FIRST = "person.first_name"
LAST = "person.last_name"

# A word (letters with inner hyphens/apostrophes), "'t", a house number or one punctuation mark.
_TOKEN = re.compile(
    r"(?P<w>[^\W\d_]+(?:['’\-][^\W\d_]+)*)|(?P<t>['’][tT]\b)|(?P<n>\d+[A-Za-z]?\b)|(?P<p>[^\w\s])"
)
_FILE_PART = re.compile(r"[^\W\d_]+")
# What makes a whitespace-free run a file-name chunk: an "_" or an extension after a dot.
_FILE_MARK = re.compile(r"_|\.(?<=[A-Za-z0-9]\.)[A-Za-z][A-Za-z0-9]{1,3}\b")
_RUN = re.compile(r"\S*")
_CLOSING = frozenset(")]}")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,4}|(?:Th|Ch|Chr|Joh|Jac|Wm|Ph)\.|[A-Z]")
_CELL_INITIALS = re.compile(
    r"(?:[A-Z]\.\s?){1,5}|[A-Z]{1,2}|(?:[A-Z]\.){1,4}[A-Z]|(?:Th|Ch|Chr|Joh|Jac|Wm|Ph)\."
)
_SENTENCE_END = frozenset(".!?:;\n")
# Particles that count as such only before another particle ("in 't", "op de").
_WEAK_PARTICLES = frozenset({"in", "op", "uit", "aan", "bij", "onder", "over", "te"})
_STRONG_PARTICLES = frozenset({"van", "ter", "ten", "den", "von", "vander", "vanden"})
# Salutations that license lower-case names; the rest ("cliënt", "naam") only capitalized ones.
_TITLES = frozenset(
    {"mevrouw", "mevr", "mw", "mej", "meneer", "mijnheer", "heer", "dhr", "hr", "geachte",
     "mr", "dr", "drs", "ir", "ing", "prof", "mrs", "ms", "madame", "mme", "monsieur", "herr",
     "frau", "familie", "fam", "dear", "beste", "lieve", "sir", "miss", "juffrouw"}
)  # fmt: skip


class Token(NamedTuple):
    start: int
    end: int
    raw: str
    norm: str  # normalized
    kind: str  # "w" word, "i" initials, "n" number, "p" punctuation
    shape: str  # "cap", "upper", "lower", "" for non-words
    boundary: bool  # first token of a sentence (or of the text)


@dataclass(frozen=True)
class Lexicon:
    first: frozenset[str]
    last: frozenset[str]
    particles: frozenset[str]
    particle_words: frozenset[str]
    salutations: frozenset[str]
    organizations: frozenset[str]
    stop: frozenset[str]  # stopwords and common words
    common: frozenset[str]  # common words only
    note_words: frozenset[str]  # stopwords that are no surname even after a title
    places: frozenset[str]
    street_suffixes: tuple[str, ...]
    quick: frozenset[str]  # words worth a closer look even in lower case


@cache
def lex() -> Lexicon:
    """The word lists the name rules use, loaded once."""
    particles = lexicon.particles()
    words = {w.rstrip("-") for p in particles for w in p.split()}
    places = (
        lexicon.dutch_places()
        | lexicon.world_cities()
        | lexicon.countries()
        | lexicon.nationalities()
    )
    return Lexicon(
        first=lexicon.first_names(),
        last=lexicon.last_names(),
        particles=frozenset(p.rstrip("-") for p in particles),
        particle_words=frozenset(words),
        salutations=frozenset(s.rstrip(".") for s in lexicon.salutations()),
        organizations=lexicon.organizations(),
        stop=lexicon.stopwords() | lexicon.common_words(),
        common=lexicon.common_words(),
        note_words=lexicon.note_words(),
        places=places,
        street_suffixes=tuple(sorted(lexicon.street_suffixes(), key=len, reverse=True)),
        quick=frozenset(s.rstrip(".") for s in lexicon.salutations()) | words,
    )


def _shape(word: str) -> str:
    if word.isupper():
        return "upper"
    if word[0].isupper():
        return "cap"
    return "lower"


_new_tuple = tuple.__new__
# Per distinct word: (normalized, shape, initials when a dot follows). Bounded by clearing.
_WORDS: dict[str, tuple[str, str, bool]] = {}
_WORDS_MAX = 1 << 16


def _word_info(raw: str) -> tuple[str, str, bool]:
    info = _WORDS.get(raw)
    if info is None:
        if len(_WORDS) >= _WORDS_MAX:
            _WORDS.clear()
        norm = normalize(raw)
        # "M." is initials too ("A.M."), though it may stand for monsieur
        initials = _INITIALS.fullmatch(raw + ".") is not None and (
            len(norm) == 1 or norm not in lex().salutations
        )
        info = (norm, _shape(raw), initials)
        _WORDS[raw] = info
    return info


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text``; file-name chunks (``paspoort_Fatima_El_Amrani.pdf``) are split on
    ``_ - .`` and camelCase, and their lower-case words count as capitalized."""
    tokens: list[Token] = []
    pos = 0
    for start, end in _file_chunks(text):
        _scan(text, pos, start, tokens)
        _scan_file_chunk(text, start, end, tokens)
        pos = end
    _scan(text, pos, len(text), tokens)
    return _abbreviations_apart(tokens) if _TWO_INITIALS.search(text) else tokens


# Abbreviations written like initials: "z.s.m." is as soon as possible, not Z.S. Mulder.
_ABBREVIATIONS = frozenset(
    {"z.s.m.", "i.v.m.", "m.b.t.", "t.z.t.", "n.a.v.", "d.w.z.", "a.u.b.", "m.i.v.", "i.o.m.",
     "z.o.z.", "n.v.t.", "t.b.v.", "i.p.v.", "m.a.w.", "o.b.v.", "v.w.b.", "i.c.m.", "m.u.v.",
     "p.p.", "o.a.", "c.q.", "e.a.", "a.s.", "j.l.", "t.a.v.", "i.o.", "p.o."}
)  # fmt: skip


# Where two initials follow each other without a space ("Z.S.", "Th.J."): a superset of the
# texts whose tokens ``_abbreviations_apart`` changes.
_TWO_INITIALS = re.compile(r"[A-Z][a-z]{0,2}\.[A-Z]")


def _abbreviations_apart(tokens: list[Token]) -> list[Token]:
    """``tokens`` with abbreviations written like initials ("Z.S.M.": as soon as possible)
    made one punctuation token, so no name starts or ends in them."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        j = i
        while (
            j < len(tokens)
            and tokens[j].kind == "i"
            and (j == i or tokens[j].start == tokens[j - 1].end)
        ):
            j += 1
        if j - i >= 2:
            raw = "".join(t.raw for t in tokens[i:j])
            # After "Surname," they are initials ("BERG, A.S."), and before a particle or a
            # capitalized word ("E.A. van der Veld", "A.S. Bakker").
            after_comma = len(out) >= 2 and out[-1].raw == "," and out[-2].shape != "lower"
            nxt = tokens[j] if j < len(tokens) else None
            before_name = (
                raw.isupper()
                and nxt is not None
                and nxt.kind == "w"
                and (
                    (nxt.shape == "cap" and nxt.norm not in lex().stop)
                    or nxt.norm in lex().particle_words
                )
            )
            if raw.lower() in _ABBREVIATIONS and not (after_comma or before_name):
                first = tokens[i]
                out.append(Token(first.start, tokens[j - 1].end, raw, raw, "p", "", first.boundary))
                i = j
                continue
        out.extend(tokens[i : max(j, i + 1)])
        i = max(j, i + 1)
    return out


def _file_chunks(text: str) -> list[tuple[int, int]]:
    """The whitespace-free runs holding an ``_`` or a dot between an ASCII letter or digit and
    two to four more (``.pdf``, ``.docx``), found from those marks: matching whole runs
    everywhere costs more than the rest of the tokenizer."""
    if "_" not in text and "." not in text:
        return []
    chunks: list[tuple[int, int]] = []
    for m in _FILE_MARK.finditer(text):
        mark = m.start()
        if chunks and mark < chunks[-1][1]:
            continue
        start = mark
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        run = _RUN.match(text, mark)
        end = run.end() if run is not None else mark
        if "@" not in text[start:end]:  # an e-mail address: the "." is no extension's
            chunks.append((start, end))
    return chunks


def _boundary(text: str, start: int, tokens: list[Token]) -> bool:
    if not tokens:
        return True
    last = tokens[-1]
    if last.kind == "p" and last.raw in _SENTENCE_END:
        return True
    return text.find("\n", last.end, start) != -1


def _scan(text: str, start: int, end: int, tokens: list[Token]) -> None:
    # The hot loop: locals only, tokens built without Token.__new__, and a word's normal form,
    # shape and initials test looked up once per distinct word.
    append = tokens.append
    new = _new_tuple
    words = _WORDS
    newline = "\n" in text
    if tokens:
        last = tokens[-1]
        prev_end = last.end
        stop = last.kind == "p" and last.raw in _SENTENCE_END
        prev_initials = last.kind == "i"
    else:
        prev_end = -1
        stop = True
        prev_initials = False
    for m in _TOKEN.finditer(text, start, end):
        kind = m.lastgroup or "p"
        s, e = m.span()
        raw = m.group()
        if prev_end < 0:
            boundary = True
        elif kind == "p" and raw == "." and prev_initials and prev_end == s + 1:
            continue
        else:
            boundary = stop or (newline and text.find("\n", prev_end, s) != -1)
        if kind == "w":
            info = words.get(raw)
            if info is None:
                info = _word_info(raw)
            if info[2] and e < end and text[e] == ".":
                append(new(Token, (s, e + 1, raw + ".", info[0], "i", "upper", boundary)))
                prev_end, stop, prev_initials = e + 1, False, True
                continue
            append(new(Token, (s, e, raw, info[0], "w", info[1], boundary)))
            stop = False
        elif kind == "t":
            append(new(Token, (s, e, raw, "'t", "w", "lower", boundary)))
            stop = False
        else:
            append(new(Token, (s, e, raw, raw, "n" if kind == "n" else "p", "", boundary)))
            stop = kind == "p" and raw in _SENTENCE_END
        prev_end, prev_initials = e, False


def _add_camel_word(text: str, s: int, raw: str, tokens: list[Token]) -> None:
    for part_start, part_end in _camel_parts(raw):
        part = raw[part_start:part_end]
        # Particles glued before a capital are apart: "vanderLinden", "tHooft".
        joined = _glued_particles(part) if part.islower() and part_end < len(raw) else None
        for a, b in joined or [(0, len(part))]:
            piece = part[a:b]
            norm = normalize(piece)
            if joined and norm not in lex().particle_words:
                norm = f"'{norm}" if f"'{norm}" in lex().particle_words else f"{norm}'"
            tokens.append(Token(s + part_start + a, s + part_start + b, piece, norm, "w",
                                "cap" if piece.islower() else _shape(piece),
                                _boundary(text, s + part_start + a, tokens)))  # fmt: skip


def _glued_particles(word: str) -> list[tuple[int, int]] | None:
    """The spans of the particles ``word`` is written of ("vander": van, der; "t": 't), or
    None when it is not only particles."""
    particles = lex().particle_words
    if word in particles or f"{word}'" in particles or f"'{word}" in particles:
        return [(0, len(word))]
    for cut in range(len(word) - 1, 0, -1):
        head = word[:cut]
        if head in particles:
            rest = _glued_particles(word[cut:])
            if rest is not None:
                return [(0, cut), *((a + cut, b + cut) for a, b in rest)]
    return None


def _camel_parts(word: str) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    begin = 0
    for i in range(1, len(word)):
        if word[i].isupper() and word[i - 1].islower():
            parts.append((begin, i))
            begin = i
    parts.append((begin, len(word)))
    return parts


def _scan_file_chunk(text: str, start: int, end: int, tokens: list[Token]) -> None:
    last = start
    for m in _FILE_PART.finditer(text, start, end):
        _add_camel_word(text, m.start(), m.group(), tokens)
        last = m.end()
    # A closing bracket after the last word ends the chunk ("(scan_Jansen.pdf) van Elif" is
    # two things).
    if any(c in _CLOSING for c in text[last:end]):
        _scan(text, last, end, tokens)


# --- word predicates ---------------------------------------------------------------------


_PART_SEPARATORS = re.compile(r"[-'’]")


def _parts(norm: str) -> list[str]:
    if "-" not in norm and "'" not in norm:
        return [norm]
    return [p for p in _PART_SEPARATORS.split(norm) if p]


@lru_cache(maxsize=1 << 16)
def is_first(norm: str) -> bool:
    """Every hyphen part of ``norm`` is a known given name (``anne-marie``)."""
    first = lex().first
    if norm in first:
        return True
    parts = _parts(norm)
    return len(parts) > 1 and all(p in first for p in parts)


@lru_cache(maxsize=1 << 16)
def is_known_last(norm: str) -> bool:
    """A known surname, or a double name whose parts are surnames, given names or particles."""
    lx = lex()
    if norm in lx.last:
        return True
    parts = _parts(norm)
    if len(parts) < 2:
        return False
    cores = [p for p in parts if p not in lx.particle_words]
    return bool(cores) and all(p in lx.last or p in lx.first for p in cores)


@lru_cache(maxsize=1 << 16)
def has_street_suffix(norm: str) -> bool:
    """Ends in a street suffix with something before it (``kerkstraat``, not ``straat``)."""
    suffixes = lex().street_suffixes
    return norm.endswith(suffixes) and any(
        norm.endswith(s) and len(norm) > len(s) + 1 for s in lex().street_suffixes
    )


# Fields of work, as job titles and departments name them ("Medewerker Waterbeheer",
# "Vergunningverlening"): no surname ends so.
_FIELD_ENDINGS = ("beheer", "verlening", "handhaving", "beleid", "zaken", "planning",
                  "administratie", "ontwikkeling", "kwaliteit", "onderhoud", "communicatie",
                  "toezicht", "advies", "adaptatie", "financien", "inkoop")  # fmt: skip


def names_a_field(norm: str) -> bool:
    """Whether ``norm`` names a field of work, not a person (``waterbeheer``)."""
    return norm.endswith(_FIELD_ENDINGS) and not is_known_last(norm)


@lru_cache(maxsize=1 << 16)
def surname_like(norm: str, known_first: bool = False) -> bool:
    """Could be a surname: known (and not a stopword unless after a given name), of unknown
    spelling but not a stopword, place, organization or street; a common word (``Tromp``)
    after a given name or initials, or as one part of a double name (``Tromp-Adeyemi``)."""
    lx = lex()
    if norm in lx.organizations or len(norm) < 2:
        return False
    parts = _parts(norm)
    if len(parts) > 1 and parts[0] in lx.particle_words:  # "al-masri", "el-amrani"
        return all(p not in lx.stop or p in lx.particle_words for p in parts[1:])
    known = is_known_last(norm)
    if norm in lx.stop:
        return known_first and (known or norm in lx.common)
    if known:
        return True
    if norm in lx.places or has_street_suffix(norm) or names_a_field(norm):
        return False
    common = [p in lx.common for p in parts]
    double_ok = known_first or not all(common)
    # In a double name a word that is a known surname counts ("Bos-Pietersen").
    double = len(parts) > 1 and any(p not in lx.stop for p in parts)
    # A double name may end in the particles of its second part ("Kanhai-van Broek").
    trailing = len(parts) - 1 if len(parts) > 1 and parts[-1] in lx.particle_words else len(parts)
    # In a double name after a given name a known surname counts too ("Sanne de Poel-Kok").
    known_part = double or (known_first and len(parts) > 1)
    return all(
        p not in lx.stop or (c and double_ok) or (known_part and p in lx.last) or n >= trailing
        for n, (p, c) in enumerate(zip(parts, common, strict=True))
    )


# --- free text ---------------------------------------------------------------------------


@dataclass
class _Found:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    score: float
    category: str = NAME


def find_names(text: str) -> list[Span]:
    """Person names (``person.name``) and lone given names (``person.first_name``) in text,
    non-overlapping, in text order."""
    cached = _LAST.get(text)
    if cached is not None:
        return cached
    tokens = tokenize(text)
    newline = "\n" in text
    spans: list[Span] = []
    dead = _DEAD
    particle_words = lex().particle_words
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        # What _match_at refuses without looking further (see _deadness).
        kind = tok.kind
        if kind in "pn":
            i += 1
            continue
        if kind == "w":
            d = dead.get(tok.norm)
            if d is None:
                d = _deadness(tok.norm)
            refused = (  # not "Prins, B." nor "Veld in 't, W."
                d == 2
                and _initials_after_comma(tokens, i) is None
                and _particles_before_comma(tokens, i) is None
            )
            if refused or (d == 1 and tok.shape == "lower"):
                i += 1
                continue
            if d == 3 and tok.shape == "lower":
                # A lower-case particle starts a name only before a capitalized word or
                # initials, maybe past more lower-case particles (see _deadness).
                j = i + 1
                while (
                    j < n
                    and tokens[j].kind == "w"
                    and tokens[j].shape == "lower"
                    and tokens[j].norm in particle_words
                ):
                    j += 1
                if j == n or tokens[j].kind in "pn" or tokens[j].shape == "lower":
                    i += 1
                    continue
        found = _match_at(tokens, i)
        if found is None:
            i += 1
            continue
        if newline:
            found.end = _line_end(text, tokens, found)
            if found.end - found.start == 1 and tokens[found.start].kind == "i":
                i = found.start + 1
                continue
        spans.append(
            Span(tokens[found.start].start, tokens[found.end - 1].end, found.category,
                 "first_name" if found.category == FIRST else "person_name", found.score)
        )  # fmt: skip
        i = found.end
    _LAST.clear()
    _LAST[text] = spans
    return spans


def _line_end(text: str, tokens: Sequence[Token], found: _Found) -> int:
    """Where ``found`` ends on its first line: a name does not run into the next one
    ("T.⏎Tussenvoegsel:", "Nguyen⏎Teamleider")."""
    for k in range(found.start + 1, found.end):
        if text.find("\n", tokens[k - 1].end, tokens[k].start) != -1:
            return k
    return found.end


# Per normal form: 1 when _match_at refuses the word in lower case, 2 in any case, 3 for a
# lower-case particle unless a capitalized word or another particle follows.
_DEAD: dict[str, int] = {}


def _deadness(norm: str) -> int:
    """2 for a common word that is no particle, salutation or given name and has no hyphen or
    apostrophe: every rule of _match_at refuses it as a first word, but a capitalized known
    surname before a comma and initials ("Prins, B."); 1 for a word that is
    refused in lower case only (no salutation or particle; a given name only when common or
    short, which _from_first_name refuses in lower case); 3 for such a word that is a
    particle: in lower case only ``_surname_run`` from it can succeed, which needs a
    capitalized word or another particle after it; else 0."""
    if len(_DEAD) >= _WORDS_MAX:
        _DEAD.clear()
    lx = lex()
    first = is_first(norm)
    if norm in lx.salutations or (first and norm not in lx.stop and len(norm) >= 3):
        d = 0
    elif norm in lx.particle_words:
        d = 3  # _from_first_name refuses a lower-case given name that is common or short
    elif first:
        d = 1
    elif norm in lx.stop and "-" not in norm and "'" not in norm:
        d = 2
    else:
        d = 1
    _DEAD[norm] = d
    return d


# The most initials, or salutation words and marks, a name starts with: a longer run is no
# name, and bounding it keeps the search linear in the text.
_MAX_LEAD = 8

# One-entry memo: person_name and first_name both ask for the same text in a row.
_LAST: dict[str, list[Span]] = {}


def _word(tokens: Sequence[Token], i: int) -> Token | None:
    if i < len(tokens) and tokens[i].kind in "wi":
        return tokens[i]
    return None


def _match_at(tokens: Sequence[Token], i: int) -> _Found | None:
    tok = tokens[i]
    lx = lex()
    if tok.shape == "lower" and tok.norm not in lx.quick and not is_first(tok.norm):
        return None
    if tok.kind == "w" and tok.norm in lx.salutations:
        return _after_salutation(tokens, i)
    if tok.kind == "i":
        return _after_initials(tokens, i)
    if tok.kind != "w":
        return None
    if len(tok.raw) == 1:
        return _after_bare_initial(tokens, i)
    found = (
        _inverted(tokens, i)
        or _from_first_name(tokens, i)
        or _particle_surname(tokens, i)
        or _unknown_pair(tokens, i)
        or _unknown_with_particles(tokens, i)
        or _known_surname_alone(tokens, i)
    )
    if found is None or _rejected(tokens, found, licensed=False):
        return None
    return found


def _after_salutation(tokens: Sequence[Token], i: int) -> _Found | None:
    lx = lex()
    j = i
    strong = False
    while (
        j < len(tokens)
        and j - i < _MAX_LEAD
        and (
            (tokens[j].kind == "w" and tokens[j].norm in lx.salutations)
            or (tokens[j].kind == "p" and tokens[j].raw in ".:," and not _sentence_end(tokens, j))
            or (tokens[j].norm == "de" and j + 1 < len(tokens) and tokens[j + 1].norm == "heer")
        )
    ):
        strong = strong or tokens[j].norm in _TITLES
        j += 1
    if j == i or j >= len(tokens):
        return None
    if tokens[j - 1].raw == ",":  # "Geachte mevrouw, ..." ends the salutation
        return None
    end = _name_run(tokens, j, lower_ok=strong)
    if end is None:
        return None
    if not any(t.kind == "i" or is_first(t.norm) for t in tokens[j:end]):  # a surname alone
        end = _given_after_comma(tokens, end)
    found = _Found(j, end, 0.9)
    return None if _rejected(tokens, found, licensed=True) else found


def _given_after_comma(tokens: Sequence[Token], end: int) -> int:
    """Past given names or initials after a surname and a comma ("Patiënt: Bos, Job")."""
    if end >= len(tokens) or tokens[end].raw != ",":
        return end
    k = end + 1
    while (
        k - end <= _MAX_GIVEN
        and (t := _word(tokens, k)) is not None
        and t.shape != "lower"
        and (t.kind == "i" or is_first(t.norm))
    ):
        k += 1
    return k if k > end + 1 else end


# Given names and initials read after a surname and a comma.
_MAX_GIVEN = 3


def _sentence_end(tokens: Sequence[Token], j: int) -> bool:
    """A stop after a whole word ("met partner. Inkomen …"), not after an abbreviation
    ("dhr.", "mevr.", "prof.")."""
    return (
        tokens[j].raw == "."
        and j > 0
        and (len(tokens[j - 1].raw) >= _ABBREVIATION_MAX or tokens[j - 1].norm in _WRITTEN_OUT)
    )


# Salutations this long are written out, so a stop after one ends a sentence; so do shorter
# ones that are whole words ("over haar zoon. Terugbellen ...").
_ABBREVIATION_MAX = 5
_WRITTEN_OUT = frozenset(
    {"dear", "frau", "heer", "herr", "juf", "miss", "naam", "name", "sir", "zoon", "zus"}
)


def _name_run(tokens: Sequence[Token], j: int, lower_ok: bool) -> int | None:
    """End of "given names/initials? particles? surname" from ``j``; None if no surname."""
    lx = lex()
    k = j
    known_first = False
    while (t := _word(tokens, k)) is not None and (
        t.kind == "i" or (is_first(t.norm) and _cased(t, lower_ok) and t.norm not in lx.stop)
    ):
        known_first = known_first or t.kind == "w"
        k += 1
    # After a salutation a surname that is also a word counts ("M. Prins", "mevr. Klein").
    surname_end = _surname_run(tokens, k, lower_ok or known_first, True)
    first = tokens[k] if k == j and k < len(tokens) else None
    if first is not None and first.shape == "cap" and is_first(first.norm):
        # A given name that is also a word before a surname: "Patient Job Vos".
        after = _surname_run(tokens, k + 1, lower_ok, True)
        if after is not None:
            return after
    if surname_end is not None:
        return surname_end
    if k > j and tokens[k - 1].kind == "w":
        # "mevrouw Fatima": the last given name may be the surname ("dhr. Jan" is still a name)
        return k
    return None


def _cased(t: Token, lower_ok: bool) -> bool:
    return t.shape != "lower" or lower_ok


def _surname_run(tokens: Sequence[Token], k: int, lower_ok: bool, known_first: bool) -> int | None:
    """End of "particles? surname" starting at ``k``."""
    lx = lex()
    m = k
    while (t := _word(tokens, m)) is not None and t.kind == "w" and _is_particle_at(tokens, m):
        m += 1
    t = _word(tokens, m)
    if t is None or t.kind != "w":
        return None
    particle = m > k
    if t.shape == "lower":
        # A short function word ("Anouk en haar broer") is no surname, whatever the lexicon.
        function_word = t.norm in lx.stop and len(t.norm) <= _FUNCTION_WORD
        if not (
            lower_ok
            and is_known_last(t.norm)
            and (t.norm not in lx.stop or (known_first and not function_word))
        ):
            return None
    elif t.shape == "upper" and len(t.norm) <= 3 and not is_known_last(t.norm) and not particle:
        return None  # acronyms: DUO, IND, UWV
    # After a given name or initials a capitalized word is the surname, also a dictionary
    # word ("Anna Zomer", "A. Schaap"), but not a word notes capitalize ("Anna Over"); written
    # so, not read so in a text without capitals ("anna@familie.nl").
    capital = t.shape == "cap" and t.raw[0].isupper()
    vocabulary = known_first and not particle and capital and t.norm not in lx.note_words
    # After a given name and strong particles even a function word is the surname
    # ("Trijntje ter Haar", "Geachte heer ter Haar").
    strong = _strong_particles(tokens, k, m)
    function = known_first and capital and strong
    if not surname_like(t.norm, known_first or particle) and not (
        (t.norm in lx.common and t.shape != "lower" and strong) or vocabulary or function
    ):
        return None
    end = m + 1
    parts = _parts(t.norm)
    # A double surname ending in a particle continues: "Jansen-de Vries", "Vries-van Dijk".
    if len(parts) > 1 and parts[-1] in lx.particle_words:
        nxt = _surname_run(tokens, end, lower_ok, True)
        if nxt is not None:
            return nxt
        after = _word(tokens, end)
        if after is not None and after.kind == "w" and after.shape != "lower":
            return end + 1
    return end


# Stopwords this short are function words ("en", "met", "op"), not lower-case surnames.
_FUNCTION_WORD = 3


def _strong_particles(tokens: Sequence[Token], k: int, m: int) -> bool:
    """Particles from ``k`` to ``m`` that make any capitalized word after them a surname
    (``van 't Hof``, ``ter Braak``), unlike a lone ``de`` or ``op`` (``op de Markt``)."""
    first = tokens[k].norm
    return m > k and (first in _STRONG_PARTICLES or (m - k >= 2 and tokens[k + 1].norm == "'t"))


def _is_particle_at(tokens: Sequence[Token], m: int) -> bool:
    lx = lex()
    norm = tokens[m].norm
    if norm not in lx.particle_words:
        return False
    if norm in _WEAK_PARTICLES:
        nxt = _word(tokens, m + 1)
        return nxt is not None and nxt.norm in lx.particle_words
    nxt = _word(tokens, m + 1)
    return nxt is not None and nxt.kind == "w"


def _after_initials(tokens: Sequence[Token], i: int) -> _Found | None:
    k = i
    while k - i < _MAX_LEAD and (t := _word(tokens, k)) is not None and t.kind == "i":
        k += 1
    end = _surname_run(tokens, k, lower_ok=False, known_first=True)
    if end is None:
        return None
    found = _Found(i, end, 0.85)
    return None if _rejected(tokens, found, licensed=False) else found


# Capital letters that are words of their own ("bel U terug", "plan A", "I think").
_LETTER_WORDS = frozenset("AIOU")


def _after_bare_initial(tokens: Sequence[Token], i: int) -> _Found | None:
    """One initial without its full stop after a small word, as quick notes write it:
    "door C Bos", "met S van Poel": the surname must be a known one or follow particles."""
    tok = tokens[i]
    before = tokens[i - 1] if i else None
    if (
        tok.raw in _LETTER_WORDS
        or not tok.raw.isupper()
        or before is None
        or before.kind != "w"
        or before.shape != "lower"
    ):
        return None
    end = _surname_run(tokens, i + 1, lower_ok=False, known_first=True)
    if end is None or (end == i + 2 and not is_known_last(tokens[end - 1].norm)):
        return None
    found = _Found(i, end, 0.75)
    return None if _rejected(tokens, found, licensed=False) else found


def _from_first_name(tokens: Sequence[Token], i: int) -> _Found | None:
    """Given name(s) from the lexicon, then a surname (or alone: a lone given name)."""
    lx = lex()
    first = tokens[i]
    if not is_first(first.norm):
        return None
    lower = first.shape == "lower"
    if lower and (first.norm in lx.stop or len(first.norm) < 3):
        return None
    k = i + 1
    while (
        (t := _word(tokens, k)) is not None
        and t.kind == "w"
        and is_first(t.norm)
        and (t.shape == first.shape or t.shape != "lower")
        and t.norm not in lx.stop
        and not _is_particle_at(tokens, k)
    ):
        k += 1
    end = _surname_run(tokens, k, lower_ok=True, known_first=True)
    if end is None and k > i + 1:
        end = k  # "Fatima Zahra": the last given name is read as the surname
    if end is not None:
        last = tokens[end - 1]
        if lower and last.shape != "lower":
            return None
        if first.norm in lx.stop and not is_known_last(last.norm):
            return None
        score = 0.85 if is_known_last(last.norm) else 0.7
        return _Found(i, end, score)
    if first.norm in lx.stop or (first.shape == "upper" and len(first.norm) < 3):
        return None
    if lower and (
        len(first.norm) < _LOWER_GIVEN or first.norm in lx.common or first.norm in lx.places
    ):
        return None
    nxt = _word(tokens, i + 1)
    if first.norm == "jan" and i + 1 < len(tokens) and tokens[i + 1].kind == "n":
        return None  # "jan 2024": a month
    if nxt is not None and (nxt.shape != "lower" or lower) and nxt.norm in lx.organizations:
        return None  # "Juliana Kinderziekenhuis", also written small
    return _Found(i, i + 1, 0.6, FIRST)


# A given name written small on its own is one only this long ("fatima", not "bas").
_LOWER_GIVEN = 5


def _particle_surname(tokens: Sequence[Token], i: int) -> _Found | None:
    """A surname with particles and no given name: "De Vries", "van Dijk", "Al-Masri"."""
    lx = lex()
    tok = tokens[i]
    parts = _parts(tok.norm)
    if len(parts) > 1 and parts[0] in {"al", "el"} and tok.shape != "lower":
        return _Found(i, i + 1, 0.7) if surname_like(tok.norm) else None
    if not _is_particle_at(tokens, i):
        return None
    end = _surname_run(tokens, i, lower_ok=False, known_first=False)
    if end is None:
        return None
    last = tokens[end - 1]
    if tok.shape == "lower" and not is_known_last(last.norm):
        return None
    shouted = tok.shape == "upper" and tok.norm == "de" and end == i + 2 and not last.boundary
    if shouted and not is_known_last(last.norm):
        return None  # "DE VOORDEUR SLUIT NIET"
    # "bezwaar van Fay Groot", "van Bas van 't Ouden", "op de Jan Ligthart school": a
    # preposition (and an article), then a given name and a surname.
    preposition = tok.shape == "lower" and is_first(last.norm)
    if preposition and _surname_run(tokens, end, False, True) is not None:
        return None
    norms = [t.norm for t in tokens[i:end]]
    if any(" ".join(norms[k:]) in lx.places for k in range(len(norms) - 1)):
        return None  # "Den Haag", "in De Bilt"
    if last.norm in lx.places and not is_known_last(last.norm):
        return None
    return _Found(i, end, 0.7 if is_known_last(last.norm) else 0.55)


def _known_surname_alone(tokens: Sequence[Token], i: int) -> _Found | None:
    """A capitalized known surname on its own that is no word, given name, place or firm:
    "Gesprek met Jansen over ...", "Visser gaf aan ..." (not "Groen", "Kok": words too)."""
    t = tokens[i]
    if t.shape != "cap" or not t.raw[0].isupper() or len(t.norm) < _ALONE_SURNAME:
        return None
    lx = lex()
    if not is_known_last(t.norm) or t.norm in lx.stop or t.norm in lx.places or is_first(t.norm):
        return None
    before = tokens[i - 1] if i else None
    if before is not None and before.boundary and before.norm in lx.stop:
        before = None  # a sentence's first word: "Volgens Jansen ..."
    after = _word(tokens, i + 1)
    if any(w is not None and w.kind == "w" and w.raw[0].isupper() for w in (before, after)):
        return None  # among capitalized words: a pair's rules, or a firm ("Van Lanschot Kempen")
    return _Found(i, i + 1, 0.6, LAST)


# Known surnames this short are too often something else ("Kam", "Lin").
_ALONE_SURNAME = 4


def _unknown_pair(tokens: Sequence[Token], i: int) -> _Found | None:
    """Two capitalized words mid-sentence, neither a common word, place or organization:
    names from outside the lexicon ("Tesfalem Okubagzi"); or an unknown given name before a
    known surname."""
    a = tokens[i]
    b = _word(tokens, i + 1)
    if b is None or a.shape != "cap" or b.shape != "cap" or b.kind != "w" or b.boundary:
        return None  # not across a line's or sentence's end ("Ecoloog\nVergunningverlening")
    lx = lex()
    if a.boundary and not is_known_last(b.norm) and not _subject_of(tokens, i + 2):
        return None
    if i > 0 and tokens[i - 1].norm in {"de", "het", "een", "the", "a", "an"}:
        return None
    for t in (a, b):
        if (
            len(t.norm) < 3
            or t.norm in lx.stop
            or t.norm in lx.places
            or t.norm in lx.particle_words
        ):
            return None
        if has_street_suffix(t.norm) and not is_known_last(t.norm):
            return None
    if not surname_like(b.norm):
        return None
    end = i + 2
    if _parts(b.norm)[-1] in lx.particle_words:  # "Trudy Vries-van Wit": the double surname
        end = _surname_run(tokens, i + 1, lower_ok=False, known_first=True) or end
    return _Found(i, end, 0.6 if is_known_last(b.norm) else 0.5)


def _subject_of(tokens: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` goes on the sentence as a lower-case word that is no particle: a
    pair of unknown words before it is the sentence's subject ("Dariush Ghorbani belde op"),
    where a heading or a firm would run on capitalized or stop."""
    nxt = _word(tokens, k)
    return (
        nxt is not None
        and nxt.kind == "w"
        and nxt.shape == "lower"
        and nxt.norm not in lex().particle_words
    )


def _unknown_with_particles(tokens: Sequence[Token], i: int) -> _Found | None:
    """An unknown capitalized given name, lower-case particles and a surname: "Curvin de
    Jongh", "Oluwaseun van 't Hof" (the particles make it a name, unlike two bare words)."""
    a = tokens[i]
    lx = lex()
    if a.shape != "cap" or len(a.norm) < 3 or not surname_like(a.norm):
        return None
    if a.norm in lx.particle_words or has_street_suffix(a.norm):
        return None
    m = i + 1
    while (t := _word(tokens, m)) is not None and t.shape == "lower" and _is_particle_at(tokens, m):
        m += 1
    if m == i + 1 or m - i > 4:
        return None
    end = _surname_run(tokens, m, lower_ok=False, known_first=True)
    if end is None or tokens[end - 1].norm in lx.places:
        return None
    return _Found(i, end, 0.6)


def _initials_after_comma(tokens: Sequence[Token], i: int) -> int | None:
    """Where initials start after a capitalized word and a comma, maybe past particles and
    a second comma ("Prins, B.", "Vos, van der, D."); None when no initials follow."""
    if i + 2 >= len(tokens) or tokens[i].shape == "lower" or tokens[i + 1].raw != ",":
        return None
    k = _past_particles(tokens, i + 2)
    return k if k < len(tokens) and tokens[k].kind == "i" else None


def _past_particles(tokens: Sequence[Token], k: int) -> int:
    """Past "van der," in "Vos, van der, D.": particles and a comma; else ``k``."""
    particles = lex().particle_words
    m = k
    while (t := _word(tokens, m)) is not None and t.kind == "w" and t.norm in particles:
        m += 1
    return m + 1 if k < m < len(tokens) and tokens[m].raw == "," else k


def _street_like_before_initials(tokens: Sequence[Token], i: int) -> bool:
    t = tokens[i]
    lx = lex()
    k = _initials_after_comma(tokens, i)
    if k is None or t.kind != "w":
        return False
    # "Prins, B." as "Lagerwerf, D.T."; a word before two initials or in capitals too
    # ("Heuvel, J.B.", "HEUVEL, J.")
    several = k + 1 < len(tokens) and tokens[k + 1].kind == "i"
    known = is_known_last(t.norm)
    shouted = t.shape == "upper"
    return (
        (t.norm not in lx.stop or known or several or shouted or _after_cue(tokens, i))
        and len(t.norm) >= 3
        and (t.norm not in lx.places or known)  # "BROEK, P.": Broek is a village too
        and t.norm not in lx.organizations
        and not _name_after_initials(tokens, k, shouted)
    )


# Words after which a word, a comma and initials name a person though the word is also a
# dictionary word: "gedaan door Bouwmeester, L.", "Nieuwe HA: Veld, J.".
_PERSON_CUES = frozenset({"door", "met", "aan", "ha", "huisarts", "arts", "mentor", "ib'er"})


def _after_cue(tokens: Sequence[Token], i: int) -> bool:
    k = i - 1
    if k >= 0 and tokens[k].raw == ":":
        k -= 1
    return k >= 0 and tokens[k].kind == "w" and tokens[k].norm in _PERSON_CUES


def _name_after_initials(tokens: Sequence[Token], k: int, shouted: bool) -> bool:
    """Initials from ``k`` on are followed by a capitalized word: "Kerkstraat, A. Jansen"
    (particles in capitals that end the name are no such word: "HEUVEL, J.B. VAN"; nor is
    a word in capitals after a name in capitals: "VOOGD HOEK, M.S. VAN BELT TERUG")."""
    while k < len(tokens) and tokens[k].kind == "i":
        k += 1
    particles = lex().particle_words
    while (t := _word(tokens, k)) is not None and t.kind == "w" and t.norm in particles:
        k += 1
    if k >= len(tokens) or tokens[k].kind != "w":
        return False
    shape = tokens[k].shape
    return shape == "cap" or (shape == "upper" and not shouted)


# Particles that only ever come before a surname, never after the initials ("Vries, J. de").
_LEADING_ONLY = frozenset({"al", "el"})


def _particles_before_comma(tokens: Sequence[Token], i: int) -> int | None:
    """Where the comma is after a capitalized word and its particles written after it, when
    initials follow the comma ("Veld in 't, W."); else None."""
    t = tokens[i]
    if t.kind != "w" or t.shape == "lower" or len(t.norm) < 3 or has_street_suffix(t.norm):
        return None
    particles = lex().particle_words
    k = i + 1
    while k < len(tokens) and (
        tokens[k].kind == "t" or (tokens[k].kind == "w" and tokens[k].norm in particles)
    ):
        k += 1
    followed = k + 1 < len(tokens) and tokens[k].raw == "," and tokens[k + 1].kind == "i"
    return k if k > i + 1 and followed else None


def _inverted(tokens: Sequence[Token], i: int) -> _Found | None:
    """ "DE VRIES, JAN" and "Vries, J. de": surname, comma, given names or initials, particles."""
    lx = lex()
    end = _surname_run(tokens, i, lower_ok=False, known_first=False)
    if end is None and _street_like_before_initials(tokens, i):
        end = i + 1  # "Lagerwerf, D.T.": initials after the comma outweigh a street suffix
    elif end is None and (_initials_after_comma(tokens, i) or 0) > i + 2:
        end = i + 1  # "Ouden, van den, J.": particles between commas make it a surname
    elif end is None:
        end = _particles_before_comma(tokens, i)  # "Heuvel van den, R.", "Wit de, B.B."
    elif end < len(tokens) and tokens[end].raw != ",":
        end = _particles_before_comma(tokens, i) or end  # "Veld in 't, W."
    if end is None or end >= len(tokens) or tokens[end].raw != ",":
        return None
    last = tokens[end - 1]
    if end - i == 1 and last.norm in lx.places and not is_known_last(last.norm):
        return None
    k = _past_particles(tokens, end + 1)  # "Vos, van der, D."
    given = k
    while (t := _word(tokens, k)) is not None and (
        t.kind == "i" or (t.shape != "lower" and is_first(t.norm) and t.norm not in lx.stop)
    ):
        k += 1
    if k == given:
        return None
    upper = tokens[i].shape == "upper"
    # An unknown surname before a given name is taken at a lower score ("Amezian, Said").
    score = 0.85 if upper or is_known_last(last.norm) or tokens[given].kind == "i" else 0.7
    while (
        (t := _word(tokens, k)) is not None
        and t.kind == "w"
        and t.norm in lx.particle_words
        and t.norm not in _LEADING_ONLY  # "PRINS, K.J. AL 2X GEMELD": al is "already"
    ):
        if t.norm in _WEAK_PARTICLES and not (
            (n := _word(tokens, k + 1)) is not None and n.norm in lx.particle_words
        ):
            break
        k += 1
    return _Found(i, k, score)


def _rejected(tokens: Sequence[Token], found: _Found, licensed: bool) -> bool:
    """Streets (followed by a house number), organizations and street-suffixed surnames."""
    lx = lex()
    words = [t.norm for t in tokens[found.start : found.end] if t.kind == "w"]
    if not licensed and found.end < len(tokens):
        nxt = tokens[found.end]
        if nxt.kind == "n" and not nxt.boundary:  # a house number; on the next line, a phone
            return True
    if any(w in lx.organizations for w in words):
        return True
    phrase = " ".join(words)
    if phrase in lx.organizations:
        return True
    if found.end < len(tokens):
        nxt = tokens[found.end]
        if nxt.kind == "w" and f"{phrase} {nxt.norm}" in lx.organizations:
            return True
        if nxt.kind == "w" and nxt.shape != "lower" and nxt.norm in lx.organizations:
            return True
    if found.start > 0 and tokens[found.start - 1].norm in lx.organizations:
        return True
    last = tokens[found.end - 1]
    return has_street_suffix(last.norm) and not is_known_last(last.norm)


# --- whole cells -------------------------------------------------------------------------


def cell_tokens(value: str) -> list[str]:
    """The words of a cell: initials written together stay one token ("J.P.")."""
    return value.replace(",", " , ").split()


def is_initials(raw: str) -> bool:
    return _CELL_INITIALS.fullmatch(raw) is not None


def given_names_cell(words: Sequence[str]) -> bool:
    """One to four given names or initials, every given name known.

    Bare capitals without a dot ("NL", "JP") count only beside a name or a dotted
    initial: alone they are codes far more often than initials.
    """
    if not 1 <= len(words) <= 4:
        return False
    lx = lex()
    telling = False
    for w in words:
        if is_initials(w):
            telling = telling or "." in w
            continue
        norm = normalize(w)
        if not _alpha(norm) or norm in lx.particle_words or not is_first(norm):
            return False
        telling = True
    return telling


def _alpha(norm: str) -> bool:
    return bool(norm) and norm.replace("-", "").replace("'", "").isalpha()


def surname_cell(words: Sequence[str], unknown_ok: bool) -> bool:
    """Particles, then one to three surname words (or particles after the surname, as in
    alphabetical registers: "Vries de")."""
    lx = lex()
    norms = [normalize(w) for w in words]
    while norms and norms[0] in lx.particle_words and len(norms) > 1:
        norms.pop(0)
    while norms and norms[-1] in lx.particle_words and len(norms) > 1:
        norms.pop()
    particles = len(norms) < len(words)  # "in 't Veld": a common word is a surname here
    if not 1 <= len(norms) <= 3:
        return False
    if not all(_alpha(n) for n in norms):
        return False
    if any(is_known_last(n) or _particle_led(n) for n in norms):
        return not any(n in lx.organizations for n in norms)
    return unknown_ok and all(surname_like(n, particles) for n in norms)


def _particle_led(norm: str) -> bool:
    parts = _parts(norm)
    return len(parts) > 1 and parts[0] in lex().particle_words


def full_name_cell(value: str) -> bool:
    """Given part plus surname part, either order ("DE VRIES, JAN", "Vries, J. de")."""
    words = cell_tokens(value)
    if len(words) < 2 or len(words) > 8 or any(any(c.isdigit() for c in w) for w in words):
        return False
    lx = lex()
    norm = normalize(" ".join(words))
    if norm in lx.organizations or norm in lx.places:
        return False
    if "," in words:
        comma = words.index(",")
        surname, rest = words[:comma], words[comma + 1 :]
        given = [w for w in rest if normalize(w) not in lx.particle_words or is_initials(w)]
        tail = rest[len(given) :]
        if given != rest[: len(given)] or any(normalize(w) not in lx.particle_words for w in tail):
            return False
        return bool(surname) and given_names_cell(given) and surname_cell(surname, True)
    # Given names (known or initials) first; the rest is the surname.
    k = 0
    while k < len(words) - 1 and (is_initials(words[k]) or is_first(normalize(words[k]))):
        k += 1
    if k > 0 and surname_cell(words[k:], unknown_ok=True):
        return not _street_or_org(words)
    # Unknown given name, then a known or particle-led surname.
    if k == 0 and _alpha(normalize(words[0])) and normalize(words[0]) not in lx.stop:
        rest = [normalize(w) for w in words[1:]]
        if rest[0] in lx.particle_words or any(is_known_last(n) for n in rest):
            return surname_cell(words[1:], unknown_ok=False) and not _street_or_org(words)
    return False


def _street_or_org(words: Sequence[str]) -> bool:
    lx = lex()
    norms = [normalize(w) for w in words]
    if any(n in lx.organizations for n in norms):
        return True
    return has_street_suffix(norms[-1]) and not is_known_last(norms[-1])

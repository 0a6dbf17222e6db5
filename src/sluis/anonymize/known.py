"""What the source itself holds, read before a run: its names, streets and identifiers.

The free-text finder recognizes names by shape and context; a name it has never seen in a
bare note ("belde met Kovalchuk") can slip through. The people a database is about are
listed in its own name columns, so every word of those columns is looked for in its text
as well, and replaced by the fake its category gets; so are the streets of its address
columns, as whole phrases, and its e-mail addresses, even one that reads as a firm's mailbox.
The names of things a policy keeps though they read as names (schools, under ``allow``) are
kept in the text as well, where none of their words is a name of the source's people.

Its identifiers (by their columns; BSNs, onderwijsnummers, phone numbers and postcodes also
in free text, by cheap supersets of the detectors' patterns) are collected too, so that no
pseudonym equals one of them (:mod:`sluis.anonymize.taken`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache

import pyarrow as pa
import pyarrow.compute as pc

from sluis.anonymize.operators.dispatch import DETOURED, DetourBuilder
from sluis.anonymize.taken import Detour, Detours
from sluis.discover import lexicon
from sluis.discover.detectors.email import DETECTOR as EMAIL
from sluis.discover.detectors.phone import numbers_in
from sluis.discover.phrases import WORD, Phrases, kept_things
from sluis.discover.text_filters import (
    is_organizations_contact,
    names_an_organization_not_a_person,
)
from sluis.keys import Key
from sluis.model import array_literal
from sluis.model.policy import (
    Fake,
    JsonRule,
    Keep,
    Policy,
    Pseudonymize,
    RedactText,
    ReplaceBlob,
    Rule,
)
from sluis.sources import Source

NAME_CATEGORIES = ("person.first_name", "person.last_name", "person.name")
STREET_CATEGORIES = ("location.street", "location.address")
_STREET = re.compile(r"[^\W\d_][^\d,]*[^\W\d_]")
_EMAILS = "contact.email"
_THINGS = "things"  # a kept column of names of things ("Johan de Witt College")
# The categories read when a rule searches free text, for what to look for in it.
_READ_WITH_NAMES = (*NAME_CATEGORIES, *STREET_CATEGORIES, _EMAILS, _THINGS)
_LETTERS = re.compile(r"[^\W\d_]+")
_TITLES = frozenset(s.rstrip(".") for s in lexicon.salutations())  # "dhr." as "dhr"
_PARTICLE_WORDS = frozenset(w for p in lexicon.particles() for w in WORD.findall(p))
# Particles that are rarely anything but a surname's ("het veld", "op groot" are words).
_SURNAME_PARTICLES = _PARTICLE_WORDS - {"aan", "bij", "het", "in", "onder", "op", "over", "uit"}
_LAST_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\.?\s+$")
_SENTENCE_END = ".!?\n\"'“(["
# Shorter words collide with ordinary words and abbreviations far too often; a surname of two
# letters ("Xu", "Wu") is looked for only as a name is written.
_MIN_LENGTH, _MIN_SURNAME = 3, 2


# Digit runs that may be a BSN (in any notation) or an onderwijsnummer: supersets, their
# builders keep the valid ones.
_BSN_LIKE = re.compile(r"(?<!\d)\d(?:[ .\-]?\d){6,8}(?!\d)")
_ONDERWIJSNUMMER_LIKE = re.compile(r"(?<!\d)10\d{7}(?!\d)")
_POSTCODE_LIKE = re.compile(r"(?<![\w])[1-9]\d{3} ?[A-Za-z]{2}(?![\w])")


@dataclass(frozen=True)
class Known:
    """Casefolded words of the source's name columns (given names and surnames) and
    streets; the detours around its identifiers, by name (see :mod:`sluis.anonymize.taken`)."""

    first: frozenset[str] = field(default_factory=frozenset)
    last: frozenset[str] = field(default_factory=frozenset)
    streets: Phrases = field(default_factory=Phrases)
    detours: Detours = field(default_factory=dict, compare=False)
    # Surnames that are dictionary words ("Veld", "Bouwmeester"): found only where the text
    # makes them names (capitalized inside a sentence, after a title, beside a given name).
    worded: frozenset[str] = field(default_factory=frozenset)
    # Surnames as user codes write them, their words joined ("elamrani", "graaf").
    coded: frozenset[str] = field(default_factory=frozenset)
    # The category the policy fakes each column name with (casefolded), where all tables
    # agree: an audit log's change record that names the column holds its values.
    fields: Mapping[str, str] = field(default_factory=dict, compare=False)
    # The source's e-mail addresses (casefolded): replaced in text even where they read as an
    # organization's mailbox ("info@verhoeven-administratie.nl" of a sole trader).
    emails: frozenset[str] = field(default_factory=frozenset)
    # User codes of key columns (logins) and their fakes: the same code written in JSON or
    # text gets the fake its column got, so joins from an event log to the users hold.
    codes: Mapping[str, str] = field(default_factory=dict, compare=False)
    # Given names that are words ("Mei", "Roos"): found only right before a surname found.
    worded_first: frozenset[str] = field(default_factory=frozenset)
    # The kept names of things that hold no name of the source's people: a name found inside
    # one in a text is the thing's ("De Kleine Prins").
    things: Phrases = field(default_factory=Phrases)
    # A given name that is a word ("storm") and the surname of its row: together, in any
    # case, they name that person ("contact storm bos", a search for "jun xu").
    pairs: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    def category(self, word: str) -> str | None:
        folded = word.casefold()
        if folded in self.last:
            return "person.last_name"
        if folded in self.first:
            return "person.first_name"
        return None

    def spans(self, text: str) -> Iterable[tuple[int, int, str]]:
        """``(start, end, category)`` of every known name word and street in ``text``."""
        words = list(WORD.finditer(text))
        folded = [match.group().casefold() for match in words]
        last, first, worded = self.last, self.first, self.worded
        given: set[int] = set()  # the words yielded as given names
        named: set[int] = set()  # and as names of either kind
        for i, (match, word) in enumerate(zip(words, folded, strict=True)):
            # A surname of two letters only as a name is written ("Xu", not "xu" or "XU") or
            # right after a given name ("jing xu").
            known_last = word in last and (
                len(word) > 2
                or match.group().istitle()
                or (i - 1 in given and _gap(text, words, i - 1))
            )
            if not known_last and (
                word in first
                or (
                    word in self.worded_first
                    and (
                        _capitalized_inside(text, match)
                        or _named(text, words, folded, i, given=True)
                    )
                )
            ):
                yield match.start(), match.end(), "person.first_name"
                given.add(i)
                named.add(i)
                continue
            surname = known_last or (
                word in worded
                and (
                    _capitalized_inside(text, match)
                    or _titled(text, match)
                    or self._beside_given(text, words, folded, i)
                    or _particled_alone(text, folded, i)
                    or _named(text, words, folded, i)
                )
            )
            if not (surname or self._user_code(match.group(), word, alone=len(words) == 1)):
                continue
            yield match.start(), match.end(), "person.last_name"
            named.add(i)
            before = words[i - 1] if i else None
            if (
                before is not None
                and i - 1 not in given
                and folded[i - 1] in self.worded_first
                and before.group().istitle()
                and text[before.end() : match.start()] == " "
            ):
                yield before.start(), before.end(), "person.first_name"  # "Mei Xu"
                named.add(i - 1)
        if self.emails and "@" in text:
            for span in EMAIL.find(text):
                if text[span.start : span.end].casefold() in self.emails:
                    yield span.start, span.end, _EMAILS
        for i, j in self.streets.runs(folded):
            yield words[i].start(), words[j - 1].end(), "location.street"
        for i, j in self._paired(text, words, folded):
            if i not in named:
                yield words[i].start(), words[i].end(), "person.first_name"
            if j not in named or j > i + 1:
                yield words[i + 1].start(), words[j].end(), "person.last_name"

    def _paired(
        self, text: str, words: list[re.Match[str]], folded: list[str]
    ) -> Iterator[tuple[int, int]]:
        """``(i, j)``: a given name at ``i`` and its row's surname at ``j``, maybe particles
        between, one space apart."""
        if not self.pairs:
            return
        for i in range(len(folded) - 1):
            j = i + 1
            while j < len(folded) - 1 and folded[j] in _PARTICLE_WORDS and j - i <= 3:
                j += 1
            if (folded[i], folded[j]) in self.pairs and all(
                _gap(text, words, k) for k in range(i, j)
            ):
                yield i, j

    def _user_code(self, raw: str, word: str, *, alone: bool) -> bool:
        """Whether a word in capitals is a user code: a known surname with one or two
        initials after it (SAP's "HORSTP") or one to three before it ("PHORST"); one that
        is also a word ("GRAAFT") only where it is the text's only word."""
        if len(word) < _MIN_CODE or not raw.isupper() or (word in _vocabulary() and not alone):
            return False
        fits = range(1, len(word) - _MIN_SURNAME_IN_CODE + 1)
        coded = self.coded
        return any(word[:-cut] in coded for cut in (1, 2) if cut in fits) or any(
            word[cut:] in coded for cut in (1, 2, 3) if cut in fits
        )

    def _beside_given(
        self, text: str, words: list[re.Match[str]], folded: list[str], i: int
    ) -> bool:
        """Whether word ``i`` follows a known given name or initials and particles ("gerda de
        wit", "P PRINS") or precedes a comma and one ("KOK, Anouk") or initials ("Veld, M.
        in 't")."""
        j = i - 1
        while j >= 0 and folded[j] in _PARTICLE_WORDS and i - j <= 3:
            j -= 1
        if j >= 0 and folded[j] in self.first:
            gaps = (text[words[k].end() : words[k + 1].start()] for k in range(j, i))
            if all(not gap.strip(" '’") for gap in gaps):
                return True
        if words[i].group()[0].isupper() and _INITIALS_AFTER_COMMA.match(text, words[i].end()):
            return True
        # The word right before may be an initial that is also a particle ("T KOK").
        if words[i].group()[0].isupper() and any(
            _initials(text, words[k], folded[k]) for k in {i - 1, j} if k >= 0
        ):
            return True
        if i == 1 and text.isupper() and _PAYER_INITIALS.match(text) and _REFERENCE.search(text):
            return True  # a transfer's payer, though the initials spell a word: "EN KOK 2024…"
        return (
            i + 1 < len(words)
            and folded[i + 1] in self.first
            and text[words[i].end() : words[i + 1].start()].strip() == ","
        )


# A user code is this long at least, its surname at least this long; no word is one.
_MIN_CODE, _MIN_SURNAME_IN_CODE = 4, 3


@cache
def _vocabulary() -> frozenset[str]:
    return lexicon.stopwords() | lexicon.common_words()


# A comma and initials after a surname: "Veld, M.", "BOS, J.P.".
_INITIALS_AFTER_COMMA = re.compile(r",[ \t]*(?:[A-Z]\.[ \t]?)+(?!\w)")
_INITIALS_WORD = re.compile(r"[A-Z]{1,2}")
# Initials opening a text in capitals, as a bank transfer names its payer before the
# payment's reference number.
_PAYER_INITIALS, _REFERENCE = re.compile(r"[A-Z]{1,3} (?=[A-Z])"), re.compile(r"\d{6,}")


def _initials(text: str, word: re.Match[str], folded: str) -> bool:
    """Whether ``word`` is initials before a surname: "P. Prins", "J.P. de Vos", and as
    bank transfers write the payer, "P PRINS", "CE VOS"; no word ("EN", "U")."""
    return (
        _INITIALS_WORD.fullmatch(word.group()) is not None
        and (len(folded) == 1 or folded not in _vocabulary())
        and folded not in _TITLES
        and text[word.end() : word.end() + 1] in (".", " ")
    )


def _capitalized_inside(text: str, match: re.Match[str]) -> bool:
    """Whether the word is written with a capital, the rest in small letters, after a word
    of the same sentence (not at its start, not in a text written in capitals), also alone
    in brackets there."""
    word = match.group()
    if not (word[0].isupper() and word[1:].islower()) or text.isupper():
        return False
    before = text[: match.start()].rstrip()
    if before.endswith("(") and text.startswith(")", match.end()):
        before = before[:-1].rstrip()  # the word alone in brackets: "namens vader (Bakker)"
    return bool(before) and (
        before[-1] not in _SENTENCE_END or _ABBREVIATION.search(before) is not None
    )


# An abbreviation ends no sentence: "o.a. Storm", "i.v.m. Bloem".
_ABBREVIATION = re.compile(r"(?<![^\W\d_])(?:[a-z]\.){2,}$")


def _named(
    text: str, words: list[re.Match[str]], folded: list[str], i: int, *, given: bool = False
) -> bool:
    """Whether a word that is also a dictionary word names someone by where it stands: the
    whole text ("bos" typed into a search field), a ``given`` name after a kinship word, in
    a talk or as a clause's subject ("zusje storm", "gesproken met bloem", "met storm
    gespeeld", "dat storm slecht slaapt"), a signature ("Gr. Floor"), or capitalized as a
    sentence's subject right before its verb ("Floor heeft ADHD")."""
    match = words[i]
    if len(words) == 1 and text.strip(_AROUND) == match.group():
        return True
    if given and (
        _after(folded, text, words, i, _KIN)
        or (_after(folded, text, words, i, _CLAUSES) and _verb_follows(folded, i))
        or (
            _after(folded, text, words, i, _WITH)
            and (
                _after(folded, text, words, i - 1, _TALKED)
                or (i + 1 < len(words) and folded[i + 1] in _TALKED and _gap(text, words, i))
            )
        )
    ):
        return True
    if not match.group().istitle():
        return False
    if _SIGN_OFF.search(text, max(0, match.start() - 40), match.start()):
        return True
    before = text[: match.start()].rstrip()
    return (
        (not before or before[-1] in _SENTENCE_END)
        and i + 1 < len(words)
        and folded[i + 1] in lexicon.subject_verbs()
        and text[match.end() : words[i + 1].start()] == " "
    )


def _after(
    folded: list[str], text: str, words: list[re.Match[str]], i: int, cues: frozenset[str]
) -> bool:
    """Whether word ``i`` follows one of ``cues`` a space before it."""
    return i > 0 and folded[i - 1] in cues and _gap(text, words, i - 1)


def _gap(text: str, words: list[re.Match[str]], i: int) -> bool:
    """Whether words ``i`` and ``i + 1`` stand one space apart (an apostrophe of "'t" may
    open the next)."""
    return text[words[i].end() : words[i + 1].start()] in (" ", " '", " ’")


# Words for family and friends, before a given name in small letters as well ("zusje storm").
_KIN = frozenset(
    {"zus", "zusje", "zusjes", "broer", "broertje", "broertjes", "tweelingzus", "tweelingbroer",
     "halfzus", "halfbroer", "stiefzus", "stiefbroer", "moeder", "vader", "zoon", "zoontje",
     "dochter", "dochtertje", "oma", "opa", "tante", "oom", "neef", "nicht", "vriend", "vriendje",
     "vriendin", "vriendinnetje", "pleegzoon", "pleegdochter", "pleegkind"}
)  # fmt: skip
# Words that open a clause whose subject follows ("dat storm slecht slaapt").
_CLAUSES = frozenset({"dat", "omdat", "doordat", "zodat", "terwijl", "toen", "als", "nadat"})


def _verb_follows(folded: list[str], i: int) -> bool:
    """Whether a subject's verb follows word ``i`` within two words ("storm slecht slaapt")."""
    return any(word in lexicon.subject_verbs() for word in folded[i + 1 : i + 3])


# Talks or plays "with" someone, before or after ("gesproken met bloem", "met storm gespeeld").
_WITH = frozenset({"met"})
_TALKED = frozenset(
    {"gesproken", "gesprek", "spreekt", "sprak", "belde", "gebeld", "afspraak", "contact",
     "speelt", "speelde", "gespeeld", "gepraat", "gestoeid", "gewandeld", "afgesproken"}
)  # fmt: skip
# Around a word typed alone into a field.
_AROUND = " \t\r\n.,;:!?\"'"
# A greeting that closes a note, before the writer's name: "Gr. Floor", "Groetjes,\nLieve".
_SIGN_OFF = re.compile(
    r"(?i)(?<![^\W\d_])(?:gr|grt|groet|groeten|groetjes|mvg|m\.v\.g|vriendelijke groet"
    r"|hartelijke groet)\.?,?[ \t]*(?:\r?\n[ \t]*)?$"
)


def _particled_alone(text: str, folded: list[str], i: int) -> bool:
    """Whether the text is nothing but this last word after particles ("de groot" typed
    into a search field)."""
    return (
        i == len(folded) - 1
        and i > 0
        and all(word in _SURNAME_PARTICLES for word in folded[:i])
        and " ".join(folded) == " ".join(text.split()).casefold()
    )


def _titled(text: str, match: re.Match[str]) -> bool:
    """Whether the word follows a title or role ("mw veld belt", "dhr. groen")."""
    title = _LAST_WORD.search(text, max(0, match.start() - 16), match.start())
    if title is None:
        return False
    return title.group(1).casefold() in _TITLES


def reads_text(policy: Policy) -> bool:
    """Whether any rule searches free text (the only users of known names)."""
    return any(
        isinstance(rule, RedactText | ReplaceBlob | JsonRule)
        for table in policy.tables.values()
        for rule in table.columns.values()
    )


def collect(
    source: Source,
    policy: Policy,
    key: Key,
    batch_rows: int = 65_536,
    progress: Callable[[str, int, int], None] | None = None,
    codes: Mapping[tuple[str, str], Callable[[pa.Array], pa.Array]] | None = None,
) -> Known:
    """Read the source's name, street and identifier columns (as the policy fakes them) and
    its free text; names are read only when a rule searches free text, and so are the
    ``codes`` columns (table, column: their rule), whose values are faked as they will be.
    ``progress`` hears (what is read, rows read, rows) after each batch."""
    names = _Names() if reads_text(policy) else None
    identifiers: dict[DetourBuilder, list[pa.Array]] = {}
    coded: dict[tuple[str, str], list[pa.Array]] = defaultdict(list)
    for table in source.schema().tables:
        wanted = {
            name: role
            for name, rule in policy.tables[table.name].columns.items()
            if (role := _role(rule, names is not None)) is not None
        }
        if not wanted:
            continue
        lists = {c.name for c in table.columns if array_literal.is_array(c.native_type)}
        done, total = 0, source.row_count(table.name) if progress else 0
        for batch in source.batches(table.name, list(wanted), batch_rows=batch_rows):
            if names is not None:  # a row's names; an array of siblings' names is none
                given, surnames = (
                    [batch.column(n) for n, r in wanted.items() if r == role and n not in lists]
                    for role in ("person.first_name", "person.last_name")
                )
                names.pair(given, surnames)
            for name, role in wanted.items():
                values = pc.unique(batch.column(name))
                if names is not None and codes and (table.name, name) in codes:
                    coded[(table.name, name)].append(values)
                if role in DETOURED:
                    identifiers.setdefault(DETOURED[role][1], []).append(values)
                elif role == "text":
                    _identifiers_in_text(values, identifiers)
                if names is not None and role in _READ_WITH_NAMES:
                    names.add(role, values.to_pylist())
            if progress is not None:
                done += batch.num_rows
                progress(f"{table.name}: its names and numbers", done, total)
    detours: dict[str, Detour] = {}
    for build, arrays in identifiers.items():
        detours.update(build(arrays, key))
    fields = faked_fields(policy)
    if names is None:
        return Known(detours=detours, fields=fields)
    fakes: dict[str, str] = {}
    for where, arrays in coded.items():
        distinct = pc.unique(pa.concat_arrays([a.cast(pa.string()) for a in arrays])).drop_null()
        faked = (codes or {})[where](distinct).cast(pa.string())
        fakes.update(zip(distinct.to_pylist(), faked.to_pylist(), strict=True))
    people = names.first | names.last | names.worded | names.worded_first
    return Known(
        frozenset(names.first),
        frozenset(names.last),
        Phrases.of(names.streets),
        detours,
        frozenset(names.worded),
        frozenset(names.coded),
        fields,
        frozenset(names.personal_emails()),
        {code: fake for code, fake in fakes.items() if fake is not None},
        frozenset(names.worded_first),
        kept_things(names.things, frozenset(people)),
        frozenset(names.pairs),
    )


def faked_fields(policy: Policy) -> dict[str, str]:
    """Each column name (casefolded) the policy fakes or pseudonymizes with one category in
    every table that has it."""
    found: dict[str, set[str | None]] = defaultdict(set)
    for table in policy.tables.values():
        for name, rule in table.columns.items():
            category = rule.category if isinstance(rule, Fake | Pseudonymize) else None
            found[name.casefold()].add(category)
    return {
        name: category
        for name, categories in found.items()
        if len(categories) == 1 and (category := next(iter(categories))) is not None
    }


def _role(rule: Rule, reads_names: bool) -> str | None:
    """What a column gives the collection: an identifier operator's values, free text to
    search for identifiers, or a name or street category."""
    if isinstance(rule, Fake | Pseudonymize) and rule.category is not None:
        if rule.category in DETOURED:
            return rule.category
        if reads_names and rule.category in _READ_WITH_NAMES:
            return rule.category
    if isinstance(rule, RedactText | JsonRule):
        return "text"
    if reads_names and isinstance(rule, Keep) and rule.keeps_names_of_things:
        return _THINGS
    return None


def _identifiers_in_text(texts: pa.Array, found: dict[DetourBuilder, list[pa.Array]]) -> None:
    """The BSNs, onderwijsnummers, phone numbers and postcodes free text (or JSON) may hold."""
    bsn_like: list[str] = []
    phones: list[str] = []
    postcodes: list[str] = []
    for text in texts.cast(pa.string()).to_pylist():
        if text:
            bsn_like.extend(_BSN_LIKE.findall(text))
            phones.extend(numbers_in(text))
            postcodes.extend(_POSTCODE_LIKE.findall(text))
    for category, candidates in (
        ("id.bsn", bsn_like),
        ("id.onderwijsnummer", [c for c in bsn_like if _ONDERWIJSNUMMER_LIKE.fullmatch(c)]),
        ("contact.phone", phones),
        ("location.postcode", postcodes),
    ):
        if candidates:
            found.setdefault(DETOURED[category][1], []).append(pa.array(candidates, pa.string()))


class _Names:
    """The words of name columns and the streets of address columns, as they are read."""

    def __init__(self) -> None:
        # Dictionary words are left to the finder's context rules: a name column that holds
        # "Bijzondere bijstand" must not turn every "bijstand" in the notes into a name.
        self.common = (
            lexicon.stopwords() | lexicon.common_words() | lexicon.particles() | _TITLES
        )  # "de Heer" as a surname does not make every "heer" a name
        # A given name that is a word of English alone ("Floor") is written so in a Dutch
        # note as a name, also in small letters ("belde over floor").
        self.dutch = self.common - lexicon.english_words()
        # Of those, the vocabulary a surname may be (not "bij", "aanvraag" or "van").
        self.vocabulary = self.common - lexicon.note_words() - lexicon.particles() - _TITLES
        self.first: set[str] = set()
        self.last: set[str] = set()
        self.streets: set[str] = set()
        self.worded: set[str] = set()
        self.coded: set[str] = set()
        self.emails: set[str] = set()
        self.worded_first: set[str] = set()
        self.things: set[str] = set()
        self.pairs: set[tuple[str, str]] = set()

    def add(self, category: str, values: list[object]) -> None:
        if category == _EMAILS:
            self.emails.update(v.strip().casefold() for v in values if isinstance(v, str))
            return
        if category in STREET_CATEGORIES:
            self.streets.update(_streets(values))
            return
        if category == _THINGS:
            self.things.update(v for v in values if isinstance(v, str))
            return
        values = [v for v in values if not names_an_organization_not_a_person(str(v))]
        if category == "person.first_name":
            self.first.update(_words(values, self.dutch))
            self.worded_first.update(w for w in _words(values, frozenset()) if w in self.dutch)
        elif category == "person.last_name":
            self.last.update(_words(values, self.common, _MIN_SURNAME))
            self.worded.update(w for w in _words(values, frozenset()) if w in self.vocabulary)
            for value in values:
                self._coded(WORD.findall(str(value).casefold()))
        else:
            for value in values:
                given, surname = _full_name(value)
                self.last.update(w for w in surname if w not in self.common)
                self._coded(surname)
                # Words after one that may be a given name ("Wietske Bouwmeester", not
                # "Bijzondere bijstand").
                if given is not None and given not in self.dutch:
                    self.first.add(given)
                    self.worded.update(w for w in surname if w in self.vocabulary)
                elif given is not None and lexicon.normalize(given) in lexicon.first_names():
                    self.worded_first.add(given)  # "Floor Bakker", not "Bijzondere bijstand"
                    if surname:
                        self.pairs.add((given, surname[-1]))

    def pair(self, given: list[pa.Array], surnames: list[pa.Array]) -> None:
        """The rows' given names that are words, with their surnames' last words."""
        if len(given) != 1 or len(surnames) != 1:
            return
        first_names = given[0].cast(pa.string())  # a dictionary or large string as well
        worded = [
            v
            for v in pc.unique(first_names).to_pylist()
            if isinstance(v, str)
            and (words := WORD.findall(v.casefold()))
            and words[0] in self.dutch
        ]
        if not worded:
            return
        rows = pc.is_in(first_names, pa.array(worded, pa.string()))
        firsts, lasts = (pc.filter(c, rows).to_pylist() for c in (first_names, surnames[0]))
        for first, last in zip(firsts, lasts, strict=True):
            if isinstance(last, str) and (words := WORD.findall(last.casefold())):
                self.pairs.add((WORD.findall(first.casefold())[0], words[-1]))

    def personal_emails(self) -> Iterator[str]:
        """The e-mail addresses read but an organization's mailbox ("klantenservice@…"),
        unless its domain names a person of the source ("info@verhoeven-administratie.nl")."""
        surnames = self.last | self.worded | self.coded  # "meer", "elidrissi" too
        # As a domain writes them: without accents ("ozturk"), or without those letters.
        surnames |= {lexicon.normalize(w) for w in surnames} | {
            w.encode("ascii", "ignore").decode() for w in surnames
        }
        for address in self.emails:
            domain = address.rpartition("@")[2]
            if not is_organizations_contact(_EMAILS, address) or any(
                word in surnames for word in _LETTERS.findall(domain)
            ):
                yield address

    def _coded(self, words: list[str]) -> None:
        """A surname as user codes write it: each word but a particle, and its letters
        joined ("El Amrani": "amrani", "elamrani"; "Al-Hassan": "alhassan")."""
        self.coded.update(w for w in words if w not in _PARTICLE_WORDS and len(w) >= _MIN_LENGTH)
        joined = "".join(c for c in "".join(words) if c.isalpha())
        if joined not in self.coded and len(joined) >= _MIN_LENGTH:
            self.coded.add(joined)  # "Koster-Kok": "kosterkok"


def _full_name(value: object) -> tuple[str | None, list[str]]:
    """(The given name, the surname's words) of a full-name cell, case-folded: leading titles
    dropped ("dhr. J. Bouhuizen"), "Jansen, Piet" read surname first, initials and a
    particle no given name ("J.G. Bouhuizen", "van Arkel")."""
    if not isinstance(value, str):
        return None, []
    surname, comma, given = value.partition(",")
    if comma:
        names = WORD.findall(given)
        first = names[0] if names and len(names[0]) >= _MIN_LENGTH else None
        return (first.casefold() if first else None), _words([surname], frozenset(), _MIN_SURNAME)
    words = WORD.findall(value)
    while words and (
        words[0].casefold() in _TITLES or words[:2] == ["de", "heer"]  # "de heer K. de Heer"
    ):
        words = words[1:]
    lead = words[0].casefold() if words else ""
    if len(words) < 2 or len(lead) < _MIN_LENGTH or lead in _PARTICLE_WORDS:
        return None, _words(words, frozenset(), _MIN_SURNAME)
    return lead, _words(words[1:], frozenset(), _MIN_SURNAME)


def _streets(values: list[object]) -> list[str]:
    """The street part of street and address cells: the words before the house number."""
    out = []
    for value in values:
        if isinstance(value, str) and (match := _STREET.match(value.strip())):
            street = " ".join(match.group().split()).casefold()
            if len(street) >= _MIN_LENGTH + 2:
                out.append(street)
    return out


def _words(values: list[object], common: frozenset[str], least: int = _MIN_LENGTH) -> list[str]:
    out = []
    for value in values:
        if not isinstance(value, str):
            continue
        for match in WORD.finditer(value):
            word = match.group().casefold()
            if len(word) >= least and word not in common:
                out.append(word)
    return out

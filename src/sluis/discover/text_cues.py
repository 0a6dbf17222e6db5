"""Person names licensed by their context in free text, where shape and lexicon alone fail.

Names from outside every lexicon are still recognizable by what surrounds them: the display
name before an address in angle brackets (``Van: Name <a@b.nl>``), a greeting at the start of a
line (``Hallo Name,``), the line after a closing formula (``Met vriendelijke groet,``), a title
or role word before them (``mevrouw``, ``cliënt``, ``zoon``, ``t.a.v.``, ``namens``), the key of a
key-value pair (``"voornaam": "…"``, ``Naam: …``) and the speaker of a chat line
(``[09:12] Name:``). Each rule accepts only a name-shaped run: initials, capitalized words,
lower-case particles between them; organizations and streets are refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from sluis.discover.detectors._common import LiteralStarts, contains_any, fold
from sluis.discover.detectors._names import (
    has_street_suffix,
    is_first,
    is_known_last,
    lex,
    names_a_field,
)
from sluis.discover.detectors.base import Span
from sluis.discover.lexicon import normalize
from sluis.discover.text_filters import names_an_organization

NAME = "person.name"
FIRST = "person.first_name"
LAST = "person.last_name"
PREFIX = "person.name_prefix"
SCORE = 0.9
DETECTOR = "name_context"

_UP = r"[^\W\d_a-zß-ÿ]"  # an upper-case letter (Unicode)
_WORD = rf"{_UP}[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_INITIAL = rf"(?:{_UP}\.\s?){{1,4}}"
# "in" and "op" only before another particle ("in 't Veld", "op de Beek"): "dhr. Jansen in
# Utrecht" is a man and a place.
_PARTICLE = (
    r"(?:van|von|de|der|den|te|ter|ten|het|'t|la|le|du|da|di|dos|del|el|al|ben|bin|ibn|"
    r"abu|ould|vande|vander|auf|zu|y|(?:in|op)(?=[ \t]+(?:de|den|der|het|'t|t|ten|ter)[ \t]))"
)
# A double surname whose first part ends in a particle: "Vries-van Dijk", "Jansen-van der Berg".
_DOUBLE = rf"{_UP}[^\W\d_]+-{_PARTICLE}(?:[ \t]+{_PARTICLE})*[ \t]+{_WORD}"
# Initials or given names, lower-case particles, a capitalized surname; or a lone word.
_RUN = re.compile(
    rf"(?:{_INITIAL}|{_WORD}[ \t]+)*(?:{_PARTICLE}[ \t]+)*(?:{_DOUBLE}|{_WORD})(?:[ \t]+{_UP}\.)?"
    rf"|{_INITIAL}(?:{_PARTICLE}[ \t]+)*(?:{_DOUBLE}|{_WORD})"
)
_LOWER_RUN = re.compile(
    r"(?:[a-z]\.){1,4}\s?(?:[a-z]+ )*?[a-z][a-z'\-]+"
    r"|[a-zà-ÿ]{3,}(?:(?: [a-z]{1,3})*(?: [a-zà-ÿ\-]{2,}))?"
)

_TITLE = (
    r"(?:mevrouw|mevr\.?|mw\.?|mej\.?|meneer|mijnheer|de\s+heer|heer|dhr\.?|hr\.?|fam\.?|familie|"
    r"wed\.?|gezin|mr\.|dr\.|drs\.|ir\.|ing\.|prof\.|mrs\.?|mr|ms\.?|madame|monsieur|herr|frau)"
)
_ROLE = (
    r"(?:cli[eë]nt[e]?|cl\.|klant|aanvrager|aanvraagster|belanghebbende|betrokkene|partner|"
    r"echtgeno(?:ot|te)|ex-partner|zoon|dochter|vader|moeder|broer|zus|oom|tante|neef|nicht|"
    r"opa|oma|buurman|buurvrouw|tolk|mantelzorger|gemachtigde|bewindvoerder|curator|mentor|"
    r"voogd|contactpersoon|medewerker|medewerkster|consulent|klantmanager|casemanager|"
    r"behandelaar|huisarts|wijkagent|t\.a\.v\.?|ter attentie van|ten name van|namens|"
    r"gesproken met|belde|gebeld door|huisbezoek bij|machtiging voor|getuige|"
    r"husband|wife|son|daughter|mother|father|brother|sister|"
    r"u spreekt met|spreekt met|goedemorgen,? met|goedemiddag,? met|goedenavond,? met|"
    r"hallo,? met|my name is|mijn naam is|ik heet|collega|mijn man|mijn vrouw|haar man|"
    r"zijn vrouw|stiefvader|stiefmoeder|pleegvader|pleegmoeder|grootvader|grootmoeder|"
    r"kleinzoon|kleindochter|schoonzoon|schoondochter|zwager|schoonzus|vriend|vriendin|"
    r"monteur|leerkracht|docent|juf|leerplichtambtenaar|jeugdconsulent|begeleider|begeleidster|"
    r"schuldhulpverlener|wethouder|teamleider|verpleegkundige|verhuurder|onderhuurder|"
    r"hoofdhuurder|leerling|jeugdige|regievoerder|wijkverpleegkundige|jeugdverpleegkundige|"
    r"praktijkondersteuner|trajectbegeleider|jobcoach|woonbegeleider|ambulant begeleider|arts|"
    r"psycholoog|psychiater|advocaat)"
)
_CUE = re.compile(rf"(?<![\w.])(?:{_TITLE}|{_ROLE})(?:[ \t]*:)?[ \t]+", re.IGNORECASE)
_TITLES_ONLY = re.compile(rf"(?:(?:{_TITLE}|{_ROLE})[ \t:,]*)+", re.IGNORECASE)
_TITLED = re.compile(
    r"(?:mevrouw|mevr\.?|mw\.?|mej\.?|meneer|mijnheer|de\s+heer|heer|dhr\.?|my name is|"
    r"mijn naam is|ik heet)(?![\w.])",
    re.IGNORECASE,
)
_SURNAME_PARTICLE = r"(?:van|de|der|den|ter|ten|el|al|'t|in|op)"
# Initials without full stops after a salutation, as legacy systems print them: "MW H PHAM",
# "DHR J VAN DER MEER", "Mw B G Gebremedhin".
_BARE_INITIALS = re.compile(
    r"(?<![\w.])(?i:dhr|mw|mevr|hr|de heer|mevrouw|meneer)\.?[ \t]+"
    rf"(?P<name>(?:[A-Z][ \t]){{1,4}}(?:(?i:{_SURNAME_PARTICLE})[ \t]){{0,3}}"
    # A double surname whose first part ends in a particle: "BROUWER-VAN DER MEER".
    rf"(?:[A-Z][\w'’]+-(?i:{_SURNAME_PARTICLE})(?:[ \t](?i:{_SURNAME_PARTICLE}))*[ \t]"
    r"[A-Z][\w'’\-]{2,}|[A-Z][\w'’\-]{2,}))(?![\w.])"
)
# A nickname in brackets between initials and surname: "A.B. (Anouk) Verhoeven-Smit".
_NICKNAMED = re.compile(
    r"(?<![\w.])(?:[A-Z]\.[ ]?){1,4}[ ]?\([A-Z][a-zà-ÿ'\-]+\)[ ]"
    rf"(?:{_SURNAME_PARTICLE}[ ]){{0,3}}[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?"
)
_LOWER_OK = re.compile(rf"^(?:{_ROLE})", re.IGNORECASE)
# Professions named before a surname as a title is ("huisarts Groen", "juf De Wit"): a
# dictionary word after them is the surname.
_PROFESSION = re.compile(
    r"(?:huisarts|arts|mentor|juf|meester|docent|leerkracht|psycholoog|psychiater|advocaat|"
    r"wijkagent)"
    r"(?![\w])",
    re.IGNORECASE,
)
_OF = re.compile(r"van[ \t]+(?=[A-Z])")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’\-]*)")
_TITLED_LOWER = re.compile(
    rf"(?:{_SURNAME_PARTICLE}[ \t]+){{0,3}}(?P<surname>[a-zà-ÿ][a-zà-ÿ'\-]+)"
)
# A surname and one initial between a file name's separators: "paspoort_Rahimi_J_bsn…".
_FILE_NAME_INITIAL = re.compile(
    r"(?:(?<=[_\-/\\\s])|^)([^\W\d_][^\W\d_']{2,})([_\-])[A-Z](?=\2|\.[A-Za-z]{2,4}\b)"
)
_LOWER_SPEAKER = re.compile(r"[a-zß-ÿ][a-zß-ÿ'\-]+(?: [a-zß-ÿ'\-]+){0,3}")
# Literals one of which every match of _BARE_INITIALS (resp. _GREETING) contains (see fold).
_BARE_TITLES = ("mw", "mevr", "hr", "de heer", "meneer")
_GREETING_WORDS = ("beste", "geachte", "hallo", "hoi", "hey", "dag", "goedemorgen",
                   "goedenavond", "lieve", "dear", "hi", "hello")  # fmt: skip
_POSSESSIVE = re.compile(r"(?<![\w.'’])([^\W\d_][^\W\d_\-]{2,})['’]s(?!\w)")
_GREETING = re.compile(
    r"(?m)(?:^[ \t>]*|(?<=:)[ \t]+)(?:beste|geachte|hallo|hoi|hey|dag|goedemorgen|goedemiddag|"
    r"goedenavond|lieve|dear|hi|hello)[ \t]+"
    r"(?:(?:mevrouw|meneer|heer|de heer|mr\.?|mrs\.?|ms\.?)[ \t]+)?",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"(?im)(?:^[ \t>]*|(?<=[.!?])[ \t]+)(?:met\s+)?(?:vriendelijke|hartelijke|beste|warme)?\s*"
    r"groet(?:en|jes)?[ \t]*"
    r"[,!.]?[ \t]*\n|^[ \t>]*(?:gr\.|mvg|m\.v\.g\.|hoogachtend|kind regards|regards|"
    r"best regards|best|warm regards|sincerely|yours sincerely|thanks|many thanks|"
    r"thanks in advance|thank you|alvast bedankt|groetjes|cheers)[ \t]*[,!.]?[ \t]*\n"
)
# A closing formula and the signer on one line, as short notes end: "Groet, Lot".
_CLOSING_INLINE = re.compile(
    r"(?i)(?<!\w)(?:met\s+(?:vriendelijke|hartelijke)\s+)?(?:groet(?:en|jes)?|mvg|m\.v\.g\.)"
    r"[ \t]*,[ \t]*(?=[^\W\d_])"
)
_CLOSING_WORDS = ("groet", "gr.", "mvg", "m.v.g.", "hoogachtend", "regards", "best", "sincerely",
                  "thank", "bedankt", "cheers")  # fmt: skip
# A user's profile or home folder is named after the user: C:\Users\jdevries, /home/jdevries.
_USER_FOLDER = re.compile(
    r"(?i)(?:\b[a-z]:\\users\\|(?<![\w.])/(?:home|users)/)([^\\/\s:*?\"<>|]{3,30})"
)
_SYSTEM_USERS = frozenset(
    {"public", "default", "default user", "all users", "administrator", "admin", "shared",
     "root", "guest", "gast", "service", "system", "user", "users", "ubuntu", "debian"}
)  # fmt: skip
_NAMENS_LINE = re.compile(r"(?im)\A(?:[ \t>]*\n)*[ \t>]*(?:namens|i\.o\.|p\.o\.)[^\n]*\n")
_HEADER = re.compile(
    r"(?im)^[ \t>]*(?:van|aan|cc|bcc|from|to|afzender|geadresseerde|verzonden door)[ \t]*:[ \t]*"
)
_ANGLE_MAIL = re.compile(r"<[^<>\s@]+@[^<>\s]+>")
_DISPLAY_STOP = '<>"\n,;:()[]'
_CHAT = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{3,25}\]|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?[ \t]+\d{1,2}:\d{2}"
    r"(?::\d{2})?(?:[ \t]*-)?|\d{1,2}:\d{2}(?::\d{2})?)[ \t]*"
)
_ATTENDANCE = re.compile(
    r"(?im)^[ \t>*\-]*(?:aanwezig(?:en)?|afwezig(?:en)?|afgemeld|present|attendees|absent|"
    r"deelnemers|genodigden|gezin|gezinsleden|kinderen|huisgenoten|medebewoners)(?:[ \t]+m\.?k\.?)?"
    r"[ \t]*:[ \t]*"
)
_LIST_ITEM = re.compile(r"(?:(?! en )[^,;\n&])+")
_LEADING_LOWER = re.compile(r"(?:[a-zß-ÿ][\w.\-]*[ \t]+)*")
_KEY_WORD = (
    r"(?:naam|name|voornamen|roepnaam|tussenvoegsels?|voorvoegsel|contactpersoon|cli[eë]nt|"
    r"klant|aanvrager)"
)
_KEY = re.compile(rf"{_KEY_WORD}[\"']?[ \t]*[:=][ \t]*[\"']?", re.IGNORECASE)
_VALUE_END = re.compile(r"[\"'\n,;{}\[\]]|$")
_KEY_CATEGORY = (
    (re.compile(r"(?:^|_| )(?:voornamen|voornaam|roepnaam|first_?name|given_?name)$"), FIRST),
    (re.compile(r"(?:^|_| )(?:tussenvoegsels?|voorvoegsel|prefix)$"), PREFIX),
    (re.compile(r"(?:^|_| )(?:achternaam|geslachtsnaam|last_?name|surname|family_?name)$"), LAST),
    (
        re.compile(
            r"(?:^|_| )(?:naam|name|volledige_?naam|full_?name|contactpersoon|client|"
            r"klant|aanvrager|cli[eë]nt)$"
        ),
        NAME,
    ),
)
_NOT_PERSON_KEYS = re.compile(
    r"bedrijf|organisatie|instantie|werkgever|straat|bestand|file|gebruiker|user|product|"
    r"school|afdeling|team|project|plaats|stad|land|company|org|dienst|locatie|merk"
)


def _leading_literals(alternation: str) -> tuple[str, ...]:
    """The lower-case text each alternative of ``(?:a|b|...)`` starts with, up to its first
    class, group, escape other than ``\\.`` or optional character."""
    alternatives: list[str] = []
    depth, begin = 0, 3
    for i, ch in enumerate(alternation[3:-1], start=3):
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            alternatives.append(alternation[begin:i])
            begin = i + 1
    alternatives.append(alternation[begin:-1])
    literals = []
    for alt in alternatives:
        out, i = "", 0
        while i < len(alt):
            ch, step = alt[i], 1
            if alt.startswith("\\.", i):
                ch, step = ".", 2
            elif not (ch.isascii() and (ch.isalpha() or ch in " -'")):
                break
            if alt[i + step : i + step + 1] in ("?", "*"):
                break
            out += ch.lower()
            i += step
        if not out:
            raise ValueError("an alternative without a leading literal")
        literals.append(out)
    # A literal that starts with another adds no offsets.
    return tuple(w for w in literals if not any(w != v and w.startswith(v) for v in literals))


# Every match of _CUE and _KEY starts with one of these, in any case: a cheap search first.
_CUE_STARTS = LiteralStarts(
    _leading_literals(_TITLE) + _leading_literals(_ROLE), word_start=True
)  # _CUE has (?<![\w.]) before them
_KEY_STARTS = LiteralStarts(_leading_literals(_KEY_WORD), word_start=False)
_ORG_WORDS = frozenset(
    [
        "ziekenhuis",
        "gasthuis",
        "kliniek",
        "huis",
        "centrum",
        "center",
        "fonds",
        "museum",
        "instituut",
        "stichting",
        "bv",
        "b.v.",
        "nv",
        "n.v.",
        "vof",
        "mc",
        "umc",
        "school",
        "college",
        "hogeschool",
        "universiteit",
        "bank",
        "apotheek",
        "bakkerij",
        "gemeente",
        "groep",
        "group",
        "holding",
        "vereniging",
        "foundation",
        "arena",
        "zorg",
        "loket",
        "dienst",
        "ggz",
        "ggd",
        "thuiszorg",
    ]
)


def find_context_names(text: str) -> Iterator[Span]:
    """Person names licensed by context, possibly overlapping one another."""
    lower = text.casefold()
    folded = fold(text)
    if "<" in text and "@" in text:
        for m in _ANGLE_MAIL.finditer(text):
            yield from _display_name(text, m.start())
    for m in _HEADER.finditer(text):
        yield from name_at(text, m.end(), NAME)
    for m in _GREETING.finditer(text) if contains_any(folded, _GREETING_WORDS) else ():
        titled = _TITLED.search(m.group()) is not None
        yield from name_at(text, m.end(), NAME, single_ok=True, must_close=True, titled=titled)
    if any(word in lower for word in _CLOSING_WORDS):
        for m in _CLOSING.finditer(text):
            yield from _closing_name(text, m.end())
        for m in _CLOSING_INLINE.finditer(text):
            yield from _closing_name(text, m.end())
    for m in _CUE_STARTS.finditer(_CUE, text, folded):
        if _no_cue(text, m):
            continue
        lower_ok = _LOWER_OK.match(m.group()) is not None
        titled = _TITLED.match(m.group()) is not None
        # A role as a label ("Mentor: Bos") or a profession ("huisarts Groen") vouches for a
        # dictionary word, as a title does.
        labelled = m.group().rstrip().endswith(":") or _PROFESSION.match(m.group()) is not None
        if (of := _OF.match(text, m.end())) is not None:
            if _of_a_thing(text, of.end()):
                continue  # "begeleider van IKC De Boomgaard": the school's, no one's name
            # "zoon van Anna Berg": the name after the preposition, when it has two words or
            # more; "zoon van Dijk" stays the surname van Dijk.
            after = list(name_at(text, of.end(), NAME, single_ok=False, titled=titled))
            if after:
                yield from after
                continue
        found = list(
            name_at(
                text,
                m.end(),
                NAME,
                single_ok=True,
                lower_ok=lower_ok,
                titled=titled,
                labelled=labelled,
            )
        )
        yield from found
        if titled and not found:
            yield from _titled_lower(text, m.end())
    for m in _BARE_INITIALS.finditer(text) if contains_any(folded, _BARE_TITLES) else ():
        yield Span(m.start("name"), m.end("name"), NAME, DETECTOR, SCORE)
    if "(" in text:
        for m in _NICKNAMED.finditer(text):
            yield Span(m.start(), m.end(), NAME, DETECTOR, SCORE)
    if "'s" in text or "’s" in text:
        yield from _possessives(text)
    if "\\" in text or "/" in text:
        for m in _USER_FOLDER.finditer(text):
            if m.group(1).casefold() not in _SYSTEM_USERS:
                yield Span(m.start(1), m.end(1), NAME, DETECTOR, 0.8)
    if "_" in text or "-" in text:
        for m in _FILE_NAME_INITIAL.finditer(text):
            surname = normalize(m.group(1))
            if surname not in lex().stop or is_known_last(surname):  # "paspoort_Klein_F_…"
                yield Span(m.start(), m.end(), NAME, DETECTOR, 0.8)
        if "_" in text and "." in text:
            yield from _file_name_surnames(text)
    if ":" in text:
        for m in _ATTENDANCE.finditer(text):
            yield from _attendees(text, m.end())
        for m in _CHAT.finditer(text):
            yield from _chat_speaker(text, m.end())
        yield from _key_values(text, folded)


# Capitalized words after "van", with the articles of names between them: "IKC De Boomgaard".
_PHRASE = re.compile(r"[A-Z][\w'’\-]*(?:[ \t]+(?:[A-Z][\w'’\-]*|de|het|der)){0,4}")


def _of_a_thing(text: str, at: int) -> bool:
    """Whether the words at ``at`` name an organization ("IKC De Boomgaard", "OBS Het
    Kompas") or are led by a place's adjective ("Amersfoortse Berg"), not a surname."""
    phrase = _PHRASE.match(text, at)
    if phrase is None:
        return False
    lead = normalize(phrase.group().split()[0])
    return names_an_organization(phrase.group()) or (
        lead.endswith("se") and lead[:-2] in lex().places
    )


# What precedes a cue word that is something else: the number of a postcode before its
# letters ("3811 HR De Meern", "1533 MW Utrecht"), and "Jeugd en Gezin" (youth and family
# centres and teams: "Buurtteam Jeugd en Gezin Overvecht").
_POSTCODE_NUMBER = re.compile(r"(?<!\d)[1-9]\d{3}[ \t]?$")
_JEUGD_EN = re.compile(r"(?i)jeugd[ \t]+en[ \t]+$")


def _no_cue(text: str, m: re.Match[str]) -> bool:
    """The cue word is the letters of a postcode or part of an institution's name."""
    word = m.group().rstrip(" \t:")
    before = text[max(0, m.start() - 10) : m.start()]
    if len(word) == 2:
        return _POSTCODE_NUMBER.search(before) is not None
    return word.casefold() == "gezin" and _JEUGD_EN.search(before) is not None


# A file name with an extension (not its quotes or brackets in JSON or a list), and the parts
# of its stem between separators (bounded, so a long run without spaces costs no quadratic
# search).
_FILE_NAME = re.compile(
    r"[^\s/\\\"'\[\](){},;:]{0,100}_[^\s/\\\"'\[\](){},;:]{0,150}?(?=\.[A-Za-z0-9]{2,4}\b)"
)
_FILE_PART = re.compile(r"[^_\-.]+")
# Kinds of document a file name starts with, also in compounds ("bankafschrift").
_DOCUMENT_ENDINGS = ("afschrift", "contract", "verklaring", "strook", "overzicht", "formulier",
                     "aanvraag", "brief", "verslag", "rapport", "bewijs", "uittreksel", "opgave",
                     "beschikking", "besluit", "factuur", "nota", "polis", "specificatie",
                     "machtiging", "kopie", "bijlage", "document", "dossier", "overeenkomst",
                     "scan", "foto")  # fmt: skip
# Not licensed by context (a longer name found by shape wins: "tesfay_gebremedhin").
_FILE_NAME_DETECTOR = "file_name"


def _file_name_surnames(text: str) -> Iterator[Span]:
    """A word after the kind of document in a file name: the surname in
    "huurcontract_corlu_2019.txt", "inkomensverklaring_bakker_2020.pdf" or
    "verslag_Tarhan_20111211.pdf" (and a date written as eight digits there). A dictionary
    word ("verslag_huisbezoek_…") or a place is none; a dictionary word that is a known surname
    ("bakker", "Bouwmeester") is one there."""
    lx = lex()
    for f in _FILE_NAME.finditer(text):
        first = _FILE_PART.match(text, f.start(), f.end())
        if first is not None and _leading_name(first.group()):
            yield Span(first.start(), first.end(), LAST, _FILE_NAME_DETECTOR, 0.7)
        for kind, part in pairwise(_FILE_PART.finditer(text, f.start(), f.end())):
            word = part.group()
            if _COMPACT_DATE.fullmatch(word):
                yield Span(part.start(), part.end(), BIRTH_DATE, _FILE_NAME_DETECTOR, 0.7)
                continue
            if not (
                word.isalpha() and (word.islower() or word.istitle()) and kind.group().isalpha()
            ):
                continue
            norm = normalize(word)
            if norm in lx.places or norm in lx.particle_words or norm in lx.salutations:
                continue
            if norm.endswith(_DOCUMENT_ENDINGS):
                continue
            if norm in lx.stop or norm in lx.common:
                if not is_known_last(norm):
                    continue
            elif len(norm) < 4:
                continue
            yield Span(part.start(), part.end(), LAST, _FILE_NAME_DETECTOR, 0.7)


def _leading_name(word: str) -> bool:
    """A file name that starts with a person's name ("Visser_Sanne_beschikking.pdf"): a known
    surname or given name that is no word or place."""
    norm = normalize(word)
    lx = lex()
    if not word.isalpha() or len(norm) < _ALONE_IN_FILE_NAME or norm in lx.stop:
        return False
    return (is_known_last(norm) or is_first(norm)) and norm not in lx.places


_ALONE_IN_FILE_NAME = 4


# Eight digits that read as a date, year first or last: "20111211", "11122011".
_COMPACT_DATE = re.compile(
    r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d"
)
BIRTH_DATE = "person.birth_date"


def name_at(
    text: str,
    pos: int,
    category: str,
    *,
    single_ok: bool = True,
    must_close: bool = False,
    lower_ok: bool = False,
    end_limit: int | None = None,
    titled: bool = False,
    place_ok: bool = False,
    labelled: bool = False,
) -> Iterator[Span]:
    """The name-shaped run at ``pos`` (up to exactly ``end_limit`` when given), if plausible:
    ``single_ok`` admits one word, ``must_close`` wants punctuation or a line end after it,
    ``lower_ok`` tries lower-case names, ``titled`` (after ``mevrouw``, under a label or in a
    list of those present) accepts a place name or a common word as surname (``mevrouw
    Tromp``), ``place_ok`` a place name, ``labelled`` (after a role as a label: "Mentor:") a
    common word but no place or street."""
    limit = end_limit if end_limit is not None else len(text)
    m = (_RUN.fullmatch if end_limit is not None else _RUN.match)(text, pos, limit)
    if m is None or m.end() == m.start():
        if lower_ok:
            yield from _lower_name(text, pos, limit)
        return
    start, end = m.start(), m.end()
    if end_limit is None and text[start:end].isupper():
        end = _before_sentence_words(text, start, end)
    value = text[start:end]
    if end_limit is not None and end != end_limit:
        return  # a display name must be a name from end to end
    if end < len(text) and (text[end].isalnum() or text[end] in "@"):
        return
    if must_close and not _closes(text, end):
        return
    if not _plausible(text, start, end, single_ok, titled or place_ok, titled or labelled):
        return
    yield Span(start, end, _narrow(value, category), DETECTOR, SCORE)


def _before_sentence_words(text: str, start: int, end: int) -> int:
    """Where a run in capitals stops before a word of the sentence around it: "DHR. BAKKER
    OVER ZIJN SCHULDEN" names "BAKKER". Particles belong to the name ("VAN DER MEER")."""
    lx = lex()
    words = list(_SPACED.finditer(text, start, end))
    for before, word in pairwise(words):
        norm = normalize(word.group())
        if norm in lx.note_words and norm not in lx.particle_words:
            return before.end()
    return end


_SPACED = re.compile(r"\S+")


def _closes(text: str, end: int) -> bool:
    rest = text[end : end + 2]
    return not rest or rest[0] in ",!\n:" or rest.startswith(" -")


def _narrow(value: str, category: str) -> str:
    if category != NAME or " " in value.strip() or "." in value:
        return category
    norm = normalize(value)
    return FIRST if is_first(norm) and norm not in lex().last else NAME


def _plausible(
    text: str, start: int, end: int, single_ok: bool, place_ok: bool, common_ok: bool
) -> bool:
    """A name-shaped run; ``place_ok``: a place name may be the surname, ``common_ok``: a
    common word (not a stopword) may be."""
    value = text[start:end]
    words = value.replace(".", ". ").split()
    norms = [normalize(w) for w in words]
    caps = [n for w, n in zip(words, norms, strict=True) if w[0].isupper() and not w.endswith(".")]
    if not caps and not any(w.endswith(".") for w in words):
        return False
    if len(words) == 1 and not single_ok:
        return False
    if len(words) > 5:
        return False
    lx = lex()
    phrase = " ".join(norms)
    if phrase in lx.organizations or any(n in lx.organizations or n in _ORG_WORDS for n in norms):
        return False
    # A word that is also a known surname, after a known given name, is the surname: "Anna Berg".
    after_given = len(caps) > 1 and is_first(caps[0])
    # After a title or a given name a dictionary word is a surname ("mevrouw Schaap", "Anna
    # Zomer"), a word notes capitalize is not ("mevrouw Belde").
    # A given name alone after the cue is one, also where it is a word ("partner Ben").
    given_alone = len(words) == 1 and len(caps) == 1 and is_first(caps[0])
    stopped = [
        n in lx.stop
        and not ((common_ok or (after_given and k > 0)) and n not in lx.note_words)
        and not (after_given and k > 0 and is_known_last(n))
        and not given_alone
        for k, n in enumerate(caps)
    ]
    if all(stopped) or (caps and stopped[-1]):
        return False
    place = caps and (caps[-1] in lx.places or phrase in lx.places)
    if place and not is_first(caps[0]) and not place_ok:
        return False
    if any(has_street_suffix(n) for n in caps[-1:]) and not place_ok:
        return False  # "Kerkdijk" names a street, "mevrouw Rietdijk" a person
    if any(names_a_field(n) for n in caps[-1:]):
        return False  # "Medewerker Waterbeheer" names a job
    # What follows on the same line: "Jansen Groep", "Kerkdijk 12" (a phone number on the
    # next line is no house number).
    after = text[end : end + 40].split("\n", 1)[0].split()
    if after and normalize(after[0].strip(".,;:")) in _ORG_WORDS:
        return False
    return not (after and after[0][:1].isdigit() and len(after[0]) <= 5 and "-" not in after[0])


def _lower_name(text: str, pos: int, limit: int) -> Iterator[Span]:
    m = _LOWER_RUN.match(text, pos, limit)
    if m is None:
        return
    words = m.group().split()
    lx = lex()
    first = normalize(words[0])
    initials = "." in words[0]
    if first in lx.stop or first in lx.places or first in lx.salutations:
        return
    if text[m.start() + len(words[0]) : m.start() + len(words[0]) + 1] == "." and not initials:
        return  # an abbreviation: "mevr.", "dhr."
    core = normalize(words[-1])
    rest_common = any(normalize(w) in lx.stop for w in words[1:] if w not in lx.particle_words)
    if len(words) < 2 or core in lx.stop or core in lx.places or rest_common:
        # "met fatima over", "mijn zoon jian is": the role word vouches for one word.
        if not initials and len(first) >= 3 and _word_ends(text, m.start() + len(words[0])):
            yield Span(m.start(), m.start() + len(words[0]), FIRST, DETECTOR, 0.8)
        return
    if _word_ends(text, m.end()):
        yield Span(m.start(), m.end(), NAME, DETECTOR, 0.8)


_SHORT_SURNAME = 6


def _titled_lower(text: str, pos: int) -> Iterator[Span]:
    """A surname written small after a title, as hurried notes do: "dhr kok belt", "mw de
    wit"; a word that is no known surname ("dhr belde") is left alone."""
    m = _TITLED_LOWER.match(text, pos)
    if m is None:
        return
    surname = normalize(m.group("surname"))
    # After particles a short word is a surname too ("mw de poel", "dhr van 't veld"), not a
    # long one ("mw van de thuiszorg").
    particles = m.start("surname") > m.start()
    short = particles and len(surname) <= _SHORT_SURNAME
    if surname in lex().stop and not (is_known_last(surname) or short):
        return
    after = _NEXT_WORD.match(text, m.end())
    if after is not None:
        word = after.group(1)
        # "mevrouw kutgün (van de) Water": a small given name; the finder has it. A particle
        # before anything but a particle or a capital is a preposition: "dhr de wit op 18-12",
        # "mw van den bos op nr 38".
        following = _NEXT_WORD.match(text, after.end()) if word in lex().particle_words else None
        nxt = following.group(1) if following is not None else ""
        if word[:1].isupper() or nxt[:1].isupper() or nxt in lex().particle_words:
            return
    if len(surname) >= 3 and _word_ends(text, m.end()):
        yield Span(m.start(), m.end(), NAME, DETECTOR, 0.8)


def _word_ends(text: str, end: int) -> bool:
    return end >= len(text) or not text[end].isalnum()


def _possessives(text: str) -> Iterator[Span]:
    """``Fatima's dossier``: a capitalized word with a possessive is a person's name; in lower
    case only a known given name."""
    lx = lex()
    for m in _POSSESSIVE.finditer(text):
        word = m.group(1)
        norm = normalize(word)
        if norm in lx.stop or norm in lx.places or norm in lx.organizations or norm in _ORG_WORDS:
            continue
        if word[0].isupper() or is_first(norm):
            yield Span(m.start(1), m.end(1), _narrow(word, NAME), DETECTOR, 0.8)


def _attendees(text: str, pos: int) -> Iterator[Span]:
    """Each name in a list of those present or absent: ``A. Jansen (vz), wethouder B, C en D``;
    a role word before a name and a parenthesized role after it are left out."""
    eol = text.find("\n", pos)
    line = text[pos : len(text) if eol == -1 else eol]
    for item in _LIST_ITEM.finditer(line):
        start, end = pos + item.start(), pos + item.end()
        end = value_end(text, start, end)
        lead = _LEADING_LOWER.match(text, start, end)
        start = lead.end() if lead is not None else start
        while start < end and text[start] in " \t&":
            start += 1
        if end - start >= 2:
            yield from name_at(text, start, NAME, single_ok=True, end_limit=end, titled=True)


def value_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing blanks, ``,;.`` and parenthesized remarks
    (``Yurich (12 jr).``), in linear time."""
    while end > start:
        if text[end - 1] in " \t,;.":
            end -= 1
        elif text[end - 1] == ")":
            opening = text.rfind("(", start, end - 1)
            if opening == -1 or ")" in text[opening + 1 : end - 1]:
                break
            end = opening
        else:
            break
    return end


def _closing_name(text: str, pos: int) -> Iterator[Span]:
    skip = _NAMENS_LINE.match(text, pos)
    if skip is not None:
        pos = skip.end()
    while pos < len(text) and text[pos] in " \t\n>":
        pos += 1
    eol = text.find("\n", pos)
    eol = len(text) if eol == -1 else eol
    line_end = eol
    while line_end > pos and text[line_end - 1] in " \t":
        line_end -= 1
    if line_end - pos > 1 and text[line_end - 1] in ".!" and text[line_end - 2].islower():
        line_end -= 1  # "Groet, Lot."
    word = text[pos:line_end]
    if word.isalpha() and word[0].isupper() and is_first(normalize(word)):
        # Who signs is a person, also with a given name that is a word ("Lot", "Floor").
        yield Span(pos, line_end, _narrow(word, NAME), DETECTOR, SCORE)
        return
    yield from name_at(text, pos, NAME, single_ok=True, end_limit=line_end)


def _chat_speaker(text: str, pos: int) -> Iterator[Span]:
    colon = text.find(":", pos, pos + 60)
    if colon == -1 or "\n" in text[pos:colon]:
        return
    head = text[pos:colon].rstrip()
    if _LOWER_SPEAKER.fullmatch(head):
        # Exports keep how people typed their own name: "sunil el ouahabi: ..."
        words = [normalize(w) for w in head.split()]
        lx = lex()
        if words[-1] not in lx.stop and not all(w in lx.stop for w in words):
            yield Span(pos, pos + len(head), NAME, DETECTOR, 0.8)
        return
    role = re.match(rf"(?:{_ROLE}|[a-z]+)\s+", head, re.IGNORECASE)
    start = pos + (role.end() if role and not role.group()[0].isupper() else 0)
    if role and role.group().strip().lower() in {"medewerker", "medewerkster", "consulent"}:
        start = pos + role.end()
    # Whoever speaks is a person, even with a place name for a surname.
    yield from name_at(text, start, NAME, single_ok=True, end_limit=pos + len(head), place_ok=True)


def _display_name(text: str, angle: int) -> Iterator[Span]:
    """The display name before ``<address>``: from the last separator on the line."""
    end = angle
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and end - start < 60 and text[start - 1] not in _DISPLAY_STOP:
        start -= 1
    while start < end and text[start] in " \t":
        start += 1
    if end - start >= 2:
        yield from name_at(text, start, NAME, end_limit=end)


def _key_values(text: str, folded: str) -> Iterator[Span]:
    """Values of name keys: ``"voornaam": "…"``, ``Naam: …``, ``achternaam=…``."""
    for m in _KEY_STARTS.finditer(_KEY, text, folded):
        k = m.start()
        while k > 0 and (text[k - 1].isalpha() or text[k - 1] in "_ "):
            k -= 1
        key = text[k : m.start() + len(m.group().rstrip("\"': \t=")) - 0].strip().casefold()
        key = key.rstrip("\"' \t:=")
        if _NOT_PERSON_KEYS.search(key):
            continue
        category = next((c for rx, c in _KEY_CATEGORY if rx.search(key)), None)
        if category is None:
            continue
        start = m.end()
        stop = _VALUE_END.search(text, start)
        end = stop.start() if stop else len(text)
        while end > start and text[end - 1] in " \t":
            end -= 1
        value = text[start:end]
        if not value or end - start > 60 or any(ch.isdigit() for ch in value):
            continue
        if category == PREFIX:
            if all(normalize(w) in lex().particle_words for w in value.split()):
                yield Span(start, end, PREFIX, DETECTOR, SCORE)
            continue
        yield from name_at(text, start, category, single_ok=True, end_limit=end)


def titles_only(text: str) -> bool:
    """Whether ``text`` is nothing but titles and roles ("huisarts", "drs.", "dhr. dr.")."""
    return _TITLES_ONLY.fullmatch(text.strip()) is not None


def mentions_a_title(text: str) -> bool:
    """Whether a title or role stands anywhere in ``text``: what :func:`titles_only` needs of
    some part of it, found at the cost of one search."""
    return _TITLES_ONLY.search(text) is not None


__all__ = ["find_context_names", "mentions_a_title", "name_at", "titles_only", "value_end"]

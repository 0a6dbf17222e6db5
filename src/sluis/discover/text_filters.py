"""Instances that look personal but, by their context in free text, belong to an institution.

A role mailbox (``info@``, ``helpdesk@``) names no person; a service number (``0800``,
``0900``, ``14 0xx``, ``088``) is an organization's; a 9-digit number after ``zaaknummer`` or
``kenmerk`` is a case number even when it passes the 11-proef; the postcode and place after
``Postbus`` are an institution's address; a "name" right before ``Ziekenhuis`` or a house
number is an organization or a street.
"""

from __future__ import annotations

import re

from sluis.discover.detectors._common import contains_any, fold
from sluis.discover.detectors._names import has_street_suffix, is_first, is_known_last, lex
from sluis.discover.detectors.base import Span
from sluis.discover.detectors.street import DETECTOR as STREET
from sluis.discover.lexicon import normalize
from sluis.model.categories import PERSON_NAMES

# A mailbox named after a desk or counter belongs to no person: expatdesk, wmoloket.
_ROLE_SUFFIXES = ("desk", "loket", "balie", "service", "support")
_ROLE_MAILBOXES = frozenset(
    [
        "info",
        "informatie",
        "post",
        "postbus",
        "contact",
        "klantcontact",
        "klantenservice",
        "klantenservices",
        "service",
        "servicedesk",
        "helpdesk",
        "support",
        "registration",
        "registratie",
        "reception",
        "complaints",
        "enquiries",
        "inquiries",
        "expatdesk",
        "expatcenter",
        "expatcentre",
        "loket",
        "noreply",
        "no-reply",
        "donotreply",
        "do-not-reply",
        "bezwaar",
        "bezwaren",
        "secretariaat",
        "administratie",
        "admin",
        "office",
        "kantoor",
        "receptie",
        "balie",
        "postmaster",
        "webmaster",
        "abuse",
        "privacy",
        "avg",
        "fg",
        "security",
        "sales",
        "verkoop",
        "inkoop",
        "facturen",
        "factuur",
        "finance",
        "crediteuren",
        "debiteuren",
        "hr",
        "personeelszaken",
        "vacatures",
        "backoffice",
        "frontoffice",
        "wmo",
        "jeugd",
        "werk",
        "inkomen",
        "belastingen",
        "klachten",
        "meldingen",
        "communicatie",
        "pers",
        "media",
        "team",
        "mail",
    ]
)
_SERVICE_PHONE = re.compile(r"^\s*(?:\+31|0031|\(?0)?\s*(?:800|900|906|909|88)\b|^\s*14\s?0\d\d\b")
_CASE_CUE = re.compile(
    r"(?:zaak|casus|dossier|dsr|kenmerk|referentie|ref|ticket|aanvraag|factuur|klant|kl(?=\.?nr)|order|"
    r"registratie|volg|relatie|contract|polis|debiteur|meldings?|case|reference|invoice|"
    r"proces-verbaal|pv|onderzoek|verzuimmelding|beschikking|bezwaar|naheffing(?:saanslag)?|"
    r"aanslag|boete|bekeuring|vergunning|beslag|vordering|product|artikel|bestel)"
    r"(?:nummer|nr|code|[_\-]?id)?\.?[\"']?\s*[:=#(]?\s*[\"']?(?:nr\.?|nummer)?[\s_\-]*$",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"^\s*(?:onderwerp|subject|betreft|inzake|re|fwd?)\s*:", re.IGNORECASE)
_BSN_WORD = re.compile(r"bsn|burgerservice|sofi", re.IGNORECASE)
_SPELLING = re.compile(r"(?:^|(?<=\W))([A-Za-z]) van $")
_SPELLED_PAIR = re.compile(r"(?<!\w)([A-Za-z]) van ([A-Za-z])[a-z]+")
_ORG_SUFFIXES = (
    "ziekenhuis", "gasthuis", "kliniek", "centrum", "instituut", "fonds", "museum", "apotheek",
    "stichting", "college", "school", "loket", "arena", "zorg",
)  # fmt: skip
# Kinds of secondary school written after its name: "Trias VMBO", "Zaanlands Lyceum".
_SCHOOL_TYPES = ("vmbo", "havo", "vwo", "mavo", "mbo", "lyceum", "atheneum", "gymnasium")
_ORG_NEXT = frozenset(
    [
        "huis",
        "mc",
        "umc",
        "bv",
        "b.v.",
        "nv",
        "n.v.",
        "vof",
        "kempen",
        "fonds",
        "groep",
        "group",
        "holding",
        "zorg",
        "loket",
        "school",  # "de Al Ghazali school"
        *_SCHOOL_TYPES,
    ]
)
# Well-known organizations (and a test) named after people or spelt like names (beside the
# lexicon's list).
_ORG_NAMES = (
    "jan linders", "hans anders", "dirk van den broek", "van der valk", "van lanschot",
    "antoni van leeuwenhoek", "jeroen bosch", "reinier de graaf", "willem arntsz",
    "het juridisch loket", "gall & gall", "leen bakker", "van haren", "zilveren kruis",
    "centraal beheer", "nationale-nederlanden", "de nederlandsche bank", "max havelaar",
    "douwe egberts", "c&a", "v&d", "vroom & dreesmann", "jacob hooy", "ten cate",
    "van wiechen",  # the developmental test of youth health care ("Van Wiechen items 31-34")
)  # fmt: skip
_ORG_RX = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(o) for o in _ORG_NAMES) + r")(?!\w)", re.IGNORECASE
)
# Public bodies and their works, named after places and people they are not ("Waterschap Rijn
# en Veluwe", "Gemaal De Blocq van Kuffeler").
_PUBLIC_BODIES = frozenset(
    {"ggd", "cjg", "ggz", "uwv", "svb", "duo", "gemeente", "provincie", "waterschap",
     "hoogheemraadschap", "ministerie", "gemaal"}
)  # fmt: skip
# A company or practice named after its owner: "Bouwbedrijf Hirsi", "Kinderopvang Hirsi",
# "Gerechtsdeurwaarders Cheung & Van Ommeren" (plural and company words; "huisarts Jansen" and
# "notaris Jansen" are persons).
_ORG_HEADS = frozenset(
    {"huisartsen", "kinderopvang", "gerechtsdeurwaarders", "deurwaarders", "advocaten",
     "notarissen", "accountants", "fysiotherapie", "tandartsen", "gebr", "gebr.", "gebroeders",
     "firma", "fa.", "stichting", "vereniging", "garage", "kapsalon", "installatietechniek",
     "makelaardij", "café", "restaurant", "hotel", "bakkerij", "slagerij", "drukkerij",
     "kwekerij", "hoveniers", "schilders", "loodgieters", "verhuizers", "assurantiën"}
) | _PUBLIC_BODIES  # fmt: skip
_ORG_HEAD_ENDINGS = ("bedrijf", "bedrijven", "kantoor", "praktijk", "bureau", "opvang", "beheer",
                     "centrum", "groep", "winkel", "services", "handel", "techniek", "school",
                     "scholen", "lyceum", "gymnasium", "stichting", "vereniging",
                     "dagverblijf", "speelzaal", "crèche", "creche")  # fmt: skip
# A school's word heads or ends its name written small or not ("Al Amana basisschool").
_SCHOOLS = ("school", "scholen")
# Kinds of school written before the school's name: "CBS De Wegwijzer", "OBS De Regenboog".
_SCHOOL_KINDS = frozenset(
    {"bs", "cbs", "obs", "pcbs", "rkbs", "sbo", "so", "vso", "ikc", "kdv", "bso", "psz", "roc"}
)
# A trade after a firm's name: "Van Dijk Loodgieters", "Hoekstra Dakwerken", "Jansen Glas".
_TRADE_ENDINGS = (
    *_ORG_SUFFIXES, *_ORG_HEAD_ENDINGS, "werken", "diensten", "installaties", "ontstoppingen",
    "verwarming", "onderhoud", "schoonmaak", "bouw", "transport", "glas", "makelaars",
    "adviseurs", "advies", "consultancy", "loodgieters", "schilders", "verhuizers", "hoveniers",
    "deurwaarders", "advocaten", "notarissen", "accountants", "tandartsen", "huisartsen",
    "makelaardij", "assurantiën", "fysiotherapie", "verzekeringen", "incasso",
    "bewindvoering", "jeugdhulp", "thuishulp", "hulpverlening", "verpleging", "bescherming",
    "opvoedhulp", "begeleiding",
)  # fmt: skip
# A legal form, or a word only firms bear in their names.
_FIRM_WORDS = re.compile(
    r"(?<!\w)(?:b\.v\.?|bv|n\.v\.?|v\.o\.f\.?|vof|& (?:partners|zn|zonen)|holding|finance|"
    r"credit|incasso|beheer)(?!\w)",
    re.IGNORECASE,
)
# The detector of names licensed by a title or role before them (text_cues).
_CUED = "name_context"
# The word before a name, or before a first partner of a firm ("Cheung &", "De Groot &"):
# one pattern per number of the partner's words, nearest first.
_WORD = r"[^\W\d_][\w.'’\-]*"
_WORDS_BEFORE = tuple(
    re.compile(
        rf"({_WORD})[ \t]+" + (rf"(?:{_WORD}[ \t]+){{{n}}}(?:&|en)[ \t]+" if n else "") + "$"
    )
    for n in range(4)
)
_TWO_WORDS_BEFORE = re.compile(rf"({_WORD})[ \t]+({_WORD})[ \t]+$")
_POSTCODE_DIGITS = re.compile(r"(?<!\d)[1-9]\d{3} ?$")
_POSTCODE_LETTERS = re.compile(r"[A-Z]{2}$")
_POSTCODE_BEFORE = re.compile(r"(?<!\d)[1-9]\d{3} ?[A-Za-z]{2}[ \t]+$")
_ARTICLES = frozenset({"het", "een", "the"})
_TITLE_BEFORE = re.compile(
    r"(?i)(?<![\w.])(?:mevrouw|mevr|mw|meneer|mijnheer|heer|dhr|hr)\.?[ \t]+$"
)
_MAIL_DOMAIN = re.compile(r"@[\w-]+(?:\.[\w-]+)+")
_INITIAL = re.compile(r"(?:[A-Z]\.){1,4}")
_FIRM_PARTNERS = re.compile(r"[ \t]*&[ \t]*(?:zn|zonen|partners|co)\b", re.IGNORECASE)
_NEXT_WORDS = re.compile(r"[ \t]+([^\W\d_][\w'’\-.&]*)(?:[ \t]+([^\W\d_][\w'’\-.]*))?")
_PO_BOX = re.compile(r"(?:postbus|antwoordnummer|p\.?o\.?\s?box)\s*\d+", re.IGNORECASE)
_ADDRESS_PARTS = frozenset(
    {"location.postcode", "location.city", "location.address", "location.street",
     "location.house_number"}
)  # fmt: skip


def is_institutional(
    text: str,
    span: Span,
    po_boxes: list[tuple[int, int]],
    orgs: list[tuple[int, int]],
    *,
    named: bool = False,
) -> bool:
    """True when ``span`` belongs to an institution by the rules above; a name ``named`` by
    its context may be a salutation's word ("Lieve heeft", a girl Lieve)."""
    value = text[span.start : span.end]
    cat = span.category
    if cat in ("contact.email", "contact.phone"):
        return is_organizations_contact(cat, value)
    if cat in ("id.bsn", "id.rsin", "id.onderwijsnummer"):
        before = text[max(0, span.start - 30) : span.start]
        line = text[text.rfind("\n", 0, span.start) + 1 : span.start]
        if _SUBJECT.match(line) and not _BSN_WORD.search(line):
            return True
        before = before.rsplit("\n", 1)[-1]
        return _CASE_CUE.search(before) is not None
    if cat in _ADDRESS_PARTS:
        return any(s <= span.start < e for s, e in po_boxes)
    if cat in PERSON_NAMES:
        if any(s < span.end and span.start < e for s, e in orgs) or _in_mail_address(text, span):
            return True
        if _FIRM_PARTNERS.match(text, span.end):
            return True  # "Hoekstra & Zn", "Bakker & Partners"
        return (
            _cut_word(text, span)
            or _spelled(text, span)
            or (not named and only_salutations(value))
            or _not_a_person(text, span, value)
        )
    return False


def only_salutations(value: str) -> bool:
    """Salutations and particles alone ("van Dhr.", "Mw", a surname "de Heer"): in text the
    name they announce is another span."""
    lx = lex()
    words = normalize(value).replace(".", " ").split()
    return bool(words) and all(w in lx.salutations or w in lx.particle_words for w in words)


def is_organizations_contact(category: str, value: str) -> bool:
    """A role mailbox (``klantenservice@…``) or a service number (``088``, ``0800``): an
    organization's contact point, never a person's."""
    if category == "contact.email":
        local = value.split("@", 1)[0].casefold()
        return (
            local in _ROLE_MAILBOXES
            or local.split(".")[0] in _ROLE_MAILBOXES
            or local.endswith(_ROLE_SUFFIXES)
        )
    return category == "contact.phone" and _SERVICE_PHONE.match(value) is not None


_HOUSE_LETTER = re.compile(r"[A-Z]\.?")
_HOUSE_NUMBER_BEFORE = re.compile(r"\d[ \t]?$")


def _not_a_person(text: str, span: Span, value: str) -> bool:
    """Organizations and streets by their own words or the words after them."""
    if "/" in value or any(map(str.isdigit, value)):
        return True
    words = value.split()
    if words[0].casefold() in _ARTICLES:
        return True
    if _POSTCODE_DIGITS.search(
        text, max(0, span.start - 6), span.start
    ) and _POSTCODE_LETTERS.match(words[0]):
        return True  # "1234 AB Den Haag": the letters of a postcode and its place
    if _POSTCODE_BEFORE.search(text, max(0, span.start - 10), span.start):
        return True  # "3811 HR De Meern": the place after a postcode
    if (
        len(words) > 1
        and _HOUSE_LETTER.fullmatch(words[0])
        and _HOUSE_NUMBER_BEFORE.search(text, max(0, span.start - 6), span.start)
        and not any(is_first(n) or is_known_last(n) for n in map(normalize, words[1:]))
    ):
        return True  # "Wagenweg 129 B. Terugbellen op …": a house letter, then a sentence
    last = words[-1].casefold()
    if _ends_in(last, _ORG_SUFFIXES):
        return True
    if _after_org_head(text, span.start):
        return not _owner_of_firm(text, span.start, words[0] if len(words) > 1 else None)
    if len(words) > 1 and _org_head(words[0]):
        return True  # the head inside the span: "Kinderpraktijk Bakker"
    inner = [w.casefold().strip(".,;:()") for w in words[1:]]
    if any(w in _SCHOOL_TYPES or w.endswith(("school", "ziekenhuis")) for w in inner):
        return True  # "Trias VMBO", "Pieter Jelles Troelstraschool Diemen"
    # A firm named after its owner and its trade: "Klaassen Ontstoppingen", "Van Dijk
    # Loodgieters"; but "Piet Bouw" and "mevrouw Jansen Bouw" are persons.
    given = is_first(normalize(words[0]))
    firm = (
        span.detector != _CUED
        and not given
        and _INITIAL.fullmatch(words[0]) is None  # "I. Maaswinkel" is a person
    )
    if firm and len(words) > 1 and _ends_in(last, _TRADE_ENDINGS):
        return True
    m = _NEXT_WORDS.match(text, span.end)
    if m is None:
        return False
    nxt = m.group(1).casefold().rstrip(".,;:")
    capital = m.group(1)[0].isupper()
    if nxt in _ORG_NEXT or (capital and nxt.endswith(_TRADE_ENDINGS if firm else _ORG_SUFFIXES)):
        return True
    if nxt.endswith(_SCHOOLS):
        return True  # "Al Amana basisschool", written small or not
    if _TITLE_BEFORE.search(text, max(0, span.start - 12), span.start):
        return False  # "dhr. Jansen over uitkering": a title names a person
    following = [w.rstrip(".,;:") for w in m.groups() if w]
    # A street name after the name ("Van Galen Straat"), capitalized as streets are, but not
    # a town that ends like one ("Dr. Van Kok in Monnickendam"), nor a word ("over loopbaan").
    street = any(
        w[0].isupper() and has_street_suffix(n := normalize(w)) and n not in lex().places
        for w in following[:2]
    )
    # After a given name, a particle starts the rest of the surname ("Femke Wouters van
    # Eijndhoven"), though its last word ends like a street.
    particle = normalize(following[0]) in lex().particle_words and not given
    return street and (particle or (capital and _in_a_street(text, span)))


def _in_a_street(text: str, span: Span) -> bool:
    """Whether the street found after the name begins with it, as streets named after a
    person do ("Anne Frankstraat 12"); one that starts after the name's start is an address of
    its own ("Emre Bos Beatrixlaan 240", "Naima Öztürk Prins Bernhardlaan 33": a payer and the
    payer's street)."""
    return any(s.start <= span.start < s.end for s in STREET.find(text))


def _in_mail_address(text: str, span: Span) -> bool:
    """Part of an e-mail address ("info@zorggroep-de-es.nl"): the address is judged whole."""
    if "@" not in text:
        return False
    left = max(text.rfind(c, 0, span.start) for c in " \t\n<(,;")
    right = min((i for c in " \t\n>),;" if (i := text.find(c, span.end)) != -1), default=len(text))
    return _MAIL_DOMAIN.search(text, left + 1, right) is not None  # not a mention: "@Marieke"


def _after_org_head(text: str, start: int) -> bool:
    """A capitalized company or practice word before the name ("Kinderopvang Hirsi")."""
    begin = max(0, start - 60)
    window = text[begin:start]
    partners = "&" in window or " en " in window
    for pattern in _WORDS_BEFORE if partners else _WORDS_BEFORE[:1]:
        m = pattern.search(text, begin, start)
        if m is not None and _org_head(m.group(1)):
            return True
    # One capitalized word between: "Stichting Welzijn Kok", "Praktijk Noord Bakker"; not
    # one that ends a sentence ("via Gemeente Utrecht. Gerda ter Horst heeft").
    m = _TWO_WORDS_BEFORE.search(text, begin, start)
    return (
        m is not None
        and m.group(2)[0].isupper()
        and not _ends_sentence(m.group(2))
        and _org_head(m.group(1))
    )


def _ends_sentence(word: str) -> bool:
    """A word with a full stop that is no initial ("Utrecht.", not "P.")."""
    return word.endswith(".") and _INITIAL.fullmatch(word) is None


# A firm's word, then initials or a given name, then the surname: "Klussenbedrijf P.
# Steenbergen", "Notariskantoor Martijn Meer" name the person who is the firm.
_NAMED_AFTER = ("school", "scholen", "lyceum", "gymnasium", "stichting", "vereniging", "centrum",
                "groep", "team")  # fmt: skip


def _owner_of_firm(text: str, start: int, first: str | None) -> bool:
    """Whether the name at ``start`` (its first word ``first`` when it has more) follows a
    firm's word with initials or a given name, in the text or leading the name: a sole
    trader or a professional, whose name is a person's. Institutions named after people they are not
    ("Basisschool Jan Ligthart", "Stichting Anne Frank") are no firms here."""
    begin = max(0, start - 60)
    two = _TWO_WORDS_BEFORE.search(text, begin, start)
    if two is not None and _firm_head(two.group(1)) and _given_or_initials(two.group(2)):
        return not _ends_sentence(two.group(1))
    one = _WORDS_BEFORE[0].search(text, begin, start)
    return (
        first is not None
        and one is not None
        and _firm_head(one.group(1))
        and _given_or_initials(first)
    )


def _given_or_initials(word: str) -> bool:
    return _INITIAL.fullmatch(word) is not None or is_first(normalize(word))


def _firm_head(word: str) -> bool:
    """A word of a firm's kind, not of a school's, public body's or institution's (see
    :data:`_NAMED_AFTER`)."""
    head = word.casefold()
    return (
        _org_head(word)
        and head not in _SCHOOL_KINDS
        and head not in _PUBLIC_BODIES
        and not head.endswith(_NAMED_AFTER)
    )


def _ends_in(word: str, endings: tuple[str, ...]) -> bool:
    """Whether a (casefolded) word is one of ``endings`` or a compound that ends in one
    ("bouwgroep", "autobedrijf"); not a surname that only ends so ("jagroep", of a double
    surname "Sewdien-Jagroep"): a compound's first part has three letters at least."""
    last = word.rsplit("-", 1)[-1]
    return any(
        last == ending or (last.endswith(ending) and len(last) - len(ending) >= _COMPOUND_HEAD)
        for ending in endings
    )


_COMPOUND_HEAD = 3


def _org_head(word: str) -> bool:
    head = word.casefold()
    if head.endswith(_SCHOOLS):
        return True  # "basisschool De Regenboog", written small or not
    if word.isupper() and head in _SCHOOL_KINDS:
        return True
    if word[0].isupper() and head.endswith("team") and head != "team":
        return True  # "Basisteam Zaanstreek", "Wijkteam Noord": units, not "Team Jansen"
    return word[0].isupper() and (head in _ORG_HEADS or _ends_in(head, _ORG_HEAD_ENDINGS))


def names_an_organization(value: str) -> bool:
    """The value reads as the name of a firm, school or institution: a legal form
    ("B.V.", "& Partners"), a word of an organization's kind ("Installatiebedrijf",
    "Loodgieters", "College", "CBS") or a well-known organization."""
    if _FIRM_WORDS.search(value):
        return True
    for word in value.split():
        head = word.casefold().strip(".,;:()")
        if _org_head(word) or head in _ORG_NEXT or _ends_in(head, _TRADE_ENDINGS):
            return True
    return bool(org_regions(value))


def names_an_organization_not_a_person(value: str) -> bool:
    """:func:`names_an_organization`, unless it is one word (but a well-known organization's:
    "CJIB") or a given name or particle leads it: "Maaswinkel", "Jasmin Wolfswinkel", "van
    Kempen" and "van der Valk" are persons (a surname may end in a firm's word, or share a
    firm's name), "Plan B Bewindvoering" a firm; after a particle a word of the firm's kind
    must follow ("De Hoop Bewindvoering")."""
    words = value.split()
    if len(words) == 1:
        return _well_known(words[0])
    if not words or is_first(lead := normalize(words[0])):
        return False
    if lead in lex().particle_words:  # "De Hoop Bewindvoering", but not "van der Winkel"
        rest = [w for w in words if normalize(w) not in lex().particle_words]
        return len(rest) > 1 and any(_kind_of_firm(w) for w in rest)
    for i in range(2, len(words)):  # "Klussenbedrijf P. Steenbergen": a sole trader
        if _owner_of_firm(value, len(" ".join(words[:i])) + 1, None):
            return False
    return names_an_organization(value)


def _well_known(word: str) -> bool:
    """A well-known organization written alone ("CJIB", "Belastingdienst/Toeslagen") that is
    no known surname or given name."""
    head = normalize(word.split("/", 1)[0]).strip(".,;:()")
    return (
        (head in lex().organizations or head in _PUBLIC_BODIES)
        and not is_known_last(head)
        and not is_first(head)
    )


def _kind_of_firm(word: str) -> bool:
    """A word that says what kind of firm it names and is no surname ("Bewindvoering")."""
    head = normalize(word.strip(".,;:()"))
    kind = _org_head(word) or _ends_in(head, _TRADE_ENDINGS)
    return kind and not is_known_last(head)


def org_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of well-known organization names."""
    if not contains_any(fold(text), _ORG_NAMES):
        return []
    return [m.span() for m in _ORG_RX.finditer(text)]


def po_box_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``Postbus 123, 1234 AB Plaats`` (to the end of the next line)."""
    regions = []
    for m in _PO_BOX.finditer(text):
        end = text.find("\n", m.end())
        if end == -1:
            end = len(text)
        elif text[m.end() : end].strip(" ,") == "":
            nxt = text.find("\n", end + 1)
            end = len(text) if nxt == -1 else nxt
        regions.append((m.start(), end))
    return regions


def _spelled(text: str, span: Span) -> bool:
    """A word of the spelling alphabet: ``B van Bernard, A van Anton`` spells letters, it names
    nobody. One pair alone may be an initial and a surname (``D van Dijk``): two are needed."""
    value = text[span.start : span.end]
    word_start = span.start + 4 if value.startswith("van ") else span.start
    m = _SPELLING.search(text, max(0, word_start - 7), word_start)
    if m is None or text[word_start : word_start + 1].casefold() != m.group(1).casefold():
        return False  # also in a transcript in small letters: "b van bernard"
    window = text[max(0, word_start - 60) : word_start + 60]
    pairs = sum(p[1].casefold() == p[2].casefold() for p in _SPELLED_PAIR.finditer(window))
    return bool(pairs >= 2)


def _cut_word(text: str, span: Span) -> bool:
    """A name span that ends inside a word (``Johan de Witt|laan``) is part of something else."""
    return span.end < len(text) and text[span.end].isalpha() and text[span.end - 1].isalpha()


__all__ = [
    "is_institutional",
    "is_organizations_contact",
    "names_an_organization",
    "org_regions",
    "po_box_regions",
]

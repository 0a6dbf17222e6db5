"""A blind evaluation corpus of Dutch and English free text with gold personal-data spans.

Written blind: its author had not read the text finder's rules, lexicon, detectors or the
other text corpora's generators and name lists, only the ``Document``/``Gold``/``Negative``
shapes, the category codes and the identifier generators. The genres are ones the earlier
corpora do not use: meeting minutes with attendance lists and action items, social-work
progress entries, call-centre and speech-to-text transcripts, police-style incident reports,
GP referral letters, form dumps, CSV exports pasted into text, application logs and stack
traces, e-mails from expats in English, WhatsApp exports, OCR'd scans, lower-case informal
notes and file paths.

Names come from ``bench/names_text_blind/``, two lists typed by hand for people living in
the Netherlands today: Dutch and Frisian (with ``van der``, ``ter``, ``in 't`` and double
names), Belgian, Moroccan, Turkish, Surinamese (Hindustani, Creole, Javanese, Chinese),
Antillean, Moluccan and Indonesian, Polish, Syrian, Eritrean, Somali, Ghanaian, Chinese,
Vietnamese, Ukrainian and a few Romance names; the less common names of each group were
preferred, and nothing was copied from a package. Identifiers are valid by construction
(``sluis.synth.identifiers``).

What counts as personal data here (the gold), and what does not (the negatives):

* Every named natural person is gold, clients and staff alike, including officials acting in
  office (a wethouder, a huisarts, a police officer): the AVG has no exception for them, and a
  test copy must not carry employees' names either. A role without a name is not marked.
* Family members named in passing are gold (``haar zoon Milan``); kinship words are not.
* Staff initials codes (``Actie: PvdB``) and user names derived from a name (``jdevries``
  in a path or log line) are gold ``person.name``: inside an organisation they identify.
* Spans hold the value only: titles (``mevrouw``, ``dhr.``), labels (``geb.``, ``BSN:``)
  and a possessive ``s`` stay outside. A surname without given name is ``person.last_name``,
  a given name alone (also lower case) ``person.first_name``, a form's separate tussenvoegsel
  field ``person.name_prefix``; initials with a surname, ``Surname, I.`` and ``DE VRIES, Jan``
  are ``person.name``. A street with its house number is one ``location.street`` span; the
  postcode and the city of a person's address are separate spans.
* A person's city of residence (also a former one) is gold; place names in other roles (a
  court, a branch, a municipality as an organisation) are negatives, as are institutions'
  addresses, postbus numbers, phone numbers and functional mailboxes, organisations and
  streets named after people, case numbers that pass the 11-proef, capitalised weekdays and
  months, professions that are also surnames (``de bakker``), spelling-alphabet words and
  server IP addresses.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.text_corpus import Document, Gold, Negative
from sluis.synth import identifiers as ids

NAMES_DIR = Path(__file__).parent / "names_text_blind"

# Category codes (sluis.model.categories).
NAME = "person.name"
FIRST = "person.first_name"
LAST = "person.last_name"
PREFIX = "person.name_prefix"
DOB = "person.birth_date"
BSN = "id.bsn"
IBAN = "finance.iban"
PHONE = "contact.phone"
EMAIL = "contact.email"
STREET = "location.street"
POSTCODE = "location.postcode"
CITY = "location.city"
PLATE = "id.license_plate"
V_NUMBER = "id.v_number"
PASSPORT = "id.passport"
IP = "network.ip"
BIRTHPLACE = "quasi.place_of_birth"
NATIONALITY = "quasi.nationality"

GENRES = (
    "minutes",
    "progress",
    "callcentre",
    "incident",
    "referral",
    "form",
    "csv",
    "log",
    "expat_email",
    "whatsapp",
    "ocr",
    "informal",
    "paths",
)


def _read(filename: str) -> list[str]:
    lines = (NAMES_DIR / filename).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


FIRST_NAMES: list[tuple[str, str]] = [
    (ln.rsplit(" ", 1)[0], ln.rsplit(" ", 1)[1]) for ln in _read("first_names.txt")
]
SURNAMES: list[str] = _read("surnames.txt")

_PREFIX_WORDS = frozenset({"van", "de", "der", "den", "ter", "ten", "te", "in", "'t", "op", "uit"})
_PREFIX_WORDS |= {"da", "dos", "het"}


def _split_surname(surname: str) -> tuple[str, str]:
    words = surname.split(" ")
    i = 0
    while i < len(words) - 1 and words[i] in _PREFIX_WORDS:
        i += 1
    return " ".join(words[:i]), " ".join(words[i:])


def _ascii(text: str) -> str:
    table = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "ı": "i", "đ": "d", "Đ": "D"})
    decomposed = unicodedata.normalize("NFKD", text.translate(table))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _compact(text: str) -> str:
    return "".join(ch for ch in _ascii(text).lower() if ch.isalnum())


@dataclass(frozen=True)
class Person:
    first: str
    gender: str  # "m" or "v"
    prefix: str
    base: str
    second: str = ""

    @property
    def surname(self) -> str:
        return f"{self.prefix} {self.base}" if self.prefix else self.base

    @property
    def surname_alone(self) -> str:
        """The surname without a given name before it: the prefix takes a capital."""
        if not self.prefix:
            return self.base
        return f"{self.prefix[0].upper()}{self.prefix[1:]} {self.base}"

    def initials(self, style: str) -> str:
        letters = [part[0] for part in self.first.split("-")]
        if self.second:
            letters.append(self.second[0])
        if style == "dots":
            return ".".join(letters) + "."
        if style == "no_last_dot":
            return ".".join(letters)
        return "".join(letters)

    @property
    def code(self) -> str:
        """Staff initials as used in action lists: Pieter van den Berg is ``PvdB``."""
        return self.first[0] + "".join(w[0] for w in self.prefix.split()) + self.base[0]

    @property
    def female(self) -> bool:
        return self.gender == "v"


def _person(rng: random.Random, *, gender: str | None = None, surname: str | None = None) -> Person:
    while True:
        first, sex = rng.choice(FIRST_NAMES)
        if gender is None or sex == gender:
            break
    if surname is None:
        surname = rng.choice(SURNAMES)
        if sex == "v" and rng.random() < 0.12:  # a married woman's double name
            surname = f"{rng.choice(SURNAMES)}-{surname}"
    prefix, base = _split_surname(surname)
    second = ""
    if rng.random() < 0.3:
        second = rng.choice([f for f, s in FIRST_NAMES if s == sex and f != first])
    return Person(first, sex, prefix, base, second)


def _relative(rng: random.Random, of: Person, *, gender: str | None = None) -> Person:
    """A child carrying the parent's surname."""
    return _person(rng, gender=gender, surname=of.surname)


def render(p: Person, form: str) -> tuple[str, str]:
    """The written name and its category for one of the name forms below."""
    if form == "full":
        return f"{p.first} {p.surname}", NAME
    if form == "full2":
        middle = f" {p.second}" if p.second else ""
        return f"{p.first}{middle} {p.surname}", NAME
    if form == "init":
        return f"{p.initials('dots')} {p.surname}", NAME
    if form == "init_nodot":
        return f"{p.initials('bare')} {p.surname}", NAME
    if form == "last":
        return p.surname_alone, LAST
    if form == "first":
        return p.first, FIRST
    if form == "last_first":
        return f"{p.surname_alone}, {p.first}", NAME
    if form == "last_init":
        return f"{p.surname_alone}, {p.initials('dots')}", NAME
    if form == "sort_nl":
        if p.prefix:
            return f"{p.base}, {p.initials('dots')} {p.prefix}", NAME
        return f"{p.base}, {p.initials('dots')}", NAME
    if form == "caps":
        return f"{p.surname.upper()}, {p.first}", NAME
    if form == "caps_full":
        return f"{p.first} {p.surname}".upper(), NAME
    if form == "lower_full":
        return f"{p.first} {p.surname}".lower(), NAME
    if form == "lower_first":
        return p.first.lower(), FIRST
    if form == "code":
        return p.code, NAME
    raise ValueError(form)


def possessive(word: str) -> str:
    """The Dutch genitive ending: ``Ahmeds``, ``Fatima's``, ``Thomas'``."""
    if word[-1].lower() in "sxz":
        return "'"
    if word[-1].lower() in "aeiouyé":
        return "'s"
    return "s"


def title(p: Person, rng: random.Random, *, english: bool = False) -> str:
    if english:
        return rng.choice(["Ms", "Mrs", "Ms."]) if p.female else rng.choice(["Mr", "Mr."])
    if p.female:
        return rng.choice(["mevrouw", "mevr.", "mw.", "mevrouw"])
    return rng.choice(["de heer", "dhr.", "meneer", "dhr"])


# ---------------------------------------------------------------- identifiers and dates

_MONTHS_NL = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
_MONTHS_NL_ABBR = [
    "jan.",
    "feb.",
    "mrt.",
    "apr.",
    "mei",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "dec.",
]
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_WEEKDAYS_NL = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def birth_date(rng: random.Random, *, young: bool = False) -> dt.date:
    if young:
        return dt.date(2006, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 17))
    return dt.date(1938, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 68))


def event_date(rng: random.Random) -> dt.date:
    return dt.date(2023, 1, 2) + dt.timedelta(days=rng.randint(0, 900))


def date_nl(d: dt.date, style: str) -> str:
    if style == "dash":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "dash_short":
        return f"{d.day}-{d.month}-{d.year}"
    if style == "apos":
        return f"{d.day}-{d.month}-'{d.year % 100:02d}"
    if style == "dots":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "abbr":
        return f"{d.day} {_MONTHS_NL_ABBR[d.month - 1]} {d.year}"
    if style == "long":
        return f"{d.day} {_MONTHS_NL[d.month - 1]} {d.year}"
    if style == "slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "compact":
        return f"{d.year}{d.month:02d}{d.day:02d}"
    if style == "long_apos":
        return f"{d.day} {_MONTHS_NL[d.month - 1]} '{d.year % 100:02d}"
    raise ValueError(style)


DOB_STYLES_NL = ("dash", "dash_short", "apos", "dots", "iso", "abbr", "long", "slash", "long_apos")


def date_en(d: dt.date, style: str) -> str:
    if style == "us":
        return f"{_MONTHS_EN[d.month - 1]} {d.day}, {d.year}"
    if style == "uk":
        return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"
    if style == "uk_abbr":
        return f"{d.day} {_MONTHS_EN[d.month - 1][:3]} {d.year}"
    if style == "ordinal":
        suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
        return f"{d.day}{suffix.get(d.day, 'th')} of {_MONTHS_EN[d.month - 1]} {d.year}"
    if style == "iso":
        return d.isoformat()
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def phone(rng: random.Random, *, mobile_share: float = 0.75) -> str:
    """A valid Dutch number in the library's forms and a few more seen in real text."""
    national = ids.mobile(rng) if rng.random() < mobile_share else ids.landline(rng)
    if national.startswith("06") and rng.random() < 0.45:
        d = national[2:]
        return rng.choice(
            [
                f"+31 (0)6 {d[:4]} {d[4:]}",
                f"06-{d[:2]} {d[2:4]} {d[4:6]} {d[6:]}",
                f"0031{national[1:]}",
                f"06 {d[:3]} {d[3:6]} {d[6:]}",
                f"+316{d}",
                f"06 - {d}",
            ]
        )
    return ids.format_phone(national, rng.choice(ids.PHONE_STYLES))


def bsn(rng: random.Random) -> str:
    value = ids.bsn(rng)
    style = rng.choice(["plain", "plain", "dotted", "spaced", "dots3", "split423", "short"])
    if style == "dots3":
        return f"{value[:3]}.{value[3:6]}.{value[6:]}"
    if style == "split423":
        return f"{value[:4]} {value[4:6]} {value[6:]}"
    return ids.format_bsn(value, style)


def iban(rng: random.Random) -> str:
    value = ids.iban(rng, spaced=rng.random() < 0.5)
    return value.lower() if rng.random() < 0.15 else value


def email(rng: random.Random, p: Person) -> str:
    first, last, init = _compact(p.first), _compact(p.surname), _compact(p.first[0])
    base = _compact(p.base)
    local = rng.choice(
        [
            f"{first}.{last}",
            f"{init}.{last}",
            f"{first}{rng.randint(70, 99)}",
            f"{base}{init}",
            f"{first}_{base}{rng.randint(1, 99)}",
            f"{init}{last}",
            f"{first}-{base}",
        ]
    )
    domain = rng.choice(
        [
            "gmail.com",
            "hotmail.com",
            "outlook.com",
            "live.nl",
            "ziggo.nl",
            "kpnmail.nl",
            "icloud.com",
            "home.nl",
            "xs4all.nl",
            "hotmail.nl",
            "yahoo.com",
            "wp.pl",
            "ukr.net",
            "hotmail.fr",
            "gmx.de",
        ]
    )
    return f"{local}@{domain}"


def staff_email(p: Person, org_domain: str) -> str:
    return f"{_compact(p.first[0])}.{_compact(p.surname)}@{org_domain}"


def username(rng: random.Random, p: Person) -> str:
    init, last = _compact(p.first[0]), _compact(p.surname)
    return rng.choice([f"{init}{last}", f"{last}{init}", f"{_compact(p.first)}.{last}"])


_STREETS = (
    "Kerkstraat",
    "Dorpsstraat",
    "Molenweg",
    "Burg. de Withstraat",
    "Van Limburg Stirumstraat",
    "Willem de Zwijgerlaan",
    "Anna Paulownastraat",
    "Jacob van Lennepkade",
    "2e Oosterparkstraat",
    "Jan Pietersz. Coenstraat",
    "Pr. Irenestraat",
    "Lange Nieuwstraat",
    "Oranjeplein",
    "Hoofdweg",
    "Graaf Florisstraat",
    "Kruisstraat",
    "Vlietkade",
    "Heemraadssingel",
    "Mgr. Nolenslaan",
    "Dr. Schaepmanstraat",
    "Karel Doormanstraat",
    "Sint Janstraat",
    "De Ruyterstraat",
    "Koningin Wilhelminalaan",
    "Zuiderdiep",
    "Bisschop Bekkersweg",
    "Akkerwinde",
    "Esdoornstraat",
    "Pastoor van Arsstraat",
    "Bakkerstraat",
    "Visserstraat",
    "Tesselschadestraat",
    "Marnixstraat",
    "Lumeijstraat",
    "Vinkenpad",
    "Fazantenhof",
    "Boekweitakker",
    "Meidoornlaan",
    "Van 't Hoffstraat",
    "Hugo de Grootplein",
    "Aletta Jacobslaan",
    "Tuinderslaan",
    "Generaal Foulkesweg",
    "Oude Ebbingestraat",
    "Croeselaan",
)
_CITIES = (
    "Zwolle",
    "Almere",
    "Tilburg",
    "Enschede",
    "Schiedam",
    "Heerlen",
    "Emmen",
    "Leeuwarden",
    "Den Helder",
    "'s-Hertogenbosch",
    "Nieuwegein",
    "Capelle aan den IJssel",
    "Alphen aan den Rijn",
    "Rotterdam",
    "Utrecht",
    "Amsterdam",
    "Arnhem",
    "Vlaardingen",
    "Lelystad",
    "Venlo",
    "Hoogeveen",
    "Zaandam",
    "Purmerend",
    "Delft",
    "Roosendaal",
)
_TRAP_PLACES = (
    "Den Haag",
    "Sint-Michielsgestel",
    "Hendrik-Ido-Ambacht",
    "Bergen op Zoom",
    "Sint-Oedenrode",
    "Nieuw-Vennep",
    "Pijnacker-Nootdorp",
    "Koudekerk aan den Rijn",
    "Alphen aan den Rijn",
    "Capelle aan den IJssel",
)
_BIRTHPLACES = (
    "Paramaribo",
    "Nador",
    "Al Hoceima",
    "Istanbul",
    "Kayseri",
    "Asmara",
    "Mogadishu",
    "Kumasi",
    "Willemstad",
    "Ambon",
    "Gdańsk",
    "Aleppo",
    "Kharkiv",
    "Hải Phòng",
    "Wenzhou",
    "Sneek",
    "Tiel",
    "Oranjestad",
)
_NATIONALITIES = (
    "Nederlandse",
    "Syrische",
    "Eritrese",
    "Poolse",
    "Turkse",
    "Marokkaanse",
    "Oekraïense",
    "Somalische",
    "Ghanese",
)
_PEOPLE_ORGS = (
    "Stichting Anna Kinderfonds",
    "Albert Heijn",
    "Ronald McDonald Huis",
    "Willem-Alexander Kinderziekenhuis",
    "Antoni van Leeuwenhoek",
    "Prinses Máxima Centrum",
    "Juliana Kinderziekenhuis",
    "Sophia Kinderziekenhuis",
    "Jeroen Bosch Ziekenhuis",
    "Sint Maartenskliniek",
    "Sint Antonius Ziekenhuis",
    "Beatrix Kinderziekenhuis",
    "Wilhelmina Kinderziekenhuis",
    "Koning Willem I College",
    "Jan Linders",
    "Dirk van den Broek",
    "Bart Smit",
    "Hans Anders",
    "Leen Bakker",
    "Zeeman",
    "Van Haren",
    "Douwe Egberts",
    "Anne Frank Huis",
    "Johan Cruijff ArenA",
    "Christiaan Huygens College",
    "Erasmus MC",
    "Thomas More Hogeschool",
)
_HOSPITALS = (
    "Willem-Alexander Kinderziekenhuis",
    "Antoni van Leeuwenhoek",
    "Prinses Máxima Centrum",
    "Juliana Kinderziekenhuis",
    "Sophia Kinderziekenhuis",
    "Jeroen Bosch Ziekenhuis",
    "Sint Maartenskliniek",
    "Sint Antonius Ziekenhuis",
    "Beatrix Kinderziekenhuis",
    "Erasmus MC",
)
_SHOPS = ("Albert Heijn", "Jan Linders", "Dirk van den Broek", "Zeeman", "Leen Bakker", "Bart Smit")
# Institutions' own addresses: streets named after people, never a person's home here.
_INSTITUTION_STREETS = (
    "Dr. Molewaterplein 40",
    "Prins Bernhardlaan 2",
    "Koningin Julianaplein 10",
    "Johan de Wittlaan 7",
    "Jan van Galenstraat 4",
    "Pieter Calandlaan 82",
    "Graaf Florisweg 3",
    "Burgemeester Roelenweg 14",
    "Anthony Fokkerweg 15",
    "Dr. Lelylaan 1",
)
_CASE_LABELS = (
    "zaaknummer",
    "dossiernummer",
    "klantnummer",
    "kenmerk",
    "factuurnummer",
    "polisnummer",
    "ordernummer",
    "Zaaknr.",
    "ons kenmerk",
)
_SPELLING = {
    "A": "Anton",
    "B": "Bernard",
    "C": "Cornelis",
    "D": "Dirk",
    "E": "Eduard",
    "F": "Ferdinand",
    "G": "Gerard",
    "H": "Hendrik",
    "I": "Izaak",
    "J": "Johan",
    "K": "Karel",
    "L": "Lodewijk",
    "M": "Maria",
    "N": "Nico",
    "O": "Otto",
    "P": "Pieter",
    "Q": "Quirinus",
    "R": "Rudolf",
    "S": "Simon",
    "T": "Teunis",
    "U": "Utrecht",
    "V": "Victor",
    "W": "Willem",
    "X": "Xantippe",
    "Y": "Ypsilon",
    "Z": "Zaandam",
}
_PROFESSIONS = ("de bakker", "de visser", "de smid", "de boer", "de koning", "de kok", "de slager")


def house_number(rng: random.Random) -> str:
    n = rng.randint(1, 240)
    return rng.choice(
        [
            str(n),
            str(n),
            f"{n}a",
            f"{n}-bis",
            f"{n} A",
            f"{n}-{rng.randint(1, 4)}",
            f"{n} hs",
            f"{n}-III",
            f"{n}bis",
            f"{n} B",
            f"{n}-{rng.choice('ABC')}",
        ]
    )


def street(rng: random.Random) -> str:
    return f"{rng.choice(_STREETS)} {house_number(rng)}"


# ---------------------------------------------------------------- builder


@dataclass
class _Builder:
    parts: list[str] = field(default_factory=list)
    gold: list[Gold] = field(default_factory=list)
    negatives: list[Negative] = field(default_factory=list)
    # The people met, by identity (kept alive here: an id() alone may be reused).
    people: dict[int, Person] = field(default_factory=dict)
    length: int = 0

    def t(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def g(self, value: str, cat: str) -> None:
        if not value or value.strip() != value:
            raise ValueError("gold value empty or padded")
        self.gold.append(Gold(self.length, self.length + len(value), cat))
        self.t(value)

    def n(self, value: str, kind: str) -> None:
        self.negatives.append(Negative(self.length, self.length + len(value), kind))
        self.t(value)

    def meet(self, p: Person) -> None:
        self.people[id(p)] = p

    def name(self, p: Person, form: str) -> None:
        value, cat = render(p, form)
        self.meet(p)
        self.g(value, cat)

    def first_possessive(self, p: Person, *, lower: bool = False) -> None:
        name = p.first.lower() if lower else p.first
        self.meet(p)
        self.g(name, FIRST)
        self.t(possessive(name))

    def address(
        self, rng: random.Random, *, sep: str = ", ", lower: bool = False, upper: bool = False
    ) -> None:
        value = street(rng)
        city = rng.choice(_CITIES)
        pc = ids.postcode(rng)
        if lower:
            value, city, pc = value.lower(), city.lower(), pc.lower()
        if upper:
            value, city = value.upper(), city.upper()
        self.g(value, STREET)
        self.t(sep)
        self.g(pc, POSTCODE)
        self.t(rng.choice([" ", " ", "  "]))
        self.g(city, CITY)

    def dob_nl(self, rng: random.Random, *, young: bool = False) -> dt.date:
        born = birth_date(rng, young=young)
        self.g(date_nl(born, rng.choice(DOB_STYLES_NL)), DOB)
        return born

    def case(self, rng: random.Random) -> None:
        label = rng.choice(_CASE_LABELS)
        self.t(f"{label} ")
        self.n(str(ids.case_number(rng)), "case_number")

    def text(self) -> str:
        return "".join(self.parts)


Genre = Callable[[random.Random, _Builder], None]


def _org(rng: random.Random, b: _Builder, choices: Sequence[str] = _PEOPLE_ORGS) -> None:
    b.n(rng.choice(choices), "org_named_after_person")


def _weekday_start(rng: random.Random, b: _Builder) -> None:
    b.n(rng.choice(_WEEKDAYS_NL).capitalize(), "calendar_word")


def _institution_block(rng: random.Random, b: _Builder, name: str) -> None:
    """An institution's letterhead: its street, postbus, phone and mailbox are not personal."""
    b.t(f"{name}\n")
    if rng.random() < 0.5:
        b.n(rng.choice(_INSTITUTION_STREETS), "institution_address")
        b.t("\n")
    else:
        b.n(f"Postbus {rng.randint(10, 9999)}", "postbus")
        b.t("\n")
    b.n(ids.postcode(rng), "institution_postcode")
    b.t(" ")
    b.n(rng.choice(_TRAP_PLACES), "place_name")
    b.t("\nT ")
    number = rng.choice(
        [
            f"088-{rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            f"0800-{rng.randint(1000, 9999)}",
            f"14 0{rng.choice(['10', '20', '30', '38', '40', '50', '53', '70'])}",
        ]
    )
    b.n(number, "institution_phone")
    b.t("\n")


# ---------------------------------------------------------------- genres


def _minutes(rng: random.Random, b: _Builder) -> None:
    """Notulen: attendance list, casuistry, action items with staff initials codes."""
    staff = [_person(rng) for _ in range(rng.randint(3, 5))]
    client = _person(rng)
    meeting = rng.choice(
        [
            "MDO Jeugd",
            "Werkoverleg team Inkomen",
            "Casusoverleg Zorg- en Veiligheidshuis",
            "Teamoverleg Wmo",
            "Overleg sociaal wijkteam",
        ]
    )
    d = event_date(rng)
    b.t(f"Notulen {meeting}\n")
    if rng.random() < 0.5:
        _weekday_start(rng, b)
        b.t(f" {d.day} {_MONTHS_NL[d.month - 1]} {d.year}, 09.30-11.00 uur\n")
    else:
        b.t(f"Datum: {date_nl(d, 'dash')}\n")
    b.t("Aanwezig: ")
    for i, s in enumerate(staff):
        if i:
            b.t(", ")
        b.name(s, rng.choice(["full", "full", "init", "first"]))
        if i == 0:
            b.t(" (vz)")
        elif i == 1:
            b.t(" (notulen)")
        elif rng.random() < 0.4:
            b.t(rng.choice([" (GGD)", " (leerplicht)", " (schuldhulp)", " (wijkagent)"]))
    official = _person(rng)
    if rng.random() < 0.4:
        b.t("\nAfwezig m.k.: wethouder ")
        b.name(official, rng.choice(["full", "init"]))
    b.t("\n\n1. Opening\n")
    b.name(staff[0], "first")
    b.t(" opent de vergadering en heet ")
    b.name(staff[-1], "first")
    b.t(" welkom als nieuwe collega.\n\n2. Casuïstiek\n")
    b.t("a. Gezin ")
    b.name(client, "last")
    b.t(" (")
    b.g(street(rng), STREET)
    b.t(")\n")
    child = _relative(rng, client)
    b.t("Moeder" if client.female else "Vader")
    b.t(
        " heeft opnieuw een betalingsachterstand; zoon"
        if not child.female
        else " heeft opnieuw een betalingsachterstand; dochter"
    )
    b.t(" ")
    b.name(child, "first")
    b.t(f" ({rng.randint(6, 16)}) verzuimt veel. ")
    if rng.random() < 0.5:
        b.t("Aanvraag bij ")
        _org(rng, b, ("Stichting Anna Kinderfonds", "Ronald McDonald Huis"))
        b.t(" loopt nog. ")
    b.t("Zie ")
    b.case(rng)
    b.t(".\n")
    b.t("Besluit: ")
    b.name(staff[1], "first")
    b.t(" neemt de casus over van ")
    b.name(staff[2], rng.choice(["first", "init_nodot"]))
    b.t(".\nActie: ")
    b.name(staff[1], "code")
    b.t(" belt ")
    b.t(title(client, rng))
    b.t(" ")
    b.name(client, "last")
    b.t(" voor ")
    b.n(date_nl(event_date(rng), "dash_short"), "date_not_birth")
    b.t(".\n\n3. Rondvraag\n")
    if rng.random() < 0.5:
        b.n(rng.choice(["Mei", "Juni", "Augustus"]), "calendar_word")
        b.t(" is de nieuwe deadline voor de jaarrapportage. ")
    b.t("Het overleg met de rechtbank ")
    b.n(rng.choice(_TRAP_PLACES[:3]), "place_name")
    b.t(" schuift door.\n\nActielijst\n")
    for k, s in enumerate(rng.sample(staff, min(3, len(staff)))):
        task = rng.choice(["terugkoppeling GGD", "brief versturen", "huisbezoek plannen"])
        b.t(f"{k + 1:>2} | {task} | ")
        b.name(s, "code")
        b.t(" | open\n")


def _progress(rng: random.Random, b: _Builder) -> None:
    """Rapportage: dated progress entries by social workers about one client."""
    client = _person(rng)
    workers = [_person(rng) for _ in range(2)]
    spouse = _person(rng, gender="m" if client.female else "v")
    child = _relative(rng, client)
    b.t("Rapportage ")
    b.name(client, rng.choice(["last_first", "last_init", "caps", "sort_nl"]))
    b.t(" — ")
    b.case(rng)
    b.t("\n\n")
    d = event_date(rng)
    for i in range(rng.randint(3, 5)):
        d += dt.timedelta(days=rng.randint(1, 20))
        b.n(date_nl(d, rng.choice(["dash", "dash_short", "iso"])), "date_not_birth")
        b.t(f" {rng.randint(8, 16):02d}:{rng.choice(['00', '15', '30', '45'])} | ")
        author = workers[i % 2]
        b.name(author, rng.choice(["code", "init", "first", "full"]))
        b.t(" | ")
        step = i if i < 3 else rng.randint(3, 6)
        she = "zij" if client.female else "hij"
        her = "haar" if client.female else "zijn"
        if step == 0:
            b.t("Telefonisch contact. ")
            b.t(title(client, rng).capitalize())
            b.t(" ")
            b.name(client, "last")
            b.t(f" geeft aan dat {her} {'dochter' if child.female else 'zoon'} ")
            b.name(child, "first")
            b.t(" sinds de herfstvakantie niet naar school gaat. Nieuw nummer: ")
            b.g(phone(rng), PHONE)
            b.t(".\n")
        elif step == 1:
            b.t("Huisbezoek op ")
            b.g(street(rng), STREET)
            partner_word = "echtgenoot" if spouse.gender == "m" else "echtgenote"
            b.t(f". Aanwezig: cliënt en {her} {partner_word} ")
            b.name(spouse, rng.choice(["init", "full", "init_nodot"]))
            b.t(f". {she.capitalize()} toont de brief van de Belastingdienst over de toeslag. ")
            b.first_possessive(child)
            b.t(" kamer is vochtig.\n")
        elif step == 2:
            b.t("Budgetbeheer gestart; leefgeld naar ")
            b.g(iban(rng), IBAN)
            b.t(". Boodschappen bij ")
            _org(rng, b, _SHOPS)
            b.t(" lukt weer. Afspraak bij de Kredietbank, ")
            b.n(rng.choice(_INSTITUTION_STREETS), "institution_address")
            b.t(".\n")
        elif step == 3:
            b.t("Overleg met huisarts ")
            gp = _person(rng)
            b.name(gp, rng.choice(["init", "last"]))
            b.t(f" over {her} medicatie. ")
            b.name(client, "first")
            b.t(f" wil dat {her} moeder ")
            mother = _person(rng, gender="v")
            b.name(mother, "full")
            b.t(" meekomt naar de gesprekken.\n")
        elif step == 4:
            b.t("Mail ontvangen van cliënt (")
            b.g(email(rng, client), EMAIL)
            b.t("): vraagt uitstel. Doorgestuurd naar ")
            b.name(workers[(i + 1) % 2], "first")
            b.t(".\n")
        else:
            b.t("Gesprek afgezegd, ")
            b.n(rng.choice(["Maandag", "Dinsdag", "Donderdag"]), "calendar_word")
            b.t(" nieuwe poging. Werkt nu bij ")
            b.n(rng.choice(_PROFESSIONS), "common_word")
            b.t(" in de buurt, parttime.\n")


def _callcentre(rng: random.Random, b: _Builder) -> None:
    """A call transcript: speaker labels, spelled surnames, numbers read out in groups."""
    agent = _person(rng)
    caller = _person(rng)
    asr = rng.random() < 0.4  # speech-to-text output: lower case, no punctuation
    org = rng.choice(["de gemeente", "het UWV", "de SVB", "het Juridisch Loket", "de GGD"])
    b.t(f"Gesprek {rng.randint(100000, 999999)} | ")
    b.n(date_nl(event_date(rng), "iso"), "date_not_birth")
    b.t(f" {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}")
    b.t(f" | wachttijd 0{rng.randint(0, 9)}:{rng.randint(10, 59)}\n")
    a, k = ("spreker 1", "spreker 2") if asr else ("Medewerker", "Klant")

    def say(who: str) -> None:
        b.t(f"{who}: ")

    say(a)
    if asr:
        b.t(f"goedemiddag {org.split()[-1].lower()} u spreekt met ")
        b.g(agent.first.lower(), FIRST)
        b.meet(agent)
        b.t("\n")
        say(k)
        b.t("ja hallo met ")
        b.name(caller, "lower_full")
        b.t(" ik bel over mijn uitkering\n")
    else:
        b.t(f"Goedemiddag, {org}, u spreekt met ")
        b.name(agent, "first")
        b.t(".\n")
        say(k)
        b.t("Ja, goedemiddag, met ")
        b.name(caller, rng.choice(["full", "full", "last"]))
        b.t(". Ik bel over mijn uitkering.\n")
    say(a)
    b.t("mag ik uw burgerservicenummer\n" if asr else "Mag ik uw burgerservicenummer?\n")
    say(k)
    value = ids.bsn(rng)
    b.t("ja eh dat is " if asr else "Ja, eh, dat is ")
    b.g(
        rng.choice(
            [
                f"{value[:3]} {value[3:6]} {value[6:]}",
                value,
                f"{value[:4]} {value[4:6]} {value[6:]}",
            ]
        ),
        BSN,
    )
    b.t("\n")
    say(a)
    b.t("en uw geboortedatum\n" if asr else "En uw geboortedatum?\n")
    say(k)
    bd = birth_date(rng)
    b.g(date_nl(bd, rng.choice(["long", "dash_short", "long_apos"])), DOB)
    b.t("\n")
    say(a)
    b.t("kunt u uw achternaam spellen\n" if asr else "Kunt u uw achternaam even spellen?\n")
    say(k)
    letters = [ch for ch in _ascii(caller.base).upper() if ch in _SPELLING][:3]
    b.g(caller.surname_alone.lower() if asr else caller.surname_alone, LAST)
    b.meet(caller)
    b.t(", ")
    for j, ch in enumerate(letters):
        if j:
            b.t(", ")
        b.t(f"{ch.lower() if asr else ch} van ")
        word = _SPELLING[ch]
        b.n(word.lower() if asr else word, "spelling_alphabet")
    b.t("\n")
    say(a)
    b.t(
        "en op welk nummer kunnen we u terugbellen\n"
        if asr
        else "Op welk nummer kunnen we u terugbellen?\n"
    )
    say(k)
    b.g(phone(rng), PHONE)
    if rng.random() < 0.5:
        b.t(", of mijn " + ("vrouw" if caller.gender == "m" else "man") + " ")
        partner = _person(rng, gender="v" if caller.gender == "m" else "m")
        b.name(partner, "lower_first" if asr else "first")
        b.t(" op ")
        b.g(phone(rng), PHONE)
    b.t("\n")
    say(a)
    if asr:
        b.t("dank u ik zet een terugbelverzoek klaar voor mijn collega ")
        colleague = _person(rng)
        b.name(colleague, "lower_first")
        b.t("\n")
    else:
        b.t("Dank u. Ik zet een terugbelverzoek klaar; u ontvangt een bevestiging van ")
        b.n(
            rng.choice(["klantcontact@werkplein.example", "noreply@gemeente.example"]),
            "institution_email",
        )
        b.t(".\n")
    b.t("[einde gesprek] notitie: ")
    b.case(rng)


def _incident(rng: random.Random, b: _Builder) -> None:
    """A police-style incident report with melder, betrokkenen, vehicle and officers."""
    melder = _person(rng)
    subject = _person(rng)
    officer = _person(rng)
    d = event_date(rng)
    b.t(f"MUTATIE {d.year}{rng.randint(100000, 999999)}  |  Prio 2  |  ")
    b.n(date_nl(d, "dash"), "date_not_birth")
    b.t(f" {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}\n")
    b.t(
        rng.choice(
            [
                "Incidentcode: Burengerucht\n",
                "Incidentcode: Huiselijk geweld\n",
                "Incidentcode: Winkeldiefstal\n",
            ]
        )
    )
    b.t("Melder: ")
    b.name(melder, rng.choice(["full", "caps", "last_first"]))
    b.t(", tel. ")
    b.g(phone(rng), PHONE)
    b.t("\nBetrokkene 1: ")
    b.name(subject, rng.choice(["caps", "caps", "last_first", "sort_nl"]))
    opener = rng.choice([", geb. ", ", geboren ", " (°", ", gb. "])
    b.t(opener)
    b.dob_nl(rng)
    if rng.random() < 0.6:
        b.t(" te ")
        b.g(rng.choice(_BIRTHPLACES), BIRTHPLACE)
    if opener.endswith("°"):
        b.t(")")
    b.t("\n   wonende ")
    b.address(rng, upper=rng.random() < 0.3)
    if rng.random() < 0.5:
        b.t("\n   legitimeerde zich met ")
        b.t(rng.choice(["paspoort ", "ID-kaart ", "Nederlandse identiteitskaart "]))
        b.g(ids.passport_number(rng), PASSPORT)
    if rng.random() < 0.4:
        b.t("\n   V-nummer ")
        b.g(ids.v_number(rng), V_NUMBER)
    b.t("\nVoertuig: ")
    b.g(ids.license_plate(rng), PLATE)
    car = rng.choice(["grijze Opel Corsa", "zwarte VW Golf", "witte Toyota Yaris", "bestelbus"])
    b.t(f", {car}\n\n")
    b.t("Relaas:\n")
    b.t(f"Op {rng.choice(_WEEKDAYS_NL)} omstreeks {rng.randint(18, 23)}.{rng.randint(10, 59)}")
    b.t(" uur belde melder de meldkamer. ")
    if rng.random() < 0.5:
        b.t("Wij troffen betrokkene aan bij de ")
        _org(rng, b, _SHOPS)
        b.t(" aan de ")
        b.n(
            rng.choice(["Willem de Zwijgerlaan", "Johan de Wittlaan", "Graaf Florisweg"]),
            "institution_address",
        )
        b.t(". ")
    b.t("Betrokkene ")
    b.name(subject, "last")
    b.t(" verklaarde dat ")
    if subject.female:
        b.t("haar ex-partner ")
    else:
        b.t("zijn ex-partner ")
    ex = _person(rng)
    b.name(ex, rng.choice(["full", "init_nodot", "first"]))
    b.t(" de deur had ingetrapt. De kinderen (")
    kid1, kid2 = _relative(rng, subject), _relative(rng, subject)
    b.name(kid1, "first")
    b.t(" en ")
    b.name(kid2, "first")
    b.t(") waren aanwezig. Zaak overgedragen aan Veilig Thuis, ")
    b.case(rng)
    b.t(".\n\nVerbalisant: ")
    b.t(rng.choice(["hoofdagent ", "agent ", "brigadier "]))
    b.name(officer, rng.choice(["init", "full", "last_init"]))
    b.t(", basisteam ")
    b.n(rng.choice(["Zwolle-Noord", "Schiedam", "Heerlen", "Tilburg-Centrum"]), "place_name")
    b.t("\n")


def _referral(rng: random.Random, b: _Builder) -> None:
    """A GP's referral letter to a specialist."""
    gp = _person(rng)
    specialist = _person(rng)
    patient = _person(rng)
    spouse = _person(rng, gender="m" if patient.female else "v")
    practice = rng.choice(
        ["Huisartsenpraktijk De Linde", "Gezondheidscentrum Zuid", "Huisartsen Oost"]
    )
    _institution_block(rng, b, practice)
    hospital = rng.choice([h for h in _HOSPITALS if "Kinder" not in h])
    b.t("\nAan: ")
    b.t(rng.choice(["dr. ", "drs. ", "", "mw. dr. " if specialist.female else "dr. "]))
    b.name(specialist, rng.choice(["init", "full", "last"]))
    b.t(f", {rng.choice(['cardioloog', 'longarts', 'MDL-arts', 'neuroloog', 'internist'])}, ")
    b.n(hospital, "org_named_after_person")
    b.t("\n\nBetreft: ")
    b.t(rng.choice(["mevr. ", "mw. "]) if patient.female else rng.choice(["dhr. ", "de heer "]))
    b.name(patient, rng.choice(["init", "init", "full2", "init_nodot"]))
    b.t(rng.choice([", geb. ", ", geboren ", ", ° ", " - geb.dat. "]))
    born = b.dob_nl(rng)
    b.t("\nBSN: ")
    b.g(bsn(rng), BSN)
    b.t("\nAdres: ")
    b.address(rng)
    b.t("\nTel.: ")
    b.g(phone(rng), PHONE)
    b.t(f"\nVerzekeraar: {rng.choice(['VGZ', 'Zilveren Kruis', 'CZ', 'Menzis'])}, ")
    b.t("polisnummer ")
    b.n(str(ids.case_number(rng)), "case_number")
    b.t("\n\nGeachte collega,\n\n")
    age = 2024 - born.year
    who = "patiënte" if patient.female else "patiënt"
    b.t(f"Graag verwijs ik bovengenoemde {age}-jarige {who} naar uw polikliniek ")
    b.t(
        rng.choice(
            [
                "in verband met pijn op de borst bij inspanning",
                "wegens aanhoudende buikklachten en gewichtsverlies",
                "voor analyse van recidiverende hoofdpijn",
            ]
        )
    )
    b.t(". ")
    b.t("Zij" if patient.female else "Hij")
    b.t(" is getrouwd met ")
    b.name(spouse, rng.choice(["full", "init"]))
    b.t(", die mee zal komen als tolk. ")
    if rng.random() < 0.5:
        b.t("In ")
        b.n(str(rng.randint(2015, 2022)), "year")
        b.t(" opname in het ")
        b.n(rng.choice(_HOSPITALS), "org_named_after_person")
        b.t(". ")
    b.t("Voorgeschiedenis: DM2, hypertensie.\nMedicatie: metformine 500 mg 2dd, amlodipine 5 mg.\n")
    b.t("Bij vragen ben ik bereikbaar via de doktersdienst.\n\nMet collegiale groet,\n\n")
    b.name(gp, rng.choice(["init", "full"]))
    b.t(", huisarts\nAGB ")
    b.t(f"01{rng.randint(100000, 999999)}\n")


def _form(rng: random.Random, b: _Builder) -> None:
    """A web-form or intake dump: ``Label: value`` lines."""
    p = _person(rng)
    b.t(
        rng.choice(
            [
                "Formulier: Aanvraag bijzondere bijstand\n",
                "INTAKEFORMULIER SCHULDHULPVERLENING\n",
                "Melding verhuizing (webformulier)\n",
            ]
        )
    )
    b.t("Ingediend: ")
    b.n(
        f"{date_nl(event_date(rng), 'iso')} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}",
        "date_not_birth",
    )
    b.t("\n---\n")
    colon = rng.choice([": ", ":\t", " = ", ": "])
    if rng.random() < 0.5:
        b.t(f"Voornamen{colon}")
        b.g(f"{p.first} {p.second}" if p.second else p.first, FIRST)
        if p.prefix:
            b.t(f"\nTussenvoegsel{colon}")
            b.g(p.prefix, PREFIX)
        b.t(f"\nAchternaam{colon}")
        b.g(p.base, LAST)
        b.meet(p)
    else:
        b.t(f"Naam{colon}")
        b.name(p, rng.choice(["full", "full2", "last_init", "sort_nl"]))
    b.t(f"\nGeboortedatum{colon}")
    b.dob_nl(rng)
    if rng.random() < 0.4:
        b.t(f"\nGeboorteplaats{colon}")
        b.g(rng.choice(_BIRTHPLACES), BIRTHPLACE)
    if rng.random() < 0.3:
        b.t(f"\nNationaliteit{colon}")
        b.g(rng.choice(_NATIONALITIES), NATIONALITY)
    b.t(f"\nBSN{colon}")
    b.g(bsn(rng), BSN)
    b.t(f"\nStraat + huisnr{colon}")
    b.g(street(rng), STREET)
    b.t(f"\nPostcode{colon}")
    b.g(ids.postcode(rng), POSTCODE)
    b.t(f"\nWoonplaats{colon}")
    b.g(rng.choice(_CITIES), CITY)
    b.t(f"\nTelefoon{colon}")
    b.g(phone(rng), PHONE)
    b.t(f"\nE-mail{colon}")
    b.g(email(rng, p), EMAIL)
    b.t(f"\nIBAN{colon}")
    b.g(iban(rng), IBAN)
    if rng.random() < 0.6:
        partner = _person(rng)
        b.t(f"\nNaam partner{colon}")
        b.name(partner, rng.choice(["full", "init"]))
        b.t(f"\nGeboortedatum partner{colon}")
        b.dob_nl(rng)
    b.t(f"\nKinderen{colon}")
    for j in range(rng.randint(1, 3)):
        if j:
            b.t(", ")
        b.name(_relative(rng, p), "first")
        b.t(f" ({rng.randint(1, 17)} jr)")
    b.t(f"\nToelichting{colon}")
    b.t(rng.choice(["Wasmachine kapot, ", "Huur achterstand, ", "Bril nodig voor school, "]))
    b.t("offerte van ")
    _org(rng, b, ("Hans Anders", "Leen Bakker", "Bart Smit", "Zeeman"))
    b.t(" bijgevoegd. Zie ook ")
    b.case(rng)
    b.t("\nAkkoord voorwaarden: ja\n")


def _csv(rng: random.Random, b: _Builder) -> None:
    """A CSV export pasted into a message, with a short cover text."""
    sender = _person(rng)
    sep = rng.choice([";", ",", "\t", "|"])
    b.t(
        rng.choice(
            [
                "Hoi,\n\nHierbij de eerste regels van de export waar de fout in zit:\n\n",
                "Zie onderstaande regels uit het bestand van de leverancier (productiedata!):\n\n",
            ]
        )
    )
    header = [
        "klantnr",
        "achternaam",
        "tussenv",
        "voorletters",
        "geb_datum",
        "postcode",
        "huisnr",
        "iban",
        "zaaknr",
    ]
    b.t(sep.join(header) + "\n")
    date_style = rng.choice(["compact", "iso", "dash"])
    for _ in range(rng.randint(2, 5)):
        p = _person(rng)
        b.meet(p)
        b.t(f"{rng.randint(1000, 99999)}{sep}")
        b.g(p.base, LAST)
        b.t(sep)
        if p.prefix:
            b.g(p.prefix, PREFIX)
        b.t(sep)
        b.g(p.initials("dots"), FIRST)
        b.t(sep)
        b.g(date_nl(birth_date(rng), date_style), DOB)
        b.t(sep)
        b.g(ids.postcode(rng, space_share=0.0), POSTCODE)
        b.t(sep)
        b.g(house_number(rng).replace(" ", ""), "location.house_number")
        b.t(sep)
        b.g(ids.iban(rng), IBAN)
        b.t(sep)
        b.n(str(ids.case_number(rng)), "case_number")
        b.t("\n")
    if rng.random() < 0.5:
        b.t('\nEn uit de oude koppeling (komma, met quotes):\n"naam","bsn","telefoon"\n')
        for _ in range(rng.randint(1, 3)):
            p = _person(rng)
            b.t('"')
            b.name(p, rng.choice(["last_first", "last_init", "full"]))
            b.t('","')
            b.g(ids.bsn(rng), BSN)
            b.t('","')
            b.g(phone(rng), PHONE)
            b.t('"\n')
    b.t("\nGr. ")
    b.name(sender, "first")
    b.t("\n")


def _log(rng: random.Random, b: _Builder) -> None:
    """Application log lines and a stack trace that leaked user data."""
    p, q = _person(rng), _person(rng)
    d = event_date(rng)
    clock = rng.randint(0, 86000) * 1000

    def line(level: str, comp: str) -> None:
        nonlocal clock
        clock += rng.randint(1, 30_000)
        sec, ms = divmod(clock, 1000)
        stamp = f"{sec // 3600:02d}:{sec // 60 % 60:02d}:{sec % 60:02d},{ms:03d}"
        b.t(f"{d.isoformat()} {stamp} {level:<5} [{comp}] ")

    line("INFO", "auth")
    b.t("login ok user=")
    b.g(username(rng, p), NAME)
    b.meet(p)
    b.t(" ip=")
    b.g(ids.ipv4(rng), IP)
    b.t("\n")
    line("WARN", "brp-koppeling")
    b.t("persoon niet gevonden bsn=")
    b.g(ids.bsn(rng), BSN)
    b.t(" zaak_id=")
    b.n(str(ids.case_number(rng)), "case_number")
    b.t(" upstream=")
    b.n(f"10.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(2, 60)}", "server_ip")
    b.t(":8443\n")
    line("ERROR", "mail")
    b.t("bounce voor ")
    b.g(email(rng, q), EMAIL)
    b.meet(q)
    b.t(": 550 5.1.1 mailbox unavailable\n")
    if rng.random() < 0.5:
        line("ERROR", "db")
        b.t("psycopg.errors.UniqueViolation: duplicate key value violates unique constraint")
        b.t(' "klant_bsn_key"\n')
        b.t("DETAIL:  Key (bsn)=(")
        b.g(ids.bsn(rng), BSN)
        b.t(") already exists.\n")
    else:
        line("DEBUG", "api")
        b.t('payload={"naam": "')
        r = _person(rng)
        b.name(r, rng.choice(["full", "last_first"]))
        b.t('", "geboortedatum": "')
        b.g(birth_date(rng).isoformat(), DOB)
        b.t('", "iban": "')
        b.g(ids.iban(rng), IBAN)
        b.t('"}\n')
    b.t("Traceback (most recent call last):\n")
    if rng.random() < 0.5:
        b.t('  File "C:\\Users\\')
        b.g(username(rng, p), NAME)
        b.t('\\AppData\\Local\\Programs\\koppeling\\sync.py", line 212, in push\n')
    else:
        b.t('  File "/opt/zaken/sync.py", line 212, in push\n')
    b.t('    raise ValidationError(f"ongeldig huisnummer {nr!r} voor {naam}")\n')
    s = _person(rng)
    b.t("zaken.errors.ValidationError: ongeldig huisnummer '")
    b.g(house_number(rng), "location.house_number")
    b.t("' voor '")
    b.name(s, rng.choice(["last_init", "caps", "full"]))
    b.t("'\n")


def _expat_email(rng: random.Random, b: _Builder) -> None:
    """An English e-mail from a newcomer to a municipal or benefits mailbox."""
    p = _person(rng)
    partner = _person(rng, gender="m" if p.female else "v")
    child = _relative(rng, p)
    addr = email(rng, p)
    b.t("From: ")
    b.name(p, "full")
    b.t(" <")
    b.g(addr, EMAIL)
    b.t(">\nTo: ")
    b.n(
        rng.choice(
            [
                "expatdesk@gemeente.example",
                "info@toeslagen.example",
                "registration@municipality.example",
            ]
        ),
        "institution_email",
    )
    b.t(
        "\nSubject: "
        + rng.choice(["Re: BSN appointment", "My allowance", "Change of address", "Refund"])
        + "\n\n"
    )
    b.t(rng.choice(["Dear Sir/Madam,\n\n", "Hello,\n\n", "Dear Mr. or Mrs.,\n\n"]))
    b.t("My name is ")
    b.name(p, rng.choice(["full", "full2"]))
    b.t(" and I moved to the Netherlands ")
    if rng.random() < 0.5:
        b.t("in ")
        b.n(rng.choice(["May", "June", "April", "August"]), "calendar_word")
        b.t(f" for a job at {rng.choice(['ASML', 'Booking.com', 'TU Delft', 'a start-up'])}")
    else:
        b.t("last year from ")  # a former residence: personal, like the current one
        b.g(rng.choice(["Kyiv", "Lviv", "Wrocław", "Lisbon", "Accra", "Hanoi"]), CITY)
    b.t(". We now live at ")
    b.address(rng)
    b.t(" with my " + ("husband " if partner.gender == "m" else "wife "))
    b.name(partner, rng.choice(["first", "full"]))
    b.t(" and our " + ("daughter " if child.female else "son "))
    b.name(child, "first")
    b.t(".\n\n")
    en_style = rng.choice(["us", "uk", "uk_abbr", "ordinal", "iso", "slash"])
    b.t(rng.choice(["My date of birth is ", "DOB ", "I was born on "]))
    b.g(date_en(birth_date(rng), en_style), DOB)
    b.t(rng.choice([" and my BSN is ", ", BSN "]))
    b.g(bsn(rng), BSN)
    b.t(". Could you please transfer the refund to ")
    b.g(iban(rng), IBAN)
    b.t("? ")
    b.name(partner, "first")
    b.t("'s account was closed.\n\n")
    if rng.random() < 0.5:
        b.n(rng.choice(["Monday", "Tuesday", "Friday"]), "calendar_word")
        b.t(" I called ")
        b.n(rng.choice(["14 020", "14 010", "0800-1234"]), "institution_phone")
        b.t(" but nobody could help me. ")
    b.t("The appointment letter was sent to our old address in ")
    b.n(rng.choice(_TRAP_PLACES[:4]), "place_name")
    b.t(" (the reception centre).\n\n")
    b.t(rng.choice(["Kind regards,\n", "Best,\n", "Thanks in advance,\n"]))
    b.name(p, rng.choice(["full", "first"]))
    b.t("\n")
    b.g(phone(rng), PHONE)
    b.t("\n")


def _whatsapp(rng: random.Random, b: _Builder) -> None:
    """A WhatsApp chat export between a client and a coach."""
    client = _person(rng)
    coach = _person(rng)
    sister = _person(rng, gender="v", surname=client.surname)
    d = event_date(rng)
    android = rng.random() < 0.5
    client_label = rng.choice(["name", "name", "phone"])
    client_phone = phone(rng)
    # The sender label is the contact's name as saved in the exporting phone: fixed per chat.
    client_form = rng.choice(["first", "full", "lower_full"])
    coach_form = rng.choice(["first", "full"])
    clock = rng.randint(8, 20) * 3600 + rng.randint(0, 50) * 60

    def head(who: str) -> None:
        nonlocal clock
        clock += rng.randint(5, 240)
        h, m, sec = clock // 3600, clock // 60 % 60, clock % 60
        if android:
            b.t(f"{d.day:02d}-{d.month:02d}-{d.year} {h:02d}:{m:02d} - ")
        else:
            b.t(f"[{d.day:02d}-{d.month:02d}-{d.year % 100:02d} {h:02d}:{m:02d}:{sec:02d}] ")
        if who == "client":
            if client_label == "phone":
                b.g(client_phone, PHONE)
            else:
                b.name(client, client_form)
        else:
            b.name(coach, coach_form)
        b.t(": ")

    head("coach")
    b.t("Hoi ")
    b.name(client, "first")
    b.t(", lukt het om morgen om 10 uur langs te komen?\n")
    head("client")
    b.t("ja is goed. mag mijn zus ")
    b.name(sister, "lower_first")
    b.t(" mee? zij spreekt beter nederlands\n")
    head("coach")
    b.t("Natuurlijk! Stuur je nog even je rekeningnummer?\n")
    head("client")
    b.g(iban(rng), IBAN)
    b.t("\n")
    head("client")
    b.t(rng.choice(["‎<Media weggelaten>\n", "IMG-20240312-WA0007.jpg (bestand bijgevoegd)\n"]))
    head("client")
    b.t("en dit is mijn nieuwe adres ")
    b.address(rng, lower=rng.random() < 0.5)
    b.t("\n")
    head("coach")
    b.t("Dank je. ")
    b.n(rng.choice(["Dinsdag", "Woensdag", "Vrijdag"]), "calendar_word")
    b.t(" ben ik er niet, dan is mijn collega ")
    colleague = _person(rng)
    b.name(colleague, "first")
    b.t(" er (")
    b.g(phone(rng), PHONE)
    b.t(").\n")
    head("client")
    b.t("oke. mijn zoon ")
    son = _relative(rng, client, gender="m")
    b.name(son, "lower_first")
    b.t(" is jarig op ")
    b.g(date_nl(birth_date(rng, young=True), "dash_short"), DOB)
    b.t(" dus misschien later\n")
    if rng.random() < 0.5:
        head("client")
        b.t("Dit bericht is verwijderd\n")


def _ocr(rng: random.Random, b: _Builder) -> None:
    """An OCR'd scan: upper-case surname blocks, line breaks inside names, margin noise."""
    p = _person(rng)
    official = _person(rng)
    b.t("GEMEENTE ")
    b.n(rng.choice(_TRAP_PLACES).upper(), "place_name")
    b.t("\nAfdeling Burgerzaken            |\n\n")
    b.t("                                   Aan:  ")
    b.name(p, "caps")
    b.t("\n                                         ")
    b.address(rng, sep="\n                                         ", upper=True)
    b.t("\n\nUw kenmerk:  --          Datum: ")
    b.t(f"{rng.randint(1, 28)} {_MONTHS_NL[rng.randint(0, 11)]} {rng.randint(2023, 2025)}\n")
    b.t("Betreft: verklaring van inschrijving | ")
    b.case(rng)
    b.t("\n\nOndergetekende verklaart dat ")
    full = f"{p.first} {p.second + ' ' if p.second else ''}{p.surname}".upper()
    words = full.split(" ")
    if len(words) > 1:
        k = rng.randint(1, len(words) - 1)
        broken = " ".join(words[:k]) + "\n" + " ".join(words[k:])
    else:
        half = max(2, len(full) // 2)
        broken = full[:half] + "-\n" + full[half:]
    b.g(broken, NAME)
    b.t(",\ngeboren op ")
    b.dob_nl(rng)
    b.t(" te ")
    b.g(rng.choice(_BIRTHPLACES).upper(), BIRTHPLACE)
    b.t(", sinds ")
    b.n(date_nl(event_date(rng), "dash"), "date_not_birth")
    b.t(" staat ingeschreven op bovengenoemd adres. Burgerservicenummer:\n")
    b.g(bsn(rng), BSN)
    b.t(" .\n\nl.   .  \u00b7 .  ,\n\nDe burgemeester van ")
    b.n(rng.choice(_TRAP_PLACES), "place_name")
    b.t(",\nnamens deze,\n\n")
    b.name(official, rng.choice(["init", "caps_full"]))
    b.t("\nmedewerker Burgerzaken\n")


def _informal(rng: random.Random, b: _Builder) -> None:
    """Quick lower-case notes, as typed between two phone calls."""
    p = _person(rng)
    sister = _person(rng, gender="v")
    colleague = _person(rng)
    b.t("gesproken met ")
    b.name(p, rng.choice(["lower_first", "lower_first", "lower_full"]))
    b.t(" over " + ("haar" if p.female else "zijn") + " uitkering. ")
    b.t(
        ("ze" if p.female else "hij")
        + " woont sinds kort bij "
        + ("haar" if p.female else "zijn")
        + " zus "
    )
    b.name(sister, "lower_first")
    b.t(" op de ")
    b.g(street(rng).lower(), STREET)
    b.t(" in ")
    b.g(rng.choice(_CITIES).lower(), CITY)
    b.t(". ")
    b.first_possessive(p, lower=rng.random() < 0.6)
    b.t(" dossier ligt nog bij ")
    b.name(colleague, rng.choice(["lower_first", "first"]))
    b.t(".\n")
    b.t("nb: bsn ")
    b.g(bsn(rng), BSN)
    b.t(" klopt niet in suite, even checken bij brp. ")
    b.t(("ze" if p.female else "hij") + " werkt 's ochtends bij ")
    b.n(rng.choice(_PROFESSIONS), "common_word")
    b.t(" om de hoek.\n")
    friend = _person(rng)
    b.first_possessive(friend)
    b.t(" moeder belde ook, wil dat we ")
    b.g(phone(rng), PHONE)
    b.t(" bellen ipv het vaste nr. ")
    b.t("mail gestuurd naar ")
    b.g(email(rng, p).lower(), EMAIL)
    b.t(".\n")
    b.t("per 1 ")
    b.n("jan.", "calendar_word")
    b.t(" nieuwe beschikking, huur gaat naar ")
    b.g(iban(rng).lower(), IBAN)
    b.t(". verder niks bijzonders, volgende week weer ")
    b.t(rng.choice(_WEEKDAYS_NL))
    b.t(".\n")
    if rng.random() < 0.5:
        b.t("ps zoon wil stage lopen bij ")
        b.n(rng.choice(["de visser", "de bakker", "de smid"]), "common_word")
        b.t(", mag dat met de uitkering? ")
        b.t("afspraak bij ")
        b.n(rng.choice(_HOSPITALS), "org_named_after_person")
        b.t(" verzet.\n")


def _paths(rng: random.Random, b: _Builder) -> None:
    """A list of file paths from a share, a profile folder and a document library."""
    b.t(
        rng.choice(
            [
                "Gevonden op de oude schijf (dir /s):\n",
                "Bestanden die nog gemigreerd moeten worden:\n",
                "Scan-resultaat fileshare:\n",
            ]
        )
    )
    for _ in range(rng.randint(3, 6)):
        p = _person(rng)
        shape = rng.randint(0, 6)
        if shape == 0:
            b.t("C:\\Users\\")
            b.g(username(rng, p), NAME)
            b.meet(p)
            q = _person(rng)
            b.t("\\Documents\\bezwaar_")
            b.g(f"{_compact(q.surname)}_{_compact(q.first[0])}", NAME)
            b.meet(q)
            b.t(".docx\n")
        elif shape == 1:
            b.t(f"\\\\fs0{rng.randint(1, 4)}\\jeugd$\\Casussen\\{rng.randint(2019, 2025)}\\")
            b.name(p, rng.choice(["last_first", "last_init"]))
            b.t("\\Verslag huisbezoek ")
            b.n(f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}", "date_not_birth")
            b.t(".docx\n")
        elif shape == 2:
            b.t("/mnt/scans/ontvangen/")
            b.t(f"{rng.randint(2021, 2025)}-{rng.randint(1, 12):02d}/ID-kaart ")
            b.name(p, rng.choice(["full", "last_init"]))
            b.t(".pdf\n")
        elif shape == 3:
            b.t("https://gemeente.sharepoint.example/sites/Wmo/Gedeelde documenten/Aanvragen/")
            b.g(_ascii(p.base).replace(" ", "_"), LAST)
            b.meet(p)
            b.t("_")
            b.g(_ascii(p.first), FIRST)
            b.t("_")
            b.g(birth_date(rng).isoformat(), DOB)
            b.t(".pdf\n")
        elif shape == 4:
            b.t("H:\\Inkomen\\IBAN-wijzigingen\\")
            b.g(ids.iban(rng), IBAN)
            b.t(" - ")
            b.name(p, "last")
            b.t(".msg\n")
        elif shape == 5:
            b.t("\\\\fs02\\inkoop\\Contracten\\")
            _org(rng, b, ("Albert Heijn", "Douwe Egberts", "Jan Linders", "Hans Anders"))
            b.t(f"\\raamovereenkomst_{rng.randint(2019, 2024)}.pdf\n")
        else:
            b.t("D:\\export\\bsn_")
            b.g(ids.bsn(rng), BSN)
            b.t("_")
            b.g(_compact(p.base), LAST)
            b.meet(p)
            b.t(".xml\n")


_GENRE_FUNCS: dict[str, Genre] = {
    "minutes": _minutes,
    "progress": _progress,
    "callcentre": _callcentre,
    "incident": _incident,
    "referral": _referral,
    "form": _form,
    "csv": _csv,
    "log": _log,
    "expat_email": _expat_email,
    "whatsapp": _whatsapp,
    "ocr": _ocr,
    "informal": _informal,
    "paths": _paths,
}


def generate(seed: int = 7, n: int = 400) -> list[Document]:
    """``n`` documents, the genres in turn; the same seed always gives the same corpus.

    Every person is unseen by construction (the lists were written blind), so
    ``unseen_people == people`` in each document.
    """
    docs: list[Document] = []
    for i in range(n):
        kind = GENRES[i % len(GENRES)]
        rng = random.Random(seed * 1_000_003 + i)
        b = _Builder()
        _GENRE_FUNCS[kind](rng, b)
        people = len(b.people)
        docs.append(
            Document(
                doc_id=f"blind-{seed}-{i:04d}",
                kind=kind,
                text=b.text(),
                gold=tuple(b.gold),
                negatives=tuple(b.negatives),
                unseen_people=people,
                people=people,
            )
        )
    return docs


_PERSON_CODES = frozenset({NAME, FIRST, LAST, PREFIX})
_IDENTIFIER_CODES = frozenset({BSN, IBAN, PHONE, EMAIL, PLATE, V_NUMBER, PASSPORT, IP})


def describe(docs: Sequence[Document] | None = None) -> str:
    """Genre counts, gold counts by category (person names and identifiers summed) and
    negatives by trap kind, as plain text."""
    docs = generate() if docs is None else docs
    genres = Counter(d.kind for d in docs)
    cats = Counter(g.category for d in docs for g in d.gold)
    traps = Counter(x.kind for d in docs for x in d.negatives)
    people = sum(d.people for d in docs)
    lines = [f"{len(docs)} documents, {people} people, {sum(cats.values())} gold spans"]
    lines.append("genres: " + ", ".join(f"{k} {genres[k]}" for k in GENRES if genres[k]))
    person = sum(v for k, v in cats.items() if k in _PERSON_CODES)
    ident = sum(v for k, v in cats.items() if k in _IDENTIFIER_CODES)
    lines.append(f"person-name gold: {person}; identifier gold: {ident}")
    lines.append("gold by category: " + ", ".join(f"{k} {v}" for k, v in sorted(cats.items())))
    lines.append("negatives: " + ", ".join(f"{k} {v}" for k, v in sorted(traps.items())))
    return "\n".join(lines)


if __name__ == "__main__":
    print(describe())

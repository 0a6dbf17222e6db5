"""A second blind corpus of Dutch public-sector free text for ``sluis.discover.text``.

Written without reading the finder's rules, its lexicon or the other corpora's generators:
genres a rule writer might not have anticipated (WMO and youth-care intake summaries,
objection letters with letterhead and signature, debt-counselling notes listing creditors,
complaint forms, school-attendance reports, repair tickets, parking-fine appeals, e-mail
threads with quoted replies, HTML fragments, JSON pasted into notes, text messages,
all-caps mainframe records, sloppy lower-case notes, address changes and civic-integration
files). Every person is named from the hand-typed lists in ``bench/names_text_blind2/``.

Gold follows a privacy officer: every named natural person (clients, family, staff,
officials), their identifiers, the street with house number of where they live (one span),
postcode, city of residence and birth date. Hard negatives: organisations (also those named
after a person), institutions' own addresses, e-mail addresses and numbers, case numbers
(also 11-proef ones), amounts, weekdays, months, other dates, job titles, products and
places that are not anyone's residence.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from bench.text_corpus import Document, Gold, Negative
from sluis.synth import identifiers as ids

NAMES_DIR = Path(__file__).parent / "names_text_blind2"

NAME = "person.name"
FIRST = "person.first_name"
LAST = "person.last_name"
BSN = "id.bsn"
IBAN = "finance.iban"
PHONE = "contact.phone"
EMAIL = "contact.email"
STREET = "location.street"
HOUSE_NO = "location.house_number"
POSTCODE = "location.postcode"
CITY = "location.city"
DOB = "person.birth_date"
PLATE = "id.license_plate"
PASSPORT = "id.passport"
V_NUMBER = "id.v_number"
NATIONALITY = "quasi.nationality"
BIRTHPLACE = "quasi.place_of_birth"


def _lines(filename: str) -> list[str]:
    text = (NAMES_DIR / filename).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


FIRST_NAMES: list[tuple[str, bool]] = [
    (ln.split("\t")[0], ln.split("\t")[1] == "F") for ln in _lines("first_names.txt")
]
SURNAMES: list[str] = _lines("surnames.txt")

# Segments: (text, tag); tag "" is plain text, a category code is gold, "!kind" a negative.
Seg = tuple[str, str]
Item = str | Seg | list[Seg]

# --- vocabulary ---------------------------------------------------------------------------

STREETS = (
    "Kerkstraat",
    "Dorpsstraat",
    "Molenstraat",
    "Jan van Galenstraat",
    "Prins Hendrikkade",
    "Burgemeester Roelenweg",
    "Prinses Irenestraat",
    "Wilhelminalaan",
    "Koolmeesstraat",
    "Zuiderdiep",
    "Van Heemskerckstraat",
    "Roerdompstraat",
    "Generaal Foulkesweg",
    "Wethouder Brouwerstraat",
    "Dokter Schaepmanstraat",
    "Schepenenlaan",
    "Sint Jorisstraat",
    "Oranje Nassaulaan",
    "Achter de Hoven",
    "Stationsweg",
    "Zonnebloemstraat",
    "Esdoornlaan",
    "Rietgors",
    "Abeelstraat",
    "Kastanjelaan",
    "Narcishof",
    "Papaverweg",
    "Zwanenveld",
    "Karel Doormanlaan",
    "Jacob Catsstraat",
    "Anne Frankstraat",
    "Nelson Mandelabaan",
    "Elisabeth Wolffstraat",
    "Pieter de Hoochweg",
    "Tjalk",
    "Hoofdweg",
    "Binnenweg",
    "Marnixstraat",
    "Lange Nieuwstraat",
    "Oude Gracht",
    "Heer Bokelweg",
    "De Kempenaerstraat",
    "Herman Gorterhof",
    "Johan de Wittlaan",
    "Vlietkade",
    "Mgr. Nolensplein",
    "Hooghiemstraweg",
    "Troelstralaan",
    "Dr. Ariënslaan",
    "Julianastraat",
)
_STREET_ABBR = (
    ("Burgemeester ", "Burg. "),
    ("Prins ", "Pr. "),
    ("Prinses ", "Pr. "),
    ("Dokter ", "Dr. "),
    ("Wethouder ", "Weth. "),
    ("Generaal ", "Gen. "),
    ("Sint ", "St. "),
)
CITIES = (
    "Alkmaar",
    "Zwolle",
    "Heerenveen",
    "Sneek",
    "Drachten",
    "Emmen",
    "Hoogeveen",
    "Deventer",
    "Tiel",
    "Culemborg",
    "Gorinchem",
    "Spijkenisse",
    "Vlaardingen",
    "Schiedam",
    "Zoetermeer",
    "Gouda",
    "Den Helder",
    "Purmerend",
    "Zaandam",
    "Hoorn",
    "Lelystad",
    "Almere",
    "Harderwijk",
    "Ede",
    "Veenendaal",
    "Oss",
    "Uden",
    "Helmond",
    "Venlo",
    "Roermond",
    "Sittard",
    "Heerlen",
    "Kerkrade",
    "Terneuzen",
    "Goes",
    "Vlissingen",
    "Bergen op Zoom",
    "Roosendaal",
    "Tilburg",
    "Breda",
    "'s-Hertogenbosch",
    "Den Haag",
    "Rijswijk",
    "Capelle aan den IJssel",
    "Nieuwegein",
    "IJsselstein",
    "Amersfoort",
    "Hilversum",
    "Diemen",
    "Assen",
    "Stadskanaal",
    "Winschoten",
    "Delfzijl",
    "Veendam",
    "Kampen",
    "Meppel",
    "Steenwijk",
    "Oldenzaal",
    "Hengelo",
    "Almelo",
    "Doetinchem",
    "Winterswijk",
    "Zutphen",
    "Wijk bij Duurstede",
    "Sint-Michielsgestel",
    "Beek",
)
OTHER_PLACES = (
    "Antalya",
    "Paramaribo",
    "Willemstad",
    "Nador",
    "Schiphol",
    "Rotterdam Centraal",
    "de Efteling",
    "Utrecht Overvecht",
    "Ikea Barendrecht",
    "Brussel",
    "Düsseldorf",
    "Kraków",
)
BIRTHPLACES = (
    "Asmara",
    "Mogadishu",
    "Aleppo",
    "Kabul",
    "Herat",
    "Nador",
    "Kumasi",
    "Lagos",
    "Sofia",
    "Iași",
    "Lviv",
    "Chennai",
    "Paramaribo",
    "Recife",
    "Hai Phong",
)
NATIONALITIES = (
    "Eritrese",
    "Somalische",
    "Syrische",
    "Afghaanse",
    "Ghanese",
    "Nigeriaanse",
    "Bulgaarse",
    "Roemeense",
    "Oekraïense",
    "Indiase",
    "Braziliaanse",
)
ORGS = (
    "CJIB",
    "Belastingdienst/Toeslagen",
    "DUO",
    "Vattenfall",
    "Eneco",
    "Ziggo",
    "Zilveren Kruis",
    "Menzis",
    "VGZ",
    "Intrum",
    "Lowell",
    "Klarna",
    "Wehkamp",
    "Kredietbank",
    "UWV",
    "SVB",
    "Waternet",
    "Vitens",
    "Odido",
    "Nationale-Nederlanden",
    "Albert Heijn",
    "Hans Anders",
    "Jeroen Bosch Ziekenhuis",
    "Antonius Ziekenhuis",
    "Prinses Máxima Centrum",
    "Kruidvat",
    "Juliana Kinderziekenhuis",
    "Leger des Heils",
    "Humanitas",
    "Vluchtelingenwerk",
)
ORG_WITH_SURNAME = (
    "{S} Installatietechniek B.V.",
    "Stichting {S} Fonds",
    "{S} & Zn. Loodgieters",
    "Schildersbedrijf {S}",
    "Gerechtsdeurwaarders {S} & {T}",
    "Advocatenkantoor {S}",
    "Incassobureau {S} B.V.",
    "Autobedrijf {S}",
    "Huisartsenpraktijk {S}",
    "Fysiotherapie {S}",
    "Bouwbedrijf Gebr. {S}",
    "{S} Schoonmaakdiensten",
    "Tandartsenpraktijk {S}",
    "{S} Bewindvoering",
    "Rijschool {S}",
    "Kinderopvang {S}",
)
SCHOOLS = (
    "OBS De Regenboog",
    "CBS Het Kompas",
    "Dr. Nassau College",
    "Koningin Julianaschool",
    "Anne Frankschool",
    "Rembrandt College",
    "Sint-Jozefschool",
    "Maria Montessorischool",
    "Willem de Zwijger College",
    "Het Baken",
    "Pieter Zandt Scholengemeenschap",
)
JOB_TITLES = (
    "Wmo-consulent",
    "jeugdconsulent",
    "klantmanager Werk en Inkomen",
    "schuldhulpverlener",
    "leerplichtambtenaar",
    "wijkverpleegkundige",
    "woonconsulent",
    "casemanager dementie",
    "medewerker Klantcontactcentrum",
    "Teamleider Wijkteam Noord",
    "buurtsportcoach",
    "juridisch medewerker Bezwaar en Beroep",
    "senior beleidsadviseur",
    "wijkagent",
    "opzichter",
    "trajectbegeleider",
    "gezinscoach",
    "budgetcoach",
)
AIDS = (
    "scootmobiel",
    "traplift",
    "rolstoel Küschall K-Series",
    "douchestoel",
    "Pride Colt Plus",
    "hoog-laagbed",
    "Opstapje",
    "Gazelle Orange C8 met ondersteuning",
)
APPLIANCES = (
    "Vaillant ecoTEC plus",
    "Remeha Tzerra",
    "Nefit EcoMline",
    "Intergas Kombi Kompakt",
    "Itho Daalderop CVE",
    "Grohe Eurosmart",
)
CARS = ("Toyota Yaris", "Kia Picanto", "VW Polo", "Opel Corsa", "Renault Clio", "Peugeot 208")
INSTITUTIONS = (
    ("Stadhuisplein 1", "Postbus 10", "2500 AA", "Den Haag"),
    ("Raadhuisplein 2", "Postbus 512", "1800 AM", "Alkmaar"),
    ("Grote Markt 20", "Postbus 10007", "8000 GA", "Zwolle"),
    ("Markt 1", "Postbus 90150", "5000 LJ", "Tilburg"),
    ("Stationsplein 8", "Postbus 2600", "3800 GB", "Amersfoort"),
    ("Wolfstraat 5", "Postbus 300", "6200 AH", "Maastricht"),
)
MUNIS = (
    "gemeente-zwolle.nl",
    "wijkteamnoord.nl",
    "sociaalteam-ede.nl",
    "woonstichting-thuis.nl",
    "kredietbank-west.nl",
    "leerplicht-rbl.nl",
    "veiligthuis-gm.nl",
    "zorggroep-de-es.nl",
)
DOMAINS = (
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "ziggo.nl",
    "kpnmail.nl",
    "live.nl",
    "icloud.com",
    "planet.nl",
    "home.nl",
    "xs4all.nl",
    "hotmail.nl",
    "yahoo.com",
)
MONTHS = (
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
)
MONTH_ABBR = (
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
)
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_PARTICLES = frozenset({"van", "der", "de", "den", "ter", "ten", "te", "op", "in", "'t", "het"})

# --- people and addresses ---------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    first: str
    female: bool
    last: str
    extra_initial: str
    birth: dt.date
    partner_last: str | None = None

    @property
    def prefix(self) -> str:
        words = self.last.split()
        return " ".join(w for w in words[:-1] if w in _PARTICLES)

    @property
    def core(self) -> str:
        return self.last[len(self.prefix) :].strip() if self.prefix else self.last

    @property
    def initials(self) -> str:
        heads = [w[0] for w in self.first.replace("-", " ").split()]
        return "".join(f"{h}." for h in heads) + (
            f"{self.extra_initial}." if self.extra_initial else ""
        )

    def surname(self, *, married: bool = False) -> str:
        if married and self.partner_last:
            return f"{self.partner_last}-{self.last}"
        return self.last


@dataclass(frozen=True)
class Address:
    street: str
    number: str
    postcode: str
    city: str


def cap(surname: str) -> str:
    """A surname as written without a first name or initial before it: ``Van der Meer``."""
    return surname[0].upper() + surname[1:] if surname else surname


def person(
    rng: random.Random,
    *,
    female: bool | None = None,
    last: str | None = None,
    age: tuple[int, int] = (19, 88),
) -> Person:
    while True:
        first, is_female = rng.choice(FIRST_NAMES)
        if female is None or is_female == female:
            break
    today = dt.date(2024, 6, 1)
    birth = today - dt.timedelta(days=rng.randint(age[0] * 365, age[1] * 365))
    partner = rng.choice(SURNAMES) if is_female and rng.random() < 0.3 else None
    surname = last or rng.choice(SURNAMES)
    if partner and ("-" in partner or "-" in surname):
        partner = None
    extra = rng.choice("ACEGHJMNPRTW") if rng.random() < 0.35 else ""
    return Person(first, is_female, surname, extra, birth, partner)


def kin(rng: random.Random, female: str, male: str, style: str = "full") -> list[Seg]:
    """A relative named after the word for them; ``female``/``male`` are ``|``-separated."""
    p = person(rng)
    word = rng.choice((female if p.female else male).split("|"))
    return [(word, ""), *([first(p)] if style == "first" else name(p, rng, style))]


def child(rng: random.Random, parent: Person) -> Person:
    return person(rng, last=parent.last, age=(4, 17))


def address(rng: random.Random) -> Address:
    n = rng.randint(1, 240)
    suffix = rng.choice(
        ("", "", "", "a", "b", "-II", "-1", " hs", " bis", " A", "B", "-3hg", " zw", "-bv", "-12")
    )
    return Address(rng.choice(STREETS), f"{n}{suffix}", ids.postcode(rng), rng.choice(CITIES))


def street(a: Address, rng: random.Random) -> Seg:
    name = a.street
    if rng.random() < 0.3:
        for full, short in _STREET_ABBR:
            if name.startswith(full):
                name = short + name[len(full) :]
        if name.endswith("straat") and rng.random() < 0.5:
            name = name[: -len("straat")] + "str."
    return (f"{name} {a.number}", STREET)


def name(p: Person, rng: random.Random, style: str | None = None) -> list[Seg]:
    """One written form of a person's name, as gold segments (titles stay plain)."""
    styles = ("full", "full", "init", "title_last", "title_init", "rev", "married", "nick", "vd")
    style = style or rng.choice(styles)
    title = (
        rng.choice(("mevrouw ", "mw. ", "mevr. "))
        if p.female
        else rng.choice(("meneer ", "dhr. ", "de heer ", "hr. "))
    )
    if style == "full":
        return [(f"{p.first} {p.surname(married=rng.random() < 0.3)}", NAME)]
    if style == "init":
        return [(f"{p.initials} {p.surname(married=True)}", NAME)]
    if style == "title_last":
        return [(title, ""), (cap(p.surname(married=True)), LAST)]
    if style == "title_init":
        return [(title, ""), (f"{p.initials} {p.surname()}", NAME)]
    if style == "rev":
        if p.prefix:
            return [(f"{p.core}, {p.initials} {p.prefix}", NAME)]
        return [(f"{p.surname()}, {p.initials}", NAME)]
    if style == "married":
        return [(f"{p.initials} {p.surname(married=True)}", NAME)]
    if style == "nick":
        return [(f"{p.initials} ({p.first}) {p.surname(married=True)}", NAME)]
    if style == "vd" and p.prefix in ("van der", "van de", "van den"):
        short = rng.choice(("v.d.", "vd", "v/d"))
        return [(f"{p.initials} {short} {p.core}", NAME)]
    if style == "first":
        return [(p.first, FIRST)]
    return [(f"{p.first} {p.surname()}", NAME)]


def first(p: Person) -> Seg:
    return (p.first, FIRST)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("ı", "i"))
    return "".join(c for c in folded if c.isascii() and c.isalnum()).lower()


def email(p: Person, rng: random.Random, *, staff_domain: str | None = None) -> Seg:
    core = _ascii(p.core)
    fn = _ascii(p.first.split()[0])
    pre = "".join(w[0] for w in p.prefix.replace("'t", "t").split())
    if staff_domain:
        local = rng.choice((f"{fn[0]}.{_ascii(p.last)}", f"{fn}.{pre + '.' if pre else ''}{core}"))
        return (f"{local}@{staff_domain}", EMAIL)
    local = rng.choice(
        (
            f"{fn}.{core}",
            f"{fn[0]}{pre}{core}",
            f"{fn}{p.birth.year % 100:02d}",
            f"{core}.{fn}",
            f"{fn}_{core}{rng.randint(1, 99)}",
            f"{fn[0]}.{pre}{core}",
        )
    )
    return (f"{local}@{rng.choice(DOMAINS)}", EMAIL)


def birth_date(d: dt.date, rng: random.Random, *, compact: bool = False) -> Seg:
    if compact:
        return (
            rng.choice((f"{d.day:02d}{d.month:02d}{d.year}", f"{d.year}{d.month:02d}{d.day:02d}")),
            DOB,
        )
    forms = (
        f"{d.day}-{d.month}-'{d.year % 100:02d}",
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.day} {MONTHS[d.month - 1]} {d.year}",
        f"{d.year}-{d.month:02d}-{d.day:02d}",
        f"{d.day:02d}-{d.month:02d}-{d.year}",
        f"{d.day}-{d.month}-{d.year}",
        f"{d.day} {MONTH_ABBR[d.month - 1]} {d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        f"{d.day}/{d.month}/{d.year % 100:02d}",
    )
    return (rng.choice(forms), DOB)


def dob_phrase(p: Person, rng: random.Random) -> list[Seg]:
    lead = rng.choice(
        ("geb. ", "geboren ", "geboren op ", "geb.datum ", "geboortedatum: ", "*", "gb. ")
    )
    return [(lead, ""), birth_date(p.birth, rng)]


def bsn(rng: random.Random) -> Seg:
    v = ids.bsn(rng)
    style = rng.choice(("plain", "plain", "dotted", "spaced", "3dot", "423", "short"))
    if style == "3dot":
        return (f"{v[:3]}.{v[3:6]}.{v[6:]}", BSN)
    if style == "423":
        return (f"{v[:4]} {v[4:6]} {v[6:]}", BSN)
    return (ids.format_bsn(v, style), BSN)


def phone(rng: random.Random, *, mobile_share: float = 0.7) -> Seg:
    n = ids.mobile(rng) if rng.random() < mobile_share else ids.landline(rng)
    head, tail = ids.format_phone(n, "spaced").split(" ")
    style = rng.choice((*ids.PHONE_STYLES, "paren", "0031", "trunk_glued", "pairs", "dash_sp"))
    if style == "paren":
        text = f"({head}) {tail}"
    elif style == "0031":
        text = "0031" + n[1:]
    elif style == "trunk_glued":
        text = "+31(0)" + n[1:]
    elif style == "pairs" and n.startswith("06"):
        text = "06 " + " ".join(n[i : i + 2] for i in range(2, 10, 2))
    elif style == "dash_sp" and n.startswith("06"):
        text = f"06 - {n[2:6]} {n[6:]}"
    else:
        text = ids.format_phone(n, style if style in ids.PHONE_STYLES else "dashed")
    return (text, PHONE)


def iban(rng: random.Random) -> Seg:
    return (ids.iban(rng, spaced=rng.random() < 0.5), IBAN)


def org(rng: random.Random) -> Seg:
    if rng.random() < 0.5:
        return (rng.choice(ORGS), "!organisation")
    s, t = cap(rng.choice(SURNAMES)), cap(rng.choice(SURNAMES))
    return (rng.choice(ORG_WITH_SURNAME).format(S=s, T=t), "!organisation named after a person")


def practice(rng: random.Random) -> Seg:
    s = cap(rng.choice(SURNAMES))
    kind = rng.choice(("Huisartsenpraktijk {S}", "Huisartsen {S} & {T}", "Gezondheidscentrum {S}"))
    return (kind.format(S=s, T=cap(rng.choice(SURNAMES))), "!organisation named after a person")


def case_no(rng: random.Random) -> Seg:
    if rng.random() < 0.45:
        return (str(ids.case_number(rng)), "!case number 11-proef")
    year = rng.randint(2019, 2024)
    n = rng.randint(1, 99999)
    return (
        rng.choice(
            (
                f"Z/{year % 100}/{n:06d}",
                f"Z-{year}-{n:05d}",
                f"{year}/{n:06d}",
                f"BZ{year}.{n:05d}",
                f"{year}-{rng.randint(1000000, 9999999)}",
            )
        ),
        "!case number",
    )


def amount(rng: random.Random) -> Seg:
    euros = rng.choice((rng.randint(12, 999), rng.randint(1000, 24999)))
    cents = rng.randint(0, 99)
    whole = f"{euros:,}".replace(",", ".")
    return (
        rng.choice(
            (
                f"€ {whole},{cents:02d}",
                f"€{whole},-",
                f"EUR {whole},{cents:02d}",
                f"{whole},{cents:02d} euro",
            )
        ),
        "!amount",
    )


def a_date(rng: random.Random, year: int = 2024) -> Seg:
    d = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 330))
    return (
        rng.choice(
            (
                f"{d.day} {MONTHS[d.month - 1]} {d.year}",
                f"{d.day:02d}-{d.month:02d}-{d.year}",
                f"{d.day}-{d.month}-{d.year}",
                f"{d.day} {MONTH_ABBR[d.month - 1]} {d.year}",
            )
        ),
        "!date, not a birth date",
    )


def weekday(rng: random.Random) -> Seg:
    return (rng.choice(WEEKDAYS), "!weekday")


def job(rng: random.Random) -> Seg:
    return (rng.choice(JOB_TITLES), "!job title")


def place(rng: random.Random) -> Seg:
    return (rng.choice(OTHER_PLACES), "!place, not a residence")


def institution(rng: random.Random, *, postbus: bool = False) -> list[Seg]:
    st, pb, pc, city = rng.choice(INSTITUTIONS)
    return [
        (pb if postbus else st, "!institution street"),
        ("\n" if postbus else ", ", ""),
        (pc, "!institution postcode"),
        (" ", ""),
        (city, "!institution city"),
    ]


def home(a: Address, rng: random.Random, sep: str = ", ") -> list[Seg]:
    pc = a.postcode if rng.random() < 0.85 else a.postcode.replace(" ", "")
    return [
        street(a, rng),
        (sep, ""),
        (pc, POSTCODE),
        (rng.choice(("  ", " ")), ""),
        (a.city, CITY),
    ]


# --- genres -------------------------------------------------------------------------------

Genre = Callable[[random.Random], tuple[list[Item], int]]


def wmo_intake(rng: random.Random) -> tuple[list[Item], int]:
    c = person(rng, age=(62, 92))
    d = person(rng, last=c.last) if rng.random() < 0.6 else person(rng)
    staff = person(rng, age=(24, 60))
    gp = person(rng, age=(30, 64))
    a = address(rng)
    rel = rng.choice(
        ("dochter", "nicht", "buurvrouw") if d.female else ("zoon", "schoonzoon", "buurman")
    )
    items: list[Item] = [
        "Verslag keukentafelgesprek Wmo d.d. ",
        a_date(rng),
        "\nAanwezig: ",
        name(c, rng, "full"),
        " (cliënt), ",
        name(d, rng, "full"),
        f" ({rel}, mantelzorger) en ",
        name(staff, rng, "init"),
        " (",
        job(rng),
        ")\nCliënt: ",
        name(c, rng, "title_init"),
        ", ",
        dob_phrase(c, rng),
        ", BSN ",
        bsn(rng),
        "\nAdres: ",
        home(a, rng),
        "\nTel. ",
        phone(rng, mobile_share=0.3),
        "\n\n",
        "Situatie: ",
        rng.choice(("Mw.", "Dhr.", "Cliënt")),
        " woont sinds ",
        str(rng.randint(1975, 2015)),
        " op dit adres, alleen sinds het overlijden van ",
        "partner ",
        first(person(rng, female=not c.female)),
        " in ",
        (rng.choice(MONTHS), "!month"),
        ". ",
        first(d),
        rng.choice((" komt drie keer per week langs", " doet de boodschappen", " regelt de post")),
        ". Huisarts is ",
        name(gp, rng, "title_init"),
        " (",
        practice(rng),
        ").\n",
        "Hulpvraag: ",
        (rng.choice(AIDS), "!product"),
        " en huishoudelijke ondersteuning via ",
        org(rng),
        ". Indicatie 3 uur per week, ingangsdatum ",
        a_date(rng),
        ".\n",
        "Afspraak: ",
        first(staff),
        " belt op ",
        weekday(rng),
        " terug; ",
        first(d),
        " is bereikbaar op ",
        phone(rng),
        ".",
    ]
    return items, 4


def jeugd_intake(rng: random.Random) -> tuple[list[Item], int]:
    mother = person(rng, female=True, age=(24, 50))
    father = person(rng, female=False, age=(26, 55))
    kid = child(rng, father if rng.random() < 0.6 else mother)
    sib = child(rng, kid)
    staff = person(rng, age=(24, 60))
    a = address(rng)
    items: list[Item] = [
        "Aanmelding jeugdhulp, zaak ",
        case_no(rng),
        "\nJeugdige: ",
        name(kid, rng, "full"),
        " (",
        birth_date(kid.birth, rng),
        "), BSN ",
        bsn(rng),
        "\nGezag: moeder ",
        name(mother, rng),
        " en vader ",
        name(father, rng, rng.choice(("full", "init", "rev"))),
        "\nWoonadres: ",
        home(a, rng),
        "\nSchool: ",
        (rng.choice(SCHOOLS), "!school"),
        ", groep ",
        str(rng.randint(3, 8)),
        "\n\n",
        first(kid),
        rng.choice(
            (
                " wordt door school omschreven als teruggetrokken",
                " heeft woedeaanvallen",
                " slaapt slecht sinds de scheiding",
                " verzuimt regelmatig",
            )
        ),
        ". Broertje/zusje ",
        first(sib),
        " (",
        str(rng.randint(3, 12)),
        " jr) ",
        rng.choice(("maakt zich zorgen", "heeft geen klachten", "zit op dezelfde school")),
        ". Moeder (",
        phone(rng),
        ") geeft aan dat vader sinds ",
        (rng.choice(MONTHS), "!month"),
        " in ",
        place(rng),
        " verblijft.\nVervolg: ",
        name(staff, rng, "full"),
        ", ",
        job(rng),
        ", plant huisbezoek op ",
        weekday(rng),
        ".",
    ]
    return items, 5


def bezwaar(rng: random.Random) -> tuple[list[Item], int]:
    p = person(rng)
    a = address(rng)
    official = person(rng)
    items: list[Item] = [
        name(p, rng, rng.choice(("full", "init", "married"))),
        "\n",
        street(a, rng),
        "\n",
        (a.postcode, POSTCODE),
        "  ",
        (a.city, CITY),
        "\n",
        phone(rng),
        "\n",
        email(p, rng),
        "\n\n",
        "Aan het college van burgemeester en wethouders\n",
        "t.a.v. ",
        name(official, rng, "title_init"),
        ", ",
        job(rng),
        "\n",
        institution(rng, postbus=True),
        "\n\n",
        (a.city, CITY),
        ", ",
        a_date(rng),
        "\n\n",
        "Betreft: bezwaar tegen uw besluit van ",
        a_date(rng),
        ", kenmerk ",
        case_no(rng),
        "\n\n",
        "Geachte heer, mevrouw,\n\nHierbij maak ik, ",
        name(p, rng, "full"),
        ", ",
        dob_phrase(p, rng),
        ", bezwaar tegen de ",
        rng.choice(("terugvordering", "afwijzing", "herziening", "beëindiging")),
        " van mijn ",
        rng.choice(
            (
                "bijzondere bijstand",
                "Wmo-voorziening",
                "kwijtschelding",
                "individuele inkomenstoeslag",
            )
        ),
        " van ",
        amount(rng),
        ". Mijn BSN is ",
        bsn(rng),
        ". ",
        kin(rng, "Mijn zus |Mijn bewindvoerder ", "Mijn buurman |Mijn bewindvoerder "),
        " kan dit bevestigen. Graag ontvang ik het bedrag terug op ",
        iban(rng),
        " t.n.v. ",
        name(p, rng, "init"),
        ".\n\nHoogachtend,\n\n\n",
        name(p, rng, rng.choice(("full", "init"))),
        "\n\nBijlagen: kopie ID-kaart (",
        (ids.passport_number(rng), PASSPORT),
        "), brief ",
        org(rng),
        " van ",
        a_date(rng),
    ]
    return items, 3


def schuldhulp(rng: random.Random) -> tuple[list[Item], int]:
    p = person(rng, age=(22, 66))
    partner = person(rng, female=not p.female, age=(22, 66))
    kids = [child(rng, p) for _ in range(rng.randint(1, 3))]
    coach = person(rng)
    a = address(rng)
    items: list[Item] = [
        "Intake schuldhulpverlening ",
        name(p, rng, "full"),
        " en partner ",
        name(partner, rng),
        "\nAdres: ",
        home(a, rng),
        "\nRekening: ",
        iban(rng),
        "\nInkomen: ",
        rng.choice(("Participatiewet", "WW", "loon ", "Ziektewet", "Wajong")),
        " ",
        amount(rng),
        " p/m\nGezin: ",
        *[
            x
            for i, k in enumerate(kids)
            for x in (", " if i else "", first(k), f" ({rng.randint(2, 17)})")
        ],
        "\n\nSchuldeisers:\n",
    ]
    for _ in range(rng.randint(3, 6)):
        items += ["- ", org(rng), " ", amount(rng), " (dossier ", case_no(rng), ")\n"]
    items += [
        "\nGesproken met ",
        first(p),
        " op ",
        weekday(rng),
        ". ",
        rng.choice(("Partner ", "Haar partner ", "Zijn partner ")),
        first(partner),
        " werkt bij ",
        org(rng),
        " en wil niet meewerken aan de budgetbeheerrekening. ",
        "Afspraak met ",
        name(coach, rng, "full"),
        " (",
        job(rng),
        ") staat voor ",
        (rng.choice(MONTHS), "!month"),
        ". Bereikbaar: ",
        phone(rng),
        ".",
    ]
    return items, 3 + len(kids)


def klacht(rng: random.Random) -> tuple[list[Item], int]:
    p = person(rng)
    staff = person(rng)
    a = address(rng)
    items: list[Item] = [
        "KLACHTFORMULIER (webformulier, ontvangen ",
        a_date(rng),
        ")\n",
        "Voorletters: ",
        (p.initials, FIRST),
        "\nTussenvoegsel: ",
        (p.prefix, LAST) if p.prefix else "",
        "\nAchternaam: ",
        (cap(p.core) if p.prefix else p.last, LAST),
        "\nStraat en huisnummer: ",
        street(a, rng),
        "\nPostcode: ",
        (a.postcode, POSTCODE),
        "\nWoonplaats: ",
        (a.city, CITY),
        "\nTelefoonnummer: ",
        phone(rng),
        "\nE-mailadres: ",
        email(p, rng),
        "\nGeboortedatum: ",
        birth_date(p.birth, rng),
        "\nOver wie of wat gaat uw klacht?: ",
        rng.choice(("de medewerker ", "mevrouw ", "meneer ")),
        name(staff, rng, "full"),
        " van het ",
        rng.choice(("Klantcontactcentrum", "Wijkteam Zuid", "team Parkeren")),
        "\nOmschrijving: Op ",
        weekday(rng),
        " ",
        a_date(rng),
        " ben ik ",
        rng.choice(("aan de balie in ", "telefonisch door ", "bij de Milieustraat in ")),
        place(rng) if rng.random() < 0.4 else ("het stadskantoor", ""),
        " onheus bejegend. Ik heb gevraagd naar de leidinggevende, ",
        name(person(rng), rng, "title_last"),
        ", maar die was er niet. Mijn buurvrouw ",
        first(person(rng)),
        " was erbij.",
    ]
    return items, 4


def leerplicht(rng: random.Random) -> tuple[list[Item], int]:
    mother = person(rng, female=True, age=(28, 52))
    kid = child(rng, mother)
    mentor = person(rng)
    lpa = person(rng)
    a = address(rng)
    hours = rng.randint(16, 120)
    items: list[Item] = [
        "Verzuimmelding ",
        (f"DUO-{rng.randint(100000, 999999)}", "!case number"),
        "\n",
        "Leerling: ",
        name(kid, rng, rng.choice(("full", "rev"))),
        ", geb. ",
        birth_date(kid.birth, rng),
        ", onderwijsnummer ",
        (ids.onderwijsnummer(rng), "id.onderwijsnummer"),
        "\nSchool: ",
        (rng.choice(SCHOOLS), "!school"),
        ", klas ",
        str(rng.randint(1, 4)),
        rng.choice("ABCDH"),
        "\nOuder/verzorger: ",
        name(mother, rng, rng.choice(("title_init", "married", "full"))),
        ", ",
        home(a, rng),
        ", tel. ",
        phone(rng),
        "\n\n",
        f"Ongeoorloofd verzuim: {hours} lesuren in de periode ",
        a_date(rng),
        " t/m ",
        a_date(rng),
        ". Mentor ",
        name(mentor, rng, "title_last"),
        " heeft ",
        rng.choice(("moeder", "de ouders", "mevrouw")),
        " meerdere keren gebeld. ",
        first(kid),
        " zegt op ",
        weekday(rng),
        " te moeten oppassen op zijn/haar broertje. ",
        "Gesprek op ",
        a_date(rng),
        " met leerplichtambtenaar ",
        name(lpa, rng, "full"),
        ". Bij herhaling volgt een proces-verbaal (",
        case_no(rng),
        ").",
    ]
    return items, 4


def reparatie(rng: random.Random) -> tuple[list[Item], int]:
    p = person(rng)
    tech = person(rng, age=(20, 60))
    a = address(rng)
    items: list[Item] = [
        f"Ticket #WO-{rng.randint(2021, 2024)}-{rng.randint(10000, 99999)} | Status: ingepland\n",
        "Huurder: ",
        name(p, rng, rng.choice(("rev", "title_init", "full"))),
        " | Adres: ",
        home(a, rng),
        " | Tel: ",
        phone(rng),
        "\nMelding: ",
        rng.choice(
            (
                "lekkage badkamerplafond",
                "CV-ketel geeft storing F28",
                "schimmel slaapkamer",
                "voordeur klemt",
                "afvoer keuken verstopt",
            )
        ),
        ", toestel ",
        (rng.choice(APPLIANCES), "!product"),
        "\nUitvoerder: ",
        org(rng),
        ", monteur ",
        first(tech),
        "\nAfspraak: ",
        weekday(rng),
        " tussen 08:00 en 12:00\n",
        "Opmerking ",
        (rng.choice(("woonconsulent", "opzichter")), "!job title"),
        ": ",
        rng.choice(("huurder heeft hond, ", "sleutel bij buren op nr. 14, ", "")),
        "bij geen gehoor bellen met ",
        kin(rng, "dochter |partner ", "zoon |partner ", "first"),
        " ",
        phone(rng),
        ".",
    ]
    return items, 3


def parkeren(rng: random.Random) -> tuple[list[Item], int]:
    p = person(rng)
    a = address(rng)
    items: list[Item] = [
        "Beroepschrift naheffingsaanslag parkeerbelasting\nAanslagnummer: ",
        (str(rng.randint(1000000000, 9999999999)), "!case number"),
        "\nKenteken: ",
        (ids.license_plate(rng), PLATE),
        "\nIndiener: ",
        name(p, rng),
        ", ",
        home(a, rng),
        "\n\nOp ",
        a_date(rng),
        " om ",
        f"{rng.randint(8, 22)}:{rng.randint(0, 59):02d}",
        " stond mijn auto (",
        (rng.choice(CARS), "!product"),
        ") op de ",
        (
            rng.choice(("Grote Markt", "Parkeerterrein Noord", "Stationsplein", "Nieuwe Haven")),
            "!street, not a residence",
        ),
        " met een geldige parkeerschijf. Ik had een afspraak bij ",
        org(rng),
        ". Mijn gehandicaptenparkeerkaart staat op naam van mijn ",
        kin(rng, "moeder |echtgenote ", "vader |schoonvader "),
        ". Het bedrag van ",
        amount(rng),
        " heb ik onder protest betaald vanaf ",
        iban(rng),
        ".\n\nMet vriendelijke groet,\n",
        name(p, rng, rng.choice(("full", "init"))),
    ]
    return items, 2


def _signature(p: Person, rng: random.Random, domain: str) -> list[Item]:
    return [
        rng.choice(
            ("Met vriendelijke groet,\n", "Met vriendelijke groeten,\n", "Groet,\n", "Mvg,\n")
        ),
        name(p, rng, rng.choice(("nick", "full", "init"))),
        "\n",
        job(rng),
        "\n",
        rng.choice(("T ", "Tel: ", "M: ", "")),
        phone(rng),
        "\n",
        email(p, rng, staff_domain=domain),
        "\nAanwezig: ",
        weekday(rng),
        ", ",
        weekday(rng),
        "\n",
    ]


def email_chain(rng: random.Random) -> tuple[list[Item], int]:
    staff = person(rng)
    client = person(rng)
    a = address(rng)
    domain = rng.choice(MUNIS)
    staff_mail = email(staff, rng, staff_domain=domain)
    client_mail = email(client, rng)
    d = a_date(rng)
    quoted: list[Item] = [
        "Op ",
        a_date(rng),
        " om 21:03 schreef ",
        name(client, rng, "full"),
        " <",
        client_mail,
        ">:\n",
        "Geachte heer/mevrouw,\n",
        "Sinds ",
        (rng.choice(MONTHS), "!month"),
        " is er ",
        rng.choice(("lekkage", "geluidsoverlast", "een achterstand")),
        " op ",
        street(a, rng),
        ". Mijn ",
        kin(rng, "overbuurvrouw |huisgenote ", "buurman |huisgenoot "),
        " heeft hetzelfde probleem. U kunt mij bellen op ",
        phone(rng),
        ".\n",
        first(client),
        "\n",
    ]
    quoted_lines: list[Item] = []
    for item in quoted:  # prefix "> " after every newline
        segs = (
            [item] if isinstance(item, tuple) else item if isinstance(item, list) else [(item, "")]
        )
        for text, tag in segs:
            parts = text.split("\n")
            for i, part in enumerate(parts):
                if i:
                    quoted_lines.append(("\n> ", ""))
                if part:
                    quoted_lines.append((part, tag))
    items: list[Item] = [
        "Van: ",
        name(staff, rng, "full"),
        " <",
        staff_mail,
        ">\nVerzonden: ",
        weekday(rng),
        " ",
        d,
        " 09:14\nAan: ",
        client_mail,
        "\nCC: ",
        (f"info@{domain}", "!institution e-mail"),
        "\nOnderwerp: RE: melding ",
        street(a, rng),
        "\n\n",
        "Beste ",
        name(client, rng, rng.choice(("title_last", "first"))),
        ",\n\n",
        "Dank voor uw bericht. Ik heb uw melding doorgezet naar ",
        org(rng),
        " en mijn collega ",
        name(person(rng), rng, "full"),
        " neemt contact met u op. ",
        "U kunt ook bellen met ons algemene nummer ",
        ("14 0" + str(rng.randint(10, 99)), "!institution phone"),
        ".\n\n",
        *_signature(staff, rng, domain),
        "\n> ",
        *quoted_lines,
    ]
    return items, 4


def html(rng: random.Random) -> tuple[list[Item], int]:
    c = person(rng)
    staff = person(rng)
    domain = rng.choice(MUNIS)
    items: list[Item] = [
        "<p>Beste ",
        name(c, rng, "first"),
        ",</p>\n<p>Hierbij bevestig ik uw afspraak op <b>",
        weekday(rng),
        " ",
        a_date(rng),
        "</b> op ons kantoor aan de ",
        institution(rng),
        ". Neem uw ID-bewijs mee.</p>\n<p>Uw contactpersoon is <strong>",
        name(staff, rng, "full"),
        '</strong> (<a href="mailto:',
        email(staff, rng, staff_domain=domain),
        '">e-mail</a>).</p>\n',
        "<table><tr><td>Naam</td><td>",
        name(c, rng, "rev"),
        "</td></tr><tr><td>Geb.datum</td><td>",
        birth_date(c.birth, rng),
        "</td></tr><tr><td>BSN</td><td>",
        bsn(rng),
        "</td></tr></table>\n<p>Met vriendelijke groet,<br>",
        name(staff, rng, "init"),
        "<br>",
        job(rng),
        "</p>&nbsp;",
    ]
    return items, 2


def json_note(rng: random.Random) -> tuple[list[Item], int]:
    c = person(rng)
    a = address(rng)
    num = a.number.split()[0].split("-")[0]
    payload = {
        "naam": "§N",
        "voorletters": "§I",
        "geboortedatum": "§D",
        "adres": {"straat": "§S", "huisnummer": "§H", "postcode": "§P", "plaats": "§C"},
        "contact": {"mobiel": "§T", "email": "§E"},
        "status": "actief",
        "casemanager": "§M",
        "organisatie": "§O",
        "dossier": "§Z",
    }
    iso = (f"{c.birth.year}-{c.birth.month:02d}-{c.birth.day:02d}", DOB)
    fills: dict[str, list[Seg]] = {
        "N": [(cap(c.last), LAST)],
        "I": [(c.initials, FIRST)],
        "D": [iso],
        "S": [(a.street, STREET)],
        "H": [(num, HOUSE_NO)],
        "P": [(a.postcode, POSTCODE)],
        "C": [(a.city, CITY)],
        "T": [phone(rng)],
        "E": [email(c, rng)],
        "M": name(person(rng), rng, "full"),
        "O": [org(rng)],
        "Z": [case_no(rng)],
    }
    text = json.dumps(payload, ensure_ascii=False, indent=rng.choice((None, 2)))
    items: list[Item] = [
        rng.choice(
            ("Import uit oud systeem: ", "Payload koppelvlak (fout 422): ", "Kopie record:\n")
        )
    ]
    for i, piece in enumerate(text.split("§")):
        if i:
            key, piece = piece[0], piece[1:]
            items.append([(t.replace('"', '\\"'), tag) for t, tag in fills[key]])
        items.append(piece)
    items += ["\nGecontroleerd door ", first(person(rng)), " op ", weekday(rng), "."]
    return items, 3


def sms(rng: random.Random) -> tuple[list[Item], int]:
    c = person(rng)
    staff = person(rng)
    out: list[Item] = []
    for _ in range(rng.randint(2, 4)):
        options: tuple[list[Item], ...] = (
            [
                "[SMS aan ",
                phone(rng),
                "] Hoi ",
                name(c, rng, rng.choice(("first", "title_last"))),
                ", uw afspraak bij ",
                org(rng),
                " is verzet naar ",
                weekday(rng),
                " 14:30. Gr ",
                first(staff),
                "\n",
            ],
            [
                "[SMS van ",
                phone(rng),
                "] ok dank u. kan mijn zoon ",
                first(person(rng)),
                " ook mee? grt ",
                first(c),
                "\n",
            ],
            [
                "[WhatsApp] ",
                name(c, rng, "full"),
                ": ik ben ziek vandaag, bel ",
                first(staff),
                " morgen\n",
            ],
            [
                "[SMS aan ",
                phone(rng),
                "] Herinnering: betaling ",
                amount(rng),
                " aan ",
                org(rng),
                " o.v.v. ",
                case_no(rng),
                "\n",
            ],
            [
                "[SMS van onbekend] met ",
                first(c),
                " hier, nieuw nr is ",
                phone(rng),
                " en ik woon nu op ",
                street(address(rng), rng),
                "\n",
            ],
        )
        out += rng.choice(options)
    return out, 3


def mainframe(rng: random.Random) -> tuple[list[Item], int]:
    p = person(rng)
    contact = person(rng)
    a = address(rng)
    title = "MW" if p.female else "DHR"
    items: list[Item] = [
        f"REC {rng.randint(1, 99999):05d} MUT {rng.randint(2001, 2019)}{rng.randint(1, 12):02d}"
        f"{rng.randint(1, 28):02d} {title} ",
        (f"{p.initials.replace('.', ' ').strip()} {p.last}", NAME),
        ", ",
        street(a, rng),
        ", ",
        (a.postcode, POSTCODE),
        " ",
        (a.city, CITY),
        "\nGEB ",
        birth_date(p.birth, rng, compact=True),
        " SOFI ",
        bsn(rng),
        " TEL ",
        phone(rng),
        " GIRO/BANK ",
        iban(rng),
        "\n",
        "OPM: CLT BELDE IVM ",
        rng.choice(
            ("ACHTERSTAND HUUR", "AANVRAAG KWIJTSCHELDING", "WIJZIGING INKOMEN", "VERHUIZING")
        ),
        ", VERWEZEN NAAR ",
        org(rng),
        ". CONTACTPERS. ",
        rng.choice(("ZUS ", "BROER ", "ZOON ", "DOCHTER ")),
        name(contact, rng, "init"),
        " ",
        phone(rng),
        ". BEH: ",
        name(person(rng), rng, "init"),
        ", ",
        job(rng),
        " ",
        a_date(rng),
    ]
    return items, 3


def sloppy(rng: random.Random) -> tuple[list[Item], int]:
    c = person(rng)
    d = person(rng, last=c.last)
    a = address(rng)
    items: list[Item] = [
        rng.choice(("tel.gesprek ", "nb: ", "terugbelnotitie ", "")),
        rng.choice(("mw", "dhr", "clt")),
        " belde ivm ",
        rng.choice(("afspraak", "uitkering", "huurachterstand", "de aanvraag")),
        ", ",
        ("dochter " if d.female else "zoon ")
        if d.birth.year > c.birth.year + 17
        else ("zus " if d.female else "broer "),
        name(d, rng, "full"),
        " gaat mee. nieuw adres: ",
        home(a, rng, sep=rng.choice((" ", ", "))),
        ". tel:",
        phone(rng),
        " bsn:",
        bsn(rng),
        " ",
        dob_phrase(c, rng),
        ". naam clt ",
        name(c, rng, rng.choice(("full", "rev"))),
        " (klnr ",
        case_no(rng),
        "). ",
        "doorgezet naar ",
        name(person(rng), rng, "full"),
        " van ",
        org(rng),
        ", die is er pas ",
        weekday(rng),
        " weer. mail: ",
        email(c, rng),
    ]
    return items, 4


def verhuizing(rng: random.Random) -> tuple[list[Item], int]:
    p = person(rng)
    co = person(rng)
    old, new = address(rng), address(rng)
    items: list[Item] = [
        "Adresonderzoek BRP (",
        case_no(rng),
        "): ",
        name(p, rng),
        ", ",
        dob_phrase(p, rng),
        ", BSN ",
        bsn(rng),
        " staat ingeschreven op ",
        home(old, rng),
        " maar verblijft volgens ",
        rng.choice(("de verhuurder ", "een melding van ", "de wijkagent ")),
        name(person(rng), rng, rng.choice(("title_last", "full"))),
        " sinds ",
        (rng.choice(MONTHS), "!month"),
        " bij ",
        name(co, rng, "full"),
        " op ",
        home(new, rng),
        ". Huisbezoek op ",
        weekday(rng),
        " door ",
        name(person(rng), rng, "init"),
        " (",
        job(rng),
        "). Vertrokken naar ",
        place(rng),
        "? Nagaan bij ",
        org(rng),
        ".",
    ]
    return items, 5


def inburgering(rng: random.Random) -> tuple[list[Item], int]:
    p = person(rng, age=(19, 55))
    coach = person(rng)
    a = address(rng)
    items: list[Item] = [
        "Inburgeringsplan (PIP) ",
        name(p, rng, rng.choice(("full", "rev", "init"))),
        "\n",
        "V-nummer: ",
        (ids.v_number(rng), V_NUMBER),
        " | nationaliteit: ",
        (rng.choice(NATIONALITIES), NATIONALITY),
        " | geboren te ",
        (rng.choice(BIRTHPLACES), BIRTHPLACE),
        " op ",
        birth_date(p.birth, rng),
        "\nWoont sinds ",
        a_date(rng, 2023),
        " op ",
        home(a, rng),
        " (via ",
        org(rng),
        ")\nLeerroute: B1, taalschool ",
        (rng.choice(("Taalhuis", "NT2 Instituut", "ROC Taalcentrum")), "!organisation"),
        ", taalmaatje ",
        name(person(rng), rng, "full"),
        "\nPartner ",
        name(person(rng, female=not p.female), rng, "full"),
        " is nog in ",
        place(rng),
        ". Klantmanager: ",
        name(coach, rng, "full"),
        ", ",
        email(coach, rng, staff_domain=rng.choice(MUNIS)),
        ". Bankrekening ",
        iban(rng),
        ".",
    ]
    return items, 5


GENRES: dict[str, tuple[Genre, int]] = {
    "wmo_intake": (wmo_intake, 9),
    "jeugd_intake": (jeugd_intake, 7),
    "bezwaarschrift": (bezwaar, 8),
    "schuldhulp": (schuldhulp, 8),
    "klachtformulier": (klacht, 7),
    "leerplicht": (leerplicht, 6),
    "reparatieverzoek": (reparatie, 7),
    "parkeerberoep": (parkeren, 6),
    "email_thread": (email_chain, 10),
    "html": (html, 6),
    "json_in_text": (json_note, 6),
    "sms": (sms, 7),
    "mainframe": (mainframe, 6),
    "sloppy_note": (sloppy, 8),
    "brp_onderzoek": (verhuizing, 5),
    "inburgering": (inburgering, 5),
}


def _segments(items: Iterable[Item]) -> list[Seg]:
    out: list[Seg] = []
    for item in items:
        if isinstance(item, str):
            out.append((item, ""))
        elif isinstance(item, tuple):
            out.append(item)
        else:
            out.extend(item)
    return out


def _build(doc_id: str, kind: str, segs: list[Seg], people: int) -> Document:
    parts: list[str] = []
    gold: list[Gold] = []
    negatives: list[Negative] = []
    pos = 0
    for text, tag in segs:
        start = pos
        parts.append(text)
        pos += len(text)
        if not text.strip() or not tag:
            continue
        if tag.startswith("!"):
            negatives.append(Negative(start, pos, tag[1:]))
        else:
            gold.append(Gold(start, pos, tag))
    return Document(doc_id, kind, "".join(parts), tuple(gold), tuple(negatives), people, people)


def _typo(text: str, rng: random.Random) -> str:
    """Drop or swap one letter in a plain word now and then."""
    words = text.split(" ")
    for i, w in enumerate(words):
        if len(w) > 4 and w.isalpha() and rng.random() < 0.12:
            j = rng.randint(1, len(w) - 2)
            words[i] = (
                w[:j] + w[j + 1 :] if rng.random() < 0.5 else w[:j] + w[j + 1] + w[j] + w[j + 2 :]
            )
    return " ".join(words)


def documents(seed: int = 0, count: int = 400) -> list[Document]:
    """``count`` documents over the genres in ``GENRES``, the same for the same ``seed``."""
    rng = random.Random(seed)
    kinds = list(GENRES)
    weights = [GENRES[k][1] for k in kinds]
    docs: list[Document] = []
    for i in range(count):
        kind = rng.choices(kinds, weights=weights)[0]
        items, people = GENRES[kind][0](rng)
        segs = _segments(items)
        if kind == "mainframe":
            segs = [(t.upper(), tag) for t, tag in segs]
        elif kind == "sloppy_note":
            segs = [(t.lower() if tag else _typo(t.lower(), rng), tag) for t, tag in segs]
        docs.append(_build(f"blind2-{i:04d}", kind, segs, people))
    return docs


def measure(seed: int = 0, count: int = 400) -> list[str]:
    """The scorer of ``bench.text_quality`` on this corpus, as Markdown lines (no values)."""
    from bench import text_quality as tq

    docs = documents(seed, count)
    run = tq.run_sluis(docs)
    s = tq.score(docs, run, 0.5)
    out = ["| type | gold tokens | predicted | P | R |", "|---|---:|---:|---:|---:|"]
    for t in (*tq.ENTITY_TYPES, "any"):
        out.append(
            f"| {t} | {s.gold[t]} | {s.predicted[t]} | {tq._fmt(s.precision(t))} | "
            f"{tq._fmt(s.recall(t))} |"
        )
    return out


if __name__ == "__main__":
    print("\n".join(measure()))

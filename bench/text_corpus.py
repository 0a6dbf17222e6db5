"""A seeded corpus of Dutch free text with gold spans, for ``sluis.discover.text``.

Case-worker notes, letters, JSON snippets, file names and e-mails, each with the character
spans a privacy officer would redact (category codes from ``sluis.model.categories``) and the
spans of deliberate hard negatives: organization names that look like persons (a supermarket
named after its founder, hospitals named after people), institutions' own addresses, service
numbers and e-mail addresses, case numbers that pass the 11-proef, dates that are not birth
dates, a year followed by a capitalized abbreviation.

Person names come from the hand-written lists in ``bench/names_text/``; the ``*_unseen``
lists were checked against the detectors' lexicon when written, and at least
``UNSEEN_SHARE`` of the people are built from them only. Faker is not used at all, so the
score is not circular. Identifiers are valid by construction (``sluis.synth.identifiers``):
their rules are public facts, not the detector's vocabulary.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from sluis.synth import identifiers as ids

NAMES_DIR = Path(__file__).parent / "names_text"
UNSEEN_SHARE = 0.7
KINDS = ("note", "letter", "json", "filename", "email")
_KIND_WEIGHTS = (35, 20, 15, 15, 15)


def read_names(filename: str) -> list[str]:
    """The names in one list file, comments and blank lines dropped."""
    lines = (NAMES_DIR / filename).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


FIRST_UNSEEN = read_names("first_names_unseen.txt")
FIRST_SEEN = read_names("first_names_seen.txt")
SURNAMES_UNSEEN = read_names("surnames_unseen.txt")
SURNAMES_SEEN = read_names("surnames_seen.txt")


@dataclass(frozen=True)
class Gold:
    """``text[start:end]`` is personal data of ``category`` (a Sluis category code)."""

    start: int
    end: int
    category: str


@dataclass(frozen=True)
class Negative:
    """``text[start:end]`` looks personal but is not; ``kind`` names the trap."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Document:
    doc_id: str
    kind: str
    text: str
    gold: tuple[Gold, ...]
    negatives: tuple[Negative, ...]
    unseen_people: int
    people: int


@dataclass
class _Builder:
    parts: list[str] = field(default_factory=list)
    gold: list[Gold] = field(default_factory=list)
    negatives: list[Negative] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    length: int = 0

    def meet(self, person: Person) -> None:
        if person not in self.people:
            self.people.append(person)

    def add(self, text: str) -> _Builder:
        self.parts.append(text)
        self.length += len(text)
        return self

    def pii(self, category: str, value: str, *, trap: str = "") -> _Builder:
        """Personal data; ``trap`` also marks it as looking like something else."""
        self.gold.append(Gold(self.length, self.length + len(value), category))
        if trap:
            self.negatives.append(Negative(self.length, self.length + len(value), trap))
        return self.add(value)

    def neg(self, kind: str, value: str) -> _Builder:
        self.negatives.append(Negative(self.length, self.length + len(value), kind))
        return self.add(value)

    def text(self) -> str:
        return "".join(self.parts)


# --- vocabulary (hand-written) -------------------------------------------------------------

_STREETS_PLAIN = (
    "Kerkstraat", "Molenweg", "Dorpsstraat", "Lindenlaan", "Schoolstraat", "Beukenlaan",
    "Stationsweg", "Zuiderparkweg", "Hoofdstraat", "Sluisweg", "Kanaalkade", "Eikenhof",
    "Bloemgracht", "Vijverhof", "Paardenmarkt", "Rozenstraat", "Achterom", "Brink",
    "Havenstraat", "Weteringkade", "Oude Gracht", "Noorderdiep", "Kastanjelaan", "Merelhof",
)  # fmt: skip
# Streets named after people: the surname inside must not make the street a person.
_STREETS_PERSON = (
    "Jan van Galenstraat", "Thorbeckelaan", "De Ruyterweg", "Pieter Calandlaan",
    "Burgemeester Visserpark", "Van Speijkstraat", "Johan de Wittlaan", "Hugo de Grootstraat",
    "Admiraal de Ruijterweg", "Kuyperlaan", "Multatulistraat", "Anne Frankstraat",
    "Dr. Schaepmanstraat", "Willem Dreesweg", "Troelstralaan", "Bilderdijkkade",
    "Van Heutszstraat", "Jacob Catsstraat", "Rembrandtlaan", "Mesdagstraat",
)  # fmt: skip
_CITIES = (
    "Leeuwarden", "Rotterdam", "Utrecht", "Den Haag", "Zwolle", "Almere", "Tilburg",
    "Groningen", "Heerlen", "Emmen", "Lelystad", "Dordrecht", "Nijmegen", "Haarlem",
    "Amersfoort", "Sneek", "Drachten", "Venlo", "Helmond", "Schiedam",
)  # fmt: skip
# Organizations, several named after a person: hard negatives for the name detector.
_ORGS = (
    "Albert Heijn", "Jan Linders", "Dirk van den Broek", "Hans Anders", "Jeroen Bosch Ziekenhuis",
    "Antoni van Leeuwenhoek", "Reinier de Graaf Gasthuis", "Van Lanschot Kempen",
    "Willem Arntsz Huis", "Vroom & Dreesmann", "Gall & Gall", "Prinses Máxima Centrum",
    "Juliana Kinderziekenhuis", "Sint Maartenskliniek", "Vluchtelingenwerk Nederland",
    "Stichting De Hoop", "Leger des Heils", "Humanitas", "Het Juridisch Loket", "Kruidvat",
    "Zeeman", "Hema", "Philips", "Van der Valk",
)  # fmt: skip
_AUTHORITIES = (
    ("Gemeente Leeuwarden", "gemeente.leeuwarden.example"),
    ("Gemeente Zwolle", "zwolle-gemeente.example"),
    ("UWV", "uwv-post.example"),
    ("Sociale Dienst Drechtsteden", "sdd.example"),
    ("Werkplein Fivelingo", "werkplein.example"),
)
_ORG_LOCAL = ("info", "klantcontact", "post", "servicedesk", "noreply", "bezwaar")
_ORG_PHONES = ("14 058", "14 038", "0800-1351", "0800 0543", "088-8981000", "088 898 92 95")
_MAIL_DOMAINS = (
    "gmail.com", "hotmail.com", "outlook.com", "ziggo.nl", "kpnmail.nl", "live.nl",
    "planet.nl", "icloud.com", "gmx.de", "ukr.net", "wp.pl", "yahoo.fr", "upcmail.nl",
)  # fmt: skip
_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)  # fmt: skip
_MONTHS_SHORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_ROLES_FEMALE = ("dochter", "partner", "zus", "moeder", "buurvrouw", "tolk")
_ROLES_MALE = ("zoon", "partner", "broer", "vader", "buurman", "tolk")


@dataclass(frozen=True)
class Person:
    first: str
    particle: str  # "" or a lower-case particle ("van der", "in 't")
    core: str  # surname without particle
    female: bool
    second_initial: str
    unseen: bool
    birth: dt.date
    bsn: str
    iban: str
    phone: str
    email: str
    street: str
    number: str
    postcode: str
    city: str

    @property
    def surname(self) -> str:
        return f"{self.particle} {self.core}".strip()

    @property
    def surname_alone(self) -> str:
        """The surname without given name: a particle is then capitalized (``De Kluiver``)."""
        if not self.particle:
            return self.core
        return self.particle[0].upper() + self.particle[1:] + " " + self.core

    @property
    def initials(self) -> str:
        return self.first[0] + "." + (self.second_initial + "." if self.second_initial else "")


def _ascii(text: str) -> str:
    table: dict[str, str | int | None] = {"ı": "i", "ł": "l", "Ł": "L", "'": "", " ": ""}
    text = text.translate(str.maketrans(table))
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _split_surname(name: str) -> tuple[str, str]:
    words = name.split()
    for i in range(len(words) - 1, 0, -1):
        if words[i - 1].islower() or words[i - 1] in ("'t",):
            return " ".join(words[:i]), " ".join(words[i:])
    return "", name


def make_person(rng: random.Random) -> Person:
    """A person with consistent name, identifiers, contact details and address."""
    unseen = rng.random() < UNSEEN_SHARE
    if unseen:
        first, surname = rng.choice(FIRST_UNSEEN), rng.choice(SURNAMES_UNSEEN)
    else:
        first = rng.choice(FIRST_SEEN + FIRST_UNSEEN)
        surname = rng.choice(SURNAMES_SEEN)
    particle, core = _split_surname(surname)
    birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 66))
    local = rng.choice(
        (
            f"{_ascii(first)}.{_ascii(core)}",
            f"{_ascii(first)[0]}.{_ascii(particle + core)}{birth.year % 100:02d}",
            f"{_ascii(first)}{_ascii(core)}",
            f"{_ascii(first)}_{birth.year}",
        )
    )
    street = rng.choice(_STREETS_PERSON if rng.random() < 0.4 else _STREETS_PLAIN)
    number = str(rng.randint(1, 240)) + rng.choice(("", "", "", "a", "-2", " hs", "B"))
    return Person(
        first=first,
        particle=particle,
        core=core,
        female=rng.random() < 0.5,
        second_initial=rng.choice(("", "", "A", "M", "J", "H", "E")),
        unseen=unseen,
        birth=birth,
        bsn=ids.bsn(rng),
        iban=ids.iban(rng, spaced=rng.random() < 0.5),
        phone=ids.phone(rng),
        email=f"{local}@{rng.choice(_MAIL_DOMAINS)}",
        street=street,
        number=number,
        postcode=ids.postcode(rng),
        city=rng.choice(_CITIES),
    )


# --- rendering helpers -----------------------------------------------------------------------


def _title(p: Person, rng: random.Random, formal: bool = False) -> str:
    if formal:
        return "mevrouw" if p.female else "de heer"
    return rng.choice(("mevrouw", "mw.", "mevr.")) if p.female else rng.choice(("meneer", "dhr."))


def _name(
    b: _Builder, p: Person, rng: random.Random, *, lower_ok: bool = False, admin: bool = False
) -> None:
    """A reference to ``p`` in one of the written forms, as one gold span.

    ``admin`` allows the register form ``Surname, First`` (a note's opening line).
    """
    b.meet(p)
    forms = ("full", "full", "initials", "title_surname", "first") + (("admin",) if admin else ())
    form = rng.choice(forms)
    if form == "full":
        value, cat = f"{p.first} {p.surname}", "person.name"
    elif form == "initials":
        value, cat = f"{p.initials} {p.surname}", "person.name"
    elif form == "admin":
        value = f"{p.core}, {p.first}" + (f" {p.particle}" if p.particle else "")
        cat = "person.name"
    elif form == "title_surname":
        b.add(_title(p, rng) + " ")
        value, cat = p.surname_alone, "person.last_name"
    else:
        value, cat = p.first, "person.first_name"
    if lower_ok and rng.random() < 0.15:
        value = value.lower()
    b.pii(cat, value)


def _birth(p: Person, rng: random.Random, style: str | None = None) -> str:
    d = p.birth
    style = style or rng.choice(("dmy", "dmy_short", "slash", "dot", "iso", "long", "abbr", "yy"))
    if style == "dmy":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "dmy_short":
        return f"{d.day}-{d.month}-{d.year}"
    if style == "slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "long":
        return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    if style == "abbr":
        return f"{d.day} {_MONTHS_SHORT[d.month - 1]}. {d.year}"
    return f"{d.day:02d}-{d.month:02d}-{d.year % 100:02d}"


def _other_date(rng: random.Random) -> str:
    d = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    if rng.random() < 0.5:
        return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def _case_number(rng: random.Random) -> str:
    return str(ids.case_number(rng))


def _bsn_text(p: Person, rng: random.Random) -> str:
    return ids.format_bsn(p.bsn, rng.choice(("plain", "plain", "dotted", "spaced", "short")))


def _address(b: _Builder, p: Person, rng: random.Random, *, lines: bool) -> None:
    trap = "street_named_after_person" if p.street in _STREETS_PERSON else ""
    b.pii("location.street", f"{p.street} {p.number}", trap=trap)
    b.add("\n" if lines else ", ")
    b.pii("location.postcode", p.postcode)
    b.add("  " if lines and rng.random() < 0.5 else " ")
    b.pii("location.city", p.city.upper() if lines and rng.random() < 0.3 else p.city)


# --- document kinds --------------------------------------------------------------------------


def _note(rng: random.Random, p: Person, rel: Person) -> _Builder:
    b = _Builder()
    b.add(rng.choice(("Notitie ", "Gespreksverslag ", "Telefoonnotitie ", ""))).neg(
        "date_other", _other_date(rng)
    ).add(": ")
    for step in rng.sample(range(9), k=rng.randint(4, 7)):
        if step == 0:
            b.add(rng.choice(("Gesproken met ", "Klant ", "Huisbezoek bij ", "Belde: ")))
            _name(b, p, rng, lower_ok=True, admin=True)
            b.add(rng.choice((". ", ", ", " (")))
            if b.parts[-1] == " (":
                b.add("geb. ").pii("person.birth_date", _birth(p, rng)).add("). ")
        elif step == 1:
            b.add(rng.choice(("BSN ", "bsn: ", "burgerservicenummer ", "BSN nr "))).pii(
                "id.bsn", _bsn_text(p, rng)
            ).add(rng.choice((". ", "; ", " gecontroleerd. ")))
        elif step == 2:
            b.add(rng.choice(("Nieuw tel.nr: ", "tel ", "bereikbaar op ", "Telefoon: "))).pii(
                "contact.phone", p.phone
            ).add(". ")
        elif step == 3:
            b.add(rng.choice(("Zaaknummer ", "zaaknr. ", "dossier ", "Kenmerk "))).neg(
                "case_number", _case_number(rng)
            ).add(". ")
        elif step == 4:
            b.add(rng.choice(("Werkte tot vorig jaar bij ", "Doorverwezen naar ", "Contact met ")))
            b.neg("organization", rng.choice(_ORGS)).add(". ")
        elif step == 5:
            b.add("Komt met ").add(rng.choice(_ROLES_FEMALE if rel.female else _ROLES_MALE) + " ")
            _name(b, rel, rng, lower_ok=True)
            b.add(". ")
        elif step == 6:
            b.add("Verhuisd naar ")
            _address(b, p, rng, lines=False)
            b.add(". ")
        elif step == 7:
            b.add("Volgende afspraak ").neg("date_other", _other_date(rng)).add(". ")
        else:
            b.add(rng.choice(("Geboren ", "geboortedatum ", "geb. "))).pii(
                "person.birth_date", _birth(p, rng)
            ).add(rng.choice((" in ", ", "))).pii("quasi.place_of_birth", rng.choice(_CITIES))
            b.add(". ")
    if rng.random() < 0.3:
        year = str(rng.randint(2005, 2023))
        b.add("Heeft in ").neg("year_abbrev", f"{year} BV").add(" opgericht, nu failliet. ")
    if rng.random() < 0.25:
        b.add("V-nummer ").pii("id.v_number", ids.v_number(rng)).add(". ")
    return b


def _letter(rng: random.Random, p: Person, official: Person) -> _Builder:
    b = _Builder()
    authority, domain = rng.choice(_AUTHORITIES)
    b.neg("organization", authority).add("\n")
    pobox = f"Postbus {rng.randint(100, 9999)}, {ids.postcode(rng, space_share=1.0)} "
    b.neg("org_address", pobox + rng.choice(_CITIES)).add("\nTelefoon ")
    b.neg("org_phone", rng.choice(_ORG_PHONES)).add("\n\n")
    b.meet(p)
    b.meet(official)
    b.add(_title(p, rng, formal=True).capitalize() + " ")
    if rng.random() < 0.5:
        b.pii("person.name", f"{p.initials} {p.surname}")
    else:
        b.pii("person.name", f"{p.first} {p.surname}")
    b.add("\n")
    _address(b, p, rng, lines=True)
    b.add("\n\nDatum: ").neg("date_other", _other_date(rng)).add("\nOns kenmerk: ")
    b.neg("case_number", _case_number(rng)).add("\nUw BSN: ").pii("id.bsn", _bsn_text(p, rng))
    b.add("\n\nGeachte " + _title(p, rng, formal=True) + " ")
    b.pii("person.last_name", p.surname_alone).add(",\n\n")
    b.add(
        rng.choice(
            (
                "Wij hebben uw aanvraag voor bijzondere bijstand ontvangen. ",
                "Op grond van de Participatiewet stellen wij uw uitkering opnieuw vast. ",
                "U heeft bezwaar gemaakt tegen ons besluit. ",
            )
        )
    )
    b.add("Wij maken het bedrag over op rekeningnummer ").pii("finance.iban", p.iban)
    b.add(" ten name van ").pii("person.name", f"{p.initials} {p.surname}").add(". ")
    if rng.random() < 0.6:
        b.add("Volgens onze gegevens bent u geboren op ").pii(
            "person.birth_date", _birth(p, rng, rng.choice(("long", "dmy")))
        ).add(". ")
    if rng.random() < 0.5:
        b.add("Uw boodschappen bij ").neg("organization", rng.choice(_ORGS[:4]))
        b.add(" tellen niet als inkomen. ")
    b.add("Heeft u vragen? Mail naar ")
    b.neg("org_email", f"{rng.choice(_ORG_LOCAL)}@{domain}").add(" of bel ")
    b.neg("org_phone", rng.choice(_ORG_PHONES)).add(".\n\nMet vriendelijke groet,\n\n")
    b.pii("person.name", f"{official.initials} {official.surname}")
    b.add("\n" + rng.choice(("teamleider Werk en Inkomen", "consulent", "klantmanager")))
    return b


def _json(rng: random.Random, p: Person, rel: Person) -> _Builder:
    b = _Builder()
    q = json.dumps

    def field_(key: str, cat: str | None, value: str, *, last: bool = False) -> None:
        b.add(f'{q(key)}: "')
        if cat is None:
            b.neg("case_number", value)
        else:
            b.pii(cat, value)
        b.add('"' + ("" if last else ", "))

    b.meet(p)
    b.add("{")
    field_("zaaknummer", None, _case_number(rng))
    if rng.random() < 0.5:
        field_("naam", "person.name", f"{p.first} {p.surname}")
    else:
        field_("voornaam", "person.first_name", p.first)
        if p.particle:
            field_("tussenvoegsel", "person.name_prefix", p.particle)
        field_("achternaam", "person.last_name", p.core)
    field_("bsn", "id.bsn", _bsn_text(p, rng))
    field_("geboortedatum", "person.birth_date", _birth(p, rng, rng.choice(("iso", "dmy"))))
    b.add('"adres": {')
    field_("straat", "location.street", p.street)
    field_("huisnummer", "location.house_number", p.number)
    field_("postcode", "location.postcode", p.postcode)
    field_("woonplaats", "location.city", p.city, last=True)
    b.add("}, ")
    if rng.random() < 0.7:
        field_("iban", "finance.iban", p.iban)
    field_("telefoon", "contact.phone", p.phone)
    field_("email", "contact.email", p.email)
    b.add('"werkgever": "').neg("organization", rng.choice(_ORGS)).add('", ')
    b.add('"notitie": "')
    b.add(rng.choice(("Gesprek gehad met ", "Machtiging voor ", "Contactpersoon: ")))
    _name(b, rel, rng)
    b.add('"}')
    return b


def _filename(rng: random.Random, p: Person) -> _Builder:
    b = _Builder()
    b.meet(p)
    sep = rng.choice(("_", "_", "-", " "))
    d = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    b.add(rng.choice(("scans/", "Z:/dossiers/", "", "export/"))).add(d.strftime("%Y%m%d") + sep)
    b.add(rng.choice(("bezwaar", "paspoort", "loonstrook", "beschikking", "intake")) + sep)
    core = _ascii(p.core).capitalize() if rng.random() < 0.3 else p.core.replace(" ", sep)
    if rng.random() < 0.2:
        core = core.upper()
    if p.particle and rng.random() < 0.5:
        b.pii("person.name_prefix", p.particle.replace(" ", sep)).add(sep)
    b.pii("person.last_name", core).add(sep)
    if rng.random() < 0.5:
        b.pii("person.first_name", p.first)
    else:
        b.pii("person.first_name", p.first[0])
    b.add(sep)
    # A bare 9-digit number next to a name is read as the BSN; case numbers carry their word.
    if rng.random() < 0.5:
        b.add(rng.choice(("", "", "BSN" + sep, "bsn"))).pii("id.bsn", p.bsn)
    else:
        b.add(rng.choice(("zaak", "zaak" + sep, "Z", "dossier" + sep))).neg(
            "case_number", _case_number(rng)
        )
    b.add(rng.choice((".pdf", ".docx", ".jpg", ".msg")))
    return b


def _email(rng: random.Random, p: Person, official: Person) -> _Builder:
    b = _Builder()
    _authority, domain = rng.choice(_AUTHORITIES)
    b.meet(p)
    b.meet(official)
    b.add("Van: ").pii("person.name", f"{p.first} {p.surname}").add(" <").pii(
        "contact.email", p.email
    )
    b.add(">\nAan: ").neg("org_email", f"{rng.choice(_ORG_LOCAL)}@{domain}")
    b.add("\nOnderwerp: ").add(rng.choice(("wijziging gegevens", "bezwaar", "vraag uitkering")))
    b.add(" ").neg("case_number", _case_number(rng)).add("\n\n")
    greeting = rng.choice(("Beste ", "Geachte ", "Hallo "))
    b.add(greeting)
    if greeting == "Geachte " or (greeting == "Beste " and rng.random() < 0.5):
        b.add(_title(official, rng, formal=True) + " ").pii(
            "person.last_name", official.surname_alone
        )
    else:
        b.pii("person.first_name", official.first)
    b.add(",\n\n")
    for step in rng.sample(range(5), k=rng.randint(2, 4)):
        if step == 0:
            b.add("Mijn nieuwe adres is ")
            _address(b, p, rng, lines=False)
            b.add(". ")
        elif step == 1:
            b.add("Mijn telefoonnummer is nu ").pii("contact.phone", p.phone).add(". ")
        elif step == 2:
            b.add("Wilt u het geld storten op ").pii("finance.iban", p.iban).add("? ")
        elif step == 3:
            b.add("Mijn BSN is ").pii("id.bsn", _bsn_text(p, rng)).add(". ")
        else:
            b.add("Ik werk sinds ").neg("date_other", _other_date(rng)).add(" bij ")
            b.neg("organization", rng.choice(_ORGS)).add(". ")
    b.add("\n\nMet vriendelijke groet,\n").pii("person.first_name", p.first)
    return b


def generate(seed: int = 20240601, n: int = 500) -> list[Document]:
    """``n`` documents, the same for the same ``seed``."""
    rng = random.Random(seed)
    docs: list[Document] = []
    for i in range(n):
        kind = rng.choices(KINDS, weights=_KIND_WEIGHTS)[0]
        p, other = make_person(rng), make_person(rng)
        if kind == "note":
            b = _note(rng, p, other)
        elif kind == "letter":
            b = _letter(rng, p, other)
        elif kind == "json":
            b = _json(rng, p, other)
        elif kind == "filename":
            b = _filename(rng, p)
        else:
            b = _email(rng, p, other)
        docs.append(
            Document(
                doc_id=f"{kind}-{i:04d}",
                kind=kind,
                text=b.text(),
                gold=tuple(b.gold),
                negatives=tuple(b.negatives),
                unseen_people=sum(x.unseen for x in b.people),
                people=len(b.people),
            )
        )
    return docs


__all__ = ["Document", "Gold", "Negative", "Person", "generate", "make_person", "read_names"]

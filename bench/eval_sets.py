"""Seeded evaluation databases with ground-truth labels for ``sluis scan``.

Five SQLite databases in the style of Dutch public-service systems. Every column carries a
label: the category code a privacy officer expects, or ``None`` for a column without
personal data. The traps are deliberate: meaningless column names holding BSNs, BSNs that
lost their leading zero as integers, birth dates as ``dd-mm-jjjj`` text, upper-case names,
case numbers that pass the 11-proef, order numbers shaped like phone numbers, and free
text, JSON and documents with and without personal data.

Person names come from the hand-written lists in ``bench/names/`` and never from Faker,
because the detectors' name lexicon is built from Faker.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sluis.synth import identifiers as ids

NAMES_DIR = Path(__file__).parent / "names"

Label = str | None
Gen = Callable[["Row"], Any]


def read_names(filename: str) -> list[str]:
    """The names in one list file, comments and blank lines dropped."""
    lines = (NAMES_DIR / filename).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


FIRST_NAMES = read_names("first_names.txt")
SURNAMES = read_names("surnames.txt")

CITIES = (
    "Amsterdam",
    "Rotterdam",
    "Den Haag",
    "Utrecht",
    "Eindhoven",
    "Groningen",
    "Tilburg",
    "Almere",
    "Breda",
    "Nijmegen",
    "Apeldoorn",
    "Haarlem",
    "Arnhem",
    "Enschede",
    "Amersfoort",
    "Zaandam",
    "'s-Hertogenbosch",
    "Hoofddorp",
    "Zwolle",
    "Zoetermeer",
    "Leiden",
    "Maastricht",
    "Dordrecht",
    "Ede",
    "Alphen aan den Rijn",
    "Leeuwarden",
    "Alkmaar",
    "Emmen",
    "Delft",
    "Venlo",
    "Deventer",
    "Sittard",
    "Helmond",
    "Oss",
    "Hilversum",
    "Heerlen",
    "Lelystad",
    "Purmerend",
    "Schiedam",
    "Vlaardingen",
    "Gouda",
    "Assen",
    "Kampen",
    "Sneek",
    "Drachten",
    "Terneuzen",
    "Middelburg",
    "Vlissingen",
    "Den Helder",
    "Hoorn",
    "Tiel",
    "Roermond",
)
_STREET_ROOTS = (
    "Kerk",
    "Molen",
    "Dorps",
    "School",
    "Stations",
    "Haven",
    "Linden",
    "Eiken",
    "Beuken",
    "Wilgen",
    "Tulpen",
    "Rozen",
    "Anjer",
    "Merel",
    "Lijster",
    "Zwaluw",
    "Spoor",
    "Dijk",
    "Burgemeester de Jong",
    "Prinses Irene",
    "Koningin Wilhelmina",
    "Oranje",
    "Nassau",
    "Rembrandt",
    "Vermeer",
    "Erasmus",
    "Spinoza",
    "Thorbecke",
    "Mondriaan",
    "Marie Curie",
)
_STREET_SUFFIXES = ("straat", "laan", "weg", "plein", "hof", "singel", "gracht", "kade", "dreef")
_COUNTRIES = (
    ("Syrië", "Syrische", ("Damascus", "Aleppo", "Homs")),
    ("Eritrea", "Eritrese", ("Asmara", "Keren")),
    ("Somalië", "Somalische", ("Mogadishu", "Hargeisa", "Kismayo")),
    ("Turkije", "Turkse", ("Ankara", "Diyarbakır", "Samsun")),
    ("Marokko", "Marokkaanse", ("Nador", "Berkane", "Tetouan")),
    ("Afghanistan", "Afghaanse", ("Kabul", "Herat")),
    ("Iran", "Iraanse", ("Tehran", "Shiraz")),
    ("Oekraïne", "Oekraïense", ("Kharkiv", "Lviv", "Poltava")),
    ("Polen", "Poolse", ("Łódź", "Lublin")),
    ("Suriname", "Surinaamse", ("Paramaribo", "Nieuw Nickerie")),
    ("Nederland", "Nederlandse", ("Utrecht", "Zwolle", "Emmen", "Tilburg")),
)
_MAIL_DOMAINS = (
    "gmail.com",
    "hotmail.nl",
    "outlook.com",
    "ziggo.nl",
    "xs4all.nl",
    "live.com",
    "proton.me",
    "kpnmail.nl",
    "web.de",
    "yahoo.fr",
)


@dataclass(frozen=True)
class Person:
    first: str
    prefix: str
    surname: str
    gender: str
    born: dt.date
    country: str
    nationality: str
    birth_place: str
    street: str
    number: str
    postcode: str
    city: str
    email: str
    phone: str
    bsn: str
    iban: str

    @property
    def last(self) -> str:
        return f"{self.prefix} {self.surname}" if self.prefix else self.surname

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def initials(self) -> str:
        return self.first[0] + "."


def _fold(text: str) -> str:
    import unicodedata

    text = text.replace("ı", "i").replace("ł", "l").replace("Ł", "L")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum()).lower()


def make_person(rng: random.Random) -> Person:
    """One invented person; names from the hand lists only."""
    surname = rng.choice(SURNAMES)
    prefix = ""
    for particle in ("van der ", "van 't ", "in 't ", "van ", "de ", "ter "):
        if surname.startswith(particle):
            prefix, surname = particle.strip(), surname[len(particle) :]
            break
    first = rng.choice(FIRST_NAMES)
    country, nationality, places = rng.choice(_COUNTRIES)
    sep = rng.choice((".", "_", "", "-"))
    email = f"{_fold(first)}{sep}{_fold(prefix + surname)}"
    if rng.random() < 0.4:
        email += str(rng.randint(1, 99))
    return Person(
        first=first,
        prefix=prefix,
        surname=surname,
        gender=rng.choice("MV"),
        born=dt.date(1948, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 58)),
        country=country,
        nationality=nationality,
        birth_place=rng.choice(places),
        street=rng.choice(_STREET_ROOTS) + rng.choice(_STREET_SUFFIXES),
        number=str(rng.randint(1, 300)) + rng.choice(("", "", "", "A", "-2", " bis")),
        postcode=ids.postcode(rng),
        city=rng.choice(CITIES),
        email=f"{email}@{rng.choice(_MAIL_DOMAINS)}",
        phone=ids.phone(rng),
        bsn=ids.bsn(rng, leading_zero_share=0.25),
        iban=ids.iban(rng),
    )


@dataclass
class Row:
    """What a column generator sees: the row's person, index and random source."""

    rng: random.Random
    index: int
    person: Person
    other: Person  # a second person (partner, contact, payer)
    parents: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class EvalColumn:
    name: str
    type: str
    label: Label
    gen: Gen


@dataclass(frozen=True)
class EvalTable:
    name: str
    rows: int
    columns: tuple[EvalColumn, ...]


@dataclass(frozen=True)
class EvalDatabase:
    name: str
    description: str
    tables: tuple[EvalTable, ...]

    @property
    def labels(self) -> dict[str, dict[str, Label]]:
        return {t.name: {c.name: c.label for c in t.columns} for t in self.tables}


def C(name: str, type_: str, label: Label, gen: Gen) -> EvalColumn:  # noqa: N802
    return EvalColumn(name, type_, label, gen)


def _pk(r: Row) -> int:
    return r.index + 1


def _fk(parent_rows: int) -> Gen:
    return lambda r: r.rng.randint(1, parent_rows)


def _ts(r: Row) -> str:
    moment = dt.datetime(2019, 1, 1) + dt.timedelta(seconds=r.rng.randint(0, 5 * 365 * 86400))
    return moment.isoformat(sep=" ")


def _date_nl(d: dt.date) -> str:
    return d.strftime("%d-%m-%Y")


def _some_day(r: Row) -> dt.date:
    return dt.date(2020, 1, 1) + dt.timedelta(days=r.rng.randint(0, 1500))


def _amount(r: Row) -> float:
    return round(r.rng.uniform(5, 2500), 2)


def _bsn_int(r: Row) -> int:
    return int(r.person.bsn)  # a leading zero is lost, as in many legacy tables


def _bsn_dotted_mix(r: Row) -> str:
    return ids.format_bsn(r.person.bsn, r.rng.choice(("plain", "plain", "dotted", "short")))


def _order_number(r: Row) -> str:
    # Shaped like a mobile number, but a sequence: an order number, not personal data.
    return f"06{40_000_000 + r.index * 7:08d}"


def _note(r: Row) -> str:
    p = r.person
    rng = r.rng
    options = [
        f"Klant {p.full} belde over de betaling, teruggebeld op {p.phone}.",
        f"Mw. {p.last} verhuisd naar {p.city}; nieuw adres nog niet bevestigd.",
        f"Gesprek met {p.first} op {_date_nl(_some_day(r))}, afspraak gemaakt.",
        f"BSN {ids.format_bsn(p.bsn, 'dotted')} nagekeken in BRP, klopt.",
        f"Dhr. {p.full.upper()} wil voortaan post via {p.email}.",
        f"Partner {r.other.full} mag namens klant bellen.",
    ]
    if rng.random() < 0.15:
        return rng.choice(("Geen bijzonderheden.", "Dossier compleet.", "Herinnering verstuurd."))
    return rng.choice(options)


def _message_json(r: Row) -> str:
    who = r.person if r.rng.random() < 0.6 else r.other
    payload: dict[str, Any] = {"contact": {"naam": who.full, "email": who.email}}
    if r.rng.random() < 0.5:
        payload["contact"]["telefoon"] = who.phone
    payload["kanaal"] = r.rng.choice(("mail", "portaal", "post"))
    return json.dumps(payload, ensure_ascii=False)


def _settings_json(r: Row) -> str:
    return json.dumps(
        {
            "theme": r.rng.choice(("light", "dark")),
            "page_size": 25,
            "lang": r.rng.choice(("nl", "en")),
            "beta": r.rng.random() < 0.1,
        }
    )


def _doc_blob(r: Row) -> bytes:
    p = r.person
    text = f"BESCHIKKING\nAan: {p.full}\n{p.street} {p.number}\n{p.postcode} {p.city}\n"
    return (
        b"%PDF-1.5\n1 0 obj<<>>stream\nBT (" + text.encode("utf-8") + b") Tj ET\nendstream\n%%EOF"
    )


def _thumb_blob(r: Row) -> bytes:
    noise = bytes(r.rng.getrandbits(8) for _ in range(48))
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise


def _full_address(r: Row) -> str:
    p = r.person
    return f"{p.street} {p.number}, {p.postcode} {p.city}"


def _status(*codes: str) -> Gen:
    return lambda r: r.rng.choice(codes)


def _seq_code(prefix: str) -> Gen:
    return lambda r: f"{prefix}{r.index + 1:06d}"


N = 600  # rows in the person tables

APPLICANTS = EvalDatabase(
    "aanvragen",
    "diploma-evaluation applicants; English camelCase names",
    (
        EvalTable(
            "applicant",
            N,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("citizenServiceNumber", "TEXT", "id.bsn", lambda r: r.person.bsn),
                C("firstName", "TEXT", "person.first_name", lambda r: r.person.first),
                C("lastName", "TEXT", "person.last_name", lambda r: r.person.last.upper()),
                C("dateOfBirth", "TEXT", "person.birth_date", lambda r: _date_nl(r.person.born)),
                C("email", "TEXT", "contact.email", lambda r: r.person.email),
                C("mobile", "TEXT", "contact.phone", lambda r: r.person.phone),
                C("nationality", "TEXT", "quasi.nationality", lambda r: r.person.nationality),
                C("countryOfBirth", "TEXT", "quasi.country_of_birth", lambda r: r.person.country),
                C("caseNo", "INTEGER", None, lambda r: ids.case_number(r.rng)),
                C("status", "TEXT", None, _status("NEW", "IN_REVIEW", "DONE", "REJECTED")),
                C("createdAt", "TIMESTAMP", None, _ts),
            ),
        ),
        EvalTable(
            "application_note",
            N,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("applicant_id", "INTEGER REFERENCES applicant(id)", None, _fk(N)),
                C("note", "TEXT", "text.contains_pii", _note),
                C("category", "TEXT", None, _status("call", "mail", "visit")),
                C("c1", "INTEGER", "id.bsn", _bsn_int),
                C("fee", "NUMERIC", None, _amount),
            ),
        ),
        EvalTable(
            "upload",
            N,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("applicant_id", "INTEGER REFERENCES applicant(id)", None, _fk(N)),
                C("doc", "BLOB", "blob.contains_pii", _doc_blob),
                # A thumbnail of an uploaded passport or diploma shows that document: it is
                # personal, and an image without text cannot be proven otherwise.
                C("thumbnail", "BLOB", "blob.contains_pii", _thumb_blob),
                C("mimeType", "TEXT", None, _status("application/pdf", "image/png")),
                C("sizeBytes", "INTEGER", None, lambda r: r.rng.randint(2_000, 4_000_000)),
            ),
        ),
    ),
)

BENEFITS = EvalDatabase(
    "uitkeringen",
    "benefits clients and payments; Dutch UPPER_SNAKE names",
    (
        EvalTable(
            "KLANT",
            N,
            (
                C("KLANT_ID", "INTEGER PRIMARY KEY", None, _pk),
                C("BSN", "TEXT", "id.bsn", _bsn_dotted_mix),
                C("VOORLETTERS", "TEXT", "person.first_name", lambda r: r.person.initials),
                C("TUSSENVOEGSEL", "TEXT", "person.name_prefix", lambda r: r.person.prefix or None),
                C("ACHTERNAAM", "TEXT", "person.last_name", lambda r: r.person.surname),
                C("GEB_DATUM", "DATE", "person.birth_date", lambda r: r.person.born.isoformat()),
                C("GESLACHT", "TEXT", "quasi.gender", lambda r: r.person.gender),
                C("STRAAT", "TEXT", "location.street", lambda r: r.person.street),
                C("HUISNR", "TEXT", "location.house_number", lambda r: r.person.number),
                C("POSTCODE", "TEXT", "location.postcode", lambda r: r.person.postcode),
                C("WOONPLAATS", "TEXT", "location.city", lambda r: r.person.city.upper()),
                C("IBAN", "TEXT", "finance.iban", lambda r: r.person.iban),
                C("UITKERING_SOORT", "TEXT", None, _status("WW", "WIA", "ZW", "WAJONG", "TW")),
                C("STATUS_CODE", "TEXT", None, _status("A1", "A2", "B1", "C9")),
                C("LAATSTE_CONTACT", "TEXT", None, lambda r: _date_nl(_some_day(r))),
            ),
        ),
        EvalTable(
            "BETALING",
            N * 2,
            (
                C("BETALING_ID", "INTEGER PRIMARY KEY", None, _pk),
                C("KLANT_ID", "INTEGER REFERENCES KLANT(KLANT_ID)", None, _fk(N)),
                C("BEDRAG", "NUMERIC", None, _amount),
                C("REKENINGNR", "TEXT", "finance.iban", lambda r: ids.iban(r.rng, spaced=True)),
                C(
                    "PERIODE",
                    "TEXT",
                    None,
                    lambda r: f"20{r.rng.randint(19, 24)}-{r.rng.randint(1, 12):02d}",
                ),
                C("ORDERNUMMER", "TEXT", None, _order_number),
                C("VELD_7", "TEXT", "id.bsn", lambda r: r.person.bsn.lstrip("0")),
            ),
        ),
        EvalTable(
            "NOTITIE",
            N,
            (
                C("ID", "INTEGER PRIMARY KEY", None, _pk),
                C("KLANT_ID", "INTEGER REFERENCES KLANT(KLANT_ID)", None, _fk(N)),
                C("TEKST", "TEXT", "text.contains_pii", _note),
                C("AANGEMAAKT_DOOR", "TEXT", "person.name", lambda r: r.other.full),
                C("AANGEMAAKT_OP", "TIMESTAMP", None, _ts),
            ),
        ),
    ),
)

MUNICIPALITY = EvalDatabase(
    "gemeente",
    "municipal registrations and moves; Dutch snake_case names",
    (
        EvalTable(
            "inschrijving",
            N,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("bsn", "INTEGER", "id.bsn", _bsn_int),
                C("naam", "TEXT", "person.name", lambda r: r.person.full),
                C("geboortedatum", "TEXT", "person.birth_date", lambda r: _date_nl(r.person.born)),
                C("geboorteplaats", "TEXT", "quasi.place_of_birth", lambda r: r.person.birth_place),
                C("geboorteland", "TEXT", "quasi.country_of_birth", lambda r: r.person.country),
                C("nationaliteit", "TEXT", "quasi.nationality", lambda r: r.person.nationality),
                C("adres", "TEXT", "location.address", _full_address),
                C("vnr", "TEXT", "id.v_number", lambda r: ids.v_number(r.rng)),
                C("datum_inschrijving", "TEXT", None, lambda r: _date_nl(_some_day(r))),
                C("gemeentecode", "TEXT", None, _status("0363", "0599", "0518", "0344", "0014")),
                C("extra", "JSON", "json.contains_pii", _message_json),
            ),
        ),
        EvalTable(
            "verhuizing",
            N,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("inschrijving_id", "INTEGER REFERENCES inschrijving(id)", None, _fk(N)),
                C(
                    "oude_postcode",
                    "TEXT",
                    "location.postcode",
                    lambda r: ids.postcode(r.rng, space_share=0).lower(),
                ),
                C("nieuwe_postcode", "TEXT", "location.postcode", lambda r: r.person.postcode),
                C("ref2", "TEXT", "id.bsn", lambda r: r.person.bsn),
                C("reden", "TEXT", None, _status("werk", "studie", "gezin", "onbekend")),
                C("ingangsdatum", "DATE", None, lambda r: _some_day(r).isoformat()),
            ),
        ),
        EvalTable(
            "product",
            40,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("productcode", "TEXT", None, _seq_code("PAS-")),
                C(
                    "omschrijving",
                    "TEXT",
                    None,
                    _status(
                        "Paspoort",
                        "Identiteitskaart",
                        "Uittreksel BRP",
                        "Verklaring omtrent gedrag",
                    ),
                ),
                C("prijs", "NUMERIC", None, _amount),
            ),
        ),
    ),
)

CASES = EvalDatabase(
    "zaaksysteem",
    "case management: case workers, messages, access log; mixed English names",
    (
        EvalTable(
            "employees",
            80,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("full_name", "TEXT", "person.name", lambda r: r.person.full),
                C(
                    "work_email",
                    "TEXT",
                    "contact.email",
                    lambda r: f"{_fold(r.person.first)[0]}.{_fold(r.person.surname)}@gemeente.nl",
                ),
                C("phone", "TEXT", "contact.phone", lambda r: r.person.phone),
                C(
                    "department",
                    "TEXT",
                    None,
                    _status("Werk en Inkomen", "Burgerzaken", "Schulden"),
                ),
                C("settings", "JSON", None, _settings_json),
            ),
        ),
        EvalTable(
            "cases",
            N,
            (
                C("case_id", "INTEGER PRIMARY KEY", None, _pk),
                C("case_number", "INTEGER", None, lambda r: ids.case_number(r.rng)),
                C("zaaktype", "TEXT", None, _status("bijstand", "schuldhulp", "verhuizing")),
                C("contactEmail", "TEXT", "contact.email", lambda r: r.person.email),
                C("opened", "DATE", None, lambda r: _some_day(r).isoformat()),
                C("priority", "INTEGER", None, lambda r: r.rng.randint(1, 5)),
                C("owner_id", "INTEGER REFERENCES employees(id)", None, _fk(80)),
            ),
        ),
        EvalTable(
            "messages",
            N,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("case_id", "INTEGER REFERENCES cases(case_id)", None, _fk(N)),
                C("payload", "JSON", "json.contains_pii", _message_json),
                C("body", "TEXT", "text.contains_pii", _note),
                C("channel", "TEXT", None, _status("email", "sms", "portal")),
                C("sent_at", "TIMESTAMP", None, _ts),
            ),
        ),
        EvalTable(
            "access_log",
            N * 3,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("employee_id", "INTEGER REFERENCES employees(id)", None, _fk(80)),
                C("case_id", "INTEGER REFERENCES cases(case_id)", None, _fk(N)),
                C("action", "TEXT", None, _status("view", "edit", "export", "print")),
                C("ts", "TIMESTAMP", None, _ts),
                C("ip", "TEXT", "network.ip", lambda r: ids.ipv4(r.rng)),
                C("session", "TEXT", None, lambda r: f"{r.rng.getrandbits(64):016x}"),
            ),
        ),
    ),
)

INTEGRATION = EvalDatabase(
    "inburgering",
    "civic-integration participants: document numbers, DUO numbers, plates",
    (
        EvalTable(
            "deelnemer",
            N,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C(
                    "onderwijsnummer",
                    "TEXT",
                    "id.onderwijsnummer",
                    lambda r: ids.onderwijsnummer(r.rng),
                ),
                C("documentnummer", "TEXT", "id.passport", lambda r: ids.passport_number(r.rng)),
                C("v_nummer", "TEXT", "id.v_number", lambda r: ids.v_number(r.rng)),
                C("kenteken", "TEXT", "id.license_plate", lambda r: ids.license_plate(r.rng)),
                C("roepnaam", "TEXT", "person.first_name", lambda r: r.person.first),
                C("achternaam", "TEXT", "person.last_name", lambda r: r.person.last),
                C("telefoonnummer", "TEXT", "contact.phone", lambda r: r.person.phone),
                C("niveau", "TEXT", None, _status("A1", "A2", "B1", "B2")),
                C("examencode", "TEXT", None, _seq_code("EX")),
                C("uren", "INTEGER", None, lambda r: r.rng.randint(0, 600)),
            ),
        ),
        EvalTable(
            "lening",
            N,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("deelnemer_id", "INTEGER REFERENCES deelnemer(id)", None, _fk(N)),
                C("bedrag", "NUMERIC", None, _amount),
                C("tegenrekening", "TEXT", "finance.iban", lambda r: r.person.iban),
                C("ref", "TEXT", None, lambda r: f"DUO-{r.rng.randint(10**8, 10**9 - 1)}"),
                C("Opmerking", "TEXT", "text.contains_pii", _note),
            ),
        ),
    ),
)

DATABASES: tuple[EvalDatabase, ...] = (APPLICANTS, BENEFITS, MUNICIPALITY, CASES, INTEGRATION)


@dataclass(frozen=True)
class EvalSet:
    name: str
    path: Path
    labels: dict[str, dict[str, Label]]


def write_database(
    spec: EvalDatabase, path: Path, rows_for: Callable[[EvalTable], Iterator[Row]]
) -> None:
    """Write ``spec`` to ``path`` (replacing any file there), one table at a time, with the
    rows ``rows_for`` yields for each table."""
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    try:
        for tdef in spec.tables:
            cols = ", ".join(f'"{c.name}" {c.type}' for c in tdef.columns)
            conn.execute(f'CREATE TABLE "{tdef.name}" ({cols})')
            rows = [tuple(c.gen(row) for c in tdef.columns) for row in rows_for(tdef)]
            marks = ", ".join("?" for _ in tdef.columns)
            conn.executemany(f'INSERT INTO "{tdef.name}" VALUES ({marks})', rows)
        conn.commit()
    finally:
        conn.close()


def build_sets(
    prefix: str,
    databases: Iterable[EvalDatabase],
    build: Callable[[EvalDatabase, Path, int], None],
    out_dir: Path,
    seed: int,
) -> list[EvalSet]:
    """Build every database of a set under ``out_dir`` as ``<prefix>_<name>.db``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sets = []
    for spec in databases:
        path = out_dir / f"{prefix}_{spec.name}.db"
        build(spec, path, seed)
        sets.append(EvalSet(spec.name, path, spec.labels))
    return sets


def build_database(spec: EvalDatabase, path: Path, seed: int) -> None:
    """Write one evaluation database to ``path``, replacing any file there."""
    rng = random.Random(f"{spec.name}:{seed}")

    def rows_for(tdef: EvalTable) -> Iterator[Row]:
        for i in range(tdef.rows):
            yield Row(rng=rng, index=i, person=make_person(rng), other=make_person(rng))

    write_database(spec, path, rows_for)


def build_eval_sets(out_dir: Path, seed: int = 11) -> list[EvalSet]:
    """Build every evaluation database under ``out_dir``; same seed, same files."""
    return build_sets("eval", DATABASES, build_database, out_dir, seed)

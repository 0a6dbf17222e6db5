"""Blind holdout databases with ground-truth labels for ``sluis scan``.

Written without looking at the scanner's code or vocabulary, from how real Dutch public-sector
and SaaS systems store people: a municipality's WMO case system, student finance, an
immigration case system, a vaccination and testing registry, a school administration,
parking permits, an English library SaaS, a police-like incident log and a debt-counselling
export in upper case without underscores. Labels say what a careful privacy officer would
say; every judgement call is explained in a comment next to the column.

Conventions for the labels (the same as the other evaluation sets where they overlap):

* Surrogate keys, internal client/relation numbers and foreign keys are ``None``: they are
  pseudonymous keys that point at a person only through another table, which is labelled.
* Dates of events (decisions, appointments, tests) are ``None``; only dates of birth are
  ``person.birth_date``, and so is a birth *year* (a coarsened birth date is still one).
* Amounts, medical codes, flags (``J``/``N``) and status codes have no category: ``None``.
* Data about organisations (a school's KvK number, a test site's address and phone, a
  creditor's IBAN) is ``None``: it is not about a natural person.
* An unkeyed SHA-256 of a BSN is ``id.bsn``: the ~90 million valid BSNs can be hashed and
  compared in seconds, so the hash is as identifying as the number. A keyed pseudonym
  (HMAC with a key held elsewhere) is ``None``, as the anonymizer's own output would be.
* A four-digit postcode (PC4) of a person's home is ``location.postcode``: it is a
  quasi-identifier that k-anonymity must count, even though ``generalize to: postcode4``
  produces it. PC4 of a building of an organisation is ``None``.
* Initials are ``person.first_name`` (the category is "first name(s) or initials"); a
  salutation (``Dhr.``/``Mevr.``) is ``quasi.gender``; a house-number letter or addition is
  ``location.house_number``; a residence-permit number is ``id.passport`` (an identity
  document number).

People: about 70 % get first names and surnames from the hand-written ``unseen`` lists in
``bench/names_blind/`` (absent from the scanner's lexicon when written), the rest from
common Dutch names. No Faker.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import hmac
import json
import random
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.eval_sets import (
    C,
    EvalDatabase,
    EvalSet,
    EvalTable,
    Gen,
    Person,
    Row,
    build_sets,
    write_database,
)
from sluis.synth import identifiers as ids

NAMES_DIR = Path(__file__).parent / "names_blind"
UNSEEN_SHARE = 0.7


def _read(filename: str) -> list[str]:
    lines = (NAMES_DIR / filename).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


FIRST_UNSEEN = _read("first_names_unseen.txt")
FIRST_SEEN = _read("first_names_seen.txt")
SURNAMES_UNSEEN = _read("surnames_unseen.txt")
SURNAMES_SEEN = _read("surnames_seen.txt")

_CITIES = (
    "Heerenveen",
    "Harlingen",
    "Dokkum",
    "Winschoten",
    "Veendam",
    "Coevorden",
    "Hardenberg",
    "Almelo",
    "Hengelo",
    "Doetinchem",
    "Winterswijk",
    "Culemborg",
    "Zaltbommel",
    "Waalwijk",
    "Oosterhout",
    "Bergen op Zoom",
    "Roosendaal",
    "Goes",
    "Zierikzee",
    "Weert",
    "Kerkrade",
    "Brunssum",
    "Venray",
    "Uden",
    "Barneveld",
    "Nijkerk",
    "Harderwijk",
    "Meppel",
    "Steenwijk",
    "Emmeloord",
    "Dronten",
    "Heemskerk",
    "Beverwijk",
    "Castricum",
    "Katwijk",
    "Leiderdorp",
    "Gorinchem",
    "Sliedrecht",
    "Zwijndrecht",
    "Spijkenisse",
    "Maassluis",
    "Nieuwegein",
    "IJsselstein",
    "Woerden",
    "Veenendaal",
    "Zeist",
)
_STREETS = (
    "Klaproos",
    "Zonnebloem",
    "Vlasakker",
    "Boterbloem",
    "Kastanje",
    "Akkerwinde",
    "Pelikaan",
    "Reiger",
    "Grutto",
    "Kievit",
    "Hooiberg",
    "Korenaar",
    "Veldkers",
    "Jan van Galen",
    "Piet Heyn",
    "Michiel de Ruyter",
    "Aletta Jacobs",
    "Annie M.G. Schmidt",
    "Dr. Nolens",
    "Pastoor van Arskerk",
    "Wethouder Sieben",
    "Generaal Foulkes",
)
_STREET_ENDS = ("straat", "laan", "weg", "hof", "erf", "pad", "dreef", "singel", "plantsoen")
# (country, nationality adjective, ISO 3166 alpha-3, BRP table-32 nationality code, places)
_ORIGINS = (
    ("Nederland", "Nederlandse", "NLD", "0001", ("Leeuwarden", "Venlo", "Assen", "Almere")),
    ("Eritrea", "Eritrese", "ERI", "0313", ("Asmara", "Mendefera", "Keren")),
    ("Somalië", "Somalische", "SOM", "0094", ("Mogadishu", "Baidoa", "Burao")),
    ("Syrië", "Syrische", "SYR", "0095", ("Raqqa", "Deir ez-Zor", "Latakia")),
    ("Turkije", "Turkse", "TUR", "0043", ("Kayseri", "Konya", "Trabzon")),
    ("Marokko", "Marokkaanse", "MAR", "0250", ("Al Hoceima", "Oujda", "Tanger")),
    ("Oekraïne", "Oekraïense", "UKR", "0092", ("Odesa", "Zhytomyr", "Vinnytsia")),
    ("Polen", "Poolse", "POL", "0029", ("Białystok", "Rzeszów", "Gdynia")),
    ("Suriname", "Surinaamse", "SUR", "0048", ("Paramaribo", "Lelydorp", "Moengo")),
    ("Afghanistan", "Afghaanse", "AFG", "0301", ("Mazar-i-Sharif", "Kandahar")),
    ("Georgië", "Georgische", "GEO", "0317", ("Tbilisi", "Batumi", "Kutaisi")),
    ("Sri Lanka", "Srilankaanse", "LKA", "0110", ("Jaffna", "Batticaloa")),
    ("Ghana", "Ghanese", "GHA", "0060", ("Kumasi", "Tamale")),
)
_MAIL = ("gmail.com", "hotmail.com", "icloud.com", "ziggo.nl", "planet.nl", "hetnet.nl", "mail.ru")


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    text = text.replace("ı", "i").replace("ł", "l").replace("Ł", "L")
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if c.isascii() and c.isalnum()
    ).lower()


def _split_prefix(surname: str) -> tuple[str, str]:
    for particle in ("van der ", "van den ", "van ", "de ", "el "):
        if surname.startswith(particle):
            return particle.strip(), surname[len(particle) :]
    return "", surname


def _pick_first(rng: random.Random) -> str:
    return rng.choice(FIRST_UNSEEN if rng.random() < UNSEEN_SHARE else FIRST_SEEN)


def make_person(rng: random.Random) -> Person:
    """One invented person; about ``UNSEEN_SHARE`` of names from the unseen lists."""
    unseen = rng.random() < UNSEEN_SHARE
    first = rng.choice(FIRST_UNSEEN if unseen else FIRST_SEEN)
    prefix, surname = _split_prefix(rng.choice(SURNAMES_UNSEEN if unseen else SURNAMES_SEEN))
    country, nationality, _iso, _code, places = rng.choice(_ORIGINS)
    style = rng.randrange(4)
    if style == 0:
        local = f"{_fold(first)}.{_fold(surname)}"
    elif style == 1:
        local = f"{_fold(first)[0]}{_fold(prefix + surname)}"
    elif style == 2:
        local = f"{_fold(surname)}{rng.randint(70, 2005)}"
    else:
        local = f"{_fold(first)}_{_fold(surname)[:4]}"
    return Person(
        first=first,
        prefix=prefix,
        surname=surname,
        gender=rng.choice("MV"),
        born=dt.date(1940, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 65)),
        country=country,
        nationality=nationality,
        birth_place=rng.choice(places),
        street=rng.choice(_STREETS) + rng.choice(_STREET_ENDS),
        number=str(rng.randint(1, 240)),
        postcode=ids.postcode(rng),
        city=rng.choice(_CITIES),
        email=f"{local}@{rng.choice(_MAIL)}",
        phone=ids.phone(rng),
        bsn=ids.bsn(rng, leading_zero_share=0.2),
        iban=ids.iban(rng),
    )


def _origin(p: Person) -> tuple[str, str, str, str, tuple[str, ...]]:
    return next(o for o in _ORIGINS if o[0] == p.country)


# --- small generators -------------------------------------------------------------------


def _pk(r: Row) -> int:
    return r.index + 1


def _fk(n: int) -> Gen:
    return lambda r: r.rng.randint(1, n)


def _pick(*values: object) -> Gen:
    return lambda r: r.rng.choice(values)


def _sparse(share: float, gen: Gen) -> Gen:
    """``gen`` in about ``share`` of the rows, NULL elsewhere."""
    return lambda r: gen(r) if r.rng.random() < share else None


def _day(r: Row, start: int = 2019, years: int = 6) -> dt.date:
    return dt.date(start, 1, 1) + dt.timedelta(days=r.rng.randint(0, 365 * years))


def _iso_day(r: Row) -> str:
    return _day(r).isoformat()


def _nl_day(r: Row) -> str:
    return _day(r).strftime("%d-%m-%Y")


def _slash_day(r: Row) -> str:
    return _day(r).strftime("%d/%m/%Y")


def _moment(r: Row) -> str:
    start = dt.datetime(2020, 1, 1)
    return (start + dt.timedelta(seconds=r.rng.randint(0, 5 * 365 * 86400))).isoformat(sep=" ")


def _money(low: float, high: float) -> Gen:
    return lambda r: round(r.rng.uniform(low, high), 2)


def _seq(fmt: str, start: int = 1) -> Gen:
    return lambda r: fmt.format(start + r.index)


def _initials(p: Person, extra: int = 0, rng: random.Random | None = None) -> str:
    letters = [p.first[0]]
    if rng is not None:
        letters += [rng.choice("ABDEFGHJKLMNPRSTW") for _ in range(rng.randint(0, extra))]
    return "".join(f"{ch}." for ch in letters)


def _last(p: Person) -> str:
    return f"{p.prefix} {p.surname}" if p.prefix else p.surname


def _full(p: Person) -> str:
    return f"{p.first} {_last(p)}"


def _street_nr(p: Person) -> str:
    return f"{p.street} {p.number}"


def _bsn_dotted(r: Row) -> str:
    return ids.format_bsn(r.person.bsn, "dotted")


def _phone_style(style: str) -> Gen:
    def gen(r: Row) -> str:
        national = ids.mobile(r.rng) if style != "landline" else ids.landline(r.rng)
        form = {"landline": "dashed", "mobile": "dashed"}.get(style, style)
        return ids.format_phone(national, form)

    return gen


def _plate_compact(r: Row) -> str:
    plate = ids.license_plate(r.rng).replace("-", "")
    return plate.lower() if r.rng.random() < 0.2 else plate


def _hex(n: int) -> Gen:
    return lambda r: f"{r.rng.getrandbits(4 * n):0{n}x}"


def _uuid(r: Row) -> str:
    h = f"{r.rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def _ipv6(r: Row) -> str:
    groups = [f"{r.rng.randint(0, 0xFFFF):x}" for _ in range(4)]
    return "2a02:a46f:" + ":".join(groups) + f":{r.rng.randint(1, 0xFFFF):x}:0"


def _ip_mix(r: Row) -> str:
    return _ipv6(r) if r.rng.random() < 0.35 else ids.ipv4(r.rng)


def _nine_digit_sequence(start: int) -> Gen:
    """Sequential 9-digit numbers that each pass the 11-proef: case numbers, not BSNs."""

    def gen(r: Row) -> int:
        n = start + r.index * 11
        while not ids.bsn_checksum_ok(str(n)):
            n += 1
        return n

    return gen


def _isbn13(r: Row) -> str:
    body = "978" + "".join(r.rng.choice("0123456789") for _ in range(9))
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


# --- free text, JSON, XML and documents -----------------------------------------------------


def _note_with_pii(r: Row) -> str:
    p, o = r.person, r.other
    return r.rng.choice(
        (
            f"Huisbezoek gehad, {p.first} woont samen met {_full(o)}. Mantelzorger bereikbaar "
            f"op {o.phone}.",
            f"Cliënt belde zelf ({p.phone}); vraagt om terugbellen door {o.first}.",
            f"Dochter {o.first} {_last(p)} regelt de post, e-mail {o.email}.",
            f"Adres gewijzigd naar {_street_nr(p)}, {p.postcode} {p.city}.",
            f"Overleg met huisarts over {p.first} {p.surname}, geb. {p.born:%d-%m-%Y}.",
            f"BSN {p.bsn} gecontroleerd bij intake, identiteit vastgesteld.",
        )
    )


_PLAIN_NOTES = (
    "Indicatie verlengd met zes maanden.",
    "Geen bijzonderheden.",
    "Aanvraag compleet, doorgezet naar backoffice.",
    "Herindicatie gepland na evaluatie.",
    "Stukken ontvangen, beoordeling loopt.",
)


def _mixed_note(share: float) -> Gen:
    """Notes of which about ``share`` mention a person; the rest are routine."""
    return lambda r: _note_with_pii(r) if r.rng.random() < share else r.rng.choice(_PLAIN_NOTES)


def _routine_text(r: Row) -> str:
    return r.rng.choice(
        (
            "Les verplaatst naar lokaal 2.14.",
            "Toets ingehaald tijdens herkansingsweek.",
            "Roosterwijziging periode 3.",
            "Materiaal vergeten, gemeld aan mentor.",
            "Excursie, hele klas afwezig.",
        )
    )


def _relaas(r: Row) -> str:
    p, o = r.person, r.other
    return r.rng.choice(
        (
            f"Melder {_full(p)} (geb. {p.born:%d-%m-%Y}) verklaarde dat zijn fiets was "
            f"weggenomen bij {_street_nr(o)}. Melder bereikbaar via {p.phone}.",
            f"Ter plaatse gesproken met {o.first} {o.surname.upper()}, bewoner van "
            f"{_street_nr(o)}. Voertuig {ids.license_plate(r.rng)} stond dubbel geparkeerd.",
            f"Betrokkene {p.surname} weigerde zich te legitimeren; later geïdentificeerd "
            f"via BSN {ids.format_bsn(p.bsn, 'spaced')}.",
            "Ruzie tussen buren over geluidsoverlast, partijen uit elkaar gehaald. Geen aangifte.",
            "Loslopende hond aangetroffen, overgedragen aan dierenambulance.",
        )
    )


def _pdf(r: Row) -> bytes:
    p = r.person
    body = (
        f"BESCHIKKING WMO\nAan: {_full(p)}\n{_street_nr(p)}\n{p.postcode} {p.city}\n"
        f"Uw burgerservicenummer: {p.bsn}\nGeachte heer/mevrouw {p.surname},\n"
    )
    return b"%PDF-1.4\n1 0 obj << /Length 200 >> stream\n" + body.encode() + b"endstream\n%%EOF"


def _b64_statement(r: Row) -> str:
    p = r.person
    text = (
        f"VERKLARING ONDER EDE\nNaam: {_last(p).upper()}, {p.first}\n"
        f"Geboren: {p.born:%d-%m-%Y} te {p.birth_place}\nNationaliteit: {p.nationality}\n"
        f"V-nummer: {ids.v_number(r.rng)}\n"
    )
    return base64.b64encode(text.encode()).decode()


def _file_name(r: Row) -> str:
    kind = r.rng.choice(("paspoort", "geboorteakte", "huwelijksakte", "diploma"))
    return f"{kind}_{_fold(r.person.surname)}_{r.person.born:%Y}.pdf"


def _audit_diff(r: Row) -> str:
    p, o = r.person, r.other
    field, old, new = r.rng.choice(
        (
            ("email", o.email, p.email),
            ("phone", o.phone, p.phone),
            ("family_name", o.surname, p.surname),
            ("tier", "basic", "plus"),
            ("newsletter", False, True),
        )
    )
    return json.dumps({"field": field, "old": old, "new": new, "source": "self-service"})


def _webhook_payload(r: Row) -> str:
    return json.dumps(
        {
            "event": r.rng.choice(("loan.created", "loan.returned", "hold.ready")),
            "loan_id": r.rng.randint(1, 2000),
            "branch": r.rng.choice(("CEN", "NRD", "ZUI")),
            "attempt": r.rng.randint(1, 3),
        }
    )


def _stuf_xml(r: Row) -> str:
    p = r.person
    return (
        '<?xml version="1.0" encoding="UTF-8"?><bericht type="aanmelding">'
        f"<persoon><bsn>{p.bsn}</bsn><naam>{_full(p)}</naam>"
        f"<geboortedatum>{p.born:%Y%m%d}</geboortedatum>"
        f"<adres>{_street_nr(p)}, {p.postcode} {p.city}</adres></persoon>"
        f"<schuld bedrag='{r.rng.randint(200, 40000)}'/></bericht>"
    )


_SCHOOL_KINDS = ("Hogeschool", "ROC", "Universiteit")
_LAW_FIRMS = ("advocatenkantoor-noord.nl", "vluchtrecht.nl", "rechtshulp.nl")
_SITE_STREETS = ("Industrieweg", "Sportlaan", "Beursplein")

# --- databases ------------------------------------------------------------------------------

WMO = EvalDatabase(
    "wmo_voorzieningen",
    "municipal social-support (WMO) cases: clients, indications, decisions",
    (
        EvalTable(
            "zorgvrager",
            400,
            (
                C("zvg_id", "INTEGER PRIMARY KEY", None, _pk),
                C("clientnr", "TEXT", None, _seq("Z{:06d}", 104000)),  # internal key
                C(
                    "bsn",
                    "TEXT",
                    "id.bsn",
                    lambda r: _bsn_dotted(r) if r.rng.random() < 0.3 else r.person.bsn,
                ),
                C(
                    "voorletters",
                    "TEXT",
                    "person.first_name",
                    lambda r: _initials(r.person, 2, r.rng),
                ),
                C("roepnaam", "TEXT", "person.first_name", lambda r: r.person.first),
                C("voorvoegsel", "TEXT", "person.name_prefix", lambda r: r.person.prefix or None),
                C("geslachtsnaam", "TEXT", "person.last_name", lambda r: r.person.surname),
                C(
                    "geboortedatum",
                    "DATE",
                    "person.birth_date",
                    lambda r: r.person.born.isoformat(),
                ),
                C("geslacht", "TEXT", "quasi.gender", _pick("man", "vrouw", "vrouw", "onbekend")),
                C("straat", "TEXT", "location.street", lambda r: r.person.street),
                C("huisnummer", "INTEGER", "location.house_number", lambda r: int(r.person.number)),
                # A house-number letter is part of the address (judgement: house_number).
                C(
                    "huisletter",
                    "TEXT",
                    "location.house_number",
                    _sparse(0.25, _pick("A", "B", "C")),
                ),
                C("postcode", "TEXT", "location.postcode", lambda r: r.person.postcode),
                C("woonplaats", "TEXT", "location.city", lambda r: r.person.city),
                C("telefoon", "TEXT", "contact.phone", lambda r: r.person.phone),
                C("wijkteam", "TEXT", None, _pick("Noord", "Oost", "Centrum", "Zuid-West")),
                # The informal carer (mantelzorger), a second person.
                C("contactpersoon", "TEXT", "person.name", _sparse(0.6, lambda r: _full(r.other))),
                C("aangemaakt", "TIMESTAMP", None, _moment),
            ),
        ),
        EvalTable(
            "indicatie",
            500,
            (
                C("indicatie_id", "INTEGER PRIMARY KEY", None, _pk),
                C("zvg_id", "INTEGER REFERENCES zorgvrager(zvg_id)", None, _fk(400)),
                C("productcode", "TEXT", None, _pick("02A01", "02A02", "03A05", "04D10", "06B21")),
                C(
                    "product",
                    "TEXT",
                    None,
                    _pick("Huishoudelijke ondersteuning", "Begeleiding individueel", "Rolstoel"),
                ),
                C("omvang", "REAL", None, lambda r: r.rng.choice((1.5, 2.0, 3.0, 4.5, 6.0))),
                C("eenheid", "TEXT", None, _pick("uur/week", "stuks", "dagdeel")),
                C("ingangsdatum", "DATE", None, _iso_day),
                C("einddatum", "DATE", None, _iso_day),
                # Health-related ground (grondslag) code: sensitive, but no category.
                C("grondslag", "TEXT", None, _pick("SOM", "PG", "LG", "VG", "PSY")),
                C("toelichting", "TEXT", "text.contains_pii", _mixed_note(0.7)),
                # AGB code of the care organisation (8 digits, like a KvK number): not a person.
                C("aanbieder_agb", "TEXT", None, _pick("73730811", "75750237", "98101443")),
            ),
        ),
        EvalTable(
            "beschikking",
            500,
            (
                C("beschikkingnummer", "TEXT", None, _seq("WMO-2023-{:06d}", 451)),
                C("zvg_id", "INTEGER REFERENCES zorgvrager(zvg_id)", None, _fk(400)),
                C("besluitdatum", "DATE", None, _iso_day),
                C("besluit", "TEXT", None, _pick("toegekend", "afgewezen", "deels toegekend")),
                C("pgb_bedrag", "REAL", None, _money(100, 30000)),
                C(
                    "iban_budgethouder",
                    "TEXT",
                    "finance.iban",
                    lambda r: ids.iban(r.rng, spaced=r.rng.random() < 0.5),
                ),
                C(
                    "tnv",  # "ten name van": the account holder
                    "TEXT",
                    "person.name",
                    lambda r: f"{_initials(r.person, 1, r.rng)} {_last(r.person)}",
                ),
                C("document", "BLOB", "blob.contains_pii", _pdf),
                # The case worker who decided: an employee, still a person.
                C("behandelaar", "TEXT", "person.name", lambda r: _full(r.other)),
                C("verzonden", "INTEGER", None, _pick(0, 1, 1)),
            ),
        ),
    ),
)


def _student_birth(r: Row) -> dt.date:
    return dt.date(1996, 1, 1) + dt.timedelta(days=r.rng.randint(0, 365 * 10))


DUO = EvalDatabase(
    "studiefinanciering",
    "student finance: students, monthly grants, parents' income, institutions",
    (
        EvalTable(
            "student",
            500,
            (
                C("student_id", "INTEGER PRIMARY KEY", None, _pk),
                C(
                    "onderwijsnummer",
                    "TEXT",
                    "id.onderwijsnummer",
                    lambda r: ids.onderwijsnummer(r.rng),
                ),
                C("bsn", "INTEGER", "id.bsn", _sparse(0.8, lambda r: int(r.person.bsn))),
                C(
                    "naam",
                    "TEXT",
                    "person.name",
                    lambda r: f"{_last(r.person)}, {_initials(r.person, 2, r.rng)}",
                ),
                C(
                    "geb_dt",
                    "INTEGER",
                    "person.birth_date",
                    lambda r: int(f"{_student_birth(r):%Y%m%d}"),
                ),
                C("email_adres", "TEXT", "contact.email", lambda r: r.person.email),
                C("mobiel", "TEXT", "contact.phone", _phone_style("mobile")),
                C("rekeningnummer", "TEXT", "finance.iban", lambda r: r.person.iban),
                C("brin", "TEXT", None, _pick("21PL", "00IC", "30GB", "25LX", "27UB", "02GA")),
                C("crebo", "INTEGER", None, _pick(25180, 25651, 25998, 23088)),
                C("niveau", "TEXT", None, _pick("MBO4", "HBO-BA", "WO-BA", "WO-MA")),
                C("woonsituatie", "TEXT", None, _pick("uitwonend", "thuiswonend")),
                C("inschrijfdatum", "TEXT", None, _nl_day),
                # The institution's student number: a pseudonymous key (see module docstring).
                C("studentnummer", "TEXT", None, _seq("s{:07d}", 2040100)),
            ),
        ),
        EvalTable(
            "toekenning",
            700,
            (
                C("toekenning_id", "INTEGER PRIMARY KEY", None, _pk),
                C("student_id", "INTEGER REFERENCES student(student_id)", None, _fk(500)),
                C(
                    "periode",
                    "TEXT",
                    None,
                    lambda r: f"20{r.rng.randint(20, 24)}-{r.rng.randint(1, 12):02d}",
                ),
                C("basisbeurs", "REAL", None, _money(0, 300)),
                C("aanvullende_beurs", "REAL", None, _money(0, 450)),
                C("lening", "REAL", None, _money(0, 1100)),
                C("ov_soort", "TEXT", None, _pick("week", "weekend", "geen")),
                C("berekend_op", "TIMESTAMP", None, _moment),
            ),
        ),
        EvalTable(
            "ouder",
            500,
            (
                C("ouder_id", "INTEGER PRIMARY KEY", None, _pk),
                C("student_id", "INTEGER REFERENCES student(student_id)", None, _fk(500)),
                C("bsn_ouder", "TEXT", "id.bsn", lambda r: r.person.bsn),
                C("naam_ouder", "TEXT", "person.name", lambda r: _full(r.person)),
                # A birth year is a coarsened birth date (module docstring).
                C("geboortejaar", "INTEGER", "person.birth_date", lambda r: r.person.born.year),
                C("verzamelinkomen", "INTEGER", None, lambda r: r.rng.randint(0, 95000)),
                # The tax year of the income: a year that is not a birth year (hard negative).
                C("peiljaar", "INTEGER", None, _pick(2020, 2021, 2022, 2023)),
            ),
        ),
        EvalTable(
            "instelling",
            60,
            (
                C(
                    "brin",
                    "TEXT PRIMARY KEY",
                    None,
                    lambda r: (
                        f"{r.index:02d}{r.rng.choice('ABCDEFGHJKLMNPRSTUVWXZ')}{r.rng.choice('ABCDEFGHJKLMNPRSTUVWXZ')}"
                    ),
                ),
                C(
                    "naam",
                    "TEXT",
                    None,
                    lambda r: f"{r.rng.choice(_SCHOOL_KINDS)} {r.rng.choice(_CITIES)}",
                ),
                # Organisation data: the town of the institution, its KvK number and switchboard.
                C("vestigingsplaats", "TEXT", None, lambda r: r.rng.choice(_CITIES)),
                C("kvk_nummer", "TEXT", None, lambda r: str(r.rng.randint(40000000, 78999999))),
                C("telefoon_algemeen", "TEXT", None, _phone_style("landline")),
            ),
        ),
    ),
)


def _partial_birth(r: Row) -> str:
    # Newcomers without papers often have an unknown day or month, written as 00.
    b = r.person.born
    roll = r.rng.random()
    if roll < 0.1:
        return f"00-00-{b.year}"
    if roll < 0.2:
        return f"00-{b.month:02d}-{b.year}"
    return f"{b:%d-%m-%Y}"


def _residence_doc(r: Row) -> str:
    chars = "ABCDEFGHJKLMNPRSTUVWXYZ123456789"  # no 0 and no O since 2019
    number = "V" + "".join(r.rng.choice(chars) for _ in range(8))
    if r.rng.random() < 0.5:
        return f"{r.rng.choice(('I', 'II', 'III', 'IV'))}-{number}"
    return number


def _foreign_passport(r: Row) -> str:
    kind = r.rng.random()
    if kind < 0.4:
        return "P" + "".join(r.rng.choice("0123456789") for _ in range(7))  # Eritrea-like
    if kind < 0.7:
        return "N" + "".join(r.rng.choice("0123456789") for _ in range(9))  # Syria-like
    return "".join(r.rng.choice("ABCDEFGHKLMNPRSTUVXYZ") for _ in range(2)) + "".join(
        r.rng.choice("0123456789") for _ in range(6)
    )  # Ukraine-like


IND = EvalDatabase(
    "vreemdelingenzaken",
    "immigration cases: foreign nationals, residence documents, cases, scans",
    (
        EvalTable(
            "vreemdeling",
            500,
            (
                C("vreemdeling_id", "INTEGER PRIMARY KEY", None, _pk),
                C("v_nummer", "TEXT", "id.v_number", lambda r: ids.v_number(r.rng)),
                C(
                    "familienaam",
                    "TEXT",
                    "person.last_name",
                    lambda r: _last(r.person).upper() if r.rng.random() < 0.5 else _last(r.person),
                ),
                C(
                    "voornamen",
                    "TEXT",
                    "person.first_name",
                    lambda r: f"{r.person.first} {_pick_first(r.rng)}",
                ),
                C("geboortedatum", "TEXT", "person.birth_date", _partial_birth),
                # ISO alpha-3 codes are still a country of birth.
                C("geboorteland", "TEXT", "quasi.country_of_birth", lambda r: _origin(r.person)[2]),
                C("nationaliteit", "TEXT", "quasi.nationality", lambda r: r.person.nationality),
                C("geslacht", "TEXT", "quasi.gender", _pick("M", "F", "X")),
                C("bsn", "TEXT", "id.bsn", _sparse(0.4, lambda r: r.person.bsn)),
                C("registratiedatum", "TEXT", None, _nl_day),
            ),
        ),
        EvalTable(
            "verblijfsdocument",
            500,
            (
                C("doc_id", "INTEGER PRIMARY KEY", None, _pk),
                C(
                    "vreemdeling_id",
                    "INTEGER REFERENCES vreemdeling(vreemdeling_id)",
                    None,
                    _fk(500),
                ),
                # A residence-permit number is an identity-document number (id.passport).
                C("documentnummer", "TEXT", "id.passport", _residence_doc),
                C("soort", "TEXT", None, _pick("I", "II", "III", "IV", "V", "EU/EER")),
                C("afgiftedatum", "TEXT", None, _nl_day),
                C("geldig_tot", "TEXT", None, _nl_day),
                C("nationaal_paspoortnr", "TEXT", "id.passport", _sparse(0.7, _foreign_passport)),
            ),
        ),
        EvalTable(
            "zaak",
            600,
            (
                # Ten-digit case numbers issued in sequence: V-nummer look-alikes, not personal.
                C("zaaknummer", "INTEGER PRIMARY KEY", None, lambda r: 2304100000 + r.index * 7),
                C(
                    "vreemdeling_id",
                    "INTEGER REFERENCES vreemdeling(vreemdeling_id)",
                    None,
                    _fk(500),
                ),
                C(
                    "procedure",
                    "TEXT",
                    None,
                    _pick("asiel", "gezinshereniging", "arbeid", "studie"),
                ),
                C("ontvangstdatum", "TEXT", None, _nl_day),
                C("beslisdatum", "TEXT", None, _sparse(0.7, _nl_day)),
                C("uitkomst", "TEXT", None, _pick("inwilliging", "afwijzing", "intrekking")),
                # The lawyer: a professional, still a person with a personal work address.
                C("gemachtigde", "TEXT", "person.name", lambda r: f"mr. {_full(r.other)}"),
                C(
                    "gemachtigde_email",
                    "TEXT",
                    "contact.email",
                    lambda r: (
                        f"{_fold(r.other.first)[0]}.{_fold(r.other.surname)}@"
                        f"{r.rng.choice(_LAW_FIRMS)}"
                    ),
                ),
            ),
        ),
        EvalTable(
            "scan",
            300,
            (
                C("scan_id", "INTEGER PRIMARY KEY", None, _pk),
                C(
                    "vreemdeling_id",
                    "INTEGER REFERENCES vreemdeling(vreemdeling_id)",
                    None,
                    _fk(500),
                ),
                # File names made of a document kind and the surname: free text holding a name.
                C("bestandsnaam", "TEXT", "text.contains_pii", _file_name),
                # A Base64-encoded document in a text column is still a document.
                C("inhoud_b64", "TEXT", "blob.contains_pii", _b64_statement),
                C("mime", "TEXT", None, _pick("application/pdf", "image/jpeg")),
                C("grootte", "INTEGER", None, lambda r: r.rng.randint(20_000, 4_000_000)),
                # A checksum of the file: 64 hex digits like a hashed BSN, but not about a person.
                C("sha256", "TEXT", None, _hex(64)),
            ),
        ),
    ),
)

_SNOMED = ("840534001", "1119349007", "871562009", "1240581000000104", "429060002")


def _bsn_sha256(r: Row) -> str:
    return hashlib.sha256(r.person.bsn.encode()).hexdigest()


GGD = EvalDatabase(
    "ggd_registratie",
    "vaccination and testing registry: dossiers, test results, vaccinations, sites",
    (
        EvalTable(
            "dossier",
            500,
            (
                C("dossier_id", "TEXT PRIMARY KEY", None, _seq("GGD{:09d}", 100200300)),
                # Unkeyed SHA-256 of the BSN: reversible by enumeration (module docstring).
                C("bsn_sha256", "TEXT", "id.bsn", _bsn_sha256),
                C("voornaam", "TEXT", "person.first_name", lambda r: r.person.first),
                C("achternaam", "TEXT", "person.last_name", lambda r: _last(r.person)),
                C(
                    "geboortedatum",
                    "TEXT",
                    "person.birth_date",
                    lambda r: f"{r.person.born:%d/%m/%Y}",
                ),
                C("geslacht", "TEXT", "quasi.gender", _pick("Man", "Vrouw")),
                # PC4 of the home address (module docstring).
                C("pc4", "TEXT", "location.postcode", lambda r: r.person.postcode[:4]),
                C("huisnummer", "INTEGER", "location.house_number", lambda r: int(r.person.number)),
                C("mobiel", "TEXT", "contact.phone", _phone_style("intl")),
                C("email", "TEXT", "contact.email", _sparse(0.85, lambda r: r.person.email)),
                C("aangemaakt", "TIMESTAMP", None, _moment),
            ),
        ),
        EvalTable(
            "testuitslag",
            700,
            (
                # Lab sample numbers: 'L' + ten digits, phone and V-nummer look-alikes.
                C("monsternummer", "TEXT", None, _seq("L{:010d}", 3100045000)),
                C(
                    "dossier_id",
                    "TEXT REFERENCES dossier(dossier_id)",
                    None,
                    lambda r: f"GGD{100200300 + r.rng.randint(0, 499):09d}",
                ),
                C("afnamemoment", "TIMESTAMP", None, _moment),
                C("testtype", "TEXT", None, _pick("PCR", "antigeen", "LAMP")),
                C("uitslag", "TEXT", None, _pick("positief", "negatief", "negatief", "ongeldig")),
                C("labcode", "TEXT", None, _pick("LAB-03", "LAB-11", "LAB-17")),
                C("ct_waarde", "REAL", None, _sparse(0.4, _money(14, 38))),
                # Date of first symptoms, written like the birth dates: an event date.
                C("klachten_sinds", "TEXT", None, _sparse(0.5, _slash_day)),
            ),
        ),
        EvalTable(
            "vaccinatie",
            800,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C(
                    "dossier_id",
                    "TEXT REFERENCES dossier(dossier_id)",
                    None,
                    lambda r: f"GGD{100200300 + r.rng.randint(0, 499):09d}",
                ),
                C("priklocatie_id", "INTEGER REFERENCES priklocatie(id)", None, _fk(25)),
                C("vaccin", "TEXT", None, _pick("Comirnaty", "Spikevax", "Jcovden")),
                C(
                    "batchnummer",
                    "TEXT",
                    None,
                    lambda r: (
                        f"{r.rng.choice(('FK', 'EW', 'FH', 'AB'))}{r.rng.randint(1000, 9999)}"
                    ),
                ),
                C("prikdatum", "TEXT", None, _slash_day),
                C("dosisnummer", "INTEGER", None, _pick(1, 2, 3, 4)),
                C("snomed", "TEXT", None, lambda r: r.rng.choice(_SNOMED)),
                C("icd10", "TEXT", None, _pick("U07.1", "Z25.8", "Z20.8")),
                C(
                    "gezet_door",
                    "TEXT",
                    "person.name",
                    lambda r: f"{_initials(r.other)} {_last(r.other)}",
                ),
                C("opmerking", "TEXT", "text.contains_pii", _mixed_note(0.5)),
            ),
        ),
        EvalTable(
            "priklocatie",
            25,
            (
                # A vaccination site is a building of the GGD: its address is not personal.
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("naam", "TEXT", None, lambda r: f"Priklocatie {r.rng.choice(_CITIES)}"),
                C(
                    "straat_huisnr",
                    "TEXT",
                    None,
                    lambda r: f"{r.rng.choice(_SITE_STREETS)} {r.rng.randint(1, 80)}",
                ),
                C("postcode", "TEXT", None, lambda r: ids.postcode(r.rng, space_share=1.0)),
                C("pc4", "TEXT", None, lambda r: str(r.rng.randint(1000, 9999))),
                C("plaats", "TEXT", None, lambda r: r.rng.choice(_CITIES)),
                C("telefoon", "TEXT", None, _pick("088-1234500", "088-7780000", "0800-1351")),
                C("capaciteit_per_dag", "INTEGER", None, lambda r: r.rng.randint(200, 3000)),
            ),
        ),
    ),
)


def _pupil_birth(r: Row) -> str:
    born = dt.date(2006, 9, 1) + dt.timedelta(days=r.rng.randint(0, 365 * 14))
    return f"{born:%d-%m-%Y}"


def _pgn(r: Row) -> str:
    # Persoonsgebonden nummer: the BSN, or the onderwijsnummer for pupils without one.
    return ids.onderwijsnummer(r.rng) if r.rng.random() < 0.1 else r.person.bsn


def _jpeg(r: Row) -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + r.rng.randbytes(600) + b"\xff\xd9"


SCHOOL = EvalDatabase(
    "leerlingadministratie",
    "secondary-school administration: pupils, parents, absence, marks",
    (
        EvalTable(
            "leerling",
            500,
            (
                C("leerlingnummer", "INTEGER PRIMARY KEY", None, lambda r: 100234 + r.index),
                # Mostly BSNs, some onderwijsnummers: the column is a BSN column.
                C("pgn", "TEXT", "id.bsn", _pgn),
                C("roepnaam", "TEXT", "person.first_name", lambda r: r.person.first),
                C(
                    "voornamen",
                    "TEXT",
                    "person.first_name",
                    lambda r: f"{r.person.first} {_pick_first(r.rng)}",
                ),
                C("tussenvoegsel", "TEXT", "person.name_prefix", lambda r: r.person.prefix),
                C("achternaam", "TEXT", "person.last_name", lambda r: r.person.surname),
                C("geboortedatum", "TEXT", "person.birth_date", _pupil_birth),
                C("geslacht", "TEXT", "quasi.gender", _pick("m", "v")),
                C(
                    "geboorteland",
                    "TEXT",
                    "quasi.country_of_birth",
                    lambda r: "Nederland" if r.rng.random() < 0.75 else r.person.country,
                ),
                C("nationaliteit", "TEXT", "quasi.nationality", lambda r: r.person.nationality),
                C("klas", "TEXT", None, lambda r: f"{r.rng.randint(1, 6)}{r.rng.choice('ABCDE')}"),
                C("leerjaar", "INTEGER", None, lambda r: r.rng.randint(1, 6)),
                C("instroomdatum", "TEXT", None, _nl_day),
                C("lwoo", "TEXT", None, _pick("J", "N", "N", "N")),
                # A pupil's photograph identifies the child, whatever a scanner can read in it.
                C("pasfoto", "BLOB", "blob.contains_pii", _sparse(0.8, _jpeg)),
            ),
        ),
        EvalTable(
            "verzorger",
            500,
            (
                C("verzorger_id", "INTEGER PRIMARY KEY", None, _pk),
                C(
                    "leerlingnummer",
                    "INTEGER REFERENCES leerling(leerlingnummer)",
                    None,
                    lambda r: 100234 + r.rng.randint(0, 499),
                ),
                C("relatie", "TEXT", None, _pick("moeder", "vader", "voogd", "pleegouder")),
                # The salutation gives away gender.
                C("aanhef", "TEXT", "quasi.gender", _pick("Dhr.", "Mevr.", "Mevr.")),
                C(
                    "voorletters",
                    "TEXT",
                    "person.first_name",
                    lambda r: _initials(r.person, 2, r.rng),
                ),
                C("achternaam", "TEXT", "person.last_name", lambda r: _last(r.person)),
                C("email_prive", "TEXT", "contact.email", lambda r: r.person.email),
                C("telefoon_1", "TEXT", "contact.phone", lambda r: r.person.phone),
                C("telefoon_2", "TEXT", "contact.phone", _sparse(0.3, _phone_style("landline"))),
                C(
                    "adres",
                    "TEXT",
                    "location.address",
                    lambda r: f"{_street_nr(r.person)}, {r.person.postcode} {r.person.city}",
                ),
                C(
                    "iban_ouderbijdrage",
                    "TEXT",
                    "finance.iban",
                    _sparse(0.5, lambda r: r.person.iban),
                ),
                C("gezag", "TEXT", None, _pick("J", "J", "N")),
            ),
        ),
        EvalTable(
            "absentie",
            700,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C(
                    "leerlingnummer",
                    "INTEGER REFERENCES leerling(leerlingnummer)",
                    None,
                    lambda r: 100234 + r.rng.randint(0, 499),
                ),
                C("datum", "TEXT", None, _nl_day),
                C("lesuur", "INTEGER", None, lambda r: r.rng.randint(1, 9)),
                C("code", "TEXT", None, _pick("ZK", "LAAT", "VERL", "ONG")),
                # Who reported it, as a role word: not a name (hard negative).
                C("gemeld_door", "TEXT", None, _pick("ouder", "leerling", "mentor", "conciërge")),
                C("opmerking", "TEXT", "text.contains_pii", _mixed_note(0.6)),
                # Routine remarks without anyone in them (hard negative).
                C("lesnotitie", "TEXT", None, _routine_text),
            ),
        ),
        EvalTable(
            "cijfer",
            800,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C(
                    "leerlingnummer",
                    "INTEGER REFERENCES leerling(leerlingnummer)",
                    None,
                    lambda r: 100234 + r.rng.randint(0, 499),
                ),
                C("vak", "TEXT", None, _pick("NE", "EN", "WI", "GS", "BI", "FA")),
                C(
                    "toets",
                    "TEXT",
                    None,
                    lambda r: f"PTA{r.rng.randint(1, 9)}{r.rng.randint(1, 4)}",
                ),
                C("cijfer", "REAL", None, lambda r: round(r.rng.uniform(1, 10), 1)),
                C("weging", "INTEGER", None, _pick(1, 2, 3)),
                C("datum", "TEXT", None, _nl_day),
                # Teacher abbreviations are staff codes, not names (judgement: None).
                C("docent", "TEXT", None, _pick("HVR", "KLM", "BRT", "SNW", "DJK")),
            ),
        ),
    ),
)


def _house_nr_text(r: Row) -> str:
    return r.person.number + r.rng.choice(("", "", "", "-2", " bis", "A", "-hs"))


def _kvk(r: Row) -> str:
    return str(r.rng.randint(10000000, 99999999))


def _vat(r: Row) -> str:
    """A post-2020 sole-trader btw-id: NL + 9 digits + B + 2 digits, mod 97 over the whole."""
    head = "".join(r.rng.choice("0123456789") for _ in range(7))
    suffix = f"{r.rng.randint(1, 99):02d}"
    for tail in range(100):  # 10**4 is invertible mod 97: some tail always fits
        candidate = f"NL{head}{tail:02d}B{suffix}"
        if int("".join(str(int(ch, 36)) for ch in candidate)) % 97 == 1:
            return candidate
    raise AssertionError("unreachable: every residue occurs among 97 consecutive tails")


PARKING = EvalDatabase(
    "parkeervergunningen",
    "parking permits: permit holders, permits, businesses, enforcement scans",
    (
        EvalTable(
            "vergunninghouder",
            500,
            (
                C("relatienummer", "INTEGER PRIMARY KEY", None, lambda r: 880000 + r.index),
                C(
                    "naam",
                    "TEXT",
                    "person.name",
                    lambda r: (lambda s: s.upper() if r.rng.random() < 0.3 else s)(
                        f"{_last(r.person)}, {_initials(r.person)}"
                    ),
                ),
                C("straatnaam", "TEXT", "location.street", lambda r: r.person.street),
                C("huisnummer", "TEXT", "location.house_number", _house_nr_text),
                C(
                    "postcode",
                    "TEXT",
                    "location.postcode",
                    lambda r: (
                        r.person.postcode.replace(" ", "").lower()
                        if r.rng.random() < 0.4
                        else r.person.postcode
                    ),
                ),
                C("plaats", "TEXT", "location.city", lambda r: r.person.city.upper()),
                C("email", "TEXT", "contact.email", lambda r: r.person.email),
                C("telefoonnummer", "TEXT", "contact.phone", lambda r: r.person.phone),
                C("rekening", "TEXT", "finance.iban", lambda r: r.person.iban),
                C("bsn", "TEXT", "id.bsn", lambda r: r.person.bsn.lstrip("0")),
                C("klant_sinds", "TEXT", None, _iso_day),
            ),
        ),
        EvalTable(
            "vergunning",
            500,
            (
                C("vergunningnummer", "TEXT PRIMARY KEY", None, _seq("PV24-{:06d}", 4512)),
                C(
                    "houder_id",
                    "INTEGER REFERENCES vergunninghouder(relatienummer)",
                    None,
                    lambda r: 880000 + r.rng.randint(0, 499),
                ),
                C("kenteken", "TEXT", "id.license_plate", _plate_compact),
                C("kenteken2", "TEXT", "id.license_plate", _sparse(0.2, _plate_compact)),
                C("zone", "TEXT", None, _pick("A1", "A2", "B3", "Centrum", "Havenkwartier")),
                C("soort", "TEXT", None, _pick("bewoner", "bezoeker", "mantelzorg", "bedrijf")),
                C("ingang", "TEXT", None, _iso_day),
                C("einde", "TEXT", None, _iso_day),
                C("tarief", "REAL", None, _money(20, 600)),
                C("actief", "TEXT", None, _pick("J", "N")),
            ),
        ),
        EvalTable(
            "bedrijf",
            150,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                # Businesses in a residential zone, mostly sole traders: the KvK record is personal.
                C("kvk", "TEXT", "id.kvk", _kvk),
                # A trade name: not labelled, although a sole trader's may contain a name.
                C(
                    "handelsnaam",
                    "TEXT",
                    None,
                    _pick(
                        "Bakkerij Het Korenaar",
                        "Fietsenmaker De Spaak",
                        "Kapsalon Knip",
                        "Loodgietersbedrijf Waterdicht",
                    ),
                ),
                C("btw_id", "TEXT", "id.vat", _vat),
                C("contact_naam", "TEXT", "person.name", lambda r: _full(r.person)),
                C("contact_tel", "TEXT", "contact.phone", _phone_style("mobile")),
            ),
        ),
        EvalTable(
            "scanregistratie",
            800,
            (
                C("scan_id", "INTEGER PRIMARY KEY", None, _pk),
                C("kenteken", "TEXT", "id.license_plate", lambda r: ids.license_plate(r.rng)),
                C("straatcode", "TEXT", None, lambda r: f"STR{r.rng.randint(100, 999)}"),
                C("scanmoment", "TIMESTAMP", None, _moment),
                C("scanauto", "TEXT", None, _pick("SCAN03", "SCAN07", "SCAN11")),
                C("resultaat", "TEXT", None, _pick("geldig", "geldig", "geen recht", "naheffing")),
                # Sequential assessment numbers that pass the 11-proef: not BSNs.
                C("naheffingsaanslag", "INTEGER", None, _nine_digit_sequence(612000000)),
            ),
        ),
    ),
)

_PLACEHOLDER_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

LIBRARY = EvalDatabase(
    "library_saas",
    "library and loyalty SaaS in English: members, loans, titles, audit, webhooks",
    (
        EvalTable(
            "members",
            500,
            (
                C("id", "TEXT PRIMARY KEY", None, _uuid),
                # The library card barcode: a pseudonymous key (module docstring).
                C("card_barcode", "TEXT", None, _seq("2999001{:07d}", 120)),
                C("given_name", "TEXT", "person.first_name", lambda r: r.person.first),
                C("family_name", "TEXT", "person.last_name", lambda r: _last(r.person)),
                C("display_name", "TEXT", "person.name", lambda r: _full(r.person)),
                C(
                    "dob",
                    "TEXT",
                    "person.birth_date",
                    lambda r: f"{r.person.born.isoformat()}T00:00:00Z",
                ),
                C("email", "TEXT", "contact.email", lambda r: r.person.email),
                C(
                    "phone_e164",
                    "TEXT",
                    "contact.phone",
                    lambda r: ids.format_phone(ids.mobile(r.rng), "intl"),
                ),
                C("address_line1", "TEXT", "location.street", lambda r: _street_nr(r.person)),
                C("postal_code", "TEXT", "location.postcode", lambda r: r.person.postcode),
                C("city", "TEXT", "location.city", lambda r: r.person.city),
                # Country of residence, nearly always NL: no category (judgement: None).
                C("country_code", "TEXT", None, _pick("NL", "NL", "NL", "NL", "BE")),
                C("joined_at", "TIMESTAMP", None, _moment),
                C("tier", "TEXT", None, _pick("basic", "plus", "family")),
                C("newsletter", "INTEGER", None, _pick(0, 1)),
                C("last_login_ip", "TEXT", "network.ip", _ip_mix),
                # The same default avatar image for everyone: no person in it.
                C("avatar", "BLOB", None, lambda r: _PLACEHOLDER_PNG),
            ),
        ),
        EvalTable(
            "loans",
            800,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("member_id", "TEXT", None, _uuid),
                # ISBN-13: 13 digits starting 978 (hard negative).
                C("isbn13", "TEXT", None, _isbn13),
                C("checked_out_at", "TIMESTAMP", None, _moment),
                C("due_on", "DATE", None, _iso_day),
                C("returned_at", "TIMESTAMP", None, _sparse(0.8, _moment)),
                C("fine_cents", "INTEGER", None, lambda r: r.rng.choice((0, 0, 0, 25, 150, 300))),
                C("branch", "TEXT", None, _pick("CEN", "NRD", "ZUI")),
            ),
        ),
        EvalTable(
            "titles",
            400,
            (
                C("isbn13", "TEXT", None, _isbn13),
                C(
                    "title",
                    "TEXT",
                    None,
                    _pick(
                        "De avonden",
                        "Max Havelaar",
                        "The Hobbit",
                        "Kees de jongen",
                        "Het verdriet van België",
                    ),
                ),
                # Published authors: public bibliographic data, not data about the library's
                # members (judgement: None; a strict reading would say person.name).
                C("author", "TEXT", None, lambda r: _full(r.person)),
                # Years of publication: years that are not birth years (hard negative).
                C("pub_year", "INTEGER", None, lambda r: r.rng.randint(1950, 2024)),
                C(
                    "publisher",
                    "TEXT",
                    None,
                    _pick("Querido", "Prometheus", "Penguin", "De Bezige Bij"),
                ),
            ),
        ),
        EvalTable(
            "audit_events",
            800,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("occurred_at", "TIMESTAMP", None, _moment),
                # The staff member who acted, by their work e-mail address.
                C(
                    "actor",
                    "TEXT",
                    "contact.email",
                    lambda r: (
                        f"{_fold(r.other.first)}.{_fold(r.other.surname)}@bibliotheek-plus.nl"
                    ),
                ),
                C("ip", "TEXT", "network.ip", _ip_mix),
                C(
                    "user_agent",
                    "TEXT",
                    None,
                    _pick(
                        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0",
                        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15",
                    ),
                ),
                C("action", "TEXT", None, _pick("member.update", "loan.create", "login")),
                C("target_id", "TEXT", None, _uuid),
                C("diff", "JSON", "json.contains_pii", _audit_diff),
            ),
        ),
        EvalTable(
            "webhook_deliveries",
            500,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C(
                    "endpoint_url",
                    "TEXT",
                    None,
                    _pick("https://hooks.partner.example/loans", "https://erp.example.org/in"),
                ),
                C("event", "TEXT", None, _pick("loan.created", "loan.returned")),
                # JSON without anyone in it (hard negative).
                C("payload", "JSON", None, _webhook_payload),
                C("status_code", "INTEGER", None, _pick(200, 200, 202, 500)),
                C("attempted_at", "TIMESTAMP", None, _moment),
            ),
        ),
    ),
)


def _two_digit_birth(r: Row) -> str:
    return f"{r.person.born:%d-%m-%y}"


def _upper_name(r: Row) -> str:
    return f"{_last(r.person).upper()}, {_initials(r.person)}"


# kolom1..kolom25 of a positional export: (label, type, generator) by position.
_POSITIONAL: tuple[tuple[str | None, str, Gen], ...] = (
    (None, "INTEGER", _pk),
    (None, "TEXT", _seq("PL1300-2023{:06d}", 1200)),
    ("person.last_name", "TEXT", lambda r: _last(r.person)),
    ("person.first_name", "TEXT", lambda r: r.person.first),
    ("person.birth_date", "TEXT", lambda r: r.person.born.isoformat()),
    ("quasi.gender", "TEXT", _pick("M", "V")),
    ("id.bsn", "TEXT", lambda r: r.person.bsn),
    ("location.street", "TEXT", lambda r: r.person.street),
    ("location.house_number", "TEXT", lambda r: r.person.number),
    ("location.postcode", "TEXT", lambda r: r.person.postcode),
    ("location.city", "TEXT", lambda r: r.person.city),
    ("contact.phone", "TEXT", lambda r: r.person.phone),
    ("contact.email", "TEXT", _sparse(0.6, lambda r: r.person.email)),
    (None, "TEXT", _iso_day),
    (None, "TEXT", _pick("F110", "E360", "D100", "B120")),
    (None, "REAL", _money(0, 5000)),
    ("id.license_plate", "TEXT", _sparse(0.5, lambda r: ids.license_plate(r.rng))),
    (None, "TEXT", _pick("J", "N")),
    ("quasi.nationality", "TEXT", lambda r: r.person.nationality),
    ("text.contains_pii", "TEXT", _relaas),
    (None, "TEXT", lambda r: None),  # an empty column: nothing in it
    (None, "TEXT", lambda r: "BVH"),
    ("finance.iban", "TEXT", _sparse(0.4, lambda r: r.person.iban)),
    (None, "INTEGER", _nine_digit_sequence(400100000)),
    ("network.ip", "TEXT", lambda r: ids.ipv4(r.rng)),
)

POLICE = EvalDatabase(
    "incidentregistratie",
    "police-like incident log: incidents with narratives, persons involved, vehicles, export",
    (
        EvalTable(
            "incident",
            500,
            (
                C("incidentnummer", "TEXT PRIMARY KEY", None, _seq("PL1300-2024{:06d}", 1)),
                C("meldtijd", "TIMESTAMP", None, _moment),
                C("mk_code", "TEXT", None, _pick("F110", "E360", "D100", "B120")),
                # Street and number where it happened: often someone's home (judgement: street).
                C("pleeglocatie", "TEXT", "location.street", lambda r: _street_nr(r.person)),
                # The municipality where it happened: a place of an event (judgement: None).
                C("pleeggemeente", "TEXT", None, lambda r: r.rng.choice(_CITIES)),
                C("relaas", "TEXT", "text.contains_pii", _relaas),
                C("prioriteit", "INTEGER", None, _pick(1, 2, 3)),
                C("afgehandeld", "TEXT", None, _pick("J", "N")),
                C("eenheid", "TEXT", None, _pick("Basisteam Zaanstreek", "Basisteam Rivierenland")),
            ),
        ),
        EvalTable(
            "betrokkene",
            500,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C(
                    "incidentnummer",
                    "TEXT REFERENCES incident(incidentnummer)",
                    None,
                    lambda r: f"PL1300-2024{r.rng.randint(1, 500):06d}",
                ),
                C("rol", "TEXT", None, _pick("aangever", "verdachte", "getuige", "benadeelde")),
                C("naam", "TEXT", "person.name", _upper_name),
                C("geboortedatum", "TEXT", "person.birth_date", _two_digit_birth),
                C("geboorteplaats", "TEXT", "quasi.place_of_birth", lambda r: r.person.birth_place),
                C("bsn", "TEXT", "id.bsn", _sparse(0.7, _bsn_dotted)),
                C(
                    "id_bewijs",
                    "TEXT",
                    "id.passport",
                    _sparse(0.6, lambda r: ids.passport_number(r.rng)),
                ),
                C("telefoon", "TEXT", "contact.phone", _sparse(0.8, lambda r: r.person.phone)),
            ),
        ),
        EvalTable(
            "voertuig",
            400,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C(
                    "incidentnummer",
                    "TEXT REFERENCES incident(incidentnummer)",
                    None,
                    lambda r: f"PL1300-2024{r.rng.randint(1, 500):06d}",
                ),
                C("kenteken", "TEXT", "id.license_plate", lambda r: ids.license_plate(r.rng)),
                C("merk", "TEXT", None, _pick("Volkswagen", "Toyota", "Peugeot", "Kia")),
                C("kleur", "TEXT", None, _pick("grijs", "zwart", "wit", "blauw")),
                C("land", "TEXT", None, _pick("NL", "NL", "PL", "D", "B")),
            ),
        ),
        EvalTable(
            "BVH_EXPORT_2023",
            400,
            tuple(
                C(f"kolom{i}", type_, label, gen)
                for i, (label, type_, gen) in enumerate(_POSITIONAL, start=1)
            ),
        ),
    ),
)


def _upper_optional_partner(gen: Callable[[Row], Any]) -> Gen:
    # About half the clients have a partner; partner columns are NULL otherwise.
    return lambda r: gen(r) if r.index % 2 == 0 else None


DEBT = EvalDatabase(
    "schuldhulp_export",
    "debt-counselling export: UPPERCASE Dutch names without underscores, field_a.. columns, XML",
    (
        EvalTable(
            "EXPORTCLIENTEN",
            500,
            (
                C("RELATIENUMMER", "INTEGER", None, lambda r: 7700100 + r.index),
                C("BURGERSERVICENUMMER", "INTEGER", "id.bsn", lambda r: int(r.person.bsn)),
                C(
                    "VOORLETTERS",
                    "TEXT",
                    "person.first_name",
                    lambda r: _initials(r.person, 2, r.rng).replace(".", ""),
                ),
                C("VOORVOEGSELS", "TEXT", "person.name_prefix", lambda r: r.person.prefix.upper()),
                C("GESLACHTSNAAM", "TEXT", "person.last_name", lambda r: r.person.surname.upper()),
                C(
                    "GEBOORTEDATUM",
                    "TEXT",
                    "person.birth_date",
                    lambda r: f"{r.person.born:%Y%m%d}",
                ),
                C("GESLACHTSAANDUIDING", "TEXT", "quasi.gender", _pick("M", "V", "O")),
                C(
                    "NAAMPARTNER",
                    "TEXT",
                    "person.name",
                    _upper_optional_partner(lambda r: _full(r.other).upper()),
                ),
                C(
                    "GEBOORTEDATUMPARTNER",
                    "TEXT",
                    "person.birth_date",
                    _upper_optional_partner(lambda r: f"{r.other.born:%Y%m%d}"),
                ),
                C(
                    "BSNPARTNER",
                    "INTEGER",
                    "id.bsn",
                    _upper_optional_partner(lambda r: int(r.other.bsn)),
                ),
                C("STRAATNAAM", "TEXT", "location.street", lambda r: r.person.street.upper()),
                C("HUISNUMMER", "INTEGER", "location.house_number", lambda r: int(r.person.number)),
                C(
                    "HUISNUMMERTOEVOEGING",
                    "TEXT",
                    "location.house_number",
                    _sparse(0.2, _pick("A", "BIS", "2HG", "ZW")),
                ),
                C(
                    "POSTCODE",
                    "TEXT",
                    "location.postcode",
                    lambda r: r.person.postcode.replace(" ", ""),
                ),
                C("WOONPLAATSNAAM", "TEXT", "location.city", lambda r: r.person.city.upper()),
                C("TELEFOONNUMMERMOBIEL", "TEXT", "contact.phone", lambda r: ids.mobile(r.rng)),
                C(
                    "TELEFOONNUMMERVAST",
                    "TEXT",
                    "contact.phone",
                    _sparse(0.4, lambda r: ids.landline(r.rng)),
                ),
                C("EMAILADRES", "TEXT", "contact.email", lambda r: r.person.email.upper()),
                C("REKENINGNUMMERIBAN", "TEXT", "finance.iban", lambda r: r.person.iban),
                # BRP table-32 nationality codes (0001 = Nederlandse): still a nationality.
                C("NATIONALITEITCODE", "TEXT", "quasi.nationality", lambda r: _origin(r.person)[3]),
                C("AANTALKINDEREN", "INTEGER", None, lambda r: r.rng.choice((0, 0, 1, 2, 3, 5))),
                C("TOTAALSCHULD", "REAL", None, _money(300, 90000)),
                C("INTAKEDATUM", "TEXT", None, lambda r: f"{_day(r):%Y%m%d}"),
                C("STATUSCODE", "TEXT", None, _pick("INT", "STAB", "MSNP", "AFG")),
                # The court-appointed administrator, usually a sole trader: a personal KvK.
                C("BEWINDVOERDERKVK", "TEXT", "id.kvk", _sparse(0.35, _kvk)),
            ),
        ),
        EvalTable(
            "SCHULDEISERS",
            600,
            (
                C("field_a", "INTEGER", None, _pk),
                C("field_b", "INTEGER", None, lambda r: 7700100 + r.rng.randint(0, 499)),
                C(
                    "field_c",
                    "TEXT",
                    None,
                    _pick(
                        "Belastingdienst",
                        "CJIB",
                        "Vattenfall",
                        "Zilveren Kruis",
                        "DUO",
                        "Woonstichting De Key",
                    ),
                ),
                C("field_d", "REAL", None, _money(20, 12000)),
                # The creditor's payment reference: 16 digits (hard negative).
                C(
                    "field_e",
                    "TEXT",
                    None,
                    lambda r: "".join(r.rng.choice("0123456789") for _ in range(16)),
                ),
                # The creditor organisation's IBAN: not a person's account (judgement: None).
                C(
                    "field_f",
                    "TEXT",
                    None,
                    lambda r: r.rng.choice(
                        ("NL86INGB0002445588", "NL51ABNA0242457770", "NL13RABO0300008066")
                    ),
                ),
                C("field_g", "TEXT", None, lambda r: f"{_day(r):%Y%m%d}"),
                C("field_h", "TEXT", None, _pick("J", "N")),
            ),
        ),
        EvalTable(
            "BERICHTEN",
            400,
            (
                C("BERICHTID", "INTEGER PRIMARY KEY", None, _pk),
                C("RELATIENUMMER", "INTEGER", None, lambda r: 7700100 + r.rng.randint(0, 499)),
                C("BERICHTTYPE", "TEXT", None, _pick("AANMELDING", "WIJZIGING")),
                # An XML message: structured text; the anonymizer would redact it as text.
                C("BERICHTXML", "TEXT", "text.contains_pii", _stuf_xml),
                # A keyed pseudonym (HMAC, key held elsewhere): not reversible here (None).
                C(
                    "PSEUDOID",
                    "TEXT",
                    None,
                    lambda r: hmac.new(b"ketenkey", r.person.bsn.encode(), "sha256").hexdigest()[
                        :32
                    ],
                ),
                C("VERZONDEN", "TEXT", None, _pick("J", "N")),
            ),
        ),
    ),
)

DATABASES: tuple[EvalDatabase, ...] = (WMO, DUO, IND, GGD, SCHOOL, PARKING, LIBRARY, POLICE, DEBT)


POOL = 500  # people per database; a table's rows walk through them from a random start


def build_database(spec: EvalDatabase, path: Path, seed: int) -> None:
    """Write one blind database to ``path``, replacing any file there.

    Each database has its own population of ``POOL`` people; row ``i`` of a table is about
    person ``start + i`` (so a table of up to ``POOL`` rows has no person twice) and names a
    second person drawn at random (a partner, carer, case worker or lawyer).
    """
    rng = random.Random(f"blind:{spec.name}:{seed}")
    pool = [make_person(rng) for _ in range(POOL)]

    def rows_for(tdef: EvalTable) -> Iterator[Row]:
        offset = rng.randrange(POOL)
        for i in range(tdef.rows):
            person = pool[(offset + i) % POOL]
            yield Row(rng=rng, index=i, person=person, other=pool[rng.randrange(POOL)])

    write_database(spec, path, rows_for)


def build_blind_sets(out_dir: Path, seed: int = 37) -> list[EvalSet]:
    """Build every blind database under ``out_dir``; same seed, same files."""
    return build_sets("blind", DATABASES, build_database, out_dir, seed)

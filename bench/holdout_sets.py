"""Holdout databases for ``sluis scan``: schemas in styles the scanner was not written against.

``eval_sets`` was written alongside the scanner; these six SQLite databases were written
apart from it, in the way a supplier's SaaS, a legacy HR system, a mainframe export, a
hospital, a housing corporation and the chain messages between UWV, DUO, IND, CAK and
municipalities name and store things: English, German and Dutch names, Hungarian notation,
abbreviations, affixes, wide ``c01..c40`` tables, NULL-heavy columns, empty tables and
look-alike traps. Every column carries the label a careful privacy officer would give.

Decisions that apply throughout (ambiguous single columns are commented at their label):

* Surrogate keys and internal numbers (``patient_id``, ``mrn``, ``huurdernr``) point at a
  person but have no category of their own; like the keys in ``eval_sets`` they are ``None``.
* Ages are ``None``: there is no age category. Age columns (quasi-identifiers at most):
  ``saas_crm/customer.age``, ``hr_legacy/tblPersoon.intLeeftijd``,
  ``ziekenhuis/patient.leeftijd``, ``huurders/huurder.leeftijd_hoofdbewoner``.
* A municipality named as an administrative unit (the authority, a department's seat, a
  test location, a unit's municipality) is ``None``; a person's place of residence is
  ``location.city``.
* IBANs are ``finance.iban`` even when they belong to an organisation: the category is the
  kind of value, and an anonymizer must treat the column as account numbers either way.
* Columns of empty tables are labelled by what they would hold.
* A column where only a few rows hold personal data (remarks) is labelled by that data.
* Company names, ISO country codes of products, building years and delivery dates,
  invoice, order and dossier numbers are ``None`` even where they look personal.

Person names come from ``bench/names_holdout/`` (hand-written, never Faker). About 70 % of
the people get a first name and a surname from the ``*_unseen`` lists, which held no name
of the scanner's lexicon when they were written.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import random
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from bench.eval_sets import (
    CITIES,
    C,
    EvalColumn,
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

NAMES_DIR = Path(__file__).parent / "names_holdout"
POPULATION = 1_500  # people per database
UNSEEN_SHARE = 0.7  # share of people whose first name and surname come from the unseen lists


def read_sections(filename: str) -> dict[str, list[str]]:
    """Names per ``# section: NAME`` block of one list file (``main`` before any header)."""
    sections: dict[str, list[str]] = {"main": []}
    current = "main"
    for raw in (NAMES_DIR / filename).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("# section:"):
            current = line.split(":", 1)[1].split("(")[0].strip()
            sections.setdefault(current, [])
        elif line and not line.startswith("#"):
            sections[current].append(line)
    return {name: names for name, names in sections.items() if names}


def _all(sections: dict[str, list[str]]) -> list[str]:
    return [n for names in sections.values() for n in names]


FIRST_UNSEEN = _all(read_sections("first_names_unseen.txt"))
FIRST_SEEN = _all(read_sections("first_names_seen.txt"))
SURNAMES_UNSEEN = read_sections("surnames_unseen.txt")
SURNAMES_SEEN = read_sections("surnames_seen.txt")

_PARTICLES = ("van", "de", "van der", "van den", "ter", "te", "van 't", "in 't", "op den", "den")
_STREETS = (
    "Zuiderzeeweg",
    "Vondelstraat",
    "Klaverpad",
    "Esdoornerf",
    "Populierenwal",
    "Kastanjedreef",
    "Pieter de Hoochstraat",
    "Van Heutszlaan",
    "Generaal Foulkesweg",
    "Admiraal de Ruijterweg",
    "Johan de Wittlaan",
    "Hobbemakade",
    "Da Costastraat",
    "Bilderdijkpark",
    "Troelstralaan",
    "Aletta Jacobsstraat",
    "Dr. Schaepmanstraat",
    "Brink",
    "Markt",
    "Hofstede",
    "De Wending",
    "Achter de Kerk",
    "Oude Gracht",
    "Lange Nieuwstraat",
    "Zandpad",
    "Kanaalweg Oostzijde",
    "Nieuwe Binnenweg",
    "Tweede Oosterparkstraat",
    "Rijksstraatweg",
    "Polderdijk",
)
_MAIL_DOMAINS = (
    "planet.nl",
    "home.nl",
    "icloud.com",
    "telfort.nl",
    "gmx.de",
    "caiway.nl",
    "zeelandnet.nl",
    "hetnet.nl",
    "gmail.com",
    "hotmail.com",
)
_ORIGINS = (
    ("Syrië", "SYR", "Syrische", ("Damascus", "Deir ez-Zor", "Latakia")),
    ("Eritrea", "ERI", "Eritrese", ("Asmara", "Mendefera", "Adi Keyh")),
    ("Somalië", "SOM", "Somalische", ("Baidoa", "Beledweyne")),
    ("Turkije", "TUR", "Turkse", ("Kayseri", "Konya", "Yozgat")),
    ("Afghanistan", "AFG", "Afghaanse", ("Mazar-i-Sharif", "Kandahar")),
    ("Iran", "IRN", "Iraanse", ("Isfahan", "Tabriz")),
    ("Oekraïne", "UKR", "Oekraïense", ("Dnipro", "Zaporizhzhia", "Odesa")),
    ("Ghana", "GHA", "Ghanese", ("Kumasi", "Tamale")),
    ("Suriname", "SUR", "Surinaamse", ("Paramaribo", "Moengo")),
    ("Nederland", "NLD", "Nederlandse", ("Leeuwarden", "Heerenveen", "Winterswijk", "Goes")),
)
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
_MUNICIPALITIES = (
    "Súdwest-Fryslân",
    "Westerkwartier",
    "Midden-Groningen",
    "Het Hogeland",
    "Dijk en Waard",
    "Land van Cuijk",
    "Maashorst",
    "Hoeksche Waard",
    "Altena",
    "Molenlanden",
    "Vijfheerenlanden",
    "Noardeast-Fryslân",
    "Beekdaelen",
    "Eemsdelta",
    "Westerwolde",
)
_COMPANIES = (
    "Installatiebedrijf Van Dijk B.V.",
    "Schoonmaakbedrijf Hesselink & Zn.",
    "Bouwbedrijf Wolterink Holding B.V.",
    "Glazenwasserij De Zon",
    "Schilderwerken Kranendonk V.O.F.",
    "Hoveniersbedrijf Groen Dichtbij",
    "Loodgieter Osei Services",
    "Dakdekkers Noord B.V.",
    "Elektro Ramdin",
    "Tegelzetter Kaplan",
    "Acme Facilities Europe Ltd.",
    "Stichting Buurtwerk Oost",
    "Veiligheidsregio Noord",
    "Hermes Logistiek B.V.",
)


def _fold(text: str) -> str:
    text = text.replace("ı", "i").replace("ł", "l").replace("Ł", "L")
    bare = unicodedata.normalize("NFKD", text)
    return "".join(c for c in bare if c.isascii() and c.isalnum()).lower()


def make_person(rng: random.Random) -> Person:
    """One invented person; mostly names from the unseen lists."""
    unseen = rng.random() < UNSEEN_SHARE
    firsts = FIRST_UNSEEN if unseen else FIRST_SEEN
    surnames = SURNAMES_UNSEEN if unseen else SURNAMES_SEEN
    section = rng.choice(sorted(surnames))
    surname = rng.choice(surnames[section])
    prefix = ""
    if surname.startswith("Van "):
        prefix, surname = "van", surname[4:]
    elif section == "dutch" and rng.random() < 0.3:
        prefix = rng.choice(_PARTICLES)
    first = rng.choice(firsts)
    country, _code, nationality, places = rng.choice(_ORIGINS)
    local = f"{_fold(first)}{rng.choice(('.', '_', '', '-'))}{_fold(prefix + surname)}"
    if rng.random() < 0.3:
        local = f"{_fold(first)[0]}{_fold(surname)}{rng.randint(1, 999)}"
    return Person(
        first=first,
        prefix=prefix,
        surname=surname,
        gender=rng.choice("MV"),
        born=dt.date(1931, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 76)),
        country=country,
        nationality=nationality,
        birth_place=rng.choice(places),
        street=rng.choice(_STREETS),
        number=str(rng.randint(1, 450)) + rng.choice(("", "", "", "", "a", "-III", " hs")),
        postcode=ids.postcode(rng),
        city=rng.choice(CITIES),
        email=f"{local}@{rng.choice(_MAIL_DOMAINS)}",
        phone=ids.phone(rng),
        bsn=ids.bsn(rng, leading_zero_share=0.2),
        iban=ids.iban(rng),
    )


# ---- value writers: how the people above end up in the columns ----


def _initials(r: Row) -> str:
    extra = r.rng.choice(("", "", "", "J.", "M.", "H.W."))
    return f"{r.person.first[0].upper()}.{extra}"


def _lastname_initial(p: Person) -> str:
    return f"{p.surname}, {p.first[0]}." + (f" {p.prefix}" if p.prefix else "")


def _upper_comma(p: Person) -> str:
    return f"{p.surname.upper()}, {p.first}" + (f" {p.prefix}" if p.prefix else "")


def _all_firsts(r: Row) -> str:
    return r.person.first if r.rng.random() < 0.5 else f"{r.person.first} {r.other.first}"


def _bsn_mixed(r: Row) -> str:
    style = r.rng.choice(("plain", "dotted", "spaced", "short", "spaced"))
    return ids.format_bsn(r.person.bsn, style)


def _bsn_float(r: Row) -> float:
    return float(int(r.person.bsn))


def _bsn_encrypted(r: Row) -> str:
    key = bytes(r.rng.getrandbits(8) for _ in range(9))
    cipher = bytes(a ^ b for a, b in zip(r.person.bsn.encode(), key, strict=True))
    return base64.b64encode(
        key[:4] + cipher + bytes(r.rng.getrandbits(8) for _ in range(11))
    ).decode()


def _national(r: Row, mobile_share: float = 0.7) -> str:
    return ids.mobile(r.rng) if r.rng.random() < mobile_share else ids.landline(r.rng)


def _phone_trunk(r: Row) -> str:  # +31 (0)6 12345678
    return ids.format_phone(_national(r), "intl_trunk")


def _phone_0031(r: Row) -> str:  # 0031 6 12345678 / 0031612345678
    n = _national(r)
    return r.rng.choice(
        (f"0031 {n[1]} {n[2:]}" if n[1] == "6" else f"0031 {n[1:]}", "0031" + n[1:])
    )


def _phone_parens(r: Row) -> str:  # (020) 123 45 67, (0318) 12 34 56
    head, tail = ids.format_phone(ids.landline(r.rng), "spaced").split(" ")
    groups = (
        f"{tail[:3]} {tail[3:5]} {tail[5:]}"
        if len(tail) == 7
        else f"{tail[:2]} {tail[2:4]} {tail[4:]}"
    )
    return f"({head}) {groups}"


def _sometimes(share: float, gen: Gen) -> Gen:
    """``gen`` in about ``share`` of the rows, NULL elsewhere."""
    return lambda r: gen(r) if r.rng.random() < share else None


def _pk(r: Row) -> int:
    return r.index + 1


def _fk(rows: int) -> Gen:
    return lambda r: r.rng.randint(1, rows)


def _pick(*values: Any) -> Gen:
    return lambda r: r.rng.choice(values)


def _date_between(r: Row, start: int, end: int) -> dt.date:
    first = dt.date(start, 1, 1)
    return first + dt.timedelta(days=r.rng.randint(0, (dt.date(end, 12, 31) - first).days))


def _event_ts(r: Row) -> str:
    day = _date_between(r, 2016, 2024)
    return f"{day.isoformat()} {r.rng.randint(7, 19):02d}:{r.rng.randint(0, 59):02d}:00"


def _age(r: Row) -> int:
    return (dt.date(2024, 6, 1) - r.person.born).days // 365


def _dossier_numbers(start: int, count: int = 3_000) -> list[int]:
    """Sequential numbers from ``start`` that pass the 11-proef: a BSN look-alike trap.

    The first eight digits count up; the ninth is the one digit that passes, when there is one.
    """
    found: list[int] = []
    head = start // 10
    while len(found) < count:
        total = sum(
            w * int(d) for w, d in zip((9, 8, 7, 6, 5, 4, 3, 2), f"{head:08d}", strict=True)
        )
        check = total % 11
        if check < 10 and head * 10 + check >= start:
            found.append(head * 10 + check)
        head += 1
    return found


@cache
def _dossiers(start: int) -> tuple[int, ...]:
    return tuple(_dossier_numbers(start))


def _dossier(start: int) -> Gen:
    return lambda r: _dossiers(start)[r.index]


def _order_like_phone(base: int) -> Gen:
    # 06 + 8 digits in sequence: a valid mobile number by shape, an order number by meaning.
    return lambda r: f"06{base + r.index * 17:08d}"


def _invoice10(r: Row) -> str:
    return f"{r.rng.randint(2019, 2024)}{r.index + 1:06d}"


def _invoice10_random(r: Row) -> int:
    return r.rng.randint(1_000_000_000, 9_999_999_999)


def _amount(r: Row) -> float:
    return round(r.rng.uniform(1, 4_000), 2)


def _address_line(p: Person) -> str:
    return f"{p.street} {p.number}, {p.postcode} {p.city.upper()}"


def _remarks(share: float) -> Gen:
    """Mostly empty remarks; about ``share`` of rows name a person or an identifier."""

    def gen(r: Row) -> str | None:
        roll = r.rng.random()
        p = r.person
        if roll < share:
            return r.rng.choice(
                (
                    f"contactpersoon {p.first} {p.last}, tel {p.phone}",
                    f"post retour, nieuw adres {p.street} {p.number} {p.city}",
                    f"let op: BSN {ids.format_bsn(p.bsn, 'dotted')} gecorrigeerd",
                    f"Mail voortaan naar {p.email}",
                )
            )
        if roll < 0.35:
            return r.rng.choice(("", "n.v.t.", "-", "zie dossier", "OK", "gecontroleerd"))
        return None

    return gen


def _complaint(r: Row) -> str:
    p, o = r.person, r.other
    rng = r.rng
    neutral = (
        "The app crashes when I open the invoice overview.",
        "Levering is al twee weken te laat, graag actie.",
        "Lekkage in de badkamer, plafond van de benedenburen is nat.",
        "Cannot reset my password, the link has expired.",
        "Geluidsoverlast van de buren na 23:00 uur.",
    )
    if rng.random() < 0.3:
        return rng.choice(neutral)
    return rng.choice(
        (
            f"Hello, my name is {p.first} {p.last}. I was charged twice, "
            f"please call me back on {p.phone}.",
            f"Mijn buurman {o.first} {o.last} zet steeds zijn afval voor mijn deur. "
            f"Groet, {p.first}",
            f"Dear support, please send the refund to {p.iban} (account holder {p.full}).",
            f"Ik ben {p.full} en ik woon op {p.street} {p.number}. De verwarming doet het niet.",
            f"Please update my e-mail to {p.email}; the old one no longer works. {p.first}",
            f"Klacht namens mijn moeder mevr. {o.last}, geboren {_date_nl_words(o.born)}.",
        )
    )


def _date_nl_words(day: dt.date) -> str:
    return f"{day.day} {_MONTHS_NL[day.month - 1]} {day.year}"


def _lowercase_note(r: Row) -> str:
    p, o = r.person, r.other
    options = (
        f"pt gezien, {p.first.lower()} {p.last.lower()} klaagt over hoofdpijn sinds 3 dgn",
        f"partner {o.first.lower()} belt morgen terug op {p.phone}",
        f"controle over 2 wk. huisarts {o.last.lower()} geinformeerd",
        f"pt woont sinds kort in {p.city.lower()}, vervoer regelen",
        "bloeddruk ok, medicatie ongewijzigd",
        "geen bijzonderheden, volgende afspraak via poli",
    )
    return r.rng.choice(options)


def _contact_json(r: Row) -> str:
    o = r.other
    payload: dict[str, Any] = {
        "contacts": [
            {
                "rol": r.rng.choice(("partner", "kind", "buurman", "mantelzorger")),
                "naam": {"voornaam": o.first, "achternaam": o.last},
                "bereikbaar": {"mobiel": o.phone} if r.rng.random() < 0.7 else {},
            }
        ],
        "wilsverklaring": r.rng.random() < 0.2,
    }
    return json.dumps(payload, ensure_ascii=False)


def _webhook_payload(r: Row) -> str:
    p, o = r.person, r.other
    payload = {
        "event": r.rng.choice(("order.created", "order.shipped", "customer.updated")),
        "data": {
            "order": {"id": 50_000 + r.index, "total": _amount(r), "currency": "EUR"},
            "contacts": [
                {"type": "billing", "name": {"given": p.first, "family": p.last}, "email": p.email},
                {
                    "type": "delivery",
                    "name": {"given": o.first, "family": o.last},
                    "phone": o.phone,
                },
            ],
        },
    }
    return json.dumps(payload, ensure_ascii=False)


def _webhook_headers(r: Row) -> str:
    return json.dumps(
        {
            "content-type": "application/json",
            "x-retry": r.rng.randint(0, 3),
            "x-signature-alg": "hmac-sha256",
        }
    )


def _chain_xml(r: Row) -> str:
    p = r.person
    if r.rng.random() < 0.1:
        return "<Bericht><Stuurgegevens><Status>HEARTBEAT</Status></Stuurgegevens></Bericht>"
    return (
        "<Bericht><Stuurgegevens><Berichtsoort>Lk01</Berichtsoort></Stuurgegevens>"
        f"<Persoon><BSN>{p.bsn}</BSN><Voornamen>{p.first}</Voornamen>"
        f"<Voorvoegsel>{p.prefix}</Voorvoegsel><Geslachtsnaam>{p.surname}</Geslachtsnaam>"
        f"<Geboortedatum>{p.born.strftime('%Y%m%d')}</Geboortedatum></Persoon></Bericht>"
    )


def _uuid(r: Row) -> str:
    h = f"{r.rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def _work_email(domain: str) -> Gen:
    return lambda r: f"{_fold(r.person.first)}.{_fold(r.person.prefix + r.person.surname)}@{domain}"


# ---- the databases ----

SAAS_CRM = EvalDatabase(
    "saas_crm",
    "a supplier's SaaS helpdesk: English schema, a German staff table, JSON webhooks",
    (
        EvalTable(
            "customer",
            1200,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("uuid", "TEXT", None, _uuid),
                # Business customers' company names (with surnames in them): not personal.
                C("company", "TEXT", None, _sometimes(0.3, _pick(*_COMPANIES))),
                C("given_name", "TEXT", "person.first_name", lambda r: r.person.first),
                C("family_name", "TEXT", "person.last_name", lambda r: r.person.last),
                C("display_name", "TEXT", "person.name", lambda r: _lastname_initial(r.person)),
                C("email_address", "TEXT", "contact.email", lambda r: r.person.email),
                C("phone_primary", "TEXT", "contact.phone", _phone_trunk),
                # 90 % NULL: the few values are still phone numbers.
                C("phone_secondary", "TEXT", "contact.phone", _sometimes(0.1, _phone_0031)),
                C(
                    "date_of_birth",
                    "TIMESTAMP",
                    "person.birth_date",
                    lambda r: f"{r.person.born.isoformat()} 00:00:00",
                ),
                C("age", "INTEGER", None, _age),  # no age category (see module docstring)
                C("segment", "TEXT", None, _pick("retail", "smb", "enterprise", "public")),
                C("lifetime_value", "REAL", None, _amount),
                C("marketing_opt_in", "INTEGER", None, _pick(0, 1)),
                C("created_at", "TEXT", None, _event_ts),
                C(
                    "last_login_ip",
                    "TEXT",
                    "network.ip",
                    _sometimes(0.6, lambda r: ids.ipv4(r.rng)),
                ),
            ),
        ),
        EvalTable(
            "ticket",
            2000,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("customer_id", "INTEGER", None, _fk(1200)),
                C(
                    "subject",
                    "TEXT",
                    None,
                    _pick("Invoice question", "Login problem", "Levering te laat", "Refund"),
                ),
                C("body", "TEXT", "text.contains_pii", _complaint),
                C("order_no", "TEXT", None, _order_like_phone(12_000_000)),
                C("invoice_number", "TEXT", None, _invoice10),
                # The support agent handling the ticket: an employee is a person too.
                C("assignee", "TEXT", "person.name", lambda r: _lastname_initial(r.other)),
                C("status", "TEXT", None, _pick("open", "pending", "solved", "closed")),
                C("priority", "TEXT", None, _pick("low", "normal", "high", "urgent")),
                C("opened_at", "TEXT", None, _event_ts),
            ),
        ),
        EvalTable(
            "product",
            150,
            (
                C("sku", "TEXT PRIMARY KEY", None, lambda r: f"SKU-{r.index + 1:05d}"),
                C(
                    "title",
                    "TEXT",
                    None,
                    _pick("Thermostat", "Smart plug", "Router", "Doorbell", "Sensor kit"),
                ),
                C("origin_country", "TEXT", None, _pick("CN", "DE", "NL", "TW", "VN", "PL")),
                C("price", "REAL", None, _amount),
                C("ean13", "TEXT", None, lambda r: f"87{r.rng.randint(10**10, 10**11 - 1)}"),
                C("weight_g", "INTEGER", None, lambda r: r.rng.randint(40, 4000)),
            ),
        ),
        EvalTable(
            "webhook_event",
            800,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("received_at", "TEXT", None, _event_ts),
                C("payload", "JSON", "json.contains_pii", _webhook_payload),
                C("headers", "JSON", None, _webhook_headers),
            ),
        ),
        EvalTable(
            "Mitarbeiter",
            60,
            (
                C("ID", "INTEGER PRIMARY KEY", None, _pk),
                C("Vorname", "TEXT", "person.first_name", lambda r: r.person.first),
                C("Nachname", "TEXT", "person.last_name", lambda r: r.person.last),
                C(
                    "Strasse",
                    "TEXT",
                    "location.street",
                    lambda r: f"{r.person.street} {r.person.number}",
                ),
                C("PLZ", "TEXT", "location.postcode", lambda r: r.person.postcode),
                C("Ort", "TEXT", "location.city", lambda r: r.person.city),
                C("Telefon", "TEXT", "contact.phone", _phone_parens),
                C("E_Mail", "TEXT", "contact.email", lambda r: r.person.email),
                C(
                    "Geburtstag",
                    "TEXT",
                    "person.birth_date",
                    lambda r: r.person.born.strftime("%d.%m.%Y"),
                ),
                C("Abteilung", "TEXT", None, _pick("Support", "Vertrieb", "Technik")),
                C("Kostenstelle", "TEXT", None, _pick("KST-100", "KST-200", "KST-310")),
                C(
                    "Eintrittsdatum",
                    "TEXT",
                    None,
                    lambda r: _date_between(r, 2005, 2024).strftime("%d.%m.%Y"),
                ),
            ),
        ),
        EvalTable(
            "export_job",
            0,
            (
                C("id", "INTEGER PRIMARY KEY", None, _pk),
                C("recipient_email", "TEXT", "contact.email", _pick(None)),  # empty table
                C("requested_by", "TEXT", "person.name", _pick(None)),  # empty table
                C("format", "TEXT", None, _pick(None)),
                C("created_at", "TEXT", None, _pick(None)),
            ),
        ),
    ),
)

HR_LEGACY = EvalDatabase(
    "hr_legacy",
    "municipal HR and payroll from a legacy desktop database: Hungarian notation",
    (
        EvalTable(
            "tblPersoon",
            700,
            (
                C("lngID", "INTEGER PRIMARY KEY", None, _pk),
                C("Naam", "TEXT", "person.name", lambda r: _upper_comma(r.person)),
                C("strFirstName", "TEXT", "person.first_name", lambda r: r.person.first),
                C("strInitials", "TEXT", "person.first_name", _initials),
                C("strPrefix", "TEXT", "person.name_prefix", lambda r: r.person.prefix or None),
                C("strLastName", "TEXT", "person.last_name", lambda r: r.person.surname),
                C(
                    "dtmDOB",
                    "TEXT",
                    "person.birth_date",
                    lambda r: r.person.born.strftime("%Y%m%d"),
                ),
                C("dblBSN", "REAL", "id.bsn", _bsn_float),
                C("strIBAN", "TEXT", "finance.iban", lambda r: r.person.iban),
                C("strEmail", "TEXT", "contact.email", _work_email("gemeente-altena.nl")),
                C("strTel", "TEXT", "contact.phone", _phone_parens),
                C("curSalaris", "REAL", None, lambda r: round(r.rng.uniform(2400, 7800), 2)),
                C("bitActief", "INTEGER", None, _pick(0, 1, 1, 1)),
                C("lngAfdelingID", "INTEGER", None, _fk(25)),
                C("strFunctieCd", "TEXT", None, _pick("BZ01", "WI03", "ICT2", "FIN1", "SD07")),
                # Hire dates spread over decades: dates, but not birth dates.
                C(
                    "dtmInDienst",
                    "TEXT",
                    None,
                    lambda r: _date_between(r, 1978, 2024).strftime("%Y%m%d"),
                ),
                C("intLeeftijd", "INTEGER", None, _age),  # age: no category
                C("strOpmerking", "TEXT", "text.contains_pii", _remarks(0.05)),
            ),
        ),
        EvalTable(
            "tblAfdeling",
            25,
            (
                C("lngID", "INTEGER PRIMARY KEY", None, _pk),
                C(
                    "strNaam",
                    "TEXT",
                    None,
                    _pick("Burgerzaken", "Werk en Inkomen", "ICT", "Financiën", "Sociaal Domein"),
                ),
                C("strGemeente", "TEXT", None, _pick(*_MUNICIPALITIES)),  # administrative unit
                C("strKostenplaats", "TEXT", None, lambda r: f"KP{r.rng.randint(1000, 9999)}"),
            ),
        ),
        EvalTable(
            "tblVerlof",
            2500,
            (
                C("lngID", "INTEGER PRIMARY KEY", None, _pk),
                C("lngPersoonID", "INTEGER", None, _fk(700)),
                C(
                    "dtmVan",
                    "TEXT",
                    None,
                    lambda r: _date_between(r, 2019, 2024).strftime("%Y%m%d"),
                ),
                C(
                    "dtmTot",
                    "TEXT",
                    None,
                    lambda r: _date_between(r, 2019, 2024).strftime("%Y%m%d"),
                ),
                C("strSoort", "TEXT", None, _pick("VAK", "ZIEK", "BVL", "OUD")),
                C("dblUren", "REAL", None, lambda r: float(r.rng.randint(1, 80))),
            ),
        ),
        EvalTable(
            "tblLoonstrook",
            0,
            (
                C("lngID", "INTEGER PRIMARY KEY", None, _pk),
                C("lngPersoonID", "INTEGER", None, _pick(None)),
                C("strIBAN", "TEXT", "finance.iban", _pick(None)),  # empty table
                C("curBruto", "REAL", None, _pick(None)),
                C("dtmPeriode", "TEXT", None, _pick(None)),
            ),
        ),
    ),
)

# The wide export: 40 meaningless columns, six of them personal.
_WIDE: dict[int, tuple[str, str | None, Gen]] = {
    1: ("INTEGER", None, _pk),
    2: ("INTEGER", None, _dossier(400_000_000)),  # sequential dossier numbers, pass 11-proef
    3: ("TEXT", None, _pick("A", "B", "C", "X")),
    4: ("TEXT", "id.bsn", _bsn_mixed),
    5: ("REAL", None, _amount),
    6: ("TEXT", None, _pick("J", "N")),
    7: ("TEXT", "person.name", lambda r: _upper_comma(r.person)),
    8: ("INTEGER", None, lambda r: r.rng.randint(0, 40)),
    9: ("TEXT", None, _order_like_phone(20_000_000)),  # order numbers shaped like mobiles
    10: ("TEXT", None, _pick("WMO", "JW", "PW", "SCHULD")),
    11: ("TEXT", "person.birth_date", lambda r: _date_nl_words(r.person.born)),
    12: ("REAL", None, lambda r: round(r.rng.uniform(0, 100), 1)),
    13: ("TEXT", None, lambda r: f"PRD{r.rng.randint(100, 999)}-{r.rng.choice('ABCDEF')}"),
    14: ("INTEGER", None, _pick(0, 1)),
    15: ("INTEGER", None, _invoice10_random),  # 10-digit invoice numbers (V-nummer shape)
    16: ("TEXT", None, _pick("OPEN", "GESLOTEN", "BEZWAAR", "BEROEP")),
    17: ("INTEGER", None, lambda r: r.rng.randint(1, 12)),
    18: ("REAL", None, _amount),
    19: ("TEXT", "location.postcode", lambda r: r.person.postcode.replace(" ", "").lower()),
    20: ("TEXT", "location.house_number", lambda r: r.person.number),
    21: ("TEXT", None, _pick("01", "02", "03", "09", "99")),
    22: ("INTEGER", None, lambda r: r.rng.randint(0, 5)),
    23: ("TEXT", None, lambda r: f"{r.rng.randint(2015, 2024)}-{r.rng.randint(1, 12):02d}"),
    24: ("REAL", None, lambda r: round(r.rng.uniform(-500, 500), 2)),
    25: ("TEXT", None, _pick("Y", "N", None)),
    26: ("INTEGER", None, lambda r: r.rng.randint(1890, 2022)),  # building construction year
    # Dates of events spread across decades (first occupancy of the dwelling): not birth dates.
    27: ("TEXT", None, lambda r: _date_between(r, 1940, 2020).strftime("%d-%m-%Y")),
    28: ("INTEGER", None, lambda r: r.rng.randint(100, 999)),
    29: ("TEXT", None, _pick("NL", "BE", "DE", "FR", "PL", "TR")),  # ISO code of a product
    30: ("TEXT", None, _pick(*_MUNICIPALITIES)),  # municipality as administrative unit
    31: ("TEXT", None, _pick("0353", "1966", "1950", "1961", "1924")),  # gemeentecode
    32: ("REAL", None, lambda r: round(r.rng.uniform(0, 1), 4)),
    33: ("TEXT", "text.contains_pii", _remarks(0.05)),
    34: ("INTEGER", None, lambda r: r.rng.randint(10_000, 99_999)),
    35: ("TEXT", None, _pick(*_COMPANIES)),  # company names, some with surnames
    36: ("TEXT", None, _pick("EUR", None)),
    37: ("INTEGER", None, lambda r: r.rng.randint(0, 3)),
    38: ("TEXT", None, _pick("batch-a", "batch-b", "batch-c")),
    39: ("TEXT", None, lambda r: _event_ts(r)),
    40: ("TEXT", None, _pick("MIGR", "HAND", "AUTO")),
}


def _wide_columns() -> tuple[EvalColumn, ...]:
    return tuple(C(f"c{i:02d}", t, label, gen) for i, (t, label, gen) in sorted(_WIDE.items()))


BRP_EXPORT = EvalDatabase(
    "brp_export",
    "mainframe export with c01..c40 and an abbreviated person table",
    (
        EvalTable("EXP_PERS_W", 1500, _wide_columns()),
        EvalTable(
            "prs",
            900,
            (
                C("prs_id", "INTEGER PRIMARY KEY", None, _pk),
                C(
                    "klant_bsn",
                    "TEXT",
                    "id.bsn",
                    lambda r: ids.format_bsn(r.person.bsn, "spaced"),
                ),
                C("vrnm", "TEXT", "person.first_name", _all_firsts),
                C("vrlt", "TEXT", "person.first_name", _initials),  # initials
                C("tvgsl", "TEXT", "person.name_prefix", lambda r: r.person.prefix or None),
                C("anm", "TEXT", "person.last_name", lambda r: r.person.surname),
                C(
                    "gbdat",
                    "INTEGER",
                    "person.birth_date",
                    lambda r: int(r.person.born.strftime("%Y%m%d")),
                ),
                C("gesl_cd", "TEXT", "quasi.gender", _pick("M", "V", "M", "V", "O")),
                C("str", "TEXT", "location.street", lambda r: r.person.street),
                C("hnr", "INTEGER", "location.house_number", lambda r: r.rng.randint(1, 450)),
                # House-number addition: part of the house number.
                C(
                    "hnr_tv",
                    "TEXT",
                    "location.house_number",
                    _sometimes(0.2, _pick("A", "B", "bis", "1", "hs", "III")),
                ),
                C("pc", "TEXT", "location.postcode", lambda r: r.person.postcode),
                C("wpl", "TEXT", "location.city", lambda r: r.person.city.upper()),
                C("tel1", "TEXT", "contact.phone", lambda r: _national(r)),
                C("tel2", "TEXT", "contact.phone", _sometimes(0.1, _phone_0031)),
                C(
                    "e_mail_adres",
                    "TEXT",
                    "contact.email",
                    _sometimes(0.6, lambda r: r.person.email),
                ),
                C("rek_nr", "TEXT", "finance.iban", lambda r: ids.iban(r.rng, spaced=True)),
                C("gem_cd", "TEXT", None, _pick("0353", "1966", "1950", "1961")),
                C(
                    "dat_vestiging",
                    "TEXT",
                    None,
                    lambda r: _date_between(r, 1960, 2024).isoformat(),
                ),
                C("ind_geheim", "TEXT", None, _pick("J", "N", "N", "N")),
            ),
        ),
        EvalTable(
            "vw_gemeente",
            15,
            (
                C("gem_cd", "TEXT PRIMARY KEY", None, lambda r: f"{1900 + r.index * 7:04d}"),
                C("gem_naam", "TEXT", None, lambda r: _MUNICIPALITIES[r.index]),  # admin unit
                C("prov", "TEXT", None, _pick("FR", "GR", "NH", "ZH", "NB", "LI")),
            ),
        ),
    ),
)

ZIEKENHUIS = EvalDatabase(
    "ziekenhuis",
    "hospital and GGD: German/English/Dutch names with _enc, _txt and _cd suffixes",
    (
        EvalTable(
            "patient",
            1000,
            (
                C("patient_id", "INTEGER PRIMARY KEY", None, _pk),
                C("mrn", "TEXT", None, lambda r: f"{3_100_000 + r.index * 3}"),  # internal key
                C("Vorname", "TEXT", "person.first_name", lambda r: r.person.first),
                C("Nachname", "TEXT", "person.last_name", lambda r: r.person.surname),
                C("voorvoegsel", "TEXT", "person.name_prefix", lambda r: r.person.prefix or None),
                C(
                    "Geburtsdatum",
                    "TEXT",
                    "person.birth_date",
                    lambda r: f"{r.person.born.isoformat()}T00:00:00",
                ),
                C(
                    "geslacht_cd",
                    "TEXT",
                    "quasi.gender",
                    lambda r: {"M": "1", "V": "2"}[r.person.gender],
                ),
                # Encrypted BSN: pseudonymised data is still personal data, and the column
                # still holds the BSN for whoever holds the key; the label is the BSN's.
                C("bsn_enc", "TEXT", "id.bsn", _bsn_encrypted),
                C("naam_txt", "TEXT", "person.name", lambda r: _lastname_initial(r.person)),
                C("adres_txt", "TEXT", "location.address", lambda r: _address_line(r.person)),
                # The GP (huisarts) is a natural person: their name is personal data.
                C("huisarts_txt", "TEXT", "person.name", lambda r: f"dr. {r.other.full}"),
                # AGB code of the GP: no category exists for it; left None, though the code
                # of an individual care provider identifies that person.
                C("huisarts_agb", "TEXT", None, lambda r: f"01{r.rng.randint(0, 999_999):06d}"),
                C("verzekeraar_cd", "TEXT", None, _pick("3311", "3343", "7029", "0101")),
                C("lengte_cm", "INTEGER", None, lambda r: r.rng.randint(140, 205)),
                C("gewicht_kg", "REAL", None, lambda r: round(r.rng.uniform(45, 130), 1)),
                C("bloedgroep_cd", "TEXT", None, _pick("A+", "A-", "B+", "O+", "O-", "AB+")),
                C("leeftijd", "INTEGER", None, _age),  # age: no category
                C("contact_json", "JSON", "json.contains_pii", _contact_json),
            ),
        ),
        EvalTable(
            "consult",
            2500,
            (
                C("consult_id", "INTEGER PRIMARY KEY", None, _pk),
                C("patient_id", "INTEGER", None, _fk(1000)),
                C("behandelaar", "TEXT", "person.name", lambda r: _lastname_initial(r.other)),
                C("verslag_txt", "TEXT", "text.contains_pii", _lowercase_note),
                C("icd10_cd", "TEXT", None, _pick("J45.9", "I10", "E11.9", "M54.5", "F32.1")),
                C("datum", "TEXT", None, lambda r: _date_between(r, 2018, 2024).isoformat()),
                C("duur_min", "INTEGER", None, _pick(10, 15, 20, 30, 45)),
            ),
        ),
        EvalTable(
            "ggd_testafspraak",
            1500,
            (
                C("afspraak_id", "INTEGER PRIMARY KEY", None, _pk),
                C("testlocatie", "TEXT", None, _pick(*_MUNICIPALITIES)),  # admin unit / site
                C("tijdslot", "TEXT", None, _event_ts),
                C("uitslag_cd", "TEXT", None, _pick("POS", "NEG", "ONB")),
                C("tel_mobiel", "TEXT", "contact.phone", lambda r: "0031" + ids.mobile(r.rng)[1:]),
                C(
                    "email_bevestiging",
                    "TEXT",
                    "contact.email",
                    _sometimes(0.1, lambda r: r.person.email),
                ),
                C("bron_cd", "TEXT", None, _pick("WEB", "TEL", "APP")),
            ),
        ),
        EvalTable(
            "lab_order",
            0,
            (
                C("order_id", "INTEGER PRIMARY KEY", None, _pk),
                C("patient_id", "INTEGER", None, _pick(None)),
                C("aanvrager_naam", "TEXT", "person.name", _pick(None)),  # empty table
                C("materiaal_cd", "TEXT", None, _pick(None)),
            ),
        ),
    ),
)

HUURDERS = EvalDatabase(
    "huurders",
    "housing corporation: tenants, rental units, suppliers, complaints",
    (
        EvalTable(
            "huurder",
            900,
            (
                C("huurdernr", "INTEGER PRIMARY KEY", None, _dossier(210_000_000)),
                C("contractnr", "TEXT", None, lambda r: f"HC-{r.index + 1:06d}"),
                # The salutation tells the gender (Dhr./Mevr.): a careful officer labels it so.
                C(
                    "aanhef",
                    "TEXT",
                    "quasi.gender",
                    lambda r: {"M": "Dhr.", "V": "Mevr."}[r.person.gender],
                ),
                C("voorl", "TEXT", "person.first_name", _initials),
                C("p_voornamen", "TEXT", "person.first_name", _all_firsts),
                C("tussenv", "TEXT", "person.name_prefix", lambda r: r.person.prefix or None),
                C("p_achternaam", "TEXT", "person.last_name", lambda r: r.person.surname),
                C(
                    "medehuurder",
                    "TEXT",
                    "person.name",
                    _sometimes(0.4, lambda r: _upper_comma(r.other)),
                ),
                C("corr_adres", "TEXT", "location.address", lambda r: _address_line(r.person)),
                C("tel_vast", "TEXT", "contact.phone", _sometimes(0.5, _phone_parens)),
                C("tel_mob", "TEXT", "contact.phone", _phone_trunk),
                C("e_mail_adres", "TEXT", "contact.email", lambda r: r.person.email),
                C("iban_incasso", "TEXT", "finance.iban", lambda r: r.person.iban),
                C("gezinsgrootte", "INTEGER", None, lambda r: r.rng.randint(1, 7)),
                C("inkomenscat_cd", "TEXT", None, _pick("I", "II", "III", "IV")),
                C("huurtoeslag_jn", "TEXT", None, _pick("J", "N")),
                C("leeftijd_hoofdbewoner", "INTEGER", None, _age),  # age: no category
                C("ingangsdatum", "TEXT", None, lambda r: _date_between(r, 1975, 2024).isoformat()),
            ),
        ),
        EvalTable(
            "vhe",
            1200,
            (
                C("vhe_nr", "INTEGER PRIMARY KEY", None, lambda r: 100_000 + r.index),
                C("complex_cd", "TEXT", None, lambda r: f"CPX{r.rng.randint(1, 90):03d}"),
                # An occupied unit's address is its tenant's home address: personal.
                C("vhe_adres", "TEXT", "location.address", lambda r: _address_line(r.person)),
                C("bouwjaar", "INTEGER", None, lambda r: r.rng.randint(1890, 2022)),
                # Delivery dates of buildings across decades: dates that are not birth dates.
                C(
                    "oplevering_dt",
                    "TEXT",
                    None,
                    lambda r: _date_between(r, 1950, 2020).strftime("%d-%m-%Y"),
                ),
                C("gemeente", "TEXT", None, _pick(*_MUNICIPALITIES)),  # admin unit
                C("wijk", "TEXT", None, _pick("Centrum", "Noord", "De Hoven", "Oost", "Kernen")),
                C("energielabel", "TEXT", None, _pick("A++", "A", "B", "C", "D", "G")),
                C("woz_waarde", "INTEGER", None, lambda r: r.rng.randint(90, 600) * 1000),
                C("kale_huur", "REAL", None, lambda r: round(r.rng.uniform(420, 1100), 2)),
                C("aantal_kamers", "INTEGER", None, lambda r: r.rng.randint(1, 6)),
            ),
        ),
        EvalTable(
            "leverancier",
            80,
            (
                C("lev_id", "INTEGER PRIMARY KEY", None, _pk),
                C("bedrijfsnaam", "TEXT", None, lambda r: _COMPANIES[r.index % len(_COMPANIES)]),
                # KvK numbers: some suppliers are sole traders, so the category applies.
                C(
                    "kvk_nr",
                    "TEXT",
                    "id.kvk",
                    lambda r: f"{r.rng.randint(10, 99)}{r.rng.randint(0, 999_999):06d}",
                ),
                C("iban", "TEXT", "finance.iban", lambda r: r.person.iban),  # organisation IBAN
                C("contactpersoon", "TEXT", "person.name", lambda r: r.person.full),
                C(
                    "tel",
                    "TEXT",
                    "contact.phone",
                    lambda r: ids.format_phone(ids.landline(r.rng), "dashed"),
                ),
                # Seat of a company: not a person's place of residence.
                C("vestigingsplaats", "TEXT", None, _pick(*CITIES)),
            ),
        ),
        EvalTable(
            "klacht",
            1500,
            (
                C("klacht_id", "INTEGER PRIMARY KEY", None, _pk),
                C(
                    "huurdernr",
                    "INTEGER",
                    None,
                    lambda r: _dossiers(210_000_000)[r.rng.randrange(900)],
                ),
                C("omschrijving", "TEXT", "text.contains_pii", _complaint),
                C("categorie_cd", "TEXT", None, _pick("ONDH", "OVERL", "HUUR", "SCHOON")),
                C("status_cd", "TEXT", None, _pick("NW", "IB", "AF")),
                C(
                    "afgehandeld_door",
                    "TEXT",
                    "person.name",
                    lambda r: _lastname_initial(r.other),
                ),
                C("opmerking_intern", "TEXT", "text.contains_pii", _remarks(0.05)),
            ),
        ),
        EvalTable(
            "mutatie",
            0,
            (
                C("mut_id", "INTEGER PRIMARY KEY", None, _pk),
                C("vhe_nr", "INTEGER", None, _pick(None)),
                C("oud_huurder_naam", "TEXT", "person.name", _pick(None)),  # empty table
                C("reden_cd", "TEXT", None, _pick(None)),
            ),
        ),
    ),
)

_ORG_IBAN = "NL" + ids.iban_check_digits("INGB", "0001234567") + "INGB0001234567"

KETEN = EvalDatabase(
    "ketenberichten",
    "chain messages between UWV, DUO, IND, CAK and municipalities: XML, codes, lookups",
    (
        EvalTable(
            "bericht",
            1500,
            (
                C("bericht_id", "INTEGER PRIMARY KEY", None, _pk),
                C("berichttype_cd", "TEXT", None, _pick("UWV-WW-01", "CAK-EB-02", "DUO-SF-11")),
                C(
                    "afzender_oin",
                    "TEXT",
                    None,
                    _pick("00000001003214345000", "00000001809859211000", "00000004003214345001"),
                ),
                C(
                    "ontvanger",
                    "TEXT",
                    None,
                    _pick("UWV", "CAK", "DUO", "IND", "SVB", "Gemeente Altena"),
                ),
                C("inhoud_xml", "TEXT", "text.contains_pii", _chain_xml),
                C("bsn_betrokkene", "TEXT", "id.bsn", _bsn_mixed),
                C("kenmerk", "INTEGER", None, _dossier(512_000_000)),  # sequential, 11-proef
                C("verzonden_op", "TEXT", None, _event_ts),
                C("status_cd", "TEXT", None, _pick("VERZ", "ONTV", "FOUT")),
            ),
        ),
        EvalTable(
            "ind_vreemdeling",
            600,
            (
                C("v_nr", "TEXT", "id.v_number", lambda r: ids.v_number(r.rng)),
                C(
                    "nat_cd",
                    "TEXT",
                    "quasi.nationality",
                    lambda r: _ORIGINS[r.rng.randrange(len(_ORIGINS))][1],
                ),
                C("geb_land", "TEXT", "quasi.country_of_birth", lambda r: r.person.country),
                C("geb_plaats", "TEXT", "quasi.place_of_birth", lambda r: r.person.birth_place),
                C("paspoort_nr", "TEXT", "id.passport", lambda r: ids.passport_number(r.rng)),
                C("documentsoort_cd", "TEXT", None, _pick("I", "II", "III", "IV", "EU")),
                C("aanvraag_dt", "TEXT", None, lambda r: _date_between(r, 2015, 2024).isoformat()),
                C("procedure_cd", "TEXT", None, _pick("AA", "GEZ", "ARB", "STU")),
            ),
        ),
        EvalTable(
            "cak_eigenbijdrage",
            2000,
            (
                C("regel_id", "INTEGER PRIMARY KEY", None, _pk),
                C("burgerservicenr", "INTEGER", "id.bsn", lambda r: int(r.person.bsn)),
                C("factuurnr", "INTEGER", None, _invoice10_random),
                C("bedrag", "REAL", None, _amount),
                C(
                    "periode",
                    "TEXT",
                    None,
                    lambda r: f"{r.rng.randint(2020, 2024)}{r.rng.randint(1, 13):02d}",
                ),
                C("rek_nr_cak", "TEXT", "finance.iban", _pick(_ORG_IBAN)),  # one organisation IBAN
                C("rek_nr_client", "TEXT", "finance.iban", lambda r: r.person.iban),
                C("wlz_indicatie_cd", "TEXT", None, _pick("VV4", "VV5", "GGZ-W", "LG3")),
            ),
        ),
        EvalTable(
            "duo_student",
            800,
            (
                C(
                    "onderwijsnr",
                    "TEXT",
                    "id.onderwijsnummer",
                    lambda r: ids.onderwijsnummer(r.rng),
                ),
                C("studentnr", "INTEGER", None, lambda r: 2_300_000 + r.index),
                C("crebo_cd", "TEXT", None, _pick("25604", "25655", "23183", "25180")),
                C(
                    "instelling",
                    "TEXT",
                    None,
                    _pick("ROC Friese Poort", "Hanzehogeschool", "Aventus"),
                ),
                C("rekeningnummer", "TEXT", "finance.iban", lambda r: r.person.iban),
            ),
        ),
        EvalTable(
            "vw_crebo",
            4,
            (
                C(
                    "crebo_cd",
                    "TEXT PRIMARY KEY",
                    None,
                    lambda r: ("25604", "25655", "23183", "25180")[r.index],
                ),
                C(
                    "omschrijving",
                    "TEXT",
                    None,
                    lambda r: ("Verzorgende-IG", "Kok", "Mediavormgever", "Logistiek medewerker")[
                        r.index
                    ],
                ),
                C("niveau", "INTEGER", None, lambda r: (3, 2, 4, 2)[r.index]),
            ),
        ),
    ),
)

DATABASES: tuple[EvalDatabase, ...] = (SAAS_CRM, HR_LEGACY, BRP_EXPORT, ZIEKENHUIS, HUURDERS, KETEN)


def build_database(spec: EvalDatabase, path: Path, seed: int) -> None:
    """Write one holdout database to ``path``, replacing any file there."""
    rng = random.Random(f"holdout:{spec.name}:{seed}")
    # One population per database: up to POPULATION rows of a table are distinct people,
    # and the same people recur across its tables (and in longer tables) as in a real system.
    people = [make_person(rng) for _ in range(min(POPULATION, max(t.rows for t in spec.tables)))]

    def rows_for(tdef: EvalTable) -> Iterator[Row]:
        offset = rng.randrange(len(people))
        for i in range(tdef.rows):
            person = people[(offset + i) % len(people)]
            yield Row(rng=rng, index=i, person=person, other=rng.choice(people))

    write_database(spec, path, rows_for)


def build_holdout_sets(out_dir: Path, seed: int = 23) -> list[EvalSet]:
    """Build every holdout database under ``out_dir``; same seed, same files."""
    return build_sets("holdout", DATABASES, build_database, out_dir, seed)

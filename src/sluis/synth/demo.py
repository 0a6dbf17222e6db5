"""A synthetic "production" database of a Dutch diploma-evaluation service.

It stands in for the real database of user story 1 (newcomers' diplomas evaluated since
2017): applicants with BSN, V-nummer and address; applications with case-worker notes;
uploaded documents; payments; messages with a JSON contact person; case workers and an
access log; and two lookup tables without personal data. Every value is synthetic and the
same seed always gives the same file.

Run ``python -m sluis.synth.demo OUT.db [--applicants N] [--seed S]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sluis.synth import identifiers as ids
from sluis.synth.people import Person, PersonFactory, ascii_fold
from sluis.synth.tables import Col, TableDef, table

COUNTRIES = table(
    "landen",
    [Col("code", "text", not_null=True), Col("naam", "text"), Col("regio", "text")],
)
LEVELS = table(
    "diploma_niveaus",
    [Col("code", "text", not_null=True), Col("omschrijving", "text"), Col("nlqf", "int")],
)
EMPLOYEES = table(
    "employees",
    [
        Col("id", "pk"),
        Col("naam", "text"),
        Col("email", "text"),
        Col("afdeling", "text"),
        Col("in_dienst_sinds", "date"),
    ],
)
APPLICANTS = table(
    "applicants",
    [
        Col("id", "pk"),
        Col("bsn", "text"),
        Col("v_nummer", "text"),
        Col("voornamen", "text"),
        Col("tussenvoegsel", "text"),
        Col("achternaam", "text"),
        Col("geboortedatum", "date"),
        Col("geslacht", "text"),
        Col("nationaliteit", "text"),
        Col("geboorteland", "text"),
        Col("geboorteplaats", "text"),
        Col("straat", "text"),
        Col("huisnummer", "text"),
        Col("postcode", "text"),
        Col("woonplaats", "text"),
        Col("email", "text"),
        Col("telefoon", "text"),
        Col("iban", "text"),
        Col("created_at", "ts"),
    ],
)
APPLICATIONS = table(
    "applications",
    [
        Col("id", "pk"),
        Col("applicant_id", "int", "applicants(id)", not_null=True),
        Col("zaaknummer", "bigint"),
        Col("diploma_land", "text", "landen(code)"),
        Col("diploma_niveau", "text", "diploma_niveaus(code)"),
        Col("status", "text"),
        Col("ingediend_op", "date"),
        Col("besluitdatum", "date"),
        Col("behandelaar_id", "int", "employees(id)"),
        Col("notitie", "text"),
    ],
)
DOCUMENTS = table(
    "documents",
    [
        Col("id", "pk"),
        Col("application_id", "int", "applications(id)", not_null=True),
        Col("bestandsnaam", "text"),
        Col("mime_type", "text"),
        Col("grootte", "int"),
        Col("inhoud", "blob"),
        Col("geupload_op", "ts"),
    ],
)
PAYMENTS = table(
    "payments",
    [
        Col("id", "pk"),
        Col("application_id", "int", "applications(id)", not_null=True),
        Col("iban", "text"),
        Col("rekeninghouder", "text"),
        Col("bedrag", "money"),
        Col("kenmerk", "text"),
        Col("betaald_op", "date"),
    ],
)
MESSAGES = table(
    "messages",
    [
        Col("id", "pk"),
        Col("applicant_id", "int", "applicants(id)", not_null=True),
        Col("kanaal", "text"),
        Col("contactpersoon", "json"),
        Col("onderwerp", "text"),
        Col("bericht", "text"),
        Col("verzonden_op", "ts"),
    ],
)
ACCESS_LOG = table(
    "access_log",
    [
        Col("id", "pk"),
        Col("employee_id", "int", "employees(id)", not_null=True),
        Col("applicant_id", "int", "applicants(id)"),
        Col("actie", "text"),
        Col("ts", "ts"),
        Col("ip_adres", "text"),
    ],
)

# Parents before children, so inserts and COPY respect the foreign keys.
TABLES: tuple[TableDef, ...] = (
    COUNTRIES,
    LEVELS,
    EMPLOYEES,
    APPLICANTS,
    APPLICATIONS,
    DOCUMENTS,
    PAYMENTS,
    MESSAGES,
    ACCESS_LOG,
)
_PRIMARY_KEYS = {"landen": "code", "diploma_niveaus": "code"}

_COUNTRY_ROWS = (
    ("SY", "Syrië", "Midden-Oosten"),
    ("ER", "Eritrea", "Oost-Afrika"),
    ("TR", "Turkije", "Europa/Azië"),
    ("MA", "Marokko", "Noord-Afrika"),
    ("AF", "Afghanistan", "Centraal-Azië"),
    ("UA", "Oekraïne", "Oost-Europa"),
    ("PL", "Polen", "Oost-Europa"),
    ("IR", "Iran", "Midden-Oosten"),
    ("NL", "Nederland", "West-Europa"),
    ("EG", "Egypte", "Noord-Afrika"),
    ("IQ", "Irak", "Midden-Oosten"),
    ("ET", "Ethiopië", "Oost-Afrika"),
)
_ORIGIN_COUNTRY = {
    "sy": "SY",
    "er": "ER",
    "tr": "TR",
    "ma": "MA",
    "af": "AF",
    "ua": "UA",
    "pl": "PL",
    "ir": "IR",
    "nl": "NL",
}
_LEVEL_ROWS = (
    ("VO", "Voortgezet onderwijs", 2),
    ("MBO4", "Middelbaar beroepsonderwijs niveau 4", 4),
    ("HBO-B", "Hoger beroepsonderwijs bachelor", 6),
    ("WO-B", "Universitaire bachelor", 6),
    ("WO-M", "Universitaire master", 7),
    ("PHD", "Doctoraat", 8),
)
_UNITS = ("Diplomawaardering", "Internationale Kwalificaties", "Klantcontact", "Bezwaar en Beroep")
_STATUSES = (
    "ontvangen",
    "in_behandeling",
    "aanvulling_gevraagd",
    "afgerond",
    "afgewezen",
    "ingetrokken",
)
_ACTIONS = ("view", "view", "view", "edit", "export", "print", "search")
_DOC_KINDS = (
    ("paspoort", "application/pdf", "pdf"),
    ("diploma", "application/pdf", "pdf"),
    ("cijferlijst", "application/pdf", "pdf"),
    ("verblijfsvergunning", "image/jpeg", "jpg"),
    ("vertaling", "text/plain", "txt"),
    ("machtiging", "application/pdf", "pdf"),
)
_CHANNELS = ("email", "portaal", "brief", "telefoon")
_START = dt.datetime(2017, 3, 1, 8, 0)


def _ts(rng: random.Random, start: dt.datetime = _START, days: int = 2700) -> dt.datetime:
    return start + dt.timedelta(days=rng.randint(0, days), seconds=rng.randint(0, 9 * 3600))


def _bsn_as_stored(rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.05:
        return None  # not yet registered in the BRP
    value = ids.bsn(rng, leading_zero_share=0.12)
    if roll < 0.15:
        return ids.format_bsn(value, "dotted")
    if value.startswith("0") and roll < 0.6:
        return ids.format_bsn(value, "short")
    return value


def _note(rng: random.Random, p: Person, bsn: str | None, when: dt.date) -> str:
    d = when.strftime("%d-%m-%Y")
    title = "Mw." if p.gender == "V" else "Dhr."
    templates = [
        f"Aanvrager {p.full_name} belde op {d} over de status. Teruggebeld op {p.phone}.",
        f"{title} {p.last_name} heeft aanvullende stukken gestuurd, gecontroleerd.",
        f"Diploma van {p.first_name} {p.last_name} ontvangen; vertaling ontbreekt nog.",
        f"Gesprek met {p.first_name} op {d}: wil besluit per e-mail ({p.email}).",
        "Geen bijzonderheden.",
        "Herinnering verstuurd voor ontbrekende cijferlijst.",
        "Dossier compleet, doorgezet naar beoordelaar.",
    ]
    if bsn:
        templates.append(f"BSN {bsn} gecontroleerd in BRP, adres klopt ({p.postcode}).")
    return rng.choice(templates)


def _document(rng: random.Random, p: Person, kind: str, ext: str) -> tuple[str, bytes]:
    stem = f"{kind}_{ascii_fold(p.first_name).title()}_{p.last_name.replace(' ', '_')}"
    text = (
        f"{kind.upper()}\nNaam: {p.first_names} {p.last_name}\n"
        f"Geboortedatum: {p.birth_date:%d-%m-%Y}\nGeboorteplaats: {p.birth_place}\n"
    )
    if ext == "pdf":
        payload = text.replace("\n", ") Tj T* (")
        body = (
            b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n2 0 obj <</Length 120>>\nstream\nBT ("
            + payload.encode("latin-1", "replace")
            + b") Tj ET\nendstream endobj\n%%EOF\n"
        )
    elif ext == "jpg":
        # A JPEG header with the name in a comment segment, as scanners write it.
        comment = text.encode("utf-8")
        body = b"\xff\xd8\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + b"\xff\xd9"
    else:
        body = text.encode("utf-8")
    return f"{stem}.{ext}", body


def _employee_rows(factory: PersonFactory, count: int) -> list[tuple[Any, ...]]:
    rng = factory.rng
    rows = []
    for i in range(1, count + 1):
        p = factory.person()
        mail = f"{ascii_fold(p.first_name)[0]}.{ascii_fold(p.surname).replace(' ', '')}"
        rows.append(
            (
                i,
                p.full_name,
                f"{mail}@diplomawaardering.nl",
                rng.choice(_UNITS),
                (_START - dt.timedelta(days=rng.randint(0, 4000))).date().isoformat(),
            )
        )
    return rows


def generate(applicants: int, seed: int) -> Iterator[tuple[TableDef, list[tuple[Any, ...]]]]:
    """Yield each table with its rows, parents first."""
    factory = PersonFactory(seed)
    rng = factory.rng
    yield COUNTRIES, list(_COUNTRY_ROWS)
    yield LEVELS, list(_LEVEL_ROWS)
    n_employees = max(8, applicants // 40)
    yield EMPLOYEES, _employee_rows(factory, n_employees)

    people: list[tuple[Person, str | None]] = []
    applicant_rows = []
    for i in range(1, applicants + 1):
        p = factory.person()
        bsn = _bsn_as_stored(rng)
        people.append((p, bsn))
        v_nr = ids.v_number(rng) if p.origin not in ("nl", "pl") else None
        iban = ids.iban(rng, spaced=rng.random() < 0.2) if rng.random() < 0.9 else None
        applicant_rows.append(
            (
                i,
                bsn,
                v_nr,
                p.first_names,
                p.prefix or None,
                p.surname,
                p.birth_date.isoformat(),
                p.gender,
                p.nationality,
                p.birth_country,
                p.birth_place,
                p.street,
                p.house_number,
                p.postcode,
                p.city,
                p.email,
                p.phone,
                iban,
                _ts(rng).isoformat(sep=" "),
            )
        )
    yield APPLICANTS, applicant_rows

    app_rows: list[tuple[Any, ...]] = []
    app_owner: list[int] = []
    for applicant_id, (p, bsn) in enumerate(people, start=1):
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            submitted = _ts(rng).date()
            status = rng.choice(_STATUSES)
            decided = submitted + dt.timedelta(days=rng.randint(10, 120))
            country = (
                _ORIGIN_COUNTRY[p.origin] if rng.random() < 0.85 else rng.choice(_COUNTRY_ROWS)[0]
            )
            app_rows.append(
                (
                    len(app_rows) + 1,
                    applicant_id,
                    ids.case_number(rng),
                    country,
                    rng.choice(_LEVEL_ROWS)[0],
                    status,
                    submitted.isoformat(),
                    decided.isoformat() if status in ("afgerond", "afgewezen") else None,
                    rng.randint(1, n_employees),
                    _note(rng, p, bsn, submitted),
                )
            )
            app_owner.append(applicant_id)
    yield APPLICATIONS, app_rows

    doc_rows: list[tuple[Any, ...]] = []
    pay_rows: list[tuple[Any, ...]] = []
    for app_id, applicant_id in enumerate(app_owner, start=1):
        p = people[applicant_id - 1][0]
        for kind, mime, ext in rng.sample(_DOC_KINDS, rng.randint(1, 3)):
            name, body = _document(rng, p, kind, ext)
            doc_rows.append(
                (
                    len(doc_rows) + 1,
                    app_id,
                    name,
                    mime,
                    len(body),
                    body,
                    _ts(rng).isoformat(sep=" "),
                )
            )
        if rng.random() < 0.8:
            own = applicant_rows[applicant_id - 1][17]
            payer_is_other = own is None or rng.random() < 0.15
            payer = factory.person().full_name if payer_is_other else p.full_name
            iban = ids.iban(rng) if payer_is_other else own
            pay_rows.append(
                (
                    len(pay_rows) + 1,
                    app_id,
                    iban,
                    payer,
                    rng.choice(("232.00", "232.00", "117.50", "80.00")),
                    f"DW{app_id:07d}",
                    _ts(rng).date().isoformat(),
                )
            )
    yield DOCUMENTS, doc_rows
    yield PAYMENTS, pay_rows

    msg_rows: list[tuple[Any, ...]] = []
    for applicant_id, (p, _bsn) in enumerate(people, start=1):
        for _ in range(rng.randint(0, 3)):
            contact = p if rng.random() < 0.7 else factory.person()
            role = "aanvrager" if contact is p else rng.choice(("advocaat", "tolk", "begeleider"))
            payload = {
                "naam": contact.full_name,
                "email": contact.email,
                "telefoon": contact.phone,
                "rol": role,
            }
            text = rng.choice(
                (
                    f"Beste {p.first_name}, wij hebben uw aanvraag ontvangen.",
                    f"Geachte heer/mevrouw {p.last_name}, uw diploma is gewaardeerd.",
                    "Wij missen nog een gewaarmerkte kopie van uw diploma.",
                    f"Graag contact opnemen via {contact.phone}.",
                )
            )
            msg_rows.append(
                (
                    len(msg_rows) + 1,
                    applicant_id,
                    rng.choice(_CHANNELS),
                    json.dumps(payload, ensure_ascii=False),
                    "Uw aanvraag",
                    text,
                    _ts(rng).isoformat(sep=" "),
                )
            )
    yield MESSAGES, msg_rows

    log_rows: list[tuple[Any, ...]] = []
    for _ in range(applicants * 5):
        subject = rng.randint(1, applicants) if rng.random() < 0.95 else None
        log_rows.append(
            (
                len(log_rows) + 1,
                rng.randint(1, n_employees),
                subject,
                rng.choice(_ACTIONS),
                _ts(rng).isoformat(sep=" "),
                ids.ipv4(rng),
            )
        )
    yield ACCESS_LOG, log_rows


def _create(conn: sqlite3.Connection, tdef: TableDef) -> None:
    ddl = tdef.ddl("sqlite")
    key = _PRIMARY_KEYS.get(tdef.name)
    if key:
        ddl = ddl.replace(f"{key} TEXT NOT NULL", f"{key} TEXT NOT NULL PRIMARY KEY")
    conn.execute(ddl)


# SQLite application id of the demo file ("SLDM"), so tools can tell invented data apart.
DEMO_APPLICATION_ID = 0x534C444D


def is_demo_db(conn: sqlite3.Connection) -> bool:
    """Whether ``conn`` is a database written by :func:`build_demo_db`."""
    return bool(conn.execute("PRAGMA application_id").fetchone()[0] == DEMO_APPLICATION_ID)


def build_demo_db(path: Path, applicants: int = 2000, seed: int = 7) -> None:
    """Write the demo database to ``path``, replacing any file there."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA application_id = {DEMO_APPLICATION_ID}")
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        for tdef, rows in generate(applicants, seed):
            _create(conn, tdef)
            conn.executemany(tdef.insert_sql(), rows)
        conn.commit()
        violations = conn.execute("PRAGMA foreign_key_check").fetchall()
        if violations:
            raise RuntimeError(f"demo data breaks {len(violations)} foreign keys")
    finally:
        conn.close()
    tmp.replace(path)


def write_postgres(sqlite_path: Path, pg_url: str, *, schema: str = "public") -> None:
    """Copy the demo tables from ``sqlite_path`` into PostgreSQL with COPY.

    Existing tables of the same names in ``schema`` are dropped first.
    """
    import psycopg  # imported here: only PostgreSQL users need it loaded

    src = sqlite3.connect(sqlite_path)
    try:
        with psycopg.connect(pg_url) as conn:
            conn.execute(f'SET search_path TO "{schema}"')
            for tdef in reversed(TABLES):
                conn.execute(f"DROP TABLE IF EXISTS {tdef.name} CASCADE")
            for tdef in TABLES:
                ddl = tdef.ddl("postgres")
                key = _PRIMARY_KEYS.get(tdef.name)
                if key:
                    ddl = ddl.replace(f"{key} text NOT NULL", f"{key} text NOT NULL PRIMARY KEY")
                conn.execute(ddl)  # built from constants
                cols = ", ".join(tdef.column_names)
                cursor = src.execute(f"SELECT {cols} FROM {tdef.name} ORDER BY 1")
                copy_sql = f"COPY {tdef.name} ({cols}) FROM STDIN"
                with conn.cursor().copy(copy_sql) as copy:
                    for row in cursor:
                        copy.write_row(row)
    finally:
        src.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sluis.synth.demo",
        description="Write a synthetic diploma-evaluation database (all data invented).",
    )
    parser.add_argument("out", type=Path, help="SQLite file to write (replaced if it exists)")
    parser.add_argument("--applicants", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    build_demo_db(args.out, applicants=args.applicants, seed=args.seed)
    print(f"wrote {args.out} with {args.applicants} synthetic applicants")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

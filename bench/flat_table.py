"""The wide benchmark table: ``persons`` with a BSN, name, address, birth date, e-mail and a note.

Ten columns as issue 6 describes them. Rows are drawn from small pools (a few thousand
names and streets, real BSN check digits, one note in five naming the person or a phone
number), so millions of rows build in seconds and the data looks like a client table.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

from sluis.synth import identifiers
from sluis.synth.people import PersonFactory

COLUMNS = (
    "id INTEGER PRIMARY KEY",
    "bsn TEXT",
    "voornaam TEXT",
    "achternaam TEXT",
    "straat TEXT",
    "postcode TEXT",
    "woonplaats TEXT",
    "geboortedatum TEXT",
    "email TEXT",
    "notitie TEXT",
)
_PLAIN_NOTES = (
    "Klant belde over de betalingsregeling; terugbellen na 14:00 uur. Dossier bijgewerkt, team B.",
    "Aanvraag compleet ontvangen, doorgezet naar beoordeling. Geen aanvullende stukken nodig.",
    "Herinnering verstuurd wegens ontbrekende loonstroken over het tweede kwartaal van dit jaar.",
    "Afspraak verzet op verzoek van de klant; nieuwe datum volgt per brief van het klantcontact.",
)
_POOL = 4_000
_CHUNK = 50_000


def _rows(count: int, seed: int) -> Iterator[tuple[object, ...]]:
    rng = random.Random(seed)
    factory = PersonFactory(seed)
    people = [factory.person() for _ in range(_POOL)]
    start = dt.date(1930, 1, 1)
    for row_id in range(1, count + 1):
        person = people[rng.randrange(_POOL)]
        first, last = person.first_name, person.last_name
        note = rng.choice(_PLAIN_NOTES)
        if rng.random() < 0.2:
            note = (
                f"{first} {last} belde op {identifiers.phone(rng)} over de aanvraag; "
                "terugbellen morgen."
            )
        yield (
            row_id,
            identifiers.bsn(rng),
            first,
            last,
            f"{person.street} {person.house_number}",
            person.postcode,
            person.city,
            (start + dt.timedelta(days=rng.randrange(27_000))).isoformat(),
            f"{first}.{last}{rng.randrange(100)}@example.nl".lower().replace(" ", ""),
            note,
        )


def build_flat_db(path: Path, rows: int, seed: int = 5) -> Path:
    """Write ``rows`` rows into a fresh SQLite file at ``path`` (kept if already complete)."""
    if path.exists():
        with closing(sqlite3.connect(path)) as conn:
            (have,) = conn.execute("SELECT count(*) FROM persons").fetchone()
        if have == rows:
            return path
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    with closing(sqlite3.connect(tmp)) as conn:
        conn.execute(f"CREATE TABLE persons ({', '.join(COLUMNS)})")
        rows_iter = _rows(rows, seed)
        while chunk := [row for _, row in zip(range(_CHUNK), rows_iter, strict=False)]:
            conn.executemany(f"INSERT INTO persons VALUES ({', '.join('?' * 10)})", chunk)
        conn.commit()
    tmp.replace(path)
    return path

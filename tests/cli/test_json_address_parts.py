"""The parts of an address in JSON (``{"adres": {"pc": "2442MX", "straat": ...}}``) under the
drafted ``default: redact_text`` keep their kinds, on SQLite and PostgreSQL: a postcode leaf
whose key names no part (``pc``) gets a postcode in its own notation, not a whole address in
capitals as before (the ``adres`` key made one of it); streets, house numbers and places get
theirs, and a country stays. Assertion messages give counts only.
"""

from __future__ import annotations

import json
import random
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from tests.cli import people
from tests.cli.drafted import drafted_copy, postgres_source


def _documents() -> list[dict[str, object]]:
    rng = random.Random(3)
    documents: list[dict[str, object]] = []
    for number in range(200):
        digits, letters = people.postcode(rng).split(" ")
        lower = letters.lower()
        pc = [digits + letters, f"{digits} {letters}", digits + lower, f"{digits} {lower}"][
            number % 4
        ]
        address = {
            "straat": rng.choice(people.STREETS),
            "huisnummer": str(rng.randint(1, 200)),
            "pc": pc,
            "woonplaats": rng.choice(people.CITIES),
            "land": "NL",
        }
        name = f"{rng.choice(people.LAST)}, {rng.choice(people.FIRST)}"
        documents.append({"patient": {"naam": name, "adres": address}, "uitslag": "negatief"})
    return documents


def _notation(text: str) -> str:
    return re.sub("[a-z]", "a", re.sub("[A-Z]", "A", re.sub(r"\d", "9", text)))


def _flow(source: str, tmp_path: Path, documents: list[dict[str, object]]) -> None:
    rules, target = drafted_copy(source, tmp_path)
    assert rules["lab"]["columns"]["payload"] == {  # type: ignore[index]
        "rule": "json",
        "default": {"rule": "redact_text"},
    }
    with closing(sqlite3.connect(target)) as conn:
        copied = [json.loads(p) for (p,) in conn.execute("SELECT payload FROM lab ORDER BY id")]
    assert len(copied) == len(documents)
    old = [d["patient"]["adres"] for d in documents]  # type: ignore[index]
    new = [d["patient"]["adres"] for d in copied]
    for part in ("straat", "huisnummer", "pc", "woonplaats"):
        kept = sum(1 for a, b in zip(old, new, strict=True) if a[part] == b[part])
        assert kept == 0, f"{part}: {kept} of {len(old)} kept"
    other = sum(
        1 for a, b in zip(old, new, strict=True) if _notation(a["pc"]) != _notation(b["pc"])
    )
    assert other == 0, f"{other} of {len(old)} postcodes not faked as one in their notation"
    whole = sum(1 for b in new for part in ("straat", "woonplaats") if "," in b[part])
    assert whole == 0, f"{whole} streets or places faked as whole addresses"
    numbers = sum(1 for b in new if not b["huisnummer"].isdigit())
    assert numbers == 0, f"{numbers} house numbers not faked as one"
    countries = sum(1 for b in new if b["land"] != "NL")
    assert countries == 0, f"{countries} countries changed"


def _rows(documents: list[dict[str, object]]) -> dict[str, list[tuple[int, str]]]:
    return {"lab": [(i, json.dumps(d)) for i, d in enumerate(documents, start=1)]}


def test_address_parts_keep_their_kinds_on_sqlite(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    documents = _documents()
    source = sqlite_db("CREATE TABLE lab (id INTEGER PRIMARY KEY, payload TEXT);", _rows(documents))
    _flow(str(source), tmp_path, documents)


@pytest.mark.postgres
def test_address_parts_keep_their_kinds_on_postgresql(pg_db: str, tmp_path: Path) -> None:
    documents = _documents()
    ddl = "CREATE TABLE lab (id INTEGER PRIMARY KEY, payload JSONB)"
    _flow(postgres_source(pg_db, ddl, _rows(documents)), tmp_path, documents)

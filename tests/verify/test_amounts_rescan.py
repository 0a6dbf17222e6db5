"""A kept money column (PostgreSQL ``numeric(12,2)``) is no onderwijsnummer: ``1034567.00``
without its point reads as nine digits starting with 10 that may pass their check."""

from __future__ import annotations

import psycopg
import pyarrow as pa

from sluis.model.policy_file import parse_policy
from sluis.verify import verify
from sluis.verify.checks.rescan import _candidates
from sluis.verify.context import text_array
from tests.conftest import SqliteFactory

POLICY = """
version: 1
tables:
  woz:
    columns:
      woz_id: {rule: keep, reason: key}
      waarde: {rule: keep, reason: assessed value}
"""


def _onderwijsnummers() -> list[int]:
    """Amounts in cents whose digits are an onderwijsnummer (BSN weights, sum ≡ 5 mod 11)."""
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    found = []
    for cents in range(100_000_000, 110_000_000, 100):
        if sum(w * int(d) for w, d in zip(weights, str(cents), strict=True)) % 11 == 5:
            found.append(cents)
        if len(found) == 40:
            return found
    raise AssertionError("too few")


def test_amounts_are_no_candidates_only_in_a_decimal_column() -> None:
    texts = text_array(pa.array(["1034567.00", "103456700", None]))
    assert [row for row, _ in _candidates(texts, (), amounts=True)[1]] == [1]
    assert [row for row, _ in _candidates(texts, ())[1]] == [0, 1]


def test_kept_amounts_pass_the_rescan(pg_db: str, sqlite_db: SqliteFactory) -> None:
    amounts = [
        (i, f"{cents // 100}.{cents % 100:02d}") for i, cents in enumerate(_onderwijsnummers())
    ]
    with psycopg.connect(pg_db, autocommit=True) as conn:
        conn.execute("CREATE TABLE woz (woz_id integer PRIMARY KEY, waarde numeric(12, 2))")
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO woz VALUES (%s, %s)", amounts)
    source = sqlite_db(
        "CREATE TABLE woz (woz_id INTEGER PRIMARY KEY, waarde NUMERIC);", {"woz": amounts}
    )
    report = verify(str(source), pg_db, parse_policy(POLICY, "policy"))
    assert "V4" not in report.failed_checks()

"""Values that share digits but not a shape are different values to the leak check: a
payment date whose digits are somebody's 8-digit BSN, an amount with an IP address's digits.
A verifier that flags them makes a correct copy impossible to publish."""

from __future__ import annotations

import datetime
from pathlib import Path

from sluis.model.policy_file import parse_policy
from sluis.verify import verify
from tests.conftest import SqliteFactory

POLICY = parse_policy(
    """
version: 1
tables:
  betalingen:
    columns:
      id: {rule: keep, reason: surrogate key}
      bsn: {rule: pseudonymize, category: id.bsn}
      ip: {rule: pseudonymize, category: network.ip}
      datum: {rule: keep, reason: date of payment}
      bedrag: {rule: keep, reason: amount}
""",
    "test policy",
)
DDL = (
    "CREATE TABLE betalingen (id INTEGER PRIMARY KEY, bsn TEXT, ip TEXT, datum TEXT, bedrag TEXT);"
)


ORDINARY = ("123456782", "111222333")  # valid BSNs, and no dates


def _eleven_proof(digits: str) -> bool:
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(w * int(d) for w, d in zip(weights, digits, strict=True)) % 11 == 0


def _dated_bsns(count: int) -> list[tuple[str, datetime.date]]:
    """Valid BSNs written without their leading zero whose 8 digits are a date."""
    found, day = [], datetime.date(1985, 1, 1)
    while len(found) < count:
        if _eleven_proof("0" + day.strftime("%Y%m%d")):
            found.append((day.strftime("%Y%m%d"), day))
        day += datetime.timedelta(days=1)
    return found


def _pair(sqlite_db: SqliteFactory, *, keep_bsn: bool) -> tuple[Path, Path]:
    dated = _dated_bsns(4)
    replacement = [bsn for bsn, _ in _dated_bsns(12)[8:]]
    addresses = ["83.124.5.66", "10.20.30.40", "192.168.1.25", "145.7.81.90"]
    source_rows, target_rows = [], []
    for i, ((bsn, _), ip) in enumerate(zip(dated, addresses, strict=True)):
        paid = dated[(i + 1) % 4][1].isoformat()  # another person's BSN digits, as a date
        amount = ip.replace(".", "")[:-2] + "." + ip.replace(".", "")[-2:]
        source_rows.append((i, bsn, ip, paid, amount))
        fake_ip = f"198.51.100.{i + 1}"
        target_rows.append((i, bsn if keep_bsn else replacement[i], fake_ip, paid, amount))
    # A BSN column holds mostly BSNs that read as no date at all.
    source_rows.append((4, ORDINARY[0], "203.0.113.9", "2024-05-05", "12.50"))
    target_rows.append((4, ORDINARY[1], "198.51.100.9", "2024-05-05", "12.50"))
    source = sqlite_db(DDL, {"betalingen": source_rows}, name="source.db")
    target = sqlite_db(DDL, {"betalingen": target_rows}, name="target.db")
    return source, target


def test_dates_and_amounts_with_an_identifiers_digits_are_no_leak(
    sqlite_db: SqliteFactory,
) -> None:
    source, target = _pair(sqlite_db, keep_bsn=False)
    report = verify(str(source), str(target), POLICY)
    assert report.passed, report.failed_checks()


def test_the_same_bsn_kept_is_still_a_leak(sqlite_db: SqliteFactory) -> None:
    source, target = _pair(sqlite_db, keep_bsn=True)
    assert not verify(str(source), str(target), POLICY).passed


COMPACT = parse_policy(
    """
version: 1
tables:
  klanten:
    columns:
      id: {rule: keep, reason: surrogate key}
      sofinr: {rule: pseudonymize, category: id.bsn}
      gbdat: {rule: shift_date, max_days: 180}
      mut_dat: {rule: keep, reason: date of the last change}
""",
    "test policy",
)
COMPACT_DDL = (
    "CREATE TABLE klanten (id INTEGER PRIMARY KEY, sofinr INTEGER, gbdat TEXT, mut_dat TEXT);"
)


def _compact_pair(sqlite_db: SqliteFactory, *, keep_bsn: bool) -> tuple[Path, Path]:
    """BSNs stored as integers (the leading zero dropped) beside dates written ``YYYYMMDD``;
    each row's change date has another person's BSN digits."""
    dated = _dated_bsns(4)
    replacement = [int(bsn) for bsn, _ in _dated_bsns(12)[8:]]
    births = ["19700101", "19811224", "19930615", "20010930"]
    source_rows, target_rows = [], []
    for i, (bsn, _) in enumerate(dated):
        changed = dated[(i + 1) % 4][0]
        source_rows.append((i, int(bsn), births[i], changed))
        birth = f"{int(births[i][:4]) + 1}0202"
        target_rows.append((i, int(bsn) if keep_bsn else replacement[i], birth, changed))
    source_rows.append((4, int(ORDINARY[0]), "19650505", "20240505"))
    target_rows.append((4, int(ORDINARY[1]), "19660202", "20240505"))
    source = sqlite_db(COMPACT_DDL, {"klanten": source_rows}, name="source.db")
    target = sqlite_db(COMPACT_DDL, {"klanten": target_rows}, name="target.db")
    return source, target


def test_compact_dates_with_an_integer_bsns_digits_are_no_leak(sqlite_db: SqliteFactory) -> None:
    source, target = _compact_pair(sqlite_db, keep_bsn=False)
    report = verify(str(source), str(target), COMPACT)
    assert report.passed, report.failed_checks()


def test_integer_bsns_that_read_as_dates_kept_are_still_a_leak(sqlite_db: SqliteFactory) -> None:
    source, target = _compact_pair(sqlite_db, keep_bsn=True)
    assert "V1" in verify(str(source), str(target), COMPACT).failed_checks()

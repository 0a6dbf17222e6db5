"""A licence plate inside a photo's file name ("HH-008_122854_63NHBD.jpg") is a piece of
its own: a kept column of such names leaks the plates; one of the fakes' names does not."""

from __future__ import annotations

import random
from pathlib import Path

from sluis.model.policy_file import parse_policy
from sluis.synth import identifiers
from sluis.verify import verify
from tests.conftest import SqliteFactory

DDL = "CREATE TABLE scans (id INTEGER PRIMARY KEY, kenteken TEXT, foto TEXT);"
POLICY = """
version: 1
tables:
  scans:
    columns:
      id: {rule: keep, reason: key}
      kenteken: {rule: fake, category: id.license_plate}
      foto: {rule: keep, reason: the camera's file name}
"""


def _photo(i: int, plate: str) -> str:
    return f"HH-{i % 50:03d}_{120000 + i}_{plate.replace('-', '')}.jpg"


def _pair(sqlite_db: SqliteFactory, *, renamed: bool) -> tuple[Path, Path]:
    rng = random.Random(6)
    real = [identifiers.license_plate(rng) for _ in range(60)]
    fake = [identifiers.license_plate(rng) for _ in range(60)]
    source = [(i, p, _photo(i, p)) for i, p in enumerate(real)]
    target = [
        (i, f, _photo(i, f if renamed else p))
        for i, (p, f) in enumerate(zip(real, fake, strict=True))
    ]
    return (
        sqlite_db(DDL, {"scans": source}, name="source.db"),
        sqlite_db(DDL, {"scans": target}, name="target.db"),
    )


def test_a_plate_kept_inside_a_file_name_leaks(sqlite_db: SqliteFactory) -> None:
    source, target = _pair(sqlite_db, renamed=False)
    report = verify(str(source), str(target), parse_policy(POLICY, "policy"))
    assert "V1" in report.failed_checks()


def test_file_names_of_the_fakes_do_not_leak(sqlite_db: SqliteFactory) -> None:
    source, target = _pair(sqlite_db, renamed=True)
    report = verify(str(source), str(target), parse_policy(POLICY, "policy"))
    assert "V1" not in report.failed_checks()


UUID_DDL = "CREATE TABLE persoon (id TEXT PRIMARY KEY, telefoon TEXT);"
UUID_POLICY = """
version: 1
tables:
  persoon:
    columns:
      id: {rule: keep, reason: uuid key}
      telefoon: {rule: pseudonymize, category: contact.phone}
"""


def test_the_digits_inside_a_kept_uuid_are_no_leak(sqlite_db: SqliteFactory) -> None:
    """A UUID's last group may hold nine digits that equal a mobile number without its 0
    ("…-dd648429559a" and 06-48429559); a random key is no one's data."""
    keys = ["6e33f637-9f40-48c9-bf8c-dd648429559a", "e798cac5-31bf-43f7-907f-de59f60c3cff"]
    source = sqlite_db(
        UUID_DDL, {"persoon": [(keys[0], "06-48429559"), (keys[1], "06-12345678")]}, name="s.db"
    )
    target = sqlite_db(
        UUID_DDL, {"persoon": [(keys[0], "06-23456789"), (keys[1], "06-34567890")]}, name="t.db"
    )
    report = verify(str(source), str(target), parse_policy(UUID_POLICY, "policy"))
    assert "V1" not in report.failed_checks()

"""``sluis verify`` and ``sluis attest`` end to end, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from sluis.cli.verify import attest_group, verify_command
from sluis.verify.report import CheckResult, VerificationReport
from tests.conftest import SqliteFactory
from tests.verify.copies import COLUMNS, DDL, source_rows, target_rows, write_pair


def _personal_values() -> list[str]:
    rows = source_rows()["aanvragers"]
    return [str(row[i]) for row in rows for i in (1, 2, 3, 4, 5)]


def _keys(tmp_path: Path) -> tuple[Path, Path]:
    private, public = tmp_path / "signing.pem", tmp_path / "signing.pub.pem"
    status = attest_group.main(
        ["keygen", "--private", str(private), "--public", str(public)], standalone_mode=False
    )
    assert status == 0
    assert private.stat().st_mode & 0o077 == 0
    return private, public


@pytest.mark.parametrize("fmt", ["table", "json", "html"])
def test_report_names_places_never_values(
    fmt: str, sqlite_db: SqliteFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target, policy = write_pair(sqlite_db, [{"op": "copy_source"}])
    status = verify_command.main(
        [str(source), str(target), "--policy", str(policy), "--format", fmt],
        standalone_mode=False,
    )
    out = capsys.readouterr()
    assert status == 1
    assert "aanvragers" in out.out
    leaked = [i for i, v in enumerate(_personal_values()) if v in out.out + out.err]
    assert leaked == [], f"{len(leaked)} values printed"
    if fmt == "json":
        assert json.loads(out.out)["passed"] is False


def test_bad_input_is_an_error(sqlite_db: SqliteFactory, tmp_path: Path) -> None:
    from sluis.errors import InputError

    source, target, policy = write_pair(sqlite_db, [])
    with pytest.raises(InputError):
        verify_command.main(
            [str(source), str(target), "--policy", str(policy), "--attest", "a.json"],
            standalone_mode=False,
        )
    with pytest.raises(InputError):
        verify_command.main(
            [str(source), str(target), "--policy", str(tmp_path / "missing.yaml")],
            standalone_mode=False,
        )


def test_attestation_round_trip_on_sqlite(sqlite_db: SqliteFactory, tmp_path: Path) -> None:
    private, public = _keys(tmp_path)
    source, target, policy = write_pair(sqlite_db, [])
    attestation = tmp_path / "attestation.json"
    argv = [str(source), str(target), "--policy", str(policy), "--format", "json"]
    argv += ["--attest", str(attestation), "--signing-key", str(private)]
    assert verify_command.main(argv, standalone_mode=False) == 0
    document = json.loads(attestation.read_text())
    assert document["attestation"]["passed"] is True
    assert [c["code"] for c in document["attestation"]["checks"]] == ["V1", "V2", "V3", "V4", "V5"]
    check = ["verify", str(attestation), str(target), "--public-key", str(public)]
    assert attest_group.main(check, standalone_mode=False) == 0
    # A tampered attestation no longer matches its signature.
    document["attestation"]["passed"] = False
    attestation.write_text(json.dumps(document))
    assert attest_group.main(check, standalone_mode=False) == 1


@pytest.mark.postgres
def test_end_to_end_against_postgresql(
    pg_db: str, sqlite_db: SqliteFactory, tmp_path: Path
) -> None:
    source, _, policy = write_pair(sqlite_db, [])
    with psycopg.connect(pg_db, autocommit=True) as conn:
        conn.execute(DDL)
        for table, rows in target_rows().items():
            marks = ", ".join(["%s"] * len(COLUMNS[table]))
            with conn.cursor() as cur:
                cur.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    private, public = _keys(tmp_path)
    attestation = tmp_path / "attestation.json"
    argv = [str(source), pg_db, "--policy", str(policy)]
    signed = [*argv, "--attest", str(attestation), "--signing-key", str(private)]
    assert verify_command.main(signed, standalone_mode=False) == 0
    check = ["verify", str(attestation), pg_db, "--public-key", str(public)]
    assert attest_group.main(check, standalone_mode=False) == 0
    # An original surname slips into a kept column: verify fails, the attestation no
    # longer matches the copy.
    surname = source_rows()["aanvragers"][6][3]
    with psycopg.connect(pg_db, autocommit=True) as conn:
        conn.execute("UPDATE aanvragers SET status = %s WHERE id = 2", (surname.upper(),))
    assert verify_command.main(argv, standalone_mode=False) == 1
    assert attest_group.main(check, standalone_mode=False) == 1


def test_the_key_is_named_as_anonymize_names_it(sqlite_db: SqliteFactory, tmp_path: Path) -> None:
    """``--key-file`` as in ``sluis anonymize``; ``--key`` stays for old scripts."""
    from sluis.errors import InputError
    from sluis.keys import Key

    source, target, policy = write_pair(sqlite_db, [])
    key = tmp_path / "sluis.key"
    key.write_text(Key.generate().to_text())
    for option in ("--key-file", "--key"):
        status = verify_command.main(
            [str(source), str(target), "--policy", str(policy), option, str(key)],
            standalone_mode=False,
        )
        assert status == 0
    key.write_bytes(bytes(range(256)))
    with pytest.raises(InputError, match="not a text file"):
        verify_command.main(
            [str(source), str(target), "--policy", str(policy), "--key-file", str(key)],
            standalone_mode=False,
        )


@pytest.mark.parametrize("code", ["V1", "V2", "V3", "V4", "V5"])
def test_a_failed_checks_fix_fits_the_one_line_error(code: str) -> None:
    """The fix ends the one-line error of a refused copy; V1's told four cases at length."""
    report = VerificationReport("a.db", "b.db", "0", "now", 0.0, (CheckResult(code, "", False),))
    assert 0 < len(report.fix()) <= 160

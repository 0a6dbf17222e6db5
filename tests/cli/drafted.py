"""The README's flow for CLI tests: a key, a drafted (or written) policy and an anonymized
copy."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import psycopg
import yaml

from tests.cli.test_scan import run


def drafted_copy(source: str, tmp_path: Path) -> tuple[dict[str, dict[str, object]], Path]:
    """Draft a policy for ``source`` unreviewed, anonymize with it into ``tmp_path``; the
    drafted rules per table and the published copy."""
    policy, key, target = tmp_path / "policy.yaml", tmp_path / "key", tmp_path / "copy.db"
    assert run("keygen", "-o", str(key)).returncode == 0
    drafted = run("policy", "init", source, "-o", str(policy))
    assert drafted.returncode == 0, drafted.stderr
    result = run("anonymize", source, str(target), "--policy", str(policy), "--key-file", str(key))
    assert result.returncode == 0, result.stderr
    rules = yaml.safe_load(policy.read_text(encoding="utf-8"))["tables"]
    return rules, target


def policy_copy(source: str, policy_text: str, key_text: str, tmp_path: Path) -> Path:
    """Anonymize ``source`` with a written policy and key into ``tmp_path``; the published copy."""
    tmp_path.mkdir(exist_ok=True)
    policy, key, target = tmp_path / "policy.yaml", tmp_path / "key", tmp_path / "copy.db"
    policy.write_text(policy_text, encoding="utf-8")
    key.write_text(key_text, encoding="ascii")
    result = run("anonymize", source, str(target), "--policy", str(policy), "--key-file", str(key))
    assert result.returncode == 0, result.stderr
    return target


def postgres_source(url: str, ddl: str, rows: Mapping[str, Sequence[Sequence[object]]]) -> str:
    """Write ``ddl`` and ``rows`` (per table, in column order) into the PostgreSQL database
    at ``url``, as the ``sqlite_db`` fixture writes a SQLite file; the ``url``."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(ddl)
        with conn.cursor() as cursor:
            for table, table_rows in rows.items():
                marks = ", ".join(["%s"] * len(table_rows[0]))
                cursor.executemany(f"INSERT INTO {table} VALUES ({marks})", table_rows)
    return url

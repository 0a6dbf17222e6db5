"""Signed evidence of a verification: what was checked, against which policy and copy.

An attestation file is JSON::

    {"attestation": {"format": "sluis-attestation/1", "tool": {"name", "version"},
                     "created": UTC ISO time, "source": URL, "target": URL (passwords hidden),
                     "policy_sha256", "source_schema_sha256", "target_content_sha256",
                     "target_rows": {table: rows}, "passed",
                     "checks": [{"code", "name", "passed", "counts"}]},
     "signature": {"algorithm": "Ed25519", "public_key": base64, "value": base64}}

The signature covers the canonical JSON of ``attestation`` (sorted keys, no spaces, UTF-8).
``target_content_sha256`` hashes every cell of every target table, tables in name order and
columns in schema order, independent of how the rows arrive in batches; recomputing it
later proves the copy is the one that was verified. Keys are PEM files: an unencrypted
PKCS#8 private key (keep it out of the copy's environment) and its public key
(:func:`sluis.keys.generate_key_pair`).
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sluis.errors import InputError
from sluis.model.policy import Policy
from sluis.model.schema import Schema
from sluis.sources import Source, open_source, redact_url
from sluis.verify.report import VerificationReport

FORMAT = "sluis-attestation/1"


@dataclass(frozen=True)
class AttestationCheck:
    """``valid`` only when the signature holds and the target is the one attested."""

    signature_valid: bool
    content_matches: bool
    passed: bool
    problems: tuple[str, ...]

    @property
    def valid(self) -> bool:
        return self.signature_valid and self.content_matches


def canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def policy_fingerprint(policy: Policy) -> str:
    return hashlib.sha256(canonical(policy.model_dump(mode="json"))).hexdigest()


def schema_fingerprint(schema: Schema) -> str:
    return hashlib.sha256(canonical(asdict(schema))).hexdigest()


def _cell(value: object) -> bytes:
    if value is None:
        return b"N"
    raw = (
        bytes(value) if isinstance(value, bytes | bytearray | memoryview) else repr(value).encode()
    )
    return len(raw).to_bytes(8, "big") + raw


def content_fingerprint(target: Source) -> tuple[str, dict[str, int]]:
    """SHA-256 over every cell of every table, and the row count of each table."""
    total = hashlib.sha256()
    rows: dict[str, int] = {}
    for table in sorted(target.schema().tables, key=lambda t: t.name):
        names = [c.name for c in table.columns]
        hashers = [hashlib.sha256() for _ in names]
        count = 0
        for batch in target.batches(table.name, names):
            count += batch.num_rows
            for i, hasher in enumerate(hashers):
                for value in batch.column(i).to_pylist():
                    hasher.update(_cell(value))
        rows[table.name] = count
        total.update(canonical(["table", table.name, count]))
        for column, hasher in zip(table.columns, hashers, strict=True):
            total.update(canonical([column.name, column.type.value, hasher.hexdigest()]))
    return total.hexdigest(), rows


def attest(
    report: VerificationReport,
    policy: Policy,
    source_url: str,
    target_url: str,
    signing_key: Ed25519PrivateKey,
    *,
    published_as: str | None = None,
) -> dict[str, Any]:
    """The signed attestation of ``report`` (re-reads the target to fingerprint it).

    ``published_as`` names the target where a staged copy will be published, when
    ``target_url`` is the staging location.
    """
    with open_source(source_url) as source:
        source_schema = schema_fingerprint(source.schema())
    with open_source(target_url) as target:
        content, rows = content_fingerprint(target)
    body = {
        "format": FORMAT,
        "tool": {"name": "sluis", "version": report.version},
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "source": redact_url(source_url),
        "target": redact_url(published_as or target_url),
        "policy_sha256": policy_fingerprint(policy),
        "source_schema_sha256": source_schema,
        "target_content_sha256": content,
        "target_rows": rows,
        "passed": report.passed,
        "checks": [
            {"code": c.code, "name": c.name, "passed": c.passed, "counts": c.counts}
            for c in report.checks
        ],
    }
    public = signing_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return {
        "attestation": body,
        "signature": {
            "algorithm": "Ed25519",
            "public_key": base64.b64encode(public).decode(),
            "value": base64.b64encode(signing_key.sign(canonical(body))).decode(),
        },
    }


def check_attestation(
    document: dict[str, Any], target_url: str, public_key: Ed25519PublicKey
) -> AttestationCheck:
    """Check the signature with ``public_key`` and recompute the target's fingerprint."""
    problems: list[str] = []
    try:
        body = document["attestation"]
        signature = base64.b64decode(document["signature"]["value"], validate=True)
        if document["signature"]["algorithm"] != "Ed25519" or body["format"] != FORMAT:
            raise ValueError
    except (KeyError, TypeError, ValueError):
        raise InputError("not a Sluis attestation (format sluis-attestation/1)") from None
    try:
        public_key.verify(signature, canonical(body))
        signed = True
    except InvalidSignature:
        signed = False
        problems.append("signature does not match the attestation and public key")
    with open_source(target_url) as target:
        content, _ = content_fingerprint(target)
    matches = content == body.get("target_content_sha256")
    if not matches:
        problems.append("target content differs from the attested copy")
    return AttestationCheck(signed, matches, bool(body.get("passed")), tuple(problems))


def read_attestation(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read attestation {path.name}: {type(exc).__name__}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path.name}: not a Sluis attestation")
    return data

"""Signed tree heads ("checkpoints") of the processing log's Merkle tree.

A checkpoint commits to the log's first ``size`` records through the tree's ``root``. The
Ed25519 signature covers the text::

    sluis-log-checkpoint/v1
    <origin>
    <size>
    <root as 64 hex digits>
    <time as ISO-8601 UTC>

A checkpoint file is JSON with those fields plus ``public_key`` and ``signature`` (base64).
Whoever keeps a checkpoint can later prove with :mod:`sluis.registers.merkle` that every
record it covered is still in the log, unchanged, even after payloads were deleted.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sluis.errors import InputError

HEADER = "sluis-log-checkpoint/v1"


class CheckpointError(InputError):
    """A checkpoint or signing key that cannot be read or does not verify."""

    code = "SLUIS-410"


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes
    time: str
    public_key: bytes
    signature: bytes

    def body(self) -> bytes:
        return signed_text(self.origin, self.size, self.root, self.time)

    def signature_valid(self, trusted: Ed25519PublicKey | None = None) -> bool:
        """Whether the signature verifies with ``trusted`` (else with the embedded key)."""
        try:
            key = trusted or Ed25519PublicKey.from_public_bytes(self.public_key)
            key.verify(self.signature, self.body())
        except (InvalidSignature, ValueError):
            return False
        if trusted is not None:
            return public_bytes(trusted) == self.public_key
        return True

    def to_json(self) -> dict[str, Any]:
        return {
            "format": HEADER,
            "origin": self.origin,
            "size": self.size,
            "root": self.root.hex(),
            "time": self.time,
            "public_key": base64.b64encode(self.public_key).decode("ascii"),
            "signature": base64.b64encode(self.signature).decode("ascii"),
        }

    @classmethod
    def from_json(cls, data: Any) -> Checkpoint:
        try:
            if data["format"] != HEADER:
                raise CheckpointError("not a sluis log checkpoint (format field)")
            size = data["size"]
            if not isinstance(size, int) or size < 0:
                raise CheckpointError("checkpoint size must be a non-negative integer")
            return cls(
                origin=str(data["origin"]),
                size=size,
                root=bytes.fromhex(data["root"]),
                time=str(data["time"]),
                public_key=base64.b64decode(data["public_key"], validate=True),
                signature=base64.b64decode(data["signature"], validate=True),
            )
        except (KeyError, TypeError, ValueError, binascii.Error) as exc:
            raise CheckpointError(
                f"malformed checkpoint ({type(exc).__name__}); expected the JSON that "
                "'sluis log checkpoint' writes"
            ) from None


def signed_text(origin: str, size: int, root: bytes, time: str) -> bytes:
    return f"{HEADER}\n{origin}\n{size}\n{root.hex()}\n{time}\n".encode()


def public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def sign(key: Ed25519PrivateKey, origin: str, size: int, root: bytes, time: str) -> Checkpoint:
    signature = key.sign(signed_text(origin, size, root, time))
    return Checkpoint(origin, size, root, time, public_bytes(key.public_key()), signature)


def read_checkpoint(path: Path) -> Checkpoint:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CheckpointError(f"cannot read checkpoint {path.name}: {type(exc).__name__}") from None
    return Checkpoint.from_json(data)

"""The secret key behind every pseudonym, and the sub-keys derived from it.

A key is 32 random bytes. Its text form is 64 hex digits (what :meth:`Key.to_text` writes);
base64 and URL-safe base64 of 32 bytes are read too. Sub-keys per purpose ("id.bsn",
"finance.iban", ...) are derived with HMAC-SHA256, so one leaked sub-key reveals neither
the master key nor another purpose's sub-key. The key material never appears in ``repr``,
``str`` or error messages.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sluis.errors import InputError

KEY_BYTES = 32
_HEX = re.compile(r"[0-9a-fA-F]{64}")


class KeyFormatError(InputError):
    """A key text or key file that is not a 32-byte key in hex or base64."""

    code = "SLUIS-110"


@dataclass(frozen=True)
class Key:
    """A 32-byte secret for the keyed PRF; compare and hash it like a value."""

    material: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.material, bytes) or len(self.material) != KEY_BYTES:
            raise KeyFormatError(f"a key must be exactly {KEY_BYTES} bytes")

    def __repr__(self) -> str:
        return "Key(<secret>)"

    __str__ = __repr__

    @classmethod
    def generate(cls) -> Key:
        """A fresh key from the operating system's random source."""
        return cls(secrets.token_bytes(KEY_BYTES))

    @classmethod
    def from_text(cls, text: str) -> Key:
        """Parse 64 hex digits, or standard / URL-safe base64 (with or without padding)."""
        cleaned = "".join(text.split())
        if _HEX.fullmatch(cleaned):
            return cls(bytes.fromhex(cleaned))
        padded = (cleaned + "=" * (-len(cleaned) % 4)).replace("-", "+").replace("_", "/")
        try:
            raw = base64.b64decode(padded.encode("ascii"), validate=True)
        except (binascii.Error, ValueError, UnicodeEncodeError):
            raw = b""
        if len(raw) == KEY_BYTES:
            return cls(raw)
        raise KeyFormatError(
            f"key text is not {KEY_BYTES} bytes written as 64 hex digits or base64; "
            "create one with 'sluis keygen -o sluis.key'"
        )

    @classmethod
    def load(cls, path: str | Path) -> Key:
        """Read a key file holding the text form (surrounding whitespace is ignored)."""
        file = Path(path)
        try:
            text = file.read_text(encoding="ascii")
        except UnicodeDecodeError:
            raise KeyFormatError(
                f"key file {file.name} is not a Sluis key (it holds binary data); "
                "make one with 'sluis keygen -o sluis.key'"
            ) from None
        except OSError as exc:
            raise KeyFormatError(
                f"cannot read key file {file.name}: {exc.strerror or type(exc).__name__}"
            ) from None
        try:
            return cls.from_text(text)
        except KeyFormatError:
            raise KeyFormatError(
                f"key file {file.name} does not hold a {KEY_BYTES}-byte key in hex or base64"
            ) from None

    def to_text(self) -> str:
        """The key as 64 lower-case hex digits."""
        return self.material.hex()

    def derive(self, purpose: str) -> Key:
        """The sub-key for one purpose, e.g. ``"id.bsn"``: HMAC-SHA256(key, "sluis/" + purpose)."""
        digest = hmac.digest(self.material, b"sluis/" + purpose.encode("utf-8"), hashlib.sha256)
        return Key(digest)


# -- Ed25519 signing keys (attestations, log checkpoints) --------------------------------


def generate_key_pair(private_path: Path, public_path: Path) -> None:
    """Write a new Ed25519 key pair as PEM; the private file is created owner-only and an
    existing one is never overwritten."""
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    try:
        private_path.touch(mode=0o600, exist_ok=False)
        private_path.write_bytes(private_pem)
        public_path.write_bytes(public_pem)
    except OSError as exc:
        raise InputError(
            f"cannot write key pair {private_path.name} / {public_path.name}: {exc.strerror}"
        ) from None


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """The Ed25519 private key in PEM file ``path``."""
    key = _load_pem(path, private=True)
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFormatError(f"{path.name}: not an Ed25519 private key")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    """The Ed25519 public key in PEM file ``path``."""
    key = _load_pem(path, private=False)
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFormatError(f"{path.name}: not an Ed25519 public key")
    return key


def _load_pem(path: Path, *, private: bool) -> object:
    try:
        data = path.read_bytes()
        if private:
            return serialization.load_pem_private_key(data, password=None)
        return serialization.load_pem_public_key(data)
    except (OSError, ValueError, TypeError) as exc:
        kind = "private" if private else "public"
        raise KeyFormatError(f"cannot read {kind} key {path.name}: {type(exc).__name__}") from None

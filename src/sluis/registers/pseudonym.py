"""Keyed pseudonymous ids for the persons registers speak of.

Registers never store a BSN or another direct identifier: they store
HMAC-SHA256(sub-key "registers.subject", "<id type>:<normalised id>"), as 32 hex digits.
The same key always gives the same pseudonym, so the processing log, the disclosure ledger
and the breach register can be joined on it; without the key it cannot be reversed or
recomputed from a guessed BSN.
"""

from __future__ import annotations

import hashlib
import hmac

from sluis.keys import Key

PSEUDONYM_HEX_DIGITS = 32


def normalise_subject_id(id_type: str, value: str) -> str:
    """``value`` without spaces, dots and dashes; a BSN is left-padded to nine digits."""
    cleaned = "".join(ch for ch in value.strip() if ch not in " .-")
    if id_type.lower() == "bsn" and cleaned.isdigit():
        cleaned = cleaned.zfill(9)
    return cleaned


def subject_pseudonym(key: Key, id_type: str, value: str) -> str:
    """The pseudonymous id of the person identified by ``value`` of type ``id_type``."""
    message = f"{id_type.lower()}:{normalise_subject_id(id_type, value)}".encode()
    digest = hmac.digest(key.derive("registers.subject").material, message, hashlib.sha256)
    return digest.hex()[:PSEUDONYM_HEX_DIGITS]

"""Dutch identifiers that are valid by construction, drawn from a caller's ``random.Random``.

Every generator takes the random source explicitly so a seed fixes the output. The values
follow the real rules (BSN 11-proef, IBAN mod 97 with real bank codes, the phone numbering
plan, postcode letter rules) but also the real mess: repeated digits, 8-digit BSNs and
several written forms.
"""

from __future__ import annotations

import random

BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)

# First four letters of the BIC of Dutch retail banks (Betaalvereniging's list).
BANK_CODES = ("ABNA", "INGB", "RABO", "SNSB", "ASNB", "RBRB", "TRIO", "KNAB", "BUNQ")
_BANK_WEIGHTS = (22, 30, 25, 8, 4, 4, 3, 2, 2)


def _codes(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Area codes with a 7-digit subscriber number (two digits after the trunk 0).
_AREA_2 = _codes(
    "10 13 15 20 23 24 26 30 33 35 36 38 40 43 45 46 50 53 55 58 70 71 72 73 74 75 76 79"
)
# Area codes with a 6-digit subscriber number (three digits after the trunk 0).
_AREA_3 = _codes(
    """
    111 113 114 118 161 162 164 172 174 180 182 183 184 223 224 226 227 228 229 251 252 255
    294 297 299 313 314 315 316 317 318 320 321 341 342 343 344 345 346 347 348 411 412 413
    416 418 475 478 481 485 486 487 488 492 493 495 497 499 511 512 513 514 515 516 517 518
    519 521 522 523 524 525
    """
)

_FORBIDDEN_POSTCODE_LETTERS = frozenset({"SA", "SD", "SS"})
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def bsn_checksum_ok(digits: str) -> bool:
    """True when nine digits pass the BSN 11-proef (``000000000`` never does)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    return sum(w * int(d) for w, d in zip(BSN_WEIGHTS, digits, strict=True)) % 11 == 0


def _eleven_proof(rng: random.Random, first: str, length: int = 9) -> str:
    """Digits starting with ``first`` and completed to pass the BSN 11-proef."""
    while True:
        head = first + "".join(rng.choice("0123456789") for _ in range(length - 1 - len(first)))
        total = sum(w * int(d) for w, d in zip(BSN_WEIGHTS, head, strict=False))
        check = total % 11
        if check < 10:
            candidate = head + str(check)
            if bsn_checksum_ok(candidate):
                return candidate


def bsn(rng: random.Random, *, leading_zero_share: float = 0.1) -> str:
    """A nine-digit BSN as a string; about ``leading_zero_share`` start with ``0``."""
    if rng.random() < leading_zero_share:
        return _eleven_proof(rng, "0" + rng.choice("123456789"))
    return _eleven_proof(rng, rng.choice("123456789"))


def case_number(rng: random.Random) -> int:
    """A nine-digit dossier number that passes the 11-proef: a BSN look-alike, not a BSN."""
    return int(_eleven_proof(rng, rng.choice("3456789")))


def format_bsn(value: str, style: str) -> str:
    """Write a BSN as ``plain``, ``dotted`` (``1234.56.782``), ``spaced`` or ``short``.

    ``short`` drops a leading zero, as systems that stored the number as an integer do.
    """
    if style == "dotted":
        return f"{value[:4]}.{value[4:6]}.{value[6:]}"
    if style == "spaced":
        return f"{value[:3]} {value[3:6]} {value[6:]}"
    if style == "short":
        return value.lstrip("0") if value.startswith("0") else value
    return value


def iban_check_digits(bank: str, account: str, country: str = "NL") -> str:
    """ISO 7064 mod 97-10 check digits for ``country + kk + bank + account``."""
    rearranged = bank + account + country + "00"
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return f"{98 - int(numeric) % 97:02d}"


def iban_valid(value: str) -> bool:
    """True when an IBAN (spaces allowed) passes mod 97."""
    compact = value.replace(" ", "").upper()
    if len(compact) < 15 or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def iban(rng: random.Random, *, spaced: bool = False) -> str:
    """An 18-character Dutch IBAN with a real bank code and valid check digits."""
    bank = rng.choices(BANK_CODES, weights=_BANK_WEIGHTS)[0]
    if bank == "INGB":
        account = "000" + "".join(rng.choice("0123456789") for _ in range(7))
    else:
        account = rng.choice("123456789") + "".join(rng.choice("0123456789") for _ in range(9))
    value = "NL" + iban_check_digits(bank, account) + bank + account
    if spaced:
        return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return value


def mobile(rng: random.Random) -> str:
    """A Dutch mobile number in national form without separators (``06`` + 8 digits)."""
    return "06" + rng.choice("123458") + "".join(rng.choice("0123456789") for _ in range(7))


def landline(rng: random.Random) -> str:
    """A geographic number in national form without separators (10 digits)."""
    if rng.random() < 0.5:
        area = rng.choice(_AREA_2)
        rest = 7
    else:
        area = rng.choice(_AREA_3)
        rest = 6
    subscriber = rng.choice("2345678") + "".join(rng.choice("0123456789") for _ in range(rest - 1))
    return "0" + area + subscriber


def format_phone(national: str, style: str) -> str:
    """Write a 10-digit national number as ``plain``, ``dashed``, ``spaced``, ``intl``
    (``+31612345678``), ``intl_spaced`` (``+31 6 12345678``) or ``intl_trunk``
    (``+31 (0)6 12345678``)."""
    if national.startswith("06"):
        split = 2
    elif national[1:3] in _AREA_2:
        split = 3
    else:
        split = 4
    head, tail = national[:split], national[split:]
    if style == "dashed":
        return f"{head}-{tail}"
    if style == "spaced":
        return f"{head} {tail}"
    if style == "intl":
        return "+31" + national[1:]
    if style == "intl_spaced":
        return f"+31 {head[1:]} {tail}"
    if style == "intl_trunk":
        return f"+31 (0){head[1:]} {tail}"
    return national


PHONE_STYLES = ("plain", "dashed", "spaced", "intl", "intl_spaced", "intl_trunk")


def phone(rng: random.Random, *, mobile_share: float = 0.7) -> str:
    """A valid Dutch phone number in one of the common written forms."""
    national = mobile(rng) if rng.random() < mobile_share else landline(rng)
    return format_phone(national, rng.choice(PHONE_STYLES))


def postcode(rng: random.Random, *, space_share: float = 0.5) -> str:
    """A Dutch postcode (1000–9999 + two letters, never SA/SD/SS)."""
    while True:
        letters = rng.choice(_LETTERS) + rng.choice(_LETTERS)
        if letters not in _FORBIDDEN_POSTCODE_LETTERS:
            break
    number = rng.randint(1000, 9999)
    sep = " " if rng.random() < space_share else ""
    return f"{number}{sep}{letters}"


def v_number(rng: random.Random) -> str:
    """A 10-digit V-nummer (vreemdelingennummer); no public checksum exists."""
    return rng.choice("123456789") + "".join(rng.choice("0123456789") for _ in range(9))


def ipv4(rng: random.Random) -> str:
    """An IPv4 address in a private office range or a public range."""
    if rng.random() < 0.6:
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    return (
        f"{rng.randint(77, 217)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    )


def onderwijsnummer(rng: random.Random) -> str:
    """A DUO onderwijsnummer: 9 digits starting ``10``, BSN weights, sum ≡ 5 (mod 11)."""
    while True:
        head = "10" + "".join(rng.choice("0123456789") for _ in range(6))
        total = sum(w * int(d) for w, d in zip(BSN_WEIGHTS, head, strict=False))
        last = (total - 5) % 11
        if last < 10:
            return head + str(last)


_DOC_CHARS = "ABCDEFGHIJKLMNPQRSTUVWXYZ"  # never the letter O


def passport_number(rng: random.Random) -> str:
    """A Dutch passport or identity-card number: 2 letters, 6 letters/digits, 1 digit, no O."""
    middle = "".join(rng.choice(_DOC_CHARS + "123456789") for _ in range(6))
    return rng.choice(_DOC_CHARS) + rng.choice(_DOC_CHARS) + middle + rng.choice("0123456789")


_PLATE_LETTERS = "BDFGHJKLNPRSTVXZ"
_PLATE_SHAPES = ("XX-99-XX", "XX-XX-99", "99-XX-XX", "99-XXX-9", "9-XXX-99", "XX-999-X", "X-999-XX")


def license_plate(rng: random.Random) -> str:
    """A kenteken in one of side-codes 4–10, with RDW letters (no vowels, C or Q)."""
    shape = rng.choice(_PLATE_SHAPES)
    return "".join(
        rng.choice(_PLATE_LETTERS) if ch == "X" else rng.choice("0123456789") if ch == "9" else ch
        for ch in shape
    )

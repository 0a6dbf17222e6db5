"""A first policy drafted from a scan, for a person to review.

Every table and column of the source appears, with the proposed rule and, as a comment,
the category and evidence that led to it. Columns judged not personal get ``keep`` with
the evidence as the reason, so a reviewer sees why.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from sluis.model.categories import CATEGORIES, Kind
from sluis.model.privacy_map import ColumnFinding, PrivacyMap

# The rule proposed per category; anything personal not listed is faked.
_PROPOSED: dict[str, str] = {
    "id.bsn": "{rule: pseudonymize, category: id.bsn}",
    "id.v_number": "{rule: pseudonymize, category: id.v_number}",
    "id.passport": "{rule: pseudonymize, category: id.passport}",
    "id.onderwijsnummer": "{rule: pseudonymize, category: id.onderwijsnummer}",
    "id.kvk": "{rule: pseudonymize, category: id.kvk}",
    "id.rsin": "{rule: pseudonymize, category: id.rsin}",
    "id.vat": "{rule: pseudonymize, category: id.vat}",
    "id.license_plate": "{rule: pseudonymize, category: id.license_plate}",
    "id.insurance_number": "{rule: pseudonymize, category: id.insurance_number}",
    "id.professional_number": "{rule: pseudonymize, category: id.professional_number}",
    "id.employee_number": "{rule: pseudonymize, category: id.employee_number}",
    "finance.iban": "{rule: pseudonymize, category: finance.iban}",
    "contact.phone": "{rule: pseudonymize, category: contact.phone}",
    "contact.email": "{rule: pseudonymize, category: contact.email}",
    "network.ip": "{rule: pseudonymize, category: network.ip}",
    "person.birth_date": "{rule: shift_date, max_days: 180}",
    "text.contains_pii": "{rule: redact_text}",
    "json.contains_pii": "{rule: json, default: {rule: redact_text}}",
    "blob.contains_pii": "{rule: replace_blob}",
    "quasi.place_of_birth": "{rule: fake, category: quasi.place_of_birth}",
}
# Columns that single a person out in combination, also after they are replaced.
_QUASI = frozenset(
    {c.code for c in CATEGORIES.values() if c.kind is Kind.QUASI}
    | {"person.birth_date", "location.postcode"}
) - {"location.house_number", "person.name_prefix"}
_QUASI_KEEP = '{rule: keep, reason: "quasi-identifier, checked by k-anonymity"}'


def proposed_rule(finding: ColumnFinding) -> str:
    """The rule for one column as a YAML flow mapping."""
    code = finding.category
    if code is None:
        reason = "; ".join(map(_readable, finding.evidence)) or "no personal data in the sample"
        rule = "{rule: keep, reason: " + json.dumps(f"not personal: {reason}")
        if finding.look_alike:
            # Values that pass an identifier's rules: the reviewer must confirm.
            rule += f", allow: [{', '.join(finding.look_alike)}]"
        return rule + "}"
    if code in _PROPOSED:
        return _PROPOSED[code]
    if CATEGORIES[code].kind is Kind.QUASI and code.startswith("quasi."):
        return _QUASI_KEEP
    return "{rule: fake, category: " + code + "}"


def _readable(evidence: str) -> str:
    """Evidence for a reviewer: ``values:last_name 100% (…)`` says the values only resemble
    names, which were not enough to decide (too few distinct ones, a name saying otherwise)."""
    if evidence.startswith("values:"):
        return "values resemble " + evidence.removeprefix("values:").split(" (", 1)[0]
    if evidence.startswith("name:"):
        return "column name " + evidence.removeprefix("name:").removesuffix(" (not personal)")
    return evidence


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Words YAML reads as booleans or null: as keys they must be quoted to stay names.
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def _key(name: str) -> str:
    """A table or column name as a YAML key that reads back as the same string."""
    if _PLAIN_KEY.fullmatch(name) and name.lower() not in _YAML_WORDS:
        return name
    return json.dumps(name, ensure_ascii=False)


def draft_policy(privacy_map: PrivacyMap) -> str:
    """The policy YAML for every table and column of ``privacy_map``."""
    lines = [
        f"# Sluis policy for {privacy_map.source}",
        f"# Drafted by 'sluis policy init' on {datetime.now(UTC):%Y-%m-%d}. Review every rule:",
        "# a column is only copied as the policy says, and 'keep' copies it unchanged.",
        "version: 1",
        "k_anonymity: 5",
        "tables:",
    ]
    quasi: dict[str, list[str]] = {}
    for table in sorted(privacy_map.tables, key=lambda t: t.name):  # same on every backend
        lines += [f"  {_key(table.name)}:", "    columns:"]
        for col in table.columns:
            label = col.category or "not personal"
            evidence = "; ".join(col.evidence)
            lines.append(f"      # {label} ({col.confidence:.2f}): {evidence}".rstrip(": "))
            lines.append(f"      {_key(col.name)}: {proposed_rule(col)}")
            # Only what the copy keeps of the person can single them out in the copy.
            if col.category in _QUASI and proposed_rule(col).startswith("{rule: keep"):
                quasi.setdefault(table.name, []).append(col.name)
    if quasi:
        lines.append("# Quasi-identifiers: combinations that could single out a person.")
        lines.append("quasi_identifiers:")
        for table_name, columns in quasi.items():
            lines.append(f"  {_key(table_name)}: [{', '.join(_key(c) for c in columns)}]")
    return "\n".join(lines) + "\n"

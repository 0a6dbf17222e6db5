"""Reading and writing policy YAML, with errors that point at the line.

A validation error names the file, the line and the path inside the policy, and says
what is expected there, e.g. ``policy.yaml:14: tables.aanvragers.columns.bsn: unknown
rule 'fakee'; expected one of keep, null, fake, …``.
"""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import ValidationError

from sluis.errors import PolicyError
from sluis.model.policy import OPTIONS, Policy, TablePolicy, meant
from sluis.model.yaml_file import load_yaml

_RULES = "keep, null, fake, pseudonymize, mask, generalize, shift_date, redact_text, json, "
_RULES += "replace_blob, hash"


def parse_policy(text: str, name: str = "policy") -> Policy:
    """Parse and validate policy YAML; raises ``PolicyError`` naming ``name`` and a line."""
    node, data = load_yaml(text, name, PolicyError)
    if not isinstance(data, dict):
        raise PolicyError(f"{name}:1: a policy is a mapping with a 'tables' key")
    try:
        return Policy.model_validate(_null_rules(data))
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = [str(part) for part in error["loc"]]
        # Pydantic adds the union member name (e.g. 'keep') to the location; drop it.
        path = [p for p in loc if p not in _RULES.replace(",", "").split()]
        where = ".".join(path) or "(top level)"
        raise PolicyError(f"{name}:{_line_of(node, path)}: {where}: {_explain(error)}") from None


def _null_rules(node: Any) -> Any:
    """``node`` with ``rule: null`` written bare (YAML reads it as no value) as the rule named
    ``null``, as the README writes it."""
    if isinstance(node, dict):
        return {k: "null" if k == "rule" and v is None else _null_rules(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_null_rules(v) for v in node]
    return node


def _explain(error: Any) -> str:
    kind = error["type"]
    if kind == "union_tag_invalid":
        tag = str(error["ctx"]["tag"])
        return f"unknown rule {tag!r}{meant(tag, list(OPTIONS))}; expected one of {_RULES}"
    if kind == "union_tag_not_found":
        return f"a column needs 'rule:' (one of {_RULES})"
    if kind == "extra_forbidden":
        loc = [str(part) for part in error["loc"]]
        rule = next((part for part in reversed(loc) if part in OPTIONS), None)
        if rule is not None:
            options = [o for o in OPTIONS[rule] if o != "rule"]
            owner = rule
        else:  # the top level, or a table's
            options = list((Policy if len(loc) == 1 else TablePolicy).model_fields)
            owner = "a policy" if len(loc) == 1 else "a table"
        return (
            f"unknown option{meant(loc[-1], options)}; {owner} takes"
            f" {', '.join(options) or 'no options'}"
        )
    if kind == "missing":
        return "required and missing"
    # Pydantic words a validator's own message "Value error, …": the message is enough.
    return str(error["msg"]).removeprefix("Value error, ")


def _line_of(node: yaml.Node | None, path: list[str]) -> int:
    """The 1-based line of the deepest node on ``path`` that exists."""
    line = 1 if node is None else node.start_mark.line + 1
    for part in path:
        if not isinstance(node, yaml.MappingNode):
            break
        for key, value in node.value:
            if key.value == part:
                line, node = key.start_mark.line + 1, value
                break
        else:
            break
    return line


def dump_policy(policy: Policy) -> str:
    """The policy as YAML, in the same order as its tables and columns."""
    data = policy.model_dump(mode="json", exclude_defaults=False)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)

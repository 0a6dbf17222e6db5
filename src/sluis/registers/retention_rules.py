"""Retention rules: how long records of a processing activity and data category are kept.

A rules file is YAML; errors name the file, the line and the path, like policy files::

    rules:
      - id: clients-inactive
        activity: https://example.org/activities/benefits
        category: client-record
        table: clients                # "schema.table" on PostgreSQL
        subject_column: bsn           # holds the person's raw id in the application DB
        subject_id_type: bsn          # id type for the keyed pseudonym (default bsn)
        trigger: client inactive since
        trigger_column: last_activity # a date or timestamp (ISO text on SQLite)
        period: 5y                    # 30d, 18m, 5y: rows whose trigger is older are due
        grace: 90d                    # hidden rows are deleted this long after hiding
        selection: destroy            # selectielijst verdict: destroy, or keep (never touched)
        legal_hold: false             # true: a legal hold on the whole activity

A rule with ``selection: keep`` or ``legal_hold: true`` is reported but never acted on.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from sluis.errors import InputError
from sluis.model.yaml_file import load_yaml

_PERIOD = re.compile(r"^([0-9]+)([dmy])$")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")
_COLUMN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class RetentionRuleError(InputError):
    """A retention rules file that cannot be read or is malformed."""

    code = "SLUIS-551"


def _period(text: str) -> str:
    if not _PERIOD.match(text):
        raise ValueError("a period is a whole number followed by d, m or y, e.g. 90d or 5y")
    return text


def _table(text: str) -> str:
    if not _IDENTIFIER.match(text):
        raise ValueError("a table is a plain SQL name, optionally schema.table")
    return text


def _column(text: str) -> str:
    if not _COLUMN.match(text):
        raise ValueError("a column is a plain SQL name (letters, digits, underscore)")
    return text


Period = Annotated[str, AfterValidator(_period)]


class Selection(StrEnum):
    """The verdict of the selection list (selectielijst) for these records."""

    DESTROY = "destroy"
    KEEP = "keep"


class RetentionRule(BaseModel):
    """One rule; see the module docstring for the meaning of each field."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    activity: str = Field(min_length=1)
    category: str = Field(min_length=1)
    table: Annotated[str, AfterValidator(_table)]
    subject_column: Annotated[str, AfterValidator(_column)]
    subject_id_type: str = "bsn"
    trigger: str = Field(min_length=1)
    trigger_column: Annotated[str, AfterValidator(_column)]
    period: Period
    grace: Period = "0d"
    selection: Selection = Selection.DESTROY
    legal_hold: bool = False

    def cutoff(self, now: datetime) -> date:
        """Rows whose trigger date lies before this day are due."""
        return subtract_period(now.date(), self.period)

    def grace_cutoff(self, now: datetime) -> date:
        """Rows hidden before this day may be deleted."""
        return subtract_period(now.date(), self.grace)


class RetentionRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: tuple[RetentionRule, ...]


def subtract_period(day: date, period: str) -> date:
    """``day`` minus a period like ``90d``, ``18m`` or ``5y``; month ends are clamped
    (31 March minus 1m is 28 or 29 February)."""
    match = _PERIOD.match(period)
    if match is None:
        raise ValueError("malformed period")
    amount, unit = int(match.group(1)), match.group(2)
    if unit == "d":
        return day - timedelta(days=amount)
    months = amount * (12 if unit == "y" else 1)
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def parse_rules(text: str, name: str = "retention.yaml") -> tuple[RetentionRule, ...]:
    """Parse and validate rules YAML; raises :class:`RetentionRuleError` naming a line."""
    node, data = load_yaml(text, name, RetentionRuleError)
    if not isinstance(data, dict):
        raise RetentionRuleError(f"{name}:1: a rules file is a mapping with a 'rules' list")
    try:
        parsed = RetentionRules.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        path = [str(part) for part in error["loc"]]
        where = ".".join(path) or "(top level)"
        raise RetentionRuleError(
            f"{name}:{_line_of(node, path)}: {where}: {_explain(error)}"
        ) from None
    seen: set[str] = set()
    for index, rule in enumerate(parsed.rules):
        if rule.id in seen:
            line = _line_of(node, ["rules", str(index), "id"])
            raise RetentionRuleError(f"{name}:{line}: rules.{index}.id: rule id used twice")
        seen.add(rule.id)
    return parsed.rules


def load_rules(path: Path) -> tuple[RetentionRule, ...]:
    """Read and parse a rules file; an unreadable file is a :class:`RetentionRuleError`."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RetentionRuleError(f"cannot read rules file {path}: {type(exc).__name__}") from None
    return parse_rules(text, path.name)


def _explain(error: Any) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return "unknown field; see the rules file format in the README"
    if kind == "missing":
        return "required and missing"
    if kind == "enum":
        return "expected destroy or keep"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def _line_of(node: yaml.Node | None, path: list[str]) -> int:
    """The 1-based line of the deepest node on ``path`` that exists."""
    line = 1 if node is None else node.start_mark.line + 1
    for part in path:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == part:
                    line, node = key.start_mark.line + 1, value
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and part.isdigit():
            if int(part) >= len(node.value):
                break
            node = node.value[int(part)]
            line = node.start_mark.line + 1
        else:
            break
    return line
